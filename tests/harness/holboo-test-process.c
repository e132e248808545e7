/* holboo-test-process.c — spawning, reaping and stopping server processes
 *
 * Every server runs in a process group of its own, so stopping it reaches
 * its helpers too (ejabberd's erl_child_setup, …). A reaper — a small sh
 * loop in a session of its own — holds a pipe from this process: when the
 * test process dies in any way (abort, crash, SIGKILL, meson killing the
 * test's process group), the pipe reaches EOF and the reaper stops the
 * groups that are still listed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-test-server"

#include "config.h"

#include "holboo-test-server-private.h"

#include <gio/gunixoutputstream.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define POLL_INTERVAL_US (20 * 1000)
#define KILL_TIMEOUT_MS  3000
#define LOG_TAIL_BYTES   (64 * 1024)
#define REAPER_TIMEOUT_MS 8000
#define LOG_TAIL_LINES   12

struct _HolbooTestReaper {
  GSubprocess *process;
  int          fd;  /* write end of the reaper's stdin; close-on-exec */
};

static void
reaper_child_setup (gpointer user_data)
{
  /* Own session: a signal to the test's process group does not reach it. */
  setsid ();
}

typedef struct {
  int reaper_fd;  /* the reaper's pipe */
  int pid_fd;     /* tells the parent the pid, even if the child dies at once */
} ChildSetup;

static gboolean
write_all (int         fd,
           const void *data,
           size_t      len)
{
  size_t done = 0;

  while (done < len)
    {
      ssize_t r = write (fd, (const char *) data + done, len - done);

      if (r < 0 && errno == EINTR)
        continue;
      if (r <= 0)
        return FALSE;
      done += (size_t) r;
    }

  return TRUE;
}

static void
server_child_setup (gpointer user_data)
{
  /* Runs in the forked child between fork and exec, so only
   * async-signal-safe calls. The child still holds the pipe here, so the
   * reaper cannot see EOF before it has read this line. */
  const ChildSetup *setup = user_data;
  char line[32];
  char digits[16];
  size_t n_digits = 0;
  size_t len = 0;
  pid_t pid;
  pid_t own_pid;

  setpgid (0, 0);

  own_pid = pid = getpid ();
  do
    {
      digits[n_digits++] = (char) ('0' + pid % 10);
      pid /= 10;
    }
  while (pid > 0);

  line[len++] = '+';
  while (n_digits > 0)
    line[len++] = digits[--n_digits];
  line[len++] = '\n';

  /* Never run a server the reaper does not know. */
  if (!write_all (setup->reaper_fd, line, len))
    _exit (127);
  write_all (setup->pid_fd, &own_pid, sizeof own_pid);
}

static gboolean
reaper_write (HolbooTestReaper *reaper,
              const char       *line)
{
  size_t len = strlen (line);

  /* Writing to a pipe whose reader is gone raises SIGPIPE. */
  if (reaper->fd < 0 || _holboo_test_subprocess_exited (reaper->process))
    return FALSE;

  return write_all (reaper->fd, line, len);
}

HolbooTestReaper *
_holboo_test_reaper_new (const char  *temp_dir,
                         GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GBytes) script = NULL;
  g_autofree char *script_text = NULL;
  HolbooTestReaper *reaper;
  GOutputStream *stdin_pipe;
  const char *identifier;

  script_text = _holboo_test_expand ("reaper.sh", NULL, error);
  if (script_text == NULL)
    return NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_cwd (launcher, "/");
  g_subprocess_launcher_set_child_setup (launcher, reaper_child_setup, NULL, NULL);

  /* Through the environment, so ps shows a short command line. */
  g_subprocess_launcher_setenv (launcher, "HOLBOO_TEST_REAPER_SCRIPT", script_text, TRUE);

  reaper = g_new0 (HolbooTestReaper, 1);
  reaper->fd = -1;
  reaper->process = g_subprocess_launcher_spawn (launcher, error,
                                                 "/bin/sh", "-c", "eval \"$HOLBOO_TEST_REAPER_SCRIPT\"",
                                                 "holboo-test-reaper", NULL);
  if (reaper->process == NULL)
    {
      g_free (reaper);
      return NULL;
    }

  /* It blocks reading its stdin, so it is still there to ask. */
  identifier = g_subprocess_get_identifier (reaper->process);
  if (identifier == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The reaper (/bin/sh) exited at once");
      g_object_unref (reaper->process);
      g_free (reaper);
      return NULL;
    }
  g_object_set_data (G_OBJECT (reaper->process), "holboo-pgid", GINT_TO_POINTER (atoi (identifier)));
  stdin_pipe = g_subprocess_get_stdin_pipe (reaper->process);
  reaper->fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (stdin_pipe));

  if (temp_dir != NULL)
    {
      g_autofree char *line = g_strdup_printf ("d %s\n", temp_dir);

      reaper_write (reaper, line);
    }

  return reaper;
}

GSubprocess *
_holboo_test_reaper_spawn (HolbooTestReaper   *reaper,
                           const char * const *argv,
                           const char         *cwd,
                           const char         *log_path,
                           GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  GSubprocess *process;
  ChildSetup setup;
  int pid_pipe[2];
  pid_t pid = 0;
  ssize_t n;

  if (!g_unix_open_pipe (pid_pipe, FD_CLOEXEC, error))
    return NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_cwd (launcher, cwd);
  /* Keeps Erlang's cookie, Lua's and coturn's files out of the real home. */
  g_subprocess_launcher_setenv (launcher, "HOME", cwd, TRUE);
  g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
  setup.reaper_fd = reaper->fd;
  setup.pid_fd = pid_pipe[1];
  g_subprocess_launcher_set_child_setup (launcher, server_child_setup, &setup, NULL);

  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  close (pid_pipe[1]);

  /* The identifier is gone once the child has exited and been reaped,
   * which a server failing at once can do before we ask. The child wrote
   * its pid before exec, and spawning returns after the exec. */
  do
    n = read (pid_pipe[0], &pid, sizeof pid);
  while (n < 0 && errno == EINTR);
  close (pid_pipe[0]);

  if (process == NULL)
    return NULL;

  g_object_set_data (G_OBJECT (process), "holboo-pgid",
                     GINT_TO_POINTER (n == sizeof pid ? pid : 0));
  return process;
}

void
_holboo_test_reaper_forget (HolbooTestReaper *reaper,
                            GSubprocess      *process)
{
  g_autofree char *line = g_strdup_printf ("-%d\n", _holboo_test_subprocess_pid (process));

  reaper_write (reaper, line);
}

GPid
_holboo_test_reaper_get_pid (HolbooTestReaper *reaper)
{
  return _holboo_test_subprocess_pid (reaper->process);
}

GPid
_holboo_test_subprocess_pid (GSubprocess *process)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (process), "holboo-pgid"));
}

gboolean
_holboo_test_subprocess_exited (GSubprocess *process)
{
  /* GSubprocess reaps its child on the GLib worker thread and then drops
   * the identifier; asking for the status earlier would be a critical. */
  const char *identifier = g_subprocess_get_identifier (process);

  return identifier == NULL;
}

gboolean
_holboo_test_group_alive (GPid pgid)
{
  g_autoptr(GDir) proc = NULL;
  const char *name;

  if (pgid <= 0)
    return FALSE;

  proc = g_dir_open ("/proc", 0, NULL);
  if (proc == NULL)
    return kill (-pgid, 0) == 0;

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stat = NULL;
      const char *after_comm;
      char state;
      int ppid, pgrp;

      if (!g_ascii_isdigit (name[0]))
        continue;

      path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (path, &stat, NULL, NULL))
        continue;

      /* "pid (comm) state ppid pgrp …"; comm may hold spaces and ')'. */
      after_comm = strrchr (stat, ')');
      if (after_comm == NULL ||
          sscanf (after_comm + 1, " %c %d %d", &state, &ppid, &pgrp) != 3)
        continue;

      /* A zombie whose parent died is init's to reap, not ours. */
      if (pgrp == pgid && state != 'Z' && state != 'X')
        return TRUE;
    }

  return FALSE;
}

static gboolean
all_stopped (GSubprocess **processes,
             guint         n_processes)
{
  for (guint i = 0; i < n_processes; i++)
    {
      if (processes[i] == NULL)
        continue;
      if (!_holboo_test_subprocess_exited (processes[i]) ||
          _holboo_test_group_alive (_holboo_test_subprocess_pid (processes[i])))
        return FALSE;
    }

  return TRUE;
}

static void
signal_groups (GSubprocess **processes,
               guint         n_processes,
               int           signum)
{
  for (guint i = 0; i < n_processes; i++)
    {
      GPid pgid;

      if (processes[i] == NULL)
        continue;

      pgid = _holboo_test_subprocess_pid (processes[i]);
      if (pgid > 0)
        kill (-pgid, signum);
    }
}

static gboolean
wait_stopped (GSubprocess **processes,
              guint         n_processes,
              guint         timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!all_stopped (processes, n_processes))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (POLL_INTERVAL_US);
    }

  return TRUE;
}

/* SIGTERM to every group at once (servers shut down in parallel), SIGKILL
 * for what is left after term_timeout_ms. Returns once all are gone or
 * after a bounded wait for the SIGKILL to land. */
void
_holboo_test_stop_groups (GSubprocess **processes,
                          guint         n_processes,
                          guint         term_timeout_ms)
{
  signal_groups (processes, n_processes, SIGTERM);
  if (wait_stopped (processes, n_processes, term_timeout_ms))
    return;

  g_debug ("Process groups still alive after SIGTERM, sending SIGKILL");
  signal_groups (processes, n_processes, SIGKILL);
  if (!wait_stopped (processes, n_processes, KILL_TIMEOUT_MS))
    g_debug ("Process groups still alive after SIGKILL");
}

/* Closes the pipe: the reaper stops whatever is still listed (nothing, after
 * a clean stop) and exits. Waits for it, bounded. */
void
_holboo_test_reaper_free (HolbooTestReaper *reaper)
{
  GOutputStream *stdin_pipe;

  if (reaper == NULL)
    return;

  stdin_pipe = g_subprocess_get_stdin_pipe (reaper->process);
  g_output_stream_close (stdin_pipe, NULL, NULL);
  reaper->fd = -1;

  /* After a clean stop it has nothing to do; otherwise it needs up to 5 s. */
  if (!wait_stopped (&reaper->process, 1, REAPER_TIMEOUT_MS))
    _holboo_test_stop_groups (&reaper->process, 1, KILL_TIMEOUT_MS);
  g_clear_object (&reaper->process);
  g_free (reaper);
}

typedef struct {
  gboolean  done;
  char     *output;
  GError   *error;
} RunData;

static void
on_communicate_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RunData *data = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result,
                                        &data->output, NULL, &data->error);
  data->done = TRUE;
}

static gboolean
on_run_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs a helper command (openssl, prosodyctl, …) to completion, bounded by
 * timeout_s, and fails with its output when it exits non-zero. */
gboolean
_holboo_test_run (const char * const  *argv,
                  const char          *cwd,
                  guint                timeout_s,
                  char               **output,
                  GError             **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GSource) timeout = NULL;
  g_autofree char *command = NULL;
  g_autofree char *text = NULL;
  RunData data = { FALSE, NULL, NULL };
  gboolean timed_out = FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  if (cwd != NULL)
    {
      g_subprocess_launcher_set_cwd (launcher, cwd);
      g_subprocess_launcher_setenv (launcher, "HOME", cwd, TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL)
    return FALSE;

  g_main_context_push_thread_default (context);
  timeout = g_timeout_source_new_seconds (timeout_s);
  g_source_set_callback (timeout, on_run_timeout, &timed_out, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicate_done, &data);

  while (!data.done && !timed_out)
    g_main_context_iteration (context, TRUE);

  if (!data.done)
    {
      g_subprocess_force_exit (process);
      while (!data.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  command = g_path_get_basename (argv[0]);
  text = g_strchomp (data.output != NULL ? data.output : g_strdup (""));

  if (timed_out)
    {
      g_clear_error (&data.error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "%s %s did not finish within %u s", command, argv[1] ? argv[1] : "", timeout_s);
      return FALSE;
    }

  if (data.error != NULL)
    {
      g_propagate_error (error, data.error);
      return FALSE;
    }

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s failed (%s %d): %s", command,
                   g_subprocess_get_if_exited (process) ? "exit status" : "signal",
                   g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process)
                                                        : g_subprocess_get_term_sig (process),
                   text);
      return FALSE;
    }

  if (output != NULL)
    *output = g_steal_pointer (&text);
  return TRUE;
}

/* The last n_lines of a log, indented, for an error message. */
char *
_holboo_test_log_tail (const char *path,
                       guint       n_lines)
{
  g_autoptr(GString) tail = g_string_new (NULL);
  g_autofree char *buffer = NULL;
  g_auto(GStrv) lines = NULL;
  FILE *file;
  long size;
  size_t n_read;
  guint n, first;

  file = fopen (path, "re");
  if (file == NULL)
    return g_strdup ("  (no log was written)");

  fseek (file, 0, SEEK_END);
  size = ftell (file);
  fseek (file, size > LOG_TAIL_BYTES ? size - LOG_TAIL_BYTES : 0, SEEK_SET);
  buffer = g_malloc0 (LOG_TAIL_BYTES + 1);
  n_read = fread (buffer, 1, LOG_TAIL_BYTES, file);
  buffer[n_read] = '\0';
  fclose (file);

  g_strchomp (buffer);
  if (buffer[0] == '\0')
    return g_strdup ("  (the log is empty)");

  lines = g_strsplit (buffer, "\n", -1);
  n = g_strv_length (lines);
  first = n > n_lines ? n - n_lines : 0;
  for (guint i = first; i < n; i++)
    g_string_append_printf (tail, "%s  | %s", i > first ? "\n" : "", lines[i]);

  return g_string_free (g_steal_pointer (&tail), FALSE);
}

/* An error whose message ends with the last lines of each log. */
void
_holboo_test_set_log_error (GError             **error,
                            int                  code,
                            const char * const  *logs,
                            const char          *format,
                            ...)
{
  g_autoptr(GString) message = g_string_new (NULL);
  va_list args;

  va_start (args, format);
  g_string_vprintf (message, format, args);
  va_end (args);

  for (guint i = 0; logs[i] != NULL; i++)
    {
      g_autofree char *tail = _holboo_test_log_tail (logs[i], LOG_TAIL_LINES);

      g_string_append_printf (message, "\nLast lines of %s:\n%s", logs[i], tail);
    }

  g_set_error_literal (error, G_IO_ERROR, code, message->str);
}

char *
_holboo_test_find_program (const char  *env_var,
                           const char  *name,
                           const char  *package,
                           GError     **error)
{
  static const char * const dirs[] = {
    "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin",
  };
  const char *override = env_var != NULL ? g_getenv (env_var) : NULL;
  g_autofree char *found = NULL;

  if (override != NULL && override[0] != '\0')
    {
      if (g_file_test (override, G_FILE_TEST_IS_EXECUTABLE) &&
          !g_file_test (override, G_FILE_TEST_IS_DIR))
        return g_strdup (override);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s is not installed: %s=%s is not an executable file"
                   " — apt-get install %s",
                   name, env_var, override, package);
      return NULL;
    }

  found = g_find_program_in_path (name);
  if (found != NULL)
    return g_steal_pointer (&found);

  /* An ordinary user's PATH often lacks /usr/sbin, where ejabberdctl is. */
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *candidate = g_build_filename (dirs[i], name, NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&candidate);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               "%s is not installed — apt-get install %s", name, package);
  return NULL;
}

/* rm -rf, without following symbolic links. */
gboolean
_holboo_test_remove_tree (const char  *path,
                          GError     **error)
{
  int saved_errno;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!_holboo_test_remove_tree (child, error))
            return FALSE;
        }
      if (g_rmdir (path) == 0)
        return TRUE;
    }
  else if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "Cannot remove %s: %s", path, g_strerror (saved_errno));
  return FALSE;
}
