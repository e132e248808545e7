/* holboo-connection-banner.c — the connection's state, under the header bar
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Watches every account of a HolbooAccountManager and shows the one that
 * needs attention most: an account that could not be opened, then one
 * offline with a reason, then one waiting to retry (counting down each
 * second, with "Retry Now"), then one connecting. When every account is
 * connected it says so and slides away after a moment.
 */
#define G_LOG_DOMAIN "holboo-connection-banner"

#include "config.h"

#include "holboo-connection-banner.h"

#include <glib/gi18n.h>
#include <string.h>

#include "holboo-certificate-dialog.h"

/* How long "Connected" stays before the banner slides away. */
#define CONNECTED_SHOWN_MS 3000

struct _HolbooConnectionBanner
{
  AdwBin                parent_instance;

  HolbooAccountManager *manager;
  GPtrArray            *watched;      /* HolbooXmppConnection */
  HolbooConnectionStatus status;
  char                 *jid;          /* the account shown, or NULL */
  guint                 hide_id;

  /* Template children */
  GtkRevealer          *revealer;
  GtkWidget            *box;
  GtkStack             *icon_stack;
  GtkSpinner           *spinner;
  GtkImage             *icon;
  GtkLabel             *title_label;
  GtkLabel             *detail_label;
  GtkButton            *action_button;
};

G_DEFINE_FINAL_TYPE (HolbooConnectionBanner, holboo_connection_banner, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * holboo_connection_status_describe:
 * @account: (nullable): the open account, or %NULL if it could not be
 *   opened
 * @open_error: (nullable): why it could not be opened
 * @title: (out) (transfer full): one line for the state, with the reason
 * @detail: (out) (transfer full) (nullable): the countdown, if any
 *
 * Returns: the account's status
 */
HolbooConnectionStatus
holboo_connection_status_describe (HolbooAccount  *account,
                                   const GError   *open_error,
                                   char          **title,
                                   char          **detail)
{
  HolbooXmppConnection *connection;
  const GError *error;
  guint seconds;

  *detail = NULL;

  if (account == NULL)
    {
      if (open_error == NULL)
        {
          *title = g_strdup (_("Off"));
          return HOLBOO_CONNECTION_STATUS_DISABLED;
        }
      /* TRANSLATORS: %s is why, e.g. "Wrong address or password". */
      *title = g_strdup_printf (_("Offline: %s"), open_error->message);
      return HOLBOO_CONNECTION_STATUS_FAILED;
    }

  connection = holboo_account_get_connection (account);
  error = holboo_xmpp_connection_get_last_error (connection);

  switch (holboo_xmpp_connection_get_state (connection))
    {
    case HOLBOO_XMPP_CONNECTION_STATE_CONNECTED:
      *title = g_strdup (_("Connected"));
      return HOLBOO_CONNECTION_STATUS_CONNECTED;

    case HOLBOO_XMPP_CONNECTION_STATE_CONNECTING:
    case HOLBOO_XMPP_CONNECTION_STATE_AUTHENTICATING:
    case HOLBOO_XMPP_CONNECTION_STATE_RESUMING:
      *title = g_strdup (_("Connecting…"));
      return HOLBOO_CONNECTION_STATUS_CONNECTING;

    case HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY:
      seconds = holboo_xmpp_connection_get_retry_seconds (connection);
      *title = g_strdup_printf (_("Offline: %s"), error != NULL ? error->message : _("no connection"));
      /* TRANSLATORS: a countdown to the next connection attempt. */
      *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Retrying in %u second",
                                              "Retrying in %u seconds", seconds), seconds);
      return HOLBOO_CONNECTION_STATUS_WAITING;

    case HOLBOO_XMPP_CONNECTION_STATE_OFFLINE:
    default:
      if (error == NULL)
        {
          *title = g_strdup (_("Offline"));
          return HOLBOO_CONNECTION_STATUS_CONNECTING;
        }
      /* The certificate itself is one click away ("Show Certificate…"):
       * the line needs no fingerprint. */
      if (g_error_matches (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED))
        /* TRANSLATORS: %s is the server's domain, e.g. "example.mn". */
        *title = g_strdup_printf (_("Offline: The certificate of “%s” is not trusted"),
                                  strchr (holboo_account_get_jid (account), '@') + 1);
      else
        *title = g_strdup_printf (_("Offline: %s"), error->message);
      return HOLBOO_CONNECTION_STATUS_OFFLINE;
    }
}

static void
on_hide (gpointer user_data)
{
  HolbooConnectionBanner *self = user_data;

  self->hide_id = 0;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static gboolean
is_untrusted (const GError *error)
{
  return g_error_matches (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED) &&
         holboo_xmpp_error_get_certificate (error, NULL) != NULL;
}

/* A password would help: the server refused the saved one, or none could
 * be read. */
static gboolean
needs_password (const GError *error)
{
  return g_error_matches (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_AUTH_FAILED) ||
         g_error_matches (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD) ||
         g_error_matches (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE) ||
         g_error_matches (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_SECRET_SERVICE_FAILED);
}

/* The account to show and its status: the one that needs the user most. */
static void
update (HolbooConnectionBanner *self)
{
  HolbooAccountRegistry *registry = holboo_account_manager_get_registry (self->manager);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (registry));
  HolbooConnectionStatus worst = HOLBOO_CONNECTION_STATUS_DISABLED;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *jid = NULL;
  const GError *error = NULL;
  guint n_enabled = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HolbooAccountConfig) config = g_list_model_get_item (G_LIST_MODEL (registry), i);
      const char *config_jid = holboo_account_config_get_jid (config);
      HolbooAccount *account;
      const GError *open_error;
      HolbooConnectionStatus status;
      char *t, *d;

      if (!holboo_account_config_get_enabled (config))
        continue;
      n_enabled++;

      account = holboo_account_manager_lookup (self->manager, config_jid);
      open_error = holboo_account_manager_get_open_error (self->manager, config_jid);
      if (account == NULL && open_error == NULL)
        status = HOLBOO_CONNECTION_STATUS_CONNECTING;  /* being opened */
      else
        status = holboo_connection_status_describe (account, open_error, &t, &d);

      if (account == NULL && open_error == NULL)
        {
          t = g_strdup (_("Connecting…"));
          d = NULL;
        }

      if (jid == NULL || status > worst)
        {
          worst = status;
          g_free (title);
          g_free (detail);
          g_free (jid);
          title = t;
          detail = d;
          jid = g_strdup (config_jid);
          error = account != NULL ? holboo_xmpp_connection_get_last_error (holboo_account_get_connection (account))
                                  : open_error;
        }
      else
        {
          g_free (t);
          g_free (d);
        }
    }

  g_free (self->jid);
  self->jid = g_steal_pointer (&jid);

  if (self->jid == NULL)
    {
      self->status = HOLBOO_CONNECTION_STATUS_DISABLED;
      g_clear_handle_id (&self->hide_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
      return;
    }

  /* With several accounts, say which one. */
  if (n_enabled > 1)
    {
      char *with_jid = detail != NULL ? g_strdup_printf ("%s · %s", self->jid, detail) : g_strdup (self->jid);

      g_free (detail);
      detail = with_jid;
    }

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);

  gtk_widget_remove_css_class (self->box, "error");
  gtk_widget_remove_css_class (self->box, "success");
  gtk_spinner_set_spinning (self->spinner, worst == HOLBOO_CONNECTION_STATUS_CONNECTING);
  switch (worst)
    {
    case HOLBOO_CONNECTION_STATUS_CONNECTING:
      gtk_stack_set_visible_child_name (self->icon_stack, "spinner");
      break;
    case HOLBOO_CONNECTION_STATUS_CONNECTED:
      gtk_stack_set_visible_child_name (self->icon_stack, "icon");
      gtk_image_set_from_icon_name (self->icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (self->box, "success");
      break;
    case HOLBOO_CONNECTION_STATUS_DISABLED:
    case HOLBOO_CONNECTION_STATUS_WAITING:
    case HOLBOO_CONNECTION_STATUS_OFFLINE:
    case HOLBOO_CONNECTION_STATUS_FAILED:
    default:
      gtk_stack_set_visible_child_name (self->icon_stack, "icon");
      gtk_image_set_from_icon_name (self->icon, "network-offline-symbolic");
      gtk_widget_add_css_class (self->box, "error");
      break;
    }

  if (worst >= HOLBOO_CONNECTION_STATUS_WAITING)
    {
      if (worst == HOLBOO_CONNECTION_STATUS_OFFLINE && is_untrusted (error))
        gtk_button_set_label (self->action_button, _("_Show Certificate…"));
      else if (worst >= HOLBOO_CONNECTION_STATUS_OFFLINE && needs_password (error))
        gtk_button_set_label (self->action_button, _("_Enter Password…"));
      else
        gtk_button_set_label (self->action_button, _("_Retry Now"));
      gtk_widget_set_visible (GTK_WIDGET (self->action_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->action_button), FALSE);

  if (worst == HOLBOO_CONNECTION_STATUS_CONNECTED)
    {
      /* Say "Connected" once after a change, then get out of the way. */
      if (self->status != HOLBOO_CONNECTION_STATUS_CONNECTED && gtk_revealer_get_reveal_child (self->revealer))
        {
          g_clear_handle_id (&self->hide_id, g_source_remove);
          self->hide_id = g_timeout_add_once (CONNECTED_SHOWN_MS, on_hide, self);
        }
      else if (self->hide_id == 0)
        gtk_revealer_set_reveal_child (self->revealer, FALSE);
    }
  else
    {
      g_clear_handle_id (&self->hide_id, g_source_remove);
      gtk_revealer_set_reveal_child (self->revealer, TRUE);
    }

  if (self->status != worst)
    g_debug ("Connection banner: %s%s%s", title, detail ? " — " : "", detail ? detail : "");
  self->status = worst;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
unwatch_all (HolbooConnectionBanner *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->watched, i), self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
on_connection_notify (HolbooConnectionBanner *self)
{
  update (self);
}

static void
on_accounts_changed (HolbooConnectionBanner *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->manager));

  unwatch_all (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HolbooAccount) account = g_list_model_get_item (G_LIST_MODEL (self->manager), i);
      HolbooXmppConnection *connection = holboo_account_get_connection (account);

      g_signal_connect_swapped (connection, "notify::state", G_CALLBACK (on_connection_notify), self);
      g_signal_connect_swapped (connection, "notify::retry-seconds", G_CALLBACK (on_connection_notify), self);
      g_signal_connect_swapped (connection, "notify::last-error", G_CALLBACK (on_connection_notify), self);
      g_ptr_array_add (self->watched, g_object_ref (connection));
    }
  update (self);
}

static void
on_trusted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!holboo_account_manager_trust_certificate_finish (HOLBOO_ACCOUNT_MANAGER (source), result, &error))
    g_message ("After trusting the certificate: %s", error->message);
}

static void
on_certificate_response (AdwMessageDialog       *dialog,
                         const char             *response,
                         HolbooConnectionBanner *self)
{
  const char *jid = g_object_get_data (G_OBJECT (dialog), "jid");
  GTlsCertificate *certificate = g_object_get_data (G_OBJECT (dialog), "certificate");

  if (g_strcmp0 (response, HOLBOO_CERTIFICATE_RESPONSE_TRUST) == 0)
    holboo_account_manager_trust_certificate_async (self->manager, jid, certificate, NULL, on_trusted, NULL);
}

static void
on_password_set (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The banner follows the connection: a refused password shows there. */
  if (!holboo_account_manager_set_password_finish (HOLBOO_ACCOUNT_MANAGER (source), result, &error))
    g_message ("After entering a password: %s", error->message);
}

static void
on_password_response (AdwMessageDialog       *dialog,
                      const char             *response,
                      HolbooConnectionBanner *self)
{
  const char *jid = g_object_get_data (G_OBJECT (dialog), "jid");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_strcmp0 (response, "sign-in") != 0 || *gtk_editable_get_text (entry) == '\0')
    return;
  holboo_account_manager_set_password_async (self->manager, jid, gtk_editable_get_text (entry),
                                             NULL, on_password_set, NULL);
}

static void
ask_for_password (HolbooConnectionBanner *self)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  /* TRANSLATORS: %s is an account's address. */
  heading = g_strdup_printf (_("Password for %s"), self->jid);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("Enter the account’s password to sign in. Holboo keeps it "
                                     "in your keyring."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-in", _("_Sign In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-in", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sign-in");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  /* A plain entry: GTK 4.8's GtkPasswordEntry in a message dialog is
   * called on after the dialog is gone (its caps-lock watch). */
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PASSWORD);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data_full (G_OBJECT (dialog), "jid", g_strdup (self->jid), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_password_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_act (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  HolbooConnectionBanner *self = HOLBOO_CONNECTION_BANNER (widget);
  HolbooAccount *account;
  HolbooXmppConnection *connection;
  const GError *error;

  if (self->jid == NULL)
    return;

  account = holboo_account_manager_lookup (self->manager, self->jid);
  error = account != NULL ? holboo_xmpp_connection_get_last_error (holboo_account_get_connection (account))
                          : holboo_account_manager_get_open_error (self->manager, self->jid);
  if (needs_password (error) &&
      (account == NULL ||
       holboo_xmpp_connection_get_state (holboo_account_get_connection (account)) == HOLBOO_XMPP_CONNECTION_STATE_OFFLINE))
    {
      ask_for_password (self);
      return;
    }

  if (account == NULL)
    {
      /* It could not be opened: try again. */
      holboo_account_manager_set_enabled_async (self->manager, self->jid, TRUE, NULL, NULL, NULL);
      return;
    }

  connection = holboo_account_get_connection (account);
  error = holboo_xmpp_connection_get_last_error (connection);
  switch (holboo_xmpp_connection_get_state (connection))
    {
    case HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY:
      holboo_xmpp_connection_reconnect_now (connection);
      break;

    case HOLBOO_XMPP_CONNECTION_STATE_OFFLINE:
      if (is_untrusted (error))
        {
          GTlsCertificate *certificate = holboo_xmpp_error_get_certificate (error, NULL);
          const char *host = strchr (self->jid, '@') + 1;
          GtkWidget *dialog;

          dialog = holboo_certificate_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), host, certificate);
          g_object_set_data_full (G_OBJECT (dialog), "jid", g_strdup (self->jid), g_free);
          g_object_set_data_full (G_OBJECT (dialog), "certificate", g_object_ref (certificate), g_object_unref);
          g_signal_connect_object (dialog, "response", G_CALLBACK (on_certificate_response), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else
        holboo_account_connect_async (account, NULL, NULL, NULL);
      break;

    case HOLBOO_XMPP_CONNECTION_STATE_CONNECTING:
    case HOLBOO_XMPP_CONNECTION_STATE_AUTHENTICATING:
    case HOLBOO_XMPP_CONNECTION_STATE_CONNECTED:
    case HOLBOO_XMPP_CONNECTION_STATE_RESUMING:
    default:
      break;
    }
}

static void
holboo_connection_banner_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HolbooConnectionBanner *self = HOLBOO_CONNECTION_BANNER (object);

  switch (prop_id)
    {
    case PROP_MANAGER: g_value_set_object (value, self->manager); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_connection_banner_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HolbooConnectionBanner *self = HOLBOO_CONNECTION_BANNER (object);

  switch (prop_id)
    {
    case PROP_MANAGER: self->manager = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_connection_banner_constructed (GObject *object)
{
  HolbooConnectionBanner *self = HOLBOO_CONNECTION_BANNER (object);

  G_OBJECT_CLASS (holboo_connection_banner_parent_class)->constructed (object);

  g_assert (HOLBOO_IS_ACCOUNT_MANAGER (self->manager));
  g_signal_connect_object (self->manager, "items-changed", G_CALLBACK (on_accounts_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manager, "open-failed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (holboo_account_manager_get_registry (self->manager), "items-changed",
                           G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  on_accounts_changed (self);
}

static void
holboo_connection_banner_dispose (GObject *object)
{
  HolbooConnectionBanner *self = HOLBOO_CONNECTION_BANNER (object);

  if (self->watched != NULL)
    unwatch_all (self);
  g_clear_handle_id (&self->hide_id, g_source_remove);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (holboo_connection_banner_parent_class)->dispose (object);
}

static void
holboo_connection_banner_finalize (GObject *object)
{
  HolbooConnectionBanner *self = HOLBOO_CONNECTION_BANNER (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->jid, g_free);

  G_OBJECT_CLASS (holboo_connection_banner_parent_class)->finalize (object);
}

static void
holboo_connection_banner_class_init (HolbooConnectionBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = holboo_connection_banner_get_property;
  object_class->set_property = holboo_connection_banner_set_property;
  object_class->constructed = holboo_connection_banner_constructed;
  object_class->dispose = holboo_connection_banner_dispose;
  object_class->finalize = holboo_connection_banner_finalize;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL, HOLBOO_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HolbooConnectionBanner::changed:
   *
   * The status, the account shown or the countdown changed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-connection-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooConnectionBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, HolbooConnectionBanner, box);
  gtk_widget_class_bind_template_child (widget_class, HolbooConnectionBanner, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooConnectionBanner, spinner);
  gtk_widget_class_bind_template_child (widget_class, HolbooConnectionBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, HolbooConnectionBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooConnectionBanner, detail_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooConnectionBanner, action_button);

  gtk_widget_class_install_action (widget_class, "banner.act", NULL, on_act);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
holboo_connection_banner_init (HolbooConnectionBanner *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Connection"), -1);
}

GtkWidget *
holboo_connection_banner_new (HolbooAccountManager *manager)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (manager), NULL);

  return g_object_new (HOLBOO_TYPE_CONNECTION_BANNER, "manager", manager, NULL);
}

HolbooConnectionStatus
holboo_connection_banner_get_status (HolbooConnectionBanner *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONNECTION_BANNER (self), HOLBOO_CONNECTION_STATUS_DISABLED);

  return self->status;
}

/**
 * holboo_connection_banner_get_text:
 *
 * Returns: (transfer full) (nullable): what the banner says, title and
 *   detail on two lines, or %NULL while it is hidden
 */
char *
holboo_connection_banner_get_text (HolbooConnectionBanner *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONNECTION_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  if (!gtk_widget_get_visible (GTK_WIDGET (self->detail_label)))
    return g_strdup (gtk_label_get_text (self->title_label));
  return g_strdup_printf ("%s\n%s", gtk_label_get_text (self->title_label),
                          gtk_label_get_text (self->detail_label));
}

/**
 * holboo_connection_banner_get_jid:
 *
 * Returns: (nullable): the account whose state is shown
 */
const char *
holboo_connection_banner_get_jid (HolbooConnectionBanner *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONNECTION_BANNER (self), NULL);

  return self->jid;
}

/**
 * holboo_connection_banner_dup_short_text:
 *
 * Returns: (transfer full): the state in a few words, for a place with
 *   little room: "Connected", "Connecting…", "Retrying in 5 seconds",
 *   "Offline"
 */
char *
holboo_connection_banner_dup_short_text (HolbooConnectionBanner *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONNECTION_BANNER (self), NULL);

  switch (self->status)
    {
    case HOLBOO_CONNECTION_STATUS_CONNECTED:
      return g_strdup (_("Connected"));
    case HOLBOO_CONNECTION_STATUS_CONNECTING:
      return g_strdup (_("Connecting…"));
    case HOLBOO_CONNECTION_STATUS_WAITING:
      {
        const char *detail = gtk_label_get_text (self->detail_label);
        const char *dot = strstr (detail, " · ");

        /* Several accounts: "jid · Retrying in …" */
        return g_strdup (dot != NULL ? dot + strlen (" · ") : detail);
      }
    case HOLBOO_CONNECTION_STATUS_OFFLINE:
    case HOLBOO_CONNECTION_STATUS_FAILED:
      return g_strdup (_("Offline"));
    case HOLBOO_CONNECTION_STATUS_DISABLED:
    default:
      return g_strdup (_("Off"));
    }
}
