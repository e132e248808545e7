/* holboo-xmpp-message.h: message stanzas (RFC 6121 §5), their unique
 * and stable ids (XEP-0359) and delay stamps (XEP-0203)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-jid.h"
#include "holboo-xml-node.h"
#include "holboo-xmpp-chatstates.h"
#include "holboo-xmpp-markers.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_SID   "urn:xmpp:sid:0"
#define HOLBOO_XMLNS_DELAY "urn:xmpp:delay"

/* Ids longer than this (origin-id, stanza-id, id attributes) are not
 * believed: no client or server makes them, and they would bloat the
 * store's indexes. */
#define HOLBOO_XMPP_MAX_ID_LENGTH 256

/**
 * HolbooXmppMessageType:
 *
 * The type attribute of a message; absent or unknown is normal
 * (RFC 6121 §5.2.2).
 */
typedef enum {
  HOLBOO_XMPP_MESSAGE_NORMAL,
  HOLBOO_XMPP_MESSAGE_CHAT,
  HOLBOO_XMPP_MESSAGE_GROUPCHAT,
  HOLBOO_XMPP_MESSAGE_HEADLINE,
  HOLBOO_XMPP_MESSAGE_ERROR,
} HolbooXmppMessageType;

/**
 * HolbooXmppMessage:
 * @type: the type
 * @from: (nullable): the sender as the server stamped it; %NULL when the
 *   stanza has no from (it comes from the account itself)
 * @to: (nullable): the addressee
 * @id: (nullable): the id attribute
 * @body: (nullable): the first body
 * @origin_id: (nullable): the sender's XEP-0359 origin-id
 * @stanza_id: (nullable): the XEP-0359 stanza-id given by the archive
 *   the caller trusts (its `by` is that archive), else %NULL
 * @delay: the XEP-0203 delay stamp in µs since the epoch, or 0
 * @receipt_request: the sender asks for a delivery receipt (XEP-0184)
 * @receipt_for: (nullable): the id of a message this one confirms
 *   (XEP-0184 `<received/>`)
 * @replace_id: (nullable): the id of the message this one corrects
 *   (XEP-0308); @body is the new text
 * @retract_id: (nullable): the id of the message this one retracts
 *   (XEP-0424); @body is then %NULL (it was only a fallback)
 * @reactions_to: (nullable): the id of the message this one reacts to
 *   (XEP-0444), with the sender's whole set in @reactions
 * @reactions: (nullable): that set (empty: taken back)
 * @reply_id: (nullable): the id of the message this one answers
 *   (XEP-0461); @body is then without the quote
 * @reply_to: (nullable): the author of that message, as named
 * @reply_quote: (nullable): the quote the sender put before @body for
 *   other clients (XEP-0428 fallback), without its "> " marks
 * @markable: the sender asks for chat markers (XEP-0333)
 * @marker: a chat marker this message carries
 * @marker_id: (nullable): the id of the message it marks
 * @chat_state: the sender's chat state (XEP-0085)
 *
 * What the message pipeline reads from a message stanza.  Ids that are
 * empty or longer than %HOLBOO_XMPP_MAX_ID_LENGTH count as absent.
 */
typedef struct {
  HolbooXmppMessageType  type;
  HolbooJid             *from;
  HolbooJid             *to;
  char                  *id;
  char                  *body;
  char                  *origin_id;
  char                  *stanza_id;
  gint64                 delay;
  gboolean               receipt_request;
  char                  *receipt_for;
  char                  *replace_id;
  char                  *retract_id;
  char                  *reactions_to;
  GStrv                  reactions;
  char                  *reply_id;
  char                  *reply_to;
  char                  *reply_quote;
  gboolean               markable;
  HolbooXmppMarker       marker;
  char                  *marker_id;
  HolbooXmppChatState    chat_state;
} HolbooXmppMessage;

HolbooXmppMessage *holboo_xmpp_message_parse      (HolbooXmlNode           *stanza,
                                                   const HolbooJid         *archive,
                                                   GError                 **error);
void               holboo_xmpp_message_free       (HolbooXmppMessage       *message);

HolbooXmlNode     *holboo_xmpp_message_build_chat (const char              *to,
                                                   const char              *id,
                                                   const char              *body,
                                                   const char              *origin_id,
                                                   gboolean                 request_receipt);
gboolean           holboo_xmpp_message_is_action  (const HolbooXmppMessage *message);

const char        *holboo_xmpp_message_get_origin_id (HolbooXmlNode        *stanza);
const char        *holboo_xmpp_message_get_stanza_id (HolbooXmlNode        *stanza,
                                                      const HolbooJid      *archive);
gboolean           holboo_xmpp_message_get_delay  (HolbooXmlNode           *stanza,
                                                   gint64                  *out_us);

gboolean           holboo_xmpp_parse_datetime     (const char              *text,
                                                   gint64                  *out_us);
gboolean           holboo_xmpp_id_is_valid        (const char              *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppMessage, holboo_xmpp_message_free)

G_END_DECLS
