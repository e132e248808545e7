/* holboo-call-stats.c: what a call's statistics say about its quality
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-call-stats"

#include "config.h"

#include "holboo-call-stats.h"

#include <gst/webrtc/webrtc.h>

G_DEFINE_BOXED_TYPE (HolbooCallStats, holboo_call_stats, holboo_call_stats_copy, holboo_call_stats_free)

HolbooCallStats *
holboo_call_stats_new (void)
{
  HolbooCallStats *stats = g_new0 (HolbooCallStats, 1);

  stats->setup_time_us = -1;
  return stats;
}

HolbooCallStats *
holboo_call_stats_copy (const HolbooCallStats *stats)
{
  return g_memdup2 (stats, sizeof *stats);
}

void
holboo_call_stats_free (HolbooCallStats *stats)
{
  g_free (stats);
}

typedef struct {
  const GstStructure *all;
  HolbooCallStats    *stats;
} Walk;

static const GstStructure *
lookup (const GstStructure *all,
        const char         *id)
{
  const GValue *value;

  if (id == NULL)
    return NULL;
  value = gst_structure_get_value (all, id);
  if (value == NULL || !GST_VALUE_HOLDS_STRUCTURE (value))
    return NULL;
  return gst_value_get_structure (value);
}

static HolbooIceCandidateType
candidate_type (const GstStructure *all,
                const char         *id)
{
  const GstStructure *candidate = lookup (all, id);

  if (candidate == NULL)
    return HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN;
  return holboo_ice_candidate_type_from_string (gst_structure_get_string (candidate, "candidate-type"));
}

static gboolean
walk_one (GQuark        field,
          const GValue *value,
          gpointer      user_data)
{
  Walk *walk = user_data;
  const GstStructure *s;
  GstWebRTCStatsType type;

  if (!GST_VALUE_HOLDS_STRUCTURE (value))
    return TRUE;
  s = gst_value_get_structure (value);
  if (!gst_structure_get (s, "type", GST_TYPE_WEBRTC_STATS_TYPE, &type, NULL))
    return TRUE;

  switch (type)
    {
    case GST_WEBRTC_STATS_CANDIDATE_PAIR:
      /* webrtcbin 1.22 reports the selected pair of each transport.  Its
       * candidate entries carry swapped "type" labels (the local one says
       * remote-candidate): follow the pair's ids, never the labels. */
      walk->stats->local_candidate_type =
        candidate_type (walk->all, gst_structure_get_string (s, "local-candidate-id"));
      walk->stats->remote_candidate_type =
        candidate_type (walk->all, gst_structure_get_string (s, "remote-candidate-id"));
      break;

    case GST_WEBRTC_STATS_INBOUND_RTP:
      {
        const char *kind = gst_structure_get_string (s, "kind");
        guint64 received = 0;
        gint64 lost = 0;

        if (kind != NULL && !g_str_equal (kind, "audio"))
          break;
        const GstStructure *jb = NULL;
        guint64 jb_lost = 0;

        if (gst_structure_get_uint64 (s, "packets-received", &received))
          walk->stats->audio_packets_received += received;
        /* "packets-lost" comes from the last RTCP report and lags (it
         * read 0 in a run with 10 % loss); the jitterbuffer counts the
         * packets it gave up on as they go.  Take the larger. */
        gst_structure_get_int64 (s, "packets-lost", &lost);
        if (gst_structure_get (s, "gst-rtpjitterbuffer-stats", GST_TYPE_STRUCTURE, &jb, NULL) && jb != NULL)
          {
            gst_structure_get_uint64 (jb, "num-lost", &jb_lost);
            gst_structure_free ((GstStructure *) jb);
          }
        walk->stats->audio_packets_lost += MAX (lost, (gint64) jb_lost);
      }
      break;

    default:
      break;
    }
  return TRUE;
}

/**
 * holboo_call_stats_new_from_webrtc:
 * @webrtc_stats: the reply of webrtcbin's get-stats
 *
 * Returns: (transfer full): the figures a call shows; the setup time
 *   is not in webrtcbin's statistics and is left at -1
 */
HolbooCallStats *
holboo_call_stats_new_from_webrtc (const GstStructure *webrtc_stats)
{
  HolbooCallStats *stats = holboo_call_stats_new ();
  Walk walk = { webrtc_stats, stats };

  g_return_val_if_fail (webrtc_stats != NULL, stats);

  gst_structure_foreach (webrtc_stats, walk_one, &walk);
  return stats;
}
