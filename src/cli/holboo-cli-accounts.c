/* holboo-cli-accounts.c: account add, account list, account remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "holboo-cli.h"

static const char *
transport_name (HolbooXmppTransportKind kind)
{
  switch (kind)
    {
    case HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS:   return "starttls";
    case HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS: return "direct-tls";
    case HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET:  return "websocket";
    case HOLBOO_XMPP_TRANSPORT_KIND_AUTO:
    default:                                    return "auto";
    }
}

static gboolean
transport_from_name (const char              *name,
                     HolbooXmppTransportKind *out)
{
  for (int kind = HOLBOO_XMPP_TRANSPORT_KIND_AUTO; kind <= HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET; kind++)
    if (g_strcmp0 (name, transport_name (kind)) == 0)
      {
        *out = kind;
        return TRUE;
      }
  return FALSE;
}

/* Reads a line from the terminal without echoing it. */
static char *
prompt_password (const char *jid)
{
  struct termios old, quiet;
  char buffer[1024];
  char *line;

  g_printerr (_("Password for %s: "), jid);
  if (tcgetattr (STDIN_FILENO, &old) != 0)
    return NULL;
  quiet = old;
  quiet.c_lflag &= ~ECHO;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  line = fgets (buffer, sizeof buffer, stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &old);
  g_printerr ("\n");
  if (line == NULL)
    return NULL;
  buffer[strcspn (buffer, "\r\n")] = '\0';
  return g_strdup (buffer);
}

static char *
read_password (const char  *password_file,
               const char  *jid,
               GError     **error)
{
  const char *env = g_getenv ("HOLBOO_PASSWORD");

  if (password_file != NULL)
    {
      g_autofree char *contents = NULL;

      if (!g_file_get_contents (password_file, &contents, NULL, error))
        return NULL;
      contents[strcspn (contents, "\r\n")] = '\0';
      return g_steal_pointer (&contents);
    }
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (isatty (STDIN_FILENO))
    {
      char *password = prompt_password (jid);

      if (password != NULL && *password != '\0')
        return password;
      g_free (password);
    }
  g_set_error_literal (error, HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_USAGE,
                       _("No password: use --password-file FILE, set HOLBOO_PASSWORD, or run on a terminal"));
  return NULL;
}

int
holboo_cli_account_add (HolbooCli  *cli,
                        int         argc,
                        char      **argv)
{
  g_autofree char *host = NULL;
  g_autofree char *transport = NULL;
  g_autofree char *websocket_url = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *password = NULL;
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmppTransportKind kind = HOLBOO_XMPP_TRANSPORT_KIND_AUTO;
  HolbooXmppSettings *settings;
  int port = 0;
  int status;
  GOptionEntry entries[] = {
    { "host", 0, 0, G_OPTION_ARG_STRING, &host, N_("Connect to HOST instead of looking it up"), N_("HOST") },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, N_("Connect to PORT"), N_("PORT") },
    { "transport", 0, 0, G_OPTION_ARG_STRING, &transport, N_("starttls, direct-tls or websocket"), N_("KIND") },
    { "websocket-url", 0, 0, G_OPTION_ARG_STRING, &websocket_url, N_("The WebSocket endpoint (wss://…)"), N_("URL") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file, N_("Read the password from FILE"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("JID"), _("Add an account."), &argc, &argv, &status))
    return status;
  if (argc != 2)
    return holboo_cli_usage (cli, _("“account add” takes one address"));
  if (port < 0 || port > 65535)
    return holboo_cli_usage (cli, _("The port must be between 1 and 65535"));
  if (port != 0 && host == NULL)
    return holboo_cli_usage (cli, _("--port needs --host"));
  if (transport != NULL && !transport_from_name (transport, &kind))
    return holboo_cli_usage (cli, _("The transport must be starttls, direct-tls or websocket"));

  config = holboo_account_config_new (argv[1], &error);
  if (config == NULL)
    {
      g_autofree char *message = g_strdup (error->message);

      return holboo_cli_usage (cli, message);
    }
  settings = holboo_account_config_get_settings (config);
  if (host != NULL || port != 0)
    holboo_xmpp_settings_set_server (settings, host, (guint16) port);
  holboo_xmpp_settings_set_transport (settings, kind);
  if (websocket_url != NULL)
    holboo_xmpp_settings_set_websocket_url (settings, websocket_url);
  /* --ca-file given when adding is remembered with the account. */
  if (cli->ca_file != NULL)
    {
      g_autofree char *ca_file = g_canonicalize_filename (cli->ca_file, NULL);

      if (!holboo_xmpp_settings_set_ca_file (settings, ca_file, &error))
        return holboo_cli_fail (cli, g_steal_pointer (&error));
    }

  if (!holboo_cli_load_registry (cli, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  if (holboo_account_registry_lookup (cli->registry, holboo_account_config_get_jid (config)) != NULL)
    return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_FAILED,
                                              _("There is already an account “%s”"),
                                              holboo_account_config_get_jid (config)));

  password = read_password (password_file, holboo_account_config_get_jid (config), &error);
  if (password == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  if (!holboo_account_registry_add (cli->registry, config, &error) ||
      !holboo_account_registry_save (cli->registry, NULL, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  holboo_account_config_store_password_async (config, password, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  if (!holboo_account_config_store_password_finish (config, result, &error))
    {
      /* The account is saved; only its password has no home. */
      if (!g_error_matches (error, HOLBOO_ACCOUNT_CONFIG_ERROR,
                            HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE))
        return holboo_cli_fail (cli, g_steal_pointer (&error));
      g_printerr ("holboo-cli: %s\n", error->message);
      g_printerr ("holboo-cli: %s\n",
                  _("The account is saved, but its password is not: pass the password in HOLBOO_PASSWORD at each run"));
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "added");
      json_builder_add_string_value (builder, holboo_account_config_get_jid (config));
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  else
    g_print (_("Added %s\n"), holboo_account_config_get_jid (config));
  return HOLBOO_CLI_EXIT_OK;
}

int
holboo_cli_account_list (HolbooCli  *cli,
                         int         argc,
                         char      **argv)
{
  g_autoptr(GError) error = NULL;
  GListModel *model;
  int status;

  if (!holboo_cli_parse (cli, NULL, NULL, _("List the accounts, one JSON object a line."),
                         &argc, &argv, &status))
    return status;
  if (argc != 1)
    return holboo_cli_usage (cli, _("“account list” takes no arguments"));
  if (!holboo_cli_load_registry (cli, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  model = G_LIST_MODEL (cli->registry);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HolbooAccountConfig) config = g_list_model_get_item (model, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      HolbooXmppSettings *settings = holboo_account_config_get_settings (config);
      const char *host = holboo_xmpp_settings_get_host (settings);
      const char *url = holboo_xmpp_settings_get_websocket_url (settings);
      const char *ca_file = holboo_xmpp_settings_get_ca_file (settings);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "jid");
      json_builder_add_string_value (builder, holboo_account_config_get_jid (config));
      json_builder_set_member_name (builder, "host");
      if (host != NULL)
        json_builder_add_string_value (builder, host);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "port");
      json_builder_add_int_value (builder, holboo_xmpp_settings_get_port (settings));
      json_builder_set_member_name (builder, "transport");
      json_builder_add_string_value (builder, transport_name (holboo_xmpp_settings_get_transport (settings)));
      json_builder_set_member_name (builder, "websocket_url");
      if (url != NULL)
        json_builder_add_string_value (builder, url);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "ca_file");
      if (ca_file != NULL)
        json_builder_add_string_value (builder, ca_file);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "enabled");
      json_builder_add_boolean_value (builder, holboo_account_config_get_enabled (config));
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  return HOLBOO_CLI_EXIT_OK;
}

int
holboo_cli_account_remove (HolbooCli  *cli,
                           int         argc,
                           char      **argv)
{
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!holboo_cli_parse (cli, NULL, _("JID"), _("Forget an account and its password."),
                         &argc, &argv, &status))
    return status;
  if (argc != 2)
    return holboo_cli_usage (cli, _("“account remove” takes one address"));
  if (!holboo_cli_load_registry (cli, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  config = holboo_account_registry_lookup (cli->registry, argv[1]);
  if (config == NULL)
    return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_NO_ACCOUNT,
                                              _("No account “%s”; see “holboo-cli account list”"),
                                              argv[1]));
  g_object_ref (config);
  holboo_account_registry_remove (cli->registry, argv[1]);
  if (!holboo_account_registry_save (cli->registry, NULL, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  /* The account is gone either way; a password left behind is harmless
   * but worth a line. */
  holboo_account_config_clear_password_async (config, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  if (!holboo_account_config_clear_password_finish (config, result, &error) &&
      !g_error_matches (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE))
    {
      g_autofree char *message = g_strdup_printf (_("The password was not removed: %s"), error->message);

      g_printerr ("holboo-cli: %s\n", message);
    }

  if (!cli->json)
    g_print (_("Removed %s\n"), holboo_account_config_get_jid (config));
  return HOLBOO_CLI_EXIT_OK;
}
