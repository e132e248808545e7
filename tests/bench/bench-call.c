/* bench-call.c: what a call costs and how it sounds, two pipelines in one process
 *
 *   bench-call setup-host   remote answer → first decoded remote audio, host candidates
 *   bench-call setup-relay  the same, relay only through the harness's coturn
 *   bench-call delay        one-way audio delay through both pipelines (tone bursts)
 *   bench-call cpu          CPU of an audio call, and of a 640×480 VP8 call, steady state
 *   bench-call loss         10 % of sent packets dropped (netsim): 20 ms windows with the tone
 *
 * Each prints its figures (medians of several runs).  delay takes the
 * jitterbuffer latency from HOLBOO_BENCH_LATENCY (ms) to compare settings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-call"

#include "config.h"

#include "call-test-util.h"
#include "holboo-test-server.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define RUNS 7

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_double);
  if (values->len == 0)
    return NAN;
  if (values->len % 2)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) + g_array_index (values, double, values->len / 2)) / 2;
}

static double
min_of (GArray *values)
{
  double m = INFINITY;

  for (guint i = 0; i < values->len; i++)
    m = MIN (m, g_array_index (values, double, i));
  return m;
}

static double
max_of (GArray *values)
{
  double m = -INFINITY;

  for (guint i = 0; i < values->len; i++)
    m = MAX (m, g_array_index (values, double, i));
  return m;
}

static gboolean
both_have_audio (gpointer data)
{
  CallPair *pair = data;

  return holboo_call_pipeline_get_setup_time (pair->a.pipeline) >= 0 &&
         holboo_call_pipeline_get_setup_time (pair->b.pipeline) >= 0;
}

/* ---- setup ---- */

static GPtrArray *
turn_servers (HolbooTestServer *server)
{
  GPtrArray *servers = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_ice_server_unref);
  g_autofree char *user = call_test_turn_username (g_get_real_time () / G_USEC_PER_SEC + 3600);
  g_autofree char *pass = call_test_turn_password (holboo_test_server_get_turn_secret (server), user);

  g_ptr_array_add (servers, holboo_ice_server_new (HOLBOO_ICE_SERVER_TURN, "127.0.0.1",
                                                   holboo_test_server_get_port (server, HOLBOO_TEST_PORT_TURN),
                                                   HOLBOO_ICE_TRANSPORT_UDP, user, pass));
  return servers;
}

static void
bench_setup (gboolean relay)
{
  static const char * const loopback[] = { "127.0.0.1", NULL };
  g_autoptr(HolbooTestServer) server = NULL;
  g_autoptr(GPtrArray) servers = NULL;
  g_autoptr(GArray) caller = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) callee = g_array_new (FALSE, FALSE, sizeof (double));
  CallPairOptions options = { 0 };
  double first = 0;

  if (relay)
    {
      g_autoptr(GError) error = NULL;

      server = holboo_test_server_new (HOLBOO_TEST_SERVER_KIND_PROSODY, NULL);
      if (!holboo_test_server_start (server, &error))
        g_error ("The test server does not start: %s", error->message);
      servers = turn_servers (server);
      options.relay_only = TRUE;
      options.ice_servers = servers;
      options.local_addresses = loopback;
    }

  for (guint run = 0; run <= RUNS; run++)
    {
      CallPair pair;
      double a, b;

      call_pair_init (&pair, &options);
      call_pair_connect (&pair, 30);
      if (!call_test_wait (both_have_audio, &pair, 10000))
        g_error ("No remote audio");
      a = holboo_call_pipeline_get_setup_time (pair.a.pipeline) / 1000.0;
      b = holboo_call_pipeline_get_setup_time (pair.b.pipeline) / 1000.0;
      call_pair_clear (&pair);

      /* The first call of a process also makes the DTLS certificates. */
      if (run == 0)
        {
          first = a;
          continue;
        }
      g_array_append_val (caller, a);
      g_array_append_val (callee, b);
    }

  g_print ("%s candidates, jitterbuffer 30 ms, %u calls after a first one:\n",
           relay ? "relay-only (coturn on loopback)" : "host", RUNS);
  g_print ("  remote answer applied → first decoded remote audio (caller): median %.0f ms (min %.0f, max %.0f)\n",
           median (caller), min_of (caller), max_of (caller));
  g_print ("  local answer applied → first decoded remote audio (callee): median %.0f ms\n", median (callee));
  g_print ("  first call of the process (DTLS certificate made): %.0f ms\n", first);
  g_print ("  target: ≤ %d ms\n", relay ? 700 : 300);

  if (server != NULL)
    holboo_test_server_stop (server, NULL);
}

/* ---- one-way delay ---- */

typedef struct {
  gint    armed;      /* atomic */
  gint64  heard_us;   /* written once per burst by the streaming thread */
} Ear;

static void
on_handoff (GstElement *sink,
            GstBuffer  *buffer,
            GstPad     *pad,
            Ear        *ear)
{
  GstMapInfo map;
  gint16 peak = 0;

  if (!g_atomic_int_get (&ear->armed) || !gst_buffer_map (buffer, &map, GST_MAP_READ))
    return;
  for (gsize i = 0; i + 1 < map.size; i += 2)
    peak = MAX (peak, ABS (((gint16 *) map.data)[i / 2]));
  gst_buffer_unmap (buffer, &map);
  /* Handoffs come from one streaming thread; the main loop reads
   * heard_us only after it sees armed drop (a full barrier). */
  if (peak > 4000)
    {
      ear->heard_us = g_get_monotonic_time ();
      g_atomic_int_set (&ear->armed, 0);
    }
}

static gboolean
heard (gpointer data)
{
  Ear *ear = data;

  return !g_atomic_int_get (&ear->armed);
}

static void
bench_delay (void)
{
  CallPairOptions options = {
    .audio_source_a = "audiotestsrc name=burst is-live=true wave=sine freq=1000 volume=0 samplesperbuffer=240",
    .audio_sink_b = "audioconvert ! audio/x-raw,format=S16LE,channels=1 "
                    "! fakesink name=ear signal-handoffs=true sync=true async=false",
    .latency_ms = g_getenv ("HOLBOO_BENCH_LATENCY") ? atoi (g_getenv ("HOLBOO_BENCH_LATENCY")) : 0,
  };
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GstElement) burst = NULL;
  g_autoptr(GstElement) sink = NULL;
  Ear ear = { 0 };
  CallPair pair;

  call_pair_init (&pair, &options);
  burst = gst_bin_get_by_name (GST_BIN (holboo_call_pipeline_get_pipeline (pair.a.pipeline)), "burst");
  sink = gst_bin_get_by_name (GST_BIN (holboo_call_pipeline_get_pipeline (pair.b.pipeline)), "ear");
  g_signal_connect (sink, "handoff", G_CALLBACK (on_handoff), &ear);
  call_pair_connect (&pair, 20);
  call_test_run_for (1500);
  {
    g_autoptr(GstQuery) q = gst_query_new_latency ();
    GstClockTime min = 0, max = 0;
    gboolean live = FALSE;

    if (gst_element_query (holboo_call_pipeline_get_pipeline (pair.b.pipeline), q))
      gst_query_parse_latency (q, &live, &min, &max);
    g_print ("receiving pipeline's latency: %.1f ms (jitterbuffer + the sink's processing deadline)\n",
             min / 1e6);
  }

  for (guint i = 0; i < RUNS + 2; i++)
    {
      gint64 start;
      double ms;

      g_atomic_int_set (&ear.armed, 1);
      start = g_get_monotonic_time ();
      g_object_set (burst, "volume", 0.5, NULL);
      if (!call_test_wait (heard, &ear, 3000))
        g_error ("Burst %u not heard", i);
      ms = (ear.heard_us - start) / 1000.0;
      g_object_set (burst, "volume", 0.0, NULL);
      call_test_run_for (400);
      if (i >= 2)  /* the first bursts still see the jitterbuffer settle */
        g_array_append_val (delays, ms);
    }
  call_pair_clear (&pair);

  g_print ("one-way audio delay, source volume up → sample rendered by a clock-synced sink,\n"
           "Opus 20 ms frames, jitterbuffer 30 ms, loopback ICE, %u bursts:\n", delays->len);
  g_print ("  median %.1f ms (min %.1f, max %.1f); includes up to 5 ms of source buffer\n",
           median (delays), min_of (delays), max_of (delays));
  g_print ("  target: ≤ 80 ms\n");
}

/* ---- CPU ---- */

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static double
measure_cpu (gboolean    video,
             const char *caps)
{
  /* The call only: no spectrum (test apparatus) on either end. */
  CallPairOptions options = {
    .video = video,
    .video_caps = caps,
    .audio_sink_a = "fakesink sync=true async=false",
    .audio_sink_b = "fakesink sync=true async=false",
  };
  g_autoptr(GArray) loads = g_array_new (FALSE, FALSE, sizeof (double));
  CallPair pair;

  call_pair_init (&pair, &options);
  call_pair_connect (&pair, 20);
  call_test_run_for (1000);  /* steady state: after the first second */

  for (guint i = 0; i < 3; i++)
    {
      double cpu = cpu_seconds ();
      gint64 wall = g_get_monotonic_time ();
      double load;

      call_test_run_for (3000);
      load = 100.0 * (cpu_seconds () - cpu) / ((g_get_monotonic_time () - wall) / 1e6);
      g_array_append_val (loads, load);
    }
  call_pair_clear (&pair);
  return median (loads);
}

static void
bench_cpu (void)
{
  double audio, video;

  audio = measure_cpu (FALSE, NULL);
  g_print ("CPU of one call, both ends in this process, after the first second (getrusage over 3 × 3 s):\n");
  g_print ("  audio (Opus 32 kb/s both ways, tone sources, clock-synced fake sinks): median %.1f %% of one core; target ≤ 5 %%\n",
           audio);
  video = measure_cpu (TRUE, "video/x-raw,width=640,height=480,framerate=30/1");
  g_print ("  audio + VP8 640×480 at 30 fps both ways: median %.1f %% of one core (reported)\n", video);
}

/* ---- packet loss ---- */

static guint
windows_with_tone (CallEnd *end,
                   guint    from,
                   double   hz)
{
  guint n = 0;

  for (guint i = from; i < end->peaks->len; i++)
    if (fabs (g_array_index (end->peaks, double, i) - hz) <= 25.0)
      n++;
  return n;
}

static void
bench_loss (void)
{
  CallPairOptions options = {
    .audio_rtp_filter_a = "netsim drop-probability=0.1",
    .spectrum_interval_ms = 20,
    .spectrum_bands = 481,  /* one FFT of 960 samples: one 20 ms window */
  };
  g_autoptr(GArray) shares = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(HolbooCallStats) stats = NULL;
  CallPair pair;
  guint total = 0, hits = 0;

  call_pair_init (&pair, &options);
  call_pair_connect (&pair, 20);
  call_test_run_for (1000);

  for (guint i = 0; i < 3; i++)
    {
      guint from = pair.b.peaks->len;
      guint n, with_tone;
      double share;

      call_test_run_for (5000);
      n = pair.b.peaks->len - from;
      with_tone = windows_with_tone (&pair.b, from, 440);
      share = n ? 100.0 * with_tone / n : 0;
      total += n;
      hits += with_tone;
      g_array_append_val (shares, share);
    }
  stats = call_end_get_stats (&pair.b);
  call_pair_clear (&pair);

  g_print ("10 %% of the caller's RTP packets dropped (netsim), Opus in-band FEC sent, PLC on receipt, 3 × 5 s:\n");
  g_print ("  20 ms windows with the 440 Hz tone: median %.1f %% (%u of %u overall); target ≥ 95 %%\n",
           median (shares), hits, total);
  g_print ("  receiver's statistics (webrtcbin's loss count is unreliable: some runs say 0): %" G_GUINT64_FORMAT " received, %" G_GINT64_FORMAT " lost\n",
           stats->audio_packets_received, stats->audio_packets_lost);
}

int
main (int   argc,
      char *argv[])
{
  const char *mode;

  gst_init (&argc, &argv);
  mode = argc > 1 ? argv[1] : "setup-host";

  if (g_str_equal (mode, "setup-host"))
    bench_setup (FALSE);
  else if (g_str_equal (mode, "setup-relay"))
    bench_setup (TRUE);
  else if (g_str_equal (mode, "delay"))
    bench_delay ();
  else if (g_str_equal (mode, "cpu"))
    bench_cpu ();
  else if (g_str_equal (mode, "loss"))
    bench_loss ();
  else
    g_error ("Unknown mode %s", mode);
  return 0;
}
