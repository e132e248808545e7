/* holboo-ice-server.c: one STUN or TURN server for a call's ICE agent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-ice-server"

#include "config.h"

#include "holboo-ice-server.h"

#include <string.h>

struct _HolbooIceServer {
  gatomicrefcount     ref_count;
  HolbooIceServerKind kind;
  HolbooIceTransport  transport;
  guint16             port;
  char               *host;
  char               *username;
  char               *password;
};

G_DEFINE_BOXED_TYPE (HolbooIceServer, holboo_ice_server, holboo_ice_server_ref, holboo_ice_server_unref)

/**
 * holboo_ice_server_new:
 * @kind: STUN, TURN or TURNS
 * @host: the server's host name or address
 * @port: its port; 0 for the default (3478, or 5349 for TURNS)
 * @transport: UDP or TCP
 * @username: (nullable): the TURN user name (XEP-0215 gives a TURN REST
 *   one such as "1700000000:alice"); ignored for STUN
 * @password: (nullable): the TURN password
 *
 * Returns: (transfer full): a new server description
 */
HolbooIceServer *
holboo_ice_server_new (HolbooIceServerKind  kind,
                       const char          *host,
                       guint16              port,
                       HolbooIceTransport   transport,
                       const char          *username,
                       const char          *password)
{
  HolbooIceServer *self;

  g_return_val_if_fail (host != NULL && *host != '\0', NULL);

  self = g_new0 (HolbooIceServer, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->host = g_strdup (host);
  self->port = port != 0 ? port : (kind == HOLBOO_ICE_SERVER_TURNS ? 5349 : 3478);
  self->transport = kind == HOLBOO_ICE_SERVER_TURNS ? HOLBOO_ICE_TRANSPORT_TCP : transport;
  if (kind != HOLBOO_ICE_SERVER_STUN)
    {
      self->username = g_strdup (username);
      self->password = g_strdup (password);
    }
  return self;
}

HolbooIceServer *
holboo_ice_server_ref (HolbooIceServer *server)
{
  g_return_val_if_fail (server != NULL, NULL);

  g_atomic_ref_count_inc (&server->ref_count);
  return server;
}

void
holboo_ice_server_unref (HolbooIceServer *server)
{
  g_return_if_fail (server != NULL);

  if (!g_atomic_ref_count_dec (&server->ref_count))
    return;
  g_free (server->host);
  g_free (server->username);
  g_clear_pointer (&server->password, g_free);
  g_free (server);
}

HolbooIceServerKind
holboo_ice_server_get_kind (HolbooIceServer *server)
{
  return server->kind;
}

const char *
holboo_ice_server_get_host (HolbooIceServer *server)
{
  return server->host;
}

guint16
holboo_ice_server_get_port (HolbooIceServer *server)
{
  return server->port;
}

HolbooIceTransport
holboo_ice_server_get_transport (HolbooIceServer *server)
{
  return server->transport;
}

const char *
holboo_ice_server_get_username (HolbooIceServer *server)
{
  return server->username;
}

const char *
holboo_ice_server_get_password (HolbooIceServer *server)
{
  return server->password;
}

/**
 * holboo_ice_server_to_uri:
 * @server: a server
 *
 * The URI form webrtcbin takes: `stun://host:port`,
 * `turn://user:pass@host:port?transport=udp`, `turns://…`.  User name
 * and password are percent-escaped, so a TURN REST user name with a ':'
 * survives.  An IPv6 address is put in brackets.
 *
 * Returns: (transfer full): the URI
 */
char *
holboo_ice_server_to_uri (HolbooIceServer *server)
{
  g_autofree char *host = NULL;
  g_autofree char *user = NULL;
  g_autofree char *pass = NULL;
  const char *scheme;

  g_return_val_if_fail (server != NULL, NULL);

  host = strchr (server->host, ':') != NULL && server->host[0] != '['
    ? g_strdup_printf ("[%s]", server->host) : g_strdup (server->host);

  if (server->kind == HOLBOO_ICE_SERVER_STUN)
    return g_strdup_printf ("stun://%s:%u", host, server->port);

  scheme = server->kind == HOLBOO_ICE_SERVER_TURNS ? "turns" : "turn";
  user = g_uri_escape_string (server->username ? server->username : "", NULL, FALSE);
  pass = g_uri_escape_string (server->password ? server->password : "", NULL, FALSE);
  if (server->kind == HOLBOO_ICE_SERVER_TURNS)
    return g_strdup_printf ("%s://%s:%s@%s:%u", scheme, user, pass, host, server->port);
  return g_strdup_printf ("%s://%s:%s@%s:%u?transport=%s", scheme, user, pass, host, server->port,
                          server->transport == HOLBOO_ICE_TRANSPORT_TCP ? "tcp" : "udp");
}
