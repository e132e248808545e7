/* holboo-account-manager.h: the accounts the application runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-account.h"
#include "holboo-account-registry.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_ACCOUNT_MANAGER (holboo_account_manager_get_type ())

G_DECLARE_FINAL_TYPE (HolbooAccountManager, holboo_account_manager, HOLBOO, ACCOUNT_MANAGER, GObject)

HolbooAccountManager  *holboo_account_manager_new                (const char            *data_dir);

HolbooAccountRegistry *holboo_account_manager_get_registry       (HolbooAccountManager  *self);
gboolean               holboo_account_manager_get_loaded         (HolbooAccountManager  *self);
HolbooAccount         *holboo_account_manager_lookup             (HolbooAccountManager  *self,
                                                                  const char            *jid);
const GError          *holboo_account_manager_get_open_error     (HolbooAccountManager  *self,
                                                                  const char            *jid);

void                   holboo_account_manager_load_async         (HolbooAccountManager  *self,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
gboolean               holboo_account_manager_load_finish        (HolbooAccountManager  *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

void                   holboo_account_manager_add_async          (HolbooAccountManager  *self,
                                                                  HolbooAccountConfig   *config,
                                                                  const char            *password,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
HolbooAccount         *holboo_account_manager_add_finish         (HolbooAccountManager  *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

void                   holboo_account_manager_remove_async       (HolbooAccountManager  *self,
                                                                  const char            *jid,
                                                                  gboolean               delete_data,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
gboolean               holboo_account_manager_remove_finish      (HolbooAccountManager  *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

void                   holboo_account_manager_set_enabled_async  (HolbooAccountManager  *self,
                                                                  const char            *jid,
                                                                  gboolean               enabled,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
gboolean               holboo_account_manager_set_enabled_finish (HolbooAccountManager  *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

void                   holboo_account_manager_set_password_async (HolbooAccountManager *self,
                                                                  const char            *jid,
                                                                  const char            *password,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
gboolean               holboo_account_manager_set_password_finish (HolbooAccountManager *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

void                   holboo_account_manager_trust_certificate_async  (HolbooAccountManager *self,
                                                                  const char            *jid,
                                                                  GTlsCertificate       *certificate,
                                                                  GCancellable          *cancellable,
                                                                  GAsyncReadyCallback    callback,
                                                                  gpointer               user_data);
gboolean               holboo_account_manager_trust_certificate_finish (HolbooAccountManager *self,
                                                                  GAsyncResult          *result,
                                                                  GError               **error);

G_END_DECLS
