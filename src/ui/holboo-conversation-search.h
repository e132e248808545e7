/* holboo-conversation-search.h: Ctrl+F in a conversation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-account.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CONVERSATION_SEARCH (holboo_conversation_search_get_type ())

G_DECLARE_FINAL_TYPE (HolbooConversationSearch, holboo_conversation_search, HOLBOO, CONVERSATION_SEARCH, GtkWidget)

GtkWidget *holboo_conversation_search_new          (void);
void       holboo_conversation_search_set_target   (HolbooConversationSearch *self,
                                                    HolbooAccount            *account,
                                                    const char               *peer);
void       holboo_conversation_search_open         (HolbooConversationSearch *self);
void       holboo_conversation_search_close        (HolbooConversationSearch *self);
gboolean   holboo_conversation_search_get_open     (HolbooConversationSearch *self);
guint      holboo_conversation_search_get_n_hits   (HolbooConversationSearch *self);
gint64     holboo_conversation_search_get_current  (HolbooConversationSearch *self);

G_END_DECLS
