/* holboo-call-requests.c: what a call's peer asks (XEP-0166 requests,
 * XEP-0353 messages), answered at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every Jingle request is answered with a result or with the errors of
 * XEP-0166 §12: out-of-order for a request the session's state does not
 * allow, unknown-session (from the account, holboo-account-calls.c) for
 * a sid or sender that is not this session's, unsupported-info for a
 * session-info we do not understand, security-required when the DTLS
 * fingerprint changes mid-call (the call is then cut), bad-request for
 * malformed contents, resource-constraint past
 * %HOLBOO_CALL_MAX_REMOTE_CANDIDATES candidates.
 */

#define G_LOG_DOMAIN "holboo-call"

#include "config.h"

#include "holboo-call-private.h"
#include "holboo-xmpp-jingle-rtp.h"

/* ---- requests from the peer ---- */

static void
reply_error (HolbooCall            *self,
             HolbooXmppJingle      *jingle,
             HolbooXmppStanzaError  condition,
             HolbooXmppJingleError  jingle_condition)
{
  g_autoptr(HolbooXmlNode) reply = holboo_xmpp_jingle_error_reply (jingle->iq, condition, jingle_condition);

  _holboo_call_send (self, reply);
}

static void
reply_result (HolbooCall       *self,
              HolbooXmppJingle *jingle)
{
  g_autoptr(HolbooXmlNode) reply = holboo_xmpp_jingle_result_reply (jingle->iq);

  _holboo_call_send (self, reply);
}

static void
handle_session_accept (HolbooCall       *self,
                       HolbooXmppJingle *jingle)
{
  g_autoptr(GError) error = NULL;
  GstSDPMessage *sdp;

  if (self->incoming || self->remote_sdp != NULL || !self->session_sent)
    {
      reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_UNEXPECTED_REQUEST, HOLBOO_XMPP_JINGLE_ERROR_OUT_OF_ORDER);
      return;
    }
  sdp = holboo_jingle_to_sdp (jingle->jingle, HOLBOO_JINGLE_ROLE_RESPONDER, &error);
  if (sdp == NULL)
    {
      gboolean malformed = error->domain != HOLBOO_JINGLE_SDP_ERROR ||
                           error->code == HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST;

      if (malformed)
        reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, HOLBOO_XMPP_JINGLE_ERROR_NONE);
      else
        reply_result (self, jingle);
      _holboo_call_fail (self,
            error->code == HOLBOO_JINGLE_SDP_ERROR_SECURITY ? HOLBOO_XMPP_JINGLE_REASON_SECURITY_ERROR
                                                          : HOLBOO_XMPP_JINGLE_REASON_FAILED_APPLICATION,
            error->code == HOLBOO_JINGLE_SDP_ERROR_SECURITY ? HOLBOO_CALL_END_SECURITY_ERROR
                                                          : HOLBOO_CALL_END_FAILED,
            error);
      return;
    }
  reply_result (self, jingle);
  self->remote_sdp = sdp;
  if (self->pipeline != NULL)
    _holboo_call_apply_remote (self, GST_WEBRTC_SDP_TYPE_ANSWER);
}

static void
handle_transport_info (HolbooCall       *self,
                       HolbooXmppJingle *jingle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) candidates = NULL;

  if (self->remote_sdp == NULL)
    {
      reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_UNEXPECTED_REQUEST, HOLBOO_XMPP_JINGLE_ERROR_OUT_OF_ORDER);
      return;
    }
  candidates = holboo_jingle_transport_info_to_candidates (jingle->jingle, self->remote_sdp, &error);
  if (candidates == NULL)
    {
      if (g_error_matches (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY))
        {
          /* A new fingerprint mid-call: someone else wants in. */
          reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_NOT_ACCEPTABLE,
                       HOLBOO_XMPP_JINGLE_ERROR_SECURITY_REQUIRED);
          _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_SECURITY_ERROR, HOLBOO_CALL_END_SECURITY_ERROR, error);
        }
      else
        {
          g_message ("Call %s: bad transport-info: %s", self->sid, error->message);
          reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, HOLBOO_XMPP_JINGLE_ERROR_NONE);
        }
      return;
    }
  if (self->remote_candidates >= HOLBOO_CALL_MAX_REMOTE_CANDIDATES)
    {
      g_debug ("Call %s: a transport-info over the limit of %u candidates", self->sid,
               HOLBOO_CALL_MAX_REMOTE_CANDIDATES);
      reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_RESOURCE_CONSTRAINT, HOLBOO_XMPP_JINGLE_ERROR_NONE);
      return;
    }
  reply_result (self, jingle);

  for (guint i = 0; i < candidates->len && self->remote_candidates < HOLBOO_CALL_MAX_REMOTE_CANDIDATES; i++)
    {
      HolbooJingleCandidate *c = g_ptr_array_index (candidates, i);

      self->remote_candidates++;
      if (self->remote_applied && self->pipeline != NULL)
        holboo_call_pipeline_add_remote_candidate (self->pipeline, c->mline_index, c->candidate);
      else
        g_ptr_array_add (self->pending_remote, g_steal_pointer (&g_ptr_array_index (candidates, i)));
    }
}

static void
handle_session_info (HolbooCall       *self,
                     HolbooXmppJingle *jingle)
{
  HolbooXmppRtpInfo info = holboo_xmpp_jingle_rtp_parse_info (jingle->jingle, NULL);

  switch (info)
    {
    case HOLBOO_XMPP_RTP_INFO_UNKNOWN:
      reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_FEATURE_NOT_IMPLEMENTED,
                   HOLBOO_XMPP_JINGLE_ERROR_UNSUPPORTED_INFO);
      return;
    case HOLBOO_XMPP_RTP_INFO_RINGING:
      if (!self->incoming && self->status == HOLBOO_CALL_STATUS_OUTGOING)
        _holboo_call_set_status (self, HOLBOO_CALL_STATUS_RINGING);
      break;
    case HOLBOO_XMPP_RTP_INFO_MUTE:
      _holboo_call_set_remote_info (self, TRUE, self->remote_held);
      break;
    case HOLBOO_XMPP_RTP_INFO_UNMUTE:
      _holboo_call_set_remote_info (self, FALSE, self->remote_held);
      break;
    case HOLBOO_XMPP_RTP_INFO_HOLD:
      _holboo_call_set_remote_info (self, self->remote_muted, TRUE);
      break;
    case HOLBOO_XMPP_RTP_INFO_UNHOLD:
    case HOLBOO_XMPP_RTP_INFO_ACTIVE:
      _holboo_call_set_remote_info (self, self->remote_muted, FALSE);
      break;
    case HOLBOO_XMPP_RTP_INFO_NONE:
    default:
      break;
    }
  reply_result (self, jingle);
}

static void
handle_session_terminate (HolbooCall       *self,
                          HolbooXmppJingle *jingle)
{
  gboolean answered = self->status >= HOLBOO_CALL_STATUS_CONNECTING;
  HolbooCallEndReason end;

  reply_result (self, jingle);
  switch (jingle->reason)
    {
    case HOLBOO_XMPP_JINGLE_REASON_DECLINE:
    case HOLBOO_XMPP_JINGLE_REASON_BUSY:
      end = answered ? HOLBOO_CALL_END_REMOTE_HUNG_UP
                     : self->incoming ? HOLBOO_CALL_END_MISSED : HOLBOO_CALL_END_REMOTE_DECLINED;
      break;
    case HOLBOO_XMPP_JINGLE_REASON_SECURITY_ERROR:
      end = HOLBOO_CALL_END_SECURITY_ERROR;
      break;
    case HOLBOO_XMPP_JINGLE_REASON_CONNECTIVITY_ERROR:
    case HOLBOO_XMPP_JINGLE_REASON_FAILED_APPLICATION:
    case HOLBOO_XMPP_JINGLE_REASON_FAILED_TRANSPORT:
    case HOLBOO_XMPP_JINGLE_REASON_GENERAL_ERROR:
    case HOLBOO_XMPP_JINGLE_REASON_INCOMPATIBLE_PARAMETERS:
    case HOLBOO_XMPP_JINGLE_REASON_MEDIA_ERROR:
    case HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_APPLICATIONS:
    case HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_TRANSPORTS:
      end = HOLBOO_CALL_END_FAILED;
      break;
    case HOLBOO_XMPP_JINGLE_REASON_NONE:
    case HOLBOO_XMPP_JINGLE_REASON_SUCCESS:
    case HOLBOO_XMPP_JINGLE_REASON_CANCEL:
    case HOLBOO_XMPP_JINGLE_REASON_GONE:
    case HOLBOO_XMPP_JINGLE_REASON_TIMEOUT:
    case HOLBOO_XMPP_JINGLE_REASON_EXPIRED:
    case HOLBOO_XMPP_JINGLE_REASON_ALTERNATIVE_SESSION:
    default:
      end = answered ? HOLBOO_CALL_END_REMOTE_HUNG_UP
                     : self->incoming ? HOLBOO_CALL_END_MISSED : HOLBOO_CALL_END_NO_ANSWER;
      break;
    }
  _holboo_call_end (self, end, NULL);
}

/**
 * _holboo_call_handle_jingle:
 * @jingle: a request for this session from its peer device (the account
 *   checked both)
 *
 * Answers @jingle and acts on it.
 */
void
_holboo_call_handle_jingle (HolbooCall       *self,
                            HolbooXmppJingle *jingle)
{
  g_autoptr(HolbooCall) keep = g_object_ref (self);

  if (self->status == HOLBOO_CALL_STATUS_ENDED)
    {
      reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND, HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);
      return;
    }

  switch (jingle->action)
    {
    case HOLBOO_XMPP_JINGLE_ACTION_SESSION_INITIATE:
      {
        GstSDPMessage *sdp;

        if (!self->incoming || self->has_offer)
          {
            reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_UNEXPECTED_REQUEST,
                         HOLBOO_XMPP_JINGLE_ERROR_OUT_OF_ORDER);
            return;
          }
        sdp = _holboo_call_offer_from_initiate (self->connection, jingle);
        if (sdp == NULL)
          {
            _holboo_call_end (self, HOLBOO_CALL_END_FAILED, NULL);
            return;
          }
        reply_result (self, jingle);
        _holboo_call_take_offer (self, jingle->from, sdp);
      }
      break;
    case HOLBOO_XMPP_JINGLE_ACTION_SESSION_ACCEPT:
      handle_session_accept (self, jingle);
      break;
    case HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_INFO:
      handle_transport_info (self, jingle);
      break;
    case HOLBOO_XMPP_JINGLE_ACTION_SESSION_INFO:
      handle_session_info (self, jingle);
      break;
    case HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE:
      handle_session_terminate (self, jingle);
      break;
    case HOLBOO_XMPP_JINGLE_ACTION_UNKNOWN:
    default:
      reply_error (self, jingle, HOLBOO_XMPP_STANZA_ERROR_FEATURE_NOT_IMPLEMENTED, HOLBOO_XMPP_JINGLE_ERROR_NONE);
      break;
    }
}

/**
 * _holboo_call_handle_jmi:
 * @from: the sender's full JID
 * @from_own_device: @jmi comes from another device of our account (a
 *   carbon of what it sent, or its accept to our bare JID)
 */
void
_holboo_call_handle_jmi (HolbooCall    *self,
                         HolbooXmppJmi *jmi,
                         HolbooJid     *from,
                         gboolean       from_own_device)
{
  g_autoptr(HolbooCall) keep = g_object_ref (self);

  if (self->status == HOLBOO_CALL_STATUS_ENDED)
    return;

  if (from_own_device)
    {
      if (!self->incoming || self->status != HOLBOO_CALL_STATUS_INCOMING)
        return;
      if (jmi->kind == HOLBOO_XMPP_JMI_PROCEED || jmi->kind == HOLBOO_XMPP_JMI_ACCEPT)
        _holboo_call_end (self, HOLBOO_CALL_END_ANSWERED_ELSEWHERE, NULL);
      else if (jmi->kind == HOLBOO_XMPP_JMI_REJECT)
        _holboo_call_end (self, HOLBOO_CALL_END_DECLINED_ELSEWHERE, NULL);
      return;
    }

  if (self->incoming)
    {
      if (jmi->kind == HOLBOO_XMPP_JMI_RETRACT && !self->has_offer && !self->session_sent)
        _holboo_call_end (self, HOLBOO_CALL_END_MISSED, NULL);
      return;
    }

  switch (jmi->kind)
    {
    case HOLBOO_XMPP_JMI_RINGING:
      if (self->status == HOLBOO_CALL_STATUS_OUTGOING)
        _holboo_call_set_status (self, HOLBOO_CALL_STATUS_RINGING);
      break;
    case HOLBOO_XMPP_JMI_PROCEED:
      if (self->status == HOLBOO_CALL_STATUS_OUTGOING || self->status == HOLBOO_CALL_STATUS_RINGING)
        _holboo_call_proceed (self, from);
      break;
    case HOLBOO_XMPP_JMI_REJECT:
      if (self->status == HOLBOO_CALL_STATUS_OUTGOING || self->status == HOLBOO_CALL_STATUS_RINGING)
        _holboo_call_end (self, HOLBOO_CALL_END_REMOTE_DECLINED, NULL);
      break;
    case HOLBOO_XMPP_JMI_PROPOSE:
    case HOLBOO_XMPP_JMI_RETRACT:
    case HOLBOO_XMPP_JMI_ACCEPT:
    case HOLBOO_XMPP_JMI_FINISH:
    case HOLBOO_XMPP_JMI_NONE:
    default:
      break;
    }
}
