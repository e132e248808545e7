/* holboo-xml-node-private.h: fast constructors for the stream parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

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
