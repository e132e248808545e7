/* holboo-call-session.c: a call's signalling (XEP-0353, XEP-0166/0167)
 * and its media
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caller proposes (JMI) to the callee's bare JID; when one device
 * proceeds, the caller builds its pipeline, makes the offer and sends it
 * as session-initiate to that device.  The callee answers with
 * session-accept once the user has answered; candidates trickle both
 * ways as transport-info, each side queueing what comes before it can
 * use it.  Every Jingle request the peer sends is answered at once:
 * a result, or an error with the condition of XEP-0166 §12.  What the
 * contents mean is translated by holboo-jingle-sdp*, which refuses
 * unsafe fields, unknown codecs and changed DTLS fingerprints.
 */

#define G_LOG_DOMAIN "holboo-call"

#include "config.h"

#include "holboo-call-ice-servers.h"
#include "holboo-call-private.h"
#include "holboo-xmpp-jingle-rtp.h"

#include <glib/gi18n-lib.h>

void
_holboo_call_fail (HolbooCall             *self,
                   HolbooXmppJingleReason  reason,
                   HolbooCallEndReason     end_reason,
                   const GError           *error)
{
  if (self->status == HOLBOO_CALL_STATUS_ENDED)
    return;
  g_message ("Call %s with %s failed: %s", self->sid, holboo_call_get_peer (self),
             error != NULL ? error->message : holboo_xmpp_jingle_reason_to_string (reason));
  _holboo_call_session_terminate (self, reason, error != NULL ? error->message : NULL);
  _holboo_call_end (self, end_reason, error);
}

void
_holboo_call_reply (HolbooCall    *self,
                    HolbooXmlNode *reply)
{
  _holboo_call_send (self, reply);
}

static void
on_iq_logged (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree char *what = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("%s refused: %s", what, error->message);
}

/* Sends @iq; its answer is only logged. */
static void
send_iq_logged (HolbooCall    *self,
                HolbooXmlNode *iq,
                const char    *what)
{
  if (self->connection == NULL)
    return;
  holboo_xmpp_connection_send_iq_async (self->connection, iq, NULL, on_iq_logged,
                                        g_strdup_printf ("Call %s: %s", self->sid, what));
}

void
_holboo_call_session_terminate (HolbooCall             *self,
                                HolbooXmppJingleReason  reason,
                                const char             *text)
{
  g_autoptr(HolbooXmlNode) iq = NULL;
  HolbooXmlNode *jingle;

  if (self->peer_device == NULL)
    return;
  iq = holboo_xmpp_jingle_build_iq (holboo_jid_to_string (self->peer_device),
                                    HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE, self->sid, &jingle);
  holboo_xmpp_jingle_add_reason (jingle, reason, text);
  send_iq_logged (self, iq, "session-terminate");
}

void
_holboo_call_session_info (HolbooCall *self,
                           int         info)
{
  g_autoptr(HolbooXmlNode) iq = NULL;
  HolbooXmlNode *jingle;

  if (self->peer_device == NULL || (!self->session_sent && !self->has_offer))
    return;
  iq = holboo_xmpp_jingle_build_iq (holboo_jid_to_string (self->peer_device),
                                    HOLBOO_XMPP_JINGLE_ACTION_SESSION_INFO, self->sid, &jingle);
  holboo_xmpp_jingle_rtp_add_info (jingle, info, NULL, NULL);
  send_iq_logged (self, iq, "session-info");
}

/* ---- candidates ---- */

static void
send_candidate (HolbooCall *self,
                guint       mline,
                const char *candidate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) iq = NULL;
  HolbooXmlNode *content;
  HolbooXmlNode *jingle;

  content = holboo_jingle_transport_info_content (self->local_sdp, mline, HOLBOO_JINGLE_ROLE_INITIATOR,
                                                  candidate, &error);
  if (content == NULL)
    {
      /* TCP candidates have no ICE-UDP form. */
      g_debug ("Call %s: candidate left out: %s", self->sid, error->message);
      return;
    }
  iq = holboo_xmpp_jingle_build_iq (holboo_jid_to_string (self->peer_device),
                                    HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_INFO, self->sid, &jingle);
  holboo_xml_node_append_child (jingle, content);
  holboo_xml_node_unref (content);
  send_iq_logged (self, iq, "transport-info");
}

static void
flush_local_candidates (HolbooCall *self)
{
  for (guint i = 0; i < self->pending_local->len; i++)
    {
      const char *line = g_ptr_array_index (self->pending_local, i);
      char *rest;
      guint mline = strtoul (line, &rest, 10);

      send_candidate (self, mline, rest + 1);
    }
  g_ptr_array_set_size (self->pending_local, 0);
}

static void
flush_remote_candidates (HolbooCall *self)
{
  for (guint i = 0; i < self->pending_remote->len && self->pipeline != NULL; i++)
    {
      HolbooJingleCandidate *c = g_ptr_array_index (self->pending_remote, i);

      holboo_call_pipeline_add_remote_candidate (self->pipeline, c->mline_index, c->candidate);
    }
  g_ptr_array_set_size (self->pending_remote, 0);
}

static void
on_local_candidate (HolbooCallPipeline *pipeline,
                    guint               mline,
                    const char         *candidate,
                    HolbooCall         *self)
{
  if (!self->session_sent || self->local_sdp == NULL)
    {
      g_ptr_array_add (self->pending_local, g_strdup_printf ("%u %s", mline, candidate));
      return;
    }
  send_candidate (self, mline, candidate);
}

static void
on_pipeline_state (HolbooCallPipeline *pipeline,
                   GParamSpec         *pspec,
                   HolbooCall         *self)
{
  switch (holboo_call_pipeline_get_state (pipeline))
    {
    case HOLBOO_CALL_STATE_CONNECTED:
      _holboo_call_set_status (self, HOLBOO_CALL_STATUS_ACTIVE);
      break;
    case HOLBOO_CALL_STATE_FAILED:
      {
        g_autoptr(GError) error = g_error_new_literal (HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_PIPELINE,
                                                       _("The call’s connection failed"));
        _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_CONNECTIVITY_ERROR, HOLBOO_CALL_END_FAILED, error);
      }
      break;
    case HOLBOO_CALL_STATE_NEW:
    case HOLBOO_CALL_STATE_GATHERING:
    case HOLBOO_CALL_STATE_CONNECTING:
    case HOLBOO_CALL_STATE_ENDED:
    default:
      break;
    }
}

/* Builds and starts the media; @offer: (nullable): the peer's offer we
 * will answer, whose payload types our send branches take from the
 * start. */
static gboolean
start_media (HolbooCall          *self,
             const GstSDPMessage *offer)
{
  g_autoptr(GError) error = NULL;

  self->pipeline = g_object_new (HOLBOO_TYPE_CALL_PIPELINE,
                                 "video", self->video,
                                 "audio-source", self->audio_source,
                                 "audio-sink", self->audio_sink,
                                 "video-source", self->video_source,
                                 "video-sink", self->video_sink,
                                 "echo-cancel", self->echo_cancel,
                                 "local-addresses", self->local_addresses,
                                 NULL);
  if (self->ice_servers != NULL)
    holboo_call_pipeline_set_ice_servers (self->pipeline, self->ice_servers);
  holboo_call_pipeline_set_relay_only (self->pipeline, self->relay_only);
  holboo_call_pipeline_set_audio_muted (self->pipeline, self->muted);
  g_signal_connect_object (self->pipeline, "local-candidate", G_CALLBACK (on_local_candidate), self, 0);
  g_signal_connect_object (self->pipeline, "notify::state", G_CALLBACK (on_pipeline_state), self, 0);
  if (offer != NULL)
    holboo_call_pipeline_follow_offer (self->pipeline, offer);
  _holboo_call_notify_pipeline (self);

  if (!holboo_call_pipeline_start (self->pipeline, &error))
    {
      _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_MEDIA_ERROR, HOLBOO_CALL_END_FAILED, error);
      return FALSE;
    }
  return TRUE;
}

void
_holboo_call_media_stop (HolbooCall *self)
{
  g_autoptr(HolbooCallPipeline) pipeline = g_steal_pointer (&self->pipeline);

  if (pipeline == NULL)
    return;
  g_signal_handlers_disconnect_by_data (pipeline, self);
  holboo_call_pipeline_hang_up (pipeline);
  _holboo_call_notify_pipeline (self);
}

/* ---- the caller: proceed → session-initiate ---- */

static void
on_initiate_answered (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(HolbooCall) self = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _holboo_call_end (self, HOLBOO_CALL_END_FAILED, error);
}

static void
on_offer (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HolbooCall) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) iq = NULL;
  GstWebRTCSessionDescription *offer;
  HolbooXmlNode *jingle;

  offer = holboo_call_pipeline_create_offer_finish (HOLBOO_CALL_PIPELINE (source), result, &error);
  if (offer == NULL)
    {
      if (self->status != HOLBOO_CALL_STATUS_ENDED)
        _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_MEDIA_ERROR, HOLBOO_CALL_END_FAILED, error);
      return;
    }
  if (self->status == HOLBOO_CALL_STATUS_ENDED)
    {
      gst_webrtc_session_description_free (offer);
      return;
    }

  iq = holboo_xmpp_jingle_build_iq (holboo_jid_to_string (self->peer_device),
                                    HOLBOO_XMPP_JINGLE_ACTION_SESSION_INITIATE, self->sid, &jingle);
  holboo_xml_node_set_attribute (jingle, "initiator", holboo_jid_to_string (self->own));
  if (!holboo_jingle_fill_from_sdp (jingle, offer->sdp, HOLBOO_JINGLE_ROLE_INITIATOR, &error))
    {
      gst_webrtc_session_description_free (offer);
      _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_FAILED_APPLICATION, HOLBOO_CALL_END_FAILED, error);
      return;
    }
  g_clear_pointer (&self->local_sdp, gst_sdp_message_free);
  gst_sdp_message_copy (offer->sdp, &self->local_sdp);
  gst_webrtc_session_description_free (offer);

  holboo_xmpp_connection_send_iq_async (self->connection, iq, self->cancellable, on_initiate_answered,
                                        g_object_ref (self));
  self->session_sent = TRUE;
  flush_local_candidates (self);
}

void
_holboo_call_proceed (HolbooCall *self,
                      HolbooJid  *device)
{
  g_clear_pointer (&self->peer_device, holboo_jid_unref);
  self->peer_device = holboo_jid_ref (device);
  _holboo_call_set_status (self, HOLBOO_CALL_STATUS_CONNECTING);
  if (!start_media (self, NULL))
    return;
  holboo_call_pipeline_create_offer_async (self->pipeline, self->cancellable, on_offer, g_object_ref (self));
}

/**
 * _holboo_call_propose:
 *
 * Starts an outgoing call: every device of the peer rings.
 */
void
_holboo_call_propose (HolbooCall *self)
{
  self->by_jmi = TRUE;
  _holboo_call_send_jmi (self, holboo_jid_to_string (self->peer), HOLBOO_XMPP_JMI_PROPOSE,
                         HOLBOO_XMPP_JINGLE_REASON_NONE);
  _holboo_call_start_ringing_timeout (self);
}

/* ---- the callee: session-initiate → session-accept ---- */

static void
on_accept_answered (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  on_initiate_answered (source, result, user_data);
}

static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HolbooCall) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) iq = NULL;
  GstWebRTCSessionDescription *answer;
  HolbooXmlNode *jingle;

  answer = holboo_call_pipeline_create_answer_finish (HOLBOO_CALL_PIPELINE (source), result, &error);
  if (answer == NULL)
    {
      if (self->status != HOLBOO_CALL_STATUS_ENDED)
        _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_FAILED_APPLICATION, HOLBOO_CALL_END_FAILED, error);
      return;
    }
  if (self->status == HOLBOO_CALL_STATUS_ENDED)
    {
      gst_webrtc_session_description_free (answer);
      return;
    }

  iq = holboo_xmpp_jingle_build_iq (holboo_jid_to_string (self->peer_device),
                                    HOLBOO_XMPP_JINGLE_ACTION_SESSION_ACCEPT, self->sid, &jingle);
  holboo_xml_node_set_attribute (jingle, "initiator", holboo_jid_to_string (self->peer_device));
  holboo_xml_node_set_attribute (jingle, "responder", holboo_jid_to_string (self->own));
  if (!holboo_jingle_fill_from_sdp (jingle, answer->sdp, HOLBOO_JINGLE_ROLE_RESPONDER, &error))
    {
      gst_webrtc_session_description_free (answer);
      _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_FAILED_APPLICATION, HOLBOO_CALL_END_FAILED, error);
      return;
    }
  g_clear_pointer (&self->local_sdp, gst_sdp_message_free);
  gst_sdp_message_copy (answer->sdp, &self->local_sdp);
  gst_webrtc_session_description_free (answer);

  holboo_xmpp_connection_send_iq_async (self->connection, iq, self->cancellable, on_accept_answered,
                                        g_object_ref (self));
  self->session_sent = TRUE;
  flush_local_candidates (self);
}

static void
on_remote_set (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HolbooCall) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!holboo_call_pipeline_set_remote_description_finish (HOLBOO_CALL_PIPELINE (source), result, &error))
    {
      if (self->status != HOLBOO_CALL_STATUS_ENDED)
        _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_FAILED_APPLICATION, HOLBOO_CALL_END_FAILED, error);
      return;
    }
  if (self->status == HOLBOO_CALL_STATUS_ENDED)
    return;
  self->remote_applied = TRUE;
  flush_remote_candidates (self);
  if (self->incoming)
    holboo_call_pipeline_create_answer_async (self->pipeline, self->cancellable, on_answer, g_object_ref (self));
}

void
_holboo_call_apply_remote (HolbooCall       *self,
                           GstWebRTCSDPType  type)
{
  GstSDPMessage *copy = NULL;
  GstWebRTCSessionDescription *description;

  gst_sdp_message_copy (self->remote_sdp, &copy);
  description = gst_webrtc_session_description_new (type, copy);
  holboo_call_pipeline_set_remote_description_async (self->pipeline, description, self->cancellable,
                                                     on_remote_set, g_object_ref (self));
  gst_webrtc_session_description_free (description);
}

/**
 * _holboo_call_session_accept:
 *
 * The user answered and the offer is here: build the media and answer.
 */
void
_holboo_call_session_accept (HolbooCall *self)
{
  if (self->pipeline != NULL || self->remote_sdp == NULL)
    return;
  if (!start_media (self, self->remote_sdp))
    return;
  _holboo_call_apply_remote (self, GST_WEBRTC_SDP_TYPE_OFFER);
}

/**
 * _holboo_call_offer_from_initiate:
 * @connection: where to answer
 *
 * Translates a session-initiate's offer.  When it cannot be used, the
 * request is answered here — bad-request for a malformed one; a result
 * and a session-terminate naming the reason for one without a usable
 * codec, transport or DTLS fingerprint — and %NULL is returned.  When
 * it can, nothing is sent yet.
 *
 * Returns: (transfer full) (nullable): the offer
 */
GstSDPMessage *
_holboo_call_offer_from_initiate (HolbooXmppConnection *connection,
                                  HolbooXmppJingle     *jingle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(HolbooXmlNode) terminate = NULL;
  HolbooXmppJingleReason reason;
  GstSDPMessage *sdp;
  HolbooXmlNode *node;

  sdp = holboo_jingle_to_sdp (jingle->jingle, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  if (sdp != NULL)
    return sdp;

  g_message ("Refusing a session-initiate from %s: %s", holboo_jid_to_string (jingle->from), error->message);
  if (error->domain != HOLBOO_JINGLE_SDP_ERROR || error->code == HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST)
    {
      reply = holboo_xmpp_jingle_error_reply (jingle->iq, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST,
                                              HOLBOO_XMPP_JINGLE_ERROR_NONE);
      holboo_xmpp_connection_send (connection, reply, NULL);
      return NULL;
    }

  switch (error->code)
    {
    case HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_APPLICATIONS:
      reason = HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_APPLICATIONS;
      break;
    case HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS:
      reason = HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_TRANSPORTS;
      break;
    case HOLBOO_JINGLE_SDP_ERROR_SECURITY:
    default:
      reason = HOLBOO_XMPP_JINGLE_REASON_SECURITY_ERROR;
      break;
    }
  reply = holboo_xmpp_jingle_result_reply (jingle->iq);
  holboo_xmpp_connection_send (connection, reply, NULL);
  terminate = holboo_xmpp_jingle_build_iq (holboo_jid_to_string (jingle->from),
                                           HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE, jingle->sid, &node);
  holboo_xmpp_jingle_add_reason (node, reason, NULL);
  holboo_xmpp_connection_send (connection, terminate, NULL);
  return NULL;
}

/**
 * _holboo_call_take_offer:
 * @from: who sent the session-initiate (already acknowledged)
 * @sdp: (transfer full): its offer
 */
void
_holboo_call_take_offer (HolbooCall    *self,
                         HolbooJid     *from,
                         GstSDPMessage *sdp)
{
  g_clear_pointer (&self->remote_sdp, gst_sdp_message_free);
  self->remote_sdp = sdp;
  self->has_offer = TRUE;
  if (self->peer_device == NULL)
    self->peer_device = holboo_jid_ref (from);

  if (self->status == HOLBOO_CALL_STATUS_CONNECTING)
    _holboo_call_session_accept (self);
  else if (!self->by_jmi)
    _holboo_call_session_info (self, HOLBOO_XMPP_RTP_INFO_RINGING);
}

