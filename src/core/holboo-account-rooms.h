/* holboo-account-rooms.h: an account's group chats (XEP-0045), their
 * invitations (XEP-0249) and bookmarks (XEP-0402)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-room.h"
#include "holboo-store-rooms.h"

G_BEGIN_DECLS

/* How often a joined room is checked with a self-ping (XEP-0410). */
#define HOLBOO_ACCOUNT_DEFAULT_ROOM_PING_SECONDS 120

GListModel *holboo_account_get_rooms             (HolbooAccount        *self);
HolbooRoom *holboo_account_get_room              (HolbooAccount        *self,
                                                  const char           *jid);

void        holboo_account_join_room_async       (HolbooAccount        *self,
                                                  const char           *jid,
                                                  const char           *nick,
                                                  const char           *password,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
HolbooRoom *holboo_account_join_room_finish      (HolbooAccount        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        holboo_account_create_room_async     (HolbooAccount        *self,
                                                  const char           *jid,
                                                  const char           *nick,
                                                  const char           *name,
                                                  const char * const   *members,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
HolbooRoom *holboo_account_create_room_finish    (HolbooAccount        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

gboolean    holboo_account_leave_room            (HolbooAccount        *self,
                                                  const char           *jid,
                                                  GError              **error);

void        holboo_account_set_affiliation_async (HolbooAccount        *self,
                                                  const char           *room,
                                                  const char           *user,
                                                  HolbooMucAffiliation  affiliation,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean    holboo_account_set_affiliation_finish (HolbooAccount       *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

void        holboo_account_invite_async          (HolbooAccount        *self,
                                                  const char           *room,
                                                  const char           *user,
                                                  const char           *reason,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean    holboo_account_invite_finish         (HolbooAccount        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

char       *holboo_account_send_groupchat        (HolbooAccount        *self,
                                                  const char           *room,
                                                  const char           *body,
                                                  GError              **error);

void        holboo_account_list_rooms_async      (HolbooAccount        *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray  *holboo_account_list_rooms_finish     (HolbooAccount        *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

guint       holboo_account_get_room_ping_seconds (HolbooAccount        *self);
void        holboo_account_set_room_ping_seconds (HolbooAccount        *self,
                                                  guint                 seconds);

G_END_DECLS
