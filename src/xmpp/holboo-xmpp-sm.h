/* holboo-xmpp-sm.h: stream management (XEP-0198) bookkeeping, without I/O
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "holboo-xml-node.h"

G_BEGIN_DECLS

typedef struct _HolbooXmppSm HolbooXmppSm;

HolbooXmppSm  *holboo_xmpp_sm_new            (void);
void           holboo_xmpp_sm_free           (HolbooXmppSm   *self);

void           holboo_xmpp_sm_reset          (HolbooXmppSm   *self);
void           holboo_xmpp_sm_enabled        (HolbooXmppSm   *self,
                                              HolbooXmlNode  *enabled);
gboolean       holboo_xmpp_sm_is_enabled     (HolbooXmppSm   *self);
gboolean       holboo_xmpp_sm_can_resume     (HolbooXmppSm   *self);
const char    *holboo_xmpp_sm_get_id         (HolbooXmppSm   *self);
const char    *holboo_xmpp_sm_get_location   (HolbooXmppSm   *self);

guint32        holboo_xmpp_sm_get_inbound    (HolbooXmppSm   *self);
void           holboo_xmpp_sm_count_inbound  (HolbooXmppSm   *self);
guint32        holboo_xmpp_sm_get_outbound   (HolbooXmppSm   *self);
void           holboo_xmpp_sm_track_outbound (HolbooXmppSm   *self,
                                              HolbooXmlNode  *stanza);
guint          holboo_xmpp_sm_get_n_unacked  (HolbooXmppSm   *self);
GPtrArray     *holboo_xmpp_sm_ack            (HolbooXmppSm   *self,
                                              const char     *h,
                                              GError        **error);
GPtrArray     *holboo_xmpp_sm_take_unacked   (HolbooXmppSm   *self);

HolbooXmlNode *holboo_xmpp_sm_build_enable   (gboolean        resume);
HolbooXmlNode *holboo_xmpp_sm_build_request  (void);
HolbooXmlNode *holboo_xmpp_sm_build_answer   (HolbooXmppSm   *self);
HolbooXmlNode *holboo_xmpp_sm_build_resume   (HolbooXmppSm   *self);

gboolean       holboo_xmpp_sm_is_stanza      (HolbooXmlNode  *element);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppSm, holboo_xmpp_sm_free)

G_END_DECLS
