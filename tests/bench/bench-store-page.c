/* bench-store-page.c: how long the first page of a long conversation
 * takes to read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One conversation of 100,000 messages (and 10,000 in 20 others), stored
 * in batches of 100; the store is closed and opened again, as the app
 * does at start.  Then:
 *
 *  - the first page: the newest 50 messages (target ≤ 2 ms), the first
 *    time after opening and then 500 times;
 *  - a page 50,000 messages back (keyset pagination: the same cost);
 *  - paging back through the whole conversation, 50 at a time;
 *  - counting the conversation's messages;
 *  - the conversation list.
 *
 * Prints the median and the 95th percentile of each.
 */

#include "config.h"

#include "bench-store-util.h"

#include <stdio.h>
#include <stdlib.h>

#define N_MESSAGES 100000
#define N_NOISE    10000
#define PAGE       50
#define N_RUNS     500

typedef GPtrArray *(*Query) (HolbooStore *store, gint64 conversation_id, gconstpointer data);

static GPtrArray *
first_page (HolbooStore   *store,
            gint64         conversation_id,
            gconstpointer  data)
{
  return holboo_store_get_messages_before (store, conversation_id, NULL, PAGE, NULL);
}

static GPtrArray *
page_before (HolbooStore   *store,
             gint64         conversation_id,
             gconstpointer  data)
{
  return holboo_store_get_messages_before (store, conversation_id, data, PAGE, NULL);
}

static GPtrArray *
count (HolbooStore   *store,
       gint64         conversation_id,
       gconstpointer  data)
{
  guint n = 0;

  if (!holboo_store_count_messages (store, conversation_id, &n, NULL) || n != N_MESSAGES)
    g_error ("counted %u messages", n);
  return g_ptr_array_new ();
}

static GPtrArray *
conversations (HolbooStore   *store,
               gint64         conversation_id,
               gconstpointer  data)
{
  return holboo_store_list_conversations (store, NULL);
}

static void
measure (const char    *name,
         HolbooStore   *store,
         gint64         conversation_id,
         Query          query,
         gconstpointer  data,
         guint          expect)
{
  g_autofree double *ms = g_new (double, N_RUNS);

  for (guint i = 0; i < N_RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) rows = query (store, conversation_id, data);

      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      if (rows == NULL || rows->len != expect)
        g_error ("%s: %u rows, expected %u", name, rows ? rows->len : 0, expect);
    }
  printf ("%-34s median %.3f ms, p95 %.3f ms (%u runs)\n", name,
          bench_median (ms, N_RUNS), bench_percentile (ms, N_RUNS, 0.95), N_RUNS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HolbooMessageCursor middle = { 0, 0 };
  char *dir = NULL;
  HolbooStore *store;
  gint64 start;

  store = bench_store_new (&dir);
  start = g_get_monotonic_time ();
  bench_store_fill (store, rand, N_MESSAGES, 0, 100);
  {
    /* Other conversations, interleaved in time. */
    g_autoptr(GPtrArray) noise = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_message_unref);

    for (guint i = 0; i < N_NOISE; i++)
      {
        HolbooStoredMessage *m = bench_make_message (rand, N_MESSAGES + i, 20);

        m->timestamp = BENCH_T0 + (gint64) i * 10 * G_USEC_PER_SEC;
        g_ptr_array_add (noise, m);
      }
    if (!holboo_store_insert_messages (store, (HolbooStoredMessage **) noise->pdata, noise->len, NULL, &error))
      g_error ("%s", error->message);
  }
  printf ("stored %u + %u messages in %.1f s\n", N_MESSAGES, N_NOISE,
          (g_get_monotonic_time () - start) / 1e6);

  /* Open again, as at start-up: SQLite's cache is empty. */
  path = g_strdup (holboo_store_get_path (store));
  g_object_unref (store);
  store = holboo_store_new (path, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  conv = holboo_store_get_conversation (store, BENCH_PEER, &error);
  {
    g_autoptr(GPtrArray) rows = NULL;

    start = g_get_monotonic_time ();
    rows = first_page (store, conv->id, NULL);
    printf ("%-34s %.3f ms (SQLite's cache empty; statements not prepared)\n",
            "first page, first time after open", (g_get_monotonic_time () - start) / 1000.0);
  }

  measure ("first page (50 newest)", store, conv->id, first_page, NULL, PAGE);

  {
    /* A cursor 50,000 messages back. */
    const HolbooMessageCursor *cursor = NULL;
    HolbooMessageCursor c;
    gint64 walk_start = g_get_monotonic_time ();
    guint n_pages = 0, n_rows = 0;

    for (;;)
      {
        g_autoptr(GPtrArray) rows = holboo_store_get_messages_before (store, conv->id, cursor, PAGE, NULL);
        HolbooStoredMessage *oldest;

        if (rows->len == 0)
          break;
        oldest = rows->pdata[0];
        c = (HolbooMessageCursor) { oldest->timestamp, oldest->id };
        cursor = &c;
        n_rows += rows->len;
        n_pages++;
        if (n_rows == N_MESSAGES / 2)
          middle = c;
      }
    if (n_rows != N_MESSAGES)
      g_error ("paged through %u messages", n_rows);
    printf ("%-34s %.1f ms for %u pages, %.3f ms a page\n", "paging back through all of it",
            (g_get_monotonic_time () - walk_start) / 1000.0, n_pages,
            (g_get_monotonic_time () - walk_start) / 1000.0 / n_pages);
  }

  measure ("a page 50,000 messages back", store, conv->id, page_before, &middle, PAGE);
  measure ("count of 100,000 messages", store, conv->id, count, NULL, 0);
  measure ("conversation list (21)", store, conv->id, conversations, NULL, 21);
  printf ("target: first page ≤ 2 ms\n");

  bench_store_remove (store, dir);
  return EXIT_SUCCESS;
}
