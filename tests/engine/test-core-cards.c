/* test-core-cards.c: business cards over PEP (XEP-0292, XEP-0084) against
 * a real Prosody or ejabberd: one account publishes, another reads it
 * back (fields, photo); the access model is applied; hostile cards and
 * avatars published by a third account are cleaned or left out; PEP
 * events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument.
 */

#include "config.h"

#include <cairo.h>

#include "core-live-util.h"
#include "holboo-account-cards.h"
#include "holboo-xml-stream.h"
#include "holboo-xmpp-avatar.h"
#include "holboo-xmpp-vcard4.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static const char * const accounts[] = { "anu", "bold", "mallory", NULL };

static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *path = NULL;
  gchar *data;
  gsize size;
  cairo_t *cr = cairo_create (surface);
  int fd;

  cairo_set_source_rgb (cr, 0.9, 0.5, 0.1);
  cairo_paint (cr);
  cairo_destroy (cr);
  fd = g_file_open_tmp ("holboo-card-XXXXXX.png", &path, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_unlink (path);
  return g_bytes_new_take (data, size);
}

static void
on_done (GObject      *source,
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

static gboolean
publish (LiveAccount        *live,
         HolbooCard         *card,
         HolbooXmppPepAccess access,
         GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  holboo_account_publish_card_async (live->account, card, access, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  return holboo_account_publish_card_finish (live->account, result, error);
}

static HolbooCard *
fetch (LiveAccount *live,
       const char  *jid,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  holboo_account_fetch_card_async (live->account, jid, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  return holboo_account_fetch_card_finish (live->account, result, error);
}

static HolbooCard *
make_card (const char *jid)
{
  HolbooCard *card = holboo_card_new ();
  g_autoptr(GBytes) photo = make_png (96, 96);
  const char *phones[] = { "+976 9911 2233", "+976 7011 4455", NULL };
  const char *emails[] = { "anu@holboo.mn", NULL };

  holboo_card_set_name (card, "Ану Батбаяр");
  holboo_card_set_title (card, "Ахлах нягтлан бодогч");
  holboo_card_set_department (card, "Санхүү");
  holboo_card_set_company (card, "Холбоо ХХК");
  holboo_card_set_phones (card, phones);
  holboo_card_set_emails (card, emails);
  holboo_card_set_xmpp (card, jid);
  holboo_card_set_website (card, "https://holboo.mn");
  holboo_card_set_address (card, "Чингисийн өргөн чөлөө 12, Улаанбаатар");
  g_assert_true (holboo_card_set_photo (card, photo, NULL));
  return card;
}

static void
test_publish_and_read_back (void)
{
  LiveAccount *anu = live_account_new ("anu", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bold = live_account_new ("bold", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooCard) card = make_card (live_account_jid (anu));
  g_autoptr(HolbooCard) own = NULL;
  g_autoptr(HolbooCard) read = NULL;
  g_autoptr(HolbooCard) changed = NULL;
  g_autoptr(GError) error = NULL;

  live_account_connect (anu);
  live_account_connect (bold);

  /* Shared with contacts only (the default): a stranger is refused,
   * the account itself reads it. */
  publish (anu, card, HOLBOO_XMPP_PEP_ACCESS_PRESENCE, &error);
  g_assert_no_error (error);
  own = fetch (anu, live_account_jid (anu), &error);
  g_assert_no_error (error);
  g_assert_true (holboo_card_equal (own, card));

  read = fetch (bold, live_account_jid (anu), &error);
  g_assert_null (read);
  g_assert_nonnull (error);
  g_assert_true (error->domain == HOLBOO_XMPP_STANZA_ERROR);
  g_test_message ("a stranger reading a presence-only card: %s", error->message);
  g_clear_error (&error);

  /* Open to everyone: the nodes exist with the other access model, so
   * this goes through precondition-not-met and a reconfiguration. */
  g_assert_true (publish (anu, card, HOLBOO_XMPP_PEP_ACCESS_OPEN, &error));
  g_assert_no_error (error);
  read = fetch (bold, live_account_jid (anu), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_card_get_name (read), ==, "Ану Батбаяр");
  g_assert_cmpstr (holboo_card_get_department (read), ==, "Санхүү");
  g_assert_cmpstr (holboo_card_get_phones (read)[1], ==, "+976 7011 4455");
  g_assert_cmpstr (holboo_card_get_photo_type (read), ==, "image/png");
  g_assert_true (g_bytes_equal (holboo_card_get_photo (read), holboo_card_get_photo (card)));
  g_assert_true (holboo_card_equal (read, card));

  /* A new photo replaces the old one for readers. */
  {
    g_autoptr(HolbooCard) second = holboo_card_copy (card);
    g_autoptr(GBytes) photo = make_png (64, 48);

    g_assert_true (holboo_card_set_photo (second, photo, NULL));
    g_assert_true (publish (anu, second, HOLBOO_XMPP_PEP_ACCESS_OPEN, &error));
    g_assert_no_error (error);
    g_clear_object (&read);
    read = fetch (bold, live_account_jid (anu), &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (holboo_card_get_photo (read), photo));
  }

  /* A new card without photo replaces both. */
  changed = holboo_card_copy (card);
  holboo_card_set_title (changed, "Санхүүгийн захирал");
  holboo_card_set_photo (changed, NULL, NULL);
  g_assert_true (publish (anu, changed, HOLBOO_XMPP_PEP_ACCESS_OPEN, &error));
  g_assert_no_error (error);
  g_clear_object (&read);
  read = fetch (bold, live_account_jid (anu), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_card_get_title (read), ==, "Санхүүгийн захирал");
  if (!live_is_ejabberd ())
    {
      /* Prosody's mod_vcard_legacy keeps serving the old vcard-temp
       * photo for older clients; ejabberd has none. Either way the
       * XEP-0084 avatar is gone. */
      g_test_message ("photo after removal: %s", holboo_card_get_photo (read) ? "vcard-temp" : "none");
    }
  else
    {
      g_assert_null (holboo_card_get_photo (read));
    }

  /* Too large a photo to publish is refused before it is sent. */
  {
    g_autoptr(HolbooCard) big = holboo_card_copy (card);
    g_autoptr(GBytes) photo = make_png (1200, 1200);

    if (g_bytes_get_size (photo) > HOLBOO_ACCOUNT_MAX_PUBLISHED_PHOTO_SIZE)
      {
        g_assert_true (holboo_card_set_photo (big, photo, NULL));
        g_assert_false (publish (anu, big, HOLBOO_XMPP_PEP_ACCESS_OPEN, &error));
        g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE);
        g_clear_error (&error);
      }
  }

  live_account_free (anu, FALSE);
  live_account_free (bold, FALSE);
}

static void
raw_publish (HolbooXmppConnection *connection,
             HolbooXmlNode        *iq)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) reply = live_iq (connection, iq, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reply);
}

static void
test_hostile_peer (void)
{
  LiveAccount *bold = live_account_new ("bold", "hostile", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooXmppConnection) mallory = live_connection ("mallory", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autoptr(HolbooJid) mallory_jid = NULL;
  g_autoptr(HolbooCard) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) hostile = g_string_new (NULL);
  g_autoptr(HolbooXmlNode) vcard = NULL;
  g_autoptr(GBytes) garbage = NULL;
  g_autofree char *garbage_id = NULL;
  guint8 noise[3000];

  live_connect_ok (mallory);
  live_account_connect (bold);
  mallory_jid = holboo_jid_get_bare (holboo_xmpp_connection_get_bound_jid (mallory));

  /* A vCard with the controls XML can carry (tab, newline, C1), a
   * direction override, 100 KB in one field and 500 numbers. */
  g_string_append (hostile, "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>Mal&#x9;lo&#xA;ry"
                            "\xc2\x9b\xe2\x80\xae" "gpj.exe</text></fn><title><text>");
  for (guint i = 0; i < 100 * 1024 / 15; i++)
    g_string_append (hostile, "Захирал ");
  g_string_append (hostile, "</text></title>");
  for (guint i = 0; i < 500; i++)
    g_string_append_printf (hostile, "<tel><uri>tel:+976%08u</uri></tel>", i);
  g_string_append (hostile, "</vcard>");
  vcard = holboo_xml_parse_element (hostile->str, hostile->len, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(HolbooXmlNode) iq = holboo_xmpp_vcard4_build_publish (vcard, HOLBOO_XMPP_PEP_ACCESS_OPEN);

    raw_publish (mallory, iq);
  }

  /* A "photo" that is no image, under a correct id. */
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (i * 7919) & 0xFF;
  memcpy (noise, "\x89PNG\r\n\x1a\n", 8);
  garbage = g_bytes_new (noise, sizeof noise);
  garbage_id = holboo_xmpp_avatar_compute_id (garbage);
  {
    g_autoptr(HolbooXmlNode) data = holboo_xmpp_avatar_build_data_publish (garbage, HOLBOO_XMPP_PEP_ACCESS_OPEN);
    HolbooXmppAvatarInfo info = { garbage_id, (char *) "image/png", sizeof noise, 64, 64 };
    g_autoptr(HolbooXmlNode) metadata = holboo_xmpp_avatar_build_metadata_publish (&info, HOLBOO_XMPP_PEP_ACCESS_OPEN);

    raw_publish (mallory, data);
    raw_publish (mallory, metadata);
  }

  read = fetch (bold, holboo_jid_to_string (mallory_jid), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_card_get_name (read), ==, "Mal lo ry gpj.exe");
  g_assert_cmpuint (strlen (holboo_card_get_title (read)), <=, HOLBOO_CARD_MAX_FIELD_LENGTH);
  g_assert_true (g_utf8_validate (holboo_card_get_title (read), -1, NULL));
  g_assert_cmpuint (g_strv_length ((GStrv) holboo_card_get_phones (read)), ==, HOLBOO_CARD_MAX_VALUES);
  g_assert_null (holboo_card_get_photo (read));
  g_clear_object (&read);

  /* Metadata announcing a 20 MiB photo: it is never downloaded. */
  {
    HolbooXmppAvatarInfo info = { garbage_id, (char *) "image/jpeg", 20 * 1024 * 1024, 4000, 4000 };
    g_autoptr(HolbooXmlNode) metadata = holboo_xmpp_avatar_build_metadata_publish (&info, HOLBOO_XMPP_PEP_ACCESS_OPEN);

    raw_publish (mallory, metadata);
  }
  read = fetch (bold, holboo_jid_to_string (mallory_jid), &error);
  g_assert_no_error (error);
  g_assert_nonnull (holboo_card_get_name (read));
  g_assert_null (holboo_card_get_photo (read));
  g_clear_object (&read);

  /* Data that does not match the id it is filed under. */
  {
    g_autoptr(GBytes) png = make_png (8, 8);
    g_autofree char *id = holboo_xmpp_avatar_compute_id (png);
    g_autoptr(HolbooXmlNode) data = holboo_xmpp_avatar_build_data_publish (garbage, HOLBOO_XMPP_PEP_ACCESS_OPEN);
    HolbooXmppAvatarInfo info = { id, (char *) "image/png", g_bytes_get_size (png), 8, 8 };
    g_autoptr(HolbooXmlNode) metadata = holboo_xmpp_avatar_build_metadata_publish (&info, HOLBOO_XMPP_PEP_ACCESS_OPEN);
    HolbooXmlNode *item;

    item = holboo_xml_node_get_child (holboo_xml_node_get_child (holboo_xml_node_get_child (data, "pubsub", HOLBOO_XMLNS_PUBSUB),
                                                                 "publish", HOLBOO_XMLNS_PUBSUB),
                                      "item", HOLBOO_XMLNS_PUBSUB);
    holboo_xml_node_set_attribute (item, "id", id);
    raw_publish (mallory, data);
    raw_publish (mallory, metadata);
  }
  read = fetch (bold, holboo_jid_to_string (mallory_jid), &error);
  g_assert_no_error (error);
  g_assert_null (holboo_card_get_photo (read));
  g_clear_object (&read);

  /* An address that is no account, and an account with no card. */
  read = fetch (bold, "not a jid@@", &error);
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS);
  g_clear_error (&error);

  holboo_xmpp_connection_disconnect (mallory);
  live_account_free (bold, FALSE);
}

typedef struct {
  guint       n;
  char       *jid;
  HolbooCard *card;
} Changed;

static void
on_card_changed (HolbooAccount *account,
                 const char    *jid,
                 HolbooCard    *card,
                 Changed       *changed)
{
  changed->n++;
  g_free (changed->jid);
  changed->jid = g_strdup (jid);
  g_set_object (&changed->card, card);
}

static HolbooXmlNode *
event (const char *from,
       const char *payload_xml)
{
  g_autofree char *xml = g_strdup_printf ("<message xmlns='jabber:client' from='%s' to='bold@localhost'>"
                                          "<event xmlns='http://jabber.org/protocol/pubsub#event'>%s</event>"
                                          "</message>", from, payload_xml);
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  return node;
}

static void
test_events (void)
{
  LiveAccount *bold = live_account_new ("bold", "events", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  Changed changed = { 0, };
  g_autoptr(HolbooXmlNode) card_event = NULL;
  g_autoptr(HolbooXmlNode) forged = NULL;
  g_autoptr(HolbooXmlNode) avatar_event = NULL;
  g_autoptr(HolbooXmlNode) other = NULL;

  g_signal_connect (bold->account, "card-changed", G_CALLBACK (on_card_changed), &changed);

  card_event = event ("anu@localhost",
                      "<items node='urn:xmpp:vcard4'><item id='current'>"
                      "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>Ану\xe2\x80\xae</text></fn></vcard>"
                      "</item></items>");
  g_assert_true (_holboo_account_cards_receive_event (bold->account, card_event));
  g_assert_cmpuint (changed.n, ==, 1);
  g_assert_cmpstr (changed.jid, ==, "anu@localhost");
  g_assert_cmpstr (holboo_card_get_name (changed.card), ==, "Ану");

  /* A PEP event comes from an account's bare JID, never a full one. */
  forged = event ("anu@localhost/evil",
                  "<items node='urn:xmpp:vcard4'><item id='current'>"
                  "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>Forged</text></fn></vcard>"
                  "</item></items>");
  g_assert_true (_holboo_account_cards_receive_event (bold->account, forged));
  g_assert_cmpuint (changed.n, ==, 1);

  avatar_event = event ("anu@localhost",
                        "<items node='urn:xmpp:avatar:metadata'><item id='x'>"
                        "<metadata xmlns='urn:xmpp:avatar:metadata'/></item></items>");
  g_assert_true (_holboo_account_cards_receive_event (bold->account, avatar_event));
  g_assert_cmpuint (changed.n, ==, 2);
  g_assert_null (changed.card);

  /* Another node's event (bookmarks, mood): left for the next handler. */
  other = event ("anu@localhost", "<items node='urn:xmpp:mood'/>");
  g_assert_false (_holboo_account_cards_receive_event (bold->account, other));
  g_assert_cmpuint (changed.n, ==, 2);

  g_free (changed.jid);
  live_account_free (bold, FALSE);
}

static gboolean
changed_seen (gpointer data)
{
  return ((Changed *) data)->card != NULL;
}

/* A real event: bold subscribes to anu's card node (open to everyone),
 * anu publishes a new title, bold's account reports it. */
static void
test_live_event (void)
{
  LiveAccount *anu = live_account_new ("anu", "event", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bold = live_account_new ("bold", "event", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooCard) card = make_card (live_account_jid (anu));
  g_autoptr(HolbooXmlNode) subscribe = NULL;
  g_autoptr(HolbooXmlNode) reply = NULL;
  g_autoptr(GError) error = NULL;
  Changed changed = { 0, };
  HolbooXmlNode *node;
  HolbooJid *bound;

  live_account_connect (anu);
  live_account_connect (bold);
  g_assert_true (publish (anu, card, HOLBOO_XMPP_PEP_ACCESS_OPEN, &error));
  g_assert_no_error (error);

  bound = holboo_xmpp_connection_get_bound_jid (holboo_account_get_connection (bold->account));
  subscribe = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (subscribe, "type", "set");
  holboo_xml_node_set_attribute (subscribe, "id", "sub1");
  holboo_xml_node_set_attribute (subscribe, "to", live_account_jid (anu));
  node = holboo_xml_node_add_child (holboo_xml_node_add_child_ns (subscribe, "pubsub", HOLBOO_XMLNS_PUBSUB),
                                    "subscribe");
  holboo_xml_node_set_attribute (node, "node", HOLBOO_XMLNS_VCARD4_NODE);
  holboo_xml_node_set_attribute (node, "jid", holboo_jid_to_string (bound));
  reply = live_iq (holboo_account_get_connection (bold->account), subscribe, &error);
  g_assert_no_error (error);

  g_signal_connect (bold->account, "card-changed", G_CALLBACK (on_card_changed), &changed);
  holboo_card_set_title (card, "Ерөнхий нягтлан");
  g_assert_true (publish (anu, card, HOLBOO_XMPP_PEP_ACCESS_OPEN, &error));
  g_assert_no_error (error);
  g_assert_true (live_wait (changed_seen, &changed, 20000));
  g_assert_cmpstr (changed.jid, ==, live_account_jid (anu));
  g_assert_cmpstr (holboo_card_get_title (changed.card), ==, "Ерөнхий нягтлан");
  g_assert_cmpstr (holboo_card_get_name (changed.card), ==, "Ану Батбаяр");

  g_signal_handlers_disconnect_by_data (bold->account, &changed);
  g_free (changed.jid);
  g_clear_object (&changed.card);
  live_account_free (anu, FALSE);
  live_account_free (bold, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/cards/publish-and-read-back", test_publish_and_read_back);
  g_test_add_func ("/core/cards/hostile-peer", test_hostile_peer);
  g_test_add_func ("/core/cards/events", test_events);
  g_test_add_func ("/core/cards/live-event", test_live_event);

  status = g_test_run ();
  live_stop ();
  return status;
}
