/* holboo-card-private.h: what the card's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-card.h"

G_BEGIN_DECLS

/* "data:image/png;base64,…" for the card's photo, or NULL. */
char     *_holboo_card_dup_photo_uri     (HolbooCard *self);
/* Takes a photo from a data: URI; anything wrong (another scheme, over
 * the size limit, not an image) is logged and left out. */
void      _holboo_card_take_photo_base64 (HolbooCard *self,
                                          const char *base64);
void      _holboo_card_take_photo_uri    (HolbooCard *self,
                                          const char *uri);
/* The seven address components (RFC 6350 §6.3.1; NULL or "" for an
 * empty one) joined into the card's one line. */
char     *_holboo_card_join_address      (const char * const *components);

G_END_DECLS
