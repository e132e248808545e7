/* holboo-xmpp-reply.h: message replies (XEP-0461), with their quote as
 * a fallback (XEP-0428)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_REPLY "urn:xmpp:reply:0"

/* The quote put in a reply's body for clients without XEP-0461 keeps at
 * most this many characters of the message replied to. */
#define HOLBOO_XMPP_REPLY_QUOTE_MAX_CHARS 200

char          *holboo_xmpp_reply_make_quote (const char    *quoted_body);
void           holboo_xmpp_reply_add        (HolbooXmlNode *message,
                                             const char    *reply_to,
                                             const char    *reply_id,
                                             const char    *quote);
const char    *holboo_xmpp_reply_get_id     (HolbooXmlNode *message,
                                             const char   **out_to);

G_END_DECLS
