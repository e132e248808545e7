/* test-xmpp-contacts.c: the contact list's XEP modules, without a
 * server: roster (RFC 6121 §2), presence (RFC 6121 §3–4), blocking
 * (XEP-0191) and external services (XEP-0215) — valid, forged and broken
 * input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xmpp-blocking.h"
#include "holboo-xmpp-caps.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-external-services.h"
#include "holboo-xmpp-presence.h"
#include "holboo-xmpp-roster.h"

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

static HolbooXmlNode *
parse_printf (const char *format,
              ...) G_GNUC_PRINTF (1, 2);

static HolbooXmlNode *
parse_printf (const char *format,
              ...)
{
  g_autofree char *xml = NULL;
  va_list args;

  va_start (args, format);
  xml = g_strdup_vprintf (format, args);
  va_end (args);
  return parse (xml);
}

static HolbooJid *
me (void)
{
  return holboo_jid_parse (ME, -1, NULL);
}

static void
test_roster_result (void)
{
  g_autoptr(HolbooXmlNode) get = holboo_xmpp_roster_build_get ("");
  g_autofree char *huge = g_strnfill (HOLBOO_XMPP_ROSTER_MAX_NAME_LENGTH + 1, 'x');
  g_autoptr(HolbooXmlNode) iq = parse_printf (
    "<iq xmlns='jabber:client' type='result' id='r1'>"
    "<query xmlns='jabber:iq:roster' ver='v7'>"
    "<item jid='Bat@Example.MN' name='Бат' subscription='both'><group>Ажил</group><group>Ажил</group><group/></item>"
    "<item jid='saraa@example.mn' ask='subscribe'/>"
    "<item name='no jid'/>"
    "<item jid='@bad'/>"
    "<item jid='full@example.mn/res'/>"
    "<item jid='odd@example.mn' subscription='sometimes'/>"
    "<item jid='huge@example.mn' name='%s'/>"
    "<item jid='bat@example.mn' name='twice'/>"
    "<item jid='gone@example.mn' subscription='remove'/>"
    "<item xmlns='urn:other' jid='other@example.mn'/>"
    "</query></iq>", huge);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *ver = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmppRosterItem *bat, *saraa;

  g_assert_cmpstr (holboo_xml_node_get_attribute (holboo_xml_node_get_child (get, "query", HOLBOO_XMLNS_ROSTER), "ver"),
                   ==, "");

  g_assert_true (holboo_xmpp_roster_parse_result (iq, &ver, &items, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ver, ==, "v7");
  g_assert_cmpuint (items->len, ==, 2);
  bat = items->pdata[0];
  g_assert_cmpstr (bat->jid, ==, "bat@example.mn");
  g_assert_cmpstr (bat->name, ==, "Бат");
  g_assert_cmpint (bat->subscription, ==, HOLBOO_XMPP_SUBSCRIPTION_BOTH);
  g_assert_false (bat->ask);
  g_assert_cmpuint (g_strv_length (bat->groups), ==, 1);
  g_assert_cmpstr (bat->groups[0], ==, "Ажил");
  saraa = items->pdata[1];
  g_assert_cmpint (saraa->subscription, ==, HOLBOO_XMPP_SUBSCRIPTION_NONE);
  g_assert_true (saraa->ask);
  g_assert_null (saraa->name);
}

static void
test_roster_unchanged (void)
{
  g_autoptr(HolbooXmlNode) iq = parse ("<iq xmlns='jabber:client' type='result' id='r1'/>");
  g_autoptr(HolbooXmlNode) get = holboo_xmpp_roster_build_get (NULL);
  g_autofree char *get_xml = holboo_xml_node_to_string (get);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *ver = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (strstr (get_xml, "ver="));
  g_assert_true (holboo_xmpp_roster_parse_result (iq, &ver, &items, &error));
  g_assert_no_error (error);
  g_assert_null (items);
  g_assert_null (ver);
}

static void
test_roster_features (void)
{
  g_autoptr(HolbooXmlNode) with = parse (
    "<features xmlns='http://etherx.jabber.org/streams'><ver xmlns='urn:xmpp:features:rosterver'/></features>");
  g_autoptr(HolbooXmlNode) without = parse (
    "<features xmlns='http://etherx.jabber.org/streams'><ver xmlns='urn:other'/></features>");

  g_assert_true (holboo_xmpp_roster_supports_versioning (with));
  g_assert_false (holboo_xmpp_roster_supports_versioning (without));
  g_assert_false (holboo_xmpp_roster_supports_versioning (NULL));
}

static void
check_push_refused (const char *xml,
                    int         code)
{
  g_autoptr(HolbooJid) account = me ();
  g_autoptr(HolbooXmlNode) iq = parse (xml);
  g_autoptr(HolbooXmppRosterItem) item = NULL;
  g_autofree char *ver = NULL;
  g_autoptr(GError) error = NULL;

  item = holboo_xmpp_roster_parse_push (iq, account, &ver, &error);
  g_assert_null (item);
  g_assert_error (error, HOLBOO_XMPP_STANZA_ERROR, code);
  g_assert_null (ver);
}

static void
test_roster_push (void)
{
  g_autoptr(HolbooJid) account = me ();
  const char *good[] = {
    "<iq xmlns='jabber:client' type='set' id='p1'>"
    "<query xmlns='jabber:iq:roster' ver='v8'><item jid='bat@example.mn' subscription='to'/></query></iq>",
    "<iq xmlns='jabber:client' type='set' id='p1' from='BOLD@example.mn'>"
    "<query xmlns='jabber:iq:roster' ver='v8'><item jid='bat@example.mn' subscription='to'/></query></iq>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(HolbooXmlNode) iq = parse (good[i]);
      g_autoptr(HolbooXmppRosterItem) item = NULL;
      g_autoptr(HolbooXmlNode) result = NULL;
      g_autofree char *ver = NULL;
      g_autoptr(GError) error = NULL;

      item = holboo_xmpp_roster_parse_push (iq, account, &ver, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (item->jid, ==, "bat@example.mn");
      g_assert_cmpint (item->subscription, ==, HOLBOO_XMPP_SUBSCRIPTION_TO);
      g_assert_cmpstr (ver, ==, "v8");

      result = holboo_xmpp_iq_build_result (iq);
      g_assert_cmpstr (holboo_xml_node_get_attribute (result, "type"), ==, "result");
      g_assert_cmpstr (holboo_xml_node_get_attribute (result, "id"), ==, "p1");
    }

  /* Removal. */
  {
    g_autoptr(HolbooXmlNode) iq = parse (
      "<iq xmlns='jabber:client' type='set' id='p2'>"
      "<query xmlns='jabber:iq:roster'><item jid='bat@example.mn' subscription='remove'/></query></iq>");
    g_autoptr(HolbooXmppRosterItem) item = holboo_xmpp_roster_parse_push (iq, account, NULL, NULL);

    g_assert_cmpint (item->subscription, ==, HOLBOO_XMPP_SUBSCRIPTION_REMOVE);
  }
}

static void
test_roster_push_forged (void)
{
  /* From a contact, from another resource of ours, from the server's
   * domain, from an invalid address: all ignored. */
  const char *forged[] = {
    "<iq xmlns='jabber:client' type='set' id='f1' from='eve@example.mn'>"
    "<query xmlns='jabber:iq:roster'><item jid='eve@example.mn' subscription='both'/></query></iq>",
    "<iq xmlns='jabber:client' type='set' id='f2' from='bold@example.mn/phone'>"
    "<query xmlns='jabber:iq:roster'><item jid='eve@example.mn' subscription='both'/></query></iq>",
    "<iq xmlns='jabber:client' type='set' id='f3' from='example.mn'>"
    "<query xmlns='jabber:iq:roster'><item jid='eve@example.mn' subscription='both'/></query></iq>",
    "<iq xmlns='jabber:client' type='set' id='f4' from='@@'>"
    "<query xmlns='jabber:iq:roster'><item jid='eve@example.mn' subscription='both'/></query></iq>",
  };
  const char *malformed[] = {
    "<iq xmlns='jabber:client' type='set' id='m1'><query xmlns='jabber:iq:roster'/></iq>",
    "<iq xmlns='jabber:client' type='set' id='m2'><query xmlns='jabber:iq:roster'>"
    "<item jid='a@example.mn'/><item jid='b@example.mn'/></query></iq>",
    "<iq xmlns='jabber:client' type='set' id='m3'><query xmlns='jabber:iq:roster'><item/></query></iq>",
    "<iq xmlns='jabber:client' type='set' id='m4'><query xmlns='jabber:iq:roster'><item jid='a@b@c'/></query></iq>",
    "<iq xmlns='jabber:client' type='get' id='m5'><query xmlns='jabber:iq:roster'><item jid='a@example.mn'/></query></iq>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forged); i++)
    check_push_refused (forged[i], HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    check_push_refused (malformed[i], HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST);

  /* A huge name. */
  {
    g_autofree char *huge = g_strnfill (100000, 'n');
    g_autofree char *xml = g_strdup_printf (
      "<iq xmlns='jabber:client' type='set' id='m6'><query xmlns='jabber:iq:roster'>"
      "<item jid='a@example.mn' name='%s'/></query></iq>", huge);

    check_push_refused (xml, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST);
  }
  /* Too many groups. */
  {
    g_autoptr(GString) xml = g_string_new ("<iq xmlns='jabber:client' type='set' id='m7'>"
                                           "<query xmlns='jabber:iq:roster'><item jid='a@example.mn'>");

    for (guint i = 0; i <= HOLBOO_XMPP_ROSTER_MAX_GROUPS; i++)
      g_string_append_printf (xml, "<group>g%u</group>", i);
    g_string_append (xml, "</item></query></iq>");
    check_push_refused (xml->str, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST);
  }
}

static void
test_roster_build (void)
{
  const char * const groups[] = { "Ажил", "VIP", NULL };
  g_autoptr(HolbooXmlNode) set = holboo_xmpp_roster_build_set ("bat@example.mn", "Бат <&>", groups);
  g_autoptr(HolbooXmlNode) remove = holboo_xmpp_roster_build_remove ("bat@example.mn");
  g_autoptr(HolbooXmlNode) expected_set = parse (
    "<iq xmlns='jabber:client' type='set'><query xmlns='jabber:iq:roster'>"
    "<item jid='bat@example.mn' name='Бат &lt;&amp;&gt;'><group>Ажил</group><group>VIP</group></item>"
    "</query></iq>");
  g_autoptr(HolbooXmlNode) expected_remove = parse (
    "<iq xmlns='jabber:client' type='set'><query xmlns='jabber:iq:roster'>"
    "<item jid='bat@example.mn' subscription='remove'/></query></iq>");

  g_assert_true (holboo_xml_node_equal (set, expected_set));
  g_assert_true (holboo_xml_node_equal (remove, expected_remove));
}

static void
test_presence_parse (void)
{
  g_autoptr(HolbooJid) account = me ();
  g_autoptr(HolbooXmlNode) stanza = parse (
    "<presence xmlns='jabber:client' from='bat@example.mn/phone'>"
    "<show>dnd</show><status>Хуралд байна</status><priority>5</priority>"
    "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://dino.im' ver='abc='/>"
    "</presence>");
  g_autoptr(HolbooXmppPresence) p = NULL;
  g_autoptr(GError) error = NULL;

  p = holboo_xmpp_presence_parse (stanza, account, &error);
  g_assert_no_error (error);
  g_assert_cmpint (p->type, ==, HOLBOO_XMPP_PRESENCE_AVAILABLE);
  g_assert_cmpstr (holboo_jid_to_string (p->from), ==, "bat@example.mn/phone");
  g_assert_cmpint (p->show, ==, HOLBOO_XMPP_PRESENCE_SHOW_DND);
  g_assert_cmpstr (p->status, ==, "Хуралд байна");
  g_assert_cmpint (p->priority, ==, 5);
  g_assert_cmpstr (p->caps_node, ==, "https://dino.im");
  g_assert_cmpstr (p->caps_ver, ==, "abc=");
  g_assert_cmpstr (p->caps_hash, ==, "sha-1");
}

static void
test_presence_types (void)
{
  g_autoptr(HolbooJid) account = me ();
  struct { const char *type; HolbooXmppPresenceType expected; } cases[] = {
    { "unavailable", HOLBOO_XMPP_PRESENCE_UNAVAILABLE },
    { "subscribe", HOLBOO_XMPP_PRESENCE_SUBSCRIBE },
    { "subscribed", HOLBOO_XMPP_PRESENCE_SUBSCRIBED },
    { "unsubscribe", HOLBOO_XMPP_PRESENCE_UNSUBSCRIBE },
    { "unsubscribed", HOLBOO_XMPP_PRESENCE_UNSUBSCRIBED },
    { "probe", HOLBOO_XMPP_PRESENCE_PROBE },
    { "error", HOLBOO_XMPP_PRESENCE_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooXmlNode) stanza = parse_printf (
        "<presence xmlns='jabber:client' from='bat@example.mn' type='%s'><show>chat</show></presence>",
        cases[i].type);
      g_autoptr(HolbooXmppPresence) p = holboo_xmpp_presence_parse (stanza, account, NULL);

      g_assert_cmpint (p->type, ==, cases[i].expected);
      g_assert_cmpint (p->show, ==, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE);
    }
}

static void
test_presence_hostile (void)
{
  g_autoptr(HolbooJid) account = me ();
  g_autofree char *long_status = NULL;
  const char *dropped[] = {
    "<presence xmlns='jabber:client' from='bat@example.mn' type='sometimes'/>",
    "<presence xmlns='jabber:client' from='bat@@example.mn'/>",
    "<presence xmlns='jabber:client' from=''/>",
    "<presence xmlns='urn:other' from='bat@example.mn'/>",
  };
  g_autoptr(GString) status = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      g_autoptr(HolbooXmlNode) stanza = parse (dropped[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooXmppPresence) p = holboo_xmpp_presence_parse (stanza, account, &error);

      g_assert_null (p);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
    }

  /* Unknown show, bad priorities: read as available, priority 0; a
   * long status is cut at a character boundary. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (status, "ө");
  {
    g_autoptr(HolbooXmlNode) stanza = parse_printf (
      "<presence xmlns='jabber:client' from='bat@example.mn/x'><show>sleeping</show>"
      "<priority>1000</priority><status>%s</status></presence>", status->str);
    g_autoptr(HolbooXmppPresence) p = holboo_xmpp_presence_parse (stanza, account, NULL);

    g_assert_cmpint (p->show, ==, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE);
    g_assert_cmpint (p->priority, ==, 0);
    g_assert_cmpuint (strlen (p->status), <=, HOLBOO_XMPP_PRESENCE_MAX_STATUS_LENGTH);
    g_assert_cmpuint (strlen (p->status), >=, HOLBOO_XMPP_PRESENCE_MAX_STATUS_LENGTH - 1);
    g_assert_true (g_utf8_validate (p->status, -1, NULL));
  }
  {
    g_autoptr(HolbooXmlNode) stanza = parse (
      "<presence xmlns='jabber:client'><priority>-5x</priority></presence>");
    g_autoptr(HolbooXmppPresence) p = holboo_xmpp_presence_parse (stanza, account, NULL);

    g_assert_cmpint (p->priority, ==, 0);
    g_assert_cmpstr (holboo_jid_to_string (p->from), ==, ME);
  }
}

static void
test_presence_build (void)
{
  g_autoptr(HolbooXmlNode) dnd = holboo_xmpp_presence_build (HOLBOO_XMPP_PRESENCE_SHOW_DND, "Хурал", 0,
                                                             HOLBOO_XMPP_CAPS_NODE, "ver=");
  g_autoptr(HolbooXmlNode) expected_dnd = parse (
    "<presence xmlns='jabber:client'><show>dnd</show><status>Хурал</status>"
    "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='" HOLBOO_XMPP_CAPS_NODE "' ver='ver='/>"
    "</presence>");
  g_autoptr(HolbooXmlNode) available = holboo_xmpp_presence_build (HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, NULL, 3,
                                                                   NULL, NULL);
  g_autoptr(HolbooXmlNode) expected_available = parse (
    "<presence xmlns='jabber:client'><priority>3</priority></presence>");
  g_autoptr(HolbooXmlNode) off = holboo_xmpp_presence_build (HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE, "Баяртай", 0,
                                                             HOLBOO_XMPP_CAPS_NODE, "ver=");
  g_autoptr(HolbooXmlNode) expected_off = parse (
    "<presence xmlns='jabber:client' type='unavailable'><status>Баяртай</status></presence>");
  g_autoptr(HolbooXmlNode) subscribe = holboo_xmpp_presence_build_subscription ("bat@example.mn",
                                                                                HOLBOO_XMPP_PRESENCE_SUBSCRIBED);
  g_autoptr(HolbooXmlNode) expected_subscribe = parse (
    "<presence xmlns='jabber:client' to='bat@example.mn' type='subscribed'/>");

  g_assert_true (holboo_xml_node_equal (dnd, expected_dnd));
  g_assert_true (holboo_xml_node_equal (available, expected_available));
  g_assert_true (holboo_xml_node_equal (off, expected_off));
  g_assert_true (holboo_xml_node_equal (subscribe, expected_subscribe));
}

static void
test_blocking_list (void)
{
  g_autoptr(HolbooXmlNode) iq = parse (
    "<iq xmlns='jabber:client' type='result' id='b1'><blocklist xmlns='urn:xmpp:blocking'>"
    "<item jid='Eve@Example.MN'/><item jid='spam.example'/><item jid='eve@example.mn'/>"
    "<item/><item jid='@@'/><item jid='mallory@example.mn/phone'/>"
    "</blocklist></iq>");
  g_autoptr(GPtrArray) jids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) block = NULL;
  g_autoptr(HolbooXmlNode) expected = NULL;

  jids = holboo_xmpp_blocking_parse_list (iq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jids->len, ==, 3);
  g_assert_cmpstr (jids->pdata[0], ==, "eve@example.mn");
  g_assert_cmpstr (jids->pdata[1], ==, "spam.example");
  g_assert_cmpstr (jids->pdata[2], ==, "mallory@example.mn/phone");

  block = holboo_xmpp_blocking_build_block ((const char * const[]) { "eve@example.mn", NULL });
  expected = parse ("<iq xmlns='jabber:client' type='set'><block xmlns='urn:xmpp:blocking'>"
                    "<item jid='eve@example.mn'/></block></iq>");
  g_assert_true (holboo_xml_node_equal (block, expected));
}

static void
test_blocking_push (void)
{
  g_autoptr(HolbooJid) account = me ();
  struct { const char *xml; int code; HolbooXmppBlockingPush kind; guint n; } cases[] = {
    { "<iq xmlns='jabber:client' type='set' id='1'><block xmlns='urn:xmpp:blocking'>"
      "<item jid='eve@example.mn'/></block></iq>", -1, HOLBOO_XMPP_BLOCKING_PUSH_BLOCK, 1 },
    { "<iq xmlns='jabber:client' type='set' id='2' from='bold@example.mn'><unblock xmlns='urn:xmpp:blocking'>"
      "<item jid='eve@example.mn'/><item jid='x.example'/></unblock></iq>", -1, HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK, 2 },
    { "<iq xmlns='jabber:client' type='set' id='3'><unblock xmlns='urn:xmpp:blocking'/></iq>",
      -1, HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK_ALL, 0 },
    /* Forged: eve unblocks herself; another resource of ours. */
    { "<iq xmlns='jabber:client' type='set' id='4' from='eve@example.mn'><unblock xmlns='urn:xmpp:blocking'>"
      "<item jid='eve@example.mn'/></unblock></iq>", HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN, 0, 0 },
    { "<iq xmlns='jabber:client' type='set' id='5' from='bold@example.mn/x'><unblock xmlns='urn:xmpp:blocking'/></iq>",
      HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN, 0, 0 },
    /* Malformed. */
    { "<iq xmlns='jabber:client' type='set' id='6'><block xmlns='urn:xmpp:blocking'/></iq>",
      HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, 0, 0 },
    { "<iq xmlns='jabber:client' type='set' id='7'><block xmlns='urn:xmpp:blocking'>"
      "<item jid='ok@example.mn'/><item jid='a@b@c'/></block></iq>", HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, 0, 0 },
    { "<iq xmlns='jabber:client' type='set' id='8'><block xmlns='urn:xmpp:blocking'><item/></block></iq>",
      HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, 0, 0 },
    { "<iq xmlns='jabber:client' type='set' id='9'><block xmlns='urn:xmpp:blocking'><item jid='a@example.mn'/></block>"
      "<unblock xmlns='urn:xmpp:blocking'/></iq>", HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooXmlNode) iq = parse (cases[i].xml);
      g_autoptr(GError) error = NULL;
      HolbooXmppBlockingPush kind = -1;
      g_autoptr(GPtrArray) jids = holboo_xmpp_blocking_parse_push (iq, account, &kind, &error);

      if (cases[i].code >= 0)
        {
          g_assert_error (error, HOLBOO_XMPP_STANZA_ERROR, cases[i].code);
          g_assert_null (jids);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, cases[i].kind);
      g_assert_cmpuint (jids->len, ==, cases[i].n);
    }
}

static void
test_blocking_matches (void)
{
  g_autoptr(GHashTable) blocked = g_hash_table_new (g_str_hash, g_str_equal);
  struct { const char *jid; gboolean blocked; } cases[] = {
    { "eve@example.mn", TRUE }, { "eve@example.mn/phone", TRUE },
    { "mallory@example.mn/desk", TRUE }, { "mallory@example.mn/phone", FALSE },
    { "anyone@spam.example", TRUE }, { "spam.example", TRUE },
    { "x@other.example/bot", TRUE }, { "x@other.example/desk", FALSE },
    { "bat@example.mn", FALSE },
  };

  g_hash_table_add (blocked, (gpointer) "eve@example.mn");
  g_hash_table_add (blocked, (gpointer) "mallory@example.mn/desk");
  g_hash_table_add (blocked, (gpointer) "spam.example");
  g_hash_table_add (blocked, (gpointer) "other.example/bot");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooJid) jid = holboo_jid_parse (cases[i].jid, -1, NULL);

      g_assert_cmpint (holboo_xmpp_blocking_matches (blocked, jid), ==, cases[i].blocked);
    }
}

static void
test_external_services (void)
{
  /* What Prosody and ejabberd answer, plus entries to leave out. */
  g_autoptr(HolbooXmlNode) iq = parse (
    "<iq xmlns='jabber:client' type='result' id='e1'><services xmlns='urn:xmpp:extdisco:2'>"
    "<service type='stun' host='127.0.0.1' port='13478' transport='udp' restricted='false'/>"
    "<service type='turn' host='127.0.0.1' port='13478' transport='tcp' restricted='1'"
    " username='1764000000' password='a+b/c=' expires='2026-11-24T13:00:00Z'/>"
    "<service type='turns' host='turn.example.mn' restricted='true' username='1764000000:x' password='p'/>"
    "<service type='turn' host='::1' port='3478' username='u' password='p' restricted='true'/>"
    "<service type='ftp' host='ftp.example.mn' port='21'/>"
    "<service type='turn' host='127.0.0.1' port='0'/>"
    "<service type='turn' host='127.0.0.1' port='65536'/>"
    "<service type='turn' host='127.0.0.1' port='34x'/>"
    "<service type='turn' host='127.0.0.1' port='-1'/>"
    "<service type='stun' port='3478'/>"
    "<service type='stun' host='bad host' port='3478'/>"
    "<service type='stun' host='127.0.0.1' transport='sctp'/>"
    "<service type='turn' host='127.0.0.1' restricted='1'/>"
    "<service type='turn' host='127.0.0.1' expires='tomorrow'/>"
    "<service type='TURN' host='127.0.0.1'/>"
    "</services></iq>");
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmppExternalService *s;
  g_autofree char *uri0 = NULL, *uri1 = NULL, *uri2 = NULL, *uri3 = NULL;

  services = holboo_xmpp_external_services_parse (iq, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 4);

  s = services->pdata[0];
  g_assert_cmpint (s->type, ==, HOLBOO_XMPP_SERVICE_STUN);
  g_assert_cmpint (s->transport, ==, HOLBOO_XMPP_SERVICE_TRANSPORT_UDP);
  g_assert_cmpuint (s->port, ==, 13478);
  g_assert_false (s->restricted);
  uri0 = holboo_xmpp_external_service_dup_uri (s);
  g_assert_cmpstr (uri0, ==, "stun://127.0.0.1:13478");

  s = services->pdata[1];
  g_assert_cmpint (s->type, ==, HOLBOO_XMPP_SERVICE_TURN);
  g_assert_true (holboo_xmpp_external_service_is_turn (s));
  g_assert_true (s->restricted);
  g_assert_cmpstr (s->username, ==, "1764000000");
  g_assert_cmpint (s->expires, ==, G_GINT64_CONSTANT (1795525200) * G_USEC_PER_SEC);
  uri1 = holboo_xmpp_external_service_dup_uri (s);
  g_assert_cmpstr (uri1, ==, "turn://1764000000:a%2Bb%2Fc%3D@127.0.0.1:13478?transport=tcp");

  s = services->pdata[2];
  g_assert_cmpint (s->type, ==, HOLBOO_XMPP_SERVICE_TURNS);
  g_assert_cmpint (s->transport, ==, HOLBOO_XMPP_SERVICE_TRANSPORT_TCP);
  g_assert_cmpuint (s->port, ==, 5349);
  g_assert_true (s->restricted);
  uri2 = holboo_xmpp_external_service_dup_uri (s);
  g_assert_cmpstr (uri2, ==, "turns://1764000000%3Ax:p@turn.example.mn:5349");

  uri3 = holboo_xmpp_external_service_dup_uri (services->pdata[3]);
  g_assert_cmpstr (uri3, ==, "turn://u:p@[::1]:3478");
}

static void
test_external_services_hostile (void)
{
  g_autoptr(GString) many = g_string_new ("<iq xmlns='jabber:client' type='result'><services xmlns='urn:xmpp:extdisco:2'>");
  const char *not_results[] = {
    "<iq xmlns='jabber:client' type='result'/>",
    "<iq xmlns='jabber:client' type='error'><services xmlns='urn:xmpp:extdisco:2'/></iq>",
    "<iq xmlns='jabber:client' type='result'><services xmlns='urn:xmpp:extdisco:1'/></iq>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_results); i++)
    {
      g_autoptr(HolbooXmlNode) iq = parse (not_results[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) services = holboo_xmpp_external_services_parse (iq, &error);

      g_assert_null (services);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
    }

  for (guint i = 0; i <= HOLBOO_XMPP_EXTERNAL_SERVICES_MAX; i++)
    g_string_append (many, "<service type='stun' host='127.0.0.1'/>");
  g_string_append (many, "</services></iq>");
  {
    g_autoptr(HolbooXmlNode) iq = parse (many->str);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) services = holboo_xmpp_external_services_parse (iq, &error);

    g_assert_null (services);
    g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/roster/result", test_roster_result);
  g_test_add_func ("/xmpp/roster/unchanged", test_roster_unchanged);
  g_test_add_func ("/xmpp/roster/features", test_roster_features);
  g_test_add_func ("/xmpp/roster/push", test_roster_push);
  g_test_add_func ("/xmpp/roster/push-forged", test_roster_push_forged);
  g_test_add_func ("/xmpp/roster/build", test_roster_build);
  g_test_add_func ("/xmpp/presence/parse", test_presence_parse);
  g_test_add_func ("/xmpp/presence/types", test_presence_types);
  g_test_add_func ("/xmpp/presence/hostile", test_presence_hostile);
  g_test_add_func ("/xmpp/presence/build", test_presence_build);
  g_test_add_func ("/xmpp/blocking/list", test_blocking_list);
  g_test_add_func ("/xmpp/blocking/push", test_blocking_push);
  g_test_add_func ("/xmpp/blocking/matches", test_blocking_matches);
  g_test_add_func ("/xmpp/external-services/parse", test_external_services);
  g_test_add_func ("/xmpp/external-services/hostile", test_external_services_hostile);

  return g_test_run ();
}
