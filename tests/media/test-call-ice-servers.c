/* test-call-ice-servers.c: XEP-0215 answers as Prosody and ejabberd give them → ICE servers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-call-ice-servers"

#include "config.h"

#include "holboo-call-ice-servers.h"
#include "holboo-xml-stream.h"
#include "holboo-xmpp-external-services.h"

#include <string.h>

#define STREAM_HEADER \
  "<?xml version='1.0'?><stream:stream xmlns='jabber:client' " \
  "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='example.mn' version='1.0'>"

static void
on_stanza (HolbooXmlStream *stream,
           HolbooXmlNode   *stanza,
           HolbooXmlNode  **out)
{
  *out = holboo_xml_node_ref (stanza);
}

static HolbooXmlNode *
parse (const char *text)
{
  g_autoptr(HolbooXmlStream) stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *iq = NULL;

  g_signal_connect (stream, "stanza", G_CALLBACK (on_stanza), &iq);
  holboo_xml_stream_feed (stream, STREAM_HEADER, strlen (STREAM_HEADER), &error);
  holboo_xml_stream_feed (stream, text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_nonnull (iq);
  return iq;
}

static void
test_from_external (void)
{
  /* Prosody (user name = expiry) and ejabberd (expiry:hash), a STUNS
   * entry, an expired one. */
  g_autoptr(HolbooXmlNode) iq = parse (
    "<iq type='result' id='e1'><services xmlns='urn:xmpp:extdisco:2'>"
    "<service type='stun' host='127.0.0.1' port='13478' transport='udp' restricted='false'/>"
    "<service type='turn' host='127.0.0.1' port='13478' transport='udp' restricted='1'"
    " username='1764000000' password='a+b/c=' expires='2026-11-24T13:00:00Z'/>"
    "<service type='turn' host='127.0.0.1' port='13478' transport='tcp' restricted='true'"
    " username='1764000000:d2a1' password='x9=' expires='2026-11-24T13:00:00Z'/>"
    "<service type='turns' host='turn.example.mn' port='15349' transport='tcp' restricted='true'"
    " username='1764000000:d2a1' password='x9='/>"
    "<service type='stuns' host='stun.example.mn' port='5349' transport='tcp'/>"
    "<service type='turn' host='old.example.mn' port='3478' transport='udp' restricted='1'"
    " username='1' password='p' expires='2020-01-01T00:00:00Z'/>"
    "</services></iq>");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = holboo_xmpp_external_services_parse (iq, &error);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 14, 0, 0);
  g_autoptr(GPtrArray) servers = NULL;
  static const char *const uris[] = {
    "stun://127.0.0.1:13478",
    "turn://1764000000:a%2Bb%2Fc%3D@127.0.0.1:13478?transport=udp",
    "turn://1764000000%3Ad2a1:x9%3D@127.0.0.1:13478?transport=tcp",
    "turns://1764000000%3Ad2a1:x9%3D@turn.example.mn:15349",
  };

  g_assert_no_error (error);
  servers = holboo_call_ice_servers_from_external (services, g_date_time_to_unix (now) * G_USEC_PER_SEC);
  g_assert_cmpuint (servers->len, ==, G_N_ELEMENTS (uris));
  for (guint i = 0; i < servers->len; i++)
    {
      g_autofree char *uri = holboo_ice_server_to_uri (g_ptr_array_index (servers, i));

      g_assert_cmpstr (uri, ==, uris[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/call/ice-servers/from-external", test_from_external);

  return g_test_run ();
}
