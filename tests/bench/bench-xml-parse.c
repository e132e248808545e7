/* bench-xml-parse.c: how many message stanzas per second the stream parses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 100,000 typical incoming chat messages (as Prosody delivers them: body,
 * origin-id, stanza-id, receipt request, chat state, marker; ~640 bytes
 * each) in one TCP stream, fed in 16 KiB reads (one TLS record).  The
 * handler reads what dedup and store will read: from, id, body,
 * stanza-id and origin-id.  Five rounds; prints each and the median.
 */

#include "config.h"

#include "holboo-xml-stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_STANZAS 100000
#define READ_SIZE (16 * 1024)
#define N_ROUNDS  5
#define NS_SID    "urn:xmpp:sid:0"

static const char *header =
  "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
  " xmlns:stream='http://etherx.jabber.org/streams' id='2e0c6c5e' from='example.mn'"
  " version='1.0' xml:lang='en'>";

typedef struct {
  guint  stanzas;
  gsize  checksum;
} Counter;

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           Counter         *counter)
{
  const char *from = holboo_xml_node_get_attribute (stanza, "from");
  const char *id = holboo_xml_node_get_attribute (stanza, "id");
  const char *body = holboo_xml_node_get_child_text (stanza, "body", HOLBOO_XMLNS_CLIENT);
  HolbooXmlNode *sid = holboo_xml_node_get_child (stanza, "stanza-id", NS_SID);
  HolbooXmlNode *oid = holboo_xml_node_get_child (stanza, "origin-id", NS_SID);

  if (from == NULL || id == NULL || body == NULL || sid == NULL || oid == NULL)
    g_error ("incomplete stanza");

  counter->checksum += strlen (body) + strlen (holboo_xml_node_get_attribute (sid, "id"));
  counter->stanzas++;
}

static GString *
make_input (void)
{
  GString *s = g_string_new (header);

  for (guint i = 0; i < N_STANZAS; i++)
    g_string_append_printf (s,
      "<message from='bat.erdene@example.mn/phone-3f2a' to='bold@example.mn/desktop-91c4'"
      " type='chat' id='7c9e6679-7425-40de-944b-%012u' xml:lang='mn'>"
      "<body>Сайн байна уу? Маргааш 10 цагт уулзалт хийх үү? Гэрээний төслийг &amp; үнийн санал"
      " илгээлээ. #%u</body>"
      "<origin-id xmlns='urn:xmpp:sid:0' id='7c9e6679-7425-40de-944b-%012u'/>"
      "<stanza-id xmlns='urn:xmpp:sid:0' id='YV3qHxJ5bA3e%08u' by='bold@example.mn'/>"
      "<request xmlns='urn:xmpp:receipts'/>"
      "<active xmlns='http://jabber.org/protocol/chatstates'/>"
      "<markable xmlns='urn:xmpp:chat-markers:0'/>"
      "</message>", i, i, i, i);

  return s;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) input = make_input ();
  double rates[N_ROUNDS];

  printf ("input: %u message stanzas, %.1f MiB, %.0f bytes each, fed in %u-byte reads\n",
          N_STANZAS, input->len / 1048576.0, (double) input->len / N_STANZAS, READ_SIZE);

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
      g_autoptr(GError) error = NULL;
      Counter counter = { 0, 0 };
      gint64 start, elapsed;

      g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), &counter);

      start = g_get_monotonic_time ();
      for (gsize off = 0; off < input->len; off += READ_SIZE)
        {
          if (!holboo_xml_stream_feed (stream, input->str + off,
                                       MIN (READ_SIZE, input->len - off), &error))
            g_error ("parse failed: %s", error->message);
        }
      elapsed = g_get_monotonic_time () - start;

      if (counter.stanzas != N_STANZAS)
        g_error ("parsed %u stanzas, expected %u", counter.stanzas, N_STANZAS);

      rates[round] = N_STANZAS / (elapsed / 1e6);
      printf ("round %u: %.3f s, %.0f stanzas/s, %.1f MiB/s\n", round + 1, elapsed / 1e6,
              rates[round], input->len / 1048576.0 / (elapsed / 1e6));
    }

  qsort (rates, N_ROUNDS, sizeof rates[0], compare_doubles);
  printf ("median: %.0f stanzas/s (target for parse + dedup + store: 20000)\n", rates[N_ROUNDS / 2]);

  return EXIT_SUCCESS;
}
