/* holboo-conversation-view.c: one open conversation: its messages and
 * the composer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The messages: holboo-conversation-view-list.c.  The header's members,
 * menu and subtitle, and the search bar: holboo-conversation-view-header.c.
 *
 * Composer: Enter sends, Shift+Enter starts a new line.  What is sent
 * goes to the account's outbox at once (HolbooAccount stores it, then
 * sends it whenever it is connected), and shows up as a new row.
 */

#define G_LOG_DOMAIN "holboo-conversation-view"

#include "config.h"

#include "holboo-card-share.h"
#include "holboo-conversation-view-private.h"
#include "holboo-reply-bar.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (HolbooConversationView, holboo_conversation_view, GTK_TYPE_WIDGET)

static char *
composer_text (HolbooConversationView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
on_composer_changed (GtkTextBuffer          *buffer,
                     HolbooConversationView *self)
{
  g_autofree char *text = composer_text (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conversation.send", self->list != NULL && *text != '\0');
}

static void
send (GtkWidget  *widget,
      const char *action_name,
      GVariant   *parameter)
{
  HolbooConversationView *self = HOLBOO_CONVERSATION_VIEW (widget);
  g_autofree char *text = composer_text (self);

  if (self->list == NULL || *text == '\0')
    return;

  /* A new message, a reply or a correction (HolbooMessageActions): the
   * composer is emptied once it went to the account. */
  if (holboo_message_actions_send (self->actions, text))
    self->sticky = TRUE;
}

static void
share_card (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HolbooConversationView *self = HOLBOO_CONVERSATION_VIEW (widget);

  if (self->list != NULL)
    holboo_card_share_own (holboo_message_list_get_account (self->list),
                           holboo_message_list_get_peer (self->list), self->toast_overlay);
}

static gboolean
on_composer_key (GtkEventControllerKey  *controller,
                 guint                   keyval,
                 guint                   keycode,
                 GdkModifierType         state,
                 HolbooConversationView *self)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;   /* Shift+Enter: a new line */

  gtk_widget_activate_action (GTK_WIDGET (self), "conversation.send", NULL);
  return TRUE;
}

static void
on_emoji_picked (GtkEmojiChooser        *chooser,
                 const char             *text,
                 HolbooConversationView *self)
{
  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (self->composer), text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}

/* The emoji chooser lays out thousands of emoji: it is made the first
 * time it is opened, not with every conversation view. */
static void
create_emoji_chooser (GtkMenuButton *button,
                      gpointer       user_data)
{
  HolbooConversationView *self = HOLBOO_CONVERSATION_VIEW (user_data);
  GtkWidget *chooser;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  chooser = gtk_emoji_chooser_new ();
  g_signal_connect_object (chooser, "emoji-picked", G_CALLBACK (on_emoji_picked), self, 0);
  gtk_menu_button_set_popover (button, chooser);
}

static void
holboo_conversation_view_dispose (GObject *object)
{
  HolbooConversationView *self = HOLBOO_CONVERSATION_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  _holboo_conversation_view_stop_scrolling (self);
  holboo_conversation_view_set_list (self, NULL, NULL);
  holboo_conversation_view_set_conversation (self, NULL, NULL);
  if (self->actions != NULL)
    holboo_message_actions_detach (self->actions);
  g_clear_object (&self->actions);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_CONVERSATION_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_conversation_view_parent_class)->dispose (object);
}

static void
holboo_conversation_view_finalize (GObject *object)
{
  HolbooConversationView *self = HOLBOO_CONVERSATION_VIEW (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (holboo_conversation_view_parent_class)->finalize (object);
}

static void
holboo_conversation_view_class_init (HolbooConversationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_conversation_view_dispose;
  object_class->finalize = holboo_conversation_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-conversation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, back_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, title);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, customer_banner);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, pages);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, composer);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, send_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, emoji_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, attach_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, reply_revealer);
  gtk_widget_class_bind_template_child (widget_class, HolbooConversationView, messages_overlay);

  gtk_widget_class_install_action (widget_class, "conversation.send", NULL, send);
  gtk_widget_class_install_action (widget_class, "conversation.share-card", NULL, share_card);
  _holboo_conversation_view_header_class_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
holboo_conversation_view_init (HolbooConversationView *self)
{
  GtkEventController *keys;

  g_type_ensure (HOLBOO_TYPE_CUSTOMER_BANNER);
  g_type_ensure (HOLBOO_TYPE_REPLY_BAR);
  g_type_ensure (HOLBOO_TYPE_OCCUPANTS_VIEW);
  g_type_ensure (HOLBOO_TYPE_CONVERSATION_SEARCH);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  _holboo_conversation_view_header_init (self);
  self->actions = holboo_message_actions_new (GTK_WIDGET (self), GTK_WIDGET (self->messages_overlay),
                                              self->composer, self->toast_overlay, self->reply_revealer);
  self->sticky = TRUE;

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_composer_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->composer), keys);
  g_signal_connect_object (gtk_text_view_get_buffer (self->composer), "changed",
                           G_CALLBACK (on_composer_changed), self, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "conversation.send", FALSE);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->emoji_button), create_emoji_chooser, self, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->composer),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Message"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->send_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Send"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->emoji_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Insert Emoji"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->attach_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Send Files"), -1);
}

GtkWidget *
holboo_conversation_view_new (void)
{
  return g_object_new (HOLBOO_TYPE_CONVERSATION_VIEW, NULL);
}

/**
 * holboo_conversation_view_set_list:
 * @list: (nullable): the conversation to show
 * @name: (nullable): what to call its peer
 *
 * Shows @list from its newest message.  What was typed stays with its
 * conversation (a draft in the store, across restarts) while the user
 * looks at another one.
 */
void
holboo_conversation_view_set_list (HolbooConversationView *self,
                                   HolbooMessageList      *list,
                                   const char             *name)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_VIEW (self));
  g_return_if_fail (list == NULL || HOLBOO_IS_MESSAGE_LIST (list));

  if (self->list == list)
    return;
  _holboo_conversation_view_show_list (self, list, name);
  _holboo_conversation_view_header_list_changed (self);
  /* Saves the draft of the conversation left, brings this one's back
   * from the store. */
  if (self->actions != NULL)
    holboo_message_actions_set_list (self->actions, list, name, list != NULL ? self->list_view : NULL);
  /* The screen pop: who the peer is, when they are a customer. */
  holboo_customer_banner_set_peer (self->customer_banner,
                                   list != NULL ? holboo_message_list_get_account (list) : NULL,
                                   list != NULL ? holboo_message_list_get_peer (list) : NULL);
  if (list == NULL)
    {
      /* No account: nothing kept either. */
      _holboo_conversation_view_forget_lists (self);
      return;
    }

  adw_window_title_set_title (self->title, name != NULL ? name : holboo_message_list_get_peer (list));
  on_composer_changed (gtk_text_view_get_buffer (self->composer), self);
}

/**
 * holboo_conversation_view_get_list:
 *
 * Returns: (transfer none) (nullable): the conversation shown
 */
HolbooMessageList *
holboo_conversation_view_get_list (HolbooConversationView *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_VIEW (self), NULL);
  return self->list;
}

void
holboo_conversation_view_set_show_back (HolbooConversationView *self,
                                        gboolean                show_back)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_VIEW (self));
  gtk_widget_set_visible (self->back_button, show_back);
}

void
holboo_conversation_view_focus_composer (HolbooConversationView *self)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}
