/* holboo-account-customers-write.c: saving customers — a form, a note,
 * an import — through the team log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ops (made and checked by holboo-customer-draft.c) are handed to
 * the team log one after the other, in order: each is applied locally
 * at once and sent (or kept in the outbox while offline).  The save
 * completes when every op is applied here, with the first error if
 * one was refused.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-account-teamlog.h"

typedef struct {
  guint   pending;
  GError *error;
} Save;

static void
save_free (Save *save)
{
  g_clear_error (&save->error);
  g_free (save);
}

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Save *save = g_task_get_task_data (task);
  g_autofree char *uuid = NULL;
  g_autoptr(GError) error = NULL;

  uuid = holboo_account_submit_teamlog_op_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (uuid == NULL && save->error == NULL)
    save->error = g_steal_pointer (&error);
  if (--save->pending > 0)
    return;
  if (save->error != NULL)
    g_task_return_error (task, g_steal_pointer (&save->error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * holboo_account_save_customer_async:
 * @ops: (element-type HolbooTeamlogOp): checked ops, in the order to
 *   apply them
 *
 * Applies @ops here at once and sends them to the team.
 */
void
holboo_account_save_customer_async (HolbooAccount       *self,
                                    GPtrArray           *ops,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Save *save = g_new0 (Save, 1);

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (ops != NULL);

  g_task_set_source_tag (task, holboo_account_save_customer_async);
  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  if (ops->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  save->pending = ops->len;
  for (guint i = 0; i < ops->len; i++)
    holboo_account_submit_teamlog_op (self, ops->pdata[i], NULL, on_submitted, g_object_ref (task));
  g_object_unref (task);
}

gboolean
holboo_account_save_customer_finish (HolbooAccount  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
