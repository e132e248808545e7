/* xml-test-util.c: shared helpers for the XML stream tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xml-test-util.h"

#include <string.h>

static void
on_opened (HolbooXmlStream *stream,
           HolbooXmlNode   *header,
           Collector       *c)
{
  g_clear_pointer (&c->header, holboo_xml_node_unref);
  c->header = holboo_xml_node_ref (header);
  c->n_opened++;
}

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           Collector       *c)
{
  g_ptr_array_add (c->stanzas, holboo_xml_node_to_string (stanza));
  g_ptr_array_add (c->nodes, holboo_xml_node_ref (stanza));

  if (c->reset_after != NULL &&
      g_strcmp0 (holboo_xml_node_get_name (stanza), c->reset_after) == 0)
    holboo_xml_stream_reset (stream);
}

static void
on_closed (HolbooXmlStream *stream,
           HolbooXmlNode   *close,
           Collector       *c)
{
  g_clear_pointer (&c->close, holboo_xml_node_unref);
  if (close != NULL)
    c->close = holboo_xml_node_ref (close);
  c->n_closed++;
}

void
collector_init (Collector             *c,
                HolbooXmlStreamFraming framing)
{
  memset (c, 0, sizeof *c);
  c->stream = holboo_xml_stream_new (framing);
  c->stanzas = g_ptr_array_new_with_free_func (g_free);
  c->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  g_signal_connect (c->stream, "stream-opened", G_CALLBACK (on_opened), c);
  g_signal_connect (c->stream, "stanza", G_CALLBACK (on_stanza), c);
  g_signal_connect (c->stream, "stream-closed", G_CALLBACK (on_closed), c);
}

void
collector_forget (Collector *c)
{
  g_ptr_array_set_size (c->stanzas, 0);
  g_ptr_array_set_size (c->nodes, 0);
  g_clear_pointer (&c->header, holboo_xml_node_unref);
  g_clear_pointer (&c->close, holboo_xml_node_unref);
  c->n_opened = 0;
  c->n_closed = 0;
}

void
collector_clear (Collector *c)
{
  collector_forget (c);
  g_clear_object (&c->stream);
  g_clear_pointer (&c->stanzas, g_ptr_array_unref);
  g_clear_pointer (&c->nodes, g_ptr_array_unref);
  g_clear_pointer (&c->reset_after, g_free);
}

gboolean
collector_feed (Collector   *c,
                const char  *data,
                gsize        len,
                gsize        piece,
                GError     **error)
{
  if (piece == 0)
    piece = MAX (len, 1);

  for (gsize off = 0; off < len; off += piece)
    {
      if (!holboo_xml_stream_feed (c->stream, data + off, MIN (piece, len - off), error))
        return FALSE;
    }

  return TRUE;
}

gboolean
collector_feed_at (Collector    *c,
                   const char   *data,
                   gsize         len,
                   const gsize  *cuts,
                   guint         n_cuts,
                   GError      **error)
{
  gsize off = 0;

  for (guint i = 0; i <= n_cuts; i++)
    {
      gsize end = i < n_cuts ? cuts[i] : len;

      g_assert_cmpuint (end, >=, off);
      if (!holboo_xml_stream_feed (c->stream, data + off, end - off, error))
        return FALSE;
      off = end;
    }

  return TRUE;
}

char *
repeat_string (const char *unit,
               guint       times)
{
  gsize len = strlen (unit);
  char *s = g_malloc (len * times + 1);

  for (guint i = 0; i < times; i++)
    memcpy (s + i * len, unit, len);
  s[len * times] = '\0';

  return s;
}
