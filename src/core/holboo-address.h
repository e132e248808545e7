/* holboo-address.h: checking an address the user typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *holboo_address_normalize (const char  *text,
                                GError     **error);

G_END_DECLS
