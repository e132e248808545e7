/* holboo-message-files.c: files in a conversation view — attach with
 * the file chooser, drop, paste an image; open, save, download, cancel
 * and retry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of HolbooMessageActions ("msg" actions on the conversation view):
 *
 *   msg.attach                GtkFileChooserNative (portal in a sandbox)
 *   msg.open-file(x)          the local copy, in the user's default app
 *   msg.save-file(x)          a copy where the user says
 *   msg.download(x)           fetch a file offered to us (or again)
 *   msg.cancel-transfer(x)    stop an upload or download
 *   msg.retry-upload(x)       start a failed upload again
 *
 * Sending goes through holboo_account_send_file_async(): the row shows
 * at once, uploading; a refusal by the server (too large, over quota)
 * shows its reason in the row, with Try Again.  A pasted image is
 * written as PNG on a thread, next to the account's files, and sent
 * like a file.
 */

#define G_LOG_DOMAIN "holboo-message-files"

#include "config.h"

#include "holboo-account-upload.h"
#include "holboo-message-actions-private.h"

#include <errno.h>
#include <glib/gi18n.h>

static HolbooAccount *
account (HolbooMessageActions *self)
{
  return holboo_message_list_get_account (self->list);
}

static GtkWindow *
parent_window (HolbooMessageActions *self)
{
  GtkRoot *root = self->view != NULL ? gtk_widget_get_root (self->view) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_file_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HolbooMessageActions) self = user_data;
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  sent = holboo_account_send_file_finish (HOLBOO_ACCOUNT (source), result, &id, &error);
  if (sent != NULL)
    return;
  /* With a row, the row says why (and offers to try again). */
  g_message ("File not sent: %s", error->message);
  if (id == 0 && self->view != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _holboo_message_actions_toast (self, error->message);
}

void
_holboo_message_actions_send_files (HolbooMessageActions *self,
                                    GSList               *files)
{
  if (self->list == NULL)
    return;
  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (g_file_peek_path (l->data) == NULL)
        {
          g_autofree char *uri = g_file_get_uri (l->data);
          g_autofree char *text = g_strdup_printf (_("“%s” is not a local file"), uri);

          _holboo_message_actions_toast (self, text);
          continue;
        }
      holboo_account_send_file_async (account (self), holboo_message_list_get_peer (self->list), l->data, NULL,
                                      NULL, on_file_sent, g_object_ref (self));
    }
}

/* Attach. */

static void
on_chosen (GtkNativeDialog      *dialog,
           int                   response,
           HolbooMessageActions *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GSList *list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      _holboo_message_actions_send_files (self, list);
      g_slist_free_full (list, g_object_unref);
    }
  g_object_unref (dialog);
}

static void
attach (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  GtkFileChooserNative *chooser;

  if (self->list == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Send Files"), parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Send"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Drop. */

static gboolean
on_drop (GtkDropTarget        *target,
         const GValue         *value,
         double                x,
         double                y,
         HolbooMessageActions *self)
{
  if (self->list == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  _holboo_message_actions_send_files (self, g_value_get_boxed (value));
  return TRUE;
}

/* Paste: files as files, an image (a screenshot) as a PNG file. */

typedef struct {
  GdkTexture *texture;
  char       *path;
} PasteData;

static void
paste_data_free (PasteData *data)
{
  g_clear_object (&data->texture);
  g_free (data->path);
  g_free (data);
}

static void
write_png_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PasteData *data = task_data;
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (data->texture);
  g_autofree char *dir = g_path_get_dirname (data->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (data->path, g_bytes_get_data (png, NULL), g_bytes_get_size (png),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_png_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HolbooMessageActions *self = HOLBOO_MESSAGE_ACTIONS (source);
  PasteData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *text = g_strdup_printf (_("The image could not be saved: %s"), error->message);

      if (self->view != NULL)
        _holboo_message_actions_toast (self, text);
      return;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_path (data->path);
    GSList list = { file, NULL };

    _holboo_message_actions_send_files (self, &list);
  }
}

static void
on_texture_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HolbooMessageActions) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *name = NULL;
  PasteData *data;

  if (texture == NULL || self->list == NULL)
    {
      if (error != NULL && self->view != NULL)
        _holboo_message_actions_toast (self, error->message);
      return;
    }
  dir = holboo_account_dup_files_dir (account (self));
  stamp = g_date_time_format (now, "%Y-%m-%d %H-%M-%S");
  /* TRANSLATORS: the file name of an image pasted into a chat; %s is the date and time */
  name = g_strdup_printf (_("Pasted image %s.png"), stamp);
  data = g_new0 (PasteData, 1);
  data->texture = g_steal_pointer (&texture);
  data->path = g_build_filename (dir, name, NULL);
  task = g_task_new (self, NULL, on_png_written, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) paste_data_free);
  g_task_run_in_thread (task, write_png_thread);
}

static void
on_files_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HolbooMessageActions) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (source), result, &error);

  if (value != NULL && G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    _holboo_message_actions_send_files (self, g_value_get_boxed (value));
}

static void
on_paste (GtkTextView          *composer,
          HolbooMessageActions *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (composer));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (self->list == NULL)
    return;
  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    {
      g_signal_stop_emission_by_name (composer, "paste-clipboard");
      gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                      on_files_read, g_object_ref (self));
    }
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) &&
           !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    {
      g_signal_stop_emission_by_name (composer, "paste-clipboard");
      gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read, g_object_ref (self));
    }
}

/* The file's own actions. */

static HolbooStoredAttachment *
attachment_of (HolbooMessageActions *self,
               GVariant             *parameter,
               gint64               *id)
{
  HolbooStoredMessage *m;

  *id = g_variant_get_int64 (parameter);
  m = _holboo_message_actions_lookup (self, *id);
  return m != NULL && !m->retracted ? m->attachment : NULL;
}

static void
on_shown (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HolbooMessageActions) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) && self->view != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _holboo_message_actions_toast (self, error->message);
}

static void
open_file (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  gint64 id;
  HolbooStoredAttachment *a = attachment_of (self, parameter, &id);
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (a == NULL || a->local_path == NULL ||
      (a->state != HOLBOO_ATTACHMENT_STATE_UPLOADED && a->state != HOLBOO_ATTACHMENT_STATE_DOWNLOADED))
    return;
  file = g_file_new_for_path (a->local_path);
  uri = g_file_get_uri (file);
  g_debug ("Opening %s", uri);
  gtk_show_uri_full (parent_window (self), uri, GDK_CURRENT_TIME, NULL, on_shown, g_object_ref (self));
}

static void
on_copied (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HolbooMessageActions) self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->view == NULL)
    return;
  if (g_file_copy_finish (G_FILE (source), result, &error))
    _holboo_message_actions_toast (self, _("File saved"));
  else
    _holboo_message_actions_toast (self, error->message);
}

static void
on_save_chosen (GtkNativeDialog      *dialog,
                int                   response,
                HolbooMessageActions *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "source");

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    {
      g_autoptr(GFile) dest = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) source = g_file_new_for_path (path);

      g_file_copy_async (source, dest, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT, NULL, NULL, NULL,
                         on_copied, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
save_file (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  gint64 id;
  HolbooStoredAttachment *a = attachment_of (self, parameter, &id);
  GtkFileChooserNative *chooser;

  if (a == NULL || a->local_path == NULL ||
      (a->state != HOLBOO_ATTACHMENT_STATE_UPLOADED && a->state != HOLBOO_ATTACHMENT_STATE_DOWNLOADED))
    return;
  chooser = gtk_file_chooser_native_new (_("Save File"), parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (a->name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), a->name);
  g_object_set_data_full (G_OBJECT (chooser), "source", g_strdup (a->local_path), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HolbooMessageActions) self = user_data;
  g_autoptr(HolbooStoredMessage) m = NULL;
  g_autoptr(GError) error = NULL;

  m = holboo_account_download_attachment_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (m == NULL)
    g_message ("Download failed: %s", error->message);   /* the row says why */
}

static void
download (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  gint64 id;
  HolbooStoredAttachment *a = attachment_of (self, parameter, &id);

  if (a == NULL || (a->state != HOLBOO_ATTACHMENT_STATE_REMOTE && a->state != HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED))
    return;
  holboo_account_download_attachment_async (account (self), id, NULL, on_downloaded, g_object_ref (self));
}

static void
cancel_transfer (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HolbooMessageActions *self = user_data;

  if (self->list != NULL)
    holboo_account_cancel_transfer (account (self), g_variant_get_int64 (parameter));
}

static void
on_retried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooMessageActions) self = user_data;
  g_autoptr(HolbooStoredMessage) m = NULL;
  g_autoptr(GError) error = NULL;

  m = holboo_account_retry_upload_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (m == NULL)
    g_message ("Upload failed again: %s", error->message);   /* the row says why */
}

static void
retry_upload (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  gint64 id;
  HolbooStoredAttachment *a = attachment_of (self, parameter, &id);

  if (a == NULL || a->state != HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED)
    return;
  holboo_account_retry_upload_async (account (self), id, NULL, on_retried, g_object_ref (self));
}

void
_holboo_message_files_init (HolbooMessageActions *self)
{
  static const GActionEntry entries[] = {
    { "attach", attach },
    { "open-file", open_file, "x" },
    { "save-file", save_file, "x" },
    { "download", download, "x" },
    { "cancel-transfer", cancel_transfer, "x" },
    { "retry-upload", retry_upload, "x" },
  };
  GtkDropTarget *drop;

  g_action_map_add_action_entries (G_ACTION_MAP (self->group), entries, G_N_ELEMENTS (entries), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (self->view, GTK_EVENT_CONTROLLER (drop));
  g_signal_connect_object (self->composer, "paste-clipboard", G_CALLBACK (on_paste), self, 0);
}
