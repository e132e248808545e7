/* holboo-account-manager-add.c: adding an account — sign in first, save after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of HolbooAccountManager.  The typed password is tried on a
 * connection of its own that never retries; only when that works are the
 * password (Secret Service) and the configuration (accounts.ini) saved
 * and the account opened.  A failure returns the connection's error as
 * it was, for the UI to name.
 */

#define G_LOG_DOMAIN "holboo-account-manager"

#include "config.h"

#include "holboo-account-manager-private.h"
#include "holboo-account-open.h"

#include <glib/gi18n-lib.h>

typedef struct {
  HolbooAccountConfig  *config;
  char                 *password;
  HolbooXmppConnection *trial;
} AddData;

static void
add_data_free (AddData *data)
{
  if (data->trial != NULL)
    holboo_xmpp_connection_disconnect (data->trial);
  g_clear_object (&data->trial);
  g_clear_object (&data->config);
  g_free (data->password);
  g_free (data);
}

static void
on_add_connected (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccount *account = HOLBOO_ACCOUNT (source);
  GError *error = NULL;

  /* Signed in once already: a failure now is the network's, and the
   * account stays, retrying, with its state showing why. */
  if (!holboo_account_connect_finish (account, result, &error))
    {
      g_message ("%s: %s", holboo_account_get_jid (account), error->message);
      g_clear_error (&error);
    }
  g_task_return_pointer (task, g_object_ref (account), g_object_unref);
}

static void
on_add_opened (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountManager *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  g_autoptr(HolbooAccount) account = NULL;
  GError *error = NULL;
  GCancellable *cancellable;

  account = holboo_account_open_finish (result, &error);
  g_hash_table_remove (self->opening, holboo_account_config_get_jid (data->config));
  if (account == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  _holboo_account_manager_adopt (self, account);
  cancellable = g_task_get_cancellable (task);
  holboo_account_connect_async (account, cancellable, on_add_connected,
                                g_steal_pointer (&task));
}

static void
on_add_saved (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountManager *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GCancellable *cancellable;

  if (!holboo_account_registry_save_finish (self->registry, result, &error))
    {
      holboo_account_registry_remove (self->registry, holboo_account_config_get_jid (data->config));
      g_task_return_error (task, error);
      return;
    }

  g_hash_table_add (self->opening, g_strdup (holboo_account_config_get_jid (data->config)));
  cancellable = g_task_get_cancellable (task);
  holboo_account_open_async (self->registry, data->config, data->password,
                             cancellable, on_add_opened, g_steal_pointer (&task));
}

static void
on_add_password_stored (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountManager *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GCancellable *cancellable;

  if (!holboo_account_config_store_password_finish (data->config, result, &error) ||
      !holboo_account_registry_add (self->registry, data->config, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  holboo_account_registry_save_async (self->registry, cancellable,
                                      on_add_saved, g_steal_pointer (&task));
}

static void
on_add_signed_in (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GCancellable *cancellable;

  if (!holboo_xmpp_connection_connect_finish (data->trial, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_debug ("%s signed in: saving the account", holboo_account_config_get_jid (data->config));
  holboo_xmpp_connection_disconnect (data->trial);
  cancellable = g_task_get_cancellable (task);
  holboo_account_config_store_password_async (data->config, data->password,
                                              cancellable,
                                              on_add_password_stored, g_steal_pointer (&task));
}

/**
 * holboo_account_manager_add_async:
 * @config: the new account; not yet in the registry
 * @password: its password
 *
 * Signs in once with @password on a connection that does not retry.  If
 * that works, the password goes to the Secret Service, @config to the
 * registry (saved), and the account is opened, added to the model and
 * connected.  If not, nothing is saved and the connection's error is
 * returned as it was (a %HOLBOO_XMPP_ERROR, with the certificate for
 * %HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED: pin its fingerprint in
 * @config's settings and add again to trust it).
 */
void
holboo_account_manager_add_async (HolbooAccountManager *self,
                                  HolbooAccountConfig  *config,
                                  const char           *password,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HolbooXmppSettings) settings = NULL;
  const char *jid;
  AddData *data;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (config));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_manager_add_async);

  jid = holboo_account_config_get_jid (config);
  if (holboo_account_registry_lookup (self->registry, jid) != NULL ||
      g_hash_table_contains (self->opening, jid))
    {
      g_task_return_new_error (task, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_DUPLICATE,
                               _("The account %s is already set up"), jid);
      return;
    }

  data = g_new0 (AddData, 1);
  data->config = g_object_ref (config);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  settings = holboo_account_config_to_xmpp_settings (config, password);
  holboo_xmpp_settings_set_auto_reconnect (settings, FALSE);
  data->trial = holboo_xmpp_connection_new (settings);
  holboo_xmpp_connection_connect_async (data->trial, cancellable, on_add_signed_in,
                                        g_steal_pointer (&task));
}

/**
 * holboo_account_manager_add_finish:
 *
 * Returns: (transfer full): the new account, in the model; connected
 *   unless the network failed between the sign-in and now
 */
HolbooAccount *
holboo_account_manager_add_finish (HolbooAccountManager  *self,
                                   GAsyncResult          *result,
                                   GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}


/* ---- a new password for an account ---- */

typedef struct {
  HolbooAccountConfig *config;
  char                *password;
} PasswordData;

static void
password_data_free (PasswordData *data)
{
  g_clear_object (&data->config);
  g_free (data->password);
  g_free (data);
}

static void
on_new_password_stored (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PasswordData *data = g_task_get_task_data (task);
  GError *error = NULL;

  /* Signed in either way; without a Secret Service it lasts this
   * session only, and the caller is told why. */
  if (!holboo_account_config_store_password_finish (data->config, result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_new_password_connected (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PasswordData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GCancellable *cancellable;

  if (!holboo_account_connect_finish (HOLBOO_ACCOUNT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  holboo_account_config_store_password_async (data->config, data->password, cancellable,
                                              on_new_password_stored, g_steal_pointer (&task));
}

static void
on_new_password_opened (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountManager *self = g_task_get_source_object (task);
  PasswordData *data = g_task_get_task_data (task);
  g_autoptr(HolbooAccount) account = NULL;
  const char *jid = holboo_account_config_get_jid (data->config);
  GError *error = NULL;
  GCancellable *cancellable;

  account = holboo_account_open_finish (result, &error);
  g_hash_table_remove (self->opening, jid);
  if (account == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_hash_table_remove (self->open_errors, jid);
  _holboo_account_manager_adopt (self, account);
  cancellable = g_task_get_cancellable (task);
  holboo_account_connect_async (account, cancellable, on_new_password_connected, g_steal_pointer (&task));
}

/**
 * holboo_account_manager_set_password_async:
 * @jid: the account's address
 * @password: the password to sign in with from now on
 *
 * Signs in with @password (opening the account first if it could not be
 * opened, e.g. for want of a saved password) and, once that worked,
 * saves it in the Secret Service.  Fails with the connection's error if
 * the server refuses it (nothing is saved), or with the Secret Service's
 * if it cannot be saved (the account stays signed in for this session).
 */
void
holboo_account_manager_set_password_async (HolbooAccountManager *self,
                                           const char           *jid,
                                           const char           *password,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  HolbooAccountConfig *config;
  HolbooAccount *account;
  PasswordData *data;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (jid != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_manager_set_password_async);

  config = holboo_account_registry_lookup (self->registry, jid);
  if (config == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no account %s"), jid);
      return;
    }

  data = g_new0 (PasswordData, 1);
  data->config = g_object_ref (config);
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) password_data_free);

  account = holboo_account_manager_lookup (self, jid);
  if (account != NULL)
    {
      holboo_xmpp_settings_set_password (holboo_xmpp_connection_get_settings (holboo_account_get_connection (account)),
                                         password);
      holboo_account_connect_async (account, cancellable, on_new_password_connected, g_steal_pointer (&task));
      return;
    }

  jid = holboo_account_config_get_jid (config);
  if (g_hash_table_contains (self->opening, jid))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The account %s is being opened"), jid);
      return;
    }
  g_hash_table_add (self->opening, g_strdup (jid));
  holboo_account_open_async (self->registry, config, password, cancellable,
                             on_new_password_opened, g_steal_pointer (&task));
}

gboolean
holboo_account_manager_set_password_finish (HolbooAccountManager  *self,
                                            GAsyncResult          *result,
                                            GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
