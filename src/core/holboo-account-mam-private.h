/* holboo-account-mam-private.h: what the account's archive files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account-private.h"

G_BEGIN_DECLS

struct _HolbooMamSync {
  gatomicrefcount  ref_count;
  HolbooAccount   *account;        /* not a reference; see detached */
  gboolean         detached;       /* the account is gone: touch nothing */
  GCancellable    *cancellable;
  gulong           cancel_id;
  GCancellable    *user_cancellable;
  gboolean         catch_up;       /* whole archive, after connecting */
  HolbooJid       *archive;        /* (nullable): a room's; NULL: the account's own */
  HolbooRoomSyncDone room_done;    /* a room's catch-up */
  gpointer         room_done_data;
  char            *with;           /* fetch_older: the peer */
  GTask           *task;           /* fetch_older */
  guint            max_messages;
  HolbooMamGap    *gap;
  char            *pos_id;         /* the next query: before this id … */
  gint64           pos_ts;         /* … or (no id) before this time; neither: the newest end */
  char            *queryid;
  GPtrArray       *results;        /* (element-type HolbooXmppMamResult) */
  guint            pages;
  guint            n_fetched;
  guint            n_new;
  guint            pages_in_store; /* page batches not yet stored */
  guint            gap_rounds;     /* gaps below the first one taken in */
  gint64           ceiling;        /* the order value of the last message placed */
  GHashTable      *floors;         /* (nullable) peer → (gint64 *) its newest stored time */
  gboolean         complete;
  gboolean         finish_when_stored;
  gboolean         finished;
};

typedef struct {
  guint    n_new;
  gboolean complete;
} FetchResult;

HolbooMamSync *_holboo_mam_sync_new       (HolbooAccount      *self,
                                           gboolean            catch_up,
                                           const char         *with);
HolbooMamSync *_holboo_mam_sync_ref       (HolbooMamSync      *sync);
void           _holboo_mam_sync_unref     (HolbooMamSync      *sync);
void           _holboo_mam_sync_finish    (HolbooMamSync      *sync,
                                           GError             *error);
const char    *_holboo_mam_sync_archive   (HolbooMamSync      *sync);
void           _holboo_mam_find_gap_below (HolbooMamSync      *sync,
                                           const char         *before_id,
                                           gint64              before_ts);
void           _holboo_mam_gap_found      (HolbooAccount      *self,
                                           HolbooAccountBatch *batch,
                                           gpointer            data);

G_END_DECLS
