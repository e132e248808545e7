/* holboo-xmpp-caps.c: entity capabilities (XEP-0115)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The verification string is the SHA-1 of the disco#info answer written
 * out as §5.1 says.  An answer that §5.4 calls ill-formed (an identity
 * or feature listed twice, two forms of one FORM_TYPE, a FORM_TYPE with
 * two different values) has no verification string: it could be made
 * to collide with another one, and a cache keyed by it would then
 * poison what every other contact with that ver is believed to support.
 */

#define G_LOG_DOMAIN "holboo-xmpp-caps"

#include "config.h"

#include "holboo-xmpp-caps.h"
#include "holboo-xmpp-error.h"

#include <string.h>

#define HOLBOO_XMLNS_DATA_FORMS "jabber:x:data"

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorts @array (of strings) and reports whether two are equal. */
static gboolean
sort_unique (GPtrArray *array)
{
  g_ptr_array_sort (array, compare_strings);
  for (guint i = 1; i < array->len; i++)
    if (strcmp (array->pdata[i - 1], array->pdata[i]) == 0)
      return FALSE;
  return TRUE;
}

static int
compare_fields (gconstpointer a,
                gconstpointer b)
{
  HolbooXmlNode *fa = *(HolbooXmlNode * const *) a;
  HolbooXmlNode *fb = *(HolbooXmlNode * const *) b;

  return strcmp (holboo_xml_node_get_attribute (fa, "var"), holboo_xml_node_get_attribute (fb, "var"));
}

static gboolean
ill_formed (GError     **error,
            const char  *what)
{
  g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
               "Ill-formed service discovery answer for entity capabilities: %s", what);
  return FALSE;
}

static GPtrArray *
field_values (HolbooXmlNode *field)
{
  GPtrArray *values = g_ptr_array_new ();
  HolbooXmlIter iter;
  HolbooXmlNode *value;

  holboo_xml_iter_init (&iter, field, "value", HOLBOO_XMLNS_DATA_FORMS);
  while (holboo_xml_iter_next (&iter, &value))
    {
      const char *text = holboo_xml_node_get_text (value);

      g_ptr_array_add (values, (gpointer) (text != NULL ? text : ""));
    }
  return values;
}

/* One form's part of S, or "" for a form to ignore; NULL when the form
 * makes the whole answer ill-formed. */
static char *
form_string (HolbooXmlNode  *form,
             char          **out_form_type,
             GError        **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) type_values = NULL;
  HolbooXmlNode *form_type = NULL, *field;
  HolbooXmlIter iter;

  *out_form_type = NULL;

  holboo_xml_iter_init (&iter, form, "field", HOLBOO_XMLNS_DATA_FORMS);
  while (holboo_xml_iter_next (&iter, &field))
    {
      const char *var = holboo_xml_node_get_attribute (field, "var");

      if (var == NULL)
        continue;
      if (strcmp (var, "FORM_TYPE") == 0)
        {
          if (form_type != NULL)
            return ill_formed (error, "a form with two FORM_TYPE fields"), NULL;
          form_type = field;
        }
      else
        g_ptr_array_add (fields, field);
    }

  if (form_type == NULL)
    return g_strdup ("");

  type_values = field_values (form_type);
  if (type_values->len == 0)
    return g_strdup ("");
  for (guint i = 1; i < type_values->len; i++)
    if (strcmp (type_values->pdata[0], type_values->pdata[i]) != 0)
      return ill_formed (error, "a FORM_TYPE with different values"), NULL;
  if (g_strcmp0 (holboo_xml_node_get_attribute (form_type, "type"), "hidden") != 0)
    return g_strdup ("");

  *out_form_type = g_strdup (type_values->pdata[0]);
  g_string_append_printf (s, "%s<", *out_form_type);

  g_ptr_array_sort (fields, compare_fields);
  for (guint i = 0; i < fields->len; i++)
    {
      g_autoptr(GPtrArray) values = field_values (fields->pdata[i]);

      g_string_append_printf (s, "%s<", holboo_xml_node_get_attribute (fields->pdata[i], "var"));
      g_ptr_array_sort (values, compare_strings);
      for (guint k = 0; k < values->len; k++)
        g_string_append_printf (s, "%s<", (const char *) values->pdata[k]);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct {
  char *form_type;
  char *text;
} FormPart;

static int
compare_form_parts (gconstpointer a,
                    gconstpointer b)
{
  const FormPart *fa = a, *fb = b;

  return strcmp (fa->form_type, fb->form_type);
}

static void
form_part_clear (FormPart *part)
{
  g_free (part->form_type);
  g_free (part->text);
}

/**
 * holboo_xmpp_caps_compute_ver:
 * @info: a disco#info answer
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the XEP-0115 §5.1 verification
 *   string (sha-1, base64), or %NULL with %HOLBOO_XMPP_ERROR_PROTOCOL
 *   when @info is ill-formed (§5.4)
 */
char *
holboo_xmpp_caps_compute_ver (HolbooXmppDiscoInfo  *info,
                              GError              **error)
{
  g_autoptr(GPtrArray) identities = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) features = NULL;
  g_autoptr(GArray) forms = g_array_new (FALSE, FALSE, sizeof (FormPart));
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (info != NULL, NULL);

  g_array_set_clear_func (forms, (GDestroyNotify) form_part_clear);

  for (guint i = 0; i < info->identities->len; i++)
    {
      HolbooXmppDiscoIdentity *identity = info->identities->pdata[i];

      g_ptr_array_add (identities, g_strdup_printf ("%s/%s/%s/%s", identity->category, identity->type,
                                                    identity->lang != NULL ? identity->lang : "",
                                                    identity->name != NULL ? identity->name : ""));
    }
  if (!sort_unique (identities))
    return ill_formed (error, "an identity listed twice"), NULL;

  /* Borrowed strings: the copy must not free them. */
  features = g_ptr_array_sized_new (info->features->len);
  for (guint i = 0; i < info->features->len; i++)
    g_ptr_array_add (features, info->features->pdata[i]);
  if (!sort_unique (features))
    return ill_formed (error, "a feature listed twice"), NULL;

  for (guint i = 0; i < info->forms->len; i++)
    {
      FormPart part = { NULL, NULL };

      part.text = form_string (info->forms->pdata[i], &part.form_type, error);
      if (part.text == NULL)
        return NULL;
      if (part.form_type == NULL)
        {
          g_free (part.text);
          continue;
        }
      for (guint j = 0; j < forms->len; j++)
        if (strcmp (g_array_index (forms, FormPart, j).form_type, part.form_type) == 0)
          {
            form_part_clear (&part);
            return ill_formed (error, "two forms of one FORM_TYPE"), NULL;
          }
      g_array_append_val (forms, part);
    }
  g_array_sort (forms, compare_form_parts);

  for (guint i = 0; i < identities->len; i++)
    g_string_append_printf (s, "%s<", (const char *) identities->pdata[i]);
  for (guint i = 0; i < features->len; i++)
    g_string_append_printf (s, "%s<", (const char *) features->pdata[i]);
  for (guint i = 0; i < forms->len; i++)
    g_string_append (s, g_array_index (forms, FormPart, i).text);

  g_checksum_update (checksum, (const guchar *) s->str, s->len);
  g_checksum_get_digest (checksum, digest, &digest_len);
  return g_base64_encode (digest, digest_len);
}

/**
 * holboo_xmpp_caps_build_c:
 * @node: the software's node
 * @ver: the verification string
 *
 * Returns: (transfer full): the `<c/>` element for a presence
 */
HolbooXmlNode *
holboo_xmpp_caps_build_c (const char *node,
                          const char *ver)
{
  HolbooXmlNode *c = holboo_xml_node_new ("c", HOLBOO_XMLNS_CAPS);

  holboo_xml_node_set_attribute (c, "hash", "sha-1");
  holboo_xml_node_set_attribute (c, "node", node);
  holboo_xml_node_set_attribute (c, "ver", ver);
  return c;
}

struct _HolbooXmppCapsCache {
  GHashTable *entries;   /* ver → HolbooXmppDiscoInfo */
};

HolbooXmppCapsCache *
holboo_xmpp_caps_cache_new (void)
{
  HolbooXmppCapsCache *cache = g_new0 (HolbooXmppCapsCache, 1);

  cache->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) holboo_xmpp_disco_info_unref);
  return cache;
}

void
holboo_xmpp_caps_cache_free (HolbooXmppCapsCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->entries);
  g_free (cache);
}

/**
 * holboo_xmpp_caps_cache_lookup:
 *
 * Returns: (transfer none) (nullable): what @ver stands for, if known
 */
HolbooXmppDiscoInfo *
holboo_xmpp_caps_cache_lookup (HolbooXmppCapsCache *cache,
                               const char          *ver)
{
  g_return_val_if_fail (cache != NULL, NULL);
  return ver != NULL ? g_hash_table_lookup (cache->entries, ver) : NULL;
}

/**
 * holboo_xmpp_caps_cache_add:
 * @cache: the cache
 * @hash: (nullable): the hash function the presence named
 * @ver: the verification string the presence carried
 * @info: the disco#info answer to node#ver
 * @error: return location for a #GError
 *
 * Keeps @info as what @ver stands for, if it is: the hash is sha-1 and
 * @info is well-formed and hashes to @ver — and the cache is not full
 * (%HOLBOO_XMPP_CAPS_CACHE_MAX).
 *
 * Returns: whether @info was kept (%HOLBOO_XMPP_ERROR_PROTOCOL if not)
 */
gboolean
holboo_xmpp_caps_cache_add (HolbooXmppCapsCache  *cache,
                            const char           *hash,
                            const char           *ver,
                            HolbooXmppDiscoInfo  *info,
                            GError              **error)
{
  g_autofree char *computed = NULL;

  g_return_val_if_fail (cache != NULL, FALSE);
  g_return_val_if_fail (ver != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  if (g_strcmp0 (hash, "sha-1") != 0)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "Entity capabilities with hash “%s”, not sha-1", hash != NULL ? hash : "");
      return FALSE;
    }

  computed = holboo_xmpp_caps_compute_ver (info, error);
  if (computed == NULL)
    return FALSE;
  if (strcmp (computed, ver) != 0)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "Entity capabilities “%s” do not match the answer (%s)", ver, computed);
      return FALSE;
    }

  if (g_hash_table_size (cache->entries) >= HOLBOO_XMPP_CAPS_CACHE_MAX &&
      !g_hash_table_contains (cache->entries, ver))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "The entity capabilities cache is full (%u entries)", HOLBOO_XMPP_CAPS_CACHE_MAX);
      return FALSE;
    }
  g_hash_table_replace (cache->entries, g_strdup (ver), holboo_xmpp_disco_info_ref (info));
  return TRUE;
}

guint
holboo_xmpp_caps_cache_get_size (HolbooXmppCapsCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);
  return g_hash_table_size (cache->entries);
}
