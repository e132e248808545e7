/* store-message-util.h: building and storing messages in the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store-messages.h"
#include "store-test-util.h"

G_BEGIN_DECLS

#define ACCOUNT "bold@example.mn"
#define PEER    "bat.erdene@example.mn"
#define ROOM    "team@conference.example.mn"

/* An incoming chat message from PEER (or outgoing to it): ids NULL,
 * state received (or acked). */
HolbooStoredMessage *make_message    (HolbooMessageDirection  direction,
                                      const char             *peer,
                                      const char             *body,
                                      gint64                  timestamp);
/* Sets the archive id (by ACCOUNT) and origin-id; either may be NULL. */
void                 set_ids         (HolbooStoredMessage    *m,
                                      const char             *stanza_id,
                                      const char             *origin_id);

/* Inserts one message; returns its outcome, fills @id. */
HolbooInsertOutcome  insert_one      (HolbooStore            *store,
                                      HolbooStoredMessage    *m,
                                      gint64                 *id);

/* Counts rows with a raw query on the store's connection. */
gint64               count_rows      (HolbooStore            *store,
                                      const char             *sql);

G_END_DECLS
