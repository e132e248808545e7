/* holboo-chats-page-groups.c: the Chats page's group chat actions, and
 * pinning and muting conversations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * chats.new-group and chats.invite-members open HolbooNewGroupDialog;
 * chats.join-group asks for a group's address and joins it;
 * chats.leave-group (target: the group) asks first, then leaves;
 * chats.toggle-pin and chats.toggle-mute (target: the conversation)
 * flip the conversation's flag in the store.  Everything goes through
 * the page's public API, so the page itself stays about showing.
 */

#define G_LOG_DOMAIN "holboo-chats-page"

#include "config.h"

#include "holboo-account-conversations.h"
#include "holboo-account-rooms.h"
#include "holboo-address.h"
#include "holboo-chats-page-private.h"
#include "holboo-invitation-bar.h"
#include "holboo-new-group-dialog.h"
#include "holboo-search-window.h"

#include <adwaita.h>
#include <glib/gi18n.h>

static GtkWindow *
parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (GtkWidget  *widget,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (widget), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_group_done (HolbooNewGroupDialog *dialog,
               const char           *room,
               HolbooChatsPage      *self)
{
  holboo_chats_page_open_conversation (self, room);
}

void
_holboo_chats_page_new_group (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);
  HolbooAccount *account = holboo_chats_page_get_account (self);
  GtkWidget *dialog;

  if (account == NULL)
    return;
  dialog = holboo_new_group_dialog_new (parent_window (widget), account, HOLBOO_GROUP_DIALOG_CREATE, NULL);
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_group_done), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_holboo_chats_page_invite_members (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);
  HolbooAccount *account = holboo_chats_page_get_account (self);
  const char *peer = holboo_chats_page_get_open_peer (self);
  GtkWidget *dialog;

  if (account == NULL || peer == NULL || holboo_account_get_room (account, peer) == NULL)
    return;
  dialog = holboo_new_group_dialog_new (parent_window (widget), account, HOLBOO_GROUP_DIALOG_INVITE, peer);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  HolbooChatsPage *page;
  char            *room;
} JoinData;

static void
join_data_free (JoinData *data)
{
  g_object_unref (data->page);
  g_free (data->room);
  g_free (data);
}

static void
on_joined (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  JoinData *data = user_data;
  g_autoptr(HolbooRoom) room = NULL;
  g_autoptr(GError) error = NULL;

  room = holboo_account_join_room_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (room != NULL)
    holboo_chats_page_open_conversation (data->page, holboo_room_get_jid (room));
  else if (gtk_widget_get_root (GTK_WIDGET (data->page)) != NULL)
    show_error (GTK_WIDGET (data->page), _("Could Not Join the Group"), error->message);
  join_data_free (data);
}

static void
on_join_entry_changed (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *address = holboo_address_normalize (gtk_editable_get_text (entry), NULL);

  adw_message_dialog_set_response_enabled (dialog, "join", address != NULL);
}

static void
on_join_response (AdwMessageDialog *dialog,
                  const char       *response,
                  HolbooChatsPage  *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  HolbooAccount *account = holboo_chats_page_get_account (self);
  g_autofree char *address = NULL;
  g_autofree char *nick = NULL;
  JoinData *data;

  if (g_strcmp0 (response, "join") != 0 || account == NULL)
    return;
  address = holboo_address_normalize (gtk_editable_get_text (entry), NULL);
  if (address == NULL)
    return;
  data = g_new0 (JoinData, 1);
  data->page = g_object_ref (self);
  data->room = g_strdup (address);
  nick = holboo_group_nick_for (account);
  holboo_account_join_room_async (account, address, nick, NULL, NULL, on_joined, data);
}

void
_holboo_chats_page_join_group (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);
  GtkWidget *dialog, *entry;

  if (holboo_chats_page_get_account (self) == NULL)
    return;

  dialog = adw_message_dialog_new (parent_window (widget), _("Join Group"),
                                   _("Enter the address of the group chat."));
  gtk_widget_set_name (dialog, "join-group-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "join", _("_Join"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "join", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "join", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "join");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "join-group-address");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("sales@conference.example.mn"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group address"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_join_entry_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_join_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_leave_response (AdwMessageDialog *dialog,
                   const char       *response,
                   HolbooChatsPage  *self)
{
  const char *room = g_object_get_data (G_OBJECT (dialog), "room");
  HolbooAccount *account = holboo_chats_page_get_account (self);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "leave") != 0 || account == NULL)
    return;
  if (g_strcmp0 (holboo_chats_page_get_open_peer (self), room) == 0)
    holboo_chats_page_close_conversation (self);
  if (!holboo_account_leave_room (account, room, &error))
    show_error (GTK_WIDGET (self), _("Could Not Leave the Group"), error->message);
}

void
_holboo_chats_page_leave_group (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);
  HolbooAccount *account = holboo_chats_page_get_account (self);
  const char *room = g_variant_get_string (parameter, NULL);
  HolbooConversationItem *item;
  GtkWidget *dialog;

  if (account == NULL || holboo_account_get_room (account, room) == NULL)
    return;
  item = holboo_conversation_list_lookup (holboo_chats_page_get_conversations (self), room, NULL);
  dialog = adw_message_dialog_new (parent_window (widget), _("Leave Group?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("You will no longer get the messages of “%s”. To come back, a member must invite you again."),
                                  item != NULL ? holboo_conversation_item_get_name (item) : room);
  gtk_widget_set_name (dialog, "leave-group-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "leave", _("_Leave"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "leave", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "room", g_strdup (room), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_leave_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_holboo_chats_page_toggle_pin (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);
  HolbooConversationList *list = holboo_chats_page_get_conversations (self);
  const char *peer = g_variant_get_string (parameter, NULL);
  HolbooConversationItem *item;

  if (list == NULL || (item = holboo_conversation_list_lookup (list, peer, NULL)) == NULL)
    return;
  holboo_account_set_conversation_pinned (holboo_chats_page_get_account (self), peer,
                                          holboo_conversation_item_get_kind (item),
                                          !holboo_conversation_item_get_pinned (item));
}

void
_holboo_chats_page_toggle_mute (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);
  HolbooConversationList *list = holboo_chats_page_get_conversations (self);
  const char *peer = g_variant_get_string (parameter, NULL);
  HolbooConversationItem *item;

  if (list == NULL || (item = holboo_conversation_list_lookup (list, peer, NULL)) == NULL)
    return;
  holboo_account_set_conversation_muted (holboo_chats_page_get_account (self), peer,
                                         holboo_conversation_item_get_kind (item),
                                         !holboo_conversation_item_get_muted (item));
}

void
_holboo_chats_page_open_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  holboo_chats_page_open_conversation (HOLBOO_CHATS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
on_search_hit (HolbooSearchWindow *window,
               const char         *peer,
               gint64              message_id,
               HolbooChatsPage    *self)
{
  holboo_chats_page_open_message (self, peer, message_id);
}

void
_holboo_chats_page_search_messages (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);
  GtkWidget *window;

  if (holboo_chats_page_get_account (self) == NULL)
    return;
  window = holboo_search_window_new (parent_window (widget), holboo_chats_page_get_conversations (self));
  g_signal_connect_object (window, "open-message", G_CALLBACK (on_search_hit), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}
