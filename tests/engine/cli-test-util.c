/* cli-test-util.c: running holboo-cli from a test and reading its output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* The session bus the children see: none, unless a test starts a keyring. */
char *child_bus_address;

/* Runs holboo-cli with --data-dir @data_dir and the given arguments;
 * HOLBOO_PASSWORD is @password when not %NULL.  No session bus, so no
 * Secret Service is reached, unless child_bus_address is set. */
void
run_cli (Run         *run,
         const char  *data_dir,
         const char  *password,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  gint64 start;
  va_list ap;

  /* HOLBOO_CLI_UNDER_TEST: another binary (or a wrapper: gdb, valgrind) */
  g_ptr_array_add (args, (char *) (g_getenv ("HOLBOO_CLI_UNDER_TEST") != NULL ?
                                   g_getenv ("HOLBOO_CLI_UNDER_TEST") : HOLBOO_CLI_PATH));
  if (data_dir != NULL)
    {
      g_ptr_array_add (args, (char *) "--data-dir");
      g_ptr_array_add (args, (char *) data_dir);
    }
  va_start (ap, password);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  if (child_bus_address != NULL)
    g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", child_bus_address, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "HOLBOO_DATA_DIR");
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "HOLBOO_PASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "HOLBOO_PASSWORD");

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->elapsed_us = g_get_monotonic_time () - start;
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  g_test_message ("holboo-cli %s → %d (signal %d)\nstdout: %s\nstderr: %s",
                  (char *) args->pdata[args->len - 2], run->status,
                  g_subprocess_get_if_signaled (process) ? g_subprocess_get_term_sig (process) : 0,
                  run->out, run->err);
  g_assert_true (g_subprocess_get_if_exited (process));
}

/* Each line of @text parsed as a JSON object. */
GPtrArray *
json_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      if (*lines[i] == '\0')
        continue;
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      g_ptr_array_add (objects, json_object_ref (json_node_get_object (json_parser_get_root (parser))));
    }
  return objects;
}

char *
new_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("holboo-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
remove_tree (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, g_file_info_get_name (info), NULL);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_unlink (child);
      g_object_unref (info);
    }
  g_rmdir (path);
}
