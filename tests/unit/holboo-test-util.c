/* holboo-test-util.c: small helpers shared by the unit tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-test-util"

#include "config.h"

#include "holboo-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>

/* A fresh private directory for one test, so tests can run in parallel. */
char *
holboo_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("holboo-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
holboo_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      /* A test may have made it read-only. */
      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          holboo_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

guint
holboo_test_file_mode (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    g_error ("stat %s: %s", path, g_strerror (errno));
  return st.st_mode & 07777;
}

gboolean
holboo_test_dir_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  g_assert_nonnull (dir);
  return g_dir_read_name (dir) == NULL;
}
