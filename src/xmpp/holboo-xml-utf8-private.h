/* holboo-xml-utf8-private.h: strict UTF-8 checking for the stream parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The length of the longest prefix of @data made of whole, valid UTF-8
 * characters (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF).  If bytes remain, *incomplete tells whether they are the
 * valid start of a character cut short by the end of @data, rather than
 * an invalid sequence. */
gsize _holboo_xml_utf8_valid_prefix (const char *data,
                                     gsize       len,
                                     gboolean   *incomplete);

/* The length of the character that @lead starts, 0 if it starts none. */
guint _holboo_xml_utf8_char_length  (guchar      lead);

G_END_DECLS
