/* holboo-customer-event-item.h: one entry of a customer's timeline, as an item of a #HolbooCustomerTimeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-store-customers.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CUSTOMER_EVENT_ITEM (holboo_customer_event_item_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCustomerEventItem, holboo_customer_event_item, HOLBOO, CUSTOMER_EVENT_ITEM, GObject)

HolbooCustomerEventItem *holboo_customer_event_item_new  (HolbooCustomerEvent *event);
HolbooCustomerEvent *holboo_customer_event_item_get_event (HolbooCustomerEventItem *self);

G_END_DECLS
