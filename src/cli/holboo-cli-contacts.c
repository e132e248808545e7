/* holboo-cli-contacts.c: contact add
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-account-contacts.h"
#include "holboo-cli.h"

int
holboo_cli_contact_add (HolbooCli  *cli,
                        int         argc,
                        char      **argv)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean ok;
  int status;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The name to show for the contact"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("JID"), _("Add JID to the account's contacts."), &argc, &argv, &status))
    return status;
  if (argc != 2)
    return holboo_cli_usage (cli, _("“contact add” takes one address"));

  account = holboo_cli_open_account (cli, &error);
  if (account == NULL || !holboo_cli_connect_account (account, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  holboo_account_add_contact_async (account, argv[1], name, NULL, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  ok = holboo_account_add_contact_finish (account, result, &error);
  holboo_account_disconnect (account);
  if (!ok)
    {
      if (g_error_matches (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS))
        {
          g_autofree char *message = g_strdup (error->message);

          return holboo_cli_usage (cli, message);
        }
      return holboo_cli_fail (cli, g_steal_pointer (&error));
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "added");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  else
    {
      g_print (_("Added %s to the contacts of %s\n"), argv[1], holboo_account_get_jid (account));
    }
  return HOLBOO_CLI_EXIT_OK;
}
