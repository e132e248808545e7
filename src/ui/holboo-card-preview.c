/* holboo-card-preview.c: a business card drawn as one, with its QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card as HolbooCardRenderer draws it (the same drawing exported
 * as PNG and PDF), as large as the widget allows.  In dark mode the card
 * itself is dark; the QR code stays on white.  The photo is decoded
 * here, in the UI: a photo that does not decode is simply not drawn.
 */

#define G_LOG_DOMAIN "holboo-card-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "holboo-card-preview.h"
#include "holboo-card-renderer.h"

struct _HolbooCardPreview
{
  GtkWidget        parent_instance;

  HolbooCard      *card;
  HolbooQrCode    *qr;
  char            *qr_text;
  cairo_surface_t *photo;
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
  g_clear_pointer (&self->qr, holboo_qr_code_unref);
  g_clear_pointer (&self->qr_text, g_free);
  /* A few milliseconds at most, even per key typed. */
  if (self->card != NULL)
    self->qr = holboo_card_renderer_make_qr (self->card, &self->qr_text);
}

static void
update_photo (HolbooCardPreview *self)
{
  g_autoptr(GError) error = NULL;
  GBytes *photo = self->card != NULL ? holboo_card_get_photo (self->card) : NULL;

  g_clear_pointer (&self->photo, cairo_surface_destroy);
  if (photo != NULL && (self->photo = holboo_card_renderer_load_photo (photo, &error)) == NULL)
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
holboo_card_preview_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  HolbooCardPreview *self = HOLBOO_CARD_PREVIEW (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->card == NULL || width < 10 || height < 10)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  holboo_card_renderer_draw (cr, self->card, self->qr, self->photo, width, height, dark);
  cairo_destroy (cr);
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
      *minimum = *natural = (int) (width * HOLBOO_CARD_RATIO);
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
  g_clear_pointer (&self->photo, cairo_surface_destroy);

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

/**
 * holboo_card_preview_present:
 * @parent: a widget of the window to put the card's window above
 * @title: the window's title (the person)
 * @subtitle: (nullable): under the title
 *
 * Opens a window with @card as large as it fits, so its QR code can be
 * scanned from the screen.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
holboo_card_preview_present (GtkWidget  *parent,
                             HolbooCard *card,
                             const char *title,
                             const char *subtitle)
{
  GtkWidget *window, *box, *header, *clamp, *preview;
  GtkRoot *root;

  g_return_val_if_fail (HOLBOO_IS_CARD (card), NULL);

  window = adw_window_new ();
  gtk_widget_set_name (window, "card-window");
  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 460);
  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_box_append (GTK_BOX (box), header);
  preview = holboo_card_preview_new ();
  holboo_card_preview_set_card (HOLBOO_CARD_PREVIEW (preview), card);
  gtk_accessible_update_property (GTK_ACCESSIBLE (preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Business card with its QR code"), -1);
  gtk_widget_set_valign (preview, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (preview, 18);
  gtk_widget_set_margin_end (preview, 18);
  gtk_widget_set_margin_top (preview, 18);
  gtk_widget_set_margin_bottom (preview, 18);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  gtk_widget_set_vexpand (clamp, TRUE);
  adw_clamp_set_child (ADW_CLAMP (clamp), preview);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
