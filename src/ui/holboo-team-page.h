/* holboo-team-page.h: the Team page: colleagues and their cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-account.h"
#include "holboo-team-directory.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_TEAM_PAGE (holboo_team_page_get_type ())

G_DECLARE_FINAL_TYPE (HolbooTeamPage, holboo_team_page, HOLBOO, TEAM_PAGE, AdwBin)

GtkWidget           *holboo_team_page_new           (void);
void                 holboo_team_page_set_account   (HolbooTeamPage *self,
                                                     HolbooAccount  *account);
HolbooTeamDirectory *holboo_team_page_get_directory (HolbooTeamPage *self);
GListModel          *holboo_team_page_get_shown     (HolbooTeamPage *self);
void                 holboo_team_page_show_member   (HolbooTeamPage *self,
                                                     const char     *jid);

G_END_DECLS
