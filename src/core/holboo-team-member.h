/* holboo-team-member.h: one colleague in the team directory: their
 * contact and their card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-card.h"
#include "holboo-contact.h"

G_BEGIN_DECLS

/**
 * HolbooTeamMemberCardState:
 * @HOLBOO_TEAM_MEMBER_CARD_UNKNOWN: not asked for yet
 * @HOLBOO_TEAM_MEMBER_CARD_FETCHING: being fetched
 * @HOLBOO_TEAM_MEMBER_CARD_FETCHED: the server answered: #HolbooTeamMember:card
 *   is theirs, or %NULL when they have none (or do not share it with us)
 */
typedef enum {
  HOLBOO_TEAM_MEMBER_CARD_UNKNOWN,
  HOLBOO_TEAM_MEMBER_CARD_FETCHING,
  HOLBOO_TEAM_MEMBER_CARD_FETCHED,
} HolbooTeamMemberCardState;

#define HOLBOO_TYPE_TEAM_MEMBER (holboo_team_member_get_type ())

G_DECLARE_FINAL_TYPE (HolbooTeamMember, holboo_team_member, HOLBOO, TEAM_MEMBER, GObject)

HolbooTeamMember          *holboo_team_member_new              (const char        *jid);
const char                *holboo_team_member_get_jid          (HolbooTeamMember  *self);
HolbooContact             *holboo_team_member_get_contact      (HolbooTeamMember  *self);
void                       holboo_team_member_set_contact      (HolbooTeamMember  *self,
                                                                HolbooContact     *contact);
HolbooCard                *holboo_team_member_get_card         (HolbooTeamMember  *self);
void                       holboo_team_member_set_card         (HolbooTeamMember  *self,
                                                                HolbooCard        *card);
HolbooTeamMemberCardState  holboo_team_member_get_card_state   (HolbooTeamMember  *self);
void                       holboo_team_member_set_card_state   (HolbooTeamMember  *self,
                                                                HolbooTeamMemberCardState state);
const char                *holboo_team_member_get_display_name (HolbooTeamMember  *self);
char                      *holboo_team_member_dup_subtitle     (HolbooTeamMember  *self);
gboolean                   holboo_team_member_matches          (HolbooTeamMember  *self,
                                                                const char        *query);

G_END_DECLS
