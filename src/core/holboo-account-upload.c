/* holboo-account-upload.c: sending files in messages through HTTP File
 * Upload (XEP-0363)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sending a file:
 *   holboo_account_send_file_async() → the message row is stored at
 *   once, PENDING, with its attachment UPLOADING (::message-added) →
 *   what the file really is, and its preview, on a thread → the upload
 *   service (disco, once per session) → a slot (the server may refuse,
 *   with its reason) → PUT, streamed, ::attachment-progress → the URL
 *   becomes the body and the attachment UPLOADED in one transaction
 *   (::message-updated) → the outbox sends it with `jabber:x:oob`.
 * A failure (refusal, HTTP error, cancel) leaves the message FAILED with
 * the reason on its attachment: nothing typed is lost, and
 * holboo_account_retry_upload_async() starts again.  Without a
 * connection an upload waits for the next session; one that was under
 * way at quit starts again at the first session after the next start.
 *
 * Receiving: a message with a valid `jabber:x:oob` URL, or whose body is
 * nothing but an https link to a file, gets an attachment REMOTE.
 * Images up to #HolbooAccount:auto-download-max are fetched at once
 * (only if the server says they are images, and never more than it
 * announced); anything else on demand with
 * holboo_account_download_attachment_async().  Previews are made off the
 * main thread, and never for images over %HOLBOO_IMAGE_MAX_PIXELS.
 *
 * Every store write goes through the account's worker, after whatever
 * the pipeline queued before it.
 */

#define G_LOG_DOMAIN "holboo-account-upload"

#include "config.h"

#include "holboo-account-transfer-private.h"
#include "holboo-xmpp-oob.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static void
on_uploaded_stored (HolbooAccount *self,
                    Step          *step)
{
  if (step->row == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                     _("The message of this file is gone"));
      _holboo_transfer_finish (step->transfer, NULL, error);
      return;
    }
  g_clear_pointer (&step->transfer->message, holboo_stored_message_unref);
  step->transfer->message = holboo_stored_message_ref (step->row);
  _holboo_transfer_emit_updated (self, step->row);
  _holboo_account_outbox_flush (self);
  _holboo_transfer_finish (step->transfer, step->row, NULL);
}

typedef struct {
  Transfer             *transfer;
  HolbooXmppUploadSlot *slot;
} PutData;

static void
on_put (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  PutData *data = user_data;
  Transfer *t = data->transfer;
  g_autoptr(GError) error = NULL;

  if (!holboo_http_upload_finish (result, &error))
    _holboo_transfer_fail (t, error);
  else if (t->account != NULL)
    {
      Step *step = _holboo_transfer_step_new (t->account, STEP_UPLOADED, t, on_uploaded_stored);

      step->url = g_strdup (data->slot->get_url);
      _holboo_transfer_step_push (t->account, step);
    }

  holboo_xmpp_upload_slot_free (data->slot);
  _holboo_transfer_unref (data->transfer);
  g_free (data);
}

static void
on_slot (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Transfer *t = user_data;
  g_autoptr(HolbooXmppUploadSlot) slot = NULL;
  g_autoptr(GError) error = NULL;
  HolbooStoredAttachment *a;
  g_autoptr(GFile) file = NULL;
  PutData *data;

  slot = holboo_xmpp_upload_request_slot_finish (result, &error);
  if (slot == NULL || t->account == NULL)
    {
      _holboo_transfer_fail (t, error);
      _holboo_transfer_unref (t);
      return;
    }

  a = t->work;
  file = g_file_new_for_path (a->local_path);
  data = g_new0 (PutData, 1);
  data->transfer = t;
  data->slot = g_steal_pointer (&slot);
  holboo_http_upload_async (t->account->upload->session, data->slot->put_url,
                            (const char * const *) data->slot->header_names,
                            (const char * const *) data->slot->header_values,
                            file, a->size, a->mime, _holboo_transfer_progress, t, t->cancellable, on_put, data);
}

static void
request_slot (Transfer *t)
{
  HolbooAccount *self = t->account;
  HolbooStoredAttachment *a = t->work;

  holboo_xmpp_upload_request_slot_async (self->connection, self->upload->service, a->name, a->size, a->mime,
                                         t->cancellable, on_slot, _holboo_transfer_ref (t));
}

static void
on_service (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Transfer *t = user_data;
  g_autoptr(HolbooXmppUploadService) service = NULL;
  g_autoptr(GError) error = NULL;

  service = holboo_xmpp_upload_discover_finish (result, &error);
  if (t->account == NULL || service == NULL)
    _holboo_transfer_fail (t, error);
  else
    {
      if (t->account->upload->service == NULL)
        t->account->upload->service = g_steal_pointer (&service);
      request_slot (t);
    }
  _holboo_transfer_unref (t);
}

void
_holboo_upload_after_inspect (Transfer *t)
{
  HolbooAccount *self = t->account;

  if (!_holboo_account_is_connected (self))
    {
      t->running = FALSE;
      return;
    }
  if (self->upload->service != NULL)
    request_slot (t);
  else
    holboo_xmpp_upload_discover_async (self->connection, t->cancellable, on_service, _holboo_transfer_ref (t));
}

static void
upload_start (Transfer *t)
{
  HolbooAccount *self = t->account;
  g_autofree char *preview = NULL;

  if (t->running)
    return;
  if (g_cancellable_is_cancelled (t->cancellable))
    {
      g_clear_object (&t->cancellable);
      t->cancellable = g_cancellable_new ();
    }
  t->running = TRUE;
  g_clear_pointer (&t->work, holboo_stored_attachment_unref);
  t->work = holboo_stored_attachment_copy (t->message->attachment);
  preview = _holboo_transfer_preview_path (self, t->message_id);
  holboo_image_inspect_async (t->work->local_path, preview, t->cancellable, _holboo_transfer_on_inspected, _holboo_transfer_ref (t));
}

/* A message of ours with a file, as stored: start (or join) its upload. */
static Transfer *
upload_for_row (HolbooAccount       *self,
                HolbooStoredMessage *row)
{
  Transfer *t = _holboo_transfer_lookup (self, row->id);

  if (t == NULL)
    {
      t = _holboo_transfer_new (self, row->id, TRUE);
      t->message = holboo_stored_message_ref (row);
    }
  upload_start (t);
  return t;
}

static void
on_uploads_listed (HolbooAccount *self,
                   Step          *step)
{
  if (step->rows == NULL)
    return;
  for (guint i = 0; i < step->rows->len; i++)
    {
      HolbooStoredMessage *row = step->rows->pdata[i];

      if (row->attachment != NULL && row->attachment->local_path != NULL)
        upload_for_row (self, row);
    }
}

/**
 * _holboo_account_upload_session_started:
 *
 * Uploads that waited for a connection go on; after a fresh session,
 * the store's unfinished ones (from before a quit) too.
 */
void
_holboo_account_upload_session_started (HolbooAccount *self,
                                        gboolean       resumed)
{
  GHashTableIter iter;
  Transfer *t;

  if (!resumed)
    g_clear_pointer (&self->upload->service, holboo_xmpp_upload_service_free);

  g_hash_table_iter_init (&iter, self->upload->transfers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &t))
    if (t->upload && !t->running)
      upload_start (t);

  if (!resumed)
    _holboo_transfer_step_push (self, _holboo_transfer_step_new (self, STEP_LIST_UPLOADS, NULL, on_uploads_listed));
}

/**
 * _holboo_account_upload_decorate:
 *
 * Adds `jabber:x:oob` to the stanza of an outgoing file message.
 */
void
_holboo_account_upload_decorate (HolbooAccount       *self,
                                 HolbooStoredMessage *m,
                                 HolbooXmlNode       *stanza)
{
  if (m->attachment != NULL && m->attachment->url != NULL && g_strcmp0 (m->body, m->attachment->url) == 0)
    holboo_xmpp_oob_add (stanza, m->attachment->url, m->attachment->description);
}

/* Public API. */

typedef struct {
  char  *to;
  GFile *file;
  char  *caption;
  gint64 message_id;
} SendFile;

static void
send_file_free (SendFile *data)
{
  g_free (data->to);
  g_clear_object (&data->file);
  g_free (data->caption);
  g_free (data);
}

static void
on_file_stored (HolbooAccount *self,
                Step          *step)
{
  GTask *task = g_steal_pointer (&step->task);
  SendFile *data = g_task_get_task_data (task);
  Transfer *t;

  if (step->row == NULL)
    {
      g_task_return_error (task, step->error != NULL ? g_error_copy (step->error)
                                                     : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                                                            _("The message could not be stored")));
      g_object_unref (task);
      return;
    }

  data->message_id = step->row->id;
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_MESSAGE_ADDED], 0,
                 step->row->conversation_id, step->row->id, step->row);

  t = _holboo_transfer_new (self, step->row->id, TRUE);
  t->message = holboo_stored_message_ref (step->row);
  if (g_task_get_cancellable (task) != NULL)
    g_set_object (&t->cancellable, g_task_get_cancellable (task));
  g_ptr_array_add (t->tasks, task);
  upload_start (t);
}

static void
on_file_info (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  SendFile *data = g_task_get_task_data (task);
  HolbooAccount *self = g_object_get_data (G_OBJECT (task), "holboo-account");
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) to_jid = NULL;
  g_autofree char *path = NULL;
  HolbooStoredMessage *m;
  HolbooStoredAttachment *a;
  const char *type;
  Step *step;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (self != NULL)
    g_ptr_array_remove (self->upload->pending_tasks, task);
  else if (error == NULL)
    error = g_error_new_literal (HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED, _("The account is closing"));
  if (info == NULL || self == NULL || !_holboo_transfer_check_open (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  path = g_file_get_path (data->file);
  if (path == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || g_file_info_get_size (info) <= 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               path == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
                               ? _("Only files on this computer can be sent")
                               : _("The file is empty"));
      g_object_unref (task);
      return;
    }

  to_jid = holboo_jid_parse (data->to, -1, NULL);
  type = g_file_info_get_content_type (info);

  a = holboo_stored_attachment_new ();
  a->state = HOLBOO_ATTACHMENT_STATE_UPLOADING;
  a->local_path = g_steal_pointer (&path);
  a->name = holboo_xmpp_upload_clean_filename (g_file_info_get_display_name (info));
  a->size = g_file_info_get_size (info);
  a->mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;
  a->description = data->caption != NULL && *data->caption != '\0' ? g_strdup (data->caption) : NULL;

  m = holboo_stored_message_new ();
  m->peer = g_strdup (holboo_jid_get_bare_string (to_jid));
  m->kind = HOLBOO_CONVERSATION_CHAT;
  m->direction = HOLBOO_MESSAGE_OUTGOING;
  m->state = HOLBOO_MESSAGE_STATE_PENDING;
  m->from_jid = g_strdup (holboo_jid_get_bare_string (self->jid));
  m->to_jid = g_strdup (holboo_jid_to_string (to_jid));
  m->body = g_strdup (a->name);
  m->timestamp = _holboo_account_next_timestamp (self, g_get_real_time ());
  m->origin_id = g_uuid_string_random ();
  m->message_id = g_strdup (m->origin_id);
  m->receipt_requested = TRUE;
  m->attachment = a;

  step = _holboo_transfer_step_new (self, STEP_INSERT, NULL, on_file_stored);
  step->message = m;
  step->task = task;
  step->dirs[0] = g_strdup (self->upload->previews_dir);
  _holboo_transfer_step_push (self, step);
}

/**
 * holboo_account_send_file_async:
 * @self: an account
 * @to: the addressee's JID
 * @file: a local file
 * @caption: (nullable): text sent with it
 * @cancellable: (nullable): cancels the upload (the message stays,
 *   FAILED, for a retry)
 *
 * Sends @file in a message.  The message is stored at once
 * (::message-added, with its attachment UPLOADING), the upload reports
 * ::attachment-progress, and every change of the file's state comes as
 * ::message-updated.  Completes when the file is uploaded and its
 * message is in the outbox, or when the upload failed: the message then
 * stays FAILED with the reason on its attachment.  Without a connection
 * it waits for one.  The account is not kept alive by this call: if it
 * goes away first, this completes with %HOLBOO_ACCOUNT_ERROR_CLOSED and
 * the upload starts again with the account.
 */
void
holboo_account_send_file_async (HolbooAccount       *self,
                                const char          *to,
                                GFile               *file,
                                const char          *caption,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(HolbooJid) to_jid = NULL;
  GTask *task;
  SendFile *data;
  GError *error = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (to != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_send_file_async);
  data = g_new0 (SendFile, 1);
  data->to = g_strdup (to);
  data->file = g_object_ref (file);
  data->caption = g_strdup (caption);
  g_task_set_task_data (task, data, (GDestroyNotify) send_file_free);

  to_jid = holboo_jid_parse (to, -1, NULL);
  if (to_jid == NULL || holboo_jid_is_domain (to_jid))
    error = g_error_new (HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                         _("“%s” is not a valid address"), to);
  else if (caption != NULL && (!g_utf8_validate (caption, -1, NULL) ||
                               strlen (caption) > HOLBOO_ACCOUNT_MAX_BODY_LENGTH))
    error = g_error_new_literal (HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
                                 _("The caption is not valid text, or too long"));
  else
    _holboo_transfer_check_open (self, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* Not a reference: the account's dispose clears it. */
  g_object_set_data (G_OBJECT (task), "holboo-account", self);
  g_ptr_array_add (self->upload->pending_tasks, task);
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                           G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT, cancellable, on_file_info, task);
}

/**
 * holboo_account_send_file_finish:
 * @message_id: (out) (optional): the message's row id, also on failure
 *   once it was stored (0 when it was not)
 *
 * Returns: (transfer full) (nullable): the message as sent to the outbox
 */
HolbooStoredMessage *
holboo_account_send_file_finish (HolbooAccount  *self,
                                 GAsyncResult   *result,
                                 gint64         *message_id,
                                 GError        **error)
{
  SendFile *data = g_task_get_task_data (G_TASK (result));

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  if (message_id != NULL)
    *message_id = data->message_id;
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_retry_stored (HolbooAccount *self,
                 Step          *step)
{
  GTask *task = g_steal_pointer (&step->task);
  Transfer *t;

  if (step->row == NULL || step->row->attachment == NULL || step->row->attachment->local_path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("This message has no failed upload"));
      g_object_unref (task);
      return;
    }

  _holboo_transfer_emit_updated (self, step->row);
  t = _holboo_transfer_lookup (self, step->row->id);
  if (t == NULL)
    t = _holboo_transfer_new (self, step->row->id, TRUE);
  g_clear_pointer (&t->message, holboo_stored_message_unref);
  t->message = holboo_stored_message_ref (step->row);
  if (g_task_get_cancellable (task) != NULL)
    g_set_object (&t->cancellable, g_task_get_cancellable (task));
  g_ptr_array_add (t->tasks, task);
  upload_start (t);
}

/**
 * holboo_account_retry_upload_async:
 * @message_id: a message of ours whose upload failed
 *
 * Puts the message back (PENDING, its file UPLOADING) and uploads again;
 * completes as holboo_account_send_file_async() does.
 */
void
holboo_account_retry_upload_async (HolbooAccount       *self,
                                   gint64               message_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;
  Step *step;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_retry_upload_async);
  if (!_holboo_transfer_check_open (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  step = _holboo_transfer_step_new (self, STEP_RETRY, NULL, on_retry_stored);
  step->message_id = message_id;
  step->task = task;
  _holboo_transfer_step_push (self, step);
}

HolbooStoredMessage *
holboo_account_retry_upload_finish (HolbooAccount  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

