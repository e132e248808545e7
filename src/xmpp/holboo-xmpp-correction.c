/* holboo-xmpp-correction.c: last message correction (XEP-0308)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A correction is a whole new message whose body replaces the body of
 * an earlier one, named by its id attribute in `<replace id='…'/>`.
 * Every correction names the original message, not the previous
 * correction (XEP-0308 §4).  Who may correct what — only the original
 * sender — is for the receiver to check against what it stored; this
 * module only reads and writes the element.
 */

#define G_LOG_DOMAIN "holboo-xmpp-correction"

#include "config.h"

#include "holboo-xmpp-correction.h"
#include "holboo-xmpp-message.h"

/**
 * holboo_xmpp_correction_add:
 * @message: a message with the new body
 * @replace_id: the id attribute of the message it corrects
 *
 * Makes @message a correction of @replace_id.
 */
void
holboo_xmpp_correction_add (HolbooXmlNode *message,
                            const char    *replace_id)
{
  HolbooXmlNode *replace;

  g_return_if_fail (message != NULL);
  g_return_if_fail (holboo_xmpp_id_is_valid (replace_id));

  replace = holboo_xml_node_add_child_ns (message, "replace", HOLBOO_XMLNS_CORRECTION);
  holboo_xml_node_set_attribute (replace, "id", replace_id);
}

/**
 * holboo_xmpp_correction_get_replace_id:
 *
 * Returns: (nullable): the id of the message that @message corrects, or
 *   %NULL when it is no correction (or names no usable id)
 */
const char *
holboo_xmpp_correction_get_replace_id (HolbooXmlNode *message)
{
  HolbooXmlNode *replace;
  const char *id;

  g_return_val_if_fail (message != NULL, NULL);

  replace = holboo_xml_node_get_child (message, "replace", HOLBOO_XMLNS_CORRECTION);
  if (replace == NULL)
    return NULL;
  id = holboo_xml_node_get_attribute (replace, "id");
  return holboo_xmpp_id_is_valid (id) ? id : NULL;
}
