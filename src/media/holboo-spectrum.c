/* holboo-spectrum.c: the loudest frequency in a `spectrum` element message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-spectrum"

#include "config.h"

#include "holboo-spectrum.h"

static int
message_rate (GstMessage *message)
{
  GstObject *src = GST_MESSAGE_SRC (message);
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GstCaps) caps = NULL;
  int rate = 0;

  if (!GST_IS_ELEMENT (src))
    return 0;
  pad = gst_element_get_static_pad (GST_ELEMENT (src), "sink");
  if (pad == NULL)
    return 0;
  caps = gst_pad_get_current_caps (pad);
  if (caps == NULL || gst_caps_get_size (caps) == 0)
    return 0;
  if (!gst_structure_get_int (gst_caps_get_structure (caps, 0), "rate", &rate))
    return 0;
  return rate;
}

/**
 * holboo_spectrum_peak:
 * @message: an element message
 * @frequency: (out) (optional): the frequency of the loudest band, in Hz
 * @magnitude: (out) (optional): its magnitude, in dB
 *
 * Finds the loudest band of a message from a single-channel `spectrum`
 * element (`post-messages=true`, `message-magnitude=true`) and refines
 * its frequency between bands by fitting a parabola through the band
 * and its neighbours, so a tone is located more finely than one band.
 * Tests and the test call use this to check that a tone arrived.
 *
 * Returns: %FALSE if @message is not such a spectrum message
 */
gboolean
holboo_spectrum_peak (GstMessage *message,
                      double     *frequency,
                      double     *magnitude)
{
  const GstStructure *s;
  const GValue *list;
  guint n, best = 0;
  double band_width, offset = 0;
  float a, b, c;
  int rate;

  g_return_val_if_fail (GST_IS_MESSAGE (message), FALSE);

  if (GST_MESSAGE_TYPE (message) != GST_MESSAGE_ELEMENT)
    return FALSE;
  s = gst_message_get_structure (message);
  if (s == NULL || !gst_structure_has_name (s, "spectrum"))
    return FALSE;
  list = gst_structure_get_value (s, "magnitude");
  if (list == NULL || !GST_VALUE_HOLDS_LIST (list))
    return FALSE;
  n = gst_value_list_get_size (list);
  if (n < 3 || (rate = message_rate (message)) <= 0)
    return FALSE;

#define MAG(i) g_value_get_float (gst_value_list_get_value (list, (i)))
  for (guint i = 1; i < n; i++)
    if (MAG (i) > MAG (best))
      best = i;

  /* Parabolic interpolation on the dB values of the three bands. */
  if (best > 0 && best < n - 1)
    {
      double denom;

      a = MAG (best - 1);
      b = MAG (best);
      c = MAG (best + 1);
      denom = a - 2.0 * b + c;
      if (denom < 0.0)
        offset = CLAMP (0.5 * (a - c) / denom, -0.5, 0.5);
    }

  /* The bands are the bins of an FFT of 2 (n - 1) points: band i holds
   * frequency i · rate / (2 (n - 1)).  (The element's documentation
   * speaks of a band's centre half a band higher; measured tones say
   * otherwise, and this is the FFT's arithmetic.) */
  band_width = rate / (2.0 * (n - 1));
  if (frequency != NULL)
    *frequency = band_width * (best + offset);
  if (magnitude != NULL)
    *magnitude = MAG (best);
#undef MAG

  return TRUE;
}
