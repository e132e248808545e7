/* test-core-calls.c: two Holboo engines call each other through the
 * harness's real Prosody and coturn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each engine is a HolbooAccount with its own store: the caller sends a
 * 440 Hz tone, the callee 660 Hz, and each side's spectrum must find
 * the other's.  Then what ends a call (hang-up from either side,
 * decline, no answer, retract, another device answering) must end it
 * on both sides with the right reason and log it in both stores.  Last,
 * hostile Jingle requests (garbage, unknown codecs, a stranger in the
 * session, a candidate flood, a changed DTLS fingerprint) must get the
 * errors of XEP-0166 §12 and leave the engine running.
 *
 * Run with "prosody" (the default) or "ejabberd".
 */

#include "config.h"

#include "call-test-util.h"
#include "core-live-util.h"
#include "holboo-account-calls.h"
#include "holboo-account-contacts.h"
#include "holboo-call-private.h"
#include "holboo-spectrum.h"
#include "holboo-xmpp-jingle-rtp.h"
#include "holboo-xmpp-jingle.h"
#include "holboo-xmpp-jmi.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

static const char * const accounts[] = { "alice", "bob", "mallory", "carol", NULL };

/* One engine and what its calls did. */
typedef struct {
  LiveAccount *live;
  double       tone;
  gboolean     relay_only;
  HolbooCall  *call;          /* the last call added */
  guint        added;
  CallEnd      end;           /* its media, while it lasts */
} Engine;

static Engine alice, bob;

static void
on_element_message (HolbooCallPipeline *pipeline,
                    GstMessage         *message,
                    CallEnd            *end)
{
  double hz, db, none = 0;

  if (!holboo_spectrum_peak (message, &hz, &db))
    return;
  if (db > -45.0)
    g_array_append_val (end->peaks, hz);
  else
    g_array_append_val (end->peaks, none);
}

static void
on_pipeline (HolbooCall *call,
             GParamSpec *pspec,
             Engine     *engine)
{
  HolbooCallPipeline *pipeline = holboo_call_get_pipeline (call);

  engine->end.pipeline = pipeline;
  if (pipeline != NULL)
    g_signal_connect (pipeline, "element-message", G_CALLBACK (on_element_message), &engine->end);
}

static void
on_call_added (HolbooAccount *account,
               HolbooCall    *call,
               Engine        *engine)
{
  g_autofree char *source = g_strdup_printf ("audiotestsrc is-live=true wave=sine freq=%g volume=0.4 "
                                             "samplesperbuffer=480", engine->tone);
  const char *sink = "audioconvert ! audio/x-raw,format=F32LE,channels=1,rate=48000 "
                     "! spectrum bands=1200 interval=100000000 threshold=-90 post-messages=true "
                     "message-magnitude=true ! fakesink sync=true async=false";
  const char * const loopback[] = { "127.0.0.1", NULL };

  g_set_object (&engine->call, call);
  engine->added++;
  g_array_set_size (engine->end.peaks, 0);
  engine->end.pipeline = NULL;
  g_object_set (call,
                "audio-source", source,
                "audio-sink", sink,
                "video-source", "videotestsrc is-live=true ! video/x-raw,width=320,height=240,framerate=30/1",
                "video-sink", "fakesink name=video-out sync=false async=false",
                "echo-cancel", FALSE,
                NULL);
  if (engine->relay_only)
    g_object_set (call, "relay-only", TRUE, "local-addresses", loopback, NULL);
  g_signal_connect (call, "notify::pipeline", G_CALLBACK (on_pipeline), engine);
}

static void
engine_init (Engine     *engine,
             const char *user,
             const char *resource,
             double      tone)
{
  memset (engine, 0, sizeof *engine);
  engine->tone = tone;
  engine->end.peaks = g_array_new (FALSE, FALSE, sizeof (double));
  engine->end.magnitudes = g_array_new (FALSE, FALSE, sizeof (double));
  engine->live = live_account_new (user, resource, HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_signal_connect (engine->live->account, "call-added", G_CALLBACK (on_call_added), engine);
  live_account_connect (engine->live);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}

/* Closes @engine's account; returns the path of its store, kept. */
static char *
engine_close (Engine *engine)
{
  char *path;

  g_signal_handlers_disconnect_by_data (engine->live->account, engine);
  if (engine->call != NULL)
    g_signal_handlers_disconnect_by_data (engine->call, engine);
  g_clear_object (&engine->call);
  path = live_account_free (engine->live, TRUE);
  g_array_unref (engine->end.peaks);
  g_array_unref (engine->end.magnitudes);
  return path;
}

static void
engine_clear (Engine *engine)
{
  g_autofree char *path = engine_close (engine);
  g_autofree char *dir = g_path_get_dirname (path);

  remove_tree (dir);
}

/* ---- waiting ---- */

typedef struct {
  Engine           *engine;
  HolbooCallStatus  status;
} StatusWait;

static gboolean
has_status (gpointer data)
{
  StatusWait *w = data;

  return w->engine->call != NULL && holboo_call_get_status (w->engine->call) == w->status;
}

static void
wait_status (Engine           *engine,
             HolbooCallStatus  status,
             guint             timeout_s)
{
  StatusWait w = { engine, status };

  if (!call_test_wait (has_status, &w, timeout_s * 1000))
    g_error ("%s: call not %s after %u s but %s (%s)", engine->live->user, holboo_call_status_to_string (status),
             timeout_s, engine->call ? holboo_call_status_to_string (holboo_call_get_status (engine->call)) : "none",
             engine->call ? holboo_call_end_reason_to_string (holboo_call_get_end_reason (engine->call)) : "");
}

static void
assert_ended (Engine              *engine,
              HolbooCallEndReason  reason)
{
  wait_status (engine, HOLBOO_CALL_STATUS_ENDED, 30);
  g_assert_cmpstr (holboo_call_end_reason_to_string (holboo_call_get_end_reason (engine->call)), ==,
                   holboo_call_end_reason_to_string (reason));
}

static gboolean
tone_heard (gpointer data)
{
  Engine *engine = data;
  Engine *other = engine == &alice ? &bob : &alice;

  return call_end_count_tone (&engine->end, other->tone, 10) >= 5;
}

static void
assert_hears (Engine *engine)
{
  if (!call_test_wait (tone_heard, engine, 20000))
    g_error ("%s did not hear the other side", engine->live->user);
}

static gboolean
video_arrives (gpointer data)
{
  Engine *engine = data;

  return engine->end.pipeline != NULL && call_end_video_frames (&engine->end) >= 10;
}

/* The call's row in @engine's store (read on a connection of our own),
 * once the worker wrote it. */
typedef struct {
  const char *path;
  const char *sid;
  char       *end_reason;
  char       *peer;
  int         incoming;
  gint64      answered;
} LogWait;

static gboolean
is_logged (gpointer data)
{
  LogWait *w = data;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_open_v2 (w->path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT end_reason, peer, incoming, answered FROM calls WHERE sid = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, w->sid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          found = TRUE;
          w->end_reason = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          w->peer = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          w->incoming = sqlite3_column_int (stmt, 2);
          w->answered = sqlite3_column_int64 (stmt, 3);
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

static void
assert_logged (Engine              *engine,
               HolbooCallEndReason  reason,
               gboolean             answered)
{
  LogWait w = { engine->live->path, holboo_call_get_sid (engine->call) };
  g_autoptr(HolbooCall) first = NULL;
  GListModel *log = holboo_account_get_call_log (engine->live->account);

  g_assert_cmpuint (g_list_model_get_n_items (log), >, 0);
  first = g_list_model_get_item (log, 0);
  g_assert_true (first == engine->call);

  g_assert_true (call_test_wait (is_logged, &w, 20000));
  g_assert_cmpstr (w.end_reason, ==, holboo_call_end_reason_to_string (reason));
  g_assert_cmpstr (w.peer, ==, holboo_call_get_peer (engine->call));
  g_assert_cmpint (w.incoming, ==, holboo_call_get_incoming (engine->call));
  if (answered)
    g_assert_cmpint (w.answered, >, 0);
  else
    g_assert_cmpint (w.answered, ==, 0);
  g_free (w.end_reason);
  g_free (w.peer);
}

static HolbooCall *
place_call (gboolean video)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooCall) call = NULL;
  guint added = bob.added;

  call = holboo_account_place_call (alice.live->account, live_account_jid (bob.live), video, &error);
  g_assert_no_error (error);
  g_assert_true (call == alice.call);
  g_assert_cmpint (holboo_call_get_status (call), ==, HOLBOO_CALL_STATUS_OUTGOING);
  wait_status (&bob, HOLBOO_CALL_STATUS_INCOMING, 20);
  g_assert_cmpuint (bob.added, ==, added + 1);
  g_assert_cmpstr (holboo_call_get_sid (bob.call), ==, holboo_call_get_sid (call));
  g_assert_cmpstr (holboo_call_get_peer (bob.call), ==, live_account_jid (alice.live));
  g_assert_cmpint (holboo_call_get_video (bob.call), ==, video);
  return g_steal_pointer (&call);
}

static void
connect_call (gboolean video)
{
  g_autoptr(HolbooCall) call = place_call (video);

  wait_status (&alice, HOLBOO_CALL_STATUS_RINGING, 20);
  holboo_call_accept (bob.call);
  wait_status (&bob, HOLBOO_CALL_STATUS_ACTIVE, 30);
  wait_status (&alice, HOLBOO_CALL_STATUS_ACTIVE, 30);
}

static gboolean
remote_muted (gpointer data)
{
  return holboo_call_get_remote_muted (data);
}

static gboolean
remote_held (gpointer data)
{
  return holboo_call_get_remote_held (data);
}

static gboolean
remote_unheld (gpointer data)
{
  return !holboo_call_get_remote_held (data);
}

/* ---- tests ---- */

static void
test_call_hang_up_caller (void)
{
  connect_call (TRUE);
  assert_hears (&bob);
  assert_hears (&alice);
  g_assert_true (call_test_wait (video_arrives, &alice, 20000));
  g_assert_true (call_test_wait (video_arrives, &bob, 20000));

  /* session-info (XEP-0167): mute, hold and back. */
  holboo_call_set_muted (alice.call, TRUE);
  g_assert_true (call_test_wait (remote_muted, bob.call, 20000));
  holboo_call_set_held (bob.call, TRUE);
  g_assert_true (call_test_wait (remote_held, alice.call, 20000));
  holboo_call_set_held (bob.call, FALSE);
  g_assert_true (call_test_wait (remote_unheld, alice.call, 20000));
  holboo_call_set_muted (alice.call, FALSE);

  holboo_call_hang_up (alice.call);
  assert_ended (&alice, HOLBOO_CALL_END_HUNG_UP);
  assert_ended (&bob, HOLBOO_CALL_END_REMOTE_HUNG_UP);
  g_assert_null (holboo_call_get_pipeline (alice.call));
  g_assert_cmpint (holboo_call_get_duration (bob.call), >, 0);
  assert_logged (&alice, HOLBOO_CALL_END_HUNG_UP, TRUE);
  assert_logged (&bob, HOLBOO_CALL_END_REMOTE_HUNG_UP, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_calls (alice.live->account)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_calls (bob.live->account)), ==, 0);
}

static gboolean
has_turn (gpointer data)
{
  Engine *engine = data;
  GPtrArray *services = holboo_account_get_external_services (engine->live->account);

  return services != NULL && services->len > 0;
}

static void
test_call_relay_hang_up_callee (void)
{
  g_autoptr(HolbooCallStats) stats = NULL;

  g_assert_true (call_test_wait (has_turn, &alice, 20000));
  g_assert_true (call_test_wait (has_turn, &bob, 20000));
  alice.relay_only = bob.relay_only = TRUE;
  connect_call (FALSE);
  assert_hears (&bob);
  assert_hears (&alice);
  stats = call_end_get_stats (&alice.end);
  g_assert_cmpint (stats->local_candidate_type, ==, HOLBOO_ICE_CANDIDATE_TYPE_RELAY);

  holboo_call_hang_up (bob.call);
  assert_ended (&bob, HOLBOO_CALL_END_HUNG_UP);
  assert_ended (&alice, HOLBOO_CALL_END_REMOTE_HUNG_UP);
  assert_logged (&alice, HOLBOO_CALL_END_REMOTE_HUNG_UP, TRUE);
  assert_logged (&bob, HOLBOO_CALL_END_HUNG_UP, TRUE);
  alice.relay_only = bob.relay_only = FALSE;
}

static void
test_call_decline (void)
{
  g_autoptr(HolbooCall) call = place_call (FALSE);

  holboo_call_decline (bob.call);
  assert_ended (&bob, HOLBOO_CALL_END_DECLINED);
  assert_ended (&alice, HOLBOO_CALL_END_REMOTE_DECLINED);
  assert_logged (&alice, HOLBOO_CALL_END_REMOTE_DECLINED, FALSE);
  assert_logged (&bob, HOLBOO_CALL_END_DECLINED, FALSE);
}

static void
test_call_no_answer (void)
{
  g_autoptr(HolbooCall) call = place_call (FALSE);

  g_object_set (call, "ring-timeout", 2u, NULL);
  assert_ended (&alice, HOLBOO_CALL_END_NO_ANSWER);
  assert_ended (&bob, HOLBOO_CALL_END_MISSED);
  assert_logged (&alice, HOLBOO_CALL_END_NO_ANSWER, FALSE);
  assert_logged (&bob, HOLBOO_CALL_END_MISSED, FALSE);
}

static void
test_call_retract (void)
{
  g_autoptr(HolbooCall) call = place_call (FALSE);

  wait_status (&alice, HOLBOO_CALL_STATUS_RINGING, 20);
  holboo_call_hang_up (call);
  assert_ended (&alice, HOLBOO_CALL_END_CANCELLED);
  assert_ended (&bob, HOLBOO_CALL_END_MISSED);
  assert_logged (&alice, HOLBOO_CALL_END_CANCELLED, FALSE);
  assert_logged (&bob, HOLBOO_CALL_END_MISSED, FALSE);
  /* A retract again (or late) changes nothing. */
  holboo_call_hang_up (call);
  g_assert_cmpint (holboo_call_get_end_reason (bob.call), ==, HOLBOO_CALL_END_MISSED);
}

static void
test_call_second_device (void)
{
  Engine desk;
  g_autoptr(HolbooCall) call = NULL;
  g_autoptr(GError) error = NULL;

  engine_init (&desk, "bob", "desk", 660);
  call = holboo_account_place_call (alice.live->account, live_account_jid (bob.live), FALSE, &error);
  g_assert_no_error (error);
  wait_status (&bob, HOLBOO_CALL_STATUS_INCOMING, 20);
  wait_status (&desk, HOLBOO_CALL_STATUS_INCOMING, 20);

  holboo_call_accept (desk.call);
  assert_ended (&bob, HOLBOO_CALL_END_ANSWERED_ELSEWHERE);
  wait_status (&desk, HOLBOO_CALL_STATUS_ACTIVE, 30);
  wait_status (&alice, HOLBOO_CALL_STATUS_ACTIVE, 30);
  g_assert_true (g_str_has_suffix (holboo_call_get_peer_device (call), "/desk"));
  if (!call_test_wait (tone_heard, &alice, 20000))
    g_error ("alice did not hear the desk");
  assert_logged (&bob, HOLBOO_CALL_END_ANSWERED_ELSEWHERE, FALSE);

  /* The desk's account closes mid-call: it hangs up as it goes, and
   * logs the call in its store before closing it. */
  {
    g_autofree char *sid = g_strdup (holboo_call_get_sid (desk.call));
    g_autofree char *path = NULL;
    g_autofree char *dir = NULL;
    LogWait w = { NULL, sid };

    path = engine_close (&desk);
    assert_ended (&alice, HOLBOO_CALL_END_REMOTE_HUNG_UP);
    w.path = path;
    g_assert_true (is_logged (&w));
    g_assert_cmpstr (w.end_reason, ==, "hung-up");
    g_assert_cmpint (w.answered, >, 0);
    g_free (w.end_reason);
    g_free (w.peer);
    dir = g_path_get_dirname (path);
    remove_tree (dir);
  }
}

/* carol is offline while alice calls and gives up: the proposal waits
 * in offline storage, and when carol comes online it is a missed call,
 * logged, that never rings. */
static void
test_call_missed_offline (void)
{
  g_autofree char *carol_jid = g_strdup_printf ("carol@%s", holboo_test_server_get_domain (live.server));
  g_autoptr(HolbooCall) call = NULL;
  g_autoptr(GError) error = NULL;
  Engine carol;

  call = holboo_account_place_call (alice.live->account, carol_jid, FALSE, &error);
  g_assert_no_error (error);
  g_object_set (call, "ring-timeout", 1u, NULL);
  assert_ended (&alice, HOLBOO_CALL_END_NO_ANSWER);

  engine_init (&carol, "carol", "desk", 660);
  wait_status (&carol, HOLBOO_CALL_STATUS_ENDED, 20);
  g_assert_cmpstr (holboo_call_get_sid (carol.call), ==, holboo_call_get_sid (call));
  assert_ended (&carol, HOLBOO_CALL_END_MISSED);
  assert_logged (&carol, HOLBOO_CALL_END_MISSED, FALSE);
  g_assert_cmpuint (carol.added, ==, 1);
  engine_clear (&carol);
}

/* ---- hostile input ---- */

typedef struct {
  const char    *id;
  HolbooXmlNode *reply;
} Catch;

static void
on_stanza (HolbooXmppConnection *connection,
           HolbooXmlNode        *stanza,
           Catch                *c)
{
  if (c->reply == NULL && g_strcmp0 (holboo_xml_node_get_attribute (stanza, "id"), c->id) == 0)
    c->reply = holboo_xml_node_ref (stanza);
}

static gboolean
caught (gpointer data)
{
  return ((Catch *) data)->reply != NULL;
}

/* Sends @iq untracked and returns the raw answer. */
static HolbooXmlNode *
send_and_catch (HolbooXmppConnection *connection,
                HolbooXmlNode        *iq)
{
  Catch c = { holboo_xml_node_get_attribute (iq, "id"), NULL };
  gulong id = g_signal_connect (connection, "stanza-received", G_CALLBACK (on_stanza), &c);

  g_assert_true (holboo_xmpp_connection_send (connection, iq, NULL));
  g_assert_true (call_test_wait (caught, &c, 20000));
  g_signal_handler_disconnect (connection, id);
  return c.reply;
}

static void
assert_jingle_error (HolbooXmlNode         *reply,
                     HolbooXmppStanzaError  condition,
                     HolbooXmppJingleError  jingle_condition)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (holboo_xml_node_get_attribute (reply, "type"), ==, "error");
  error = holboo_xmpp_stanza_error_from_node (reply);
  g_assert_error (error, HOLBOO_XMPP_STANZA_ERROR, (int) condition);
  g_assert_cmpint (holboo_xmpp_jingle_error_from_node (reply), ==, jingle_condition);
}

static HolbooXmppConnection *
account_connection (Engine *engine)
{
  HolbooXmppConnection *connection = NULL;

  g_object_get (engine->live->account, "connection", &connection, NULL);
  g_object_unref (connection);
  return connection;
}

static const char *
device (Engine *engine)
{
  return holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (account_connection (engine)));
}

/* An RTP content with @codec only, an ICE-UDP transport and a DTLS
 * fingerprint; with @garbage, a port and ufrag no client writes. */
static HolbooXmlNode *
initiate (const char *to,
          const char *sid,
          const char *initiator,
          const char *codec,
          gboolean    garbage)
{
  HolbooXmlNode *jingle;
  HolbooXmlNode *iq = holboo_xmpp_jingle_build_iq (to, HOLBOO_XMPP_JINGLE_ACTION_SESSION_INITIATE, sid, &jingle);
  HolbooXmlNode *content = holboo_xml_node_add_child_ns (jingle, "content", HOLBOO_XMLNS_JINGLE);
  HolbooXmlNode *description, *pt, *transport, *fingerprint, *candidate;

  holboo_xml_node_set_attribute (jingle, "initiator", initiator);
  holboo_xml_node_set_attribute (content, "creator", "initiator");
  holboo_xml_node_set_attribute (content, "name", "0");
  description = holboo_xml_node_add_child_ns (content, "description", HOLBOO_XMLNS_JINGLE_RTP);
  holboo_xml_node_set_attribute (description, "media", "audio");
  pt = holboo_xml_node_add_child_ns (description, "payload-type", HOLBOO_XMLNS_JINGLE_RTP);
  holboo_xml_node_set_attribute (pt, "id", garbage ? "-7000" : "111");
  holboo_xml_node_set_attribute (pt, "name", codec);
  holboo_xml_node_set_attribute (pt, "clockrate", garbage ? "banana" : "48000");
  holboo_xml_node_set_attribute (pt, "channels", "2");
  transport = holboo_xml_node_add_child_ns (content, "transport", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  holboo_xml_node_set_attribute (transport, "ufrag", garbage ? "" : "abcd");
  holboo_xml_node_set_attribute (transport, "pwd", "0123456789abcdef01234567");
  fingerprint = holboo_xml_node_add_child_ns (transport, "fingerprint", HOLBOO_XMLNS_JINGLE_DTLS);
  holboo_xml_node_set_attribute (fingerprint, "hash", "sha-256");
  holboo_xml_node_set_attribute (fingerprint, "setup", "actpass");
  holboo_xml_node_add_text (fingerprint,
                            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:"
                            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99", -1);
  candidate = holboo_xml_node_add_child_ns (transport, "candidate", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  holboo_xml_node_set_attribute (candidate, "component", "1");
  holboo_xml_node_set_attribute (candidate, "foundation", "1");
  holboo_xml_node_set_attribute (candidate, "generation", "0");
  holboo_xml_node_set_attribute (candidate, "id", "c1");
  holboo_xml_node_set_attribute (candidate, "ip", garbage ? "not an address" : "127.0.0.1");
  holboo_xml_node_set_attribute (candidate, "network", "0");
  holboo_xml_node_set_attribute (candidate, "port", garbage ? "99999999" : "40000");
  holboo_xml_node_set_attribute (candidate, "priority", "2130706431");
  holboo_xml_node_set_attribute (candidate, "protocol", "udp");
  holboo_xml_node_set_attribute (candidate, "type", "host");
  return iq;
}

/* Mallory's session-terminates, as her client receives them. */
static gboolean
on_mallory_jingle (HolbooXmppConnection *connection,
                   HolbooXmlNode        *stanza,
                   gpointer              user_data)
{
  GPtrArray *received = user_data;
  g_autoptr(HolbooXmlNode) ack = holboo_xmpp_jingle_result_reply (stanza);

  g_ptr_array_add (received, holboo_xmpp_jingle_parse (stanza, NULL));
  holboo_xmpp_connection_send (connection, ack, NULL);
  return TRUE;
}

static gboolean
has_one (gpointer data)
{
  return ((GPtrArray *) data)->len > 0;
}

static gboolean
has_two (gpointer data)
{
  return ((GPtrArray *) data)->len > 1;
}

static void
test_hostile_initiate (void)
{
  g_autoptr(HolbooXmppConnection) mallory = live_connection ("mallory", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(GPtrArray) received = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_jingle_free);
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(HolbooXmlNode) reply = NULL;
  HolbooXmppJingle *terminate;
  const char *me;
  guint added = bob.added;

  live_connect_ok (mallory);
  holboo_xmpp_connection_add_handler (mallory, "iq", HOLBOO_XMLNS_JINGLE, on_mallory_jingle, received, NULL);
  me = holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (mallory));

  /* Garbage in every field: bad-request, no call. */
  iq = initiate (device (&bob), "garbage-1", me, "opus", TRUE);
  reply = send_and_catch (mallory, iq);
  assert_jingle_error (reply, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, HOLBOO_XMPP_JINGLE_ERROR_NONE);
  g_clear_pointer (&iq, holboo_xml_node_unref);
  g_clear_pointer (&reply, holboo_xml_node_unref);

  /* A forged initiator: bad-request. */
  iq = initiate (device (&bob), "forged-1", device (&alice), "opus", FALSE);
  reply = send_and_catch (mallory, iq);
  assert_jingle_error (reply, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, HOLBOO_XMPP_JINGLE_ERROR_NONE);
  g_clear_pointer (&iq, holboo_xml_node_unref);
  g_clear_pointer (&reply, holboo_xml_node_unref);

  /* Unknown codecs only: acknowledged, then terminated with
   * unsupported-applications. */
  iq = initiate (device (&bob), "speex-1", me, "speex", FALSE);
  reply = send_and_catch (mallory, iq);
  g_assert_cmpstr (holboo_xml_node_get_attribute (reply, "type"), ==, "result");
  g_assert_true (call_test_wait (has_one, received, 20000));
  terminate = g_ptr_array_index (received, 0);
  g_assert_cmpint (terminate->action, ==, HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE);
  g_assert_cmpstr (terminate->sid, ==, "speex-1");
  g_assert_cmpint (terminate->reason, ==, HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_APPLICATIONS);
  g_clear_pointer (&iq, holboo_xml_node_unref);
  g_clear_pointer (&reply, holboo_xml_node_unref);

  /* A request for a session that does not exist. */
  {
    HolbooXmlNode *jingle;

    iq = holboo_xmpp_jingle_build_iq (device (&bob), HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_INFO, "nothing", &jingle);
    reply = send_and_catch (mallory, iq);
    assert_jingle_error (reply, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND, HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);
  }

  /* None of it rang or was logged. */
  g_assert_cmpuint (bob.added, ==, added);
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_calls (bob.live->account)), ==, 0);

  /* A bare session-initiate (a client without JMI) that is sound: the
   * call rings here and says so with session-info ringing; declined,
   * the caller gets session-terminate with decline. */
  g_ptr_array_set_size (received, 0);
  iq = initiate (device (&bob), "bare-1", me, "opus", FALSE);
  reply = send_and_catch (mallory, iq);
  g_assert_cmpstr (holboo_xml_node_get_attribute (reply, "type"), ==, "result");
  wait_status (&bob, HOLBOO_CALL_STATUS_INCOMING, 20);
  g_assert_cmpstr (holboo_call_get_sid (bob.call), ==, "bare-1");
  g_assert_true (call_test_wait (has_one, received, 20000));
  terminate = g_ptr_array_index (received, 0);
  g_assert_cmpint (terminate->action, ==, HOLBOO_XMPP_JINGLE_ACTION_SESSION_INFO);
  g_assert_cmpint (holboo_xmpp_jingle_rtp_parse_info (terminate->jingle, NULL), ==, HOLBOO_XMPP_RTP_INFO_RINGING);
  holboo_call_decline (bob.call);
  assert_ended (&bob, HOLBOO_CALL_END_DECLINED);
  g_assert_true (call_test_wait (has_two, received, 20000));
  terminate = g_ptr_array_index (received, 1);
  g_assert_cmpint (terminate->action, ==, HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE);
  g_assert_cmpint (terminate->reason, ==, HOLBOO_XMPP_JINGLE_REASON_DECLINE);
  g_clear_pointer (&iq, holboo_xml_node_unref);
  g_clear_pointer (&reply, holboo_xml_node_unref);

  /* A proposal answered, then silence: the call fails after its
   * connect timeout instead of waiting for ever. */
  {
    g_autoptr(HolbooXmlNode) propose = holboo_xmpp_jmi_build (live_account_jid (bob.live), HOLBOO_XMPP_JMI_PROPOSE,
                                                              "silent-1", FALSE, HOLBOO_XMPP_JINGLE_REASON_NONE);

    g_assert_true (holboo_xmpp_connection_send (mallory, propose, NULL));
    wait_status (&bob, HOLBOO_CALL_STATUS_INCOMING, 20);
    g_assert_cmpstr (holboo_call_get_sid (bob.call), ==, "silent-1");
    g_object_set (bob.call, "connect-timeout", 2u, NULL);
    holboo_call_accept (bob.call);
    assert_ended (&bob, HOLBOO_CALL_END_FAILED);
    g_assert_error ((GError *) holboo_call_get_error (bob.call), G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  }
  holboo_xmpp_connection_disconnect (mallory);
}

/* A transport-info for the running call, from @connection, with @n
 * candidates; @fingerprint replaces the DTLS fingerprint. */
static HolbooXmlNode *
transport_info (Engine     *to,
                const char *sid,
                guint       n,
                const char *fingerprint,
                guint       base)
{
  HolbooXmlNode *jingle;
  HolbooXmlNode *iq = holboo_xmpp_jingle_build_iq (device (to), HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_INFO, sid, &jingle);
  HolbooXmlNode *content = holboo_xml_node_add_child_ns (jingle, "content", HOLBOO_XMLNS_JINGLE);
  HolbooXmlNode *transport;
  const GstSDPMedia *media = gst_sdp_message_get_media (to->call->remote_sdp, 0);
  const char *name = gst_sdp_media_get_attribute_val (media, "mid");
  const char *ufrag = gst_sdp_media_get_attribute_val (media, "ice-ufrag");
  const char *pwd = gst_sdp_media_get_attribute_val (media, "ice-pwd");

  holboo_xml_node_set_attribute (content, "creator", "initiator");
  holboo_xml_node_set_attribute (content, "name", name != NULL ? name : "0");
  transport = holboo_xml_node_add_child_ns (content, "transport", HOLBOO_XMLNS_JINGLE_ICE_UDP);
  if (ufrag != NULL)
    holboo_xml_node_set_attribute (transport, "ufrag", ufrag);
  if (pwd != NULL)
    holboo_xml_node_set_attribute (transport, "pwd", pwd);
  if (fingerprint != NULL)
    {
      HolbooXmlNode *f = holboo_xml_node_add_child_ns (transport, "fingerprint", HOLBOO_XMLNS_JINGLE_DTLS);

      holboo_xml_node_set_attribute (f, "hash", "sha-256");
      holboo_xml_node_set_attribute (f, "setup", "actpass");
      holboo_xml_node_add_text (f, fingerprint, -1);
    }
  for (guint i = 0; i < n; i++)
    {
      HolbooXmlNode *c = holboo_xml_node_add_child_ns (transport, "candidate", HOLBOO_XMLNS_JINGLE_ICE_UDP);
      g_autofree char *id = g_strdup_printf ("f%u", base + i);
      g_autofree char *port = g_strdup_printf ("%u", 1024 + (base + i) % 60000);

      holboo_xml_node_set_attribute (c, "component", "1");
      holboo_xml_node_set_attribute (c, "foundation", "9");
      holboo_xml_node_set_attribute (c, "generation", "0");
      holboo_xml_node_set_attribute (c, "id", id);
      holboo_xml_node_set_attribute (c, "ip", "192.0.2.1");
      holboo_xml_node_set_attribute (c, "network", "0");
      holboo_xml_node_set_attribute (c, "port", port);
      holboo_xml_node_set_attribute (c, "priority", "1");
      holboo_xml_node_set_attribute (c, "protocol", "udp");
      holboo_xml_node_set_attribute (c, "type", "host");
    }
  return iq;
}

static void
test_hostile_in_call (void)
{
  g_autoptr(HolbooXmppConnection) mallory = live_connection ("mallory", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooXmlNode) iq = NULL;
  g_autoptr(HolbooXmlNode) reply = NULL;
  const char *sid;
  guint results = 0, refused = 0;

  live_connect_ok (mallory);
  connect_call (FALSE);
  assert_hears (&bob);
  sid = holboo_call_get_sid (bob.call);

  /* A stranger in the session. */
  iq = transport_info (&bob, sid, 1, NULL, 0);
  reply = send_and_catch (mallory, iq);
  assert_jingle_error (reply, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND, HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);
  g_clear_pointer (&iq, holboo_xml_node_unref);
  g_clear_pointer (&reply, holboo_xml_node_unref);
  holboo_xmpp_connection_disconnect (mallory);

  /* 10,000 candidates from the peer itself, 250 a stanza: the first
   * are taken (up to the cap), the rest refused; the call goes on. */
  for (guint i = 0; i < 40; i++)
    {
      iq = transport_info (&bob, sid, 250, NULL, i * 250);
      reply = send_and_catch (account_connection (&alice), iq);
      if (g_strcmp0 (holboo_xml_node_get_attribute (reply, "type"), "result") == 0)
        results++;
      else
        {
          assert_jingle_error (reply, HOLBOO_XMPP_STANZA_ERROR_RESOURCE_CONSTRAINT, HOLBOO_XMPP_JINGLE_ERROR_NONE);
          refused++;
        }
      g_clear_pointer (&iq, holboo_xml_node_unref);
      g_clear_pointer (&reply, holboo_xml_node_unref);
    }
  g_test_message ("flood: %u transport-infos taken, %u refused", results, refused);
  g_assert_cmpuint (results, >, 0);
  g_assert_cmpuint (refused, >, 30);
  g_assert_cmpint (holboo_call_get_status (bob.call), ==, HOLBOO_CALL_STATUS_ACTIVE);
  g_array_set_size (bob.end.peaks, 0);
  assert_hears (&bob);

  /* The peer's DTLS fingerprint changes mid-call: refused, and the call
   * is cut on both sides. */
  iq = transport_info (&bob, sid, 1, "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                                     "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF", 0);
  reply = send_and_catch (account_connection (&alice), iq);
  assert_jingle_error (reply, HOLBOO_XMPP_STANZA_ERROR_NOT_ACCEPTABLE, HOLBOO_XMPP_JINGLE_ERROR_SECURITY_REQUIRED);
  assert_ended (&bob, HOLBOO_CALL_END_SECURITY_ERROR);
  assert_ended (&alice, HOLBOO_CALL_END_SECURITY_ERROR);
  assert_logged (&bob, HOLBOO_CALL_END_SECURITY_ERROR, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  call_test_init (&argc, &argv);
  gst_init (&argc, &argv);
  live_start (argc, argv, accounts);
  engine_init (&alice, "alice", "laptop", 440);
  engine_init (&bob, "bob", "phone", 660);

  g_test_add_func ("/calls/hang-up-caller/audio-video", test_call_hang_up_caller);
  g_test_add_func ("/calls/hang-up-callee/relay-only", test_call_relay_hang_up_callee);
  g_test_add_func ("/calls/decline", test_call_decline);
  g_test_add_func ("/calls/no-answer", test_call_no_answer);
  g_test_add_func ("/calls/retract", test_call_retract);
  g_test_add_func ("/calls/second-device", test_call_second_device);
  g_test_add_func ("/calls/missed-offline", test_call_missed_offline);
  g_test_add_func ("/calls/hostile/initiate", test_hostile_initiate);
  g_test_add_func ("/calls/hostile/in-call", test_hostile_in_call);

  ret = g_test_run ();
  engine_clear (&alice);
  engine_clear (&bob);
  live_stop ();
  return ret;
}
