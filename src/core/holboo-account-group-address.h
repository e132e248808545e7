/* holboo-account-group-address.h: where the account's server keeps
 * group chats, and an address for a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"

G_BEGIN_DECLS

void   holboo_account_find_group_service_async  (HolbooAccount        *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
char  *holboo_account_find_group_service_finish (HolbooAccount        *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

char  *holboo_group_address_new                 (const char           *name,
                                                 const char           *service);

G_END_DECLS
