/* holboo-xmpp-vcard4.c: vCard4 over PEP (XEP-0292)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card is one item, id "current", in the account's urn:xmpp:vcard4
 * node; what the vCard says is the card module's business (src/core),
 * this one moves it.  A vCard from another account over
 * %HOLBOO_XMPP_VCARD4_MAX_SIZE bytes of XML is refused with a log line:
 * a card is a few kilobytes, and the photo travels as the avatar.
 */

#define G_LOG_DOMAIN "holboo-xmpp-vcard4"

#include "config.h"

#include "holboo-xmpp-vcard4.h"

#include <gio/gio.h>

static gboolean
check_size (HolbooXmlNode *vcard,
            const char    *whose,
            GError       **error)
{
  gsize size = holboo_xmpp_pep_serialized_size (vcard);

  if (size <= HOLBOO_XMPP_VCARD4_MAX_SIZE)
    return TRUE;

  g_message ("Refusing %s vCard of %" G_GSIZE_FORMAT " bytes (the limit is %u)",
             whose, size, HOLBOO_XMPP_VCARD4_MAX_SIZE);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               "The vCard is %" G_GSIZE_FORMAT " bytes, over the limit of %u",
               size, HOLBOO_XMPP_VCARD4_MAX_SIZE);
  return FALSE;
}

/**
 * holboo_xmpp_vcard4_build_publish:
 * @vcard: a `<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>`
 *
 * Returns: (transfer full): the iq that publishes it, readable by @access
 */
HolbooXmlNode *
holboo_xmpp_vcard4_build_publish (HolbooXmlNode      *vcard,
                                  HolbooXmppPepAccess access)
{
  g_return_val_if_fail (holboo_xml_node_is (vcard, "vcard", HOLBOO_XMLNS_VCARD4_DATA), NULL);

  return holboo_xmpp_pep_build_publish (HOLBOO_XMLNS_VCARD4_NODE, "current", vcard, access);
}

/**
 * holboo_xmpp_vcard4_build_request:
 * @jid: whose card (a bare JID)
 *
 * Returns: (transfer full): the iq get for the newest card
 */
HolbooXmlNode *
holboo_xmpp_vcard4_build_request (const char *jid)
{
  return holboo_xmpp_pep_build_items_request (jid, HOLBOO_XMLNS_VCARD4_NODE, NULL);
}

/**
 * holboo_xmpp_vcard4_parse_result:
 * @error: %G_IO_ERROR_NOT_FOUND for no card, %G_IO_ERROR_MESSAGE_TOO_LARGE
 *   for one over the limit
 *
 * Returns: (transfer full) (nullable): the vCard
 */
HolbooXmlNode *
holboo_xmpp_vcard4_parse_result (HolbooXmlNode *iq,
                                 GError       **error)
{
  HolbooXmlNode *vcard = holboo_xmpp_pep_get_item_payload (iq, HOLBOO_XMLNS_VCARD4_NODE, "vcard",
                                                           HOLBOO_XMLNS_VCARD4_DATA, error);

  if (vcard == NULL || !check_size (vcard, "a", error))
    return NULL;
  return holboo_xml_node_ref (vcard);
}

/**
 * holboo_xmpp_vcard4_parse_event:
 * @from: (out) (optional): whose card it is
 *
 * Returns: (transfer full) (nullable): the new card a PEP event carries,
 *   or %NULL if @message is no vCard event or one to drop
 */
HolbooXmlNode *
holboo_xmpp_vcard4_parse_event (HolbooXmlNode *message,
                                HolbooJid    **from)
{
  g_autoptr(HolbooJid) jid = NULL;
  HolbooXmlNode *vcard = holboo_xmpp_pep_parse_event (message, HOLBOO_XMLNS_VCARD4_NODE, "vcard",
                                                      HOLBOO_XMLNS_VCARD4_DATA, &jid);

  if (vcard == NULL || !check_size (vcard, "an event's", NULL))
    return NULL;
  if (from != NULL)
    *from = g_steal_pointer (&jid);
  return holboo_xml_node_ref (vcard);
}
