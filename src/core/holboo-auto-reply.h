/* holboo-auto-reply.h: one polite reply to a customer who writes outside
 * work hours, per conversation per day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-mode-manager.h"

G_BEGIN_DECLS

/* Messages older than this when they arrive (caught up from the archive
 * after a night offline) get no reply: the customer has long moved on. */
#define HOLBOO_AUTO_REPLY_MAX_AGE (60 * G_TIME_SPAN_MINUTE)

#define HOLBOO_TYPE_AUTO_REPLY (holboo_auto_reply_get_type ())

G_DECLARE_FINAL_TYPE (HolbooAutoReply, holboo_auto_reply, HOLBOO, AUTO_REPLY, GObject)

HolbooAutoReply *holboo_auto_reply_new            (HolbooModeManager  *modes,
                                                   GListModel         *accounts);
guint            holboo_auto_reply_get_n_sent     (HolbooAutoReply    *self);

gboolean         holboo_auto_reply_is_colleague   (const char         *jid,
                                                   const char         *own_jid,
                                                   const char * const *team_domains);
char            *holboo_auto_reply_dup_text       (const char         *text_mn,
                                                   const char         *text_en);

G_END_DECLS
