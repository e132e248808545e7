/* holboo-xmpp-transport.c: a secure channel that carries an XMPP stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base class owns the XML stream parser and the stream's framing:
 * subclasses move bytes (TCP, WebSocket) and set up TLS; the connection
 * logic above sees elements only.  The end of the channel is reported
 * once, by ::disconnected, unless the owner closed it itself.
 */

#define G_LOG_DOMAIN "holboo-xmpp-transport"

#include "config.h"

#include "holboo-xmpp-transport.h"
#include "holboo-xmpp-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct
{
  HolbooXmppTransportKind  kind;
  char                    *domain;
  char                    *jid;
  char                    *description;
  GTlsDatabase            *tls_database;
  char                    *pinned_certificate;

  HolbooXmlStream         *stream;
  GString                 *out;
  gboolean                 encrypted;
  GTask                   *connect_task;
  gboolean                 closed;
  gboolean                 disconnected;
  gint64                   last_received;

  GTlsCertificate         *peer_certificate;
  GTlsCertificate         *rejected_certificate;
  GTlsCertificateFlags     rejected_flags;
} HolbooXmppTransportPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HolbooXmppTransport, holboo_xmpp_transport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DOMAIN,
  PROP_JID,
  PROP_DESCRIPTION,
  PROP_TLS_DATABASE,
  PROP_PINNED_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STREAM_OPENED,
  ELEMENT,
  DISCONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static HolbooXmlStreamFraming
get_framing (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  return priv->kind == HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET ? HOLBOO_XML_STREAM_FRAMING_WEBSOCKET
                                                       : HOLBOO_XML_STREAM_FRAMING_TCP;
}

static void
write_text (HolbooXmppTransport *self,
            const char          *text,
            gsize                len)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  if (priv->closed)
    return;

  HOLBOO_XMPP_TRANSPORT_GET_CLASS (self)->write (self, text, len);
}

/* Ends the channel once: cleanly (our stream end is written first) or
 * at once. */
static void
end_channel (HolbooXmppTransport *self,
             gboolean             graceful)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  if (priv->closed)
    return;

  if (graceful)
    {
      const char *close = holboo_xml_stream_build_close (get_framing (self));

      write_text (self, close, strlen (close));
    }
  priv->closed = TRUE;
  HOLBOO_XMPP_TRANSPORT_GET_CLASS (self)->close (self, !graceful);
}

/* An element the stream read goes to the subclass first (WebSocket
 * framing, STARTTLS), then out as @signal_id. */
static void
forward (HolbooXmppTransport *self,
         HolbooXmlNode       *element,
         guint                signal_id)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);
  HolbooXmppTransportClass *klass = HOLBOO_XMPP_TRANSPORT_GET_CLASS (self);

  if (priv->closed)
    return;
  if (klass->handle_element != NULL && klass->handle_element (self, element))
    return;

  g_signal_emit (self, signal_id, 0, element);
}

static void
on_stream_opened (HolbooXmlStream *stream,
                  HolbooXmlNode   *header,
                  gpointer         user_data)
{
  forward (user_data, header, signals[STREAM_OPENED]);
}

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *element,
           gpointer         user_data)
{
  forward (user_data, element, signals[ELEMENT]);
}

static void
on_stream_closed (HolbooXmlStream *stream,
                  HolbooXmlNode   *close,
                  gpointer         user_data)
{
  HolbooXmppTransport *self = user_data;
  g_autoptr(GError) error = NULL;

  /* The server ended its stream: end ours and hang up. */
  g_debug ("The server closed the stream");
  error = _holboo_xmpp_error_new_closed ();
  end_channel (self, TRUE);
  _holboo_xmpp_transport_disconnected (self, error);
}

static void
holboo_xmpp_transport_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HolbooXmppTransport *self = HOLBOO_XMPP_TRANSPORT (object);
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, priv->kind); break;
    case PROP_DOMAIN: g_value_set_string (value, priv->domain); break;
    case PROP_JID: g_value_set_string (value, priv->jid); break;
    case PROP_DESCRIPTION: g_value_set_string (value, priv->description); break;
    case PROP_TLS_DATABASE: g_value_set_object (value, priv->tls_database); break;
    case PROP_PINNED_CERTIFICATE: g_value_set_string (value, priv->pinned_certificate); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_xmpp_transport_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HolbooXmppTransport *self = HOLBOO_XMPP_TRANSPORT (object);
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KIND: priv->kind = g_value_get_enum (value); break;
    case PROP_DOMAIN: priv->domain = g_value_dup_string (value); break;
    case PROP_JID: priv->jid = g_value_dup_string (value); break;
    case PROP_DESCRIPTION: _holboo_xmpp_transport_set_description (self, g_value_get_string (value)); break;
    case PROP_TLS_DATABASE: priv->tls_database = g_value_dup_object (value); break;
    case PROP_PINNED_CERTIFICATE: priv->pinned_certificate = g_value_dup_string (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_xmpp_transport_constructed (GObject *object)
{
  HolbooXmppTransport *self = HOLBOO_XMPP_TRANSPORT (object);
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  G_OBJECT_CLASS (holboo_xmpp_transport_parent_class)->constructed (object);

  g_assert (priv->domain != NULL);
  priv->stream = holboo_xml_stream_new (get_framing (self));
  g_signal_connect (priv->stream, "stream-opened", G_CALLBACK (on_stream_opened), self);
  g_signal_connect (priv->stream, "stanza", G_CALLBACK (on_stanza), self);
  g_signal_connect (priv->stream, "stream-closed", G_CALLBACK (on_stream_closed), self);
  if (priv->description == NULL)
    priv->description = g_strdup (priv->domain);
}

static void
holboo_xmpp_transport_dispose (GObject *object)
{
  HolbooXmppTransport *self = HOLBOO_XMPP_TRANSPORT (object);
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  if (priv->stream != NULL)
    g_signal_handlers_disconnect_by_data (priv->stream, self);
  g_clear_object (&priv->stream);
  g_clear_object (&priv->connect_task);
  g_clear_object (&priv->tls_database);
  g_clear_object (&priv->peer_certificate);
  g_clear_object (&priv->rejected_certificate);

  G_OBJECT_CLASS (holboo_xmpp_transport_parent_class)->dispose (object);
}

static void
holboo_xmpp_transport_finalize (GObject *object)
{
  HolbooXmppTransport *self = HOLBOO_XMPP_TRANSPORT (object);
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_free (priv->domain);
  g_free (priv->jid);
  g_free (priv->description);
  g_free (priv->pinned_certificate);
  g_string_free (priv->out, TRUE);

  G_OBJECT_CLASS (holboo_xmpp_transport_parent_class)->finalize (object);
}

static void
holboo_xmpp_transport_class_init (HolbooXmppTransportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType node_type = HOLBOO_TYPE_XML_NODE | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->get_property = holboo_xmpp_transport_get_property;
  object_class->set_property = holboo_xmpp_transport_set_property;
  object_class->constructed = holboo_xmpp_transport_constructed;
  object_class->dispose = holboo_xmpp_transport_dispose;
  object_class->finalize = holboo_xmpp_transport_finalize;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, HOLBOO_TYPE_XMPP_TRANSPORT_KIND,
                       HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The XMPP domain: the stream's "to" and the name the certificate must carry. */
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The user's bare JID, the stream's "from" once encrypted. */
  properties[PROP_JID] =
    g_param_spec_string ("jid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* What error messages call the server: host, host:port or URL. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PINNED_CERTIFICATE] =
    g_param_spec_string ("pinned-certificate", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The server opened its stream; @header is `<stream:stream/>` or `<open/>`. */
  signals[STREAM_OPENED] =
    g_signal_new ("stream-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, node_type);
  /* A top-level element arrived: features, SASL, SM, a stanza, a stream error. */
  signals[ELEMENT] =
    g_signal_new ("element", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, node_type);
  /* The channel ended without the owner asking: @error says why. */
  signals[DISCONNECTED] =
    g_signal_new ("disconnected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
holboo_xmpp_transport_init (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  priv->out = g_string_sized_new (1024);
  priv->last_received = g_get_monotonic_time ();
}

/* Completes the connect task, if there is one. */
static void
finish_connect (HolbooXmppTransport *self,
                GError              *error)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);
  g_autoptr(GTask) task = g_steal_pointer (&priv->connect_task);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * holboo_xmpp_transport_connect_async:
 *
 * Connects and sets up TLS.  On success the channel is encrypted and
 * the caller opens the stream; a failure is an #HOLBOO_XMPP_ERROR.
 */
void
holboo_xmpp_transport_connect_async (HolbooXmppTransport *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self));
  g_return_if_fail (priv->connect_task == NULL && !priv->closed);

  priv->connect_task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (priv->connect_task, holboo_xmpp_transport_connect_async);
  HOLBOO_XMPP_TRANSPORT_GET_CLASS (self)->connect (self, cancellable);
}

gboolean
holboo_xmpp_transport_connect_finish (HolbooXmppTransport  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
_holboo_xmpp_transport_connected (HolbooXmppTransport *self)
{
  finish_connect (self, NULL);
}

gboolean
_holboo_xmpp_transport_is_connecting (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  return priv->connect_task != NULL;
}

/* The stream header, after a reset of the parser: the server's answer
 * starts a new document (RFC 6120 §4.3.3). */
void
_holboo_xmpp_transport_write_open (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);
  g_autofree char *open = NULL;

  holboo_xml_stream_reset (priv->stream);
  open = holboo_xml_stream_build_open (get_framing (self), priv->domain,
                                       priv->encrypted ? priv->jid : NULL, NULL);
  write_text (self, open, strlen (open));
}

/**
 * holboo_xmpp_transport_open_stream:
 *
 * Opens a new stream (after connecting, and after SASL success).
 */
void
holboo_xmpp_transport_open_stream (HolbooXmppTransport *self)
{
  g_return_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self));

  _holboo_xmpp_transport_write_open (self);
}

void
holboo_xmpp_transport_send (HolbooXmppTransport *self,
                            HolbooXmlNode       *element)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self));
  g_return_if_fail (element != NULL);

  g_string_truncate (priv->out, 0);
  holboo_xml_stream_write_element (get_framing (self), element, priv->out);
  write_text (self, priv->out->str, priv->out->len);
}

/**
 * holboo_xmpp_transport_send_stream_error:
 * @condition: an RFC 6120 stream error condition
 *
 * Sends a stream error and closes (RFC 6120 §4.9.1.1).
 */
void
holboo_xmpp_transport_send_stream_error (HolbooXmppTransport *self,
                                         const char          *condition,
                                         const char          *text)
{
  g_autoptr(HolbooXmlNode) error = holboo_xml_node_new ("error", HOLBOO_XMLNS_STREAM);

  g_return_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self));

  holboo_xml_node_add_child_ns (error, condition, HOLBOO_XMLNS_STREAMS);
  if (text != NULL)
    holboo_xml_node_add_text (holboo_xml_node_add_child_ns (error, "text", HOLBOO_XMLNS_STREAMS),
                              text, -1);
  holboo_xmpp_transport_send (self, error);
  holboo_xmpp_transport_close (self);
}

/**
 * holboo_xmpp_transport_close:
 *
 * Ends the stream cleanly (`</stream:stream>` or `<close/>`) and closes
 * the channel once that is written.  ::disconnected is not emitted; a
 * pending connect fails with %G_IO_ERROR_CANCELLED.
 */
void
holboo_xmpp_transport_close (HolbooXmppTransport *self)
{
  g_return_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self));

  end_channel (self, TRUE);
  finish_connect (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                             "Connection attempt stopped"));
}

/**
 * holboo_xmpp_transport_abort:
 *
 * Drops the channel at once, like a network failure would: nothing more
 * is written.  ::disconnected is not emitted; a pending connect fails
 * with %G_IO_ERROR_CANCELLED.
 */
void
holboo_xmpp_transport_abort (HolbooXmppTransport *self)
{
  g_return_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self));

  end_channel (self, FALSE);
  finish_connect (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                             "Connection attempt stopped"));
}

const char *
holboo_xmpp_transport_get_domain (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), NULL);
  return priv->domain;
}

const char *
holboo_xmpp_transport_get_description (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), NULL);
  return priv->description;
}

HolbooXmppTransportKind
holboo_xmpp_transport_get_kind (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), HOLBOO_XMPP_TRANSPORT_KIND_AUTO);
  return priv->kind;
}

gboolean
holboo_xmpp_transport_is_encrypted (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), FALSE);
  return priv->encrypted;
}

gboolean
holboo_xmpp_transport_is_closed (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), TRUE);
  return priv->closed;
}

/**
 * holboo_xmpp_transport_get_channel_binding:
 *
 * Returns: (transfer full) (nullable): the data, or %NULL if this
 *   transport or TLS version does not give it
 */
GBytes *
holboo_xmpp_transport_get_channel_binding (HolbooXmppTransport      *self,
                                           HolbooXmppChannelBinding  binding)
{
  HolbooXmppTransportClass *klass;

  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), NULL);

  klass = HOLBOO_XMPP_TRANSPORT_GET_CLASS (self);
  if (klass->get_channel_binding == NULL || binding == HOLBOO_XMPP_CHANNEL_BINDING_NONE)
    return NULL;

  return klass->get_channel_binding (self, binding);
}

/**
 * holboo_xmpp_transport_get_peer_certificate:
 *
 * Returns: (transfer none) (nullable): the server's certificate
 */
GTlsCertificate *
holboo_xmpp_transport_get_peer_certificate (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), NULL);
  return priv->peer_certificate;
}

/* Monotonic time of the last bytes from the server. */
gint64
holboo_xmpp_transport_get_last_received (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_return_val_if_fail (HOLBOO_IS_XMPP_TRANSPORT (self), 0);
  return priv->last_received;
}

void
_holboo_xmpp_transport_set_encrypted (HolbooXmppTransport *self,
                                      gboolean             encrypted)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  priv->encrypted = encrypted;
}

void
_holboo_xmpp_transport_set_peer_certificate (HolbooXmppTransport *self,
                                             GTlsCertificate     *certificate)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  g_set_object (&priv->peer_certificate, certificate);
}

void
_holboo_xmpp_transport_set_description (HolbooXmppTransport *self,
                                        const char          *description)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  if (description == NULL)
    return;
  g_free (priv->description);
  priv->description = g_strdup (description);
}

HolbooXmlStream *
_holboo_xmpp_transport_get_stream (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  return priv->stream;
}

/* Bytes (TCP) or one message (WebSocket) from the server. */
void
_holboo_xmpp_transport_received (HolbooXmppTransport *self,
                                 const char          *data,
                                 gsize                len)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);
  g_autoptr(HolbooXmppTransport) hold = g_object_ref (self);
  g_autoptr(GError) error = NULL;

  if (priv->closed)
    return;

  priv->last_received = g_get_monotonic_time ();
  if (!holboo_xml_stream_feed (priv->stream, data, len, &error))
    {
      g_autoptr(GError) protocol = NULL;
      const char *condition = error->domain == HOLBOO_XML_STREAM_ERROR
                              ? holboo_xml_stream_error_to_condition (error->code)
                              : "undefined-condition";

      g_autoptr(HolbooXmlNode) stream_error = holboo_xml_node_new ("error", HOLBOO_XMLNS_STREAM);

      g_message ("Invalid data from %s, closing: %s", priv->description, error->message);
      protocol = g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                              _("The server sent invalid data: %s"), error->message);
      holboo_xml_node_add_child_ns (stream_error, condition, HOLBOO_XMLNS_STREAMS);
      holboo_xmpp_transport_send (self, stream_error);
      end_channel (self, TRUE);
      _holboo_xmpp_transport_disconnected (self, protocol);
    }
}

/* The channel failed or ended: fail the connect task, or report it
 * once.  @error may be %NULL (closed by the server). */
void
_holboo_xmpp_transport_disconnected (HolbooXmppTransport *self,
                                     const GError        *error)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);
  g_autoptr(HolbooXmppTransport) hold = g_object_ref (self);
  g_autoptr(GError) mapped = _holboo_xmpp_transport_map_error (self, error);

  end_channel (self, FALSE);

  if (priv->connect_task != NULL)
    {
      priv->disconnected = TRUE;
      finish_connect (self, g_steal_pointer (&mapped));
      return;
    }

  /* Emitted even when we closed first in answer to the server (stream
   * end, invalid data); never twice. */
  if (!priv->disconnected)
    {
      priv->disconnected = TRUE;
      g_signal_emit (self, signals[DISCONNECTED], 0, mapped);
    }
}

/* A certificate that did not verify: accepted only if pinned. */
gboolean
_holboo_xmpp_transport_accept_certificate (HolbooXmppTransport  *self,
                                           GTlsCertificate      *certificate,
                                           GTlsCertificateFlags  errors)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  if (holboo_xmpp_certificate_matches (certificate, priv->pinned_certificate))
    {
      g_debug ("Accepting the pinned certificate of %s (errors 0x%x)", priv->description, errors);
      return TRUE;
    }

  g_set_object (&priv->rejected_certificate, certificate);
  priv->rejected_flags = errors;
  return FALSE;
}

GTlsDatabase *
_holboo_xmpp_transport_get_tls_database (HolbooXmppTransport *self)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  return priv->tls_database;
}

/* Turns a GIO/TLS/libsoup error into one of ours, naming the server. */
GError *
_holboo_xmpp_transport_map_error (HolbooXmppTransport *self,
                                  const GError        *error)
{
  HolbooXmppTransportPrivate *priv = holboo_xmpp_transport_get_instance_private (self);

  if (error == NULL)
    return _holboo_xmpp_error_new_closed ();

  if (priv->rejected_certificate != NULL &&
      (error->domain == G_TLS_ERROR ||
       g_error_matches (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED)))
    return _holboo_xmpp_error_new_certificate (priv->rejected_certificate,
                                               priv->rejected_flags, priv->domain);

  return _holboo_xmpp_error_from_io (error, priv->description);
}
