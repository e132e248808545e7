/* holboo-account-room-config.c: setting up a room the user creates:
 * a persistent, members-only, non-anonymous, archived team room
 * (XEP-0045 §10.1, the configuration form of XEP-0004), and its members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-rooms-private.h"
#include "holboo-store-rooms.h"

#include <glib/gi18n-lib.h>

typedef struct {
  HolbooAccount *account;
  char          *room;
  guint          pending;
  GError        *error;
} Configure;

static void
configure_free (Configure *c)
{
  g_object_unref (c->account);
  g_free (c->room);
  g_clear_error (&c->error);
  g_free (c);
}

static void
configure_step_done (Configure *c)
{
  Entry *entry;

  if (--c->pending > 0)
    return;

  entry = _holboo_rooms_lookup (c->account, c->room);
  if (entry != NULL && c->error != NULL)
    _holboo_rooms_join_failed (c->account, entry, g_steal_pointer (&c->error));
  else if (entry != NULL)
    {
      _holboo_account_bookmarks_publish (c->account, c->room, entry->base_nick,
                                         holboo_room_get_name (entry->room), TRUE);
      _holboo_rooms_joined (c->account, entry);
    }
  configure_free (c);
}

static void
on_member_added (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Configure *c = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL && c->error == NULL)
    c->error = g_error_new (HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_FORBIDDEN,
                            _("Could not add a member to the group chat: %s"), error->message);
  configure_step_done (c);
}

static void
on_config_set (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Configure *c = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry = _holboo_rooms_lookup (c->account, c->room);

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL)
    c->error = g_error_new (HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_FAILED,
                            _("The group chat refused its settings: %s"), error->message);
  else if (entry != NULL && entry->create_members != NULL)
    {
      /* Members of a members-only room: added now, so that they can join. */
      for (guint i = 0; entry->create_members[i] != NULL; i++)
        {
          g_autoptr(HolbooXmlNode) iq =
            holboo_xmpp_muc_build_set_affiliation (_holboo_room_get_jid (entry->room), entry->create_members[i],
                                                   HOLBOO_MUC_AFFILIATION_MEMBER, NULL);

          c->pending++;
          holboo_xmpp_connection_send_iq_async (c->account->connection, iq, c->account->cancellable,
                                                on_member_added, c);
        }
    }
  configure_step_done (c);
}

static void
on_config_form (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Configure *c = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(HolbooXmppDataForm) form = NULL;
  g_autoptr(HolbooXmppDataForm) submit = NULL;
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry = _holboo_rooms_lookup (c->account, c->room);

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer != NULL)
    form = holboo_xmpp_muc_parse_config (answer, &error);
  if (form == NULL || entry == NULL)
    {
      if (error != NULL)
        c->error = g_error_new (HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_FAILED,
                                _("Could not read the group chat’s settings: %s"), error->message);
      configure_step_done (c);
      return;
    }

  holboo_xmpp_muc_config_set_team_defaults (form, entry->create_name);
  submit = holboo_xmpp_data_form_to_submit (form);
  iq = holboo_xmpp_muc_build_config_set (_holboo_room_get_jid (entry->room), submit);
  holboo_xmpp_connection_send_iq_async (c->account->connection, iq, c->account->cancellable, on_config_set, c);
}

/* A room we create: the server made it (201, locked until configured),
 * or it exists and is ours (the setup runs again): configure it as a
 * team room, then add its members. */
void
_holboo_rooms_configure_room (HolbooAccount *self,
                Entry         *entry)
{
  Configure *c = g_new0 (Configure, 1);
  g_autoptr(HolbooXmlNode) iq = holboo_xmpp_muc_build_config_get (_holboo_room_get_jid (entry->room));

  c->account = g_object_ref (self);
  c->room = g_strdup (_holboo_rooms_room_jid (entry));
  c->pending = 1;
  if (entry->create_name != NULL)
    _holboo_room_set_name (entry->room, entry->create_name);
  holboo_xmpp_connection_send_iq_async (self->connection, iq, self->cancellable, on_config_form, c);
}

