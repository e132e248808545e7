/* holboo-conversation-view-header.c: the conversation view's header
 * (a group's members, the conversation's menu, who is typing) and its
 * search bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header follows the conversation's item (pinned, muted, typing,
 * name) and, for a group, its room (members, joined or not).  Ctrl+F
 * opens the search bar (HolbooConversationSearch); a match, or a global
 * search's hit (holboo_conversation_view_show_message()), is scrolled
 * to after loading older pages until it is in the list, and
 * highlighted.
 */

#define G_LOG_DOMAIN "holboo-conversation-view"

#include "config.h"

#include "holboo-conversation-view-private.h"
#include "holboo-message-row.h"

#include <glib/gi18n.h>

/* Looking for a message to show: at most this many older pages. */
#define MAX_JUMP_PAGES 200

void
_holboo_conversation_view_mark_match (HolbooConversationView *self,
                                      GtkWidget              *row,
                                      HolbooMessageItem      *item)
{
  if (item != NULL && self->match_id != 0 && holboo_message_item_get_id (item) == self->match_id)
    gtk_widget_add_css_class (row, "holboo-search-match");
  else
    gtk_widget_remove_css_class (row, "holboo-search-match");
}

/* The rows on screen follow a new match. */
static void
mark_matches (HolbooConversationView *self)
{
  if (self->list_view == NULL)
    return;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);

      if (HOLBOO_IS_MESSAGE_ROW (child))
        _holboo_conversation_view_mark_match (self, child, holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child)));
    }
}

static void
jump_failed (HolbooConversationView *self)
{
  self->jump_id = 0;
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("The message is no longer in this conversation")));
}

static void
on_jump_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HolbooConversationView) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!holboo_message_list_load_older_finish (HOLBOO_MESSAGE_LIST (source), result, &n, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("Could not load older messages to show one: %s", error->message);
      if (self->jump_id != 0)
        jump_failed (self);
      return;
    }
  _holboo_conversation_view_try_jump (self);
}

/* Shows the message asked for once it is in the list, loading older
 * pages until it is. */
void
_holboo_conversation_view_try_jump (HolbooConversationView *self)
{
  guint position;

  if (self->list == NULL || self->list_view == NULL || self->jump_id == 0)
    return;
  if (holboo_message_list_find (self->list, self->jump_id, &position))
    {
      self->match_id = self->jump_id;
      self->jump_id = 0;
      self->sticky = FALSE;
      self->keep_frames = 0;
      self->stick_frames = 0;
      self->user_scrolled = g_get_monotonic_time ();
      self->scrolling = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
      self->scrolling = FALSE;
      mark_matches (self);
      return;
    }
  if (!holboo_message_list_get_loaded (self->list) || holboo_message_list_get_loading (self->list))
    return;   /* the list's notifications come back here */
  if (holboo_message_list_get_at_start (self->list) || self->jump_pages >= MAX_JUMP_PAGES)
    {
      jump_failed (self);
      return;
    }
  self->jump_pages++;
  holboo_message_list_load_older_async (self->list, self->cancellable, on_jump_loaded, g_object_ref (self));
}

static void
on_search_jump (HolbooConversationSearch *search,
                gint64                    message_id,
                HolbooConversationView   *self)
{
  holboo_conversation_view_show_message (self, message_id);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HolbooConversationView *self = HOLBOO_CONVERSATION_VIEW (widget);

  if (self->list != NULL)
    holboo_conversation_search_open (self->search);
}

/* The conversation's menu, as the conversation is now. */
static void
update_menu (HolbooConversationView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) pin = NULL;
  g_autoptr(GMenuItem) mute = NULL;
  const char *peer;

  if (self->item == NULL)
    {
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), NULL);
      gtk_widget_set_visible (self->menu_button, FALSE);
      return;
    }
  peer = holboo_conversation_item_get_peer (self->item);
  g_menu_append (section, _("_Search in Conversation"), "conversation.search");
  pin = g_menu_item_new (holboo_conversation_item_get_pinned (self->item) ? _("Un_pin") : _("_Pin"), NULL);
  g_menu_item_set_action_and_target_value (pin, "chats.toggle-pin", g_variant_new_string (peer));
  g_menu_append_item (section, pin);
  mute = g_menu_item_new (holboo_conversation_item_get_muted (self->item) ? _("Un_mute") : _("_Mute"), NULL);
  g_menu_item_set_action_and_target_value (mute, "chats.toggle-mute", g_variant_new_string (peer));
  g_menu_append_item (section, mute);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  if (self->room != NULL)
    {
      g_autoptr(GMenu) group = g_menu_new ();
      g_autoptr(GMenuItem) leave = g_menu_item_new (_("_Leave Group"), NULL);

      g_menu_append (group, _("_Invite Members…"), "chats.invite-members");
      g_menu_item_set_action_and_target_value (leave, "chats.leave-group", g_variant_new_string (peer));
      g_menu_append_item (group, leave);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (group));
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_visible (self->menu_button, TRUE);
}

/* Under the name: who is typing; for a group, how many are in. */
static void
update_subtitle (HolbooConversationView *self)
{
  g_autofree char *subtitle = NULL;

  if (self->item != NULL && holboo_conversation_item_get_typing (self->item))
    subtitle = g_strdup (_("typing…"));
  else if (self->room != NULL && holboo_room_get_state (self->room) == HOLBOO_ROOM_STATE_JOINED)
    {
      guint n = g_list_model_get_n_items (holboo_room_get_occupants (self->room));

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u member here", "%u members here", n), n);
    }
  else if (self->room != NULL)
    subtitle = g_strdup (_("Not connected to the group"));
  else if (self->list != NULL)
    subtitle = g_strdup (holboo_message_list_get_peer (self->list));
  adw_window_title_set_subtitle (self->title, subtitle);
}

static void
on_item_notify (GObject                *object,
                GParamSpec             *pspec,
                HolbooConversationView *self)
{
  update_menu (self);
  update_subtitle (self);
  if (self->item != NULL && g_strcmp0 (pspec->name, "name") == 0)
    adw_window_title_set_title (self->title, holboo_conversation_item_get_name (self->item));
}

static void
on_occupants_changed (GListModel             *model,
                      guint                   position,
                      guint                   removed,
                      guint                   added,
                      HolbooConversationView *self)
{
  update_subtitle (self);
}

void
_holboo_conversation_view_header_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, members_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, occupants_view);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, search);

  gtk_widget_class_install_action (widget_class, "conversation.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "conversation.search", NULL);
}

void
_holboo_conversation_view_header_init (HolbooConversationView *self)
{
  g_signal_connect_object (self->search, "jump", G_CALLBACK (on_search_jump), self, 0);
  gtk_widget_set_visible (self->menu_button, FALSE);
}

/* Another list is shown (or none): no jump, no match, a closed search. */
void
_holboo_conversation_view_header_list_changed (HolbooConversationView *self)
{
  self->jump_id = 0;
  self->match_id = 0;
  holboo_conversation_search_set_target (self->search,
                                         self->list != NULL ? holboo_message_list_get_account (self->list) : NULL,
                                         self->list != NULL ? holboo_message_list_get_peer (self->list) : NULL);
  update_subtitle (self);
}

/**
 * holboo_conversation_view_set_conversation:
 * @item: (nullable): the open conversation, as listed (pinned, muted,
 *   typing)
 * @room: (nullable): its group chat, for a group
 *
 * Call after holboo_conversation_view_set_list(): the header's members,
 * menu and subtitle follow @item and @room.
 */
void
holboo_conversation_view_set_conversation (HolbooConversationView *self,
                                           HolbooConversationItem *item,
                                           HolbooRoom             *room)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_VIEW (self));
  g_return_if_fail (item == NULL || HOLBOO_IS_CONVERSATION_ITEM (item));
  g_return_if_fail (room == NULL || HOLBOO_IS_ROOM (room));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  if (self->room != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->room, self);
      g_signal_handlers_disconnect_by_data (holboo_room_get_occupants (self->room), self);
    }
  g_set_object (&self->item, item);
  g_set_object (&self->room, room);
  if (self->occupants_view != NULL)
    holboo_occupants_view_set_room (self->occupants_view, room);
  if (self->members_button != NULL)
    gtk_widget_set_visible (self->members_button, room != NULL);

  if (item != NULL)
    {
      g_signal_connect_object (item, "notify::typing", G_CALLBACK (on_item_notify), self, 0);
      g_signal_connect_object (item, "notify::pinned-at", G_CALLBACK (on_item_notify), self, 0);
      g_signal_connect_object (item, "notify::muted", G_CALLBACK (on_item_notify), self, 0);
      g_signal_connect_object (item, "notify::name", G_CALLBACK (on_item_notify), self, 0);
    }
  if (room != NULL)
    {
      g_signal_connect_object (room, "notify::state", G_CALLBACK (on_item_notify), self, 0);
      g_signal_connect_object (holboo_room_get_occupants (room), "items-changed",
                               G_CALLBACK (on_occupants_changed), self, 0);
    }
  if (self->menu_button != NULL)
    {
      update_menu (self);
      update_subtitle (self);
    }
}

/**
 * holboo_conversation_view_show_message:
 * @message_id: a message of the open conversation
 *
 * Scrolls to the message and highlights it, loading older pages (and,
 * past the store, the archive) until it is in the list.
 */
void
holboo_conversation_view_show_message (HolbooConversationView *self,
                                       gint64                  message_id)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_VIEW (self));

  self->jump_id = message_id;
  self->jump_pages = 0;
  _holboo_conversation_view_try_jump (self);
}

/**
 * holboo_conversation_view_get_search:
 *
 * Returns: (transfer none): the search bar
 */
HolbooConversationSearch *
holboo_conversation_view_get_search (HolbooConversationView *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_VIEW (self), NULL);
  return self->search;
}

/**
 * holboo_conversation_view_get_match:
 *
 * Returns: the message highlighted by the last search jump, or 0
 */
gint64
holboo_conversation_view_get_match (HolbooConversationView *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_VIEW (self), 0);
  return self->match_id;
}
