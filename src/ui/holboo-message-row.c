/* holboo-message-row.c: one message in a conversation's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are recycled by the list view: holboo_message_row_set_item()
 * fills one for an item and follows the item's layout flags (day
 * divider, group start, unread marker), which change when neighbours
 * arrive.  A long body is cut (holboo_message_markup()); "Show More"
 * opens the whole text in a text view, which lays out lazily, so even
 * the longest message the account accepts never stalls the list.
 */

#define G_LOG_DOMAIN "holboo-message-row"

#include "config.h"

#include "holboo-message-markup.h"
#include "holboo-message-row.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

struct _HolbooMessageRow
{
  GtkWidget          parent_instance;

  HolbooMessageItem *item;
  char              *peer_name;

  GtkWidget         *box;
  GtkWidget         *day_label;
  GtkWidget         *unread_marker;
  GtkWidget         *header;
  GtkLabel          *sender_label;
  GtkLabel          *time_label;
  GtkLabel          *body_label;
  GtkImage          *state_image;
  GtkWidget         *show_more_button;
};

G_DEFINE_FINAL_TYPE (HolbooMessageRow, holboo_message_row, GTK_TYPE_WIDGET)

static char *
format_day (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (timestamp / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (dt == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (dt) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (now))
    return g_strdup (_("Today"));
  if (g_date_time_get_year (dt) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (yesterday))
    return g_strdup (_("Yesterday"));
  /* TRANSLATORS: a day above its messages, in g_date_time_format() syntax */
  return g_date_time_format (dt, _("%Y-%m-%d, %A"));
}

static char *
format_time (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (timestamp / G_USEC_PER_SEC);

  return dt != NULL ? g_date_time_format (dt, "%H:%M") : g_strdup ("");
}

static const char *
sender_name (HolbooMessageRow *self)
{
  HolbooStoredMessage *m = holboo_message_item_get_message (self->item);
  const char *slash;

  if (m->direction == HOLBOO_MESSAGE_OUTGOING)
    return _("You");
  if (m->kind == HOLBOO_CONVERSATION_GROUP && m->from_jid != NULL &&
      (slash = strchr (m->from_jid, '/')) != NULL)
    return slash + 1;
  return self->peer_name != NULL ? self->peer_name : m->from_jid;
}

static void
update_state (HolbooMessageRow *self)
{
  HolbooMessageState state = holboo_message_item_get_state (self->item);
  const char *icon = NULL;
  const char *label = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->state_image), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_image), "accent");

  switch (state)
    {
    case HOLBOO_MESSAGE_STATE_PENDING:
      icon = "holboo-message-pending-symbolic";
      label = _("Waiting to be sent");
      break;
    case HOLBOO_MESSAGE_STATE_SENT:
      icon = "holboo-message-pending-symbolic";
      label = _("Sending");
      break;
    case HOLBOO_MESSAGE_STATE_FAILED:
      icon = "dialog-error-symbolic";
      label = _("Not sent");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_image), "error");
      break;
    case HOLBOO_MESSAGE_STATE_ACKED:
      icon = "holboo-message-sent-symbolic";
      label = _("Sent");
      break;
    case HOLBOO_MESSAGE_STATE_DELIVERED:
      icon = "holboo-message-delivered-symbolic";
      label = _("Delivered");
      break;
    case HOLBOO_MESSAGE_STATE_READ:
      icon = "holboo-message-delivered-symbolic";
      label = _("Read");
      gtk_widget_add_css_class (GTK_WIDGET (self->state_image), "accent");
      break;
    case HOLBOO_MESSAGE_STATE_RECEIVED:
    default:
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->state_image), icon != NULL);
  gtk_image_set_from_icon_name (self->state_image, icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->state_image), label);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->state_image),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_layout (HolbooMessageRow *self)
{
  gboolean starts_day = holboo_message_item_get_starts_day (self->item);
  gboolean starts_group = holboo_message_item_get_starts_group (self->item);

  gtk_widget_set_visible (self->day_label, starts_day);
  if (starts_day)
    {
      g_autofree char *day = format_day (holboo_message_item_get_timestamp (self->item));

      gtk_label_set_text (GTK_LABEL (self->day_label), day);
    }
  gtk_widget_set_visible (self->unread_marker, holboo_message_item_get_first_unread (self->item));
  gtk_widget_set_visible (self->header, starts_group && !holboo_message_item_is_action (self->item));
}

static void
on_layout_changed (HolbooMessageItem *item,
                   GParamSpec        *pspec,
                   HolbooMessageRow  *self)
{
  update_layout (self);
}

static void
update_body (HolbooMessageRow *self)
{
  const char *body = holboo_message_item_get_body (self->item);
  g_autofree char *markup = NULL;
  gboolean cut = FALSE;

  if (holboo_message_item_is_action (self->item))
    {
      g_autofree char *rest = holboo_message_markup (body + 4, HOLBOO_MESSAGE_ROW_MAX_CHARS,
                                                     HOLBOO_MESSAGE_ROW_MAX_LINES, &cut);
      g_autofree char *who = g_markup_escape_text (sender_name (self), -1);

      markup = g_strdup_printf ("<i>* %s %s</i>", who, rest);
    }
  else
    markup = holboo_message_markup (body, HOLBOO_MESSAGE_ROW_MAX_CHARS, HOLBOO_MESSAGE_ROW_MAX_LINES, &cut);

  gtk_label_set_markup (self->body_label, markup);
  gtk_widget_set_visible (self->show_more_button, cut);
}

static void
show_more (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HolbooMessageRow *self = HOLBOO_MESSAGE_ROW (widget);
  GtkWidget *window, *box, *header, *scrolled, *view;
  GtkRoot *root;

  if (self->item == NULL)
    return;

  g_debug ("Showing all of message %" G_GINT64_FORMAT, holboo_message_item_get_id (self->item));
  root = gtk_widget_get_root (widget);
  window = adw_window_new ();
  gtk_widget_set_name (window, "message-viewer");
  gtk_window_set_title (GTK_WINDOW (window), sender_name (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 520);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Message"), sender_name (self)));
  gtk_box_append (GTK_BOX (box), header);

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            holboo_message_item_get_body (self->item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Message"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));
}

static void
holboo_message_row_dispose (GObject *object)
{
  HolbooMessageRow *self = HOLBOO_MESSAGE_ROW (object);

  holboo_message_row_set_item (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_MESSAGE_ROW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_message_row_parent_class)->dispose (object);
}

static void
holboo_message_row_finalize (GObject *object)
{
  HolbooMessageRow *self = HOLBOO_MESSAGE_ROW (object);

  g_free (self->peer_name);

  G_OBJECT_CLASS (holboo_message_row_parent_class)->finalize (object);
}

static void
holboo_message_row_class_init (HolbooMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_message_row_dispose;
  object_class->finalize = holboo_message_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-message-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, box);
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, unread_marker);
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, header);
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, sender_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, body_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, state_image);
  gtk_widget_class_bind_template_child (widget_class, HolbooMessageRow, show_more_button);

  gtk_widget_class_install_action (widget_class, "message.show-more", NULL, show_more);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "holboo-message-row");
}

static void
holboo_message_row_init (HolbooMessageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
holboo_message_row_new (void)
{
  return g_object_new (HOLBOO_TYPE_MESSAGE_ROW, NULL);
}

/**
 * holboo_message_row_set_item:
 * @item: (nullable): the message to show, or %NULL to let the row go
 * @peer_name: (nullable): what to call the other side of a chat
 */
void
holboo_message_row_set_item (HolbooMessageRow  *self,
                             HolbooMessageItem *item,
                             const char        *peer_name)
{
  g_autofree char *time = NULL;

  g_return_if_fail (HOLBOO_IS_MESSAGE_ROW (self));
  g_return_if_fail (item == NULL || HOLBOO_IS_MESSAGE_ITEM (item));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  g_free (self->peer_name);
  self->peer_name = g_strdup (peer_name);
  if (item == NULL)
    return;

  g_signal_connect_object (item, "notify::starts-day", G_CALLBACK (on_layout_changed), self, 0);
  g_signal_connect_object (item, "notify::starts-group", G_CALLBACK (on_layout_changed), self, 0);
  g_signal_connect_object (item, "notify::first-unread", G_CALLBACK (on_layout_changed), self, 0);

  gtk_label_set_text (self->sender_label, sender_name (self));
  time = format_time (holboo_message_item_get_timestamp (item));
  gtk_label_set_text (self->time_label, time);
  update_layout (self);
  update_body (self);
  update_state (self);

  if (holboo_message_item_get_direction (item) == HOLBOO_MESSAGE_OUTGOING)
    gtk_widget_add_css_class (GTK_WIDGET (self), "outgoing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "outgoing");
}

HolbooMessageItem *
holboo_message_row_get_item (HolbooMessageRow *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ROW (self), NULL);
  return self->item;
}
