/* holboo-accounts-window.h — the accounts, in a preferences window
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "holboo-account-manager.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_ACCOUNTS_WINDOW (holboo_accounts_window_get_type ())

G_DECLARE_FINAL_TYPE (HolbooAccountsWindow, holboo_accounts_window, HOLBOO, ACCOUNTS_WINDOW, AdwPreferencesWindow)

GtkWidget *holboo_accounts_window_new (GtkWindow            *parent,
                                       HolbooAccountManager *manager);

G_END_DECLS
