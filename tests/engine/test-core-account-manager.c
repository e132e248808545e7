/* test-core-account-manager.c: HolbooAccountManager against a real server
 * and a real Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One Prosody or ejabberd (by argument: both are registered) and one
 * gnome-keyring-daemon on a private bus for the whole program; each case
 * has its own data directory.  Adding signs in first: a wrong password, a refused
 * connection, an unknown host and an untrusted certificate each come back
 * as their own HOLBOO_XMPP_ERROR within 10 s and leave nothing saved.  A
 * trusted certificate is pinned and a second manager connects without
 * asking; enabling, disabling and removing (keeping or deleting the
 * messages) do what they say on disk and in the keyring; a new password
 * is saved only once the server took it.  Without a
 * Secret Service an account cannot be opened, and says why.
 */

#define G_LOG_DOMAIN "test-core-account-manager"

#include "config.h"

#include "holboo-account-manager.h"
#include "holboo-test-util.h"
#include "keyring-test-util.h"
#include "xmpp-live-util.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>

static TestKeyring *keyring;

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

static char *
jid_of (const char *user)
{
  return g_strdup_printf ("%s@%s", user, holboo_test_server_get_domain (live.server));
}

/* A new account for @user on the live server's STARTTLS port, or @port. */
static HolbooAccountConfig *
config_for (const char *user,
            guint16     port,
            gboolean    with_ca)
{
  g_autofree char *jid = jid_of (user);
  g_autoptr(GError) error = NULL;
  HolbooAccountConfig *config = holboo_account_config_new (jid, &error);
  HolbooXmppSettings *settings;

  g_assert_no_error (error);
  settings = holboo_account_config_get_settings (config);
  holboo_xmpp_settings_set_server (settings, holboo_test_server_get_host (live.server),
                                   port != 0 ? port : holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));
  if (with_ca)
    {
      holboo_xmpp_settings_set_ca_file (settings, live.ca_file, &error);
      g_assert_no_error (error);
    }
  return config;
}

static HolbooAccountManager *
manager_loaded (const char *dir)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HolbooAccountManager *manager = holboo_account_manager_new (dir);

  holboo_account_manager_load_async (manager, NULL, on_done, &result);
  holboo_account_manager_load_finish (manager, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_true (holboo_account_manager_get_loaded (manager));
  return manager;
}

/* Adds and returns the account, or NULL with @error; @elapsed_us how
 * long it took. */
static HolbooAccount *
add (HolbooAccountManager *manager,
     HolbooAccountConfig  *config,
     const char           *password,
     gint64               *elapsed_us,
     GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gint64 start = g_get_monotonic_time ();
  HolbooAccount *account;

  holboo_account_manager_add_async (manager, config, password, NULL, on_done, &result);
  account = holboo_account_manager_add_finish (manager, wait_for (&result), error);
  if (elapsed_us != NULL)
    *elapsed_us = g_get_monotonic_time () - start;
  return account;
}

static char *
lookup_password (HolbooAccountConfig  *config,
                 GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  holboo_account_config_lookup_password_async (config, NULL, on_done, &result);
  return holboo_account_config_lookup_password_finish (config, wait_for (&result), error);
}

static gboolean
account_connected (gpointer data)
{
  return holboo_xmpp_connection_get_state (holboo_account_get_connection (data)) ==
         HOLBOO_XMPP_CONNECTION_STATE_CONNECTED;
}

static gboolean
model_has_one (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 1;
}

/* The first account of a freshly loaded manager, once connected. */
static HolbooAccount *
wait_connected_first (HolbooAccountManager *manager)
{
  g_autoptr(HolbooAccount) account = NULL;

  g_assert_true (live_wait (model_has_one, manager, 20000));
  account = g_list_model_get_item (G_LIST_MODEL (manager), 0);
  g_assert_true (live_wait (account_connected, account, 20000));
  return g_steal_pointer (&account);
}

/* A failed add leaves nothing: no account in the model or the
 * registry, no accounts.ini, no password. */
static void
assert_nothing_saved (HolbooAccountManager *manager,
                      const char           *dir,
                      HolbooAccountConfig  *config)
{
  g_autofree char *ini = g_build_filename (dir, HOLBOO_ACCOUNT_REGISTRY_FILE_NAME, NULL);
  g_autofree char *password = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (holboo_account_manager_get_registry (manager))), ==, 0);
  g_assert_false (g_file_test (ini, G_FILE_TEST_EXISTS));
  password = lookup_password (config, &error);
  g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD);
  g_assert_null (password);
}

static void
test_add_fails (gconstpointer data)
{
  const char *which = data;
  g_autofree char *dir = holboo_test_make_tmp_dir ();
  g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  const char *password = "alice-pass";
  HolbooXmppError expected;
  gint64 elapsed = 0;

  if (g_str_equal (which, "wrong-password"))
    {
      config = config_for ("alice", 0, TRUE);
      password = "not-the-password";
      expected = HOLBOO_XMPP_ERROR_AUTH_FAILED;
    }
  else if (g_str_equal (which, "refused"))
    {
      config = config_for ("alice", live_free_port (), TRUE);
      expected = HOLBOO_XMPP_ERROR_CONNECTION_REFUSED;
    }
  else if (g_str_equal (which, "host-not-found"))
    {
      /* .invalid never resolves (RFC 6761) */
      config = holboo_account_config_new ("alice@nonexistent.invalid", &error);
      g_assert_no_error (error);
      expected = HOLBOO_XMPP_ERROR_HOST_NOT_FOUND;
    }
  else
    {
      config = config_for ("alice", 0, FALSE);
      expected = HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED;
    }

  account = add (manager, config, password, &elapsed, &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, (gint) expected);
  g_assert_null (account);
  g_test_message ("%s after %.2f s: %s", which, elapsed / 1e6, error->message);
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);
  assert_nothing_saved (manager, dir, config);

  if (expected == HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED)
    g_assert_nonnull (holboo_xmpp_error_get_certificate (error, NULL));

  holboo_test_rm_rf (dir);
}

/* Trusting the certificate: pinned, saved, and the next start connects
 * without asking. */
static void
test_untrusted_pinned (void)
{
  g_autofree char *dir = holboo_test_make_tmp_dir ();
  g_autoptr(HolbooAccountConfig) config = config_for ("alice", 0, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  {
    g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);
    g_autoptr(HolbooAccount) account = add (manager, config, "alice-pass", NULL, &error);
    GTlsCertificate *certificate;

    g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED);
    certificate = holboo_xmpp_error_get_certificate (error, NULL);
    fingerprint = holboo_xmpp_certificate_dup_fingerprint (certificate);
    g_assert_nonnull (fingerprint);
    holboo_xmpp_settings_set_pinned_certificate (holboo_account_config_get_settings (config), fingerprint);
    g_clear_error (&error);

    account = add (manager, config, "alice-pass", NULL, &error);
    g_assert_no_error (error);
    g_assert_true (live_wait (account_connected, account, 20000));
    g_assert_true (holboo_account_manager_lookup (manager, holboo_account_config_get_jid (config)) == account);
  }

  {
    g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);
    g_autoptr(HolbooAccount) account = wait_connected_first (manager);
    HolbooAccountConfig *loaded = holboo_account_registry_lookup (holboo_account_manager_get_registry (manager),
                                                                  holboo_account_config_get_jid (config));

    g_assert_nonnull (loaded);
    g_assert_cmpstr (holboo_xmpp_settings_get_pinned_certificate (holboo_account_config_get_settings (loaded)),
                     ==, fingerprint);
    g_assert_null (holboo_account_manager_get_open_error (manager, holboo_account_config_get_jid (config)));
  }

  /* Clean up the keyring for the other cases. */
  {
    g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);
    g_autoptr(GAsyncResult) result = NULL;

    holboo_account_manager_remove_async (manager, holboo_account_config_get_jid (config), TRUE,
                                         NULL, on_done, &result);
    holboo_account_manager_remove_finish (manager, wait_for (&result), &error);
    g_assert_no_error (error);
  }
  holboo_test_rm_rf (dir);
}

static gboolean
model_is_empty (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 0;
}

static void
set_enabled (HolbooAccountManager *manager,
             const char           *jid,
             gboolean              enabled)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_manager_set_enabled_async (manager, jid, enabled, NULL, on_done, &result);
  holboo_account_manager_set_enabled_finish (manager, wait_for (&result), &error);
  g_assert_no_error (error);
}

static void
test_lifecycle (gconstpointer data)
{
  gboolean delete_data = GPOINTER_TO_INT (data);
  g_autofree char *dir = holboo_test_make_tmp_dir ();
  g_autoptr(HolbooAccountConfig) config = config_for ("bob", 0, TRUE);
  const char *jid = holboo_account_config_get_jid (config);
  g_autofree char *store_path = NULL;
  g_autofree char *store_dir = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);
    g_autoptr(HolbooAccount) account = add (manager, config, "bob-pass", NULL, &error);
    g_autofree char *password = NULL;

    g_assert_no_error (error);
    g_assert_true (live_wait (account_connected, account, 20000));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 1);
    store_path = g_strdup (holboo_account_get_store_path (account));
    store_dir = g_path_get_dirname (store_path);
    g_assert_true (g_file_test (store_path, G_FILE_TEST_IS_REGULAR));
    password = lookup_password (config, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (password, ==, "bob-pass");

    /* Adding it twice is refused before anything is tried. */
    {
      g_autoptr(HolbooAccountConfig) again = config_for ("bob", 0, TRUE);
      g_autoptr(HolbooAccount) none = add (manager, again, "bob-pass", NULL, &error);

      g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_DUPLICATE);
      g_assert_null (none);
      g_clear_error (&error);
    }
  }

  /* A second start: the password comes from the keyring. */
  {
    g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);
    g_autoptr(HolbooAccount) account = wait_connected_first (manager);

    /* Off: out of the model, disconnected, and saved so. */
    set_enabled (manager, jid, FALSE);
    g_assert_true (model_is_empty (manager));
    g_assert_cmpint (holboo_xmpp_connection_get_state (holboo_account_get_connection (account)), ==,
                     HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
  }
  {
    g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);
    g_autoptr(HolbooAccount) account = NULL;

    /* Loaded but not opened: an account is opened only when enabled. */
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (holboo_account_manager_get_registry (manager))), ==, 1);
    g_assert_false (holboo_account_config_get_enabled (holboo_account_registry_lookup (holboo_account_manager_get_registry (manager), jid)));
    g_assert_true (model_is_empty (manager));

    /* On again: opened and connected. */
    set_enabled (manager, jid, TRUE);
    account = wait_connected_first (manager);
  }

  /* Removed: gone from the model, the registry, the file and the
   * keyring; the messages kept or deleted as asked. */
  {
    g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);
    g_autoptr(HolbooAccount) account = wait_connected_first (manager);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *password = NULL;

    holboo_account_manager_remove_async (manager, jid, delete_data, NULL, on_done, &result);
    holboo_account_manager_remove_finish (manager, wait_for (&result), &error);
    g_assert_no_error (error);
    g_assert_true (model_is_empty (manager));
    g_assert_cmpint (holboo_xmpp_connection_get_state (holboo_account_get_connection (account)), ==,
                     HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
    password = lookup_password (config, &error);
    g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD);
    g_clear_error (&error);
  }
  g_assert_cmpint (g_file_test (store_dir, G_FILE_TEST_EXISTS), ==, !delete_data);
  {
    g_autoptr(HolbooAccountManager) manager = manager_loaded (dir);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (holboo_account_manager_get_registry (manager))), ==, 0);
  }

  holboo_test_rm_rf (dir);
}

/* A saved password the server no longer takes: the account is offline
 * with AUTH_FAILED; a wrong new one fails the same way and is not saved;
 * the right one connects and is saved. */
static gboolean
auth_failed (gpointer data)
{
  HolbooXmppConnection *connection = holboo_account_get_connection (data);

  return holboo_xmpp_connection_get_state (connection) == HOLBOO_XMPP_CONNECTION_STATE_OFFLINE &&
         g_error_matches (holboo_xmpp_connection_get_last_error (connection),
                          HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_AUTH_FAILED);
}

static gboolean
set_password (HolbooAccountManager  *manager,
              const char            *jid,
              const char            *password,
              GError               **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  holboo_account_manager_set_password_async (manager, jid, password, NULL, on_done, &result);
  return holboo_account_manager_set_password_finish (manager, wait_for (&result), error);
}

static void
test_set_password (void)
{
  g_autofree char *dir = holboo_test_make_tmp_dir ();
  g_autoptr(HolbooAccountConfig) config = config_for ("alice", 0, TRUE);
  const char *jid = holboo_account_config_get_jid (config);
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (dir);
  g_autoptr(HolbooAccountManager) manager = NULL;
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  holboo_account_registry_add (registry, config, &error);
  g_assert_no_error (error);
  holboo_account_registry_save (registry, NULL, &error);
  g_assert_no_error (error);
  holboo_account_config_store_password_async (config, "the-old-password", NULL, on_done, &stored);
  holboo_account_config_store_password_finish (config, wait_for (&stored), &error);
  g_assert_no_error (error);

  manager = manager_loaded (dir);
  g_assert_true (live_wait (model_has_one, manager, 20000));
  account = g_list_model_get_item (G_LIST_MODEL (manager), 0);
  g_assert_true (live_wait (auth_failed, account, 20000));

  g_assert_false (set_password (manager, jid, "still-wrong", &error));
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_AUTH_FAILED);
  g_clear_error (&error);
  password = lookup_password (config, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "the-old-password");
  g_clear_pointer (&password, g_free);

  g_assert_true (set_password (manager, jid, "alice-pass", &error));
  g_assert_no_error (error);
  g_assert_true (account_connected (account));
  password = lookup_password (config, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "alice-pass");

  {
    g_autoptr(GAsyncResult) result = NULL;

    holboo_account_manager_remove_async (manager, jid, TRUE, NULL, on_done, &result);
    holboo_account_manager_remove_finish (manager, wait_for (&result), &error);
    g_assert_no_error (error);
  }
  holboo_test_rm_rf (dir);
}

/* No Secret Service (a bus without one): the account is not opened, the
 * reason is kept and announced, and nothing crashes.  In a subprocess,
 * whose session bus is a fresh one with no keyring on it. */
static void
on_open_failed (HolbooAccountManager *manager,
                const char           *jid,
                const GError         *error,
                gpointer              user_data)
{
  GError **slot = user_data;

  *slot = g_error_copy (error);
}

static gboolean
error_set (gpointer data)
{
  return *(GError **) data != NULL;
}

static void
test_no_secret_service (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = holboo_test_make_tmp_dir ();
      g_autofree char *ini = g_build_filename (dir, HOLBOO_ACCOUNT_REGISTRY_FILE_NAME, NULL);
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_autoptr(HolbooAccountManager) manager = NULL;
      g_autoptr(GError) error = NULL;
      GError *open_error = NULL;

      g_test_dbus_up (bus);
      g_assert_true (g_file_set_contents (ini, "[Holboo]\nformat=1\n\n[Account 1]\njid=carol@localhost\n",
                                          -1, NULL));
      manager = holboo_account_manager_new (dir);
      g_signal_connect (manager, "open-failed", G_CALLBACK (on_open_failed), &open_error);
      {
        g_autoptr(GAsyncResult) result = NULL;

        holboo_account_manager_load_async (manager, NULL, on_done, &result);
        holboo_account_manager_load_finish (manager, wait_for (&result), &error);
        g_assert_no_error (error);
      }
      g_assert_true (live_wait (error_set, &open_error, 20000));
      g_assert_error (open_error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE);
      g_assert_nonnull (holboo_account_manager_get_open_error (manager, "carol@localhost"));
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (manager)), ==, 0);
      g_printerr ("%s\n", open_error->message);
      g_error_free (open_error);
      holboo_test_rm_rf (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*No Secret Service*carol@localhost*");
}

int
main (int   argc,
      char *argv[])
{
  static const char * const accounts[] = { "alice", "bob", NULL };
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/account-manager/no-secret-service", test_no_secret_service);
  if (g_test_subprocess ())
    return g_test_run ();

  live_start (argc, argv, accounts);
  keyring = test_keyring_start ();
  g_assert_nonnull (keyring);

  g_test_add_data_func ("/core/account-manager/add/wrong-password", "wrong-password", test_add_fails);
  g_test_add_data_func ("/core/account-manager/add/refused", "refused", test_add_fails);
  g_test_add_data_func ("/core/account-manager/add/host-not-found", "host-not-found", test_add_fails);
  g_test_add_data_func ("/core/account-manager/add/untrusted", "untrusted", test_add_fails);
  g_test_add_func ("/core/account-manager/untrusted-pinned", test_untrusted_pinned);
  g_test_add_func ("/core/account-manager/set-password", test_set_password);
  g_test_add_data_func ("/core/account-manager/lifecycle/keep-messages", GINT_TO_POINTER (FALSE), test_lifecycle);
  g_test_add_data_func ("/core/account-manager/lifecycle/delete-messages", GINT_TO_POINTER (TRUE), test_lifecycle);

  status = g_test_run ();

  secret_service_disconnect ();
  test_keyring_stop (keyring);
  live_stop ();
  return status;
}
