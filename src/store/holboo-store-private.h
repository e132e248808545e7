/* holboo-store-private.h: store internals shared inside the layer and
 * with its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "holboo-store.h"

G_BEGIN_DECLS

/* "Hlbo" (0x486c626f) in the database header, PRAGMA application_id:
 * a Holboo database is recognisable, and another program's database is
 * never adopted by mistake. */
#define HOLBOO_STORE_APPLICATION_ID 1215062639

void         _holboo_store_set_sqlite_error    (GError     **error,
                                                const char  *path,
                                                sqlite3     *db,
                                                int          rc);

/* holboo-store-file.c: creates @path 0600 if needed, and tightens it and
 * its WAL, shared-memory and journal files to 0600. */
gboolean     _holboo_store_prepare_file        (const char  *path,
                                                GError     **error);

/* holboo-store-schema.c.  @extra (nullable): test migrations numbered
 * after the real ones. */
int          _holboo_store_schema_latest       (void);
gboolean     _holboo_store_migrate             (sqlite3     *db,
                                                const char  *path,
                                                GPtrArray   *extra,
                                                int          from,
                                                int          to,
                                                GError     **error);

/* The connection, for the statements of other store files.  Valid for
 * the life of @self once it is initialised; opened with
 * SQLITE_OPEN_FULLMUTEX. */
sqlite3     *_holboo_store_get_db              (HolbooStore *self);

/* Statements cached on @self, keyed by their SQL (prepared once, with
 * SQLITE_PREPARE_PERSISTENT, finalized with the store).  The statement
 * comes back reset with no bindings; give it back with
 * _holboo_store_stmt_release() (g_autoptr(HolbooStoreStmt) does) before
 * the same SQL is prepared again.  Like the whole store, not for two
 * threads at once. */
typedef sqlite3_stmt HolbooStoreStmt;

sqlite3_stmt *_holboo_store_prepare           (HolbooStore  *self,
                                                const char   *sql,
                                                GError      **error);
void         _holboo_store_stmt_release        (sqlite3_stmt *stmt);
/* sqlite3_step(): SQLITE_ROW or SQLITE_DONE, or 0 with @error set. */
int          _holboo_store_step                (HolbooStore  *self,
                                                sqlite3_stmt *stmt,
                                                GError      **error);
/* Steps an INSERT/UPDATE … RETURNING id to its end, as SQLite needs:
 * resetting one early, when a trigger wrote to FTS5, rolls back the
 * whole transaction (SQLite 3.40, defensive mode).  *@id: the first id
 * returned, or 0 when no row was.  FALSE with @error set on failure. */
gboolean     _holboo_store_step_returning_id   (HolbooStore  *self,
                                                sqlite3_stmt *stmt,
                                                gint64       *id,
                                                GError      **error);
/* Sets @error from the connection's last error. */
void         _holboo_store_set_error           (HolbooStore  *self,
                                                int           rc,
                                                GError      **error);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  Transactions do not nest. */
gboolean     _holboo_store_begin               (HolbooStore  *self,
                                                GError      **error);
gboolean     _holboo_store_commit              (HolbooStore  *self,
                                                GError      **error);
void         _holboo_store_rollback            (HolbooStore  *self);
void         _holboo_store_use_large_cache     (HolbooStore  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoreStmt, _holboo_store_stmt_release)

/* holboo-store-checkpoint.c: WAL checkpoints on a thread. */
typedef struct _HolbooStoreCheckpointer HolbooStoreCheckpointer;

HolbooStoreCheckpointer *_holboo_store_checkpointer_start (const char              *path,
                                                           sqlite3                 *db);
void                     _holboo_store_checkpointer_stop  (HolbooStoreCheckpointer *self,
                                                           sqlite3                 *db);
guint                    _holboo_store_checkpointer_get_count (HolbooStoreCheckpointer *self);

/* Test hooks.  Create a store without opening it, append a migration
 * (numbered after the real ones), then g_initable_init() it. */
HolbooStore *_holboo_store_new_uninitialized   (const char  *path);
void         _holboo_store_add_test_migration  (HolbooStore *self,
                                                const char  *sql);
/* How many checkpoints the checkpoint thread has run. */
guint        _holboo_store_get_checkpoint_count (HolbooStore *self);

G_END_DECLS
