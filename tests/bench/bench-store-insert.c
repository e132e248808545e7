/* bench-store-insert.c: how many incoming messages per second the store
 * dedups and stores, alone and behind the XML parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 100,000 incoming chat messages over 50 conversations (each with an
 * archive id and an origin-id — random UUIDs, as Prosody and most
 * clients make them, the worst case for the indexes — and a receipt
 * request; bodies of 3-25 words, Mongolian and English) into a fresh
 * database on disk:
 *
 *  - store: new messages in batches of 100 (a MAM page, or a burst) —
 *    dedup, insert, FTS5 index, conversation updates, one transaction
 *    per batch; and in batches of 1,000 (several MAM pages per
 *    transaction during a catch-up);
 *  - store again: the same 100,000 once more, all duplicates;
 *  - parse + dedup + store: the stanzas as one TCP stream fed in 16 KiB
 *    reads through HolbooXmlStream, each turned into a message and
 *    stored in batches of 100 — the target, ≥ 20,000/s on one
 *    core.
 *
 * Each figure is given per second of wall time, and per second of CPU
 * time of the thread doing the work (the store's checkpoint thread
 * runs beside it): on a shared machine the first depends on the
 * neighbours and the disk, the second is what one core does.  Five
 * rounds, a fresh database each; prints every round and the medians.
 */

#include "config.h"

#include "bench-store-util.h"
#include "holboo-xml-stream.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define N_MESSAGES 100000
#define N_PEERS    50
#define BATCH      100
#define N_ROUNDS   5
#define READ_SIZE  (16 * 1024)
#define NS_SID     "urn:xmpp:sid:0"

typedef struct {
  double wall;
  double cpu;
} Elapsed;

static double
thread_cpu (void)
{
  struct rusage ru;

  getrusage (RUSAGE_THREAD, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static Elapsed
start_clock (void)
{
  return (Elapsed) { g_get_monotonic_time () / 1e6, thread_cpu () };
}

static Elapsed
stop_clock (Elapsed start)
{
  return (Elapsed) { g_get_monotonic_time () / 1e6 - start.wall, thread_cpu () - start.cpu };
}

static GPtrArray *
make_messages (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);

  for (guint i = 0; i < N_MESSAGES; i++)
    g_ptr_array_add (messages, bench_make_message (rand, i, N_PEERS));
  return messages;
}

static Elapsed
store_all (HolbooStore *store,
           GPtrArray   *messages,
           guint        batch,
           guint        expect_new)
{
  g_autofree HolbooInsertResult *results = g_new (HolbooInsertResult, batch);
  guint n_new = 0;
  Elapsed start = start_clock ();

  for (guint i = 0; i < messages->len; i += batch)
    {
      g_autoptr(GError) error = NULL;
      guint n = MIN (batch, messages->len - i);

      if (!holboo_store_insert_messages (store, (HolbooStoredMessage **) messages->pdata + i, n,
                                         results, &error))
        g_error ("insert failed: %s", error->message);
      for (guint j = 0; j < n; j++)
        n_new += results[j].outcome == HOLBOO_INSERT_NEW;
    }
  if (n_new != expect_new)
    g_error ("%u new messages, expected %u", n_new, expect_new);
  return stop_clock (start);
}

/* The stream as Prosody delivers it (see bench-xml-parse.c). */
static GString *
make_stream (GPtrArray *messages)
{
  GString *s = g_string_new ("<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                             " xmlns:stream='http://etherx.jabber.org/streams' id='2e0c6c5e'"
                             " from='example.mn' version='1.0' xml:lang='en'>");

  for (guint i = 0; i < messages->len; i++)
    {
      HolbooStoredMessage *m = messages->pdata[i];
      g_autofree char *body = g_markup_escape_text (m->body, -1);

      g_string_append_printf (s,
        "<message from='%s' to='%s' type='chat' id='%s' xml:lang='mn'>"
        "<body>%s</body>"
        "<origin-id xmlns='urn:xmpp:sid:0' id='%s'/>"
        "<stanza-id xmlns='urn:xmpp:sid:0' id='%s' by='%s'/>"
        "<request xmlns='urn:xmpp:receipts'/>"
        "<active xmlns='http://jabber.org/protocol/chatstates'/>"
        "<markable xmlns='urn:xmpp:chat-markers:0'/>"
        "</message>",
        m->from_jid, m->to_jid, m->message_id, body, m->origin_id, m->stanza_id, m->stanza_id_by);
    }
  return s;
}

typedef struct {
  HolbooStore *store;
  GPtrArray   *batch;
  guint        n_stanzas;
  guint        n_new;
} Pipeline;

static void
flush (Pipeline *p)
{
  g_autoptr(GError) error = NULL;
  HolbooInsertResult results[BATCH];

  if (p->batch->len == 0)
    return;
  if (!holboo_store_insert_messages (p->store, (HolbooStoredMessage **) p->batch->pdata, p->batch->len,
                                     results, &error))
    g_error ("insert failed: %s", error->message);
  for (guint j = 0; j < p->batch->len; j++)
    p->n_new += results[j].outcome == HOLBOO_INSERT_NEW;
  g_ptr_array_set_size (p->batch, 0);
}

/* What the core's pipeline will do with a chat stanza, minus the
 * checks of who may send what. */
static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           Pipeline        *p)
{
  const char *from = holboo_xml_node_get_attribute (stanza, "from");
  const char *body = holboo_xml_node_get_child_text (stanza, "body", HOLBOO_XMLNS_CLIENT);
  HolbooXmlNode *sid = holboo_xml_node_get_child (stanza, "stanza-id", NS_SID);
  HolbooXmlNode *oid = holboo_xml_node_get_child (stanza, "origin-id", NS_SID);
  const char *slash;
  HolbooStoredMessage *m;

  if (from == NULL || body == NULL || sid == NULL || oid == NULL)
    g_error ("incomplete stanza");

  m = holboo_stored_message_new ();
  slash = strchr (from, '/');
  m->peer = slash != NULL ? g_strndup (from, slash - from) : g_strdup (from);
  m->kind = HOLBOO_CONVERSATION_CHAT;
  m->from_jid = g_strdup (from);
  m->to_jid = g_strdup (holboo_xml_node_get_attribute (stanza, "to"));
  m->body = g_strdup (body);
  m->timestamp = BENCH_T0 + (gint64) p->n_stanzas * G_USEC_PER_SEC;
  m->message_id = g_strdup (holboo_xml_node_get_attribute (stanza, "id"));
  m->origin_id = g_strdup (holboo_xml_node_get_attribute (oid, "id"));
  m->stanza_id = g_strdup (holboo_xml_node_get_attribute (sid, "id"));
  m->stanza_id_by = g_strdup (holboo_xml_node_get_attribute (sid, "by"));
  m->receipt_requested = holboo_xml_node_get_child (stanza, "request", "urn:xmpp:receipts") != NULL;
  g_ptr_array_add (p->batch, m);
  p->n_stanzas++;

  if (p->batch->len == BATCH)
    flush (p);
}

static Elapsed
pipeline (HolbooStore *store,
          GString     *input)
{
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  Pipeline p = { store, batch, 0, 0 };
  Elapsed start;

  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), &p);

  start = start_clock ();
  for (gsize off = 0; off < input->len; off += READ_SIZE)
    {
      g_autoptr(GError) error = NULL;

      if (!holboo_xml_stream_feed (stream, input->str + off, MIN (READ_SIZE, input->len - off), &error))
        g_error ("parse failed: %s", error->message);
    }
  flush (&p);
  if (p.n_new != N_MESSAGES)
    g_error ("%u new messages, expected %u", p.n_new, N_MESSAGES);
  return stop_clock (start);
}

enum { STORE, STORE_1000, DUPLICATES, PIPELINE, N_FIGURES };

static const char * const figure_names[N_FIGURES] = {
  "store, batches of 100",
  "store, batches of 1000",
  "again, all duplicates",
  "parse + dedup + store",
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) messages = make_messages ();
  g_autoptr(GString) input = make_stream (messages);
  double wall_rate[N_FIGURES][N_ROUNDS], cpu_rate[N_FIGURES][N_ROUNDS];
  gsize body_bytes = 0;
  gint64 db_size = 0;

  for (guint i = 0; i < messages->len; i++)
    body_bytes += strlen (((HolbooStoredMessage *) messages->pdata[i])->body);
  printf ("input: %u incoming messages over %u conversations, bodies %.0f bytes on average; "
          "stream %.1f MiB\n",
          N_MESSAGES, N_PEERS, (double) body_bytes / N_MESSAGES, input->len / 1048576.0);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      Elapsed t[N_FIGURES];
      char *dir = NULL;
      HolbooStore *store;
      GStatBuf st;

      store = bench_store_new (&dir);
      t[STORE] = store_all (store, messages, BATCH, N_MESSAGES);
      t[DUPLICATES] = store_all (store, messages, BATCH, 0);
      if (g_stat (holboo_store_get_path (store), &st) == 0)
        db_size = st.st_size;
      bench_store_remove (store, dir);

      store = bench_store_new (&dir);
      t[STORE_1000] = store_all (store, messages, 10 * BATCH, N_MESSAGES);
      bench_store_remove (store, dir);

      store = bench_store_new (&dir);
      t[PIPELINE] = pipeline (store, input);
      bench_store_remove (store, dir);

      printf ("round %u:", round + 1);
      for (guint f = 0; f < N_FIGURES; f++)
        {
          wall_rate[f][round] = N_MESSAGES / t[f].wall;
          cpu_rate[f][round] = N_MESSAGES / t[f].cpu;
          printf ("%s %s %.2f s (%.0f msgs/s; CPU %.2f s, %.0f msgs/s)", f ? ";" : "",
                  figure_names[f], t[f].wall, wall_rate[f][round], t[f].cpu, cpu_rate[f][round]);
        }
      printf ("\n");
    }

  printf ("database after storing: %.1f MiB (its WAL not counted)\n", db_size / 1048576.0);
  for (guint f = 0; f < N_FIGURES; f++)
    printf ("median, %s: %.0f msgs/s, %.0f msgs per CPU second%s\n", figure_names[f],
            bench_median (wall_rate[f], N_ROUNDS), bench_median (cpu_rate[f], N_ROUNDS),
            f == PIPELINE ? " (target 20000 on one core)" : "");
  return EXIT_SUCCESS;
}
