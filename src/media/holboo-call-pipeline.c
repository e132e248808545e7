/* holboo-call-pipeline.c: one call's media: a GStreamer pipeline around webrtcbin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-call-pipeline"

#include "config.h"

#include "holboo-call-pipeline.h"
#include "holboo-call-pipeline-private.h"

#include <glib/gi18n-lib.h>

/**
 * HolbooCallPipeline:
 *
 * The media of one call: a pipeline around `webrtcbin`, whose ICE is
 * libnice and which does DTLS-SRTP itself.  Audio is Opus with in-band
 * FEC; video (optional) is VP8.  The signalling layer feeds it session
 * descriptions and trickle candidates and sends on what it emits; the
 * pipeline itself knows nothing of XMPP.
 *
 * Devices are gst-launch descriptions: the properties, else the
 * environment (%HOLBOO_ENV_AUDIO_SOURCE …), else the automatic devices.
 * Tests use `audiotestsrc is-live=true` and `fakesink`.
 *
 * Everything here runs in the thread-default main context of the thread
 * that built the object; signals are emitted there too.
 */

/* The jitterbuffer's latency: 30 ms keeps the one-way delay on a
 * loopback call under 80 ms (bench-call delay); raise it with the
 * "latency" property on jittery networks. */
#define DEFAULT_LATENCY_MS 30

struct _HolbooCallPipeline {
  GObject           parent_instance;

  HolbooCallConfig  config;

  HolbooCallShared *shared;
  GstElement       *pipeline;
  GstElement       *webrtc;
  guint             bus_watch;

  HolbooCallState   state;
  gboolean          audio_muted;
  gboolean          camera_enabled;
  gboolean          held;
  gint64            answer_applied_us; /* 0 until the exchange completes */
  gint64            setup_time_us;     /* -1 until known */
};

G_DEFINE_FINAL_TYPE (HolbooCallPipeline, holboo_call_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VIDEO,
  PROP_ECHO_CANCEL,
  PROP_LATENCY,
  PROP_AUDIO_SOURCE,
  PROP_AUDIO_SINK,
  PROP_VIDEO_SOURCE,
  PROP_VIDEO_SINK,
  PROP_RELAY_ONLY,
  PROP_LOCAL_ADDRESSES,
  PROP_AUDIO_RTP_FILTER,
  PROP_STATE,
  PROP_AUDIO_MUTED,
  PROP_CAMERA_ENABLED,
  PROP_HELD,
  PROP_SETUP_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LOCAL_CANDIDATE,
  SIGNAL_GATHERING_DONE,
  SIGNAL_FIRST_REMOTE_AUDIO,
  SIGNAL_ELEMENT_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- state ---- */

static void
set_state (HolbooCallPipeline *self,
           HolbooCallState     state)
{
  /* Forward only; ended and failed are final. */
  if (self->state == state || self->state >= HOLBOO_CALL_STATE_ENDED)
    return;
  if (state < self->state)
    return;

  g_debug ("Call state %d → %d", self->state, state);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
apply_webrtc_state (HolbooCallPipeline *self,
                    gpointer            data)
{
  GstWebRTCPeerConnectionState connection;
  GstWebRTCICEConnectionState ice;
  GstWebRTCICEGatheringState gathering;

  if (self->webrtc == NULL)
    return;

  g_object_get (self->webrtc,
                "connection-state", &connection,
                "ice-connection-state", &ice,
                "ice-gathering-state", &gathering,
                NULL);

  if (connection == GST_WEBRTC_PEER_CONNECTION_STATE_FAILED ||
      ice == GST_WEBRTC_ICE_CONNECTION_STATE_FAILED)
    {
      g_message ("Call failed: ICE %d, connection %d", ice, connection);
      set_state (self, HOLBOO_CALL_STATE_FAILED);
    }
  else if (connection == GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTED)
    set_state (self, HOLBOO_CALL_STATE_CONNECTED);
  else if (ice == GST_WEBRTC_ICE_CONNECTION_STATE_CHECKING ||
           connection == GST_WEBRTC_PEER_CONNECTION_STATE_CONNECTING)
    set_state (self, HOLBOO_CALL_STATE_CONNECTING);
  else if (gathering != GST_WEBRTC_ICE_GATHERING_STATE_NEW)
    set_state (self, HOLBOO_CALL_STATE_GATHERING);

  if (gathering == GST_WEBRTC_ICE_GATHERING_STATE_COMPLETE && data != NULL)
    g_signal_emit (self, signals[SIGNAL_GATHERING_DONE], 0);
}

/* notify::*-state of webrtcbin, from its threads. */
static void
on_webrtc_state_notify (GObject    *webrtc,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  gboolean gathering = g_str_equal (pspec->name, "ice-gathering-state");

  /* A non-NULL data marks a gathering change, so "gathering-done" is
   * emitted once per change rather than on every state notification. */
  _holboo_call_shared_invoke (user_data, apply_webrtc_state,
                              gathering ? GINT_TO_POINTER (1) : NULL, NULL);
}

typedef struct {
  guint  mline;
  char  *candidate;
} Candidate;

static void
candidate_free (gpointer p)
{
  Candidate *c = p;

  g_free (c->candidate);
  g_free (c);
}

static void
emit_local_candidate (HolbooCallPipeline *self,
                      gpointer            data)
{
  Candidate *c = data;

  if (self->state >= HOLBOO_CALL_STATE_ENDED)
    return;
  g_signal_emit (self, signals[SIGNAL_LOCAL_CANDIDATE], 0, c->mline, c->candidate);
}

static void
on_ice_candidate (GstElement *webrtc,
                  guint       mline,
                  const char *candidate,
                  gpointer    user_data)
{
  Candidate *c = g_new0 (Candidate, 1);

  c->mline = mline;
  c->candidate = g_strdup (candidate);
  _holboo_call_shared_invoke (user_data, emit_local_candidate, c, candidate_free);
}

void
_holboo_call_pipeline_first_audio (HolbooCallPipeline *self,
                                   gpointer            data)
{
  gint64 when = *(gint64 *) data;

  if (self->answer_applied_us > 0 && self->setup_time_us < 0)
    {
      self->setup_time_us = MAX (0, when - self->answer_applied_us);
      g_debug ("First remote audio %" G_GINT64_FORMAT " µs after the answer", self->setup_time_us);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETUP_TIME]);
    }
  g_signal_emit (self, signals[SIGNAL_FIRST_REMOTE_AUDIO], 0);
}

void
_holboo_call_pipeline_answer_applied (HolbooCallPipeline *self,
                gpointer            data)
{
  if (self->answer_applied_us == 0)
    self->answer_applied_us = GPOINTER_TO_SIZE (data) != 0 ? (gint64) GPOINTER_TO_SIZE (data)
                                                           : g_get_monotonic_time ();
}

/* ---- the bus ---- */

static gboolean
on_bus_message (GstBus     *bus,
                GstMessage *message,
                gpointer    user_data)
{
  HolbooCallPipeline *self = user_data;
  const char *source = GST_MESSAGE_SRC_NAME (message);

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &error, &debug);
        g_message ("Call pipeline error from element %s: %s (%s)",
                   source ? source : "(unknown)", error->message, debug ? debug : "");
        set_state (self, HOLBOO_CALL_STATE_FAILED);
      }
      break;

    case GST_MESSAGE_WARNING:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_warning (message, &error, &debug);
        g_message ("Call pipeline warning from element %s: %s (%s)",
                   source ? source : "(unknown)", error->message, debug ? debug : "");
      }
      break;

    case GST_MESSAGE_LATENCY:
      gst_bin_recalculate_latency (GST_BIN (self->pipeline));
      break;

    case GST_MESSAGE_ELEMENT:
      g_signal_emit (self, signals[SIGNAL_ELEMENT_MESSAGE], 0, message);
      break;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static void
shared_closure_notify (gpointer  data,
                       GClosure *closure)
{
  _holboo_call_shared_unref (data);
}

static gboolean
build (HolbooCallPipeline  *self,
       GError             **error)
{
  g_autoptr(GstBus) bus = NULL;
  static const char *const notifications[] = {
    "notify::connection-state", "notify::ice-connection-state", "notify::ice-gathering-state",
  };

  self->pipeline = _holboo_call_build (&self->config, self->shared, &self->webrtc, error);
  if (self->pipeline == NULL)
    return FALSE;

  g_signal_connect_data (self->webrtc, "pad-added", G_CALLBACK (_holboo_call_on_pad_added),
                         _holboo_call_shared_ref (self->shared),
                         shared_closure_notify, 0);
  g_signal_connect_data (self->webrtc, "on-ice-candidate", G_CALLBACK (on_ice_candidate),
                         _holboo_call_shared_ref (self->shared),
                         shared_closure_notify, 0);
  for (guint i = 0; i < G_N_ELEMENTS (notifications); i++)
    g_signal_connect_data (self->webrtc, notifications[i], G_CALLBACK (on_webrtc_state_notify),
                           _holboo_call_shared_ref (self->shared),
                           shared_closure_notify, 0);

  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_watch = gst_bus_add_watch (bus, on_bus_message, self);

  return TRUE;
}

/* ---- GObject ---- */

static void
holboo_call_pipeline_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HolbooCallPipeline *self = HOLBOO_CALL_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_VIDEO:
      g_value_set_boolean (value, self->config.video);
      break;
    case PROP_ECHO_CANCEL:
      g_value_set_boolean (value, self->config.echo_cancel);
      break;
    case PROP_LATENCY:
      g_value_set_uint (value, self->config.latency_ms);
      break;
    case PROP_AUDIO_SOURCE:
      g_value_set_string (value, self->config.audio_source);
      break;
    case PROP_AUDIO_SINK:
      g_value_set_string (value, self->config.audio_sink);
      break;
    case PROP_VIDEO_SOURCE:
      g_value_set_string (value, self->config.video_source);
      break;
    case PROP_VIDEO_SINK:
      g_value_set_string (value, self->config.video_sink);
      break;
    case PROP_RELAY_ONLY:
      g_value_set_boolean (value, self->config.relay_only);
      break;
    case PROP_LOCAL_ADDRESSES:
      g_value_set_boxed (value, self->config.local_addresses);
      break;
    case PROP_AUDIO_RTP_FILTER:
      g_value_set_string (value, self->config.audio_rtp_filter);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_AUDIO_MUTED:
      g_value_set_boolean (value, self->audio_muted);
      break;
    case PROP_CAMERA_ENABLED:
      g_value_set_boolean (value, self->camera_enabled);
      break;
    case PROP_HELD:
      g_value_set_boolean (value, self->held);
      break;
    case PROP_SETUP_TIME:
      g_value_set_int64 (value, self->setup_time_us);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_call_pipeline_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HolbooCallPipeline *self = HOLBOO_CALL_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_VIDEO:
      self->config.video = g_value_get_boolean (value);
      break;
    case PROP_ECHO_CANCEL:
      self->config.echo_cancel = g_value_get_boolean (value);
      break;
    case PROP_LATENCY:
      self->config.latency_ms = g_value_get_uint (value);
      break;
    case PROP_AUDIO_SOURCE:
      g_free (self->config.audio_source);
      self->config.audio_source = g_value_dup_string (value);
      break;
    case PROP_AUDIO_SINK:
      g_free (self->config.audio_sink);
      self->config.audio_sink = g_value_dup_string (value);
      break;
    case PROP_VIDEO_SOURCE:
      g_free (self->config.video_source);
      self->config.video_source = g_value_dup_string (value);
      break;
    case PROP_VIDEO_SINK:
      g_free (self->config.video_sink);
      self->config.video_sink = g_value_dup_string (value);
      break;
    case PROP_RELAY_ONLY:
      holboo_call_pipeline_set_relay_only (self, g_value_get_boolean (value));
      break;
    case PROP_LOCAL_ADDRESSES:
      g_strfreev (self->config.local_addresses);
  g_free (self->config.audio_rtp_filter);
      self->config.local_addresses = g_value_dup_boxed (value);
      break;
    case PROP_AUDIO_RTP_FILTER:
      g_free (self->config.audio_rtp_filter);
      self->config.audio_rtp_filter = g_value_dup_string (value);
      break;
    case PROP_AUDIO_MUTED:
      holboo_call_pipeline_set_audio_muted (self, g_value_get_boolean (value));
      break;
    case PROP_CAMERA_ENABLED:
      holboo_call_pipeline_set_camera_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_HELD:
      holboo_call_pipeline_set_held (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stop_pipeline (HolbooCallPipeline *self)
{
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
}

static void
holboo_call_pipeline_dispose (GObject *object)
{
  HolbooCallPipeline *self = HOLBOO_CALL_PIPELINE (object);

  stop_pipeline (self);
  if (self->shared != NULL)
    {
      self->shared->self = NULL;
      g_clear_pointer (&self->shared, _holboo_call_shared_unref);
    }
  self->webrtc = NULL;
  g_clear_object (&self->pipeline);
  g_clear_pointer (&self->config.ice_servers, g_ptr_array_unref);

  G_OBJECT_CLASS (holboo_call_pipeline_parent_class)->dispose (object);
}

static void
holboo_call_pipeline_finalize (GObject *object)
{
  HolbooCallPipeline *self = HOLBOO_CALL_PIPELINE (object);

  g_free (self->config.audio_source);
  g_free (self->config.audio_sink);
  g_free (self->config.video_source);
  g_free (self->config.video_sink);
  g_strfreev (self->config.local_addresses);
  g_free (self->config.audio_rtp_filter);

  G_OBJECT_CLASS (holboo_call_pipeline_parent_class)->finalize (object);
}

static void
holboo_call_pipeline_class_init (HolbooCallPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = holboo_call_pipeline_get_property;
  object_class->set_property = holboo_call_pipeline_set_property;
  object_class->dispose = holboo_call_pipeline_dispose;
  object_class->finalize = holboo_call_pipeline_finalize;

  properties[PROP_VIDEO] =
    g_param_spec_boolean ("video", NULL, NULL, FALSE, construct);
  properties[PROP_ECHO_CANCEL] =
    g_param_spec_boolean ("echo-cancel", NULL, NULL, TRUE, construct);
  properties[PROP_LATENCY] =
    g_param_spec_uint ("latency", NULL, NULL, 10, 2000, DEFAULT_LATENCY_MS, construct);
  properties[PROP_AUDIO_SOURCE] =
    g_param_spec_string ("audio-source", NULL, NULL, NULL, construct);
  properties[PROP_AUDIO_SINK] =
    g_param_spec_string ("audio-sink", NULL, NULL, NULL, construct);
  properties[PROP_VIDEO_SOURCE] =
    g_param_spec_string ("video-source", NULL, NULL, NULL, construct);
  properties[PROP_VIDEO_SINK] =
    g_param_spec_string ("video-sink", NULL, NULL, NULL, construct);
  properties[PROP_RELAY_ONLY] =
    g_param_spec_boolean ("relay-only", NULL, NULL, FALSE, rw);
  /**
   * HolbooCallPipeline:local-addresses:
   *
   * The local addresses ICE gathers host candidates on; %NULL (the
   * default) for every interface but loopback.
   */
  properties[PROP_LOCAL_ADDRESSES] =
    g_param_spec_boxed ("local-addresses", NULL, NULL, G_TYPE_STRV, construct);
  /**
   * HolbooCallPipeline:audio-rtp-filter:
   *
   * A gst-launch description put between the Opus payloader and
   * webrtcbin, e.g. `netsim drop-probability=0.1` to measure how the
   * call survives loss.  %NULL (the default) for none.
   */
  properties[PROP_AUDIO_RTP_FILTER] =
    g_param_spec_string ("audio-rtp-filter", NULL, NULL, NULL, construct);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HOLBOO_TYPE_CALL_STATE, HOLBOO_CALL_STATE_NEW, ro);
  properties[PROP_AUDIO_MUTED] =
    g_param_spec_boolean ("audio-muted", NULL, NULL, FALSE, rw);
  properties[PROP_CAMERA_ENABLED] =
    g_param_spec_boolean ("camera-enabled", NULL, NULL, TRUE, rw);
  properties[PROP_HELD] =
    g_param_spec_boolean ("held", NULL, NULL, FALSE, rw);
  properties[PROP_SETUP_TIME] =
    g_param_spec_int64 ("setup-time", NULL, NULL, -1, G_MAXINT64, -1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HolbooCallPipeline::local-candidate:
   * @mline_index: the m-line (content) the candidate belongs to
   * @candidate: an SDP candidate attribute value, "candidate:…"
   *
   * A local ICE candidate to trickle to the peer.
   */
  signals[SIGNAL_LOCAL_CANDIDATE] =
    g_signal_new ("local-candidate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
  /**
   * HolbooCallPipeline::gathering-done:
   *
   * Every local candidate has been emitted.
   */
  signals[SIGNAL_GATHERING_DONE] =
    g_signal_new ("gathering-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HolbooCallPipeline::first-remote-audio:
   *
   * The first buffer of remote audio was decoded; #HolbooCallPipeline:setup-time
   * is known from here on.
   */
  signals[SIGNAL_FIRST_REMOTE_AUDIO] =
    g_signal_new ("first-remote-audio", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HolbooCallPipeline::element-message:
   * @message: a #GST_MESSAGE_ELEMENT from the pipeline's bus
   *
   * An element message, such as a `spectrum` or `level` reading from
   * elements in the sink descriptions.
   */
  signals[SIGNAL_ELEMENT_MESSAGE] =
    g_signal_new ("element-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  GST_TYPE_MESSAGE | G_SIGNAL_TYPE_STATIC_SCOPE);
}

GstElement *
_holboo_call_pipeline_get_webrtc (HolbooCallPipeline *self)
{
  return self->webrtc;
}

HolbooCallShared *
_holboo_call_pipeline_get_shared (HolbooCallPipeline *self)
{
  return self->shared;
}

static void
holboo_call_pipeline_init (HolbooCallPipeline *self)
{
  self->shared = _holboo_call_shared_new (self);
  self->config.echo_cancel = TRUE;
  self->config.latency_ms = DEFAULT_LATENCY_MS;
  self->camera_enabled = TRUE;
  self->setup_time_us = -1;
}

/**
 * holboo_call_pipeline_new:
 * @video: whether the call sends and receives video
 *
 * Builds nothing yet: set the devices, the ICE servers and the policy,
 * then call holboo_call_pipeline_start().  gst_init() must have been
 * called.
 *
 * Returns: (transfer full): a new call pipeline
 */
HolbooCallPipeline *
holboo_call_pipeline_new (gboolean video)
{
  return g_object_new (HOLBOO_TYPE_CALL_PIPELINE, "video", video, NULL);
}

HolbooCallState
holboo_call_pipeline_get_state (HolbooCallPipeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), HOLBOO_CALL_STATE_FAILED);

  return self->state;
}

gboolean
holboo_call_pipeline_get_video (HolbooCallPipeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), FALSE);

  return self->config.video;
}

/**
 * holboo_call_pipeline_get_pipeline:
 * @self: a call pipeline
 *
 * Returns: (transfer none) (nullable): the GStreamer pipeline, once
 *   started; for finding a sink by name (e.g. a video appsink)
 */
GstElement *
holboo_call_pipeline_get_pipeline (HolbooCallPipeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), NULL);

  return self->pipeline;
}

/**
 * holboo_call_pipeline_get_setup_time:
 * @self: a call pipeline
 *
 * Returns: µs from the answer being applied to the first decoded remote
 *   audio, or -1 until then
 */
gint64
holboo_call_pipeline_get_setup_time (HolbooCallPipeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), -1);

  return self->setup_time_us;
}

/**
 * holboo_call_pipeline_set_ice_servers:
 * @self: a call pipeline, not started
 * @servers: (element-type HolbooIceServer) (nullable): STUN and TURN
 *   servers, e.g. from XEP-0215
 */
void
holboo_call_pipeline_set_ice_servers (HolbooCallPipeline *self,
                                      GPtrArray          *servers)
{
  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));
  g_return_if_fail (self->pipeline == NULL);

  g_clear_pointer (&self->config.ice_servers, g_ptr_array_unref);
  self->config.ice_servers = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_ice_server_unref);
  for (guint i = 0; servers != NULL && i < servers->len; i++)
    g_ptr_array_add (self->config.ice_servers, holboo_ice_server_ref (g_ptr_array_index (servers, i)));
}

/**
 * holboo_call_pipeline_set_relay_only:
 * @self: a call pipeline, not started
 * @relay_only: %TRUE to use TURN relay candidates only (hides the
 *   local addresses from the peer; needs a TURN server)
 */
void
holboo_call_pipeline_set_relay_only (HolbooCallPipeline *self,
                                     gboolean            relay_only)
{
  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));
  g_return_if_fail (self->pipeline == NULL);

  relay_only = !!relay_only;
  if (self->config.relay_only == relay_only)
    return;
  self->config.relay_only = relay_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELAY_ONLY]);
}

/**
 * holboo_call_pipeline_start:
 * @self: a call pipeline
 * @error: return location for a #GError
 *
 * Builds the pipeline from the devices and sets it playing.  Then make
 * an offer, or apply the peer's offer and make an answer.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_call_pipeline_start (HolbooCallPipeline  *self,
                            GError             **error)
{
  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), FALSE);
  g_return_val_if_fail (self->pipeline == NULL, FALSE);

  if (!build (self, error))
    {
      stop_pipeline (self);
      set_state (self, HOLBOO_CALL_STATE_FAILED);
      return FALSE;
    }

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error_literal (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_PIPELINE,
                           _("The call's pipeline does not start"));
      stop_pipeline (self);
      set_state (self, HOLBOO_CALL_STATE_FAILED);
      return FALSE;
    }
  return TRUE;
}

/* Before start: the send branches' payload types (0: our own). */
void
_holboo_call_pipeline_set_payload_types (HolbooCallPipeline *self,
                                         int                 opus_pt,
                                         int                 vp8_pt)
{
  g_return_if_fail (self->pipeline == NULL);
  self->config.opus_pt = opus_pt;
  self->config.vp8_pt = vp8_pt;
}

static void
apply_switches (HolbooCallPipeline *self)
{
  if (self->pipeline != NULL)
    _holboo_call_apply_switches (self->pipeline, self->audio_muted || self->held, self->held,
                                 !self->camera_enabled || self->held);
}

/* The three switches, for holboo-call-pipeline-controls.c. */
void
_holboo_call_pipeline_set_switch (HolbooCallPipeline *self,
                                  HolbooCallSwitch    which,
                                  gboolean            on)
{
  gboolean *field = which == HOLBOO_CALL_SWITCH_AUDIO_MUTED ? &self->audio_muted
                  : which == HOLBOO_CALL_SWITCH_CAMERA_ENABLED ? &self->camera_enabled
                  : &self->held;
  guint prop = which == HOLBOO_CALL_SWITCH_AUDIO_MUTED ? PROP_AUDIO_MUTED
             : which == HOLBOO_CALL_SWITCH_CAMERA_ENABLED ? PROP_CAMERA_ENABLED
             : PROP_HELD;

  on = !!on;
  if (*field == on)
    return;
  *field = on;
  apply_switches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

gboolean
_holboo_call_pipeline_get_switch (HolbooCallPipeline *self,
                                  HolbooCallSwitch    which)
{
  return which == HOLBOO_CALL_SWITCH_AUDIO_MUTED ? self->audio_muted
       : which == HOLBOO_CALL_SWITCH_CAMERA_ENABLED ? self->camera_enabled
       : self->held;
}

/**
 * holboo_call_pipeline_hang_up:
 * @self: a call pipeline
 *
 * Stops the media and frees the ports; the state becomes
 * %HOLBOO_CALL_STATE_ENDED (unless it had failed).  Idempotent.
 */
void
holboo_call_pipeline_hang_up (HolbooCallPipeline *self)
{
  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));

  stop_pipeline (self);
  set_state (self, HOLBOO_CALL_STATE_ENDED);
}
