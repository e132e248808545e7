/* holboo-media-types.h: enums and errors of the media layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HOLBOO_MEDIA_ERROR (holboo_media_error_quark ())

/**
 * HolbooMediaError:
 * @HOLBOO_MEDIA_ERROR_MISSING_ELEMENTS: GStreamer elements that calls
 *   need are not installed (or their plugin does not load)
 */
typedef enum {
  HOLBOO_MEDIA_ERROR_MISSING_ELEMENTS,
  HOLBOO_MEDIA_ERROR_PIPELINE,
  HOLBOO_MEDIA_ERROR_NEGOTIATION,
  HOLBOO_MEDIA_ERROR_CLOSED,
} HolbooMediaError;

GQuark holboo_media_error_quark (void);

typedef struct _HolbooCallPipeline HolbooCallPipeline;
typedef struct _HolbooIceServer HolbooIceServer;
typedef struct _HolbooCallStats HolbooCallStats;

/**
 * HolbooCallState:
 * @HOLBOO_CALL_STATE_NEW: built, no description applied yet
 * @HOLBOO_CALL_STATE_GATHERING: a local description is set and ICE is
 *   gathering local candidates
 * @HOLBOO_CALL_STATE_CONNECTING: ICE connectivity checks or the DTLS
 *   handshake are running
 * @HOLBOO_CALL_STATE_CONNECTED: ICE and DTLS are up: media flows
 * @HOLBOO_CALL_STATE_ENDED: hung up (by either side); final
 * @HOLBOO_CALL_STATE_FAILED: ICE, DTLS or the pipeline failed; final
 *
 * The state of one call's media.  It only moves forward, and the last
 * two states are final.
 */
typedef enum {
  HOLBOO_CALL_STATE_NEW,
  HOLBOO_CALL_STATE_GATHERING,
  HOLBOO_CALL_STATE_CONNECTING,
  HOLBOO_CALL_STATE_CONNECTED,
  HOLBOO_CALL_STATE_ENDED,
  HOLBOO_CALL_STATE_FAILED,
} HolbooCallState;

#define HOLBOO_TYPE_CALL_STATE (holboo_call_state_get_type ())
GType holboo_call_state_get_type (void) G_GNUC_CONST;

/**
 * HolbooIceCandidateType:
 * @HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN: not known (yet)
 * @HOLBOO_ICE_CANDIDATE_TYPE_HOST: a local interface address
 * @HOLBOO_ICE_CANDIDATE_TYPE_SRFLX: server reflexive (seen by STUN)
 * @HOLBOO_ICE_CANDIDATE_TYPE_PRFLX: peer reflexive (seen by the peer)
 * @HOLBOO_ICE_CANDIDATE_TYPE_RELAY: relayed through a TURN server
 */
typedef enum {
  HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN,
  HOLBOO_ICE_CANDIDATE_TYPE_HOST,
  HOLBOO_ICE_CANDIDATE_TYPE_SRFLX,
  HOLBOO_ICE_CANDIDATE_TYPE_PRFLX,
  HOLBOO_ICE_CANDIDATE_TYPE_RELAY,
} HolbooIceCandidateType;

#define HOLBOO_TYPE_ICE_CANDIDATE_TYPE (holboo_ice_candidate_type_get_type ())
GType holboo_ice_candidate_type_get_type (void) G_GNUC_CONST;

HolbooIceCandidateType holboo_ice_candidate_type_from_string (const char *type);
const char            *holboo_ice_candidate_type_to_string   (HolbooIceCandidateType type);

G_END_DECLS
