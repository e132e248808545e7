/* holboo-xmpp-fallback.c: fallback indication (XEP-0428)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some features put text in the body only for clients that do not know
 * them: the quote of a reply (XEP-0461), "this message was retracted"
 * (XEP-0424).  `<fallback for='ns'/>` says which part of the body that
 * is: `<body start='…' end='…'/>` ranges in Unicode code points
 * (XEP-0426), or the whole body when no range is given.  A client that
 * knows the feature shows the body without those ranges.
 *
 * Ranges come from the network: any that is out of the body, reversed
 * or overlapping another makes the whole indication void, and the body
 * is shown as it came — never cut at a wrong place.
 */

#define G_LOG_DOMAIN "holboo-xmpp-fallback"

#include "config.h"

#include "holboo-xmpp-fallback.h"

#include <stdlib.h>
#include <string.h>

/* More ranges than this for one feature are not believed. */
#define MAX_RANGES 16

typedef struct {
  glong start;
  glong end;
} Range;

/**
 * holboo_xmpp_fallback_add:
 * @message: a message
 * @for_ns: the namespace of the feature the fallback stands in for
 * @start: the first code point of the fallback text, or -1 (with @end
 *   -1) when the whole body is fallback
 * @end: the code point after it
 */
void
holboo_xmpp_fallback_add (HolbooXmlNode *message,
                          const char    *for_ns,
                          gssize         start,
                          gssize         end)
{
  HolbooXmlNode *fallback;

  g_return_if_fail (message != NULL);
  g_return_if_fail (for_ns != NULL);
  g_return_if_fail ((start < 0 && end < 0) || (start >= 0 && start <= end));

  fallback = holboo_xml_node_add_child_ns (message, "fallback", HOLBOO_XMLNS_FALLBACK);
  holboo_xml_node_set_attribute (fallback, "for", for_ns);
  if (start >= 0)
    {
      HolbooXmlNode *body = holboo_xml_node_add_child (fallback, "body");
      char buf[24];

      g_snprintf (buf, sizeof buf, "%" G_GSSIZE_FORMAT, start);
      holboo_xml_node_set_attribute (body, "start", buf);
      g_snprintf (buf, sizeof buf, "%" G_GSSIZE_FORMAT, end);
      holboo_xml_node_set_attribute (body, "end", buf);
    }
}

static HolbooXmlNode *
find_fallback (HolbooXmlNode *message,
               const char    *for_ns)
{
  HolbooXmlIter iter;
  HolbooXmlNode *fallback;

  holboo_xml_iter_init (&iter, message, "fallback", HOLBOO_XMLNS_FALLBACK);
  while (holboo_xml_iter_next (&iter, &fallback))
    if (g_strcmp0 (holboo_xml_node_get_attribute (fallback, "for"), for_ns) == 0)
      return fallback;
  return NULL;
}

static gboolean
parse_offset (const char *text,
              glong       max,
              glong      *out)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (glong) value;
  return TRUE;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a, *rb = b;

  return (ra->start > rb->start) - (ra->start < rb->start);
}

/* The ranges of @fallback in a body of @length code points, sorted;
 * -1 when they are not valid, 0 when there are none (the whole body). */
static int
collect_ranges (HolbooXmlNode *fallback,
                glong          length,
                Range         *ranges)
{
  HolbooXmlIter iter;
  HolbooXmlNode *body;
  int n = 0;

  holboo_xml_iter_init (&iter, fallback, "body", HOLBOO_XMLNS_FALLBACK);
  while (holboo_xml_iter_next (&iter, &body))
    {
      if (n == MAX_RANGES)
        return -1;
      if (!parse_offset (holboo_xml_node_get_attribute (body, "start"), length, &ranges[n].start) ||
          !parse_offset (holboo_xml_node_get_attribute (body, "end"), length, &ranges[n].end) ||
          ranges[n].start > ranges[n].end)
        return -1;
      n++;
    }

  qsort (ranges, n, sizeof (Range), compare_ranges);
  for (int i = 1; i < n; i++)
    if (ranges[i].start < ranges[i - 1].end)
      return -1;
  return n;
}

/**
 * holboo_xmpp_fallback_is_whole:
 *
 * Returns: whether @message says that its whole body is a fallback for
 *   @for_ns
 */
gboolean
holboo_xmpp_fallback_is_whole (HolbooXmlNode *message,
                               const char    *for_ns)
{
  HolbooXmlNode *fallback;

  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (for_ns != NULL, FALSE);

  fallback = find_fallback (message, for_ns);
  return fallback != NULL && holboo_xml_node_get_child (fallback, "body", HOLBOO_XMLNS_FALLBACK) == NULL;
}

/**
 * holboo_xmpp_fallback_strip:
 * @message: the message @body came in
 * @for_ns: the feature whose fallback to take out
 * @body: its body (valid UTF-8)
 * @out_text: (out) (transfer full): @body without the fallback
 * @out_fallback: (out) (transfer full) (optional) (nullable): the
 *   fallback text that was taken out, joined
 *
 * Returns: %TRUE when @message marks fallback text for @for_ns and the
 *   marks are valid (the outputs are set); %FALSE otherwise (they are
 *   not: show @body as it is)
 */
gboolean
holboo_xmpp_fallback_strip (HolbooXmlNode  *message,
                            const char     *for_ns,
                            const char     *body,
                            char          **out_text,
                            char          **out_fallback)
{
  Range ranges[MAX_RANGES];
  HolbooXmlNode *fallback;
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) removed = NULL;
  const char *p = body;
  glong length, pos = 0;
  int n;

  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (for_ns != NULL, FALSE);
  g_return_val_if_fail (out_text != NULL, FALSE);

  if (body == NULL)
    return FALSE;
  fallback = find_fallback (message, for_ns);
  if (fallback == NULL)
    return FALSE;

  length = g_utf8_strlen (body, -1);
  n = collect_ranges (fallback, length, ranges);
  if (n < 0)
    {
      g_debug ("Ignoring invalid fallback ranges for %s", for_ns);
      return FALSE;
    }
  if (n == 0)
    {
      ranges[0].start = 0;
      ranges[0].end = length;
      n = 1;
    }

  text = g_string_new (NULL);
  removed = g_string_new (NULL);
  for (int i = 0; i < n; i++)
    {
      const char *start = g_utf8_offset_to_pointer (p, ranges[i].start - pos);
      const char *end = g_utf8_offset_to_pointer (start, ranges[i].end - ranges[i].start);

      g_string_append_len (text, p, start - p);
      g_string_append_len (removed, start, end - start);
      p = end;
      pos = ranges[i].end;
    }
  g_string_append (text, p);

  *out_text = g_string_free (g_steal_pointer (&text), FALSE);
  if (out_fallback != NULL)
    *out_fallback = g_string_free (g_steal_pointer (&removed), FALSE);
  return TRUE;
}
