/* test-harness-server.c — the harness starts a real server that answers over
 * verified TLS, logs accounts in, answers STUN, restarts and stops without
 * leaving a process or a file behind.
 *
 * Built twice: HARNESS_KIND is Prosody (suite 'harness') or ejabberd (suite
 * 'ejabberd'). The cases share one server start, in order, because ejabberd
 * takes seconds to start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-harness"

#include "config.h"

#include "holboo-test-server.h"
#include "test-harness-util.h"

#include <locale.h>
#include <string.h>

#define GONE_TIMEOUT_MS 15000

static HolbooTestServer *server;

static const char *
kind_name (void)
{
  return HARNESS_KIND == HOLBOO_TEST_SERVER_KIND_EJABBERD ? "ejabberd" : "prosody";
}

static void
test_direct_tls (void)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *features = NULL;

  stream = harness_xmpp_connect (server, TRUE, buffer, NULL, &features, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stream);

  g_assert_nonnull (strstr (features, "urn:ietf:params:xml:ns:xmpp-sasl"));
  g_assert_nonnull (strstr (features, "<mechanism>SCRAM-SHA-1</mechanism>"));
  g_assert_null (strstr (features, "<starttls"));
}

static void
test_starttls (void)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *features = NULL;

  stream = harness_xmpp_connect (server, FALSE, buffer, &plain, &features, &error);
  g_assert_no_error (error);
  g_assert_nonnull (stream);

  /* Before TLS: STARTTLS, required, and no way to authenticate. */
  g_assert_nonnull (strstr (plain, "<starttls"));
  g_assert_nonnull (strstr (plain, "<required"));
  g_assert_null (strstr (plain, "<mechanism>"));
  g_assert_nonnull (strstr (features, "<mechanism>SCRAM-SHA-1</mechanism>"));
}

static void
test_accounts (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (harness_login (server, "alice", "alice-pass", &error));
  g_assert_no_error (error);

  g_assert_false (harness_login (server, "bob", "wrong", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);

  /* An account added while the server runs can log in at once. */
  g_assert_true (holboo_test_server_add_account (server, "carol", "carol-pass", &error));
  g_assert_no_error (error);
  g_assert_true (harness_login (server, "carol", "carol-pass", &error));
  g_assert_no_error (error);
}

static char *
attribute (const char *element,
           const char *name)
{
  g_autofree char *key = g_strconcat (" ", name, "=", NULL);
  const char *at = strstr (element, key);
  const char *value, *end;

  if (at == NULL)
    return NULL;
  value = at + strlen (key) + 1;
  end = strchr (value, at[strlen (key)]);
  return end != NULL ? g_strndup (value, end - value) : NULL;
}

/* TURN REST credentials (XEP-0215 as Prosody and ejabberd do it):
 * password = base64 (HMAC-SHA1 (secret, username)), as coturn checks. */
static gboolean
credentials_valid (const char *entry)
{
  g_autofree char *username = attribute (entry, "username");
  g_autofree char *password = attribute (entry, "password");
  g_autofree char *expected = NULL;
  const char *secret = holboo_test_server_get_turn_secret (server);
  guint8 digest[20];
  gsize digest_len = sizeof digest;
  g_autoptr(GHmac) hmac = NULL;

  if (username == NULL || password == NULL)
    return FALSE;

  hmac = g_hmac_new (G_CHECKSUM_SHA1, (const guchar *) secret, strlen (secret));
  g_hmac_update (hmac, (const guchar *) username, -1);
  g_hmac_get_digest (hmac, digest, &digest_len);
  expected = g_base64_encode (digest, digest_len);
  return g_str_equal (password, expected);
}

static gboolean
has_service (const char *services,
             const char *type,
             guint16     port)
{
  g_auto(GStrv) entries = g_strsplit (services, "<service ", -1);

  for (guint i = 1; entries[i] != NULL; i++)
    {
      g_autofree char *entry = g_strconcat (" ", entries[i], NULL);
      g_autofree char *entry_type = attribute (entry, "type");
      g_autofree char *entry_port = attribute (entry, "port");

      if (g_strcmp0 (entry_type, type) != 0 || entry_port == NULL ||
          g_ascii_strtoull (entry_port, NULL, 10) != port)
        continue;

      /* STUN needs no credentials; TURN and TURNS must carry valid ones. */
      if (g_str_equal (type, "stun") || credentials_valid (entry))
        return TRUE;
    }

  return FALSE;
}

static char *
disco_info (GIOStream  *stream,
            GString    *buffer,
            const char *jid)
{
  g_autofree char *iq = g_strdup_printf ("<iq type='get' id='disco-%s' to='%s'>"
                                         "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>",
                                         jid, jid);
  g_autoptr(GError) error = NULL;
  char *reply = harness_xmpp_iq (stream, buffer, iq, &error);

  g_assert_no_error (error);
  return reply;
}

/* What DESIGN.md needs from the server is switched on: stream management,
 * carbons, blocking, ping, MAM, PEP, MUC, HTTP upload, and coturn announced
 * by XEP-0215 with credentials for TURN and TURNS. */
static void
test_configuration (void)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *features = NULL;
  g_autofree char *server_info = NULL;
  g_autofree char *account_info = NULL;
  g_autofree char *muc_info = NULL;
  g_autofree char *upload_info = NULL;
  g_autofree char *services = NULL;
  g_autofree char *both = NULL;
  const char *domain = holboo_test_server_get_domain (server);

  stream = harness_xmpp_session (server, "alice", "alice-pass", buffer, &features, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (features, "urn:xmpp:sm:3"));

  server_info = disco_info (stream, buffer, domain);
  account_info = disco_info (stream, buffer, "alice@localhost");
  both = g_strconcat (server_info, account_info, NULL);
  g_assert_nonnull (strstr (both, "urn:xmpp:carbons:2"));
  g_assert_nonnull (strstr (both, "urn:xmpp:blocking"));
  g_assert_nonnull (strstr (both, "urn:xmpp:ping"));
  g_assert_nonnull (strstr (both, "urn:xmpp:extdisco:2"));
  g_assert_nonnull (strstr (account_info, "urn:xmpp:mam:2"));
  g_assert_nonnull (strstr (account_info, "http://jabber.org/protocol/pubsub#publish"));

  muc_info = disco_info (stream, buffer, holboo_test_server_get_muc_service (server));
  g_assert_nonnull (strstr (muc_info, "http://jabber.org/protocol/muc"));
  upload_info = disco_info (stream, buffer, holboo_test_server_get_upload_service (server));
  g_assert_nonnull (strstr (upload_info, "urn:xmpp:http:upload:0"));

  services = harness_xmpp_iq (stream, buffer,
                              "<iq type='get' id='extdisco' to='localhost'>"
                              "<services xmlns='urn:xmpp:extdisco:2'/></iq>", &error);
  g_assert_no_error (error);
  g_assert_true (has_service (services, "stun",
                              holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURN)));
  g_assert_true (has_service (services, "turn",
                              holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURN)));
  g_assert_true (has_service (services, "turns",
                              holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURNS)));
}

/* The advertised wss:// URL answers the WebSocket upgrade over TLS that
 * verifies against the CA, with SNI "localhost" (notes: Prosody's strict SNI). */
static void
test_websocket (void)
{
  g_autofree char *url = holboo_test_server_dup_websocket_url (server);
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *request = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  const char *protocol;

  g_assert_nonnull (uri);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "wss");
  g_assert_cmpint (g_uri_get_port (uri), ==, holboo_test_server_get_port (server, HOLBOO_TEST_PORT_HTTPS));

  request = g_strdup_printf ("GET %s HTTP/1.1\r\nHost: %s:%d\r\n"
                             "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                             "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: xmpp\r\n\r\n",
                             g_uri_get_path (uri), g_uri_get_host (uri), g_uri_get_port (uri));
  head = harness_https_head (server, request, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (head, "HTTP/1.1 101"));
  protocol = strcasestr (head, "\r\nSec-WebSocket-Protocol:");
  g_assert_nonnull (protocol);
  protocol += strlen ("\r\nSec-WebSocket-Protocol:");
  while (*protocol == ' ')
    protocol++;
  g_assert_true (g_str_has_prefix (protocol, "xmpp"));
  /* RFC 6455's example key has this well-known answer. */
  g_assert_nonnull (strstr (head, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

static void
test_stun (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (harness_stun_binding (holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURN),
                                       5000, &error));
  g_assert_no_error (error);
}

static void
test_facts (void)
{
  g_autofree char *ca_file = holboo_test_server_dup_ca_file (server);
  g_autofree char *websocket = holboo_test_server_dup_websocket_url (server);
  g_auto(GStrv) logs = holboo_test_server_dup_log_files (server);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (holboo_test_server_get_domain (server), ==, "localhost");
  g_assert_true (holboo_test_server_get_temporary (server));
  g_assert_true (g_file_test (holboo_test_server_get_state_dir (server), G_FILE_TEST_IS_DIR));

  database = g_tls_file_database_new (ca_file, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (websocket, "wss://localhost:"));
  g_assert_cmpstr (holboo_test_server_get_upload_service (server), ==, "upload.localhost");
  g_assert_cmpuint (strlen (holboo_test_server_get_turn_secret (server)), >=, 32);

  for (guint i = 0; logs[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (logs[i], holboo_test_server_get_state_dir (server)));
  g_assert_true (g_file_test (logs[0], G_FILE_TEST_EXISTS));

  /* Every port is distinct. */
  for (guint i = 0; i < HOLBOO_TEST_N_PORTS; i++)
    {
      guint16 port = holboo_test_server_get_port (server, i);

      if (port == 0)
        {
          g_assert_true (i == HOLBOO_TEST_PORT_ERLANG_DIST &&
                         HARNESS_KIND == HOLBOO_TEST_SERVER_KIND_PROSODY);
          continue;
        }
      g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (port)));
      g_hash_table_add (seen, GUINT_TO_POINTER (port));
    }
}

/* An outage: nothing answers, then the same server is back on its port. */
static void
test_halt (void)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  guint16 c2s = holboo_test_server_get_port (server, HOLBOO_TEST_PORT_C2S);

  g_assert_true (holboo_test_server_halt (server, &error));
  g_assert_no_error (error);
  g_assert_false (holboo_test_server_get_running (server));
  g_assert_true (g_file_test (holboo_test_server_get_state_dir (server), G_FILE_TEST_IS_DIR));

  g_socket_client_set_enable_proxy (client, FALSE);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", c2s, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_clear_error (&error);

  g_assert_true (holboo_test_server_start (server, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (holboo_test_server_get_port (server, HOLBOO_TEST_PORT_C2S), ==, c2s);
  g_assert_true (harness_login (server, "carol", "carol-pass", &error));
  g_assert_no_error (error);
}

static void
test_restart (void)
{
  g_autoptr(GArray) pids = holboo_test_server_dup_pids (server);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) old_servers = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_autoptr(GError) error = NULL;
  g_autofree char *alive = NULL;
  guint16 c2s = holboo_test_server_get_port (server, HOLBOO_TEST_PORT_C2S);
  gint64 start = g_get_monotonic_time ();

  /* The last pid is the reaper, which stays. */
  g_array_append_vals (old_servers, pids->data, pids->len - 1);
  before = harness_snapshot_processes (old_servers);

  g_assert_true (holboo_test_server_restart (server, &error));
  g_assert_no_error (error);
  g_test_message ("restart took %.2f s", (g_get_monotonic_time () - start) / 1e6);

  g_assert_true (harness_wait_processes_gone (before, 0, &alive));
  g_assert_cmpuint (holboo_test_server_get_port (server, HOLBOO_TEST_PORT_C2S), ==, c2s);

  /* Accounts survive: the state directory is the same. */
  g_assert_true (harness_login (server, "alice", "alice-pass", &error));
  g_assert_no_error (error);
  g_assert_true (harness_login (server, "carol", "carol-pass", &error));
  g_assert_no_error (error);
}

static void
test_stop (void)
{
  g_autoptr(GArray) pids = holboo_test_server_dup_pids (server);
  g_autoptr(GArray) procs = harness_snapshot_processes (pids);
  g_autofree char *state_dir = g_strdup (holboo_test_server_get_state_dir (server));
  g_autofree char *alive = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Server, coturn and the reaper at least. */
  g_assert_cmpuint (procs->len, >=, 3);

  g_assert_true (holboo_test_server_stop (server, &error));
  g_assert_no_error (error);
  g_test_message ("stop took %.2f s", (g_get_monotonic_time () - start) / 1e6);

  if (!harness_wait_processes_gone (procs, 0, &alive))
    g_error ("Still running after stop(): %s", alive);
  g_assert_false (g_file_test (state_dir, G_FILE_TEST_EXISTS));
  g_assert_false (holboo_test_server_get_running (server));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = NULL;
  gint64 start;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  server = holboo_test_server_new (HARNESS_KIND, NULL);
  g_assert_true (holboo_test_server_add_account (server, "alice", "alice-pass", NULL));
  g_assert_true (holboo_test_server_add_account (server, "bob", "bob-pass", NULL));

  start = g_get_monotonic_time ();
  if (!holboo_test_server_start (server, &error))
    g_error ("Cannot start the %s test server: %s", kind_name (), error->message);
  g_test_message ("%s + coturn started in %.2f s", kind_name (),
                  (g_get_monotonic_time () - start) / 1e6);

  prefix = g_strdup_printf ("/harness/%s", kind_name ());
#define ADD(name, func) \
  { g_autofree char *path = g_strconcat (prefix, name, NULL); g_test_add_func (path, func); }
  ADD ("/direct-tls", test_direct_tls);
  ADD ("/starttls", test_starttls);
  ADD ("/accounts", test_accounts);
  ADD ("/configuration", test_configuration);
  ADD ("/websocket", test_websocket);
  ADD ("/stun", test_stun);
  ADD ("/facts", test_facts);
  ADD ("/halt", test_halt);
  ADD ("/restart", test_restart);
  ADD ("/stop", test_stop);
#undef ADD

  status = g_test_run ();
  g_clear_object (&server);
  return status;
}
