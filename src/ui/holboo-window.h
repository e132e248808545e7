/* holboo-window.h — the main window
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "holboo-account-manager.h"
#include "holboo-application.h"
#include "holboo-chats-page.h"
#include "holboo-customers-page.h"
#include "holboo-connection-banner.h"
#include "holboo-mode-button.h"
#include "holboo-sign-in-page.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_WINDOW (holboo_window_get_type ())

G_DECLARE_FINAL_TYPE (HolbooWindow, holboo_window, HOLBOO, WINDOW, AdwApplicationWindow)

/* The page shown when the settings name none that exists. */
#define HOLBOO_WINDOW_DEFAULT_PAGE "chats"

HolbooWindow       *holboo_window_new                (HolbooApplication    *application,
                                                      GSettings            *settings,
                                                      HolbooAccountManager *manager);
const char * const *holboo_window_get_page_names     (void);
const char         *holboo_window_get_visible_page   (HolbooWindow      *self);
void                holboo_window_show_storage_error (HolbooWindow      *self,
                                                      const GError      *error);
const char         *holboo_window_get_storage_error  (HolbooWindow      *self);
const char         *holboo_window_get_view           (HolbooWindow      *self);
HolbooAccountManager *holboo_window_get_manager      (HolbooWindow      *self);
HolbooSignInPage   *holboo_window_get_sign_in_page   (HolbooWindow      *self);
HolbooConnectionBanner *holboo_window_get_connection_banner (HolbooWindow *self);
HolbooChatsPage    *holboo_window_get_chats_page     (HolbooWindow      *self);
HolbooModeManager  *holboo_window_get_mode_manager   (HolbooWindow      *self);
HolbooModeButton   *holboo_window_get_mode_button    (HolbooWindow      *self);
HolbooCustomersPage *holboo_window_get_customers_page (HolbooWindow     *self);

G_END_DECLS
