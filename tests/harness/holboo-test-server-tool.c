/* holboo-test-server-tool.c — run the private test server from the command
 * line: the README's demo server, and a developer's.
 *
 *   holboo-test-server [--ejabberd] [--state-dir DIR]
 *                      [--account NAME:PASSWORD ...] [--info-file FILE]
 *
 * Starts Prosody (or ejabberd) and coturn on loopback, writes the
 * connection facts as JSON to FILE, prints them, and runs until SIGINT or
 * SIGTERM, then stops everything. With the same --state-dir the CA,
 * accounts and (when free) ports of the last run are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-test-server-tool"

#include "config.h"

#include "holboo-test-server.h"

#include <glib-unix.h>
#include <json-glib/json-glib.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

typedef struct {
  GMainLoop        *loop;
  HolbooTestServer *server;
  int               exit_status;
} Tool;

static gboolean
on_signal (gpointer user_data)
{
  Tool *tool = user_data;

  g_main_loop_quit (tool->loop);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_check (gpointer user_data)
{
  Tool *tool = user_data;
  g_autoptr(GError) error = NULL;

  if (holboo_test_server_check_running (tool->server, &error))
    return G_SOURCE_CONTINUE;

  g_printerr ("holboo-test-server: %s\n", error->message);
  tool->exit_status = EXIT_FAILURE;
  g_main_loop_quit (tool->loop);
  return G_SOURCE_REMOVE;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static char *
info_json (HolbooTestServer *server)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *websocket = holboo_test_server_dup_websocket_url (server);
  g_autofree char *bosh = holboo_test_server_dup_bosh_url (server);
  g_autofree char *ca_file = holboo_test_server_dup_ca_file (server);
  g_auto(GStrv) logs = holboo_test_server_dup_log_files (server);
  g_auto(GStrv) accounts = holboo_test_server_dup_accounts (server);
  g_autoptr(GArray) pids = holboo_test_server_dup_pids (server);
  const char *domain = holboo_test_server_get_domain (server);
  gboolean ejabberd = holboo_test_server_get_kind (server) == HOLBOO_TEST_SERVER_KIND_EJABBERD;

  json_builder_begin_object (builder);
  add_string (builder, "kind", ejabberd ? "ejabberd" : "prosody");
  add_string (builder, "domain", domain);
  add_string (builder, "host", holboo_test_server_get_host (server));

  json_builder_set_member_name (builder, "ports");
  json_builder_begin_object (builder);
  for (guint i = 0; i < HOLBOO_TEST_N_PORTS; i++)
    if (holboo_test_server_get_port (server, i) != 0)
      add_int (builder, holboo_test_server_get_port_name (i), holboo_test_server_get_port (server, i));
  json_builder_end_object (builder);

  add_string (builder, "websocket_url", websocket);
  add_string (builder, "bosh_url", bosh);
  add_string (builder, "muc_service", holboo_test_server_get_muc_service (server));
  add_string (builder, "upload_service", holboo_test_server_get_upload_service (server));

  json_builder_set_member_name (builder, "turn");
  json_builder_begin_object (builder);
  add_string (builder, "host", holboo_test_server_get_host (server));
  add_int (builder, "port", holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURN));
  add_int (builder, "tls_port", holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURNS));
  add_string (builder, "secret", holboo_test_server_get_turn_secret (server));
  json_builder_end_object (builder);

  add_string (builder, "ca_file", ca_file);
  add_string (builder, "state_dir", holboo_test_server_get_state_dir (server));
  json_builder_set_member_name (builder, "temporary");
  json_builder_add_boolean_value (builder, holboo_test_server_get_temporary (server));

  json_builder_set_member_name (builder, "log_files");
  json_builder_begin_array (builder);
  for (guint i = 0; logs[i] != NULL; i++)
    json_builder_add_string_value (builder, logs[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *jid = g_strdup_printf ("%s@%s", accounts[i], domain);

      json_builder_begin_object (builder);
      add_string (builder, "jid", jid);
      add_string (builder, "username", accounts[i]);
      add_string (builder, "password", holboo_test_server_get_password (server, accounts[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "pids");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pids->len; i++)
    json_builder_add_int_value (builder, g_array_index (pids, GPid, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
print_summary (HolbooTestServer *server)
{
  g_autofree char *websocket = holboo_test_server_dup_websocket_url (server);
  g_autofree char *ca_file = holboo_test_server_dup_ca_file (server);
  g_auto(GStrv) logs = holboo_test_server_dup_log_files (server);
  g_auto(GStrv) accounts = holboo_test_server_dup_accounts (server);
  const char *domain = holboo_test_server_get_domain (server);
  const char *host = holboo_test_server_get_host (server);

  g_print ("%s is running for the domain %s (state: %s)\n",
           holboo_test_server_get_kind (server) == HOLBOO_TEST_SERVER_KIND_EJABBERD
             ? "ejabberd" : "Prosody",
           domain, holboo_test_server_get_state_dir (server));
  g_print ("  XMPP (STARTTLS)   %s:%u\n", host, holboo_test_server_get_port (server, HOLBOO_TEST_PORT_C2S));
  g_print ("  XMPP (direct TLS) %s:%u\n", host, holboo_test_server_get_port (server, HOLBOO_TEST_PORT_DIRECT_TLS));
  g_print ("  WebSocket         %s\n", websocket);
  g_print ("  HTTP / HTTPS      %u / %u\n", holboo_test_server_get_port (server, HOLBOO_TEST_PORT_HTTP),
           holboo_test_server_get_port (server, HOLBOO_TEST_PORT_HTTPS));
  g_print ("  upload service    %s\n", holboo_test_server_get_upload_service (server));
  g_print ("  STUN/TURN         %s:%u (TURNS %u), secret %s\n", host,
           holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURN),
           holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURNS),
           holboo_test_server_get_turn_secret (server));
  g_print ("  CA certificate    %s\n", ca_file);
  for (guint i = 0; accounts[i] != NULL; i++)
    g_print ("  account           %s@%s  password %s\n", accounts[i], domain,
             holboo_test_server_get_password (server, accounts[i]));
  for (guint i = 0; logs[i] != NULL; i++)
    g_print ("  log               %s\n", logs[i]);
  g_print ("Press Ctrl+C to stop.\n");
}

/* A state directory serves one server at a time: a second tool on the same
 * directory would find its ports taken and fail with a confusing log. */
static gboolean
lock_state_dir (const char  *state_dir,
                GError     **error)
{
  g_autofree char *path = g_build_filename (state_dir, "lock", NULL);
  g_autofree char *pid = NULL;
  int fd;

  if (g_mkdir_with_parents (state_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create the state directory %s: %s", state_dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot open %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      g_file_get_contents (path, &pid, NULL, NULL);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   "Another holboo-test-server (pid %s) is using %s: stop it first",
                   pid != NULL && *pid != '\0' ? g_strstrip (pid) : "unknown", state_dir);
      close (fd);
      return FALSE;
    }

  /* The descriptor stays open, and so the lock held, until the tool exits. */
  pid = g_strdup_printf ("%d\n", (int) getpid ());
  if (ftruncate (fd, 0) != 0 || write (fd, pid, strlen (pid)) < 0)
    g_message ("Could not record the pid in %s: %s", path, g_strerror (errno));
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(HolbooTestServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *state_dir = NULL;
  g_autofree char *info_file = NULL;
  g_auto(GStrv) accounts = NULL;
  gboolean ejabberd = FALSE;
  Tool tool = { NULL, NULL, EXIT_SUCCESS };
  const GOptionEntry entries[] = {
    { "ejabberd", 0, 0, G_OPTION_ARG_NONE, &ejabberd, "Run ejabberd instead of Prosody", NULL },
    { "state-dir", 0, 0, G_OPTION_ARG_FILENAME, &state_dir,
      "Keep the server's state in DIR across runs (default: a temporary directory)", "DIR" },
    { "account", 0, 0, G_OPTION_ARG_STRING_ARRAY, &accounts,
      "Create an account (repeatable)", "NAME:PASSWORD" },
    { "info-file", 0, 0, G_OPTION_ARG_FILENAME, &info_file,
      "Write the connection facts as JSON to FILE", "FILE" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— run a private XMPP + TURN server on loopback");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("holboo-test-server: %s\n", error->message);
      return 2;
    }

  if (state_dir != NULL && !lock_state_dir (state_dir, &error))
    {
      g_printerr ("holboo-test-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  server = holboo_test_server_new (ejabberd ? HOLBOO_TEST_SERVER_KIND_EJABBERD
                                            : HOLBOO_TEST_SERVER_KIND_PROSODY,
                                   state_dir);
  for (guint i = 0; accounts != NULL && accounts[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (accounts[i], ":", 2);

      if (g_strv_length (parts) != 2 || parts[0][0] == '\0' || strchr (parts[0], '@') != NULL)
        {
          g_printerr ("holboo-test-server: --account wants NAME:PASSWORD, not “%s”\n", accounts[i]);
          return 2;
        }
      holboo_test_server_add_account (server, parts[0], parts[1], NULL);
    }

  if (!holboo_test_server_start (server, &error))
    {
      g_printerr ("holboo-test-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  if (info_file != NULL)
    {
      g_autofree char *json = info_json (server);

      if (!g_file_set_contents (info_file, json, -1, &error))
        {
          g_printerr ("holboo-test-server: %s\n", error->message);
          holboo_test_server_stop (server, NULL);
          return EXIT_FAILURE;
        }
    }
  print_summary (server);

  loop = g_main_loop_new (NULL, FALSE);
  tool.loop = loop;
  tool.server = server;
  g_unix_signal_add (SIGINT, on_signal, &tool);
  g_unix_signal_add (SIGTERM, on_signal, &tool);
  g_unix_signal_add (SIGHUP, on_signal, &tool);
  g_timeout_add_seconds (1, on_check, &tool);
  g_main_loop_run (loop);

  g_print ("Stopping...\n");
  holboo_test_server_stop (server, NULL);
  if (info_file != NULL)
    remove (info_file);
  return tool.exit_status;
}
