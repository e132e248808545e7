/* holboo-jingle-sdp.c: Jingle RTP sessions → SDP, with every field checked
 *
 * XEP-0166 (Jingle), 0167 (RTP), 0176 (ICE-UDP), 0320 (DTLS-SRTP),
 * 0293 (rtcp-fb), 0294 (rtp-hdrext), 0338 (BUNDLE), 0339 (SSRC).  Pure:
 * no I/O, no state.  Stanzas come from the network: every field is
 * checked before it is written into an SDP line, and a field that could
 * split a line (CR, LF) never gets there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-jingle-sdp"

#include "config.h"

#include "holboo-jingle-sdp.h"
#include "holboo-jingle-sdp-private.h"

#include <string.h>

G_DEFINE_QUARK (holboo-jingle-sdp-error-quark, holboo_jingle_sdp_error)

/* ---- field checks ---- */

gboolean
_holboo_jingle_is_token (const char *s,
                         gsize       max_len)
{
  gsize n = 0;

  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s != '\0'; s++, n++)
    if (n >= max_len || !(g_ascii_isalnum (*s) || strchr ("!#$%&'*+-.^_`{|}~", *s) != NULL))
      return FALSE;
  return TRUE;
}

gboolean
_holboo_jingle_is_ice_chars (const char *s,
                             gsize       min_len,
                             gsize       max_len)
{
  gsize n;

  if (s == NULL)
    return FALSE;
  n = strlen (s);
  if (n < min_len || n > max_len)
    return FALSE;
  for (; *s != '\0'; s++)
    if (!(g_ascii_isalnum (*s) || *s == '+' || *s == '/'))
      return FALSE;
  return TRUE;
}

gboolean
_holboo_jingle_is_printable (const char *s,
                             gsize       max_len,
                             gboolean    allow_space)
{
  gsize n = 0;

  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s != '\0'; s++, n++)
    if (n >= max_len || *s < (allow_space ? 0x20 : 0x21) || *s > 0x7e)
      return FALSE;
  return TRUE;
}

gboolean
_holboo_jingle_parse_uint (const char *s,
                           guint64     min,
                           guint64     max,
                           guint64    *out)
{
  guint64 value;

  if (s == NULL || !g_ascii_string_to_unsigned (s, 10, min, max, &value, NULL))
    return FALSE;
  if (out != NULL)
    *out = value;
  return TRUE;
}

/* "sha-256" and "AB:CD:…" of the right length. */
gboolean
_holboo_jingle_is_fingerprint (const char *hash,
                               const char *value)
{
  static const struct { const char *name; guint bytes; } hashes[] = {
    { "sha-1", 20 }, { "sha-224", 28 }, { "sha-256", 32 }, { "sha-384", 48 }, { "sha-512", 64 },
  };
  guint bytes = 0;
  gsize len;

  if (hash == NULL || value == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (hashes); i++)
    if (g_ascii_strcasecmp (hash, hashes[i].name) == 0)
      bytes = hashes[i].bytes;
  len = strlen (value);
  if (bytes == 0 || len != bytes * 3 - 1)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (i % 3 == 2 ? value[i] != ':' : !g_ascii_isxdigit (value[i]))
      return FALSE;
  return TRUE;
}

const char *
_holboo_jingle_media_attribute (const GstSDPMessage *sdp,
                                const GstSDPMedia   *media,
                                const char          *key)
{
  const char *value = media ? gst_sdp_media_get_attribute_val (media, key) : NULL;

  return value != NULL ? value : gst_sdp_message_get_attribute_val (sdp, key);
}

/* ---- Jingle → SDP ---- */

static gboolean
codec_supported (const char *media,
                 const char *name)
{
  if (g_str_equal (media, "audio"))
    return g_ascii_strcasecmp (name, "opus") == 0;
  return g_ascii_strcasecmp (name, "VP8") == 0;
}

static gboolean G_GNUC_PRINTF (2, 3)
bad_request (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST,
                                                format, args));
  va_end (args);
  return FALSE;
}

#define BAD(...) bad_request (error, __VA_ARGS__)

/* GstSDPMedia has no autoptr in 1.22. */
typedef GstSDPMedia HolbooSdpMedia;

static void
sdp_media_free (HolbooSdpMedia *media)
{
  gst_sdp_media_free (media);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooSdpMedia, sdp_media_free)

static gboolean
add_rtcp_fb (GstSDPMedia   *m,
             const char    *pt,
             HolbooXmlNode *parent,
             GError       **error)
{
  HolbooXmlIter iter;
  HolbooXmlNode *fb;

  holboo_xml_iter_init (&iter, parent, "rtcp-fb", HOLBOO_XMLNS_JINGLE_RTCP_FB);
  while (holboo_xml_iter_next (&iter, &fb))
    {
      const char *type = holboo_xml_node_get_attribute (fb, "type");
      const char *subtype = holboo_xml_node_get_attribute (fb, "subtype");
      g_autofree char *value = NULL;

      if (!_holboo_jingle_is_token (type, 32) || (subtype != NULL && !_holboo_jingle_is_token (subtype, 32)))
        return BAD ("Bad rtcp-fb");
      value = subtype ? g_strdup_printf ("%s %s %s", pt, type, subtype) : g_strdup_printf ("%s %s", pt, type);
      gst_sdp_media_add_attribute (m, "rtcp-fb", value);
    }
  return TRUE;
}

/* The payload types of @desc we can decode; FALSE only for bad fields. */
static gboolean
add_payloads (GstSDPMedia   *m,
              const char    *media,
              HolbooXmlNode *desc,
              GError       **error)
{
  HolbooXmlIter iter;
  HolbooXmlNode *pt;

  holboo_xml_iter_init (&iter, desc, "payload-type", HOLBOO_XMLNS_JINGLE_RTP);
  while (holboo_xml_iter_next (&iter, &pt))
    {
      const char *id = holboo_xml_node_get_attribute (pt, "id");
      const char *name = holboo_xml_node_get_attribute (pt, "name");
      const char *clockrate = holboo_xml_node_get_attribute (pt, "clockrate");
      const char *channels = holboo_xml_node_get_attribute (pt, "channels");
      g_autoptr(GString) fmtp = g_string_new (NULL);
      g_autofree char *rtpmap = NULL;
      guint64 n_channels = 1;
      HolbooXmlIter params;
      HolbooXmlNode *param;

      if (!_holboo_jingle_parse_uint (id, 0, 127, NULL) ||
          !_holboo_jingle_is_token (name, 64) ||
          !_holboo_jingle_parse_uint (clockrate, 1, 1000000, NULL) ||
          (channels != NULL && !_holboo_jingle_parse_uint (channels, 1, 8, &n_channels)))
        return BAD ("Bad payload-type");
      if (!codec_supported (media, name))
        {
          g_debug ("Codec %s/%s is not ours: left out", media, name);
          continue;
        }

      rtpmap = n_channels > 1 ? g_strdup_printf ("%s %s/%s/%u", id, name, clockrate, (guint) n_channels)
                              : g_strdup_printf ("%s %s/%s", id, name, clockrate);
      gst_sdp_media_add_format (m, id);
      gst_sdp_media_add_attribute (m, "rtpmap", rtpmap);

      holboo_xml_iter_init (&params, pt, "parameter", HOLBOO_XMLNS_JINGLE_RTP);
      while (holboo_xml_iter_next (&params, &param))
        {
          const char *key = holboo_xml_node_get_attribute (param, "name");
          const char *value = holboo_xml_node_get_attribute (param, "value");

          /* Some clients send a nameless parameter ("red" in libwebrtc's
           * fmtp): nothing to translate.  Anything that could break an
           * SDP line is refused. */
          if (key == NULL || *key == '\0' || value == NULL || *value == '\0')
            {
              g_debug ("Empty parameter of payload %s skipped", id);
              continue;
            }
          if (!_holboo_jingle_is_token (key, 64) || !_holboo_jingle_is_printable (value, 256, FALSE) ||
              strchr (value, ';') != NULL)
            return BAD ("Bad payload parameter");
          g_string_append_printf (fmtp, "%s%s=%s", fmtp->len ? ";" : "", key, value);
        }
      if (fmtp->len > 0)
        {
          g_autofree char *line = g_strdup_printf ("%s %s", id, fmtp->str);
          gst_sdp_media_add_attribute (m, "fmtp", line);
        }
      if (!add_rtcp_fb (m, id, pt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_extensions (GstSDPMedia   *m,
                HolbooXmlNode *desc,
                GError       **error)
{
  HolbooXmlIter iter;
  HolbooXmlNode *node;

  holboo_xml_iter_init (&iter, desc, "rtp-hdrext", HOLBOO_XMLNS_JINGLE_HDREXT);
  while (holboo_xml_iter_next (&iter, &node))
    {
      const char *id = holboo_xml_node_get_attribute (node, "id");
      const char *uri = holboo_xml_node_get_attribute (node, "uri");
      g_autofree char *line = NULL;

      if (!_holboo_jingle_parse_uint (id, 1, 255, NULL) || !_holboo_jingle_is_printable (uri, 256, FALSE))
        return BAD ("Bad rtp-hdrext");
      line = g_strdup_printf ("%s %s", id, uri);
      gst_sdp_media_add_attribute (m, "extmap", line);
    }
  if (holboo_xml_node_get_child (desc, "extmap-allow-mixed", HOLBOO_XMLNS_JINGLE_HDREXT) != NULL)
    gst_sdp_media_add_attribute (m, "extmap-allow-mixed", "");
  return TRUE;
}

static gboolean
add_sources (GstSDPMedia   *m,
             HolbooXmlNode *desc,
             GError       **error)
{
  HolbooXmlIter iter;
  HolbooXmlNode *node;

  holboo_xml_iter_init (&iter, desc, "source", HOLBOO_XMLNS_JINGLE_SSMA);
  while (holboo_xml_iter_next (&iter, &node))
    {
      const char *ssrc = holboo_xml_node_get_attribute (node, "ssrc");
      HolbooXmlIter params;
      HolbooXmlNode *param;

      if (!_holboo_jingle_parse_uint (ssrc, 0, G_MAXUINT32, NULL))
        return BAD ("Bad source");
      holboo_xml_iter_init (&params, node, "parameter", HOLBOO_XMLNS_JINGLE_SSMA);
      while (holboo_xml_iter_next (&params, &param))
        {
          const char *key = holboo_xml_node_get_attribute (param, "name");
          const char *value = holboo_xml_node_get_attribute (param, "value");
          g_autofree char *line = NULL;

          if (!_holboo_jingle_is_token (key, 64) || (value != NULL && !_holboo_jingle_is_printable (value, 256, TRUE)))
            return BAD ("Bad source parameter");
          line = value ? g_strdup_printf ("%s %s:%s", ssrc, key, value) : g_strdup_printf ("%s %s", ssrc, key);
          gst_sdp_media_add_attribute (m, "ssrc", line);
        }
    }

  holboo_xml_iter_init (&iter, desc, "ssrc-group", HOLBOO_XMLNS_JINGLE_SSMA);
  while (holboo_xml_iter_next (&iter, &node))
    {
      const char *semantics = holboo_xml_node_get_attribute (node, "semantics");
      g_autoptr(GString) line = g_string_new (semantics);
      HolbooXmlIter sources;
      HolbooXmlNode *source;

      if (!_holboo_jingle_is_token (semantics, 32))
        return BAD ("Bad ssrc-group");
      holboo_xml_iter_init (&sources, node, "source", HOLBOO_XMLNS_JINGLE_SSMA);
      while (holboo_xml_iter_next (&sources, &source))
        {
          const char *ssrc = holboo_xml_node_get_attribute (source, "ssrc");

          if (!_holboo_jingle_parse_uint (ssrc, 0, G_MAXUINT32, NULL))
            return BAD ("Bad ssrc-group source");
          g_string_append_printf (line, " %s", ssrc);
        }
      gst_sdp_media_add_attribute (m, "ssrc-group", line->str);
    }
  return TRUE;
}

/* XEP-0320: the offer is actpass; the answer active or passive. */
static gboolean
add_dtls (GstSDPMedia      *m,
          HolbooXmlNode    *transport,
          HolbooJingleRole  author,
          GError          **error)
{
  HolbooXmlNode *fp = holboo_xml_node_get_child (transport, "fingerprint", HOLBOO_XMLNS_JINGLE_DTLS);
  const char *hash, *setup, *value;
  g_autofree char *line = NULL;
  g_autofree char *trimmed = NULL;

  if (fp == NULL)
    {
      g_set_error_literal (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY,
                           "No DTLS fingerprint: the media would not be encrypted");
      return FALSE;
    }
  hash = holboo_xml_node_get_attribute (fp, "hash");
  setup = holboo_xml_node_get_attribute (fp, "setup");
  value = holboo_xml_node_get_text (fp);
  trimmed = g_strstrip (g_strdup (value ? value : ""));
  if (!_holboo_jingle_is_fingerprint (hash, trimmed))
    {
      g_set_error_literal (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY,
                           "Bad DTLS fingerprint");
      return FALSE;
    }

  if (author == HOLBOO_JINGLE_ROLE_INITIATOR)
    {
      if (setup == NULL)
        setup = "actpass";
    }
  else if (setup == NULL || g_str_equal (setup, "actpass"))
    {
      /* An answer must choose; the answerer is the DTLS client when it
       * does not say (what WebRTC answerers do). */
      g_debug ("Answer with setup %s: taken as active", setup ? setup : "(none)");
      setup = "active";
    }
  if (!g_str_equal (setup, "actpass") && !g_str_equal (setup, "active") && !g_str_equal (setup, "passive"))
    {
      g_set_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY,
                   "Impossible DTLS setup role");
      return FALSE;
    }

  line = g_strdup_printf ("%s %s", hash, trimmed);
  gst_sdp_media_add_attribute (m, "fingerprint", line);
  gst_sdp_media_add_attribute (m, "setup", setup);
  return TRUE;
}

static gboolean
add_transport (GstSDPMedia      *m,
               const char       *name,
               HolbooXmlNode    *transport,
               HolbooJingleRole  author,
               GError          **error)
{
  const char *ufrag = holboo_xml_node_get_attribute (transport, "ufrag");
  const char *pwd = holboo_xml_node_get_attribute (transport, "pwd");
  HolbooXmlIter iter;
  HolbooXmlNode *node;
  guint n = 0, dropped = 0;

  if (!_holboo_jingle_is_ice_chars (ufrag, 4, 256) || !_holboo_jingle_is_ice_chars (pwd, 22, 256))
    return BAD ("Bad ICE credentials");
  gst_sdp_media_add_attribute (m, "ice-ufrag", ufrag);
  gst_sdp_media_add_attribute (m, "ice-pwd", pwd);
  if (!add_dtls (m, transport, author, error))
    return FALSE;

  holboo_xml_iter_init (&iter, transport, "candidate", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  while (holboo_xml_iter_next (&iter, &node))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *line = NULL;

      if (n >= HOLBOO_JINGLE_MAX_CANDIDATES)
        {
          dropped++;
          continue;
        }
      line = holboo_jingle_candidate_to_sdp (node, &local_error);
      if (line == NULL)
        {
          g_debug ("Candidate of %s dropped: %s", name, local_error->message);
          continue;
        }
      gst_sdp_media_add_attribute (m, "candidate", line + strlen ("candidate:"));
      n++;
    }
  if (dropped > 0)
    g_message ("%u candidates of content %s over the limit of %u dropped", dropped, name,
               HOLBOO_JINGLE_MAX_CANDIDATES);
  return TRUE;
}

static const char *
direction (const char       *senders,
           HolbooJingleRole  author)
{
  const char *me = author == HOLBOO_JINGLE_ROLE_INITIATOR ? "initiator" : "responder";

  if (senders == NULL || g_str_equal (senders, "both"))
    return "sendrecv";
  if (g_str_equal (senders, "none"))
    return "inactive";
  return g_str_equal (senders, me) ? "sendonly" : "recvonly";
}

typedef enum {
  CONTENT_TAKEN,
  CONTENT_NO_CODEC,
  CONTENT_NO_TRANSPORT,
  CONTENT_FAILED,
} ContentResult;

static ContentResult
add_content (GstSDPMessage    *sdp,
             HolbooXmlNode    *content,
             HolbooJingleRole  author,
             GError          **error)
{
  const char *name = holboo_xml_node_get_attribute (content, "name");
  const char *senders = holboo_xml_node_get_attribute (content, "senders");
  HolbooXmlNode *desc = holboo_xml_node_get_child (content, "description", HOLBOO_XMLNS_JINGLE_RTP);
  HolbooXmlNode *transport = holboo_xml_node_get_child (content, "transport", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  const char *media;
  g_autoptr(HolbooSdpMedia) m = NULL;

  if (!_holboo_jingle_is_token (name, 64) ||
      (senders != NULL && !g_strv_contains ((const char *[]) { "both", "initiator", "responder", "none", NULL },
                                            senders)))
    {
      BAD ("Bad content");
      return CONTENT_FAILED;
    }
  if (desc == NULL)
    return CONTENT_NO_CODEC;
  media = holboo_xml_node_get_attribute (desc, "media");
  if (g_strcmp0 (media, "audio") != 0 && g_strcmp0 (media, "video") != 0)
    return CONTENT_NO_CODEC;
  if (transport == NULL)
    return CONTENT_NO_TRANSPORT;

  gst_sdp_media_new (&m);
  gst_sdp_media_set_media (m, media);
  gst_sdp_media_set_port_info (m, 9, 1);
  gst_sdp_media_set_proto (m, "UDP/TLS/RTP/SAVPF");
  gst_sdp_media_add_connection (m, "IN", "IP4", "0.0.0.0", 0, 0);

  if (!add_payloads (m, media, desc, error))
    return CONTENT_FAILED;
  if (gst_sdp_media_formats_len (m) == 0)
    return CONTENT_NO_CODEC;
  if (!add_rtcp_fb (m, "*", desc, error) || !add_extensions (m, desc, error) || !add_sources (m, desc, error))
    return CONTENT_FAILED;

  /* Flags get "" rather than NULL: gst_sdp_media_attributes_to_caps(),
   * which webrtcbin calls, does not expect a NULL value. */
  gst_sdp_media_add_attribute (m, "mid", name);
  gst_sdp_media_add_attribute (m, direction (senders, author), "");
  if (holboo_xml_node_get_child (desc, "rtcp-mux", HOLBOO_XMLNS_JINGLE_RTP) != NULL)
    gst_sdp_media_add_attribute (m, "rtcp-mux", "");
  if (!add_transport (m, name, transport, author, error))
    return CONTENT_FAILED;

  if (holboo_jingle_sdp_find_mline (sdp, name) >= 0)
    {
      BAD ("Two contents named %s", name);
      return CONTENT_FAILED;
    }
  gst_sdp_message_add_media (sdp, m);
  return CONTENT_TAKEN;
}

static void
add_bundle (GstSDPMessage *sdp,
            HolbooXmlNode *jingle)
{
  HolbooXmlNode *group = holboo_xml_node_get_child (jingle, "group", HOLBOO_XMLNS_JINGLE_GROUPING);
  g_autoptr(GString) line = NULL;
  HolbooXmlIter iter;
  HolbooXmlNode *content;

  if (group == NULL || g_strcmp0 (holboo_xml_node_get_attribute (group, "semantics"), "BUNDLE") != 0)
    return;
  line = g_string_new ("BUNDLE");
  holboo_xml_iter_init (&iter, group, "content", HOLBOO_XMLNS_JINGLE_GROUPING);
  while (holboo_xml_iter_next (&iter, &content))
    {
      const char *name = holboo_xml_node_get_attribute (content, "name");

      /* Only the contents that became m-lines. */
      if (_holboo_jingle_is_token (name, 64) && holboo_jingle_sdp_find_mline (sdp, name) >= 0)
        g_string_append_printf (line, " %s", name);
    }
  if (!g_str_equal (line->str, "BUNDLE"))
    gst_sdp_message_add_attribute (sdp, "group", line->str);
}

/**
 * holboo_jingle_to_sdp:
 * @jingle: a <jingle xmlns='urn:xmpp:jingle:1'/> with RTP contents
 * @author: who sent it: decides senders= and the DTLS roles allowed
 * @error: return location for a #HolbooJingleSdpError
 *
 * Translates the contents we can use (Opus audio, VP8 video, ICE-UDP
 * with a DTLS fingerprint) to SDP; other codecs and contents are left
 * out.  At most %HOLBOO_JINGLE_MAX_CONTENTS contents and
 * %HOLBOO_JINGLE_MAX_CANDIDATES candidates each are taken.
 *
 * Returns: (transfer full): an SDP offer or answer, or %NULL with @error
 */
GstSDPMessage *
holboo_jingle_to_sdp (HolbooXmlNode     *jingle,
                      HolbooJingleRole   author,
                      GError           **error)
{
  g_autoptr(GstSDPMessage) sdp = NULL;
  HolbooXmlIter iter;
  HolbooXmlNode *content;
  guint n_seen = 0;
  gboolean no_transport = FALSE;

  g_return_val_if_fail (jingle != NULL, NULL);

  if (!holboo_xml_node_is (jingle, "jingle", HOLBOO_XMLNS_JINGLE))
    {
      BAD ("Not a Jingle element");
      return NULL;
    }

  gst_sdp_message_new (&sdp);
  gst_sdp_message_set_version (sdp, "0");
  gst_sdp_message_set_origin (sdp, "-", "1", "0", "IN", "IP4", "0.0.0.0");
  gst_sdp_message_set_session_name (sdp, "-");
  gst_sdp_message_add_time (sdp, "0", "0", NULL);

  holboo_xml_iter_init (&iter, jingle, "content", HOLBOO_XMLNS_JINGLE);
  while (holboo_xml_iter_next (&iter, &content))
    {
      if (++n_seen > HOLBOO_JINGLE_MAX_CONTENTS)
        {
          g_message ("Jingle contents over the limit of %u dropped", HOLBOO_JINGLE_MAX_CONTENTS);
          break;
        }
      switch (add_content (sdp, content, author, error))
        {
        case CONTENT_FAILED:
          return NULL;
        case CONTENT_NO_TRANSPORT:
          no_transport = TRUE;
          break;
        case CONTENT_NO_CODEC:
        case CONTENT_TAKEN:
        default:
          break;
        }
    }

  if (gst_sdp_message_medias_len (sdp) == 0)
    {
      if (no_transport)
        g_set_error_literal (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS,
                             "No content has an ICE-UDP transport");
      else
        g_set_error_literal (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_APPLICATIONS,
                             "No content has a codec we can use");
      return NULL;
    }

  add_bundle (sdp, jingle);
  return g_steal_pointer (&sdp);
}

/**
 * holboo_jingle_sdp_find_mline:
 * @sdp: a session description
 * @content_name: a Jingle content name (an SDP mid)
 *
 * Returns: the index of the m-line whose a=mid is @content_name, or -1
 */
int
holboo_jingle_sdp_find_mline (const GstSDPMessage *sdp,
                              const char          *content_name)
{
  g_return_val_if_fail (sdp != NULL, -1);

  for (guint i = 0; content_name != NULL && i < gst_sdp_message_medias_len (sdp); i++)
    if (g_strcmp0 (gst_sdp_media_get_attribute_val (gst_sdp_message_get_media (sdp, i), "mid"),
                   content_name) == 0)
      return i;
  return -1;
}

/**
 * holboo_jingle_sdp_check_fingerprint:
 * @before: the peer's description as first applied
 * @after: a later one (transport-replace, a renegotiation)
 * @error: return location for a %HOLBOO_JINGLE_SDP_ERROR_SECURITY error
 *
 * A DTLS fingerprint may not change within a session (XEP-0320): that
 * is someone else answering.
 *
 * Returns: %TRUE if every m-line of @after has the fingerprint it had
 */
gboolean
holboo_jingle_sdp_check_fingerprint (const GstSDPMessage  *before,
                                     const GstSDPMessage  *after,
                                     GError              **error)
{
  g_return_val_if_fail (before != NULL && after != NULL, FALSE);

  for (guint i = 0; i < gst_sdp_message_medias_len (after); i++)
    {
      const GstSDPMedia *m = gst_sdp_message_get_media (after, i);
      int old = holboo_jingle_sdp_find_mline (before, gst_sdp_media_get_attribute_val (m, "mid"));
      const char *now = _holboo_jingle_media_attribute (after, m, "fingerprint");
      const char *was;

      if (old < 0)
        continue;
      was = _holboo_jingle_media_attribute (before, gst_sdp_message_get_media (before, old), "fingerprint");
      if (was != NULL && (now == NULL || g_ascii_strcasecmp (was, now) != 0))
        {
          g_set_error_literal (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY,
                               "The peer's DTLS fingerprint changed");
          return FALSE;
        }
    }
  return TRUE;
}
