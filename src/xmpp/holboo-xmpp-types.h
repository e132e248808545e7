/* holboo-xmpp-types.h: forward declarations and enums shared by the xmpp layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _HolbooJid HolbooJid;
typedef struct _HolbooXmppConnection HolbooXmppConnection;
typedef struct _HolbooXmppSettings HolbooXmppSettings;

/**
 * HolbooXmppConnectionState:
 * @HOLBOO_XMPP_CONNECTION_STATE_OFFLINE: not connected and not trying
 * @HOLBOO_XMPP_CONNECTION_STATE_CONNECTING: looking up the server,
 *   connecting, setting up TLS
 * @HOLBOO_XMPP_CONNECTION_STATE_AUTHENTICATING: SASL, resource binding
 * @HOLBOO_XMPP_CONNECTION_STATE_CONNECTED: bound: stanzas can be sent
 * @HOLBOO_XMPP_CONNECTION_STATE_RESUMING: the connection dropped and a
 *   stream management session is being resumed
 * @HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY: an attempt failed; the
 *   next one starts in #HolbooXmppConnection:retry-seconds
 */
typedef enum {
  HOLBOO_XMPP_CONNECTION_STATE_OFFLINE,
  HOLBOO_XMPP_CONNECTION_STATE_CONNECTING,
  HOLBOO_XMPP_CONNECTION_STATE_AUTHENTICATING,
  HOLBOO_XMPP_CONNECTION_STATE_CONNECTED,
  HOLBOO_XMPP_CONNECTION_STATE_RESUMING,
  HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY,
} HolbooXmppConnectionState;

#define HOLBOO_TYPE_XMPP_CONNECTION_STATE (holboo_xmpp_connection_state_get_type ())
GType holboo_xmpp_connection_state_get_type (void) G_GNUC_CONST;

/**
 * HolbooXmppTransportKind:
 * @HOLBOO_XMPP_TRANSPORT_KIND_AUTO: DNS SRV (STARTTLS and direct TLS), then
 *   the domain on port 5222, then WebSocket found by XEP-0156 host-meta
 * @HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS: TCP, TLS negotiated in the stream
 * @HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS: TLS from the first byte (XEP-0368)
 * @HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET: RFC 7395 over wss://
 */
typedef enum {
  HOLBOO_XMPP_TRANSPORT_KIND_AUTO,
  HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS,
  HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS,
  HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET,
} HolbooXmppTransportKind;

#define HOLBOO_TYPE_XMPP_TRANSPORT_KIND (holboo_xmpp_transport_kind_get_type ())
GType holboo_xmpp_transport_kind_get_type (void) G_GNUC_CONST;

/**
 * HolbooXmppChannelBinding:
 * @HOLBOO_XMPP_CHANNEL_BINDING_NONE: none (no -PLUS mechanism)
 * @HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE: RFC 5929 tls-unique (TLS ≤ 1.2)
 * @HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER: RFC 9266 tls-exporter (TLS 1.3)
 */
typedef enum {
  HOLBOO_XMPP_CHANNEL_BINDING_NONE,
  HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE,
  HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER,
} HolbooXmppChannelBinding;

/* Namespaces of the connection layer. */
#define HOLBOO_XMLNS_TLS      "urn:ietf:params:xml:ns:xmpp-tls"
#define HOLBOO_XMLNS_SASL     "urn:ietf:params:xml:ns:xmpp-sasl"
#define HOLBOO_XMLNS_BIND     "urn:ietf:params:xml:ns:xmpp-bind"
#define HOLBOO_XMLNS_SESSION  "urn:ietf:params:xml:ns:xmpp-session"
#define HOLBOO_XMLNS_STANZAS  "urn:ietf:params:xml:ns:xmpp-stanzas"
#define HOLBOO_XMLNS_SM       "urn:xmpp:sm:3"
#define HOLBOO_XMLNS_PING     "urn:xmpp:ping"
#define HOLBOO_XMLNS_SASL_CB  "urn:xss:sasl-cb:0"

G_END_DECLS
