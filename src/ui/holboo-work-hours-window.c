/* holboo-work-hours-window.c — the work hours, holidays, time zone and
 * chosen people, edited in the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each weekday is an expander row whose switch says whether it is a work
 * day, with its hours and one break.  That is the shape almost every
 * office has; a day the settings give several spans (a night shift) is
 * shown from its first start to its last end, and only rewritten that
 * way once the user edits it.  Every change is written at once: there
 * is no Apply button (GNOME HIG, preferences).
 */
#define G_LOG_DOMAIN "holboo-work-hours-window"

#include "config.h"

#include "holboo-work-hours-window.h"

#include <glib/gi18n.h>

#include "holboo-mode.h"
#include "holboo-jid.h"
#include "holboo-work-schedule.h"

typedef struct {
  HolbooWorkHoursWindow *self;
  GDateWeekday           weekday;
  AdwExpanderRow        *row;
  GtkSpinButton         *start;
  GtkSpinButton         *end;
  GtkSwitch             *has_break;
  GtkSpinButton         *break_start;
  GtkSpinButton         *break_end;
} Day;

struct _HolbooWorkHoursWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  Day                   days[7];
  GPtrArray            *holiday_rows;
  GPtrArray            *person_rows;
  gboolean              loading;

  /* Template children */
  AdwPreferencesGroup  *days_group;
  AdwPreferencesGroup  *holidays_group;
  AdwPreferencesGroup  *people_group;
  AdwEntryRow          *zone_row;
  AdwEntryRow          *holiday_row;
  AdwEntryRow          *person_row;
  GtkSwitch            *auto_reply_switch;
  AdwEntryRow          *reply_mn_row;
  AdwEntryRow          *reply_en_row;
  AdwEntryRow          *team_row;
};

G_DEFINE_FINAL_TYPE (HolbooWorkHoursWindow, holboo_work_hours_window, ADW_TYPE_PREFERENCES_WINDOW)

static char *
format_minute (guint minute)
{
  return g_strdup_printf ("%02u:%02u", minute / 60, minute % 60);
}

/* A spin button of minutes shown as HH:MM. */
static gboolean
on_time_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = format_minute ((guint) gtk_spin_button_get_value (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_time_input (GtkSpinButton *spin,
               double        *value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint hour = 0, minute = 0;
  char tail;
  int n = sscanf (text, "%u:%u%c", &hour, &minute, &tail);

  if ((n != 1 && n != 2) || hour > 24 || minute > 59 || hour * 60 + minute > 1440)
    return GTK_INPUT_ERROR;
  *value = hour * 60 + minute;
  return TRUE;
}

static void save_days (HolbooWorkHoursWindow *self);

static GtkSpinButton *
time_spin (HolbooWorkHoursWindow *self,
           const char            *accessible_label)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (0, 0, 1440, 15, 60, 0);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new (adjustment, 1, 0));

  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 5);
  gtk_widget_set_valign (GTK_WIDGET (spin), GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (spin, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  g_signal_connect (spin, "output", G_CALLBACK (on_time_output), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (on_time_input), NULL);
  g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (save_days), self);
  return spin;
}

/* "start – end" at the end of a row. */
static GtkWidget *
span_box (GtkSpinButton *start,
          GtkSpinButton *end)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dash = gtk_label_new ("–");

  gtk_widget_add_css_class (dash, "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (start));
  gtk_box_append (GTK_BOX (box), dash);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (end));
  return box;
}

static void
update_subtitle (Day *day)
{
  g_autofree char *start = format_minute (gtk_spin_button_get_value_as_int (day->start));
  g_autofree char *end = format_minute (gtk_spin_button_get_value_as_int (day->end));
  g_autofree char *text = NULL;

  if (!adw_expander_row_get_enable_expansion (day->row))
    text = g_strdup (_("Day off"));
  else if (gtk_switch_get_active (day->has_break))
    {
      g_autofree char *break_start = format_minute (gtk_spin_button_get_value_as_int (day->break_start));
      g_autofree char *break_end = format_minute (gtk_spin_button_get_value_as_int (day->break_end));

      /* TRANSLATORS: a day's hours and its break: "09:00–18:00, break 13:00–14:00". */
      text = g_strdup_printf (_("%s–%s, break %s–%s"), start, end, break_start, break_end);
    }
  else
    /* TRANSLATORS: a day's hours: "09:00–18:00". */
    text = g_strdup_printf (_("%s–%s"), start, end);
  adw_expander_row_set_subtitle (day->row, text);
}

static gboolean
day_valid (Day *day)
{
  int start = gtk_spin_button_get_value_as_int (day->start);
  int end = gtk_spin_button_get_value_as_int (day->end);
  int break_start = gtk_spin_button_get_value_as_int (day->break_start);
  int break_end = gtk_spin_button_get_value_as_int (day->break_end);

  if (!adw_expander_row_get_enable_expansion (day->row))
    return TRUE;
  if (start >= end)
    return FALSE;
  return !gtk_switch_get_active (day->has_break) ||
         (break_start < break_end && break_start >= start && break_end <= end);
}

static void
save_days (HolbooWorkHoursWindow *self)
{
  g_autoptr(GVariantBuilder) hours = NULL;
  g_autoptr(GVariantBuilder) breaks = NULL;
  gboolean valid = TRUE;

  if (self->loading)
    return;

  hours = g_variant_builder_new (G_VARIANT_TYPE ("a(yqq)"));
  breaks = g_variant_builder_new (G_VARIANT_TYPE ("a(yqq)"));
  for (guint i = 0; i < G_N_ELEMENTS (self->days); i++)
    {
      Day *day = &self->days[i];

      update_subtitle (day);
      if (!day_valid (day))
        {
          gtk_widget_add_css_class (GTK_WIDGET (day->row), "error");
          valid = FALSE;
          continue;
        }
      gtk_widget_remove_css_class (GTK_WIDGET (day->row), "error");
      if (!adw_expander_row_get_enable_expansion (day->row))
        continue;
      g_variant_builder_add (hours, "(yqq)", (guint8) day->weekday,
                             (guint16) gtk_spin_button_get_value_as_int (day->start),
                             (guint16) gtk_spin_button_get_value_as_int (day->end));
      if (gtk_switch_get_active (day->has_break))
        g_variant_builder_add (breaks, "(yqq)", (guint8) day->weekday,
                               (guint16) gtk_spin_button_get_value_as_int (day->break_start),
                               (guint16) gtk_spin_button_get_value_as_int (day->break_end));
    }

  /* Hours that make no sense are shown, not saved. */
  if (!valid)
    return;

  /* Two writes; HolbooModeManager looks once both are in. */
  self->loading = TRUE;
  g_settings_set_value (self->settings, "work-hours", g_variant_builder_end (hours));
  g_settings_set_value (self->settings, "work-breaks", g_variant_builder_end (breaks));
  self->loading = FALSE;
}

static void
load_days (HolbooWorkHoursWindow *self)
{
  g_autoptr(GVariant) hours = g_settings_get_value (self->settings, "work-hours");
  g_autoptr(GVariant) breaks = g_settings_get_value (self->settings, "work-breaks");
  guint start[7], end[7], break_start[7], break_end[7];
  gboolean works[7] = { FALSE }, has_break[7] = { FALSE };
  GVariantIter iter;
  guint8 weekday;
  guint16 a, b;

  for (guint i = 0; i < 7; i++)
    {
      start[i] = 9 * 60;
      end[i] = 18 * 60;
      break_start[i] = 13 * 60;
      break_end[i] = 14 * 60;
    }

  g_variant_iter_init (&iter, hours);
  while (g_variant_iter_next (&iter, "(yqq)", &weekday, &a, &b))
    {
      if (weekday < 1 || weekday > 7 || a >= b || b > 1440)
        continue;
      if (!works[weekday - 1])
        {
          start[weekday - 1] = a;
          end[weekday - 1] = b;
        }
      start[weekday - 1] = MIN (start[weekday - 1], a);
      end[weekday - 1] = MAX (end[weekday - 1], b);
      works[weekday - 1] = TRUE;
    }
  g_variant_iter_init (&iter, breaks);
  while (g_variant_iter_next (&iter, "(yqq)", &weekday, &a, &b))
    {
      if (weekday < 1 || weekday > 7 || a >= b || b > 1440 || has_break[weekday - 1])
        continue;
      break_start[weekday - 1] = a;
      break_end[weekday - 1] = b;
      has_break[weekday - 1] = TRUE;
    }

  self->loading = TRUE;
  for (guint i = 0; i < 7; i++)
    {
      Day *day = &self->days[i];

      adw_expander_row_set_enable_expansion (day->row, works[i]);
      gtk_spin_button_set_value (day->start, start[i]);
      gtk_spin_button_set_value (day->end, end[i]);
      gtk_switch_set_active (day->has_break, has_break[i]);
      gtk_spin_button_set_value (day->break_start, break_start[i]);
      gtk_spin_button_set_value (day->break_end, break_end[i]);
      update_subtitle (day);
    }
  self->loading = FALSE;
}

static void
build_day (HolbooWorkHoursWindow *self,
           Day                   *day,
           GDateWeekday           weekday)
{
  GtkWidget *hours_row = adw_action_row_new ();
  GtkWidget *break_switch_row = adw_action_row_new ();
  GtkWidget *break_row = adw_action_row_new ();
  GtkWidget *break_box;

  day->self = self;
  day->weekday = weekday;
  day->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (day->row), holboo_mode_weekday_name (weekday));
  adw_expander_row_set_show_enable_switch (day->row, TRUE);
  g_signal_connect_swapped (day->row, "notify::enable-expansion", G_CALLBACK (save_days), self);

  day->start = time_spin (self, _("Start"));
  day->end = time_spin (self, _("End"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (hours_row), _("Hours"));
  /* One line, ellipsized: the times get the room on a narrow window. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (hours_row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (hours_row), span_box (day->start, day->end));
  adw_expander_row_add_row (day->row, hours_row);

  day->break_start = time_spin (self, _("Break start"));
  day->break_end = time_spin (self, _("Break end"));
  day->has_break = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (day->has_break), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (day->has_break, "notify::active", G_CALLBACK (save_days), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (break_switch_row), _("Break"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (break_switch_row), GTK_WIDGET (day->has_break));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (break_switch_row), GTK_WIDGET (day->has_break));
  adw_expander_row_add_row (day->row, break_switch_row);

  /* On a row of its own, so the window still fits a phone (360 px). */
  break_box = span_box (day->break_start, day->break_end);
  g_object_bind_property (day->has_break, "active", break_row, "sensitive", G_BINDING_SYNC_CREATE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (break_row), _("Break time"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (break_row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (break_row), break_box);
  adw_expander_row_add_row (day->row, break_row);

  adw_preferences_group_add (self->days_group, GTK_WIDGET (day->row));
}

/* A list of strings in the settings, as rows with a remove button. */
typedef struct {
  HolbooWorkHoursWindow *self;
  const char            *key;
  char                  *value;
} RemoveData;

static void
remove_data_free (gpointer data,
                  GClosure *closure)
{
  RemoveData *remove = data;

  g_free (remove->value);
  g_free (remove);
}

static void
on_remove_clicked (GtkButton  *button,
                   RemoveData *remove)
{
  g_auto(GStrv) values = g_settings_get_strv (remove->self->settings, remove->key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; values[i] != NULL; i++)
    if (!g_str_equal (values[i], remove->value))
      g_strv_builder_add (builder, values[i]);
  kept = g_strv_builder_end (builder);
  g_settings_set_strv (remove->self->settings, remove->key, (const char * const *) kept);
}

static void
load_list (HolbooWorkHoursWindow *self,
           const char            *key,
           AdwPreferencesGroup   *group,
           GPtrArray             *rows,
           const char            *remove_label)
{
  g_auto(GStrv) values = g_settings_get_strv (self->settings, key);

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);

  for (guint i = 0; values[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      RemoveData *remove = g_new0 (RemoveData, 1);
      g_autofree char *label = g_strdup_printf ("%s: %s", remove_label, values[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), values[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      remove->self = self;
      remove->key = key;
      remove->value = g_strdup (values[i]);
      g_signal_connect_data (button, "clicked", G_CALLBACK (on_remove_clicked), remove,
                             remove_data_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (group, row);
      g_ptr_array_add (rows, row);
    }
}

static void
load_holidays (HolbooWorkHoursWindow *self)
{
  load_list (self, "work-holidays", self->holidays_group, self->holiday_rows, _("Remove Day"));
}

static void
load_people (HolbooWorkHoursWindow *self)
{
  load_list (self, "mode-chosen-people", self->people_group, self->person_rows, _("Remove Person"));
}

static void
load_zone (HolbooWorkHoursWindow *self)
{
  g_autofree char *zone = g_settings_get_string (self->settings, "work-time-zone");

  gtk_editable_set_text (GTK_EDITABLE (self->zone_row),
                         *zone != '\0' ? zone : HOLBOO_WORK_SCHEDULE_DEFAULT_TIME_ZONE);
}

static void
on_entry_changed (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
on_zone_apply (HolbooWorkHoursWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->zone_row));
  g_autofree char *zone_id = g_strstrip (g_strdup (text));
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);

  if (zone == NULL || *zone_id == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->zone_row), "error");
      return;
    }
  g_settings_set_string (self->settings, "work-time-zone", zone_id);
}

static void
add_to_list (HolbooWorkHoursWindow *self,
             const char            *key,
             const char            *value)
{
  g_auto(GStrv) values = g_settings_get_strv (self->settings, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  if (g_strv_contains ((const char * const *) values, value))
    return;
  g_strv_builder_addv (builder, (const char **) values);
  g_strv_builder_add (builder, value);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, key, (const char * const *) updated);
}

static void
on_holiday_apply (HolbooWorkHoursWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->holiday_row))));
  g_autoptr(HolbooWorkSchedule) check = holboo_work_schedule_new (NULL);

  if (!holboo_work_schedule_add_holiday (check, text, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->holiday_row), "error");
      return;
    }
  add_to_list (self, "work-holidays", text);
  gtk_editable_set_text (GTK_EDITABLE (self->holiday_row), "");
}

static void
on_person_apply (HolbooWorkHoursWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->person_row))));
  g_autoptr(HolbooJid) jid = holboo_jid_parse (text, -1, NULL);

  if (jid == NULL || holboo_jid_get_localpart (jid) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->person_row), "error");
      return;
    }
  add_to_list (self, "mode-chosen-people", holboo_jid_get_bare_string (jid));
  gtk_editable_set_text (GTK_EDITABLE (self->person_row), "");
}

static void
load_team (HolbooWorkHoursWindow *self)
{
  g_auto(GStrv) domains = g_settings_get_strv (self->settings, "team-domains");
  g_autofree char *text = g_strjoinv (", ", domains);

  gtk_editable_set_text (GTK_EDITABLE (self->team_row), text);
}

/* "example.mn, branch.example.mn": each must be a domain. */
static void
on_team_apply (HolbooWorkHoursWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->team_row));
  g_auto(GStrv) parts = g_strsplit_set (text, ", ;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) domains = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(HolbooJid) jid = NULL;

      if (*parts[i] == '\0')
        continue;
      jid = holboo_jid_parse (parts[i], -1, NULL);
      if (jid == NULL || !holboo_jid_is_domain (jid))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->team_row), "error");
          return;
        }
      g_strv_builder_add (builder, holboo_jid_get_domainpart (jid));
    }
  domains = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "team-domains", (const char * const *) domains);
}

/* Changes made elsewhere (holboo-cli, another window) show here. */
static void
on_settings_changed (GSettings             *settings,
                     const char            *key,
                     HolbooWorkHoursWindow *self)
{
  if (g_str_equal (key, "work-holidays"))
    load_holidays (self);
  else if (g_str_equal (key, "mode-chosen-people"))
    load_people (self);
  else if (g_str_equal (key, "work-time-zone"))
    load_zone (self);
  else if (g_str_equal (key, "team-domains"))
    load_team (self);
  else if ((g_str_equal (key, "work-hours") || g_str_equal (key, "work-breaks")) && !self->loading)
    load_days (self);
}

static void
holboo_work_hours_window_dispose (GObject *object)
{
  HolbooWorkHoursWindow *self = HOLBOO_WORK_HOURS_WINDOW (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_WORK_HOURS_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->holiday_rows, g_ptr_array_unref);
  g_clear_pointer (&self->person_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (holboo_work_hours_window_parent_class)->dispose (object);
}

static void
holboo_work_hours_window_class_init (HolbooWorkHoursWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_work_hours_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-work-hours-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, days_group);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, holidays_group);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, people_group);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, zone_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, holiday_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, person_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, auto_reply_switch);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, reply_mn_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, reply_en_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooWorkHoursWindow, team_row);
  gtk_widget_class_bind_template_callback (widget_class, on_team_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_holiday_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_person_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
holboo_work_hours_window_init (HolbooWorkHoursWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->holiday_rows = g_ptr_array_new ();
  self->person_rows = g_ptr_array_new ();
  for (GDateWeekday d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    build_day (self, &self->days[d - 1], d);
  g_object_bind_property (self->auto_reply_switch, "active", self->reply_mn_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->auto_reply_switch, "active", self->reply_en_row, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->auto_reply_switch, "active", self->team_row, "sensitive", G_BINDING_SYNC_CREATE);
}

/**
 * holboo_work_hours_window_new:
 * @parent: (nullable): the window to stay above
 * @settings: the application's settings, edited in place
 */
GtkWidget *
holboo_work_hours_window_new (GtkWindow *parent,
                              GSettings *settings)
{
  HolbooWorkHoursWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HOLBOO_TYPE_WORK_HOURS_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  load_days (self);
  load_zone (self);
  load_holidays (self);
  load_people (self);
  load_team (self);
  g_settings_bind (settings, "auto-reply", self->auto_reply_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "auto-reply-text-mn", self->reply_mn_row, "text", G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  g_settings_bind (settings, "auto-reply-text-en", self->reply_en_row, "text", G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY);
  g_signal_connect (settings, "changed", G_CALLBACK (on_settings_changed), self);
  return GTK_WIDGET (self);
}

/**
 * holboo_work_hours_window_get_day_row:
 *
 * Returns: (transfer none): @weekday's expander row
 */
GtkWidget *
holboo_work_hours_window_get_day_row (HolbooWorkHoursWindow *self,
                                      GDateWeekday           weekday)
{
  g_return_val_if_fail (HOLBOO_IS_WORK_HOURS_WINDOW (self), NULL);
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);

  return GTK_WIDGET (self->days[weekday - 1].row);
}

/**
 * holboo_work_hours_window_set_day:
 *
 * Sets @weekday's widgets as a user would, which saves them.
 *
 * Returns: whether the day's hours were valid (and so saved)
 */
gboolean
holboo_work_hours_window_set_day (HolbooWorkHoursWindow *self,
                                  GDateWeekday           weekday,
                                  gboolean               works,
                                  guint                  start,
                                  guint                  end,
                                  gboolean               has_break,
                                  guint                  break_start,
                                  guint                  break_end)
{
  Day *day;

  g_return_val_if_fail (HOLBOO_IS_WORK_HOURS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_date_valid_weekday (weekday), FALSE);

  day = &self->days[weekday - 1];
  adw_expander_row_set_enable_expansion (day->row, works);
  gtk_spin_button_set_value (day->start, start);
  gtk_spin_button_set_value (day->end, end);
  gtk_switch_set_active (day->has_break, has_break);
  gtk_spin_button_set_value (day->break_start, break_start);
  gtk_spin_button_set_value (day->break_end, break_end);
  return day_valid (day);
}
