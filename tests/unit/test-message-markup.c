/* test-message-markup.c: message bodies as Pango markup — XEP-0393
 * styling, links, cutting, and valid markup whatever the body holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-message-markup.h"

#include <pango/pango.h>

#define D(c) "<span alpha=\"50%\">" c "</span>"

/* Valid for GtkLabel: Pango markup plus <a href="…">, which the label
 * takes out before Pango sees it. */
static void
assert_valid (const char *markup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) links = g_regex_new ("<a href=\"[^\"<>]*\">|</a>", 0, 0, NULL);
  g_autofree char *pango = g_regex_replace_literal (links, markup, -1, 0, "", 0, NULL);

  if (!pango_parse_markup (pango, -1, 0, NULL, NULL, NULL, &error))
    g_error ("Not valid markup (%s): %s", error->message, markup);
}

static void
check (const char *body,
       const char *expected)
{
  g_autofree char *markup = holboo_message_markup (body, 0, 0, NULL);

  assert_valid (markup);
  g_assert_cmpstr (markup, ==, expected);
}

static void
test_plain (void)
{
  check ("hello", "hello");
  check ("Сайн байна уу?", "Сайн байна уу?");
  check ("a < b & c > d", "a &lt; b &amp; c &gt; d");
  check ("<b>not bold</b>", "&lt;b&gt;not bold&lt;/b&gt;");
  check ("two\nlines", "two\nlines");
  check ("", "");
}

static void
test_spans (void)
{
  check ("*bold*", D ("*") "<b>bold</b>" D ("*"));
  check ("an _emphasis_ here", "an " D ("_") "<i>emphasis</i>" D ("_") " here");
  check ("~gone~", D ("~") "<s>gone</s>" D ("~"));
  check ("run `ls *` now", "run " D ("`") "<tt>ls *</tt>" D ("`") " now");
  check ("*_both_*", D ("*") "<b>" D ("_") "<i>both</i>" D ("_") "</b>" D ("*"));
  check ("*a <b>*", D ("*") "<b>a &lt;b&gt;</b>" D ("*"));
  /* Not spans: spaces inside the directives, empty, mid-word, unclosed,
   * across lines. */
  check ("* not bold *", "* not bold *");
  check ("**", "**");
  check ("2*3*4", "2*3*4");
  check ("snake_case_name", "snake_case_name");
  check ("*open", "*open");
  check ("*one\nline*", "*one\nline*");
}

static void
test_blocks (void)
{
  check ("```\n*x* <y>\n```\nafter *b*",
         D ("```") "<tt>\n*x* &lt;y&gt;\n</tt>" D ("```") "\nafter " D ("*") "<b>b</b>" D ("*"));
  check ("```c\nint x;", D ("```c") "<tt>\nint x;</tt>");
  check ("> quoted *text*\nanswer",
         "<span alpha=\"70%\">▎ quoted " D ("*") "<b>text</b>" D ("*") "</span>\nanswer");
  check (">> deeper", "<span alpha=\"70%\">▎▎ deeper</span>");
}

static void
test_links (void)
{
  check ("see https://example.mn/a_b_c?x=1&y=2.",
         "see <a href=\"https://example.mn/a_b_c?x=1&amp;y=2\">https://example.mn/a_b_c?x=1&amp;y=2</a>.");
  check ("(http://example.mn/wiki/Foo_(bar))",
         "(<a href=\"http://example.mn/wiki/Foo_(bar)\">http://example.mn/wiki/Foo_(bar)</a>)");
  check ("(see http://example.mn)", "(see <a href=\"http://example.mn\">http://example.mn</a>)");
  check ("xmpp:team@conference.example.mn?join",
         "<a href=\"xmpp:team@conference.example.mn?join\">xmpp:team@conference.example.mn?join</a>");
  check ("mail mailto:bold@example.mn!", "mail <a href=\"mailto:bold@example.mn\">mailto:bold@example.mn</a>!");
  check ("https://", "https://");
  check ("`https://example.mn`", D ("`") "<tt>https://example.mn</tt>" D ("`"));
  check ("javascript:alert(1)", "javascript:alert(1)");
  check ("https://example.mn/\"><b>x", "<a href=\"https://example.mn/\">https://example.mn/</a>&quot;&gt;&lt;b&gt;x");
}

static void
test_cut (void)
{
  g_autoptr(GString) big = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *lines = NULL;
  gboolean cut = FALSE;
  gint64 start;

  for (guint i = 0; i < 100000; i++)
    g_string_append_unichar (big, i % 7 == 6 ? ' ' : 0x0430 + i % 32);

  start = g_get_monotonic_time ();
  markup = holboo_message_markup (big->str, 1000, 30, &cut);
  g_test_message ("100,000 characters cut in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_true (cut);
  g_assert_cmpuint (g_utf8_strlen (markup, -1), ==, 1001);
  assert_valid (markup);

  lines = holboo_message_markup ("1\n2\n3\n4", 0, 2, &cut);
  g_assert_true (cut);
  g_assert_cmpstr (lines, ==, "1\n2…");

  g_clear_pointer (&lines, g_free);
  lines = holboo_message_markup ("short", 1000, 30, &cut);
  g_assert_false (cut);
  g_assert_cmpstr (lines, ==, "short");

  /* A cut inside a code block still closes it. */
  g_clear_pointer (&lines, g_free);
  lines = holboo_message_markup ("```\nabcdef", 6, 0, &cut);
  assert_valid (lines);
}

/* Whatever comes from the network, the markup is valid. */
static void
test_hostile (void)
{
  const char *alphabet[] = { "*", "_", "~", "`", "```", ">", "\n", " ", "<", "&", "\"", "'", "a", "ж",
                             "http://x.mn/", "(", ")", "\x01", "\x02", "]]>", "&#0;", "xmpp:", "🙂" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (393);

  for (guint n = 0; n < 5000; n++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *markup = NULL;
      guint len = g_rand_int_range (rand, 0, 40);

      for (guint i = 0; i < len; i++)
        g_string_append (body, alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
      markup = holboo_message_markup (body->str, g_rand_int_range (rand, 0, 30), g_rand_int_range (rand, 0, 4), NULL);
      assert_valid (markup);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/message-markup/plain", test_plain);
  g_test_add_func ("/message-markup/spans", test_spans);
  g_test_add_func ("/message-markup/blocks", test_blocks);
  g_test_add_func ("/message-markup/links", test_links);
  g_test_add_func ("/message-markup/cut", test_cut);
  g_test_add_func ("/message-markup/hostile", test_hostile);

  return g_test_run ();
}
