/* holboo-store-roster.c: the roster and the blocklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The roster's version is written in the transaction that writes the
 * items it describes: after a crash the file holds a roster and the
 * version of exactly that roster, so the next fetch asks the server for
 * the right changes.
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"
#include "holboo-store-roster.h"

#include <glib/gi18n-lib.h>

#define ROSTER_VER_KEY "roster-ver"

HolbooStoredRosterItem *
holboo_stored_roster_item_new (const char *jid)
{
  HolbooStoredRosterItem *item = g_new0 (HolbooStoredRosterItem, 1);

  item->jid = g_strdup (jid);
  item->groups = g_new0 (char *, 1);
  return item;
}

void
holboo_stored_roster_item_free (HolbooStoredRosterItem *item)
{
  if (item == NULL)
    return;
  g_free (item->jid);
  g_free (item->name);
  g_strfreev (item->groups);
  g_free (item);
}

static gboolean
exec_stmt (HolbooStore  *self,
           const char   *sql,
           GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (self, sql, error);

  return stmt != NULL && _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

static gboolean
write_ver (HolbooStore  *self,
           const char   *ver,
           GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  if (ver == NULL)
    stmt = _holboo_store_prepare (self, "DELETE FROM meta WHERE key = '" ROSTER_VER_KEY "';", error);
  else
    stmt = _holboo_store_prepare (self,
                                  "INSERT INTO meta (key, value) VALUES ('" ROSTER_VER_KEY "', ?1) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value;", error);
  if (stmt == NULL)
    return FALSE;
  if (ver != NULL)
    sqlite3_bind_text (stmt, 1, ver, -1, SQLITE_STATIC);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

static gboolean
check_item (HolbooStore                  *self,
            const HolbooStoredRosterItem *item,
            GError                      **error)
{
  if (item->jid != NULL && *item->jid != '\0' && item->subscription >= 0 && item->subscription <= 3)
    return TRUE;
  g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID,
               _("A contact without an address or with an unknown subscription cannot be stored"));
  return FALSE;
}

static gboolean
put_item (HolbooStore                  *self,
          const HolbooStoredRosterItem *item,
          GError                      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(HolbooStoreStmt) clear = NULL;

  if (!check_item (self, item, error))
    return FALSE;

  stmt = _holboo_store_prepare (self,
                                "INSERT INTO roster (jid, name, subscription, ask, approved) "
                                "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (jid) DO UPDATE SET "
                                "name = excluded.name, subscription = excluded.subscription, "
                                "ask = excluded.ask, approved = excluded.approved;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item->jid, -1, SQLITE_STATIC);
  if (item->name != NULL)
    sqlite3_bind_text (stmt, 2, item->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, item->subscription);
  sqlite3_bind_int (stmt, 4, item->ask ? 1 : 0);
  sqlite3_bind_int (stmt, 5, item->approved ? 1 : 0);
  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;

  clear = _holboo_store_prepare (self, "DELETE FROM roster_groups WHERE jid = ?1;", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_text (clear, 1, item->jid, -1, SQLITE_STATIC);
  if (_holboo_store_step (self, clear, error) != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; item->groups != NULL && item->groups[i] != NULL; i++)
    {
      g_autoptr(HolbooStoreStmt) group =
        _holboo_store_prepare (self, "INSERT OR IGNORE INTO roster_groups (jid, name) VALUES (?1, ?2);", error);

      if (group == NULL)
        return FALSE;
      sqlite3_bind_text (group, 1, item->jid, -1, SQLITE_STATIC);
      sqlite3_bind_text (group, 2, item->groups[i], -1, SQLITE_STATIC);
      if (_holboo_store_step (self, group, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
finish (HolbooStore  *self,
        gboolean      ok,
        GError       *local_error,
        GError      **error)
{
  if (ok && _holboo_store_commit (self, &local_error))
    return TRUE;
  _holboo_store_rollback (self);
  g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * holboo_store_roster_load:
 * @self: an open store
 * @out_ver: (out) (transfer full) (optional) (nullable): the version of
 *   the roster stored
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type HolbooStoredRosterItem) (nullable):
 *   the roster, ordered by JID; %NULL on failure
 */
GPtrArray *
holboo_store_roster_load (HolbooStore  *self,
                          char        **out_ver,
                          GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_roster_item_free);
  g_autoptr(GHashTable) by_jid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(HolbooStoreStmt) group_stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  if (out_ver != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      *out_ver = holboo_store_get_meta (self, ROSTER_VER_KEY, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  stmt = _holboo_store_prepare (self, "SELECT jid, name, subscription, ask, approved FROM roster ORDER BY jid;",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      HolbooStoredRosterItem *item = holboo_stored_roster_item_new ((const char *) sqlite3_column_text (stmt, 0));

      item->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      item->subscription = sqlite3_column_int (stmt, 2);
      item->ask = sqlite3_column_int (stmt, 3) != 0;
      item->approved = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (items, item);
      g_hash_table_insert (by_jid, item->jid, item);
    }
  if (rc != SQLITE_DONE)
    return NULL;

  group_stmt = _holboo_store_prepare (self, "SELECT jid, name FROM roster_groups ORDER BY jid, name;", error);
  if (group_stmt == NULL)
    return NULL;
  while ((rc = _holboo_store_step (self, group_stmt, error)) == SQLITE_ROW)
    {
      HolbooStoredRosterItem *item = g_hash_table_lookup (by_jid, sqlite3_column_text (group_stmt, 0));
      GPtrArray *names;

      if (item == NULL)
        continue;
      names = g_hash_table_lookup (groups, item->jid);
      if (names == NULL)
        {
          names = g_ptr_array_new ();
          g_hash_table_insert (groups, item->jid, names);
        }
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (group_stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      HolbooStoredRosterItem *item = items->pdata[i];
      GPtrArray *names = g_hash_table_lookup (groups, item->jid);

      if (names == NULL)
        continue;
      g_ptr_array_add (names, NULL);
      g_free (item->groups);
      item->groups = g_memdup2 (names->pdata, names->len * sizeof (char *));
    }
  return g_steal_pointer (&items);
}

/**
 * holboo_store_roster_replace:
 * @self: an open store
 * @items: (array length=n_items): the whole roster
 * @n_items: how many
 * @ver: (nullable): its version
 * @error: return location for a #GError
 *
 * Replaces the stored roster with @items, in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_roster_replace (HolbooStore             *self,
                             HolbooStoredRosterItem **items,
                             guint                    n_items,
                             const char              *ver,
                             GError                 **error)
{
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL || n_items == 0, FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;
  ok = exec_stmt (self, "DELETE FROM roster;", &local_error);
  for (guint i = 0; ok && i < n_items; i++)
    ok = put_item (self, items[i], &local_error);
  ok = ok && write_ver (self, ver, &local_error);
  return finish (self, ok, local_error, error);
}

/**
 * holboo_store_roster_put:
 * @self: an open store
 * @item: an item to add or update
 * @ver: (nullable): the roster's version after it
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_roster_put (HolbooStore                  *self,
                         const HolbooStoredRosterItem *item,
                         const char                   *ver,
                         GError                      **error)
{
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;
  ok = put_item (self, item, &local_error) && write_ver (self, ver, &local_error);
  return finish (self, ok, local_error, error);
}

/**
 * holboo_store_roster_remove:
 * @self: an open store
 * @jid: the contact's bare JID
 * @ver: (nullable): the roster's version after it
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success (also when there was no such contact)
 */
gboolean
holboo_store_roster_remove (HolbooStore  *self,
                            const char   *jid,
                            const char   *ver,
                            GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (jid != NULL, FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;
  stmt = _holboo_store_prepare (self, "DELETE FROM roster WHERE jid = ?1;", &local_error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, jid, -1, SQLITE_STATIC);
      ok = _holboo_store_step (self, stmt, &local_error) == SQLITE_DONE;
    }
  g_clear_pointer (&stmt, _holboo_store_stmt_release);
  ok = ok && write_ver (self, ver, &local_error);
  return finish (self, ok, local_error, error);
}

/**
 * holboo_store_blocklist_load:
 * @self: an open store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the blocked
 *   JIDs, sorted; %NULL on failure
 */
GPtrArray *
holboo_store_blocklist_load (HolbooStore  *self,
                             GError      **error)
{
  g_autoptr(GPtrArray) jids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self, "SELECT jid FROM blocklist ORDER BY jid;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (jids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return rc == SQLITE_DONE ? g_steal_pointer (&jids) : NULL;
}

static gboolean
apply_jids (HolbooStore        *self,
            const char         *sql,
            const char * const *jids,
            GError            **error)
{
  for (guint i = 0; jids != NULL && jids[i] != NULL; i++)
    {
      g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (self, sql, error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, jids[i], -1, SQLITE_STATIC);
      if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

/**
 * holboo_store_blocklist_replace:
 * @self: an open store
 * @jids: (array zero-terminated=1) (nullable): the whole blocklist
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_blocklist_replace (HolbooStore         *self,
                                const char * const  *jids,
                                GError             **error)
{
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;
  ok = exec_stmt (self, "DELETE FROM blocklist;", &local_error) &&
       apply_jids (self, "INSERT OR IGNORE INTO blocklist (jid) VALUES (?1);", jids, &local_error);
  return finish (self, ok, local_error, error);
}

/**
 * holboo_store_blocklist_add:
 * @self: an open store
 * @jids: (array zero-terminated=1): JIDs now blocked
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_blocklist_add (HolbooStore         *self,
                            const char * const  *jids,
                            GError             **error)
{
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;
  ok = apply_jids (self, "INSERT OR IGNORE INTO blocklist (jid) VALUES (?1);", jids, &local_error);
  return finish (self, ok, local_error, error);
}

/**
 * holboo_store_blocklist_remove:
 * @self: an open store
 * @jids: (array zero-terminated=1) (nullable): JIDs no longer blocked;
 *   %NULL for all
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_blocklist_remove (HolbooStore         *self,
                               const char * const  *jids,
                               GError             **error)
{
  GError *local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;
  if (jids == NULL)
    ok = exec_stmt (self, "DELETE FROM blocklist;", &local_error);
  else
    ok = apply_jids (self, "DELETE FROM blocklist WHERE jid = ?1;", jids, &local_error);
  return finish (self, ok, local_error, error);
}
