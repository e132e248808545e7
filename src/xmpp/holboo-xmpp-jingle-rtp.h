/* holboo-xmpp-jingle-rtp.h: RTP sessions' informational messages
 * (XEP-0167 §7): ringing, hold, mute
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

/**
 * HolbooXmppRtpInfo:
 * @HOLBOO_XMPP_RTP_INFO_NONE: not an RTP session-info payload (or an
 *   empty session-info, a ping)
 * @HOLBOO_XMPP_RTP_INFO_UNKNOWN: an RTP info we do not know
 *
 * The payloads of an RTP session-info.
 */
typedef enum {
  HOLBOO_XMPP_RTP_INFO_NONE,
  HOLBOO_XMPP_RTP_INFO_UNKNOWN,
  HOLBOO_XMPP_RTP_INFO_ACTIVE,
  HOLBOO_XMPP_RTP_INFO_HOLD,
  HOLBOO_XMPP_RTP_INFO_UNHOLD,
  HOLBOO_XMPP_RTP_INFO_MUTE,
  HOLBOO_XMPP_RTP_INFO_UNMUTE,
  HOLBOO_XMPP_RTP_INFO_RINGING,
} HolbooXmppRtpInfo;

void              holboo_xmpp_jingle_rtp_add_info   (HolbooXmlNode     *jingle,
                                                     HolbooXmppRtpInfo  info,
                                                     const char        *creator,
                                                     const char        *content_name);
HolbooXmppRtpInfo holboo_xmpp_jingle_rtp_parse_info (HolbooXmlNode     *jingle,
                                                     const char       **out_content_name);

G_END_DECLS
