/* xmpp-live-util.c: helpers for the XMPP connection tests against the
 * harness's real Prosody or ejabberd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "xmpp-live-util.h"

#include <string.h>

LiveServer live;

void
live_start (int                  argc,
            char               **argv,
            const char * const  *accounts)
{
  HolbooTestServerKind kind = HOLBOO_TEST_SERVER_KIND_PROSODY;
  g_autoptr(GError) error = NULL;

  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "ejabberd") == 0)
      kind = HOLBOO_TEST_SERVER_KIND_EJABBERD;

  live.server = holboo_test_server_new (kind, NULL);
  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *password = g_strconcat (accounts[i], "-pass", NULL);

      holboo_test_server_add_account (live.server, accounts[i], password, &error);
      g_assert_no_error (error);
    }

  if (!holboo_test_server_start (live.server, &error))
    g_error ("Could not start the test server: %s", error->message);

  live.ca_file = holboo_test_server_dup_ca_file (live.server);
  live.database = g_tls_file_database_new (live.ca_file, &error);
  g_assert_no_error (error);
}

void
live_stop (void)
{
  g_autoptr(GError) error = NULL;

  holboo_test_server_stop (live.server, &error);
  g_assert_no_error (error);
  g_clear_object (&live.server);
  g_clear_object (&live.database);
  g_clear_pointer (&live.ca_file, g_free);
}

gboolean
live_is_ejabberd (void)
{
  return holboo_test_server_get_kind (live.server) == HOLBOO_TEST_SERVER_KIND_EJABBERD;
}

HolbooXmppSettings *
live_settings (const char              *user,
               HolbooXmppTransportKind  kind)
{
  g_autofree char *jid = g_strdup_printf ("%s@%s", user, holboo_test_server_get_domain (live.server));
  g_autofree char *password = g_strconcat (user, "-pass", NULL);
  HolbooXmppSettings *settings = holboo_xmpp_settings_new (jid, password);

  holboo_xmpp_settings_set_transport (settings, kind);
  holboo_xmpp_settings_set_tls_database (settings, live.database);
  switch (kind)
    {
    case HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET:
      {
        g_autofree char *url = holboo_test_server_dup_websocket_url (live.server);

        holboo_xmpp_settings_set_websocket_url (settings, url);
      }
      break;
    case HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS:
      holboo_xmpp_settings_set_server (settings, holboo_test_server_get_host (live.server),
                                       holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_DIRECT_TLS));
      break;
    default:
      holboo_xmpp_settings_set_server (settings, holboo_test_server_get_host (live.server),
                                       holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));
      break;
    }

  return settings;
}

HolbooXmppConnection *
live_connection (const char              *user,
                 HolbooXmppTransportKind  kind)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings (user, kind);

  return holboo_xmpp_connection_new (settings);
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

GError *
live_connect (HolbooXmppConnection *connection)
{
  GAsyncResult *result = NULL;
  GError *error = NULL;

  holboo_xmpp_connection_connect_async (connection, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  holboo_xmpp_connection_connect_finish (connection, result, &error);
  g_object_unref (result);
  return error;
}

void
live_connect_ok (HolbooXmppConnection *connection)
{
  g_autoptr(GError) error = live_connect (connection);

  g_assert_no_error (error);
  g_assert_cmpint (holboo_xmpp_connection_get_state (connection), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);
}

HolbooXmlNode *
live_iq (HolbooXmppConnection  *connection,
         HolbooXmlNode         *iq,
         GError               **error)
{
  GAsyncResult *result = NULL;
  HolbooXmlNode *answer;

  holboo_xmpp_connection_send_iq_async (connection, iq, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  answer = holboo_xmpp_connection_send_iq_finish (connection, result, error);
  g_object_unref (result);
  return answer;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
live_wait (gboolean (*done) (gpointer),
           gpointer   data,
           guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return done (data);
}

typedef struct {
  HolbooXmppConnection     *connection;
  HolbooXmppConnectionState state;
} StateWait;

static gboolean
state_reached (gpointer data)
{
  StateWait *wait = data;

  return holboo_xmpp_connection_get_state (wait->connection) == wait->state;
}

void
live_wait_state (HolbooXmppConnection      *connection,
                 HolbooXmppConnectionState  state,
                 guint                      timeout_ms)
{
  StateWait wait = { connection, state };

  if (!live_wait (state_reached, &wait, timeout_ms))
    g_error ("State %s not reached in %u ms (state %s, last error: %s)",
             g_enum_to_string (HOLBOO_TYPE_XMPP_CONNECTION_STATE, state), timeout_ms,
             g_enum_to_string (HOLBOO_TYPE_XMPP_CONNECTION_STATE, holboo_xmpp_connection_get_state (connection)),
             holboo_xmpp_connection_get_last_error (connection)
             ? holboo_xmpp_connection_get_last_error (connection)->message : "none");
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
live_sleep (guint ms)
{
  live_wait (never, NULL, ms);
}

/* A port nothing listens on (bound, then closed). */
guint16
live_free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

HolbooXmlNode *
live_chat (HolbooJid  *to,
           const char *id,
           const char *body)
{
  HolbooXmlNode *message = holboo_xml_node_new ("message", "jabber:client");
  HolbooXmlNode *origin;

  holboo_xml_node_set_attribute (message, "type", "chat");
  holboo_xml_node_set_attribute (message, "to", holboo_jid_to_string (to));
  holboo_xml_node_set_attribute (message, "id", id);
  holboo_xml_node_add_text_child (message, "body", body);
  origin = holboo_xml_node_add_child_ns (message, "origin-id", "urn:xmpp:sid:0");
  holboo_xml_node_set_attribute (origin, "id", id);
  return message;
}

static void
on_stanza_received (HolbooXmppConnection *connection,
                    HolbooXmlNode        *stanza,
                    Recorder             *recorder)
{
  if (holboo_xml_node_is (stanza, "message", "jabber:client") &&
      holboo_xml_node_get_child (stanza, "body", "jabber:client") != NULL)
    g_ptr_array_add (recorder->received, holboo_xml_node_ref (stanza));
}

static void
on_stanza_acked (HolbooXmppConnection *connection,
                 HolbooXmlNode        *stanza,
                 Recorder             *recorder)
{
  g_ptr_array_add (recorder->acked, holboo_xml_node_ref (stanza));
}

static void
on_session_lost (HolbooXmppConnection *connection,
                 GPtrArray            *unacked,
                 Recorder             *recorder)
{
  g_ptr_array_add (recorder->lost, g_ptr_array_ref (unacked));
}

static void
on_session_started (HolbooXmppConnection *connection,
                    gboolean              resumed,
                    Recorder             *recorder)
{
  recorder->sessions++;
  recorder->resumed += resumed;
}

void
live_recorder_attach (Recorder             *recorder,
                      HolbooXmppConnection *connection)
{
  recorder->received = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  recorder->acked = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  recorder->lost = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  recorder->sessions = recorder->resumed = 0;
  g_signal_connect (connection, "stanza-received", G_CALLBACK (on_stanza_received), recorder);
  g_signal_connect (connection, "stanza-acked", G_CALLBACK (on_stanza_acked), recorder);
  g_signal_connect (connection, "session-lost", G_CALLBACK (on_session_lost), recorder);
  g_signal_connect (connection, "session-started", G_CALLBACK (on_session_started), recorder);
}

void
live_recorder_clear (Recorder *recorder)
{
  g_clear_pointer (&recorder->received, g_ptr_array_unref);
  g_clear_pointer (&recorder->acked, g_ptr_array_unref);
  g_clear_pointer (&recorder->lost, g_ptr_array_unref);
}

/* How many received messages carry origin-id @id. */
guint
live_recorder_count_body (Recorder   *recorder,
                          const char *id)
{
  guint count = 0;

  for (guint i = 0; i < recorder->received->len; i++)
    {
      HolbooXmlNode *origin = holboo_xml_node_get_child (g_ptr_array_index (recorder->received, i),
                                                         "origin-id", "urn:xmpp:sid:0");

      if (origin != NULL && g_strcmp0 (holboo_xml_node_get_attribute (origin, "id"), id) == 0)
        count++;
    }

  return count;
}
