/* holboo-qr-code.c: a QR code (libqrencode) as a matrix and an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is encoded as 8-bit data (UTF-8 bytes) at error correction
 * level M, the usual choice for printed and on-screen codes.  Drawing
 * is plain cairo, so the engine renders the same code for the screen
 * (the UI paints it) and for a PNG file (holboo-cli), with no GTK.
 */

#define G_LOG_DOMAIN "holboo-qr-code"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "holboo-qr-code.h"

#include <errno.h>
#include <qrencode.h>
#include <string.h>

struct _HolbooQrCode
{
  gatomicrefcount ref_count;
  guint           size;
  guint8         *modules;   /* size × size, 1 = dark */
};

G_DEFINE_BOXED_TYPE (HolbooQrCode, holboo_qr_code, holboo_qr_code_ref, holboo_qr_code_unref)
G_DEFINE_QUARK (holboo-qr-code-error-quark, holboo_qr_code_error)

/**
 * holboo_qr_code_new:
 * @text: the text to encode, UTF-8
 * @error: set when it does not fit (over 2,331 bytes at level M)
 *
 * Returns: (transfer full) (nullable): the code
 */
HolbooQrCode *
holboo_qr_code_new (const char *text,
                    GError    **error)
{
  HolbooQrCode *self;
  QRcode *code;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  errno = 0;
  code = QRcode_encodeData ((int) MIN (length, G_MAXINT), (const unsigned char *) text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      int saved = errno;

      g_set_error (error, HOLBOO_QR_CODE_ERROR,
                   saved == ERANGE ? HOLBOO_QR_CODE_ERROR_TOO_LARGE : HOLBOO_QR_CODE_ERROR_FAILED,
                   _("Cannot make a QR code of %lu bytes: %s"),
                   (gulong) length, g_strerror (saved));
      return NULL;
    }

  self = g_new0 (HolbooQrCode, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->size = code->width;
  self->modules = g_malloc ((gsize) code->width * code->width);
  for (guint i = 0; i < self->size * self->size; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);
  return self;
}

HolbooQrCode *
holboo_qr_code_ref (HolbooQrCode *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
holboo_qr_code_unref (HolbooQrCode *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->modules);
  g_free (self);
}

/**
 * holboo_qr_code_get_size:
 *
 * Returns: modules per side, without the quiet zone
 */
guint
holboo_qr_code_get_size (HolbooQrCode *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}

/**
 * holboo_qr_code_get_module:
 *
 * Returns: whether the module at @x, @y is dark; %FALSE outside
 */
gboolean
holboo_qr_code_get_module (HolbooQrCode *self,
                           guint         x,
                           guint         y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (x >= self->size || y >= self->size)
    return FALSE;
  return self->modules[y * self->size + x];
}

/**
 * holboo_qr_code_draw:
 * @cr: where to draw, with its source set to the dark colour
 * @x: left edge
 * @y: top edge
 * @side: width and height of the code, without any quiet zone
 *
 * Fills the dark modules; the caller paints the light background and
 * leaves a quiet zone (four modules) around it.
 */
void
holboo_qr_code_draw (HolbooQrCode *self,
                     cairo_t      *cr,
                     double        x,
                     double        y,
                     double        side)
{
  double module;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  module = side / self->size;
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint row = 0; row < self->size; row++)
    for (guint col = 0; col < self->size; col++)
      if (self->modules[row * self->size + col])
        cairo_rectangle (cr, x + col * module, y + row * module, module, module);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * holboo_qr_code_to_surface:
 * @module_size: pixels per module (at least 1)
 * @quiet_zone: light modules around the code (4 is the standard)
 *
 * Returns: (transfer full): black on white, ready for
 *   cairo_surface_write_to_png() or a texture
 */
cairo_surface_t *
holboo_qr_code_to_surface (HolbooQrCode *self,
                           guint         module_size,
                           guint         quiet_zone)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  guint side;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (module_size > 0, NULL);

  side = (self->size + 2 * quiet_zone) * module_size;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  holboo_qr_code_draw (self, cr, quiet_zone * module_size, quiet_zone * module_size,
                       self->size * module_size);
  cairo_destroy (cr);
  return surface;
}
