/* holboo-message-item.c: one message of a conversation, as an item of a
 * #HolbooMessageList
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item wraps one stored row, which never changes: when the row
 * changes the list replaces the item.  What depends on the neighbours —
 * a day divider above it, whether it opens a group of one sender's
 * messages, the unread marker — is set by the list, and notified, as
 * neighbours come and go.
 */

#define G_LOG_DOMAIN "holboo-message-item"

#include "config.h"

#include "holboo-message-item.h"

#include <string.h>

struct _HolbooMessageItem
{
  GObject              parent_instance;

  HolbooStoredMessage *message;
  char                *sender;
  gboolean             starts_day;
  gboolean             starts_group;
  gboolean             first_unread;
};

G_DEFINE_FINAL_TYPE (HolbooMessageItem, holboo_message_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MESSAGE,
  PROP_BODY,
  PROP_STATE,
  PROP_STARTS_DAY,
  PROP_STARTS_GROUP,
  PROP_FIRST_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Who wrote it, for grouping: ourselves (""), the peer of a chat (its
 * bare JID: one person on any device), or the occupant of a room (the
 * full JID: room/nick). */
static char *
sender_key (HolbooStoredMessage *m)
{
  const char *slash;

  if (m->direction == HOLBOO_MESSAGE_OUTGOING)
    return g_strdup ("");
  if (m->from_jid == NULL)
    return g_strdup ("");
  if (m->kind == HOLBOO_CONVERSATION_GROUP)
    return g_strdup (m->from_jid);
  slash = strchr (m->from_jid, '/');
  return slash != NULL ? g_strndup (m->from_jid, slash - m->from_jid) : g_strdup (m->from_jid);
}

static void
holboo_message_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HolbooMessageItem *self = HOLBOO_MESSAGE_ITEM (object);

  switch (prop_id)
    {
    case PROP_MESSAGE: g_value_set_boxed (value, self->message); break;
    case PROP_BODY: g_value_set_string (value, self->message->body); break;
    case PROP_STATE: g_value_set_int (value, self->message->state); break;
    case PROP_STARTS_DAY: g_value_set_boolean (value, self->starts_day); break;
    case PROP_STARTS_GROUP: g_value_set_boolean (value, self->starts_group); break;
    case PROP_FIRST_UNREAD: g_value_set_boolean (value, self->first_unread); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_message_item_finalize (GObject *object)
{
  HolbooMessageItem *self = HOLBOO_MESSAGE_ITEM (object);

  g_clear_pointer (&self->message, holboo_stored_message_unref);
  g_free (self->sender);

  G_OBJECT_CLASS (holboo_message_item_parent_class)->finalize (object);
}

static void
holboo_message_item_class_init (HolbooMessageItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_message_item_get_property;
  object_class->finalize = holboo_message_item_finalize;

  properties[PROP_MESSAGE] =
    g_param_spec_boxed ("message", NULL, NULL, HOLBOO_TYPE_STORED_MESSAGE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageItem:state: a #HolbooMessageState */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageItem:starts-day: the first message of its local day */
  properties[PROP_STARTS_DAY] =
    g_param_spec_boolean ("starts-day", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageItem:starts-group: not a continuation of the message
   * above (another sender, another day, or a pause) */
  properties[PROP_STARTS_GROUP] =
    g_param_spec_boolean ("starts-group", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageItem:first-unread: the unread marker goes above it */
  properties[PROP_FIRST_UNREAD] =
    g_param_spec_boolean ("first-unread", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_message_item_init (HolbooMessageItem *self)
{
  self->starts_day = TRUE;
  self->starts_group = TRUE;
}

/**
 * holboo_message_item_new:
 * @message: a stored message (with its row id)
 *
 * Returns: (transfer full): an item holding a reference to @message
 */
HolbooMessageItem *
holboo_message_item_new (HolbooStoredMessage *message)
{
  HolbooMessageItem *self;

  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (HOLBOO_TYPE_MESSAGE_ITEM, NULL);
  self->message = holboo_stored_message_ref (message);
  self->sender = sender_key (message);
  return self;
}

HolbooStoredMessage *
holboo_message_item_get_message (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), NULL);
  return self->message;
}

gint64
holboo_message_item_get_id (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), 0);
  return self->message->id;
}

gint64
holboo_message_item_get_timestamp (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), 0);
  return self->message->timestamp;
}

const char *
holboo_message_item_get_body (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), NULL);
  return self->message->body;
}

HolbooMessageDirection
holboo_message_item_get_direction (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), HOLBOO_MESSAGE_INCOMING);
  return self->message->direction;
}

HolbooMessageState
holboo_message_item_get_state (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), HOLBOO_MESSAGE_STATE_RECEIVED);
  return self->message->state;
}

/**
 * holboo_message_item_get_sender:
 *
 * Returns: who wrote it: "" for this account, the peer's bare JID in a
 *   chat, the occupant's JID (room/nick) in a group
 */
const char *
holboo_message_item_get_sender (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), NULL);
  return self->sender;
}

/**
 * holboo_message_item_is_action:
 *
 * Returns: whether the body is a `/me` action ("/me waves")
 */
gboolean
holboo_message_item_is_action (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), FALSE);
  return self->message->body != NULL && g_str_has_prefix (self->message->body, "/me ");
}

HolbooMessageCursor
holboo_message_item_get_cursor (HolbooMessageItem *self)
{
  HolbooMessageCursor cursor = { 0, 0 };

  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), cursor);
  cursor.timestamp = self->message->timestamp;
  cursor.id = self->message->id;
  return cursor;
}

/* The store's order: (timestamp, id). */
int
holboo_message_item_compare (HolbooMessageItem *a,
                             HolbooMessageItem *b)
{
  if (a->message->timestamp != b->message->timestamp)
    return a->message->timestamp < b->message->timestamp ? -1 : 1;
  if (a->message->id != b->message->id)
    return a->message->id < b->message->id ? -1 : 1;
  return 0;
}

gboolean
holboo_message_item_get_starts_day (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), FALSE);
  return self->starts_day;
}

gboolean
holboo_message_item_get_starts_group (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), FALSE);
  return self->starts_group;
}

gboolean
holboo_message_item_get_first_unread (HolbooMessageItem *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ITEM (self), FALSE);
  return self->first_unread;
}

void
_holboo_message_item_set_layout (HolbooMessageItem *self,
                                 gboolean           starts_day,
                                 gboolean           starts_group,
                                 gboolean           first_unread)
{
  g_return_if_fail (HOLBOO_IS_MESSAGE_ITEM (self));

  starts_day = !!starts_day;
  starts_group = !!starts_group;
  first_unread = !!first_unread;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->starts_day != starts_day)
    {
      self->starts_day = starts_day;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_DAY]);
    }
  if (self->starts_group != starts_group)
    {
      self->starts_group = starts_group;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTS_GROUP]);
    }
  if (self->first_unread != first_unread)
    {
      self->first_unread = first_unread;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_UNREAD]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
same_reactions (GPtrArray *a,
                GPtrArray *b)
{
  guint na = a != NULL ? a->len : 0;
  guint nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      HolbooReaction *x = g_ptr_array_index (a, i);
      HolbooReaction *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->emoji, y->emoji) != 0 || x->count != y->count || x->own != y->own)
        return FALSE;
    }
  return TRUE;
}

/* What a row shows of a file: its state and size, its preview, where it
 * is, why it failed, its caption. */
static gboolean
same_attachment (HolbooStoredAttachment *a,
                 HolbooStoredAttachment *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->state == b->state &&
         a->size == b->size &&
         g_strcmp0 (a->thumbnail_path, b->thumbnail_path) == 0 &&
         g_strcmp0 (a->local_path, b->local_path) == 0 &&
         g_strcmp0 (a->error, b->error) == 0 &&
         g_strcmp0 (a->description, b->description) == 0;
}

/* Whether @message (a newer copy of the item's row) looks the same on
 * screen: then the list swaps it in without a change, and no row is
 * rebuilt for what the user cannot see (a read flag, an archive id). */
gboolean
_holboo_message_item_shows_same (HolbooMessageItem   *self,
                                 HolbooStoredMessage *message)
{
  HolbooStoredMessage *m = self->message;

  return m->id == message->id &&
         m->state == message->state &&
         m->timestamp == message->timestamp &&
         m->edited_at == message->edited_at &&
         m->retracted == message->retracted &&
         g_strcmp0 (m->body, message->body) == 0 &&
         g_strcmp0 (m->from_jid, message->from_jid) == 0 &&
         g_strcmp0 (m->reply_preview, message->reply_preview) == 0 &&
         same_reactions (m->reactions, message->reactions) &&
         same_attachment (m->attachment, message->attachment);
}

void
_holboo_message_item_swap_message (HolbooMessageItem   *self,
                                   HolbooStoredMessage *message)
{
  g_return_if_fail (self->message->id == message->id);

  holboo_stored_message_ref (message);
  g_clear_pointer (&self->message, holboo_stored_message_unref);
  self->message = message;
}
