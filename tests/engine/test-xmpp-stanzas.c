/* test-xmpp-stanzas.c: the message pipeline's XEP modules, without a
 * server: messages and their ids (RFC 6121, XEP-0359, XEP-0203),
 * receipts (XEP-0184), carbons (XEP-0280), MAM (XEP-0313) — valid,
 * forged and broken input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xmpp-carbons.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-mam.h"
#include "holboo-xmpp-message.h"
#include "holboo-xmpp-receipts.h"

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

static HolbooJid *
me (void)
{
  return holboo_jid_parse (ME, -1, NULL);
}

static void
test_message_parse (void)
{
  g_autoptr(HolbooJid) account = me ();
  g_autoptr(HolbooXmlNode) stanza = parse (
    "<message xmlns='jabber:client' from='Bat@Example.MN/phone' to='bold@example.mn/desk' type='chat' id='m1'>"
    "<body>Сайн уу</body><body xml:lang='en'>Hello</body>"
    "<origin-id xmlns='urn:xmpp:sid:0' id='o1'/>"
    "<stanza-id xmlns='urn:xmpp:sid:0' id='forged' by='bat@example.mn'/>"
    "<stanza-id xmlns='urn:xmpp:sid:0' id='s1' by='bold@example.mn'/>"
    "<delay xmlns='urn:xmpp:delay' from='example.mn' stamp='2024-05-01T08:30:00.250Z'/>"
    "<request xmlns='urn:xmpp:receipts'/>"
    "</message>");
  g_autoptr(HolbooXmppMessage) msg = NULL;
  g_autoptr(GError) error = NULL;

  msg = holboo_xmpp_message_parse (stanza, account, &error);
  g_assert_no_error (error);
  g_assert_cmpint (msg->type, ==, HOLBOO_XMPP_MESSAGE_CHAT);
  g_assert_cmpstr (holboo_jid_to_string (msg->from), ==, "bat@example.mn/phone");
  g_assert_cmpstr (holboo_jid_to_string (msg->to), ==, "bold@example.mn/desk");
  g_assert_cmpstr (msg->id, ==, "m1");
  g_assert_cmpstr (msg->body, ==, "Сайн уу");
  g_assert_cmpstr (msg->origin_id, ==, "o1");
  g_assert_cmpstr (msg->stanza_id, ==, "s1");   /* only our archive's */
  g_assert_cmpint (msg->delay, ==, G_GINT64_CONSTANT (1714552200250000));
  g_assert_true (msg->receipt_request);
  g_assert_null (msg->receipt_for);
}

static void
test_message_untrusted_ids (void)
{
  g_autoptr(HolbooJid) account = me ();
  g_autofree char *long_id = g_strnfill (HOLBOO_XMPP_MAX_ID_LENGTH + 1, 'x');
  g_autofree char *xml = g_strdup_printf (
    "<message xmlns='jabber:client' from='bat@example.mn/a' type='groupchat-ish' id='%s'>"
    "<body>x</body><origin-id xmlns='urn:xmpp:sid:0' id=''/>"
    "<stanza-id xmlns='urn:xmpp:sid:0' id='s1' by='bold@example.mn/desk'/>"
    "<delay xmlns='urn:xmpp:delay' stamp='2024-05-01T08:30:00'/>"
    "<received xmlns='urn:xmpp:receipts' id='o9'/>"
    "</message>", long_id);
  g_autoptr(HolbooXmlNode) stanza = parse (xml);
  g_autoptr(HolbooXmppMessage) msg = NULL;
  g_autoptr(GError) error = NULL;

  msg = holboo_xmpp_message_parse (stanza, account, &error);
  g_assert_no_error (error);
  g_assert_cmpint (msg->type, ==, HOLBOO_XMPP_MESSAGE_NORMAL);   /* unknown type */
  g_assert_null (msg->id);             /* too long */
  g_assert_null (msg->origin_id);      /* empty */
  g_assert_null (msg->stanza_id);      /* by a resource, not the archive */
  g_assert_cmpint (msg->delay, ==, 0); /* no zone */
  g_assert_false (msg->receipt_request);
  g_assert_cmpstr (msg->receipt_for, ==, "o9");
}

static void
test_message_bad_addresses (void)
{
  g_autoptr(HolbooJid) account = me ();
  const char *bad[] = {
    "<message xmlns='jabber:client' from='@example.mn'><body>x</body></message>",
    "<message xmlns='jabber:client' from='a@b@c'><body>x</body></message>",
    "<message xmlns='jabber:client' to='bold@'><body>x</body></message>",
    "<message xmlns='jabber:client' from='bat@example.mn/a' to=''><body>x</body></message>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HolbooXmlNode) stanza = parse (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooXmppMessage) msg = holboo_xmpp_message_parse (stanza, account, &error);

      g_assert_null (msg);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
    }

  /* Not a message at all. */
  {
    g_autoptr(HolbooXmlNode) stanza = parse ("<message xmlns='jabber:server'/>");
    g_autoptr(GError) error = NULL;
    g_autoptr(HolbooXmppMessage) msg = holboo_xmpp_message_parse (stanza, account, &error);

    g_assert_null (msg);
    g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  }
}

static void
test_message_build (void)
{
  g_autoptr(HolbooJid) account = me ();
  g_autoptr(HolbooXmlNode) stanza = holboo_xmpp_message_build_chat ("bat@example.mn", "o1", "a < b & c",
                                                                    "o1", TRUE);
  g_autofree char *xml = holboo_xml_node_to_string (stanza);
  g_autoptr(HolbooXmlNode) again = parse (xml);
  g_autoptr(HolbooXmppMessage) msg = holboo_xmpp_message_parse (again, account, NULL);

  g_assert_cmpstr (msg->body, ==, "a < b & c");
  g_assert_cmpstr (msg->origin_id, ==, "o1");
  g_assert_cmpstr (msg->id, ==, "o1");
  g_assert_true (msg->receipt_request);
  g_assert_cmpstr (holboo_xmpp_message_get_origin_id (stanza), ==, "o1");
}

static void
test_datetime (void)
{
  gint64 us = 0;

  g_assert_true (holboo_xmpp_parse_datetime ("1970-01-01T00:00:01Z", &us));
  g_assert_cmpint (us, ==, G_USEC_PER_SEC);
  g_assert_true (holboo_xmpp_parse_datetime ("1970-01-01T08:00:01+08:00", &us));
  g_assert_cmpint (us, ==, G_USEC_PER_SEC);
  g_assert_true (holboo_xmpp_parse_datetime ("2024-05-01T08:30:00.123456Z", &us));
  g_assert_cmpint (us % G_USEC_PER_SEC, ==, 123456);

  g_assert_false (holboo_xmpp_parse_datetime (NULL, &us));
  g_assert_false (holboo_xmpp_parse_datetime ("", &us));
  g_assert_false (holboo_xmpp_parse_datetime ("2024-05-01T08:30:00", &us));
  g_assert_false (holboo_xmpp_parse_datetime ("2024-W18-3T08:30:00Z", &us));
  g_assert_false (holboo_xmpp_parse_datetime ("yesterday at noon, Z", &us));
  g_assert_false (holboo_xmpp_parse_datetime ("2024-13-01T08:30:00Z", &us));
}

static void
test_receipts (void)
{
  g_autoptr(HolbooXmlNode) receipt = holboo_xmpp_receipts_build_received ("bat@example.mn/phone", "o1");
  g_autoptr(HolbooXmlNode) error_msg = parse ("<message xmlns='jabber:client' type='error' id='x'>"
                                              "<request xmlns='urn:xmpp:receipts'/></message>");
  g_autoptr(HolbooXmlNode) no_id = parse ("<message xmlns='jabber:client'>"
                                          "<request xmlns='urn:xmpp:receipts'/></message>");

  g_assert_cmpstr (holboo_xmpp_receipts_get_received (receipt), ==, "o1");
  g_assert_cmpstr (holboo_xml_node_get_attribute (receipt, "to"), ==, "bat@example.mn/phone");
  g_assert_nonnull (holboo_xml_node_get_attribute (receipt, "id"));
  g_assert_nonnull (holboo_xml_node_get_child (receipt, "no-permanent-store", HOLBOO_XMLNS_HINTS));
  g_assert_false (holboo_xmpp_receipts_is_requested (error_msg));
  g_assert_false (holboo_xmpp_receipts_is_requested (no_id));
}

#define CARBON(from, kind, inner) \
  "<message xmlns='jabber:client' from='" from "' to='bold@example.mn/desk' type='chat'>" \
  "<" kind " xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>" inner \
  "</forwarded></" kind "></message>"
#define INNER_IN  "<message xmlns='jabber:client' from='bat@example.mn/phone' to='bold@example.mn/laptop' type='chat'><body>hi</body></message>"
#define INNER_OUT "<message xmlns='jabber:client' from='bold@example.mn/laptop' to='bat@example.mn' type='chat'><body>hi</body></message>"

static void
test_carbons (void)
{
  g_autoptr(HolbooJid) account = me ();
  struct {
    const char       *xml;
    HolbooXmppCarbon  kind;
    gboolean          forged;
  } cases[] = {
    { CARBON ("bold@example.mn", "received", INNER_IN), HOLBOO_XMPP_CARBON_RECEIVED, FALSE },
    { CARBON ("Bold@Example.mn", "sent", INNER_OUT), HOLBOO_XMPP_CARBON_SENT, FALSE },
    /* From someone else: CVE-2017-5589. */
    { CARBON ("eve@example.mn", "received", INNER_IN), HOLBOO_XMPP_CARBON_NONE, TRUE },
    { CARBON ("eve@example.mn/x", "sent", INNER_OUT), HOLBOO_XMPP_CARBON_NONE, TRUE },
    { CARBON ("example.mn", "sent", INNER_OUT), HOLBOO_XMPP_CARBON_NONE, TRUE },
    /* From a device of ours, not the account. */
    { CARBON ("bold@example.mn/laptop", "sent", INNER_OUT), HOLBOO_XMPP_CARBON_NONE, TRUE },
    /* Inner messages that do not fit. */
    { CARBON ("bold@example.mn", "sent", INNER_IN), HOLBOO_XMPP_CARBON_NONE, TRUE },
    { CARBON ("bold@example.mn", "received", INNER_OUT), HOLBOO_XMPP_CARBON_NONE, TRUE },
    { CARBON ("bold@example.mn", "received", ""), HOLBOO_XMPP_CARBON_NONE, TRUE },
    { "<message xmlns='jabber:client' to='bold@example.mn/desk'><received xmlns='urn:xmpp:carbons:2'>"
      "<forwarded xmlns='urn:xmpp:forward:0'>" INNER_IN "</forwarded></received></message>",
      HOLBOO_XMPP_CARBON_NONE, TRUE },
    /* No carbon at all. */
    { INNER_IN, HOLBOO_XMPP_CARBON_NONE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooXmlNode) stanza = parse (cases[i].xml);
      g_autoptr(GError) error = NULL;
      HolbooXmlNode *inner = NULL;
      HolbooXmppCarbon kind;

      kind = holboo_xmpp_carbons_unwrap (stanza, account, &inner, &error);
      g_test_message ("case %u", i);
      g_assert_cmpint (kind, ==, cases[i].kind);
      if (cases[i].forged)
        g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
      else
        g_assert_no_error (error);
      if (kind != HOLBOO_XMPP_CARBON_NONE)
        g_assert_cmpstr (holboo_xml_node_get_child_text (inner, "body", "jabber:client"), ==, "hi");
      else
        g_assert_null (inner);
    }
}

static void
test_mam_query (void)
{
  HolbooXmppMamQuery query = { .queryid = "q1", .with = "bat@example.mn", .before = "", .max = 250,
                               .end = G_GINT64_CONSTANT (1714552200250000) };
  g_autoptr(HolbooXmlNode) iq = holboo_xmpp_mam_build_query (&query);
  g_autoptr(HolbooXmlNode) iq2 = NULL;
  HolbooXmlNode *q = holboo_xml_node_get_child (iq, "query", HOLBOO_XMLNS_MAM);
  HolbooXmlNode *set = holboo_xml_node_get_child (q, "set", HOLBOO_XMLNS_RSM);
  HolbooXmlNode *form = holboo_xml_node_get_child (q, "x", HOLBOO_XMLNS_DATA);
  HolbooXmlIter iter;
  HolbooXmlNode *field;
  guint n_fields = 0;

  g_assert_cmpstr (holboo_xml_node_get_attribute (iq, "type"), ==, "set");
  g_assert_null (holboo_xml_node_get_attribute (iq, "to"));
  g_assert_cmpstr (holboo_xml_node_get_attribute (q, "queryid"), ==, "q1");
  g_assert_cmpstr (holboo_xml_node_get_child_text (set, "max", HOLBOO_XMLNS_RSM), ==, "250");
  g_assert_nonnull (holboo_xml_node_get_child (set, "before", HOLBOO_XMLNS_RSM));
  g_assert_null (holboo_xml_node_get_child_text (set, "before", HOLBOO_XMLNS_RSM));
  holboo_xml_iter_init (&iter, form, "field", HOLBOO_XMLNS_DATA);
  while (holboo_xml_iter_next (&iter, &field))
    {
      const char *var = holboo_xml_node_get_attribute (field, "var");
      const char *value = holboo_xml_node_get_child_text (field, "value", HOLBOO_XMLNS_DATA);

      n_fields++;
      if (g_str_equal (var, "FORM_TYPE"))
        g_assert_cmpstr (value, ==, HOLBOO_XMLNS_MAM);
      else if (g_str_equal (var, "with"))
        g_assert_cmpstr (value, ==, "bat@example.mn");
      else if (g_str_equal (var, "end"))
        g_assert_cmpstr (value, ==, "2024-05-01T08:30:00.250000Z");
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (n_fields, ==, 3);

  query = (HolbooXmppMamQuery) { .archive = "room@muc.example.mn", .queryid = "q2", .before = "abc", .max = 10 };
  iq2 = holboo_xmpp_mam_build_query (&query);
  q = holboo_xml_node_get_child (iq2, "query", HOLBOO_XMLNS_MAM);
  set = holboo_xml_node_get_child (q, "set", HOLBOO_XMLNS_RSM);
  g_assert_cmpstr (holboo_xml_node_get_attribute (iq2, "to"), ==, "room@muc.example.mn");
  g_assert_cmpstr (holboo_xml_node_get_child_text (set, "before", HOLBOO_XMLNS_RSM), ==, "abc");
}

#define RESULT(from_attr, queryid, id, stamp) \
  "<message xmlns='jabber:client'" from_attr " to='bold@example.mn/desk'>" \
  "<result xmlns='urn:xmpp:mam:2' queryid='" queryid "' id='" id "'>" \
  "<forwarded xmlns='urn:xmpp:forward:0'>" stamp INNER_IN "</forwarded></result></message>"
#define STAMP "<delay xmlns='urn:xmpp:delay' stamp='2024-05-01T08:30:00Z'/>"

static void
test_mam_results (void)
{
  g_autoptr(HolbooJid) account = me ();
  struct {
    const char *xml;
    gboolean    own;
    gboolean    ok;
  } cases[] = {
    { RESULT ("", "q1", "a1", STAMP), TRUE, TRUE },
    { RESULT (" from='bold@example.mn'", "q1", "a1", STAMP), TRUE, TRUE },
    /* Forged: someone else writes a result. */
    { RESULT (" from='eve@example.mn'", "q1", "a1", STAMP), TRUE, FALSE },
    { RESULT (" from='bold@example.mn/laptop'", "q1", "a1", STAMP), TRUE, FALSE },
    { RESULT (" from='example.mn'", "q1", "a1", STAMP), TRUE, FALSE },
    /* No from is the account, not some other archive. */
    { RESULT ("", "q1", "a1", STAMP), FALSE, FALSE },
    /* Broken. */
    { RESULT ("", "q1", "a1", ""), TRUE, FALSE },
    { RESULT ("", "q1", "", STAMP), TRUE, FALSE },
    { "<message xmlns='jabber:client'><result xmlns='urn:xmpp:mam:2' id='a1'>"
      "<forwarded xmlns='urn:xmpp:forward:0'>" STAMP INNER_IN "</forwarded></result></message>", TRUE, FALSE },
    { "<message xmlns='jabber:client'><result xmlns='urn:xmpp:mam:2' queryid='q1' id='a1'>"
      "<forwarded xmlns='urn:xmpp:forward:0'>" STAMP "</forwarded></result></message>", TRUE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooXmlNode) stanza = parse (cases[i].xml);
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooXmppMamResult) result = NULL;

      g_test_message ("case %u", i);
      result = holboo_xmpp_mam_parse_result (stanza, account, cases[i].own, &error);
      if (!cases[i].ok)
        {
          g_assert_null (result);
          g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (result->queryid, ==, "q1");
      g_assert_cmpstr (result->id, ==, "a1");
      g_assert_cmpint (result->stamp, ==, G_GINT64_CONSTANT (1714552200000000));
      g_assert_cmpstr (holboo_xml_node_get_child_text (result->message, "body", "jabber:client"), ==, "hi");
      g_assert_cmpstr (holboo_xmpp_mam_get_queryid (stanza), ==, "q1");
    }
}

static void
test_mam_fin (void)
{
  g_autoptr(HolbooXmlNode) iq = parse (
    "<iq xmlns='jabber:client' type='result' id='x'><fin xmlns='urn:xmpp:mam:2' complete='true'>"
    "<set xmlns='http://jabber.org/protocol/rsm'><first index='0'>a1</first><last>a9</last>"
    "<count>9</count></set></fin></iq>");
  g_autoptr(HolbooXmlNode) partial = parse (
    "<iq xmlns='jabber:client' type='result' id='x'><fin xmlns='urn:xmpp:mam:2'>"
    "<set xmlns='http://jabber.org/protocol/rsm'/></fin></iq>");
  g_autoptr(HolbooXmlNode) nothing = parse ("<iq xmlns='jabber:client' type='result' id='x'/>");
  g_autoptr(HolbooXmppMamFin) fin = NULL;
  g_autoptr(HolbooXmppMamFin) fin2 = NULL;
  g_autoptr(HolbooXmppMamFin) fin3 = NULL;
  g_autoptr(GError) error = NULL;

  fin = holboo_xmpp_mam_parse_fin (iq, &error);
  g_assert_no_error (error);
  g_assert_true (fin->complete);
  g_assert_cmpstr (fin->first, ==, "a1");
  g_assert_cmpstr (fin->last, ==, "a9");

  fin2 = holboo_xmpp_mam_parse_fin (partial, &error);
  g_assert_no_error (error);
  g_assert_false (fin2->complete);
  g_assert_null (fin2->first);

  fin3 = holboo_xmpp_mam_parse_fin (nothing, &error);
  g_assert_null (fin3);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/stanzas/message/parse", test_message_parse);
  g_test_add_func ("/xmpp/stanzas/message/untrusted-ids", test_message_untrusted_ids);
  g_test_add_func ("/xmpp/stanzas/message/bad-addresses", test_message_bad_addresses);
  g_test_add_func ("/xmpp/stanzas/message/build", test_message_build);
  g_test_add_func ("/xmpp/stanzas/datetime", test_datetime);
  g_test_add_func ("/xmpp/stanzas/receipts", test_receipts);
  g_test_add_func ("/xmpp/stanzas/carbons", test_carbons);
  g_test_add_func ("/xmpp/stanzas/mam/query", test_mam_query);
  g_test_add_func ("/xmpp/stanzas/mam/results", test_mam_results);
  g_test_add_func ("/xmpp/stanzas/mam/fin", test_mam_fin);

  return g_test_run ();
}
