/* holboo-xmpp-external-services.h: external service discovery
 * (XEP-0215): the STUN and TURN servers for calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_EXTDISCO "urn:xmpp:extdisco:2"

/* More services than this in one answer is refused. */
#define HOLBOO_XMPP_EXTERNAL_SERVICES_MAX 64

/**
 * HolbooXmppServiceType:
 * @HOLBOO_XMPP_SERVICE_STUN: STUN (RFC 5389)
 * @HOLBOO_XMPP_SERVICE_STUNS: STUN over TLS
 * @HOLBOO_XMPP_SERVICE_TURN: TURN (RFC 5766)
 * @HOLBOO_XMPP_SERVICE_TURNS: TURN over TLS (or DTLS)
 */
typedef enum {
  HOLBOO_XMPP_SERVICE_STUN,
  HOLBOO_XMPP_SERVICE_STUNS,
  HOLBOO_XMPP_SERVICE_TURN,
  HOLBOO_XMPP_SERVICE_TURNS,
} HolbooXmppServiceType;

#define HOLBOO_TYPE_XMPP_SERVICE_TYPE (holboo_xmpp_service_type_get_type ())
GType holboo_xmpp_service_type_get_type (void) G_GNUC_CONST;

/**
 * HolbooXmppServiceTransport:
 * @HOLBOO_XMPP_SERVICE_TRANSPORT_UDP: UDP (DTLS for the TLS types)
 * @HOLBOO_XMPP_SERVICE_TRANSPORT_TCP: TCP (TLS for the TLS types)
 */
typedef enum {
  HOLBOO_XMPP_SERVICE_TRANSPORT_UDP,
  HOLBOO_XMPP_SERVICE_TRANSPORT_TCP,
} HolbooXmppServiceTransport;

#define HOLBOO_TYPE_XMPP_SERVICE_TRANSPORT (holboo_xmpp_service_transport_get_type ())
GType holboo_xmpp_service_transport_get_type (void) G_GNUC_CONST;

/**
 * HolbooXmppExternalService:
 * @type: STUN or TURN, with or without TLS
 * @transport: UDP or TCP
 * @host: a host name or IP literal
 * @port: 1 … 65535 (the type's default when the server gave none)
 * @username: (nullable): the credentials' user name (TURN REST: with
 *   the expiry in it)
 * @password: (nullable): the credentials' password
 * @expires: when the credentials expire, µs since the epoch; 0: never
 *   said
 * @restricted: credentials are needed
 * @name: (nullable): a friendly name
 *
 * One STUN or TURN service the account's server announced.  Refcounted
 * and read-only: hand it to calls as it is.
 */
typedef struct {
  HolbooXmppServiceType       type;
  HolbooXmppServiceTransport  transport;
  char                       *host;
  guint16                     port;
  char                       *username;
  char                       *password;
  gint64                      expires;
  gboolean                    restricted;
  char                       *name;
} HolbooXmppExternalService;

#define HOLBOO_TYPE_XMPP_EXTERNAL_SERVICE (holboo_xmpp_external_service_get_type ())
GType                      holboo_xmpp_external_service_get_type    (void) G_GNUC_CONST;

HolbooXmppExternalService *holboo_xmpp_external_service_ref         (HolbooXmppExternalService *service);
void                       holboo_xmpp_external_service_unref       (HolbooXmppExternalService *service);
gboolean                   holboo_xmpp_external_service_is_turn     (HolbooXmppExternalService *service);
char                      *holboo_xmpp_external_service_dup_uri     (HolbooXmppExternalService *service);

HolbooXmlNode             *holboo_xmpp_external_services_build_query (const char              *to);
GPtrArray                 *holboo_xmpp_external_services_parse      (HolbooXmlNode             *iq,
                                                                     GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppExternalService, holboo_xmpp_external_service_unref)

G_END_DECLS
