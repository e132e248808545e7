/* holboo-account-manager-private.h: shared by holboo-account-manager*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account-manager.h"

G_BEGIN_DECLS

struct _HolbooAccountManager
{
  GObject                parent_instance;

  HolbooAccountRegistry *registry;
  GPtrArray             *accounts;     /* HolbooAccount, the model */
  GHashTable            *open_errors;  /* bare jid → GError */
  GHashTable            *opening;      /* bare jids being opened */
  GCancellable          *cancellable;  /* cancelled on dispose */
  gboolean               loaded;
};

gboolean _holboo_account_manager_find  (HolbooAccountManager *self,
                                        const char           *jid,
                                        guint                *position);
void     _holboo_account_manager_drop  (HolbooAccountManager *self,
                                        const char           *jid);
gboolean _holboo_account_manager_adopt (HolbooAccountManager *self,
                                        HolbooAccount        *account);

G_END_DECLS
