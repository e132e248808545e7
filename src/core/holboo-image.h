/* holboo-image.h: what a file really is, and image previews made off
 * the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Images with more pixels than this are never decoded: they get no
 * preview (the UI shows a placeholder), whatever their file size. */
#define HOLBOO_IMAGE_MAX_PIXELS (40 * 1000 * 1000)

/* The longest side of a preview, in pixels. */
#define HOLBOO_IMAGE_PREVIEW_SIZE 320

/**
 * HolbooImageKind:
 * @HOLBOO_IMAGE_KIND_NOT_IMAGE: not an image Holboo decodes (whatever its
 *   name says): a plain file
 * @HOLBOO_IMAGE_KIND_IMAGE: an image; a preview was made
 * @HOLBOO_IMAGE_KIND_TOO_LARGE: an image with more than
 *   %HOLBOO_IMAGE_MAX_PIXELS pixels: not decoded, no preview
 * @HOLBOO_IMAGE_KIND_BROKEN: says it is an image but does not decode
 */
typedef enum {
  HOLBOO_IMAGE_KIND_NOT_IMAGE,
  HOLBOO_IMAGE_KIND_IMAGE,
  HOLBOO_IMAGE_KIND_TOO_LARGE,
  HOLBOO_IMAGE_KIND_BROKEN,
} HolbooImageKind;

/**
 * HolbooImageInfo:
 * @kind: what the file turned out to be
 * @mime: the MIME type its content says (not its name), e.g. "image/png",
 *   "text/plain", "application/octet-stream"
 * @width: an image's width, or 0
 * @height: an image's height, or 0
 * @preview_path: (nullable): the PNG preview written, for
 *   %HOLBOO_IMAGE_KIND_IMAGE when one was asked for
 */
typedef struct {
  HolbooImageKind  kind;
  char            *mime;
  int              width;
  int              height;
  char            *preview_path;
} HolbooImageInfo;

void             holboo_image_info_free       (HolbooImageInfo     *info);

HolbooImageInfo *holboo_image_inspect         (const char          *path,
                                               const char          *preview_path,
                                               GCancellable        *cancellable,
                                               GError             **error);
void             holboo_image_inspect_async   (const char          *path,
                                               const char          *preview_path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
HolbooImageInfo *holboo_image_inspect_finish  (GAsyncResult        *result,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooImageInfo, holboo_image_info_free)

G_END_DECLS
