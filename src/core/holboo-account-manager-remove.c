/* holboo-account-manager-remove.c: removing an account, and its messages if asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of HolbooAccountManager.  The account is signed out and taken out
 * of the model and the registry (saved), its password is forgotten, and
 * its directory deleted only when the user asked: the server's archive
 * may have expired, so the local messages can be the only copy.
 */

#define G_LOG_DOMAIN "holboo-account-manager"

#include "config.h"

#include "holboo-account-manager-private.h"
#include "holboo-account-open.h"

#include <glib/gi18n-lib.h>

typedef struct {
  HolbooAccountConfig *config;
  char                *store_dir;
  gboolean             delete_data;
} RemoveData;

static void
remove_data_free (RemoveData *data)
{
  g_clear_object (&data->config);
  g_free (data->store_dir);
  g_free (data);
}

static gboolean
delete_tree (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
  if (children != NULL)
    {
      GFileInfo *info;
      GFile *child;

      while (g_file_enumerator_iterate (children, &info, &child, cancellable, error) && info != NULL)
        {
          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            {
              if (!delete_tree (child, cancellable, error))
                return FALSE;
            }
          else if (!g_file_delete (child, cancellable, &local_error))
            {
              /* The store, closing on its own thread, removed it first. */
              if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              g_clear_error (&local_error);
            }
        }
    }
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  return g_file_delete (file, cancellable, error);
}

static void
delete_store_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  RemoveData *data = task_data;
  g_autoptr(GFile) dir = g_file_new_for_path (data->store_dir);
  g_autoptr(GError) error = NULL;
  gboolean deleted = FALSE;

  /* The account was dropped, but an operation still running may hold it
   * a moment longer, and its store writes its WAL files until it closes:
   * a file that appears while the tree goes is taken on the next round. */
  for (guint round = 0; round < 30 && !deleted; round++)
    {
      g_clear_error (&error);
      deleted = delete_tree (dir, cancellable, &error);
      if (!deleted && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY))
        break;
      if (!deleted)
        g_usleep (100 * 1000);
    }
  if (!deleted)
    {
      g_task_return_new_error (task, error->domain, error->code,
                               _("The account was removed, but its messages in “%s” could not be deleted: %s"),
                               data->store_dir, error->message);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_remove_password_cleared (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RemoveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The account is gone either way; a password left behind (no Secret
   * Service now) is worth a line, not a failure. */
  if (!holboo_account_config_clear_password_finish (data->config, result, &error))
    g_message ("%s", error->message);

  if (data->delete_data)
    g_task_run_in_thread (task, delete_store_thread);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_remove_saved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountManager *self = g_task_get_source_object (task);
  RemoveData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GCancellable *cancellable;

  if (!holboo_account_registry_save_finish (self->registry, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  holboo_account_config_clear_password_async (data->config, cancellable,
                                              on_remove_password_cleared, g_steal_pointer (&task));
}

/**
 * holboo_account_manager_remove_async:
 * @jid: the account's address
 * @delete_data: also delete the messages kept on this computer (else
 *   they stay, and adding the account again brings them back)
 *
 * Disconnects the account, removes it from the model and the registry
 * (saved), and forgets its password.
 */
void
holboo_account_manager_remove_async (HolbooAccountManager *self,
                                     const char           *jid,
                                     gboolean              delete_data,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *store_path = NULL;
  HolbooAccountConfig *config;
  RemoveData *data;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (jid != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_manager_remove_async);

  config = holboo_account_registry_lookup (self->registry, jid);
  if (config == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no account %s"), jid);
      return;
    }

  data = g_new0 (RemoveData, 1);
  data->config = g_object_ref (config);
  data->delete_data = delete_data;
  store_path = holboo_account_registry_dup_store_path (self->registry, config);
  data->store_dir = g_path_get_dirname (store_path);
  g_task_set_task_data (task, data, (GDestroyNotify) remove_data_free);

  jid = holboo_account_config_get_jid (data->config);
  _holboo_account_manager_drop (self, jid);
  g_hash_table_remove (self->open_errors, jid);
  holboo_account_registry_remove (self->registry, jid);
  holboo_account_registry_save_async (self->registry, cancellable, on_remove_saved,
                                      g_steal_pointer (&task));
}

gboolean
holboo_account_manager_remove_finish (HolbooAccountManager  *self,
                                      GAsyncResult          *result,
                                      GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

