/* holboo-mode-manager.h: the current mode, kept from the settings and the
 * clock, and shown as every account's presence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-mode.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_MODE_MANAGER (holboo_mode_manager_get_type ())

G_DECLARE_FINAL_TYPE (HolbooModeManager, holboo_mode_manager, HOLBOO, MODE_MANAGER, GObject)

HolbooModeManager  *holboo_mode_manager_new             (GSettings          *settings,
                                                         GListModel         *accounts);
GSettings          *holboo_mode_manager_get_settings    (HolbooModeManager  *self);
HolbooModeState    *holboo_mode_manager_get_state       (HolbooModeManager  *self);
HolbooMode          holboo_mode_manager_get_mode        (HolbooModeManager  *self);
HolbooWorkSchedule *holboo_mode_manager_get_schedule    (HolbooModeManager  *self);
const char * const *holboo_mode_manager_get_chosen_people (HolbooModeManager *self);

void                holboo_mode_manager_set_mode        (HolbooModeManager  *self,
                                                         HolbooMode          mode,
                                                         GDateTime          *until);
void                holboo_mode_manager_follow_schedule (HolbooModeManager  *self);
void                holboo_mode_manager_refresh         (HolbooModeManager  *self);

gboolean            holboo_mode_manager_should_notify   (HolbooModeManager  *self,
                                                         const char         *sender,
                                                         gboolean            mentions_me);
gboolean            holboo_mode_manager_should_ring     (HolbooModeManager  *self,
                                                         const char         *caller);

HolbooWorkSchedule *holboo_work_schedule_new_from_settings (GSettings       *settings,
                                                         GError            **error);

G_END_DECLS
