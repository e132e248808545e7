/* holboo-xmpp-markers.c: chat markers (XEP-0333)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sender marks a message `<markable/>`; the receiver may answer with
 * `<displayed id='…'/>` once the user saw it, which also covers every
 * earlier message of the conversation.  Holboo sends one marker, for
 * the newest message read, and a marker its own other device sent
 * (seen as a sent carbon, or in the archive) moves this device's read
 * position too.  Markers ask to be archived (XEP-0334 `<store/>`), so
 * a device catching up learns how far the others read.
 */

#define G_LOG_DOMAIN "holboo-xmpp-markers"

#include "config.h"

#include "holboo-xmpp-markers.h"
#include "holboo-xmpp-message.h"
#include "holboo-xmpp-receipts.h"

static const char * const marker_names[] = {
  [HOLBOO_XMPP_MARKER_RECEIVED] = "received",
  [HOLBOO_XMPP_MARKER_DISPLAYED] = "displayed",
  [HOLBOO_XMPP_MARKER_ACKNOWLEDGED] = "acknowledged",
};

/**
 * holboo_xmpp_markers_add_markable:
 *
 * Asks the receivers of @message for markers.
 */
void
holboo_xmpp_markers_add_markable (HolbooXmlNode *message)
{
  g_return_if_fail (message != NULL);

  holboo_xml_node_add_child_ns (message, "markable", HOLBOO_XMLNS_MARKERS);
}

/**
 * holboo_xmpp_markers_is_markable:
 *
 * Returns: whether @message asks for markers and has an id to name
 */
gboolean
holboo_xmpp_markers_is_markable (HolbooXmlNode *message)
{
  g_return_val_if_fail (message != NULL, FALSE);

  return holboo_xml_node_get_child (message, "markable", HOLBOO_XMLNS_MARKERS) != NULL &&
         holboo_xmpp_id_is_valid (holboo_xml_node_get_attribute (message, "id"));
}

/**
 * holboo_xmpp_markers_build:
 * @to: the peer (for a 1:1 chat its bare JID: every device of the peer
 *   and of the account, by carbon, learns it)
 * @marker: which marker
 * @message_id: the id attribute of the message marked
 *
 * Returns: (transfer full): the marker, a message of type chat with an
 *   id of its own
 */
HolbooXmlNode *
holboo_xmpp_markers_build (const char       *to,
                           HolbooXmppMarker  marker,
                           const char       *message_id)
{
  g_autofree char *own_id = g_uuid_string_random ();
  HolbooXmlNode *message;
  HolbooXmlNode *node;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (marker > HOLBOO_XMPP_MARKER_NONE && marker <= HOLBOO_XMPP_MARKER_ACKNOWLEDGED, NULL);
  g_return_val_if_fail (holboo_xmpp_id_is_valid (message_id), NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "type", "chat");
  holboo_xml_node_set_attribute (message, "id", own_id);
  node = holboo_xml_node_add_child_ns (message, marker_names[marker], HOLBOO_XMLNS_MARKERS);
  holboo_xml_node_set_attribute (node, "id", message_id);
  holboo_xml_node_add_child_ns (message, "store", HOLBOO_XMLNS_HINTS);
  return message;
}

/**
 * holboo_xmpp_markers_parse:
 * @out_id: (out) (optional): the id of the message marked
 *
 * Returns: the marker @message carries (the first one), or
 *   %HOLBOO_XMPP_MARKER_NONE (also for a marker without a usable id)
 */
HolbooXmppMarker
holboo_xmpp_markers_parse (HolbooXmlNode  *message,
                           const char    **out_id)
{
  HolbooXmlIter iter;
  HolbooXmlNode *node;

  g_return_val_if_fail (message != NULL, HOLBOO_XMPP_MARKER_NONE);

  holboo_xml_iter_init (&iter, message, NULL, HOLBOO_XMLNS_MARKERS);
  while (holboo_xml_iter_next (&iter, &node))
    for (HolbooXmppMarker m = HOLBOO_XMPP_MARKER_RECEIVED; m <= HOLBOO_XMPP_MARKER_ACKNOWLEDGED; m++)
      {
        const char *id;

        if (g_strcmp0 (holboo_xml_node_get_name (node), marker_names[m]) != 0)
          continue;
        id = holboo_xml_node_get_attribute (node, "id");
        if (!holboo_xmpp_id_is_valid (id))
          return HOLBOO_XMPP_MARKER_NONE;
        if (out_id != NULL)
          *out_id = id;
        return m;
      }
  return HOLBOO_XMPP_MARKER_NONE;
}
