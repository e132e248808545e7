/* holboo-notify-policy.h: whether a message deserves a notification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-conversation-item.h"
#include "holboo-mode-manager.h"

G_BEGIN_DECLS

/* Messages older than this when they are stored (history caught up
 * after a long time offline) do not notify one by one. */
#define HOLBOO_NOTIFY_MAX_AGE (15 * G_TIME_SPAN_MINUTE)

/**
 * HolbooNotifyContext:
 * @window_active: the app's window has the focus
 * @open_peer: (nullable): the conversation shown in the window, if any
 * @now: the current time, µs since the epoch
 * @modes: (nullable): the user's work/personal/do-not-disturb mode
 * @own_nick: (nullable): the user's nickname in the message's group,
 *   for mentions
 *
 * What the user is looking at, and is willing to hear, when a message
 * arrives.
 */
typedef struct {
  gboolean           window_active;
  const char        *open_peer;
  gint64             now;
  HolbooModeManager *modes;
  const char        *own_nick;
} HolbooNotifyContext;

gboolean holboo_notify_policy_should_notify (HolbooConversationItem    *conversation,
                                             const HolbooStoredMessage *message,
                                             const HolbooNotifyContext *context);

G_END_DECLS
