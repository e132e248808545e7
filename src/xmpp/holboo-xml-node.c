/* holboo-xml-node.c: a small refcounted XML element tree for stanzas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An element keeps its local name and namespace in the same allocation as
 * the node, each attribute in one block ("name\0value\0ns\0") and all of
 * its direct character data concatenated in ->text, so that the parser
 * makes few allocations and holboo_xml_node_get_text() never copies.
 *
 * Character data that follows a child element (mixed content, rare in
 * XMPP) is additionally kept as text nodes (name == NULL) in the children
 * list, in document order, and the element is marked ->mixed; only the
 * serializer and holboo_xml_node_equal() ever see those text nodes.
 */

#define G_LOG_DOMAIN "holboo-xml-node"

#include "config.h"

#include "holboo-xml-node-private.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (HolbooXmlNode, holboo_xml_node,
                     holboo_xml_node_ref, holboo_xml_node_unref)

static HolbooXmlNode *
node_alloc (const char *name,
            gsize       name_len,
            const char *ns,
            gsize       ns_len)
{
  gsize extra = 0;
  HolbooXmlNode *node;

  if (name != NULL)
    extra = name_len + 1 + (ns != NULL ? ns_len + 1 : 0);

  node = g_malloc (sizeof *node + extra);
  memset (node, 0, sizeof *node);
  g_atomic_ref_count_init (&node->ref_count);

  if (name != NULL)
    {
      char *p = node->storage;

      memcpy (p, name, name_len);
      p[name_len] = '\0';
      node->name = p;

      if (ns != NULL)
        {
          p += name_len + 1;
          memcpy (p, ns, ns_len);
          p[ns_len] = '\0';
          node->ns = p;
        }
    }

  return node;
}

static void
node_free (HolbooXmlNode *node)
{
  HolbooXmlNode *child = node->first_child;

  while (child != NULL)
    {
      HolbooXmlNode *next = child->next;

      /* The child may outlive us if someone else holds a reference. */
      child->next = NULL;
      child->parent = NULL;
      holboo_xml_node_unref (child);
      child = next;
    }

  for (guint i = 0; i < node->n_attrs; i++)
    g_free (node->attrs[i].name);
  g_free (node->attrs);
  g_free (node->text);
  g_free (node);
}

static void
attr_fill (HolbooXmlAttr *attr,
           const char    *ns,
           gsize          ns_len,
           const char    *name,
           gsize          name_len,
           const char    *value,
           gsize          value_len)
{
  gsize size = name_len + 1 + value_len + 1 + (ns != NULL ? ns_len + 1 : 0);
  char *p = g_malloc (size);

  memcpy (p, name, name_len);
  p[name_len] = '\0';
  attr->name = p;
  p += name_len + 1;

  memcpy (p, value, value_len);
  p[value_len] = '\0';
  attr->value = p;
  p += value_len + 1;

  if (ns != NULL)
    {
      memcpy (p, ns, ns_len);
      p[ns_len] = '\0';
      attr->ns = p;
    }
  else
    {
      attr->ns = NULL;
    }
}

static HolbooXmlAttr *
find_attr (HolbooXmlNode *node,
           const char    *ns,
           const char    *name)
{
  for (guint i = 0; i < node->n_attrs; i++)
    {
      HolbooXmlAttr *attr = &node->attrs[i];

      if (strcmp (attr->name, name) == 0 && g_strcmp0 (attr->ns, ns) == 0)
        return attr;
    }

  return NULL;
}

static void
text_concat (HolbooXmlNode *node,
             const char    *text,
             gsize          len)
{
  node->text = g_realloc (node->text, node->text_len + len + 1);
  memcpy (node->text + node->text_len, text, len);
  node->text_len += len;
  node->text[node->text_len] = '\0';
}

static HolbooXmlNode *
text_node_new (const char *text,
               gsize       len)
{
  HolbooXmlNode *node = node_alloc (NULL, 0, NULL, 0);

  text_concat (node, text, len);
  return node;
}

static void
link_child (HolbooXmlNode *node,
            HolbooXmlNode *child)
{
  child->parent = node;
  child->next = NULL;

  if (node->last_child != NULL)
    node->last_child->next = child;
  else
    node->first_child = child;
  node->last_child = child;
}

static inline gboolean
node_matches (HolbooXmlNode *node,
              const char    *name,
              const char    *ns)
{
  return node->name != NULL &&
         (name == NULL || strcmp (node->name, name) == 0) &&
         g_strcmp0 (node->ns, ns) == 0;
}

static HolbooXmlNode *
next_match (HolbooXmlNode *node,
            const char    *name,
            const char    *ns)
{
  while (node != NULL && !node_matches (node, name, ns))
    node = node->next;

  return node;
}

static HolbooXmlNode *
next_element (HolbooXmlNode *node)
{
  while (node != NULL && node->name == NULL)
    node = node->next;

  return node;
}

static gboolean
attrs_equal (HolbooXmlNode *a,
             HolbooXmlNode *b)
{
  if (a->n_attrs != b->n_attrs)
    return FALSE;

  for (guint i = 0; i < a->n_attrs; i++)
    {
      HolbooXmlAttr *other = find_attr (b, a->attrs[i].ns, a->attrs[i].name);

      if (other == NULL || strcmp (other->value, a->attrs[i].value) != 0)
        return FALSE;
    }

  return TRUE;
}

HolbooXmlNode *
_holboo_xml_node_new_len (const char *name,
                          gsize       name_len,
                          const char *ns,
                          gsize       ns_len)
{
  return node_alloc (name, name_len, ns, ns_len);
}

void
_holboo_xml_node_alloc_attributes (HolbooXmlNode *node,
                                   guint          n_attrs)
{
  g_assert (node->attrs == NULL);

  node->attrs = g_new (HolbooXmlAttr, n_attrs);
  node->attrs_size = n_attrs;
}

void
_holboo_xml_node_push_attribute (HolbooXmlNode *node,
                                 const char    *ns,
                                 gsize          ns_len,
                                 const char    *name,
                                 gsize          name_len,
                                 const char    *value,
                                 gsize          value_len)
{
  if (node->n_attrs == node->attrs_size)
    {
      node->attrs_size = MAX (4, node->attrs_size * 2);
      node->attrs = g_renew (HolbooXmlAttr, node->attrs, node->attrs_size);
    }

  attr_fill (&node->attrs[node->n_attrs++], ns, ns_len, name, name_len, value, value_len);
}

void
_holboo_xml_node_append_text_len (HolbooXmlNode *node,
                                  const char    *text,
                                  gsize          len)
{
  if (len == 0)
    return;

  if (node->mixed)
    {
      if (node->last_child != NULL && node->last_child->name == NULL)
        text_concat (node->last_child, text, len);
      else
        link_child (node, text_node_new (text, len));
    }
  else if (node->first_child != NULL)
    {
      /* Text after a child element: from now on the children list holds
       * the text too, so that the order survives serialization. */
      node->mixed = TRUE;
      if (node->text_len > 0)
        {
          HolbooXmlNode *lead = text_node_new (node->text, node->text_len);

          lead->parent = node;
          lead->next = node->first_child;
          node->first_child = lead;
        }
      link_child (node, text_node_new (text, len));
    }

  text_concat (node, text, len);
}

void
_holboo_xml_node_take_child (HolbooXmlNode *node,
                             HolbooXmlNode *child)
{
  link_child (node, child);
}

/**
 * holboo_xml_node_new:
 * @name: the local name
 * @ns: (nullable): the namespace URI; %NULL (or "") for no namespace
 *
 * Returns: (transfer full): a new element without attributes or content
 */
HolbooXmlNode *
holboo_xml_node_new (const char *name,
                     const char *ns)
{
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  if (ns != NULL && *ns == '\0')
    ns = NULL;

  return node_alloc (name, strlen (name), ns, ns != NULL ? strlen (ns) : 0);
}

HolbooXmlNode *
holboo_xml_node_ref (HolbooXmlNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  g_atomic_ref_count_inc (&node->ref_count);
  return node;
}

void
holboo_xml_node_unref (HolbooXmlNode *node)
{
  g_return_if_fail (node != NULL);

  if (g_atomic_ref_count_dec (&node->ref_count))
    node_free (node);
}

const char *
holboo_xml_node_get_name (HolbooXmlNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->name;
}

/**
 * holboo_xml_node_get_ns:
 *
 * Returns: (nullable): the namespace URI, %NULL if the element has none
 */
const char *
holboo_xml_node_get_ns (HolbooXmlNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->ns;
}

/**
 * holboo_xml_node_is:
 * @name: (nullable): a local name, or %NULL for any
 * @ns: (nullable): a namespace URI, %NULL meaning no namespace
 *
 * Returns: whether @node has this name and namespace
 */
gboolean
holboo_xml_node_is (HolbooXmlNode *node,
                    const char    *name,
                    const char    *ns)
{
  g_return_val_if_fail (node != NULL, FALSE);

  return node_matches (node, name, ns);
}

const char *
holboo_xml_node_get_attribute (HolbooXmlNode *node,
                               const char    *name)
{
  return holboo_xml_node_get_attribute_ns (node, NULL, name);
}

/**
 * holboo_xml_node_get_attribute_ns:
 * @ns: (nullable): the attribute's namespace, %NULL for none
 *
 * Returns: (nullable): the value, or %NULL if the attribute is not set
 */
const char *
holboo_xml_node_get_attribute_ns (HolbooXmlNode *node,
                                  const char    *ns,
                                  const char    *name)
{
  HolbooXmlAttr *attr;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  attr = find_attr (node, ns, name);
  return attr != NULL ? attr->value : NULL;
}

void
holboo_xml_node_set_attribute (HolbooXmlNode *node,
                               const char    *name,
                               const char    *value)
{
  holboo_xml_node_set_attribute_ns (node, NULL, name, value);
}

/**
 * holboo_xml_node_set_attribute_ns:
 * @ns: (nullable): the attribute's namespace, %NULL for none
 * @value: (nullable): the value (valid UTF-8), or %NULL to remove it
 */
void
holboo_xml_node_set_attribute_ns (HolbooXmlNode *node,
                                  const char    *ns,
                                  const char    *name,
                                  const char    *value)
{
  HolbooXmlAttr *attr;

  g_return_if_fail (node != NULL && node->name != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  if (ns != NULL && *ns == '\0')
    ns = NULL;

  attr = find_attr (node, ns, name);

  if (value == NULL)
    {
      if (attr != NULL)
        {
          guint index = attr - node->attrs;

          g_free (attr->name);
          memmove (attr, attr + 1, (node->n_attrs - index - 1) * sizeof *attr);
          node->n_attrs--;
        }
      return;
    }

  if (attr != NULL)
    {
      char *old = attr->name;

      attr_fill (attr, ns, ns != NULL ? strlen (ns) : 0,
                 name, strlen (name), value, strlen (value));
      g_free (old);
      return;
    }

  _holboo_xml_node_push_attribute (node, ns, ns != NULL ? strlen (ns) : 0,
                                   name, strlen (name), value, strlen (value));
}

guint
holboo_xml_node_get_n_attributes (HolbooXmlNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  return node->n_attrs;
}

/**
 * holboo_xml_node_get_attribute_at:
 * @ns: (out) (optional) (nullable): the attribute's namespace
 * @name: (out) (optional): the attribute's local name
 *
 * Returns: the value of the @index-th attribute
 */
const char *
holboo_xml_node_get_attribute_at (HolbooXmlNode  *node,
                                  guint           index,
                                  const char    **ns,
                                  const char    **name)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (index < node->n_attrs, NULL);

  if (ns != NULL)
    *ns = node->attrs[index].ns;
  if (name != NULL)
    *name = node->attrs[index].name;

  return node->attrs[index].value;
}

/**
 * holboo_xml_node_add_child:
 *
 * Adds a new child element in the same namespace as @node.
 *
 * Returns: (transfer none): the child, owned by @node
 */
HolbooXmlNode *
holboo_xml_node_add_child (HolbooXmlNode *node,
                           const char    *name)
{
  g_return_val_if_fail (node != NULL && node->name != NULL, NULL);

  return holboo_xml_node_add_child_ns (node, name, node->ns);
}

/**
 * holboo_xml_node_add_child_ns:
 * @ns: (nullable): the child's namespace, %NULL for none
 *
 * Returns: (transfer none): the new child, owned by @node
 */
HolbooXmlNode *
holboo_xml_node_add_child_ns (HolbooXmlNode *node,
                              const char    *name,
                              const char    *ns)
{
  HolbooXmlNode *child;

  g_return_val_if_fail (node != NULL && node->name != NULL, NULL);

  child = holboo_xml_node_new (name, ns);
  if (child != NULL)
    link_child (node, child);

  return child;
}

/**
 * holboo_xml_node_add_text_child:
 * @text: (nullable): character data for the child
 *
 * Adds `<name>text</name>` in the namespace of @node, the way `<body/>`
 * and most other simple children are built.
 *
 * Returns: (transfer none): the new child, owned by @node
 */
HolbooXmlNode *
holboo_xml_node_add_text_child (HolbooXmlNode *node,
                                const char    *name,
                                const char    *text)
{
  HolbooXmlNode *child = holboo_xml_node_add_child (node, name);

  if (child != NULL && text != NULL)
    holboo_xml_node_add_text (child, text, -1);

  return child;
}

/**
 * holboo_xml_node_append_child:
 * @child: an element without a parent
 *
 * Appends @child and takes a new reference on it.
 */
void
holboo_xml_node_append_child (HolbooXmlNode *node,
                              HolbooXmlNode *child)
{
  g_return_if_fail (node != NULL && node->name != NULL);
  g_return_if_fail (child != NULL && child->name != NULL);
  g_return_if_fail (child->parent == NULL);

  for (HolbooXmlNode *up = node; up != NULL; up = up->parent)
    g_return_if_fail (up != child);

  link_child (node, holboo_xml_node_ref (child));
}

/**
 * holboo_xml_node_get_first_child:
 *
 * Returns: (transfer none) (nullable): the first child element
 */
HolbooXmlNode *
holboo_xml_node_get_first_child (HolbooXmlNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return next_element (node->first_child);
}

/**
 * holboo_xml_node_get_next_sibling:
 *
 * Returns: (transfer none) (nullable): the next element with the same parent
 */
HolbooXmlNode *
holboo_xml_node_get_next_sibling (HolbooXmlNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return next_element (node->next);
}

/**
 * holboo_xml_node_get_child:
 * @name: (nullable): a local name, or %NULL for any
 * @ns: (nullable): a namespace URI, %NULL meaning no namespace
 *
 * Returns: (transfer none) (nullable): the first matching child element
 */
HolbooXmlNode *
holboo_xml_node_get_child (HolbooXmlNode *node,
                           const char    *name,
                           const char    *ns)
{
  g_return_val_if_fail (node != NULL, NULL);

  return next_match (node->first_child, name, ns);
}

/**
 * holboo_xml_node_get_child_text:
 *
 * Returns: (nullable): the text of the first matching child, %NULL if
 *   there is no such child or it has no text
 */
const char *
holboo_xml_node_get_child_text (HolbooXmlNode *node,
                                const char    *name,
                                const char    *ns)
{
  HolbooXmlNode *child = holboo_xml_node_get_child (node, name, ns);

  return child != NULL ? child->text : NULL;
}

/**
 * holboo_xml_iter_init:
 * @name: (nullable): a local name, or %NULL for any
 * @ns: (nullable): a namespace URI, %NULL meaning no namespace
 *
 * |[
 * HolbooXmlIter iter;
 * HolbooXmlNode *item;
 *
 * holboo_xml_iter_init (&iter, query, "item", "jabber:iq:roster");
 * while (holboo_xml_iter_next (&iter, &item))
 *   …
 * ]|
 *
 * @name and @ns must stay valid while iterating; the tree must not change.
 */
void
holboo_xml_iter_init (HolbooXmlIter *iter,
                      HolbooXmlNode *node,
                      const char    *name,
                      const char    *ns)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (node != NULL);

  iter->name = name;
  iter->ns = ns;
  iter->next = next_match (node->first_child, name, ns);
}

gboolean
holboo_xml_iter_next (HolbooXmlIter  *iter,
                      HolbooXmlNode **child)
{
  g_return_val_if_fail (iter != NULL, FALSE);

  if (iter->next == NULL)
    return FALSE;

  if (child != NULL)
    *child = iter->next;
  iter->next = next_match (iter->next->next, iter->name, iter->ns);

  return TRUE;
}

/**
 * holboo_xml_node_add_text:
 * @text: valid UTF-8
 * @len: length of @text in bytes, or -1 if nul-terminated
 *
 * Appends character data.  Any valid UTF-8 is accepted; characters that
 * XML cannot carry (C0 controls, U+FFFE, U+FFFF) are written as U+FFFD.
 */
void
holboo_xml_node_add_text (HolbooXmlNode *node,
                          const char    *text,
                          gssize         len)
{
  g_return_if_fail (node != NULL && node->name != NULL);
  g_return_if_fail (text != NULL);

  if (len < 0)
    len = strlen (text);

  g_return_if_fail (g_utf8_validate_len (text, len, NULL));

  _holboo_xml_node_append_text_len (node, text, len);
}

/**
 * holboo_xml_node_get_text:
 *
 * Returns: (nullable): all character data directly inside @node,
 *   concatenated, or %NULL if there is none
 */
const char *
holboo_xml_node_get_text (HolbooXmlNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return node->text;
}

/**
 * holboo_xml_node_equal:
 *
 * Compares two trees: names, namespaces, attributes (in any order),
 * character data and children, in order.
 */
gboolean
holboo_xml_node_equal (HolbooXmlNode *a,
                       HolbooXmlNode *b)
{
  HolbooXmlNode *ca, *cb;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a == b)
    return TRUE;

  if (g_strcmp0 (a->name, b->name) != 0 ||
      g_strcmp0 (a->ns, b->ns) != 0 ||
      g_strcmp0 (a->text, b->text) != 0 ||
      !attrs_equal (a, b))
    return FALSE;

  for (ca = a->first_child, cb = b->first_child;
       ca != NULL && cb != NULL;
       ca = ca->next, cb = cb->next)
    {
      if (!holboo_xml_node_equal (ca, cb))
        return FALSE;
    }

  return ca == NULL && cb == NULL;
}
