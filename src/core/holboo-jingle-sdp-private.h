/* holboo-jingle-sdp-private.h: field checks shared by the Jingle <-> SDP files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jingle-sdp.h"

G_BEGIN_DECLS

/* Every string that goes from a stanza into SDP passes one of these:
 * nothing with a CR, LF or space may reach an SDP line it could split. */
gboolean    _holboo_jingle_is_token      (const char *s,
                                          gsize       max_len);
gboolean    _holboo_jingle_is_ice_chars  (const char *s,
                                          gsize       min_len,
                                          gsize       max_len);
gboolean    _holboo_jingle_is_printable  (const char *s,
                                          gsize       max_len,
                                          gboolean    allow_space);
gboolean    _holboo_jingle_parse_uint    (const char *s,
                                          guint64     min,
                                          guint64     max,
                                          guint64    *out);
gboolean    _holboo_jingle_is_fingerprint (const char *hash,
                                           const char *value);

const char *_holboo_jingle_media_attribute (const GstSDPMessage *sdp,
                                            const GstSDPMedia   *media,
                                            const char          *key);

G_END_DECLS
