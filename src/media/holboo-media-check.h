/* holboo-media-check.h: are the GStreamer elements calls need installed?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "holboo-media-types.h"

G_BEGIN_DECLS

/**
 * HolbooMediaRequirement:
 * @element: a GStreamer element factory name
 * @package: the Debian package that ships it
 */
typedef struct {
  const char *element;
  const char *package;
} HolbooMediaRequirement;

const HolbooMediaRequirement *holboo_media_get_requirements (guint                        *n_requirements);

gboolean                      holboo_media_check_elements   (const HolbooMediaRequirement *requirements,
                                                             guint                         n_requirements,
                                                             GError                      **error);
gboolean                      holboo_media_check            (GError                      **error);

G_END_DECLS
