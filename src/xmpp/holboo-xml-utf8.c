/* holboo-xml-utf8.c: strict UTF-8 checking for the stream parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stream is checked here before expat sees it: expat reports a bad
 * byte only as an "invalid token" (RFC 6120 wants unsupported-encoding),
 * and it may refuse a multibyte character for its syntax before it has
 * all of it, so that its verdict would depend on how reads were cut.
 */

#define G_LOG_DOMAIN "holboo-xml-utf8"

#include "config.h"

#include "holboo-xml-utf8-private.h"

#include <string.h>

guint
_holboo_xml_utf8_char_length (guchar lead)
{
  if (lead < 0x80)
    return 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    return 2;
  if (lead >= 0xE0 && lead <= 0xEF)
    return 3;
  if (lead >= 0xF0 && lead <= 0xF4)
    return 4;

  return 0;
}

gsize
_holboo_xml_utf8_valid_prefix (const char *data,
                               gsize       len,
                               gboolean   *incomplete)
{
  const guchar *p = (const guchar *) data;
  gsize i = 0;

  *incomplete = FALSE;

  while (i < len)
    {
      guint n = _holboo_xml_utf8_char_length (p[i]);
      guchar lo = 0x80, hi = 0xBF;

      if (n == 1)
        {
          /* Markup is mostly ASCII: eight bytes at a time. */
          while (i + 8 <= len)
            {
              guint64 word;

              memcpy (&word, p + i, 8);
              if (word & G_GUINT64_CONSTANT (0x8080808080808080))
                break;
              i += 8;
            }
          while (i < len && p[i] < 0x80)
            i++;
          continue;
        }

      if (n == 0)
        return i;

      /* The second byte rules out overlong forms, surrogates and
       * anything past U+10FFFF. */
      switch (p[i])
        {
        case 0xE0: lo = 0xA0; break;
        case 0xED: hi = 0x9F; break;
        case 0xF0: lo = 0x90; break;
        case 0xF4: hi = 0x8F; break;
        default: break;
        }

      for (guint j = 1; j < n; j++)
        {
          if (i + j >= len)
            {
              *incomplete = TRUE;
              return i;
            }
          if (p[i + j] < lo || p[i + j] > hi)
            return i;
          lo = 0x80;
          hi = 0xBF;
        }

      i += n;
    }

  return i;
}
