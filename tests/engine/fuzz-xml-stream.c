/* fuzz-xml-stream.c: libFuzzer target for the XML stream layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Input: one flags byte, then the bytes a server would send.  Bit 0 of
 * the flags picks WebSocket framing (the rest is one message) over TCP
 * (the rest is a stream); the other bits seed how the TCP input is cut
 * into reads.  Besides memory errors (ASan, UBSan), the target aborts if
 *
 *  - the stanzas or the error differ between feeding the input whole and
 *    feeding it in pieces;
 *  - a stanza does not survive serialize → parse unchanged, whether
 *    written self-contained or inside a client stream.
 *
 * The streams are reused from input to input through reset, as a
 * connection reuses its stream after STARTTLS and SASL.  A ::stanza
 * handler resets the stream on <success/> and <proceed/>, so that the
 * restart path is fuzzed too.
 */

#include "config.h"

#include "holboo-xml-stream.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

typedef struct {
  GString *log;      /* everything emitted, serialized, in order */
  GPtrArray *nodes;  /* the stanzas */
} Run;

static HolbooXmlStream *whole_stream;
static HolbooXmlStream *piece_stream;
static HolbooXmlStream *frame_stream;
static HolbooXmlStream *check_stream;
static HolbooXmlNode *check_result;

static void
on_opened (HolbooXmlStream *stream,
           HolbooXmlNode   *header,
           Run             *run)
{
  g_autofree char *xml = holboo_xml_node_to_string (header);

  g_string_append_printf (run->log, "opened %s\n", xml);
}

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           Run             *run)
{
  g_autofree char *xml = holboo_xml_node_to_string (stanza);

  g_string_append_printf (run->log, "stanza %s\n", xml);
  g_ptr_array_add (run->nodes, holboo_xml_node_ref (stanza));

  if (holboo_xml_node_is (stanza, "success", "urn:ietf:params:xml:ns:xmpp-sasl") ||
      holboo_xml_node_is (stanza, "proceed", "urn:ietf:params:xml:ns:xmpp-tls"))
    holboo_xml_stream_reset (stream);
}

static void
on_closed (HolbooXmlStream *stream,
           HolbooXmlNode   *close,
           Run             *run)
{
  g_string_append (run->log, "closed\n");
}

static void
on_check_stanza (HolbooXmlStream *stream,
                 HolbooXmlNode   *stanza,
                 gpointer         user_data)
{
  g_clear_pointer (&check_result, holboo_xml_node_unref);
  check_result = holboo_xml_node_ref (stanza);
}

static HolbooXmlStream *
new_stream (HolbooXmlStreamFraming framing,
            gsize                  max_size,
            guint                  max_depth)
{
  HolbooXmlStream *stream = holboo_xml_stream_new (framing);
  HolbooXmlLimits limits;

  holboo_xml_limits_init (&limits);
  limits.max_stanza_size = max_size;
  limits.max_depth = max_depth;
  /* No tag limit below the stanza limit: that one depends on how the
   * input is cut, on purpose, and would break the comparison. */
  limits.max_tag_size = max_size;
  holboo_xml_stream_set_limits (stream, &limits);

  return stream;
}

static void
init_once (void)
{
  if (whole_stream != NULL)
    return;

  /* Small limits, so that inputs of fuzzer size reach them. */
  whole_stream = new_stream (HOLBOO_XML_STREAM_FRAMING_TCP, 4096, 16);
  piece_stream = new_stream (HOLBOO_XML_STREAM_FRAMING_TCP, 4096, 16);
  frame_stream = new_stream (HOLBOO_XML_STREAM_FRAMING_WEBSOCKET, 4096, 16);
  check_stream = new_stream (HOLBOO_XML_STREAM_FRAMING_TCP, 1024 * 1024, 16);
  g_signal_connect (check_stream, "stanza", G_CALLBACK (on_check_stanza), NULL);
}

static void
run_stream (HolbooXmlStream *stream,
            const char      *data,
            gsize            len,
            guint            seed,
            Run             *run)
{
  g_autoptr(GError) error = NULL;
  gulong ids[3];
  guint32 state = seed * 2654435761u + 1;
  gsize off = 0;

  run->log = g_string_new (NULL);
  run->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);

  holboo_xml_stream_reset (stream);
  ids[0] = g_signal_connect (stream, "stream-opened", G_CALLBACK (on_opened), run);
  ids[1] = g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), run);
  ids[2] = g_signal_connect (stream, "stream-closed", G_CALLBACK (on_closed), run);

  while (off < len || off == 0)
    {
      gsize piece = len - off;

      if (seed != 0)
        {
          state = state * 1103515245u + 12345u;
          piece = MIN (piece, 1 + (state >> 16) % 64);
        }

      if (!holboo_xml_stream_feed (stream, data + off, piece, &error))
        {
          g_string_append_printf (run->log, "error %s\n",
                                  holboo_xml_stream_error_to_condition (error->code));
          /* Sticky until reset. */
          g_clear_error (&error);
          if (holboo_xml_stream_feed (stream, "<a/>", 4, &error))
            abort ();
          break;
        }

      off += piece;
      if (off >= len)
        break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_signal_handler_disconnect (stream, ids[i]);
}

static void
run_clear (Run *run)
{
  g_string_free (run->log, TRUE);
  g_ptr_array_unref (run->nodes);
}

static void
check_round_trip (HolbooXmlNode *stanza)
{
  g_autoptr(GString) wire = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *open = holboo_xml_stream_build_open (HOLBOO_XML_STREAM_FRAMING_TCP,
                                                        "example.mn", NULL, NULL);
  g_autofree char *xml = holboo_xml_node_to_string (stanza);
  HolbooXmlLimits limits;

  /* Self-contained, as on WebSocket (which needs a namespace). */
  holboo_xml_limits_init (&limits);
  limits.max_depth = 16;
  if (holboo_xml_node_get_ns (stanza) != NULL)
    {
      g_autoptr(HolbooXmlNode) back = holboo_xml_parse_element (xml, strlen (xml), &limits, &error);
      g_autofree char *again = NULL;

      if (back == NULL || !holboo_xml_node_equal (stanza, back))
        abort ();
      again = holboo_xml_node_to_string (back);
      if (strcmp (xml, again) != 0)
        abort ();
    }

  /* Inside a client stream, as on TCP. */
  g_string_append (wire, open);
  holboo_xml_stream_write_element (HOLBOO_XML_STREAM_FRAMING_TCP, stanza, wire);
  holboo_xml_stream_reset (check_stream);
  g_clear_pointer (&check_result, holboo_xml_node_unref);
  if (!holboo_xml_stream_feed (check_stream, wire->str, wire->len, &error) ||
      check_result == NULL || !holboo_xml_node_equal (stanza, check_result))
    abort ();
  g_clear_pointer (&check_result, holboo_xml_node_unref);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *xml = (const char *) data + 1;
  gsize len = size - 1;
  guint8 flags;

  if (size < 1)
    return 0;

  init_once ();
  flags = data[0];

  if (flags & 1)
    {
      Run run;

      run_stream (frame_stream, xml, len, 0, &run);
      for (guint i = 0; i < run.nodes->len; i++)
        check_round_trip (g_ptr_array_index (run.nodes, i));
      run_clear (&run);
    }
  else
    {
      Run whole, pieces;

      run_stream (whole_stream, xml, len, 0, &whole);
      run_stream (piece_stream, xml, len, (flags >> 1) + 1, &pieces);

      if (strcmp (whole.log->str, pieces.log->str) != 0)
        {
          g_printerr ("whole:\n%s\nin pieces:\n%s\n", whole.log->str, pieces.log->str);
          abort ();
        }

      for (guint i = 0; i < whole.nodes->len; i++)
        check_round_trip (g_ptr_array_index (whole.nodes, i));

      run_clear (&whole);
      run_clear (&pieces);
    }

  return 0;
}
