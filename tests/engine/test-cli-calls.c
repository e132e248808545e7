/* test-cli-calls.c: holboo-cli call and answer against the harness's
 * real Prosody and coturn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bob runs `answer`, alice `call`: each sends a tone and must hear the
 * other's, and both print the call's events as JSON lines, end with
 * exit status 0 and agree on the session.  A call nobody answers ends
 * with exit status 6 ("timed out").
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "xmpp-live-util.h"

static const char * const accounts[] = { "alice", "bob", NULL };

static char *
live_data_dir (const char *user)
{
  g_autofree char *jid = g_strdup_printf ("%s@%s", user, holboo_test_server_get_domain (live.server));
  g_autofree char *port = g_strdup_printf ("%u", holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));
  g_auto(Run) run = { 0 };
  char *dir = new_data_dir ();

  run_cli (&run, dir, "unused", "--ca-file", live.ca_file, "account", "add", jid, "--host",
           holboo_test_server_get_host (live.server), "--port", port, "--transport", "starttls", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return dir;
}

/* The events of @lines named @event, in order. */
static GPtrArray *
events (GPtrArray  *lines,
        const char *event)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (json_object_get_string_member (lines->pdata[i], "event"), event) == 0)
      g_ptr_array_add (out, lines->pdata[i]);
  return out;
}

static JsonObject *
last_event (GPtrArray  *lines,
            const char *event)
{
  g_autoptr(GPtrArray) found = events (lines, event);

  g_assert_cmpuint (found->len, >, 0);
  return found->pdata[found->len - 1];
}

static gboolean
has_status (GPtrArray  *lines,
            const char *status)
{
  g_autoptr(GPtrArray) found = events (lines, "status");

  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (json_object_get_string_member (found->pdata[i], "status"), status) == 0)
      return TRUE;
  return FALSE;
}

static void
test_call_answer (void)
{
  g_autofree char *alice_dir = live_data_dir ("alice");
  g_autofree char *bob_dir = live_data_dir ("bob");
  g_autofree char *bob = g_strdup_printf ("bob@%s", holboo_test_server_get_domain (live.server));
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) answer = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ready = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *answer_out = NULL;
  g_autoptr(GPtrArray) alice_lines = NULL;
  g_autoptr(GPtrArray) bob_lines = NULL;
  g_auto(Run) call = { 0 };
  JsonObject *ended, *stats;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOLBOO_PASSWORD", "bob-pass", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "HOLBOO_DATA_DIR");
  answer = g_subprocess_launcher_spawn (launcher, &error, HOLBOO_CLI_PATH, "--data-dir", bob_dir,
                                        "--ca-file", live.ca_file, "answer", "--timeout", "60", "--duration", "30",
                                        "--test-tone", "660", "--expect-tone", "440", NULL);
  g_assert_no_error (error);

  /* bob is online before alice calls: the line "ready" says so. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (answer));
  ready = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ready);
  g_assert_nonnull (strstr (ready, "\"ready\""));

  run_cli (&call, alice_dir, "alice-pass", "--ca-file", live.ca_file, "call", bob, "--timeout", "60", "--duration", "3",
           "--test-tone", "440", "--expect-tone", "660", NULL);
  g_assert_cmpint (call.status, ==, 0);

  /* The rest of bob's output, until it exits (its --timeout bounds it). */
  {
    g_autoptr(GString) all = g_string_new (NULL);
    char *line;

    while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL)
      {
        g_string_append_printf (all, "%s\n", line);
        g_free (line);
      }
    g_assert_no_error (error);
    answer_out = g_string_free (g_steal_pointer (&all), FALSE);
  }
  g_subprocess_wait (answer, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("answer → %d\n%s", g_subprocess_get_exit_status (answer), answer_out);
  g_assert_true (g_subprocess_get_if_exited (answer));
  g_assert_cmpint (g_subprocess_get_exit_status (answer), ==, 0);

  alice_lines = json_lines (call.out);
  bob_lines = json_lines (answer_out);
  g_assert_true (has_status (alice_lines, "outgoing"));
  g_assert_true (has_status (alice_lines, "active"));
  g_assert_true (has_status (bob_lines, "incoming"));
  g_assert_true (has_status (bob_lines, "active"));

  stats = last_event (alice_lines, "stats");
  g_assert_cmpfloat (json_object_get_double_member (stats, "setup_ms"), >, 0);
  g_assert_nonnull (json_object_get_string_member (stats, "local_candidate"));
  g_assert_cmpint (json_object_get_int_member (stats, "packets_received"), >, 0);

  ended = last_event (alice_lines, "ended");
  g_assert_cmpstr (json_object_get_string_member (ended, "reason"), ==, "hung-up");
  g_assert_cmpint (json_object_get_int_member (ended, "tone_windows"), >, 0);
  g_assert_cmpint (json_object_get_int_member (ended, "duration_ms"), >=, 3000);
  ended = last_event (bob_lines, "ended");
  g_assert_cmpstr (json_object_get_string_member (ended, "reason"), ==, "remote-hung-up");
  g_assert_cmpint (json_object_get_int_member (ended, "tone_windows"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (ended, "sid"), ==,
                   json_object_get_string_member (last_event (alice_lines, "ended"), "sid"));

  remove_tree (alice_dir);
  remove_tree (bob_dir);
}

static void
test_call_no_answer (void)
{
  g_autofree char *alice_dir = live_data_dir ("alice");
  g_autofree char *bob = g_strdup_printf ("bob@%s", holboo_test_server_get_domain (live.server));
  g_autoptr(GPtrArray) lines = NULL;
  g_auto(Run) call = { 0 };

  run_cli (&call, alice_dir, "alice-pass", "--ca-file", live.ca_file, "call", bob, "--timeout", "2", NULL);
  g_assert_cmpint (call.status, ==, 6);
  lines = json_lines (call.out);
  g_assert_cmpstr (json_object_get_string_member (last_event (lines, "ended"), "reason"), ==, "no-answer");
  remove_tree (alice_dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/cli/call/answer", test_call_answer);
  g_test_add_func ("/cli/call/no-answer", test_call_no_answer);

  ret = g_test_run ();
  live_stop ();
  return ret;
}
