/* holboo-store-rooms.c: the group chats the user is in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A room is a conversation of kind group plus a row of its own in
 * `rooms`.  Its messages are ordinary messages of that conversation,
 * each occupant's origin-ids scoped by its occupant JID and the room's
 * archive ids by the room's JID (holboo-store-messages.c).
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"
#include "holboo-store-rooms.h"

#include <glib/gi18n-lib.h>

G_DEFINE_BOXED_TYPE (HolbooStoredRoom, holboo_stored_room, holboo_stored_room_copy, holboo_stored_room_free)

/**
 * holboo_stored_room_new:
 *
 * Returns: (transfer full): a room row to save, autojoined, without
 *   name or subject
 */
HolbooStoredRoom *
holboo_stored_room_new (const char *jid,
                        const char *nick)
{
  HolbooStoredRoom *room = g_new0 (HolbooStoredRoom, 1);

  room->jid = g_strdup (jid);
  room->nick = g_strdup (nick);
  room->name = g_strdup ("");
  room->subject = g_strdup ("");
  room->autojoin = TRUE;
  return room;
}

HolbooStoredRoom *
holboo_stored_room_copy (const HolbooStoredRoom *self)
{
  HolbooStoredRoom *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = holboo_stored_room_new (self->jid, self->nick);
  copy->conversation_id = self->conversation_id;
  g_free (copy->name);
  copy->name = g_strdup (self->name);
  g_free (copy->subject);
  copy->subject = g_strdup (self->subject);
  copy->autojoin = self->autojoin;
  return copy;
}

void
holboo_stored_room_free (HolbooStoredRoom *self)
{
  if (self == NULL)
    return;

  g_free (self->jid);
  g_free (self->nick);
  g_free (self->name);
  g_free (self->subject);
  g_free (self);
}

/**
 * holboo_store_save_room:
 * @room: the room; its @conversation_id is set
 *
 * Creates or updates @room, and its group conversation if there is
 * none yet.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_store_save_room (HolbooStore       *self,
                        HolbooStoredRoom  *room,
                        GError           **error)
{
  g_autoptr(HolbooStoreStmt) conv = NULL;
  g_autoptr(HolbooStoreStmt) upsert = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (room != NULL && room->jid != NULL, FALSE);

  if (room->nick == NULL || *room->nick == '\0')
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID,
                   _("The group chat “%s” has no nickname"), room->jid);
      return FALSE;
    }

  if (!_holboo_store_begin (self, error))
    return FALSE;

  /* A room's address is never a person's: whatever was stored under it
   * is the room's. */
  conv = _holboo_store_prepare (self,
                                "INSERT INTO conversations (peer, kind) VALUES (?1, 1) "
                                "ON CONFLICT (peer) DO UPDATE SET kind = 1 RETURNING id;",
                                &local_error);
  if (conv == NULL)
    goto fail;
  sqlite3_bind_text (conv, 1, room->jid, -1, SQLITE_STATIC);
  if (!_holboo_store_step_returning_id (self, conv, &id, &local_error))
    goto fail;

  upsert = _holboo_store_prepare (self,
                                  "INSERT INTO rooms (conversation_id, nick, name, subject, autojoin) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5) "
                                  "ON CONFLICT (conversation_id) DO UPDATE SET nick = ?2, name = ?3,"
                                  "  subject = ?4, autojoin = ?5;",
                                  &local_error);
  if (upsert == NULL)
    goto fail;
  sqlite3_bind_int64 (upsert, 1, id);
  sqlite3_bind_text (upsert, 2, room->nick, -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 3, room->name != NULL ? room->name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (upsert, 4, room->subject != NULL ? room->subject : "", -1, SQLITE_STATIC);
  sqlite3_bind_int (upsert, 5, room->autojoin ? 1 : 0);
  if (_holboo_store_step (self, upsert, &local_error) != SQLITE_DONE)
    goto fail;

  if (!_holboo_store_commit (self, &local_error))
    goto fail;
  room->conversation_id = id;
  return TRUE;

fail:
  _holboo_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

#define ROOM_COLUMNS "r.conversation_id, c.peer, r.nick, r.name, r.subject, r.autojoin"

static HolbooStoredRoom *
room_from_row (sqlite3_stmt *stmt)
{
  HolbooStoredRoom *room = holboo_stored_room_new ((const char *) sqlite3_column_text (stmt, 1),
                                                   (const char *) sqlite3_column_text (stmt, 2));

  room->conversation_id = sqlite3_column_int64 (stmt, 0);
  g_free (room->name);
  room->name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  g_free (room->subject);
  room->subject = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  room->autojoin = sqlite3_column_int (stmt, 5);
  return room;
}

/**
 * holboo_store_get_room:
 *
 * Returns: (transfer full) (nullable): the room, or %NULL — with @error
 *   set on failure, unset when there is none
 */
HolbooStoredRoom *
holboo_store_get_room (HolbooStore  *self,
                       const char   *jid,
                       GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (jid != NULL, NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " ROOM_COLUMNS " FROM rooms r JOIN conversations c "
                                "ON c.id = r.conversation_id WHERE c.peer = ?1;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, jid, -1, SQLITE_STATIC);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return room_from_row (stmt);
}

/**
 * holboo_store_list_rooms:
 *
 * Returns: (transfer full) (element-type HolbooStoredRoom) (nullable):
 *   every room, by address
 */
GPtrArray *
holboo_store_list_rooms (HolbooStore  *self,
                         GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) rooms = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_room_free);
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " ROOM_COLUMNS " FROM rooms r JOIN conversations c "
                                "ON c.id = r.conversation_id ORDER BY c.peer;",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rooms, room_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&rooms);
}
