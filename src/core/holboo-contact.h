/* holboo-contact.h: one contact of an account: its roster item and its
 * presence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-xmpp-presence.h"
#include "holboo-xmpp-roster.h"

G_BEGIN_DECLS

#define HOLBOO_TYPE_CONTACT (holboo_contact_get_type ())

G_DECLARE_FINAL_TYPE (HolbooContact, holboo_contact, HOLBOO, CONTACT, GObject)

const char             *holboo_contact_get_jid          (HolbooContact *self);
const char             *holboo_contact_get_name         (HolbooContact *self);
const char             *holboo_contact_get_display_name (HolbooContact *self);
const char * const     *holboo_contact_get_groups       (HolbooContact *self);
HolbooXmppSubscription  holboo_contact_get_subscription (HolbooContact *self);
gboolean                holboo_contact_get_ask          (HolbooContact *self);
HolbooXmppPresenceShow  holboo_contact_get_show         (HolbooContact *self);
const char             *holboo_contact_get_status       (HolbooContact *self);
GStrv                   holboo_contact_dup_resources    (HolbooContact *self);
const char             *holboo_contact_get_caps_ver     (HolbooContact *self,
                                                         const char    *resource);

G_END_DECLS
