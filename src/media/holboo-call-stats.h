/* holboo-call-stats.h: what a call's statistics say about its quality
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "holboo-media-types.h"

G_BEGIN_DECLS

/**
 * HolbooCallStats:
 * @local_candidate_type: our side of the selected ICE candidate pair
 * @remote_candidate_type: the peer's side of it
 * @audio_packets_received: RTP packets of remote audio received
 * @audio_packets_lost: RTP packets of remote audio lost (RTCP arithmetic:
 *   expected − received; may be briefly negative with duplicates)
 * @setup_time_us: remote answer applied (local answer, for the callee) →
 *   first decoded remote audio buffer, in µs; -1 until known
 */
struct _HolbooCallStats {
  HolbooIceCandidateType local_candidate_type;
  HolbooIceCandidateType remote_candidate_type;
  guint64                audio_packets_received;
  gint64                 audio_packets_lost;
  gint64                 setup_time_us;
};

#define HOLBOO_TYPE_CALL_STATS (holboo_call_stats_get_type ())

GType            holboo_call_stats_get_type          (void) G_GNUC_CONST;
HolbooCallStats *holboo_call_stats_new               (void);
HolbooCallStats *holboo_call_stats_copy              (const HolbooCallStats *stats);
void             holboo_call_stats_free              (HolbooCallStats       *stats);

HolbooCallStats *holboo_call_stats_new_from_webrtc   (const GstStructure    *webrtc_stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooCallStats, holboo_call_stats_free)

G_END_DECLS
