/* holboo-account-transfer.c: what uploads and downloads of message files
 * share: the transfers under way, store steps on the worker, failures,
 * progress, previews, and the account's life
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See holboo-account-upload.c for the whole picture.
 */

#define G_LOG_DOMAIN "holboo-account-transfer"

#include "config.h"

#include "holboo-account-transfer-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

static guint attachment_progress_signal;

Transfer *
_holboo_transfer_ref (Transfer *t)
{
  return g_rc_box_acquire (t);
}

static void
transfer_clear (Transfer *t)
{
  g_clear_pointer (&t->message, holboo_stored_message_unref);
  g_clear_pointer (&t->work, holboo_stored_attachment_unref);
  g_clear_object (&t->cancellable);
  g_clear_pointer (&t->tasks, g_ptr_array_unref);
}

void
_holboo_transfer_unref (Transfer *t)
{
  g_rc_box_release_full (t, (GDestroyNotify) transfer_clear);
}

Transfer *
_holboo_transfer_new (HolbooAccount *self,
                      gint64         message_id,
                      gboolean       upload)
{
  Transfer *t = g_rc_box_new0 (Transfer);
  gint64 *key = g_new (gint64, 1);

  t->account = self;
  t->message_id = message_id;
  t->upload = upload;
  t->cancellable = g_cancellable_new ();
  t->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  *key = message_id;
  g_hash_table_insert (self->upload->transfers, key, t);
  return t;
}

Transfer *
_holboo_transfer_lookup (HolbooAccount *self,
                         gint64         message_id)
{
  return g_hash_table_lookup (self->upload->transfers, &message_id);
}

void
_holboo_transfer_emit_updated (HolbooAccount       *self,
                               HolbooStoredMessage *row)
{
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_MESSAGE_UPDATED], 0,
                 row->conversation_id, row->id, row);
}

/* Ends @t: its tasks get @row or @error, and it leaves the table. */
void
_holboo_transfer_finish (Transfer            *t,
                         HolbooStoredMessage *row,
                         const GError        *error)
{
  HolbooAccount *self = t->account;
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&t->tasks);

  t->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  t->running = FALSE;

  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = tasks->pdata[i];

      if (error == NULL && row == NULL)
        g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                                 _("The account is closing"));
      else if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, holboo_stored_message_ref (row), (GDestroyNotify) holboo_stored_message_unref);
    }

  if (self == NULL)
    return;
  if (t->automatic)
    {
      self->upload->auto_running--;
      t->automatic = FALSE;
    }
  if (_holboo_transfer_lookup (self, t->message_id) == t)
    g_hash_table_remove (self->upload->transfers, &t->message_id);
  _holboo_download_pump (self);
}

/* Store steps, run on the worker in order with the pipeline's writes. */

static void
step_free (Step *step)
{
  g_clear_pointer (&step->transfer, _holboo_transfer_unref);
  g_clear_pointer (&step->message, holboo_stored_message_unref);
  g_clear_pointer (&step->attachment, holboo_stored_attachment_unref);
  g_free (step->url);
  g_free (step->dirs[0]);
  g_free (step->dirs[1]);
  g_clear_error (&step->failure);
  if (step->task != NULL)
    {
      g_task_return_new_error (step->task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                               _("The account is closing"));
      g_clear_object (&step->task);
    }
  g_clear_pointer (&step->row, holboo_stored_message_unref);
  g_clear_pointer (&step->rows, g_ptr_array_unref);
  g_clear_error (&step->error);
  g_free (step);
}

static gpointer
step_run (HolbooStore  *store,
          gpointer      data,
          GError      **error)
{
  Step *step = data;

  for (guint i = 0; i < G_N_ELEMENTS (step->dirs); i++)
    if (step->dirs[i] != NULL && g_mkdir_with_parents (step->dirs[i], 0700) != 0)
      g_debug ("Cannot create %s: %s", step->dirs[i], g_strerror (errno));

  switch (step->kind)
    {
    case STEP_INSERT:
      if (holboo_store_insert_messages (store, &step->message, 1, &step->result, &step->error))
        step->row = holboo_store_get_message (store, step->result.id, &step->error);
      break;
    case STEP_GET:
      step->row = holboo_store_get_message (store, step->message_id, &step->error);
      break;
    case STEP_UPDATE:
      if (holboo_store_update_attachment (store, step->attachment, &step->error))
        step->row = holboo_store_get_message (store, step->message_id, &step->error);
      break;
    case STEP_UPLOADED:
      step->row = holboo_store_attachment_uploaded (store, step->message_id, step->url, &step->error);
      break;
    case STEP_FAILED:
      if (holboo_store_update_attachment (store, step->attachment, &step->error))
        {
          g_autoptr(HolbooStoredMessage) failed =
            holboo_store_update_message_state (store, step->message_id, HOLBOO_MESSAGE_STATE_FAILED, &step->error);

          if (step->error == NULL)
            step->row = holboo_store_get_message (store, step->message_id, &step->error);
        }
      break;
    case STEP_RETRY:
      step->row = holboo_store_outbox_retry (store, step->message_id, &step->error);
      if (step->row != NULL && step->row->attachment != NULL)
        {
          HolbooStoredAttachment *a = step->row->attachment;

          a->state = HOLBOO_ATTACHMENT_STATE_UPLOADING;
          g_clear_pointer (&a->error, g_free);
          if (!holboo_store_update_attachment (store, a, &step->error))
            g_clear_pointer (&step->row, holboo_stored_message_unref);
        }
      break;
    case STEP_LIST_UPLOADS:
      step->rows = holboo_store_list_uploads (store, &step->error);
      break;
    default:
      g_assert_not_reached ();
    }
  return step;
}

static void
step_done (gpointer  result,
           GError   *error,
           gpointer  user_data)
{
  Step *step = user_data;
  g_autoptr(GError) owned = error;

  /* The account is being disposed: nothing to do. */
  if (owned != NULL)
    return;

  if (step->error != NULL && !g_error_matches (step->error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID))
    g_signal_emit (step->account, _holboo_account_signals[ACCOUNT_SIGNAL_STORE_ERROR], 0, step->error);
  if (step->then != NULL)
    step->then (step->account, step);
}

Step *
_holboo_transfer_step_new (HolbooAccount *self,
                           StepKind       kind,
                           Transfer      *transfer,
                           StepThen       then)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->account = self;
  step->transfer = transfer != NULL ? _holboo_transfer_ref (transfer) : NULL;
  step->message_id = transfer != NULL ? transfer->message_id : 0;
  step->then = then;
  return step;
}

void
_holboo_transfer_step_push (HolbooAccount *self,
                            Step          *step)
{
  if (self->closed || self->worker == NULL)
    {
      step_free (step);
      return;
    }
  _holboo_account_flush_pending (self);
  holboo_worker_push (self->worker, step_run, step, (GDestroyNotify) step_free, step_done, step, NULL);
}

static gboolean
is_connection_error (const GError *error)
{
  return g_error_matches (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED) ||
         g_error_matches (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_DISCONNECTED);
}

static void
on_failed_stored (HolbooAccount *self,
                  Step          *step)
{
  if (step->row != NULL)
    _holboo_transfer_emit_updated (self, step->row);
  _holboo_transfer_finish (step->transfer, NULL, step->failure);
}

/* Ends @t with @error: an upload FAILED with the reason on its file, a
 * download DOWNLOAD_FAILED.  A lost connection only pauses an upload. */
void
_holboo_transfer_fail (Transfer     *t,
                       const GError *error)
{
  HolbooAccount *self = t->account;
  g_autoptr(GError) shown = NULL;
  HolbooStoredAttachment *a;
  Step *step;

  if (self == NULL)
    {
      _holboo_transfer_finish (t, NULL, error);
      return;
    }
  if (t->upload && is_connection_error (error) && !g_cancellable_is_cancelled (t->cancellable))
    {
      g_debug ("Upload of message %" G_GINT64_FORMAT " waits for the connection: %s", t->message_id,
               error->message);
      t->running = FALSE;
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    shown = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 t->upload ? _("The upload was cancelled") : _("The download was cancelled"));
  else
    shown = g_error_copy (error);
  g_message ("%s of message %" G_GINT64_FORMAT " failed: %s", t->upload ? "Upload" : "Download",
             t->message_id, shown->message);

  if (t->work == NULL)
    {
      _holboo_transfer_finish (t, NULL, shown);
      return;
    }

  a = holboo_stored_attachment_copy (t->work);
  a->state = t->upload ? HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED : HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED;
  g_free (a->error);
  a->error = g_strdup (shown->message);

  step = _holboo_transfer_step_new (self, t->upload ? STEP_FAILED : STEP_UPDATE, t, on_failed_stored);
  step->attachment = a;
  step->failure = g_steal_pointer (&shown);
  _holboo_transfer_step_push (self, step);
}

void
_holboo_transfer_progress (guint64  done,
                           guint64  total,
                           gpointer user_data)
{
  Transfer *t = user_data;

  if (t->account != NULL)
    g_signal_emit (t->account, attachment_progress_signal, 0, t->message_id, done, total);
}

static void
on_inspected_stored (HolbooAccount *self,
                     Step          *step)
{
  Transfer *t = step->transfer;

  if (step->row != NULL && step->row->attachment != NULL)
    {
      g_clear_pointer (&t->message, holboo_stored_message_unref);
      t->message = holboo_stored_message_ref (step->row);
      _holboo_transfer_emit_updated (self, step->row);
    }
  if (t->upload)
    _holboo_upload_after_inspect (t);
  else
    _holboo_transfer_finish (t, step->row, NULL);
}

char *
_holboo_transfer_preview_path (HolbooAccount *self,
                               gint64         message_id)
{
  g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT ".png", message_id);

  return g_build_filename (self->upload->previews_dir, name, NULL);
}

static gboolean
is_image (const HolbooImageInfo *info)
{
  return info->kind == HOLBOO_IMAGE_KIND_IMAGE || info->kind == HOLBOO_IMAGE_KIND_TOO_LARGE;
}

/* The type a file's content gives it: never an image type for what
 * does not decode as one. */
static const char *
content_mime (const HolbooImageInfo *info)
{
  if (is_image (info))
    return info->mime;
  if (info->kind == HOLBOO_IMAGE_KIND_BROKEN || g_str_has_prefix (info->mime, "image/"))
    return "application/octet-stream";
  return info->mime;
}

/* What the file is (by its content), and its preview, then stored. */
void
_holboo_transfer_on_inspected (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  Transfer *t = user_data;
  g_autoptr(HolbooImageInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  HolbooStoredAttachment *a;
  Step *step;

  info = holboo_image_inspect_finish (result, &error);
  if (t->account == NULL || info == NULL)
    {
      _holboo_transfer_fail (t, error);
      _holboo_transfer_unref (t);
      return;
    }

  a = t->work;
  /* The content decides: an image is of its real type; a file named
   * .png that is no image is a plain file; other names are kept. */
  if (is_image (info) || a->mime == NULL || g_str_has_prefix (a->mime, "image/"))
    {
      g_free (a->mime);
      a->mime = g_strdup (content_mime (info));
    }
  a->width = info->width;
  a->height = info->height;
  g_free (a->thumbnail_path);
  a->thumbnail_path = g_strdup (info->preview_path);

  step = _holboo_transfer_step_new (t->account, STEP_UPDATE, t, on_inspected_stored);
  step->attachment = holboo_stored_attachment_copy (a);
  _holboo_transfer_step_push (t->account, step);
  _holboo_transfer_unref (t);
}

gboolean
_holboo_transfer_check_open (HolbooAccount  *self,
                             GError        **error)
{
  if (!self->closed)
    return TRUE;
  g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED, _("The account is closing"));
  return FALSE;
}

/**
 * holboo_account_cancel_transfer:
 * @message_id: a message whose file is uploading or downloading
 *
 * Stops the transfer: an upload leaves its message FAILED ("cancelled"),
 * ready for holboo_account_retry_upload_async().
 *
 * Returns: whether a transfer was running
 */
gboolean
holboo_account_cancel_transfer (HolbooAccount *self,
                                gint64         message_id)
{
  Transfer *t;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);

  t = _holboo_transfer_lookup (self, message_id);
  if (t == NULL)
    return FALSE;
  g_cancellable_cancel (t->cancellable);
  /* An upload that waits for a connection has nothing running to fail. */
  if (t->upload && !t->running)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");

      t->running = TRUE;
      if (t->work == NULL)
        t->work = holboo_stored_attachment_copy (t->message->attachment);
      _holboo_transfer_fail (t, error);
    }
  return TRUE;
}

/**
 * holboo_account_dup_files_dir:
 *
 * Returns: (transfer full): where downloaded files go: "files" next to
 *   the account's database
 */
char *
holboo_account_dup_files_dir (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return g_strdup (self->upload->files_dir);
}

guint64
holboo_account_get_auto_download_max (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), 0);
  return self->upload->auto_download_max;
}

/**
 * holboo_account_set_auto_download_max:
 * @max_size: images offered up to this size are downloaded at once; 0
 *   turns that off
 */
void
holboo_account_set_auto_download_max (HolbooAccount *self,
                                      guint64        max_size)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  self->upload->auto_download_max = max_size;
}

/* Life of the account. */

void
_holboo_account_upload_constructed (HolbooAccount *self)
{
  HolbooAccountUpload *up = self->upload;
  g_autofree char *dir = g_path_get_dirname (self->store_path);

  up->files_dir = g_build_filename (dir, "files", NULL);
  up->previews_dir = g_build_filename (dir, "previews", NULL);
  up->session = holboo_http_session_new (holboo_xmpp_settings_get_tls_database (self->settings),
                                         holboo_xmpp_settings_get_pinned_certificate (self->settings));
  g_signal_connect (self, "message-added", G_CALLBACK (_holboo_download_on_message_added), NULL);
}

void
_holboo_account_upload_init (HolbooAccount *self)
{
  self->upload = g_new0 (HolbooAccountUpload, 1);
  self->upload->transfers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                   (GDestroyNotify) _holboo_transfer_unref);
  self->upload->pending_tasks = g_ptr_array_new ();
  self->upload->auto_download_max = HOLBOO_ACCOUNT_DEFAULT_AUTO_DOWNLOAD_MAX;
  g_queue_init (&self->upload->auto_queue);
}

void
_holboo_account_upload_dispose (HolbooAccount *self)
{
  HolbooAccountUpload *up = self->upload;
  GList *transfers;

  if (up == NULL)
    return;

  /* Tasks still finding out about their file: they end as closed. */
  for (guint i = 0; i < up->pending_tasks->len; i++)
    g_object_set_data (up->pending_tasks->pdata[i], "holboo-account", NULL);
  g_ptr_array_set_size (up->pending_tasks, 0);

  transfers = g_hash_table_get_values (up->transfers);
  for (GList *l = transfers; l != NULL; l = l->next)
    _holboo_transfer_ref (l->data);
  g_hash_table_remove_all (up->transfers);
  for (GList *l = transfers; l != NULL; l = l->next)
    {
      Transfer *t = l->data;

      t->account = NULL;
      g_cancellable_cancel (t->cancellable);
      _holboo_transfer_finish (t, NULL, NULL);
    }
  g_list_free_full (transfers, (GDestroyNotify) _holboo_transfer_unref);
  g_queue_clear_full (&up->auto_queue, g_free);
  g_clear_object (&up->session);
}

void
_holboo_account_upload_finalize (HolbooAccount *self)
{
  HolbooAccountUpload *up = g_steal_pointer (&self->upload);

  if (up == NULL)
    return;
  g_hash_table_unref (up->transfers);
  g_ptr_array_unref (up->pending_tasks);
  g_clear_pointer (&up->service, holboo_xmpp_upload_service_free);
  g_free (up->files_dir);
  g_free (up->previews_dir);
  g_free (up);
}

void
_holboo_account_upload_class_init (GObjectClass *klass)
{
  /**
   * HolbooAccount::attachment-progress:
   * @message_id: the message whose file moves
   * @done: bytes sent or received so far
   * @total: bytes in all, or 0 when not known
   *
   * An upload or download went on (at most every 64 KiB).  Its states
   * (uploading, failed with a reason, uploaded, downloaded with a
   * preview) come as ::message-updated, the attachment in the message.
   */
  attachment_progress_signal =
    g_signal_new ("attachment-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT64, G_TYPE_UINT64);
}

