/* holboo-conversation-list.h: an account's conversations as a list
 * model, the most recently active first, kept live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-account.h"
#include "holboo-conversation-item.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CONVERSATION_LIST (holboo_conversation_list_get_type ())

G_DECLARE_FINAL_TYPE (HolbooConversationList, holboo_conversation_list, HOLBOO, CONVERSATION_LIST, GObject)

HolbooConversationList *holboo_conversation_list_new          (HolbooAccount          *account);

HolbooAccount          *holboo_conversation_list_get_account  (HolbooConversationList *self);
gboolean                holboo_conversation_list_get_loaded   (HolbooConversationList *self);
guint                   holboo_conversation_list_get_unread   (HolbooConversationList *self);
HolbooConversationItem *holboo_conversation_list_lookup       (HolbooConversationList *self,
                                                               const char             *peer,
                                                               guint                  *position);
HolbooConversationItem *holboo_conversation_list_ensure       (HolbooConversationList *self,
                                                               const char             *peer);
void                    holboo_conversation_list_mark_read    (HolbooConversationList *self,
                                                               const char             *peer);

G_END_DECLS
