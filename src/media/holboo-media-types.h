/* holboo-media-types.h: enums and errors of the media layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HOLBOO_MEDIA_ERROR (holboo_media_error_quark ())

/**
 * HolbooMediaError:
 * @HOLBOO_MEDIA_ERROR_MISSING_ELEMENTS: GStreamer elements that calls
 *   need are not installed (or their plugin does not load)
 */
typedef enum {
  HOLBOO_MEDIA_ERROR_MISSING_ELEMENTS,
} HolbooMediaError;

GQuark holboo_media_error_quark (void);

G_END_DECLS
