/* holboo-store-messages.c: storing messages exactly once, reading them
 * back in pages, and the conversations they belong to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

#include <glib/gi18n-lib.h>

/* A conversation touched by a batch: its row as it was, and what the
 * batch's new messages change about it. */
typedef struct {
  gint64                 id;
  HolbooConversationKind kind;
  gint64                 last_ts;
  gint64                 last_id;
  guint                  unread;
  gint64                 read_until;
  guint                  new_unread;
  gint64                 max_outgoing_ts;
  gboolean               dirty;
} ConversationState;

/* The columns of a dedup candidate. */
typedef struct {
  gint64              id;
  HolbooMessageState  state;
  gint64              server_ts;
  gboolean            has_stanza_id;
  gboolean            has_message_id;
  gboolean            receipt_requested;
} Existing;

#define EXISTING_COLUMNS "id, state, server_ts, stanza_id IS NOT NULL, message_id IS NOT NULL, receipt_requested"

int
_holboo_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, index);
  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

HolbooStoredMessage *
_holboo_store_message_from_row (sqlite3_stmt *stmt)
{
  HolbooStoredMessage *m = holboo_stored_message_new ();

  m->id = sqlite3_column_int64 (stmt, 0);
  m->conversation_id = sqlite3_column_int64 (stmt, 1);
  m->peer = dup_column (stmt, 2);
  m->kind = sqlite3_column_int (stmt, 3);
  m->direction = sqlite3_column_int (stmt, 4);
  m->state = sqlite3_column_int (stmt, 5);
  m->from_jid = dup_column (stmt, 6);
  m->to_jid = dup_column (stmt, 7);
  m->body = dup_column (stmt, 8);
  m->timestamp = sqlite3_column_int64 (stmt, 9);
  m->server_ts = sqlite3_column_int64 (stmt, 10);
  m->message_id = dup_column (stmt, 11);
  m->origin_id = dup_column (stmt, 12);
  m->stanza_id = dup_column (stmt, 13);
  m->stanza_id_by = dup_column (stmt, 14);
  m->receipt_requested = sqlite3_column_int (stmt, 15) != 0;
  return m;
}

GPtrArray *
_holboo_store_collect_messages (HolbooStore  *self,
                                sqlite3_stmt *stmt,
                                GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  int rc;

  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, _holboo_store_message_from_row (stmt));
  _holboo_store_stmt_release (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

static HolbooStoredConversation *
conversation_from_row (sqlite3_stmt *stmt)
{
  HolbooStoredConversation *c = holboo_stored_conversation_new ();

  c->id = sqlite3_column_int64 (stmt, 0);
  c->peer = dup_column (stmt, 1);
  c->kind = sqlite3_column_int (stmt, 2);
  c->last_activity = sqlite3_column_int64 (stmt, 3);
  c->last_message_id = sqlite3_column_int64 (stmt, 4);
  c->unread = sqlite3_column_int (stmt, 5);
  c->read_until = sqlite3_column_int64 (stmt, 6);
  return c;
}

#define CONVERSATION_COLUMNS "id, peer, kind, last_activity, last_message_id, unread, read_until"

/* Finds or creates the conversation of @m, once per batch. */
static ConversationState *
lookup_conversation (HolbooStore                *self,
                     GHashTable                 *conversations,
                     const HolbooStoredMessage  *m,
                     GError                    **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  ConversationState *conv;
  int rc;

  conv = g_hash_table_lookup (conversations, m->peer);
  if (conv != NULL)
    return conv;

  stmt = _holboo_store_prepare (self,
                                "SELECT " CONVERSATION_COLUMNS " FROM conversations WHERE peer = ?1;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, m->peer, -1, SQLITE_STATIC);
  rc = _holboo_store_step (self, stmt, error);
  if (rc == 0)
    return NULL;

  conv = g_new0 (ConversationState, 1);
  if (rc == SQLITE_ROW)
    {
      conv->id = sqlite3_column_int64 (stmt, 0);
      conv->kind = sqlite3_column_int (stmt, 2);
      conv->last_ts = sqlite3_column_int64 (stmt, 3);
      conv->last_id = sqlite3_column_int64 (stmt, 4);
      conv->unread = sqlite3_column_int (stmt, 5);
      conv->read_until = sqlite3_column_int64 (stmt, 6);
    }
  else
    {
      g_clear_pointer (&stmt, _holboo_store_stmt_release);
      stmt = _holboo_store_prepare (self,
                                    "INSERT INTO conversations (peer, kind) VALUES (?1, ?2) RETURNING id;",
                                    error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, m->peer, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, m->kind);
      if (!_holboo_store_step_returning_id (self, stmt, &conv->id, error))
        goto fail;
      conv->kind = m->kind;
    }

  g_hash_table_insert (conversations, g_strdup (m->peer), conv);
  return conv;

fail:
  g_free (conv);
  return NULL;
}

/* Whose origin-ids these are: ours (any of our devices) and a chat
 * peer's need no name; in a group each occupant has its own. */
static const char *
sender_scope (const ConversationState   *conv,
              const HolbooStoredMessage *m)
{
  if (conv->kind == HOLBOO_CONVERSATION_GROUP && m->direction == HOLBOO_MESSAGE_INCOMING &&
      m->from_jid != NULL)
    return m->from_jid;
  return "";
}

/* Runs a SELECT EXISTING_COLUMNS statement: TRUE with @out filled when
 * it found a row, FALSE with @found unset when not, FALSE with @error
 * set on failure. */
static gboolean
find_existing (HolbooStore   *self,
               sqlite3_stmt  *stmt,
               Existing      *out,
               gboolean      *found,
               GError       **error)
{
  int rc = _holboo_store_step (self, stmt, error);

  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      out->id = sqlite3_column_int64 (stmt, 0);
      out->state = sqlite3_column_int (stmt, 1);
      out->server_ts = sqlite3_column_int64 (stmt, 2);
      out->has_stanza_id = sqlite3_column_int (stmt, 3);
      out->has_message_id = sqlite3_column_int (stmt, 4);
      out->receipt_requested = sqlite3_column_int (stmt, 5);
    }
  _holboo_store_stmt_release (stmt);
  return rc != 0;
}

/* Looks for a stored copy of @m: by archive id, then by origin-id, then
 * (@legacy, for senders without origin-ids) by stanza id attribute and
 * body.  Returns FALSE on error; *@found says whether it found one. */
static gboolean
find_copy (HolbooStore                *self,
           const ConversationState    *conv,
           const HolbooStoredMessage  *m,
           gboolean                    legacy,
           Existing                   *out,
           gboolean                   *found,
           GError                    **error)
{
  sqlite3_stmt *stmt;

  *found = FALSE;

  if (m->stanza_id != NULL && m->stanza_id_by != NULL)
    {
      stmt = _holboo_store_prepare (self,
                                    "SELECT " EXISTING_COLUMNS " FROM messages "
                                    "WHERE conversation_id = ?1 AND stanza_id_by = ?2 AND stanza_id = ?3;",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, conv->id);
      sqlite3_bind_text (stmt, 2, m->stanza_id_by, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, m->stanza_id, -1, SQLITE_STATIC);
      if (!find_existing (self, stmt, out, found, error))
        return FALSE;
      if (*found)
        return TRUE;
    }

  if (m->origin_id != NULL)
    {
      stmt = _holboo_store_prepare (self,
                                    "SELECT " EXISTING_COLUMNS " FROM messages "
                                    "WHERE conversation_id = ?1 AND direction = ?2 AND sender = ?3 "
                                    "AND origin_id = ?4;",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, conv->id);
      sqlite3_bind_int (stmt, 2, m->direction);
      sqlite3_bind_text (stmt, 3, sender_scope (conv, m), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, m->origin_id, -1, SQLITE_STATIC);
      return find_existing (self, stmt, out, found, error);
    }

  if (legacy && m->message_id != NULL && m->body != NULL)
    {
      /* Two copies that each carry an archive id but different ones are
       * two messages, whatever their id attributes say. */
      stmt = _holboo_store_prepare (self,
                                    "SELECT " EXISTING_COLUMNS " FROM messages "
                                    "WHERE conversation_id = ?1 AND message_id = ?2 AND origin_id IS NULL "
                                    "AND direction = ?3 AND sender = ?4 AND from_jid IS ?5 AND body = ?6 "
                                    "AND (stanza_id IS NULL OR ?7 IS NULL) "
                                    "ORDER BY id LIMIT 1;",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, conv->id);
      sqlite3_bind_text (stmt, 2, m->message_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, m->direction);
      sqlite3_bind_text (stmt, 4, sender_scope (conv, m), -1, SQLITE_STATIC);
      _holboo_store_bind_text (stmt, 5, m->from_jid);
      sqlite3_bind_text (stmt, 6, m->body, -1, SQLITE_STATIC);
      _holboo_store_bind_text (stmt, 7, m->stanza_id);
      return find_existing (self, stmt, out, found, error);
    }

  return TRUE;
}

/* Teaches the stored copy @e what @m knows that it does not. */
static gboolean
merge_copy (HolbooStore                *self,
            const Existing             *e,
            const HolbooStoredMessage  *m,
            HolbooInsertOutcome        *outcome,
            GError                    **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  gboolean take_stanza_id = !e->has_stanza_id && m->stanza_id != NULL && m->stanza_id_by != NULL;
  gboolean take_server_ts = e->server_ts == 0 && m->server_ts != 0;
  gboolean take_message_id = !e->has_message_id && m->message_id != NULL;
  gboolean take_receipt = !e->receipt_requested && m->receipt_requested;
  gboolean take_state = m->direction == HOLBOO_MESSAGE_OUTGOING && m->state > e->state;

  if (!take_stanza_id && !take_server_ts && !take_message_id && !take_receipt && !take_state)
    {
      *outcome = HOLBOO_INSERT_DUPLICATE;
      return TRUE;
    }

  stmt = _holboo_store_prepare (self,
                                "UPDATE messages SET "
                                "  stanza_id = coalesce (stanza_id, ?2),"
                                "  stanza_id_by = coalesce (stanza_id_by, ?3),"
                                "  server_ts = coalesce (server_ts, ?4),"
                                "  message_id = coalesce (message_id, ?5),"
                                "  receipt_requested = max (receipt_requested, ?6),"
                                "  state = CASE WHEN direction = 1 AND ?7 > state THEN ?7 ELSE state END "
                                "WHERE id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->id);
  _holboo_store_bind_text (stmt, 2, take_stanza_id ? m->stanza_id : NULL);
  _holboo_store_bind_text (stmt, 3, take_stanza_id ? m->stanza_id_by : NULL);
  if (take_server_ts)
    sqlite3_bind_int64 (stmt, 4, m->server_ts);
  _holboo_store_bind_text (stmt, 5, take_message_id ? m->message_id : NULL);
  sqlite3_bind_int (stmt, 6, m->receipt_requested ? 1 : 0);
  sqlite3_bind_int (stmt, 7, m->state);
  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;

  *outcome = HOLBOO_INSERT_UPDATED;
  return TRUE;
}

/* Inserts @m unless a uniqueness rule says it is stored already.
 * Returns FALSE on error; *@id is 0 when it was a copy. */
static gboolean
insert_row (HolbooStore                *self,
            const ConversationState    *conv,
            const HolbooStoredMessage  *m,
            gint64                     *id,
            GError                    **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self,
                                "INSERT INTO messages (conversation_id, direction, state, sender, from_jid,"
                                "  to_jid, body, timestamp, server_ts, message_id, origin_id, stanza_id,"
                                "  stanza_id_by, receipt_requested) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                                "ON CONFLICT DO NOTHING;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conv->id);
  sqlite3_bind_int (stmt, 2, m->direction);
  sqlite3_bind_int (stmt, 3, m->state);
  sqlite3_bind_text (stmt, 4, sender_scope (conv, m), -1, SQLITE_STATIC);
  _holboo_store_bind_text (stmt, 5, m->from_jid);
  _holboo_store_bind_text (stmt, 6, m->to_jid);
  _holboo_store_bind_text (stmt, 7, m->body);
  sqlite3_bind_int64 (stmt, 8, m->timestamp);
  if (m->server_ts != 0)
    sqlite3_bind_int64 (stmt, 9, m->server_ts);
  _holboo_store_bind_text (stmt, 10, m->message_id);
  _holboo_store_bind_text (stmt, 11, m->origin_id);
  _holboo_store_bind_text (stmt, 12, m->stanza_id);
  _holboo_store_bind_text (stmt, 13, m->stanza_id_by);
  sqlite3_bind_int (stmt, 14, m->receipt_requested ? 1 : 0);

  if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
    return FALSE;
  if (sqlite3_changes (_holboo_store_get_db (self)) == 0)
    {
      *id = 0;
      return TRUE;
    }
  *id = sqlite3_last_insert_rowid (_holboo_store_get_db (self));
  return TRUE;
}

/* Indexes the batch's new messages, by hand rather than by a trigger,
 * and last in the transaction: FTS5 (3.40) writes out its pending index
 * at every statement savepoint once it is part of a transaction, and a
 * trigger — or any later statement that may abort half-way, like the
 * conversations' UPDATE — opens one.  Done row by row, that was half of
 * the insert time. */
static gboolean
index_new_messages (HolbooStore                *self,
                    HolbooStoredMessage * const *messages,
                    const HolbooInsertResult   *results,
                    guint                       n_messages,
                    GError                    **error)
{
  for (guint i = 0; i < n_messages; i++)
    {
      g_autoptr(HolbooStoreStmt) stmt = NULL;

      if (results[i].outcome != HOLBOO_INSERT_NEW)
        continue;
      stmt = _holboo_store_prepare (self, "INSERT INTO messages_fts (rowid, body) VALUES (?1, ?2);", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, results[i].id);
      sqlite3_bind_text (stmt, 2, messages[i]->body, -1, SQLITE_STATIC);
      if (_holboo_store_step (self, stmt, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static void
note_new_message (ConversationState         *conv,
                  const HolbooStoredMessage *m,
                  gint64                     id)
{
  if (m->timestamp > conv->last_ts || (m->timestamp == conv->last_ts && id > conv->last_id))
    {
      conv->last_ts = m->timestamp;
      conv->last_id = id;
    }
  if (m->direction == HOLBOO_MESSAGE_INCOMING && m->timestamp > conv->read_until)
    conv->new_unread++;
  if (m->direction == HOLBOO_MESSAGE_OUTGOING)
    conv->max_outgoing_ts = MAX (conv->max_outgoing_ts, m->timestamp);
  conv->dirty = TRUE;
}

static gboolean
count_unread (HolbooStore  *self,
              gint64        conversation_id,
              gint64        read_until,
              guint        *out,
              GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self,
                                "SELECT count(*) FROM messages WHERE conversation_id = ?1 "
                                "AND timestamp > ?2 AND direction = 0;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, read_until);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* Writes what a batch changed about a conversation.  A message we
 * wrote (on any device) means the user has seen the conversation up to
 * it. */
static gboolean
update_conversation (HolbooStore        *self,
                     ConversationState  *conv,
                     GError            **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  gint64 read_until = MAX (conv->read_until, conv->max_outgoing_ts);
  guint unread = conv->unread + conv->new_unread;

  if (read_until > conv->read_until &&
      !count_unread (self, conv->id, read_until, &unread, error))
    return FALSE;

  stmt = _holboo_store_prepare (self,
                                "UPDATE conversations SET last_activity = ?2, last_message_id = ?3,"
                                "  unread = ?4, read_until = ?5 WHERE id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conv->id);
  sqlite3_bind_int64 (stmt, 2, conv->last_ts);
  if (conv->last_id != 0)
    sqlite3_bind_int64 (stmt, 3, conv->last_id);
  sqlite3_bind_int (stmt, 4, unread);
  sqlite3_bind_int64 (stmt, 5, read_until);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

static gboolean
insert_one (HolbooStore                *self,
            GHashTable                 *conversations,
            const HolbooStoredMessage  *m,
            guint                       index,
            HolbooInsertResult         *result,
            GError                    **error)
{
  ConversationState *conv;
  Existing existing;
  gboolean found = FALSE;
  gint64 id = 0;

  if (m->peer == NULL || *m->peer == '\0')
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID,
                   _("Message %u of the batch has no conversation"), index);
      return FALSE;
    }

  conv = lookup_conversation (self, conversations, m, error);
  if (conv == NULL)
    return FALSE;
  result->conversation_id = conv->id;

  /* Without an origin-id the copies have no unique key in common, so
   * look before inserting.  Otherwise insert, and look only when a
   * uniqueness rule refused the row. */
  if (m->origin_id == NULL && m->message_id != NULL &&
      !find_copy (self, conv, m, TRUE, &existing, &found, error))
    return FALSE;

  if (!found)
    {
      if (!insert_row (self, conv, m, &id, error))
        return FALSE;
      if (id != 0)
        {
          result->outcome = HOLBOO_INSERT_NEW;
          result->id = id;
          note_new_message (conv, m, id);
          return TRUE;
        }
      if (!find_copy (self, conv, m, FALSE, &existing, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_FAILED,
                       _("Database error in “%s”: %s"), holboo_store_get_path (self),
                       "a refused message has no stored copy");
          return FALSE;
        }
    }

  result->id = existing.id;
  return merge_copy (self, &existing, m, &result->outcome, error);
}

/**
 * holboo_store_insert_messages:
 * @self: an open store
 * @messages: (array length=n_messages): the messages, in the order they
 *   arrived; each needs @peer, @kind, @direction, @state, @from_jid,
 *   @to_jid, @body and @timestamp, and whatever ids it came with
 * @n_messages: how many
 * @results: (out caller-allocates) (array length=n_messages) (optional):
 *   for each message, whether it was new, and its row (undefined on
 *   failure)
 * @error: return location for a #GError
 *
 * Stores a batch of messages in one transaction, each exactly once: a
 * message already stored — by archive id, by origin-id, or by id
 * attribute and body when its sender sends no origin-id — is not stored
 * again; the stored copy learns what this one adds (its archive id and
 * time, a later delivery state).  A live copy, a carbon, a MAM result
 * and our own message coming back from the archive all land on one row.
 * Conversations are created as needed, and their last activity and
 * unread count are updated in the same transaction.
 *
 * On failure nothing of the batch is stored.  @messages are not
 * modified.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_insert_messages (HolbooStore                *self,
                              HolbooStoredMessage * const *messages,
                              guint                       n_messages,
                              HolbooInsertResult         *results,
                              GError                    **error)
{
  g_autoptr(GHashTable) conversations = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree HolbooInsertResult *local_results = NULL;
  GHashTableIter iter;
  ConversationState *conv;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (messages != NULL || n_messages == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_messages == 0)
    return TRUE;

  if (!_holboo_store_begin (self, error))
    return FALSE;

  conversations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (results == NULL)
    results = local_results = g_new0 (HolbooInsertResult, n_messages);

  for (guint i = 0; i < n_messages; i++)
    {
      results[i] = (HolbooInsertResult) { 0, };
      if (!insert_one (self, conversations, messages[i], i, &results[i], &local_error))
        goto fail;
    }

  g_hash_table_iter_init (&iter, conversations);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conv))
    if (conv->dirty && !update_conversation (self, conv, &local_error))
      goto fail;

  if (!index_new_messages (self, messages, results, n_messages, &local_error) ||
      !_holboo_store_commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  _holboo_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * holboo_store_get_message:
 * @self: an open store
 * @id: a message's row id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the message, or %NULL — with
 *   @error set on failure, unset when there is no such message
 */
HolbooStoredMessage *
holboo_store_get_message (HolbooStore  *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_MESSAGE_COLUMNS HOLBOO_STORE_MESSAGE_FROM
                                "WHERE m.id = ?1;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return _holboo_store_message_from_row (stmt);
}

/**
 * holboo_store_get_messages_before:
 * @self: an open store
 * @conversation_id: the conversation
 * @before: (nullable): return messages older than this position; %NULL
 *   for the newest
 * @limit: at most this many
 * @error: return location for a #GError
 *
 * One page of a conversation, found through its index on (timestamp,
 * id) — no OFFSET, so every page costs the same however far back it is.
 * The next older page is the one before the first message returned.
 *
 * Returns: (transfer full) (element-type HolbooStoredMessage): the
 *   messages, oldest first, or %NULL with @error set
 */
GPtrArray *
holboo_store_get_messages_before (HolbooStore                *self,
                                  gint64                      conversation_id,
                                  const HolbooMessageCursor  *before,
                                  guint                       limit,
                                  GError                    **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *rows;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_MESSAGE_COLUMNS HOLBOO_STORE_MESSAGE_FROM
                                "WHERE m.conversation_id = ?1 AND (m.timestamp, m.id) < (?2, ?3) "
                                "ORDER BY m.timestamp DESC, m.id DESC LIMIT ?4;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, before != NULL ? before->timestamp : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 3, before != NULL ? before->id : G_MAXINT64);
  sqlite3_bind_int64 (stmt, 4, limit);

  rows = _holboo_store_collect_messages (self, stmt, error);
  if (rows != NULL)
    {
      for (guint i = 0; i < rows->len / 2; i++)
        {
          gpointer tmp = rows->pdata[i];

          rows->pdata[i] = rows->pdata[rows->len - 1 - i];
          rows->pdata[rows->len - 1 - i] = tmp;
        }
    }
  return rows;
}

/**
 * holboo_store_get_messages_after:
 * @self: an open store
 * @conversation_id: the conversation
 * @after: (nullable): return messages newer than this position; %NULL
 *   for the oldest
 * @limit: at most this many
 * @error: return location for a #GError
 *
 * Like holboo_store_get_messages_before(), forwards.
 *
 * Returns: (transfer full) (element-type HolbooStoredMessage): the
 *   messages, oldest first, or %NULL with @error set
 */
GPtrArray *
holboo_store_get_messages_after (HolbooStore                *self,
                                 gint64                      conversation_id,
                                 const HolbooMessageCursor  *after,
                                 guint                       limit,
                                 GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_MESSAGE_COLUMNS HOLBOO_STORE_MESSAGE_FROM
                                "WHERE m.conversation_id = ?1 AND (m.timestamp, m.id) > (?2, ?3) "
                                "ORDER BY m.timestamp, m.id LIMIT ?4;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, after != NULL ? after->timestamp : G_MININT64);
  sqlite3_bind_int64 (stmt, 3, after != NULL ? after->id : G_MININT64);
  sqlite3_bind_int64 (stmt, 4, limit);

  return _holboo_store_collect_messages (self, stmt, error);
}

/**
 * holboo_store_count_messages:
 * @self: an open store
 * @conversation_id: the conversation
 * @out_count: (out): the number of its messages
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_count_messages (HolbooStore  *self,
                             gint64        conversation_id,
                             guint        *out_count,
                             GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_count != NULL, FALSE);

  stmt = _holboo_store_prepare (self,
                                "SELECT count(*) FROM messages WHERE conversation_id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;
  *out_count = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static HolbooStoredConversation *
get_conversation (HolbooStore  *self,
                  const char   *sql,
                  const char   *peer,
                  gint64        id,
                  GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  if (peer != NULL)
    sqlite3_bind_text (stmt, 1, peer, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return conversation_from_row (stmt);
}

/**
 * holboo_store_get_conversation:
 * @self: an open store
 * @peer: the peer's bare JID
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the conversation, or %NULL — with
 *   @error set on failure, unset when there is none
 */
HolbooStoredConversation *
holboo_store_get_conversation (HolbooStore  *self,
                               const char   *peer,
                               GError      **error)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);

  return get_conversation (self, "SELECT " CONVERSATION_COLUMNS " FROM conversations WHERE peer = ?1;",
                           peer, 0, error);
}

/**
 * holboo_store_get_conversation_by_id:
 * @self: an open store
 * @id: the conversation's row id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the conversation, or %NULL — with
 *   @error set on failure, unset when there is none
 */
HolbooStoredConversation *
holboo_store_get_conversation_by_id (HolbooStore  *self,
                                     gint64        id,
                                     GError      **error)
{
  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  return get_conversation (self, "SELECT " CONVERSATION_COLUMNS " FROM conversations WHERE id = ?1;",
                           NULL, id, error);
}

/**
 * holboo_store_list_conversations:
 * @self: an open store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type HolbooStoredConversation): all
 *   conversations, the most recently active first, or %NULL with @error
 *   set
 */
GPtrArray *
holboo_store_list_conversations (HolbooStore  *self,
                                 GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " CONVERSATION_COLUMNS " FROM conversations "
                                "ORDER BY last_activity DESC, id DESC;",
                                error);
  if (stmt == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_conversation_unref);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, conversation_from_row (stmt));
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

/**
 * holboo_store_mark_conversation_read:
 * @self: an open store
 * @conversation_id: the conversation
 * @until: the user has seen every message up to this time (µs)
 * @error: return location for a #GError
 *
 * Moves the conversation's read mark forward (never back) and recounts
 * its unread messages.
 *
 * Returns: %TRUE on success (also when the mark was already later, or
 *   there is no such conversation)
 */
gboolean
holboo_store_mark_conversation_read (HolbooStore  *self,
                                     gint64        conversation_id,
                                     gint64        until,
                                     GError      **error)
{
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  guint unread;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);

  if (!_holboo_store_begin (self, error))
    return FALSE;

  conv = holboo_store_get_conversation_by_id (self, conversation_id, &local_error);
  if (conv == NULL || until <= conv->read_until)
    goto done;

  if (!count_unread (self, conversation_id, until, &unread, &local_error))
    goto done;

  stmt = _holboo_store_prepare (self,
                                "UPDATE conversations SET read_until = ?2, unread = ?3 WHERE id = ?1;",
                                &local_error);
  if (stmt == NULL)
    goto done;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, until);
  sqlite3_bind_int (stmt, 3, unread);
  _holboo_store_step (self, stmt, &local_error);
  _holboo_store_stmt_release (stmt);

done:
  if (local_error == NULL && _holboo_store_commit (self, &local_error))
    return TRUE;
  _holboo_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
