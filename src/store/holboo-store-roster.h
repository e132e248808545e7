/* holboo-store-roster.h: the roster and the blocklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store.h"

G_BEGIN_DECLS

/**
 * HolbooStoredRosterItem:
 * @jid: the contact's bare JID, normalised
 * @name: (nullable): the name the user gave it
 * @subscription: 0 none, 1 to, 2 from, 3 both (the values of
 *   #HolbooXmppSubscription)
 * @ask: our subscription request is pending
 * @approved: the contact's request is pre-approved
 * @groups: (array zero-terminated=1): its groups
 *
 * One roster row.
 */
typedef struct {
  char     *jid;
  char     *name;
  int       subscription;
  gboolean  ask;
  gboolean  approved;
  char    **groups;
} HolbooStoredRosterItem;

HolbooStoredRosterItem *holboo_stored_roster_item_new  (const char              *jid);
void                    holboo_stored_roster_item_free (HolbooStoredRosterItem  *item);

GPtrArray *holboo_store_roster_load       (HolbooStore                  *self,
                                           char                        **out_ver,
                                           GError                      **error);
gboolean   holboo_store_roster_replace    (HolbooStore                  *self,
                                           HolbooStoredRosterItem      **items,
                                           guint                         n_items,
                                           const char                   *ver,
                                           GError                      **error);
gboolean   holboo_store_roster_put        (HolbooStore                  *self,
                                           const HolbooStoredRosterItem *item,
                                           const char                   *ver,
                                           GError                      **error);
gboolean   holboo_store_roster_remove     (HolbooStore                  *self,
                                           const char                   *jid,
                                           const char                   *ver,
                                           GError                      **error);

GPtrArray *holboo_store_blocklist_load    (HolbooStore                  *self,
                                           GError                      **error);
gboolean   holboo_store_blocklist_replace (HolbooStore                  *self,
                                           const char * const           *jids,
                                           GError                      **error);
gboolean   holboo_store_blocklist_add     (HolbooStore                  *self,
                                           const char * const           *jids,
                                           GError                      **error);
gboolean   holboo_store_blocklist_remove  (HolbooStore                  *self,
                                           const char * const           *jids,
                                           GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoredRosterItem, holboo_stored_roster_item_free)

G_END_DECLS
