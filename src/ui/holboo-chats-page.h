/* holboo-chats-page.h: the Chats page: conversations and the open one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-account.h"
#include "holboo-conversation-list.h"
#include "holboo-message-list.h"
#include "holboo-mode-manager.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CHATS_PAGE (holboo_chats_page_get_type ())

G_DECLARE_FINAL_TYPE (HolbooChatsPage, holboo_chats_page, HOLBOO, CHATS_PAGE, GtkWidget)

GtkWidget              *holboo_chats_page_new               (void);
void                    holboo_chats_page_set_account       (HolbooChatsPage *self,
                                                             HolbooAccount   *account);
HolbooAccount          *holboo_chats_page_get_account       (HolbooChatsPage *self);
HolbooConversationList *holboo_chats_page_get_conversations (HolbooChatsPage *self);
void                    holboo_chats_page_open_conversation (HolbooChatsPage *self,
                                                             const char      *peer);
const char             *holboo_chats_page_get_open_peer     (HolbooChatsPage *self);
HolbooMessageList      *holboo_chats_page_get_open_list     (HolbooChatsPage *self);
void                    holboo_chats_page_open_message      (HolbooChatsPage *self,
                                                             const char      *peer,
                                                             gint64           message_id);
void                    holboo_chats_page_close_conversation (HolbooChatsPage *self);
guint                   holboo_chats_page_get_unread        (HolbooChatsPage *self);
void                    holboo_chats_page_set_mode_manager  (HolbooChatsPage   *self,
                                                             HolbooModeManager *modes);
GObject                *holboo_chats_page_get_notifier      (HolbooChatsPage *self);

G_END_DECLS
