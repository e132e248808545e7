/* holboo-xmpp-receipts.c: message delivery receipts (XEP-0184)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sender asks with `<request/>` in a message that has an id; the
 * recipient's client answers, once the message is safely stored, with a
 * message carrying `<received id='…'/>`.  Receipts say "this device has
 * it", nothing more: they are not read markers.
 *
 * A receipt is news for the sender's devices now, not history: it asks
 * not to be archived (XEP-0334 no-permanent-store; offline storage may
 * still keep it), so that archives — and every catch-up paging through
 * them — hold messages rather than one receipt per message.
 */

#define G_LOG_DOMAIN "holboo-xmpp-receipts"

#include "config.h"

#include "holboo-xmpp-receipts.h"

/**
 * holboo_xmpp_receipts_add_request:
 * @message: a message with an id attribute
 *
 * Asks the recipient for a receipt.
 */
void
holboo_xmpp_receipts_add_request (HolbooXmlNode *message)
{
  g_return_if_fail (message != NULL);

  holboo_xml_node_add_child_ns (message, "request", HOLBOO_XMLNS_RECEIPTS);
}

/**
 * holboo_xmpp_receipts_is_requested:
 *
 * Returns: whether @message asks for a receipt and can get one (it has
 *   an id to name, and is not an error)
 */
gboolean
holboo_xmpp_receipts_is_requested (HolbooXmlNode *message)
{
  g_return_val_if_fail (message != NULL, FALSE);

  return holboo_xml_node_get_child (message, "request", HOLBOO_XMLNS_RECEIPTS) != NULL &&
         holboo_xml_node_get_attribute (message, "id") != NULL &&
         g_strcmp0 (holboo_xml_node_get_attribute (message, "type"), "error") != 0;
}

/**
 * holboo_xmpp_receipts_get_received:
 *
 * Returns: (nullable): the id of the message that @message confirms
 */
const char *
holboo_xmpp_receipts_get_received (HolbooXmlNode *message)
{
  HolbooXmlNode *received;
  const char *id;

  g_return_val_if_fail (message != NULL, NULL);

  received = holboo_xml_node_get_child (message, "received", HOLBOO_XMLNS_RECEIPTS);
  if (received == NULL)
    return NULL;

  id = holboo_xml_node_get_attribute (received, "id");
  return id != NULL && *id != '\0' ? id : NULL;
}

/**
 * holboo_xmpp_receipts_build_received:
 * @to: the full JID of the sender of the confirmed message
 * @id: its id attribute
 *
 * Returns: (transfer full): the receipt, a message with an id of its own
 */
HolbooXmlNode *
holboo_xmpp_receipts_build_received (const char *to,
                                     const char *id)
{
  g_autofree char *own_id = g_uuid_string_random ();
  HolbooXmlNode *message;
  HolbooXmlNode *received;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "id", own_id);
  received = holboo_xml_node_add_child_ns (message, "received", HOLBOO_XMLNS_RECEIPTS);
  holboo_xml_node_set_attribute (received, "id", id);
  holboo_xml_node_add_child_ns (message, "no-permanent-store", HOLBOO_XMLNS_HINTS);
  return message;
}
