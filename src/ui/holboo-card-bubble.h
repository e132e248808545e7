/* holboo-card-bubble.h: a business card shared in a chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-account.h"
#include "holboo-card.h"
#include "holboo-store-records.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CARD_BUBBLE (holboo_card_bubble_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCardBubble, holboo_card_bubble, HOLBOO, CARD_BUBBLE, GtkWidget)

GtkWidget  *holboo_card_bubble_new            (void);
void        holboo_card_bubble_set_attachment (HolbooCardBubble       *self,
                                               HolbooStoredAttachment *attachment,
                                               gboolean                ours);
HolbooCard *holboo_card_bubble_get_card       (HolbooCardBubble       *self);
const char *holboo_card_bubble_get_problem    (HolbooCardBubble       *self);
void        holboo_card_bubble_set_account    (HolbooCardBubble       *self,
                                               HolbooAccount          *account);
const char *holboo_card_bubble_get_customer   (HolbooCardBubble       *self);

G_END_DECLS
