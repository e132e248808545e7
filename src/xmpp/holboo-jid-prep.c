/* holboo-jid-prep.c: preparing the three parts of an XMPP address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-jid"

#include "config.h"

#include "holboo-jid-private.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/* Each function takes @len bytes of valid UTF-8 without NULs (not
 * nul-terminated) and returns the prepared part, or %NULL with @error
 * set.  See the HolbooJid documentation in holboo-jid.c for the rules. */

typedef enum {
  PART_LOCAL,
  PART_DOMAIN,
  PART_RESOURCE,
} Part;

static void
set_empty (Part     part,
           GError **error)
{
  const char *msg = NULL;

  switch (part)
    {
    case PART_LOCAL:
      msg = _("The user name before “@” in the address is empty");
      break;
    case PART_DOMAIN:
      msg = _("The address has no server name");
      break;
    case PART_RESOURCE:
      msg = _("The resource after “/” in the address is empty");
      break;
    default:
      g_assert_not_reached ();
    }
  g_set_error_literal (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_EMPTY_PART, msg);
}

static void
set_too_long (Part     part,
              GError **error)
{
  const char *msg = NULL;

  switch (part)
    {
    case PART_LOCAL:
      msg = _("The user name in the address is longer than 1023 bytes");
      break;
    case PART_DOMAIN:
      msg = _("The server name in the address is longer than 1023 bytes");
      break;
    case PART_RESOURCE:
      msg = _("The resource in the address is longer than 1023 bytes");
      break;
    default:
      g_assert_not_reached ();
    }
  g_set_error_literal (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_TOO_LONG, msg);
}

static void
set_forbidden (Part      part,
               gunichar  c,
               GError  **error)
{
  if (part == PART_LOCAL)
    g_set_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER,
                 _("The user name in the address contains a character that is not allowed (U+%04X)"),
                 c);
  else
    g_set_error (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER,
                 _("The resource in the address contains a character that is not allowed (U+%04X)"),
                 c);
}

static void
set_invalid_domain (GError **error)
{
  g_set_error_literal (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_INVALID_DOMAIN,
                       _("The server name in the address is not valid"));
}

/* PRECIS IdentifierClass (RFC 8264 §4.2), roughly: ASCII printable
 * characters, letters, digits and combining marks. */
static gboolean
localpart_char_ok (gunichar c)
{
  if (c < 0x80)
    return c > 0x20 && c < 0x7f && strchr ("\"&'/:<>@", (int) c) == NULL;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* PRECIS FreeformClass (RFC 8264 §4.3), roughly: anything printable. */
static gboolean
resourcepart_char_ok (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_SURROGATE:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return FALSE;
    default:
      return TRUE;
    }
}

/* Almost every address is ASCII.  For ASCII text the width mapping,
 * case folding (RFC 8265) and NFC come down to ASCII lower case (for
 * localparts and domains) or nothing at all (resourceparts): the
 * pipeline prepares two addresses per message, and GLib's Unicode
 * casefold and normalize were a tenth of the time it takes. */
static gboolean
is_ascii (const char *text,
          gssize      len)
{
  for (gssize i = 0; len < 0 ? text[i] != '\0' : i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Case folding and NFC of @len bytes of @text. */
static char *
fold_and_normalize (const char *text,
                    gssize      len)
{
  g_autofree char *folded = NULL;

  if (is_ascii (text, len))
    return g_ascii_strdown (text, len);
  folded = g_utf8_casefold (text, len);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static gboolean
check_chars (const char  *prepared,
             Part         part,
             GError     **error)
{
  for (const char *p = prepared; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean ok = part == PART_LOCAL ? localpart_char_ok (c) : resourcepart_char_ok (c);

      if (!ok)
        {
          set_forbidden (part, c, error);
          return FALSE;
        }
    }
  return TRUE;
}

/* @raw is valid UTF-8 without NULs, @len bytes, not nul-terminated. */
char *
_holboo_jid_prepare_localpart (const char  *raw,
                               gsize        len,
                               GError     **error)
{
  g_autoptr(GString) mapped = NULL;
  g_autofree char *prepared = NULL;

  if (len == 0)
    return set_empty (PART_LOCAL, error), NULL;
  if (len > MAX_RAW_PART_LENGTH)
    return set_too_long (PART_LOCAL, error), NULL;

  if (is_ascii (raw, len))
    prepared = g_ascii_strdown (raw, len);
  else
    {
      /* Width mapping (RFC 8265 §3.3.1): fullwidth ASCII variants. */
      mapped = g_string_sized_new (len);
      for (const char *p = raw; p < raw + len; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c >= 0xFF01 && c <= 0xFF5E)
            c -= 0xFEE0;
          g_string_append_unichar (mapped, c);
        }
      prepared = fold_and_normalize (mapped->str, mapped->len);
    }
  if (prepared == NULL)
    return set_forbidden (PART_LOCAL, 0xFFFD, error), NULL;
  if (!check_chars (prepared, PART_LOCAL, error))
    return NULL;
  if (strlen (prepared) > HOLBOO_JID_MAX_PART_LENGTH)
    return set_too_long (PART_LOCAL, error), NULL;

  return g_steal_pointer (&prepared);
}

char *
_holboo_jid_prepare_resourcepart (const char  *raw,
                                  gsize        len,
                                  GError     **error)
{
  g_autoptr(GString) mapped = NULL;
  g_autofree char *prepared = NULL;

  if (len == 0)
    return set_empty (PART_RESOURCE, error), NULL;
  if (len > MAX_RAW_PART_LENGTH)
    return set_too_long (PART_RESOURCE, error), NULL;

  /* OpaqueString (RFC 7622 §3.4): other spaces become U+0020; no case
   * mapping. */
  if (is_ascii (raw, len))
    {
      prepared = g_strndup (raw, len);
      if (!check_chars (prepared, PART_RESOURCE, error))
        return NULL;
      if (len > HOLBOO_JID_MAX_PART_LENGTH)
        return set_too_long (PART_RESOURCE, error), NULL;
      return g_steal_pointer (&prepared);
    }
  mapped = g_string_sized_new (len);
  for (const char *p = raw; p < raw + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 && g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
        c = ' ';
      g_string_append_unichar (mapped, c);
    }

  prepared = g_utf8_normalize (mapped->str, mapped->len, G_NORMALIZE_NFC);
  if (prepared == NULL)
    return set_forbidden (PART_RESOURCE, 0xFFFD, error), NULL;
  if (!check_chars (prepared, PART_RESOURCE, error))
    return NULL;
  if (strlen (prepared) > HOLBOO_JID_MAX_PART_LENGTH)
    return set_too_long (PART_RESOURCE, error), NULL;

  return g_steal_pointer (&prepared);
}

/* Letters, digits and hyphens; labels of 1–63 bytes that neither start
 * nor end with a hyphen. */
static gboolean
ascii_hostname_ok (const char *ascii)
{
  const char *label = ascii;

  for (;;)
    {
      const char *end = strchr (label, '.');
      gsize n = end != NULL ? (gsize) (end - label) : strlen (label);

      if (n == 0 || n > 63 || label[0] == '-' || label[n - 1] == '-')
        return FALSE;
      for (gsize i = 0; i < n; i++)
        {
          char c = label[i];

          if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return FALSE;
        }
      if (end == NULL)
        return TRUE;
      label = end + 1;
    }
}

/* IDNA2008 allows letters, marks and digits in U-labels, not symbols.
 * This also runs before g_hostname_to_ascii(), whose nameprep silently
 * drops invisible characters (soft hyphen, zero-width space, even
 * U+0001): an address must not have hidden spellings. */
static gboolean
unicode_hostname_ok (const char *unicode)
{
  for (const char *p = unicode; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          if (!g_ascii_isalnum (c) && c != '-' && c != '.')
            return FALSE;
          continue;
        }
      /* Ideographic and fullwidth full stops separate labels too. */
      if (c == 0x3002 || c == 0xFF0E || c == 0xFF61)
        continue;

      switch (g_unichar_type (c))
        {
        case G_UNICODE_LOWERCASE_LETTER:
        case G_UNICODE_OTHER_LETTER:
        case G_UNICODE_MODIFIER_LETTER:
        case G_UNICODE_DECIMAL_NUMBER:
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
          break;
        default:
          return FALSE;
        }
    }
  return TRUE;
}

static char *
canonical_ip (const char *text)
{
  g_autoptr(GInetAddress) addr = g_inet_address_new_from_string (text);

  return addr != NULL ? g_inet_address_to_string (addr) : NULL;
}

char *
_holboo_jid_prepare_domainpart (const char  *raw,
                                gsize        len,
                                GError     **error)
{
  g_autofree char *nfc = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *unicode = NULL;
  g_autofree char *check = NULL;
  gsize n;

  if (len == 0)
    return set_empty (PART_DOMAIN, error), NULL;
  if (len > MAX_RAW_PART_LENGTH)
    return set_too_long (PART_DOMAIN, error), NULL;

  /* IPv6 literal, RFC 7622 §3.2 */
  if (raw[0] == '[')
    {
      g_autofree char *inner = NULL;
      g_autofree char *canon = NULL;

      if (len < 3 || raw[len - 1] != ']')
        return set_invalid_domain (error), NULL;
      inner = g_strndup (raw + 1, len - 2);
      if (strchr (inner, ':') == NULL || strchr (inner, '%') != NULL ||
          !g_hostname_is_ip_address (inner) ||
          (canon = canonical_ip (inner)) == NULL)
        return set_invalid_domain (error), NULL;
      return g_strdup_printf ("[%s]", canon);
    }

  nfc = fold_and_normalize (raw, len);
  if (nfc == NULL)
    return set_invalid_domain (error), NULL;

  if (!unicode_hostname_ok (nfc))
    return set_invalid_domain (error), NULL;

  ascii = g_hostname_to_ascii (nfc);
  if (ascii == NULL)
    return set_invalid_domain (error), NULL;

  /* One trailing dot is the DNS root, not part of the name (§3.2). */
  n = strlen (ascii);
  if (n > 1 && ascii[n - 1] == '.')
    ascii[n - 1] = '\0';

  if (g_hostname_is_ip_address (ascii))
    {
      /* IPv4; IPv6 without brackets cannot get here (':'). */
      char *canon = canonical_ip (ascii);

      if (canon == NULL || strchr (canon, ':') != NULL)
        {
          g_free (canon);
          return set_invalid_domain (error), NULL;
        }
      return canon;
    }

  if (!ascii_hostname_ok (ascii))
    return set_invalid_domain (error), NULL;

  unicode = g_hostname_to_unicode (ascii);
  if (unicode == NULL || !unicode_hostname_ok (unicode))
    return set_invalid_domain (error), NULL;

  /* An A-label may decode to something that is not itself normalised
   * (upper case, decomposed) or not a name at all ("xn--" decodes to
   * nothing): refuse it rather than store two spellings of one name.
   * The U-label form must map back to the same A-label form. */
  {
    g_autofree char *nfc2 = fold_and_normalize (unicode, -1);

    if (nfc2 == NULL || strcmp (nfc2, unicode) != 0)
      return set_invalid_domain (error), NULL;
    check = g_hostname_to_ascii (unicode);
  }
  if (check == NULL || strcmp (check, ascii) != 0)
    return set_invalid_domain (error), NULL;

  if (strlen (unicode) > HOLBOO_JID_MAX_PART_LENGTH)
    return set_too_long (PART_DOMAIN, error), NULL;

  return g_steal_pointer (&unicode);
}
