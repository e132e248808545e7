/* holboo-jid.h: XMPP addresses (RFC 7622)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

/* RFC 7622 §3.1: each part is at most 1023 octets once prepared. */
#define HOLBOO_JID_MAX_PART_LENGTH 1023

#define HOLBOO_JID_ERROR (holboo_jid_error_quark ())

/**
 * HolbooJidError:
 * @HOLBOO_JID_ERROR_INVALID_UTF8: the text is not valid UTF-8 or holds a NUL
 * @HOLBOO_JID_ERROR_EMPTY_PART: a part that is present is empty (`@x`,
 *   `x/`), or there is no domain at all
 * @HOLBOO_JID_ERROR_TOO_LONG: a part is longer than 1023 bytes
 * @HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER: the localpart or resourcepart
 *   holds a character its profile does not allow
 * @HOLBOO_JID_ERROR_INVALID_DOMAIN: the domainpart is neither a valid
 *   domain name nor an IP literal
 */
typedef enum {
  HOLBOO_JID_ERROR_INVALID_UTF8,
  HOLBOO_JID_ERROR_EMPTY_PART,
  HOLBOO_JID_ERROR_TOO_LONG,
  HOLBOO_JID_ERROR_FORBIDDEN_CHARACTER,
  HOLBOO_JID_ERROR_INVALID_DOMAIN,
} HolbooJidError;

#define HOLBOO_TYPE_JID (holboo_jid_get_type ())

GType        holboo_jid_get_type          (void) G_GNUC_CONST;
GQuark       holboo_jid_error_quark       (void);

HolbooJid   *holboo_jid_parse             (const char       *str,
                                           gssize            length,
                                           GError          **error);
HolbooJid   *holboo_jid_new               (const char       *localpart,
                                           const char       *domainpart,
                                           const char       *resourcepart,
                                           GError          **error);
HolbooJid   *holboo_jid_ref               (HolbooJid        *jid);
void         holboo_jid_unref             (HolbooJid        *jid);

const char  *holboo_jid_get_localpart     (const HolbooJid  *jid);
const char  *holboo_jid_get_domainpart    (const HolbooJid  *jid);
const char  *holboo_jid_get_resourcepart  (const HolbooJid  *jid);
const char  *holboo_jid_to_string         (const HolbooJid  *jid);
const char  *holboo_jid_get_bare_string   (const HolbooJid  *jid);

gboolean     holboo_jid_is_bare           (const HolbooJid  *jid);
gboolean     holboo_jid_is_full           (const HolbooJid  *jid);
gboolean     holboo_jid_is_domain         (const HolbooJid  *jid);

HolbooJid   *holboo_jid_get_bare          (HolbooJid        *jid);
HolbooJid   *holboo_jid_with_resource     (const HolbooJid  *jid,
                                           const char       *resourcepart,
                                           GError          **error);

gboolean     holboo_jid_equal             (gconstpointer     a,
                                           gconstpointer     b);
gboolean     holboo_jid_equal_bare        (const HolbooJid  *a,
                                           const HolbooJid  *b);
guint        holboo_jid_hash              (gconstpointer     jid);

char        *holboo_jid_normalize         (const char       *str,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooJid, holboo_jid_unref)

G_END_DECLS
