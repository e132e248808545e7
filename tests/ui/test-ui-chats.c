/* test-ui-chats.c: the Chats page against a real Prosody, in-process
 * under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann uses the page; Bat is a second HolbooAccount in this process,
 * with its own store, talking to Ann through the server.  Bat's history
 * (130 messages, styled text, a /me and a message of 100,000
 * characters) is in Ann's store before the page opens.  Checked: the
 * conversation list and its search; the conversation opens on its
 * newest messages; a message Bat sends shows up while it is open;
 * typing (real X key events, xdotool) and Enter sends, Shift+Enter
 * makes a new line, and the row follows the delivery state to
 * "delivered"; scrolling to the top loads older messages without moving
 * what is on screen; the long message is cut with "Show More", which
 * shows all of it; the New Chat dialog checks the address.  Screenshots
 * of each state, light and dark, go to $HOLBOO_TEST_ARTEFACTS.
 */

#include "config.h"

#include "chats-test-util.h"
#include "core-live-util.h"
#include "holboo-conversation-view.h"

#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#define N_HISTORY 130
#define LONG_LENGTH 100000

static const char * const accounts[] = { "ann", "bat", "cel", NULL };

static LiveAccount *ann, *bat;
static GtkWindow   *window;
static HolbooChatsPage *page;
static char        *long_body;

static gboolean
conversations_loaded (gpointer data)
{
  HolbooConversationList *list = holboo_chats_page_get_conversations (page);

  return list != NULL && holboo_conversation_list_get_loaded (list);
}

static gboolean
open_list_loaded (gpointer data)
{
  HolbooMessageList *list = holboo_chats_page_get_open_list (page);

  return list != NULL && holboo_message_list_get_loaded (list);
}

static gboolean
row_shown (gpointer data)
{
  return chats_find_row (GTK_WIDGET (page), data) != NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
send_raw (LiveAccount *from,
          LiveAccount *to,
          const char  *id,
          const char  *body)
{
  g_autoptr(HolbooJid) to_jid = holboo_jid_parse (live_account_jid (to), -1, NULL);
  g_autoptr(HolbooXmlNode) message = live_chat (to_jid, id, body);
  g_autoptr(GError) error = NULL;

  holboo_xmpp_connection_send (holboo_account_get_connection (from->account), message, &error);
  g_assert_no_error (error);
}

typedef struct {
  LiveAccount *live;
  guint        n;
} AddedWait;

static gboolean
ann_has_received (gpointer data)
{
  AddedWait *wait = data;

  return wait->live->added_in >= wait->n;
}

static void
seed_history (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *words[] = { "сайн", "байна", "уу", "meeting", "tomorrow", "тайлан", "at", "10:00", "дуудлага" };

  /* A conversation in order: Ann answers after Bat's messages arrived. */
  for (guint i = 0, from_bat = 0; i < N_HISTORY; i++)
    {
      g_autofree char *body = g_strdup_printf ("old %u", i);
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;

      if (i % 3 == 2)
        {
          AddedWait wait = { ann, from_bat };

          g_assert_true (live_wait (ann_has_received, &wait, 10000));
          id = holboo_account_send_message (ann->account, live_account_jid (bat), body, &error);
        }
      else
        {
          id = holboo_account_send_message (bat->account, live_account_jid (ann), body, &error);
          from_bat++;
        }
      g_assert_no_error (error);
    }

  for (guint i = 0; text->len < 2 * LONG_LENGTH; i++)
    g_string_append_printf (text, "%s%s", words[i % G_N_ELEMENTS (words)], i % 17 == 16 ? ".\n" : " ");
  /* 100,000 characters (more bytes: Cyrillic takes two each). */
  long_body = g_strndup (text->str, g_utf8_offset_to_pointer (text->str, LONG_LENGTH) - text->str);
  g_assert_cmpint (g_utf8_strlen (long_body, -1), ==, LONG_LENGTH);

  send_raw (bat, ann, "styled-1",
            "> did you see the *report*?\n"
            "Yes: _the numbers_ look ~wrong~ fine, see https://example.mn/report?id=7.\n"
            "```\nrevenue = 42 * 3\n```");
  send_raw (bat, ann, "me-1", "/me waves from the front desk");
  send_raw (bat, ann, "long-1", long_body);

  g_assert_true (live_account_wait_count (ann, live_account_jid (bat), HOLBOO_MESSAGE_INCOMING,
                                          N_HISTORY - N_HISTORY / 3 + 3, 60000));
  g_assert_true (live_account_wait_state (ann, live_account_jid (bat), HOLBOO_MESSAGE_STATE_DELIVERED, 60000));
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  chats_run_for (150);
}

static void
screenshots (const char *name)
{
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  set_dark (FALSE);
  chats_save_artefact (GTK_WIDGET (window), name);
  set_dark (TRUE);
  chats_save_artefact (GTK_WIDGET (window), dark);
  set_dark (FALSE);
}

static void
test_signed_out (void)
{
  GtkWidget *status;

  holboo_chats_page_set_account (page, NULL);
  status = chats_find_type (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_true (chats_wait_until (is_mapped, status, 5000));
  screenshots ("signed-out");
}

static void
test_conversation_list (void)
{
  GtkWidget *search = chats_find_named (GTK_WIDGET (page), "chat-search");
  GtkWidget *list_view = chats_find_named (GTK_WIDGET (page), "conversation-list");
  HolbooConversationItem *conv;

  holboo_chats_page_set_account (page, ann->account);
  g_assert_true (chats_wait_until (conversations_loaded, NULL, 10000));
  conv = holboo_conversation_list_lookup (holboo_chats_page_get_conversations (page), live_account_jid (bat), NULL);
  g_assert_nonnull (conv);
  g_assert_cmpuint (holboo_conversation_item_get_unread (conv), >, 0);
  g_assert_true (chats_wait_until (is_mapped, list_view, 5000));
  screenshots ("conversations");

  /* Search as you type: nothing matches, then Bat again. */
  gtk_editable_set_text (GTK_EDITABLE (search), "zzz");
  chats_run_for (300);   /* the search entry waits a little before it searches */
  g_assert_false (gtk_widget_get_mapped (list_view));
  screenshots ("no-results");
  gtk_editable_set_text (GTK_EDITABLE (search), "BAT");
  chats_run_for (300);
  g_assert_true (gtk_widget_get_mapped (list_view));
}

static void
test_open (void)
{
  GtkWidget *list_view;
  HolbooConversationItem *conv;
  HolbooMessageRow *row;
  GtkWidget *show_more;

  holboo_chats_page_open_conversation (page, live_account_jid (bat));
  g_assert_true (chats_wait_until (open_list_loaded, NULL, 10000));
  list_view = chats_find_named (GTK_WIDGET (page), "message-list");
  g_assert_true (chats_wait_until (is_mapped, list_view, 5000));

  /* The newest messages are on screen: the long one, cut, with Show More. */
  g_assert_true (chats_wait_until (row_shown, long_body, 5000));
  row = chats_find_row (GTK_WIDGET (page), long_body);
  show_more = chats_find_named (GTK_WIDGET (row), "show-more");
  g_assert_true (gtk_widget_get_visible (show_more));
  g_assert_cmpuint (strlen (gtk_label_get_text (GTK_LABEL (chats_find_named (GTK_WIDGET (row), "message-body")))),
                    <, 4 * HOLBOO_MESSAGE_ROW_MAX_CHARS);
  g_assert_nonnull (chats_find_row (GTK_WIDGET (page), "/me waves from the front desk"));

  /* Opened and looked at: read. */
  conv = holboo_conversation_list_lookup (holboo_chats_page_get_conversations (page), live_account_jid (bat), NULL);
  g_assert_cmpuint (holboo_conversation_item_get_unread (conv), ==, 0);
  screenshots ("conversation");

  /* Show More: all of it, in a window of its own. */
  g_signal_emit_by_name (show_more, "clicked");
  {
    GtkWidget *viewer = NULL;
    g_autoptr(GList) toplevels = NULL;
    GtkTextBuffer *buffer;
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    chats_run_for (200);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (g_strcmp0 (gtk_widget_get_name (l->data), "message-viewer") == 0)
        viewer = l->data;
    g_assert_nonnull (viewer);
    g_assert_true (chats_wait_until (is_mapped, viewer, 5000));
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (chats_find_type (viewer, GTK_TYPE_TEXT_VIEW)));
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, long_body);
    chats_save_artefact (viewer, "show-more");
    gtk_window_destroy (GTK_WINDOW (viewer));
  }
}

static void
test_incoming (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = holboo_account_send_message (bat->account, live_account_jid (ann), "live hello from bat", &error);

  g_assert_no_error (error);
  g_assert_true (chats_wait_until (row_shown, (gpointer) "live hello from bat", 10000));
}

static gboolean
row_delivered (gpointer data)
{
  HolbooMessageRow *row = chats_find_row (GTK_WIDGET (page), data);

  return row != NULL &&
         g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (chats_find_named (GTK_WIDGET (row), "message-state"))),
                    "holboo-message-delivered-symbolic") == 0;
}

static void
test_type_and_send (void)
{
  GtkWidget *composer = chats_find_named (GTK_WIDGET (page), "composer");
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  const char *focus[] = { "xdotool", "windowfocus", "--sync", xid, NULL };
  const char *type1[] = { "xdotool", "type", "--delay", "5", "first line", NULL };
  const char *newline[] = { "xdotool", "key", "shift+Return", NULL };
  const char *type2[] = { "xdotool", "type", "--delay", "5", "second line", NULL };
  const char *enter[] = { "xdotool", "key", "Return", NULL };
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (composer));
  HolbooMessageRow *row;

  chats_run_tool (focus);
  gtk_widget_grab_focus (composer);
  chats_run_for (100);
  chats_run_tool (type1);
  chats_run_tool (newline);
  chats_run_tool (type2);
  chats_run_for (100);
  screenshots ("composing");
  chats_run_tool (enter);

  g_assert_true (chats_wait_until (row_shown, (gpointer) "first line\nsecond line", 10000));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, 0);
  row = chats_find_row (GTK_WIDGET (page), "first line\nsecond line");
  g_assert_true (gtk_widget_get_visible (chats_find_named (GTK_WIDGET (row), "message-state")));
  g_assert_true (chats_wait_until (row_delivered, (gpointer) "first line\nsecond line", 20000));
  g_assert_true (live_account_wait_count (bat, live_account_jid (ann), HOLBOO_MESSAGE_INCOMING,
                                          N_HISTORY / 3 + 1, 10000));
  screenshots ("sent");
}

typedef struct {
  HolbooMessageList *list;
  guint              n;
} CountWait;

static gboolean
has_more_than (gpointer data)
{
  CountWait *w = data;

  return g_list_model_get_n_items (G_LIST_MODEL (w->list)) > w->n &&
         !holboo_message_list_get_loading (w->list);
}

static void
test_scroll_back (void)
{
  GtkWidget *list_view = chats_find_named (GTK_WIDGET (page), "message-list");
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  HolbooMessageList *list = holboo_chats_page_get_open_list (page);
  CountWait wait = { list, g_list_model_get_n_items (G_LIST_MODEL (list)) };
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  graphene_point_t at;
  gint64 seen_id = 0;
  float seen_y = 0, now_y;
  guint position = 0;

  g_assert_cmpuint (wait.n, <, N_HISTORY);

  /* The user turns the wheel up, one notch at a time, until an older
   * page comes in; before each notch we note which message is at the
   * top of the view and where. */
  g_assert_true (gtk_widget_compute_point (list_view, GTK_WIDGET (window), &GRAPHENE_POINT_INIT (100, 100), &at));
  x = g_strdup_printf ("%d", (int) at.x);
  y = g_strdup_printf ("%d", (int) at.y);
  {
    const char *move[] = { "xdotool", "mousemove", "--window", xid, x, y, NULL };

    chats_run_tool (move);
  }
  for (guint i = 0; i < 300 && g_list_model_get_n_items (G_LIST_MODEL (list)) == wait.n; i++)
    {
      const char *wheel[] = { "xdotool", "click", "4", NULL };

      seen_id = chats_top_visible_id (list_view);
      seen_y = chats_row_y (list_view, seen_id);
      chats_run_tool (wheel);
      chats_run_for (20);
    }

  /* The page came in above; the message at the top stays where it was,
   * give or take the one notch that asked for the page. */
  g_assert_true (chats_wait_until (has_more_than, &wait, 10000));
  chats_run_for (300);
  now_y = chats_row_y (list_view, seen_id);
  holboo_message_list_find (list, seen_id, &position);
  g_test_message ("%u → %u messages; message %u of the list was at %.0f px, is at %.0f px (value %.0f)",
                  wait.n, g_list_model_get_n_items (G_LIST_MODEL (list)), position, seen_y, now_y,
                  gtk_adjustment_get_value (adj));
  g_assert_false (isnan (now_y));
  g_assert_cmpfloat (fabsf (now_y - seen_y), <, 150);
  g_assert_cmpuint (position, >=, g_list_model_get_n_items (G_LIST_MODEL (list)) - wait.n);
  screenshots ("scrolled-back");
}

static void
test_new_chat (void)
{
  GtkWidget *dialog = NULL;
  GtkWidget *entry;
  g_autoptr(GList) toplevels = NULL;
  g_autofree char *cel = g_strdup_printf ("cel@%s", holboo_test_server_get_domain (live.server));

  gtk_widget_activate_action (GTK_WIDGET (page), "chats.new-chat", NULL);
  chats_run_for (200);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), "new-chat-dialog") == 0)
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_true (chats_wait_until (is_mapped, dialog, 5000));
  entry = chats_find_named (dialog, "new-chat-address");

  gtk_editable_set_text (GTK_EDITABLE (entry), "not an@address@at all");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "start"));
  g_assert_true (gtk_widget_get_visible (chats_find_named (dialog, "new-chat-error")));
  chats_save_artefact (dialog, "new-chat-invalid");

  gtk_editable_set_text (GTK_EDITABLE (entry), cel);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "start"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "start");
  chats_run_for (200);

  g_assert_cmpstr (holboo_chats_page_get_open_peer (page), ==, cel);
  g_assert_nonnull (holboo_conversation_list_lookup (holboo_chats_page_get_conversations (page), cel, NULL));
  screenshots ("new-chat");
}

static gboolean
bat_last_body_is (gpointer data)
{
  HolbooConversationItem *conv = holboo_conversation_list_lookup (holboo_chats_page_get_conversations (page),
                                                                  live_account_jid (bat), NULL);

  return conv != NULL && g_strcmp0 (holboo_conversation_item_get_last_body (conv), data) == 0;
}

static gboolean
row_in_view (gpointer data)
{
  GtkWidget *list_view = chats_find_named (GTK_WIDGET (page), "message-list");
  HolbooMessageRow *row = chats_find_row (GTK_WIDGET (page), data);
  float y;

  if (row == NULL)
    return FALSE;
  y = chats_row_y (list_view, holboo_message_item_get_id (holboo_message_row_get_item (row)));
  return !isnan (y) && y >= 0 && y < gtk_widget_get_height (gtk_widget_get_parent (list_view));
}

/* Going back to a conversation shows the list view it had (kept while
 * another conversation was open), with what came in meanwhile, in view. */
static void
test_switch_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cel = g_strdup_printf ("cel@%s", holboo_test_server_get_domain (live.server));
  g_autofree char *id = NULL;
  GtkWidget *bat_list;

  holboo_chats_page_open_conversation (page, live_account_jid (bat));
  g_assert_true (chats_wait_until (open_list_loaded, NULL, 10000));
  chats_run_for (200);
  bat_list = chats_find_named (GTK_WIDGET (page), "message-list");
  g_assert_nonnull (bat_list);

  holboo_chats_page_open_conversation (page, cel);
  chats_run_for (200);
  g_assert_true (chats_find_named (GTK_WIDGET (page), "message-list") != bat_list);

  id = holboo_account_send_message (bat->account, live_account_jid (ann), "sent while away", &error);
  g_assert_no_error (error);
  g_assert_true (chats_wait_until (bat_last_body_is, (gpointer) "sent while away", 10000));
  g_assert_null (chats_find_row (GTK_WIDGET (page), "sent while away"));

  holboo_chats_page_open_conversation (page, live_account_jid (bat));
  g_assert_true (chats_find_named (GTK_WIDGET (page), "message-list") == bat_list);
  g_assert_true (chats_wait_until (row_in_view, (gpointer) "sent while away", 10000));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  live_start (argc, argv, accounts);

  ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  bat = live_account_new ("bat", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  live_account_connect (ann);
  live_account_connect (bat);
  seed_history ();

  chats_load_app_resources ();
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1000, 700);
  page = HOLBOO_CHATS_PAGE (holboo_chats_page_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (chats_wait_until (is_mapped, window, 10000));

  g_test_add_func ("/ui/chats/signed-out", test_signed_out);
  g_test_add_func ("/ui/chats/conversation-list", test_conversation_list);
  g_test_add_func ("/ui/chats/open", test_open);
  g_test_add_func ("/ui/chats/incoming", test_incoming);
  g_test_add_func ("/ui/chats/type-and-send", test_type_and_send);
  g_test_add_func ("/ui/chats/scroll-back", test_scroll_back);
  g_test_add_func ("/ui/chats/new-chat", test_new_chat);
  g_test_add_func ("/ui/chats/switch-back", test_switch_back);

  status = g_test_run ();

  gtk_window_destroy (window);
  live_account_free (ann, FALSE);
  live_account_free (bat, FALSE);
  g_free (long_body);
  live_stop ();
  return status;
}
