/* holboo-xmpp-blocking.h: blocking command (XEP-0191)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_BLOCKING "urn:xmpp:blocking"

/* More JIDs than this in one list or push is refused. */
#define HOLBOO_XMPP_BLOCKING_MAX_ITEMS 10000

/**
 * HolbooXmppBlockingPush:
 * @HOLBOO_XMPP_BLOCKING_PUSH_BLOCK: the JIDs were blocked
 * @HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK: the JIDs were unblocked
 * @HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK_ALL: the whole list was cleared
 */
typedef enum {
  HOLBOO_XMPP_BLOCKING_PUSH_BLOCK,
  HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK,
  HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK_ALL,
} HolbooXmppBlockingPush;

HolbooXmlNode *holboo_xmpp_blocking_build_get    (void);
GPtrArray     *holboo_xmpp_blocking_parse_list   (HolbooXmlNode          *iq,
                                                  GError                **error);
HolbooXmlNode *holboo_xmpp_blocking_build_block  (const char * const     *jids);
HolbooXmlNode *holboo_xmpp_blocking_build_unblock (const char * const    *jids);
GPtrArray     *holboo_xmpp_blocking_parse_push   (HolbooXmlNode          *iq,
                                                  const HolbooJid        *account,
                                                  HolbooXmppBlockingPush *out_kind,
                                                  GError                **error);
gboolean       holboo_xmpp_blocking_matches      (GHashTable             *blocked,
                                                  const HolbooJid        *jid);

G_END_DECLS
