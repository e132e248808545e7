/* holboo-xmpp-caps.h: entity capabilities (XEP-0115)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xmpp-disco.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_CAPS "http://jabber.org/protocol/caps"

/* A cache holds at most this many vers: contacts cannot make it grow
 * without bound by announcing ever new ones. */
#define HOLBOO_XMPP_CAPS_CACHE_MAX 512

/* Holboo's caps node: the URI of the software, per XEP-0115 §4. */
#define HOLBOO_XMPP_CAPS_NODE "https://holboo.mn/caps"

char                *holboo_xmpp_caps_compute_ver (HolbooXmppDiscoInfo *info,
                                                   GError             **error);
HolbooXmlNode       *holboo_xmpp_caps_build_c     (const char          *node,
                                                   const char          *ver);

/**
 * HolbooXmppCapsCache:
 *
 * What each verification string stands for, learnt by service
 * discovery: a disco#info answer is kept only if it hashes to the ver
 * it was asked for.  Not thread-safe.
 */
typedef struct _HolbooXmppCapsCache HolbooXmppCapsCache;

HolbooXmppCapsCache *holboo_xmpp_caps_cache_new    (void);
void                 holboo_xmpp_caps_cache_free   (HolbooXmppCapsCache *cache);
HolbooXmppDiscoInfo *holboo_xmpp_caps_cache_lookup (HolbooXmppCapsCache *cache,
                                                    const char          *ver);
gboolean             holboo_xmpp_caps_cache_add    (HolbooXmppCapsCache *cache,
                                                    const char          *hash,
                                                    const char          *ver,
                                                    HolbooXmppDiscoInfo *info,
                                                    GError             **error);
guint                holboo_xmpp_caps_cache_get_size (HolbooXmppCapsCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppCapsCache, holboo_xmpp_caps_cache_free)

G_END_DECLS
