/* test-mode.c: work, personal and do-not-disturb modes (HolbooModeState,
 * HolbooModeManager) across weekday boundaries, breaks, holidays, time
 * zones with and without daylight saving, manual overrides and their end,
 * and who may notify or ring in each mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "holboo-auto-reply.h"

/* 2026-11-23 is a Monday. */
static GDateTime *
at_zone (const char *zone_id,
         int         year,
         int         month,
         int         day,
         int         hour,
         int         minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  g_assert_nonnull (zone);
  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static GDateTime *
ub (int day,
    int hour,
    int minute)
{
  return at_zone ("Asia/Ulaanbaatar", 2026, 11, day, hour, minute);
}

static gint64
ub_unix (int day,
         int hour,
         int minute)
{
  g_autoptr(GDateTime) at = ub (day, hour, minute);

  return g_date_time_to_unix (at);
}

static void
assert_time (GDateTime  *at,
             const char *expected_iso)
{
  g_autofree char *text = at != NULL ? g_date_time_format_iso8601 (at) : NULL;

  g_assert_cmpstr (text, ==, expected_iso);
}

/* The state at @now (consumed) and its fields. */
static void
assert_state (HolbooWorkSchedule    *schedule,
              const char            *override,
              gint64                 override_until,
              GDateTime             *now,
              HolbooMode             mode,
              HolbooXmppPresenceShow show,
              const char            *until_iso,
              const char            *status)
{
  g_autoptr(HolbooModeState) state = holboo_mode_state_new (schedule, override, override_until, now);
  g_autofree char *text = holboo_mode_state_dup_status (state);
  g_autofree char *now_text = g_date_time_format_iso8601 (now);

  g_test_message ("%s: %s, %s", now_text, holboo_mode_to_string (holboo_mode_state_get_mode (state)),
                  text ? text : "(no status)");
  g_assert_cmpint (holboo_mode_state_get_mode (state), ==, mode);
  g_assert_cmpint (holboo_mode_state_get_show (state), ==, show);
  assert_time (holboo_mode_state_get_until (state), until_iso);
  g_assert_cmpstr (text, ==, status);
  g_assert_cmpint (holboo_mode_state_get_manual (state), ==, override != NULL && *override != '\0' &&
                   !g_str_equal (override, "bogus") &&
                   (override_until == 0 || override_until > g_date_time_to_unix (now)));
  g_date_time_unref (now);
}

#define AVAILABLE HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE
#define AWAY HOLBOO_XMPP_PRESENCE_SHOW_AWAY
#define XA HOLBOO_XMPP_PRESENCE_SHOW_XA
#define DND HOLBOO_XMPP_PRESENCE_SHOW_DND

static void
test_schedule_modes (void)
{
  g_autoptr(HolbooWorkSchedule) s = holboo_work_schedule_new_default ();

  /* Work, the lunch break, the evening, the night, the weekend. */
  assert_state (s, NULL, 0, ub (23, 10, 0), HOLBOO_MODE_WORK, AVAILABLE,
                "2026-11-23T13:00:00+08", NULL);
  assert_state (s, NULL, 0, ub (23, 8, 59), HOLBOO_MODE_PERSONAL, AWAY,
                "2026-11-23T09:00:00+08", "Outside work hours — back at 09:00");
  assert_state (s, NULL, 0, ub (23, 9, 0), HOLBOO_MODE_WORK, AVAILABLE,
                "2026-11-23T13:00:00+08", NULL);
  assert_state (s, NULL, 0, ub (23, 13, 30), HOLBOO_MODE_PERSONAL, AWAY,
                "2026-11-23T14:00:00+08", "Outside work hours — back at 14:00");
  assert_state (s, NULL, 0, ub (23, 18, 0), HOLBOO_MODE_PERSONAL, AWAY,
                "2026-11-24T09:00:00+08", "Outside work hours — back tomorrow at 09:00");
  assert_state (s, NULL, 0, ub (23, 23, 59), HOLBOO_MODE_PERSONAL, AWAY,
                "2026-11-24T09:00:00+08", "Outside work hours — back tomorrow at 09:00");
  /* Past midnight the same instant is "today". */
  assert_state (s, NULL, 0, ub (24, 0, 0), HOLBOO_MODE_PERSONAL, AWAY,
                "2026-11-24T09:00:00+08", "Outside work hours — back at 09:00");
  /* Friday evening: back on Monday, extended away over the weekend. */
  assert_state (s, NULL, 0, ub (27, 18, 0), HOLBOO_MODE_PERSONAL, XA,
                "2026-11-30T09:00:00+08", "Outside work hours — back on Monday at 09:00");
  assert_state (s, NULL, 0, ub (29, 23, 0), HOLBOO_MODE_PERSONAL, AWAY,
                "2026-11-30T09:00:00+08", "Outside work hours — back tomorrow at 09:00");
}

static void
test_holidays (void)
{
  g_autoptr(HolbooWorkSchedule) s = holboo_work_schedule_new_default ();

  g_assert_true (holboo_work_schedule_add_holiday (s, "2026-11-24", NULL));
  assert_state (s, NULL, 0, ub (23, 18, 0), HOLBOO_MODE_PERSONAL, XA,
                "2026-11-25T09:00:00+08", "Outside work hours — back on Wednesday at 09:00");
  assert_state (s, NULL, 0, ub (24, 10, 0), HOLBOO_MODE_PERSONAL, XA,
                "2026-11-25T09:00:00+08", "Outside work hours — back tomorrow at 09:00");

  /* Tsagaan Sar 2027 plus a week of leave: back more than a week later. */
  {
    const char * const days[] = { "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
                                  "2027-02-12", "2027-02-15", "2027-02-16", NULL };

    for (guint i = 0; days[i] != NULL; i++)
      g_assert_true (holboo_work_schedule_add_holiday (s, days[i], NULL));
    assert_state (s, NULL, 0, at_zone ("Asia/Ulaanbaatar", 2027, 2, 5, 18, 0), HOLBOO_MODE_PERSONAL, XA,
                  "2027-02-17T09:00:00+08", "Outside work hours — back on 2027-02-17");
  }
}

/* The schedule is read in its own zone, whatever zone "now" is in. */
static void
test_time_zones (void)
{
  g_autoptr(HolbooWorkSchedule) s = holboo_work_schedule_new_default ();

  /* 02:00 in Berlin (UTC+1) is 09:00 in Ulaanbaatar (UTC+8). */
  assert_state (s, NULL, 0, at_zone ("Europe/Berlin", 2026, 11, 23, 2, 0), HOLBOO_MODE_WORK, AVAILABLE,
                "2026-11-23T13:00:00+08", NULL);
  /* Sunday 20:00 in Berlin is already Monday 03:00 in Ulaanbaatar. */
  assert_state (s, NULL, 0, at_zone ("Europe/Berlin", 2026, 11, 22, 20, 0), HOLBOO_MODE_PERSONAL, AWAY,
                "2026-11-23T09:00:00+08", "Outside work hours — back at 09:00");
}

/* Ulaanbaatar keeps UTC+8 all year: 09:00 there is 01:00 UTC on every
 * weekday, while Europe springs forward and falls back. */
static void
test_no_dst (void)
{
  g_autoptr(HolbooWorkSchedule) s = holboo_work_schedule_new_default ();
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 1, 1, 0, 59, 0);
  guint weekdays = 0;

  for (guint i = 0; i < 365; i++)
    {
      g_autoptr(GDateTime) before = g_date_time_add_days (day, i);
      g_autoptr(GDateTime) start = g_date_time_add_minutes (before, 1);
      g_autoptr(HolbooModeState) early = holboo_mode_state_new (s, NULL, 0, before);
      g_autoptr(HolbooModeState) on_time = holboo_mode_state_new (s, NULL, 0, start);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (start, holboo_work_schedule_get_time_zone (s));

      g_assert_cmpint (holboo_mode_state_get_mode (early), ==, HOLBOO_MODE_PERSONAL);
      if (g_date_time_get_day_of_week (local) > 5)
        {
          g_assert_cmpint (holboo_mode_state_get_mode (on_time), ==, HOLBOO_MODE_PERSONAL);
          continue;
        }
      weekdays++;
      g_assert_cmpint (holboo_mode_state_get_mode (on_time), ==, HOLBOO_MODE_WORK);
      g_assert_true (g_date_time_equal (holboo_mode_state_get_back_at (early), start));
    }
  g_assert_cmpuint (weekdays, ==, 261);
}

/* New York springs forward on Sunday 2026-03-08: Friday's "back on
 * Monday at 09:00" is 13:00 UTC, not 14:00 as it was the week before. */
static void
test_dst (void)
{
  g_autoptr(GTimeZone) ny = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(HolbooWorkSchedule) s = holboo_work_schedule_new (ny);
  g_autoptr(HolbooModeState) before = NULL;
  g_autoptr(HolbooModeState) across = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) fri1 = g_date_time_new (ny, 2026, 2, 27, 18, 0, 0);
  g_autoptr(GDateTime) fri2 = g_date_time_new (ny, 2026, 3, 6, 18, 0, 0);

  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_FRIDAY; d++)
    g_assert_true (holboo_work_schedule_add_hours (s, d, 9 * 60, 17 * 60, NULL));

  before = holboo_mode_state_new (s, NULL, 0, fri1);
  utc = g_date_time_to_utc (holboo_mode_state_get_back_at (before));
  assert_time (utc, "2026-03-02T14:00:00Z");
  g_clear_pointer (&utc, g_date_time_unref);

  across = holboo_mode_state_new (s, NULL, 0, fri2);
  utc = g_date_time_to_utc (holboo_mode_state_get_back_at (across));
  assert_time (utc, "2026-03-09T13:00:00Z");
  {
    g_autofree char *status = holboo_mode_state_dup_status (across);

    g_assert_cmpstr (status, ==, "Outside work hours — back on Monday at 09:00");
  }
}

static void
test_overrides (void)
{
  g_autoptr(HolbooWorkSchedule) s = holboo_work_schedule_new_default ();

  /* Do not disturb until 15:00, and what comes after. */
  assert_state (s, "dnd", ub_unix (23, 15, 0), ub (23, 10, 0), HOLBOO_MODE_DND, DND,
                "2026-11-23T15:00:00+08", "Do not disturb — until 15:00");
  assert_state (s, "dnd", ub_unix (23, 15, 0), ub (23, 15, 0), HOLBOO_MODE_WORK, AVAILABLE,
                "2026-11-23T18:00:00+08", NULL);
  assert_state (s, "dnd", ub_unix (24, 9, 0), ub (23, 22, 0), HOLBOO_MODE_DND, DND,
                "2026-11-24T09:00:00+08", "Do not disturb — until tomorrow at 09:00");
  assert_state (s, "dnd", 0, ub (23, 22, 0), HOLBOO_MODE_DND, DND, NULL, "Do not disturb");

  /* Personal by hand in work hours: until the break, back after it. */
  assert_state (s, "personal", ub_unix (23, 13, 0), ub (23, 10, 0), HOLBOO_MODE_PERSONAL, AWAY,
                "2026-11-23T13:00:00+08", "Away — back at 14:00");
  /* Personal for good: extended away, no time to come back. */
  assert_state (s, "personal", 0, ub (23, 10, 0), HOLBOO_MODE_PERSONAL, XA, NULL, "Away");

  /* Working on Saturday until the schedule's Monday morning. */
  assert_state (s, "work", ub_unix (30, 9, 0), ub (28, 11, 0), HOLBOO_MODE_WORK, AVAILABLE,
                "2026-11-30T09:00:00+08", NULL);

  /* Nonsense in the settings is no override. */
  assert_state (s, "bogus", 0, ub (28, 11, 0), HOLBOO_MODE_PERSONAL, XA,
                "2026-11-30T09:00:00+08", "Outside work hours — back on Monday at 09:00");
}

static void
test_ends (void)
{
  g_autoptr(HolbooWorkSchedule) s = holboo_work_schedule_new_default ();
  g_autoptr(HolbooWorkSchedule) empty = holboo_work_schedule_new (NULL);
  g_autoptr(GDateTime) mon10 = ub (23, 10, 0);
  g_autoptr(GDateTime) mon20 = ub (23, 20, 0);
  g_autoptr(GDateTime) fri20 = ub (27, 20, 0);
  g_autoptr(GDateTime) end = NULL;

  end = holboo_mode_default_until (s, mon10);
  assert_time (end, "2026-11-23T13:00:00+08");
  g_clear_pointer (&end, g_date_time_unref);
  g_assert_null (holboo_mode_default_until (empty, mon10));

  end = holboo_mode_tomorrow_morning (s, mon20);
  assert_time (end, "2026-11-24T09:00:00+08");
  g_clear_pointer (&end, g_date_time_unref);
  /* Saturday has no work: 09:00 all the same. */
  end = holboo_mode_tomorrow_morning (s, fri20);
  assert_time (end, "2026-11-28T09:00:00+08");
}

static void
test_parse_until (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ulaanbaatar");
  g_autoptr(GDateTime) now = ub (23, 10, 0);
  const struct { const char *text; const char *expected; } good[] = {
    { "15:00", "2026-11-23T15:00:00+08" },
    { "09:00", "2026-11-24T09:00:00+08" },
    { "10:00", "2026-11-24T10:00:00+08" },
    { "90m", "2026-11-23T11:30:00+08" },
    { "2h", "2026-11-23T12:00:00+08" },
    { "+1h30m", "2026-11-23T11:30:00+08" },
    { "2026-11-24T09:00", "2026-11-24T09:00:00+08" },
    { "2026-11-24T09:00:00Z", "2026-11-24T17:00:00+08" },
  };
  const char * const bad[] = {
    "", "25:00", "12:60", "soon", "0m", "1x", "2020-01-01T00:00", "2026-11-23T10:00", "h", "15:00x", NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) at = holboo_mode_parse_until (good[i].text, zone, now, &error);
      g_autoptr(GDateTime) local = NULL;

      g_assert_no_error (error);
      local = g_date_time_to_timezone (at, zone);
      assert_time (local, good[i].expected);
    }
  /* Durations end on a whole minute, never before the time asked for. */
  {
    g_autoptr(GDateTime) odd = g_date_time_add_seconds (now, 42.5);
    g_autoptr(GDateTime) at = holboo_mode_parse_until ("90m", zone, odd, NULL);
    g_autoptr(GDateTime) local = g_date_time_to_timezone (at, zone);

    assert_time (local, "2026-11-23T11:31:00+08");
  }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) at = holboo_mode_parse_until (bad[i], zone, now, &error);

      g_test_message ("“%s”: %s", bad[i], error != NULL ? error->message : "accepted");
      g_assert_null (at);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }
}

static void
test_policies (void)
{
  const char * const chosen[] = { "Saraa@Example.mn", "bat@example.mn", "not an address@@", NULL };

  /* Work: everyone. */
  g_assert_true (holboo_mode_should_notify (HOLBOO_MODE_WORK, "customer@shop.mn", FALSE, chosen));
  g_assert_true (holboo_mode_should_ring (HOLBOO_MODE_WORK, "customer@shop.mn/phone", chosen));
  g_assert_true (holboo_mode_should_notify (HOLBOO_MODE_WORK, "customer@shop.mn", FALSE, NULL));

  /* Personal: chosen people (any resource, any case) and mentions. */
  g_assert_true (holboo_mode_should_notify (HOLBOO_MODE_PERSONAL, "saraa@example.mn/phone", FALSE, chosen));
  g_assert_true (holboo_mode_should_notify (HOLBOO_MODE_PERSONAL, "customer@shop.mn", TRUE, chosen));
  g_assert_false (holboo_mode_should_notify (HOLBOO_MODE_PERSONAL, "customer@shop.mn", FALSE, chosen));
  g_assert_false (holboo_mode_should_notify (HOLBOO_MODE_PERSONAL, "example.mn", FALSE, chosen));
  g_assert_false (holboo_mode_should_notify (HOLBOO_MODE_PERSONAL, "saraa@example.mn.evil", FALSE, chosen));
  g_assert_false (holboo_mode_should_notify (HOLBOO_MODE_PERSONAL, "@@", FALSE, chosen));
  g_assert_false (holboo_mode_should_notify (HOLBOO_MODE_PERSONAL, NULL, FALSE, chosen));
  g_assert_true (holboo_mode_should_ring (HOLBOO_MODE_PERSONAL, "BAT@example.mn/desk", chosen));
  g_assert_false (holboo_mode_should_ring (HOLBOO_MODE_PERSONAL, "customer@shop.mn", chosen));
  g_assert_false (holboo_mode_should_ring (HOLBOO_MODE_PERSONAL, "bat@example.mn", NULL));

  /* Do not disturb: nobody, mentions and chosen people neither. */
  g_assert_false (holboo_mode_should_notify (HOLBOO_MODE_DND, "saraa@example.mn", TRUE, chosen));
  g_assert_false (holboo_mode_should_ring (HOLBOO_MODE_DND, "saraa@example.mn", chosen));

  g_assert_cmpstr (holboo_mode_to_string (HOLBOO_MODE_DND), ==, "dnd");
  {
    HolbooMode mode = HOLBOO_MODE_WORK;

    g_assert_true (holboo_mode_from_string ("personal", &mode));
    g_assert_cmpint (mode, ==, HOLBOO_MODE_PERSONAL);
    g_assert_false (holboo_mode_from_string ("Personal", &mode));
    g_assert_false (holboo_mode_from_string (NULL, &mode));
  }
}

static void
test_auto_reply_rules (void)
{
  const char * const team[] = { "holboo.mn", "Branch.Holboo.mn", NULL };
  g_autofree char *both = holboo_auto_reply_dup_text ("  Сайн байна уу!\n", "Hello!");
  g_autofree char *mn = holboo_auto_reply_dup_text ("Сайн байна уу!", "  ");
  g_autofree char *en = holboo_auto_reply_dup_text (NULL, "Hello!");

  /* Colleagues: the account's own server, or the team's servers. */
  g_assert_true (holboo_auto_reply_is_colleague ("bat@holboo.mn/phone", "ann@holboo.mn", NULL));
  g_assert_true (holboo_auto_reply_is_colleague ("bat@HOLBOO.mn", "ann@holboo.mn", (const char *[]) { NULL }));
  g_assert_false (holboo_auto_reply_is_colleague ("customer@gmail.com", "ann@holboo.mn", NULL));
  g_assert_false (holboo_auto_reply_is_colleague ("bat@holboo.mn.evil.com", "ann@holboo.mn", NULL));
  g_assert_true (holboo_auto_reply_is_colleague ("saraa@branch.holboo.mn", "ann@other.mn", team));
  g_assert_false (holboo_auto_reply_is_colleague ("bat@other.mn", "ann@other.mn", team));
  g_assert_false (holboo_auto_reply_is_colleague ("not valid@@", "ann@holboo.mn", NULL));
  g_assert_false (holboo_auto_reply_is_colleague (NULL, "ann@holboo.mn", NULL));

  /* The reply: Mongolian, a blank line, English; either may be left out. */
  g_assert_cmpstr (both, ==, "Сайн байна уу!\n\nHello!");
  g_assert_cmpstr (mn, ==, "Сайн байна уу!");
  g_assert_cmpstr (en, ==, "Hello!");
  g_assert_null (holboo_auto_reply_dup_text ("", " \n"));
}

/* The manager with settings in memory. */

static void
set_hours (GSettings  *settings,
           const char *hours)
{
  g_autoptr(GVariant) value = g_variant_parse (G_VARIANT_TYPE ("a(yqq)"), hours, NULL, NULL, NULL);

  g_assert_nonnull (value);
  g_settings_set_value (settings, "work-hours", g_steal_pointer (&value));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_for_mode (HolbooModeManager *manager,
               HolbooMode         mode)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, on_timeout, &timed_out);

  while (holboo_mode_manager_get_mode (manager) != mode && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
test_manager (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.holboo.Holboo");
  g_autoptr(HolbooModeManager) manager = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 1.5);
  guint mode_changes = 0;
  HolbooModeState *state;

  /* Always work: every day, all day, in any zone. */
  set_hours (settings, "[(1, 0, 1440), (2, 0, 1440), (3, 0, 1440), (4, 0, 1440), (5, 0, 1440), "
                       "(6, 0, 1440), (7, 0, 1440)]");
  g_settings_set_value (settings, "work-breaks", g_variant_new_array (G_VARIANT_TYPE ("(yqq)"), NULL, 0));
  g_settings_set_string (settings, "work-time-zone", "Asia/Ulaanbaatar");
  manager = holboo_mode_manager_new (settings, NULL);
  g_signal_connect (manager, "notify::mode", G_CALLBACK (on_notify), &mode_changes);
  g_assert_cmpint (holboo_mode_manager_get_mode (manager), ==, HOLBOO_MODE_WORK);
  g_assert_false (holboo_mode_state_get_manual (holboo_mode_manager_get_state (manager)));

  /* Do not disturb for a second and a half: the timer ends it. */
  holboo_mode_manager_set_mode (manager, HOLBOO_MODE_DND, soon);
  g_assert_cmpint (holboo_mode_manager_get_mode (manager), ==, HOLBOO_MODE_DND);
  g_assert_cmpstr (g_settings_get_string (settings, "mode"), ==, "dnd");
  g_assert_cmpint (g_settings_get_int64 (settings, "mode-until"), ==, g_date_time_to_unix (soon));
  g_assert_cmpuint (mode_changes, ==, 1);
  wait_for_mode (manager, HOLBOO_MODE_WORK);
  g_assert_cmpuint (mode_changes, ==, 2);
  g_assert_false (holboo_mode_state_get_manual (holboo_mode_manager_get_state (manager)));

  /* Personal by hand, with a schedule that never changes: for good. */
  holboo_mode_manager_set_mode (manager, HOLBOO_MODE_PERSONAL, NULL);
  state = holboo_mode_manager_get_state (manager);
  g_assert_cmpint (holboo_mode_state_get_mode (state), ==, HOLBOO_MODE_PERSONAL);
  g_assert_true (holboo_mode_state_get_manual (state));
  g_assert_null (holboo_mode_state_get_until (state));
  g_assert_cmpint (g_settings_get_int64 (settings, "mode-until"), ==, 0);
  holboo_mode_manager_follow_schedule (manager);
  g_assert_cmpint (holboo_mode_manager_get_mode (manager), ==, HOLBOO_MODE_WORK);

  /* A change made elsewhere (holboo-cli) reaches the manager through the
   * settings; so do new work hours. */
  g_settings_set_string (settings, "mode", "dnd");
  wait_for_mode (manager, HOLBOO_MODE_DND);
  g_settings_set_string (settings, "mode", "");
  wait_for_mode (manager, HOLBOO_MODE_WORK);
  set_hours (settings, "[]");
  wait_for_mode (manager, HOLBOO_MODE_PERSONAL);
  {
    g_autofree char *status = holboo_mode_state_dup_status (holboo_mode_manager_get_state (manager));

    g_assert_cmpstr (status, ==, "Outside work hours");
    g_assert_cmpint (holboo_mode_state_get_show (holboo_mode_manager_get_state (manager)), ==, XA);
  }

  /* Chosen people from the settings. */
  g_assert_false (holboo_mode_manager_should_notify (manager, "saraa@example.mn", FALSE));
  g_assert_true (holboo_mode_manager_should_notify (manager, "saraa@example.mn", TRUE));
  g_settings_set_strv (settings, "mode-chosen-people", (const char * const[]) { "saraa@example.mn", NULL });
  g_assert_true (holboo_mode_manager_should_notify (manager, "saraa@example.mn/phone", FALSE));
  g_assert_true (holboo_mode_manager_should_ring (manager, "saraa@example.mn"));
  g_assert_false (holboo_mode_manager_should_ring (manager, "bat@example.mn"));

  /* Unusable hours fall back to the defaults, with a message. */
  g_settings_set_string (settings, "work-time-zone", "Mars/Olympus_Mons");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (holboo_work_schedule_get_minutes (holboo_mode_manager_get_schedule (manager),
                                                       G_DATE_MONDAY), ==, 8 * 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mode/schedule", test_schedule_modes);
  g_test_add_func ("/mode/holidays", test_holidays);
  g_test_add_func ("/mode/time-zones", test_time_zones);
  g_test_add_func ("/mode/no-dst", test_no_dst);
  g_test_add_func ("/mode/dst", test_dst);
  g_test_add_func ("/mode/overrides", test_overrides);
  g_test_add_func ("/mode/ends", test_ends);
  g_test_add_func ("/mode/parse-until", test_parse_until);
  g_test_add_func ("/mode/policies", test_policies);
  g_test_add_func ("/mode/auto-reply-rules", test_auto_reply_rules);
  g_test_add_func ("/mode/manager", test_manager);

  return g_test_run ();
}
