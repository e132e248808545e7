/* test-xml-node.c: building, querying and writing HolbooXmlNode trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"

static HolbooXmlNode *
parse (const char *xml)
{
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
assert_xml (HolbooXmlNode *node,
            const char    *expected)
{
  g_autofree char *xml = holboo_xml_node_to_string (node);

  g_assert_cmpstr (xml, ==, expected);
}

static void
test_build_message (void)
{
  g_autoptr(HolbooXmlNode) msg = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  g_autoptr(GString) out = g_string_new (NULL);
  HolbooXmlNode *origin;

  holboo_xml_node_set_attribute (msg, "to", "bold@example.mn");
  holboo_xml_node_set_attribute (msg, "type", "chat");
  holboo_xml_node_set_attribute (msg, "id", "m1");
  holboo_xml_node_add_text_child (msg, "body", "Сайн байна уу?");
  origin = holboo_xml_node_add_child_ns (msg, "origin-id", "urn:xmpp:sid:0");
  holboo_xml_node_set_attribute (origin, "id", "6c1f");
  holboo_xml_node_add_child_ns (msg, "request", "urn:xmpp:receipts");

  assert_xml (msg,
              "<message xmlns='jabber:client' to='bold@example.mn' type='chat' id='m1'>"
              "<body>Сайн байна уу?</body>"
              "<origin-id xmlns='urn:xmpp:sid:0' id='6c1f'/>"
              "<request xmlns='urn:xmpp:receipts'/>"
              "</message>");

  /* Inside a client stream jabber:client is implied. */
  holboo_xml_node_serialize (msg, out, HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM);
  g_assert_cmpstr (out->str, ==,
                   "<message to='bold@example.mn' type='chat' id='m1'>"
                   "<body>Сайн байна уу?</body>"
                   "<origin-id xmlns='urn:xmpp:sid:0' id='6c1f'/>"
                   "<request xmlns='urn:xmpp:receipts'/>"
                   "</message>");

  g_assert_cmpstr (holboo_xml_node_get_name (msg), ==, "message");
  g_assert_cmpstr (holboo_xml_node_get_ns (msg), ==, HOLBOO_XMLNS_CLIENT);
  g_assert_cmpstr (holboo_xml_node_get_child_text (msg, "body", HOLBOO_XMLNS_CLIENT), ==,
                   "Сайн байна уу?");
}

static void
test_namespaces (void)
{
  g_autoptr(HolbooXmlNode) features = holboo_xml_node_new ("features", HOLBOO_XMLNS_STREAM);
  g_autoptr(HolbooXmlNode) iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  g_autoptr(GString) out = g_string_new (NULL);
  HolbooXmlNode *mechs, *query, *inner;

  mechs = holboo_xml_node_add_child_ns (features, "mechanisms", "urn:ietf:params:xml:ns:xmpp-sasl");
  holboo_xml_node_add_text_child (mechs, "mechanism", "SCRAM-SHA-256");
  holboo_xml_node_add_child_ns (features, "sm", "urn:xmpp:sm:3");
  holboo_xml_node_add_child_ns (features, "plain", NULL);

  /* Stream elements keep the stream: prefix; children in no namespace
   * need no declaration outside a stream, xmlns='' inside one. */
  assert_xml (features,
              "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
              "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
              "<mechanism>SCRAM-SHA-256</mechanism></mechanisms>"
              "<sm xmlns='urn:xmpp:sm:3'/><plain/></stream:features>");
  holboo_xml_node_serialize (features, out, HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM);
  g_assert_cmpstr (out->str, ==,
                   "<stream:features>"
                   "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                   "<mechanism>SCRAM-SHA-256</mechanism></mechanisms>"
                   "<sm xmlns='urn:xmpp:sm:3'/><plain xmlns=''/></stream:features>");

  /* A namespace change and a change back, and attribute namespaces. */
  holboo_xml_node_set_attribute_ns (iq, HOLBOO_XMLNS_XML, "lang", "mn");
  query = holboo_xml_node_add_child_ns (iq, "query", "urn:xmpp:mam:2");
  inner = holboo_xml_node_add_child_ns (query, "message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute_ns (inner, "urn:example:attr", "flag", "1");
  holboo_xml_node_add_text_child (inner, "body", "x");
  assert_xml (iq,
              "<iq xmlns='jabber:client' xml:lang='mn'>"
              "<query xmlns='urn:xmpp:mam:2'>"
              "<message xmlns='jabber:client' xmlns:a0='urn:example:attr' a0:flag='1'>"
              "<body>x</body></message></query></iq>");

  g_assert_cmpstr (holboo_xml_node_get_attribute_ns (iq, HOLBOO_XMLNS_XML, "lang"), ==, "mn");
  g_assert_null (holboo_xml_node_get_attribute (iq, "lang"));
  g_assert_cmpstr (holboo_xml_node_get_attribute_ns (inner, "urn:example:attr", "flag"), ==, "1");

  /* The XML namespace can only be written with its own prefix. */
  {
    g_autoptr(HolbooXmlNode) parsed = parse ("<message xmlns='jabber:client'><xml:x xml:lang='en'><y/></xml:x></message>");
    g_autoptr(HolbooXmlNode) back = NULL;
    g_autofree char *xml = holboo_xml_node_to_string (parsed);

    g_assert_cmpstr (xml, ==, "<message xmlns='jabber:client'><xml:x xml:lang='en'><y/></xml:x></message>");
    back = parse (xml);
    g_assert_true (holboo_xml_node_equal (parsed, back));
    g_assert_true (holboo_xml_node_is (holboo_xml_node_get_first_child (back), "x", HOLBOO_XMLNS_XML));
  }

  /* "" means no namespace, like xmlns=''. */
  {
    g_autoptr(HolbooXmlNode) bare = holboo_xml_node_new ("x", "");

    g_assert_null (holboo_xml_node_get_ns (bare));
    assert_xml (bare, "<x/>");
  }
}

typedef struct {
  const char *text;
  const char *as_text;
  const char *as_attribute;
} EscapeCase;

static const EscapeCase escape_cases[] = {
  { "plain", "plain", "plain" },
  { "a&b<c>d", "a&amp;b&lt;c&gt;d", "a&amp;b&lt;c&gt;d" },
  { "it's \"quoted\"", "it's \"quoted\"", "it&apos;s \"quoted\"" },
  { "]]>", "]]&gt;", "]]&gt;" },
  { "tab\there", "tab\there", "tab&#x9;here" },
  { "two\nlines\r\n", "two\nlines&#xD;\n", "two&#xA;lines&#xD;&#xA;" },
  /* XML 1.0 cannot carry C0 controls, U+FFFE or U+FFFF at all. */
  { "bell\a\x01.", "bell\xEF\xBF\xBD\xEF\xBF\xBD.", "bell\xEF\xBF\xBD\xEF\xBF\xBD." },
  { "\xEF\xBF\xBE\xEF\xBF\xBF\xEF\xBF\xBD", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD",
    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" },
  { "Монгол 😀 \xEF\xBB\xBF", "Монгол 😀 \xEF\xBB\xBF", "Монгол 😀 \xEF\xBB\xBF" },
};

static void
test_escaping (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (escape_cases); i++)
    {
      const EscapeCase *tc = &escape_cases[i];
      g_autoptr(HolbooXmlNode) node = holboo_xml_node_new ("body", "urn:test");
      g_autoptr(HolbooXmlNode) back = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *xml = NULL;

      holboo_xml_node_set_attribute (node, "a", tc->text);
      holboo_xml_node_add_text (node, tc->text, -1);
      expected = g_strdup_printf ("<body xmlns='urn:test' a='%s'>%s</body>", tc->as_attribute, tc->as_text);
      xml = holboo_xml_node_to_string (node);
      g_assert_cmpstr (xml, ==, expected);

      /* What the parser reads back is what was written, except for the
       * characters that had to be replaced. */
      back = parse (xml);
      if (strstr (tc->as_text, "\xEF\xBF\xBD") == NULL)
        {
          g_assert_cmpstr (holboo_xml_node_get_text (back), ==, tc->text);
          g_assert_cmpstr (holboo_xml_node_get_attribute (back, "a"), ==, tc->text);
          g_assert_true (holboo_xml_node_equal (node, back));
        }
    }
}

static void
test_attributes (void)
{
  g_autoptr(HolbooXmlNode) node = holboo_xml_node_new ("presence", HOLBOO_XMLNS_CLIENT);
  const char *ns, *name, *value;

  g_assert_cmpuint (holboo_xml_node_get_n_attributes (node), ==, 0);
  holboo_xml_node_set_attribute (node, "to", "a@example.mn");
  holboo_xml_node_set_attribute (node, "type", "subscribe");
  holboo_xml_node_set_attribute (node, "id", "p1");
  holboo_xml_node_set_attribute (node, "type", "unsubscribe");
  g_assert_cmpuint (holboo_xml_node_get_n_attributes (node), ==, 3);
  g_assert_cmpstr (holboo_xml_node_get_attribute (node, "type"), ==, "unsubscribe");

  holboo_xml_node_set_attribute (node, "to", NULL);
  holboo_xml_node_set_attribute (node, "missing", NULL);
  g_assert_cmpuint (holboo_xml_node_get_n_attributes (node), ==, 2);
  g_assert_null (holboo_xml_node_get_attribute (node, "to"));

  value = holboo_xml_node_get_attribute_at (node, 0, &ns, &name);
  g_assert_null (ns);
  g_assert_cmpstr (name, ==, "type");
  g_assert_cmpstr (value, ==, "unsubscribe");
  value = holboo_xml_node_get_attribute_at (node, 1, NULL, &name);
  g_assert_cmpstr (name, ==, "id");
  g_assert_cmpstr (value, ==, "p1");

  assert_xml (node, "<presence xmlns='jabber:client' type='unsubscribe' id='p1'/>");
}

static void
test_lookup (void)
{
  g_autoptr(HolbooXmlNode) iq =
    parse ("<iq xmlns='jabber:client' type='result'>"
           "<query xmlns='jabber:iq:roster'>"
           "<item jid='a@example.mn'/>"
           "<item xmlns='urn:evil' jid='evil@example.mn'/>"
           "<group/>"
           "<item jid='b@example.mn'>\n</item>"
           "text"
           "<item jid='c@example.mn'/>"
           "</query></iq>");
  HolbooXmlNode *query = holboo_xml_node_get_child (iq, "query", "jabber:iq:roster");
  HolbooXmlNode *child;
  HolbooXmlIter iter;
  g_autoptr(GString) jids = g_string_new (NULL);
  guint n = 0;

  g_assert_nonnull (query);
  g_assert_true (holboo_xml_node_is (query, "query", "jabber:iq:roster"));
  g_assert_true (holboo_xml_node_is (query, NULL, "jabber:iq:roster"));
  g_assert_false (holboo_xml_node_is (query, "query", HOLBOO_XMLNS_CLIENT));
  g_assert_null (holboo_xml_node_get_child (iq, "query", NULL));
  g_assert_null (holboo_xml_node_get_child (iq, "query", HOLBOO_XMLNS_CLIENT));

  /* Namespaces are part of the match: the urn:evil item is not an item. */
  holboo_xml_iter_init (&iter, query, "item", "jabber:iq:roster");
  while (holboo_xml_iter_next (&iter, &child))
    g_string_append_printf (jids, "%s;", holboo_xml_node_get_attribute (child, "jid"));
  g_assert_cmpstr (jids->str, ==, "a@example.mn;b@example.mn;c@example.mn;");

  holboo_xml_iter_init (&iter, query, NULL, "urn:evil");
  g_assert_true (holboo_xml_iter_next (&iter, &child));
  g_assert_cmpstr (holboo_xml_node_get_attribute (child, "jid"), ==, "evil@example.mn");
  g_assert_false (holboo_xml_iter_next (&iter, &child));

  /* Plain iteration sees elements only, never the text between them. */
  for (child = holboo_xml_node_get_first_child (query); child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    n++;
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (holboo_xml_node_get_text (query), ==, "text");
  g_assert_null (holboo_xml_node_get_child_text (query, "group", "jabber:iq:roster"));
  g_assert_cmpstr (holboo_xml_node_get_child_text (query, "item", "jabber:iq:roster"), ==, NULL);
  g_assert_null (holboo_xml_node_get_text (iq));
  g_assert_null (holboo_xml_node_get_first_child (holboo_xml_node_get_child (query, "group", "jabber:iq:roster")));
}

static void
test_mixed_content (void)
{
  const char *xml = "<p xmlns='http://www.w3.org/1999/xhtml'>Hi <b>there</b>, <i>dear</i> friend</p>";
  g_autoptr(HolbooXmlNode) parsed = parse (xml);
  g_autoptr(HolbooXmlNode) built = holboo_xml_node_new ("p", "http://www.w3.org/1999/xhtml");

  /* get_text is all direct text; the order survives serialization. */
  g_assert_cmpstr (holboo_xml_node_get_text (parsed), ==, "Hi ,  friend");
  assert_xml (parsed, xml);

  holboo_xml_node_add_text (built, "Hi ", -1);
  holboo_xml_node_add_text_child (built, "b", "there");
  holboo_xml_node_add_text (built, ",", -1);
  holboo_xml_node_add_text (built, " ", -1);
  holboo_xml_node_add_text_child (built, "i", "dear");
  holboo_xml_node_add_text (built, " friend", 7);
  assert_xml (built, xml);
  g_assert_true (holboo_xml_node_equal (built, parsed));

  /* Text before the children only is not mixed content. */
  {
    g_autoptr(HolbooXmlNode) simple = parse ("<a xmlns='urn:x'>lead<b/><c/></a>");

    g_assert_cmpstr (holboo_xml_node_get_text (simple), ==, "lead");
    assert_xml (simple, "<a xmlns='urn:x'>lead<b/><c/></a>");
  }
}

static void
test_refcount_and_parenting (void)
{
  g_autoptr(HolbooXmlNode) root = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  g_autoptr(HolbooXmlNode) other = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  g_autoptr(HolbooXmlNode) body = NULL;
  g_autoptr(HolbooXmlNode) detached = holboo_xml_node_new ("thread", HOLBOO_XMLNS_CLIENT);

  body = holboo_xml_node_ref (holboo_xml_node_add_text_child (root, "body", "kept"));

  /* A child keeps its own life once its parent is gone. */
  g_clear_pointer (&root, holboo_xml_node_unref);
  g_assert_cmpstr (holboo_xml_node_get_text (body), ==, "kept");

  holboo_xml_node_append_child (other, body);
  holboo_xml_node_append_child (other, detached);
  assert_xml (other, "<message xmlns='jabber:client'><body>kept</body><thread/></message>");

  /* A node has one parent, and a tree has no cycles. */
  g_test_expect_message ("holboo-xml-node", G_LOG_LEVEL_CRITICAL, "*parent == NULL*");
  holboo_xml_node_append_child (other, body);
  g_test_assert_expected_messages ();

  g_test_expect_message ("holboo-xml-node", G_LOG_LEVEL_CRITICAL, "*up != child*");
  holboo_xml_node_append_child (body, other);
  g_test_assert_expected_messages ();

  g_test_expect_message ("holboo-xml-node", G_LOG_LEVEL_CRITICAL, "*g_utf8_validate*");
  holboo_xml_node_add_text (body, "\xff", 1);
  g_test_assert_expected_messages ();

  g_assert_true (g_type_is_a (HOLBOO_TYPE_XML_NODE, G_TYPE_BOXED));
  {
    HolbooXmlNode *copy = g_boxed_copy (HOLBOO_TYPE_XML_NODE, other);

    g_assert_true (copy == other);
    g_boxed_free (HOLBOO_TYPE_XML_NODE, copy);
  }
}

static void
test_equal (void)
{
  g_autoptr(HolbooXmlNode) a = parse ("<x xmlns='urn:a' p='1' q='2'><y>t</y></x>");
  g_autoptr(HolbooXmlNode) b = parse ("<x xmlns='urn:a' q='2' p='1'><y>t</y></x>");
  g_autoptr(HolbooXmlNode) c = parse ("<x xmlns='urn:a' q='2' p='1'><y>u</y></x>");
  g_autoptr(HolbooXmlNode) d = parse ("<x xmlns='urn:b' q='2' p='1'><y>t</y></x>");
  g_autoptr(HolbooXmlNode) e = parse ("<x xmlns='urn:a' q='2' p='1'><y>t</y><z/></x>");
  g_autoptr(HolbooXmlNode) f = parse ("<x xmlns='urn:a' q='2' p='3'><y>t</y></x>");

  g_assert_true (holboo_xml_node_equal (a, b));
  g_assert_false (holboo_xml_node_equal (a, c));
  g_assert_false (holboo_xml_node_equal (a, d));
  g_assert_false (holboo_xml_node_equal (a, e));
  g_assert_false (holboo_xml_node_equal (e, a));
  g_assert_false (holboo_xml_node_equal (a, f));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-node/build-message", test_build_message);
  g_test_add_func ("/xml-node/namespaces", test_namespaces);
  g_test_add_func ("/xml-node/escaping", test_escaping);
  g_test_add_func ("/xml-node/attributes", test_attributes);
  g_test_add_func ("/xml-node/lookup", test_lookup);
  g_test_add_func ("/xml-node/mixed-content", test_mixed_content);
  g_test_add_func ("/xml-node/refcount-and-parenting", test_refcount_and_parenting);
  g_test_add_func ("/xml-node/equal", test_equal);

  return g_test_run ();
}
