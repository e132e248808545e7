/* holboo-xmpp-host-meta.h: the WebSocket endpoint by XEP-0156 (host-meta)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HOLBOO_XMPP_HOST_META_WEBSOCKET_REL "urn:xmpp:alt-connections:websocket"

char *holboo_xmpp_host_meta_parse_xrd   (const char           *data,
                                         gsize                 len,
                                         GError              **error);
char *holboo_xmpp_host_meta_parse_json  (const char           *data,
                                         gsize                 len,
                                         GError              **error);

void  holboo_xmpp_host_meta_lookup_async  (const char          *base_url,
                                           GTlsDatabase        *tls_database,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
char *holboo_xmpp_host_meta_lookup_finish (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
