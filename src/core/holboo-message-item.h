/* holboo-message-item.h: one message of a conversation, as an item of a
 * #HolbooMessageList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-store-records.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_MESSAGE_ITEM (holboo_message_item_get_type ())

G_DECLARE_FINAL_TYPE (HolbooMessageItem, holboo_message_item, HOLBOO, MESSAGE_ITEM, GObject)

HolbooMessageItem   *holboo_message_item_new              (HolbooStoredMessage *message);

HolbooStoredMessage *holboo_message_item_get_message      (HolbooMessageItem   *self);
gint64               holboo_message_item_get_id           (HolbooMessageItem   *self);
gint64               holboo_message_item_get_timestamp    (HolbooMessageItem   *self);
const char          *holboo_message_item_get_body         (HolbooMessageItem   *self);
HolbooMessageDirection holboo_message_item_get_direction  (HolbooMessageItem   *self);
HolbooMessageState   holboo_message_item_get_state        (HolbooMessageItem   *self);
const char          *holboo_message_item_get_sender       (HolbooMessageItem   *self);
gboolean             holboo_message_item_is_action        (HolbooMessageItem   *self);
HolbooMessageCursor  holboo_message_item_get_cursor       (HolbooMessageItem   *self);
int                  holboo_message_item_compare          (HolbooMessageItem   *a,
                                                           HolbooMessageItem   *b);

gboolean             holboo_message_item_get_starts_day   (HolbooMessageItem   *self);
gboolean             holboo_message_item_get_starts_group (HolbooMessageItem   *self);
gboolean             holboo_message_item_get_first_unread (HolbooMessageItem   *self);

/* For HolbooMessageList: set from the item's neighbours. */
void                 _holboo_message_item_set_layout      (HolbooMessageItem   *self,
                                                           gboolean             starts_day,
                                                           gboolean             starts_group,
                                                           gboolean             first_unread);

gboolean             _holboo_message_item_shows_same      (HolbooMessageItem   *self,
                                                           HolbooStoredMessage *message);
void                 _holboo_message_item_swap_message    (HolbooMessageItem   *self,
                                                           HolbooStoredMessage *message);

G_END_DECLS
