/* holboo-card-file.c: cards in .vcf files, read off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .vcf may come from anyone (a card shared in a chat, a file picked by
 * the user): its size is checked before it is read, and it is read and
 * parsed on a thread, so a large or hostile file never stalls the UI.
 */

#define G_LOG_DOMAIN "holboo-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "holboo-card.h"

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  HolbooCard *card;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && g_file_info_get_size (info) > HOLBOO_CARD_MAX_VCF_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *max = g_format_size (HOLBOO_CARD_MAX_VCF_SIZE);

      g_set_error (&error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE,
                   _("The card is too large (%s; at most %s)"), size, max);
    }
  if (error == NULL)
    g_file_load_contents (file, cancellable, &text, &length, NULL, &error);
  /* It may have grown since. */
  if (error == NULL && length > HOLBOO_CARD_MAX_VCF_SIZE)
    g_set_error (&error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE, _("The card is too large"));
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  card = holboo_card_new_from_vcf (text, length, &error);
  if (card == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, card, g_object_unref);
}

/**
 * holboo_card_load_file_async:
 * @file: a .vcf file (vCard 4.0 or 3.0 text)
 *
 * Reads the card in @file on a thread.  Fails with
 * %HOLBOO_CARD_ERROR_TOO_LARGE for a file over %HOLBOO_CARD_MAX_VCF_SIZE
 * (without reading it), and as holboo_card_new_from_vcf() does for what
 * is not a card.
 */
void
holboo_card_load_file_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_card_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * holboo_card_load_file_finish:
 *
 * Returns: (transfer full) (nullable): the card
 */
HolbooCard *
holboo_card_load_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_card_is_vcf_name:
 * @name: (nullable): a file's name
 *
 * Returns: whether @name is that of a card file (.vcf or .vcard)
 */
gboolean
holboo_card_is_vcf_name (const char *name)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard");
}
