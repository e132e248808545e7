/* holboo-http-transfer.h: files up to and down from HTTP File Upload
 * services, streamed, with progress, cancellable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define HOLBOO_HTTP_TRANSFER_ERROR (holboo_http_transfer_error_quark ())

/**
 * HolbooHttpTransferError:
 * @HOLBOO_HTTP_TRANSFER_ERROR_HTTP: the server answered with an HTTP error
 * @HOLBOO_HTTP_TRANSFER_ERROR_TOO_LARGE: the download is larger than
 *   announced or than allowed: it was cut, nothing was kept
 * @HOLBOO_HTTP_TRANSFER_ERROR_WRONG_TYPE: the download is not of the type
 *   asked for (an image that is not one)
 */
typedef enum {
  HOLBOO_HTTP_TRANSFER_ERROR_HTTP,
  HOLBOO_HTTP_TRANSFER_ERROR_TOO_LARGE,
  HOLBOO_HTTP_TRANSFER_ERROR_WRONG_TYPE,
} HolbooHttpTransferError;

/**
 * HolbooHttpProgress:
 * @done: bytes sent or received so far
 * @total: bytes expected, or 0 when not known
 * @user_data: what was given with it
 *
 * Called on the thread-default main context of the call, at most every
 * 64 KiB (and once at the end).
 */
typedef void (*HolbooHttpProgress) (guint64  done,
                                    guint64  total,
                                    gpointer user_data);

GQuark       holboo_http_transfer_error_quark (void);

SoupSession *holboo_http_session_new         (GTlsDatabase        *tls_database,
                                              const char          *pinned_certificate);

void         holboo_http_upload_async        (SoupSession         *session,
                                              const char          *put_url,
                                              const char * const  *header_names,
                                              const char * const  *header_values,
                                              GFile               *file,
                                              guint64              size,
                                              const char          *content_type,
                                              HolbooHttpProgress   progress,
                                              gpointer             progress_data,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     holboo_http_upload_finish       (GAsyncResult        *result,
                                              GError             **error);

void         holboo_http_download_async      (SoupSession         *session,
                                              const char          *url,
                                              const char          *dest_path,
                                              gint64               announced_size,
                                              guint64              max_size,
                                              const char          *required_type,
                                              HolbooHttpProgress   progress,
                                              gpointer             progress_data,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char        *holboo_http_download_finish     (GAsyncResult        *result,
                                              guint64             *size,
                                              GError             **error);

G_END_DECLS
