/* holboo-occupants-view.h: who is in a group chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-room.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_OCCUPANTS_VIEW (holboo_occupants_view_get_type ())

G_DECLARE_FINAL_TYPE (HolbooOccupantsView, holboo_occupants_view, HOLBOO, OCCUPANTS_VIEW, GtkWidget)

GtkWidget  *holboo_occupants_view_new      (void);
void        holboo_occupants_view_set_room (HolbooOccupantsView *self,
                                            HolbooRoom          *room);
HolbooRoom *holboo_occupants_view_get_room (HolbooOccupantsView *self);

G_END_DECLS
