/* holboo-card-renderer.c: a business card drawn with cairo and pango, for
 * the screen and for PNG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing for every place a card is shown, so the exported image is
 * the card the preview shows: a card of the ISO 7810 ID-1 proportions
 * (85.6 × 54 mm) with the photo, name, title, department and company,
 * then the ways to reach the person, and on the right the QR code that
 * carries the card (HolbooQrCode, always dark on white, since scanners
 * want that).  The QR code's modules are whole device units, so a code
 * drawn on screen or into a PNG stays crisp enough to scan.
 *
 * PNG files are HOLBOO_CARD_PNG_WIDTH pixels wide (300 dpi); PDF files
 * are one page the size of the card, drawn with the same layout scaled
 * to it, the text and the code as vectors.  Files are always the light
 * card: they are for printing and for people using other apps.
 */

#define G_LOG_DOMAIN "holboo-card-renderer"

#include "config.h"

#include <cairo-pdf.h>
#include <gdk/gdk.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "holboo-card-renderer.h"

/* 85.6 mm in PostScript points. */
#define CARD_WIDTH_POINTS (85.6 / 25.4 * 72.0)

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Draws @text at @y in the column from @x, @width wide, on one line;
 * returns the height used. */
static double
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           const char  *font,
           double       x,
           double       y,
           double       width)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int w, h;

  if (text == NULL)
    return 0;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_photo (cairo_t         *cr,
            cairo_surface_t *photo,
            double           x,
            double           y,
            double           side)
{
  int w = cairo_image_surface_get_width (photo);
  int h = cairo_image_surface_get_height (photo);
  double scale = side / MIN (w, h);

  /* A circle, filled by the middle of the photo. */
  cairo_save (cr);
  cairo_arc (cr, x + side / 2, y + side / 2, side / 2, 0, 2 * G_PI);
  cairo_clip (cr);
  cairo_translate (cr, x + (side - w * scale) / 2, y + (side - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, photo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * holboo_card_renderer_make_qr:
 * @qr_text: (out) (optional): what the code says
 *
 * Returns: (transfer full) (nullable): the QR code that carries @card,
 *   or %NULL when the card says nothing a code could carry
 */
HolbooQrCode *
holboo_card_renderer_make_qr (HolbooCard  *card,
                              char       **qr_text)
{
  g_autofree char *text = holboo_card_dup_qr_text (card, HOLBOO_CARD_QR_MAX_LENGTH);
  g_autoptr(GError) error = NULL;
  HolbooQrCode *qr = NULL;

  if (text != NULL && (qr = holboo_qr_code_new (text, &error)) == NULL)
    g_message ("No QR code for the card: %s", error->message);
  if (qr_text != NULL)
    *qr_text = qr != NULL ? g_steal_pointer (&text) : NULL;
  return qr;
}

/**
 * holboo_card_renderer_decode_photo:
 *
 * Decodes a card's photo (already checked by holboo_card_set_photo(): a
 * known format within the size limits), unless it has more than
 * %HOLBOO_CARD_RENDER_MAX_PIXELS pixels: a card from elsewhere may carry
 * a small file that unpacks to a huge image.
 *
 * Returns: (transfer full) (nullable): the photo
 */
GdkTexture *
holboo_card_renderer_decode_photo (GBytes  *photo,
                                   GError **error)
{
  guint width = 0, height = 0;

  if (holboo_card_sniff_photo (photo, &width, &height, error) == NULL)
    return NULL;
  if ((guint64) width * height > HOLBOO_CARD_RENDER_MAX_PIXELS)
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_BAD_PHOTO,
                   "the photo is %u × %u pixels, too many to draw", width, height);
      return NULL;
    }
  return gdk_texture_new_from_bytes (photo, error);
}

/**
 * holboo_card_renderer_load_photo:
 *
 * The photo as holboo_card_renderer_decode_photo() decodes it, for cairo.
 *
 * Returns: (transfer full) (nullable): an ARGB32 image surface
 */
cairo_surface_t *
holboo_card_renderer_load_photo (GBytes  *photo,
                                 GError **error)
{
  g_autoptr(GdkTexture) texture = holboo_card_renderer_decode_photo (photo, error);
  cairo_surface_t *surface;
  int width, height;

  if (texture == NULL)
    return NULL;
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

/**
 * holboo_card_renderer_draw:
 * @qr: (nullable): the card's code, from holboo_card_renderer_make_qr()
 * @photo: (nullable): the card's photo, from
 *   holboo_card_renderer_load_photo()
 * @width: the area's width; the card is as large as fits, centred
 * @height: the area's height
 * @dark: a dark card (for a dark style), else light
 *
 * Draws @card.  The QR code's modules are whole units of @cr's device
 * when @cr is not scaled.
 */
void
holboo_card_renderer_draw (cairo_t         *cr,
                           HolbooCard      *card,
                           HolbooQrCode    *qr,
                           cairo_surface_t *photo,
                           double           width,
                           double           height,
                           gboolean         dark)
{
  GdkRGBA paper, ink, accent;
  double card_w, card_h, x0, y0, pad, qr_side = 0, text_x, text_w, y, photo_side = 0;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *name_font = NULL;
  g_autofree char *title_font = NULL;
  g_autofree char *small_font = NULL;
  g_autofree char *org = NULL;
  const char *company, *department, *xmpp;
  const char * const *phones;
  const char * const *emails;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (HOLBOO_IS_CARD (card));

  gdk_rgba_parse (&paper, dark ? "#303030" : "#ffffff");
  gdk_rgba_parse (&ink, dark ? "#ffffff" : "#241f31");
  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");

  card_w = MIN (width, height / HOLBOO_CARD_RATIO);
  card_h = card_w * HOLBOO_CARD_RATIO;
  x0 = (width - card_w) / 2;
  y0 = (height - card_h) / 2;
  pad = card_h * 0.08;
  if (qr != NULL)
    {
      /* Whole units per module, so the code stays crisp. */
      guint modules = holboo_qr_code_get_size (qr) + 8;

      qr_side = MAX (1.0, floor (card_h * 0.72 / modules)) * modules;
    }

  cairo_save (cr);

  /* The card, with a soft edge so it reads as a card on any background. */
  rounded_rectangle (cr, x0 + 0.5, y0 + 0.5, card_w - 1, card_h - 1, card_h * 0.05);
  set_source (cr, &paper, 1);
  cairo_fill_preserve (cr);
  set_source (cr, &ink, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  /* A band of accent colour along the left edge. */
  cairo_rectangle (cr, x0 + 1, y0 + card_h * 0.12, card_h * 0.025, card_h * 0.76);
  set_source (cr, &accent, 1);
  cairo_fill (cr);

  if (qr != NULL)
    {
      double qx = round (x0 + card_w - pad - qr_side);
      double qy = round (y0 + (card_h - qr_side) / 2);
      double quiet = qr_side * 4 / (holboo_qr_code_get_size (qr) + 8);

      cairo_rectangle (cr, qx, qy, qr_side, qr_side);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      holboo_qr_code_draw (qr, cr, qx + quiet, qy + quiet, qr_side - 2 * quiet);
    }

  text_x = x0 + pad * 1.4;
  text_w = card_w - (text_x - x0) - (qr_side > 0 ? qr_side + 2 * pad : pad);
  if (photo != NULL)
    {
      photo_side = card_h * 0.28;
      draw_photo (cr, photo, text_x, y0 + pad, photo_side);
    }

  y = y0 + pad + photo_side + (photo_side > 0 ? pad * 0.5 : 0);
  layout = pango_cairo_create_layout (cr);
  name_font = g_strdup_printf ("Cantarell Bold %.0fpx", card_h * 0.085);
  title_font = g_strdup_printf ("Cantarell %.0fpx", card_h * 0.055);
  small_font = g_strdup_printf ("Cantarell %.0fpx", card_h * 0.048);
  company = holboo_card_get_company (card);
  department = holboo_card_get_department (card);
  phones = holboo_card_get_phones (card);
  emails = holboo_card_get_emails (card);
  xmpp = holboo_card_get_xmpp (card);

  if (company != NULL && department != NULL)
    org = g_strdup_printf ("%s · %s", department, company);
  else
    org = g_strdup (company != NULL ? company : department);

  set_source (cr, &ink, 1);
  y += draw_text (cr, layout, holboo_card_get_name (card) ? holboo_card_get_name (card) : _("Your name"),
                  name_font, text_x, y, text_w);
  set_source (cr, &accent, 1);
  y += draw_text (cr, layout, holboo_card_get_title (card), title_font, text_x, y, text_w);
  set_source (cr, &ink, 0.75);
  y += draw_text (cr, layout, org, title_font, text_x, y, text_w);
  y += card_h * 0.04;
  set_source (cr, &ink, 0.9);
  for (guint i = 0; phones[i] != NULL && i < 2; i++)
    y += draw_text (cr, layout, phones[i], small_font, text_x, y, text_w);
  if (emails[0] != NULL)
    y += draw_text (cr, layout, emails[0], small_font, text_x, y, text_w);
  if (xmpp != NULL && g_strcmp0 (xmpp, emails[0]) != 0)
    y += draw_text (cr, layout, xmpp, small_font, text_x, y, text_w);
  y += draw_text (cr, layout, holboo_card_get_website (card), small_font, text_x, y, text_w);
  if (y < y0 + card_h - pad)
    draw_text (cr, layout, holboo_card_get_address (card), small_font, text_x, y, text_w);

  cairo_restore (cr);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * holboo_card_renderer_export:
 *
 * Draws @card, light, with its photo and code, as a PNG image
 * (HOLBOO_CARD_PNG_WIDTH pixels wide, transparent around the rounded
 * card) or a one-page PDF document the size of the card.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
holboo_card_renderer_export (HolbooCard        *card,
                             HolbooCardFormat   format,
                             GError           **error)
{
  g_autoptr(HolbooQrCode) qr = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) photo_error = NULL;
  cairo_surface_t *photo = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width = HOLBOO_CARD_PNG_WIDTH;
  double height = round (HOLBOO_CARD_PNG_WIDTH * HOLBOO_CARD_RATIO);
  cairo_t *cr;

  g_return_val_if_fail (HOLBOO_IS_CARD (card), NULL);

  qr = holboo_card_renderer_make_qr (card, NULL);
  if (holboo_card_get_photo (card) != NULL &&
      (photo = holboo_card_renderer_load_photo (holboo_card_get_photo (card), &photo_error)) == NULL)
    g_message ("The card's photo is left out: %s", photo_error->message);

  if (format == HOLBOO_CARD_FORMAT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);
  else
    surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, CARD_WIDTH_POINTS,
                                                   CARD_WIDTH_POINTS * HOLBOO_CARD_RATIO);
  cr = cairo_create (surface);
  if (format == HOLBOO_CARD_FORMAT_PDF)
    {
      /* The PNG's layout, scaled to the page: the same card. */
      cairo_scale (cr, CARD_WIDTH_POINTS / width, CARD_WIDTH_POINTS / width);
      if (holboo_card_get_name (card) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, holboo_card_get_name (card));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Holboo");
    }
  holboo_card_renderer_draw (cr, card, qr, photo, width, height, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (format == HOLBOO_CARD_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_array, bytes);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  g_clear_pointer (&photo, cairo_surface_destroy);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the card: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
