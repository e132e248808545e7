/* holboo-xmpp-connection-attempt.c: one attempt to connect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An attempt walks the endpoints in order: the manual host or WebSocket
 * URL, else the SRV targets (or the domain), then, for "auto", the
 * WebSocket endpoint that host-meta announces.  A watchdog restarted at
 * every sign of progress fails an endpoint that stalls, so every
 * failure surfaces within the settings' timeout.  Errors that another
 * endpoint cannot fix (wrong password, untrusted certificate) end the
 * attempt at once; otherwise the most telling error is kept.
 */

#define G_LOG_DOMAIN "holboo-xmpp-connection"

#include "config.h"

#include "holboo-xmpp-connection-private.h"
#include "holboo-xmpp-error-private.h"
#include "holboo-xmpp-host-meta.h"
#include "holboo-xmpp-resolver.h"
#include "holboo-xmpp-transport-tcp.h"
#include "holboo-xmpp-transport-websocket.h"

#include <glib/gi18n-lib.h>

static void try_next_endpoint (HolbooXmppConnection *self);

void
_holboo_xmpp_connection_drop_transport (HolbooXmppConnection *self,
                                        gboolean              graceful)
{
  /* Cleared first: closing may complete its connect task at once. */
  g_autoptr(HolbooXmppTransport) transport = g_steal_pointer (&self->transport);

  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  g_clear_pointer (&self->negotiator, holboo_xmpp_negotiator_free);

  if (transport != NULL)
    {
      g_signal_handlers_disconnect_by_data (transport, self);
      if (graceful)
        holboo_xmpp_transport_close (transport);
      else
        holboo_xmpp_transport_abort (transport);
    }
}

void
_holboo_xmpp_connection_clear_attempt (HolbooXmppConnection *self)
{
  _holboo_xmpp_connection_drop_transport (self, FALSE);
  if (self->attempt_cancellable != NULL)
    g_cancellable_cancel (self->attempt_cancellable);
  g_clear_object (&self->attempt_cancellable);
  g_clear_pointer (&self->endpoints, g_ptr_array_unref);
  g_clear_error (&self->attempt_error);
}

/* Keeps the error that tells the user most. */
static void
record_error (HolbooXmppConnection *self,
              GError               *error)
{
  if (_holboo_xmpp_error_rank (error) > _holboo_xmpp_error_rank (self->attempt_error))
    {
      g_clear_error (&self->attempt_error);
      self->attempt_error = error;
    }
  else
    g_error_free (error);
}

static void
endpoint_failed (HolbooXmppConnection *self,
                 GError               *error)
{
  g_debug ("Endpoint failed: %s", error->message);
  _holboo_xmpp_connection_drop_transport (self, FALSE);

  if (_holboo_xmpp_error_is_permanent (error))
    {
      _holboo_xmpp_connection_attempt_failed (self, error);
      return;
    }

  record_error (self, error);
  try_next_endpoint (self);
}

static const char *
current_description (HolbooXmppConnection *self)
{
  if (self->transport != NULL)
    return holboo_xmpp_transport_get_description (self->transport);
  return holboo_jid_get_domainpart (self->jid);
}

static gboolean
on_watchdog (gpointer user_data)
{
  HolbooXmppConnection *self = user_data;
  GError *error = _holboo_xmpp_error_new_timed_out (current_description (self));

  self->watchdog_id = 0;
  if (self->transport != NULL)
    {
      endpoint_failed (self, error);
      return G_SOURCE_REMOVE;
    }

  /* Looking up the server: the lookup's callback sees the cancellation. */
  _holboo_xmpp_connection_attempt_failed (self, error);
  return G_SOURCE_REMOVE;
}

static void
watchdog_reset (HolbooXmppConnection *self)
{
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  self->watchdog_id = g_timeout_add (holboo_xmpp_settings_get_timeout (self->settings) * 1000,
                                     on_watchdog, self);
}

static void
on_transport_stream_opened (HolbooXmppTransport *transport,
                            HolbooXmlNode       *header,
                            gpointer             user_data)
{
  HolbooXmppConnection *self = user_data;
  GError *error = NULL;

  if (self->negotiator == NULL)
    {
      _holboo_xmpp_connection_lost (self, g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                                                               _("The server restarted the stream unexpectedly")));
      return;
    }

  watchdog_reset (self);
  if (holboo_xmpp_negotiator_stream_opened (self->negotiator, header, &error) == HOLBOO_XMPP_NEGOTIATION_FAILED)
    endpoint_failed (self, error);
}

static void
on_transport_element (HolbooXmppTransport *transport,
                      HolbooXmlNode       *element,
                      gpointer             user_data)
{
  HolbooXmppConnection *self = user_data;
  GError *error = NULL;

  if (holboo_xml_node_is (element, "error", HOLBOO_XMLNS_STREAM))
    {
      error = _holboo_xmpp_error_from_stream_error (element);
      g_message ("Stream error from %s: %s", holboo_xmpp_transport_get_description (transport),
                 error->message);
      if (self->negotiator != NULL)
        endpoint_failed (self, error);
      else
        _holboo_xmpp_connection_lost (self, error);
      return;
    }

  if (self->negotiator == NULL)
    {
      _holboo_xmpp_connection_session_element (self, element);
      return;
    }

  watchdog_reset (self);
  switch (holboo_xmpp_negotiator_handle (self->negotiator, element, &error))
    {
    case HOLBOO_XMPP_NEGOTIATION_CONTINUE:
      if (holboo_xmpp_negotiator_is_authenticated (self->negotiator) &&
          self->state == HOLBOO_XMPP_CONNECTION_STATE_CONNECTING)
        _holboo_xmpp_connection_set_state (self, HOLBOO_XMPP_CONNECTION_STATE_AUTHENTICATING);
      break;
    case HOLBOO_XMPP_NEGOTIATION_DONE:
      _holboo_xmpp_connection_session_established (self);
      break;
    case HOLBOO_XMPP_NEGOTIATION_FAILED:
      endpoint_failed (self, error);
      break;
    case HOLBOO_XMPP_NEGOTIATION_IGNORED:
    default:
      g_debug ("Ignoring <%s xmlns='%s'/> while logging in", holboo_xml_node_get_name (element),
               holboo_xml_node_get_ns (element));
      break;
    }
}

static void
on_transport_disconnected (HolbooXmppTransport *transport,
                           const GError        *error,
                           gpointer             user_data)
{
  HolbooXmppConnection *self = user_data;

  if (self->negotiator != NULL)
    endpoint_failed (self, g_error_copy (error));
  else
    _holboo_xmpp_connection_lost (self, g_error_copy (error));
}

static void
on_transport_connected (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(HolbooXmppConnection) self = user_data;
  HolbooXmppTransport *transport = HOLBOO_XMPP_TRANSPORT (source);
  GError *error = NULL;

  if (!holboo_xmpp_transport_connect_finish (transport, result, &error))
    {
      if (transport == self->transport && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        endpoint_failed (self, error);
      else
        g_error_free (error);   /* we dropped it already */
      return;
    }
  if (transport != self->transport)
    return;

  watchdog_reset (self);
  self->negotiator = holboo_xmpp_negotiator_new (transport, self->settings, self->jid, self->sm);
  holboo_xmpp_negotiator_start (self->negotiator);
}

static HolbooXmppTransport *
create_transport (HolbooXmppConnection *self,
                  HolbooXmppEndpoint   *endpoint)
{
  GTlsDatabase *database = holboo_xmpp_settings_get_tls_database (self->settings);
  const char *pinned = holboo_xmpp_settings_get_pinned_certificate (self->settings);
  const char *domain = holboo_jid_get_domainpart (self->jid);
  const char *bare = holboo_jid_get_bare_string (self->jid);

  if (endpoint->kind == HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET)
    return holboo_xmpp_transport_websocket_new (endpoint->url, domain, bare, database, pinned);

  return holboo_xmpp_transport_tcp_new (endpoint->kind, endpoint->host, endpoint->port,
                                        domain, bare, database, pinned);
}

static void
on_host_meta (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HolbooXmppConnection) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = holboo_xmpp_host_meta_lookup_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (url == NULL)
    record_error (self, g_steal_pointer (&error));
  else
    {
      g_debug ("host-meta: %s", url);
      if (self->endpoints == NULL)
        self->endpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_endpoint_free);
      g_ptr_array_add (self->endpoints, holboo_xmpp_endpoint_new_websocket (url));
    }

  try_next_endpoint (self);
}

static void
discover_websocket (HolbooXmppConnection *self)
{
  g_autofree char *base_url = g_strconcat ("https://", holboo_jid_get_domainpart (self->jid), NULL);

  self->tried_host_meta = TRUE;
  watchdog_reset (self);
  holboo_xmpp_host_meta_lookup_async (base_url, holboo_xmpp_settings_get_tls_database (self->settings),
                                      self->attempt_cancellable, on_host_meta, g_object_ref (self));
}

static void
try_next_endpoint (HolbooXmppConnection *self)
{
  HolbooXmppTransportKind kind = holboo_xmpp_settings_get_transport (self->settings);

  if (self->endpoints != NULL && self->next_endpoint < self->endpoints->len)
    {
      HolbooXmppEndpoint *endpoint = g_ptr_array_index (self->endpoints, self->next_endpoint++);

      self->transport = create_transport (self, endpoint);
      g_debug ("Trying %s", holboo_xmpp_transport_get_description (self->transport));
      g_signal_connect (self->transport, "stream-opened", G_CALLBACK (on_transport_stream_opened), self);
      g_signal_connect (self->transport, "element", G_CALLBACK (on_transport_element), self);
      g_signal_connect (self->transport, "disconnected", G_CALLBACK (on_transport_disconnected), self);
      watchdog_reset (self);
      holboo_xmpp_transport_connect_async (self->transport, self->attempt_cancellable,
                                           on_transport_connected, g_object_ref (self));
      return;
    }

  /* Where only HTTPS gets through: XMPP over WebSocket (XEP-0156). */
  if (!self->endpoints_manual && !self->tried_host_meta &&
      (kind == HOLBOO_XMPP_TRANSPORT_KIND_AUTO || kind == HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET))
    {
      discover_websocket (self);
      return;
    }

  if (self->attempt_error == NULL)
    self->attempt_error = g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_HOST_NOT_FOUND,
                                       _("Could not find the server “%s”: check the address and the network"),
                                       holboo_jid_get_domainpart (self->jid));
  _holboo_xmpp_connection_attempt_failed (self, g_steal_pointer (&self->attempt_error));
}

static void
on_resolved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HolbooXmppConnection) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *endpoints = holboo_xmpp_resolve_finish (result, &error);

  if (endpoints == NULL)
    return;   /* cancelled: the attempt is over */

  self->endpoints = endpoints;
  try_next_endpoint (self);
}

void
_holboo_xmpp_connection_start_attempt (HolbooXmppConnection *self)
{
  HolbooXmppTransportKind kind = holboo_xmpp_settings_get_transport (self->settings);
  const char *host = holboo_xmpp_settings_get_host (self->settings);
  const char *jid_text = holboo_xmpp_settings_get_jid (self->settings);
  g_autoptr(HolbooJid) jid = NULL;

  _holboo_xmpp_connection_clear_retry (self);
  _holboo_xmpp_connection_clear_attempt (self);

  jid = jid_text != NULL ? holboo_jid_parse (jid_text, -1, NULL) : NULL;
  if (jid == NULL || holboo_jid_get_localpart (jid) == NULL)
    {
      _holboo_xmpp_connection_attempt_failed (self, g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_INVALID_SETTINGS,
                                         _("“%s” is not a valid account address"),
                                         jid_text != NULL ? jid_text : ""));
      return;
    }
  if (self->jid != NULL && !holboo_jid_equal_bare (self->jid, jid))
    _holboo_xmpp_connection_end_session (self, NULL);   /* another account: nothing to resume */
  g_clear_pointer (&self->jid, holboo_jid_unref);
  self->jid = holboo_jid_get_bare (jid);

  _holboo_xmpp_connection_set_state (self, holboo_xmpp_sm_can_resume (self->sm) ? HOLBOO_XMPP_CONNECTION_STATE_RESUMING
                                                        : HOLBOO_XMPP_CONNECTION_STATE_CONNECTING);
  self->attempt_cancellable = g_cancellable_new ();
  self->next_endpoint = 0;
  self->endpoints_manual = FALSE;
  self->tried_host_meta = FALSE;
  watchdog_reset (self);

  if (kind == HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET)
    {
      const char *url = holboo_xmpp_settings_get_websocket_url (self->settings);

      if (url == NULL)
        {
          discover_websocket (self);
          return;
        }
      self->endpoints_manual = TRUE;
      self->endpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_endpoint_free);
      g_ptr_array_add (self->endpoints, holboo_xmpp_endpoint_new_websocket (url));
      try_next_endpoint (self);
      return;
    }

  if (host != NULL)
    {
      HolbooXmppTransportKind tcp_kind = kind == HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS
                                         ? HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS
                                         : HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS;
      guint16 port = holboo_xmpp_settings_get_port (self->settings);

      if (port == 0)
        port = tcp_kind == HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS ? HOLBOO_XMPP_DEFAULT_DIRECT_TLS_PORT
                                                           : HOLBOO_XMPP_DEFAULT_PORT;
      self->endpoints_manual = TRUE;
      self->endpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_endpoint_free);
      g_ptr_array_add (self->endpoints, holboo_xmpp_endpoint_new_tcp (tcp_kind, host, port));
      try_next_endpoint (self);
      return;
    }

  holboo_xmpp_resolve_async (self->resolver, holboo_jid_get_domainpart (self->jid), kind,
                             self->attempt_cancellable, on_resolved, g_object_ref (self));
}
