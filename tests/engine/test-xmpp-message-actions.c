/* test-xmpp-message-actions.c: the XEP modules of message actions,
 * without a server: corrections (XEP-0308), retractions (XEP-0424 and
 * its XEP-0422 form), reactions (XEP-0444), replies (XEP-0461) with
 * their fallback (XEP-0428), chat markers (XEP-0333) and chat states
 * (XEP-0085) — built, parsed back, and hostile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xmpp-chatstates.h"
#include "holboo-xmpp-correction.h"
#include "holboo-xmpp-fallback.h"
#include "holboo-xmpp-markers.h"
#include "holboo-xmpp-message.h"
#include "holboo-xmpp-reactions.h"
#include "holboo-xmpp-reply.h"
#include "holboo-xmpp-retraction.h"

#include <string.h>

#define ME "bold@example.mn"

static HolbooXmlNode *
parse (const char *xml)
{
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* Serialises @node and parses it back, as a receiver would see it. */
static HolbooXmlNode *
round_trip (HolbooXmlNode *node)
{
  g_autofree char *xml = holboo_xml_node_to_string (node);

  return parse (xml);
}

static HolbooXmppMessage *
parse_message (HolbooXmlNode *stanza)
{
  g_autoptr(HolbooJid) account = holboo_jid_parse (ME, -1, NULL);
  g_autoptr(GError) error = NULL;
  HolbooXmppMessage *msg = holboo_xmpp_message_parse (stanza, account, &error);

  g_assert_no_error (error);
  return msg;
}

static void
test_correction (void)
{
  g_autoptr(HolbooXmlNode) built = holboo_xmpp_message_build_chat ("bat@example.mn", "c1", "Маргааш 10 цагт",
                                                                   "c1", TRUE);
  g_autoptr(HolbooXmlNode) received = NULL;
  g_autoptr(HolbooXmppMessage) msg = NULL;
  g_autoptr(HolbooXmlNode) bad = NULL;

  holboo_xmpp_correction_add (built, "m1");
  received = round_trip (built);
  g_assert_cmpstr (holboo_xmpp_correction_get_replace_id (received), ==, "m1");
  msg = parse_message (received);
  g_assert_cmpstr (msg->replace_id, ==, "m1");
  g_assert_cmpstr (msg->body, ==, "Маргааш 10 цагт");
  g_assert_true (holboo_xmpp_message_is_action (msg));

  /* No id, an empty one, one too long, the wrong namespace: no correction. */
  bad = parse ("<message xmlns='jabber:client'><body>x</body><replace xmlns='urn:xmpp:message-correct:0'/>"
               "<replace xmlns='urn:xmpp:message-correct:1' id='m1'/></message>");
  g_assert_null (holboo_xmpp_correction_get_replace_id (bad));
  g_clear_pointer (&bad, holboo_xml_node_unref);
  {
    g_autofree char *long_id = g_strnfill (HOLBOO_XMPP_MAX_ID_LENGTH + 1, 'a');
    g_autofree char *xml = g_strdup_printf ("<message xmlns='jabber:client'><body>x</body>"
                                            "<replace xmlns='urn:xmpp:message-correct:0' id='%s'/></message>",
                                            long_id);

    bad = parse (xml);
    g_assert_null (holboo_xmpp_correction_get_replace_id (bad));
  }
}

static void
test_retraction (void)
{
  g_autoptr(HolbooXmlNode) built = holboo_xmpp_retraction_build ("bat@example.mn", "r1", "m1",
                                                                 "This message was retracted");
  g_autoptr(HolbooXmlNode) received = round_trip (built);
  g_autoptr(HolbooXmppMessage) msg = NULL;
  g_autoptr(HolbooXmlNode) legacy = NULL;
  g_autoptr(HolbooXmlNode) other = NULL;
  g_autofree char *xml = holboo_xml_node_to_string (built);

  g_test_message ("%s", xml);
  g_assert_cmpstr (holboo_xmpp_retraction_get_id (received), ==, "m1");
  g_assert_true (holboo_xmpp_fallback_is_whole (received, HOLBOO_XMLNS_RETRACT));
  /* Both forms, the fastening of 0.x too; archived (store hint). */
  g_assert_nonnull (holboo_xml_node_get_child (received, "apply-to", HOLBOO_XMLNS_FASTEN));
  g_assert_nonnull (holboo_xml_node_get_child (received, "store", "urn:xmpp:hints"));
  msg = parse_message (received);
  g_assert_cmpstr (msg->retract_id, ==, "m1");
  g_assert_null (msg->body);   /* the fallback text is not a message */
  g_assert_cmpstr (msg->origin_id, ==, "r1");
  g_assert_true (holboo_xmpp_message_is_action (msg));

  /* The XEP-0422 form alone, as older clients send it. */
  legacy = parse ("<message xmlns='jabber:client' type='chat'><apply-to xmlns='urn:xmpp:fasten:0' id='m2'>"
                  "<retract xmlns='urn:xmpp:message-retract:0'/></apply-to><body>fallback</body></message>");
  g_assert_cmpstr (holboo_xmpp_retraction_get_id (legacy), ==, "m2");

  /* A fastening of something else retracts nothing. */
  other = parse ("<message xmlns='jabber:client'><apply-to xmlns='urn:xmpp:fasten:0' id='m3'>"
                 "<external xmlns='urn:xmpp:fasten:0' name='body'/></apply-to></message>");
  g_assert_null (holboo_xmpp_retraction_get_id (other));
}

static void
test_reactions (void)
{
  const char * const set[] = { "👍", "❤️", "👨‍👩‍👧‍👦", NULL };
  const char * const none[] = { NULL };
  g_autoptr(HolbooXmlNode) built = holboo_xmpp_reactions_build ("bat@example.mn", "x1", "m1", set);
  g_autoptr(HolbooXmlNode) received = round_trip (built);
  g_autoptr(HolbooXmlNode) empty = NULL;
  g_autoptr(HolbooXmlNode) hostile = NULL;
  g_autoptr(HolbooXmppMessage) msg = NULL;
  g_auto(GStrv) parsed = NULL;
  g_autoptr(GString) xml = NULL;

  g_assert_cmpstr (holboo_xmpp_reactions_parse (received, &parsed), ==, "m1");
  g_assert_true (g_strv_equal ((const char * const *) parsed, set));
  g_clear_pointer (&parsed, g_strfreev);
  msg = parse_message (received);
  g_assert_cmpstr (msg->reactions_to, ==, "m1");
  g_assert_cmpuint (g_strv_length (msg->reactions), ==, 3);
  g_assert_null (msg->body);

  /* An empty set takes the sender's reactions back. */
  g_clear_pointer (&built, holboo_xml_node_unref);
  built = holboo_xmpp_reactions_build ("bat@example.mn", "x2", "m1", none);
  empty = round_trip (built);
  g_assert_cmpstr (holboo_xmpp_reactions_parse (empty, &parsed), ==, "m1");
  g_assert_cmpuint (g_strv_length (parsed), ==, 0);
  g_clear_pointer (&parsed, g_strfreev);

  /* Hostile: duplicates, white space, control characters, a long
   * string, too many: kept are the valid ones, each once, capped. */
  xml = g_string_new ("<message xmlns='jabber:client'><reactions xmlns='urn:xmpp:reactions:0' id='m1'>"
                      "<reaction>👍</reaction><reaction>👍</reaction><reaction></reaction>"
                      "<reaction>a b</reaction><reaction>&#x7f;</reaction>");
  g_string_append_printf (xml, "<reaction>%s</reaction>", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (xml, "<reaction>%u</reaction>", i);
  g_string_append (xml, "</reactions></message>");
  hostile = parse (xml->str);
  g_assert_cmpstr (holboo_xmpp_reactions_parse (hostile, &parsed), ==, "m1");
  g_assert_cmpuint (g_strv_length (parsed), ==, HOLBOO_XMPP_REACTIONS_MAX);
  g_assert_cmpstr (parsed[0], ==, "👍");
  g_assert_cmpstr (parsed[1], ==, "0");
  g_clear_pointer (&parsed, g_strfreev);
  g_clear_pointer (&hostile, holboo_xml_node_unref);

  hostile = parse ("<message xmlns='jabber:client'><reactions xmlns='urn:xmpp:reactions:0'>"
                   "<reaction>👍</reaction></reactions></message>");
  g_assert_null (holboo_xmpp_reactions_parse (hostile, &parsed));
  g_assert_null (parsed);

  g_assert_true (holboo_xmpp_reaction_is_valid ("🇲🇳"));
  g_assert_false (holboo_xmpp_reaction_is_valid ("\t"));
  g_assert_false (holboo_xmpp_reaction_is_valid ("a\nb"));
  g_assert_false (holboo_xmpp_reaction_is_valid ("\xff"));
}

static void
test_reply (void)
{
  g_autofree char *quote = holboo_xmpp_reply_make_quote ("Гэрээ ирсэн үү?\nБаярлалаа");
  g_autofree char *body = g_strconcat (quote, "Тийм, ирсэн.", NULL);
  g_autoptr(HolbooXmlNode) built = holboo_xmpp_message_build_chat ("bat@example.mn", "y1", body, "y1", TRUE);
  g_autoptr(HolbooXmlNode) received = NULL;
  g_autoptr(HolbooXmppMessage) msg = NULL;
  g_autofree char *long_body = g_strnfill (500, 'x');
  g_autofree char *long_quote = holboo_xmpp_reply_make_quote (long_body);

  g_assert_cmpstr (quote, ==, "> Гэрээ ирсэн үү?\n> Баярлалаа\n");
  g_assert_true (g_str_has_suffix (long_quote, "…\n"));
  g_assert_cmpint (g_utf8_strlen (long_quote, -1), ==, 2 + HOLBOO_XMPP_REPLY_QUOTE_MAX_CHARS + 2);

  holboo_xmpp_reply_add (built, "bat@example.mn", "m1", quote);
  received = round_trip (built);
  msg = parse_message (received);
  g_assert_cmpstr (msg->reply_id, ==, "m1");
  g_assert_cmpstr (msg->reply_to, ==, "bat@example.mn");
  g_assert_cmpstr (msg->body, ==, "Тийм, ирсэн.");
  g_assert_cmpstr (msg->reply_quote, ==, "Гэрээ ирсэн үү?\nБаярлалаа");
  g_assert_false (holboo_xmpp_message_is_action (msg));
}

static void
test_fallback_hostile (void)
{
  /* Ranges counted in code points, several, in any order. */
  g_autoptr(HolbooXmlNode) ok = parse (
    "<message xmlns='jabber:client'><body>ab«cd»ef</body>"
    "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>"
    "<body start='5' end='6'/><body start='2' end='3'/></fallback></message>");
  const char * const bad[] = {
    "<body start='0' end='99'/>",                     /* past the end */
    "<body start='3' end='2'/>",                      /* reversed */
    "<body start='-1' end='2'/>",                     /* negative */
    "<body start='0' end='3'/><body start='2' end='4'/>", /* overlapping */
    "<body start='x' end='2'/>",                      /* not a number */
    "<body start='0'/>",                              /* half a range */
  };
  char *text = NULL, *removed = NULL;

  g_assert_true (holboo_xmpp_fallback_strip (ok, HOLBOO_XMLNS_REPLY, "ab«cd»ef", &text, &removed));
  g_assert_cmpstr (text, ==, "abcdef");
  g_assert_cmpstr (removed, ==, "«»");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&removed, g_free);
  /* Another feature's fallback is not this one's. */
  g_assert_false (holboo_xmpp_fallback_strip (ok, HOLBOO_XMLNS_RETRACT, "ab«cd»ef", &text, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *xml = g_strdup_printf ("<message xmlns='jabber:client'><body>hello</body>"
                                              "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>"
                                              "%s</fallback></message>", bad[i]);
      g_autoptr(HolbooXmlNode) node = parse (xml);

      g_assert_false (holboo_xmpp_fallback_strip (node, HOLBOO_XMLNS_REPLY, "hello", &text, NULL));
      g_assert_null (text);
    }

  /* A reply whose fallback is broken keeps its whole body. */
  {
    g_autoptr(HolbooXmlNode) node = parse (
      "<message xmlns='jabber:client' type='chat'><body>&gt; q\nanswer</body>"
      "<reply xmlns='urn:xmpp:reply:0' to='not a jid@@' id='m1'/>"
      "<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='1000'/></fallback>"
      "</message>");
    g_autoptr(HolbooXmppMessage) msg = parse_message (node);

    g_assert_cmpstr (msg->reply_id, ==, "m1");
    g_assert_null (msg->reply_to);
    g_assert_cmpstr (msg->body, ==, "> q\nanswer");
    g_assert_null (msg->reply_quote);
  }
}

static void
test_markers (void)
{
  g_autoptr(HolbooXmlNode) built = holboo_xmpp_markers_build ("bat@example.mn", HOLBOO_XMPP_MARKER_DISPLAYED, "m1");
  g_autoptr(HolbooXmlNode) received = round_trip (built);
  g_autoptr(HolbooXmlNode) markable = parse ("<message xmlns='jabber:client' id='m2'><body>x</body>"
                                             "<markable xmlns='urn:xmpp:chat-markers:0'/></message>");
  g_autoptr(HolbooXmlNode) no_id = parse ("<message xmlns='jabber:client'><body>x</body>"
                                          "<markable xmlns='urn:xmpp:chat-markers:0'/>"
                                          "<displayed xmlns='urn:xmpp:chat-markers:0'/></message>");
  g_autoptr(HolbooXmppMessage) msg = NULL;
  const char *id = NULL;

  g_assert_cmpint (holboo_xmpp_markers_parse (received, &id), ==, HOLBOO_XMPP_MARKER_DISPLAYED);
  g_assert_cmpstr (id, ==, "m1");
  g_assert_nonnull (holboo_xml_node_get_child (received, "store", "urn:xmpp:hints"));
  msg = parse_message (received);
  g_assert_cmpint (msg->marker, ==, HOLBOO_XMPP_MARKER_DISPLAYED);
  g_assert_cmpstr (msg->marker_id, ==, "m1");
  g_assert_false (msg->markable);
  g_clear_pointer (&msg, holboo_xmpp_message_free);

  g_assert_true (holboo_xmpp_markers_is_markable (markable));
  msg = parse_message (markable);
  g_assert_true (msg->markable);
  g_assert_cmpint (msg->marker, ==, HOLBOO_XMPP_MARKER_NONE);

  /* Without ids there is nothing to mark, nor to name. */
  g_assert_false (holboo_xmpp_markers_is_markable (no_id));
  g_assert_cmpint (holboo_xmpp_markers_parse (no_id, &id), ==, HOLBOO_XMPP_MARKER_NONE);
}

static void
test_chat_states (void)
{
  g_autoptr(HolbooXmlNode) built = holboo_xmpp_chat_state_build ("bat@example.mn", HOLBOO_XMPP_CHAT_STATE_COMPOSING);
  g_autoptr(HolbooXmlNode) received = round_trip (built);
  g_autoptr(HolbooXmlNode) unknown = parse ("<message xmlns='jabber:client'>"
                                            "<sleeping xmlns='http://jabber.org/protocol/chatstates'/>"
                                            "<paused xmlns='urn:example'/></message>");
  g_autoptr(HolbooXmppMessage) msg = NULL;

  g_assert_cmpint (holboo_xmpp_chat_state_parse (received), ==, HOLBOO_XMPP_CHAT_STATE_COMPOSING);
  g_assert_nonnull (holboo_xml_node_get_child (received, "no-store", "urn:xmpp:hints"));
  g_assert_null (holboo_xml_node_get_child (received, "body", HOLBOO_XMLNS_CLIENT));
  msg = parse_message (received);
  g_assert_cmpint (msg->chat_state, ==, HOLBOO_XMPP_CHAT_STATE_COMPOSING);
  g_assert_false (holboo_xmpp_message_is_action (msg));

  g_assert_cmpint (holboo_xmpp_chat_state_parse (unknown), ==, HOLBOO_XMPP_CHAT_STATE_NONE);
  for (HolbooXmppChatState s = HOLBOO_XMPP_CHAT_STATE_ACTIVE; s <= HOLBOO_XMPP_CHAT_STATE_GONE; s++)
    {
      g_autoptr(HolbooXmlNode) one = holboo_xmpp_chat_state_build ("bat@example.mn", s);
      g_autoptr(HolbooXmlNode) node = round_trip (one);

      g_assert_cmpint (holboo_xmpp_chat_state_parse (node), ==, s);
      g_assert_nonnull (holboo_xmpp_chat_state_to_string (s));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/actions/correction", test_correction);
  g_test_add_func ("/xmpp/actions/retraction", test_retraction);
  g_test_add_func ("/xmpp/actions/reactions", test_reactions);
  g_test_add_func ("/xmpp/actions/reply", test_reply);
  g_test_add_func ("/xmpp/actions/fallback-hostile", test_fallback_hostile);
  g_test_add_func ("/xmpp/actions/markers", test_markers);
  g_test_add_func ("/xmpp/actions/chat-states", test_chat_states);

  return g_test_run ();
}
