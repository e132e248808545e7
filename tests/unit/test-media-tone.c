/* test-media-tone.c: a tone goes through Opus and is found by `spectrum`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-media-tone"

#include "config.h"

#include "holboo-spectrum.h"

#include <gst/gst.h>
#include <math.h>

#define RATE 48000
/* 4800 bands of 5 Hz; one FFT covers ~0.2 s. */
#define BANDS 4800
#define SECONDS 2
#define SAMPLES_PER_BUFFER 960  /* 20 ms, one Opus frame */
#define TIMEOUT_SECONDS 20

typedef struct {
  GArray *peaks;       /* double, Hz */
  GArray *magnitudes;  /* double, dB */
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->peaks, g_array_unref);
  g_clear_pointer (&r->magnitudes, g_array_unref);
}

/* audiotestsrc → Opus encoder → Opus decoder → spectrum, as fast as the
 * CPU goes (no clock sync), reading every spectrum message on the bus. */
static void
run_pipeline (const char *wave,
              double      freq,
              Result     *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *desc = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;
  gboolean done = FALSE;

  desc = g_strdup_printf ("audiotestsrc wave=%s freq=%g volume=0.5 samplesperbuffer=%d num-buffers=%d "
                          "! audio/x-raw,format=S16LE,rate=%d,channels=1 "
                          "! opusenc bitrate=32000 ! opusdec "
                          "! audioconvert ! audio/x-raw,format=F32LE,rate=%d,channels=1 "
                          "! spectrum name=spectrum bands=%d interval=200000000 threshold=-90 "
                          "  post-messages=true message-magnitude=true "
                          "! fakesink sync=false",
                          wave, freq, SAMPLES_PER_BUFFER,
                          SECONDS * RATE / SAMPLES_PER_BUFFER, RATE, RATE, BANDS);
  pipeline = gst_parse_launch (desc, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pipeline);

  r->peaks = g_array_new (FALSE, FALSE, sizeof (double));
  r->magnitudes = g_array_new (FALSE, FALSE, sizeof (double));

  bus = gst_element_get_bus (pipeline);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);

  while (!done)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      g_autoptr(GstMessage) msg = NULL;

      if (left <= 0)
        g_error ("No end of stream after %d s", TIMEOUT_SECONDS);

      msg = gst_bus_timed_pop_filtered (bus, left * GST_USECOND,
                                        GST_MESSAGE_ELEMENT | GST_MESSAGE_EOS |
                                        GST_MESSAGE_ERROR | GST_MESSAGE_WARNING);
      if (msg == NULL)
        continue;

      switch (GST_MESSAGE_TYPE (msg))
        {
        case GST_MESSAGE_ELEMENT:
          {
            double f, m;

            if (holboo_spectrum_peak (msg, &f, &m))
              {
                g_array_append_val (r->peaks, f);
                g_array_append_val (r->magnitudes, m);
              }
          }
          break;
        case GST_MESSAGE_EOS:
          done = TRUE;
          break;
        case GST_MESSAGE_ERROR:
        case GST_MESSAGE_WARNING:
          {
            g_autoptr(GError) err = NULL;
            g_autofree char *debug = NULL;

            if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
              gst_message_parse_error (msg, &err, &debug);
            else
              gst_message_parse_warning (msg, &err, &debug);
            g_error ("%s from %s: %s (%s)", gst_message_type_get_name (GST_MESSAGE_TYPE (msg)),
                     GST_OBJECT_NAME (GST_MESSAGE_SRC (msg)), err->message, debug);
          }
          break;
        default:
          break;
        }
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static void
test_tone (gconstpointer data)
{
  double freq = GPOINTER_TO_UINT (data);
  Result r = { 0 };

  run_pipeline ("sine", freq, &r);

  /* 2 s in 0.2 s intervals. */
  g_assert_cmpuint (r.peaks->len, >=, 8);

  /* The first interval holds the codec's start-up; every later one has
   * the tone, loud, within a few Hz. */
  for (guint i = 1; i < r.peaks->len; i++)
    {
      double peak = g_array_index (r.peaks, double, i);
      double mag = g_array_index (r.magnitudes, double, i);

      g_test_message ("interval %u: peak %.1f Hz at %.1f dB", i, peak, mag);
      g_assert_cmpfloat (fabs (peak - freq), <=, 2.0);
      g_assert_cmpfloat (mag, >, -30.0);
    }

  result_clear (&r);
}

/* Silence has no tone: the detector does not invent one. */
static void
test_silence (void)
{
  Result r = { 0 };

  run_pipeline ("silence", 440, &r);
  g_assert_cmpuint (r.peaks->len, >=, 8);
  for (guint i = 1; i < r.magnitudes->len; i++)
    g_assert_cmpfloat (g_array_index (r.magnitudes, double, i), <, -60.0);

  result_clear (&r);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_data_func ("/media/tone/440", GUINT_TO_POINTER (440), test_tone);
  g_test_add_data_func ("/media/tone/1000", GUINT_TO_POINTER (1000), test_tone);
  /* Between two bands: the peak is interpolated, not just the nearest band. */
  g_test_add_data_func ("/media/tone/1237", GUINT_TO_POINTER (1237), test_tone);
  g_test_add_func ("/media/tone/silence", test_silence);

  return g_test_run ();
}
