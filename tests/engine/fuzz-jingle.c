/* fuzz-jingle.c: libFuzzer target for the Jingle parsers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: one stanza as a peer would send it (an iq with <jingle/>, or a
 * message with a JMI element), parsed by the real XML stream.  It goes
 * through every parser a call uses on the network's word: the Jingle
 * envelope (XEP-0166), RTP session-info (XEP-0167), JMI (XEP-0353), the
 * contents as an offer and as an answer (Jingle → SDP, XEP-0167/0176/
 * 0320/0293/0294/0338/0339) and as a transport-info.  Besides memory
 * errors (ASan, UBSan), the target aborts if an SDP we took cannot be
 * written back as Jingle and read again: what we accept, we must be able
 * to send.
 */

#include "config.h"

#include "holboo-jingle-sdp.h"
#include "holboo-xml-stream.h"
#include "holboo-xmpp-jingle-rtp.h"
#include "holboo-xmpp-jingle.h"
#include "holboo-xmpp-jmi.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define STREAM_HEADER \
  "<?xml version='1.0'?><stream:stream xmlns='jabber:client' " \
  "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.mn' version='1.0'>"

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           GPtrArray       *stanzas)
{
  if (stanzas->len < 4)
    g_ptr_array_add (stanzas, holboo_xml_node_ref (stanza));
}

/* @sdp, written as Jingle by @role and read back, must still parse. */
static void
check_round_trip (GstSDPMessage    *sdp,
                  HolbooJingleRole  role)
{
  g_autoptr(HolbooXmlNode) jingle = holboo_xml_node_new ("jingle", HOLBOO_XMLNS_JINGLE);
  g_autoptr(GError) error = NULL;
  GstSDPMessage *again;

  holboo_xml_node_set_attribute (jingle, "action", "session-initiate");
  holboo_xml_node_set_attribute (jingle, "sid", "fuzz");
  if (!holboo_jingle_fill_from_sdp (jingle, sdp, role, &error))
    return;   /* refusing to write something is allowed */
  again = holboo_jingle_to_sdp (jingle, role, &error);
  if (again == NULL)
    {
      g_autofree char *text = gst_sdp_message_as_text (sdp);
      g_autofree char *xml = holboo_xml_node_to_string (jingle);

      g_printerr ("Our own Jingle does not parse: %s\nSDP:\n%s\nJingle:\n%s\n", error->message, text, xml);
      abort ();
    }
  gst_sdp_message_free (again);
}

static void
fuzz_jingle (HolbooXmlNode *iq)
{
  g_autoptr(HolbooXmppJingle) jingle = NULL;
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *content_name;

  jingle = holboo_xmpp_jingle_parse (iq, &error);
  if (jingle == NULL)
    return;

  reply = holboo_xmpp_jingle_error_reply (iq, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND,
                                          HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);
  g_assert (holboo_xmpp_jingle_error_from_node (reply) == HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);
  holboo_xmpp_jingle_rtp_parse_info (jingle->jingle, &content_name);

  for (guint r = 0; r < 2; r++)
    {
      HolbooJingleRole role = r == 0 ? HOLBOO_JINGLE_ROLE_INITIATOR : HOLBOO_JINGLE_ROLE_RESPONDER;
      g_autoptr(GError) sdp_error = NULL;
      GstSDPMessage *sdp = holboo_jingle_to_sdp (jingle->jingle, role, &sdp_error);

      if (sdp == NULL)
        continue;
      check_round_trip (sdp, role);
      {
        g_autoptr(GError) ti_error = NULL;
        GPtrArray *candidates = holboo_jingle_transport_info_to_candidates (jingle->jingle, sdp, &ti_error);

        if (candidates != NULL)
          g_ptr_array_unref (candidates);
      }
      gst_sdp_message_free (sdp);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  g_autoptr(GPtrArray) stanzas = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  g_autoptr(GError) error = NULL;

  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), stanzas);
  if (!holboo_xml_stream_feed (stream, STREAM_HEADER, strlen (STREAM_HEADER), &error))
    abort ();
  holboo_xml_stream_feed (stream, (const char *) data, size, &error);

  for (guint i = 0; i < stanzas->len; i++)
    {
      HolbooXmlNode *stanza = g_ptr_array_index (stanzas, i);
      g_autoptr(GError) jmi_error = NULL;

      if (holboo_xml_node_is (stanza, "iq", HOLBOO_XMLNS_CLIENT))
        fuzz_jingle (stanza);
      else if (holboo_xml_node_is (stanza, "message", HOLBOO_XMLNS_CLIENT))
        {
          HolbooXmppJmi *jmi = holboo_xmpp_jmi_parse (stanza, &jmi_error);

          holboo_xmpp_jmi_free (jmi);
        }
    }
  return 0;
}
