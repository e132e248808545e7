/* holboo-customer-timeline.h: one customer's timeline, newest first, a
 * page at a time, as a GListModel of #HolbooCustomerEventItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-customer-event-item.h"

G_BEGIN_DECLS

#define HOLBOO_CUSTOMER_TIMELINE_PAGE 50

#define HOLBOO_TYPE_CUSTOMER_TIMELINE (holboo_customer_timeline_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCustomerTimeline, holboo_customer_timeline, HOLBOO, CUSTOMER_TIMELINE, GObject)

HolbooCustomerTimeline *holboo_customer_timeline_new          (HolbooAccount          *account,
                                                               const char             *customer);
const char             *holboo_customer_timeline_get_customer (HolbooCustomerTimeline *self);
void                    holboo_customer_timeline_load_more    (HolbooCustomerTimeline *self);
void                    holboo_customer_timeline_reload       (HolbooCustomerTimeline *self);
gboolean                holboo_customer_timeline_get_loaded   (HolbooCustomerTimeline *self);
gboolean                holboo_customer_timeline_get_complete (HolbooCustomerTimeline *self);

G_END_DECLS
