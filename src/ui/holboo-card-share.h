/* holboo-card-share.h: sending the account's card into a chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-account.h"

G_BEGIN_DECLS

void holboo_card_share_own (HolbooAccount   *account,
                            const char      *peer,
                            AdwToastOverlay *toasts);

G_END_DECLS
