/* test-ui-accounts.c — signing in, the connection banner and the accounts
 * window, against a real Prosody and a real Secret Service
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under tests/ui/xvfb-wrapper.sh. One Prosody (HolbooTestServer) and
 * one gnome-keyring-daemon on a private bus serve the whole program; each
 * test runs a fresh HolbooApplication, the way `holboo` does, on a data
 * directory of its own, and drives the real window: typing into the sign-in
 * form, Enter, the certificate dialog's responses, the banner's button.
 * Each failure must show its own message under the form within 10 s, and
 * the text is checked. Screenshots of every state go to
 * $HOLBOO_TEST_ARTEFACTS (test-ui-accounts-*.png).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <locale.h>

#include "ui-accounts-util.h"

/* ---- tests ---- */

static void
connects_by_itself (Fixture *f)
{
  assert_connected_in_main (f, NULL);
}

static void
first_sign_in (Fixture *f)
{
  g_autofree char *jid = jid_of ("alice");
  g_autofree char *ini = g_build_filename (f->data_dir, "accounts.ini", NULL);
  gint64 start;

  g_assert_cmpstr (holboo_window_get_view (f->window), ==, "welcome");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), page_child (f, "address_row")));
  /* Sign In waits for an address and a password. */
  g_assert_false (gtk_widget_is_sensitive (page_child (f, "sign_in_button")));
  save_artefact (GTK_WIDGET (f->window), f->dark ? "welcome-dark" : "welcome");

  fill_form (f, jid, "alice-pass", holboo_test_server_get_host (live.server), 0, TRUE);
  g_assert_true (gtk_widget_is_sensitive (page_child (f, "sign_in_button")));
  save_artefact (GTK_WIDGET (f->window), f->dark ? "welcome-filled-dark" : "welcome-filled");
  start = press_enter (f);
  g_assert_true (gtk_widget_get_visible (page_child (f, "spinner")));
  save_artefact (GTK_WIDGET (f->window), f->dark ? "signing-in-dark" : "signing-in");

  assert_connected_in_main (f, f->dark ? "connected-dark" : "connected");
  g_test_message ("Signed in after %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_true (g_file_test (ini, G_FILE_TEST_IS_REGULAR));
}

static void
test_first_sign_in (Fixture       *f,
                    gconstpointer  data)
{
  f->dark = GPOINTER_TO_INT (data);
  if (f->dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  run_app (f, first_sign_in);

  /* And the next start signs in by itself, with the saved password. */
  run_app (f, connects_by_itself);
}

static void
wrong_password (Fixture *f)
{
  g_autofree char *jid = jid_of ("alice");
  gint64 start;

  fill_form (f, jid, "not-the-password", holboo_test_server_get_host (live.server), 0, TRUE);
  start = press_enter (f);
  assert_error_within_10_s (f, start, "Wrong address or password");
  /* The password is the likely culprit: the focus goes there. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), page_child (f, "password_row")));
  save_artefact (GTK_WIDGET (f->window), "wrong-password");
}

static void
unreachable_host (Fixture *f)
{
  gint64 start;

  /* .invalid never resolves (RFC 6761) */
  fill_form (f, "alice@nonexistent.invalid", "alice-pass", NULL, 0, TRUE);
  start = press_enter (f);
  assert_error_within_10_s (f, start, "Could not find the server “nonexistent.invalid”");
  save_artefact (GTK_WIDGET (f->window), "unreachable-host");
}

static void
refused (Fixture *f)
{
  g_autofree char *jid = jid_of ("alice");
  gint64 start;

  fill_form (f, jid, "alice-pass", "127.0.0.1", free_port (), TRUE);
  start = press_enter (f);
  assert_error_within_10_s (f, start, "The server “127.0.0.1” refused the connection");
  save_artefact (GTK_WIDGET (f->window), "refused");
}

static void
untrusted_certificate (Fixture *f)
{
  g_autofree char *jid = jid_of ("alice");
  g_autofree char *shown_fingerprint = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *grid;
  gint64 start;

  /* The harness's CA is not given: the system does not trust it. */
  fill_form (f, jid, "alice-pass", holboo_test_server_get_host (live.server), 0, FALSE);
  start = press_enter (f);
  dialog = wait_for_dialog ();
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Untrusted Certificate");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "localhost"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "trust"), ==, ADW_RESPONSE_DESTRUCTIVE);
  grid = adw_message_dialog_get_extra_child (dialog);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0))),
                   ==, "CN=Holboo test CA");
  shown_fingerprint = g_strdup (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1))));
  g_strdelimit (shown_fingerprint, "\n", ':');   /* shown on two lines */
  g_assert_cmpstr (shown_fingerprint, ==, live.fingerprint);
  save_artefact (GTK_WIDGET (dialog), f->dark ? "certificate-dialog-dark" : "certificate-dialog");

  /* Cancel: the reason is named, nothing is saved. */
  click_response (dialog, "cancel");
  assert_error_within_10_s (f, start, "The certificate of “localhost” is not trusted");
  save_artefact (GTK_WIDGET (f->window), "certificate-cancelled");

  /* Again, and trust it: pinned, signed in. */
  press_enter (f);
  dialog = wait_for_dialog ();
  click_response (dialog, "trust");
  assert_connected_in_main (f, "certificate-trusted");
}

static void
no_dialog_connected (Fixture *f)
{
  assert_connected_in_main (f, "certificate-second-run");
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
test_untrusted (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ini = g_build_filename (f->data_dir, "accounts.ini", NULL);
  g_autofree char *text = NULL;

  run_app (f, untrusted_certificate);
  g_assert_true (g_file_get_contents (ini, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, live.fingerprint));

  /* A second run connects without asking. */
  run_app (f, no_dialog_connected);
}


static guint
countdown (Fixture *f)
{
  const char *detail = gtk_label_get_text (GTK_LABEL (banner_child (f, "detail_label")));
  guint seconds = 0;

  g_assert_true (g_str_has_prefix (detail, "Retrying in "));
  seconds = (guint) g_ascii_strtoull (detail + strlen ("Retrying in "), NULL, 10);
  g_assert_true (g_str_has_suffix (detail, seconds == 1 ? " second" : " seconds"));
  return seconds;
}

/* Watches the countdown: done once it has gone down by one second while
 * waiting for the same attempt. */
typedef struct {
  Fixture *f;
  guint    last;
  gboolean went_down;
} CountdownWatch;

static void
on_detail_changed (GtkLabel       *label,
                   GParamSpec     *pspec,
                   CountdownWatch *watch)
{
  const char *detail = gtk_label_get_text (label);
  guint now;

  if (!g_str_has_prefix (detail, "Retrying in "))
    {
      watch->last = 0;
      return;
    }
  now = (guint) g_ascii_strtoull (detail + strlen ("Retrying in "), NULL, 10);
  if (watch->last != 0 && now + 1 == watch->last)
    watch->went_down = TRUE;
  watch->last = now;
}

static gboolean
countdown_went_down (gpointer data)
{
  return ((CountdownWatch *) data)->went_down;
}

static gboolean
banner_connecting_or_refused_again (gpointer data)
{
  Fixture *f = data;
  guint *attempts = g_object_get_data (G_OBJECT (f->window), "attempts");

  return *attempts >= 2;
}

static void
on_state (HolbooXmppConnection *connection,
          GParamSpec           *pspec,
          guint                *attempts)
{
  if (holboo_xmpp_connection_get_state (connection) == HOLBOO_XMPP_CONNECTION_STATE_CONNECTING)
    (*attempts)++;
}

/* Nothing listens on the account's port: "Offline: <reason>", a live
 * countdown, and Retry Now tries at once. */
static void
retry_banner (Fixture *f)
{
  g_autofree char *text = NULL;
  HolbooAccount *account;
  CountdownWatch watch = { f, 0, FALSE };
  gint64 start = g_get_monotonic_time ();
  guint attempts = 0;

  wait_until (main_view_shown, f->window, "the pages are shown");
  wait_until (banner_waiting, f, "the banner counts down to a retry");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  text = holboo_connection_banner_get_text (banner (f));
  g_test_message ("Banner: %s", text);
  g_assert_true (g_str_has_prefix (text, "Offline: The server “127.0.0.1” refused the connection\nRetrying in "));
  g_assert_true (gtk_widget_get_mapped (banner_child (f, "action_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (banner_child (f, "action_button"))), ==, "_Retry Now");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (window_child (f, "account_state_label"))),
                                   "Retrying in "));
  save_artefact (GTK_WIDGET (f->window), "retrying");

  /* The countdown goes down by itself, a second at a time (the first
   * waits may be too short to show it: the back-off grows). */
  watch.last = countdown (f);
  g_signal_connect (banner_child (f, "detail_label"), "notify::label", G_CALLBACK (on_detail_changed), &watch);
  wait_until_s (countdown_went_down, &watch, 20, "the countdown goes down");
  g_signal_handlers_disconnect_by_data (banner_child (f, "detail_label"), &watch);

  /* Retry Now: a new attempt at once, refused again. */
  account = holboo_account_manager_lookup (holboo_window_get_manager (f->window), "alice@localhost");
  g_assert_nonnull (account);
  g_signal_connect (holboo_account_get_connection (account), "notify::state", G_CALLBACK (on_state), &attempts);
  g_object_set_data (G_OBJECT (f->window), "attempts", &attempts);
  attempts = 1;
  gtk_widget_activate (banner_child (f, "action_button"));
  wait_until (banner_connecting_or_refused_again, f, "Retry Now starts an attempt");
  g_signal_handlers_disconnect_by_data (holboo_account_get_connection (account), &attempts);
  wait_until (banner_waiting, f, "the banner counts down again");
}

static void
test_retry_banner (Fixture       *f,
                   gconstpointer  data)
{
  set_up_account (f, free_port (), TRUE, NULL, "alice-pass");
  run_app (f, retry_banner);
}

/* The server's certificate is not the pinned one (it changed): the
 * banner says why and offers the certificate; trusting it connects. */
static gboolean
banner_offline (gpointer data)
{
  Fixture *f = data;

  return holboo_connection_banner_get_status (banner (f)) == HOLBOO_CONNECTION_STATUS_OFFLINE;
}

static void
changed_certificate (Fixture *f)
{
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;

  wait_until (main_view_shown, f->window, "the pages are shown");
  wait_until (banner_offline, f, "the banner says offline");
  text = holboo_connection_banner_get_text (banner (f));
  g_test_message ("Banner: %s", text);
  g_assert_true (g_str_has_prefix (text, "Offline: The certificate of “localhost” is not trusted"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (banner_child (f, "action_button"))), ==, "_Show Certificate…");
  save_artefact (GTK_WIDGET (f->window), "certificate-changed");

  gtk_widget_activate (banner_child (f, "action_button"));
  dialog = wait_for_dialog ();
  click_response (dialog, "trust");
  wait_until (banner_connected, f, "the banner says Connected");
}

static void
test_changed_certificate (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *ini = g_build_filename (f->data_dir, "accounts.ini", NULL);
  g_autofree char *text = NULL;

  set_up_account (f, 0, FALSE, "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                               "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF", "alice-pass");
  run_app (f, changed_certificate);
  g_assert_true (g_file_get_contents (ini, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, live.fingerprint));
}

/* The accounts window: the account with its state; off and on again;
 * removed (messages deleted) after a confirmation, which brings the
 * sign-in page back. */
static AdwActionRow *
account_row (HolbooAccountsWindow *window)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), HOLBOO_TYPE_ACCOUNTS_WINDOW, "list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  return row != NULL ? ADW_ACTION_ROW (row) : NULL;
}

static gboolean
row_says (gpointer data)
{
  HolbooAccountsWindow *window = data;
  const char *expected = g_object_get_data (G_OBJECT (window), "expected");
  AdwActionRow *row = account_row (window);

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (row), expected) == 0;
}

static void
wait_row_says (HolbooAccountsWindow *window,
               const char           *expected)
{
  g_object_set_data (G_OBJECT (window), "expected", (gpointer) expected);
  wait_until (row_says, window, expected);
}

static GtkWidget *
row_suffix (AdwActionRow *row,
            GType         type)
{
  GtkWidget *found = NULL;
  GtkWidget *child;
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, row);
  while (found == NULL && (child = g_queue_pop_head (&queue)) != NULL)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        found = child;
      for (GtkWidget *c = gtk_widget_get_first_child (child); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);
  g_assert_nonnull (found);
  return found;
}

static GtkWindow *
find_add_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_WINDOW (l->data) && !HOLBOO_IS_ACCOUNTS_WINDOW (l->data) && gtk_widget_get_mapped (l->data) &&
          HOLBOO_IS_SIGN_IN_PAGE (adw_window_get_content (l->data)))
        return l->data;
    }
  return NULL;
}

static gboolean
add_dialog_shown (gpointer data)
{
  return find_add_dialog () != NULL;
}

static gboolean
add_dialog_gone (gpointer data)
{
  return find_add_dialog () == NULL;
}

static gboolean
two_accounts (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) == 2;
}

static void
fill_page (HolbooSignInPage *page,
           const char       *user)
{
  g_autofree char *jid = jid_of (user);
  g_autofree char *password = g_strconcat (user, "-pass", NULL);
  g_autofree char *port = g_strdup_printf ("%u", holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));

#define ROW(name) GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page), HOLBOO_TYPE_SIGN_IN_PAGE, name))
  gtk_editable_set_text (ROW ("address_row"), jid);
  gtk_editable_set_text (ROW ("password_row"), password);
  gtk_editable_set_text (ROW ("host_row"), holboo_test_server_get_host (live.server));
  gtk_editable_set_text (ROW ("port_row"), port);
#undef ROW
  holboo_sign_in_page_set_ca_file (page, live.ca_file);
}

static gboolean
path_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
accounts_window (Fixture *f)
{
  g_autofree char *store_dir = NULL;
  HolbooAccountsWindow *window;
  HolbooSignInPage *add_page;
  AdwMessageDialog *dialog;
  AdwActionRow *row;
  HolbooAccount *account;

  assert_connected_in_main (f, NULL);
  account = holboo_account_manager_lookup (holboo_window_get_manager (f->window), "alice@localhost");
  store_dir = g_path_get_dirname (holboo_account_get_store_path (account));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-accounts", NULL));
  wait_until (toplevel_shown, GSIZE_TO_POINTER (HOLBOO_TYPE_ACCOUNTS_WINDOW), "the accounts window is shown");
  window = HOLBOO_ACCOUNTS_WINDOW (find_toplevel (HOLBOO_TYPE_ACCOUNTS_WINDOW));
  row = account_row (window);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "alice@localhost");
  wait_row_says (window, "Connected");
  save_artefact (GTK_WIDGET (window), f->dark ? "accounts-window-dark" : "accounts-window");

  /* Off, then on again. */
  gtk_switch_set_active (GTK_SWITCH (row_suffix (row, GTK_TYPE_SWITCH)), FALSE);
  wait_row_says (window, "Off");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (holboo_window_get_manager (f->window))), ==, 0);
  gtk_switch_set_active (GTK_SWITCH (row_suffix (row, GTK_TYPE_SWITCH)), TRUE);
  wait_row_says (window, "Connected");

  /* A second account, through Add Account: the sign-in form in a
   * dialog, which closes once signed in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "accounts.add", NULL));
  wait_until (add_dialog_shown, NULL, "the Add Account dialog is shown");
  add_page = HOLBOO_SIGN_IN_PAGE (adw_window_get_content (ADW_WINDOW (find_add_dialog ())));
  fill_page (add_page, "bob");
  save_artefact (GTK_WIDGET (find_add_dialog ()), "add-account-dialog");
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (add_page), HOLBOO_TYPE_SIGN_IN_PAGE,
                                                        "password_row"), "entry-activated");
  wait_until (add_dialog_gone, NULL, "the Add Account dialog closes");
  wait_until (two_accounts, holboo_window_get_manager (f->window), "both accounts are open");
  wait_until (banner_connected, f, "both are connected");
  save_artefact (GTK_WIDGET (window), "accounts-window-two");
  row = account_row (window);   /* the rows were made again */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "alice@localhost");

  /* Remove asks first; Cancel is the default. */
  gtk_widget_activate (row_suffix (row, GTK_TYPE_BUTTON));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove alice@localhost?");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  save_artefact (GTK_WIDGET (dialog), "remove-dialog");
  click_response (dialog, "delete");

  wait_until (path_gone, store_dir, "the messages are deleted");
  /* bob is left: still the pages. */
  g_assert_cmpstr (holboo_window_get_view (f->window), ==, "main");
  row = account_row (window);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "bob@localhost");
  save_artefact (GTK_WIDGET (window), "accounts-window-bob");

  /* Removing bob too, keeping his messages: the sign-in page again. */
  account = holboo_account_manager_lookup (holboo_window_get_manager (f->window), "bob@localhost");
  g_free (store_dir);
  store_dir = g_path_get_dirname (holboo_account_get_store_path (account));
  gtk_widget_activate (row_suffix (row, GTK_TYPE_BUTTON));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Remove bob@localhost?");
  click_response (dialog, "keep");
  wait_until (welcome_shown, f->window, "the sign-in page is back");
  g_assert_null (account_row (window));
  g_assert_true (g_file_test (store_dir, G_FILE_TEST_IS_DIR));
}

static void
test_accounts_window (Fixture       *f,
                      gconstpointer  data)
{
  set_up_account (f, 0, TRUE, NULL, "alice-pass");
  run_app (f, accounts_window);
}

static gboolean
sign_in_stopped (gpointer data)
{
  return !holboo_sign_in_page_get_busy (sign_in_page (data));
}

/* Escape while signing in stops it: no error, nothing saved, the form
 * ready again. */
static void
escape_cancels (Fixture *f)
{
  g_autofree char *jid = jid_of ("alice");
  g_autofree char *ini = g_build_filename (f->data_dir, "accounts.ini", NULL);

  fill_form (f, jid, "alice-pass", holboo_test_server_get_host (live.server), 0, TRUE);
  press_enter (f);
  /* What the Escape key binding of the page activates. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sign_in_page (f)), "sign-in.cancel", NULL));
  wait_until (sign_in_stopped, f, "the sign-in stops");
  g_assert_null (holboo_sign_in_page_get_error (sign_in_page (f)));
  g_assert_cmpstr (holboo_window_get_view (f->window), ==, "welcome");
  g_assert_false (g_file_test (ini, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_is_sensitive (page_child (f, "sign_in_button")));
}

/* The banner's "Enter Password…": the dialog, the password typed, and
 * the account connects. */
static void
enter_password (Fixture    *f,
                const char *password)
{
  AdwMessageDialog *dialog;

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (banner_child (f, "action_button"))), ==, "_Enter Password…");
  gtk_widget_activate (banner_child (f, "action_button"));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Password for alice@localhost");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "sign-in");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), password);
  save_artefact (GTK_WIDGET (dialog), "password-dialog");
  click_response (dialog, "sign-in");
  wait_until (banner_connected, f, "the banner says Connected");
}

static gboolean
banner_offline_or_failed (gpointer data)
{
  HolbooConnectionStatus status = holboo_connection_banner_get_status (banner (data));

  return status == HOLBOO_CONNECTION_STATUS_OFFLINE || status == HOLBOO_CONNECTION_STATUS_FAILED;
}

/* The password changed on the server: the saved one is refused, the
 * banner says so and asks for the new one, which is then saved. */
static void
password_changed (Fixture *f)
{
  g_autofree char *text = NULL;

  wait_until (main_view_shown, f->window, "the pages are shown");
  wait_until (banner_offline_or_failed, f, "the banner says offline");
  text = holboo_connection_banner_get_text (banner (f));
  g_test_message ("Banner: %s", text);
  g_assert_cmpstr (text, ==, "Offline: Wrong address or password");
  save_artefact (GTK_WIDGET (f->window), "password-refused");
  enter_password (f, "alice-pass");
}

static void
test_password_changed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HolbooAccountConfig) config = holboo_account_config_new ("alice@localhost", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  set_up_account (f, 0, TRUE, NULL, "the-old-password");
  run_app (f, password_changed);

  holboo_account_config_lookup_password_async (config, NULL, on_done, &result);
  wait_until (result_set, &result, "the password is read");
  password = holboo_account_config_lookup_password_finish (config, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "alice-pass");
}

/* ---- without a Secret Service ---- */

static void
no_keyring_sign_in (Fixture *f)
{
  g_autofree char *jid = jid_of ("alice");
  gint64 start;

  fill_form (f, jid, "alice-pass", holboo_test_server_get_host (live.server), 0, TRUE);
  start = press_enter (f);
  assert_error_within_10_s (f, start, "No Secret Service (a keyring such as GNOME Keyring) is running "
                                      "to keep the password for alice@localhost");
  save_artefact (GTK_WIDGET (f->window), "no-keyring-sign-in");
}

static gboolean
banner_failed (gpointer data)
{
  Fixture *f = data;

  return holboo_connection_banner_get_status (banner (f)) == HOLBOO_CONNECTION_STATUS_FAILED;
}

static void
no_keyring_existing (Fixture *f)
{
  g_autofree char *text = NULL;

  wait_until (main_view_shown, f->window, "the pages are shown");
  wait_until (banner_failed, f, "the banner says why the account is offline");
  text = holboo_connection_banner_get_text (banner (f));
  g_test_message ("Banner: %s", text);
  g_assert_true (g_str_has_prefix (text, "Offline: No Secret Service"));
  save_artefact (GTK_WIDGET (f->window), "no-keyring-banner");

  /* The window keeps working, and with the password typed in, the
   * account signs in for this session. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "calls"));
  g_assert_cmpstr (holboo_window_get_visible_page (f->window), ==, "calls");
  enter_password (f, "alice-pass");
}

static void
test_no_keyring_existing (Fixture       *f,
                          gconstpointer  data)
{
  set_up_account (f, 0, TRUE, NULL, NULL);
  run_app (f, no_keyring_existing);
}

static void
test_sign_in_fails (Fixture       *f,
                    gconstpointer  data)
{
  run_app (f, (TestBody) data);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) leaf = NULL;
  g_autofree char *leaf_file = NULL;
  g_autofree char *display = NULL;
  GTestDBus *bus = NULL;
  gboolean no_keyring = FALSE;
  int status;

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  /* The keyring's bus becomes the session bus: before anything (GTK,
   * libadwaita, libsecret) connects to the one the wrapper started, where
   * a keyring of its own would be activated and would prompt. */
  for (int i = 1; i < argc; i++)
    no_keyring |= g_strcmp0 (argv[i], "no-keyring") == 0;

  display = g_strdup (g_getenv ("DISPLAY"));
  if (no_keyring)
    {
      /* A session bus with no Secret Service on it, and none to start. */
      bus = g_test_dbus_new (G_TEST_DBUS_NONE);
      g_test_dbus_up (bus);
    }
  else
    {
      live.keyring = test_keyring_start ();
      g_assert_nonnull (live.keyring);
    }
  /* GTestDBus unsets DISPLAY, to keep D-Bus from autolaunching on X11. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  /* That bus has no accessibility bus to activate. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  live.server = holboo_test_server_new (HOLBOO_TEST_SERVER_KIND_PROSODY, NULL);
  holboo_test_server_add_account (live.server, "alice", "alice-pass", &error);
  g_assert_no_error (error);
  holboo_test_server_add_account (live.server, "bob", "bob-pass", &error);
  g_assert_no_error (error);
  if (!holboo_test_server_start (live.server, &error))
    g_error ("Could not start the test server: %s", error->message);
  live.ca_file = holboo_test_server_dup_ca_file (live.server);
  leaf_file = g_build_filename (holboo_test_server_get_state_dir (live.server), "certs", "localhost.crt", NULL);
  leaf = g_tls_certificate_new_from_file (leaf_file, &error);
  g_assert_no_error (error);
  live.fingerprint = holboo_xmpp_certificate_dup_fingerprint (leaf);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  if (no_keyring)
    {
      ADD ("/ui/no-keyring/sign-in", test_sign_in_fails, no_keyring_sign_in);
      ADD ("/ui/no-keyring/existing-account", test_no_keyring_existing, NULL);
    }
  else
    {
      ADD ("/ui/accounts/first-sign-in", test_first_sign_in, GINT_TO_POINTER (FALSE));
      ADD ("/ui/accounts/first-sign-in-dark", test_first_sign_in, GINT_TO_POINTER (TRUE));
      ADD ("/ui/accounts/wrong-password", test_sign_in_fails, wrong_password);
      ADD ("/ui/accounts/unreachable-host", test_sign_in_fails, unreachable_host);
      ADD ("/ui/accounts/refused", test_sign_in_fails, refused);
      ADD ("/ui/accounts/escape-cancels", test_sign_in_fails, escape_cancels);
      ADD ("/ui/accounts/untrusted-certificate", test_untrusted, NULL);
      ADD ("/ui/accounts/retry-banner", test_retry_banner, NULL);
      ADD ("/ui/accounts/changed-certificate", test_changed_certificate, NULL);
      ADD ("/ui/accounts/accounts-window", test_accounts_window, NULL);
      ADD ("/ui/accounts/password-changed", test_password_changed, NULL);
    }
#undef ADD

  status = g_test_run ();

  secret_service_disconnect ();
  if (live.keyring != NULL)
    test_keyring_stop (live.keyring);
  /* Stopped, not unreffed: that would wait for every reference to the
   * bus connection to go, and libsecret keeps some until exit. */
  if (bus != NULL)
    g_test_dbus_stop (bus);
  holboo_test_server_stop (live.server, NULL);
  g_clear_object (&live.server);
  g_free (live.ca_file);
  g_free (live.fingerprint);
  return status;
}
