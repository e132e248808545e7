/* holboo-account-reads.c: reading an account's store for the UI and
 * the command-line tool, and waiting for its writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each read is one op in a batch of its own: it runs on the store's
 * worker after everything queued before it — so a read sees every
 * message that was announced before it was asked for — and its result
 * comes back to a #GTask on the main thread.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-private.h"

#include <glib/gi18n-lib.h>

static void
on_read_done (HolbooAccount      *self,
              HolbooAccountBatch *batch,
              gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = batch->ops->pdata[0];

  if (self == NULL)
    g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                             "%s", _("The account is closing"));
  else if (op->error != NULL)
    g_task_return_error (task, g_error_copy (op->error));
  else if (op->kind == HOLBOO_ACCOUNT_OP_BARRIER)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_pointer (task, g_steal_pointer (&op->rows), (GDestroyNotify) g_ptr_array_unref);
}

static void
read_async (HolbooAccount       *self,
            HolbooAccountOp     *op,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  HolbooAccountBatch *batch;

  g_task_set_source_tag (task, source_tag);
  batch = _holboo_account_batch_new (on_read_done, task, g_object_unref);
  _holboo_account_batch_add (batch, op);
  _holboo_account_submit (self, batch);
}

/**
 * holboo_account_flush_async:
 *
 * Completes once everything queued so far (messages received and typed,
 * state changes) is written to the store.
 */
void
holboo_account_flush_async (HolbooAccount       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  read_async (self, _holboo_account_op_new (HOLBOO_ACCOUNT_OP_BARRIER), holboo_account_flush_async,
              cancellable, callback, user_data);
}

gboolean
holboo_account_flush_finish (HolbooAccount  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * holboo_account_list_conversations_async:
 *
 * Lists the conversations, most recently active first.
 */
void
holboo_account_list_conversations_async (HolbooAccount       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  read_async (self, _holboo_account_op_new (HOLBOO_ACCOUNT_OP_CONVERSATIONS),
              holboo_account_list_conversations_async, cancellable, callback, user_data);
}

/**
 * holboo_account_list_conversations_finish:
 *
 * Returns: (transfer full) (element-type HolbooStoredConversation): the
 *   conversations, or %NULL with @error set
 */
GPtrArray *
holboo_account_list_conversations_finish (HolbooAccount  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_account_load_messages_async:
 * @peer: the conversation's bare JID
 * @before: (nullable): messages older than this position; %NULL for the
 *   newest
 * @limit: at most this many
 *
 * Reads one page of a conversation from the store (nothing from the
 * network: see holboo_account_fetch_older_async()).
 */
void
holboo_account_load_messages_async (HolbooAccount             *self,
                                    const char                *peer,
                                    const HolbooMessageCursor *before,
                                    guint                      limit,
                                    GCancellable              *cancellable,
                                    GAsyncReadyCallback        callback,
                                    gpointer                   user_data)
{
  HolbooAccountOp *op;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (peer != NULL);

  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_LOAD_MESSAGES);
  op->peer = g_strdup (peer);
  op->has_cursor = before != NULL;
  if (before != NULL)
    op->cursor = *before;
  op->limit = limit;
  read_async (self, op, holboo_account_load_messages_async, cancellable, callback, user_data);
}

/**
 * holboo_account_load_messages_finish:
 *
 * Returns: (transfer full) (element-type HolbooStoredMessage): the
 *   messages, oldest first (empty for an unknown conversation), or %NULL
 *   with @error set
 */
GPtrArray *
holboo_account_load_messages_finish (HolbooAccount  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
