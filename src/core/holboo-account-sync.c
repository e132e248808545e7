/* holboo-account-sync.c: "connect and catch up", as one call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * holboo-cli's `sync` and anything else that needs to know when the
 * account has caught up with its archive: connects if needed, makes sure
 * a catch-up runs (a resumed session does not start one by itself) and
 * completes when it ends, with its count or its error.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-private.h"

#include <glib/gi18n-lib.h>

static void
wait_for_catch_up (HolbooAccount *self,
                   GTask         *task)
{
  if (self->catch_up == NULL)
    _holboo_account_catch_up_start (self);
  g_ptr_array_add (self->sync_tasks, task);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HolbooAccount *self = HOLBOO_ACCOUNT (source);
  GTask *task = user_data;
  GError *error = NULL;

  if (!holboo_account_connect_finish (self, result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (self->closed || self->sync_tasks == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                               _("The account is closing"));
      g_object_unref (task);
      return;
    }
  wait_for_catch_up (self, task);
}

/**
 * holboo_account_sync_async:
 *
 * Connects if the account is not connected, then waits until it has
 * caught up with the server's archive (starting a catch-up if none is
 * running).  Fails with the connection's error if the first attempt to
 * connect fails, or with the archive query's error.
 */
void
holboo_account_sync_async (HolbooAccount       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_sync_async);
  g_task_set_check_cancellable (task, TRUE);

  if (_holboo_account_is_connected (self))
    wait_for_catch_up (self, task);
  else
    holboo_account_connect_async (self, cancellable, on_connected, task);
}

/**
 * holboo_account_sync_finish:
 * @n_new: (out) (optional): how many messages the catch-up stored
 *
 * Returns: %TRUE when caught up, or %FALSE with @error
 */
gboolean
holboo_account_sync_finish (HolbooAccount  *self,
                            GAsyncResult   *result,
                            guint          *n_new,
                            GError        **error)
{
  gssize value;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (value < 0)
    return FALSE;
  if (n_new != NULL)
    *n_new = (guint) value;
  return TRUE;
}

/* Called by the catch-up when it ends: @error is %NULL on success. */
void
_holboo_account_sync_done (HolbooAccount *self,
                           guint          n_new,
                           const GError  *error)
{
  g_autoptr(GPtrArray) tasks = NULL;

  if (self->sync_tasks == NULL || self->sync_tasks->len == 0)
    return;

  tasks = g_steal_pointer (&self->sync_tasks);
  self->sync_tasks = g_ptr_array_new ();
  for (guint i = 0; i < tasks->len; i++)
    {
      g_autoptr(GTask) task = tasks->pdata[i];

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_int (task, n_new);
    }
}

void
_holboo_account_sync_init (HolbooAccount *self)
{
  self->sync_tasks = g_ptr_array_new ();
}

void
_holboo_account_sync_dispose (HolbooAccount *self)
{
  g_autoptr(GError) error = NULL;

  if (self->sync_tasks == NULL)
    return;
  error = g_error_new_literal (HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                               _("The account is closing"));
  _holboo_account_sync_done (self, 0, error);
  g_clear_pointer (&self->sync_tasks, g_ptr_array_unref);
}
