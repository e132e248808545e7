/* holboo-card-preview.c: a business card drawn as one, with its QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card of the ISO 7810 ID-1 proportions (85.6 × 54 mm): photo, name,
 * title, department and company, then the ways to reach the person, and
 * on the right the QR code that carries the card (HolbooQrCode, drawn on
 * white whatever the style, since scanners want dark on light).  In dark
 * mode the card itself is dark.  The photo is decoded here, in the UI: a
 * photo that does not decode is simply not drawn.
 */

#define G_LOG_DOMAIN "holboo-card-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "holboo-card-preview.h"
#include "holboo-qr-code.h"

#define CARD_RATIO (54.0 / 85.6)

struct _HolbooCardPreview
{
  GtkWidget     parent_instance;

  HolbooCard   *card;
  HolbooQrCode *qr;
  char         *qr_text;
  GdkTexture   *photo;
};

G_DEFINE_FINAL_TYPE (HolbooCardPreview, holboo_card_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_qr (HolbooCardPreview *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->qr, holboo_qr_code_unref);
  g_clear_pointer (&self->qr_text, g_free);
  if (self->card == NULL)
    return;

  /* A few milliseconds at most, even per key typed. */
  self->qr_text = holboo_card_dup_qr_text (self->card, HOLBOO_CARD_QR_MAX_LENGTH);
  if (self->qr_text != NULL)
    self->qr = holboo_qr_code_new (self->qr_text, &error);
  if (error != NULL)
    g_message ("No QR code for the card: %s", error->message);
}

static void
update_photo (HolbooCardPreview *self)
{
  g_autoptr(GError) error = NULL;
  GBytes *photo = self->card != NULL ? holboo_card_get_photo (self->card) : NULL;

  g_clear_object (&self->photo);
  if (photo != NULL && (self->photo = gdk_texture_new_from_bytes (photo, &error)) == NULL)
    g_message ("The card's photo does not decode: %s", error->message);
}

static void
on_card_notify (HolbooCardPreview *self,
                GParamSpec        *pspec)
{
  if (g_str_equal (pspec->name, "photo"))
    update_photo (self);
  else if (!g_str_equal (pspec->name, "photo-type"))
    update_qr (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_source (cairo_t        *cr,
            const GdkRGBA  *color,
            double          alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Draws @text at @y in the column from @x, @width wide; returns the
 * height used. */
static double
draw_text (cairo_t       *cr,
           PangoLayout   *layout,
           const char    *text,
           const char    *font,
           double         x,
           double         y,
           double         width)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int w, h;

  if (text == NULL)
    return 0;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
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
holboo_card_preview_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  HolbooCardPreview *self = HOLBOO_CARD_PREVIEW (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA paper, ink, accent;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double card_w, card_h, x0, y0, pad, qr_side, text_x, text_w, y, photo_side = 0;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_t *cr;

  if (self->card == NULL || width < 10 || height < 10)
    return;

  gdk_rgba_parse (&paper, dark ? "#303030" : "#ffffff");
  gdk_rgba_parse (&ink, dark ? "#ffffff" : "#241f31");
  gdk_rgba_parse (&accent, dark ? "#78aeed" : "#1c71d8");

  card_w = MIN (width, height / CARD_RATIO);
  card_h = card_w * CARD_RATIO;
  x0 = (width - card_w) / 2;
  y0 = (height - card_h) / 2;
  pad = card_h * 0.08;
  qr_side = 0;
  if (self->qr != NULL)
    {
      /* Whole pixels per module, so the code stays crisp enough to scan
       * from the screen. */
      guint modules = holboo_qr_code_get_size (self->qr) + 8;

      qr_side = MAX (1.0, floor (card_h * 0.72 / modules)) * modules;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

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

  if (self->qr != NULL)
    {
      double qx = round (x0 + card_w - pad - qr_side);
      double qy = round (y0 + (card_h - qr_side) / 2);
      double quiet = qr_side * 4 / (holboo_qr_code_get_size (self->qr) + 8);

      cairo_rectangle (cr, qx, qy, qr_side, qr_side);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      holboo_qr_code_draw (self->qr, cr, qx + quiet, qy + quiet, qr_side - 2 * quiet);
    }

  if (self->photo != NULL)
    photo_side = card_h * 0.28;

  text_x = x0 + pad * 1.4;
  text_w = card_w - (text_x - x0) - (qr_side > 0 ? qr_side + 2 * pad : pad);
  y = y0 + pad + photo_side + (photo_side > 0 ? pad * 0.5 : 0);
  layout = pango_cairo_create_layout (cr);
  {
    g_autofree char *name_font = g_strdup_printf ("Cantarell Bold %.0fpx", card_h * 0.085);
    g_autofree char *title_font = g_strdup_printf ("Cantarell %.0fpx", card_h * 0.055);
    g_autofree char *small_font = g_strdup_printf ("Cantarell %.0fpx", card_h * 0.048);
    g_autofree char *org = NULL;
    const char *company = holboo_card_get_company (self->card);
    const char *department = holboo_card_get_department (self->card);
    const char * const *phones = holboo_card_get_phones (self->card);
    const char * const *emails = holboo_card_get_emails (self->card);

    if (company != NULL && department != NULL)
      org = g_strdup_printf ("%s · %s", department, company);
    else
      org = g_strdup (company != NULL ? company : department);

    set_source (cr, &ink, 1);
    y += draw_text (cr, layout, holboo_card_get_name (self->card) ? holboo_card_get_name (self->card) : _("Your name"),
                    name_font, text_x, y, text_w);
    set_source (cr, &accent, 1);
    y += draw_text (cr, layout, holboo_card_get_title (self->card), title_font, text_x, y, text_w);
    set_source (cr, &ink, 0.75);
    y += draw_text (cr, layout, org, title_font, text_x, y, text_w);
    y += card_h * 0.04;
    set_source (cr, &ink, 0.9);
    for (guint i = 0; phones[i] != NULL && i < 2; i++)
      y += draw_text (cr, layout, phones[i], small_font, text_x, y, text_w);
    if (emails[0] != NULL)
      y += draw_text (cr, layout, emails[0], small_font, text_x, y, text_w);
    if (holboo_card_get_xmpp (self->card) != NULL &&
        g_strcmp0 (holboo_card_get_xmpp (self->card), emails[0]) != 0)
      y += draw_text (cr, layout, holboo_card_get_xmpp (self->card), small_font, text_x, y, text_w);
    y += draw_text (cr, layout, holboo_card_get_website (self->card), small_font, text_x, y, text_w);
    if (y < y0 + card_h - pad)
      draw_text (cr, layout, holboo_card_get_address (self->card), small_font, text_x, y, text_w);
  }
  cairo_destroy (cr);

  if (self->photo != NULL)
    {
      GskRoundedRect clip;
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (text_x, y0 + pad, photo_side, photo_side);

      gsk_rounded_rect_init_from_rect (&clip, &bounds, photo_side / 2);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_texture (snapshot, self->photo, &bounds);
      gtk_snapshot_pop (snapshot);
    }
}

static GtkSizeRequestMode
holboo_card_preview_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
holboo_card_preview_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      int width = for_size > 0 ? MIN (for_size, 560) : 560;

      /* As tall as the card is at this width: a card never squashed. */
      *minimum = *natural = (int) (width * CARD_RATIO);
    }
}

static void
holboo_card_preview_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HolbooCardPreview *self = HOLBOO_CARD_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CARD: g_value_set_object (value, self->card); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_card_preview_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HolbooCardPreview *self = HOLBOO_CARD_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CARD: holboo_card_preview_set_card (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_card_preview_dispose (GObject *object)
{
  HolbooCardPreview *self = HOLBOO_CARD_PREVIEW (object);

  if (self->card != NULL)
    g_signal_handlers_disconnect_by_data (self->card, self);
  g_clear_object (&self->card);
  g_clear_pointer (&self->qr, holboo_qr_code_unref);
  g_clear_pointer (&self->qr_text, g_free);
  g_clear_object (&self->photo);

  G_OBJECT_CLASS (holboo_card_preview_parent_class)->dispose (object);
}

static void
holboo_card_preview_class_init (HolbooCardPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = holboo_card_preview_get_property;
  object_class->set_property = holboo_card_preview_set_property;
  object_class->dispose = holboo_card_preview_dispose;
  widget_class->snapshot = holboo_card_preview_snapshot;
  widget_class->measure = holboo_card_preview_measure;
  widget_class->get_request_mode = holboo_card_preview_get_request_mode;

  properties[PROP_CARD] =
    g_param_spec_object ("card", NULL, NULL, HOLBOO_TYPE_CARD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "holboo-card-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
holboo_card_preview_init (HolbooCardPreview *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
holboo_card_preview_new (void)
{
  return g_object_new (HOLBOO_TYPE_CARD_PREVIEW, NULL);
}

HolbooCard *
holboo_card_preview_get_card (HolbooCardPreview *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD_PREVIEW (self), NULL);

  return self->card;
}

void
holboo_card_preview_set_card (HolbooCardPreview *self,
                              HolbooCard        *card)
{
  g_return_if_fail (HOLBOO_IS_CARD_PREVIEW (self));
  g_return_if_fail (card == NULL || HOLBOO_IS_CARD (card));

  if (self->card == card)
    return;

  if (self->card != NULL)
    g_signal_handlers_disconnect_by_data (self->card, self);
  g_set_object (&self->card, card);
  if (card != NULL)
    g_signal_connect_swapped (card, "notify", G_CALLBACK (on_card_notify), self);
  update_qr (self);
  update_photo (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CARD]);
}

/**
 * holboo_card_preview_get_qr_text:
 *
 * Returns: (nullable): what the drawn QR code says
 */
const char *
holboo_card_preview_get_qr_text (HolbooCardPreview *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD_PREVIEW (self), NULL);

  return self->qr_text;
}
