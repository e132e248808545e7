/* holboo-conversation-row.c: one conversation in the Chats sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Follows its item's notifications (last message, unread count,
 * typing, pinned, muted), so a row stays right while the list view
 * reuses it.  Its menu (right click, long press, Shift+F10 or the Menu
 * key) offers the chats page's pin and mute actions for its
 * conversation.
 */

#define G_LOG_DOMAIN "holboo-conversation-row"

#include "config.h"

#include "holboo-conversation-row.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

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
  GtkWidget              *muted_image;
  GtkWidget              *pinned_image;
  GtkWidget              *menu;
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
  if (last->kind == HOLBOO_CONVERSATION_GROUP && last->from_jid != NULL && strchr (last->from_jid, '/') != NULL)
    /* TRANSLATORS: the last message of a group chat: "sender: text" */
    return g_strdup_printf (_("%s: %s"), strchr (last->from_jid, '/') + 1, text);
  return g_steal_pointer (&text);
}

static void
update (HolbooConversationRow *self)
{
  guint unread = holboo_conversation_item_get_unread (self->item);
  g_autofree char *time = format_activity (holboo_conversation_item_get_last_activity (self->item));
  g_autofree char *last = preview (self->item);

  gtk_label_set_text (self->time_label, time);
  if (holboo_conversation_item_get_typing (self->item))
    {
      gtk_label_set_text (self->last_label, _("typing…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->last_label), "accent");
      gtk_widget_remove_css_class (GTK_WIDGET (self->last_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->last_label, last);
      gtk_widget_remove_css_class (GTK_WIDGET (self->last_label), "accent");
      gtk_widget_add_css_class (GTK_WIDGET (self->last_label), "dim-label");
    }
  gtk_widget_set_visible (self->muted_image, holboo_conversation_item_get_muted (self->item));
  gtk_widget_set_visible (self->pinned_image, holboo_conversation_item_get_pinned (self->item));
  if (holboo_conversation_item_get_muted (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self->unread_label), "muted");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->unread_label), "muted");
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
on_name_changed (HolbooConversationItem *item,
                 GParamSpec             *pspec,
                 HolbooConversationRow  *self)
{
  adw_avatar_set_text (self->avatar, holboo_conversation_item_get_name (item));
  gtk_label_set_text (self->name_label, holboo_conversation_item_get_name (item));
}

/* The menu's items name the row's conversation as their target. */
static GMenuModel *
build_menu (HolbooConversationRow *self)
{
  GMenu *menu = g_menu_new ();
  const char *peer = holboo_conversation_item_get_peer (self->item);
  g_autoptr(GMenuItem) pin = NULL;
  g_autoptr(GMenuItem) mute = NULL;

  pin = g_menu_item_new (holboo_conversation_item_get_pinned (self->item) ? _("Un_pin") : _("_Pin"), NULL);
  g_menu_item_set_action_and_target_value (pin, "chats.toggle-pin", g_variant_new_string (peer));
  g_menu_append_item (menu, pin);
  mute = g_menu_item_new (holboo_conversation_item_get_muted (self->item) ? _("Un_mute") : _("_Mute"), NULL);
  g_menu_item_set_action_and_target_value (mute, "chats.toggle-mute", g_variant_new_string (peer));
  g_menu_append_item (menu, mute);
  return G_MENU_MODEL (menu);
}

static void
popup_menu (HolbooConversationRow *self,
            double                 x,
            double                 y)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->item == NULL)
    return;
  model = build_menu (self);
  if (self->menu == NULL)
    {
      self->menu = gtk_popover_menu_new_from_model (model);
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  else
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu), model);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  else
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_click (GtkGestureClick       *gesture,
                    int                    n_press,
                    double                 x,
                    double                 y,
                    HolbooConversationRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static void
on_long_press (GtkGestureLongPress   *gesture,
               double                 x,
               double                 y,
               HolbooConversationRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu (self, x, y);
}

static void
show_menu (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  popup_menu (HOLBOO_CONVERSATION_ROW (widget), -1, -1);
}

static void
holboo_conversation_row_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  HolbooConversationRow *self = HOLBOO_CONVERSATION_ROW (widget);

  GTK_WIDGET_CLASS (holboo_conversation_row_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
holboo_conversation_row_dispose (GObject *object)
{
  HolbooConversationRow *self = HOLBOO_CONVERSATION_ROW (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
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
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationRow, muted_image);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationRow, pinned_image);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  widget_class->size_allocate = holboo_conversation_row_size_allocate;

  gtk_widget_class_install_action (widget_class, "row.menu", NULL, show_menu);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "row.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "row.menu", NULL);
}

static void
holboo_conversation_row_init (HolbooConversationRow *self)
{
  GtkGesture *click, *press;

  g_type_ensure (ADW_TYPE_AVATAR);
  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
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
  /* A group shows a group, not one person's initials. */
  if (holboo_conversation_item_get_kind (item) == HOLBOO_CONVERSATION_GROUP)
    {
      adw_avatar_set_show_initials (self->avatar, FALSE);
      adw_avatar_set_icon_name (self->avatar, "holboo-group-symbolic");
    }
  else
    {
      adw_avatar_set_show_initials (self->avatar, TRUE);
      adw_avatar_set_icon_name (self->avatar, NULL);
    }
  g_signal_connect_object (item, "notify::name", G_CALLBACK (on_name_changed), self, 0);
  g_signal_connect_object (item, "notify::typing", G_CALLBACK (on_item_notify), self, 0);
  g_signal_connect_object (item, "notify::muted", G_CALLBACK (on_item_notify), self, 0);
  g_signal_connect_object (item, "notify::pinned-at", G_CALLBACK (on_item_notify), self, 0);
  g_signal_connect_object (item, "notify::unread", G_CALLBACK (on_item_notify), self, 0);
  g_signal_connect_object (item, "notify::last-message", G_CALLBACK (on_item_notify), self, 0);
  g_signal_connect_object (item, "notify::last-activity", G_CALLBACK (on_item_notify), self, 0);
  update (self);
}
