/* holboo-team-directory.h: the account's colleagues and their cards, as
 * a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-account.h"
#include "holboo-team-member.h"

G_BEGIN_DECLS

/* Cards fetched at once, at most. */
#define HOLBOO_TEAM_DIRECTORY_MAX_FETCHES 3

#define HOLBOO_TYPE_TEAM_DIRECTORY (holboo_team_directory_get_type ())

G_DECLARE_FINAL_TYPE (HolbooTeamDirectory, holboo_team_directory, HOLBOO, TEAM_DIRECTORY, GObject)

HolbooTeamDirectory *holboo_team_directory_new         (HolbooAccount       *account);
HolbooAccount       *holboo_team_directory_get_account (HolbooTeamDirectory *self);
void                 holboo_team_directory_load        (HolbooTeamDirectory *self);
gboolean             holboo_team_directory_get_loading (HolbooTeamDirectory *self);
HolbooTeamMember    *holboo_team_directory_lookup      (HolbooTeamDirectory *self,
                                                        const char          *jid);
void                 holboo_team_directory_refresh     (HolbooTeamDirectory *self,
                                                        const char          *jid);

G_END_DECLS
