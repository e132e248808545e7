/* ui-accounts-util.c — what the accounts UI tests share: the live server
 * and keyring, running the application, waiting, screenshots, and the
 * sign-in form, the banner and dialogs as a user drives them
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-accounts-util.h"
#include "holboo-chats-page.h"

#include <glib/gstdio.h>
#include <string.h>

#include "holboo-test-util.h"

UiLive live;


static gboolean
on_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; fails after @seconds. */
void
wait_until_s (Condition   condition,
              gpointer    data,
              guint       seconds,
              const char *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, on_wake, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u s waiting until %s", seconds, what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}


void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (5, on_wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
}

void
save_artefact (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("HOLBOO_TEST_ARTEFACTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL || *dir == '\0')
    return;

  run_for (100);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  paintable = gtk_widget_paintable_new (widget);
  /* Until the widget has been allocated and drawn once, there is
   * nothing to take: ask again, with its size of now. */
  for (guint tries = 0; node == NULL; tries++)
    {
      g_assert_cmpuint (tries, <, 250);
      if (tries > 0)
        run_for (20);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("test-ui-accounts-%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_mapped (l->data))
        return l->data;
    }

  return NULL;
}

gboolean
toplevel_shown (gpointer data)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (data)) == NULL;
}

gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
accounts_read (gpointer data)
{
  return g_strcmp0 (holboo_window_get_view (HOLBOO_WINDOW (data)), "loading") != 0;
}

gboolean
main_view_shown (gpointer data)
{
  return g_strcmp0 (holboo_window_get_view (HOLBOO_WINDOW (data)), "main") == 0;
}

gboolean
welcome_shown (gpointer data)
{
  return g_strcmp0 (holboo_window_get_view (HOLBOO_WINDOW (data)), "welcome") == 0;
}

static gboolean
run_body (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GList) windows = NULL;

  f->window = HOLBOO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_true (HOLBOO_IS_WINDOW (f->window));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 640);
  wait_until (widget_is_mapped, f->window, "the main window is on screen");
  wait_until (accounts_read, f->window, "the accounts are read");

  f->body (f);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (f->app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  f->window = NULL;
  g_application_quit (G_APPLICATION (f->app));

  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication *app,
             Fixture      *f)
{
  g_idle_add (run_body, f);
}

void
run_app (Fixture  *f,
         TestBody  body)
{
  int status;

  f->body = body;
  f->app = holboo_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), NULL);
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (f->app, "activate", G_CALLBACK (on_activate), f);

  status = g_application_run (G_APPLICATION (f->app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_object (&f->app);
  /* Let the accounts' last goodbyes (worker threads, sockets) finish. */
  run_for (50);
}

void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->data_dir = holboo_test_make_tmp_dir ();
  g_setenv ("HOLBOO_DATA_DIR", f->data_dir, TRUE);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_unsetenv ("HOLBOO_DATA_DIR");
  holboo_test_rm_rf (f->data_dir);
  g_free (f->data_dir);
}

/* ---- the sign-in form ---- */

HolbooSignInPage *
sign_in_page (Fixture *f)
{
  HolbooSignInPage *page = holboo_window_get_sign_in_page (f->window);

  g_assert_true (HOLBOO_IS_SIGN_IN_PAGE (page));
  return page;
}

GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (sign_in_page (f)), HOLBOO_TYPE_SIGN_IN_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

char *
jid_of (const char *user)
{
  return g_strdup_printf ("%s@%s", user, holboo_test_server_get_domain (live.server));
}

/* Types into the form; @port 0 for the server's c2s port, @host NULL for
 * none. */
void
fill_form (Fixture    *f,
           const char *address,
           const char *password,
           const char *host,
           guint16     port,
           gboolean    with_ca)
{
  g_autofree char *port_text = NULL;

  gtk_editable_set_text (GTK_EDITABLE (page_child (f, "address_row")), address);
  gtk_editable_set_text (GTK_EDITABLE (page_child (f, "password_row")), password);
  if (host != NULL)
    {
      port_text = g_strdup_printf ("%u", port != 0 ? port : holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (page_child (f, "server_row")), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (page_child (f, "host_row")), host);
      gtk_editable_set_text (GTK_EDITABLE (page_child (f, "port_row")), port_text);
    }
  holboo_sign_in_page_set_ca_file (sign_in_page (f), with_ca ? live.ca_file : NULL);
}

/* Enter in the password field. */
gint64
press_enter (Fixture *f)
{
  g_signal_emit_by_name (page_child (f, "password_row"), "entry-activated");
  g_assert_true (holboo_sign_in_page_get_busy (sign_in_page (f)));
  return g_get_monotonic_time ();
}

gboolean
error_shown (gpointer data)
{
  Fixture *f = data;

  return holboo_sign_in_page_get_error (sign_in_page (f)) != NULL;
}

/* Waits for the form's error (at most 10 s after @start) and checks it
 * starts with @expected. */
void
assert_error_within_10_s (Fixture    *f,
                          gint64      start,
                          const char *expected)
{
  const char *shown;

  wait_until (error_shown, f, "an error is shown under the form");
  g_test_message ("Shown after %.2f s: %s", (g_get_monotonic_time () - start) / 1e6,
                  holboo_sign_in_page_get_error (sign_in_page (f)));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  shown = holboo_sign_in_page_get_error (sign_in_page (f));
  g_assert_true (g_str_has_prefix (shown, expected));
  g_assert_false (holboo_sign_in_page_get_busy (sign_in_page (f)));
  g_assert_true (gtk_widget_get_mapped (page_child (f, "error_label")));

  /* Nothing was saved: still the sign-in page, no accounts.ini. */
  g_assert_cmpstr (holboo_window_get_view (f->window), ==, "welcome");
  {
    g_autofree char *ini = g_build_filename (f->data_dir, "accounts.ini", NULL);

    g_assert_false (g_file_test (ini, G_FILE_TEST_EXISTS));
  }
}

/* ---- the banner ---- */

HolbooConnectionBanner *
banner (Fixture *f)
{
  HolbooConnectionBanner *b = holboo_window_get_connection_banner (f->window);

  g_assert_true (HOLBOO_IS_CONNECTION_BANNER (b));
  return b;
}

gboolean
banner_connected (gpointer data)
{
  Fixture *f = data;

  return holboo_connection_banner_get_status (banner (f)) == HOLBOO_CONNECTION_STATUS_CONNECTED;
}

GtkWidget *
window_child (Fixture    *f,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->window), HOLBOO_TYPE_WINDOW, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

void
assert_connected_in_main (Fixture    *f,
                          const char *artefact)
{
  g_autofree char *text = NULL;

  wait_until (main_view_shown, f->window, "the pages are shown");
  wait_until (banner_connected, f, "the banner says Connected");
  /* The sidebar's foot says it for good. */
  g_assert_true (gtk_widget_get_mapped (window_child (f, "account_button")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window_child (f, "account_label"))), ==, "alice@localhost");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (window_child (f, "account_state_label"))), ==, "Connected");
  /* The Chats page shows the account that signed in. */
  {
    HolbooAccount *shown = holboo_chats_page_get_account (holboo_window_get_chats_page (f->window));

    g_assert_nonnull (shown);
    g_assert_cmpstr (holboo_account_get_jid (shown), ==, "alice@localhost");
  }
  text = holboo_connection_banner_get_text (banner (f));
  /* Shown for a moment after a change, then it slides away. */
  if (text != NULL)
    g_assert_cmpstr (text, ==, "Connected");
  if (artefact != NULL)
    save_artefact (GTK_WIDGET (f->window), artefact);
}

guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Clicks the dialog's button for @response, as a user would: that also
 * closes the dialog, which adw_message_dialog_response() alone does not. */
void
click_response (AdwMessageDialog *dialog,
                const char       *response)
{
  const char *label = adw_message_dialog_get_response_label (dialog, response);
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *widget;

  g_assert_nonnull (label);
  g_queue_push_tail (&queue, dialog);
  while ((widget = g_queue_pop_head (&queue)) != NULL)
    {
      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        {
          g_queue_clear (&queue);
          gtk_widget_activate (widget);
          wait_until (toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the dialog closes");
          return;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_error ("No button for the response “%s”", response);
}

AdwMessageDialog *
wait_for_dialog (void)
{
  wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "a dialog is shown");
  return ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* ---- accounts set up before the app starts ---- */

void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Saves alice's account in the fixture's data directory, at @port (0:
 * the server's), with the CA or a pinned fingerprint, and @password in
 * the keyring (none if NULL). */
void
set_up_account (Fixture    *f,
                guint16     port,
                gboolean    with_ca,
                const char *pinned,
                const char *password)
{
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (f->data_dir);
  g_autofree char *jid = jid_of ("alice");
  g_autoptr(HolbooAccountConfig) config = holboo_account_config_new (jid, NULL);
  HolbooXmppSettings *settings = holboo_account_config_get_settings (config);
  g_autoptr(GError) error = NULL;

  holboo_xmpp_settings_set_server (settings, holboo_test_server_get_host (live.server),
                                   port != 0 ? port : holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));
  if (with_ca)
    holboo_xmpp_settings_set_ca_file (settings, live.ca_file, &error);
  g_assert_no_error (error);
  if (pinned != NULL)
    holboo_xmpp_settings_set_pinned_certificate (settings, pinned);
  holboo_account_registry_add (registry, config, &error);
  g_assert_no_error (error);
  holboo_account_registry_save (registry, NULL, &error);
  g_assert_no_error (error);

  if (password != NULL)
    {
      g_autoptr(GAsyncResult) result = NULL;

      holboo_account_config_store_password_async (config, password, NULL, on_done, &result);
      wait_until (result_set, &result, "the password is saved");
      holboo_account_config_store_password_finish (config, result, &error);
      g_assert_no_error (error);
    }
}

GtkWidget *
banner_child (Fixture    *f,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (banner (f)), HOLBOO_TYPE_CONNECTION_BANNER, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

gboolean
banner_waiting (gpointer data)
{
  Fixture *f = data;

  return holboo_connection_banner_get_status (banner (f)) == HOLBOO_CONNECTION_STATUS_WAITING;
}
