/* holboo-work-schedule.c: work hours per weekday, breaks, holidays and a
 * time zone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each weekday is two bitmaps of its 1,440 minutes: the hours worked and
 * the breaks.  A minute is work time when it is in the hours, not in a
 * break, and its local date is not a holiday.  Everything is read in the
 * schedule's own time zone, whatever zone the instant asked about is in,
 * so an Ulaanbaatar office answers the same for a caller in Berlin.
 *
 * Minutes are half-open: hours 09:00–18:00 are work at 09:00 and at
 * 17:59:59, not at 18:00.
 */

#define G_LOG_DOMAIN "holboo-work-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "holboo-work-schedule.h"

#include <stdio.h>
#include <string.h>

#define N_WEEKDAYS 7
#define BITMAP_BYTES (HOLBOO_WORK_SCHEDULE_MINUTES_PER_DAY / 8)

/* How far ahead holboo_work_schedule_next_change() looks: a year and a
 * week covers any run of holidays a real calendar has. */
#define MAX_DAYS_AHEAD 373

struct _HolbooWorkSchedule
{
  gatomicrefcount ref_count;
  GTimeZone      *time_zone;
  guint8          hours[N_WEEKDAYS][BITMAP_BYTES];
  guint8          breaks[N_WEEKDAYS][BITMAP_BYTES];
  GHashTable     *holidays;   /* GUINT_TO_POINTER (julian day) → itself */
};

G_DEFINE_BOXED_TYPE (HolbooWorkSchedule, holboo_work_schedule,
                     holboo_work_schedule_ref, holboo_work_schedule_unref)
G_DEFINE_QUARK (holboo-work-schedule-error-quark, holboo_work_schedule_error)

static inline gboolean
bit_get (const guint8 *bitmap,
         guint         minute)
{
  return (bitmap[minute / 8] >> (minute % 8)) & 1;
}

static inline void
bit_set (guint8 *bitmap,
         guint   minute)
{
  bitmap[minute / 8] |= 1 << (minute % 8);
}

static gboolean
check_interval (GDateWeekday weekday,
                guint        start_minute,
                guint        end_minute,
                GError     **error)
{
  if (!g_date_valid_weekday (weekday))
    {
      g_set_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID,
                   _("Weekday %d is not Monday (1) … Sunday (7)"), (int) weekday);
      return FALSE;
    }
  if (end_minute > HOLBOO_WORK_SCHEDULE_MINUTES_PER_DAY || start_minute >= end_minute)
    {
      g_set_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID,
                   _("%02u:%02u–%02u:%02u is not a span within one day"),
                   start_minute / 60, start_minute % 60, end_minute / 60, end_minute % 60);
      return FALSE;
    }
  return TRUE;
}

static gboolean
minute_is_work (HolbooWorkSchedule *self,
                GDateWeekday        weekday,
                guint               minute)
{
  return bit_get (self->hours[weekday - 1], minute) &&
         !bit_get (self->breaks[weekday - 1], minute);
}

static gboolean
date_is_holiday (HolbooWorkSchedule *self,
                 const GDate        *date)
{
  return g_hash_table_contains (self->holidays,
                                GUINT_TO_POINTER (g_date_get_julian (date)));
}

/* The local date and minute of @at in the schedule's zone. */
static void
to_local (HolbooWorkSchedule *self,
          GDateTime          *at,
          GDate              *date,
          guint              *minute)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (at, self->time_zone);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  *minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

static gboolean
local_is_work (HolbooWorkSchedule *self,
               const GDate        *date,
               guint               minute)
{
  return !date_is_holiday (self, date) &&
         minute_is_work (self, g_date_get_weekday (date), minute);
}

static gboolean
has_any_work (HolbooWorkSchedule *self)
{
  for (guint d = 0; d < N_WEEKDAYS; d++)
    for (guint i = 0; i < BITMAP_BYTES; i++)
      if ((self->hours[d][i] & ~self->breaks[d][i]) != 0)
        return TRUE;
  return FALSE;
}

static gboolean
add_intervals_from_variant (HolbooWorkSchedule *self,
                            GVariant           *intervals,
                            gboolean            are_breaks,
                            GError            **error)
{
  GVariantIter iter;
  guint8 weekday;
  guint16 start, end;

  if (intervals == NULL)
    return TRUE;

  if (!g_variant_is_of_type (intervals, G_VARIANT_TYPE ("a(yqq)")))
    {
      g_set_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID,
                   _("Work hours are a list of (weekday, start, end), not “%s”"),
                   g_variant_get_type_string (intervals));
      return FALSE;
    }

  g_variant_iter_init (&iter, intervals);
  while (g_variant_iter_next (&iter, "(yqq)", &weekday, &start, &end))
    {
      gboolean ok = are_breaks
        ? holboo_work_schedule_add_break (self, weekday, start, end, error)
        : holboo_work_schedule_add_hours (self, weekday, start, end, error);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/**
 * holboo_work_schedule_new:
 * @time_zone: (nullable): the zone the hours are in; %NULL for
 *   %HOLBOO_WORK_SCHEDULE_DEFAULT_TIME_ZONE
 *
 * Returns: (transfer full): a schedule with no work hours at all
 */
HolbooWorkSchedule *
holboo_work_schedule_new (GTimeZone *time_zone)
{
  HolbooWorkSchedule *self = g_new0 (HolbooWorkSchedule, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->time_zone = time_zone != NULL
    ? g_time_zone_ref (time_zone)
    : g_time_zone_new_identifier (HOLBOO_WORK_SCHEDULE_DEFAULT_TIME_ZONE);
  /* A system without tzdata still gets a usable (if wrong) zone. */
  if (self->time_zone == NULL)
    self->time_zone = g_time_zone_new_offset (8 * 3600);
  self->holidays = g_hash_table_new (NULL, NULL);
  return self;
}

/**
 * holboo_work_schedule_new_default:
 *
 * Returns: (transfer full): Monday to Friday, 09:00–18:00 with a lunch
 *   break 13:00–14:00, in Asia/Ulaanbaatar: the schema's defaults
 */
HolbooWorkSchedule *
holboo_work_schedule_new_default (void)
{
  HolbooWorkSchedule *self = holboo_work_schedule_new (NULL);

  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_FRIDAY; day++)
    {
      holboo_work_schedule_add_hours (self, day, 9 * 60, 18 * 60, NULL);
      holboo_work_schedule_add_break (self, day, 13 * 60, 14 * 60, NULL);
    }
  return self;
}

/**
 * holboo_work_schedule_new_from_variants:
 * @hours: (nullable): `a(yqq)`: weekday (1 = Monday … 7 = Sunday), start
 *   and end minute of each span of work hours
 * @breaks: (nullable): `a(yqq)`: the breaks, in the same form
 * @holidays: (nullable): days off as "YYYY-MM-DD"
 * @time_zone: (nullable): a zone identifier such as "Asia/Ulaanbaatar";
 *   %NULL or "" for the default
 * @error: set when any part is invalid
 *
 * Builds a schedule from its settings (the `work-*` keys of the schema).
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL on error
 */
HolbooWorkSchedule *
holboo_work_schedule_new_from_variants (GVariant           *hours,
                                        GVariant           *breaks,
                                        const char * const *holidays,
                                        const char         *time_zone,
                                        GError            **error)
{
  g_autoptr(HolbooWorkSchedule) self = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  if (time_zone != NULL && *time_zone != '\0')
    {
      zone = g_time_zone_new_identifier (time_zone);
      if (zone == NULL)
        {
          g_set_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID,
                       _("“%s” is not a known time zone"), time_zone);
          return NULL;
        }
    }

  self = holboo_work_schedule_new (zone);
  if (!add_intervals_from_variant (self, hours, FALSE, error) ||
      !add_intervals_from_variant (self, breaks, TRUE, error))
    return NULL;

  for (guint i = 0; holidays != NULL && holidays[i] != NULL; i++)
    if (!holboo_work_schedule_add_holiday (self, holidays[i], error))
      return NULL;

  return g_steal_pointer (&self);
}

HolbooWorkSchedule *
holboo_work_schedule_ref (HolbooWorkSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
holboo_work_schedule_unref (HolbooWorkSchedule *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_time_zone_unref (self->time_zone);
  g_hash_table_unref (self->holidays);
  g_free (self);
}

/**
 * holboo_work_schedule_get_time_zone:
 *
 * Returns: (transfer none): the zone the hours are read in
 */
GTimeZone *
holboo_work_schedule_get_time_zone (HolbooWorkSchedule *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time_zone;
}

/**
 * holboo_work_schedule_add_hours:
 * @weekday: the day
 * @start_minute: first minute of work, 0 … 1439
 * @end_minute: the minute work stops, @start_minute + 1 … 1440
 * @error: set when the span is not within one day
 *
 * Adds work hours; spans may overlap (they add up).
 */
gboolean
holboo_work_schedule_add_hours (HolbooWorkSchedule *self,
                                GDateWeekday        weekday,
                                guint               start_minute,
                                guint               end_minute,
                                GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_interval (weekday, start_minute, end_minute, error))
    return FALSE;

  for (guint m = start_minute; m < end_minute; m++)
    bit_set (self->hours[weekday - 1], m);
  return TRUE;
}

/**
 * holboo_work_schedule_add_break:
 *
 * Takes a span out of the day's work hours, whatever order the hours and
 * breaks are added in.  A break outside the hours changes nothing.
 */
gboolean
holboo_work_schedule_add_break (HolbooWorkSchedule *self,
                                GDateWeekday        weekday,
                                guint               start_minute,
                                guint               end_minute,
                                GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!check_interval (weekday, start_minute, end_minute, error))
    return FALSE;

  for (guint m = start_minute; m < end_minute; m++)
    bit_set (self->breaks[weekday - 1], m);
  return TRUE;
}

/**
 * holboo_work_schedule_add_holiday:
 * @iso_date: "YYYY-MM-DD", a date in the schedule's zone
 *
 * Makes a whole day a day off (Tsagaan Sar, Naadam, …).
 */
gboolean
holboo_work_schedule_add_holiday (HolbooWorkSchedule *self,
                                  const char         *iso_date,
                                  GError            **error)
{
  guint year, month, day;
  char tail;
  GDate date;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (iso_date != NULL, FALSE);

  if (strlen (iso_date) != 10 ||
      sscanf (iso_date, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID,
                   _("“%s” is not a date of the form YYYY-MM-DD"), iso_date);
      return FALSE;
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_hash_table_add (self->holidays, GUINT_TO_POINTER (g_date_get_julian (&date)));
  return TRUE;
}

/**
 * holboo_work_schedule_is_holiday:
 *
 * Returns: whether @at falls on a day off, in the schedule's zone
 */
gboolean
holboo_work_schedule_is_holiday (HolbooWorkSchedule *self,
                                 GDateTime          *at)
{
  GDate date;
  guint minute;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  to_local (self, at, &date, &minute);
  return date_is_holiday (self, &date);
}

/**
 * holboo_work_schedule_get_minutes:
 *
 * Returns: how many minutes of work @weekday has, breaks taken out
 */
guint
holboo_work_schedule_get_minutes (HolbooWorkSchedule *self,
                                  GDateWeekday        weekday)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (g_date_valid_weekday (weekday), 0);

  for (guint m = 0; m < HOLBOO_WORK_SCHEDULE_MINUTES_PER_DAY; m++)
    n += minute_is_work (self, weekday, m);
  return n;
}

/**
 * holboo_work_schedule_is_work_time:
 * @at: any instant, in any zone
 *
 * Returns: whether @at is within work hours
 */
gboolean
holboo_work_schedule_is_work_time (HolbooWorkSchedule *self,
                                   GDateTime          *at)
{
  GDate date;
  guint minute;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  to_local (self, at, &date, &minute);
  return local_is_work (self, &date, minute);
}

/**
 * holboo_work_schedule_next_change:
 * @after: any instant, in any zone
 *
 * Finds when work time starts (if @after is outside it) or stops (if
 * inside): "back at 09:00", "until 13:00".  Work that runs on past
 * midnight into the next day's hours is one stretch, not two.
 *
 * Returns: (transfer full) (nullable): the first instant after @after
 *   whose state differs from @after's, in the schedule's zone; %NULL if
 *   nothing changes within a year (no hours at all, or work every minute)
 */
GDateTime *
holboo_work_schedule_next_change (HolbooWorkSchedule *self,
                                  GDateTime          *after)
{
  GDate date;
  guint minute;
  gboolean state, previous;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  to_local (self, after, &date, &minute);
  state = local_is_work (self, &date, minute);
  if (!state && !has_any_work (self))
    return NULL;

  /* Walk the local minutes from the start of @after's day: a state
   * change at a minute is a candidate; the first one after @after whose
   * new state differs from @after's is the answer.  Local days are
   * walked rather than instants, so a DST jump skips or repeats minutes
   * the way the office's clock does. */
  previous = local_is_work (self, &date, 0);
  for (guint d = 0; d < MAX_DAYS_AHEAD; d++)
    {
      gboolean holiday = date_is_holiday (self, &date);
      GDateWeekday weekday = g_date_get_weekday (&date);

      for (guint m = 0; m < HOLBOO_WORK_SCHEDULE_MINUTES_PER_DAY; m++)
        {
          gboolean now = !holiday && minute_is_work (self, weekday, m);
          g_autoptr(GDateTime) at = NULL;

          if (now == previous)
            continue;
          previous = now;

          if (now == state)
            continue;

          at = g_date_time_new (self->time_zone,
                                g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), m / 60, m % 60, 0);
          if (at != NULL && g_date_time_compare (at, after) > 0)
            return g_steal_pointer (&at);
        }
      g_date_add_days (&date, 1);
    }

  return NULL;
}
