/* test-xmpp-errors.c: error mapping, stanza errors, certificate fingerprints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xmpp-error-private.h"
#include "holboo-xmpp-types.h"

#include <string.h>

/* A self-signed fixture; its fingerprint is from
 * `openssl x509 -noout -fingerprint -sha256`. */
static const char fixture_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBzzCCAXWgAwIBAgIUbQluad6ksqypUHI4MRrZ2c6KDAswCgYIKoZIzj0EAwIw\n"
  "PDEcMBoGA1UEAwwTZml4dHVyZS5ob2xib28udGVzdDEcMBoGA1UECgwTSG9sYm9v\n"
  "IHRlc3QgZml4dHVyZTAgFw0yNjExMjMxMTEyMzdaGA8yMTI2MTAzMDExMTIzN1ow\n"
  "PDEcMBoGA1UEAwwTZml4dHVyZS5ob2xib28udGVzdDEcMBoGA1UECgwTSG9sYm9v\n"
  "IHRlc3QgZml4dHVyZTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABFvFL5TAV/rv\n"
  "D9ueooBXHt8v94JDbi+MZbRKB9BUomm9Aow1wclHqz8q7QgKRbqGryMOmsIY+e/4\n"
  "7jMgMJH0TAKjUzBRMB0GA1UdDgQWBBRPqWSFROuq9zcaLajA6/mn/tdq8zAfBgNV\n"
  "HSMEGDAWgBRPqWSFROuq9zcaLajA6/mn/tdq8zAPBgNVHRMBAf8EBTADAQH/MAoG\n"
  "CCqGSM49BAMCA0gAMEUCIQDMO5VyBTrrA5b+yBRrP3DJvO3f4PCJ1D3q5OA1qJOb\n"
  "ewIgcgmqHmav8KG/u1JyHBb4nEQwpioMHGMOpYxzBEGmyd8=\n"
  "-----END CERTIFICATE-----\n";
static const char fixture_sha256[] =
  "AA:32:9B:9A:B4:52:63:7D:AC:30:7C:C5:B0:C0:70:74:71:67:1F:82:DE:97:1A:28:C3:5C:D2:4F:C3:92:19:37";

static HolbooXmlNode *
parse (const char *xml)
{
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_fingerprint (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (fixture_pem, -1, &error);
  g_autofree char *fingerprint = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *normal = NULL;

  g_assert_no_error (error);
  fingerprint = holboo_xmpp_certificate_dup_fingerprint (certificate);
  g_assert_cmpstr (fingerprint, ==, fixture_sha256);
  issuer = holboo_xmpp_certificate_dup_issuer (certificate);
  g_assert_nonnull (strstr (issuer, "fixture.holboo.test"));

  normal = holboo_xmpp_fingerprint_normalize ("aa329b9ab452637dac307cc5b0c0707471671f82de971a28c35cd24fc3921937");
  g_assert_cmpstr (normal, ==, fixture_sha256);
  g_assert_true (holboo_xmpp_certificate_matches (certificate, "aa 32 9b 9a b4 52 63 7d ac 30 7c c5 b0 c0 70 74 "
                                                               "71 67 1f 82 de 97 1a 28 c3 5c d2 4f c3 92 19 37"));
  g_assert_false (holboo_xmpp_certificate_matches (certificate, NULL));
  g_assert_false (holboo_xmpp_certificate_matches (certificate,
                                                   "AB:32:9B:9A:B4:52:63:7D:AC:30:7C:C5:B0:C0:70:74:"
                                                   "71:67:1F:82:DE:97:1A:28:C3:5C:D2:4F:C3:92:19:37"));
  g_assert_null (holboo_xmpp_fingerprint_normalize ("AA:32"));
  g_assert_null (holboo_xmpp_fingerprint_normalize (""));
  g_assert_null (holboo_xmpp_fingerprint_normalize ("zz329b9ab452637dac307cc5b0c0707471671f82de971a28c35cd24fc3921937"));
  g_assert_null (holboo_xmpp_fingerprint_normalize ("aa329b9ab452637dac307cc5b0c0707471671f82de971a28c35cd24fc392193700"));
}

static void
test_certificate_error (void)
{
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (fixture_pem, -1, NULL);
  g_autoptr(GError) error = _holboo_xmpp_error_new_certificate (certificate, G_TLS_CERTIFICATE_UNKNOWN_CA,
                                                                "example.mn");
  g_autoptr(GError) copy = NULL;
  GTlsCertificateFlags flags = 0;

  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED);
  g_assert_true (holboo_xmpp_error_get_certificate (error, &flags) == certificate);
  g_assert_cmpint (flags, ==, G_TLS_CERTIFICATE_UNKNOWN_CA);
  g_assert_nonnull (strstr (error->message, fixture_sha256));
  g_assert_nonnull (strstr (error->message, "example.mn"));

  /* The certificate survives copies (GTask, properties). */
  copy = g_error_copy (error);
  g_assert_true (holboo_xmpp_error_get_certificate (copy, &flags) == certificate);
  g_assert_cmpint (flags, ==, G_TLS_CERTIFICATE_UNKNOWN_CA);

  g_assert_null (holboo_xmpp_error_get_certificate (NULL, &flags));
  g_assert_cmpint (flags, ==, 0);
}

static void
test_from_io (void)
{
  const struct { GQuark domain; int code; int expected; } cases[] = {
    { G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, HOLBOO_XMPP_ERROR_HOST_NOT_FOUND },
    { G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE, HOLBOO_XMPP_ERROR_HOST_NOT_FOUND },
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED, HOLBOO_XMPP_ERROR_CONNECTION_REFUSED },
    { G_IO_ERROR, G_IO_ERROR_TIMED_OUT, HOLBOO_XMPP_ERROR_TIMED_OUT },
    { G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE, HOLBOO_XMPP_ERROR_NETWORK },
    { G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED, HOLBOO_XMPP_ERROR_NETWORK },
    { G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED },
    { G_TLS_ERROR, G_TLS_ERROR_HANDSHAKE, HOLBOO_XMPP_ERROR_TLS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) io = g_error_new_literal (cases[i].domain, cases[i].code, "low-level text");
      g_autoptr(GError) mapped = _holboo_xmpp_error_from_io (io, "example.mn");

      g_assert_error (mapped, HOLBOO_XMPP_ERROR, cases[i].expected);
      /* The user learns which server; a dropped connection is just that. */
      if (cases[i].code != G_IO_ERROR_CONNECTION_CLOSED || cases[i].domain != G_IO_ERROR)
        g_assert_nonnull (strstr (mapped->message, "example.mn"));
    }

  {
    g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
    g_autoptr(GError) mapped = _holboo_xmpp_error_from_io (cancelled, "example.mn");

    g_assert_error (mapped, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

static void
test_stream_error (void)
{
  g_autoptr(HolbooXmlNode) conflict =
    parse ("<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
           "<conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
           "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced by new connection</text>"
           "</stream:error>");
  g_autoptr(HolbooXmlNode) shutdown =
    parse ("<stream:error xmlns:stream='http://etherx.jabber.org/streams'>"
           "<system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
  g_autoptr(HolbooXmlNode) empty =
    parse ("<stream:error xmlns:stream='http://etherx.jabber.org/streams'/>");
  g_autoptr(GError) error = NULL;

  error = _holboo_xmpp_error_from_stream_error (conflict);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_STREAM);
  g_assert_cmpstr (holboo_xmpp_error_get_condition (error), ==, "conflict");
  g_assert_cmpstr (holboo_xmpp_error_get_server_text (error), ==, "Replaced by new connection");
  g_assert_true (_holboo_xmpp_error_is_permanent (error));
  g_clear_error (&error);

  error = _holboo_xmpp_error_from_stream_error (shutdown);
  g_assert_cmpstr (holboo_xmpp_error_get_condition (error), ==, "system-shutdown");
  g_assert_null (holboo_xmpp_error_get_server_text (error));
  g_assert_false (_holboo_xmpp_error_is_permanent (error));
  g_clear_error (&error);

  error = _holboo_xmpp_error_from_stream_error (empty);
  g_assert_cmpstr (holboo_xmpp_error_get_condition (error), ==, "undefined-condition");
}

static void
test_sasl_failure (void)
{
  g_autoptr(HolbooXmlNode) wrong =
    parse ("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
  g_autoptr(HolbooXmlNode) temporary =
    parse ("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><temporary-auth-failure/>"
           "<text>Try\nagain\tlater</text></failure>");
  g_autoptr(GError) error = NULL;

  error = _holboo_xmpp_error_from_sasl_failure (wrong);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_AUTH_FAILED);
  g_assert_cmpstr (holboo_xmpp_error_get_condition (error), ==, "not-authorized");
  g_assert_true (_holboo_xmpp_error_is_permanent (error));
  g_clear_error (&error);

  /* Server text is flattened to one line for the UI. */
  error = _holboo_xmpp_error_from_sasl_failure (temporary);
  g_assert_cmpstr (holboo_xmpp_error_get_condition (error), ==, "temporary-auth-failure");
  g_assert_cmpstr (holboo_xmpp_error_get_server_text (error), ==, "Try again later");
  g_assert_false (_holboo_xmpp_error_is_permanent (error));
}

static void
test_stanza_error (void)
{
  g_autoptr(HolbooXmlNode) iq =
    parse ("<iq xmlns='jabber:client' type='error' id='1' from='x@y'>"
           "<error type='cancel'><item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
           "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>No such node</text></error></iq>");
  g_autoptr(HolbooXmlNode) bare = parse ("<iq xmlns='jabber:client' type='error' id='2'/>");
  g_autoptr(HolbooXmlNode) request = parse ("<iq xmlns='jabber:client' type='get' id='q1' from='a@b/c'>"
                                            "<query xmlns='urn:x'/></iq>");
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *error_node;

  error = holboo_xmpp_stanza_error_from_node (iq);
  g_assert_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "No such node");
  g_clear_error (&error);

  error = holboo_xmpp_stanza_error_from_node (bare);
  g_assert_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_UNDEFINED_CONDITION);

  for (int c = HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST; c <= HOLBOO_XMPP_STANZA_ERROR_UNEXPECTED_REQUEST; c++)
    g_assert_cmpint (holboo_xmpp_stanza_error_from_condition (holboo_xmpp_stanza_error_to_condition (c)), ==, c);
  g_assert_cmpint (holboo_xmpp_stanza_error_from_condition ("no-such-thing"), ==,
                   HOLBOO_XMPP_STANZA_ERROR_UNDEFINED_CONDITION);

  reply = holboo_xmpp_stanza_error_reply (request, HOLBOO_XMPP_STANZA_ERROR_SERVICE_UNAVAILABLE);
  g_assert_cmpstr (holboo_xml_node_get_attribute (reply, "type"), ==, "error");
  g_assert_cmpstr (holboo_xml_node_get_attribute (reply, "id"), ==, "q1");
  g_assert_cmpstr (holboo_xml_node_get_attribute (reply, "to"), ==, "a@b/c");
  error_node = holboo_xml_node_get_child (reply, "error", HOLBOO_XMLNS_CLIENT);
  g_assert_nonnull (error_node);
  g_assert_cmpstr (holboo_xml_node_get_attribute (error_node, "type"), ==, "cancel");
  g_assert_nonnull (holboo_xml_node_get_child (error_node, "service-unavailable", HOLBOO_XMLNS_STANZAS));
}

static void
test_rank (void)
{
  g_autoptr(GError) dns = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_HOST_NOT_FOUND, "");
  g_autoptr(GError) refused = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CONNECTION_REFUSED, "");
  g_autoptr(GError) certificate = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED, "");

  g_assert_cmpint (_holboo_xmpp_error_rank (NULL), <, _holboo_xmpp_error_rank (dns));
  g_assert_cmpint (_holboo_xmpp_error_rank (dns), <, _holboo_xmpp_error_rank (refused));
  g_assert_cmpint (_holboo_xmpp_error_rank (refused), <, _holboo_xmpp_error_rank (certificate));
  g_assert_true (_holboo_xmpp_error_is_permanent (certificate));
  g_assert_false (_holboo_xmpp_error_is_permanent (refused));
  g_assert_false (_holboo_xmpp_error_is_permanent (dns));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/errors/fingerprint", test_fingerprint);
  g_test_add_func ("/xmpp/errors/certificate", test_certificate_error);
  g_test_add_func ("/xmpp/errors/from-io", test_from_io);
  g_test_add_func ("/xmpp/errors/stream-error", test_stream_error);
  g_test_add_func ("/xmpp/errors/sasl-failure", test_sasl_failure);
  g_test_add_func ("/xmpp/errors/stanza-error", test_stanza_error);
  g_test_add_func ("/xmpp/errors/rank", test_rank);

  return g_test_run ();
}
