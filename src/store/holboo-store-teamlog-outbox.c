/* holboo-store-teamlog-outbox.c: ops typed here, waiting for the log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An op typed here is applied to the customer tables at once and kept
 * in teamlog_outbox until the log room echoes it; it is not recorded in
 * teamlog_ops, so the echo is applied in its place in server order
 * like anyone's op (applying it again changes nothing: fields get the
 * same value, events and customers exist by uuid).
 *
 * Whatever the log brings before the echo came before the op in server
 * order, so after each batch from the log the ops still waiting are
 * applied again, in the order they were typed: the tables then show the
 * log followed by the outbox, which is what every member will have once
 * the outbox is sent.  Deletes and merges are not applied before the
 * log has them: what they do depends on everything before them.
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-teamlog-private.h"

static HolbooStoreStmt *
prepare (HolbooStore  *self,
         const char   *sql,
         GError      **error)
{
  return _holboo_store_prepare (self, sql, error);
}

static void
bind_text (HolbooStoreStmt *stmt,
           int              index,
           const char      *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_dup (HolbooStoreStmt *stmt,
            int              index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static gboolean
load_fields (HolbooStore      *self,
             gint64            seq,
             HolbooTeamlogOp  *op,
             GError          **error)
{
  g_autoptr(HolbooStoreStmt) stmt = prepare (self, "SELECT name, value FROM teamlog_outbox_fields"
                                                   " WHERE seq = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    holboo_teamlog_op_add_field (op, (const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1));
  return rc != 0;
}

/**
 * holboo_store_list_teamlog_outbox:
 * @customer: (nullable): only this customer's ops
 *
 * Returns: (transfer container) (element-type HolbooTeamlogOp)
 *   (nullable): the ops waiting to be sent or echoed, oldest first
 *   (without stanza_id or server_ts), or %NULL with @error
 */
GPtrArray *
holboo_store_list_teamlog_outbox (HolbooStore  *self,
                                  const char   *customer,
                                  GError      **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT seq, uuid, kind, type, customer, target, body, at, data, author, submitted_at"
                        " FROM teamlog_outbox WHERE ?1 IS NULL OR customer = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, customer);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      HolbooTeamlogOp *op = holboo_teamlog_op_new ();

      op->uuid = column_dup (stmt, 1);
      op->kind = sqlite3_column_int (stmt, 2);
      op->type_name = column_dup (stmt, 3);
      op->customer = column_dup (stmt, 4);
      op->target = column_dup (stmt, 5);
      op->body = column_dup (stmt, 6);
      op->at = sqlite3_column_int64 (stmt, 7);
      op->data = column_dup (stmt, 8);
      op->author = column_dup (stmt, 9);
      op->server_ts = sqlite3_column_int64 (stmt, 10);
      op->version = 1;
      g_ptr_array_add (ops, op);
      if (!load_fields (self, sqlite3_column_int64 (stmt, 0), op, error))
        return NULL;
    }
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&ops);
}

static gboolean
insert_op (HolbooStore      *self,
           HolbooTeamlogOp  *op,
           GError          **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  gint64 seq;

  stmt = prepare (self, "INSERT INTO teamlog_outbox (uuid, kind, type, customer, target, body, at, data,"
                        " author, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, op->uuid);
  sqlite3_bind_int (stmt, 2, op->kind);
  bind_text (stmt, 3, op->type_name);
  bind_text (stmt, 4, op->customer);
  bind_text (stmt, 5, op->target);
  bind_text (stmt, 6, op->body);
  sqlite3_bind_int64 (stmt, 7, op->at);
  bind_text (stmt, 8, op->data);
  bind_text (stmt, 9, op->author);
  sqlite3_bind_int64 (stmt, 10, op->server_ts);
  if (!_holboo_store_step_returning_id (self, stmt, &seq, error))
    return FALSE;
  g_clear_pointer (&stmt, _holboo_store_stmt_release);

  for (guint i = 0; op->fields != NULL && i < op->fields->len; i++)
    {
      HolbooTeamlogField *field = op->fields->pdata[i];

      stmt = prepare (self, "INSERT INTO teamlog_outbox_fields (seq, position, name, value) VALUES (?, ?, ?, ?)",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, seq);
      sqlite3_bind_int (stmt, 2, i);
      bind_text (stmt, 3, field->name);
      bind_text (stmt, 4, field->value);
      if (_holboo_store_step (self, stmt, error) == 0)
        return FALSE;
      g_clear_pointer (&stmt, _holboo_store_stmt_release);
    }
  return TRUE;
}

/**
 * holboo_store_submit_teamlog_op:
 * @op: an op typed here, checked, with its uuid, type_name, author (our
 *   bare JID) and server_ts (now: when it was typed)
 *
 * Keeps @op in the outbox and applies it (see above), in one
 * transaction.  An op already in the outbox or the log changes nothing.
 */
gboolean
holboo_store_submit_teamlog_op (HolbooStore      *self,
                                HolbooTeamlogOp  *op,
                                GError          **error)
{
  g_autoptr(GHashTable) dirty = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Replay replay = { self, dirty, 0, TRUE };
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  gboolean applied;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (op->uuid != NULL && op->customer != NULL && op->author != NULL, FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;

  stmt = prepare (self, "SELECT 1 FROM teamlog_ops WHERE uuid = ?1 UNION ALL"
                        " SELECT 1 FROM teamlog_outbox WHERE uuid = ?1", error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, op->uuid);
  rc = _holboo_store_step (self, stmt, error);
  if (rc == 0)
    goto failed;
  g_clear_pointer (&stmt, _holboo_store_stmt_release);
  if (rc == SQLITE_ROW)
    return _holboo_store_commit (self, error);

  if (!_holboo_teamlog_find_indexed_max (&replay, error) ||
      !insert_op (self, op, error) ||
      !_holboo_teamlog_apply_one (&replay, op, &applied, error) ||
      !_holboo_teamlog_update_search (&replay, error) ||
      !_holboo_store_commit (self, error))
    goto failed;
  return TRUE;

failed:
  _holboo_store_rollback (self);
  return FALSE;
}

static gboolean
remove_echoed (Replay     *replay,
               GPtrArray  *ops,
               gboolean   *others,
               GError    **error)
{
  g_autoptr(HolbooStoreStmt) any = NULL;
  int rc;

  *others = FALSE;
  /* Mostly the outbox is empty: one look, not one per op. */
  any = prepare (replay->store, "SELECT 1 FROM teamlog_outbox LIMIT 1", error);
  if (any == NULL)
    return FALSE;
  rc = _holboo_store_step (replay->store, any, error);
  if (rc == 0)
    return FALSE;
  if (rc == SQLITE_DONE)
    return TRUE;
  g_clear_pointer (&any, _holboo_store_stmt_release);

  for (guint i = 0; i < ops->len; i++)
    {
      HolbooTeamlogOp *op = ops->pdata[i];
      g_autoptr(HolbooStoreStmt) stmt = prepare (replay->store, "DELETE FROM teamlog_outbox WHERE uuid = ?", error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, op->uuid);
      if (_holboo_store_step (replay->store, stmt, error) == 0)
        return FALSE;
      if (sqlite3_changes (_holboo_store_get_db (replay->store)) == 0)
        *others = TRUE;
    }
  return TRUE;
}

gboolean
_holboo_teamlog_outbox_settle (Replay     *replay,
                               GPtrArray  *ops,
                               GError    **error)
{
  g_autoptr(GPtrArray) waiting = NULL;
  gboolean others;

  if (!remove_echoed (replay, ops, &others, error))
    return FALSE;
  /* Only our own echoes, in order: the tables already show the rest. */
  if (!others)
    return TRUE;

  waiting = holboo_store_list_teamlog_outbox (replay->store, NULL, error);
  if (waiting == NULL)
    return FALSE;
  replay->optimistic = TRUE;
  for (guint i = 0; i < waiting->len; i++)
    {
      gboolean applied;

      if (!_holboo_teamlog_apply_one (replay, waiting->pdata[i], &applied, error))
        return FALSE;
    }
  replay->optimistic = FALSE;
  return TRUE;
}

/**
 * holboo_store_count_teamlog_outbox:
 *
 * Returns: the ops waiting in the outbox, or -1 with @error
 */
gint64
holboo_store_count_teamlog_outbox (HolbooStore  *self,
                                   GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), -1);

  stmt = prepare (self, "SELECT count(*) FROM teamlog_outbox", error);
  if (stmt == NULL || _holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int64 (stmt, 0);
}
