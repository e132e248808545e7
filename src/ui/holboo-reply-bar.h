/* holboo-reply-bar.h: the bar above the composer while the user answers
 * a message or edits one of theirs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  HOLBOO_REPLY_BAR_REPLY,
  HOLBOO_REPLY_BAR_EDIT,
} HolbooReplyBarMode;

#define HOLBOO_TYPE_REPLY_BAR (holboo_reply_bar_get_type ())

G_DECLARE_FINAL_TYPE (HolbooReplyBar, holboo_reply_bar, HOLBOO, REPLY_BAR, GtkWidget)

GtkWidget *holboo_reply_bar_new  (void);
void       holboo_reply_bar_show (HolbooReplyBar     *self,
                                  HolbooReplyBarMode  mode,
                                  const char         *name,
                                  const char         *text);

G_END_DECLS
