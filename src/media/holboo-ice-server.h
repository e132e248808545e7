/* holboo-ice-server.h: one STUN or TURN server for a call's ICE agent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-media-types.h"

G_BEGIN_DECLS

/**
 * HolbooIceServerKind:
 * @HOLBOO_ICE_SERVER_STUN: STUN: finds server-reflexive candidates
 * @HOLBOO_ICE_SERVER_TURN: TURN over UDP or TCP: relays media
 * @HOLBOO_ICE_SERVER_TURNS: TURN over TLS
 */
typedef enum {
  HOLBOO_ICE_SERVER_STUN,
  HOLBOO_ICE_SERVER_TURN,
  HOLBOO_ICE_SERVER_TURNS,
} HolbooIceServerKind;

/**
 * HolbooIceTransport:
 * @HOLBOO_ICE_TRANSPORT_UDP: UDP
 * @HOLBOO_ICE_TRANSPORT_TCP: TCP (TLS for TURNS)
 */
typedef enum {
  HOLBOO_ICE_TRANSPORT_UDP,
  HOLBOO_ICE_TRANSPORT_TCP,
} HolbooIceTransport;

#define HOLBOO_TYPE_ICE_SERVER (holboo_ice_server_get_type ())

GType               holboo_ice_server_get_type      (void) G_GNUC_CONST;

HolbooIceServer    *holboo_ice_server_new           (HolbooIceServerKind  kind,
                                                     const char          *host,
                                                     guint16              port,
                                                     HolbooIceTransport   transport,
                                                     const char          *username,
                                                     const char          *password);
HolbooIceServer    *holboo_ice_server_ref           (HolbooIceServer     *server);
void                holboo_ice_server_unref         (HolbooIceServer     *server);

HolbooIceServerKind holboo_ice_server_get_kind      (HolbooIceServer     *server);
const char         *holboo_ice_server_get_host      (HolbooIceServer     *server);
guint16             holboo_ice_server_get_port      (HolbooIceServer     *server);
HolbooIceTransport  holboo_ice_server_get_transport (HolbooIceServer     *server);
const char         *holboo_ice_server_get_username  (HolbooIceServer     *server);
const char         *holboo_ice_server_get_password  (HolbooIceServer     *server);

char               *holboo_ice_server_to_uri        (HolbooIceServer     *server);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooIceServer, holboo_ice_server_unref)

G_END_DECLS
