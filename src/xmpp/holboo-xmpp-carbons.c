/* holboo-xmpp-carbons.c: message carbons (XEP-0280) and the forwarded
 * messages they carry (XEP-0297)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A carbon is only as trustworthy as its wrapper: anyone can send a
 * message that contains <received/> or <sent/>, claiming that the
 * account received or sent whatever it likes (CVE-2017-5589 and its
 * kin).  Only the account's own server, writing as the account's bare
 * JID, sends real carbons; everything else is refused here.
 */

#define G_LOG_DOMAIN "holboo-xmpp-carbons"

#include "config.h"

#include "holboo-xmpp-carbons.h"
#include "holboo-xmpp-error.h"

/**
 * holboo_xmpp_carbons_build_enable:
 *
 * Returns: (transfer full): the iq that enables carbons for this session
 */
HolbooXmlNode *
holboo_xmpp_carbons_build_enable (void)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (iq, "type", "set");
  holboo_xml_node_add_child_ns (iq, "enable", HOLBOO_XMLNS_CARBONS);
  return iq;
}

/**
 * holboo_xmpp_forwarded_get_message:
 * @forwarded: a `<forwarded/>` element
 *
 * Returns: (transfer none) (nullable): the message it forwards
 */
HolbooXmlNode *
holboo_xmpp_forwarded_get_message (HolbooXmlNode *forwarded)
{
  g_return_val_if_fail (forwarded != NULL, NULL);

  return holboo_xml_node_get_child (forwarded, "message", HOLBOO_XMLNS_CLIENT);
}

static gboolean
bare_matches (const char      *address,
              const HolbooJid *account)
{
  g_autoptr(HolbooJid) jid = NULL;

  if (address == NULL)
    return FALSE;
  jid = holboo_jid_parse (address, -1, NULL);
  return jid != NULL && holboo_jid_equal_bare (jid, account);
}

/**
 * holboo_xmpp_carbons_unwrap:
 * @stanza: a message
 * @account: the account's JID
 * @out_message: (out) (transfer none) (optional): for a carbon, the
 *   message it carries
 * @error: return location for a #GError
 *
 * Recognises a carbon and checks that it is one: it comes from the
 * account's bare JID (written by its own server); a sent carbon's
 * message was written by the account, a received carbon's was addressed
 * to it.
 *
 * Returns: the kind of carbon; %HOLBOO_XMPP_CARBON_NONE either for a
 *   message that is no carbon (@error unset) or for a forged or broken
 *   carbon, which must be dropped (@error set, %HOLBOO_XMPP_ERROR_PROTOCOL)
 */
HolbooXmppCarbon
holboo_xmpp_carbons_unwrap (HolbooXmlNode    *stanza,
                            const HolbooJid  *account,
                            HolbooXmlNode   **out_message,
                            GError          **error)
{
  HolbooXmppCarbon kind = HOLBOO_XMPP_CARBON_RECEIVED;
  g_autoptr(HolbooJid) from_jid = NULL;
  HolbooXmlNode *wrapper, *forwarded, *inner;
  const char *from;

  g_return_val_if_fail (stanza != NULL, HOLBOO_XMPP_CARBON_NONE);
  g_return_val_if_fail (account != NULL, HOLBOO_XMPP_CARBON_NONE);

  if (out_message != NULL)
    *out_message = NULL;

  wrapper = holboo_xml_node_get_child (stanza, "received", HOLBOO_XMLNS_CARBONS);
  if (wrapper == NULL)
    {
      wrapper = holboo_xml_node_get_child (stanza, "sent", HOLBOO_XMLNS_CARBONS);
      kind = HOLBOO_XMPP_CARBON_SENT;
    }
  if (wrapper == NULL)
    return HOLBOO_XMPP_CARBON_NONE;

  /* From the bare JID exactly: a resource of ours is another device,
   * which cannot write carbons. */
  from = holboo_xml_node_get_attribute (stanza, "from");
  from_jid = from != NULL ? holboo_jid_parse (from, -1, NULL) : NULL;
  if (from_jid == NULL || !holboo_jid_is_bare (from_jid) || !holboo_jid_equal_bare (from_jid, account))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A carbon from “%s”, not from the account itself", from != NULL ? from : "");
      return HOLBOO_XMPP_CARBON_NONE;
    }

  forwarded = holboo_xml_node_get_child (wrapper, "forwarded", HOLBOO_XMLNS_FORWARD);
  inner = forwarded != NULL ? holboo_xmpp_forwarded_get_message (forwarded) : NULL;
  if (inner == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A carbon without a forwarded message");
      return HOLBOO_XMPP_CARBON_NONE;
    }

  if (kind == HOLBOO_XMPP_CARBON_SENT &&
      !bare_matches (holboo_xml_node_get_attribute (inner, "from"), account))
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A sent carbon of a message the account did not write");
      return HOLBOO_XMPP_CARBON_NONE;
    }
  if (kind == HOLBOO_XMPP_CARBON_RECEIVED &&
      !bare_matches (holboo_xml_node_get_attribute (inner, "to"), account))
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A received carbon of a message not addressed to the account");
      return HOLBOO_XMPP_CARBON_NONE;
    }

  if (out_message != NULL)
    *out_message = inner;
  return kind;
}
