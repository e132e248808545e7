/* holboo-work-hours-window.h — the work hours, holidays, time zone and
 * chosen people, edited in the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HOLBOO_TYPE_WORK_HOURS_WINDOW (holboo_work_hours_window_get_type ())

G_DECLARE_FINAL_TYPE (HolbooWorkHoursWindow, holboo_work_hours_window, HOLBOO, WORK_HOURS_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *holboo_work_hours_window_new       (GtkWindow             *parent,
                                               GSettings             *settings);
GtkWidget *holboo_work_hours_window_get_day_row (HolbooWorkHoursWindow *self,
                                               GDateWeekday           weekday);
gboolean   holboo_work_hours_window_set_day   (HolbooWorkHoursWindow *self,
                                               GDateWeekday           weekday,
                                               gboolean               works,
                                               guint                  start,
                                               guint                  end,
                                               gboolean               has_break,
                                               guint                  break_start,
                                               guint                  break_end);

G_END_DECLS
