/* holboo-work-schedule.h: work hours per weekday, breaks, holidays and a
 * time zone; "is it work time now" and "when does that change"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HOLBOO_WORK_SCHEDULE_DEFAULT_TIME_ZONE "Asia/Ulaanbaatar"

/* A day's minutes: 0 … 1440 (24:00, the end of the day). */
#define HOLBOO_WORK_SCHEDULE_MINUTES_PER_DAY 1440

#define HOLBOO_WORK_SCHEDULE_ERROR (holboo_work_schedule_error_quark ())

/**
 * HolbooWorkScheduleError:
 * @HOLBOO_WORK_SCHEDULE_ERROR_INVALID: an interval, a date or a time zone
 *   that makes no sense (end before start, weekday 0, "2026-02-30")
 */
typedef enum {
  HOLBOO_WORK_SCHEDULE_ERROR_INVALID,
} HolbooWorkScheduleError;

/**
 * HolbooWorkSchedule:
 *
 * When someone works, as a pure value: a set of work intervals for each
 * weekday (in minutes since local midnight), minus breaks, minus whole
 * days off (holidays), read in one time zone.  Nothing here looks at the
 * clock: every question takes the instant it is about, so it is tested
 * without waiting for Monday.
 *
 * An interval never crosses midnight: a night shift is two intervals
 * (Mon 22:00–24:00, Tue 00:00–06:00), and holboo_work_schedule_next_change()
 * sees them as one stretch of work.
 *
 * Refcounted; not thread-safe while it is being built, read-only after.
 */
typedef struct _HolbooWorkSchedule HolbooWorkSchedule;

#define HOLBOO_TYPE_WORK_SCHEDULE (holboo_work_schedule_get_type ())

GType               holboo_work_schedule_get_type       (void) G_GNUC_CONST;
GQuark              holboo_work_schedule_error_quark    (void);

HolbooWorkSchedule *holboo_work_schedule_new            (GTimeZone          *time_zone);
HolbooWorkSchedule *holboo_work_schedule_new_default    (void);
HolbooWorkSchedule *holboo_work_schedule_new_from_variants (GVariant        *hours,
                                                        GVariant           *breaks,
                                                        const char * const *holidays,
                                                        const char         *time_zone,
                                                        GError            **error);
HolbooWorkSchedule *holboo_work_schedule_ref            (HolbooWorkSchedule *self);
void                holboo_work_schedule_unref          (HolbooWorkSchedule *self);

GTimeZone          *holboo_work_schedule_get_time_zone  (HolbooWorkSchedule *self);

gboolean            holboo_work_schedule_add_hours      (HolbooWorkSchedule *self,
                                                         GDateWeekday        weekday,
                                                         guint               start_minute,
                                                         guint               end_minute,
                                                         GError            **error);
gboolean            holboo_work_schedule_add_break      (HolbooWorkSchedule *self,
                                                         GDateWeekday        weekday,
                                                         guint               start_minute,
                                                         guint               end_minute,
                                                         GError            **error);
gboolean            holboo_work_schedule_add_holiday    (HolbooWorkSchedule *self,
                                                         const char         *iso_date,
                                                         GError            **error);
gboolean            holboo_work_schedule_is_holiday     (HolbooWorkSchedule *self,
                                                         GDateTime          *at);
guint               holboo_work_schedule_get_minutes    (HolbooWorkSchedule *self,
                                                         GDateWeekday        weekday);

gboolean            holboo_work_schedule_is_work_time   (HolbooWorkSchedule *self,
                                                         GDateTime          *at);
GDateTime          *holboo_work_schedule_next_change    (HolbooWorkSchedule *self,
                                                         GDateTime          *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooWorkSchedule, holboo_work_schedule_unref)

G_END_DECLS
