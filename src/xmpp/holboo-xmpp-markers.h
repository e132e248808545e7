/* holboo-xmpp-markers.h: chat markers (XEP-0333)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_MARKERS "urn:xmpp:chat-markers:0"

/**
 * HolbooXmppMarker:
 * @HOLBOO_XMPP_MARKER_NONE: no marker
 * @HOLBOO_XMPP_MARKER_RECEIVED: the client has the message
 * @HOLBOO_XMPP_MARKER_DISPLAYED: the user saw it (and all before it)
 * @HOLBOO_XMPP_MARKER_ACKNOWLEDGED: the user acted on it
 */
typedef enum {
  HOLBOO_XMPP_MARKER_NONE,
  HOLBOO_XMPP_MARKER_RECEIVED,
  HOLBOO_XMPP_MARKER_DISPLAYED,
  HOLBOO_XMPP_MARKER_ACKNOWLEDGED,
} HolbooXmppMarker;

void              holboo_xmpp_markers_add_markable (HolbooXmlNode     *message);
gboolean          holboo_xmpp_markers_is_markable  (HolbooXmlNode     *message);
HolbooXmlNode    *holboo_xmpp_markers_build        (const char        *to,
                                                    HolbooXmppMarker   marker,
                                                    const char        *message_id);
HolbooXmppMarker  holboo_xmpp_markers_parse        (HolbooXmlNode     *message,
                                                    const char       **out_id);

G_END_DECLS
