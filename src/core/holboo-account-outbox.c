/* holboo-account-outbox.c: outgoing messages, from typed to acked,
 * exactly once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A typed message becomes an outbox row (PENDING, with a fresh
 * origin-id that is also its id attribute) before anything is sent; the
 * row is what survives a quit or a crash.  Once stored it is sent if a
 * session is up, and marked SENT; the server's stream management ack
 * marks it ACKED, which takes it out of the outbox; a receipt marks it
 * DELIVERED.
 *
 * Exactly once, case by case:
 *  - on every session start the outbox is listed and each row not in
 *    flight is sent, in row order; new rows that are stored meanwhile
 *    wait for that list, so the order holds;
 *  - a row in flight is one sent on the current session and not yet
 *    acked (or acked, with the ACKED write still on its way to the
 *    disk): it is never sent again by this code;
 *  - a resumed session (XEP-0198) keeps its in-flight rows: the
 *    connection itself resends what the server had not acked, so the
 *    outbox must not;
 *  - a lost session (resumption failed, or none possible) empties the
 *    in-flight set except for acked rows: what was sent and not acked
 *    may or may not have reached the server, so it is sent again on the
 *    next session with the same origin-id and id, and the receiver's
 *    store keeps one copy (it dedups on origin-id);
 *  - a row the server acked is ACKED on disk before it leaves the
 *    in-flight set, so a later list never returns it.
 * Without stream management there are no acks: rows stay SENT until the
 * archive (our own message in a MAM page), a carbon or a receipt proves
 * the server has them, and are resent after each reconnect until then.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-private.h"
#include "holboo-account-rooms.h"
#include "holboo-xmpp-message.h"
#include "holboo-xmpp-reply.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct {
  gint64   row_id;
  gboolean acked;
} InFlight;

/* Whether XML 1.0 can carry @c (§2.2 Char). */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

gboolean
_holboo_account_validate_body (const char  *body,
                               GError     **error)
{
  gboolean blank = TRUE;

  if (body == NULL || !g_utf8_validate (body, -1, NULL))
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
                           _("The message is not valid text"));
      return FALSE;
    }
  if (strlen (body) > HOLBOO_ACCOUNT_MAX_BODY_LENGTH)
    {
      g_set_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
                   _("The message is too long: at most %u bytes can be sent at once"),
                   HOLBOO_ACCOUNT_MAX_BODY_LENGTH);
      return FALSE;
    }

  for (const char *p = body; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_xml_char (c))
        {
          g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
                               _("The message contains control characters that cannot be sent"));
          return FALSE;
        }
      if (!g_unichar_isspace (c))
        blank = FALSE;
    }

  if (blank)
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
                           _("The message is empty"));
      return FALSE;
    }
  return TRUE;
}

static void
send_row (HolbooAccount       *self,
          HolbooStoredMessage *m)
{
  g_autoptr(HolbooXmlNode) stanza = NULL;
  g_autoptr(GError) error = NULL;
  InFlight *entry;

  /* A group chat's messages wait until the room is joined. */
  if (m->kind == HOLBOO_CONVERSATION_GROUP && !_holboo_account_rooms_can_send (self, m->peer))
    return;

  if (m->kind == HOLBOO_CONVERSATION_GROUP)
    stanza = _holboo_account_build_groupchat (m);
  else
    stanza = _holboo_account_build_outgoing (self, m);
  _holboo_account_upload_decorate (self, m, stanza);
  if (!holboo_xmpp_connection_send (self->connection, stanza, &error))
    {
      g_debug ("Outbox row %" G_GINT64_FORMAT " stays pending: %s", m->id, error->message);
      return;
    }

  entry = g_new0 (InFlight, 1);
  entry->row_id = m->id;
  g_hash_table_insert (self->in_flight, g_strdup (m->origin_id), entry);

  if (m->state < HOLBOO_MESSAGE_STATE_SENT)
    {
      HolbooAccountOp *op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_STATE);

      op->row_id = m->id;
      op->state = HOLBOO_MESSAGE_STATE_SENT;
      _holboo_account_queue_op (self, op);
    }
}

/* A row of ours just stored: send it now, unless a session start's list
 * of the outbox is on its way (it includes the row, in order). */
void
_holboo_account_outbox_stored (HolbooAccount       *self,
                               HolbooStoredMessage *message)
{
  if (self->outbox_listing || !_holboo_account_is_connected (self))
    return;
  if (message->origin_id == NULL || g_hash_table_contains (self->in_flight, message->origin_id))
    return;

  send_row (self, message);
}

/* A state write of ours reached the disk. */
void
_holboo_account_outbox_state_done (HolbooAccount   *self,
                                   HolbooAccountOp *op)
{
  InFlight *entry;

  if (op->state != HOLBOO_MESSAGE_STATE_ACKED || op->origin_id == NULL)
    return;

  entry = g_hash_table_lookup (self->in_flight, op->origin_id);
  if (entry != NULL && entry->acked && entry->row_id == op->row_id)
    g_hash_table_remove (self->in_flight, op->origin_id);
}

static void
outbox_listed (HolbooAccount      *self,
               HolbooAccountBatch *batch,
               gpointer            data)
{
  HolbooAccountOp *op;
  guint n_sent = 0;

  if (self == NULL)
    return;

  self->outbox_listing = FALSE;
  if (self->outbox_relist)
    {
      self->outbox_relist = FALSE;
      _holboo_account_outbox_flush (self);
      return;
    }

  op = batch->ops->pdata[0];
  if (op->rows == NULL || !_holboo_account_is_connected (self))
    return;

  for (guint i = 0; i < op->rows->len; i++)
    {
      HolbooStoredMessage *m = op->rows->pdata[i];

      if (m->origin_id == NULL || g_hash_table_contains (self->in_flight, m->origin_id))
        continue;
      send_row (self, m);
      n_sent++;
    }

  if (n_sent > 0)
    g_debug ("Sent %u messages from the outbox", n_sent);
}

/**
 * _holboo_account_outbox_flush:
 *
 * Lists the outbox and sends every row not in flight, in order.
 */
void
_holboo_account_outbox_flush (HolbooAccount *self)
{
  HolbooAccountBatch *batch;

  if (self->outbox_listing)
    {
      self->outbox_relist = TRUE;
      return;
    }

  self->outbox_listing = TRUE;
  batch = _holboo_account_batch_new ((HolbooAccountBatchThen) outbox_listed, NULL, NULL);
  _holboo_account_batch_add (batch, _holboo_account_op_new (HOLBOO_ACCOUNT_OP_OUTBOX_LIST));
  _holboo_account_submit (self, batch);
}

static void
on_stanza_acked (HolbooXmppConnection *connection,
                 HolbooXmlNode        *stanza,
                 HolbooAccount        *self)
{
  const char *origin_id;
  InFlight *entry;
  HolbooAccountOp *op;

  if (!holboo_xml_node_is (stanza, "message", HOLBOO_XMLNS_CLIENT))
    return;
  origin_id = holboo_xmpp_message_get_origin_id (stanza);
  entry = origin_id != NULL ? g_hash_table_lookup (self->in_flight, origin_id) : NULL;
  if (entry == NULL || entry->acked)
    return;

  /* Stays in flight until ACKED is on disk: a list of the outbox made
   * before that must not send it again. */
  entry->acked = TRUE;
  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_STATE);
  op->row_id = entry->row_id;
  op->origin_id = g_strdup (origin_id);
  op->state = HOLBOO_MESSAGE_STATE_ACKED;
  _holboo_account_queue_op (self, op);
}

static gboolean
not_acked (gpointer key,
           gpointer value,
           gpointer user_data)
{
  return !((InFlight *) value)->acked;
}

static void
on_session_lost (HolbooXmppConnection *connection,
                 GPtrArray            *unacked,
                 HolbooAccount        *self)
{
  guint n = g_hash_table_foreach_remove (self->in_flight, not_acked, NULL);

  if (n > 0)
    g_info ("Session lost with %u messages unacknowledged: they will be sent again", n);
}

/**
 * _holboo_account_outbox_session_started:
 *
 * After a fresh session nothing of the old one is in flight (a lost
 * session was reported, or there was no stream management to ask);
 * after a resumption the connection resent what was.  Either way the
 * rows that were never sent go now.
 */
void
_holboo_account_outbox_session_started (HolbooAccount *self,
                                        gboolean       resumed)
{
  if (!resumed)
    g_hash_table_foreach_remove (self->in_flight, not_acked, NULL);
  _holboo_account_outbox_flush (self);
}

void
_holboo_account_outbox_connect_signals (HolbooAccount *self)
{
  g_signal_connect_object (self->connection, "stanza-acked", G_CALLBACK (on_stanza_acked), self, 0);
  g_signal_connect_object (self->connection, "session-lost", G_CALLBACK (on_session_lost), self, 0);
}

void
_holboo_account_outbox_init (HolbooAccount *self)
{
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static char *
queue_outgoing (HolbooAccount        *self,
                const char           *to,
                const char           *body,
                HolbooStoredMessage  *reply_to,
                GError              **error)
{
  g_autoptr(HolbooJid) to_jid = NULL;
  g_autoptr(GError) local_error = NULL;
  HolbooStoredMessage *m;
  HolbooAccountOp *op;

  to_jid = holboo_jid_parse (to, -1, &local_error);
  if (to_jid == NULL || holboo_jid_is_domain (to_jid))
    {
      g_set_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                   _("“%s” is not a valid address"), to);
      return NULL;
    }
  /* Never a private message through a room: to a room is to everyone. */
  if (_holboo_account_rooms_is_room (self, holboo_jid_get_bare_string (to_jid)))
    return holboo_account_send_groupchat (self, holboo_jid_get_bare_string (to_jid), body, error);
  if (!_holboo_account_validate_body (body, error))
    return NULL;
  if (self->closed)
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                           _("The account is closing"));
      return NULL;
    }

  m = holboo_stored_message_new ();
  m->peer = g_strdup (holboo_jid_get_bare_string (to_jid));
  m->kind = HOLBOO_CONVERSATION_CHAT;
  m->direction = HOLBOO_MESSAGE_OUTGOING;
  m->state = HOLBOO_MESSAGE_STATE_PENDING;
  m->from_jid = g_strdup (holboo_jid_get_bare_string (self->jid));
  m->to_jid = g_strdup (holboo_jid_to_string (to_jid));
  m->body = g_strdup (body);
  m->timestamp = _holboo_account_next_timestamp (self, g_get_real_time ());
  m->origin_id = g_uuid_string_random ();
  m->message_id = g_strdup (m->origin_id);
  m->receipt_requested = TRUE;

  /* A reply names the message it answers and its author, and quotes it
   * for clients without replies (holboo-account-actions.c builds it). */
  if (reply_to != NULL)
    {
      const char *id = reply_to->message_id != NULL ? reply_to->message_id : reply_to->origin_id;
      g_autoptr(HolbooJid) author = NULL;

      if (reply_to->retracted || !holboo_xmpp_id_is_valid (id) || g_strcmp0 (reply_to->peer, m->peer) != 0)
        {
          holboo_stored_message_unref (m);
          g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
                               _("This message cannot be replied to"));
          return NULL;
        }
      author = reply_to->direction == HOLBOO_MESSAGE_OUTGOING ? NULL : holboo_jid_parse (reply_to->from_jid, -1, NULL);
      m->reply_to_id = g_strdup (id);
      m->reply_to_jid = g_strdup (author != NULL ? holboo_jid_get_bare_string (author)
                                                 : holboo_jid_get_bare_string (self->jid));
      m->reply_to_row = reply_to->id;
      m->reply_preview = g_utf8_substring (reply_to->body, 0,
                                           MIN (g_utf8_strlen (reply_to->body, -1), HOLBOO_XMPP_REPLY_QUOTE_MAX_CHARS));
    }

  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_INSERT);
  op->message = m;
  op->flags = HOLBOO_ACCOUNT_INSERT_OUTBOX;
  _holboo_account_queue_op (self, op);

  return g_strdup (m->origin_id);
}

/**
 * holboo_account_send_message:
 * @self: an account
 * @to: the addressee's JID (a bare JID: the conversation; a full JID is
 *   allowed and its conversation is its bare JID)
 * @body: the text, UTF-8
 * @error: return location for a #GError
 *
 * Puts a message in the outbox: it is stored at once (::message-added
 * follows) and sent whenever a session is up, exactly once as far as
 * the receiver's store can tell — across reconnects, server restarts, a
 * quit or a crash.
 *
 * Returns: (transfer full) (nullable): the message's origin-id, or %NULL
 *   with a %HOLBOO_ACCOUNT_ERROR when @to or @body cannot be sent
 */
char *
holboo_account_send_message (HolbooAccount  *self,
                             const char     *to,
                             const char     *body,
                             GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (to != NULL, NULL);

  return queue_outgoing (self, to, body, NULL, error);
}

/**
 * holboo_account_send_reply:
 * @self: an account
 * @to: the addressee's JID, as for holboo_account_send_message()
 * @body: the text, UTF-8
 * @reply_to: the stored message @body answers, in the same conversation
 * @error: return location for a #GError
 *
 * Like holboo_account_send_message(), as a reply to @reply_to
 * (XEP-0461): the stored row links to it and shows its start as a
 * quote; clients without replies get the quote in the body (XEP-0428).
 *
 * Returns: (transfer full) (nullable): the message's origin-id, or %NULL
 *   with a %HOLBOO_ACCOUNT_ERROR
 */
char *
holboo_account_send_reply (HolbooAccount        *self,
                           const char           *to,
                           const char           *body,
                           HolbooStoredMessage  *reply_to,
                           GError              **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (reply_to != NULL, NULL);

  return queue_outgoing (self, to, body, reply_to, error);
}

/**
 * holboo_account_send_groupchat:
 * @self: an account
 * @room: a room the user joined (or is joining)
 * @body: the text, UTF-8
 * @error: return location for a #GError
 *
 * Puts a message to the room in the outbox, as
 * holboo_account_send_message() does for 1:1: stored at once
 * (::message-added), sent once the room is joined, recognised when the
 * room reflects it (then %HOLBOO_MESSAGE_STATE_DELIVERED).
 *
 * Returns: (transfer full) (nullable): the message's origin-id, or %NULL
 *   with a %HOLBOO_ACCOUNT_ERROR or %HOLBOO_ROOM_ERROR
 */
char *
holboo_account_send_groupchat (HolbooAccount  *self,
                               const char     *room,
                               const char     *body,
                               GError        **error)
{
  HolbooRoom *r;
  HolbooStoredMessage *m;
  HolbooAccountOp *op;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (room != NULL, NULL);

  r = holboo_account_get_room (self, room);
  if (r == NULL)
    {
      g_set_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NOT_JOINED,
                   _("You are not in the group chat “%s”"), room);
      return NULL;
    }
  if (!_holboo_account_validate_body (body, error))
    return NULL;
  if (self->closed)
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                           _("The account is closing"));
      return NULL;
    }

  m = holboo_stored_message_new ();
  m->peer = g_strdup (holboo_room_get_jid (r));
  m->kind = HOLBOO_CONVERSATION_GROUP;
  m->direction = HOLBOO_MESSAGE_OUTGOING;
  m->state = HOLBOO_MESSAGE_STATE_PENDING;
  m->from_jid = g_strdup (holboo_jid_get_bare_string (self->jid));
  m->to_jid = g_strdup (holboo_room_get_jid (r));
  m->body = g_strdup (body);
  m->timestamp = _holboo_account_next_timestamp (self, g_get_real_time ());
  m->origin_id = g_uuid_string_random ();
  m->message_id = g_strdup (m->origin_id);

  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_INSERT);
  op->message = m;
  op->flags = HOLBOO_ACCOUNT_INSERT_OUTBOX;
  _holboo_account_queue_op (self, op);

  return g_strdup (m->origin_id);
}
