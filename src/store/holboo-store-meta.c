/* holboo-store-meta.c: the meta key/value table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"

/**
 * holboo_store_get_meta:
 * @self: an open store
 * @key: the key
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the value, or %NULL — with @error
 *   set on failure, unset when there is no such key
 */
char *
holboo_store_get_meta (HolbooStore  *self,
                       const char   *key,
                       GError      **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  db = _holboo_store_get_db (self);
  g_return_val_if_fail (db != NULL, NULL);

  rc = sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = ?1;", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    _holboo_store_set_sqlite_error (error, holboo_store_get_path (self), db, rc);

  sqlite3_finalize (stmt);
  return value;
}

/**
 * holboo_store_set_meta:
 * @self: an open store
 * @key: the key
 * @value: (nullable): the value, or %NULL to remove @key
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_set_meta (HolbooStore  *self,
                       const char   *key,
                       const char   *value,
                       GError      **error)
{
  sqlite3 *db;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  db = _holboo_store_get_db (self);
  g_return_val_if_fail (db != NULL, FALSE);

  if (value != NULL)
    rc = sqlite3_prepare_v2 (db,
                             "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
                             -1, &stmt, NULL);
  else
    rc = sqlite3_prepare_v2 (db, "DELETE FROM meta WHERE key = ?1;", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK && value != NULL)
    rc = sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _holboo_store_set_sqlite_error (error, holboo_store_get_path (self), db, rc);
      return FALSE;
    }
  return TRUE;
}
