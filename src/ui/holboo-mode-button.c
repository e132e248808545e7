/* holboo-mode-button.c — the current mode in the header bar, and a menu
 * to switch it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Always in view: the mode's icon and name, its status and end in the
 * tooltip.  The menu switches by hand (until the work hours next begin or
 * end), sets do-not-disturb for an hour or until tomorrow, goes back to
 * the work hours, and opens their editor.  Everything goes through
 * HolbooModeManager, so a change from holboo-cli shows here too.
 */
#define G_LOG_DOMAIN "holboo-mode-button"

#include "config.h"

#include "holboo-mode-button.h"

#include <glib/gi18n.h>

#include "holboo-work-hours-window.h"

struct _HolbooModeButton
{
  AdwBin              parent_instance;

  HolbooModeManager  *manager;
  GSimpleActionGroup *actions;

  /* Template children */
  GtkMenuButton      *menu_button;
  GtkImage           *icon;
  GtkLabel           *label;
};

G_DEFINE_FINAL_TYPE (HolbooModeButton, holboo_mode_button, ADW_TYPE_BIN)

static const char *
mode_icon (HolbooMode mode)
{
  switch (mode)
    {
    case HOLBOO_MODE_PERSONAL:
      return "user-away-symbolic";
    case HOLBOO_MODE_DND:
      return "notifications-disabled-symbolic";
    case HOLBOO_MODE_WORK:
    default:
      return "user-available-symbolic";
    }
}

static const char *
mode_name (HolbooMode mode)
{
  switch (mode)
    {
    case HOLBOO_MODE_PERSONAL:
      return C_("mode", "Personal");
    case HOLBOO_MODE_DND:
      return C_("mode", "Do Not Disturb");
    case HOLBOO_MODE_WORK:
    default:
      return C_("mode", "Work");
    }
}

static void
update (HolbooModeButton *self)
{
  HolbooModeState *state;
  HolbooMode mode;
  GDateTime *until;
  g_autofree char *status = NULL;
  g_autofree char *how = NULL;
  g_autofree char *tooltip = NULL;
  GAction *action;

  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), self->manager != NULL);
  if (self->manager == NULL)
    return;

  state = holboo_mode_manager_get_state (self->manager);
  mode = holboo_mode_state_get_mode (state);
  until = holboo_mode_state_get_until (state);
  status = holboo_mode_state_dup_status (state);

  gtk_image_set_from_icon_name (self->icon, mode_icon (mode));
  gtk_label_set_text (self->label, mode_name (mode));

  if (holboo_mode_state_get_manual (state))
    {
      if (until != NULL)
        {
          g_autofree char *time = g_date_time_format (until, "%H:%M");

          /* TRANSLATORS: %s is a time like 15:00. */
          how = g_strdup_printf (_("Set by hand until %s"), time);
        }
      else
        how = g_strdup (_("Set by hand"));
    }
  else
    how = g_strdup (_("Follows your work hours"));

  /* TRANSLATORS: the mode button's tooltip: the mode, then who set it,
   * then what others see ("Personal\nFollows your work hours\nOutside
   * work hours — back at 09:00"). */
  tooltip = status != NULL
    ? g_strdup_printf (_("%s\n%s\nOthers see: %s"), mode_name (mode), how, status)
    : g_strdup_printf (_("%s\n%s"), mode_name (mode), how);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "mode");
  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (holboo_mode_to_string (mode)));
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "follow-schedule");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), holboo_mode_state_get_manual (state));
}

static void
on_mode_change_state (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       user_data)
{
  HolbooModeButton *self = user_data;
  HolbooMode mode;

  if (self->manager == NULL || !holboo_mode_from_string (g_variant_get_string (value, NULL), &mode))
    return;
  holboo_mode_manager_set_mode (self->manager, mode, NULL);
}

static void
on_mode_activate (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  /* Choosing the mode already in force again restarts its span. */
  on_mode_change_state (action, parameter, user_data);
}

static void
on_dnd_hour (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HolbooModeButton *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour = NULL;

  if (self->manager == NULL)
    return;
  /* An hour, to the whole minute the status text shows. */
  hour = holboo_mode_parse_until ("1h", holboo_work_schedule_get_time_zone (
                                    holboo_mode_manager_get_schedule (self->manager)), now, NULL);
  holboo_mode_manager_set_mode (self->manager, HOLBOO_MODE_DND, hour);
}

static void
on_dnd_tomorrow (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HolbooModeButton *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) morning = NULL;

  if (self->manager == NULL)
    return;
  morning = holboo_mode_tomorrow_morning (holboo_mode_manager_get_schedule (self->manager), now);
  holboo_mode_manager_set_mode (self->manager, HOLBOO_MODE_DND, morning);
}

static void
on_follow_schedule (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HolbooModeButton *self = user_data;

  if (self->manager != NULL)
    holboo_mode_manager_follow_schedule (self->manager);
}

static void
on_edit_hours (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  HolbooModeButton *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window;

  if (self->manager == NULL)
    return;
  window = holboo_work_hours_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         holboo_mode_manager_get_settings (self->manager));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry action_entries[] = {
  { .name = "mode", .activate = on_mode_activate, .parameter_type = "s", .state = "'work'",
    .change_state = on_mode_change_state },
  { .name = "dnd-hour", .activate = on_dnd_hour },
  { .name = "dnd-tomorrow", .activate = on_dnd_tomorrow },
  { .name = "follow-schedule", .activate = on_follow_schedule },
  { .name = "edit-hours", .activate = on_edit_hours },
};

static void
holboo_mode_button_dispose (GObject *object)
{
  HolbooModeButton *self = HOLBOO_MODE_BUTTON (object);

  /* AdwBin drops its child (the template's menu button) itself. */
  g_clear_object (&self->manager);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (holboo_mode_button_parent_class)->dispose (object);
}

static void
holboo_mode_button_class_init (HolbooModeButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_mode_button_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-mode-button.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooModeButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooModeButton, icon);
  gtk_widget_class_bind_template_child (widget_class, HolbooModeButton, label);
}

static void
holboo_mode_button_init (HolbooModeButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "mode", G_ACTION_GROUP (self->actions));
  update (self);
}

/**
 * holboo_mode_button_set_manager:
 * @manager: (nullable): the mode to show and switch; %NULL makes the
 *   button insensitive
 */
void
holboo_mode_button_set_manager (HolbooModeButton  *self,
                                HolbooModeManager *manager)
{
  g_return_if_fail (HOLBOO_IS_MODE_BUTTON (self));
  g_return_if_fail (manager == NULL || HOLBOO_IS_MODE_MANAGER (manager));

  if (self->manager == manager)
    return;
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  if (manager != NULL)
    g_signal_connect_object (manager, "notify::state", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

HolbooModeManager *
holboo_mode_button_get_manager (HolbooModeButton *self)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_BUTTON (self), NULL);
  return self->manager;
}

/**
 * holboo_mode_button_get_label:
 *
 * Returns: the mode's name as shown
 */
const char *
holboo_mode_button_get_label (HolbooModeButton *self)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_BUTTON (self), NULL);
  return gtk_label_get_text (self->label);
}

const char *
holboo_mode_button_get_icon_name (HolbooModeButton *self)
{
  g_return_val_if_fail (HOLBOO_IS_MODE_BUTTON (self), NULL);
  return gtk_image_get_icon_name (self->icon);
}
