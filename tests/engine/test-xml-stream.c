/* test-xml-stream.c: HolbooXmlStream on valid input, TCP and WebSocket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xml-test-util.h"

typedef struct {
  const char *name;
  const char *input;
  const char *stanzas[6];
  gboolean    closed;
} ValidCase;

static const ValidCase valid_cases[] = {
  {
    "prosody-session",
    TEST_STREAM_HEADER
    "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
    "</stream:features>"
    "<message from='bat@example.mn/phone' to='bold@example.mn' type='chat' id='m1'>"
    "<body>Сайн уу? 😀</body><origin-id xmlns='urn:xmpp:sid:0' id='u1'/></message> "
    "<iq type='result' id='r1'><query xmlns='jabber:iq:roster' ver='1'>"
    "<item jid='a@example.mn' subscription='both'><group>Борлуулалт</group></item></query></iq>\n"
    "<presence/></stream:stream>",
    {
      "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
      "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>",
      "<message xmlns='jabber:client' from='bat@example.mn/phone' to='bold@example.mn' type='chat' id='m1'>"
      "<body>Сайн уу? 😀</body><origin-id xmlns='urn:xmpp:sid:0' id='u1'/></message>",
      "<iq xmlns='jabber:client' type='result' id='r1'><query xmlns='jabber:iq:roster' ver='1'>"
      "<item jid='a@example.mn' subscription='both'><group>Борлуулалт</group></item></query></iq>",
      "<presence xmlns='jabber:client'/>",
    },
    TRUE,
  },
  {
    "other-prefixes",
    "<s:stream xmlns:s='http://etherx.jabber.org/streams' xmlns='jabber:client' version='1.0'>"
    "<message><x:event xmlns:x='urn:example:x' x:kind='a'><x:a/><b/></x:event></message>"
    "<jc:iq xmlns:jc='jabber:client' type='get'/><s:features/>",
    {
      "<message xmlns='jabber:client'>"
      "<event xmlns='urn:example:x' xmlns:a0='urn:example:x' a0:kind='a'><a/><b xmlns='jabber:client'/></event>"
      "</message>",
      "<iq xmlns='jabber:client' type='get'/>",
      "<stream:features xmlns:stream='http://etherx.jabber.org/streams'/>",
    },
    FALSE,
  },
  {
    "default-namespace-changes",
    TEST_STREAM_HEADER
    "<message to='a@b'><sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
    "<message xmlns='jabber:client' to='c@d'><body>x</body></message></forwarded></sent></message>"
    "<iq><query xmlns=''><item/></query></iq>",
    {
      "<message xmlns='jabber:client' to='a@b'><sent xmlns='urn:xmpp:carbons:2'>"
      "<forwarded xmlns='urn:xmpp:forward:0'><message xmlns='jabber:client' to='c@d'><body>x</body></message>"
      "</forwarded></sent></message>",
      "<iq xmlns='jabber:client'><query xmlns=''><item/></query></iq>",
    },
    FALSE,
  },
  {
    "escapes-and-cdata",
    TEST_STREAM_HEADER
    "<message id='a&amp;b&apos;&quot;&lt;&gt;'><body>&lt;b&gt; &amp; &#x41;&#1178; ]]&gt; \"q\" 'a' "
    "<![CDATA[<raw> & ]]></body><subject>line1&#xD;\r\nline2&#9;tab</subject></message>",
    {
      "<message xmlns='jabber:client' id='a&amp;b&apos;\"&lt;&gt;'>"
      "<body>&lt;b&gt; &amp; AҚ ]]&gt; \"q\" 'a' &lt;raw&gt; &amp; </body>"
      "<subject>line1&#xD;\nline2\ttab</subject></message>",
    },
    FALSE,
  },
  {
    "mixed-content",
    TEST_STREAM_HEADER
    "<message><html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>"
    "<p>Hi <b>there</b>, friend</p></body></html></message>",
    {
      "<message xmlns='jabber:client'><html xmlns='http://jabber.org/protocol/xhtml-im'>"
      "<body xmlns='http://www.w3.org/1999/xhtml'><p>Hi <b>there</b>, friend</p></body></html></message>",
    },
    FALSE,
  },
  {
    "keepalives-and-stream-error",
    "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>\n"
    "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
    " \n\t \r\n <r xmlns='urn:xmpp:sm:3'/>   "
    "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
    "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>Replaced</text></stream:error>"
    "\n</stream:stream>",
    {
      "<r xmlns='urn:xmpp:sm:3'/>",
      "<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
      "<conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
      "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>Replaced</text></stream:error>",
    },
    TRUE,
  },
};

static void
assert_collected (Collector       *c,
                  const ValidCase *tc,
                  const char      *how)
{
  guint n_expected = 0;

  while (n_expected < G_N_ELEMENTS (tc->stanzas) && tc->stanzas[n_expected] != NULL)
    n_expected++;

  if (c->stanzas->len != n_expected)
    g_error ("%s (%s): %u stanzas, expected %u", tc->name, how, c->stanzas->len, n_expected);

  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpstr (g_ptr_array_index (c->stanzas, i), ==, tc->stanzas[i]);

  g_assert_cmpuint (c->n_opened, ==, 1);
  g_assert_cmpuint (c->n_closed, ==, tc->closed ? 1 : 0);
  g_assert_true (holboo_xml_stream_is_closed (c->stream) == tc->closed);
  g_assert_true (holboo_xml_stream_is_open (c->stream) == !tc->closed);
}

static void
run_valid (const ValidCase *tc,
           const gsize     *cuts,
           guint            n_cuts,
           gsize            piece,
           const char      *how)
{
  g_autoptr(GError) error = NULL;
  Collector c;
  gboolean ok;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  if (cuts != NULL)
    ok = collector_feed_at (&c, tc->input, strlen (tc->input), cuts, n_cuts, &error);
  else
    ok = collector_feed (&c, tc->input, strlen (tc->input), piece, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_collected (&c, tc, how);
  collector_clear (&c);
}

/* The same stanzas however the input is cut: whole, byte by byte, at
 * every single boundary, and at random boundaries. */
static void
test_valid (gconstpointer data)
{
  const ValidCase *tc = data;
  gsize len = strlen (tc->input);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_str_hash (tc->name));

  run_valid (tc, NULL, 0, 0, "whole");
  run_valid (tc, NULL, 0, 1, "byte by byte");

  for (gsize cut = 1; cut < len; cut++)
    run_valid (tc, &cut, 1, 0, "one cut");

  for (guint round = 0; round < 50; round++)
    {
      gsize cuts[12];

      for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
        cuts[i] = g_rand_int_range (rand, 0, len + 1);
      for (guint i = 1; i < G_N_ELEMENTS (cuts); i++)
        for (guint j = i; j > 0 && cuts[j - 1] > cuts[j]; j--)
          {
            gsize t = cuts[j];
            cuts[j] = cuts[j - 1];
            cuts[j - 1] = t;
          }
      run_valid (tc, cuts, G_N_ELEMENTS (cuts), 0, "random cuts");
    }
}

static void
test_header (void)
{
  g_autoptr(GError) error = NULL;
  Collector c;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  g_assert_null (holboo_xml_stream_get_header (c.stream));
  g_assert_false (holboo_xml_stream_is_open (c.stream));
  g_assert_true (collector_feed (&c, TEST_STREAM_HEADER, strlen (TEST_STREAM_HEADER), 0, &error));
  g_assert_no_error (error);

  g_assert_nonnull (c.header);
  g_assert_true (c.header == holboo_xml_stream_get_header (c.stream));
  g_assert_true (holboo_xml_node_is (c.header, "stream", HOLBOO_XMLNS_STREAM));
  g_assert_cmpstr (holboo_xml_node_get_attribute (c.header, "id"), ==, "s1");
  g_assert_cmpstr (holboo_xml_node_get_attribute (c.header, "from"), ==, "example.mn");
  g_assert_cmpstr (holboo_xml_node_get_attribute (c.header, "version"), ==, "1.0");
  g_assert_cmpstr (holboo_xml_node_get_attribute_ns (c.header, HOLBOO_XMLNS_XML, "lang"), ==, "mn");
  g_assert_null (holboo_xml_node_get_first_child (c.header));
  g_assert_true (holboo_xml_stream_is_open (c.stream));
  collector_clear (&c);
}

/* parse → serialize → parse gives the same tree and the same text, both
 * self-contained and inside a client stream. */
static void
test_round_trip (void)
{
  g_autoptr(GString) wire = g_string_new (NULL);
  g_autoptr(GPtrArray) originals = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  g_autoptr(GError) error = NULL;
  Collector c;

  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      const ValidCase *tc = &valid_cases[i];

      collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
      g_assert_true (collector_feed (&c, tc->input, strlen (tc->input), 0, &error));

      for (guint j = 0; j < c.nodes->len; j++)
        {
          HolbooXmlNode *node = g_ptr_array_index (c.nodes, j);
          const char *xml = g_ptr_array_index (c.stanzas, j);
          g_autoptr(HolbooXmlNode) again = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);
          g_autofree char *xml2 = NULL;

          g_assert_no_error (error);
          g_assert_true (holboo_xml_node_equal (node, again));
          xml2 = holboo_xml_node_to_string (again);
          g_assert_cmpstr (xml, ==, xml2);

          g_ptr_array_add (originals, holboo_xml_node_ref (node));
        }
      collector_clear (&c);
    }

  /* The same stanzas as the client writes them on a TCP stream. */
  {
    g_autofree char *open = holboo_xml_stream_build_open (HOLBOO_XML_STREAM_FRAMING_TCP,
                                                          "example.mn", NULL, NULL);
    g_string_append (wire, open);
  }
  for (guint i = 0; i < originals->len; i++)
    holboo_xml_stream_write_element (HOLBOO_XML_STREAM_FRAMING_TCP,
                                     g_ptr_array_index (originals, i), wire);
  g_string_append (wire, holboo_xml_stream_build_close (HOLBOO_XML_STREAM_FRAMING_TCP));

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  g_assert_true (collector_feed (&c, wire->str, wire->len, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.nodes->len, ==, originals->len);
  for (guint i = 0; i < originals->len; i++)
    g_assert_true (holboo_xml_node_equal (g_ptr_array_index (originals, i),
                                          g_ptr_array_index (c.nodes, i)));
  g_assert_cmpuint (c.n_closed, ==, 1);
  collector_clear (&c);
}

static void
test_build_open (void)
{
  g_autofree char *tcp = holboo_xml_stream_build_open (HOLBOO_XML_STREAM_FRAMING_TCP,
                                                       "example.mn", "bat@example.mn", "mn");
  g_autofree char *odd = holboo_xml_stream_build_open (HOLBOO_XML_STREAM_FRAMING_TCP,
                                                       "a'<&b", NULL, NULL);
  g_autofree char *ws = holboo_xml_stream_build_open (HOLBOO_XML_STREAM_FRAMING_WEBSOCKET,
                                                      "example.mn", NULL, "en");
  g_autoptr(HolbooXmlNode) open = NULL;
  g_autoptr(GError) error = NULL;
  Collector c;

  g_assert_cmpstr (tcp, ==,
                   "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
                   " xmlns:stream='http://etherx.jabber.org/streams' to='example.mn'"
                   " from='bat@example.mn' version='1.0' xml:lang='mn'>");

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  g_assert_true (collector_feed (&c, odd, strlen (odd), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_xml_node_get_attribute (c.header, "to"), ==, "a'<&b");
  g_assert_null (holboo_xml_node_get_attribute (c.header, "from"));
  collector_clear (&c);

  g_assert_cmpstr (ws, ==,
                   "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.mn'"
                   " version='1.0' xml:lang='en'/>");
  open = holboo_xml_parse_element (ws, strlen (ws), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (holboo_xml_node_is (open, "open", HOLBOO_XMLNS_FRAMING));

  g_assert_cmpstr (holboo_xml_stream_build_close (HOLBOO_XML_STREAM_FRAMING_TCP), ==,
                   "</stream:stream>");
  g_assert_cmpstr (holboo_xml_stream_build_close (HOLBOO_XML_STREAM_FRAMING_WEBSOCKET), ==,
                   "<close xmlns='urn:ietf:params:xml:ns:xmpp-framing'/>");
}

/* A stanza that arrives in many small pieces, the last of them tiny:
 * expat's reparse deferral would sit on it until more data came. */
static void
test_many_feeds (void)
{
  g_autofree char *body = repeat_string ("Монгол ", 20000);
  g_autofree char *stanza = g_strdup_printf ("<message id='big'><body>%s</body></message>", body);
  g_autoptr(GError) error = NULL;
  Collector c;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  g_assert_true (collector_feed (&c, TEST_STREAM_HEADER, strlen (TEST_STREAM_HEADER), 0, &error));
  g_assert_true (collector_feed (&c, stanza, strlen (stanza), 13, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.nodes->len, ==, 1);
  g_assert_cmpstr (holboo_xml_node_get_child_text (g_ptr_array_index (c.nodes, 0), "body",
                                                   HOLBOO_XMLNS_CLIENT), ==, body);

  /* Long text and CDATA never count as one long tag. */
  {
    g_autofree char *cdata = g_strdup_printf ("<message><body><![CDATA[%s]]></body></message>", body);

    g_assert_true (collector_feed (&c, cdata, strlen (cdata), 5, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (c.nodes->len, ==, 2);
    g_assert_cmpstr (holboo_xml_node_get_child_text (g_ptr_array_index (c.nodes, 1), "body",
                                                     HOLBOO_XMLNS_CLIENT), ==, body);
    g_ptr_array_set_size (c.nodes, 1);
  }

  g_assert_true (collector_feed (&c, "<message><body>x</body>", 23, 0, &error));
  g_assert_true (collector_feed (&c, "</messa", 7, 0, &error));
  g_assert_cmpuint (c.nodes->len, ==, 1);
  g_assert_true (collector_feed (&c, "ge>", 3, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.nodes->len, ==, 2);
  collector_clear (&c);
}

/* A start tag near the tag limit, fed byte by byte, arrives whole; one
 * over it is refused; a raised limit lets a 512 KiB tag through. */
static void
test_long_tag (void)
{
  g_autofree char *value = repeat_string ("x", HOLBOO_XML_DEFAULT_MAX_TAG_SIZE - 100);
  g_autofree char *stanza = g_strdup_printf ("<message id='%s'/>", value);
  g_autofree char *big_value = repeat_string ("y", 512 * 1024);
  g_autofree char *big = g_strdup_printf ("<message id='%s'/>", big_value);
  HolbooXmlLimits limits;
  g_autoptr(GError) error = NULL;
  Collector c;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  g_assert_true (collector_feed (&c, TEST_STREAM_HEADER, strlen (TEST_STREAM_HEADER), 0, &error));
  g_assert_true (collector_feed (&c, stanza, strlen (stanza), 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.nodes->len, ==, 1);
  g_assert_cmpstr (holboo_xml_node_get_attribute (g_ptr_array_index (c.nodes, 0), "id"), ==, value);

  g_assert_false (collector_feed (&c, big, strlen (big), 4096, &error));
  g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
  g_clear_error (&error);

  holboo_xml_stream_get_limits (c.stream, &limits);
  limits.max_tag_size = 600 * 1024;
  holboo_xml_stream_set_limits (c.stream, &limits);
  holboo_xml_stream_reset (c.stream);
  g_assert_true (collector_feed (&c, TEST_STREAM_HEADER, strlen (TEST_STREAM_HEADER), 0, &error));
  g_assert_true (collector_feed (&c, big, strlen (big), 4096, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.nodes->len, ==, 2);
  g_assert_cmpstr (holboo_xml_node_get_attribute (g_ptr_array_index (c.nodes, 1), "id"), ==, big_value);
  collector_clear (&c);
}

static void
test_close (void)
{
  const char *input = TEST_STREAM_HEADER "<presence/></stream:stream>";
  g_autoptr(GError) error = NULL;
  Collector c;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  g_assert_true (collector_feed (&c, input, strlen (input), 0, &error));
  g_assert_cmpuint (c.n_closed, ==, 1);
  g_assert_true (holboo_xml_stream_is_closed (c.stream));

  /* Whatever follows the end of the stream is ignored. */
  g_assert_true (collector_feed (&c, "<presence/>garbage<<<\xff", 22, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.stanzas->len, ==, 1);
  g_assert_cmpuint (c.n_closed, ==, 1);
  collector_clear (&c);
}

/* SASL success and the server's new stream in one read: the handler
 * resets, the rest is parsed as the new stream. */
static void
test_reset_in_handler (void)
{
  const char *input =
    TEST_STREAM_HEADER
    "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
    "<mechanism>SCRAM-SHA-1</mechanism></mechanisms></stream:features>"
    "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>dj1y</success>"
    "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
    " xmlns:stream='http://etherx.jabber.org/streams' id='s2' version='1.0'>"
    "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>";
  gsize pieces[] = { 0, 1, 5, 64 };

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autoptr(GError) error = NULL;
      Collector c;

      collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
      c.reset_after = g_strdup ("success");
      g_assert_true (collector_feed (&c, input, strlen (input), pieces[i], &error));
      g_assert_no_error (error);

      g_assert_cmpuint (c.stanzas->len, ==, 3);
      g_assert_cmpuint (c.n_opened, ==, 2);
      g_assert_cmpstr (holboo_xml_node_get_attribute (c.header, "id"), ==, "s2");
      g_assert_true (holboo_xml_stream_get_header (c.stream) == c.header);
      g_assert_cmpstr (g_ptr_array_index (c.stanzas, 1), ==,
                       "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>dj1y</success>");
      g_assert_cmpstr (g_ptr_array_index (c.stanzas, 2), ==,
                       "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
                       "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
      collector_clear (&c);
    }
}

static void
test_reset_and_reuse (void)
{
  g_autoptr(GError) error = NULL;
  Collector c;
  const char *valid = TEST_STREAM_HEADER "<presence/>";
  const char *partial = TEST_STREAM_HEADER "<message><body>ha";

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);

  /* In the middle of a stanza: the half stanza is dropped. */
  g_assert_true (collector_feed (&c, partial, strlen (partial), 0, &error));
  holboo_xml_stream_reset (c.stream);
  g_assert_null (holboo_xml_stream_get_header (c.stream));
  g_assert_false (holboo_xml_stream_is_open (c.stream));
  g_assert_true (collector_feed (&c, valid, strlen (valid), 0, &error));
  g_assert_cmpuint (c.stanzas->len, ==, 1);

  /* After an error, which stays until reset. */
  g_assert_false (collector_feed (&c, "<<", 2, 0, &error));
  g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED);
  g_clear_error (&error);
  g_assert_false (collector_feed (&c, "<presence/>", 11, 0, &error));
  g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED);
  g_clear_error (&error);
  holboo_xml_stream_reset (c.stream);
  collector_forget (&c);
  g_assert_true (collector_feed (&c, valid, strlen (valid), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.stanzas->len, ==, 1);

  /* After the end of a stream. */
  g_assert_true (collector_feed (&c, "</stream:stream>", 16, 0, &error));
  holboo_xml_stream_reset (c.stream);
  g_assert_true (collector_feed (&c, valid, strlen (valid), 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.stanzas->len, ==, 2);
  g_assert_cmpuint (c.n_opened, ==, 2);
  collector_clear (&c);
}

static void
on_stanza_drop_stream (HolbooXmlStream *stream,
                       HolbooXmlNode   *stanza,
                       HolbooXmlStream **slot)
{
  g_clear_object (slot);
}

/* A handler may drop the last reference to the stream. */
static void
test_unref_in_handler (void)
{
  HolbooXmlStream *stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  const char *input = TEST_STREAM_HEADER "<presence/><presence/>";

  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza_drop_stream), &stream);
  g_assert_true (holboo_xml_stream_feed (stream, input, strlen (input), NULL));
  g_assert_null (stream);
}

static void
test_websocket (void)
{
  const char *frames[] = {
    "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' from='example.mn' id='w1' version='1.0' xml:lang='en'/>",
    "<stream:features xmlns:stream='http://etherx.jabber.org/streams'>"
    "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism></mechanisms>"
    "</stream:features>",
    "<?xml version='1.0'?><message xmlns='jabber:client' to='a@example.mn'><body>hi</body></message>",
    "<close xmlns='urn:ietf:params:xml:ns:xmpp-framing' see-other-uri='wss://other.example.mn/ws'/>",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  Collector c;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_WEBSOCKET);
  g_assert_cmpint (holboo_xml_stream_get_framing (c.stream), ==, HOLBOO_XML_STREAM_FRAMING_WEBSOCKET);

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      g_assert_true (holboo_xml_stream_feed (c.stream, frames[i], strlen (frames[i]), &error));
      g_assert_no_error (error);
    }

  g_assert_cmpuint (c.n_opened, ==, 1);
  g_assert_cmpstr (holboo_xml_node_get_attribute (c.header, "id"), ==, "w1");
  g_assert_cmpstr (holboo_xml_node_get_attribute_ns (c.header, HOLBOO_XMLNS_XML, "lang"), ==, "en");
  g_assert_cmpuint (c.stanzas->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (c.stanzas, 0), ==, frames[1]);
  g_assert_cmpstr (g_ptr_array_index (c.stanzas, 1), ==,
                   "<message xmlns='jabber:client' to='a@example.mn'><body>hi</body></message>");
  g_assert_cmpuint (c.n_closed, ==, 1);
  g_assert_cmpstr (holboo_xml_node_get_attribute (c.close, "see-other-uri"), ==,
                   "wss://other.example.mn/ws");
  g_assert_true (holboo_xml_stream_is_closed (c.stream));

  /* What the client writes on WebSocket is self-contained. */
  holboo_xml_stream_write_element (HOLBOO_XML_STREAM_FRAMING_WEBSOCKET,
                                   g_ptr_array_index (c.nodes, 1), out);
  g_assert_cmpstr (out->str, ==, g_ptr_array_index (c.stanzas, 1));

  /* A new stream after SASL: reset, then a new <open/>. */
  holboo_xml_stream_reset (c.stream);
  g_assert_true (holboo_xml_stream_feed (c.stream, frames[0], strlen (frames[0]), &error));
  g_assert_cmpuint (c.n_opened, ==, 2);
  g_assert_true (holboo_xml_stream_is_open (c.stream));
  collector_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml-stream/valid/%s", valid_cases[i].name);

      g_test_add_data_func (path, &valid_cases[i], test_valid);
    }
  g_test_add_func ("/xml-stream/header", test_header);
  g_test_add_func ("/xml-stream/round-trip", test_round_trip);
  g_test_add_func ("/xml-stream/build-open", test_build_open);
  g_test_add_func ("/xml-stream/many-feeds", test_many_feeds);
  g_test_add_func ("/xml-stream/long-tag", test_long_tag);
  g_test_add_func ("/xml-stream/close", test_close);
  g_test_add_func ("/xml-stream/reset-in-handler", test_reset_in_handler);
  g_test_add_func ("/xml-stream/reset-and-reuse", test_reset_and_reuse);
  g_test_add_func ("/xml-stream/unref-in-handler", test_unref_in_handler);
  g_test_add_func ("/xml-stream/websocket", test_websocket);

  return g_test_run ();
}
