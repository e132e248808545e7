/* test-harness-death.c — when the process that started the servers dies
 * (SIGKILL, or an assertion abort), the servers stop anyway and the
 * temporary directory goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-harness"

#include "config.h"

#include "holboo-test-server.h"
#include "test-harness-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include <signal.h>
#include <stdlib.h>
#include <locale.h>
#include <string.h>

/* The reaper gives SIGTERM 5 s before SIGKILL; ejabberd needs ~3 s. */
#define GONE_TIMEOUT_MS  20000
#define START_TIMEOUT_US (60 * G_USEC_PER_SEC)

static void
assert_cleaned_up (GArray     *procs,
                   const char *state_dir)
{
  g_autofree char *alive = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) GONE_TIMEOUT_MS * 1000;
  gint64 start = g_get_monotonic_time ();

  if (!harness_wait_processes_gone (procs, GONE_TIMEOUT_MS, &alive))
    g_error ("Still running %u ms after the test process died: %s", GONE_TIMEOUT_MS, alive);

  while (g_file_test (state_dir, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }
  g_test_message ("cleaned up %.2f s after the death", (g_get_monotonic_time () - start) / 1e6);
}

/* The command-line tool starts Prosody and coturn, writes its info file,
 * and is killed with SIGKILL: nothing of it can run any more. */
static void
test_sigkill_tool (void)
{
  g_autofree char *tool = g_test_build_filename (G_TEST_BUILT, "harness", "holboo-test-server", NULL);
  g_autofree char *dir = g_dir_make_tmp ("holboo-test-death-XXXXXX", NULL);
  g_autofree char *info_file = g_build_filename (dir, "info.json", NULL);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) pids = g_array_new (FALSE, FALSE, sizeof (GPid));
  g_autoptr(GArray) procs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + START_TIMEOUT_US;
  JsonObject *info;
  JsonArray *pid_array;
  const char *state_dir;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              tool, "--account", "alice:alice-pass",
                              "--info-file", info_file, NULL);
  g_assert_no_error (error);

  while (!g_file_test (info_file, G_FILE_TEST_EXISTS))
    {
      g_assert_nonnull (g_subprocess_get_identifier (process));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (20 * 1000);
    }

  json_parser_load_from_file (parser, info_file, &error);
  g_assert_no_error (error);
  info = json_node_get_object (json_parser_get_root (parser));
  state_dir = json_object_get_string_member (info, "state_dir");
  pid_array = json_object_get_array_member (info, "pids");
  for (guint i = 0; i < json_array_get_length (pid_array); i++)
    {
      GPid pid = (GPid) json_array_get_int_element (pid_array, i);

      g_array_append_val (pids, pid);
    }
  g_assert_cmpuint (pids->len, ==, 3);
  g_assert_true (g_file_test (state_dir, G_FILE_TEST_IS_DIR));

  procs = harness_snapshot_processes (pids);
  g_assert_cmpuint (procs->len, >=, 3);

  g_subprocess_send_signal (process, SIGKILL);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (process));

  assert_cleaned_up (procs, state_dir);
  g_assert_no_errno (g_remove (info_file));
  g_assert_no_errno (g_rmdir (dir));
}

/* A test that aborts on a failed assertion with a server running. */
static void
test_abort (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *report = NULL;
  g_autofree char *report_text = NULL;
  g_autoptr(GArray) procs = NULL;
  g_auto(GStrv) lines = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(HolbooTestServer) server = holboo_test_server_new (HOLBOO_TEST_SERVER_KIND_PROSODY, NULL);
      g_autoptr(GArray) pids = NULL;
      g_autoptr(GArray) snapshot = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GError) error = NULL;

      holboo_test_server_start (server, &error);
      g_assert_no_error (error);

      /* Tell the parent what ran: "pid start_time" lines, then the dir. */
      pids = holboo_test_server_dup_pids (server);
      snapshot = harness_snapshot_processes (pids);
      for (guint i = 0; i < snapshot->len; i++)
        g_string_append_printf (text, "%d %" G_GUINT64_FORMAT " %s\n",
                                g_array_index (snapshot, HarnessProc, i).pid,
                                g_array_index (snapshot, HarnessProc, i).start_time,
                                g_array_index (snapshot, HarnessProc, i).name);
      g_string_append (text, holboo_test_server_get_state_dir (server));
      g_file_set_contents (g_getenv ("HOLBOO_TEST_DEATH_REPORT"), text->str, -1, &error);
      g_assert_no_error (error);

      g_error ("Dying on purpose with the server running");
    }

  dir = g_dir_make_tmp ("holboo-test-death-XXXXXX", NULL);
  report = g_build_filename (dir, "report", NULL);
  g_setenv ("HOLBOO_TEST_DEATH_REPORT", report, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*Dying on purpose*");

  g_assert_true (g_file_get_contents (report, &report_text, NULL, NULL));
  lines = g_strsplit (report_text, "\n", -1);
  procs = g_array_new (FALSE, TRUE, sizeof (HarnessProc));
  for (guint i = 0; lines[i + 1] != NULL; i++)
    {
      HarnessProc proc = { 0 };
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", 3);

      proc.pid = atoi (fields[0]);
      proc.start_time = g_ascii_strtoull (fields[1], NULL, 10);
      g_strlcpy (proc.name, fields[2] != NULL ? fields[2] : "", sizeof proc.name);
      g_array_append_val (procs, proc);
    }
  g_assert_cmpuint (procs->len, >=, 3);

  assert_cleaned_up (procs, lines[g_strv_length (lines) - 1]);
  g_assert_no_errno (g_remove (report));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/harness/death/sigkill-tool", test_sigkill_tool);
  g_test_add_func ("/harness/death/abort", test_abort);

  return g_test_run ();
}
