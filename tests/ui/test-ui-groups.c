/* test-ui-groups.c: group chats, notifications, pins, search and typing
 * on the Chats page against a real Prosody, in-process under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann uses the page; Bat and Cel are HolbooAccounts in this process with
 * stores of their own.  Checked, in order:
 *  - a group of three: Bat creates it with Cel, they talk, then invite
 *    Ann; the invitation shows above the list, Join opens the group
 *    with the history from before Ann was in it, with sender names;
 *    Ann writes from the composer and Bat and Cel get it; Bat's answer
 *    shows; the members popover lists the three;
 *  - New Group: Ann creates a group inviting Bat, who joins and writes;
 *  - Join Group: Ann joins a group of Cel's by its address;
 *  - pin and mute from the conversation's actions: pinned on top, muted
 *    shown, a muted conversation does not notify, another one does
 *    (HolbooNotifier::notified), with the sender and the text;
 *  - Ctrl+F finds an old message of the group and jumps to it; the
 *    global search finds it too and opens the conversation at it;
 *  - Bat typing shows "typing…" in the list and the header;
 *  - leaving a group takes it off the list, and the others see Ann go.
 * Screenshots of each state, light and dark, go to
 * $HOLBOO_TEST_ARTEFACTS.
 */

#include "config.h"

#include "chats-test-util.h"
#include "core-live-util.h"
#include "holboo-account-rooms.h"
#include "holboo-conversation-view.h"
#include "holboo-invitation-bar.h"
#include "holboo-new-group-dialog.h"
#include "holboo-notifier.h"
#include "holboo-search-window.h"

#include <string.h>

static const char * const accounts[] = { "ann", "bat", "cel", NULL };

static LiveAccount *ann, *bat, *cel;
static GtkWindow   *window;
static HolbooChatsPage *page;
static char        *team_room;      /* Bat's group, Ann joins late */
static char        *bat_invited_to; /* the last invitation Bat got */
static GPtrArray   *notified;       /* peers, as HolbooNotifier::notified said */

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

static HolbooRoom *
create_room (LiveAccount        *live,
             const char         *jid,
             const char         *name,
             const char * const *members)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  HolbooRoom *room;

  holboo_account_create_room_async (live->account, jid, live->user, name, members, NULL, on_result, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 60000));
  room = holboo_account_create_room_finish (live->account, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return room;
}

static HolbooRoom *
join_room (LiveAccount *live,
           const char  *jid)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  HolbooRoom *room;

  holboo_account_join_room_async (live->account, jid, live->user, NULL, NULL, on_result, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 60000));
  room = holboo_account_join_room_finish (live->account, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  return room;
}

static void
invite (LiveAccount *live,
        const char  *room,
        const char  *user)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_invite_async (live->account, room, user, NULL, NULL, on_result, &result);
  g_assert_true (chats_wait_until (result_ready, &result, 30000));
  g_assert_true (holboo_account_invite_finish (live->account, result, &error));
  g_object_unref (result);
  g_assert_no_error (error);
}

static void
say (LiveAccount *live,
     const char  *room,
     const char  *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = holboo_account_send_groupchat (live->account, room, body, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
row_shown (gpointer data)
{
  return chats_find_row (GTK_WIDGET (page), data) != NULL;
}

static gboolean
open_peer_is (gpointer data)
{
  return g_strcmp0 (holboo_chats_page_get_open_peer (page), data) == 0;
}

static gboolean
conversations_loaded (gpointer data)
{
  HolbooConversationList *list = holboo_chats_page_get_conversations (page);

  return list != NULL && holboo_conversation_list_get_loaded (list);
}

static GtkWidget *
find_toplevel (const char *name)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_widget_get_name (l->data), name) == 0 && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWidget *w = find_toplevel (data);

  return w != NULL && gtk_widget_get_mapped (w);
}

static gboolean
toplevel_gone (gpointer data)
{
  return find_toplevel (data) == NULL;
}

static void
set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  chats_run_for (150);
}

static void
screenshots (GtkWidget  *widget,
             const char *name)
{
  g_autofree char *dark = g_strconcat (name, "-dark", NULL);

  set_dark (FALSE);
  chats_save_artefact (widget, name);
  set_dark (TRUE);
  chats_save_artefact (widget, dark);
  set_dark (FALSE);
}

static char *
room_address (const char *name)
{
  return g_strdup_printf ("%s@%s", name, holboo_test_server_get_muc_service (live.server));
}

static const char *
sender_of (HolbooMessageRow *row)
{
  GtkWidget *label = row != NULL ? chats_find_named (GTK_WIDGET (row), "message-sender") : NULL;

  return GTK_IS_LABEL (label) && gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

typedef struct {
  const char *text;
  const char *sender;
} RowSender;

/* A row can show before the messages around it settled (an older page
 * from the archive makes it start a group), so its sender is waited for. */
static gboolean
row_sender_is (gpointer data)
{
  RowSender *expected = data;

  return g_strcmp0 (sender_of (chats_find_row (GTK_WIDGET (page), expected->text)), expected->sender) == 0;
}

static void
assert_row_sender (const char *text,
                   const char *sender)
{
  RowSender expected = { text, sender };

  if (!chats_wait_until (row_sender_is, &expected, 10000))
    g_error ("The row “%s” shows the sender “%s”, not “%s”", text,
             sender_of (chats_find_row (GTK_WIDGET (page), text)), sender);
}

static gboolean
invitation_shown (gpointer data)
{
  HolbooInvitationBar *bar = HOLBOO_INVITATION_BAR (chats_find_type (GTK_WIDGET (page), HOLBOO_TYPE_INVITATION_BAR));

  return g_strcmp0 (holboo_invitation_bar_get_room (bar), data) == 0 &&
         gtk_widget_get_mapped (chats_find_named (GTK_WIDGET (bar), "invitation-join"));
}

static void
test_group_of_three (void)
{
  const char *members[] = { live_account_jid (cel), live_account_jid (ann), NULL };
  g_autoptr(HolbooRoom) bat_room = NULL;
  g_autoptr(HolbooRoom) cel_room = NULL;
  GtkWidget *join;
  HolbooConversationItem *item;
  GtkTextBuffer *buffer;

  team_room = room_address ("borluulalt");
  bat_room = create_room (bat, team_room, "Борлуулалт", members);
  cel_room = join_room (cel, team_room);

  /* Before Ann is in the group. */
  say (bat, team_room, "Өнөөдрийн тайлан бэлэн үү?");
  g_assert_true (live_account_wait_count (cel, team_room, HOLBOO_MESSAGE_INCOMING, 1, 20000));
  say (cel, team_room, "Yes, the quarterly report is ready");
  say (bat, team_room, "Сайн байна, баярлалаа");
  g_assert_true (live_account_wait_count (cel, team_room, HOLBOO_MESSAGE_INCOMING, 2, 20000));

  invite (bat, team_room, live_account_jid (ann));
  g_assert_true (chats_wait_until (invitation_shown, team_room, 20000));
  screenshots (GTK_WIDGET (window), "invitation");

  join = chats_find_named (GTK_WIDGET (page), "invitation-join");
  g_signal_emit_by_name (join, "clicked");
  g_assert_true (chats_wait_until (open_peer_is, team_room, 30000));

  /* The history from before Ann joined, each with its sender. */
  g_assert_true (chats_wait_until (row_shown, (gpointer) "Yes, the quarterly report is ready", 30000));
  g_assert_true (chats_wait_until (row_shown, (gpointer) "Өнөөдрийн тайлан бэлэн үү?", 10000));
  assert_row_sender ("Yes, the quarterly report is ready", "cel");
  assert_row_sender ("Өнөөдрийн тайлан бэлэн үү?", "bat");

  item = holboo_conversation_list_lookup (holboo_chats_page_get_conversations (page), team_room, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (holboo_conversation_item_get_kind (item), ==, HOLBOO_CONVERSATION_GROUP);
  g_assert_cmpstr (holboo_conversation_item_get_name (item), ==, "Борлуулалт");

  /* Ann writes from the composer; both others get it. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (chats_find_named (GTK_WIDGET (page), "composer")));
  gtk_text_buffer_set_text (buffer, "Hello team, Ann here", -1);
  gtk_widget_activate_action (chats_find_named (GTK_WIDGET (page), "composer"), "conversation.send", NULL);
  g_assert_true (chats_wait_until (row_shown, (gpointer) "Hello team, Ann here", 10000));
  g_assert_true (live_account_wait_count (bat, team_room, HOLBOO_MESSAGE_INCOMING, 2, 20000));
  g_assert_true (live_account_wait_count (cel, team_room, HOLBOO_MESSAGE_INCOMING, 3, 20000));

  say (bat, team_room, "Welcome, Ann!");
  g_assert_true (chats_wait_until (row_shown, (gpointer) "Welcome, Ann!", 20000));
  assert_row_sender ("Welcome, Ann!", "bat");
  screenshots (GTK_WIDGET (window), "group");
}

static gboolean
three_members (gpointer data)
{
  HolbooRoom *room = holboo_account_get_room (ann->account, team_room);

  return room != NULL && g_list_model_get_n_items (holboo_room_get_occupants (room)) == 3;
}

static void
test_members (void)
{
  GtkWidget *button = chats_find_named (GTK_WIDGET (page), "members-button");
  GtkWidget *popover, *list;

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (chats_wait_until (three_members, NULL, 10000));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (chats_wait_until (is_mapped, popover, 5000));
  list = chats_find_named (popover, "occupant-list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 3);
  chats_run_for (200);
  screenshots (GTK_WIDGET (window), "members");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static void
on_bat_invited (HolbooAccount *account,
                const char    *room,
                const char    *from,
                const char    *reason,
                const char    *password,
                gpointer       user_data)
{
  g_free (bat_invited_to);
  bat_invited_to = g_strdup (room);
}

static gboolean
bat_was_invited (gpointer data)
{
  return bat_invited_to != NULL;
}

static void
test_new_group (void)
{
  GtkWidget *dialog;
  g_autoptr(HolbooRoom) room = NULL;
  HolbooConversationItem *item;

  g_signal_connect (bat->account, "invitation-received", G_CALLBACK (on_bat_invited), NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "chats.new-group", NULL);
  g_assert_true (chats_wait_until (toplevel_shown, (gpointer) "new-group-dialog", 5000));
  dialog = find_toplevel ("new-group-dialog");
  holboo_new_group_dialog_set_name (HOLBOO_NEW_GROUP_DIALOG (dialog), "Support Team");
  holboo_new_group_dialog_set_addresses (HOLBOO_NEW_GROUP_DIALOG (dialog), live_account_jid (bat));
  chats_run_for (100);
  screenshots (dialog, "new-group");
  holboo_new_group_dialog_submit (HOLBOO_NEW_GROUP_DIALOG (dialog));
  g_assert_true (chats_wait_until (toplevel_gone, (gpointer) "new-group-dialog", 60000));

  /* Bat is invited, joins and writes; Ann sees it in the new group. */
  g_assert_true (chats_wait_until (bat_was_invited, NULL, 30000));
  g_assert_true (g_str_has_suffix (bat_invited_to, holboo_test_server_get_muc_service (live.server)));
  g_assert_true (g_str_has_prefix (bat_invited_to, "support-team-"));
  g_assert_true (chats_wait_until (open_peer_is, bat_invited_to, 10000));
  item = holboo_conversation_list_lookup (holboo_chats_page_get_conversations (page), bat_invited_to, NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (holboo_conversation_item_get_name (item), ==, "Support Team");
  room = join_room (bat, bat_invited_to);
  say (bat, bat_invited_to, "Thanks for the invitation");
  g_assert_true (chats_wait_until (row_shown, (gpointer) "Thanks for the invitation", 20000));
  screenshots (GTK_WIDGET (window), "new-group-open");
}

static void
test_join_group (void)
{
  const char *members[] = { live_account_jid (ann), NULL };
  g_autofree char *address = room_address ("nyarav");
  g_autoptr(HolbooRoom) room = create_room (cel, address, "Нярав", members);
  GtkWidget *dialog, *entry;

  gtk_widget_activate_action (GTK_WIDGET (page), "chats.join-group", NULL);
  g_assert_true (chats_wait_until (toplevel_shown, (gpointer) "join-group-dialog", 5000));
  dialog = find_toplevel ("join-group-dialog");
  entry = chats_find_named (dialog, "join-group-address");
  gtk_editable_set_text (GTK_EDITABLE (entry), "not a group");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "join"));
  gtk_editable_set_text (GTK_EDITABLE (entry), address);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "join"));
  chats_run_for (200);
  screenshots (GTK_WIDGET (window), "join-group");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "join");
  g_assert_true (chats_wait_until (open_peer_is, address, 30000));
  say (cel, address, "Нярав руу тавтай морил");
  g_assert_true (chats_wait_until (row_shown, (gpointer) "Нярав руу тавтай морил", 20000));
}

static void
on_notified (GObject    *notifier,
             const char *id,
             const char *peer,
             const char *title,
             const char *body,
             gpointer    user_data)
{
  g_ptr_array_add (notified, g_strdup_printf ("%s|%s|%s", peer, title, body));
}

typedef struct {
  HolbooConversationItem *item;
  const char             *property;
} FlagWait;

static gboolean
item_flag (gpointer data)
{
  FlagWait *w = data;
  gboolean value = FALSE;
  gint64 pinned = 0;

  if (g_str_equal (w->property, "pinned-at"))
    {
      g_object_get (w->item, "pinned-at", &pinned, NULL);
      return pinned > 0;
    }
  g_object_get (w->item, w->property, &value, NULL);
  return value;
}

static gboolean
notified_contains (gpointer data)
{
  for (guint i = 0; i < notified->len; i++)
    if (strstr (notified->pdata[i], data) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_pin_mute_notify (void)
{
  HolbooConversationList *list = holboo_chats_page_get_conversations (page);
  HolbooConversationItem *team = holboo_conversation_list_lookup (list, team_room, NULL);
  HolbooConversationItem *bat_chat, *first;
  FlagWait pinned = { team, "pinned-at" };
  FlagWait muted = { team, "muted" };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *expected = NULL;
  guint position = G_MAXUINT;

  g_signal_connect (holboo_chats_page_get_notifier (page), "notified", G_CALLBACK (on_notified), NULL);

  /* Pinned: on top, though others are newer. */
  gtk_widget_activate_action (GTK_WIDGET (page), "chats.toggle-pin", "s", team_room);
  g_assert_true (chats_wait_until (item_flag, &pinned, 10000));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == team);
  g_object_unref (first);

  /* Muted: Bat's messages in the group stay silent … */
  gtk_widget_activate_action (GTK_WIDGET (page), "chats.toggle-mute", "s", team_room);
  g_assert_true (chats_wait_until (item_flag, &muted, 10000));
  holboo_chats_page_close_conversation (page);
  say (bat, team_room, "a quiet message in a muted group");
  g_assert_true (live_account_wait_count (ann, team_room, HOLBOO_MESSAGE_INCOMING, 4, 20000));

  /* … while a message from Bat in another conversation notifies. */
  id = holboo_account_send_message (bat->account, live_account_jid (ann), "Are you free for a call at 3?", &error);
  g_assert_no_error (error);
  g_assert_true (chats_wait_until (notified_contains, (gpointer) "Are you free for a call at 3?", 20000));
  g_assert_false (notified_contains ((gpointer) "a quiet message in a muted group"));
  expected = g_strdup_printf ("%s|bat|Are you free for a call at 3?", live_account_jid (bat));
  g_assert_true (notified_contains (expected));
  bat_chat = holboo_conversation_list_lookup (list, live_account_jid (bat), NULL);
  g_assert_nonnull (bat_chat);
  g_assert_cmpuint (holboo_chats_page_get_unread (page), >=, 2);

  g_assert_true (holboo_conversation_list_lookup (list, team_room, &position) != NULL);
  g_assert_cmpuint (position, ==, 0);
  screenshots (GTK_WIDGET (window), "pinned-muted");

  /* Looking at the conversation: no notification for it. */
  holboo_chats_page_open_conversation (page, live_account_jid (bat));
  g_ptr_array_set_size (notified, 0);
  id = (g_free (id), holboo_account_send_message (bat->account, live_account_jid (ann), "seen at once", &error));
  g_assert_true (chats_wait_until (row_shown, (gpointer) "seen at once", 20000));
  if (gtk_window_is_active (window))
    g_assert_false (notified_contains ((gpointer) "seen at once"));

  /* Unpinned and unmuted again. */
  gtk_widget_activate_action (GTK_WIDGET (page), "chats.toggle-mute", "s", team_room);
  gtk_widget_activate_action (GTK_WIDGET (page), "chats.toggle-pin", "s", team_room);
  live_account_flush (ann);
  chats_run_for (100);
  g_assert_false (holboo_conversation_item_get_muted (team));
  g_assert_false (holboo_conversation_item_get_pinned (team));
}

static gboolean
search_found (gpointer data)
{
  return holboo_conversation_search_get_n_hits (data) > 0 && holboo_conversation_search_get_current (data) != 0;
}

static gboolean
view_matches (gpointer data)
{
  HolbooConversationView *view = HOLBOO_CONVERSATION_VIEW (chats_find_type (GTK_WIDGET (page), HOLBOO_TYPE_CONVERSATION_VIEW));
  HolbooMessageRow *row = chats_find_row (GTK_WIDGET (page), data);

  return holboo_conversation_view_get_match (view) != 0 && row != NULL &&
         gtk_widget_has_css_class (GTK_WIDGET (row), "holboo-search-match");
}

static gboolean
has_hits (gpointer data)
{
  return holboo_search_window_get_n_hits (data) > 0;
}

static void
test_search (void)
{
  HolbooConversationView *view;
  HolbooConversationSearch *search;
  GtkWidget *entry, *search_window;

  /* In the conversation: Ctrl+F, a word of an old message. */
  holboo_chats_page_open_conversation (page, team_room);
  view = HOLBOO_CONVERSATION_VIEW (chats_find_type (GTK_WIDGET (page), HOLBOO_TYPE_CONVERSATION_VIEW));
  search = holboo_conversation_view_get_search (view);
  gtk_widget_activate_action (GTK_WIDGET (view), "conversation.search", NULL);
  g_assert_true (holboo_conversation_search_get_open (search));
  entry = chats_find_named (GTK_WIDGET (search), "conversation-search-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "quarterly");
  g_assert_true (chats_wait_until (search_found, search, 10000));
  g_assert_cmpuint (holboo_conversation_search_get_n_hits (search), ==, 1);
  g_assert_true (chats_wait_until (view_matches, (gpointer) "Yes, the quarterly report is ready", 10000));
  screenshots (GTK_WIDGET (window), "search-conversation");
  holboo_conversation_search_close (search);

  /* Everywhere: the same message from the Chats page's search. */
  holboo_chats_page_open_conversation (page, live_account_jid (bat));
  gtk_widget_activate_action (GTK_WIDGET (page), "chats.search-messages", NULL);
  g_assert_true (chats_wait_until (toplevel_shown, (gpointer) "search-window", 5000));
  search_window = find_toplevel ("search-window");
  holboo_search_window_set_text (HOLBOO_SEARCH_WINDOW (search_window), "тайлан");
  g_assert_true (chats_wait_until (has_hits, search_window, 10000));
  chats_run_for (400);
  screenshots (search_window, "search-all");
  g_assert_true (holboo_search_window_activate_hit (HOLBOO_SEARCH_WINDOW (search_window), 0));
  g_assert_true (chats_wait_until (open_peer_is, team_room, 10000));
  g_assert_true (chats_wait_until (view_matches, (gpointer) "Өнөөдрийн тайлан бэлэн үү?", 10000));
  gtk_window_set_focus (GTK_WINDOW (search_window), NULL);
  gtk_window_destroy (GTK_WINDOW (search_window));
}

static gboolean
item_typing (gpointer data)
{
  return holboo_conversation_item_get_typing (data);
}

static gboolean
item_not_typing (gpointer data)
{
  return !holboo_conversation_item_get_typing (data);
}

static void
test_typing (void)
{
  HolbooConversationItem *item = holboo_conversation_list_lookup (holboo_chats_page_get_conversations (page),
                                                                  live_account_jid (bat), NULL);
  HolbooConversationView *view = HOLBOO_CONVERSATION_VIEW (chats_find_type (GTK_WIDGET (page), HOLBOO_TYPE_CONVERSATION_VIEW));
  AdwWindowTitle *title;

  holboo_chats_page_open_conversation (page, live_account_jid (bat));
  g_assert_true (holboo_account_send_chat_state (bat->account, live_account_jid (ann), HOLBOO_XMPP_CHAT_STATE_COMPOSING));
  g_assert_true (chats_wait_until (item_typing, item, 10000));
  chats_run_for (100);
  title = ADW_WINDOW_TITLE (chats_find_type (GTK_WIDGET (view), ADW_TYPE_WINDOW_TITLE));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "typing…");
  screenshots (GTK_WIDGET (window), "typing");
  g_assert_true (holboo_account_send_chat_state (bat->account, live_account_jid (ann), HOLBOO_XMPP_CHAT_STATE_PAUSED));
  g_assert_true (chats_wait_until (item_not_typing, item, 10000));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), !=, "typing…");
}

static gboolean
item_gone (gpointer data)
{
  return holboo_conversation_list_lookup (holboo_chats_page_get_conversations (page), data, NULL) == NULL;
}

static gboolean
bat_sees_two (gpointer data)
{
  HolbooRoom *room = holboo_account_get_room (bat->account, team_room);

  return room != NULL && g_list_model_get_n_items (holboo_room_get_occupants (room)) == 2;
}

static void
test_leave (void)
{
  GtkWidget *dialog;

  holboo_chats_page_open_conversation (page, team_room);
  gtk_widget_activate_action (GTK_WIDGET (page), "chats.leave-group", "s", team_room);
  g_assert_true (chats_wait_until (toplevel_shown, (gpointer) "leave-group-dialog", 5000));
  dialog = find_toplevel ("leave-group-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "leave");
  g_assert_true (chats_wait_until (item_gone, team_room, 10000));
  g_assert_null (holboo_chats_page_get_open_peer (page));
  g_assert_true (chats_wait_until (bat_sees_two, NULL, 20000));
  screenshots (GTK_WIDGET (window), "left");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Without a window manager, a dialog's entry may keep its blinking
   * cursor after the dialog lost the focus, which GTK reports as a
   * warning: no blinking in tests. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);
  live_start (argc, argv, accounts);
  notified = g_ptr_array_new_with_free_func (g_free);

  ann = live_account_new ("ann", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  bat = live_account_new ("bat", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  cel = live_account_new ("cel", "laptop", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  live_account_connect (ann);
  live_account_connect (bat);
  live_account_connect (cel);

  chats_load_app_resources ();
  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 1000, 700);
  page = HOLBOO_CHATS_PAGE (holboo_chats_page_new ());
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_true (chats_wait_until (is_mapped, window, 10000));
  holboo_chats_page_set_account (page, ann->account);
  g_assert_true (chats_wait_until (conversations_loaded, NULL, 10000));

  g_test_add_func ("/ui/groups/group-of-three", test_group_of_three);
  g_test_add_func ("/ui/groups/members", test_members);
  g_test_add_func ("/ui/groups/new-group", test_new_group);
  g_test_add_func ("/ui/groups/join-group", test_join_group);
  g_test_add_func ("/ui/groups/pin-mute-notify", test_pin_mute_notify);
  g_test_add_func ("/ui/groups/search", test_search);
  g_test_add_func ("/ui/groups/typing", test_typing);
  g_test_add_func ("/ui/groups/leave", test_leave);

  status = g_test_run ();

  gtk_window_destroy (window);
  live_account_free (ann, FALSE);
  live_account_free (bat, FALSE);
  live_account_free (cel, FALSE);
  g_clear_pointer (&notified, g_ptr_array_unref);
  g_free (team_room);
  g_free (bat_invited_to);
  live_stop ();
  return status;
}
