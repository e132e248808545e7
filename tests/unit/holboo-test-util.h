/* holboo-test-util.h: small helpers shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *holboo_test_make_tmp_dir (void);
void      holboo_test_rm_rf        (const char *path);
guint     holboo_test_file_mode    (const char *path);
gboolean  holboo_test_dir_is_empty (const char *path);

G_END_DECLS
