/* holboo-message-markup.h: a message body as Pango markup, with
 * XEP-0393 message styling and clickable links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *holboo_message_markup (const char *body,
                             gsize       max_chars,
                             guint       max_lines,
                             gboolean   *out_cut);

G_END_DECLS
