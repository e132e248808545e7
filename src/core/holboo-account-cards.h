/* holboo-account-cards.h: the account's business card and avatar over
 * PEP, and its contacts' cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-card.h"
#include "holboo-xmpp-pep.h"

G_BEGIN_DECLS

/* The largest photo published as the avatar: its base64 must fit in a
 * stanza the servers take (Prosody's default limit is 256 KiB). */
#define HOLBOO_ACCOUNT_MAX_PUBLISHED_PHOTO_SIZE (160 * 1024)

void        holboo_account_publish_card_async  (HolbooAccount       *self,
                                                HolbooCard          *card,
                                                HolbooXmppPepAccess  access,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean    holboo_account_publish_card_finish (HolbooAccount       *self,
                                                GAsyncResult        *result,
                                                GError             **error);

void        holboo_account_fetch_card_async    (HolbooAccount       *self,
                                                const char          *jid,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
HolbooCard *holboo_account_fetch_card_finish   (HolbooAccount       *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* holboo-account-card-share.c: a card sent in a chat as a .vcf file */
void                 holboo_account_send_card_async  (HolbooAccount       *self,
                                                      const char          *to,
                                                      HolbooCard          *card,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
HolbooStoredMessage *holboo_account_send_card_finish (HolbooAccount       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* holboo-account-card-cache.c: colleagues' cards kept between runs */
void                 holboo_account_cache_card       (HolbooAccount       *self,
                                                      const char          *jid,
                                                      HolbooCard          *card);
void                 holboo_account_load_cached_cards_async  (HolbooAccount       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GHashTable          *holboo_account_load_cached_cards_finish (HolbooAccount       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
