/* holboo-cli-customers.c: `holboo-cli customer list|show|export` — the
 * team's customers as the local store holds them, for scripts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads open the account's store directly (no password, no network):
 * they show what the last sync brought.  list and show print one JSON
 * object a line; export writes CSV that `customer import` reads back.
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "holboo-account-customers.h"
#include "holboo-account-registry.h"
#include "holboo-cli.h"
#include "holboo-customer-csv.h"
#include "holboo-phone.h"

static void
add_lines (JsonBuilder *builder,
           const char  *member,
           const char  *lines)
{
  g_auto(GStrv) values = g_strsplit (lines != NULL ? lines : "", "\n", -1);

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    if (*values[i] != '\0')
      json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autofree char *text = time != NULL ? g_date_time_format_iso8601 (time) : NULL;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_customer (HolbooStoredCustomer *customer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *tags = g_strjoinv ("\n", customer->tags);

  json_builder_begin_object (builder);
  add_string (builder, "type", "customer");
  add_string (builder, "uuid", customer->uuid);
  add_string (builder, "name", customer->name);
  add_string (builder, "company", customer->company);
  add_lines (builder, "phones", customer->phones);
  add_lines (builder, "emails", customer->emails);
  add_lines (builder, "xmpp", customer->xmpp);
  add_lines (builder, "tags", tags);
  add_string (builder, "owner", customer->owner);
  add_string (builder, "created_by", customer->created_by);
  add_time (builder, "created_at", customer->created_at);
  json_builder_end_object (builder);
  holboo_cli_print_object (builder);
}

static void
print_event (HolbooCustomerEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_string (builder, "type", "event");
  add_string (builder, "uuid", event->uuid);
  add_string (builder, "kind", event->kind_name);
  add_time (builder, "at", event->at);
  add_string (builder, "author", event->author);
  add_string (builder, "body", event->body);
  add_string (builder, "data", event->data);
  json_builder_end_object (builder);
  holboo_cli_print_object (builder);
}

/* The account's store, or NULL: *@status says why (0: there is none
 * yet, nothing to show). */
static HolbooStore *
open_store (HolbooCli *cli,
            int       *status)
{
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  HolbooStore *store;

  *status = HOLBOO_CLI_EXIT_OK;
  config = holboo_cli_pick_account (cli, &error);
  if (config == NULL)
    {
      *status = holboo_cli_fail (cli, g_steal_pointer (&error));
      return NULL;
    }
  path = holboo_account_registry_dup_store_path (cli->registry, config);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;  /* never synced: no customers yet */
  store = holboo_store_new (path, NULL, &error);
  if (store == NULL)
    *status = holboo_cli_fail (cli, g_steal_pointer (&error));
  return store;
}

/* Every customer matching, page by page. */
static GPtrArray *
search_all (HolbooStore  *store,
            const char   *text,
            const char   *tag,
            guint         limit,
            GError      **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_customer_free);
  g_autofree char *digits = holboo_customer_phone_digits (text);
  g_autofree char *key = NULL;
  HolbooCustomerCursor after = { 0 };

  for (;;)
    {
      HolbooCustomerQuery query = {
        .text = text, .phone_digits = digits, .tag = tag,
        .after = all->len > 0 ? &after : NULL,
        .limit = MIN (1000, limit - all->len),
      };
      g_autoptr(GPtrArray) page = holboo_store_search_customers (store, &query, error);
      HolbooStoredCustomer *last;

      if (page == NULL)
        return NULL;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_steal_pointer (&page->pdata[i]));
      if (page->len < query.limit || all->len >= limit)
        return g_steal_pointer (&all);
      last = all->pdata[all->len - 1];
      g_free (key);
      key = holboo_stored_customer_sort_key (last);
      after.key = key;
      after.id = last->id;
    }
}

int
holboo_cli_customer_list (HolbooCli  *cli,
                          int         argc,
                          char      **argv)
{
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;
  g_autofree char *tag = NULL;
  int limit = 1000;
  int status;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only customers matching TEXT (name, company, number, address, tag, note)"), N_("TEXT") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only customers with TAG"), N_("TAG") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N customers (default 1000)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, NULL,
                         _("List the team’s customers (by name; with --search, newest first), one JSON object a line."),
                         &argc, &argv, &status))
    return status;
  if (argc != 1)
    return holboo_cli_usage (cli, _("“customer list” takes no arguments"));
  if (limit <= 0)
    return holboo_cli_usage (cli, _("The limit must be a positive number"));

  store = open_store (cli, &status);
  if (store == NULL)
    return status;
  customers = search_all (store, search, tag, (guint) limit, &error);
  if (customers == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  for (guint i = 0; i < customers->len; i++)
    print_customer (customers->pdata[i]);
  return HOLBOO_CLI_EXIT_OK;
}

/* The customer @what names: a uuid, or one of their numbers or
 * addresses. */
static HolbooStoredCustomer *
find_customer (HolbooStore  *store,
               const char   *what,
               GError      **error)
{
  g_autofree char *uuid = NULL;
  HolbooStoredCustomer *customer;

  if (g_uuid_string_is_valid (what))
    uuid = g_ascii_strdown (what, -1);
  else if (strchr (what, '@') != NULL)
    {
      g_autofree char *address = g_utf8_strdown (what, -1);

      uuid = holboo_store_find_customer (store, HOLBOO_CUSTOMER_HANDLE_XMPP, address, error);
      if (uuid == NULL && (error == NULL || *error == NULL))
        uuid = holboo_store_find_customer (store, HOLBOO_CUSTOMER_HANDLE_EMAIL, address, error);
    }
  else
    {
      g_autofree char *number = holboo_phone_normalize (what, NULL, NULL);

      if (number != NULL)
        uuid = holboo_store_find_customer (store, HOLBOO_CUSTOMER_HANDLE_PHONE, number, error);
    }
  if (error != NULL && *error != NULL)
    return NULL;
  customer = uuid != NULL ? holboo_store_load_customer (store, uuid, error) : NULL;
  if (customer == NULL && (error == NULL || *error == NULL))
    g_set_error (error, HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_NOT_FOUND,
                 _("No customer is “%s”"), what);
  return customer;
}

int
holboo_cli_customer_show (HolbooCli  *cli,
                          int         argc,
                          char      **argv)
{
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(HolbooStoredCustomer) customer = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  int limit = 50;
  int status;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N timeline entries (default 50)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("UUID|NUMBER|ADDRESS"),
                         _("Show a customer, then their timeline, newest first, one JSON object a line."),
                         &argc, &argv, &status))
    return status;
  if (argc != 2)
    return holboo_cli_usage (cli, _("“customer show” takes a customer’s id, number or address"));
  if (limit < 0)
    return holboo_cli_usage (cli, _("The limit must be a positive number"));

  store = open_store (cli, &status);
  if (store == NULL && status != HOLBOO_CLI_EXIT_OK)
    return status;
  if (store == NULL)
    return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_NOT_FOUND,
                                              _("No customer is “%s”"), argv[1]));
  customer = find_customer (store, argv[1], &error);
  if (customer == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  print_customer (customer);
  events = holboo_store_load_customer_events (store, customer->uuid, NULL, (guint) limit, &error);
  if (events == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  for (guint i = 0; i < events->len && limit > 0; i++)
    print_event (events->pdata[i]);
  return HOLBOO_CLI_EXIT_OK;
}

int
holboo_cli_customer_export (HolbooCli  *cli,
                            int         argc,
                            char      **argv)
{
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *search = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  int status;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only customers matching TEXT"), N_("TEXT") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only customers with TAG"), N_("TAG") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of the standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, NULL,
                         _("Write the customers as CSV (UTF-8): name, company, phones, emails, xmpp, tags, "
                           "and each one’s newest note."),
                         &argc, &argv, &status))
    return status;
  if (argc != 1)
    return holboo_cli_usage (cli, _("“customer export” takes no arguments"));

  store = open_store (cli, &status);
  if (store == NULL && status != HOLBOO_CLI_EXIT_OK)
    return status;
  if (store != NULL)
    {
      customers = search_all (store, search, tag, G_MAXUINT, &error);
      if (customers == NULL)
        return holboo_cli_fail (cli, g_steal_pointer (&error));
      for (guint i = 0; i < customers->len; i++)
        {
          HolbooStoredCustomer *customer = customers->pdata[i];
          g_autoptr(HolbooCustomerEvent) note = holboo_store_load_latest_note (store, customer->uuid, &error);

          if (error != NULL)
            return holboo_cli_fail (cli, g_steal_pointer (&error));
          g_ptr_array_add (notes, note != NULL ? g_steal_pointer (&note->body) : NULL);
        }
    }
  else
    customers = g_ptr_array_new ();

  csv = holboo_customer_csv_write (customers, notes);
  if (out == NULL)
    {
      fputs (csv, stdout);
      return HOLBOO_CLI_EXIT_OK;
    }
  if (!g_file_set_contents (out, csv, -1, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  return HOLBOO_CLI_EXIT_OK;
}
