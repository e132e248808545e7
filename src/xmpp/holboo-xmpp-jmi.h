/* holboo-xmpp-jmi.h: Jingle Message Initiation (XEP-0353)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"
#include "holboo-xmpp-jingle.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_JMI "urn:xmpp:jingle-message:0"

/**
 * HolbooXmppJmiKind:
 * @HOLBOO_XMPP_JMI_NONE: not a JMI message
 * @HOLBOO_XMPP_JMI_PROPOSE: the caller proposes a session (to the
 *   callee's bare JID: every device rings)
 * @HOLBOO_XMPP_JMI_RETRACT: the caller takes the proposal back
 * @HOLBOO_XMPP_JMI_RINGING: a callee's device rings
 * @HOLBOO_XMPP_JMI_PROCEED: a callee's device answers: the caller now
 *   sends session-initiate to it
 * @HOLBOO_XMPP_JMI_ACCEPT: (older clients) answered, to the callee's
 *   own bare JID, so that its other devices stop ringing
 * @HOLBOO_XMPP_JMI_REJECT: the callee declines
 * @HOLBOO_XMPP_JMI_FINISH: the session that followed has ended
 */
typedef enum {
  HOLBOO_XMPP_JMI_NONE,
  HOLBOO_XMPP_JMI_PROPOSE,
  HOLBOO_XMPP_JMI_RETRACT,
  HOLBOO_XMPP_JMI_RINGING,
  HOLBOO_XMPP_JMI_PROCEED,
  HOLBOO_XMPP_JMI_ACCEPT,
  HOLBOO_XMPP_JMI_REJECT,
  HOLBOO_XMPP_JMI_FINISH,
} HolbooXmppJmiKind;

/**
 * HolbooXmppJmi:
 * @kind: what the message says
 * @id: the proposal's id, which is the Jingle session's sid
 * @audio: propose: an RTP description of audio is proposed
 * @video: propose: and of video
 * @reason: reject, retract, finish: the Jingle reason, if given
 */
typedef struct {
  HolbooXmppJmiKind       kind;
  char                   *id;
  gboolean                audio;
  gboolean                video;
  HolbooXmppJingleReason  reason;
} HolbooXmppJmi;

HolbooXmppJmi *holboo_xmpp_jmi_parse (HolbooXmlNode     *message,
                                      GError           **error);
void           holboo_xmpp_jmi_free  (HolbooXmppJmi     *jmi);
HolbooXmlNode *holboo_xmpp_jmi_build (const char        *to,
                                      HolbooXmppJmiKind  kind,
                                      const char        *id,
                                      gboolean           video,
                                      HolbooXmppJingleReason reason);
const char    *holboo_xmpp_jmi_kind_to_string (HolbooXmppJmiKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppJmi, holboo_xmpp_jmi_free)

G_END_DECLS
