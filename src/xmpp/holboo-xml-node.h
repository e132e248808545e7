/* holboo-xml-node.h: a small refcounted XML element tree for stanzas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Namespaces the stream layer itself needs. */
#define HOLBOO_XMLNS_XML     "http://www.w3.org/XML/1998/namespace"
#define HOLBOO_XMLNS_CLIENT  "jabber:client"
#define HOLBOO_XMLNS_STREAM  "http://etherx.jabber.org/streams"
#define HOLBOO_XMLNS_STREAMS "urn:ietf:params:xml:ns:xmpp-streams"
#define HOLBOO_XMLNS_FRAMING "urn:ietf:params:xml:ns:xmpp-framing"

/**
 * HolbooXmlNode:
 *
 * One XML element: local name, namespace URI (%NULL for "no namespace"),
 * attributes (each with an optional namespace), child elements and
 * character data.  Prefixes are not kept: the serializer chooses them.
 *
 * A node is refcounted (atomically) and has at most one parent, which
 * holds a reference on it.  Nodes are not locked: build a tree in one
 * thread, then treat it as read-only if it is shared.  Parsed stanzas
 * are always handed out read-only by convention.
 */
typedef struct _HolbooXmlNode HolbooXmlNode;

/**
 * HolbooXmlSerializeFlags:
 * @HOLBOO_XML_SERIALIZE_NONE: self-contained output: every namespace in
 *   use is declared (what RFC 7395 WebSocket framing needs).
 * @HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM: the output goes inside a
 *   `<stream:stream xmlns='jabber:client' xmlns:stream='…'>` root, so
 *   jabber:client is the default namespace and `stream:` is bound.
 */
typedef enum {
  HOLBOO_XML_SERIALIZE_NONE             = 0,
  HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM = 1 << 0,
} HolbooXmlSerializeFlags;

/**
 * HolbooXmlIter:
 *
 * Iterates over the child elements of a node that match a name and a
 * namespace.  Stack-allocated; see holboo_xml_iter_init().
 */
typedef struct {
  /*< private >*/
  HolbooXmlNode *next;
  const char    *name;
  const char    *ns;
} HolbooXmlIter;

#define HOLBOO_TYPE_XML_NODE (holboo_xml_node_get_type ())

GType          holboo_xml_node_get_type        (void) G_GNUC_CONST;

HolbooXmlNode *holboo_xml_node_new             (const char    *name,
                                                const char    *ns);
HolbooXmlNode *holboo_xml_node_ref             (HolbooXmlNode *node);
void           holboo_xml_node_unref           (HolbooXmlNode *node);

const char    *holboo_xml_node_get_name        (HolbooXmlNode *node);
const char    *holboo_xml_node_get_ns          (HolbooXmlNode *node);
gboolean       holboo_xml_node_is              (HolbooXmlNode *node,
                                                const char    *name,
                                                const char    *ns);

/* Attributes: the plain calls are for attributes without a namespace,
 * which is nearly all of them; xml:lang is (HOLBOO_XMLNS_XML, "lang"). */
const char    *holboo_xml_node_get_attribute   (HolbooXmlNode *node,
                                                const char    *name);
const char    *holboo_xml_node_get_attribute_ns (HolbooXmlNode *node,
                                                 const char    *ns,
                                                 const char    *name);
void           holboo_xml_node_set_attribute   (HolbooXmlNode *node,
                                                const char    *name,
                                                const char    *value);
void           holboo_xml_node_set_attribute_ns (HolbooXmlNode *node,
                                                 const char    *ns,
                                                 const char    *name,
                                                 const char    *value);
guint          holboo_xml_node_get_n_attributes (HolbooXmlNode *node);
const char    *holboo_xml_node_get_attribute_at (HolbooXmlNode  *node,
                                                 guint           index,
                                                 const char    **ns,
                                                 const char    **name);

/* Children. */
HolbooXmlNode *holboo_xml_node_add_child       (HolbooXmlNode *node,
                                                const char    *name);
HolbooXmlNode *holboo_xml_node_add_child_ns    (HolbooXmlNode *node,
                                                const char    *name,
                                                const char    *ns);
HolbooXmlNode *holboo_xml_node_add_text_child  (HolbooXmlNode *node,
                                                const char    *name,
                                                const char    *text);
void           holboo_xml_node_append_child    (HolbooXmlNode *node,
                                                HolbooXmlNode *child);
HolbooXmlNode *holboo_xml_node_get_first_child (HolbooXmlNode *node);
HolbooXmlNode *holboo_xml_node_get_next_sibling (HolbooXmlNode *node);
HolbooXmlNode *holboo_xml_node_get_child       (HolbooXmlNode *node,
                                                const char    *name,
                                                const char    *ns);
const char    *holboo_xml_node_get_child_text  (HolbooXmlNode *node,
                                                const char    *name,
                                                const char    *ns);

void           holboo_xml_iter_init            (HolbooXmlIter  *iter,
                                                HolbooXmlNode  *node,
                                                const char     *name,
                                                const char     *ns);
gboolean       holboo_xml_iter_next            (HolbooXmlIter  *iter,
                                                HolbooXmlNode **child);

/* Character data. */
void           holboo_xml_node_add_text        (HolbooXmlNode *node,
                                                const char    *text,
                                                gssize         len);
const char    *holboo_xml_node_get_text        (HolbooXmlNode *node);

/* Output and comparison. */
void           holboo_xml_node_serialize       (HolbooXmlNode          *node,
                                                GString                *out,
                                                HolbooXmlSerializeFlags flags);
char          *holboo_xml_node_to_string       (HolbooXmlNode *node);
gboolean       holboo_xml_node_equal           (HolbooXmlNode *a,
                                                HolbooXmlNode *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmlNode, holboo_xml_node_unref)

G_END_DECLS
