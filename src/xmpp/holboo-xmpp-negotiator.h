/* holboo-xmpp-negotiator.h: from an encrypted channel to a bound session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "holboo-jid.h"
#include "holboo-xml-node.h"
#include "holboo-xmpp-settings.h"
#include "holboo-xmpp-sm.h"
#include "holboo-xmpp-transport.h"

G_BEGIN_DECLS

typedef struct _HolbooXmppNegotiator HolbooXmppNegotiator;

typedef enum {
  HOLBOO_XMPP_NEGOTIATION_CONTINUE,   /* element used, more to come */
  HOLBOO_XMPP_NEGOTIATION_DONE,       /* bound or resumed: the session starts */
  HOLBOO_XMPP_NEGOTIATION_FAILED,     /* see the error */
  HOLBOO_XMPP_NEGOTIATION_IGNORED,    /* not a negotiation element */
} HolbooXmppNegotiationResult;

HolbooXmppNegotiator       *holboo_xmpp_negotiator_new             (HolbooXmppTransport   *transport,
                                                                    HolbooXmppSettings    *settings,
                                                                    HolbooJid             *jid,
                                                                    HolbooXmppSm          *sm);
void                        holboo_xmpp_negotiator_free            (HolbooXmppNegotiator  *self);

void                        holboo_xmpp_negotiator_start           (HolbooXmppNegotiator  *self);
HolbooXmppNegotiationResult holboo_xmpp_negotiator_stream_opened   (HolbooXmppNegotiator  *self,
                                                                    HolbooXmlNode         *header,
                                                                    GError               **error);
HolbooXmppNegotiationResult holboo_xmpp_negotiator_handle          (HolbooXmppNegotiator  *self,
                                                                    HolbooXmlNode         *element,
                                                                    GError               **error);
gboolean                    holboo_xmpp_negotiator_is_authenticated (HolbooXmppNegotiator *self);

/* Once DONE. */
gboolean                    holboo_xmpp_negotiator_get_resumed     (HolbooXmppNegotiator  *self);
HolbooJid                  *holboo_xmpp_negotiator_get_bound_jid   (HolbooXmppNegotiator  *self);
HolbooXmlNode              *holboo_xmpp_negotiator_get_features    (HolbooXmppNegotiator  *self);
const char                 *holboo_xmpp_negotiator_get_mechanism   (HolbooXmppNegotiator  *self);
GPtrArray                  *holboo_xmpp_negotiator_steal_acked     (HolbooXmppNegotiator  *self);
GPtrArray                  *holboo_xmpp_negotiator_steal_resend    (HolbooXmppNegotiator  *self);
GPtrArray                  *holboo_xmpp_negotiator_steal_lost      (HolbooXmppNegotiator  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppNegotiator, holboo_xmpp_negotiator_free)

G_END_DECLS
