/* holboo-card-preview.h: a business card drawn as one, with its QR code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-card.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CARD_PREVIEW (holboo_card_preview_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCardPreview, holboo_card_preview, HOLBOO, CARD_PREVIEW, GtkWidget)

GtkWidget  *holboo_card_preview_new      (void);
HolbooCard *holboo_card_preview_get_card (HolbooCardPreview *self);
void        holboo_card_preview_set_card (HolbooCardPreview *self,
                                          HolbooCard        *card);
const char *holboo_card_preview_get_qr_text (HolbooCardPreview *self);
GtkWidget  *holboo_card_preview_present (GtkWidget         *parent,
                                         HolbooCard        *card,
                                         const char        *title,
                                         const char        *subtitle);

G_END_DECLS
