/* holboo-store-teamlog-private.h: what the team log's store files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store-private.h"
#include "holboo-store-teamlog.h"

G_BEGIN_DECLS

/* One batch being applied, in one transaction. */
typedef struct {
  HolbooStore *store;
  GHashTable  *dirty;        /* customer ids whose search row to rewrite */
  gint64       indexed_max;  /* events up to this id are in the search index */
  gboolean     optimistic;   /* ops typed here, not yet in the log */
  gboolean     defer_search; /* customers' search rows wait for the end of a catch-up */
} Replay;

gboolean _holboo_teamlog_apply_one        (Replay           *replay,
                                           HolbooTeamlogOp  *op,
                                           gboolean         *applied,
                                           GError          **error);
gboolean _holboo_teamlog_update_search    (Replay           *replay,
                                           GError          **error);
gboolean _holboo_teamlog_find_indexed_max (Replay           *replay,
                                           GError          **error);

/* holboo-store-teamlog-outbox.c: after a batch from the log, the
 * outbox's ops it echoed leave the outbox, and the others are applied
 * again on top of it (they come after it in server order). */
gboolean _holboo_teamlog_outbox_settle    (Replay           *replay,
                                           GPtrArray        *ops,
                                           GError          **error);

G_END_DECLS
