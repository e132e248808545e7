/* holboo-message-actions.c: what the user does to messages and with the
 * composer of a conversation view: reply, edit, delete, copy, drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The conversation view owns one HolbooMessageActions and inserts its
 * action group as "msg" on itself, so every row, popover and button
 * inside reaches the actions with the message's row id as target:
 *
 *   msg.reply(x)              answer it: a quoted bar over the composer
 *   msg.edit(x), msg.edit-last  correct one's own message in the composer
 *   msg.delete(x)             delete one's own for everyone (confirmed)
 *   msg.copy(x)               its text to the clipboard
 *   msg.cancel-compose        leave reply or edit mode (Escape)
 *   (the menu and reactions: holboo-message-menu.c; files:
 *   holboo-message-files.c)
 *
 * Up in an empty composer edits the
 * last message of the user's.  Each change goes to HolbooAccount, which
 * sends it and applies it to the store by the same rules as one received;
 * the row changes when ::message-updated brings the stored message back.
 *
 * Drafts: what is typed is saved to the store (after a pause, and when
 * the user goes to another conversation) and comes back with the
 * conversation, across restarts.
 */

#define G_LOG_DOMAIN "holboo-message-actions"

#include "config.h"

#include "holboo-message-actions-private.h"

#include <glib/gi18n.h>
#include <string.h>

#define DRAFT_SAVE_DELAY 700 /* ms after the last key */

G_DEFINE_FINAL_TYPE (HolbooMessageActions, holboo_message_actions, G_TYPE_OBJECT)

HolbooStoredMessage *
_holboo_message_actions_lookup (HolbooMessageActions *self,
                                gint64                id)
{
  g_autoptr(HolbooMessageItem) item = NULL;
  guint position;

  if (self->list == NULL || !holboo_message_list_find (self->list, id, &position))
    return NULL;
  item = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  return holboo_message_item_get_message (item);
}

void
_holboo_message_actions_toast (HolbooMessageActions *self,
                               const char           *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static HolbooAccount *
account (HolbooMessageActions *self)
{
  return holboo_message_list_get_account (self->list);
}

static char *
composer_text (HolbooMessageActions *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_composer_text (HolbooMessageActions *self,
                   const char           *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer);
  GtkTextIter end;

  self->setting_text = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  self->setting_text = FALSE;
}

/* Who wrote @m, as the conversation calls them. */
static const char *
author_name (HolbooMessageActions *self,
             HolbooStoredMessage  *m)
{
  const char *slash;

  if (m->direction == HOLBOO_MESSAGE_OUTGOING)
    return _("You");
  if (m->kind == HOLBOO_CONVERSATION_GROUP && m->from_jid != NULL && (slash = strchr (m->from_jid, '/')) != NULL)
    return slash + 1;
  return self->peer_name != NULL ? self->peer_name : m->peer;
}

static const char *
shown_text (HolbooStoredMessage *m)
{
  if (m->attachment != NULL)
    return m->attachment->description != NULL && *m->attachment->description != '\0'
           ? m->attachment->description : m->attachment->name;
  return m->body;
}

/* Drafts. */

static void
save_draft_now (HolbooMessageActions *self)
{
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (self->list == NULL)
    return;
  text = self->editing != NULL ? g_strdup (self->text_before_edit) : composer_text (self);
  holboo_account_save_draft (account (self), holboo_message_list_get_peer (self->list), text);
}

static gboolean
on_draft_timeout (gpointer user_data)
{
  HolbooMessageActions *self = user_data;

  self->draft_timeout = 0;
  save_draft_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_composer_changed (GtkTextBuffer        *buffer,
                     HolbooMessageActions *self)
{
  if (self->setting_text || self->list == NULL || self->editing != NULL)
    return;
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  self->draft_timeout = g_timeout_add (DRAFT_SAVE_DELAY, on_draft_timeout, self);
}

static void
on_draft_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HolbooMessageActions) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = holboo_account_load_draft_finish (HOLBOO_ACCOUNT (source), result, &error);
  g_autofree char *typed = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->view == NULL)
    return;
  if (error != NULL)
    {
      g_message ("The draft could not be read: %s", error->message);
      return;
    }
  typed = composer_text (self);
  /* The user was quicker than the store: what they typed wins. */
  if (draft != NULL && *typed == '\0' && self->editing == NULL)
    set_composer_text (self, draft);
}

/* Reply and edit modes. */

static void
leave_mode (HolbooMessageActions *self)
{
  gboolean was_editing = self->editing != NULL;

  g_clear_pointer (&self->reply_to, holboo_stored_message_unref);
  g_clear_pointer (&self->editing, holboo_stored_message_unref);
  gtk_revealer_set_reveal_child (self->bar_revealer, FALSE);
  if (was_editing)
    {
      set_composer_text (self, self->text_before_edit);
      g_clear_pointer (&self->text_before_edit, g_free);
    }
}

static void
cancel_compose (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HolbooMessageActions *self = user_data;

  leave_mode (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}

static void
reply (GSimpleAction *action,
       GVariant      *parameter,
       gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  HolbooStoredMessage *m = _holboo_message_actions_lookup (self, g_variant_get_int64 (parameter));

  if (m == NULL || m->retracted)
    return;
  leave_mode (self);
  self->reply_to = holboo_stored_message_ref (m);
  holboo_reply_bar_show (self->bar, HOLBOO_REPLY_BAR_REPLY, author_name (self, m), shown_text (m));
  gtk_revealer_set_reveal_child (self->bar_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}

gboolean
_holboo_message_actions_editable (HolbooStoredMessage *m)
{
  return m->direction == HOLBOO_MESSAGE_OUTGOING && !m->retracted && m->attachment == NULL &&
         m->state != HOLBOO_MESSAGE_STATE_FAILED;
}

static void
start_edit (HolbooMessageActions *self,
            HolbooStoredMessage  *m)
{
  g_autofree char *typed = NULL;

  if (m == NULL || !_holboo_message_actions_editable (m))
    return;
  typed = composer_text (self);
  leave_mode (self);
  save_draft_now (self);
  self->text_before_edit = g_steal_pointer (&typed);
  self->editing = holboo_stored_message_ref (m);
  holboo_reply_bar_show (self->bar, HOLBOO_REPLY_BAR_EDIT, NULL, m->body);
  gtk_revealer_set_reveal_child (self->bar_revealer, TRUE);
  set_composer_text (self, m->body);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}

static void
edit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  HolbooMessageActions *self = user_data;

  start_edit (self, _holboo_message_actions_lookup (self, g_variant_get_int64 (parameter)));
}

static void
edit_last (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  guint n;

  if (self->list == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(HolbooMessageItem) item = g_list_model_get_item (G_LIST_MODEL (self->list), i - 1);
      HolbooStoredMessage *m = holboo_message_item_get_message (item);

      if (m->direction != HOLBOO_MESSAGE_OUTGOING)
        continue;
      if (_holboo_message_actions_editable (m))
        start_edit (self, m);
      return;
    }
}

/* Copy and delete. */

static void
copy (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  HolbooStoredMessage *m = _holboo_message_actions_lookup (self, g_variant_get_int64 (parameter));
  const char *text;

  if (m == NULL || m->retracted)
    return;
  text = m->attachment != NULL && m->attachment->url != NULL ? m->attachment->url : m->body;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (self->view), text);
  _holboo_message_actions_toast (self, m->attachment != NULL ? _("Link copied") : _("Message copied"));
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  HolbooMessageActions *self = g_object_get_data (G_OBJECT (dialog), "actions");
  HolbooStoredMessage *m = user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self == NULL || self->list == NULL ||
      g_strcmp0 (m->peer, holboo_message_list_get_peer (self->list)) != 0)
    return;
  if (self->editing != NULL && self->editing->id == m->id)
    leave_mode (self);
  if (!holboo_account_retract_message (account (self), m, &error))
    _holboo_message_actions_toast (self, error->message);
}

static void
unref_message (gpointer  data,
               GClosure *closure)
{
  holboo_stored_message_unref (data);
}

static void
delete (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  HolbooStoredMessage *m = _holboo_message_actions_lookup (self, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (self->view);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (m == NULL || m->retracted || m->direction != HOLBOO_MESSAGE_OUTGOING)
    return;
  body = g_strdup_printf (_("It will be deleted for you and for %s. "
                            "Apps that cannot delete messages may still show it."),
                          self->peer_name != NULL ? self->peer_name : m->peer);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Delete Message?"), body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "delete-message-dialog");
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete for Everyone"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "actions", g_object_ref (self), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response),
                         holboo_stored_message_ref (m), unref_message, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The composer's keys: Up edits the last message, Escape leaves reply
 * or edit mode. */
static gboolean
on_composer_key (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 HolbooMessageActions  *self)
{
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) &&
      !(state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) &&
      self->editing == NULL && self->reply_to == NULL)
    {
      g_autofree char *text = composer_text (self);

      if (*text != '\0')
        return FALSE;
      g_action_group_activate_action (G_ACTION_GROUP (self->group), "edit-last", NULL);
      return self->editing != NULL;
    }
  if (keyval == GDK_KEY_Escape && (self->editing != NULL || self->reply_to != NULL))
    {
      leave_mode (self);
      return TRUE;
    }
  return FALSE;
}

static void
holboo_message_actions_dispose (GObject *object)
{
  HolbooMessageActions *self = HOLBOO_MESSAGE_ACTIONS (object);

  holboo_message_actions_detach (self);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (holboo_message_actions_parent_class)->dispose (object);
}

static void
holboo_message_actions_finalize (GObject *object)
{
  HolbooMessageActions *self = HOLBOO_MESSAGE_ACTIONS (object);

  g_free (self->peer_name);
  g_free (self->text_before_edit);

  G_OBJECT_CLASS (holboo_message_actions_parent_class)->finalize (object);
}

static void
holboo_message_actions_class_init (HolbooMessageActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = holboo_message_actions_dispose;
  object_class->finalize = holboo_message_actions_finalize;
}

static void
holboo_message_actions_init (HolbooMessageActions *self)
{
  static const GActionEntry entries[] = {
    { "reply", reply, "x" },
    { "edit", edit, "x" },
    { "edit-last", edit_last },
    { "delete", delete, "x" },
    { "copy", copy, "x" },
    { "cancel-compose", cancel_compose },
  };

  self->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->group), entries, G_N_ELEMENTS (entries), self);
}

/**
 * holboo_message_actions_new:
 * @view: the conversation view, which owns the result
 * @messages: a #GtkOverlay over the conversation's list views
 * @bar: a revealer holding a #HolbooReplyBar, over the composer
 *
 * Inserts the "msg" actions on @view and hooks the composer's keys,
 * right click and long press on the messages, drop and paste of files.
 */
HolbooMessageActions *
holboo_message_actions_new (GtkWidget       *view,
                            GtkWidget       *messages,
                            GtkTextView     *composer,
                            AdwToastOverlay *toasts,
                            GtkRevealer     *bar)
{
  HolbooMessageActions *self = g_object_new (HOLBOO_TYPE_MESSAGE_ACTIONS, NULL);
  GtkEventController *keys;

  self->view = view;
  self->messages = messages;
  self->composer = composer;
  self->toasts = toasts;
  self->bar_revealer = bar;
  self->bar = HOLBOO_REPLY_BAR (gtk_revealer_get_child (bar));
  gtk_widget_insert_action_group (view, "msg", G_ACTION_GROUP (self->group));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_composer_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (composer), keys);
  g_signal_connect_object (gtk_text_view_get_buffer (composer), "changed", G_CALLBACK (on_composer_changed), self, 0);

  _holboo_message_menu_init (self);
  _holboo_message_files_init (self);
  return self;
}

/**
 * holboo_message_actions_set_list:
 * @list: (nullable): the conversation now shown
 * @list_view: (nullable): the list view that shows it
 *
 * Saves the draft of the conversation left, leaves reply or edit mode,
 * and brings the new conversation's draft back from the store.
 */
void
holboo_message_actions_set_list (HolbooMessageActions *self,
                                 HolbooMessageList    *list,
                                 const char           *peer_name,
                                 GtkListView          *list_view)
{
  g_return_if_fail (HOLBOO_IS_MESSAGE_ACTIONS (self));

  if (self->list != NULL)
    {
      leave_mode (self);
      save_draft_now (self);
    }
  _holboo_message_menu_close (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->list, list);
  self->list_view = list_view;
  if (self->hover_button != NULL)
    gtk_widget_set_visible (self->hover_button, FALSE);
  g_free (self->peer_name);
  self->peer_name = g_strdup (peer_name);
  if (self->view != NULL)
    set_composer_text (self, "");
  if (list == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  holboo_account_load_draft_async (account (self), holboo_message_list_get_peer (list), self->cancellable,
                                   on_draft_loaded, g_object_ref (self));
}

/**
 * holboo_message_actions_send:
 * @text: what the composer holds, stripped, not empty
 *
 * Sends @text as a new message, as the reply the user chose, or as the
 * correction of the message being edited.
 *
 * Returns: %TRUE when the composer can be emptied
 */
gboolean
holboo_message_actions_send (HolbooMessageActions *self,
                             const char           *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ACTIONS (self), FALSE);

  if (self->list == NULL)
    return FALSE;
  if (self->editing != NULL)
    {
      if (g_strcmp0 (text, self->editing->body) != 0 &&
          !holboo_account_edit_message (account (self), self->editing, text, &error))
        {
          _holboo_message_actions_toast (self, error->message);
          return FALSE;
        }
      leave_mode (self);   /* puts back what was typed before */
      return FALSE;
    }

  if (self->reply_to != NULL)
    id = holboo_account_send_reply (account (self), holboo_message_list_get_peer (self->list), text,
                                    self->reply_to, &error);
  else
    id = holboo_account_send_message (account (self), holboo_message_list_get_peer (self->list), text, &error);
  if (id == NULL)
    {
      _holboo_message_actions_toast (self, error->message);
      return FALSE;
    }
  leave_mode (self);
  set_composer_text (self, "");
  save_draft_now (self);
  return TRUE;
}

/**
 * holboo_message_actions_detach:
 *
 * The view goes away: saves the draft and lets go of the view's widgets.
 */
void
holboo_message_actions_detach (HolbooMessageActions *self)
{
  g_return_if_fail (HOLBOO_IS_MESSAGE_ACTIONS (self));

  if (self->view == NULL)
    return;
  if (self->list != NULL)
    save_draft_now (self);
  if (self->menu != NULL)
    {
      GtkWidget *popover = g_steal_pointer (&self->menu);

      if (gtk_widget_get_parent (popover) != NULL)
        gtk_widget_unparent (popover);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->reply_to, holboo_stored_message_unref);
  g_clear_pointer (&self->editing, holboo_stored_message_unref);
  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  g_clear_object (&self->list);
  self->list_view = NULL;
  if (self->hover_button != NULL)
    gtk_overlay_remove_overlay (GTK_OVERLAY (self->messages), g_steal_pointer (&self->hover_button));
  gtk_widget_insert_action_group (self->view, "msg", NULL);
  self->view = NULL;
}
