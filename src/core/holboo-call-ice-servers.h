/* holboo-call-ice-servers.h: XEP-0215 external services → a call's ICE servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "holboo-ice-server.h"

G_BEGIN_DECLS

GPtrArray *holboo_call_ice_servers_from_external (GPtrArray *services,
                                                  gint64     now_us);

G_END_DECLS
