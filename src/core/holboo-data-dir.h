/* holboo-data-dir.h: where Holboo keeps its local data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *holboo_data_dir_ensure (GError **error);

G_END_DECLS
