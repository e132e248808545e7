/* holboo-accounts-window.c — the accounts, in a preferences window
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per account of the registry, in the order they were added: the
 * address, the connection's state (kept up to date), a switch that turns
 * the account on or off, and a remove button that asks first — and asks
 * whether the messages kept on this computer go too, since the server may
 * no longer have old ones.
 */
#define G_LOG_DOMAIN "holboo-accounts-window"

#include "config.h"

#include "holboo-accounts-window.h"

#include <glib/gi18n.h>

#include "holboo-connection-banner.h"
#include "holboo-sign-in-page.h"

#define RESPONSE_CANCEL "cancel"
#define RESPONSE_KEEP   "keep"
#define RESPONSE_DELETE "delete"

struct _HolbooAccountsWindow
{
  AdwPreferencesWindow  parent_instance;

  HolbooAccountManager *manager;
  GPtrArray            *watched;   /* HolbooXmppConnection */

  /* Template children */
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (HolbooAccountsWindow, holboo_accounts_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast_error (HolbooAccountsWindow *self,
             const GError         *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
update_subtitles (HolbooAccountsWindow *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      const char *jid = g_object_get_data (G_OBJECT (row), "jid");
      g_autofree char *title = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *subtitle = NULL;
      HolbooAccountConfig *config;

      if (jid == NULL)
        continue;
      config = holboo_account_registry_lookup (holboo_account_manager_get_registry (self->manager), jid);
      if (config == NULL)
        continue;

      if (!holboo_account_config_get_enabled (config))
        title = g_strdup (_("Off"));
      else
        {
          HolbooAccount *account = holboo_account_manager_lookup (self->manager, jid);
          const GError *open_error = holboo_account_manager_get_open_error (self->manager, jid);

          if (account == NULL && open_error == NULL)
            title = g_strdup (_("Connecting…"));
          else
            holboo_connection_status_describe (account, open_error, &title, &detail);
        }

      subtitle = detail != NULL ? g_strdup_printf ("%s · %s", title, detail) : g_strdup (title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

/* The operations finish even when the window is closed meanwhile: their
 * callbacks hold the window weakly (a window kept alive past its parent
 * trips GTK up). */
static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

static HolbooAccountsWindow *
weak_ref_steal (GWeakRef *ref)
{
  HolbooAccountsWindow *self = g_weak_ref_get (ref);

  g_weak_ref_clear (ref);
  g_free (ref);
  return self;
}

static void
on_removed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooAccountsWindow) self = weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (!holboo_account_manager_remove_finish (HOLBOO_ACCOUNT_MANAGER (source), result, &error) &&
      self != NULL)
    toast_error (self, error);
}

static void
on_remove_response (AdwMessageDialog     *dialog,
                    const char           *response,
                    HolbooAccountsWindow *self)
{
  const char *jid = g_object_get_data (G_OBJECT (dialog), "jid");
  gboolean delete_data = g_strcmp0 (response, RESPONSE_DELETE) == 0;

  if (!delete_data && g_strcmp0 (response, RESPONSE_KEEP) != 0)
    return;

  g_debug ("Removing %s%s", jid, delete_data ? " and its messages" : "");
  holboo_account_manager_remove_async (self->manager, jid, delete_data, NULL,
                                       on_removed, weak_ref_new (self));
}

static void
on_remove_clicked (GtkButton            *button,
                   HolbooAccountsWindow *self)
{
  const char *jid = g_object_get_data (G_OBJECT (button), "jid");
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s is an account's address. */
  heading = g_strdup_printf (_("Remove %s?"), jid);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Holboo will sign out of this account on this computer and "
                                     "forget its password. The messages kept on this computer can "
                                     "stay, so that adding the account again brings them back, "
                                     "or be deleted now."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    RESPONSE_CANCEL, _("_Cancel"),
                                    RESPONSE_KEEP, _("_Keep Messages"),
                                    RESPONSE_DELETE, _("_Delete Messages"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), RESPONSE_DELETE,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_CANCEL);
  g_object_set_data_full (G_OBJECT (dialog), "jid", g_strdup (jid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_enabled_set (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HolbooAccountsWindow) self = weak_ref_steal (user_data);
  g_autoptr(GError) error = NULL;

  if (!holboo_account_manager_set_enabled_finish (HOLBOO_ACCOUNT_MANAGER (source), result, &error) &&
      self != NULL)
    toast_error (self, error);
  if (self != NULL)
    update_subtitles (self);
}

static void
on_switch_active (GtkSwitch            *sw,
                  GParamSpec           *pspec,
                  HolbooAccountsWindow *self)
{
  const char *jid = g_object_get_data (G_OBJECT (sw), "jid");
  HolbooAccountConfig *config = holboo_account_registry_lookup (holboo_account_manager_get_registry (self->manager), jid);

  if (config == NULL || holboo_account_config_get_enabled (config) == gtk_switch_get_active (sw))
    return;

  holboo_account_manager_set_enabled_async (self->manager, jid, gtk_switch_get_active (sw), NULL,
                                            on_enabled_set, weak_ref_new (self));
}

static GtkWidget *
create_row (HolbooAccountsWindow *self,
            HolbooAccountConfig  *config)
{
  const char *jid = holboo_account_config_get_jid (config);
  g_autofree char *remove_label = NULL;
  g_autofree char *switch_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jid);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "jid", g_strdup (jid), g_free);

  /* TRANSLATORS: %s is an account's address. */
  switch_label = g_strdup_printf (_("Use %s"), jid);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (sw), holboo_account_config_get_enabled (config));
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label, -1);
  g_object_set_data_full (G_OBJECT (sw), "jid", g_strdup (jid), g_free);
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_switch_active), self, 0);

  /* TRANSLATORS: %s is an account's address. */
  remove_label = g_strdup_printf (_("Remove %s"), jid);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Account"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "jid", g_strdup (jid), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  return row;
}

static void
unwatch_all (HolbooAccountsWindow *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
on_accounts_changed (HolbooAccountsWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->manager));

  unwatch_all (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HolbooAccount) account = g_list_model_get_item (G_LIST_MODEL (self->manager), i);
      HolbooXmppConnection *connection = holboo_account_get_connection (account);

      g_signal_connect_swapped (connection, "notify::state", G_CALLBACK (update_subtitles), self);
      g_signal_connect_swapped (connection, "notify::retry-seconds", G_CALLBACK (update_subtitles), self);
      g_ptr_array_add (self->watched, g_object_ref (connection));
    }
  update_subtitles (self);
}

static void
rebuild_rows (HolbooAccountsWindow *self)
{
  HolbooAccountRegistry *registry = holboo_account_manager_get_registry (self->manager);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (registry));
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HolbooAccountConfig) config = g_list_model_get_item (G_LIST_MODEL (registry), i);

      gtk_list_box_append (self->list, create_row (self, config));
    }
  update_subtitles (self);
}

static void
on_signed_in (HolbooSignInPage *page,
              HolbooAccount    *account,
              GtkWindow        *dialog)
{
  gtk_window_close (dialog);
}

static void
on_add (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  HolbooAccountsWindow *self = HOLBOO_ACCOUNTS_WINDOW (widget);
  GtkWidget *dialog = adw_window_new ();
  GtkWidget *page = holboo_sign_in_page_new (self->manager, TRUE);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (dialog), _("Add Account"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 480, 620);
  adw_window_set_content (ADW_WINDOW (dialog), page);

  /* Escape cancels a sign-in under way (the page's own binding) and
   * otherwise closes the dialog. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (dialog, shortcuts);

  g_signal_connect_object (page, "signed-in", G_CALLBACK (on_signed_in), dialog, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
holboo_accounts_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HolbooAccountsWindow *self = HOLBOO_ACCOUNTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MANAGER: g_value_set_object (value, self->manager); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_accounts_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HolbooAccountsWindow *self = HOLBOO_ACCOUNTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MANAGER: self->manager = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_accounts_window_constructed (GObject *object)
{
  HolbooAccountsWindow *self = HOLBOO_ACCOUNTS_WINDOW (object);

  G_OBJECT_CLASS (holboo_accounts_window_parent_class)->constructed (object);

  g_assert (HOLBOO_IS_ACCOUNT_MANAGER (self->manager));
  g_signal_connect_object (holboo_account_manager_get_registry (self->manager), "items-changed",
                           G_CALLBACK (rebuild_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "items-changed", G_CALLBACK (on_accounts_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "open-failed", G_CALLBACK (update_subtitles),
                           self, G_CONNECT_SWAPPED);
  rebuild_rows (self);
  on_accounts_changed (self);
}

static void
holboo_accounts_window_dispose (GObject *object)
{
  HolbooAccountsWindow *self = HOLBOO_ACCOUNTS_WINDOW (object);

  if (self->watched != NULL)
    unwatch_all (self);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (holboo_accounts_window_parent_class)->dispose (object);
}

static void
holboo_accounts_window_finalize (GObject *object)
{
  HolbooAccountsWindow *self = HOLBOO_ACCOUNTS_WINDOW (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);

  G_OBJECT_CLASS (holboo_accounts_window_parent_class)->finalize (object);
}

static void
holboo_accounts_window_class_init (HolbooAccountsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = holboo_accounts_window_get_property;
  object_class->set_property = holboo_accounts_window_set_property;
  object_class->constructed = holboo_accounts_window_constructed;
  object_class->dispose = holboo_accounts_window_dispose;
  object_class->finalize = holboo_accounts_window_finalize;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL, HOLBOO_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-accounts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooAccountsWindow, list);

  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, on_add);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "accounts.add", NULL);
}

static void
holboo_accounts_window_init (HolbooAccountsWindow *self)
{
  GtkWidget *placeholder;

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No accounts"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
}

GtkWidget *
holboo_accounts_window_new (GtkWindow            *parent,
                            HolbooAccountManager *manager)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (manager), NULL);

  return g_object_new (HOLBOO_TYPE_ACCOUNTS_WINDOW,
                       "transient-for", parent,
                       "manager", manager,
                       NULL);
}
