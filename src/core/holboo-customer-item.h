/* holboo-customer-item.h: one customer, as an item of a #HolbooCustomerList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-store-customers.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CUSTOMER_ITEM (holboo_customer_item_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCustomerItem, holboo_customer_item, HOLBOO, CUSTOMER_ITEM, GObject)

HolbooCustomerItem *holboo_customer_item_new  (HolbooStoredCustomer *customer);
HolbooStoredCustomer *holboo_customer_item_get_customer (HolbooCustomerItem *self);

G_END_DECLS
