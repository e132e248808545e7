/* holboo-xmpp-resolver.c: where to connect: DNS SRV (RFC 6120, XEP-0368)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * _xmpp-client._tcp (STARTTLS) and _xmpps-client._tcp (direct TLS) are
 * looked up together and merged by priority, direct TLS first where the
 * priorities tie (it saves a round trip); within one priority GResolver
 * has already ordered the targets by weight.  A target of "." means the
 * service is not offered.  When neither name has records, the domain
 * itself on the default port is tried (RFC 6120 §3.2.2).  Lookups never
 * fail here: a name that does not resolve fails when connecting, with
 * the error the user should see.
 */

#define G_LOG_DOMAIN "holboo-xmpp-resolver"

#include "config.h"

#include "holboo-xmpp-resolver.h"

#include <string.h>

typedef struct {
  char                    *domain;
  HolbooXmppTransportKind  kind;
  GList                   *starttls;
  GList                   *direct_tls;
  guint                    pending;
} ResolveData;

HolbooXmppEndpoint *
holboo_xmpp_endpoint_new_tcp (HolbooXmppTransportKind  kind,
                              const char              *host,
                              guint16                  port)
{
  HolbooXmppEndpoint *endpoint = g_new0 (HolbooXmppEndpoint, 1);

  endpoint->kind = kind;
  endpoint->host = g_strdup (host);
  endpoint->port = port;
  return endpoint;
}

HolbooXmppEndpoint *
holboo_xmpp_endpoint_new_websocket (const char *url)
{
  HolbooXmppEndpoint *endpoint = g_new0 (HolbooXmppEndpoint, 1);

  endpoint->kind = HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET;
  endpoint->url = g_strdup (url);
  return endpoint;
}

void
holboo_xmpp_endpoint_free (HolbooXmppEndpoint *endpoint)
{
  if (endpoint == NULL)
    return;

  g_free (endpoint->host);
  g_free (endpoint->url);
  g_free (endpoint);
}

static gboolean
is_no_service (GList *targets)
{
  return targets != NULL && targets->next == NULL &&
         strcmp (g_srv_target_get_hostname (targets->data), ".") == 0;
}

static void
add_target (GPtrArray               *endpoints,
            HolbooXmppTransportKind  kind,
            GSrvTarget              *target)
{
  const char *host = g_srv_target_get_hostname (target);
  g_autofree char *bare = NULL;

  if (host == NULL || *host == '\0' || strcmp (host, ".") == 0)
    return;

  /* GResolver gives names as published, maybe with the root dot. */
  bare = g_str_has_suffix (host, ".") ? g_strndup (host, strlen (host) - 1) : g_strdup (host);
  g_ptr_array_add (endpoints, holboo_xmpp_endpoint_new_tcp (kind, bare, g_srv_target_get_port (target)));
}

/**
 * holboo_xmpp_endpoints_from_srv:
 * @domain: the XMPP domain
 * @kind: AUTO (both services), STARTTLS or DIRECT_TLS
 * @starttls_targets: (element-type GSrvTarget) (nullable): the sorted
 *   records of _xmpp-client._tcp
 * @direct_tls_targets: (element-type GSrvTarget) (nullable): the sorted
 *   records of _xmpps-client._tcp
 *
 * Returns: (transfer container) (element-type HolbooXmppEndpoint): the
 *   endpoints to try in order; never empty
 */
GPtrArray *
holboo_xmpp_endpoints_from_srv (const char              *domain,
                                HolbooXmppTransportKind  kind,
                                GList                   *starttls_targets,
                                GList                   *direct_tls_targets)
{
  GPtrArray *endpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_endpoint_free);
  gboolean use_starttls = kind != HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS;
  gboolean use_direct = kind != HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS;
  GList *s, *d;

  if (!use_starttls || is_no_service (starttls_targets))
    starttls_targets = NULL;
  if (!use_direct || is_no_service (direct_tls_targets))
    direct_tls_targets = NULL;

  s = starttls_targets;
  d = direct_tls_targets;
  while (s != NULL || d != NULL)
    {
      if (d != NULL &&
          (s == NULL || g_srv_target_get_priority (d->data) <= g_srv_target_get_priority (s->data)))
        {
          add_target (endpoints, HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS, d->data);
          d = d->next;
        }
      else
        {
          add_target (endpoints, HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, s->data);
          s = s->next;
        }
    }

  if (endpoints->len == 0)
    {
      if (use_starttls)
        g_ptr_array_add (endpoints, holboo_xmpp_endpoint_new_tcp (HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, domain,
                                                                  HOLBOO_XMPP_DEFAULT_PORT));
      else
        g_ptr_array_add (endpoints, holboo_xmpp_endpoint_new_tcp (HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS, domain,
                                                                  HOLBOO_XMPP_DEFAULT_DIRECT_TLS_PORT));
    }

  return endpoints;
}

static void
resolve_data_free (ResolveData *data)
{
  g_free (data->domain);
  g_list_free_full (data->starttls, (GDestroyNotify) g_srv_target_free);
  g_list_free_full (data->direct_tls, (GDestroyNotify) g_srv_target_free);
  g_free (data);
}

static void
maybe_finish (GTask *task)
{
  ResolveData *data = g_task_get_task_data (task);

  if (--data->pending > 0)
    return;

  g_task_return_pointer (task,
                         holboo_xmpp_endpoints_from_srv (data->domain, data->kind,
                                                         data->starttls, data->direct_tls),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
on_service (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data,
            gboolean      direct)
{
  g_autoptr(GTask) task = user_data;
  ResolveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GList *targets;

  targets = g_resolver_lookup_service_finish (G_RESOLVER (source), result, &error);
  if (error != NULL)
    g_debug ("No %s SRV records for %s: %s", direct ? "xmpps-client" : "xmpp-client",
             data->domain, error->message);

  if (direct)
    data->direct_tls = targets;
  else
    data->starttls = targets;

  maybe_finish (task);
}

static void
on_starttls_service (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  on_service (source, result, user_data, FALSE);
}

static void
on_direct_tls_service (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  on_service (source, result, user_data, TRUE);
}

/**
 * holboo_xmpp_resolve_async:
 * @resolver: (nullable): the resolver, %NULL for the default one
 * @domain: the XMPP domain
 * @kind: AUTO, STARTTLS or DIRECT_TLS
 *
 * Looks up the SRV records for @domain.
 */
void
holboo_xmpp_resolve_async (GResolver               *resolver,
                           const char              *domain,
                           HolbooXmppTransportKind  kind,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GResolver) default_resolver = NULL;
  GTask *task;
  ResolveData *data;

  g_return_if_fail (domain != NULL);
  g_return_if_fail (kind != HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET);

  if (resolver == NULL)
    resolver = default_resolver = g_resolver_get_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_xmpp_resolve_async);
  data = g_new0 (ResolveData, 1);
  data->domain = g_strdup (domain);
  data->kind = kind;
  data->pending = 1;   /* held until both lookups are started */
  g_task_set_task_data (task, data, (GDestroyNotify) resolve_data_free);

  if (kind != HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS)
    {
      data->pending++;
      g_resolver_lookup_service_async (resolver, "xmpp-client", "tcp", domain, cancellable,
                                       on_starttls_service, g_object_ref (task));
    }
  if (kind != HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS)
    {
      data->pending++;
      g_resolver_lookup_service_async (resolver, "xmpps-client", "tcp", domain, cancellable,
                                       on_direct_tls_service, g_object_ref (task));
    }

  maybe_finish (task);
  g_object_unref (task);
}

/**
 * holboo_xmpp_resolve_finish:
 *
 * Returns: (transfer container) (element-type HolbooXmppEndpoint): the
 *   endpoints to try in order, never empty; %NULL only if cancelled
 */
GPtrArray *
holboo_xmpp_resolve_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
