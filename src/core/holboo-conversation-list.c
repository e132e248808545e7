/* holboo-conversation-list.c: an account's conversations as a list
 * model, the most recently active first, kept live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read once from the store, then kept by the account's signals: a new
 * message updates its conversation's last message and unread count (as
 * the store counts them: incoming and newer than the read mark) and
 * moves it to its place; a new peer gets a new item.  Each item's last
 * message is read after the list, one short read per conversation.
 * Signals that come before the list is read are ignored: the account
 * completes work in order, so the list already counts them.
 *
 * Pinned conversations come first (the latest pinned on top).  The
 * account's group chats are items as soon as the account is in them,
 * named after the room, and go when the user leaves.  Peers' chat states
 * make items "typing".
 */

#define G_LOG_DOMAIN "holboo-conversation-list"

#include "config.h"

#include "holboo-account-disco.h"
#include "holboo-account-rooms.h"
#include "holboo-account-teamlog.h"
#include "holboo-conversation-list.h"

struct _HolbooConversationList
{
  GObject        parent_instance;

  HolbooAccount *account;
  GCancellable  *cancellable;
  GPtrArray     *items;      /* (element-type HolbooConversationItem) newest activity first */
  GHashTable    *by_peer;    /* peer → item, not owned */
  gboolean       loaded;
  guint          unread;
  GHashTable    *room_peers; /* bare JIDs of the rooms the items were made for */
};

static void holboo_conversation_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooConversationList, holboo_conversation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      holboo_conversation_list_model_iface_init))

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_LOADED,
  PROP_UNREAD,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
holboo_conversation_list_get_item_type (GListModel *model)
{
  return HOLBOO_TYPE_CONVERSATION_ITEM;
}

static guint
holboo_conversation_list_get_n_items (GListModel *model)
{
  return HOLBOO_CONVERSATION_LIST (model)->items->len;
}

static gpointer
holboo_conversation_list_get_item (GListModel *model,
                                   guint       position)
{
  HolbooConversationList *self = HOLBOO_CONVERSATION_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
holboo_conversation_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = holboo_conversation_list_get_item_type;
  iface->get_n_items = holboo_conversation_list_get_n_items;
  iface->get_item = holboo_conversation_list_get_item;
}

static void
recount_unread (HolbooConversationList *self)
{
  guint unread = 0;

  for (guint i = 0; i < self->items->len; i++)
    unread += holboo_conversation_item_get_unread (g_ptr_array_index (self->items, i));
  if (unread == self->unread)
    return;
  self->unread = unread;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
}

static void
on_item_unread (HolbooConversationItem *item,
                GParamSpec             *pspec,
                HolbooConversationList *self)
{
  recount_unread (self);
}

/* Pinned first, the latest pinned on top; then newest activity first;
 * among equals, the newer conversation. */
static gboolean
sorts_before (HolbooConversationItem *a,
              HolbooConversationItem *b)
{
  gint64 pa = holboo_conversation_item_get_pinned_at (a);
  gint64 pb = holboo_conversation_item_get_pinned_at (b);
  gint64 ta = holboo_conversation_item_get_last_activity (a);
  gint64 tb = holboo_conversation_item_get_last_activity (b);

  if ((pa > 0) != (pb > 0) || (pa > 0 && pa != pb))
    return pa > pb;

  if (ta != tb)
    return ta > tb;
  return holboo_conversation_item_get_id (a) > holboo_conversation_item_get_id (b);
}

static guint
insert_position (HolbooConversationList *self,
                 HolbooConversationItem *item)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (sorts_before (g_ptr_array_index (self->items, mid), item))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
position_of (HolbooConversationList *self,
             HolbooConversationItem *item)
{
  guint position = 0;

  if (!g_ptr_array_find (self->items, item, &position))
    g_assert_not_reached ();
  return position;
}

static void
insert_item (HolbooConversationList *self,
             HolbooConversationItem *item)
{
  guint position = insert_position (self, item);

  g_signal_connect_object (item, "notify::unread", G_CALLBACK (on_item_unread), self, 0);
  g_hash_table_insert (self->by_peer, (gpointer) holboo_conversation_item_get_peer (item), item);
  g_ptr_array_insert (self->items, position, item);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  recount_unread (self);
}

static void
remove_item (HolbooConversationList *self,
             HolbooConversationItem *item)
{
  guint position = position_of (self, item);

  g_signal_handlers_disconnect_by_data (item, self);
  g_hash_table_remove (self->by_peer, holboo_conversation_item_get_peer (item));
  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  recount_unread (self);
}

/* After its activity changed: to its place. */
static void
move_item (HolbooConversationList *self,
           HolbooConversationItem *item)
{
  guint position = position_of (self, item);
  guint new_position;

  g_ptr_array_steal_index (self->items, position);
  new_position = insert_position (self, item);
  g_ptr_array_insert (self->items, new_position, item);
  if (new_position == position)
    return;
  /* One change over the stretch it crossed, so that a selection model
   * sees the item leave and come back in one go, and keeps it. */
  g_list_model_items_changed (G_LIST_MODEL (self), MIN (position, new_position),
                              ABS ((int) new_position - (int) position) + 1,
                              ABS ((int) new_position - (int) position) + 1);
}

/* The team log room is the customers' database, not a chat. */
static gboolean
is_team_room (HolbooConversationList *self,
              const char             *jid)
{
  return g_strcmp0 (holboo_account_get_team_room (self->account), jid) == 0;
}

static void sync_rooms (HolbooConversationList *self);

static void
on_last_message (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HolbooConversationItem) item = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = holboo_account_load_messages_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the last message of %s: %s",
                   holboo_conversation_item_get_peer (item), error->message);
      return;
    }
  if (rows->len > 0)
    _holboo_conversation_item_set_last_message (item, g_ptr_array_index (rows, rows->len - 1));
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  HolbooConversationList *self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  rows = holboo_account_list_conversations_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (rows == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_object_unref (self);
          return;
        }
      g_message ("Could not list the conversations: %s", error->message);
    }

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      HolbooStoredConversation *c = g_ptr_array_index (rows, i);
      HolbooConversationItem *item;

      if (g_hash_table_contains (self->by_peer, c->peer) || is_team_room (self, c->peer))
        continue;
      item = holboo_conversation_item_new (c->peer, c->kind);
      _holboo_conversation_item_set_stored (item, c);
      g_signal_connect_object (item, "notify::unread", G_CALLBACK (on_item_unread), self, 0);
      g_hash_table_insert (self->by_peer, (gpointer) holboo_conversation_item_get_peer (item), item);
      g_ptr_array_add (self->items, item);
      added++;
      if (c->last_message_id != 0)
        holboo_account_load_messages_async (self->account, c->peer, NULL, 1, self->cancellable,
                                            on_last_message, g_object_ref (item));
    }

  /* Items started by hand before the list came (ensure()) stay on top. */
  if (added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - added, 0, added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  self->loaded = TRUE;
  recount_unread (self);
  sync_rooms (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  g_object_unref (self);
}

static void
on_message_added (HolbooAccount          *account,
                  gint64                  conversation_id,
                  gint64                  message_id,
                  HolbooStoredMessage    *message,
                  HolbooConversationList *self)
{
  HolbooConversationItem *item;

  if (!self->loaded || message->peer == NULL || is_team_room (self, message->peer))
    return;

  item = g_hash_table_lookup (self->by_peer, message->peer);
  if (item == NULL)
    {
      item = holboo_conversation_item_new (message->peer, message->kind);
      _holboo_conversation_item_add_message (item, message);
      insert_item (self, item);
      return;
    }
  if (_holboo_conversation_item_add_message (item, message))
    move_item (self, item);
}

static void
on_message_updated (HolbooAccount          *account,
                    gint64                  conversation_id,
                    gint64                  message_id,
                    HolbooStoredMessage    *message,
                    HolbooConversationList *self)
{
  HolbooConversationItem *item;
  HolbooStoredMessage *last;

  if (!self->loaded || message->peer == NULL)
    return;
  item = g_hash_table_lookup (self->by_peer, message->peer);
  if (item == NULL)
    return;
  last = holboo_conversation_item_get_last_message (item);
  if (last != NULL && last->id == message->id)
    _holboo_conversation_item_set_last_message (item, message);
}

/* Read marks moved: here, on another device, or by the peer. */
static void
on_conversation_updated (HolbooAccount            *account,
                         gint64                    conversation_id,
                         HolbooStoredConversation *conversation,
                         HolbooConversationList   *self)
{
  HolbooConversationItem *item;

  if (!self->loaded || conversation->peer == NULL)
    return;
  item = g_hash_table_lookup (self->by_peer, conversation->peer);
  if (item == NULL)
    {
      /* Pinned before its first message. */
      if (conversation->pinned_at == 0)
        return;
      item = holboo_conversation_item_new (conversation->peer, conversation->kind);
      _holboo_conversation_item_set_stored (item, conversation);
      insert_item (self, item);
      return;
    }
  _holboo_conversation_item_set_read_marks (item, conversation);
  if (_holboo_conversation_item_set_flags (item, conversation))
    move_item (self, item);
}

static void
on_room_name (HolbooRoom             *room,
              GParamSpec             *pspec,
              HolbooConversationList *self)
{
  HolbooConversationItem *item = g_hash_table_lookup (self->by_peer, holboo_room_get_jid (room));

  if (item != NULL)
    _holboo_conversation_item_set_name (item, holboo_room_get_name (room));
}

static void
on_room_info (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HolbooConversationItem) item = user_data;
  g_autoptr(HolbooXmppDiscoInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = holboo_account_discover_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (info == NULL)
    {
      g_debug ("No name for %s: %s", holboo_conversation_item_get_peer (item), error->message);
      return;
    }
  for (guint i = 0; info->identities != NULL && i < info->identities->len; i++)
    {
      HolbooXmppDiscoIdentity *identity = info->identities->pdata[i];

      if (g_strcmp0 (identity->category, "conference") == 0 && identity->name != NULL)
        {
          _holboo_conversation_item_set_name (item, identity->name);
          return;
        }
    }
}

/* A room joined by invitation or address: its name is the room's to say
 * (XEP-0045 disco#info). */
static void
ask_room_name (HolbooConversationList *self,
               HolbooRoom             *room,
               HolbooConversationItem *item)
{
  if (holboo_room_get_name (room) != NULL && *holboo_room_get_name (room) != '\0')
    return;
  holboo_account_discover_async (self->account, holboo_room_get_jid (room), NULL, self->cancellable,
                                 on_room_info, g_object_ref (item));
}

/* Every room the account is in has an item; a room it left has none. */
static void
sync_rooms (HolbooConversationList *self)
{
  GListModel *rooms = holboo_account_get_rooms (self->account);
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  const char *peer;

  if (!self->loaded)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
    {
      g_autoptr(HolbooRoom) room = g_list_model_get_item (rooms, i);
      const char *jid = holboo_room_get_jid (room);
      HolbooConversationItem *item = g_hash_table_lookup (self->by_peer, jid);

      if (is_team_room (self, jid))
        continue;
      g_hash_table_add (current, g_strdup (jid));
      if (!g_hash_table_contains (self->room_peers, jid))
        g_signal_connect_object (room, "notify::name", G_CALLBACK (on_room_name), self, 0);
      if (item == NULL)
        {
          g_autoptr(HolbooStoredConversation) placeholder = holboo_stored_conversation_new ();

          item = holboo_conversation_item_new (jid, HOLBOO_CONVERSATION_GROUP);
          placeholder->last_activity = g_get_real_time ();
          _holboo_conversation_item_set_stored (item, placeholder);
          _holboo_conversation_item_set_name (item, holboo_room_get_name (room));
          insert_item (self, item);
        }
      else
        _holboo_conversation_item_set_name (item, holboo_room_get_name (room));
      if (!g_hash_table_contains (self->room_peers, jid))
        ask_room_name (self, room, item);
    }

  g_hash_table_iter_init (&iter, self->room_peers);
  while (g_hash_table_iter_next (&iter, (gpointer *) &peer, NULL))
    {
      HolbooConversationItem *item;

      if (g_hash_table_contains (current, peer))
        continue;
      item = g_hash_table_lookup (self->by_peer, peer);
      if (item != NULL && holboo_conversation_item_get_kind (item) == HOLBOO_CONVERSATION_GROUP)
        remove_item (self, item);
    }
  g_hash_table_remove_all (self->room_peers);
  g_hash_table_iter_init (&iter, current);
  while (g_hash_table_iter_next (&iter, (gpointer *) &peer, NULL))
    g_hash_table_add (self->room_peers, g_strdup (peer));
}

static void
on_rooms_changed (GListModel             *rooms,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  HolbooConversationList *self)
{
  sync_rooms (self);
}

static void
on_chat_state_changed (HolbooAccount          *account,
                       const char             *peer,
                       int                     state,
                       HolbooConversationList *self)
{
  HolbooConversationItem *item = peer != NULL ? g_hash_table_lookup (self->by_peer, peer) : NULL;

  if (item != NULL)
    _holboo_conversation_item_set_typing (item, state == HOLBOO_XMPP_CHAT_STATE_COMPOSING);
}

static void
holboo_conversation_list_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HolbooConversationList *self = HOLBOO_CONVERSATION_LIST (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: g_value_set_object (value, self->account); break;
    case PROP_LOADED: g_value_set_boolean (value, self->loaded); break;
    case PROP_UNREAD: g_value_set_uint (value, self->unread); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->items->len); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_conversation_list_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HolbooConversationList *self = HOLBOO_CONVERSATION_LIST (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: self->account = g_value_dup_object (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_conversation_list_constructed (GObject *object)
{
  HolbooConversationList *self = HOLBOO_CONVERSATION_LIST (object);

  G_OBJECT_CLASS (holboo_conversation_list_parent_class)->constructed (object);

  g_assert (HOLBOO_IS_ACCOUNT (self->account));
  g_signal_connect_object (self->account, "message-added", G_CALLBACK (on_message_added), self, 0);
  g_signal_connect_object (self->account, "message-updated", G_CALLBACK (on_message_updated), self, 0);
  g_signal_connect_object (self->account, "conversation-updated", G_CALLBACK (on_conversation_updated), self, 0);
  g_signal_connect_object (self->account, "chat-state-changed", G_CALLBACK (on_chat_state_changed), self, 0);
  g_signal_connect_object (holboo_account_get_rooms (self->account), "items-changed",
                           G_CALLBACK (on_rooms_changed), self, 0);
  holboo_account_list_conversations_async (self->account, self->cancellable, on_listed, g_object_ref (self));
}

static void
holboo_conversation_list_dispose (GObject *object)
{
  HolbooConversationList *self = HOLBOO_CONVERSATION_LIST (object);

  g_cancellable_cancel (self->cancellable);
  if (self->account != NULL)
    {
      GListModel *rooms = holboo_account_get_rooms (self->account);

      g_signal_handlers_disconnect_by_data (self->account, self);
      g_signal_handlers_disconnect_by_data (rooms, self);
      for (guint i = 0; i < g_list_model_get_n_items (rooms); i++)
        {
          g_autoptr(GObject) room = g_list_model_get_item (rooms, i);

          g_signal_handlers_disconnect_by_data (room, self);
        }
    }
  g_clear_object (&self->account);
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->items, i), self);

  G_OBJECT_CLASS (holboo_conversation_list_parent_class)->dispose (object);
}

static void
holboo_conversation_list_finalize (GObject *object)
{
  HolbooConversationList *self = HOLBOO_CONVERSATION_LIST (object);

  g_clear_pointer (&self->by_peer, g_hash_table_unref);
  g_clear_pointer (&self->room_peers, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (holboo_conversation_list_parent_class)->finalize (object);
}

static void
holboo_conversation_list_class_init (HolbooConversationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_conversation_list_get_property;
  object_class->set_property = holboo_conversation_list_set_property;
  object_class->constructed = holboo_conversation_list_constructed;
  object_class->dispose = holboo_conversation_list_dispose;
  object_class->finalize = holboo_conversation_list_finalize;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, HOLBOO_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooConversationList:loaded: the store's conversations are in */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooConversationList:unread: unread messages in all conversations */
  properties[PROP_UNREAD] =
    g_param_spec_uint ("unread", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_conversation_list_init (HolbooConversationList *self)
{
  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_peer = g_hash_table_new (g_str_hash, g_str_equal);
  self->room_peers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * holboo_conversation_list_new:
 *
 * Starts reading the conversations at once (#HolbooConversationList:loaded
 * turns %TRUE when they are in).
 */
HolbooConversationList *
holboo_conversation_list_new (HolbooAccount *account)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (account), NULL);

  return g_object_new (HOLBOO_TYPE_CONVERSATION_LIST, "account", account, NULL);
}

HolbooAccount *
holboo_conversation_list_get_account (HolbooConversationList *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_LIST (self), NULL);
  return self->account;
}

gboolean
holboo_conversation_list_get_loaded (HolbooConversationList *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_LIST (self), FALSE);
  return self->loaded;
}

guint
holboo_conversation_list_get_unread (HolbooConversationList *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_LIST (self), 0);
  return self->unread;
}

/**
 * holboo_conversation_list_lookup:
 * @peer: a bare JID
 * @position: (out) (optional): its position
 *
 * Returns: (transfer none) (nullable): the conversation with @peer
 */
HolbooConversationItem *
holboo_conversation_list_lookup (HolbooConversationList *self,
                                 const char             *peer,
                                 guint                  *position)
{
  HolbooConversationItem *item;

  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_LIST (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);

  item = g_hash_table_lookup (self->by_peer, peer);
  if (item != NULL && position != NULL)
    *position = position_of (self, item);
  return item;
}

/**
 * holboo_conversation_list_ensure:
 * @peer: a normalised bare JID (see holboo_address_normalize())
 *
 * Finds the chat with @peer, or starts one: a new conversation with no
 * messages goes on top of the list (it is stored with its first
 * message).
 *
 * Returns: (transfer none): the conversation
 */
HolbooConversationItem *
holboo_conversation_list_ensure (HolbooConversationList *self,
                                 const char             *peer)
{
  HolbooConversationItem *item;
  g_autoptr(HolbooStoredConversation) placeholder = NULL;

  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_LIST (self), NULL);
  g_return_val_if_fail (peer != NULL, NULL);

  item = g_hash_table_lookup (self->by_peer, peer);
  if (item != NULL)
    return item;

  item = holboo_conversation_item_new (peer, HOLBOO_CONVERSATION_CHAT);
  placeholder = holboo_stored_conversation_new ();
  placeholder->last_activity = g_get_real_time ();
  _holboo_conversation_item_set_stored (item, placeholder);
  insert_item (self, item);
  return item;
}

/**
 * holboo_conversation_list_mark_read:
 * @peer: a conversation's bare JID
 *
 * The user has seen everything in the conversation: its unread count
 * goes to 0 here at once, and the account marks it read in the store
 * and tells the peer and this account's other devices
 * (holboo_account_mark_displayed()).
 */
void
holboo_conversation_list_mark_read (HolbooConversationList *self,
                                    const char             *peer)
{
  HolbooConversationItem *item;
  HolbooStoredMessage *last;

  g_return_if_fail (HOLBOO_IS_CONVERSATION_LIST (self));
  g_return_if_fail (peer != NULL);

  item = g_hash_table_lookup (self->by_peer, peer);
  if (item == NULL)
    return;
  last = holboo_conversation_item_get_last_message (item);
  if (last == NULL || last->conversation_id == 0)
    return;   /* nothing stored yet: nothing to read */
  if (holboo_conversation_item_get_unread (item) == 0 &&
      last->timestamp <= holboo_conversation_item_get_read_until (item))
    return;
  _holboo_conversation_item_set_read (item, last->timestamp);
  holboo_account_mark_displayed (self->account, last);
}
