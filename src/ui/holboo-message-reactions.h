/* holboo-message-reactions.h: the reactions under a message, each with
 * its count; one click toggles the user's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-store-records.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_MESSAGE_REACTIONS (holboo_message_reactions_get_type ())

G_DECLARE_FINAL_TYPE (HolbooMessageReactions, holboo_message_reactions, HOLBOO, MESSAGE_REACTIONS, GtkWidget)

GtkWidget *holboo_message_reactions_new         (void);
void       holboo_message_reactions_set_message (HolbooMessageReactions *self,
                                                 HolbooStoredMessage    *message);

G_END_DECLS
