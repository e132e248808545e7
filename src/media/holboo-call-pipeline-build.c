/* holboo-call-pipeline-build.c: a call's pipeline and its branches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-call-pipeline"

#include "config.h"

#include "holboo-call-pipeline-private.h"

#include <nice/agent.h>

#include <glib/gi18n-lib.h>

/* Opus: 20 ms frames (one packet each), complexity 5 (half the CPU of
 * the default 10 for voice at this rate), in-band FEC in what we send so
 * peers that decode it rebuild a lost packet from the next one.  We
 * decode with PLC only: opusdec's use-inband-fec adds 120 ms (the
 * longest Opus packet) to the pipeline's latency, measured with
 * bench-call delay; with PLC the 440 Hz tone survives 10 % loss in
 * 98 % of 20 ms windows (bench-call loss). */
#define OPUS_BITRATE       32000
#define OPUS_FEC_LOSS_PCT  10
#define VP8_BITRATE        600000

static GstElement *
make_bin_from_description (const char  *desc,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GstElement *bin;

  bin = gst_parse_bin_from_description (desc, TRUE, &local_error);
  if (bin == NULL || local_error != NULL)
    {
      g_clear_object (&bin);
      g_set_error (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_PIPELINE,
                   _("Cannot build \"%s\": %s"), desc,
                   local_error ? local_error->message : "unknown error");
      return NULL;
    }
  return bin;
}

static GstElement *
make_bin (const char  *desc,
          GError     **error)
{
  GstElement *bin = make_bin_from_description (desc, error);

  if (bin != NULL)
    g_object_set (bin, "async-handling", TRUE, NULL);
  return bin;
}

GstCaps *
_holboo_call_audio_rtp_caps (void)
{
  return gst_caps_new_simple ("application/x-rtp",
                              "media", G_TYPE_STRING, "audio",
                              "encoding-name", G_TYPE_STRING, "OPUS",
                              "payload", G_TYPE_INT, HOLBOO_CALL_OPUS_PT,
                              "clock-rate", G_TYPE_INT, 48000,
                              "encoding-params", G_TYPE_STRING, "2",
                              "useinbandfec", G_TYPE_STRING, "1",
                              "minptime", G_TYPE_STRING, "10",
                              NULL);
}

GstCaps *
_holboo_call_video_rtp_caps (void)
{
  return gst_caps_new_simple ("application/x-rtp",
                              "media", G_TYPE_STRING, "video",
                              "encoding-name", G_TYPE_STRING, "VP8",
                              "payload", G_TYPE_INT, HOLBOO_CALL_VP8_PT,
                              "clock-rate", G_TYPE_INT, 90000,
                              "rtcp-fb-nack", G_TYPE_BOOLEAN, TRUE,
                              "rtcp-fb-nack-pli", G_TYPE_BOOLEAN, TRUE,
                              "rtcp-fb-ccm-fir", G_TYPE_BOOLEAN, TRUE,
                              NULL);
}

/* source ! convert ! [echo canceller] ! mic volume ! opus ! rtp, with a
 * ghost src pad.  "mic-volume" mutes. */
static GstElement *
make_audio_send (const char  *source_desc,
                 const char  *echo_probe_name,
                 const char  *rtp_filter,
                 int          pt,
                 GError     **error)
{
  g_autofree char *dsp = NULL;
  g_autofree char *desc = NULL;
  GstElement *bin;
  GstElement *filter;
  g_autoptr(GstCaps) caps = _holboo_call_audio_rtp_caps ();

  gst_caps_set_simple (caps, "payload", G_TYPE_INT, pt, NULL);
  if (echo_probe_name != NULL)
    dsp = g_strdup_printf ("webrtcdsp name=echo-cancel probe=%s noise-suppression=true ! audioconvert ! ",
                           echo_probe_name);
  desc = g_strdup_printf ("%s ! audioconvert ! audioresample ! audio/x-raw,rate=48000,channels=1 ! %s"
                          "volume name=mic-volume ! queue max-size-time=100000000 leaky=downstream "
                          "! opusenc name=audio-encoder inband-fec=true packet-loss-percentage=%d "
                          "frame-size=20 bitrate=%d audio-type=voice complexity=5 "
                          "! rtpopuspay pt=%d ! %s%scapsfilter name=audio-rtp-caps",
                          source_desc, dsp ? dsp : "", OPUS_FEC_LOSS_PCT, OPUS_BITRATE,
                          pt, rtp_filter ? rtp_filter : "", rtp_filter ? " ! " : "");
  bin = make_bin (desc, error);
  if (bin == NULL)
    return NULL;

  filter = gst_bin_get_by_name (GST_BIN (bin), "audio-rtp-caps");
  g_object_set (filter, "caps", caps, NULL);
  gst_object_unref (filter);
  gst_element_set_name (bin, "audio-send");
  return bin;
}

/* source ! convert ! camera valve ! vp8 ! rtp.  "camera-valve" drops
 * frames while the camera is off. */
static GstElement *
make_video_send (const char  *source_desc,
                 int          pt,
                 GError     **error)
{
  g_autofree char *desc = NULL;
  GstElement *bin;
  GstElement *filter;
  g_autoptr(GstCaps) caps = _holboo_call_video_rtp_caps ();

  gst_caps_set_simple (caps, "payload", G_TYPE_INT, pt, NULL);
  desc = g_strdup_printf ("%s ! videoconvert ! valve name=camera-valve "
                          "! queue max-size-buffers=2 leaky=downstream "
                          "! vp8enc name=video-encoder deadline=1 cpu-used=8 threads=2 "
                          "error-resilient=partitions keyframe-max-dist=60 target-bitrate=%d "
                          "! rtpvp8pay pt=%d picture-id-mode=15-bit ! capsfilter name=video-rtp-caps",
                          source_desc, VP8_BITRATE, pt);
  bin = make_bin (desc, error);
  if (bin == NULL)
    return NULL;

  filter = gst_bin_get_by_name (GST_BIN (bin), "video-rtp-caps");
  g_object_set (filter, "caps", caps, NULL);
  gst_object_unref (filter);
  gst_element_set_name (bin, "video-send");
  return bin;
}

/* The playback end, built with the pipeline so that the echo
 * canceller finds its probe at once: convert ! volume ! [probe] ! sink,
 * with a ghost sink pad.  "playback-volume" mutes while on hold. */
static GstElement *
make_audio_tail (const char  *sink_desc,
                              const char  *echo_probe_name,
                              GError     **error)
{
  g_autofree char *probe = NULL;
  g_autofree char *desc = NULL;
  GstElement *bin;

  if (echo_probe_name != NULL)
    probe = g_strdup_printf ("webrtcechoprobe name=%s ! ", echo_probe_name);
  desc = g_strdup_printf ("audioconvert ! audioresample ! volume name=playback-volume ! %s%s",
                          probe ? probe : "", sink_desc);
  bin = make_bin (desc, error);
  if (bin != NULL)
    gst_element_set_name (bin, "audio-playback");
  return bin;
}

static char *
device_desc (const char *property_value,
             const char *env,
             const char *fallback)
{
  const char *value = property_value;

  if (value == NULL || *value == '\0')
    value = g_getenv (env);
  if (value == NULL || *value == '\0')
    value = fallback;
  return g_strdup (value);
}

static gboolean
element_exists (const char *name)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL;
}

static gboolean
link_send (GstElement  *send,
           GstElement  *webrtc,
           GError     **error)
{
  g_autoptr(GstPad) src = gst_element_get_static_pad (send, "src");
  g_autoptr(GstPad) sink = gst_element_request_pad_simple (webrtc, "sink_%u");

  if (sink == NULL || gst_pad_link (src, sink) != GST_PAD_LINK_OK)
    {
      g_set_error (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_PIPELINE,
                   _("Cannot link %s to webrtcbin"), GST_OBJECT_NAME (send));
      return FALSE;
    }
  return TRUE;
}

static void
add_ice_servers (GstElement *webrtc,
                 GPtrArray  *servers)
{
  gboolean have_stun = FALSE;

  for (guint i = 0; servers != NULL && i < servers->len; i++)
    {
      HolbooIceServer *server = g_ptr_array_index (servers, i);
      g_autofree char *uri = holboo_ice_server_to_uri (server);

      if (holboo_ice_server_get_kind (server) == HOLBOO_ICE_SERVER_STUN)
        {
          /* webrtcbin takes one STUN server. */
          if (!have_stun)
            g_object_set (webrtc, "stun-server", uri, NULL);
          have_stun = TRUE;
        }
      else
        {
          gboolean ok = FALSE;

          g_signal_emit_by_name (webrtc, "add-turn-server", uri, &ok);
          if (!ok)
            g_message ("webrtcbin refused the TURN server %s:%u",
                       holboo_ice_server_get_host (server), holboo_ice_server_get_port (server));
        }
    }
}

/* Restrict ICE's host candidates to @addresses.  libnice otherwise uses
 * every interface but loopback; a TURN server on loopback (the tests'
 * coturn) is only reachable from a loopback candidate. */
static gboolean
set_local_addresses (GstElement  *webrtc,
                     GStrv        addresses,
                     GError     **error)
{
  g_autoptr(GObject) ice = NULL;
  g_autoptr(GObject) agent = NULL;  /* NiceAgent has no autoptr */

  if (addresses == NULL || addresses[0] == NULL)
    return TRUE;

  g_object_get (webrtc, "ice-agent", &ice, NULL);
  if (ice != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (ice), "agent") != NULL)
    g_object_get (ice, "agent", &agent, NULL);
  if (agent == NULL)
    {
      g_set_error_literal (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_PIPELINE,
                           _("The ICE agent cannot be limited to chosen addresses"));
      return FALSE;
    }

  for (guint i = 0; addresses[i] != NULL; i++)
    {
      NiceAddress address;

      nice_address_init (&address);
      if (!nice_address_set_from_string (&address, addresses[i]) ||
          !nice_agent_add_local_address (NICE_AGENT (agent), &address))
        {
          g_set_error (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_PIPELINE,
                       _("“%s” is not a local address ICE can use"), addresses[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* The pipeline: webrtcbin with the send branches linked to it and the
 * playback end waiting for remote audio; the receive branches are added
 * by _holboo_call_on_pad_added() as the streams arrive. */
GstElement *
_holboo_call_build (const HolbooCallConfig  *config,
                    HolbooCallShared        *shared,
                    GstElement             **webrtc_out,
                    GError                 **error)
{
  g_autofree char *audio_source = NULL;
  g_autofree char *audio_sink = NULL;
  g_autofree char *probe_name = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  GstElement *webrtc;
  GstElement *audio_send;
  GstElement *tail;
  static guint serial;

  if (!element_exists ("webrtcbin"))
    {
      g_set_error_literal (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_MISSING_ELEMENTS,
                           _("webrtcbin is missing (gstreamer1.0-plugins-bad)"));
      return NULL;
    }

  audio_source = device_desc (config->audio_source, HOLBOO_ENV_AUDIO_SOURCE, "autoaudiosrc");
  audio_sink = device_desc (config->audio_sink, HOLBOO_ENV_AUDIO_SINK, "autoaudiosink");
  /* The canceller finds its probe by a process-wide name. */
  if (config->echo_cancel && element_exists ("webrtcdsp") && element_exists ("webrtcechoprobe"))
    probe_name = g_strdup_printf ("holboo-echo-probe-%u", (guint) g_atomic_int_add (&serial, 1));

  pipeline = gst_object_ref_sink (gst_pipeline_new ("holboo-call"));
  webrtc = gst_element_factory_make ("webrtcbin", "webrtc");
  g_object_set (webrtc,
                "bundle-policy", GST_WEBRTC_BUNDLE_POLICY_MAX_BUNDLE,
                "latency", config->latency_ms,
                "ice-transport-policy", config->relay_only ? GST_WEBRTC_ICE_TRANSPORT_POLICY_RELAY
                                                           : GST_WEBRTC_ICE_TRANSPORT_POLICY_ALL,
                NULL);
  gst_bin_add (GST_BIN (pipeline), webrtc);
  add_ice_servers (webrtc, config->ice_servers);
  if (!set_local_addresses (webrtc, config->local_addresses, error))
    return NULL;

  audio_send = make_audio_send (audio_source, probe_name, config->audio_rtp_filter,
                                config->opus_pt > 0 ? config->opus_pt : HOLBOO_CALL_OPUS_PT, error);
  if (audio_send == NULL)
    return NULL;
  gst_bin_add (GST_BIN (pipeline), audio_send);
  if (!link_send (audio_send, webrtc, error))
    return NULL;

  tail = make_audio_tail (audio_sink, probe_name, error);
  if (tail == NULL)
    return NULL;
  gst_bin_add (GST_BIN (pipeline), tail);

  if (config->video)
    {
      g_autofree char *video_source = device_desc (config->video_source, HOLBOO_ENV_VIDEO_SOURCE,
                                                   "autovideosrc");
      GstElement *video_send = make_video_send (video_source,
                                                config->vp8_pt > 0 ? config->vp8_pt : HOLBOO_CALL_VP8_PT, error);

      if (video_send == NULL)
        return NULL;
      gst_bin_add (GST_BIN (pipeline), video_send);
      if (!link_send (video_send, webrtc, error))
        return NULL;
    }

  shared->pipeline = g_object_ref (pipeline);
  shared->audio_tail = g_object_ref (tail);
  shared->video_sink_desc = device_desc (config->video_sink, HOLBOO_ENV_VIDEO_SINK, "autovideosink");

  *webrtc_out = webrtc;
  return g_steal_pointer (&pipeline);
}

static GstPadProbeReturn
on_first_audio (GstPad          *pad,
                GstPadProbeInfo *info,
                gpointer         user_data)
{
  HolbooCallShared *shared = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 *data;

  if (!g_atomic_int_compare_and_exchange (&shared->first_audio_seen, 0, 1))
    return GST_PAD_PROBE_REMOVE;

  data = g_new (gint64, 1);
  *data = now;
  _holboo_call_shared_invoke (shared, _holboo_call_pipeline_first_audio, data, g_free);
  return GST_PAD_PROBE_REMOVE;
}

static gboolean
link_and_sync (GstElement *pipeline,
               GstPad     *src_pad,
               GstElement *bin)
{
  g_autoptr(GstPad) sink_pad = NULL;

  gst_bin_add (GST_BIN (pipeline), bin);
  sink_pad = gst_element_get_static_pad (bin, "sink");
  if (gst_pad_link (src_pad, sink_pad) != GST_PAD_LINK_OK)
    {
      g_message ("Cannot link %s to %s", GST_OBJECT_NAME (src_pad), GST_OBJECT_NAME (bin));
      gst_bin_remove (GST_BIN (pipeline), bin);
      return FALSE;
    }
  gst_element_sync_state_with_parent (bin);
  return TRUE;
}

static void
add_discard (HolbooCallShared *shared,
             GstPad           *pad)
{
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);

  g_object_set (sink, "async", FALSE, "sync", FALSE, NULL);
  link_and_sync (shared->pipeline, pad, sink);
}

static void
add_audio_receive (HolbooCallShared *shared,
                   GstPad           *pad)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstPad) decoded = NULL;
  g_autoptr(GstPad) tail_pad = NULL;
  GstElement *decoder;
  GstElement *bin;

  bin = make_bin ("rtpopusdepay ! opusdec name=audio-decoder plc=true", &error);
  if (bin == NULL)
    {
      g_message ("Remote audio cannot be played: %s", error->message);
      add_discard (shared, pad);
      return;
    }
  decoder = gst_bin_get_by_name (GST_BIN (bin), "audio-decoder");
  decoded = gst_element_get_static_pad (decoder, "src");
  gst_pad_add_probe (decoded, GST_PAD_PROBE_TYPE_BUFFER, on_first_audio,
                     _holboo_call_shared_ref (shared), (GDestroyNotify) _holboo_call_shared_unref);
  gst_object_unref (decoder);
  gst_element_set_name (bin, "audio-receive");

  if (!link_and_sync (shared->pipeline, pad, bin))
    return;

  {
    g_autoptr(GstPad) out = gst_element_get_static_pad (bin, "src");

    tail_pad = gst_element_get_static_pad (shared->audio_tail, "sink");
    if (gst_pad_link (out, tail_pad) != GST_PAD_LINK_OK)
      g_message ("Cannot link the remote audio to the playback");
  }
}

static void
add_video_receive (HolbooCallShared *shared,
                   GstPad           *pad)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *desc = NULL;
  GstElement *bin;

  desc = g_strdup_printf ("rtpvp8depay ! vp8dec name=video-decoder ! videoconvert ! %s",
                          shared->video_sink_desc);
  bin = make_bin (desc, &error);
  if (bin == NULL)
    {
      g_message ("Remote video cannot be shown: %s", error->message);
      bin = make_bin ("fakesink sync=false", NULL);
    }
  gst_element_set_name (bin, "video-receive");
  link_and_sync (shared->pipeline, pad, bin);
}

/* webrtcbin's pad-added, on a streaming thread: decode what arrives.
 * One audio and one video stream are played; anything more is
 * discarded (a peer may add streams we did not negotiate for). */
void
_holboo_call_on_pad_added (GstElement *webrtc,
                           GstPad     *pad,
                           gpointer    user_data)
{
  HolbooCallShared *shared = user_data;
  g_autoptr(GstCaps) caps = NULL;
  const char *media = NULL;
  const char *encoding = NULL;
  gboolean take = FALSE;

  if (GST_PAD_DIRECTION (pad) != GST_PAD_SRC)
    return;

  caps = gst_pad_get_current_caps (pad);
  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  if (caps != NULL && gst_caps_get_size (caps) > 0)
    {
      const GstStructure *s = gst_caps_get_structure (caps, 0);

      media = gst_structure_get_string (s, "media");
      encoding = gst_structure_get_string (s, "encoding-name");
    }
  g_debug ("Remote stream: media %s, encoding %s", media, encoding);

  g_mutex_lock (&shared->lock);
  if (g_strcmp0 (media, "audio") == 0 && g_strcmp0 (encoding, "OPUS") == 0 && !shared->audio_linked)
    take = shared->audio_linked = TRUE;
  else if (g_strcmp0 (media, "video") == 0 && g_strcmp0 (encoding, "VP8") == 0 && !shared->video_linked)
    take = shared->video_linked = TRUE;
  g_mutex_unlock (&shared->lock);

  if (!take)
    add_discard (shared, pad);
  else if (g_strcmp0 (media, "audio") == 0)
    add_audio_receive (shared, pad);
  else
    add_video_receive (shared, pad);
}

static void
set_element_property (GstElement *pipeline,
                      const char *name,
                      const char *property,
                      gboolean    value)
{
  g_autoptr(GstElement) element = gst_bin_get_by_name (GST_BIN (pipeline), name);

  if (element != NULL)
    g_object_set (element, property, value, NULL);
}

/* Mute, hold and camera: the microphone's volume, the playback volume
 * and the camera's valve. */
void
_holboo_call_apply_switches (GstElement *pipeline,
                             gboolean    mic_muted,
                             gboolean    playback_muted,
                             gboolean    camera_dropped)
{
  set_element_property (pipeline, "mic-volume", "mute", mic_muted);
  set_element_property (pipeline, "playback-volume", "mute", playback_muted);
  set_element_property (pipeline, "camera-valve", "drop", camera_dropped);
}

/* The payload type @offer gives @encoding in its @media m-line, or -1. */
int
_holboo_call_offer_payload_type (const GstSDPMessage *offer,
                                 const char          *media,
                                 const char          *encoding)
{
  for (guint i = 0; i < gst_sdp_message_medias_len (offer); i++)
    {
      const GstSDPMedia *m = gst_sdp_message_get_media (offer, i);

      if (g_strcmp0 (gst_sdp_media_get_media (m), media) != 0)
        continue;
      for (guint a = 0; a < gst_sdp_media_attributes_len (m); a++)
        {
          const GstSDPAttribute *attr = gst_sdp_media_get_attribute (m, a);
          g_auto(GStrv) parts = NULL;
          guint64 pt;

          if (g_strcmp0 (attr->key, "rtpmap") != 0 || attr->value == NULL)
            continue;
          parts = g_strsplit_set (attr->value, " /", 3);
          if (parts[0] != NULL && parts[1] != NULL && g_ascii_strcasecmp (parts[1], encoding) == 0 &&
              g_ascii_string_to_unsigned (parts[0], 10, 0, 127, &pt, NULL))
            return (int) pt;
        }
    }
  return -1;
}

typedef struct {
  gint           pending;   /* atomic: branches still renegotiating */
  GDestroyNotify then;
  gpointer       data;
  GDestroyNotify free_data;
} Retyping;

typedef struct {
  Retyping *retyping;
  int       pt;
  gboolean  caps_seen;
} BranchRetyping;

static void
branch_retyping_free (gpointer p)
{
  BranchRetyping *branch = p;

  if (g_atomic_int_dec_and_test (&branch->retyping->pending))
    {
      branch->retyping->then (branch->retyping->data);
      if (branch->retyping->free_data != NULL)
        branch->retyping->free_data (branch->retyping->data);
      g_free (branch->retyping);
    }
  g_free (branch);
}

/* On the capsfilter's src pad: the new caps went by, and a buffer after
 * them, so webrtcbin's sink pad has taken them. */
static GstPadProbeReturn
on_retyped (GstPad          *pad,
            GstPadProbeInfo *info,
            gpointer         user_data)
{
  BranchRetyping *branch = user_data;

  if (info->type & GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM)
    {
      GstEvent *event = GST_PAD_PROBE_INFO_EVENT (info);
      GstCaps *caps;
      int pt = -1;

      if (GST_EVENT_TYPE (event) == GST_EVENT_CAPS)
        {
          gst_event_parse_caps (event, &caps);
          if (gst_structure_get_int (gst_caps_get_structure (caps, 0), "payload", &pt) && pt == branch->pt)
            branch->caps_seen = TRUE;
        }
      return GST_PAD_PROBE_OK;
    }
  return branch->caps_seen ? GST_PAD_PROBE_REMOVE : GST_PAD_PROBE_OK;
}

static gboolean
retype_branch (GstElement *pipeline,
               const char *filter_name,
               GstCaps    *(*make_caps) (void),
               int         pt,
               Retyping   *retyping)
{
  g_autoptr(GstElement) filter = gst_bin_get_by_name (GST_BIN (pipeline), filter_name);
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstPad) src = NULL;
  BranchRetyping *branch;
  int current = -1;

  if (filter == NULL || pt < 0)
    return FALSE;
  g_object_get (filter, "caps", &caps, NULL);
  gst_structure_get_int (gst_caps_get_structure (caps, 0), "payload", &current);
  if (current == pt)
    return FALSE;

  g_debug ("Following the offer: %s payload type %d → %d", filter_name, current, pt);
  branch = g_new0 (BranchRetyping, 1);
  branch->retyping = retyping;
  branch->pt = pt;
  g_atomic_int_inc (&retyping->pending);
  src = gst_element_get_static_pad (filter, "src");
  gst_pad_add_probe (src, GST_PAD_PROBE_TYPE_EVENT_DOWNSTREAM | GST_PAD_PROBE_TYPE_BUFFER,
                     on_retyped, branch, branch_retyping_free);

  /* The payloader takes the payload type downstream asks for. */
  gst_clear_caps (&caps);
  caps = make_caps ();
  gst_caps_set_simple (caps, "payload", G_TYPE_INT, pt, NULL);
  g_object_set (filter, "caps", caps, NULL);
  return TRUE;
}

/* Gives the send branches the offer's payload types.  Returns %FALSE if
 * nothing changes; else @then (@data) runs, on a streaming thread, once
 * webrtcbin has the new caps. */
gboolean
_holboo_call_follow_payload_types (GstElement          *pipeline,
                                   const GstSDPMessage *offer,
                                   GDestroyNotify       then,
                                   gpointer             data,
                                   GDestroyNotify       free_data)
{
  Retyping *retyping = g_new0 (Retyping, 1);
  gboolean audio, video;

  retyping->then = then;
  retyping->data = data;
  retyping->free_data = free_data;
  /* Held at 1 until both branches are set up, so neither finishes it early. */
  g_atomic_int_set (&retyping->pending, 1);

  audio = retype_branch (pipeline, "audio-rtp-caps", _holboo_call_audio_rtp_caps,
                         _holboo_call_offer_payload_type (offer, "audio", "opus"), retyping);
  video = retype_branch (pipeline, "video-rtp-caps", _holboo_call_video_rtp_caps,
                         _holboo_call_offer_payload_type (offer, "video", "VP8"), retyping);

  if (!audio && !video)
    {
      g_free (retyping);
      return FALSE;
    }
  if (g_atomic_int_dec_and_test (&retyping->pending))
    {
      then (data);
      if (free_data != NULL)
        free_data (data);
      g_free (retyping);
    }
  return TRUE;
}
