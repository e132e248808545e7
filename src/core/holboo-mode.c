/* holboo-mode.c: work, personal and do-not-disturb modes as pure values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mode at an instant is the manual override while it lasts, else
 * what the work schedule says: work in work hours, personal outside
 * them.  Nothing here reads the clock or the settings: every question
 * takes "now" and the override as arguments, so the tests walk through
 * weekdays, breaks, holidays and zones without waiting.
 *
 * An override is a mode name and the instant it ends (Unix seconds, 0 for
 * "until changed by hand").  Switching by hand without an end lasts until
 * the schedule's next transition (holboo_mode_default_until()), so "I'm
 * working late" ends by itself the next morning.
 */

#define G_LOG_DOMAIN "holboo-mode"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "holboo-mode.h"

#include "holboo-jid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Personal time that ends within this is "away"; longer (a weekend, a
 * holiday, no end at all) is "extended away" (RFC 6121 §4.7.2.1). */
#define AWAY_HORIZON (16 * G_TIME_SPAN_HOUR)

struct _HolbooModeState
{
  gatomicrefcount         ref_count;
  HolbooMode              mode;
  gboolean                manual;
  gboolean                work_time;
  HolbooXmppPresenceShow  show;
  GTimeZone              *time_zone;
  GDateTime              *now;
  GDateTime              *until;    /* nullable: when the mode may change */
  GDateTime              *back_at;  /* nullable: next work time, personal only */
};

G_DEFINE_ENUM_TYPE (HolbooMode, holboo_mode,
  G_DEFINE_ENUM_VALUE (HOLBOO_MODE_WORK, "work"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MODE_PERSONAL, "personal"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MODE_DND, "dnd"))

G_DEFINE_BOXED_TYPE (HolbooModeState, holboo_mode_state,
                     holboo_mode_state_ref, holboo_mode_state_unref)

static const char * const mode_names[] = { "work", "personal", "dnd" };

/* Weekday names from our own catalogue rather than the C library's, so
 * the status text is in the app's language whatever LC_TIME says. */
static const char * const weekday_names[] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

/**
 * holboo_mode_weekday_name:
 *
 * Returns: @weekday's name in the app's language
 */
const char *
holboo_mode_weekday_name (GDateWeekday weekday)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekday_names[weekday - 1]);
}

/**
 * holboo_mode_to_string:
 *
 * Returns: "work", "personal" or "dnd": the names the settings and
 *   holboo-cli use
 */
const char *
holboo_mode_to_string (HolbooMode mode)
{
  g_return_val_if_fail (mode <= HOLBOO_MODE_DND, NULL);

  return mode_names[mode];
}

gboolean
holboo_mode_from_string (const char *text,
                         HolbooMode *mode)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (mode_names); i++)
    if (g_str_equal (text, mode_names[i]))
      {
        *mode = (HolbooMode) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
same_local_date (GDateTime *a,
                 GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* Whole local days from @now's date to @at's date (0 = same day). */
static int
days_between (GDateTime *now,
              GDateTime *at)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_set_dmy (&b, g_date_time_get_day_of_month (at), g_date_time_get_month (at),
                  g_date_time_get_year (at));
  return g_date_days_between (&a, &b);
}

/* The first work instant at or after @from, or NULL. */
static GDateTime *
next_work_start (HolbooWorkSchedule *schedule,
                 GDateTime          *from)
{
  if (holboo_work_schedule_is_work_time (schedule, from))
    return g_date_time_ref (from);
  return holboo_work_schedule_next_change (schedule, from);
}

/**
 * holboo_mode_state_new:
 * @schedule: the work hours
 * @override_mode: (nullable): "work", "personal" or "dnd" when set by
 *   hand; %NULL, "" or anything else for the schedule's mode
 * @override_until: when the override ends, in Unix seconds; 0 for never
 * @now: the instant asked about
 *
 * Returns: (transfer full): the mode at @now
 */
HolbooModeState *
holboo_mode_state_new (HolbooWorkSchedule *schedule,
                       const char         *override_mode,
                       gint64              override_until,
                       GDateTime          *now)
{
  HolbooModeState *self;
  HolbooMode manual_mode;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = g_new0 (HolbooModeState, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->time_zone = g_time_zone_ref (holboo_work_schedule_get_time_zone (schedule));
  self->now = g_date_time_to_timezone (now, self->time_zone);
  self->work_time = holboo_work_schedule_is_work_time (schedule, now);

  if (holboo_mode_from_string (override_mode, &manual_mode) &&
      (override_until <= 0 || g_date_time_to_unix (now) < override_until))
    {
      g_autoptr(GDateTime) until_utc = NULL;

      self->mode = manual_mode;
      self->manual = TRUE;
      if (override_until > 0)
        {
          until_utc = g_date_time_new_from_unix_utc (override_until);
          self->until = g_date_time_to_timezone (until_utc, self->time_zone);
        }
    }
  else
    {
      self->mode = self->work_time ? HOLBOO_MODE_WORK : HOLBOO_MODE_PERSONAL;
      self->until = holboo_work_schedule_next_change (schedule, now);
    }

  switch (self->mode)
    {
    case HOLBOO_MODE_WORK:
      self->show = HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE;
      break;

    case HOLBOO_MODE_PERSONAL:
      /* Back when the override ends, or at the next work time after. */
      if (!self->manual)
        self->back_at = self->until != NULL ? g_date_time_ref (self->until) : NULL;
      else if (self->until != NULL)
        self->back_at = next_work_start (schedule, self->until);
      if (self->back_at != NULL)
        {
          GDateTime *local = g_date_time_to_timezone (self->back_at, self->time_zone);

          g_date_time_unref (self->back_at);
          self->back_at = local;
        }
      self->show = self->back_at != NULL &&
                   g_date_time_difference (self->back_at, now) <= AWAY_HORIZON
        ? HOLBOO_XMPP_PRESENCE_SHOW_AWAY
        : HOLBOO_XMPP_PRESENCE_SHOW_XA;
      break;

    case HOLBOO_MODE_DND:
    default:
      self->show = HOLBOO_XMPP_PRESENCE_SHOW_DND;
      break;
    }

  return self;
}

HolbooModeState *
holboo_mode_state_ref (HolbooModeState *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
holboo_mode_state_unref (HolbooModeState *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_time_zone_unref (self->time_zone);
  g_date_time_unref (self->now);
  g_clear_pointer (&self->until, g_date_time_unref);
  g_clear_pointer (&self->back_at, g_date_time_unref);
  g_free (self);
}

HolbooMode
holboo_mode_state_get_mode (HolbooModeState *self)
{
  g_return_val_if_fail (self != NULL, HOLBOO_MODE_WORK);
  return self->mode;
}

/**
 * holboo_mode_state_get_manual:
 *
 * Returns: whether the mode was set by hand rather than by the schedule
 */
gboolean
holboo_mode_state_get_manual (HolbooModeState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->manual;
}

/**
 * holboo_mode_state_get_work_time:
 *
 * Returns: whether the schedule says it is work time, whatever the mode
 */
gboolean
holboo_mode_state_get_work_time (HolbooModeState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->work_time;
}

/**
 * holboo_mode_state_get_until:
 *
 * Returns: (transfer none) (nullable): when this mode ends (the
 *   override's end, or the schedule's next transition), in the schedule's
 *   zone; %NULL if nothing ends it
 */
GDateTime *
holboo_mode_state_get_until (HolbooModeState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->until;
}

/**
 * holboo_mode_state_get_back_at:
 *
 * Returns: (transfer none) (nullable): in personal mode, when work time
 *   comes back, in the schedule's zone
 */
GDateTime *
holboo_mode_state_get_back_at (HolbooModeState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->back_at;
}

/**
 * holboo_mode_state_get_now:
 *
 * Returns: (transfer none): the instant the state is about, in the
 *   schedule's zone
 */
GDateTime *
holboo_mode_state_get_now (HolbooModeState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->now;
}

/**
 * holboo_mode_state_get_show:
 *
 * Returns: the presence this mode shows: available at work, away (or
 *   extended away for a weekend or longer) in personal time, dnd
 */
HolbooXmppPresenceShow
holboo_mode_state_get_show (HolbooModeState *self)
{
  g_return_val_if_fail (self != NULL, HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE);
  return self->show;
}

/* "back at 09:00", "until tomorrow at 09:00", … as seen from @now, both
 * in the schedule's zone. */
static char *
format_when (GDateTime *now,
             GDateTime *at,
             gboolean   back)
{
  g_autofree char *time = g_date_time_format (at, "%H:%M");
  int days = days_between (now, at);

  if (days <= 0)
    /* TRANSLATORS: when someone is back at work; %s is a time like 09:00. */
    return back ? g_strdup_printf (_("back at %s"), time)
      /* TRANSLATORS: when a mode ends; %s is a time like 15:00. */
                : g_strdup_printf (_("until %s"), time);
  if (days == 1)
    return back ? g_strdup_printf (_("back tomorrow at %s"), time)
                : g_strdup_printf (_("until tomorrow at %s"), time);
  if (days < 7)
    {
      const char *weekday = holboo_mode_weekday_name (g_date_time_get_day_of_week (at));

      /* TRANSLATORS: the first %s is a weekday ("Monday"), the second a time. */
      return back ? g_strdup_printf (_("back on %s at %s"), weekday, time)
                  : g_strdup_printf (_("until %s at %s"), weekday, time);
    }
  {
    g_autofree char *date = g_date_time_format (at, "%Y-%m-%d");

    /* TRANSLATORS: %s is a date such as 2026-12-01. */
    return back ? g_strdup_printf (_("back on %s"), date)
                : g_strdup_printf (_("until %s"), date);
  }
}

/**
 * holboo_mode_state_dup_status:
 *
 * The status text others see with the presence: "Outside work hours —
 * back at 09:00", "Do not disturb — until 15:00"; times are in the work
 * time zone.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL at work
 */
char *
holboo_mode_state_dup_status (HolbooModeState *self)
{
  const char *what;
  g_autofree char *when = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->mode)
    {
    case HOLBOO_MODE_WORK:
      return NULL;

    case HOLBOO_MODE_PERSONAL:
      what = self->work_time ? _("Away") : _("Outside work hours");
      if (self->back_at != NULL)
        when = format_when (self->now, self->back_at, TRUE);
      break;

    case HOLBOO_MODE_DND:
    default:
      what = _("Do not disturb");
      if (self->until != NULL)
        when = format_when (self->now, self->until, FALSE);
      break;
    }

  if (when == NULL)
    return g_strdup (what);
  /* TRANSLATORS: a status and when it ends: "Outside work hours — back at 09:00". */
  return g_strdup_printf (_("%s — %s"), what, when);
}

/**
 * holboo_mode_state_equal:
 *
 * Returns: whether @a and @b would look the same to the user and to
 *   contacts (mode, override, end, presence and text)
 */
gboolean
holboo_mode_state_equal (HolbooModeState *a,
                         HolbooModeState *b)
{
  g_autofree char *status_a = NULL;
  g_autofree char *status_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  if (a->mode != b->mode || a->manual != b->manual || a->show != b->show ||
      a->work_time != b->work_time)
    return FALSE;
  if ((a->until == NULL) != (b->until == NULL) ||
      (a->until != NULL && !g_date_time_equal (a->until, b->until)))
    return FALSE;
  status_a = holboo_mode_state_dup_status (a);
  status_b = holboo_mode_state_dup_status (b);
  return g_strcmp0 (status_a, status_b) == 0;
}

/**
 * holboo_mode_default_until:
 *
 * Returns: (transfer full) (nullable): when a mode switched by hand at
 *   @now without an end goes back to the schedule: its next transition;
 *   %NULL when the schedule never changes
 */
GDateTime *
holboo_mode_default_until (HolbooWorkSchedule *schedule,
                           GDateTime          *now)
{
  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  return holboo_work_schedule_next_change (schedule, now);
}

/**
 * holboo_mode_tomorrow_morning:
 *
 * "Until tomorrow": the start of tomorrow's work in the schedule's zone,
 * or 09:00 tomorrow when tomorrow has no work.
 *
 * Returns: (transfer full): the instant
 */
GDateTime *
holboo_mode_tomorrow_morning (HolbooWorkSchedule *schedule,
                              GDateTime          *now)
{
  GTimeZone *zone;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  zone = holboo_work_schedule_get_time_zone (schedule);
  local = g_date_time_to_timezone (now, zone);
  {
    g_autoptr(GDateTime) midnight = g_date_time_new (zone, g_date_time_get_year (local),
                                                     g_date_time_get_month (local),
                                                     g_date_time_get_day_of_month (local), 0, 0, 0);
    tomorrow = g_date_time_add_days (midnight, 1);
  }

  start = next_work_start (schedule, tomorrow);
  if (start != NULL && same_local_date (start, tomorrow))
    return g_steal_pointer (&start);
  return g_date_time_add_hours (tomorrow, 9);
}

/* "90m", "2h", "1h30m": a positive duration, or -1. */
static GTimeSpan
parse_duration (const char *text)
{
  GTimeSpan total = 0;
  const char *p = text;

  if (*p == '+')
    p++;
  if (*p == '\0')
    return -1;
  while (*p != '\0')
    {
      char *end = NULL;
      guint64 n;

      if (!g_ascii_isdigit (*p))
        return -1;
      n = g_ascii_strtoull (p, &end, 10);
      if (n > 24 * 366 * 60)
        return -1;
      if (*end == 'h')
        total += n * G_TIME_SPAN_HOUR;
      else if (*end == 'm')
        total += n * G_TIME_SPAN_MINUTE;
      else
        return -1;
      p = end + 1;
    }
  return total > 0 ? total : -1;
}

/**
 * holboo_mode_parse_until:
 * @text: "15:00" (the next such time in @time_zone), "90m", "2h",
 *   "1h30m" (from @now, rounded up to a whole minute), or an ISO 8601
 *   date and time ("2026-11-24T09:00",
 *   in @time_zone unless it names its offset)
 * @time_zone: the work time zone
 * @now: the instant a duration counts from
 * @error: set when @text is none of those or not after @now
 *
 * Returns: (transfer full) (nullable): the instant
 */
GDateTime *
holboo_mode_parse_until (const char *text,
                         GTimeZone  *time_zone,
                         GDateTime  *now,
                         GError    **error)
{
  g_autoptr(GDateTime) at = NULL;
  GTimeSpan duration;
  guint hour, minute;
  char tail;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (time_zone != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (strlen (text) <= 5 && sscanf (text, "%2u:%2u%c", &hour, &minute, &tail) == 2 &&
      hour < 24 && minute < 60)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (now, time_zone);

      at = g_date_time_new (time_zone, g_date_time_get_year (local), g_date_time_get_month (local),
                            g_date_time_get_day_of_month (local), hour, minute, 0);
      if (at != NULL && g_date_time_compare (at, now) <= 0)
        {
          GDateTime *next = g_date_time_add_days (at, 1);

          g_date_time_unref (at);
          at = next;
        }
    }
  else if ((duration = parse_duration (text)) > 0)
    {
      /* Up to the next whole minute, so the end is the "until 11:31"
       * that others read, not 11:30:42. */
      g_autoptr(GDateTime) exact = g_date_time_add (now, duration);
      GTimeSpan past_minute = (g_date_time_to_unix (exact) % 60) * G_TIME_SPAN_SECOND +
                              g_date_time_get_microsecond (exact);

      at = past_minute > 0 ? g_date_time_add (exact, G_TIME_SPAN_MINUTE - past_minute)
                           : g_date_time_ref (exact);
    }
  else
    {
      at = g_date_time_new_from_iso8601 (text, time_zone);
      /* GLib wants seconds; people write "2026-11-24T09:00". */
      if (at == NULL && strlen (text) == 16)
        {
          g_autofree char *with_seconds = g_strconcat (text, ":00", NULL);

          at = g_date_time_new_from_iso8601 (with_seconds, time_zone);
        }
    }

  if (at == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a time: write 15:00, 90m, 2h or 2026-11-24T09:00"), text);
      return NULL;
    }
  if (g_date_time_compare (at, now) <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is in the past"), text);
      return NULL;
    }
  return g_steal_pointer (&at);
}

/**
 * holboo_mode_is_chosen:
 * @jid: an address, bare or full
 * @chosen: (nullable): bare addresses
 *
 * Returns: whether @jid's bare address is one of @chosen (compared once
 *   prepared, so case does not matter); an invalid @jid never is
 */
gboolean
holboo_mode_is_chosen (const char         *jid,
                       const char * const *chosen)
{
  g_autoptr(HolbooJid) parsed = NULL;

  if (jid == NULL || chosen == NULL)
    return FALSE;
  parsed = holboo_jid_parse (jid, -1, NULL);
  if (parsed == NULL)
    return FALSE;

  for (guint i = 0; chosen[i] != NULL; i++)
    {
      g_autoptr(HolbooJid) one = holboo_jid_parse (chosen[i], -1, NULL);

      if (one != NULL && holboo_jid_equal_bare (one, parsed))
        return TRUE;
    }
  return FALSE;
}

/**
 * holboo_mode_should_notify:
 * @sender: who wrote
 * @mentions_me: whether the message names the user (in a group chat)
 * @chosen: (nullable): the people who get through in personal time
 *
 * Returns: whether a message notifies: always at work; in personal time
 *   from chosen people and when it mentions the user; never in do not
 *   disturb (the message is still there, unread)
 */
gboolean
holboo_mode_should_notify (HolbooMode          mode,
                           const char         *sender,
                           gboolean            mentions_me,
                           const char * const *chosen)
{
  switch (mode)
    {
    case HOLBOO_MODE_WORK:
      return TRUE;
    case HOLBOO_MODE_PERSONAL:
      return mentions_me || holboo_mode_is_chosen (sender, chosen);
    case HOLBOO_MODE_DND:
    default:
      return FALSE;
    }
}

/**
 * holboo_mode_should_ring:
 * @caller: who calls
 * @chosen: (nullable): the people who get through in personal time
 *
 * Returns: whether an incoming call rings: always at work; in personal
 *   time only for chosen people; never in do not disturb (the call is
 *   still shown and logged as missed)
 */
gboolean
holboo_mode_should_ring (HolbooMode          mode,
                         const char         *caller,
                         const char * const *chosen)
{
  switch (mode)
    {
    case HOLBOO_MODE_WORK:
      return TRUE;
    case HOLBOO_MODE_PERSONAL:
      return holboo_mode_is_chosen (caller, chosen);
    case HOLBOO_MODE_DND:
    default:
      return FALSE;
    }
}
