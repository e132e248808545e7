/* holboo-xmpp-bookmarks.c: PEP native bookmarks (XEP-0402)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One item per room on the account's `urn:xmpp:bookmarks:1` PEP node,
 * its id the room's JID.  The node must keep every item and be private:
 * ejabberd 23.01 refuses `pubsub#max_items` in publish-options, so the
 * node is created first with a node_config form (both servers accept
 * max_items=max there; an existing node answers conflict, which is
 * fine) and items are then published with the options both accept.
 *
 * Pushes: an event is believed only when it comes from the account's
 * own bare JID (or carries no from); anybody can send a message that
 * looks like one.
 */

#define G_LOG_DOMAIN "holboo-xmpp-bookmarks"

#include "config.h"

#include "holboo-xmpp-bookmarks.h"
#include "holboo-xmpp-data-form.h"
#include "holboo-xmpp-error.h"

#include <string.h>

/* More items than any user keeps bookmarks for: refused as hostile. */
#define MAX_ITEMS 1000

HolbooXmppBookmark *
holboo_xmpp_bookmark_new (const HolbooJid *room)
{
  HolbooXmppBookmark *bookmark = g_new0 (HolbooXmppBookmark, 1);

  g_return_val_if_fail (room != NULL, NULL);

  bookmark->room = holboo_jid_get_bare ((HolbooJid *) room);
  return bookmark;
}

void
holboo_xmpp_bookmark_free (HolbooXmppBookmark *bookmark)
{
  if (bookmark == NULL)
    return;

  g_clear_pointer (&bookmark->room, holboo_jid_unref);
  g_free (bookmark->name);
  g_free (bookmark->nick);
  g_free (bookmark->password);
  g_free (bookmark);
}

static HolbooXmlNode *
pubsub_iq (const char     *type,
           const char     *ns,
           HolbooXmlNode **pubsub)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (iq, "type", type);
  *pubsub = holboo_xml_node_add_child_ns (iq, "pubsub", ns);
  return iq;
}

/* The node's configuration in full at creation; as publish-options only
 * what ejabberd 23.01 accepts there (it refuses max_items and
 * send_last_published_item). */
static void
add_form (HolbooXmlNode *parent,
          const char    *form_type,
          gboolean       node_config)
{
  g_autoptr(HolbooXmppDataForm) form = holboo_xmpp_data_form_new ("submit", form_type);

  holboo_xmpp_data_form_add_field (form, "pubsub#persist_items", NULL, "true");
  if (node_config)
    {
      holboo_xmpp_data_form_add_field (form, "pubsub#max_items", NULL, "max");
      holboo_xmpp_data_form_add_field (form, "pubsub#send_last_published_item", NULL, "never");
    }
  holboo_xmpp_data_form_add_field (form, "pubsub#access_model", NULL, "whitelist");
  holboo_xml_node_append_child (parent, holboo_xmpp_data_form_to_node (form));
}

/**
 * holboo_xmpp_bookmarks_build_create:
 *
 * Returns: (transfer full): the iq creating the bookmarks node with the
 *   configuration XEP-0402 asks for
 */
HolbooXmlNode *
holboo_xmpp_bookmarks_build_create (void)
{
  HolbooXmlNode *pubsub, *create, *configure;
  HolbooXmlNode *iq = pubsub_iq ("set", HOLBOO_XMLNS_PUBSUB, &pubsub);

  create = holboo_xml_node_add_child (pubsub, "create");
  holboo_xml_node_set_attribute (create, "node", HOLBOO_XMLNS_BOOKMARKS);
  configure = holboo_xml_node_add_child (pubsub, "configure");
  add_form (configure, "http://jabber.org/protocol/pubsub#node_config", TRUE);
  return iq;
}

/**
 * holboo_xmpp_bookmarks_build_publish:
 *
 * Returns: (transfer full): the iq publishing @bookmark
 */
HolbooXmlNode *
holboo_xmpp_bookmarks_build_publish (const HolbooXmppBookmark *bookmark)
{
  HolbooXmlNode *pubsub, *publish, *item, *conference, *options;
  HolbooXmlNode *iq;

  g_return_val_if_fail (bookmark != NULL, NULL);

  iq = pubsub_iq ("set", HOLBOO_XMLNS_PUBSUB, &pubsub);
  publish = holboo_xml_node_add_child (pubsub, "publish");
  holboo_xml_node_set_attribute (publish, "node", HOLBOO_XMLNS_BOOKMARKS);
  item = holboo_xml_node_add_child (publish, "item");
  holboo_xml_node_set_attribute (item, "id", holboo_jid_get_bare_string (bookmark->room));
  conference = holboo_xml_node_add_child_ns (item, "conference", HOLBOO_XMLNS_BOOKMARKS);
  if (bookmark->name != NULL)
    holboo_xml_node_set_attribute (conference, "name", bookmark->name);
  holboo_xml_node_set_attribute (conference, "autojoin", bookmark->autojoin ? "true" : "false");
  if (bookmark->nick != NULL)
    holboo_xml_node_add_text_child (conference, "nick", bookmark->nick);
  if (bookmark->password != NULL)
    holboo_xml_node_add_text_child (conference, "password", bookmark->password);

  options = holboo_xml_node_add_child (pubsub, "publish-options");
  add_form (options, "http://jabber.org/protocol/pubsub#publish-options", FALSE);
  return iq;
}

/**
 * holboo_xmpp_bookmarks_build_retract:
 *
 * Returns: (transfer full): the iq removing @room's bookmark, with a
 *   notification to the account's other devices
 */
HolbooXmlNode *
holboo_xmpp_bookmarks_build_retract (const HolbooJid *room)
{
  HolbooXmlNode *pubsub, *retract, *item;
  HolbooXmlNode *iq;

  g_return_val_if_fail (room != NULL, NULL);

  iq = pubsub_iq ("set", HOLBOO_XMLNS_PUBSUB, &pubsub);
  retract = holboo_xml_node_add_child (pubsub, "retract");
  holboo_xml_node_set_attribute (retract, "node", HOLBOO_XMLNS_BOOKMARKS);
  holboo_xml_node_set_attribute (retract, "notify", "true");
  item = holboo_xml_node_add_child (retract, "item");
  holboo_xml_node_set_attribute (item, "id", holboo_jid_get_bare_string (room));
  return iq;
}

/**
 * holboo_xmpp_bookmarks_build_fetch:
 *
 * Returns: (transfer full): the iq asking for every bookmark
 */
HolbooXmlNode *
holboo_xmpp_bookmarks_build_fetch (void)
{
  HolbooXmlNode *pubsub, *items;
  HolbooXmlNode *iq = pubsub_iq ("get", HOLBOO_XMLNS_PUBSUB, &pubsub);

  items = holboo_xml_node_add_child (pubsub, "items");
  holboo_xml_node_set_attribute (items, "node", HOLBOO_XMLNS_BOOKMARKS);
  return iq;
}

/**
 * holboo_xmpp_bookmarks_build_subscribe:
 * @account: the account's bare JID (the node's owner)
 * @full_jid: this device's full JID
 *
 * Without entity capabilities (XEP-0115) a server does not know that a
 * device wants the node's notifications; an explicit subscription of
 * the device's full JID asks for them.
 *
 * Returns: (transfer full): the subscribe iq
 */
HolbooXmlNode *
holboo_xmpp_bookmarks_build_subscribe (const HolbooJid *account,
                                       const HolbooJid *full_jid)
{
  HolbooXmlNode *pubsub, *subscribe;
  HolbooXmlNode *iq;

  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (full_jid != NULL, NULL);

  iq = pubsub_iq ("set", HOLBOO_XMLNS_PUBSUB, &pubsub);
  holboo_xml_node_set_attribute (iq, "to", holboo_jid_get_bare_string (account));
  subscribe = holboo_xml_node_add_child (pubsub, "subscribe");
  holboo_xml_node_set_attribute (subscribe, "node", HOLBOO_XMLNS_BOOKMARKS);
  holboo_xml_node_set_attribute (subscribe, "jid", holboo_jid_to_string (full_jid));
  return iq;
}

static gboolean
parse_bool (const char *text)
{
  return g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0;
}

/* NULL (and a log line) for an item that is not a valid bookmark. */
static HolbooXmppBookmark *
parse_item (HolbooXmlNode *item)
{
  g_autoptr(HolbooJid) room = NULL;
  HolbooXmlNode *conference;
  HolbooXmppBookmark *bookmark;
  const char *id = holboo_xml_node_get_attribute (item, "id");

  room = id != NULL ? holboo_jid_parse (id, -1, NULL) : NULL;
  conference = holboo_xml_node_get_child (item, "conference", HOLBOO_XMLNS_BOOKMARKS);
  if (room == NULL || !holboo_jid_is_bare (room) || holboo_jid_get_localpart (room) == NULL || conference == NULL)
    {
      g_message ("Ignoring a bookmark “%s” that is not a room's", id != NULL ? id : "");
      return NULL;
    }

  bookmark = holboo_xmpp_bookmark_new (room);
  bookmark->name = g_strdup (holboo_xml_node_get_attribute (conference, "name"));
  bookmark->autojoin = parse_bool (holboo_xml_node_get_attribute (conference, "autojoin"));
  bookmark->nick = g_strdup (holboo_xml_node_get_child_text (conference, "nick", HOLBOO_XMLNS_BOOKMARKS));
  bookmark->password = g_strdup (holboo_xml_node_get_child_text (conference, "password", HOLBOO_XMLNS_BOOKMARKS));
  return bookmark;
}

static gboolean
collect_items (HolbooXmlNode  *items,
               const char     *pubsub_ns,
               GPtrArray      *published,
               GPtrArray      *retracted,
               GError        **error)
{
  HolbooXmlNode *child;
  guint n = 0;

  for (child = holboo_xml_node_get_first_child (items); child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    {
      if (++n > MAX_ITEMS)
        {
          g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                       "More than %u bookmarks", MAX_ITEMS);
          return FALSE;
        }
      if (holboo_xml_node_is (child, "item", pubsub_ns))
        {
          HolbooXmppBookmark *bookmark = parse_item (child);

          if (bookmark != NULL)
            g_ptr_array_add (published, bookmark);
        }
      else if (retracted != NULL && holboo_xml_node_is (child, "retract", pubsub_ns))
        {
          const char *id = holboo_xml_node_get_attribute (child, "id");
          HolbooJid *room = id != NULL ? holboo_jid_parse (id, -1, NULL) : NULL;

          if (room != NULL)
            g_ptr_array_add (retracted, room);
        }
    }
  return TRUE;
}

/**
 * holboo_xmpp_bookmarks_parse_items:
 * @iq: the result of holboo_xmpp_bookmarks_build_fetch()
 *
 * Returns: (transfer full) (element-type HolbooXmppBookmark) (nullable):
 *   the bookmarks (invalid items are skipped)
 */
GPtrArray *
holboo_xmpp_bookmarks_parse_items (HolbooXmlNode  *iq,
                                   GError        **error)
{
  g_autoptr(GPtrArray) bookmarks = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_bookmark_free);
  HolbooXmlNode *pubsub, *items;

  g_return_val_if_fail (iq != NULL, NULL);

  pubsub = holboo_xml_node_get_child (iq, "pubsub", HOLBOO_XMLNS_PUBSUB);
  items = pubsub != NULL ? holboo_xml_node_get_child (pubsub, "items", HOLBOO_XMLNS_PUBSUB) : NULL;
  if (items == NULL)
    return g_steal_pointer (&bookmarks);   /* no node: no bookmarks */
  if (g_strcmp0 (holboo_xml_node_get_attribute (items, "node"), HOLBOO_XMLNS_BOOKMARKS) != 0)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "The server answered with items of another node");
      return NULL;
    }
  if (!collect_items (items, HOLBOO_XMLNS_PUBSUB, bookmarks, NULL, error))
    return NULL;
  return g_steal_pointer (&bookmarks);
}

/**
 * holboo_xmpp_bookmarks_parse_event:
 * @stanza: a message
 * @account: the account's bare JID: the only sender believed
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the bookmarks a push publishes or
 *   retracts; %NULL without @error when @stanza is not a bookmarks push,
 *   with a %HOLBOO_XMPP_ERROR_PROTOCOL error when it is a forged or
 *   broken one
 */
HolbooXmppBookmarksEvent *
holboo_xmpp_bookmarks_parse_event (HolbooXmlNode    *stanza,
                                   const HolbooJid  *account,
                                   GError          **error)
{
  g_autoptr(HolbooXmppBookmarksEvent) event = NULL;
  HolbooXmlNode *node, *items;
  const char *from;

  g_return_val_if_fail (stanza != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);

  node = holboo_xml_node_get_child (stanza, "event", HOLBOO_XMLNS_PUBSUB_EVENT);
  items = node != NULL ? holboo_xml_node_get_child (node, "items", HOLBOO_XMLNS_PUBSUB_EVENT) : NULL;
  if (items == NULL || g_strcmp0 (holboo_xml_node_get_attribute (items, "node"), HOLBOO_XMLNS_BOOKMARKS) != 0)
    return NULL;

  from = holboo_xml_node_get_attribute (stanza, "from");
  if (from != NULL)
    {
      g_autoptr(HolbooJid) from_jid = holboo_jid_parse (from, -1, NULL);

      if (from_jid == NULL || !holboo_jid_is_bare (from_jid) || !holboo_jid_equal_bare (from_jid, account))
        {
          g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                       "A bookmarks push from “%s”, not from the account", from);
          return NULL;
        }
    }

  event = g_new0 (HolbooXmppBookmarksEvent, 1);
  event->published = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_bookmark_free);
  event->retracted = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_jid_unref);
  if (!collect_items (items, HOLBOO_XMLNS_PUBSUB_EVENT, event->published, event->retracted, error))
    return NULL;
  return g_steal_pointer (&event);
}

void
holboo_xmpp_bookmarks_event_free (HolbooXmppBookmarksEvent *event)
{
  if (event == NULL)
    return;

  g_clear_pointer (&event->published, g_ptr_array_unref);
  g_clear_pointer (&event->retracted, g_ptr_array_unref);
  g_free (event);
}
