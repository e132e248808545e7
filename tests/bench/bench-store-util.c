/* bench-store-util.c: realistic messages and stores for the store
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-store-util.h"

#include <glib/gstdio.h>
#include <stdlib.h>

static const char * const mn_words[] = {
  "сайн", "байна", "уу", "гэрээ", "гэрээний", "төсөл", "төслийг", "илгээлээ", "маргааш",
  "уулзалт", "уулзъя", "цагт", "үнийн", "санал", "хэрэглэгч", "хэрэглэгчийн", "харилцагч",
  "дуудлага", "дуудлагын", "мессеж", "тайлан", "баг", "оффис", "дугаар", "өглөө", "орой",
  "ажил", "ажлын", "хурал", "бэлэн", "баярлалаа", "тийм", "үгүй", "одоо", "дараа", "хүлээн",
  "авлаа", "шалгана", "захиалга", "захиалгын", "төлбөр", "данс", "компани", "бараа",
  "хүргэлт", "хүргэлтийн", "асуулт", "хариулт", "мэдээлэл", "холбоо", "утас", "хаяг",
  "огноо", "хугацаа", "сар", "өдөр", "долоо", "хоног", "би", "та", "бид", "энэ", "тэр",
  "маш", "сайхан", "ойлголоо", "залгана", "бичлэг", "тэмдэглэл", "нэхэмжлэх", "барааны",
  "үлдэгдэл", "агуулах", "менежер", "захирал", "гарын", "үсэг", "зурах", "батлах", "өөрчлөлт",
  "шинэ", "хуучин", "үнэ", "хөнгөлөлт", "хямдрал", "төгрөг", "доллар", "банк", "шилжүүлэг",
  "хийлээ", "хийх", "үү", "юм", "байгаа", "болно", "болохгүй", "ирнэ", "явна", "хүлээж",
};

static const char * const en_words[] = {
  "meeting", "contract", "invoice", "price", "delivery", "tomorrow", "today", "please",
  "send", "check", "customer", "order", "payment", "report", "call", "office", "thanks",
  "ok", "yes", "no", "update", "status", "ticket", "support", "issue", "fixed", "server",
  "document", "review", "schedule", "budget", "quarter", "sales", "team", "project",
  "deadline", "approve", "draft", "final", "the", "a", "is", "to", "for", "on", "at",
  "with", "we", "you", "I", "will", "can", "need", "sent", "received", "confirmed",
};

static const char * const punctuation[] = { ".", ",", "?", "!", "", "", "", "", "", "" };

char *
bench_make_body (GRand *rand)
{
  GString *s = g_string_new (NULL);
  int n = g_rand_int_range (rand, 3, 26);

  for (int i = 0; i < n; i++)
    {
      const char *word;

      if (g_rand_int_range (rand, 0, 100) < 70)
        word = mn_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (mn_words))];
      else
        word = en_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (en_words))];
      if (i > 0)
        g_string_append_c (s, ' ');
      if (i == 0)
        {
          /* Capitalise the first word. */
          gunichar c = g_unichar_toupper (g_utf8_get_char (word));

          g_string_append_unichar (s, c);
          g_string_append (s, g_utf8_next_char (word));
        }
      else
        g_string_append (s, word);
      if (g_rand_int_range (rand, 0, 20) == 0)
        g_string_append_printf (s, " %d", g_rand_int_range (rand, 1, 1000000));
      g_string_append (s, punctuation[g_rand_int_range (rand, 0, G_N_ELEMENTS (punctuation))]);
    }
  return g_string_free (s, FALSE);
}

static char *
random_uuid (GRand *rand)
{
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%08x%04x",
                          g_rand_int (rand), g_rand_int (rand) & 0xffff, g_rand_int (rand) & 0xfff,
                          0x8000 | (g_rand_int (rand) & 0x3fff), g_rand_int (rand),
                          g_rand_int (rand) & 0xffff);
}

HolbooStoredMessage *
bench_make_message (GRand *rand,
                    guint  i,
                    guint  n_peers)
{
  HolbooStoredMessage *m = holboo_stored_message_new ();

  if (n_peers <= 1)
    m->peer = g_strdup (BENCH_PEER);
  else
    m->peer = g_strdup_printf ("user%03u@example.mn", g_rand_int_range (rand, 0, n_peers));
  m->kind = HOLBOO_CONVERSATION_CHAT;
  m->direction = HOLBOO_MESSAGE_INCOMING;
  m->state = HOLBOO_MESSAGE_STATE_RECEIVED;
  m->from_jid = g_strconcat (m->peer, "/phone-3f2a", NULL);
  m->to_jid = g_strdup (BENCH_ACCOUNT "/desktop-91c4");
  m->body = bench_make_body (rand);
  m->timestamp = BENCH_T0 + (gint64) i * G_USEC_PER_SEC;
  m->server_ts = m->timestamp;
  /* Random ids, as clients make origin-ids and as Prosody makes archive
   * ids (UUIDs): the worst case for the indexes.  ejabberd's archive
   * ids grow with time, which is kinder. */
  m->origin_id = random_uuid (rand);
  m->message_id = g_strdup (m->origin_id);
  m->stanza_id = random_uuid (rand);
  m->stanza_id_by = g_strdup (BENCH_ACCOUNT);
  m->receipt_requested = TRUE;
  return m;
}

HolbooStore *
bench_store_new (char **out_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HolbooStore *store;

  *out_dir = g_dir_make_tmp ("holboo-bench-XXXXXX", &error);
  if (*out_dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (*out_dir, "bench.db", NULL);
  store = holboo_store_new (path, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

void
bench_store_remove (HolbooStore *store,
                    char        *dir)
{
  g_autofree char *path = g_strdup (holboo_store_get_path (store));
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_object_unref (store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
  g_free (dir);
}

void
bench_store_fill (HolbooStore *store,
                  GRand       *rand,
                  guint        n,
                  guint        n_peers,
                  guint        batch)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);

  for (guint i = 0; i < n; i += batch)
    {
      g_autoptr(GError) error = NULL;

      g_ptr_array_set_size (messages, 0);
      for (guint j = i; j < MIN (n, i + batch); j++)
        g_ptr_array_add (messages, bench_make_message (rand, j, n_peers));
      if (!holboo_store_insert_messages (store, (HolbooStoredMessage **) messages->pdata, messages->len,
                                         NULL, &error))
        g_error ("%s", error->message);
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_percentile (double *values,
                  guint   n,
                  double  p)
{
  qsort (values, n, sizeof values[0], compare_doubles);
  return values[MIN (n - 1, (guint) (p * n))];
}

double
bench_median (double *values,
              guint   n)
{
  return bench_percentile (values, n, 0.5);
}
