/* holboo-xmpp-connection.h: one account's connection to its XMPP server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-jid.h"
#include "holboo-xml-node.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-settings.h"
#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_XMPP_CONNECTION (holboo_xmpp_connection_get_type ())

G_DECLARE_FINAL_TYPE (HolbooXmppConnection, holboo_xmpp_connection, HOLBOO, XMPP_CONNECTION, GObject)

/**
 * HolbooXmppStanzaHandler:
 * @connection: the connection
 * @stanza: (transfer none): the stanza; ref it to keep it
 * @user_data: what was given to holboo_xmpp_connection_add_handler()
 *
 * Returns: %TRUE if the stanza was handled: no later handler sees it,
 *   and an iq get/set is not answered with service-unavailable (the
 *   handler answers it)
 */
typedef gboolean (*HolbooXmppStanzaHandler) (HolbooXmppConnection *connection,
                                             HolbooXmlNode        *stanza,
                                             gpointer              user_data);

HolbooXmppConnection     *holboo_xmpp_connection_new                (HolbooXmppSettings    *settings);

HolbooXmppSettings       *holboo_xmpp_connection_get_settings       (HolbooXmppConnection  *self);
HolbooXmppConnectionState holboo_xmpp_connection_get_state          (HolbooXmppConnection  *self);
const GError             *holboo_xmpp_connection_get_last_error     (HolbooXmppConnection  *self);
guint                     holboo_xmpp_connection_get_retry_seconds  (HolbooXmppConnection  *self);
HolbooJid                *holboo_xmpp_connection_get_bound_jid      (HolbooXmppConnection  *self);
HolbooXmlNode            *holboo_xmpp_connection_get_stream_features (HolbooXmppConnection *self);
gboolean                  holboo_xmpp_connection_get_sm_enabled     (HolbooXmppConnection  *self);
const char               *holboo_xmpp_connection_get_mechanism      (HolbooXmppConnection  *self);
HolbooXmppTransportKind   holboo_xmpp_connection_get_transport_kind (HolbooXmppConnection  *self);
GTlsCertificate          *holboo_xmpp_connection_get_peer_certificate (HolbooXmppConnection *self);

void                      holboo_xmpp_connection_connect_async      (HolbooXmppConnection  *self,
                                                                     GCancellable          *cancellable,
                                                                     GAsyncReadyCallback    callback,
                                                                     gpointer               user_data);
gboolean                  holboo_xmpp_connection_connect_finish     (HolbooXmppConnection  *self,
                                                                     GAsyncResult          *result,
                                                                     GError               **error);
void                      holboo_xmpp_connection_reconnect_now      (HolbooXmppConnection  *self);
void                      holboo_xmpp_connection_disconnect         (HolbooXmppConnection  *self);

gboolean                  holboo_xmpp_connection_send               (HolbooXmppConnection  *self,
                                                                     HolbooXmlNode         *stanza,
                                                                     GError               **error);
void                      holboo_xmpp_connection_send_iq_async      (HolbooXmppConnection  *self,
                                                                     HolbooXmlNode         *iq,
                                                                     GCancellable          *cancellable,
                                                                     GAsyncReadyCallback    callback,
                                                                     gpointer               user_data);
HolbooXmlNode            *holboo_xmpp_connection_send_iq_finish     (HolbooXmppConnection  *self,
                                                                     GAsyncResult          *result,
                                                                     GError               **error);

guint                     holboo_xmpp_connection_add_handler        (HolbooXmppConnection  *self,
                                                                     const char            *stanza_name,
                                                                     const char            *child_ns,
                                                                     HolbooXmppStanzaHandler handler,
                                                                     gpointer               user_data,
                                                                     GDestroyNotify         destroy);
void                      holboo_xmpp_connection_remove_handler     (HolbooXmppConnection  *self,
                                                                     guint                  handler_id);

G_END_DECLS
