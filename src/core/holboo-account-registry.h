/* holboo-account-registry.h: the accounts Holboo knows, kept in accounts.ini
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-account-config.h"

G_BEGIN_DECLS

#define HOLBOO_ACCOUNT_REGISTRY_FILE_NAME  "accounts.ini"
#define HOLBOO_ACCOUNT_STORE_FILE_NAME     "holboo.db"

#define HOLBOO_TYPE_ACCOUNT_REGISTRY (holboo_account_registry_get_type ())

G_DECLARE_FINAL_TYPE (HolbooAccountRegistry, holboo_account_registry, HOLBOO, ACCOUNT_REGISTRY, GObject)

HolbooAccountRegistry *holboo_account_registry_new               (const char             *data_dir);

const char            *holboo_account_registry_get_data_dir      (HolbooAccountRegistry  *self);
const char            *holboo_account_registry_get_path          (HolbooAccountRegistry  *self);
gboolean               holboo_account_registry_has_load_problems (HolbooAccountRegistry  *self);

gboolean               holboo_account_registry_load              (HolbooAccountRegistry  *self,
                                                                  GCancellable           *cancellable,
                                                                  GError                **error);
void                   holboo_account_registry_load_async        (HolbooAccountRegistry  *self,
                                                                  GCancellable           *cancellable,
                                                                  GAsyncReadyCallback     callback,
                                                                  gpointer                user_data);
gboolean               holboo_account_registry_load_finish       (HolbooAccountRegistry  *self,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);
gboolean               holboo_account_registry_save              (HolbooAccountRegistry  *self,
                                                                  GCancellable           *cancellable,
                                                                  GError                **error);
void                   holboo_account_registry_save_async        (HolbooAccountRegistry  *self,
                                                                  GCancellable           *cancellable,
                                                                  GAsyncReadyCallback     callback,
                                                                  gpointer                user_data);
gboolean               holboo_account_registry_save_finish       (HolbooAccountRegistry  *self,
                                                                  GAsyncResult           *result,
                                                                  GError                **error);

HolbooAccountConfig   *holboo_account_registry_lookup            (HolbooAccountRegistry  *self,
                                                                  const char             *jid);
gboolean               holboo_account_registry_add               (HolbooAccountRegistry  *self,
                                                                  HolbooAccountConfig    *config,
                                                                  GError                **error);
gboolean               holboo_account_registry_remove            (HolbooAccountRegistry  *self,
                                                                  const char             *jid);

char                  *holboo_account_registry_dup_store_path    (HolbooAccountRegistry  *self,
                                                                  HolbooAccountConfig    *config);
char                  *holboo_account_registry_ensure_store_path (HolbooAccountRegistry  *self,
                                                                  HolbooAccountConfig    *config,
                                                                  GError                **error);

G_END_DECLS
