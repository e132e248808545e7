/* holboo-message-actions.h: what the user does to messages and with the
 * composer of a conversation view: reply, react, edit, delete, copy,
 * files, drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-message-list.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_MESSAGE_ACTIONS (holboo_message_actions_get_type ())

G_DECLARE_FINAL_TYPE (HolbooMessageActions, holboo_message_actions, HOLBOO, MESSAGE_ACTIONS, GObject)

HolbooMessageActions *holboo_message_actions_new      (GtkWidget            *view,
                                                       GtkWidget            *messages,
                                                       GtkTextView          *composer,
                                                       AdwToastOverlay      *toasts,
                                                       GtkRevealer          *bar);
void                  holboo_message_actions_set_list (HolbooMessageActions *self,
                                                       HolbooMessageList    *list,
                                                       const char           *peer_name,
                                                       GtkListView          *list_view);
gboolean              holboo_message_actions_send     (HolbooMessageActions *self,
                                                       const char           *text);
void                  holboo_message_actions_detach   (HolbooMessageActions *self);

G_END_DECLS
