/* keyring-test-util.c: a private session bus with gnome-keyring-daemon on
 * it (Debian package gnome-keyring), its login keyring created and
 * unlocked with the password "test", in a home of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "keyring-test-util"

#include "config.h"

#include "keyring-test-util.h"
#include "holboo-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/prctl.h>

struct _TestKeyring
{
  GTestDBus   *bus;
  GSubprocess *daemon;
  char        *home;
};

static void
child_setup (gpointer user_data)
{
  /* The keyring dies with the test, even if the test crashes. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
is_up (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/**
 * test_keyring_start:
 *
 * Starts the bus (it becomes this process's session bus) and the daemon,
 * and waits until the daemon owns org.freedesktop.secrets.
 *
 * Returns: the keyring, or %NULL after marking the test failed
 */
TestKeyring *
test_keyring_start (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *runtime = NULL;
  TestKeyring *self;
  GOutputStream *input;
  gint64 deadline;

  if (daemon == NULL)
    {
      g_test_fail_printf ("gnome-keyring-daemon not found: install the Debian package gnome-keyring");
      return NULL;
    }

  self = g_new0 (TestKeyring, 1);
  self->home = holboo_test_make_tmp_dir ();
  runtime = g_build_filename (self->home, "run", NULL);
  g_assert_cmpint (g_mkdir (runtime, 0700), ==, 0);

  self->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (self->bus);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", self->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", self->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", self->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", self->home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                g_test_dbus_get_bus_address (self->bus), TRUE);
  /* Our fatal warnings are not the daemon's: it warns on replacing an
   * item it still has in its cache. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  self->daemon = g_subprocess_launcher_spawn (launcher, &error, daemon,
                                              "--foreground", "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);

  input = g_subprocess_get_stdin_pipe (self->daemon);
  g_output_stream_write_all (input, "test", 4, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (input, NULL, &error);
  g_assert_no_error (error);

  /* A connection of our own, so the shared session connection is left
   * to whoever uses the keyring. */
  connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (self->bus),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!is_up (connection))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_test_fail_printf ("gnome-keyring-daemon did not appear on the session bus");
          test_keyring_stop (self);
          return NULL;
        }
      g_usleep (20 * 1000);
    }

  return self;
}

const char *
test_keyring_get_bus_address (TestKeyring *self)
{
  return g_test_dbus_get_bus_address (self->bus);
}

void
test_keyring_stop (TestKeyring *self)
{
  if (self == NULL)
    return;

  g_subprocess_send_signal (self->daemon, SIGTERM);
  g_subprocess_wait (self->daemon, NULL, NULL);
  g_clear_object (&self->daemon);
  /* Not _down(), nor the last unref, which calls it: that waits for
   * every reference to the bus connection to go, and libsecret keeps
   * some until the process exits.  The bus object is left to the exit. */
  g_test_dbus_stop (self->bus);
  holboo_test_rm_rf (self->home);
  g_free (self->home);
  g_free (self);
}
