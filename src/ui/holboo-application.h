/* holboo-application.h — the application object
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HOLBOO_TYPE_APPLICATION (holboo_application_get_type ())

G_DECLARE_FINAL_TYPE (HolbooApplication, holboo_application, HOLBOO, APPLICATION, AdwApplication)

HolbooApplication *holboo_application_new          (void);
gboolean           holboo_application_check_schema (GError **error);

G_END_DECLS
