/* test-core-image.c: what a file really is, and previews — a
 * 50-megapixel PNG is never decoded, a text file named .png is a plain
 * file, a broken or forged image gets no preview; none of it blocks the
 * main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-core-image"

#include "config.h"

#include "holboo-image.h"
#include "holboo-test-util.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("holboo-image-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (f->dir);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0,
                                                                     NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, g_file_info_get_name (info), NULL);

      g_unlink (path);
      g_object_unref (info);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static guint32
crc32_update (guint32       crc,
              const guchar *data,
              gsize         len)
{
  static guint32 table[256];
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&init, 1);
    }

  crc ^= 0xffffffffu;
  for (gsize i = 0; i < len; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
put_chunk (GByteArray   *png,
           const char   *type,
           const guchar *data,
           gsize         len)
{
  guchar be[4] = { len >> 24, len >> 16, len >> 8, len };
  g_autoptr(GByteArray) crc_input = g_byte_array_new ();
  guint32 crc;
  guchar crc_be[4];

  g_byte_array_append (png, be, 4);
  g_byte_array_append (crc_input, (const guchar *) type, 4);
  if (len > 0)
    g_byte_array_append (crc_input, data, len);
  g_byte_array_append (png, crc_input->data, crc_input->len);
  crc = crc32_update (0, crc_input->data, crc_input->len);
  crc_be[0] = crc >> 24; crc_be[1] = crc >> 16; crc_be[2] = crc >> 8; crc_be[3] = crc;
  g_byte_array_append (png, crc_be, 4);
}

/* A valid 8-bit grayscale PNG of @width × @height black pixels
 * (compressed, it is small whatever its size); with @truncate, its
 * image data is cut after the header. */
static char *
write_png (Fixture    *f,
           const char *name,
           guint32     width,
           guint32     height,
           gboolean    truncate)
{
  static const guchar signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GByteArray) png = g_byte_array_new ();
  guchar ihdr[13] = { width >> 24, width >> 16, width >> 8, width,
                      height >> 24, height >> 16, height >> 8, height,
                      8, 0, 0, 0, 0 };
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) zout = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autofree guchar *row = g_malloc0 (width + 1);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_byte_array_append (png, signature, sizeof signature);
  put_chunk (png, "IHDR", ihdr, sizeof ihdr);

  for (guint32 y = 0; y < (truncate ? MIN (height, 4) : height); y++)
    g_assert_true (g_output_stream_write_all (zout, row, width + 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (zout, NULL, &error));
  g_assert_no_error (error);

  put_chunk (png, "IDAT", g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
             g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  if (!truncate)
    put_chunk (png, "IEND", NULL, 0);

  g_assert_true (g_file_set_contents (path, (const char *) png->data, png->len, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
preview_in (Fixture *f)
{
  return g_build_filename (f->dir, "preview.png", NULL);
}

static void
test_fifty_megapixels (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = write_png (f, "huge.png", 8000, 6250, FALSE);
  g_autofree char *preview = preview_in (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooImageInfo) info = NULL;
  int w = 0, h = 0;

  /* It is a real image: gdk-pixbuf agrees on its size. */
  g_assert_nonnull (gdk_pixbuf_get_file_info (path, &w, &h));
  g_assert_cmpint ((gint64) w * h, ==, 50000000);

  info = holboo_image_inspect (path, preview, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->kind, ==, HOLBOO_IMAGE_KIND_TOO_LARGE);
  g_assert_cmpstr (info->mime, ==, "image/png");
  g_assert_cmpint (info->width, ==, 8000);
  g_assert_cmpint (info->height, ==, 6250);
  g_assert_null (info->preview_path);
  g_assert_false (g_file_test (preview, G_FILE_TEST_EXISTS));
}

static void
test_forged_header (Fixture       *f,
                    gconstpointer  data)
{
  /* Claims 100000 × 100000 with a few rows of data behind it. */
  g_autofree char *path = write_png (f, "forged.png", 100000, 100000, TRUE);
  g_autofree char *preview = preview_in (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooImageInfo) info = holboo_image_inspect (path, preview, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (info->kind, ==, HOLBOO_IMAGE_KIND_TOO_LARGE);
  g_assert_false (g_file_test (preview, G_FILE_TEST_EXISTS));
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = write_png (f, "cut.png", 200, 100, TRUE);
  g_autofree char *preview = preview_in (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooImageInfo) info = holboo_image_inspect (path, preview, NULL, &error);

  /* gdk-pixbuf shows what arrived (like a browser) or gives up: either
   * way no crash, and a preview only if it could be made. */
  g_assert_no_error (error);
  g_assert_cmpint (info->width, ==, 200);
  g_assert_true (info->kind == HOLBOO_IMAGE_KIND_BROKEN || info->kind == HOLBOO_IMAGE_KIND_IMAGE);
  g_assert_true ((info->preview_path != NULL) == g_file_test (preview, G_FILE_TEST_EXISTS));
}

static void
test_fake_image (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "photo.png", NULL);
  g_autofree char *jpeg = g_build_filename (f->dir, "photo.jpg", NULL);
  g_autofree char *preview = preview_in (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooImageInfo) info = NULL;
  g_autoptr(HolbooImageInfo) zeros = NULL;
  g_autofree char *nothing = g_malloc0 (10000);

  g_assert_true (g_file_set_contents (path, "Энэ бол зураг биш, just text.\n", -1, &error));
  info = holboo_image_inspect (path, preview, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->kind, ==, HOLBOO_IMAGE_KIND_NOT_IMAGE);
  g_assert_cmpstr (info->mime, ==, "text/plain");
  g_assert_cmpint (info->width, ==, 0);
  g_assert_null (info->preview_path);

  g_assert_true (g_file_set_contents (jpeg, nothing, 10000, &error));
  zeros = holboo_image_inspect (jpeg, preview, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (zeros->kind, ==, HOLBOO_IMAGE_KIND_NOT_IMAGE);
  g_assert_false (g_str_has_prefix (zeros->mime, "image/"));
  g_assert_false (g_file_test (preview, G_FILE_TEST_EXISTS));
}

static void
on_inspected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HolbooImageInfo **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = holboo_image_inspect_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
on_tick (gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* A real photo-sized image: previewed on a thread while the main loop
 * keeps turning. */
static void
test_preview_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "office.png", NULL);
  g_autofree char *preview = preview_in (f);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 3000, 2000);
  g_autoptr(GdkPixbuf) small = NULL;
  g_autoptr(GError) error = NULL;
  HolbooImageInfo *info = NULL;
  guint ticks = 0;
  guint tick_id;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));

  tick_id = g_timeout_add (1, on_tick, &ticks);
  holboo_image_inspect_async (path, preview, NULL, on_inspected, &info);
  while (info == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);

  g_test_message ("main loop ticks while decoding: %u", ticks);
  g_assert_cmpint (info->kind, ==, HOLBOO_IMAGE_KIND_IMAGE);
  g_assert_cmpint (info->width, ==, 3000);
  g_assert_cmpstr (info->preview_path, ==, preview);
  small = gdk_pixbuf_new_from_file (preview, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (small), ==, HOLBOO_IMAGE_PREVIEW_SIZE);
  g_assert_cmpint (gdk_pixbuf_get_height (small), ==, HOLBOO_IMAGE_PREVIEW_SIZE * 2 / 3);
  holboo_image_info_free (info);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/core/image/fifty-megapixels", Fixture, NULL, fixture_set_up, test_fifty_megapixels,
              fixture_tear_down);
  g_test_add ("/core/image/forged-header", Fixture, NULL, fixture_set_up, test_forged_header, fixture_tear_down);
  g_test_add ("/core/image/truncated", Fixture, NULL, fixture_set_up, test_truncated, fixture_tear_down);
  g_test_add ("/core/image/fake-image", Fixture, NULL, fixture_set_up, test_fake_image, fixture_tear_down);
  g_test_add ("/core/image/preview-async", Fixture, NULL, fixture_set_up, test_preview_async, fixture_tear_down);

  return g_test_run ();
}
