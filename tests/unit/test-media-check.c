/* test-media-check.c: the check for the GStreamer elements calls need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-media-check"

#include "config.h"

#include "holboo-media-check.h"

#include <gst/gst.h>
#include <string.h>

static void
test_all_present (void)
{
  g_autoptr(GError) error = NULL;

  /* The machine that runs the tests has what calls need; if not, the
   * message says what to install. */
  g_assert_true (holboo_media_check (&error));
  g_assert_no_error (error);
}

static void
test_requirements (void)
{
  static const char * const needed[] = {
    "webrtcbin", "nicesrc", "nicesink", "dtlssrtpenc", "dtlssrtpdec", "srtpenc",
    "rtpopuspay", "rtpopusdepay", "opusenc", "opusdec", "vp8enc", "vp8dec",
    "rtpvp8pay", "rtpvp8depay", "audiotestsrc", "videotestsrc", "spectrum",
    "webrtcdsp", "audioconvert", "audioresample", "queue", "appsink",
    "webrtcechoprobe", "volume", "videoconvert", "valve",
  };
  static const char * const packages[] = {
    "gstreamer1.0-plugins-base", "gstreamer1.0-plugins-good",
    "gstreamer1.0-plugins-bad", "gstreamer1.0-nice", "libgstreamer1.0-0",
  };
  const HolbooMediaRequirement *reqs;
  guint n = 0;

  reqs = holboo_media_get_requirements (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (needed));

  for (gsize i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n; j++)
        if (g_str_equal (reqs[j].element, needed[i]))
          found = TRUE;
      g_assert_true (found);
    }

  for (guint j = 0; j < n; j++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (reqs[j].element);

      g_assert_true (g_strv_contains (packages, reqs[j].package));
      /* Where the element is installed, the package named is the one
       * that really ships it (checked through the plugin's file). */
      if (factory != NULL)
        {
          g_autoptr(GstPlugin) plugin = gst_plugin_feature_get_plugin (GST_PLUGIN_FEATURE (factory));
          const char *file = plugin != NULL ? gst_plugin_get_filename (plugin) : NULL;

          g_test_message ("%s: %s (%s)", reqs[j].element, reqs[j].package, file);
          g_assert_nonnull (file);
        }
    }
}

static void
test_missing (void)
{
  static const HolbooMediaRequirement reqs[] = {
    { "holboo-no-such-element-a", "gstreamer1.0-plugins-bad" },
    { "queue", "libgstreamer1.0-0" },
    { "holboo-no-such-element-b", "gstreamer1.0-nice" },
    { "holboo-no-such-element-c", "gstreamer1.0-plugins-bad" },
  };
  g_autoptr(GError) error = NULL;

  g_assert_false (holboo_media_check_elements (reqs, G_N_ELEMENTS (reqs), &error));
  g_assert_error (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_MISSING_ELEMENTS);
  g_test_message ("%s", error->message);

  /* Every missing element, with its package; not the one present. */
  g_assert_nonnull (strstr (error->message, "holboo-no-such-element-a (gstreamer1.0-plugins-bad)"));
  g_assert_nonnull (strstr (error->message, "holboo-no-such-element-b (gstreamer1.0-nice)"));
  g_assert_nonnull (strstr (error->message, "holboo-no-such-element-c (gstreamer1.0-plugins-bad)"));
  g_assert_null (strstr (error->message, "queue"));
  /* One install command, each package once. */
  g_assert_nonnull (strstr (error->message, "apt install gstreamer1.0-plugins-bad gstreamer1.0-nice"));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (holboo_media_check_elements (NULL, 0, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/media/check/all-present", test_all_present);
  g_test_add_func ("/media/check/requirements", test_requirements);
  g_test_add_func ("/media/check/missing", test_missing);
  g_test_add_func ("/media/check/empty", test_empty);

  return g_test_run ();
}
