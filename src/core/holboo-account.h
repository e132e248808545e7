/* holboo-account.h: one account: its connection, its store, and the
 * message pipeline between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-store-messages.h"
#include "holboo-xmpp-connection.h"

G_BEGIN_DECLS

/* The longest body holboo_account_send_message() accepts, in bytes: well
 * under the servers' stanza limits (Prosody: 256 KiB) even when every
 * character is escaped. */
#define HOLBOO_ACCOUNT_MAX_BODY_LENGTH (32 * 1024)

/* Incoming bodies longer than this are dropped (the XML stream already
 * refuses stanzas over 1 MiB). */
#define HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH (256 * 1024)

#define HOLBOO_ACCOUNT_DEFAULT_MAM_PAGE_SIZE      250
#define HOLBOO_ACCOUNT_DEFAULT_CATCH_UP_MAX_PAGES 4

#define HOLBOO_ACCOUNT_ERROR (holboo_account_error_quark ())

/**
 * HolbooAccountError:
 * @HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS: the address to write to is not
 *   a valid XMPP address
 * @HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE: the text is empty, too long or
 *   not valid text
 * @HOLBOO_ACCOUNT_ERROR_CLOSED: the account is going away
 */
typedef enum {
  HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
  HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
  HOLBOO_ACCOUNT_ERROR_CLOSED,
} HolbooAccountError;

#define HOLBOO_TYPE_ACCOUNT (holboo_account_get_type ())

G_DECLARE_FINAL_TYPE (HolbooAccount, holboo_account, HOLBOO, ACCOUNT, GObject)

GQuark                holboo_account_error_quark           (void);

HolbooAccount        *holboo_account_new                   (HolbooXmppSettings   *settings,
                                                            const char           *store_path,
                                                            GCancellable         *cancellable,
                                                            GError              **error);
void                  holboo_account_new_async             (HolbooXmppSettings   *settings,
                                                            const char           *store_path,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
HolbooAccount        *holboo_account_new_finish            (GAsyncResult         *result,
                                                            GError              **error);

const char           *holboo_account_get_jid               (HolbooAccount        *self);
const char           *holboo_account_get_store_path        (HolbooAccount        *self);
HolbooXmppConnection *holboo_account_get_connection        (HolbooAccount        *self);
gboolean              holboo_account_get_syncing           (HolbooAccount        *self);
guint                 holboo_account_get_mam_page_size     (HolbooAccount        *self);
void                  holboo_account_set_mam_page_size     (HolbooAccount        *self,
                                                            guint                 page_size);
guint                 holboo_account_get_catch_up_max_pages (HolbooAccount       *self);
void                  holboo_account_set_catch_up_max_pages (HolbooAccount       *self,
                                                            guint                 max_pages);

void                  holboo_account_connect_async         (HolbooAccount        *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean              holboo_account_connect_finish        (HolbooAccount        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);
void                  holboo_account_disconnect            (HolbooAccount        *self);

void                  holboo_account_sync_async            (HolbooAccount        *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean              holboo_account_sync_finish           (HolbooAccount        *self,
                                                            GAsyncResult         *result,
                                                            guint                *n_new,
                                                            GError              **error);

char                 *holboo_account_send_message          (HolbooAccount        *self,
                                                            const char           *to,
                                                            const char           *body,
                                                            GError              **error);

void                  holboo_account_flush_async           (HolbooAccount        *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean              holboo_account_flush_finish          (HolbooAccount        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void                  holboo_account_list_conversations_async (HolbooAccount     *self,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GPtrArray            *holboo_account_list_conversations_finish (HolbooAccount    *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void                  holboo_account_load_messages_async   (HolbooAccount        *self,
                                                            const char           *peer,
                                                            const HolbooMessageCursor *before,
                                                            guint                 limit,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GPtrArray            *holboo_account_load_messages_finish  (HolbooAccount        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void                  holboo_account_fetch_older_async     (HolbooAccount        *self,
                                                            const char           *peer,
                                                            guint                 max_messages,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean              holboo_account_fetch_older_finish    (HolbooAccount        *self,
                                                            GAsyncResult         *result,
                                                            guint                *n_new,
                                                            gboolean             *complete,
                                                            GError              **error);

G_END_DECLS
