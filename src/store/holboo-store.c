/* holboo-store.c: one account's SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"

#include <glib/gi18n-lib.h>

/**
 * HolbooStore:
 *
 * One SQLite database file: created with mode 0600 before SQLite
 * touches it, WAL journal, foreign keys on, a busy timeout, and a
 * schema brought up to date by numbered forward migrations.
 *
 * Opening is all-or-nothing.  A file that is not a database, a database
 * of some other program or one written by a newer Holboo is refused with
 * a #GError and left as it was; pending migrations run in one
 * transaction, so a failed upgrade leaves the file as it was too.
 *
 * Construct it with holboo_store_new_async() (the work runs on a worker
 * thread) or, from a worker thread, a command-line tool or a test,
 * holboo_store_new().  There is no global store: each account has its
 * own, and two can be open in one process.
 *
 * All of its API is synchronous and blocks on disk I/O.  The core runs
 * it on a worker thread.  One store — its connection, its transactions
 * and its cached statements — is used by one thread at a time: give it
 * to one worker (or serialise the calls), never to two at once.
 */
struct _HolbooStore
{
  GObject    parent_instance;

  char      *path;
  sqlite3   *db;
  int        schema_version;
  GPtrArray *test_migrations;   /* (element-type utf8) (nullable) */
  GHashTable *statements;       /* (owned) SQL → (owned) sqlite3_stmt */
  HolbooStoreCheckpointer *checkpointer;  /* (owned) (nullable) */
  gboolean   large_cache;       /* _holboo_store_use_large_cache() */
};

static void holboo_store_initable_iface_init       (GInitableIface      *iface);
static void holboo_store_async_initable_iface_init (GAsyncInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooStore, holboo_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      holboo_store_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE,
                                                      holboo_store_async_initable_iface_init))

G_DEFINE_QUARK (holboo-store-error-quark, holboo_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BUSY_TIMEOUT_MS 5000

static HolbooStoreError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return HOLBOO_STORE_ERROR_CORRUPT;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      return HOLBOO_STORE_ERROR_CANNOT_OPEN;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
      return HOLBOO_STORE_ERROR_INVALID;
    default:
      return HOLBOO_STORE_ERROR_FAILED;
    }
}

void
_holboo_store_set_sqlite_error (GError     **error,
                                const char  *path,
                                sqlite3     *db,
                                int          rc)
{
  HolbooStoreError code = error_code_for_sqlite (rc);
  const char *msg = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (code)
    {
    case HOLBOO_STORE_ERROR_CORRUPT:
      g_set_error (error, HOLBOO_STORE_ERROR, code,
                   _("The file “%s” is not a Holboo database or is damaged: %s"),
                   path, msg);
      break;
    case HOLBOO_STORE_ERROR_CANNOT_OPEN:
      g_set_error (error, HOLBOO_STORE_ERROR, code,
                   _("Cannot open the database “%s”: %s"), path, msg);
      break;
    default:
      g_set_error (error, HOLBOO_STORE_ERROR, code,
                   _("Database error in “%s”: %s"), path, msg);
      break;
    }
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

/* Runs a statement that yields one integer (a pragma, a count). */
static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           sqlite3_int64 *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  _holboo_store_set_sqlite_error (error, path, db, rc == SQLITE_DONE ? SQLITE_ERROR : rc);
  sqlite3_finalize (stmt);
  return FALSE;
}

static gboolean
query_text (sqlite3     *db,
            const char  *path,
            const char  *sql,
            char       **out,
            GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      return TRUE;
    }

  _holboo_store_set_sqlite_error (error, path, db, rc == SQLITE_DONE ? SQLITE_ERROR : rc);
  sqlite3_finalize (stmt);
  return FALSE;
}

static gboolean
open_database (HolbooStore   *self,
               GCancellable  *cancellable,
               sqlite3      **out_db,
               GError       **error)
{
  sqlite3 *db = NULL;
  sqlite3_int64 version = 0, app_id = 0, n_objects = 0, fk = 0;
  g_autofree char *journal = NULL;
  int latest = _holboo_store_schema_latest () +
               (self->test_migrations != NULL ? (int) self->test_migrations->len : 0);
  int rc;

  if (!_holboo_store_prepare_file (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    goto sqlite_error;

  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* No writable_schema and friends: SQL cannot corrupt the file. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);

  /* Nothing below writes until the file is known to be ours and not
   * too new.  These reads are also what finds a file that is not a
   * database at all (SQLITE_NOTADB). */
  if (!exec (db, self->path, "PRAGMA foreign_keys = OFF;", error) ||
      !query_int (db, self->path, "PRAGMA user_version;", &version, error) ||
      !query_int (db, self->path, "PRAGMA application_id;", &app_id, error) ||
      !query_int (db, self->path, "SELECT count(*) FROM sqlite_master;", &n_objects, error))
    goto fail;

  if (version < 0)
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT,
                   _("The database “%s” has an invalid schema version %d"),
                   self->path, (int) version);
      goto fail;
    }

  if (version > latest)
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Holboo "
                     "(schema version %d; this version knows up to %d). "
                     "Update Holboo to open it; the file was not changed."),
                   self->path, (int) version, latest);
      goto fail;
    }

  if ((version == 0 && (app_id != 0 || n_objects != 0)) ||
      (version > 0 && app_id != HOLBOO_STORE_APPLICATION_ID))
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CORRUPT,
                   _("The file “%s” is a database of another program, not of Holboo"),
                   self->path);
      goto fail;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;

  if (version < latest &&
      !_holboo_store_migrate (db, self->path, self->test_migrations, (int) version, latest, error))
    goto fail;

  /* WAL only now: switching it on rewrites the header, and a refused
   * file must stay untouched. */
  if (!query_text (db, self->path, "PRAGMA journal_mode = WAL;", &journal, error))
    goto fail;
  if (g_strcmp0 (journal, "wal") != 0)
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_FAILED,
                   _("Database error in “%s”: %s"), self->path,
                   "cannot switch to write-ahead logging");
      goto fail;
    }

  if (!exec (db, self->path, "PRAGMA synchronous = NORMAL;", error) ||
      !exec (db, self->path, "PRAGMA foreign_keys = ON;", error) ||
      !query_int (db, self->path, "PRAGMA foreign_keys;", &fk, error))
    goto fail;
  if (fk != 1)
    {
      /* Only an SQLite built without foreign keys gets here. */
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_FAILED,
                   _("Database error in “%s”: %s"), self->path,
                   "SQLite does not enforce foreign keys");
      goto fail;
    }

  self->schema_version = latest;
  *out_db = db;
  return TRUE;

sqlite_error:
  _holboo_store_set_sqlite_error (error, self->path, db, rc);
fail:
  sqlite3_close_v2 (db);
  return FALSE;
}

static gboolean
holboo_store_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  HolbooStore *self = HOLBOO_STORE (initable);

  g_return_val_if_fail (self->path != NULL, FALSE);

  if (self->db != NULL)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!open_database (self, cancellable, &self->db, error))
    return FALSE;
  self->checkpointer = _holboo_store_checkpointer_start (self->path, self->db);
  return TRUE;
}

static void
holboo_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = holboo_store_initable_init;
}

static void
init_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (g_initable_init (G_INITABLE (source_object), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
holboo_store_init_async (GAsyncInitable      *initable,
                         int                  io_priority,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (initable, cancellable, callback, user_data);

  g_task_set_source_tag (task, holboo_store_init_async);
  g_task_set_priority (task, io_priority);
  g_task_run_in_thread (task, init_in_thread);
}

static gboolean
holboo_store_init_finish (GAsyncInitable  *initable,
                          GAsyncResult    *result,
                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, initable), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
holboo_store_async_initable_iface_init (GAsyncInitableIface *iface)
{
  iface->init_async = holboo_store_init_async;
  iface->init_finish = holboo_store_init_finish;
}

static void
holboo_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HolbooStore *self = HOLBOO_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HolbooStore *self = HOLBOO_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_store_finalize (GObject *object)
{
  HolbooStore *self = HOLBOO_STORE (object);

  /* Statements first: the connection closes only when they are gone;
   * and the checkpoint thread's connection, so that closing this last
   * one checkpoints the rest and removes the WAL. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->checkpointer != NULL)
    _holboo_store_checkpointer_stop (g_steal_pointer (&self->checkpointer), self->db);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->test_migrations, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (holboo_store_parent_class)->finalize (object);
}

static void
holboo_store_class_init (HolbooStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_store_get_property;
  object_class->set_property = holboo_store_set_property;
  object_class->finalize = holboo_store_finalize;

  /**
   * HolbooStore:path:
   *
   * The database file.  Its directory must exist.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
holboo_store_init (HolbooStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/**
 * holboo_store_new:
 * @path: the database file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError in %HOLBOO_STORE_ERROR
 *
 * Opens (creating if needed) and upgrades the database at @path.
 * Blocks on disk I/O: call it from a worker thread, a command-line tool
 * or a test, never from the main loop of the app.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
HolbooStore *
holboo_store_new (const char    *path,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (HOLBOO_TYPE_STORE, cancellable, error, "path", path, NULL);
}

/**
 * holboo_store_new_async:
 * @path: the database file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Does what holboo_store_new() does on a worker thread.
 */
void
holboo_store_new_async (const char          *path,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_async_initable_new_async (HOLBOO_TYPE_STORE, G_PRIORITY_DEFAULT, cancellable,
                              callback, user_data, "path", path, NULL);
}

/**
 * holboo_store_new_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError in %HOLBOO_STORE_ERROR
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
HolbooStore *
holboo_store_new_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);
  GObject *object;

  g_return_val_if_fail (G_IS_ASYNC_INITABLE (source), NULL);

  object = g_async_initable_new_finish (G_ASYNC_INITABLE (source), result, error);
  return object != NULL ? HOLBOO_STORE (object) : NULL;
}

const char *
holboo_store_get_path (HolbooStore *self)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  return self->path;
}

int
holboo_store_get_schema_version (HolbooStore *self)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), -1);

  return self->schema_version;
}

/* The schema version this build creates and upgrades to. */
int
holboo_store_get_latest_schema_version (void)
{
  return _holboo_store_schema_latest ();
}

sqlite3 *
_holboo_store_get_db (HolbooStore *self)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  return self->db;
}

HolbooStore *
_holboo_store_new_uninitialized (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (HOLBOO_TYPE_STORE, "path", path, NULL);
}

void
_holboo_store_add_test_migration (HolbooStore *self,
                                  const char  *sql)
{
  g_return_if_fail (HOLBOO_IS_STORE (self));
  g_return_if_fail (self->db == NULL);
  g_return_if_fail (sql != NULL);

  if (self->test_migrations == NULL)
    self->test_migrations = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->test_migrations, g_strdup (sql));
}

void
_holboo_store_set_error (HolbooStore  *self,
                         int           rc,
                         GError      **error)
{
  _holboo_store_set_sqlite_error (error, self->path, self->db, rc);
}

sqlite3_stmt *
_holboo_store_prepare (HolbooStore  *self,
                       const char   *sql,
                       GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      /* A statement still running here means a caller forgot to
       * release it, or two threads share the store. */
      g_warn_if_fail (!sqlite3_stmt_busy (stmt));
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _holboo_store_set_sqlite_error (error, self->path, self->db, rc);
      sqlite3_finalize (stmt);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
_holboo_store_stmt_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

int
_holboo_store_step (HolbooStore  *self,
                    sqlite3_stmt *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  _holboo_store_set_sqlite_error (error, self->path, self->db, rc);
  return 0;
}

gboolean
_holboo_store_step_returning_id (HolbooStore   *self,
                                 sqlite3_stmt  *stmt,
                                 gint64        *id,
                                 GError       **error)
{
  int rc;

  *id = 0;
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    if (*id == 0)
      *id = sqlite3_column_int64 (stmt, 0);
  return rc == SQLITE_DONE;
}

/* Runs a statement without parameters or rows, prepared once. */
static gboolean
run_cached (HolbooStore  *self,
            const char   *sql,
            GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (self, sql, error);

  return stmt != NULL && _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

gboolean
_holboo_store_begin (HolbooStore  *self,
                     GError      **error)
{
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);

  return run_cached (self, "BEGIN IMMEDIATE;", error);
}

gboolean
_holboo_store_commit (HolbooStore  *self,
                      GError      **error)
{
  if (run_cached (self, "COMMIT;", error))
    return TRUE;
  _holboo_store_rollback (self);
  return FALSE;
}

void
_holboo_store_rollback (HolbooStore *self)
{
  /* Some errors (disk full, I/O) already rolled back. */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
}

guint
_holboo_store_get_checkpoint_count (HolbooStore *self)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), 0);

  return self->checkpointer != NULL ? _holboo_store_checkpointer_get_count (self->checkpointer) : 0;
}

/* A catch-up's batches touch index pages all over the file: from the
 * first one on, the connection keeps up to 64 MiB of pages (a cap that
 * grows as pages are read, not an allocation; SQLite's default is
 * 2 MiB). */
void
_holboo_store_use_large_cache (HolbooStore *self)
{
  if (self->large_cache || self->db == NULL)
    return;
  if (sqlite3_exec (self->db, "PRAGMA cache_size = -65536;", NULL, NULL, NULL) == SQLITE_OK)
    self->large_cache = TRUE;
}
