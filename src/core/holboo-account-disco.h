/* holboo-account-disco.h: service discovery (XEP-0030) through an
 * account: what a server, service or contact's client offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-xmpp-disco.h"

G_BEGIN_DECLS

void                 holboo_account_discover_async        (HolbooAccount        *self,
                                                           const char           *jid,
                                                           const char           *node,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
HolbooXmppDiscoInfo *holboo_account_discover_finish       (HolbooAccount        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                 holboo_account_discover_items_async  (HolbooAccount        *self,
                                                           const char           *jid,
                                                           const char           *node,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray           *holboo_account_discover_items_finish (HolbooAccount        *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
