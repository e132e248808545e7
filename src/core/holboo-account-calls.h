/* holboo-account-calls.h: the account's calls (XEP-0353 + Jingle) and
 * its call log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"
#include "holboo-call.h"

G_BEGIN_DECLS

HolbooCall *holboo_account_place_call      (HolbooAccount  *self,
                                            const char     *jid,
                                            gboolean        video,
                                            GError        **error);
GListModel *holboo_account_get_call_log    (HolbooAccount  *self);
GListModel *holboo_account_get_calls       (HolbooAccount  *self);

G_END_DECLS
