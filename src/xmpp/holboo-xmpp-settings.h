/* holboo-xmpp-settings.h: what a connection needs to know about its account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

#define HOLBOO_XMPP_DEFAULT_TIMEOUT_S       8
#define HOLBOO_XMPP_DEFAULT_PING_INTERVAL_S 60
#define HOLBOO_XMPP_DEFAULT_PING_TIMEOUT_S  10
#define HOLBOO_XMPP_DEFAULT_IQ_TIMEOUT_S    30

#define HOLBOO_TYPE_XMPP_SETTINGS (holboo_xmpp_settings_get_type ())

G_DECLARE_FINAL_TYPE (HolbooXmppSettings, holboo_xmpp_settings, HOLBOO, XMPP_SETTINGS, GObject)

HolbooXmppSettings     *holboo_xmpp_settings_new                (const char              *jid,
                                                                 const char              *password);
HolbooXmppSettings     *holboo_xmpp_settings_copy               (HolbooXmppSettings      *self);

const char             *holboo_xmpp_settings_get_jid            (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_jid            (HolbooXmppSettings      *self,
                                                                 const char              *jid);
const char             *holboo_xmpp_settings_get_password       (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_password       (HolbooXmppSettings      *self,
                                                                 const char              *password);
const char             *holboo_xmpp_settings_get_resource       (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_resource       (HolbooXmppSettings      *self,
                                                                 const char              *resource);
const char             *holboo_xmpp_settings_get_host           (HolbooXmppSettings      *self);
guint16                 holboo_xmpp_settings_get_port           (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_server         (HolbooXmppSettings      *self,
                                                                 const char              *host,
                                                                 guint16                  port);
HolbooXmppTransportKind holboo_xmpp_settings_get_transport      (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_transport      (HolbooXmppSettings      *self,
                                                                 HolbooXmppTransportKind  transport);
const char             *holboo_xmpp_settings_get_websocket_url  (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_websocket_url  (HolbooXmppSettings      *self,
                                                                 const char              *url);
GTlsDatabase           *holboo_xmpp_settings_get_tls_database   (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_tls_database   (HolbooXmppSettings      *self,
                                                                 GTlsDatabase            *database);
const char             *holboo_xmpp_settings_get_ca_file        (HolbooXmppSettings      *self);
gboolean                holboo_xmpp_settings_set_ca_file        (HolbooXmppSettings      *self,
                                                                 const char              *path,
                                                                 GError                 **error);
const char             *holboo_xmpp_settings_get_pinned_certificate (HolbooXmppSettings  *self);
void                    holboo_xmpp_settings_set_pinned_certificate (HolbooXmppSettings  *self,
                                                                 const char              *fingerprint);
guint                   holboo_xmpp_settings_get_timeout        (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_timeout        (HolbooXmppSettings      *self,
                                                                 guint                    seconds);
guint                   holboo_xmpp_settings_get_ping_interval  (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_ping_interval  (HolbooXmppSettings      *self,
                                                                 guint                    seconds);
guint                   holboo_xmpp_settings_get_ping_timeout   (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_ping_timeout   (HolbooXmppSettings      *self,
                                                                 guint                    seconds);
guint                   holboo_xmpp_settings_get_iq_timeout     (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_iq_timeout     (HolbooXmppSettings      *self,
                                                                 guint                    seconds);
gboolean                holboo_xmpp_settings_get_stream_management (HolbooXmppSettings   *self);
void                    holboo_xmpp_settings_set_stream_management (HolbooXmppSettings   *self,
                                                                 gboolean                 enabled);
gboolean                holboo_xmpp_settings_get_auto_reconnect (HolbooXmppSettings      *self);
void                    holboo_xmpp_settings_set_auto_reconnect (HolbooXmppSettings      *self,
                                                                 gboolean                 enabled);

G_END_DECLS
