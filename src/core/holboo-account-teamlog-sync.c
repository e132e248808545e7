/* holboo-account-teamlog-sync.c: the team log over the team's room —
 * catching up on its archive, and sending the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ops are applied only from the log room's archive (MAM), paged forward
 * from the last op applied ("after id X"), never from the live
 * messages: the archive gives every member the same order, the same
 * time stamps and the same word on who wrote each op.  A live op from
 * the room (anyone's, or the echo of ours) only says that the archive
 * has something new, and starts a catch-up; a catch-up that is running
 * goes round once more.  The room is joined without history
 * (holboo-account-rooms.c), so nothing comes twice or is missed.
 *
 * Who wrote an op is what the archive says: the real JID the room
 * added to it (the room is non-anonymous).  An op the archive does not
 * attribute, attributes to two addresses (the writer added one of their
 * own), or attributes to someone who is not a member of the team, is
 * dropped with a log line and never stored; so is an op that comes from
 * anywhere but the team's room, and one the parser refuses.
 *
 * The outbox goes out after each catch-up: what the archive had of it
 * (sent before a cut) has been applied and left the outbox by then.
 * Each op is sent once per session; an op that was sent and not echoed
 * is sent again in the next session, and an echo that comes twice is
 * applied once (the op's uuid).
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-rooms.h"
#include "holboo-account-teamlog-private.h"
#include "holboo-xmpp-mam.h"
#include "holboo-xmpp-muc.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Ops fetched and waiting to be applied, beyond which fetching waits. */
#define MAX_BACKLOG 2000

typedef struct {
  HolbooAccount *account;
  guint          generation;
} Query;

typedef struct {
  GPtrArray              *ops;       /* (element-type HolbooTeamlogOp) */
  HolbooTeamlogApplyFlags flags;
  HolbooTeamlogApplied    applied;
  gint64                  pending;
  guint                   generation;
  gint64                  elapsed;   /* µs in the store */
} Page;

static void send_query (HolbooAccount *self);
static gpointer search_func (HolbooStore  *store,
                             gpointer      data,
                             GError      **error);
static void on_search_updated (HolbooAccount      *self,
                               HolbooAccountBatch *batch,
                               gpointer            data);

static void
page_free (Page *page)
{
  g_clear_pointer (&page->ops, g_ptr_array_unref);
  g_free (page);
}

static HolbooRoom *
team_room (HolbooAccount *self)
{
  HolbooRoom *room = self->teamlog->room != NULL ? holboo_account_get_room (self, self->teamlog->room) : NULL;

  return room != NULL && holboo_room_get_state (room) == HOLBOO_ROOM_STATE_JOINED ? room : NULL;
}

void
_holboo_account_teamlog_check_sync_tasks (HolbooAccount *self)
{
  HolbooAccountTeamlog *t = self->teamlog;
  g_autoptr(GPtrArray) tasks = NULL;
  gboolean no_team = t->loaded && t->room == NULL;

  if (t->sync_tasks == NULL || t->sync_tasks->len == 0)
    return;
  if (!no_team && (team_room (self) == NULL || !t->joined || t->syncing || t->pending > 0))
    return;

  tasks = g_steal_pointer (&t->sync_tasks);
  t->sync_tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tasks->len; i++)
    {
      if (no_team)
        g_task_return_new_error (tasks->pdata[i], HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NOT_JOINED,
                                 _("This account is in no team"));
      else
        g_task_return_boolean (tasks->pdata[i], TRUE);
    }
}

/* Whose op it is, by the archive's word; %NULL with @error when the
 * archive does not say, says two things, or names a non-member. */
static char *
archived_author (HolbooXmlNode  *message,
                 GError        **error)
{
  g_autofree char *author = NULL;

  for (HolbooXmlNode *x = holboo_xml_node_get_first_child (message); x != NULL;
       x = holboo_xml_node_get_next_sibling (x))
    {
      if (!holboo_xml_node_is (x, "x", HOLBOO_XMLNS_MUC_USER))
        continue;
      for (HolbooXmlNode *item = holboo_xml_node_get_first_child (x); item != NULL;
           item = holboo_xml_node_get_next_sibling (item))
        {
          const char *jid = holboo_xml_node_is (item, "item", HOLBOO_XMLNS_MUC_USER) ?
                            holboo_xml_node_get_attribute (item, "jid") : NULL;
          const char *affiliation = jid != NULL ? holboo_xml_node_get_attribute (item, "affiliation") : NULL;
          g_autoptr(HolbooJid) parsed = jid != NULL ? holboo_jid_parse (jid, -1, NULL) : NULL;

          if (jid == NULL)
            continue;
          if (parsed == NULL || holboo_jid_get_localpart (parsed) == NULL)
            {
              g_set_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                           _("A team log entry was refused: its sender “%s” is not an address"), jid);
              return NULL;
            }
          if (author != NULL && !g_str_equal (author, holboo_jid_get_bare_string (parsed)))
            {
              g_set_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                           _("A team log entry was refused: it claims to be from both %s and %s"),
                           author, holboo_jid_get_bare_string (parsed));
              return NULL;
            }
          if (affiliation != NULL && g_strcmp0 (affiliation, "member") != 0 &&
              g_strcmp0 (affiliation, "admin") != 0 && g_strcmp0 (affiliation, "owner") != 0)
            {
              g_set_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                           _("A team log entry was refused: %s is not a member of the team"),
                           holboo_jid_get_bare_string (parsed));
              return NULL;
            }
          g_free (author);
          author = g_strdup (holboo_jid_get_bare_string (parsed));
        }
    }
  if (author == NULL)
    g_set_error_literal (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                         _("A team log entry was refused: the log does not say who wrote it"));
  return g_steal_pointer (&author);
}

/**
 * _holboo_account_teamlog_op_from_result:
 * @room: the log room (the archive the result came from)
 * @id: the result's archive id
 * @stamp: its archive time
 * @message: the archived message
 *
 * Returns: (transfer full) (nullable): its op, or %NULL: with @error
 *   when it must be dropped, without for a message that carries none
 */
HolbooTeamlogOp *
_holboo_account_teamlog_op_from_result (HolbooAccount  *self,
                                        HolbooJid      *room,
                                        const char     *id,
                                        gint64          stamp,
                                        HolbooXmlNode  *message,
                                        GError        **error)
{
  HolbooXmlNode *element = holboo_xml_node_get_child (message, "op", HOLBOO_XMLNS_TEAMLOG);
  const char *from = holboo_xml_node_get_attribute (message, "from");
  g_autoptr(HolbooJid) from_jid = from != NULL ? holboo_jid_parse (from, -1, NULL) : NULL;
  g_autoptr(HolbooTeamlogOp) op = NULL;
  g_autofree char *author = NULL;

  if (element == NULL)
    return NULL;
  if (from_jid == NULL || !holboo_jid_equal_bare (from_jid, room) ||
      g_strcmp0 (holboo_xml_node_get_attribute (message, "type"), "groupchat") != 0)
    {
      g_set_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                   _("A team log entry was refused: it is not a message of the room %s"),
                   holboo_jid_get_bare_string (room));
      return NULL;
    }
  author = archived_author (message, error);
  if (author == NULL)
    return NULL;
  op = holboo_teamlog_op_parse (element, error);
  if (op == NULL)
    return NULL;
  op->stanza_id = g_strdup (id);
  op->author = g_steal_pointer (&author);
  op->server_ts = stamp;
  return g_steal_pointer (&op);
}

/* Catch-up ---------------------------------------------------------------- */

static void
catch_up_done (HolbooAccount *self)
{
  HolbooAccountTeamlog *t = self->teamlog;

  t->syncing = FALSE;
  if (t->search_pending)
    {
      t->search_pending = FALSE;
      _holboo_account_call (self, search_func, NULL, NULL, g_free, on_search_updated, NULL, NULL);
    }
  g_debug ("Caught up on the team log: %u ops applied", t->n_applied);
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_TEAMLOG_SYNCED], 0, t->n_applied);
  _holboo_account_teamlog_emit_state (self);
  if (t->again)
    {
      t->again = FALSE;
      t->syncing = TRUE;
      t->fetched_all = FALSE;
      t->n_applied = 0;
      send_query (self);
      return;
    }
  _holboo_account_teamlog_flush (self);
  _holboo_account_teamlog_check_sync_tasks (self);
}

static void
catch_up_failed (HolbooAccount *self,
                 const GError  *error)
{
  HolbooAccountTeamlog *t = self->teamlog;

  g_message ("Catching up on the team log failed: %s", error->message);
  /* What was fetched may not be stored: start again from the store. */
  g_clear_pointer (&t->position, g_free);
  g_clear_pointer (&t->queryid, g_free);
  g_clear_pointer (&t->results, g_ptr_array_unref);
  g_ptr_array_set_size (t->backlog, 0);
  t->syncing = FALSE;
  t->again = FALSE;
  _holboo_account_teamlog_emit_state (self);
}

static gpointer
apply_func (HolbooStore  *store,
            gpointer      data,
            GError      **error)
{
  Page *page = data;
  gint64 start = g_get_monotonic_time ();

  if (!holboo_store_apply_teamlog_batch (store, page->ops, page->flags, &page->applied, error))
    return NULL;
  page->elapsed = g_get_monotonic_time () - start;
  page->pending = holboo_store_count_teamlog_outbox (store, error);
  return page->pending < 0 ? NULL : GINT_TO_POINTER (1);
}

static gpointer
search_func (HolbooStore  *store,
             gpointer      data,
             GError      **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  if (!holboo_store_update_teamlog_search (store, error))
    return NULL;
  elapsed = g_get_monotonic_time () - start;
  return g_memdup2 (&elapsed, sizeof elapsed);
}

static void
on_search_updated (HolbooAccount      *self,
                   HolbooAccountBatch *batch,
                   gpointer            data)
{
  HolbooAccountOp *op = batch->ops->pdata[0];

  if (self != NULL && op->error != NULL)
    g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_STORE_ERROR], 0, op->error);
  else if (self != NULL)
    self->teamlog->apply_us += *(gint64 *) op->call_result;
}

static void on_page_applied (HolbooAccount      *self,
                             HolbooAccountBatch *batch,
                             gpointer            data);

/* Everything fetched and not applied yet, in one transaction: the
 * slower the disk, the larger the batches.  While more pages come, the
 * customers' search rows wait for the end. */
static void
apply_backlog (HolbooAccount *self)
{
  HolbooAccountTeamlog *t = self->teamlog;
  Page *page;

  if (t->applying || t->backlog->len == 0)
    return;
  page = g_new0 (Page, 1);
  page->ops = g_steal_pointer (&t->backlog);
  t->backlog = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  page->generation = t->generation;
  page->flags = t->fetched_all ? 0 : HOLBOO_TEAMLOG_APPLY_DEFER_SEARCH;
  t->search_pending = !t->fetched_all;
  t->applying = TRUE;
  _holboo_account_call (self, apply_func, page, (GDestroyNotify) page_free, NULL, on_page_applied, NULL, NULL);
}

/* Fetching goes on while the backlog is short; applying while there
 * is one; the catch-up ends with both done. */
static void
go_on (HolbooAccount *self)
{
  HolbooAccountTeamlog *t = self->teamlog;

  apply_backlog (self);
  if (!t->fetched_all)
    {
      if (t->queryid == NULL && t->backlog->len < MAX_BACKLOG)
        send_query (self);
    }
  else if (!t->applying && t->backlog->len == 0)
    catch_up_done (self);
}

static void
on_page_applied (HolbooAccount      *self,
                 HolbooAccountBatch *batch,
                 gpointer            data)
{
  HolbooAccountOp *op = batch->ops->pdata[0];
  Page *page = op->call_data;
  HolbooAccountTeamlog *t;

  if (self == NULL)
    return;
  t = self->teamlog;
  if (page->generation != t->generation)
    return;
  t->applying = FALSE;
  if (op->error != NULL)
    {
      g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_STORE_ERROR], 0, op->error);
      catch_up_failed (self, op->error);
      return;
    }

  t->apply_us += page->elapsed;
  t->n_batches++;
  t->n_applied += page->applied.n_applied;
  if (page->applied.n_applied > 0)
    _holboo_account_teamlog_changed (self, page->ops);
  _holboo_account_teamlog_set_pending (self, page->pending);
  if (t->syncing)
    go_on (self);
}

static void
take_page (HolbooAccount    *self,
           HolbooXmppMamFin *fin,
           GPtrArray        *results)
{
  HolbooAccountTeamlog *t = self->teamlog;
  g_autoptr(HolbooJid) room = holboo_jid_parse (t->room, -1, NULL);

  for (guint i = 0; i < results->len; i++)
    {
      HolbooXmppMamResult *r = results->pdata[i];
      g_autoptr(GError) error = NULL;
      HolbooTeamlogOp *op = _holboo_account_teamlog_op_from_result (self, room, r->id, r->stamp, r->message, &error);

      if (op != NULL)
        g_ptr_array_add (t->backlog, op);
      else if (error != NULL)
        g_message ("Dropping team log entry %s from %s: %s", r->id,
                   holboo_xml_node_get_attribute (r->message, "from"), error->message);
    }

  if (fin->last != NULL)
    {
      g_free (t->position);
      t->position = g_strdup (fin->last);
    }
  t->fetched_all = fin->complete || results->len == 0 || fin->last == NULL;
  go_on (self);
}

static void
on_query_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Query *query = user_data;
  HolbooAccount *self = query->account;
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(HolbooXmppMamFin) fin = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  iq = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (self->teamlog == NULL || query->generation != self->teamlog->generation || !self->teamlog->syncing)
    goto out;

  if (iq != NULL)
    fin = holboo_xmpp_mam_parse_fin (iq, &error);
  if (fin == NULL)
    {
      catch_up_failed (self, error);
      goto out;
    }
  results = g_steal_pointer (&self->teamlog->results);
  g_clear_pointer (&self->teamlog->queryid, g_free);
  take_page (self, fin, results);

out:
  g_object_unref (query->account);
  g_free (query);
}

static void
send_query (HolbooAccount *self)
{
  HolbooAccountTeamlog *t = self->teamlog;
  HolbooXmppMamQuery q = { 0, };
  g_autoptr(HolbooXmlNode) iq = NULL;
  Query *query;

  if (!_holboo_account_is_connected (self) || team_room (self) == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED,
                                                     _("Not connected"));
      catch_up_failed (self, error);
      return;
    }

  g_free (t->queryid);
  t->queryid = g_uuid_string_random ();
  g_clear_pointer (&t->results, g_ptr_array_unref);
  t->results = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_mam_result_free);

  q.archive = t->room;
  q.queryid = t->queryid;
  q.after = t->position;
  q.max = t->page_size;
  iq = holboo_xmpp_mam_build_query (&q);

  query = g_new0 (Query, 1);
  query->account = g_object_ref (self);
  query->generation = t->generation;
  holboo_xmpp_connection_send_iq_async (self->connection, iq, self->cancellable, on_query_done, query);
}

static gpointer
position_func (HolbooStore  *store,
               gpointer      data,
               GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  char *position = holboo_store_dup_teamlog_position (store, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  /* No op yet: "" pages from the start. */
  return position != NULL ? position : g_strdup ("");
}

static void
on_position (HolbooAccount      *self,
             HolbooAccountBatch *batch,
             gpointer            data)
{
  HolbooAccountOp *op = batch->ops->pdata[0];

  if (self == NULL || GPOINTER_TO_UINT (data) != self->teamlog->generation || !self->teamlog->syncing)
    return;
  if (op->error != NULL)
    {
      catch_up_failed (self, op->error);
      return;
    }
  g_free (self->teamlog->position);
  self->teamlog->position = *(char *) op->call_result != '\0' ? g_strdup (op->call_result) : NULL;
  send_query (self);
}

static void
start_catch_up (HolbooAccount *self)
{
  HolbooAccountTeamlog *t = self->teamlog;

  if (!t->joined || team_room (self) == NULL)
    return;
  if (t->syncing)
    {
      t->again = TRUE;
      return;
    }
  t->syncing = TRUE;
  t->again = FALSE;
  t->fetched_all = FALSE;
  t->n_applied = 0;
  _holboo_account_teamlog_emit_state (self);
  /* Where the last catch-up of this session ended (past entries that
   * were dropped), or else where the store stands: after the last op
   * applied. */
  if (t->position != NULL)
    send_query (self);
  else
    _holboo_account_call (self, position_func, NULL, NULL, g_free, on_position,
                          GUINT_TO_POINTER (t->generation), NULL);
}

/* Sending ------------------------------------------------------------------ */

static gpointer
list_func (HolbooStore  *store,
           gpointer      data,
           GError      **error)
{
  return holboo_store_list_teamlog_outbox (store, NULL, error);
}

#define ECHO_WAIT_S 3

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static gboolean
recheck_echoes (gpointer data)
{
  g_autoptr(HolbooAccount) self = g_weak_ref_get (data);

  if (self != NULL && self->teamlog != NULL && self->teamlog->pending > 0)
    start_catch_up (self);
  return G_SOURCE_REMOVE;
}

static void
on_outbox_listed (HolbooAccount      *self,
                  HolbooAccountBatch *batch,
                  gpointer            data)
{
  HolbooAccountOp *op = batch->ops->pdata[0];
  HolbooAccountTeamlog *t;
  GPtrArray *ops = op->call_result;
  HolbooRoom *room;
  gboolean sent_any = FALSE;

  if (self == NULL)
    return;
  t = self->teamlog;
  t->listing = FALSE;
  room = team_room (self);
  if (op->error != NULL || ops == NULL || room == NULL || GPOINTER_TO_UINT (data) != t->generation)
    return;

  for (guint i = 0; i < ops->len; i++)
    {
      HolbooTeamlogOp *o = ops->pdata[i];
      g_autoptr(HolbooXmlNode) message = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(GError) error = NULL;

      if (g_hash_table_contains (t->sent, o->uuid))
        continue;
      summary = _holboo_teamlog_summary (o);
      message = holboo_xmpp_muc_build_groupchat (holboo_room_get_jid (room), o->uuid, summary, o->uuid);
      holboo_xml_node_append_child (message, holboo_teamlog_op_build (o));
      if (!holboo_xmpp_connection_send (self->connection, message, &error))
        {
          g_debug ("The team log's outbox waits: %s", error->message);
          return;
        }
      g_hash_table_add (t->sent, g_strdup (o->uuid));
      sent_any = TRUE;
    }

  /* An echo can be lost (it came while the rooms engine did not yet
   * count us in the room): if ops still wait a little later, read the
   * log again instead of waiting for the next op. */
  if (sent_any)
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, self);
      g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, ECHO_WAIT_S, recheck_echoes, ref, free_weak_ref);
    }
}

/* Sends what the outbox holds and was not sent in this session, when
 * the room is joined and caught up on. */
void
_holboo_account_teamlog_flush (HolbooAccount *self)
{
  HolbooAccountTeamlog *t = self->teamlog;

  if (t->listing || t->syncing || !t->joined || t->pending == 0 || team_room (self) == NULL)
    return;
  t->listing = TRUE;
  _holboo_account_call (self, list_func, NULL, NULL, (GDestroyNotify) g_ptr_array_unref, on_outbox_listed,
                        GUINT_TO_POINTER (t->generation), NULL);
}

/**
 * holboo_account_sync_teamlog_async:
 *
 * Waits until the account is in its team's log room, has caught up on
 * it, and has no op waiting in its outbox.  Fails when the account is
 * in no team.
 */
void
holboo_account_sync_teamlog_async (HolbooAccount       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_sync_teamlog_async);
  g_ptr_array_add (self->teamlog->sync_tasks, task);
  /* Ops still waiting for their echo: the echo may have come while the
   * room was not yet joined here (and was dropped), so read the log
   * again rather than wait for the next op. */
  if (self->teamlog->pending > 0)
    start_catch_up (self);
  _holboo_account_teamlog_check_sync_tasks (self);
}

gboolean
holboo_account_sync_teamlog_finish (HolbooAccount  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Hooks from the account --------------------------------------------------- */

/**
 * _holboo_account_teamlog_handle_message:
 *
 * Takes the results of the log's catch-up, and every message from the
 * team's room (an op, or an echo of ours, starts a catch-up); drops ops
 * from anywhere else.
 *
 * Returns: %TRUE when @stanza was the team log's
 */
gboolean
_holboo_account_teamlog_handle_message (HolbooAccount *self,
                                        HolbooXmlNode *stanza)
{
  HolbooAccountTeamlog *t = self->teamlog;
  const char *queryid = holboo_xmpp_mam_get_queryid (stanza);
  const char *from = holboo_xml_node_get_attribute (stanza, "from");
  const char *type = holboo_xml_node_get_attribute (stanza, "type");
  g_autoptr(HolbooJid) from_jid = from != NULL ? holboo_jid_parse (from, -1, NULL) : NULL;
  gboolean has_op = holboo_xml_node_get_child (stanza, "op", HOLBOO_XMLNS_TEAMLOG) != NULL;
  gboolean has_subject = FALSE;

  if (queryid != NULL)
    {
      g_autoptr(HolbooXmppMamResult) result = NULL;
      g_autoptr(HolbooJid) room = NULL;
      g_autoptr(GError) error = NULL;

      if (t->queryid == NULL || !g_str_equal (queryid, t->queryid))
        return FALSE;
      room = holboo_jid_parse (t->room, -1, NULL);
      result = holboo_xmpp_mam_parse_result (stanza, room, FALSE, &error);
      if (result == NULL)
        g_message ("Dropping a team log result: %s", error->message);
      else if (t->results->len >= 2 * t->page_size)
        g_message ("Dropping team log result %s: more results than asked for", result->id);
      else
        g_ptr_array_add (t->results, g_steal_pointer (&result));
      return TRUE;
    }

  if (t->room != NULL && from_jid != NULL && g_str_equal (holboo_jid_get_bare_string (from_jid), t->room))
    {
      if (g_strcmp0 (type, "error") == 0)
        {
          g_autoptr(GError) bounce = holboo_xmpp_stanza_error_from_node (stanza);

          g_message ("The team log room refused an entry: %s", bounce->message);
          return TRUE;
        }
      if (g_strcmp0 (type, "groupchat") != 0)
        return FALSE;    /* invitations, room notices: the rooms' */
      if (has_op)
        {
          start_catch_up (self);
          return TRUE;
        }
      /* The subject goes to the room; talk in the log room is not kept. */
      holboo_xmpp_muc_get_subject (stanza, &has_subject);
      if (has_subject && holboo_xml_node_get_child (stanza, "body", HOLBOO_XMLNS_CLIENT) == NULL)
        return FALSE;
      g_debug ("Ignoring a message without an entry in the team log room from %s", from);
      return TRUE;
    }

  if (has_op)
    {
      g_message ("Dropping a team log entry from %s: it did not come from the team’s log room",
                 from != NULL ? from : "the server");
      return TRUE;
    }
  return FALSE;
}

/**
 * _holboo_account_teamlog_room_joined:
 *
 * Returns: %TRUE when @room is the team's log room: its history is the
 *   team log's to catch up on, not a group chat's
 */
gboolean
_holboo_account_teamlog_room_joined (HolbooAccount *self,
                                     const char    *room)
{
  HolbooAccountTeamlog *t = self->teamlog;

  if (t == NULL || t->room == NULL || g_strcmp0 (room, t->room) != 0)
    return FALSE;
  t->joined = TRUE;
  start_catch_up (self);
  return TRUE;
}

void
_holboo_account_teamlog_session_started (HolbooAccount *self,
                                         gboolean       resumed)
{
  HolbooAccountTeamlog *t = self->teamlog;

  if (resumed)
    {
      /* Still in the room: whatever the cut held back is in the archive. */
      start_catch_up (self);
      return;
    }
  /* A new session is in no room; the join starts the catch-up. */
  t->generation++;
  t->joined = FALSE;
  t->syncing = FALSE;
  t->again = FALSE;
  t->listing = FALSE;
  t->applying = FALSE;
  g_ptr_array_set_size (t->backlog, 0);
  g_clear_pointer (&t->queryid, g_free);
  g_clear_pointer (&t->results, g_ptr_array_unref);
  g_clear_pointer (&t->position, g_free);
  g_hash_table_remove_all (t->sent);
}
