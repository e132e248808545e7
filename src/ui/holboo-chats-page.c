/* holboo-chats-page.c: the Chats page: conversations and the open one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar is a GtkListView over the account's HolbooConversationList,
 * filtered as the user types; the open conversation is a
 * HolbooConversationView.  The last few conversations' message lists
 * are kept, so going back to one is immediate and memory stays bounded.
 *
 * Group chats: the "+" menu starts a chat or a group or joins one,
 * invitations wait above the list (HolbooInvitationBar), and the
 * group actions live in holboo-chats-page-groups.c.  New messages the
 * user does not see notify (HolbooNotifier); :unread is the total for
 * the window's title.
 *
 * Wiring: holboo_chats_page_set_account() with the signed-in account
 * (or %NULL: the page says how to sign in).
 */

#define G_LOG_DOMAIN "holboo-chats-page"

#include "config.h"

#include "holboo-account-rooms.h"
#include "holboo-address.h"
#include "holboo-chats-page-private.h"
#include "holboo-conversation-row.h"
#include "holboo-conversation-view.h"
#include "holboo-invitation-bar.h"
#include "holboo-notifier.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

/* Message lists kept for going back to a conversation. */
#define KEPT_LISTS 4

#define MARK_READ_DELAY_MS 300

struct _HolbooChatsPage
{
  GtkWidget               parent_instance;

  HolbooAccount          *account;
  HolbooConversationList *conversations;
  GtkStringFilter        *filter;
  GtkFilterListModel     *filtered;
  GtkSingleSelection     *selection;
  char                   *open_peer;
  guint                   mark_read_id;
  GHashTable             *lists;        /* peer → HolbooMessageList */
  GQueue                  recent;       /* peers of @lists, most recent first (owned by @lists) */
  HolbooNotifier         *notifier;
  HolbooModeManager      *modes;

  GtkStack               *page_stack;
  AdwLeaflet             *leaflet;
  GtkWidget              *sidebar;
  GtkSearchEntry         *search_entry;
  GtkStack               *sidebar_stack;
  GtkListView            *conversations_view;
  GtkStack               *content_stack;
  HolbooConversationView *conversation_view;
  HolbooInvitationBar    *invitation_bar;
};

G_DEFINE_FINAL_TYPE (HolbooChatsPage, holboo_chats_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
search_text (HolbooConversationItem *item)
{
  return g_strconcat (holboo_conversation_item_get_name (item), " ",
                      holboo_conversation_item_get_peer (item), NULL);
}

static void
update_sidebar (HolbooChatsPage *self)
{
  const char *child = "list";

  if (self->conversations != NULL && holboo_conversation_list_get_loaded (self->conversations))
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->conversations)) == 0)
        child = "empty";
      else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
        child = "no-results";
    }
  gtk_stack_set_visible_child_name (self->sidebar_stack, child);
}

/* The open conversation stays selected while the list moves and filters. */
static void
sync_selection (HolbooChatsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);
  guint selected = gtk_single_selection_get_selected (self->selection);
  g_autoptr(HolbooConversationItem) current = NULL;

  if (selected != GTK_INVALID_LIST_POSITION)
    current = g_list_model_get_item (model, selected);
  if (current != NULL && self->open_peer != NULL &&
      g_strcmp0 (holboo_conversation_item_get_peer (current), self->open_peer) == 0)
    return;

  for (guint i = 0; i < n && self->open_peer != NULL; i++)
    {
      g_autoptr(HolbooConversationItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (holboo_conversation_item_get_peer (item), self->open_peer) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
on_filtered_changed (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     HolbooChatsPage *self)
{
  update_sidebar (self);
  sync_selection (self);
}

static gboolean
page_is_seen (HolbooChatsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return gtk_widget_get_mapped (GTK_WIDGET (self->conversation_view)) &&
         GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root));
}

/* The notifier leaves alone what the user is looking at. */
static void
update_focus (HolbooChatsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean active = GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root)) &&
                    gtk_widget_get_mapped (GTK_WIDGET (self));

  if (self->notifier != NULL)
    holboo_notifier_set_focus (self->notifier, active,
                               gtk_widget_get_mapped (GTK_WIDGET (self->conversation_view)) ? self->open_peer : NULL);
}

static gboolean
on_mark_read_timeout (gpointer data)
{
  HolbooChatsPage *self = data;
  HolbooConversationItem *item;

  self->mark_read_id = 0;
  if (self->conversations == NULL || self->open_peer == NULL || !page_is_seen (self))
    return G_SOURCE_REMOVE;
  item = holboo_conversation_list_lookup (self->conversations, self->open_peer, NULL);
  if (item != NULL && holboo_conversation_item_get_unread (item) > 0)
    holboo_conversation_list_mark_read (self->conversations, self->open_peer);
  return G_SOURCE_REMOVE;
}

/* What the user is looking at is read: at once when it is opened, and
 * at most a few times a second while messages pour in (each read mark
 * is a write and a marker to the peer). */
static void
mark_open_read (HolbooChatsPage *self,
                gboolean         now)
{
  if (now)
    {
      g_clear_handle_id (&self->mark_read_id, g_source_remove);
      on_mark_read_timeout (self);
    }
  else if (self->mark_read_id == 0)
    self->mark_read_id = g_timeout_add (MARK_READ_DELAY_MS, on_mark_read_timeout, self);
}

static void
on_unread_changed (GObject         *object,
                   GParamSpec      *pspec,
                   HolbooChatsPage *self)
{
  mark_open_read (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
}

static void
on_window_active (GtkWindow       *window,
                  GParamSpec      *pspec,
                  HolbooChatsPage *self)
{
  mark_open_read (self, FALSE);
  update_focus (self);
}

static void
holboo_chats_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (holboo_chats_page_parent_class)->map (widget);
  update_focus (HOLBOO_CHATS_PAGE (widget));
}

static void
holboo_chats_page_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (holboo_chats_page_parent_class)->unmap (widget);
  update_focus (HOLBOO_CHATS_PAGE (widget));
}

static void
on_invitation_joined (HolbooChatsPage *self,
                      const char      *room)
{
  holboo_chats_page_open_conversation (self, room);
}

static void
holboo_chats_page_root (GtkWidget *widget)
{
  GtkRoot *root;

  GTK_WIDGET_CLASS (holboo_chats_page_parent_class)->root (widget);

  /* Coming back to the window is seeing the open conversation. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "notify::is-active", G_CALLBACK (on_window_active), widget, 0);
}

static void
holboo_chats_page_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_window_active, widget);

  GTK_WIDGET_CLASS (holboo_chats_page_parent_class)->unroot (widget);
}

static void
on_conversations_loaded (HolbooConversationList *list,
                         GParamSpec             *pspec,
                         HolbooChatsPage        *self)
{
  update_sidebar (self);
  sync_selection (self);
}

static HolbooMessageList *
get_list (HolbooChatsPage *self,
          const char      *peer)
{
  HolbooMessageList *list = g_hash_table_lookup (self->lists, peer);
  GList *link;

  if (list != NULL)
    {
      link = g_queue_find_custom (&self->recent, peer, (GCompareFunc) g_strcmp0);
      g_queue_unlink (&self->recent, link);
      g_queue_push_head_link (&self->recent, link);
      return list;
    }

  list = holboo_message_list_new (self->account, peer, 0);
  {
    char *key = g_strdup (peer);

    g_hash_table_insert (self->lists, key, list);
    g_queue_push_head (&self->recent, key);
  }
  while (g_queue_get_length (&self->recent) > KEPT_LISTS)
    {
      const char *oldest = g_queue_pop_tail (&self->recent);

      g_hash_table_remove (self->lists, oldest);
    }
  return list;
}

static void
on_folded_changed (HolbooChatsPage *self)
{
  holboo_conversation_view_set_show_back (self->conversation_view, adw_leaflet_get_folded (self->leaflet));
}

static void
on_search_changed (HolbooChatsPage *self)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (HolbooChatsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_conversation_activated (HolbooChatsPage *self,
                           guint            position)
{
  g_autoptr(HolbooConversationItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    holboo_chats_page_open_conversation (self, holboo_conversation_item_get_peer (item));
}

static void
setup_conversation (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, holboo_conversation_row_new ());
}

static void
bind_conversation (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  holboo_conversation_row_set_item (HOLBOO_CONVERSATION_ROW (gtk_list_item_get_child (list_item)),
                                    gtk_list_item_get_item (list_item));
}

static void
unbind_conversation (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  holboo_conversation_row_set_item (HOLBOO_CONVERSATION_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_new_chat_entry_changed (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  GtkLabel *error_label = g_object_get_data (G_OBJECT (dialog), "error-label");
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;

  address = holboo_address_normalize (text, &error);
  adw_message_dialog_set_response_enabled (dialog, "start", address != NULL);
  /* Say what is wrong once there is something to judge. */
  gtk_widget_set_visible (GTK_WIDGET (error_label), address == NULL && strchr (text, '@') != NULL);
  if (error != NULL)
    gtk_label_set_text (error_label, error->message);
  if (address == NULL && *text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
on_new_chat_response (AdwMessageDialog *dialog,
                      const char       *response,
                      HolbooChatsPage  *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *address = NULL;

  if (g_strcmp0 (response, "start") != 0)
    return;
  address = holboo_address_normalize (gtk_editable_get_text (entry), NULL);
  if (address != NULL)
    holboo_chats_page_open_conversation (self, address);
}

static void
new_chat (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);
  GtkWidget *dialog, *box, *entry, *error_label;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->account == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("New Chat"),
                                   _("Enter the address of a colleague or a customer."));
  gtk_widget_set_name (dialog, "new-chat-dialog");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start Chat"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "start", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "new-chat-address");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("name@example.mn"));
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_EMAIL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Address"), -1);
  error_label = gtk_label_new (NULL);
  gtk_widget_set_name (error_label, "new-chat-error");
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_widget_add_css_class (error_label, "error");
  gtk_widget_add_css_class (error_label, "caption");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error_label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "error-label", error_label);
  g_signal_connect (entry, "changed", G_CALLBACK (on_new_chat_entry_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_chat_response), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
show_list (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
search (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
holboo_chats_page_dispose (GObject *object)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (object);

  holboo_chats_page_set_account (self, NULL);
  g_clear_handle_id (&self->mark_read_id, g_source_remove);
  g_clear_object (&self->notifier);
  g_clear_object (&self->modes);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_CHATS_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (holboo_chats_page_parent_class)->dispose (object);
}

static void
holboo_chats_page_finalize (GObject *object)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (object);

  g_queue_clear (&self->recent);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_free (self->open_peer);

  G_OBJECT_CLASS (holboo_chats_page_parent_class)->finalize (object);
}

static void
holboo_chats_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HolbooChatsPage *self = HOLBOO_CHATS_PAGE (object);

  switch (prop_id)
    {
    case PROP_UNREAD: g_value_set_uint (value, holboo_chats_page_get_unread (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_chats_page_class_init (HolbooChatsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_chats_page_dispose;
  object_class->finalize = holboo_chats_page_finalize;
  object_class->get_property = holboo_chats_page_get_property;
  widget_class->root = holboo_chats_page_root;
  widget_class->unroot = holboo_chats_page_unroot;
  widget_class->map = holboo_chats_page_map;
  widget_class->unmap = holboo_chats_page_unmap;

  /** HolbooChatsPage:unread: unread messages in all conversations */
  properties[PROP_UNREAD] =
    g_param_spec_uint ("unread", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-chats-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, conversations_view);
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, conversation_view);
  gtk_widget_class_bind_template_child (widget_class, HolbooChatsPage, invitation_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_invitation_joined);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_conversation_activated);

  gtk_widget_class_install_action (widget_class, "chats.new-chat", NULL, new_chat);
  gtk_widget_class_install_action (widget_class, "chats.show-list", NULL, show_list);
  gtk_widget_class_install_action (widget_class, "chats.search", NULL, search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "chats.new-chat", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "chats.search", NULL);
  gtk_widget_class_install_action (widget_class, "chats.new-group", NULL, _holboo_chats_page_new_group);
  gtk_widget_class_install_action (widget_class, "chats.join-group", NULL, _holboo_chats_page_join_group);
  gtk_widget_class_install_action (widget_class, "chats.invite-members", NULL, _holboo_chats_page_invite_members);
  gtk_widget_class_install_action (widget_class, "chats.leave-group", "s", _holboo_chats_page_leave_group);
  gtk_widget_class_install_action (widget_class, "chats.toggle-pin", "s", _holboo_chats_page_toggle_pin);
  gtk_widget_class_install_action (widget_class, "chats.toggle-mute", "s", _holboo_chats_page_toggle_mute);
  gtk_widget_class_install_action (widget_class, "chats.open-conversation", "s", _holboo_chats_page_open_action);
  gtk_widget_class_install_action (widget_class, "chats.search-messages", NULL, _holboo_chats_page_search_messages);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chats.new-group", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "chats.search-messages", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
holboo_chats_page_init (HolbooChatsPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression;

  g_type_ensure (HOLBOO_TYPE_CONVERSATION_VIEW);
  g_type_ensure (HOLBOO_TYPE_INVITATION_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_queue_init (&self->recent);

  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (search_text), NULL, NULL);
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_filtered_changed), self, G_CONNECT_AFTER);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_conversation), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_conversation), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_conversation), NULL);
  gtk_list_view_set_factory (self->conversations_view, factory);
  gtk_list_view_set_model (self->conversations_view, GTK_SELECTION_MODEL (self->selection));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->conversations_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chats"), -1);

  gtk_stack_set_visible_child_name (self->page_stack, "signed-out");
  on_folded_changed (self);
}

GtkWidget *
holboo_chats_page_new (void)
{
  return g_object_new (HOLBOO_TYPE_CHATS_PAGE, NULL);
}

/**
 * holboo_chats_page_set_account:
 * @account: (nullable): the signed-in account, or %NULL
 *
 * Shows @account's conversations (read from its store at once, kept
 * live), or, without an account, how to sign in.
 */
void
holboo_chats_page_set_account (HolbooChatsPage *self,
                               HolbooAccount   *account)
{
  g_return_if_fail (HOLBOO_IS_CHATS_PAGE (self));
  g_return_if_fail (account == NULL || HOLBOO_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  holboo_conversation_view_set_list (self->conversation_view, NULL, NULL);
  holboo_conversation_view_set_conversation (self->conversation_view, NULL, NULL);
  holboo_invitation_bar_set_account (self->invitation_bar, account);
  g_clear_object (&self->notifier);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  g_clear_pointer (&self->open_peer, g_free);
  g_queue_clear (&self->recent);
  g_hash_table_remove_all (self->lists);
  if (self->conversations != NULL)
    g_signal_handlers_disconnect_by_data (self->conversations, self);
  if (self->filtered != NULL)
    gtk_filter_list_model_set_model (self->filtered, NULL);
  g_clear_object (&self->conversations);
  g_set_object (&self->account, account);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
  if (account == NULL)
    {
      gtk_stack_set_visible_child_name (self->page_stack, "signed-out");
      return;
    }

  self->conversations = holboo_conversation_list_new (account);
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

    self->notifier = holboo_notifier_new (app != NULL ? G_APPLICATION (app) : NULL, self->conversations);
    holboo_notifier_set_mode_manager (self->notifier, self->modes);
    update_focus (self);
  }
  g_signal_connect_object (self->conversations, "notify::loaded", G_CALLBACK (on_conversations_loaded), self, 0);
  g_signal_connect_object (self->conversations, "notify::unread", G_CALLBACK (on_unread_changed), self, 0);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (self->conversations));
  gtk_stack_set_visible_child_name (self->page_stack, "chats");
  update_sidebar (self);
}

HolbooAccount *
holboo_chats_page_get_account (HolbooChatsPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CHATS_PAGE (self), NULL);
  return self->account;
}

/**
 * holboo_chats_page_get_conversations:
 *
 * Returns: (transfer none) (nullable): the account's conversations; its
 *   #HolbooConversationList:unread is the total for the window title
 */
HolbooConversationList *
holboo_chats_page_get_conversations (HolbooChatsPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CHATS_PAGE (self), NULL);
  return self->conversations;
}

/**
 * holboo_chats_page_open_conversation:
 * @peer: a normalised bare JID (holboo_address_normalize())
 *
 * Opens the chat with @peer, starting it if there is none (for a
 * notification's action, or a contact's "Chat" button).
 */
void
holboo_chats_page_open_conversation (HolbooChatsPage *self,
                                     const char      *peer)
{
  HolbooConversationItem *item;
  HolbooMessageList *list;

  g_return_if_fail (HOLBOO_IS_CHATS_PAGE (self));
  g_return_if_fail (peer != NULL);

  if (self->account == NULL)
    return;

  item = holboo_conversation_list_ensure (self->conversations, peer);
  if (g_strcmp0 (self->open_peer, peer) != 0)
    {
      g_free (self->open_peer);
      self->open_peer = g_strdup (peer);
      list = get_list (self, peer);
      holboo_message_list_set_read_until (list, holboo_conversation_item_get_read_until (item));
      holboo_conversation_view_set_list (self->conversation_view, list, holboo_conversation_item_get_name (item));
      holboo_conversation_view_set_conversation (self->conversation_view, item,
                                                 holboo_conversation_item_get_kind (item) == HOLBOO_CONVERSATION_GROUP
                                                 ? holboo_account_get_room (self->account, peer) : NULL);
    }
  gtk_stack_set_visible_child_name (self->content_stack, "conversation");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  sync_selection (self);
  /* A search that hides the open conversation is over. */
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_string_filter_set_search (self->filter, NULL);
      sync_selection (self);
    }
  holboo_conversation_view_focus_composer (self->conversation_view);
  mark_open_read (self, TRUE);
  update_focus (self);
}

const char *
holboo_chats_page_get_open_peer (HolbooChatsPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CHATS_PAGE (self), NULL);
  return self->open_peer;
}

/**
 * holboo_chats_page_get_open_list:
 *
 * Returns: (transfer none) (nullable): the open conversation's messages
 */
HolbooMessageList *
holboo_chats_page_get_open_list (HolbooChatsPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CHATS_PAGE (self), NULL);
  return holboo_conversation_view_get_list (self->conversation_view);
}

/**
 * holboo_chats_page_open_message:
 * @peer: the conversation
 * @message_id: one of its messages
 *
 * Opens the conversation at the message (a search result).
 */
void
holboo_chats_page_open_message (HolbooChatsPage *self,
                                const char      *peer,
                                gint64           message_id)
{
  g_return_if_fail (HOLBOO_IS_CHATS_PAGE (self));

  holboo_chats_page_open_conversation (self, peer);
  if (g_strcmp0 (self->open_peer, peer) == 0)
    holboo_conversation_view_show_message (self->conversation_view, message_id);
}

/* Nothing open any more (a group just left). */
void
holboo_chats_page_close_conversation (HolbooChatsPage *self)
{
  g_return_if_fail (HOLBOO_IS_CHATS_PAGE (self));

  holboo_conversation_view_set_list (self->conversation_view, NULL, NULL);
  holboo_conversation_view_set_conversation (self->conversation_view, NULL, NULL);
  g_clear_pointer (&self->open_peer, g_free);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  sync_selection (self);
  update_focus (self);
}

guint
holboo_chats_page_get_unread (HolbooChatsPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CHATS_PAGE (self), 0);
  return self->conversations != NULL ? holboo_conversation_list_get_unread (self->conversations) : 0;
}

/**
 * holboo_chats_page_get_notifier:
 *
 * Returns: (transfer none) (nullable): the account's HolbooNotifier
 */
GObject *
holboo_chats_page_get_notifier (HolbooChatsPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CHATS_PAGE (self), NULL);
  return (GObject *) self->notifier;
}

/**
 * holboo_chats_page_set_mode_manager:
 * @modes: (nullable): the user's mode: notifications follow it
 */
void
holboo_chats_page_set_mode_manager (HolbooChatsPage   *self,
                                    HolbooModeManager *modes)
{
  g_return_if_fail (HOLBOO_IS_CHATS_PAGE (self));

  g_set_object (&self->modes, modes);
  if (self->notifier != NULL)
    holboo_notifier_set_mode_manager (self->notifier, modes);
}
