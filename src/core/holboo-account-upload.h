/* holboo-account-upload.h: files in messages — sending through HTTP File
 * Upload (XEP-0363), receiving by URL (XEP-0066), previews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"

G_BEGIN_DECLS

/* Images offered to us up to this size are downloaded without asking. */
#define HOLBOO_ACCOUNT_DEFAULT_AUTO_DOWNLOAD_MAX (8 * 1024 * 1024)

/* No download, asked for or not, is ever larger than this. */
#define HOLBOO_ACCOUNT_MAX_DOWNLOAD_SIZE ((guint64) 1024 * 1024 * 1024)

char                *holboo_account_dup_files_dir              (HolbooAccount        *self);
guint64              holboo_account_get_auto_download_max      (HolbooAccount        *self);
void                 holboo_account_set_auto_download_max      (HolbooAccount        *self,
                                                                guint64               max_size);

void                 holboo_account_send_file_async            (HolbooAccount        *self,
                                                                const char           *to,
                                                                GFile                *file,
                                                                const char           *caption,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
HolbooStoredMessage *holboo_account_send_file_finish           (HolbooAccount        *self,
                                                                GAsyncResult         *result,
                                                                gint64               *message_id,
                                                                GError              **error);

void                 holboo_account_retry_upload_async         (HolbooAccount        *self,
                                                                gint64                message_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
HolbooStoredMessage *holboo_account_retry_upload_finish        (HolbooAccount        *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

void                 holboo_account_download_attachment_async  (HolbooAccount        *self,
                                                                gint64                message_id,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
HolbooStoredMessage *holboo_account_download_attachment_finish (HolbooAccount        *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

gboolean             holboo_account_cancel_transfer            (HolbooAccount        *self,
                                                                gint64                message_id);

G_END_DECLS
