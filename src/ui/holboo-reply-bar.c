/* holboo-reply-bar.c: the bar above the composer while the user answers
 * a message or edits one of theirs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Replying to Bat" or "Editing Message", the start of the text in
 * question, and a close button (the conversation's "msg.cancel-compose",
 * also on Escape).  The bar only shows; the conversation keeps the
 * message.
 */

#define G_LOG_DOMAIN "holboo-reply-bar"

#include "config.h"

#include "holboo-reply-bar.h"

#include <glib/gi18n.h>

struct _HolbooReplyBar
{
  GtkWidget  parent_instance;

  GtkImage  *icon;
  GtkLabel  *title;
  GtkLabel  *text;
  GtkWidget *close_button;
};

G_DEFINE_FINAL_TYPE (HolbooReplyBar, holboo_reply_bar, GTK_TYPE_WIDGET)

static void
holboo_reply_bar_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_reply_bar_parent_class)->dispose (object);
}

static void
holboo_reply_bar_class_init (HolbooReplyBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_reply_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "holboo-reply-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
holboo_reply_bar_init (HolbooReplyBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  gtk_widget_set_name (GTK_WIDGET (self), "reply-bar");

  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), "accent");
  gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "accent");
  self->text = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->text), "reply-bar-text");
  gtk_label_set_xalign (self->text, 0);
  gtk_label_set_ellipsize (self->text, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->text, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->text), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->text));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  self->close_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_set_valign (self->close_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->close_button, "flat");
  gtk_widget_add_css_class (self->close_button, "circular");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->close_button), "msg.cancel-compose");
  gtk_widget_set_parent (self->close_button, GTK_WIDGET (self));
}

GtkWidget *
holboo_reply_bar_new (void)
{
  return g_object_new (HOLBOO_TYPE_REPLY_BAR, NULL);
}

/**
 * holboo_reply_bar_show:
 * @name: (nullable): for a reply: who wrote the message answered
 * @text: the start of that message, or of the one edited
 */
void
holboo_reply_bar_show (HolbooReplyBar     *self,
                       HolbooReplyBarMode  mode,
                       const char         *name,
                       const char         *text)
{
  g_autofree char *title = NULL;
  const char *close;

  g_return_if_fail (HOLBOO_IS_REPLY_BAR (self));

  if (mode == HOLBOO_REPLY_BAR_REPLY)
    {
      title = g_strdup_printf (_("Replying to %s"), name != NULL ? name : "");
      close = _("Cancel Reply");
      gtk_image_set_from_icon_name (self->icon, "mail-reply-sender-symbolic");
    }
  else
    {
      title = g_strdup (_("Editing Message"));
      close = _("Cancel Editing");
      gtk_image_set_from_icon_name (self->icon, "document-edit-symbolic");
    }
  gtk_label_set_text (self->title, title);
  gtk_label_set_text (self->text, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (self->close_button, close);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->close_button), GTK_ACCESSIBLE_PROPERTY_LABEL, close, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}
