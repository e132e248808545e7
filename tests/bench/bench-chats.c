/* bench-chats.c: the Chats page over two conversations of 100,000
 * messages each, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real store file (two conversations of 100,000 messages, a third of
 * them outgoing, over more than a day each) opened by a HolbooAccount
 * that is not connected, shown by a HolbooChatsPage in a window.
 * Figures, each over several rounds, medians printed:
 *
 *  open:     from holboo_chats_page_open_conversation() to the end of
 *            the first painted frame in which the newest message is on
 *            screen (issue target ≤ 100 ms); then the process's RSS
 *            (≤ 150 MB);
 *  switch:   the same from one open conversation to the other: the
 *            first time (its page read from the store) and back and
 *            forth afterwards (≤ 50 ms);
 *  incoming: 200 messages a second for 10 s into the open conversation,
 *            through the account's whole receiving pipeline (stanza
 *            checks, batches, SQLite on the worker thread, signals,
 *            models, rows): the longest stall of the main loop (a 1 ms
 *            probe) and the longest frame (update → after-paint), with
 *            the target that neither goes over 16 ms.
 */

#include "config.h"

#include "bench-store-util.h"
#include "chats-test-util.h"
#include "holboo-account-private.h"
#include "holboo-xml-node.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define N_MESSAGES     n_messages
static guint n_messages = 100000;   /* BENCH_CHATS_MESSAGES to try fewer */
#define OPEN_ROUNDS    7
#define SWITCH_ROUNDS  10
#define INCOMING_RATE  200
#define INCOMING_SECS  10
#define INCOMING_ROUNDS incoming_rounds
static guint incoming_rounds = 3;

static const char * const peers[] = { "bat.erdene@example.mn", "saraa@example.mn" };

static GtkWindow       *window;
static HolbooChatsPage *page;
static HolbooAccount   *account;

static void
fill_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (path, NULL, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  for (guint p = 0; p < G_N_ELEMENTS (peers); p++)
    for (guint i = 0; i < N_MESSAGES; i++)
      {
        HolbooStoredMessage *m = bench_make_message (rand, i, 1);

        g_free (m->peer);
        m->peer = g_strdup (peers[p]);
        g_free (m->from_jid);
        /* Two minutes apart on average, so that a day has a few hundred. */
        m->timestamp = BENCH_T0 + (gint64) i * 2 * G_TIME_SPAN_MINUTE + p;
        m->server_ts = m->timestamp;
        if (i % 3 == 2)
          {
            m->direction = HOLBOO_MESSAGE_OUTGOING;
            m->state = HOLBOO_MESSAGE_STATE_DELIVERED;
            m->from_jid = g_strdup (BENCH_ACCOUNT "/desktop-91c4");
            g_free (m->to_jid);
            m->to_jid = g_strdup (peers[p]);
          }
        else
          m->from_jid = g_strconcat (peers[p], "/phone-3f2a", NULL);
        g_ptr_array_add (batch, m);
        if (batch->len == 5000)
          {
            if (!holboo_store_insert_messages (store, (HolbooStoredMessage **) batch->pdata, batch->len, NULL, &error))
              g_error ("%s", error->message);
            g_ptr_array_set_size (batch, 0);
          }
      }
  if (batch->len > 0 &&
      !holboo_store_insert_messages (store, (HolbooStoredMessage **) batch->pdata, batch->len, NULL, &error))
    g_error ("%s", error->message);
  printf ("# store: %u conversations of %u messages written in %.1f s\n",
          (guint) G_N_ELEMENTS (peers), N_MESSAGES, (g_get_monotonic_time () - start) / 1e6);
}

static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return NAN;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024 * 1024);
}

/* The newest message of the open conversation has a row inside the view
 * (top to bottom, not only mapped). */
static gboolean
newest_on_screen (void)
{
  HolbooMessageList *list = holboo_chats_page_get_open_list (page);
  GtkWidget *list_view = chats_find_named (GTK_WIDGET (page), "message-list");
  g_autoptr(HolbooMessageItem) last = NULL;
  guint n;
  float y;

  if (list == NULL || list_view == NULL || !holboo_message_list_get_loaded (list) ||
      (n = g_list_model_get_n_items (G_LIST_MODEL (list))) == 0)
    return FALSE;
  last = g_list_model_get_item (G_LIST_MODEL (list), n - 1);
  y = chats_row_y (list_view, holboo_message_item_get_id (last));
  return !isnan (y) && y >= 0 && y < gtk_widget_get_height (gtk_widget_get_parent (list_view));
}

/* CPU time of the main thread, in µs: on a loaded machine the wall
 * time says more about the other processes than about this one. */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

typedef struct {
  gint64 start;
  gint64 shown;   /* 0 until the frame */
  gint64 cpu_start;
  gint64 cpu_shown;
} FrameWait;

static void
on_after_paint (GdkFrameClock *clock,
                FrameWait     *wait)
{
  if (wait->shown == 0 && newest_on_screen ())
    {
      wait->shown = g_get_monotonic_time ();
      wait->cpu_shown = thread_cpu_us ();
    }
}

static gboolean
shown (gpointer data)
{
  return ((FrameWait *) data)->shown != 0;
}

/* Opens @peer and returns the time to the first frame showing its
 * newest message, in ms; @cpu_ms: the main thread's CPU time in it. */
static double
open_and_time (const char *peer,
               double     *cpu_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  FrameWait wait = { g_get_monotonic_time (), 0, thread_cpu_us (), 0 };
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &wait);

  holboo_chats_page_open_conversation (page, peer);
  if (!chats_wait_until (shown, &wait, 10000))
    {
      GtkWidget *list_view = chats_find_named (GTK_WIDGET (page), "message-list");
      GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
      HolbooMessageList *list = holboo_chats_page_get_open_list (page);
      guint n = list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (list)) : 0;
      g_autoptr(HolbooMessageItem) last = n > 0 ? g_list_model_get_item (G_LIST_MODEL (list), n - 1) : NULL;

      g_error ("The newest message of %s was not shown within 10 s: %u items, loaded %d, value %.0f of %.0f "
               "(page %.0f), newest row at %.0f, view %d high",
               peer, n, list != NULL && holboo_message_list_get_loaded (list),
               gtk_adjustment_get_value (adj), gtk_adjustment_get_upper (adj), gtk_adjustment_get_page_size (adj),
               last != NULL ? chats_row_y (list_view, holboo_message_item_get_id (last)) : NAN,
               gtk_widget_get_height (gtk_widget_get_parent (list_view)));
    }
  g_signal_handler_disconnect (clock, id);
  if (cpu_ms != NULL)
    *cpu_ms = (wait.cpu_shown - wait.cpu_start) / 1000.0;
  return (wait.shown - wait.start) / 1000.0;
}

static gboolean
conversations_loaded (gpointer data)
{
  HolbooConversationList *list = holboo_chats_page_get_conversations (page);

  return list != NULL && holboo_conversation_list_get_loaded (list);
}

static void
bench_open (void)
{
  double times[OPEN_ROUNDS], cpu[OPEN_ROUNDS];

  for (guint r = 0; r < OPEN_ROUNDS; r++)
    {
      /* A fresh page state: no list kept from the round before. */
      holboo_chats_page_set_account (page, NULL);
      holboo_chats_page_set_account (page, account);
      g_assert_true (chats_wait_until (conversations_loaded, NULL, 10000));
      chats_run_for (100);
      times[r] = open_and_time (peers[0], &cpu[r]);
      printf ("open round %u: %.1f ms to the first frame with the newest message (main thread CPU %.1f ms)\n",
              r + 1, times[r], cpu[r]);
      chats_run_for (200);
    }
  printf ("open: median %.1f ms, max %.1f ms (target ≤ 100 ms), main thread CPU median %.1f ms; "
          "RSS after: %.1f MB (target ≤ 150 MB)\n",
          bench_median (times, OPEN_ROUNDS), bench_percentile (times, OPEN_ROUNDS, 100),
          bench_median (cpu, OPEN_ROUNDS), rss_mb ());
}

static void
bench_switch (void)
{
  double times[SWITCH_ROUNDS], cpu[SWITCH_ROUNDS];
  double first, first_cpu;

  first = open_and_time (peers[1], &first_cpu);
  chats_run_for (200);
  for (guint r = 0; r < SWITCH_ROUNDS; r++)
    {
      times[r] = open_and_time (peers[r % 2], &cpu[r]);
      chats_run_for (200);
    }
  printf ("switch: first time to the other conversation %.1f ms (CPU %.1f ms); back and forth: median %.1f ms, "
          "max %.1f ms (target ≤ 50 ms), main thread CPU median %.1f ms\n",
          first, first_cpu, bench_median (times, SWITCH_ROUNDS), bench_percentile (times, SWITCH_ROUNDS, 100),
          bench_median (cpu, SWITCH_ROUNDS));
}

typedef struct {
  gint64 last_probe;
  gint64 max_gap;
  gint64 last_probe_cpu;
  gint64 max_gap_cpu;
  gint64 frame_start;
  gint64 frame_start_cpu;
  gint64 max_frame;
  gint64 max_frame_cpu;
  guint  frames;
  gint64 start;
  guint  sent;
  guint  round;
  guint  sender;
} Incoming;

static gboolean
on_probe (gpointer data)
{
  Incoming *in = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_us ();

  if (in->last_probe != 0)
    {
      in->max_gap = MAX (in->max_gap, now - in->last_probe);
      in->max_gap_cpu = MAX (in->max_gap_cpu, cpu - in->last_probe_cpu);
    }
  in->last_probe = now;
  in->last_probe_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
on_update (GdkFrameClock *clock,
           Incoming      *in)
{
  in->frame_start = g_get_monotonic_time ();
  in->frame_start_cpu = thread_cpu_us ();
}

static void
on_frame_done (GdkFrameClock *clock,
               Incoming      *in)
{
  if (in->frame_start != 0)
    {
      in->max_frame = MAX (in->max_frame, g_get_monotonic_time () - in->frame_start);
      in->max_frame_cpu = MAX (in->max_frame_cpu, thread_cpu_us () - in->frame_start_cpu);
      in->frames++;
    }
  in->frame_start = 0;
}

static gboolean
on_send_tick (gpointer data)
{
  Incoming *in = data;
  guint due = (g_get_monotonic_time () - in->start) * INCOMING_RATE / G_USEC_PER_SEC;

  for (; in->sent < due && in->sent < INCOMING_RATE * INCOMING_SECS; in->sent++)
    {
      g_autoptr(HolbooXmlNode) message = holboo_xml_node_new ("message", "jabber:client");
      g_autofree char *id = g_strdup_printf ("bench-%d-%u-%u", (int) getpid (), in->round, in->sent);
      g_autofree char *body = g_strdup_printf ("Incoming %u: сайн байна уу, the *report* for today is at "
                                               "https://example.mn/r/%u", in->sent, in->sent);
      HolbooXmlNode *origin;

      holboo_xml_node_set_attribute (message, "type", "chat");
      holboo_xml_node_set_attribute (message, "from", "bat.erdene@example.mn/phone-3f2a");
      holboo_xml_node_set_attribute (message, "to", BENCH_ACCOUNT "/desktop-91c4");
      holboo_xml_node_set_attribute (message, "id", id);
      holboo_xml_node_add_text_child (message, "body", body);
      origin = holboo_xml_node_add_child_ns (message, "origin-id", "urn:xmpp:sid:0");
      holboo_xml_node_set_attribute (origin, "id", id);
      _holboo_account_receive_stanza (account, message);
    }
  if (in->sent < INCOMING_RATE * INCOMING_SECS)
    return G_SOURCE_CONTINUE;
  in->sender = 0;
  return G_SOURCE_REMOVE;
}

typedef struct {
  HolbooMessageList *list;
  guint              n;
} CountWait;

static gboolean
has_n (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (G_LIST_MODEL (w->list)) >= w->n;
}

static void
bench_incoming (void)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  double gaps[16], frames[16], gaps_cpu[16], frames_cpu[16];

  open_and_time (peers[0], NULL);
  for (guint r = 0; r < INCOMING_ROUNDS; r++)
    {
      Incoming in = { 0 };
      double elapsed;
      HolbooMessageList *list = holboo_chats_page_get_open_list (page);
      CountWait wait = { list, g_list_model_get_n_items (G_LIST_MODEL (list)) + INCOMING_RATE * INCOMING_SECS };
      gulong update_id = g_signal_connect (clock, "update", G_CALLBACK (on_update), &in);
      gulong paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_done), &in);
      guint probe = g_timeout_add (1, on_probe, &in);

      in.round = r;
      in.start = g_get_monotonic_time ();
      in.sender = g_timeout_add (5, on_send_tick, &in);
      if (!chats_wait_until (has_n, &wait, (INCOMING_SECS + 20) * 1000))
        g_error ("Not all incoming messages reached the open conversation");
      g_source_remove (probe);
      g_clear_handle_id (&in.sender, g_source_remove);
      g_signal_handler_disconnect (clock, update_id);
      g_signal_handler_disconnect (clock, paint_id);
      {
        GtkWidget *lv = chats_find_named (GTK_WIDGET (page), "message-list");
        guint rows = 0;

        for (GtkWidget *c = gtk_widget_get_first_child (lv); c != NULL; c = gtk_widget_get_next_sibling (c))
          rows++;
        printf ("# %u row widgets in the message list\n", rows);
      }
      gaps[r] = in.max_gap / 1000.0;
      frames[r] = in.max_frame / 1000.0;
      gaps_cpu[r] = in.max_gap_cpu / 1000.0;
      frames_cpu[r] = in.max_frame_cpu / 1000.0;
      elapsed = (g_get_monotonic_time () - in.start) / 1e6;
      /* The view follows the newest message (the frame after the last
       * one came in). */
      chats_run_for (300);
      printf ("incoming round %u: %u messages in %.1f s, %u frames; longest main-loop gap %.1f ms "
              "(CPU %.1f ms), longest frame %.1f ms (CPU %.1f ms); newest on screen after: %s\n",
              r + 1, in.sent, elapsed, in.frames, gaps[r], gaps_cpu[r],
              frames[r], frames_cpu[r], newest_on_screen () ? "yes" : "no");
    }
  printf ("incoming: 200 messages/s for 10 s: longest main-loop gap, median of rounds %.1f ms; "
          "longest frame, median of rounds %.1f ms (target ≤ 16 ms); the same in main-thread CPU time: "
          "%.1f ms, %.1f ms; RSS after: %.1f MB\n",
          bench_median (gaps, INCOMING_ROUNDS), bench_median (frames, INCOMING_ROUNDS),
          bench_median (gaps_cpu, INCOMING_ROUNDS), bench_median (frames_cpu, INCOMING_ROUNDS), rss_mb ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HolbooXmppSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  setvbuf (stdout, NULL, _IOLBF, 0);
  if (g_getenv ("BENCH_CHATS_ROUNDS") != NULL)
    incoming_rounds = MAX (1, atoi (g_getenv ("BENCH_CHATS_ROUNDS")));
  if (g_getenv ("BENCH_CHATS_MESSAGES") != NULL)
    n_messages = MAX (1000, atoi (g_getenv ("BENCH_CHATS_MESSAGES")));
  gtk_init ();
  adw_init ();
  chats_load_app_resources ();

  /* BENCH_CHATS_STORE=FILE: keep the store there and use it again in
   * later runs (to profile without writing 200,000 messages each time). */
  if (g_getenv ("BENCH_CHATS_STORE") != NULL)
    {
      path = g_strdup (g_getenv ("BENCH_CHATS_STORE"));
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        fill_store (path);
    }
  else
    {
      dir = g_dir_make_tmp ("holboo-bench-chats-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "account.db", NULL);
      fill_store (path);
    }

  settings = holboo_xmpp_settings_new (BENCH_ACCOUNT, NULL);
  account = holboo_account_new (settings, path, NULL, &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1000, 700);
  page = HOLBOO_CHATS_PAGE (holboo_chats_page_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
  chats_run_for (500);
  printf ("# RSS with the window and the account, before any conversation: %.1f MB\n", rss_mb ());

  holboo_chats_page_set_account (page, account);
  g_assert_true (chats_wait_until (conversations_loaded, NULL, 10000));
  if (g_getenv ("BENCH_CHATS_ONLY") == NULL || g_str_equal (g_getenv ("BENCH_CHATS_ONLY"), "open"))
    bench_open ();
  if (g_getenv ("BENCH_CHATS_ONLY") == NULL || g_str_equal (g_getenv ("BENCH_CHATS_ONLY"), "switch"))
    bench_switch ();
  if (g_getenv ("BENCH_CHATS_ONLY") == NULL || g_str_equal (g_getenv ("BENCH_CHATS_ONLY"), "incoming"))
    bench_incoming ();

  gtk_window_destroy (window);
  g_clear_object (&account);
  if (dir != NULL)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          g_unlink (file);
        }
      g_rmdir (dir);
    }
  return 0;
}
