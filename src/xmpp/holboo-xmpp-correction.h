/* holboo-xmpp-correction.h: last message correction (XEP-0308)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_CORRECTION "urn:xmpp:message-correct:0"

void           holboo_xmpp_correction_add            (HolbooXmlNode *message,
                                                      const char    *replace_id);
const char    *holboo_xmpp_correction_get_replace_id (HolbooXmlNode *message);

G_END_DECLS
