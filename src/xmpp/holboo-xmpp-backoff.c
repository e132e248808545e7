/* holboo-xmpp-backoff.c: reconnect delays, exponential with full jitter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Full jitter" (AWS architecture blog, 2015): the delay before attempt
 * n is uniform in [0, min(cap, base · 2ⁿ)], so that a thousand clients
 * cut off by the same outage do not come back in step.
 */

#define G_LOG_DOMAIN "holboo-xmpp-backoff"

#include "config.h"

#include "holboo-xmpp-backoff.h"

/**
 * holboo_xmpp_backoff_ceiling_ms:
 * @attempt: how many attempts failed in a row, from 0
 *
 * Returns: min(@cap_ms, @base_ms · 2^@attempt), without overflow
 */
guint
holboo_xmpp_backoff_ceiling_ms (guint attempt,
                                guint base_ms,
                                guint cap_ms)
{
  guint64 ceiling = base_ms;

  for (guint i = 0; i < attempt && ceiling < cap_ms; i++)
    ceiling *= 2;

  return (guint) MIN (ceiling, (guint64) cap_ms);
}

/**
 * holboo_xmpp_backoff_delay_ms:
 * @attempt: how many attempts failed in a row, from 0
 * @random: a number in [0, 1), e.g. g_random_double(); out-of-range
 *   values are clamped
 *
 * Returns: the delay before the next attempt: @random times the ceiling,
 *   so always in [0, holboo_xmpp_backoff_ceiling_ms()]
 */
guint
holboo_xmpp_backoff_delay_ms (guint  attempt,
                              guint  base_ms,
                              guint  cap_ms,
                              double random)
{
  guint ceiling = holboo_xmpp_backoff_ceiling_ms (attempt, base_ms, cap_ms);

  if (!(random >= 0.0))   /* also NaN */
    random = 0.0;
  if (random > 1.0)
    random = 1.0;

  return (guint) (random * ceiling);
}
