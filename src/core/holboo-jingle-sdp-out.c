/* holboo-jingle-sdp-out.c: SDP (from webrtcbin) → Jingle RTP contents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-jingle-sdp"

#include "config.h"

#include "holboo-jingle-sdp.h"
#include "holboo-jingle-sdp-private.h"

#include <string.h>

#define BAD(...) g_set_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST, __VA_ARGS__)

/* "<pt> rest" of the attribute @key for payload type @pt, or NULL. */
static const char *
format_attribute (const GstSDPMedia *m,
                  const char        *key,
                  const char        *pt,
                  guint             *index)
{
  gsize len = strlen (pt);

  for (guint i = *index; i < gst_sdp_media_attributes_len (m); i++)
    {
      const GstSDPAttribute *a = gst_sdp_media_get_attribute (m, i);

      if (g_strcmp0 (a->key, key) == 0 && a->value != NULL &&
          strncmp (a->value, pt, len) == 0 && a->value[len] == ' ')
        {
          *index = i + 1;
          return a->value + len + 1;
        }
    }
  return NULL;
}

static void
add_rtcp_fb (HolbooXmlNode     *parent,
             const GstSDPMedia *m,
             const char        *pt)
{
  const char *fb;
  guint i = 0;

  while ((fb = format_attribute (m, "rtcp-fb", pt, &i)) != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (fb, " ", 2);
      HolbooXmlNode *node;

      if (!_holboo_jingle_is_token (parts[0], 32))
        continue;
      node = holboo_xml_node_add_child_ns (parent, "rtcp-fb", HOLBOO_XMLNS_JINGLE_RTCP_FB);
      holboo_xml_node_set_attribute (node, "type", parts[0]);
      if (parts[1] != NULL)
        holboo_xml_node_set_attribute (node, "subtype", parts[1]);
    }
}

static gboolean
add_payload (HolbooXmlNode     *desc,
             const GstSDPMedia *m,
             const char        *pt,
             GError           **error)
{
  const char *rtpmap, *fmtp;
  g_auto(GStrv) map = NULL;
  HolbooXmlNode *node;
  guint i = 0;

  rtpmap = format_attribute (m, "rtpmap", pt, &i);
  if (rtpmap == NULL)
    return TRUE;  /* static payload types are not ours */
  map = g_strsplit (rtpmap, "/", 3);
  if (map[1] == NULL)
    {
      BAD ("Bad rtpmap %s", rtpmap);
      return FALSE;
    }

  node = holboo_xml_node_add_child_ns (desc, "payload-type", HOLBOO_XMLNS_JINGLE_RTP);
  holboo_xml_node_set_attribute (node, "id", pt);
  holboo_xml_node_set_attribute (node, "name", map[0]);
  holboo_xml_node_set_attribute (node, "clockrate", map[1]);
  if (map[2] != NULL)
    holboo_xml_node_set_attribute (node, "channels", map[2]);

  i = 0;
  fmtp = format_attribute (m, "fmtp", pt, &i);
  if (fmtp != NULL)
    {
      g_auto(GStrv) params = g_strsplit (fmtp, ";", 64);

      for (guint p = 0; params[p] != NULL; p++)
        {
          g_auto(GStrv) kv = g_strsplit (g_strstrip (params[p]), "=", 2);
          HolbooXmlNode *param;

          if (kv[0] == NULL || kv[1] == NULL)
            continue;
          param = holboo_xml_node_add_child_ns (node, "parameter", HOLBOO_XMLNS_JINGLE_RTP);
          holboo_xml_node_set_attribute (param, "name", kv[0]);
          holboo_xml_node_set_attribute (param, "value", kv[1]);
        }
    }
  add_rtcp_fb (node, m, pt);
  return TRUE;
}

static gboolean
has_flag (const GstSDPMedia *m,
          const char        *key)
{
  for (guint i = 0; i < gst_sdp_media_attributes_len (m); i++)
    if (g_strcmp0 (gst_sdp_media_get_attribute (m, i)->key, key) == 0)
      return TRUE;
  return FALSE;
}

static void
add_extensions (HolbooXmlNode     *desc,
                const GstSDPMedia *m)
{
  for (guint i = 0; i < gst_sdp_media_attributes_len (m); i++)
    {
      const GstSDPAttribute *a = gst_sdp_media_get_attribute (m, i);
      g_auto(GStrv) parts = NULL;
      g_auto(GStrv) id = NULL;
      HolbooXmlNode *node;

      if (g_strcmp0 (a->key, "extmap") != 0 || a->value == NULL)
        continue;
      parts = g_strsplit (a->value, " ", 3);
      if (parts[1] == NULL)
        continue;
      id = g_strsplit (parts[0], "/", 2);  /* "1/sendrecv" */
      node = holboo_xml_node_add_child_ns (desc, "rtp-hdrext", HOLBOO_XMLNS_JINGLE_HDREXT);
      holboo_xml_node_set_attribute (node, "id", id[0]);
      holboo_xml_node_set_attribute (node, "uri", parts[1]);
    }
  if (has_flag (m, "extmap-allow-mixed"))
    holboo_xml_node_add_child_ns (desc, "extmap-allow-mixed", HOLBOO_XMLNS_JINGLE_HDREXT);
}

static HolbooXmlNode *
find_source (HolbooXmlNode *desc,
             const char    *ssrc)
{
  HolbooXmlIter iter;
  HolbooXmlNode *node;

  holboo_xml_iter_init (&iter, desc, "source", HOLBOO_XMLNS_JINGLE_SSMA);
  while (holboo_xml_iter_next (&iter, &node))
    if (g_strcmp0 (holboo_xml_node_get_attribute (node, "ssrc"), ssrc) == 0)
      return node;
  return NULL;
}

static void
add_sources (HolbooXmlNode     *desc,
             const GstSDPMedia *m)
{
  for (guint i = 0; i < gst_sdp_media_attributes_len (m); i++)
    {
      const GstSDPAttribute *a = gst_sdp_media_get_attribute (m, i);

      if (g_strcmp0 (a->key, "ssrc") == 0 && a->value != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (a->value, " ", 2);
          g_auto(GStrv) kv = NULL;
          HolbooXmlNode *source, *param;

          if (!_holboo_jingle_parse_uint (parts[0], 0, G_MAXUINT32, NULL) || parts[1] == NULL)
            continue;
          source = find_source (desc, parts[0]);
          if (source == NULL)
            {
              source = holboo_xml_node_add_child_ns (desc, "source", HOLBOO_XMLNS_JINGLE_SSMA);
              holboo_xml_node_set_attribute (source, "ssrc", parts[0]);
            }
          kv = g_strsplit (parts[1], ":", 2);
          param = holboo_xml_node_add_child_ns (source, "parameter", HOLBOO_XMLNS_JINGLE_SSMA);
          holboo_xml_node_set_attribute (param, "name", kv[0]);
          if (kv[1] != NULL)
            holboo_xml_node_set_attribute (param, "value", kv[1]);
        }
      else if (g_strcmp0 (a->key, "ssrc-group") == 0 && a->value != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (a->value, " ", 16);
          HolbooXmlNode *group = holboo_xml_node_add_child_ns (desc, "ssrc-group", HOLBOO_XMLNS_JINGLE_SSMA);

          holboo_xml_node_set_attribute (group, "semantics", parts[0]);
          for (guint s = 1; parts[0] != NULL && parts[s] != NULL; s++)
            holboo_xml_node_set_attribute (holboo_xml_node_add_child_ns (group, "source", HOLBOO_XMLNS_JINGLE_SSMA),
                                           "ssrc", parts[s]);
        }
    }
}

static gboolean
add_transport (HolbooXmlNode       *content,
               const GstSDPMessage *sdp,
               const GstSDPMedia   *m,
               HolbooJingleRole     author,
               GError             **error)
{
  const char *ufrag = _holboo_jingle_media_attribute (sdp, m, "ice-ufrag");
  const char *pwd = _holboo_jingle_media_attribute (sdp, m, "ice-pwd");
  const char *fingerprint = _holboo_jingle_media_attribute (sdp, m, "fingerprint");
  const char *setup = _holboo_jingle_media_attribute (sdp, m, "setup");
  g_auto(GStrv) fp = NULL;
  HolbooXmlNode *transport, *node;

  if (ufrag == NULL || pwd == NULL || fingerprint == NULL)
    {
      BAD ("The description has no ICE credentials or no DTLS fingerprint");
      return FALSE;
    }
  fp = g_strsplit (fingerprint, " ", 2);
  if (fp[1] == NULL)
    {
      BAD ("Bad fingerprint %s", fingerprint);
      return FALSE;
    }
  if (setup == NULL)
    setup = author == HOLBOO_JINGLE_ROLE_INITIATOR ? "actpass" : "active";

  transport = holboo_xml_node_add_child_ns (content, "transport", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  holboo_xml_node_set_attribute (transport, "ufrag", ufrag);
  holboo_xml_node_set_attribute (transport, "pwd", pwd);
  node = holboo_xml_node_add_child_ns (transport, "fingerprint", HOLBOO_XMLNS_JINGLE_DTLS);
  holboo_xml_node_set_attribute (node, "hash", fp[0]);
  holboo_xml_node_set_attribute (node, "setup", setup);
  holboo_xml_node_add_text (node, fp[1], -1);

  for (guint i = 0; i < gst_sdp_media_attributes_len (m); i++)
    {
      const GstSDPAttribute *a = gst_sdp_media_get_attribute (m, i);
      g_autofree char *line = NULL;
      g_autoptr(HolbooXmlNode) candidate = NULL;

      if (g_strcmp0 (a->key, "candidate") != 0 || a->value == NULL)
        continue;
      line = g_strconcat ("candidate:", a->value, NULL);
      candidate = holboo_jingle_candidate_from_sdp (line, NULL);
      if (candidate != NULL)
        holboo_xml_node_append_child (transport, candidate);
    }
  return TRUE;
}

static const char *
senders (const GstSDPMedia *m,
         HolbooJingleRole   author)
{
  const char *me = author == HOLBOO_JINGLE_ROLE_INITIATOR ? "initiator" : "responder";
  const char *peer = author == HOLBOO_JINGLE_ROLE_INITIATOR ? "responder" : "initiator";

  if (gst_sdp_media_get_attribute_val (m, "sendonly") != NULL)
    return me;
  if (gst_sdp_media_get_attribute_val (m, "recvonly") != NULL)
    return peer;
  if (gst_sdp_media_get_attribute_val (m, "inactive") != NULL)
    return "none";
  return "both";
}

/**
 * holboo_jingle_fill_from_sdp:
 * @jingle: a <jingle/> the caller made (action, sid, initiator/responder)
 * @sdp: a description from webrtcbin
 * @author: who writes it (the initiator for an offer)
 * @error: return location for a #GError
 *
 * Adds one <content/> per m-line (rejected m-lines, port 0 without
 * bundle-only, are left out) and a BUNDLE <group/> if the SDP bundles.  Candidates already in
 * the SDP go into the transports; later ones trickle.
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_jingle_fill_from_sdp (HolbooXmlNode        *jingle,
                             const GstSDPMessage  *sdp,
                             HolbooJingleRole      author,
                             GError              **error)
{
  const char *group;

  g_return_val_if_fail (jingle != NULL && sdp != NULL, FALSE);

  for (guint i = 0; i < gst_sdp_message_medias_len (sdp); i++)
    {
      const GstSDPMedia *m = gst_sdp_message_get_media (sdp, i);
      const char *mid = gst_sdp_media_get_attribute_val (m, "mid");
      const char *media = gst_sdp_media_get_media (m);
      HolbooXmlNode *content, *desc;

      /* Port 0 rejects an m-line, unless it is bundle-only (what
       * webrtcbin's max-bundle offers for all but the first). */
      if (gst_sdp_media_get_port (m) == 0 && !has_flag (m, "bundle-only"))
        continue;
      if (mid == NULL || (g_strcmp0 (media, "audio") != 0 && g_strcmp0 (media, "video") != 0))
        {
          BAD ("m-line %u has no mid or is neither audio nor video", i);
          return FALSE;
        }

      content = holboo_xml_node_add_child_ns (jingle, "content", HOLBOO_XMLNS_JINGLE);
      holboo_xml_node_set_attribute (content, "creator", "initiator");
      holboo_xml_node_set_attribute (content, "name", mid);
      holboo_xml_node_set_attribute (content, "senders", senders (m, author));

      desc = holboo_xml_node_add_child_ns (content, "description", HOLBOO_XMLNS_JINGLE_RTP);
      holboo_xml_node_set_attribute (desc, "media", media);
      for (guint f = 0; f < gst_sdp_media_formats_len (m); f++)
        if (!add_payload (desc, m, gst_sdp_media_get_format (m, f), error))
          return FALSE;
      add_rtcp_fb (desc, m, "*");
      add_extensions (desc, m);
      add_sources (desc, m);
      if (has_flag (m, "rtcp-mux"))
        holboo_xml_node_add_child_ns (desc, "rtcp-mux", HOLBOO_XMLNS_JINGLE_RTP);

      if (!add_transport (content, sdp, m, author, error))
        return FALSE;
    }

  group = gst_sdp_message_get_attribute_val (sdp, "group");
  if (group != NULL && g_str_has_prefix (group, "BUNDLE "))
    {
      g_auto(GStrv) names = g_strsplit (group + strlen ("BUNDLE "), " ", HOLBOO_JINGLE_MAX_CONTENTS + 1);
      HolbooXmlNode *node = holboo_xml_node_add_child_ns (jingle, "group", HOLBOO_XMLNS_JINGLE_GROUPING);

      holboo_xml_node_set_attribute (node, "semantics", "BUNDLE");
      for (guint i = 0; names[i] != NULL; i++)
        if (*names[i] != '\0')
          holboo_xml_node_set_attribute (holboo_xml_node_add_child_ns (node, "content", HOLBOO_XMLNS_JINGLE_GROUPING),
                                         "name", names[i]);
    }
  return TRUE;
}
