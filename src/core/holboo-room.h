/* holboo-room.h: one group chat of an account, and who is in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-occupant.h"

G_BEGIN_DECLS

/**
 * HolbooRoomState:
 * @HOLBOO_ROOM_STATE_LEFT: not in the room (not yet, no longer, or
 *   offline: it is rejoined when the account reconnects if it was joined)
 * @HOLBOO_ROOM_STATE_JOINING: the join presence is out
 * @HOLBOO_ROOM_STATE_JOINED: in the room: occupants are live, messages
 *   can be sent
 */
typedef enum {
  HOLBOO_ROOM_STATE_LEFT,
  HOLBOO_ROOM_STATE_JOINING,
  HOLBOO_ROOM_STATE_JOINED,
} HolbooRoomState;

/**
 * HolbooRoomLeaveReason:
 * @HOLBOO_ROOM_LEAVE_LEFT: left of their own accord
 * @HOLBOO_ROOM_LEAVE_KICKED: kicked by a moderator (status 307)
 * @HOLBOO_ROOM_LEAVE_BANNED: banned (301)
 * @HOLBOO_ROOM_LEAVE_REMOVED: no longer a member (321, 322)
 * @HOLBOO_ROOM_LEAVE_SHUTDOWN: the chat service shut down (332)
 * @HOLBOO_ROOM_LEAVE_DESTROYED: the room was destroyed
 * @HOLBOO_ROOM_LEAVE_ERROR: removed for a technical error (333)
 * @HOLBOO_ROOM_LEAVE_DISCONNECTED: the account's session ended
 */
typedef enum {
  HOLBOO_ROOM_LEAVE_LEFT,
  HOLBOO_ROOM_LEAVE_KICKED,
  HOLBOO_ROOM_LEAVE_BANNED,
  HOLBOO_ROOM_LEAVE_REMOVED,
  HOLBOO_ROOM_LEAVE_SHUTDOWN,
  HOLBOO_ROOM_LEAVE_DESTROYED,
  HOLBOO_ROOM_LEAVE_ERROR,
  HOLBOO_ROOM_LEAVE_DISCONNECTED,
} HolbooRoomLeaveReason;

#define HOLBOO_ROOM_ERROR (holboo_room_error_quark ())

/**
 * HolbooRoomError:
 * @HOLBOO_ROOM_ERROR_NICK_CONFLICT: someone else uses the nickname
 * @HOLBOO_ROOM_ERROR_NOT_MEMBER: the room is members-only and the user
 *   is not a member
 * @HOLBOO_ROOM_ERROR_BANNED: the user is banned from the room
 * @HOLBOO_ROOM_ERROR_NOT_FOUND: there is no such room (or it is locked)
 * @HOLBOO_ROOM_ERROR_PASSWORD: a password is needed, or it is wrong
 * @HOLBOO_ROOM_ERROR_EXISTS: a room of that address exists and is not
 *   the user's to configure
 * @HOLBOO_ROOM_ERROR_NOT_JOINED: the action needs the room joined
 * @HOLBOO_ROOM_ERROR_FORBIDDEN: the room refused the action
 * @HOLBOO_ROOM_ERROR_INVALID: an invalid address or nickname
 * @HOLBOO_ROOM_ERROR_FAILED: anything else (the message says what)
 */
typedef enum {
  HOLBOO_ROOM_ERROR_NICK_CONFLICT,
  HOLBOO_ROOM_ERROR_NOT_MEMBER,
  HOLBOO_ROOM_ERROR_BANNED,
  HOLBOO_ROOM_ERROR_NOT_FOUND,
  HOLBOO_ROOM_ERROR_PASSWORD,
  HOLBOO_ROOM_ERROR_EXISTS,
  HOLBOO_ROOM_ERROR_NOT_JOINED,
  HOLBOO_ROOM_ERROR_FORBIDDEN,
  HOLBOO_ROOM_ERROR_INVALID,
  HOLBOO_ROOM_ERROR_FAILED,
} HolbooRoomError;

#define HOLBOO_TYPE_ROOM_STATE        (holboo_room_state_get_type ())
#define HOLBOO_TYPE_ROOM_LEAVE_REASON (holboo_room_leave_reason_get_type ())
GType  holboo_room_state_get_type        (void) G_GNUC_CONST;
GType  holboo_room_leave_reason_get_type (void) G_GNUC_CONST;
GQuark holboo_room_error_quark           (void);

#define HOLBOO_TYPE_ROOM (holboo_room_get_type ())

G_DECLARE_FINAL_TYPE (HolbooRoom, holboo_room, HOLBOO, ROOM, GObject)

const char           *holboo_room_get_jid             (HolbooRoom *self);
const char           *holboo_room_get_nick            (HolbooRoom *self);
const char           *holboo_room_get_name            (HolbooRoom *self);
const char           *holboo_room_get_subject         (HolbooRoom *self);
HolbooRoomState       holboo_room_get_state           (HolbooRoom *self);
HolbooMucAffiliation  holboo_room_get_affiliation     (HolbooRoom *self);
HolbooMucRole         holboo_room_get_role            (HolbooRoom *self);
gboolean              holboo_room_get_syncing         (HolbooRoom *self);
gint64                holboo_room_get_conversation_id (HolbooRoom *self);
GListModel           *holboo_room_get_occupants       (HolbooRoom *self);
HolbooOccupant       *holboo_room_find_occupant       (HolbooRoom *self,
                                                       const char *nick);

G_END_DECLS
