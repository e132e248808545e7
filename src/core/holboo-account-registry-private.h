/* holboo-account-registry-private.h: reading and writing accounts.ini
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The newest format this Holboo writes; a file with a larger number was
 * written by a newer Holboo and may hold what this one cannot keep. */
#define _HOLBOO_ACCOUNT_REGISTRY_FORMAT 1

GPtrArray *_holboo_account_registry_parse     (const char  *path,
                                               const char  *data,
                                               gsize        length,
                                               guint       *n_problems);
char      *_holboo_account_registry_serialize (GPtrArray   *configs,
                                               gsize       *length);

GPtrArray *_holboo_account_registry_read      (const char    *path,
                                               guint         *n_problems,
                                               GCancellable  *cancellable,
                                               GError       **error);
gboolean   _holboo_account_registry_keep_backup (const char  *path,
                                               GError     **error);
gboolean   _holboo_account_registry_write     (const char  *path,
                                               const char  *text,
                                               gsize        length,
                                               GError     **error);

G_END_DECLS
