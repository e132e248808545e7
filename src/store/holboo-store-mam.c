/* holboo-store-mam.c: which stretches of a MAM archive are stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

#include <glib/gi18n-lib.h>

/* A range says: every message of the archive from first to last, in
 * archive order, is stored.  Archive ids are opaque, so ranges are
 * compared by archive time — but times tie (Prosody stamps whole
 * seconds), so two ranges only join when they share an end message, or
 * when their times overlap strictly; a range is only said to hold a
 * position strictly inside its times, or at one of its ends.  Where
 * this cannot tell, it answers "not known": at worst a page is fetched
 * twice (and dedup keeps it once), never is a gap taken for synced. */

typedef struct {
  gint64    row;        /* 0: not stored yet */
  char     *first_id;
  gint64    first_ts;
  char     *last_id;
  gint64    last_ts;
  gboolean  reaches_start;
  gboolean  used;
} Range;

static void
range_clear (Range *r)
{
  g_free (r->first_id);
  g_free (r->last_id);
}

static gboolean
load_ranges (HolbooStore  *self,
             const char   *archive,
             const char   *with_jid,
             gboolean      with_whole_archive,
             GArray       *out,
             GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  stmt = _holboo_store_prepare (self,
                                "SELECT id, first_id, first_ts, last_id, last_ts, reaches_start "
                                "FROM mam_ranges WHERE archive = ?1 AND (with_jid = ?2 OR (?3 AND with_jid = '')) "
                                "ORDER BY last_ts DESC, id;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, archive, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, with_jid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, with_whole_archive);

  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      Range r = {
        .row = sqlite3_column_int64 (stmt, 0),
        .first_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        .first_ts = sqlite3_column_int64 (stmt, 2),
        .last_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        .last_ts = sqlite3_column_int64 (stmt, 4),
        .reaches_start = sqlite3_column_int (stmt, 5) != 0,
      };

      g_array_append_val (out, r);
    }
  return rc == SQLITE_DONE;
}

static gboolean
ranges_join (const Range *a,
             const Range *b)
{
  if (g_str_equal (a->first_id, b->first_id) || g_str_equal (a->first_id, b->last_id) ||
      g_str_equal (a->last_id, b->first_id) || g_str_equal (a->last_id, b->last_id))
    return TRUE;
  return a->first_ts < b->last_ts && b->first_ts < a->last_ts;
}

static void
absorb (Range       *into,
        const Range *r)
{
  if (r->first_ts < into->first_ts || (r->first_ts == into->first_ts && r->reaches_start))
    {
      g_free (into->first_id);
      into->first_id = g_strdup (r->first_id);
      into->first_ts = r->first_ts;
    }
  if (r->last_ts > into->last_ts)
    {
      g_free (into->last_id);
      into->last_id = g_strdup (r->last_id);
      into->last_ts = r->last_ts;
    }
  into->reaches_start |= r->reaches_start;
}

static gboolean
delete_range (HolbooStore  *self,
              gint64        row,
              GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self, "DELETE FROM mam_ranges WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

static gboolean
insert_range (HolbooStore  *self,
              const char   *archive,
              const char   *with_jid,
              const Range  *r,
              GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self,
                                "INSERT INTO mam_ranges (archive, with_jid, first_id, first_ts,"
                                "  last_id, last_ts, reaches_start) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, archive, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, with_jid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, r->first_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, r->first_ts);
  sqlite3_bind_text (stmt, 5, r->last_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, r->last_ts);
  sqlite3_bind_int (stmt, 7, r->reaches_start);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

/**
 * holboo_store_mam_record_range:
 * @self: an open store
 * @archive: the archive's JID (this account's bare JID, or a room's)
 * @with_jid: (nullable): the peer the query was filtered on, or %NULL
 *   for a query of the whole archive
 * @first_id: archive id of the oldest message fetched
 * @first_ts: its archive time (µs)
 * @last_id: archive id of the newest message fetched
 * @last_ts: its archive time (µs)
 * @reaches_start: the archive said this was complete going back: nothing
 *   is older than @first_id
 * @error: return location for a #GError
 *
 * Records that every message of the archive from @first_id to @last_id
 * is stored (record it after the messages are, not before).  It joins
 * the ranges it touches.  To join a page to the range it was paged from
 * — a query "before X" or "after X" with X an end of a stored range —
 * include X as @last_id or @first_id.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_mam_record_range (HolbooStore  *self,
                               const char   *archive,
                               const char   *with_jid,
                               const char   *first_id,
                               gint64        first_ts,
                               const char   *last_id,
                               gint64        last_ts,
                               gboolean      reaches_start,
                               GError      **error)
{
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(GError) local_error = NULL;
  Range *merged;
  gboolean changed;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (archive != NULL && first_id != NULL && last_id != NULL, FALSE);

  if (first_ts > last_ts)
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID,
                   _("The archive range from %s to %s ends before it starts"), first_id, last_id);
      return FALSE;
    }
  if (with_jid == NULL)
    with_jid = "";

  if (!_holboo_store_begin (self, error))
    return FALSE;

  ranges = g_array_new (FALSE, TRUE, sizeof (Range));
  g_array_set_clear_func (ranges, (GDestroyNotify) range_clear);
  if (!load_ranges (self, archive, with_jid, FALSE, ranges, &local_error))
    goto fail;

  /* The new range goes last; the array does not grow after this. */
  g_array_set_size (ranges, ranges->len + 1);
  merged = &g_array_index (ranges, Range, ranges->len - 1);
  merged->first_id = g_strdup (first_id);
  merged->first_ts = first_ts;
  merged->last_id = g_strdup (last_id);
  merged->last_ts = last_ts;
  merged->reaches_start = reaches_start;

  /* Joining can make the range reach others: repeat until it does not. */
  do
    {
      changed = FALSE;
      for (guint i = 0; i + 1 < ranges->len; i++)
        {
          Range *r = &g_array_index (ranges, Range, i);

          if (r->used || !ranges_join (r, merged))
            continue;
          absorb (merged, r);
          r->used = changed = TRUE;
        }
    }
  while (changed);

  for (guint i = 0; i + 1 < ranges->len; i++)
    {
      Range *r = &g_array_index (ranges, Range, i);

      if (r->used && !delete_range (self, r->row, &local_error))
        goto fail;
    }
  if (!insert_range (self, archive, with_jid, merged, &local_error))
    goto fail;

  if (_holboo_store_commit (self, &local_error))
    return TRUE;

fail:
  _holboo_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Whether @r holds the position (@id, @ts); @id may be NULL. */
static gboolean
range_holds (const Range *r,
             const char  *id,
             gint64       ts)
{
  if (id != NULL && (g_str_equal (id, r->first_id) || g_str_equal (id, r->last_id)))
    return TRUE;
  return r->first_ts < ts && ts < r->last_ts;
}

/**
 * holboo_store_mam_find_gap:
 * @self: an open store
 * @archive: the archive's JID
 * @with_jid: (nullable): the conversation's peer, for a query filtered
 *   on it; its ranges and those of the whole archive both count.  %NULL:
 *   the whole archive
 * @before_id: (nullable): look for history older than this archive id
 *   (the oldest message shown); %NULL with @before_ts 0: from the newest
 *   end of the archive (catching up after connecting)
 * @before_ts: the archive time of @before_id (µs); or, with @before_id
 *   %NULL, a position known only by time
 * @out_gap: (out) (transfer full) (optional) (nullable): the gap to fetch
 *   next, newest first, or %NULL when everything before the position is
 *   stored down to the start of the archive
 * @error: return location for a #GError
 *
 * Finds the next stretch of unsynced history before a position: walks
 * back through the stored ranges that hold the position, and returns
 * where the first unsynced message would be and what is stored below
 * it.  After fetching, record what was fetched with
 * holboo_store_mam_record_range() — from the oldest message fetched (or
 * the gap's start, if reached) to the gap's end.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_mam_find_gap (HolbooStore   *self,
                           const char    *archive,
                           const char    *with_jid,
                           const char    *before_id,
                           gint64         before_ts,
                           HolbooMamGap **out_gap,
                           GError       **error)
{
  g_autoptr(GArray) ranges = NULL;
  g_autoptr(HolbooMamGap) gap = NULL;
  const char *cur_id = before_id;
  gint64 cur_ts = before_ts;
  gboolean newest = before_id == NULL && before_ts == 0;
  const Range *below = NULL;
  gboolean moved;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (archive != NULL, FALSE);

  if (out_gap != NULL)
    *out_gap = NULL;

  ranges = g_array_new (FALSE, TRUE, sizeof (Range));
  g_array_set_clear_func (ranges, (GDestroyNotify) range_clear);
  if (!load_ranges (self, archive, with_jid != NULL ? with_jid : "", TRUE, ranges, error))
    return FALSE;

  /* Walk back through the ranges that hold the position. */
  do
    {
      moved = FALSE;
      for (guint i = 0; !newest && i < ranges->len; i++)
        {
          Range *r = &g_array_index (ranges, Range, i);

          if (r->used || !range_holds (r, cur_id, cur_ts))
            continue;
          if (r->reaches_start)
            return TRUE;  /* stored down to the start: no gap */
          r->used = moved = TRUE;
          if (r->first_ts <= cur_ts)
            {
              cur_id = r->first_id;
              cur_ts = r->first_ts;
            }
        }
    }
  while (moved);

  /* What is stored below: the range that ends nearest under it. */
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *r = &g_array_index (ranges, Range, i);

      if (r->used || (!newest && r->last_ts > cur_ts))
        continue;
      if (below == NULL || r->last_ts > below->last_ts)
        below = r;
    }

  gap = g_new0 (HolbooMamGap, 1);
  if (!newest)
    {
      gap->end_id = g_strdup (cur_id);
      gap->end_ts = cur_ts;
    }
  if (below != NULL)
    {
      gap->start_id = g_strdup (below->last_id);
      gap->start_ts = below->last_ts;
    }

  if (out_gap != NULL)
    *out_gap = g_steal_pointer (&gap);
  return TRUE;
}

/**
 * holboo_store_mam_list_ranges:
 * @self: an open store
 * @archive: the archive's JID
 * @with_jid: (nullable): the ranges of queries filtered on this peer, or
 *   %NULL for those of the whole archive
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type HolbooMamRange): the stored
 *   ranges, newest first, or %NULL with @error set
 */
GPtrArray *
holboo_store_mam_list_ranges (HolbooStore  *self,
                              const char   *archive,
                              const char   *with_jid,
                              GError      **error)
{
  g_autoptr(GArray) ranges = NULL;
  GPtrArray *out;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (archive != NULL, NULL);

  ranges = g_array_new (FALSE, TRUE, sizeof (Range));
  g_array_set_clear_func (ranges, (GDestroyNotify) range_clear);
  if (!load_ranges (self, archive, with_jid != NULL ? with_jid : "", FALSE, ranges, error))
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_mam_range_free);
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *r = &g_array_index (ranges, Range, i);
      HolbooMamRange *range = g_new0 (HolbooMamRange, 1);

      range->archive = g_strdup (archive);
      range->with_jid = g_strdup (with_jid);
      range->first_id = g_strdup (r->first_id);
      range->first_ts = r->first_ts;
      range->last_id = g_strdup (r->last_id);
      range->last_ts = r->last_ts;
      range->reaches_start = r->reaches_start;
      g_ptr_array_add (out, range);
    }
  return out;
}
