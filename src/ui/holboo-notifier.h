/* holboo-notifier.h: desktop notifications for new messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-conversation-list.h"
#include "holboo-mode-manager.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_NOTIFIER (holboo_notifier_get_type ())

G_DECLARE_FINAL_TYPE (HolbooNotifier, holboo_notifier, HOLBOO, NOTIFIER, GObject)

HolbooNotifier *holboo_notifier_new        (GApplication           *application,
                                            HolbooConversationList *conversations);
void            holboo_notifier_set_focus  (HolbooNotifier         *self,
                                            gboolean                window_active,
                                            const char             *open_peer);
void            holboo_notifier_set_mode_manager (HolbooNotifier   *self,
                                            HolbooModeManager      *modes);
char           *holboo_notifier_dup_id     (HolbooAccount          *account,
                                            const char             *peer);

G_END_DECLS
