/* test-store-messages.c: messages land exactly once, batches are atomic,
 * conversations follow, pages are exact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-messages"

#include "config.h"

#include "store-message-util.h"

#include <string.h>

#define T0 G_GINT64_CONSTANT (1700000000000000)
#define SEC G_USEC_PER_SEC

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

static gint64
n_messages (StoreFixture *f)
{
  return count_rows (f->store, "SELECT count(*) FROM messages");
}

/* Live, then carbon, then MAM: one row, and the MAM copy adds the
 * archive's time. */
static void
test_dedup_live_carbon_mam (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(HolbooStoredMessage) live = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "Сайн уу", T0);
  g_autoptr(HolbooStoredMessage) carbon = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "Сайн уу", T0 + 1);
  g_autoptr(HolbooStoredMessage) mam = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "Сайн уу", T0);
  g_autoptr(HolbooStoredMessage) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, id2;

  set_ids (live, "A1", "o-1");
  set_ids (carbon, NULL, "o-1");
  set_ids (mam, "A1", "o-1");
  mam->server_ts = T0 + 5;

  g_assert_cmpint (insert_one (f->store, live, &id), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, carbon, &id2), ==, HOLBOO_INSERT_DUPLICATE);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpint (insert_one (f->store, mam, &id2), ==, HOLBOO_INSERT_UPDATED);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpint (insert_one (f->store, mam, &id2), ==, HOLBOO_INSERT_DUPLICATE);
  g_assert_cmpint (n_messages (f), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'сайн'"),
                   ==, 1);

  row = holboo_store_get_message (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (row->peer, ==, PEER);
  g_assert_cmpstr (row->stanza_id, ==, "A1");
  g_assert_cmpstr (row->stanza_id_by, ==, ACCOUNT);
  g_assert_cmpstr (row->origin_id, ==, "o-1");
  g_assert_cmpint (row->timestamp, ==, T0);  /* the first copy's */
  g_assert_cmpint (row->server_ts, ==, T0 + 5);
  g_assert_cmpint (row->direction, ==, HOLBOO_MESSAGE_INCOMING);
  g_assert_cmpint (row->state, ==, HOLBOO_MESSAGE_STATE_RECEIVED);
}

/* A carbon without an archive id first: MAM fills the id in, and a
 * later copy by archive id alone finds it. */
static void
test_dedup_carbon_then_mam (StoreFixture  *f,
                            gconstpointer  data)
{
  g_autoptr(HolbooStoredMessage) carbon = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "hello", T0);
  g_autoptr(HolbooStoredMessage) mam = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "hello", T0);
  g_autoptr(HolbooStoredMessage) bare = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "hello", T0);
  g_autoptr(HolbooStoredMessage) resent = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "hello", T0 + SEC);
  g_autoptr(HolbooStoredMessage) row = NULL;
  gint64 id, id2;

  set_ids (carbon, NULL, "o-2");
  set_ids (mam, "A2", "o-2");
  set_ids (bare, "A2", NULL);
  /* The sender's client resent it after a lost ack: archived twice. */
  set_ids (resent, "A3", "o-2");

  g_assert_cmpint (insert_one (f->store, carbon, &id), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, mam, &id2), ==, HOLBOO_INSERT_UPDATED);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpint (insert_one (f->store, bare, &id2), ==, HOLBOO_INSERT_DUPLICATE);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpint (insert_one (f->store, resent, &id2), ==, HOLBOO_INSERT_DUPLICATE);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpint (n_messages (f), ==, 1);

  row = holboo_store_get_message (f->store, id, NULL);
  g_assert_cmpstr (row->stanza_id, ==, "A2");
}

/* Senders without origin-ids: copies match by id attribute and body,
 * but two archived messages are two messages whatever their ids say. */
static void
test_dedup_legacy (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(HolbooStoredMessage) carbon = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "ok", T0);
  g_autoptr(HolbooStoredMessage) mam = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "ok", T0);
  g_autoptr(HolbooStoredMessage) other_body = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "okay", T0);
  g_autoptr(HolbooStoredMessage) reused_a = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "yes", T0 + SEC);
  g_autoptr(HolbooStoredMessage) reused_b = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "yes", T0 + 2 * SEC);
  gint64 id, id2;

  carbon->message_id = g_strdup ("1");
  mam->message_id = g_strdup ("1");
  set_ids (mam, "A10", NULL);
  other_body->message_id = g_strdup ("1");
  reused_a->message_id = g_strdup ("2");
  set_ids (reused_a, "A11", NULL);
  reused_b->message_id = g_strdup ("2");
  set_ids (reused_b, "A12", NULL);

  g_assert_cmpint (insert_one (f->store, carbon, &id), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, mam, &id2), ==, HOLBOO_INSERT_UPDATED);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpint (insert_one (f->store, mam, &id2), ==, HOLBOO_INSERT_DUPLICATE);
  g_assert_cmpint (insert_one (f->store, other_body, &id2), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, reused_a, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, reused_b, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (n_messages (f), ==, 4);
}

/* Our own message comes back from the archive, and from another of our
 * devices as a sent carbon. */
static void
test_dedup_own_echo (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(HolbooStoredMessage) mine = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "Би ирлээ", T0);
  g_autoptr(HolbooStoredMessage) echo = NULL;
  g_autoptr(HolbooStoredMessage) sent_carbon = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "from phone", T0 + SEC);
  g_autoptr(HolbooStoredMessage) sent_mam = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "from phone", T0 + SEC);
  g_autoptr(HolbooStoredMessage) row = NULL;
  g_autoptr(GPtrArray) outbox = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, id2;

  mine->from_jid[strlen (ACCOUNT)] = '\0';
  g_assert_true (holboo_store_outbox_add (f->store, mine, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mine->origin_id);
  g_assert_cmpstr (mine->message_id, ==, mine->origin_id);

  /* The archive's copy: the server has it. */
  echo = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "Би ирлээ", T0 + 3);
  set_ids (echo, "A20", mine->origin_id);
  echo->server_ts = T0 + 3;
  g_assert_cmpint (insert_one (f->store, echo, &id), ==, HOLBOO_INSERT_UPDATED);
  g_assert_cmpint (id, ==, mine->id);
  row = holboo_store_get_message (f->store, id, &error);
  g_assert_cmpint (row->state, ==, HOLBOO_MESSAGE_STATE_ACKED);
  g_assert_cmpstr (row->stanza_id, ==, "A20");
  g_assert_cmpint (row->timestamp, ==, T0);
  outbox = holboo_store_outbox_list (f->store, &error);
  g_assert_cmpuint (outbox->len, ==, 0);

  /* A receipt came first, then the archive copy: still delivered. */
  g_clear_pointer (&row, holboo_stored_message_unref);
  row = holboo_store_update_message_state (f->store, id, HOLBOO_MESSAGE_STATE_DELIVERED, &error);
  g_assert_nonnull (row);
  g_assert_cmpint (insert_one (f->store, echo, &id2), ==, HOLBOO_INSERT_DUPLICATE);
  g_clear_pointer (&row, holboo_stored_message_unref);
  row = holboo_store_get_message (f->store, id, &error);
  g_assert_cmpint (row->state, ==, HOLBOO_MESSAGE_STATE_DELIVERED);

  set_ids (sent_carbon, NULL, "o-phone");
  set_ids (sent_mam, "A21", "o-phone");
  g_assert_cmpint (insert_one (f->store, sent_carbon, &id), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, sent_mam, &id2), ==, HOLBOO_INSERT_UPDATED);
  g_assert_cmpint (id2, ==, id);
  g_assert_cmpint (n_messages (f), ==, 2);
}

/* Origin-ids are scoped: per conversation, per direction, and per
 * occupant in a group. */
static void
test_dedup_scopes (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(HolbooStoredMessage) a = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "x", T0);
  g_autoptr(HolbooStoredMessage) b = make_message (HOLBOO_MESSAGE_INCOMING, "saraa@example.mn", "x", T0);
  g_autoptr(HolbooStoredMessage) c = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "x", T0);
  g_autoptr(HolbooStoredMessage) g1 = make_message (HOLBOO_MESSAGE_INCOMING, ROOM, "x", T0);
  g_autoptr(HolbooStoredMessage) g2 = make_message (HOLBOO_MESSAGE_INCOMING, ROOM, "x", T0);
  g_autoptr(HolbooStoredMessage) g1_mam = make_message (HOLBOO_MESSAGE_INCOMING, ROOM, "x", T0);
  g_autoptr(HolbooStoredMessage) other_archive = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "y", T0);

  set_ids (a, "S1", "same");
  set_ids (b, "S1", "same");
  set_ids (c, NULL, "same");
  g_free (g1->from_jid);
  g1->from_jid = g_strdup (ROOM "/Бат");
  set_ids (g1, NULL, "same");
  g_free (g2->from_jid);
  g2->from_jid = g_strdup (ROOM "/Сараа");
  set_ids (g2, NULL, "same");
  g_free (g1_mam->from_jid);
  g1_mam->from_jid = g_strdup (ROOM "/Бат");
  set_ids (g1_mam, "R1", "same");
  /* The same id from another archive names another message. */
  set_ids (other_archive, "S1", NULL);
  g_free (other_archive->stanza_id_by);
  other_archive->stanza_id_by = g_strdup ("elsewhere.example");

  g_assert_cmpint (insert_one (f->store, a, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, b, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, c, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, g1, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, g2, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (insert_one (f->store, g1_mam, NULL), ==, HOLBOO_INSERT_UPDATED);
  g_assert_cmpint (insert_one (f->store, other_archive, NULL), ==, HOLBOO_INSERT_NEW);
  g_assert_cmpint (n_messages (f), ==, 6);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM conversations"), ==, 3);
}

/* Copies inside one batch (a MAM page overlapping live traffic) land
 * once, and the results say which was which. */
static void
test_dedup_in_batch (StoreFixture  *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  g_autoptr(GError) error = NULL;
  HolbooInsertResult results[6];
  HolbooStoredMessage *m;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *sid = g_strdup_printf ("B%u", i);
      g_autofree char *oid = g_strdup_printf ("ob-%u", i);
      g_autofree char *body = g_strdup_printf ("message %u", i);

      m = make_message (HOLBOO_MESSAGE_INCOMING, PEER, body, T0 + i);
      set_ids (m, sid, oid);
      g_ptr_array_add (batch, m);
      m = make_message (HOLBOO_MESSAGE_INCOMING, PEER, body, T0 + i);
      set_ids (m, i == 1 ? NULL : sid, oid);
      g_ptr_array_add (batch, m);
    }

  g_assert_true (holboo_store_insert_messages (f->store, (HolbooStoredMessage **) batch->pdata,
                                               batch->len, results, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 6; i += 2)
    {
      g_assert_cmpint (results[i].outcome, ==, HOLBOO_INSERT_NEW);
      g_assert_cmpint (results[i + 1].outcome, ==, HOLBOO_INSERT_DUPLICATE);
      g_assert_cmpint (results[i + 1].id, ==, results[i].id);
      g_assert_cmpint (results[i].conversation_id, ==, results[0].conversation_id);
    }
  g_assert_cmpint (n_messages (f), ==, 3);
}

/* A batch that fails half-way leaves nothing behind: no messages, no
 * conversation, no index entries, no merge into an earlier row. */
static void
test_failed_batch (StoreFixture  *f,
                   gconstpointer  data)
{
  g_autoptr(HolbooStoredMessage) first = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "first", T0);
  g_autoptr(HolbooStoredMessage) copy = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "first", T0);
  g_autoptr(HolbooStoredMessage) fresh = make_message (HOLBOO_MESSAGE_INCOMING, "new@example.mn", "шинэ", T0);
  g_autoptr(HolbooStoredMessage) bad = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "bad", T0);
  g_autoptr(HolbooStoredMessage) row = NULL;
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GError) error = NULL;
  HolbooStoredMessage *batch[3] = { copy, fresh, bad };
  HolbooInsertResult results[3];
  gint64 id;

  set_ids (first, NULL, "o-f");
  g_assert_cmpint (insert_one (f->store, first, &id), ==, HOLBOO_INSERT_NEW);

  set_ids (copy, "A30", "o-f");  /* would fill in the archive id */
  bad->state = HOLBOO_MESSAGE_STATE_PENDING;  /* incoming and pending: breaks a CHECK */

  g_assert_false (holboo_store_insert_messages (f->store, batch, 3, results, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (n_messages (f), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM conversations"), ==, 1);
  g_assert_cmpint (count_rows (f->store, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'шинэ'"),
                   ==, 0);
  conv = holboo_store_get_conversation (f->store, "new@example.mn", &error);
  g_assert_no_error (error);
  g_assert_null (conv);
  row = holboo_store_get_message (f->store, id, &error);
  g_assert_null (row->stanza_id);
  g_assert_true (sqlite3_get_autocommit (_holboo_store_get_db (f->store)));
  raw_exec (_holboo_store_get_db (f->store),
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");

  /* A message without a conversation, or with a kind out of range. */
  g_free (bad->peer);
  bad->peer = NULL;
  batch[2] = bad;
  g_assert_false (holboo_store_insert_messages (f->store, batch, 3, NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  fresh->kind = 7;
  g_assert_false (holboo_store_insert_messages (f->store, batch + 1, 1, NULL, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (n_messages (f), ==, 1);

  /* And the store works on. */
  fresh->kind = HOLBOO_CONVERSATION_CHAT;
  g_assert_true (holboo_store_insert_messages (f->store, batch, 2, results, &error));
  g_assert_no_error (error);
  g_assert_cmpint (results[0].outcome, ==, HOLBOO_INSERT_UPDATED);
  g_assert_cmpint (results[1].outcome, ==, HOLBOO_INSERT_NEW);
}

static HolbooStoredConversation *
get_conv (StoreFixture *f,
          const char   *peer)
{
  g_autoptr(GError) error = NULL;
  HolbooStoredConversation *conv = holboo_store_get_conversation (f->store, peer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conv);
  return conv;
}

/* Last activity, unread counts and the read mark. */
static void
test_conversations (StoreFixture  *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  HolbooStoredConversation *conv;
  gint64 id1, id2, id3, id_old, id_other, conv_id;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(HolbooStoredMessage) m = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "in", T0 + i * SEC);
      insert_one (f->store, m, i == 0 ? &id1 : i == 1 ? &id2 : &id3);
    }
  conv = get_conv (f, PEER);
  g_assert_cmpuint (conv->unread, ==, 3);
  g_assert_cmpint (conv->last_activity, ==, T0 + 2 * SEC);
  g_assert_cmpint (conv->last_message_id, ==, id3);
  g_assert_cmpint (conv->kind, ==, HOLBOO_CONVERSATION_CHAT);
  conv_id = conv->id;
  holboo_stored_conversation_unref (conv);

  /* Older history (MAM scroll-back) changes neither. */
  {
    g_autoptr(HolbooStoredMessage) m = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "old", T0 - 100 * SEC);
    insert_one (f->store, m, &id_old);
  }
  conv = get_conv (f, PEER);
  g_assert_cmpint (conv->last_message_id, ==, id3);
  g_assert_cmpuint (conv->unread, ==, 4);  /* nothing was read yet */
  holboo_stored_conversation_unref (conv);

  g_assert_true (holboo_store_mark_conversation_read (f->store, conv_id, T0 + SEC, &error));
  g_assert_no_error (error);
  conv = get_conv (f, PEER);
  g_assert_cmpuint (conv->unread, ==, 1);
  g_assert_cmpint (conv->read_until, ==, T0 + SEC);
  /* The mark never moves back. */
  holboo_stored_conversation_unref (conv);
  g_assert_true (holboo_store_mark_conversation_read (f->store, conv_id, T0, &error));
  conv = get_conv (f, PEER);
  g_assert_cmpuint (conv->unread, ==, 1);
  holboo_stored_conversation_unref (conv);

  /* Answering (here from another device) reads everything before it. */
  {
    g_autoptr(HolbooStoredMessage) m = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "answer", T0 + 3 * SEC);
    g_autoptr(HolbooStoredMessage) later = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "later", T0 + 4 * SEC);
    HolbooStoredMessage *batch[2] = { later, m };

    g_assert_true (holboo_store_insert_messages (f->store, batch, 2, NULL, &error));
    g_assert_no_error (error);
  }
  conv = get_conv (f, PEER);
  g_assert_cmpuint (conv->unread, ==, 1);  /* "later" only */
  g_assert_cmpint (conv->read_until, ==, T0 + 3 * SEC);
  g_assert_cmpint (conv->last_activity, ==, T0 + 4 * SEC);
  holboo_stored_conversation_unref (conv);

  {
    g_autoptr(HolbooStoredMessage) m = make_message (HOLBOO_MESSAGE_INCOMING, "saraa@example.mn", "hi",
                                                     T0 + 10 * SEC);
    insert_one (f->store, m, &id_other);
  }
  list = holboo_store_list_conversations (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((HolbooStoredConversation *) list->pdata[0])->peer, ==, "saraa@example.mn");
  g_assert_cmpint (((HolbooStoredConversation *) list->pdata[0])->last_message_id, ==, id_other);
  g_assert_cmpstr (((HolbooStoredConversation *) list->pdata[1])->peer, ==, PEER);

  conv = holboo_store_get_conversation_by_id (f->store, ((HolbooStoredConversation *) list->pdata[1])->id,
                                              &error);
  g_assert_cmpstr (conv->peer, ==, PEER);
  holboo_stored_conversation_unref (conv);
  g_assert_null (holboo_store_get_conversation (f->store, "nobody@example.mn", &error));
  g_assert_no_error (error);
  g_assert_null (holboo_store_get_message (f->store, 999999, &error));
  g_assert_no_error (error);
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  const HolbooStoredMessage *x = *(HolbooStoredMessage **) a, *y = *(HolbooStoredMessage **) b;

  if (x->timestamp != y->timestamp)
    return x->timestamp < y->timestamp ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* Keyset pages, backwards and forwards, with many equal timestamps and
 * rows stored out of order: every message exactly once, in order. */
static void
test_paging (StoreFixture  *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  HolbooMessageCursor cursor;
  gint64 conversation_id = 0;
  guint count = 0;
  const guint n = 257, page = 50;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *body = g_strdup_printf ("m%u", i);
      /* seven messages per timestamp, inserted in a random order */
      gint64 ts = T0 + g_rand_int_range (rand, 0, n / 7) * SEC;
      HolbooStoredMessage *m = make_message (i % 3 ? HOLBOO_MESSAGE_INCOMING : HOLBOO_MESSAGE_OUTGOING,
                                             PEER, body, ts);
      HolbooStoredMessage *noise = make_message (HOLBOO_MESSAGE_INCOMING, "saraa@example.mn", body, ts);
      HolbooInsertResult result[2];
      HolbooStoredMessage *batch[2] = { m, noise };

      g_assert_true (holboo_store_insert_messages (f->store, batch, 2, result, &error));
      m->id = result[0].id;
      conversation_id = result[0].conversation_id;
      g_ptr_array_add (all, m);
      holboo_stored_message_unref (noise);
    }
  g_ptr_array_sort (all, compare_position);

  g_assert_true (holboo_store_count_messages (f->store, conversation_id, &count, &error));
  g_assert_cmpuint (count, ==, n);

  /* Backwards from the newest. */
  for (const HolbooMessageCursor *before = NULL;;)
    {
      g_autoptr(GPtrArray) rows = holboo_store_get_messages_before (f->store, conversation_id, before,
                                                                    page, &error);
      HolbooStoredMessage *oldest;

      g_assert_no_error (error);
      if (rows->len == 0)
        break;
      g_assert_cmpuint (rows->len, <=, page);
      for (guint i = rows->len; i > 0; i--)
        g_ptr_array_add (seen, holboo_stored_message_ref (rows->pdata[i - 1]));
      for (guint i = 1; i < rows->len; i++)
        g_assert_cmpint (compare_position (&rows->pdata[i - 1], &rows->pdata[i]), <, 0);
      oldest = rows->pdata[0];
      g_assert_cmpint (oldest->conversation_id, ==, conversation_id);
      cursor = (HolbooMessageCursor) { oldest->timestamp, oldest->id };
      before = &cursor;
    }
  g_assert_cmpuint (seen->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      HolbooStoredMessage *want = all->pdata[n - 1 - i], *got = seen->pdata[i];

      g_assert_cmpint (got->id, ==, want->id);
      g_assert_cmpstr (got->body, ==, want->body);
    }

  /* Forwards from the oldest. */
  g_ptr_array_set_size (seen, 0);
  for (const HolbooMessageCursor *after = NULL;;)
    {
      g_autoptr(GPtrArray) rows = holboo_store_get_messages_after (f->store, conversation_id, after,
                                                                   page, &error);
      HolbooStoredMessage *newest;

      g_assert_no_error (error);
      if (rows->len == 0)
        break;
      for (guint i = 0; i < rows->len; i++)
        g_ptr_array_add (seen, holboo_stored_message_ref (rows->pdata[i]));
      newest = rows->pdata[rows->len - 1];
      cursor = (HolbooMessageCursor) { newest->timestamp, newest->id };
      after = &cursor;
    }
  g_assert_cmpuint (seen->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((HolbooStoredMessage *) seen->pdata[i])->id, ==,
                     ((HolbooStoredMessage *) all->pdata[i])->id);

  /* The query plan walks the index, with no sort and no OFFSET. */
  {
    sqlite3 *db = _holboo_store_get_db (f->store);
    sqlite3_stmt *stmt = NULL;
    GString *plan = g_string_new (NULL);

    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "EXPLAIN QUERY PLAN SELECT m.id FROM messages m "
                                         "JOIN conversations c ON c.id = m.conversation_id "
                                         "WHERE m.conversation_id = 1 AND (m.timestamp, m.id) < (5, 5) "
                                         "ORDER BY m.timestamp DESC, m.id DESC LIMIT 50",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
    g_test_message ("%s", plan->str);
    g_assert_nonnull (strstr (plan->str, "messages_time"));
    g_assert_null (strstr (plan->str, "TEMP B-TREE"));
    g_string_free (plan, TRUE);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/messages/" name, StoreFixture, NULL, store_set_up, func, store_tear_down)
  ADD ("dedup-live-carbon-mam", test_dedup_live_carbon_mam);
  ADD ("dedup-carbon-then-mam", test_dedup_carbon_then_mam);
  ADD ("dedup-legacy", test_dedup_legacy);
  ADD ("dedup-own-echo", test_dedup_own_echo);
  ADD ("dedup-scopes", test_dedup_scopes);
  ADD ("dedup-in-batch", test_dedup_in_batch);
  ADD ("failed-batch", test_failed_batch);
  ADD ("conversations", test_conversations);
  ADD ("paging", test_paging);
#undef ADD

  return g_test_run ();
}
