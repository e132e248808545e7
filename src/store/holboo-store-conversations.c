/* holboo-store-conversations.c: conversations, their unread counts and
 * read marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

HolbooStoredConversation *
_holboo_store_conversation_from_row (sqlite3_stmt *stmt)
{
  HolbooStoredConversation *c = holboo_stored_conversation_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->peer = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  c->kind = sqlite3_column_int (stmt, 2);
  c->last_activity = sqlite3_column_int64 (stmt, 3);
  c->last_message_id = sqlite3_column_int64 (stmt, 4);
  c->unread = sqlite3_column_int (stmt, 5);
  c->read_until = sqlite3_column_int64 (stmt, 6);
  c->displayed_until = sqlite3_column_int64 (stmt, 7);
  c->muted = sqlite3_column_int (stmt, 8) != 0;
  c->pinned_at = sqlite3_column_int64 (stmt, 9);
  return c;
}

gboolean
_holboo_store_count_unread (HolbooStore  *self,
                            gint64        conversation_id,
                            gint64        read_until,
                            guint        *out,
                            GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self,
                                "SELECT count(*) FROM messages WHERE conversation_id = ?1 "
                                "AND timestamp > ?2 AND direction = 0 AND retracted = 0;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, read_until);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static HolbooStoredConversation *
get_conversation (HolbooStore  *self,
                  const char   *sql,
                  const char   *peer,
                  gint64        id,
                  GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (peer != NULL)
    sqlite3_bind_text (stmt, 1, peer, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return _holboo_store_conversation_from_row (stmt);
}

/**
 * holboo_store_get_conversation:
 * @self: an open store
 * @peer: the peer's bare JID
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the conversation, or %NULL — with
 *   @error set on failure, unset when there is none
 */
HolbooStoredConversation *
holboo_store_get_conversation (HolbooStore  *self,
                               const char   *peer,
                               GError      **error)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);

  return get_conversation (self, "SELECT " HOLBOO_STORE_CONVERSATION_COLUMNS " FROM conversations WHERE peer = ?1;",
                           peer, 0, error);
}

/**
 * holboo_store_get_conversation_by_id:
 * @self: an open store
 * @id: the conversation's row id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the conversation, or %NULL — with
 *   @error set on failure, unset when there is none
 */
HolbooStoredConversation *
holboo_store_get_conversation_by_id (HolbooStore  *self,
                                     gint64        id,
                                     GError      **error)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  return get_conversation (self, "SELECT " HOLBOO_STORE_CONVERSATION_COLUMNS " FROM conversations WHERE id = ?1;",
                           NULL, id, error);
}

/**
 * holboo_store_list_conversations:
 * @self: an open store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type HolbooStoredConversation): all
 *   conversations with messages or pinned (not those that only hold
 *   actions waiting for their messages), the most recently active first, with
 *   their unread counts; or %NULL with @error set
 */
GPtrArray *
holboo_store_list_conversations (HolbooStore  *self,
                                 GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_CONVERSATION_COLUMNS " FROM conversations "
                                "WHERE last_message_id IS NOT NULL OR pinned > 0 "
                                "ORDER BY last_activity DESC, id DESC;",
                                error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_conversation_unref);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, _holboo_store_conversation_from_row (stmt));
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

/* Inside a transaction: moves the read mark of @conversation_id forward
 * to @until and recounts its unread messages; *@moved says whether it
 * moved. */
gboolean
_holboo_store_move_read_mark (HolbooStore  *self,
                              gint64        conversation_id,
                              gint64        until,
                              gboolean     *moved,
                              GError      **error)
{
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  guint unread;

  *moved = FALSE;
  conv = holboo_store_get_conversation_by_id (self, conversation_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (conv == NULL || until <= conv->read_until)
    return TRUE;

  if (!_holboo_store_count_unread (self, conversation_id, until, &unread, error))
    return FALSE;

  stmt = _holboo_store_prepare (self,
                                "UPDATE conversations SET read_until = ?2, unread = ?3 WHERE id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, until);
  sqlite3_bind_int (stmt, 3, unread);
  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;
  *moved = TRUE;
  return TRUE;
}

/**
 * holboo_store_mark_conversation_read:
 * @self: an open store
 * @conversation_id: the conversation
 * @until: the user has seen every message up to this time (µs)
 * @error: return location for a #GError
 *
 * Moves the conversation's read mark forward (never back) and recounts
 * its unread messages.
 *
 * Returns: %TRUE on success (also when the mark was already later, or
 *   there is no such conversation)
 */
gboolean
holboo_store_mark_conversation_read (HolbooStore  *self,
                                     gint64        conversation_id,
                                     gint64        until,
                                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean moved;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;

  if (_holboo_store_move_read_mark (self, conversation_id, until, &moved, &local_error) &&
      _holboo_store_commit (self, &local_error))
    return TRUE;
  _holboo_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
