/* holboo-xmpp-jingle.h: Jingle session IQs (XEP-0166)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"
#include "holboo-xmpp-error.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_JINGLE          "urn:xmpp:jingle:1"
#define HOLBOO_XMLNS_JINGLE_ERRORS   "urn:xmpp:jingle:errors:1"
#define HOLBOO_XMLNS_JINGLE_RTP      "urn:xmpp:jingle:apps:rtp:1"
#define HOLBOO_XMLNS_JINGLE_RTP_INFO "urn:xmpp:jingle:apps:rtp:info:1"
#define HOLBOO_XMLNS_JINGLE_ICE_UDP  "urn:xmpp:jingle:transports:ice-udp:1"
#define HOLBOO_XMLNS_JINGLE_DTLS     "urn:xmpp:jingle:apps:dtls:0"

/* Longest sid we take from a peer (XEP-0166 says nothing; real clients
 * send 8–40 characters). */
#define HOLBOO_XMPP_JINGLE_MAX_SID 128

/**
 * HolbooXmppJingleAction:
 *
 * The actions of XEP-0166 §7.2; %HOLBOO_XMPP_JINGLE_ACTION_UNKNOWN for
 * anything else (answered with feature-not-implemented).
 */
typedef enum {
  HOLBOO_XMPP_JINGLE_ACTION_UNKNOWN,
  HOLBOO_XMPP_JINGLE_ACTION_SESSION_INITIATE,
  HOLBOO_XMPP_JINGLE_ACTION_SESSION_ACCEPT,
  HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE,
  HOLBOO_XMPP_JINGLE_ACTION_SESSION_INFO,
  HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_INFO,
  HOLBOO_XMPP_JINGLE_ACTION_CONTENT_ADD,
  HOLBOO_XMPP_JINGLE_ACTION_CONTENT_MODIFY,
  HOLBOO_XMPP_JINGLE_ACTION_CONTENT_REMOVE,
  HOLBOO_XMPP_JINGLE_ACTION_CONTENT_ACCEPT,
  HOLBOO_XMPP_JINGLE_ACTION_CONTENT_REJECT,
  HOLBOO_XMPP_JINGLE_ACTION_DESCRIPTION_INFO,
  HOLBOO_XMPP_JINGLE_ACTION_SECURITY_INFO,
  HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_ACCEPT,
  HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_REJECT,
  HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_REPLACE,
} HolbooXmppJingleAction;

/**
 * HolbooXmppJingleReason:
 *
 * The reasons of XEP-0166 §7.4, in its order.
 */
typedef enum {
  HOLBOO_XMPP_JINGLE_REASON_NONE,
  HOLBOO_XMPP_JINGLE_REASON_ALTERNATIVE_SESSION,
  HOLBOO_XMPP_JINGLE_REASON_BUSY,
  HOLBOO_XMPP_JINGLE_REASON_CANCEL,
  HOLBOO_XMPP_JINGLE_REASON_CONNECTIVITY_ERROR,
  HOLBOO_XMPP_JINGLE_REASON_DECLINE,
  HOLBOO_XMPP_JINGLE_REASON_EXPIRED,
  HOLBOO_XMPP_JINGLE_REASON_FAILED_APPLICATION,
  HOLBOO_XMPP_JINGLE_REASON_FAILED_TRANSPORT,
  HOLBOO_XMPP_JINGLE_REASON_GENERAL_ERROR,
  HOLBOO_XMPP_JINGLE_REASON_GONE,
  HOLBOO_XMPP_JINGLE_REASON_INCOMPATIBLE_PARAMETERS,
  HOLBOO_XMPP_JINGLE_REASON_MEDIA_ERROR,
  HOLBOO_XMPP_JINGLE_REASON_SECURITY_ERROR,
  HOLBOO_XMPP_JINGLE_REASON_SUCCESS,
  HOLBOO_XMPP_JINGLE_REASON_TIMEOUT,
  HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_APPLICATIONS,
  HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_TRANSPORTS,
} HolbooXmppJingleReason;

/**
 * HolbooXmppJingleError:
 *
 * The Jingle-specific error conditions of XEP-0166 §12, sent beside a
 * stanza error condition.
 */
typedef enum {
  HOLBOO_XMPP_JINGLE_ERROR_NONE,
  HOLBOO_XMPP_JINGLE_ERROR_OUT_OF_ORDER,
  HOLBOO_XMPP_JINGLE_ERROR_TIE_BREAK,
  HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION,
  HOLBOO_XMPP_JINGLE_ERROR_UNSUPPORTED_INFO,
  HOLBOO_XMPP_JINGLE_ERROR_SECURITY_REQUIRED,
} HolbooXmppJingleError;

/**
 * HolbooXmppJingle:
 * @iq: the whole iq (a reference)
 * @jingle: its <jingle/> element
 * @from: the sender's full JID
 * @action: what it asks
 * @sid: the session id
 * @initiator: (nullable): the initiator attribute, as a JID
 * @responder: (nullable): the responder attribute
 * @reason: session-terminate's reason, or NONE
 *
 * A parsed Jingle request.
 */
typedef struct {
  HolbooXmlNode          *iq;
  HolbooXmlNode          *jingle;
  HolbooJid              *from;
  HolbooXmppJingleAction  action;
  char                   *sid;
  HolbooJid              *initiator;
  HolbooJid              *responder;
  HolbooXmppJingleReason  reason;
} HolbooXmppJingle;

const char             *holboo_xmpp_jingle_action_to_string (HolbooXmppJingleAction action);
HolbooXmppJingleAction  holboo_xmpp_jingle_action_from_string (const char          *action);
const char             *holboo_xmpp_jingle_reason_to_string (HolbooXmppJingleReason reason);
HolbooXmppJingleReason  holboo_xmpp_jingle_reason_from_string (const char          *reason);
const char             *holboo_xmpp_jingle_error_to_string  (HolbooXmppJingleError  error);

HolbooXmppJingle       *holboo_xmpp_jingle_parse            (HolbooXmlNode          *iq,
                                                             GError                **error);
void                    holboo_xmpp_jingle_free             (HolbooXmppJingle       *jingle);

HolbooXmlNode          *holboo_xmpp_jingle_build_iq         (const char             *to,
                                                             HolbooXmppJingleAction  action,
                                                             const char             *sid,
                                                             HolbooXmlNode         **out_jingle);
void                    holboo_xmpp_jingle_add_reason       (HolbooXmlNode          *jingle,
                                                             HolbooXmppJingleReason  reason,
                                                             const char             *text);
HolbooXmlNode          *holboo_xmpp_jingle_error_reply      (HolbooXmlNode          *request,
                                                             HolbooXmppStanzaError   condition,
                                                             HolbooXmppJingleError   jingle_condition);
HolbooXmppJingleError   holboo_xmpp_jingle_error_from_node  (HolbooXmlNode          *error_iq);
HolbooXmlNode          *holboo_xmpp_jingle_result_reply     (HolbooXmlNode          *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppJingle, holboo_xmpp_jingle_free)

G_END_DECLS
