/* test-data-dir.c: holboo_data_dir_ensure()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-data-dir"

#include "config.h"

#include "holboo-data-dir.h"
#include "holboo-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  char *tmp;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tmp = holboo_test_make_tmp_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_unsetenv ("HOLBOO_DATA_DIR");
  holboo_test_rm_rf (f->tmp);
  g_free (f->tmp);
}

static void
test_env_creates_0700 (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *want = g_build_filename (f->tmp, "a", "b", "data", NULL);
  g_autofree char *got = NULL;

  g_setenv ("HOLBOO_DATA_DIR", want, TRUE);
  got = holboo_data_dir_ensure (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, want);
  g_assert_true (g_file_test (got, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (holboo_test_file_mode (got), ==, 0700);
  /* The write probe is gone. */
  g_assert_true (holboo_test_dir_is_empty (got));

  /* A second call on the existing directory succeeds too. */
  g_clear_pointer (&got, g_free);
  got = holboo_data_dir_ensure (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, want);
  g_assert_true (holboo_test_dir_is_empty (got));
}

static void
test_env_relative (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *want = g_build_filename (f->tmp, "rel", NULL);
  g_autofree char *got = NULL;

  g_assert_cmpint (g_chdir (f->tmp), ==, 0);
  g_setenv ("HOLBOO_DATA_DIR", "rel", TRUE);
  got = holboo_data_dir_ensure (&error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_no_error (error);
  g_assert_true (g_path_is_absolute (got));
  g_assert_cmpstr (got, ==, want);
}

static void
test_default_location (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *want = g_build_filename (g_get_user_data_dir (), "holboo", NULL);
  g_autofree char *got = NULL;

  /* Unset and empty both mean "the default". */
  g_unsetenv ("HOLBOO_DATA_DIR");
  got = holboo_data_dir_ensure (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, want);
  g_assert_true (g_file_test (got, G_FILE_TEST_IS_DIR));

  g_clear_pointer (&got, g_free);
  g_setenv ("HOLBOO_DATA_DIR", "", TRUE);
  got = holboo_data_dir_ensure (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, want);
}

static void
test_under_regular_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->tmp, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "data", NULL);
  g_autofree char *got = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_setenv ("HOLBOO_DATA_DIR", path, TRUE);
  got = holboo_data_dir_ensure (&error);
  g_assert_null (got);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOTDIR)));
}

static void
test_is_regular_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->tmp, "plain-file", NULL);
  g_autofree char *got = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  g_setenv ("HOLBOO_DATA_DIR", file, TRUE);
  got = holboo_data_dir_ensure (&error);
  g_assert_null (got);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, file));
}

/* We run as root in CI, where access(2) and permission bits say yes to
 * nearly everything: /proc refuses even root. */
static void
test_cannot_create (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/proc/holboo-test-%d/data", (int) getpid ());
  g_autofree char *got = NULL;

  g_setenv ("HOLBOO_DATA_DIR", path, TRUE);
  got = holboo_data_dir_ensure (&error);
  g_assert_null (got);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_cmpint (error->code, !=, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
}

static void
test_exists_not_writable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;

  /* A directory that exists but that nobody, not even root, can write in. */
  g_setenv ("HOLBOO_DATA_DIR", "/proc/self", TRUE);
  got = holboo_data_dir_ensure (&error);
  g_assert_null (got);
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "/proc/self"));
  g_test_message ("%s", error->message);
}

static void
test_read_only_dir (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->tmp, "ro", NULL);
  g_autofree char *got = NULL;

  g_assert_cmpint (g_mkdir (path, 0500), ==, 0);
  g_setenv ("HOLBOO_DATA_DIR", path, TRUE);
  got = holboo_data_dir_ensure (&error);

  if (geteuid () == 0)
    {
      /* Root writes through mode bits; the probe must still clean up. */
      g_assert_no_error (error);
      g_assert_true (holboo_test_dir_is_empty (path));
    }
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, path));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/data-dir/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("env-creates-0700", test_env_creates_0700);
  ADD ("env-relative", test_env_relative);
  ADD ("default-location", test_default_location);
  ADD ("under-regular-file", test_under_regular_file);
  ADD ("is-regular-file", test_is_regular_file);
  ADD ("cannot-create", test_cannot_create);
  ADD ("exists-not-writable", test_exists_not_writable);
  ADD ("read-only-dir", test_read_only_dir);
#undef ADD

  return g_test_run ();
}
