/* holboo-mode.h: work, personal and do-not-disturb modes as pure values:
 * which mode is on at an instant, what presence it shows, and who may
 * still notify or ring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-work-schedule.h"
#include "holboo-xmpp-presence.h"

G_BEGIN_DECLS

/**
 * HolbooMode:
 * @HOLBOO_MODE_WORK: available; every message notifies, every call rings
 * @HOLBOO_MODE_PERSONAL: away; only chosen people and mentions notify,
 *   only chosen people ring
 * @HOLBOO_MODE_DND: do not disturb: nothing notifies or rings
 */
typedef enum {
  HOLBOO_MODE_WORK,
  HOLBOO_MODE_PERSONAL,
  HOLBOO_MODE_DND,
} HolbooMode;

#define HOLBOO_TYPE_MODE (holboo_mode_get_type ())
GType            holboo_mode_get_type             (void) G_GNUC_CONST;

const char      *holboo_mode_to_string            (HolbooMode          mode);
gboolean         holboo_mode_from_string          (const char         *text,
                                                   HolbooMode         *mode);
const char      *holboo_mode_weekday_name         (GDateWeekday        weekday);

/**
 * HolbooModeState:
 *
 * The mode in force at one instant, worked out from the work schedule and
 * an optional manual override, and what follows from it: the presence to
 * show, its status text, and the next instant at which anything changes.
 * Immutable and refcounted.
 */
typedef struct _HolbooModeState HolbooModeState;

#define HOLBOO_TYPE_MODE_STATE (holboo_mode_state_get_type ())
GType            holboo_mode_state_get_type       (void) G_GNUC_CONST;

HolbooModeState *holboo_mode_state_new            (HolbooWorkSchedule *schedule,
                                                   const char         *override_mode,
                                                   gint64              override_until,
                                                   GDateTime          *now);
HolbooModeState *holboo_mode_state_ref            (HolbooModeState    *self);
void             holboo_mode_state_unref          (HolbooModeState    *self);

HolbooMode       holboo_mode_state_get_mode       (HolbooModeState    *self);
gboolean         holboo_mode_state_get_manual     (HolbooModeState    *self);
gboolean         holboo_mode_state_get_work_time  (HolbooModeState    *self);
GDateTime       *holboo_mode_state_get_until      (HolbooModeState    *self);
GDateTime       *holboo_mode_state_get_back_at    (HolbooModeState    *self);
GDateTime       *holboo_mode_state_get_now        (HolbooModeState    *self);
HolbooXmppPresenceShow holboo_mode_state_get_show (HolbooModeState    *self);
char            *holboo_mode_state_dup_status     (HolbooModeState    *self);
gboolean         holboo_mode_state_equal          (HolbooModeState    *a,
                                                   HolbooModeState    *b);

GDateTime       *holboo_mode_default_until        (HolbooWorkSchedule *schedule,
                                                   GDateTime          *now);
GDateTime       *holboo_mode_tomorrow_morning     (HolbooWorkSchedule *schedule,
                                                   GDateTime          *now);
GDateTime       *holboo_mode_parse_until          (const char         *text,
                                                   GTimeZone          *time_zone,
                                                   GDateTime          *now,
                                                   GError            **error);

gboolean         holboo_mode_is_chosen            (const char         *jid,
                                                   const char * const *chosen);
gboolean         holboo_mode_should_notify        (HolbooMode          mode,
                                                   const char         *sender,
                                                   gboolean            mentions_me,
                                                   const char * const *chosen);
gboolean         holboo_mode_should_ring          (HolbooMode          mode,
                                                   const char         *caller,
                                                   const char * const *chosen);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooModeState, holboo_mode_state_unref)

G_END_DECLS
