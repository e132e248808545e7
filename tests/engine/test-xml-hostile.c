/* test-xml-hostile.c: HolbooXmlStream against hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case must end in its RFC 6120 stream error condition, the same
 * whether the input comes whole or byte by byte, and leave a stream that
 * works again after a reset.
 */

#include "config.h"

#include "xml-test-util.h"
#include "holboo-xml-utf8-private.h"

#include <stdlib.h>

#define HDR TEST_STREAM_HEADER

typedef struct {
  const char          *name;
  const char          *input;
  gsize                len;
  HolbooXmlStreamError code;
} HostileCase;

#define CASE(name, input, code) { name, input, sizeof (input) - 1, HOLBOO_XML_STREAM_ERROR_##code }

static const HostileCase hostile_cases[] = {
  /* RFC 6120 §11.1: no DTDs, entities, comments or PIs. */
  CASE ("doctype-internal-subset",
        "<?xml version='1.0'?><!DOCTYPE stream [<!ENTITY a 'b'>]>" HDR, RESTRICTED_XML),
  CASE ("billion-laughs",
        "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
        "<!ENTITY lol1 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
        "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>"
        "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>"
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
        "<message><body>&lol3;</body></message>", RESTRICTED_XML),
  CASE ("external-entity",
        "<!DOCTYPE s SYSTEM 'file:///etc/passwd'>" HDR, RESTRICTED_XML),
  CASE ("external-parameter-entity",
        "<!DOCTYPE s [<!ENTITY % x SYSTEM 'http://127.0.0.1/x.dtd'> %x;]>" HDR, RESTRICTED_XML),
  CASE ("comment-in-prolog", "<!-- hello -->" HDR, RESTRICTED_XML),
  CASE ("comment-between-stanzas", HDR "<presence/><!-- x -->", RESTRICTED_XML),
  CASE ("comment-in-stanza", HDR "<message><body>a<!-- x --></body></message>", RESTRICTED_XML),
  CASE ("pi-in-prolog", "<?php echo 1; ?>" HDR, RESTRICTED_XML),
  CASE ("pi-in-stanza", HDR "<message><?x y?></message>", RESTRICTED_XML),
  CASE ("misplaced-xml-declaration", HDR "<?xml version='1.0'?>", RESTRICTED_XML),
  CASE ("undefined-entity", HDR "<message><body>&lol;</body></message>", RESTRICTED_XML),
  CASE ("undefined-entity-in-attribute", HDR "<message id='&lol;'/>", RESTRICTED_XML),

  /* Broken XML. */
  CASE ("junk-before-root", "hello" HDR, NOT_WELL_FORMED),
  CASE ("mismatched-tags", HDR "<message></presence>", NOT_WELL_FORMED),
  CASE ("bad-token", HDR "<message><<</message>", NOT_WELL_FORMED),
  CASE ("duplicate-attribute", HDR "<message id='a' id='b'/>", NOT_WELL_FORMED),
  CASE ("duplicate-expanded-attribute",
        HDR "<message xmlns:a='urn:x' xmlns:b='urn:x' a:id='1' b:id='2'/>", NOT_WELL_FORMED),
  CASE ("unquoted-attribute", HDR "<message id=a/>", NOT_WELL_FORMED),
  CASE ("bad-char-ref", HDR "<message><body>&#0;</body></message>", NOT_WELL_FORMED),
  CASE ("control-char-ref", HDR "<message><body>&#x1B;</body></message>", NOT_WELL_FORMED),
  CASE ("nul-in-text", HDR "<message><body>a\0b</body></message>", NOT_WELL_FORMED),
  CASE ("nul-in-name", HDR "<mess\0age/>", NOT_WELL_FORMED),
  CASE ("nul-in-header", "<stream:str\0eam/>", NOT_WELL_FORMED),
  CASE ("control-char", HDR "<message><body>a\x01" "b</body></message>", NOT_WELL_FORMED),
  /* Valid UTF-8, but not characters XML allows there. */
  CASE ("noncharacter-fffe", HDR "<message><body>\xef\xbf\xbe</body></message>", NOT_WELL_FORMED),
  CASE ("nbsp-in-name", HDR "<mess\xc2\xa0" "age/>", NOT_WELL_FORMED),
  /* The first error counts, not a bad byte after it (found by fuzzing). */
  CASE ("syntax-error-before-bad-utf8", HDR "<message xml s='\xff'/>", NOT_WELL_FORMED),

  /* Encodings: UTF-8 only (RFC 6120 §11.6, §4.9.3.22). */
  CASE ("utf8-invalid-byte", HDR "<message><body>a\xff" "b</body></message>", UNSUPPORTED_ENCODING),
  CASE ("utf8-overlong", HDR "<message><body>\xc0\x80</body></message>", UNSUPPORTED_ENCODING),
  CASE ("utf8-surrogate", HDR "<message><body>\xed\xa0\x80</body></message>", UNSUPPORTED_ENCODING),
  CASE ("utf8-truncated", HDR "<message><body>\xe2\x82</body></message>", UNSUPPORTED_ENCODING),
  CASE ("utf8-lone-continuation", HDR "<message><body>\x80</body></message>", UNSUPPORTED_ENCODING),
  CASE ("utf8-beyond-unicode", HDR "<message><body>\xf4\x90\x80\x80</body></message>", UNSUPPORTED_ENCODING),
  CASE ("utf8-obsolete-lead-byte", HDR "<message><body>a\xfc" "aaaa</body></message>", UNSUPPORTED_ENCODING),
  CASE ("utf8-in-attribute", HDR "<message id='\xfe'/>", UNSUPPORTED_ENCODING),
  CASE ("utf8-in-name", HDR "<mess\xff" "age/>", UNSUPPORTED_ENCODING),
  CASE ("latin1-declared", "<?xml version='1.0' encoding='ISO-8859-1'?>" HDR, UNSUPPORTED_ENCODING),
  /* Expat would switch to UTF-16 on these, whatever it was told. */
  CASE ("utf16le-bom", "\xff\xfe<\0?\0x\0m\0l\0", UNSUPPORTED_ENCODING),
  CASE ("utf16be-bom", "\xfe\xff\0<\0?\0x\0m\0l", UNSUPPORTED_ENCODING),
  CASE ("utf16le-no-bom", "<\0?\0x\0m\0l\0", UNSUPPORTED_ENCODING),
  CASE ("utf16be-no-bom", "\0<\0?\0x\0m\0l", UNSUPPORTED_ENCODING),

  /* Namespaces. */
  CASE ("wrong-stream-namespace",
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://example.com/streams'>", INVALID_NAMESPACE),
  CASE ("stream-without-namespace", "<stream xmlns='jabber:client'>", INVALID_NAMESPACE),
  CASE ("server-content-namespace",
        "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'>", INVALID_NAMESPACE),
  CASE ("no-content-namespace",
        "<stream:stream xmlns:stream='http://etherx.jabber.org/streams'>", INVALID_NAMESPACE),
  CASE ("root-not-stream",
        "<stream:features xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>", BAD_FORMAT),
  CASE ("unbound-element-prefix", HDR "<foo:message/>", BAD_NAMESPACE_PREFIX),
  CASE ("unbound-attribute-prefix", HDR "<message foo:id='x'/>", BAD_NAMESPACE_PREFIX),
  CASE ("rebinding-xml-prefix", HDR "<message xmlns:xml='urn:x'/>", BAD_NAMESPACE_PREFIX),
  CASE ("binding-xmlns-prefix", HDR "<message xmlns:xmlns='urn:x'/>", BAD_NAMESPACE_PREFIX),
  CASE ("undeclaring-prefix", HDR "<message xmlns:a=''/>", BAD_NAMESPACE_PREFIX),

  /* Stream structure. */
  CASE ("text-between-stanzas", HDR "<presence/>hello<presence/>", BAD_FORMAT),
  CASE ("cdata-between-stanzas", HDR "<![CDATA[x]]><presence/>", BAD_FORMAT),
  CASE ("text-before-stream-end", HDR "hello</stream:stream>", BAD_FORMAT),
  CASE ("text-before-comment", HDR "hello<!-- -->", BAD_FORMAT),
  /* Broken markup right after the text wins, however reads are cut
   * (found by fuzzing). */
  CASE ("text-then-broken-markup", HDR "<presence/>x]]></p>", NOT_WELL_FORMED),
};

static void
expect_failure (Collector                *c,
                const char               *input,
                gsize                     len,
                gsize                     piece,
                const HostileCase        *tc)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (collector_feed (c, input, len, piece, &error));
  if (!g_error_matches (error, HOLBOO_XML_STREAM_ERROR, tc->code))
    g_error ("%s (piece %" G_GSIZE_FORMAT "): expected %s, got %s: %s", tc->name, piece,
             holboo_xml_stream_error_to_condition (tc->code),
             error->domain == HOLBOO_XML_STREAM_ERROR
               ? holboo_xml_stream_error_to_condition (error->code) : "another domain",
             error->message);
  g_assert_nonnull (error->message);
  g_assert_false (holboo_xml_stream_is_open (c->stream));

  /* The error stays until reset. */
  g_clear_error (&error);
  g_assert_false (holboo_xml_stream_feed (c->stream, "<presence/>", 11, &error));
  g_assert_error (error, HOLBOO_XML_STREAM_ERROR, (int) tc->code);
}

static void
expect_usable (Collector *c)
{
  const char *valid = HDR "<presence/>";
  g_autoptr(GError) error = NULL;

  holboo_xml_stream_reset (c->stream);
  collector_forget (c);
  g_assert_true (collector_feed (c, valid, strlen (valid), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c->stanzas->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c->stanzas, 0), ==, "<presence xmlns='jabber:client'/>");
}

static void
test_hostile (gconstpointer data)
{
  const HostileCase *tc = data;
  gsize pieces[] = { 0, 1, 3 };
  Collector c;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      expect_failure (&c, tc->input, tc->len, pieces[i], tc);
      expect_usable (&c);
      holboo_xml_stream_reset (c.stream);
    }
  collector_clear (&c);
}

static char *
nested (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, i == 0 ? "<message>" : "<x>");
  for (guint i = depth; i > 0; i--)
    g_string_append (s, i == 1 ? "</message>" : "</x>");

  return g_string_free (s, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *ok = nested (HOLBOO_XML_DEFAULT_MAX_DEPTH);
  g_autofree char *deep = nested (HOLBOO_XML_DEFAULT_MAX_DEPTH + 1);
  g_autofree char *very_deep = nested (100000);
  HolbooXmlLimits limits;
  g_autoptr(GError) error = NULL;
  Collector c;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  g_assert_true (collector_feed (&c, HDR, strlen (HDR), 0, &error));
  g_assert_true (collector_feed (&c, ok, strlen (ok), 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.stanzas->len, ==, 1);
  g_assert_false (collector_feed (&c, deep, strlen (deep), 0, &error));
  g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
  g_clear_error (&error);

  holboo_xml_stream_reset (c.stream);
  g_assert_true (collector_feed (&c, HDR, strlen (HDR), 0, &error));
  g_assert_false (collector_feed (&c, very_deep, strlen (very_deep), 0, &error));
  g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
  g_clear_error (&error);

  /* A configured limit. */
  holboo_xml_stream_get_limits (c.stream, &limits);
  g_assert_cmpuint (limits.max_depth, ==, HOLBOO_XML_DEFAULT_MAX_DEPTH);
  g_assert_cmpuint (limits.max_stanza_size, ==, HOLBOO_XML_DEFAULT_MAX_STANZA_SIZE);
  limits.max_depth = 3;
  holboo_xml_stream_set_limits (c.stream, &limits);
  holboo_xml_stream_reset (c.stream);
  g_assert_true (collector_feed (&c, HDR "<message><a><b/></a></message>", strlen (HDR) + 30, 1, &error));
  g_assert_no_error (error);
  g_assert_false (collector_feed (&c, "<message><a><b><c/></b></a></message>", 37, 0, &error));
  g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
  collector_clear (&c);
}

/* A stanza of exactly the limit passes; one byte more does not, however
 * it is cut; whitespace between stanzas does not add up. */
static void
test_size_limit (void)
{
  HolbooXmlLimits limits;
  const char *prefix = "<message><body>";
  const char *suffix = "</body></message>";
  gsize fill = 1000 - strlen (prefix) - strlen (suffix);
  g_autofree char *text = repeat_string ("a", fill);
  g_autofree char *exact = g_strconcat (prefix, text, suffix, NULL);
  g_autofree char *over = g_strconcat (prefix, text, "a", suffix, NULL);
  g_autofree char *spaces = repeat_string (" ", 999);
  gsize pieces[] = { 0, 1, 999, 1000, 1001 };

  holboo_xml_limits_init (&limits);
  limits.max_stanza_size = 1000;
  g_assert_cmpuint (strlen (exact), ==, 1000);

  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *input = g_strconcat (HDR, exact, exact, spaces, exact, NULL);
      Collector c;

      collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
      holboo_xml_stream_set_limits (c.stream, &limits);
      g_assert_true (collector_feed (&c, input, strlen (input), pieces[i], &error));
      g_assert_no_error (error);
      for (guint k = 0; k < 20; k++)
        g_assert_true (collector_feed (&c, spaces, strlen (spaces), pieces[i], &error));
      g_assert_cmpuint (c.stanzas->len, ==, 3);

      g_assert_false (collector_feed (&c, over, strlen (over), pieces[i], &error));
      g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
      g_assert_cmpuint (c.stanzas->len, ==, 3);
      collector_clear (&c);
    }

  /* The header is bounded too. */
  {
    g_autofree char *attr = repeat_string ("x", 2000);
    g_autofree char *header = g_strdup_printf ("<stream:stream xmlns='jabber:client' "
                                               "xmlns:stream='http://etherx.jabber.org/streams' id='%s'>",
                                               attr);
    g_autoptr(GError) error = NULL;
    Collector c;

    collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
    holboo_xml_stream_set_limits (c.stream, &limits);
    g_assert_false (collector_feed (&c, header, strlen (header), 0, &error));
    g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
    g_assert_cmpuint (c.n_opened, ==, 0);
    collector_clear (&c);
  }
}

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

typedef enum {
  HUGE_TEXT,
  HUGE_ATTRIBUTE,
  HUGE_NAME,
  HUGE_ELEMENTS,
} HugeKind;

static const char * const huge_units[] = {
  [HUGE_TEXT] = "aaaaaaaaaaaaaaaa",
  [HUGE_ATTRIBUTE] = "aaaaaaaaaaaaaaaa",
  [HUGE_NAME] = "nnnnnnnnnnnnnnnn",
  [HUGE_ELEMENTS] = "<a/><b/><c/><d/>",
};

static const char * const huge_prefixes[] = {
  [HUGE_TEXT] = "<message><body>",
  [HUGE_ATTRIBUTE] = "<message id='",
  [HUGE_NAME] = "<message",
  [HUGE_ELEMENTS] = "<message>",
};

/* A 10 MiB stanza, fed in one buffer or in 64 KiB reads: refused with
 * policy-violation once it passes 1 MiB, and the parser never holds
 * more than about that. */
static void
huge_stanza (HugeKind kind,
             gboolean one_buffer)
{
  const gsize total = 10 * 1024 * 1024;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) input = g_string_sized_new (total + 1024);
  gsize refused_after = 0;
  long before, after;
  Collector c;

  g_string_append (input, HDR);
  g_string_append (input, huge_prefixes[kind]);
  while (input->len < total)
    g_string_append (input, huge_units[kind]);

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_TCP);
  before = peak_rss_kib ();

  if (one_buffer)
    {
      g_assert_false (holboo_xml_stream_feed (c.stream, input->str, input->len, &error));
    }
  else
    {
      for (gsize off = 0; off < input->len; off += 65536)
        {
          if (!holboo_xml_stream_feed (c.stream, input->str + off, MIN (65536, input->len - off), &error))
            {
              refused_after = off + 65536;
              break;
            }
        }
      g_assert_cmpuint (refused_after, >, 0);
      g_assert_cmpuint (refused_after, <=, HOLBOO_XML_DEFAULT_MAX_STANZA_SIZE + 2 * 65536);
    }

  g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
  after = peak_rss_kib ();
  g_test_message ("peak RSS grew by %ld KiB", after - before);
  /* The input alone is 10 MiB; buffering it would show. */
  g_assert_cmpint (after - before, <, kind == HUGE_ELEMENTS ? 40 * 1024 : 6 * 1024);
  collector_clear (&c);
}

static void
test_huge_stanza (gconstpointer data)
{
  /* Each case in a fresh process, so that its peak RSS is its own. */
  g_test_trap_subprocess (data, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
huge_case (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);

  huge_stanza (which / 2, which % 2);
}

static void
count_stanza (HolbooXmlStream *stream,
              HolbooXmlNode   *stanza,
              guint           *count)
{
  (*count)++;
}

/* Ten MiB of keep-alives and 2 MiB of small stanzas in one read are fine:
 * the limit is per stanza, not per read. */
static void
test_big_but_fine (void)
{
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  g_autofree char *spaces = repeat_string (" \n", 5 * 1024 * 1024);
  g_autofree char *presences = repeat_string ("<presence/>", 200 * 1000);
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_signal_connect (stream, "stanza", G_CALLBACK (count_stanza), &count);
  g_assert_true (holboo_xml_stream_feed (stream, HDR, strlen (HDR), &error));
  g_assert_true (holboo_xml_stream_feed (stream, spaces, strlen (spaces), &error));
  g_assert_true (holboo_xml_stream_feed (stream, presences, strlen (presences), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 200 * 1000);
}

typedef struct {
  const char          *name;
  const char          *frame;
  gsize                len;
  HolbooXmlStreamError code;
} FrameCase;

#define FRAME(name, frame, code) { name, frame, sizeof (frame) - 1, HOLBOO_XML_STREAM_ERROR_##code }

static const FrameCase frame_cases[] = {
  FRAME ("empty", "", NOT_WELL_FORMED),
  FRAME ("whitespace", "  \n", NOT_WELL_FORMED),
  FRAME ("two-elements", "<presence xmlns='jabber:client'/><presence xmlns='jabber:client'/>",
         NOT_WELL_FORMED),
  FRAME ("unclosed", "<message xmlns='jabber:client'><body>", NOT_WELL_FORMED),
  FRAME ("tcp-stream-header",
         "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>",
         NOT_WELL_FORMED),
  FRAME ("no-namespace", "<message><body>hi</body></message>", INVALID_NAMESPACE),
  FRAME ("doctype", "<!DOCTYPE m [<!ENTITY a 'b'>]><message xmlns='jabber:client'>&a;</message>",
         RESTRICTED_XML),
  FRAME ("comment", "<message xmlns='jabber:client'><!-- --></message>", RESTRICTED_XML),
  FRAME ("utf16le", "<\0m\0/\0>\0", UNSUPPORTED_ENCODING),
  FRAME ("truncated-utf8", "<message xmlns='jabber:client'><body>\xd0", UNSUPPORTED_ENCODING),
  FRAME ("unbound-prefix", "<stream:features/>", BAD_NAMESPACE_PREFIX),
};

static void
test_websocket_hostile (void)
{
  const char *open = "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='example.mn' version='1.0'/>";
  Collector c;

  collector_init (&c, HOLBOO_XML_STREAM_FRAMING_WEBSOCKET);

  for (guint i = 0; i < G_N_ELEMENTS (frame_cases); i++)
    {
      const FrameCase *tc = &frame_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooXmlNode) node = NULL;

      holboo_xml_stream_reset (c.stream);
      collector_forget (&c);
      g_assert_true (holboo_xml_stream_feed (c.stream, open, strlen (open), &error));
      g_assert_false (holboo_xml_stream_feed (c.stream, tc->frame, tc->len, &error));
      if (!g_error_matches (error, HOLBOO_XML_STREAM_ERROR, tc->code))
        g_error ("%s: expected %s, got %s", tc->name, holboo_xml_stream_error_to_condition (tc->code),
                 error->message);
      g_assert_cmpuint (c.stanzas->len, ==, 0);
      g_clear_error (&error);

      /* Sticky, and the same through the one-shot parser. */
      g_assert_false (holboo_xml_stream_feed (c.stream, open, strlen (open), &error));
      g_assert_error (error, HOLBOO_XML_STREAM_ERROR, (int) tc->code);
      g_clear_error (&error);
      node = holboo_xml_parse_element (tc->frame, tc->len, NULL, &error);
      g_assert_null (node);
      g_assert_error (error, HOLBOO_XML_STREAM_ERROR, (int) tc->code);
    }

  /* Over the size limit. */
  {
    HolbooXmlLimits limits;
    g_autofree char *body = repeat_string ("b", 64);
    g_autofree char *frame = g_strdup_printf ("<message xmlns='jabber:client'><body>%s</body></message>", body);
    g_autoptr(GError) error = NULL;
    g_autoptr(HolbooXmlNode) node = NULL;

    holboo_xml_limits_init (&limits);
    limits.max_stanza_size = 64;
    holboo_xml_stream_reset (c.stream);
    holboo_xml_stream_set_limits (c.stream, &limits);
    g_assert_false (holboo_xml_stream_feed (c.stream, frame, strlen (frame), &error));
    g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
    g_clear_error (&error);
    node = holboo_xml_parse_element (frame, strlen (frame), &limits, &error);
    g_assert_null (node);
    g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
  }

  collector_clear (&c);
}

/* The stream's own UTF-8 check agrees with GLib on every character made
 * of a lead byte and interesting continuation bytes, and calls the cut
 * start of a valid character incomplete, not invalid. */
static void
test_utf8_validator (void)
{
  static const guchar follow[] = { 0x01, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF };

  for (guint lead = 1; lead < 256; lead++)
    for (guint a = 0; a < G_N_ELEMENTS (follow); a++)
      for (guint b = 0; b < G_N_ELEMENTS (follow); b++)
        for (guint c = 0; c < G_N_ELEMENTS (follow); c++)
          {
            char seq[4] = { (char) lead, (char) follow[a], (char) follow[b], (char) follow[c] };
            guint length = _holboo_xml_utf8_char_length (lead);
            gboolean incomplete;
            gsize valid;

            if (length == 0)
              {
                g_assert_cmpuint (_holboo_xml_utf8_valid_prefix (seq, 4, &incomplete), ==, 0);
                g_assert_false (incomplete);
                continue;
              }

            valid = _holboo_xml_utf8_valid_prefix (seq, length, &incomplete);
            g_assert_true ((valid == length) == g_utf8_validate_len (seq, length, NULL));
            g_assert_false (incomplete);

            /* Cut short: incomplete exactly when what is there is valid. */
            for (guint cut = 1; cut < length && valid == length; cut++)
              {
                g_assert_cmpuint (_holboo_xml_utf8_valid_prefix (seq, cut, &incomplete), ==, 0);
                g_assert_true (incomplete);
              }
          }

  /* Whole strings: the longest valid prefix. */
  {
    const char *text = "Монгол 😀 ascii";
    gboolean incomplete;

    g_assert_cmpuint (_holboo_xml_utf8_valid_prefix (text, strlen (text), &incomplete), ==, strlen (text));
    g_assert_cmpuint (_holboo_xml_utf8_valid_prefix ("abcdefghij\xd0", 11, &incomplete), ==, 10);
    g_assert_true (incomplete);
    g_assert_cmpuint (_holboo_xml_utf8_valid_prefix ("abcdefghij\xd0z", 12, &incomplete), ==, 10);
    g_assert_false (incomplete);
    g_assert_cmpuint (_holboo_xml_utf8_valid_prefix ("\xed\xa0\x80", 3, &incomplete), ==, 0);
    g_assert_false (incomplete);
  }
}

static void
test_conditions (void)
{
  for (int code = HOLBOO_XML_STREAM_ERROR_BAD_FORMAT; code <= HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_VERSION; code++)
    {
      const char *condition = holboo_xml_stream_error_to_condition (code);

      g_assert_nonnull (condition);
      g_assert_cmpint (holboo_xml_stream_error_from_condition (condition), ==, code);
    }

  g_assert_cmpstr (holboo_xml_stream_error_to_condition (HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED), ==,
                   "not-well-formed");
  g_assert_cmpstr (holboo_xml_stream_error_to_condition (HOLBOO_XML_STREAM_ERROR_RESTRICTED_XML), ==,
                   "restricted-xml");
  g_assert_cmpstr (holboo_xml_stream_error_to_condition (HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION), ==,
                   "policy-violation");
  g_assert_cmpint (holboo_xml_stream_error_from_condition ("see-other-host"), ==,
                   HOLBOO_XML_STREAM_ERROR_SEE_OTHER_HOST);
  g_assert_cmpint (holboo_xml_stream_error_from_condition ("no-such-thing"), ==,
                   HOLBOO_XML_STREAM_ERROR_UNDEFINED_CONDITION);
  g_assert_cmpint (holboo_xml_stream_error_from_condition (NULL), ==,
                   HOLBOO_XML_STREAM_ERROR_UNDEFINED_CONDITION);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const huge_names[] = { "text", "attribute", "name", "elements" };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/xml-hostile/%s", hostile_cases[i].name);

      g_test_add_data_func (path, &hostile_cases[i], test_hostile);
    }

  for (guint which = 0; which < 8; which++)
    {
      g_autofree char *path = g_strdup_printf ("/xml-hostile/10-mib-stanza/%s/%s",
                                               huge_names[which / 2],
                                               which % 2 ? "one-buffer" : "64k-reads");
      g_autofree char *sub = g_strconcat (path, "/subprocess", NULL);

      g_test_add_data_func_full (path, g_strdup (sub), (GTestDataFunc) test_huge_stanza, g_free);
      g_test_add_data_func (sub, GUINT_TO_POINTER (which), huge_case);
    }
  g_test_add_func ("/xml-hostile/depth", test_depth);
  g_test_add_func ("/xml-hostile/size-limit", test_size_limit);
  g_test_add_func ("/xml-hostile/big-but-fine", test_big_but_fine);
  g_test_add_func ("/xml-hostile/websocket", test_websocket_hostile);
  g_test_add_func ("/xml-hostile/conditions", test_conditions);
  g_test_add_func ("/xml-hostile/utf8-validator", test_utf8_validator);

  return g_test_run ();
}
