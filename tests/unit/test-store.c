/* test-store.c: HolbooStore — file mode, WAL, meta, async open, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include "holboo-test-util.h"
#include "store-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The WAL is checkpointed by the store's own thread, not inside the
 * commits, and starts over; closing the store leaves no WAL behind. */
#define N_CHECKPOINT_ROWS 5000
static void
test_checkpoint (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (f->path, NULL, &error);
  g_autofree char *value = g_strnfill (3000, 'x');
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  gint64 deadline, max_wal = 0;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpuint (_holboo_store_get_checkpoint_count (store), ==, 0);

  /* A page or more per commit: past the 1000 pages that ask for a
   * checkpoint, and several times past the point where the WAL starts
   * over (4000 pages), so it must not grow as one file. */
  for (guint i = 0; i < N_CHECKPOINT_ROWS; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u", i);

      g_assert_true (holboo_store_set_meta (store, key, value, &error));
      if (g_stat (wal, &st) == 0)
        max_wal = MAX (max_wal, st.st_size);
    }
  g_test_message ("largest WAL: %.1f MiB", max_wal / 1048576.0);
  g_assert_cmpint (max_wal, <, 32 * 1024 * 1024);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (_holboo_store_get_checkpoint_count (store) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  g_assert_cmpuint (_holboo_store_get_checkpoint_count (store), >=, 1);

  /* The rows reached the database file itself. */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000 * 3000);

  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  store = holboo_store_new (f->path, NULL, &error);
  {
    g_autofree char *back = holboo_store_get_meta (store, "key-4999", &error);

    g_assert_cmpstr (back, ==, value);
  }
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
  ADD ("too-new", test_too_new);
  ADD ("garbage", test_garbage);
  ADD ("not-holboo", test_not_holboo);
  ADD ("empty-file", test_empty_file);
  ADD ("unwritable", test_unwritable);
  ADD ("checkpoint", test_checkpoint);
#undef ADD

  return g_test_run ();
}
