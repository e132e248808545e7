/* holboo-xmpp-presence.h: presence (RFC 6121 §3–4): availability and
 * subscriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

/* A status text longer than this is cut (at a character boundary). */
#define HOLBOO_XMPP_PRESENCE_MAX_STATUS_LENGTH 1024

/**
 * HolbooXmppPresenceShow:
 * @HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE: offline
 * @HOLBOO_XMPP_PRESENCE_SHOW_XA: away for a long time
 * @HOLBOO_XMPP_PRESENCE_SHOW_AWAY: away
 * @HOLBOO_XMPP_PRESENCE_SHOW_DND: busy: do not disturb
 * @HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE: online
 * @HOLBOO_XMPP_PRESENCE_SHOW_CHAT: free to chat
 *
 * Availability, in the order a contact's resources are compared (the
 * larger is "more available").
 */
typedef enum {
  HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE,
  HOLBOO_XMPP_PRESENCE_SHOW_XA,
  HOLBOO_XMPP_PRESENCE_SHOW_AWAY,
  HOLBOO_XMPP_PRESENCE_SHOW_DND,
  HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE,
  HOLBOO_XMPP_PRESENCE_SHOW_CHAT,
} HolbooXmppPresenceShow;

#define HOLBOO_TYPE_XMPP_PRESENCE_SHOW (holboo_xmpp_presence_show_get_type ())
GType holboo_xmpp_presence_show_get_type (void) G_GNUC_CONST;

/**
 * HolbooXmppPresenceType:
 * @HOLBOO_XMPP_PRESENCE_AVAILABLE: availability (no type)
 * @HOLBOO_XMPP_PRESENCE_UNAVAILABLE: the resource went offline
 * @HOLBOO_XMPP_PRESENCE_SUBSCRIBE: a request to see our presence
 * @HOLBOO_XMPP_PRESENCE_SUBSCRIBED: our request was approved
 * @HOLBOO_XMPP_PRESENCE_UNSUBSCRIBE: they no longer want ours
 * @HOLBOO_XMPP_PRESENCE_UNSUBSCRIBED: our request was denied or cancelled
 * @HOLBOO_XMPP_PRESENCE_PROBE: a server's question
 * @HOLBOO_XMPP_PRESENCE_ERROR: a bounce
 */
typedef enum {
  HOLBOO_XMPP_PRESENCE_AVAILABLE,
  HOLBOO_XMPP_PRESENCE_UNAVAILABLE,
  HOLBOO_XMPP_PRESENCE_SUBSCRIBE,
  HOLBOO_XMPP_PRESENCE_SUBSCRIBED,
  HOLBOO_XMPP_PRESENCE_UNSUBSCRIBE,
  HOLBOO_XMPP_PRESENCE_UNSUBSCRIBED,
  HOLBOO_XMPP_PRESENCE_PROBE,
  HOLBOO_XMPP_PRESENCE_ERROR,
} HolbooXmppPresenceType;

/**
 * HolbooXmppPresence:
 * @type: what it says
 * @from: who sent it (the account's bare JID when the stanza had no
 *   'from')
 * @show: availability (%HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE unless
 *   @type is %HOLBOO_XMPP_PRESENCE_AVAILABLE)
 * @status: (nullable): the status text
 * @priority: the resource's priority, -128 … 127
 * @caps_node: (nullable): XEP-0115 node of the sender's software
 * @caps_ver: (nullable): XEP-0115 verification string
 * @caps_hash: (nullable): its hash function ("sha-1")
 *
 * A parsed presence stanza.
 */
typedef struct {
  HolbooXmppPresenceType  type;
  HolbooJid              *from;
  HolbooXmppPresenceShow  show;
  char                   *status;
  int                     priority;
  char                   *caps_node;
  char                   *caps_ver;
  char                   *caps_hash;
} HolbooXmppPresence;

HolbooXmppPresence *holboo_xmpp_presence_parse        (HolbooXmlNode          *stanza,
                                                       const HolbooJid        *account,
                                                       GError                **error);
void                holboo_xmpp_presence_free         (HolbooXmppPresence     *presence);

HolbooXmlNode      *holboo_xmpp_presence_build        (HolbooXmppPresenceShow  show,
                                                       const char             *status,
                                                       int                     priority,
                                                       const char             *caps_node,
                                                       const char             *caps_ver);
HolbooXmlNode      *holboo_xmpp_presence_build_subscription (const char        *to,
                                                       HolbooXmppPresenceType  type);

const char         *holboo_xmpp_presence_show_to_string (HolbooXmppPresenceShow show);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppPresence, holboo_xmpp_presence_free)

G_END_DECLS
