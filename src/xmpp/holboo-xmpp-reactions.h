/* holboo-xmpp-reactions.h: message reactions (XEP-0444)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_REACTIONS "urn:xmpp:reactions:0"

/* One reaction is an emoji, perhaps a long sequence of code points
 * (a family, a flag with modifiers): longer strings are not believed. */
#define HOLBOO_XMPP_REACTION_MAX_BYTES 64
/* Reactions of one sender to one message beyond this are not believed. */
#define HOLBOO_XMPP_REACTIONS_MAX      20

gboolean       holboo_xmpp_reaction_is_valid   (const char          *reaction);
HolbooXmlNode *holboo_xmpp_reactions_build     (const char          *to,
                                                const char          *id,
                                                const char          *message_id,
                                                const char * const  *reactions);
const char    *holboo_xmpp_reactions_parse     (HolbooXmlNode       *message,
                                                GStrv               *out_reactions);

G_END_DECLS
