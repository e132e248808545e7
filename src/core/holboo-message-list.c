/* holboo-message-list.c: one conversation's messages as a list model
 * that pages from the store and, past its end, from the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list holds a contiguous stretch of the conversation, oldest first,
 * from the oldest page loaded to the newest message: it opens on the
 * newest page and grows at the top when asked
 * (holboo_message_list_load_older_async()), one keyset page at a time
 * (the store's (timestamp, id) order).  When the store has nothing
 * older, the next request asks the account's archive for the next older
 * stretch (holboo_account_fetch_older_async()) and then reads what it
 * stored.  Memory is what was paged in: one small item per message, no
 * widgets.
 *
 * Live changes come from the account's signals: a new message of this
 * conversation is inserted at its place (at the end, as a rule); one
 * older than the loaded stretch is left for paging to find; a changed
 * message replaces its item (one removed, one added at its position).
 * New messages at the end are announced together: they wait in
 * `pending` for an idle callback that runs before the next frame is
 * drawn, and go in as one change of at most FLUSH_MAX items, the rest
 * FLUSH_MAX at a time, a frame's time apart.  A burst (a busy stream, a catch-up) then costs the view
 * one change per frame, and each frame lays out a bounded number of new
 * rows, instead of one change and one row per message in a single
 * main-loop iteration.  Anything that needs the whole list (another
 * change, a lookup) puts the pending messages in first.
 * Signals that come while the first page is being read are ignored: the
 * account completes work in order, so the page already holds every
 * message announced before it arrives, and none announced after.
 *
 * Each item also knows whether a day divider goes above it, whether it
 * starts a group of one sender's messages, and whether it is the first
 * unread one; the list keeps these right as neighbours come and go.
 */

#define G_LOG_DOMAIN "holboo-message-list"

#include "config.h"

#include "holboo-message-list-private.h"
#include "holboo-xmpp-error.h"

/* New messages put in at most per change, and when: before GTK's next
 * frame (GDK_PRIORITY_REDRAW is G_PRIORITY_HIGH_IDLE + 20), and the
 * rest of a burst a frame's time later (an idle would run before the
 * frame clock's next tick and put them all into the same frame). */
#define FLUSH_MAX       8
#define FLUSH_PRIORITY  (G_PRIORITY_HIGH_IDLE + 10)
#define FLUSH_MORE_MS   16


static void holboo_message_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooMessageList, holboo_message_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      holboo_message_list_model_iface_init))


GParamSpec *_holboo_message_list_properties[N_PROPS];

static GType
holboo_message_list_get_item_type (GListModel *model)
{
  return HOLBOO_TYPE_MESSAGE_ITEM;
}

static guint
holboo_message_list_get_n_items (GListModel *model)
{
  return HOLBOO_MESSAGE_LIST (model)->items->len;
}

static gpointer
holboo_message_list_get_item (GListModel *model,
                              guint       position)
{
  HolbooMessageList *self = HOLBOO_MESSAGE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
holboo_message_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = holboo_message_list_get_item_type;
  iface->get_n_items = holboo_message_list_get_n_items;
  iface->get_item = holboo_message_list_get_item;
}

HolbooMessageItem *
_holboo_message_list_item_at (HolbooMessageList *self,
         guint              position)
{
  return g_ptr_array_index (self->items, position);
}

gint64 *
_holboo_message_list_id_key (HolbooMessageItem *item)
{
  return &holboo_message_item_get_message (item)->id;
}

void
_holboo_message_list_items_changed (HolbooMessageList *self,
               guint              position,
               guint              removed,
               guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), _holboo_message_list_properties[PROP_N_ITEMS]);
}

static int
local_day (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (timestamp / G_USEC_PER_SEC);

  if (dt == NULL)
    return 0;
  return g_date_time_get_year (dt) * 10000 + g_date_time_get_month (dt) * 100 + g_date_time_get_day_of_month (dt);
}

/* Sets the neighbour-dependent flags of the items from @first to @last
 * (inclusive, clamped). */
void
_holboo_message_list_update_layout (HolbooMessageList *self,
               guint              first,
               guint              last)
{
  if (self->items->len == 0)
    return;
  last = MIN (last, self->items->len - 1);

  for (guint i = first; i <= last; i++)
    {
      HolbooMessageItem *item = _holboo_message_list_item_at (self, i);
      HolbooMessageItem *prev = i > 0 ? _holboo_message_list_item_at (self, i - 1) : NULL;
      gboolean first_unread = self->first_unread_id != 0 &&
                              holboo_message_item_get_id (item) == self->first_unread_id;
      gboolean starts_day, starts_group;

      if (prev == NULL)
        {
          /* Until what comes before is known, no divider: one that goes
           * away when the older page arrives would move everything on
           * screen.  A header costs less when it goes, and names the
           * sender meanwhile. */
          starts_day = self->at_start;
          starts_group = TRUE;
        }
      else
        {
          gint64 ts = holboo_message_item_get_timestamp (item);
          gint64 prev_ts = holboo_message_item_get_timestamp (prev);

          starts_day = local_day (ts) != local_day (prev_ts);
          starts_group = starts_day || first_unread ||
                         holboo_message_item_get_direction (item) != holboo_message_item_get_direction (prev) ||
                         g_strcmp0 (holboo_message_item_get_sender (item), holboo_message_item_get_sender (prev)) != 0 ||
                         ts - prev_ts > HOLBOO_MESSAGE_LIST_GROUP_GAP ||
                         holboo_message_item_is_action (item) || holboo_message_item_is_action (prev);
        }
      _holboo_message_item_set_layout (item, starts_day, starts_group, first_unread);
    }
}

/* The first incoming message after the read mark, among those loaded.
 * Fixed once found: the marker stays where the unread messages began
 * while the conversation is open. */
void
_holboo_message_list_find_first_unread (HolbooMessageList *self)
{
  gint64 found = 0;

  if (!self->loaded || !self->has_read_until || self->first_unread_id != 0)
    return;
  _holboo_message_list_flush (self);

  for (guint i = self->items->len; i > 0; i--)
    {
      HolbooMessageItem *item = _holboo_message_list_item_at (self, i - 1);

      if (holboo_message_item_get_timestamp (item) <= self->read_until)
        break;
      if (holboo_message_item_get_direction (item) == HOLBOO_MESSAGE_INCOMING)
        found = holboo_message_item_get_id (item);
    }

  if (found != 0)
    {
      guint position;

      self->first_unread_id = found;
      if (holboo_message_list_find (self, found, &position))
        _holboo_message_list_update_layout (self, position, position);
    }
}

/* Where @item goes: after every item that sorts before it. */
static guint
insert_position (HolbooMessageList *self,
                 HolbooMessageItem *item)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (holboo_message_item_compare (_holboo_message_list_item_at (self, mid), item) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
flush_some (HolbooMessageList *self,
            guint              max)
{
  guint position = self->items->len;
  guint added = MIN (self->pending->len, max);

  if (added == 0)
    return;
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (self->pending, i)));
  g_ptr_array_remove_range (self->pending, 0, added);
  _holboo_message_list_update_layout (self, position, position + added - 1);
  _holboo_message_list_items_changed (self, position, 0, added);
}

static gboolean
on_flush (gpointer user_data)
{
  HolbooMessageList *self = user_data;

  self->flush_id = 0;
  flush_some (self, FLUSH_MAX);
  if (self->pending->len > 0)
    self->flush_id = g_timeout_add_full (FLUSH_PRIORITY, FLUSH_MORE_MS, on_flush, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Puts every pending new message in, now. */
void
_holboo_message_list_flush (HolbooMessageList *self)
{
  g_clear_handle_id (&self->flush_id, g_source_remove);
  flush_some (self, G_MAXUINT);
}

static void
on_message_added (HolbooAccount       *account,
                  gint64               conversation_id,
                  gint64               message_id,
                  HolbooStoredMessage *message,
                  HolbooMessageList   *self)
{
  g_autoptr(HolbooMessageItem) item = NULL;
  HolbooMessageItem *last;
  guint position;

  if (!self->loaded || g_strcmp0 (message->peer, self->peer) != 0)
    return;
  if (g_hash_table_contains (self->by_id, &message->id))
    return;

  item = holboo_message_item_new (message);

  /* After everything loaded and pending: wait with the others. */
  last = self->pending->len > 0 ? g_ptr_array_index (self->pending, self->pending->len - 1)
       : self->items->len > 0 ? _holboo_message_list_item_at (self, self->items->len - 1)
       : NULL;
  if (last != NULL && holboo_message_item_compare (last, item) < 0)
    {
      g_hash_table_insert (self->by_id, _holboo_message_list_id_key (item), item);
      g_ptr_array_add (self->pending, g_steal_pointer (&item));
      if (self->flush_id == 0)
        self->flush_id = g_idle_add_full (FLUSH_PRIORITY, on_flush, self, NULL);
      return;
    }

  _holboo_message_list_flush (self);
  position = insert_position (self, item);
  if (position == 0 && self->items->len > 0 && !self->at_start)
    return;   /* older than the loaded stretch: paging will read it */

  g_hash_table_insert (self->by_id, _holboo_message_list_id_key (item), item);
  g_ptr_array_insert (self->items, position, g_steal_pointer (&item));
  _holboo_message_list_update_layout (self, position, position + 1);
  _holboo_message_list_items_changed (self, position, 0, 1);
}

static void
on_message_updated (HolbooAccount       *account,
                    gint64               conversation_id,
                    gint64               message_id,
                    HolbooStoredMessage *message,
                    HolbooMessageList   *self)
{
  HolbooMessageItem *old;
  HolbooMessageItem *item;
  guint position, new_position;

  if (!self->loaded || g_strcmp0 (message->peer, self->peer) != 0)
    return;
  old = g_hash_table_lookup (self->by_id, &message->id);
  if (old == NULL)
    return;

  /* Nothing on screen changes (it was read, the archive gave it an id):
   * no change to announce, no row to rebuild, and the pending messages
   * (which may hold it) can wait for their frame. */
  if (_holboo_message_item_shows_same (old, message))
    {
      g_hash_table_remove (self->by_id, &message->id);
      _holboo_message_item_swap_message (old, message);
      g_hash_table_insert (self->by_id, _holboo_message_list_id_key (old), old);
      return;
    }

  _holboo_message_list_flush (self);
  if (!holboo_message_list_find (self, message->id, &position))
    g_return_if_reached ();

  item = holboo_message_item_new (message);
  g_hash_table_remove (self->by_id, &message->id);
  g_hash_table_insert (self->by_id, _holboo_message_list_id_key (item), item);

  /* Its place in time may have changed (an archived copy's time). */
  g_ptr_array_remove_index (self->items, position);
  new_position = insert_position (self, item);
  g_ptr_array_insert (self->items, new_position, item);

  if (new_position == position)
    {
      _holboo_message_list_update_layout (self, position, position + 1);
      _holboo_message_list_items_changed (self, position, 1, 1);
    }
  else
    {
      _holboo_message_list_update_layout (self, MIN (position, new_position), MAX (position, new_position) + 1);
      _holboo_message_list_items_changed (self, position, 1, 0);
      _holboo_message_list_items_changed (self, new_position, 0, 1);
    }
}

static void
holboo_message_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HolbooMessageList *self = HOLBOO_MESSAGE_LIST (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: g_value_set_object (value, self->account); break;
    case PROP_PEER: g_value_set_string (value, self->peer); break;
    case PROP_PAGE_SIZE: g_value_set_uint (value, self->page_size); break;
    case PROP_LOADED: g_value_set_boolean (value, self->loaded); break;
    case PROP_LOADING: g_value_set_boolean (value, self->loading); break;
    case PROP_AT_START: g_value_set_boolean (value, self->at_start); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->items->len); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_message_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HolbooMessageList *self = HOLBOO_MESSAGE_LIST (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: self->account = g_value_dup_object (value); break;
    case PROP_PEER: self->peer = g_value_dup_string (value); break;
    case PROP_PAGE_SIZE: self->page_size = g_value_get_uint (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_message_list_constructed (GObject *object)
{
  HolbooMessageList *self = HOLBOO_MESSAGE_LIST (object);

  G_OBJECT_CLASS (holboo_message_list_parent_class)->constructed (object);

  g_assert (HOLBOO_IS_ACCOUNT (self->account));
  g_assert (self->peer != NULL);

  g_signal_connect_object (self->account, "message-added", G_CALLBACK (on_message_added), self, 0);
  g_signal_connect_object (self->account, "message-updated", G_CALLBACK (on_message_updated), self, 0);
  _holboo_message_list_start_job (self);
}

static void
holboo_message_list_dispose (GObject *object)
{
  HolbooMessageList *self = HOLBOO_MESSAGE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (holboo_message_list_parent_class)->dispose (object);
}

static void
holboo_message_list_finalize (GObject *object)
{
  HolbooMessageList *self = HOLBOO_MESSAGE_LIST (object);

  g_assert (self->waiters->len == 0);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  g_free (self->peer);

  G_OBJECT_CLASS (holboo_message_list_parent_class)->finalize (object);
}

static void
holboo_message_list_class_init (HolbooMessageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_message_list_get_property;
  object_class->set_property = holboo_message_list_set_property;
  object_class->constructed = holboo_message_list_constructed;
  object_class->dispose = holboo_message_list_dispose;
  object_class->finalize = holboo_message_list_finalize;

  _holboo_message_list_properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, HOLBOO_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:peer: the conversation's bare JID */
  _holboo_message_list_properties[PROP_PEER] =
    g_param_spec_string ("peer", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:page-size: messages read per page */
  _holboo_message_list_properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, 10000, HOLBOO_MESSAGE_LIST_DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:loaded: the newest page is in (or failed) */
  _holboo_message_list_properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:loading: a page is being read or fetched */
  _holboo_message_list_properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:at-start: the first message of the conversation
   * is loaded: neither the store nor the archive has anything older */
  _holboo_message_list_properties[PROP_AT_START] =
    g_param_spec_boolean ("at-start", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  _holboo_message_list_properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, _holboo_message_list_properties);
}

static void
holboo_message_list_init (HolbooMessageList *self)
{
  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_size = HOLBOO_MESSAGE_LIST_DEFAULT_PAGE_SIZE;
}

/**
 * holboo_message_list_new:
 * @account: the account
 * @peer: the conversation's bare JID
 * @page_size: messages per page; 0 for the default
 *
 * Starts reading the newest page at once (#HolbooMessageList:loaded
 * turns %TRUE when it is in).
 *
 * Returns: (transfer full): a new list
 */
HolbooMessageList *
holboo_message_list_new (HolbooAccount *account,
                         const char    *peer,
                         guint          page_size)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (peer != NULL, NULL);

  return g_object_new (HOLBOO_TYPE_MESSAGE_LIST,
                       "account", account,
                       "peer", peer,
                       "page-size", page_size > 0 ? page_size : HOLBOO_MESSAGE_LIST_DEFAULT_PAGE_SIZE,
                       NULL);
}

HolbooAccount *
holboo_message_list_get_account (HolbooMessageList *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), NULL);
  return self->account;
}

const char *
holboo_message_list_get_peer (HolbooMessageList *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), NULL);
  return self->peer;
}

guint
holboo_message_list_get_page_size (HolbooMessageList *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), 0);
  return self->page_size;
}

gboolean
holboo_message_list_get_loaded (HolbooMessageList *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), FALSE);
  return self->loaded;
}

gboolean
holboo_message_list_get_loading (HolbooMessageList *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), FALSE);
  return self->loading;
}

gboolean
holboo_message_list_get_at_start (HolbooMessageList *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), FALSE);
  return self->at_start;
}

/**
 * holboo_message_list_get_error:
 *
 * Returns: (nullable): why the last load stopped short (not connected,
 *   the archive refused, the store failed), or %NULL
 */
const GError *
holboo_message_list_get_error (HolbooMessageList *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), NULL);
  return self->error;
}

/**
 * holboo_message_list_set_read_until:
 * @read_until: the conversation's read mark when it was opened (µs)
 *
 * Places the unread marker on the first incoming message after
 * @read_until (#HolbooMessageItem:first-unread), once: it stays there
 * while the list lives.
 */
void
holboo_message_list_set_read_until (HolbooMessageList *self,
                                    gint64             read_until)
{
  g_return_if_fail (HOLBOO_IS_MESSAGE_LIST (self));

  if (self->has_read_until)
    return;
  self->has_read_until = TRUE;
  self->read_until = read_until;
  _holboo_message_list_find_first_unread (self);
}

/**
 * holboo_message_list_get_first_unread_id:
 *
 * Returns: the row id of the message under the unread marker, or 0
 */
gint64
holboo_message_list_get_first_unread_id (HolbooMessageList *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), 0);
  return self->first_unread_id;
}

/**
 * holboo_message_list_find:
 * @message_id: a message's row id
 * @position: (out) (optional): its position
 *
 * Returns: whether the message is loaded
 */
gboolean
holboo_message_list_find (HolbooMessageList *self,
                          gint64             message_id,
                          guint             *position)
{
  HolbooMessageItem *item;
  guint lo = 0, hi;

  g_return_val_if_fail (HOLBOO_IS_MESSAGE_LIST (self), FALSE);

  item = g_hash_table_lookup (self->by_id, &message_id);
  if (item == NULL)
    return FALSE;
  _holboo_message_list_flush (self);

  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (holboo_message_item_compare (_holboo_message_list_item_at (self, mid), item) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_assert (lo < self->items->len && _holboo_message_list_item_at (self, lo) == item);
  if (position != NULL)
    *position = lo;
  return TRUE;
}
