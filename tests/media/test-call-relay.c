/* test-call-relay.c: a call forced through the harness's coturn (relay only)
 *
 * Both ends use TURN REST credentials as XEP-0215 hands them out
 * (user "expiry:name", password base64 (HMAC-SHA1 (secret, user))) and
 * the relay-only policy: the selected pair must be relay ↔ relay, and
 * the tones still cross both ways.  One server for the whole program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-call-relay"

#include "config.h"

#include "call-test-util.h"
#include "holboo-test-server.h"

static HolbooTestServer *server;

/* coturn listens on loopback only: the host candidates its relays are
 * allocated from must be loopback too. */
static const char * const loopback[] = { "127.0.0.1", NULL };

static GPtrArray *
turn_servers (const char *secret_override)
{
  GPtrArray *servers = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_ice_server_unref);
  g_autofree char *user = call_test_turn_username (g_get_real_time () / G_USEC_PER_SEC + 3600);
  g_autofree char *pass = call_test_turn_password (secret_override ? secret_override
                                                                   : holboo_test_server_get_turn_secret (server),
                                                   user);
  guint16 port = holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURN);

  g_ptr_array_add (servers, holboo_ice_server_new (HOLBOO_ICE_SERVER_STUN, "127.0.0.1", port,
                                                   HOLBOO_ICE_TRANSPORT_UDP, NULL, NULL));
  g_ptr_array_add (servers, holboo_ice_server_new (HOLBOO_ICE_SERVER_TURN, "127.0.0.1", port,
                                                   HOLBOO_ICE_TRANSPORT_UDP, user, pass));
  return servers;
}

static gboolean
tones_crossed (gpointer data)
{
  CallPair *pair = data;

  return call_end_count_tone (&pair->b, 440, 10) >= 5 && call_end_count_tone (&pair->a, 660, 10) >= 5;
}

static gboolean
gathering_done (gpointer data)
{
  return ((CallEnd *) data)->gathering_done;
}

static void
test_relay_only (void)
{
  g_autoptr(GPtrArray) servers = turn_servers (NULL);
  CallPairOptions options = { .relay_only = TRUE, .ice_servers = servers, .local_addresses = loopback };
  CallPair pair;
  g_autoptr(HolbooCallStats) sa = NULL;
  g_autoptr(HolbooCallStats) sb = NULL;

  call_pair_init (&pair, &options);
  call_pair_connect (&pair, 30);

  g_assert_true (call_test_wait (tones_crossed, &pair, 10000));

  sa = call_end_get_stats (&pair.a);
  sb = call_end_get_stats (&pair.b);
  g_test_message ("a: %s → %s; b: %s → %s; setup %" G_GINT64_FORMAT " µs",
                  holboo_ice_candidate_type_to_string (sa->local_candidate_type),
                  holboo_ice_candidate_type_to_string (sa->remote_candidate_type),
                  holboo_ice_candidate_type_to_string (sb->local_candidate_type),
                  holboo_ice_candidate_type_to_string (sb->remote_candidate_type),
                  sa->setup_time_us);
  g_assert_cmpint (sa->local_candidate_type, ==, HOLBOO_ICE_CANDIDATE_TYPE_RELAY);
  g_assert_cmpint (sa->remote_candidate_type, ==, HOLBOO_ICE_CANDIDATE_TYPE_RELAY);
  g_assert_cmpint (sb->local_candidate_type, ==, HOLBOO_ICE_CANDIDATE_TYPE_RELAY);
  g_assert_cmpint (sb->remote_candidate_type, ==, HOLBOO_ICE_CANDIDATE_TYPE_RELAY);

  holboo_call_pipeline_hang_up (pair.a.pipeline);
  holboo_call_pipeline_hang_up (pair.b.pipeline);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.a.pipeline), ==, HOLBOO_CALL_STATE_ENDED);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.b.pipeline), ==, HOLBOO_CALL_STATE_ENDED);
  call_pair_clear (&pair);
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Relay only with credentials coturn refuses: no candidate at all, so
 * nothing can connect and no local address leaks to the peer. */
static void
test_relay_only_bad_credentials (void)
{
  g_autoptr(GPtrArray) servers = turn_servers ("not-the-secret");
  CallPairOptions options = { .relay_only = TRUE, .ice_servers = servers, .local_addresses = loopback };
  CallPair pair;

  g_autoptr(GAsyncResult) result = NULL;

  call_pair_init (&pair, &options);
  holboo_call_pipeline_create_offer_async (pair.a.pipeline, NULL, on_result, &result);

  /* Gathering ends without a candidate; the caller cannot connect. */
  g_assert_true (call_test_wait (gathering_done, &pair.a, 30000));
  g_assert_cmpuint (pair.a.n_candidates, ==, 0);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.a.pipeline), !=, HOLBOO_CALL_STATE_CONNECTED);
  call_pair_clear (&pair);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  call_test_init (&argc, &argv);
  gst_init (&argc, &argv);

  server = holboo_test_server_new (HOLBOO_TEST_SERVER_KIND_PROSODY, NULL);
  if (!holboo_test_server_start (server, &error))
    g_error ("The test server does not start: %s", error->message);

  g_test_add_func ("/media/call/relay/relay-only", test_relay_only);
  g_test_add_func ("/media/call/relay/bad-credentials", test_relay_only_bad_credentials);
  ret = g_test_run ();

  holboo_test_server_stop (server, NULL);
  g_clear_object (&server);
  return ret;
}
