/* bench-store-util.h: realistic messages and stores for the store
 * benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store-messages.h"

G_BEGIN_DECLS

#define BENCH_ACCOUNT "bold@example.mn"
#define BENCH_T0      G_GINT64_CONSTANT (1700000000000000)

/* A chat body of 3 to 25 words, about 70% Mongolian and 30% English,
 * with punctuation and now and then a number. */
char                 *bench_make_body       (GRand       *rand);

/* Incoming message @i of a stream spread over @n_peers conversations
 * (0 means one, BENCH_PEER): archive id and origin-id (random UUIDs),
 * receipt request, one second apart. */
HolbooStoredMessage  *bench_make_message    (GRand       *rand,
                                             guint        i,
                                             guint        n_peers);
#define BENCH_PEER "bat.erdene@example.mn"

/* A new store in a new temporary directory; bench_store_remove()
 * deletes both. */
HolbooStore          *bench_store_new       (char       **out_dir);
void                  bench_store_remove    (HolbooStore *store,
                                             char        *dir);

/* Stores @n messages of bench_make_message() in batches of @batch. */
void                  bench_store_fill      (HolbooStore *store,
                                             GRand       *rand,
                                             guint        n,
                                             guint        n_peers,
                                             guint        batch);

double                bench_median          (double      *values,
                                             guint        n);
double                bench_percentile      (double      *values,
                                             guint        n,
                                             double       p);

G_END_DECLS
