/* holboo-conversation-item.h: one conversation, as an item of a
 * #HolbooConversationList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-store-records.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CONVERSATION_ITEM (holboo_conversation_item_get_type ())

G_DECLARE_FINAL_TYPE (HolbooConversationItem, holboo_conversation_item, HOLBOO, CONVERSATION_ITEM, GObject)

HolbooConversationItem *holboo_conversation_item_new              (const char             *peer,
                                                                   HolbooConversationKind  kind);

gint64                  holboo_conversation_item_get_id           (HolbooConversationItem *self);
const char             *holboo_conversation_item_get_peer         (HolbooConversationItem *self);
const char             *holboo_conversation_item_get_name         (HolbooConversationItem *self);
HolbooConversationKind  holboo_conversation_item_get_kind         (HolbooConversationItem *self);
gint64                  holboo_conversation_item_get_last_activity (HolbooConversationItem *self);
guint                   holboo_conversation_item_get_unread       (HolbooConversationItem *self);
gint64                  holboo_conversation_item_get_read_until   (HolbooConversationItem *self);
HolbooStoredMessage    *holboo_conversation_item_get_last_message (HolbooConversationItem *self);
const char             *holboo_conversation_item_get_last_body    (HolbooConversationItem *self);
gboolean                holboo_conversation_item_get_muted        (HolbooConversationItem *self);
gboolean                holboo_conversation_item_get_pinned       (HolbooConversationItem *self);
gint64                  holboo_conversation_item_get_pinned_at    (HolbooConversationItem *self);
gboolean                holboo_conversation_item_get_typing       (HolbooConversationItem *self);

/* For HolbooConversationList. */
void                    _holboo_conversation_item_set_stored      (HolbooConversationItem   *self,
                                                                   HolbooStoredConversation *conversation);
gboolean                _holboo_conversation_item_add_message     (HolbooConversationItem   *self,
                                                                   HolbooStoredMessage      *message);
void                    _holboo_conversation_item_set_last_message (HolbooConversationItem  *self,
                                                                   HolbooStoredMessage      *message);
void                    _holboo_conversation_item_set_read        (HolbooConversationItem   *self,
                                                                   gint64                    read_until);
void                    _holboo_conversation_item_set_read_marks  (HolbooConversationItem   *self,
                                                                   HolbooStoredConversation *conversation);
gboolean                _holboo_conversation_item_set_flags       (HolbooConversationItem   *self,
                                                                   HolbooStoredConversation *conversation);
void                    _holboo_conversation_item_set_name        (HolbooConversationItem   *self,
                                                                   const char               *name);
void                    _holboo_conversation_item_set_typing      (HolbooConversationItem   *self,
                                                                   gboolean                  typing);

G_END_DECLS
