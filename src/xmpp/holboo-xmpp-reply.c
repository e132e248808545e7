/* holboo-xmpp-reply.c: message replies (XEP-0461), with their quote as
 * a fallback (XEP-0428)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reply names the message it answers, `<reply to='author' id='…'/>`,
 * and for clients that do not know replies starts its body with a quote
 * of it ("> …" lines), marked as fallback so that clients that do know
 * replies show the body without it — and draw the quote from the message
 * they stored.
 */

#define G_LOG_DOMAIN "holboo-xmpp-reply"

#include "config.h"

#include "holboo-xmpp-reply.h"
#include "holboo-xmpp-fallback.h"
#include "holboo-xmpp-message.h"

/**
 * holboo_xmpp_reply_make_quote:
 * @quoted_body: the body of the message replied to
 *
 * Returns: (transfer full): the fallback quote: each line of
 *   @quoted_body (cut at %HOLBOO_XMPP_REPLY_QUOTE_MAX_CHARS characters)
 *   prefixed with "> ", ending with a newline
 */
char *
holboo_xmpp_reply_make_quote (const char *quoted_body)
{
  g_autoptr(GString) quote = g_string_new ("> ");
  const char *p = quoted_body;
  glong n = 0;

  g_return_val_if_fail (quoted_body != NULL, NULL);

  for (; *p != '\0' && n < HOLBOO_XMPP_REPLY_QUOTE_MAX_CHARS; p = g_utf8_next_char (p), n++)
    {
      if (*p == '\n')
        g_string_append (quote, "\n> ");
      else
        g_string_append_unichar (quote, g_utf8_get_char (p));
    }
  if (*p != '\0')
    g_string_append (quote, "…");
  g_string_append_c (quote, '\n');
  return g_string_free (g_steal_pointer (&quote), FALSE);
}

/**
 * holboo_xmpp_reply_add:
 * @message: a message whose body starts with @quote
 * @reply_to: (nullable): the author of the message replied to (for 1:1
 *   chats a bare JID)
 * @reply_id: its id (for 1:1 chats its id attribute)
 * @quote: (nullable): the fallback quote at the start of the body, from
 *   holboo_xmpp_reply_make_quote()
 *
 * Makes @message a reply.
 */
void
holboo_xmpp_reply_add (HolbooXmlNode *message,
                       const char    *reply_to,
                       const char    *reply_id,
                       const char    *quote)
{
  HolbooXmlNode *reply;

  g_return_if_fail (message != NULL);
  g_return_if_fail (holboo_xmpp_id_is_valid (reply_id));

  reply = holboo_xml_node_add_child_ns (message, "reply", HOLBOO_XMLNS_REPLY);
  if (reply_to != NULL)
    holboo_xml_node_set_attribute (reply, "to", reply_to);
  holboo_xml_node_set_attribute (reply, "id", reply_id);
  if (quote != NULL && *quote != '\0')
    holboo_xmpp_fallback_add (message, HOLBOO_XMLNS_REPLY, 0, g_utf8_strlen (quote, -1));
}

/**
 * holboo_xmpp_reply_get_id:
 * @out_to: (out) (optional) (nullable): the author named, if any
 *
 * Returns: (nullable): the id of the message @message replies to, or
 *   %NULL when it is no reply
 */
const char *
holboo_xmpp_reply_get_id (HolbooXmlNode  *message,
                          const char    **out_to)
{
  HolbooXmlNode *reply;
  const char *id;

  g_return_val_if_fail (message != NULL, NULL);

  if (out_to != NULL)
    *out_to = NULL;
  reply = holboo_xml_node_get_child (message, "reply", HOLBOO_XMLNS_REPLY);
  if (reply == NULL)
    return NULL;
  id = holboo_xml_node_get_attribute (reply, "id");
  if (!holboo_xmpp_id_is_valid (id))
    return NULL;
  if (out_to != NULL)
    *out_to = holboo_xml_node_get_attribute (reply, "to");
  return id;
}
