/* holboo-account-group-address.c: where the account's server keeps
 * group chats (XEP-0030: the server's items, the first that is a text
 * conference service), and an address for a new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-disco.h"
#include "holboo-account-group-address.h"

#include <glib/gi18n-lib.h>

/* The local part keeps at most this many characters of the name. */
#define MAX_SLUG 24

typedef struct {
  GPtrArray *candidates;   /* (element-type utf8) services still to ask */
} FindData;

static void
find_data_free (FindData *data)
{
  g_clear_pointer (&data->candidates, g_ptr_array_unref);
  g_free (data);
}

static void ask_next (GTask *task);

static void
on_info (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindData *data = g_task_get_task_data (task);
  g_autoptr(HolbooXmppDiscoInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *jid = g_ptr_array_steal_index (data->candidates, 0);

  info = holboo_account_discover_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (info != NULL && holboo_xmpp_disco_info_has_identity (info, "conference", "text"))
    {
      g_task_return_pointer (task, g_steal_pointer (&jid), g_free);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ask_next (g_steal_pointer (&task));
}

static void
ask_next (GTask *task)
{
  FindData *data = g_task_get_task_data (task);

  if (data->candidates->len == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("Your server does not offer group chats"));
      g_object_unref (task);
      return;
    }
  holboo_account_discover_async (g_task_get_source_object (task), data->candidates->pdata[0], NULL,
                                 g_task_get_cancellable (task), on_info, task);
}

static void
on_items (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  FindData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  GError *error = NULL;

  items = holboo_account_discover_items_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (items == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      HolbooXmppDiscoItem *item = items->pdata[i];

      if (item->node == NULL && item->jid != NULL)
        g_ptr_array_add (data->candidates, g_strdup (holboo_jid_to_string (item->jid)));
    }
  ask_next (task);
}

/**
 * holboo_account_find_group_service_async:
 *
 * Finds the account's server's group chat service (e.g.
 * conference.example.mn).
 */
void
holboo_account_find_group_service_async (HolbooAccount       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(HolbooJid) jid = NULL;
  GTask *task;
  FindData *data;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_find_group_service_async);
  data = g_new0 (FindData, 1);
  data->candidates = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);

  jid = holboo_jid_parse (holboo_account_get_jid (self), -1, NULL);
  if (jid == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                               "%s", _("The account’s address is not valid"));
      g_object_unref (task);
      return;
    }
  holboo_account_discover_items_async (self, holboo_jid_get_domainpart (jid), NULL, cancellable, on_items, task);
}

/**
 * holboo_account_find_group_service_finish:
 *
 * Returns: (transfer full) (nullable): the service's address, or %NULL
 *   with @error set
 */
char *
holboo_account_find_group_service_finish (HolbooAccount  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_group_address_new:
 * @name: (nullable): what the group is called
 * @service: the group chat service (holboo_account_find_group_service_async())
 *
 * An address for a new group: the name's Latin letters and digits
 * (lower case, dashes between words), then a random part so that two
 * groups of one name do not meet.
 *
 * Returns: (transfer full): the address
 */
char *
holboo_group_address_new (const char *name,
                          const char *service)
{
  g_autoptr(GString) slug = g_string_new (NULL);

  g_return_val_if_fail (service != NULL, NULL);

  for (const char *p = name; p != NULL && *p != '\0' && slug->len < MAX_SLUG; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "group");
  return g_strdup_printf ("%s-%08x@%s", slug->str, g_random_int (), service);
}
