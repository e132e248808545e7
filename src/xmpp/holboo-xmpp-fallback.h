/* holboo-xmpp-fallback.h: fallback indication (XEP-0428)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_FALLBACK "urn:xmpp:fallback:0"

void      holboo_xmpp_fallback_add       (HolbooXmlNode  *message,
                                          const char     *for_ns,
                                          gssize          start,
                                          gssize          end);
gboolean  holboo_xmpp_fallback_is_whole  (HolbooXmlNode  *message,
                                          const char     *for_ns);
gboolean  holboo_xmpp_fallback_strip     (HolbooXmlNode  *message,
                                          const char     *for_ns,
                                          const char     *body,
                                          char          **out_text,
                                          char          **out_fallback);

G_END_DECLS
