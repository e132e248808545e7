/* holboo-contact-private.h: how the account updates its contacts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-contact.h"
#include "holboo-store-roster.h"

G_BEGIN_DECLS

HolbooContact *_holboo_contact_new              (const char                   *jid);
gboolean       _holboo_contact_set_item         (HolbooContact                *self,
                                                 const HolbooStoredRosterItem *item);
void           _holboo_contact_set_presence     (HolbooContact                *self,
                                                 const char                   *resource,
                                                 HolbooXmppPresenceShow        show,
                                                 const char                   *status,
                                                 int                           priority,
                                                 const char                   *caps_ver);
void           _holboo_contact_clear_presence   (HolbooContact                *self);
int            _holboo_contact_compare          (gconstpointer                 a,
                                                 gconstpointer                 b,
                                                 gpointer                      user_data);

G_END_DECLS
