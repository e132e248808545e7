/* holboo-notify-policy.h: whether a message deserves a notification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-conversation-item.h"

G_BEGIN_DECLS

/* Messages older than this when they are stored (history caught up
 * after a long time offline) do not notify one by one. */
#define HOLBOO_NOTIFY_MAX_AGE (15 * G_TIME_SPAN_MINUTE)

/**
 * HolbooNotifyContext:
 * @window_active: the app's window has the focus
 * @open_peer: (nullable): the conversation shown in the window, if any
 * @now: the current time, µs since the epoch
 *
 * What the user is looking at when a message arrives.
 */
typedef struct {
  gboolean    window_active;
  const char *open_peer;
  gint64      now;
} HolbooNotifyContext;

gboolean holboo_notify_policy_should_notify (HolbooConversationItem    *conversation,
                                             const HolbooStoredMessage *message,
                                             const HolbooNotifyContext *context);

G_END_DECLS
