/* test-cli-modes.c: holboo-cli mode show|set from outside, and a running
 * HolbooModeManager (the app's) following what it writes: the settings
 * are a keyfile shared by both processes, as dconf is in a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "holboo-mode-manager.h"

static char *config_dir;

static JsonObject *
run_json (Run        *run,
          const char *first,
          ...)
{
  g_autoptr(GPtrArray) lines = NULL;
  const char *args[8] = { NULL };
  va_list ap;
  guint n = 0;

  va_start (ap, first);
  for (const char *a = first; a != NULL && n < G_N_ELEMENTS (args) - 1; a = va_arg (ap, const char *))
    args[n++] = a;
  va_end (ap);

  run_cli (run, NULL, NULL, "--json", args[0], args[1], args[2], args[3], args[4], args[5], NULL);
  g_test_message ("holboo-cli: %d\n%s%s", run->status, run->out, run->err);
  g_assert_cmpint (run->status, ==, 0);
  lines = json_lines (run->out);
  g_assert_cmpuint (lines->len, ==, 1);
  return json_object_ref (g_ptr_array_index (lines, 0));
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Waits (main loop running) until the in-process manager is in @mode. */
static void
wait_mode (HolbooModeManager *manager,
           HolbooMode         mode)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, on_timeout, &timed_out);

  while (holboo_mode_manager_get_mode (manager) != mode && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("The running manager did not follow holboo-cli to “%s”", holboo_mode_to_string (mode));
  g_source_remove (id);
}

static void
test_mode_cli (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(HolbooModeManager) manager = NULL;
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) object = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(GDateTime) until = NULL;

  /* Office hours every day, 00:00–24:00: work now, whatever the time. */
  g_settings_set_value (settings, "work-hours",
                        g_variant_parse (G_VARIANT_TYPE ("a(yqq)"),
                                         "[(1, 0, 1440), (2, 0, 1440), (3, 0, 1440), (4, 0, 1440), "
                                         "(5, 0, 1440), (6, 0, 1440), (7, 0, 1440)]", NULL, NULL, NULL));
  g_settings_set_value (settings, "work-breaks", g_variant_new_array (G_VARIANT_TYPE ("(yqq)"), NULL, 0));
  g_settings_sync ();
  manager = holboo_mode_manager_new (settings, NULL);
  g_assert_cmpint (holboo_mode_manager_get_mode (manager), ==, HOLBOO_MODE_WORK);

  object = run_json (&run, "mode", "show", NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "mode"), ==, "work");
  g_assert_false (json_object_get_boolean_member (object, "manual"));
  g_assert_cmpstr (json_object_get_string_member (object, "show"), ==, "available");
  g_assert_true (json_object_get_null_member (object, "status"));
  g_assert_cmpstr (json_object_get_string_member (object, "time_zone"), ==, "Asia/Ulaanbaatar");
  g_clear_pointer (&object, json_object_unref);
  run_clear (&run);

  /* Do not disturb for two hours: the CLI says so, the app follows. */
  object = run_json (&run, "mode", "set", "dnd", "--until", "2h", NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "mode"), ==, "dnd");
  g_assert_true (json_object_get_boolean_member (object, "manual"));
  g_assert_cmpstr (json_object_get_string_member (object, "show"), ==, "dnd");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "status"), "Do not disturb — until "));
  until = g_date_time_new_from_iso8601 (json_object_get_string_member (object, "until"), NULL);
  g_assert_nonnull (until);
  g_assert_cmpint (g_date_time_to_unix (until), >=, now + 7200);
  g_assert_cmpint (g_date_time_to_unix (until), <=, now + 7260);
  g_clear_pointer (&object, json_object_unref);
  run_clear (&run);
  wait_mode (manager, HOLBOO_MODE_DND);
  g_assert_cmpint (g_settings_get_int64 (settings, "mode-until"), ==, g_date_time_to_unix (until));

  /* Personal without an end: the hours never change, so for good. */
  object = run_json (&run, "mode", "set", "personal", NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "show"), ==, "xa");
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "Away");
  g_assert_true (json_object_get_null_member (object, "until"));
  g_clear_pointer (&object, json_object_unref);
  run_clear (&run);
  wait_mode (manager, HOLBOO_MODE_PERSONAL);

  /* Back to the work hours. */
  object = run_json (&run, "mode", "set", "auto", NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "mode"), ==, "work");
  g_assert_false (json_object_get_boolean_member (object, "manual"));
  g_clear_pointer (&object, json_object_unref);
  run_clear (&run);
  wait_mode (manager, HOLBOO_MODE_WORK);

  /* Without --json: one line each. */
  run_cli (&run, NULL, NULL, "mode", "show", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Mode: work (work hours)\nPresence: available\n");
  run_clear (&run);

  /* Usage errors exit 2, change nothing and say why in JSON. */
  {
    const char * const bad[][4] = {
      { "mode", "set", "bogus", NULL },
      { "mode", "set", NULL, NULL },
      { "mode", "set", "dnd", "--until=25:00" },
      { "mode", "set", "dnd", "--until=2020-01-01T00:00" },
      { "mode", "set", "auto", "--until=1h" },
      { "mode", "show", "now", NULL },
      { "mode", "set", "dnd", "--for=1h" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GPtrArray) lines = NULL;

        run_cli (&run, NULL, NULL, "--json", bad[i][0], bad[i][1], bad[i][2], bad[i][3], NULL);
        g_test_message ("%s %s: %d %s", bad[i][1], bad[i][2] ? bad[i][2] : "", run.status, run.err);
        g_assert_cmpint (run.status, ==, 2);
        lines = json_lines (run.out);
        g_assert_cmpuint (lines->len, ==, 1);
        g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (lines, 0), "error"), ==, "usage");
        run_clear (&run);
      }
  }
  g_assert_cmpstr (g_settings_get_string (settings, "mode"), ==, "");

  /* --help names the command and its option. */
  run_cli (&run, NULL, NULL, "mode", "set", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--until"));
  run_clear (&run);
  run_cli (&run, NULL, NULL, "--help", NULL);
  g_assert_nonnull (strstr (run.out, "mode set work|personal|dnd|auto"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything reads a setting: a keyfile both processes share. */
  config_dir = g_dir_make_tmp ("holboo-cli-modes-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/mode", test_mode_cli);
  status = g_test_run ();

  remove_tree (config_dir);
  g_free (config_dir);
  return status;
}
