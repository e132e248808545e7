/* chat-actions-util.c: what the message-actions and files UI tests
 * share: Ann's page, Bat's account, rows by message id, stores, keys,
 * screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chat-actions-util.h"

#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <string.h>

static const char * const accounts[] = { "ann", "bat", "cel", NULL };

LiveAccount     *ann, *bat;
GtkWindow       *window;
HolbooChatsPage *page;
GtkWidget       *view;
char            *tmp_dir;

/* Ann's stored copies, by body, newest first. */
HolbooStoredMessage *
stored (LiveAccount *live,
        LiveAccount *peer,
        const char  *body)
{
  g_autoptr(GPtrArray) messages = live_account_messages (live, live_account_jid (peer));

  for (guint i = messages->len; i > 0; i--)
    {
      HolbooStoredMessage *m = messages->pdata[i - 1];

      if (g_strcmp0 (m->body, body) == 0)
        return holboo_stored_message_ref (m);
    }
  return NULL;
}



/* Waits until @live has a message with @peer that passes @check. */
HolbooStoredMessage *
wait_stored (LiveAccount   *live,
             LiveAccount   *peer,
             StoredCheck    check,
             gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GPtrArray) messages = live_account_messages (live, live_account_jid (peer));

      for (guint i = messages->len; i > 0; i--)
        if (check (messages->pdata[i - 1], data))
          return holboo_stored_message_ref (messages->pdata[i - 1]);
      chats_run_for (100);
    }
  g_assert_not_reached ();
}

gboolean
body_is (HolbooStoredMessage *m,
         gconstpointer        data)
{
  return g_strcmp0 (m->body, data) == 0;
}

HolbooMessageRow *
row_by_id (gint64 id)
{
  GtkWidget *list_view = chats_find_named (GTK_WIDGET (page), "message-list");

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      HolbooMessageItem *item;

      if (HOLBOO_IS_MESSAGE_ROW (child) && gtk_widget_get_mapped (child) &&
          (item = holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child))) != NULL &&
          holboo_message_item_get_id (item) == id)
        return HOLBOO_MESSAGE_ROW (child);
    }
  return NULL;
}

GtkWidget *
row_child (gint64      id,
           const char *name)
{
  HolbooMessageRow *row = row_by_id (id);

  return row != NULL ? chats_find_named (GTK_WIDGET (row), name) : NULL;
}

gboolean
row_child_visible (gint64      id,
                   const char *name)
{
  GtkWidget *child = row_child (id, name);

  return child != NULL && gtk_widget_is_visible (child);
}

const char *
row_text (gint64      id,
          const char *name)
{
  GtkWidget *child = row_child (id, name);

  return child != NULL && GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
}

/* Conditions for chats_wait_until(), on a row by id. */


gboolean
row_shows (gpointer data)
{
  RowWait *w = data;
  const char *text;

  if (!row_child_visible (w->id, w->name))
    return FALSE;
  if (w->text == NULL)
    return TRUE;
  text = row_text (w->id, w->name);
  return text != NULL && strstr (text, w->text) != NULL;
}

void
assert_row_shows (gint64      id,
                  const char *name,
                  const char *text)
{
  RowWait w = { id, name, text };

  if (!chats_wait_until (row_shows, &w, 30000))
    g_error ("Row %" G_GINT64_FORMAT " does not show %s “%s” (it shows “%s”)", id, name, text ? text : "",
             row_text (id, name) ? row_text (id, name) : "nothing");
}

gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

gboolean
open_list_loaded (gpointer data)
{
  HolbooMessageList *list = holboo_chats_page_get_open_list (page);

  return list != NULL && holboo_message_list_get_loaded (list);
}

void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  chats_run_for (150);
}

void
screenshots (GtkWidget  *widget,
             const char *name)
{
  g_autofree char *light = g_strconcat ("actions-", name, NULL);
  g_autofree char *dark = g_strconcat ("actions-", name, "-dark", NULL);

  set_dark (FALSE);
  chats_save_artefact (widget, light);
  set_dark (TRUE);
  chats_save_artefact (widget, dark);
  set_dark (FALSE);
}

void
key (const char *keysym)
{
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  const char *focus[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  const char *press[] = { "xdotool", "key", keysym, NULL };

  chats_run_tool (focus);
  chats_run_tool (press);
  chats_run_for (100);
}

GtkTextView *
composer (void)
{
  return GTK_TEXT_VIEW (chats_find_named (GTK_WIDGET (page), "composer"));
}

char *
composer_text (void)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (composer ());
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types @text into the composer as the user would (the buffer) and
 * sends it with the Send button's action. */
void
type_and_send (const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (composer ()), text, -1);
  chats_run_for (50);
  gtk_widget_activate_action (view, "conversation.send", NULL);
}

void
activate_on (gint64      id,
             const char *action)
{
  g_assert_true (gtk_widget_activate_action (view, action, "x", id));
  chats_run_for (100);
}

GtkWidget *
find_toplevel (const char *name)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0)
      return l->data;
  return NULL;
}

gboolean
unparented (gpointer data)
{
  return gtk_widget_get_parent (data) == NULL;
}

void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(char **) user_data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

gboolean
text_read (gpointer data)
{
  return *(char **) data != NULL;
}



gboolean
file_in_state (HolbooStoredMessage *m,
               gconstpointer        data)
{
  const FileWait *w = data;

  return m->direction == w->direction && m->attachment != NULL && m->attachment->state == w->state &&
         g_str_has_prefix (m->attachment->name, w->name_prefix);
}

gboolean
preview_shown (gpointer data)
{
  GtkWidget *preview = row_child (*(gint64 *) data, "attachment-preview");

  return preview != NULL && gtk_widget_is_visible (preview) &&
         gtk_picture_get_paintable (GTK_PICTURE (gtk_widget_get_first_child (preview))) != NULL;
}

char *
checksum_of (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* A picture of 640×400: stripes, so the preview is visibly one. */
GdkTexture *
make_texture (void)
{
  const int w = 640, h = 400;
  g_autofree guchar *pixels = g_malloc (w * h * 3);
  g_autoptr(GBytes) bytes = NULL;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guchar *p = pixels + (y * w + x) * 3;

        p[0] = (x / 40) % 2 ? 0x35 : 0xf6;
        p[1] = (y / 40) % 2 ? 0x84 : 0xd3;
        p[2] = 0xe4;
      }
  bytes = g_bytes_new_take (g_steal_pointer (&pixels), w * h * 3);
  return gdk_memory_texture_new (w, h, GDK_MEMORY_R8G8B8, bytes, w * 3);
}

GtkDropTarget *
drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Ann's page in a window and Bat, connected; the conversation with Bat
 * open. */
void
actions_start (int    *argc,
               char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  live_start (*argc, *argv, accounts);
  tmp_dir = g_dir_make_tmp ("holboo-ui-actions-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  bat = live_account_new ("bat", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  live_account_connect (ann);
  live_account_connect (bat);

  chats_load_app_resources ();
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 900, 720);
  page = HOLBOO_CHATS_PAGE (holboo_chats_page_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (chats_wait_until (is_mapped, window, 10000));
  holboo_chats_page_set_account (page, ann->account);
}

void
actions_open_bat (void)
{
  holboo_chats_page_open_conversation (page, live_account_jid (bat));
  g_assert_true (chats_wait_until (open_list_loaded, NULL, 10000));
  view = chats_find_type (GTK_WIDGET (page), HOLBOO_TYPE_CONVERSATION_VIEW);
  /* The list, or "No Messages Yet" in an empty conversation. */
  g_assert_true (chats_wait_until (is_mapped, view, 5000));
}

void
actions_stop (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
  g_autoptr(GFileEnumerator) e = NULL;
  GFileInfo *info;

  gtk_window_destroy (window);
  live_account_free (ann, FALSE);
  live_account_free (bat, FALSE);
  live_stop ();
  e = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  while (e != NULL && (info = g_file_enumerator_next_file (e, NULL, NULL)) != NULL)
    {
      g_autofree char *p = g_build_filename (tmp_dir, g_file_info_get_name (info), NULL);

      g_unlink (p);
      g_object_unref (info);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}
