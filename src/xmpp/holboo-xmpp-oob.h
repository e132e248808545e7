/* holboo-xmpp-oob.h: out-of-band data (XEP-0066, jabber:x:oob): a file
 * offered by URL in a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_OOB "jabber:x:oob"

/* Descriptions longer than this (in bytes) are cut. */
#define HOLBOO_XMPP_OOB_MAX_DESC_LENGTH 4096

void      holboo_xmpp_oob_add            (HolbooXmlNode *message,
                                          const char    *url,
                                          const char    *desc);
char     *holboo_xmpp_oob_get_url        (HolbooXmlNode *message,
                                          char         **desc);
gboolean  holboo_xmpp_oob_url_is_valid   (const char    *url);

G_END_DECLS
