/* holboo-store-drafts.c: what the user typed and has not sent, per
 * conversation, kept across restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

/**
 * holboo_store_save_draft:
 * @self: an open store
 * @peer: the conversation's bare JID (it need not have messages yet)
 * @text: (nullable): the draft; %NULL or empty removes it
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_save_draft (HolbooStore  *self,
                         const char   *peer,
                         const char   *text,
                         GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (peer != NULL, FALSE);

  if (text == NULL || *text == '\0')
    stmt = _holboo_store_prepare (self, "DELETE FROM drafts WHERE peer = ?1;", error);
  else
    stmt = _holboo_store_prepare (self,
                                  "INSERT INTO drafts (peer, text, updated_at) VALUES (?1, ?2, ?3) "
                                  "ON CONFLICT (peer) DO UPDATE SET text = excluded.text,"
                                  "  updated_at = excluded.updated_at;",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, peer, -1, SQLITE_STATIC);
  if (text != NULL && *text != '\0')
    {
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
    }
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

/**
 * holboo_store_load_draft:
 * @self: an open store
 * @peer: the conversation's bare JID
 * @out_text: (out) (transfer full) (nullable): the draft, or %NULL when
 *   there is none
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_load_draft (HolbooStore  *self,
                         const char   *peer,
                         char        **out_text,
                         GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (peer != NULL, FALSE);
  g_return_val_if_fail (out_text != NULL, FALSE);

  *out_text = NULL;
  stmt = _holboo_store_prepare (self, "SELECT text FROM drafts WHERE peer = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, peer, -1, SQLITE_STATIC);
  rc = _holboo_store_step (self, stmt, error);
  if (rc == SQLITE_ROW)
    *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return rc != 0;
}
