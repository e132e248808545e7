/* holboo-xmpp-settings.c: what a connection needs to know about its account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain bag of properties.  The connection reads it at the start of
 * every attempt, so a changed password or a newly pinned certificate
 * takes effect on the next connect.
 */

#define G_LOG_DOMAIN "holboo-xmpp-settings"

#include "config.h"

#include "holboo-xmpp-settings.h"
#include "holboo-xmpp-error.h"

struct _HolbooXmppSettings
{
  GObject                  parent_instance;

  char                    *jid;
  char                    *password;
  char                    *resource;
  char                    *host;
  guint16                  port;
  HolbooXmppTransportKind  transport;
  char                    *websocket_url;
  GTlsDatabase            *tls_database;
  char                    *ca_file;
  char                    *pinned_certificate;
  guint                    timeout;
  guint                    ping_interval;
  guint                    ping_timeout;
  guint                    iq_timeout;
  gboolean                 stream_management;
  gboolean                 auto_reconnect;
};

G_DEFINE_FINAL_TYPE (HolbooXmppSettings, holboo_xmpp_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JID,
  PROP_PASSWORD,
  PROP_RESOURCE,
  PROP_HOST,
  PROP_PORT,
  PROP_TRANSPORT,
  PROP_WEBSOCKET_URL,
  PROP_TLS_DATABASE,
  PROP_CA_FILE,
  PROP_PINNED_CERTIFICATE,
  PROP_TIMEOUT,
  PROP_PING_INTERVAL,
  PROP_PING_TIMEOUT,
  PROP_IQ_TIMEOUT,
  PROP_STREAM_MANAGEMENT,
  PROP_AUTO_RECONNECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (HolbooXmppSettings  *self,
            char               **field,
            const char          *value,
            guint                prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_uint (HolbooXmppSettings *self,
          guint              *field,
          guint               value,
          guint               prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
holboo_xmpp_settings_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HolbooXmppSettings *self = HOLBOO_XMPP_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_JID: g_value_set_string (value, self->jid); break;
    case PROP_PASSWORD: g_value_set_string (value, self->password); break;
    case PROP_RESOURCE: g_value_set_string (value, self->resource); break;
    case PROP_HOST: g_value_set_string (value, self->host); break;
    case PROP_PORT: g_value_set_uint (value, self->port); break;
    case PROP_TRANSPORT: g_value_set_enum (value, self->transport); break;
    case PROP_WEBSOCKET_URL: g_value_set_string (value, self->websocket_url); break;
    case PROP_TLS_DATABASE: g_value_set_object (value, self->tls_database); break;
    case PROP_CA_FILE: g_value_set_string (value, self->ca_file); break;
    case PROP_PINNED_CERTIFICATE: g_value_set_string (value, self->pinned_certificate); break;
    case PROP_TIMEOUT: g_value_set_uint (value, self->timeout); break;
    case PROP_PING_INTERVAL: g_value_set_uint (value, self->ping_interval); break;
    case PROP_PING_TIMEOUT: g_value_set_uint (value, self->ping_timeout); break;
    case PROP_IQ_TIMEOUT: g_value_set_uint (value, self->iq_timeout); break;
    case PROP_STREAM_MANAGEMENT: g_value_set_boolean (value, self->stream_management); break;
    case PROP_AUTO_RECONNECT: g_value_set_boolean (value, self->auto_reconnect); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_xmpp_settings_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HolbooXmppSettings *self = HOLBOO_XMPP_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_JID: holboo_xmpp_settings_set_jid (self, g_value_get_string (value)); break;
    case PROP_PASSWORD: holboo_xmpp_settings_set_password (self, g_value_get_string (value)); break;
    case PROP_RESOURCE: holboo_xmpp_settings_set_resource (self, g_value_get_string (value)); break;
    case PROP_HOST: set_string (self, &self->host, g_value_get_string (value), PROP_HOST); break;
    case PROP_PORT:
      if (self->port != g_value_get_uint (value))
        {
          self->port = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TRANSPORT: holboo_xmpp_settings_set_transport (self, g_value_get_enum (value)); break;
    case PROP_WEBSOCKET_URL: holboo_xmpp_settings_set_websocket_url (self, g_value_get_string (value)); break;
    case PROP_TLS_DATABASE: holboo_xmpp_settings_set_tls_database (self, g_value_get_object (value)); break;
    case PROP_CA_FILE: holboo_xmpp_settings_set_ca_file (self, g_value_get_string (value), NULL); break;
    case PROP_PINNED_CERTIFICATE:
      holboo_xmpp_settings_set_pinned_certificate (self, g_value_get_string (value));
      break;
    case PROP_TIMEOUT: holboo_xmpp_settings_set_timeout (self, g_value_get_uint (value)); break;
    case PROP_PING_INTERVAL: holboo_xmpp_settings_set_ping_interval (self, g_value_get_uint (value)); break;
    case PROP_PING_TIMEOUT: holboo_xmpp_settings_set_ping_timeout (self, g_value_get_uint (value)); break;
    case PROP_IQ_TIMEOUT: holboo_xmpp_settings_set_iq_timeout (self, g_value_get_uint (value)); break;
    case PROP_STREAM_MANAGEMENT:
      holboo_xmpp_settings_set_stream_management (self, g_value_get_boolean (value));
      break;
    case PROP_AUTO_RECONNECT:
      holboo_xmpp_settings_set_auto_reconnect (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_xmpp_settings_finalize (GObject *object)
{
  HolbooXmppSettings *self = HOLBOO_XMPP_SETTINGS (object);

  g_clear_pointer (&self->jid, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->resource, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->websocket_url, g_free);
  g_clear_object (&self->tls_database);
  g_clear_pointer (&self->ca_file, g_free);
  g_clear_pointer (&self->pinned_certificate, g_free);

  G_OBJECT_CLASS (holboo_xmpp_settings_parent_class)->finalize (object);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
seconds_pspec (const char *name,
               guint       minimum,
               guint       default_value)
{
  return g_param_spec_uint (name, NULL, NULL, minimum, 24 * 3600, default_value,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
holboo_xmpp_settings_class_init (HolbooXmppSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_xmpp_settings_get_property;
  object_class->set_property = holboo_xmpp_settings_set_property;
  object_class->finalize = holboo_xmpp_settings_finalize;

  /** HolbooXmppSettings:jid: the account's bare address, user@domain */
  properties[PROP_JID] = string_pspec ("jid");
  properties[PROP_PASSWORD] = string_pspec ("password");
  /** HolbooXmppSettings:resource: (nullable): the resource to ask for;
   * %NULL lets the server choose */
  properties[PROP_RESOURCE] = string_pspec ("resource");
  /** HolbooXmppSettings:host: (nullable): a manual server name or
   * address; skips discovery */
  properties[PROP_HOST] = string_pspec ("host");
  /** HolbooXmppSettings:port: the manual port; 0 for the transport's default */
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 0, G_MAXUINT16, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRANSPORT] =
    g_param_spec_enum ("transport", NULL, NULL,
                       HOLBOO_TYPE_XMPP_TRANSPORT_KIND, HOLBOO_XMPP_TRANSPORT_KIND_AUTO,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooXmppSettings:websocket-url: (nullable): a wss:// URL; with
   * transport "websocket" it skips host-meta discovery */
  properties[PROP_WEBSOCKET_URL] = string_pspec ("websocket-url");
  /** HolbooXmppSettings:tls-database: (nullable): the trust anchors;
   * %NULL for the system's */
  properties[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooXmppSettings:ca-file: (nullable): a PEM file of certificate
   * authorities to trust instead of the system's, for a server with a
   * private CA; setting it loads the file into #HolbooXmppSettings:tls-database */
  properties[PROP_CA_FILE] = string_pspec ("ca-file");
  /** HolbooXmppSettings:pinned-certificate: (nullable): the SHA-256
   * fingerprint of a certificate the user accepted although it did not
   * verify */
  properties[PROP_PINNED_CERTIFICATE] = string_pspec ("pinned-certificate");
  /** HolbooXmppSettings:timeout: seconds without progress after which
   * an attempt to connect fails */
  properties[PROP_TIMEOUT] = seconds_pspec ("timeout", 1, HOLBOO_XMPP_DEFAULT_TIMEOUT_S);
  /** HolbooXmppSettings:ping-interval: seconds of silence before the
   * connection is probed */
  properties[PROP_PING_INTERVAL] = seconds_pspec ("ping-interval", 1, HOLBOO_XMPP_DEFAULT_PING_INTERVAL_S);
  /** HolbooXmppSettings:ping-timeout: seconds a probe may take before
   * the connection is declared dead */
  properties[PROP_PING_TIMEOUT] = seconds_pspec ("ping-timeout", 1, HOLBOO_XMPP_DEFAULT_PING_TIMEOUT_S);
  properties[PROP_IQ_TIMEOUT] = seconds_pspec ("iq-timeout", 1, HOLBOO_XMPP_DEFAULT_IQ_TIMEOUT_S);
  properties[PROP_STREAM_MANAGEMENT] =
    g_param_spec_boolean ("stream-management", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooXmppSettings:auto-reconnect: retry with back-off after a
   * failure that another attempt may fix */
  properties[PROP_AUTO_RECONNECT] =
    g_param_spec_boolean ("auto-reconnect", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_xmpp_settings_init (HolbooXmppSettings *self)
{
  self->timeout = HOLBOO_XMPP_DEFAULT_TIMEOUT_S;
  self->ping_interval = HOLBOO_XMPP_DEFAULT_PING_INTERVAL_S;
  self->ping_timeout = HOLBOO_XMPP_DEFAULT_PING_TIMEOUT_S;
  self->iq_timeout = HOLBOO_XMPP_DEFAULT_IQ_TIMEOUT_S;
  self->stream_management = TRUE;
  self->auto_reconnect = TRUE;
}

HolbooXmppSettings *
holboo_xmpp_settings_new (const char *jid,
                          const char *password)
{
  return g_object_new (HOLBOO_TYPE_XMPP_SETTINGS, "jid", jid, "password", password, NULL);
}

/**
 * holboo_xmpp_settings_copy:
 *
 * Returns: (transfer full): a new object with the same values
 */
HolbooXmppSettings *
holboo_xmpp_settings_copy (HolbooXmppSettings *self)
{
  HolbooXmppSettings *copy;

  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);

  copy = holboo_xmpp_settings_new (self->jid, self->password);
  holboo_xmpp_settings_set_resource (copy, self->resource);
  holboo_xmpp_settings_set_server (copy, self->host, self->port);
  holboo_xmpp_settings_set_transport (copy, self->transport);
  holboo_xmpp_settings_set_websocket_url (copy, self->websocket_url);
  copy->ca_file = g_strdup (self->ca_file);
  holboo_xmpp_settings_set_tls_database (copy, self->tls_database);
  holboo_xmpp_settings_set_pinned_certificate (copy, self->pinned_certificate);
  copy->timeout = self->timeout;
  copy->ping_interval = self->ping_interval;
  copy->ping_timeout = self->ping_timeout;
  copy->iq_timeout = self->iq_timeout;
  copy->stream_management = self->stream_management;
  copy->auto_reconnect = self->auto_reconnect;
  return copy;
}

const char *
holboo_xmpp_settings_get_jid (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);
  return self->jid;
}

void
holboo_xmpp_settings_set_jid (HolbooXmppSettings *self,
                              const char         *jid)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_string (self, &self->jid, jid, PROP_JID);
}

const char *
holboo_xmpp_settings_get_password (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);
  return self->password;
}

void
holboo_xmpp_settings_set_password (HolbooXmppSettings *self,
                                   const char         *password)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));

  if (g_strcmp0 (self->password, password) == 0)
    return;
  /* An empty password is still a password. */
  g_free (self->password);
  self->password = g_strdup (password);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PASSWORD]);
}

const char *
holboo_xmpp_settings_get_resource (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);
  return self->resource;
}

void
holboo_xmpp_settings_set_resource (HolbooXmppSettings *self,
                                   const char         *resource)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_string (self, &self->resource, resource, PROP_RESOURCE);
}

const char *
holboo_xmpp_settings_get_host (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);
  return self->host;
}

guint16
holboo_xmpp_settings_get_port (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), 0);
  return self->port;
}

/**
 * holboo_xmpp_settings_set_server:
 * @host: (nullable): a server name or address, %NULL to discover it
 * @port: the port, 0 for the transport's default (5222, or 5223 for
 *   direct TLS)
 */
void
holboo_xmpp_settings_set_server (HolbooXmppSettings *self,
                                 const char         *host,
                                 guint16             port)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->host, host, PROP_HOST);
  if (self->port != port)
    {
      self->port = port;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PORT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

HolbooXmppTransportKind
holboo_xmpp_settings_get_transport (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), HOLBOO_XMPP_TRANSPORT_KIND_AUTO);
  return self->transport;
}

void
holboo_xmpp_settings_set_transport (HolbooXmppSettings      *self,
                                    HolbooXmppTransportKind  transport)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_uint (self, (guint *) &self->transport, transport, PROP_TRANSPORT);
}

const char *
holboo_xmpp_settings_get_websocket_url (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);
  return self->websocket_url;
}

void
holboo_xmpp_settings_set_websocket_url (HolbooXmppSettings *self,
                                        const char         *url)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_string (self, &self->websocket_url, url, PROP_WEBSOCKET_URL);
}

GTlsDatabase *
holboo_xmpp_settings_get_tls_database (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);
  return self->tls_database;
}

void
holboo_xmpp_settings_set_tls_database (HolbooXmppSettings *self,
                                       GTlsDatabase       *database)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  g_return_if_fail (database == NULL || G_IS_TLS_DATABASE (database));

  if (g_set_object (&self->tls_database, database))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TLS_DATABASE]);
}

const char *
holboo_xmpp_settings_get_ca_file (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);
  return self->ca_file;
}

/**
 * holboo_xmpp_settings_set_ca_file:
 * @path: (nullable): a PEM file of certificate authorities, %NULL or ""
 *   for the system's trust store
 * @error: return location for a #GError
 *
 * Reads @path (a small file: call it where blocking I/O is allowed, as
 * the account registry's loader thread does) and trusts the authorities
 * in it.  If the file cannot be read the path is kept, so it is saved
 * and tried again next time, but nothing is trusted in its place: the
 * server's certificate will then fail to verify and the user is asked.
 *
 * Returns: %FALSE with @error set if @path could not be loaded
 */
gboolean
holboo_xmpp_settings_set_ca_file (HolbooXmppSettings  *self,
                                  const char          *path,
                                  GError             **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), FALSE);

  if (path != NULL && *path != '\0')
    {
      database = g_tls_file_database_new (path, &local_error);
    }
  set_string (self, &self->ca_file, path, PROP_CA_FILE);
  holboo_xmpp_settings_set_tls_database (self, database);
  if (local_error != NULL)
    {
      if (error == NULL)
        g_message ("Cannot load the certificate authorities in %s: %s", path, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

const char *
holboo_xmpp_settings_get_pinned_certificate (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), NULL);
  return self->pinned_certificate;
}

/**
 * holboo_xmpp_settings_set_pinned_certificate:
 * @fingerprint: (nullable): a SHA-256 fingerprint in hex (colons
 *   optional), as holboo_xmpp_certificate_dup_fingerprint() gives it
 *
 * A value that is not a SHA-256 fingerprint pins nothing.
 */
void
holboo_xmpp_settings_set_pinned_certificate (HolbooXmppSettings *self,
                                             const char         *fingerprint)
{
  g_autofree char *normal = holboo_xmpp_fingerprint_normalize (fingerprint);

  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));

  if (fingerprint != NULL && *fingerprint != '\0' && normal == NULL)
    g_warning ("Not a SHA-256 fingerprint, nothing pinned: %s", fingerprint);
  set_string (self, &self->pinned_certificate, normal, PROP_PINNED_CERTIFICATE);
}

guint
holboo_xmpp_settings_get_timeout (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), HOLBOO_XMPP_DEFAULT_TIMEOUT_S);
  return self->timeout;
}

void
holboo_xmpp_settings_set_timeout (HolbooXmppSettings *self,
                                  guint               seconds)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_uint (self, &self->timeout, MAX (seconds, 1), PROP_TIMEOUT);
}

guint
holboo_xmpp_settings_get_ping_interval (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), HOLBOO_XMPP_DEFAULT_PING_INTERVAL_S);
  return self->ping_interval;
}

void
holboo_xmpp_settings_set_ping_interval (HolbooXmppSettings *self,
                                        guint               seconds)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_uint (self, &self->ping_interval, MAX (seconds, 1), PROP_PING_INTERVAL);
}

guint
holboo_xmpp_settings_get_ping_timeout (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), HOLBOO_XMPP_DEFAULT_PING_TIMEOUT_S);
  return self->ping_timeout;
}

void
holboo_xmpp_settings_set_ping_timeout (HolbooXmppSettings *self,
                                       guint               seconds)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_uint (self, &self->ping_timeout, MAX (seconds, 1), PROP_PING_TIMEOUT);
}

guint
holboo_xmpp_settings_get_iq_timeout (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), HOLBOO_XMPP_DEFAULT_IQ_TIMEOUT_S);
  return self->iq_timeout;
}

void
holboo_xmpp_settings_set_iq_timeout (HolbooXmppSettings *self,
                                     guint               seconds)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_uint (self, &self->iq_timeout, MAX (seconds, 1), PROP_IQ_TIMEOUT);
}

gboolean
holboo_xmpp_settings_get_stream_management (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), TRUE);
  return self->stream_management;
}

void
holboo_xmpp_settings_set_stream_management (HolbooXmppSettings *self,
                                            gboolean            enabled)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_uint (self, (guint *) &self->stream_management, !!enabled, PROP_STREAM_MANAGEMENT);
}

gboolean
holboo_xmpp_settings_get_auto_reconnect (HolbooXmppSettings *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (self), TRUE);
  return self->auto_reconnect;
}

void
holboo_xmpp_settings_set_auto_reconnect (HolbooXmppSettings *self,
                                         gboolean            enabled)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (self));
  set_uint (self, (guint *) &self->auto_reconnect, !!enabled, PROP_AUTO_RECONNECT);
}
