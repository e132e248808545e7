/* holboo-xmpp-jingle-rtp.c: RTP sessions' informational messages
 * (XEP-0167 §7): ringing, hold, mute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session-info carries at most one of these; an empty one is a ping.
 * mute and unmute may name the content (creator, name) they are about;
 * without a name they are about the whole session.
 */

#define G_LOG_DOMAIN "holboo-xmpp-jingle-rtp"

#include "config.h"

#include "holboo-xmpp-jingle-rtp.h"
#include "holboo-xmpp-jingle.h"

static const char * const infos[] = {
  [HOLBOO_XMPP_RTP_INFO_NONE] = NULL,
  [HOLBOO_XMPP_RTP_INFO_UNKNOWN] = NULL,
  [HOLBOO_XMPP_RTP_INFO_ACTIVE] = "active",
  [HOLBOO_XMPP_RTP_INFO_HOLD] = "hold",
  [HOLBOO_XMPP_RTP_INFO_UNHOLD] = "unhold",
  [HOLBOO_XMPP_RTP_INFO_MUTE] = "mute",
  [HOLBOO_XMPP_RTP_INFO_UNMUTE] = "unmute",
  [HOLBOO_XMPP_RTP_INFO_RINGING] = "ringing",
};

/**
 * holboo_xmpp_jingle_rtp_add_info:
 * @jingle: a session-info <jingle/>
 * @creator: (nullable): mute/unmute: the content's creator
 * @content_name: (nullable): mute/unmute: the content's name
 */
void
holboo_xmpp_jingle_rtp_add_info (HolbooXmlNode     *jingle,
                                 HolbooXmppRtpInfo  info,
                                 const char        *creator,
                                 const char        *content_name)
{
  HolbooXmlNode *node;

  g_return_if_fail (jingle != NULL);
  g_return_if_fail (info >= HOLBOO_XMPP_RTP_INFO_ACTIVE && info < G_N_ELEMENTS (infos));

  node = holboo_xml_node_add_child_ns (jingle, infos[info], HOLBOO_XMLNS_JINGLE_RTP_INFO);
  if ((info == HOLBOO_XMPP_RTP_INFO_MUTE || info == HOLBOO_XMPP_RTP_INFO_UNMUTE) && content_name != NULL)
    {
      holboo_xml_node_set_attribute (node, "creator", creator != NULL ? creator : "initiator");
      holboo_xml_node_set_attribute (node, "name", content_name);
    }
}

/**
 * holboo_xmpp_jingle_rtp_parse_info:
 * @out_content_name: (out) (optional) (transfer none): mute/unmute: the
 *   content named, or %NULL for the whole session
 *
 * Returns: the first RTP info in a session-info <jingle/>; NONE when
 *   it is empty (a ping), UNKNOWN when it carries something else
 */
HolbooXmppRtpInfo
holboo_xmpp_jingle_rtp_parse_info (HolbooXmlNode  *jingle,
                                   const char    **out_content_name)
{
  HolbooXmppRtpInfo found = HOLBOO_XMPP_RTP_INFO_NONE;

  g_return_val_if_fail (jingle != NULL, HOLBOO_XMPP_RTP_INFO_NONE);

  if (out_content_name != NULL)
    *out_content_name = NULL;

  for (HolbooXmlNode *c = holboo_xml_node_get_first_child (jingle); c != NULL;
       c = holboo_xml_node_get_next_sibling (c))
    {
      if (g_strcmp0 (holboo_xml_node_get_ns (c), HOLBOO_XMLNS_JINGLE_RTP_INFO) != 0)
        {
          /* Some other application's info: not ours to understand. */
          found = HOLBOO_XMPP_RTP_INFO_UNKNOWN;
          continue;
        }
      for (guint i = HOLBOO_XMPP_RTP_INFO_ACTIVE; i < G_N_ELEMENTS (infos); i++)
        if (g_strcmp0 (holboo_xml_node_get_name (c), infos[i]) == 0)
          {
            if (out_content_name != NULL)
              *out_content_name = holboo_xml_node_get_attribute (c, "name");
            return i;
          }
      return HOLBOO_XMPP_RTP_INFO_UNKNOWN;
    }
  return found;
}
