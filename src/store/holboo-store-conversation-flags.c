/* holboo-store-conversation-flags.c: what the user chose per
 * conversation: muted, pinned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

/* Sets @column of @peer's conversation (created when there is none, so
 * that a chat can be pinned or muted before its first message). */
static HolbooStoredConversation *
set_flag (HolbooStore             *self,
          const char              *sql,
          const char              *peer,
          HolbooConversationKind   kind,
          gint64                   value,
          GError                 **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  HolbooStoredConversation *conv;

  if (!_holboo_store_begin (self, error))
    return NULL;

  stmt = _holboo_store_prepare (self, sql, &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, peer, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, kind);
      sqlite3_bind_int64 (stmt, 3, value);
      if (_holboo_store_step (self, stmt, &local_error) == SQLITE_DONE)
        {
          conv = holboo_store_get_conversation (self, peer, &local_error);
          if (conv != NULL && _holboo_store_commit (self, &local_error))
            return conv;
          g_clear_pointer (&conv, holboo_stored_conversation_unref);
        }
    }
  _holboo_store_rollback (self);
  if (local_error == NULL)
    g_set_error (&local_error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_FAILED,
                 "The conversation with %s is not stored", peer);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * holboo_store_set_conversation_muted:
 * @self: an open store
 * @peer: the contact's or room's bare JID
 * @kind: the conversation's kind, if it must be created
 * @muted: whether its messages stay silent
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the conversation as it is now,
 *   or %NULL with @error set
 */
HolbooStoredConversation *
holboo_store_set_conversation_muted (HolbooStore             *self,
                                     const char              *peer,
                                     HolbooConversationKind   kind,
                                     gboolean                 muted,
                                     GError                 **error)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);

  return set_flag (self,
                   "INSERT INTO conversations (peer, kind, muted) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT (peer) DO UPDATE SET muted = excluded.muted;",
                   peer, kind, muted ? 1 : 0, error);
}

/**
 * holboo_store_set_conversation_pinned:
 * @self: an open store
 * @peer: the contact's or room's bare JID
 * @kind: the conversation's kind, if it must be created
 * @pinned_at: when it was pinned (µs, > 0), or 0 to unpin it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the conversation as it is now,
 *   or %NULL with @error set
 */
HolbooStoredConversation *
holboo_store_set_conversation_pinned (HolbooStore             *self,
                                      const char              *peer,
                                      HolbooConversationKind   kind,
                                      gint64                   pinned_at,
                                      GError                 **error)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);
  g_return_val_if_fail (pinned_at >= 0, NULL);

  return set_flag (self,
                   "INSERT INTO conversations (peer, kind, pinned) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT (peer) DO UPDATE SET pinned = excluded.pinned;",
                   peer, kind, pinned_at, error);
}
