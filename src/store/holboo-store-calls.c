/* holboo-store-calls.c: the call log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per call that ended, on each device that took part or rang:
 * a call is identified by its session id and peer, so a call logged
 * twice (the account logs what it saw; a later sync may see it again)
 * stays one row.
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-calls.h"
#include "holboo-store-private.h"

#define CALL_COLUMNS "id, sid, peer, incoming, video, end_reason, started, answered, ended"

HolbooStoredCall *
holboo_stored_call_new (const char *sid,
                        const char *peer)
{
  HolbooStoredCall *self = g_new0 (HolbooStoredCall, 1);

  self->sid = g_strdup (sid);
  self->peer = g_strdup (peer);
  return self;
}

void
holboo_stored_call_free (HolbooStoredCall *self)
{
  if (self == NULL)
    return;
  g_free (self->sid);
  g_free (self->peer);
  g_free (self->end_reason);
  g_free (self);
}

/**
 * holboo_store_log_call:
 * @call: the call; its id is set
 *
 * Logs an ended call; a call already logged is left as it is (and its
 * id given back).
 */
gboolean
holboo_store_log_call (HolbooStore       *self,
                       HolbooStoredCall  *call,
                       GError           **error)
{
  g_autoptr(HolbooStoreStmt) insert = NULL;
  g_autoptr(HolbooStoreStmt) find = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (call != NULL && call->sid != NULL && call->peer != NULL, FALSE);
  g_return_val_if_fail (call->end_reason != NULL, FALSE);

  insert = _holboo_store_prepare (self,
                                  "INSERT INTO calls (sid, peer, incoming, video, end_reason, started, answered, ended) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT (sid, peer) DO NOTHING;",
                                  error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, call->sid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, call->peer, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert, 3, call->incoming ? 1 : 0);
  sqlite3_bind_int (insert, 4, call->video ? 1 : 0);
  sqlite3_bind_text (insert, 5, call->end_reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 6, call->started);
  sqlite3_bind_int64 (insert, 7, call->answered);
  sqlite3_bind_int64 (insert, 8, MAX (call->ended, call->started));
  if (_holboo_store_step (self, insert, error) != SQLITE_DONE)
    return FALSE;

  find = _holboo_store_prepare (self, "SELECT id FROM calls WHERE sid = ?1 AND peer = ?2;", error);
  if (find == NULL)
    return FALSE;
  sqlite3_bind_text (find, 1, call->sid, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, call->peer, -1, SQLITE_STATIC);
  if (_holboo_store_step (self, find, error) != SQLITE_ROW)
    return FALSE;
  call->id = sqlite3_column_int64 (find, 0);
  return TRUE;
}

/**
 * holboo_store_list_calls:
 * @limit: at most this many, 0 for all
 *
 * Returns: (transfer full) (element-type HolbooStoredCall) (nullable):
 *   the logged calls, newest first
 */
GPtrArray *
holboo_store_list_calls (HolbooStore  *self,
                         guint         limit,
                         GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_call_free);
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " CALL_COLUMNS " FROM calls ORDER BY started DESC, id DESC LIMIT ?1;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit > 0 ? (gint64) limit : -1);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      HolbooStoredCall *call = holboo_stored_call_new ((const char *) sqlite3_column_text (stmt, 1),
                                                       (const char *) sqlite3_column_text (stmt, 2));

      call->id = sqlite3_column_int64 (stmt, 0);
      call->incoming = sqlite3_column_int (stmt, 3);
      call->video = sqlite3_column_int (stmt, 4);
      call->end_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      call->started = sqlite3_column_int64 (stmt, 6);
      call->answered = sqlite3_column_int64 (stmt, 7);
      call->ended = sqlite3_column_int64 (stmt, 8);
      g_ptr_array_add (calls, call);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&calls);
}
