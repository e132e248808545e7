/* test-jingle-sdp.c: Jingle <-> SDP on stanzas as Conversations, Dino and Movim send them
 *
 * Fixtures in jingle-fixtures/ are whole IQs; they are parsed by the
 * real XML stream, as they would arrive.  Hostile variants are made from
 * them by replacing one field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-jingle-sdp"

#include "config.h"

#include "holboo-jingle-sdp.h"
#include "holboo-xml-stream.h"

#include <string.h>

#define STREAM_HEADER \
  "<?xml version='1.0'?><stream:stream xmlns='jabber:client' " \
  "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.mn' version='1.0'>"

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           HolbooXmlNode  **out)
{
  g_clear_pointer (out, holboo_xml_node_unref);
  *out = holboo_xml_node_ref (stanza);
}

/* The <jingle/> of an IQ given as text. */
static HolbooXmlNode *
parse_jingle (const char *iq_text)
{
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *jingle;

  HolbooXmlLimits limits;

  /* 10,000 candidates are ~1.8 MB: over the stream's own 1 MB stanza
   * limit, which would stop that flood first.  The translation must cap
   * on its own too, so the test lets the stanza through. */
  holboo_xml_limits_init (&limits);
  limits.max_stanza_size = 8 * 1024 * 1024;
  holboo_xml_stream_set_limits (stream, &limits);
  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), &iq);
  holboo_xml_stream_feed (stream, STREAM_HEADER, strlen (STREAM_HEADER), &error);
  g_assert_no_error (error);
  holboo_xml_stream_feed (stream, iq_text, strlen (iq_text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (iq);
  jingle = holboo_xml_node_get_child (iq, "jingle", HOLBOO_XMLNS_JINGLE);
  g_assert_nonnull (jingle);
  return holboo_xml_node_ref (jingle);
}

static char *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "media", "jingle-fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static HolbooXmlNode *
fixture_jingle (const char *name)
{
  g_autofree char *text = load_fixture (name);

  return parse_jingle (text);
}

/* The fixture with @from replaced by @to (once). */
static HolbooXmlNode *
variant (const char *name,
         const char *from,
         const char *to)
{
  g_autofree char *text = load_fixture (name);
  char *at = strstr (text, from);
  g_autoptr(GString) s = NULL;

  g_assert_nonnull (at);
  s = g_string_new_len (text, at - text);
  g_string_append (s, to);
  g_string_append (s, at + strlen (from));
  return parse_jingle (s->str);
}

static guint
count_attributes (const GstSDPMedia *m,
                  const char        *key)
{
  guint n = 0;

  for (guint i = 0; i < gst_sdp_media_attributes_len (m); i++)
    if (g_strcmp0 (gst_sdp_media_get_attribute (m, i)->key, key) == 0)
      n++;
  return n;
}

static gboolean
has_attribute (const GstSDPMedia *m,
               const char        *key,
               const char        *value)
{
  for (guint i = 0; i < gst_sdp_media_attributes_len (m); i++)
    {
      const GstSDPAttribute *a = gst_sdp_media_get_attribute (m, i);

      if (g_strcmp0 (a->key, key) == 0 && g_strcmp0 (a->value, value) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
sdp_text (const GstSDPMessage *sdp)
{
  return gst_sdp_message_as_text (sdp);
}

/* ---- fixtures ---- */

static void
test_conversations_initiate (void)
{
  g_autoptr(HolbooXmlNode) jingle = fixture_jingle ("conversations-session-initiate.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (jingle, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  const GstSDPMedia *audio, *video;

  g_assert_no_error (error);
  g_assert_cmpuint (gst_sdp_message_medias_len (sdp), ==, 2);
  g_assert_cmpstr (gst_sdp_message_get_attribute_val (sdp, "group"), ==, "BUNDLE 0 1");

  audio = gst_sdp_message_get_media (sdp, 0);
  g_assert_cmpstr (gst_sdp_media_get_media (audio), ==, "audio");
  g_assert_cmpstr (gst_sdp_media_get_proto (audio), ==, "UDP/TLS/RTP/SAVPF");
  g_assert_cmpstr (gst_sdp_media_get_attribute_val (audio, "mid"), ==, "0");
  /* Only Opus is ours; the other ten codecs are left out. */
  g_assert_cmpuint (gst_sdp_media_formats_len (audio), ==, 1);
  g_assert_cmpstr (gst_sdp_media_get_format (audio, 0), ==, "111");
  g_assert_true (has_attribute (audio, "rtpmap", "111 opus/48000/2"));
  g_assert_true (has_attribute (audio, "fmtp", "111 minptime=10;useinbandfec=1"));
  g_assert_true (has_attribute (audio, "rtcp-fb", "111 transport-cc"));
  g_assert_cmpuint (count_attributes (audio, "extmap"), ==, 4);
  g_assert_true (has_attribute (audio, "extmap", "1 urn:ietf:params:rtp-hdrext:ssrc-audio-level"));
  g_assert_true (has_attribute (audio, "extmap-allow-mixed", ""));
  g_assert_true (has_attribute (audio, "ssrc", "2946281397 cname:mAnOK9Bs5nXfAGGt"));
  g_assert_true (has_attribute (audio, "ssrc", "2946281397 msid:my-media-stream my-audio-track"));
  g_assert_true (has_attribute (audio, "rtcp-mux", ""));
  g_assert_true (has_attribute (audio, "sendrecv", ""));
  g_assert_true (has_attribute (audio, "ice-ufrag", "Yc0u"));
  g_assert_true (has_attribute (audio, "ice-pwd", "Ul6b1LnrXqr9ofhAv9wPQ3Os"));
  g_assert_true (has_attribute (audio, "setup", "actpass"));
  g_assert_true (has_attribute (audio, "fingerprint",
                                "sha-256 2C:CF:D6:7E:48:1F:0C:4E:DB:77:E7:2D:F9:62:5B:22:FC:3D:9E:0F:E4:2B:4E:20:C6:D2:0F:7F:2C:16:EB:32"));
  g_assert_cmpuint (count_attributes (audio, "candidate"), ==, 0);

  video = gst_sdp_message_get_media (sdp, 1);
  g_assert_cmpstr (gst_sdp_media_get_media (video), ==, "video");
  g_assert_cmpuint (gst_sdp_media_formats_len (video), ==, 1);
  g_assert_true (has_attribute (video, "rtpmap", "96 VP8/90000"));
  g_assert_cmpuint (count_attributes (video, "rtcp-fb"), ==, 5);
  g_assert_true (has_attribute (video, "rtcp-fb", "96 nack pli"));
  g_assert_true (has_attribute (video, "rtcp-fb", "96 ccm fir"));
  g_assert_true (has_attribute (video, "ssrc-group", "FID 1633412359 3431232311"));
  g_assert_true (has_attribute (video, "extmap", "13 urn:3gpp:video-orientation"));
}

static void
test_dino_initiate (void)
{
  g_autoptr(HolbooXmlNode) jingle = fixture_jingle ("dino-session-initiate.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (jingle, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  const GstSDPMedia *audio, *video;

  g_assert_no_error (error);
  g_assert_cmpuint (gst_sdp_message_medias_len (sdp), ==, 2);
  /* No BUNDLE: one transport per content. */
  g_assert_null (gst_sdp_message_get_attribute_val (sdp, "group"));

  audio = gst_sdp_message_get_media (sdp, 0);
  g_assert_cmpstr (gst_sdp_media_get_attribute_val (audio, "mid"), ==, "audio");
  g_assert_cmpuint (gst_sdp_media_formats_len (audio), ==, 1);
  g_assert_true (has_attribute (audio, "rtpmap", "99 opus/48000/2"));
  g_assert_true (has_attribute (audio, "fmtp", "99 useinbandfec=1"));
  g_assert_cmpuint (count_attributes (audio, "candidate"), ==, 3);
  g_assert_true (has_attribute (audio, "candidate",
                                "1 1 udp 2013266431 192.168.1.35 50123 typ host generation 0"));
  g_assert_true (has_attribute (audio, "candidate",
                                "2 1 udp 1677721855 198.51.100.4 50123 typ srflx raddr 192.168.1.35 rport 50123 generation 0"));
  g_assert_true (has_attribute (audio, "candidate",
                                "3 1 udp 16777215 203.0.113.50 49170 typ relay raddr 198.51.100.4 rport 50123 generation 0"));

  video = gst_sdp_message_get_media (sdp, 1);
  g_assert_cmpstr (gst_sdp_media_get_attribute_val (video, "mid"), ==, "video");
  g_assert_true (has_attribute (video, "ice-ufrag", "Tq7s"));
  g_assert_cmpuint (gst_sdp_media_formats_len (video), ==, 1);
  g_assert_cmpstr (gst_sdp_media_get_format (video, 0), ==, "96");
}

static void
test_movim_initiate (void)
{
  g_autoptr(HolbooXmlNode) jingle = fixture_jingle ("movim-session-initiate.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (jingle, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  const GstSDPMedia *audio;

  g_assert_no_error (error);
  g_assert_cmpuint (gst_sdp_message_medias_len (sdp), ==, 1);
  g_assert_cmpstr (gst_sdp_message_get_attribute_val (sdp, "group"), ==, "BUNDLE 0");
  audio = gst_sdp_message_get_media (sdp, 0);
  g_assert_true (has_attribute (audio, "rtpmap", "109 opus/48000/2"));
  g_assert_true (has_attribute (audio, "fmtp", "109 maxplaybackrate=48000;stereo=1;useinbandfec=1"));
  g_assert_true (has_attribute (audio, "ssrc", "3789146205 cname:{1e5ec1a3-6b7f-4b8f-bd3b-8d2f1e1c9a55}"));
  g_assert_cmpuint (count_attributes (audio, "candidate"), ==, 1);
}

/* The answer: the responder wrote it; it is the DTLS client here. */
static void
test_conversations_accept (void)
{
  g_autoptr(HolbooXmlNode) jingle = fixture_jingle ("conversations-session-accept.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (jingle, HOLBOO_JINGLE_ROLE_RESPONDER, &error);
  const GstSDPMedia *audio;

  g_assert_no_error (error);
  audio = gst_sdp_message_get_media (sdp, 0);
  g_assert_true (has_attribute (audio, "setup", "active"));
  g_assert_true (has_attribute (audio, "sendrecv", ""));
  g_assert_cmpint (holboo_jingle_sdp_find_mline (sdp, "audio0"), ==, 0);
  g_assert_cmpint (holboo_jingle_sdp_find_mline (sdp, "video0"), ==, -1);
}

static void
test_transport_info (void)
{
  g_autoptr(HolbooXmlNode) offer = fixture_jingle ("conversations-session-initiate.xml");
  g_autoptr(HolbooXmlNode) info = fixture_jingle ("conversations-transport-info.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) remote = holboo_jingle_to_sdp (offer, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  g_autoptr(GPtrArray) candidates = NULL;
  HolbooJingleCandidate *c;

  g_assert_no_error (error);
  candidates = holboo_jingle_transport_info_to_candidates (info, remote, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);
  c = g_ptr_array_index (candidates, 0);
  g_assert_cmpuint (c->mline_index, ==, 0);
  g_assert_cmpstr (c->candidate, ==,
                   "candidate:842163049 1 udp 1686052607 203.0.113.7 41093 typ srflx "
                   "raddr 192.168.1.20 rport 41093 generation 0");
}

/* ---- round trips ---- */

/* Jingle → SDP → Jingle → SDP: the two SDPs are the same text. */
static void
test_round_trip (gconstpointer data)
{
  const char *fixture = data;
  g_autoptr(HolbooXmlNode) jingle = fixture_jingle (fixture);
  g_autoptr(HolbooXmlNode) again = holboo_xml_node_new ("jingle", HOLBOO_XMLNS_JINGLE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) first = NULL;
  g_autoptr(GstSDPMessage) second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *xml = NULL;
  HolbooJingleRole role = strstr (fixture, "accept") ? HOLBOO_JINGLE_ROLE_RESPONDER
                                                     : HOLBOO_JINGLE_ROLE_INITIATOR;

  first = holboo_jingle_to_sdp (jingle, role, &error);
  g_assert_no_error (error);
  holboo_xml_node_set_attribute (again, "action", "session-initiate");
  holboo_xml_node_set_attribute (again, "sid", "round-trip");
  g_assert_true (holboo_jingle_fill_from_sdp (again, first, role, &error));
  g_assert_no_error (error);

  /* Through text and the parser, as it would go over the wire. */
  xml = holboo_xml_node_to_string (again);
  {
    g_autofree char *iq = g_strdup_printf ("<iq type='set' id='rt'>%s</iq>", xml);
    g_autoptr(HolbooXmlNode) parsed = parse_jingle (iq);

    second = holboo_jingle_to_sdp (parsed, role, &error);
    g_assert_no_error (error);
  }

  a = sdp_text (first);
  b = sdp_text (second);
  g_assert_cmpstr (a, ==, b);
}

/* A real offer from webrtcbin (what HolbooCallPipeline makes) → Jingle
 * → SDP keeps what webrtcbin needs. */
static void
test_webrtcbin_offer (void)
{
  g_autofree char *text = load_fixture ("webrtcbin-offer.sdp");
  g_autoptr(GstSDPMessage) offer = NULL;
  g_autoptr(GstSDPMessage) back = NULL;
  g_autoptr(HolbooXmlNode) jingle = holboo_xml_node_new ("jingle", HOLBOO_XMLNS_JINGLE);
  g_autoptr(GError) error = NULL;
  const GstSDPMedia *m;
  HolbooXmlNode *content, *transport, *fp;

  g_assert_cmpint (gst_sdp_message_new_from_text (text, &offer), ==, GST_SDP_OK);
  g_assert_true (holboo_jingle_fill_from_sdp (jingle, offer, HOLBOO_JINGLE_ROLE_INITIATOR, &error));
  g_assert_no_error (error);

  content = holboo_xml_node_get_child (jingle, "content", HOLBOO_XMLNS_JINGLE);
  g_assert_cmpstr (holboo_xml_node_get_attribute (content, "name"), ==, "audio0");
  g_assert_cmpstr (holboo_xml_node_get_attribute (content, "senders"), ==, "both");
  transport = holboo_xml_node_get_child (content, "transport", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  fp = holboo_xml_node_get_child (transport, "fingerprint", HOLBOO_XMLNS_JINGLE_DTLS);
  g_assert_cmpstr (holboo_xml_node_get_attribute (fp, "setup"), ==, "actpass");
  g_assert_cmpstr (holboo_xml_node_get_attribute (fp, "hash"), ==, "sha-256");
  g_assert_nonnull (holboo_xml_node_get_child (jingle, "group", HOLBOO_XMLNS_JINGLE_GROUPING));

  back = holboo_jingle_to_sdp (jingle, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gst_sdp_message_medias_len (back), ==, 2);
  m = gst_sdp_message_get_media (back, 0);
  g_assert_true (has_attribute (m, "rtpmap", "111 OPUS/48000/2"));
  g_assert_cmpstr (gst_sdp_media_get_attribute_val (m, "fingerprint"), ==,
                   gst_sdp_media_get_attribute_val (gst_sdp_message_get_media (offer, 0), "fingerprint"));
  g_assert_cmpstr (gst_sdp_message_get_attribute_val (back, "group"), ==, "BUNDLE audio0 video1");
  m = gst_sdp_message_get_media (back, 1);
  g_assert_true (has_attribute (m, "rtcp-fb", "96 nack pli"));
}

static void
test_candidate_round_trip (void)
{
  static const char *const lines[] = {
    "candidate:1 1 udp 2015363327 192.0.2.2 45631 typ host generation 0",
    "candidate:7 1 udp 1677729535 203.0.113.9 3478 typ srflx raddr 192.0.2.2 rport 45631 generation 0",
    "candidate:9 1 udp 16777215 2001:db8::5 50000 typ relay raddr 2001:db8::1 rport 40000 generation 0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooXmlNode) node = holboo_jingle_candidate_from_sdp (lines[i], &error);
      g_autofree char *back = NULL;

      g_assert_no_error (error);
      back = holboo_jingle_candidate_to_sdp (node, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back, ==, lines[i]);
    }

  /* ICE-TCP cannot go over ICE-UDP: the signalling drops it. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HolbooXmlNode) node =
      holboo_jingle_candidate_from_sdp ("candidate:3 1 TCP 1015021823 192.0.2.2 9 typ host tcptype active", &error);

    g_assert_null (node);
    g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS);
  }
}

/* Our own candidate → a transport-info content the peer can read back. */
static void
test_transport_info_out (void)
{
  g_autofree char *text = load_fixture ("webrtcbin-offer.sdp");
  g_autoptr(GstSDPMessage) local = NULL;
  g_autoptr(HolbooXmlNode) content = NULL;
  g_autoptr(HolbooXmlNode) jingle = holboo_xml_node_new ("jingle", HOLBOO_XMLNS_JINGLE);
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GError) error = NULL;
  HolbooJingleCandidate *c;

  gst_sdp_message_new_from_text (text, &local);
  content = holboo_jingle_transport_info_content (local, 1, HOLBOO_JINGLE_ROLE_INITIATOR,
                                                  "candidate:1 1 UDP 2015363327 192.0.2.2 45631 typ host",
                                                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_xml_node_get_attribute (content, "name"), ==, "video1");
  holboo_xml_node_set_attribute (jingle, "action", "transport-info");
  holboo_xml_node_append_child (jingle, content);

  candidates = holboo_jingle_transport_info_to_candidates (jingle, local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (candidates->len, ==, 1);
  c = g_ptr_array_index (candidates, 0);
  g_assert_cmpuint (c->mline_index, ==, 1);
  g_assert_cmpstr (c->candidate, ==, "candidate:1 1 udp 2015363327 192.0.2.2 45631 typ host generation 0");
}

/* ---- DTLS rules (XEP-0320) ---- */

#define CONV_FP "hash='sha-256' setup='actpass'>2C:CF"

static void
test_dtls_roles (void)
{
  g_autoptr(GError) error = NULL;

  /* An offer without setup is actpass. */
  {
    g_autoptr(HolbooXmlNode) j = variant ("movim-session-initiate.xml", "setup='actpass'", "");
    g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_INITIATOR, &error);

    g_assert_no_error (error);
    g_assert_true (has_attribute (gst_sdp_message_get_media (sdp, 0), "setup", "actpass"));
  }
  /* An answer that does not choose is taken as active (the DTLS client). */
  {
    g_autoptr(HolbooXmlNode) j = variant ("conversations-session-accept.xml", "setup='active'", "setup='actpass'");
    g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_RESPONDER, &error);

    g_assert_no_error (error);
    g_assert_true (has_attribute (gst_sdp_message_get_media (sdp, 0), "setup", "active"));
  }
  {
    g_autoptr(HolbooXmlNode) j = variant ("conversations-session-accept.xml", "setup='active'", "");
    g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_RESPONDER, &error);

    g_assert_no_error (error);
    g_assert_true (has_attribute (gst_sdp_message_get_media (sdp, 0), "setup", "active"));
  }
  /* A passive answer stays passive: we are then the client. */
  {
    g_autoptr(HolbooXmlNode) j = variant ("conversations-session-accept.xml", "setup='active'", "setup='passive'");
    g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_RESPONDER, &error);

    g_assert_no_error (error);
    g_assert_true (has_attribute (gst_sdp_message_get_media (sdp, 0), "setup", "passive"));
  }
  /* holdconn or nonsense: no session. */
  {
    g_autoptr(HolbooXmlNode) j = variant ("movim-session-initiate.xml", "setup='actpass'", "setup='holdconn'");
    g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_INITIATOR, &error);

    g_assert_null (sdp);
    g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY);
    g_clear_error (&error);
  }
  /* No fingerprint: the media would be unencrypted. */
  {
    g_autoptr(HolbooXmlNode) j = variant ("movim-session-initiate.xml", "urn:xmpp:jingle:apps:dtls:0", "urn:example:not-dtls");
    g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_INITIATOR, &error);

    g_assert_null (sdp);
    g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY);
    g_clear_error (&error);
  }
  /* A fingerprint of the wrong length, or an unknown hash. */
  {
    g_autoptr(HolbooXmlNode) j = variant ("movim-session-initiate.xml", ">A7:41:E2", ">A7:41");
    g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_INITIATOR, &error);

    g_assert_null (sdp);
    g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY);
    g_clear_error (&error);
  }
  {
    g_autoptr(HolbooXmlNode) j = variant ("movim-session-initiate.xml", "hash='sha-256'", "hash='md5'");
    g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_INITIATOR, &error);

    g_assert_null (sdp);
    g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY);
    g_clear_error (&error);
  }
}

/* A fingerprint that changes mid-session is someone else: refused. */
static void
test_fingerprint_changed (void)
{
  g_autoptr(HolbooXmlNode) offer = fixture_jingle ("conversations-session-initiate.xml");
  g_autoptr(HolbooXmlNode) other = variant ("conversations-session-initiate.xml", ">2C:CF:D6", ">2D:CF:D6");
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) before = holboo_jingle_to_sdp (offer, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  g_autoptr(GstSDPMessage) after = holboo_jingle_to_sdp (other, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  g_autoptr(GPtrArray) candidates = NULL;

  g_assert_no_error (error);
  g_assert_true (holboo_jingle_sdp_check_fingerprint (before, before, &error));
  g_assert_no_error (error);
  g_assert_false (holboo_jingle_sdp_check_fingerprint (before, after, &error));
  g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY);
  g_clear_error (&error);

  /* The same in a transport-info. */
  {
    g_autoptr(HolbooXmlNode) info =
      variant ("conversations-transport-info.xml", "<candidate ",
               "<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>"
               "2D:CF:D6:7E:48:1F:0C:4E:DB:77:E7:2D:F9:62:5B:22:FC:3D:9E:0F:E4:2B:4E:20:C6:D2:0F:7F:2C:16:EB:32"
               "</fingerprint><candidate ");

    candidates = holboo_jingle_transport_info_to_candidates (info, before, &error);
    g_assert_null (candidates);
    g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY);
    g_clear_error (&error);
  }
  /* …and the unchanged one passes. */
  {
    g_autoptr(HolbooXmlNode) info =
      variant ("conversations-transport-info.xml", "<candidate ",
               "<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>"
               "2C:CF:D6:7E:48:1F:0C:4E:DB:77:E7:2D:F9:62:5B:22:FC:3D:9E:0F:E4:2B:4E:20:C6:D2:0F:7F:2C:16:EB:32"
               "</fingerprint><candidate ");

    candidates = holboo_jingle_transport_info_to_candidates (info, before, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (candidates->len, ==, 1);
  }
}

/* ---- hostile input ---- */

typedef struct {
  const char *fixture;
  const char *from;
  const char *to;
  int         code;   /* -1: accepted */
} Garbage;

static void
test_garbage (void)
{
  static const Garbage cases[] = {
    /* Fields that would break or forge SDP lines are refused. */
    { "dino-session-initiate.xml", "id='99'", "id='999'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "clockrate='48000'", "clockrate='-1'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "channels='2'", "channels='200'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "value='1'/>", "value='1&#13;&#10;a=candidate:1 1 udp 1 6.6.6.6 1 typ host'/>",
      HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "value='1'/>", "value='1;x=y'/>", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "ufrag='xQdq'", "ufrag='xQ dq'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "pwd='Lw8C6Zc5wUxxr6yhQ1Pr7r'", "pwd='short'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "name='audio'", "name='au dio&#10;m=video'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "senders='both'", "senders='everyone'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "dino-session-initiate.xml", "name='video'", "name='audio'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "conversations-session-initiate.xml", "uri='urn:3gpp:video-orientation'", "uri='a b'",
      HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "conversations-session-initiate.xml", "id='14'", "id='0'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "conversations-session-initiate.xml", "ssrc='2946281397'", "ssrc='99999999999'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "conversations-session-initiate.xml", "type='goog-remb'", "type='goog remb'", HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    { "conversations-session-initiate.xml", "value='mAnOK9Bs5nXfAGGt'", "value='x&#13;&#10;a=setup:active'",
      HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST },
    /* A bad candidate is dropped alone; the session stands. */
    { "dino-session-initiate.xml", "port='50123' priority='2013266431'", "port='abc' priority='2013266431'", -1 },
    { "dino-session-initiate.xml", "ip='192.168.1.35' network", "ip='not-an-ip' network", -1 },
    { "dino-session-initiate.xml", "protocol='udp' type='host'", "protocol='udp' type='magic'", -1 },
    /* Not Jingle RTP at all, or no ICE-UDP. */
    { "movim-session-initiate.xml", "urn:xmpp:jingle:apps:rtp:1", "urn:xmpp:jingle:apps:file-transfer:5",
      HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_APPLICATIONS },
    { "movim-session-initiate.xml", "urn:xmpp:jingle:transports:ice-udp:1", "urn:xmpp:jingle:transports:raw-udp:1",
      HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooXmlNode) j = variant (cases[i].fixture, cases[i].from, cases[i].to);
      g_autoptr(GError) error = NULL;
      g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_INITIATOR, &error);

      g_test_message ("case %u: %s → %s", i, cases[i].from, cases[i].to);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (count_attributes (gst_sdp_message_get_media (sdp, 0), "candidate"), ==, 2);
        }
      else
        {
          g_assert_null (sdp);
          g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, cases[i].code);
        }
    }
}

/* Codecs we cannot decode only: an error the signalling maps to
 * <unsupported-applications/> (failed-application). */
static void
test_unknown_codecs_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) j = parse_jingle (
    "<iq type='set' id='u1'><jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='u'>"
    "<content creator='initiator' name='audio'>"
    "<description xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'>"
    "<payload-type id='100' name='speex' clockrate='16000'/>"
    "<payload-type id='9' name='G722' clockrate='8000'/>"
    "<payload-type id='101' name='AMR-WB' clockrate='16000'/>"
    "</description>"
    "<transport xmlns='urn:xmpp:jingle:transports:ice-udp:1' ufrag='abcd' pwd='abcdefghijklmnopqrstuvwx'>"
    "<fingerprint xmlns='urn:xmpp:jingle:apps:dtls:0' hash='sha-256' setup='actpass'>"
    "62:7F:0A:36:59:83:94:3C:D7:6E:1D:2A:61:9A:2E:44:34:D8:C0:5F:FE:16:9B:33:55:7E:26:5A:48:1B:AB:0C"
    "</fingerprint></transport></content></jingle></iq>");
  g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_INITIATOR, &error);

  g_assert_null (sdp);
  g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_APPLICATIONS);
}

static char *
flood (const char *fixture,
       const char *anchor,
       guint       n)
{
  g_autofree char *text = load_fixture (fixture);
  char *at = strstr (text, anchor);
  g_autoptr(GString) s = NULL;

  g_assert_nonnull (at);
  s = g_string_new_len (text, at - text);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "<candidate component='1' foundation='%u' generation='0' id='f%u' "
                               "ip='10.%u.%u.%u' network='0' port='%u' priority='%u' protocol='udp' type='host'/>",
                            i, i, (i >> 16) & 255, (i >> 8) & 255, i & 255, 1024 + i % 60000, 2000000000 - i);
  g_string_append (s, at);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* 10,000 candidates: capped, in well under a second. */
static void
test_candidate_flood (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = flood ("movim-session-initiate.xml", "</transport>", 10000);
  g_autoptr(HolbooXmlNode) j = parse_jingle (text);
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GstSDPMessage) sdp = holboo_jingle_to_sdp (j, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  gint64 took = g_get_monotonic_time () - start;

  g_assert_no_error (error);
  g_assert_cmpuint (count_attributes (gst_sdp_message_get_media (sdp, 0), "candidate"), ==,
                    HOLBOO_JINGLE_MAX_CANDIDATES);
  g_test_message ("10,000 candidates in a session-initiate: %" G_GINT64_FORMAT " µs", took);
  g_assert_cmpint (took, <, G_USEC_PER_SEC);

  /* And in one transport-info. */
  {
    g_autofree char *info_text = flood ("conversations-transport-info.xml", "</transport>", 10000);
    g_autoptr(HolbooXmlNode) info = parse_jingle (info_text);
    g_autoptr(HolbooXmlNode) offer = fixture_jingle ("conversations-session-initiate.xml");
    g_autoptr(GstSDPMessage) remote = holboo_jingle_to_sdp (offer, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
    g_autoptr(GPtrArray) candidates = NULL;

    start = g_get_monotonic_time ();
    candidates = holboo_jingle_transport_info_to_candidates (info, remote, &error);
    took = g_get_monotonic_time () - start;
    g_assert_no_error (error);
    g_assert_cmpuint (candidates->len, ==, HOLBOO_JINGLE_MAX_CANDIDATES);
    g_assert_cmpint (took, <, G_USEC_PER_SEC);
  }
}

/* A transport-info for a content the session does not have. */
static void
test_unknown_content (void)
{
  g_autoptr(HolbooXmlNode) offer = fixture_jingle ("conversations-session-initiate.xml");
  g_autoptr(HolbooXmlNode) info = variant ("conversations-transport-info.xml", "name='0'", "name='7'");
  g_autoptr(GError) error = NULL;
  g_autoptr(GstSDPMessage) remote = holboo_jingle_to_sdp (offer, HOLBOO_JINGLE_ROLE_INITIATOR, &error);
  g_autoptr(GPtrArray) candidates = holboo_jingle_transport_info_to_candidates (info, remote, &error);

  g_assert_null (candidates);
  g_assert_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/jingle-sdp/fixture/conversations-initiate", test_conversations_initiate);
  g_test_add_func ("/jingle-sdp/fixture/dino-initiate", test_dino_initiate);
  g_test_add_func ("/jingle-sdp/fixture/movim-initiate", test_movim_initiate);
  g_test_add_func ("/jingle-sdp/fixture/conversations-accept", test_conversations_accept);
  g_test_add_func ("/jingle-sdp/fixture/transport-info", test_transport_info);
  g_test_add_data_func ("/jingle-sdp/round-trip/conversations", "conversations-session-initiate.xml", test_round_trip);
  g_test_add_data_func ("/jingle-sdp/round-trip/dino", "dino-session-initiate.xml", test_round_trip);
  g_test_add_data_func ("/jingle-sdp/round-trip/movim", "movim-session-initiate.xml", test_round_trip);
  g_test_add_data_func ("/jingle-sdp/round-trip/accept", "conversations-session-accept.xml", test_round_trip);
  g_test_add_func ("/jingle-sdp/round-trip/webrtcbin-offer", test_webrtcbin_offer);
  g_test_add_func ("/jingle-sdp/round-trip/candidates", test_candidate_round_trip);
  g_test_add_func ("/jingle-sdp/round-trip/transport-info", test_transport_info_out);
  g_test_add_func ("/jingle-sdp/dtls/roles", test_dtls_roles);
  g_test_add_func ("/jingle-sdp/dtls/fingerprint-changed", test_fingerprint_changed);
  g_test_add_func ("/jingle-sdp/hostile/garbage", test_garbage);
  g_test_add_func ("/jingle-sdp/hostile/unknown-codecs-only", test_unknown_codecs_only);
  g_test_add_func ("/jingle-sdp/hostile/candidate-flood", test_candidate_flood);
  g_test_add_func ("/jingle-sdp/hostile/unknown-content", test_unknown_content);

  return g_test_run ();
}
