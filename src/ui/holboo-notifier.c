/* holboo-notifier.c: desktop notifications for new messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every message the account stores is put to
 * holboo_notify_policy_should_notify() with what the user is looking at
 * (holboo_notifier_set_focus(), kept by the Chats page).  A yes becomes
 * a GNotification: the sender (and the group) as title, the text as
 * body; clicking it runs app.open-conversation with the account and the
 * conversation.  One notification per conversation: a newer message
 * replaces it, and it is withdrawn once the conversation is read (here
 * or on another device).
 */

#define G_LOG_DOMAIN "holboo-notifier"

#include "config.h"

#include "holboo-account-rooms.h"
#include "holboo-notifier.h"
#include "holboo-notify-policy.h"

#include <glib/gi18n.h>
#include <string.h>

/* The notification shows the start of the text only. */
#define BODY_CHARS 200

struct _HolbooNotifier
{
  GObject                 parent_instance;

  GApplication           *application;   /* (nullable) */
  HolbooConversationList *conversations;
  HolbooAccount          *account;
  gboolean                window_active;
  char                   *open_peer;
  GHashTable             *shown;         /* peers with a notification out */
  HolbooModeManager      *modes;         /* (nullable) */
};

G_DEFINE_FINAL_TYPE (HolbooNotifier, holboo_notifier, G_TYPE_OBJECT)

enum {
  SIGNAL_NOTIFIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * holboo_notifier_dup_id:
 *
 * Returns: (transfer full): the id of the notification of @peer's
 *   conversation
 */
char *
holboo_notifier_dup_id (HolbooAccount *account,
                        const char    *peer)
{
  return g_strdup_printf ("chat:%s:%s", holboo_account_get_jid (account), peer);
}

static char *
cut (const char *body)
{
  const char *end = body;

  for (guint i = 0; i < BODY_CHARS && *end != '\0'; i++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return g_strdup (body);
  return g_strdup_printf ("%.*s…", (int) (end - body), body);
}

static void
on_message_added (HolbooAccount       *account,
                  gint64               conversation_id,
                  gint64               message_id,
                  HolbooStoredMessage *message,
                  HolbooNotifier      *self)
{
  HolbooConversationItem *item;
  HolbooNotifyContext context = { self->window_active, self->open_peer, g_get_real_time (), self->modes, NULL };
  HolbooRoom *room;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *id = NULL;
  const char *name, *slash;

  if (message->peer == NULL)
    return;
  item = holboo_conversation_list_lookup (self->conversations, message->peer, NULL);
  if (message->kind == HOLBOO_CONVERSATION_GROUP && (room = holboo_account_get_room (self->account, message->peer)) != NULL)
    context.own_nick = holboo_room_get_nick (room);
  if (!holboo_notify_policy_should_notify (item, message, &context))
    return;

  name = item != NULL ? holboo_conversation_item_get_name (item) : message->peer;
  if (message->kind == HOLBOO_CONVERSATION_GROUP && message->from_jid != NULL &&
      (slash = strchr (message->from_jid, '/')) != NULL)
    /* TRANSLATORS: a notification's title: "sender in group" */
    title = g_strdup_printf (_("%s in %s"), slash + 1, name);
  else
    title = g_strdup (name);
  body = cut (message->body);
  id = holboo_notifier_dup_id (self->account, message->peer);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_category (notification, "im.received");
  g_notification_set_default_action_and_target (notification, "app.open-conversation", "(ss)",
                                                holboo_account_get_jid (self->account), message->peer);
  g_hash_table_add (self->shown, g_strdup (message->peer));
  g_debug ("Notifying %s: %s", id, title);
  g_signal_emit (self, signals[SIGNAL_NOTIFIED], 0, id, message->peer, title, body);
  if (self->application != NULL)
    g_application_send_notification (self->application, id, notification);
}

static void
withdraw (HolbooNotifier *self,
          const char     *peer)
{
  g_autofree char *id = NULL;

  if (!g_hash_table_remove (self->shown, peer))
    return;
  id = holboo_notifier_dup_id (self->account, peer);
  g_debug ("Withdrawing %s", id);
  if (self->application != NULL)
    g_application_withdraw_notification (self->application, id);
}

/* Read (here or elsewhere): its notification has done its job. */
static void
on_conversation_updated (HolbooAccount            *account,
                         gint64                    conversation_id,
                         HolbooStoredConversation *conversation,
                         HolbooNotifier           *self)
{
  if (conversation->peer != NULL && conversation->unread == 0)
    withdraw (self, conversation->peer);
}

static void
holboo_notifier_dispose (GObject *object)
{
  HolbooNotifier *self = HOLBOO_NOTIFIER (object);

  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);
  g_clear_object (&self->conversations);
  g_clear_object (&self->application);
  g_clear_object (&self->modes);

  G_OBJECT_CLASS (holboo_notifier_parent_class)->dispose (object);
}

static void
holboo_notifier_finalize (GObject *object)
{
  HolbooNotifier *self = HOLBOO_NOTIFIER (object);

  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_free (self->open_peer);

  G_OBJECT_CLASS (holboo_notifier_parent_class)->finalize (object);
}

static void
holboo_notifier_class_init (HolbooNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = holboo_notifier_dispose;
  object_class->finalize = holboo_notifier_finalize;

  /**
   * HolbooNotifier::notified:
   * @id: the notification's id
   * @peer: its conversation
   * @title: its title
   * @body: its text
   *
   * A notification was sent (or, without an application, would have
   * been).
   */
  signals[SIGNAL_NOTIFIED] =
    g_signal_new ("notified", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
holboo_notifier_init (HolbooNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * holboo_notifier_new:
 * @application: (nullable): what sends the notifications
 * @conversations: the account's conversations (names, mutes, read marks)
 */
HolbooNotifier *
holboo_notifier_new (GApplication           *application,
                     HolbooConversationList *conversations)
{
  HolbooNotifier *self;

  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_LIST (conversations), NULL);

  self = g_object_new (HOLBOO_TYPE_NOTIFIER, NULL);
  self->application = application != NULL ? g_object_ref (application) : NULL;
  self->conversations = g_object_ref (conversations);
  self->account = g_object_ref (holboo_conversation_list_get_account (conversations));
  g_signal_connect_object (self->account, "message-added", G_CALLBACK (on_message_added), self, 0);
  g_signal_connect_object (self->account, "conversation-updated", G_CALLBACK (on_conversation_updated), self, 0);
  return self;
}

/**
 * holboo_notifier_set_mode_manager:
 * @modes: (nullable): the user's mode, which may hold notifications back
 */
void
holboo_notifier_set_mode_manager (HolbooNotifier    *self,
                                  HolbooModeManager *modes)
{
  g_return_if_fail (HOLBOO_IS_NOTIFIER (self));
  g_set_object (&self->modes, modes);
}

/**
 * holboo_notifier_set_focus:
 * @window_active: the window has the focus
 * @open_peer: (nullable): the conversation shown
 *
 * The conversation the user looks at does not notify; its notification,
 * if any, goes.
 */
void
holboo_notifier_set_focus (HolbooNotifier *self,
                           gboolean        window_active,
                           const char     *open_peer)
{
  g_return_if_fail (HOLBOO_IS_NOTIFIER (self));

  self->window_active = window_active;
  g_free (self->open_peer);
  self->open_peer = g_strdup (open_peer);
  if (window_active && open_peer != NULL)
    withdraw (self, open_peer);
}
