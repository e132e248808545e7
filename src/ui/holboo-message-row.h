/* holboo-message-row.h: one message in a conversation's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row is a light widget: its own layout (no GtkBox, no template) over
 * a few children, most of them made only when a message needs them.
 *
 *   [day divider]          SLOT_DAY       when the message starts a day
 *   [New Messages ───]     SLOT_UNREAD    above the first unread message
 *   [sender] [time]        SLOT_SENDER + SLOT_TIME, when it starts a group
 *   [▍quoted message]      SLOT_QUOTE for a reply
 *   [body ……………] [state]   SLOT_BODY (but for a card) + SLOT_STATE (outgoing)
 *   [file or preview]      SLOT_ATTACHMENT (+ SLOT_STATE when no caption)
 *   [card]         [state]   SLOT_CARD + SLOT_STATE, for a shared card (.vcf)
 *                            instead of the body and the file
 *   [Show More]            SLOT_SHOW_MORE when the body was cut
 *   [👍 2] [❤️ 1]           SLOT_REACTIONS when there are any
 *
 * To add a part (a reply's quote, an attachment's preview, a reaction
 * bar): give it a slot in HolbooMessageRowSlot at its place from top to
 * bottom and a line in the row's line table (holboo-message-row.c), make
 * it with ensure_slot() there, from set_item(), only when the message
 * has one, and hide it with hide_slot() when a recycled row shows a
 * message without one.  Never build parts a
 * message does not have: the list view keeps about 200 rows alive, and
 * every widget in a row is made, styled and measured 200 times.
 *
 * Measuring: the row asks its children for their width without a
 * height and for their height at the width it gives them, nothing else.
 * (A wrapping GtkLabel asked for its width at a given height searches
 * for it, one text layout per step; GtkBox asks exactly that when the
 * list view allocates its rows.)
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-message-item.h"

G_BEGIN_DECLS

/* What a row shows of a long body; "Show More" shows all of it. */
#define HOLBOO_MESSAGE_ROW_MAX_CHARS 1000
#define HOLBOO_MESSAGE_ROW_MAX_LINES 24

typedef enum {
  HOLBOO_MESSAGE_ROW_SLOT_DAY,
  HOLBOO_MESSAGE_ROW_SLOT_UNREAD,
  HOLBOO_MESSAGE_ROW_SLOT_SENDER,
  HOLBOO_MESSAGE_ROW_SLOT_TIME,
  HOLBOO_MESSAGE_ROW_SLOT_QUOTE,
  HOLBOO_MESSAGE_ROW_SLOT_BODY,
  HOLBOO_MESSAGE_ROW_SLOT_STATE,
  HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT,
  HOLBOO_MESSAGE_ROW_SLOT_CARD,
  HOLBOO_MESSAGE_ROW_SLOT_SHOW_MORE,
  HOLBOO_MESSAGE_ROW_SLOT_REACTIONS,
  HOLBOO_MESSAGE_ROW_N_SLOTS
} HolbooMessageRowSlot;

#define HOLBOO_TYPE_MESSAGE_ROW (holboo_message_row_get_type ())

G_DECLARE_FINAL_TYPE (HolbooMessageRow, holboo_message_row, HOLBOO, MESSAGE_ROW, GtkWidget)

GtkWidget         *holboo_message_row_new      (void);
void               holboo_message_row_set_item (HolbooMessageRow  *self,
                                                HolbooMessageItem *item,
                                                const char        *peer_name);
HolbooMessageItem *holboo_message_row_get_item (HolbooMessageRow  *self);

GtkWidget         *holboo_message_row_get_slot (HolbooMessageRow    *self,
                                                HolbooMessageRowSlot slot);

G_END_DECLS
