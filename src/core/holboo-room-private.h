/* holboo-room-private.h: what the account changes about its rooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-room.h"
#include "holboo-xmpp-muc.h"

G_BEGIN_DECLS

HolbooRoom *_holboo_room_new                (HolbooJid               *jid,
                                             const char              *nick);
HolbooJid  *_holboo_room_get_jid            (HolbooRoom              *self);
void        _holboo_room_set_nick           (HolbooRoom              *self,
                                             const char              *nick);
void        _holboo_room_set_name           (HolbooRoom              *self,
                                             const char              *name);
void        _holboo_room_set_subject        (HolbooRoom              *self,
                                             const char              *subject);
void        _holboo_room_set_state          (HolbooRoom              *self,
                                             HolbooRoomState          state);
void        _holboo_room_set_syncing        (HolbooRoom              *self,
                                             gboolean                 syncing);
void        _holboo_room_set_conversation_id (HolbooRoom             *self,
                                             gint64                   id);
void        _holboo_room_apply_presence     (HolbooRoom              *self,
                                             HolbooXmppMucPresence   *presence,
                                             gboolean                 is_self);
void        _holboo_room_clear_occupants    (HolbooRoom              *self);
void        _holboo_room_emit_left          (HolbooRoom              *self,
                                             HolbooRoomLeaveReason    reason,
                                             const char              *text);
void        _holboo_room_emit_error         (HolbooRoom              *self,
                                             const GError            *error);
void        _holboo_room_emit_synced        (HolbooRoom              *self,
                                             guint                    n_new);
HolbooRoomLeaveReason _holboo_room_leave_reason (HolbooXmppMucPresence *presence);

G_END_DECLS
