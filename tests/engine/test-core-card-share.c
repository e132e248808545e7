/* test-core-card-share.c: business cards shared in chats and the team
 * directory, against a real Prosody
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - A card sent as a .vcf (holboo_account_send_card_async()) arrives,
 *   is downloaded without asking and reads back as the same card, photo
 *   and Cyrillic included; its address is saved as a contact.
 * - Hostile "cards" from a stranger: a .vcf with a 20 MiB photo is not
 *   downloaded by itself, and refused unread when downloaded by hand; a
 *   malformed one and one full of control characters are refused or
 *   cleaned; nothing crashes or hangs.
 * - The team directory lists the roster's colleagues, fetches their
 *   cards only when asked to, and searches by name, title, department
 *   and number; at the next run the kept cards show at once, offline.
 * - Save as Customer: the received card becomes exactly one customer of
 *   the receiver's team (name, company, title, numbers, addresses as
 *   handles, no note), sent through the team log; saving it again, or a
 *   card sharing one of its numbers, finds that customer and creates
 *   none.
 */

#include "config.h"

#include <cairo.h>
#include <string.h>

#include "core-live-util.h"
#include "holboo-account-card-customer.h"
#include "holboo-account-cards.h"
#include "holboo-account-contacts.h"
#include "holboo-account-customers.h"
#include "holboo-account-teamlog.h"
#include "holboo-account-upload.h"
#include "holboo-team-directory.h"

#include <glib/gstdio.h>

static const char * const accounts[] = { "tuya", "ganaa", "muugii", "dash", NULL };

static char *tmp_dir;

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

static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  g_autofree char *path = g_build_filename (tmp_dir, "photo.png", NULL);
  cairo_t *cr = cairo_create (surface);
  char *data;
  gsize size;

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_bytes_new_take (data, size);
}

static HolbooCard *
make_card (const char *jid)
{
  HolbooCard *card = holboo_card_new ();
  g_autoptr(GBytes) photo = make_png (96, 96);

  holboo_card_set_name (card, "Туяа Батболд");
  holboo_card_set_title (card, "Ахлах нягтлан бодогч");
  holboo_card_set_department (card, "Санхүү");
  holboo_card_set_company (card, "Холбоо ХХК");
  holboo_card_set_phones (card, (const char *[]) { "+976 9911 2233", NULL });
  holboo_card_set_emails (card, (const char *[]) { "tuya@holboo.mn", NULL });
  holboo_card_set_xmpp (card, jid);
  g_assert_true (holboo_card_set_photo (card, photo, NULL));
  return card;
}

static HolbooCard *
load_card (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  holboo_card_load_file_async (file, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  return holboo_card_load_file_finish (result, error);
}

typedef struct {
  LiveAccount           *live;
  const char            *peer;
  const char            *name;     /* the attachment's, or NULL for any */
  HolbooAttachmentState  state;
  HolbooStoredMessage   *found;
} FileWait;

static gboolean
file_in_state (gpointer data)
{
  FileWait *fw = data;
  g_autoptr(GPtrArray) messages = live_account_messages (fw->live, fw->peer);

  for (guint i = 0; i < messages->len; i++)
    {
      HolbooStoredMessage *m = messages->pdata[i];

      if (m->direction == HOLBOO_MESSAGE_INCOMING && m->attachment != NULL &&
          m->attachment->state == fw->state &&
          (fw->name == NULL || g_strcmp0 (m->attachment->name, fw->name) == 0))
        {
          g_clear_pointer (&fw->found, holboo_stored_message_unref);
          fw->found = holboo_stored_message_ref (m);
          return TRUE;
        }
    }
  return FALSE;
}

static HolbooStoredMessage *
wait_file (LiveAccount           *live,
           LiveAccount           *peer,
           const char            *name,
           HolbooAttachmentState  state)
{
  FileWait fw = { live, live_account_jid (peer), name, state, NULL };

  if (!live_wait (file_in_state, &fw, 120000))
    g_error ("%s never had %s in state %d", live->user, name ? name : "a file", state);
  return fw.found;
}

static gboolean
has_contact (gpointer data)
{
  LiveAccount *live = ((gpointer *) data)[0];
  const char *jid = ((gpointer *) data)[1];

  return holboo_account_lookup_contact (live->account, jid) != NULL;
}

static void
add_contact (LiveAccount *live,
             const char  *jid,
             const char  *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gpointer data[] = { live, (gpointer) jid };

  holboo_account_add_contact_async (live->account, jid, name, NULL, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  g_assert_true (holboo_account_add_contact_finish (live->account, result, &error));
  g_assert_no_error (error);
  g_assert_true (live_wait (has_contact, data, 30000));
}

/* A card sent into a chat is a .vcf the other side takes without asking,
 * reads back as the same card, and saves as a contact. */
/* ---- Save as Customer ---- */

static gpointer
read_all_customers (HolbooStore  *store,
                    gpointer      data,
                    GError      **error)
{
  HolbooCustomerQuery query = { .limit = 100 };

  return holboo_store_search_customers (store, &query, error);
}

static gpointer
read_fields (HolbooStore  *store,
             gpointer      data,
             GError      **error)
{
  return holboo_store_get_customer_fields (store, data, error);
}

static gpointer
read_customers (LiveAccount           *live,
                HolbooTeamlogReadFunc  func,
                const char            *data,
                GDestroyNotify         result_free)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gpointer read;

  holboo_account_read_customers_async (live->account, func, g_strdup (data), g_free, result_free,
                                       NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  read = holboo_account_read_customers_finish (live->account, result, &error);
  g_assert_no_error (error);
  return read;
}

static char *
save_card_customer (LiveAccount *live,
                    HolbooCard  *card,
                    gboolean    *created)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *uuid;

  holboo_account_save_card_customer_async (live->account, card, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  uuid = holboo_account_save_card_customer_finish (live->account, result, created, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

static void
save_as_customer (LiveAccount *receiver,
                  HolbooCard  *card)
{
  g_autofree char *room = g_strdup_printf ("cards@%s", holboo_test_server_get_muc_service (live.server));
  g_autoptr(HolbooCard) same_phone = holboo_card_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GHashTable) fields = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *again = NULL;
  g_autofree char *by_phone = NULL;
  g_autofree char *found = NULL;
  HolbooStoredCustomer *customer;
  gboolean created = FALSE;

  holboo_account_create_team_async (receiver->account, room, "Борлуулалт", (const char *[]) { NULL },
                                    NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  g_assert_true (holboo_account_create_team_finish (receiver->account, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Not saved yet: nobody has its addresses. */
  holboo_account_find_card_customer_async (receiver->account, card, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 30000));
  found = holboo_account_find_card_customer_finish (receiver->account, result, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  g_clear_object (&result);

  uuid = save_card_customer (receiver, card, &created);
  g_assert_true (created);

  /* Through the team log: sent to the room and echoed back. */
  holboo_account_sync_teamlog_async (receiver->account, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  g_assert_true (holboo_account_sync_teamlog_finish (receiver->account, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (holboo_account_get_teamlog_pending (receiver->account), ==, 0);

  customers = read_customers (receiver, read_all_customers, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_assert_cmpuint (customers->len, ==, 1);
  customer = customers->pdata[0];
  g_assert_cmpstr (customer->uuid, ==, uuid);
  g_assert_cmpstr (customer->name, ==, "Туяа Батболд");
  g_assert_cmpstr (customer->company, ==, "Холбоо ХХК");
  g_assert_cmpstr (customer->phones, ==, "+97699112233");
  g_assert_cmpstr (customer->emails, ==, "tuya@holboo.mn");
  g_assert_cmpstr (customer->xmpp, ==, holboo_card_get_xmpp (card));
  g_assert_cmpuint (g_strv_length (customer->tags), ==, 0);
  fields = read_customers (receiver, read_fields, uuid, (GDestroyNotify) g_hash_table_unref);
  g_assert_cmpstr (g_hash_table_lookup (fields, "title"), ==, "Ахлах нягтлан бодогч");

  /* The second click: the same customer, none created. */
  again = save_card_customer (receiver, card, &created);
  g_assert_false (created);
  g_assert_cmpstr (again, ==, uuid);
  /* Another card with one of its numbers: the same customer too. */
  holboo_card_set_name (same_phone, "Өөр нэр");
  holboo_card_set_phones (same_phone, (const char *[]) { "9911-2233", NULL });
  by_phone = save_card_customer (receiver, same_phone, &created);
  g_assert_false (created);
  g_assert_cmpstr (by_phone, ==, uuid);
  g_clear_pointer (&customers, g_ptr_array_unref);
  customers = read_customers (receiver, read_all_customers, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_assert_cmpuint (customers->len, ==, 1);
}

static void
test_send_and_save (void)
{
  LiveAccount *tuya = live_account_new ("tuya", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *ganaa = live_account_new ("ganaa", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooCard) card = make_card (live_account_jid (tuya));
  g_autoptr(HolbooCard) received = NULL;
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(HolbooStoredMessage) message = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HolbooContact *contact;

  live_account_connect (tuya);
  live_account_connect (ganaa);

  holboo_account_send_card_async (tuya->account, live_account_jid (ganaa), card, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  sent = holboo_account_send_card_finish (tuya->account, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sent->attachment);
  g_assert_cmpstr (sent->attachment->name, ==, "Туяа Батболд.vcf");
  g_assert_cmpstr (sent->attachment->mime, ==, "text/vcard");

  message = wait_file (ganaa, tuya, NULL, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  /* ejabberd's upload service serves it under a name of its own, still a .vcf. */
  g_assert_true (g_str_has_suffix (message->attachment->name, ".vcf"));
  if (!live_is_ejabberd ())
    g_assert_cmpstr (message->attachment->name, ==, "Туяа Батболд.vcf");
  g_assert_nonnull (message->attachment->local_path);
  received = load_card (message->attachment->local_path, &error);
  g_assert_no_error (error);
  g_assert_true (holboo_card_equal (received, card));
  g_assert_true (g_bytes_equal (holboo_card_get_photo (received), holboo_card_get_photo (card)));

  /* Save Contact: the card's address, under the card's name. */
  add_contact (ganaa, holboo_card_get_xmpp (received), holboo_card_get_name (received));
  contact = holboo_account_lookup_contact (ganaa->account, live_account_jid (tuya));
  g_assert_cmpstr (holboo_contact_get_name (contact), ==, "Туяа Батболд");

  /* Save as Customer, into the receiver's team. */
  save_as_customer (ganaa, received);

  live_account_free (tuya, FALSE);
  live_account_free (ganaa, FALSE);
}

static char *
write_file (const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, length, &error));
  return path;
}

static void
send_file (LiveAccount *from,
           LiveAccount *to,
           const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_send_file_async (from->account, live_account_jid (to), file, NULL, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 120000));
  sent = holboo_account_send_file_finish (from->account, result, NULL, &error);
  g_assert_no_error (error);
}

/* A vCard whose PHOTO is @photo_size bytes of noise, base64. */
static char *
write_big_card (gsize photo_size)
{
  g_autofree guchar *noise = g_malloc (photo_size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *base64 = NULL;
  g_autoptr(GString) vcf = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Том зураг\r\n"
                                         "PHOTO:data:image/png;base64,");

  /* A PNG signature first, so only the size gives it away. */
  for (gsize i = 0; i < photo_size; i++)
    noise[i] = g_rand_int (rand) & 0xff;
  memcpy (noise, "\x89PNG\r\n\x1a\n", 8);
  base64 = g_base64_encode (noise, photo_size);
  g_string_append (vcf, base64);
  g_string_append (vcf, "\r\nEND:VCARD\r\n");
  return write_file ("big.vcf", vcf->str, vcf->len);
}

static gboolean
download_settled (gpointer data)
{
  FileWait *fw = data;
  g_autoptr(GPtrArray) messages = live_account_messages (fw->live, fw->peer);

  for (guint i = 0; i < messages->len; i++)
    {
      HolbooStoredMessage *m = messages->pdata[i];

      if (m->attachment != NULL && g_strcmp0 (m->attachment->name, fw->name) == 0 &&
          m->attachment->state != HOLBOO_ATTACHMENT_STATE_REMOTE)
        {
          g_clear_pointer (&fw->found, holboo_stored_message_unref);
          fw->found = holboo_stored_message_ref (m);
          return TRUE;
        }
    }
  return FALSE;
}

/* Hostile cards from a stranger: a 20 MiB photo, a malformed vCard, and
 * control characters with an overlong title. */
static void
test_hostile (void)
{
  LiveAccount *muugii = live_account_new ("muugii", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *ganaa = live_account_new ("ganaa", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *big = write_big_card (20 * 1024 * 1024);
  g_autofree char *broken = write_file ("broken.vcf", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN;X=\"unterminated:\r\n"
                                        "PHOTO:data:image/png;base64,%%%%\r\n\x01\x02\x03", -1);
  g_autofree char *garbage = write_file ("garbage.vcf", "\x89PNG\r\n\x1a\n\x00\x01" "binary, not a card", 28);
  g_autoptr(GString) hostile = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n"
                                             "FN:Муу\x07\x1b[31mхүн\u202e\r\nTITLE:");
  g_autofree char *control = NULL;
  g_autoptr(HolbooStoredMessage) message = NULL;
  g_autoptr(HolbooStoredMessage) downloaded = NULL;
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  FileWait fw = { ganaa, NULL, "big.vcf", 0, NULL };

  for (guint i = 0; i < 10000; i++)
    g_string_append (hostile, "Захирал ");
  g_string_append (hostile, "\r\nEND:VCARD\r\n");
  control = write_file ("control.vcf", hostile->str, hostile->len);

  live_account_connect (muugii);
  live_account_connect (ganaa);
  fw.peer = live_account_jid (muugii);

  /* 20 MiB: not taken without asking (the largest card is far smaller). */
  send_file (muugii, ganaa, big);
  g_assert_true (live_wait (download_settled, &fw, 120000));
  g_test_message ("a 27 MB card offered: %d (%s)", fw.found->attachment->state,
                  fw.found->attachment->error ? fw.found->attachment->error : "");
  g_assert_cmpint (fw.found->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED);
  g_assert_null (fw.found->attachment->local_path);

  /* Downloaded by hand, it is still refused, without being read. */
  holboo_account_download_attachment_async (ganaa->account, fw.found->id, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 120000));
  downloaded = holboo_account_download_attachment_finish (ganaa->account, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (downloaded->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  card = load_card (downloaded->attachment->local_path, &error);
  g_assert_null (card);
  g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Not a vCard at all: downloaded (it is small), refused as a card. */
  send_file (muugii, ganaa, garbage);
  message = wait_file (ganaa, muugii, "garbage.vcf", HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  card = load_card (message->attachment->local_path, &error);
  g_assert_null (card);
  g_assert_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_INVALID);
  g_test_message ("garbage: %s", error->message);
  g_clear_error (&error);
  g_clear_pointer (&message, holboo_stored_message_unref);

  /* Malformed lines, a broken photo, no END: what can be read is kept,
   * the broken photo is left out. */
  send_file (muugii, ganaa, broken);
  message = wait_file (ganaa, muugii, "broken.vcf", HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  card = load_card (message->attachment->local_path, &error);
  if (card != NULL)
    {
      g_assert_null (holboo_card_get_photo (card));
      g_assert_true (holboo_card_get_name (card) == NULL || g_utf8_validate (holboo_card_get_name (card), -1, NULL));
    }
  else
    g_test_message ("malformed: %s", error->message);
  g_clear_error (&error);
  g_clear_object (&card);
  g_clear_pointer (&message, holboo_stored_message_unref);

  /* Control characters, a direction override and an 80 KB title: read,
   * and cleaned. */
  send_file (muugii, ganaa, control);
  message = wait_file (ganaa, muugii, "control.vcf", HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  card = load_card (message->attachment->local_path, &error);
  g_assert_no_error (error);
  for (const char *p = holboo_card_get_name (card); *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_false (g_unichar_iscntrl (c));
      g_assert_cmpuint (c, !=, 0x202e);
    }
  g_assert_nonnull (strstr (holboo_card_get_name (card), "Муу"));
  g_assert_cmpuint (strlen (holboo_card_get_title (card)), <=, HOLBOO_CARD_MAX_FIELD_LENGTH);
  g_assert_true (g_utf8_validate (holboo_card_get_title (card), -1, NULL));

  g_clear_pointer (&fw.found, holboo_stored_message_unref);
  live_account_free (muugii, FALSE);
  live_account_free (ganaa, FALSE);
}

static gboolean
n_items_is (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (((gpointer *) data)[0])) == GPOINTER_TO_UINT (((gpointer *) data)[1]);
}

static gboolean
all_fetched (gpointer data)
{
  GListModel *model = data;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HolbooTeamMember) member = g_list_model_get_item (model, i);

      if (holboo_team_member_get_card_state (member) != HOLBOO_TEAM_MEMBER_CARD_FETCHED)
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_cached_card (gpointer data)
{
  HolbooTeamDirectory *directory = data;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (directory)); i++)
    {
      g_autoptr(HolbooTeamMember) member = g_list_model_get_item (G_LIST_MODEL (directory), i);

      if (holboo_team_member_get_card (member) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
publish (LiveAccount *live,
         HolbooCard  *card)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_publish_card_async (live->account, card, HOLBOO_XMPP_PEP_ACCESS_OPEN, NULL, on_done, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  g_assert_true (holboo_account_publish_card_finish (live->account, result, &error));
  g_assert_no_error (error);
  return TRUE;
}

/* The directory: the roster's colleagues; cards fetched only once asked
 * for; search by name, title, department and number. */
static void
test_directory (void)
{
  LiveAccount *dash = live_account_new ("dash", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *tuya = live_account_new ("tuya", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooCard) card = make_card (live_account_jid (tuya));
  g_autoptr(HolbooTeamDirectory) directory = NULL;
  HolbooTeamMember *member, *other;
  g_autofree char *ganaa_jid = NULL;
  g_autofree char *kept = NULL;
  gpointer two[] = { NULL, GUINT_TO_POINTER (2) };

  live_account_connect (dash);
  live_account_connect (tuya);
  publish (tuya, card);

  directory = holboo_team_directory_new (dash->account);
  two[0] = directory;
  add_contact (dash, live_account_jid (tuya), NULL);
  ganaa_jid = g_strdup_printf ("ganaa@%s", strchr (live_account_jid (dash), '@') + 1);
  add_contact (dash, ganaa_jid, "Ганаа");
  g_assert_true (live_wait (n_items_is, two, 30000));

  /* Nothing fetched until the page is looked at. */
  member = holboo_team_directory_lookup (directory, live_account_jid (tuya));
  other = holboo_team_directory_lookup (directory, ganaa_jid);
  g_assert_nonnull (member);
  g_assert_nonnull (other);
  g_assert_null (holboo_team_directory_lookup (directory, live_account_jid (dash)));
  g_assert_cmpint (holboo_team_member_get_card_state (member), ==, HOLBOO_TEAM_MEMBER_CARD_UNKNOWN);
  g_assert_null (holboo_team_member_get_card (member));

  holboo_team_directory_load (directory);
  g_assert_true (live_wait (all_fetched, directory, 60000));
  g_assert_false (holboo_team_directory_get_loading (directory));
  g_assert_true (holboo_card_equal (holboo_team_member_get_card (member), card));
  g_assert_cmpstr (holboo_team_member_get_display_name (member), ==, "Туяа Батболд");
  /* ganaa published nothing: listed with the roster's name. */
  g_assert_null (holboo_team_member_get_card (other));
  g_assert_cmpstr (holboo_team_member_get_display_name (other), ==, "Ганаа");

  g_assert_true (holboo_team_member_matches (member, "туяа"));
  g_assert_true (holboo_team_member_matches (member, "НЯГТЛАН санхүү"));
  g_assert_true (holboo_team_member_matches (member, "9911 22"));
  g_assert_true (holboo_team_member_matches (member, "99112233"));
  g_assert_false (holboo_team_member_matches (member, "ганаа"));
  g_assert_false (holboo_team_member_matches (member, "8811"));
  g_assert_true (holboo_team_member_matches (other, "ганаа"));
  g_assert_false (holboo_team_member_matches (other, "санхүү"));
  g_assert_true (holboo_team_member_matches (other, ""));

  /* The next run, offline: the kept cards show at once, photo and all;
   * nothing is fetched without a connection. */
  g_clear_object (&directory);
  kept = live_account_free (dash, TRUE);
  dash = live_account_new ("dash", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, kept);
  directory = holboo_team_directory_new (dash->account);
  two[0] = directory;
  g_assert_true (live_wait (n_items_is, two, 30000));
  holboo_team_directory_load (directory);
  g_assert_true (live_wait (has_cached_card, directory, 30000));
  member = holboo_team_directory_lookup (directory, live_account_jid (tuya));
  g_assert_true (holboo_card_equal (holboo_team_member_get_card (member), card));
  g_assert_true (g_bytes_equal (holboo_card_get_photo (holboo_team_member_get_card (member)),
                                holboo_card_get_photo (card)));
  g_assert_cmpint (holboo_team_member_get_card_state (member), ==, HOLBOO_TEAM_MEMBER_CARD_UNKNOWN);
  g_assert_null (holboo_team_member_get_card (holboo_team_directory_lookup (directory, ganaa_jid)));
  g_assert_false (holboo_team_directory_get_loading (directory));

  g_clear_object (&directory);
  live_account_free (tuya, FALSE);
  live_account_free (dash, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("holboo-card-share-XXXXXX", NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/card-share/send-and-save", test_send_and_save);
  g_test_add_func ("/core/card-share/hostile", test_hostile);
  g_test_add_func ("/core/card-share/directory", test_directory);

  status = g_test_run ();
  live_stop ();
  for (guint i = 0; i < 5; i++)
    {
      const char *names[] = { "photo.png", "big.vcf", "broken.vcf", "control.vcf", "garbage.vcf" };
      g_autofree char *path = g_build_filename (tmp_dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
