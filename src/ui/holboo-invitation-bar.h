/* holboo-invitation-bar.h: group chat invitations, to accept or decline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "holboo-account.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_INVITATION_BAR (holboo_invitation_bar_get_type ())

G_DECLARE_FINAL_TYPE (HolbooInvitationBar, holboo_invitation_bar, HOLBOO, INVITATION_BAR, GtkWidget)

GtkWidget  *holboo_invitation_bar_new         (void);
void        holboo_invitation_bar_set_account (HolbooInvitationBar *self,
                                               HolbooAccount       *account);
const char *holboo_invitation_bar_get_room    (HolbooInvitationBar *self);
void        holboo_invitation_bar_accept      (HolbooInvitationBar *self);
void        holboo_invitation_bar_decline     (HolbooInvitationBar *self);

/* Shared with the Join Group dialog: the nickname to join with. */
char       *holboo_group_nick_for             (HolbooAccount       *account);

G_END_DECLS
