/* holboo-conversation-row.c: one conversation in the Chats sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows its item's notifications (last message, unread count), so a
 * row stays right while the list view reuses it.
 */

#define G_LOG_DOMAIN "holboo-conversation-row"

#include "config.h"

#include "holboo-conversation-row.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/* The preview shows one line; no point in reading more of the body. */
#define PREVIEW_CHARS 160

struct _HolbooConversationRow
{
  GtkWidget               parent_instance;

  HolbooConversationItem *item;

  AdwAvatar              *avatar;
  GtkLabel               *name_label;
  GtkLabel               *time_label;
  GtkLabel               *last_label;
  GtkLabel               *unread_label;
};

G_DEFINE_FINAL_TYPE (HolbooConversationRow, holboo_conversation_row, GTK_TYPE_WIDGET)

static char *
format_activity (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (timestamp <= 0)
    return g_strdup ("");
  dt = g_date_time_new_from_unix_local (timestamp / G_USEC_PER_SEC);
  if (dt == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (dt) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (now))
    return g_date_time_format (dt, "%H:%M");
  return g_date_time_format (dt, "%Y-%m-%d");
}

static char *
preview (HolbooConversationItem *item)
{
  HolbooStoredMessage *last = holboo_conversation_item_get_last_message (item);
  g_autofree char *text = NULL;
  const char *body;
  const char *end;

  if (last == NULL || last->body == NULL)
    return g_strdup ("");

  /* A file message's body is its URL: its caption or name says more. */
  if (last->retracted)
    body = _("This message was deleted");
  else if (last->attachment != NULL)
    body = last->attachment->description != NULL && *last->attachment->description != '\0'
           ? last->attachment->description : last->attachment->name;
  else
    body = last->body;
  if (body == NULL)
    body = "";
  end = body;
  for (guint i = 0; i < PREVIEW_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  text = g_strndup (body, end - body);
  g_strdelimit (text, "\n\r\t", ' ');

  if (last->direction == HOLBOO_MESSAGE_OUTGOING)
    /* TRANSLATORS: the last message of a conversation, written by the user */
    return g_strdup_printf (_("You: %s"), text);
  return g_steal_pointer (&text);
}

static void
update (HolbooConversationRow *self)
{
  guint unread = holboo_conversation_item_get_unread (self->item);
  g_autofree char *time = format_activity (holboo_conversation_item_get_last_activity (self->item));
  g_autofree char *last = preview (self->item);

  gtk_label_set_text (self->time_label, time);
  gtk_label_set_text (self->last_label, last);
  gtk_widget_set_visible (GTK_WIDGET (self->unread_label), unread > 0);
  if (unread > 0)
    {
      g_autofree char *count = unread > 999 ? g_strdup ("999+") : g_strdup_printf ("%u", unread);
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unread message",
                                                                   "%u unread messages", unread), unread);

      gtk_label_set_text (self->unread_label, count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->unread_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
}

static void
on_item_notify (HolbooConversationItem *item,
                GParamSpec             *pspec,
                HolbooConversationRow  *self)
{
  update (self);
}

static void
holboo_conversation_row_dispose (GObject *object)
{
  HolbooConversationRow *self = HOLBOO_CONVERSATION_ROW (object);

  holboo_conversation_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_CONVERSATION_ROW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_conversation_row_parent_class)->dispose (object);
}

static void
holboo_conversation_row_class_init (HolbooConversationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_conversation_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-conversation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationRow, last_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationRow, unread_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
holboo_conversation_row_init (HolbooConversationRow *self)
{
  g_type_ensure (ADW_TYPE_AVATAR);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
holboo_conversation_row_new (void)
{
  return g_object_new (HOLBOO_TYPE_CONVERSATION_ROW, NULL);
}

void
holboo_conversation_row_set_item (HolbooConversationRow  *self,
                                  HolbooConversationItem *item)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_ROW (self));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  adw_avatar_set_text (self->avatar, holboo_conversation_item_get_name (item));
  gtk_label_set_text (self->name_label, holboo_conversation_item_get_name (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), holboo_conversation_item_get_peer (item));
  g_signal_connect_object (item, "notify::unread", G_CALLBACK (on_item_notify), self, 0);
  g_signal_connect_object (item, "notify::last-message", G_CALLBACK (on_item_notify), self, 0);
  g_signal_connect_object (item, "notify::last-activity", G_CALLBACK (on_item_notify), self, 0);
  update (self);
}
