/* holboo-media-types.c: enums and errors of the media layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-media-types"

#include "config.h"

#include "holboo-media-types.h"

G_DEFINE_QUARK (holboo-media-error-quark, holboo_media_error)

G_DEFINE_ENUM_TYPE (HolbooCallState, holboo_call_state,
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATE_NEW, "new"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATE_GATHERING, "gathering"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATE_CONNECTING, "connecting"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATE_CONNECTED, "connected"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATE_ENDED, "ended"),
  G_DEFINE_ENUM_VALUE (HOLBOO_CALL_STATE_FAILED, "failed"))

G_DEFINE_ENUM_TYPE (HolbooIceCandidateType, holboo_ice_candidate_type,
  G_DEFINE_ENUM_VALUE (HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ICE_CANDIDATE_TYPE_HOST, "host"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ICE_CANDIDATE_TYPE_SRFLX, "srflx"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ICE_CANDIDATE_TYPE_PRFLX, "prflx"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ICE_CANDIDATE_TYPE_RELAY, "relay"))

/**
 * holboo_ice_candidate_type_from_string:
 * @type: (nullable): an ICE candidate type as SDP and Jingle write it
 *   ("host", "srflx", "prflx", "relay"; Jingle also says "relayed")
 *
 * Returns: the type, or %HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN
 */
HolbooIceCandidateType
holboo_ice_candidate_type_from_string (const char *type)
{
  if (type == NULL)
    return HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN;
  if (g_ascii_strcasecmp (type, "host") == 0)
    return HOLBOO_ICE_CANDIDATE_TYPE_HOST;
  if (g_ascii_strcasecmp (type, "srflx") == 0 || g_ascii_strcasecmp (type, "server-reflexive") == 0)
    return HOLBOO_ICE_CANDIDATE_TYPE_SRFLX;
  if (g_ascii_strcasecmp (type, "prflx") == 0 || g_ascii_strcasecmp (type, "peer-reflexive") == 0)
    return HOLBOO_ICE_CANDIDATE_TYPE_PRFLX;
  if (g_ascii_strcasecmp (type, "relay") == 0 || g_ascii_strcasecmp (type, "relayed") == 0)
    return HOLBOO_ICE_CANDIDATE_TYPE_RELAY;
  return HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN;
}

/**
 * holboo_ice_candidate_type_to_string:
 * @type: a candidate type
 *
 * Returns: its SDP name ("host", "srflx", "prflx", "relay", "unknown")
 */
const char *
holboo_ice_candidate_type_to_string (HolbooIceCandidateType type)
{
  switch (type)
    {
    case HOLBOO_ICE_CANDIDATE_TYPE_HOST:
      return "host";
    case HOLBOO_ICE_CANDIDATE_TYPE_SRFLX:
      return "srflx";
    case HOLBOO_ICE_CANDIDATE_TYPE_PRFLX:
      return "prflx";
    case HOLBOO_ICE_CANDIDATE_TYPE_RELAY:
      return "relay";
    case HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN:
    default:
      return "unknown";
    }
}
