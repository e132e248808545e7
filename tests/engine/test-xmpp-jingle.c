/* test-xmpp-jingle.c: the Jingle envelope (XEP-0166), RTP session-info
 * (XEP-0167) and JMI (XEP-0353), built and parsed, and what is refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xmpp-jingle-rtp.h"
#include "holboo-xmpp-jingle.h"
#include "holboo-xmpp-jmi.h"

#include <string.h>

#define STREAM_HEADER \
  "<?xml version='1.0'?><stream:stream xmlns='jabber:client' " \
  "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.mn' version='1.0'>"

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           HolbooXmlNode  **out)
{
  *out = holboo_xml_node_ref (stanza);
}

/* @text parsed by the real stream, as it would arrive. */
static HolbooXmlNode *
parse (const char *text)
{
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *stanza = NULL;

  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), &stanza);
  holboo_xml_stream_feed (stream, STREAM_HEADER, strlen (STREAM_HEADER), &error);
  holboo_xml_stream_feed (stream, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (stanza);
  return stanza;
}

/* @node written out and read back, with @from set as the server would. */
static HolbooXmlNode *
over_the_wire (HolbooXmlNode *node,
               const char    *from)
{
  g_autoptr(GString) text = g_string_new (NULL);

  holboo_xml_node_set_attribute (node, "from", from);
  holboo_xml_node_serialize (node, text, HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM);
  return parse (text->str);
}

static void
test_envelope_round_trip (void)
{
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(HolbooXmlNode) received = NULL;
  g_autoptr(HolbooXmppJingle) jingle = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node;

  iq = holboo_xmpp_jingle_build_iq ("bob@example.mn/phone", HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE,
                                    "a73sjjvkla37jfea", &node);
  holboo_xml_node_set_attribute (node, "initiator", "alice@example.mn/laptop");
  holboo_xmpp_jingle_add_reason (node, HOLBOO_XMPP_JINGLE_REASON_DECLINE, "Сүүлд");
  g_assert_cmpstr (holboo_xml_node_get_attribute (iq, "type"), ==, "set");
  g_assert_nonnull (holboo_xml_node_get_attribute (iq, "id"));

  received = over_the_wire (iq, "alice@example.mn/laptop");
  jingle = holboo_xmpp_jingle_parse (received, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jingle->action, ==, HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE);
  g_assert_cmpstr (jingle->sid, ==, "a73sjjvkla37jfea");
  g_assert_cmpstr (holboo_jid_to_string (jingle->from), ==, "alice@example.mn/laptop");
  g_assert_cmpstr (holboo_jid_to_string (jingle->initiator), ==, "alice@example.mn/laptop");
  g_assert_null (jingle->responder);
  g_assert_cmpint (jingle->reason, ==, HOLBOO_XMPP_JINGLE_REASON_DECLINE);

  for (guint a = HOLBOO_XMPP_JINGLE_ACTION_SESSION_INITIATE; a <= HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_REPLACE; a++)
    g_assert_cmpint (holboo_xmpp_jingle_action_from_string (holboo_xmpp_jingle_action_to_string (a)), ==, a);
  for (guint r = HOLBOO_XMPP_JINGLE_REASON_ALTERNATIVE_SESSION; r <= HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_TRANSPORTS; r++)
    g_assert_cmpint (holboo_xmpp_jingle_reason_from_string (holboo_xmpp_jingle_reason_to_string (r)), ==, r);
}

static void
test_envelope_refused (void)
{
  static const char * const bad[] = {
    /* no sid, empty sid, a sid with a control character (escaped), a
     * sid of 129 characters, no action, a forged initiator that is no
     * JID, an iq get, no sender */
    "<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' action='session-info'/></iq>",
    "<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' action='session-info' sid=''/></iq>",
    "<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' action='session-info' sid='a&#9;b'/></iq>",
    NULL, /* the long sid, below */
    "<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' sid='s'/></iq>",
    "<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' action='session-initiate' sid='s' initiator='@@'/></iq>",
    "<iq type='get' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' action='session-info' sid='s'/></iq>",
    "<iq type='set' id='1'><jingle xmlns='urn:xmpp:jingle:1' action='session-info' sid='s'/></iq>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *long_sid = NULL;
      g_autoptr(HolbooXmlNode) iq = NULL;
      g_autoptr(GError) error = NULL;
      HolbooXmppJingle *jingle;

      if (bad[i] == NULL)
        {
          g_autofree char *sid = g_strnfill (HOLBOO_XMPP_JINGLE_MAX_SID + 1, 'x');

          long_sid = g_strdup_printf ("<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' "
                                      "action='session-info' sid='%s'/></iq>", sid);
        }
      iq = parse (bad[i] != NULL ? bad[i] : long_sid);
      jingle = holboo_xmpp_jingle_parse (iq, &error);
      g_assert_null (jingle);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
    }

  /* An action from a later XEP is not malformed: it is unknown. */
  {
    g_autoptr(HolbooXmlNode) iq = parse ("<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' "
                                         "action='session-teleport' sid='s'/></iq>");
    g_autoptr(HolbooXmppJingle) jingle = holboo_xmpp_jingle_parse (iq, NULL);

    g_assert_nonnull (jingle);
    g_assert_cmpint (jingle->action, ==, HOLBOO_XMPP_JINGLE_ACTION_UNKNOWN);
  }
}

static void
test_error_reply (void)
{
  g_autoptr(HolbooXmlNode) iq = parse ("<iq type='set' id='x1' from='mallory@example.mn/evil'>"
                                       "<jingle xmlns='urn:xmpp:jingle:1' action='transport-info' sid='s'/></iq>");
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(HolbooXmlNode) received = NULL;
  g_autoptr(HolbooXmlNode) result = NULL;
  g_autoptr(GError) error = NULL;

  reply = holboo_xmpp_jingle_error_reply (iq, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND,
                                          HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);
  g_assert_cmpstr (holboo_xml_node_get_attribute (reply, "to"), ==, "mallory@example.mn/evil");
  g_assert_cmpstr (holboo_xml_node_get_attribute (reply, "id"), ==, "x1");
  received = over_the_wire (reply, "alice@example.mn/laptop");
  error = holboo_xmpp_stanza_error_from_node (received);
  g_assert_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND);
  g_assert_cmpint (holboo_xmpp_jingle_error_from_node (received), ==, HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);

  result = holboo_xmpp_jingle_result_reply (iq);
  g_assert_cmpstr (holboo_xml_node_get_attribute (result, "type"), ==, "result");
  g_assert_cmpint (holboo_xmpp_jingle_error_from_node (result), ==, HOLBOO_XMPP_JINGLE_ERROR_NONE);
}

static void
test_rtp_info (void)
{
  for (guint info = HOLBOO_XMPP_RTP_INFO_ACTIVE; info <= HOLBOO_XMPP_RTP_INFO_RINGING; info++)
    {
      g_autoptr(HolbooXmlNode) iq = NULL;
      g_autoptr(HolbooXmlNode) received = NULL;
      g_autoptr(HolbooXmppJingle) jingle = NULL;
      HolbooXmlNode *node;
      const char *name = NULL;

      iq = holboo_xmpp_jingle_build_iq ("b@example.mn/x", HOLBOO_XMPP_JINGLE_ACTION_SESSION_INFO, "s", &node);
      holboo_xmpp_jingle_rtp_add_info (node, info, "initiator", "voice");
      received = over_the_wire (iq, "a@example.mn/y");
      jingle = holboo_xmpp_jingle_parse (received, NULL);
      g_assert_cmpint (holboo_xmpp_jingle_rtp_parse_info (jingle->jingle, &name), ==, info);
      if (info == HOLBOO_XMPP_RTP_INFO_MUTE || info == HOLBOO_XMPP_RTP_INFO_UNMUTE)
        g_assert_cmpstr (name, ==, "voice");
    }

  {
    g_autoptr(HolbooXmlNode) ping = parse ("<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' "
                                           "action='session-info' sid='s'/></iq>");
    g_autoptr(HolbooXmlNode) other = parse ("<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' "
                                            "action='session-info' sid='s'><checksum xmlns='urn:xmpp:jingle:apps:file-transfer:5'/>"
                                            "</jingle></iq>");
    g_autoptr(HolbooXmlNode) later = parse ("<iq type='set' id='1' from='a@b/c'><jingle xmlns='urn:xmpp:jingle:1' "
                                            "action='session-info' sid='s'><dance xmlns='urn:xmpp:jingle:apps:rtp:info:1'/>"
                                            "</jingle></iq>");
    HolbooXmlNode *j;

    j = holboo_xml_node_get_child (ping, "jingle", HOLBOO_XMLNS_JINGLE);
    g_assert_cmpint (holboo_xmpp_jingle_rtp_parse_info (j, NULL), ==, HOLBOO_XMPP_RTP_INFO_NONE);
    j = holboo_xml_node_get_child (other, "jingle", HOLBOO_XMLNS_JINGLE);
    g_assert_cmpint (holboo_xmpp_jingle_rtp_parse_info (j, NULL), ==, HOLBOO_XMPP_RTP_INFO_UNKNOWN);
    j = holboo_xml_node_get_child (later, "jingle", HOLBOO_XMLNS_JINGLE);
    g_assert_cmpint (holboo_xmpp_jingle_rtp_parse_info (j, NULL), ==, HOLBOO_XMPP_RTP_INFO_UNKNOWN);
  }
}

static void
test_jmi (void)
{
  for (guint kind = HOLBOO_XMPP_JMI_PROPOSE; kind <= HOLBOO_XMPP_JMI_FINISH; kind++)
    {
      HolbooXmppJingleReason reason = kind == HOLBOO_XMPP_JMI_REJECT ? HOLBOO_XMPP_JINGLE_REASON_BUSY
                                                                   : HOLBOO_XMPP_JINGLE_REASON_NONE;
      g_autoptr(HolbooXmlNode) message = holboo_xmpp_jmi_build ("bob@example.mn", kind, "sid-9", TRUE, reason);
      g_autoptr(HolbooXmlNode) received = over_the_wire (message, "alice@example.mn/laptop");
      g_autoptr(HolbooXmppJmi) jmi = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpstr (holboo_xml_node_get_attribute (message, "type"), ==, "chat");
      g_assert_nonnull (holboo_xml_node_get_child (message, "store", "urn:xmpp:hints"));
      jmi = holboo_xmpp_jmi_parse (received, &error);
      g_assert_no_error (error);
      g_assert_cmpint (jmi->kind, ==, kind);
      g_assert_cmpstr (jmi->id, ==, "sid-9");
      g_assert_cmpint (jmi->reason, ==, reason);
      if (kind == HOLBOO_XMPP_JMI_PROPOSE)
        g_assert_true (jmi->audio && jmi->video);
    }

  {
    static const char * const bad[] = {
      "<message from='a@b/c'><propose xmlns='urn:xmpp:jingle-message:0'><description "
      "xmlns='urn:xmpp:jingle:apps:rtp:1' media='audio'/></propose></message>",
      "<message from='a@b/c'><propose xmlns='urn:xmpp:jingle-message:0' id='s'/></message>",
      "<message from='a@b/c'><propose xmlns='urn:xmpp:jingle-message:0' id='s'><description "
      "xmlns='urn:xmpp:jingle:apps:rtp:1' media='hologram'/></propose></message>",
      "<message from='a@b/c'><teleport xmlns='urn:xmpp:jingle-message:0' id='s'/></message>",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(HolbooXmlNode) message = parse (bad[i]);
        g_autoptr(GError) error = NULL;

        g_assert_null (holboo_xmpp_jmi_parse (message, &error));
        g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
      }
  }

  /* Not JMI at all, and a bounce of one: nothing, no error. */
  {
    g_autoptr(HolbooXmlNode) chat = parse ("<message from='a@b/c' type='chat'><body>hi</body></message>");
    g_autoptr(HolbooXmlNode) bounce = parse ("<message from='a@b/c' type='error'><retract "
                                             "xmlns='urn:xmpp:jingle-message:0' id='s'/></message>");
    g_autoptr(GError) error = NULL;

    g_assert_null (holboo_xmpp_jmi_parse (chat, &error));
    g_assert_no_error (error);
    g_assert_null (holboo_xmpp_jmi_parse (bounce, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/jingle/envelope/round-trip", test_envelope_round_trip);
  g_test_add_func ("/xmpp/jingle/envelope/refused", test_envelope_refused);
  g_test_add_func ("/xmpp/jingle/error-reply", test_error_reply);
  g_test_add_func ("/xmpp/jingle/rtp-info", test_rtp_info);
  g_test_add_func ("/xmpp/jingle/jmi", test_jmi);

  return g_test_run ();
}
