/* holboo-window.c — the main window
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar of pages beside the page itself, in an AdwLeaflet that folds to
 * one pane on a narrow window. The window action win.show-page (a string
 * state: the page's name) is the one way pages change: sidebar rows,
 * keyboard shortcuts and the saved setting all go through it, so the
 * sidebar selection, the stack, the title and "last-page" never disagree.
 */
#define G_LOG_DOMAIN "holboo-window"

#include "config.h"

#include "holboo-window.h"

#include <glib/gi18n.h>

#include "holboo-accounts-window.h"
#include "holboo-auto-reply.h"
#include "holboo-card-page.h"
#include "holboo-connection-banner.h"
#include "holboo-mode-button.h"
#include "holboo-customers-page.h"
#include "holboo-people-actions.h"
#include "holboo-sign-in-page.h"
#include "holboo-team-page.h"

struct _HolbooWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HolbooAccountManager *manager;     /* NULL without a data directory */
  GtkWidget            *sign_in_page;
  GtkWidget            *connection_banner;
  HolbooModeManager    *mode_manager;
  HolbooAutoReply      *auto_reply;   /* NULL without accounts */

  /* Template children */
  GtkStack             *view_stack;
  AdwBin               *welcome_bin;
  HolbooCardPage       *card_page;
  AdwBin               *connection_bin;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkListBox           *sidebar_list;
  GtkWidget            *content;
  GtkWidget            *back_button;
  AdwWindowTitle       *content_title;
  GtkStack             *stack;
  GtkRevealer          *storage_banner;
  GtkWidget            *account_button;
  GtkImage             *account_status_icon;
  GtkLabel             *account_label;
  GtkLabel             *account_state_label;
  GtkLabel             *storage_banner_label;
  HolbooChatsPage      *chats_page;
  HolbooModeButton     *mode_button;
  HolbooModeButton     *sidebar_mode_button;
  HolbooCustomersPage  *customers_page;
  HolbooTeamPage       *team_page;
  GtkLabel             *chats_unread_label;
};

G_DEFINE_FINAL_TYPE (HolbooWindow, holboo_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_MANAGER,
  PROP_VISIBLE_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In sidebar order; the template's rows and stack pages carry these names. */
static const char * const page_names[] = {
  "chats",
  "calls",
  "meetings",
  "customers",
  "dashboard",
  "team",
  "card",
  NULL
};

static gboolean
is_page_name (const char *name)
{
  return name != NULL && g_strv_contains (page_names, name);
}

static GtkListBoxRow *
find_sidebar_row (HolbooWindow *self,
                  const char   *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->sidebar_list, i)); i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        return row;
    }

  return NULL;
}

static void
holboo_window_set_page (HolbooWindow *self,
                        const char   *name)
{
  GAction *action;
  GtkListBoxRow *row;
  GtkWidget *child;
  const char *title;

  g_assert (is_page_name (name));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), name) != 0)
    gtk_stack_set_visible_child_name (self->stack, name);

  child = gtk_stack_get_visible_child (self->stack);
  title = gtk_stack_page_get_title (gtk_stack_get_page (self->stack, child));
  adw_window_title_set_title (self->content_title, title);

  row = find_sidebar_row (self, name);
  g_assert (row != NULL);
  if (gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-page");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));

  g_settings_set_string (self->settings, "last-page", name);

  g_debug ("Showing page “%s”: %s", name, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
}

static void
on_show_page_change_state (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       user_data)
{
  HolbooWindow *self = HOLBOO_WINDOW (user_data);
  const char *name = g_variant_get_string (value, NULL);

  /* The action is reachable from outside (D-Bus, a future command line),
   * so a wrong name is bad input, not a programming error. */
  if (!is_page_name (name))
    {
      g_message ("There is no page named “%s”; staying on “%s”",
                 name, gtk_stack_get_visible_child_name (self->stack));
      return;
    }

  holboo_window_set_page (self, name);
}

static void
on_show_page_activate (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HolbooWindow *self = HOLBOO_WINDOW (user_data);

  g_action_change_state (G_ACTION (action), parameter);

  /* Asked for a page explicitly (a click, Enter, a shortcut): on a folded
   * window that means leaving the sidebar for the page. */
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_show_sidebar_activate (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  HolbooWindow *self = HOLBOO_WINDOW (user_data);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
on_show_accounts_activate (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  HolbooWindow *self = HOLBOO_WINDOW (user_data);

  if (self->manager == NULL)
    return;
  gtk_window_present (GTK_WINDOW (holboo_accounts_window_new (GTK_WINDOW (self), self->manager)));
}

/* A screen pop's "Open Customer": the Customers page with that customer. */
static void
on_show_customer_activate (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  HolbooWindow *self = HOLBOO_WINDOW (user_data);

  holboo_window_set_page (self, "customers");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->stack));
  holboo_customers_page_show_customer (self->customers_page, g_variant_get_string (parameter, NULL));
}

static const GActionEntry win_entries[] = {
  {
    .name = "show-page",
    .activate = on_show_page_activate,
    .parameter_type = "s",
    .state = "'" HOLBOO_WINDOW_DEFAULT_PAGE "'",
    .change_state = on_show_page_change_state,
  },
  {
    .name = "show-sidebar",
    .activate = on_show_sidebar_activate,
  },
  {
    .name = "show-accounts",
    .activate = on_show_accounts_activate,
  },
  {
    .name = "show-customer",
    .activate = on_show_customer_activate,
    .parameter_type = "s",
  },
};

/* Unread messages: "(3) Holboo" in the title (what the task switcher
 * and the panel show), and the count on the Chats row. */
static void
update_unread (HolbooWindow *self)
{
  guint unread = holboo_chats_page_get_unread (self->chats_page);
  g_autofree char *title = NULL;

  if (unread > 0)
    {
      g_autofree char *count = unread > 999 ? g_strdup ("999+") : g_strdup_printf ("%u", unread);
      g_autofree char *description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unread message",
                                                                   "%u unread messages", unread), unread);

      /* TRANSLATORS: the window title with unread messages, e.g. "(3) Holboo" */
      title = g_strdup_printf (_("(%s) %s"), count, _("Holboo"));
      gtk_label_set_text (self->chats_unread_label, count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chats_unread_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chats_unread_label), unread > 0);
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Holboo"));
}

/* The Chats page shows the first open account (in the order of the
 * registry); none while no account is open. */
static void
update_chats_account (HolbooWindow *self)
{
  GListModel *accounts = G_LIST_MODEL (self->manager);
  g_autoptr(HolbooAccount) first = NULL;

  if (g_list_model_get_n_items (accounts) > 0)
    first = g_list_model_get_item (accounts, 0);
  holboo_chats_page_set_account (self->chats_page, first);
  holboo_customers_page_set_account (self->customers_page, first);
  holboo_team_page_set_account (self->team_page, first);
}

/* Before the accounts are read: nothing. Without an account: the sign-in
 * page. Otherwise (or without a data directory, where the storage banner
 * says why) the pages. */
static void
update_view (HolbooWindow *self)
{
  const char *view = "main";

  if (self->manager != NULL)
    {
      if (!holboo_account_manager_get_loaded (self->manager))
        view = "loading";
      else if (g_list_model_get_n_items (G_LIST_MODEL (holboo_account_manager_get_registry (self->manager))) == 0)
        view = "welcome";
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), view) == 0)
    return;

  g_debug ("Showing the %s view", view);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  if (g_str_equal (view, "welcome"))
    gtk_widget_grab_focus (self->sign_in_page);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-accounts")),
                               self->manager != NULL);
}

/* The sidebar's foot: the account and its state, always in view; a click
 * opens the accounts. */
static void
update_account_button (HolbooWindow *self)
{
  HolbooConnectionBanner *banner = HOLBOO_CONNECTION_BANNER (self->connection_banner);
  HolbooConnectionStatus status = holboo_connection_banner_get_status (banner);
  const char *jid = holboo_connection_banner_get_jid (banner);
  g_autofree char *state = holboo_connection_banner_dup_short_text (banner);
  g_autofree char *description = NULL;
  const char *icon;

  gtk_widget_set_visible (self->account_button, jid != NULL);
  if (jid == NULL)
    return;

  switch (status)
    {
    case HOLBOO_CONNECTION_STATUS_CONNECTED:
      icon = "network-transmit-receive-symbolic";
      break;
    case HOLBOO_CONNECTION_STATUS_CONNECTING:
    case HOLBOO_CONNECTION_STATUS_WAITING:
      icon = "network-idle-symbolic";
      break;
    case HOLBOO_CONNECTION_STATUS_DISABLED:
    case HOLBOO_CONNECTION_STATUS_OFFLINE:
    case HOLBOO_CONNECTION_STATUS_FAILED:
    default:
      icon = "network-offline-symbolic";
      break;
    }

  gtk_image_set_from_icon_name (self->account_status_icon, icon);
  gtk_label_set_text (self->account_label, jid);
  gtk_label_set_text (self->account_state_label, state);
  /* TRANSLATORS: an account and its state, e.g. "alice@example.mn: Connected". */
  description = g_strdup_printf (_("%s: %s"), jid, state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->account_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

/* Moving through the sidebar with the arrow keys selects rows: follow the
 * selection, but stay on the sidebar of a folded window. */
static void
on_sidebar_row_selected (GtkListBox    *list,
                         GtkListBoxRow *row,
                         HolbooWindow  *self)
{
  const char *name;

  if (row == NULL)
    return;

  name = gtk_widget_get_name (GTK_WIDGET (row));
  if (g_strcmp0 (name, holboo_window_get_visible_page (self)) != 0)
    g_action_group_change_action_state (G_ACTION_GROUP (self), "show-page",
                                        g_variant_new_string (name));
}

static void
on_sidebar_row_activated (GtkListBox    *list,
                          GtkListBoxRow *row,
                          HolbooWindow  *self)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-page",
                                  g_variant_new_string (gtk_widget_get_name (GTK_WIDGET (row))));
}

static void
holboo_window_load_state (HolbooWindow *self)
{
  g_autofree char *page = NULL;
  int width, height;

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  page = g_settings_get_string (self->settings, "last-page");
  if (!is_page_name (page))
    {
      /* An older or newer version, or a hand-edited file: not worth a
       * warning, but worth saying which key and value were ignored. */
      g_message ("Settings key “last-page” holds “%s”, which is not a page; "
                 "showing “%s” instead",
                 page, HOLBOO_WINDOW_DEFAULT_PAGE);
      g_free (page);
      page = g_strdup (HOLBOO_WINDOW_DEFAULT_PAGE);
    }

  holboo_window_set_page (self, page);
}

static void
holboo_window_save_state (HolbooWindow *self)
{
  int width = 0, height = 0;

  /* The default size follows the user's resizing but not maximizing, so it
   * is the size to come back to. 0 means "never set": keep the old value. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
holboo_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HolbooWindow *self = HOLBOO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_VISIBLE_PAGE:
      g_value_set_string (value, holboo_window_get_visible_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HolbooWindow *self = HOLBOO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_MANAGER:
      self->manager = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
holboo_window_close_request (GtkWindow *window)
{
  holboo_window_save_state (HOLBOO_WINDOW (window));

  return GTK_WINDOW_CLASS (holboo_window_parent_class)->close_request (window);
}

static void
holboo_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (holboo_window_parent_class)->map (widget);

  g_debug ("Window “%s” is on screen", gtk_window_get_title (GTK_WINDOW (widget)));
}

static void
holboo_window_constructed (GObject *object)
{
  HolbooWindow *self = HOLBOO_WINDOW (object);

  G_OBJECT_CLASS (holboo_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  holboo_window_load_state (self);

  /* The mode, in the header bar, and every account's presence with it. */
  self->mode_manager = holboo_mode_manager_new (self->settings,
                                                self->manager != NULL ? G_LIST_MODEL (self->manager) : NULL);
  holboo_mode_button_set_manager (self->mode_button, self->mode_manager);
  holboo_mode_button_set_manager (self->sidebar_mode_button, self->mode_manager);
  /* Notifications follow the mode too. */
  holboo_chats_page_set_mode_manager (self->chats_page, self->mode_manager);
  if (self->manager != NULL)
    self->auto_reply = holboo_auto_reply_new (self->mode_manager, G_LIST_MODEL (self->manager));

  if (self->manager != NULL)
    {
      self->sign_in_page = holboo_sign_in_page_new (self->manager, FALSE);
      adw_bin_set_child (self->welcome_bin, self->sign_in_page);
      self->connection_banner = holboo_connection_banner_new (self->manager);
      adw_bin_set_child (self->connection_bin, self->connection_banner);
      g_signal_connect_object (self->connection_banner, "changed", G_CALLBACK (update_account_button),
                               self, G_CONNECT_SWAPPED);
      update_account_button (self);
      holboo_card_page_set_manager (self->card_page, self->manager);

      g_signal_connect_object (self->manager, "notify::loaded", G_CALLBACK (update_view),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (holboo_account_manager_get_registry (self->manager), "items-changed",
                               G_CALLBACK (update_view), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->manager, "items-changed",
                               G_CALLBACK (update_chats_account), self, G_CONNECT_SWAPPED);
      update_chats_account (self);
    }
  g_signal_connect_object (self->chats_page, "notify::unread", G_CALLBACK (update_unread),
                           self, G_CONNECT_SWAPPED);
  update_unread (self);
  update_view (self);
}

static void
holboo_window_dispose (GObject *object)
{
  HolbooWindow *self = HOLBOO_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_WINDOW);
  g_clear_object (&self->auto_reply);
  g_clear_object (&self->mode_manager);
  g_clear_object (&self->settings);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (holboo_window_parent_class)->dispose (object);
}

static void
holboo_window_class_init (HolbooWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = holboo_window_constructed;
  object_class->dispose = holboo_window_dispose;
  object_class->get_property = holboo_window_get_property;
  object_class->set_property = holboo_window_set_property;
  widget_class->map = holboo_window_map;
  window_class->close_request = holboo_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         HOLBOO_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_string ("visible-page", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HOLBOO_TYPE_CHATS_PAGE);
  g_type_ensure (HOLBOO_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (HOLBOO_TYPE_CARD_PAGE);
  g_type_ensure (HOLBOO_TYPE_MODE_BUTTON);
  g_type_ensure (HOLBOO_TYPE_TEAM_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, card_page);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, welcome_bin);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, connection_bin);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, content);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, storage_banner);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, account_status_icon);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, account_state_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, storage_banner_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, chats_page);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, mode_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, sidebar_mode_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, customers_page);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, team_page);
  gtk_widget_class_bind_template_child (widget_class, HolbooWindow, chats_unread_label);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
}

static void
holboo_window_init (HolbooWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   win_entries, G_N_ELEMENTS (win_entries),
                                   self);
  holboo_people_actions_add (self);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/**
 * holboo_window_new:
 * @manager: (nullable): the accounts; %NULL when there is no data
 *   directory to keep them in
 */
HolbooWindow *
holboo_window_new (HolbooApplication    *application,
                   GSettings            *settings,
                   HolbooAccountManager *manager)
{
  g_return_val_if_fail (HOLBOO_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (manager == NULL || HOLBOO_IS_ACCOUNT_MANAGER (manager), NULL);

  return g_object_new (HOLBOO_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "manager", manager,
                       NULL);
}

/**
 * holboo_window_get_view:
 *
 * Returns: "loading", "welcome" (no account yet: the sign-in page) or
 *   "main" (the pages)
 */
const char *
holboo_window_get_view (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->view_stack);
}

/**
 * holboo_window_get_manager:
 *
 * Returns: (transfer none) (nullable): the accounts
 */
HolbooAccountManager *
holboo_window_get_manager (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  return self->manager;
}

/**
 * holboo_window_get_sign_in_page:
 *
 * Returns: (transfer none) (nullable): the first-run sign-in page
 */
HolbooSignInPage *
holboo_window_get_sign_in_page (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  return self->sign_in_page != NULL ? HOLBOO_SIGN_IN_PAGE (self->sign_in_page) : NULL;
}

/**
 * holboo_window_get_connection_banner:
 *
 * Returns: (transfer none) (nullable): the banner with the connection's
 *   state
 */
HolbooConnectionBanner *
holboo_window_get_connection_banner (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  return self->connection_banner != NULL ? HOLBOO_CONNECTION_BANNER (self->connection_banner) : NULL;
}

/**
 * holboo_window_get_page_names:
 *
 * Returns: (transfer none): the names of the pages, in sidebar order; each
 *   is a valid target of the `win.show-page` action.
 */
const char * const *
holboo_window_get_page_names (void)
{
  return page_names;
}

const char *
holboo_window_get_visible_page (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * holboo_window_show_storage_error:
 * @error: why the data directory cannot be used; its message names the
 *   path and the cause
 *
 * Shows a banner above the pages saying that Holboo cannot keep data, and
 * why. The window keeps working.
 */
void
holboo_window_show_storage_error (HolbooWindow *self,
                                  const GError *error)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (HOLBOO_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  markup = g_markup_printf_escaped ("<b>%s</b>\n%s",
                                    _("Holboo cannot keep your data"),
                                    error->message);
  gtk_label_set_markup (self->storage_banner_label, markup);
  gtk_revealer_set_reveal_child (self->storage_banner, TRUE);

  g_debug ("Showing the storage error: %s", error->message);
}

/**
 * holboo_window_get_storage_error:
 *
 * Returns: (nullable): the text of the storage error banner, or %NULL when
 *   no banner is shown
 */
const char *
holboo_window_get_storage_error (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->storage_banner))
    return NULL;

  return gtk_label_get_text (self->storage_banner_label);
}

/**
 * holboo_window_get_chats_page:
 *
 * Returns: (transfer none): the Chats page, for
 *   holboo_chats_page_set_account()
 */
HolbooChatsPage *
holboo_window_get_chats_page (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  return self->chats_page;
}

/**
 * holboo_window_get_mode_manager:
 *
 * Returns: (transfer none): the mode the header bar shows
 */
HolbooModeManager *
holboo_window_get_mode_manager (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  return self->mode_manager;
}

/**
 * holboo_window_get_mode_button:
 *
 * Returns: (transfer none): the mode's button in the header bar
 */
HolbooModeButton *
holboo_window_get_mode_button (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);

  return self->mode_button;
}

/**
 * holboo_window_get_customers_page:
 *
 * Returns: (transfer none): the Customers page
 */
HolbooCustomersPage *
holboo_window_get_customers_page (HolbooWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_WINDOW (self), NULL);
  return self->customers_page;
}
