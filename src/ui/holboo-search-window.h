/* holboo-search-window.h: searching all conversations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-conversation-list.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_SEARCH_WINDOW (holboo_search_window_get_type ())

G_DECLARE_FINAL_TYPE (HolbooSearchWindow, holboo_search_window, HOLBOO, SEARCH_WINDOW, AdwWindow)

GtkWidget *holboo_search_window_new          (GtkWindow              *parent,
                                              HolbooConversationList *conversations);
void       holboo_search_window_set_text     (HolbooSearchWindow     *self,
                                              const char             *text);
guint      holboo_search_window_get_n_hits   (HolbooSearchWindow     *self);
gboolean   holboo_search_window_activate_hit (HolbooSearchWindow     *self,
                                              guint                   index);

G_END_DECLS
