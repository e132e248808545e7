/* test-store-migrations.c: HolbooStore — fixtures of every schema version,
 * failed and newer migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-migrations"

#include "config.h"

#include "holboo-store-calls.h"
#include "holboo-store-cards.h"
#include "holboo-store-messages.h"
#include "holboo-store-rooms.h"
#include "holboo-store-roster.h"
#include "holboo-test-util.h"
#include "store-test-util.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* The rows of v2.db still read, search and sync after an upgrade. */
static void
check_v2_data (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredConversation) conv = holboo_store_get_conversation (store, "bat.erdene@example.mn",
                                                                            &error);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(HolbooMamGap) gap = NULL;
  g_autoptr(HolbooStoredMessage) copy = holboo_stored_message_new ();
  HolbooInsertResult result;

  g_assert_no_error (error);
  g_assert_nonnull (conv);
  g_assert_cmpint (conv->last_message_id, ==, 3);

  page = holboo_store_get_messages_before (store, conv->id, NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpstr (((HolbooStoredMessage *) page->pdata[0])->body, ==,
                   "Сайн байна уу? Гэрээний төслийг илгээлээ.");

  outbox = holboo_store_outbox_list (store, &error);
  g_assert_cmpuint (outbox->len, ==, 1);
  g_assert_cmpstr (((HolbooStoredMessage *) outbox->pdata[0])->origin_id, ==, "8d2b0c1a-0003");

  hits = holboo_store_search_messages (store, "гэрээ", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((HolbooSearchHit *) hits->pdata[0])->message_id, ==, 1);
  /* The index matches its content table. */
  raw_exec (_holboo_store_get_db (store),
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");

  g_assert_true (holboo_store_mam_find_gap (store, "bold@example.mn", NULL, "A2", 1700000060000000,
                                            &gap, &error));
  g_assert_null (gap);

  /* The fixture's archived message is a duplicate of itself. */
  copy->peer = g_strdup ("bat.erdene@example.mn");
  copy->from_jid = g_strdup ("bat.erdene@example.mn/phone");
  copy->to_jid = g_strdup ("bold@example.mn");
  copy->body = g_strdup ("Сайн байна уу? Гэрээний төслийг илгээлээ.");
  copy->timestamp = 1700000000000000;
  copy->stanza_id = g_strdup ("A1");
  copy->stanza_id_by = g_strdup ("bold@example.mn");
  g_assert_true (holboo_store_insert_messages (store, &copy, 1, &result, &error));
  g_assert_cmpint (result.outcome, ==, HOLBOO_INSERT_DUPLICATE);
  g_assert_cmpint (result.id, ==, 1);
}

/* The contacts of v3.db are still known after an upgrade. */
static void
check_v3_data (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ver = NULL;
  g_autoptr(GPtrArray) roster = holboo_store_roster_load (store, &ver, &error);
  g_autoptr(GPtrArray) blocked = holboo_store_blocklist_load (store, &error);
  HolbooStoredRosterItem *bat, *saraa;

  g_assert_no_error (error);
  g_assert_cmpstr (ver, ==, "v3-fixture");
  g_assert_cmpuint (roster->len, ==, 2);
  bat = roster->pdata[0];
  g_assert_cmpstr (bat->jid, ==, "bat.erdene@example.mn");
  g_assert_cmpstr (bat->name, ==, "Бат-Эрдэнэ");
  g_assert_cmpint (bat->subscription, ==, 3);
  g_assert_cmpstr (bat->groups[0], ==, "Борлуулалт");
  saraa = roster->pdata[1];
  g_assert_null (saraa->name);
  g_assert_true (saraa->ask);
  g_assert_cmpuint (blocked->len, ==, 1);
  g_assert_cmpstr (blocked->pdata[0], ==, "spam@example.com");
}

static HolbooStoredMessage *
find_row (GPtrArray *page,
          gint64     id)
{
  for (guint i = 0; i < page->len; i++)
    if (((HolbooStoredMessage *) page->pdata[i])->id == id)
      return page->pdata[i];
  g_assert_not_reached ();
  return NULL;
}

/* The rows of v4.db (message actions) read, search and take actions
 * after an upgrade. */
static void
check_v4_data (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredConversation) conv = holboo_store_get_conversation (store, "bat.erdene@example.mn",
                                                                            &error);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(HolbooMessageAction) retraction = holboo_message_action_new (HOLBOO_MESSAGE_ACTION_RETRACT);
  g_autoptr(HolbooStoredMessage) late = holboo_stored_message_new ();
  g_autofree char *draft = NULL;
  HolbooStoredMessage *m;
  HolbooReaction *r;
  HolbooActionResult ar;
  HolbooInsertResult ir;

  g_assert_no_error (error);
  g_assert_cmpint (conv->last_message_id, ==, 5);
  g_assert_cmpuint (conv->unread, ==, 0);

  page = holboo_store_get_messages_before (store, conv->id, NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 5);
  m = find_row (page, 1);
  g_assert_cmpstr (m->body, ==, "Сайн байна уу? Гэрээний шинэ төслийг илгээлээ.");
  g_assert_cmpint (m->edited_at, ==, 1700000030000000);
  g_assert_true (m->markable);
  g_assert_true (m->read);
  g_assert_nonnull (m->reactions);
  g_assert_cmpuint (m->reactions->len, ==, 2);
  r = m->reactions->pdata[0];
  g_assert_cmpstr (r->emoji, ==, "👍");
  g_assert_cmpuint (r->count, ==, 2);
  g_assert_true (r->own);
  r = m->reactions->pdata[1];
  g_assert_cmpstr (r->emoji, ==, "🎉");
  g_assert_false (r->own);
  m = find_row (page, 4);
  g_assert_cmpint (m->reply_to_row, ==, 1);
  g_assert_cmpstr (m->reply_to_id, ==, "m-1");
  g_assert_cmpstr (m->reply_preview, ==, "Сайн байна уу? Гэрээний шинэ төслийг илгээлээ.");
  g_assert_cmpint (m->state, ==, HOLBOO_MESSAGE_STATE_READ);
  m = find_row (page, 5);
  g_assert_true (m->retracted);
  g_assert_cmpstr (m->body, ==, "");
  g_assert_false (m->read);

  g_assert_true (holboo_store_load_draft (store, "bat.erdene@example.mn", &draft, &error));
  g_assert_cmpstr (draft, ==, "Маргааш 10 цагт уулз");

  hits = holboo_store_search_messages (store, "шинэ", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The correction waiting in the fixture finds its message. */
  late->peer = g_strdup ("bat.erdene@example.mn");
  late->from_jid = g_strdup ("bat.erdene@example.mn/phone");
  late->to_jid = g_strdup ("bold@example.mn");
  late->body = g_strdup ("Өмнөх мессеж");
  late->timestamp = 1699999000000000;
  late->message_id = g_strdup ("m-0");
  g_assert_true (holboo_store_insert_messages (store, &late, 1, &ir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ir.outcome, ==, HOLBOO_INSERT_NEW);
  g_assert_true (ir.actions_applied);
  {
    g_autoptr(HolbooStoredMessage) now = holboo_store_get_message (store, ir.id, &error);

    g_assert_cmpstr (now->body, ==, "Өмнөх мессеж, засварласан");
    g_assert_cmpint (now->edited_at, ==, 1700000250000000);
  }

  /* The peer retracts the first message: its text leaves the row, the
   * index, the reply's preview. */
  retraction->peer = g_strdup ("bat.erdene@example.mn");
  retraction->from_jid = g_strdup ("bat.erdene@example.mn/phone");
  retraction->target_id = g_strdup ("m-1");
  retraction->timestamp = 1700000400000000;
  g_assert_true (holboo_store_apply_actions (store, &retraction, 1, &ar, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ar.outcome, ==, HOLBOO_ACTION_APPLIED);
  g_assert_cmpint (ar.message_id, ==, 1);
  hits = holboo_store_search_messages (store, "гэрээ", 0, 10, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&page, g_ptr_array_unref);
  page = holboo_store_get_messages_before (store, conv->id, NULL, 50, &error);
  g_assert_true (find_row (page, 1)->retracted);
  g_assert_null (find_row (page, 1)->reactions);
  g_assert_null (find_row (page, 4)->reply_preview);
  raw_exec (_holboo_store_get_db (store),
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
}

/* Version 5, group chats: a room
 * with its conversation, an occupant's message archived by the room. */
static void
check_v5_data (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredRoom) room = holboo_store_get_room (store, "borluulalt@conference.example.mn", &error);
  g_autoptr(GPtrArray) rooms = holboo_store_list_rooms (store, &error);
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(HolbooStoredMessage) copy = holboo_stored_message_new ();
  g_autoptr(GPtrArray) hits = NULL;
  HolbooInsertResult result;

  g_assert_no_error (error);
  g_assert_nonnull (room);
  g_assert_cmpuint (rooms->len, ==, 1);
  g_assert_cmpstr (room->nick, ==, "Болд");
  g_assert_cmpstr (room->name, ==, "Борлуулалт");
  g_assert_cmpstr (room->subject, ==, "Долоо хоногийн төлөвлөгөө");
  g_assert_true (room->autojoin);

  conv = holboo_store_get_conversation_by_id (store, room->conversation_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (conv->kind, ==, HOLBOO_CONVERSATION_GROUP);
  g_assert_cmpuint (conv->unread, ==, 1);

  hits = holboo_store_search_messages (store, "захиалга", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  /* The room's archive id dedups it. */
  copy->peer = g_strdup ("borluulalt@conference.example.mn");
  copy->kind = HOLBOO_CONVERSATION_GROUP;
  copy->from_jid = g_strdup ("borluulalt@conference.example.mn/Сараа");
  copy->to_jid = g_strdup ("bold@example.mn");
  copy->body = g_strdup ("Өнөөдөр 3 захиалга хаалаа");
  copy->timestamp = 1700000200000000;
  copy->stanza_id = g_strdup ("R1");
  copy->stanza_id_by = g_strdup ("borluulalt@conference.example.mn");
  g_assert_true (holboo_store_insert_messages (store, &copy, 1, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.outcome, ==, HOLBOO_INSERT_DUPLICATE);
  g_assert_cmpint (result.id, ==, 40);
}

/* The schema version that added attachments. */
#define ATTACHMENTS_VERSION 7

/* The attachments fixture's conversation with saraa: a file of ours
 * still uploading, out of the outbox but in its conversation, and one
 * offered to us; read with their messages, and the upload can finish. */
static void
check_attachments_data (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredConversation) conv = holboo_store_get_conversation (store, "saraa@example.mn", &error);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) uploads = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(HolbooStoredMessage) sent = NULL;
  HolbooStoredMessage *ours, *theirs;

  g_assert_no_error (error);
  g_assert_nonnull (conv);
  page = holboo_store_get_messages_before (store, conv->id, NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 2);
  ours = page->pdata[0];
  theirs = page->pdata[1];
  g_assert_cmpint (ours->id, ==, 6);
  g_assert_nonnull (ours->attachment);
  g_assert_cmpint (ours->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_UPLOADING);
  g_assert_cmpstr (ours->attachment->name, ==, "Зураг.jpg");
  g_assert_cmpstr (ours->attachment->description, ==, "Оффисын зураг");
  g_assert_cmpint (ours->attachment->size, ==, 48213);
  g_assert_cmpint (ours->attachment->width, ==, 640);
  g_assert_cmpint (theirs->id, ==, 7);
  g_assert_cmpint (theirs->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_REMOTE);
  g_assert_cmpstr (theirs->attachment->url, ==, "https://upload.example.mn/x/gereee.pdf");

  uploads = holboo_store_list_uploads (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uploads->len, ==, 1);
  g_assert_cmpint (((HolbooStoredMessage *) uploads->pdata[0])->id, ==, 6);

  outbox = holboo_store_outbox_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < outbox->len; i++)
    g_assert_cmpint (((HolbooStoredMessage *) outbox->pdata[i])->id, !=, 6);

  sent = holboo_store_attachment_uploaded (store, 6, "https://upload.example.mn/y/zurag.jpg", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sent->body, ==, "https://upload.example.mn/y/zurag.jpg");
  g_assert_cmpint (sent->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_UPLOADED);
}

/* The schema version that added the call log. */
#define CALLS_VERSION 8

/* The call log fixture: an answered call and a missed one, newest first;
 * a call logged again stays one row. */
static void
check_calls_data (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calls = holboo_store_list_calls (store, 0, &error);
  g_autoptr(HolbooStoredCall) again = holboo_stored_call_new ("c4a11e8d-0001", "saraa@example.mn");
  HolbooStoredCall *missed, *answered;

  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 2);
  missed = calls->pdata[0];
  answered = calls->pdata[1];
  g_assert_cmpstr (missed->peer, ==, "bat.erdene@example.mn");
  g_assert_cmpstr (missed->end_reason, ==, "missed");
  g_assert_true (missed->incoming && missed->video);
  g_assert_cmpint (missed->answered, ==, 0);
  g_assert_cmpstr (answered->end_reason, ==, "hung-up");
  g_assert_cmpint (answered->ended - answered->answered, ==, 60000000);

  again->end_reason = g_strdup ("missed");
  again->started = again->ended = 1700000300000000;
  g_assert_true (holboo_store_log_call (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, 1);
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = holboo_store_list_calls (store, 0, &error);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpstr (((HolbooStoredCall *) calls->pdata[1])->end_reason, ==, "hung-up");
}

/* The schema version that added the card cache. */
#define CARDS_VERSION 11

/* The card cache fixture: bat's card, kept; put replaces, remove forgets. */
static void
check_cards_data (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = holboo_store_cards_load (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpstr (((HolbooStoredCard *) cards->pdata[0])->jid, ==, "bat.erdene@example.mn");
  g_assert_nonnull (strstr (((HolbooStoredCard *) cards->pdata[0])->vcard, "FN:Бат-Эрдэнэ"));
  g_assert_cmpint (((HolbooStoredCard *) cards->pdata[0])->fetched_at, ==, 1700000500000000);

  g_assert_true (holboo_store_card_put (store, "bat.erdene@example.mn", "BEGIN:VCARD\r\nEND:VCARD\r\n", 1, &error));
  g_assert_true (holboo_store_card_put (store, "saraa@example.mn", "BEGIN:VCARD\r\nEND:VCARD\r\n", 2, &error));
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = holboo_store_cards_load (store, &error);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpint (((HolbooStoredCard *) cards->pdata[0])->fetched_at, ==, 1);
  g_assert_true (holboo_store_card_remove (store, "saraa@example.mn", &error));
  g_assert_true (holboo_store_card_remove (store, "bat.erdene@example.mn", &error));
  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = holboo_store_cards_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 0);
}

/* The schema version that added muted and pinned conversations. */
#define CONVERSATION_FLAGS_VERSION 12

/* Conversations of older versions are neither muted nor pinned; the
 * flags fixture's are, and a pinned conversation without messages is
 * listed, pinned ones in the order they were pinned. */
static void
check_conversation_flags (HolbooStore *store,
                          int          version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredConversation) bat = holboo_store_get_conversation (store, "bat.erdene@example.mn", &error);
  g_autoptr(HolbooStoredConversation) saraa = NULL;
  g_autoptr(HolbooStoredConversation) unmuted = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean found_group = FALSE;

  g_assert_no_error (error);
  g_assert_false (bat->muted);
  g_assert_cmpint (bat->pinned_at, ==, 0);
  if (version < CONVERSATION_FLAGS_VERSION)
    return;

  saraa = holboo_store_get_conversation (store, "saraa@example.mn", &error);
  g_assert_no_error (error);
  g_assert_true (saraa->muted);
  g_assert_cmpint (saraa->pinned_at, ==, 1700000300000000);

  list = holboo_store_list_conversations (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      HolbooStoredConversation *c = list->pdata[i];

      if (g_str_equal (c->peer, "tovchoo@conference.example.mn"))
        {
          found_group = TRUE;
          g_assert_cmpint (c->kind, ==, HOLBOO_CONVERSATION_GROUP);
          g_assert_cmpint (c->pinned_at, ==, 1700000360000000);
          g_assert_cmpint (c->last_message_id, ==, 0);
        }
    }
  g_assert_true (found_group);

  unmuted = holboo_store_set_conversation_muted (store, "saraa@example.mn", HOLBOO_CONVERSATION_CHAT, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (unmuted->muted);
  g_assert_cmpint (unmuted->pinned_at, ==, 1700000300000000);
  g_assert_cmpint (unmuted->id, ==, saraa->id);
}

/* Every schema version that was ever released upgrades to exactly the
 * schema a fresh database gets, and keeps its data. */
static void
test_fixtures_upgrade (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh_path = g_build_filename (f->tmp, "fresh.db", NULL);
  g_autofree char *fresh = NULL;
  int latest = holboo_store_get_latest_schema_version ();

  {
    g_autoptr(HolbooStore) store = holboo_store_new (fresh_path, NULL, &error);
    g_assert_no_error (error);
  }
  fresh = describe_schema (fresh_path);
  g_test_message ("fresh schema:\n%s", fresh);

  for (int v = 0; v <= latest; v++)
    {
      g_autofree char *name = g_strdup_printf ("v%d.db", v);
      g_autofree char *path = g_build_filename (f->tmp, name, NULL);
      g_autofree char *src = g_test_build_filename (G_TEST_DIST, "unit", "store-fixtures", name, NULL);
      g_autofree char *upgraded = NULL;
      g_autofree char *before = NULL;
      g_autoptr(HolbooStore) store = NULL;
      sqlite3 *raw;

      if (!g_file_test (src, G_FILE_TEST_EXISTS))
        g_error ("No fixture for schema version %d: add it to "
                 "tests/unit/store-fixtures/make-fixtures.py and run it", v);

      copy_fixture (name, path);
      raw = raw_open (path);
      g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, v);
      sqlite3_close (raw);
      before = describe_schema (path);

      store = holboo_store_new (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (holboo_store_get_schema_version (store), ==, latest);
      g_assert_cmpuint (holboo_test_file_mode (path), ==, 0600);

      upgraded = describe_schema (path);
      g_assert_cmpstr (upgraded, ==, fresh);
      if (v == latest)
        g_assert_cmpstr (before, ==, fresh);

      if (v >= 1)
        {
          g_autofree char *fv = holboo_store_get_meta (store, "fixture-version", &error);
          g_autofree char *uni = holboo_store_get_meta (store, "unicode", &error);

          g_assert_no_error (error);
          g_assert_cmpint (atoi (fv), ==, 1);
          g_assert_cmpstr (uni, ==, "Холбоо ✓");
        }

      if (v >= 2 && v < 4)
        check_v2_data (store);
      if (v >= 3)
        check_v3_data (store);
      if (v >= 4)
        check_v4_data (store);
      if (v >= 5)
        check_v5_data (store);
      if (v >= ATTACHMENTS_VERSION)
        check_attachments_data (store);
      if (v >= CALLS_VERSION)
        check_calls_data (store);
      if (v >= CARDS_VERSION)
        check_cards_data (store);
      if (v >= 2)
        check_conversation_flags (store, v);
    }

  /* No fixture for a version that does not exist yet: the fixture set
   * and the migrations move together. */
  {
    g_autofree char *name = g_strdup_printf ("v%d.db", latest + 1);
    g_autofree char *src = g_test_build_filename (G_TEST_DIST, "unit", "store-fixtures", name, NULL);

    g_assert_false (g_file_test (src, G_FILE_TEST_EXISTS));
  }
}

static void
test_failed_migration (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *latest_name = g_strdup_printf ("v%d.db", holboo_store_get_latest_schema_version ());
  int latest = holboo_store_get_latest_schema_version ();

  copy_fixture (latest_name, f->path);
  before = read_bytes (f->path);
  schema_before = describe_schema (f->path);

  /* The migration does real work before it fails. */
  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store,
                                    "CREATE TABLE extra (x INTEGER);"
                                    "INSERT INTO extra VALUES (1);"
                                    "INSERT INTO no_such_table VALUES (1);");
  g_assert_false (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED);
  g_assert_nonnull (strstr (error->message, f->path));
  g_assert_nonnull (strstr (error->message, "no_such_table"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_clear_object (&store);

  /* Nothing changed: same bytes, no journal left behind. */
  assert_unchanged (f->path, before);
  assert_no_side_files (f->path);
  schema_after = describe_schema (f->path);
  g_assert_cmpstr (schema_after, ==, schema_before);

  /* And the file still opens normally. */
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (holboo_store_get_schema_version (store), ==, latest);

  /* The same for a database already in WAL mode, as Holboo leaves it. */
  g_assert_true (holboo_store_set_meta (store, "kept", "yes", &error));
  g_clear_object (&store);
  g_clear_pointer (&before, g_bytes_unref);
  before = read_bytes (f->path);

  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store,
                                    "CREATE TABLE extra (x INTEGER);"
                                    "INSERT INTO meta VALUES ('kept', 'no') "
                                    "  ON CONFLICT (key) DO UPDATE SET value = excluded.value;"
                                    "SELECT no_such_function ();");
  g_assert_false (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED);
  g_clear_error (&error);
  g_clear_object (&store);
  assert_unchanged (f->path, before);

  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *kept = holboo_store_get_meta (store, "kept", &error);
    g_assert_cmpstr (kept, ==, "yes");
  }
}

/* Pending migrations are one transaction: when the last fails, the
 * earlier ones are rolled back too. */
static void
test_failed_migration_chain (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  sqlite3 *raw;

  copy_fixture ("v0.db", f->path);
  before = read_bytes (f->path);

  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store, "CREATE TABLE ok_one (x INTEGER);");
  _holboo_store_add_test_migration (store, "CREATE TABLE broken (;");
  g_assert_false (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED);
  g_clear_object (&store);

  assert_unchanged (f->path, before);
  raw = raw_open (f->path);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM sqlite_master"), ==, 0);
  sqlite3_close (raw);
}

/* A migration that leaves a dangling foreign key is refused. */
static void
test_failed_migration_foreign_key (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;

  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store,
                                    "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                                    "CREATE TABLE child (id INTEGER PRIMARY KEY,"
                                    "  parent_id INTEGER NOT NULL REFERENCES parent (id));"
                                    "INSERT INTO child VALUES (1, 42);");
  g_assert_false (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_MIGRATION_FAILED);
  g_assert_nonnull (strstr (error->message, "child"));
}

/* Foreign keys are enforced once the store is open; and a database
 * from a "newer Holboo" (one more migration) is refused by this one. */
static void
test_foreign_keys_and_too_new (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  int latest = holboo_store_get_latest_schema_version ();
  char *msg = NULL;
  sqlite3 *db;
  int rc;

  store = _holboo_store_new_uninitialized (f->path);
  _holboo_store_add_test_migration (store,
                                    "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                                    "CREATE TABLE child (id INTEGER PRIMARY KEY,"
                                    "  parent_id INTEGER NOT NULL REFERENCES parent (id));");
  g_assert_true (g_initable_init (G_INITABLE (store), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (holboo_store_get_schema_version (store), ==, latest + 1);

  db = _holboo_store_get_db (store);
  rc = sqlite3_exec (db, "INSERT INTO child VALUES (1, 42);", NULL, NULL, &msg);
  /* The store turned extended result codes on. */
  g_assert_cmpint (rc, ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  sqlite3_free (msg);
  g_clear_object (&store);

  /* This build knows one version less. */
  before = read_bytes (f->path);
  store = holboo_store_new (f->path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, f->path));
  g_test_message ("%s", error->message);
  assert_unchanged (f->path, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/migrations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fixtures-upgrade", test_fixtures_upgrade);
  ADD ("failed-migration", test_failed_migration);
  ADD ("failed-migration-chain", test_failed_migration_chain);
  ADD ("failed-migration-foreign-key", test_failed_migration_foreign_key);
  ADD ("foreign-keys-and-too-new", test_foreign_keys_and_too_new);
#undef ADD

  return g_test_run ();
}
