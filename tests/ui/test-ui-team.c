/* test-ui-team.c: the Team page and cards shared in chats, in-process
 * under Xvfb, against a real Prosody
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saruul uses the page; Bolor and Temuulen are colleagues in Saruul's
 * roster who published cards (with photos).  Checked: the page lists
 * them by name with their cards once it is shown; search by department,
 * by digits of a number, and a search that finds nobody; Chat opens the
 * conversation through win.open-chat; Call is insensitive and says why.
 * Then cards shared in chats: a good card is shown as a card with Save
 * Contact for its address; a message row with a .vcf shows the card,
 * not the file name; a card with a 20 MiB photo, a file that is no card
 * and one full of control characters are shown safely.  Save as
 * Customer: insensitive (saying why) while Saruul is in no team; once
 * in one, a click makes exactly one customer with the card's fields,
 * the button then opens it (win.show-customer) and a second click
 * creates nothing; the card shown again is known as that customer; no
 * such button on one's own card.  Screenshots,
 * light and dark, go to $HOLBOO_TEST_ARTEFACTS (test-ui-team-*.png).
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chats-test-util.h"
#include "core-live-util.h"
#include "holboo-account-cards.h"
#include "holboo-account-contacts.h"
#include "holboo-account-teamlog.h"
#include "holboo-store-customers.h"
#include "holboo-card-bubble.h"
#include "holboo-message-item.h"
#include "holboo-message-row.h"
#include "holboo-team-page.h"
#include "holboo-team-row.h"

static const char * const accounts[] = { "saruul", "bolor", "temuulen", NULL };

static LiveAccount *saruul, *bolor, *temuulen;
static GtkWindow   *window;
static char        *tmp_dir;
static char        *opened_chat;

static void
save_artefact (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("HOLBOO_TEST_ARTEFACTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("test-ui-team-%s.png", name);
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  chats_run_for (150);
  paintable = gtk_widget_paintable_new (widget);
  for (guint tries = 0; node == NULL; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      g_assert_cmpuint (tries, <, 250);
      if (tries > 0)
        chats_run_for (20);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  chats_run_for (100);
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

static GBytes *
make_png (double r,
          double g,
          double b)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 96, 96);
  g_autofree char *path = g_build_filename (tmp_dir, "photo.png", NULL);
  cairo_t *cr = cairo_create (surface);
  char *data;
  gsize size;

  cairo_set_source_rgb (cr, r, g, b);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.98, 0.85, 0.7);
  cairo_arc (cr, 48, 40, 20, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, 48, 100, 40, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  g_unlink (path);
  return g_bytes_new_take (data, size);
}

static HolbooCard *
make_card (LiveAccount *live,
           const char  *name,
           const char  *title,
           const char  *department,
           const char  *phone,
           double       hue)
{
  HolbooCard *card = holboo_card_new ();
  g_autoptr(GBytes) photo = make_png (hue, 0.5, 1 - hue);

  holboo_card_set_name (card, name);
  holboo_card_set_title (card, title);
  holboo_card_set_department (card, department);
  holboo_card_set_company (card, "Холбоо ХХК");
  holboo_card_set_phones (card, (const char *[]) { phone, NULL });
  holboo_card_set_xmpp (card, live_account_jid (live));
  g_assert_true (holboo_card_set_photo (card, photo, NULL));
  return card;
}

static void
publish (LiveAccount *live,
         HolbooCard  *card)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_publish_card_async (live->account, card, HOLBOO_XMPP_PEP_ACCESS_OPEN, NULL, on_done, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 60000));
  g_assert_true (holboo_account_publish_card_finish (live->account, result, &error));
  g_assert_no_error (error);
}

static void
add_contact (LiveAccount *live,
             const char  *jid)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_add_contact_async (live->account, jid, NULL, NULL, NULL, on_done, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 30000));
  g_assert_true (holboo_account_add_contact_finish (live->account, result, &error));
  g_assert_no_error (error);
}

static void
on_open_chat (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  g_free (opened_chat);
  opened_chat = g_variant_dup_string (parameter, NULL);
}

static gboolean
all_shown_with_cards (gpointer data)
{
  GListModel *shown = holboo_team_page_get_shown (data);

  if (g_list_model_get_n_items (shown) != 2)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HolbooTeamMember) member = g_list_model_get_item (shown, i);

      if (holboo_team_member_get_card (member) == NULL || holboo_card_get_photo (holboo_team_member_get_card (member)) == NULL)
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  HolbooTeamPage *page;
  guint           n;
} Count;

static gboolean
shown_is (gpointer data)
{
  Count *c = data;

  return g_list_model_get_n_items (holboo_team_page_get_shown (c->page)) == c->n;
}

static void
search (HolbooTeamPage *page,
        const char     *text,
        guint           expected)
{
  GtkWidget *entry = chats_find_type (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  Count c = { page, expected };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (!chats_wait_until (shown_is, &c, 5000))
    g_error ("Searching “%s” shows %u, not %u", text,
             g_list_model_get_n_items (holboo_team_page_get_shown (page)), expected);
}

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action,
                    const char *jid)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (jid == NULL || (target != NULL && g_variant_is_of_type (target, G_VARIANT_TYPE_STRING) &&
                          g_str_equal (g_variant_get_string (target, NULL), jid)))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action, jid);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_team_page (void)
{
  g_autoptr(HolbooCard) bolor_card = make_card (bolor, "Болор Ганбат", "Нягтлан бодогч", "Санхүү", "+976 9911 2233", 0.2);
  g_autoptr(HolbooCard) temuulen_card = make_card (temuulen, "Тэмүүлэн Дорж", "Борлуулалтын менежер", "Борлуулалт",
                                                   "+976 8800 4455", 0.8);
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { .name = "open-chat", .activate = on_open_chat, .parameter_type = "s" },
    { .name = "call", .parameter_type = "s" },
  };
  HolbooTeamPage *page;
  g_autoptr(HolbooTeamMember) first = NULL;
  GtkWidget *chat, *call;

  publish (bolor, bolor_card);
  publish (temuulen, temuulen_card);
  add_contact (saruul, live_account_jid (temuulen));
  add_contact (saruul, live_account_jid (bolor));

  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (actions), "call")), FALSE);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (actions));

  page = HOLBOO_TEAM_PAGE (holboo_team_page_new ());
  holboo_team_page_set_account (page, saruul->account);
  /* Nothing is fetched before the page is shown. */
  g_assert_false (holboo_team_directory_get_loading (holboo_team_page_get_directory (page)));
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  g_assert_true (chats_wait_until (all_shown_with_cards, page, 60000));
  set_dark (FALSE);
  save_artefact (GTK_WIDGET (window), "light");

  /* By name: Болор before Тэмүүлэн. */
  first = g_list_model_get_item (holboo_team_page_get_shown (page), 0);
  g_assert_cmpstr (holboo_team_member_get_display_name (first), ==, "Болор Ганбат");

  /* Chat opens the conversation; Call waits for calls, and says so. */
  chat = find_action_button (GTK_WIDGET (page), "win.open-chat", live_account_jid (temuulen));
  call = find_action_button (GTK_WIDGET (page), "win.call", live_account_jid (temuulen));
  g_assert_nonnull (chat);
  g_assert_nonnull (call);
  g_assert_true (gtk_widget_is_sensitive (chat));
  g_signal_emit_by_name (chat, "clicked");
  g_assert_cmpstr (opened_chat, ==, live_account_jid (temuulen));
  g_assert_false (gtk_widget_is_sensitive (call));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (call), ==, "Calls are not available yet");

  search (page, "санхүү", 1);
  search (page, "4455", 1);
  search (page, "+976 88", 1);
  search (page, "менежер тэмүүлэн", 1);
  search (page, "Холбоо", 2);
  search (page, "хэн ч биш", 0);
  save_artefact (GTK_WIDGET (window), "no-results");
  search (page, "", 2);

  set_dark (TRUE);
  save_artefact (GTK_WIDGET (window), "dark");
  set_dark (FALSE);

  holboo_team_page_show_member (page, live_account_jid (bolor));
  chats_run_for (300);
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (g_strcmp0 (gtk_widget_get_name (l->data), "card-window") == 0)
      {
        save_artefact (l->data, "card-window");
        gtk_window_destroy (l->data);
      }
}

/* ---- cards in chats ---- */

static HolbooStoredAttachment *
card_attachment (const char            *name,
                 const char            *contents,
                 gssize                 length,
                 HolbooAttachmentState  state)
{
  HolbooStoredAttachment *a = holboo_stored_attachment_new ();
  g_autoptr(GError) error = NULL;

  a->state = state;
  a->name = g_strdup (name);
  a->url = g_strdup_printf ("https://upload.example.mn/x/%s", name);
  if (contents != NULL)
    {
      a->local_path = g_build_filename (tmp_dir, name, NULL);
      g_assert_true (g_file_set_contents (a->local_path, contents, length, &error));
    }
  return a;
}

static gboolean
bubble_settled (gpointer data)
{
  return holboo_card_bubble_get_card (data) != NULL || holboo_card_bubble_get_problem (data) != NULL;
}

static GtkWidget *
show_bubble (HolbooStoredAttachment *a,
             GtkWidget             **box)
{
  GtkWidget *bubble = holboo_card_bubble_new ();

  *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (*box, 24);
  gtk_widget_set_margin_start (*box, 24);
  gtk_widget_set_margin_end (*box, 24);
  gtk_box_append (GTK_BOX (*box), bubble);
  adw_window_set_content (ADW_WINDOW (window), *box);
  holboo_card_bubble_set_attachment (HOLBOO_CARD_BUBBLE (bubble), a, FALSE);
  g_assert_true (chats_wait_until (bubble_settled, bubble, 30000));
  return bubble;
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x202e)
      return TRUE;
  return FALSE;
}

static void
assert_labels_clean (GtkWidget *root)
{
  if (GTK_IS_LABEL (root))
    {
      g_assert_true (g_utf8_validate (gtk_label_get_text (GTK_LABEL (root)), -1, NULL));
      g_assert_false (has_control (gtk_label_get_text (GTK_LABEL (root))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_labels_clean (child);
}

static void
test_shared_cards (void)
{
  g_autoptr(HolbooCard) card = make_card (bolor, "Болор Ганбат", "Нягтлан бодогч", "Санхүү", "+976 9911 2233", 0.2);
  g_autofree char *vcf = holboo_card_to_vcf (card, TRUE);
  g_autoptr(HolbooStoredAttachment) good = card_attachment ("Болор Ганбат.vcf", vcf, -1, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  g_autoptr(HolbooStoredAttachment) garbage = card_attachment ("garbage.vcf", "\x89PNG\r\n\x1a\n", 8,
                                                               HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  g_autoptr(HolbooStoredAttachment) failed = card_attachment ("big.vcf", NULL, 0, HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED);
  g_autoptr(HolbooStoredAttachment) big = NULL;
  g_autoptr(HolbooStoredAttachment) control = NULL;
  g_autoptr(GString) huge = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Том\r\nPHOTO:data:image/png;base64,");
  g_autoptr(GString) hostile = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Муу\x07\x1b[31mхүн\u202e\r\n"
                                             "ORG:\x01\x02Компани\r\nTEL:+976\x0b 9911\r\nTITLE:");
  g_autoptr(HolbooStoredMessage) m = holboo_stored_message_new ();
  g_autoptr(HolbooMessageItem) item = NULL;
  GtkWidget *bubble, *box, *save, *row, *inner;
  GVariant *target;
  const char *jid, *name;

  /* A good card: the card, and Save Contact for its address. */
  bubble = show_bubble (good, &box);
  g_assert_true (holboo_card_equal (holboo_card_bubble_get_card (HOLBOO_CARD_BUBBLE (bubble)), card));
  save = find_action_button (bubble, "win.save-contact", NULL);
  g_assert_nonnull (save);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (save));
  g_variant_get (target, "(&s&s)", &jid, &name);
  g_assert_cmpstr (jid, ==, live_account_jid (bolor));
  g_assert_cmpstr (name, ==, "Болор Ганбат");
  save_artefact (GTK_WIDGET (window), "bubble-light");
  set_dark (TRUE);
  save_artefact (GTK_WIDGET (window), "bubble-dark");
  set_dark (FALSE);

  /* 20 MiB of photo: not read, said. */
  for (guint i = 0; i < 20 * 1024 * 1024 / 3; i++)
    g_string_append (huge, "AAAA");
  g_string_append (huge, "\r\nEND:VCARD\r\n");
  big = card_attachment ("big.vcf", huge->str, huge->len, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  bubble = show_bubble (big, &box);
  g_assert_null (holboo_card_bubble_get_card (HOLBOO_CARD_BUBBLE (bubble)));
  g_assert_nonnull (strstr (holboo_card_bubble_get_problem (HOLBOO_CARD_BUBBLE (bubble)), "too large"));
  save_artefact (GTK_WIDGET (window), "bubble-too-large");

  /* Not a card. */
  bubble = show_bubble (garbage, &box);
  g_assert_null (holboo_card_bubble_get_card (HOLBOO_CARD_BUBBLE (bubble)));
  g_assert_nonnull (holboo_card_bubble_get_problem (HOLBOO_CARD_BUBBLE (bubble)));

  /* A download that failed says why. */
  failed->error = g_strdup ("The file is larger than the 2.9 MiB allowed");
  bubble = show_bubble (failed, &box);
  g_assert_nonnull (strstr (holboo_card_bubble_get_problem (HOLBOO_CARD_BUBBLE (bubble)), "2.9 MiB"));

  /* Control characters and a 160 KB title: cleaned, one line each. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (hostile, "Захирал ");
  g_string_append (hostile, "\r\nEND:VCARD\r\n");
  control = card_attachment ("control.vcf", hostile->str, hostile->len, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  bubble = show_bubble (control, &box);
  g_assert_nonnull (holboo_card_bubble_get_card (HOLBOO_CARD_BUBBLE (bubble)));
  assert_labels_clean (bubble);
  save_artefact (GTK_WIDGET (window), "bubble-hostile");

  /* In a conversation: the row shows the card, not the file's name. */
  m->id = 1;
  m->peer = g_strdup (live_account_jid (bolor));
  m->direction = HOLBOO_MESSAGE_INCOMING;
  m->state = HOLBOO_MESSAGE_STATE_RECEIVED;
  m->from_jid = g_strdup (live_account_jid (bolor));
  m->to_jid = g_strdup (live_account_jid (saruul));
  m->body = g_strdup (good->url);
  m->timestamp = g_get_real_time ();
  m->attachment = holboo_stored_attachment_ref (good);
  item = holboo_message_item_new (m);
  row = holboo_message_row_new ();
  gtk_widget_set_size_request (row, 560, -1);
  adw_window_set_content (ADW_WINDOW (window), row);
  holboo_message_row_set_item (HOLBOO_MESSAGE_ROW (row), item, "Болор");
  inner = chats_find_type (row, HOLBOO_TYPE_CARD_BUBBLE);
  g_assert_nonnull (inner);
  g_assert_true (gtk_widget_get_visible (inner));
  g_assert_false (gtk_widget_get_visible (chats_find_named (row, "message-body")));
  g_assert_true (chats_wait_until (bubble_settled, inner, 30000));
  g_assert_nonnull (holboo_card_bubble_get_card (HOLBOO_CARD_BUBBLE (inner)));
  save_artefact (GTK_WIDGET (window), "message-row");
  holboo_message_row_set_item (HOLBOO_MESSAGE_ROW (row), NULL, NULL);

  for (HolbooStoredAttachment *a, **all = (HolbooStoredAttachment *[]) { good, garbage, big, control, NULL };
       (a = *all) != NULL; all++)
    g_unlink (a->local_path);
}

/* ---- Save as Customer ---- */

static char *shown_customer;

static void
on_show_customer (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  g_free (shown_customer);
  shown_customer = g_variant_dup_string (parameter, NULL);
}

static gpointer
read_all_customers (HolbooStore  *store,
                    gpointer      data,
                    GError      **error)
{
  HolbooCustomerQuery query = { .limit = 100 };

  return holboo_store_search_customers (store, &query, error);
}

static GPtrArray *
all_customers (LiveAccount *live)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *customers;

  holboo_account_read_customers_async (live->account, read_all_customers, NULL, NULL,
                                       (GDestroyNotify) g_ptr_array_unref, NULL, on_done, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 30000));
  customers = holboo_account_read_customers_finish (live->account, result, &error);
  g_assert_no_error (error);
  return customers;
}

static gboolean
widget_sensitive (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static gboolean
bubble_has_customer (gpointer data)
{
  return holboo_card_bubble_get_customer (data) != NULL;
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_save_customer (void)
{
  g_autoptr(HolbooCard) card = make_card (bolor, "Болор Ганбат", "Нягтлан бодогч", "Санхүү", "+976 9911 2233", 0.2);
  g_autofree char *vcf = holboo_card_to_vcf (card, TRUE);
  g_autoptr(HolbooStoredAttachment) good = card_attachment ("customer.vcf", vcf, -1, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  g_autofree char *room = g_strdup_printf ("ui-team@%s", holboo_test_server_get_muc_service (live.server));
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();
  const GActionEntry entries[] = {
    { .name = "show-customer", .activate = on_show_customer, .parameter_type = "s" },
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autofree char *uuid = NULL;
  HolbooStoredCustomer *customer;
  GtkWidget *bubble, *box, *button;

  g_action_map_add_action_entries (G_ACTION_MAP (actions), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (actions));

  /* Saruul is in no team yet: the button is there, insensitive, and
   * says why. */
  bubble = holboo_card_bubble_new ();
  holboo_card_bubble_set_account (HOLBOO_CARD_BUBBLE (bubble), saruul->account);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_box_append (GTK_BOX (box), bubble);
  adw_window_set_content (ADW_WINDOW (window), box);
  holboo_card_bubble_set_attachment (HOLBOO_CARD_BUBBLE (bubble), good, FALSE);
  g_assert_true (chats_wait_until (bubble_settled, bubble, 30000));
  button = find_button_labelled (bubble, "Save as _Customer");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "team"));

  /* In a team (bolor is not in it): the button comes alive. */
  holboo_account_create_team_async (saruul->account, room, "Борлуулалт", (const char *[]) { NULL },
                                    NULL, on_done, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 60000));
  g_assert_true (holboo_account_create_team_finish (saruul->account, result, &error));
  g_assert_no_error (error);
  g_assert_true (chats_wait_until (widget_sensitive, button, 30000));
  g_assert_null (holboo_card_bubble_get_customer (HOLBOO_CARD_BUBBLE (bubble)));
  save_artefact (GTK_WIDGET (window), "bubble-save-customer");

  /* Saved: exactly one customer, with the card's fields. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (chats_wait_until (bubble_has_customer, bubble, 30000));
  uuid = g_strdup (holboo_card_bubble_get_customer (HOLBOO_CARD_BUBBLE (bubble)));
  customers = all_customers (saruul);
  g_assert_cmpuint (customers->len, ==, 1);
  customer = customers->pdata[0];
  g_assert_cmpstr (customer->uuid, ==, uuid);
  g_assert_cmpstr (customer->name, ==, "Болор Ганбат");
  g_assert_cmpstr (customer->company, ==, "Холбоо ХХК");
  g_assert_cmpstr (customer->phones, ==, "+97699112233");
  g_assert_cmpstr (customer->xmpp, ==, live_account_jid (bolor));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Open Customer");
  g_assert_true (gtk_widget_get_sensitive (button));

  /* The second click opens it and creates nothing. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (shown_customer, ==, uuid);
  g_clear_pointer (&customers, g_ptr_array_unref);
  customers = all_customers (saruul);
  g_assert_cmpuint (customers->len, ==, 1);
  save_artefact (GTK_WIDGET (window), "bubble-customer-exists");

  /* The same card shown again: known as that customer at once. */
  holboo_card_bubble_set_attachment (HOLBOO_CARD_BUBBLE (bubble), good, FALSE);
  g_assert_true (chats_wait_until (bubble_has_customer, bubble, 30000));
  g_assert_cmpstr (holboo_card_bubble_get_customer (HOLBOO_CARD_BUBBLE (bubble)), ==, uuid);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Open Customer");

  /* Our own card: no Save as Customer. */
  holboo_card_bubble_set_attachment (HOLBOO_CARD_BUBBLE (bubble), good, TRUE);
  g_assert_true (chats_wait_until (bubble_settled, bubble, 30000));
  g_assert_false (gtk_widget_get_visible (button));

  g_unlink (good->local_path);
  g_clear_pointer (&shown_customer, g_free);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  live_start (argc, argv, accounts);
  tmp_dir = g_dir_make_tmp ("holboo-ui-team-XXXXXX", NULL);

  saruul = live_account_new ("saruul", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  bolor = live_account_new ("bolor", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  temuulen = live_account_new ("temuulen", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  live_account_connect (saruul);
  live_account_connect (bolor);
  live_account_connect (temuulen);

  chats_load_app_resources ();
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 720, 520);
  gtk_window_present (window);

  g_test_add_func ("/ui/team/page", test_team_page);
  g_test_add_func ("/ui/team/shared-cards", test_shared_cards);
  g_test_add_func ("/ui/team/save-customer", test_save_customer);

  status = g_test_run ();

  gtk_window_destroy (window);
  live_account_free (saruul, FALSE);
  live_account_free (bolor, FALSE);
  live_account_free (temuulen, FALSE);
  live_stop ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  g_free (opened_chat);
  return status;
}
