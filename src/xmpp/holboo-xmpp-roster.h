/* holboo-xmpp-roster.h: the roster (RFC 6121 §2) with roster versioning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_ROSTER     "jabber:iq:roster"
#define HOLBOO_XMLNS_ROSTER_VER "urn:xmpp:features:rosterver"

/* Limits on what a roster item may carry; an item beyond them is
 * refused as malformed (no client writes such names). */
#define HOLBOO_XMPP_ROSTER_MAX_NAME_LENGTH  1023
#define HOLBOO_XMPP_ROSTER_MAX_GROUPS       64
#define HOLBOO_XMPP_ROSTER_MAX_ITEMS        20000

/**
 * HolbooXmppSubscription:
 * @HOLBOO_XMPP_SUBSCRIPTION_NONE: neither sees the other's presence
 * @HOLBOO_XMPP_SUBSCRIPTION_TO: we see the contact's presence
 * @HOLBOO_XMPP_SUBSCRIPTION_FROM: the contact sees ours
 * @HOLBOO_XMPP_SUBSCRIPTION_BOTH: both
 * @HOLBOO_XMPP_SUBSCRIPTION_REMOVE: (pushes only) the item was removed
 *
 * The subscription state of a roster item (RFC 6121 §2.1.2.5).
 */
typedef enum {
  HOLBOO_XMPP_SUBSCRIPTION_NONE,
  HOLBOO_XMPP_SUBSCRIPTION_TO,
  HOLBOO_XMPP_SUBSCRIPTION_FROM,
  HOLBOO_XMPP_SUBSCRIPTION_BOTH,
  HOLBOO_XMPP_SUBSCRIPTION_REMOVE,
} HolbooXmppSubscription;

#define HOLBOO_TYPE_XMPP_SUBSCRIPTION (holboo_xmpp_subscription_get_type ())
GType holboo_xmpp_subscription_get_type (void) G_GNUC_CONST;

/**
 * HolbooXmppRosterItem:
 * @jid: the contact's bare JID, normalised
 * @name: (nullable): the name the user gave the contact
 * @subscription: the subscription state
 * @ask: a subscription request of ours is pending (ask='subscribe')
 * @approved: the contact's request is pre-approved
 * @groups: (array zero-terminated=1): the groups, each once
 *
 * One roster item.  Refcounted and read-only once made.
 */
typedef struct {
  char                   *jid;
  char                   *name;
  HolbooXmppSubscription  subscription;
  gboolean                ask;
  gboolean                approved;
  char                  **groups;
} HolbooXmppRosterItem;

#define HOLBOO_TYPE_XMPP_ROSTER_ITEM (holboo_xmpp_roster_item_get_type ())
GType                 holboo_xmpp_roster_item_get_type   (void) G_GNUC_CONST;

HolbooXmppRosterItem *holboo_xmpp_roster_item_new        (const char            *jid);
HolbooXmppRosterItem *holboo_xmpp_roster_item_ref        (HolbooXmppRosterItem  *item);
void                  holboo_xmpp_roster_item_unref      (HolbooXmppRosterItem  *item);
HolbooXmppRosterItem *holboo_xmpp_roster_item_parse      (HolbooXmlNode         *element,
                                                          GError               **error);

const char           *holboo_xmpp_subscription_to_string (HolbooXmppSubscription subscription);

gboolean              holboo_xmpp_roster_supports_versioning (HolbooXmlNode     *features);
HolbooXmlNode        *holboo_xmpp_roster_build_get       (const char            *ver);
gboolean              holboo_xmpp_roster_parse_result    (HolbooXmlNode         *iq,
                                                          char                 **out_ver,
                                                          GPtrArray            **out_items,
                                                          GError               **error);
HolbooXmlNode        *holboo_xmpp_roster_build_set       (const char            *jid,
                                                          const char            *name,
                                                          const char * const    *groups);
HolbooXmlNode        *holboo_xmpp_roster_build_remove    (const char            *jid);
HolbooXmppRosterItem *holboo_xmpp_roster_parse_push      (HolbooXmlNode         *iq,
                                                          const HolbooJid       *account,
                                                          char                 **out_ver,
                                                          GError               **error);
HolbooXmlNode        *holboo_xmpp_iq_build_result        (HolbooXmlNode         *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppRosterItem, holboo_xmpp_roster_item_unref)

G_END_DECLS
