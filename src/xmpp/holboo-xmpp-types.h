/* holboo-xmpp-types.h: forward declarations shared by the xmpp layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _HolbooJid HolbooJid;

G_END_DECLS
