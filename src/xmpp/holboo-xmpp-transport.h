/* holboo-xmpp-transport.h: a secure channel that carries an XMPP stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-xml-node.h"
#include "holboo-xml-stream.h"
#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_XMPP_TRANSPORT (holboo_xmpp_transport_get_type ())

G_DECLARE_DERIVABLE_TYPE (HolbooXmppTransport, holboo_xmpp_transport, HOLBOO, XMPP_TRANSPORT, GObject)

/**
 * HolbooXmppTransportClass:
 * @connect: connect and set up TLS (for STARTTLS, negotiate it in a
 *   first stream), then call _holboo_xmpp_transport_connected(), or
 *   _holboo_xmpp_transport_disconnected() on failure; the channel is then
 *   encrypted and ready for holboo_xmpp_transport_open_stream()
 * @write: queue text for the server: bytes of the stream (TCP) or one
 *   message (WebSocket)
 * @close: stop reading and close the channel; @abort means at once,
 *   without flushing what is queued
 * @get_channel_binding: channel binding data of @binding, if available
 * @handle_element: sees the server's stream headers and elements first;
 *   %TRUE keeps them from the connection logic (STARTTLS)
 *
 * The connection logic sees only this: elements in, elements out, one
 * ::disconnected at the end.
 */
struct _HolbooXmppTransportClass
{
  GObjectClass parent_class;

  void      (*connect)             (HolbooXmppTransport      *self,
                                    GCancellable             *cancellable);
  void      (*write)               (HolbooXmppTransport      *self,
                                    const char               *data,
                                    gsize                     len);
  void      (*close)               (HolbooXmppTransport      *self,
                                    gboolean                  abort);
  GBytes   *(*get_channel_binding) (HolbooXmppTransport      *self,
                                    HolbooXmppChannelBinding  binding);
  gboolean  (*handle_element)      (HolbooXmppTransport      *self,
                                    HolbooXmlNode            *element);
};

void             holboo_xmpp_transport_connect_async        (HolbooXmppTransport      *self,
                                                             GCancellable             *cancellable,
                                                             GAsyncReadyCallback       callback,
                                                             gpointer                  user_data);
gboolean         holboo_xmpp_transport_connect_finish       (HolbooXmppTransport      *self,
                                                             GAsyncResult             *result,
                                                             GError                  **error);
void             holboo_xmpp_transport_open_stream          (HolbooXmppTransport      *self);
void             holboo_xmpp_transport_send                 (HolbooXmppTransport      *self,
                                                             HolbooXmlNode            *element);
void             holboo_xmpp_transport_send_stream_error    (HolbooXmppTransport      *self,
                                                             const char               *condition,
                                                             const char               *text);
void             holboo_xmpp_transport_close                (HolbooXmppTransport      *self);
void             holboo_xmpp_transport_abort                (HolbooXmppTransport      *self);

const char      *holboo_xmpp_transport_get_domain           (HolbooXmppTransport      *self);
const char      *holboo_xmpp_transport_get_description      (HolbooXmppTransport      *self);
HolbooXmppTransportKind holboo_xmpp_transport_get_kind      (HolbooXmppTransport      *self);
gboolean         holboo_xmpp_transport_is_encrypted         (HolbooXmppTransport      *self);
gboolean         holboo_xmpp_transport_is_closed            (HolbooXmppTransport      *self);
GBytes          *holboo_xmpp_transport_get_channel_binding  (HolbooXmppTransport      *self,
                                                             HolbooXmppChannelBinding  binding);
GTlsCertificate *holboo_xmpp_transport_get_peer_certificate (HolbooXmppTransport      *self);
gint64           holboo_xmpp_transport_get_last_received    (HolbooXmppTransport      *self);

/* For subclasses. */
void             _holboo_xmpp_transport_set_encrypted       (HolbooXmppTransport      *self,
                                                             gboolean                  encrypted);
void             _holboo_xmpp_transport_set_peer_certificate (HolbooXmppTransport     *self,
                                                             GTlsCertificate          *certificate);
void             _holboo_xmpp_transport_set_description     (HolbooXmppTransport      *self,
                                                             const char               *description);
void             _holboo_xmpp_transport_connected           (HolbooXmppTransport      *self);
gboolean         _holboo_xmpp_transport_is_connecting       (HolbooXmppTransport      *self);
void             _holboo_xmpp_transport_received            (HolbooXmppTransport      *self,
                                                             const char               *data,
                                                             gsize                     len);
void             _holboo_xmpp_transport_disconnected        (HolbooXmppTransport      *self,
                                                             const GError             *error);
void             _holboo_xmpp_transport_write_open          (HolbooXmppTransport      *self);
GTlsDatabase    *_holboo_xmpp_transport_get_tls_database    (HolbooXmppTransport      *self);
HolbooXmlStream *_holboo_xmpp_transport_get_stream          (HolbooXmppTransport      *self);
gboolean         _holboo_xmpp_transport_accept_certificate  (HolbooXmppTransport      *self,
                                                             GTlsCertificate          *certificate,
                                                             GTlsCertificateFlags      errors);
GError          *_holboo_xmpp_transport_map_error           (HolbooXmppTransport      *self,
                                                             const GError             *error);

G_END_DECLS
