/* bench-teamlog-apply.c: how fast the team log is replayed into the
 * customer tables — the apply step alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 100,000 ops as a team writes them — 10,000 customers created (name,
 * company, two phone numbers, an e-mail), 50,000 field updates, 25,000
 * notes, 10,000 calls logged, 5,000 tags — parsed from their XML once,
 * then applied into a fresh database on disk 1,000 at a time (four MAM
 * pages of the log room, one transaction, as a catch-up applies them):
 * recorded in teamlog_ops, deduplicated by uuid, applied per field,
 * the timeline's search rows added per page and the customers' search
 * rows rewritten once at the end, as a catch-up does.  Ops and notes
 * have the time-ordered uuids Holboo writes (holboo_teamlog_uuid_new()).  Target (issue 6): ≥ 50,000 ops/s.  Five rounds, a fresh
 * database each; prints every round and the medians, per second of
 * wall time and per second of this thread's CPU time.
 */

#include "config.h"

#include "bench-store-util.h"
#include "holboo-teamlog-op.h"

#include <stdio.h>
#include <sys/resource.h>

#define N_CUSTOMERS 10000
#define N_OPS       100000
#define PAGE        1000
#define N_ROUNDS    5

static double
thread_cpu (void)
{
  struct rusage ru;

  getrusage (RUSAGE_THREAD, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static char *
customer_uuid (guint i)
{
  return g_strdup_printf ("5a7c0e2d-%04x-4000-8000-%012x", i >> 16, i);
}

/* The ops, through XML and back, as they come out of the room. */
static GPtrArray *
make_ops (GRand *rand)
{
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  const char *authors[] = { "bold@example.mn", "saraa@example.mn", "bat@example.mn" };

  for (guint i = 0; i < N_OPS; i++)
    {
      g_autoptr(HolbooTeamlogOp) op = holboo_teamlog_op_new ();
      g_autoptr(HolbooXmlNode) element = NULL;
      g_autoptr(GError) error = NULL;
      HolbooTeamlogOp *parsed;
      guint customer = i < N_CUSTOMERS ? i : (guint) g_rand_int_range (rand, 0, N_CUSTOMERS);
      guint pick = g_rand_int_range (rand, 0, 100);

      op->uuid = holboo_teamlog_uuid_new ();
      op->customer = customer_uuid (customer);
      if (i < N_CUSTOMERS)
        {
          g_autofree char *name = g_strdup_printf ("Харилцагч %u", i);
          g_autofree char *phones = g_strdup_printf ("+9769%07u\n+9768%07u", i, i);
          g_autofree char *email = g_strdup_printf ("client%u@example.mn", i);

          op->kind = HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE;
          holboo_teamlog_op_add_field (op, "name", name);
          holboo_teamlog_op_add_field (op, "company", "Номин ХХК");
          holboo_teamlog_op_add_field (op, "phones", phones);
          holboo_teamlog_op_add_field (op, "emails", email);
        }
      else if (pick < 55)
        {
          g_autofree char *company = g_strdup_printf ("Компани %u", g_rand_int (rand) % 1000);

          op->kind = HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE;
          holboo_teamlog_op_add_field (op, "company", company);
        }
      else if (pick < 83)
        {
          op->kind = HOLBOO_TEAMLOG_OP_NOTE_ADD;
          op->target = holboo_teamlog_uuid_new ();
          op->body = bench_make_body (rand);
        }
      else if (pick < 94)
        {
          op->kind = HOLBOO_TEAMLOG_OP_CALL_LOG;
          op->body = g_strdup ("Incoming call, 3 min");
          op->data = g_strdup ("{\"direction\":\"in\",\"duration\":180}");
        }
      else
        {
          op->kind = HOLBOO_TEAMLOG_OP_TAG_ADD;
          op->target = g_strdup_printf ("tag-%u", g_rand_int (rand) % 20);
        }

      element = holboo_teamlog_op_build (op);
      parsed = holboo_teamlog_op_parse (element, &error);
      g_assert_no_error (error);
      parsed->stanza_id = g_strdup_printf ("A%07u", i);
      parsed->author = g_strdup (authors[i % G_N_ELEMENTS (authors)]);
      parsed->server_ts = G_GINT64_CONSTANT (1795400000000000) + (gint64) i * 1000;
      g_ptr_array_add (ops, parsed);
    }
  return ops;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) ops = NULL;
  double wall[N_ROUNDS], cpu[N_ROUNDS];

  ops = make_ops (rand);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      char *dir = NULL;
      HolbooStore *store = bench_store_new (&dir);
      g_autoptr(GError) error = NULL;
      HolbooTeamlogApplied total = { 0 };
      gint64 start;
      double cpu_start;

      start = g_get_monotonic_time ();
      cpu_start = thread_cpu ();
      for (guint i = 0; i < ops->len; i += PAGE)
        {
          g_autoptr(GPtrArray) page = g_ptr_array_new ();
          HolbooTeamlogApplied applied;

          for (guint k = i; k < MIN (i + PAGE, ops->len); k++)
            g_ptr_array_add (page, ops->pdata[k]);
          g_assert_true (holboo_store_apply_teamlog_batch (store, page, HOLBOO_TEAMLOG_APPLY_DEFER_SEARCH,
                                                           &applied, &error));
          g_assert_no_error (error);
          total.n_applied += applied.n_applied;
          total.n_skipped += applied.n_skipped;
        }
      /* The end of the catch-up: the customers' search rows. */
      g_assert_true (holboo_store_update_teamlog_search (store, &error));
      g_assert_no_error (error);
      wall[round] = N_OPS / ((g_get_monotonic_time () - start) / 1e6);
      cpu[round] = N_OPS / (thread_cpu () - cpu_start);
      g_assert_cmpuint (total.n_applied + total.n_skipped, ==, N_OPS);
      printf ("round %u: apply %u ops (%u applied), %u a transaction: %.0f ops/s wall, %.0f ops/s per CPU-second\n",
              round + 1, N_OPS, total.n_applied, PAGE, wall[round], cpu[round]);
      bench_store_remove (store, dir);
    }

  printf ("teamlog apply, median of %u: %.0f ops/s wall, %.0f ops/s per CPU-second (target >= 50000)\n",
          N_ROUNDS, bench_median (wall, N_ROUNDS), bench_median (cpu, N_ROUNDS));
  return 0;
}
