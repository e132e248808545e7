/* holboo-store-teamlog.c: replaying the team log into the customer tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ops arrive in server order (the log room's archive order) and are
 * applied in that order, a batch in one transaction.  That order is the
 * whole of the conflict rule: per field, the last op that set it wins,
 * so every member who applied the same ops has the same tables.  An op
 * already in teamlog_ops (an echo of our own, a page fetched twice) is
 * not applied again; an op this version cannot apply is kept, not
 * applied, and the replay goes on.
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"
#include "holboo-store-teamlog-private.h"

#include <string.h>

/* A batch this large is a catch-up's: the page cache grows. */
#define CATCH_UP_BATCH 100

/* A merge chain longer than this is a loop written by a broken client. */
#define MAX_MERGE_HOPS 16

HolbooTeamlogOp *
holboo_teamlog_op_new (void)
{
  return g_new0 (HolbooTeamlogOp, 1);
}

static void
field_free (HolbooTeamlogField *field)
{
  g_free (field->name);
  g_free (field->value);
  g_free (field);
}

void
holboo_teamlog_op_free (HolbooTeamlogOp *op)
{
  if (op == NULL)
    return;
  g_free (op->stanza_id);
  g_free (op->uuid);
  g_free (op->type_name);
  g_free (op->author);
  g_free (op->customer);
  g_free (op->target);
  g_clear_pointer (&op->fields, g_ptr_array_unref);
  g_free (op->body);
  g_free (op->data);
  g_free (op->payload);
  g_free (op);
}

void
holboo_teamlog_op_add_field (HolbooTeamlogOp *op,
                             const char      *name,
                             const char      *value)
{
  HolbooTeamlogField *field = g_new0 (HolbooTeamlogField, 1);

  g_return_if_fail (name != NULL && value != NULL);

  if (op->fields == NULL)
    op->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  field->name = g_strdup (name);
  field->value = g_strdup (value);
  g_ptr_array_add (op->fields, field);
}

const char *
holboo_teamlog_op_get_field (HolbooTeamlogOp *op,
                             const char      *name)
{
  for (guint i = 0; op->fields != NULL && i < op->fields->len; i++)
    {
      HolbooTeamlogField *field = op->fields->pdata[i];

      if (strcmp (field->name, name) == 0)
        return field->value;
    }
  return NULL;
}

static void
mark_dirty (Replay *replay,
            gint64  id)
{
  g_hash_table_add (replay->dirty, g_memdup2 (&id, sizeof id));
}

/* The customer's row id, following merges; 0 if there is none or it was
 * deleted (then the op is skipped). */
static gboolean
resolve_customer (Replay      *replay,
                  const char  *uuid,
                  gint64      *id,
                  GError     **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autofree char *current = g_strdup (uuid);

  *id = 0;
  for (guint hop = 0; current != NULL && hop < MAX_MERGE_HOPS; hop++)
    {
      int rc;

      g_clear_pointer (&stmt, _holboo_store_stmt_release);
      stmt = _holboo_store_prepare (replay->store,
                                    "SELECT id, deleted, merged_into FROM customers WHERE uuid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, current, -1, SQLITE_TRANSIENT);
      rc = _holboo_store_step (replay->store, stmt, error);
      if (rc == 0)
        return FALSE;
      if (rc == SQLITE_DONE)
        return TRUE;
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          g_free (current);
          current = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          continue;
        }
      if (sqlite3_column_int (stmt, 1) == 0)
        *id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  return TRUE;
}

static gboolean
run (Replay      *replay,
     const char  *sql,
     GError     **error,
     const char  *format,
     ...)
{
  g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (replay->store, sql, error);
  va_list args;
  int index = 1;

  if (stmt == NULL)
    return FALSE;

  /* format: one letter a parameter, "i" gint64, "s" string (NULL binds
   * NULL). */
  va_start (args, format);
  for (const char *f = format; *f != '\0'; f++, index++)
    {
      if (*f == 'i')
        sqlite3_bind_int64 (stmt, index, va_arg (args, gint64));
      else
        {
          const char *text = va_arg (args, const char *);

          if (text == NULL)
            sqlite3_bind_null (stmt, index);
          else
            sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
        }
    }
  va_end (args);

  return _holboo_store_step (replay->store, stmt, error) != 0;
}

static gboolean
handle_kind_for_field (const char               *name,
                       HolbooCustomerHandleKind *kind)
{
  if (strcmp (name, HOLBOO_CUSTOMER_FIELD_PHONES) == 0)
    *kind = HOLBOO_CUSTOMER_HANDLE_PHONE;
  else if (strcmp (name, HOLBOO_CUSTOMER_FIELD_EMAILS) == 0)
    *kind = HOLBOO_CUSTOMER_HANDLE_EMAIL;
  else if (strcmp (name, HOLBOO_CUSTOMER_FIELD_XMPP) == 0)
    *kind = HOLBOO_CUSTOMER_HANDLE_XMPP;
  else
    return FALSE;
  return TRUE;
}

static gboolean
set_field (Replay      *replay,
           gint64       id,
           const char  *name,
           const char  *value,
           GError     **error)
{
  HolbooCustomerHandleKind kind;

  if (*value == '\0')
    {
      if (!run (replay, "DELETE FROM customer_fields WHERE customer_id = ? AND name = ?", error,
                "is", id, name))
        return FALSE;
    }
  else if (!run (replay,
                 "INSERT INTO customer_fields (customer_id, name, value) VALUES (?, ?, ?)"
                 " ON CONFLICT (customer_id, name) DO UPDATE SET value = excluded.value",
                 error, "iss", id, name, value))
    return FALSE;

  if (handle_kind_for_field (name, &kind))
    {
      g_auto(GStrv) values = g_strsplit (value, "\n", -1);

      if (!run (replay, "DELETE FROM customer_handles WHERE customer_id = ? AND kind = ?", error,
                "ii", id, (gint64) kind))
        return FALSE;
      for (guint i = 0; values[i] != NULL; i++)
        if (values[i][0] != '\0' &&
            !run (replay, "INSERT OR IGNORE INTO customer_handles (kind, value, customer_id) VALUES (?, ?, ?)",
                  error, "isi", (gint64) kind, values[i], id))
          return FALSE;
    }

  mark_dirty (replay, id);
  return TRUE;
}

static gboolean
set_fields (Replay           *replay,
            gint64            id,
            HolbooTeamlogOp  *op,
            GError          **error)
{
  for (guint i = 0; op->fields != NULL && i < op->fields->len; i++)
    {
      HolbooTeamlogField *field = op->fields->pdata[i];

      if (!set_field (replay, id, field->name, field->value, error))
        return FALSE;
    }
  return TRUE;
}

/* New events reach the search index at the end of the batch. */
static gboolean
add_event (Replay           *replay,
           gint64            id,
           HolbooTeamlogOp  *op,
           const char       *kind,
           const char       *uuid,
           GError          **error)
{
  return run (replay,
              "INSERT OR IGNORE INTO customer_events (customer_id, uuid, kind, at, author, body, data)"
              " VALUES (?, ?, ?, ?, ?, ?, ?)",
              error, "ississs", id, uuid, kind, op->at != 0 ? op->at : op->server_ts, op->author,
              op->body != NULL ? op->body : "", op->data);
}

/* A note's new text (or, deleted, none): the search index follows when
 * the note is already in it. */
static gboolean
change_note (Replay      *replay,
             const char  *uuid,
             const char  *body,
             GError     **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autofree char *old_body = NULL;
  gint64 event_id;
  int rc;

  stmt = _holboo_store_prepare (replay->store,
                                "SELECT id, body FROM customer_events"
                                " WHERE uuid = ? AND kind = 'note' AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = _holboo_store_step (replay->store, stmt, error);
  if (rc != SQLITE_ROW)
    return rc != 0;
  event_id = sqlite3_column_int64 (stmt, 0);
  old_body = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_clear_pointer (&stmt, _holboo_store_stmt_release);

  if (event_id <= replay->indexed_max &&
      !run (replay, "INSERT INTO customer_events_fts (customer_events_fts, rowid, body) VALUES ('delete', ?, ?)",
            error, "is", event_id, old_body))
    return FALSE;
  if (body == NULL)
    {
      if (!run (replay, "UPDATE customer_events SET body = '', data = NULL, deleted = 1 WHERE id = ?",
                error, "i", event_id))
        return FALSE;
    }
  else if (!run (replay, "UPDATE customer_events SET body = ? WHERE id = ?", error, "si", body, event_id))
    return FALSE;
  if (event_id <= replay->indexed_max && body != NULL &&
      !run (replay, "INSERT INTO customer_events_fts (rowid, body) VALUES (?, ?)", error, "is", event_id, body))
    return FALSE;
  return TRUE;
}

/* Everything of customer @from goes to @into: its timeline, tags and
 * handles, and the fields @into does not have. */
static gboolean
merge (Replay      *replay,
       gint64       into,
       const char  *from_uuid,
       GError     **error)
{
  gint64 from = 0;

  if (!resolve_customer (replay, from_uuid, &from, error))
    return FALSE;
  if (from == 0 || from == into)
    return TRUE;

  mark_dirty (replay, into);
  mark_dirty (replay, from);
  return run (replay, "UPDATE customer_events SET customer_id = ? WHERE customer_id = ?", error,
              "ii", into, from) &&
         run (replay, "INSERT OR IGNORE INTO customer_tags (customer_id, tag)"
                      " SELECT ?, tag FROM customer_tags WHERE customer_id = ?", error, "ii", into, from) &&
         run (replay, "INSERT OR IGNORE INTO customer_handles (kind, value, customer_id)"
                      " SELECT kind, value, ? FROM customer_handles WHERE customer_id = ?", error,
              "ii", into, from) &&
         run (replay, "INSERT OR IGNORE INTO customer_fields (customer_id, name, value)"
                      " SELECT ?, name, value FROM customer_fields WHERE customer_id = ?", error,
              "ii", into, from) &&
         run (replay, "DELETE FROM customer_handles WHERE customer_id = ?", error, "i", from) &&
         run (replay, "UPDATE customers SET deleted = 1, merged_into = (SELECT uuid FROM customers WHERE id = ?)"
                      " WHERE id = ?", error, "ii", into, from);
}

/* Applies @op; *@applied is FALSE when it had nothing to apply to.  An
 * optimistic op (typed here, not yet in the log) creates its customer
 * as pending, and one whose outcome depends on what others did before
 * it in server order (delete, merge) waits for the log. */
gboolean
_holboo_teamlog_apply_one (Replay           *replay,
           HolbooTeamlogOp  *op,
           gboolean         *applied,
           GError          **error)
{
  gint64 id = 0;

  *applied = FALSE;
  if (op->kind == HOLBOO_TEAMLOG_OP_UNKNOWN || op->customer == NULL)
    return TRUE;

  if (replay->optimistic &&
      (op->kind == HOLBOO_TEAMLOG_OP_CUSTOMER_DELETE || op->kind == HOLBOO_TEAMLOG_OP_CUSTOMER_MERGE))
    return TRUE;

  if (op->kind == HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE && replay->optimistic)
    {
      if (!run (replay, "INSERT OR IGNORE INTO customers (uuid, created_by, created_at, pending) VALUES (?, ?, ?, 1)",
                error, "ssi", op->customer, op->author, op->server_ts))
        return FALSE;
    }
  else if (op->kind == HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE)
    {
      /* The first create in the log says who created it and when; one
       * made here before is confirmed with those. */
      if (!run (replay, "INSERT INTO customers (uuid, created_by, created_at) VALUES (?, ?, ?)"
                        " ON CONFLICT (uuid) DO UPDATE SET created_by = excluded.created_by,"
                        " created_at = excluded.created_at, pending = 0 WHERE pending = 1",
                error, "ssi", op->customer, op->author, op->server_ts))
        return FALSE;
    }

  if (!resolve_customer (replay, op->customer, &id, error))
    return FALSE;
  if (id == 0)
    return TRUE;

  *applied = TRUE;
  switch (op->kind)
    {
    case HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE:
    case HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE:
      return set_fields (replay, id, op, error);
    case HOLBOO_TEAMLOG_OP_CUSTOMER_DELETE:
      mark_dirty (replay, id);
      return run (replay, "UPDATE customers SET deleted = 1 WHERE id = ?", error, "i", id) &&
             run (replay, "DELETE FROM customer_handles WHERE customer_id = ?", error, "i", id);
    case HOLBOO_TEAMLOG_OP_CUSTOMER_MERGE:
      return op->target == NULL || merge (replay, id, op->target, error);
    case HOLBOO_TEAMLOG_OP_NOTE_ADD:
      return op->target == NULL || add_event (replay, id, op, "note", op->target, error);
    case HOLBOO_TEAMLOG_OP_NOTE_EDIT:
      return change_note (replay, op->target, op->body != NULL ? op->body : "", error);
    case HOLBOO_TEAMLOG_OP_NOTE_DELETE:
      return change_note (replay, op->target, NULL, error);
    case HOLBOO_TEAMLOG_OP_CALL_LOG:
      return add_event (replay, id, op, "call", op->uuid, error);
    case HOLBOO_TEAMLOG_OP_CHAT_MIRROR:
      return add_event (replay, id, op, "chat", op->uuid, error);
    case HOLBOO_TEAMLOG_OP_SATISFACTION:
      return add_event (replay, id, op, "satisfaction", op->uuid, error);
    case HOLBOO_TEAMLOG_OP_TAG_ADD:
      return op->target == NULL ||
             run (replay, "INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)", error,
                  "is", id, op->target);
    case HOLBOO_TEAMLOG_OP_TAG_REMOVE:
      return op->target == NULL ||
             run (replay, "DELETE FROM customer_tags WHERE customer_id = ? AND tag = ?", error,
                  "is", id, op->target);
    case HOLBOO_TEAMLOG_OP_OWNER_ASSIGN:
      return set_field (replay, id, HOLBOO_CUSTOMER_FIELD_OWNER, op->target != NULL ? op->target : "", error);
    case HOLBOO_TEAMLOG_OP_UNKNOWN:
    default:
      *applied = FALSE;
      return TRUE;
    }
}

/* Adds the customers whose search row waits (a catch-up deferred it)
 * to the batch's, and clears the list. */
static gboolean
take_pending_search (Replay      *replay,
                     GError     **error)
{
  g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (replay->store,
                                                            "SELECT customer_id FROM customers_search_pending", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _holboo_store_step (replay->store, stmt, error)) == SQLITE_ROW)
    mark_dirty (replay, sqlite3_column_int64 (stmt, 0));
  if (rc == 0)
    return FALSE;
  g_clear_pointer (&stmt, _holboo_store_stmt_release);
  return run (replay, "DELETE FROM customers_search_pending", error, "");
}

/* The search rows of the customers the batch changed, and the events it
 * added: two statements each, whatever the batch's size.  During a
 * catch-up (@replay->defer_search) the customers' rows are rewritten
 * once at its end, not once per batch: FTS5 deletes cost much more
 * than the rest of an op, and a catch-up touches each customer many
 * times.  The list of those waiting is in the database, so a catch-up
 * cut short is finished by the next batch. */
gboolean
_holboo_teamlog_update_search (Replay      *replay,
                               GError     **error)
{
  g_autoptr(GString) ids = g_string_new ("[");
  GHashTableIter iter;
  gpointer key;

  if (!replay->defer_search && !take_pending_search (replay, error))
    return FALSE;

  g_hash_table_iter_init (&iter, replay->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", *(gint64 *) key);
  g_string_append_c (ids, ']');

  if (replay->defer_search)
    return run (replay, "INSERT OR IGNORE INTO customers_search_pending (customer_id)"
                        " SELECT value FROM json_each (?)", error, "s", ids->str) &&
           run (replay, "INSERT INTO customer_events_fts (rowid, body)"
                        " SELECT id, body FROM customer_events WHERE id > ? AND deleted = 0",
                error, "i", replay->indexed_max);

  return (g_hash_table_size (replay->dirty) == 0 ||
          (run (replay, "DELETE FROM customers_fts WHERE rowid IN (SELECT value FROM json_each (?))",
                error, "s", ids->str) &&
           run (replay, "INSERT INTO customers_fts (rowid, text)"
                        " SELECT c.id, group_concat (f.value, char (10)) FROM customers c"
                        " JOIN customer_fields f ON f.customer_id = c.id"
                        " WHERE c.id IN (SELECT value FROM json_each (?)) AND c.deleted = 0 GROUP BY c.id",
                error, "s", ids->str))) &&
         run (replay, "INSERT INTO customer_events_fts (rowid, body)"
              " SELECT id, body FROM customer_events WHERE id > ? AND deleted = 0",
              error, "i", replay->indexed_max);
}

gboolean
_holboo_teamlog_find_indexed_max (Replay      *replay,
                  GError     **error)
{
  g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (replay->store,
                                                            "SELECT coalesce (max (id), 0) FROM customer_events",
                                                            error);

  if (stmt == NULL || _holboo_store_step (replay->store, stmt, error) != SQLITE_ROW)
    return FALSE;
  replay->indexed_max = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * holboo_store_apply_teamlog_ops:
 * @ops: (element-type HolbooTeamlogOp): ops in server order, each with
 *   its stanza_id, uuid, type_name, author and payload
 * @applied: (out caller-allocates) (optional): what became of them
 *
 * Records and applies @ops in one transaction: all of them, or (with
 * @error) none.  The customers' search rows are up to date after it.
 */
gboolean
holboo_store_apply_teamlog_ops (HolbooStore          *self,
                                GPtrArray            *ops,
                                HolbooTeamlogApplied *applied,
                                GError              **error)
{
  return holboo_store_apply_teamlog_batch (self, ops, 0, applied, error);
}

/**
 * holboo_store_update_teamlog_search:
 *
 * Rewrites the search rows a catch-up left waiting
 * (%HOLBOO_TEAMLOG_APPLY_DEFER_SEARCH), in one transaction.
 */
gboolean
holboo_store_update_teamlog_search (HolbooStore  *self,
                                    GError      **error)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  return holboo_store_apply_teamlog_batch (self, none, 0, NULL, error);
}

/**
 * holboo_store_apply_teamlog_batch:
 * @flags: #HolbooTeamlogApplyFlags
 *
 * As holboo_store_apply_teamlog_ops(); with
 * %HOLBOO_TEAMLOG_APPLY_DEFER_SEARCH (a catch-up's pages), the
 * customers' search rows wait for a batch without it, or
 * holboo_store_update_teamlog_search().
 */
gboolean
holboo_store_apply_teamlog_batch (HolbooStore             *self,
                                  GPtrArray               *ops,
                                  HolbooTeamlogApplyFlags  flags,
                                  HolbooTeamlogApplied    *applied,
                                  GError                 **error)
{
  Replay replay = { self, g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL), 0, FALSE,
                    (flags & HOLBOO_TEAMLOG_APPLY_DEFER_SEARCH) != 0 };
  HolbooTeamlogApplied counts = { 0 };
  g_autoptr(GHashTable) dirty = replay.dirty;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (ops != NULL, FALSE);

  if (ops->len >= CATCH_UP_BATCH)
    _holboo_store_use_large_cache (self);

  if (!_holboo_store_begin (self, error))
    return FALSE;
  if (!_holboo_teamlog_find_indexed_max (&replay, error))
    goto failed;

  for (guint i = 0; i < ops->len; i++)
    {
      HolbooTeamlogOp *op = ops->pdata[i];
      sqlite3 *db = _holboo_store_get_db (self);
      gboolean done = FALSE;
      gint64 seq;

      g_return_val_if_fail (op->stanza_id != NULL && op->uuid != NULL && op->author != NULL, FALSE);

      /* Recorded first: an op the log already gave (an echo, a page
       * fetched twice) is not, and is not applied again. */
      if (!run (&replay, "INSERT OR IGNORE INTO teamlog_ops (stanza_id, uuid, type, version, author, server_ts,"
                         " applied, payload) VALUES (?, ?, ?, ?, ?, ?, 1, NULL)", error, "sssisi",
                op->stanza_id, op->uuid, op->type_name != NULL ? op->type_name : "", (gint64) op->version,
                op->author, op->server_ts))
        goto failed;
      if (sqlite3_changes (db) == 0)
        {
          counts.n_duplicate++;
          continue;
        }
      seq = sqlite3_last_insert_rowid (db);
      if (!_holboo_teamlog_apply_one (&replay, op, &done, error))
        goto failed;
      /* What was applied needs no XML kept; what was not keeps it for a
       * version that can apply it. */
      if (!done &&
          !run (&replay, "UPDATE teamlog_ops SET applied = 0, payload = ? WHERE seq = ?", error, "si",
                op->payload != NULL ? op->payload : "", seq))
        goto failed;
      if (done)
        counts.n_applied++;
      else
        counts.n_skipped++;
    }

  if (!_holboo_teamlog_outbox_settle (&replay, ops, error) ||
      !_holboo_teamlog_update_search (&replay, error))
    goto failed;

  if (!_holboo_store_commit (self, error))
    goto failed;
  if (applied != NULL)
    *applied = counts;
  return TRUE;

failed:
  _holboo_store_rollback (self);
  return FALSE;
}

/**
 * holboo_store_dup_teamlog_position:
 *
 * Returns: (transfer full) (nullable): the archive id of the newest op
 *   in the log, where catching up goes on from; %NULL (without @error)
 *   for an empty log
 */
char *
holboo_store_dup_teamlog_position (HolbooStore  *self,
                                   GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self, "SELECT stanza_id FROM teamlog_ops ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = _holboo_store_step (self, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gboolean
holboo_store_count_teamlog_ops (HolbooStore  *self,
                                gint64       *count,
                                GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);

  stmt = _holboo_store_prepare (self, "SELECT count(*) FROM teamlog_ops", error);
  if (stmt == NULL || _holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}
