/* holboo-xmpp-retraction.h: message retraction (XEP-0424), with the
 * message fastening (XEP-0422) of its earlier version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_RETRACT    "urn:xmpp:message-retract:1"
#define HOLBOO_XMLNS_RETRACT_0  "urn:xmpp:message-retract:0"
#define HOLBOO_XMLNS_FASTEN     "urn:xmpp:fasten:0"

HolbooXmlNode *holboo_xmpp_retraction_build  (const char    *to,
                                              const char    *id,
                                              const char    *retract_id,
                                              const char    *fallback_body);
const char    *holboo_xmpp_retraction_get_id (HolbooXmlNode *message);

G_END_DECLS
