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

#include "holboo-message-list.h"
#include "holboo-xmpp-error.h"

struct _HolbooMessageList
{
  GObject        parent_instance;

  HolbooAccount *account;
  char          *peer;
  guint          page_size;
  GCancellable  *cancellable;

  GPtrArray     *items;          /* (element-type HolbooMessageItem) oldest first */
  GHashTable    *by_id;          /* (gint64 *) message id → item, not owned */

  gboolean       loaded;
  gboolean       loading;
  gboolean       at_start;
  GError        *error;

  gint64         read_until;
  gboolean       has_read_until;
  gint64         first_unread_id;

  /* The running load: the first page, or older history. */
  GPtrArray     *waiters;        /* (element-type GTask) */
  guint          job_loaded;
  gboolean       job_fetched;
  gboolean       job_complete;
};

static void holboo_message_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooMessageList, holboo_message_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      holboo_message_list_model_iface_init))

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_PEER,
  PROP_PAGE_SIZE,
  PROP_LOADED,
  PROP_LOADING,
  PROP_AT_START,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static HolbooMessageItem *
item_at (HolbooMessageList *self,
         guint              position)
{
  return g_ptr_array_index (self->items, position);
}

static gint64 *
id_key (HolbooMessageItem *item)
{
  return &holboo_message_item_get_message (item)->id;
}

static void
items_changed (HolbooMessageList *self,
               guint              position,
               guint              removed,
               guint              added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
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
static void
update_layout (HolbooMessageList *self,
               guint              first,
               guint              last)
{
  if (self->items->len == 0)
    return;
  last = MIN (last, self->items->len - 1);

  for (guint i = first; i <= last; i++)
    {
      HolbooMessageItem *item = item_at (self, i);
      HolbooMessageItem *prev = i > 0 ? item_at (self, i - 1) : NULL;
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
static void
find_first_unread (HolbooMessageList *self)
{
  gint64 found = 0;

  if (!self->loaded || !self->has_read_until || self->first_unread_id != 0)
    return;

  for (guint i = self->items->len; i > 0; i--)
    {
      HolbooMessageItem *item = item_at (self, i - 1);

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
        update_layout (self, position, position);
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

      if (holboo_message_item_compare (item_at (self, mid), item) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
set_at_start (HolbooMessageList *self,
              gboolean           at_start)
{
  if (self->at_start == at_start)
    return;
  self->at_start = at_start;
  update_layout (self, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_START]);
}

static void
set_loading (HolbooMessageList *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Puts a page (oldest first, all older than what is loaded) on top. */
static guint
prepend_rows (HolbooMessageList *self,
              GPtrArray         *rows)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (rows->len + self->items->len, g_object_unref);
  guint added;

  for (guint i = 0; i < rows->len; i++)
    {
      HolbooStoredMessage *m = g_ptr_array_index (rows, i);
      HolbooMessageItem *item;

      if (g_hash_table_contains (self->by_id, &m->id))
        continue;
      if (self->items->len > 0 &&
          (m->timestamp > holboo_message_item_get_timestamp (item_at (self, 0)) ||
           (m->timestamp == holboo_message_item_get_timestamp (item_at (self, 0)) &&
            m->id > holboo_message_item_get_id (item_at (self, 0)))))
        continue;   /* not older: then it is loaded already */
      item = holboo_message_item_new (m);
      g_hash_table_insert (self->by_id, id_key (item), item);
      g_ptr_array_add (items, item);
    }

  added = items->len;
  if (added == 0)
    return 0;

  g_ptr_array_extend_and_steal (items, g_steal_pointer (&self->items));
  self->items = g_steal_pointer (&items);
  update_layout (self, 0, added);
  items_changed (self, 0, 0, added);
  return added;
}

static void
finish_job (HolbooMessageList *self,
            GError            *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  set_loading (self, FALSE);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_int (task, self->job_loaded);
    }
  g_clear_error (&error);
}

static void read_page (HolbooMessageList *self);

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  HolbooMessageList *self = user_data;
  GError *error = NULL;
  guint n_new = 0;
  gboolean complete = FALSE;

  if (!holboo_account_fetch_older_finish (HOLBOO_ACCOUNT (source), result, &n_new, &complete, &error))
    {
      g_debug ("Older history of %s not fetched: %s", self->peer, error->message);
      finish_job (self, error);
      g_object_unref (self);
      return;
    }

  g_debug ("Fetched %u older messages of %s from the archive%s", n_new, self->peer,
           complete ? ", which has nothing older" : "");
  self->job_fetched = TRUE;
  self->job_complete = complete;
  if (n_new == 0)
    {
      set_at_start (self, complete);
      finish_job (self, NULL);
    }
  else
    read_page (self);
  g_object_unref (self);
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  HolbooMessageList *self = user_data;
  g_autoptr(GPtrArray) rows = NULL;
  GError *error = NULL;
  gboolean first_page = !self->loaded;

  rows = holboo_account_load_messages_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not read the messages of %s: %s", self->peer, error->message);
      if (first_page && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->loaded = TRUE;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
        }
      finish_job (self, error);
      g_object_unref (self);
      return;
    }

  self->job_loaded += prepend_rows (self, rows);

  if (first_page)
    {
      self->loaded = TRUE;
      find_first_unread (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
      finish_job (self, NULL);
    }
  else if (rows->len >= self->page_size)
    finish_job (self, NULL);
  else if (self->job_fetched)
    {
      /* Everything the archive had older is stored, and now read. */
      set_at_start (self, self->job_complete);
      finish_job (self, NULL);
    }
  else
    holboo_account_fetch_older_async (self->account, self->peer, self->page_size, self->cancellable,
                                      on_fetched, g_object_ref (self));
  g_object_unref (self);
}

static void
read_page (HolbooMessageList *self)
{
  HolbooMessageCursor cursor;
  gboolean older = self->items->len > 0;

  if (older)
    cursor = holboo_message_item_get_cursor (item_at (self, 0));
  holboo_account_load_messages_async (self->account, self->peer, older ? &cursor : NULL, self->page_size,
                                      self->cancellable, on_page, g_object_ref (self));
}

static void
start_job (HolbooMessageList *self)
{
  self->job_loaded = 0;
  self->job_fetched = FALSE;
  self->job_complete = FALSE;
  set_loading (self, TRUE);
  read_page (self);
}

static void
on_message_added (HolbooAccount       *account,
                  gint64               conversation_id,
                  gint64               message_id,
                  HolbooStoredMessage *message,
                  HolbooMessageList   *self)
{
  g_autoptr(HolbooMessageItem) item = NULL;
  guint position;

  if (!self->loaded || g_strcmp0 (message->peer, self->peer) != 0)
    return;
  if (g_hash_table_contains (self->by_id, &message->id))
    return;

  item = holboo_message_item_new (message);
  position = insert_position (self, item);
  if (position == 0 && self->items->len > 0 && !self->at_start)
    return;   /* older than the loaded stretch: paging will read it */

  g_hash_table_insert (self->by_id, id_key (item), item);
  g_ptr_array_insert (self->items, position, g_steal_pointer (&item));
  update_layout (self, position, position + 1);
  items_changed (self, position, 0, 1);
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
  if (!holboo_message_list_find (self, message->id, &position))
    g_return_if_reached ();

  /* Nothing on screen changes (it was read, the archive gave it an id):
   * no change to announce, no row to rebuild. */
  if (_holboo_message_item_shows_same (old, message))
    {
      g_hash_table_remove (self->by_id, &message->id);
      _holboo_message_item_swap_message (old, message);
      g_hash_table_insert (self->by_id, id_key (old), old);
      return;
    }

  item = holboo_message_item_new (message);
  g_hash_table_remove (self->by_id, &message->id);
  g_hash_table_insert (self->by_id, id_key (item), item);

  /* Its place in time may have changed (an archived copy's time). */
  g_ptr_array_remove_index (self->items, position);
  new_position = insert_position (self, item);
  g_ptr_array_insert (self->items, new_position, item);

  if (new_position == position)
    {
      update_layout (self, position, position + 1);
      items_changed (self, position, 1, 1);
    }
  else
    {
      update_layout (self, MIN (position, new_position), MAX (position, new_position) + 1);
      items_changed (self, position, 1, 0);
      items_changed (self, new_position, 0, 1);
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
  start_job (self);
}

static void
holboo_message_list_dispose (GObject *object)
{
  HolbooMessageList *self = HOLBOO_MESSAGE_LIST (object);

  g_cancellable_cancel (self->cancellable);
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

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, HOLBOO_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:peer: the conversation's bare JID */
  properties[PROP_PEER] =
    g_param_spec_string ("peer", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:page-size: messages read per page */
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, 10000, HOLBOO_MESSAGE_LIST_DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:loaded: the newest page is in (or failed) */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:loading: a page is being read or fetched */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooMessageList:at-start: the first message of the conversation
   * is loaded: neither the store nor the archive has anything older */
  properties[PROP_AT_START] =
    g_param_spec_boolean ("at-start", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_message_list_init (HolbooMessageList *self)
{
  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
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
  find_first_unread (self);
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

  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (holboo_message_item_compare (item_at (self, mid), item) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_assert (lo < self->items->len && item_at (self, lo) == item);
  if (position != NULL)
    *position = lo;
  return TRUE;
}

/**
 * holboo_message_list_load_older_async:
 * @cancellable: (nullable): stops waiting (the read itself goes on)
 *
 * Loads the next older page: from the store, or when the store has no
 * more, from the account's archive (which needs a connection).  While a
 * load runs, another request waits for it and completes with it.
 */
void
holboo_message_list_load_older_async (HolbooMessageList   *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HOLBOO_IS_MESSAGE_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_message_list_load_older_async);
  g_task_set_check_cancellable (task, TRUE);

  if (self->at_start)
    {
      g_task_return_int (task, 0);
      g_object_unref (task);
      return;
    }

  g_ptr_array_add (self->waiters, task);
  if (!self->loading)
    start_job (self);
}

/**
 * holboo_message_list_load_older_finish:
 * @n_loaded: (out) (optional): messages put on top
 *
 * Returns: %TRUE, or %FALSE with @error set (%HOLBOO_XMPP_ERROR_NOT_CONNECTED
 *   when the store has nothing older and there is no connection)
 */
gboolean
holboo_message_list_load_older_finish (HolbooMessageList  *self,
                                       GAsyncResult       *result,
                                       guint              *n_loaded,
                                       GError            **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_loaded != NULL)
    *n_loaded = n;
  return TRUE;
}
