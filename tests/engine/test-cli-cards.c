/* test-cli-cards.c: holboo-cli card publish, card get and card qr against
 * a real Prosody or ejabberd, and their bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument.
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "holboo-card.h"
#include "xmpp-live-util.h"

static const char * const accounts[] = { "alice", "bob", NULL };

static char *
live_data_dir (const char *user)
{
  g_autofree char *jid = g_strdup_printf ("%s@%s", user, holboo_test_server_get_domain (live.server));
  g_autofree char *port = g_strdup_printf ("%u", holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));
  g_auto(Run) run = { 0 };
  char *dir = new_data_dir ();

  run_cli (&run, dir, "unused", "account", "add", jid, "--host",
           holboo_test_server_get_host (live.server), "--port", port, "--transport", "starttls", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return dir;
}

static HolbooCard *
make_card (const char *jid)
{
  HolbooCard *card = holboo_card_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 40);
  g_autofree char *png_path = NULL;
  g_autoptr(GBytes) photo = NULL;
  char *data;
  gsize size;
  int fd;

  fd = g_file_open_tmp ("holboo-cli-card-XXXXXX.png", &png_path, NULL);
  g_assert_cmpint (fd, >=, 0);
  g_close (fd, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (png_path, &data, &size, NULL));
  g_unlink (png_path);
  photo = g_bytes_new_take (data, size);

  holboo_card_set_name (card, "Алиса Гансүх");
  holboo_card_set_title (card, "Хэрэглэгчийн үйлчилгээний ахлах");
  holboo_card_set_company (card, "Холбоо ХХК");
  holboo_card_set_department (card, "Борлуулалт; үйлчилгээ");
  holboo_card_set_phones (card, (const char *[]) { "+976 8800 1122", NULL });
  holboo_card_set_emails (card, (const char *[]) { "alice@holboo.mn", NULL });
  holboo_card_set_xmpp (card, jid);
  g_assert_true (holboo_card_set_photo (card, photo, NULL));
  return card;
}

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("holboo-cli-card-XXXXXX.vcf", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  return path;
}

static char *
zbar_decode (const char *png)
{
  g_autofree char *zbarimg = g_find_program_in_path ("zbarimg");
  const char *argv[] = { zbarimg, "--raw", "-q", "-Sdisable", "-Sqrcode.enable", png, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (zbarimg == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';
  return out;
}

static void
test_publish_get_qr (void)
{
  g_autofree char *alice_dir = live_data_dir ("alice");
  g_autofree char *bob_dir = live_data_dir ("bob");
  g_autofree char *alice = g_strdup_printf ("alice@%s", holboo_test_server_get_domain (live.server));
  g_autoptr(HolbooCard) card = make_card (alice);
  g_autofree char *vcf = holboo_card_to_vcf (card, TRUE);
  g_autofree char *vcf_path = write_temp (vcf, -1);
  g_autofree char *png = g_build_filename (alice_dir, "card.png", NULL);
  g_autoptr(HolbooCard) read = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, alice_dir, "alice-pass", "--ca-file", live.ca_file, "card", "publish", vcf_path,
             "--access", "open", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (lines, 0), "published"), ==, alice);
    g_assert_true (json_object_get_boolean_member (g_ptr_array_index (lines, 0), "photo"));
  }
  {
    g_auto(Run) run = { 0 };

    /* Plain output is the vCard itself, photo included on request. */
    run_cli (&run, bob_dir, "bob-pass", "--ca-file", live.ca_file, "card", "get", alice, "--with-photo", NULL);
    g_assert_cmpint (run.status, ==, 0);
    read = holboo_card_new_from_vcf (run.out, -1, &error);
    g_assert_no_error (error);
    g_assert_true (holboo_card_equal (read, card));
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;
    g_autofree char *decoded = NULL;
    const char *text;

    run_cli (&run, alice_dir, "alice-pass", "--ca-file", live.ca_file, "card", "qr", "--out", png,
             "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    text = json_object_get_string_member (g_ptr_array_index (lines, 0), "text");
    g_assert_true (g_str_has_prefix (text, "BEGIN:VCARD"));
    g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));

    decoded = zbar_decode (png);
    if (decoded == NULL)
      {
        g_test_skip ("zbarimg (Debian package zbar-tools) is not installed");
      }
    else
      {
        g_autoptr(HolbooCard) scanned = NULL;

        g_assert_cmpstr (decoded, ==, text);
        scanned = holboo_card_new_from_vcf (decoded, -1, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (holboo_card_get_name (scanned), ==, "Алиса Гансүх");
        g_assert_cmpstr (holboo_card_get_department (scanned), ==, "Борлуулалт; үйлчилгээ");
      }
  }

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    /* contact add: bob takes alice into his contacts (as the demo
     * seeds the Team page); a bad address is a usage error. */
    run_cli (&run, bob_dir, "bob-pass", "--ca-file", live.ca_file, "contact", "add", alice,
             "--name", "Алиса", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (lines, 0), "added"), ==, alice);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, bob_dir, "bob-pass", "--ca-file", live.ca_file, "contact", "add", "not a jid@@", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  g_unlink (vcf_path);
  remove_tree (alice_dir);
  remove_tree (bob_dir);
}

static void
test_bad_input (void)
{
  g_autofree char *dir = live_data_dir ("alice");
  g_autofree char *not_vcard = write_temp ("this is not a vCard\n", -1);
  g_autofree char *huge_path = NULL;
  gsize huge_size = 20 * 1024 * 1024;
  g_autofree char *huge = g_malloc (huge_size);

  /* A 20 MiB "photo" in a .vcf: refused by its size, never read in. */
  memset (huge, 'A', huge_size);
  memcpy (huge, "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:x\r\nPHOTO:data:image/png;base64,", 60);
  huge_path = write_temp (huge, huge_size);

  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "alice-pass", "--ca-file", live.ca_file, "card", "publish", not_vcard, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "BEGIN:VCARD"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "alice-pass", "--ca-file", live.ca_file, "card", "publish", huge_path, NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "alice-pass", "--ca-file", live.ca_file, "card", "publish", "/nonexistent.vcf", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "alice-pass", "--ca-file", live.ca_file, "card", "get", "not a jid@@", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "alice-pass", "card", "qr", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, dir, "alice-pass", "card", "publish", not_vcard, "--access", "world", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  g_unlink (not_vcard);
  g_unlink (huge_path);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/cli/cards/publish-get-qr", test_publish_get_qr);
  g_test_add_func ("/cli/cards/bad-input", test_bad_input);

  status = g_test_run ();
  live_stop ();
  return status;
}
