/* test-ui-card.c: the My card page under Xvfb: the form and the preview
 * follow each other, the QR code drawn on screen decodes back to the
 * card (zbarimg), in light and dark style; a photo that does not decode
 * is not drawn and breaks nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under tests/ui/xvfb-wrapper.sh; screenshots go to
 * $HOLBOO_TEST_ARTEFACTS (test-ui-card-*.png).
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "holboo-card-page.h"
#include "holboo-card-preview.h"

static gboolean
on_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Lets layout, frames and idles run for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (5, on_wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = NULL;
  char *data;
  gsize size;
  int fd;

  /* A face-like disc, so the photo is visible in the screenshot. */
  cairo_set_source_rgb (cr, 0.36, 0.6, 0.85);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.98, 0.85, 0.7);
  cairo_arc (cr, width / 2.0, height * 0.42, width * 0.22, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, width / 2.0, height * 1.05, width * 0.42, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  fd = g_file_open_tmp ("holboo-ui-card-XXXXXX.png", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  g_close (fd, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_unlink (path);
  return g_bytes_new_take (data, size);
}

static char *
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("HOLBOO_TEST_ARTEFACTS");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("test-ui-card-%s.png", name);
  int width = 0;
  int height = 0;
  char *path;

  if (dir == NULL || *dir == '\0')
    dir = g_get_tmp_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  for (guint tries = 0; node == NULL; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      g_assert_cmpuint (tries, <, 250);
      run_for (20);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
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
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("zbarimg found no QR code in %s", png);
  if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';
  return out;
}

static void
assert_qr_on_screen (GtkWidget  *window,
                     GtkWidget  *preview,
                     const char *name)
{
  g_autofree char *path = screenshot (window, name);
  g_autofree char *decoded = zbar_decode (path);

  if (decoded == NULL)
    {
      g_test_message ("zbarimg (Debian package zbar-tools) is not installed: QR code not decoded");
      return;
    }
  g_assert_cmpstr (decoded, ==, holboo_card_preview_get_qr_text (HOLBOO_CARD_PREVIEW (preview)));
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
save_artefact (GBytes     *bytes,
               const char *name)
{
  const char *dir = g_getenv ("HOLBOO_TEST_ARTEFACTS");
  g_autofree char *file = g_strdup_printf ("test-ui-card-%s", name);
  g_autoptr(GError) error = NULL;
  char *path;

  if (dir == NULL || *dir == '\0')
    dir = g_get_tmp_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, file, NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_test_message ("Saved %s", path);
  return path;
}

/* Export as the menu does: the .vcf reads back as the card; the PNG is
 * the card at 300 dpi whose code decodes to what the preview's says;
 * the PDF is one page the card's size (and, with poppler-utils, its code
 * decodes too once rasterised). */
static void
assert_exports (HolbooCardPage *page,
                const char     *qr_text)
{
  g_autoptr(GBytes) vcf = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(HolbooCard) back = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  const char *data;
  gsize size;

  vcf = holboo_card_page_export_bytes (page, "vcf", &error);
  g_assert_no_error (error);
  back = holboo_card_new_from_vcf (g_bytes_get_data (vcf, NULL), g_bytes_get_size (vcf), &error);
  g_assert_no_error (error);
  g_assert_true (holboo_card_equal (back, holboo_card_page_get_card (page)));

  png = holboo_card_page_export_bytes (page, "png", &error);
  g_assert_no_error (error);
  texture = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1011);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 638);
  png_path = save_artefact (png, "export.png");
  decoded = zbar_decode (png_path);
  if (decoded != NULL)
    g_assert_cmpstr (decoded, ==, qr_text);

  pdf = holboo_card_page_export_bytes (page, "pdf", &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (pdf, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (g_str_has_prefix (data, "%PDF-1."));
  /* 85.6 × 54 mm in points (memmem: the file has binary streams). */
  g_assert_nonnull (memmem (data, size, "/MediaBox [ 0 0 242.645669 153.070866 ]", 39));
  pdf_path = save_artefact (pdf, "export.pdf");
  if (pdftoppm != NULL)
    {
      g_autofree char *prefix = g_strconcat (pdf_path, "-raster", NULL);
      g_autofree char *raster = g_strconcat (prefix, ".png", NULL);
      g_autofree char *from_pdf = NULL;
      const char *argv[] = { pdftoppm, "-png", "-r", "400", "-singlefile", pdf_path, prefix, NULL };
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      from_pdf = zbar_decode (raster);
      if (from_pdf != NULL)
        g_assert_cmpstr (from_pdf, ==, qr_text);
    }
  else
    g_test_message ("pdftoppm (Debian package poppler-utils) is not installed: the PDF's code is not decoded");
}

static void
test_card_page (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = holboo_card_page_new ();
  GtkWidget *preview, *name_row, *phones_row;
  g_autoptr(HolbooCard) card = holboo_card_new ();
  g_autoptr(GBytes) photo = make_png (128, 128);
  g_autofree char *qr_before = NULL;
  HolbooCard *edited;

  holboo_card_set_name (card, "Болормаа Дорж");
  holboo_card_set_title (card, "Борлуулалтын менежер");
  holboo_card_set_department (card, "Борлуулалт");
  holboo_card_set_company (card, "Холбоо ХХК");
  holboo_card_set_phones (card, (const char *[]) { "+976 9911 2233", "+976 7011 4455", NULL });
  holboo_card_set_emails (card, (const char *[]) { "bolormaa@holboo.mn", NULL });
  holboo_card_set_xmpp (card, "bolormaa@holboo.mn");
  holboo_card_set_website (card, "https://holboo.mn");
  holboo_card_set_address (card, "Чингисийн өргөн чөлөө 12, Улаанбаатар");
  g_assert_true (holboo_card_set_photo (card, photo, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 720, 980);
  adw_window_set_content (ADW_WINDOW (window), page);
  holboo_card_page_show_card (HOLBOO_CARD_PAGE (page), card);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);

  preview = find_widget (page, HOLBOO_TYPE_CARD_PREVIEW, NULL);
  name_row = find_widget (page, ADW_TYPE_ENTRY_ROW, "Name");
  phones_row = find_widget (page, ADW_TYPE_ENTRY_ROW, "Phone numbers");
  g_assert_nonnull (preview);
  g_assert_nonnull (name_row);

  /* The form shows the card, the preview draws it and its code. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Болормаа Дорж");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phones_row)), ==, "+976 9911 2233, +976 7011 4455");
  g_assert_true (holboo_card_equal (holboo_card_page_get_card (HOLBOO_CARD_PAGE (page)), card));
  g_assert_true (g_str_has_prefix (holboo_card_preview_get_qr_text (HOLBOO_CARD_PREVIEW (preview)), "BEGIN:VCARD"));
  assert_qr_on_screen (window, preview, "light");

  /* Typing changes the card, and the code follows. */
  qr_before = g_strdup (holboo_card_preview_get_qr_text (HOLBOO_CARD_PREVIEW (preview)));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Дорж  Бат\t");
  gtk_editable_set_text (GTK_EDITABLE (phones_row), "+976 8800 1122; +976 8800 3344 ,");
  edited = holboo_card_page_get_card (HOLBOO_CARD_PAGE (page));
  g_assert_cmpstr (holboo_card_get_name (edited), ==, "Дорж Бат");
  g_assert_cmpuint (g_strv_length ((GStrv) holboo_card_get_phones (edited)), ==, 2);
  run_for (100);
  g_assert_true (holboo_card_preview_get_card (HOLBOO_CARD_PREVIEW (preview)) == edited);
  g_assert_cmpstr (holboo_card_preview_get_qr_text (HOLBOO_CARD_PREVIEW (preview)), !=, qr_before);
  g_assert_nonnull (strstr (holboo_card_preview_get_qr_text (HOLBOO_CARD_PREVIEW (preview)), "FN:Дорж Бат"));

  /* Without an account there is nothing to publish to; export works. */
  g_assert_false (gtk_widget_is_sensitive (find_button (page, "card.publish")));
  g_assert_true (gtk_widget_is_sensitive (find_widget (page, GTK_TYPE_MENU_BUTTON, NULL)));
  assert_exports (HOLBOO_CARD_PAGE (page), holboo_card_preview_get_qr_text (HOLBOO_CARD_PREVIEW (preview)));

  /* Dark style: a dark card, the code still on white and readable. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  run_for (100);
  assert_qr_on_screen (window, preview, "dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_broken_photo (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *page = holboo_card_page_new ();
  g_autoptr(HolbooCard) card = holboo_card_new ();
  g_autoptr(GBytes) good = make_png (16, 16);
  g_autoptr(GByteArray) broken = g_byte_array_new ();
  g_autoptr(GBytes) broken_bytes = NULL;
  g_autofree char *path = NULL;
  const guint8 *png;
  gsize size;

  /* The PNG's header chunk and end, and noise between: it passes the
   * engine's sniffing but does not decode. */
  png = g_bytes_get_data (good, &size);
  g_byte_array_append (broken, png, 33);
  for (guint i = 0; i < 2000; i++)
    {
      guint8 b = (i * 131) & 0xFF;

      g_byte_array_append (broken, &b, 1);
    }
  g_byte_array_append (broken, png + size - 12, 12);
  broken_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&broken));

  holboo_card_set_name (card, "Broken Photo");
  g_assert_true (holboo_card_set_photo (card, broken_bytes, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 600);
  adw_window_set_content (ADW_WINDOW (window), page);
  holboo_card_page_show_card (HOLBOO_CARD_PAGE (page), card);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);

  path = screenshot (window, "broken-photo");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/card/page", test_card_page);
  g_test_add_func ("/ui/card/broken-photo", test_broken_photo);

  return g_test_run ();
}
