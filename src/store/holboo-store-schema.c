/* holboo-store-schema.c: the schema and its numbered migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"

#include <glib/gi18n-lib.h>

/* Numbered forward migrations: migrations[i] takes the schema from
 * version i to version i + 1.  Never change an entry once it has been
 * released: append a new one, and add its fixture database with
 * tests/unit/store-fixtures/make-fixtures.py. */
static const char * const migrations[] = {
  /* 1: facts about this database and its account, as key/value pairs. */
  "PRAGMA application_id = " G_STRINGIFY (HOLBOO_STORE_APPLICATION_ID) ";"
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") STRICT, WITHOUT ROWID;",
};

static const char *
migration_sql (GPtrArray *extra,
               int        index)
{
  if (index < (int) G_N_ELEMENTS (migrations))
    return migrations[index];
  return g_ptr_array_index (extra, index - G_N_ELEMENTS (migrations));
}

static gboolean
exec (sqlite3     *db,
      const char  *path,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _holboo_store_set_sqlite_error (error, path, db, rc);
      return FALSE;
    }
  return TRUE;
}

/* The schema version this build creates and upgrades to. */
int
_holboo_store_schema_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

/* All pending migrations run in one transaction: the file ends up fully
 * upgraded or exactly as it was. */
gboolean
_holboo_store_migrate (sqlite3     *db,
                       const char  *path,
                       GPtrArray   *extra,
                       int          from,
                       int          to,
                       GError     **error)
{
  g_autofree char *cause = NULL;
  int version = from;

  g_debug ("Upgrading %s from schema version %d to %d", path, from, to);

  if (!exec (db, path, "BEGIN IMMEDIATE;", error))
    return FALSE;

  for (; version < to; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", version + 1);
      int rc;

      rc = sqlite3_exec (db, migration_sql (extra, version), NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, set_version, NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          cause = g_strdup (sqlite3_errmsg (db));
          break;
        }
    }

  /* Migrations run with foreign keys off (SQLite's advice for table
   * rebuilds), so check them before committing. */
  if (cause == NULL)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check;", -1, &stmt, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        cause = g_strdup_printf ("foreign key violation in table %s", sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_DONE)
        cause = g_strdup (sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }

  if (cause == NULL && sqlite3_exec (db, "COMMIT;", NULL, NULL, NULL) != SQLITE_OK)
    cause = g_strdup (sqlite3_errmsg (db));

  if (cause != NULL)
    {
      /* Some errors (disk full, I/O) already rolled back. */
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK;", NULL, NULL, NULL);
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED,
                   _("Cannot upgrade the database “%s” from schema version %d to %d: %s. "
                     "The file was left unchanged."),
                   path, from, MIN (version + 1, to), cause);
      return FALSE;
    }

  return TRUE;
}
