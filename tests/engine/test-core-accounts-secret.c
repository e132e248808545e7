/* test-core-accounts-secret.c: accounts' passwords in a real Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test starts its own session bus (GTestDBus) and a real
 * gnome-keyring-daemon on it (Debian package gnome-keyring), its keyring
 * in a private temporary HOME, unlocked with a password given on stdin:
 * nothing of the user's session is touched, and it works headless and as
 * root.  The cases without a Secret Service run in a subprocess, on a
 * bus that has none (and no service files to start one), or with no
 * session bus at all.
 */

#define G_LOG_DOMAIN "test-core-accounts-secret"

#include "config.h"

#include "holboo-account-config.h"
#include "holboo-test-util.h"
#include "keyring-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <signal.h>
#include <string.h>

static HolbooAccountConfig *
config_new (const char *jid)
{
  g_autoptr(GError) error = NULL;
  HolbooAccountConfig *config = holboo_account_config_new (jid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* One keyring for the whole program, started by the first test that
 * needs it. */
static TestKeyring *keyring;

static gboolean
keyring_ensure (void)
{
  if (keyring == NULL)
    keyring = test_keyring_start ();
  return keyring != NULL;
}

static void
keyring_stop (void)
{
  if (keyring == NULL)
    return;
  secret_service_disconnect ();
  g_clear_pointer (&keyring, test_keyring_stop);
}

static char *
lookup_password (HolbooAccountConfig  *config,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  holboo_account_config_lookup_password_async (config, cancellable, on_done, &result);
  return holboo_account_config_lookup_password_finish (config, wait_for (&result), error);
}

static gboolean
store_password (HolbooAccountConfig  *config,
                const char           *password,
                GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  holboo_account_config_store_password_async (config, password, NULL, on_done, &result);
  return holboo_account_config_store_password_finish (config, wait_for (&result), error);
}

static gboolean
clear_password (HolbooAccountConfig  *config,
                GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  holboo_account_config_clear_password_async (config, NULL, on_done, &result);
  return holboo_account_config_clear_password_finish (config, wait_for (&result), error);
}

static void
test_secret_store_lookup_clear (void)
{
  static const SecretSchema schema = {
    HOLBOO_ACCOUNT_SECRET_SCHEMA, SECRET_SCHEMA_NONE,
    { { "jid", SECRET_SCHEMA_ATTRIBUTE_STRING }, { NULL, 0 } },
  };
  g_autoptr(HolbooAccountConfig) alice = config_new ("alice@example.mn");
  g_autoptr(HolbooAccountConfig) bat = config_new ("бат@жишээ.мн");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  g_autofree char *raw = NULL;

  if (!keyring_ensure ())
    return;

  /* Nothing saved yet. */
  password = lookup_password (alice, NULL, &error);
  g_assert_null (password);
  g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD);
  g_assert_nonnull (strstr (error->message, "alice@example.mn"));
  g_clear_error (&error);

  g_assert_true (store_password (alice, "pä$$ wörd\n'\"", &error));
  g_assert_no_error (error);
  g_assert_true (store_password (bat, "нууц үг", &error));
  g_assert_no_error (error);

  password = lookup_password (alice, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "pä$$ wörd\n'\"");
  g_clear_pointer (&password, g_free);
  password = lookup_password (bat, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "нууц үг");
  g_clear_pointer (&password, g_free);

  /* Stored under the documented schema and attribute, where other
   * tools (secret-tool, Seahorse) find it. */
  raw = secret_password_lookup_sync (&schema, NULL, &error, "jid", "бат@жишээ.мн", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (raw, ==, "нууц үг");

  /* Storing again replaces. */
  g_assert_true (store_password (alice, "", &error));
  g_assert_no_error (error);
  password = lookup_password (alice, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "");
  g_clear_pointer (&password, g_free);

  /* Clearing one leaves the other. */
  g_assert_true (clear_password (alice, &error));
  g_assert_no_error (error);
  g_assert_false (clear_password (alice, &error));
  g_assert_no_error (error);
  password = lookup_password (alice, NULL, &error);
  g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD);
  g_clear_error (&error);
  password = lookup_password (bat, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "нууц үг");
  g_clear_pointer (&password, g_free);

  g_cancellable_cancel (cancelled);
  password = lookup_password (bat, cancelled, &error);
  g_assert_null (password);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Runs in a subprocess, on a bus without a Secret Service (and without
 * activation: GTestDBus knows no service files), then with no bus. */
static void
test_secret_unavailable (gconstpointer data)
{
  gboolean with_bus = GPOINTER_TO_INT (data);

  if (g_test_subprocess ())
    {
      g_autoptr(HolbooAccountConfig) config = config_new ("alice@example.mn");
      GTestDBus *bus = NULL;  /* stopped, never freed: see test_keyring_stop() */
      g_autoptr(GError) error = NULL;
      g_autofree char *password = NULL;
      g_autofree char *empty = NULL;

      if (with_bus)
        {
          bus = g_test_dbus_new (G_TEST_DBUS_NONE);
          g_test_dbus_up (bus);
        }
      else
        {
          /* GIO would also try $XDG_RUNTIME_DIR/bus and X11 autolaunch. */
          empty = holboo_test_make_tmp_dir ();
          g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
          g_unsetenv ("DISPLAY");
          g_setenv ("XDG_RUNTIME_DIR", empty, TRUE);
        }

      password = lookup_password (config, NULL, &error);
      g_assert_null (password);
      g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE);
      g_assert_nonnull (strstr (error->message, "alice@example.mn"));
      if (with_bus)
        g_assert_nonnull (strstr (error->message, "org.freedesktop.secrets"));
      else
        g_assert_nonnull (strstr (error->message, "session bus"));
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);

      g_assert_false (store_password (config, "x", &error));
      g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE);
      g_clear_error (&error);
      g_assert_false (clear_password (config, &error));
      g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE);

      if (bus != NULL)
        g_test_dbus_stop (bus);
      if (empty != NULL)
        holboo_test_rm_rf (empty);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*alice@example.mn*");
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/accounts/secret/store-lookup-clear", test_secret_store_lookup_clear);
  g_test_add_data_func ("/core/accounts/secret/no-service", GINT_TO_POINTER (TRUE),
                        test_secret_unavailable);
  g_test_add_data_func ("/core/accounts/secret/no-bus", GINT_TO_POINTER (FALSE),
                        test_secret_unavailable);

  ret = g_test_run ();
  keyring_stop ();
  return ret;
}
