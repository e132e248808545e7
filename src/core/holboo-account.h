/* holboo-account.h: one account: its connection, its store, and the
 * message pipeline between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-store-messages.h"
#include "holboo-xmpp-chatstates.h"
#include "holboo-xmpp-connection.h"

G_BEGIN_DECLS

/* The longest body holboo_account_send_message() accepts, in bytes: well
 * under the servers' stanza limits (Prosody: 256 KiB) even when every
 * character is escaped. */
#define HOLBOO_ACCOUNT_MAX_BODY_LENGTH (32 * 1024)

/* Incoming bodies longer than this are dropped (the XML stream already
 * refuses stanzas over 1 MiB). */
#define HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH (256 * 1024)

/* A peer's "composing" without news for this long counts as paused. */
#define HOLBOO_ACCOUNT_DEFAULT_CHAT_STATE_TIMEOUT 30000   /* ms */

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
 * @HOLBOO_ACCOUNT_ERROR_NOT_CONNECTED: an action that needs a session
 *   (edit, retract, react) was asked for without one
 */
typedef enum {
  HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
  HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
  HOLBOO_ACCOUNT_ERROR_CLOSED,
  HOLBOO_ACCOUNT_ERROR_NOT_CONNECTED,
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
guint                 holboo_account_get_chat_state_timeout (HolbooAccount       *self);
void                  holboo_account_set_chat_state_timeout (HolbooAccount       *self,
                                                            guint                 timeout_ms);

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
char                 *holboo_account_send_reply            (HolbooAccount        *self,
                                                            const char           *to,
                                                            const char           *body,
                                                            HolbooStoredMessage  *reply_to,
                                                            GError              **error);

/* holboo-account-actions.c: message actions and drafts */
gboolean              holboo_account_edit_message          (HolbooAccount        *self,
                                                            HolbooStoredMessage  *message,
                                                            const char           *body,
                                                            GError              **error);
gboolean              holboo_account_retract_message       (HolbooAccount        *self,
                                                            HolbooStoredMessage  *message,
                                                            GError              **error);
gboolean              holboo_account_react                 (HolbooAccount        *self,
                                                            HolbooStoredMessage  *message,
                                                            const char * const   *reactions,
                                                            GError              **error);
void                  holboo_account_mark_displayed        (HolbooAccount        *self,
                                                            HolbooStoredMessage  *message);
void                  holboo_account_save_draft            (HolbooAccount        *self,
                                                            const char           *peer,
                                                            const char           *text);
void                  holboo_account_load_draft_async      (HolbooAccount        *self,
                                                            const char           *peer,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
char                 *holboo_account_load_draft_finish     (HolbooAccount        *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

/* holboo-account-chat-states.c: XEP-0085, not stored */
gboolean              holboo_account_send_chat_state       (HolbooAccount        *self,
                                                            const char           *peer,
                                                            HolbooXmppChatState   state);
HolbooXmppChatState   holboo_account_get_chat_state        (HolbooAccount        *self,
                                                            const char           *peer);

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
