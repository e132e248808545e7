/* holboo-customer-list.h: the customers matching a search, a page at a
 * time, as a GListModel of #HolbooCustomerItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-customer-item.h"

G_BEGIN_DECLS

#define HOLBOO_CUSTOMER_LIST_PAGE 100

#define HOLBOO_TYPE_CUSTOMER_LIST (holboo_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCustomerList, holboo_customer_list, HOLBOO, CUSTOMER_LIST, GObject)

HolbooCustomerList *holboo_customer_list_new          (HolbooAccount      *account);
HolbooAccount      *holboo_customer_list_get_account  (HolbooCustomerList *self);
void                holboo_customer_list_set_query    (HolbooCustomerList *self,
                                                       const char         *text,
                                                       const char         *tag);
const char         *holboo_customer_list_get_text     (HolbooCustomerList *self);
void                holboo_customer_list_load_more    (HolbooCustomerList *self);
void                holboo_customer_list_reload       (HolbooCustomerList *self);
gboolean            holboo_customer_list_get_loaded   (HolbooCustomerList *self);
gboolean            holboo_customer_list_get_complete (HolbooCustomerList *self);
guint               holboo_customer_list_find         (HolbooCustomerList *self,
                                                       const char         *uuid);

G_END_DECLS
