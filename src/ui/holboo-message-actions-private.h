/* holboo-message-actions-private.h: shared by holboo-message-actions.c
 * (message actions, composer modes, drafts), holboo-message-menu.c (the
 * menu, reactions) and holboo-message-files.c (attach, drop, paste,
 * open, save, transfers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-message-actions.h"
#include "holboo-reply-bar.h"

G_BEGIN_DECLS

struct _HolbooMessageActions
{
  GObject              parent_instance;

  GtkWidget           *view;          /* owns us; cleared by _detach() */
  GtkWidget           *messages;      /* the overlay over the list views */
  GtkListView         *list_view;     /* the one shown */
  GtkWidget           *hover_button;  /* the menu button over the hovered row */
  GtkTextView         *composer;
  AdwToastOverlay     *toasts;
  GtkRevealer         *bar_revealer;
  HolbooReplyBar      *bar;
  GSimpleActionGroup  *group;

  HolbooMessageList   *list;
  char                *peer_name;
  HolbooStoredMessage *reply_to;
  HolbooStoredMessage *editing;
  char                *text_before_edit;
  GtkWidget           *menu;          /* the open popover, if any */
  GCancellable        *cancellable;   /* of the open conversation */
  guint                draft_timeout;
  gboolean             setting_text;  /* we, not the user, change the composer */
};

HolbooStoredMessage *_holboo_message_actions_lookup     (HolbooMessageActions *self,
                                                         gint64                id);
void                 _holboo_message_actions_toast      (HolbooMessageActions *self,
                                                         const char           *text);
void                 _holboo_message_actions_send_files (HolbooMessageActions *self,
                                                         GSList               *files);
gboolean             _holboo_message_actions_editable   (HolbooStoredMessage  *m);
void                 _holboo_message_menu_init          (HolbooMessageActions *self);
void                 _holboo_message_menu_close         (HolbooMessageActions *self);
void                 _holboo_message_files_init         (HolbooMessageActions *self);

G_END_DECLS
