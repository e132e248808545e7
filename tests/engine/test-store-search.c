/* test-store-search.c: full-text search in Mongolian and English, and
 * user text that must never be an FTS5 syntax error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-search"

#include "config.h"

#include "store-message-util.h"

#include <string.h>

#define T0 G_GINT64_CONSTANT (1700000000000000)

static const struct {
  const char *peer;
  const char *body;
} corpus[] = {
  { PEER, "Сайн байна уу? Гэрээний төслийг илгээлээ." },             /* 0 */
  { PEER, "ӨГЛӨӨНИЙ уулзалт 10 цагт, Үнийн санал бэлэн үү?" },        /* 1 */
  { PEER, "Мой йогурт" },                                             /* 2 */
  { PEER, "Café naïve résumé" },                                      /* 3 */
  { "saraa@example.mn", "Meeting tomorrow at 10, сайн уу" },          /* 4 */
  { "saraa@example.mn", "write to e-mail bold@example.mn (urgent!)" }, /* 5 */
  { "saraa@example.mn", "Мои документы" },                            /* 6 */
};

typedef struct {
  Fixture      base;
  HolbooStore *store;
  gint64       ids[G_N_ELEMENTS (corpus)];
  gint64       conv_peer;
} SearchFixture;

static void
search_set_up (SearchFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&f->base, data);
  f->store = holboo_store_new (f->base.path, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autoptr(HolbooStoredMessage) m = make_message (HOLBOO_MESSAGE_INCOMING, corpus[i].peer,
                                                       corpus[i].body, T0 + i);
      HolbooInsertResult result;

      g_assert_true (holboo_store_insert_messages (f->store, &m, 1, &result, &error));
      f->ids[i] = result.id;
      if (i == 0)
        f->conv_peer = result.conversation_id;
    }
}

static void
search_tear_down (SearchFixture *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  fixture_tear_down (&f->base, data);
}

/* The hits' corpus indexes, as "0,4" (newest first). */
static char *
search (SearchFixture *f,
        const char    *query,
        gint64         conversation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = holboo_store_search_messages (f->store, query, conversation_id, 20, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      HolbooSearchHit *hit = hits->pdata[i];

      for (guint j = 0; j < G_N_ELEMENTS (corpus); j++)
        if (f->ids[j] == hit->message_id)
          g_string_append_printf (out, "%s%u", out->len ? "," : "", j);
      g_assert_cmpint (hit->timestamp, >=, T0);
      g_assert_nonnull (hit->snippet);
    }
  return g_string_free (out, FALSE);
}

#define ASSERT_SEARCH(query, conv, expect) G_STMT_START {                     \
    g_autofree char *got_ = search (f, query, conv);                          \
    g_assert_cmpstr (got_, ==, expect);                                       \
  } G_STMT_END

static void
test_languages (SearchFixture *f,
                gconstpointer  data)
{
  /* Cyrillic case folding, including Ө and Ү */
  ASSERT_SEARCH ("сайн", 0, "4,0");
  ASSERT_SEARCH ("САЙН", 0, "4,0");
  ASSERT_SEARCH ("өглөөний", 0, "1");
  ASSERT_SEARCH ("үнийн САНАЛ", 0, "1");
  /* word beginnings: Mongolian suffixes need not be typed */
  ASSERT_SEARCH ("гэрээ", 0, "0");
  ASSERT_SEARCH ("өглөө", 0, "1");
  /* й and и are different letters: no diacritic folding in Cyrillic */
  ASSERT_SEARCH ("мой", 0, "2");
  ASSERT_SEARCH ("мои", 0, "6");
  ASSERT_SEARCH ("йогурт", 0, "2");
  ASSERT_SEARCH ("иогурт", 0, "");
  /* Latin accents fold both ways */
  ASSERT_SEARCH ("cafe", 0, "3");
  ASSERT_SEARCH ("CAFÉ résume", 0, "3");
  ASSERT_SEARCH ("naive", 0, "3");
  /* every word must match, in any order */
  ASSERT_SEARCH ("tomorrow meeting", 0, "4");
  ASSERT_SEARCH ("meeting йогурт", 0, "");
  ASSERT_SEARCH ("10", 0, "4,1");
  /* punctuation inside a word: a phrase of its parts */
  ASSERT_SEARCH ("e-mail", 0, "5");
  ASSERT_SEARCH ("bold@example.mn", 0, "5");
  ASSERT_SEARCH ("(urgent!)", 0, "5");
  /* one conversation */
  ASSERT_SEARCH ("сайн", f->conv_peer, "0");
  ASSERT_SEARCH ("meeting", f->conv_peer, "");
  /* nothing to search for */
  ASSERT_SEARCH ("", 0, "");
  ASSERT_SEARCH (NULL, 0, "");
  ASSERT_SEARCH ("   \t\n ", 0, "");
  ASSERT_SEARCH ("?!…", 0, "");
}

static void
test_snippet_and_limit (SearchFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  HolbooSearchHit *hit;

  hits = holboo_store_search_messages (f->store, "гэрээ", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_test_message ("snippet: %s", hit->snippet);
  g_assert_nonnull (strstr (hit->snippet, HOLBOO_SEARCH_MATCH_START "Гэрээний" HOLBOO_SEARCH_MATCH_END));
  g_assert_cmpint (hit->message_id, ==, f->ids[0]);
  g_assert_cmpint (hit->conversation_id, ==, f->conv_peer);
  g_assert_cmpint (hit->timestamp, ==, T0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = holboo_store_search_messages (f->store, "10", 0, 1, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((HolbooSearchHit *) hits->pdata[0])->message_id, ==, f->ids[4]);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = holboo_store_search_messages (f->store, "10", 0, 0, &error);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_build_query (void)
{
  static const struct {
    const char *text;
    const char *query;
  } cases[] = {
    { "сайн", "\"сайн\"*" },
    { "  Сайн   уу ", "\"Сайн\"* \"уу\"*" },
    { "a", "\"a\"" },
    { "a\"b", "\"a\"\"b\"" },
    { "a\"bc", "\"a\"\"bc\"*" },
    { "\"", NULL },
    { "AND OR", "\"AND\"* \"OR\"*" },
    { "NEAR(a b)", "\"NEAR(a\" \"b)\"" },
    { "NEAR(ab, cd)", "\"NEAR(ab,\"* \"cd)\"*" },
    { "body:x", "\"body:x\"" },
    { "x*", "\"x*\"" },
    { "сайн*", "\"сайн*\"*" },
    { "a\xc2\xa0" "b", "\"a\" \"b\"" },        /* no-break space */
    { "a\xe3\x80\x80" "b", "\"a\" \"b\"" },    /* ideographic space */
    { "\xff\xfe", NULL },
    { "", NULL },
    { "-- ** ::", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *q = holboo_store_build_fts_query (cases[i].text);

      g_assert_cmpstr (q, ==, cases[i].query);
    }

  /* At most 16 words are searched. */
  {
    g_autofree char *q = holboo_store_build_fts_query ("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18");

    g_assert_nonnull (strstr (q, "\"16\""));
    g_assert_null (strstr (q, "\"17\""));
  }
}

/* Whatever the user types, the search runs: no syntax error, no
 * crash, bounded work. */
static void
test_hostile (SearchFixture *f,
              gconstpointer  data)
{
  static const char * const queries[] = {
    "\"", "\"\"", "\"\"\"", "\"сайн", "сайн\"", "'", "''", "`",
    "AND", "OR", "NOT", "NEAR", "сайн AND", "OR сайн", "NOT сайн", "сайн NOT",
    "AND AND AND", "NEAR(сайн уу)", "NEAR(сайн уу, 2)", "NEAR(", "NEAR/3",
    "*", "**", "сайн*", "*сайн", "^", "^сайн", "+", "-", "-сайн", "+сайн",
    "(", ")", "((сайн", "сайн))", "()", "( )", "{", "}", "{body}: сайн", "body:",
    "body:сайн", "messages_fts:сайн", ":", "::", "\\", "\\\"", "%", "_", "%сайн%",
    "\x01", "\x1f", "\x7f", "\xff", "\xc3", "a\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "😀", "сайн 😀", "\xe2\x80\x8b", "ﷺ", "e\xcc\x81", "\xd8\xa7\xd9\x84\xd8\xb9",
    "rank:bm25", "sqlite_master", "'; DROP TABLE messages; --",
    "\"a\" OR \"b\" AND NOT (c NEAR d)*",
  };
  g_autoptr(GString) big_words = g_string_new (NULL);
  g_autoptr(GString) big_token = g_string_new (NULL);
  g_autoptr(GString) big_quotes = g_string_new (NULL);
  g_autoptr(GString) big_parens = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = holboo_store_search_messages (f->store, queries[i], 0, 20, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = holboo_store_search_messages (f->store, queries[i], f->conv_peer, 20, &error);
      g_assert_no_error (error);
    }

  /* 100 KB queries. */
  while (big_words->len < 100 * 1024)
    g_string_append (big_words, "сайн OR \"уу\" NEAR( ");
  while (big_token->len < 100 * 1024)
    g_string_append (big_token, "ө");
  while (big_quotes->len < 100 * 1024)
    g_string_append_c (big_quotes, '"');
  while (big_parens->len < 100 * 1024)
    g_string_append (big_parens, "((сайн ");

  {
    const char *bigs[] = { big_words->str, big_token->str, big_quotes->str, big_parens->str };

    for (guint i = 0; i < G_N_ELEMENTS (bigs); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) hits = NULL;
        gint64 start = g_get_monotonic_time ();

        hits = holboo_store_search_messages (f->store, bigs[i], 0, 20, &error);
        g_assert_no_error (error);
        g_assert_nonnull (hits);
        g_test_message ("100 KB query %u: %u hits in %.1f ms", i, hits->len,
                        (g_get_monotonic_time () - start) / 1000.0);
      }
  }

  /* The hostile text did not hurt the index. */
  ASSERT_SEARCH ("сайн", 0, "4,0");
  ASSERT_SEARCH ("\"сайн", 0, "4,0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/search/" name, SearchFixture, NULL, search_set_up, func, search_tear_down)
  ADD ("languages", test_languages);
  ADD ("snippet-and-limit", test_snippet_and_limit);
  ADD ("hostile", test_hostile);
#undef ADD
  g_test_add_func ("/store/search/build-query", test_build_query);

  return g_test_run ();
}
