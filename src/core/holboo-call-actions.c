/* holboo-call-actions.c: what the user does with a call: answer,
 * decline, hang up, mute, hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each says so to the peer (JMI before the session exists, Jingle
 * session-terminate or session-info once it does) and moves the call's
 * status; the other devices of the account learn of an answer or a
 * decline from the carbons of what is sent here.
 */

#define G_LOG_DOMAIN "holboo-call"

#include "config.h"

#include "holboo-call-private.h"
#include "holboo-xmpp-jingle-rtp.h"

/**
 * holboo_call_accept:
 *
 * Answers an incoming call on this device: every other device of the
 * account stops ringing.
 */
void
holboo_call_accept (HolbooCall *self)
{
  g_return_if_fail (HOLBOO_IS_CALL (self));

  if (self->status != HOLBOO_CALL_STATUS_INCOMING)
    return;

  _holboo_call_set_status (self, HOLBOO_CALL_STATUS_CONNECTING);
  if (self->by_jmi)
    {
      g_autoptr(HolbooJid) own_bare = holboo_jid_get_bare (self->own);

      _holboo_call_send_jmi (self, holboo_jid_to_string (self->peer_device), HOLBOO_XMPP_JMI_PROCEED,
                             HOLBOO_XMPP_JINGLE_REASON_NONE);
      _holboo_call_send_jmi (self, holboo_jid_to_string (own_bare), HOLBOO_XMPP_JMI_ACCEPT,
                             HOLBOO_XMPP_JINGLE_REASON_NONE);
    }
  /* Without JMI the offer is here already; with it, it may have come
   * before the user answered (a caller that does not wait). */
  if (self->has_offer)
    _holboo_call_session_accept (self);
}

/**
 * holboo_call_decline:
 *
 * Declines an incoming call: the caller and every device of the
 * account stop ringing.
 */
void
holboo_call_decline (HolbooCall *self)
{
  g_return_if_fail (HOLBOO_IS_CALL (self));

  if (self->status != HOLBOO_CALL_STATUS_INCOMING)
    return;

  if (self->by_jmi)
    _holboo_call_send_jmi (self, holboo_jid_to_string (self->peer_device), HOLBOO_XMPP_JMI_REJECT,
                           HOLBOO_XMPP_JINGLE_REASON_DECLINE);
  if (self->has_offer)
    _holboo_call_session_terminate (self, HOLBOO_XMPP_JINGLE_REASON_DECLINE, NULL);
  _holboo_call_end (self, HOLBOO_CALL_END_DECLINED, NULL);
}

/**
 * holboo_call_hang_up:
 *
 * Ends the call in whatever state it is: an outgoing call not yet
 * answered is cancelled, an incoming one declined.
 */
void
holboo_call_hang_up (HolbooCall *self)
{
  g_return_if_fail (HOLBOO_IS_CALL (self));

  switch (self->status)
    {
    case HOLBOO_CALL_STATUS_INCOMING:
      holboo_call_decline (self);
      break;
    case HOLBOO_CALL_STATUS_OUTGOING:
    case HOLBOO_CALL_STATUS_RINGING:
      _holboo_call_send_jmi (self, holboo_jid_to_string (self->peer), HOLBOO_XMPP_JMI_RETRACT,
                             HOLBOO_XMPP_JINGLE_REASON_CANCEL);
      _holboo_call_end (self, HOLBOO_CALL_END_CANCELLED, NULL);
      break;
    case HOLBOO_CALL_STATUS_CONNECTING:
    case HOLBOO_CALL_STATUS_ACTIVE:
      if (!self->session_sent && !self->has_offer && !self->remote_applied && !self->incoming)
        _holboo_call_send_jmi (self, holboo_jid_to_string (self->peer), HOLBOO_XMPP_JMI_RETRACT,
                               HOLBOO_XMPP_JINGLE_REASON_CANCEL);
      else
        _holboo_call_session_terminate (self, HOLBOO_XMPP_JINGLE_REASON_SUCCESS, NULL);
      _holboo_call_end (self, HOLBOO_CALL_END_HUNG_UP, NULL);
      break;
    case HOLBOO_CALL_STATUS_ENDED:
    default:
      break;
    }
}

/**
 * holboo_call_set_muted:
 *
 * Stops (or resumes) sending our audio, and tells the peer.
 */
void
holboo_call_set_muted (HolbooCall *self,
                       gboolean    muted)
{
  g_return_if_fail (HOLBOO_IS_CALL (self));

  muted = !!muted;
  if (self->muted == muted)
    return;
  self->muted = muted;
  if (self->pipeline != NULL)
    holboo_call_pipeline_set_audio_muted (self->pipeline, muted);
  if (self->status == HOLBOO_CALL_STATUS_ACTIVE || self->status == HOLBOO_CALL_STATUS_CONNECTING)
    _holboo_call_session_info (self, muted ? HOLBOO_XMPP_RTP_INFO_MUTE : HOLBOO_XMPP_RTP_INFO_UNMUTE);
  _holboo_call_notify (self, "muted");
}

gboolean
holboo_call_get_muted (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), FALSE);
  return self->muted;
}

/**
 * holboo_call_set_held:
 *
 * Puts the call on hold (neither side hears the other) or resumes it,
 * and tells the peer.
 */
void
holboo_call_set_held (HolbooCall *self,
                      gboolean    held)
{
  g_return_if_fail (HOLBOO_IS_CALL (self));

  held = !!held;
  if (self->held == held)
    return;
  self->held = held;
  if (self->pipeline != NULL)
    holboo_call_pipeline_set_held (self->pipeline, held);
  if (self->status == HOLBOO_CALL_STATUS_ACTIVE || self->status == HOLBOO_CALL_STATUS_CONNECTING)
    _holboo_call_session_info (self, held ? HOLBOO_XMPP_RTP_INFO_HOLD : HOLBOO_XMPP_RTP_INFO_UNHOLD);
  _holboo_call_notify (self, "held");
}

gboolean
holboo_call_get_held (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), FALSE);
  return self->held;
}
