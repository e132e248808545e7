/* holboo-account-open.h: from a saved account to a HolbooAccount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-account.h"
#include "holboo-account-registry.h"

G_BEGIN_DECLS

void           holboo_account_open_async  (HolbooAccountRegistry *registry,
                                           HolbooAccountConfig   *config,
                                           const char            *password,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
HolbooAccount *holboo_account_open_finish (GAsyncResult          *result,
                                           GError               **error);

G_END_DECLS
