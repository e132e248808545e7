/* holboo-xmpp-connection-private.h: what the connection's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xmpp-connection.h"
#include "holboo-xmpp-negotiator.h"
#include "holboo-xmpp-sm.h"
#include "holboo-xmpp-transport.h"

G_BEGIN_DECLS

enum {
  SIGNAL_STATE_CHANGED,
  SIGNAL_STANZA_RECEIVED,
  SIGNAL_STANZA_ACKED,
  SIGNAL_SESSION_STARTED,
  SIGNAL_SESSION_LOST,
  N_CONNECTION_SIGNALS
};

extern guint _holboo_xmpp_connection_signals[N_CONNECTION_SIGNALS];

struct _HolbooXmppConnection
{
  GObject                    parent_instance;

  HolbooXmppSettings        *settings;
  GNetworkMonitor           *network_monitor;
  GResolver                 *resolver;
  gboolean                   network_available;

  HolbooXmppConnectionState  state;
  GError                    *last_error;
  HolbooJid                 *jid;            /* the account, parsed from the settings */
  HolbooJid                 *bound_jid;
  HolbooXmlNode             *features;
  char                      *mechanism;
  HolbooXmppTransportKind    transport_kind;
  GTlsCertificate           *peer_certificate;

  /* Attempts. */
  gboolean                   want_connected;
  GList                     *connect_tasks;
  guint                      attempt;        /* failures in a row */
  guint                      retry_id;
  guint                      retry_tick_id;
  gint64                     retry_at;
  GCancellable              *attempt_cancellable;
  GPtrArray                 *endpoints;
  guint                      next_endpoint;
  gboolean                   endpoints_manual;
  gboolean                   tried_host_meta;
  GError                    *attempt_error;
  HolbooXmppTransport       *transport;
  HolbooXmppNegotiator      *negotiator;
  guint                      watchdog_id;

  /* The session. */
  HolbooXmppSm              *sm;
  GHashTable                *iqs;            /* id → PendingIq */
  GList                     *handlers;
  guint                      next_handler_id;
  guint                      ack_request_id;
  guint                      ping_id;
  guint                      dead_id;
};

/* holboo-xmpp-connection.c */
void     _holboo_xmpp_connection_set_state         (HolbooXmppConnection *self,
                                                    HolbooXmppConnectionState state);
void     _holboo_xmpp_connection_attempt_failed    (HolbooXmppConnection *self,
                                                    GError               *error);
void     _holboo_xmpp_connection_session_established (HolbooXmppConnection *self);
void     _holboo_xmpp_connection_end_session       (HolbooXmppConnection *self,
                                                    const GError         *reason);
void     _holboo_xmpp_connection_clear_retry       (HolbooXmppConnection *self);
void     _holboo_xmpp_connection_lost              (HolbooXmppConnection *self,
                                                    GError               *error);

/* holboo-xmpp-connection-attempt.c */
void     _holboo_xmpp_connection_start_attempt     (HolbooXmppConnection *self);
void     _holboo_xmpp_connection_drop_transport    (HolbooXmppConnection *self,
                                                    gboolean              graceful);
void     _holboo_xmpp_connection_clear_attempt     (HolbooXmppConnection *self);

/* holboo-xmpp-connection-session.c */

void     _holboo_xmpp_connection_session_element   (HolbooXmppConnection *self,
                                                    HolbooXmlNode        *element);
void     _holboo_xmpp_connection_send_internal     (HolbooXmppConnection *self,
                                                    HolbooXmlNode        *stanza);
void     _holboo_xmpp_connection_emit_acked        (HolbooXmppConnection *self,
                                                    GPtrArray            *acked);
void     _holboo_xmpp_connection_fail_iqs          (HolbooXmppConnection *self,
                                                    const GError         *error);
void     _holboo_xmpp_connection_keepalive_start   (HolbooXmppConnection *self);
void     _holboo_xmpp_connection_keepalive_stop    (HolbooXmppConnection *self);
void     _holboo_xmpp_connection_probe             (HolbooXmppConnection *self);
void     _holboo_xmpp_connection_clear_handlers    (HolbooXmppConnection *self);

/* For tests and benchmarks: drop the connection as a network failure would. */
void     _holboo_xmpp_connection_break             (HolbooXmppConnection *self);

G_END_DECLS
