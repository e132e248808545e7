/* holboo-account-customers.h: reading an account's customers — the
 * list, one customer, their timeline — and matching an address to one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-store-customers.h"

G_BEGIN_DECLS

/**
 * HolbooCustomerMatch:
 * @customer: the customer an address belongs to
 * @latest_note: (nullable): their newest note
 *
 * What a screen pop shows.
 */
typedef struct {
  HolbooStoredCustomer *customer;
  HolbooCustomerEvent  *latest_note;
} HolbooCustomerMatch;

void                  holboo_customer_match_free                (HolbooCustomerMatch *self);

char                 *holboo_customer_phone_digits              (const char          *text);

void                  holboo_account_search_customers_async     (HolbooAccount       *self,
                                                                 const char          *text,
                                                                 const char          *tag,
                                                                 const char          *owner,
                                                                 const HolbooCustomerCursor *after,
                                                                 guint                limit,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
GPtrArray            *holboo_account_search_customers_finish    (HolbooAccount       *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

void                  holboo_account_load_customer_async        (HolbooAccount       *self,
                                                                 const char          *uuid,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
HolbooStoredCustomer *holboo_account_load_customer_finish       (HolbooAccount       *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

void                  holboo_account_load_customer_events_async (HolbooAccount       *self,
                                                                 const char          *uuid,
                                                                 const HolbooCustomerEvent *before,
                                                                 guint                limit,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
GPtrArray            *holboo_account_load_customer_events_finish (HolbooAccount      *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

void                  holboo_account_match_customer_async       (HolbooAccount       *self,
                                                                 const char          *address,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
HolbooCustomerMatch  *holboo_account_match_customer_finish      (HolbooAccount       *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

/* holboo-account-customers-write.c: through the team log */
void                  holboo_account_save_customer_async        (HolbooAccount       *self,
                                                                 GPtrArray           *ops,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean              holboo_account_save_customer_finish       (HolbooAccount       *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooCustomerMatch, holboo_customer_match_free)

G_END_DECLS
