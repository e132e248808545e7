/* holboo-xmpp-transport-tcp.c: XMPP over TCP, STARTTLS or direct TLS (GIO)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Direct TLS (XEP-0368) does the TLS handshake first, with ALPN
 * "xmpp-client".  STARTTLS opens a first stream, requires <starttls/>
 * in its features (a server that does not offer it is refused: no
 * password ever crosses a plain socket), and upgrades on <proceed/>.
 * Either way the certificate is checked against the given database or
 * the system's, for the XMPP domain (RFC 6125), never for the host we
 * happened to connect to; a certificate that fails is accepted only if
 * its SHA-256 fingerprint is pinned.
 */

#define G_LOG_DOMAIN "holboo-xmpp-transport-tcp"

#include "config.h"

#include "holboo-xmpp-transport-tcp.h"
#include "holboo-xmpp-error-private.h"

#include <glib/gi18n-lib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

#define READ_SIZE (16 * 1024)

typedef enum {
  PHASE_CONNECTING,
  PHASE_STARTTLS_FEATURES,
  PHASE_STARTTLS_PROCEED,
  PHASE_HANDSHAKE,
  PHASE_READY,
} Phase;

struct _HolbooXmppTransportTcp
{
  HolbooXmppTransport  parent_instance;

  char                *host;
  guint16              port;

  GSocketConnection   *base;
  GIOStream           *io;            /* base, or tls once encrypted */
  GTlsConnection      *tls;
  GCancellable        *cancellable;   /* every I/O of ours; cancelled on close */
  Phase                phase;

  guint8               buffer[READ_SIZE];
  gboolean             reading;
  GString             *pending;       /* to write */
  GString             *inflight;      /* being written */
  gboolean             close_after_flush;
};

G_DEFINE_FINAL_TYPE (HolbooXmppTransportTcp, holboo_xmpp_transport_tcp, HOLBOO_TYPE_XMPP_TRANSPORT)

static void start_reading (HolbooXmppTransportTcp *self);
static void flush (HolbooXmppTransportTcp *self);

static HolbooXmppTransport *
as_transport (HolbooXmppTransportTcp *self)
{
  return HOLBOO_XMPP_TRANSPORT (self);
}

static void
fail (HolbooXmppTransportTcp *self,
      const GError           *error)
{
  _holboo_xmpp_transport_disconnected (as_transport (self), error);
}

static void
fail_take (HolbooXmppTransportTcp *self,
           GError                 *error)
{
  fail (self, error);
  g_error_free (error);
}

static void
on_closed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HolbooXmppTransportTcp) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_io_stream_close_finish (G_IO_STREAM (source), result, &error))
    g_debug ("Closing %s: %s", self->host, error->message);
}

static void
close_now (HolbooXmppTransportTcp *self)
{
  g_cancellable_cancel (self->cancellable);
  if (self->io == NULL)
    return;

  g_io_stream_close_async (self->io, G_PRIORITY_DEFAULT, NULL, on_closed, g_object_ref (self));
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooXmppTransportTcp) self = user_data;
  g_autoptr(GError) error = NULL;

  g_string_truncate (self->inflight, 0);
  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error);
      return;
    }

  if (self->pending->len > 0)
    flush (self);
  else if (self->close_after_flush)
    close_now (self);
}

static void
flush (HolbooXmppTransportTcp *self)
{
  GString *swap;

  if (self->inflight->len > 0 || self->pending->len == 0 || self->io == NULL ||
      self->phase == PHASE_HANDSHAKE || g_cancellable_is_cancelled (self->cancellable))
    return;

  swap = self->inflight;
  self->inflight = self->pending;
  self->pending = swap;

  g_output_stream_write_all_async (g_io_stream_get_output_stream (self->io),
                                   self->inflight->str, self->inflight->len,
                                   G_PRIORITY_DEFAULT, self->cancellable,
                                   on_written, g_object_ref (self));
}

static void
on_handshake (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HolbooXmppTransportTcp) self = user_data;
  GError *error = NULL;

  if (!g_tls_connection_handshake_finish (G_TLS_CONNECTION (source), result, &error))
    {
      fail_take (self, error);
      return;
    }

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN) == FALSE)
    {
      g_autofree char *ciphersuite = g_tls_connection_get_ciphersuite_name (self->tls);

      g_debug ("TLS with %s:%u: %s", self->host, self->port, ciphersuite);
    }
  g_set_object (&self->io, G_IO_STREAM (self->tls));
  _holboo_xmpp_transport_set_encrypted (as_transport (self), TRUE);
  _holboo_xmpp_transport_set_peer_certificate (as_transport (self),
                                               g_tls_connection_get_peer_certificate (self->tls));
  self->phase = PHASE_READY;
  start_reading (self);
  flush (self);
  _holboo_xmpp_transport_connected (as_transport (self));
}

static gboolean
on_accept_certificate (GTlsConnection       *tls,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  return _holboo_xmpp_transport_accept_certificate (HOLBOO_XMPP_TRANSPORT (user_data),
                                                    certificate, errors);
}

static void
start_tls (HolbooXmppTransportTcp *self,
           GCancellable           *cancellable)
{
  g_autoptr(GSocketConnectable) identity = NULL;
  GTlsDatabase *database = _holboo_xmpp_transport_get_tls_database (as_transport (self));
  GError *error = NULL;
  GIOStream *tls;

  self->phase = PHASE_HANDSHAKE;
  identity = g_network_address_new (holboo_xmpp_transport_get_domain (as_transport (self)), self->port);
  tls = g_tls_client_connection_new (G_IO_STREAM (self->base), identity, &error);
  if (tls == NULL)
    {
      fail_take (self, error);
      return;
    }

  self->tls = G_TLS_CONNECTION (tls);
  if (database != NULL)
    g_tls_connection_set_database (self->tls, database);
  if (holboo_xmpp_transport_get_kind (as_transport (self)) == HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS)
    {
      const char * const protocols[] = { "xmpp-client", NULL };

      g_tls_connection_set_advertised_protocols (self->tls, protocols);
    }
  g_signal_connect_object (self->tls, "accept-certificate",
                           G_CALLBACK (on_accept_certificate), self, 0);
  g_tls_connection_handshake_async (self->tls, G_PRIORITY_DEFAULT, cancellable,
                                    on_handshake, g_object_ref (self));
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HolbooXmppTransportTcp) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n;

  self->reading = FALSE;
  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error);
      return;
    }
  if (n == 0)
    {
      fail (self, NULL);
      return;
    }

  _holboo_xmpp_transport_received (as_transport (self), (const char *) self->buffer, n);

  if (holboo_xmpp_transport_is_closed (as_transport (self)))
    return;
  if (self->phase == PHASE_HANDSHAKE)
    start_tls (self, self->cancellable);
  else
    start_reading (self);
}

static void
start_reading (HolbooXmppTransportTcp *self)
{
  if (self->reading || self->io == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->reading = TRUE;
  g_input_stream_read_async (g_io_stream_get_input_stream (self->io),
                             self->buffer, sizeof self->buffer, G_PRIORITY_DEFAULT,
                             self->cancellable, on_read, g_object_ref (self));
}

static void
on_socket_connected (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(HolbooXmppTransportTcp) self = user_data;
  GError *error = NULL;
  GSocket *socket;

  self->base = g_socket_client_connect_finish (G_SOCKET_CLIENT (source), result, &error);
  if (self->base == NULL)
    {
      fail_take (self, error);
      return;
    }

  /* Stanzas are small and latency matters more than packet count. */
  socket = g_socket_connection_get_socket (self->base);
  g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, NULL);
  g_socket_set_keepalive (socket, TRUE);

  if (holboo_xmpp_transport_get_kind (as_transport (self)) == HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS)
    {
      start_tls (self, self->cancellable);
      return;
    }

  self->io = g_object_ref (G_IO_STREAM (self->base));
  self->phase = PHASE_STARTTLS_FEATURES;
  _holboo_xmpp_transport_write_open (as_transport (self));
  start_reading (self);
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
holboo_xmpp_transport_tcp_connect (HolbooXmppTransport *transport,
                                   GCancellable        *cancellable)
{
  HolbooXmppTransportTcp *self = HOLBOO_XMPP_TRANSPORT_TCP (transport);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnectable) address = g_network_address_new (self->host, self->port);

  g_return_if_fail (self->phase == PHASE_CONNECTING);

  /* The caller's cancellable stops our own I/O too. */
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled),
                           g_object_ref (self->cancellable), g_object_unref);

  g_socket_client_connect_async (client, address, self->cancellable,
                                 on_socket_connected, g_object_ref (self));
}

/* The STARTTLS negotiation, before the connection logic sees anything. */
static gboolean
holboo_xmpp_transport_tcp_handle_element (HolbooXmppTransport *transport,
                                          HolbooXmlNode       *element)
{
  HolbooXmppTransportTcp *self = HOLBOO_XMPP_TRANSPORT_TCP (transport);

  if (self->phase != PHASE_STARTTLS_FEATURES && self->phase != PHASE_STARTTLS_PROCEED)
    return FALSE;

  if (holboo_xml_node_is (element, "stream", HOLBOO_XMLNS_STREAM))
    return TRUE;   /* the header of the plain stream */

  if (holboo_xml_node_is (element, "error", HOLBOO_XMLNS_STREAM))
    {
      fail_take (self, _holboo_xmpp_error_from_stream_error (element));
      return TRUE;
    }

  if (self->phase == PHASE_STARTTLS_FEATURES &&
      holboo_xml_node_is (element, "features", HOLBOO_XMLNS_STREAM))
    {
      g_autoptr(HolbooXmlNode) starttls = NULL;

      if (holboo_xml_node_get_child (element, "starttls", HOLBOO_XMLNS_TLS) == NULL)
        {
          fail_take (self, g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_TLS,
                                        _("The server “%s” does not offer encryption"),
                                        holboo_xmpp_transport_get_description (transport)));
          return TRUE;
        }

      starttls = holboo_xml_node_new ("starttls", HOLBOO_XMLNS_TLS);
      holboo_xmpp_transport_send (transport, starttls);
      self->phase = PHASE_STARTTLS_PROCEED;
      return TRUE;
    }

  if (self->phase == PHASE_STARTTLS_PROCEED &&
      holboo_xml_node_is (element, "proceed", HOLBOO_XMLNS_TLS))
    {
      /* on_read starts the handshake once this read is parsed; the
       * server sends nothing more in clear. */
      self->phase = PHASE_HANDSHAKE;
      return TRUE;
    }

  fail_take (self, g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_TLS,
                                _("The server “%s” refused to start encryption"),
                                holboo_xmpp_transport_get_description (transport)));
  return TRUE;
}

static void
holboo_xmpp_transport_tcp_write (HolbooXmppTransport *transport,
                                 const char          *data,
                                 gsize                len)
{
  HolbooXmppTransportTcp *self = HOLBOO_XMPP_TRANSPORT_TCP (transport);

  g_string_append_len (self->pending, data, len);
  flush (self);
}

static void
holboo_xmpp_transport_tcp_close (HolbooXmppTransport *transport,
                                 gboolean             abort)
{
  HolbooXmppTransportTcp *self = HOLBOO_XMPP_TRANSPORT_TCP (transport);

  if (!abort && self->io != NULL && self->phase == PHASE_READY &&
      (self->inflight->len > 0 || self->pending->len > 0))
    {
      /* Stop reading, finish writing, then close. */
      self->close_after_flush = TRUE;
      return;
    }

  g_cancellable_cancel (self->cancellable);
  if (abort && self->base != NULL)
    {
      /* Like a cable pulled: no close_notify, no </stream>. */
      g_socket_shutdown (g_socket_connection_get_socket (self->base), TRUE, TRUE, NULL);
      return;
    }

  close_now (self);
}

static GBytes *
holboo_xmpp_transport_tcp_get_channel_binding (HolbooXmppTransport      *transport,
                                               HolbooXmppChannelBinding  binding)
{
  HolbooXmppTransportTcp *self = HOLBOO_XMPP_TRANSPORT_TCP (transport);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  GTlsChannelBindingType type;

  if (self->tls == NULL || self->phase != PHASE_READY)
    return NULL;

  type = binding == HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER ? G_TLS_CHANNEL_BINDING_TLS_EXPORTER
                                                            : G_TLS_CHANNEL_BINDING_TLS_UNIQUE;
  if (!g_tls_connection_get_channel_binding_data (self->tls, type, data, &error))
    {
      g_debug ("No %s channel binding: %s",
               binding == HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER ? "tls-exporter" : "tls-unique",
               error->message);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
holboo_xmpp_transport_tcp_dispose (GObject *object)
{
  HolbooXmppTransportTcp *self = HOLBOO_XMPP_TRANSPORT_TCP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->tls);
  g_clear_object (&self->io);
  g_clear_object (&self->base);

  G_OBJECT_CLASS (holboo_xmpp_transport_tcp_parent_class)->dispose (object);
}

static void
holboo_xmpp_transport_tcp_finalize (GObject *object)
{
  HolbooXmppTransportTcp *self = HOLBOO_XMPP_TRANSPORT_TCP (object);

  g_clear_object (&self->cancellable);
  g_free (self->host);
  g_string_free (self->pending, TRUE);
  g_string_free (self->inflight, TRUE);

  G_OBJECT_CLASS (holboo_xmpp_transport_tcp_parent_class)->finalize (object);
}

static void
holboo_xmpp_transport_tcp_class_init (HolbooXmppTransportTcpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HolbooXmppTransportClass *transport_class = HOLBOO_XMPP_TRANSPORT_CLASS (klass);

  object_class->dispose = holboo_xmpp_transport_tcp_dispose;
  object_class->finalize = holboo_xmpp_transport_tcp_finalize;

  transport_class->connect = holboo_xmpp_transport_tcp_connect;
  transport_class->write = holboo_xmpp_transport_tcp_write;
  transport_class->close = holboo_xmpp_transport_tcp_close;
  transport_class->get_channel_binding = holboo_xmpp_transport_tcp_get_channel_binding;
  transport_class->handle_element = holboo_xmpp_transport_tcp_handle_element;
}

static void
holboo_xmpp_transport_tcp_init (HolbooXmppTransportTcp *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending = g_string_sized_new (4096);
  self->inflight = g_string_sized_new (4096);
}

/**
 * holboo_xmpp_transport_tcp_new:
 * @kind: STARTTLS or DIRECT_TLS
 * @host: the name or address to connect to
 * @domain: the XMPP domain, which the certificate must name
 * @jid: (nullable): the user's bare JID
 * @tls_database: (nullable): trust anchors, %NULL for the system's
 * @pinned_certificate: (nullable): a SHA-256 fingerprint to accept
 */
HolbooXmppTransport *
holboo_xmpp_transport_tcp_new (HolbooXmppTransportKind  kind,
                               const char              *host,
                               guint16                  port,
                               const char              *domain,
                               const char              *jid,
                               GTlsDatabase            *tls_database,
                               const char              *pinned_certificate)
{
  HolbooXmppTransportTcp *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (kind == HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS ||
                        kind == HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS, NULL);
  g_return_val_if_fail (host != NULL && domain != NULL, NULL);

  description = g_strdup (host);
  self = g_object_new (HOLBOO_TYPE_XMPP_TRANSPORT_TCP,
                       "kind", kind,
                       "domain", domain,
                       "jid", jid,
                       "description", description,
                       "tls-database", tls_database,
                       "pinned-certificate", pinned_certificate,
                       NULL);
  self->host = g_strdup (host);
  self->port = port;

  return HOLBOO_XMPP_TRANSPORT (self);
}
