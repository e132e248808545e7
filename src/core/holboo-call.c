/* holboo-call.c: one 1:1 call: its signalling state, its media, its log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #HolbooCall is made by the account's calls part
 * (holboo-account-calls.c): by holboo_account_place_call(), or when a
 * proposal (XEP-0353) or a bare session-initiate (XEP-0166) arrives.
 * Its #HolbooCall:status only moves forward and ends in ENDED, with an
 * #HolbooCall:end-reason; the account then logs it in the store and
 * keeps it in its call log.  This file holds the object and its
 * states; what the user does (answer, decline, hang up, mute, hold) is
 * in holboo-call-actions.c, the protocol and the media in
 * holboo-call-session.c and holboo-call-requests.c.
 */

#define G_LOG_DOMAIN "holboo-call"

#include "config.h"

#include "holboo-call-private.h"
#include "holboo-xmpp-jingle-rtp.h"

#include <glib/gi18n-lib.h>

#define DEFAULT_RING_TIMEOUT_S 60
#define DEFAULT_CONNECT_TIMEOUT_S 30

G_DEFINE_FINAL_TYPE (HolbooCall, holboo_call, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HolbooCallStatus, holboo_call_status,
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATUS_OUTGOING, "outgoing"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATUS_RINGING, "ringing"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATUS_INCOMING, "incoming"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATUS_CONNECTING, "connecting"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATUS_ENDED, "ended"))

G_DEFINE_ENUM_TYPE (HolbooCallEndReason, holboo_call_end_reason,
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_NONE, "none"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_HUNG_UP, "hung-up"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_REMOTE_HUNG_UP, "remote-hung-up"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_REMOTE_DECLINED, "remote-declined"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_CANCELLED, "cancelled"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_MISSED, "missed"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_NO_ANSWER, "no-answer"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_ANSWERED_ELSEWHERE, "answered-elsewhere"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_DECLINED_ELSEWHERE, "declined-elsewhere"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_END_SECURITY_ERROR, "security-error"))

enum {
  PROP_0,
  PROP_SID,
  PROP_PEER,
  PROP_PEER_DEVICE,
  PROP_INCOMING,
  PROP_VIDEO,
  PROP_STATUS,
  PROP_END_REASON,
  PROP_STARTED,
  PROP_ANSWERED,
  PROP_ENDED,
  PROP_PIPELINE,
  PROP_MUTED,
  PROP_HELD,
  PROP_REMOTE_MUTED,
  PROP_REMOTE_HELD,
  PROP_AUDIO_SOURCE,
  PROP_AUDIO_SINK,
  PROP_VIDEO_SOURCE,
  PROP_VIDEO_SINK,
  PROP_RELAY_ONLY,
  PROP_RING_TIMEOUT,
  PROP_ECHO_CANCEL,
  PROP_LOCAL_ADDRESSES,
  PROP_CONNECT_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  return v != NULL ? v->value_nick : NULL;
}

/**
 * holboo_call_status_to_string:
 *
 * Returns: the status's stable name ("outgoing", "active" …), for logs
 *   and JSON
 */
const char *
holboo_call_status_to_string (HolbooCallStatus status)
{
  return enum_nick (HOLBOO_TYPE_CALL_STATUS, status);
}

/**
 * holboo_call_end_reason_to_string:
 *
 * Returns: the reason's stable name ("missed", "hung-up" …), as the
 *   store keeps it
 */
const char *
holboo_call_end_reason_to_string (HolbooCallEndReason reason)
{
  return enum_nick (HOLBOO_TYPE_CALL_END_REASON, reason);
}

/**
 * holboo_call_end_reason_describe:
 *
 * Returns: a translated sentence for the user
 */
const char *
holboo_call_end_reason_describe (HolbooCallEndReason reason)
{
  switch (reason)
    {
    case HOLBOO_CALL_END_NONE:
      return "";
    case HOLBOO_CALL_END_HUNG_UP:
    case HOLBOO_CALL_END_REMOTE_HUNG_UP:
      return _("Call ended");
    case HOLBOO_CALL_END_DECLINED:
      return _("You declined the call");
    case HOLBOO_CALL_END_REMOTE_DECLINED:
      return _("The call was declined");
    case HOLBOO_CALL_END_CANCELLED:
      return _("Call cancelled");
    case HOLBOO_CALL_END_MISSED:
      return _("Missed call");
    case HOLBOO_CALL_END_NO_ANSWER:
      return _("No answer");
    case HOLBOO_CALL_END_ANSWERED_ELSEWHERE:
      return _("Answered on another device");
    case HOLBOO_CALL_END_DECLINED_ELSEWHERE:
      return _("Declined on another device");
    case HOLBOO_CALL_END_SECURITY_ERROR:
      return _("The call was cut: the other side’s encryption keys changed");
    case HOLBOO_CALL_END_FAILED:
    default:
      return _("The call could not be connected");
    }
}

static void
notify (HolbooCall *self,
        guint       prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static gboolean
on_connect_timeout (gpointer user_data)
{
  HolbooCall *self = user_data;
  g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                         _("The call did not connect within %u s"), self->connect_timeout_s);

  self->connect_timeout_id = 0;
  _holboo_call_fail (self, HOLBOO_XMPP_JINGLE_REASON_CONNECTIVITY_ERROR, HOLBOO_CALL_END_FAILED, error);
  return G_SOURCE_REMOVE;
}

void
_holboo_call_set_status (HolbooCall       *self,
                         HolbooCallStatus  status)
{
  if (self->status == status || self->status == HOLBOO_CALL_STATUS_ENDED)
    return;
  /* Only forward; RINGING and INCOMING are both before CONNECTING. */
  if (status < self->status && !(status == HOLBOO_CALL_STATUS_INCOMING))
    return;

  g_debug ("Call %s: %s → %s", self->sid, holboo_call_status_to_string (self->status),
           holboo_call_status_to_string (status));
  self->status = status;
  if (status == HOLBOO_CALL_STATUS_CONNECTING && self->answered == 0)
    {
      self->answered = g_get_real_time ();
      notify (self, PROP_ANSWERED);
    }
  if (status >= HOLBOO_CALL_STATUS_CONNECTING)
    g_clear_handle_id (&self->ring_timeout_id, g_source_remove);
  /* Answered calls get so long to carry media, whatever holds them up
   * (a peer that never sends its session-initiate, ICE that never
   * gives up). */
  if (status == HOLBOO_CALL_STATUS_CONNECTING)
    self->connect_timeout_id = g_timeout_add_seconds (self->connect_timeout_s, on_connect_timeout, self);
  else
    g_clear_handle_id (&self->connect_timeout_id, g_source_remove);
  notify (self, PROP_STATUS);
}

/**
 * _holboo_call_end:
 * @error: (nullable): what failed, for %HOLBOO_CALL_END_FAILED and
 *   %HOLBOO_CALL_END_SECURITY_ERROR
 *
 * Ends the call here (what to send is the caller's business): stops the
 * media and timers, then notifies ::status.  Once only.
 */
void
_holboo_call_end (HolbooCall          *self,
                  HolbooCallEndReason  reason,
                  const GError        *error)
{
  if (self->status == HOLBOO_CALL_STATUS_ENDED)
    return;

  g_debug ("Call %s with %s ends: %s%s%s", self->sid, holboo_jid_to_string (self->peer),
           holboo_call_end_reason_to_string (reason), error != NULL ? ": " : "",
           error != NULL ? error->message : "");
  g_clear_handle_id (&self->ring_timeout_id, g_source_remove);
  g_clear_handle_id (&self->connect_timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  _holboo_call_media_stop (self);
  if (error != NULL && self->error == NULL)
    self->error = g_error_copy (error);
  self->end_reason = reason;
  self->ended = g_get_real_time ();
  self->status = HOLBOO_CALL_STATUS_ENDED;
  /* What ended the call was sent already; a call in the log does not
   * keep the account's connection alive. */
  g_clear_object (&self->connection);

  g_object_freeze_notify (G_OBJECT (self));
  notify (self, PROP_END_REASON);
  notify (self, PROP_ENDED);
  notify (self, PROP_STATUS);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_holboo_call_set_remote_info (HolbooCall *self,
                              gboolean    muted,
                              gboolean    held)
{
  if (self->remote_muted != muted)
    {
      self->remote_muted = muted;
      notify (self, PROP_REMOTE_MUTED);
    }
  if (self->remote_held != held)
    {
      self->remote_held = held;
      notify (self, PROP_REMOTE_HELD);
    }
}

void
_holboo_call_send (HolbooCall    *self,
                   HolbooXmlNode *stanza)
{
  g_autoptr(GError) error = NULL;

  if (self->connection == NULL)
    return;
  if (!holboo_xmpp_connection_send (self->connection, stanza, &error))
    g_message ("Call %s: could not send: %s", self->sid, error->message);
}

void
_holboo_call_send_jmi (HolbooCall             *self,
                       const char             *to,
                       HolbooXmppJmiKind       kind,
                       HolbooXmppJingleReason  reason)
{
  g_autoptr(HolbooXmlNode) message = holboo_xmpp_jmi_build (to, kind, self->sid, self->video, reason);

  _holboo_call_send (self, message);
}

static gboolean
on_ring_timeout (gpointer user_data)
{
  HolbooCall *self = user_data;

  self->ring_timeout_id = 0;
  if (self->incoming)
    {
      /* The caller gives up by itself; its retract may still come. */
      _holboo_call_end (self, HOLBOO_CALL_END_MISSED, NULL);
    }
  else
    {
      _holboo_call_send_jmi (self, holboo_jid_to_string (self->peer), HOLBOO_XMPP_JMI_RETRACT,
                             HOLBOO_XMPP_JINGLE_REASON_TIMEOUT);
      if (self->session_sent)
        _holboo_call_session_terminate (self, HOLBOO_XMPP_JINGLE_REASON_TIMEOUT, NULL);
      _holboo_call_end (self, HOLBOO_CALL_END_NO_ANSWER, NULL);
    }
  return G_SOURCE_REMOVE;
}

void
_holboo_call_start_ringing_timeout (HolbooCall *self)
{
  g_clear_handle_id (&self->ring_timeout_id, g_source_remove);
  self->ring_timeout_id = g_timeout_add_seconds (self->ring_timeout_s, on_ring_timeout, self);
}

static void
holboo_call_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HolbooCall *self = HOLBOO_CALL (object);

  switch (prop_id)
    {
    case PROP_SID: g_value_set_string (value, self->sid); break;
    case PROP_PEER: g_value_set_string (value, holboo_call_get_peer (self)); break;
    case PROP_PEER_DEVICE: g_value_set_string (value, holboo_call_get_peer_device (self)); break;
    case PROP_INCOMING: g_value_set_boolean (value, self->incoming); break;
    case PROP_VIDEO: g_value_set_boolean (value, self->video); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_END_REASON: g_value_set_enum (value, self->end_reason); break;
    case PROP_STARTED: g_value_set_int64 (value, self->started); break;
    case PROP_ANSWERED: g_value_set_int64 (value, self->answered); break;
    case PROP_ENDED: g_value_set_int64 (value, self->ended); break;
    case PROP_PIPELINE: g_value_set_object (value, self->pipeline); break;
    case PROP_MUTED: g_value_set_boolean (value, self->muted); break;
    case PROP_HELD: g_value_set_boolean (value, self->held); break;
    case PROP_REMOTE_MUTED: g_value_set_boolean (value, self->remote_muted); break;
    case PROP_REMOTE_HELD: g_value_set_boolean (value, self->remote_held); break;
    case PROP_AUDIO_SOURCE: g_value_set_string (value, self->audio_source); break;
    case PROP_AUDIO_SINK: g_value_set_string (value, self->audio_sink); break;
    case PROP_VIDEO_SOURCE: g_value_set_string (value, self->video_source); break;
    case PROP_VIDEO_SINK: g_value_set_string (value, self->video_sink); break;
    case PROP_RELAY_ONLY: g_value_set_boolean (value, self->relay_only); break;
    case PROP_RING_TIMEOUT: g_value_set_uint (value, self->ring_timeout_s); break;
    case PROP_ECHO_CANCEL: g_value_set_boolean (value, self->echo_cancel); break;
    case PROP_CONNECT_TIMEOUT: g_value_set_uint (value, self->connect_timeout_s); break;
    case PROP_LOCAL_ADDRESSES: g_value_set_boxed (value, self->local_addresses); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_call_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HolbooCall *self = HOLBOO_CALL (object);

  switch (prop_id)
    {
    case PROP_MUTED: holboo_call_set_muted (self, g_value_get_boolean (value)); break;
    case PROP_HELD: holboo_call_set_held (self, g_value_get_boolean (value)); break;
    case PROP_AUDIO_SOURCE: g_free (self->audio_source); self->audio_source = g_value_dup_string (value); break;
    case PROP_AUDIO_SINK: g_free (self->audio_sink); self->audio_sink = g_value_dup_string (value); break;
    case PROP_VIDEO_SOURCE: g_free (self->video_source); self->video_source = g_value_dup_string (value); break;
    case PROP_VIDEO_SINK: g_free (self->video_sink); self->video_sink = g_value_dup_string (value); break;
    case PROP_RELAY_ONLY: self->relay_only = g_value_get_boolean (value); break;
    case PROP_ECHO_CANCEL: self->echo_cancel = g_value_get_boolean (value); break;
    case PROP_CONNECT_TIMEOUT: self->connect_timeout_s = g_value_get_uint (value); break;
    case PROP_LOCAL_ADDRESSES:
      g_strfreev (self->local_addresses);
      self->local_addresses = g_value_dup_boxed (value);
      break;
    case PROP_RING_TIMEOUT:
      self->ring_timeout_s = g_value_get_uint (value);
      if (self->ring_timeout_id != 0)
        _holboo_call_start_ringing_timeout (self);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_call_dispose (GObject *object)
{
  HolbooCall *self = HOLBOO_CALL (object);

  g_clear_handle_id (&self->ring_timeout_id, g_source_remove);
  g_clear_handle_id (&self->connect_timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  _holboo_call_media_stop (self);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (holboo_call_parent_class)->dispose (object);
}

static void
holboo_call_finalize (GObject *object)
{
  HolbooCall *self = HOLBOO_CALL (object);

  g_clear_pointer (&self->own, holboo_jid_unref);
  g_clear_pointer (&self->peer, holboo_jid_unref);
  g_clear_pointer (&self->peer_device, holboo_jid_unref);
  g_clear_pointer (&self->ice_servers, g_ptr_array_unref);
  g_clear_pointer (&self->local_sdp, gst_sdp_message_free);
  g_clear_pointer (&self->remote_sdp, gst_sdp_message_free);
  g_clear_pointer (&self->pending_local, g_ptr_array_unref);
  g_clear_pointer (&self->pending_remote, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self->sid);
  g_free (self->audio_source);
  g_free (self->audio_sink);
  g_free (self->video_source);
  g_free (self->video_sink);
  g_strfreev (self->local_addresses);

  G_OBJECT_CLASS (holboo_call_parent_class)->finalize (object);
}

static void
holboo_call_class_init (HolbooCallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = holboo_call_get_property;
  object_class->set_property = holboo_call_set_property;
  object_class->dispose = holboo_call_dispose;
  object_class->finalize = holboo_call_finalize;

  /* Every call's media is GStreamer's: make sure it is initialised (it
   * may be already; gst_init() is idempotent and thread-safe) before
   * the pipeline's class registers signals with GStreamer types. */
  gst_init (NULL, NULL);

  properties[PROP_SID] = g_param_spec_string ("sid", NULL, NULL, NULL, ro);
  properties[PROP_PEER] = g_param_spec_string ("peer", NULL, NULL, NULL, ro);
  properties[PROP_PEER_DEVICE] = g_param_spec_string ("peer-device", NULL, NULL, NULL, ro);
  properties[PROP_INCOMING] = g_param_spec_boolean ("incoming", NULL, NULL, FALSE, ro);
  properties[PROP_VIDEO] = g_param_spec_boolean ("video", NULL, NULL, FALSE, ro);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, HOLBOO_TYPE_CALL_STATUS, HOLBOO_CALL_STATUS_OUTGOING, ro);
  properties[PROP_END_REASON] =
    g_param_spec_enum ("end-reason", NULL, NULL, HOLBOO_TYPE_CALL_END_REASON, HOLBOO_CALL_END_NONE, ro);
  properties[PROP_STARTED] = g_param_spec_int64 ("started", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ANSWERED] = g_param_spec_int64 ("answered", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ENDED] = g_param_spec_int64 ("ended", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_PIPELINE] = g_param_spec_object ("pipeline", NULL, NULL, HOLBOO_TYPE_CALL_PIPELINE, ro);
  properties[PROP_MUTED] = g_param_spec_boolean ("muted", NULL, NULL, FALSE, rw);
  properties[PROP_HELD] = g_param_spec_boolean ("held", NULL, NULL, FALSE, rw);
  properties[PROP_REMOTE_MUTED] = g_param_spec_boolean ("remote-muted", NULL, NULL, FALSE, ro);
  properties[PROP_REMOTE_HELD] = g_param_spec_boolean ("remote-held", NULL, NULL, FALSE, ro);
  /* Devices as gst-launch descriptions (NULL: the environment's, else
   * the system's); read when the media starts. */
  properties[PROP_AUDIO_SOURCE] = g_param_spec_string ("audio-source", NULL, NULL, NULL, rw);
  properties[PROP_AUDIO_SINK] = g_param_spec_string ("audio-sink", NULL, NULL, NULL, rw);
  properties[PROP_VIDEO_SOURCE] = g_param_spec_string ("video-source", NULL, NULL, NULL, rw);
  properties[PROP_VIDEO_SINK] = g_param_spec_string ("video-sink", NULL, NULL, NULL, rw);
  properties[PROP_RELAY_ONLY] = g_param_spec_boolean ("relay-only", NULL, NULL, FALSE, rw);
  properties[PROP_RING_TIMEOUT] =
    g_param_spec_uint ("ring-timeout", NULL, NULL, 1, 3600, DEFAULT_RING_TIMEOUT_S, rw);

  properties[PROP_ECHO_CANCEL] = g_param_spec_boolean ("echo-cancel", NULL, NULL, TRUE, rw);
  /* ICE on these addresses only (NULL: every interface). */
  properties[PROP_LOCAL_ADDRESSES] = g_param_spec_boxed ("local-addresses", NULL, NULL, G_TYPE_STRV, rw);
  /* From the answer to media flowing; read when the call is answered. */
  properties[PROP_CONNECT_TIMEOUT] =
    g_param_spec_uint ("connect-timeout", NULL, NULL, 1, 3600, DEFAULT_CONNECT_TIMEOUT_S, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_call_init (HolbooCall *self)
{
  self->ring_timeout_s = DEFAULT_RING_TIMEOUT_S;
  self->echo_cancel = TRUE;
  self->connect_timeout_s = DEFAULT_CONNECT_TIMEOUT_S;
  self->cancellable = g_cancellable_new ();
  self->pending_local = g_ptr_array_new_with_free_func (g_free);
  self->pending_remote = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_jingle_candidate_free);
}

HolbooCall *
_holboo_call_new (HolbooXmppConnection *connection,
                  HolbooJid            *own,
                  HolbooJid            *peer,
                  const char           *sid,
                  gboolean              incoming,
                  gboolean              video)
{
  HolbooCall *self = g_object_new (HOLBOO_TYPE_CALL, NULL);

  self->connection = g_object_ref (connection);
  self->own = holboo_jid_ref (own);
  self->peer = holboo_jid_get_bare (peer);
  if (holboo_jid_is_full (peer))
    self->peer_device = holboo_jid_ref (peer);
  self->sid = g_strdup (sid);
  self->incoming = incoming;
  self->video = video;
  self->status = incoming ? HOLBOO_CALL_STATUS_INCOMING : HOLBOO_CALL_STATUS_OUTGOING;
  self->started = g_get_real_time ();
  return self;
}

/* A call of the log: ended, without connection or media. */
HolbooCall *
_holboo_call_new_logged (const char          *sid,
                         const char          *peer,
                         gboolean             incoming,
                         gboolean             video,
                         HolbooCallEndReason  reason,
                         gint64               started,
                         gint64               answered,
                         gint64               ended)
{
  HolbooCall *self = g_object_new (HOLBOO_TYPE_CALL, NULL);

  self->peer = holboo_jid_parse (peer, -1, NULL);
  self->sid = g_strdup (sid);
  self->incoming = incoming;
  self->video = video;
  self->status = HOLBOO_CALL_STATUS_ENDED;
  self->end_reason = reason;
  self->started = started;
  self->answered = answered;
  self->ended = ended;
  return self;
}

const char *
holboo_call_get_sid (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), NULL);
  return self->sid;
}

/**
 * holboo_call_get_peer:
 *
 * Returns: the other side's bare JID
 */
const char *
holboo_call_get_peer (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), NULL);
  return self->peer != NULL ? holboo_jid_get_bare_string (self->peer) : "";
}

/**
 * holboo_call_get_peer_device:
 *
 * Returns: (nullable): the other side's full JID, once one device is in
 *   the call (or rings us)
 */
const char *
holboo_call_get_peer_device (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), NULL);
  return self->peer_device != NULL ? holboo_jid_to_string (self->peer_device) : NULL;
}

gboolean
holboo_call_get_incoming (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), FALSE);
  return self->incoming;
}

gboolean
holboo_call_get_video (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), FALSE);
  return self->video;
}

HolbooCallStatus
holboo_call_get_status (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), HOLBOO_CALL_STATUS_ENDED);
  return self->status;
}

HolbooCallEndReason
holboo_call_get_end_reason (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), HOLBOO_CALL_END_NONE);
  return self->end_reason;
}

/**
 * holboo_call_get_error:
 *
 * Returns: (nullable): what made the call fail
 */
const GError *
holboo_call_get_error (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), NULL);
  return self->error;
}

gint64
holboo_call_get_started (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), 0);
  return self->started;
}

gint64
holboo_call_get_answered (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), 0);
  return self->answered;
}

gint64
holboo_call_get_ended (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), 0);
  return self->ended;
}

/**
 * holboo_call_get_duration:
 *
 * Returns: µs from answer to hang-up (or to now, while it lasts); 0 for
 *   a call never answered
 */
gint64
holboo_call_get_duration (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), 0);
  if (self->answered == 0)
    return 0;
  return (self->ended != 0 ? self->ended : g_get_real_time ()) - self->answered;
}

/**
 * holboo_call_get_pipeline:
 *
 * Returns: (transfer none) (nullable): the media, from the moment it is
 *   built (once answered) until the call ends; #HolbooCall:pipeline is
 *   notified both times
 */
HolbooCallPipeline *
holboo_call_get_pipeline (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), NULL);
  return self->pipeline;
}

gboolean
holboo_call_get_remote_muted (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), FALSE);
  return self->remote_muted;
}

gboolean
holboo_call_get_remote_held (HolbooCall *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL (self), FALSE);
  return self->remote_held;
}

void
_holboo_call_notify_pipeline (HolbooCall *self)
{
  notify (self, PROP_PIPELINE);
}

/* For holboo-call-actions.c: @name is "muted" or "held". */
void
_holboo_call_notify (HolbooCall *self,
                     const char *name)
{
  notify (self, g_str_equal (name, "muted") ? PROP_MUTED : PROP_HELD);
}
