/* holboo-account-bookmarks.c: the user's group chats on every device,
 * through PEP native bookmarks (XEP-0402)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Joining or creating a room publishes its bookmark (autojoin), leaving
 * it retracts it.  After each fresh session the bookmarks are fetched
 * and every autojoin room is joined; pushes from the server (another
 * device joined or left a room) are followed at once.  Pushes come to
 * this device because its entity capabilities say
 * `urn:xmpp:bookmarks:1+notify` (holboo-account-rooms.c), and — since
 * ejabberd 23.01 sends retractions to subscribers only — because it also
 * subscribes its full JID to the node.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-rooms-private.h"
#include "holboo-xmpp-bookmarks.h"

static const char *
default_nick (HolbooAccount *self)
{
  return holboo_jid_get_localpart (self->jid);
}

static void
apply_bookmark (HolbooAccount      *self,
                HolbooXmppBookmark *bookmark)
{
  const char *nick = bookmark->nick;

  if (!bookmark->autojoin)
    {
      _holboo_account_rooms_forget (self, holboo_jid_get_bare_string (bookmark->room));
      return;
    }
  if (!holboo_xmpp_muc_nick_is_valid (nick))
    nick = default_nick (self);
  _holboo_account_rooms_autojoin (self, bookmark->room, nick, bookmark->name, bookmark->password);
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooAccount) self = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GPtrArray) bookmarks = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer != NULL)
    bookmarks = holboo_xmpp_bookmarks_parse_items (answer, &error);
  if (bookmarks == NULL)
    {
      /* No node yet is no bookmarks. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND))
        g_message ("Could not read the bookmarks: %s", error->message);
      return;
    }
  if (self->rooms == NULL)
    return;

  g_debug ("%u bookmarks", bookmarks->len);
  for (guint i = 0; i < bookmarks->len; i++)
    apply_bookmark (self, bookmarks->pdata[i]);
}

static void
on_answer_logged (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  const char *what = user_data;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_CONFLICT))
    g_message ("Bookmarks: %s failed: %s", what, error->message);
}

static void
send_logged (HolbooAccount *self,
             HolbooXmlNode *iq,
             const char    *what)
{
  holboo_xmpp_connection_send_iq_async (self->connection, iq, self->cancellable, on_answer_logged,
                                        (gpointer) what);
}

/**
 * _holboo_account_bookmarks_session_started:
 *
 * Makes sure the node exists as XEP-0402 wants it (a conflict answer
 * means it does), subscribes this device, and joins the autojoin rooms.
 * The server handles the three in order.
 */
void
_holboo_account_bookmarks_session_started (HolbooAccount *self)
{
  g_autoptr(HolbooXmlNode) create = holboo_xmpp_bookmarks_build_create ();
  g_autoptr(HolbooXmlNode) subscribe = NULL;
  g_autoptr(HolbooXmlNode) fetch = holboo_xmpp_bookmarks_build_fetch ();
  HolbooJid *bound = holboo_xmpp_connection_get_bound_jid (self->connection);

  send_logged (self, create, "creating the node");
  if (bound != NULL)
    {
      subscribe = holboo_xmpp_bookmarks_build_subscribe (self->jid, bound);
      send_logged (self, subscribe, "subscribing");
    }
  holboo_xmpp_connection_send_iq_async (self->connection, fetch, self->cancellable, on_fetched,
                                        g_object_ref (self));
}

/**
 * _holboo_account_bookmarks_handle_message:
 *
 * Returns: %TRUE when @stanza was a bookmarks push (followed, or
 *   dropped when it does not come from the account)
 */
gboolean
_holboo_account_bookmarks_handle_message (HolbooAccount *self,
                                          HolbooXmlNode *stanza)
{
  g_autoptr(HolbooXmppBookmarksEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  event = holboo_xmpp_bookmarks_parse_event (stanza, self->jid, &error);
  if (error != NULL)
    {
      g_message ("Dropping a bookmarks push: %s", error->message);
      return TRUE;
    }
  if (event == NULL)
    return FALSE;

  for (guint i = 0; i < event->published->len; i++)
    apply_bookmark (self, event->published->pdata[i]);
  for (guint i = 0; i < event->retracted->len; i++)
    _holboo_account_rooms_forget (self, holboo_jid_get_bare_string (event->retracted->pdata[i]));
  return TRUE;
}

void
_holboo_account_bookmarks_publish (HolbooAccount *self,
                                   const char    *room,
                                   const char    *nick,
                                   const char    *name,
                                   gboolean       autojoin)
{
  g_autoptr(HolbooJid) jid = holboo_jid_parse (room, -1, NULL);
  g_autoptr(HolbooXmppBookmark) bookmark = NULL;
  g_autoptr(HolbooXmlNode) iq = NULL;

  if (jid == NULL || !_holboo_account_is_connected (self))
    return;

  bookmark = holboo_xmpp_bookmark_new (jid);
  bookmark->nick = g_strdup (nick);
  bookmark->name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
  bookmark->autojoin = autojoin;
  iq = holboo_xmpp_bookmarks_build_publish (bookmark);
  send_logged (self, iq, "publishing");
}

void
_holboo_account_bookmarks_retract (HolbooAccount *self,
                                   const char    *room)
{
  g_autoptr(HolbooJid) jid = holboo_jid_parse (room, -1, NULL);
  g_autoptr(HolbooXmlNode) iq = NULL;

  if (jid == NULL || !_holboo_account_is_connected (self))
    return;

  iq = holboo_xmpp_bookmarks_build_retract (jid);
  send_logged (self, iq, "retracting");
}
