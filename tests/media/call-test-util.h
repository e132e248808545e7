/* call-test-util.h: two call pipelines in one process, wired to each other
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-call-pipeline.h"

G_BEGIN_DECLS

/* One end of a test call: its pipeline and what arrived at it. */
typedef struct {
  HolbooCallPipeline *pipeline;
  double              tone_hz;        /* what this end sends */
  GArray             *peaks;          /* double Hz, loud spectrum peaks received */
  GArray             *magnitudes;     /* double dB, every spectrum reading */
  guint               n_candidates;   /* local candidates emitted */
  gboolean            gathering_done;
} CallEnd;

typedef struct {
  CallEnd a;                          /* the caller */
  CallEnd b;                          /* the callee */
} CallPair;

typedef struct {
  gboolean     video;
  gboolean     relay_only;
  GPtrArray   *ice_servers;           /* HolbooIceServer, nullable */
  const char * const *local_addresses; /* nullable */
  guint        latency_ms;            /* 0: the pipeline's default */
  double       tone_a;                /* 0: 440 Hz */
  double       tone_b;                /* 0: 660 Hz */
  const char  *extra_a_sink;          /* inserted before a's spectrum, e.g. a netsim */
  guint        spectrum_interval_ms;  /* 0: 100 ms */
  guint        spectrum_bands;        /* 0: 1200 (20 Hz bands) */
  gboolean     manual_candidates;     /* the test carries candidates itself */
  const char  *audio_source_a;        /* replaces a's tone source */
  const char  *audio_sink_a;          /* replaces a's spectrum sink */
  const char  *audio_sink_b;          /* replaces b's spectrum sink */
  const char  *audio_rtp_filter_a;    /* e.g. a netsim on a's sent packets */
  const char  *video_caps;            /* 0: 320x240 at 30 fps */
  gboolean     echo_cancel;           /* webrtcdsp on both ends */
} CallPairOptions;

/* g_test_init() for the call tests: also lets through the one GLib
 * critical that GStreamer 1.22's RTP session raises from its own RTCP
 * thread (see call-test-util.c); every other warning stays fatal. */
void      call_test_init           (int                   *argc,
                                    char                ***argv);

void      call_pair_init           (CallPair              *pair,
                                    const CallPairOptions *options);
void      call_pair_clear          (CallPair              *pair);
GAsyncResult *call_test_wait_result (GAsyncResult        **slot);
void      call_test_on_result      (GObject               *object,
                                    GAsyncResult          *result,
                                    gpointer               user_data);

/* Offer from a, answer from b, candidates trickled both ways; returns
 * once both ends are connected (fails the test after @timeout_s). */
void      call_pair_connect        (CallPair              *pair,
                                    guint                  timeout_s);

gboolean  call_pair_both_connected (gpointer               pair);
gboolean  call_test_wait           (gboolean             (*done) (gpointer data),
                                    gpointer               data,
                                    guint                  timeout_ms);
void      call_test_run_for        (guint                  ms);

/* The spectrum readings of @end that found @hz (±tolerance, loud). */
guint     call_end_count_tone      (CallEnd               *end,
                                    double                 hz,
                                    double                 tolerance);
guint64   call_end_video_frames    (CallEnd               *end);
HolbooCallStats *call_end_get_stats (CallEnd              *end);

char     *call_test_turn_username  (gint64                 expiry);
char     *call_test_turn_password  (const char            *secret,
                                    const char            *username);

G_END_DECLS
