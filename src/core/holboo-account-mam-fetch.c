/* holboo-account-mam-fetch.c: older history on demand, and a room's
 * archive after a join — syncs of holboo-account-mam.c started for the
 * UI and for rooms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-mam-private.h"
#include "holboo-xmpp-mam.h"

#include <glib/gi18n-lib.h>

static void
on_user_cancelled (GCancellable *cancellable,
                   gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/**
 * holboo_account_fetch_older_async:
 * @self: a connected account
 * @peer: the conversation's bare JID
 * @max_messages: fetch about this many archived messages at most (0: one
 *   page)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the messages are stored (::message-added was
 *   emitted for each new one)
 * @user_data: for @callback
 *
 * Fills the next gap of @peer's history older than what is stored,
 * newest first, from the account's archive: for scrolling a conversation
 * back.
 */
void
holboo_account_fetch_older_async (HolbooAccount       *self,
                                  const char          *peer,
                                  guint                max_messages,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HolbooJid) peer_jid = NULL;
  HolbooMamSync *sync;
  HolbooAccountBatch *batch;
  HolbooAccountOp *op;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (peer != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_fetch_older_async);

  peer_jid = holboo_jid_parse (peer, -1, NULL);
  if (peer_jid == NULL)
    {
      g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                               _("“%s” is not a valid address"), peer);
      return;
    }
  if (!_holboo_account_is_connected (self))
    {
      g_task_return_new_error (task, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED,
                               "%s", _("Not connected"));
      return;
    }

  /* A group chat's older history is in its room's archive, unfiltered. */
  if (_holboo_account_rooms_is_room (self, holboo_jid_get_bare_string (peer_jid)))
    {
      sync = _holboo_mam_sync_new (self, FALSE, NULL);
      sync->archive = holboo_jid_get_bare (peer_jid);
    }
  else
    sync = _holboo_mam_sync_new (self, FALSE, holboo_jid_get_bare_string (peer_jid));
  sync->max_messages = max_messages != 0 ? max_messages : self->mam_page_size;
  sync->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    {
      sync->user_cancellable = g_object_ref (cancellable);
      sync->cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_user_cancelled),
                                               sync->cancellable, NULL);
    }

  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_OLDER_GAP);
  op->archive = g_strdup (_holboo_mam_sync_archive (sync));
  op->peer = g_strdup (holboo_jid_get_bare_string (peer_jid));
  op->with = g_strdup (sync->with);
  batch = _holboo_account_batch_new (_holboo_mam_gap_found, _holboo_mam_sync_ref (sync), (GDestroyNotify) _holboo_mam_sync_unref);
  _holboo_account_batch_add (batch, op);
  _holboo_account_submit (self, batch);
}

/**
 * holboo_account_fetch_older_finish:
 * @n_new: (out) (optional): how many messages were new
 * @complete: (out) (optional): the conversation's history is now stored
 *   back to the start of the archive
 *
 * Returns: %TRUE on success
 */
gboolean
holboo_account_fetch_older_finish (HolbooAccount  *self,
                                   GAsyncResult   *result,
                                   guint          *n_new,
                                   gboolean       *complete,
                                   GError        **error)
{
  g_autofree FetchResult *fetched = NULL;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  fetched = g_task_propagate_pointer (G_TASK (result), error);
  if (n_new != NULL)
    *n_new = fetched != NULL ? fetched->n_new : 0;
  if (complete != NULL)
    *complete = fetched != NULL && fetched->complete;
  return fetched != NULL;
}

/**
 * _holboo_account_room_catch_up:
 * @room: the room's bare JID
 * @done: (nullable): called when the catch-up is over
 *
 * Catches up on a room's archive after joining it, newest first, as
 * the account's own catch-up does: until it reaches what is stored, or
 * for a few pages when nothing is (older history then comes on
 * demand).  A catch-up of the same room that is still running is
 * dropped.
 */
void
_holboo_account_room_catch_up (HolbooAccount      *self,
                               HolbooJid          *room,
                               HolbooRoomSyncDone  done,
                               gpointer            user_data)
{
  HolbooMamSync *sync;

  for (guint i = 0; i < self->syncs->len; i++)
    {
      HolbooMamSync *old = self->syncs->pdata[i];

      if (old->catch_up && old->archive != NULL && holboo_jid_equal_bare (old->archive, room))
        {
          old->room_done = NULL;
          g_cancellable_cancel (old->cancellable);
          _holboo_mam_sync_finish (old, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Superseded"));
          break;
        }
    }

  sync = _holboo_mam_sync_new (self, TRUE, NULL);
  sync->archive = holboo_jid_get_bare (room);
  sync->room_done = done;
  sync->room_done_data = user_data;
  _holboo_mam_find_gap_below (sync, NULL, 0);
}

