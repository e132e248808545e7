/* holboo-account-card-cache.c: colleagues' cards kept in the account's
 * store between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team directory shows the cards it had at the last run at once —
 * offline too — and refreshes each from the server once per session.
 * Cards are kept as .vcf text with their photo and read back with the
 * engine's parser (on the worker), so a cached card passes the same
 * checks as a fetched one.
 */

#define G_LOG_DOMAIN "holboo-account-cards"

#include "config.h"

#include "holboo-account-cards.h"
#include "holboo-account-private.h"
#include "holboo-store-cards.h"

typedef struct {
  char *jid;
  char *vcard;   /* NULL: forget */
} Put;

static void
put_free (Put *put)
{
  g_free (put->jid);
  g_free (put->vcard);
  g_free (put);
}

static gpointer
put_on_worker (HolbooStore  *store,
               gpointer      data,
               GError      **error)
{
  Put *put = data;
  gboolean ok;

  if (put->vcard != NULL)
    ok = holboo_store_card_put (store, put->jid, put->vcard, g_get_real_time (), error);
  else
    ok = holboo_store_card_remove (store, put->jid, error);
  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
put_done (HolbooAccount      *self,
          HolbooAccountBatch *batch,
          gpointer            data)
{
  HolbooAccountOp *op;

  if (self == NULL)
    return;
  op = g_ptr_array_index (batch->ops, 0);
  if (op->error != NULL)
    g_message ("A card was not kept: %s", op->error->message);
}

/**
 * holboo_account_cache_card:
 * @jid: whose card
 * @card: (nullable): their card as fetched, or %NULL when they have
 *   none (or no longer share it): it is forgotten
 *
 * Keeps @card in the store for the next run.
 */
void
holboo_account_cache_card (HolbooAccount *self,
                           const char    *jid,
                           HolbooCard    *card)
{
  Put *put;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (jid != NULL);

  put = g_new0 (Put, 1);
  put->jid = g_strdup (jid);
  put->vcard = card != NULL ? holboo_card_to_vcf (card, TRUE) : NULL;
  _holboo_account_call (self, put_on_worker, put, (GDestroyNotify) put_free, NULL, put_done, NULL, NULL);
}

static gpointer
load_on_worker (HolbooStore  *store,
                gpointer      data,
                GError      **error)
{
  g_autoptr(GPtrArray) rows = holboo_store_cards_load (store, error);
  GHashTable *cards;

  if (rows == NULL)
    return NULL;
  cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  for (guint i = 0; i < rows->len; i++)
    {
      HolbooStoredCard *row = rows->pdata[i];
      g_autoptr(GError) local_error = NULL;
      HolbooCard *card = holboo_card_new_from_vcf (row->vcard, -1, &local_error);

      if (card == NULL)
        g_message ("The kept card of %s is left out: %s", row->jid, local_error->message);
      else
        g_hash_table_insert (cards, g_strdup (row->jid), card);
    }
  return cards;
}

static void
load_done (HolbooAccount      *self,
           HolbooAccountBatch *batch,
           gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = g_ptr_array_index (batch->ops, 0);

  if (self == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The account went away");
  else if (op->error != NULL)
    g_task_return_error (task, g_error_copy (op->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&op->call_result), (GDestroyNotify) g_hash_table_unref);
}

/**
 * holboo_account_load_cached_cards_async:
 *
 * Reads the cards kept by holboo_account_cache_card().
 */
void
holboo_account_load_cached_cards_async (HolbooAccount       *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_load_cached_cards_async);
  _holboo_account_call (self, load_on_worker, NULL, NULL, (GDestroyNotify) g_hash_table_unref,
                        load_done, task, g_object_unref);
}

/**
 * holboo_account_load_cached_cards_finish:
 *
 * Returns: (transfer full) (element-type utf8 HolbooCard): bare JID →
 *   card
 */
GHashTable *
holboo_account_load_cached_cards_finish (HolbooAccount  *self,
                                         GAsyncResult   *result,
                                         GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
