/* holboo-account-teamlog.h: the team log of an account — the customers
 * the whole team shares, synced through the team's log room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How to use it (DESIGN.md, "The team log"):
 *
 *  - Team setup.  A manager calls holboo_account_create_team_async()
 *    once (it creates and configures the log room, or takes it over
 *    when it exists and is theirs, and makes the given addresses
 *    members); a member calls holboo_account_join_team_async() with the
 *    room's address (from an invitation: HolbooAccount::invitation-received).
 *    The account remembers its team room in its store and rejoins it
 *    after every new session, catching up on what it missed.
 *    holboo_account_add_team_member_async() adds a member (managers only).
 *
 *  - Changes.  Build a #HolbooTeamlogOp (holboo-store-teamlog.h) and
 *    hand it to holboo_account_submit_teamlog_op():
 *
 *        g_autoptr(HolbooTeamlogOp) op = holboo_teamlog_op_new ();
 *        op->kind = HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE;
 *        op->customer = g_uuid_string_random ();
 *        holboo_teamlog_op_add_field (op, HOLBOO_CUSTOMER_FIELD_NAME, "Батбаяр");
 *        holboo_teamlog_op_add_field (op, HOLBOO_CUSTOMER_FIELD_PHONES, "9911 2233");
 *        holboo_account_submit_teamlog_op (account, op, NULL, on_submitted, self);
 *
 *    The op is checked (a bad one fails with %HOLBOO_TEAMLOG_ERROR and
 *    changes nothing), given its uuid, its phone numbers and addresses
 *    normalised, applied to the local tables at once and kept in the
 *    op outbox, in one transaction — so it shows straight away, as
 *    pending, and survives a crash or a restart.  It is sent to the log
 *    room when the account is in it; the room's echo, in server order,
 *    confirms it and takes it out of the outbox.  Offline, ops wait in
 *    the outbox; the next session catches up first and sends them
 *    after.  The finish function gives the op's uuid.  Set op->customer
 *    to a new uuid for a new customer; op->target to a new uuid for a
 *    new note (note.add).
 *
 *  - Refreshing.  HolbooAccount::customers-changed tells which
 *    customers changed (an op submitted here, ops from the team, a
 *    catch-up); read them again then.  HolbooAccount::teamlog-synced
 *    tells that a catch-up ended.  The "team-room", "teamlog-pending"
 *    and "teamlog-syncing" properties notify.
 *
 *  - Reading.  Customer tables live in the account's store, which only
 *    the account's worker thread touches: run a read
 *    (holboo_store_dump_customers(), holboo_store_get_customer_fields(),
 *    your own) with holboo_account_read_customers_async(); it runs
 *    after every change submitted before it.
 *
 *  - Calls and chats.  Chats with a customer's XMPP address are
 *    mirrored to that customer's timeline by the account itself.  The
 *    calls code logs each finished call with holboo_account_log_call_async();
 *    it is logged when the number or address belongs to a customer.
 */

#pragma once

#include "holboo-account.h"
#include "holboo-store-teamlog.h"
#include "holboo-teamlog-op.h"

G_BEGIN_DECLS

/**
 * HolbooTeamlogCallDirection:
 *
 * Who called whom.
 */
typedef enum {
  HOLBOO_TEAMLOG_CALL_INCOMING,
  HOLBOO_TEAMLOG_CALL_OUTGOING,
} HolbooTeamlogCallDirection;

/**
 * HolbooTeamlogCallOutcome:
 *
 * How a call ended.
 */
typedef enum {
  HOLBOO_TEAMLOG_CALL_ANSWERED,
  HOLBOO_TEAMLOG_CALL_MISSED,
  HOLBOO_TEAMLOG_CALL_REJECTED,
  HOLBOO_TEAMLOG_CALL_BUSY,
  HOLBOO_TEAMLOG_CALL_FAILED,
} HolbooTeamlogCallOutcome;

/**
 * HolbooTeamlogCall:
 * @direction: incoming or outgoing
 * @remote: the customer's side: a phone number (any form: it is
 *   normalised) or an XMPP address
 * @local: (nullable): our side's number or address
 * @handled_by: (nullable): the member who took or made the call (bare
 *   JID); %NULL for the account's own
 * @start: when it started ringing, µs since the epoch
 * @answer: (nullable when 0): when it was answered
 * @end: when it ended
 * @outcome: how it ended
 * @recording: (nullable): the recording's URL (XEP-0363)
 *
 * A finished call, for holboo_account_log_call_async().
 */
typedef struct {
  HolbooTeamlogCallDirection  direction;
  const char                 *remote;
  const char                 *local;
  const char                 *handled_by;
  gint64                      start;
  gint64                      answer;
  gint64                      end;
  HolbooTeamlogCallOutcome    outcome;
  const char                 *recording;
} HolbooTeamlogCall;

/**
 * HolbooTeamlogReadFunc:
 * @store: the account's store
 * @data: what was given
 * @error: for a failure
 *
 * A read of the customer tables, run on the account's worker thread.
 *
 * Returns: (transfer full) (nullable): the result, for the finish
 *   function
 */
typedef gpointer (*HolbooTeamlogReadFunc) (HolbooStore  *store,
                                           gpointer      data,
                                           GError      **error);

/* Team setup */
const char *holboo_account_get_team_room           (HolbooAccount        *self);
guint       holboo_account_get_teamlog_pending     (HolbooAccount        *self);
gboolean    holboo_account_get_teamlog_syncing     (HolbooAccount        *self);

void        holboo_account_create_team_async       (HolbooAccount        *self,
                                                    const char           *room,
                                                    const char           *name,
                                                    const char * const   *members,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean    holboo_account_create_team_finish      (HolbooAccount        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void        holboo_account_join_team_async         (HolbooAccount        *self,
                                                    const char           *room,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean    holboo_account_join_team_finish        (HolbooAccount        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);
void        holboo_account_add_team_member_async   (HolbooAccount        *self,
                                                    const char           *member,
                                                    gboolean              manager,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean    holboo_account_add_team_member_finish  (HolbooAccount        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Changes */
void        holboo_account_submit_teamlog_op       (HolbooAccount        *self,
                                                    HolbooTeamlogOp      *op,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char       *holboo_account_submit_teamlog_op_finish (HolbooAccount       *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Waits until the log room is joined, caught up, and the outbox is
 * empty (for the CLI and tests). */
void        holboo_account_sync_teamlog_async      (HolbooAccount        *self,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean    holboo_account_sync_teamlog_finish     (HolbooAccount        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Reads */
void        holboo_account_read_customers_async    (HolbooAccount        *self,
                                                    HolbooTeamlogReadFunc func,
                                                    gpointer              data,
                                                    GDestroyNotify        data_free,
                                                    GDestroyNotify        result_free,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gpointer    holboo_account_read_customers_finish   (HolbooAccount        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Calls */
void        holboo_account_log_call_async          (HolbooAccount        *self,
                                                    const HolbooTeamlogCall *call,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char       *holboo_account_log_call_finish         (HolbooAccount        *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
