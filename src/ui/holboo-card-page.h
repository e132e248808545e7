/* holboo-card-page.h: the My card page: edit, preview, publish, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-account-manager.h"
#include "holboo-card.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CARD_PAGE (holboo_card_page_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCardPage, holboo_card_page, HOLBOO, CARD_PAGE, AdwBin)

GtkWidget            *holboo_card_page_new         (void);
HolbooAccountManager *holboo_card_page_get_manager (HolbooCardPage       *self);
void                  holboo_card_page_set_manager (HolbooCardPage       *self,
                                                    HolbooAccountManager *manager);
HolbooCard           *holboo_card_page_get_card    (HolbooCardPage       *self);
void                  holboo_card_page_show_card   (HolbooCardPage       *self,
                                                    HolbooCard           *card);
GBytes               *holboo_card_page_export_bytes (HolbooCardPage      *self,
                                                    const char           *format,
                                                    GError              **error);

G_END_DECLS
