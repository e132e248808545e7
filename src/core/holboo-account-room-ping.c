/* holboo-account-room-ping.c: making sure joined rooms still know us
 * (XEP-0410 MUC self-ping), and joining again those that forgot us
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A room can drop an occupant without a word reaching it (a component
 * restart, a lost presence): every few minutes, and after a stream
 * resumption, each joined room is pinged at our own occupant JID, which
 * only an occupant gets an answer for.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-rooms-private.h"
#include "holboo-store-rooms.h"

#include <glib/gi18n-lib.h>

/* Self-ping (XEP-0410) */

static void
on_self_ping (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HolbooRoom) room = user_data;
  HolbooAccount *self = g_object_get_data (G_OBJECT (room), "holboo-account");
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self == NULL)
    return;
  entry = _holboo_rooms_lookup (self, holboo_room_get_jid (room));
  if (entry == NULL || entry->room != room)
    return;
  entry->pinging = FALSE;

  switch (holboo_xmpp_muc_self_ping_outcome (error))
    {
    case HOLBOO_XMPP_MUC_PING_NOT_JOINED:
      if (holboo_room_get_state (room) == HOLBOO_ROOM_STATE_JOINED && entry->wanted)
        {
          g_message ("The room %s dropped us without a word: joining it again", holboo_room_get_jid (room));
          _holboo_room_set_state (room, HOLBOO_ROOM_STATE_LEFT);
          _holboo_room_set_nick (room, entry->base_nick);
          _holboo_rooms_send_join (self, entry);
        }
      break;
    case HOLBOO_XMPP_MUC_PING_UNKNOWN:
      g_debug ("Self-ping of %s: %s", holboo_room_get_jid (room), error->message);
      break;
    case HOLBOO_XMPP_MUC_PING_JOINED:
    default:
      break;
    }
}

void
_holboo_rooms_ping_rooms (HolbooAccount *self)
{
  GHashTableIter iter;
  Entry *entry;

  if (!_holboo_account_is_connected (self))
    return;

  g_hash_table_iter_init (&iter, self->rooms->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      g_autoptr(HolbooXmlNode) iq = NULL;

      if (holboo_room_get_state (entry->room) != HOLBOO_ROOM_STATE_JOINED || entry->pinging)
        continue;
      entry->pinging = TRUE;
      g_object_set_data (G_OBJECT (entry->room), "holboo-account", self);
      iq = holboo_xmpp_muc_build_self_ping (_holboo_room_get_jid (entry->room), holboo_room_get_nick (entry->room));
      holboo_xmpp_connection_send_iq_async (self->connection, iq, self->cancellable, on_self_ping,
                                            g_object_ref (entry->room));
    }
}

static gboolean
on_ping_timer (gpointer user_data)
{
  _holboo_rooms_ping_rooms (HOLBOO_ACCOUNT (user_data));
  return G_SOURCE_CONTINUE;
}

void
_holboo_rooms_restart_ping_timer (HolbooAccount *self)
{
  g_clear_handle_id (&self->rooms->ping_id, g_source_remove);
  if (self->rooms->ping_seconds > 0)
    self->rooms->ping_id = g_timeout_add_seconds (self->rooms->ping_seconds, on_ping_timer, self);
}

