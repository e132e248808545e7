/* holboo-xmpp-avatar.h: user avatars over PEP (XEP-0084), and the
 * vCard-based avatars of older clients (XEP-0153, XEP-0054)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-jid.h"
#include "holboo-xml-node.h"
#include "holboo-xmpp-pep.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_AVATAR_DATA     "urn:xmpp:avatar:data"
#define HOLBOO_XMLNS_AVATAR_METADATA "urn:xmpp:avatar:metadata"
#define HOLBOO_XMLNS_VCARD_UPDATE    "vcard-temp:x:update"
#define HOLBOO_XMLNS_VCARD_TEMP      "vcard-temp"

/* A peer's avatar larger than this is refused, unfetched if its
 * metadata says so, undecoded otherwise. */
#define HOLBOO_XMPP_AVATAR_MAX_SIZE (2 * 1024 * 1024)

/**
 * HolbooXmppAvatarInfo:
 * @id: the SHA-1 of the image, in hex: the data item's id
 * @type: its media type
 * @bytes: its size
 * @width: (nullable when 0): pixels
 * @height: (nullable when 0): pixels
 */
typedef struct {
  char    *id;
  char    *type;
  guint64  bytes;
  guint    width;
  guint    height;
} HolbooXmppAvatarInfo;

void                  holboo_xmpp_avatar_info_free             (HolbooXmppAvatarInfo *info);
char                 *holboo_xmpp_avatar_compute_id            (GBytes               *data);

HolbooXmlNode        *holboo_xmpp_avatar_build_data_publish    (GBytes               *data,
                                                                HolbooXmppPepAccess   access);
HolbooXmlNode        *holboo_xmpp_avatar_build_metadata_publish (const HolbooXmppAvatarInfo *info,
                                                                HolbooXmppPepAccess   access);
HolbooXmlNode        *holboo_xmpp_avatar_build_metadata_request (const char          *jid);
HolbooXmppAvatarInfo *holboo_xmpp_avatar_parse_metadata        (HolbooXmlNode        *iq,
                                                                GError              **error);
HolbooXmppAvatarInfo *holboo_xmpp_avatar_parse_metadata_event  (HolbooXmlNode        *message,
                                                                HolbooJid           **from,
                                                                gboolean             *removed);
HolbooXmlNode        *holboo_xmpp_avatar_build_data_request    (const char           *jid,
                                                                const char           *id);
GBytes               *holboo_xmpp_avatar_parse_data            (HolbooXmlNode        *iq,
                                                                const char           *id,
                                                                GError              **error);

const char           *holboo_xmpp_avatar_get_update_hash       (HolbooXmlNode        *presence);
HolbooXmlNode        *holboo_xmpp_avatar_build_vcard_temp_request (const char        *jid);
GBytes               *holboo_xmpp_avatar_parse_vcard_temp_photo (HolbooXmlNode       *iq,
                                                                char                **type,
                                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppAvatarInfo, holboo_xmpp_avatar_info_free)

G_END_DECLS
