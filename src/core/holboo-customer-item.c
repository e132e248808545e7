/* holboo-customer-item.c: one customer, as an item of a #HolbooCustomerList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only row: when the row changes, the list puts a new item in
 * its place.
 */

#define G_LOG_DOMAIN "holboo-customer-item"

#include "config.h"

#include "holboo-customer-item.h"

struct _HolbooCustomerItem
{
  GObject  parent_instance;

  HolbooStoredCustomer *customer;
};

G_DEFINE_FINAL_TYPE (HolbooCustomerItem, holboo_customer_item, G_TYPE_OBJECT)

static void
holboo_customer_item_finalize (GObject *object)
{
  HolbooCustomerItem *self = HOLBOO_CUSTOMER_ITEM (object);

  g_clear_pointer (&self->customer, holboo_stored_customer_free);

  G_OBJECT_CLASS (holboo_customer_item_parent_class)->finalize (object);
}

static void
holboo_customer_item_class_init (HolbooCustomerItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = holboo_customer_item_finalize;
}

static void
holboo_customer_item_init (HolbooCustomerItem *self)
{
}

/**
 * holboo_customer_item_new:
 * @customer: (transfer full): the row
 */
HolbooCustomerItem *
holboo_customer_item_new (HolbooStoredCustomer *customer)
{
  HolbooCustomerItem *self = g_object_new (HOLBOO_TYPE_CUSTOMER_ITEM, NULL);

  self->customer = customer;
  return self;
}

/**
 * holboo_customer_item_get_customer:
 *
 * Returns: (transfer none): the row
 */
HolbooStoredCustomer *
holboo_customer_item_get_customer (HolbooCustomerItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_ITEM (self), NULL);
  return self->customer;
}
