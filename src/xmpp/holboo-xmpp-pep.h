/* holboo-xmpp-pep.h: personal eventing (XEP-0163) over publish-subscribe
 * (XEP-0060): publish with options, fetch the newest item, events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-jid.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_PUBSUB         "http://jabber.org/protocol/pubsub"
#define HOLBOO_XMLNS_PUBSUB_OWNER   "http://jabber.org/protocol/pubsub#owner"
#define HOLBOO_XMLNS_PUBSUB_EVENT   "http://jabber.org/protocol/pubsub#event"
#define HOLBOO_XMLNS_PUBSUB_ERRORS  "http://jabber.org/protocol/pubsub#errors"

/**
 * HolbooXmppPepAccess:
 * @HOLBOO_XMPP_PEP_ACCESS_PRESENCE: whoever may see the account's
 *   presence (its contacts): the default for cards
 * @HOLBOO_XMPP_PEP_ACCESS_OPEN: anyone who asks
 *
 * Who may read a node (pubsub#access_model).
 */
typedef enum {
  HOLBOO_XMPP_PEP_ACCESS_PRESENCE,
  HOLBOO_XMPP_PEP_ACCESS_OPEN,
} HolbooXmppPepAccess;

const char    *holboo_xmpp_pep_access_to_string     (HolbooXmppPepAccess access);

HolbooXmlNode *holboo_xmpp_pep_build_publish        (const char         *node,
                                                     const char         *item_id,
                                                     HolbooXmlNode      *payload,
                                                     HolbooXmppPepAccess access);
HolbooXmlNode *holboo_xmpp_pep_build_configure      (const char         *node,
                                                     HolbooXmppPepAccess access);
gboolean       holboo_xmpp_pep_is_precondition_error (const GError      *error);
HolbooXmlNode *holboo_xmpp_pep_build_items_request  (const char         *to,
                                                     const char         *node,
                                                     const char         *item_id);
HolbooXmlNode *holboo_xmpp_pep_get_item_payload     (HolbooXmlNode      *iq,
                                                     const char         *node,
                                                     const char         *payload_name,
                                                     const char         *payload_ns,
                                                     GError            **error);
HolbooXmlNode *holboo_xmpp_pep_parse_event          (HolbooXmlNode      *message,
                                                     const char         *node,
                                                     const char         *payload_name,
                                                     const char         *payload_ns,
                                                     HolbooJid         **from);
gsize          holboo_xmpp_pep_serialized_size      (HolbooXmlNode      *node);

G_END_DECLS
