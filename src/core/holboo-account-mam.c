/* holboo-account-mam.c: catching up from the archive (XEP-0313) and
 * filling a conversation's older history on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After each fresh session the account catches up on its own archive
 * newest first: pages of RSM `<before/>` from the end, until a page
 * reaches the newest stretch the store already holds (its MAM ranges),
 * then any gap between two stored stretches below.  A brand-new account,
 * with nothing stored, takes only a few pages; older history comes page
 * by page when the user scrolls a conversation back
 * (holboo_account_fetch_older_async()).  The whole archive is never
 * fetched at start-up.
 *
 * Pages are stored as they come, each with the range it proves synced,
 * while the next page is already asked for; the next query never waits
 * for the disk.  Initial presence goes out before the first query, so
 * nothing falls between the two: what the archive got before the query
 * is in its answer, what it gets after is delivered to us live (a
 * server may keep no offline copy for an account that uses MAM, as
 * Prosody does not, so presence after the catch-up would lose what
 * arrives in between).  Copies that come both ways are stored once.
 *
 * Order: Prosody stamps archived messages to the second, and pages
 * arrive newest first, so row ids cannot order messages of one second.
 * Whole-second stamps get microseconds counting down from the top of
 * their second in archive order, newest first, across the pages of one
 * sync: the conversation sorts as the archive does.
 *
 * Results are taken only from the account's own archive (its bare JID,
 * or no from) and only for a queryid we are waiting for; anything else
 * is dropped with a log line.
 *
 * A group chat's history is its room's archive (the room's JID, never
 * the account's): the same syncs run against it, with the room as the
 * archive, after each join (_holboo_account_room_catch_up()) and when
 * the user scrolls the room back.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-mam-private.h"
#include "holboo-xmpp-mam.h"

#include <glib/gi18n-lib.h>


HolbooMamSync *
_holboo_mam_sync_ref (HolbooMamSync *sync)
{
  g_atomic_ref_count_inc (&sync->ref_count);
  return sync;
}

void
_holboo_mam_sync_unref (HolbooMamSync *sync)
{
  if (!g_atomic_ref_count_dec (&sync->ref_count))
    return;

  g_assert (sync->task == NULL);
  if (sync->user_cancellable != NULL)
    g_cancellable_disconnect (sync->user_cancellable, sync->cancel_id);
  g_clear_object (&sync->user_cancellable);
  g_clear_object (&sync->cancellable);
  g_free (sync->with);
  g_clear_pointer (&sync->archive, holboo_jid_unref);
  g_clear_pointer (&sync->gap, holboo_mam_gap_free);
  g_free (sync->pos_id);
  g_free (sync->queryid);
  g_clear_pointer (&sync->results, g_ptr_array_unref);
  g_clear_pointer (&sync->floors, g_hash_table_unref);
  g_free (sync);
}

/* The archive's JID: the room's, or the account's own. */
const char *
_holboo_mam_sync_archive (HolbooMamSync *sync)
{
  return holboo_jid_get_bare_string (sync->archive != NULL ? sync->archive : sync->account->jid);
}

static void
forget_query (HolbooMamSync *sync)
{
  if (sync->queryid != NULL && !sync->detached)
    g_hash_table_remove (sync->account->mam_queries, sync->queryid);
  g_clear_pointer (&sync->queryid, g_free);
  g_clear_pointer (&sync->results, g_ptr_array_unref);
}

/* Ends @sync (once): answers its task, and after a catch-up announces
 * the account. */
void
_holboo_mam_sync_finish (HolbooMamSync *sync,
             GError        *error)
{
  g_autoptr(GError) owned = error;
  HolbooAccount *self = sync->account;

  if (sync->finished)
    return;
  sync->finished = TRUE;
  _holboo_mam_sync_ref (sync);

  forget_query (sync);

  if (sync->task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&sync->task);

      if (owned != NULL)
        g_task_return_error (task, g_steal_pointer (&owned));
      else
        {
          FetchResult *fetched = g_new0 (FetchResult, 1);

          fetched->n_new = sync->n_new;
          fetched->complete = sync->complete;
          g_task_return_pointer (task, fetched, g_free);
        }
    }

  if (!sync->detached)
    {
      if (owned != NULL && !g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Archive sync%s%s stopped: %s", sync->with != NULL ? " with " : "",
                   sync->with != NULL ? sync->with : "", owned->message);

      if (sync->room_done != NULL)
        {
          HolbooRoomSyncDone done = g_steal_pointer (&sync->room_done);

          done (self, _holboo_mam_sync_archive (sync), sync->n_new, owned, sync->room_done_data);
        }
      if (sync->catch_up && self->catch_up == sync)
        {
          self->catch_up = NULL;
          g_debug ("Caught up: %u new messages in %u pages", sync->n_new, sync->pages);
          _holboo_account_set_syncing (self, FALSE);
          g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_SYNCED], 0, sync->n_new);
          _holboo_account_sync_done (self, sync->n_new, owned);
        }
      g_ptr_array_remove (self->syncs, sync);
    }

  _holboo_mam_sync_unref (sync);
}

HolbooMamSync *
_holboo_mam_sync_new (HolbooAccount *self,
          gboolean       catch_up,
          const char    *with)
{
  HolbooMamSync *sync = g_new0 (HolbooMamSync, 1);

  g_atomic_ref_count_init (&sync->ref_count);
  sync->account = self;
  sync->cancellable = g_cancellable_new ();
  sync->catch_up = catch_up;
  sync->with = g_strdup (with);
  sync->ceiling = G_MAXINT64;
  g_ptr_array_add (self->syncs, sync);   /* takes the first reference */
  return sync;
}

/* A catch-up result stamped at most this long before the newest message
 * stored in its conversation is taken to be newer than it: it was lost
 * when a connection was cut, after the messages received before the cut
 * were archived, and its stamp (the archive's clock, without the
 * delivery delay our arrival times include) understates that. */
#define CUT_WINDOW (5 * G_USEC_PER_SEC)

#define FIRST_PAGE_SIZE 50

/* The value a result is ordered by: its archive stamp, except that a
 * stamp of a whole second (Prosody's) is placed as late in its second
 * as it can be while staying before everything placed so far (results
 * come newest first) — so messages of one second keep archive order,
 * and a page older than what is stored sorts below it; and that during
 * the newest part of a catch-up a result lost in a cut goes after what
 * was received before the cut (see CUT_WINDOW). */
static gint64
order_stamp (HolbooMamSync *sync,
             const char    *peer,
             gint64         stamp)
{
  gint64 lo = stamp, hi = stamp, ts;
  gint64 *floor = sync->floors != NULL && peer != NULL ? g_hash_table_lookup (sync->floors, peer) : NULL;

  if (stamp % G_USEC_PER_SEC == 0)
    hi = stamp + G_USEC_PER_SEC - 1;
  if (floor != NULL && stamp <= *floor && stamp > *floor - CUT_WINDOW)
    {
      lo = *floor + 1;
      hi = MAX (hi, lo + G_USEC_PER_SEC - 1);
    }

  ts = CLAMP (sync->ceiling - 1, lo, hi);
  sync->ceiling = ts;
  return ts;
}

static void send_query (HolbooMamSync *sync);

static void
page_stored (HolbooAccount      *self,
             HolbooAccountBatch *batch,
             gpointer            data)
{
  HolbooMamSync *sync = data;

  if (self == NULL || sync->detached)
    return;

  sync->pages_in_store--;
  for (guint i = 0; i < batch->ops->len; i++)
    {
      HolbooAccountOp *op = batch->ops->pdata[i];

      if (op->kind == HOLBOO_ACCOUNT_OP_INSERT && op->error == NULL &&
          op->result.outcome == HOLBOO_INSERT_NEW)
        sync->n_new++;
    }

  if (sync->finish_when_stored && sync->pages_in_store == 0)
    _holboo_mam_sync_finish (sync, NULL);
}

static void
finish_when_stored (HolbooMamSync *sync)
{
  forget_query (sync);
  sync->finish_when_stored = TRUE;
  if (sync->pages_in_store == 0)
    _holboo_mam_sync_finish (sync, NULL);
}


void
_holboo_mam_find_gap_below (HolbooMamSync *sync,
                const char    *before_id,
                gint64         before_ts)
{
  HolbooAccountBatch *batch;
  HolbooAccountOp *op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_FIND_GAP);

  op->archive = g_strdup (_holboo_mam_sync_archive (sync));
  op->with = g_strdup (sync->with);
  op->before_id = g_strdup (before_id);
  op->before_ts = before_ts;
  /* From the newest end: with each conversation's newest stored time. */
  if (sync->catch_up && before_id == NULL && before_ts == 0)
    op->flags |= HOLBOO_ACCOUNT_GAP_WITH_FLOORS;
  batch = _holboo_account_batch_new (_holboo_mam_gap_found, _holboo_mam_sync_ref (sync), (GDestroyNotify) _holboo_mam_sync_unref);
  _holboo_account_batch_add (batch, op);
  _holboo_account_submit (sync->account, batch);
}

static void
record_op_free (gpointer op)
{
  if (op != NULL)
    _holboo_account_op_free (op);
}

/* Stores a page (oldest first, as the archive sends it) with the range
 * it proves synced, and decides what comes next. */
static void
take_page (HolbooMamSync    *sync,
           HolbooXmppMamFin *fin,
           GPtrArray        *page)
{
  HolbooAccount *self = sync->account;
  const char *archive = _holboo_mam_sync_archive (sync);
  HolbooMamGap *gap = sync->gap;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_op_free);
  HolbooAccountBatch *batch;
  HolbooAccountOp *op;
  gboolean reached = FALSE, reached_by_id = FALSE, stuck = FALSE;
  guint n = page->len;

  sync->pages++;
  self->mam_pages++;
  sync->n_fetched += n;
  batch = _holboo_account_batch_new (page_stored, _holboo_mam_sync_ref (sync), (GDestroyNotify) _holboo_mam_sync_unref);

  /* Newest to oldest, for the order of whole-second stamps. */
  for (guint i = n; i-- > 0;)
    {
      HolbooXmppMamResult *r = page->pdata[i];
      g_autoptr(GError) error = NULL;
      HolbooMessageAction *action = NULL;
      HolbooStoredMessage *m;

      if (gap->start_id != NULL && g_str_equal (r->id, gap->start_id))
        reached = reached_by_id = TRUE;
      else if (gap->start_id != NULL && r->stamp < gap->start_ts)
        reached = TRUE;

      /* A room's archive: its messages (actions in rooms are not taken). */
      if (sync->archive != NULL)
        m = _holboo_account_room_message_to_record (self, sync->archive, r->message, &error);
      else
        m = _holboo_account_message_to_record (self, r->message, TRUE, &action, &error);
      if (action != NULL)
        {
          /* Ordered against other actions by the archive's time. */
          op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_ACTION);
          op->action = g_steal_pointer (&action);
          op->action->timestamp = r->stamp;
          g_ptr_array_add (records, op);
          continue;
        }
      if (m == NULL)
        {
          if (error != NULL)
            g_message ("Dropping archived message %s: %s", r->id, error->message);
          g_ptr_array_add (records, NULL);
          continue;
        }
      m->stanza_id = g_strdup (r->id);
      m->stanza_id_by = g_strdup (archive);
      m->server_ts = r->stamp;
      m->timestamp = order_stamp (sync, m->peer, r->stamp);
      op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_INSERT);
      op->message = m;
      g_ptr_array_add (records, op);
    }

  /* In archive order, oldest first: an action after the message it acts
   * on when both are in this page (else the store keeps it waiting). */
  for (guint i = records->len; i-- > 0;)
    if (records->pdata[i] != NULL)
      _holboo_account_batch_add (batch, g_steal_pointer (&records->pdata[i]));

  /* The stretch this page proves stored: from its oldest result (or the
   * stored message it reached, so the two ranges join) up to where it
   * was paged from. */
  op = NULL;
  if (n > 0)
    {
      HolbooXmppMamResult *oldest = page->pdata[0];
      HolbooXmppMamResult *newest = page->pdata[n - 1];

      op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_MAM_RANGE);
      op->first_id = g_strdup (reached_by_id ? gap->start_id : oldest->id);
      op->first_ts = reached_by_id ? gap->start_ts : oldest->stamp;
      op->last_id = g_strdup (sync->pos_id != NULL && sync->pos_ts != 0 ? sync->pos_id : newest->id);
      op->last_ts = sync->pos_id != NULL && sync->pos_ts != 0 ? sync->pos_ts : newest->stamp;
      op->reaches_start = fin->complete && !reached;
      if (op->first_ts > op->last_ts)
        op->first_ts = op->last_ts;   /* a clock step on the server; keep the range valid */

      stuck = g_strcmp0 (sync->pos_id, oldest->id) == 0;
      g_free (sync->pos_id);
      sync->pos_id = g_strdup (oldest->id);
      sync->pos_ts = oldest->stamp;
    }
  else if (fin->complete && sync->pos_id != NULL && sync->pos_ts != 0)
    {
      op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_MAM_RANGE);
      op->first_id = g_strdup (sync->pos_id);
      op->first_ts = sync->pos_ts;
      op->last_id = g_strdup (sync->pos_id);
      op->last_ts = sync->pos_ts;
      op->reaches_start = TRUE;
    }
  if (op != NULL)
    {
      op->archive = g_strdup (archive);
      op->with = g_strdup (sync->with);
      _holboo_account_batch_add (batch, op);
    }

  sync->pages_in_store++;
  _holboo_account_submit (self, batch);

  if (reached)
    {
      if (sync->catch_up)
        {
          /* Any gap between stored stretches below is bounded: fill it.
           * Its messages are older than what is stored above it. */
          forget_query (sync);
          g_clear_pointer (&sync->floors, g_hash_table_unref);
          _holboo_mam_find_gap_below (sync, gap->start_id, gap->start_ts);
        }
      else
        finish_when_stored (sync);
    }
  else if (fin->complete || n == 0)
    {
      sync->complete = TRUE;
      finish_when_stored (sync);
    }
  else if (sync->catch_up && gap->start_id == NULL && self->catch_up_max_pages != 0 &&
           sync->pages >= self->catch_up_max_pages)
    {
      g_debug ("Catch-up stops after %u pages; older history is fetched on demand", sync->pages);
      finish_when_stored (sync);
    }
  else if (!sync->catch_up && sync->n_fetched >= sync->max_messages)
    finish_when_stored (sync);
  else if (stuck)
    {
      /* A page that ends where the last one did would be asked for
       * again and again. */
      g_message ("Archive sync of %s stops: the archive sent the page before %s again", archive, sync->pos_id);
      finish_when_stored (sync);
    }
  else
    send_query (sync);
}

static void
on_query_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  HolbooMamSync *sync = user_data;
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(HolbooXmppMamFin) fin = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  iq = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (sync->detached || sync->finished)
    goto out;

  if (iq != NULL)
    fin = holboo_xmpp_mam_parse_fin (iq, &error);
  if (fin == NULL)
    {
      _holboo_mam_sync_finish (sync, g_steal_pointer (&error));
      goto out;
    }

  page = g_steal_pointer (&sync->results);
  forget_query (sync);
  take_page (sync, fin, page);

out:
  _holboo_mam_sync_unref (sync);
}

static void
send_query (HolbooMamSync *sync)
{
  HolbooAccount *self = sync->account;
  g_autoptr(HolbooXmlNode) iq = NULL;
  HolbooXmppMamQuery query = { 0, };

  if (!_holboo_account_is_connected (self))
    {
      _holboo_mam_sync_finish (sync, g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED,
                                              _("Not connected")));
      return;
    }

  forget_query (sync);
  sync->queryid = g_uuid_string_random ();
  sync->results = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_mam_result_free);
  g_hash_table_insert (self->mam_queries, g_strdup (sync->queryid), sync);

  query.queryid = sync->queryid;
  query.archive = sync->archive != NULL ? holboo_jid_get_bare_string (sync->archive) : NULL;
  query.with = sync->with;
  query.before = sync->pos_id != NULL ? sync->pos_id : "";
  query.end = sync->pos_id == NULL ? sync->pos_ts : 0;
  query.max = self->mam_page_size;
  /* A catch-up that knows where it stopped mostly finds a handful of new
   * messages: a short first page, not a full page of copies. */
  if (sync->catch_up && sync->pages == 0 && sync->gap != NULL && sync->gap->start_id != NULL)
    query.max = MIN (query.max, FIRST_PAGE_SIZE);
  if (!sync->catch_up)
    query.max = MIN (query.max, MAX (sync->max_messages - MIN (sync->n_fetched, sync->max_messages), 1));

  iq = holboo_xmpp_mam_build_query (&query);
  holboo_xmpp_connection_send_iq_async (self->connection, iq, sync->cancellable, on_query_done,
                                        _holboo_mam_sync_ref (sync));
}

static gboolean
same_gap (const HolbooMamGap *a,
          const HolbooMamGap *b)
{
  return g_strcmp0 (a->end_id, b->end_id) == 0 && a->end_ts == b->end_ts &&
         g_strcmp0 (a->start_id, b->start_id) == 0 && a->start_ts == b->start_ts;
}

void
_holboo_mam_gap_found (HolbooAccount      *self,
           HolbooAccountBatch *batch,
           gpointer            data)
{
  HolbooMamSync *sync = data;
  HolbooAccountOp *op;
  gboolean below;

  if (self == NULL || sync->detached || sync->finished)
    return;

  op = batch->ops->pdata[0];
  if (op->error != NULL)
    {
      _holboo_mam_sync_finish (sync, g_error_copy (op->error));
      return;
    }

  /* A gap under what a catch-up reached is filled only when something is
   * stored below it; the rest is older history, fetched on demand. */
  below = sync->gap != NULL;
  if (op->gap == NULL || (below && op->gap->start_id == NULL))
    {
      if (op->gap == NULL)
        sync->complete = TRUE;
      finish_when_stored (sync);
      return;
    }

  /* The same gap again right after it was fetched: what the archive
   * sent did not close it, and asking again would loop (page, range,
   * gap, page …) without end.  It is left for a later sync, as are the
   * gaps past MAX_GAP_ROUNDS in one catch-up (older history comes on
   * demand when a conversation is scrolled back). */
#define MAX_GAP_ROUNDS 64
  if (below && (same_gap (sync->gap, op->gap) || ++sync->gap_rounds > MAX_GAP_ROUNDS))
    {
      g_message ("Archive catch-up of %s stops at the gap below %s; it is left for a later sync",
                 _holboo_mam_sync_archive (sync), op->gap->end_id != NULL ? op->gap->end_id : "its newest end");
      finish_when_stored (sync);
      return;
    }

  g_clear_pointer (&sync->gap, holboo_mam_gap_free);
  sync->gap = g_steal_pointer (&op->gap);
  if (op->kind == HOLBOO_ACCOUNT_OP_OLDER_GAP && op->oldest_timestamp != 0)
    sync->ceiling = op->oldest_timestamp;
  if (op->rows != NULL)
    {
      sync->floors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < op->rows->len; i++)
        {
          HolbooStoredConversation *conv = op->rows->pdata[i];

          g_hash_table_insert (sync->floors, g_strdup (conv->peer), g_memdup2 (&conv->last_activity, sizeof (gint64)));
        }
    }
  g_free (sync->pos_id);
  sync->pos_id = g_strdup (sync->gap->end_id);
  sync->pos_ts = sync->gap->end_ts;
  send_query (sync);
}

/**
 * _holboo_account_mam_handle_result:
 *
 * Takes a MAM result message for the query it answers, or drops it.
 *
 * Returns: %TRUE (the stanza was a result; it is consumed either way)
 */
gboolean
_holboo_account_mam_handle_result (HolbooAccount *self,
                                   HolbooXmlNode *stanza)
{
  g_autoptr(HolbooXmppMamResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HolbooMamSync *sync;
  const char *queryid = holboo_xmpp_mam_get_queryid (stanza);

  /* The query says which archive may answer it. */
  sync = queryid != NULL ? g_hash_table_lookup (self->mam_queries, queryid) : NULL;
  if (sync == NULL || sync->results == NULL)
    {
      g_message ("Dropping an archive result for query “%s”, which is not ours", queryid != NULL ? queryid : "");
      return TRUE;
    }

  result = holboo_xmpp_mam_parse_result (stanza, sync->archive != NULL ? sync->archive : self->jid,
                                         sync->archive == NULL, &error);
  if (result == NULL)
    {
      g_message ("Dropping an archive result: %s", error->message);
      return TRUE;
    }
  if (sync->results->len >= 2 * self->mam_page_size)
    {
      g_message ("Dropping archive result %s: more results than asked for", result->id);
      return TRUE;
    }

  g_ptr_array_add (sync->results, g_steal_pointer (&result));
  return TRUE;
}

/**
 * _holboo_account_catch_up_start:
 *
 * Catches up on the account's archive after a fresh session; one that
 * is still running (from a lost session) is dropped.
 */
void
_holboo_account_catch_up_start (HolbooAccount *self)
{
  HolbooMamSync *sync;

  if (self->catch_up != NULL)
    {
      HolbooMamSync *old = self->catch_up;

      self->catch_up = NULL;
      g_cancellable_cancel (old->cancellable);
      _holboo_mam_sync_finish (old, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Superseded"));
    }

  sync = _holboo_mam_sync_new (self, TRUE, NULL);
  self->catch_up = sync;
  _holboo_account_set_syncing (self, TRUE);
  _holboo_mam_find_gap_below (sync, NULL, 0);
}

void
_holboo_account_mam_init (HolbooAccount *self)
{
  self->mam_queries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->syncs = g_ptr_array_new_with_free_func ((GDestroyNotify) _holboo_mam_sync_unref);
}

void
_holboo_account_mam_dispose (HolbooAccount *self)
{
  if (self->syncs != NULL)
    {
      for (guint i = 0; i < self->syncs->len; i++)
        {
          HolbooMamSync *sync = self->syncs->pdata[i];

          sync->detached = TRUE;
          g_cancellable_cancel (sync->cancellable);
          _holboo_mam_sync_finish (sync, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Closed"));
        }
    }
  self->catch_up = NULL;
  g_clear_pointer (&self->syncs, g_ptr_array_unref);
  g_clear_pointer (&self->mam_queries, g_hash_table_unref);
}

GStrv
_holboo_account_dup_mam_queryids (HolbooAccount *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  const char *queryid;

  g_hash_table_iter_init (&iter, self->mam_queries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &queryid, NULL))
    g_strv_builder_add (builder, queryid);
  return g_strv_builder_end (builder);
}
