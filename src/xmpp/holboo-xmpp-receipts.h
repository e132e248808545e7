/* holboo-xmpp-receipts.h: message delivery receipts (XEP-0184)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_RECEIPTS "urn:xmpp:receipts"
#define HOLBOO_XMLNS_HINTS    "urn:xmpp:hints"

void           holboo_xmpp_receipts_add_request    (HolbooXmlNode *message);
gboolean       holboo_xmpp_receipts_is_requested   (HolbooXmlNode *message);
const char    *holboo_xmpp_receipts_get_received   (HolbooXmlNode *message);
HolbooXmlNode *holboo_xmpp_receipts_build_received (const char    *to,
                                                    const char    *id);

G_END_DECLS
