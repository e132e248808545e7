/* holboo-cli-customers-write.c: `holboo-cli customer add|note|import` —
 * customers from a web form, a PBX hook or a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything given is checked before anything is written: a bad number,
 * a CSV file with broken quoting or in another encoding is refused with
 * the line it is on (exit 9), and the store is not touched.  What is
 * valid goes through the team log: applied to the account's store at
 * once, then — when the account is in a team — sent, and the command
 * waits until the team's log has it (--timeout).  Outside a team the
 * ops wait in the outbox for the team to exist.
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "holboo-account-customers.h"
#include "holboo-account-teamlog.h"
#include "holboo-cli.h"
#include "holboo-customer-csv.h"

static int
invalid (HolbooCli    *cli,
         const GError *error)
{
  return holboo_cli_fail (cli, g_error_new_literal (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_INVALID_INPUT,
                                                    error->message));
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Applies @ops through the account's team log and, in a team, waits
 * until the log has them.  Prints one line: the customers' uuids and
 * whether the ops are still pending. */
static int
save (HolbooCli  *cli,
      GPtrArray  *ops,
      GStrv       customers,
      int         timeout)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean timed_out = FALSE;
  gboolean in_team;
  guint timeout_id;

  account = holboo_cli_open_account (cli, &error);
  if (account == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  holboo_account_save_customer_async (account, ops, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  if (!holboo_account_save_customer_finish (account, result, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  g_clear_object (&result);

  in_team = holboo_account_get_team_room (account) != NULL;
  if (in_team)
    {
      if (!holboo_cli_connect_account (account, &error))
        return holboo_cli_fail (cli, g_steal_pointer (&error));
      timeout_id = g_timeout_add_seconds ((guint) timeout, on_timeout, &timed_out);
      holboo_account_sync_teamlog_async (account, NULL, holboo_cli_store_result, &result);
      while (result == NULL && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      if (timed_out)
        {
          holboo_account_disconnect (account);
          return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_TIMED_OUT,
                                                    _("Saved here, but the team’s log did not confirm it within %d s; "
                                                      "it is sent at the next sync"), timeout));
        }
      g_source_remove (timeout_id);
      if (!holboo_account_sync_teamlog_finish (account, result, &error))
        {
          holboo_account_disconnect (account);
          return holboo_cli_fail (cli, g_steal_pointer (&error));
        }
      holboo_account_disconnect (account);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "customers");
  json_builder_begin_array (builder);
  for (guint i = 0; customers[i] != NULL; i++)
    json_builder_add_string_value (builder, customers[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "ops");
  json_builder_add_int_value (builder, ops->len);
  json_builder_set_member_name (builder, "pending");
  json_builder_add_int_value (builder, holboo_account_get_teamlog_pending (account));
  json_builder_end_object (builder);
  holboo_cli_print_object (builder);
  return HOLBOO_CLI_EXIT_OK;
}

static char *
join_values (char **values)
{
  return values != NULL && values[0] != NULL ? g_strjoinv ("\n", values) : NULL;
}

int
holboo_cli_customer_add (HolbooCli  *cli,
                         int         argc,
                         char      **argv)
{
  g_autoptr(HolbooCustomerDraft) draft = holboo_customer_draft_new ();
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) phones = NULL, emails = NULL, xmpp = NULL, tags = NULL;
  g_autofree char *name = NULL, *company = NULL, *note = NULL;
  const char *customers[2] = { NULL, NULL };
  int timeout = 60;
  int status;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The customer’s name (required)"), N_("NAME") },
    { "company", 0, 0, G_OPTION_ARG_STRING, &company, N_("Their company"), N_("COMPANY") },
    { "phone", 0, 0, G_OPTION_ARG_STRING_ARRAY, &phones, N_("A phone number (again for more)"), N_("NUMBER") },
    { "email", 0, 0, G_OPTION_ARG_STRING_ARRAY, &emails, N_("An e-mail address (again for more)"), N_("ADDRESS") },
    { "xmpp", 0, 0, G_OPTION_ARG_STRING_ARRAY, &xmpp, N_("A chat (XMPP) address (again for more)"), N_("JID") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag (again for more)"), N_("TAG") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A first note"), N_("TEXT") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Wait at most S seconds for the team’s log (default 60)"), N_("S") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, NULL, _("Add a customer for the whole team."), &argc, &argv, &status))
    return status;
  if (argc != 1 || timeout <= 0)
    return holboo_cli_usage (cli, _("“customer add” takes options only; see --help"));
  if (name == NULL)
    return holboo_cli_usage (cli, _("A customer needs a name: --name NAME"));

  draft->name = g_strdup (name);
  draft->company = g_strdup (company);
  draft->phones = join_values (phones);
  draft->emails = join_values (emails);
  draft->xmpp = join_values (xmpp);
  draft->tags = g_strdupv (tags);
  draft->note = g_strdup (note);
  if (!holboo_customer_draft_normalize (draft, &error))
    return invalid (cli, error);
  ops = holboo_customer_draft_create_ops (draft, NULL);
  customers[0] = ((HolbooTeamlogOp *) ops->pdata[0])->customer;
  return save (cli, ops, (GStrv) customers, timeout);
}

/* The uuid of the customer @what names (a uuid, a number, an address). */
static char *
find_customer (HolbooAccount  *account,
               const char     *what,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (g_uuid_string_is_valid (what))
    {
      g_autoptr(HolbooStoredCustomer) customer = NULL;

      holboo_account_load_customer_async (account, what, NULL, holboo_cli_store_result, &result);
      holboo_cli_wait (&result);
      customer = holboo_account_load_customer_finish (account, result, error);
      return customer != NULL ? g_strdup (customer->uuid) : NULL;
    }
  else
    {
      g_autoptr(HolbooCustomerMatch) match = NULL;
      GError *local_error = NULL;

      holboo_account_match_customer_async (account, what, NULL, holboo_cli_store_result, &result);
      holboo_cli_wait (&result);
      match = holboo_account_match_customer_finish (account, result, &local_error);
      if (match != NULL)
        return g_strdup (match->customer->uuid);
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }
}

int
holboo_cli_customer_note (HolbooCli  *cli,
                          int         argc,
                          char      **argv)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  const char *customers[2] = { NULL, NULL };
  HolbooTeamlogOp *op;
  int timeout = 60;
  int status;
  GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Wait at most S seconds for the team’s log (default 60)"), N_("S") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("UUID|NUMBER|ADDRESS TEXT"),
                         _("Add a note to a customer’s timeline, for the whole team."), &argc, &argv, &status))
    return status;
  if (argc != 3 || timeout <= 0)
    return holboo_cli_usage (cli, _("“customer note” takes a customer’s id, number or address, and the text"));

  /* Found first, in the store as it is. */
  account = holboo_cli_open_account (cli, &error);
  if (account == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  uuid = find_customer (account, argv[1], &error);
  g_clear_object (&account);
  if (uuid == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return holboo_cli_fail (cli, g_steal_pointer (&error));
      return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_NOT_FOUND,
                                                _("No customer is “%s”"), argv[1]));
    }
  op = holboo_customer_note_op (uuid, argv[2], &error);
  if (op == NULL)
    return invalid (cli, error);
  g_ptr_array_add (ops, op);
  customers[0] = uuid;
  return save (cli, ops, (GStrv) customers, timeout);
}

int
holboo_cli_customer_import (HolbooCli  *cli,
                            int         argc,
                            char      **argv)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  int timeout = 120;
  int status;
  GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Wait at most S seconds for the team’s log (default 120)"), N_("S") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("FILE.csv"),
                         _("Import customers from a CSV file (UTF-8; a first line naming the columns: name, "
                           "company, phones, emails, xmpp, tags, note). Nothing is imported if any line is wrong."),
                         &argc, &argv, &status))
    return status;
  if (argc != 2 || timeout <= 0)
    return holboo_cli_usage (cli, _("“customer import” takes one CSV file"));

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  drafts = holboo_customer_csv_parse (contents, length, &error);
  if (drafts == NULL)
    {
      g_autoptr(GError) named = g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_INVALID_INPUT,
                                             "%s: %s", argv[1], error->message);

      return holboo_cli_fail (cli, g_steal_pointer (&named));
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      g_autoptr(GPtrArray) some = holboo_customer_draft_create_ops (drafts->pdata[i], NULL);

      g_ptr_array_add (customers, g_strdup (((HolbooTeamlogOp *) some->pdata[0])->customer));
      for (guint k = 0; k < some->len; k++)
        g_ptr_array_add (ops, g_steal_pointer (&some->pdata[k]));
    }
  g_ptr_array_add (customers, NULL);
  return save (cli, ops, (GStrv) customers->pdata, timeout);
}
