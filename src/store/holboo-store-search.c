/* holboo-store-search.c: full-text search over message bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

#include <string.h>

/* What a search box can ask for: the rest of a longer text is ignored. */
#define MAX_TERMS      16
#define MAX_TERM_BYTES 256
#define MAX_TEXT_BYTES (MAX_TERMS * (MAX_TERM_BYTES + 1))

/* Letters, digits, marks and private-use characters: what unicode61
 * makes tokens of. */
static gboolean
is_token_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) ||
         g_unichar_type (c) == G_UNICODE_PRIVATE_USE;
}

/* The length in characters of the last token in @term (0: none). */
static guint
last_token_length (const char *term)
{
  guint run = 0, last = 0;

  for (const char *p = term; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_token_char (g_utf8_get_char (p)))
        last = ++run;
      else
        run = 0;
    }
  return last;
}

/* Cuts @s to at most @max bytes without splitting a character. */
static void
truncate_utf8 (GString *s,
               gsize    max)
{
  const char *end;

  if (s->len <= max)
    return;
  end = g_utf8_find_prev_char (s->str, s->str + max + 1);
  g_string_truncate (s, end != NULL ? (gsize) (end - s->str) : 0);
}

static void
append_term (GString    *query,
             const char *term)
{
  if (query->len > 0)
    g_string_append_c (query, ' ');

  /* A quoted string is always one FTS5 phrase: operators, column
   * filters, parentheses and stars inside it are just text. */
  g_string_append_c (query, '"');
  for (const char *p = term; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, *p);
    }
  g_string_append_c (query, '"');

  /* Words match by their beginning, so that a search finds the word as
   * it is being typed, and Mongolian suffixes need not be typed.  The
   * prefix is the phrase's last token; one letter alone would match a
   * large part of the index, so it must be a whole word. */
  if (last_token_length (term) >= 2)
    g_string_append_c (query, '*');
}

/**
 * holboo_store_build_fts_query:
 * @text: (nullable): what the user typed
 *
 * Turns any text into an FTS5 query that cannot be a syntax error: each
 * word (split at white space) becomes a quoted phrase, its last token
 * matched as a word prefix when it has two characters or more; a message must
 * contain all of them.  Quotes, `AND`/`OR`/`NOT`/`NEAR`, `*`, `^`,
 * parentheses and column filters are searched as text.  Invalid UTF-8
 * is repaired; at most 16 words of at most 256 bytes are used; words
 * without a letter or digit are dropped.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text
 *   has nothing to search for
 */
char *
holboo_store_build_fts_query (const char *text)
{
  g_autoptr(GString) query = NULL;
  g_autofree char *valid = NULL;
  g_auto(GStrv) words = NULL;
  guint n_terms = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, strnlen (text, MAX_TEXT_BYTES));
  query = g_string_new (NULL);

  /* Any white space separates words: tabs, new lines, NBSP and other
   * Unicode spaces are folded to ' ' first. */
  {
    g_autoptr(GString) spaced = g_string_new (NULL);

    for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
          g_string_append_c (spaced, ' ');
        else
          g_string_append_unichar (spaced, c);
      }
    words = g_strsplit (spaced->str, " ", -1);
  }

  for (guint i = 0; words[i] != NULL && n_terms < MAX_TERMS; i++)
    {
      g_autoptr(GString) term = g_string_new (words[i]);

      truncate_utf8 (term, MAX_TERM_BYTES);
      if (last_token_length (term->str) == 0)
        continue;
      append_term (query, term->str);
      n_terms++;
    }

  if (n_terms == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * holboo_store_search_messages:
 * @self: an open store
 * @query: (nullable): what the user typed; never a syntax error (see
 *   holboo_store_build_fts_query())
 * @conversation_id: search one conversation, or 0 for all
 * @limit: at most this many hits
 * @error: return location for a #GError
 *
 * Finds messages whose body has every word of @query, as a word or the
 * beginning of one (case and Latin accents ignored; Cyrillic letters
 * kept apart: й is not и, ө is not о).
 *
 * Returns: (transfer full) (element-type HolbooSearchHit): the hits, the
 *   most recently stored first (an empty array when @query has nothing
 *   to search for), or %NULL with @error set
 */
GPtrArray *
holboo_store_search_messages (HolbooStore  *self,
                              const char   *query,
                              gint64        conversation_id,
                              guint         limit,
                              GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *fts_query = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_search_hit_free);
  fts_query = holboo_store_build_fts_query (query);
  if (fts_query == NULL || limit == 0)
    return g_steal_pointer (&hits);

  /* Row order is the index's own order: LIMIT stops the scan early and
   * only the hits returned pay for a snippet. */
  stmt = _holboo_store_prepare (self,
                                "SELECT messages_fts.rowid, m.conversation_id, m.timestamp,"
                                "  snippet (messages_fts, 0, char (2), char (3), '…', 12) "
                                "FROM messages_fts JOIN messages m ON m.id = messages_fts.rowid "
                                "WHERE messages_fts MATCH ?1 AND (?2 = 0 OR m.conversation_id = ?2) "
                                "ORDER BY messages_fts.rowid DESC LIMIT ?3;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, conversation_id);
  sqlite3_bind_int64 (stmt, 3, limit);

  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      HolbooSearchHit *hit = g_new0 (HolbooSearchHit, 1);

      hit->message_id = sqlite3_column_int64 (stmt, 0);
      hit->conversation_id = sqlite3_column_int64 (stmt, 1);
      hit->timestamp = sqlite3_column_int64 (stmt, 2);
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (hits, hit);
    }
  return rc == SQLITE_DONE ? g_steal_pointer (&hits) : NULL;
}
