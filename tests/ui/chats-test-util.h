/* chats-test-util.h: driving the Chats page in-process under Xvfb, for
 * the UI test and the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-chats-page.h"
#include "holboo-message-row.h"

G_BEGIN_DECLS

typedef gboolean (*ChatsCondition) (gpointer data);

void              chats_load_app_resources (void);
gboolean          chats_wait_until        (ChatsCondition  condition,
                                           gpointer        data,
                                           guint           timeout_ms);
void              chats_run_for           (guint           ms);
GtkWidget        *chats_find_named        (GtkWidget      *root,
                                           const char     *name);
GtkWidget        *chats_find_type         (GtkWidget      *root,
                                           GType           type);
/* The mapped message row showing the message with @body, or NULL. */
HolbooMessageRow *chats_find_row          (GtkWidget      *root,
                                           const char     *body);
/* The item of the row at the top of the list view's viewport. */
gint64            chats_top_visible_id    (GtkWidget      *list_view);
/* Where the row of @message_id is in the viewport (NAN: not shown). */
float             chats_row_y             (GtkWidget      *list_view,
                                           gint64          message_id);
void              chats_save_artefact     (GtkWidget      *widget,
                                           const char     *name);
/* Runs @argv (xdotool, …) and waits for it while the main loop runs. */
void              chats_run_tool          (const char * const *argv);

G_END_DECLS
