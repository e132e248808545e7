/* test-xmpp-session.c: a running session against a real Prosody or
 * ejabberd: stream management acks, resumption after a cut, a lost
 * session after a server restart, keep-alive, network changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson registers
 * both.  The server restart comes last.
 */

#include "config.h"

#include "holboo-xmpp-connection-private.h"
#include "xmpp-live-util.h"

#include <signal.h>

static const char * const accounts[] = { "alice", "bob", NULL };

/* A network monitor the test controls. */
typedef struct {
  GObject  parent_instance;
  gboolean available;
} TestMonitor;

typedef struct {
  GObjectClass parent_class;
} TestMonitorClass;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestMonitor, g_object_unref)

static void test_monitor_iface_init (GNetworkMonitorInterface *iface);
static void test_monitor_initable_init (GInitableIface *iface);
static GType test_monitor_get_type (void);

G_DEFINE_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, test_monitor_initable_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, test_monitor_iface_init))

enum { MONITOR_PROP_0, MONITOR_PROP_AVAILABLE, MONITOR_PROP_METERED, MONITOR_PROP_CONNECTIVITY };

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = (TestMonitor *) object;

  switch (prop_id)
    {
    case MONITOR_PROP_AVAILABLE: g_value_set_boolean (value, self->available); break;
    case MONITOR_PROP_METERED: g_value_set_boolean (value, FALSE); break;
    case MONITOR_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, MONITOR_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MONITOR_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MONITOR_PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

static gboolean
test_monitor_initable_init_fn (GInitable     *initable,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return TRUE;
}

static void
test_monitor_initable_init (GInitableIface *iface)
{
  iface->init = test_monitor_initable_init_fn;
}

static void
test_monitor_set (TestMonitor *self,
                  gboolean     available)
{
  self->available = available;
  g_signal_emit_by_name (self, "network-changed", available);
}

typedef struct {
  Recorder *recorder;
  guint     count;
} CountWait;

static gboolean
received_enough (gpointer data)
{
  CountWait *wait = data;

  return wait->recorder->received->len >= wait->count;
}

static gboolean
acked_enough (gpointer data)
{
  CountWait *wait = data;

  return wait->recorder->acked->len >= wait->count;
}

static gboolean
sessions_enough (gpointer data)
{
  CountWait *wait = data;

  return wait->recorder->sessions >= wait->count;
}

static void
send_batch (HolbooXmppConnection *from,
            HolbooJid            *to,
            const char           *prefix,
            guint                 first,
            guint                 n,
            GPtrArray            *sent)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, i);
      g_autoptr(HolbooXmlNode) message = live_chat (to, id, id);
      g_autoptr(GError) error = NULL;

      g_assert_true (holboo_xmpp_connection_send (from, message, &error));
      g_assert_no_error (error);
      g_ptr_array_add (sent, g_steal_pointer (&message));
    }
}

/* Every stanza acked once, in the order sent. */
static void
test_acks (void)
{
  g_autoptr(HolbooXmppConnection) alice = live_connection ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) bob = live_connection ("bob", HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  Recorder to_alice = { 0 }, to_bob = { 0 };
  CountWait wait;

  live_recorder_attach (&to_alice, alice);
  live_recorder_attach (&to_bob, bob);
  live_connect_ok (alice);
  live_connect_ok (bob);

  send_batch (alice, holboo_xmpp_connection_get_bound_jid (bob), "ack", 0, 50, sent);
  wait = (CountWait) { &to_alice, 50 };
  g_assert_true (live_wait (acked_enough, &wait, 20000));
  wait = (CountWait) { &to_bob, 50 };
  g_assert_true (live_wait (received_enough, &wait, 20000));
  live_sleep (200);

  g_assert_cmpuint (to_alice.acked->len, ==, 50);
  for (guint i = 0; i < sent->len; i++)
    g_assert_true (g_ptr_array_index (to_alice.acked, i) == g_ptr_array_index (sent, i));
  g_assert_cmpuint (to_bob.received->len, ==, 50);

  holboo_xmpp_connection_disconnect (alice);
  holboo_xmpp_connection_disconnect (bob);
  g_signal_handlers_disconnect_by_data (alice, &to_alice);
  g_signal_handlers_disconnect_by_data (bob, &to_bob);
  live_recorder_clear (&to_alice);
  live_recorder_clear (&to_bob);
}

/* Both ends are cut mid-burst; both resume; every message arrives once. */
static void
check_resume (HolbooXmppTransportKind kind)
{
  g_autoptr(HolbooXmppConnection) alice = live_connection ("alice", kind);
  g_autoptr(HolbooXmppConnection) bob = live_connection ("bob", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  g_autoptr(HolbooJid) bob_jid = NULL;
  g_autoptr(HolbooJid) alice_jid = NULL;
  Recorder to_alice = { 0 }, to_bob = { 0 };
  CountWait wait;

  live_recorder_attach (&to_alice, alice);
  live_recorder_attach (&to_bob, bob);
  live_connect_ok (alice);
  live_connect_ok (bob);
  bob_jid = holboo_jid_ref (holboo_xmpp_connection_get_bound_jid (bob));
  alice_jid = holboo_jid_ref (holboo_xmpp_connection_get_bound_jid (alice));

  /* Bob's connection dies; the server keeps his session for him. */
  _holboo_xmpp_connection_break (bob);
  send_batch (alice, bob_jid, "resume", 0, 10, sent);
  /* Alice's dies with ten more just written or not yet. */
  send_batch (alice, bob_jid, "resume", 10, 10, sent);
  _holboo_xmpp_connection_break (alice);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_RESUMING);
  /* No ack could come in between: all twenty are in doubt. */
  g_assert_cmpuint (holboo_xmpp_sm_get_n_unacked (alice->sm), ==, 20);

  wait = (CountWait) { &to_alice, 2 };
  g_assert_true (live_wait (sessions_enough, &wait, 20000));
  wait = (CountWait) { &to_bob, 2 };
  g_assert_true (live_wait (sessions_enough, &wait, 20000));
  g_assert_cmpuint (to_alice.resumed, ==, 1);
  g_assert_cmpuint (to_bob.resumed, ==, 1);
  g_assert_true (holboo_jid_equal (holboo_xmpp_connection_get_bound_jid (alice), alice_jid));

  wait = (CountWait) { &to_bob, 20 };
  g_assert_true (live_wait (received_enough, &wait, 20000));
  wait = (CountWait) { &to_alice, 20 };
  g_assert_true (live_wait (acked_enough, &wait, 20000));
  live_sleep (1000);   /* time for any duplicate to show */

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("resume-%u", i);

      g_assert_cmpuint (live_recorder_count_body (&to_bob, id), ==, 1);
      g_assert_true (g_ptr_array_index (to_alice.acked, i) == g_ptr_array_index (sent, i));
    }
  g_assert_cmpuint (to_bob.received->len, ==, 20);
  g_assert_cmpuint (to_alice.acked->len, ==, 20);
  g_assert_cmpuint (to_alice.lost->len, ==, 0);
  g_assert_cmpuint (to_bob.lost->len, ==, 0);

  holboo_xmpp_connection_disconnect (alice);
  holboo_xmpp_connection_disconnect (bob);
  g_signal_handlers_disconnect_by_data (alice, &to_alice);
  g_signal_handlers_disconnect_by_data (bob, &to_bob);
  live_recorder_clear (&to_alice);
  live_recorder_clear (&to_bob);
}

static void
test_resume (void)
{
  check_resume (HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
}

static void
test_resume_websocket (void)
{
  check_resume (HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET);
}

static void
signal_server (int signum)
{
  g_autoptr(GArray) pids = holboo_test_server_dup_pids (live.server);
  GPid pid = g_array_index (pids, GPid, 0);   /* the XMPP server's group */

  g_assert_cmpint (kill (-pid, signum), ==, 0);
}

/* Silence is answered by probes; a server that stops answering is dead. */
static void
test_keepalive (void)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) alice = NULL;
  Recorder recorder = { 0 };
  const GError *error;
  gint64 start;
  CountWait wait;

  holboo_xmpp_settings_set_ping_interval (settings, 1);
  holboo_xmpp_settings_set_ping_timeout (settings, 2);
  alice = holboo_xmpp_connection_new (settings);
  live_recorder_attach (&recorder, alice);
  live_connect_ok (alice);

  live_sleep (3500);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);
  g_assert_cmpuint (recorder.sessions, ==, 1);

  signal_server (SIGSTOP);
  start = g_get_monotonic_time ();
  live_wait_state (alice, HOLBOO_XMPP_CONNECTION_STATE_RESUMING, 10000);
  g_test_message ("Dead after %.2f s", (g_get_monotonic_time () - start) / 1e6);
  error = holboo_xmpp_connection_get_last_error (alice);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_TIMED_OUT);
  signal_server (SIGCONT);

  wait = (CountWait) { &recorder, 2 };
  g_assert_true (live_wait (sessions_enough, &wait, 60000));
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);

  holboo_xmpp_connection_disconnect (alice);
  g_signal_handlers_disconnect_by_data (alice, &recorder);
  live_recorder_clear (&recorder);
}

static void
test_network_changes (void)
{
  g_autoptr(TestMonitor) monitor = g_object_new (test_monitor_get_type (), NULL);
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) alice = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port = holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S);

  holboo_xmpp_settings_set_ping_timeout (settings, 2);
  alice = g_object_new (HOLBOO_TYPE_XMPP_CONNECTION, "settings", settings, "network-monitor", monitor, NULL);

  /* Offline with nothing to reach: waiting to retry. */
  holboo_xmpp_settings_set_server (settings, "127.0.0.1", live_free_port ());
  error = live_connect (alice);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CONNECTION_REFUSED);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY);

  /* The network goes and comes back: a new attempt starts at once. */
  holboo_xmpp_settings_set_server (settings, "127.0.0.1", port);
  test_monitor_set (monitor, FALSE);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY);
  test_monitor_set (monitor, TRUE);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTING);
  live_wait_state (alice, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED, 10000);

  /* A change while connected probes the connection, which answers. */
  test_monitor_set (monitor, TRUE);
  g_assert_cmpuint (alice->dead_id, !=, 0);
  live_sleep (2500);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);
  g_assert_cmpuint (alice->dead_id, ==, 0);

  holboo_xmpp_connection_disconnect (alice);
}

/* Without stream management: no acks, and keep-alive pings (XEP-0199). */
static void
test_without_sm (void)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) alice = NULL;
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  Recorder recorder = { 0 };
  CountWait wait;

  holboo_xmpp_settings_set_stream_management (settings, FALSE);
  holboo_xmpp_settings_set_ping_interval (settings, 1);
  holboo_xmpp_settings_set_ping_timeout (settings, 2);
  alice = holboo_xmpp_connection_new (settings);
  live_recorder_attach (&recorder, alice);
  live_connect_ok (alice);
  g_assert_false (holboo_xmpp_connection_get_sm_enabled (alice));

  send_batch (alice, holboo_xmpp_connection_get_bound_jid (alice), "no-sm", 0, 1, sent);
  wait = (CountWait) { &recorder, 1 };
  g_assert_true (live_wait (received_enough, &wait, 10000));

  live_sleep (3500);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);
  g_assert_cmpuint (recorder.sessions, ==, 1);
  g_assert_cmpuint (recorder.acked->len, ==, 0);

  /* A drop without stream management is a new session. */
  _holboo_xmpp_connection_break (alice);
  wait = (CountWait) { &recorder, 2 };
  g_assert_true (live_wait (sessions_enough, &wait, 20000));
  g_assert_cmpuint (recorder.resumed, ==, 0);
  g_assert_cmpuint (recorder.lost->len, ==, 0);

  holboo_xmpp_connection_disconnect (alice);
  g_signal_handlers_disconnect_by_data (alice, &recorder);
  live_recorder_clear (&recorder);
}

static void
on_lost_count (HolbooXmppConnection *connection,
               GPtrArray            *unacked,
               guint                *count)
{
  (*count)++;
}

/* A restarted server forgot the session: lost, then a fresh one. */
static void
test_session_lost (void)
{
  g_autoptr(HolbooXmppConnection) alice = live_connection ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) self_jid = NULL;
  Recorder recorder = { 0 };
  CountWait wait;

  live_recorder_attach (&recorder, alice);
  live_connect_ok (alice);

  holboo_test_server_restart (live.server, &error);
  g_assert_no_error (error);

  wait = (CountWait) { &recorder, 2 };
  g_assert_true (live_wait (sessions_enough, &wait, 90000));
  g_assert_cmpuint (recorder.resumed, ==, 0);
  g_assert_cmpuint (recorder.lost->len, ==, 1);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);
  g_assert_true (holboo_xmpp_connection_get_sm_enabled (alice));

  /* The new session works: a note to self arrives and is acked. */
  self_jid = holboo_jid_ref (holboo_xmpp_connection_get_bound_jid (alice));
  send_batch (alice, self_jid, "after-restart", 0, 1, sent);
  wait = (CountWait) { &recorder, 1 };
  g_assert_true (live_wait (received_enough, &wait, 10000));
  g_assert_true (live_wait (acked_enough, &wait, 10000));

  holboo_xmpp_connection_disconnect (alice);
  g_signal_handlers_disconnect_by_data (alice, &recorder);
  live_recorder_clear (&recorder);
}

/* disconnect() reports what the server had not acknowledged. */
static void
test_disconnect_reports_unacked (void)
{
  g_autoptr(HolbooXmppConnection) alice = live_connection ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  guint lost = 0;

  live_connect_ok (alice);
  g_signal_connect (alice, "session-lost", G_CALLBACK (on_lost_count), &lost);
  send_batch (alice, holboo_xmpp_connection_get_bound_jid (alice), "bye", 0, 3, sent);
  holboo_xmpp_connection_disconnect (alice);
  g_assert_cmpuint (lost, ==, 1);
  g_assert_false (holboo_xmpp_connection_get_sm_enabled (alice));
  live_sleep (100);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/xmpp/session/acks", test_acks);
  g_test_add_func ("/xmpp/session/resume", test_resume);
  g_test_add_func ("/xmpp/session/resume-websocket", test_resume_websocket);
  g_test_add_func ("/xmpp/session/disconnect-reports-unacked", test_disconnect_reports_unacked);
  g_test_add_func ("/xmpp/session/network-changes", test_network_changes);
  g_test_add_func ("/xmpp/session/without-sm", test_without_sm);
  g_test_add_func ("/xmpp/session/keepalive", test_keepalive);
  g_test_add_func ("/xmpp/session/lost-after-restart", test_session_lost);

  status = g_test_run ();
  live_stop ();
  return status;
}
