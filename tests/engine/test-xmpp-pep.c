/* test-xmpp-pep.c: PEP, vCard4 (XEP-0292) and avatar (XEP-0084, XEP-0153)
 * stanzas, built and parsed without a server: limits and forgeries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "holboo-xml-stream.h"
#include "holboo-xmpp-avatar.h"
#include "holboo-xmpp-vcard4.h"

static HolbooXmlNode *
parse (const char *xml)
{
  HolbooXmlLimits limits;
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node;

  holboo_xml_limits_init (&limits);
  limits.max_stanza_size = strlen (xml) + 1;
  limits.max_tag_size = strlen (xml) + 1;
  node = holboo_xml_parse_element (xml, strlen (xml), &limits, &error);
  g_assert_no_error (error);
  return node;
}

static void
test_publish_options (void)
{
  g_autoptr(HolbooXmlNode) vcard = holboo_xml_node_new ("vcard", HOLBOO_XMLNS_VCARD4_DATA);
  g_autoptr(HolbooXmlNode) iq = holboo_xmpp_vcard4_build_publish (vcard, HOLBOO_XMPP_PEP_ACCESS_PRESENCE);
  g_autoptr(HolbooXmlNode) configure = holboo_xmpp_pep_build_configure ("urn:xmpp:avatar:data",
                                                                       HOLBOO_XMPP_PEP_ACCESS_OPEN);
  g_autofree char *text = holboo_xml_node_to_string (iq);
  g_autofree char *config_text = holboo_xml_node_to_string (configure);

  g_assert_nonnull (strstr (text, "<publish node='urn:xmpp:vcard4'><item id='current'><vcard"));
  g_assert_nonnull (strstr (text, "<field var='pubsub#access_model'><value>presence</value></field>"));
  g_assert_nonnull (strstr (text, "pubsub#publish-options"));
  g_assert_null (strstr (text, "max_items"));
  g_assert_nonnull (strstr (config_text, "<value>open</value>"));
  g_assert_nonnull (strstr (config_text, "<field var='pubsub#max_items'><value>1</value></field>"));
}

static void
test_vcard_limits (void)
{
  g_autoptr(GString) big = g_string_new ("<iq xmlns='jabber:client' type='result'>"
                                         "<pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                                         "<items node='urn:xmpp:vcard4'><item id='current'>"
                                         "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><note><text>");
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(HolbooXmlNode) vcard = NULL;
  g_autoptr(HolbooXmlNode) wrong_node = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300 * 1024 / 8; i++)
    g_string_append (big, "AAAAAAAA");
  g_string_append (big, "</text></note></vcard></item></items></pubsub></iq>");
  iq = parse (big->str);
  vcard = holboo_xmpp_vcard4_parse_result (iq, &error);
  g_assert_null (vcard);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);

  /* An item of another node is not a card. */
  wrong_node = parse ("<iq xmlns='jabber:client' type='result'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                      "<items node='urn:xmpp:mood'><item><vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>"
                      "</item></items></pubsub></iq>");
  g_assert_null (holboo_xmpp_vcard4_parse_result (wrong_node, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_avatar (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("not really an image", 19);
  g_autofree char *id = holboo_xmpp_avatar_compute_id (data);
  g_autoptr(HolbooXmlNode) publish = holboo_xmpp_avatar_build_data_publish (data, HOLBOO_XMPP_PEP_ACCESS_OPEN);
  g_autofree char *text = holboo_xml_node_to_string (publish);
  g_autofree char *result = NULL;
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(HolbooXmlNode) meta = NULL;
  g_autoptr(HolbooXmlNode) presence = NULL;
  g_autoptr(HolbooXmlNode) presence_empty = NULL;
  g_autoptr(HolbooXmlNode) presence_bad = NULL;
  g_autoptr(HolbooXmppAvatarInfo) info = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (strlen (id), ==, 40);
  g_assert_nonnull (strstr (text, id));

  result = g_strdup_printf ("<iq xmlns='jabber:client' type='result'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                            "<items node='urn:xmpp:avatar:data'><item id='%s'><data xmlns='urn:xmpp:avatar:data'>%s"
                            "</data></item></items></pubsub></iq>", id, "bm90IHJlYWxseSBhbiBpbWFnZQ==");
  iq = parse (result);
  back = holboo_xmpp_avatar_parse_data (iq, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, data));
  /* The same bytes asked for under another id are refused. */
  g_assert_null (holboo_xmpp_avatar_parse_data (iq, "0000000000000000000000000000000000000000", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Metadata: an <info/> with a url or a bad id is skipped. */
  meta = parse ("<iq xmlns='jabber:client' type='result'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                "<items node='urn:xmpp:avatar:metadata'><item id='x'><metadata xmlns='urn:xmpp:avatar:metadata'>"
                "<info id='../../etc' bytes='1' type='image/png'/>"
                "<info id='111d68d06e2d317b5a59c2c6c5bad808a8e1b5ab' url='http://tracker/x.png' bytes='1'/>"
                "<info id='111D68D06E2D317B5A59C2C6C5BAD808A8E1B5AB' bytes='99999999999' type='image/png' width='-4'/>"
                "</metadata></item></items></pubsub></iq>");
  info = holboo_xmpp_avatar_parse_metadata (meta, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->id, ==, "111d68d06e2d317b5a59c2c6c5bad808a8e1b5ab");
  g_assert_cmpuint (info->bytes, ==, 99999999999);
  g_assert_cmpuint (info->width, ==, 0);

  /* XEP-0153 hashes in presence. */
  presence = parse ("<presence xmlns='jabber:client'><x xmlns='vcard-temp:x:update'>"
                    "<photo>111d68d06e2d317b5a59c2c6c5bad808a8e1b5ab</photo></x></presence>");
  presence_empty = parse ("<presence xmlns='jabber:client'><x xmlns='vcard-temp:x:update'><photo/></x></presence>");
  presence_bad = parse ("<presence xmlns='jabber:client'><x xmlns='vcard-temp:x:update'><photo>zz</photo></x></presence>");
  g_assert_cmpstr (holboo_xmpp_avatar_get_update_hash (presence), ==, "111d68d06e2d317b5a59c2c6c5bad808a8e1b5ab");
  g_assert_cmpstr (holboo_xmpp_avatar_get_update_hash (presence_empty), ==, "");
  g_assert_null (holboo_xmpp_avatar_get_update_hash (presence_bad));
}

static void
test_avatar_too_large (void)
{
  gsize encoded = (HOLBOO_XMPP_AVATAR_MAX_SIZE / 3 + 16) * 4;
  g_autoptr(GString) xml = g_string_new ("<iq xmlns='jabber:client' type='result'><vCard xmlns='vcard-temp'>"
                                         "<PHOTO><TYPE>image/png</TYPE><BINVAL>");
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(GError) error = NULL;
  gsize start = xml->len;

  g_string_set_size (xml, start + encoded);
  memset (xml->str + start, 'Q', encoded);
  g_string_append (xml, "</BINVAL></PHOTO></vCard></iq>");
  iq = parse (xml->str);
  g_assert_null (holboo_xmpp_avatar_parse_vcard_temp_photo (iq, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/pep/publish-options", test_publish_options);
  g_test_add_func ("/xmpp/pep/vcard-limits", test_vcard_limits);
  g_test_add_func ("/xmpp/pep/avatar", test_avatar);
  g_test_add_func ("/xmpp/pep/avatar-too-large", test_avatar_too_large);

  return g_test_run ();
}
