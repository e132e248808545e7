/* holboo-xmpp-error-private.h: building the connection's errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xmpp-error.h"

G_BEGIN_DECLS

GError   *_holboo_xmpp_error_new_certificate  (GTlsCertificate      *certificate,
                                               GTlsCertificateFlags  flags,
                                               const char           *host);
GError   *_holboo_xmpp_error_from_io          (const GError         *io_error,
                                               const char           *host);
GError   *_holboo_xmpp_error_from_stream_error (HolbooXmlNode       *stream_error);
GError   *_holboo_xmpp_error_from_sasl_failure (HolbooXmlNode       *failure);
GError   *_holboo_xmpp_error_new_timed_out    (const char           *host);
GError   *_holboo_xmpp_error_new_closed       (void);

gboolean  _holboo_xmpp_error_is_permanent     (const GError         *error);
int       _holboo_xmpp_error_rank             (const GError         *error);

G_END_DECLS
