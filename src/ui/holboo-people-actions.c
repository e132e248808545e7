/* holboo-people-actions.c: the window's actions about people — open a
 * chat with someone, save someone as a contact, call someone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by the Team page's rows and by cards shared in chats:
 *   win.open-chat (s: a bare JID)        the Chats page, that conversation
 *   win.save-contact ((ss): JID, name)   adds them to the roster
 *   win.call (s: a bare JID)             disabled: the calls UI enables it
 *                                        (g_simple_action_set_enabled) and
 *                                        connects its "activate"; buttons
 *                                        bound to it say meanwhile that
 *                                        calls are not available yet
 */

#define G_LOG_DOMAIN "holboo-window"

#include "config.h"

#include "holboo-account-contacts.h"
#include "holboo-jid.h"
#include "holboo-people-actions.h"

/* Opens the conversation with a bare JID (from the Team page, a card in
 * a chat, …) on the Chats page. */
static void
on_open_chat_activate (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HolbooWindow *self = HOLBOO_WINDOW (user_data);
  HolbooChatsPage *chats = holboo_window_get_chats_page (self);
  const char *jid = g_variant_get_string (parameter, NULL);
  g_autoptr(HolbooJid) parsed = holboo_jid_parse (jid, -1, NULL);

  if (parsed == NULL || holboo_jid_get_localpart (parsed) == NULL ||
      holboo_chats_page_get_account (chats) == NULL)
    {
      g_message ("Cannot open a chat with “%s”", jid);
      return;
    }
  g_action_group_activate_action (G_ACTION_GROUP (self), "show-page", g_variant_new_string ("chats"));
  holboo_chats_page_open_conversation (chats, holboo_jid_get_bare_string (parsed));
}

static void
on_contact_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!holboo_account_add_contact_finish (HOLBOO_ACCOUNT (source), result, &error))
    g_message ("The contact was not saved: %s", error->message);
}

/* Adds (jid, name) to the contacts, e.g. from a card shared in a chat. */
static void
on_save_contact_activate (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  HolbooWindow *self = HOLBOO_WINDOW (user_data);
  HolbooChatsPage *chats = holboo_window_get_chats_page (self);
  HolbooAccount *account = holboo_chats_page_get_account (chats);
  const char *jid, *name;

  g_variant_get (parameter, "(&s&s)", &jid, &name);
  if (account == NULL)
    return;
  holboo_account_add_contact_async (account, jid, *name != '\0' ? name : NULL, NULL, NULL,
                                    on_contact_saved, NULL);
}

/* Calls a bare JID.  Disabled until the calls work connects it (buttons
 * bound to it are insensitive and say why). */
static void
on_call_activate (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  g_message ("Calls are not available yet");
}

static const GActionEntry entries[] = {
  { .name = "open-chat", .activate = on_open_chat_activate, .parameter_type = "s" },
  { .name = "save-contact", .activate = on_save_contact_activate, .parameter_type = "(ss)" },
  { .name = "call", .activate = on_call_activate, .parameter_type = "s" },
};

void
holboo_people_actions_add (HolbooWindow *window)
{
  g_return_if_fail (HOLBOO_IS_WINDOW (window));

  g_action_map_add_action_entries (G_ACTION_MAP (window), entries, G_N_ELEMENTS (entries), window);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (window), "call")), FALSE);
}
