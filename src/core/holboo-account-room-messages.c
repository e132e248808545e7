/* holboo-account-room-messages.c: group chat messages, invitations,
 * and the private messages Holboo does not take through rooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every message stanza passes here before the 1:1 pipeline.  What
 * concerns rooms stops here:
 *  - a groupchat message is taken only from a room we are in, and
 *    stored in the room's conversation with the room's stanza-id (a
 *    stanza-id by anyone else counts for nothing; a message that
 *    carries only such ids is forged and dropped);
 *  - our own messages come back from the room (reflected, or from
 *    another of our devices): recognised by our nickname, they are
 *    outgoing rows, and a reflection lands on its outbox
 *    row by origin-id;
 *  - a groupchat message from anyone else, and any other message from a
 *    room or one of its occupants (a private message, which Holboo
 *    does not offer: a team writes 1:1 instead) is dropped with a log
 *    line — so nobody can slip a message into a group conversation;
 *  - invitations (XEP-0249, or mediated by a room) become
 *    HolbooAccount::invitation-received, bookmark pushes go to
 *    holboo-account-bookmarks.c.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-rooms-private.h"
#include "holboo-store-rooms.h"
#include "holboo-xmpp-message.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Ours: under our nickname, which only we can hold (the room stamps the
 * from).  Real JIDs inside a message are not taken: a client can put
 * one there. */
static gboolean
is_own (HolbooAccount *self,
        HolbooJid     *room,
        const char    *nick)
{
  return g_strcmp0 (nick, _holboo_account_rooms_get_nick (self, holboo_jid_get_bare_string (room))) == 0;
}

/* A stanza-id that a room adds is the room's; one that is there without
 * the room's was put there by someone else. */
static gboolean
has_foreign_stanza_id_only (HolbooXmlNode *stanza,
                            HolbooJid     *room)
{
  return holboo_xml_node_get_child (stanza, "stanza-id", HOLBOO_XMLNS_SID) != NULL &&
         holboo_xmpp_message_get_stanza_id (stanza, room) == NULL;
}

/**
 * _holboo_account_room_message_to_record:
 * @room: the room's bare JID (the archive, or where it came from live)
 * @stanza: a groupchat message from @room (live, or a MAM result's)
 * @error: set when it must be dropped
 *
 * Returns: (transfer full) (nullable): its row without time, or %NULL
 *   (nothing to store — a room notice, a subject —, or @error set)
 */
HolbooStoredMessage *
_holboo_account_room_message_to_record (HolbooAccount  *self,
                                        HolbooJid      *room,
                                        HolbooXmlNode  *stanza,
                                        GError        **error)
{
  g_autoptr(HolbooXmppMessage) msg = NULL;
  HolbooStoredMessage *m;
  const char *nick;

  msg = holboo_xmpp_message_parse (stanza, room, error);
  if (msg == NULL)
    return NULL;

  if (msg->type != HOLBOO_XMPP_MESSAGE_GROUPCHAT || msg->from == NULL ||
      !holboo_jid_equal_bare (msg->from, room))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "Not a group chat message of %s", holboo_jid_get_bare_string (room));
      return NULL;
    }
  nick = holboo_jid_get_resourcepart (msg->from);
  if (nick == NULL || msg->body == NULL || *msg->body == '\0')
    return NULL;   /* the room's own notices, subjects, chat states */

  if (strnlen (msg->body, HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH + 1) > HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A message body of more than %u bytes", HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH);
      return NULL;
    }
  if (has_foreign_stanza_id_only (stanza, room))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A stanza-id the room %s did not give", holboo_jid_get_bare_string (room));
      return NULL;
    }

  m = holboo_stored_message_new ();
  m->peer = g_strdup (holboo_jid_get_bare_string (room));
  m->kind = HOLBOO_CONVERSATION_GROUP;
  if (is_own (self, room, nick))
    {
      /* Back from the room: it reached everyone. */
      m->direction = HOLBOO_MESSAGE_OUTGOING;
      m->state = HOLBOO_MESSAGE_STATE_DELIVERED;
    }
  else
    {
      m->direction = HOLBOO_MESSAGE_INCOMING;
      m->state = HOLBOO_MESSAGE_STATE_RECEIVED;
    }
  m->from_jid = g_strdup (holboo_jid_to_string (msg->from));
  m->to_jid = g_strdup (holboo_jid_get_bare_string (self->jid));
  m->body = g_steal_pointer (&msg->body);
  m->message_id = g_steal_pointer (&msg->id);
  m->origin_id = g_steal_pointer (&msg->origin_id);
  if (msg->stanza_id != NULL)
    {
      m->stanza_id = g_steal_pointer (&msg->stanza_id);
      m->stanza_id_by = g_strdup (holboo_jid_get_bare_string (room));
    }
  if (msg->delay != 0)
    m->server_ts = msg->delay;
  return m;
}

static void
handle_groupchat (HolbooAccount *self,
                  HolbooJid     *room,
                  HolbooXmlNode *stanza)
{
  g_autoptr(GError) error = NULL;
  HolbooRoom *r = holboo_account_get_room (self, holboo_jid_get_bare_string (room));
  HolbooStoredMessage *m;
  HolbooAccountOp *op;
  gboolean has_subject = FALSE;
  const char *subject;
  gint64 now = g_get_real_time ();

  if (r == NULL || holboo_room_get_state (r) == HOLBOO_ROOM_STATE_LEFT)
    {
      g_message ("Dropping a group chat message from %s: we are not in it", holboo_jid_get_bare_string (room));
      return;
    }

  subject = holboo_xmpp_muc_get_subject (stanza, &has_subject);
  if (has_subject && holboo_xml_node_get_child (stanza, "body", HOLBOO_XMLNS_CLIENT) == NULL)
    {
      Entry *entry = _holboo_rooms_lookup (self, holboo_jid_get_bare_string (room));

      _holboo_room_set_subject (r, subject);
      if (entry != NULL)
        _holboo_rooms_save_room (self, entry);
      return;
    }

  m = _holboo_account_room_message_to_record (self, room, stanza, &error);
  if (m == NULL)
    {
      if (error != NULL)
        g_message ("Dropping a group chat message from %s: %s",
                   holboo_xml_node_get_attribute (stanza, "from"), error->message);
      return;
    }

  /* Live: now, in arrival order; a delayed copy (after a resumption) at
   * the room's stamp. */
  m->timestamp = _holboo_account_next_timestamp (self, m->server_ts != 0 && m->server_ts < now ? m->server_ts : now);
  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_INSERT);
  op->message = m;
  _holboo_account_queue_op (self, op);
}

static void
handle_bounce (HolbooAccount *self,
               HolbooJid     *room,
               HolbooXmlNode *stanza)
{
  g_autoptr(GError) bounce = holboo_xmpp_stanza_error_from_node (stanza);
  g_autoptr(GError) error = NULL;
  const char *id = holboo_xml_node_get_attribute (stanza, "id");
  HolbooRoom *r = holboo_account_get_room (self, holboo_jid_get_bare_string (room));
  HolbooAccountOp *op;

  g_info ("The room %s refused message %s: %s", holboo_jid_get_bare_string (room), id, bounce->message);
  if (!holboo_xmpp_id_is_valid (id))
    return;

  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_STATE_BY_ORIGIN);
  op->peer = g_strdup (holboo_jid_get_bare_string (room));
  op->origin_id = g_strdup (id);
  op->state = HOLBOO_MESSAGE_STATE_FAILED;
  _holboo_account_queue_op (self, op);

  if (r != NULL)
    {
      error = g_error_new (HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_FORBIDDEN,
                           _("The group chat did not take a message: %s"), bounce->message);
      _holboo_room_emit_error (r, error);
    }
}

static gboolean
handle_invite (HolbooAccount *self,
               HolbooXmlNode *stanza)
{
  g_autoptr(HolbooXmppMucInvite) invite = NULL;
  g_autoptr(GError) error = NULL;

  invite = holboo_xmpp_muc_parse_invite (stanza, &error);
  if (error != NULL)
    {
      g_message ("Dropping an invitation: %s", error->message);
      return TRUE;
    }
  if (invite == NULL)
    return FALSE;

  /* An invitation from ourselves (another device) or to a room we are
   * in asks nothing of the user. */
  if (holboo_jid_equal_bare (invite->from, self->jid) ||
      _holboo_account_rooms_can_send (self, holboo_jid_get_bare_string (invite->room)))
    return TRUE;

  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_INVITATION_RECEIVED], 0,
                 holboo_jid_get_bare_string (invite->room), holboo_jid_get_bare_string (invite->from),
                 invite->reason, invite->password);
  return TRUE;
}

/**
 * _holboo_account_rooms_handle_message:
 *
 * Returns: %TRUE when @stanza concerned rooms (taken or dropped),
 *   %FALSE for the 1:1 pipeline
 */
gboolean
_holboo_account_rooms_handle_message (HolbooAccount *self,
                                      HolbooXmlNode *stanza)
{
  const char *from = holboo_xml_node_get_attribute (stanza, "from");
  const char *type = holboo_xml_node_get_attribute (stanza, "type");
  g_autoptr(HolbooJid) from_jid = NULL;
  HolbooJid *room;

  if (_holboo_account_bookmarks_handle_message (self, stanza))
    return TRUE;
  if (g_strcmp0 (type, "error") != 0 && handle_invite (self, stanza))
    return TRUE;

  from_jid = from != NULL ? holboo_jid_parse (from, -1, NULL) : NULL;
  room = from_jid != NULL ? _holboo_account_rooms_lookup_jid (self, holboo_jid_get_bare_string (from_jid)) : NULL;

  if (g_strcmp0 (type, "groupchat") == 0)
    {
      if (room == NULL)
        g_message ("Dropping a group chat message from %s, which is not a room we are in",
                   from != NULL ? from : "nobody");
      else
        handle_groupchat (self, room, stanza);
      return TRUE;
    }

  if (room == NULL)
    return FALSE;

  if (g_strcmp0 (type, "error") == 0)
    handle_bounce (self, room, stanza);
  else if (holboo_xml_node_get_child (stanza, "body", HOLBOO_XMLNS_CLIENT) != NULL)
    g_message ("Dropping a private message from %s: group chats take no private messages", from);
  return TRUE;
}

/**
 * _holboo_account_build_groupchat:
 * @m: an outbox row of a group conversation
 *
 * Returns: (transfer full): its groupchat stanza
 */
HolbooXmlNode *
_holboo_account_build_groupchat (HolbooStoredMessage *m)
{
  const char *id = m->message_id != NULL ? m->message_id : m->origin_id;

  return holboo_xmpp_muc_build_groupchat (m->peer, id, m->body, m->origin_id);
}

static void
on_invite_affiliation (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccount *self = g_task_get_source_object (task);
  HolbooXmlNode *invite = g_task_get_task_data (task);
  GError *error = NULL;

  if (!holboo_account_set_affiliation_finish (self, result, &error) ||
      !holboo_xmpp_connection_send (self->connection, invite, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * holboo_account_invite_async:
 * @room: a room the user is in
 * @user: the invitee's bare JID
 * @reason: (nullable): a line for the invitee
 *
 * Invites @user: as the room's owner or admin, makes them a member (the
 * rooms Holboo creates are members-only) and sends a direct invitation
 * (XEP-0249); as a member, asks the room to invite them (a mediated
 * invitation, which members-only rooms that let members invite turn
 * into membership).
 */
void
holboo_account_invite_async (HolbooAccount       *self,
                             const char          *room,
                             const char          *user,
                             const char          *reason,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HolbooJid) user_jid = NULL;
  HolbooRoom *r;
  HolbooMucAffiliation affiliation;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (room != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_invite_async);

  r = holboo_account_get_room (self, room);
  user_jid = user != NULL ? holboo_jid_parse (user, -1, NULL) : NULL;
  if (r == NULL || holboo_room_get_state (r) != HOLBOO_ROOM_STATE_JOINED)
    {
      g_task_return_new_error (task, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NOT_JOINED,
                               _("You are not in the group chat “%s”"), room);
      return;
    }
  if (user_jid == NULL || holboo_jid_get_localpart (user_jid) == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_INVALID,
                               _("“%s” is not a valid address"), user != NULL ? user : "");
      return;
    }

  affiliation = holboo_room_get_affiliation (r);
  if (affiliation == HOLBOO_MUC_AFFILIATION_OWNER || affiliation == HOLBOO_MUC_AFFILIATION_ADMIN)
    {
      HolbooXmlNode *invite = holboo_xmpp_muc_build_invite (holboo_jid_get_bare_string (user_jid),
                                                            _holboo_room_get_jid (r), reason, NULL);

      g_task_set_task_data (task, invite, (GDestroyNotify) holboo_xml_node_unref);
      holboo_account_set_affiliation_async (self, room, holboo_jid_get_bare_string (user_jid),
                                            HOLBOO_MUC_AFFILIATION_MEMBER, cancellable,
                                            on_invite_affiliation, g_steal_pointer (&task));
    }
  else
    {
      g_autoptr(HolbooXmlNode) message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
      HolbooXmlNode *x, *node;
      GError *error = NULL;

      holboo_xml_node_set_attribute (message, "to", holboo_room_get_jid (r));
      x = holboo_xml_node_add_child_ns (message, "x", HOLBOO_XMLNS_MUC_USER);
      node = holboo_xml_node_add_child (x, "invite");
      holboo_xml_node_set_attribute (node, "to", holboo_jid_get_bare_string (user_jid));
      if (reason != NULL)
        holboo_xml_node_add_text_child (node, "reason", reason);
      if (holboo_xmpp_connection_send (self->connection, message, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
    }
}

gboolean
holboo_account_invite_finish (HolbooAccount  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
