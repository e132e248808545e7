/* bench-core-pipeline.c: incoming message stanzas through the whole
 * receiving pipeline — XML stream, the account's stanza handling (XEP
 * modules, checks, rows), batching, dedup and SQLite on the store's
 * worker thread — without a server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 50,000 incoming chat messages over 50 conversations, as Prosody sends
 * them (archive id, origin-id, receipt request, chat state, marker),
 * written as one TCP stream and fed in 16 KiB reads to a
 * HolbooXmlStream whose stanzas go to a HolbooAccount (which is not
 * connected: receipts are not sent) as if its connection had read them.
 * The main loop runs between reads, as it would between socket reads,
 * so batches form as they would live.  The clock stops when the last
 * message is stored.  Then the same stream again: all duplicates.
 *
 * Figures per second of wall time, and per second of CPU time of the
 * whole process (main thread, store worker and checkpointer): the issue's
 * target is ≥ 20,000 messages per second on one core.  Five rounds, a
 * fresh database each; prints every round and the medians.
 */

#include "config.h"

#include "bench-store-util.h"
#include "holboo-account-private.h"
#include "holboo-xml-stream.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#define N_MESSAGES 50000
#define N_PEERS    50
#define N_ROUNDS   5
#define READ_SIZE  (16 * 1024)

typedef struct {
  double wall;
  double cpu;
} Elapsed;

static double
process_cpu (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static GString *
make_stream (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  GString *s = g_string_new ("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                             " xmlns:stream='http://etherx.jabber.org/streams' id='2e0c6c5e'"
                             " from='example.mn' version='1.0' xml:lang='en'>");

  for (guint i = 0; i < N_MESSAGES; i++)
    {
      g_autoptr(HolbooStoredMessage) m = bench_make_message (rand, i, N_PEERS);
      g_autofree char *body = g_markup_escape_text (m->body, -1);

      g_string_append_printf (s,
        "<message from='%s/phone' to='%s/desk' type='chat' id='%s' xml:lang='mn'>"
        "<body>%s</body>"
        "<origin-id xmlns='urn:xmpp:sid:0' id='%s'/>"
        "<stanza-id xmlns='urn:xmpp:sid:0' id='%s' by='%s'/>"
        "<request xmlns='urn:xmpp:receipts'/>"
        "<active xmlns='http://jabber.org/protocol/chatstates'/>"
        "<markable xmlns='urn:xmpp:chat-markers:0'/>"
        "</message>",
        m->peer, BENCH_ACCOUNT, m->message_id, body, m->origin_id, m->stanza_id, BENCH_ACCOUNT);
    }
  return s;
}

typedef struct {
  HolbooAccount *account;
  guint          n_added;
  guint          n_stanzas;
} Feed;

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           Feed            *feed)
{
  feed->n_stanzas++;
  _holboo_account_receive_stanza (feed->account, stanza);
}

static void
on_added (HolbooAccount       *account,
          gint64               conversation_id,
          gint64               message_id,
          HolbooStoredMessage *message,
          Feed                *feed)
{
  feed->n_added++;
}

static void
on_flushed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!holboo_account_flush_finish (HOLBOO_ACCOUNT (source), result, &error))
    g_error ("flush failed: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

static Elapsed
feed_stream (Feed    *feed,
             GString *input)
{
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  double wall = g_get_monotonic_time () / 1e6, cpu = process_cpu ();
  gboolean flushed = FALSE;

  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), feed);
  for (gsize off = 0; off < input->len; off += READ_SIZE)
    {
      g_autoptr(GError) error = NULL;

      if (!holboo_xml_stream_feed (stream, input->str + off, MIN (READ_SIZE, input->len - off), &error))
        g_error ("parse failed: %s", error->message);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  holboo_account_flush_async (feed->account, NULL, on_flushed, &flushed);
  while (!flushed)
    g_main_context_iteration (NULL, TRUE);

  return (Elapsed) { g_get_monotonic_time () / 1e6 - wall, process_cpu () - cpu };
}

static double
median (double *values,
        guint   n)
{
  return bench_median (values, n);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) input = make_stream ();
  double wall_new[N_ROUNDS], cpu_new[N_ROUNDS], wall_dup[N_ROUNDS], cpu_dup[N_ROUNDS];

  printf ("input: %u incoming messages over %u conversations; stream %.1f MiB, fed in %u KiB reads\n",
          N_MESSAGES, N_PEERS, input->len / 1048576.0, READ_SIZE / 1024);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(HolbooXmppSettings) settings = holboo_xmpp_settings_new (BENCH_ACCOUNT, "unused");
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("holboo-bench-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "account.db", NULL);
      Feed feed = { NULL, };
      Elapsed fresh, again;

      g_assert_no_error (error);
      feed.account = holboo_account_new (settings, path, NULL, &error);
      g_assert_no_error (error);
      g_signal_connect (feed.account, "message-added", G_CALLBACK (on_added), &feed);

      fresh = feed_stream (&feed, input);
      if (feed.n_added != N_MESSAGES)
        g_error ("%u messages stored, expected %u", feed.n_added, N_MESSAGES);
      again = feed_stream (&feed, input);
      if (feed.n_added != N_MESSAGES)
        g_error ("%u messages stored after the duplicates, expected %u", feed.n_added, N_MESSAGES);

      wall_new[round] = N_MESSAGES / fresh.wall;
      cpu_new[round] = N_MESSAGES / fresh.cpu;
      wall_dup[round] = N_MESSAGES / again.wall;
      cpu_dup[round] = N_MESSAGES / again.cpu;
      printf ("round %u: new %.2f s (%.0f msgs/s; CPU %.2f s, %.0f msgs/s); "
              "all duplicates %.2f s (%.0f msgs/s; CPU %.2f s, %.0f msgs/s)\n",
              round + 1, fresh.wall, wall_new[round], fresh.cpu, cpu_new[round],
              again.wall, wall_dup[round], again.cpu, cpu_dup[round]);
      fflush (stdout);

      g_clear_object (&feed.account);
      {
        g_autofree char *wal = g_strconcat (path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (path, "-shm", NULL);

        g_unlink (path);
        g_unlink (wal);
        g_unlink (shm);
        g_rmdir (dir);
      }
    }

  printf ("median, parse + dedup + store (new): %.0f msgs/s, %.0f msgs per CPU second (target 20000 on one core)\n",
          median (wall_new, N_ROUNDS), median (cpu_new, N_ROUNDS));
  printf ("median, parse + dedup (all duplicates): %.0f msgs/s, %.0f msgs per CPU second\n",
          median (wall_dup, N_ROUNDS), median (cpu_dup, N_ROUNDS));
  return 0;
}
