/* test-core-contacts.c: an account's contacts (HolbooAccount, HolbooContact)
 * against a real Prosody or ejabberd: adding a contact and the
 * subscription answered both ways, presence per contact and our own
 * presence modes, caps learnt and verified, service discovery of the
 * server and of a contact's client, rename and removal, all kept
 * in the store and known offline; the blocklist, messages from blocked
 * addresses dropped; the server's STUN/TURN services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson
 * registers both.  Each case has accounts of its own.
 */

#include "config.h"

#include "contacts-test-util.h"
#include "holboo-account-disco.h"
#include "holboo-xmpp-blocking.h"
#include "holboo-xmpp-caps.h"
#include "holboo-xmpp-roster.h"

#include <string.h>

static const char * const accounts[] = {
  "ann1", "bat1", "ann2", "eve2", "ann4", NULL
};

static void
on_subscription_request (HolbooAccount *account,
                         const char    *jid,
                         guint         *count)
{
  g_autoptr(GError) error = NULL;

  (*count)++;
  g_assert_true (holboo_account_approve_subscription (account, jid, &error));
  g_assert_no_error (error);
}

static void
add_contact (LiveAccount        *live,
             const char         *jid,
             const char         *name,
             const char * const *groups)
{
  GAsyncResult *result = NULL;

  holboo_account_add_contact_async (live->account, jid, name, groups, NULL, on_done, &result);
  finish_ok (live->account, &result, holboo_account_add_contact_finish);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 1);
  (*count)++;
}

static void
test_contacts (void)
{
  LiveAccount *ann = live_account_new ("ann1", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bat = live_account_new ("bat1", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  const char * const groups[] = { "Борлуулалт", NULL };
  g_autofree char *ann_jid = g_strdup (live_account_jid (ann));
  g_autofree char *bat_jid = g_strdup (live_account_jid (bat));
  g_autofree char *bat_full = NULL;
  g_autofree char *path = NULL;
  g_autofree char *ver = NULL;
  guint ann_requests = 0, bat_requests = 0, changes = 0;
  GAsyncResult *result = NULL;
  Expect e;
  HolbooContact *contact;
  HolbooXmppDiscoInfo *caps;

  g_signal_connect (ann->account, "subscription-request", G_CALLBACK (on_subscription_request), &ann_requests);
  g_signal_connect (bat->account, "subscription-request", G_CALLBACK (on_subscription_request), &bat_requests);
  /* Our own presence before connecting goes out as the initial one. */
  holboo_account_set_presence (ann->account, HOLBOO_XMPP_PRESENCE_SHOW_AWAY, "Цайны цаг");
  live_account_connect (ann);
  live_account_connect (bat);
  bat_full = g_strdup (full_jid (bat));
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_contacts (ann->account)), ==, 0);

  /* Ann adds Bat, who approves; then Bat adds Ann, who approves. */
  add_contact (ann, bat_jid, "Бат", groups);
  e = (Expect) { ann, bat_jid, HOLBOO_XMPP_SUBSCRIPTION_TO };
  g_assert_true (live_wait (subscription_is, &e, WAIT_MS));
  g_assert_cmpuint (bat_requests, ==, 1);
  add_contact (bat, ann_jid, NULL, NULL);
  e = (Expect) { ann, bat_jid, HOLBOO_XMPP_SUBSCRIPTION_BOTH };
  g_assert_true (live_wait (subscription_is, &e, WAIT_MS));
  e = (Expect) { bat, ann_jid, HOLBOO_XMPP_SUBSCRIPTION_BOTH };
  g_assert_true (live_wait (subscription_is, &e, WAIT_MS));
  g_assert_cmpuint (ann_requests, ==, 1);

  contact = holboo_account_lookup_contact (ann->account, bat_jid);
  g_assert_cmpstr (holboo_contact_get_name (contact), ==, "Бат");
  g_assert_cmpstr (holboo_contact_get_display_name (contact), ==, "Бат");
  g_assert_cmpstr (holboo_contact_get_groups (contact)[0], ==, "Борлуулалт");
  contact = holboo_account_lookup_contact (bat->account, ann_jid);
  g_assert_null (holboo_contact_get_name (contact));
  g_assert_cmpstr (holboo_contact_get_display_name (contact), ==, ann_jid);

  /* Presence, live, both ways: Ann's initial "away", then Bat's modes. */
  e = (Expect) { bat, ann_jid, .show = HOLBOO_XMPP_PRESENCE_SHOW_AWAY, .status = "Цайны цаг" };
  g_assert_true (live_wait (show_is, &e, WAIT_MS));
  e = (Expect) { ann, bat_jid, .show = HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE };
  g_assert_true (live_wait (show_is, &e, WAIT_MS));
  holboo_account_set_presence (bat->account, HOLBOO_XMPP_PRESENCE_SHOW_DND, "Хуралд байна");
  g_assert_cmpint (holboo_account_get_presence_show (bat->account), ==, HOLBOO_XMPP_PRESENCE_SHOW_DND);
  e = (Expect) { ann, bat_jid, .show = HOLBOO_XMPP_PRESENCE_SHOW_DND, .status = "Хуралд байна" };
  g_assert_true (live_wait (show_is, &e, WAIT_MS));
  contact = holboo_account_lookup_contact (ann->account, bat_jid);
  {
    g_auto(GStrv) resources = holboo_contact_dup_resources (contact);

    g_assert_cmpuint (g_strv_length (resources), ==, 1);
    g_assert_cmpstr (resources[0], ==, "phone");
    g_assert_cmpstr (holboo_contact_get_caps_ver (contact, "phone"), ==, holboo_account_get_caps_ver (bat->account));
  }

  /* Ann learnt what Bat's client does, verified against its ver. */
  e = (Expect) { ann, bat_full };
  g_assert_true (live_wait (caps_known, &e, WAIT_MS));
  caps = holboo_account_lookup_caps (ann->account, bat_full);
  g_assert_true (holboo_xmpp_disco_info_has_feature (caps, HOLBOO_XMLNS_CAPS));

  /* Asked directly: the server, its services, Bat's client. */
  {
    const char *domain = holboo_test_server_get_domain (live.server);
    g_autoptr(HolbooXmppDiscoInfo) server = NULL;
    g_autoptr(HolbooXmppDiscoInfo) client = NULL;
    g_autoptr(GPtrArray) items = NULL;
    g_autoptr(GError) error = NULL;
    gboolean muc = FALSE;

    holboo_account_discover_async (ann->account, domain, NULL, NULL, on_done, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    server = holboo_account_discover_finish (ann->account, result, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_true (holboo_xmpp_disco_info_has_identity (server, "server", "im"));

    holboo_account_discover_items_async (ann->account, domain, NULL, NULL, on_done, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    items = holboo_account_discover_items_finish (ann->account, result, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    for (guint i = 0; i < items->len; i++)
      muc |= g_strcmp0 (holboo_jid_to_string (((HolbooXmppDiscoItem *) items->pdata[i])->jid),
                        holboo_test_server_get_muc_service (live.server)) == 0;
    g_assert_true (muc);

    holboo_account_discover_async (ann->account, bat_full, NULL, NULL, on_done, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    client = holboo_account_discover_finish (ann->account, result, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_true (holboo_xmpp_disco_info_has_identity (client, "client", "pc"));
    g_assert_true (holboo_xmpp_disco_info_has_feature (client, HOLBOO_XMLNS_CAPS));

    /* A node Bat's client does not have. */
    holboo_account_discover_async (ann->account, bat_full, "urn:example:nothing", NULL, on_done, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    g_assert_null (holboo_account_discover_finish (ann->account, result, &error));
    g_assert_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND);
    g_clear_error (&error);
    g_clear_object (&result);

    holboo_account_discover_async (ann->account, "@@", NULL, NULL, on_done, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    g_assert_null (holboo_account_discover_finish (ann->account, result, &error));
    g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS);
    g_clear_object (&result);
  }

  /* Appearing offline. */
  holboo_account_set_presence (bat->account, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE, NULL);
  e = (Expect) { ann, bat_jid, .show = HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE };
  g_assert_true (live_wait (show_is, &e, WAIT_MS));

  /* Known offline: the store has Bat, without presence. */
  path = live_account_free (ann, TRUE);
  ann = live_account_new ("ann1", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  e = (Expect) { ann, .subscription = 1 };
  g_assert_true (live_wait (n_contacts_is, &e, WAIT_MS));
  contact = holboo_account_lookup_contact (ann->account, bat_jid);
  g_assert_cmpstr (holboo_contact_get_name (contact), ==, "Бат");
  g_assert_cmpint (holboo_contact_get_subscription (contact), ==, HOLBOO_XMPP_SUBSCRIPTION_BOTH);
  g_assert_cmpstr (holboo_contact_get_groups (contact)[0], ==, "Борлуулалт");
  g_assert_cmpint (holboo_contact_get_show (contact), ==, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE);

  /* Online again, with a versioned fetch (both servers offer it: the
   * store kept the version of the roster it holds): still Bat, and a
   * rename and a removal reach the model and the store. */
  ver = store_meta (path, "roster-ver");
  g_assert_nonnull (ver);
  live_account_connect (ann);
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_contacts (ann->account)), ==, 1);
  g_signal_connect (holboo_account_get_contacts (ann->account), "items-changed",
                    G_CALLBACK (on_items_changed), &changes);
  holboo_account_update_contact_async (ann->account, bat_jid, "Бат-Эрдэнэ", NULL, NULL, on_done, &result);
  finish_ok (ann->account, &result, holboo_account_update_contact_finish);
  e = (Expect) { ann, bat_jid, .name = "Бат-Эрдэнэ" };
  g_assert_true (live_wait (name_is, &e, WAIT_MS));
  /* The renamed contact was put back in its place, for models above. */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_contacts (ann->account)), ==, 1);
  g_signal_handlers_disconnect_by_func (holboo_account_get_contacts (ann->account), on_items_changed, &changes);
  holboo_account_remove_contact_async (ann->account, bat_jid, NULL, on_done, &result);
  finish_ok (ann->account, &result, holboo_account_remove_contact_finish);
  e = (Expect) { ann, bat_jid };
  g_assert_true (live_wait (contact_gone, &e, WAIT_MS));
  live_account_flush (ann);
  {
    g_autofree char *ver_after = store_meta (path, "roster-ver");

    g_assert_nonnull (ver_after);
    g_assert_cmpstr (ver_after, !=, ver);
  }
  /* The server cancelled the subscriptions: Bat keeps Ann, with none. */
  e = (Expect) { bat, ann_jid, HOLBOO_XMPP_SUBSCRIPTION_NONE };
  g_assert_true (live_wait (subscription_is, &e, WAIT_MS));

  g_free (path);
  path = live_account_free (ann, TRUE);
  ann = live_account_new ("ann1", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  live_account_flush (ann);
  g_assert_cmpuint (g_list_model_get_n_items (holboo_account_get_contacts (ann->account)), ==, 0);

  /* Bad addresses never reach the server. */
  {
    g_autoptr(GError) error = NULL;

    holboo_account_add_contact_async (ann->account, "not an address", NULL, NULL, NULL, on_done, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    g_assert_false (holboo_account_add_contact_finish (ann->account, result, &error));
    g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS);
    g_clear_object (&result);
  }

  g_free (live_account_free (ann, FALSE));
  g_free (live_account_free (bat, FALSE));
}

static void
count_up (guint *count)
{
  (*count)++;
}

static HolbooXmlNode *
chat_from (const char *from,
           const char *to,
           const char *id,
           const char *body)
{
  HolbooXmlNode *message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (message, "type", "chat");
  holboo_xml_node_set_attribute (message, "from", from);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "id", id);
  holboo_xml_node_add_text_child (message, "body", body);
  return message;
}

static void
test_blocking (void)
{
  LiveAccount *ann = live_account_new ("ann2", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *eve = live_account_new ("eve2", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *eve_jid = g_strdup (live_account_jid (eve));
  g_autofree char *ann_jid = g_strdup (live_account_jid (ann));
  g_autofree char *eve_full = NULL;
  g_autofree char *path = NULL;
  g_autoptr(HolbooXmlNode) spoof = NULL;
  g_autofree char *id1 = NULL, *id2 = NULL;
  guint changes = 0;
  g_auto(GStrv) list = NULL;
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  Expect e;

  live_account_connect (ann);
  live_account_connect (eve);
  eve_full = g_strdup (full_jid (eve));

  g_signal_connect_swapped (ann->account, "blocklist-changed", G_CALLBACK (count_up), &changes);
  holboo_account_block_async (ann->account, eve_jid, NULL, on_done, &result);
  finish_ok (ann->account, &result, holboo_account_block_finish);
  e = (Expect) { ann, eve_full, TRUE };
  g_assert_true (live_wait (blocked_is, &e, WAIT_MS));
  g_assert_cmpuint (changes, ==, 1);
  list = holboo_account_dup_blocklist (ann->account);
  g_assert_cmpuint (g_strv_length (list), ==, 1);
  g_assert_cmpstr (list[0], ==, eve_jid);

  /* The server keeps Eve's messages away; one that gets through anyway
   * (here: handed to the pipeline directly) is dropped by the core. */
  id1 = holboo_account_send_message (eve->account, ann_jid, "blocked 1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (id1);
  spoof = chat_from (eve_full, ann_jid, "blocked-2", "blocked 2");
  g_assert_true (_holboo_account_receive_stanza (ann->account, spoof));
  live_sleep (500);
  live_account_flush (ann);
  g_assert_cmpuint (ann->added_in, ==, 0);

  /* Known offline. */
  path = live_account_free (ann, TRUE);
  ann = live_account_new ("ann2", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  changes = 0;
  g_signal_connect_swapped (ann->account, "blocklist-changed", G_CALLBACK (count_up), &changes);
  live_account_flush (ann);
  g_assert_true (holboo_account_is_blocked (ann->account, eve_jid));
  g_assert_cmpuint (changes, ==, 1);

  /* Unblocked: Eve's next message arrives. */
  live_account_connect (ann);
  holboo_account_unblock_async (ann->account, NULL, NULL, on_done, &result);
  finish_ok (ann->account, &result, holboo_account_unblock_finish);
  e = (Expect) { ann, eve_full, FALSE };
  g_assert_true (live_wait (blocked_is, &e, WAIT_MS));
  /* Read, fetched at the session's start, unblocked by the push. */
  g_assert_cmpuint (changes, ==, 3);
  id2 = holboo_account_send_message (eve->account, ann_jid, "unblocked", &error);
  g_assert_nonnull (id2);
  g_assert_true (live_account_wait_count (ann, eve_jid, HOLBOO_MESSAGE_INCOMING, 1, WAIT_MS));
  {
    g_autoptr(GPtrArray) messages = live_account_messages (ann, eve_jid);

    g_assert_cmpuint (messages->len, ==, 1);
    g_assert_cmpstr (((HolbooStoredMessage *) messages->pdata[0])->body, ==, "unblocked");
  }

  g_free (live_account_free (ann, FALSE));
  g_free (live_account_free (eve, FALSE));
}

static void
on_services_changed (HolbooAccount *account,
                     guint         *count)
{
  (*count)++;
}

static gboolean
count_nonzero (gpointer data)
{
  return *(guint *) data > 0;
}

static void
test_external_services (void)
{
  LiveAccount *ann = live_account_new ("ann4", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  guint changed = 0;
  GPtrArray *services;   /* the account's, until it fetches again */
  guint n_services;
  gboolean turn = FALSE;

  g_assert_null (holboo_account_get_external_services (ann->account));
  g_signal_connect (ann->account, "external-services-changed", G_CALLBACK (on_services_changed), &changed);
  live_account_connect (ann);
  g_assert_true (live_wait (count_nonzero, &changed, WAIT_MS));

  services = holboo_account_get_external_services (ann->account);
  g_assert_nonnull (services);
  for (guint i = 0; i < services->len; i++)
    {
      HolbooXmppExternalService *s = services->pdata[i];

      if (holboo_xmpp_external_service_is_turn (s))
        {
          g_assert_nonnull (s->username);
          g_assert_nonnull (s->password);
          turn = TRUE;
        }
    }
  g_assert_true (turn);
  n_services = services->len;

  /* Fetched again (fresh credentials for a call): the list is new. */
  {
    GAsyncResult *result = NULL;
    g_autoptr(GPtrArray) fresh = NULL;
    g_autoptr(GError) error = NULL;

    holboo_account_fetch_external_services_async (ann->account, NULL, on_done, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    fresh = holboo_account_fetch_external_services_finish (ann->account, result, &error);
    g_clear_object (&result);
    g_assert_no_error (error);
    g_assert_cmpuint (fresh->len, ==, n_services);
    g_assert_true (holboo_account_get_external_services (ann->account) == fresh);
    g_assert_cmpuint (changed, ==, 2);
  }

  g_free (live_account_free (ann, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/contacts/roster-presence-offline", test_contacts);
  g_test_add_func ("/core/contacts/blocking", test_blocking);
  g_test_add_func ("/core/contacts/external-services", test_external_services);

  status = g_test_run ();
  live_stop ();
  return status;
}
