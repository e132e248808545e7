/* test-cli.c: holboo-cli as a script sees it — exit codes, JSON lines,
 * and, against a real server, the connection's errors
 *
 * Run with "unit" for the cases that need no server, or with "prosody"
 * (or "ejabberd") for the cases against a server started by the harness.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "holboo-account-registry.h"
#include "cli-test-util.h"
#include "keyring-test-util.h"
#include "store-message-util.h"
#include "xmpp-live-util.h"


/* ---- no server ---- */

static void
test_usage (void)
{
  g_autofree char *dir = new_data_dir ();

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_true (g_str_has_prefix (run.err, "holboo-cli: "));
    g_assert_nonnull (strstr (run.err, "frobnicate"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "history", "--no-such-option", "bob@example.org", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "wait-message", "--from", "bob@example.org", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "pw", "account", "add", "not an address", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "pw", "account", "add", "alice@example.org", "--transport", "pigeon", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    /* no password from anywhere, and stdin is not a terminal */
    run_cli (&run, dir, NULL, "account", "add", "alice@example.org", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "pw", "account", "add", "alice@example.org", "--port", "5222", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    for (const char *word = "account add\0account list\0account remove\0send JID TEXT\0sync\0"
                            "history JID\0wait-message\0status\0card publish\0card get JID\0card qr\0"
                            "Exit status\0Example\0";
         *word != '\0'; word += strlen (word) + 1)
      g_assert_nonnull (strstr (run.out, word));
  }
  remove_tree (dir);
}

static void
test_no_account (void)
{
  g_autofree char *dir = new_data_dir ();

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "pw", "status", NULL);
    g_assert_cmpint (run.status, ==, 7);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;
    JsonObject *object;

    run_cli (&run, dir, "pw", "--json", "--account", "nobody@example.org", "history",
             "bob@example.org", NULL);
    g_assert_cmpint (run.status, ==, 7);
    g_assert_true (g_str_has_prefix (run.err, "holboo-cli: "));
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    object = g_ptr_array_index (lines, 0);
    g_assert_cmpstr (json_object_get_string_member (object, "error"), ==, "no-such-account");
    g_assert_cmpint (json_object_get_int_member (object, "exit"), ==, 7);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "account", "remove", "nobody@example.org", NULL);
    g_assert_cmpint (run.status, ==, 7);
  }
  remove_tree (dir);
}

static void
test_account_list (void)
{
  g_autofree char *dir = new_data_dir ();
  g_autoptr(GPtrArray) lines = NULL;
  JsonObject *object;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "account", "list", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0 };

    /* No Secret Service here: the account is kept, and the user is told
     * to pass HOLBOO_PASSWORD. */
    run_cli (&run, dir, "pw", "account", "add", "alice@example.org", "--host", "127.0.0.1",
             "--port", "5299", "--transport", "direct-tls", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "HOLBOO_PASSWORD"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "pw", "account", "add", "bob@example.org", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "pw", "account", "add", "Bob@Example.org", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "account", "list", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
  }
  g_assert_cmpuint (lines->len, ==, 2);
  object = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "jid"), ==, "alice@example.org");
  g_assert_cmpstr (json_object_get_string_member (object, "host"), ==, "127.0.0.1");
  g_assert_cmpint (json_object_get_int_member (object, "port"), ==, 5299);
  g_assert_cmpstr (json_object_get_string_member (object, "transport"), ==, "direct-tls");
  object = g_ptr_array_index (lines, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "jid"), ==, "bob@example.org");
  g_assert_cmpstr (json_object_get_string_member (object, "transport"), ==, "auto");

  {
    g_auto(Run) run = { 0 };

    /* never synced: an empty history, not an error */
    run_cli (&run, dir, NULL, "--account", "bob@example.org", "history", "alice@example.org",
             "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0 };

    /* no Secret Service and no HOLBOO_PASSWORD: say where the password
     * should come from, before any network */
    run_cli (&run, dir, NULL, "--account", "alice@example.org", "status", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "HOLBOO_PASSWORD"));
    g_assert_null (strchr (strchr (run.err, '\n') + 1, '\n'));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "account", "remove", "alice@example.org", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) after = NULL;

    run_cli (&run, dir, NULL, "account", "list", NULL);
    after = json_lines (run.out);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (after, 0), "jid"), ==,
                     "bob@example.org");
  }
  remove_tree (dir);
}

static void
test_history (void)
{
  g_autofree char *dir = new_data_dir ();
  g_autoptr(HolbooAccountRegistry) registry = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *bodies[] = { "Сайн байна уу?", "Hello \"quoted\"\nsecond line", "Баяртай" };
  JsonObject *object;

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "pw", "account", "add", ACCOUNT, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  /* what the pipeline would have stored */
  registry = holboo_account_registry_new (dir);
  g_assert_true (holboo_account_registry_load (registry, NULL, &error));
  g_assert_no_error (error);
  path = holboo_account_registry_ensure_store_path (registry,
                                                    holboo_account_registry_lookup (registry, ACCOUNT),
                                                    &error);
  g_assert_no_error (error);
  store = holboo_store_new (path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(HolbooStoredMessage) m = make_message (i == 1 ? HOLBOO_MESSAGE_OUTGOING
                                                              : HOLBOO_MESSAGE_INCOMING,
                                                       PEER, bodies[i], 1700000000000000 + i);
      gint64 id;

      g_assert_cmpint (insert_one (store, m, &id), ==, HOLBOO_INSERT_NEW);
    }
  g_clear_object (&store);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "history", PEER, "--json", "--limit", "2", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
  }
  /* the newest two, oldest first */
  g_assert_cmpuint (lines->len, ==, 2);
  object = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "body"), ==, bodies[1]);
  g_assert_cmpstr (json_object_get_string_member (object, "direction"), ==, "out");
  g_assert_cmpstr (json_object_get_string_member (object, "peer"), ==, PEER);
  object = g_ptr_array_index (lines, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "body"), ==, bodies[2]);
  g_assert_cmpstr (json_object_get_string_member (object, "direction"), ==, "in");
  g_assert_cmpint (json_object_get_int_member (object, "timestamp"), ==, 1700000000000002);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "history", PEER, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, bodies[0]));
    g_assert_nonnull (strstr (run.out, bodies[2]));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "history", "nobody@example.mn", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "history", PEER, "--limit", "0", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  remove_tree (dir);
}

/* ---- against a server ---- */

/* A data dir with @user's account on the live server's c2s port. */
static char *
live_data_dir (const char *user,
               guint16     port)
{
  g_autofree char *jid = g_strdup_printf ("%s@%s", user, holboo_test_server_get_domain (live.server));
  g_autofree char *port_text = g_strdup_printf ("%u", port != 0 ? port :
                                                holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));
  g_auto(Run) run = { 0 };
  char *dir = new_data_dir ();

  run_cli (&run, dir, "unused", "account", "add", jid, "--host",
           holboo_test_server_get_host (live.server), "--port", port_text,
           "--transport", "starttls", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return dir;
}

static void
test_live_status (void)
{
  g_autofree char *dir = live_data_dir ("alice", 0);
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  JsonObject *object;

  run_cli (&run, dir, "alice-pass", "--ca-file", live.ca_file, "status", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = json_lines (run.out);
  g_assert_cmpuint (lines->len, ==, 1);
  object = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "connected");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "bound_jid"), "alice@"));
  remove_tree (dir);
}

static void
test_live_wrong_password (void)
{
  g_autofree char *dir = live_data_dir ("alice", 0);
  g_auto(Run) run = { 0 };

  run_cli (&run, dir, "not-the-password", "--ca-file", live.ca_file, "status", NULL);
  g_assert_cmpint (run.status, ==, 3);
  g_assert_cmpint (run.elapsed_us, <, 10 * G_USEC_PER_SEC);
  g_assert_true (g_str_has_prefix (run.err, "holboo-cli: "));
  remove_tree (dir);
}

static void
test_live_refused (void)
{
  g_autofree char *dir = live_data_dir ("alice", live_free_port ());
  g_auto(Run) run = { 0 };

  run_cli (&run, dir, "alice-pass", "--ca-file", live.ca_file, "status", NULL);
  g_assert_cmpint (run.status, ==, 4);
  g_assert_cmpint (run.elapsed_us, <, 10 * G_USEC_PER_SEC);
  remove_tree (dir);
}

static void
test_live_untrusted (void)
{
  g_autofree char *dir = live_data_dir ("alice", 0);
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) lines = NULL;
  JsonObject *object;

  /* no --ca-file: the harness's CA is not one the system trusts */
  run_cli (&run, dir, "alice-pass", "--json", "status", NULL);
  g_assert_cmpint (run.status, ==, 5);
  g_assert_cmpint (run.elapsed_us, <, 10 * G_USEC_PER_SEC);
  lines = json_lines (run.out);
  g_assert_cmpuint (lines->len, ==, 1);
  object = g_ptr_array_index (lines, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "error"), ==, "certificate-untrusted");
  g_assert_true (json_object_has_member (object, "fingerprint"));
  remove_tree (dir);
}

static void
test_live_host_not_found (void)
{
  g_autofree char *dir = new_data_dir ();

  {
    g_auto(Run) run = { 0 };

    /* .invalid never resolves (RFC 6761) */
    run_cli (&run, dir, "x", "account", "add", "alice@nonexistent.invalid", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "x", "status", NULL);
    g_assert_cmpint (run.status, ==, 4);
    g_assert_cmpint (run.elapsed_us, <, 10 * G_USEC_PER_SEC);
  }
  remove_tree (dir);
}

static void
test_live_websocket (void)
{
  g_autofree char *dir = new_data_dir ();
  g_autofree char *jid = g_strdup_printf ("alice@%s", holboo_test_server_get_domain (live.server));
  g_autofree char *url = holboo_test_server_dup_websocket_url (live.server);

  {
    g_auto(Run) run = { 0 };

    /* --ca-file given to "account add" is remembered with the account */
    run_cli (&run, dir, "x", "--ca-file", live.ca_file, "account", "add", jid, "--transport", "websocket",
             "--websocket-url", url, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, dir, NULL, "account", "list", NULL);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (lines, 0), "transport"), ==, "websocket");
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (lines, 0), "websocket_url"), ==, url);
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (lines, 0), "ca_file"), ==, live.ca_file);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "alice-pass", "status", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  remove_tree (dir);
}

/* alice sends, bob waits for it, and both histories have it. */
static void
test_live_messages (void)
{
  g_autofree char *alice_dir = live_data_dir ("alice", 0);
  g_autofree char *bob_dir = live_data_dir ("bob", 0);
  g_autofree char *alice = g_strdup_printf ("alice@%s", holboo_test_server_get_domain (live.server));
  g_autofree char *bob = g_strdup_printf ("bob@%s", holboo_test_server_get_domain (live.server));
  const char *text = "Сайн уу, Bob — \"quoted\" & <tagged>";
  JsonObject *object;

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, alice_dir, "alice-pass", "--ca-file", live.ca_file, "send", bob, text, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    g_assert_true (json_object_get_boolean_member (g_ptr_array_index (lines, 0), "sent"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, bob_dir, "bob-pass", "--ca-file", live.ca_file, "--json",
             "wait-message", "--from", alice, "--timeout", "20", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    object = g_ptr_array_index (lines, 0);
    g_assert_cmpstr (json_object_get_string_member (object, "body"), ==, text);
    g_assert_cmpstr (json_object_get_string_member (object, "peer"), ==, alice);
    g_assert_cmpstr (json_object_get_string_member (object, "direction"), ==, "in");
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, bob_dir, NULL, "history", alice, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (lines, 0), "body"), ==, text);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, alice_dir, NULL, "history", bob, "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    object = g_ptr_array_index (lines, 0);
    g_assert_cmpstr (json_object_get_string_member (object, "body"), ==, text);
    g_assert_cmpstr (json_object_get_string_member (object, "direction"), ==, "out");
  }
  {
    g_auto(Run) run = { 0 };

    /* nothing new from alice: the one already stored does not count */
    run_cli (&run, bob_dir, "bob-pass", "--ca-file", live.ca_file,
             "wait-message", "--from", alice, "--timeout", "2", NULL);
    g_assert_cmpint (run.status, ==, 6);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, bob_dir, "bob-pass", "--ca-file", live.ca_file, "sync", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    g_assert_true (json_object_get_boolean_member (g_ptr_array_index (lines, 0), "synced"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, alice_dir, "alice-pass", "--ca-file", live.ca_file, "send", "not an address", "x", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  remove_tree (alice_dir);
  remove_tree (bob_dir);
}

static void
test_live_keyring (void)
{
  TestKeyring *keyring = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = new_data_dir ();
  g_autofree char *dir = new_data_dir ();
  g_autofree char *password_file = g_build_filename (home, "password", NULL);
  g_autofree char *jid = g_strdup_printf ("bob@%s", holboo_test_server_get_domain (live.server));
  g_autofree char *port = g_strdup_printf ("%u", holboo_test_server_get_port (live.server,
                                                                             HOLBOO_TEST_PORT_C2S));

  keyring = test_keyring_start ();
  if (keyring == NULL)
    return;
  child_bus_address = g_strdup (test_keyring_get_bus_address (keyring));

  g_file_set_contents (password_file, "bob-pass\n", -1, &error);
  g_assert_no_error (error);
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "account", "add", jid, "--host", holboo_test_server_get_host (live.server),
             "--port", port, "--password-file", password_file, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.err, "HOLBOO_PASSWORD"));
  }
  {
    g_auto(Run) run = { 0 };

    /* the password comes from the keyring now */
    run_cli (&run, dir, NULL, "--ca-file", live.ca_file, "status", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "account", "remove", jid, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    /* added again with a wrong password, which the keyring now keeps */
    run_cli (&run, dir, "x", "account", "add", jid, "--host", holboo_test_server_get_host (live.server),
             "--port", port, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, NULL, "--ca-file", live.ca_file, "status", NULL);
    g_assert_cmpint (run.status, ==, 3);
  }

  g_clear_pointer (&child_bus_address, g_free);
  test_keyring_stop (keyring);
  remove_tree (dir);
  remove_tree (home);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const accounts[] = { "alice", "bob", NULL };
  gboolean live_mode = FALSE;
  int status;

  g_test_init (&argc, &argv, NULL);
  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "prosody") == 0 || g_strcmp0 (argv[i], "ejabberd") == 0)
      live_mode = TRUE;

  if (!live_mode)
    {
      g_test_add_func ("/cli/usage", test_usage);
      g_test_add_func ("/cli/no-account", test_no_account);
      g_test_add_func ("/cli/account-list", test_account_list);
      g_test_add_func ("/cli/history", test_history);
      return g_test_run ();
    }

  live_start (argc, argv, accounts);
  g_test_add_func ("/cli/live/status", test_live_status);
  g_test_add_func ("/cli/live/wrong-password", test_live_wrong_password);
  g_test_add_func ("/cli/live/refused", test_live_refused);
  g_test_add_func ("/cli/live/untrusted-certificate", test_live_untrusted);
  g_test_add_func ("/cli/live/keyring", test_live_keyring);
  g_test_add_func ("/cli/live/host-not-found", test_live_host_not_found);
  g_test_add_func ("/cli/live/websocket", test_live_websocket);
  g_test_add_func ("/cli/live/messages", test_live_messages);
  status = g_test_run ();
  live_stop ();
  return status;
}
