/* xml-test-util.h: shared helpers for the XML stream tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-stream.h"

G_BEGIN_DECLS

#define TEST_STREAM_HEADER \
  "<?xml version='1.0'?>" \
  "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'" \
  " id='s1' from='example.mn' version='1.0' xml:lang='mn'>"

/* Records what a HolbooXmlStream emits. */
typedef struct {
  HolbooXmlStream *stream;
  GPtrArray       *stanzas;      /* self-contained serializations */
  GPtrArray       *nodes;        /* the stanzas themselves */
  HolbooXmlNode   *header;       /* last stream-opened */
  HolbooXmlNode   *close;        /* WebSocket <close/> */
  guint            n_opened;
  guint            n_closed;
  char            *reset_after;  /* reset from the handler after this element */
} Collector;

void     collector_init    (Collector            *c,
                            HolbooXmlStreamFraming framing);
void     collector_clear   (Collector            *c);
void     collector_forget  (Collector            *c);
/* Feeds @data in pieces of @piece bytes (0: all at once); stops at the
 * first error. */
gboolean collector_feed    (Collector            *c,
                            const char           *data,
                            gsize                 len,
                            gsize                 piece,
                            GError              **error);
gboolean collector_feed_at (Collector            *c,
                            const char           *data,
                            gsize                 len,
                            const gsize          *cuts,
                            guint                 n_cuts,
                            GError              **error);
char    *repeat_string     (const char           *unit,
                            guint                 times);

G_END_DECLS
