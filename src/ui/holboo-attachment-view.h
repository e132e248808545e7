/* holboo-attachment-view.h: the file of a message: an image's preview,
 * or a file row with its name and size; its transfer's progress, cancel
 * and retry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-store-records.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_ATTACHMENT_VIEW (holboo_attachment_view_get_type ())

G_DECLARE_FINAL_TYPE (HolbooAttachmentView, holboo_attachment_view, HOLBOO, ATTACHMENT_VIEW, GtkWidget)

GtkWidget *holboo_attachment_view_new         (void);
void       holboo_attachment_view_set_message (HolbooAttachmentView *self,
                                               HolbooStoredMessage  *message);

G_END_DECLS
