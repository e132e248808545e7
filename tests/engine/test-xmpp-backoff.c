/* test-xmpp-backoff.c: reconnect delays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xmpp-backoff.h"

static void
test_ceiling (void)
{
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (0, 1000, 300000), ==, 1000);
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (1, 1000, 300000), ==, 2000);
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (5, 1000, 300000), ==, 32000);
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (8, 1000, 300000), ==, 256000);
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (9, 1000, 300000), ==, 300000);
  /* No overflow, however many attempts failed. */
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (64, 1000, 300000), ==, 300000);
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (G_MAXUINT, 1000, 300000), ==, 300000);
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (40, G_MAXUINT, G_MAXUINT), ==, G_MAXUINT);
  /* A cap below the base wins. */
  g_assert_cmpuint (holboo_xmpp_backoff_ceiling_ms (0, 1000, 500), ==, 500);
}

static void
test_ceiling_monotonic (void)
{
  guint previous = 0;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      guint ceiling = holboo_xmpp_backoff_ceiling_ms (attempt, HOLBOO_XMPP_BACKOFF_BASE_MS,
                                                      HOLBOO_XMPP_BACKOFF_CAP_MS);

      g_assert_cmpuint (ceiling, >=, previous);
      g_assert_cmpuint (ceiling, <=, HOLBOO_XMPP_BACKOFF_CAP_MS);
      previous = ceiling;
    }
  g_assert_cmpuint (previous, ==, HOLBOO_XMPP_BACKOFF_CAP_MS);
}

static void
test_jitter_bounds (void)
{
  /* The extremes of the random input map to the ends of the range. */
  g_assert_cmpuint (holboo_xmpp_backoff_delay_ms (3, 1000, 300000, 0.0), ==, 0);
  g_assert_cmpuint (holboo_xmpp_backoff_delay_ms (3, 1000, 300000, 0.5), ==, 4000);
  g_assert_cmpuint (holboo_xmpp_backoff_delay_ms (3, 1000, 300000, 0.999999), <, 8000);
  g_assert_cmpuint (holboo_xmpp_backoff_delay_ms (3, 1000, 300000, 0.999999), >=, 7999);
  g_assert_cmpuint (holboo_xmpp_backoff_delay_ms (20, 1000, 300000, 0.999999), <=, 300000);
  /* Out-of-range input is clamped, never outside [0, ceiling]. */
  g_assert_cmpuint (holboo_xmpp_backoff_delay_ms (3, 1000, 300000, -1.0), ==, 0);
  g_assert_cmpuint (holboo_xmpp_backoff_delay_ms (3, 1000, 300000, 7.0), ==, 8000);
  g_assert_cmpuint (holboo_xmpp_backoff_delay_ms (3, 1000, 300000, 0.0 / 0.0), ==, 0);
}

/* With real randomness the delays spread over the whole range. */
static void
test_jitter_spread (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint buckets[10] = { 0 };

  for (guint i = 0; i < 10000; i++)
    {
      guint delay = holboo_xmpp_backoff_delay_ms (4, 1000, 300000, g_rand_double (rand));

      g_assert_cmpuint (delay, <=, 16000);
      buckets[MIN (delay / 1600, 9)]++;
    }

  for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
    g_assert_cmpuint (buckets[b], >, 800);   /* ~1000 each if uniform */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/backoff/ceiling", test_ceiling);
  g_test_add_func ("/xmpp/backoff/ceiling-monotonic", test_ceiling_monotonic);
  g_test_add_func ("/xmpp/backoff/jitter-bounds", test_jitter_bounds);
  g_test_add_func ("/xmpp/backoff/jitter-spread", test_jitter_spread);

  return g_test_run ();
}
