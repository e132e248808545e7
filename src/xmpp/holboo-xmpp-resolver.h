/* holboo-xmpp-resolver.h: where to connect: DNS SRV (RFC 6120, XEP-0368)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

#define HOLBOO_XMPP_DEFAULT_PORT            5222
#define HOLBOO_XMPP_DEFAULT_DIRECT_TLS_PORT 5223

/**
 * HolbooXmppEndpoint:
 * @kind: STARTTLS, DIRECT_TLS or WEBSOCKET
 * @host: the host to connect to (TCP)
 * @port: its port (TCP)
 * @url: the wss:// URL (WebSocket)
 */
typedef struct {
  HolbooXmppTransportKind  kind;
  char                    *host;
  guint16                  port;
  char                    *url;
} HolbooXmppEndpoint;

HolbooXmppEndpoint *holboo_xmpp_endpoint_new_tcp       (HolbooXmppTransportKind  kind,
                                                        const char              *host,
                                                        guint16                  port);
HolbooXmppEndpoint *holboo_xmpp_endpoint_new_websocket (const char              *url);
void                holboo_xmpp_endpoint_free          (HolbooXmppEndpoint      *endpoint);

GPtrArray          *holboo_xmpp_endpoints_from_srv     (const char              *domain,
                                                        HolbooXmppTransportKind  kind,
                                                        GList                   *starttls_targets,
                                                        GList                   *direct_tls_targets);

void                holboo_xmpp_resolve_async          (GResolver               *resolver,
                                                        const char              *domain,
                                                        HolbooXmppTransportKind  kind,
                                                        GCancellable            *cancellable,
                                                        GAsyncReadyCallback      callback,
                                                        gpointer                 user_data);
GPtrArray          *holboo_xmpp_resolve_finish         (GAsyncResult            *result,
                                                        GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppEndpoint, holboo_xmpp_endpoint_free)

G_END_DECLS
