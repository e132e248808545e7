/* holboo-spectrum.h: the loudest frequency in a `spectrum` element message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

gboolean holboo_spectrum_peak (GstMessage *message,
                               double     *frequency,
                               double     *magnitude);

G_END_DECLS
