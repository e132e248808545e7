/* holboo-store-attachments.c: files sent with messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An attachment is stored with its message, in the same transaction
 * (holboo_store_insert_messages() calls _holboo_store_insert_attachment()
 * for a new row that has one), and every read of messages fills it in.
 * A file of ours is written before it is uploaded: the message is in
 * the conversation at once, and its row and text survive a quit, a
 * crash or a failed upload.  Such a message is PENDING but stays out of
 * the outbox until its file has a URL (holboo_store_outbox_list()).
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-messages-private.h"

#include <glib/gi18n-lib.h>

#define ATTACHMENT_COLUMNS \
  "message_id, state, url, local_path, name, size, mime, thumbnail_path, width, height, " \
  "description, error"

static HolbooStoredAttachment *
attachment_from_row (sqlite3_stmt *stmt)
{
  HolbooStoredAttachment *a = holboo_stored_attachment_new ();

  a->message_id = sqlite3_column_int64 (stmt, 0);
  a->state = sqlite3_column_int (stmt, 1);
  a->url = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  a->local_path = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  a->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  a->size = sqlite3_column_int64 (stmt, 5);
  a->mime = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  a->thumbnail_path = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  a->width = sqlite3_column_int (stmt, 8);
  a->height = sqlite3_column_int (stmt, 9);
  a->description = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  a->error = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  return a;
}

static gboolean
check_attachment (HolbooStore                   *self,
                  const HolbooStoredAttachment  *a,
                  GError                       **error)
{
  const char *problem = NULL;

  if (a->name == NULL || *a->name == '\0')
    problem = "no name";
  else if ((guint) a->state > HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED)
    problem = "an unknown state";
  else if (a->url == NULL && a->state != HOLBOO_ATTACHMENT_STATE_UPLOADING &&
           a->state != HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED)
    problem = "no URL";
  else if (a->size < -1 || a->width < 0 || a->height < 0)
    problem = "a negative size";

  if (problem != NULL)
    {
      g_set_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID,
                   _("An attachment with %s cannot be stored"), problem);
      return FALSE;
    }
  return TRUE;
}

static void
bind_mutable (sqlite3_stmt                 *stmt,
              const HolbooStoredAttachment *a)
{
  sqlite3_bind_int (stmt, 2, a->state);
  _holboo_store_bind_text (stmt, 3, a->url);
  _holboo_store_bind_text (stmt, 4, a->local_path);
  sqlite3_bind_int64 (stmt, 5, a->size);
  _holboo_store_bind_text (stmt, 6, a->mime);
  _holboo_store_bind_text (stmt, 7, a->thumbnail_path);
  sqlite3_bind_int (stmt, 8, a->width);
  sqlite3_bind_int (stmt, 9, a->height);
  _holboo_store_bind_text (stmt, 10, a->error);
}

/* Inside holboo_store_insert_messages()'s transaction. */
gboolean
_holboo_store_insert_attachment (HolbooStore                   *self,
                                 gint64                         message_id,
                                 const HolbooStoredAttachment  *a,
                                 GError                       **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  if (!check_attachment (self, a, error))
    return FALSE;

  stmt = _holboo_store_prepare (self,
                                "INSERT INTO attachments (message_id, state, url, local_path, size, mime,"
                                "  thumbnail_path, width, height, error, name, description)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12);",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, message_id);
  bind_mutable (stmt, a);
  _holboo_store_bind_text (stmt, 11, a->name);
  _holboo_store_bind_text (stmt, 12, a->description);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

/**
 * holboo_store_get_attachment:
 * @self: an open store
 * @message_id: a message's row id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the message's file, or %NULL —
 *   with @error set on failure, unset when it has none
 */
HolbooStoredAttachment *
holboo_store_get_attachment (HolbooStore  *self,
                             gint64        message_id,
                             GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self, "SELECT " ATTACHMENT_COLUMNS " FROM attachments WHERE message_id = ?1;",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, message_id);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return attachment_from_row (stmt);
}

/* Fills in @m->attachment.  One lookup by primary key per message. */
gboolean
_holboo_store_fill_attachment (HolbooStore          *self,
                               HolbooStoredMessage  *m,
                               GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_pointer (&m->attachment, holboo_stored_attachment_unref);
  m->attachment = holboo_store_get_attachment (self, m->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * holboo_store_update_attachment:
 * @self: an open store
 * @attachment: the attachment as it is now (@message_id names it): its
 *   state, URL, local path, size, type, thumbnail, dimensions and error
 *   are written; its name and description never change
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success (also when the message is gone)
 */
gboolean
holboo_store_update_attachment (HolbooStore                   *self,
                                const HolbooStoredAttachment  *attachment,
                                GError                       **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), FALSE);
  g_return_val_if_fail (attachment != NULL, FALSE);

  if (!check_attachment (self, attachment, error))
    return FALSE;

  stmt = _holboo_store_prepare (self,
                                "UPDATE attachments SET state = ?2, url = ?3, local_path = ?4, size = ?5,"
                                "  mime = ?6, thumbnail_path = ?7, width = ?8, height = ?9, error = ?10"
                                " WHERE message_id = ?1;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attachment->message_id);
  bind_mutable (stmt, attachment);
  return _holboo_store_step (self, stmt, error) == SQLITE_DONE;
}

/**
 * holboo_store_attachment_uploaded:
 * @self: an open store
 * @message_id: an outgoing message whose file is uploading
 * @url: where the file can now be fetched
 * @error: return location for a #GError
 *
 * Records a finished upload: the attachment gets @url, and the message's
 * body becomes @url (what other clients show as the file), in one
 * transaction.  The message then joins the outbox.
 *
 * Returns: (transfer full) (nullable): the message as it is now, or
 *   %NULL — with @error set on failure, unset when no such upload waits
 */
HolbooStoredMessage *
holboo_store_attachment_uploaded (HolbooStore  *self,
                                  gint64        message_id,
                                  const char   *url,
                                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  if (!_holboo_store_begin (self, error))
    return NULL;

  {
    g_autoptr(HolbooStoreStmt) stmt =
      _holboo_store_prepare (self,
                             "UPDATE attachments SET state = 2, url = ?2, error = NULL"
                             " WHERE message_id = ?1 AND state IN (0, 1) RETURNING message_id;",
                             &local_error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, message_id);
    sqlite3_bind_text (stmt, 2, url, -1, SQLITE_STATIC);
    if (!_holboo_store_step_returning_id (self, stmt, &id, &local_error))
      goto fail;
  }

  if (id != 0)
    {
      g_autoptr(HolbooStoreStmt) stmt =
        _holboo_store_prepare (self, "UPDATE messages SET body = ?2 WHERE id = ?1 AND direction = 1;",
                               &local_error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, message_id);
      sqlite3_bind_text (stmt, 2, url, -1, SQLITE_STATIC);
      if (_holboo_store_step (self, stmt, &local_error) != SQLITE_DONE)
        goto fail;
    }

  if (!_holboo_store_commit (self, &local_error))
    goto fail;
  if (id == 0)
    return NULL;
  return holboo_store_get_message (self, message_id, error);

fail:
  _holboo_store_rollback (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * holboo_store_list_uploads:
 * @self: an open store
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type HolbooStoredMessage): our
 *   messages whose file is still to be uploaded (not the failed ones),
 *   oldest first, with their attachments; %NULL with @error set on
 *   failure
 */
GPtrArray *
holboo_store_list_uploads (HolbooStore  *self,
                           GError      **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT " HOLBOO_STORE_MESSAGE_COLUMNS HOLBOO_STORE_MESSAGE_FROM
                                "WHERE m.id IN (SELECT message_id FROM attachments WHERE state IN (0, 1))"
                                " AND m.direction = 1 AND m.state IN (1, 2) ORDER BY m.id;",
                                error);
  if (stmt == NULL)
    return NULL;
  return _holboo_store_collect_messages (self, stmt, error);
}
