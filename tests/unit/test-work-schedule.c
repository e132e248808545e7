/* test-work-schedule.c: HolbooWorkSchedule across weekday boundaries,
 * breaks, holidays and time zones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "holboo-work-schedule.h"

/* 2026-11-23 is a Monday. */
static GDateTime *
at_zone (const char *zone_id,
         int         year,
         int         month,
         int         day,
         int         hour,
         int         minute,
         double      seconds)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, seconds);
}

static GDateTime *
ub (int day,
    int hour,
    int minute)
{
  return at_zone ("Asia/Ulaanbaatar", 2026, 11, day, hour, minute, 0);
}

static void
assert_work (HolbooWorkSchedule *schedule,
             GDateTime          *at,
             gboolean            expected)
{
  g_autofree char *text = g_date_time_format_iso8601 (at);

  if (holboo_work_schedule_is_work_time (schedule, at) != expected)
    g_error ("%s: expected %s", text, expected ? "work" : "not work");
  g_date_time_unref (at);
}

static void
assert_next (HolbooWorkSchedule *schedule,
             GDateTime          *after,
             const char         *expected_iso)
{
  g_autoptr(GDateTime) next = holboo_work_schedule_next_change (schedule, after);
  g_autofree char *after_text = g_date_time_format_iso8601 (after);
  g_autofree char *text = next != NULL ? g_date_time_format_iso8601 (next) : NULL;

  if (g_strcmp0 (text, expected_iso) != 0)
    g_error ("next change after %s: got %s, expected %s", after_text,
             text ? text : "(none)", expected_iso ? expected_iso : "(none)");
  g_date_time_unref (after);
}

static void
test_default_week (void)
{
  g_autoptr(HolbooWorkSchedule) schedule = holboo_work_schedule_new_default ();

  g_assert_cmpstr (g_time_zone_get_identifier (holboo_work_schedule_get_time_zone (schedule)),
                   ==, "Asia/Ulaanbaatar");
  g_assert_cmpuint (holboo_work_schedule_get_minutes (schedule, G_DATE_MONDAY), ==, 8 * 60);
  g_assert_cmpuint (holboo_work_schedule_get_minutes (schedule, G_DATE_SATURDAY), ==, 0);

  assert_work (schedule, ub (23, 8, 59), FALSE);
  assert_work (schedule, ub (23, 9, 0), TRUE);          /* the first minute counts */
  assert_work (schedule, ub (23, 12, 59), TRUE);
  assert_work (schedule, ub (23, 13, 0), FALSE);        /* lunch */
  assert_work (schedule, ub (23, 13, 59), FALSE);
  assert_work (schedule, ub (23, 14, 0), TRUE);
  assert_work (schedule, at_zone ("Asia/Ulaanbaatar", 2026, 11, 23, 17, 59, 59.9), TRUE);
  assert_work (schedule, ub (23, 18, 0), FALSE);        /* the end is not work */
  assert_work (schedule, ub (27, 10, 0), TRUE);         /* Friday */
  assert_work (schedule, ub (28, 10, 0), FALSE);        /* Saturday */
  assert_work (schedule, ub (29, 10, 0), FALSE);        /* Sunday */

  assert_next (schedule, ub (23, 8, 0), "2026-11-23T09:00:00+08");
  assert_next (schedule, ub (23, 9, 0), "2026-11-23T13:00:00+08");
  assert_next (schedule, ub (23, 13, 30), "2026-11-23T14:00:00+08");
  assert_next (schedule, ub (23, 15, 0), "2026-11-23T18:00:00+08");
  /* Friday evening: back on Monday, across the weekend and a month end. */
  assert_next (schedule, ub (27, 18, 0), "2026-11-30T09:00:00+08");
  assert_next (schedule, ub (28, 12, 0), "2026-11-30T09:00:00+08");
  assert_next (schedule, at_zone ("Asia/Ulaanbaatar", 2026, 11, 29, 23, 59, 59), "2026-11-30T09:00:00+08");
}

static void
test_time_zones (void)
{
  g_autoptr(HolbooWorkSchedule) schedule = holboo_work_schedule_new_default ();

  /* 01:00 UTC on Monday is 09:00 in Ulaanbaatar (UTC+8, no DST). */
  assert_work (schedule, at_zone ("UTC", 2026, 11, 23, 0, 59, 0), FALSE);
  assert_work (schedule, at_zone ("UTC", 2026, 11, 23, 1, 0, 0), TRUE);
  /* Sunday 23:30 in Berlin is already Monday 06:30 in Ulaanbaatar: still off. */
  assert_work (schedule, at_zone ("Europe/Berlin", 2026, 11, 22, 23, 30, 0), FALSE);
  /* Friday 10:30 UTC is 18:30 in Ulaanbaatar: off, though 10:30 is work time in UTC. */
  assert_work (schedule, at_zone ("UTC", 2026, 11, 27, 10, 30, 0), FALSE);
  /* The answer is in the office's zone whatever the question's zone. */
  assert_next (schedule, at_zone ("UTC", 2026, 11, 22, 20, 0, 0), "2026-11-23T09:00:00+08");
  /* In summer too: Mongolia has no DST (it stopped in 2017). */
  assert_work (schedule, at_zone ("UTC", 2026, 7, 1, 1, 0, 0), TRUE);
  assert_work (schedule, at_zone ("UTC", 2026, 7, 1, 0, 59, 0), FALSE);
}

static void
test_dst_zone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(HolbooWorkSchedule) schedule = holboo_work_schedule_new (berlin);

  holboo_work_schedule_add_hours (schedule, G_DATE_MONDAY, 9 * 60, 17 * 60, &error);
  g_assert_no_error (error);

  /* Local hours stay local across the clock change (2026-10-25). */
  assert_work (schedule, at_zone ("UTC", 2026, 10, 19, 7, 0, 0), TRUE);   /* 09:00 CEST */
  assert_work (schedule, at_zone ("UTC", 2026, 10, 26, 7, 0, 0), FALSE);  /* 08:00 CET */
  assert_work (schedule, at_zone ("UTC", 2026, 10, 26, 8, 0, 0), TRUE);   /* 09:00 CET */
  assert_next (schedule, at_zone ("UTC", 2026, 10, 20, 12, 0, 0), "2026-10-26T09:00:00+01");
}

static void
test_night_shift (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooWorkSchedule) schedule = holboo_work_schedule_new (NULL);

  /* Sunday night to Monday morning, then Monday night. */
  g_assert_true (holboo_work_schedule_add_hours (schedule, G_DATE_SUNDAY, 22 * 60, 1440, &error));
  g_assert_true (holboo_work_schedule_add_hours (schedule, G_DATE_MONDAY, 0, 6 * 60, &error));
  g_assert_no_error (error);

  assert_work (schedule, ub (22, 23, 59), TRUE);
  assert_work (schedule, ub (23, 0, 0), TRUE);
  assert_work (schedule, ub (23, 6, 0), FALSE);
  /* Midnight is not a change: one stretch from 22:00 to 06:00. */
  assert_next (schedule, ub (22, 23, 0), "2026-11-23T06:00:00+08");
  assert_next (schedule, ub (22, 21, 0), "2026-11-22T22:00:00+08");
  /* Monday 06:00 → next Sunday 22:00, across the week's wrap. */
  assert_next (schedule, ub (23, 6, 0), "2026-11-29T22:00:00+08");
}

static void
test_breaks_any_order (void)
{
  g_autoptr(HolbooWorkSchedule) schedule = holboo_work_schedule_new (NULL);

  /* A break added before its hours still counts; two breaks. */
  holboo_work_schedule_add_break (schedule, G_DATE_TUESDAY, 12 * 60, 13 * 60, NULL);
  holboo_work_schedule_add_hours (schedule, G_DATE_TUESDAY, 8 * 60, 17 * 60, NULL);
  holboo_work_schedule_add_break (schedule, G_DATE_TUESDAY, 15 * 60, 15 * 60 + 15, NULL);
  /* A break outside the hours changes nothing. */
  holboo_work_schedule_add_break (schedule, G_DATE_TUESDAY, 20 * 60, 21 * 60, NULL);

  g_assert_cmpuint (holboo_work_schedule_get_minutes (schedule, G_DATE_TUESDAY), ==, 9 * 60 - 75);
  assert_work (schedule, ub (24, 12, 30), FALSE);
  assert_work (schedule, ub (24, 15, 10), FALSE);
  assert_work (schedule, ub (24, 15, 15), TRUE);
  assert_next (schedule, ub (24, 14, 0), "2026-11-24T15:00:00+08");
  assert_next (schedule, ub (24, 15, 0), "2026-11-24T15:15:00+08");

  /* A break that swallows the whole day leaves no work at all. */
  holboo_work_schedule_add_break (schedule, G_DATE_TUESDAY, 0, 1440, NULL);
  assert_next (schedule, ub (24, 14, 0), NULL);
}

static void
test_holidays (void)
{
  g_autoptr(HolbooWorkSchedule) schedule = holboo_work_schedule_new_default ();
  g_autoptr(GError) error = NULL;

  /* Tsagaan Sar 2027: 6–8 February (Sat–Mon); the Monday is off. */
  for (guint i = 0; i < 3; i++)
    {
      const char *days[] = { "2027-02-06", "2027-02-07", "2027-02-08" };

      g_assert_true (holboo_work_schedule_add_holiday (schedule, days[i], &error));
      g_assert_no_error (error);
    }

  assert_work (schedule, at_zone ("Asia/Ulaanbaatar", 2027, 2, 8, 10, 0, 0), FALSE);
  assert_work (schedule, at_zone ("Asia/Ulaanbaatar", 2027, 2, 9, 10, 0, 0), TRUE);
  g_assert_true (holboo_work_schedule_is_holiday (schedule,
                 at_zone ("Asia/Ulaanbaatar", 2027, 2, 8, 0, 0, 0)));
  /* Friday evening → Tuesday, skipping the holiday Monday. */
  assert_next (schedule, at_zone ("Asia/Ulaanbaatar", 2027, 2, 5, 18, 0, 0),
               "2027-02-09T09:00:00+08");
  /* The holiday is the office's date, whatever zone asks: Monday 02:00
   * UTC is the holiday's 10:00, Tuesday 01:00 UTC is 09:00 after it. */
  assert_work (schedule, at_zone ("UTC", 2027, 2, 8, 2, 0, 0), FALSE);
  assert_work (schedule, at_zone ("UTC", 2027, 2, 9, 1, 0, 0), TRUE);
}

static void
test_invalid (void)
{
  g_autoptr(HolbooWorkSchedule) schedule = holboo_work_schedule_new (NULL);
  const char *bad_dates[] = { "2026-02-30", "2026-13-01", "26-01-01", "2026-01-01x", "", "2026-1-1" };
  GError *error = NULL;

  g_assert_false (holboo_work_schedule_add_hours (schedule, 0, 0, 60, &error));
  g_assert_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (holboo_work_schedule_add_hours (schedule, 8, 0, 60, &error));
  g_clear_error (&error);
  g_assert_false (holboo_work_schedule_add_hours (schedule, G_DATE_MONDAY, 600, 540, &error));
  g_clear_error (&error);
  g_assert_false (holboo_work_schedule_add_hours (schedule, G_DATE_MONDAY, 600, 600, &error));
  g_clear_error (&error);
  g_assert_false (holboo_work_schedule_add_break (schedule, G_DATE_MONDAY, 0, 1441, &error));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_assert_false (holboo_work_schedule_add_holiday (schedule, bad_dates[i], &error));
      g_assert_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* Nothing was added: no work, no change ever. */
  assert_next (schedule, ub (23, 9, 0), NULL);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GVariant) hours = NULL;
  g_autoptr(GVariant) breaks = NULL;
  g_auto(GStrv) holidays = NULL;
  g_autofree char *zone = NULL;
  g_autoptr(HolbooWorkSchedule) schedule = NULL;
  g_autoptr(HolbooWorkSchedule) bad = NULL;
  g_autoptr(GError) error = NULL;

  /* The schema's defaults are the default schedule. */
  hours = g_settings_get_value (settings, "work-hours");
  breaks = g_settings_get_value (settings, "work-breaks");
  holidays = g_settings_get_strv (settings, "work-holidays");
  zone = g_settings_get_string (settings, "work-time-zone");
  schedule = holboo_work_schedule_new_from_variants (hours, breaks,
                                                     (const char * const *) holidays,
                                                     zone, &error);
  g_assert_no_error (error);
  for (GDateWeekday day = G_DATE_MONDAY; day <= G_DATE_SUNDAY; day++)
    {
      g_autoptr(HolbooWorkSchedule) reference = holboo_work_schedule_new_default ();

      g_assert_cmpuint (holboo_work_schedule_get_minutes (schedule, day), ==,
                        holboo_work_schedule_get_minutes (reference, day));
    }
  assert_next (schedule, ub (23, 13, 0), "2026-11-23T14:00:00+08");

  /* A saved value that makes no sense is an error, not a crash. */
  g_settings_set_value (settings, "work-hours",
                        g_variant_new_parsed ("[(byte 9, uint16 0, uint16 60)]"));
  g_clear_pointer (&hours, g_variant_unref);
  hours = g_settings_get_value (settings, "work-hours");
  bad = holboo_work_schedule_new_from_variants (hours, NULL, NULL, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);

  bad = holboo_work_schedule_new_from_variants (NULL, NULL, NULL, "Mars/Olympus_Mons", &error);
  g_assert_null (bad);
  g_assert_error (error, HOLBOO_WORK_SCHEDULE_ERROR, HOLBOO_WORK_SCHEDULE_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/work-schedule/default-week", test_default_week);
  g_test_add_func ("/work-schedule/time-zones", test_time_zones);
  g_test_add_func ("/work-schedule/dst-zone", test_dst_zone);
  g_test_add_func ("/work-schedule/night-shift", test_night_shift);
  g_test_add_func ("/work-schedule/breaks", test_breaks_any_order);
  g_test_add_func ("/work-schedule/holidays", test_holidays);
  g_test_add_func ("/work-schedule/invalid", test_invalid);
  g_test_add_func ("/work-schedule/settings", test_settings);

  return g_test_run ();
}
