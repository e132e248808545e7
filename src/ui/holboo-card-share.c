/* holboo-card-share.c: sending the account's card into a chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is shared is the card as published (what colleagues see), with
 * its photo: it is read back from the server, then sent as a .vcf file
 * (holboo_account_send_card_async()).  A problem — nothing published
 * yet, no connection, the upload refused — is said in a toast.
 */

#define G_LOG_DOMAIN "holboo-card-share"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-account-cards.h"
#include "holboo-card-share.h"

typedef struct {
  char            *peer;
  AdwToastOverlay *toasts;   /* weak */
} Share;

static void
share_free (Share *share)
{
  g_clear_weak_pointer (&share->toasts);
  g_free (share->peer);
  g_free (share);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Share, share_free)

static void
fail (Share        *share,
      const GError *error)
{
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    text = g_strdup (_("Your card is empty: fill it in on the My Card page first"));
  else
    text = g_strdup_printf (_("Could not share the card: %s"), error->message);
  g_message ("Card not shared with %s: %s", share->peer, error->message);
  if (share->toasts != NULL)
    adw_toast_overlay_add_toast (share->toasts, adw_toast_new (text));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Share) share = user_data;
  g_autoptr(HolbooStoredMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  message = holboo_account_send_card_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (message == NULL)
    fail (share, error);
}

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Share) share = user_data;
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = holboo_account_fetch_card_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (card == NULL)
    {
      fail (share, error);
      return;
    }
  holboo_account_send_card_async (HOLBOO_ACCOUNT (source), share->peer, card, NULL,
                                  on_sent, g_steal_pointer (&share));
}

/**
 * holboo_card_share_own:
 * @peer: the chat's bare JID
 * @toasts: (nullable): where to say what went wrong
 *
 * Sends the account's published card to @peer.
 */
void
holboo_card_share_own (HolbooAccount   *account,
                       const char      *peer,
                       AdwToastOverlay *toasts)
{
  Share *share;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (account));
  g_return_if_fail (peer != NULL);

  share = g_new0 (Share, 1);
  share->peer = g_strdup (peer);
  g_set_weak_pointer (&share->toasts, toasts);
  holboo_account_fetch_card_async (account, holboo_account_get_jid (account), NULL, on_fetched, share);
}
