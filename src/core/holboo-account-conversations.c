/* holboo-account-conversations.c: what the user chooses per
 * conversation (mute, pin) and searching all of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A mute or a pin is one write on the store's worker, in order with
 * everything else; once written, HolbooAccount::conversation-updated
 * carries the conversation as it is now, so every list follows.
 * Searches run on the worker too and come back with what a result row
 * shows: the conversation, the sender and a snippet.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-conversations.h"
#include "holboo-account-private.h"

#include <glib/gi18n-lib.h>

G_DEFINE_BOXED_TYPE (HolbooMessageHit, holboo_message_hit, holboo_message_hit_copy, holboo_message_hit_free)

HolbooMessageHit *
holboo_message_hit_copy (const HolbooMessageHit *self)
{
  HolbooMessageHit *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->peer = g_strdup (self->peer);
  copy->from_jid = g_strdup (self->from_jid);
  copy->snippet = g_strdup (self->snippet);
  return copy;
}

void
holboo_message_hit_free (HolbooMessageHit *self)
{
  if (self == NULL)
    return;
  g_free (self->peer);
  g_free (self->from_jid);
  g_free (self->snippet);
  g_free (self);
}

typedef struct {
  char                   *peer;
  HolbooConversationKind  kind;
  gboolean                is_pin;
  gint64                  value;
} FlagChange;

static void
flag_change_free (FlagChange *change)
{
  g_free (change->peer);
  g_free (change);
}

static gpointer
set_flag_func (HolbooStore  *store,
               gpointer      data,
               GError      **error)
{
  FlagChange *change = data;

  if (change->is_pin)
    return holboo_store_set_conversation_pinned (store, change->peer, change->kind, change->value, error);
  return holboo_store_set_conversation_muted (store, change->peer, change->kind, change->value != 0, error);
}

static void
flag_set (HolbooAccount      *self,
          HolbooAccountBatch *batch,
          gpointer            data)
{
  HolbooAccountOp *op = batch->ops->pdata[0];
  HolbooStoredConversation *conversation = op->call_result;

  if (self == NULL)
    return;
  if (op->error != NULL)
    {
      g_message ("Could not change the conversation: %s", op->error->message);
      g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_STORE_ERROR], 0, op->error);
      return;
    }
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_CONVERSATION_UPDATED], 0,
                 conversation->id, conversation);
}

static void
set_flag (HolbooAccount          *self,
          const char             *peer,
          HolbooConversationKind  kind,
          gboolean                is_pin,
          gint64                  value)
{
  FlagChange *change = g_new0 (FlagChange, 1);

  change->peer = g_strdup (peer);
  change->kind = kind;
  change->is_pin = is_pin;
  change->value = value;
  _holboo_account_call (self, set_flag_func, change, (GDestroyNotify) flag_change_free,
                        (GDestroyNotify) holboo_stored_conversation_unref, flag_set, NULL, NULL);
}

/**
 * holboo_account_set_conversation_muted:
 * @peer: the conversation's bare JID
 * @kind: its kind (it is created if it is not stored yet)
 * @muted: whether its messages stay silent
 *
 * Kept in the store; HolbooAccount::conversation-updated follows.
 */
void
holboo_account_set_conversation_muted (HolbooAccount          *self,
                                       const char             *peer,
                                       HolbooConversationKind  kind,
                                       gboolean                muted)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (peer != NULL);

  set_flag (self, peer, kind, FALSE, muted ? 1 : 0);
}

/**
 * holboo_account_set_conversation_pinned:
 * @peer: the conversation's bare JID
 * @kind: its kind (it is created if it is not stored yet)
 * @pinned: %TRUE to pin it on top of the list (the latest pinned
 *   first), %FALSE to unpin it
 *
 * Kept in the store; HolbooAccount::conversation-updated follows.
 */
void
holboo_account_set_conversation_pinned (HolbooAccount          *self,
                                        const char             *peer,
                                        HolbooConversationKind  kind,
                                        gboolean                pinned)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (peer != NULL);

  set_flag (self, peer, kind, TRUE, pinned ? MAX (g_get_real_time (), 1) : 0);
}

typedef struct {
  char  *text;
  char  *peer;
  guint  limit;
} SearchQuery;

static void
search_query_free (SearchQuery *query)
{
  g_free (query->text);
  g_free (query->peer);
  g_free (query);
}

static gpointer
search_func (HolbooStore  *store,
             gpointer      data,
             GError      **error)
{
  SearchQuery *query = data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GHashTable) conversations = NULL;
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_message_hit_free);
  gint64 conversation_id = 0;

  if (query->peer != NULL)
    {
      g_autoptr(HolbooStoredConversation) c = NULL;
      g_autoptr(GError) local_error = NULL;

      c = holboo_store_get_conversation (store, query->peer, &local_error);
      if (c == NULL)
        {
          if (local_error == NULL)
            return results;   /* nothing said there yet */
          g_propagate_error (error, g_steal_pointer (&local_error));
          g_ptr_array_unref (results);
          return NULL;
        }
      conversation_id = c->id;
    }

  hits = holboo_store_search_messages (store, query->text, conversation_id, query->limit, error);
  if (hits == NULL)
    {
      g_ptr_array_unref (results);
      return NULL;
    }
  conversations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) holboo_stored_conversation_unref);
  for (guint i = 0; i < hits->len; i++)
    {
      HolbooSearchHit *hit = hits->pdata[i];
      HolbooStoredConversation *c = g_hash_table_lookup (conversations, &hit->conversation_id);
      g_autoptr(HolbooStoredMessage) m = NULL;
      HolbooMessageHit *result;

      if (c == NULL)
        {
          c = holboo_store_get_conversation_by_id (store, hit->conversation_id, NULL);
          if (c == NULL)
            continue;
          g_hash_table_insert (conversations, g_memdup2 (&hit->conversation_id, sizeof (gint64)), c);
        }
      m = holboo_store_get_message (store, hit->message_id, NULL);
      if (m == NULL)
        continue;
      result = g_new0 (HolbooMessageHit, 1);
      result->message_id = hit->message_id;
      result->peer = g_strdup (c->peer);
      result->kind = c->kind;
      result->from_jid = g_strdup (m->from_jid);
      result->direction = m->direction;
      result->timestamp = hit->timestamp;
      result->snippet = g_strdup (hit->snippet);
      g_ptr_array_add (results, result);
    }
  return results;
}

static void
searched (HolbooAccount      *self,
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
  else
    g_task_return_pointer (task, g_steal_pointer (&op->call_result), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * holboo_account_search_messages_async:
 * @text: what the user typed (any text: see holboo_store_search_messages())
 * @peer: (nullable): search this conversation only, or all of them
 * @limit: at most this many hits
 *
 * Searches the stored messages, the newest first.
 */
void
holboo_account_search_messages_async (HolbooAccount       *self,
                                      const char          *text,
                                      const char          *peer,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  SearchQuery *query;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (text != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_search_messages_async);
  query = g_new0 (SearchQuery, 1);
  query->text = g_strdup (text);
  query->peer = g_strdup (peer);
  query->limit = limit;
  _holboo_account_call (self, search_func, query, (GDestroyNotify) search_query_free,
                        (GDestroyNotify) g_ptr_array_unref, searched, task, g_object_unref);
}

/**
 * holboo_account_search_messages_finish:
 *
 * Returns: (transfer full) (element-type HolbooMessageHit): the hits,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
holboo_account_search_messages_finish (HolbooAccount  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
