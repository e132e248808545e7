/* chats-test-util.c: driving the Chats page in-process under Xvfb, for
 * the UI test and the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chats-test-util.h"

#include <math.h>

static gboolean
on_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
chats_wait_until (ChatsCondition condition,
                  gpointer       data,
                  guint          timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (10, on_wake, NULL);
  gboolean ok = TRUE;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          ok = FALSE;
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  return ok;
}

void
chats_run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (5, on_wake, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

GtkWidget *
chats_find_named (GtkWidget  *root,
                  const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = chats_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
chats_find_type (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = chats_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

HolbooMessageRow *
chats_find_row (GtkWidget  *root,
                const char *body)
{
  if (HOLBOO_IS_MESSAGE_ROW (root) && gtk_widget_get_mapped (root))
    {
      HolbooMessageItem *item = holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (root));

      if (item != NULL && g_strcmp0 (holboo_message_item_get_body (item), body) == 0)
        return HOLBOO_MESSAGE_ROW (root);
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      HolbooMessageRow *found = chats_find_row (child, body);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gint64
chats_top_visible_id (GtkWidget *list_view)
{
  GtkWidget *viewport = gtk_widget_get_parent (list_view);
  gint64 id = 0;
  float best = G_MAXFLOAT;

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      graphene_rect_t bounds;

      if (!HOLBOO_IS_MESSAGE_ROW (child) || !gtk_widget_get_mapped (child) ||
          holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child)) == NULL)
        continue;
      if (!gtk_widget_compute_bounds (row, viewport, &bounds))
        continue;
      /* The row that holds the viewport's top edge. */
      if (bounds.origin.y <= 0 && bounds.origin.y + bounds.size.height > 0 && -bounds.origin.y < best)
        {
          best = -bounds.origin.y;
          id = holboo_message_item_get_id (holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child)));
        }
    }
  return id;
}

void
chats_save_artefact (GtkWidget  *widget,
                     const char *name)
{
  const char *dir = g_getenv ("HOLBOO_TEST_ARTEFACTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *program = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL || *dir == '\0')
    return;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  chats_run_for (100);
  paintable = gtk_widget_paintable_new (widget);
  for (guint tries = 0; node == NULL; tries++)
    {
      GtkSnapshot *snapshot;

      g_assert_cmpuint (tries, <, 250);
      if (tries > 0)
        chats_run_for (20);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Named after the test program (test-ui-chats, test-ui-groups, …). */
  program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname () : "test-ui-chats");
  file = g_strdup_printf ("%s-%s.png", g_str_has_prefix (program, "test-ui-") ? program : "test-ui-chats", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static void
on_tool_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
chats_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_NONE, &error);
  gboolean done = FALSE;

  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, on_tool_done, &done);
  g_assert_true (chats_wait_until (flag_set, &done, 20000));
}

float
chats_row_y (GtkWidget *list_view,
             gint64     message_id)
{
  GtkWidget *viewport = gtk_widget_get_parent (list_view);

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      graphene_rect_t bounds;

      if (HOLBOO_IS_MESSAGE_ROW (child) && gtk_widget_get_mapped (child) &&
          holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child)) != NULL &&
          holboo_message_item_get_id (holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child))) == message_id &&
          gtk_widget_compute_bounds (row, viewport, &bounds))
        return bounds.origin.y;
    }
  return NAN;
}

/* What AdwApplication does for the app: our icons and style sheet from
 * the resources. */
void
chats_load_app_resources (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
