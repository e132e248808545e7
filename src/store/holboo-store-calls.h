/* holboo-store-calls.h: the call log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-store.h"

G_BEGIN_DECLS

/**
 * HolbooStoredCall:
 * @id: the row
 * @sid: the call's session id (with @peer, what makes a call unique)
 * @peer: the other side's bare JID
 * @incoming: they called us
 * @video: with video
 * @end_reason: how it ended, the core's stable name ("missed", …)
 * @started: µs since the epoch: proposed or rung
 * @answered: µs, 0 if never answered
 * @ended: µs
 */
typedef struct {
  gint64    id;
  char     *sid;
  char     *peer;
  gboolean  incoming;
  gboolean  video;
  char     *end_reason;
  gint64    started;
  gint64    answered;
  gint64    ended;
} HolbooStoredCall;

HolbooStoredCall *holboo_stored_call_new   (const char        *sid,
                                            const char        *peer);
void              holboo_stored_call_free  (HolbooStoredCall  *self);

/* These block on disk I/O: call them on the core's worker thread. */
gboolean          holboo_store_log_call    (HolbooStore       *self,
                                            HolbooStoredCall  *call,
                                            GError           **error);
GPtrArray        *holboo_store_list_calls  (HolbooStore       *self,
                                            guint              limit,
                                            GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooStoredCall, holboo_stored_call_free)

G_END_DECLS
