/* holboo-connection-banner.h — the connection's state, under the header bar
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "holboo-account-manager.h"

G_BEGIN_DECLS

/* In the order the banner prefers them: the higher, the more it needs
 * the user. */
typedef enum {
  HOLBOO_CONNECTION_STATUS_DISABLED,
  HOLBOO_CONNECTION_STATUS_CONNECTED,
  HOLBOO_CONNECTION_STATUS_CONNECTING,
  HOLBOO_CONNECTION_STATUS_WAITING,
  HOLBOO_CONNECTION_STATUS_OFFLINE,
  HOLBOO_CONNECTION_STATUS_FAILED,
} HolbooConnectionStatus;

#define HOLBOO_TYPE_CONNECTION_BANNER (holboo_connection_banner_get_type ())

G_DECLARE_FINAL_TYPE (HolbooConnectionBanner, holboo_connection_banner, HOLBOO, CONNECTION_BANNER, AdwBin)

GtkWidget             *holboo_connection_banner_new        (HolbooAccountManager   *manager);
HolbooConnectionStatus holboo_connection_banner_get_status (HolbooConnectionBanner *self);
char                  *holboo_connection_banner_get_text   (HolbooConnectionBanner *self);
const char            *holboo_connection_banner_get_jid    (HolbooConnectionBanner *self);
char                  *holboo_connection_banner_dup_short_text (HolbooConnectionBanner *self);

HolbooConnectionStatus holboo_connection_status_describe   (HolbooAccount          *account,
                                                            const GError           *open_error,
                                                            char                  **title,
                                                            char                  **detail);

G_END_DECLS
