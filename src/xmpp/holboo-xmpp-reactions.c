/* holboo-xmpp-reactions.c: message reactions (XEP-0444)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `<reactions id='…'>` carries a sender's whole set of reactions to one
 * message: each new set replaces the sender's previous one, and an
 * empty set takes them all back.  The message asks to be archived
 * (XEP-0334 `<store/>`), as XEP-0444 advises, so that devices catching
 * up later see the reactions too.
 *
 * Reactions come from the network: each must be short text without
 * control characters or white space; a set is deduplicated and capped.
 */

#define G_LOG_DOMAIN "holboo-xmpp-reactions"

#include "config.h"

#include "holboo-xmpp-reactions.h"
#include "holboo-xmpp-message.h"
#include "holboo-xmpp-receipts.h"

#include <string.h>

/**
 * holboo_xmpp_reaction_is_valid:
 *
 * Returns: whether @reaction is one Holboo stores and sends: valid
 *   UTF-8, 1 to %HOLBOO_XMPP_REACTION_MAX_BYTES bytes, no control
 *   characters or white space
 */
gboolean
holboo_xmpp_reaction_is_valid (const char *reaction)
{
  gsize len;

  if (reaction == NULL)
    return FALSE;
  len = strnlen (reaction, HOLBOO_XMPP_REACTION_MAX_BYTES + 1);
  if (len == 0 || len > HOLBOO_XMPP_REACTION_MAX_BYTES || !g_utf8_validate (reaction, len, NULL))
    return FALSE;

  for (const char *p = reaction; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        return FALSE;
    }
  return TRUE;
}

/**
 * holboo_xmpp_reactions_build:
 * @to: the conversation's peer
 * @id: the id of this message (also its origin-id)
 * @message_id: the id attribute (for 1:1 chats) of the message reacted to
 * @reactions: (array zero-terminated=1): the sender's whole set of
 *   reactions to it, each valid; empty to take them all back
 *
 * Returns: (transfer full): the reactions message, of type chat
 */
HolbooXmlNode *
holboo_xmpp_reactions_build (const char         *to,
                             const char         *id,
                             const char         *message_id,
                             const char * const *reactions)
{
  HolbooXmlNode *message;
  HolbooXmlNode *node;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (holboo_xmpp_id_is_valid (id), NULL);
  g_return_val_if_fail (holboo_xmpp_id_is_valid (message_id), NULL);
  g_return_val_if_fail (reactions != NULL, NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "type", "chat");
  holboo_xml_node_set_attribute (message, "id", id);
  node = holboo_xml_node_add_child_ns (message, "reactions", HOLBOO_XMLNS_REACTIONS);
  holboo_xml_node_set_attribute (node, "id", message_id);
  for (guint i = 0; reactions[i] != NULL; i++)
    {
      g_return_val_if_fail (holboo_xmpp_reaction_is_valid (reactions[i]), message);
      holboo_xml_node_add_text_child (node, "reaction", reactions[i]);
    }
  node = holboo_xml_node_add_child_ns (message, "origin-id", HOLBOO_XMLNS_SID);
  holboo_xml_node_set_attribute (node, "id", id);
  holboo_xml_node_add_child_ns (message, "store", HOLBOO_XMLNS_HINTS);
  return message;
}

/**
 * holboo_xmpp_reactions_parse:
 * @message: a message
 * @out_reactions: (out) (transfer full): the valid reactions, each once,
 *   in order (empty: the sender took theirs back); unset when the
 *   message carries no reactions
 *
 * Invalid reactions are left out with a log line; more than
 * %HOLBOO_XMPP_REACTIONS_MAX are cut.
 *
 * Returns: (nullable): the id of the message reacted to, or %NULL when
 *   @message carries no (usable) reactions
 */
const char *
holboo_xmpp_reactions_parse (HolbooXmlNode *message,
                             GStrv         *out_reactions)
{
  g_autoptr(GPtrArray) set = NULL;
  HolbooXmlNode *node, *reaction;
  HolbooXmlIter iter;
  const char *id;

  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (out_reactions != NULL, NULL);

  node = holboo_xml_node_get_child (message, "reactions", HOLBOO_XMLNS_REACTIONS);
  if (node == NULL)
    return NULL;
  id = holboo_xml_node_get_attribute (node, "id");
  if (!holboo_xmpp_id_is_valid (id))
    return NULL;

  set = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  holboo_xml_iter_init (&iter, node, "reaction", HOLBOO_XMLNS_REACTIONS);
  while (holboo_xml_iter_next (&iter, &reaction))
    {
      const char *text = holboo_xml_node_get_text (reaction);

      if (!holboo_xmpp_reaction_is_valid (text))
        {
          g_debug ("Ignoring an invalid reaction to %s", id);
          continue;
        }
      if (g_strv_contains ((const char * const *) set->pdata, text))
        continue;
      if (set->len == HOLBOO_XMPP_REACTIONS_MAX)
        {
          g_debug ("Ignoring reactions to %s beyond %u", id, HOLBOO_XMPP_REACTIONS_MAX);
          break;
        }
      g_ptr_array_add (set, g_strdup (text));
    }

  *out_reactions = (GStrv) g_ptr_array_free (g_steal_pointer (&set), FALSE);
  return id;
}
