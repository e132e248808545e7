/* test-store-rooms.c: group chats in the store — rooms beside their
 * conversations, and messages that never cross between a room's
 * conversation and a chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-rooms"

#include "config.h"

#include "holboo-store-rooms.h"
#include "store-message-util.h"

#define T0 G_GINT64_CONSTANT (1700000000000000)

typedef struct {
  Fixture      base;
  HolbooStore *store;
} StoreFixture;

static void
store_set_up (StoreFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f->base, data);
  f->store = holboo_store_new (f->base.path, NULL, &error);
  g_assert_no_error (error);
}

static void
store_tear_down (StoreFixture  *f,
                 gconstpointer  data)
{
  g_clear_object (&f->store);
  fixture_tear_down (&f->base, data);
}

static void
test_save_and_list (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(HolbooStoredRoom) room = holboo_stored_room_new (ROOM, "Болд");
  g_autoptr(HolbooStoredRoom) other = holboo_stored_room_new ("a@conference.example.mn", "Болд");
  g_autoptr(HolbooStoredRoom) got = NULL;
  g_autoptr(HolbooStoredRoom) none = NULL;
  g_autoptr(HolbooStoredRoom) nameless = holboo_stored_room_new ("b@conference.example.mn", "");
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GPtrArray) rooms = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (holboo_store_save_room (f->store, room, &error));
  g_assert_no_error (error);
  g_assert_cmpint (room->conversation_id, >, 0);
  id = room->conversation_id;

  /* Saved again: the same row, changed. */
  g_free (room->name);
  room->name = g_strdup ("Борлуулалт");
  g_free (room->subject);
  room->subject = g_strdup ("Энэ долоо хоног");
  room->autojoin = FALSE;
  g_assert_true (holboo_store_save_room (f->store, room, &error));
  g_assert_cmpint (room->conversation_id, ==, id);
  g_assert_true (holboo_store_save_room (f->store, other, &error));

  got = holboo_store_get_room (f->store, ROOM, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "Борлуулалт");
  g_assert_cmpstr (got->subject, ==, "Энэ долоо хоног");
  g_assert_false (got->autojoin);
  g_assert_cmpint (got->conversation_id, ==, id);
  none = holboo_store_get_room (f->store, "nope@conference.example.mn", &error);
  g_assert_null (none);
  g_assert_no_error (error);

  conv = holboo_store_get_conversation (f->store, ROOM, &error);
  g_assert_cmpint (conv->kind, ==, HOLBOO_CONVERSATION_GROUP);

  rooms = holboo_store_list_rooms (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rooms->len, ==, 2);
  g_assert_cmpstr (((HolbooStoredRoom *) rooms->pdata[0])->jid, ==, "a@conference.example.mn");

  /* A room needs a nickname to join with. */
  g_assert_false (holboo_store_save_room (f->store, nameless, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM rooms"), ==, 2);
}

/* Whatever was stored under a room's address is the room's. */
static void
test_chat_becomes_room (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(HolbooStoredMessage) m = make_message (HOLBOO_MESSAGE_INCOMING, "x@conference.example.mn", "hi", T0);
  g_autoptr(HolbooStoredRoom) room = holboo_stored_room_new ("x@conference.example.mn", "Болд");
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (insert_one (f->store, m, &id), ==, HOLBOO_INSERT_NEW);
  g_assert_true (holboo_store_save_room (f->store, room, &error));
  conv = holboo_store_get_conversation (f->store, "x@conference.example.mn", &error);
  g_assert_cmpint (conv->kind, ==, HOLBOO_CONVERSATION_GROUP);
  g_assert_cmpint (conv->id, ==, room->conversation_id);
}

/* A private message through a room (a carbon, an archived copy) does
 * not land in the room's conversation, nor a group message in a chat;
 * the rest of the batch is stored. */
static void
test_kinds_do_not_mix (StoreFixture  *f,
                       gconstpointer  data)
{
  g_autoptr(HolbooStoredMessage) group = make_message (HOLBOO_MESSAGE_INCOMING, ROOM, "in the room", T0);
  g_autoptr(HolbooStoredMessage) pm = make_message (HOLBOO_MESSAGE_INCOMING, ROOM, "private", T0 + 1);
  g_autoptr(HolbooStoredMessage) chat = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "chat", T0 + 2);
  g_autoptr(HolbooStoredMessage) fake_group = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "group?", T0 + 3);
  g_autoptr(GError) error = NULL;
  HolbooInsertResult result;

  g_assert_cmpint (insert_one (f->store, group, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, chat, NULL), ==, HOLBOO_INSERT_NEW);

  pm->kind = HOLBOO_CONVERSATION_CHAT;
  g_assert_false (holboo_store_insert_messages (f->store, &pm, 1, &result, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  fake_group->kind = HOLBOO_CONVERSATION_GROUP;
  g_assert_false (holboo_store_insert_messages (f->store, &fake_group, 1, &result, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);

  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM messages"), ==, 2);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM conversations"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/rooms/" name, StoreFixture, NULL, store_set_up, func, store_tear_down)
  ADD ("save-and-list", test_save_and_list);
  ADD ("chat-becomes-room", test_chat_becomes_room);
  ADD ("kinds-do-not-mix", test_kinds_do_not_mix);
#undef ADD

  return g_test_run ();
}
