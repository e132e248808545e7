/* holboo-jid.c: XMPP addresses (RFC 7622)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-jid"

#include "config.h"

#include "holboo-jid-private.h"

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

  if (local != NULL && (l = _holboo_jid_prepare_localpart (local, local_len, error)) == NULL)
    return NULL;
  if ((d = _holboo_jid_prepare_domainpart (domain, domain_len, error)) == NULL)
    return NULL;
  if (resource != NULL && (r = _holboo_jid_prepare_resourcepart (resource, resource_len, error)) == NULL)
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
    {
      g_set_error_literal (error, HOLBOO_JID_ERROR, HOLBOO_JID_ERROR_EMPTY_PART,
                           _("The address has no server name"));
      return NULL;
    }
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
      if ((r = _holboo_jid_prepare_resourcepart (resourcepart, len, error)) == NULL)
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
