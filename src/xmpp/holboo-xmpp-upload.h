/* holboo-xmpp-upload.h: HTTP File Upload (XEP-0363, urn:xmpp:http:upload:0)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-xml-node.h"
#include "holboo-xmpp-disco.h"
#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_HTTP_UPLOAD "urn:xmpp:http:upload:0"

/* URLs longer than this are not believed (the GET URL goes into a
 * message body and the store). */
#define HOLBOO_XMPP_UPLOAD_MAX_URL_LENGTH 2048

#define HOLBOO_XMPP_UPLOAD_ERROR (holboo_xmpp_upload_error_quark ())

/**
 * HolbooXmppUploadError:
 * @HOLBOO_XMPP_UPLOAD_ERROR_NO_SERVICE: the server offers no upload service
 * @HOLBOO_XMPP_UPLOAD_ERROR_TOO_LARGE: the service refused the file's size
 * @HOLBOO_XMPP_UPLOAD_ERROR_QUOTA: the service refused for now (quota,
 *   resource-constraint); trying later may work
 * @HOLBOO_XMPP_UPLOAD_ERROR_NOT_ALLOWED: the service does not let this
 *   account upload
 * @HOLBOO_XMPP_UPLOAD_ERROR_REFUSED: any other refusal
 * @HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT: the slot the service gave cannot be
 *   used safely (not https, odd URL, header injection): nothing is sent
 *
 * The error message is the server's own text when it sent one.
 */
typedef enum {
  HOLBOO_XMPP_UPLOAD_ERROR_NO_SERVICE,
  HOLBOO_XMPP_UPLOAD_ERROR_TOO_LARGE,
  HOLBOO_XMPP_UPLOAD_ERROR_QUOTA,
  HOLBOO_XMPP_UPLOAD_ERROR_NOT_ALLOWED,
  HOLBOO_XMPP_UPLOAD_ERROR_REFUSED,
  HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT,
} HolbooXmppUploadError;

/**
 * HolbooXmppUploadService:
 * @jid: the service's address, e.g. "upload.example.mn"
 * @max_file_size: the largest file it accepts in bytes, or 0 when it
 *   does not say
 */
typedef struct {
  char   *jid;
  guint64 max_file_size;
} HolbooXmppUploadService;

/**
 * HolbooXmppUploadSlot:
 * @put_url: where to PUT the file (https)
 * @get_url: where it can be fetched afterwards (https)
 * @header_names: (array zero-terminated=1): headers to send with the PUT,
 *   only those XEP-0363 allows (Authorization, Cookie, Expires)
 * @header_values: (array zero-terminated=1): their values, same order
 */
typedef struct {
  char  *put_url;
  char  *get_url;
  GStrv  header_names;
  GStrv  header_values;
} HolbooXmppUploadSlot;

GQuark                   holboo_xmpp_upload_error_quark        (void);

/* Pure: stanzas in, stanzas out. */
gboolean                 holboo_xmpp_upload_is_service         (HolbooXmppDiscoInfo     *info,
                                                                guint64                 *max_file_size);
HolbooXmlNode           *holboo_xmpp_upload_build_request      (const char              *service,
                                                                const char              *filename,
                                                                guint64                  size,
                                                                const char              *content_type);
HolbooXmppUploadSlot    *holboo_xmpp_upload_parse_slot         (HolbooXmlNode           *iq,
                                                                GError                 **error);
GError                  *holboo_xmpp_upload_error_from_iq_error (const GError           *iq_error,
                                                                 guint64                 size,
                                                                 guint64                 max_file_size);
char                    *holboo_xmpp_upload_clean_filename     (const char              *name);

void                     holboo_xmpp_upload_service_free       (HolbooXmppUploadService *service);
void                     holboo_xmpp_upload_slot_free          (HolbooXmppUploadSlot    *slot);

/* Over a connection. */
void                     holboo_xmpp_upload_discover_async     (HolbooXmppConnection    *connection,
                                                                GCancellable            *cancellable,
                                                                GAsyncReadyCallback      callback,
                                                                gpointer                 user_data);
HolbooXmppUploadService *holboo_xmpp_upload_discover_finish    (GAsyncResult            *result,
                                                                GError                 **error);
void                     holboo_xmpp_upload_request_slot_async (HolbooXmppConnection    *connection,
                                                                const HolbooXmppUploadService *service,
                                                                const char              *filename,
                                                                guint64                  size,
                                                                const char              *content_type,
                                                                GCancellable            *cancellable,
                                                                GAsyncReadyCallback      callback,
                                                                gpointer                 user_data);
HolbooXmppUploadSlot    *holboo_xmpp_upload_request_slot_finish (GAsyncResult           *result,
                                                                 GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppUploadService, holboo_xmpp_upload_service_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppUploadSlot, holboo_xmpp_upload_slot_free)

G_END_DECLS
