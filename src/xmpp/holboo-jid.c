/* holboo-jid.c: XMPP addresses (RFC 7622)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-jid"

#include "config.h"

#include "holboo-jid.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/**
 * HolbooJid:
 *
 * An XMPP address, `localpart@domainpart/resourcepart`, parsed and
 * normalised so that two addresses for the same entity compare equal
 * with strcmp().  Immutable and atomically refcounted, so it can be
 * shared between threads.
 *
 * Normalisation, close to RFC 7622 and to what Prosody and ejabberd
 * really do (their nodeprep case-folds, so "ß" matches "ss"):
 *
 * - localpart: fullwidth ASCII mapped to ASCII, case-folded, NFC;
 *   letters, digits, marks and printable ASCII only, never
 *   `" & ' / : < > @`;
 * - domainpart: case-folded, NFC, IDNA (A-labels become U-labels), one
 *   trailing dot dropped; or an IPv4 address; or an IPv6 address in
 *   brackets; both IP forms canonical;
 * - resourcepart: NFC, other spaces mapped to U+0020, no control,
 *   format, private-use or unassigned characters;
 * - every part that is present is 1 to 1023 bytes long.
 */
struct _HolbooJid
{
  gatomicrefcount  ref_count;
  char            *localpart;     /* NULL when absent */
  char            *domainpart;
  char            *resourcepart;  /* NULL when absent */
  char            *string;
  char            *bare_string;
};

G_DEFINE_BOXED_TYPE (HolbooJid, holboo_jid, holboo_jid_ref, holboo_jid_unref)
G_DEFINE_QUARK (holboo-jid-error-quark, holboo_jid_error)

typedef enum {
  PART_LOCAL,
  PART_DOMAIN,
  PART_RESOURCE,
} Part;

/* Hostile input may be megabytes long: refuse it before normalising.
 * Preparation can shrink a part (a fullwidth letter is three bytes, its
 * ASCII form one), so the raw limit leaves room for that. */
#define MAX_RAW_PART_LENGTH (HOLBOO_JID_MAX_PART_LENGTH * 4)
#define MAX_RAW_LENGTH      (MAX_RAW_PART_LENGTH * 3 + 2)

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
static char *
prepare_localpart (const char  *raw,
                   gsize        len,
                   GError     **error)
{
  g_autoptr(GString) mapped = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *prepared = NULL;

  if (len == 0)
    return set_empty (PART_LOCAL, error), NULL;
  if (len > MAX_RAW_PART_LENGTH)
    return set_too_long (PART_LOCAL, error), NULL;

  /* Width mapping (RFC 8265 §3.3.1): fullwidth ASCII variants. */
  mapped = g_string_sized_new (len);
  for (const char *p = raw; p < raw + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      g_string_append_unichar (mapped, c);
    }

  folded = g_utf8_casefold (mapped->str, mapped->len);
  prepared = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  if (prepared == NULL)
    return set_forbidden (PART_LOCAL, 0xFFFD, error), NULL;
  if (!check_chars (prepared, PART_LOCAL, error))
    return NULL;
  if (strlen (prepared) > HOLBOO_JID_MAX_PART_LENGTH)
    return set_too_long (PART_LOCAL, error), NULL;

  return g_steal_pointer (&prepared);
}

static char *
prepare_resourcepart (const char  *raw,
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

static char *
prepare_domainpart (const char  *raw,
                    gsize        len,
                    GError     **error)
{
  g_autofree char *folded = NULL;
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

  folded = g_utf8_casefold (raw, len);
  nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
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
    g_autofree char *refolded = g_utf8_casefold (unicode, -1);
    g_autofree char *nfc2 = g_utf8_normalize (refolded, -1, G_NORMALIZE_NFC);

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

static HolbooJid *
jid_new_take (char *localpart,
              char *domainpart,
              char *resourcepart)
{
  HolbooJid *jid = g_new0 (HolbooJid, 1);

  g_atomic_ref_count_init (&jid->ref_count);
  jid->localpart = localpart;
  jid->domainpart = domainpart;
  jid->resourcepart = resourcepart;

  if (localpart != NULL)
    jid->bare_string = g_strconcat (localpart, "@", domainpart, NULL);
  else
    jid->bare_string = g_strdup (domainpart);

  if (resourcepart != NULL)
    jid->string = g_strconcat (jid->bare_string, "/", resourcepart, NULL);
  else
    jid->string = g_strdup (jid->bare_string);

  return jid;
}

/* Each part: NULL (absent) or @len bytes of valid UTF-8 without NULs. */
static HolbooJid *
jid_new_len (const char  *local,
             gsize        local_len,
             const char  *domain,
             gsize        domain_len,
             const char  *resource,
             gsize        resource_len,
             GError     **error)
{
  g_autofree char *l = NULL;
  g_autofree char *d = NULL;
  g_autofree char *r = NULL;

  if (local != NULL && (l = prepare_localpart (local, local_len, error)) == NULL)
    return NULL;
  if ((d = prepare_domainpart (domain, domain_len, error)) == NULL)
    return NULL;
  if (resource != NULL && (r = prepare_resourcepart (resource, resource_len, error)) == NULL)
    return NULL;

  return jid_new_take (g_steal_pointer (&l), g_steal_pointer (&d), g_steal_pointer (&r));
}

static gboolean
validate_part (const char  *part,
               gsize       *len,
               GError     **error)
{
  if (part == NULL)
    return TRUE;

  *len = strlen (part);
  if (*len > MAX_RAW_LENGTH)
    {
      g_set_error_literal (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_TOO_LONG,
                           _("The address is too long"));
      return FALSE;
    }
  if (!g_utf8_validate_len (part, *len, NULL))
    {
      g_set_error_literal (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_INVALID_UTF8,
                           _("The address is not valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}

/**
 * holboo_jid_parse:
 * @str: the address, as typed or as received
 * @length: its length in bytes, or -1 if @str is nul-terminated
 * @error: return location for a #GError in %HOLBOO_JID_ERROR
 *
 * Splits an address as RFC 7622 §3.1 says — the resourcepart starts at
 * the first `/`, the localpart ends at the first `@` before that — and
 * prepares each part.  A NUL inside @length bytes is an error.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL with @error set
 */
HolbooJid *
holboo_jid_parse (const char  *str,
                  gssize       length,
                  GError     **error)
{
  const char *slash, *at, *domain;
  gsize len, head_len;

  g_return_val_if_fail (str != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (str) : (gsize) length;
  if (len > MAX_RAW_LENGTH)
    {
      g_set_error_literal (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_TOO_LONG,
                           _("The address is too long"));
      return NULL;
    }
  if (len == 0)
    return set_empty (PART_DOMAIN, error), NULL;
  if (!g_utf8_validate_len (str, len, NULL))
    {
      g_set_error_literal (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_INVALID_UTF8,
                           _("The address is not valid UTF-8 text"));
      return NULL;
    }

  slash = memchr (str, '/', len);
  head_len = slash != NULL ? (gsize) (slash - str) : len;
  at = memchr (str, '@', head_len);
  domain = at != NULL ? at + 1 : str;

  return jid_new_len (at != NULL ? str : NULL, at != NULL ? (gsize) (at - str) : 0,
                      domain, (gsize) (str + head_len - domain),
                      slash != NULL ? slash + 1 : NULL,
                      slash != NULL ? len - head_len - 1 : 0,
                      error);
}

/**
 * holboo_jid_new:
 * @localpart: (nullable): the localpart, or %NULL for none
 * @domainpart: the domainpart
 * @resourcepart: (nullable): the resourcepart, or %NULL for none
 * @error: return location for a #GError in %HOLBOO_JID_ERROR
 *
 * Builds an address from its parts, preparing each one as
 * holboo_jid_parse() does.  Here `@` in the localpart and `/` in the
 * domainpart are errors, not separators.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL with @error set
 */
HolbooJid *
holboo_jid_new (const char  *localpart,
                const char  *domainpart,
                const char  *resourcepart,
                GError     **error)
{
  gsize local_len = 0, domain_len = 0, resource_len = 0;

  g_return_val_if_fail (domainpart != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!validate_part (localpart, &local_len, error) ||
      !validate_part (domainpart, &domain_len, error) ||
      !validate_part (resourcepart, &resource_len, error))
    return NULL;

  return jid_new_len (localpart, local_len, domainpart, domain_len,
                      resourcepart, resource_len, error);
}

HolbooJid *
holboo_jid_ref (HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, NULL);

  g_atomic_ref_count_inc (&jid->ref_count);
  return jid;
}

void
holboo_jid_unref (HolbooJid *jid)
{
  g_return_if_fail (jid != NULL);

  if (!g_atomic_ref_count_dec (&jid->ref_count))
    return;

  g_free (jid->localpart);
  g_free (jid->domainpart);
  g_free (jid->resourcepart);
  g_free (jid->string);
  g_free (jid->bare_string);
  g_free (jid);
}

/* Returns: (nullable): the prepared localpart, %NULL if there is none */
const char *
holboo_jid_get_localpart (const HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, NULL);
  return jid->localpart;
}

const char *
holboo_jid_get_domainpart (const HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, NULL);
  return jid->domainpart;
}

/* Returns: (nullable): the prepared resourcepart, %NULL if there is none */
const char *
holboo_jid_get_resourcepart (const HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, NULL);
  return jid->resourcepart;
}

/* The normalised address, the same string for every spelling of it. */
const char *
holboo_jid_to_string (const HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, NULL);
  return jid->string;
}

const char *
holboo_jid_get_bare_string (const HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, NULL);
  return jid->bare_string;
}

gboolean
holboo_jid_is_bare (const HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, FALSE);
  return jid->resourcepart == NULL;
}

gboolean
holboo_jid_is_full (const HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, FALSE);
  return jid->resourcepart != NULL;
}

/* A server or service address: no localpart, no resourcepart. */
gboolean
holboo_jid_is_domain (const HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, FALSE);
  return jid->localpart == NULL && jid->resourcepart == NULL;
}

/**
 * holboo_jid_get_bare:
 * @jid: an address
 *
 * Returns: (transfer full): @jid without its resourcepart (a new
 *   reference to @jid itself if it has none)
 */
HolbooJid *
holboo_jid_get_bare (HolbooJid *jid)
{
  g_return_val_if_fail (jid != NULL, NULL);

  if (jid->resourcepart == NULL)
    return holboo_jid_ref (jid);

  return jid_new_take (g_strdup (jid->localpart), g_strdup (jid->domainpart), NULL);
}

/**
 * holboo_jid_with_resource:
 * @jid: an address
 * @resourcepart: (nullable): the new resourcepart, %NULL for none
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the bare part of @jid with
 *   @resourcepart, or %NULL with @error set if @resourcepart is invalid
 */
HolbooJid *
holboo_jid_with_resource (const HolbooJid  *jid,
                          const char       *resourcepart,
                          GError          **error)
{
  g_autofree char *r = NULL;
  gsize len = 0;

  g_return_val_if_fail (jid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (resourcepart != NULL)
    {
      if (!validate_part (resourcepart, &len, error))
        return NULL;
      if ((r = prepare_resourcepart (resourcepart, len, error)) == NULL)
        return NULL;
    }

  return jid_new_take (g_strdup (jid->localpart), g_strdup (jid->domainpart),
                       g_steal_pointer (&r));
}

gboolean
holboo_jid_equal (gconstpointer a,
                  gconstpointer b)
{
  const HolbooJid *ja = a, *jb = b;

  if (ja == jb)
    return TRUE;
  if (ja == NULL || jb == NULL)
    return FALSE;
  return strcmp (ja->string, jb->string) == 0;
}

gboolean
holboo_jid_equal_bare (const HolbooJid *a,
                       const HolbooJid *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return strcmp (a->bare_string, b->bare_string) == 0;
}

guint
holboo_jid_hash (gconstpointer jid)
{
  g_return_val_if_fail (jid != NULL, 0);
  return g_str_hash (((const HolbooJid *) jid)->string);
}

/**
 * holboo_jid_normalize:
 * @str: an address
 * @error: return location for a #GError in %HOLBOO_JID_ERROR
 *
 * Returns: (transfer full) (nullable): the normalised form of @str, or
 *   %NULL with @error set
 */
char *
holboo_jid_normalize (const char  *str,
                      GError     **error)
{
  g_autoptr(HolbooJid) jid = NULL;

  g_return_val_if_fail (str != NULL, NULL);

  jid = holboo_jid_parse (str, -1, error);
  return jid != NULL ? g_strdup (jid->string) : NULL;
}
