/* holboo-store-history.c: reading messages back, in pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

int
_holboo_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, index);
  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

HolbooStoredMessage *
_holboo_store_message_from_row (sqlite3_stmt *stmt)
{
  HolbooStoredMessage *m = holboo_stored_message_new ();

  m->id = sqlite3_column_int64 (stmt, 0);
  m->conversation_id = sqlite3_column_int64 (stmt, 1);
  m->peer = dup_column (stmt, 2);
  m->kind = sqlite3_column_int (stmt, 3);
  m->direction = sqlite3_column_int (stmt, 4);
  m->state = sqlite3_column_int (stmt, 5);
  m->from_jid = dup_column (stmt, 6);
  m->to_jid = dup_column (stmt, 7);
  m->body = dup_column (stmt, 8);
  m->timestamp = sqlite3_column_int64 (stmt, 9);
  m->server_ts = sqlite3_column_int64 (stmt, 10);
  m->message_id = dup_column (stmt, 11);
  m->origin_id = dup_column (stmt, 12);
  m->stanza_id = dup_column (stmt, 13);
  m->stanza_id_by = dup_column (stmt, 14);
  m->receipt_requested = sqlite3_column_int (stmt, 15) != 0;
  m->markable = sqlite3_column_int (stmt, 16) != 0;
  m->edited_at = sqlite3_column_int64 (stmt, 17);
  m->retracted = sqlite3_column_int (stmt, 18) != 0;
  m->read = sqlite3_column_int (stmt, 19) != 0;
  m->reply_to_id = dup_column (stmt, 20);
  m->reply_to_jid = dup_column (stmt, 21);
  m->reply_to_row = sqlite3_column_int64 (stmt, 22);
  m->reply_preview = dup_column (stmt, 23);
  if (sqlite3_column_type (stmt, 24) != SQLITE_NULL)
    m->reactions = _holboo_store_parse_reactions ((const char *) sqlite3_column_text (stmt, 24));
  return m;
}

GPtrArray *
_holboo_store_parse_reactions (const char *summary)
{
  g_autoptr(GPtrArray) reactions = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_reaction_free);
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      HolbooReaction *r;

      if (g_strv_length (fields) != 3)
        continue;
      r = g_new0 (HolbooReaction, 1);
      r->emoji = g_strdup (fields[0]);
      r->count = (guint) g_ascii_strtoull (fields[1], NULL, 10);
      r->own = g_str_equal (fields[2], "1");
      g_ptr_array_add (reactions, r);
    }
  return reactions->len > 0 ? g_steal_pointer (&reactions) : NULL;
}

GPtrArray *
_holboo_store_collect_messages (HolbooStore  *self,
                                sqlite3_stmt *stmt,
                                GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  int rc;

  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, _holboo_store_message_from_row (stmt));
  _holboo_store_stmt_release (stmt);
  if (rc != SQLITE_DONE)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    if (!_holboo_store_fill_attachment (self, rows->pdata[i], error))
      return NULL;
  return g_steal_pointer (&rows);
}

/**
 * holboo_store_get_message:
 * @self: an open store
 * @id: a message's row id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the message, or %NULL — with
 *   @error set on failure, unset when there is no such message
 */
HolbooStoredMessage *
holboo_store_get_message (HolbooStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(HolbooStoredMessage) m = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_MESSAGE_COLUMNS HOLBOO_STORE_MESSAGE_FROM
                                "WHERE m.id = ?1;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  m = _holboo_store_message_from_row (stmt);
  g_clear_pointer (&stmt, _holboo_store_stmt_release);
  if (!_holboo_store_fill_attachment (self, m, error))
    return NULL;
  return g_steal_pointer (&m);
}

/**
 * holboo_store_get_messages_before:
 * @self: an open store
 * @conversation_id: the conversation
 * @before: (nullable): return messages older than this position; %NULL
 *   for the newest
 * @limit: at most this many
 * @error: return location for a #GError
 *
 * One page of a conversation, found through its index on (timestamp,
 * id) — no OFFSET, so every page costs the same however far back it is.
 * The next older page is the one before the first message returned.
 *
 * Returns: (transfer full) (element-type HolbooStoredMessage): the
 *   messages, oldest first, or %NULL with @error set
 */
GPtrArray *
holboo_store_get_messages_before (HolbooStore                *self,
                                  gint64                      conversation_id,
                                  const HolbooMessageCursor  *before,
                                  guint                       limit,
                                  GError                    **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *rows;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_MESSAGE_COLUMNS HOLBOO_STORE_MESSAGE_FROM
                                "WHERE m.conversation_id = ?1 AND (m.timestamp, m.id) < (?2, ?3) "
                                "ORDER BY m.timestamp DESC, m.id DESC LIMIT ?4;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, before != NULL ? before->timestamp : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, before != NULL ? before->id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 4, limit);

  rows = _holboo_store_collect_messages (self, stmt, error);
  if (rows != NULL)
    {
      for (guint i = 0; i < rows->len / 2; i++)
        {
          gpointer tmp = rows->pdata[i];

          rows->pdata[i] = rows->pdata[rows->len - 1 - i];
          rows->pdata[rows->len - 1 - i] = tmp;
        }
    }
  return rows;
}

/**
 * holboo_store_get_messages_after:
 * @self: an open store
 * @conversation_id: the conversation
 * @after: (nullable): return messages newer than this position; %NULL
 *   for the oldest
 * @limit: at most this many
 * @error: return location for a #GError
 *
 * Like holboo_store_get_messages_before(), forwards.
 *
 * Returns: (transfer full) (element-type HolbooStoredMessage): the
 *   messages, oldest first, or %NULL with @error set
 */
GPtrArray *
holboo_store_get_messages_after (HolbooStore                *self,
                                 gint64                      conversation_id,
                                 const HolbooMessageCursor  *after,
                                 guint                       limit,
                                 GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_MESSAGE_COLUMNS HOLBOO_STORE_MESSAGE_FROM
                                "WHERE m.conversation_id = ?1 AND (m.timestamp, m.id) > (?2, ?3) "
                                "ORDER BY m.timestamp, m.id LIMIT ?4;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, after != NULL ? after->timestamp : G_MININT64);
  sqlite3_bind_int64 (stmt, 3, after != NULL ? after->id : G_MININT64);
  sqlite3_bind_int64 (stmt, 4, limit);

  return _holboo_store_collect_messages (self, stmt, error);
}

/**
 * holboo_store_count_messages:
 * @self: an open store
 * @conversation_id: the conversation
 * @out_count: (out): the number of its messages
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_count_messages (HolbooStore  *self,
                             gint64        conversation_id,
                             guint        *out_count,
                             GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  stmt = _holboo_store_prepare (self,
                                "SELECT count(*) FROM messages WHERE conversation_id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_count = sqlite3_column_int (stmt, 0);
  return TRUE;
}
