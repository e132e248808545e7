/* holboo-account-card-share.c: a card sent in a chat, as a .vcf file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A shared card is a vCard 4.0 file (with its photo) sent like any file:
 * HTTP File Upload (XEP-0363) and its URL as out-of-band data (XEP-0066).
 * Every XMPP client shows that sensibly — a file "Name.vcf" that the
 * phone's or the desktop's contacts app opens — and Holboo shows it as a
 * card, with a button to save the contact.  Sent offline, it goes out
 * with the next session, like any file.
 *
 * On the receiving side a card file is downloaded without asking, like
 * an image, but only up to %HOLBOO_CARD_MAX_VCF_SIZE
 * (holboo-account-download.c): a larger "card" waits for the user and is
 * refused by holboo_card_load_file_async() anyway.
 */

#define G_LOG_DOMAIN "holboo-account-cards"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "holboo-account-cards.h"
#include "holboo-account-upload.h"
#include "holboo-xmpp-upload.h"

typedef struct {
  char   *to;
  char   *dir;
  char   *name;
  GBytes *vcf;
  GFile  *file;
} Share;

static void
share_free (Share *share)
{
  g_free (share->to);
  g_free (share->dir);
  g_free (share->name);
  g_bytes_unref (share->vcf);
  g_clear_object (&share->file);
  g_free (share);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Share *share = task_data;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *dir = g_build_filename (share->dir, "cards", uuid, NULL);
  g_autofree char *path = g_build_filename (dir, share->name, NULL);
  GError *error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (share->vcf, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Could not make the folder “%s”: %s"), dir, g_strerror (saved));
      return;
    }
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  share->file = g_file_new_for_path (path);
  g_task_return_boolean (task, TRUE);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HolbooStoredMessage) message = NULL;
  GError *error = NULL;

  message = holboo_account_send_file_finish (HOLBOO_ACCOUNT (source), result, NULL, &error);
  if (message == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&message), (GDestroyNotify) holboo_stored_message_unref);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *written = G_TASK (result);
  g_autoptr(GTask) task = user_data;
  HolbooAccount *self = g_task_get_source_object (task);
  Share *share = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (written, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  holboo_account_send_file_async (self, share->to, share->file, NULL, cancellable,
                                  on_sent, g_steal_pointer (&task));
}

/**
 * holboo_account_send_card_async:
 * @to: the addressee's JID
 * @card: the card to send, with its photo
 *
 * Sends @card as a .vcf file named after the person (see
 * holboo_account_send_file_async(): the message is stored at once, and
 * this completes once the file is uploaded and the message queued).
 */
void
holboo_account_send_card_async (HolbooAccount       *self,
                                const char          *to,
                                HolbooCard          *card,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write = NULL;
  g_autofree char *base = NULL;
  g_autofree char *vcf = NULL;
  Share *share;
  gsize length;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (to != NULL);
  g_return_if_fail (HOLBOO_IS_CARD (card));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_send_card_async);

  vcf = holboo_card_to_vcf (card, TRUE);
  base = g_strdup_printf ("%s.vcf", holboo_card_get_name (card) != NULL ? holboo_card_get_name (card) : _("card"));
  share = g_new0 (Share, 1);
  share->to = g_strdup (to);
  share->dir = holboo_account_dup_files_dir (self);
  share->name = holboo_xmpp_upload_clean_filename (base);
  length = strlen (vcf);
  share->vcf = g_bytes_new_take (g_steal_pointer (&vcf), length);
  g_task_set_task_data (task, share, (GDestroyNotify) share_free);

  write = g_task_new (NULL, cancellable, on_written, g_steal_pointer (&task));
  g_task_set_task_data (write, share, NULL);
  g_task_run_in_thread (write, write_in_thread);
}

/**
 * holboo_account_send_card_finish:
 *
 * Returns: (transfer full) (nullable): the message carrying the card
 */
HolbooStoredMessage *
holboo_account_send_card_finish (HolbooAccount  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
