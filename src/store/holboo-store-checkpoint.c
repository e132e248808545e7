/* holboo-store-checkpoint.c: WAL checkpoints on a thread of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"

/* SQLite's own automatic checkpoint runs inside the COMMIT that fills
 * the WAL, on the thread that committed: it copies the WAL into the
 * database and waits for two fsyncs, every 1000 pages.  Here the
 * writer's connection only notes how full the WAL is, and a thread with
 * its own connection copies it back without blocking the writer
 * (PASSIVE).
 *
 * The WAL file starts over only when a write begins with every frame
 * copied, which a busy writer never gives a concurrent checkpoint.  So
 * past RESTART_PAGES the writer checkpoints itself, after its commit,
 * as SQLite would — but by then the thread has copied nearly all
 * frames, so it copies the last few and syncs, and its next write
 * starts the WAL over.  (A checkpoint the thread is in the middle of
 * would refuse the writer's at once, so the writer waits for it to end
 * first: at most one round of the thread's, once per RESTART_PAGES.) */

/* 4 MiB of 4 KiB pages: SQLite's default for its automatic checkpoint. */
#define CHECKPOINT_PAGES 1000
/* The WAL starts over at about 16 MiB. */
#define RESTART_PAGES (4 * CHECKPOINT_PAGES)

struct _HolbooStoreCheckpointer
{
  char     *path;
  GThread  *thread;
  GMutex    mutex;
  GCond     cond;
  gboolean  pending;
  gboolean  writer_turn;   /* the writer finishes this round */
  gboolean  running;       /* the thread is checkpointing */
  int       writer_tried_at;  /* WAL size at the writer's last try; writer only */
  gboolean  stopping;
  guint     n_checkpoints;  /* for tests */
};

static int
on_wal_commit (void       *data,
               sqlite3    *db,
               const char *schema,
               int         n_pages)
{
  HolbooStoreCheckpointer *self = data;

  if (n_pages < RESTART_PAGES && self->writer_tried_at != 0)
    {
      /* The WAL started over: the thread's turn again. */
      self->writer_tried_at = 0;
      g_mutex_lock (&self->mutex);
      self->writer_turn = FALSE;
      g_mutex_unlock (&self->mutex);
    }

  /* A reader elsewhere can keep frames from being copied: then try
   * again only every quarter of a round, not after every commit. */
  if (n_pages >= RESTART_PAGES &&
      (self->writer_tried_at == 0 || n_pages >= self->writer_tried_at + RESTART_PAGES / 4))
    {
      int n_log = 0, n_done = 0;
      int rc;

      self->writer_tried_at = n_pages;

      /* No new round on the thread until the writer's went through,
       * and the thread's round under way ends first. */
      g_mutex_lock (&self->mutex);
      self->writer_turn = TRUE;
      while (self->running)
        g_cond_wait (&self->cond, &self->mutex);
      g_mutex_unlock (&self->mutex);

      rc = sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, &n_log, &n_done);
      g_debug ("WAL of %s at %d pages: the writer checkpointed %d of %d frames (%s)",
               self->path, n_pages, n_done, n_log, sqlite3_errstr (rc));
      if (rc == SQLITE_OK && n_done == n_log)
        {
          g_mutex_lock (&self->mutex);
          self->writer_turn = FALSE;
          g_mutex_unlock (&self->mutex);
        }
    }
  else if (n_pages >= CHECKPOINT_PAGES)
    {
      g_mutex_lock (&self->mutex);
      self->pending = TRUE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
    }
  return SQLITE_OK;
}

static gpointer
checkpoint_thread (gpointer data)
{
  HolbooStoreCheckpointer *self = data;
  sqlite3 *db = NULL;

  for (;;)
    {
      int rc, n_log = 0, n_done = 0;

      g_mutex_lock (&self->mutex);
      while ((!self->pending || self->writer_turn) && !self->stopping)
        g_cond_wait (&self->cond, &self->mutex);
      if (self->stopping)
        {
          g_mutex_unlock (&self->mutex);
          break;
        }
      self->pending = FALSE;
      self->running = TRUE;
      g_mutex_unlock (&self->mutex);

      if (db == NULL)
        {
          rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
          if (rc != SQLITE_OK)
            {
              g_warning ("Cannot open %s to checkpoint it: %s", self->path,
                         db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
              g_clear_pointer (&db, sqlite3_close);
              g_mutex_lock (&self->mutex);
              self->running = FALSE;
              g_cond_broadcast (&self->cond);
              g_mutex_unlock (&self->mutex);
              continue;
            }
          sqlite3_busy_timeout (db, 1000);
          /* A connection that has read nothing does not know the file
           * is in WAL mode, and its checkpoints do nothing. */
          rc = sqlite3_exec (db, "PRAGMA schema_version;", NULL, NULL, NULL);
          if (rc != SQLITE_OK)
            g_warning ("Cannot read %s to checkpoint it: %s", self->path, sqlite3_errmsg (db));
        }

      rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_log, &n_done);
      if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        g_warning ("Checkpoint of %s failed: %s", self->path, sqlite3_errmsg (db));
      g_mutex_lock (&self->mutex);
      self->n_checkpoints++;
      self->running = FALSE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);
      g_debug ("Checkpointed %s: %d of %d WAL frames", self->path, n_done, n_log);
    }

  g_clear_pointer (&db, sqlite3_close);
  return NULL;
}

/* Starts checkpointing the WAL of @db (open on @path) in a thread. */
HolbooStoreCheckpointer *
_holboo_store_checkpointer_start (const char *path,
                                  sqlite3    *db)
{
  HolbooStoreCheckpointer *self = g_new0 (HolbooStoreCheckpointer, 1);

  self->path = g_strdup (path);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->thread = g_thread_new ("holboo-checkpoint", checkpoint_thread, self);

  /* Replaces SQLite's automatic checkpoint. */
  sqlite3_wal_hook (db, on_wal_commit, self);
  return self;
}

/* Stops the thread (finishing a checkpoint under way), after which @db
 * may be closed: closing the last connection checkpoints the rest. */
void
_holboo_store_checkpointer_stop (HolbooStoreCheckpointer *self,
                                 sqlite3                 *db)
{
  if (self == NULL)
    return;

  sqlite3_wal_hook (db, NULL, NULL);
  g_mutex_lock (&self->mutex);
  self->stopping = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_thread_join (self->thread);

  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->path);
  g_free (self);
}

guint
_holboo_store_checkpointer_get_count (HolbooStoreCheckpointer *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->n_checkpoints;
  g_mutex_unlock (&self->mutex);
  return n;
}
