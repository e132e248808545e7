/* holboo-account-batch.c: the account's writes and reads, batched and
 * run in order on its store's worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the pipeline asks of the store is an op.  Ops that arrive
 * while the main loop handles a burst (incoming messages, acks, state
 * changes, typed messages) collect in one pending batch, which an idle
 * callback hands to the worker: the messages of one batch are stored in
 * one SQLite transaction.  While a batch is on the worker, the next one
 * keeps collecting, so batches grow with the load and a busy stream
 * costs few transactions; an idle one costs one per message, at once.
 *
 * Every other piece of work (a MAM page, a read for the UI) is a batch
 * of its own, pushed after the pending one: the worker runs batches in
 * the order pushed and completions come back in the same order, so "the
 * message was stored before its receipt was looked up" holds without
 * locks.
 *
 * After a batch ran, its completion emits ::message-added and
 * ::message-updated, answers receipt requests of the live messages it
 * stored (a receipt means "stored", not merely "seen"), and hands new
 * outbox rows to the sender.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-private.h"
#include "holboo-xmpp-receipts.h"

/* A pending batch this large goes to the worker even if another one is
 * still there: memory stays bounded whatever the stream does. */
#define MAX_PENDING_OPS 2000

HolbooAccountOp *
_holboo_account_op_new (HolbooAccountOpKind kind)
{
  HolbooAccountOp *op = g_new0 (HolbooAccountOp, 1);

  op->kind = kind;
  return op;
}

void
_holboo_account_op_free (HolbooAccountOp *op)
{
  g_clear_pointer (&op->message, holboo_stored_message_unref);
  g_free (op->receipt_to);
  g_free (op->peer);
  g_free (op->origin_id);
  g_free (op->archive);
  g_free (op->with);
  g_free (op->first_id);
  g_free (op->last_id);
  g_free (op->before_id);
  g_clear_pointer (&op->row, holboo_stored_message_unref);
  g_clear_pointer (&op->gap, holboo_mam_gap_free);
  g_clear_pointer (&op->rows, g_ptr_array_unref);
  g_clear_pointer (&op->action, holboo_message_action_free);
  g_clear_pointer (&op->conversation, holboo_stored_conversation_unref);
  g_free (op->text);
  if (op->call_data_free != NULL)
    g_clear_pointer (&op->call_data, op->call_data_free);
  if (op->call_result_free != NULL)
    g_clear_pointer (&op->call_result, op->call_result_free);
  g_clear_error (&op->error);
  g_free (op);
}

HolbooAccountBatch *
_holboo_account_batch_new (HolbooAccountBatchThen then,
                           gpointer               then_data,
                           GDestroyNotify         then_data_free)
{
  HolbooAccountBatch *batch = g_new0 (HolbooAccountBatch, 1);

  batch->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) _holboo_account_op_free);
  batch->then = then;
  batch->then_data = then_data;
  batch->then_data_free = then_data_free;
  return batch;
}

void
_holboo_account_batch_add (HolbooAccountBatch *batch,
                           HolbooAccountOp    *op)
{
  g_ptr_array_add (batch->ops, op);
}

void
_holboo_account_batch_free (HolbooAccountBatch *batch)
{
  if (batch->then_data_free != NULL)
    batch->then_data_free (batch->then_data);
  g_ptr_array_unref (batch->ops);
  g_free (batch);
}

/* On the worker. */

/* Stores ops [@from, @to), all inserts, in one transaction.  When that
 * fails, each on its own: one bad message costs only itself. */
static void
run_inserts (HolbooStore *store,
             GPtrArray   *ops,
             guint        from,
             guint        to)
{
  guint n = to - from;
  g_autofree HolbooStoredMessage **messages = g_new (HolbooStoredMessage *, n);
  g_autofree HolbooInsertResult *results = g_new0 (HolbooInsertResult, n);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    messages[i] = ((HolbooAccountOp *) ops->pdata[from + i])->message;

  if (!holboo_store_insert_messages (store, messages, n, results, &error))
    {
      if (n == 1)
        {
          ((HolbooAccountOp *) ops->pdata[from])->error = g_steal_pointer (&error);
          return;
        }
      g_debug ("Storing %u messages at once failed (%s); storing them one by one", n, error->message);
      for (guint i = from; i < to; i++)
        run_inserts (store, ops, i, i + 1);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      HolbooAccountOp *op = ops->pdata[from + i];

      op->result = results[i];
      /* Read back what the store changed: what a copy taught it, or
       * actions that waited for it. */
      if (results[i].outcome == HOLBOO_INSERT_UPDATED || results[i].actions_applied)
        op->row = holboo_store_get_message (store, results[i].id, &op->error);
    }
}

static void
find_older_gap (HolbooStore     *store,
                HolbooAccountOp *op)
{
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GPtrArray) oldest = NULL;
  const char *before_id = NULL;
  gint64 before_ts = 0;

  conv = holboo_store_get_conversation (store, op->peer, &op->error);
  if (op->error != NULL)
    return;
  if (conv != NULL)
    {
      oldest = holboo_store_get_messages_after (store, conv->id, NULL, 1, &op->error);
      if (oldest == NULL)
        return;
    }

  /* The oldest message stored: at its archive id when it has one from
   * this archive, else at its time. */
  if (oldest != NULL && oldest->len > 0)
    {
      HolbooStoredMessage *m = oldest->pdata[0];

      op->oldest_timestamp = m->timestamp;
      if (m->stanza_id != NULL && g_strcmp0 (m->stanza_id_by, op->archive) == 0)
        {
          before_id = m->stanza_id;
          before_ts = m->server_ts;
        }
      else
        before_ts = m->timestamp;
    }

  op->before_id = g_strdup (before_id);
  op->before_ts = before_ts;
  /* with: the peer of a filtered query; NULL for a room's own archive. */
  holboo_store_mam_find_gap (store, op->archive, op->with, before_id, before_ts, &op->gap, &op->error);
}

static void
run_op (HolbooStore     *store,
        HolbooAccountOp *op)
{
  g_autoptr(HolbooStoredConversation) conv = NULL;

  switch (op->kind)
    {
    case HOLBOO_ACCOUNT_OP_INSERT:
      g_assert_not_reached ();
      break;
    case HOLBOO_ACCOUNT_OP_STATE:
      op->row = holboo_store_update_message_state (store, op->row_id, op->state, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_STATE_BY_ORIGIN:
      op->row = holboo_store_update_message_state_by_origin_id (store, op->peer, op->origin_id,
                                                                op->state, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_MAM_RANGE:
      holboo_store_mam_record_range (store, op->archive, op->with, op->first_id, op->first_ts,
                                     op->last_id, op->last_ts, op->reaches_start, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_FIND_GAP:
      if (holboo_store_mam_find_gap (store, op->archive, op->with, op->before_id, op->before_ts,
                                     &op->gap, &op->error) &&
          (op->flags & HOLBOO_ACCOUNT_GAP_WITH_FLOORS))
        op->rows = holboo_store_list_conversations (store, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_OLDER_GAP:
      find_older_gap (store, op);
      break;
    case HOLBOO_ACCOUNT_OP_OUTBOX_LIST:
      op->rows = holboo_store_outbox_list (store, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_CONVERSATIONS:
      op->rows = holboo_store_list_conversations (store, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_LOAD_MESSAGES:
      conv = holboo_store_get_conversation (store, op->peer, &op->error);
      if (conv != NULL)
        op->rows = holboo_store_get_messages_before (store, conv->id, op->has_cursor ? &op->cursor : NULL,
                                                     op->limit, &op->error);
      else if (op->error == NULL)
        op->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
      break;
    case HOLBOO_ACCOUNT_OP_BARRIER:
      break;
    case HOLBOO_ACCOUNT_OP_ACTION:
      if (!holboo_store_apply_actions (store, &op->action, 1, &op->action_result, &op->error))
        break;
      if (op->action_result.outcome == HOLBOO_ACTION_APPLIED)
        op->row = holboo_store_get_message (store, op->action_result.message_id, &op->error);
      if (op->action->kind == HOLBOO_MESSAGE_ACTION_DISPLAYED && op->action_result.outcome == HOLBOO_ACTION_APPLIED)
        op->conversation = holboo_store_get_conversation_by_id (store, op->action_result.conversation_id,
                                                                &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_MARK_READ:
      if (holboo_store_mark_conversation_read (store, op->conversation_id, op->until, &op->error))
        op->conversation = holboo_store_get_conversation_by_id (store, op->conversation_id, &op->error);
      if (op->conversation != NULL)
        op->row = holboo_store_get_message (store, op->row_id, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_DRAFT_SAVE:
      holboo_store_save_draft (store, op->peer, op->text, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_DRAFT_LOAD:
      holboo_store_load_draft (store, op->peer, &op->text, &op->error);
      break;
    case HOLBOO_ACCOUNT_OP_CALL:
      op->call_result = op->call_func (store, op->call_data, &op->error);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gpointer
batch_run (HolbooStore  *store,
           gpointer      data,
           GError      **error)
{
  HolbooAccountBatch *batch = data;
  GPtrArray *ops = batch->ops;
  guint i = 0;

  while (i < ops->len)
    {
      HolbooAccountOp *op = ops->pdata[i];

      if (op->kind == HOLBOO_ACCOUNT_OP_INSERT)
        {
          guint j = i;

          while (j < ops->len && ((HolbooAccountOp *) ops->pdata[j])->kind == HOLBOO_ACCOUNT_OP_INSERT)
            j++;
          run_inserts (store, ops, i, j);
          i = j;
          continue;
        }

      run_op (store, op);
      i++;
    }

  return batch;
}

/* Back on the main thread. */

static void
report_error (HolbooAccount   *self,
              HolbooAccountOp *op)
{
  /* A message that breaks the store's rules is the sender's problem; a
   * store that cannot write is the user's, and the UI shows it. */
  if (g_error_matches (op->error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID))
    {
      g_message ("Dropping a message the store refused: %s", op->error->message);
      return;
    }

  g_message ("Store operation %d failed: %s", op->kind, op->error->message);
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_STORE_ERROR], 0, op->error);
}

static void
send_receipt (HolbooAccount       *self,
              HolbooAccountOp     *op)
{
  g_autoptr(HolbooXmlNode) receipt = NULL;

  if (op->receipt_to == NULL || op->message->message_id == NULL || !_holboo_account_is_connected (self))
    return;

  receipt = holboo_xmpp_receipts_build_received (op->receipt_to, op->message->message_id);
  holboo_xmpp_connection_send (self->connection, receipt, NULL);
}

static void
complete_insert (HolbooAccount   *self,
                 HolbooAccountOp *op)
{
  HolbooStoredMessage *m = op->message;

  m->id = op->result.id;
  m->conversation_id = op->result.conversation_id;

  switch (op->result.outcome)
    {
    case HOLBOO_INSERT_NEW:
      g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_MESSAGE_ADDED], 0,
                     m->conversation_id, m->id, op->row != NULL ? op->row : m);
      break;
    case HOLBOO_INSERT_UPDATED:
      g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_MESSAGE_UPDATED], 0,
                     m->conversation_id, m->id, op->row != NULL ? op->row : m);
      break;
    case HOLBOO_INSERT_DUPLICATE:
    default:
      break;
    }

  if (op->flags & HOLBOO_ACCOUNT_INSERT_LIVE)
    send_receipt (self, op);
  if ((op->flags & HOLBOO_ACCOUNT_INSERT_OUTBOX) && op->result.outcome == HOLBOO_INSERT_NEW)
    _holboo_account_outbox_stored (self, m);
}

static void submit_pending (HolbooAccount *self);

static void
batch_done (gpointer  result,
            GError   *error,
            gpointer  user_data)
{
  HolbooAccountBatch *batch = user_data;
  HolbooAccount *self = batch->account;
  g_autoptr(GError) owned = error;

  if (owned != NULL)
    {
      /* The worker shut down: the account is being disposed. */
      if (batch->then != NULL)
        batch->then (NULL, batch, batch->then_data);
      return;
    }

  g_object_ref (self);

  if (batch->incoming)
    self->incoming_in_flight--;

  for (guint i = 0; i < batch->ops->len; i++)
    {
      HolbooAccountOp *op = batch->ops->pdata[i];

      if (op->error != NULL)
        report_error (self, op);

      switch (op->kind)
        {
        case HOLBOO_ACCOUNT_OP_INSERT:
          if (op->error == NULL)
            complete_insert (self, op);
          break;
        case HOLBOO_ACCOUNT_OP_STATE:
        case HOLBOO_ACCOUNT_OP_STATE_BY_ORIGIN:
          if (op->row != NULL)
            g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_MESSAGE_UPDATED], 0,
                           op->row->conversation_id, op->row->id, op->row);
          if (op->kind == HOLBOO_ACCOUNT_OP_STATE)
            _holboo_account_outbox_state_done (self, op);
          break;
        case HOLBOO_ACCOUNT_OP_ACTION:
        case HOLBOO_ACCOUNT_OP_MARK_READ:
          if (op->error == NULL)
            _holboo_account_action_done (self, op);
          break;
        default:
          break;
        }
    }

  if (batch->then != NULL)
    batch->then (self, batch, batch->then_data);

  if (batch->incoming && self->incoming_in_flight == 0 && self->pending != NULL && !self->closed)
    submit_pending (self);

  g_object_unref (self);
}

static void
push (HolbooAccount      *self,
      HolbooAccountBatch *batch)
{
  batch->account = self;
  holboo_worker_push (self->worker, batch_run, batch, (GDestroyNotify) _holboo_account_batch_free,
                      batch_done, batch, NULL);
}

static void
submit_pending (HolbooAccount *self)
{
  HolbooAccountBatch *batch = g_steal_pointer (&self->pending);

  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (batch == NULL)
    return;

  self->incoming_in_flight++;
  push (self, batch);
}

static gboolean
on_flush (gpointer user_data)
{
  HolbooAccount *self = user_data;

  self->flush_id = 0;
  /* One batch on the worker at a time: the next grows meanwhile. */
  if (self->incoming_in_flight == 0)
    submit_pending (self);
  return G_SOURCE_REMOVE;
}

/**
 * _holboo_account_queue_op:
 * @op: (transfer full): the op
 *
 * Adds @op to the pending batch, which goes to the worker when the main
 * loop is done with what it is handling now.
 */
void
_holboo_account_queue_op (HolbooAccount   *self,
                          HolbooAccountOp *op)
{
  if (self->closed)
    {
      _holboo_account_op_free (op);
      return;
    }

  if (self->pending == NULL)
    {
      self->pending = _holboo_account_batch_new (NULL, NULL, NULL);
      self->pending->incoming = TRUE;
    }
  _holboo_account_batch_add (self->pending, op);

  if (self->pending->ops->len >= MAX_PENDING_OPS)
    submit_pending (self);
  else if (self->flush_id == 0)
    self->flush_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_flush, self, NULL);
}

/**
 * _holboo_account_flush_pending:
 *
 * Hands the pending batch to the worker now.
 */
void
_holboo_account_flush_pending (HolbooAccount *self)
{
  if (self->pending != NULL)
    submit_pending (self);
}

/**
 * _holboo_account_submit:
 * @batch: (transfer full): work to run after everything queued so far
 */
void
_holboo_account_submit (HolbooAccount      *self,
                        HolbooAccountBatch *batch)
{
  if (self->closed)
    {
      if (batch->then != NULL)
        batch->then (NULL, batch, batch->then_data);
      _holboo_account_batch_free (batch);
      return;
    }

  _holboo_account_flush_pending (self);
  push (self, batch);
}

void
_holboo_account_call (HolbooAccount          *self,
                      HolbooAccountCallFunc   func,
                      gpointer                data,
                      GDestroyNotify          data_free,
                      GDestroyNotify          result_free,
                      HolbooAccountBatchThen  then,
                      gpointer                then_data,
                      GDestroyNotify          then_data_free)
{
  HolbooAccountOp *op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_CALL);
  HolbooAccountBatch *batch = _holboo_account_batch_new (then, then_data, then_data_free);

  op->call_func = func;
  op->call_data = data;
  op->call_data_free = data_free;
  op->call_result_free = result_free;
  _holboo_account_batch_add (batch, op);
  _holboo_account_submit (self, batch);
}
