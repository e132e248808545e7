/* test-xmpp-disco.c: service discovery (XEP-0030) and entity
 * capabilities (XEP-0115) without a server: the XEP's own examples,
 * answers to our queries, and ill-formed answers whose ver must not be
 * believed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xmpp-caps.h"
#include "holboo-xmpp-disco.h"
#include "holboo-xmpp-error.h"

#include <string.h>

static HolbooXmlNode *
parse (const char *xml)
{
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static HolbooXmppDiscoInfo *
parse_info (const char *query)
{
  g_autofree char *xml = g_strdup_printf ("<iq xmlns='jabber:client' type='result' id='d1' from='x@example.mn/y'>%s</iq>",
                                          query);
  g_autoptr(HolbooXmlNode) iq = parse (xml);
  g_autoptr(GError) error = NULL;
  HolbooXmppDiscoInfo *info = holboo_xmpp_disco_parse_info (iq, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  return info;
}

/* XEP-0115 §5.2 */
#define SIMPLE \
  "<query xmlns='http://jabber.org/protocol/disco#info' node='http://code.google.com/p/exodus#QgayPKawpkPSDYmwT/WM94uAlu0='>" \
  "<identity category='client' name='Exodus 0.9.1' type='pc'/>" \
  "<feature var='http://jabber.org/protocol/caps'/>" \
  "<feature var='http://jabber.org/protocol/disco#info'/>" \
  "<feature var='http://jabber.org/protocol/disco#items'/>" \
  "<feature var='http://jabber.org/protocol/muc'/>" \
  "</query>"

/* XEP-0115 §5.3 */
#define COMPLEX_FORM \
  "<x xmlns='jabber:x:data' type='result'>" \
  "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>" \
  "<field var='ip_version' type='text-multi'><value>ipv4</value><value>ipv6</value></field>" \
  "<field var='os'><value>Mac</value></field>" \
  "<field var='os_version'><value>10.5.1</value></field>" \
  "<field var='software'><value>Psi</value></field>" \
  "<field var='software_version'><value>0.11</value></field>" \
  "</x>"
#define COMPLEX \
  "<query xmlns='http://jabber.org/protocol/disco#info' node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>" \
  "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>" \
  "<identity xml:lang='el' category='client' name='Ψ 0.11' type='pc'/>" \
  "<feature var='http://jabber.org/protocol/caps'/>" \
  "<feature var='http://jabber.org/protocol/disco#info'/>" \
  "<feature var='http://jabber.org/protocol/disco#items'/>" \
  "<feature var='http://jabber.org/protocol/muc'/>" \
  COMPLEX_FORM \
  "</query>"

static void
test_caps_examples (void)
{
  g_autoptr(HolbooXmppDiscoInfo) simple = parse_info (SIMPLE);
  g_autoptr(HolbooXmppDiscoInfo) complex = parse_info (COMPLEX);
  g_autoptr(GError) error = NULL;
  g_autofree char *simple_ver = NULL;
  g_autofree char *complex_ver = NULL;

  g_assert_cmpuint (simple->identities->len, ==, 1);
  g_assert_cmpuint (simple->features->len, ==, 4);
  g_assert_true (holboo_xmpp_disco_info_has_feature (simple, "http://jabber.org/protocol/muc"));
  g_assert_true (holboo_xmpp_disco_info_has_identity (simple, "client", "pc"));
  g_assert_cmpstr (simple->node, ==, "http://code.google.com/p/exodus#QgayPKawpkPSDYmwT/WM94uAlu0=");

  simple_ver = holboo_xmpp_caps_compute_ver (simple, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (simple_ver, ==, "QgayPKawpkPSDYmwT/WM94uAlu0=");

  complex_ver = holboo_xmpp_caps_compute_ver (complex, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (complex_ver, ==, "q07IKJEyjvHSyhy//CH0CxmKi8w=");
}

static void
check_ill_formed (const char *query)
{
  g_autoptr(HolbooXmppDiscoInfo) info = parse_info (query);
  g_autoptr(HolbooXmppCapsCache) cache = holboo_xmpp_caps_cache_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *ver = holboo_xmpp_caps_compute_ver (info, &error);

  g_assert_null (ver);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_clear_error (&error);

  /* Not cached either, whatever ver it claims. */
  g_assert_false (holboo_xmpp_caps_cache_add (cache, "sha-1", "QgayPKawpkPSDYmwT/WM94uAlu0=", info, &error));
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_assert_cmpuint (holboo_xmpp_caps_cache_get_size (cache), ==, 0);
}

static void
test_caps_ill_formed (void)
{
  /* Duplicate identity. */
  check_ill_formed ("<query xmlns='http://jabber.org/protocol/disco#info'>"
                    "<identity category='client' name='Exodus 0.9.1' type='pc'/>"
                    "<identity category='client' name='Exodus 0.9.1' type='pc'/>"
                    "<feature var='http://jabber.org/protocol/caps'/></query>");
  /* Duplicate feature: the §5.2 answer with muc listed twice. */
  check_ill_formed ("<query xmlns='http://jabber.org/protocol/disco#info'>"
                    "<identity category='client' name='Exodus 0.9.1' type='pc'/>"
                    "<feature var='http://jabber.org/protocol/caps'/>"
                    "<feature var='http://jabber.org/protocol/disco#info'/>"
                    "<feature var='http://jabber.org/protocol/disco#items'/>"
                    "<feature var='http://jabber.org/protocol/muc'/>"
                    "<feature var='http://jabber.org/protocol/muc'/></query>");
  /* Two forms of one FORM_TYPE. */
  check_ill_formed ("<query xmlns='http://jabber.org/protocol/disco#info'>"
                    "<identity category='client' type='pc'/>" COMPLEX_FORM COMPLEX_FORM "</query>");
  /* A FORM_TYPE with two different values. */
  check_ill_formed ("<query xmlns='http://jabber.org/protocol/disco#info'>"
                    "<identity category='client' type='pc'/>"
                    "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE' type='hidden'>"
                    "<value>urn:a</value><value>urn:b</value></field></x></query>");
}

static void
test_caps_form_not_hidden (void)
{
  /* §5.4 3.6: a form whose FORM_TYPE is not hidden is ignored. */
  g_autoptr(HolbooXmppDiscoInfo) info = parse_info (
    "<query xmlns='http://jabber.org/protocol/disco#info'>"
    "<identity category='client' name='Exodus 0.9.1' type='pc'/>"
    "<feature var='http://jabber.org/protocol/caps'/>"
    "<feature var='http://jabber.org/protocol/disco#info'/>"
    "<feature var='http://jabber.org/protocol/disco#items'/>"
    "<feature var='http://jabber.org/protocol/muc'/>"
    "<x xmlns='jabber:x:data' type='result'><field var='FORM_TYPE'><value>urn:a</value></field>"
    "<field var='x'><value>y</value></field></x>"
    "</query>");
  g_autofree char *ver = holboo_xmpp_caps_compute_ver (info, NULL);

  g_assert_cmpstr (ver, ==, "QgayPKawpkPSDYmwT/WM94uAlu0=");
}

static void
test_caps_cache (void)
{
  g_autoptr(HolbooXmppCapsCache) cache = holboo_xmpp_caps_cache_new ();
  g_autoptr(HolbooXmppDiscoInfo) simple = parse_info (SIMPLE);
  g_autoptr(GError) error = NULL;

  /* A ver that does not match the answer is not cached. */
  g_assert_false (holboo_xmpp_caps_cache_add (cache, "sha-1", "q07IKJEyjvHSyhy//CH0CxmKi8w=", simple, &error));
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_clear_error (&error);
  g_assert_null (holboo_xmpp_caps_cache_lookup (cache, "q07IKJEyjvHSyhy//CH0CxmKi8w="));

  /* Nor one with a hash we do not check. */
  g_assert_false (holboo_xmpp_caps_cache_add (cache, "md5", "QgayPKawpkPSDYmwT/WM94uAlu0=", simple, &error));
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_clear_error (&error);

  g_assert_true (holboo_xmpp_caps_cache_add (cache, "sha-1", "QgayPKawpkPSDYmwT/WM94uAlu0=", simple, &error));
  g_assert_no_error (error);
  g_assert_true (holboo_xmpp_caps_cache_lookup (cache, "QgayPKawpkPSDYmwT/WM94uAlu0=") == simple);
  g_assert_cmpuint (holboo_xmpp_caps_cache_get_size (cache), ==, 1);

  /* A contact announcing ever new vers fills the cache up to its limit
   * and no further. */
  for (guint i = 0; i < HOLBOO_XMPP_CAPS_CACHE_MAX + 10; i++)
    {
      g_autoptr(HolbooXmppDiscoInfo) info = holboo_xmpp_disco_info_new (NULL);
      g_autofree char *feature = g_strdup_printf ("urn:example:%u", i);
      g_autofree char *ver = NULL;
      gboolean added;

      holboo_xmpp_disco_info_add_identity (info, "client", "pc", NULL, NULL);
      holboo_xmpp_disco_info_add_feature (info, feature);
      ver = holboo_xmpp_caps_compute_ver (info, NULL);
      added = holboo_xmpp_caps_cache_add (cache, "sha-1", ver, info, &error);
      g_assert_cmpint (added, ==, i + 1 < HOLBOO_XMPP_CAPS_CACHE_MAX);
      g_clear_error (&error);
    }
  g_assert_cmpuint (holboo_xmpp_caps_cache_get_size (cache), ==, HOLBOO_XMPP_CAPS_CACHE_MAX);
  /* What is known stays known. */
  g_assert_true (holboo_xmpp_caps_cache_add (cache, "sha-1", "QgayPKawpkPSDYmwT/WM94uAlu0=", simple, &error));
  g_assert_no_error (error);
}

static void
test_disco_answer (void)
{
  g_autoptr(HolbooXmppDiscoInfo) ours = holboo_xmpp_disco_info_new (NULL);
  g_autoptr(HolbooXmlNode) request = parse (
    "<iq xmlns='jabber:client' type='get' id='q1' from='bat@example.mn/phone'>"
    "<query xmlns='http://jabber.org/protocol/disco#info' node='https://holboo.mn/caps#abc='/></iq>");
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(HolbooXmppDiscoInfo) back = NULL;
  g_autoptr(HolbooXmlNode) query = NULL;
  g_autofree char *ver = NULL, *back_ver = NULL;

  holboo_xmpp_disco_info_add_identity (ours, "client", "pc", NULL, "Holboo");
  holboo_xmpp_disco_info_add_feature (ours, HOLBOO_XMLNS_DISCO_INFO);
  holboo_xmpp_disco_info_add_feature (ours, HOLBOO_XMLNS_CAPS);
  ver = holboo_xmpp_caps_compute_ver (ours, NULL);

  g_assert_cmpstr (holboo_xmpp_disco_get_query_node (request), ==, "https://holboo.mn/caps#abc=");
  answer = holboo_xmpp_disco_build_info_result (request, ours);
  g_assert_cmpstr (holboo_xml_node_get_attribute (answer, "to"), ==, "bat@example.mn/phone");
  g_assert_cmpstr (holboo_xml_node_get_attribute (answer, "id"), ==, "q1");

  /* What we answer hashes to what we announce. */
  back = holboo_xmpp_disco_parse_info (answer, NULL);
  g_assert_cmpstr (back->node, ==, "https://holboo.mn/caps#abc=");
  back_ver = holboo_xmpp_caps_compute_ver (back, NULL);
  g_assert_cmpstr (back_ver, ==, ver);

  query = holboo_xmpp_disco_build_info_query ("example.mn", NULL);
  g_assert_cmpstr (holboo_xml_node_get_attribute (query, "to"), ==, "example.mn");
  g_assert_nonnull (holboo_xml_node_get_child (query, "query", HOLBOO_XMLNS_DISCO_INFO));
}

static void
test_disco_hostile (void)
{
  const char *refused[] = {
    "<iq xmlns='jabber:client' type='result'/>",
    "<iq xmlns='jabber:client' type='error'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>",
    "<iq xmlns='jabber:client' type='result'><query xmlns='http://jabber.org/protocol/disco#info'>"
    "<identity type='pc'/></query></iq>",
    "<iq xmlns='jabber:client' type='result'><query xmlns='http://jabber.org/protocol/disco#info'>"
    "<feature/></query></iq>",
  };
  g_autoptr(GString) many = g_string_new ("<iq xmlns='jabber:client' type='result'>"
                                          "<query xmlns='http://jabber.org/protocol/disco#info'>");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(HolbooXmlNode) iq = parse (refused[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooXmppDiscoInfo) info = holboo_xmpp_disco_parse_info (iq, &error);

      g_assert_null (info);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
    }

  for (guint i = 0; i <= HOLBOO_XMPP_DISCO_MAX_ENTRIES; i++)
    g_string_append_printf (many, "<feature var='urn:f:%u'/>", i);
  g_string_append (many, "</query></iq>");
  {
    g_autoptr(HolbooXmlNode) iq = parse (many->str);
    g_autoptr(GError) error = NULL;
    g_autoptr(HolbooXmppDiscoInfo) info = holboo_xmpp_disco_parse_info (iq, &error);

    g_assert_null (info);
    g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  }
}

static void
test_disco_items (void)
{
  g_autoptr(HolbooXmlNode) iq = parse (
    "<iq xmlns='jabber:client' type='result'><query xmlns='http://jabber.org/protocol/disco#items'>"
    "<item jid='conference.example.mn' name='Chatrooms'/><item jid='upload.example.mn'/>"
    "<item/><item jid='a@b@c'/><item jid='pubsub.example.mn' node='news'/>"
    "</query></iq>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = holboo_xmpp_disco_parse_items (iq, &error);
  HolbooXmppDiscoItem *item;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  item = items->pdata[0];
  g_assert_cmpstr (holboo_jid_to_string (item->jid), ==, "conference.example.mn");
  g_assert_cmpstr (item->name, ==, "Chatrooms");
  item = items->pdata[2];
  g_assert_cmpstr (item->node, ==, "news");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/caps/examples", test_caps_examples);
  g_test_add_func ("/xmpp/caps/ill-formed", test_caps_ill_formed);
  g_test_add_func ("/xmpp/caps/form-not-hidden", test_caps_form_not_hidden);
  g_test_add_func ("/xmpp/caps/cache", test_caps_cache);
  g_test_add_func ("/xmpp/disco/answer", test_disco_answer);
  g_test_add_func ("/xmpp/disco/hostile", test_disco_hostile);
  g_test_add_func ("/xmpp/disco/items", test_disco_items);

  return g_test_run ();
}
