/* test-xmpp-contacts-live.c: the contact list's XEP modules against a
 * real Prosody or ejabberd: roster fetch (versioned when offered),
 * add/update/remove and their pushes; a subscription asked, approved,
 * denied and cancelled; presence per resource; the blocklist and its
 * pushes; XEP-0215 services with their TURN REST credentials; service
 * discovery of the server and of another client, whose caps ver is
 * checked against its disco#info answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson
 * registers both.  Each case has accounts of its own.
 */

#include "config.h"

#include "holboo-xmpp-blocking.h"
#include "holboo-xmpp-caps.h"
#include "holboo-xmpp-disco.h"
#include "holboo-xmpp-external-services.h"
#include "holboo-xmpp-presence.h"
#include "holboo-xmpp-roster.h"
#include "xmpp-live-util.h"

#include <string.h>

static const char * const accounts[] = {
  "ros1", "bat1", "ann2", "bat2", "eve2", "blk3", "ext4", "dis5", "cli5", NULL
};

/* One connection and what came in on it. */
typedef struct {
  HolbooXmppConnection *connection;
  HolbooJid            *account;
  GPtrArray            *roster_pushes;   /* HolbooXmppRosterItem */
  GPtrArray            *blocking_pushes; /* GPtrArray of JIDs, NULL entry for unblock all */
  GPtrArray            *presences;       /* HolbooXmppPresence */
  HolbooXmppDiscoInfo  *disco;           /* (nullable): what it answers to disco#info */
  char                 *caps_ver;
} Client;

static gboolean
on_roster_push (HolbooXmppConnection *connection,
                HolbooXmlNode        *iq,
                gpointer              user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) result = NULL;
  HolbooXmppRosterItem *item;

  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "set") != 0)
    return FALSE;
  item = holboo_xmpp_roster_parse_push (iq, client->account, NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (client->roster_pushes, item);
  result = holboo_xmpp_iq_build_result (iq);
  g_assert_true (holboo_xmpp_connection_send (connection, result, NULL));
  return TRUE;
}

static gboolean
on_blocking_push (HolbooXmppConnection *connection,
                  HolbooXmlNode        *iq,
                  gpointer              user_data)
{
  Client *client = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) result = NULL;
  HolbooXmppBlockingPush kind;
  GPtrArray *jids;

  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "set") != 0)
    return FALSE;
  jids = holboo_xmpp_blocking_parse_push (iq, client->account, &kind, &error);
  g_assert_no_error (error);
  if (kind == HOLBOO_XMPP_BLOCKING_PUSH_BLOCK)
    g_ptr_array_insert (jids, 0, g_strdup ("+"));
  else
    g_ptr_array_insert (jids, 0, g_strdup ("-"));
  g_ptr_array_add (client->blocking_pushes, jids);
  result = holboo_xmpp_iq_build_result (iq);
  g_assert_true (holboo_xmpp_connection_send (connection, result, NULL));
  return TRUE;
}

static gboolean
on_presence (HolbooXmppConnection *connection,
             HolbooXmlNode        *stanza,
             gpointer              user_data)
{
  Client *client = user_data;
  HolbooXmppPresence *presence = holboo_xmpp_presence_parse (stanza, client->account, NULL);

  if (presence != NULL)
    g_ptr_array_add (client->presences, presence);
  return TRUE;
}

static gboolean
on_disco (HolbooXmppConnection *connection,
          HolbooXmlNode        *iq,
          gpointer              user_data)
{
  Client *client = user_data;
  g_autoptr(HolbooXmlNode) answer = NULL;

  if (client->disco == NULL || g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "get") != 0)
    return FALSE;
  answer = holboo_xmpp_disco_build_info_result (iq, client->disco);
  g_assert_true (holboo_xmpp_connection_send (connection, answer, NULL));
  return TRUE;
}

static Client *
client_new (const char *user)
{
  Client *client = g_new0 (Client, 1);
  g_autofree char *jid = g_strdup_printf ("%s@%s", user, holboo_test_server_get_domain (live.server));

  client->connection = live_connection (user, HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  client->account = holboo_jid_parse (jid, -1, NULL);
  client->roster_pushes = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_roster_item_unref);
  client->blocking_pushes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  client->presences = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_presence_free);
  holboo_xmpp_connection_add_handler (client->connection, "iq", HOLBOO_XMLNS_ROSTER, on_roster_push, client, NULL);
  holboo_xmpp_connection_add_handler (client->connection, "iq", HOLBOO_XMLNS_BLOCKING, on_blocking_push, client, NULL);
  holboo_xmpp_connection_add_handler (client->connection, "iq", HOLBOO_XMLNS_DISCO_INFO, on_disco, client, NULL);
  holboo_xmpp_connection_add_handler (client->connection, "presence", NULL, on_presence, client, NULL);
  live_connect_ok (client->connection);
  return client;
}

static void
client_free (Client *client)
{
  holboo_xmpp_connection_disconnect (client->connection);
  g_object_unref (client->connection);
  holboo_jid_unref (client->account);
  g_ptr_array_unref (client->roster_pushes);
  g_ptr_array_unref (client->blocking_pushes);
  g_ptr_array_unref (client->presences);
  g_clear_pointer (&client->disco, holboo_xmpp_disco_info_unref);
  g_free (client->caps_ver);
  g_free (client);
}

static const char *
bare (Client *client)
{
  return holboo_jid_get_bare_string (client->account);
}

static const char *
full (Client *client)
{
  return holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (client->connection));
}

typedef struct {
  GPtrArray *array;
  guint      n;
} CountWait;

static gboolean
count_reached (gpointer data)
{
  CountWait *wait = data;

  return wait->array->len >= wait->n;
}

static void
wait_count (GPtrArray *array,
            guint      n)
{
  CountWait wait = { array, n };

  g_assert_true (live_wait (count_reached, &wait, 20000));
}

static GPtrArray *
fetch_roster (Client      *client,
              const char  *ver,
              char       **out_ver)
{
  g_autoptr(HolbooXmlNode) get = holboo_xmpp_roster_build_get (ver);
  g_autoptr(HolbooXmlNode) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items = NULL;

  result = live_iq (client->connection, get, &error);
  g_assert_no_error (error);
  g_assert_true (holboo_xmpp_roster_parse_result (result, out_ver, &items, &error));
  g_assert_no_error (error);
  return items;
}

static void
iq_ok (Client        *client,
       HolbooXmlNode *iq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) result = live_iq (client->connection, iq, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (holboo_xml_node_get_attribute (result, "type"), ==, "result");
}

static void
send_ok (Client        *client,
         HolbooXmlNode *stanza)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (holboo_xmpp_connection_send (client->connection, stanza, &error));
  g_assert_no_error (error);
}

static void
test_roster (void)
{
  Client *ros = client_new ("ros1");
  Client *bat = client_new ("bat1");
  gboolean versioned = holboo_xmpp_roster_supports_versioning (holboo_xmpp_connection_get_stream_features (ros->connection));
  const char * const groups[] = { "Ажил", NULL };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(HolbooXmlNode) set = NULL;
  g_autoptr(HolbooXmlNode) rename = NULL;
  g_autoptr(HolbooXmlNode) remove = NULL;
  g_autofree char *ver0 = NULL, *ver1 = NULL, *ver2 = NULL;
  HolbooXmppRosterItem *item;

  g_test_message ("%s roster versioning", versioned ? "with" : "without");
  /* Both servers offer it as the harness configures them. */
  g_assert_true (versioned);

  items = fetch_roster (ros, versioned ? "" : NULL, &ver0);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_true (versioned == (ver0 != NULL));
  g_clear_pointer (&items, g_ptr_array_unref);

  set = holboo_xmpp_roster_build_set (bare (bat), "Бат", groups);
  iq_ok (ros, set);
  wait_count (ros->roster_pushes, 1);
  item = ros->roster_pushes->pdata[0];
  g_assert_cmpstr (item->jid, ==, bare (bat));
  g_assert_cmpstr (item->name, ==, "Бат");
  g_assert_cmpstr (item->groups[0], ==, "Ажил");
  g_assert_cmpint (item->subscription, ==, HOLBOO_XMPP_SUBSCRIPTION_NONE);

  rename = holboo_xmpp_roster_build_set (bare (bat), "Бат-Эрдэнэ", NULL);
  iq_ok (ros, rename);
  wait_count (ros->roster_pushes, 2);
  item = ros->roster_pushes->pdata[1];
  g_assert_cmpstr (item->name, ==, "Бат-Эрдэнэ");
  g_assert_cmpuint (g_strv_length (item->groups), ==, 0);

  items = fetch_roster (ros, versioned ? ver0 : NULL, &ver1);
  if (versioned)
    {
      /* Either the whole roster or "pushes follow"; Prosody sends the
       * whole roster when it cannot replay the changes. */
      g_assert_nonnull (ver1);
      g_assert_cmpstr (ver1, !=, ver0);
      if (items != NULL)
        g_assert_cmpuint (items->len, ==, 1);
      g_clear_pointer (&items, g_ptr_array_unref);

      /* Up to date: an empty result, nothing to download. */
      items = fetch_roster (ros, ver1, &ver2);
      g_assert_null (items);
      g_assert_null (ver2);
    }
  else
    {
      g_assert_cmpuint (items->len, ==, 1);
      item = items->pdata[0];
      g_assert_cmpstr (item->name, ==, "Бат-Эрдэнэ");
    }

  remove = holboo_xmpp_roster_build_remove (bare (bat));
  iq_ok (ros, remove);
  wait_count (ros->roster_pushes, 3);
  item = ros->roster_pushes->pdata[2];
  g_assert_cmpint (item->subscription, ==, HOLBOO_XMPP_SUBSCRIPTION_REMOVE);

  client_free (ros);
  client_free (bat);
}

static HolbooXmppPresence *
find_presence (Client                 *client,
               const char             *from_bare,
               HolbooXmppPresenceType  type)
{
  for (guint i = 0; i < client->presences->len; i++)
    {
      HolbooXmppPresence *p = client->presences->pdata[i];

      if (p->type == type && g_strcmp0 (holboo_jid_get_bare_string (p->from), from_bare) == 0)
        return p;
    }
  return NULL;
}

typedef struct {
  Client                 *client;
  const char             *from;
  HolbooXmppPresenceType  type;
  HolbooXmppPresenceShow  show;
} PresenceWait;

static gboolean
presence_seen (gpointer data)
{
  PresenceWait *wait = data;

  for (guint i = 0; i < wait->client->presences->len; i++)
    {
      HolbooXmppPresence *p = wait->client->presences->pdata[i];

      if (p->type == wait->type && g_strcmp0 (holboo_jid_get_bare_string (p->from), wait->from) == 0 &&
          (wait->type != HOLBOO_XMPP_PRESENCE_AVAILABLE || p->show == wait->show))
        return TRUE;
    }
  return FALSE;
}

static void
wait_presence (Client                 *client,
               Client                 *from,
               HolbooXmppPresenceType  type,
               HolbooXmppPresenceShow  show)
{
  PresenceWait wait = { client, bare (from), type, show };

  g_assert_true (live_wait (presence_seen, &wait, 20000));
}

static HolbooXmppRosterItem *
last_push_for (Client     *client,
               const char *jid)
{
  for (guint i = client->roster_pushes->len; i > 0; i--)
    {
      HolbooXmppRosterItem *item = client->roster_pushes->pdata[i - 1];

      if (strcmp (item->jid, jid) == 0)
        return item;
    }
  return NULL;
}

typedef struct {
  Client                 *client;
  const char             *jid;
  HolbooXmppSubscription  subscription;
  gboolean                ask;
} PushWait;

static gboolean
push_seen (gpointer data)
{
  PushWait *wait = data;
  HolbooXmppRosterItem *item = last_push_for (wait->client, wait->jid);

  return item != NULL && item->subscription == wait->subscription && item->ask == wait->ask;
}

static void
wait_push (Client                 *client,
           Client                 *about,
           HolbooXmppSubscription  subscription,
           gboolean                ask)
{
  PushWait wait = { client, bare (about), subscription, ask };

  g_assert_true (live_wait (push_seen, &wait, 20000));
}

static void
send_presence (Client                 *client,
               HolbooXmppPresenceShow  show,
               const char             *status)
{
  g_autoptr(HolbooXmlNode) presence = holboo_xmpp_presence_build (show, status, 0, NULL, NULL);

  send_ok (client, presence);
}

static void
subscription (Client                 *from,
              Client                 *to,
              HolbooXmppPresenceType  type)
{
  g_autoptr(HolbooXmlNode) presence = holboo_xmpp_presence_build_subscription (bare (to), type);

  send_ok (from, presence);
}

static void
test_subscription_and_presence (void)
{
  Client *ann = client_new ("ann2");
  Client *bat = client_new ("bat2");
  Client *eve = client_new ("eve2");
  g_autoptr(GPtrArray) r1 = fetch_roster (ann, NULL, NULL);
  g_autoptr(GPtrArray) r2 = fetch_roster (bat, NULL, NULL);
  g_autoptr(GPtrArray) r3 = fetch_roster (eve, NULL, NULL);
  HolbooXmppPresence *p = NULL;

  send_presence (ann, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, NULL);
  send_presence (bat, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, NULL);
  send_presence (eve, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, NULL);

  /* Ann asks; Bat sees the request and approves it. */
  subscription (ann, bat, HOLBOO_XMPP_PRESENCE_SUBSCRIBE);
  wait_push (ann, bat, HOLBOO_XMPP_SUBSCRIPTION_NONE, TRUE);
  wait_presence (bat, ann, HOLBOO_XMPP_PRESENCE_SUBSCRIBE, 0);
  subscription (bat, ann, HOLBOO_XMPP_PRESENCE_SUBSCRIBED);
  wait_push (ann, bat, HOLBOO_XMPP_SUBSCRIPTION_TO, FALSE);
  wait_push (bat, ann, HOLBOO_XMPP_SUBSCRIPTION_FROM, FALSE);
  wait_presence (ann, bat, HOLBOO_XMPP_PRESENCE_SUBSCRIBED, 0);

  /* Ann now sees Bat's presence, per resource. */
  wait_presence (ann, bat, HOLBOO_XMPP_PRESENCE_AVAILABLE, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE);
  send_presence (bat, HOLBOO_XMPP_PRESENCE_SHOW_DND, "Хуралд байна");
  wait_presence (ann, bat, HOLBOO_XMPP_PRESENCE_AVAILABLE, HOLBOO_XMPP_PRESENCE_SHOW_DND);
  for (guint i = ann->presences->len; i > 0; i--)
    {
      p = ann->presences->pdata[i - 1];
      if (p->show == HOLBOO_XMPP_PRESENCE_SHOW_DND)
        break;
    }
  g_assert_cmpstr (p->status, ==, "Хуралд байна");
  g_assert_cmpstr (holboo_jid_to_string (p->from), ==, full (bat));

  /* Eve asks Bat, who denies: Eve learns it and stays without a
   * subscription; Eve never sees Bat's presence. */
  subscription (eve, bat, HOLBOO_XMPP_PRESENCE_SUBSCRIBE);
  wait_presence (bat, eve, HOLBOO_XMPP_PRESENCE_SUBSCRIBE, 0);
  subscription (bat, eve, HOLBOO_XMPP_PRESENCE_UNSUBSCRIBED);
  wait_presence (eve, bat, HOLBOO_XMPP_PRESENCE_UNSUBSCRIBED, 0);
  wait_push (eve, bat, HOLBOO_XMPP_SUBSCRIPTION_NONE, FALSE);
  g_assert_null (find_presence (eve, bare (bat), HOLBOO_XMPP_PRESENCE_AVAILABLE));

  /* Ann stops following Bat. */
  subscription (ann, bat, HOLBOO_XMPP_PRESENCE_UNSUBSCRIBE);
  wait_push (ann, bat, HOLBOO_XMPP_SUBSCRIPTION_NONE, FALSE);
  wait_presence (bat, ann, HOLBOO_XMPP_PRESENCE_UNSUBSCRIBE, 0);
  wait_push (bat, ann, HOLBOO_XMPP_SUBSCRIPTION_NONE, FALSE);

  client_free (ann);
  client_free (bat);
  client_free (eve);
}

static GPtrArray *
fetch_blocklist (Client *client)
{
  g_autoptr(HolbooXmlNode) get = holboo_xmpp_blocking_build_get ();
  g_autoptr(HolbooXmlNode) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *jids;

  result = live_iq (client->connection, get, &error);
  g_assert_no_error (error);
  jids = holboo_xmpp_blocking_parse_list (result, &error);
  g_assert_no_error (error);
  return jids;
}

static HolbooXmppDiscoInfo *
disco_info (Client     *client,
            const char *to,
            const char *node)
{
  g_autoptr(HolbooXmlNode) get = holboo_xmpp_disco_build_info_query (to, node);
  g_autoptr(HolbooXmlNode) result = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmppDiscoInfo *info;

  result = live_iq (client->connection, get, &error);
  g_assert_no_error (error);
  info = holboo_xmpp_disco_parse_info (result, &error);
  g_assert_no_error (error);
  return info;
}

static void
test_blocking (void)
{
  Client *blk = client_new ("blk3");
  const char *domain = holboo_test_server_get_domain (live.server);
  g_autoptr(HolbooXmppDiscoInfo) server = disco_info (blk, domain, NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) cleared = NULL;
  g_autofree char *spammer = g_strdup_printf ("spam@%s", domain);
  g_autofree char *other = g_strdup_printf ("other@%s", domain);
  g_autoptr(HolbooXmlNode) block = NULL;
  g_autoptr(HolbooXmlNode) unblock = NULL;
  g_autoptr(HolbooXmlNode) unblock_all = NULL;
  GPtrArray *push;

  /* Blocking is a feature of the account (Prosody) or the server. */
  if (!holboo_xmpp_disco_info_has_feature (server, HOLBOO_XMLNS_BLOCKING))
    {
      g_autoptr(HolbooXmppDiscoInfo) own = disco_info (blk, NULL, NULL);

      g_assert_true (holboo_xmpp_disco_info_has_feature (own, HOLBOO_XMLNS_BLOCKING));
    }

  before = fetch_blocklist (blk);
  g_assert_cmpuint (before->len, ==, 0);

  block = holboo_xmpp_blocking_build_block ((const char * const[]) { spammer, other, NULL });
  iq_ok (blk, block);
  wait_count (blk->blocking_pushes, 1);
  push = blk->blocking_pushes->pdata[0];
  g_assert_cmpstr (push->pdata[0], ==, "+");
  g_assert_cmpuint (push->len, ==, 3);

  after = fetch_blocklist (blk);
  g_assert_cmpuint (after->len, ==, 2);

  unblock = holboo_xmpp_blocking_build_unblock ((const char * const[]) { spammer, NULL });
  iq_ok (blk, unblock);
  wait_count (blk->blocking_pushes, 2);
  push = blk->blocking_pushes->pdata[1];
  g_assert_cmpstr (push->pdata[0], ==, "-");
  g_assert_cmpstr (push->pdata[1], ==, spammer);

  unblock_all = holboo_xmpp_blocking_build_unblock (NULL);
  iq_ok (blk, unblock_all);
  wait_count (blk->blocking_pushes, 3);
  push = blk->blocking_pushes->pdata[2];
  g_assert_cmpstr (push->pdata[0], ==, "-");
  cleared = fetch_blocklist (blk);
  g_assert_cmpuint (cleared->len, ==, 0);

  client_free (blk);
}

static void
test_external_services (void)
{
  Client *ext = client_new ("ext4");
  g_autoptr(HolbooXmlNode) query = holboo_xmpp_external_services_build_query (holboo_test_server_get_domain (live.server));
  g_autoptr(HolbooXmlNode) result = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;
  guint16 turn_port = holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_TURN);
  guint16 turns_port = holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_TURNS);
  const char *secret = holboo_test_server_get_turn_secret (live.server);
  gboolean turn = FALSE, turns = FALSE;

  result = live_iq (ext->connection, query, &error);
  g_assert_no_error (error);
  services = holboo_xmpp_external_services_parse (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, >=, 2);

  for (guint i = 0; i < services->len; i++)
    {
      HolbooXmppExternalService *s = services->pdata[i];
      g_autofree char *uri = holboo_xmpp_external_service_dup_uri (s);

      g_test_message ("service %s", uri);
      g_assert_cmpstr (s->host, ==, "127.0.0.1");
      g_assert_true (s->port == turn_port || s->port == turns_port);
      if (holboo_xmpp_external_service_is_turn (s))
        {
          /* TURN REST (coturn use-auth-secret): the password is
           * base64 (HMAC-SHA1 (secret, username)). */
          g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA1, (const guchar *) secret, strlen (secret));
          guint8 digest[20];
          gsize len = sizeof digest;
          g_autofree char *expected = NULL;

          g_assert_nonnull (s->username);
          g_hmac_update (hmac, (const guchar *) s->username, -1);
          g_hmac_get_digest (hmac, digest, &len);
          expected = g_base64_encode (digest, len);
          g_assert_cmpstr (s->password, ==, expected);
          g_assert_true (s->restricted);
          g_assert_true (s->expires == 0 || s->expires > g_get_real_time ());
          turn |= s->type == HOLBOO_XMPP_SERVICE_TURN;
          turns |= s->type == HOLBOO_XMPP_SERVICE_TURNS && s->port == turns_port;
        }
    }
  g_assert_true (turn);
  g_assert_true (turns);

  client_free (ext);
}

static void
test_disco_and_caps (void)
{
  Client *dis = client_new ("dis5");
  Client *cli = client_new ("cli5");
  const char *domain = holboo_test_server_get_domain (live.server);
  g_autoptr(HolbooXmppDiscoInfo) server = disco_info (dis, domain, NULL);
  g_autoptr(HolbooXmppDiscoInfo) answer = NULL;
  g_autoptr(HolbooXmppCapsCache) cache = holboo_xmpp_caps_cache_new ();
  g_autoptr(HolbooXmlNode) items_query = holboo_xmpp_disco_build_items_query (domain, NULL);
  g_autoptr(HolbooXmlNode) items_result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *node = NULL;
  gboolean muc = FALSE;

  g_assert_true (holboo_xmpp_disco_info_has_identity (server, "server", "im"));
  g_assert_true (holboo_xmpp_disco_info_has_feature (server, HOLBOO_XMLNS_DISCO_INFO));
  g_assert_true (holboo_xmpp_disco_info_has_feature (server, HOLBOO_XMLNS_EXTDISCO));

  items_result = live_iq (dis->connection, items_query, &error);
  g_assert_no_error (error);
  items = holboo_xmpp_disco_parse_items (items_result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    muc |= g_strcmp0 (holboo_jid_to_string (((HolbooXmppDiscoItem *) items->pdata[i])->jid),
                      holboo_test_server_get_muc_service (live.server)) == 0;
  g_assert_true (muc);

  /* Cli announces caps; Dis asks Cli's resource for node#ver over the
   * server and caches the answer only because it hashes to ver. */
  cli->disco = holboo_xmpp_disco_info_new (NULL);
  holboo_xmpp_disco_info_add_identity (cli->disco, "client", "pc", NULL, "Holboo");
  holboo_xmpp_disco_info_add_feature (cli->disco, HOLBOO_XMLNS_DISCO_INFO);
  holboo_xmpp_disco_info_add_feature (cli->disco, HOLBOO_XMLNS_CAPS);
  holboo_xmpp_disco_info_add_feature (cli->disco, HOLBOO_XMLNS_BLOCKING);
  cli->caps_ver = holboo_xmpp_caps_compute_ver (cli->disco, NULL);
  node = g_strdup_printf ("%s#%s", HOLBOO_XMPP_CAPS_NODE, cli->caps_ver);

  answer = disco_info (dis, full (cli), node);
  g_assert_cmpstr (answer->node, ==, node);
  g_assert_true (holboo_xmpp_caps_cache_add (cache, "sha-1", cli->caps_ver, answer, &error));
  g_assert_no_error (error);
  g_assert_true (holboo_xmpp_disco_info_has_feature (holboo_xmpp_caps_cache_lookup (cache, cli->caps_ver),
                                                     HOLBOO_XMLNS_BLOCKING));

  /* A claimed ver that the answer does not hash to is not cached. */
  g_assert_false (holboo_xmpp_caps_cache_add (cache, "sha-1", "QgayPKawpkPSDYmwT/WM94uAlu0=", answer, &error));
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_assert_cmpuint (holboo_xmpp_caps_cache_get_size (cache), ==, 1);

  client_free (dis);
  client_free (cli);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/xmpp/contacts/roster", test_roster);
  g_test_add_func ("/xmpp/contacts/subscription-and-presence", test_subscription_and_presence);
  g_test_add_func ("/xmpp/contacts/blocking", test_blocking);
  g_test_add_func ("/xmpp/contacts/external-services", test_external_services);
  g_test_add_func ("/xmpp/contacts/disco-and-caps", test_disco_and_caps);

  status = g_test_run ();
  live_stop ();
  return status;
}
