/* holboo-store-pending.c: actions that came before their message, and
 * replies before the message they answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An archive pages newest first, so a correction, a retraction, a
 * reaction or a displayed marker often arrives before the message it
 * names.  It waits in pending_actions, and holboo_store_insert_messages()
 * applies it — by the same rules as any action (holboo-store-actions.c)
 * — when a message with that id is stored.  The insert path looks only
 * while something waits.  Of the displayed markers one side sent only
 * the newest waits; actions whose message never comes are forgotten
 * after PENDING_LIFETIME.
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-actions-private.h"

/* Actions whose message never comes are forgotten after this long. */
#define PENDING_LIFETIME (G_GINT64_CONSTANT (30) * 24 * 3600 * G_USEC_PER_SEC)

gboolean
_holboo_store_add_pending (HolbooStore              *self,
                           gint64                    conversation_id,
                           const char               *target_id,
                           const HolbooStoreAction  *a,
                           gint64                    source_row,
                           gboolean                 *added,
                           GError                  **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  *added = TRUE;

  /* Of the markers one side sent, only the newest matters. */
  if (a->kind == HOLBOO_MESSAGE_ACTION_DISPLAYED)
    {
      int rc;

      stmt = _holboo_store_prepare (self,
                                    "SELECT 1 FROM pending_actions WHERE conversation_id = ?1 AND kind = 3 "
                                    "AND direction = ?2 AND timestamp >= ?3;",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, conversation_id);
      sqlite3_bind_int (stmt, 2, a->direction);
      sqlite3_bind_int64 (stmt, 3, a->timestamp);
      rc = _holboo_store_step (self, stmt, error);
      if (rc == 0)
        return FALSE;
      g_clear_pointer (&stmt, _holboo_store_stmt_release);
      if (rc == SQLITE_ROW)
        {
          *added = FALSE;
          return TRUE;
        }
      stmt = _holboo_store_prepare (self,
                                    "DELETE FROM pending_actions WHERE conversation_id = ?1 AND kind = 3 "
                                    "AND direction = ?2;",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, conversation_id);
      sqlite3_bind_int (stmt, 2, a->direction);
      if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
        return FALSE;
      g_clear_pointer (&stmt, _holboo_store_stmt_release);
    }

  stmt = _holboo_store_prepare (self, "DELETE FROM pending_actions WHERE created < ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_get_real_time () - PENDING_LIFETIME);
  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, _holboo_store_stmt_release);

  stmt = _holboo_store_prepare (self,
                                "INSERT INTO pending_actions (conversation_id, target, kind, direction, sender,"
                                "  body, timestamp, source_row, created) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_text (stmt, 2, target_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, a->kind);
  sqlite3_bind_int (stmt, 4, a->direction);
  sqlite3_bind_text (stmt, 5, a->sender, -1, SQLITE_STATIC);
  _holboo_store_bind_text (stmt, 6, a->body);
  sqlite3_bind_int64 (stmt, 7, a->timestamp);
  if (source_row != 0)
    sqlite3_bind_int64 (stmt, 8, source_row);
  sqlite3_bind_int64 (stmt, 9, g_get_real_time ());
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

gboolean
_holboo_store_has_pending_actions (HolbooStore  *self,
                                   gboolean     *out,
                                   GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM pending_actions);",
                                                           error);

  if (stmt == NULL || _holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

typedef struct {
  gint64  id;
  int     kind;
  int     direction;
  char   *sender;
  char   *body;
  gint64  timestamp;
  gint64  source_row;
} PendingRow;

static void
pending_row_free (PendingRow *row)
{
  g_free (row->sender);
  g_free (row->body);
  g_free (row);
}

/* The new row @id (the message @m) may be what actions were waiting
 * for: apply them, oldest first, and forget them. */
gboolean
_holboo_store_apply_pending (HolbooStore                *self,
                             gint64                      conversation_id,
                             gint64                      id,
                             const HolbooStoredMessage  *m,
                             gboolean                   *applied,
                             GError                    **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_row_free);
  int rc;

  *applied = FALSE;
  if (m->origin_id == NULL && m->message_id == NULL && m->stanza_id == NULL)
    return TRUE;

  stmt = _holboo_store_prepare (self,
                                "SELECT id, kind, direction, sender, body, timestamp, source_row "
                                "FROM pending_actions WHERE conversation_id = ?1 AND target IN (?2, ?3, ?4) "
                                "ORDER BY timestamp, id;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  _holboo_store_bind_text (stmt, 2, m->origin_id);
  _holboo_store_bind_text (stmt, 3, m->message_id);
  _holboo_store_bind_text (stmt, 4, m->stanza_id);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      PendingRow *row = g_new0 (PendingRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->kind = sqlite3_column_int (stmt, 1);
      row->direction = sqlite3_column_int (stmt, 2);
      row->sender = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->body = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->timestamp = sqlite3_column_int64 (stmt, 5);
      row->source_row = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (rows, row);
    }
  if (rc == 0)
    return FALSE;
  g_clear_pointer (&stmt, _holboo_store_stmt_release);

  for (guint i = 0; i < rows->len; i++)
    {
      PendingRow *row = rows->pdata[i];

      if (row->kind == HOLBOO_STORE_PENDING_REPLY)
        {
          g_autoptr(HolbooStoreStmt) link = _holboo_store_prepare (self,
                                                                   "UPDATE messages SET reply_to_row = ?2 WHERE id = ?1;",
                                                                   error);

          if (link == NULL)
            return FALSE;
          sqlite3_bind_int64 (link, 1, row->source_row);
          sqlite3_bind_int64 (link, 2, id);
          if (_holboo_store_step (self, link, error) != SQLITE_DONE)
            return FALSE;
        }
      else
        {
          HolbooStoreAction a = { row->kind, row->direction, row->sender, row->body, row->timestamp };
          HolbooActionResult result = { 0, };
          HolbooStoreTarget t = { 0, };
          gboolean ok;

          /* As it is now: an earlier action may have changed it. */
          if (!_holboo_store_load_target (self, id, &t, error))
            {
              _holboo_store_target_clear (&t);
              return FALSE;
            }
          ok = _holboo_store_apply_action (self, conversation_id, &a, &t, &result, error);
          _holboo_store_target_clear (&t);
          if (!ok)
            return FALSE;
          *applied |= result.outcome == HOLBOO_ACTION_APPLIED;
        }

      if (!_holboo_store_exec_id (self, "DELETE FROM pending_actions WHERE id = ?1;", row->id, error))
        return FALSE;
    }
  return TRUE;
}

/* A new message that answers another: links it to that message's row,
 * or waits for it. */
gboolean
_holboo_store_link_reply (HolbooStore                *self,
                          gint64                      conversation_id,
                          gint64                      id,
                          const HolbooStoredMessage  *m,
                          GError                    **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  HolbooStoreTarget t = { 0, };
  gboolean found, added;
  HolbooStoreAction a = { HOLBOO_STORE_PENDING_REPLY, m->direction, "", NULL, m->timestamp };

  if (m->reply_to_id == NULL || m->reply_to_row != 0)
    return TRUE;

  if (!_holboo_store_find_target (self, conversation_id, m->reply_to_id, HOLBOO_MESSAGE_INCOMING, "", &t, &found, error))
    {
      _holboo_store_target_clear (&t);
      return FALSE;
    }
  _holboo_store_target_clear (&t);
  if (!found)
    return _holboo_store_add_pending (self, conversation_id, m->reply_to_id, &a, id, &added, error);

  stmt = _holboo_store_prepare (self, "UPDATE messages SET reply_to_row = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, t.id);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}
