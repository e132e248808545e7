/* holboo-xmpp-mam.h: message archive management (XEP-0313, urn:xmpp:mam:2)
 * with result set management (XEP-0059)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-jid.h"
#include "holboo-xml-node.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_MAM  "urn:xmpp:mam:2"
#define HOLBOO_XMLNS_RSM  "http://jabber.org/protocol/rsm"
#define HOLBOO_XMLNS_DATA "jabber:x:data"

/**
 * HolbooXmppMamQuery:
 * @archive: (nullable): the archive to ask (a room); %NULL for the
 *   account's own
 * @queryid: the query's id, repeated in each result
 * @with: (nullable): only messages exchanged with this JID
 * @before: (nullable): RSM `<before/>`: the page just before this archive
 *   id; "" for the last page of the archive (newest first paging)
 * @after: (nullable): RSM `<after/>`: the page just after this archive id
 * @end: (nullable when 0): only messages archived at or before this time,
 *   µs since the epoch
 * @max: at most this many results (the server may send fewer)
 *
 * A query, as holboo_xmpp_mam_build_query() writes it.
 */
typedef struct {
  const char *archive;
  const char *queryid;
  const char *with;
  const char *before;
  const char *after;
  gint64      end;
  guint       max;
} HolbooXmppMamQuery;

/**
 * HolbooXmppMamResult:
 * @queryid: the query it answers
 * @id: its archive id
 * @stamp: when the archive stored it, µs since the epoch
 * @message: the archived message (a `<message/>` in jabber:client)
 *
 * One archived message, out of its `<result/>` wrapper.
 */
typedef struct {
  char          *queryid;
  char          *id;
  gint64         stamp;
  HolbooXmlNode *message;
} HolbooXmppMamResult;

/**
 * HolbooXmppMamFin:
 * @complete: the archive has nothing beyond this page in the direction
 *   paged (older for `<before/>`, newer for `<after/>`)
 * @first: (nullable): archive id of the page's first (oldest) result
 * @last: (nullable): archive id of its last (newest) result
 *
 * The end of a query: the iq result's `<fin/>`.
 */
typedef struct {
  gboolean  complete;
  char     *first;
  char     *last;
} HolbooXmppMamFin;

HolbooXmlNode       *holboo_xmpp_mam_build_query  (const HolbooXmppMamQuery *query);
const char          *holboo_xmpp_mam_get_queryid  (HolbooXmlNode            *stanza);
HolbooXmppMamResult *holboo_xmpp_mam_parse_result (HolbooXmlNode            *stanza,
                                                   const HolbooJid          *archive,
                                                   gboolean                  own_archive,
                                                   GError                  **error);
void                 holboo_xmpp_mam_result_free  (HolbooXmppMamResult      *result);
HolbooXmppMamFin    *holboo_xmpp_mam_parse_fin    (HolbooXmlNode            *iq,
                                                   GError                  **error);
void                 holboo_xmpp_mam_fin_free     (HolbooXmppMamFin         *fin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppMamResult, holboo_xmpp_mam_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppMamFin, holboo_xmpp_mam_fin_free)

G_END_DECLS
