/* holboo-mode-manager.c: the current mode, kept from the settings and the
 * clock, and shown as every account's presence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The settings are the one place the mode lives: the work hours
 * (work-hours, work-breaks, work-holidays, work-time-zone) and the
 * override (mode, mode-until).  The app's header bar and holboo-cli both
 * write the override there, so a mode set from a terminal reaches the
 * running app through GSettings' own change notification.
 *
 * The state is worked out again when a setting changes and at the next
 * instant it can change by itself: a single timeout to the override's
 * end, the schedule's next transition, or local midnight (when "back
 * tomorrow at 09:00" becomes "back at 09:00"), whichever comes first.
 * GLib's timeouts run on the monotonic clock, which stops during
 * suspend, so no timeout is longer than an hour, and a fresh session of
 * any account (a resume reconnects) makes it look at the clock at once.
 */

#define G_LOG_DOMAIN "holboo-mode-manager"

#include "config.h"

#include "holboo-mode-manager.h"

#include "holboo-account-contacts.h"

/* Fire a little after the instant, so that "now" is past it. */
#define TIMER_SLACK_MS 20
#define MAX_TIMER_MS (60 * 60 * 1000)

struct _HolbooModeManager
{
  GObject             parent_instance;

  GSettings          *settings;
  GListModel         *accounts;   /* nullable: of HolbooAccount */
  HolbooWorkSchedule *schedule;
  HolbooModeState    *state;
  GStrv               chosen;
  guint               timer_id;
  guint               idle_id;
};

G_DEFINE_FINAL_TYPE (HolbooModeManager, holboo_mode_manager, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_ACCOUNTS,
  PROP_STATE,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const schedule_keys[] = {
  "work-hours", "work-breaks", "work-holidays", "work-time-zone", NULL
};

/**
 * holboo_work_schedule_new_from_settings:
 * @settings: the application's settings
 * @error: set when the work-* keys make no sense together
 *
 * Returns: (transfer full) (nullable): the schedule the work-* keys
 *   describe
 */
HolbooWorkSchedule *
holboo_work_schedule_new_from_settings (GSettings  *settings,
                                        GError    **error)
{
  g_autoptr(GVariant) hours = g_settings_get_value (settings, "work-hours");
  g_autoptr(GVariant) breaks = g_settings_get_value (settings, "work-breaks");
  g_auto(GStrv) holidays = g_settings_get_strv (settings, "work-holidays");
  g_autofree char *zone = g_settings_get_string (settings, "work-time-zone");

  return holboo_work_schedule_new_from_variants (hours, breaks, (const char * const *) holidays,
                                                 zone, error);
}

static void
apply_to_account (HolbooModeManager *self,
                  HolbooAccount     *account)
{
  g_autofree char *status = holboo_mode_state_dup_status (self->state);

  holboo_account_set_presence (account, holboo_mode_state_get_show (self->state), status);
}

static void
apply_to_accounts (HolbooModeManager *self,
                   guint              position,
                   guint              n)
{
  for (guint i = position; self->accounts != NULL && i < position + n; i++)
    {
      g_autoptr(HolbooAccount) account = g_list_model_get_item (self->accounts, i);

      apply_to_account (self, account);
    }
}

static gboolean on_timer (gpointer user_data);

static void
schedule_timer (HolbooModeManager *self)
{
  GDateTime *now = holboo_mode_state_get_now (self->state);
  GDateTime *until = holboo_mode_state_get_until (self->state);
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) next = NULL;
  GTimeSpan delay;

  g_clear_handle_id (&self->timer_id, g_source_remove);

  /* Texts that say "tomorrow" change at midnight. */
  if (holboo_mode_state_get_mode (self->state) != HOLBOO_MODE_WORK)
    {
      g_autoptr(GDateTime) day = g_date_time_new (g_date_time_get_timezone (now),
                                                  g_date_time_get_year (now),
                                                  g_date_time_get_month (now),
                                                  g_date_time_get_day_of_month (now), 0, 0, 0);
      midnight = g_date_time_add_days (day, 1);
    }

  if (until != NULL && (midnight == NULL || g_date_time_compare (until, midnight) < 0))
    next = g_date_time_ref (until);
  else if (midnight != NULL)
    next = g_date_time_ref (midnight);

  if (next == NULL)
    delay = MAX_TIMER_MS;
  else
    {
      g_autoptr(GDateTime) real_now = g_date_time_new_now_utc ();

      delay = g_date_time_difference (next, real_now) / 1000 + TIMER_SLACK_MS;
      delay = CLAMP (delay, TIMER_SLACK_MS, MAX_TIMER_MS);
    }

  g_debug ("Mode %s; looking again in %" G_GINT64_FORMAT " ms",
           holboo_mode_to_string (holboo_mode_state_get_mode (self->state)), delay);
  self->timer_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) delay, on_timer, self, NULL);
}

static void
recompute (HolbooModeManager *self)
{
  g_autofree char *override = g_settings_get_string (self->settings, "mode");
  gint64 until = g_settings_get_int64 (self->settings, "mode-until");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(HolbooModeState) state = NULL;
  HolbooMode old_mode;

  state = holboo_mode_state_new (self->schedule, override, until, now);
  if (holboo_mode_state_equal (state, self->state))
    {
      /* Same state, newer clock: keep "now" current for the timer. */
      g_clear_pointer (&self->state, holboo_mode_state_unref);
      self->state = g_steal_pointer (&state);
      schedule_timer (self);
      return;
    }

  old_mode = self->state != NULL ? holboo_mode_state_get_mode (self->state) : (HolbooMode) -1;
  g_clear_pointer (&self->state, holboo_mode_state_unref);
  self->state = g_steal_pointer (&state);
  {
    g_autofree char *status = holboo_mode_state_dup_status (self->state);

    g_debug ("Mode now %s%s: %s", holboo_mode_to_string (holboo_mode_state_get_mode (self->state)),
             holboo_mode_state_get_manual (self->state) ? " (by hand)" : "",
             status != NULL ? status : "available");
  }

  if (self->accounts != NULL)
    apply_to_accounts (self, 0, g_list_model_get_n_items (self->accounts));
  schedule_timer (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  if (old_mode != holboo_mode_state_get_mode (self->state))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static gboolean
on_timer (gpointer user_data)
{
  HolbooModeManager *self = user_data;

  self->timer_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

static void
load_schedule (HolbooModeManager *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->schedule, holboo_work_schedule_unref);
  self->schedule = holboo_work_schedule_new_from_settings (self->settings, &error);
  if (self->schedule == NULL)
    {
      g_message ("Work hours in the settings are not usable (%s); using Monday to Friday 09:00–18:00",
                 error->message);
      self->schedule = holboo_work_schedule_new_default ();
    }
}

static gboolean
on_idle_recompute (gpointer user_data)
{
  HolbooModeManager *self = user_data;

  self->idle_id = 0;
  recompute (self);
  return G_SOURCE_REMOVE;
}

/* Several keys change together (mode and mode-until, the hours and the
 * breaks): look once they all have. */
static void
on_settings_changed (GSettings         *settings,
                     const char        *key,
                     HolbooModeManager *self)
{
  if (g_strv_contains (schedule_keys, key))
    load_schedule (self);
  else if (g_str_equal (key, "mode-chosen-people"))
    {
      g_strfreev (self->chosen);
      self->chosen = g_settings_get_strv (settings, "mode-chosen-people");
      return;
    }
  else if (!g_str_equal (key, "mode") && !g_str_equal (key, "mode-until"))
    return;

  if (self->idle_id == 0)
    self->idle_id = g_idle_add (on_idle_recompute, self);
}

static void
on_session_started (HolbooXmppConnection *connection,
                    gboolean              resumed,
                    HolbooModeManager    *self)
{
  if (!resumed)
    recompute (self);
}

static void
watch_accounts (HolbooModeManager *self,
                guint              position,
                guint              n)
{
  for (guint i = position; i < position + n; i++)
    {
      g_autoptr(HolbooAccount) account = g_list_model_get_item (self->accounts, i);

      g_signal_connect_object (holboo_account_get_connection (account), "session-started",
                               G_CALLBACK (on_session_started), self, 0);
    }
}

static void
on_accounts_changed (GListModel        *accounts,
                     guint              position,
                     guint              removed,
                     guint              added,
                     HolbooModeManager *self)
{
  watch_accounts (self, position, added);
  apply_to_accounts (self, position, added);
}

static void
holboo_mode_manager_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HolbooModeManager *self = HOLBOO_MODE_MANAGER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;
    case PROP_STATE:
      g_value_set_boxed (value, self->state);
      break;
    case PROP_MODE:
      g_value_set_enum (value, holboo_mode_state_get_mode (self->state));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_mode_manager_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HolbooModeManager *self = HOLBOO_MODE_MANAGER (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_ACCOUNTS:
      self->accounts = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_mode_manager_constructed (GObject *object)
{
  HolbooModeManager *self = HOLBOO_MODE_MANAGER (object);

  G_OBJECT_CLASS (holboo_mode_manager_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  load_schedule (self);
  self->chosen = g_settings_get_strv (self->settings, "mode-chosen-people");
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
  if (self->accounts != NULL)
    {
      g_signal_connect_object (self->accounts, "items-changed", G_CALLBACK (on_accounts_changed), self, 0);
      watch_accounts (self, 0, g_list_model_get_n_items (self->accounts));
    }
  recompute (self);
}

static void
holboo_mode_manager_dispose (GObject *object)
{
  HolbooModeManager *self = HOLBOO_MODE_MANAGER (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (holboo_mode_manager_parent_class)->dispose (object);
}

static void
holboo_mode_manager_finalize (GObject *object)
{
  HolbooModeManager *self = HOLBOO_MODE_MANAGER (object);

  g_clear_pointer (&self->schedule, holboo_work_schedule_unref);
  g_clear_pointer (&self->state, holboo_mode_state_unref);
  g_strfreev (self->chosen);

  G_OBJECT_CLASS (holboo_mode_manager_parent_class)->finalize (object);
}

static void
holboo_mode_manager_class_init (HolbooModeManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_mode_manager_get_property;
  object_class->set_property = holboo_mode_manager_set_property;
  object_class->constructed = holboo_mode_manager_constructed;
  object_class->dispose = holboo_mode_manager_dispose;
  object_class->finalize = holboo_mode_manager_finalize;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_boxed ("state", NULL, NULL, HOLBOO_TYPE_MODE_STATE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, HOLBOO_TYPE_MODE, HOLBOO_MODE_WORK,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_mode_manager_init (HolbooModeManager *self)
{
}

/**
 * holboo_mode_manager_new:
 * @settings: the application's settings (schema io.github.holboo.Holboo)
 * @accounts: (nullable): a model of #HolbooAccount whose presence follows
 *   the mode (a #HolbooAccountManager); %NULL to only read and set it
 *
 * Returns: (transfer full): the manager, with its state worked out
 */
HolbooModeManager *
holboo_mode_manager_new (GSettings  *settings,
                         GListModel *accounts)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (accounts == NULL || G_IS_LIST_MODEL (accounts), NULL);

  return g_object_new (HOLBOO_TYPE_MODE_MANAGER,
                       "settings", settings,
                       "accounts", accounts,
                       NULL);
}

GSettings *
holboo_mode_manager_get_settings (HolbooModeManager *self)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_MANAGER (self), NULL);
  return self->settings;
}

/**
 * holboo_mode_manager_get_state:
 *
 * Returns: (transfer none): the mode now and what follows from it
 */
HolbooModeState *
holboo_mode_manager_get_state (HolbooModeManager *self)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_MANAGER (self), NULL);
  return self->state;
}

HolbooMode
holboo_mode_manager_get_mode (HolbooModeManager *self)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_MANAGER (self), HOLBOO_MODE_WORK);
  return holboo_mode_state_get_mode (self->state);
}

/**
 * holboo_mode_manager_get_schedule:
 *
 * Returns: (transfer none): the work hours from the settings
 */
HolbooWorkSchedule *
holboo_mode_manager_get_schedule (HolbooModeManager *self)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_MANAGER (self), NULL);
  return self->schedule;
}

/**
 * holboo_mode_manager_get_chosen_people:
 *
 * Returns: (transfer none): the addresses who get through in personal
 *   mode
 */
const char * const *
holboo_mode_manager_get_chosen_people (HolbooModeManager *self)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_MANAGER (self), NULL);
  return (const char * const *) self->chosen;
}

/**
 * holboo_mode_manager_set_mode:
 * @until: (nullable): when to go back to the schedule; %NULL for the
 *   schedule's next transition (holboo_mode_default_until())
 *
 * Switches the mode by hand, in the settings; the state follows at once.
 */
void
holboo_mode_manager_set_mode (HolbooModeManager *self,
                              HolbooMode         mode,
                              GDateTime         *until)
{
  g_autoptr(GDateTime) end = NULL;

  g_return_if_fail (HOLBOO_IS_MODE_MANAGER (self));
  g_return_if_fail (mode <= HOLBOO_MODE_DND);

  if (until != NULL)
    end = g_date_time_ref (until);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      end = holboo_mode_default_until (self->schedule, now);
    }

  g_settings_set_int64 (self->settings, "mode-until", end != NULL ? g_date_time_to_unix (end) : 0);
  g_settings_set_string (self->settings, "mode", holboo_mode_to_string (mode));
  g_clear_handle_id (&self->idle_id, g_source_remove);
  recompute (self);
}

/**
 * holboo_mode_manager_follow_schedule:
 *
 * Ends a mode set by hand: the work hours decide again.
 */
void
holboo_mode_manager_follow_schedule (HolbooModeManager *self)
{
  g_return_if_fail (HOLBOO_IS_MODE_MANAGER (self));

  g_settings_set_string (self->settings, "mode", "");
  g_settings_set_int64 (self->settings, "mode-until", 0);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  recompute (self);
}

/**
 * holboo_mode_manager_refresh:
 *
 * Looks at the clock again now (after a resume from suspend, say).
 */
void
holboo_mode_manager_refresh (HolbooModeManager *self)
{
  g_return_if_fail (HOLBOO_IS_MODE_MANAGER (self));
  recompute (self);
}

/**
 * holboo_mode_manager_should_notify:
 *
 * holboo_mode_should_notify() for the current mode and the chosen people
 * in the settings.
 */
gboolean
holboo_mode_manager_should_notify (HolbooModeManager *self,
                                   const char        *sender,
                                   gboolean           mentions_me)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_MANAGER (self), TRUE);
  return holboo_mode_should_notify (holboo_mode_state_get_mode (self->state), sender, mentions_me,
                                    (const char * const *) self->chosen);
}

/**
 * holboo_mode_manager_should_ring:
 *
 * holboo_mode_should_ring() for the current mode and the chosen people
 * in the settings.
 */
gboolean
holboo_mode_manager_should_ring (HolbooModeManager *self,
                                 const char        *caller)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_MANAGER (self), TRUE);
  return holboo_mode_should_ring (holboo_mode_state_get_mode (self->state), caller,
                                  (const char * const *) self->chosen);
}
