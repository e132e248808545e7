/* holboo-account-download.c: files offered to us in messages (XEP-0066
 * out-of-band URLs, or links to files): their records, and downloads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See holboo-account-upload.c for the whole picture.
 */

#define G_LOG_DOMAIN "holboo-account-download"

#include "config.h"

#include "holboo-account-transfer-private.h"
#include "holboo-card.h"
#include "holboo-xmpp-oob.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define MAX_AUTO_DOWNLOADS 2

/* Downloads. */

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Transfer *t = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *preview = NULL;
  guint64 size = 0;

  path = holboo_http_download_finish (result, &size, &error);
  if (path == NULL || t->account == NULL)
    {
      _holboo_transfer_fail (t, error);
      _holboo_transfer_unref (t);
      return;
    }

  t->work->state = HOLBOO_ATTACHMENT_STATE_DOWNLOADED;
  g_free (t->work->local_path);
  t->work->local_path = g_steal_pointer (&path);
  t->work->size = size;
  g_clear_pointer (&t->work->error, g_free);

  preview = _holboo_transfer_preview_path (t->account, t->message_id);
  holboo_image_inspect_async (t->work->local_path, preview, t->cancellable, _holboo_transfer_on_inspected, t);
}

static char *
download_path (HolbooAccount                *self,
               const HolbooStoredAttachment *a)
{
  g_autofree char *clean = holboo_xmpp_upload_clean_filename (a->name);
  g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT "-%s", a->message_id, clean);

  return g_build_filename (self->upload->files_dir, name, NULL);
}

static void
on_download_row (HolbooAccount *self,
                 Step          *step)
{
  Transfer *t = step->transfer;
  g_autofree char *dest = NULL;
  HolbooStoredAttachment *a;
  const char *mime_prefix = NULL;
  guint64 max_size;

  if (step->row == NULL || step->row->attachment == NULL || step->row->attachment->url == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                     _("This message has no file to download"));
      _holboo_transfer_finish (t, NULL, error);
      return;
    }

  g_clear_pointer (&t->message, holboo_stored_message_unref);
  t->message = holboo_stored_message_ref (step->row);
  g_clear_pointer (&t->work, holboo_stored_attachment_unref);
  t->work = holboo_stored_attachment_copy (step->row->attachment);
  a = t->work;
  dest = download_path (self, a);
  /* Taken without asking: images up to the account's limit, cards
   * (.vcf, any type the server says) up to the largest card read. */
  if (!t->automatic)
    max_size = HOLBOO_ACCOUNT_MAX_DOWNLOAD_SIZE;
  else if (holboo_card_is_vcf_name (a->name))
    max_size = MIN (self->upload->auto_download_max, HOLBOO_CARD_MAX_VCF_SIZE);
  else
    {
      max_size = self->upload->auto_download_max;
      mime_prefix = "image/";
    }
  holboo_http_download_async (self->upload->session, a->url, dest,
                              a->size, max_size, mime_prefix,
                              _holboo_transfer_progress, t, t->cancellable, on_downloaded, _holboo_transfer_ref (t));
}

static void
download_start (Transfer *t)
{
  HolbooAccount *self = t->account;
  Step *step = _holboo_transfer_step_new (self, STEP_GET, t, on_download_row);

  t->running = TRUE;
  step->dirs[0] = g_strdup (self->upload->files_dir);
  step->dirs[1] = g_strdup (self->upload->previews_dir);
  _holboo_transfer_step_push (self, step);
}

void
_holboo_download_pump (HolbooAccount *self)
{
  while (self->upload->auto_running < MAX_AUTO_DOWNLOADS && !g_queue_is_empty (&self->upload->auto_queue))
    {
      g_autofree gint64 *id = g_queue_pop_head (&self->upload->auto_queue);
      Transfer *t;

      if (_holboo_transfer_lookup (self, *id) != NULL)
        continue;
      t = _holboo_transfer_new (self, *id, FALSE);
      t->automatic = TRUE;
      self->upload->auto_running++;
      download_start (t);
    }
}

static gboolean
name_says_image (const char *name)
{
  g_autofree char *type = g_content_type_guess (name, NULL, 0, NULL);
  g_autofree char *mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;

  return mime != NULL && g_str_has_prefix (mime, "image/");
}

void
_holboo_download_on_message_added (HolbooAccount       *self,
                                   gint64               conversation_id,
                                   gint64               message_id,
                                   HolbooStoredMessage *m,
                                   gpointer             user_data)
{
  gint64 *id;

  if (m->direction != HOLBOO_MESSAGE_INCOMING || m->attachment == NULL ||
      m->attachment->state != HOLBOO_ATTACHMENT_STATE_REMOTE || self->upload->auto_download_max == 0 ||
      !(name_says_image (m->attachment->name) || holboo_card_is_vcf_name (m->attachment->name)))
    return;

  id = g_new (gint64, 1);
  *id = message_id;
  g_queue_push_tail (&self->upload->auto_queue, id);
  _holboo_download_pump (self);
}

/* Incoming files. */

/* The file name at the end of @url's path, or NULL when there is none
 * with an extension (a link to a page, not to a file). */
static char *
name_from_url (const char *url,
               gboolean    need_extension)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  g_autofree char *unescaped = NULL;
  const char *path, *last, *dot;

  if (uri == NULL)
    return NULL;
  path = g_uri_get_path (uri);
  last = strrchr (path, '/');
  last = last != NULL ? last + 1 : path;
  unescaped = g_uri_unescape_string (last, "/");
  if (unescaped == NULL || *unescaped == '\0')
    return need_extension ? NULL : g_strdup ("file");

  dot = strrchr (unescaped, '.');
  if (need_extension && (dot == NULL || dot == unescaped || strlen (dot + 1) < 1 || strlen (dot + 1) > 5))
    return NULL;
  return holboo_xmpp_upload_clean_filename (unescaped);
}

/**
 * _holboo_account_upload_attach:
 * @stanza: the message stanza @m was read from
 * @m: its row, not stored yet
 *
 * Gives @m an attachment when the message offers a file: a valid
 * XEP-0066 URL, or a body that is only an https link to a file.
 */
void
_holboo_account_upload_attach (HolbooAccount       *self,
                               HolbooXmlNode       *stanza,
                               HolbooStoredMessage *m)
{
  g_autofree char *desc = NULL;
  g_autofree char *url = holboo_xmpp_oob_get_url (stanza, &desc);
  g_autofree char *name = NULL;
  HolbooStoredAttachment *a;

  if (url != NULL)
    name = name_from_url (url, FALSE);
  else if (m->body != NULL && holboo_xmpp_oob_url_is_valid (m->body))
    {
      name = name_from_url (m->body, TRUE);
      if (name != NULL)
        url = g_strdup (m->body);
    }
  if (url == NULL || name == NULL)
    return;

  a = holboo_stored_attachment_new ();
  a->state = HOLBOO_ATTACHMENT_STATE_REMOTE;
  a->url = g_steal_pointer (&url);
  a->name = g_steal_pointer (&name);
  if (desc != NULL && g_strcmp0 (desc, m->body) != 0)
    a->description = g_steal_pointer (&desc);
  g_clear_pointer (&m->attachment, holboo_stored_attachment_unref);
  m->attachment = a;
}

/**
 * holboo_account_download_attachment_async:
 * @message_id: a message with a file offered by URL
 *
 * Downloads the message's file into the account's files directory
 * (holboo_account_dup_files_dir()), with ::attachment-progress, and
 * makes its preview.  Joins a download of it already under way.
 */
void
holboo_account_download_attachment_async (HolbooAccount       *self,
                                          gint64               message_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;
  Transfer *t;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_download_attachment_async);
  if (!_holboo_transfer_check_open (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  t = _holboo_transfer_lookup (self, message_id);
  if (t != NULL && t->upload)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, _("This file is being uploaded"));
      g_object_unref (task);
      return;
    }
  if (t == NULL)
    {
      t = _holboo_transfer_new (self, message_id, FALSE);
      if (cancellable != NULL)
        g_set_object (&t->cancellable, cancellable);
      download_start (t);
    }
  g_ptr_array_add (t->tasks, task);
}

HolbooStoredMessage *
holboo_account_download_attachment_finish (HolbooAccount  *self,
                                           GAsyncResult   *result,
                                           GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

