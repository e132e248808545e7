/* holboo-cli.c: holboo-cli's entry point, global options and dispatch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "holboo-cli.h"
#include "holboo-account-open.h"
#include "holboo-data-dir.h"

G_DEFINE_QUARK (holboo-cli-error-quark, holboo_cli_error)

typedef struct {
  const char *name;
  const char *sub;  /* second word, or NULL */
  int (*run) (HolbooCli *cli, int argc, char **argv);
} Command;

static const Command commands[] = {
  { "account", "add", holboo_cli_account_add },
  { "account", "list", holboo_cli_account_list },
  { "account", "remove", holboo_cli_account_remove },
  { "send", NULL, holboo_cli_send },
  { "sync", NULL, holboo_cli_sync },
  { "history", NULL, holboo_cli_history },
  { "wait-message", NULL, holboo_cli_wait_message },
  { "status", NULL, holboo_cli_status },
  { "card", "publish", holboo_cli_card_publish },
  { "card", "get", holboo_cli_card_get },
  { "card", "qr", holboo_cli_card_qr },
  { "contact", "add", holboo_cli_contact_add },
  { "mode", "show", holboo_cli_mode_show },
  { "mode", "set", holboo_cli_mode_set },
  { "customer", "list", holboo_cli_customer_list },
  { "customer", "show", holboo_cli_customer_show },
  { "customer", "export", holboo_cli_customer_export },
  { "call", NULL, holboo_cli_call },
  { "answer", NULL, holboo_cli_answer },
  { "customer", "add", holboo_cli_customer_add },
  { "customer", "note", holboo_cli_customer_note },
  { "customer", "import", holboo_cli_customer_import },
};

static char *
help_text (void)
{
  GString *text = g_string_new (NULL);

  g_string_append (text, _("Commands:\n"
    "  account add JID [--host H] [--port P] [--transport starttls|direct-tls|websocket]\n"
    "                  [--websocket-url URL] [--password-file FILE]\n"
    "      Add an account. The password comes from --password-file, from\n"
    "      HOLBOO_PASSWORD, or from a prompt, and is kept in the Secret Service.\n"
    "      Example: holboo-cli account add alice@example.org --host xmpp.example.org\n"
    "  account list\n"
    "      List the accounts, one JSON object a line.\n"
    "      Example: holboo-cli account list\n"
    "  account remove JID\n"
    "      Forget an account and its password.\n"
    "      Example: holboo-cli account remove alice@example.org\n"
    "  send JID TEXT [--timeout S]\n"
    "      Send a message and wait until the server has it (default 30 s).\n"
    "      Example: holboo-cli send bob@example.org 'Hello'\n"
    "  sync [--timeout S]\n"
    "      Connect and catch up with the server's archive (default 60 s).\n"
    "      Example: holboo-cli --account alice@example.org sync\n"
    "  history JID [--json] [--limit N]\n"
    "      Show the newest N messages with JID from the local store.\n"
    "      Example: holboo-cli history bob@example.org --json --limit 20\n"
    "  wait-message --from JID --timeout S\n"
    "      Wait for the next message from JID that is not stored yet, and print it.\n"
    "      Example: holboo-cli wait-message --from bob@example.org --timeout 30\n"
    "  status\n"
    "      Connect and report the connection's state.\n"
    "      Example: holboo-cli status --json\n"));
  g_string_append (text, _("  customer list [--search TEXT] [--tag TAG] [--limit N]\n"
    "      List the team’s customers (by name; with --search, newest first), one JSON object a line.\n"
    "      Example: holboo-cli customer list --search 9911\n"
    "  customer show UUID|NUMBER|ADDRESS [--limit N]\n"
    "      Show a customer and their timeline, newest first, as JSON lines.\n"
    "      Example: holboo-cli customer show +97699112233\n"
    "  customer export [--search TEXT] [--tag TAG] [--out FILE]\n"
    "      Write customers as CSV (UTF-8) that “customer import” reads back.\n"
    "      Example: holboo-cli customer export --tag vip --out vip.csv\n"
    "  customer add --name NAME [--company C] [--phone N]… [--email E]… [--xmpp JID]…\n"
    "               [--tag T]… [--note TEXT] [--timeout S]\n"
    "      Add a customer for the whole team (through the team log).\n"
    "      Example: holboo-cli customer add --name 'Бат' --phone '9911 2233' --tag vip\n"
    "  customer note UUID|NUMBER|ADDRESS TEXT [--timeout S]\n"
    "      Add a note to a customer’s timeline.\n"
    "      Example: holboo-cli customer note +97699112233 'Called about the invoice'\n"
    "  customer import FILE.csv [--timeout S]\n"
    "      Import customers from CSV (UTF-8); nothing is imported if a line is wrong.\n"
    "      Example: holboo-cli customer import customers.csv\n"));
  g_string_append (text, _("  card publish FILE.vcf [--access presence|open]\n"
    "      Publish your business card; by default only your contacts may read it.\n"
    "      Example: holboo-cli card publish me.vcf\n"
    "  card get JID [--with-photo]\n"
    "      Fetch a business card and print it as a vCard.\n"
    "      Example: holboo-cli card get bob@example.org > bob.vcf\n"
    "  card qr --out FILE.png [--vcf FILE]\n"
    "      Write your card (or the one in FILE) as a QR code to scan with a phone.\n"
    "      Example: holboo-cli card qr --out card.png\n"));
  g_string_append (text, _("  contact add JID [--name NAME]\n"
    "      Add JID to your contacts (and so to the Team page, when on your server).\n"
    "      Example: holboo-cli contact add bob@example.org --name 'Bob'\n"));
  g_string_append (text, _("  mode show\n"
    "      Show the mode (work, personal or dnd), who set it and until when.\n"
    "      Example: holboo-cli mode show --json\n"
    "  mode set work|personal|dnd|auto [--until TIME]\n"
    "      Switch the mode by hand until TIME (15:00, 90m, 2h, 2026-11-24T09:00), by\n"
    "      default until the work hours next begin or end; “auto” follows them again.\n"
    "      The running app follows at once. Example: holboo-cli mode set dnd --until 2h\n"
    "\n"));
  g_string_append (text, _("  call JID [--video] [--timeout S] [--duration S] [--test-tone HZ]\n"
    "           [--expect-tone HZ] [--relay-only]\n"
    "      Place a test call: every device of JID rings; once answered, stay S\n"
    "      seconds (default 5), then hang up; exit status 6 when nobody answers.\n"
    "      One JSON object a line per event:\n"
    "      status changes, media figures (setup time, ICE candidate types,\n"
    "      packets lost), how it ended, the tone heard.\n"
    "      Example: holboo-cli call bob@example.org --test-tone 440 --expect-tone 660\n"
    "  answer [--timeout S] [--duration S] [--test-tone HZ] [--expect-tone HZ]\n"
    "      Wait for the next incoming call (default 30 s) and answer it.\n"
    "      Example: holboo-cli answer --test-tone 660 --expect-tone 440\n"
    "      Devices: HOLBOO_AUDIO_SOURCE, HOLBOO_AUDIO_SINK, HOLBOO_VIDEO_SOURCE and\n"
    "      HOLBOO_VIDEO_SINK replace them (gst-launch syntax).\n"
    "\n"));
  g_string_append (text, _("Global options (before or after the command):\n"
    "  --account JID     the account to use (default: the first one)\n"
    "  --data-dir DIR    where accounts and stores live (default: $HOLBOO_DATA_DIR,\n"
    "                    else $XDG_DATA_HOME/holboo)\n"
    "  --ca-file FILE    trust the certificate authorities in FILE instead of the system's\n"
    "                    (“account add” remembers it with the account)\n"
    "  --json            machine-readable output: one JSON object a line\n"
    "\n"
    "When there is no Secret Service, set HOLBOO_PASSWORD at each run.\n"
    "\n"));
  g_string_append (text, _("Exit status:\n"
    "  0 success\n"
    "  1 failure\n"
    "  2 usage error\n"
    "  3 authentication failed\n"
    "  4 cannot reach the server (not found, refused, timed out)\n"
    "  5 the server's certificate is not trusted\n"
    "  6 timed out (wait-message, send, sync)\n"
    "  7 no such account\n"
    "  8 no such customer\n"
    "  9 invalid input (a file or value that cannot be imported; nothing was changed)\n"));
  return g_string_free (text, FALSE);
}

GOptionGroup *
holboo_cli_global_group (HolbooCli *cli)
{
  GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &cli->account, N_("The account to use"), N_("JID") },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &cli->data_dir, N_("Where accounts and stores live"), N_("DIR") },
    { "ca-file", 0, 0, G_OPTION_ARG_FILENAME, &cli->ca_file, N_("Trust the certificate authorities in FILE"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("One JSON object a line"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GOptionGroup *group;

  group = g_option_group_new ("global", _("Global options"), _("Show global options"), NULL, NULL);
  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

gboolean
holboo_cli_parse (HolbooCli     *cli,
                  GOptionEntry  *entries,
                  const char    *parameter_string,
                  const char    *summary,
                  int           *argc,
                  char        ***argv,
                  int           *exit_code)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, holboo_cli_global_group (cli));
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = holboo_cli_usage (cli, error->message);
      return FALSE;
    }
  return TRUE;
}

void
holboo_cli_store_result (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Runs the main loop until an operation's callback has stored its result. */
void
holboo_cli_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
holboo_cli_load_registry (HolbooCli  *cli,
                          GError    **error)
{
  g_autofree char *dir = NULL;

  if (cli->registry != NULL)
    return TRUE;
  if (cli->data_dir != NULL)
    g_setenv ("HOLBOO_DATA_DIR", cli->data_dir, TRUE);
  dir = holboo_data_dir_ensure (error);
  if (dir == NULL)
    return FALSE;
  cli->registry = holboo_account_registry_new (dir);
  if (!holboo_account_registry_load (cli->registry, NULL, error))
    {
      g_clear_object (&cli->registry);
      return FALSE;
    }
  return TRUE;
}

HolbooAccountConfig *
holboo_cli_pick_account (HolbooCli  *cli,
                         GError    **error)
{
  g_autoptr(HolbooAccountConfig) first = NULL;
  HolbooAccountConfig *config;

  if (!holboo_cli_load_registry (cli, error))
    return NULL;
  if (cli->account != NULL)
    {
      config = holboo_account_registry_lookup (cli->registry, cli->account);
      if (config == NULL)
        g_set_error (error, HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_NO_ACCOUNT,
                     _("No account “%s”; see “holboo-cli account list”"), cli->account);
      return config != NULL ? g_object_ref (config) : NULL;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (cli->registry)) == 0)
    {
      g_set_error_literal (error, HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_NO_ACCOUNT,
                           _("There is no account; add one with “holboo-cli account add”"));
      return NULL;
    }
  first = g_list_model_get_item (G_LIST_MODEL (cli->registry), 0);
  return g_steal_pointer (&first);
}

char *
holboo_cli_dup_password (HolbooCli            *cli,
                         HolbooAccountConfig  *config,
                         GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *env = g_getenv ("HOLBOO_PASSWORD");
  char *password;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  holboo_account_config_lookup_password_async (config, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  password = holboo_account_config_lookup_password_finish (config, result, &local_error);
  if (password == NULL)
    {
      if (g_error_matches (local_error, HOLBOO_ACCOUNT_CONFIG_ERROR,
                           HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE))
        g_set_error (error, HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_FAILED,
                     _("%s. Pass the password in HOLBOO_PASSWORD at each run."),
                     local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return password;
}

/* Readies @config for this run (nothing is saved): a script wants the
 * first failure, not a retry in N seconds, and --ca-file overrides the
 * account's CA file.  Returns the password. */
char *
holboo_cli_prepare_account (HolbooCli            *cli,
                            HolbooAccountConfig  *config,
                            GError              **error)
{
  HolbooXmppSettings *settings = holboo_account_config_get_settings (config);

  holboo_xmpp_settings_set_auto_reconnect (settings, FALSE);
  if (cli->ca_file != NULL && !holboo_xmpp_settings_set_ca_file (settings, cli->ca_file, error))
    return NULL;
  return holboo_cli_dup_password (cli, config, error);
}

/* Opens the account's store; nothing is sent or fetched until
 * holboo_cli_connect_account(). */
HolbooAccount *
holboo_cli_open_account (HolbooCli  *cli,
                         GError    **error)
{
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *password = NULL;

  config = holboo_cli_pick_account (cli, error);
  if (config == NULL)
    return NULL;
  password = holboo_cli_prepare_account (cli, config, error);
  if (password == NULL)
    return NULL;

  holboo_account_open_async (cli->registry, config, password, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  return holboo_account_open_finish (result, error);
}

/* Connects; the pipeline then sends the outbox and catches up by MAM on
 * its own. */
gboolean
holboo_cli_connect_account (HolbooAccount  *account,
                            GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  holboo_account_connect_async (account, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  return holboo_account_connect_finish (account, result, error);
}

HolbooXmppConnection *
holboo_cli_connect (HolbooCli            *cli,
                    HolbooAccountConfig  *config,
                    GError              **error)
{
  g_autoptr(HolbooXmppSettings) settings = NULL;
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *password = NULL;

  password = holboo_cli_prepare_account (cli, config, error);
  if (password == NULL)
    return NULL;
  settings = holboo_account_config_to_xmpp_settings (config, password);
  holboo_xmpp_settings_set_resource (settings, "holboo-cli");
  connection = holboo_xmpp_connection_new (settings);
  holboo_xmpp_connection_connect_async (connection, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  if (!holboo_xmpp_connection_connect_finish (connection, result, error))
    return NULL;
  return g_steal_pointer (&connection);
}

static void
cli_clear (HolbooCli *cli)
{
  g_clear_pointer (&cli->account, g_free);
  g_clear_pointer (&cli->data_dir, g_free);
  g_clear_pointer (&cli->ca_file, g_free);
  g_clear_object (&cli->registry);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *help = NULL;
  HolbooCli cli = { 0 };
  int status = HOLBOO_CLI_EXIT_USAGE;
  gboolean found = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("holboo-cli");

  help = help_text ();
  context = g_option_context_new (_("COMMAND [ARGUMENTS…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Holboo’s accounts and messages from the command line."));
  g_option_context_set_description (context, help);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_main_group (context, holboo_cli_global_group (&cli));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = holboo_cli_usage (&cli, error->message);
      cli_clear (&cli);
      return status;
    }

  if (argc < 2)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", text);
      cli_clear (&cli);
      return HOLBOO_CLI_EXIT_USAGE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands) && !found; i++)
    {
      const Command *command = &commands[i];

      if (strcmp (argv[1], command->name) != 0)
        continue;
      if (command->sub == NULL)
        {
          found = TRUE;
          status = command->run (&cli, argc - 1, argv + 1);
        }
      else if (argc >= 3 && strcmp (argv[2], command->sub) == 0)
        {
          found = TRUE;
          status = command->run (&cli, argc - 2, argv + 2);
        }
    }

  if (!found)
    {
      g_autofree char *message = g_strdup_printf (_("Unknown command “%s”; see “holboo-cli --help”"),
                                                  argv[1]);

      status = holboo_cli_usage (&cli, message);
    }

  cli_clear (&cli);
  return status;
}
