/* test-store.c: HolbooStore — file mode, WAL, migrations, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include "holboo-store-private.h"
#include "holboo-test-util.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
  char *tmp;
  char *path;   /* tmp/test.db, not created */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tmp = holboo_test_make_tmp_dir ();
  f->path = g_build_filename (f->tmp, "test.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  holboo_test_rm_rf (f->tmp);
  g_free (f->tmp);
  g_free (f->path);
}

/* A second, independent connection, so the test does not trust the
 * code under test to report on itself. */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static sqlite3_int64
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

static char *
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
static char *
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

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_unchanged (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

static void
assert_no_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (side, G_FILE_TEST_EXISTS));
    }
}

static void
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

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *journal = NULL;
  sqlite3 *db;

  /* A umask that would make SQLite's own files world-readable. */
  mode_t old_umask = umask (0022);

  store = holboo_store_new (f->path, NULL, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (holboo_store_get_path (store), ==, f->path);
  g_assert_cmpint (holboo_store_get_schema_version (store), ==,
                   holboo_store_get_latest_schema_version ());
  g_assert_cmpint (holboo_store_get_latest_schema_version (), >=, 1);

  g_assert_cmpuint (holboo_test_file_mode (f->path), ==, 0600);

  db = _holboo_store_get_db (store);
  journal = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (raw_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA busy_timeout"), >=, 1000);
  g_assert_cmpint (raw_int (db, "PRAGMA application_id"), ==, 0x486c626f);

  /* A write goes to the WAL, whose files get the database's mode. */
  g_assert_true (holboo_store_set_meta (store, "k", "v", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (holboo_test_file_mode (wal), ==, 0600);
  g_assert_cmpuint (holboo_test_file_mode (shm), ==, 0600);

  /* WAL is persistent: another connection sees it in the header. */
  {
    sqlite3 *raw = raw_open (f->path);
    g_autofree char *mode = raw_text (raw, "PRAGMA journal_mode");

    g_assert_cmpstr (mode, ==, "wal");
    sqlite3_close (raw);
  }
}

static void
test_mode_fixed (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);

  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Someone loosened the file, and left an empty WAL file lying around. */
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_true (g_file_set_contents_full (wal, "", 0, G_FILE_SET_CONTENTS_NONE, 0666, NULL));
  g_assert_cmpint (g_chmod (wal, 0666), ==, 0);

  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holboo_test_file_mode (f->path), ==, 0600);
  g_assert_cmpuint (holboo_test_file_mode (wal), ==, 0600);
}

static void
test_meta (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (f->path, NULL, &error);
  g_autofree char *value = NULL;

  g_assert_no_error (error);

  value = holboo_store_get_meta (store, "missing", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_true (holboo_store_set_meta (store, "account", "bold@example.mn", &error));
  g_assert_true (holboo_store_set_meta (store, "quote", "it's \"'; DROP TABLE meta; --", &error));
  g_assert_true (holboo_store_set_meta (store, "account", "сараа@example.mn", &error));
  g_assert_no_error (error);

  value = holboo_store_get_meta (store, "account", &error);
  g_assert_cmpstr (value, ==, "сараа@example.mn");
  g_clear_pointer (&value, g_free);
  value = holboo_store_get_meta (store, "quote", &error);
  g_assert_cmpstr (value, ==, "it's \"'; DROP TABLE meta; --");
  g_clear_pointer (&value, g_free);

  g_assert_true (holboo_store_set_meta (store, "quote", NULL, &error));
  value = holboo_store_get_meta (store, "quote", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  /* It survives closing and opening again, without a migration. */
  g_clear_object (&store);
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  value = holboo_store_get_meta (store, "account", &error);
  g_assert_cmpstr (value, ==, "сараа@example.mn");
}

/* No singletons: two stores, two files, one process. */
static void
test_two_stores (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path2 = g_build_filename (f->tmp, "second.db", NULL);
  g_autoptr(HolbooStore) a = holboo_store_new (f->path, NULL, &error);
  g_autoptr(HolbooStore) b = holboo_store_new (path2, NULL, &error);
  g_autofree char *va = NULL;
  g_autofree char *vb = NULL;

  g_assert_no_error (error);
  g_assert_true (holboo_store_set_meta (a, "who", "a", &error));
  g_assert_true (holboo_store_set_meta (b, "who", "b", &error));
  va = holboo_store_get_meta (a, "who", &error);
  vb = holboo_store_get_meta (b, "who", &error);
  g_assert_cmpstr (va, ==, "a");
  g_assert_cmpstr (vb, ==, "b");
}

typedef struct {
  GMainLoop   *loop;
  HolbooStore *store;
  GError      *error;
  GThread     *callback_thread;
} AsyncData;

static void
on_store_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncData *d = user_data;

  d->store = holboo_store_new_finish (result, &d->error);
  d->callback_thread = g_thread_self ();
  g_main_loop_quit (d->loop);
}

static void
open_async (const char   *path,
            GCancellable *cancellable,
            AsyncData    *d)
{
  d->loop = g_main_loop_new (NULL, FALSE);
  holboo_store_new_async (path, cancellable, on_store_ready, d);
  g_main_loop_run (d->loop);
  g_main_loop_unref (d->loop);
  g_assert_true (d->callback_thread == g_thread_self ());
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  AsyncData d = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *garbage = g_build_filename (f->tmp, "garbage.db", NULL);

  open_async (f->path, NULL, &d);
  g_assert_no_error (d.error);
  g_assert_true (HOLBOO_IS_STORE (d.store));
  g_assert_cmpint (holboo_store_get_schema_version (d.store), ==,
                   holboo_store_get_latest_schema_version ());
  g_clear_object (&d.store);

  /* Errors come back through _finish too. */
  g_assert_true (g_file_set_contents (garbage, "not a database, just some text; long enough to "
                                      "be more than a header of one hundred bytes: "
                                      "0123456789012345678901234567890123456789", -1, NULL));
  memset (&d, 0, sizeof d);
  open_async (garbage, NULL, &d);
  g_assert_null (d.store);
  g_assert_error (d.error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT);
  g_clear_error (&d.error);

  memset (&d, 0, sizeof d);
  g_cancellable_cancel (cancellable);
  open_async (f->path, cancellable, &d);
  g_assert_null (d.store);
  g_assert_error (d.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&d.error);
}

/* Every schema version that was ever released upgrades to exactly the
 * schema a fresh database gets, and keeps its data. */
static void
test_fixtures_upgrade (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh_path = g_build_filename (f->tmp, "fresh.db", NULL);
  g_autofree char *fresh = NULL;
  int latest = holboo_store_get_latest_schema_version ();

  {
    g_autoptr(HolbooStore) store = holboo_store_new (fresh_path, NULL, &error);
    g_assert_no_error (error);
  }
  fresh = describe_schema (fresh_path);
  g_test_message ("fresh schema:\n%s", fresh);

  for (int v = 0; v <= latest; v++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.db", v);
      g_autofree char *path = g_build_filename (f->tmp, name, NULL);
      g_autofree char *src = g_test_build_filename (G_TEST_DIST, "unit", "store-fixtures", name, NULL);
      g_autofree char *upgraded = NULL;
      g_autofree char *before = NULL;
      g_autoptr(HolbooStore) store = NULL;
      sqlite3 *raw;

      if (!g_file_test (src, G_FILE_TEST_EXISTS))
        g_error ("No fixture for schema version %d: add it to "
                 "tests/unit/store-fixtures/make-fixtures.py and run it", v);

      copy_fixture (name, path);
      raw = raw_open (path);
      g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, v);
      sqlite3_close (raw);
      before = describe_schema (path);

      store = holboo_store_new (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (holboo_store_get_schema_version (store), ==, latest);
      g_assert_cmpuint (holboo_test_file_mode (path), ==, 0600);

      upgraded = describe_schema (path);
      g_assert_cmpstr (upgraded, ==, fresh);
      if (v == latest)
        g_assert_cmpstr (before, ==, fresh);

      if (v >= 1)
        {
          g_autofree char *fv = holboo_store_get_meta (store, "fixture-version", &error);
          g_autofree char *uni = holboo_store_get_meta (store, "unicode", &error);

          g_assert_no_error (error);
          g_assert_cmpint (atoi (fv), ==, 1);
          g_assert_cmpstr (uni, ==, "Холбоо ✓");
        }
    }

  /* No fixture for a version that does not exist yet: the fixture set
   * and the migrations move together. */
  {
    g_autofree char *name = g_strdup_printf ("v%d.db", latest + 1);
    g_autofree char *src = g_test_build_filename (G_TEST_DIST, "unit", "store-fixtures", name, NULL);

    g_assert_false (g_file_test (src, G_FILE_TEST_EXISTS));
  }
}

static void
test_failed_migration (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *latest_name = g_strdup_printf ("v%d.db", holboo_store_get_latest_schema_version ());
  int latest = holboo_store_get_latest_schema_version ();

  copy_fixture (latest_name, f->path);
  before = read_bytes (f->path);
  schema_before = describe_schema (f->path);

  /* The migration does real work before it fails. */
  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store,
                                    "CREATE TABLE extra (x INTEGER);"
                                    "INSERT INTO extra VALUES (1);"
                                    "INSERT INTO no_such_table VALUES (1);");
  g_assert_false (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "no_such_table"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Nothing changed: same bytes, no journal left behind. */
  assert_unchanged (f->path, before);
  assert_no_side_files (f->path);
  schema_after = describe_schema (f->path);
  g_assert_cmpstr (schema_after, ==, schema_before);

  /* And the file still opens normally. */
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (holboo_store_get_schema_version (store), ==, latest);

  /* The same for a database already in WAL mode, as Holboo leaves it. */
  g_assert_true (holboo_store_set_meta (store, "kept", "yes", &error));
  g_clear_object (&store);
  g_clear_pointer (&before, g_bytes_unref);
  before = read_bytes (f->path);

  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store,
                                    "CREATE TABLE extra (x INTEGER);"
                                    "INSERT INTO meta VALUES ('kept', 'no') "
                                    "  ON CONFLICT (key) DO UPDATE SET value = excluded.value;"
                                    "SELECT no_such_function ();");
  g_assert_false (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED);
  g_clear_error (&error);
  g_clear_object (&store);
  assert_unchanged (f->path, before);

  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *kept = holboo_store_get_meta (store, "kept", &error);
    g_assert_cmpstr (kept, ==, "yes");
  }
}

/* Pending migrations are one transaction: when the last fails, the
 * earlier ones are rolled back too. */
static void
test_failed_migration_chain (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  sqlite3 *raw;

  copy_fixture ("v0.db", f->path);
  before = read_bytes (f->path);

  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store, "CREATE TABLE ok_one (x INTEGER);");
  _holboo_store_add_test_migration (store, "CREATE TABLE broken (;");
  g_assert_false (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED);
  g_clear_object (&store);

  assert_unchanged (f->path, before);
  raw = raw_open (f->path);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM sqlite_master"), ==, 0);
  sqlite3_close (raw);
}

/* A migration that leaves a dangling foreign key is refused. */
static void
test_failed_migration_foreign_key (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;

  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store,
                                    "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                                    "CREATE TABLE child (id INTEGER PRIMARY KEY,"
                                    "  parent_id INTEGER NOT NULL REFERENCES parent (id));"
                                    "INSERT INTO child VALUES (1, 42);");
  g_assert_false (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED);
  g_assert_nonnull (strstr (error->message, "child"));
}

/* Foreign keys are enforced once the store is open; and a database
 * from a "newer Holboo" (one more migration) is refused by this one. */
static void
test_foreign_keys_and_too_new (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  int latest = holboo_store_get_latest_schema_version ();
  char *msg = NULL;
  sqlite3 *db;
  int rc;

  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store,
                                    "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                                    "CREATE TABLE child (id INTEGER PRIMARY KEY,"
                                    "  parent_id INTEGER NOT NULL REFERENCES parent (id));");
  g_assert_true (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (holboo_store_get_schema_version (store), ==, latest + 1);

  db = _holboo_store_get_db (store);
  rc = sqlite3_exec (db, "INSERT INTO child VALUES (1, 42);", NULL, NULL, &msg);
  /* The store turned extended result codes on. */
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  sqlite3_free (msg);
  g_clear_object (&store);

  /* This build knows one version less. */
  before = read_bytes (f->path);
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, f->path));
  g_test_message ("%s", error->message);
  assert_unchanged (f->path, before);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *want = NULL;
  int latest = holboo_store_get_latest_schema_version ();
  g_autofree char *name = g_strdup_printf ("v%d.db", latest);
  sqlite3 *raw;

  /* user_version far ahead of what this build knows. */
  copy_fixture (name, f->path);
  raw = raw_open (f->path);
  sql = g_strdup_printf ("PRAGMA user_version = %d;", latest + 5);
  raw_exec (raw, sql);
  sqlite3_close (raw);
  before = read_bytes (f->path);

  store = holboo_store_new (f->path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_TOO_NEW);
  want = g_strdup_printf ("%d", latest + 5);
  g_assert_nonnull (strstr (error->message, want));
  assert_unchanged (f->path, before);
  assert_no_side_files (f->path);
}

static void
test_garbage (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  guint8 noise[65536];

  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = (guint8) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (f->path, (const char *) noise, sizeof noise, NULL));
  before = read_bytes (f->path);

  store = holboo_store_new (f->path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, f->path));
  g_test_message ("%s", error->message);
  assert_unchanged (f->path, before);
  assert_no_side_files (f->path);
  g_clear_error (&error);

  /* A database cut short: the header promises a page that is gone. */
  {
    g_autofree char *name = g_strdup_printf ("v%d.db", holboo_store_get_latest_schema_version ());
    g_autoptr(GBytes) whole = NULL;

    copy_fixture (name, f->path);
    whole = read_bytes (f->path);
    g_assert_cmpuint (g_bytes_get_size (whole), >, 4096);
    g_assert_true (g_file_set_contents (f->path, g_bytes_get_data (whole, NULL), 4096, NULL));
    store = holboo_store_new (f->path, NULL, &error);
    g_assert_null (store);
    g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }

  /* A text file. */
  g_assert_true (g_file_set_contents (f->path,
                                      "[Settings]\nThis is a settings file, not a database. "
                                      "It is long enough to cover the SQLite header.\n", -1, NULL));
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT);
}

/* A valid SQLite database of some other program is not adopted. */
static void
test_not_holboo (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  sqlite3 *raw = NULL;

  /* Version 0 but with tables: another program's database. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  raw_exec (raw, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
  sqlite3_close (raw);
  before = read_bytes (f->path);
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  assert_unchanged (f->path, before);
  g_clear_error (&error);

  /* A version we know, but not our application id. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  raw_exec (raw, "PRAGMA user_version = 1;");
  sqlite3_close (raw);
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  /* A negative version. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  raw_exec (raw, "PRAGMA user_version = -3;");
  sqlite3_close (raw);
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT);
}

static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;

  /* A zero-length file is a new database to SQLite, and to us. */
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (holboo_store_get_schema_version (store), ==,
                   holboo_store_get_latest_schema_version ());
}

static void
assert_cannot_open (const char *path,
                    int         err)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (path, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CANNOT_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  if (err != 0)
    g_assert_nonnull (strstr (error->message, g_strerror (err)));
  g_test_message ("%s", error->message);
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->tmp, "no-such-dir", "x.db", NULL);
  g_autofree char *dir = g_build_filename (f->tmp, "a-dir", NULL);
  g_autofree char *file = g_build_filename (f->tmp, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "x.db", NULL);
  g_autofree char *fifo = g_build_filename (f->tmp, "a-fifo", NULL);
  g_autofree char *in_proc = g_strdup_printf ("/proc/holboo-test-%d.db", (int) getpid ());

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  assert_cannot_open (missing, ENOENT);
  assert_cannot_open (dir, EISDIR);
  assert_cannot_open (under_file, ENOTDIR);
  assert_cannot_open (fifo, 0);
  /* Even root cannot create files in /proc. */
  assert_cannot_open (in_proc, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("create", test_create);
  ADD ("mode-fixed", test_mode_fixed);
  ADD ("meta", test_meta);
  ADD ("two-stores", test_two_stores);
  ADD ("async", test_async);
  ADD ("fixtures-upgrade", test_fixtures_upgrade);
  ADD ("failed-migration", test_failed_migration);
  ADD ("failed-migration-chain", test_failed_migration_chain);
  ADD ("failed-migration-foreign-key", test_failed_migration_foreign_key);
  ADD ("foreign-keys-and-too-new", test_foreign_keys_and_too_new);
  ADD ("too-new", test_too_new);
  ADD ("garbage", test_garbage);
  ADD ("not-holboo", test_not_holboo);
  ADD ("empty-file", test_empty_file);
  ADD ("unwritable", test_unwritable);
#undef ADD

  return g_test_run ();
}
