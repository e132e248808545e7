/* holboo-account-card-customer.h: saving a business card as a customer
 * of the account's team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-card.h"

G_BEGIN_DECLS

void  holboo_account_find_card_customer_async  (HolbooAccount        *self,
                                                HolbooCard           *card,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char *holboo_account_find_card_customer_finish (HolbooAccount        *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void  holboo_account_save_card_customer_async  (HolbooAccount        *self,
                                                HolbooCard           *card,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char *holboo_account_save_card_customer_finish (HolbooAccount        *self,
                                                GAsyncResult         *result,
                                                gboolean             *created,
                                                GError              **error);

G_END_DECLS
