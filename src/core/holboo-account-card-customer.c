/* holboo-account-card-customer.c: saving a business card as a customer
 * of the account's team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card becomes a draft (holboo_customer_draft_new_from_card()) and
 * the draft the same ops the Customers page's form makes, saved the
 * same way (holboo_account_save_customer_async()).  Before that, the
 * card's XMPP address, numbers and e-mail addresses are looked up: when
 * one already belongs to a customer, that customer is the answer and
 * nothing is created, so saving a card twice makes one customer.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-card-customer.h"
#include "holboo-account-customers.h"
#include "holboo-account-teamlog.h"
#include "holboo-customer-draft.h"

typedef struct {
  HolbooCustomerDraft *draft;
  char                *uuid;
  gboolean             created;
} Save;

static void
save_free (Save *save)
{
  holboo_customer_draft_free (save->draft);
  g_free (save->uuid);
  g_free (save);
}

/* On the worker: the first customer with one of the draft's handles
 * (its XMPP address first), or NULL without @error. */
static gpointer
find_run (HolbooStore  *store,
          gpointer      data,
          GError      **error)
{
  HolbooCustomerDraft *draft = data;
  const struct {
    HolbooCustomerHandleKind  kind;
    const char               *lines;
  } handles[] = {
    { HOLBOO_CUSTOMER_HANDLE_XMPP, draft->xmpp },
    { HOLBOO_CUSTOMER_HANDLE_PHONE, draft->phones },
    { HOLBOO_CUSTOMER_HANDLE_EMAIL, draft->emails },
  };

  for (guint i = 0; i < G_N_ELEMENTS (handles); i++)
    {
      g_auto(GStrv) values = g_strsplit (handles[i].lines != NULL ? handles[i].lines : "", "\n", -1);

      for (guint j = 0; values[j] != NULL; j++)
        {
          GError *local_error = NULL;
          char *uuid;

          if (*values[j] == '\0')
            continue;
          uuid = holboo_store_find_customer (store, handles[i].kind, values[j], &local_error);
          if (uuid != NULL || local_error != NULL)
            {
              if (local_error != NULL)
                g_propagate_error (error, local_error);
              return uuid;
            }
        }
    }
  return NULL;
}

/* Starts @task (whose data is a Save) with the lookup. */
static gboolean
start (HolbooAccount       *self,
       HolbooCard          *card,
       GTask               *task,
       GAsyncReadyCallback  found)
{
  Save *save = g_new0 (Save, 1);
  GError *error = NULL;

  g_task_set_task_data (task, save, (GDestroyNotify) save_free);
  save->draft = holboo_customer_draft_new_from_card (card, &error);
  if (save->draft == NULL)
    {
      g_task_return_error (task, error);
      return FALSE;
    }
  /* The draft lives as long as the task, which waits for the read. */
  holboo_account_read_customers_async (self, find_run, save->draft, NULL, g_free,
                                       g_task_get_cancellable (task), found, g_object_ref (task));
  return TRUE;
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *uuid = holboo_account_read_customers_finish (HOLBOO_ACCOUNT (source), result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, uuid, g_free);
}

/**
 * holboo_account_find_card_customer_async:
 * @card: a business card
 *
 * Looks for the customer the card is already saved as: one with its
 * XMPP address, one of its numbers or e-mail addresses.
 */
void
holboo_account_find_card_customer_async (HolbooAccount       *self,
                                         HolbooCard          *card,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (HOLBOO_IS_CARD (card));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_find_card_customer_async);
  start (self, card, task, on_found);
}

/**
 * holboo_account_find_card_customer_finish:
 *
 * Returns: (transfer full) (nullable): the customer's uuid, or %NULL:
 *   without @error when no customer has the card's addresses or numbers
 */
char *
holboo_account_find_card_customer_finish (HolbooAccount  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Save *save = g_task_get_task_data (task);
  GError *error = NULL;

  if (!holboo_account_save_customer_finish (HOLBOO_ACCOUNT (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  save->created = TRUE;
  g_task_return_pointer (task, g_strdup (save->uuid), g_free);
}

static void
on_save_found (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Save *save = g_task_get_task_data (task);
  g_autoptr(GPtrArray) ops = NULL;
  GError *error = NULL;
  char *uuid = holboo_account_read_customers_finish (HOLBOO_ACCOUNT (source), result, &error);

  if (error != NULL || uuid != NULL)
    {
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, uuid, g_free);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  save->uuid = g_uuid_string_random ();
  ops = holboo_customer_draft_create_ops (save->draft, save->uuid);
  holboo_account_save_customer_async (HOLBOO_ACCOUNT (source), ops, NULL, on_saved, g_object_ref (task));
}

/**
 * holboo_account_save_card_customer_async:
 * @card: a business card
 *
 * Saves the card as a customer of the team — unless a customer already
 * has its XMPP address, one of its numbers or e-mail addresses: then
 * that one is the answer and nothing changes.  The account should be in
 * a team (holboo_account_get_team_room()); until it is, the customer
 * waits in its team log's outbox.
 */
void
holboo_account_save_card_customer_async (HolbooAccount       *self,
                                         HolbooCard          *card,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (HOLBOO_IS_CARD (card));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_save_card_customer_async);
  start (self, card, task, on_save_found);
}

/**
 * holboo_account_save_card_customer_finish:
 * @created: (out) (optional): whether a customer was created, rather
 *   than found
 *
 * Returns: (transfer full) (nullable): the customer's uuid, or %NULL
 *   with @error (%HOLBOO_CUSTOMER_ERROR when the card names nobody)
 */
char *
holboo_account_save_card_customer_finish (HolbooAccount  *self,
                                          GAsyncResult   *result,
                                          gboolean       *created,
                                          GError        **error)
{
  char *uuid;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  uuid = g_task_propagate_pointer (G_TASK (result), error);
  if (created != NULL)
    *created = uuid != NULL && ((Save *) g_task_get_task_data (G_TASK (result)))->created;
  return uuid;
}
