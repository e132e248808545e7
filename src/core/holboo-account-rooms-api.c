/* holboo-account-rooms-api.c: the group chat calls of HolbooAccount
 * (holboo-account-rooms.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-rooms-private.h"
#include "holboo-store-rooms.h"

#include <glib/gi18n-lib.h>

/* Public API */

/**
 * holboo_account_get_rooms:
 *
 * Returns: (transfer none): the group chats the user is in or joining,
 *   #HolbooRoom items
 */
GListModel *
holboo_account_get_rooms (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->rooms->list);
}

/**
 * holboo_account_get_room:
 * @jid: the room's bare JID
 *
 * Returns: (transfer none) (nullable): the room
 */
HolbooRoom *
holboo_account_get_room (HolbooAccount *self,
                         const char    *jid)
{
  g_autofree char *bare = NULL;
  Entry *entry;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (jid != NULL, NULL);

  bare = holboo_jid_normalize (jid, NULL);
  entry = _holboo_rooms_lookup (self, bare);
  return entry != NULL ? entry->room : NULL;
}

static HolbooJid *
parse_room_jid (const char  *jid,
                const char  *nick,
                GError     **error)
{
  g_autoptr(HolbooJid) parsed = jid != NULL ? holboo_jid_parse (jid, -1, NULL) : NULL;

  if (parsed == NULL || holboo_jid_get_localpart (parsed) == NULL || !holboo_jid_is_bare (parsed))
    {
      g_set_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_INVALID,
                   _("“%s” is not a valid group chat address"), jid != NULL ? jid : "");
      return NULL;
    }
  if (nick != NULL && !holboo_xmpp_muc_nick_is_valid (nick))
    {
      g_set_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_INVALID,
                   _("“%s” cannot be used as a nickname"), nick);
      return NULL;
    }
  return g_steal_pointer (&parsed);
}

static void
start_join (HolbooAccount *self,
            GTask         *task,
            const char    *jid,
            const char    *nick,
            const char    *password,
            gboolean       creating,
            const char    *name,
            const char * const *members)
{
  g_autoptr(HolbooJid) room = NULL;
  GError *error = NULL;
  Entry *entry;

  room = parse_room_jid (jid, nick, &error);
  if (room == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!_holboo_account_is_connected (self))
    {
      g_task_return_new_error (task, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED, "%s", _("Not connected"));
      return;
    }

  entry = _holboo_rooms_ensure_entry (self, room, nick);
  if (holboo_room_get_state (entry->room) == HOLBOO_ROOM_STATE_JOINED && !creating)
    {
      g_task_return_pointer (task, g_object_ref (entry->room), g_object_unref);
      return;
    }
  if (holboo_room_get_state (entry->room) == HOLBOO_ROOM_STATE_JOINED &&
      holboo_room_get_affiliation (entry->room) != HOLBOO_MUC_AFFILIATION_OWNER)
    {
      g_task_return_new_error (task, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_EXISTS,
                               "%s", _("A group chat of this address already exists"));
      return;
    }

  entry->wanted = TRUE;
  entry->user_join = TRUE;
  entry->publish_bookmark = !creating;   /* a created room's is published once it is set up */
  g_free (entry->password);
  entry->password = g_strdup (password);
  if (creating)
    {
      entry->creating = TRUE;
      g_free (entry->create_name);
      entry->create_name = g_strdup (name);
      g_strfreev (entry->create_members);
      entry->create_members = g_strdupv ((char **) members);
    }
  g_ptr_array_add (entry->tasks, g_object_ref (task));

  if (holboo_room_get_state (entry->room) == HOLBOO_ROOM_STATE_JOINED)
    _holboo_rooms_configure_room (self, entry);   /* created again: it exists and is ours */
  else if (holboo_room_get_state (entry->room) == HOLBOO_ROOM_STATE_LEFT)
    {
      g_free (entry->base_nick);
      entry->base_nick = g_strdup (nick);
      _holboo_room_set_nick (entry->room, nick);
      _holboo_rooms_send_join (self, entry);
    }
}

/**
 * holboo_account_join_room_async:
 * @jid: the room's bare JID
 * @nick: the nickname to use in it
 * @password: (nullable): the room's password
 *
 * Joins a room and keeps it _holboo_rooms_joined (across reconnects and restarts,
 * until holboo_account_leave_room()).  Completes once the room has
 * confirmed the join; its archive is then caught up in the background
 * (#HolbooRoom::synced).
 */
void
holboo_account_join_room_async (HolbooAccount       *self,
                                const char          *jid,
                                const char          *nick,
                                const char          *password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_join_room_async);
  start_join (self, task, jid, nick, password, FALSE, NULL, NULL);
}

/**
 * holboo_account_join_room_finish:
 *
 * Returns: (transfer full) (nullable): the room, or %NULL with a
 *   %HOLBOO_ROOM_ERROR (nickname taken, not a member, …)
 */
HolbooRoom *
holboo_account_join_room_finish (HolbooAccount  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_account_create_room_async:
 * @jid: the new room's bare JID (on the server's MUC service)
 * @nick: the user's nickname
 * @name: (nullable): the room's name
 * @members: (nullable) (array zero-terminated=1): bare JIDs of the
 *   members to add
 *
 * Creates a persistent, members-only, non-anonymous, archived room
 * owned by the user, adds @members and bookmarks it (autojoin).  If the
 * room exists and the user owns it, it is set up again the same way.
 */
void
holboo_account_create_room_async (HolbooAccount       *self,
                                  const char          *jid,
                                  const char          *nick,
                                  const char          *name,
                                  const char * const  *members,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_create_room_async);
  start_join (self, task, jid, nick, NULL, TRUE, name, members);
}

HolbooRoom *
holboo_account_create_room_finish (HolbooAccount  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_account_leave_room:
 *
 * Leaves the room on every device: it is no longer joined at login and
 * its bookmark goes.  Its history stays in the store.
 *
 * Returns: %TRUE, or %FALSE with a %HOLBOO_ROOM_ERROR when the user is
 *   not in it
 */
gboolean
holboo_account_leave_room (HolbooAccount  *self,
                           const char     *jid,
                           GError        **error)
{
  g_autofree char *bare = NULL;
  Entry *entry;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (jid != NULL, FALSE);

  bare = holboo_jid_normalize (jid, NULL);
  entry = _holboo_rooms_lookup (self, bare);
  if (entry == NULL)
    {
      g_set_error (error, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NOT_JOINED,
                   _("You are not in the group chat “%s”"), jid);
      return FALSE;
    }

  _holboo_rooms_leave (self, entry, TRUE);
  return TRUE;
}

static void
on_affiliation_set (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer != NULL)
    g_task_return_boolean (task, TRUE);
  else if (error->domain == HOLBOO_XMPP_STANZA_ERROR)
    g_task_return_new_error (task, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_FORBIDDEN,
                             _("The group chat refused: %s"), error->message);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * holboo_account_set_affiliation_async:
 * @room: the room's bare JID
 * @user: the user's bare JID
 * @affiliation: member, admin, owner; none to remove, outcast to ban
 *
 * Sets a user's affiliation with a room (the user must be its admin or
 * owner).
 */
void
holboo_account_set_affiliation_async (HolbooAccount        *self,
                                      const char           *room,
                                      const char           *user,
                                      HolbooMucAffiliation  affiliation,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HolbooJid) room_jid = NULL;
  g_autoptr(HolbooJid) user_jid = NULL;
  g_autoptr(HolbooXmlNode) iq = NULL;
  GError *error = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_set_affiliation_async);

  room_jid = parse_room_jid (room, NULL, &error);
  if (room_jid == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  user_jid = user != NULL ? holboo_jid_parse (user, -1, NULL) : NULL;
  if (user_jid == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_INVALID,
                               _("“%s” is not a valid address"), user != NULL ? user : "");
      return;
    }

  iq = holboo_xmpp_muc_build_set_affiliation (room_jid, holboo_jid_get_bare_string (user_jid), affiliation, NULL);
  holboo_xmpp_connection_send_iq_async (self->connection, iq, cancellable, on_affiliation_set,
                                        g_steal_pointer (&task));
}

gboolean
holboo_account_set_affiliation_finish (HolbooAccount  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_rooms_listed (HolbooAccount      *self,
                 HolbooAccountBatch *batch,
                 gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = batch->ops->pdata[0];

  if (self == NULL)
    g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                             "%s", _("The account is closing"));
  else if (op->error != NULL)
    g_task_return_error (task, g_error_copy (op->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&op->call_result), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * holboo_account_list_rooms_async:
 *
 * Lists the group chats in the store: every room the user has been in,
 * with its conversation, name and whether it is joined at login.
 */
void
holboo_account_list_rooms_async (HolbooAccount       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_list_rooms_async);
  _holboo_account_call (self, _holboo_rooms_list_rooms_func, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                        on_rooms_listed, task, g_object_unref);
}

/**
 * holboo_account_list_rooms_finish:
 *
 * Returns: (transfer full) (element-type HolbooStoredRoom) (nullable):
 *   the stored rooms
 */
GPtrArray *
holboo_account_list_rooms_finish (HolbooAccount  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
holboo_account_get_room_ping_seconds (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), 0);
  return self->rooms->ping_seconds;
}

/**
 * holboo_account_set_room_ping_seconds:
 * @seconds: 0 to stop self-pinging
 */
void
holboo_account_set_room_ping_seconds (HolbooAccount *self,
                                      guint          seconds)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  self->rooms->ping_seconds = seconds;
  if (_holboo_account_is_connected (self))
    _holboo_rooms_restart_ping_timer (self);
}

