/* holboo-notify-policy.c: whether a message deserves a notification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one place that decides: the UI's notifier asks here for every
 * message stored, and sends a notification only when the answer is yes.
 * Policies that depend on the user's situation (work hours, do not
 * disturb) belong here too, so that every caller follows them.
 */

#define G_LOG_DOMAIN "holboo-notify-policy"

#include "config.h"

#include "holboo-notify-policy.h"

/**
 * holboo_notify_policy_should_notify:
 * @conversation: (nullable): the message's conversation, as listed
 *   (%NULL: not known yet — a new peer)
 * @message: a message that was just stored
 * @context: what the user is looking at
 *
 * Yes for a new incoming message, not deleted, not read already (on
 * another device), not from long ago (caught-up history), in a
 * conversation that is not muted and that the user is not looking at
 * in the focused window.
 *
 * Returns: whether to notify the user of @message
 */
gboolean
holboo_notify_policy_should_notify (HolbooConversationItem    *conversation,
                                    const HolbooStoredMessage *message,
                                    const HolbooNotifyContext *context)
{
  g_return_val_if_fail (conversation == NULL || HOLBOO_IS_CONVERSATION_ITEM (conversation), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (context != NULL, FALSE);

  if (message->direction != HOLBOO_MESSAGE_INCOMING || message->retracted || message->read)
    return FALSE;
  if (message->body == NULL || *message->body == '\0')
    return FALSE;
  if (context->now - message->timestamp > HOLBOO_NOTIFY_MAX_AGE)
    return FALSE;
  if (conversation != NULL)
    {
      if (holboo_conversation_item_get_muted (conversation))
        return FALSE;
      if (message->timestamp <= holboo_conversation_item_get_read_until (conversation))
        return FALSE;
    }
  if (context->window_active && g_strcmp0 (context->open_peer, message->peer) == 0)
    return FALSE;
  return TRUE;
}
