/* holboo-new-group-dialog.h: creating a group chat and inviting members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-account.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_NEW_GROUP_DIALOG (holboo_new_group_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HolbooNewGroupDialog, holboo_new_group_dialog, HOLBOO, NEW_GROUP_DIALOG, AdwWindow)

typedef enum {
  HOLBOO_GROUP_DIALOG_CREATE,
  HOLBOO_GROUP_DIALOG_INVITE,
} HolbooGroupDialogMode;

GtkWidget *holboo_new_group_dialog_new         (GtkWindow             *parent,
                                                HolbooAccount         *account,
                                                HolbooGroupDialogMode  mode,
                                                const char            *room);
void       holboo_new_group_dialog_set_name    (HolbooNewGroupDialog  *self,
                                                const char            *name);
void       holboo_new_group_dialog_set_addresses (HolbooNewGroupDialog *self,
                                                const char            *addresses);
gboolean   holboo_new_group_dialog_select_contact (HolbooNewGroupDialog *self,
                                                const char            *jid);
void       holboo_new_group_dialog_submit      (HolbooNewGroupDialog  *self);

G_END_DECLS
