/* holboo-account-teamlog.c: the team log's API — team setup, ops typed
 * here, reads of the customer tables (see holboo-account-teamlog.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An op typed here is checked the way one from the room is: it is
 * written as it will travel and read back with the same parser, so
 * what a member can submit is exactly what every other member accepts.
 * The sending, the catch-up and the echoes are in
 * holboo-account-teamlog-sync.c.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-rooms.h"
#include "holboo-account-teamlog-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static gboolean
is_event (HolbooTeamlogOpKind kind)
{
  return kind == HOLBOO_TEAMLOG_OP_NOTE_ADD || kind == HOLBOO_TEAMLOG_OP_CALL_LOG ||
         kind == HOLBOO_TEAMLOG_OP_CHAT_MIRROR || kind == HOLBOO_TEAMLOG_OP_SATISFACTION;
}

/* One line for clients that do not know the op (the message's body). */
char *
_holboo_teamlog_summary (HolbooTeamlogOp *op)
{
  const char *name = holboo_teamlog_op_get_field (op, HOLBOO_CUSTOMER_FIELD_NAME);
  const char *target = op->target != NULL ? op->target : "";

  switch (op->kind)
    {
    case HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE:
      return g_strdup_printf (_("New customer: %s"), name != NULL ? name : "");
    case HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE:
      return g_strdup (_("Customer details changed"));
    case HOLBOO_TEAMLOG_OP_CUSTOMER_MERGE:
      return g_strdup (_("Customers merged"));
    case HOLBOO_TEAMLOG_OP_CUSTOMER_DELETE:
      return g_strdup (_("Customer deleted"));
    case HOLBOO_TEAMLOG_OP_NOTE_ADD:
      return g_strdup (_("Note added"));
    case HOLBOO_TEAMLOG_OP_NOTE_EDIT:
      return g_strdup (_("Note edited"));
    case HOLBOO_TEAMLOG_OP_NOTE_DELETE:
      return g_strdup (_("Note deleted"));
    case HOLBOO_TEAMLOG_OP_CALL_LOG:
      return g_strdup (_("Call logged"));
    case HOLBOO_TEAMLOG_OP_CHAT_MIRROR:
      return g_strdup (_("Chat with a customer"));
    case HOLBOO_TEAMLOG_OP_TAG_ADD:
      return g_strdup_printf (_("Tag added: %s"), target);
    case HOLBOO_TEAMLOG_OP_TAG_REMOVE:
      return g_strdup_printf (_("Tag removed: %s"), target);
    case HOLBOO_TEAMLOG_OP_OWNER_ASSIGN:
      return g_strdup_printf (_("Owner: %s"), target);
    case HOLBOO_TEAMLOG_OP_SATISFACTION:
      return g_strdup (_("Satisfaction score"));
    case HOLBOO_TEAMLOG_OP_UNKNOWN:
    default:
      return g_strdup (_("Team log entry"));
    }
}

/**
 * _holboo_account_teamlog_prepare:
 * @op: an op as the caller filled it
 *
 * Returns: (transfer full) (nullable): @op as it will travel — its uuid,
 *   time, normalised fields, our address as author — or %NULL with a
 *   %HOLBOO_TEAMLOG_ERROR saying what is wrong with it
 */
HolbooTeamlogOp *
_holboo_account_teamlog_prepare (HolbooAccount    *self,
                                 HolbooTeamlogOp  *op,
                                 GError          **error)
{
  g_autoptr(HolbooXmlNode) element = NULL;
  g_autofree char *uuid = NULL;
  HolbooTeamlogOp copy;
  HolbooTeamlogOp *prepared;
  gint64 now = g_get_real_time ();

  if (holboo_teamlog_op_kind_to_string (op->kind) == NULL)
    {
      g_set_error_literal (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                           _("A team log entry of an unknown kind cannot be written"));
      return NULL;
    }
  if (op->customer == NULL || !g_uuid_string_is_valid (op->customer))
    {
      g_set_error_literal (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                           _("A team log entry needs the id of its customer"));
      return NULL;
    }
  if (op->uuid != NULL && !g_uuid_string_is_valid (op->uuid))
    {
      g_set_error_literal (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                           _("A team log entry’s id is not valid"));
      return NULL;
    }

  /* Written the way it travels, and read back by the same parser. */
  copy = *op;
  uuid = op->uuid != NULL ? g_ascii_strdown (op->uuid, -1) : g_uuid_string_random ();
  copy.uuid = uuid;
  if (copy.at == 0 && is_event (op->kind))
    copy.at = now - now % G_USEC_PER_SEC;
  element = holboo_teamlog_op_build (&copy);
  if (element == NULL)
    {
      g_set_error_literal (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                           _("A team log entry could not be written"));
      return NULL;
    }
  prepared = holboo_teamlog_op_parse (element, error);
  if (prepared == NULL)
    return NULL;

  prepared->author = g_strdup (holboo_account_get_jid (self));
  prepared->server_ts = now;
  return prepared;
}

void
_holboo_account_teamlog_emit_state (HolbooAccount *self)
{
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_TEAMLOG_STATE_CHANGED], 0);
}

void
_holboo_account_teamlog_set_pending (HolbooAccount *self,
                                     gint64         pending)
{
  if (pending < 0 || pending == self->teamlog->pending)
    return;
  self->teamlog->pending = pending;
  _holboo_account_teamlog_emit_state (self);
  _holboo_account_teamlog_check_sync_tasks (self);
}

/* Tells the UI which customers @ops touched. */
void
_holboo_account_teamlog_changed (HolbooAccount *self,
                                 GPtrArray     *ops)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) customers = NULL;

  for (guint i = 0; i < ops->len; i++)
    {
      HolbooTeamlogOp *op = ops->pdata[i];
      const char *ids[] = { op->customer,
                            op->kind == HOLBOO_TEAMLOG_OP_CUSTOMER_MERGE ? op->target : NULL };

      for (guint j = 0; j < G_N_ELEMENTS (ids); j++)
        if (ids[j] != NULL && g_hash_table_add (seen, (gpointer) ids[j]))
          g_strv_builder_add (builder, ids[j]);
    }
  if (g_hash_table_size (seen) == 0)
    return;
  customers = g_strv_builder_end (builder);
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_CUSTOMERS_CHANGED], 0, customers);
}

/* Team setup ------------------------------------------------------------- */

static gpointer
load_func (HolbooStore  *store,
           gpointer      data,
           GError      **error)
{
  gint64 *pending = g_new (gint64, 1);

  *pending = holboo_store_count_teamlog_outbox (store, error);
  return pending;
}

static void
on_loaded (HolbooAccount      *self,
           HolbooAccountBatch *batch,
           gpointer            data)
{
  HolbooAccountOp *op;

  if (self == NULL)
    return;
  op = batch->ops->pdata[0];
  self->teamlog->loaded = TRUE;
  if (op->call_result != NULL)
    _holboo_account_teamlog_set_pending (self, *(gint64 *) op->call_result);
  _holboo_account_teamlog_emit_state (self);
  _holboo_account_teamlog_check_sync_tasks (self);
}

static gpointer
load_room_func (HolbooStore  *store,
                gpointer      data,
                GError      **error)
{
  return holboo_store_get_meta (store, HOLBOO_TEAMLOG_META_ROOM, NULL);
}

static void
on_room_loaded (HolbooAccount      *self,
                HolbooAccountBatch *batch,
                gpointer            data)
{
  HolbooAccountOp *op;

  if (self == NULL)
    return;
  op = batch->ops->pdata[0];
  /* A setup under way since wins. */
  if (self->teamlog->room == NULL && op->call_result != NULL)
    self->teamlog->room = g_steal_pointer (&op->call_result);
}

static gpointer
save_room_func (HolbooStore  *store,
                gpointer      data,
                GError      **error)
{
  return holboo_store_set_meta (store, HOLBOO_TEAMLOG_META_ROOM, data, error) ? GINT_TO_POINTER (1) : NULL;
}

static void
on_room_saved (HolbooAccount      *self,
               HolbooAccountBatch *batch,
               gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = batch->ops->pdata[0];

  if (op->error != NULL)
    g_task_return_error (task, g_error_copy (op->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_team_room_ready (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccount *self = HOLBOO_ACCOUNT (source);
  g_autoptr(HolbooRoom) room = NULL;
  GError *error = NULL;

  if (g_task_get_source_tag (task) == holboo_account_create_team_async)
    room = holboo_account_create_room_finish (self, result, &error);
  else
    room = holboo_account_join_room_finish (self, result, &error);
  if (room == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  _holboo_account_teamlog_emit_state (self);
  _holboo_account_call (self, save_room_func, g_strdup (holboo_room_get_jid (room)), g_free, NULL,
                        on_room_saved, g_steal_pointer (&task), g_object_unref);
}

static gboolean
take_team_room (HolbooAccount  *self,
                GTask          *task,
                const char     *room)
{
  g_autoptr(HolbooJid) jid = room != NULL ? holboo_jid_parse (room, -1, NULL) : NULL;

  if (jid == NULL || holboo_jid_get_localpart (jid) == NULL || holboo_jid_is_full (jid))
    {
      g_task_return_new_error (task, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_INVALID,
                               _("“%s” is not a valid address for the team’s log"), room != NULL ? room : "");
      return FALSE;
    }
  if (self->teamlog->room != NULL && !g_str_equal (self->teamlog->room, holboo_jid_get_bare_string (jid)))
    {
      g_task_return_new_error (task, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_EXISTS,
                               _("This account is already in the team of “%s”"), self->teamlog->room);
      return FALSE;
    }
  g_free (self->teamlog->room);
  self->teamlog->room = g_strdup (holboo_jid_get_bare_string (jid));
  return TRUE;
}

/**
 * holboo_account_create_team_async:
 * @room: the log room's address, e.g. team@conference.example.mn
 * @name: (nullable): the team's name
 * @members: (nullable) (array zero-terminated=1): the members' bare JIDs
 *
 * Creates the team's log room (persistent, members-only,
 * non-anonymous, archived) with us as its owner, or configures it so
 * when it exists and is ours, adds @members, and makes it this
 * account's team log.
 */
void
holboo_account_create_team_async (HolbooAccount       *self,
                                  const char          *room,
                                  const char          *name,
                                  const char * const  *members,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_create_team_async);
  if (!take_team_room (self, task, room))
    return;
  holboo_account_create_room_async (self, self->teamlog->room, holboo_jid_get_localpart (self->jid),
                                    name != NULL ? name : _("Team log"), members, cancellable,
                                    on_team_room_ready, g_steal_pointer (&task));
}

gboolean
holboo_account_create_team_finish (HolbooAccount  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * holboo_account_join_team_async:
 * @room: the log room's address (the account must be a member)
 *
 * Joins the team whose log is @room: its whole log is replayed into the
 * customer tables, and kept up to date from then on.
 */
void
holboo_account_join_team_async (HolbooAccount       *self,
                                const char          *room,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_join_team_async);
  if (!take_team_room (self, task, room))
    return;
  holboo_account_join_room_async (self, self->teamlog->room, holboo_jid_get_localpart (self->jid), NULL,
                                  cancellable, on_team_room_ready, g_steal_pointer (&task));
}

gboolean
holboo_account_join_team_finish (HolbooAccount  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_member_added (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccount *self = HOLBOO_ACCOUNT (source);
  GError *error = NULL;
  gboolean ok;

  if (g_task_get_task_data (task) != NULL)
    ok = holboo_account_set_affiliation_finish (self, result, &error);
  else
    ok = holboo_account_invite_finish (self, result, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * holboo_account_add_team_member_async:
 * @member: the new member's bare JID
 * @manager: make them a manager (a room admin) rather than a member
 *
 * Adds @member to the team (we must be a manager), and invites a
 * member to join.
 */
void
holboo_account_add_team_member_async (HolbooAccount       *self,
                                      const char          *member,
                                      gboolean             manager,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_add_team_member_async);
  if (self->teamlog->room == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NOT_JOINED,
                               _("This account is in no team"));
      return;
    }
  if (manager)
    {
      g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
      holboo_account_set_affiliation_async (self, self->teamlog->room, member, HOLBOO_MUC_AFFILIATION_ADMIN,
                                            cancellable, on_member_added, g_steal_pointer (&task));
    }
  else
    holboo_account_invite_async (self, self->teamlog->room, member, NULL, cancellable, on_member_added,
                                 g_steal_pointer (&task));
}

gboolean
holboo_account_add_team_member_finish (HolbooAccount  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * holboo_account_get_team_room:
 *
 * Returns: (nullable): the team's log room, or %NULL when the account
 *   is in no team (or the store has not said yet)
 */
const char *
holboo_account_get_team_room (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return self->teamlog->room;
}

/**
 * holboo_account_get_teamlog_pending:
 *
 * Returns: how many ops typed here the log has not confirmed yet
 */
guint
holboo_account_get_teamlog_pending (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), 0);
  return (guint) self->teamlog->pending;
}

/**
 * holboo_account_get_teamlog_syncing:
 *
 * Returns: whether the log is being caught up on
 */
gboolean
holboo_account_get_teamlog_syncing (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  return self->teamlog->syncing;
}

/* Changes ---------------------------------------------------------------- */

static gpointer
submit_func (HolbooStore  *store,
             gpointer      data,
             GError      **error)
{
  gint64 count;

  if (!holboo_store_submit_teamlog_op (store, data, error))
    return NULL;
  count = holboo_store_count_teamlog_outbox (store, error);
  return count < 0 ? NULL : g_memdup2 (&count, sizeof count);
}

static void
on_submitted (HolbooAccount      *self,
              HolbooAccountBatch *batch,
              gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = batch->ops->pdata[0];
  HolbooTeamlogOp *teamlog_op = op->call_data;
  g_autoptr(GPtrArray) ops = NULL;

  if (self == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                               _("The account was closed"));
      return;
    }
  if (op->error != NULL)
    {
      g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_STORE_ERROR], 0, op->error);
      g_task_return_error (task, g_error_copy (op->error));
      return;
    }

  _holboo_account_teamlog_set_pending (self, *(gint64 *) op->call_result);
  ops = g_ptr_array_new ();
  g_ptr_array_add (ops, teamlog_op);
  _holboo_account_teamlog_changed (self, ops);
  _holboo_account_teamlog_flush (self);
  g_task_return_pointer (task, g_strdup (teamlog_op->uuid), g_free);
}

/**
 * holboo_account_submit_teamlog_op:
 * @op: (transfer none): the op; its uuid is made when it has none
 *
 * Checks @op, applies it here at once and queues it for the team's log
 * (see the top of holboo-account-teamlog.h).  Works offline, and
 * before the account is in a team: the op waits in the outbox.
 */
void
holboo_account_submit_teamlog_op (HolbooAccount       *self,
                                  HolbooTeamlogOp     *op,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  HolbooTeamlogOp *prepared;
  GError *error = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (op != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_submit_teamlog_op);

  prepared = _holboo_account_teamlog_prepare (self, op, &error);
  if (prepared == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  _holboo_account_call (self, submit_func, prepared, (GDestroyNotify) holboo_teamlog_op_free, g_free,
                        on_submitted, g_steal_pointer (&task), g_object_unref);
}

/**
 * holboo_account_submit_teamlog_op_finish:
 *
 * Returns: (transfer full): the op's uuid, or %NULL with @error
 */
char *
holboo_account_submit_teamlog_op_finish (HolbooAccount  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Reads ------------------------------------------------------------------ */

static void
on_read (HolbooAccount      *self,
         HolbooAccountBatch *batch,
         gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = batch->ops->pdata[0];

  if (op->error != NULL)
    g_task_return_error (task, g_error_copy (op->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&op->call_result), op->call_result_free);
}

/**
 * holboo_account_read_customers_async:
 * @func: the read, run on the account's worker thread with its store
 * @data: (nullable): for @func
 * @data_free: (nullable): frees @data after @func ran
 * @result_free: (nullable): frees what @func returned, when nobody took it
 *
 * Runs @func after every change queued before it.
 */
void
holboo_account_read_customers_async (HolbooAccount         *self,
                                     HolbooTeamlogReadFunc  func,
                                     gpointer               data,
                                     GDestroyNotify         data_free,
                                     GDestroyNotify         result_free,
                                     GCancellable          *cancellable,
                                     GAsyncReadyCallback    callback,
                                     gpointer               user_data)
{
  GTask *task;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_read_customers_async);
  _holboo_account_call (self, func, data, data_free, result_free, on_read, task, g_object_unref);
}

/**
 * holboo_account_read_customers_finish:
 *
 * Returns: (transfer full) (nullable): what the read returned
 */
gpointer
holboo_account_read_customers_finish (HolbooAccount  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Life cycle ------------------------------------------------------------- */

void
_holboo_account_teamlog_class_init (GObjectClass *object_class)
{
  /**
   * HolbooAccount::customers-changed:
   * @customers: (array zero-terminated=1): the uuids of the customers
   *   that changed (ops typed here, from the team, from a catch-up)
   */
  _holboo_account_signals[ACCOUNT_SIGNAL_CUSTOMERS_CHANGED] =
    g_signal_new ("customers-changed", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * HolbooAccount::teamlog-synced:
   * @n_applied: ops from the log this catch-up applied
   *
   * A catch-up on the team's log ended.
   */
  _holboo_account_signals[ACCOUNT_SIGNAL_TEAMLOG_SYNCED] =
    g_signal_new ("teamlog-synced", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * HolbooAccount::teamlog-state-changed:
   *
   * The team room, the number of pending ops or whether the log is
   * being caught up on changed (holboo_account_get_team_room(),
   * holboo_account_get_teamlog_pending(), holboo_account_get_teamlog_syncing()).
   */
  _holboo_account_signals[ACCOUNT_SIGNAL_TEAMLOG_STATE_CHANGED] =
    g_signal_new ("teamlog-state-changed", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
_holboo_account_teamlog_init (HolbooAccount *self)
{
  self->teamlog = g_new0 (HolbooAccountTeamlog, 1);
  self->teamlog->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->teamlog->sync_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->teamlog->backlog = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  self->teamlog->page_size = HOLBOO_TEAMLOG_PAGE_SIZE;
}

/* The team room first, then the outbox's size: both before the first
 * session's rooms are joined (the worker runs in order). */
void
_holboo_account_teamlog_store_ready (HolbooAccount *self)
{
  _holboo_account_call (self, load_room_func, NULL, NULL, g_free, on_room_loaded, NULL, NULL);
  _holboo_account_call (self, load_func, NULL, NULL, g_free, on_loaded, NULL, NULL);
  _holboo_account_teamlog_mirror_init (self);
}

void
_holboo_account_teamlog_dispose (HolbooAccount *self)
{
  HolbooAccountTeamlog *t = self->teamlog;

  if (t == NULL)
    return;
  /* Answers still on their way find nothing to do. */
  t->generation++;
  t->syncing = FALSE;
  t->joined = FALSE;
  if (t->sync_tasks != NULL)
    {
      g_autoptr(GPtrArray) tasks = g_steal_pointer (&t->sync_tasks);

      for (guint i = 0; i < tasks->len; i++)
        g_task_return_new_error (tasks->pdata[i], HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                                 _("The account was closed"));
    }
  g_clear_pointer (&t->results, g_ptr_array_unref);
  g_clear_pointer (&t->sent, g_hash_table_unref);
  g_clear_pointer (&t->backlog, g_ptr_array_unref);
  g_clear_pointer (&t->queryid, g_free);
  g_clear_pointer (&t->position, g_free);
}

void
_holboo_account_teamlog_finalize (HolbooAccount *self)
{
  if (self->teamlog != NULL)
    g_free (self->teamlog->room);
  g_clear_pointer (&self->teamlog, g_free);
}

void
_holboo_account_teamlog_set_page_size (HolbooAccount *self,
                                       guint          page_size)
{
  self->teamlog->page_size = MAX (page_size, 1);
}
