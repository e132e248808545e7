/* holboo-message-list-paging.c: the message list's pages, from the store
 * and, past its end, from the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One load runs at a time (the first page, or older history); requests
 * that come while it runs wait for it and complete with it.
 */

#define G_LOG_DOMAIN "holboo-message-list"

#include "config.h"

#include "holboo-message-list-private.h"

static void
set_at_start (HolbooMessageList *self,
              gboolean           at_start)
{
  if (self->at_start == at_start)
    return;
  self->at_start = at_start;
  _holboo_message_list_update_layout (self, 0, 0);
  g_object_notify_by_pspec (G_OBJECT (self), _holboo_message_list_properties[PROP_AT_START]);
}

static void
set_loading (HolbooMessageList *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), _holboo_message_list_properties[PROP_LOADING]);
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
          (m->timestamp > holboo_message_item_get_timestamp (_holboo_message_list_item_at (self, 0)) ||
           (m->timestamp == holboo_message_item_get_timestamp (_holboo_message_list_item_at (self, 0)) &&
            m->id > holboo_message_item_get_id (_holboo_message_list_item_at (self, 0)))))
        continue;   /* not older: then it is loaded already */
      item = holboo_message_item_new (m);
      g_hash_table_insert (self->by_id, _holboo_message_list_id_key (item), item);
      g_ptr_array_add (items, item);
    }

  added = items->len;
  if (added == 0)
    return 0;

  g_ptr_array_extend_and_steal (items, g_steal_pointer (&self->items));
  self->items = g_steal_pointer (&items);
  _holboo_message_list_update_layout (self, 0, added);
  _holboo_message_list_items_changed (self, 0, 0, added);
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
          g_object_notify_by_pspec (G_OBJECT (self), _holboo_message_list_properties[PROP_LOADED]);
        }
      finish_job (self, error);
      g_object_unref (self);
      return;
    }

  self->job_loaded += prepend_rows (self, rows);

  if (first_page)
    {
      self->loaded = TRUE;
      _holboo_message_list_find_first_unread (self);
      g_object_notify_by_pspec (G_OBJECT (self), _holboo_message_list_properties[PROP_LOADED]);
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
    cursor = holboo_message_item_get_cursor (_holboo_message_list_item_at (self, 0));
  holboo_account_load_messages_async (self->account, self->peer, older ? &cursor : NULL, self->page_size,
                                      self->cancellable, on_page, g_object_ref (self));
}

void
_holboo_message_list_start_job (HolbooMessageList *self)
{
  self->job_loaded = 0;
  self->job_fetched = FALSE;
  self->job_complete = FALSE;
  set_loading (self, TRUE);
  read_page (self);
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
    _holboo_message_list_start_job (self);
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
