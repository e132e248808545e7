/* holboo-customer-view.h: one customer: details, note composer and
 * timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-account.h"
#include "holboo-customer-timeline.h"
#include "holboo-store-customers.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CUSTOMER_VIEW (holboo_customer_view_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCustomerView, holboo_customer_view, HOLBOO, CUSTOMER_VIEW, GtkWidget)

GtkWidget              *holboo_customer_view_new           (void);
void                    holboo_customer_view_set_customer  (HolbooCustomerView   *self,
                                                            HolbooAccount        *account,
                                                            const char           *uuid);
const char             *holboo_customer_view_get_uuid      (HolbooCustomerView   *self);
HolbooStoredCustomer   *holboo_customer_view_get_customer  (HolbooCustomerView   *self);
HolbooCustomerTimeline *holboo_customer_view_get_timeline  (HolbooCustomerView   *self);
void                    holboo_customer_view_reload        (HolbooCustomerView   *self);
char                   *holboo_customer_view_take_note     (HolbooCustomerView   *self);
void                    holboo_customer_view_focus_note    (HolbooCustomerView   *self);
void                    holboo_customer_view_set_show_back (HolbooCustomerView   *self,
                                                            gboolean              show_back);

G_END_DECLS
