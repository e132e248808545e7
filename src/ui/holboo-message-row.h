/* holboo-message-row.h: one message in a conversation's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-message-item.h"

G_BEGIN_DECLS

/* What a row shows of a long body; "Show More" shows all of it. */
#define HOLBOO_MESSAGE_ROW_MAX_CHARS 1000
#define HOLBOO_MESSAGE_ROW_MAX_LINES 24

#define HOLBOO_TYPE_MESSAGE_ROW (holboo_message_row_get_type ())

G_DECLARE_FINAL_TYPE (HolbooMessageRow, holboo_message_row, HOLBOO, MESSAGE_ROW, GtkWidget)

GtkWidget         *holboo_message_row_new      (void);
void               holboo_message_row_set_item (HolbooMessageRow  *self,
                                                HolbooMessageItem *item,
                                                const char        *peer_name);
HolbooMessageItem *holboo_message_row_get_item (HolbooMessageRow  *self);

G_END_DECLS
