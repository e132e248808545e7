/* holboo-customer-event-item.c: one entry of a customer's timeline, as an item of a #HolbooCustomerTimeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A read-only row: when the row changes, the list puts a new item in
 * its place.
 */

#define G_LOG_DOMAIN "holboo-customer-event-item"

#include "config.h"

#include "holboo-customer-event-item.h"

struct _HolbooCustomerEventItem
{
  GObject  parent_instance;

  HolbooCustomerEvent *event;
};

G_DEFINE_FINAL_TYPE (HolbooCustomerEventItem, holboo_customer_event_item, G_TYPE_OBJECT)

static void
holboo_customer_event_item_finalize (GObject *object)
{
  HolbooCustomerEventItem *self = HOLBOO_CUSTOMER_EVENT_ITEM (object);

  g_clear_pointer (&self->event, holboo_customer_event_free);

  G_OBJECT_CLASS (holboo_customer_event_item_parent_class)->finalize (object);
}

static void
holboo_customer_event_item_class_init (HolbooCustomerEventItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = holboo_customer_event_item_finalize;
}

static void
holboo_customer_event_item_init (HolbooCustomerEventItem *self)
{
}

/**
 * holboo_customer_event_item_new:
 * @event: (transfer full): the row
 */
HolbooCustomerEventItem *
holboo_customer_event_item_new (HolbooCustomerEvent *event)
{
  HolbooCustomerEventItem *self = g_object_new (HOLBOO_TYPE_CUSTOMER_EVENT_ITEM, NULL);

  self->event = event;
  return self;
}

/**
 * holboo_customer_event_item_get_event:
 *
 * Returns: (transfer none): the row
 */
HolbooCustomerEvent *
holboo_customer_event_item_get_event (HolbooCustomerEventItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_EVENT_ITEM (self), NULL);
  return self->event;
}
