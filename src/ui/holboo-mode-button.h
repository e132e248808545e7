/* holboo-mode-button.h — the current mode in the header bar, and a menu
 * to switch it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "holboo-mode-manager.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_MODE_BUTTON (holboo_mode_button_get_type ())

G_DECLARE_FINAL_TYPE (HolbooModeButton, holboo_mode_button, HOLBOO, MODE_BUTTON, AdwBin)

void               holboo_mode_button_set_manager (HolbooModeButton  *self,
                                                   HolbooModeManager *manager);
HolbooModeManager *holboo_mode_button_get_manager (HolbooModeButton  *self);
const char        *holboo_mode_button_get_label   (HolbooModeButton  *self);
const char        *holboo_mode_button_get_icon_name (HolbooModeButton *self);

G_END_DECLS
