/* holboo-message-markup.c: a message body as Pango markup, with
 * XEP-0393 message styling and clickable links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure function, so that it is tested without a display.  Every piece
 * of the body goes through g_markup_escape_text(): the result is always
 * valid markup whatever the body holds.
 *
 * XEP-0393, the parts that matter in an office chat:
 *  - blocks: a line starting with ``` opens a preformatted block that
 *    runs to a line of ``` (or the end); lines starting with ">" are
 *    quotes (">>" nests), their text styled;
 *  - spans on one line: *strong*, _emphasis_, ~strike~, `preformatted`.
 *    An opening directive is at the start of the text, after a space or
 *    after another opening directive, and is not followed by a space; a
 *    closing one is not preceded by a space; a span is never empty.
 *    Nothing is styled inside `…`.  The directives stay visible, dimmed,
 *    so that what is copied is what was written.
 * Links: http, https, xmpp and mailto addresses, outside preformatted
 * text, without trailing punctuation (nor an unbalanced ")").
 */

#define G_LOG_DOMAIN "holboo-message-markup"

#include "config.h"

#include "holboo-message-markup.h"

#include <string.h>

#define DIM_OPEN  "<span alpha=\"50%\">"
#define DIM_CLOSE "</span>"

static const char * const schemes[] = { "https://", "http://", "xmpp:", "mailto:" };

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The length of a link starting at @s (0: none). */
static gsize
link_length (const char *s,
             gsize       len)
{
  gsize scheme = 0;
  gsize end;
  int open = 0;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      gsize n = strlen (schemes[i]);

      if (len > n && g_ascii_strncasecmp (s, schemes[i], n) == 0)
        {
          scheme = n;
          break;
        }
    }
  if (scheme == 0)
    return 0;

  end = scheme;
  while (end < len && !is_space (s[end]) && s[end] != '<' && s[end] != '>' && s[end] != '"')
    {
      if (s[end] == '(')
        open++;
      else if (s[end] == ')')
        open--;
      end++;
    }
  /* Trailing punctuation belongs to the sentence. */
  while (end > scheme)
    {
      char c = s[end - 1];

      if (c == ')' && open < 0)
        {
          open++;
          end--;
        }
      else if (strchr (".,;:!?'*_~`", c) != NULL)
        end--;
      else
        break;
    }
  return end > scheme ? end : 0;
}

static const char *
span_tag (char directive)
{
  switch (directive)
    {
    case '*': return "b";
    case '_': return "i";
    case '~': return "s";
    case '`': return "tt";
    default: return NULL;
    }
}

/* Spans and links of @s (one line, or part of one).  @at_opening: the
 * text starts where an opening directive may stand. */
static void
append_spans (GString    *out,
              const char *s,
              gsize       len,
              gboolean    at_opening)
{
  gsize plain = 0;   /* start of the text not yet written */
  gsize i = 0;

  while (i < len)
    {
      gboolean may_open = (i == 0 && at_opening) || (i > 0 && is_space (s[i - 1]));
      gboolean may_link = i == 0 || is_space (s[i - 1]) || s[i - 1] == '(';
      gsize link = may_link ? link_length (s + i, len - i) : 0;
      const char *tag = span_tag (s[i]);

      if (link > 0)
        {
          g_autofree char *href = g_markup_escape_text (s + i, link);

          append_escaped (out, s + plain, i - plain);
          g_string_append_printf (out, "<a href=\"%s\">%s</a>", href, href);
          i += link;
          plain = i;
          continue;
        }

      if (tag != NULL && may_open && i + 1 < len && !is_space (s[i + 1]) && s[i + 1] != s[i])
        {
          gsize j;

          for (j = i + 2; j < len; j++)
            if (s[j] == s[i] && !is_space (s[j - 1]))
              break;
          if (j < len)
            {
              append_escaped (out, s + plain, i - plain);
              g_string_append (out, DIM_OPEN);
              g_string_append_c (out, s[i]);
              g_string_append_printf (out, DIM_CLOSE "<%s>", tag);
              if (s[i] == '`')
                append_escaped (out, s + i + 1, j - i - 1);
              else
                append_spans (out, s + i + 1, j - i - 1, TRUE);
              g_string_append_printf (out, "</%s>", tag);
              g_string_append (out, DIM_OPEN);
              g_string_append_c (out, s[j]);
              g_string_append (out, DIM_CLOSE);
              i = j + 1;
              plain = i;
              continue;
            }
        }
      i++;
    }
  append_escaped (out, s + plain, len - plain);
}

/* Where the shown text ends: after @max_chars characters or @max_lines
 * lines, whichever comes first (0: no limit). */
static gsize
cut_length (const char *body,
            gsize       max_chars,
            guint       max_lines,
            gboolean   *cut)
{
  const char *p = body;
  gsize chars = 0;
  guint lines = 1;

  *cut = FALSE;
  while (*p != '\0')
    {
      if ((max_chars > 0 && chars >= max_chars) || (max_lines > 0 && *p == '\n' && lines >= max_lines))
        {
          *cut = TRUE;
          break;
        }
      if (*p == '\n')
        lines++;
      p = g_utf8_next_char (p);
      chars++;
    }
  return p - body;
}

/**
 * holboo_message_markup:
 * @body: the text, valid UTF-8
 * @max_chars: show at most this many characters (0: all)
 * @max_lines: and at most this many lines (0: all)
 * @out_cut: (out) (optional): whether the text was cut
 *
 * Returns: (transfer full): Pango markup for a #GtkLabel
 */
char *
holboo_message_markup (const char *body,
                       gsize       max_chars,
                       guint       max_lines,
                       gboolean   *out_cut)
{
  GString *out;
  gsize len, start = 0;
  gboolean cut;
  gboolean in_block = FALSE;

  g_return_val_if_fail (body != NULL, NULL);

  len = cut_length (body, max_chars, max_lines, &cut);
  out = g_string_sized_new (len + len / 4 + 16);

  while (start < len)
    {
      const char *line = body + start;
      const char *nl = memchr (line, '\n', len - start);
      gsize line_len = nl != NULL ? (gsize) (nl - line) : len - start;
      gboolean last = nl == NULL;

      if (in_block)
        {
          if (line_len >= 3 && strncmp (line, "```", 3) == 0 && line_len == 3)
            {
              g_string_append (out, "</tt>" DIM_OPEN "```" DIM_CLOSE);
              in_block = FALSE;
            }
          else
            append_escaped (out, line, line_len);
        }
      else if (line_len >= 3 && strncmp (line, "```", 3) == 0)
        {
          g_string_append (out, DIM_OPEN);
          append_escaped (out, line, line_len);
          g_string_append (out, DIM_CLOSE "<tt>");
          in_block = TRUE;
        }
      else if (line_len > 0 && line[0] == '>')
        {
          gsize level = 0;

          while (level < line_len && line[level] == '>')
            level++;
          g_string_append (out, "<span alpha=\"70%\">");
          for (gsize l = 0; l < level; l++)
            g_string_append (out, "▎");
          g_string_append_c (out, ' ');
          if (level < line_len && line[level] == ' ')
            level++;
          append_spans (out, line + level, line_len - level, TRUE);
          g_string_append (out, "</span>");
        }
      else
        append_spans (out, line, line_len, TRUE);

      if (!last)
        g_string_append_c (out, '\n');
      start += line_len + (last ? 0 : 1);
    }

  if (in_block)
    g_string_append (out, "</tt>");
  if (cut)
    g_string_append (out, "…");
  if (out_cut != NULL)
    *out_cut = cut;
  return g_string_free (out, FALSE);
}
