/* test-core-muc.c: group chats (HolbooAccount, HolbooRoom) against a real
 * Prosody or ejabberd: a room of three members end to end, with history
 * for the member who joins later; nickname conflicts, a non-member, a
 * member removed; invitations; self-ping after a silently lost room;
 * bookmarks that take a room to another device and away again; and
 * forged group chat messages, which are never stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson registers
 * both.  Each case has accounts and rooms of its own.
 */

#include "config.h"

#include "core-live-util.h"
#include "holboo-account-rooms-private.h"
#include "holboo-xml-stream.h"
#include "holboo-xmpp-message.h"

#include <string.h>

static const char * const accounts[] = {
  "amy1", "bob1", "cat1",
  "amy2", "bob2", "eve2",
  "amy3", "bob3", "dan3",
  "amy4", "bob4",
  "amy5", "bob5",
  NULL
};

static char *
room_address (const char *name)
{
  return g_strdup_printf ("%s@%s", name, holboo_test_server_get_muc_service (live.server));
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static HolbooRoom *
create_room (LiveAccount        *live,
             const char         *jid,
             const char         *nick,
             const char         *name,
             const char * const *members)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  HolbooRoom *room;

  holboo_account_create_room_async (live->account, jid, nick, name, members, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  room = holboo_account_create_room_finish (live->account, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  g_assert_nonnull (room);
  return room;
}

static HolbooRoom *
join_room (LiveAccount  *live,
           const char   *jid,
           const char   *nick,
           GError      **error)
{
  GAsyncResult *result = NULL;
  HolbooRoom *room;

  holboo_account_join_room_async (live->account, jid, nick, NULL, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  room = holboo_account_join_room_finish (live->account, result, error);
  g_object_unref (result);
  return room;
}

static gboolean
not_syncing (gpointer data)
{
  return !holboo_room_get_syncing (data) && holboo_room_get_state (data) == HOLBOO_ROOM_STATE_JOINED;
}

static void
wait_synced (HolbooRoom *room)
{
  g_assert_true (live_wait (not_syncing, room, 60000));
}

typedef struct {
  HolbooRoom *room;
  guint       n;
} OccupantsWait;

static gboolean
has_occupants (gpointer data)
{
  OccupantsWait *wait = data;

  return g_list_model_get_n_items (holboo_room_get_occupants (wait->room)) == wait->n;
}

static void
wait_occupants (HolbooRoom *room,
                guint       n)
{
  OccupantsWait wait = { room, n };

  g_assert_true (live_wait (has_occupants, &wait, 30000));
}

static void
send_numbered (LiveAccount *from,
               const char  *room,
               const char  *prefix,
               guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *body = g_strdup_printf ("%s %u", prefix, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *origin_id = holboo_account_send_groupchat (from->account, room, body, &error);

      g_assert_no_error (error);
      g_assert_nonnull (origin_id);
    }
}

static void
assert_room_ids (GPtrArray  *messages,
                 const char *room)
{
  for (guint i = 0; i < messages->len; i++)
    {
      HolbooStoredMessage *m = messages->pdata[i];

      g_assert_cmpint (m->kind, ==, HOLBOO_CONVERSATION_GROUP);
      g_assert_cmpstr (m->peer, ==, room);
      /* Only the room's own archive ids are kept. */
      g_assert_nonnull (m->stanza_id);
      g_assert_cmpstr (m->stanza_id_by, ==, room);
    }
}

static HolbooOccupant *
occupant (HolbooRoom *room,
          const char *nick)
{
  HolbooOccupant *o = holboo_room_find_occupant (room, nick);

  g_assert_nonnull (o);
  return o;
}

/* The done test: three members, the third joining later gets
 * the history from the room's archive, each message once. */
static void
test_three_members (void)
{
  LiveAccount *amy = live_account_new ("amy1", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bob = live_account_new ("bob1", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *cat = live_account_new ("cat1", "laptop", HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET, NULL);
  g_autofree char *jid = room_address ("borluulalt");
  const char *members[] = { live_account_jid (bob), live_account_jid (cat), NULL };
  g_autoptr(HolbooRoom) room_a = NULL;
  g_autoptr(HolbooRoom) room_b = NULL;
  g_autoptr(HolbooRoom) room_c = NULL;
  g_autoptr(GPtrArray) in_a = NULL;
  g_autoptr(GPtrArray) in_b = NULL;
  g_autoptr(GPtrArray) in_c = NULL;
  g_autoptr(GPtrArray) newest = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;

  live_account_connect (amy);
  live_account_connect (bob);
  live_account_connect (cat);

  room_a = create_room (amy, jid, "Амар", "Борлуулалт", members);
  g_assert_cmpint (holboo_room_get_state (room_a), ==, HOLBOO_ROOM_STATE_JOINED);
  g_assert_cmpint (holboo_room_get_affiliation (room_a), ==, HOLBOO_MUC_AFFILIATION_OWNER);
  g_assert_cmpstr (holboo_room_get_name (room_a), ==, "Борлуулалт");
  g_assert_true (holboo_account_get_room (amy->account, jid) == room_a);
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_rooms (amy->account)), ==, 1);

  room_b = join_room (bob, jid, "Бат", &error);
  g_assert_no_error (error);
  wait_synced (room_b);
  wait_occupants (room_a, 2);
  g_assert_cmpint (holboo_occupant_get_affiliation (occupant (room_a, "Бат")), ==, HOLBOO_MUC_AFFILIATION_MEMBER);
  g_assert_true (holboo_occupant_get_is_self (occupant (room_a, "Амар")));
  g_assert_false (holboo_occupant_get_is_self (occupant (room_b, "Амар")));
  /* Non-anonymous: members see who is who. */
  g_assert_true (g_str_has_prefix (holboo_occupant_get_jid (occupant (room_b, "Амар")), live_account_jid (amy)));

  send_numbered (amy, jid, "a", 5);
  send_numbered (bob, jid, "b", 5);
  /* Sent through the 1:1 call to a room's address: still to the room. */
  g_free (holboo_account_send_message (bob->account, jid, "sent via send_message", &error));
  g_assert_no_error (error);

  g_assert_true (live_account_wait_count (amy, jid, HOLBOO_MESSAGE_INCOMING, 6, 30000));
  g_assert_true (live_account_wait_count (bob, jid, HOLBOO_MESSAGE_INCOMING, 5, 30000));
  /* Reflected by the room: delivered to everyone. */
  g_assert_true (live_account_wait_state (amy, jid, HOLBOO_MESSAGE_STATE_DELIVERED, 30000));
  g_assert_true (live_account_wait_state (bob, jid, HOLBOO_MESSAGE_STATE_DELIVERED, 30000));

  /* The third member joins later and finds the history: the newest
   * page at once (a short catch-up here: one page of 4), the rest when
   * scrolling back, newest first, from the room's archive. */
  holboo_account_set_mam_page_size (cat->account, 4);
  holboo_account_set_catch_up_max_pages (cat->account, 1);
  room_c = join_room (cat, jid, "Цэцэг", &error);
  g_assert_no_error (error);
  wait_synced (room_c);
  wait_occupants (room_a, 3);
  in_c = live_account_messages (cat, jid);
  g_assert_cmpuint (in_c->len, ==, 4);
  newest = g_steal_pointer (&in_c);
  for (guint pages = 0;; pages++)
    {
      GAsyncResult *result = NULL;
      gboolean complete = FALSE;
      guint n_new = 0;

      g_assert_cmpuint (pages, <, 5);
      holboo_account_fetch_older_async (cat->account, jid, 0, NULL, on_result, &result);
      g_assert_true (live_wait (result_ready, &result, 30000));
      g_assert_true (holboo_account_fetch_older_finish (cat->account, result, &n_new, &complete, &error));
      g_assert_no_error (error);
      g_object_unref (result);
      if (complete)
        break;
    }
  in_c = live_account_messages (cat, jid);
  g_assert_cmpuint (in_c->len, ==, 11);
  /* The catch-up's page was the newest, and older pages went below it. */
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (((HolbooStoredMessage *) in_c->pdata[7 + i])->id, ==,
                     ((HolbooStoredMessage *) newest->pdata[i])->id);
  assert_exactly_once (in_c, HOLBOO_MESSAGE_INCOMING, "a", 5, TRUE);
  assert_exactly_once (in_c, HOLBOO_MESSAGE_INCOMING, "b", 5, TRUE);
  g_assert_cmpuint (count_body (in_c, "sent via send_message"), ==, 1);
  assert_room_ids (in_c, jid);

  send_numbered (cat, jid, "c", 2);
  g_assert_true (live_account_wait_count (amy, jid, HOLBOO_MESSAGE_INCOMING, 8, 30000));
  g_assert_true (live_account_wait_count (bob, jid, HOLBOO_MESSAGE_INCOMING, 7, 30000));
  g_assert_true (live_account_wait_state (cat, jid, HOLBOO_MESSAGE_STATE_DELIVERED, 30000));
  live_sleep (300);   /* time for a duplicate to show */

  in_a = live_account_messages (amy, jid);
  in_b = live_account_messages (bob, jid);
  g_assert_cmpuint (in_a->len, ==, 13);
  g_assert_cmpuint (in_b->len, ==, 13);
  assert_exactly_once (in_a, HOLBOO_MESSAGE_OUTGOING, "a", 5, TRUE);
  assert_exactly_once (in_a, HOLBOO_MESSAGE_INCOMING, "b", 5, TRUE);
  assert_exactly_once (in_a, HOLBOO_MESSAGE_INCOMING, "c", 2, TRUE);
  assert_exactly_once (in_b, HOLBOO_MESSAGE_OUTGOING, "b", 5, TRUE);
  assert_exactly_once (in_b, HOLBOO_MESSAGE_INCOMING, "a", 5, TRUE);
  assert_room_ids (in_a, jid);
  assert_room_ids (in_b, jid);

  /* The store keeps the room; occupants are not stored. */
  {
    GAsyncResult *result = NULL;

    holboo_account_list_rooms_async (cat->account, NULL, on_result, &result);
    g_assert_true (live_wait (result_ready, &result, 30000));
    stored = holboo_account_list_rooms_finish (cat->account, result, &error);
    g_object_unref (result);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 1);
    g_assert_cmpstr (((HolbooStoredRoom *) stored->pdata[0])->jid, ==, jid);
    g_assert_cmpstr (((HolbooStoredRoom *) stored->pdata[0])->nick, ==, "Цэцэг");
    g_assert_true (((HolbooStoredRoom *) stored->pdata[0])->autojoin);
    g_assert_cmpint (((HolbooStoredRoom *) stored->pdata[0])->conversation_id, ==,
                     holboo_room_get_conversation_id (room_c));
  }

  /* A member who leaves is seen leaving. */
  g_assert_true (holboo_account_leave_room (bob->account, jid, &error));
  g_assert_no_error (error);
  wait_occupants (room_a, 2);
  g_assert_null (holboo_account_get_room (bob->account, jid));

  assert_store_intact (amy->path);
  assert_store_intact (cat->path);
  live_account_free (cat, FALSE);
  live_account_free (bob, FALSE);
  live_account_free (amy, FALSE);
}

static HolbooXmlNode *
parse_stanza (const char *xml)
{
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  return node;
}

static void
inject (LiveAccount *live,
        const char  *xml)
{
  g_autoptr(HolbooXmlNode) stanza = parse_stanza (xml);

  g_assert_true (_holboo_account_receive_stanza (live->account, stanza));
}

static void
test_hostile (void)
{
  LiveAccount *amy = live_account_new ("amy2", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bob = live_account_new ("bob2", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooXmppConnection) eve = live_connection ("eve2", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autofree char *jid = room_address ("hostile");
  const char *members[] = { live_account_jid (bob), NULL };
  g_autoptr(HolbooRoom) room_a = NULL;
  g_autoptr(HolbooRoom) room_b = NULL;
  g_autoptr(GPtrArray) in_a = NULL;
  g_autoptr(GPtrArray) with_eve = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *amy_full = NULL;
  g_autofree char *xml = NULL;

  live_account_connect (amy);
  live_account_connect (bob);
  live_connect_ok (eve);
  room_a = create_room (amy, jid, "amy", NULL, members);
  room_b = join_room (bob, jid, "bob", &error);
  g_assert_no_error (error);
  wait_occupants (room_a, 2);
  amy_full = g_strdup (holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (holboo_account_get_connection (amy->account))));

  /* Over the wire: eve, who is no room, sends a "groupchat" message with
   * the room's stanza-id to amy's device. */
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='groupchat' id='e1'>"
                         "<body>forged from eve</body>"
                         "<stanza-id xmlns='urn:xmpp:sid:0' id='steal-1' by='%s'/></message>", amy_full, jid);
  {
    g_autoptr(HolbooXmlNode) stanza = parse_stanza (xml);

    g_assert_true (holboo_xmpp_connection_send (eve, stanza, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&xml, g_free);
  /* And a chat message claiming the room's archive id. */
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat' id='e2'>"
                         "<body>chat from eve</body>"
                         "<stanza-id xmlns='urn:xmpp:sid:0' id='steal-2' by='%s'/></message>", amy_full, jid);
  {
    g_autoptr(HolbooXmlNode) stanza = parse_stanza (xml);

    g_assert_true (holboo_xmpp_connection_send (eve, stanza, &error));
  }
  g_clear_pointer (&xml, g_free);

  /* As if the server had passed them on: a groupchat message from a
   * server that is no room; a message in the room carrying only someone
   * else's stanza-id; private messages pretending to be the room or an
   * occupant; a groupchat message from a room amy is not in. */
  xml = g_strdup_printf ("<message xmlns='jabber:client' from='%s/bob' to='%s' type='groupchat' id='h1'>"
                         "<body>forged stanza-id</body>"
                         "<stanza-id xmlns='urn:xmpp:sid:0' id='x1' by='%s'/></message>",
                         jid, amy_full, live_account_jid (amy));
  inject (amy, xml);
  g_clear_pointer (&xml, g_free);
  xml = g_strdup_printf ("<message xmlns='jabber:client' from='%s' to='%s' type='chat' id='h2'>"
                         "<body>private from the room</body></message>", jid, amy_full);
  inject (amy, xml);
  g_clear_pointer (&xml, g_free);
  xml = g_strdup_printf ("<message xmlns='jabber:client' from='%s/bob' to='%s' type='chat' id='h3'>"
                         "<body>private from an occupant</body></message>", jid, amy_full);
  inject (amy, xml);
  g_clear_pointer (&xml, g_free);
  xml = g_strdup_printf ("<message xmlns='jabber:client' from='other@%s/bob' to='%s' type='groupchat' id='h4'>"
                         "<body>from another room</body></message>",
                         holboo_test_server_get_muc_service (live.server), amy_full);
  inject (amy, xml);
  g_clear_pointer (&xml, g_free);
  xml = g_strdup_printf ("<message xmlns='jabber:client' from='%s' to='%s' type='groupchat' id='h5'>"
                         "<body>groupchat from a server</body></message>", live_account_jid (bob), amy_full);
  inject (amy, xml);
  g_clear_pointer (&xml, g_free);
  /* A carbon of a private message with an occupant (a true carbon, from
   * amy's own account): not for the room's conversation either. */
  xml = g_strdup_printf ("<message xmlns='jabber:client' from='%s' to='%s' type='chat'>"
                         "<received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                         "<message xmlns='jabber:client' from='%s/bob' to='%s/phone' type='chat' id='h6'>"
                         "<body>carbon of a private message</body></message></forwarded></received></message>",
                         live_account_jid (amy), amy_full, jid, live_account_jid (amy));
  inject (amy, xml);

  /* A real message after them all: once it is stored, they were handled. */
  g_free (holboo_account_send_groupchat (bob->account, jid, "real", &error));
  g_assert_no_error (error);
  g_assert_true (live_account_wait_count (amy, jid, HOLBOO_MESSAGE_INCOMING, 1, 30000));
  live_sleep (300);
  live_account_flush (amy);

  in_a = live_account_messages (amy, jid);
  g_assert_cmpuint (in_a->len, ==, 1);
  g_assert_cmpstr (((HolbooStoredMessage *) in_a->pdata[0])->body, ==, "real");
  g_assert_cmpstr (((HolbooStoredMessage *) in_a->pdata[0])->stanza_id_by, ==, jid);
  /* eve's chat message is a 1:1 message of eve's, without the room's id. */
  with_eve = live_account_messages (amy, "eve2@localhost");
  for (guint i = 0; i < with_eve->len; i++)
    {
      HolbooStoredMessage *m = with_eve->pdata[i];

      g_assert_cmpstr (m->body, !=, "forged from eve");
      g_assert_true (m->stanza_id_by == NULL || g_strcmp0 (m->stanza_id_by, jid) != 0);
    }
  {
    g_autoptr(GPtrArray) other = NULL;
    g_autofree char *other_room = room_address ("other");

    other = live_account_messages (amy, other_room);
    g_assert_cmpuint (other->len, ==, 0);
  }

  assert_store_intact (amy->path);
  holboo_xmpp_connection_disconnect (eve);
  live_account_free (bob, FALSE);
  live_account_free (amy, FALSE);
}

typedef struct {
  guint                 left;
  HolbooRoomLeaveReason reason;
} LeftWait;

static void
on_left (HolbooRoom            *room,
         HolbooRoomLeaveReason  reason,
         const char            *text,
         LeftWait              *wait)
{
  wait->left++;
  wait->reason = reason;
}

static gboolean
was_left (gpointer data)
{
  return ((LeftWait *) data)->left > 0;
}

typedef struct {
  char *room;
  char *from;
} Invitation;

static void
on_invitation (HolbooAccount *account,
               const char    *room,
               const char    *from,
               const char    *reason,
               const char    *password,
               Invitation    *invitation)
{
  g_free (invitation->room);
  invitation->room = g_strdup (room);
  g_free (invitation->from);
  invitation->from = g_strdup (from);
}

static gboolean
invited (gpointer data)
{
  return ((Invitation *) data)->room != NULL;
}

static void
test_membership (void)
{
  LiveAccount *amy = live_account_new ("amy3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bob = live_account_new ("bob3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *dan = live_account_new ("dan3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *jid = room_address ("members");
  g_autofree char *missing = room_address ("no-such-room");
  const char *members[] = { live_account_jid (bob), NULL };
  g_autoptr(HolbooRoom) room_a = NULL;
  g_autoptr(HolbooRoom) room_b = NULL;
  g_autoptr(HolbooRoom) room_d = NULL;
  g_autoptr(HolbooRoom) conflict = NULL;
  Invitation invitation = { NULL, NULL };
  LeftWait left = { 0, };
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  live_account_connect (amy);
  live_account_connect (bob);
  live_account_connect (dan);
  room_a = create_room (amy, jid, "amy", "Гишүүд", members);

  /* Not a member of a members-only room. */
  room_d = join_room (dan, jid, "dan", &error);
  g_assert_null (room_d);
  g_assert_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NOT_MEMBER);
  g_clear_error (&error);
  g_assert_cmpint (holboo_room_get_state (holboo_account_get_room (dan->account, jid)), ==, HOLBOO_ROOM_STATE_LEFT);

  /* A nickname someone else holds. */
  conflict = join_room (bob, jid, "amy", &error);
  g_assert_null (conflict);
  g_assert_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NICK_CONFLICT);
  g_clear_error (&error);
  room_b = join_room (bob, jid, "bob", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_room_get_nick (room_b), ==, "bob");

  /* Creating someone else's room: refused, and bob stays in it. */
  holboo_account_create_room_async (bob->account, jid, "bob", NULL, NULL, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  g_assert_null (holboo_account_create_room_finish (bob->account, result, &error));
  g_assert_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_EXISTS);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpint (holboo_room_get_state (room_b), ==, HOLBOO_ROOM_STATE_JOINED);
  /* The owner setting it up again is fine. */
  {
    g_autoptr(HolbooRoom) again = create_room (amy, jid, "amy", "Гишүүд", members);

    g_assert_true (again == room_a);
  }

  /* A room that does not exist is not created by joining it. */
  {
    g_autoptr(HolbooRoom) none = join_room (bob, missing, "bob", &error);

    g_assert_null (none);
    g_assert_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The owner invites dan: made a member, dan is told and can join. */
  g_signal_connect (dan->account, "invitation-received", G_CALLBACK (on_invitation), &invitation);
  holboo_account_invite_async (amy->account, jid, live_account_jid (dan), "Тавтай морил", NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  g_assert_true (holboo_account_invite_finish (amy->account, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (live_wait (invited, &invitation, 30000));
  g_assert_cmpstr (invitation.room, ==, jid);
  g_assert_cmpstr (invitation.from, ==, live_account_jid (amy));
  g_clear_object (&room_d);
  room_d = join_room (dan, jid, "dan", &error);
  g_assert_no_error (error);
  wait_occupants (room_a, 3);

  /* The owner makes bob an admin, then takes his membership away: bob
   * is removed (321) and does not come back by himself. */
  holboo_account_set_affiliation_async (amy->account, jid, live_account_jid (bob), HOLBOO_MUC_AFFILIATION_ADMIN,
                                        NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  g_assert_true (holboo_account_set_affiliation_finish (amy->account, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  {
    HolbooOccupant *o = holboo_room_find_occupant (room_a, "bob");
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (holboo_occupant_get_affiliation (o) != HOLBOO_MUC_AFFILIATION_ADMIN && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpint (holboo_occupant_get_affiliation (o), ==, HOLBOO_MUC_AFFILIATION_ADMIN);
  }

  g_signal_connect (room_b, "left", G_CALLBACK (on_left), &left);
  holboo_account_set_affiliation_async (amy->account, jid, live_account_jid (bob), HOLBOO_MUC_AFFILIATION_NONE,
                                        NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  g_assert_true (holboo_account_set_affiliation_finish (amy->account, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (live_wait (was_left, &left, 30000));
  g_assert_cmpint (left.reason, ==, HOLBOO_ROOM_LEAVE_REMOVED);
  g_assert_cmpint (holboo_room_get_state (room_b), ==, HOLBOO_ROOM_STATE_LEFT);
  wait_occupants (room_a, 2);

  /* A member cannot change affiliations. */
  holboo_account_set_affiliation_async (dan->account, jid, live_account_jid (amy), HOLBOO_MUC_AFFILIATION_NONE,
                                        NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  g_assert_false (holboo_account_set_affiliation_finish (dan->account, result, &error));
  g_assert_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_clear_object (&result);

  g_free (invitation.room);
  g_free (invitation.from);
  live_account_free (dan, FALSE);
  live_account_free (bob, FALSE);
  live_account_free (amy, FALSE);
}

static gboolean
room_joined (gpointer data)
{
  return holboo_room_get_state (data) == HOLBOO_ROOM_STATE_JOINED;
}

static gboolean
room_not_joined (gpointer data)
{
  return holboo_room_get_state (data) != HOLBOO_ROOM_STATE_JOINED;
}

/* The room forgets amy and the notice is lost: her self-ping finds out,
 * she joins again, and what she types meanwhile goes out after. */
static void
test_self_ping (void)
{
  LiveAccount *amy = live_account_new ("amy4", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bob = live_account_new ("bob4", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *jid = room_address ("ping");
  const char *members[] = { live_account_jid (bob), NULL };
  g_autoptr(HolbooRoom) room_a = NULL;
  g_autoptr(HolbooRoom) room_b = NULL;
  g_autoptr(GError) error = NULL;

  live_account_connect (amy);
  live_account_connect (bob);
  room_a = create_room (amy, jid, "amy", NULL, members);
  room_b = join_room (bob, jid, "bob", &error);
  g_assert_no_error (error);
  wait_occupants (room_b, 2);

  _holboo_account_rooms_drop_silently (amy->account, jid);
  wait_occupants (room_b, 1);          /* the room let her go */
  g_assert_cmpint (holboo_room_get_state (room_a), ==, HOLBOO_ROOM_STATE_JOINED);   /* she does not know */

  _holboo_account_rooms_ping_now (amy->account);
  g_assert_true (live_wait (room_not_joined, room_a, 30000));
  g_free (holboo_account_send_groupchat (amy->account, jid, "after the ping", &error));
  g_assert_no_error (error);
  g_assert_true (live_wait (room_joined, room_a, 30000));
  wait_occupants (room_b, 2);
  g_assert_true (live_account_wait_count (bob, jid, HOLBOO_MESSAGE_INCOMING, 1, 30000));
  g_assert_true (live_account_wait_state (amy, jid, HOLBOO_MESSAGE_STATE_DELIVERED, 30000));

  /* Still joined: a ping changes nothing. */
  _holboo_account_rooms_ping_now (amy->account);
  live_sleep (500);
  g_assert_cmpint (holboo_room_get_state (room_a), ==, HOLBOO_ROOM_STATE_JOINED);

  live_account_free (bob, FALSE);
  live_account_free (amy, FALSE);
}

static gboolean
has_room (gpointer data)
{
  LiveAccount *live = data;
  const char *jid = g_object_get_data (G_OBJECT (live->account), "test-room");
  HolbooRoom *room = holboo_account_get_room (live->account, jid);

  return room != NULL && holboo_room_get_state (room) == HOLBOO_ROOM_STATE_JOINED;
}

static gboolean
has_no_room (gpointer data)
{
  LiveAccount *live = data;

  return holboo_account_get_room (live->account, g_object_get_data (G_OBJECT (live->account), "test-room")) == NULL;
}

/* Group chats follow the user: a second device joins the room from the
 * bookmark, at login and live; leaving on one device leaves on both. */
static void
test_bookmarks (void)
{
  LiveAccount *desk = live_account_new ("amy5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *phone = live_account_new ("amy5", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bob = live_account_new ("bob5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *first = room_address ("bookmarked");
  g_autofree char *second = room_address ("pushed");
  const char *members[] = { live_account_jid (bob), NULL };
  g_autoptr(HolbooRoom) room1 = NULL;
  g_autoptr(HolbooRoom) room2 = NULL;
  g_autoptr(GError) error = NULL;

  live_account_connect (desk);
  live_account_connect (bob);
  room1 = create_room (desk, first, "Амар", "Нэгдүгээр", members);
  g_free (holboo_account_send_groupchat (desk->account, first, "before the phone", &error));
  g_assert_no_error (error);
  g_assert_true (live_account_wait_state (desk, first, HOLBOO_MESSAGE_STATE_DELIVERED, 30000));

  /* At login: the bookmark. */
  g_object_set_data_full (G_OBJECT (phone->account), "test-room", g_strdup (first), g_free);
  live_account_connect (phone);
  g_assert_true (live_wait (has_room, phone, 30000));
  wait_synced (holboo_account_get_room (phone->account, first));
  g_assert_cmpstr (holboo_room_get_nick (holboo_account_get_room (phone->account, first)), ==, "Амар");
  /* Its history, with our own message as ours. */
  g_assert_true (live_account_wait_count (phone, first, HOLBOO_MESSAGE_OUTGOING, 1, 30000));

  /* Live: a room created on the desk appears on the phone. */
  g_object_set_data_full (G_OBJECT (phone->account), "test-room", g_strdup (second), g_free);
  room2 = create_room (desk, second, "Амар", NULL, members);
  g_assert_true (live_wait (has_room, phone, 30000));

  /* Left on the desk: gone from the phone. */
  g_assert_true (holboo_account_leave_room (desk->account, second, &error));
  g_assert_no_error (error);
  g_assert_true (live_wait (has_no_room, phone, 30000));
  g_assert_nonnull (holboo_account_get_room (phone->account, first));

  live_account_free (phone, FALSE);
  live_account_free (bob, FALSE);
  live_account_free (desk, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/muc/three-members", test_three_members);
  g_test_add_func ("/core/muc/hostile", test_hostile);
  g_test_add_func ("/core/muc/membership", test_membership);
  g_test_add_func ("/core/muc/self-ping", test_self_ping);
  g_test_add_func ("/core/muc/bookmarks", test_bookmarks);

  status = g_test_run ();
  live_stop ();
  return status;
}
