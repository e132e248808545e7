/* holboo-store-teamlog.h: the team log's operations and the customer
 * tables they are replayed into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store.h"

G_BEGIN_DECLS

/**
 * HolbooTeamlogOpKind:
 *
 * What an operation of the team log does.  %HOLBOO_TEAMLOG_OP_UNKNOWN
 * is an op this version does not know (a newer client wrote it): it is
 * kept, so a later version can apply it, and skipped.
 */
typedef enum {
  HOLBOO_TEAMLOG_OP_UNKNOWN,
  HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE,
  HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE,
  HOLBOO_TEAMLOG_OP_CUSTOMER_MERGE,
  HOLBOO_TEAMLOG_OP_CUSTOMER_DELETE,
  HOLBOO_TEAMLOG_OP_NOTE_ADD,
  HOLBOO_TEAMLOG_OP_NOTE_EDIT,
  HOLBOO_TEAMLOG_OP_NOTE_DELETE,
  HOLBOO_TEAMLOG_OP_CALL_LOG,
  HOLBOO_TEAMLOG_OP_CHAT_MIRROR,
  HOLBOO_TEAMLOG_OP_TAG_ADD,
  HOLBOO_TEAMLOG_OP_TAG_REMOVE,
  HOLBOO_TEAMLOG_OP_OWNER_ASSIGN,
  HOLBOO_TEAMLOG_OP_SATISFACTION,
} HolbooTeamlogOpKind;

/* Fields with several values keep them one per line, normalised (phone
 * numbers in E.164, addresses lower-case); they are what incoming calls
 * and chats are matched by. */
#define HOLBOO_CUSTOMER_FIELD_NAME    "name"
#define HOLBOO_CUSTOMER_FIELD_COMPANY "company"
#define HOLBOO_CUSTOMER_FIELD_PHONES  "phones"
#define HOLBOO_CUSTOMER_FIELD_EMAILS  "emails"
#define HOLBOO_CUSTOMER_FIELD_XMPP    "xmpp"
#define HOLBOO_CUSTOMER_FIELD_OWNER   "owner"

typedef enum {
  HOLBOO_CUSTOMER_HANDLE_PHONE,
  HOLBOO_CUSTOMER_HANDLE_EMAIL,
  HOLBOO_CUSTOMER_HANDLE_XMPP,
} HolbooCustomerHandleKind;

/**
 * HolbooTeamlogOp:
 * @stanza_id: the log room's archive id of the message that carried the
 *   op: its place in server order
 * @uuid: the id the writing client gave the op; an echo has the same
 * @kind: what it does
 * @type_name: the op's type as written ("customer.update", …)
 * @version: the op format version it was written in
 * @author: the bare JID of the member who wrote it
 * @server_ts: the archive's time, µs since the epoch
 * @customer: the customer it is about (a uuid)
 * @target: (nullable): the note's uuid (note ops), the customer merged
 *   away (merge), the tag (tag ops) or the owner's JID (owner.assign)
 * @fields: (element-type HolbooTeamlogField) (nullable): for create and
 *   update: the fields set ("" clears one)
 * @body: (nullable): a note's text, or an event's one-line summary
 * @at: when the event happened (a call's start), µs; 0 for @server_ts
 * @data: (nullable): an event's details (JSON), as written
 * @payload: the op element as received (XML), kept for ops this version
 *   cannot apply
 */
typedef struct {
  char                *stanza_id;
  char                *uuid;
  HolbooTeamlogOpKind  kind;
  char                *type_name;
  guint                version;
  char                *author;
  gint64               server_ts;
  char                *customer;
  char                *target;
  GPtrArray           *fields;
  char                *body;
  gint64               at;
  char                *data;
  char                *payload;
} HolbooTeamlogOp;

typedef struct {
  char *name;
  char *value;
} HolbooTeamlogField;

HolbooTeamlogOp    *holboo_teamlog_op_new          (void);
void                holboo_teamlog_op_free         (HolbooTeamlogOp    *op);
void                holboo_teamlog_op_add_field    (HolbooTeamlogOp    *op,
                                                    const char         *name,
                                                    const char         *value);
const char         *holboo_teamlog_op_get_field    (HolbooTeamlogOp    *op,
                                                    const char         *name);

/**
 * HolbooTeamlogApplied:
 * @n_applied: ops applied
 * @n_duplicate: ops already in the log (an echo, a page fetched twice)
 * @n_skipped: ops kept but not applied (unknown kind, newer version,
 *   about a customer that does not exist or was deleted)
 */
typedef struct {
  guint n_applied;
  guint n_duplicate;
  guint n_skipped;
} HolbooTeamlogApplied;

gboolean            holboo_store_apply_teamlog_ops  (HolbooStore          *self,
                                                     GPtrArray            *ops,
                                                     HolbooTeamlogApplied *applied,
                                                     GError              **error);

/**
 * HolbooTeamlogApplyFlags:
 * @HOLBOO_TEAMLOG_APPLY_DEFER_SEARCH: a page of a catch-up: the
 *   customers' search rows are rewritten once, at its end
 */
typedef enum {
  HOLBOO_TEAMLOG_APPLY_DEFER_SEARCH = 1 << 0,
} HolbooTeamlogApplyFlags;

gboolean            holboo_store_apply_teamlog_batch (HolbooStore         *self,
                                                     GPtrArray            *ops,
                                                     HolbooTeamlogApplyFlags flags,
                                                     HolbooTeamlogApplied *applied,
                                                     GError              **error);
gboolean            holboo_store_update_teamlog_search (HolbooStore       *self,
                                                     GError              **error);
char               *holboo_store_dup_teamlog_position (HolbooStore        *self,
                                                     GError              **error);
gboolean            holboo_store_count_teamlog_ops  (HolbooStore          *self,
                                                     gint64               *count,
                                                     GError              **error);

/* The op outbox: holboo-store-teamlog-outbox.c */
gboolean            holboo_store_submit_teamlog_op  (HolbooStore          *self,
                                                     HolbooTeamlogOp      *op,
                                                     GError              **error);
GPtrArray          *holboo_store_list_teamlog_outbox (HolbooStore         *self,
                                                     const char           *customer,
                                                     GError              **error);
gint64              holboo_store_count_teamlog_outbox (HolbooStore        *self,
                                                     GError              **error);

/* Reads: holboo-store-customers.c */
GHashTable         *holboo_store_get_customer_fields (HolbooStore         *self,
                                                     const char           *customer,
                                                     GError              **error);
char               *holboo_store_find_customer      (HolbooStore          *self,
                                                     HolbooCustomerHandleKind kind,
                                                     const char           *value,
                                                     GError              **error);
char               *holboo_store_dump_customers     (HolbooStore          *self,
                                                     GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooTeamlogOp, holboo_teamlog_op_free)

G_END_DECLS
