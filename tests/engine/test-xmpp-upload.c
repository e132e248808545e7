/* test-xmpp-upload.c: HTTP File Upload (XEP-0363) and out-of-band data
 * (XEP-0066) without a server — services, slots, refusals, and hostile
 * slots and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-oob.h"
#include "holboo-xmpp-upload.h"

#include <string.h>

static HolbooXmlNode *
parse (const char *xml)
{
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static gboolean
is_service (const char *xml,
            guint64    *max)
{
  g_autoptr(HolbooXmlNode) iq = parse (xml);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmppDiscoInfo) info = holboo_xmpp_disco_parse_info (iq, &error);

  g_assert_no_error (error);
  return holboo_xmpp_upload_is_service (info, max);
}

static void
test_disco (void)
{
  guint64 max = 1;

  g_assert_true (is_service (
    "<iq xmlns='jabber:client' type='result' from='upload.example.mn'>"
    "<query xmlns='http://jabber.org/protocol/disco#info'>"
    "<identity category='store' type='file'/>"
    "<feature var='urn:xmpp:http:upload:0'/>"
    "<x xmlns='jabber:x:data' type='result'>"
    "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:http:upload:0</value></field>"
    "<field var='max-file-size'><value>5242880</value></field></x>"
    "</query></iq>", &max));
  g_assert_cmpuint (max, ==, 5242880);

  /* A limit that is not a number is no limit we know of. */
  g_assert_true (is_service (
    "<iq xmlns='jabber:client' type='result'><query xmlns='http://jabber.org/protocol/disco#info'>"
    "<feature var='urn:xmpp:http:upload:0'/>"
    "<x xmlns='jabber:x:data' type='result'>"
    "<field var='FORM_TYPE'><value>urn:xmpp:http:upload:0</value></field>"
    "<field var='max-file-size'><value>-12</value></field></x></query></iq>", &max));
  g_assert_cmpuint (max, ==, 0);

  /* Another form's max-file-size does not count. */
  g_assert_true (is_service (
    "<iq xmlns='jabber:client' type='result'><query xmlns='http://jabber.org/protocol/disco#info'>"
    "<feature var='urn:xmpp:http:upload:0'/>"
    "<x xmlns='jabber:x:data' type='result'>"
    "<field var='FORM_TYPE'><value>urn:xmpp:http:upload:1</value></field>"
    "<field var='max-file-size'><value>10</value></field></x></query></iq>", &max));
  g_assert_cmpuint (max, ==, 0);

  /* A form without the feature is not a service. */
  g_assert_false (is_service (
    "<iq xmlns='jabber:client' type='result'><query xmlns='http://jabber.org/protocol/disco#info'>"
    "<feature var='http://jabber.org/protocol/muc'/>"
    "<x xmlns='jabber:x:data' type='result'>"
    "<field var='FORM_TYPE'><value>urn:xmpp:http:upload:0</value></field>"
    "<field var='max-file-size'><value>10</value></field></x></query></iq>", &max));
}

static void
test_request (void)
{
  g_autoptr(HolbooXmlNode) iq = holboo_xmpp_upload_build_request ("upload.example.mn",
                                                                    "/home/bold/Зураг/../../etc/passwd\n.png",
                                                                    1234, "image/png");
  HolbooXmlNode *request = holboo_xml_node_get_child (iq, "request", HOLBOO_XMLNS_HTTP_UPLOAD);
  g_autofree char *clean = holboo_xmpp_upload_clean_filename ("..");
  g_autofree char *cyr = holboo_xmpp_upload_clean_filename ("Гэрээ 2026.pdf");

  g_assert_nonnull (request);
  g_assert_cmpstr (holboo_xml_node_get_attribute (iq, "to"), ==, "upload.example.mn");
  g_assert_cmpstr (holboo_xml_node_get_attribute (iq, "type"), ==, "get");
  g_assert_cmpstr (holboo_xml_node_get_attribute (request, "filename"), ==, "passwd_.png");
  g_assert_cmpstr (holboo_xml_node_get_attribute (request, "size"), ==, "1234");
  g_assert_cmpstr (holboo_xml_node_get_attribute (request, "content-type"), ==, "image/png");
  g_assert_cmpstr (clean, ==, "file");
  g_assert_cmpstr (cyr, ==, "Гэрээ 2026.pdf");
}

#define SLOT(put, get, headers) \
  "<iq xmlns='jabber:client' type='result' from='upload.example.mn'>" \
  "<slot xmlns='urn:xmpp:http:upload:0'><put url='" put "'>" headers "</put>" \
  "<get url='" get "'/></slot></iq>"

static void
test_slot (void)
{
  g_autoptr(HolbooXmlNode) iq = parse (SLOT ("https://upload.example.mn/put/a%20b.png?v=1",
                                             "https://upload.example.mn/get/a%20b.png",
                                             "<header name='authorization'>Basic Zm9vOmJhcg==</header>"
                                             "<header name='Cookie'>foo=bar; user=romeo</header>"
                                             "<header name='X-Evil'>yes</header>"
                                             "<header name='Host'>evil.example</header>"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmppUploadSlot) slot = holboo_xmpp_upload_parse_slot (iq, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (slot->put_url, ==, "https://upload.example.mn/put/a%20b.png?v=1");
  g_assert_cmpstr (slot->get_url, ==, "https://upload.example.mn/get/a%20b.png");
  /* Only what the XEP allows, with its canonical name; the rest ignored. */
  g_assert_cmpuint (g_strv_length (slot->header_names), ==, 2);
  g_assert_cmpstr (slot->header_names[0], ==, "Authorization");
  g_assert_cmpstr (slot->header_values[0], ==, "Basic Zm9vOmJhcg==");
  g_assert_cmpstr (slot->header_names[1], ==, "Cookie");
  g_assert_cmpuint (g_strv_length (slot->header_values), ==, 2);
}

/* Slots no client should use: each is refused with BAD_SLOT. */
static void
test_slot_hostile (void)
{
  const char *cases[] = {
    SLOT ("http://upload.example.mn/put", "https://upload.example.mn/get", ""),
    SLOT ("https://upload.example.mn/put", "http://upload.example.mn/get", ""),
    SLOT ("file:///etc/passwd", "https://upload.example.mn/get", ""),
    SLOT ("https://upload.example.mn/put", "javascript:alert(1)", ""),
    SLOT ("https://user:secret@upload.example.mn/put", "https://upload.example.mn/get", ""),
    SLOT ("https:///put", "https://upload.example.mn/get", ""),
    SLOT ("https://upload.example.mn/put", "https://upload.example.mn/a b", ""),
    SLOT ("https://upload.example.mn/put", "", ""),
    SLOT ("https://upload.example.mn/put", "https://upload.example.mn/get",
          "<header name='Authorization'>Basic x&#13;&#10;Host: evil.example</header>"),
    SLOT ("https://upload.example.mn/put", "https://upload.example.mn/get",
          "<header name='Cookie'>a=1</header><header name='cookie'>b=2</header>"),
    "<iq xmlns='jabber:client' type='result'><slot xmlns='urn:xmpp:http:upload:0'>"
    "<put url='https://upload.example.mn/put'/></slot></iq>",
    "<iq xmlns='jabber:client' type='result'/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooXmlNode) iq = parse (cases[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooXmppUploadSlot) slot = holboo_xmpp_upload_parse_slot (iq, &error);

      g_test_message ("case %u", i);
      g_assert_null (slot);
      g_assert_error (error, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT);
    }

  {
    g_autofree char *long_url = g_strdup_printf ("https://upload.example.mn/%0*d", 3000, 0);
    g_autofree char *xml = g_strdup_printf (SLOT ("https://upload.example.mn/put", "%s", ""), long_url);
    g_autoptr(HolbooXmlNode) iq = parse (xml);
    g_autoptr(GError) error = NULL;

    g_assert_null (holboo_xmpp_upload_parse_slot (iq, &error));
    g_assert_error (error, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT);
  }
}

static GError *
refusal (const char *condition,
         const char *text,
         guint64     size,
         guint64     max)
{
  g_autofree char *xml = g_strdup_printf (
    "<iq xmlns='jabber:client' type='error' from='upload.example.mn'><error type='modify'>"
    "<%s xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>%s%s%s</error></iq>",
    condition,
    text != NULL ? "<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>" : "",
    text != NULL ? text : "",
    text != NULL ? "</text>" : "");
  g_autoptr(HolbooXmlNode) iq = parse (xml);
  g_autoptr(GError) stanza_error = holboo_xmpp_stanza_error_from_node (iq);

  return holboo_xmpp_upload_error_from_iq_error (stanza_error, size, max);
}

static void
test_refusals (void)
{
  g_autoptr(GError) too_large = refusal ("not-acceptable", "File too large", 200, 100);
  g_autoptr(GError) too_large_silent = refusal ("not-acceptable", NULL, 200, 100);
  g_autoptr(GError) quota = refusal ("resource-constraint", "Daily quota reached", 10, 100);
  g_autoptr(GError) quota_silent = refusal ("resource-constraint", NULL, 10, 100);
  g_autoptr(GError) not_allowed = refusal ("not-allowed", NULL, 10, 0);
  g_autoptr(GError) forbidden = refusal ("forbidden", "Uploads are for staff", 10, 0);
  g_autoptr(GError) odd = refusal ("bad-request", NULL, 10, 0);
  g_autoptr(GError) network = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_DISCONNECTED, "gone");
  g_autoptr(GError) passed = holboo_xmpp_upload_error_from_iq_error (network, 1, 1);

  g_assert_error (too_large, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (too_large->message, "File too large"));
  g_assert_nonnull (strstr (too_large->message, "100 bytes"));
  g_assert_error (too_large_silent, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (too_large_silent->message, "100 bytes"));
  g_assert_error (quota, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_QUOTA);
  g_assert_cmpstr (quota->message, ==, "Daily quota reached");
  g_assert_error (quota_silent, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_QUOTA);
  g_assert_error (not_allowed, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_NOT_ALLOWED);
  g_assert_error (forbidden, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (forbidden->message, ==, "Uploads are for staff");
  g_assert_error (odd, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_REFUSED);
  g_assert_nonnull (strstr (odd->message, "bad-request"));
  g_assert_error (passed, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_DISCONNECTED);
}

static void
test_oob (void)
{
  g_autoptr(HolbooXmlNode) message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  g_autoptr(HolbooXmlNode) forged = parse (
    "<message xmlns='jabber:client'>"
    "<x xmlns='jabber:x:oob'><url>http://evil.example/x.png</url></x>"
    "<x xmlns='jabber:x:oob'><url>file:///etc/shadow</url></x>"
    "<x xmlns='jabber:x:oob'><url>https://a:b@evil.example/x.png</url></x>"
    "<x xmlns='jabber:x:oob'><url>https://files.example.mn/ok.png</url><desc>Зураг</desc></x>"
    "</message>");
  g_autoptr(HolbooXmlNode) none = parse (
    "<message xmlns='jabber:client'><x xmlns='jabber:x:oob'><url>ftp://x.example/y</url></x></message>");
  g_autofree char *url = NULL;
  g_autofree char *desc = NULL;
  g_autofree char *forged_url = NULL;
  g_autofree char *forged_desc = NULL;
  g_autofree char *none_url = NULL;

  holboo_xmpp_oob_add (message, "https://files.example.mn/a.png", "Гэрээ");
  url = holboo_xmpp_oob_get_url (message, &desc);
  g_assert_cmpstr (url, ==, "https://files.example.mn/a.png");
  g_assert_cmpstr (desc, ==, "Гэрээ");

  forged_url = holboo_xmpp_oob_get_url (forged, &forged_desc);
  g_assert_cmpstr (forged_url, ==, "https://files.example.mn/ok.png");
  g_assert_cmpstr (forged_desc, ==, "Зураг");

  none_url = holboo_xmpp_oob_get_url (none, NULL);
  g_assert_null (none_url);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/upload/disco", test_disco);
  g_test_add_func ("/xmpp/upload/request", test_request);
  g_test_add_func ("/xmpp/upload/slot", test_slot);
  g_test_add_func ("/xmpp/upload/slot-hostile", test_slot_hostile);
  g_test_add_func ("/xmpp/upload/refusals", test_refusals);
  g_test_add_func ("/xmpp/upload/oob", test_oob);

  return g_test_run ();
}
