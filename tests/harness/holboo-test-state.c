/* holboo-test-state.c — the state directory: creating it, and the state file
 * that lets a demo directory be reused (kind, secrets, last ports)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-test-server"

#include "config.h"

#include "holboo-test-server-private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#define STATE_FILE "harness.ini"

/* A new temporary directory when state_dir is NULL, else state_dir,
 * created if needed. */
char *
_holboo_test_state_dir_prepare (const char  *state_dir,
                                GError     **error)
{
  g_autofree char *path = NULL;

  if (state_dir == NULL)
    {
      path = g_dir_make_tmp ("holboo-test-server-XXXXXX", error);
      if (path == NULL)
        return NULL;
    }
  else
    {
      path = g_strdup (state_dir);
      if (g_mkdir_with_parents (path, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Cannot create the state directory %s: %s",
                       path, g_strerror (saved_errno));
          return NULL;
        }
    }

  /* The path goes unquoted-safe only into Lua, YAML and shell files. */
  if (strpbrk (path, "\"'\\$`\n ") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   "The state directory %s holds a quote, space, '$' or '\\';"
                   " choose a plainer path", path);
      if (state_dir == NULL)
        g_rmdir (path);
      return NULL;
    }

  return g_steal_pointer (&path);
}

GKeyFile *
_holboo_test_state_load (const char  *state_dir,
                         const char  *kind,
                         GError     **error)
{
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autofree char *path = g_build_filename (state_dir, STATE_FILE, NULL);
  g_autofree char *recorded = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&state);
  if (!g_key_file_load_from_file (state, path, G_KEY_FILE_NONE, error))
    return NULL;

  recorded = g_key_file_get_string (state, "harness", "kind", NULL);
  if (recorded != NULL && g_strcmp0 (recorded, kind) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "The state directory %s holds a %s server, not %s",
                   state_dir, recorded, kind);
      return NULL;
    }

  return g_steal_pointer (&state);
}

/* The recorded secret, or a new one. */
char *
_holboo_test_state_secret (GKeyFile   *state,
                           const char *key)
{
  g_autofree char *value = g_key_file_get_string (state, "harness", key, NULL);

  if (value == NULL || value[0] == '\0' || strspn (value, "0123456789abcdef") != strlen (value))
    return _holboo_test_random_secret ();
  return g_steal_pointer (&value);
}

gboolean
_holboo_test_state_save (GKeyFile        *state,
                         const char      *state_dir,
                         const char      *kind,
                         const char      *turn_secret,
                         const char      *erlang_cookie,
                         const guint16   *ports,
                         const gboolean  *used,
                         GError         **error)
{
  g_autofree char *path = g_build_filename (state_dir, STATE_FILE, NULL);

  g_key_file_set_string (state, "harness", "kind", kind);
  g_key_file_set_string (state, "harness", "turn-secret", turn_secret);
  if (erlang_cookie != NULL)
    g_key_file_set_string (state, "harness", "erlang-cookie", erlang_cookie);
  for (guint i = 0; i < HOLBOO_TEST_N_PORTS; i++)
    if (used[i])
      g_key_file_set_integer (state, "ports", holboo_test_server_get_port_name (i), ports[i]);

  return g_key_file_save_to_file (state, path, error);
}

/* Every program a start needs, looked for before anything is written, so
 * a missing package is the first thing said. */
gboolean
_holboo_test_check_programs (HolbooTestServerKind   kind,
                             GError               **error)
{
  g_autofree char *openssl = NULL;
  g_autofree char *server = NULL;
  g_autofree char *ctl = NULL;
  g_autofree char *turnserver = NULL;

  if (kind == HOLBOO_TEST_SERVER_KIND_PROSODY)
    {
      server = _holboo_test_find_program ("HOLBOO_PROSODY", "prosody", "prosody", error);
      if (server != NULL)
        ctl = _holboo_test_find_program ("HOLBOO_PROSODYCTL", "prosodyctl", "prosody", error);
    }
  else
    {
      server = _holboo_test_find_program ("HOLBOO_EJABBERDCTL", "ejabberdctl", "ejabberd", error);
      ctl = g_strdup (server);
    }

  if (ctl != NULL)
    turnserver = _holboo_test_find_program ("HOLBOO_TURNSERVER", "turnserver", "coturn", error);
  if (turnserver != NULL)
    openssl = _holboo_test_find_program ("HOLBOO_OPENSSL", "openssl", "openssl", error);

  return openssl != NULL;
}
