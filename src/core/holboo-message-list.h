/* holboo-message-list.h: one conversation's messages as a list model
 * that pages from the store and, past its end, from the archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-account.h"
#include "holboo-message-item.h"

G_BEGIN_DECLS

#define HOLBOO_MESSAGE_LIST_DEFAULT_PAGE_SIZE 50

/* Messages of one sender closer than this in time are one group. */
#define HOLBOO_MESSAGE_LIST_GROUP_GAP (5 * G_TIME_SPAN_MINUTE)

#define HOLBOO_TYPE_MESSAGE_LIST (holboo_message_list_get_type ())

G_DECLARE_FINAL_TYPE (HolbooMessageList, holboo_message_list, HOLBOO, MESSAGE_LIST, GObject)

HolbooMessageList *holboo_message_list_new               (HolbooAccount       *account,
                                                          const char          *peer,
                                                          guint                page_size);

HolbooAccount     *holboo_message_list_get_account       (HolbooMessageList   *self);
const char        *holboo_message_list_get_peer          (HolbooMessageList   *self);
guint              holboo_message_list_get_page_size     (HolbooMessageList   *self);
gboolean           holboo_message_list_get_loaded        (HolbooMessageList   *self);
gboolean           holboo_message_list_get_loading       (HolbooMessageList   *self);
gboolean           holboo_message_list_get_at_start      (HolbooMessageList   *self);
const GError      *holboo_message_list_get_error         (HolbooMessageList   *self);

void               holboo_message_list_set_read_until    (HolbooMessageList   *self,
                                                          gint64               read_until);
gint64             holboo_message_list_get_first_unread_id (HolbooMessageList *self);

gboolean           holboo_message_list_find              (HolbooMessageList   *self,
                                                          gint64               message_id,
                                                          guint               *position);

void               holboo_message_list_load_older_async  (HolbooMessageList   *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean           holboo_message_list_load_older_finish (HolbooMessageList   *self,
                                                          GAsyncResult        *result,
                                                          guint               *n_loaded,
                                                          GError             **error);

G_END_DECLS
