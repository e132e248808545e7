/* holboo-cli-pipeline.c: send, sync and wait-message, through the
 * account's message pipeline (HolbooAccount)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-account.h"
#include "holboo-cli.h"
#include "holboo-jid.h"

typedef struct {
  gboolean done;
  gboolean timed_out;
} Waiting;

static gboolean
on_timeout (gpointer user_data)
{
  Waiting *waiting = user_data;

  waiting->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @waiting is done or @seconds have passed. */
static void
wait_for (Waiting *waiting,
          guint    seconds)
{
  guint timeout_id = g_timeout_add_seconds (seconds, on_timeout, waiting);

  while (!waiting->done && !waiting->timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!waiting->timed_out)
    g_source_remove (timeout_id);
}

typedef struct {
  Waiting     waiting;
  char       *origin_id;
  gboolean    sm_enabled;
  HolbooMessageState state;
} Sending;

static void
on_message_changed (HolbooAccount       *account,
                    gint64               conversation_id,
                    gint64               id,
                    HolbooStoredMessage *message,
                    gpointer             user_data)
{
  Sending *sending = user_data;

  if (sending->origin_id == NULL || g_strcmp0 (message->origin_id, sending->origin_id) != 0)
    return;
  sending->state = MAX (sending->state, message->state);
  /* Stream management tells when the server has it; without it, written
   * to the stream is all we can know. */
  if (sending->state == HOLBOO_MESSAGE_STATE_FAILED ||
      sending->state >= HOLBOO_MESSAGE_STATE_ACKED ||
      (!sending->sm_enabled && sending->state >= HOLBOO_MESSAGE_STATE_SENT))
    sending->waiting.done = TRUE;
}

int
holboo_cli_send (HolbooCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Sending sending = { { 0 } };
  int timeout = 30;
  int status;
  GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Wait at most S seconds for the server (default 30)"), N_("S") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("JID TEXT"), _("Send a message."), &argc, &argv, &status))
    return status;
  if (argc != 3 || timeout <= 0)
    return holboo_cli_usage (cli, _("“send” takes an address and a text"));

  account = holboo_cli_open_account (cli, &error);
  if (account == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  g_signal_connect (account, "message-added", G_CALLBACK (on_message_changed), &sending);
  g_signal_connect (account, "message-updated", G_CALLBACK (on_message_changed), &sending);
  if (!holboo_cli_connect_account (account, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  sending.sm_enabled = holboo_xmpp_connection_get_sm_enabled (holboo_account_get_connection (account));

  sending.origin_id = holboo_account_send_message (account, argv[1], argv[2], &error);
  if (sending.origin_id == NULL)
    {
      holboo_account_disconnect (account);
      if (g_error_matches (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS) ||
          g_error_matches (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE))
        {
          g_autofree char *message = g_strdup (error->message);

          return holboo_cli_usage (cli, message);
        }
      return holboo_cli_fail (cli, g_steal_pointer (&error));
    }

  /* Until the server has it; on a timeout it stays in the outbox and goes
   * out at the next run that connects. */
  wait_for (&sending.waiting, (guint) timeout);
  g_signal_handlers_disconnect_by_data (account, &sending);
  holboo_account_flush_async (account, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  holboo_account_disconnect (account);
  if (sending.state == HOLBOO_MESSAGE_STATE_FAILED)
    status = holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_FAILED,
                                                _("The server refused the message to %s"), argv[1]));
  else if (!sending.waiting.done)
    status = holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_TIMED_OUT,
                                                _("The server did not confirm the message within %d s; it stays in the outbox and is sent at the next connection"),
                                                timeout));
  else
    status = HOLBOO_CLI_EXIT_OK;
  if (status != HOLBOO_CLI_EXIT_OK)
    {
      g_free (sending.origin_id);
      return status;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sent");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "origin_id");
      json_builder_add_string_value (builder, sending.origin_id);
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  g_free (sending.origin_id);
  return HOLBOO_CLI_EXIT_OK;
}

static gboolean
on_sync_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

int
holboo_cli_sync (HolbooCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id;
  guint n_new = 0;
  int timeout = 60;
  int status;
  GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up after S seconds (default 60)"), N_("S") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, NULL, _("Connect and catch up with the server’s archive."),
                         &argc, &argv, &status))
    return status;
  if (argc != 1 || timeout <= 0)
    return holboo_cli_usage (cli, _("“sync” takes no arguments"));

  account = holboo_cli_open_account (cli, &error);
  if (account == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  timeout_id = g_timeout_add_seconds ((guint) timeout, on_sync_timeout, &timed_out);
  holboo_account_sync_async (account, NULL, holboo_cli_store_result, &result);
  while (result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    {
      holboo_account_disconnect (account);
      return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_TIMED_OUT,
                                                _("The archive was not caught up within %d s"), timeout));
    }
  g_source_remove (timeout_id);
  if (!holboo_account_sync_finish (account, result, &n_new, &error))
    {
      holboo_account_disconnect (account);
      return holboo_cli_fail (cli, g_steal_pointer (&error));
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "synced");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "account");
      json_builder_add_string_value (builder, holboo_account_get_jid (account));
      json_builder_set_member_name (builder, "new_messages");
      json_builder_add_int_value (builder, n_new);
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: caught up, %u new message\n",
                          "%s: caught up, %u new messages\n", n_new),
             holboo_account_get_jid (account), n_new);
  holboo_account_disconnect (account);
  return HOLBOO_CLI_EXIT_OK;
}

typedef struct {
  Waiting              waiting;
  const char          *from;
  HolbooStoredMessage *message;
} WaitMessage;

static void
on_message_added (HolbooAccount       *account,
                  gint64               conversation_id,
                  gint64               id,
                  HolbooStoredMessage *message,
                  gpointer             user_data)
{
  WaitMessage *wait = user_data;

  if (wait->message != NULL || message->direction != HOLBOO_MESSAGE_INCOMING ||
      g_strcmp0 (message->peer, wait->from) != 0)
    return;
  wait->message = holboo_stored_message_ref (message);
  wait->waiting.done = TRUE;
}

int
holboo_cli_wait_message (HolbooCli  *cli,
                         int         argc,
                         char      **argv)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(HolbooJid) from_jid = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  WaitMessage wait = { { 0 } };
  int timeout = 0;
  int status;
  gulong handler;
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Wait for a message from JID"), N_("JID") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up after S seconds"), N_("S") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, NULL, _("Wait for the next message from JID."),
                         &argc, &argv, &status))
    return status;
  if (argc != 1 || from == NULL || timeout <= 0)
    return holboo_cli_usage (cli, _("“wait-message” needs --from JID and --timeout S"));
  from_jid = holboo_jid_parse (from, -1, &error);
  if (from_jid == NULL)
    {
      g_autofree char *message = g_strdup (error->message);

      return holboo_cli_usage (cli, message);
    }
  wait.from = holboo_jid_get_bare_string (from_jid);

  account = holboo_cli_open_account (cli, &error);
  if (account == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  /* Messages that arrive live or through the catch-up after connecting;
   * a message already in the local store does not count. */
  handler = g_signal_connect (account, "message-added", G_CALLBACK (on_message_added), &wait);
  if (!holboo_cli_connect_account (account, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  wait_for (&wait.waiting, (guint) timeout);
  g_signal_handler_disconnect (account, handler);
  holboo_account_disconnect (account);
  if (wait.message == NULL)
    return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_TIMED_OUT,
                                              _("No message from %s within %d s"), wait.from, timeout));
  holboo_cli_print_message (cli, wait.message);
  holboo_stored_message_unref (wait.message);
  return HOLBOO_CLI_EXIT_OK;
}
