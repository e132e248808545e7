/* holboo-conversation-item.c: one conversation, as an item of a
 * #HolbooConversationList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Unlike a message, a conversation changes in place (its last message,
 * its unread count): rows bound to it follow its notifications, and the
 * list moves it when its last activity changes its place.
 */

#define G_LOG_DOMAIN "holboo-conversation-item"

#include "config.h"

#include "holboo-conversation-item.h"

#include <string.h>

struct _HolbooConversationItem
{
  GObject                 parent_instance;

  gint64                  id;
  char                   *peer;
  char                   *name;
  HolbooConversationKind  kind;
  gint64                  last_activity;
  guint                   unread;
  gint64                  read_until;
  HolbooStoredMessage    *last_message;
  gboolean                muted;
  gint64                  pinned_at;
  gboolean                typing;
};

G_DEFINE_FINAL_TYPE (HolbooConversationItem, holboo_conversation_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PEER,
  PROP_NAME,
  PROP_KIND,
  PROP_LAST_ACTIVITY,
  PROP_UNREAD,
  PROP_LAST_MESSAGE,
  PROP_LAST_BODY,
  PROP_MUTED,
  PROP_PINNED_AT,
  PROP_TYPING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
holboo_conversation_item_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HolbooConversationItem *self = HOLBOO_CONVERSATION_ITEM (object);

  switch (prop_id)
    {
    case PROP_PEER: g_value_set_string (value, self->peer); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_MUTED: g_value_set_boolean (value, self->muted); break;
    case PROP_PINNED_AT: g_value_set_int64 (value, self->pinned_at); break;
    case PROP_TYPING: g_value_set_boolean (value, self->typing); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_LAST_ACTIVITY: g_value_set_int64 (value, self->last_activity); break;
    case PROP_UNREAD: g_value_set_uint (value, self->unread); break;
    case PROP_LAST_MESSAGE: g_value_set_boxed (value, self->last_message); break;
    case PROP_LAST_BODY: g_value_set_string (value, holboo_conversation_item_get_last_body (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_conversation_item_finalize (GObject *object)
{
  HolbooConversationItem *self = HOLBOO_CONVERSATION_ITEM (object);

  g_clear_pointer (&self->last_message, holboo_stored_message_unref);
  g_free (self->peer);
  g_free (self->name);

  G_OBJECT_CLASS (holboo_conversation_item_parent_class)->finalize (object);
}

static void
holboo_conversation_item_class_init (HolbooConversationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_conversation_item_get_property;
  object_class->finalize = holboo_conversation_item_finalize;

  /** HolbooConversationItem:peer: the contact's or the room's bare JID */
  properties[PROP_PEER] =
    g_param_spec_string ("peer", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** HolbooConversationItem:name: what to call it (until the roster
   * gives names: the address's local part) */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooConversationItem:kind: a #HolbooConversationKind */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ACTIVITY] =
    g_param_spec_int64 ("last-activity", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNREAD] =
    g_param_spec_uint ("unread", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_MESSAGE] =
    g_param_spec_boxed ("last-message", NULL, NULL, HOLBOO_TYPE_STORED_MESSAGE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_BODY] =
    g_param_spec_string ("last-body", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooConversationItem:muted: its messages do not notify */
  properties[PROP_MUTED] =
    g_param_spec_boolean ("muted", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooConversationItem:pinned-at: when it was pinned on top (µs), 0: not pinned */
  properties[PROP_PINNED_AT] =
    g_param_spec_int64 ("pinned-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooConversationItem:typing: the peer is writing (XEP-0085 composing) */
  properties[PROP_TYPING] =
    g_param_spec_boolean ("typing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_conversation_item_init (HolbooConversationItem *self)
{
}

HolbooConversationItem *
holboo_conversation_item_new (const char             *peer,
                              HolbooConversationKind  kind)
{
  HolbooConversationItem *self;
  const char *at;

  g_return_val_if_fail (peer != NULL, NULL);

  self = g_object_new (HOLBOO_TYPE_CONVERSATION_ITEM, NULL);
  self->peer = g_strdup (peer);
  self->kind = kind;
  at = strchr (peer, '@');
  self->name = at != NULL && at != peer ? g_strndup (peer, at - peer) : g_strdup (peer);
  return self;
}

gint64
holboo_conversation_item_get_id (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), 0);
  return self->id;
}

const char *
holboo_conversation_item_get_peer (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), NULL);
  return self->peer;
}

const char *
holboo_conversation_item_get_name (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), NULL);
  return self->name;
}

HolbooConversationKind
holboo_conversation_item_get_kind (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), HOLBOO_CONVERSATION_CHAT);
  return self->kind;
}

gint64
holboo_conversation_item_get_last_activity (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), 0);
  return self->last_activity;
}

guint
holboo_conversation_item_get_unread (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), 0);
  return self->unread;
}

gint64
holboo_conversation_item_get_read_until (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), 0);
  return self->read_until;
}

/**
 * holboo_conversation_item_get_last_message:
 *
 * Returns: (transfer none) (nullable): the newest message, once read
 */
HolbooStoredMessage *
holboo_conversation_item_get_last_message (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), NULL);
  return self->last_message;
}

const char *
holboo_conversation_item_get_last_body (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), NULL);
  return self->last_message != NULL ? self->last_message->body : NULL;
}

gboolean
holboo_conversation_item_get_muted (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), FALSE);
  return self->muted;
}

gint64
holboo_conversation_item_get_pinned_at (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), 0);
  return self->pinned_at;
}

gboolean
holboo_conversation_item_get_pinned (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), FALSE);
  return self->pinned_at > 0;
}

gboolean
holboo_conversation_item_get_typing (HolbooConversationItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_ITEM (self), FALSE);
  return self->typing;
}

void
_holboo_conversation_item_set_name (HolbooConversationItem *self,
                                    const char             *name)
{
  if (name == NULL || *name == '\0' || g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
_holboo_conversation_item_set_typing (HolbooConversationItem *self,
                                      gboolean                typing)
{
  if (self->typing == !!typing)
    return;
  self->typing = !!typing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPING]);
}

/* Returns whether the pin changed (the item's place may move). */
gboolean
_holboo_conversation_item_set_flags (HolbooConversationItem   *self,
                                     HolbooStoredConversation *conversation)
{
  gboolean pin_changed = self->pinned_at != conversation->pinned_at;

  if (self->muted != conversation->muted)
    {
      self->muted = conversation->muted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MUTED]);
    }
  if (pin_changed)
    {
      self->pinned_at = conversation->pinned_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED_AT]);
    }
  return pin_changed;
}

static void
set_activity (HolbooConversationItem *self,
              gint64                  last_activity)
{
  if (self->last_activity == last_activity)
    return;
  self->last_activity = last_activity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ACTIVITY]);
}

static void
set_unread (HolbooConversationItem *self,
            guint                   unread)
{
  if (self->unread == unread)
    return;
  self->unread = unread;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
}

void
_holboo_conversation_item_set_stored (HolbooConversationItem   *self,
                                      HolbooStoredConversation *conversation)
{
  self->id = conversation->id;
  self->read_until = MAX (self->read_until, conversation->read_until);
  set_activity (self, conversation->last_activity);
  set_unread (self, conversation->unread);
  _holboo_conversation_item_set_flags (self, conversation);
}

void
_holboo_conversation_item_set_last_message (HolbooConversationItem *self,
                                            HolbooStoredMessage    *message)
{
  if (self->last_message != NULL &&
      (self->last_message->timestamp > message->timestamp ||
       (self->last_message->timestamp == message->timestamp && self->last_message->id > message->id)))
    return;

  g_clear_pointer (&self->last_message, holboo_stored_message_unref);
  self->last_message = holboo_stored_message_ref (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_MESSAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_BODY]);
}

void
_holboo_conversation_item_set_read (HolbooConversationItem *self,
                                    gint64                  read_until)
{
  self->read_until = MAX (self->read_until, read_until);
  set_unread (self, 0);
}

/* A message was stored: counts it as the store does.  Returns whether
 * the last activity moved. */
gboolean
_holboo_conversation_item_add_message (HolbooConversationItem *self,
                                       HolbooStoredMessage    *message)
{
  gint64 before = self->last_activity;

  if (self->id == 0)
    self->id = message->conversation_id;
  /* As the store counts: answering is reading. */
  if (message->direction == HOLBOO_MESSAGE_OUTGOING && message->timestamp > self->read_until)
    _holboo_conversation_item_set_read (self, message->timestamp);
  else if (message->direction == HOLBOO_MESSAGE_INCOMING && message->timestamp > self->read_until)
    set_unread (self, self->unread + 1);
  _holboo_conversation_item_set_last_message (self, message);
  set_activity (self, MAX (self->last_activity, message->timestamp));
  return self->last_activity != before;
}

/* What the store says now about the read marks (another device read
 * the conversation, or this one did). */
void
_holboo_conversation_item_set_read_marks (HolbooConversationItem   *self,
                                          HolbooStoredConversation *conversation)
{
  if (self->id == 0)
    self->id = conversation->id;
  self->read_until = MAX (self->read_until, conversation->read_until);
  set_unread (self, conversation->unread);
}
