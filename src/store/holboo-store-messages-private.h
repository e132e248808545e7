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
  "m.stanza_id_by, m.receipt_requested, m.markable, m.edited_at, m.retracted, " \
  "(m.direction = 0 AND m.timestamp <= c.read_until), m.reply_to_id, m.reply_to_jid, m.reply_to_row, " \
  "CASE WHEN m.reply_to_id IS NULL THEN NULL WHEN r.id IS NULL THEN m.reply_quote " \
  "  WHEN r.retracted THEN NULL ELSE substr (r.body, 1, " G_STRINGIFY (HOLBOO_STORE_REPLY_PREVIEW_CHARS) ") END, " \
  "m.reactions"
/* The message answered by a reply, for its preview. */
#define HOLBOO_STORE_MESSAGE_FROM \
  " FROM messages m JOIN conversations c ON c.id = m.conversation_id " \
  "LEFT JOIN messages r ON r.id = m.reply_to_row "

/* How much of a message answered the preview above a reply shows. */
#define HOLBOO_STORE_REPLY_PREVIEW_CHARS 200

HolbooStoredMessage *_holboo_store_message_from_row (sqlite3_stmt *stmt);
/* Parses a reactions summary column ("emoji TAB count TAB own" lines). */
GPtrArray           *_holboo_store_parse_reactions  (const char   *summary);

/* holboo-store-actions.c.  Inside holboo_store_insert_messages()'s
 * transaction: whether actions wait for messages at all (asked once per
 * batch), and applying those that waited for the new row @m. */
gboolean             _holboo_store_has_pending_actions (HolbooStore  *self,
                                                     gboolean     *out,
                                                     GError      **error);
gboolean             _holboo_store_apply_pending    (HolbooStore                *self,
                                                     gint64                      conversation_id,
                                                     gint64                      id,
                                                     const HolbooStoredMessage  *m,
                                                     gboolean                   *applied,
                                                     GError                    **error);
/* A new reply: its quoted message's row, or a pending reply action. */
gboolean             _holboo_store_link_reply       (HolbooStore                *self,
                                                     gint64                      conversation_id,
                                                     gint64                      id,
                                                     const HolbooStoredMessage  *m,
                                                     GError                    **error);

/* The columns _holboo_store_conversation_from_row() reads. */
#define HOLBOO_STORE_CONVERSATION_COLUMNS \
  "id, peer, kind, last_activity, last_message_id, unread, read_until, displayed_until, muted, pinned"

HolbooStoredConversation *_holboo_store_conversation_from_row (sqlite3_stmt *stmt);

/* The incoming messages of a conversation newer than @read_until. */
gboolean             _holboo_store_count_unread     (HolbooStore  *self,
                                                     gint64        conversation_id,
                                                     gint64        read_until,
                                                     guint        *out,
                                                     GError      **error);

/* Inside a transaction: moves a conversation's read mark forward. */
gboolean             _holboo_store_move_read_mark   (HolbooStore  *self,
                                                     gint64        conversation_id,
                                                     gint64        until,
                                                     gboolean     *moved,
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

/* holboo-store-attachments.c.  Insert: inside the caller's transaction.
 * Fill: sets @m->attachment from the table (or clears it). */
gboolean             _holboo_store_insert_attachment (HolbooStore                  *self,
                                                      gint64                        message_id,
                                                      const HolbooStoredAttachment *attachment,
                                                      GError                      **error);
gboolean             _holboo_store_fill_attachment  (HolbooStore          *self,
                                                     HolbooStoredMessage  *m,
                                                     GError              **error);

G_END_DECLS
