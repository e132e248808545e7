/* holboo-xmpp-chatstates.h: chat state notifications (XEP-0085)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_CHATSTATES "http://jabber.org/protocol/chatstates"

/**
 * HolbooXmppChatState:
 * @HOLBOO_XMPP_CHAT_STATE_NONE: the message says nothing about it
 * @HOLBOO_XMPP_CHAT_STATE_ACTIVE: paying attention to the conversation
 * @HOLBOO_XMPP_CHAT_STATE_COMPOSING: typing
 * @HOLBOO_XMPP_CHAT_STATE_PAUSED: was typing, stopped for a moment
 * @HOLBOO_XMPP_CHAT_STATE_INACTIVE: not paying attention
 * @HOLBOO_XMPP_CHAT_STATE_GONE: has left the conversation
 */
typedef enum {
  HOLBOO_XMPP_CHAT_STATE_NONE,
  HOLBOO_XMPP_CHAT_STATE_ACTIVE,
  HOLBOO_XMPP_CHAT_STATE_COMPOSING,
  HOLBOO_XMPP_CHAT_STATE_PAUSED,
  HOLBOO_XMPP_CHAT_STATE_INACTIVE,
  HOLBOO_XMPP_CHAT_STATE_GONE,
} HolbooXmppChatState;

const char          *holboo_xmpp_chat_state_to_string (HolbooXmppChatState  state);
void                 holboo_xmpp_chat_state_add       (HolbooXmlNode       *message,
                                                       HolbooXmppChatState  state);
HolbooXmlNode       *holboo_xmpp_chat_state_build     (const char          *to,
                                                       HolbooXmppChatState  state);
HolbooXmppChatState  holboo_xmpp_chat_state_parse     (HolbooXmlNode       *message);

G_END_DECLS
