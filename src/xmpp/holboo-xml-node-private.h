/* holboo-xml-node-private.h: node internals shared inside the xmpp layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

/* Each attribute is one block "name\0value\0ns\0" owned through ->name. */
typedef struct {
  char       *name;   /* start of the block */
  const char *value;  /* inside the block */
  const char *ns;     /* inside the block, or NULL */
} HolbooXmlAttr;

/* Mixed content: character data that follows a child element is kept
 * as text nodes (name == NULL) in the children list, in document order,
 * and the element is marked ->mixed; ->text still holds all of it. */
struct _HolbooXmlNode
{
  gatomicrefcount  ref_count;
  guint            n_attrs;
  guint            attrs_size;
  gboolean         mixed;
  HolbooXmlNode   *parent;       /* not a reference */
  HolbooXmlNode   *first_child;  /* references, chained through ->next */
  HolbooXmlNode   *last_child;
  HolbooXmlNode   *next;
  const char      *name;         /* NULL for a text node */
  const char      *ns;           /* NULL for no namespace */
  char            *text;         /* NULL or all direct character data */
  gsize            text_len;
  HolbooXmlAttr   *attrs;
  char             storage[];    /* name and ns */
};

/* These skip the checks of the public builders: the parser has already
 * checked names, UTF-8 and duplicate attributes.  Strings are given with
 * lengths and need not be nul-terminated; ns may be NULL (no namespace). */
HolbooXmlNode *_holboo_xml_node_new_len        (const char    *name,
                                                gsize          name_len,
                                                const char    *ns,
                                                gsize          ns_len);
void           _holboo_xml_node_alloc_attributes (HolbooXmlNode *node,
                                                  guint          n_attrs);
void           _holboo_xml_node_push_attribute (HolbooXmlNode *node,
                                                const char    *ns,
                                                gsize          ns_len,
                                                const char    *name,
                                                gsize          name_len,
                                                const char    *value,
                                                gsize          value_len);
void           _holboo_xml_node_append_text_len (HolbooXmlNode *node,
                                                 const char    *text,
                                                 gsize          len);
/* Appends @child, taking the caller's reference. */
void           _holboo_xml_node_take_child     (HolbooXmlNode *node,
                                                HolbooXmlNode *child);
/* Appends @text escaped for character data or a single-quoted attribute. */
void           _holboo_xml_append_escaped      (GString       *out,
                                                const char    *text,
                                                gsize          len,
                                                gboolean       in_attribute);

G_END_DECLS
