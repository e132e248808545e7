/* holboo-occupant.h: one occupant of a group chat, as its presence says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-xmpp-muc.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_OCCUPANT (holboo_occupant_get_type ())

G_DECLARE_FINAL_TYPE (HolbooOccupant, holboo_occupant, HOLBOO, OCCUPANT, GObject)

HolbooOccupant       *holboo_occupant_new             (const char           *nick);

const char           *holboo_occupant_get_nick        (HolbooOccupant       *self);
const char           *holboo_occupant_get_jid         (HolbooOccupant       *self);
HolbooMucRole         holboo_occupant_get_role        (HolbooOccupant       *self);
HolbooMucAffiliation  holboo_occupant_get_affiliation (HolbooOccupant       *self);
gboolean              holboo_occupant_get_is_self     (HolbooOccupant       *self);

/* For the core: an occupant's presence changed. */
void                  _holboo_occupant_update         (HolbooOccupant       *self,
                                                       const char           *nick,
                                                       const char           *jid,
                                                       HolbooMucRole         role,
                                                       HolbooMucAffiliation  affiliation,
                                                       gboolean              is_self);

G_END_DECLS
