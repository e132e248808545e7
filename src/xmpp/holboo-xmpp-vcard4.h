/* holboo-xmpp-vcard4.h: vCard4 over PEP (XEP-0292)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"
#include "holboo-xmpp-pep.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_VCARD4_NODE  "urn:xmpp:vcard4"
#define HOLBOO_XMLNS_VCARD4_DATA  "urn:ietf:params:xml:ns:vcard-4.0"

/* A peer's vCard larger than this (as XML) is refused. */
#define HOLBOO_XMPP_VCARD4_MAX_SIZE (256 * 1024)

HolbooXmlNode *holboo_xmpp_vcard4_build_publish (HolbooXmlNode      *vcard,
                                                 HolbooXmppPepAccess access);
HolbooXmlNode *holboo_xmpp_vcard4_build_request (const char         *jid);
HolbooXmlNode *holboo_xmpp_vcard4_parse_result  (HolbooXmlNode      *iq,
                                                 GError            **error);
HolbooXmlNode *holboo_xmpp_vcard4_parse_event   (HolbooXmlNode      *message,
                                                 HolbooJid         **from);

G_END_DECLS
