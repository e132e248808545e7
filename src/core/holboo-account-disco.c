/* holboo-account-disco.c: service discovery (XEP-0030) through an
 * account: what a server, service or contact's client offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the modules that look for a service (the MUC and upload services
 * among the server's items) or check a feature before they use it (a
 * contact's client before a call).  A contact's client that announced
 * its caps is better asked with holboo_account_lookup_caps(), which
 * needs no round trip.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-disco.h"
#include "holboo-account-private.h"

#include <glib/gi18n-lib.h>

typedef enum {
  DISCO_INFO,
  DISCO_ITEMS,
} DiscoKind;

static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  GError *error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (GPOINTER_TO_INT (g_task_get_task_data (task)) == DISCO_INFO)
    {
      HolbooXmppDiscoInfo *info = holboo_xmpp_disco_parse_info (answer, &error);

      if (info == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, info, (GDestroyNotify) holboo_xmpp_disco_info_unref);
    }
  else
    {
      GPtrArray *items = holboo_xmpp_disco_parse_items (answer, &error);

      if (items == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
    }
}

static void
discover (HolbooAccount       *self,
          DiscoKind            kind,
          gpointer             source_tag,
          const char          *jid,
          const char          *node,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(HolbooJid) parsed = jid != NULL ? holboo_jid_parse (jid, -1, NULL) : NULL;
  g_autoptr(HolbooXmlNode) query = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, GINT_TO_POINTER (kind), NULL);
  if (parsed == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                               _("“%s” is not a valid address"), jid != NULL ? jid : "");
      g_object_unref (task);
      return;
    }

  if (kind == DISCO_INFO)
    query = holboo_xmpp_disco_build_info_query (holboo_jid_to_string (parsed), node);
  else
    query = holboo_xmpp_disco_build_items_query (holboo_jid_to_string (parsed), node);
  holboo_xmpp_connection_send_iq_async (self->connection, query, cancellable, on_answer, task);
}

/**
 * holboo_account_discover_async:
 * @jid: whom to ask: the server's domain, a service, a contact's resource
 * @node: (nullable): the node to ask about
 *
 * Asks @jid what it is and what it does (disco#info).
 */
void
holboo_account_discover_async (HolbooAccount       *self,
                               const char          *jid,
                               const char          *node,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  discover (self, DISCO_INFO, holboo_account_discover_async, jid, node, cancellable, callback, user_data);
}

/**
 * holboo_account_discover_finish:
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL with a
 *   %HOLBOO_ACCOUNT_ERROR (bad address), %HOLBOO_XMPP_ERROR (not
 *   connected, a broken answer) or %HOLBOO_XMPP_STANZA_ERROR (refused)
 */
HolbooXmppDiscoInfo *
holboo_account_discover_finish (HolbooAccount  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == holboo_account_discover_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_account_discover_items_async:
 * @jid: whom to ask, usually the server's domain
 * @node: (nullable): the node to ask about
 *
 * Asks @jid which entities it lists (disco#items): the server's
 * services, for instance.
 */
void
holboo_account_discover_items_async (HolbooAccount       *self,
                                     const char          *jid,
                                     const char          *node,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  discover (self, DISCO_ITEMS, holboo_account_discover_items_async, jid, node, cancellable, callback, user_data);
}

/**
 * holboo_account_discover_items_finish:
 *
 * Returns: (transfer full) (nullable) (element-type HolbooXmppDiscoItem):
 *   the items (those without a valid address left out), or %NULL with
 *   an error as for holboo_account_discover_finish()
 */
GPtrArray *
holboo_account_discover_items_finish (HolbooAccount  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == holboo_account_discover_items_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
