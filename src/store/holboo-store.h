/* holboo-store.h: one account's SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-store-types.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_STORE (holboo_store_get_type ())

G_DECLARE_FINAL_TYPE (HolbooStore, holboo_store, HOLBOO, STORE, GObject)

HolbooStore *holboo_store_new                   (const char           *path,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
void         holboo_store_new_async             (const char           *path,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
HolbooStore *holboo_store_new_finish            (GAsyncResult         *result,
                                                 GError              **error);

const char  *holboo_store_get_path              (HolbooStore          *self);
int          holboo_store_get_schema_version    (HolbooStore          *self);
int          holboo_store_get_latest_schema_version (void);

char        *holboo_store_get_meta              (HolbooStore          *self,
                                                 const char           *key,
                                                 GError              **error);
gboolean     holboo_store_set_meta              (HolbooStore          *self,
                                                 const char           *key,
                                                 const char           *value,
                                                 GError              **error);

G_END_DECLS
