/* holboo-attachment-view.c: the file of a message: an image's preview,
 * or a file row with its name and size; its transfer's progress, cancel
 * and retry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the engine's preview is ever shown (a PNG of at most
 * HOLBOO_IMAGE_PREVIEW_SIZE pixels, made on a thread): the file itself is
 * never decoded here, so an image of 50 megapixels, or a file that only
 * says it is one, costs the UI nothing.  The preview is read from disk
 * asynchronously.  The buttons activate the conversation's "msg.*"
 * actions with the message's row id; progress comes from the account's
 * ::attachment-progress while the row is on screen.
 */

#define G_LOG_DOMAIN "holboo-attachment-view"

#include "config.h"

#include "holboo-attachment-view.h"
#include "holboo-conversation-view.h"
#include "holboo-image.h"

#include <glib/gi18n.h>

struct _HolbooAttachmentView
{
  GtkWidget            parent_instance;

  HolbooStoredMessage *message;
  HolbooAccount       *account;        /* while mapped, for progress */
  gulong               progress_id;
  GCancellable        *cancellable;    /* reading the preview */
  gboolean             transferring;

  GtkWidget           *preview_button;
  GtkPicture          *picture;
  GtkWidget           *file_box;
  GtkImage            *icon;
  GtkLabel            *name_label;
  GtkLabel            *detail_label;
  GtkWidget           *download_button;
  GtkWidget           *open_button;
  GtkWidget           *save_button;
  GtkWidget           *retry_button;
  GtkWidget           *cancel_button;
  GtkProgressBar      *progress;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (HolbooAttachmentView, holboo_attachment_view, GTK_TYPE_WIDGET)

/* A symbolic icon every GNOME icon theme has, by the kind of file: the
 * type's own (image-png-symbolic, …) mostly do not exist. */
static const char *
icon_for (const char *mime)
{
  static const struct { const char *prefix; const char *icon; } kinds[] = {
    { "image/", "image-x-generic-symbolic" },
    { "audio/", "audio-x-generic-symbolic" },
    { "video/", "video-x-generic-symbolic" },
    { "font/", "font-x-generic-symbolic" },
    { "application/zip", "package-x-generic-symbolic" },
    { "application/x-tar", "package-x-generic-symbolic" },
    { "application/gzip", "package-x-generic-symbolic" },
    { "application/x-7z", "package-x-generic-symbolic" },
    { "application/x-xz", "package-x-generic-symbolic" },
    { "application/x-bzip", "package-x-generic-symbolic" },
    { "application/vnd.rar", "package-x-generic-symbolic" },
    { "application/x-rar", "package-x-generic-symbolic" },
  };

  for (guint i = 0; mime != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (mime, kinds[i].prefix))
      return kinds[i].icon;
  return "text-x-generic-symbolic";
}

static void
update (HolbooAttachmentView *self)
{
  HolbooStoredAttachment *a = self->message->attachment;
  g_autofree char *size = a->size >= 0 ? g_format_size (a->size) : NULL;
  g_autofree char *detail = NULL;
  gboolean local = a->state == HOLBOO_ATTACHMENT_STATE_UPLOADED || a->state == HOLBOO_ATTACHMENT_STATE_DOWNLOADED;
  gboolean failed = a->state == HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED ||
                    a->state == HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED;
  gboolean uploading = a->state == HOLBOO_ATTACHMENT_STATE_UPLOADING;
  gboolean busy = uploading || self->transferring;
  gboolean preview = self->message->attachment->thumbnail_path != NULL;

  if (uploading)
    detail = self->transferring ? g_strdup_printf (_("Uploading · %s"), size ? size : "")
                                : g_strdup (_("Waiting to upload"));
  else if (self->transferring)
    detail = g_strdup_printf (_("Downloading · %s"), size ? size : "");
  else if (failed && a->state == HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED)
    detail = g_strdup (_("Not sent"));
  else if (failed)
    detail = g_strdup (_("Download failed"));
  else if (size != NULL)
    detail = g_steal_pointer (&size);
  else
    detail = g_strdup ("");

  gtk_label_set_text (self->name_label, a->name != NULL ? a->name : "");
  gtk_label_set_text (self->detail_label, detail);

  /* An image with a preview shows the preview alone once it is there;
   * the file row comes back while it moves or failed. */
  gtk_widget_set_visible (gtk_widget_get_parent (self->preview_button), preview);
  gtk_widget_set_visible (self->file_box, !preview || busy || failed);
  gtk_widget_set_visible (self->download_button, !busy && (a->state == HOLBOO_ATTACHMENT_STATE_REMOTE));
  gtk_widget_set_visible (self->open_button, local && !busy && !preview);
  gtk_widget_set_visible (self->save_button, local && !busy && !preview);
  gtk_widget_set_visible (self->retry_button, failed && !busy);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button),
                                  a->state == HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED ? "msg.retry-upload"
                                                                                     : "msg.download");
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  if (!self->transferring)
    gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), failed && a->error != NULL && !busy);
  gtk_label_set_text (self->error_label, a->error != NULL ? a->error : "");
}

static void
on_progress (HolbooAccount        *account,
             gint64                message_id,
             guint64               done,
             guint64               total,
             HolbooAttachmentView *self)
{
  if (self->message == NULL || message_id != self->message->id)
    return;
  if (!self->transferring && (total == 0 || done < total))
    {
      self->transferring = TRUE;
      update (self);
    }
  if (total > 0)
    gtk_progress_bar_set_fraction (self->progress, (double) done / (double) total);
  else
    gtk_progress_bar_pulse (self->progress);
}

static void
on_preview_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HolbooAttachmentView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autoptr(GdkTexture) texture = NULL;

  if (bytes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No preview: %s", error->message);
      return;
    }
  /* A PNG the engine wrote, at most HOLBOO_IMAGE_PREVIEW_SIZE pixels. */
  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    {
      g_debug ("Preview does not decode: %s", error->message);
      return;
    }
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

/* The preview's size on screen, known before it is read, so the row
 * does not jump when it comes. */
static void
size_preview (HolbooAttachmentView *self)
{
  HolbooStoredAttachment *a = self->message->attachment;
  double w = a->width > 0 ? a->width : HOLBOO_IMAGE_PREVIEW_SIZE;
  double h = a->height > 0 ? a->height : HOLBOO_IMAGE_PREVIEW_SIZE * 3 / 4;
  double scale = MIN (1.0, (double) HOLBOO_IMAGE_PREVIEW_SIZE / MAX (w, h));

  gtk_widget_set_size_request (GTK_WIDGET (self->picture), MAX (1, (int) (w * scale)), MAX (1, (int) (h * scale)));
}

static void
holboo_attachment_view_map (GtkWidget *widget)
{
  HolbooAttachmentView *self = HOLBOO_ATTACHMENT_VIEW (widget);
  GtkWidget *view;
  HolbooMessageList *list;

  GTK_WIDGET_CLASS (holboo_attachment_view_parent_class)->map (widget);

  view = gtk_widget_get_ancestor (widget, HOLBOO_TYPE_CONVERSATION_VIEW);
  list = view != NULL ? holboo_conversation_view_get_list (HOLBOO_CONVERSATION_VIEW (view)) : NULL;
  if (list == NULL)
    return;
  self->account = g_object_ref (holboo_message_list_get_account (list));
  self->progress_id = g_signal_connect (self->account, "attachment-progress", G_CALLBACK (on_progress), self);
}

static void
holboo_attachment_view_unmap (GtkWidget *widget)
{
  HolbooAttachmentView *self = HOLBOO_ATTACHMENT_VIEW (widget);

  if (self->account != NULL)
    g_clear_signal_handler (&self->progress_id, self->account);
  g_clear_object (&self->account);

  GTK_WIDGET_CLASS (holboo_attachment_view_parent_class)->unmap (widget);
}

static void
holboo_attachment_view_dispose (GObject *object)
{
  HolbooAttachmentView *self = HOLBOO_ATTACHMENT_VIEW (object);

  holboo_attachment_view_set_message (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_ATTACHMENT_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_attachment_view_parent_class)->dispose (object);
}

static void
holboo_attachment_view_class_init (HolbooAttachmentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_attachment_view_dispose;
  widget_class->map = holboo_attachment_view_map;
  widget_class->unmap = holboo_attachment_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-attachment-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, preview_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, picture);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, file_box);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, icon);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, name_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, download_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, open_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, save_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, retry_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, progress);
  gtk_widget_class_bind_template_child (widget_class, HolbooAttachmentView, error_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "holboo-attachment");
}

static void
holboo_attachment_view_init (HolbooAttachmentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->download_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Download"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save As…"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Try Again"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
}

GtkWidget *
holboo_attachment_view_new (void)
{
  return g_object_new (HOLBOO_TYPE_ATTACHMENT_VIEW, NULL);
}

/**
 * holboo_attachment_view_set_message:
 * @message: (nullable): a message with an attachment, or %NULL to let
 *   the view go
 */
void
holboo_attachment_view_set_message (HolbooAttachmentView *self,
                                    HolbooStoredMessage  *message)
{
  HolbooStoredAttachment *a;
  g_autofree char *old_preview = NULL;
  GVariant *target;

  g_return_if_fail (HOLBOO_IS_ATTACHMENT_VIEW (self));
  g_return_if_fail (message == NULL || message->attachment != NULL);

  if (self->message != NULL && self->message->attachment->thumbnail_path != NULL)
    old_preview = g_strdup (self->message->attachment->thumbnail_path);
  if (message == NULL || self->message == NULL || message->id != self->message->id)
    self->transferring = FALSE;
  g_clear_pointer (&self->message, holboo_stored_message_unref);
  if (message == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      gtk_picture_set_paintable (self->picture, NULL);
      return;
    }
  self->message = holboo_stored_message_ref (message);
  a = message->attachment;

  /* A state the engine stored ends whatever progress we heard of. */
  if (a->state != HOLBOO_ATTACHMENT_STATE_REMOTE && a->state != HOLBOO_ATTACHMENT_STATE_UPLOADING)
    self->transferring = FALSE;

  /* Targets first: an action name without its target warns. */
  target = g_variant_ref_sink (g_variant_new_int64 (message->id));
  for (GtkWidget *button = self->download_button; button != NULL; button = gtk_widget_get_next_sibling (button))
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->preview_button), target);
  g_variant_unref (target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->preview_button), "msg.open-file");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->download_button), "msg.download");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "msg.open-file");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "msg.save-file");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "msg.cancel-transfer");

  gtk_image_set_from_icon_name (self->icon, icon_for (a->mime));

  if (a->thumbnail_path != NULL && g_strcmp0 (old_preview, a->thumbnail_path) != 0)
    {
      g_autoptr(GFile) file = g_file_new_for_path (a->thumbnail_path);
      g_autofree char *label = g_strdup_printf (_("Image: %s"), a->name != NULL ? a->name : "");

      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      gtk_picture_set_paintable (self->picture, NULL);
      size_preview (self);
      g_file_load_bytes_async (file, self->cancellable, on_preview_loaded, g_object_ref (self));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (self->preview_button, a->name);
    }
  else if (a->thumbnail_path == NULL)
    gtk_picture_set_paintable (self->picture, NULL);

  update (self);
}
