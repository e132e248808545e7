/* holboo-store-outbox.c: outgoing messages from typed to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

/* The outbox is not a table of its own: it is the outgoing rows still
 * PENDING or SENT (index messages_outbox), so a message is in the outbox
 * and in its conversation in one write, and leaves the outbox by the
 * same UPDATE that records the server's ack. */

/**
 * holboo_store_outbox_add:
 * @self: an open store
 * @message: a new outgoing message: @peer, @kind, @from_jid (this
 *   account), @to_jid, @body, @timestamp and @receipt_requested set
 * @error: return location for a #GError
 *
 * Stores @message as pending in the outbox and in its conversation, in
 * one transaction, so that it survives a crash or a quit and is sent
 * when a connection is there.  Fills in @message: @id,
 * @conversation_id, @direction (outgoing), @state (pending), and — when
 * they are %NULL — @origin_id (a new UUID) and @message_id (the same
 * value, so that receipts, which name the id attribute, find it).
 * Every (re)send of the row uses the same ids: receivers, and the store
 * itself when the copy comes back by carbon or MAM, keep it once.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_outbox_add (HolbooStore          *self,
                         HolbooStoredMessage  *message,
                         GError              **error)
{
  HolbooStoredMessage *messages[1] = { message };
  HolbooInsertResult result;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (message->id == 0, FALSE);

  message->direction = HOLBOO_MESSAGE_OUTGOING;
  message->state = HOLBOO_MESSAGE_STATE_PENDING;
  if (message->origin_id == NULL)
    message->origin_id = g_uuid_string_random ();
  if (message->message_id == NULL)
    message->message_id = g_strdup (message->origin_id);

  if (!holboo_store_insert_messages (self, messages, 1, &result, error))
    return FALSE;

  /* A caller that reuses an origin-id gets the row it already has. */
  if (result.outcome != HOLBOO_INSERT_NEW)
    g_debug ("Outbox message %s was stored already, as row %" G_GINT64_FORMAT,
             message->origin_id, result.id);

  message->id = result.id;
  message->conversation_id = result.conversation_id;
  return TRUE;
}

/**
 * holboo_store_outbox_list:
 * @self: an open store
 * @error: return location for a #GError
 *
 * The messages to (re)send after connecting: every outgoing message that
 * is pending, or was sent on a stream and not acked, in the order they
 * were written — except those whose file is not uploaded yet.
 *
 * Returns: (transfer full) (element-type HolbooStoredMessage): the
 *   outbox, or %NULL with @error set
 */
GPtrArray *
holboo_store_outbox_list (HolbooStore  *self,
                          GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_MESSAGE_COLUMNS HOLBOO_STORE_MESSAGE_FROM
                                "WHERE m.state IN (1, 2) AND m.id NOT IN"
                                " (SELECT message_id FROM attachments WHERE state IN (0, 1))"
                                " ORDER BY m.id;",
                                error);
  if (stmt == NULL)
    return NULL;
  return _holboo_store_collect_messages (self, stmt, error);
}

/* Runs an UPDATE … RETURNING id and reads the row it changed. */
static HolbooStoredMessage *
update_and_get (HolbooStore   *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  gint64 id;
  gboolean ok;

  ok = _holboo_store_step_returning_id (self, stmt, &id, error);
  _holboo_store_stmt_release (stmt);
  if (!ok || id == 0)
    return NULL;

  return holboo_store_get_message (self, id, error);
}

/**
 * holboo_store_update_message_state:
 * @self: an open store
 * @id: an outgoing message's row id
 * @state: its new state: %HOLBOO_MESSAGE_STATE_SENT when written to a
 *   stream, %HOLBOO_MESSAGE_STATE_ACKED when the server acked it, then
 *   delivered and read; or %HOLBOO_MESSAGE_STATE_FAILED
 * @error: return location for a #GError
 *
 * Moves an outgoing message forward.  States never move back: a late
 * ack after a receipt, a receipt for a message already read, a failure
 * after an ack change nothing.  Acked and later rows leave the outbox.
 *
 * Returns: (transfer full) (nullable): the message as it is now, when
 *   this changed it; %NULL when it did not (no such outgoing message, or
 *   not a step forward), or with @error set on failure
 */
HolbooStoredMessage *
holboo_store_update_message_state (HolbooStore         *self,
                                   gint64               id,
                                   HolbooMessageState   state,
                                   GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (state > HOLBOO_MESSAGE_STATE_PENDING &&
                        state <= HOLBOO_MESSAGE_STATE_READ, NULL);

  stmt = _holboo_store_prepare (self,
                                "UPDATE messages SET state = ?2 "
                                "WHERE id = ?1 AND direction = 1 AND state < ?2 RETURNING id;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, state);
  return update_and_get (self, stmt, error);
}

/**
 * holboo_store_update_message_state_by_origin_id:
 * @self: an open store
 * @peer: the conversation (the bare JID a receipt or marker came from)
 * @origin_id: the message's origin-id (our message id attributes are the
 *   same value)
 * @state: as for holboo_store_update_message_state()
 * @error: return location for a #GError
 *
 * Like holboo_store_update_message_state(), for an outgoing message
 * named by a receipt, a chat marker or an error reply.  Only a message
 * of @peer's conversation matches: nobody else can confirm it.
 *
 * Returns: (transfer full) (nullable): as for
 *   holboo_store_update_message_state()
 */
HolbooStoredMessage *
holboo_store_update_message_state_by_origin_id (HolbooStore         *self,
                                                const char          *peer,
                                                const char          *origin_id,
                                                HolbooMessageState   state,
                                                GError             **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);
  g_return_val_if_fail (origin_id != NULL, NULL);
  g_return_val_if_fail (state > HOLBOO_MESSAGE_STATE_PENDING &&
                        state <= HOLBOO_MESSAGE_STATE_READ, NULL);

  stmt = _holboo_store_prepare (self,
                                "UPDATE messages SET state = ?3 "
                                "WHERE conversation_id = (SELECT id FROM conversations WHERE peer = ?1) "
                                "AND direction = 1 AND sender = '' AND origin_id = ?2 AND state < ?3 "
                                "RETURNING id;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, peer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, origin_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, state);
  return update_and_get (self, stmt, error);
}

/**
 * holboo_store_outbox_retry:
 * @self: an open store
 * @id: a failed outgoing message's row id
 * @error: return location for a #GError
 *
 * Puts a failed message back in the outbox (the user asked to send it
 * again), at its old place in the order, with its old ids.
 *
 * Returns: (transfer full) (nullable): the message as it is now, or %NULL
 *   when it is not a failed outgoing message, or with @error set
 */
HolbooStoredMessage *
holboo_store_outbox_retry (HolbooStore  *self,
                           gint64        id,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "UPDATE messages SET state = 1 "
                                "WHERE id = ?1 AND direction = 1 AND state = 3 RETURNING id;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return update_and_get (self, stmt, error);
}
