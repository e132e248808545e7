/* holboo-store-cards.h: colleagues' business cards, kept between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store.h"

G_BEGIN_DECLS

/**
 * HolbooStoredCard:
 * @jid: whose card (a bare JID)
 * @vcard: the card as vCard 4.0 text, with its photo
 * @fetched_at: when it was read from the server, µs since the epoch
 */
typedef struct {
  char   *jid;
  char   *vcard;
  gint64  fetched_at;
} HolbooStoredCard;

void       holboo_stored_card_free  (HolbooStoredCard *card);

GPtrArray *holboo_store_cards_load  (HolbooStore      *self,
                                     GError          **error);
gboolean   holboo_store_card_put    (HolbooStore      *self,
                                     const char       *jid,
                                     const char       *vcard,
                                     gint64            fetched_at,
                                     GError          **error);
gboolean   holboo_store_card_remove (HolbooStore      *self,
                                     const char       *jid,
                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoredCard, holboo_stored_card_free)

G_END_DECLS
