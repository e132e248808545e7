/* test-core-contacts-hostile.c: an account's contacts against what
 * others (and a broken server) send, on a real Prosody or ejabberd:
 * roster and blocking pushes forged by another account, dropped
 * unanswered; broken pushes and presence, refused or cut; a caps ver
 * that its disco#info answer does not hash to, never believed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson
 * registers both.  Each case has accounts of its own.
 */

#include "config.h"

#include "contacts-test-util.h"
#include "holboo-xmpp-blocking.h"
#include "holboo-xmpp-caps.h"
#include "holboo-xmpp-roster.h"

#include <string.h>

static const char * const accounts[] = {
  "ann3", "mal3", "ann5", "ann6", "mal6", NULL
};

static gboolean
on_mallory_iq (HolbooXmppConnection *connection,
               HolbooXmlNode        *iq,
               gpointer              user_data)
{
  g_ptr_array_add (user_data, holboo_xml_node_ref (iq));
  return FALSE;
}

static void
on_mallory_stanza (HolbooXmppConnection *connection,
                   HolbooXmlNode        *stanza,
                   GPtrArray            *answers)
{
  const char *id = holboo_xml_node_get_attribute (stanza, "id");

  if (holboo_xml_node_is (stanza, "iq", HOLBOO_XMLNS_CLIENT) && id != NULL && g_str_has_prefix (id, "forged-"))
    g_ptr_array_add (answers, holboo_xml_node_ref (stanza));
}

/* Another account writes roster and blocking pushes to Ann's resource:
 * the server passes them on (they are iqs between two users), and Ann
 * must neither apply nor confirm them. */
static void
test_forged_pushes (void)
{
  LiveAccount *ann = live_account_new ("ann3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooXmppConnection) mal = live_connection ("mal3", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  g_autoptr(GPtrArray) requests = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  g_autofree char *mal_jid = NULL;
  g_autofree char *blocked = g_strdup_printf ("spam@%s", holboo_test_server_get_domain (live.server));
  g_autoptr(HolbooXmlNode) roster_push = NULL;
  g_autoptr(HolbooXmlNode) unblock_push = NULL;
  g_autoptr(HolbooXmlNode) chat = NULL;
  g_autoptr(HolbooJid) ann_full = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  Expect e;

  live_account_connect (ann);
  live_connect_ok (mal);
  mal_jid = g_strdup (holboo_jid_get_bare_string (holboo_xmpp_connection_get_bound_jid (mal)));
  ann_full = holboo_jid_ref (holboo_xmpp_connection_get_bound_jid (holboo_account_get_connection (ann->account)));
  g_signal_connect (mal, "stanza-received", G_CALLBACK (on_mallory_stanza), answers);
  holboo_xmpp_connection_add_handler (mal, "iq", NULL, on_mallory_iq, requests, NULL);

  holboo_account_block_async (ann->account, blocked, NULL, on_done, &result);
  finish_ok (ann->account, &result, holboo_account_block_finish);
  e = (Expect) { ann, blocked, TRUE };
  g_assert_true (live_wait (blocked_is, &e, WAIT_MS));

  roster_push = holboo_xmpp_roster_build_set (mal_jid, "Trusted friend", NULL);
  holboo_xml_node_set_attribute (roster_push, "to", holboo_jid_to_string (ann_full));
  holboo_xml_node_set_attribute (roster_push, "id", "forged-roster");
  unblock_push = holboo_xmpp_blocking_build_unblock (NULL);
  holboo_xml_node_set_attribute (unblock_push, "to", holboo_jid_to_string (ann_full));
  holboo_xml_node_set_attribute (unblock_push, "id", "forged-unblock");
  g_assert_true (holboo_xmpp_connection_send (mal, roster_push, &error));
  g_assert_true (holboo_xmpp_connection_send (mal, unblock_push, &error));
  g_assert_no_error (error);

  /* A message after them, as a marker: once it is stored, the pushes
   * were handled. */
  chat = live_chat (ann_full, "after-forgery", "after the forgery");
  g_assert_true (holboo_xmpp_connection_send (mal, chat, &error));
  g_assert_true (live_account_wait_count (ann, mal_jid, HOLBOO_MESSAGE_INCOMING, 1, WAIT_MS));
  live_sleep (500);   /* time for an answer to come back to Mallory */

  g_assert_null (holboo_account_lookup_contact (ann->account, mal_jid));
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_contacts (ann->account)), ==, 0);
  g_assert_true (holboo_account_is_blocked (ann->account, blocked));
  g_assert_cmpuint (answers->len, ==, 0);

  /* Nor did the store take them. */
  {
    g_autofree char *path = live_account_free (ann, TRUE);

    ann = live_account_new ("ann3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
    live_account_flush (ann);
    g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_contacts (ann->account)), ==, 0);
    g_assert_true (holboo_account_is_blocked (ann->account, blocked));
  }

  holboo_xmpp_connection_disconnect (mal);
  g_free (live_account_free (ann, FALSE));
}

/* Broken pushes and presence, as if the account's own server sent them:
 * nothing of them reaches the model or the store, and the process
 * lives on. */
static void
test_hostile_input (void)
{
  LiveAccount *ann = live_account_new ("ann5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  const char *domain = holboo_test_server_get_domain (live.server);
  g_autofree char *huge = g_strnfill (100 * 1024, 'x');
  g_autofree char *path = NULL;
  g_autofree char *ok_jid = g_strdup_printf ("ok@%s", domain);
  g_autoptr(GPtrArray) broken = g_ptr_array_new_with_free_func (g_free);
  HolbooContact *contact;

  live_account_connect (ann);

  /* One good push, so that there is a contact to aim presence at. */
  {
    g_autofree char *xml = g_strdup_printf (
      "<iq xmlns='jabber:client' type='set' id='p0'><query xmlns='jabber:iq:roster' ver='h1'>"
      "<item jid='%s' name='Ok' subscription='both'/></query></iq>", ok_jid);

    receive (ann, xml);
  }
  g_assert_nonnull (holboo_account_lookup_contact (ann->account, ok_jid));

  g_ptr_array_add (broken, g_strdup_printf (
    "<iq xmlns='jabber:client' type='set' id='b1'><query xmlns='jabber:iq:roster'>"
    "<item jid='a@%s'/><item jid='b@%s'/></query></iq>", domain, domain));
  g_ptr_array_add (broken, g_strdup (
    "<iq xmlns='jabber:client' type='set' id='b2'><query xmlns='jabber:iq:roster'><item name='no jid'/></query></iq>"));
  g_ptr_array_add (broken, g_strdup (
    "<iq xmlns='jabber:client' type='set' id='b3'><query xmlns='jabber:iq:roster'><item jid='a@b@c'/></query></iq>"));
  g_ptr_array_add (broken, g_strdup_printf (
    "<iq xmlns='jabber:client' type='set' id='b4'><query xmlns='jabber:iq:roster'>"
    "<item jid='full@%s/res'/></query></iq>", domain));
  g_ptr_array_add (broken, g_strdup_printf (
    "<iq xmlns='jabber:client' type='set' id='b5'><query xmlns='jabber:iq:roster'>"
    "<item jid='huge@%s' name='%s'/></query></iq>", domain, huge));
  g_ptr_array_add (broken, g_strdup_printf (
    "<iq xmlns='jabber:client' type='set' id='b6'><query xmlns='jabber:iq:roster'>"
    "<item jid='odd@%s' subscription='sometimes'/></query></iq>", domain));
  g_ptr_array_add (broken, g_strdup (
    "<iq xmlns='jabber:client' type='set' id='b7'><query xmlns='jabber:iq:roster'>"
    "<item jid='' subscription='remove'/></query></iq>"));
  g_ptr_array_add (broken, g_strdup (
    "<iq xmlns='jabber:client' type='set' id='b8'><block xmlns='urn:xmpp:blocking'>"
    "<item jid='fine@example.mn'/><item jid='a@b@c'/></block></iq>"));
  g_ptr_array_add (broken, g_strdup (
    "<iq xmlns='jabber:client' type='set' id='b9'><block xmlns='urn:xmpp:blocking'/></iq>"));
  for (guint i = 0; i < broken->len; i++)
    receive (ann, broken->pdata[i]);

  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_contacts (ann->account)), ==, 1);
  g_assert_false (holboo_account_is_blocked (ann->account, "fine@example.mn"));

  /* Presence: an unknown type is dropped, a huge status cut, presence
   * from strangers ignored. */
  {
    g_autofree char *odd = g_strdup_printf ("<presence xmlns='jabber:client' from='%s/x' type='sometimes'/>", ok_jid);
    g_autofree char *big = g_strdup_printf ("<presence xmlns='jabber:client' from='%s/x'><show>dnd</show>"
                                            "<status>%s</status><priority>999</priority></presence>", ok_jid, huge);
    g_autofree char *who = g_strdup_printf ("who@%s", domain);
    g_autofree char *stranger = g_strdup_printf ("<presence xmlns='jabber:client' from='%s/x'/>", who);

    receive (ann, odd);
    contact = holboo_account_lookup_contact (ann->account, ok_jid);
    g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE);
    receive (ann, big);
    g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_DND);
    g_assert_cmpuint (strlen (holboo_contact_get_status (contact)), <=, HOLBOO_XMPP_PRESENCE_MAX_STATUS_LENGTH);
    receive (ann, stranger);
    g_assert_null (holboo_account_lookup_contact (ann->account, who));
  }

  /* The store holds the one good contact and nothing else. */
  live_account_flush (ann);
  path = live_account_free (ann, TRUE);
  ann = live_account_new ("ann5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  live_account_flush (ann);
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_contacts (ann->account)), ==, 1);
  contact = holboo_account_lookup_contact (ann->account, ok_jid);
  g_assert_cmpstr (holboo_contact_get_name (contact), ==, "Ok");
  g_assert_false (holboo_account_is_blocked (ann->account, "fine@example.mn"));
  assert_store_intact (path);

  g_free (live_account_free (ann, FALSE));
}

typedef struct {
  HolbooXmppDiscoInfo *good;
  HolbooXmppDiscoInfo *bad;
  guint                queries;
  guint                wanted;
} CapsClient;

/* Answers node#ver with the answer that hashes to it, and anything else
 * with one that lists a feature twice. */
static gboolean
on_caps_query (HolbooXmppConnection *connection,
               HolbooXmlNode        *iq,
               gpointer              user_data)
{
  CapsClient *client = user_data;
  g_autofree char *good_ver = holboo_xmpp_caps_compute_ver (client->good, NULL);
  const char *node = holboo_xmpp_disco_get_query_node (iq);
  g_autoptr(HolbooXmlNode) answer = NULL;

  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "get") != 0)
    return FALSE;
  client->queries++;
  if (node != NULL && g_str_has_suffix (node, good_ver))
    answer = holboo_xmpp_disco_build_info_result (iq, client->good);
  else
    answer = holboo_xmpp_disco_build_info_result (iq, client->bad);
  holboo_xmpp_connection_send (connection, answer, NULL);
  return TRUE;
}

static void
send_caps_presence (HolbooXmppConnection *connection,
                    HolbooJid            *to,
                    const char           *ver)
{
  g_autoptr(HolbooXmlNode) presence = holboo_xmpp_presence_build (HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, NULL, 0,
                                                                  "https://example.mn/other-client", ver);
  g_autoptr(GError) error = NULL;

  holboo_xml_node_set_attribute (presence, "to", holboo_jid_to_string (to));
  g_assert_true (holboo_xmpp_connection_send (connection, presence, &error));
  g_assert_no_error (error);
}

static gboolean
queries_reached (gpointer data)
{
  CapsClient *client = data;

  return client->queries >= client->wanted;
}

/* Another client announces a ver that its disco#info answer does not
 * hash to (a feature listed twice, so that the answer could pass for a
 * different client): Ann asks, and does not believe it.  The same
 * client's true ver is learnt. */
static void
test_caps_verified (void)
{
  LiveAccount *ann = live_account_new ("ann6", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooXmppConnection) mal = live_connection ("mal6", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  CapsClient client = { 0 };
  g_autoptr(HolbooJid) ann_full = NULL;
  g_autofree char *mal_jid = NULL;
  g_autofree char *mal_full = NULL;
  g_autofree char *push = NULL;
  g_autofree char *good_ver = NULL;
  g_autofree char *forged_ver = NULL;
  Expect e;

  client.good = holboo_xmpp_disco_info_new (NULL);
  holboo_xmpp_disco_info_add_identity (client.good, "client", "pc", NULL, "Other");
  holboo_xmpp_disco_info_add_feature (client.good, HOLBOO_XMLNS_DISCO_INFO);
  holboo_xmpp_disco_info_add_feature (client.good, "urn:xmpp:jingle:1");
  client.bad = holboo_xmpp_disco_info_new (NULL);
  holboo_xmpp_disco_info_add_identity (client.bad, "client", "pc", NULL, "Other");
  holboo_xmpp_disco_info_add_feature (client.bad, HOLBOO_XMLNS_DISCO_INFO);
  holboo_xmpp_disco_info_add_feature (client.bad, "urn:xmpp:jingle:1");
  holboo_xmpp_disco_info_add_feature (client.bad, "urn:xmpp:jingle:1");
  good_ver = holboo_xmpp_caps_compute_ver (client.good, NULL);
  /* What the bad answer would hash to with its duplicate taken out,
   * plus one more feature: a ver a naive client might accept. */
  {
    g_autoptr(HolbooXmppDiscoInfo) other = holboo_xmpp_disco_info_new (NULL);

    holboo_xmpp_disco_info_add_identity (other, "client", "pc", NULL, "Other");
    holboo_xmpp_disco_info_add_feature (other, "urn:xmpp:jingle:1");
    forged_ver = holboo_xmpp_caps_compute_ver (other, NULL);
  }

  live_account_connect (ann);
  holboo_xmpp_connection_add_handler (mal, "iq", HOLBOO_XMLNS_DISCO_INFO, on_caps_query, &client, NULL);
  live_connect_ok (mal);
  mal_jid = g_strdup (holboo_jid_get_bare_string (holboo_xmpp_connection_get_bound_jid (mal)));
  mal_full = g_strdup (holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (mal)));
  ann_full = holboo_jid_ref (holboo_xmpp_connection_get_bound_jid (holboo_account_get_connection (ann->account)));

  /* Mal is Ann's contact (as far as Ann's model goes), and sends Ann
   * directed presence: first with the forged ver, then the true one. */
  push = g_strdup_printf ("<iq xmlns='jabber:client' type='set' id='c1'><query xmlns='jabber:iq:roster'>"
                          "<item jid='%s' subscription='both'/></query></iq>", mal_jid);
  receive (ann, push);
  send_caps_presence (mal, ann_full, forged_ver);
  e = (Expect) { ann, mal_jid, .show = HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE };
  g_assert_true (live_wait (show_is, &e, WAIT_MS));
  send_caps_presence (mal, ann_full, good_ver);

  /* The second query's answer comes after the first's on Ann's stream. */
  client.wanted = 2;
  g_assert_true (live_wait (queries_reached, &client, WAIT_MS));
  e = (Expect) { ann, mal_full };
  g_assert_true (live_wait (caps_known, &e, WAIT_MS));
  g_assert_true (holboo_xmpp_disco_info_has_feature (holboo_account_lookup_caps (ann->account, mal_full),
                                                     "urn:xmpp:jingle:1"));
  g_assert_cmpuint (client.queries, ==, 2);

  /* The forged ver was not cached: each time it is announced, Ann asks
   * again (Mal answers before it announces it again, so Ann has judged
   * the previous answer by then), and the resource has no known caps. */
  send_caps_presence (mal, ann_full, forged_ver);
  client.wanted = 3;
  g_assert_true (live_wait (queries_reached, &client, WAIT_MS));
  send_caps_presence (mal, ann_full, forged_ver);
  client.wanted = 4;
  g_assert_true (live_wait (queries_reached, &client, WAIT_MS));
  g_assert_null (holboo_account_lookup_caps (ann->account, mal_full));
  /* The true one is still known: announcing it asks nothing. */
  send_caps_presence (mal, ann_full, good_ver);
  e = (Expect) { ann, mal_full };
  g_assert_true (live_wait (caps_known, &e, WAIT_MS));
  g_assert_cmpuint (client.queries, ==, 4);

  holboo_xmpp_connection_disconnect (mal);
  holboo_xmpp_disco_info_unref (client.good);
  holboo_xmpp_disco_info_unref (client.bad);
  g_free (live_account_free (ann, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/contacts/forged-pushes", test_forged_pushes);
  g_test_add_func ("/core/contacts/hostile-input", test_hostile_input);
  g_test_add_func ("/core/contacts/caps-verified", test_caps_verified);

  status = g_test_run ();
  live_stop ();
  return status;
}
