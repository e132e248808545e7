/* holboo-qr-code.h: a QR code (libqrencode) as a matrix and an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define HOLBOO_QR_CODE_ERROR (holboo_qr_code_error_quark ())

/**
 * HolbooQrCodeError:
 * @HOLBOO_QR_CODE_ERROR_TOO_LARGE: the text does not fit in a QR code
 * @HOLBOO_QR_CODE_ERROR_FAILED: libqrencode failed otherwise
 */
typedef enum {
  HOLBOO_QR_CODE_ERROR_TOO_LARGE,
  HOLBOO_QR_CODE_ERROR_FAILED,
} HolbooQrCodeError;

typedef struct _HolbooQrCode HolbooQrCode;

#define HOLBOO_TYPE_QR_CODE (holboo_qr_code_get_type ())

GType            holboo_qr_code_get_type    (void) G_GNUC_CONST;
GQuark           holboo_qr_code_error_quark (void);

HolbooQrCode    *holboo_qr_code_new         (const char    *text,
                                             GError       **error);
HolbooQrCode    *holboo_qr_code_ref         (HolbooQrCode  *self);
void             holboo_qr_code_unref       (HolbooQrCode  *self);

guint            holboo_qr_code_get_size    (HolbooQrCode  *self);
gboolean         holboo_qr_code_get_module  (HolbooQrCode  *self,
                                             guint          x,
                                             guint          y);
void             holboo_qr_code_draw        (HolbooQrCode  *self,
                                             cairo_t       *cr,
                                             double         x,
                                             double         y,
                                             double         side);
cairo_surface_t *holboo_qr_code_to_surface  (HolbooQrCode  *self,
                                             guint          module_size,
                                             guint          quiet_zone);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooQrCode, holboo_qr_code_unref)

G_END_DECLS
