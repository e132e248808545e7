/* test-xmpp-connect.c: connecting to a real Prosody or ejabberd: the three
 * transports, SASL, binding, messages, IQs, and every way to fail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson registers
 * both.  With "tls12" as well, GnuTLS is held to TLS 1.2, where
 * tls-unique exists, and ejabberd 23.01 must log in with
 * SCRAM-SHA-1-PLUS (under TLS 1.3 it offers -PLUS with tls-unique only,
 * which TLS 1.3 does not define, so SCRAM-SHA-1 is used).
 */

#include "config.h"

#include "xmpp-live-util.h"

#include <string.h>

#define ERROR_BOUND_US (10 * G_USEC_PER_SEC)

static const char * const accounts[] = { "alice", "bob", "carol", NULL };

static void
on_state_changed (HolbooXmppConnection      *connection,
                  HolbooXmppConnectionState  old_state,
                  HolbooXmppConnectionState  new_state,
                  GArray                    *states)
{
  g_array_append_val (states, new_state);
}

static void
check_connect (HolbooXmppTransportKind kind)
{
  g_autoptr(HolbooXmppConnection) connection = live_connection ("alice", kind);
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (HolbooXmppConnectionState));
  const char *mechanism;
  const char *priority = g_getenv ("G_TLS_GNUTLS_PRIORITY");
  HolbooJid *bound;

  g_signal_connect (connection, "state-changed", G_CALLBACK (on_state_changed), states);
  live_connect_ok (connection);

  bound = holboo_xmpp_connection_get_bound_jid (connection);
  g_assert_nonnull (bound);
  g_assert_true (holboo_jid_is_full (bound));
  g_assert_cmpstr (holboo_jid_get_bare_string (bound), ==, "alice@localhost");
  g_assert_cmpint (holboo_xmpp_connection_get_transport_kind (connection), ==, kind);
  g_assert_true (holboo_xmpp_connection_get_sm_enabled (connection));
  g_assert_nonnull (holboo_xmpp_connection_get_stream_features (connection));
  g_assert_nonnull (holboo_xmpp_connection_get_peer_certificate (connection));
  g_assert_null (holboo_xmpp_connection_get_last_error (connection));

  /* Prosody 0.12 offers SCRAM-SHA-1 and PLAIN; ejabberd 23.01 also
   * SCRAM-SHA-1-PLUS, but with tls-unique only, which TLS 1.3 lacks. */
  mechanism = holboo_xmpp_connection_get_mechanism (connection);
  if (live_is_ejabberd () && kind != HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET &&
      priority != NULL && strstr (priority, "-VERS-TLS1.3") != NULL)
    g_assert_cmpstr (mechanism, ==, "SCRAM-SHA-1-PLUS");
  else
    g_assert_cmpstr (mechanism, ==, "SCRAM-SHA-1");

  g_assert_cmpuint (states->len, >=, 3);
  g_assert_cmpint (g_array_index (states, HolbooXmppConnectionState, 0), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTING);
  g_assert_cmpint (g_array_index (states, HolbooXmppConnectionState, 1), ==, HOLBOO_XMPP_CONNECTION_STATE_AUTHENTICATING);
  g_assert_cmpint (g_array_index (states, HolbooXmppConnectionState, states->len - 1), ==,
                   HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);

  holboo_xmpp_connection_disconnect (connection);
  g_assert_cmpint (holboo_xmpp_connection_get_state (connection), ==, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
  g_assert_false (holboo_xmpp_connection_get_sm_enabled (connection));
  live_sleep (100);   /* let the close be written */
}

/* SRV records that point at the harness, for "auto" discovery. */
typedef struct {
  GResolver parent_instance;
  guint16   starttls_port;
  guint16   direct_tls_port;
} SrvResolver;

typedef struct {
  GResolverClass parent_class;
} SrvResolverClass;

static GType srv_resolver_get_type (void);
G_DEFINE_TYPE (SrvResolver, srv_resolver, G_TYPE_RESOLVER)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvResolver, g_object_unref)

static void
srv_resolver_lookup_service_async (GResolver           *resolver,
                                   const char          *rrname,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  SrvResolver *self = (SrvResolver *) resolver;
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);
  const char *host = holboo_test_server_get_host (live.server);

  if (g_str_has_prefix (rrname, "_xmpp-client._tcp."))
    g_task_return_pointer (task, g_list_append (NULL, g_srv_target_new (host, self->starttls_port, 0, 0)), NULL);
  else if (g_str_has_prefix (rrname, "_xmpps-client._tcp."))
    g_task_return_pointer (task, g_list_append (NULL, g_srv_target_new (host, self->direct_tls_port, 0, 0)), NULL);
  else
    g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "No record");
}

static GList *
srv_resolver_lookup_service_finish (GResolver     *resolver,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
srv_resolver_class_init (SrvResolverClass *klass)
{
  G_RESOLVER_CLASS (klass)->lookup_service_async = srv_resolver_lookup_service_async;
  G_RESOLVER_CLASS (klass)->lookup_service_finish = srv_resolver_lookup_service_finish;
}

static void
srv_resolver_init (SrvResolver *self)
{
}

static void
check_auto (guint16                 direct_tls_port,
            HolbooXmppTransportKind expected)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", HOLBOO_XMPP_TRANSPORT_KIND_AUTO);
  g_autoptr(SrvResolver) resolver = g_object_new (srv_resolver_get_type (), NULL);
  g_autoptr(HolbooXmppConnection) connection = NULL;

  resolver->starttls_port = holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S);
  resolver->direct_tls_port = direct_tls_port;
  holboo_xmpp_settings_set_server (settings, NULL, 0);
  connection = g_object_new (HOLBOO_TYPE_XMPP_CONNECTION, "settings", settings, "resolver", resolver, NULL);

  live_connect_ok (connection);
  g_assert_cmpint (holboo_xmpp_connection_get_transport_kind (connection), ==, expected);
  holboo_xmpp_connection_disconnect (connection);
}

/* "auto": direct TLS first at equal priority, STARTTLS when it fails. */
static void
test_srv_discovery (void)
{
  check_auto (holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_DIRECT_TLS),
              HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  check_auto (live_free_port (), HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
}

static void
test_starttls (void)
{
  check_connect (HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
}

static void
test_direct_tls (void)
{
  check_connect (HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
}

static void
test_websocket (void)
{
  check_connect (HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET);
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

/* Alice over STARTTLS writes to Bob over WebSocket and back. */
static void
test_message (void)
{
  g_autoptr(HolbooXmppConnection) alice = live_connection ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) bob = live_connection ("bob", HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET);
  g_autoptr(HolbooXmlNode) hello = NULL;
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  Recorder to_alice = { 0 }, to_bob = { 0 };
  CountWait wait;
  HolbooXmlNode *received, *stanza_id;

  live_recorder_attach (&to_alice, alice);
  live_recorder_attach (&to_bob, bob);
  live_connect_ok (alice);
  live_connect_ok (bob);

  hello = live_chat (holboo_xmpp_connection_get_bound_jid (bob), "hello-1", "Сайн байна уу?");
  g_assert_true (holboo_xmpp_connection_send (alice, hello, &error));
  g_assert_no_error (error);

  wait = (CountWait) { &to_bob, 1 };
  g_assert_true (live_wait (received_enough, &wait, 10000));
  received = g_ptr_array_index (to_bob.received, 0);
  g_assert_cmpstr (holboo_xml_node_get_child_text (received, "body", "jabber:client"), ==, "Сайн байна уу?");
  g_assert_true (g_str_has_prefix (holboo_xml_node_get_attribute (received, "from"), "alice@localhost/"));
  /* The archive's id (XEP-0359), which MAM and dedup use. */
  stanza_id = holboo_xml_node_get_child (received, "stanza-id", "urn:xmpp:sid:0");
  g_assert_nonnull (stanza_id);
  g_assert_cmpstr (holboo_xml_node_get_attribute (stanza_id, "by"), ==, "bob@localhost");
  g_assert_nonnull (holboo_xml_node_get_attribute (stanza_id, "id"));

  /* The server acknowledged it: the outbox can mark it sent. */
  wait = (CountWait) { &to_alice, 1 };
  g_assert_true (live_wait (acked_enough, &wait, 10000));
  g_assert_true (g_ptr_array_index (to_alice.acked, 0) == hello);

  reply = live_chat (holboo_xmpp_connection_get_bound_jid (alice), "reply-1", "Sain");
  g_assert_true (holboo_xmpp_connection_send (bob, reply, &error));
  wait = (CountWait) { &to_alice, 1 };
  g_assert_true (live_wait (received_enough, &wait, 10000));
  g_assert_cmpuint (live_recorder_count_body (&to_alice, "reply-1"), ==, 1);

  holboo_xmpp_connection_disconnect (alice);
  holboo_xmpp_connection_disconnect (bob);

  /* Nothing is queued while offline: the outbox owns that. */
  g_assert_false (holboo_xmpp_connection_send (alice, reply, &error));
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED);

  g_signal_handlers_disconnect_by_data (alice, &to_alice);
  g_signal_handlers_disconnect_by_data (bob, &to_bob);
  live_recorder_clear (&to_alice);
  live_recorder_clear (&to_bob);
}

static HolbooXmlNode *
iq_get (const char *to,
        const char *child,
        const char *ns)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", "jabber:client");

  holboo_xml_node_set_attribute (iq, "type", "get");
  holboo_xml_node_set_attribute (iq, "to", to);
  holboo_xml_node_add_child_ns (iq, child, ns);
  return iq;
}

static void
test_iq (void)
{
  g_autoptr(HolbooXmppConnection) alice = live_connection ("alice", HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  g_autoptr(HolbooXmppConnection) bob = live_connection ("bob", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmlNode) disco = iq_get ("localhost", "query", "http://jabber.org/protocol/disco#info");
  g_autoptr(HolbooXmlNode) ping = iq_get ("localhost", "ping", "urn:xmpp:ping");
  g_autoptr(HolbooXmlNode) unknown = NULL;
  g_autoptr(HolbooXmlNode) ping_bob = NULL;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  live_connect_ok (alice);
  live_connect_ok (bob);

  answer = live_iq (alice, disco, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_xml_node_get_attribute (answer, "type"), ==, "result");
  g_assert_nonnull (holboo_xml_node_get_child (answer, "query", "http://jabber.org/protocol/disco#info"));
  g_clear_pointer (&answer, holboo_xml_node_unref);

  answer = live_iq (alice, ping, &error);
  g_assert_no_error (error);
  g_clear_pointer (&answer, holboo_xml_node_unref);

  /* Bob answers pings himself, and refuses what no handler takes. */
  ping_bob = iq_get (holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (bob)), "ping", "urn:xmpp:ping");
  answer = live_iq (alice, ping_bob, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_xml_node_get_attribute (answer, "from"), ==,
                   holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (bob)));
  g_clear_pointer (&answer, holboo_xml_node_unref);

  unknown = iq_get (holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (bob)), "query", "urn:example:nothing");
  answer = live_iq (alice, unknown, &error);
  g_assert_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_SERVICE_UNAVAILABLE);
  g_assert_null (answer);
  g_clear_error (&error);

  holboo_xmpp_connection_disconnect (alice);
  holboo_xmpp_connection_disconnect (bob);
}

typedef struct {
  HolbooXmlNode *request;
} Held;

static gboolean
hold_request (HolbooXmppConnection *connection,
              HolbooXmlNode        *stanza,
              gpointer              user_data)
{
  Held *held = user_data;

  held->request = holboo_xml_node_ref (stanza);
  return TRUE;
}

static gboolean
have_request (gpointer data)
{
  return ((Held *) data)->request != NULL;
}

static void
on_iq_done (GObject      *source,
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

/* An answer from someone the request was not sent to is dropped. */
static void
test_forged_answer (void)
{
  g_autoptr(HolbooXmppConnection) alice = live_connection ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) bob = live_connection ("bob", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) carol = live_connection ("carol", HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  g_autoptr(HolbooXmlNode) request = NULL;
  g_autoptr(HolbooXmlNode) forged = holboo_xml_node_new ("iq", "jabber:client");
  g_autoptr(HolbooXmlNode) genuine = holboo_xml_node_new ("iq", "jabber:client");
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  Held held = { NULL };

  live_connect_ok (alice);
  live_connect_ok (bob);
  live_connect_ok (carol);
  holboo_xmpp_connection_add_handler (bob, "iq", "urn:example:slow", hold_request, &held, NULL);

  request = iq_get (holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (bob)), "query", "urn:example:slow");
  holboo_xml_node_set_attribute (request, "id", "forge-me");
  holboo_xmpp_connection_send_iq_async (alice, request, NULL, on_iq_done, &result);
  g_assert_true (live_wait (have_request, &held, 10000));

  /* Carol guesses the id and answers first. */
  holboo_xml_node_set_attribute (forged, "type", "result");
  holboo_xml_node_set_attribute (forged, "id", "forge-me");
  holboo_xml_node_set_attribute (forged, "to", holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (alice)));
  holboo_xml_node_add_child_ns (forged, "query", "urn:example:slow");
  g_assert_true (holboo_xmpp_connection_send (carol, forged, NULL));
  live_sleep (500);
  g_assert_null (result);

  holboo_xml_node_set_attribute (genuine, "type", "result");
  holboo_xml_node_set_attribute (genuine, "id", "forge-me");
  holboo_xml_node_set_attribute (genuine, "to", holboo_xml_node_get_attribute (held.request, "from"));
  g_assert_true (holboo_xmpp_connection_send (bob, genuine, NULL));
  g_assert_true (live_wait (result_ready, &result, 10000));
  answer = holboo_xmpp_connection_send_iq_finish (alice, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_xml_node_get_attribute (answer, "from"), ==,
                   holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (bob)));
  g_object_unref (result);

  holboo_xmpp_connection_disconnect (alice);
  holboo_xmpp_connection_disconnect (bob);
  holboo_xmpp_connection_disconnect (carol);
  g_clear_pointer (&held.request, holboo_xml_node_unref);
}

/* Odd stanzas from another user are survived and answered properly. */
static void
test_hostile_stanzas (void)
{
  g_autoptr(HolbooXmppConnection) alice = live_connection ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) carol = live_connection ("carol", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  const char *alice_jid;
  Recorder to_alice = { 0 };
  CountWait wait;
  g_autoptr(HolbooXmlNode) check = NULL;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  live_recorder_attach (&to_alice, alice);
  live_connect_ok (alice);
  live_connect_ok (carol);
  alice_jid = holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (alice));

  {
    /* A result nobody asked for, an iq with a made-up type, a message
     * that claims a sender inside its payload, a nested stanza. */
    const char *types[] = { "result", "error", "bogus" };

    for (guint i = 0; i < G_N_ELEMENTS (types); i++)
      {
        g_autoptr(HolbooXmlNode) iq = holboo_xml_node_new ("iq", "jabber:client");

        holboo_xml_node_set_attribute (iq, "type", types[i]);
        holboo_xml_node_set_attribute (iq, "id", "unknown-id");
        holboo_xml_node_set_attribute (iq, "to", alice_jid);
        holboo_xmpp_connection_send (carol, iq, NULL);
      }
  }
  {
    g_autoptr(HolbooXmlNode) message = live_chat (holboo_xmpp_connection_get_bound_jid (alice), "forged-1", "x");
    HolbooXmlNode *wrapped = holboo_xml_node_add_child_ns (message, "forwarded", "urn:xmpp:forward:0");
    HolbooXmlNode *inner = holboo_xml_node_add_child_ns (wrapped, "message", "jabber:client");

    holboo_xml_node_set_attribute (inner, "from", "boss@localhost/desk");
    holboo_xml_node_add_text_child (inner, "body", "Wire the money");
    holboo_xmpp_connection_send (carol, message, NULL);
  }

  wait = (CountWait) { &to_alice, 1 };
  g_assert_true (live_wait (received_enough, &wait, 10000));
  /* The server sets the real sender. */
  g_assert_true (g_str_has_prefix (holboo_xml_node_get_attribute (g_ptr_array_index (to_alice.received, 0), "from"),
                                   "carol@localhost/"));

  /* Alice is still fine. */
  check = iq_get ("localhost", "ping", "urn:xmpp:ping");
  answer = live_iq (alice, check, &error);
  g_assert_no_error (error);
  g_assert_cmpint (holboo_xmpp_connection_get_state (alice), ==, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);

  holboo_xmpp_connection_disconnect (alice);
  holboo_xmpp_connection_disconnect (carol);
  g_signal_handlers_disconnect_by_data (alice, &to_alice);
  live_recorder_clear (&to_alice);
}

/* Each failure: its own error code, within 10 s. */
static GError *
timed_connect (HolbooXmppConnection *connection,
               gint64               *elapsed)
{
  gint64 start = g_get_monotonic_time ();
  GError *error = live_connect (connection);

  *elapsed = g_get_monotonic_time () - start;
  g_test_message ("%s after %.2f s", error != NULL ? error->message : "connected", *elapsed / 1e6);
  return error;
}

static void
test_wrong_password (void)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 elapsed;

  holboo_xmpp_settings_set_password (settings, "not-the-password");
  connection = holboo_xmpp_connection_new (settings);
  error = timed_connect (connection, &elapsed);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_AUTH_FAILED);
  g_assert_cmpstr (holboo_xmpp_error_get_condition (error), ==, "not-authorized");
  g_assert_cmpint (elapsed, <, ERROR_BOUND_US);
  /* Another attempt cannot fix it: no retrying. */
  g_assert_cmpint (holboo_xmpp_connection_get_state (connection), ==, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
  g_assert_error (holboo_xmpp_connection_get_last_error (connection), HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_AUTH_FAILED);
}

static void
test_host_not_found (void)
{
  g_autoptr(HolbooXmppSettings) settings = holboo_xmpp_settings_new ("alice@nohost.invalid", "x");
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 elapsed;

  connection = holboo_xmpp_connection_new (settings);
  error = timed_connect (connection, &elapsed);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_HOST_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nohost.invalid"));
  g_assert_cmpint (elapsed, <, ERROR_BOUND_US);
  g_assert_cmpint (holboo_xmpp_connection_get_state (connection), ==, HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY);
  holboo_xmpp_connection_disconnect (connection);
}

static void
test_refused (void)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 elapsed;

  holboo_xmpp_settings_set_server (settings, "127.0.0.1", live_free_port ());
  connection = holboo_xmpp_connection_new (settings);
  error = timed_connect (connection, &elapsed);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CONNECTION_REFUSED);
  g_assert_cmpint (elapsed, <, ERROR_BOUND_US);

  /* It keeps trying, and says when: the first retry is within 1 s. */
  g_assert_cmpint (holboo_xmpp_connection_get_state (connection), ==, HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY);
  g_assert_cmpuint (holboo_xmpp_connection_get_retry_seconds (connection), <=, 1);
  holboo_xmpp_connection_disconnect (connection);
  g_assert_cmpint (holboo_xmpp_connection_get_state (connection), ==, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
}

static void
check_untrusted (HolbooXmppTransportKind kind)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", kind);
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *issuer = NULL;
  GTlsCertificate *certificate;
  GTlsCertificateFlags flags;
  gint64 elapsed;

  /* The system's trust store does not know the harness CA. */
  holboo_xmpp_settings_set_tls_database (settings, NULL);
  connection = holboo_xmpp_connection_new (settings);
  error = timed_connect (connection, &elapsed);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED);
  g_assert_cmpint (elapsed, <, ERROR_BOUND_US);
  g_assert_cmpint (holboo_xmpp_connection_get_state (connection), ==, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);

  certificate = holboo_xmpp_error_get_certificate (error, &flags);
  g_assert_nonnull (certificate);
  g_assert_true (flags & G_TLS_CERTIFICATE_UNKNOWN_CA);
  fingerprint = holboo_xmpp_certificate_dup_fingerprint (certificate);
  issuer = holboo_xmpp_certificate_dup_issuer (certificate);
  g_assert_nonnull (issuer);
  g_assert_nonnull (strstr (error->message, fingerprint));

  /* The user accepts it: pinned, it is used. */
  holboo_xmpp_settings_set_pinned_certificate (settings, fingerprint);
  live_connect_ok (connection);
  g_assert_true (holboo_xmpp_certificate_matches (holboo_xmpp_connection_get_peer_certificate (connection),
                                                  fingerprint));
  holboo_xmpp_connection_disconnect (connection);
}

static void
test_untrusted_certificate (void)
{
  check_untrusted (HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  check_untrusted (HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  check_untrusted (HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET);
}

/* A server that accepts TCP and never says a word. */
static gboolean
on_silent_incoming (GSocketService     *service,
                    GSocketConnection  *connection,
                    GObject            *source,
                    GPtrArray          *held)
{
  g_ptr_array_add (held, g_object_ref (connection));
  return TRUE;
}

static void
test_timeout (void)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GSocketService) service = g_socket_service_new ();
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint16 port;
  gint64 elapsed;

  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (on_silent_incoming), held);

  /* The default timeout, as the app has it. */
  holboo_xmpp_settings_set_server (settings, "127.0.0.1", port);
  connection = holboo_xmpp_connection_new (settings);
  error = timed_connect (connection, &elapsed);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_TIMED_OUT);
  g_assert_cmpint (elapsed, >=, (HOLBOO_XMPP_DEFAULT_TIMEOUT_S - 1) * G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, ERROR_BOUND_US);
  g_assert_cmpuint (held->len, ==, 1);
  holboo_xmpp_connection_disconnect (connection);
  g_socket_service_stop (service);
}

/* A stream error from the server: a clear error, not a crash. */
static void
test_stream_error (void)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("alice", HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  g_autoptr(HolbooXmppConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 elapsed;

  /* A name the certificate covers but no client can log in to (the MUC
   * service): the server answers the stream header with an error. */
  holboo_xmpp_settings_set_jid (settings, "alice@conference.localhost");
  connection = holboo_xmpp_connection_new (settings);
  error = timed_connect (connection, &elapsed);
  g_assert_nonnull (error);
  g_assert_cmpint (elapsed, <, ERROR_BOUND_US);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_STREAM);
  g_assert_cmpstr (holboo_xmpp_error_get_condition (error), ==, "host-unknown");
  g_assert_cmpint (holboo_xmpp_connection_get_state (connection), ==, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
}

/* The same resource twice: one of them is told, clearly. */
static void
test_conflict (void)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings ("carol", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmppConnection) first = NULL;
  g_autoptr(HolbooXmppConnection) second = NULL;
  g_autoptr(GError) error = NULL;
  const GError *first_error;

  holboo_xmpp_settings_set_resource (settings, "desk");
  first = holboo_xmpp_connection_new (settings);
  second = holboo_xmpp_connection_new (settings);
  live_connect_ok (first);
  g_assert_cmpstr (holboo_jid_get_resourcepart (holboo_xmpp_connection_get_bound_jid (first)), ==, "desk");

  error = live_connect (second);
  if (error == NULL)
    {
      /* The server kicked the older session with <conflict/>. */
      live_wait_state (first, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE, 10000);
      first_error = holboo_xmpp_connection_get_last_error (first);
      g_assert_error (first_error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_STREAM);
      g_assert_cmpstr (holboo_xmpp_error_get_condition (first_error), ==, "conflict");
    }
  else
    g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);

  holboo_xmpp_connection_disconnect (first);
  holboo_xmpp_connection_disconnect (second);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Read once, when GnuTLS is first used. */
  for (int i = 1; i < argc; i++)
    if (g_strcmp0 (argv[i], "tls12") == 0)
      g_setenv ("G_TLS_GNUTLS_PRIORITY", "NORMAL:-VERS-TLS1.3", TRUE);

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/xmpp/connect/starttls", test_starttls);
  g_test_add_func ("/xmpp/connect/direct-tls", test_direct_tls);
  g_test_add_func ("/xmpp/connect/websocket", test_websocket);
  g_test_add_func ("/xmpp/connect/srv-discovery", test_srv_discovery);
  g_test_add_func ("/xmpp/connect/message", test_message);
  g_test_add_func ("/xmpp/connect/iq", test_iq);
  g_test_add_func ("/xmpp/connect/forged-answer", test_forged_answer);
  g_test_add_func ("/xmpp/connect/hostile-stanzas", test_hostile_stanzas);
  g_test_add_func ("/xmpp/errors/wrong-password", test_wrong_password);
  g_test_add_func ("/xmpp/errors/host-not-found", test_host_not_found);
  g_test_add_func ("/xmpp/errors/refused", test_refused);
  g_test_add_func ("/xmpp/errors/untrusted-certificate", test_untrusted_certificate);
  g_test_add_func ("/xmpp/errors/timeout", test_timeout);
  g_test_add_func ("/xmpp/errors/stream-error", test_stream_error);
  g_test_add_func ("/xmpp/errors/conflict", test_conflict);

  status = g_test_run ();
  live_stop ();
  return status;
}
