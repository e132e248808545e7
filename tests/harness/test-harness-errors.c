/* test-harness-errors.c — a harness that cannot start says why, quickly:
 * a missing program names it and its package, a taken port names the port,
 * a server dying during start-up names its log and quotes it, a server that
 * never answers times out. Nothing hangs and nothing is left running.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-harness"

#include "config.h"

#include "holboo-test-server.h"
#include "holboo-test-server-private.h"
#include "test-harness-util.h"

#include <glib/gstdio.h>

#include <signal.h>
#include <stdlib.h>
#include <locale.h>
#include <string.h>

/* Generous for a loaded machine; what matters is that it is bounded. */
#define QUICK_US (10 * G_USEC_PER_SEC)

static GError *
start_with_env (HolbooTestServerKind  kind,
                const char           *variable,
                const char           *value)
{
  g_autoptr(HolbooTestServer) server = holboo_test_server_new (kind, NULL);
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_setenv (variable, value, TRUE);
  g_assert_false (holboo_test_server_start (server, &error));
  g_unsetenv (variable);

  g_assert_nonnull (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK_US);
  g_assert_false (holboo_test_server_get_running (server));
  g_test_message ("%s", error->message);
  return error;
}

static void
assert_names (const GError *error,
              const char   *program,
              const char   *package)
{
  g_autofree char *install = g_strdup_printf ("apt-get install %s", package);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, program));
  g_assert_nonnull (strstr (error->message, install));
}

static void
test_missing_prosody (void)
{
  g_autoptr(GError) error = start_with_env (HOLBOO_TEST_SERVER_KIND_PROSODY,
                                            "HOLBOO_PROSODY", "/nonexistent/prosody");

  assert_names (error, "prosody is not installed", "prosody");
}

static void
test_missing_ejabberd (void)
{
  g_autoptr(GError) error = start_with_env (HOLBOO_TEST_SERVER_KIND_EJABBERD,
                                            "HOLBOO_EJABBERDCTL", "/nonexistent/ejabberdctl");

  assert_names (error, "ejabberdctl is not installed", "ejabberd");
}

static void
test_missing_coturn (void)
{
  g_autoptr(GError) error = start_with_env (HOLBOO_TEST_SERVER_KIND_PROSODY,
                                            "HOLBOO_TURNSERVER", "/nonexistent/turnserver");

  assert_names (error, "turnserver is not installed", "coturn");
}

static void
assert_port_taken (HolbooTestPort port,
                   GSocketType    type)
{
  g_autoptr(HolbooTestServer) server = holboo_test_server_new (HOLBOO_TEST_SERVER_KIND_PROSODY, NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  gint64 start = g_get_monotonic_time ();
  guint16 number;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, type,
                         type == G_SOCKET_TYPE_STREAM ? G_SOCKET_PROTOCOL_TCP : G_SOCKET_PROTOCOL_UDP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  if (type == G_SOCKET_TYPE_STREAM)
    {
      g_socket_listen (socket, &error);
      g_assert_no_error (error);
    }
  local = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  number = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));

  holboo_test_server_set_port (server, port, number);
  g_assert_false (holboo_test_server_start (server, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE);
  g_test_message ("%s", error->message);

  expected = g_strdup_printf ("Port %u (%s,", number, holboo_test_server_get_port_name (port));
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK_US);
}

static void
test_port_taken_c2s (void)
{
  assert_port_taken (HOLBOO_TEST_PORT_C2S, G_SOCKET_TYPE_STREAM);
}

static void
test_port_taken_turn_udp (void)
{
  assert_port_taken (HOLBOO_TEST_PORT_TURN, G_SOCKET_TYPE_DATAGRAM);
}

static char *
write_fake_server (const char *dir,
                   const char *body)
{
  g_autofree char *path = g_build_filename (dir, "fake-prosody", NULL);
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\n%s\n", body);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, script, -1, &error);
  g_assert_no_error (error);
  g_assert_no_errno (g_chmod (path, 0755));
  return g_steal_pointer (&path);
}

/* A server that exits at once: the error names its log and quotes it. */
static void
test_exits_during_startup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("holboo-test-errors-XXXXXX", NULL);
  g_autofree char *fake = write_fake_server (dir, "echo 'fake prosody: the config is broken' >&2\nexit 3");
  g_autoptr(GError) error = start_with_env (HOLBOO_TEST_SERVER_KIND_PROSODY, "HOLBOO_PROSODY", fake);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "prosody exited during start-up"));
  g_assert_nonnull (strstr (error->message, "/prosody.log"));
  g_assert_nonnull (strstr (error->message, "fake prosody: the config is broken"));

  g_assert_no_errno (g_remove (fake));
  g_assert_no_errno (g_rmdir (dir));
}

/* A server that never answers: a timeout error, and it is stopped. */
static void
test_timeout (void)
{
  g_autofree char *dir = g_dir_make_tmp ("holboo-test-errors-XXXXXX", NULL);
  g_autofree char *pid_file = g_build_filename (dir, "pid", NULL);
  g_autofree char *body = g_strdup_printf ("echo $$ > %s\nexec sleep 600", pid_file);
  g_autofree char *fake = write_fake_server (dir, body);
  g_autoptr(HolbooTestServer) server = holboo_test_server_new (HOLBOO_TEST_SERVER_KIND_PROSODY, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *pid_text = NULL;
  g_autofree char *proc_dir = NULL;
  gint64 start = g_get_monotonic_time ();

  holboo_test_server_set_start_timeout (server, 2);
  g_setenv ("HOLBOO_PROSODY", fake, TRUE);
  g_assert_false (holboo_test_server_start (server, &error));
  g_unsetenv ("HOLBOO_PROSODY");

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "prosody did not answer within 2 s"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, QUICK_US);

  /* The fake server was stopped before start() returned. */
  g_assert_true (g_file_get_contents (pid_file, &pid_text, NULL, NULL));
  proc_dir = g_strdup_printf ("/proc/%d", atoi (pid_text));
  if (g_file_test (proc_dir, G_FILE_TEST_EXISTS))
    {
      g_autofree char *status_path = g_build_filename (proc_dir, "status", NULL);
      g_autofree char *status = NULL;

      /* Only a zombie may be left, if our child was not reaped yet. */
      if (g_file_get_contents (status_path, &status, NULL, NULL))
        g_assert_nonnull (strstr (status, "State:\tZ"));
    }

  g_assert_no_errno (g_remove (pid_file));
  g_assert_no_errno (g_remove (fake));
  g_assert_no_errno (g_rmdir (dir));
}

/* Two tools on one state directory: the second one says who holds it,
 * instead of failing later on ports the first one is using. */
static void
test_state_dir_busy (void)
{
  g_autofree char *tool = g_test_build_filename (G_TEST_BUILT, "harness", "holboo-test-server", NULL);
  g_autofree char *dir = g_dir_make_tmp ("holboo-test-busy-XXXXXX", NULL);
  g_autofree char *state_dir = g_build_filename (dir, "state", NULL);
  g_autofree char *info_file = g_build_filename (dir, "info.json", NULL);
  g_autofree char *err_text = NULL;
  g_autofree char *expected_pid = NULL;
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  first = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                            tool, "--state-dir", state_dir, "--info-file", info_file, NULL);
  g_assert_no_error (error);
  while (!g_file_test (info_file, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }

  second = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             tool, "--state-dir", state_dir, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (second, NULL, NULL, NULL, &err_text, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, EXIT_FAILURE);
  expected_pid = g_strdup_printf ("(pid %s)", g_subprocess_get_identifier (first));
  g_assert_nonnull (strstr (err_text, "Another holboo-test-server"));
  g_assert_nonnull (strstr (err_text, expected_pid));
  g_assert_nonnull (strstr (err_text, state_dir));

  g_subprocess_send_signal (first, SIGTERM);
  g_subprocess_wait (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (first));
  g_assert_false (g_file_test (info_file, G_FILE_TEST_EXISTS));
  g_assert_true (_holboo_test_remove_tree (dir, NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/harness/errors/missing-prosody", test_missing_prosody);
  g_test_add_func ("/harness/errors/missing-ejabberd", test_missing_ejabberd);
  g_test_add_func ("/harness/errors/missing-coturn", test_missing_coturn);
  g_test_add_func ("/harness/errors/port-taken-c2s", test_port_taken_c2s);
  g_test_add_func ("/harness/errors/port-taken-turn-udp", test_port_taken_turn_udp);
  g_test_add_func ("/harness/errors/exits-during-startup", test_exits_during_startup);
  g_test_add_func ("/harness/errors/timeout", test_timeout);
  g_test_add_func ("/harness/errors/state-dir-busy", test_state_dir_busy);

  return g_test_run ();
}
