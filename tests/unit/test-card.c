/* test-card.c: HolbooCard's vCard forms, its QR code, and bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "holboo-card.h"
#include "holboo-qr-code.h"
#include "holboo-test-util.h"
#include "holboo-xml-stream.h"

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A real PNG, made by cairo. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

static HolbooCard *
make_cyrillic_card (void)
{
  HolbooCard *card = holboo_card_new ();
  const char *phones[] = { "+976 9911 2233", "+976-7011-0000", NULL };
  const char *emails[] = { "bolormaa@example.mn", "b.dorj@example.mn", NULL };
  g_autoptr(GBytes) photo = make_png (24, 32);
  g_autoptr(GError) error = NULL;

  holboo_card_set_name (card, "Болормаа Дорж");
  holboo_card_set_title (card, "Борлуулалтын менежер; ахлах, \\ тусгай");
  holboo_card_set_department (card, "Борлуулалт");
  holboo_card_set_company (card, "Холбоо ХХК; Монгол");
  holboo_card_set_phones (card, phones);
  holboo_card_set_emails (card, emails);
  holboo_card_set_xmpp (card, "bolormaa@example.mn");
  holboo_card_set_website (card, "https://holboo.example.mn/хүмүүс?a=1;b=2");
  holboo_card_set_address (card, "Сүхбаатарын талбай 1, Улаанбаатар 14200, Монгол Улс — урт хаяг "
                                 "нь нэг мөрөнд багтахгүй тул нугалагдана");
  g_assert_true (holboo_card_set_photo (card, photo, &error));
  g_assert_no_error (error);
  return card;
}

static void
assert_folded (const char *vcf)
{
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_suffix (vcf, "\r\n"));
  lines = g_strsplit (vcf, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* Folding never cuts a character: each physical line is UTF-8. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
    }
}

static void
test_vcf_round_trip (void)
{
  g_autoptr(HolbooCard) card = make_cyrillic_card ();
  g_autoptr(HolbooCard) back = NULL;
  g_autoptr(HolbooCard) no_photo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vcf = holboo_card_to_vcf (card, TRUE);
  g_autofree char *text = NULL;
  g_autofree char *unfolded = NULL;

  assert_folded (vcf);
  {
    g_auto(GStrv) folds = g_strsplit (vcf, "\r\n ", -1);

    unfolded = g_strjoinv ("", folds);
  }
  g_assert_true (g_str_has_prefix (vcf, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Болормаа Дорж\r\n"));
  g_assert_nonnull (strstr (unfolded, "TITLE:Борлуулалтын менежер\\; ахлах\\, \\\\ тусгай\r\n"));
  g_assert_nonnull (strstr (unfolded, "ORG:Холбоо ХХК\\; Монгол;Борлуулалт\r\n"));

  back = holboo_card_new_from_vcf (vcf, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_card_get_name (back), ==, "Болормаа Дорж");
  g_assert_cmpstr (holboo_card_get_address (back), ==, holboo_card_get_address (card));
  g_assert_cmpstr (holboo_card_get_photo_type (back), ==, "image/png");
  g_assert_true (holboo_card_equal (card, back));

  /* A file saved with LF line ends and a card without its photo. */
  no_photo = holboo_card_copy (card);
  holboo_card_set_photo (no_photo, NULL, NULL);
  text = holboo_card_to_vcf (no_photo, TRUE);
  g_assert_null (strstr (text, "PHOTO"));
  {
    g_auto(GStrv) parts = g_strsplit (text, "\r\n", -1);
    g_autofree char *vcf_lf = g_strjoinv ("\n", parts);
    g_autoptr(HolbooCard) lf = NULL;

    lf = holboo_card_new_from_vcf (vcf_lf, -1, &error);
    g_assert_no_error (error);
    g_assert_true (holboo_card_equal (no_photo, lf));
  }
}

static void
test_vcf_foreign (void)
{
  /* What a phone exports: vCard 3.0, groups, bare types, a base64 photo
   * folded with tabs, escaped newlines, several vCards in one file. */
  g_autoptr(GBytes) png = make_png (4, 4);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_autofree char *folded = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GError) error = NULL;
  GString *f = g_string_new (NULL);

  for (gsize i = 0; i < strlen (base64); i += 60)
    g_string_append_printf (f, "\t%.60s\r\n", base64 + i);
  folded = g_string_free (f, FALSE);
  text = g_strdup_printf ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Бат;Дорж;;;\r\nfn:Дорж Бат\r\n"
                          "item1.TEL;CELL:+97688001122\r\nEMAIL;TYPE=\"INTERNET,WORK\":d@x.mn\r\n"
                          "ADR;TYPE=WORK:;;Энхтайваны өргөн чөлөө 5\\nБайр 2;Улаанбаатар;;;Монгол\r\n"
                          "X-JABBER:dorj@x.mn\r\nPHOTO;ENCODING=b;TYPE=PNG:\r\n%s"
                          "END:VCARD\r\nBEGIN:VCARD\r\nFN:Second\r\nEND:VCARD\r\n", folded);

  card = holboo_card_new_from_vcf (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_card_get_name (card), ==, "Дорж Бат");
  g_assert_cmpstr (holboo_card_get_phones (card)[0], ==, "+97688001122");
  g_assert_cmpstr (holboo_card_get_emails (card)[0], ==, "d@x.mn");
  g_assert_cmpstr (holboo_card_get_xmpp (card), ==, "dorj@x.mn");
  /* The escaped newline becomes a space: a card's fields are one line. */
  g_assert_cmpstr (holboo_card_get_address (card), ==,
                   "Энхтайваны өргөн чөлөө 5 Байр 2, Улаанбаатар, Монгол");
  g_assert_true (g_bytes_equal (holboo_card_get_photo (card), png));
}

static void
test_vcard_xml_round_trip (void)
{
  g_autoptr(HolbooCard) card = make_cyrillic_card ();
  g_autoptr(HolbooXmlNode) xml = holboo_card_to_vcard_xml (card, FALSE);
  g_autoptr(HolbooXmlNode) xml_photo = holboo_card_to_vcard_xml (card, TRUE);
  g_autofree char *text = holboo_xml_node_to_string (xml);
  g_autofree char *text_photo = holboo_xml_node_to_string (xml_photo);
  g_autoptr(HolbooXmlNode) parsed = NULL;
  g_autoptr(HolbooXmlNode) parsed_photo = NULL;
  g_autoptr(HolbooCard) back = NULL;
  g_autoptr(HolbooCard) back_photo = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (strstr (text, "<photo"));
  g_assert_nonnull (strstr (text, "<uri>tel:+976 9911 2233</uri>"));
  g_assert_nonnull (strstr (text, "<uri>xmpp:bolormaa@example.mn</uri>"));
  g_assert_nonnull (strstr (text_photo, "<photo><uri>data:image/png;base64,"));

  parsed = holboo_xml_parse_element (text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  back = holboo_card_new_from_vcard_xml (parsed, &error);
  g_assert_no_error (error);
  g_assert_null (holboo_card_get_photo (back));
  g_assert_true (holboo_card_set_photo (back, holboo_card_get_photo (card), NULL));
  g_assert_true (holboo_card_equal (card, back));

  parsed_photo = holboo_xml_parse_element (text_photo, strlen (text_photo), NULL, &error);
  g_assert_no_error (error);
  back_photo = holboo_card_new_from_vcard_xml (parsed_photo, &error);
  g_assert_no_error (error);
  g_assert_true (holboo_card_equal (card, back_photo));
}

static HolbooCard *
card_from_xml (const char *xml,
               GError    **error)
{
  g_autoptr(HolbooXmlNode) node = holboo_xml_parse_element (xml, strlen (xml), NULL, error);

  if (node == NULL)
    return NULL;
  return holboo_card_new_from_vcard_xml (node, error);
}

static void
test_hostile_text (void)
{
  g_autoptr(GString) xml = g_string_new ("<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>");
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = NULL;
  const char *name;

  /* 100 KB of Cyrillic in the name, a title of controls, direction
   * overrides and line breaks, and 1,000 phone numbers. */
  for (guint i = 0; i < 100 * 1024 / 12; i++)
    g_string_append (xml, "Холбоо ");
  g_string_append (xml, "</text></fn><title><text>&#x9;Менежер&#xA;&#xD;\xc2\x85 \xe2\x80\xae"
                        "gnp.exe\xe2\x80\xac \xe2\x80\xa8" "end</text></title>");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (xml, "<tel><uri>tel:+976%08u</uri></tel>", i);
  g_string_append (xml, "<tel><uri>sip:x@y</uri></tel><email><text/></email></vcard>");

  card = card_from_xml (xml->str, &error);
  g_assert_no_error (error);
  name = holboo_card_get_name (card);
  g_assert_cmpuint (strlen (name), <=, HOLBOO_CARD_MAX_FIELD_LENGTH);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_prefix (name, "Холбоо Холбоо"));
  g_assert_false (g_str_has_suffix (name, " "));
  g_assert_cmpstr (holboo_card_get_title (card), ==, "Менежер gnp.exe end");
  g_assert_cmpuint (g_strv_length ((GStrv) holboo_card_get_phones (card)), ==, HOLBOO_CARD_MAX_VALUES);
  g_assert_cmpuint (g_strv_length ((GStrv) holboo_card_get_emails (card)), ==, 0);

  /* Invalid UTF-8 and NULs from a file. */
  clean = holboo_card_sanitize_text ("a\xff\xfe" "b\0c", 6, 64);
  g_assert_cmpstr (clean, ==, "a\xef\xbf\xbd\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
  g_clear_pointer (&clean, g_free);
  g_assert_null (holboo_card_sanitize_text (" \t\n\x01 ", -1, 64));
  /* Cut at a character boundary, never inside one. */
  clean = holboo_card_sanitize_text ("ӨӨӨ", -1, 5);
  g_assert_cmpstr (clean, ==, "ӨӨ");
}

static void
test_malformed (void)
{
  const char *bad_xml[] = {
    "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>x</fn></vcard>",
    "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>&bogus;</text></fn></vcard>",
    "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'>",
    "not xml at all",
  };
  const char *not_vcard4[] = {
    "<vCard xmlns='vcard-temp'><FN>x</FN></vCard>",
    "<vcard xmlns='urn:ietf:params:xml:ns:vcard-3.0'><fn><text>x</text></fn></vcard>",
  };
  const char *odd_but_fine =
    "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn/><org/><adr/><tel/><impp><uri>http://x</uri></impp>"
    "<photo><uri>https://tracker.example/pixel.png</uri></photo><x xmlns='urn:other'><fn><text>no</text></fn></x>"
    "<title><text><b xmlns='urn:other'>nested</b>plain</text></title></vcard>";
  g_autoptr(HolbooCard) card = NULL;
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad_xml); i++)
    {
      g_assert_null (card_from_xml (bad_xml[i], &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_vcard4); i++)
    {
      g_assert_null (card_from_xml (not_vcard4[i], &error));
      g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* Empty properties, a remote photo (never fetched), other namespaces. */
  card = card_from_xml (odd_but_fine, &error);
  g_assert_no_error (error);
  g_assert_null (holboo_card_get_name (card));
  g_assert_null (holboo_card_get_xmpp (card));
  g_assert_null (holboo_card_get_photo (card));
  g_assert_cmpstr (holboo_card_get_title (card), ==, "plain");

  /* .vcf: no vCard, and a file too large to read. */
  g_assert_null (holboo_card_new_from_vcf ("FN:x\r\nEND:VCARD\r\n", -1, &error));
  g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (holboo_card_new_from_vcf ("", 0, &error));
  g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_INVALID);
  g_clear_error (&error);
  {
    gsize size = HOLBOO_CARD_MAX_VCF_SIZE + 1;
    g_autofree char *huge = g_malloc (size + 1);

    memset (huge, 'A', size);
    huge[size] = '\0';
    memcpy (huge, "BEGIN:VCARD\r\nFN:", 16);
    g_assert_null (holboo_card_new_from_vcf (huge, -1, &error));
    g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }
}

static void
test_bad_photos (void)
{
  g_autoptr(HolbooCard) card = holboo_card_new ();
  g_autoptr(GBytes) png = make_png (8, 8);
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (png, 0, g_bytes_get_size (png) - 20);
  g_autoptr(GBytes) garbage = NULL;
  g_autoptr(GBytes) huge = NULL;
  g_autofree guint8 *noise = g_malloc (4096);
  /* A JPEG header claiming 60000×60000 pixels. */
  static const guint8 jpeg_bomb[] = {
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00,
    0xFF, 0xC0, 0x00, 0x0B, 0x08, 0xEA, 0x60, 0xEA, 0x60, 0x01, 0x01, 0x11, 0x00,
    0xFF, 0xD9,
  };
  static const guint8 jpeg_small[] = {
    0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00,
    0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x30, 0x00, 0x40, 0x01, 0x01, 0x11, 0x00,
    0xFF, 0xD9,
  };
  g_autoptr(GBytes) bomb = g_bytes_new_static (jpeg_bomb, sizeof jpeg_bomb);
  g_autoptr(GBytes) small = g_bytes_new_static (jpeg_small, sizeof jpeg_small);
  GError *error = NULL;
  guint width, height;

  for (guint i = 0; i < 4096; i++)
    noise[i] = g_test_rand_int_range (0, 256);
  noise[0] = 0x89;   /* not quite a PNG */
  garbage = g_bytes_new (noise, 4096);

  g_assert_false (holboo_card_set_photo (card, garbage, &error));
  g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_BAD_PHOTO);
  g_clear_error (&error);
  g_assert_false (holboo_card_set_photo (card, truncated, &error));
  g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_BAD_PHOTO);
  g_clear_error (&error);
  g_assert_false (holboo_card_set_photo (card, bomb, &error));
  g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (holboo_card_get_photo (card));

  g_assert_cmpstr (holboo_card_sniff_photo (small, &width, &height, &error), ==, "image/jpeg");
  g_assert_no_error (error);
  g_assert_cmpuint (width, ==, 64);
  g_assert_cmpuint (height, ==, 48);
  g_assert_cmpstr (holboo_card_sniff_photo (png, &width, &height, &error), ==, "image/png");
  g_assert_cmpuint (width, ==, 8);

  /* A 20 MiB photo inline in a peer's vCard: refused before decoding. */
  {
    gsize encoded = 20 * 1024 * 1024 / 3 * 4;
    GString *xml = g_string_sized_new (encoded + 256);
    g_autoptr(HolbooXmlNode) node = NULL;
    g_autoptr(HolbooCard) from_peer = NULL;

    g_string_append (xml, "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>Big</text></fn>"
                          "<photo><uri>data:image/png;base64,");
    {
      g_autofree char *head = g_base64_encode (g_bytes_get_data (png, NULL), 12);

      g_string_append_len (xml, head, 16);
    }
    {
      gsize start = xml->len;

      g_string_set_size (xml, start + encoded - 16);
      memset (xml->str + start, 'A', encoded - 16);
    }
    g_string_append (xml, "</uri></photo></vcard>");

    /* The stream refuses a stanza this large, so it can only come from a
     * file or a test: parse without the stanza limit. */
    {
      HolbooXmlLimits limits;

      holboo_xml_limits_init (&limits);
      limits.max_stanza_size = xml->len + 1;
      limits.max_tag_size = xml->len + 1;
      node = holboo_xml_parse_element (xml->str, xml->len, &limits, &error);
    }
    g_string_free (xml, TRUE);
    g_assert_no_error (error);
    from_peer = holboo_card_new_from_vcard_xml (node, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (holboo_card_get_name (from_peer), ==, "Big");
    g_assert_null (holboo_card_get_photo (from_peer));
  }

  /* A photo over the limit handed over directly. */
  huge = g_bytes_new_take (g_malloc0 (HOLBOO_CARD_MAX_PHOTO_SIZE + 1), HOLBOO_CARD_MAX_PHOTO_SIZE + 1);
  g_assert_false (holboo_card_set_photo (card, huge, &error));
  g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE);
  g_clear_error (&error);
}

static char *
decode_qr_png (const char *path)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *argv[] = { zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", path, NULL };

  if (zbarimg == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* zbarimg ends its output with a newline of its own. */
  if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';
  return g_steal_pointer (&out);
}

static void
test_qr (void)
{
  g_autoptr(HolbooCard) card = make_cyrillic_card ();
  g_autoptr(HolbooCard) big = holboo_card_copy (card);
  g_autofree char *dir = holboo_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "card.png", NULL);
  g_autofree char *text = holboo_card_dup_qr_text (card, HOLBOO_CARD_QR_MAX_LENGTH);
  g_autofree char *decoded = NULL;
  g_autofree char *big_text = NULL;
  g_autofree char *too_big = NULL;
  g_autoptr(HolbooQrCode) qr = NULL;
  g_autoptr(HolbooCard) scanned = NULL;
  g_autoptr(HolbooCard) without_photo = holboo_card_copy (card);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  /* The QR code carries the card as text, photo left out. */
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD\r\n"));
  g_assert_null (strstr (text, "PHOTO"));
  qr = holboo_qr_code_new (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holboo_qr_code_get_size (qr), >=, 21);
  g_assert_true (holboo_qr_code_get_module (qr, 0, 0));   /* a finder pattern's corner */
  g_assert_false (holboo_qr_code_get_module (qr, 7, 7));
  g_assert_false (holboo_qr_code_get_module (qr, 9999, 0));

  surface = holboo_qr_code_to_surface (qr, 4, 4);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (holboo_qr_code_get_size (qr) + 8) * 4);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  decoded = decode_qr_png (path);
  if (decoded == NULL)
    {
      g_test_skip ("zbarimg (Debian package zbar-tools) is not installed: the QR code is not decoded");
    }
  else
    {
      g_assert_cmpstr (decoded, ==, text);
      scanned = holboo_card_new_from_vcf (decoded, -1, &error);
      g_assert_no_error (error);
      holboo_card_set_photo (without_photo, NULL, NULL);
      g_assert_true (holboo_card_equal (scanned, without_photo));
    }

  /* A card too large for a code gets an xmpp: URI instead. */
  {
    const char *many[HOLBOO_CARD_MAX_VALUES + 1] = { NULL, };
    g_autofree char *long_email = g_strnfill (HOLBOO_CARD_MAX_FIELD_LENGTH - 10, 'x');

    for (guint i = 0; i < HOLBOO_CARD_MAX_VALUES; i++)
      many[i] = long_email;
    holboo_card_set_emails (big, many);
  }
  big_text = holboo_card_dup_qr_text (big, HOLBOO_CARD_QR_MAX_LENGTH);
  g_assert_cmpstr (big_text, ==, "xmpp:bolormaa@example.mn");
  holboo_card_set_xmpp (big, NULL);
  g_assert_null (holboo_card_dup_qr_text (big, HOLBOO_CARD_QR_MAX_LENGTH));

  /* libqrencode refuses what no QR code holds. */
  too_big = g_strnfill (8000, 'x');
  g_assert_null (holboo_qr_code_new (too_big, &error));
  g_assert_error (error, HOLBOO_QR_CODE_ERROR, HOLBOO_QR_CODE_ERROR_TOO_LARGE);

  holboo_test_rm_rf (dir);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

static void
test_properties (void)
{
  g_autoptr(HolbooCard) card = holboo_card_new ();
  guint notified = 0;
  g_auto(GStrv) phones = NULL;

  g_assert_true (holboo_card_is_empty (card));
  g_signal_connect_swapped (card, "notify::name", G_CALLBACK (count_notify), &notified);
  g_object_set (card, "name", "  Дорж \n", "phones", (const char *[]) { "1", " ", "2", NULL }, NULL);
  g_assert_cmpstr (holboo_card_get_name (card), ==, "Дорж");
  g_assert_cmpuint (notified, ==, 1);
  /* The same text after cleaning is no change. */
  holboo_card_set_name (card, "Дорж\t");
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (card, "phones", &phones, NULL);
  g_assert_cmpuint (g_strv_length (phones), ==, 2);
  g_assert_false (holboo_card_is_empty (card));
}

/* The demo's cards (data/demo, published by build-aux/holboo demo) read
 * as full cards whose photos are images the server will take. */
static void
test_demo_cards (void)
{
  const char * const names[] = { "alice", "bat", "saraa" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.vcf", names[i]);
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo", file, NULL);
      g_autofree char *text = NULL;
      g_autoptr(HolbooCard) card = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *xmpp = g_strdup_printf ("%s@localhost", names[i]);
      guint width = 0, height = 0;
      gsize length;

      g_assert_true (g_file_get_contents (path, &text, &length, &error));
      card = holboo_card_new_from_vcf (text, length, &error);
      g_assert_no_error (error);
      g_assert_nonnull (holboo_card_get_name (card));
      g_assert_nonnull (holboo_card_get_title (card));
      g_assert_nonnull (holboo_card_get_department (card));
      g_assert_nonnull (holboo_card_get_phones (card)[0]);
      g_assert_cmpstr (holboo_card_get_xmpp (card), ==, xmpp);
      g_assert_nonnull (holboo_card_get_photo (card));
      g_assert_cmpstr (holboo_card_sniff_photo (holboo_card_get_photo (card), &width, &height, &error), ==, "image/png");
      g_assert_cmpuint (width, ==, 128);
      g_assert_cmpuint (g_bytes_get_size (holboo_card_get_photo (card)), <, 160 * 1024);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/card/vcf/round-trip", test_vcf_round_trip);
  g_test_add_func ("/card/vcf/foreign", test_vcf_foreign);
  g_test_add_func ("/card/vcard-xml/round-trip", test_vcard_xml_round_trip);
  g_test_add_func ("/card/hostile-text", test_hostile_text);
  g_test_add_func ("/card/malformed", test_malformed);
  g_test_add_func ("/card/bad-photos", test_bad_photos);
  g_test_add_func ("/card/qr", test_qr);
  g_test_add_func ("/card/properties", test_properties);
  g_test_add_func ("/card/demo", test_demo_cards);

  return g_test_run ();
}
