/* holboo-xmpp-disco.h: service discovery (XEP-0030) with extended
 * information forms (XEP-0128)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_DISCO_INFO  "http://jabber.org/protocol/disco#info"
#define HOLBOO_XMLNS_DISCO_ITEMS "http://jabber.org/protocol/disco#items"

/* More than this many identities, features, forms or items in one
 * answer is refused: no real entity has them. */
#define HOLBOO_XMPP_DISCO_MAX_ENTRIES 1024

/**
 * HolbooXmppDiscoIdentity:
 * @category: e.g. "client"
 * @type: e.g. "pc"
 * @lang: (nullable): its xml:lang
 * @name: (nullable): a human-readable name
 */
typedef struct {
  char *category;
  char *type;
  char *lang;
  char *name;
} HolbooXmppDiscoIdentity;

/**
 * HolbooXmppDiscoInfo:
 * @node: (nullable): the node it describes
 * @identities: (element-type HolbooXmppDiscoIdentity)
 * @features: (element-type utf8)
 * @forms: (element-type HolbooXmlNode): extended information: data
 *   forms of type result
 *
 * What an entity says it is and does.  Refcounted; read-only once
 * shared.  Duplicates are kept as received, so that
 * holboo_xmpp_caps_compute_ver() can refuse them.
 */
typedef struct {
  char      *node;
  GPtrArray *identities;
  GPtrArray *features;
  GPtrArray *forms;
} HolbooXmppDiscoInfo;

/**
 * HolbooXmppDiscoItem:
 * @jid: the item's address
 * @node: (nullable): its node
 * @name: (nullable): its name
 */
typedef struct {
  HolbooJid *jid;
  char      *node;
  char      *name;
} HolbooXmppDiscoItem;

#define HOLBOO_TYPE_XMPP_DISCO_INFO (holboo_xmpp_disco_info_get_type ())
GType                holboo_xmpp_disco_info_get_type      (void) G_GNUC_CONST;

HolbooXmppDiscoInfo *holboo_xmpp_disco_info_new           (const char          *node);
HolbooXmppDiscoInfo *holboo_xmpp_disco_info_ref           (HolbooXmppDiscoInfo *info);
void                 holboo_xmpp_disco_info_unref         (HolbooXmppDiscoInfo *info);
void                 holboo_xmpp_disco_info_add_identity  (HolbooXmppDiscoInfo *info,
                                                           const char          *category,
                                                           const char          *type,
                                                           const char          *lang,
                                                           const char          *name);
void                 holboo_xmpp_disco_info_add_feature   (HolbooXmppDiscoInfo *info,
                                                           const char          *feature);
gboolean             holboo_xmpp_disco_info_has_feature   (HolbooXmppDiscoInfo *info,
                                                           const char          *feature);
gboolean             holboo_xmpp_disco_info_has_identity  (HolbooXmppDiscoInfo *info,
                                                           const char          *category,
                                                           const char          *type);

HolbooXmlNode       *holboo_xmpp_disco_build_info_query   (const char          *to,
                                                           const char          *node);
HolbooXmppDiscoInfo *holboo_xmpp_disco_parse_info         (HolbooXmlNode       *iq,
                                                           GError             **error);
HolbooXmlNode       *holboo_xmpp_disco_build_info_result  (HolbooXmlNode       *request,
                                                           HolbooXmppDiscoInfo *info);
const char          *holboo_xmpp_disco_get_query_node     (HolbooXmlNode       *request);

HolbooXmlNode       *holboo_xmpp_disco_build_items_query  (const char          *to,
                                                           const char          *node);
GPtrArray           *holboo_xmpp_disco_parse_items        (HolbooXmlNode       *iq,
                                                           GError             **error);
void                 holboo_xmpp_disco_item_free          (HolbooXmppDiscoItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppDiscoInfo, holboo_xmpp_disco_info_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppDiscoItem, holboo_xmpp_disco_item_free)

G_END_DECLS
