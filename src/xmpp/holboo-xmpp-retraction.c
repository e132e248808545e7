/* holboo-xmpp-retraction.c: message retraction (XEP-0424), with the
 * message fastening (XEP-0422) of its earlier version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Delete for everyone": a message that asks the receivers to forget
 * one of the sender's earlier messages.  XEP-0424 1.0 says it with
 * `<retract id='…' xmlns='urn:xmpp:message-retract:1'/>`; its 0.x
 * versions, which deployed clients still speak, fastened a
 * `<retract xmlns='urn:xmpp:message-retract:0'/>` to the message with
 * XEP-0422 `<apply-to id='…' xmlns='urn:xmpp:fasten:0'>`.  Holboo sends
 * both and understands both.  The body is a fallback (XEP-0428) for
 * clients that know neither, and the message asks to be archived
 * (XEP-0334 `<store/>`) so that devices catching up later learn of it.
 *
 * Only the original sender may retract: the receiver checks that
 * against what it stored.
 */

#define G_LOG_DOMAIN "holboo-xmpp-retraction"

#include "config.h"

#include "holboo-xmpp-retraction.h"
#include "holboo-xmpp-fallback.h"
#include "holboo-xmpp-message.h"
#include "holboo-xmpp-receipts.h"

/**
 * holboo_xmpp_retraction_build:
 * @to: the conversation's peer
 * @id: the id of the retraction itself (also its origin-id)
 * @retract_id: the id attribute (for 1:1 chats) of the message to retract
 * @fallback_body: the text shown by clients without retraction
 *
 * Returns: (transfer full): the retraction, a message of type chat
 */
HolbooXmlNode *
holboo_xmpp_retraction_build (const char *to,
                              const char *id,
                              const char *retract_id,
                              const char *fallback_body)
{
  HolbooXmlNode *message;
  HolbooXmlNode *node;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (holboo_xmpp_id_is_valid (id), NULL);
  g_return_val_if_fail (holboo_xmpp_id_is_valid (retract_id), NULL);
  g_return_val_if_fail (fallback_body != NULL, NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "type", "chat");
  holboo_xml_node_set_attribute (message, "id", id);

  node = holboo_xml_node_add_child_ns (message, "retract", HOLBOO_XMLNS_RETRACT);
  holboo_xml_node_set_attribute (node, "id", retract_id);
  node = holboo_xml_node_add_child_ns (message, "apply-to", HOLBOO_XMLNS_FASTEN);
  holboo_xml_node_set_attribute (node, "id", retract_id);
  holboo_xml_node_add_child_ns (node, "retract", HOLBOO_XMLNS_RETRACT_0);

  holboo_xml_node_add_text_child (message, "body", fallback_body);
  holboo_xmpp_fallback_add (message, HOLBOO_XMLNS_RETRACT, -1, -1);
  holboo_xmpp_fallback_add (message, HOLBOO_XMLNS_RETRACT_0, -1, -1);
  node = holboo_xml_node_add_child_ns (message, "origin-id", HOLBOO_XMLNS_SID);
  holboo_xml_node_set_attribute (node, "id", id);
  holboo_xml_node_add_child_ns (message, "store", HOLBOO_XMLNS_HINTS);
  return message;
}

/**
 * holboo_xmpp_retraction_get_id:
 *
 * Returns: (nullable): the id of the message that @message retracts
 *   (either version), or %NULL when it retracts nothing
 */
const char *
holboo_xmpp_retraction_get_id (HolbooXmlNode *message)
{
  HolbooXmlNode *node;
  const char *id;

  g_return_val_if_fail (message != NULL, NULL);

  node = holboo_xml_node_get_child (message, "retract", HOLBOO_XMLNS_RETRACT);
  if (node != NULL)
    {
      id = holboo_xml_node_get_attribute (node, "id");
      return holboo_xmpp_id_is_valid (id) ? id : NULL;
    }

  node = holboo_xml_node_get_child (message, "apply-to", HOLBOO_XMLNS_FASTEN);
  if (node != NULL && holboo_xml_node_get_child (node, "retract", HOLBOO_XMLNS_RETRACT_0) != NULL)
    {
      id = holboo_xml_node_get_attribute (node, "id");
      return holboo_xmpp_id_is_valid (id) ? id : NULL;
    }
  return NULL;
}
