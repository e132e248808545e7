/* holboo-xmpp-sasl.h: choosing a SASL mechanism and running it (GNU SASL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

typedef struct _HolbooXmppSasl HolbooXmppSasl;

const char              *holboo_xmpp_sasl_choose_mechanism        (const char * const       *offered,
                                                                   gboolean                  encrypted,
                                                                   gboolean                  channel_binding);
HolbooXmppChannelBinding holboo_xmpp_sasl_choose_channel_binding  (const char * const       *server_types,
                                                                   gboolean                  have_tls_unique,
                                                                   gboolean                  have_tls_exporter);
const char              *holboo_xmpp_channel_binding_to_string    (HolbooXmppChannelBinding  binding);

HolbooXmppSasl          *holboo_xmpp_sasl_new                     (const char               *mechanism,
                                                                   const char               *username,
                                                                   const char               *password,
                                                                   HolbooXmppChannelBinding  binding,
                                                                   GBytes                   *binding_data,
                                                                   GError                  **error);
void                     holboo_xmpp_sasl_free                    (HolbooXmppSasl           *self);
const char              *holboo_xmpp_sasl_get_mechanism           (HolbooXmppSasl           *self);
char                    *holboo_xmpp_sasl_step                    (HolbooXmppSasl           *self,
                                                                   const char               *challenge,
                                                                   GError                  **error);
gboolean                 holboo_xmpp_sasl_verify_success          (HolbooXmppSasl           *self,
                                                                   const char               *additional_data,
                                                                   GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppSasl, holboo_xmpp_sasl_free)

G_END_DECLS
