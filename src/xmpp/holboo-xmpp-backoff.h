/* holboo-xmpp-backoff.h: reconnect delays, exponential with full jitter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HOLBOO_XMPP_BACKOFF_BASE_MS (1000)
#define HOLBOO_XMPP_BACKOFF_CAP_MS  (5 * 60 * 1000)

guint holboo_xmpp_backoff_ceiling_ms (guint  attempt,
                                      guint  base_ms,
                                      guint  cap_ms);
guint holboo_xmpp_backoff_delay_ms   (guint  attempt,
                                      guint  base_ms,
                                      guint  cap_ms,
                                      double random);

G_END_DECLS
