/* holboo-conversation-view.h: one open conversation: its messages and
 * the composer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-conversation-item.h"
#include "holboo-conversation-search.h"
#include "holboo-message-list.h"
#include "holboo-room.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CONVERSATION_VIEW (holboo_conversation_view_get_type ())

G_DECLARE_FINAL_TYPE (HolbooConversationView, holboo_conversation_view, HOLBOO, CONVERSATION_VIEW, GtkWidget)

GtkWidget         *holboo_conversation_view_new            (void);
void               holboo_conversation_view_set_list       (HolbooConversationView *self,
                                                            HolbooMessageList      *list,
                                                            const char             *name);
HolbooMessageList *holboo_conversation_view_get_list       (HolbooConversationView *self);
void               holboo_conversation_view_set_show_back  (HolbooConversationView *self,
                                                            gboolean                show_back);
void               holboo_conversation_view_focus_composer (HolbooConversationView *self);
void               holboo_conversation_view_set_conversation (HolbooConversationView *self,
                                                            HolbooConversationItem *item,
                                                            HolbooRoom             *room);
void               holboo_conversation_view_show_message   (HolbooConversationView *self,
                                                            gint64                  message_id);
gint64             holboo_conversation_view_get_match      (HolbooConversationView *self);
HolbooConversationSearch *holboo_conversation_view_get_search (HolbooConversationView *self);

G_END_DECLS
