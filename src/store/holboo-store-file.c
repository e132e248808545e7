/* holboo-store-file.c: the database file is ours alone (mode 0600)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* Tightens a file we own to 0600 if it is looser. */
static gboolean
fix_mode (int          fd,
          const char  *path,
          GError     **error)
{
  struct stat st;
  int saved_errno;

  if (fstat (fd, &st) != 0)
    {
      saved_errno = errno;
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot open the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot open the database “%s”: it is not a regular file"), path);
      return FALSE;
    }
  if ((st.st_mode & 07777) != 0600 && fchmod (fd, 0600) != 0)
    {
      saved_errno = errno;
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot open the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The database holds private messages: it is created 0600 by us, not
 * by SQLite under the process umask, and an existing file (or its WAL
 * and shared-memory files, which SQLite creates with the database's
 * mode) is tightened to 0600. */
gboolean
_holboo_store_prepare_file (const char  *path,
                            GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  int saved_errno;
  gboolean ok;
  int fd;

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_CANNOT_OPEN,
                   _("Cannot open the database “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  ok = fix_mode (fd, path, error);
  close (fd);
  if (!ok)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);

      fd = g_open (side, O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0);
      if (fd < 0)
        continue;  /* absent is fine; SQLite reports real trouble */
      ok = fix_mode (fd, side, error);
      close (fd);
      if (!ok)
        return FALSE;
    }

  return TRUE;
}
