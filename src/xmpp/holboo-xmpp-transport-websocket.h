/* holboo-xmpp-transport-websocket.h: XMPP over WebSocket (RFC 7395, libsoup)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xmpp-transport.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_XMPP_TRANSPORT_WEBSOCKET (holboo_xmpp_transport_websocket_get_type ())

G_DECLARE_FINAL_TYPE (HolbooXmppTransportWebsocket, holboo_xmpp_transport_websocket,
                      HOLBOO, XMPP_TRANSPORT_WEBSOCKET, HolbooXmppTransport)

HolbooXmppTransport *holboo_xmpp_transport_websocket_new (const char   *url,
                                                          const char   *domain,
                                                          const char   *jid,
                                                          GTlsDatabase *tls_database,
                                                          const char   *pinned_certificate);

G_END_DECLS
