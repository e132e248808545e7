/* holboo-store-rooms.h: the group chats the user is in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-store.h"

G_BEGIN_DECLS

/**
 * HolbooStoredRoom:
 * @conversation_id: its conversation (kind %HOLBOO_CONVERSATION_GROUP)
 * @jid: the room's bare JID (the conversation's peer)
 * @nick: the nickname to join with
 * @name: the room's name, "" when unknown
 * @subject: its subject as last seen, ""
 * @autojoin: joined at every login; %FALSE once the user left
 */
typedef struct {
  gint64    conversation_id;
  char     *jid;
  char     *nick;
  char     *name;
  char     *subject;
  gboolean  autojoin;
} HolbooStoredRoom;

#define HOLBOO_TYPE_STORED_ROOM (holboo_stored_room_get_type ())

GType             holboo_stored_room_get_type (void) G_GNUC_CONST;
HolbooStoredRoom *holboo_stored_room_new      (const char              *jid,
                                               const char              *nick);
HolbooStoredRoom *holboo_stored_room_copy     (const HolbooStoredRoom  *self);
void              holboo_stored_room_free     (HolbooStoredRoom        *self);

/* These block on disk I/O: call them on the core's worker thread. */
gboolean          holboo_store_save_room      (HolbooStore             *self,
                                               HolbooStoredRoom        *room,
                                               GError                 **error);
HolbooStoredRoom *holboo_store_get_room       (HolbooStore             *self,
                                               const char              *jid,
                                               GError                 **error);
GPtrArray        *holboo_store_list_rooms     (HolbooStore             *self,
                                               GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoredRoom, holboo_stored_room_free)

G_END_DECLS
