/* holboo-sign-in-page.h — signing in to an account
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "holboo-account-manager.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_SIGN_IN_PAGE (holboo_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (HolbooSignInPage, holboo_sign_in_page, HOLBOO, SIGN_IN_PAGE, AdwBin)

GtkWidget    *holboo_sign_in_page_new            (HolbooAccountManager *manager,
                                                  gboolean              adding);
gboolean      holboo_sign_in_page_get_busy       (HolbooSignInPage     *self);
const char   *holboo_sign_in_page_get_error      (HolbooSignInPage     *self);
void          holboo_sign_in_page_set_ca_file    (HolbooSignInPage     *self,
                                                  const char           *path);
AdwHeaderBar *holboo_sign_in_page_get_header_bar (HolbooSignInPage     *self);

G_END_DECLS
