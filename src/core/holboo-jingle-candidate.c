/* holboo-jingle-candidate.c: ICE-UDP candidates and transport-info <-> SDP (XEP-0176)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-jingle-sdp"

#include "config.h"

#include "holboo-jingle-sdp.h"
#include "holboo-jingle-sdp-private.h"

#include <string.h>

#define BAD(...) g_set_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_BAD_REQUEST, __VA_ARGS__)

static const char *
type_to_sdp (const char *type)
{
  /* XEP-0176 says "relay"; some clients wrote "relayed". */
  if (g_strcmp0 (type, "relayed") == 0)
    return "relay";
  if (g_strv_contains ((const char *[]) { "host", "srflx", "prflx", "relay", NULL }, type))
    return type;
  return NULL;
}

/**
 * holboo_jingle_candidate_to_sdp:
 * @candidate: a <candidate/> of an ICE-UDP transport
 * @error: return location for a #GError
 *
 * Returns: (transfer full): "candidate:…" for webrtcbin, or %NULL if a
 *   field is bad (the candidate is then dropped, not the session)
 */
char *
holboo_jingle_candidate_to_sdp (HolbooXmlNode  *candidate,
                                GError        **error)
{
  const char *component = holboo_xml_node_get_attribute (candidate, "component");
  const char *foundation = holboo_xml_node_get_attribute (candidate, "foundation");
  const char *generation = holboo_xml_node_get_attribute (candidate, "generation");
  const char *ip = holboo_xml_node_get_attribute (candidate, "ip");
  const char *port = holboo_xml_node_get_attribute (candidate, "port");
  const char *priority = holboo_xml_node_get_attribute (candidate, "priority");
  const char *protocol = holboo_xml_node_get_attribute (candidate, "protocol");
  const char *type = type_to_sdp (holboo_xml_node_get_attribute (candidate, "type"));
  const char *rel_addr = holboo_xml_node_get_attribute (candidate, "rel-addr");
  const char *rel_port = holboo_xml_node_get_attribute (candidate, "rel-port");
  g_autoptr(GString) line = g_string_new ("candidate:");

  g_return_val_if_fail (candidate != NULL, NULL);

  if (!_holboo_jingle_parse_uint (component, 1, 256, NULL) ||
      !_holboo_jingle_is_ice_chars (foundation, 1, 32) ||
      (generation != NULL && !_holboo_jingle_parse_uint (generation, 0, G_MAXUINT32, NULL)) ||
      ip == NULL || !g_hostname_is_ip_address (ip) || strchr (ip, ' ') != NULL ||
      !_holboo_jingle_parse_uint (port, 1, 65535, NULL) ||
      !_holboo_jingle_parse_uint (priority, 1, G_MAXUINT32, NULL) ||
      g_strcmp0 (protocol, "udp") != 0 || type == NULL)
    {
      BAD ("Bad candidate");
      return NULL;
    }
  if ((rel_addr != NULL) != (rel_port != NULL) ||
      (rel_addr != NULL && (!g_hostname_is_ip_address (rel_addr) || strchr (rel_addr, ' ') != NULL ||
                            !_holboo_jingle_parse_uint (rel_port, 0, 65535, NULL))))
    {
      BAD ("Bad candidate related address");
      return NULL;
    }

  g_string_append_printf (line, "%s %s udp %s %s %s typ %s", foundation, component, priority, ip, port, type);
  if (rel_addr != NULL)
    g_string_append_printf (line, " raddr %s rport %s", rel_addr, rel_port);
  g_string_append_printf (line, " generation %s", generation ? generation : "0");
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * holboo_jingle_candidate_from_sdp:
 * @sdp_candidate: "candidate:…" (with or without "a=") from webrtcbin
 * @error: return location for a #GError;
 *   %HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS for a TCP candidate,
 *   which ICE-UDP cannot carry
 *
 * Returns: (transfer full): a <candidate xmlns='urn:xmpp:jingle:transports:ice-udp:1'/>
 */
HolbooXmlNode *
holboo_jingle_candidate_from_sdp (const char  *sdp_candidate,
                                  GError     **error)
{
  g_auto(GStrv) f = NULL;
  g_autoptr(HolbooXmlNode) node = NULL;
  g_autofree char *id = NULL;
  guint n;

  g_return_val_if_fail (sdp_candidate != NULL, NULL);

  if (g_str_has_prefix (sdp_candidate, "a="))
    sdp_candidate += 2;
  if (!g_str_has_prefix (sdp_candidate, "candidate:"))
    {
      BAD ("Not a candidate");
      return NULL;
    }
  f = g_strsplit (sdp_candidate + strlen ("candidate:"), " ", 32);
  n = g_strv_length (f);
  if (n < 8 || !g_str_equal (f[6], "typ"))
    {
      BAD ("Bad candidate");
      return NULL;
    }
  if (g_ascii_strcasecmp (f[2], "udp") != 0)
    {
      g_set_error (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_UNSUPPORTED_TRANSPORTS,
                   "A %s candidate cannot go over ICE-UDP", f[2]);
      return NULL;
    }

  node = holboo_xml_node_new ("candidate", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  holboo_xml_node_set_attribute (node, "component", f[1]);
  holboo_xml_node_set_attribute (node, "foundation", f[0]);
  holboo_xml_node_set_attribute (node, "generation", "0");
  id = g_strdup_printf ("%08x", g_random_int ());
  holboo_xml_node_set_attribute (node, "id", id);
  holboo_xml_node_set_attribute (node, "ip", f[4]);
  holboo_xml_node_set_attribute (node, "network", "0");
  holboo_xml_node_set_attribute (node, "port", f[5]);
  holboo_xml_node_set_attribute (node, "priority", f[3]);
  holboo_xml_node_set_attribute (node, "protocol", "udp");
  holboo_xml_node_set_attribute (node, "type", f[7]);
  for (guint i = 8; i + 1 < n; i += 2)
    {
      if (g_str_equal (f[i], "raddr"))
        holboo_xml_node_set_attribute (node, "rel-addr", f[i + 1]);
      else if (g_str_equal (f[i], "rport"))
        holboo_xml_node_set_attribute (node, "rel-port", f[i + 1]);
      else if (g_str_equal (f[i], "generation"))
        holboo_xml_node_set_attribute (node, "generation", f[i + 1]);
    }

  /* What we send passes the checks we apply to what we receive. */
  {
    g_autofree char *back = holboo_jingle_candidate_to_sdp (node, error);

    if (back == NULL)
      return NULL;
  }
  return g_steal_pointer (&node);
}

void
holboo_jingle_candidate_free (HolbooJingleCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->candidate);
  g_free (candidate);
}

/**
 * holboo_jingle_transport_info_to_candidates:
 * @jingle: a <jingle action='transport-info'/> from the peer
 * @remote: the peer's description so far
 * @error: return location for a #HolbooJingleSdpError
 *
 * Bad candidates are dropped one by one; more than
 * %HOLBOO_JINGLE_MAX_CANDIDATES in one stanza are cut.  A content the
 * session does not have is a bad request; a fingerprint other than the
 * one negotiated is a security error.
 *
 * Returns: (transfer container) (element-type HolbooJingleCandidate):
 *   the candidates for holboo_call_pipeline_add_remote_candidate()
 */
GPtrArray *
holboo_jingle_transport_info_to_candidates (HolbooXmlNode        *jingle,
                                            const GstSDPMessage  *remote,
                                            GError              **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_jingle_candidate_free);
  HolbooXmlIter contents;
  HolbooXmlNode *content;
  guint dropped = 0;

  g_return_val_if_fail (jingle != NULL && remote != NULL, NULL);

  if (!holboo_xml_node_is (jingle, "jingle", HOLBOO_XMLNS_JINGLE))
    {
      BAD ("Not a Jingle element");
      return NULL;
    }

  holboo_xml_iter_init (&contents, jingle, "content", HOLBOO_XMLNS_JINGLE);
  while (holboo_xml_iter_next (&contents, &content))
    {
      const char *name = holboo_xml_node_get_attribute (content, "name");
      HolbooXmlNode *transport = holboo_xml_node_get_child (content, "transport", HOLBOO_XMLNS_JINGLE_ICE_UDP);
      HolbooXmlNode *fp;
      HolbooXmlIter iter;
      HolbooXmlNode *node;
      int mline = holboo_jingle_sdp_find_mline (remote, name);

      if (mline < 0 || transport == NULL)
        {
          BAD ("transport-info for a content the session does not have");
          return NULL;
        }

      fp = holboo_xml_node_get_child (transport, "fingerprint", HOLBOO_XMLNS_JINGLE_DTLS);
      if (fp != NULL)
        {
          const char *known = _holboo_jingle_media_attribute (remote, gst_sdp_message_get_media (remote, mline),
                                                              "fingerprint");
          g_autofree char *text = g_strstrip (g_strdup (holboo_xml_node_get_text (fp) ? holboo_xml_node_get_text (fp) : ""));
          g_autofree char *now = g_strdup_printf ("%s %s", holboo_xml_node_get_attribute (fp, "hash"), text);

          if (known == NULL || g_ascii_strcasecmp (known, now) != 0)
            {
              g_set_error_literal (error, HOLBOO_JINGLE_SDP_ERROR, HOLBOO_JINGLE_SDP_ERROR_SECURITY,
                                   "The peer's DTLS fingerprint changed");
              return NULL;
            }
        }

      holboo_xml_iter_init (&iter, transport, "candidate", HOLBOO_XMLNS_JINGLE_ICE_UDP);
      while (holboo_xml_iter_next (&iter, &node))
        {
          g_autoptr(GError) local_error = NULL;
          HolbooJingleCandidate *c;
          char *line;

          if (out->len >= HOLBOO_JINGLE_MAX_CANDIDATES)
            {
              dropped++;
              continue;
            }
          line = holboo_jingle_candidate_to_sdp (node, &local_error);
          if (line == NULL)
            {
              g_debug ("Remote candidate dropped: %s", local_error->message);
              continue;
            }
          c = g_new0 (HolbooJingleCandidate, 1);
          c->mline_index = mline;
          c->candidate = line;
          g_ptr_array_add (out, c);
        }
    }
  if (dropped > 0)
    g_message ("%u candidates of a transport-info over the limit of %u dropped", dropped,
               HOLBOO_JINGLE_MAX_CANDIDATES);
  return g_steal_pointer (&out);
}

/**
 * holboo_jingle_transport_info_content:
 * @local: our own description (for the content name and ICE credentials)
 * @mline_index: the m-line the candidate belongs to
 * @creator: who created the content (the session's initiator, for calls)
 * @sdp_candidate: the candidate, as HolbooCallPipeline::local-candidate gives it
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the <content/> to put in a
 *   <jingle action='transport-info'/>
 */
HolbooXmlNode *
holboo_jingle_transport_info_content (const GstSDPMessage  *local,
                                      guint                 mline_index,
                                      HolbooJingleRole      creator,
                                      const char           *sdp_candidate,
                                      GError              **error)
{
  g_autoptr(HolbooXmlNode) content = NULL;
  g_autoptr(HolbooXmlNode) candidate = NULL;
  const GstSDPMedia *m;
  HolbooXmlNode *transport;

  g_return_val_if_fail (local != NULL && sdp_candidate != NULL, NULL);

  if (mline_index >= gst_sdp_message_medias_len (local))
    {
      BAD ("No m-line %u", mline_index);
      return NULL;
    }
  candidate = holboo_jingle_candidate_from_sdp (sdp_candidate, error);
  if (candidate == NULL)
    return NULL;

  m = gst_sdp_message_get_media (local, mline_index);
  content = holboo_xml_node_new ("content", HOLBOO_XMLNS_JINGLE);
  holboo_xml_node_set_attribute (content, "creator", creator == HOLBOO_JINGLE_ROLE_INITIATOR ? "initiator"
                                                                                              : "responder");
  holboo_xml_node_set_attribute (content, "name", gst_sdp_media_get_attribute_val (m, "mid"));
  transport = holboo_xml_node_add_child_ns (content, "transport", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  holboo_xml_node_set_attribute (transport, "ufrag", _holboo_jingle_media_attribute (local, m, "ice-ufrag"));
  holboo_xml_node_set_attribute (transport, "pwd", _holboo_jingle_media_attribute (local, m, "ice-pwd"));
  holboo_xml_node_append_child (transport, candidate);
  return g_steal_pointer (&content);
}
