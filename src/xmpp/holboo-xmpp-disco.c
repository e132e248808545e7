/* holboo-xmpp-disco.c: service discovery (XEP-0030) with extended
 * information forms (XEP-0128)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answers are read as received, duplicates included: whether they
 * are acceptable depends on what they are for (entity capabilities
 * refuse duplicates, holboo-xmpp-caps.c).  Only sizes no real entity
 * reaches, and items whose address does not parse, are refused here.
 */

#define G_LOG_DOMAIN "holboo-xmpp-disco"

#include "config.h"

#include "holboo-xmpp-disco.h"
#include "holboo-xmpp-error.h"

#include <string.h>

#define HOLBOO_XMLNS_DATA_FORMS "jabber:x:data"

G_DEFINE_BOXED_TYPE (HolbooXmppDiscoInfo, holboo_xmpp_disco_info,
                     holboo_xmpp_disco_info_ref, holboo_xmpp_disco_info_unref)

static void
identity_free (HolbooXmppDiscoIdentity *identity)
{
  g_free (identity->category);
  g_free (identity->type);
  g_free (identity->lang);
  g_free (identity->name);
  g_free (identity);
}

static void
disco_info_clear (HolbooXmppDiscoInfo *info)
{
  g_free (info->node);
  g_ptr_array_unref (info->identities);
  g_ptr_array_unref (info->features);
  g_ptr_array_unref (info->forms);
}

/**
 * holboo_xmpp_disco_info_new:
 * @node: (nullable): the node it describes
 *
 * Returns: (transfer full): empty information
 */
HolbooXmppDiscoInfo *
holboo_xmpp_disco_info_new (const char *node)
{
  HolbooXmppDiscoInfo *info = g_atomic_rc_box_new0 (HolbooXmppDiscoInfo);

  info->node = g_strdup (node);
  info->identities = g_ptr_array_new_with_free_func ((GDestroyNotify) identity_free);
  info->features = g_ptr_array_new_with_free_func (g_free);
  info->forms = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xml_node_unref);
  return info;
}

HolbooXmppDiscoInfo *
holboo_xmpp_disco_info_ref (HolbooXmppDiscoInfo *info)
{
  return g_atomic_rc_box_acquire (info);
}

void
holboo_xmpp_disco_info_unref (HolbooXmppDiscoInfo *info)
{
  g_atomic_rc_box_release_full (info, (GDestroyNotify) disco_info_clear);
}

void
holboo_xmpp_disco_info_add_identity (HolbooXmppDiscoInfo *info,
                                     const char          *category,
                                     const char          *type,
                                     const char          *lang,
                                     const char          *name)
{
  HolbooXmppDiscoIdentity *identity = g_new0 (HolbooXmppDiscoIdentity, 1);

  g_return_if_fail (category != NULL && type != NULL);

  identity->category = g_strdup (category);
  identity->type = g_strdup (type);
  identity->lang = g_strdup (lang);
  identity->name = g_strdup (name);
  g_ptr_array_add (info->identities, identity);
}

void
holboo_xmpp_disco_info_add_feature (HolbooXmppDiscoInfo *info,
                                    const char          *feature)
{
  g_return_if_fail (feature != NULL);
  g_ptr_array_add (info->features, g_strdup (feature));
}

gboolean
holboo_xmpp_disco_info_has_feature (HolbooXmppDiscoInfo *info,
                                    const char          *feature)
{
  g_return_val_if_fail (info != NULL, FALSE);
  return g_ptr_array_find_with_equal_func (info->features, feature, g_str_equal, NULL);
}

gboolean
holboo_xmpp_disco_info_has_identity (HolbooXmppDiscoInfo *info,
                                     const char          *category,
                                     const char          *type)
{
  g_return_val_if_fail (info != NULL, FALSE);

  for (guint i = 0; i < info->identities->len; i++)
    {
      HolbooXmppDiscoIdentity *identity = info->identities->pdata[i];

      if (g_strcmp0 (identity->category, category) == 0 &&
          (type == NULL || g_strcmp0 (identity->type, type) == 0))
        return TRUE;
    }
  return FALSE;
}

static HolbooXmlNode *
build_query (const char *to,
             const char *node,
             const char *ns)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  HolbooXmlNode *query;

  holboo_xml_node_set_attribute (iq, "type", "get");
  if (to != NULL)
    holboo_xml_node_set_attribute (iq, "to", to);
  query = holboo_xml_node_add_child_ns (iq, "query", ns);
  if (node != NULL)
    holboo_xml_node_set_attribute (query, "node", node);
  return iq;
}

/**
 * holboo_xmpp_disco_build_info_query:
 * @to: (nullable): the entity to ask; %NULL for our own account
 * @node: (nullable): the node to ask about
 *
 * Returns: (transfer full): the disco#info get
 */
HolbooXmlNode *
holboo_xmpp_disco_build_info_query (const char *to,
                                    const char *node)
{
  return build_query (to, node, HOLBOO_XMLNS_DISCO_INFO);
}

/**
 * holboo_xmpp_disco_build_items_query:
 * @to: (nullable): the entity to ask
 * @node: (nullable): the node to ask about
 *
 * Returns: (transfer full): the disco#items get
 */
HolbooXmlNode *
holboo_xmpp_disco_build_items_query (const char *to,
                                     const char *node)
{
  return build_query (to, node, HOLBOO_XMLNS_DISCO_ITEMS);
}

static gboolean
too_many (GPtrArray  *array,
          GError    **error)
{
  if (array->len < HOLBOO_XMPP_DISCO_MAX_ENTRIES)
    return FALSE;
  g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
               "A service discovery answer with more than %u entries", HOLBOO_XMPP_DISCO_MAX_ENTRIES);
  return TRUE;
}

/**
 * holboo_xmpp_disco_parse_info:
 * @iq: the result of a disco#info query
 * @error: return location for a #GError
 *
 * Identities without a category or type, and features without a var,
 * are malformed: the whole answer is refused.
 *
 * Returns: (transfer full) (nullable): the information, or %NULL with
 *   %HOLBOO_XMPP_ERROR_PROTOCOL
 */
HolbooXmppDiscoInfo *
holboo_xmpp_disco_parse_info (HolbooXmlNode  *iq,
                              GError        **error)
{
  g_autoptr(HolbooXmppDiscoInfo) info = NULL;
  HolbooXmlNode *query, *child;

  g_return_val_if_fail (iq != NULL, NULL);

  query = holboo_xml_node_get_child (iq, "query", HOLBOO_XMLNS_DISCO_INFO);
  if (query == NULL || g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "result") != 0)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "Not a service discovery result");
      return NULL;
    }

  info = holboo_xmpp_disco_info_new (holboo_xml_node_get_attribute (query, "node"));
  for (child = holboo_xml_node_get_first_child (query); child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    {
      if (holboo_xml_node_get_name (child) == NULL)
        continue;

      if (holboo_xml_node_is (child, "identity", HOLBOO_XMLNS_DISCO_INFO))
        {
          const char *category = holboo_xml_node_get_attribute (child, "category");
          const char *type = holboo_xml_node_get_attribute (child, "type");

          if (category == NULL || type == NULL)
            {
              g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                                   "A service discovery identity without category or type");
              return NULL;
            }
          if (too_many (info->identities, error))
            return NULL;
          holboo_xmpp_disco_info_add_identity (info, category, type,
                                               holboo_xml_node_get_attribute_ns (child, HOLBOO_XMLNS_XML, "lang"),
                                               holboo_xml_node_get_attribute (child, "name"));
        }
      else if (holboo_xml_node_is (child, "feature", HOLBOO_XMLNS_DISCO_INFO))
        {
          const char *var = holboo_xml_node_get_attribute (child, "var");

          if (var == NULL)
            {
              g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                                   "A service discovery feature without var");
              return NULL;
            }
          if (too_many (info->features, error))
            return NULL;
          holboo_xmpp_disco_info_add_feature (info, var);
        }
      else if (holboo_xml_node_is (child, "x", HOLBOO_XMLNS_DATA_FORMS) &&
               g_strcmp0 (holboo_xml_node_get_attribute (child, "type"), "result") == 0)
        {
          if (too_many (info->forms, error))
            return NULL;
          g_ptr_array_add (info->forms, holboo_xml_node_ref (child));
        }
    }

  return g_steal_pointer (&info);
}

/**
 * holboo_xmpp_disco_get_query_node:
 * @request: a disco#info get
 *
 * Returns: (nullable): the node it asks about
 */
const char *
holboo_xmpp_disco_get_query_node (HolbooXmlNode *request)
{
  HolbooXmlNode *query = holboo_xml_node_get_child (request, "query", HOLBOO_XMLNS_DISCO_INFO);

  return query != NULL ? holboo_xml_node_get_attribute (query, "node") : NULL;
}

/**
 * holboo_xmpp_disco_build_info_result:
 * @request: the disco#info get to answer
 * @info: what to answer
 *
 * Returns: (transfer full): the answer
 */
HolbooXmlNode *
holboo_xmpp_disco_build_info_result (HolbooXmlNode       *request,
                                     HolbooXmppDiscoInfo *info)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  const char *from = holboo_xml_node_get_attribute (request, "from");
  const char *node = holboo_xmpp_disco_get_query_node (request);
  HolbooXmlNode *query;

  holboo_xml_node_set_attribute (iq, "type", "result");
  holboo_xml_node_set_attribute (iq, "id", holboo_xml_node_get_attribute (request, "id"));
  if (from != NULL)
    holboo_xml_node_set_attribute (iq, "to", from);
  query = holboo_xml_node_add_child_ns (iq, "query", HOLBOO_XMLNS_DISCO_INFO);
  if (node != NULL)
    holboo_xml_node_set_attribute (query, "node", node);

  for (guint i = 0; i < info->identities->len; i++)
    {
      HolbooXmppDiscoIdentity *identity = info->identities->pdata[i];
      HolbooXmlNode *element = holboo_xml_node_add_child (query, "identity");

      holboo_xml_node_set_attribute (element, "category", identity->category);
      holboo_xml_node_set_attribute (element, "type", identity->type);
      if (identity->lang != NULL)
        holboo_xml_node_set_attribute_ns (element, HOLBOO_XMLNS_XML, "lang", identity->lang);
      if (identity->name != NULL)
        holboo_xml_node_set_attribute (element, "name", identity->name);
    }
  for (guint i = 0; i < info->features->len; i++)
    holboo_xml_node_set_attribute (holboo_xml_node_add_child (query, "feature"), "var",
                                   info->features->pdata[i]);
  return iq;
}

void
holboo_xmpp_disco_item_free (HolbooXmppDiscoItem *item)
{
  if (item == NULL)
    return;
  g_clear_pointer (&item->jid, holboo_jid_unref);
  g_free (item->node);
  g_free (item->name);
  g_free (item);
}

/**
 * holboo_xmpp_disco_parse_items:
 * @iq: the result of a disco#items query
 * @error: return location for a #GError
 *
 * Items without a valid JID are left out with a debug line.
 *
 * Returns: (transfer full) (element-type HolbooXmppDiscoItem) (nullable):
 *   the items, or %NULL with %HOLBOO_XMPP_ERROR_PROTOCOL
 */
GPtrArray *
holboo_xmpp_disco_parse_items (HolbooXmlNode  *iq,
                               GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  HolbooXmlNode *query, *child;
  HolbooXmlIter iter;

  g_return_val_if_fail (iq != NULL, NULL);

  query = holboo_xml_node_get_child (iq, "query", HOLBOO_XMLNS_DISCO_ITEMS);
  if (query == NULL || g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "result") != 0)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "Not a service discovery items result");
      return NULL;
    }

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_disco_item_free);
  holboo_xml_iter_init (&iter, query, "item", HOLBOO_XMLNS_DISCO_ITEMS);
  while (holboo_xml_iter_next (&iter, &child))
    {
      const char *jid_text = holboo_xml_node_get_attribute (child, "jid");
      g_autoptr(HolbooJid) jid = jid_text != NULL ? holboo_jid_parse (jid_text, -1, NULL) : NULL;
      HolbooXmppDiscoItem *item;

      if (jid == NULL)
        {
          g_debug ("Leaving out a service discovery item without a valid JID");
          continue;
        }
      if (too_many (items, error))
        return NULL;
      item = g_new0 (HolbooXmppDiscoItem, 1);
      item->jid = g_steal_pointer (&jid);
      item->node = g_strdup (holboo_xml_node_get_attribute (child, "node"));
      item->name = g_strdup (holboo_xml_node_get_attribute (child, "name"));
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}
