/* holboo-customer-banner.h: the screen pop: who a conversation's peer
 * is as a customer, with the team's newest note about them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-account.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CUSTOMER_BANNER (holboo_customer_banner_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCustomerBanner, holboo_customer_banner, HOLBOO, CUSTOMER_BANNER, GtkWidget)

GtkWidget  *holboo_customer_banner_new          (void);
void        holboo_customer_banner_set_peer     (HolbooCustomerBanner *self,
                                                 HolbooAccount        *account,
                                                 const char           *peer);
void        holboo_customer_banner_refresh      (HolbooCustomerBanner *self);
const char *holboo_customer_banner_get_customer (HolbooCustomerBanner *self);

G_END_DECLS
