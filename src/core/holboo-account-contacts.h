/* holboo-account-contacts.h: an account's contacts, blocklist, own
 * presence and the STUN/TURN services its server announces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-contact.h"
#include "holboo-xmpp-disco.h"
#include "holboo-xmpp-external-services.h"
#include "holboo-xmpp-presence.h"

G_BEGIN_DECLS

GListModel            *holboo_account_get_contacts            (HolbooAccount          *self);
HolbooContact         *holboo_account_lookup_contact          (HolbooAccount          *self,
                                                               const char             *jid);

void                   holboo_account_add_contact_async       (HolbooAccount          *self,
                                                               const char             *jid,
                                                               const char             *name,
                                                               const char * const     *groups,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
gboolean               holboo_account_add_contact_finish      (HolbooAccount          *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);
void                   holboo_account_update_contact_async    (HolbooAccount          *self,
                                                               const char             *jid,
                                                               const char             *name,
                                                               const char * const     *groups,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
gboolean               holboo_account_update_contact_finish   (HolbooAccount          *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);
void                   holboo_account_remove_contact_async    (HolbooAccount          *self,
                                                               const char             *jid,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
gboolean               holboo_account_remove_contact_finish   (HolbooAccount          *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);

gboolean               holboo_account_approve_subscription    (HolbooAccount          *self,
                                                               const char             *jid,
                                                               GError                **error);
gboolean               holboo_account_deny_subscription       (HolbooAccount          *self,
                                                               const char             *jid,
                                                               GError                **error);
gboolean               holboo_account_unsubscribe             (HolbooAccount          *self,
                                                               const char             *jid,
                                                               GError                **error);

gboolean               holboo_account_is_blocked              (HolbooAccount          *self,
                                                               const char             *jid);
GStrv                  holboo_account_dup_blocklist           (HolbooAccount          *self);
void                   holboo_account_block_async             (HolbooAccount          *self,
                                                               const char             *jid,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
gboolean               holboo_account_block_finish            (HolbooAccount          *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);
void                   holboo_account_unblock_async           (HolbooAccount          *self,
                                                               const char             *jid,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
gboolean               holboo_account_unblock_finish          (HolbooAccount          *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);

void                   holboo_account_set_presence            (HolbooAccount          *self,
                                                               HolbooXmppPresenceShow  show,
                                                               const char             *status);
HolbooXmppPresenceShow holboo_account_get_presence_show       (HolbooAccount          *self);
const char            *holboo_account_get_presence_status     (HolbooAccount          *self);
const char            *holboo_account_get_caps_ver            (HolbooAccount          *self);
void                   holboo_account_add_feature             (HolbooAccount          *self,
                                                               const char             *feature);
HolbooXmppDiscoInfo   *holboo_account_lookup_caps             (HolbooAccount          *self,
                                                               const char             *full_jid);

GPtrArray             *holboo_account_get_external_services   (HolbooAccount          *self);
void                   holboo_account_fetch_external_services_async  (HolbooAccount   *self,
                                                               GCancellable           *cancellable,
                                                               GAsyncReadyCallback     callback,
                                                               gpointer                user_data);
GPtrArray             *holboo_account_fetch_external_services_finish (HolbooAccount   *self,
                                                               GAsyncResult           *result,
                                                               GError                **error);

G_END_DECLS
