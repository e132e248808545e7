/* holboo-account-open.c: from a saved account to a HolbooAccount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The steps the app and holboo-cli both take to bring up an account the
 * registry knows: its password from the Secret Service (unless the
 * caller has one), its connection settings, its directory, its store.
 * The directory is made on a worker thread; nothing here blocks the
 * main loop.
 */

#define G_LOG_DOMAIN "holboo-account-open"

#include "config.h"

#include "holboo-account-open.h"

typedef struct {
  HolbooAccountRegistry *registry;
  HolbooAccountConfig   *config;
  HolbooXmppSettings    *settings;
} Opening;

static void
opening_free (Opening *opening)
{
  g_clear_object (&opening->registry);
  g_clear_object (&opening->config);
  g_clear_object (&opening->settings);
  g_free (opening);
}

static void
on_account_created (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  HolbooAccount *account = holboo_account_new_finish (result, &error);

  if (account == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, account, g_object_unref);
}

static void
make_directory (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Opening *opening = task_data;
  GError *error = NULL;
  char *path = holboo_account_registry_ensure_store_path (opening->registry, opening->config, &error);

  if (path == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, path, g_free);
}

static void
on_directory_made (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Opening *opening = g_task_get_task_data (task);
  g_autofree char *store_path = NULL;
  GError *error = NULL;

  store_path = g_task_propagate_pointer (G_TASK (result), &error);
  if (store_path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  holboo_account_new_async (opening->settings, store_path, g_task_get_cancellable (task),
                            on_account_created, g_object_ref (task));
}

static void
open_with_password (GTask      *task,
                    const char *password)
{
  Opening *opening = g_task_get_task_data (task);
  g_autoptr(GTask) mkdir_task = NULL;

  opening->settings = holboo_account_config_to_xmpp_settings (opening->config, password);

  mkdir_task = g_task_new (NULL, g_task_get_cancellable (task), on_directory_made, g_object_ref (task));
  g_task_set_source_tag (mkdir_task, make_directory);
  g_task_set_task_data (mkdir_task, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (mkdir_task, make_directory);
}

static void
on_password_found (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree char *password = NULL;
  GError *error = NULL;

  password = holboo_account_config_lookup_password_finish (HOLBOO_ACCOUNT_CONFIG (source), result, &error);
  if (password == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  open_with_password (task, password);
}

/**
 * holboo_account_open_async:
 * @registry: the registry that holds @config
 * @config: the account
 * @password: (nullable): the password to use; %NULL to look it up in the
 *   Secret Service
 *
 * Opens (creating if needed) the account's store and returns an offline
 * #HolbooAccount with the account's connection settings; call
 * holboo_account_connect_async() on it.
 *
 * Fails with a %HOLBOO_ACCOUNT_CONFIG_ERROR when the password cannot be
 * had, a %G_IO_ERROR when the directory cannot be made, or a
 * %HOLBOO_STORE_ERROR when the store cannot be opened.
 */
void
holboo_account_open_async (HolbooAccountRegistry *registry,
                           HolbooAccountConfig   *config,
                           const char            *password,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Opening *opening;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (registry));
  g_return_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (config));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_open_async);
  opening = g_new0 (Opening, 1);
  opening->registry = g_object_ref (registry);
  opening->config = g_object_ref (config);
  g_task_set_task_data (task, opening, (GDestroyNotify) opening_free);

  if (password != NULL)
    open_with_password (task, password);
  else
    holboo_account_config_lookup_password_async (config, cancellable, on_password_found,
                                                 g_steal_pointer (&task));
}

/**
 * holboo_account_open_finish:
 *
 * Returns: (transfer full) (nullable): the account, or %NULL with @error
 */
HolbooAccount *
holboo_account_open_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == holboo_account_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
