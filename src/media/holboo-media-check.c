/* holboo-media-check.c: are the GStreamer elements calls need installed?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-media-check"

#include "config.h"

#include "holboo-media-check.h"

#include <glib/gi18n-lib.h>
#include <gst/gst.h>

#define PLUGINS_BASE "gstreamer1.0-plugins-base"
#define PLUGINS_GOOD "gstreamer1.0-plugins-good"
#define PLUGINS_BAD  "gstreamer1.0-plugins-bad"
#define NICE         "gstreamer1.0-nice"
#define CORE         "libgstreamer1.0-0"

/* What a call pipeline is built from (webrtcbin runs ICE through libnice
 * and DTLS-SRTP), plus what tests and level meters use in place of real
 * devices.  Package names are Debian 12's. */
static const HolbooMediaRequirement requirements[] = {
  { "webrtcbin",     PLUGINS_BAD },
  { "nicesrc",       NICE },
  { "nicesink",      NICE },
  { "dtlssrtpenc",   PLUGINS_BAD },
  { "dtlssrtpdec",   PLUGINS_BAD },
  { "srtpenc",       PLUGINS_BAD },
  { "rtpopuspay",    PLUGINS_GOOD },
  { "rtpopusdepay",  PLUGINS_GOOD },
  { "opusenc",       PLUGINS_BASE },
  { "opusdec",       PLUGINS_BASE },
  { "vp8enc",        PLUGINS_GOOD },
  { "vp8dec",        PLUGINS_GOOD },
  { "rtpvp8pay",     PLUGINS_GOOD },
  { "rtpvp8depay",   PLUGINS_GOOD },
  { "audiotestsrc",  PLUGINS_BASE },
  { "videotestsrc",  PLUGINS_BASE },
  { "spectrum",      PLUGINS_GOOD },
  { "webrtcdsp",     PLUGINS_BAD },
  { "webrtcechoprobe", PLUGINS_BAD },
  { "volume",        PLUGINS_BASE },
  { "videoconvert",  PLUGINS_BASE },
  { "valve",         CORE },
  { "audioconvert",  PLUGINS_BASE },
  { "audioresample", PLUGINS_BASE },
  { "queue",         CORE },
  { "appsink",       PLUGINS_BASE },
};

/* Present in the registry is not enough: the plugin must load (its
 * libraries may be missing).  Loading is cached by GStreamer. */
static gboolean
element_available (const char *name)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);
  g_autoptr(GstPluginFeature) loaded = NULL;

  if (factory == NULL)
    return FALSE;

  loaded = gst_plugin_feature_load (GST_PLUGIN_FEATURE (factory));
  return loaded != NULL;
}

/**
 * holboo_media_get_requirements:
 * @n_requirements: (out): the number of entries
 *
 * Returns: (array length=n_requirements) (transfer none): the elements
 *   calls need and the Debian packages that ship them
 */
const HolbooMediaRequirement *
holboo_media_get_requirements (guint *n_requirements)
{
  g_return_val_if_fail (n_requirements != NULL, NULL);

  *n_requirements = G_N_ELEMENTS (requirements);
  return requirements;
}

/**
 * holboo_media_check_elements:
 * @requirements: (array length=n_requirements): elements to look for
 * @n_requirements: the number of entries
 * @error: return location for a #GError
 *
 * Looks for every element of @requirements.  gst_init() must have been
 * called.  May load plugins, so call it off the main loop.
 *
 * Returns: %TRUE if all are there; else %FALSE with @error
 *   (%HOLBOO_MEDIA_ERROR_MISSING_ELEMENTS) naming each missing element
 *   and the packages to install
 */
gboolean
holboo_media_check_elements (const HolbooMediaRequirement  *requirements,
                             guint                          n_requirements,
                             GError                       **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GPtrArray) packages = g_ptr_array_new ();

  g_return_val_if_fail (requirements != NULL || n_requirements == 0, FALSE);
  g_return_val_if_fail (gst_is_initialized (), FALSE);

  for (guint i = 0; i < n_requirements; i++)
    {
      const HolbooMediaRequirement *req = &requirements[i];

      if (element_available (req->element))
        continue;

      g_debug ("GStreamer element %s is missing (package %s)", req->element, req->package);
      if (missing->len > 0)
        g_string_append (missing, ", ");
      /* TRANSLATORS: a missing GStreamer element and the Debian package
         that ships it, e.g. "webrtcbin (gstreamer1.0-plugins-bad)" */
      g_string_append_printf (missing, C_("missing GStreamer element", "%s (%s)"),
                              req->element, req->package);

      if (!g_ptr_array_find_with_equal_func (packages, req->package, g_str_equal, NULL))
        g_ptr_array_add (packages, (gpointer) req->package);
    }

  if (missing->len == 0)
    return TRUE;

  g_ptr_array_add (packages, NULL);
  {
    g_autofree char *package_list = g_strjoinv (" ", (char **) packages->pdata);

    g_set_error (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_MISSING_ELEMENTS,
                 _("Calls cannot work: these GStreamer elements are missing: %s. "
                   "Install them with: apt install %s"),
                 missing->str, package_list);
  }
  return FALSE;
}

/**
 * holboo_media_check:
 * @error: return location for a #GError
 *
 * Checks every element of holboo_media_get_requirements().  gst_init()
 * must have been called.
 *
 * Returns: %TRUE if calls have everything they need
 */
gboolean
holboo_media_check (GError **error)
{
  return holboo_media_check_elements (requirements, G_N_ELEMENTS (requirements), error);
}
