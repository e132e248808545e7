/* test-ui-pages.c — the application and its window, driven in-process
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under tests/ui/xvfb-wrapper.sh. Each test runs a fresh
 * HolbooApplication the way `holboo` does and drives its window through
 * actions. Any GLib warning or critical aborts the test (g_test_init makes
 * them fatal, and the test environment sets G_DEBUG=fatal-warnings).
 *
 * With LANGUAGE=mn in the environment the same tests check that the
 * Mongolian translation is what is shown.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "holboo-application.h"
#include "holboo-card-page.h"
#include "holboo-customers-page.h"
#include "holboo-team-page.h"
#include "holboo-window.h"

/* The English titles, in sidebar order: what the window shows in C, and
 * what it must not show in Mongolian. */
static const struct {
  const char *name;
  const char *title;
} pages[] = {
  { "chats", "Chats" },
  { "calls", "Calls" },
  { "meetings", "Meetings" },
  { "customers", "Customers" },
  { "dashboard", "Dashboard" },
  { "team", "Team" },
  { "card", "My Card" },
};

typedef struct {
  HolbooApplication *app;
  HolbooWindow      *window;
  GSettingsSchema   *schema;
  GSettings         *settings;
  char              *data_dir;
} Fixture;

typedef gboolean (*Condition) (gpointer data);

static gboolean in_mongolian;

static gboolean
on_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds; fails the test after 10 s. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (10, on_wake, NULL);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting until %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

/* Lets pending work (layout, frames, idles) run for @ms milliseconds. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (5, on_wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wake);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
app_has_no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (data)) == NULL;
}

static gboolean
is_cyrillic (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x0400 && c <= 0x04FF)
        return TRUE;
    }

  return FALSE;
}

/* A shown string is in the language of the run: the English source text in
 * C, a Cyrillic translation in Mongolian. */
static void
assert_shown_text (const char *shown,
                   const char *english)
{
  g_assert_nonnull (shown);
  if (in_mongolian)
    {
      g_assert_cmpstr (shown, !=, english);
      g_assert_true (is_cyrillic (shown));
    }
  else
    {
      g_assert_cmpstr (shown, ==, english);
    }
}

static void
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
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || *dir == '\0')
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  paintable = gtk_widget_paintable_new (widget);

  /* Until the widget has been drawn once its paintable is empty. */
  for (guint tries = 0; node == NULL; tries++)
    {
      g_assert_cmpuint (tries, <, 250);
      if (tries > 0)
        run_for (20);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("test-ui-pages-%s%s.png", name, in_mongolian ? "-mn" : "");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static GtkWindow *
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

static gboolean
toplevel_shown (gpointer data)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (data)) == NULL;
}

static gboolean
accounts_read (gpointer data)
{
  return g_strcmp0 (holboo_window_get_view (HOLBOO_WINDOW (data)), "loading") != 0;
}

typedef void (*TestBody) (Fixture *f);

static gboolean
run_body (gpointer data)
{
  Fixture *f = data;
  TestBody body = g_object_get_data (G_OBJECT (f->app), "test-body");
  g_autoptr(GList) windows = NULL;

  f->window = HOLBOO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_true (HOLBOO_IS_WINDOW (f->window));
  wait_until (widget_is_mapped, f->window, "the main window is on screen");
  wait_until (accounts_read, f->window, "the accounts are read");

  body (f);

  /* Whatever the body left open goes; with no window left the
   * application ends and g_application_run() returns. */
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

/* Runs the application the way `holboo` does (handle-local-options,
 * startup, activate, shutdown) and @body once its window is on screen.
 * Settings and the data directory are prepared before this is called.
 * Without an id the application stays off the session bus, so each test
 * can run its own in one process; test-app.sh covers the real one. */
static void
run_app (Fixture  *f,
         TestBody  body)
{
  int status;

  f->app = holboo_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), NULL);
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (f->app), "test-body", body);
  g_signal_connect_after (f->app, "activate", G_CALLBACK (on_activate), f);

  status = g_application_run (G_APPLICATION (f->app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (f->app)));
  g_assert_finalize_object (f->app);
  f->app = NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *accounts_ini = NULL;
  g_auto(GStrv) keys = NULL;

  /* The memory backend lives as long as the process: start each test from
   * the defaults. */
  f->schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), SCHEMA_ID, TRUE);
  g_assert_nonnull (f->schema);
  f->settings = g_settings_new (SCHEMA_ID);
  keys = g_settings_schema_list_keys (f->schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (f->settings, keys[i]);

  f->data_dir = g_dir_make_tmp ("holboo-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOLBOO_DATA_DIR", f->data_dir, TRUE);

  /* An account set up before, switched off so nothing connects: without
   * one the window would be the sign-in page (test-ui-accounts). */
  accounts_ini = g_build_filename (f->data_dir, "accounts.ini", NULL);
  g_file_set_contents (accounts_ini,
                       "[Holboo]\nformat=1\n\n[Account 1]\njid=alice@localhost\nenabled=false\n",
                       -1, &error);
  g_assert_no_error (error);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_unsetenv ("HOLBOO_DATA_DIR");
  if (f->data_dir != NULL)
    {
      g_autofree char *holboo_dir = g_build_filename (f->data_dir, "holboo", NULL);
      g_autofree char *accounts_ini = g_build_filename (f->data_dir, "accounts.ini", NULL);

      g_unlink (accounts_ini);
      g_rmdir (holboo_dir);
      g_rmdir (f->data_dir);
      g_free (f->data_dir);
    }
  g_clear_object (&f->settings);
  g_clear_pointer (&f->schema, g_settings_schema_unref);
}

static GtkWidget *
template_child (Fixture    *f,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->window), HOLBOO_TYPE_WINDOW, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

static void
assert_page_shown (Fixture    *f,
                   guint       index)
{
  GtkStack *stack = GTK_STACK (template_child (f, "stack"));
  GtkListBox *list = GTK_LIST_BOX (template_child (f, "sidebar_list"));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (template_child (f, "content_title"));
  g_autofree char *last_page = NULL;
  GtkWidget *child;
  GtkListBoxRow *row;
  const char *icon;

  g_assert_cmpstr (holboo_window_get_visible_page (f->window), ==, pages[index].name);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, pages[index].name);

  /* A page not built yet is an honest status page: a title, a
   * description, an icon that the icon theme (our resources) really has,
   * and it is on screen.  My card and Team are built (tests/ui/test-ui-card.c,
   * test-ui-team.c). */
  child = gtk_stack_get_visible_child (stack);
  /* The Chats and Customers pages, signed out, are their own status
   * pages. */
  if (HOLBOO_IS_CHATS_PAGE (child) || HOLBOO_IS_CUSTOMERS_PAGE (child))
    child = gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_first_child (child)));
  wait_until (widget_is_mapped, child, "the page is on screen");
  if (HOLBOO_IS_CARD_PAGE (child) || HOLBOO_IS_TEAM_PAGE (child))
    goto header;
  g_assert_true (ADW_IS_STATUS_PAGE (child));
  assert_shown_text (adw_status_page_get_title (ADW_STATUS_PAGE (child)), pages[index].title);
  g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (child))), >, 40);
  if (in_mongolian)
    g_assert_true (is_cyrillic (adw_status_page_get_description (ADW_STATUS_PAGE (child))));
  icon = adw_status_page_get_icon_name (ADW_STATUS_PAGE (child));
  g_assert_nonnull (icon);
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (child)), icon));

header:
  /* The header names the page, the sidebar has it selected, and it is
   * remembered. */
  assert_shown_text (adw_window_title_get_title (title), pages[index].title);
  row = gtk_list_box_get_selected_row (list);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (row), ==, index);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, pages[index].name);
  last_page = g_settings_get_string (f->settings, "last-page");
  g_assert_cmpstr (last_page, ==, pages[index].name);
}

static void
pages_by_action (Fixture *f)
{
  const char * const *names = holboo_window_get_page_names ();

  assert_shown_text (gtk_window_get_title (GTK_WINDOW (f->window)), "Holboo");
  g_assert_null (holboo_window_get_storage_error (f->window));
  g_assert_cmpuint (g_strv_length ((GStrv) names), ==, G_N_ELEMENTS (pages));
  assert_page_shown (f, 0);

  /* Every page has its Alt+n accelerator, and its action shows it. Walk
   * backwards so each step really changes the page. */
  for (int i = G_N_ELEMENTS (pages) - 1; i >= 0; i--)
    {
      g_autofree char *action = g_strdup_printf ("win.show-page::%s", pages[i].name);
      g_autofree char *accel = g_strdup_printf ("<Alt>%d", i + 1);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), action);

      g_assert_cmpstr (names[i], ==, pages[i].name);
      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, accel);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", pages[i].name));
      run_for (20);
      assert_page_shown (f, i);
    }

  /* A page name that does not exist is bad input: said, and ignored. */
  g_test_expect_message ("holboo-window", G_LOG_LEVEL_MESSAGE, "*no page named “nowhere”*");
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-page", g_variant_new_string ("nowhere"));
  g_test_assert_expected_messages ();
  assert_page_shown (f, 0);

  save_artefact (GTK_WIDGET (f->window), "chats");
}

static void
test_pages_by_action (Fixture       *f,
                      gconstpointer  data)
{
  run_app (f, pages_by_action);
}

static void
pages_by_sidebar (Fixture *f)
{
  GtkListBox *list = GTK_LIST_BOX (template_child (f, "sidebar_list"));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      /* What a click or Enter on the row does. */
      g_signal_emit_by_name (row, "activate");
      run_for (20);
      assert_page_shown (f, i);
    }

  /* Moving the selection (arrow keys) also shows the page. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 3));
  run_for (20);
  assert_page_shown (f, 3);

  save_artefact (GTK_WIDGET (f->window), "customers");
}

static void
test_pages_by_sidebar (Fixture       *f,
                       gconstpointer  data)
{
  run_app (f, pages_by_sidebar);
}

static void
folded (Fixture *f)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (template_child (f, "leaflet"));
  GtkWidget *back = template_child (f, "back_button");

  run_for (50);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <, 500);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (f, "sidebar"));
  save_artefact (GTK_WIDGET (f->window), "folded-sidebar");

  /* Choosing a page goes to it; the back button (shown only now) goes
   * back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "meetings"));
  run_for (50);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (f, "content"));
  g_assert_true (gtk_widget_get_visible (back));
  assert_page_shown (f, 2);
  save_artefact (GTK_WIDGET (f->window), "folded-page");

  g_signal_emit_by_name (back, "clicked");
  run_for (50);
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == template_child (f, "sidebar"));
}

static void
test_folded (Fixture       *f,
             gconstpointer  data)
{
  g_settings_set_int (f->settings, "window-width", 400);
  g_settings_set_int (f->settings, "window-height", 640);
  run_app (f, folded);
}

static void
assert_window_size (Fixture *f,
                    int      width,
                    int      height)
{
  int w, h;

  /* The size the user gave the window; its widget adds the frame that
   * client-side decorations draw around it. */
  gtk_window_get_default_size (GTK_WINDOW (f->window), &w, &h);
  g_assert_cmpint (w, ==, width);
  g_assert_cmpint (h, ==, height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, width - 60);
}

static void
state_saved (Fixture *f)
{
  assert_window_size (f, 800, 600);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "dashboard"));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 650);
  run_for (50);

  /* app.quit closes the windows, which save their state. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  wait_until (app_has_no_windows, f->app, "app.quit closed the window");
}

static void
state_restored (Fixture *f)
{
  assert_window_size (f, 900, 650);
  assert_page_shown (f, 4);
}

static void
test_state_saved (Fixture       *f,
                  gconstpointer  data)
{
  g_settings_set_int (f->settings, "window-width", 800);
  g_settings_set_int (f->settings, "window-height", 600);
  run_app (f, state_saved);

  g_assert_cmpint (g_settings_get_int (f->settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (f->settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (f->settings, "window-maximized"));

  /* The next start comes back in the same size, on the same page. */
  run_app (f, state_restored);
}

static void
unknown_last_page (Fixture *f)
{
  g_autofree char *last_page = NULL;

  g_test_assert_expected_messages ();
  assert_page_shown (f, 0);
  last_page = g_settings_get_string (f->settings, "last-page");
  g_assert_cmpstr (last_page, ==, "chats");
}

static void
test_unknown_last_page (Fixture       *f,
                        gconstpointer  data)
{
  g_settings_set_string (f->settings, "last-page", "bogus-page");
  g_test_expect_message ("holboo-window", G_LOG_LEVEL_MESSAGE,
                         "*Settings key “last-page” holds “bogus-page”*showing “chats”*");
  run_app (f, unknown_last_page);
}

static void
data_dir (Fixture *f)
{
  const char *dir = g_getenv ("HOLBOO_DATA_DIR");
  GStatBuf st;

  g_assert_null (holboo_window_get_storage_error (f->window));
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_data_dir (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (f->data_dir, "holboo", NULL);

  g_setenv ("HOLBOO_DATA_DIR", dir, TRUE);
  run_app (f, data_dir);
}

static void
storage_error (Fixture *f)
{
  const char *dir = g_getenv ("HOLBOO_DATA_DIR");
  const char *error;

  g_test_assert_expected_messages ();

  /* The window is there, working, and says what is wrong and where. */
  error = holboo_window_get_storage_error (f->window);
  g_assert_nonnull (error);
  g_test_message ("Banner: %s", error);
  g_assert_nonnull (strstr (error, dir));
  g_assert_true (gtk_widget_get_mapped (template_child (f, "storage_banner_label")));
  if (in_mongolian)
    g_assert_true (is_cyrillic (error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "customers"));
  run_for (50);
  assert_page_shown (f, 3);
  save_artefact (GTK_WIDGET (f->window),
                 g_str_has_prefix (dir, "/proc/") ? "storage-error-proc" : "storage-error-file");
}

/* The data directory cannot be made: under /proc, and under a regular
 * file. (Tests run as root, so permissions alone would not stop it.) */
static void
test_storage_error (Fixture       *f,
                    gconstpointer  data)
{
  gboolean under_file = GPOINTER_TO_INT (data);
  g_autofree char *file = g_build_filename (f->data_dir, "a-file", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *pattern = NULL;

  if (under_file)
    {
      g_assert_true (g_file_set_contents (file, "not a directory\n", -1, NULL));
      dir = g_build_filename (file, "holboo", NULL);
    }
  else
    {
      dir = g_strdup ("/proc/holboo-nope/holboo");
    }
  g_setenv ("HOLBOO_DATA_DIR", dir, TRUE);

  pattern = g_strdup_printf ("*Data directory unusable*%s*", dir);
  g_test_expect_message ("holboo-application", G_LOG_LEVEL_MESSAGE, pattern);
  run_app (f, storage_error);

  g_unlink (file);
}

static void
shortcuts_window (Fixture *f)
{
  g_auto(GStrv) accels = NULL;
  GtkWindow *shortcuts;

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  wait_until (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), "the shortcuts window is shown");
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (f->window));
  run_for (100);
  save_artefact (GTK_WIDGET (shortcuts), "shortcuts");

  gtk_window_close (shortcuts);
  wait_until (toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), "the shortcuts window is closed");
}

static void
test_shortcuts_window (Fixture       *f,
                       gconstpointer  data)
{
  run_app (f, shortcuts_window);
}

static void
about_window (Fixture *f)
{
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  wait_until (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), "the about window is shown");
  about = ADW_ABOUT_WINDOW (find_toplevel (ADW_TYPE_ABOUT_WINDOW));

  assert_shown_text (adw_about_window_get_application_name (about), "Holboo");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (about))),
                                          APPLICATION_ID));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (f->window));
  run_for (100);
  save_artefact (GTK_WIDGET (about), "about");

  gtk_window_close (GTK_WINDOW (about));
  wait_until (toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), "the about window is closed");
}

static void
test_about_window (Fixture       *f,
                   gconstpointer  data)
{
  run_app (f, about_window);
}

static void
dark_mode (Fixture *f)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* No desktop to follow under Xvfb: the default is light. */
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_false (adw_style_manager_get_dark (style));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "customers"));
  run_for (100);
  save_artefact (GTK_WIDGET (f->window), "light");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  run_for (100);
  g_assert_true (adw_style_manager_get_dark (style));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  assert_page_shown (f, 3);
  save_artefact (GTK_WIDGET (f->window), "dark");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  run_for (100);
  g_assert_false (adw_style_manager_get_dark (style));
  assert_page_shown (f, 3);
}

static void
test_dark_mode (Fixture       *f,
                gconstpointer  data)
{
  run_app (f, dark_mode);
}

/* Every icon the window shows exists and its file decodes: a missing
 * SVG loader (librsvg2-common) leaves "missing image" placeholders that
 * nothing else would notice. */
static void
icons_load (Fixture *f)
{
  static const char * const names[] = {
    "holboo-chats-symbolic", "holboo-calls-symbolic", "holboo-meetings-symbolic",
    "holboo-customers-symbolic", "holboo-dashboard-symbolic", "holboo-team-symbolic", "holboo-card-symbolic",
    "open-menu-symbolic", "go-previous-symbolic", "dialog-warning-symbolic",
  };
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (f->window)));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkIconPaintable) icon = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;


      g_assert_true (gtk_icon_theme_has_icon (theme, names[i]));
      icon = gtk_icon_theme_lookup_icon (theme, names[i], NULL, 16, 1, GTK_TEXT_DIR_NONE, 0);
      file = gtk_icon_paintable_get_file (icon);
      g_assert_nonnull (file);
      {
        g_autofree char *uri = g_file_get_uri (file);
        /* GTK falls back to image-missing when it cannot decode the icon. */
        g_test_message ("icon %s: %s", names[i], uri);
        g_assert_null (strstr (uri, "image-missing"));
      }
      texture = gdk_texture_new_from_file (file, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
    }
}

static void
test_icons_load (Fixture       *f,
                 gconstpointer  data)
{
  run_app (f, icons_load);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);

  /* As main.c does, with the build tree's translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  in_mongolian = language != NULL && g_str_has_prefix (language, "mn");
  if (in_mongolian)
    g_test_message ("Checking the Mongolian UI (LANGUAGE=%s)", language);

  gtk_init ();
  adw_init ();
  /* Transitions finish at once, so what a test sees is the end state. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_setup, func, fixture_teardown)
  ADD ("/ui/window/pages-by-action", test_pages_by_action, NULL);
  ADD ("/ui/window/pages-by-sidebar", test_pages_by_sidebar, NULL);
  ADD ("/ui/window/folded", test_folded, NULL);
  ADD ("/ui/window/state-saved", test_state_saved, NULL);
  ADD ("/ui/window/unknown-last-page", test_unknown_last_page, NULL);
  ADD ("/ui/window/data-dir", test_data_dir, NULL);
  ADD ("/ui/window/storage-error/proc", test_storage_error, GINT_TO_POINTER (FALSE));
  ADD ("/ui/window/storage-error/under-file", test_storage_error, GINT_TO_POINTER (TRUE));
  ADD ("/ui/app/shortcuts-window", test_shortcuts_window, NULL);
  ADD ("/ui/app/about-window", test_about_window, NULL);
  ADD ("/ui/app/dark-mode", test_dark_mode, NULL);
  ADD ("/ui/app/icons-load", test_icons_load, NULL);
#undef ADD

  return g_test_run ();
}
