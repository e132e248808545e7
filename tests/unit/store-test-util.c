/* store-test-util.c: helpers shared by the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "store-test-util"

#include "config.h"

#include "store-test-util.h"
#include "holboo-test-util.h"

#include <string.h>


void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tmp = holboo_test_make_tmp_dir ();
  f->path = g_build_filename (f->tmp, "test.db", NULL);
}

void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  holboo_test_rm_rf (f->tmp);
  g_free (f->tmp);
  g_free (f->path);
}

/* A second, independent connection, so the test does not trust the
 * code under test to report on itself. */
sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

sqlite3_int64
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return v;
}

/* CREATE statements differ only in white space between a fixture and
 * the code; anything else is a schema difference. */
static char *
normalise_sql (const char *sql)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = sql; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && out->str[out->len - 1] != '(' && *p != ')' && *p != ',')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Everything that makes up a schema, as one comparable string. */
char *
describe_schema (const char *path)
{
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "user_version=%" G_GINT64_FORMAT "\n",
                          (gint64) raw_int (db, "PRAGMA user_version"));
  g_string_append_printf (out, "application_id=%" G_GINT64_FORMAT "\n",
                          (gint64) raw_int (db, "PRAGMA application_id"));

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, name, tbl_name, sql FROM sqlite_master "
                                       "ORDER BY type, name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sql = normalise_sql ((const char *) sqlite3_column_text (stmt, 3));

      g_string_append_printf (out, "%s %s on %s: %s\n",
                              sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2), sql);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

void
assert_no_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

void
copy_fixture (const char *name,
              const char *dest)
{
  g_autoptr(GError) error = NULL;
  const char *src = g_test_get_filename (G_TEST_DIST, "unit", "store-fixtures", name, NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_file_get_contents (src, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (dest, contents, len, G_FILE_SET_CONTENTS_NONE, 0644, &error);
  g_assert_no_error (error);
}
