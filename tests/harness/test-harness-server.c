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
  ADD ("/stun", test_stun);
  ADD ("/facts", test_facts);
  ADD ("/restart", test_restart);
  ADD ("/stop", test_stop);
#undef ADD

  status = g_test_run ();
  g_clear_object (&server);
  return status;
}
