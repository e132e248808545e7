/* holboo-call-ice-servers.c: XEP-0215 external services → a call's ICE servers
 *
 * It joins src/xmpp's HolbooXmppExternalService and src/media's
 * HolbooIceServer, which may not know each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-call-ice-servers"

#include "config.h"

#include "holboo-call-ice-servers.h"
#include "holboo-xmpp-external-services.h"

/**
 * holboo_call_ice_servers_from_external:
 * @services: (element-type HolbooXmppExternalService): what
 *   holboo_xmpp_external_services_parse() gave
 * @now_us: the current time, µs since the epoch (g_get_real_time())
 *
 * STUN, TURN and TURNS services become ICE servers, TURN with their
 * credentials.  Left out: STUNS (webrtcbin has no STUN over TLS), TURN
 * without credentials, and services whose credentials have expired.
 * Fetch the services again before they expire.
 *
 * Returns: (transfer container) (element-type HolbooIceServer): the
 *   servers for holboo_call_pipeline_set_ice_servers()
 */
GPtrArray *
holboo_call_ice_servers_from_external (GPtrArray *services,
                                       gint64     now_us)
{
  GPtrArray *servers = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_ice_server_unref);

  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      HolbooXmppExternalService *s = g_ptr_array_index (services, i);
      HolbooIceTransport transport = s->transport == HOLBOO_XMPP_SERVICE_TRANSPORT_TCP
                                     ? HOLBOO_ICE_TRANSPORT_TCP : HOLBOO_ICE_TRANSPORT_UDP;
      HolbooIceServerKind kind;

      switch (s->type)
        {
        case HOLBOO_XMPP_SERVICE_STUN:
          kind = HOLBOO_ICE_SERVER_STUN;
          break;
        case HOLBOO_XMPP_SERVICE_TURN:
          kind = HOLBOO_ICE_SERVER_TURN;
          break;
        case HOLBOO_XMPP_SERVICE_TURNS:
          kind = HOLBOO_ICE_SERVER_TURNS;
          break;
        case HOLBOO_XMPP_SERVICE_STUNS:
        default:
          g_debug ("%s: STUN over TLS is not used", s->host);
          continue;
        }

      if (s->expires != 0 && s->expires <= now_us)
        {
          g_debug ("%s: the credentials have expired", s->host);
          continue;
        }
      if (kind != HOLBOO_ICE_SERVER_STUN && (s->username == NULL || s->password == NULL))
        {
          g_debug ("%s: TURN without credentials", s->host);
          continue;
        }
      g_ptr_array_add (servers, holboo_ice_server_new (kind, s->host, s->port, transport,
                                                       s->username, s->password));
    }
  return servers;
}
