/* holboo-account-teamlog-private.h: what the account's team log files
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account-private.h"
#include "holboo-account-teamlog.h"

G_BEGIN_DECLS

/* The meta key the team room's address is kept under. */
#define HOLBOO_TEAMLOG_META_ROOM "teamlog.room"

/* Archive pages asked for at once during a catch-up: the next page is
 * on its way while the last one is applied. */
#define HOLBOO_TEAMLOG_PAGE_SIZE 500

struct _HolbooAccountTeamlog {
  char        *room;          /* (nullable): the team room's bare JID */
  gboolean     loaded;        /* the store said which room (if any) */
  gint64       pending;       /* ops in the outbox */

  /* holboo-account-teamlog-sync.c: catching up on the log room's
   * archive, forward from the last op applied */
  gboolean     joined;        /* in the room, this session */
  gboolean     syncing;       /* a catch-up runs */
  gboolean     again;         /* something new arrived during it */
  guint        generation;    /* bumped per session: stale answers are ignored */
  char        *queryid;       /* the query waiting for its results */
  GPtrArray   *results;       /* (element-type HolbooXmppMamResult) */
  char        *position;      /* (nullable): the archive id to page on after */
  GPtrArray   *backlog;       /* (element-type HolbooTeamlogOp): fetched, not yet applied */
  gboolean     applying;      /* a batch is with the store */
  gboolean     search_pending; /* a batch deferred the customers' search rows */
  gboolean     fetched_all;   /* the last page said complete */
  guint        n_applied;     /* by this catch-up */
  GHashTable  *sent;          /* op uuids sent this session */
  gboolean     listing;       /* the outbox is being read for sending */
  GPtrArray   *sync_tasks;    /* (element-type GTask): holboo_account_sync_teamlog_async() */
  gint64       apply_us;      /* for benchmarks: time in the store's transactions */
  guint        n_batches;
  guint        page_size;
};

/* holboo-account-teamlog.c */
void     _holboo_account_teamlog_changed         (HolbooAccount       *self,
                                                  GPtrArray           *ops);
void     _holboo_account_teamlog_set_pending     (HolbooAccount       *self,
                                                  gint64               pending);
void     _holboo_account_teamlog_emit_state      (HolbooAccount       *self);
HolbooTeamlogOp *_holboo_account_teamlog_prepare (HolbooAccount       *self,
                                                  HolbooTeamlogOp     *op,
                                                  GError             **error);
char    *_holboo_teamlog_summary                 (HolbooTeamlogOp     *op);

/* holboo-account-teamlog-sync.c */
void     _holboo_account_teamlog_flush           (HolbooAccount       *self);
void     _holboo_account_teamlog_check_sync_tasks (HolbooAccount      *self);
HolbooTeamlogOp *_holboo_account_teamlog_op_from_result (HolbooAccount *self,
                                                  HolbooJid           *room,
                                                  const char          *id,
                                                  gint64               stamp,
                                                  HolbooXmlNode       *message,
                                                  GError             **error);

/* holboo-account-teamlog-mirror.c */
void     _holboo_account_teamlog_mirror_init     (HolbooAccount       *self);

/* Test hook: the page size of the log's catch-up. */
void     _holboo_account_teamlog_set_page_size   (HolbooAccount       *self,
                                                  guint                page_size);

G_END_DECLS
