/* holboo-account-contact-commands.c: what the user asks of the roster
 * and the blocklist: add, rename and remove contacts, answer
 * subscription requests, block and unblock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each command goes to the server only: the contacts model and the
 * store follow the server's push (holboo-account-contacts.c), so every
 * device of the account shows the same list, and a command the server
 * refuses changes nothing.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-contacts-private.h"
#include "holboo-xmpp-blocking.h"

#include <glib/gi18n-lib.h>

/* The normalised form of @jid, which must be bare when @bare. */
static char *
check_address (const char  *jid,
               gboolean     bare,
               GError     **error)
{
  g_autoptr(HolbooJid) parsed = jid != NULL ? holboo_jid_parse (jid, -1, NULL) : NULL;

  if (parsed == NULL || (bare && (!holboo_jid_is_bare (parsed) || holboo_jid_get_localpart (parsed) == NULL)))
    {
      g_set_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                   _("“%s” is not a valid contact address"), jid != NULL ? jid : "");
      return NULL;
    }
  return g_strdup (holboo_jid_to_string (parsed));
}

static void
on_iq_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  GError *error = NULL;
  HolbooXmlNode *then = g_task_get_task_data (task);

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Adding a contact also asks to see its presence (RFC 6121 §3.1.1). */
  if (then != NULL && !holboo_xmpp_connection_send (HOLBOO_XMPP_CONNECTION (source), then, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
send_command (HolbooAccount       *self,
              gpointer             source_tag,
              HolbooXmlNode       *iq,
              HolbooXmlNode       *then,
              GError              *error,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (then != NULL)
    g_task_set_task_data (task, holboo_xml_node_ref (then), (GDestroyNotify) holboo_xml_node_unref);
  holboo_xmpp_connection_send_iq_async (self->connection, iq, cancellable, on_iq_done, task);
}

static gboolean
command_finish (HolbooAccount  *self,
                GAsyncResult   *result,
                gpointer        source_tag,
                GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * holboo_account_add_contact_async:
 * @jid: the contact's bare JID
 * @name: (nullable): the name to show for it
 * @groups: (nullable) (array zero-terminated=1): its groups
 *
 * Adds the contact to the roster and asks to see its presence.  The
 * contact appears in holboo_account_get_contacts() when the server
 * confirms it (its roster push), with #HolbooContact:ask set until the
 * contact answers.  Fails with %HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS, a
 * %HOLBOO_XMPP_ERROR (not connected) or a %HOLBOO_XMPP_STANZA_ERROR.
 */
void
holboo_account_add_contact_async (HolbooAccount       *self,
                                  const char          *jid,
                                  const char          *name,
                                  const char * const  *groups,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GError *error = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(HolbooXmlNode) set = NULL;
  g_autoptr(HolbooXmlNode) subscribe = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  normal = check_address (jid, TRUE, &error);
  if (normal != NULL)
    {
      set = holboo_xmpp_roster_build_set (normal, name, groups);
      subscribe = holboo_xmpp_presence_build_subscription (normal, HOLBOO_XMPP_PRESENCE_SUBSCRIBE);
    }
  send_command (self, holboo_account_add_contact_async, set, subscribe, error, cancellable, callback, user_data);
}

gboolean
holboo_account_add_contact_finish (HolbooAccount  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  return command_finish (self, result, holboo_account_add_contact_async, error);
}

/**
 * holboo_account_update_contact_async:
 * @jid: the contact's bare JID
 * @name: (nullable): its new name
 * @groups: (nullable) (array zero-terminated=1): its new groups
 *
 * Renames the contact or moves it between groups, on every device.
 */
void
holboo_account_update_contact_async (HolbooAccount       *self,
                                     const char          *jid,
                                     const char          *name,
                                     const char * const  *groups,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GError *error = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(HolbooXmlNode) set = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  normal = check_address (jid, TRUE, &error);
  if (normal != NULL)
    set = holboo_xmpp_roster_build_set (normal, name, groups);
  send_command (self, holboo_account_update_contact_async, set, NULL, error, cancellable, callback, user_data);
}

gboolean
holboo_account_update_contact_finish (HolbooAccount  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return command_finish (self, result, holboo_account_update_contact_async, error);
}

/**
 * holboo_account_remove_contact_async:
 * @jid: the contact's bare JID
 *
 * Removes the contact from the roster; the server cancels the
 * subscriptions both ways (RFC 6121 §2.5).
 */
void
holboo_account_remove_contact_async (HolbooAccount       *self,
                                     const char          *jid,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GError *error = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(HolbooXmlNode) remove = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  normal = check_address (jid, TRUE, &error);
  if (normal != NULL)
    remove = holboo_xmpp_roster_build_remove (normal);
  send_command (self, holboo_account_remove_contact_async, remove, NULL, error, cancellable, callback, user_data);
}

gboolean
holboo_account_remove_contact_finish (HolbooAccount  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return command_finish (self, result, holboo_account_remove_contact_async, error);
}

static gboolean
send_subscription (HolbooAccount           *self,
                   const char              *jid,
                   HolbooXmppPresenceType   type,
                   GError                 **error)
{
  g_autofree char *normal = check_address (jid, TRUE, error);
  g_autoptr(HolbooXmlNode) presence = NULL;

  if (normal == NULL)
    return FALSE;
  presence = holboo_xmpp_presence_build_subscription (normal, type);
  return holboo_xmpp_connection_send (self->connection, presence, error);
}

/**
 * holboo_account_approve_subscription:
 * @jid: who asked (#HolbooAccount::subscription-request)
 *
 * Lets @jid see the account's presence.
 *
 * Returns: %TRUE if the answer was sent
 */
gboolean
holboo_account_approve_subscription (HolbooAccount  *self,
                                     const char     *jid,
                                     GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  return send_subscription (self, jid, HOLBOO_XMPP_PRESENCE_SUBSCRIBED, error);
}

/**
 * holboo_account_deny_subscription:
 * @jid: who asked, or a contact who may see our presence
 *
 * Refuses @jid's request, or takes back an approval.
 *
 * Returns: %TRUE if the answer was sent
 */
gboolean
holboo_account_deny_subscription (HolbooAccount  *self,
                                  const char     *jid,
                                  GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  return send_subscription (self, jid, HOLBOO_XMPP_PRESENCE_UNSUBSCRIBED, error);
}

/**
 * holboo_account_unsubscribe:
 * @jid: a contact
 *
 * Stops seeing @jid's presence (the contact stays in the roster).
 *
 * Returns: %TRUE if the request was sent
 */
gboolean
holboo_account_unsubscribe (HolbooAccount  *self,
                            const char     *jid,
                            GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  return send_subscription (self, jid, HOLBOO_XMPP_PRESENCE_UNSUBSCRIBE, error);
}

/**
 * holboo_account_block_async:
 * @jid: an address: a contact's, a whole domain, ...
 *
 * Blocks @jid on the server (XEP-0191): nothing it sends reaches any of
 * the account's devices, and it sees the account as offline.
 */
void
holboo_account_block_async (HolbooAccount       *self,
                            const char          *jid,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GError *error = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(HolbooXmlNode) block = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  normal = check_address (jid, FALSE, &error);
  if (normal != NULL)
    block = holboo_xmpp_blocking_build_block ((const char * const[]) { normal, NULL });
  send_command (self, holboo_account_block_async, block, NULL, error, cancellable, callback, user_data);
}

gboolean
holboo_account_block_finish (HolbooAccount  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  return command_finish (self, result, holboo_account_block_async, error);
}

/**
 * holboo_account_unblock_async:
 * @jid: (nullable): a blocked address; %NULL to unblock everyone
 */
void
holboo_account_unblock_async (HolbooAccount       *self,
                              const char          *jid,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GError *error = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(HolbooXmlNode) unblock = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  if (jid != NULL)
    normal = check_address (jid, FALSE, &error);
  if (error == NULL)
    unblock = holboo_xmpp_blocking_build_unblock (normal != NULL ? (const char * const[]) { normal, NULL } : NULL);
  send_command (self, holboo_account_unblock_async, unblock, NULL, error, cancellable, callback, user_data);
}

gboolean
holboo_account_unblock_finish (HolbooAccount  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  return command_finish (self, result, holboo_account_unblock_async, error);
}
