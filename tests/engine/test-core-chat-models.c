/* test-core-chat-models.c: the Chats page's models (HolbooMessageList,
 * HolbooConversationList) over a real account, store and Prosody
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One conversation of 130 messages: opened on its newest page, paged
 * back through the store, then — on a second device that caught up only
 * one archive page — paged back through the archive to its first
 * message, in order and once each.  Live messages land at the end, state
 * changes replace their row in place, the grouping, day and unread flags
 * follow the neighbours, and the conversation list orders, counts and
 * keeps read marks across a reopen.
 */

#include "config.h"

#include "core-live-util.h"
#include "holboo-address.h"
#include "holboo-conversation-list.h"
#include "holboo-message-list.h"

#include <string.h>

#define N_HISTORY 130
#define PAGE      50

static const char * const accounts[] = { "ann", "bat", "cel", NULL };

typedef struct {
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct {
  GArray *changes;
} Watch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  Change c = { position, removed, added };

  g_array_append_val (watch->changes, c);
}

static gboolean
list_loaded (gpointer data)
{
  return holboo_message_list_get_loaded (data);
}

static gboolean
conversations_loaded (gpointer data)
{
  return holboo_conversation_list_get_loaded (data);
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

static guint
load_older (HolbooMessageList *list,
            GError           **error)
{
  GAsyncResult *result = NULL;
  guint n = 0;

  holboo_message_list_load_older_async (list, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  holboo_message_list_load_older_finish (list, result, &n, error);
  g_object_unref (result);
  return n;
}

static HolbooMessageItem *
item (GListModel *model,
      guint       position)
{
  HolbooMessageItem *it = g_list_model_get_item (model, position);

  g_assert_nonnull (it);
  g_object_unref (it);   /* the model keeps it */
  return it;
}

/* The items are "m first" … "m last", in that order, once each. */
static void
assert_bodies (GListModel *model,
               guint       first,
               guint       last)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, last - first + 1);
  for (guint i = first; i <= last; i++)
    {
      g_autofree char *body = g_strdup_printf ("m %u", i);

      g_assert_cmpstr (holboo_message_item_get_body (item (model, i - first)), ==, body);
    }
}

static void
send_history (LiveAccount *from,
              LiveAccount *to)
{
  for (guint i = 0; i < N_HISTORY; i++)
    {
      g_autofree char *body = g_strdup_printf ("m %u", i);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = holboo_account_send_message (from->account, live_account_jid (to), body, &error);

      g_assert_no_error (error);
      if (i % 25 == 24)
        live_sleep (20);
    }
  g_assert_true (live_account_wait_count (to, live_account_jid (from), HOLBOO_MESSAGE_INCOMING, N_HISTORY, 60000));
  g_assert_true (live_account_wait_state (from, live_account_jid (to), HOLBOO_MESSAGE_STATE_ACKED, 60000));
}

typedef struct {
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_n_items (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (w->model) >= w->n;
}

typedef struct {
  GListModel         *model;
  HolbooMessageState  state;
} StateWait;

static gboolean
last_has_state (gpointer data)
{
  StateWait *w = data;
  guint n = g_list_model_get_n_items (w->model);

  return n > 0 && holboo_message_item_get_state (item (w->model, n - 1)) >= w->state;
}

static LiveAccount *ann, *bat, *cel;

static void
test_store_pages (void)
{
  const char *A = live_account_jid (ann);
  g_autoptr(HolbooMessageList) list = holboo_message_list_new (bat->account, A, PAGE);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GError) error = NULL;
  Watch watch = { g_array_new (FALSE, FALSE, sizeof (Change)) };
  CountWait count = { model, 0 };
  StateWait state = { model, HOLBOO_MESSAGE_STATE_DELIVERED };
  guint n;

  g_assert_true (live_wait (list_loaded, list, 30000));
  assert_bodies (model, N_HISTORY - PAGE, N_HISTORY - 1);
  g_assert_false (holboo_message_list_get_at_start (list));

  /* Grouping: one sender, within minutes, one day: one group. */
  g_assert_true (holboo_message_item_get_starts_group (item (model, 0)));
  /* Whether the top item starts a day is not known until older history
   * is: no divider that could go away under the user's eyes. */
  g_assert_false (holboo_message_item_get_starts_day (item (model, 0)));
  for (guint i = 1; i < PAGE; i++)
    {
      g_assert_false (holboo_message_item_get_starts_day (item (model, i)));
      g_assert_false (holboo_message_item_get_starts_group (item (model, i)));
    }
  g_assert_cmpstr (holboo_message_item_get_sender (item (model, 0)), ==, A);

  /* Older pages come in on top, as one change each. */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &watch);
  n = load_older (list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, PAGE);
  g_assert_cmpuint (watch.changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (watch.changes, Change, 0).position, ==, 0);
  g_assert_cmpuint (g_array_index (watch.changes, Change, 0).added, ==, PAGE);
  assert_bodies (model, N_HISTORY - 2 * PAGE, N_HISTORY - 1);
  /* The old top item is not a group's start any more. */
  g_assert_false (holboo_message_item_get_starts_group (item (model, PAGE)));

  /* The rest of the store, then the archive has nothing it lacks. */
  n = load_older (list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, N_HISTORY - 2 * PAGE);
  assert_bodies (model, 0, N_HISTORY - 1);
  while (!holboo_message_list_get_at_start (list))
    {
      g_assert_cmpuint (load_older (list, &error), ==, 0);
      g_assert_no_error (error);
    }
  assert_bodies (model, 0, N_HISTORY - 1);
  g_assert_true (holboo_message_item_get_starts_day (item (model, 0)));

  /* A new message lands at the end: one item added there. */
  g_array_set_size (watch.changes, 0);
  {
    g_autofree char *id = holboo_account_send_message (ann->account, live_account_jid (bat), "m new", &error);

    g_assert_no_error (error);
  }
  count.n = N_HISTORY + 1;
  g_assert_true (live_wait (has_n_items, &count, 30000));
  g_assert_cmpuint (g_array_index (watch.changes, Change, 0).position, ==, N_HISTORY);
  g_assert_cmpuint (g_array_index (watch.changes, Change, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (watch.changes, Change, 0).added, ==, 1);
  g_assert_cmpstr (holboo_message_item_get_body (item (model, N_HISTORY)), ==, "m new");

  /* An answer: a new group; its states replace its item in place. */
  g_array_set_size (watch.changes, 0);
  {
    g_autofree char *id = holboo_account_send_message (bat->account, A, "an answer", &error);

    g_assert_no_error (error);
  }
  count.n = N_HISTORY + 2;
  g_assert_true (live_wait (has_n_items, &count, 30000));
  g_assert_true (holboo_message_item_get_starts_group (item (model, N_HISTORY + 1)));
  g_assert_cmpstr (holboo_message_item_get_sender (item (model, N_HISTORY + 1)), ==, "");
  g_assert_true (live_wait (last_has_state, &state, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_HISTORY + 2);
  for (guint i = 1; i < watch.changes->len; i++)
    {
      Change *c = &g_array_index (watch.changes, Change, i);

      g_assert_cmpuint (c->position, ==, N_HISTORY + 1);
      g_assert_cmpuint (c->removed, ==, 1);
      g_assert_cmpuint (c->added, ==, 1);
    }
  g_assert_cmpuint (watch.changes->len, >=, 2);

  g_signal_handlers_disconnect_by_data (list, &watch);
  g_array_unref (watch.changes);
}

static void
test_archive_pages (void)
{
  const char *A = live_account_jid (ann);
  LiveAccount *bat2 = live_account_new ("bat", "tablet", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooMessageList) list = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model;
  guint loads = 0;

  /* A new device catches up on one archive page of 20. */
  holboo_account_set_mam_page_size (bat2->account, 20);
  holboo_account_set_catch_up_max_pages (bat2->account, 1);
  live_account_connect (bat2);

  list = holboo_message_list_new (bat2->account, A, PAGE);
  model = G_LIST_MODEL (list);
  g_assert_true (live_wait (list_loaded, list, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (model), <, PAGE);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);

  while (!holboo_message_list_get_at_start (list))
    {
      load_older (list, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (++loads, <, 50);
    }
  g_test_message ("%u loads to the first message", loads);

  /* Everything, in order, once: "m 0" … "m 129", "m new", "an answer". */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_HISTORY + 2);
  for (guint i = 0; i < N_HISTORY; i++)
    {
      g_autofree char *body = g_strdup_printf ("m %u", i);

      g_assert_cmpstr (holboo_message_item_get_body (item (model, i)), ==, body);
    }
  g_assert_cmpstr (holboo_message_item_get_body (item (model, N_HISTORY)), ==, "m new");
  g_assert_cmpstr (holboo_message_item_get_body (item (model, N_HISTORY + 1)), ==, "an answer");

  /* Offline, the archive cannot be asked: the list says why. */
  g_clear_object (&list);
  holboo_account_disconnect (bat2->account);
  {
    g_autofree char *dir = live_account_free (bat2, TRUE);
    LiveAccount *offline = live_account_new ("bat", "tablet", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, dir);

    holboo_account_set_mam_page_size (offline->account, 20);
    list = holboo_message_list_new (offline->account, A, N_HISTORY + 2);
    model = G_LIST_MODEL (list);
    g_assert_true (live_wait (list_loaded, list, 30000));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_HISTORY + 2);
    g_assert_false (load_older (list, &error));
    g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED);
    g_assert_nonnull (holboo_message_list_get_error (list));
    g_clear_object (&list);
    live_account_free (offline, FALSE);
  }
}

static void
test_unread_marker (void)
{
  const char *A = live_account_jid (ann);
  g_autoptr(HolbooMessageList) list = holboo_message_list_new (bat->account, A, PAGE);
  GListModel *model = G_LIST_MODEL (list);
  guint n, marked = 0;
  gint64 read_until;

  g_assert_true (live_wait (list_loaded, list, 30000));
  n = g_list_model_get_n_items (model);
  /* Read up to the fifth-newest: the marker goes on the fourth-newest
   * incoming message, which starts a group of its own. */
  read_until = holboo_message_item_get_timestamp (item (model, n - 6));
  holboo_message_list_set_read_until (list, read_until);
  for (guint i = 0; i < n; i++)
    {
      if (holboo_message_item_get_first_unread (item (model, i)))
        {
          marked++;
          g_assert_cmpuint (i, ==, n - 5);
          g_assert_true (holboo_message_item_get_starts_group (item (model, i)));
          g_assert_cmpint (holboo_message_list_get_first_unread_id (list), ==,
                           holboo_message_item_get_id (item (model, i)));
        }
    }
  g_assert_cmpuint (marked, ==, 1);
}

static void
test_conversations (void)
{
  const char *A = live_account_jid (ann);
  g_autoptr(HolbooConversationList) list = holboo_conversation_list_new (bat->account);
  GListModel *model = G_LIST_MODEL (list);
  HolbooConversationItem *conv;
  g_autoptr(GError) error = NULL;
  guint position = 99;
  guint unread;

  g_assert_true (live_wait (conversations_loaded, list, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  conv = holboo_conversation_list_lookup (list, A, &position);
  g_assert_nonnull (conv);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpstr (holboo_conversation_item_get_name (conv), ==, "ann");
  /* Bat answered: everything before the answer counts as read. */
  unread = holboo_conversation_item_get_unread (conv);
  g_assert_cmpuint (unread, ==, 0);
  g_assert_cmpuint (holboo_conversation_list_get_unread (list), ==, unread);
  /* The last message is read after the list. */
  while (holboo_conversation_item_get_last_body (conv) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (holboo_conversation_item_get_last_body (conv), ==, "an answer");

  /* Another peer writes: on top, one unread. */
  {
    g_autofree char *id = holboo_account_send_message (cel->account, live_account_jid (bat), "hello from cel", &error);

    g_assert_no_error (error);
  }
  while (g_list_model_get_n_items (model) < 2)
    g_main_context_iteration (NULL, TRUE);
  conv = holboo_conversation_list_lookup (list, live_account_jid (cel), &position);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (holboo_conversation_item_get_unread (conv), ==, 1);
  g_assert_cmpstr (holboo_conversation_item_get_last_body (conv), ==, "hello from cel");
  g_assert_cmpuint (holboo_conversation_list_get_unread (list), ==, unread + 1);

  /* Ann writes again: back on top, one more unread. */
  {
    g_autofree char *id = holboo_account_send_message (ann->account, live_account_jid (bat), "ann again", &error);

    g_assert_no_error (error);
  }
  conv = holboo_conversation_list_lookup (list, A, NULL);
  while (g_strcmp0 (holboo_conversation_item_get_last_body (conv), "ann again") != 0)
    g_main_context_iteration (NULL, TRUE);
  holboo_conversation_list_lookup (list, A, &position);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (holboo_conversation_item_get_unread (conv), ==, unread + 1);

  /* Read: 0 here, and in the store for the next list. */
  g_assert_cmpuint (holboo_conversation_item_get_unread (conv), ==, 1);
  holboo_conversation_list_mark_read (list, A);
  g_assert_cmpuint (holboo_conversation_item_get_unread (conv), ==, 0);
  g_assert_cmpuint (holboo_conversation_list_get_unread (list), ==, 1);
  live_account_flush (bat);
  g_clear_object (&list);

  list = holboo_conversation_list_new (bat->account);
  model = G_LIST_MODEL (list);
  g_assert_true (live_wait (conversations_loaded, list, 30000));
  g_assert_cmpuint (holboo_conversation_item_get_unread (holboo_conversation_list_lookup (list, A, &position)), ==, 0);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (holboo_conversation_list_get_unread (list), ==, 1);

  /* A chat started by hand, before its first message: on top. */
  conv = holboo_conversation_list_ensure (list, "new.person@example.mn");
  holboo_conversation_list_lookup (list, "new.person@example.mn", &position);
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (holboo_conversation_list_ensure (list, "new.person@example.mn") == conv);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static void
test_address (void)
{
  struct { const char *in; const char *out; } ok[] = {
    { "ann@example.mn", "ann@example.mn" },
    { "  Ann@Example.MN \n", "ann@example.mn" },
    { "xmpp:bat@example.mn", "bat@example.mn" },
    { "xmpp:bat@example.mn?message", "bat@example.mn" },
    { "bat@example.mn/phone", "bat@example.mn" },
  };
  const char *bad[] = { "", "   ", "example.mn", "@example.mn", "a@b@c", "ann@", "xmpp:" };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = holboo_address_normalize (ok[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, ok[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = holboo_address_normalize (bad[i], &error);

      g_assert_null (out);
      g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/chat-models/address", test_address);

  live_start (argc, argv, accounts);
  ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  bat = live_account_new ("bat", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  cel = live_account_new ("cel", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  live_account_connect (ann);
  live_account_connect (bat);
  live_account_connect (cel);
  send_history (ann, bat);

  g_test_add_func ("/core/chat-models/store-pages", test_store_pages);
  g_test_add_func ("/core/chat-models/archive-pages", test_archive_pages);
  g_test_add_func ("/core/chat-models/unread-marker", test_unread_marker);
  g_test_add_func ("/core/chat-models/conversations", test_conversations);

  status = g_test_run ();
  live_account_free (ann, FALSE);
  live_account_free (bat, FALSE);
  live_account_free (cel, FALSE);
  live_stop ();
  return status;
}
