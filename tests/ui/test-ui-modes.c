/* test-ui-modes.c: the mode in the header bar and the work-hours editor,
 * in the real application under Xvfb: the header shows the mode the
 * work hours give; switching from its menu changes the header and the
 * settings; a change made elsewhere (holboo-cli writes the same settings)
 * shows at once; the editor writes the hours, a break, a holiday and a
 * chosen person, and refuses hours that end before they start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Screenshots, light and dark: $HOLBOO_TEST_ARTEFACTS/test-ui-modes-*.png
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "holboo-application.h"
#include "holboo-mode-button.h"
#include "holboo-window.h"
#include "holboo-work-hours-window.h"

static gboolean in_mongolian;

/* What the UI shows for @msgid (in @context), in the run's language. */
static const char *
tr (const char *context,
    const char *msgid)
{
  return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, msgid) : g_dgettext (GETTEXT_PACKAGE, msgid);
}

static char *
strip_underline (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    if (*p != '_')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

typedef struct {
  HolbooApplication *app;
  HolbooWindow      *window;
  GSettings         *settings;
  char              *data_dir;
} Fixture;

static gboolean
on_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

typedef gboolean (*Condition) (gpointer data);

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

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (5, on_wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
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
  int width, height;

  if (dir == NULL || *dir == '\0')
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* Let transitions and animations (crossfade, expanding rows) end. */
  run_for (600);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  for (guint tries = 0; node == NULL; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      g_assert_cmpuint (tries, <, 250);
      if (tries > 0)
        run_for (20);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("test-ui-modes-%s%s.png", name, in_mongolian ? "-mn" : "");
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

typedef struct {
  HolbooModeButton *button;
  const char       *label;
} LabelIs;

static gboolean
label_is (gpointer data)
{
  LabelIs *l = data;

  return g_strcmp0 (holboo_mode_button_get_label (l->button), l->label) == 0;
}

static void
wait_label (HolbooModeButton *button,
            const char       *label)
{
  LabelIs l = { button, label };
  g_autofree char *what = g_strdup_printf ("the header shows “%s”", label);

  wait_until (label_is, &l, what);
}

/* The menu item labelled @label in the open popover under @root. */
static GtkWidget *
find_menu_item (GtkWidget  *root,
                const char *label)
{
  g_autofree char *text = NULL;

  if (g_str_equal (G_OBJECT_TYPE_NAME (root), "GtkModelButton"))
    {
      g_autofree char *shown = NULL;
      g_autofree char *wanted = strip_underline (label);

      g_object_get (root, "text", &text, NULL);
      shown = text != NULL ? strip_underline (text) : NULL;
      if (g_strcmp0 (shown, wanted) == 0)
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_item (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Opens the mode menu and clicks the item labelled @label. */
static void
choose (HolbooModeButton *button,
        const char       *label)
{
  GtkMenuButton *menu_button = GTK_MENU_BUTTON (find_type (GTK_WIDGET (button), GTK_TYPE_MENU_BUTTON));
  GtkPopover *popover;
  GtkWidget *item;

  gtk_menu_button_popup (menu_button);
  popover = gtk_menu_button_get_popover (menu_button);
  wait_until (widget_is_mapped, popover, "the mode menu is open");
  item = find_menu_item (GTK_WIDGET (popover), label);
  if (item == NULL)
    g_error ("No item “%s” in the mode menu", label);
  g_assert_true (gtk_widget_is_sensitive (item));
  gtk_widget_activate (item);
  run_for (50);
  gtk_menu_button_popdown (menu_button);
}

static gboolean
toplevel_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, (GType) GPOINTER_TO_SIZE (data)) && gtk_widget_get_mapped (l->data))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types @text into the entry row titled @title and applies it: a valid
 * text is taken (the row empties or keeps it, no error style). */
static void
apply_entry (GtkWidget  *root,
             const char *title,
             const char *text,
             gboolean    valid)
{
  GtkWidget *row = find_entry_row (root, title);

  if (row == NULL)
    g_error ("No entry row “%s”", title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpint (gtk_widget_has_css_class (row, "error"), ==, !valid);
}

static gboolean
has_span (GVariant *spans,
          guint8    weekday,
          guint16   start,
          guint16   end)
{
  GVariantIter iter;
  guint8 d;
  guint16 a, b;

  g_variant_iter_init (&iter, spans);
  while (g_variant_iter_next (&iter, "(yqq)", &d, &a, &b))
    if (d == weekday && a == start && b == end)
      return TRUE;
  return FALSE;
}

static void
test_body (Fixture *f)
{
  HolbooModeButton *button = holboo_window_get_mode_button (f->window);
  HolbooModeManager *manager = holboo_window_get_mode_manager (f->window);
  AdwStyleManager *style = adw_style_manager_get_default ();

  /* Every minute is work (set up before start): the header says so. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  wait_label (button, tr ("mode", "Work"));
  g_assert_cmpstr (holboo_mode_button_get_icon_name (button), ==, "user-available-symbolic");
  save_artefact (GTK_WIDGET (f->window), "work");

  /* Personal from the menu: the header and the settings follow. */
  choose (button, tr ("mode", "_Personal"));
  wait_label (button, tr ("mode", "Personal"));
  g_assert_cmpstr (holboo_mode_button_get_icon_name (button), ==, "user-away-symbolic");
  g_assert_cmpstr (g_settings_get_string (f->settings, "mode"), ==, "personal");
  g_assert_true (holboo_mode_state_get_manual (holboo_mode_manager_get_state (manager)));

  /* Do not disturb for an hour. */
  choose (button, tr (NULL, "Do Not Disturb for 1 _Hour"));
  wait_label (button, tr ("mode", "Do Not Disturb"));
  g_assert_cmpstr (holboo_mode_button_get_icon_name (button), ==, "notifications-disabled-symbolic");
  {
    gint64 until = g_settings_get_int64 (f->settings, "mode-until");
    gint64 now = g_get_real_time () / G_USEC_PER_SEC;

    g_assert_cmpint (until, >=, now + 3600);
    g_assert_cmpint (until, <=, now + 3660);
    g_assert_cmpint (until % 60, ==, 0);
  }
  save_artefact (GTK_WIDGET (f->window), "dnd-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  save_artefact (GTK_WIDGET (f->window), "dnd-dark");
  {
    GtkMenuButton *menu_button = GTK_MENU_BUTTON (find_type (GTK_WIDGET (button), GTK_TYPE_MENU_BUTTON));
    GtkPopover *popover;

    gtk_menu_button_popup (menu_button);
    popover = gtk_menu_button_get_popover (menu_button);
    wait_until (widget_is_mapped, popover, "the mode menu is open");
    save_artefact (GTK_WIDGET (popover), "menu-dark");
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    save_artefact (GTK_WIDGET (popover), "menu-light");
    gtk_menu_button_popdown (menu_button);
  }

  /* Back to the work hours. */
  choose (button, tr (NULL, "_Follow Work Hours"));
  wait_label (button, tr ("mode", "Work"));
  g_assert_cmpstr (g_settings_get_string (f->settings, "mode"), ==, "");

  /* A change written by someone else (holboo-cli mode set dnd). */
  g_settings_set_int64 (f->settings, "mode-until", 0);
  g_settings_set_string (f->settings, "mode", "dnd");
  wait_label (button, tr ("mode", "Do Not Disturb"));
  g_settings_set_string (f->settings, "mode", "");
  wait_label (button, tr ("mode", "Work"));

  /* The editor, from the same menu. */
  choose (button, tr (NULL, "Work Hours _Settings"));
  wait_until (toplevel_shown, GSIZE_TO_POINTER (HOLBOO_TYPE_WORK_HOURS_WINDOW), "the work hours are shown");
  {
    HolbooWorkHoursWindow *editor = HOLBOO_WORK_HOURS_WINDOW (find_toplevel (HOLBOO_TYPE_WORK_HOURS_WINDOW));
    AdwExpanderRow *monday = ADW_EXPANDER_ROW (holboo_work_hours_window_get_day_row (editor, G_DATE_MONDAY));
    g_autoptr(GVariant) hours = NULL;
    g_autoptr(GVariant) breaks = NULL;
    g_auto(GStrv) holidays = NULL;
    g_auto(GStrv) people = NULL;

    g_assert_true (adw_expander_row_get_enable_expansion (monday));
    {
      g_autofree char *all_day = g_strdup_printf (_("%s–%s"), "00:00", "24:00");

      g_assert_cmpstr (adw_expander_row_get_subtitle (monday), ==, all_day);
    }

    /* Monday 10:00–19:00 with lunch 12:00–13:00; Sunday off. */
    g_assert_true (holboo_work_hours_window_set_day (editor, G_DATE_MONDAY, TRUE, 600, 1140, TRUE, 720, 780));
    g_assert_true (holboo_work_hours_window_set_day (editor, G_DATE_SUNDAY, FALSE, 0, 1440, FALSE, 0, 60));
    adw_expander_row_set_expanded (monday, TRUE);
    hours = g_settings_get_value (f->settings, "work-hours");
    breaks = g_settings_get_value (f->settings, "work-breaks");
    g_assert_true (has_span (hours, 1, 600, 1140));
    g_assert_true (has_span (breaks, 1, 720, 780));
    g_assert_false (has_span (hours, 7, 0, 1440));
    g_assert_true (has_span (hours, 6, 0, 1440));
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s–%s, break %s–%s"),
                                                   "10:00", "19:00", "12:00", "13:00");

      g_assert_cmpstr (adw_expander_row_get_subtitle (monday), ==, subtitle);
    }
    g_clear_pointer (&hours, g_variant_unref);

    /* Hours that end before they start are shown, not saved: the last
     * valid ones (the new start with the old end) stay. */
    g_assert_false (holboo_work_hours_window_set_day (editor, G_DATE_TUESDAY, TRUE, 1080, 540, FALSE, 0, 60));
    g_assert_true (gtk_widget_has_css_class (holboo_work_hours_window_get_day_row (editor, G_DATE_TUESDAY), "error"));
    hours = g_settings_get_value (f->settings, "work-hours");
    g_assert_true (has_span (hours, 2, 1080, 1440));
    g_assert_false (has_span (hours, 2, 1080, 540));
    g_assert_true (holboo_work_hours_window_set_day (editor, G_DATE_TUESDAY, TRUE, 540, 1080, FALSE, 0, 60));

    /* A holiday and a chosen person, typed and applied; nonsense is not. */
    apply_entry (GTK_WIDGET (editor), tr (NULL, "Add a day (YYYY-MM-DD)"), "2027-02-30", FALSE);
    apply_entry (GTK_WIDGET (editor), tr (NULL, "Add a day (YYYY-MM-DD)"), "2027-02-08", TRUE);
    apply_entry (GTK_WIDGET (editor), tr (NULL, "Add an address, such as saraa@example.mn"), "not an address", FALSE);
    apply_entry (GTK_WIDGET (editor), tr (NULL, "Add an address, such as saraa@example.mn"), "Saraa@Example.mn/phone", TRUE);
    apply_entry (GTK_WIDGET (editor), tr (NULL, "Time zone, such as Asia/Ulaanbaatar"), "Mars/Olympus_Mons", FALSE);
    apply_entry (GTK_WIDGET (editor), tr (NULL, "Time zone, such as Asia/Ulaanbaatar"), "Asia/Hovd", TRUE);
    g_assert_cmpstr (g_settings_get_string (f->settings, "work-time-zone"), ==, "Asia/Hovd");
    holidays = g_settings_get_strv (f->settings, "work-holidays");
    people = g_settings_get_strv (f->settings, "mode-chosen-people");
    g_assert_cmpuint (g_strv_length (holidays), ==, 1);
    g_assert_cmpstr (holidays[0], ==, "2027-02-08");
    g_assert_cmpuint (g_strv_length (people), ==, 1);
    g_assert_cmpstr (people[0], ==, "saraa@example.mn");

    /* Auto-reply: off by default; switched on, the texts are editable
     * and saved as typed; colleagues' servers are checked. */
    {
      GtkWidget *mn = find_entry_row (GTK_WIDGET (editor), tr (NULL, "Reply in Mongolian"));
      GtkSwitch *on = GTK_SWITCH (find_type (gtk_widget_get_parent (gtk_widget_get_parent (mn)), GTK_TYPE_SWITCH));

      g_assert_false (g_settings_get_boolean (f->settings, "auto-reply"));
      g_assert_false (gtk_widget_is_sensitive (mn));
      gtk_switch_set_active (on, TRUE);
      g_assert_true (g_settings_get_boolean (f->settings, "auto-reply"));
      g_assert_true (gtk_widget_is_sensitive (mn));
      g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (mn)), "Сайн байна уу!"));
      gtk_editable_set_text (GTK_EDITABLE (mn), "Сайн байна уу! Маргааш 09:00-д хариулна.");
      g_assert_cmpstr (g_settings_get_string (f->settings, "auto-reply-text-mn"), ==,
                       "Сайн байна уу! Маргааш 09:00-д хариулна.");
      apply_entry (GTK_WIDGET (editor), tr (NULL, "Colleagues’ servers (empty: your own)"),
                   "not a domain@", FALSE);
      apply_entry (GTK_WIDGET (editor), tr (NULL, "Colleagues’ servers (empty: your own)"),
                   "holboo.mn, branch.holboo.mn", TRUE);
      {
        g_auto(GStrv) domains = g_settings_get_strv (f->settings, "team-domains");

        g_assert_cmpuint (g_strv_length (domains), ==, 2);
        g_assert_cmpstr (domains[1], ==, "branch.holboo.mn");
      }
    }

    save_artefact (GTK_WIDGET (editor), "hours-light");
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    save_artefact (GTK_WIDGET (editor), "hours-dark");
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (editor), "personal");
    save_artefact (GTK_WIDGET (editor), "personal-dark");
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    save_artefact (GTK_WIDGET (editor), "personal-light");
    gtk_window_destroy (GTK_WINDOW (editor));
  }
}

typedef struct {
  GtkWidget *root;
  GtkWidget *except;
  GtkWidget *found;
} FindMapped;

static void
find_mapped_button (GtkWidget  *widget,
                    FindMapped *find)
{
  if (HOLBOO_IS_MODE_BUTTON (widget) && widget != find->except && gtk_widget_get_mapped (widget))
    find->found = widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_mapped_button (child, find);
}

static gboolean
sidebar_mode_shown (gpointer data)
{
  FindMapped *find = data;

  find->found = NULL;
  find_mapped_button (find->root, find);
  return find->found != NULL;
}

/* A narrow window folds to the sidebar alone: the mode is there too. */
static void
test_folded (Fixture *f)
{
  FindMapped find = { GTK_WIDGET (f->window), GTK_WIDGET (holboo_window_get_mode_button (f->window)), NULL };

  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 560);
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-sidebar", NULL);
  wait_until (sidebar_mode_shown, &find, "the folded sidebar shows the mode");
  g_assert_cmpstr (holboo_mode_button_get_label (HOLBOO_MODE_BUTTON (find.found)), ==,
                   holboo_mode_button_get_label (holboo_window_get_mode_button (f->window)));
  g_settings_set_int64 (f->settings, "mode-until", 0);
  g_settings_set_string (f->settings, "mode", "dnd");
  wait_label (HOLBOO_MODE_BUTTON (find.found), tr ("mode", "Do Not Disturb"));
  save_artefact (GTK_WIDGET (f->window), "folded");
  g_settings_set_string (f->settings, "mode", "");
}

static gboolean
accounts_read (gpointer data)
{
  return g_strcmp0 (holboo_window_get_view (HOLBOO_WINDOW (data)), "loading") != 0;
}

static gboolean
run_body (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GList) windows = NULL;

  f->window = HOLBOO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (f->app)));
  g_assert_true (HOLBOO_IS_WINDOW (f->window));
  wait_until (widget_is_mapped, f->window, "the main window is on screen");
  wait_until (accounts_read, f->window, "the accounts are read");
  g_assert_cmpstr (holboo_window_get_view (f->window), ==, "main");

  test_body (f);
  test_folded (f);

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

static void
test_modes (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(GError) error = NULL;
  g_autofree char *accounts_ini = NULL;
  int status;

  f->settings = g_settings_new (SCHEMA_ID);
  g_settings_set_value (f->settings, "work-hours",
                        g_variant_parse (G_VARIANT_TYPE ("a(yqq)"),
                                         "[(1, 0, 1440), (2, 0, 1440), (3, 0, 1440), (4, 0, 1440), "
                                         "(5, 0, 1440), (6, 0, 1440), (7, 0, 1440)]", NULL, NULL, NULL));
  g_settings_set_value (f->settings, "work-breaks", g_variant_new_array (G_VARIANT_TYPE ("(yqq)"), NULL, 0));
  g_settings_set_int ((f->settings), "window-width", 900);
  g_settings_set_int ((f->settings), "window-height", 560);

  /* An account set up before, switched off: the window shows its pages. */
  f->data_dir = g_dir_make_tmp ("holboo-test-ui-modes-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOLBOO_DATA_DIR", f->data_dir, TRUE);
  accounts_ini = g_build_filename (f->data_dir, "accounts.ini", NULL);
  g_file_set_contents (accounts_ini, "[Holboo]\nformat=1\n\n[Account 1]\njid=alice@localhost\nenabled=false\n",
                       -1, &error);
  g_assert_no_error (error);

  f->app = holboo_application_new ();
  g_application_set_application_id (G_APPLICATION (f->app), NULL);
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (f->app, "activate", G_CALLBACK (on_activate), f);
  status = g_application_run (G_APPLICATION (f->app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_object (&f->app);

  g_unlink (accounts_ini);
  {
    g_autofree char *holboo_dir = g_build_filename (f->data_dir, "holboo", NULL);

    g_rmdir (holboo_dir);
  }
  g_rmdir (f->data_dir);
  g_free (f->data_dir);
  g_clear_object (&f->settings);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = g_getenv ("LANGUAGE");

  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  in_mongolian = language != NULL && g_str_has_prefix (language, "mn");
  gtk_init ();
  adw_init ();

  g_test_add_func ("/ui/modes/header-and-editor", test_modes);

  return g_test_run ();
}
