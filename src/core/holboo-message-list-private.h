/* holboo-message-list-private.h: what the message list's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-message-list.h"

G_BEGIN_DECLS

struct _HolbooMessageList
{
  GObject        parent_instance;

  HolbooAccount *account;
  char          *peer;
  guint          page_size;
  GCancellable  *cancellable;

  GPtrArray     *items;          /* (element-type HolbooMessageItem) oldest first */
  GHashTable    *by_id;          /* (gint64 *) message id → item (of items or pending), not owned */
  GPtrArray     *pending;        /* (element-type HolbooMessageItem) new messages after the
                                  * last item, not announced yet (holboo-message-list.c) */
  guint          flush_id;

  gboolean       loaded;
  gboolean       loading;
  gboolean       at_start;
  GError        *error;

  gint64         read_until;
  gboolean       has_read_until;
  gint64         first_unread_id;

  /* The running load: the first page, or older history. */
  GPtrArray     *waiters;        /* (element-type GTask) */
  guint          job_loaded;
  gboolean       job_fetched;
  gboolean       job_complete;
};

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_PEER,
  PROP_PAGE_SIZE,
  PROP_LOADED,
  PROP_LOADING,
  PROP_AT_START,
  PROP_N_ITEMS,
  N_PROPS
};

extern GParamSpec *_holboo_message_list_properties[N_PROPS];

/* holboo-message-list.c */
HolbooMessageItem *_holboo_message_list_item_at           (HolbooMessageList *self,
                                                          guint              position);
gint64            *_holboo_message_list_id_key            (HolbooMessageItem *item);
void               _holboo_message_list_items_changed     (HolbooMessageList *self,
                                                          guint              position,
                                                          guint              removed,
                                                          guint              added);
void               _holboo_message_list_update_layout     (HolbooMessageList *self,
                                                          guint              first,
                                                          guint              last);
void               _holboo_message_list_find_first_unread (HolbooMessageList *self);
void               _holboo_message_list_flush             (HolbooMessageList *self);

/* holboo-message-list-paging.c */
void               _holboo_message_list_start_job         (HolbooMessageList *self);

G_END_DECLS
