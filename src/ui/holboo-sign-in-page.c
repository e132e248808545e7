/* holboo-sign-in-page.c — signing in to an account
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form builds a HolbooAccountConfig and hands it with the password to
 * holboo_account_manager_add_async(), which signs in before it saves
 * anything. While it works the button shows a spinner and Escape cancels;
 * a failure is named under the form, in the words of the connection's
 * error. An untrusted certificate is shown (issuer, fingerprint); if the
 * user trusts it, its fingerprint is pinned in the configuration and the
 * sign-in is tried again.
 */
#define G_LOG_DOMAIN "holboo-sign-in-page"

#include "config.h"

#include "holboo-sign-in-page.h"

#include <glib/gi18n.h>

#include "holboo-certificate-dialog.h"
#include "holboo-jid.h"

struct _HolbooSignInPage
{
  AdwBin                parent_instance;

  HolbooAccountManager *manager;
  gboolean              adding;
  GCancellable         *cancellable;
  HolbooAccountConfig  *pending;     /* the config being signed in */
  char                 *ca_file;
  GtkFileChooserNative *chooser;

  /* Template children */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkImage             *icon;
  GtkLabel             *title_label;
  GtkLabel             *description_label;
  AdwEntryRow          *address_row;
  AdwEntryRow          *password_row;
  AdwExpanderRow       *server_row;
  AdwEntryRow          *host_row;
  AdwEntryRow          *port_row;
  AdwActionRow         *ca_row;
  GtkWidget            *ca_clear_button;
  GtkWidget            *ca_choose_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkWidget            *sign_in_button;
  GtkSpinner           *spinner;
  GtkLabel             *sign_in_label;
};

G_DEFINE_FINAL_TYPE (HolbooSignInPage, holboo_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MANAGER,
  PROP_ADDING,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
row_text_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (row_text (row)));
}

static void
update_actions (HolbooSignInPage *self)
{
  g_autofree char *address = row_text_stripped (self->address_row);
  gboolean busy = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit",
                                 !busy && *address != '\0' && *row_text (self->password_row) != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.choose-ca-file", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.clear-ca-file", !busy);
}

static void
show_error (HolbooSignInPage *self,
            const char       *message,
            GtkWidget        *focus)
{
  gtk_label_set_text (self->error_label, message);
  /* Hidden, not just folded: no empty gap above the form. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), message != NULL);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  if (message != NULL)
    g_debug ("Sign-in failed: %s", message);
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
set_busy (HolbooSignInPage *self,
          gboolean          busy)
{
  if (busy)
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      gtk_label_set_text_with_mnemonic (self->sign_in_label, _("_Signing In…"));
    }
  else
    {
      g_clear_object (&self->cancellable);
      gtk_label_set_text_with_mnemonic (self->sign_in_label, _("_Sign In"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Read-only rather than insensitive: the focus stays where it is. */
  gtk_editable_set_editable (GTK_EDITABLE (self->address_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->host_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->port_row), !busy);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void start_sign_in (HolbooSignInPage *self);

static void
on_certificate_response (AdwMessageDialog *dialog,
                         const char       *response,
                         HolbooSignInPage *self)
{
  GTlsCertificate *certificate = g_object_get_data (G_OBJECT (dialog), "certificate");
  g_autofree char *fingerprint = NULL;

  if (g_strcmp0 (response, HOLBOO_CERTIFICATE_RESPONSE_TRUST) != 0 || self->pending == NULL)
    {
      const char *message = g_object_get_data (G_OBJECT (dialog), "message");

      show_error (self, message, GTK_WIDGET (self->address_row));
      g_clear_object (&self->pending);
      return;
    }

  fingerprint = holboo_xmpp_certificate_dup_fingerprint (certificate);
  g_debug ("Trusting the certificate %s", fingerprint);
  holboo_xmpp_settings_set_pinned_certificate (holboo_account_config_get_settings (self->pending),
                                               fingerprint);
  start_sign_in (self);
}

static const char *
server_name (HolbooAccountConfig *config)
{
  HolbooXmppSettings *settings = holboo_account_config_get_settings (config);
  const char *host = holboo_xmpp_settings_get_host (settings);
  const char *jid = holboo_account_config_get_jid (config);

  if (host != NULL)
    return host;
  return strchr (jid, '@') != NULL ? strchr (jid, '@') + 1 : jid;
}

static void
ask_about_certificate (HolbooSignInPage *self,
                       const GError     *error)
{
  GTlsCertificate *certificate = holboo_xmpp_error_get_certificate (error, NULL);
  GtkWidget *dialog;

  /* The certificate is checked against the address's domain, whatever
   * host was connected to: name that. */
  dialog = holboo_certificate_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          strchr (holboo_account_config_get_jid (self->pending), '@') + 1,
                                          certificate);
  g_object_set_data_full (G_OBJECT (dialog), "certificate", g_object_ref (certificate), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "message", g_strdup (error->message), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_certificate_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_added (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HolbooSignInPage) self = user_data;
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *focus = GTK_WIDGET (self->address_row);

  account = holboo_account_manager_add_finish (HOLBOO_ACCOUNT_MANAGER (source), result, &error);
  set_busy (self, FALSE);

  if (account != NULL)
    {
      g_clear_object (&self->pending);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      show_error (self, NULL, NULL);
      g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0, account);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->pending);
      show_error (self, NULL, GTK_WIDGET (self->address_row));
      return;
    }

  if (g_error_matches (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED) &&
      holboo_xmpp_error_get_certificate (error, NULL) != NULL && self->pending != NULL)
    {
      ask_about_certificate (self, error);
      return;
    }

  g_clear_object (&self->pending);
  if (g_error_matches (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_AUTH_FAILED))
    focus = GTK_WIDGET (self->password_row);
  else if (error->domain == HOLBOO_XMPP_ERROR && gtk_editable_get_text (GTK_EDITABLE (self->host_row))[0] != '\0')
    focus = GTK_WIDGET (self->host_row);
  show_error (self, error->message, focus);
}

static void
start_sign_in (HolbooSignInPage *self)
{
  g_return_if_fail (self->pending != NULL);

  show_error (self, NULL, NULL);
  set_busy (self, TRUE);
  holboo_account_manager_add_async (self->manager, self->pending, row_text (self->password_row),
                                    self->cancellable, on_added, g_object_ref (self));
}

static void
on_submit (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HolbooSignInPage *self = HOLBOO_SIGN_IN_PAGE (widget);
  g_autofree char *address = row_text_stripped (self->address_row);
  g_autofree char *host = row_text_stripped (self->host_row);
  g_autofree char *port_text = row_text_stripped (self->port_row);
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  guint64 port = 0;

  if (self->cancellable != NULL || *address == '\0' || *row_text (self->password_row) == '\0')
    return;

  if (*port_text != '\0' &&
      (!g_ascii_string_to_unsigned (port_text, 10, 1, G_MAXUINT16, &port, NULL)))
    {
      adw_expander_row_set_expanded (self->server_row, TRUE);
      show_error (self, _("The port must be a number from 1 to 65535"), GTK_WIDGET (self->port_row));
      return;
    }

  config = holboo_account_config_new (address, &error);
  if (config == NULL)
    {
      show_error (self, error->message, GTK_WIDGET (self->address_row));
      return;
    }

  if (*host != '\0' || port != 0)
    holboo_xmpp_settings_set_server (holboo_account_config_get_settings (config),
                                     *host != '\0' ? host : server_name (config), (guint16) port);
  if (self->ca_file != NULL &&
      !holboo_xmpp_settings_set_ca_file (holboo_account_config_get_settings (config), self->ca_file, &error))
    {
      adw_expander_row_set_expanded (self->server_row, TRUE);
      show_error (self, error->message, self->ca_choose_button);
      return;
    }

  g_set_object (&self->pending, config);
  start_sign_in (self);
}

static void
on_cancel (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HolbooSignInPage *self = HOLBOO_SIGN_IN_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     HolbooSignInPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      holboo_sign_in_page_set_ca_file (self, path);
    }
  g_clear_object (&self->chooser);
}

static void
on_choose_ca_file (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HolbooSignInPage *self = HOLBOO_SIGN_IN_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Certificate Authority"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Certificates (PEM)"));
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_mime_type (filter, "application/x-x509-ca-cert");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_clear_ca_file (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  holboo_sign_in_page_set_ca_file (HOLBOO_SIGN_IN_PAGE (widget), NULL);
}

static void
on_entry_activated (HolbooSignInPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

static void
on_form_changed (HolbooSignInPage *self)
{
  update_actions (self);
}

static void
update_texts (HolbooSignInPage *self)
{
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());
  const char *icon = app != NULL && g_application_get_application_id (G_APPLICATION (app)) != NULL
                     ? g_application_get_application_id (G_APPLICATION (app)) : APPLICATION_ID;

  gtk_image_set_from_icon_name (self->icon, self->adding ? "avatar-default-symbolic" : icon);
  if (self->adding)
    {
      gtk_label_set_text (self->title_label, _("Add an Account"));
      gtk_label_set_text (self->description_label,
                          _("Sign in to another account, on your team’s server or another one."));
    }
  else
    {
      gtk_label_set_text (self->title_label, _("Welcome to Holboo"));
      gtk_label_set_text (self->description_label,
                          _("Sign in with the chat account your team’s server gave you."));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->title_label), -1);
}

/* Closing the window (the Add Account dialog) stops a sign-in under way. */
static void
holboo_sign_in_page_unroot (GtkWidget *widget)
{
  HolbooSignInPage *self = HOLBOO_SIGN_IN_PAGE (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (holboo_sign_in_page_parent_class)->unroot (widget);
}

static gboolean
holboo_sign_in_page_grab_focus (GtkWidget *widget)
{
  HolbooSignInPage *self = HOLBOO_SIGN_IN_PAGE (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
}

static void
holboo_sign_in_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HolbooSignInPage *self = HOLBOO_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER: g_value_set_object (value, self->manager); break;
    case PROP_ADDING: g_value_set_boolean (value, self->adding); break;
    case PROP_BUSY: g_value_set_boolean (value, self->cancellable != NULL); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_sign_in_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HolbooSignInPage *self = HOLBOO_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER: self->manager = g_value_dup_object (value); break;
    case PROP_ADDING: self->adding = g_value_get_boolean (value); update_texts (self); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_sign_in_page_dispose (GObject *object)
{
  HolbooSignInPage *self = HOLBOO_SIGN_IN_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->pending);
  g_clear_object (&self->manager);
  g_clear_pointer (&self->ca_file, g_free);

  G_OBJECT_CLASS (holboo_sign_in_page_parent_class)->dispose (object);
}

static void
holboo_sign_in_page_class_init (HolbooSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = holboo_sign_in_page_get_property;
  object_class->set_property = holboo_sign_in_page_set_property;
  object_class->dispose = holboo_sign_in_page_dispose;
  widget_class->grab_focus = holboo_sign_in_page_grab_focus;
  widget_class->unroot = holboo_sign_in_page_unroot;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL, HOLBOO_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ADDING] =
    g_param_spec_boolean ("adding", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HolbooSignInPage::signed-in:
   * @account: the new account, saved and in the manager's model
   */
  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HOLBOO_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, icon);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, host_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, port_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, ca_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, ca_clear_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, ca_choose_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HolbooSignInPage, sign_in_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, on_submit);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, on_cancel);
  gtk_widget_class_install_action (widget_class, "sign-in.choose-ca-file", NULL, on_choose_ca_file);
  gtk_widget_class_install_action (widget_class, "sign-in.clear-ca-file", NULL, on_clear_ca_file);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sign-in.cancel", NULL);
}

static void
holboo_sign_in_page_init (HolbooSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_texts (self);
  update_actions (self);
}

GtkWidget *
holboo_sign_in_page_new (HolbooAccountManager *manager,
                         gboolean              adding)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (manager), NULL);

  return g_object_new (HOLBOO_TYPE_SIGN_IN_PAGE, "manager", manager, "adding", adding, NULL);
}

gboolean
holboo_sign_in_page_get_busy (HolbooSignInPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_SIGN_IN_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * holboo_sign_in_page_get_error:
 *
 * Returns: (nullable): the error shown under the form, or %NULL
 */
const char *
holboo_sign_in_page_get_error (HolbooSignInPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_SIGN_IN_PAGE (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/**
 * holboo_sign_in_page_set_ca_file:
 * @path: (nullable): a PEM file of certificate authorities to trust for
 *   this account, or %NULL for the system's
 */
void
holboo_sign_in_page_set_ca_file (HolbooSignInPage *self,
                                 const char       *path)
{
  g_autofree char *name = NULL;

  g_return_if_fail (HOLBOO_IS_SIGN_IN_PAGE (self));

  g_free (self->ca_file);
  self->ca_file = g_strdup (path);
  if (path != NULL)
    {
      name = g_filename_display_basename (path);
      adw_action_row_set_subtitle (self->ca_row, name);
    }
  else
    adw_action_row_set_subtitle (self->ca_row, _("The system’s"));
  gtk_widget_set_visible (self->ca_clear_button, path != NULL);
}

/* The header bar: the page's own on first run; a dialog hides it and
 * uses its own. */
AdwHeaderBar *
holboo_sign_in_page_get_header_bar (HolbooSignInPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_SIGN_IN_PAGE (self), NULL);

  return self->header_bar;
}
