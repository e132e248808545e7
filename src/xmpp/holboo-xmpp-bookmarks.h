/* holboo-xmpp-bookmarks.h: PEP native bookmarks (XEP-0402), which make a
 * user's group chats follow them to every device
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_BOOKMARKS     "urn:xmpp:bookmarks:1"
#define HOLBOO_XMLNS_PUBSUB        "http://jabber.org/protocol/pubsub"
#define HOLBOO_XMLNS_PUBSUB_EVENT  "http://jabber.org/protocol/pubsub#event"
#define HOLBOO_XMLNS_PUBSUB_OWNER  "http://jabber.org/protocol/pubsub#owner"

/**
 * HolbooXmppBookmark:
 * @room: the room's bare JID (the item id)
 * @name: (nullable): what the user calls it
 * @nick: (nullable): the nickname to join with
 * @password: (nullable)
 * @autojoin: join it on every device, at every login
 */
typedef struct {
  HolbooJid *room;
  char      *name;
  char      *nick;
  char      *password;
  gboolean   autojoin;
} HolbooXmppBookmark;

/**
 * HolbooXmppBookmarksEvent:
 * @published: (element-type HolbooXmppBookmark): added or changed
 * @retracted: (element-type HolbooJid): removed
 */
typedef struct {
  GPtrArray *published;
  GPtrArray *retracted;
} HolbooXmppBookmarksEvent;

HolbooXmppBookmark       *holboo_xmpp_bookmark_new            (const HolbooJid           *room);
void                      holboo_xmpp_bookmark_free           (HolbooXmppBookmark        *bookmark);

HolbooXmlNode            *holboo_xmpp_bookmarks_build_create  (void);
HolbooXmlNode            *holboo_xmpp_bookmarks_build_publish (const HolbooXmppBookmark  *bookmark);
HolbooXmlNode            *holboo_xmpp_bookmarks_build_retract (const HolbooJid           *room);
HolbooXmlNode            *holboo_xmpp_bookmarks_build_fetch   (void);
HolbooXmlNode            *holboo_xmpp_bookmarks_build_subscribe (const HolbooJid         *account,
                                                               const HolbooJid         *full_jid);
GPtrArray                *holboo_xmpp_bookmarks_parse_items   (HolbooXmlNode             *iq,
                                                               GError                   **error);
HolbooXmppBookmarksEvent *holboo_xmpp_bookmarks_parse_event   (HolbooXmlNode             *stanza,
                                                               const HolbooJid           *account,
                                                               GError                   **error);
void                      holboo_xmpp_bookmarks_event_free    (HolbooXmppBookmarksEvent  *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppBookmark, holboo_xmpp_bookmark_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppBookmarksEvent, holboo_xmpp_bookmarks_event_free)

G_END_DECLS
