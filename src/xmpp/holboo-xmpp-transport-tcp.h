/* holboo-xmpp-transport-tcp.h: XMPP over TCP, STARTTLS or direct TLS (GIO)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xmpp-transport.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_XMPP_TRANSPORT_TCP (holboo_xmpp_transport_tcp_get_type ())

G_DECLARE_FINAL_TYPE (HolbooXmppTransportTcp, holboo_xmpp_transport_tcp, HOLBOO, XMPP_TRANSPORT_TCP,
                      HolbooXmppTransport)

HolbooXmppTransport *holboo_xmpp_transport_tcp_new (HolbooXmppTransportKind  kind,
                                                    const char              *host,
                                                    guint16                  port,
                                                    const char              *domain,
                                                    const char              *jid,
                                                    GTlsDatabase            *tls_database,
                                                    const char              *pinned_certificate);

G_END_DECLS
