/* test-core-messages.c: the message pipeline (HolbooAccount) against a
 * real Prosody or ejabberd: two accounts exchanging messages, over TCP
 * and WebSocket; an offline account catching up by MAM, then scrolling
 * back; a second resource storing carbons once; messages typed offline
 * and left unsent at quit; forged carbons and archive results, and
 * hostile message stanzas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson registers
 * both.  Each case has accounts of its own, so the archives do not mix.
 */

#include "config.h"

#include "core-live-util.h"
#include "holboo-xml-stream.h"
#include "holboo-xmpp-message.h"

#include <glib/gstdio.h>
#include <string.h>

static const char * const accounts[] = {
  "ann1", "bat1", "ann2", "bat2", "ann3", "bat3", "ann4", "bat4", "ann5", "bat5",
  "ann6", "bat6", "eve6", NULL
};

static void
send_numbered (LiveAccount *from,
               LiveAccount *to,
               const char  *prefix,
               guint        first,
               guint        n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *body = g_strdup_printf ("%s %u", prefix, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *origin_id = holboo_account_send_message (from->account, live_account_jid (to), body, &error);

      g_assert_no_error (error);
      g_assert_nonnull (origin_id);
    }
}

/* Both ways, interleaved in rounds, checked in both stores. */
static void
check_exchange (const char              *a_user,
                const char              *b_user,
                HolbooXmppTransportKind  a_kind,
                guint                    n_each)
{
  LiveAccount *a = live_account_new (a_user, "desk", a_kind, NULL);
  LiveAccount *b = live_account_new (b_user, "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(GPtrArray) in_a = NULL;
  g_autoptr(GPtrArray) in_b = NULL;
  guint round = 50;
  gint64 start;

  live_account_connect (a);
  live_account_connect (b);
  g_assert_cmpint (holboo_xmpp_connection_get_transport_kind (holboo_account_get_connection (a->account)), ==,
                   a_kind);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_each; i += round)
    {
      send_numbered (a, b, "a→b", i, MIN (round, n_each - i));
      send_numbered (b, a, "b→a", i, MIN (round, n_each - i));
      live_sleep (10);
    }

  g_assert_true (live_account_wait_count (b, live_account_jid (a), HOLBOO_MESSAGE_INCOMING, n_each, 60000));
  g_assert_true (live_account_wait_count (a, live_account_jid (b), HOLBOO_MESSAGE_INCOMING, n_each, 60000));
  g_test_message ("%u messages each way stored in %.2f s", n_each, (g_get_monotonic_time () - start) / 1e6);
  /* Acked by the server, then confirmed by the other side's receipt. */
  g_assert_true (live_account_wait_state (a, live_account_jid (b), HOLBOO_MESSAGE_STATE_DELIVERED, 30000));
  g_assert_true (live_account_wait_state (b, live_account_jid (a), HOLBOO_MESSAGE_STATE_DELIVERED, 30000));
  live_sleep (300);   /* time for a duplicate to show */

  in_a = live_account_messages (a, live_account_jid (b));
  in_b = live_account_messages (b, live_account_jid (a));
  assert_exactly_once (in_b, HOLBOO_MESSAGE_INCOMING, "a→b", n_each, TRUE);
  assert_exactly_once (in_b, HOLBOO_MESSAGE_OUTGOING, "b→a", n_each, TRUE);
  assert_exactly_once (in_a, HOLBOO_MESSAGE_INCOMING, "b→a", n_each, TRUE);
  assert_exactly_once (in_a, HOLBOO_MESSAGE_OUTGOING, "a→b", n_each, TRUE);
  g_assert_cmpuint (in_a->len, ==, 2 * n_each);
  g_assert_cmpuint (in_b->len, ==, 2 * n_each);
  /* Each row announced once. */
  g_assert_cmpuint (a->added_in, ==, n_each);
  g_assert_cmpuint (a->added_out, ==, n_each);
  g_assert_cmpuint (b->added_in, ==, n_each);
  g_assert_cmpuint (b->added_out, ==, n_each);

  /* The stored ids are the archive's and the sender's. */
  for (guint i = 0; i < in_b->len; i++)
    {
      HolbooStoredMessage *m = in_b->pdata[i];

      if (m->direction != HOLBOO_MESSAGE_INCOMING)
        continue;
      g_assert_cmpstr (m->stanza_id_by, ==, live_account_jid (b));
      g_assert_nonnull (m->stanza_id);
      g_assert_cmpstr (m->message_id, ==, m->origin_id);
      g_assert_true (g_str_has_prefix (m->from_jid, live_account_jid (a)));
    }

  live_account_free (a, FALSE);
  live_account_free (b, FALSE);
}

static void
test_exchange (void)
{
  check_exchange ("ann1", "bat1", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, 500);
}

static void
test_exchange_websocket (void)
{
  check_exchange ("ann2", "bat2", HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET, 100);
}

typedef struct {
  LiveAccount *live;
  const char  *peer;
  guint        max;
  guint        n_new;
  gboolean     complete;
  gboolean     done;
  GError      *error;
} FetchWait;

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  FetchWait *wait = user_data;

  holboo_account_fetch_older_finish (HOLBOO_ACCOUNT (source), result, &wait->n_new, &wait->complete,
                                     &wait->error);
  wait->done = TRUE;
}

static gboolean
fetch_done (gpointer data)
{
  return ((FetchWait *) data)->done;
}

static void
fetch_older (FetchWait *wait)
{
  wait->done = FALSE;
  holboo_account_fetch_older_async (wait->live->account, wait->peer, wait->max, NULL, on_fetched, wait);
  g_assert_true (live_wait (fetch_done, wait, 60000));
  g_assert_no_error (wait->error);
}

/* Offline while 300 arrive: all come (the server's offline store or the
 * archive), each once, in order.  A new device of the same account then
 * takes only the newest page at start-up and scrolls back for the rest;
 * offline again, it catches up only what is new. */
static void
test_offline_catch_up (void)
{
  LiveAccount *a = live_account_new ("ann3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b = live_account_new ("bat3", "phone", HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS, NULL);
  LiveAccount *tablet = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  FetchWait wait = { NULL, NULL, 100, };
  guint fetches = 0;
  guint pages;

  live_account_connect (a);
  send_numbered (a, b, "offline", 0, 300);
  /* The server writes 900 rows for these (two archives and the offline
   * store), one SQLite transaction each: on a loaded machine Prosody
   * took 45–60 s, with the client idle and waiting for its acks.  The
   * waits bound a hang, they do not time the server. */
  g_assert_true (live_account_wait_state (a, live_account_jid (b), HOLBOO_MESSAGE_STATE_ACKED, 120000));

  live_account_connect (b);
  g_assert_true (live_account_wait_count (b, live_account_jid (a), HOLBOO_MESSAGE_INCOMING, 300, 120000));
  live_sleep (300);
  stored = live_account_messages (b, live_account_jid (a));
  assert_exactly_once (stored, HOLBOO_MESSAGE_INCOMING, "offline", 300, TRUE);
  g_assert_cmpuint (stored->len, ==, 300);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* A new device: one page of 100 at start-up, no more. */
  tablet = live_account_new ("bat3", "tablet", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  holboo_account_set_mam_page_size (tablet->account, 100);
  holboo_account_set_catch_up_max_pages (tablet->account, 1);
  live_account_connect (tablet);
  live_account_flush (tablet);
  stored = live_account_messages (tablet, live_account_jid (a));
  g_assert_cmpuint (stored->len, ==, 100);
  for (guint i = 0; i < stored->len; i++)
    {
      g_autofree char *body = g_strdup_printf ("offline %u", 200 + i);

      g_assert_cmpstr (((HolbooStoredMessage *) stored->pdata[i])->body, ==, body);
    }
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Scrolling back, 100 at a time, until the start of the archive. */
  wait.live = tablet;
  wait.peer = live_account_jid (a);
  do
    {
      fetch_older (&wait);
      fetches++;
      g_assert_cmpuint (fetches, <=, 5);
    }
  while (!wait.complete);
  g_test_message ("%u fetches", fetches);

  stored = live_account_messages (tablet, live_account_jid (a));
  assert_exactly_once (stored, HOLBOO_MESSAGE_INCOMING, "offline", 300, TRUE);
  g_assert_cmpuint (stored->len, ==, 300);
  g_assert_cmpuint (tablet->added_in, ==, 300);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Nothing older: another fetch finds the history complete. */
  fetch_older (&wait);
  g_assert_true (wait.complete);
  g_assert_cmpuint (wait.n_new, ==, 0);

  /* The tablet goes offline, the phone gets 20 more; back online, the
   * tablet's catch-up stops at what it has: one page. */
  holboo_account_disconnect (tablet->account);
  send_numbered (a, b, "later", 0, 20);
  g_assert_true (live_account_wait_count (b, live_account_jid (a), HOLBOO_MESSAGE_INCOMING, 320, 30000));
  pages = tablet->account->mam_pages;
  live_account_connect (tablet);
  g_assert_cmpuint (tablet->last_synced_new, ==, 20);
  g_assert_cmpuint (tablet->account->mam_pages - pages, ==, 1);
  live_sleep (300);
  stored = live_account_messages (tablet, live_account_jid (a));
  assert_exactly_once (stored, HOLBOO_MESSAGE_INCOMING, "later", 20, TRUE);
  assert_exactly_once (stored, HOLBOO_MESSAGE_INCOMING, "offline", 300, TRUE);
  g_assert_cmpuint (stored->len, ==, 320);

  live_account_free (tablet, FALSE);
  live_account_free (a, FALSE);
  live_account_free (b, FALSE);
}

/* A second resource of the same account: the messages the first sends
 * and receives arrive by carbon (or directly), each stored once. */
static void
test_carbons (void)
{
  LiveAccount *a = live_account_new ("ann4", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b1 = live_account_new ("bat4", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b2 = live_account_new ("bat4", "laptop", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(GPtrArray) on_b2 = NULL;
  g_autoptr(GPtrArray) on_b1 = NULL;

  live_account_connect (a);
  live_account_connect (b1);
  live_account_connect (b2);

  send_numbered (a, b1, "to bat", 0, 30);
  send_numbered (b1, a, "from bat", 0, 30);

  g_assert_true (live_account_wait_count (b2, live_account_jid (a), HOLBOO_MESSAGE_INCOMING, 30, 30000));
  g_assert_true (live_account_wait_count (b2, live_account_jid (a), HOLBOO_MESSAGE_OUTGOING, 30, 30000));
  g_assert_true (live_account_wait_count (b1, live_account_jid (a), HOLBOO_MESSAGE_INCOMING, 30, 30000));
  g_assert_true (live_account_wait_state (b1, live_account_jid (a), HOLBOO_MESSAGE_STATE_ACKED, 30000));
  live_sleep (500);

  on_b2 = live_account_messages (b2, live_account_jid (a));
  on_b1 = live_account_messages (b1, live_account_jid (a));
  assert_exactly_once (on_b2, HOLBOO_MESSAGE_INCOMING, "to bat", 30, TRUE);
  assert_exactly_once (on_b2, HOLBOO_MESSAGE_OUTGOING, "from bat", 30, TRUE);
  assert_exactly_once (on_b1, HOLBOO_MESSAGE_INCOMING, "to bat", 30, TRUE);
  assert_exactly_once (on_b1, HOLBOO_MESSAGE_OUTGOING, "from bat", 30, TRUE);
  g_assert_cmpuint (on_b2->len, ==, 60);
  g_assert_cmpuint (b2->added_out, ==, 30);
  g_assert_cmpuint (b2->added_in, ==, 30);

  /* Carbon copies of what b1 sent are outgoing, with the server's word
   * that it has them, and b1's ids. */
  for (guint i = 0; i < on_b2->len; i++)
    {
      HolbooStoredMessage *m = on_b2->pdata[i];
      guint j;

      if (m->direction != HOLBOO_MESSAGE_OUTGOING)
        continue;
      g_assert_cmpint (m->state, >=, HOLBOO_MESSAGE_STATE_ACKED);
      for (j = 0; j < on_b1->len; j++)
        if (g_strcmp0 (((HolbooStoredMessage *) on_b1->pdata[j])->origin_id, m->origin_id) == 0)
          break;
      g_assert_cmpuint (j, <, on_b1->len);
    }

  live_account_free (a, FALSE);
  live_account_free (b1, FALSE);
  live_account_free (b2, FALSE);
}

/* Typed offline, the app quits; typed and sent but unacked, the app
 * quits: the next start sends them all, and each arrives once. */
static void
test_quit_with_unsent (void)
{
  LiveAccount *a = live_account_new ("ann5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b = live_account_new ("bat5", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(GPtrArray) on_b = NULL;

  live_account_connect (b);

  /* Never connected: the outbox only. */
  send_numbered (a, b, "unsent", 0, 50);
  path = live_account_free (a, TRUE);

  /* Connected, quits at once: some sent, none or few acked. */
  a = live_account_new ("ann5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  live_account_connect (a);
  send_numbered (a, b, "unsent", 50, 50);
  live_sleep (5);
  g_free (live_account_free (a, TRUE));

  /* The next start. */
  a = live_account_new ("ann5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  live_account_connect (a);
  g_assert_true (live_account_wait_count (b, live_account_jid (a), HOLBOO_MESSAGE_INCOMING, 100, 30000));
  g_assert_true (live_account_wait_state (a, live_account_jid (b), HOLBOO_MESSAGE_STATE_ACKED, 30000));
  live_sleep (500);

  on_b = live_account_messages (b, live_account_jid (a));
  on_a = live_account_messages (a, live_account_jid (b));
  assert_exactly_once (on_b, HOLBOO_MESSAGE_INCOMING, "unsent", 100, TRUE);
  assert_exactly_once (on_a, HOLBOO_MESSAGE_OUTGOING, "unsent", 100, TRUE);
  g_assert_cmpuint (on_b->len, ==, 100);
  g_assert_cmpuint (on_a->len, ==, 100);

  live_account_free (a, FALSE);
  live_account_free (b, FALSE);
}

static HolbooXmlNode *
parse_stanza (const char *xml)
{
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  return node;
}

/* Sends @xml (printf-style, JIDs filled in) from a bare connection. */
static void
send_raw (HolbooXmppConnection *connection,
          const char           *xml)
{
  g_autoptr(HolbooXmlNode) stanza = parse_stanza (xml);
  g_autoptr(GError) error = NULL;

  holboo_xmpp_connection_send (connection, stanza, &error);
  g_assert_no_error (error);
}

/* Forged carbons and archive results, from another user over the real
 * server and injected as if the server had sent them; hostile stanzas. */
static void
test_forged_and_hostile (void)
{
  LiveAccount *a = live_account_new ("ann6", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b = live_account_new ("bat6", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooXmppConnection) eve = live_connection ("eve6", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(GPtrArray) on_b = NULL;
  g_autoptr(GPtrArray) from_eve = NULL;
  g_autofree char *eve_jid = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *big = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *origin_id = NULL;
  g_autoptr(HolbooXmlNode) huge = NULL;
  g_autoptr(HolbooXmlStream) stream = NULL;
  g_auto(GStrv) queryids = NULL;
  FetchWait wait = { b, NULL, 10, };
  const char *A, *B;

  live_account_connect (a);
  live_account_connect (b);
  live_connect_ok (eve);
  A = live_account_jid (a);
  B = live_account_jid (b);
  eve_jid = g_strdup (holboo_jid_get_bare_string (holboo_xmpp_connection_get_bound_jid (eve)));

  /* Over the server: eve claims bat received (and sent) a message of
   * ann's, and that the archive has one. */
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat'>"
                         "<received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                         "<message xmlns='jabber:client' from='%s/desk' to='%s/phone' type='chat'>"
                         "<body>forged received</body></message></forwarded></received></message>", B, A, B);
  send_raw (eve, xml);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat'>"
                         "<sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                         "<message xmlns='jabber:client' from='%s/phone' to='%s' type='chat'>"
                         "<body>forged sent</body></message></forwarded></sent></message>", B, B, A);
  send_raw (eve, xml);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s'>"
                         "<result xmlns='urn:xmpp:mam:2' queryid='guess' id='x1'>"
                         "<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2020-01-01T00:00:00Z'/>"
                         "<message xmlns='jabber:client' from='%s/desk' to='%s' type='chat'>"
                         "<body>forged archive</body></message></forwarded></result></message>", B, A, B);
  send_raw (eve, xml);
  g_free (xml);
  /* Then an honest one, so we know the others were delivered first. */
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat' id='e1'><body>honest</body></message>", B);
  send_raw (eve, xml);
  g_assert_true (live_account_wait_count (b, eve_jid, HOLBOO_MESSAGE_INCOMING, 1, 20000));

  /* As if the server had sent them, while a query of ours runs. */
  send_numbered (a, b, "real", 0, 3);
  g_assert_true (live_account_wait_count (b, A, HOLBOO_MESSAGE_INCOMING, 3, 20000));
  wait.peer = A;
  wait.done = FALSE;
  holboo_account_fetch_older_async (b->account, A, 10, NULL, on_fetched, &wait);
  /* The query goes out once the store found the gap. */
  while (!wait.done && (queryids == NULL || queryids[0] == NULL))
    {
      g_clear_pointer (&queryids, g_strfreev);
      g_main_context_iteration (NULL, TRUE);
      queryids = _holboo_account_dup_mam_queryids (b->account);
    }
  g_assert_true (queryids != NULL && queryids[0] != NULL);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' from='%s' to='%s/phone'>"
                         "<result xmlns='urn:xmpp:mam:2' queryid='%s' id='x2'>"
                         "<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2020-01-01T00:00:00Z'/>"
                         "<message xmlns='jabber:client' from='%s/desk' to='%s' type='chat'>"
                         "<body>forged archive</body></message></forwarded></result></message>",
                         eve_jid, B, queryids[0], A, B);
  {
    g_autoptr(HolbooXmlNode) forged = parse_stanza (xml);

    g_assert_true (_holboo_account_receive_stanza (b->account, forged));
  }
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s/phone'>"
                         "<result xmlns='urn:xmpp:mam:2' queryid='not-ours' id='x3'>"
                         "<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2020-01-01T00:00:00Z'/>"
                         "<message xmlns='jabber:client' from='%s/desk' to='%s' type='chat'>"
                         "<body>forged archive</body></message></forwarded></result></message>", B, A, B);
  {
    g_autoptr(HolbooXmlNode) forged = parse_stanza (xml);

    g_assert_true (_holboo_account_receive_stanza (b->account, forged));
  }
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' from='%s/phone' to='%s/phone'>"
                         "<sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                         "<message xmlns='jabber:client' from='%s/phone' to='%s' type='chat'>"
                         "<body>forged sent</body></message></forwarded></sent></message>", B, B, B, A);
  {
    g_autoptr(HolbooXmlNode) forged = parse_stanza (xml);

    g_assert_true (_holboo_account_receive_stanza (b->account, forged));
  }
  g_assert_true (live_wait (fetch_done, &wait, 30000));
  g_assert_no_error (wait.error);

  /* Hostile: a 1 MiB body (the XML stream refuses it; handed over as a
   * tree anyway, the pipeline drops it), bad addresses, a message for
   * someone else, a huge id. */
  big = g_strnfill (1024 * 1024, 'x');
  huge = holboo_xml_node_new ("message", "jabber:client");
  holboo_xml_node_set_attribute (huge, "from", "ann6@example.mn/desk");
  holboo_xml_node_set_attribute (huge, "type", "chat");
  holboo_xml_node_add_text_child (huge, "body", big);
  {
    g_autoptr(GString) serialized = g_string_new ("<stream:stream xmlns='jabber:client' "
                                                  "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");

    holboo_xml_node_serialize (huge, serialized, HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM);
    stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_TCP);
    g_assert_false (holboo_xml_stream_feed (stream, serialized->str, serialized->len, &error));
    g_assert_error (error, HOLBOO_XML_STREAM_ERROR, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION);
    g_clear_error (&error);
  }
  holboo_xml_node_set_attribute (huge, "from", A);
  g_assert_true (_holboo_account_receive_stanza (b->account, huge));
  {
    const char *domain = holboo_test_server_get_domain (live.server);
    g_autofree char *h1 = g_strdup_printf ("<message xmlns='jabber:client' from='%s/desk' to='carol@%s' "
                                           "type='chat'><body>not for bat</body></message>", A, domain);
    g_autofree char *h2 = g_strdup_printf ("<message xmlns='jabber:client' from='%s/desk' type='chat'>"
                                           "<body></body></message>", A);
    g_autofree char *h3 = g_strdup_printf ("<message xmlns='jabber:client' from='%s/desk' type='groupchat'>"
                                           "<body>wrong type</body></message>", A);
    const char *hostile[] = {
      "<message xmlns='jabber:client' from='not a jid@@' type='chat'><body>bad from</body></message>",
      h1, h2, h3,
    };

    for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
      {
        g_autoptr(HolbooXmlNode) node = parse_stanza (hostile[i]);

        _holboo_account_receive_stanza (b->account, node);
      }
  }

  /* And what we refuse to send. */
  big[HOLBOO_ACCOUNT_MAX_BODY_LENGTH + 1] = '\0';
  origin_id = holboo_account_send_message (a->account, B, big, &error);
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE);
  g_assert_null (origin_id);
  g_clear_error (&error);
  origin_id = holboo_account_send_message (a->account, B, "  \n ", &error);
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE);
  g_clear_error (&error);
  origin_id = holboo_account_send_message (a->account, B, "bell \a", &error);
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE);
  g_clear_error (&error);
  origin_id = holboo_account_send_message (a->account, "not a jid@@", "hi", &error);
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS);
  g_clear_error (&error);

  /* A large but sane body goes through. */
  big[HOLBOO_ACCOUNT_MAX_BODY_LENGTH] = '\0';
  g_free (origin_id);
  origin_id = holboo_account_send_message (a->account, B, big, &error);
  g_assert_no_error (error);
  g_assert_true (live_account_wait_count (b, A, HOLBOO_MESSAGE_INCOMING, 4, 20000));
  live_sleep (300);
  live_account_flush (b);

  on_b = live_account_messages (b, A);
  from_eve = live_account_messages (b, eve_jid);
  g_assert_cmpuint (count_body (on_b, "forged received"), ==, 0);
  g_assert_cmpuint (count_body (on_b, "forged sent"), ==, 0);
  g_assert_cmpuint (count_body (on_b, "forged archive"), ==, 0);
  g_assert_cmpuint (count_body (on_b, big), ==, 1);
  assert_exactly_once (on_b, HOLBOO_MESSAGE_INCOMING, "real", 3, TRUE);
  g_assert_cmpuint (on_b->len, ==, 4);
  g_assert_cmpuint (from_eve->len, ==, 1);
  g_assert_cmpstr (((HolbooStoredMessage *) from_eve->pdata[0])->body, ==, "honest");

  holboo_xmpp_connection_disconnect (eve);
  live_account_free (a, FALSE);
  {
    g_autofree char *path = live_account_free (b, TRUE);
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    assert_store_intact (path);
    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/messages/exchange", test_exchange);
  g_test_add_func ("/core/messages/exchange-websocket", test_exchange_websocket);
  g_test_add_func ("/core/messages/offline-catch-up", test_offline_catch_up);
  g_test_add_func ("/core/messages/carbons", test_carbons);
  g_test_add_func ("/core/messages/quit-with-unsent", test_quit_with_unsent);
  g_test_add_func ("/core/messages/forged-and-hostile", test_forged_and_hostile);

  status = g_test_run ();
  live_stop ();
  return status;
}
