/* core-live-util.h: helpers for the message pipeline's tests against the
 * harness's real Prosody or ejabberd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account-private.h"
#include "xmpp-live-util.h"

G_BEGIN_DECLS

/* One HolbooAccount with its own store in a temporary directory, and
 * what it reported. */
typedef struct {
  HolbooAccount *account;
  char          *user;
  char          *dir;          /* removed by live_account_free() unless kept */
  char          *path;
  guint          added_in;     /* ::message-added, incoming */
  guint          added_out;    /* ::message-added, outgoing */
  guint          synced;       /* ::synced */
  guint          last_synced_new;
  guint          sessions;
  guint          resumed;
  guint          lost;         /* ::session-lost */
} LiveAccount;

/* @path: NULL for a new store in a new directory. */
LiveAccount *live_account_new         (const char             *user,
                                       const char             *resource,
                                       HolbooXmppTransportKind kind,
                                       const char             *path);
/* Destroys the account; with @keep_store the directory stays (its path
 * is returned, else NULL). */
char        *live_account_free        (LiveAccount            *live,
                                       gboolean                keep_store);
/* Connects and waits for the first catch-up to finish. */
void         live_account_connect     (LiveAccount            *live);
void         live_account_flush       (LiveAccount            *live);
const char  *live_account_jid         (LiveAccount            *live);

/* Every stored message of the conversation with @peer, oldest first. */
GPtrArray   *live_account_messages    (LiveAccount            *live,
                                       const char             *peer);
/* Waits until @direction messages with @peer number @n (stored). */
gboolean     live_account_wait_count  (LiveAccount            *live,
                                       const char             *peer,
                                       HolbooMessageDirection  direction,
                                       guint                   n,
                                       guint                   timeout_ms);
/* Waits until every outgoing message to @peer is at least @state. */
gboolean     live_account_wait_state  (LiveAccount            *live,
                                       const char             *peer,
                                       HolbooMessageState      state,
                                       guint                   timeout_ms);

/* Asserts that @messages of @direction are exactly the bodies
 * "<prefix> 0" … "<prefix> n-1", each once, with distinct origin-ids,
 * and (@ordered) in that order. */
void         assert_exactly_once      (GPtrArray              *messages,
                                       HolbooMessageDirection  direction,
                                       const char             *prefix,
                                       guint                   n,
                                       gboolean                ordered);
guint        count_direction          (GPtrArray              *messages,
                                       HolbooMessageDirection  direction);
guint        count_body               (GPtrArray              *messages,
                                       const char             *body);

/* "PRAGMA integrity_check" on a second connection to the file. */
void         assert_store_intact      (const char             *path);

G_END_DECLS
