/* holboo-store-cards.c: colleagues' business cards, kept between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team directory shows what it knew at the last run at once, even
 * offline, and refreshes it from the server once per session.  A card
 * is kept as the .vcf text Holboo writes (with the photo): the engine's
 * own parser reads it back, with all its checks.
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-cards.h"
#include "holboo-store-private.h"

void
holboo_stored_card_free (HolbooStoredCard *card)
{
  if (card == NULL)
    return;
  g_free (card->jid);
  g_free (card->vcard);
  g_free (card);
}

/**
 * holboo_store_cards_load:
 *
 * Returns: (transfer full) (element-type HolbooStoredCard) (nullable):
 *   every card kept, ordered by JID; %NULL on failure
 */
GPtrArray *
holboo_store_cards_load (HolbooStore  *self,
                         GError      **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_card_free);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self, "SELECT jid, vcard, fetched_at FROM cards ORDER BY jid;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      HolbooStoredCard *card = g_new0 (HolbooStoredCard, 1);

      card->jid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      card->vcard = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      card->fetched_at = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (cards, card);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&cards);
}

/**
 * holboo_store_card_put:
 * @vcard: the card as .vcf text
 *
 * Keeps @jid's card, replacing the one kept before.
 */
gboolean
holboo_store_card_put (HolbooStore  *self,
                       const char   *jid,
                       const char   *vcard,
                       gint64        fetched_at,
                       GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (jid != NULL && vcard != NULL, FALSE);

  stmt = _holboo_store_prepare (self,
                                "INSERT INTO cards (jid, vcard, fetched_at) VALUES (?1, ?2, ?3) "
                                "ON CONFLICT (jid) DO UPDATE SET vcard = excluded.vcard,"
                                "  fetched_at = excluded.fetched_at;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, jid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, vcard, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, fetched_at);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

/**
 * holboo_store_card_remove:
 *
 * Forgets @jid's card (they have none now, or no longer share it).
 */
gboolean
holboo_store_card_remove (HolbooStore  *self,
                          const char   *jid,
                          GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (jid != NULL, FALSE);

  stmt = _holboo_store_prepare (self, "DELETE FROM cards WHERE jid = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, jid, -1, SQLITE_STATIC);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}
