/* test-store-outbox.c: the outbox survives quits and crashes, keeps its
 * order, and outgoing states only move forward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-outbox"

#include "config.h"

#include "store-message-util.h"

#include <sys/wait.h>
#include <unistd.h>

#define T0 G_GINT64_CONSTANT (1700000000000000)

static HolbooStoredMessage *
add (HolbooStore *store,
     const char  *peer,
     const char  *body,
     gint64       ts)
{
  g_autoptr(GError) error = NULL;
  HolbooStoredMessage *m = holboo_stored_message_new ();

  m->peer = g_strdup (peer);
  m->kind = HOLBOO_CONVERSATION_CHAT;
  m->from_jid = g_strdup (ACCOUNT);
  m->to_jid = g_strdup (peer);
  m->body = g_strdup (body);
  m->timestamp = ts;
  m->receipt_requested = TRUE;
  g_assert_true (holboo_store_outbox_add (store, m, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m->id, >, 0);
  g_assert_cmpint (m->conversation_id, >, 0);
  g_assert_cmpint (m->state, ==, HOLBOO_MESSAGE_STATE_PENDING);
  g_assert_cmpint (m->direction, ==, HOLBOO_MESSAGE_OUTGOING);
  g_assert_true (g_uuid_string_is_valid (m->origin_id));
  return m;
}

static GPtrArray *
outbox (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = holboo_store_outbox_list (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

static HolbooMessageState
state_of (HolbooStore *store,
          gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredMessage) m = holboo_store_get_message (store, id, &error);

  g_assert_no_error (error);
  return m->state;
}

/* Quit with messages in the outbox, start again: they are there, in the
 * order they were written, with their ids — and those sent but not
 * acked are there too. */
static void
test_survives_reopen (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (f->path, NULL, &error);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HolbooStoredMessage) changed = NULL;
  const guint expect[] = { 0, 1, 3, 4, 5 };

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *body = g_strdup_printf ("Мессеж %u", i);

      /* two conversations, interleaved; clocks may go backwards */
      g_ptr_array_add (added, add (store, i % 2 ? PEER : "saraa@example.mn", body, T0 - i));
    }
  changed = holboo_store_update_message_state (store, ((HolbooStoredMessage *) added->pdata[1])->id,
                                               HOLBOO_MESSAGE_STATE_SENT, &error);
  g_assert_nonnull (changed);
  g_clear_pointer (&changed, holboo_stored_message_unref);
  changed = holboo_store_update_message_state (store, ((HolbooStoredMessage *) added->pdata[2])->id,
                                               HOLBOO_MESSAGE_STATE_ACKED, &error);
  g_assert_nonnull (changed);
  g_clear_object (&store);

  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  list = outbox (store);
  g_assert_cmpuint (list->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < list->len; i++)
    {
      HolbooStoredMessage *got = list->pdata[i], *want = added->pdata[expect[i]];

      g_assert_cmpint (got->id, ==, want->id);
      g_assert_cmpstr (got->body, ==, want->body);
      g_assert_cmpstr (got->peer, ==, want->peer);
      g_assert_cmpstr (got->to_jid, ==, want->peer);
      g_assert_cmpstr (got->origin_id, ==, want->origin_id);
      g_assert_cmpstr (got->message_id, ==, want->origin_id);
      g_assert_true (got->receipt_requested);
      g_assert_cmpint (got->state, ==, expect[i] == 1 ? HOLBOO_MESSAGE_STATE_SENT
                                                      : HOLBOO_MESSAGE_STATE_PENDING);
    }
}

/* The child's store, never closed (a global, so that valgrind sees it
 * as reachable rather than leaked). */
static HolbooStore * volatile crashed_store;

/* A process that dies right after queueing (no close, no finalize)
 * loses nothing: the row was committed before outbox_add returned. */
static void
test_survives_crash (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int status = 0;
  pid_t pid;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) child_error = NULL;
      HolbooStore *child = crashed_store = holboo_store_new (f->path, NULL, &child_error);

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *body = g_strdup_printf ("crash %u", i);
          HolbooStoredMessage *m = holboo_stored_message_new ();

          m->peer = g_strdup (PEER);
          m->from_jid = g_strdup (ACCOUNT);
          m->to_jid = g_strdup (PEER);
          m->body = g_steal_pointer (&body);
          m->timestamp = T0 + i;
          if (child == NULL || !holboo_store_outbox_add (child, m, &child_error))
            {
              g_printerr ("child: %s\n", child_error->message);
              _exit (1);
            }
          holboo_stored_message_unref (m);
        }
      /* No cleanup: the store is not closed, its WAL is left as a crash
       * leaves it. */
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  store = holboo_store_new (f->path, NULL, &error);
  g_assert_no_error (error);
  list = outbox (store);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *body = g_strdup_printf ("crash %u", i);

      g_assert_cmpstr (((HolbooStoredMessage *) list->pdata[i])->body, ==, body);
    }
}

/* Forward only; failure and retry; who may confirm. */
static void
test_state_transitions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (f->path, NULL, &error);
  g_autoptr(HolbooStoredMessage) a = add (store, PEER, "a", T0);
  g_autoptr(HolbooStoredMessage) b = add (store, PEER, "b", T0 + 1);
  g_autoptr(HolbooStoredMessage) c = add (store, PEER, "c", T0 + 2);
  g_autoptr(HolbooStoredMessage) in = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "in", T0 + 3);
  g_autoptr(GPtrArray) list = NULL;
  HolbooStoredMessage *r;
  gint64 in_id;

#define STEP(row, st, expect_change) G_STMT_START {                        \
    r = holboo_store_update_message_state (store, row, st, &error);        \
    g_assert_no_error (error);                                             \
    if (expect_change)                                                     \
      {                                                                    \
        g_assert_nonnull (r);                                              \
        g_assert_cmpint (r->id, ==, row);                                  \
        g_assert_cmpint (r->state, ==, st);                                \
        holboo_stored_message_unref (r);                                   \
      }                                                                    \
    else                                                                   \
      g_assert_null (r);                                                   \
  } G_STMT_END

  STEP (a->id, HOLBOO_MESSAGE_STATE_SENT, TRUE);
  STEP (a->id, HOLBOO_MESSAGE_STATE_SENT, FALSE);
  STEP (a->id, HOLBOO_MESSAGE_STATE_ACKED, TRUE);
  STEP (a->id, HOLBOO_MESSAGE_STATE_SENT, FALSE);     /* a late echo of the send */
  STEP (a->id, HOLBOO_MESSAGE_STATE_FAILED, FALSE);   /* acked is final for failure */
  STEP (a->id, HOLBOO_MESSAGE_STATE_READ, TRUE);      /* a marker may skip the receipt */
  STEP (a->id, HOLBOO_MESSAGE_STATE_DELIVERED, FALSE);
  g_assert_cmpint (state_of (store, a->id), ==, HOLBOO_MESSAGE_STATE_READ);

  /* Failed leaves the outbox, retry brings it back at its place. */
  STEP (b->id, HOLBOO_MESSAGE_STATE_FAILED, TRUE);
  list = outbox (store);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  STEP (c->id, HOLBOO_MESSAGE_STATE_SENT, TRUE);
  r = holboo_store_outbox_retry (store, b->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_cmpint (r->state, ==, HOLBOO_MESSAGE_STATE_PENDING);
  g_assert_cmpstr (r->origin_id, ==, b->origin_id);
  holboo_stored_message_unref (r);
  list = outbox (store);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (((HolbooStoredMessage *) list->pdata[0])->id, ==, b->id);
  g_assert_cmpint (((HolbooStoredMessage *) list->pdata[1])->id, ==, c->id);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (holboo_store_outbox_retry (store, b->id, &error));  /* not failed now */
  g_assert_null (holboo_store_outbox_retry (store, a->id, &error));
  g_assert_no_error (error);

  /* A failure that turns out not to be one: the archive has it. */
  STEP (b->id, HOLBOO_MESSAGE_STATE_FAILED, TRUE);
  STEP (b->id, HOLBOO_MESSAGE_STATE_ACKED, TRUE);

  /* Receipts name the origin-id; only the conversation's peer counts. */
  r = holboo_store_update_message_state_by_origin_id (store, "mallory@example.mn", c->origin_id,
                                                      HOLBOO_MESSAGE_STATE_DELIVERED, &error);
  g_assert_no_error (error);
  g_assert_null (r);
  r = holboo_store_update_message_state_by_origin_id (store, PEER, "no-such-id",
                                                      HOLBOO_MESSAGE_STATE_DELIVERED, &error);
  g_assert_null (r);
  r = holboo_store_update_message_state_by_origin_id (store, PEER, c->origin_id,
                                                      HOLBOO_MESSAGE_STATE_DELIVERED, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_cmpint (r->id, ==, c->id);
  g_assert_cmpint (r->state, ==, HOLBOO_MESSAGE_STATE_DELIVERED);
  holboo_stored_message_unref (r);

  /* Incoming messages have no delivery state to change. */
  set_ids (in, NULL, c->origin_id);
  g_assert_cmpint (insert_one (store, in, &in_id), ==, HOLBOO_INSERT_NEW);
  STEP (in_id, HOLBOO_MESSAGE_STATE_ACKED, FALSE);
  r = holboo_store_update_message_state_by_origin_id (store, PEER, c->origin_id,
                                                      HOLBOO_MESSAGE_STATE_READ, &error);
  g_assert_cmpint (r->id, ==, c->id);
  holboo_stored_message_unref (r);
  g_assert_cmpint (state_of (store, in_id), ==, HOLBOO_MESSAGE_STATE_RECEIVED);

  list = outbox (store);
  g_assert_cmpuint (list->len, ==, 0);
#undef STEP
}

/* Exactly once across resends: the same row sent on three streams comes
 * back from the archive twice and as a carbon; one row, acked.  Queueing
 * the same origin-id again does not make a second row either. */
static void
test_resend_exactly_once (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (f->path, NULL, &error);
  g_autoptr(HolbooStoredMessage) m = add (store, PEER, "нэг удаа", T0);
  g_autoptr(HolbooStoredMessage) again = holboo_stored_message_new ();
  g_autoptr(GPtrArray) list = NULL;
  gint64 id;

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *sid = g_strdup_printf ("R%u", i);
      g_autoptr(HolbooStoredMessage) echo = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "нэг удаа", T0 + i);
      g_autoptr(HolbooStoredMessage) carbon = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "нэг удаа", T0 + i);

      set_ids (echo, sid, m->origin_id);
      set_ids (carbon, NULL, m->origin_id);
      g_assert_cmpint (insert_one (store, echo, &id), ==, i == 0 ? HOLBOO_INSERT_UPDATED
                                                                 : HOLBOO_INSERT_DUPLICATE);
      g_assert_cmpint (id, ==, m->id);
      g_assert_cmpint (insert_one (store, carbon, &id), ==, HOLBOO_INSERT_DUPLICATE);
    }
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM messages"), ==, 1);
  g_assert_cmpint (state_of (store, m->id), ==, HOLBOO_MESSAGE_STATE_ACKED);

  again->peer = g_strdup (PEER);
  again->from_jid = g_strdup (ACCOUNT);
  again->to_jid = g_strdup (PEER);
  again->body = g_strdup ("нэг удаа");
  again->timestamp = T0 + 9;
  again->origin_id = g_strdup (m->origin_id);
  g_assert_true (holboo_store_outbox_add (store, again, &error));
  g_assert_cmpint (again->id, ==, m->id);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM messages"), ==, 1);
  list = outbox (store);
  g_assert_cmpuint (list->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/outbox/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("survives-reopen", test_survives_reopen);
  ADD ("survives-crash", test_survives_crash);
  ADD ("state-transitions", test_state_transitions);
  ADD ("resend-exactly-once", test_resend_exactly_once);
#undef ADD

  return g_test_run ();
}
