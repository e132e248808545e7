/* holboo-xmpp-external-services.c: external service discovery
 * (XEP-0215): the STUN and TURN servers for calls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only STUN and TURN matter to Holboo; other types are left out
 * quietly.  A STUN or TURN entry that cannot be used as given (no host,
 * a port that is no number from 1 to 65535, an unknown transport) is
 * left out with a debug line: a call then tries the others.  Both
 * servers' spellings are accepted: restricted="1" (Prosody) and "true"
 * (ejabberd); credentials in the <services/> answer itself.
 */

#define G_LOG_DOMAIN "holboo-xmpp-external-services"

#include "config.h"

#include "holboo-xmpp-error.h"
#include "holboo-xmpp-external-services.h"
#include "holboo-xmpp-message.h"

#include <gio/gio.h>
#include <string.h>

/* Anything longer is no credential a TURN server hands out. */
#define MAX_CREDENTIAL_LENGTH 1024
#define MAX_HOST_LENGTH       253

G_DEFINE_ENUM_TYPE (HolbooXmppServiceType, holboo_xmpp_service_type,
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SERVICE_STUN, "stun"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SERVICE_STUNS, "stuns"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SERVICE_TURN, "turn"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SERVICE_TURNS, "turns"))

G_DEFINE_ENUM_TYPE (HolbooXmppServiceTransport, holboo_xmpp_service_transport,
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SERVICE_TRANSPORT_UDP, "udp"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SERVICE_TRANSPORT_TCP, "tcp"))

G_DEFINE_BOXED_TYPE (HolbooXmppExternalService, holboo_xmpp_external_service,
                     holboo_xmpp_external_service_ref, holboo_xmpp_external_service_unref)

static const char * const type_names[] = { "stun", "stuns", "turn", "turns" };

static void
service_clear (HolbooXmppExternalService *service)
{
  g_free (service->host);
  g_free (service->username);
  g_free (service->password);
  g_free (service->name);
}

HolbooXmppExternalService *
holboo_xmpp_external_service_ref (HolbooXmppExternalService *service)
{
  return g_atomic_rc_box_acquire (service);
}

void
holboo_xmpp_external_service_unref (HolbooXmppExternalService *service)
{
  g_atomic_rc_box_release_full (service, (GDestroyNotify) service_clear);
}

gboolean
holboo_xmpp_external_service_is_turn (HolbooXmppExternalService *service)
{
  g_return_val_if_fail (service != NULL, FALSE);
  return service->type == HOLBOO_XMPP_SERVICE_TURN || service->type == HOLBOO_XMPP_SERVICE_TURNS;
}

/**
 * holboo_xmpp_external_service_dup_uri:
 * @service: a service
 *
 * The service as GStreamer's webrtcbin takes it: "stun://host:port" for
 * its stun-server property, "turn(s)://user:password@host:port" (with
 * "?transport=tcp" for TURN over TCP) for its turn-server property and
 * add-turn-server signal.  User name and password are percent-encoded.
 *
 * Returns: (transfer full): the URI
 */
char *
holboo_xmpp_external_service_dup_uri (HolbooXmppExternalService *service)
{
  GString *uri = g_string_new (type_names[service->type]);
  gboolean ipv6 = strchr (service->host, ':') != NULL;

  g_string_append (uri, "://");
  if (holboo_xmpp_external_service_is_turn (service) && service->username != NULL)
    {
      g_string_append_uri_escaped (uri, service->username, NULL, FALSE);
      g_string_append_c (uri, ':');
      if (service->password != NULL)
        g_string_append_uri_escaped (uri, service->password, NULL, FALSE);
      g_string_append_c (uri, '@');
    }
  g_string_append_printf (uri, ipv6 ? "[%s]:%u" : "%s:%u", service->host, service->port);
  if (service->type == HOLBOO_XMPP_SERVICE_TURN && service->transport == HOLBOO_XMPP_SERVICE_TRANSPORT_TCP)
    g_string_append (uri, "?transport=tcp");
  return g_string_free (uri, FALSE);
}

/**
 * holboo_xmpp_external_services_build_query:
 * @to: the account's server (its domain)
 *
 * Returns: (transfer full): the query for all services
 */
HolbooXmlNode *
holboo_xmpp_external_services_build_query (const char *to)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (iq, "type", "get");
  if (to != NULL)
    holboo_xml_node_set_attribute (iq, "to", to);
  holboo_xml_node_add_child_ns (iq, "services", HOLBOO_XMLNS_EXTDISCO);
  return iq;
}

static gboolean
valid_host (const char *host)
{
  gsize len;

  if (host == NULL || (len = strlen (host)) == 0 || len > MAX_HOST_LENGTH)
    return FALSE;
  if (g_hostname_is_ip_address (host))
    return TRUE;
  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
parse_port (const char *text,
            guint16     fallback,
            guint16    *out)
{
  guint64 value;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT16, &value, NULL))
    return FALSE;
  *out = (guint16) value;
  return TRUE;
}

static gboolean
valid_credential (const char *text)
{
  return text == NULL || strlen (text) <= MAX_CREDENTIAL_LENGTH;
}

static HolbooXmppExternalService *
parse_service (HolbooXmlNode  *element,
               const char    **why)
{
  g_autoptr(HolbooXmppExternalService) service = g_atomic_rc_box_new0 (HolbooXmppExternalService);
  const char *type = holboo_xml_node_get_attribute (element, "type");
  const char *host = holboo_xml_node_get_attribute (element, "host");
  const char *transport = holboo_xml_node_get_attribute (element, "transport");
  const char *restricted = holboo_xml_node_get_attribute (element, "restricted");
  const char *expires = holboo_xml_node_get_attribute (element, "expires");
  gboolean known = FALSE, tls;

  *why = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (type_names) && !known; i++)
    if (g_strcmp0 (type, type_names[i]) == 0)
      {
        service->type = i;
        known = TRUE;
      }
  if (!known)
    return NULL;   /* not STUN or TURN: not ours to judge */
  tls = service->type == HOLBOO_XMPP_SERVICE_STUNS || service->type == HOLBOO_XMPP_SERVICE_TURNS;

  if (!valid_host (host))
    return *why = "no valid host", NULL;
  service->host = g_strdup (host);

  if (!parse_port (holboo_xml_node_get_attribute (element, "port"), tls ? 5349 : 3478, &service->port))
    return *why = "a port that is no number from 1 to 65535", NULL;

  if (transport == NULL)
    service->transport = tls ? HOLBOO_XMPP_SERVICE_TRANSPORT_TCP : HOLBOO_XMPP_SERVICE_TRANSPORT_UDP;
  else if (strcmp (transport, "udp") == 0)
    service->transport = HOLBOO_XMPP_SERVICE_TRANSPORT_UDP;
  else if (strcmp (transport, "tcp") == 0)
    service->transport = HOLBOO_XMPP_SERVICE_TRANSPORT_TCP;
  else
    return *why = "an unknown transport", NULL;

  if (!valid_credential (holboo_xml_node_get_attribute (element, "username")) ||
      !valid_credential (holboo_xml_node_get_attribute (element, "password")))
    return *why = "credentials longer than any server writes", NULL;
  service->username = g_strdup (holboo_xml_node_get_attribute (element, "username"));
  service->password = g_strdup (holboo_xml_node_get_attribute (element, "password"));
  service->restricted = g_strcmp0 (restricted, "1") == 0 || g_strcmp0 (restricted, "true") == 0;
  if (expires != NULL && !holboo_xmpp_parse_datetime (expires, &service->expires))
    return *why = "an invalid expiry time", NULL;
  if (service->restricted && service->username == NULL)
    return *why = "restricted without credentials", NULL;

  service->name = g_strdup (holboo_xml_node_get_attribute (element, "name"));
  return g_steal_pointer (&service);
}

/**
 * holboo_xmpp_external_services_parse:
 * @iq: the answer to holboo_xmpp_external_services_build_query()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type HolbooXmppExternalService)
 *   (nullable): the usable STUN and TURN services, in the server's
 *   order; %NULL with %HOLBOO_XMPP_ERROR_PROTOCOL for no answer
 */
GPtrArray *
holboo_xmpp_external_services_parse (HolbooXmlNode  *iq,
                                     GError        **error)
{
  HolbooXmlNode *services = holboo_xml_node_get_child (iq, "services", HOLBOO_XMLNS_EXTDISCO);
  g_autoptr(GPtrArray) list = NULL;
  HolbooXmlNode *element;
  HolbooXmlIter iter;
  guint n = 0;

  if (services == NULL || g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "result") != 0)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "Not an external services result");
      return NULL;
    }

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_external_service_unref);
  holboo_xml_iter_init (&iter, services, "service", HOLBOO_XMLNS_EXTDISCO);
  while (holboo_xml_iter_next (&iter, &element))
    {
      HolbooXmppExternalService *service;
      const char *why;

      if (++n > HOLBOO_XMPP_EXTERNAL_SERVICES_MAX)
        {
          g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                       "More than %u external services", HOLBOO_XMPP_EXTERNAL_SERVICES_MAX);
          return NULL;
        }
      service = parse_service (element, &why);
      if (service != NULL)
        g_ptr_array_add (list, service);
      else if (why != NULL)
        g_debug ("Leaving out a %s service with %s", holboo_xml_node_get_attribute (element, "type"), why);
    }
  return g_steal_pointer (&list);
}
