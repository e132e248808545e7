/* holboo-customer-draft.h: a customer as typed in a form or read from a
 * file, checked, and turned into the team log's ops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-card.h"
#include "holboo-store-customers.h"

G_BEGIN_DECLS

#define HOLBOO_CUSTOMER_ERROR (holboo_customer_error_quark ())

/* A customer's job title (from a business card); written when the
 * customer is created, left alone by edits of the form. */
#define HOLBOO_CUSTOMER_FIELD_TITLE "title"

/**
 * HolbooCustomerError:
 * @HOLBOO_CUSTOMER_ERROR_INVALID: a value is missing, too long, or not a
 *   number or address
 * @HOLBOO_CUSTOMER_ERROR_ENCODING: a file is not UTF-8 text
 * @HOLBOO_CUSTOMER_ERROR_SYNTAX: a file is not well-formed CSV
 */
typedef enum {
  HOLBOO_CUSTOMER_ERROR_INVALID,
  HOLBOO_CUSTOMER_ERROR_ENCODING,
  HOLBOO_CUSTOMER_ERROR_SYNTAX,
} HolbooCustomerError;

/**
 * HolbooCustomerDraft:
 * @name: (nullable): required before it is turned into ops
 * @company: (nullable)
 * @title: (nullable): the job title
 * @phones: (nullable): numbers as typed, separated by commas or lines;
 *   E.164, one a line, once normalised
 * @emails: (nullable): likewise
 * @xmpp: (nullable): likewise
 * @tags: (nullable) (array zero-terminated=1)
 * @note: (nullable): a note to add
 * @line: the line of the file it came from, or 0
 */
typedef struct {
  char   *name;
  char   *company;
  char   *title;
  char   *phones;
  char   *emails;
  char   *xmpp;
  char  **tags;
  char   *note;
  guint   line;
} HolbooCustomerDraft;

GQuark               holboo_customer_error_quark      (void);

HolbooCustomerDraft *holboo_customer_draft_new        (void);
void                 holboo_customer_draft_free       (HolbooCustomerDraft  *self);
char               **holboo_customer_split_tags       (const char           *text);
gboolean             holboo_customer_draft_normalize  (HolbooCustomerDraft  *self,
                                                       GError              **error);

GPtrArray           *holboo_customer_draft_create_ops (HolbooCustomerDraft  *self,
                                                       const char           *uuid);
GPtrArray           *holboo_customer_draft_update_ops (HolbooCustomerDraft  *self,
                                                       HolbooStoredCustomer *current);
HolbooCustomerDraft *holboo_customer_draft_new_from_card (HolbooCard     *card,
                                                       GError              **error);
HolbooTeamlogOp     *holboo_customer_note_op          (const char           *customer,
                                                       const char           *text,
                                                       GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooCustomerDraft, holboo_customer_draft_free)

G_END_DECLS
