/* bench-store-search.c: how long a full-text search over 100,000
 * messages takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 100,000 messages over 50 conversations (bodies of 3-25 words, about
 * 70% Mongolian and 30% English; one in 10,000 has a rare word), stored
 * in batches of 100; the store is closed and opened again.  Each query
 * asks for the 50 most recent hits with snippets, as the search page
 * will: the first time after opening, then 100 times.  Prints the
 * median and 95th percentile of each (target ≤ 20 ms).
 */

#include "config.h"

#include "bench-store-util.h"

#include <stdio.h>
#include <stdlib.h>

#define N_MESSAGES 100000
#define N_PEERS    50
#define LIMIT      50
#define N_RUNS     100

static const struct {
  const char *query;
  const char *what;
} queries[] = {
  { "баярлалаа", "a common Mongolian word" },
  { "гэрээ", "a common word beginning (гэрээ, гэрээний)" },
  { "invoice", "a common English word" },
  { "Гэрээний төслийг", "two common words" },
  { "invoice хүргэлт tomorrow", "three words, Mongolian and English" },
  { "ха", "a two-letter beginning (many words)" },
  { "zzrare", "a rare word (10 messages)" },
  { "qqqqq", "no hit" },
  { "\"гэрээ\" AND (NEAR", "hostile text" },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *dir = NULL;
  HolbooStore *store;
  gint64 start, one_conversation = 0;

  store = bench_store_new (&dir);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_MESSAGES; i++)
    {
      HolbooStoredMessage *m = bench_make_message (rand, i, N_PEERS);

      if (i % 10000 == 5000)
        {
          char *body = g_strconcat (m->body, " zzrare", NULL);

          g_free (m->body);
          m->body = body;
        }
      g_ptr_array_add (batch, m);
      if (batch->len == 100)
        {
          HolbooInsertResult results[100];

          if (!holboo_store_insert_messages (store, (HolbooStoredMessage **) batch->pdata, batch->len,
                                             results, &error))
            g_error ("%s", error->message);
          one_conversation = results[0].conversation_id;
          g_ptr_array_set_size (batch, 0);
        }
    }
  printf ("stored %u messages over %u conversations in %.1f s\n", N_MESSAGES, N_PEERS,
          (g_get_monotonic_time () - start) / 1e6);

  path = g_strdup (holboo_store_get_path (store));
  g_object_unref (store);
  store = holboo_store_new (path, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  for (guint q = 0; q < G_N_ELEMENTS (queries) + 1; q++)
    {
      gboolean filtered = q == G_N_ELEMENTS (queries);
      const char *text = filtered ? queries[0].query : queries[q].query;
      gint64 conversation_id = filtered ? one_conversation : 0;
      double ms[N_RUNS], first = 0;
      guint n_hits = 0;

      for (guint run = 0; run <= N_RUNS; run++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          double t;

          start = g_get_monotonic_time ();
          hits = holboo_store_search_messages (store, text, conversation_id, LIMIT, &error);
          t = (g_get_monotonic_time () - start) / 1000.0;
          if (hits == NULL)
            g_error ("search “%s” failed: %s", text, error->message);
          n_hits = hits->len;
          if (run == 0)
            first = t;
          else
            ms[run - 1] = t;
        }
      printf ("%s%*s %2u hits: median %6.3f ms, p95 %6.3f ms, first %6.3f ms — %s\n", text,
              (int) MAX (0, 26 - (int) g_utf8_strlen (text, -1)), "", n_hits,
              bench_median (ms, N_RUNS), bench_percentile (ms, N_RUNS, 0.95), first,
              filtered ? "the same, in one conversation (~2,000 messages)" : queries[q].what);
    }
  printf ("target: ≤ 20 ms\n");

  bench_store_remove (store, dir);
  return EXIT_SUCCESS;
}
