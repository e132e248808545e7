/* test-ui-customers.c: the Customers page and the screen pop, against a
 * real Prosody, in-process under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann uses the page.  Her store holds the team's customers as the team
 * log left them (applied before the account opens, as a catch-up does):
 * Mongolian and English names, numbers, tags, notes, and Cel — another
 * account on the server — is a customer by her chat address, with a
 * note by Bat.  Checked: the list, search as you type (name, number,
 * tag, note; no results), a customer's details and timeline, the form
 * refusing a number that is not one (and what it says), and the screen
 * pop: Cel writes, and the conversation with her shows who she is with
 * the team's newest note.  Then the team log for real: Ann and Bat are a
 * team (its log room on the server); Ann creates a customer with the
 * form and adds a note, typing with real key events (xdotool), and Bat
 * — a second HolbooAccount with its own store and its own Customers
 * page in this process — sees both.  Screenshots of each state, light
 * and dark, go to $HOLBOO_TEST_ARTEFACTS (test-ui-chats-customers-*.png).
 */

#include "config.h"

#include "chats-test-util.h"
#include "core-live-util.h"
#include "holboo-customer-banner.h"
#include "holboo-customer-dialog.h"
#include "holboo-customer-draft.h"
#include "holboo-account-teamlog.h"
#include "holboo-customers-page.h"
#include "holboo-teamlog-op.h"

#include <gdk/x11/gdkx.h>

#include <glib/gstdio.h>
#include <string.h>

static const char * const accounts[] = { "ann", "bat", "cel", NULL };

#define CEL_NOTE "Гэрээний төслийг Даваа гарагт илгээнэ гэж амласан"

static LiveAccount         *ann, *bat, *cel;
static GtkWindow           *window;
static HolbooCustomersPage *page;
static char                *cel_customer;

/* The team's customers, as replaying the log puts them in a store. */
static void
seed_customers (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStore) store = holboo_store_new (path, NULL, &error);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autofree char *cel_jid = g_strdup_printf ("cel@%s", holboo_test_server_get_domain (live.server));
  const struct {
    const char *name, *company, *phones, *emails, *xmpp, *tags, *note;
  } customers[] = {
    { "Цэцэгмаа Болд", "Номин ХХК", "9911 2233, 7011 2233", "tsetseg@nomin.mn", NULL, "vip, лизинг",
      "Нэхэмжлэлийн талаар асуусан, дараа долоо хоногт залгана" },
    { "Cel Customer", "Tenger Air", "+976 8800 1122", NULL, cel_jid, "partner", CEL_NOTE },
    { "Батбаяр Дорж", "Таван Богд", "9900 4455", NULL, NULL, "хүргэлт", NULL },
    { "John Smith", "MCS Group", "+1 202 555 0143", "john@mcs.mn", NULL, NULL, "Wants the English invoice" },
    { "Оюунчимэг Пүрэв", NULL, "8855 6677", NULL, NULL, "vip", NULL },
  };
  guint seq = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      g_autoptr(HolbooCustomerDraft) draft = holboo_customer_draft_new ();
      g_autoptr(GPtrArray) ops = NULL;

      draft->name = g_strdup (customers[i].name);
      draft->company = g_strdup (customers[i].company);
      draft->phones = g_strdup (customers[i].phones);
      draft->emails = g_strdup (customers[i].emails);
      draft->xmpp = g_strdup (customers[i].xmpp);
      draft->tags = holboo_customer_split_tags (customers[i].tags);
      draft->note = g_strdup (customers[i].note);
      g_assert_true (holboo_customer_draft_normalize (draft, &error));
      g_assert_no_error (error);
      ops = holboo_customer_draft_create_ops (draft, NULL);
      if (customers[i].xmpp != NULL)
        cel_customer = g_strdup (((HolbooTeamlogOp *) ops->pdata[0])->customer);
      for (guint k = 0; k < ops->len; k++)
        {
          g_autoptr(HolbooXmlNode) element = holboo_teamlog_op_build (ops->pdata[k]);
          HolbooTeamlogOp *op = holboo_teamlog_op_parse (element, &error);

          g_assert_no_error (error);
          seq++;
          op->stanza_id = g_strdup_printf ("T%u", seq);
          op->author = g_strdup (k == 0 ? "ann@example.mn" : "bat@example.mn");
          op->server_ts = g_get_real_time () - (gint64) (100 - seq) * 3600 * G_USEC_PER_SEC;
          g_ptr_array_add (all, op);
        }
    }
  g_assert_true (holboo_store_apply_teamlog_ops (store, all, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  chats_run_for (150);
}

/* test-artefacts/test-ui-chats-customers-NAME(-dark).png: the helper
 * names every file test-ui-chats-…, so this test's go under customers-. */
static void
screenshots (GtkWidget  *widget,
             const char *short_name)
{
  g_autofree char *name = g_strconcat ("customers-", short_name, NULL);
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  set_dark (FALSE);
  chats_save_artefact (widget, name);
  set_dark (TRUE);
  chats_save_artefact (widget, dark);
  set_dark (FALSE);
}

typedef struct {
  guint       n;
  const char *first;
} ListWait;

static gboolean
list_shows (gpointer data)
{
  ListWait *wait = data;
  HolbooCustomerList *list = holboo_customers_page_get_list (page);
  g_autoptr(HolbooCustomerItem) first = NULL;

  if (list == NULL || !holboo_customer_list_get_loaded (list) ||
      g_list_model_get_n_items (G_LIST_MODEL (list)) != wait->n)
    return FALSE;
  if (wait->first == NULL)
    return TRUE;
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  return g_strcmp0 (holboo_customer_item_get_customer (first)->name, wait->first) == 0;
}

static void
search_for (const char *text,
            guint       n,
            const char *first)
{
  GtkWidget *search = chats_find_named (GTK_WIDGET (page), "customer-search");
  ListWait wait = { n, first };

  gtk_editable_set_text (GTK_EDITABLE (search), text);
  g_test_message ("searching for “%s”", text);
  g_assert_true (chats_wait_until (list_shows, &wait, 5000));
}

static void
test_signed_out (void)
{
  GtkWidget *status;

  holboo_customers_page_set_account (page, NULL);
  status = chats_find_type (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_true (chats_wait_until (is_mapped, status, 5000));
  screenshots (GTK_WIDGET (window), "signed-out");
}

static void
test_list_and_search (void)
{
  GtkWidget *list_view = chats_find_named (GTK_WIDGET (page), "customer-list");
  ListWait all = { 5, "Cel Customer" };

  holboo_customers_page_set_account (page, ann->account);
  g_assert_true (chats_wait_until (list_shows, &all, 10000));
  g_assert_true (chats_wait_until (is_mapped, list_view, 5000));
  screenshots (GTK_WIDGET (window), "list");

  /* As typed: a name's beginning in any case, a local number, a tag, a
   * word of a note; then nothing. */
  search_for ("цэцэг", 1, "Цэцэгмаа Болд");
  search_for ("9900 44", 1, "Батбаяр Дорж");
  search_for ("vip", 2, "Оюунчимэг Пүрэв");
  search_for ("invoice", 1, "John Smith");
  screenshots (GTK_WIDGET (window), "search");
  search_for ("zzzz", 0, NULL);
  g_assert_false (gtk_widget_get_mapped (list_view));
  screenshots (GTK_WIDGET (window), "no-results");
  search_for ("", 5, "Cel Customer");
}

typedef struct {
  HolbooCustomerView *view;
  const char         *body;
} TimelineWait;

static gboolean
timeline_has (gpointer data)
{
  TimelineWait *wait = data;
  HolbooCustomerTimeline *timeline = holboo_customer_view_get_timeline (wait->view);
  GListModel *model = G_LIST_MODEL (timeline);

  for (guint i = 0; timeline != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HolbooCustomerEventItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (holboo_customer_event_item_get_event (item)->body, wait->body) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
view_loaded (gpointer data)
{
  HolbooStoredCustomer *customer = holboo_customer_view_get_customer (data);

  return customer != NULL && g_strcmp0 (customer->uuid, cel_customer) == 0;
}

static void
test_open_customer (void)
{
  HolbooCustomerView *view = holboo_customers_page_get_view (page);
  TimelineWait wait = { view, CEL_NOTE };
  GtkWidget *timeline_view = chats_find_named (GTK_WIDGET (view), "customer-timeline");

  holboo_customers_page_show_customer (page, cel_customer);
  g_assert_true (chats_wait_until (view_loaded, view, 5000));
  g_assert_true (chats_wait_until (timeline_has, &wait, 5000));
  g_assert_true (chats_wait_until (is_mapped, timeline_view, 5000));
  chats_run_for (200);
  screenshots (GTK_WIDGET (window), "customer");
}

static GtkWidget *
find_toplevel (const char *name)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
      return l->data;
  return NULL;
}

static gboolean
is_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
test_form_refuses (void)
{
  GtkWidget *dialog, *save, *error_label;

  gtk_widget_activate_action (GTK_WIDGET (page), "customers.new", NULL);
  chats_run_for (200);
  dialog = find_toplevel ("customer-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (chats_wait_until (is_mapped, dialog, 5000));
  save = chats_find_named (dialog, "save-customer");

  /* No name, no Save. */
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (chats_find_named (dialog, "customer-name")), "Сараа");
  g_assert_true (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (chats_find_named (dialog, "customer-phones")), "9911 2233, утас");
  g_signal_emit_by_name (save, "clicked");
  error_label = chats_find_named (dialog, "customer-error");
  g_assert_true (chats_wait_until (is_visible, error_label, 2000));
  g_test_message ("the form says: %s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "утас"));
  /* What was typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (chats_find_named (dialog, "customer-name"))), ==, "Сараа");
  screenshots (dialog, "form-refuses");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The screen pop: Cel writes; the conversation with her shows who she is. */
typedef struct {
  HolbooCustomerBanner *banner;
  gint64                shown_at;
} PopWait;

static void
on_customer_shown (HolbooCustomerBanner *banner,
                   const char           *uuid,
                   PopWait              *wait)
{
  if (g_strcmp0 (uuid, cel_customer) == 0 && wait->shown_at == 0)
    wait->shown_at = g_get_monotonic_time ();
}

static gboolean
popped (gpointer data)
{
  PopWait *wait = data;

  return wait->shown_at != 0 && gtk_widget_get_mapped (GTK_WIDGET (wait->banner));
}

static gboolean
has_conversation (gpointer data)
{
  HolbooChatsPage *chats = data;
  HolbooConversationList *list = holboo_chats_page_get_conversations (chats);

  return list != NULL && holboo_conversation_list_lookup (list, live_account_jid (cel), NULL) != NULL;
}

static void
test_screen_pop (void)
{
  GtkWindow *chats_window = GTK_WINDOW (adw_window_new ());
  HolbooChatsPage *chats = HOLBOO_CHATS_PAGE (holboo_chats_page_new ());
  PopWait wait = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkWidget *note;

  gtk_window_set_default_size (chats_window, 1000, 600);
  adw_window_set_content (ADW_WINDOW (chats_window), GTK_WIDGET (chats));
  gtk_window_present (chats_window);
  holboo_chats_page_set_account (chats, ann->account);
  wait.banner = HOLBOO_CUSTOMER_BANNER (chats_find_type (GTK_WIDGET (chats), HOLBOO_TYPE_CUSTOMER_BANNER));
  g_assert_nonnull (wait.banner);
  g_signal_connect (wait.banner, "customer-shown", G_CALLBACK (on_customer_shown), &wait);

  id = holboo_account_send_message (cel->account, live_account_jid (ann), "Сайн байна уу, гэрээ хэзээ ирэх вэ?", &error);
  g_assert_no_error (error);
  g_assert_true (chats_wait_until (has_conversation, chats, 10000));
  holboo_chats_page_open_conversation (chats, live_account_jid (cel));
  g_assert_true (chats_wait_until (popped, &wait, 5000));

  g_assert_cmpstr (holboo_customer_banner_get_customer (wait.banner), ==, cel_customer);
  g_assert_nonnull (chats_find_named (GTK_WIDGET (wait.banner), "open-customer"));
  note = chats_find_named (GTK_WIDGET (wait.banner), "customer-note");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (note)), ==, CEL_NOTE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (chats_find_named (GTK_WIDGET (wait.banner), "customer-name"))),
                   ==, "Cel Customer");
  chats_run_for (300);
  screenshots (GTK_WIDGET (chats_window), "screen-pop");

  /* Someone who is not a customer: no banner. */
  holboo_customer_banner_set_peer (wait.banner, ann->account, "nobody@example.mn");
  chats_run_for (300);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (wait.banner)));
  gtk_window_destroy (chats_window);
}


/* The team log for real: a customer created with the form and a note
 * typed on Ann's page reach Bat's. */
static void
on_result (GObject      *source,
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

static void
make_team (void)
{
  g_autofree char *room = g_strdup_printf ("customers@%s", holboo_test_server_get_muc_service (live.server));
  const char *members[] = { live_account_jid (bat), NULL };
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_create_team_async (ann->account, room, "Борлуулалт", members, NULL, on_result, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 30000));
  g_assert_true (holboo_account_create_team_finish (ann->account, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  holboo_account_join_team_async (bat->account, room, NULL, on_result, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 30000));
  g_assert_true (holboo_account_join_team_finish (bat->account, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
}

static void
run_keys (GtkWindow   *target,
          const char  *what,
          const char  *text)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (target))));
  const char *focus[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  const char *type[] = { "xdotool", what, "--delay", "5", text, NULL };
  const char *key[] = { "xdotool", what, text, NULL };

  chats_run_tool (focus);
  chats_run_for (100);
  chats_run_tool (g_str_equal (what, "type") ? type : key);
  chats_run_for (100);
}

typedef struct {
  HolbooCustomersPage *page;
  const char          *name;
} NamedWait;

static gboolean
view_shows (gpointer data)
{
  NamedWait *wait = data;
  HolbooStoredCustomer *customer = holboo_customer_view_get_customer (holboo_customers_page_get_view (wait->page));

  return customer != NULL && g_strcmp0 (customer->name, wait->name) == 0;
}

static gboolean
listed (gpointer data)
{
  NamedWait *wait = data;
  HolbooCustomerList *list = holboo_customers_page_get_list (wait->page);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(HolbooCustomerItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (holboo_customer_item_get_customer (item)->name, wait->name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Typed with xdotool, which types Latin letters reliably under Xvfb
 * (the Cyrillic ones go through a remapped keymap and get lost); the
 * other tests cover Cyrillic. */
#define NEW_NAME "Saraa Batbayar"
#define NEW_NOTE "Signs the contract for the new branch next month"

static void
test_create_and_note (void)
{
  NamedWait on_ann = { page, NEW_NAME };
  GtkWidget *dialog;
  TimelineWait note = { holboo_customers_page_get_view (page), NEW_NOTE };
  HolbooStoredCustomer *created;
  g_autofree char *uuid = NULL;

  make_team ();

  /* The form, from the keyboard: the name typed, Enter saves. */
  gtk_widget_activate_action (GTK_WIDGET (page), "customers.new", NULL);
  chats_run_for (300);
  dialog = find_toplevel ("customer-dialog");
  g_assert_nonnull (dialog);
  g_assert_true (chats_wait_until (is_mapped, dialog, 5000));
  gtk_editable_set_text (GTK_EDITABLE (chats_find_named (dialog, "customer-company")), "Говь ХК");
  gtk_editable_set_text (GTK_EDITABLE (chats_find_named (dialog, "customer-phones")), "9918 7766");
  gtk_editable_set_text (GTK_EDITABLE (chats_find_named (dialog, "customer-tags")), "vip, шинэ");
  gtk_widget_grab_focus (chats_find_named (dialog, "customer-name"));
  run_keys (GTK_WINDOW (dialog), "type", NEW_NAME);
  screenshots (dialog, "form");
  run_keys (GTK_WINDOW (dialog), "key", "Return");

  /* Saved: shown at once (pending, before the log's echo), and listed. */
  g_assert_true (chats_wait_until (view_shows, &on_ann, 10000));
  g_assert_true (chats_wait_until (listed, &on_ann, 10000));
  created = holboo_customer_view_get_customer (holboo_customers_page_get_view (page));
  g_assert_cmpstr (created->phones, ==, "+97699187766");
  g_assert_cmpstr (created->tags[0], ==, "vip");
  uuid = g_strdup (created->uuid);

  /* A note, typed; Ctrl+Enter adds it. */
  gtk_widget_grab_focus (chats_find_named (GTK_WIDGET (page), "note-composer"));
  run_keys (window, "type", NEW_NOTE);
  run_keys (window, "key", "ctrl+Return");
  g_assert_true (chats_wait_until (timeline_has, &note, 10000));
  chats_run_for (200);
  screenshots (GTK_WIDGET (window), "created");

  /* Bat's own page, on Bat's own store: the customer and the note. */
  {
    GtkWindow *bat_window = GTK_WINDOW (adw_window_new ());
    HolbooCustomersPage *bat_page = HOLBOO_CUSTOMERS_PAGE (holboo_customers_page_new ());
    NamedWait on_bat = { bat_page, NEW_NAME };
    TimelineWait bat_note = { holboo_customers_page_get_view (bat_page), NEW_NOTE };

    gtk_window_set_default_size (bat_window, 1000, 700);
    adw_window_set_content (ADW_WINDOW (bat_window), GTK_WIDGET (bat_page));
    gtk_window_present (bat_window);
    holboo_customers_page_set_account (bat_page, bat->account);
    g_assert_true (chats_wait_until (listed, &on_bat, 30000));
    holboo_customers_page_show_customer (bat_page, uuid);
    g_assert_true (chats_wait_until (view_shows, &on_bat, 10000));
    g_assert_true (chats_wait_until (timeline_has, &bat_note, 30000));
    chats_run_for (200);
    screenshots (GTK_WIDGET (bat_window), "second-instance");
    gtk_window_destroy (bat_window);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  live_start (argc, argv, accounts);

  dir = g_dir_make_tmp ("holboo-ui-customers-XXXXXX", NULL);
  path = g_build_filename (dir, "ann.db", NULL);
  seed_customers (path);
  ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  bat = live_account_new ("bat", "laptop", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  cel = live_account_new ("cel", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  live_account_connect (ann);
  live_account_connect (bat);
  live_account_connect (cel);

  chats_load_app_resources ();
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1000, 700);
  page = HOLBOO_CUSTOMERS_PAGE (holboo_customers_page_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (chats_wait_until (is_mapped, window, 10000));

  g_test_add_func ("/ui/customers/signed-out", test_signed_out);
  g_test_add_func ("/ui/customers/list-and-search", test_list_and_search);
  g_test_add_func ("/ui/customers/open", test_open_customer);
  g_test_add_func ("/ui/customers/form-refuses", test_form_refuses);
  g_test_add_func ("/ui/customers/screen-pop", test_screen_pop);
  g_test_add_func ("/ui/customers/create-and-note", test_create_and_note);

  status = g_test_run ();

  gtk_window_destroy (window);
  live_account_free (ann, FALSE);
  live_account_free (bat, FALSE);
  live_account_free (cel, FALSE);
  live_stop ();
  g_free (cel_customer);
  {
    const char *suffixes[] = { "", "-wal", "-shm" };

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

        g_unlink (file);
      }
    g_rmdir (dir);
  }
  return status;
}
