/* holboo-data-dir.c: where Holboo keeps its local data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-data-dir"

#include "config.h"

#include "holboo-data-dir.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

static char *
data_dir_path (void)
{
  const char *env = g_getenv ("HOLBOO_DATA_DIR");

  if (env != NULL && *env != '\0')
    return g_canonicalize_filename (env, NULL);

  return g_build_filename (g_get_user_data_dir (), "holboo", NULL);
}

/* access(2) says yes to root for almost everything, so the only honest
 * test of "can we write here" is to write something. */
static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *probe = g_build_filename (path, ".holboo-write-test-XXXXXX", NULL);
  int saved_errno;
  int fd;

  fd = g_mkstemp_full (probe, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write to the data directory “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  if (g_unlink (probe) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write to the data directory “%s”: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * holboo_data_dir_ensure:
 * @error: return location for a #GError
 *
 * Finds the directory Holboo keeps its local data in — `$HOLBOO_DATA_DIR`
 * when it is set and not empty, else `$XDG_DATA_HOME/holboo` — creates
 * it (mode 0700) with its parents if needed, and checks that it is a
 * directory Holboo can write to.
 *
 * This does a little blocking file-system I/O: call it at start-up or
 * from a worker thread.
 *
 * Returns: (transfer full): the absolute path, or %NULL with @error set
 *   (%G_IO_ERROR, a code from errno) with a message that names the path
 *   and the cause.
 */
char *
holboo_data_dir_ensure (GError **error)
{
  g_autofree char *path = data_dir_path ();
  GStatBuf st;
  int saved_errno;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the data directory “%s”: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }

  if (g_stat (path, &st) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the data directory “%s”: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("Cannot create the data directory “%s”: %s"),
                   path, g_strerror (ENOTDIR));
      return NULL;
    }

  if (!check_writable (path, error))
    return NULL;

  return g_steal_pointer (&path);
}
