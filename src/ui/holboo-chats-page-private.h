/* holboo-chats-page-private.h: the Chats page's actions kept in files
 * of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-chats-page.h"

G_BEGIN_DECLS

/* holboo-chats-page-groups.c: GtkWidgetActionActivateFunc's */
void _holboo_chats_page_new_group       (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void _holboo_chats_page_join_group      (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void _holboo_chats_page_invite_members  (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void _holboo_chats_page_leave_group     (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void _holboo_chats_page_toggle_pin      (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void _holboo_chats_page_toggle_mute     (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void _holboo_chats_page_open_action     (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);
void _holboo_chats_page_search_messages (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter);

G_END_DECLS
