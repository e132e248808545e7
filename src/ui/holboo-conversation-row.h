/* holboo-conversation-row.h: one conversation in the Chats sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-conversation-item.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CONVERSATION_ROW (holboo_conversation_row_get_type ())

G_DECLARE_FINAL_TYPE (HolbooConversationRow, holboo_conversation_row, HOLBOO, CONVERSATION_ROW, GtkWidget)

GtkWidget *holboo_conversation_row_new      (void);
void       holboo_conversation_row_set_item (HolbooConversationRow  *self,
                                             HolbooConversationItem *item);

G_END_DECLS
