/* holboo-cli-messages.c: history and status
 *
 * send, sync and wait-message are in holboo-cli-pipeline.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-cli.h"
#include "holboo-jid.h"
#include "holboo-store-messages.h"

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static const char *
state_name (HolbooMessageState state)
{
  switch (state)
    {
    case HOLBOO_MESSAGE_STATE_RECEIVED:  return "received";
    case HOLBOO_MESSAGE_STATE_PENDING:   return "pending";
    case HOLBOO_MESSAGE_STATE_SENT:      return "sent";
    case HOLBOO_MESSAGE_STATE_FAILED:    return "failed";
    case HOLBOO_MESSAGE_STATE_ACKED:     return "acked";
    case HOLBOO_MESSAGE_STATE_DELIVERED: return "delivered";
    case HOLBOO_MESSAGE_STATE_READ:      return "read";
    default:                             return "unknown";
    }
}

static char *
iso_time (gint64 us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("");
}

void
holboo_cli_print_message (HolbooCli           *cli,
                          HolbooStoredMessage *message)
{
  g_autofree char *when = iso_time (message->timestamp);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, message->id);
      add_string_or_null (builder, "peer", message->peer);
      add_string_or_null (builder, "direction",
                          message->direction == HOLBOO_MESSAGE_OUTGOING ? "out" : "in");
      add_string_or_null (builder, "from", message->from_jid);
      add_string_or_null (builder, "to", message->to_jid);
      add_string_or_null (builder, "body", message->body);
      json_builder_set_member_name (builder, "timestamp");
      json_builder_add_int_value (builder, message->timestamp);
      add_string_or_null (builder, "time", when);
      add_string_or_null (builder, "state", state_name (message->state));
      add_string_or_null (builder, "origin_id", message->origin_id);
      add_string_or_null (builder, "stanza_id", message->stanza_id);
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  else
    g_print ("%s %s %s: %s\n", when,
             message->direction == HOLBOO_MESSAGE_OUTGOING ? "→" : "←",
             message->peer, message->body != NULL ? message->body : "");
}

int
holboo_cli_history (HolbooCli  *cli,
                    int         argc,
                    char      **argv)
{
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(HolbooStore) store = NULL;
  g_autoptr(HolbooStoredConversation) conversation = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(HolbooJid) peer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int limit = 50;
  int status;
  GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N messages (default 50)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("JID"),
                         _("Show the newest messages with JID from the local store."),
                         &argc, &argv, &status))
    return status;
  if (argc != 2)
    return holboo_cli_usage (cli, _("“history” takes one address"));
  if (limit <= 0)
    return holboo_cli_usage (cli, _("The limit must be a positive number"));
  peer = holboo_jid_parse (argv[1], -1, &error);
  if (peer == NULL)
    {
      g_autofree char *message = g_strdup (error->message);

      return holboo_cli_usage (cli, message);
    }

  config = holboo_cli_pick_account (cli, &error);
  if (config == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  path = holboo_account_registry_dup_store_path (cli->registry, config);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return HOLBOO_CLI_EXIT_OK;  /* never synced: no history yet */

  store = holboo_store_new (path, NULL, &error);
  if (store == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  conversation = holboo_store_get_conversation (store, holboo_jid_get_bare_string (peer), &error);
  if (conversation == NULL)
    {
      if (error != NULL)
        return holboo_cli_fail (cli, g_steal_pointer (&error));
      return HOLBOO_CLI_EXIT_OK;
    }
  messages = holboo_store_get_messages_before (store, conversation->id, NULL, (guint) limit, &error);
  if (messages == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  for (guint i = 0; i < messages->len; i++)
    holboo_cli_print_message (cli, g_ptr_array_index (messages, i));
  return HOLBOO_CLI_EXIT_OK;
}

static const char *
connection_state_name (HolbooXmppConnectionState state)
{
  switch (state)
    {
    case HOLBOO_XMPP_CONNECTION_STATE_CONNECTING:       return "connecting";
    case HOLBOO_XMPP_CONNECTION_STATE_AUTHENTICATING:   return "authenticating";
    case HOLBOO_XMPP_CONNECTION_STATE_CONNECTED:        return "connected";
    case HOLBOO_XMPP_CONNECTION_STATE_RESUMING:         return "resuming";
    case HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY: return "waiting-to-retry";
    case HOLBOO_XMPP_CONNECTION_STATE_OFFLINE:
    default:                                            return "offline";
    }
}

int
holboo_cli_status (HolbooCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  const char *bound = NULL;
  HolbooJid *jid;
  int status;

  if (!holboo_cli_parse (cli, NULL, NULL, _("Connect and report the connection’s state."),
                         &argc, &argv, &status))
    return status;
  if (argc != 1)
    return holboo_cli_usage (cli, _("“status” takes no arguments"));

  config = holboo_cli_pick_account (cli, &error);
  if (config == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  connection = holboo_cli_connect (cli, config, &error);
  if (connection == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  jid = holboo_xmpp_connection_get_bound_jid (connection);
  bound = jid != NULL ? holboo_jid_to_string (jid) : NULL;
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string_or_null (builder, "account", holboo_account_config_get_jid (config));
      add_string_or_null (builder, "state",
                          connection_state_name (holboo_xmpp_connection_get_state (connection)));
      add_string_or_null (builder, "bound_jid", bound);
      add_string_or_null (builder, "mechanism", holboo_xmpp_connection_get_mechanism (connection));
      json_builder_set_member_name (builder, "stream_management");
      json_builder_add_boolean_value (builder, holboo_xmpp_connection_get_sm_enabled (connection));
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  else
    g_print (_("%s: connected as %s (%s)\n"), holboo_account_config_get_jid (config),
             bound != NULL ? bound : "?", holboo_xmpp_connection_get_mechanism (connection));
  holboo_xmpp_connection_disconnect (connection);
  return HOLBOO_CLI_EXIT_OK;
}
