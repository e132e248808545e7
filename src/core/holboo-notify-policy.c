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

#include <string.h>

/* A group message that names the user (as @nick or nick). */
static gboolean
mentions (const HolbooStoredMessage *message,
          const char                *nick)
{
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;

  if (message->kind != HOLBOO_CONVERSATION_GROUP || nick == NULL || *nick == '\0')
    return FALSE;
  body = g_utf8_casefold (message->body, -1);
  name = g_utf8_casefold (nick, -1);
  return strstr (body, name) != NULL;
}

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
 * in the focused window — and the user's mode (holboo-mode.h: do not
 * disturb, personal time) lets it through: the mode judges by the
 * sender (the contact, or for a group the group) and by whether a group
 * message mentions the user.
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
  if (context->modes != NULL &&
      !holboo_mode_manager_should_notify (context->modes, message->peer, mentions (message, context->own_nick)))
    return FALSE;
  return TRUE;
}
