/* holboo-certificate-dialog.h — asking whether to trust a server's certificate
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HOLBOO_CERTIFICATE_RESPONSE_CANCEL "cancel"
#define HOLBOO_CERTIFICATE_RESPONSE_TRUST  "trust"

GtkWidget *holboo_certificate_dialog_new (GtkWindow       *parent,
                                          const char      *host,
                                          GTlsCertificate *certificate);

G_END_DECLS
