/* holboo-customers-page.h: the Customers page: the team's customers and
 * the open one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-account.h"
#include "holboo-customer-list.h"
#include "holboo-customer-view.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CUSTOMERS_PAGE (holboo_customers_page_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCustomersPage, holboo_customers_page, HOLBOO, CUSTOMERS_PAGE, GtkWidget)

GtkWidget          *holboo_customers_page_new           (void);
void                holboo_customers_page_set_account   (HolbooCustomersPage *self,
                                                         HolbooAccount       *account);
HolbooAccount      *holboo_customers_page_get_account   (HolbooCustomersPage *self);
HolbooCustomerList *holboo_customers_page_get_list      (HolbooCustomersPage *self);
HolbooCustomerView *holboo_customers_page_get_view      (HolbooCustomersPage *self);
void                holboo_customers_page_show_customer (HolbooCustomersPage *self,
                                                         const char          *uuid);
void                holboo_customers_page_refresh       (HolbooCustomersPage *self);

G_END_DECLS
