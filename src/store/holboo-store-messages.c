/* holboo-store-messages.c: storing messages exactly once
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
  gboolean               recount;   /* actions applied in the batch moved the read mark or unread rows */
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
                                "SELECT " HOLBOO_STORE_CONVERSATION_COLUMNS " FROM conversations WHERE peer = ?1;",
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
                                "  stanza_id_by, receipt_requested, markable, reply_to_id, reply_to_jid,"
                                "  reply_to_row, reply_quote) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                "  ?15, ?16, ?17, ?18, ?19) "
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
  sqlite3_bind_int (stmt, 15, m->markable ? 1 : 0);
  if (m->reply_to_id != NULL)
    {
      _holboo_store_bind_text (stmt, 16, m->reply_to_id);
      _holboo_store_bind_text (stmt, 17, m->reply_to_jid);
      if (m->reply_to_row != 0)
        sqlite3_bind_int64 (stmt, 18, m->reply_to_row);
      _holboo_store_bind_text (stmt, 19, m->reply_preview);
    }

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
                    const gboolean             *indexed,
                    guint                       n_messages,
                    GError                    **error)
{
  for (guint i = 0; i < n_messages; i++)
    {
      g_autoptr(HolbooStoreStmt) stmt = NULL;

      if (results[i].outcome != HOLBOO_INSERT_NEW || (indexed != NULL && indexed[i]))
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

/* Indexes one new row at once: before an action that waited for it
 * changes its body (the update trigger takes the old body out of the
 * index, so it must be in). */
static gboolean
index_now (HolbooStore                *self,
           gint64                      id,
           const HolbooStoredMessage  *m,
           GError                    **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  stmt = _holboo_store_prepare (self, "INSERT INTO messages_fts (rowid, body) VALUES (?1, ?2);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, m->body, -1, SQLITE_STATIC);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
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

/* Writes what a batch changed about a conversation.  A message we
 * wrote (on any device) means the user has seen the conversation up to
 * it. */
static gboolean
update_conversation (HolbooStore        *self,
                     ConversationState  *conv,
                     GError            **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  gint64 read_until;
  guint unread = conv->unread + conv->new_unread;

  /* Actions that waited for this batch's messages (a displayed marker of
   * another device, a retraction) changed the row: start from it. */
  if (conv->recount)
    {
      g_autoptr(HolbooStoredConversation) now = holboo_store_get_conversation_by_id (self, conv->id, error);

      if (now == NULL)
        return FALSE;
      conv->read_until = now->read_until;
    }

  read_until = MAX (conv->read_until, conv->max_outgoing_ts);
  if ((read_until > conv->read_until || conv->recount) &&
      !_holboo_store_count_unread (self, conv->id, read_until, &unread, error))
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

/* What a new row sets off: the message it answers, and the actions
 * that waited for it (only looked for while some wait). */
static gboolean
after_insert (HolbooStore                *self,
              gint64                      conversation_id,
              gint64                      id,
              const HolbooStoredMessage  *m,
              gboolean                   *has_pending,
              gboolean                   *indexed,
              HolbooInsertResult         *result,
              GError                    **error)
{
  if (m->reply_to_id != NULL)
    {
      if (!_holboo_store_link_reply (self, conversation_id, id, m, error))
        return FALSE;
      *has_pending = TRUE;
    }

  if (*has_pending)
    {
      if (!index_now (self, id, m, error))
        return FALSE;
      *indexed = TRUE;
      if (!_holboo_store_apply_pending (self, conversation_id, id, m, &result->actions_applied, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_one (HolbooStore                *self,
            GHashTable                 *conversations,
            const HolbooStoredMessage  *m,
            guint                       index,
            gboolean                   *has_pending,
            gboolean                   *indexed,
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
  /* A private message through a room (a carbon, an archived copy) must
   * not slip into the room's group conversation, nor a group message
   * into a chat. */
  if (conv->kind != m->kind)
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID,
                   _("A message for “%s” does not belong in its conversation"), m->peer);
      return FALSE;
    }
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
          if (m->attachment != NULL && !_holboo_store_insert_attachment (self, id, m->attachment, error))
            return FALSE;
          result->outcome = HOLBOO_INSERT_NEW;
          result->id = id;
          note_new_message (conv, m, id);
          if (!after_insert (self, conv->id, id, m, has_pending, indexed, result, error))
            return FALSE;
          conv->recount |= result->actions_applied;
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
  g_autofree gboolean *indexed = NULL;
  gboolean has_pending = FALSE;
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

  if (!_holboo_store_has_pending_actions (self, &has_pending, &local_error))
    goto fail;
  indexed = g_new0 (gboolean, n_messages);

  for (guint i = 0; i < n_messages; i++)
    {
      results[i] = (HolbooInsertResult) { 0, };
      if (!insert_one (self, conversations, messages[i], i, &has_pending, &indexed[i], &results[i], &local_error))
        goto fail;
    }

  g_hash_table_iter_init (&iter, conversations);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &conv))
    if (conv->dirty && !update_conversation (self, conv, &local_error))
      goto fail;

  if (!index_new_messages (self, messages, results, indexed, n_messages, &local_error) ||
      !_holboo_store_commit (self, &local_error))
    goto fail;
  return TRUE;

fail:
  _holboo_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
