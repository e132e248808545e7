/* holboo-xmpp-transport-websocket.c: XMPP over WebSocket (RFC 7395, libsoup)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One text message per element, sub-protocol "xmpp", wss:// only: the
 * transport must be encrypted like the TCP ones.  The certificate is
 * checked by libsoup against the given database (or the system's) and
 * accepted otherwise only if pinned.  libsoup does not expose the TLS
 * connection, so there is no channel binding (no -PLUS mechanism).
 */

#define G_LOG_DOMAIN "holboo-xmpp-transport-websocket"

#include "config.h"

#include "holboo-xmpp-transport-websocket.h"
#include "holboo-xmpp-error-private.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

/* The XML layer enforces the stanza limit; this only has to be above it. */
#define MAX_PAYLOAD (HOLBOO_XML_DEFAULT_MAX_STANZA_SIZE + 64 * 1024)

struct _HolbooXmppTransportWebsocket
{
  HolbooXmppTransport      parent_instance;

  char                    *url;
  SoupSession             *session;
  SoupMessage             *message;
  SoupWebsocketConnection *connection;
  GError                  *error;       /* from ::error, reported on ::closed */
};

G_DEFINE_FINAL_TYPE (HolbooXmppTransportWebsocket, holboo_xmpp_transport_websocket,
                     HOLBOO_TYPE_XMPP_TRANSPORT)

static HolbooXmppTransport *
as_transport (HolbooXmppTransportWebsocket *self)
{
  return HOLBOO_XMPP_TRANSPORT (self);
}

static void
fail_take (HolbooXmppTransportWebsocket *self,
           GError                       *error)
{
  _holboo_xmpp_transport_disconnected (as_transport (self), error);
  g_clear_error (&error);
}

static void
on_message (SoupWebsocketConnection *connection,
            int                      type,
            GBytes                  *message,
            gpointer                 user_data)
{
  HolbooXmppTransportWebsocket *self = user_data;
  gsize len;
  const char *data = g_bytes_get_data (message, &len);

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      fail_take (self, g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                                            _("The server sent binary data on an XMPP WebSocket")));
      return;
    }

  _holboo_xmpp_transport_received (as_transport (self), data != NULL ? data : "", len);
}

static void
on_error (SoupWebsocketConnection *connection,
          GError                  *error,
          gpointer                 user_data)
{
  HolbooXmppTransportWebsocket *self = user_data;

  g_debug ("WebSocket %s: %s", self->url, error->message);
  if (self->error == NULL)
    self->error = g_error_copy (error);
}

static void
on_closed (SoupWebsocketConnection *connection,
           gpointer                 user_data)
{
  HolbooXmppTransportWebsocket *self = user_data;

  g_debug ("WebSocket %s closed, code %u", self->url,
           soup_websocket_connection_get_close_code (connection));
  _holboo_xmpp_transport_disconnected (as_transport (self), self->error);
}

static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  return _holboo_xmpp_transport_accept_certificate (HOLBOO_XMPP_TRANSPORT (user_data),
                                                    certificate, errors);
}

static void
on_websocket_connected (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(HolbooXmppTransportWebsocket) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *protocol;

  self->connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (self->connection == NULL)
    {
      if (error->domain == SOUP_WEBSOCKET_ERROR)
        fail_take (self, g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                                      _("“%s” is not an XMPP WebSocket service"), self->url));
      else
        fail_take (self, g_steal_pointer (&error));
      return;
    }

  if (holboo_xmpp_transport_is_closed (as_transport (self)))
    {
      soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      return;
    }

  protocol = soup_websocket_connection_get_protocol (self->connection);
  if (g_strcmp0 (protocol, "xmpp") != 0)
    {
      soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_PROTOCOL_ERROR, NULL);
      fail_take (self, g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                                    _("“%s” is not an XMPP WebSocket service"), self->url));
      return;
    }

  soup_websocket_connection_set_max_incoming_payload_size (self->connection, MAX_PAYLOAD);
  soup_websocket_connection_set_keepalive_interval (self->connection, 0);
  g_signal_connect_object (self->connection, "message", G_CALLBACK (on_message), self, 0);
  g_signal_connect_object (self->connection, "error", G_CALLBACK (on_error), self, 0);
  g_signal_connect_object (self->connection, "closed", G_CALLBACK (on_closed), self, 0);

  _holboo_xmpp_transport_set_encrypted (as_transport (self), TRUE);
  _holboo_xmpp_transport_set_peer_certificate (as_transport (self),
                                               soup_message_get_tls_peer_certificate (self->message));
  _holboo_xmpp_transport_connected (as_transport (self));
}

static void
holboo_xmpp_transport_websocket_connect (HolbooXmppTransport *transport,
                                         GCancellable        *cancellable)
{
  HolbooXmppTransportWebsocket *self = HOLBOO_XMPP_TRANSPORT_WEBSOCKET (transport);
  GTlsDatabase *database = _holboo_xmpp_transport_get_tls_database (transport);
  const char *protocols[] = { "xmpp", NULL };
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) error = NULL;

  uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, &error);
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "wss") != 0 || g_uri_get_host (uri) == NULL)
    {
      fail_take (self, g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_INVALID_SETTINGS,
                                    _("“%s” is not a secure WebSocket address (wss://…)"), self->url));
      return;
    }

  self->session = soup_session_new ();
  if (database != NULL)
    g_object_set (self->session, "tls-database", database, NULL);

  self->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  g_signal_connect_object (self->message, "accept-certificate",
                           G_CALLBACK (on_accept_certificate), self, 0);

  soup_session_websocket_connect_async (self->session, self->message, NULL, (char **) protocols,
                                        G_PRIORITY_DEFAULT, cancellable,
                                        on_websocket_connected, g_object_ref (self));
}

static void
holboo_xmpp_transport_websocket_write (HolbooXmppTransport *transport,
                                       const char          *data,
                                       gsize                len)
{
  HolbooXmppTransportWebsocket *self = HOLBOO_XMPP_TRANSPORT_WEBSOCKET (transport);
  g_autoptr(GBytes) bytes = NULL;

  if (self->connection == NULL ||
      soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return;

  bytes = g_bytes_new (data, len);
  soup_websocket_connection_send_message (self->connection, SOUP_WEBSOCKET_DATA_TEXT, bytes);
}

static void
on_io_closed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_io_stream_close_finish (G_IO_STREAM (source), result, NULL);
}

static void
holboo_xmpp_transport_websocket_close (HolbooXmppTransport *transport,
                                       gboolean             abort)
{
  HolbooXmppTransportWebsocket *self = HOLBOO_XMPP_TRANSPORT_WEBSOCKET (transport);

  if (self->connection == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->connection, self);
  if (soup_websocket_connection_get_state (self->connection) != SOUP_WEBSOCKET_STATE_OPEN)
    return;

  if (abort)
    g_io_stream_close_async (soup_websocket_connection_get_io_stream (self->connection),
                             G_PRIORITY_DEFAULT, NULL, on_io_closed, NULL);
  else
    soup_websocket_connection_close (self->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
}

static void
holboo_xmpp_transport_websocket_dispose (GObject *object)
{
  HolbooXmppTransportWebsocket *self = HOLBOO_XMPP_TRANSPORT_WEBSOCKET (object);

  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_clear_object (&self->connection);
  g_clear_object (&self->message);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (holboo_xmpp_transport_websocket_parent_class)->dispose (object);
}

static void
holboo_xmpp_transport_websocket_finalize (GObject *object)
{
  HolbooXmppTransportWebsocket *self = HOLBOO_XMPP_TRANSPORT_WEBSOCKET (object);

  g_free (self->url);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (holboo_xmpp_transport_websocket_parent_class)->finalize (object);
}

static void
holboo_xmpp_transport_websocket_class_init (HolbooXmppTransportWebsocketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HolbooXmppTransportClass *transport_class = HOLBOO_XMPP_TRANSPORT_CLASS (klass);

  object_class->dispose = holboo_xmpp_transport_websocket_dispose;
  object_class->finalize = holboo_xmpp_transport_websocket_finalize;

  transport_class->connect = holboo_xmpp_transport_websocket_connect;
  transport_class->write = holboo_xmpp_transport_websocket_write;
  transport_class->close = holboo_xmpp_transport_websocket_close;
}

static void
holboo_xmpp_transport_websocket_init (HolbooXmppTransportWebsocket *self)
{
}

/**
 * holboo_xmpp_transport_websocket_new:
 * @url: a wss:// URL
 * @domain: the XMPP domain
 * @jid: (nullable): the user's bare JID
 * @tls_database: (nullable): trust anchors, %NULL for the system's
 * @pinned_certificate: (nullable): a SHA-256 fingerprint to accept
 */
HolbooXmppTransport *
holboo_xmpp_transport_websocket_new (const char   *url,
                                     const char   *domain,
                                     const char   *jid,
                                     GTlsDatabase *tls_database,
                                     const char   *pinned_certificate)
{
  HolbooXmppTransportWebsocket *self;

  g_return_val_if_fail (url != NULL && domain != NULL, NULL);

  self = g_object_new (HOLBOO_TYPE_XMPP_TRANSPORT_WEBSOCKET,
                       "kind", HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET,
                       "domain", domain,
                       "jid", jid,
                       "description", url,
                       "tls-database", tls_database,
                       "pinned-certificate", pinned_certificate,
                       NULL);
  self->url = g_strdup (url);

  return HOLBOO_XMPP_TRANSPORT (self);
}
