/* holboo-image.c: what a file really is, and image previews made off
 * the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file is an image only when its first bytes say so (its name is not
 * asked), and only for the formats a chat shows inline: PNG, JPEG, GIF,
 * WebP, BMP.  Before anything is decoded, gdk-pixbuf reads just the
 * header for the dimensions: a picture of more than
 * %HOLBOO_IMAGE_MAX_PIXELS pixels is never decoded, so a 50-megapixel
 * photo (or a forged header that claims one) costs a few kilobytes of
 * reading.  Decoding runs on a GTask thread: the main loop never waits
 * for it.  No GTK here: gdk-pixbuf only.
 */

#define G_LOG_DOMAIN "holboo-image"

#include "config.h"

#include "holboo-image.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include <errno.h>

#define SNIFF_BYTES 4096

static const char * const decoded_types[] = {
  "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
};

void
holboo_image_info_free (HolbooImageInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->mime);
  g_free (info->preview_path);
  g_free (info);
}

static gboolean
is_decoded_type (const char *mime)
{
  for (guint i = 0; i < G_N_ELEMENTS (decoded_types); i++)
    if (g_strcmp0 (mime, decoded_types[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The MIME type the content says, from its first bytes only. */
static char *
sniff (const char    *path,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  guchar buffer[SNIFF_BYTES];
  gsize n = 0;
  g_autofree char *type = NULL;
  gboolean uncertain = FALSE;
  char *mime;

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer, sizeof buffer, &n, cancellable, error))
    return NULL;

  type = g_content_type_guess (NULL, buffer, n, &uncertain);
  mime = type != NULL ? g_content_type_get_mime_type (type) : NULL;
  return mime != NULL ? mime : g_strdup ("application/octet-stream");
}

static gboolean
write_preview (const char    *path,
               const char    *preview_path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autofree char *tmp = g_strconcat (preview_path, ".part", NULL);

  scaled = gdk_pixbuf_new_from_file_at_scale (path, HOLBOO_IMAGE_PREVIEW_SIZE, HOLBOO_IMAGE_PREVIEW_SIZE,
                                              TRUE, error);
  if (scaled == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  oriented = gdk_pixbuf_apply_embedded_orientation (scaled);
  if (!gdk_pixbuf_save (oriented != NULL ? oriented : scaled, tmp, "png", error, NULL))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, preview_path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot write the preview “%s”: %s", preview_path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * holboo_image_inspect:
 * @path: a local file
 * @preview_path: (nullable): where to write a PNG preview when the file
 *   is an image that may be decoded; %NULL for none
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Finds out what @path is, and makes its preview.  Blocks on the disk
 * and the decoder: call it on a worker thread (or use
 * holboo_image_inspect_async()).  A file that is not a sane image is not
 * an error: its kind says so.
 *
 * Returns: (transfer full) (nullable): what the file is, or %NULL with
 *   @error set when it cannot be read
 */
HolbooImageInfo *
holboo_image_inspect (const char    *path,
                      const char    *preview_path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(HolbooImageInfo) info = g_new0 (HolbooImageInfo, 1);
  g_autoptr(GError) local_error = NULL;
  GdkPixbufFormat *format;
  int width = 0, height = 0;

  g_return_val_if_fail (path != NULL, NULL);

  info->mime = sniff (path, cancellable, error);
  if (info->mime == NULL)
    return NULL;
  if (!is_decoded_type (info->mime))
    {
      info->kind = HOLBOO_IMAGE_KIND_NOT_IMAGE;
      return g_steal_pointer (&info);
    }

  /* The header only: no pixel is decoded here. */
  format = gdk_pixbuf_get_file_info (path, &width, &height);
  if (format == NULL || width <= 0 || height <= 0)
    {
      g_debug ("%s says it is %s but its header does not read", path, info->mime);
      info->kind = HOLBOO_IMAGE_KIND_BROKEN;
      return g_steal_pointer (&info);
    }
  info->width = width;
  info->height = height;

  if ((guint64) width * (guint64) height > HOLBOO_IMAGE_MAX_PIXELS)
    {
      g_debug ("%s has %d×%d pixels: not decoded", path, width, height);
      info->kind = HOLBOO_IMAGE_KIND_TOO_LARGE;
      return g_steal_pointer (&info);
    }

  info->kind = HOLBOO_IMAGE_KIND_IMAGE;
  if (preview_path == NULL)
    return g_steal_pointer (&info);

  if (!write_preview (path, preview_path, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_debug ("No preview for %s: %s", path, local_error->message);
      info->kind = local_error->domain == GDK_PIXBUF_ERROR ? HOLBOO_IMAGE_KIND_BROKEN : HOLBOO_IMAGE_KIND_IMAGE;
      return g_steal_pointer (&info);
    }
  info->preview_path = g_strdup (preview_path);
  return g_steal_pointer (&info);
}

typedef struct {
  char *path;
  char *preview_path;
} InspectData;

static void
inspect_data_free (InspectData *data)
{
  g_free (data->path);
  g_free (data->preview_path);
  g_free (data);
}

static void
inspect_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InspectData *data = task_data;
  GError *error = NULL;
  HolbooImageInfo *info = holboo_image_inspect (data->path, data->preview_path, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) holboo_image_info_free);
}

/**
 * holboo_image_inspect_async:
 *
 * holboo_image_inspect() on a thread of GIO's pool.
 */
void
holboo_image_inspect_async (const char          *path,
                            const char          *preview_path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  InspectData *data;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_image_inspect_async);
  data = g_new0 (InspectData, 1);
  data->path = g_strdup (path);
  data->preview_path = g_strdup (preview_path);
  g_task_set_task_data (task, data, (GDestroyNotify) inspect_data_free);
  g_task_run_in_thread (task, inspect_thread);
}

HolbooImageInfo *
holboo_image_inspect_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
