/* holboo-conversation-view-private.h: what the conversation view's
 * files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "holboo-conversation-search.h"
#include "holboo-conversation-view.h"
#include "holboo-customer-banner.h"
#include "holboo-message-actions.h"
#include "holboo-occupants-view.h"

G_BEGIN_DECLS

/* One conversation's list view (holboo-conversation-view-list.c). */
typedef struct {
  HolbooConversationView *view;       /* not owned: it owns the page */
  HolbooMessageList      *list;
  char                   *name;
  GtkScrolledWindow      *scrolled;   /* owned by the pages stack */
  GtkListView            *list_view;
} Page;

struct _HolbooConversationView
{
  GtkWidget          parent_instance;

  HolbooMessageList *list;
  Page              *page;          /* list's, in pages */
  GQueue             kept;          /* (element-type Page) most recent first */
  gboolean           sticky;        /* follow the newest message */
  gboolean           scrolling;     /* we are moving the adjustment */
  gboolean           dragging;      /* the user holds the scrollbar */
  gint64             user_scrolled; /* when the user last scrolled up */
  guint              stick_tick;
  guint              keep_tick;
  gint64             keep_id;       /* the message to keep in place … */
  double             keep_y;        /* … at this height in the view */
  guint              keep_frames;
  guint              stick_frames;  /* frames the bottom must stay put */
  double             stick_bottom;
  gint64             failed_at;
  GCancellable      *cancellable;
  HolbooMessageActions *actions;    /* reply, react, edit, delete, files, drafts */
  HolbooConversationItem *item;     /* the open conversation, as listed */
  HolbooRoom        *room;          /* its group chat, for a group */
  gint64             jump_id;       /* the message to show, 0: none */
  gint64             match_id;      /* the message highlighted */
  guint              jump_pages;

  GtkWidget         *back_button;
  AdwWindowTitle    *title;
  HolbooCustomerBanner *customer_banner;
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  GtkSpinner        *spinner;
  GtkStack          *pages;
  GtkScrolledWindow *scrolled;      /* the page's */
  GtkListView       *list_view;     /* the page's */
  GtkTextView       *composer;
  GtkWidget         *send_button;
  GtkWidget         *emoji_button;
  GtkWidget         *attach_button;
  GtkRevealer       *reply_revealer;
  GtkOverlay        *messages_overlay;
  GtkWidget         *members_button;
  GtkWidget         *menu_button;
  HolbooOccupantsView *occupants_view;
  HolbooConversationSearch *search;
};

/* holboo-conversation-view-list.c */
void _holboo_conversation_view_show_list       (HolbooConversationView *self,
                                                HolbooMessageList      *list,
                                                const char             *name);
void _holboo_conversation_view_forget_lists    (HolbooConversationView *self);
void _holboo_conversation_view_stop_scrolling  (HolbooConversationView *self);

/* holboo-conversation-view-header.c: members, menu, subtitle, search */
void _holboo_conversation_view_header_class_init (GtkWidgetClass       *widget_class);
void _holboo_conversation_view_header_init     (HolbooConversationView *self);
void _holboo_conversation_view_header_list_changed (HolbooConversationView *self);
void _holboo_conversation_view_try_jump        (HolbooConversationView *self);
void _holboo_conversation_view_mark_match      (HolbooConversationView *self,
                                                GtkWidget              *row,
                                                HolbooMessageItem      *item);

G_END_DECLS
