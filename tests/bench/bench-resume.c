/* bench-resume.c: reconnect and resume after the socket is cut, to the
 * first acknowledged message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Against a private Prosody (or ejabberd, with "ejabberd" as argument):
 * a message is sent, the socket cut at once (as a dead network would),
 * and the clock runs until the server acknowledges that message, which
 * takes noticing the cut, reconnecting, TLS, SCRAM, <resume/> and
 * either the ack in <resumed h=…/> or the resent message's ack.
 * Target (issue 3): ≤ 1 s.  Prints min, median and max of N runs per
 * transport.  HOLBOO_BENCH_RUNS overrides N (default 20).
 */

#include "config.h"

#include "holboo-test-server.h"
#include "holboo-xmpp-connection-private.h"

#include <locale.h>
#include <stdlib.h>

typedef struct {
  HolbooXmlNode *waiting;
  gboolean       acked;
  gboolean       resumed;
} Run;

static void
on_acked (HolbooXmppConnection *connection,
          HolbooXmlNode        *stanza,
          Run                  *run)
{
  if (stanza == run->waiting)
    run->acked = TRUE;
}

static void
on_session_started (HolbooXmppConnection *connection,
                    gboolean              resumed,
                    Run                  *run)
{
  run->resumed = resumed;
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!holboo_xmpp_connection_connect_finish (HOLBOO_XMPP_CONNECTION (source), result, &error))
    g_error ("Connecting failed: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_transport (HolbooTestServer        *server,
                 GTlsDatabase            *database,
                 HolbooXmppTransportKind  kind,
                 guint                    runs)
{
  g_autoptr(HolbooXmppSettings) settings = holboo_xmpp_settings_new ("alice@localhost", "alice-pass");
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean connected = FALSE;
  guint resumed = 0;
  Run run = { NULL };

  holboo_xmpp_settings_set_transport (settings, kind);
  holboo_xmpp_settings_set_tls_database (settings, database);
  if (kind == HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET)
    {
      g_autofree char *url = holboo_test_server_dup_websocket_url (server);

      holboo_xmpp_settings_set_websocket_url (settings, url);
    }
  else
    holboo_xmpp_settings_set_server (settings, holboo_test_server_get_host (server),
                                     holboo_test_server_get_port (server,
                                                                  kind == HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS
                                                                  ? HOLBOO_TEST_PORT_DIRECT_TLS
                                                                  : HOLBOO_TEST_PORT_C2S));

  connection = holboo_xmpp_connection_new (settings);
  g_signal_connect (connection, "stanza-acked", G_CALLBACK (on_acked), &run);
  g_signal_connect (connection, "session-started", G_CALLBACK (on_session_started), &run);
  holboo_xmpp_connection_connect_async (connection, NULL, on_connected, &connected);
  while (!connected)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(HolbooXmlNode) message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
      g_autofree char *id = g_strdup_printf ("bench-%u", i);
      gint64 start, deadline;
      double seconds;

      holboo_xml_node_set_attribute (message, "type", "chat");
      holboo_xml_node_set_attribute (message, "id", id);
      holboo_xml_node_set_attribute (message, "to",
                                     holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (connection)));
      holboo_xml_node_add_text_child (message, "body", id);

      run = (Run) { message, FALSE, FALSE };
      if (!holboo_xmpp_connection_send (connection, message, NULL))
        g_error ("Not connected before run %u", i);

      start = g_get_monotonic_time ();
      _holboo_xmpp_connection_break (connection);
      deadline = start + 30 * G_USEC_PER_SEC;
      while (!run.acked && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (!run.acked)
        g_error ("Run %u: no ack within 30 s", i);

      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (times, seconds);
      resumed += run.resumed;

      /* Let the message itself arrive before the next cut. */
      while (holboo_xmpp_connection_get_state (connection) != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
        g_main_context_iteration (NULL, TRUE);
      g_usleep (20 * 1000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  g_array_sort (times, compare_doubles);
  g_print ("%-11s cut → first ack: min %.3f s, median %.3f s, max %.3f s over %u runs (%u resumed)\n",
           g_enum_get_value (g_type_class_peek (HOLBOO_TYPE_XMPP_TRANSPORT_KIND), kind)->value_nick,
           g_array_index (times, double, 0),
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len - 1),
           runs, resumed);

  holboo_xmpp_connection_disconnect (connection);
}

int
main (int   argc,
      char *argv[])
{
  HolbooTestServerKind kind = HOLBOO_TEST_SERVER_KIND_PROSODY;
  g_autoptr(HolbooTestServer) server = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autofree char *ca_file = NULL;
  g_autoptr(GError) error = NULL;
  const char *runs_text = g_getenv ("HOLBOO_BENCH_RUNS");
  guint runs = runs_text != NULL ? (guint) atoi (runs_text) : 20;

  setlocale (LC_ALL, "");
  if (argc > 1 && g_strcmp0 (argv[1], "ejabberd") == 0)
    kind = HOLBOO_TEST_SERVER_KIND_EJABBERD;
  runs = MAX (runs, 1);

  server = holboo_test_server_new (kind, NULL);
  holboo_test_server_add_account (server, "alice", "alice-pass", &error);
  g_assert_no_error (error);
  if (!holboo_test_server_start (server, &error))
    g_error ("Could not start the test server: %s", error->message);
  ca_file = holboo_test_server_dup_ca_file (server);
  database = g_tls_file_database_new (ca_file, &error);
  g_assert_no_error (error);

  g_print ("Reconnect and resume after a cut, %s (target ≤ 1 s):\n",
           kind == HOLBOO_TEST_SERVER_KIND_EJABBERD ? "ejabberd" : "Prosody");
  bench_transport (server, database, HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, runs);
  bench_transport (server, database, HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS, runs);
  bench_transport (server, database, HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET, runs);

  holboo_test_server_stop (server, &error);
  g_assert_no_error (error);
  return 0;
}
