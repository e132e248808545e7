/* holboo-xmpp-types.c: GTypes of the xmpp layer's shared enums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-xmpp-types"

#include "config.h"

#include "holboo-xmpp-types.h"

G_DEFINE_ENUM_TYPE (HolbooXmppConnectionState, holboo_xmpp_connection_state,
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_CONNECTION_STATE_OFFLINE, "offline"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_CONNECTION_STATE_CONNECTING, "connecting"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_CONNECTION_STATE_AUTHENTICATING, "authenticating"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_CONNECTION_STATE_CONNECTED, "connected"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_CONNECTION_STATE_RESUMING, "resuming"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY, "waiting-to-retry"))

G_DEFINE_ENUM_TYPE (HolbooXmppTransportKind, holboo_xmpp_transport_kind,
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_TRANSPORT_KIND_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, "starttls"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS, "direct-tls"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET, "websocket"))
