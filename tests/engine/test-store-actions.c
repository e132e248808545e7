/* test-store-actions.c: corrections, retractions, reactions, displayed
 * markers and replies in the store — who may do what, which of two
 * wins, actions that come before their message, the full-text index,
 * unread counts; drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-actions"

#include "config.h"

#include "store-message-util.h"

#include <string.h>

#define T0 G_GINT64_CONSTANT (1700000000000000)
#define SEC G_USEC_PER_SEC
#define EVE "eve@example.mn"

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

/* Stores a message with @id as id attribute and origin-id. */
static gint64
add (StoreFixture           *f,
     HolbooMessageDirection  direction,
     const char             *peer,
     const char             *id,
     const char             *body,
     gint64                  timestamp)
{
  g_autoptr(HolbooStoredMessage) m = make_message (direction, peer, body, timestamp);
  gint64 row;

  set_ids (m, NULL, id);
  m->message_id = g_strdup (id);
  g_assert_cmpint (insert_one (f->store, m, &row), ==, HOLBOO_INSERT_NEW);
  return row;
}

static HolbooActionOutcome
act (StoreFixture            *f,
     HolbooMessageActionKind  kind,
     HolbooMessageDirection   direction,
     const char              *peer,
     const char              *target,
     const char              *body,
     gint64                   timestamp)
{
  g_autoptr(HolbooMessageAction) a = holboo_message_action_new (kind);
  g_autoptr(GError) error = NULL;
  HolbooActionResult result;

  a->peer = g_strdup (peer);
  a->conversation_kind = HOLBOO_CONVERSATION_CHAT;
  a->direction = direction;
  a->from_jid = g_strdup (direction == HOLBOO_MESSAGE_INCOMING ? peer : ACCOUNT);
  a->target_id = g_strdup (target);
  a->timestamp = timestamp;
  if (kind == HOLBOO_MESSAGE_ACTION_REACT)
    a->reactions = body != NULL ? g_strsplit (body, " ", -1) : g_new0 (char *, 1);
  else
    a->body = g_strdup (body);
  g_assert_true (holboo_store_apply_actions (f->store, &a, 1, &result, &error));
  g_assert_no_error (error);
  return result.outcome;
}

static HolbooStoredMessage *
get (StoreFixture *f,
     gint64        id)
{
  g_autoptr(GError) error = NULL;
  HolbooStoredMessage *m = holboo_store_get_message (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (m);
  return m;
}

static guint
hits (StoreFixture *f,
      const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = holboo_store_search_messages (f->store, query, 0, 50, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
assert_index_intact (StoreFixture *f)
{
  raw_exec (_holboo_store_get_db (f->store),
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
}

static void
test_correction (StoreFixture  *f,
                 gconstpointer  data)
{
  gint64 theirs = add (f, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "Уулзалт 10 цагт", T0);
  gint64 ours = add (f, HOLBOO_MESSAGE_OUTGOING, PEER, "o1", "За, ойлголоо", T0 + SEC);
  g_autoptr(HolbooStoredMessage) m = NULL;

  /* The author corrects: same row, new body, edited; the index follows. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_CORRECT, HOLBOO_MESSAGE_INCOMING, PEER, "m1",
                        "Уулзалт 11 цагт, танхимд", T0 + 10 * SEC), ==, HOLBOO_ACTION_APPLIED);
  m = get (f, theirs);
  g_assert_cmpstr (m->body, ==, "Уулзалт 11 цагт, танхимд");
  g_assert_cmpint (m->edited_at, ==, T0 + 10 * SEC);
  g_assert_cmpint (m->timestamp, ==, T0);
  g_assert_cmpuint (hits (f, "танхим"), ==, 1);
  g_assert_cmpuint (hits (f, "10"), ==, 0);
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* An older correction arriving later (an archive page) loses. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_CORRECT, HOLBOO_MESSAGE_INCOMING, PEER, "m1",
                        "Уулзалт 10:30", T0 + 5 * SEC), ==, HOLBOO_ACTION_IGNORED);
  m = get (f, theirs);
  g_assert_cmpstr (m->body, ==, "Уулзалт 11 цагт, танхимд");
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* Forged: the peer corrects our message, we correct theirs. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_CORRECT, HOLBOO_MESSAGE_INCOMING, PEER, "o1",
                        "forged", T0 + 20 * SEC), ==, HOLBOO_ACTION_REFUSED);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_CORRECT, HOLBOO_MESSAGE_OUTGOING, PEER, "m1",
                        "forged", T0 + 20 * SEC), ==, HOLBOO_ACTION_REFUSED);
  /* Someone in another conversation names a message of this one: it is
   * not theirs to reach; it waits for a message of that id from them. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_CORRECT, HOLBOO_MESSAGE_INCOMING, EVE, "o1",
                        "forged", T0 + 20 * SEC), ==, HOLBOO_ACTION_PENDING);
  m = get (f, ours);
  g_assert_cmpstr (m->body, ==, "За, ойлголоо");
  g_assert_cmpint (m->edited_at, ==, 0);
  g_assert_cmpuint (hits (f, "forged"), ==, 0);
  assert_index_intact (f);
}

static void
test_retraction (StoreFixture  *f,
                 gconstpointer  data)
{
  gint64 theirs = add (f, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "Нууц код 4711", T0 + 2 * SEC);
  gint64 reply;
  g_autoptr(HolbooStoredMessage) m = NULL;
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(HolbooStoredMessage) r = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "Хүлээж авлаа", T0 + SEC);
  g_autoptr(GError) error = NULL;

  set_ids (r, NULL, "o2");
  r->reply_to_id = g_strdup ("m1");
  r->reply_preview = g_strdup ("Нууц код 4711");
  g_assert_cmpint (insert_one (f->store, r, &reply), ==, HOLBOO_INSERT_NEW);
  m = get (f, reply);
  g_assert_cmpint (m->reply_to_row, ==, theirs);
  g_assert_cmpstr (m->reply_preview, ==, "Нууц код 4711");
  g_clear_pointer (&m, holboo_stored_message_unref);

  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_OUTGOING, PEER, "m1", "👍", T0 + 2 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);
  conv = holboo_store_get_conversation (f->store, PEER, &error);
  g_assert_cmpuint (conv->unread, ==, 1);
  g_clear_pointer (&conv, holboo_stored_conversation_unref);

  /* Only the author retracts. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_RETRACT, HOLBOO_MESSAGE_OUTGOING, PEER, "m1", NULL, T0 + 3 * SEC),
                   ==, HOLBOO_ACTION_REFUSED);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_RETRACT, HOLBOO_MESSAGE_INCOMING, PEER, "m1", NULL, T0 + 4 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);

  /* A tombstone: the row stays, its text is nowhere, it is not unread. */
  m = get (f, theirs);
  g_assert_true (m->retracted);
  g_assert_cmpstr (m->body, ==, "");
  g_assert_null (m->reactions);
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = get (f, reply);
  g_assert_null (m->reply_preview);
  g_clear_pointer (&m, holboo_stored_message_unref);
  g_assert_cmpuint (hits (f, "4711"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM messages WHERE body LIKE '%4711%' "
                                         "OR reply_quote LIKE '%4711%'"), ==, 0);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM reactions"), ==, 0);
  conv = holboo_store_get_conversation (f->store, PEER, &error);
  g_assert_cmpuint (conv->unread, ==, 0);

  /* Nothing brings it back. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_CORRECT, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "back", T0 + 5 * SEC),
                   ==, HOLBOO_ACTION_IGNORED);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "❤️", T0 + 5 * SEC),
                   ==, HOLBOO_ACTION_IGNORED);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_RETRACT, HOLBOO_MESSAGE_INCOMING, PEER, "m1", NULL, T0 + 6 * SEC),
                   ==, HOLBOO_ACTION_IGNORED);
  m = get (f, theirs);
  g_assert_cmpstr (m->body, ==, "");
  assert_index_intact (f);
}

static void
test_reactions (StoreFixture  *f,
                gconstpointer  data)
{
  gint64 id = add (f, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "Шинэ гэрээ", T0);
  g_autoptr(HolbooStoredMessage) m = NULL;
  HolbooReaction *r;

  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "👍 🎉", T0 + 1 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_OUTGOING, PEER, "m1", "👍", T0 + 2 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);
  m = get (f, id);
  g_assert_cmpuint (m->reactions->len, ==, 2);
  r = m->reactions->pdata[0];
  g_assert_cmpstr (r->emoji, ==, "👍");
  g_assert_cmpuint (r->count, ==, 2);
  g_assert_true (r->own);
  r = m->reactions->pdata[1];
  g_assert_cmpstr (r->emoji, ==, "🎉");
  g_assert_cmpuint (r->count, ==, 1);
  g_assert_false (r->own);
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* A new set replaces the sender's old one; an older set, arriving
   * late, changes nothing. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "❤️", T0 + 3 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "😡", T0 + 2 * SEC),
                   ==, HOLBOO_ACTION_IGNORED);
  m = get (f, id);
  g_assert_cmpuint (m->reactions->len, ==, 2);
  g_assert_cmpstr (((HolbooReaction *) m->reactions->pdata[0])->emoji, ==, "👍");
  g_assert_cmpuint (((HolbooReaction *) m->reactions->pdata[0])->count, ==, 1);
  g_assert_cmpstr (((HolbooReaction *) m->reactions->pdata[1])->emoji, ==, "❤️");
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* Both take theirs back. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_INCOMING, PEER, "m1", NULL, T0 + 4 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_OUTGOING, PEER, "m1", NULL, T0 + 4 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);
  m = get (f, id);
  g_assert_null (m->reactions);
}

/* An archive pages newest first: actions come before their messages. */
static void
test_pending (StoreFixture  *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(HolbooStoredMessage) reply = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "Тийм", T0 + 9 * SEC);
  HolbooStoredMessage *batch[3];
  HolbooInsertResult results[3];
  HolbooStoredMessage *m;

  /* Newest first: a reply, a reaction, two corrections (newest first
   * too), a retraction — before any message. */
  set_ids (reply, "A9", "r9");
  reply->reply_to_id = g_strdup ("m1");
  reply->reply_preview = g_strdup ("Уулзах уу?");
  g_assert_cmpint (insert_one (f->store, reply, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_REACT, HOLBOO_MESSAGE_OUTGOING, PEER, "m1", "👍", T0 + 8 * SEC),
                   ==, HOLBOO_ACTION_PENDING);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_CORRECT, HOLBOO_MESSAGE_INCOMING, PEER, "m1",
                        "Маргааш уулзах уу?", T0 + 7 * SEC), ==, HOLBOO_ACTION_PENDING);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_CORRECT, HOLBOO_MESSAGE_INCOMING, PEER, "m1",
                        "Өнөөдөр уулзах уу?", T0 + 6 * SEC), ==, HOLBOO_ACTION_PENDING);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_RETRACT, HOLBOO_MESSAGE_INCOMING, PEER, "m2", NULL, T0 + 5 * SEC),
                   ==, HOLBOO_ACTION_PENDING);
  /* A forged one waits too, and is refused when its message comes. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_RETRACT, HOLBOO_MESSAGE_OUTGOING, PEER, "m1", NULL, T0 + 5 * SEC),
                   ==, HOLBOO_ACTION_PENDING);

  /* The older page, in one batch. */
  batch[0] = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "Уулзах уу?", T0);
  set_ids (batch[0], "A1", "m1");
  batch[1] = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "Нууц", T0 + SEC);
  set_ids (batch[1], "A2", "m2");
  batch[2] = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "Өөр", T0 + 2 * SEC);
  set_ids (batch[2], "A3", "m3");
  g_assert_true (holboo_store_insert_messages (f->store, batch, 3, results, &error));
  g_assert_no_error (error);
  g_assert_true (results[0].actions_applied);
  g_assert_true (results[1].actions_applied);
  g_assert_false (results[2].actions_applied);
  for (guint i = 0; i < 3; i++)
    holboo_stored_message_unref (batch[i]);

  conv = holboo_store_get_conversation (f->store, PEER, &error);
  page = holboo_store_get_messages_before (f->store, conv->id, NULL, 50, &error);
  g_assert_cmpuint (page->len, ==, 4);
  m = page->pdata[0];
  g_assert_cmpstr (m->body, ==, "Маргааш уулзах уу?");
  g_assert_cmpint (m->edited_at, ==, T0 + 7 * SEC);
  g_assert_false (m->retracted);
  g_assert_cmpuint (m->reactions->len, ==, 1);
  g_assert_true (((HolbooReaction *) m->reactions->pdata[0])->own);
  g_assert_true (((HolbooStoredMessage *) page->pdata[1])->retracted);
  m = page->pdata[3];
  g_assert_cmpstr (m->body, ==, "Тийм");
  g_assert_cmpint (m->reply_to_row, ==, ((HolbooStoredMessage *) page->pdata[0])->id);
  g_assert_cmpstr (m->reply_preview, ==, "Маргааш уулзах уу?");
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM pending_actions"), ==, 0);
  g_assert_cmpuint (hits (f, "маргааш"), ==, 1);
  g_assert_cmpuint (hits (f, "нууц"), ==, 0);
  assert_index_intact (f);
}

/* A displayed marker of our other device comes first (archive order);
 * the page it marks is stored in one batch, with a retraction waiting
 * too: the batch's unread count starts from what they did. */
static void
test_pending_read_mark (StoreFixture  *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GPtrArray) convs = NULL;
  HolbooStoredMessage *batch[5];
  HolbooInsertResult results[5];

  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_DISPLAYED, HOLBOO_MESSAGE_OUTGOING, PEER, "m3", NULL, T0 + 9 * SEC),
                   ==, HOLBOO_ACTION_PENDING);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_RETRACT, HOLBOO_MESSAGE_INCOMING, PEER, "m5", NULL, T0 + 8 * SEC),
                   ==, HOLBOO_ACTION_PENDING);
  /* Waiting actions make no conversation in the list. */
  convs = holboo_store_list_conversations (f->store, &error);
  g_assert_cmpuint (convs->len, ==, 0);
  g_clear_pointer (&convs, g_ptr_array_unref);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("m%u", i + 1);

      batch[i] = make_message (HOLBOO_MESSAGE_INCOMING, PEER, id, T0 + i * SEC);
      set_ids (batch[i], NULL, id);
    }
  g_assert_true (holboo_store_insert_messages (f->store, batch, 5, results, &error));
  g_assert_no_error (error);
  g_assert_true (results[2].actions_applied);
  g_assert_true (results[4].actions_applied);
  for (guint i = 0; i < 5; i++)
    holboo_stored_message_unref (batch[i]);

  /* m1–m3 read on the other device, m5 retracted: m4 alone is unread. */
  conv = holboo_store_get_conversation (f->store, PEER, &error);
  g_assert_cmpint (conv->read_until, ==, T0 + 2 * SEC);
  g_assert_cmpuint (conv->unread, ==, 1);
  convs = holboo_store_list_conversations (f->store, &error);
  g_assert_cmpuint (convs->len, ==, 1);
}

static void
test_displayed (StoreFixture  *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(HolbooStoredMessage) m = NULL;
  gint64 o1, o2, o3;

  o1 = add (f, HOLBOO_MESSAGE_OUTGOING, PEER, "o1", "нэг", T0);
  o2 = add (f, HOLBOO_MESSAGE_OUTGOING, PEER, "o2", "хоёр", T0 + SEC);
  add (f, HOLBOO_MESSAGE_INCOMING, PEER, "m1", "гурав", T0 + 2 * SEC);
  add (f, HOLBOO_MESSAGE_INCOMING, PEER, "m2", "дөрөв", T0 + 3 * SEC);
  o3 = add (f, HOLBOO_MESSAGE_OUTGOING, PEER, "o3", "тав", T0 + 4 * SEC);
  add (f, HOLBOO_MESSAGE_INCOMING, PEER, "m3", "зургаа", T0 + 5 * SEC);

  /* The peer saw o2: o1 and o2 are read, o3 not. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_DISPLAYED, HOLBOO_MESSAGE_INCOMING, PEER, "o2", NULL, T0 + 6 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);
  m = get (f, o1);
  g_assert_cmpint (m->state, ==, HOLBOO_MESSAGE_STATE_READ);
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = get (f, o2);
  g_assert_cmpint (m->state, ==, HOLBOO_MESSAGE_STATE_READ);
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = get (f, o3);
  g_assert_cmpint (m->state, ==, HOLBOO_MESSAGE_STATE_ACKED);
  g_clear_pointer (&m, holboo_stored_message_unref);
  /* A marker for the peer's own message is nonsense. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_DISPLAYED, HOLBOO_MESSAGE_INCOMING, PEER, "m1", NULL, T0 + 7 * SEC),
                   ==, HOLBOO_ACTION_REFUSED);

  /* Our other device saw m2: the read mark moves, m3 stays unread. */
  conv = holboo_store_get_conversation (f->store, PEER, &error);
  g_assert_cmpuint (conv->unread, ==, 1);   /* o3 at T0+4 moved the mark to there */
  g_clear_pointer (&conv, holboo_stored_conversation_unref);
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_DISPLAYED, HOLBOO_MESSAGE_OUTGOING, PEER, "m3", NULL, T0 + 8 * SEC),
                   ==, HOLBOO_ACTION_APPLIED);
  conv = holboo_store_get_conversation (f->store, PEER, &error);
  g_assert_cmpuint (conv->unread, ==, 0);
  g_assert_cmpint (conv->read_until, ==, T0 + 5 * SEC);
  /* An older marker does not move it back. */
  g_assert_cmpint (act (f, HOLBOO_MESSAGE_ACTION_DISPLAYED, HOLBOO_MESSAGE_OUTGOING, PEER, "m1", NULL, T0 + 9 * SEC),
                   ==, HOLBOO_ACTION_IGNORED);
  m = get (f, o3 + 1);
  g_assert_true (m->read);
}

static void
test_drafts (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (holboo_store_load_draft (f->store, PEER, &text, &error));
  g_assert_null (text);
  g_assert_true (holboo_store_save_draft (f->store, PEER, "Сайн уу, ", &error));
  g_assert_true (holboo_store_save_draft (f->store, PEER, "Сайн уу, Бат", &error));
  g_assert_true (holboo_store_save_draft (f->store, ROOM, "team", &error));
  g_assert_no_error (error);

  /* Across a restart. */
  g_clear_object (&f->store);
  f->store = holboo_store_new (f->base.path, NULL, &error);
  g_assert_true (holboo_store_load_draft (f->store, PEER, &text, &error));
  g_assert_cmpstr (text, ==, "Сайн уу, Бат");
  g_clear_pointer (&text, g_free);

  g_assert_true (holboo_store_save_draft (f->store, PEER, "", &error));
  g_assert_true (holboo_store_load_draft (f->store, PEER, &text, &error));
  g_assert_null (text);
  g_assert_true (holboo_store_load_draft (f->store, ROOM, &text, &error));
  g_assert_cmpstr (text, ==, "team");
  g_free (text);
  /* A draft makes no conversation. */
  {
    g_autoptr(GPtrArray) convs = holboo_store_list_conversations (f->store, &error);

    g_assert_cmpuint (convs->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/actions/" name, StoreFixture, NULL, store_set_up, func, store_tear_down)
  ADD ("correction", test_correction);
  ADD ("retraction", test_retraction);
  ADD ("reactions", test_reactions);
  ADD ("pending", test_pending);
  ADD ("pending-read-mark", test_pending_read_mark);
  ADD ("displayed", test_displayed);
  ADD ("drafts", test_drafts);
#undef ADD

  return g_test_run ();
}
