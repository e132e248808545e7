/* holboo-customer-dialog.h: a new customer, or one being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-account.h"
#include "holboo-store-customers.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CUSTOMER_DIALOG (holboo_customer_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCustomerDialog, holboo_customer_dialog, HOLBOO, CUSTOMER_DIALOG, AdwWindow)

HolbooCustomerDialog *holboo_customer_dialog_new (GtkWindow            *parent,
                                                  HolbooAccount        *account,
                                                  HolbooStoredCustomer *customer);

G_END_DECLS
