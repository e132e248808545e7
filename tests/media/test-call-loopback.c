/* test-call-loopback.c: two call pipelines in one process, real ICE on loopback
 *
 * Audio both ways (a 440 Hz tone one way, 660 Hz the other, found by
 * `spectrum`), video frames, hang-up, mute and hold.  No server: the
 * host candidates are enough.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-call-loopback"

#include "config.h"

#include "call-test-util.h"

#include <string.h>

typedef struct {
  CallEnd *end;
  double   hz;
  guint    n;
} ToneWait;

static gboolean
tone_heard (gpointer data)
{
  ToneWait *w = data;

  return call_end_count_tone (w->end, w->hz, 10.0) >= w->n;
}

static void
assert_hears (CallEnd *end,
              double   hz,
              guint    n)
{
  ToneWait w = { end, hz, end->peaks->len + n };

  /* Only readings from now on count. */
  w.n = call_end_count_tone (end, hz, 10.0) + n;
  if (!call_test_wait (tone_heard, &w, 10000))
    g_error ("%g Hz not heard %u times (%u readings)", hz, n, end->peaks->len);
}

static void
test_audio_both_ways (void)
{
  CallPairOptions options = { 0 };
  CallPair pair;
  g_autoptr(HolbooCallStats) stats = NULL;
  g_autofree char *dot = NULL;

  call_pair_init (&pair, &options);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.a.pipeline), ==, HOLBOO_CALL_STATE_NEW);
  call_pair_connect (&pair, 20);

  /* Each end hears the other's tone, and never its own. */
  assert_hears (&pair.b, 440, 10);
  assert_hears (&pair.a, 660, 10);
  g_assert_cmpuint (call_end_count_tone (&pair.a, 440, 10), ==, 0);
  g_assert_cmpuint (call_end_count_tone (&pair.b, 660, 10), ==, 0);
  g_assert_cmpuint (pair.a.n_candidates, >, 0);
  g_assert_cmpuint (pair.b.n_candidates, >, 0);

  /* Setup time is measured on both ends. */
  g_assert_cmpint (holboo_call_pipeline_get_setup_time (pair.a.pipeline), >, 0);
  g_assert_cmpint (holboo_call_pipeline_get_setup_time (pair.b.pipeline), >, 0);
  g_test_message ("setup time: caller %" G_GINT64_FORMAT " µs, callee %" G_GINT64_FORMAT " µs",
                  holboo_call_pipeline_get_setup_time (pair.a.pipeline),
                  holboo_call_pipeline_get_setup_time (pair.b.pipeline));

  stats = call_end_get_stats (&pair.a);
  g_test_message ("selected pair %s → %s, %" G_GUINT64_FORMAT " received, %" G_GINT64_FORMAT " lost",
                  holboo_ice_candidate_type_to_string (stats->local_candidate_type),
                  holboo_ice_candidate_type_to_string (stats->remote_candidate_type),
                  stats->audio_packets_received, stats->audio_packets_lost);
  g_assert_cmpint (stats->local_candidate_type, ==, HOLBOO_ICE_CANDIDATE_TYPE_HOST);
  g_assert_cmpint (stats->remote_candidate_type, !=, HOLBOO_ICE_CANDIDATE_TYPE_UNKNOWN);
  g_assert_cmpuint (stats->audio_packets_received, >, 10);
  g_assert_cmpint (stats->setup_time_us, ==, holboo_call_pipeline_get_setup_time (pair.a.pipeline));

  dot = holboo_call_pipeline_dump_dot (pair.a.pipeline, NULL);
  g_assert_nonnull (strstr (dot, "GstWebRTCBin"));
  g_assert_nonnull (strstr (dot, "GstOpusEnc"));

  /* Hang-up from one side; the signalling tells the other, which hangs
   * up too.  Both end cleanly: ended, not failed, and stay ended. */
  holboo_call_pipeline_hang_up (pair.a.pipeline);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.a.pipeline), ==, HOLBOO_CALL_STATE_ENDED);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.b.pipeline), ==, HOLBOO_CALL_STATE_CONNECTED);
  holboo_call_pipeline_hang_up (pair.b.pipeline);
  call_test_run_for (200);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.a.pipeline), ==, HOLBOO_CALL_STATE_ENDED);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.b.pipeline), ==, HOLBOO_CALL_STATE_ENDED);
  holboo_call_pipeline_hang_up (pair.b.pipeline);

  call_pair_clear (&pair);
}

typedef struct {
  CallEnd *end;
  guint64  frames;
} FrameWait;

static gboolean
frames_arrived (gpointer data)
{
  FrameWait *w = data;

  return call_end_video_frames (w->end) >= w->frames;
}

typedef struct {
  CallEnd *end;
  guint64  frames;
  gint64   since;
} Stall;

/* No new frame for 500 ms. */
static gboolean
frames_stopped (gpointer data)
{
  Stall *s = data;
  guint64 now = call_end_video_frames (s->end);

  if (now != s->frames || s->since == 0)
    {
      s->frames = now;
      s->since = g_get_monotonic_time ();
      return FALSE;
    }
  return g_get_monotonic_time () - s->since >= 500 * 1000;
}

static void
test_video (void)
{
  CallPairOptions options = { .video = TRUE };
  CallPair pair;
  FrameWait wa = { &pair.a, 15 }, wb = { &pair.b, 15 };
  Stall stall = { &pair.b, 0, 0 };

  call_pair_init (&pair, &options);
  call_pair_connect (&pair, 20);

  g_assert_true (call_test_wait (frames_arrived, &wa, 10000));
  g_assert_true (call_test_wait (frames_arrived, &wb, 10000));
  assert_hears (&pair.b, 440, 5);
  assert_hears (&pair.a, 660, 5);

  /* Camera off: frames stop arriving at the other end (waited for with
   * a deadline), then come back with the camera. */
  holboo_call_pipeline_set_camera_enabled (pair.a.pipeline, FALSE);
  g_assert_true (call_test_wait (frames_stopped, &stall, 10000));
  holboo_call_pipeline_set_camera_enabled (pair.a.pipeline, TRUE);
  wb.frames = call_end_video_frames (&pair.b) + 5;
  g_assert_true (call_test_wait (frames_arrived, &wb, 10000));

  call_pair_clear (&pair);
}

static double
loudest_recent (CallEnd *end,
                guint    n)
{
  double best = -200;

  for (guint i = end->magnitudes->len > n ? end->magnitudes->len - n : 0; i < end->magnitudes->len; i++)
    best = MAX (best, g_array_index (end->magnitudes, double, i));
  return best;
}

/* The last three readings (300 ms) are silence. */
static gboolean
quiet (gpointer data)
{
  CallEnd *end = data;

  return end->magnitudes->len >= 3 && loudest_recent (end, 3) < -60;
}

static void
test_mute_and_hold (void)
{
  CallPairOptions options = { 0 };
  CallPair pair;

  call_pair_init (&pair, &options);
  call_pair_connect (&pair, 20);
  assert_hears (&pair.b, 440, 5);

  /* Muted: b hears silence from a; a still hears b.  (Waited for with
   * a deadline: the silence needs the jitterbuffer's time to arrive.) */
  holboo_call_pipeline_set_audio_muted (pair.a.pipeline, TRUE);
  g_assert_true (holboo_call_pipeline_get_audio_muted (pair.a.pipeline));
  g_assert_true (call_test_wait (quiet, &pair.b, 10000));
  assert_hears (&pair.a, 660, 3);

  holboo_call_pipeline_set_audio_muted (pair.a.pipeline, FALSE);
  assert_hears (&pair.b, 440, 3);

  /* Held: a neither sends nor plays. */
  holboo_call_pipeline_set_held (pair.a.pipeline, TRUE);
  g_assert_true (call_test_wait (quiet, &pair.b, 10000));
  g_assert_true (call_test_wait (quiet, &pair.a, 10000));
  holboo_call_pipeline_set_held (pair.a.pipeline, FALSE);
  assert_hears (&pair.b, 440, 3);
  assert_hears (&pair.a, 660, 3);

  call_pair_clear (&pair);
}

static gboolean
both_have_audio (gpointer data)
{
  CallPair *pair = data;

  return holboo_call_pipeline_get_setup_time (pair->a.pipeline) >= 0 &&
         holboo_call_pipeline_get_setup_time (pair->b.pipeline) >= 0;
}

/* With echo cancellation (webrtcdsp, its probe on the playback side)
 * both ends connect and decode each other; every pipeline has its own
 * probe, so two calls in one process do not share one. */
static void
test_echo_cancel (void)
{
  CallPairOptions options = { .echo_cancel = TRUE };
  CallPair pair;
  g_autofree char *dot = NULL;

  call_pair_init (&pair, &options);
  call_pair_connect (&pair, 20);
  g_assert_true (call_test_wait (both_have_audio, &pair, 10000));

  dot = holboo_call_pipeline_dump_dot (pair.a.pipeline, NULL);
  g_assert_nonnull (strstr (dot, "GstWebrtcDsp"));
  g_assert_nonnull (strstr (dot, "GstWebrtcEchoProbe"));
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.a.pipeline), ==, HOLBOO_CALL_STATE_CONNECTED);
  g_assert_cmpint (holboo_call_pipeline_get_state (pair.b.pipeline), ==, HOLBOO_CALL_STATE_CONNECTED);
  call_pair_clear (&pair);
}

static void
on_result (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* A pipeline that was never started refuses to negotiate, with an
 * error rather than a crash; so does one that has ended. */
static void
test_refusals (void)
{
  g_autoptr(HolbooCallPipeline) pipeline = holboo_call_pipeline_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GstWebRTCSessionDescription *offer;

  holboo_call_pipeline_create_offer_async (pipeline, NULL, on_result, &result);
  g_assert_true (call_test_wait (have_result, &result, 1000));
  offer = holboo_call_pipeline_create_offer_finish (pipeline, result, &error);
  g_assert_error (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_CLOSED);
  g_assert_null (offer);
  g_assert_cmpint (holboo_call_pipeline_get_state (pipeline), ==, HOLBOO_CALL_STATE_NEW);
  g_assert_null (holboo_call_pipeline_dump_dot (pipeline, NULL));

  holboo_call_pipeline_hang_up (pipeline);
  g_assert_cmpint (holboo_call_pipeline_get_state (pipeline), ==, HOLBOO_CALL_STATE_ENDED);
}

/* A device description that does not parse fails the start with an
 * error naming it; the state is failed. */
static void
test_bad_device (void)
{
  g_autoptr(HolbooCallPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;

  pipeline = g_object_new (HOLBOO_TYPE_CALL_PIPELINE, "audio-source", "no-such-element-holboo",
                           "audio-sink", "fakesink", "echo-cancel", FALSE, NULL);
  g_assert_false (holboo_call_pipeline_start (pipeline, &error));
  g_assert_error (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_PIPELINE);
  g_assert_nonnull (strstr (error->message, "no-such-element-holboo"));
  g_assert_cmpint (holboo_call_pipeline_get_state (pipeline), ==, HOLBOO_CALL_STATE_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  call_test_init (&argc, &argv);
  gst_init (&argc, &argv);

  g_test_add_func ("/media/call/loopback/audio-both-ways", test_audio_both_ways);
  g_test_add_func ("/media/call/loopback/video", test_video);
  g_test_add_func ("/media/call/loopback/mute-and-hold", test_mute_and_hold);
  g_test_add_func ("/media/call/loopback/echo-cancel", test_echo_cancel);
  g_test_add_func ("/media/call/loopback/refusals", test_refusals);
  g_test_add_func ("/media/call/loopback/bad-device", test_bad_device);

  return g_test_run ();
}
