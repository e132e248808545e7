/* holboo-store-customers.h: customers and their timelines as the UI,
 * the command-line tool and matching read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store-teamlog.h"

G_BEGIN_DECLS

/**
 * HolbooCustomerEventKind:
 *
 * What a timeline entry is.  %HOLBOO_CUSTOMER_EVENT_OTHER: a kind this
 * version does not know, shown by its summary.
 */
typedef enum {
  HOLBOO_CUSTOMER_EVENT_OTHER,
  HOLBOO_CUSTOMER_EVENT_NOTE,
  HOLBOO_CUSTOMER_EVENT_CALL,
  HOLBOO_CUSTOMER_EVENT_CHAT,
  HOLBOO_CUSTOMER_EVENT_SATISFACTION,
} HolbooCustomerEventKind;

/**
 * HolbooStoredCustomer:
 * @id: the row id (local; for paging only)
 * @uuid: the customer's id in the team log
 * @name: (nullable): the "name" field
 * @company: (nullable)
 * @phones: (nullable): E.164 numbers, one a line
 * @emails: (nullable): one a line
 * @xmpp: (nullable): XMPP addresses, one a line
 * @owner: (nullable): the bare JID of the member who looks after them
 * @tags: (array zero-terminated=1): sorted
 * @created_by: the member who created the customer
 * @created_at: µs since the epoch
 *
 * A customer as the team log made it.  Every string is owned.
 */
typedef struct {
  gint64   id;
  char    *uuid;
  char    *name;
  char    *company;
  char    *phones;
  char    *emails;
  char    *xmpp;
  char    *owner;
  char   **tags;
  char    *created_by;
  gint64   created_at;
} HolbooStoredCustomer;

/**
 * HolbooCustomerEvent:
 * @id: the row id (local; for paging only)
 * @uuid: the note's id, or the op's
 * @kind: what it is
 * @kind_name: the kind as stored ("note", "call", …)
 * @at: when it happened, µs since the epoch
 * @author: the member who wrote it
 * @body: the note's text or the event's summary
 * @data: (nullable): an event's details (JSON)
 */
typedef struct {
  gint64                   id;
  char                    *uuid;
  HolbooCustomerEventKind  kind;
  char                    *kind_name;
  gint64                   at;
  char                    *author;
  char                    *body;
  char                    *data;
} HolbooCustomerEvent;

/**
 * HolbooCustomerCursor:
 * @key: the sort key of the last customer of the page before
 *   (holboo_stored_customer_sort_key()); only the whole list uses it
 * @id: its row id
 */
typedef struct {
  const char *key;
  gint64      id;
} HolbooCustomerCursor;

/**
 * HolbooCustomerQuery:
 * @text: (nullable): what the user typed: words matched (by their
 *   beginning) against names, company, numbers, addresses, tags and
 *   notes; all of them must match
 * @phone_digits: (nullable): digits a phone number starts with (without
 *   the "+"), matched against the numbers as well
 * @tag: (nullable): only customers with this tag
 * @owner: (nullable): only customers this member looks after
 * @after: (nullable): the page after this position (the whole list is
 *   ordered by name, a search's matches newest first)
 * @limit: at most this many
 */
typedef struct {
  const char                 *text;
  const char                 *phone_digits;
  const char                 *tag;
  const char                 *owner;
  const HolbooCustomerCursor *after;
  guint                       limit;
} HolbooCustomerQuery;

void                  holboo_stored_customer_free   (HolbooStoredCustomer *self);
char                 *holboo_stored_customer_sort_key (HolbooStoredCustomer *self);
void                  holboo_customer_event_free    (HolbooCustomerEvent  *self);

GPtrArray            *holboo_store_search_customers (HolbooStore               *self,
                                                     const HolbooCustomerQuery *query,
                                                     GError                   **error);
HolbooStoredCustomer *holboo_store_load_customer    (HolbooStore               *self,
                                                     const char                *uuid,
                                                     GError                   **error);
GPtrArray            *holboo_store_load_customer_events (HolbooStore           *self,
                                                     const char                *uuid,
                                                     const HolbooCustomerEvent *before,
                                                     guint                      limit,
                                                     GError                   **error);
HolbooCustomerEvent  *holboo_store_load_latest_note (HolbooStore               *self,
                                                     const char                *uuid,
                                                     GError                   **error);
GPtrArray            *holboo_store_list_customer_tags (HolbooStore             *self,
                                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoredCustomer, holboo_stored_customer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooCustomerEvent, holboo_customer_event_free)

G_END_DECLS
