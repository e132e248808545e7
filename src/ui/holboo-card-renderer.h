/* holboo-card-renderer.h: a business card drawn with cairo and pango, for
 * the screen and for PNG and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gdk/gdk.h>

#include "holboo-card.h"
#include "holboo-qr-code.h"

G_BEGIN_DECLS

/* The card's height over its width: ISO 7810 ID-1, 85.6 × 54 mm. */
#define HOLBOO_CARD_RATIO (54.0 / 85.6)

/* An exported PNG is this wide: 300 dpi across 85.6 mm. */
#define HOLBOO_CARD_PNG_WIDTH 1011

/* Photos with more pixels are not drawn. */
#define HOLBOO_CARD_RENDER_MAX_PIXELS (2048 * 2048)

typedef enum {
  HOLBOO_CARD_FORMAT_PNG,
  HOLBOO_CARD_FORMAT_PDF,
} HolbooCardFormat;

HolbooQrCode    *holboo_card_renderer_make_qr     (HolbooCard       *card,
                                                   char            **qr_text);
GdkTexture      *holboo_card_renderer_decode_photo (GBytes          *photo,
                                                   GError          **error);
cairo_surface_t *holboo_card_renderer_load_photo  (GBytes           *photo,
                                                   GError          **error);

void             holboo_card_renderer_draw        (cairo_t          *cr,
                                                   HolbooCard       *card,
                                                   HolbooQrCode     *qr,
                                                   cairo_surface_t  *photo,
                                                   double            width,
                                                   double            height,
                                                   gboolean          dark);

GBytes          *holboo_card_renderer_export      (HolbooCard       *card,
                                                   HolbooCardFormat  format,
                                                   GError          **error);

G_END_DECLS
