/* holboo-application.c — the application object
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns what outlives a window: the settings, the data directory, the
 * accounts (a HolbooAccountManager, loaded at start-up), the application
 * actions and the keyboard accelerators. Windows get their settings and
 * the accounts passed in, so a test can build one with its own.
 */
#define G_LOG_DOMAIN "holboo-application"

#include "config.h"

#include "holboo-application.h"

#include <glib/gi18n.h>

#include "holboo-account-manager.h"
#include "holboo-address.h"
#include "holboo-data-dir.h"
#include "holboo-window.h"

struct _HolbooApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;
  char                 *data_dir;
  GError               *data_dir_error;
  HolbooAccountManager *accounts;
};

G_DEFINE_FINAL_TYPE (HolbooApplication, holboo_application, ADW_TYPE_APPLICATION)

/* Every key the code reads: a stale installed schema that lacks one would
 * make GSettings abort, so it is checked up front like a missing schema. */
static const char * const settings_keys[] = {
  "window-width",
  "window-height",
  "window-maximized",
  "last-page",
  "work-hours",
  "work-breaks",
  "work-holidays",
  "work-time-zone",
  "mode",
  "mode-until",
  "mode-chosen-people",
  "auto-reply",
  "auto-reply-text-mn",
  "auto-reply-text-en",
  "team-domains",
  NULL
};

static void
on_quit_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HolbooApplication *self = HOLBOO_APPLICATION (user_data);
  GList *windows = NULL;

  /* Close rather than destroy, so each window saves its state; the
   * application ends when the last one is gone. Closing changes the
   * application's list, so walk a copy. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
on_about_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HolbooApplication *self = HOLBOO_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-icon", APPLICATION_ID,
                        /* TRANSLATORS: the application name, as in the window title. */
                        "application-name", _("Holboo"),
                        "developer-name", _("The Holboo developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Calls, chat and meetings for office teams, with one shared history for each customer."),
                        "website", "https://github.com/holboo/holboo",
                        "issue-url", "https://github.com/holboo/holboo/issues",
                        "copyright", "© 2026 The Holboo developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* TRANSLATORS: replace with your names, one per line, e.g. "Name <email>". */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* A notification was clicked: the window, on the Chats page, at the
 * conversation — if the account is still the one the page shows. */
static void
on_open_conversation_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  HolbooApplication *self = HOLBOO_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *account_jid, *target;
  g_autofree char *peer = NULL;
  HolbooChatsPage *page;
  HolbooAccount *account;

  /* Reachable over D-Bus: the target is bad input until checked. */
  g_variant_get (parameter, "(&s&s)", &account_jid, &target);
  peer = holboo_address_normalize (target, NULL);
  if (peer == NULL)
    {
      g_message ("Not opening a conversation with “%s”: not an address", target);
      return;
    }
  if (!HOLBOO_IS_WINDOW (window))
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (!HOLBOO_IS_WINDOW (window))
        return;
    }
  gtk_window_present (window);
  page = holboo_window_get_chats_page (HOLBOO_WINDOW (window));
  account = holboo_chats_page_get_account (page);
  if (account == NULL || g_strcmp0 (holboo_account_get_jid (account), account_jid) != 0)
    {
      g_message ("A notification of %s, which is not open; showing the chats", account_jid);
      account = NULL;
    }
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-page", g_variant_new_string ("chats"));
  if (account != NULL)
    holboo_chats_page_open_conversation (page, peer);
}

static const GActionEntry app_entries[] = {
  { .name = "quit", .activate = on_quit_action },
  { .name = "about", .activate = on_about_action },
  { .name = "open-conversation", .activate = on_open_conversation_action, .parameter_type = "(ss)" },
};

static void
holboo_application_set_accels (HolbooApplication *self)
{
  GtkApplication *app = GTK_APPLICATION (self);
  const char * const *pages = holboo_window_get_page_names ();

  gtk_application_set_accels_for_action (app, "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (app, "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (app, "win.show-accounts",
                                         (const char *[]) { "<Control>comma", NULL });

  /* Alt+1 … Alt+7, in sidebar order: the GNOME convention for "go to the
   * n-th view", and free of the Ctrl+digit that text widgets may want. */
  for (guint i = 0; pages[i] != NULL && i < 9; i++)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);

      gtk_application_set_accels_for_action (app, action,
                                             (const char *[]) { accel, NULL });
    }
}

static void
on_accounts_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* What could be read is loaded; the registry said what it skipped. */
  if (!holboo_account_manager_load_finish (HOLBOO_ACCOUNT_MANAGER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Accounts: %s", error->message);
}

static int
holboo_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  /* Without its schema GSettings would abort the process: say instead
   * what is missing and how to fix it. */
  if (!holboo_application_check_schema (&error))
    {
      g_printerr ("holboo: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return G_APPLICATION_CLASS (holboo_application_parent_class)->handle_local_options (application, options);
}

static void
holboo_application_startup (GApplication *application)
{
  HolbooApplication *self = HOLBOO_APPLICATION (application);

  G_APPLICATION_CLASS (holboo_application_parent_class)->startup (application);

  self->settings = g_settings_new (SCHEMA_ID);

  /* An unusable data directory must not stop the app: the window opens
   * and says what is wrong. */
  self->data_dir = holboo_data_dir_ensure (&self->data_dir_error);
  if (self->data_dir == NULL)
    g_message ("Data directory unusable: %s", self->data_dir_error->message);
  else
    {
      self->accounts = holboo_account_manager_new (self->data_dir);
      holboo_account_manager_load_async (self->accounts, NULL, on_accounts_loaded, NULL);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  holboo_application_set_accels (self);
}

static void
holboo_application_activate (GApplication *application)
{
  HolbooApplication *self = HOLBOO_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (holboo_window_new (self, self->settings, self->accounts));
      if (self->data_dir_error != NULL)
        holboo_window_show_storage_error (HOLBOO_WINDOW (window), self->data_dir_error);
    }

  gtk_window_present (window);
}

static void
holboo_application_shutdown (GApplication *application)
{
  HolbooApplication *self = HOLBOO_APPLICATION (application);

  /* Sign out cleanly; what was typed is written before the stores close. */
  g_clear_object (&self->accounts);

  G_APPLICATION_CLASS (holboo_application_parent_class)->shutdown (application);
}

static void
holboo_application_finalize (GObject *object)
{
  HolbooApplication *self = HOLBOO_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_error (&self->data_dir_error);

  G_OBJECT_CLASS (holboo_application_parent_class)->finalize (object);
}

static void
holboo_application_class_init (HolbooApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = holboo_application_finalize;
  app_class->handle_local_options = holboo_application_handle_local_options;
  app_class->startup = holboo_application_startup;
  app_class->activate = holboo_application_activate;
  app_class->shutdown = holboo_application_shutdown;
}

static void
holboo_application_init (HolbooApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "version", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Show the version and exit"), NULL);
}

HolbooApplication *
holboo_application_new (void)
{
  return g_object_new (HOLBOO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * holboo_application_check_schema:
 *
 * Checks that the settings schema is installed and has every key Holboo
 * reads, before anything asks GSettings for it.
 *
 * Returns: %TRUE if it is; otherwise %FALSE with @error saying what is
 *   missing, where it was looked for and how to fix it
 */
gboolean
holboo_application_check_schema (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *schema_dir = g_getenv ("GSETTINGS_SCHEMA_DIR");

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);

  if (schema == NULL && schema_dir != NULL && *schema_dir != '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* TRANSLATORS: the first %s is a schema id, the second a directory. */
                   _("The settings schema “%s” is not installed: it is neither in "
                     "GSETTINGS_SCHEMA_DIR (%s) nor in the system’s schema directories. "
                     "Install Holboo (“meson install”), or to run it from a build "
                     "directory, set GSETTINGS_SCHEMA_DIR to that build’s “data” directory."),
                   SCHEMA_ID, schema_dir);
      return FALSE;
    }

  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* TRANSLATORS: %s is a schema id. */
                   _("The settings schema “%s” is not installed. "
                     "Install Holboo (“meson install”), or to run it from a build "
                     "directory, set GSETTINGS_SCHEMA_DIR to that build’s “data” directory."),
                   SCHEMA_ID);
      return FALSE;
    }

  for (guint i = 0; settings_keys[i] != NULL; i++)
    {
      if (!g_settings_schema_has_key (schema, settings_keys[i]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       /* TRANSLATORS: the first %s is a schema id, the second a key name. */
                       _("The settings schema “%s” is out of date: it has no key “%s”. "
                         "Install this version of Holboo again, or recompile the schemas "
                         "with glib-compile-schemas."),
                       SCHEMA_ID, settings_keys[i]);
          return FALSE;
        }
    }

  return TRUE;
}
