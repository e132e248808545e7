/* holboo-xmpp-chatstates.c: chat state notifications (XEP-0085)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Is typing…": a state element in a message, alone (a standalone
 * notification, which asks not to be archived: it is news of the
 * moment, XEP-0334 `<no-store/>`) or next to a body.  Nothing here is
 * stored; the core tells its listeners and forgets.
 */

#define G_LOG_DOMAIN "holboo-xmpp-chatstates"

#include "config.h"

#include "holboo-xmpp-chatstates.h"
#include "holboo-xmpp-receipts.h"

static const char * const state_names[] = {
  [HOLBOO_XMPP_CHAT_STATE_NONE] = NULL,
  [HOLBOO_XMPP_CHAT_STATE_ACTIVE] = "active",
  [HOLBOO_XMPP_CHAT_STATE_COMPOSING] = "composing",
  [HOLBOO_XMPP_CHAT_STATE_PAUSED] = "paused",
  [HOLBOO_XMPP_CHAT_STATE_INACTIVE] = "inactive",
  [HOLBOO_XMPP_CHAT_STATE_GONE] = "gone",
};

/**
 * holboo_xmpp_chat_state_to_string:
 *
 * Returns: (nullable): the element name of @state ("composing", …), or
 *   %NULL for %HOLBOO_XMPP_CHAT_STATE_NONE
 */
const char *
holboo_xmpp_chat_state_to_string (HolbooXmppChatState state)
{
  g_return_val_if_fail (state <= HOLBOO_XMPP_CHAT_STATE_GONE, NULL);
  return state_names[state];
}

/**
 * holboo_xmpp_chat_state_add:
 *
 * Adds @state to @message (one with a body, or a standalone one).
 */
void
holboo_xmpp_chat_state_add (HolbooXmlNode       *message,
                            HolbooXmppChatState  state)
{
  g_return_if_fail (message != NULL);
  g_return_if_fail (state > HOLBOO_XMPP_CHAT_STATE_NONE && state <= HOLBOO_XMPP_CHAT_STATE_GONE);

  holboo_xml_node_add_child_ns (message, state_names[state], HOLBOO_XMLNS_CHATSTATES);
}

/**
 * holboo_xmpp_chat_state_build:
 * @to: the peer
 * @state: the state
 *
 * Returns: (transfer full): a standalone notification, a message of type
 *   chat without a body that asks not to be archived
 */
HolbooXmlNode *
holboo_xmpp_chat_state_build (const char          *to,
                              HolbooXmppChatState  state)
{
  HolbooXmlNode *message;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (state > HOLBOO_XMPP_CHAT_STATE_NONE && state <= HOLBOO_XMPP_CHAT_STATE_GONE, NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "type", "chat");
  holboo_xmpp_chat_state_add (message, state);
  holboo_xml_node_add_child_ns (message, "no-store", HOLBOO_XMLNS_HINTS);
  return message;
}

/**
 * holboo_xmpp_chat_state_parse:
 *
 * Returns: the state @message carries, or %HOLBOO_XMPP_CHAT_STATE_NONE
 */
HolbooXmppChatState
holboo_xmpp_chat_state_parse (HolbooXmlNode *message)
{
  HolbooXmlNode *child;

  g_return_val_if_fail (message != NULL, HOLBOO_XMPP_CHAT_STATE_NONE);

  /* One pass over the children: the pipeline asks this of every message. */
  for (child = holboo_xml_node_get_first_child (message); child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    {
      if (g_strcmp0 (holboo_xml_node_get_ns (child), HOLBOO_XMLNS_CHATSTATES) != 0)
        continue;
      for (HolbooXmppChatState s = HOLBOO_XMPP_CHAT_STATE_ACTIVE; s <= HOLBOO_XMPP_CHAT_STATE_GONE; s++)
        if (g_strcmp0 (holboo_xml_node_get_name (child), state_names[s]) == 0)
          return s;
    }
  return HOLBOO_XMPP_CHAT_STATE_NONE;
}
