/* holboo-store-messages-private.h: helpers shared by the message files
 * of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store-messages.h"
#include "holboo-store-private.h"

G_BEGIN_DECLS

/* The columns _holboo_store_message_from_row() reads, from
 * "messages m JOIN conversations c". */
#define HOLBOO_STORE_MESSAGE_COLUMNS \
  "m.id, m.conversation_id, c.peer, c.kind, m.direction, m.state, m.from_jid, m.to_jid, " \
  "m.body, m.timestamp, m.server_ts, m.message_id, m.origin_id, m.stanza_id, " \
  "m.stanza_id_by, m.receipt_requested"
#define HOLBOO_STORE_MESSAGE_FROM \
  " FROM messages m JOIN conversations c ON c.id = m.conversation_id "

HolbooStoredMessage *_holboo_store_message_from_row (sqlite3_stmt *stmt);

/* The columns _holboo_store_conversation_from_row() reads. */
#define HOLBOO_STORE_CONVERSATION_COLUMNS \
  "id, peer, kind, last_activity, last_message_id, unread, read_until"

HolbooStoredConversation *_holboo_store_conversation_from_row (sqlite3_stmt *stmt);

/* The incoming messages of a conversation newer than @read_until. */
gboolean             _holboo_store_count_unread     (HolbooStore  *self,
                                                     gint64        conversation_id,
                                                     gint64        read_until,
                                                     guint        *out,
                                                     GError      **error);

/* Binds @text, or NULL for %NULL, without a copy: @text must live until
 * the statement is released. */
int                  _holboo_store_bind_text        (sqlite3_stmt *stmt,
                                                     int           index,
                                                     const char   *text);

/* Runs a statement that returns message rows (HOLBOO_STORE_MESSAGE_COLUMNS)
 * and releases it.  Returns %NULL with @error set on failure. */
GPtrArray           *_holboo_store_collect_messages (HolbooStore  *self,
                                                     sqlite3_stmt *stmt,
                                                     GError      **error);

G_END_DECLS
