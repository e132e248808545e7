/* holboo-team-row.h: one colleague in the Team page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-team-member.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_TEAM_ROW (holboo_team_row_get_type ())

G_DECLARE_FINAL_TYPE (HolbooTeamRow, holboo_team_row, HOLBOO, TEAM_ROW, GtkWidget)

GtkWidget        *holboo_team_row_new        (void);
HolbooTeamMember *holboo_team_row_get_member (HolbooTeamRow    *self);
void              holboo_team_row_set_member (HolbooTeamRow    *self,
                                              HolbooTeamMember *member);

G_END_DECLS
