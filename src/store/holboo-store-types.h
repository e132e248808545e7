/* holboo-store-types.h: forward declarations and enums of the store layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HolbooStore HolbooStore;

#define HOLBOO_STORE_ERROR (holboo_store_error_quark ())

/**
 * HolbooStoreError:
 * @HOLBOO_STORE_ERROR_FAILED: any other SQLite failure
 * @HOLBOO_STORE_ERROR_CANNOT_OPEN: the file cannot be created or opened
 *   (missing directory, not a regular file, no permission, ...)
 * @HOLBOO_STORE_ERROR_CORRUPT: the file is not an SQLite database, is
 *   damaged, or is some other program's database
 * @HOLBOO_STORE_ERROR_TOO_NEW: the schema is newer than this Holboo knows;
 *   the file was not modified
 * @HOLBOO_STORE_ERROR_MIGRATION_FAILED: upgrading the schema failed; the
 *   upgrade was rolled back and the file is as it was
 */
typedef enum {
  HOLBOO_STORE_ERROR_FAILED,
  HOLBOO_STORE_ERROR_CANNOT_OPEN,
  HOLBOO_STORE_ERROR_CORRUPT,
  HOLBOO_STORE_ERROR_TOO_NEW,
  HOLBOO_STORE_ERROR_MIGRATION_FAILED,
} HolbooStoreError;

GQuark holboo_store_error_quark (void);

G_END_DECLS
