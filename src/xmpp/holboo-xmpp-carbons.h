/* holboo-xmpp-carbons.h: message carbons (XEP-0280) and the forwarded
 * messages they carry (XEP-0297)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_CARBONS "urn:xmpp:carbons:2"
#define HOLBOO_XMLNS_FORWARD "urn:xmpp:forward:0"

/**
 * HolbooXmppCarbon:
 * @HOLBOO_XMPP_CARBON_NONE: not a carbon
 * @HOLBOO_XMPP_CARBON_RECEIVED: a copy of a message another of the
 *   account's devices received
 * @HOLBOO_XMPP_CARBON_SENT: a copy of a message another of the account's
 *   devices sent
 */
typedef enum {
  HOLBOO_XMPP_CARBON_NONE,
  HOLBOO_XMPP_CARBON_RECEIVED,
  HOLBOO_XMPP_CARBON_SENT,
} HolbooXmppCarbon;

HolbooXmlNode    *holboo_xmpp_carbons_build_enable (void);
HolbooXmlNode    *holboo_xmpp_forwarded_get_message (HolbooXmlNode    *forwarded);
HolbooXmppCarbon  holboo_xmpp_carbons_unwrap       (HolbooXmlNode    *stanza,
                                                    const HolbooJid  *account,
                                                    HolbooXmlNode   **out_message,
                                                    GError          **error);

G_END_DECLS
