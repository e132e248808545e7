/* test-xmpp-discovery.c: SRV ordering, SRV lookups, host-meta (XEP-0156)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * host-meta is fetched over real HTTPS from an in-process SoupServer
 * with a fixture certificate: neither harness server serves host-meta
 * (Prosody 0.12 needs a community module for it).
 */

#include "config.h"

#include "holboo-xmpp-error.h"
#include "holboo-xmpp-host-meta.h"
#include "holboo-xmpp-resolver.h"

#include <libsoup/soup.h>
#include <string.h>

static GList *
targets (const char *spec)
{
  /* "host:port:priority:weight host:port:…" */
  g_auto(GStrv) items = g_strsplit (spec, " ", -1);
  GList *list = NULL;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (items[i], ":", -1);

      list = g_list_append (list, g_srv_target_new (f[0], atoi (f[1]), atoi (f[2]), atoi (f[3])));
    }

  return list;
}

static char *
describe (GPtrArray *endpoints)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < endpoints->len; i++)
    {
      HolbooXmppEndpoint *e = g_ptr_array_index (endpoints, i);

      g_string_append_printf (out, "%s%s %s:%u", i > 0 ? ", " : "",
                              e->kind == HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS ? "tls" : "starttls",
                              e->host, e->port);
    }

  return g_string_free (out, FALSE);
}

static void
check_order (HolbooXmppTransportKind  kind,
             const char              *starttls,
             const char              *direct,
             const char              *expected)
{
  GList *s = starttls != NULL ? targets (starttls) : NULL;
  GList *d = direct != NULL ? targets (direct) : NULL;
  g_autoptr(GPtrArray) endpoints = holboo_xmpp_endpoints_from_srv ("example.mn", kind, s, d);
  g_autofree char *text = describe (endpoints);

  g_assert_cmpstr (text, ==, expected);
  g_list_free_full (s, (GDestroyNotify) g_srv_target_free);
  g_list_free_full (d, (GDestroyNotify) g_srv_target_free);
}

static void
test_srv_order (void)
{
  /* Merged by priority; direct TLS first on a tie (XEP-0368). */
  check_order (HOLBOO_XMPP_TRANSPORT_KIND_AUTO,
               "a.mn:5222:10:0 b.mn:5222:20:0", "c.mn:5223:10:0 d.mn:443:30:0",
               "tls c.mn:5223, starttls a.mn:5222, starttls b.mn:5222, tls d.mn:443");
  check_order (HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS,
               "a.mn:5222:10:0 b.mn:5222:20:0", "c.mn:5223:10:0",
               "starttls a.mn:5222, starttls b.mn:5222");
  check_order (HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS,
               "a.mn:5222:10:0", "c.mn:5223:10:0 d.mn:443:30:0",
               "tls c.mn:5223, tls d.mn:443");
  /* The root dot of published names goes. */
  check_order (HOLBOO_XMPP_TRANSPORT_KIND_AUTO, "xmpp.example.mn.:5222:0:0", NULL,
               "starttls xmpp.example.mn:5222");
  /* "." means "not offered here". */
  check_order (HOLBOO_XMPP_TRANSPORT_KIND_AUTO, ".:0:0:0", "c.mn:5223:10:0", "tls c.mn:5223");
  /* No records: the domain itself (RFC 6120 §3.2.2). */
  check_order (HOLBOO_XMPP_TRANSPORT_KIND_AUTO, NULL, NULL, "starttls example.mn:5222");
  check_order (HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS, NULL, NULL, "tls example.mn:5223");
}

/* A resolver that knows two SRV names and nothing else. */
typedef struct {
  GResolver parent_instance;
} TestResolver;

typedef struct {
  GResolverClass parent_class;
} TestResolverClass;

static GType test_resolver_get_type (void);
G_DEFINE_TYPE (TestResolver, test_resolver, G_TYPE_RESOLVER)

static void
test_resolver_lookup_service_async (GResolver           *resolver,
                                    const char          *rrname,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  if (strcmp (rrname, "_xmpp-client._tcp.example.mn") == 0)
    g_task_return_pointer (task, targets ("xmpp.example.mn:5222:5:0"), NULL);
  else if (strcmp (rrname, "_xmpps-client._tcp.example.mn") == 0)
    g_task_return_pointer (task, targets ("xmpp.example.mn:443:5:0"), NULL);
  else
    g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "No record for %s", rrname);
}

static GList *
test_resolver_lookup_service_finish (GResolver     *resolver,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_resolver_class_init (TestResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_service_async = test_resolver_lookup_service_async;
  resolver_class->lookup_service_finish = test_resolver_lookup_service_finish;
}

static void
test_resolver_init (TestResolver *self)
{
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_resolve (void)
{
  g_autoptr(GResolver) resolver = g_object_new (test_resolver_get_type (), NULL);
  const char *domains[] = { "example.mn", "nothing.example.mn" };
  const char *expected[] = { "tls xmpp.example.mn:443, starttls xmpp.example.mn:5222",
                             "starttls nothing.example.mn:5222" };

  for (guint i = 0; i < G_N_ELEMENTS (domains); i++)
    {
      GAsyncResult *result = NULL;
      g_autoptr(GPtrArray) endpoints = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      holboo_xmpp_resolve_async (resolver, domains[i], HOLBOO_XMPP_TRANSPORT_KIND_AUTO, NULL,
                                 on_result, &result);
      endpoints = holboo_xmpp_resolve_finish (wait_result (&result), &error);
      g_assert_no_error (error);
      text = describe (endpoints);
      g_assert_cmpstr (text, ==, expected[i]);
      g_object_unref (result);
    }
}

static const char xrd[] =
  "<?xml version='1.0' encoding='utf-8'?>\n"
  "<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>\n"
  "  <Link rel='urn:xmpp:alt-connections:xbosh' href='https://example.mn/http-bind'/>\n"
  "  <Link rel='urn:xmpp:alt-connections:websocket' href='ws://example.mn/insecure'/>\n"
  "  <Link rel='urn:xmpp:alt-connections:websocket' href='wss://example.mn/xmpp-websocket'/>\n"
  "</XRD>\n";

static const char json[] =
  "{\"links\": [{\"rel\": \"urn:xmpp:alt-connections:xbosh\", \"href\": \"https://example.mn/bosh\"},"
  " {\"rel\": \"urn:xmpp:alt-connections:websocket\", \"href\": \"ws://example.mn/ws\"},"
  " {\"rel\": \"urn:xmpp:alt-connections:websocket\", \"href\": \"wss://example.mn/ws\"}]}";

static void
test_host_meta_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *bad_xrd[] = {
    "<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'/>",
    "<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>"
      "<Link rel='urn:xmpp:alt-connections:websocket' href='ws://example.mn/'/></XRD>",
    "<XRD><Link rel='urn:xmpp:alt-connections:websocket' href='wss://example.mn/'/></XRD>",
    "<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>",
    "<!DOCTYPE XRD [<!ENTITY x 'wss://evil/'>]><XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>"
      "<Link rel='urn:xmpp:alt-connections:websocket' href='&x;'/></XRD>",
    "",
  };
  const char *bad_json[] = {
    "{}", "{\"links\": 3}", "[1, 2]", "{\"links\": [{\"rel\": 1, \"href\": \"wss://x/\"}, 7]}", "{", "",
  };

  /* Only wss:// links count: ws:// would send the password in clear. */
  url = holboo_xmpp_host_meta_parse_xrd (xrd, strlen (xrd), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "wss://example.mn/xmpp-websocket");
  g_clear_pointer (&url, g_free);

  url = holboo_xmpp_host_meta_parse_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "wss://example.mn/ws");
  g_clear_pointer (&url, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (bad_xrd); i++)
    {
      url = holboo_xmpp_host_meta_parse_xrd (bad_xrd[i], strlen (bad_xrd[i]), &error);
      g_assert_null (url);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_json); i++)
    {
      url = holboo_xmpp_host_meta_parse_json (bad_json[i], strlen (bad_json[i]), &error);
      g_assert_null (url);
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
}

typedef struct {
  gboolean serve_xrd;
  gboolean serve_json;
  guint    requests;
} HostMetaServer;

static void
on_request (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  HostMetaServer *data = user_data;

  data->requests++;
  if (data->serve_xrd && strcmp (path, "/.well-known/host-meta") == 0)
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/xrd+xml", SOUP_MEMORY_STATIC, xrd, strlen (xrd));
    }
  else if (data->serve_json && strcmp (path, "/.well-known/host-meta.json") == 0)
    {
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, json, strlen (json));
    }
  else
    soup_server_message_set_status (message, 404, NULL);
}

static char *
lookup (const char    *base_url,
        GTlsDatabase  *database,
        GError       **error)
{
  GAsyncResult *result = NULL;
  char *url;

  holboo_xmpp_host_meta_lookup_async (base_url, database, NULL, on_result, &result);
  url = holboo_xmpp_host_meta_lookup_finish (wait_result (&result), error);
  g_object_unref (result);
  return url;
}

static void
test_host_meta_fetch (void)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "engine", "test-xmpp-fixtures", "localhost.pem", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_file (pem, &error);
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(SoupServer) server = NULL;
  HostMetaServer data = { TRUE, TRUE, 0 };
  g_autoslist(GUri) uris = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *url = NULL;

  g_assert_no_error (error);
  database = g_tls_file_database_new (pem, &error);
  g_assert_no_error (error);

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, on_request, &data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base_url = g_strdup_printf ("https://localhost:%d", g_uri_get_port (uris->data));

  /* XRD first. */
  url = lookup (base_url, database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "wss://example.mn/xmpp-websocket");
  g_assert_cmpuint (data.requests, ==, 1);
  g_clear_pointer (&url, g_free);

  /* No XRD: the JSON form. */
  data.serve_xrd = FALSE;
  data.requests = 0;
  url = lookup (base_url, database, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (url, ==, "wss://example.mn/ws");
  g_assert_cmpuint (data.requests, ==, 2);
  g_clear_pointer (&url, g_free);

  /* Neither. */
  data.serve_json = FALSE;
  url = lookup (base_url, database, &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_FAILED);
  g_assert_null (url);
  g_clear_error (&error);

  /* An endpoint learnt from an unverified server is never taken. */
  data.serve_xrd = TRUE;
  url = lookup (base_url, NULL, &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED);
  g_assert_null (url);
  g_clear_error (&error);

  /* Plain HTTP is not even tried. */
  url = lookup ("http://localhost:1", database, &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_INVALID_SETTINGS);
  g_clear_error (&error);

  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/discovery/srv-order", test_srv_order);
  g_test_add_func ("/xmpp/discovery/resolve", test_resolve);
  g_test_add_func ("/xmpp/discovery/host-meta-parse", test_host_meta_parse);
  g_test_add_func ("/xmpp/discovery/host-meta-fetch", test_host_meta_fetch);

  return g_test_run ();
}
