/* test-jingle-call.c: a whole call whose signalling goes through Jingle
 *
 * Two HolbooCallPipelines exchange nothing but Jingle text: the offer
 * becomes a session-initiate, the answer a session-accept, every
 * candidate a transport-info; each is serialised, parsed by the real
 * XML stream and translated back.  The tones must still cross.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-jingle-call"

#include "config.h"

#include "call-test-util.h"
#include "holboo-jingle-sdp.h"
#include "holboo-xml-stream.h"

#include <string.h>

#define STREAM_HEADER \
  "<?xml version='1.0'?><stream:stream xmlns='jabber:client' " \
  "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.mn' version='1.0'>"

/* What one side's signalling knows. */
typedef struct Side Side;
struct Side {
  CallEnd          *end;
  HolbooJingleRole  role;
  GstSDPMessage    *local;    /* our description, as sent */
  GstSDPMessage    *remote;   /* the peer's, as translated from Jingle */
  GPtrArray        *pending;  /* candidates emitted before @local was known */
  Side             *peer;
  guint             sent;     /* transport-infos sent */
  guint             dropped;  /* TCP candidates ICE-UDP cannot carry */
};

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           HolbooXmlNode  **out)
{
  *out = holboo_xml_node_ref (stanza);
}

/* @jingle, over the wire: serialised in an IQ and parsed again. */
static HolbooXmlNode *
over_the_wire (HolbooXmlNode *jingle)
{
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  g_autoptr(HolbooXmlNode) iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  g_autoptr(HolbooXmlNode) parsed = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  holboo_xml_node_set_attribute (iq, "type", "set");
  holboo_xml_node_set_attribute (iq, "id", "j");
  holboo_xml_node_append_child (iq, jingle);
  holboo_xml_node_serialize (iq, text, HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM);

  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), &parsed);
  holboo_xml_stream_feed (stream, STREAM_HEADER, strlen (STREAM_HEADER), &error);
  holboo_xml_stream_feed (stream, text->str, text->len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (parsed);
  return holboo_xml_node_ref (holboo_xml_node_get_child (parsed, "jingle", HOLBOO_XMLNS_JINGLE));
}

static void
send_candidate (Side       *side,
                guint       mline,
                const char *candidate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) jingle = holboo_xml_node_new ("jingle", HOLBOO_XMLNS_JINGLE);
  g_autoptr(HolbooXmlNode) content = NULL;
  g_autoptr(HolbooXmlNode) received = NULL;
  g_autoptr(GPtrArray) candidates = NULL;

  content = holboo_jingle_transport_info_content (side->local, mline, HOLBOO_JINGLE_ROLE_INITIATOR,
                                                  candidate, &error);
  if (g_error_matches (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS))
    {
      side->dropped++;
      return;
    }
  g_assert_no_error (error);
  holboo_xml_node_set_attribute (jingle, "action", "transport-info");
  holboo_xml_node_set_attribute (jingle, "sid", "jingle-call");
  holboo_xml_node_append_child (jingle, content);
  received = over_the_wire (jingle);
  side->sent++;

  /* The peer's signalling. */
  g_assert_nonnull (side->peer->remote);
  candidates = holboo_jingle_transport_info_to_candidates (received, side->peer->remote, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < candidates->len; i++)
    {
      HolbooJingleCandidate *c = g_ptr_array_index (candidates, i);

      holboo_call_pipeline_add_remote_candidate (side->peer->end->pipeline, c->mline_index, c->candidate);
    }
}

static void
on_local_candidate (HolbooCallPipeline *pipeline,
                    guint               mline,
                    const char         *candidate,
                    Side               *side)
{
  if (side->local == NULL || side->peer->remote == NULL)
    {
      g_ptr_array_add (side->pending, g_strdup_printf ("%u %s", mline, candidate));
      return;
    }
  send_candidate (side, mline, candidate);
}

static void
flush_pending (Side *side)
{
  for (guint i = 0; i < side->pending->len; i++)
    {
      const char *line = g_ptr_array_index (side->pending, i);
      char *rest;
      guint mline = strtoul (line, &rest, 10);

      send_candidate (side, mline, rest + 1);
    }
  g_ptr_array_set_size (side->pending, 0);
}

/* Our description → Jingle → over the wire → the peer's SDP. */
static GstWebRTCSessionDescription *
signal_description (Side                        *from,
                    GstWebRTCSessionDescription *description,
                    const char                  *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) jingle = holboo_xml_node_new ("jingle", HOLBOO_XMLNS_JINGLE);
  g_autoptr(HolbooXmlNode) received = NULL;
  GstSDPMessage *sdp;

  holboo_xml_node_set_attribute (jingle, "action", action);
  holboo_xml_node_set_attribute (jingle, "sid", "jingle-call");
  g_assert_true (holboo_jingle_fill_from_sdp (jingle, description->sdp, from->role, &error));
  g_assert_no_error (error);
  gst_sdp_message_copy (description->sdp, &from->local);

  received = over_the_wire (jingle);
  sdp = holboo_jingle_to_sdp (received, from->role, &error);
  g_assert_no_error (error);
  gst_sdp_message_copy (sdp, &from->peer->remote);
  return gst_webrtc_session_description_new (description->type, sdp);
}

static gboolean
tones_crossed (gpointer data)
{
  CallPair *pair = data;

  return call_end_count_tone (&pair->b, 440, 10) >= 5 && call_end_count_tone (&pair->a, 660, 10) >= 5;
}

static void
test_call_over_jingle (gconstpointer data)
{
  gboolean video = GPOINTER_TO_INT (data);
  CallPairOptions options = { .manual_candidates = TRUE, .video = video };
  CallPair pair;
  Side a = { .role = HOLBOO_JINGLE_ROLE_INITIATOR }, b = { .role = HOLBOO_JINGLE_ROLE_RESPONDER };
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  GstWebRTCSessionDescription *offer, *answer, *theirs;

  call_pair_init (&pair, &options);
  a.end = &pair.a;
  b.end = &pair.b;
  a.peer = &b;
  b.peer = &a;
  a.pending = g_ptr_array_new_with_free_func (g_free);
  b.pending = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (pair.a.pipeline, "local-candidate", G_CALLBACK (on_local_candidate), &a);
  g_signal_connect (pair.b.pipeline, "local-candidate", G_CALLBACK (on_local_candidate), &b);

  holboo_call_pipeline_create_offer_async (pair.a.pipeline, NULL, call_test_on_result, &r1);
  offer = holboo_call_pipeline_create_offer_finish (pair.a.pipeline, call_test_wait_result (&r1), &error);
  g_assert_no_error (error);
  theirs = signal_description (&a, offer, "session-initiate");
  gst_webrtc_session_description_free (offer);

  holboo_call_pipeline_set_remote_description_async (pair.b.pipeline, theirs, NULL, call_test_on_result, &r2);
  holboo_call_pipeline_set_remote_description_finish (pair.b.pipeline, call_test_wait_result (&r2), &error);
  g_assert_no_error (error);
  gst_webrtc_session_description_free (theirs);

  holboo_call_pipeline_create_answer_async (pair.b.pipeline, NULL, call_test_on_result, &r3);
  answer = holboo_call_pipeline_create_answer_finish (pair.b.pipeline, call_test_wait_result (&r3), &error);
  g_assert_no_error (error);
  theirs = signal_description (&b, answer, "session-accept");
  gst_webrtc_session_description_free (answer);

  holboo_call_pipeline_set_remote_description_async (pair.a.pipeline, theirs, NULL, call_test_on_result, &r4);
  holboo_call_pipeline_set_remote_description_finish (pair.a.pipeline, call_test_wait_result (&r4), &error);
  g_assert_no_error (error);
  gst_webrtc_session_description_free (theirs);

  flush_pending (&a);
  flush_pending (&b);

  g_assert_true (call_test_wait (call_pair_both_connected, &pair, 20000));
  g_assert_true (call_test_wait (tones_crossed, &pair, 10000));
  g_test_message ("transport-infos: %u and %u sent, %u and %u TCP candidates left out",
                  a.sent, b.sent, a.dropped, b.dropped);
  g_assert_cmpuint (a.sent, >, 0);
  g_assert_cmpuint (b.sent, >, 0);

  call_pair_clear (&pair);
  g_clear_pointer (&a.local, gst_sdp_message_free);
  g_clear_pointer (&a.remote, gst_sdp_message_free);
  g_clear_pointer (&b.local, gst_sdp_message_free);
  g_clear_pointer (&b.remote, gst_sdp_message_free);
  g_ptr_array_unref (a.pending);
  g_ptr_array_unref (b.pending);
}

static HolbooXmlNode *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "media", "jingle-fixtures", name, NULL);
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  g_autoptr(HolbooXmlNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), &parsed);
  holboo_xml_stream_feed (stream, STREAM_HEADER, strlen (STREAM_HEADER), &error);
  holboo_xml_stream_feed (stream, text, strlen (text), &error);
  g_assert_no_error (error);
  return holboo_xml_node_ref (holboo_xml_node_get_child (parsed, "jingle", HOLBOO_XMLNS_JINGLE));
}

static const GstSDPMedia *
find_media (const GstSDPMessage *sdp,
            const char          *media)
{
  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    if (g_strcmp0 (gst_sdp_media_get_media (gst_sdp_message_get_media (sdp, i)), media) == 0)
      return gst_sdp_message_get_media (sdp, i);
  return NULL;
}

/* Dino numbers Opus 99: our answer must send on 99 too, not fall back
 * to receiving only (what webrtcbin does when payload types differ). */
static void
test_answer_dino_offer (void)
{
  g_autoptr(HolbooXmlNode) jingle = parse_fixture ("dino-session-initiate.xml");
  g_autoptr(HolbooXmlNode) accept = holboo_xml_node_new ("jingle", HOLBOO_XMLNS_JINGLE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr(HolbooCallPipeline) pipeline = NULL;
  GstSDPMessage *sdp;
  GstWebRTCSessionDescription *offer, *answer;
  const GstSDPMedia *audio, *video;

  sdp = holboo_jingle_to_sdp (jingle, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  g_assert_no_error (error);
  offer = gst_webrtc_session_description_new (GST_WEBRTC_SDP_TYPE_OFFER, sdp);

  pipeline = g_object_new (HOLBOO_TYPE_CALL_PIPELINE, "video", TRUE, "echo-cancel", FALSE,
                           "audio-source", "audiotestsrc is-live=true", "audio-sink", "fakesink async=false",
                           "video-source", "videotestsrc is-live=true", "video-sink", "fakesink async=false",
                           NULL);
  /* As HolbooCall does: the offer's payload types from the start (a
   * retyping of running branches could wait for ever on a buffer that
   * already sits in webrtcbin's blocked sink pad: 1 run in 6). */
  holboo_call_pipeline_follow_offer (pipeline, sdp);
  holboo_call_pipeline_start (pipeline, &error);
  g_assert_no_error (error);
  holboo_call_pipeline_set_remote_description_async (pipeline, offer, NULL, call_test_on_result, &r1);
  holboo_call_pipeline_set_remote_description_finish (pipeline, call_test_wait_result (&r1), &error);
  g_assert_no_error (error);
  holboo_call_pipeline_create_answer_async (pipeline, NULL, call_test_on_result, &r2);
  answer = holboo_call_pipeline_create_answer_finish (pipeline, call_test_wait_result (&r2), &error);
  g_assert_no_error (error);

  audio = find_media (answer->sdp, "audio");
  video = find_media (answer->sdp, "video");
  g_assert_nonnull (audio);
  g_assert_nonnull (video);
  g_assert_cmpstr (gst_sdp_media_get_format (audio, 0), ==, "99");
  g_assert_nonnull (gst_sdp_media_get_attribute_val (audio, "sendrecv"));
  g_assert_cmpstr (gst_sdp_media_get_format (video, 0), ==, "96");
  g_assert_nonnull (gst_sdp_media_get_attribute_val (video, "sendrecv"));
  g_assert_cmpstr (gst_sdp_media_get_attribute_val (audio, "setup"), ==, "active");

  /* And it goes back out as a session-accept. */
  g_assert_true (holboo_jingle_fill_from_sdp (accept, answer->sdp, HOLBOO_JINGLE_ROLE_RESPONDER, &error));
  g_assert_no_error (error);

  holboo_call_pipeline_hang_up (pipeline);
  gst_webrtc_session_description_free (offer);
  gst_webrtc_session_description_free (answer);
}

int
main (int   argc,
      char *argv[])
{
  call_test_init (&argc, &argv);
  gst_init (&argc, &argv);

  g_test_add_data_func ("/media/call/jingle/audio", GINT_TO_POINTER (FALSE), test_call_over_jingle);
  g_test_add_data_func ("/media/call/jingle/audio-video", GINT_TO_POINTER (TRUE), test_call_over_jingle);
  g_test_add_func ("/media/call/jingle/answer-dino-offer", test_answer_dino_offer);

  return g_test_run ();
}
