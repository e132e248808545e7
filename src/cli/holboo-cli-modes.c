/* holboo-cli-modes.c: holboo-cli mode show|set — the work, personal or
 * do-not-disturb mode, read and set in the same settings the app follows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No account and no connection: the mode lives in GSettings, and the
 * running app (HolbooModeManager) sees the change and sends the presence.
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-cli.h"
#include "holboo-mode-manager.h"

static GSettings *
open_settings (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "mode"))
    {
      g_set_error (error, HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_FAILED,
                   _("The settings schema “%s” is missing or out of date; reinstall Holboo"),
                   SCHEMA_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
format_local (GDateTime *at)
{
  return at != NULL ? g_date_time_format_iso8601 (at) : NULL;
}

static void
print_state (HolbooCli         *cli,
             HolbooModeManager *manager)
{
  HolbooModeState *state = holboo_mode_manager_get_state (manager);
  HolbooMode mode = holboo_mode_state_get_mode (state);
  g_autofree char *until = format_local (holboo_mode_state_get_until (state));
  g_autofree char *back = format_local (holboo_mode_state_get_back_at (state));
  g_autofree char *status = holboo_mode_state_dup_status (state);
  g_autoptr(GEnumClass) shows = g_type_class_ref (HOLBOO_TYPE_XMPP_PRESENCE_SHOW);
  const char *show = g_enum_get_value (shows, holboo_mode_state_get_show (state))->value_nick;
  const char *zone = g_time_zone_get_identifier (holboo_work_schedule_get_time_zone (
                                                   holboo_mode_manager_get_schedule (manager)));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "mode");
      json_builder_add_string_value (builder, holboo_mode_to_string (mode));
      json_builder_set_member_name (builder, "manual");
      json_builder_add_boolean_value (builder, holboo_mode_state_get_manual (state));
      json_builder_set_member_name (builder, "until");
      if (until != NULL)
        json_builder_add_string_value (builder, until);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "work_time");
      json_builder_add_boolean_value (builder, holboo_mode_state_get_work_time (state));
      json_builder_set_member_name (builder, "back_at");
      if (back != NULL)
        json_builder_add_string_value (builder, back);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "show");
      json_builder_add_string_value (builder, show);
      json_builder_set_member_name (builder, "status");
      if (status != NULL)
        json_builder_add_string_value (builder, status);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "time_zone");
      json_builder_add_string_value (builder, zone);
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
      return;
    }

  /* TRANSLATORS: "work", "personal" or "dnd" (not translated: what
   * "mode set" takes), and who chose it. */
  g_print (holboo_mode_state_get_manual (state) ? _("Mode: %s (set by hand)\n")
                                                : _("Mode: %s (work hours)\n"),
           holboo_mode_to_string (mode));
  if (until != NULL)
    g_print (_("Until: %s\n"), until);
  g_print (_("Presence: %s\n"), show);
  if (status != NULL)
    g_print (_("Status: %s\n"), status);
}

int
holboo_cli_mode_show (HolbooCli  *cli,
                      int         argc,
                      char      **argv)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(HolbooModeManager) manager = NULL;
  GError *error = NULL;
  int status;

  if (!holboo_cli_parse (cli, NULL, NULL,
                         _("Show the current mode: work, personal or dnd, who set it and until when."),
                         &argc, &argv, &status))
    return status;
  if (argc != 1)
    return holboo_cli_usage (cli, _("“mode show” takes no arguments"));

  settings = open_settings (&error);
  if (settings == NULL)
    return holboo_cli_fail (cli, error);
  manager = holboo_mode_manager_new (settings, NULL);
  print_state (cli, manager);
  return HOLBOO_CLI_EXIT_OK;
}

int
holboo_cli_mode_set (HolbooCli  *cli,
                     int         argc,
                     char      **argv)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(HolbooModeManager) manager = NULL;
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *until_text = NULL;
  GError *error = NULL;
  HolbooMode mode = HOLBOO_MODE_WORK;
  gboolean automatic;
  int status;
  GOptionEntry entries[] = {
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      N_("When to go back to the work hours: 15:00, 90m, 2h or 2026-11-24T09:00"), N_("TIME") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("work|personal|dnd|auto"),
                         _("Switch the mode by hand until TIME, or by default until the work hours "
                           "next begin or end; “auto” follows the work hours again."),
                         &argc, &argv, &status))
    return status;
  if (argc != 2)
    return holboo_cli_usage (cli, _("“mode set” needs one of work, personal, dnd or auto"));
  automatic = g_str_equal (argv[1], "auto");
  if (!automatic && !holboo_mode_from_string (argv[1], &mode))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a mode: use work, personal, dnd or auto"),
                                                  argv[1]);

      return holboo_cli_usage (cli, message);
    }
  if (automatic && until_text != NULL)
    return holboo_cli_usage (cli, _("“mode set auto” takes no --until"));

  settings = open_settings (&error);
  if (settings == NULL)
    return holboo_cli_fail (cli, error);
  manager = holboo_mode_manager_new (settings, NULL);

  if (until_text != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GTimeZone *zone = holboo_work_schedule_get_time_zone (holboo_mode_manager_get_schedule (manager));

      until = holboo_mode_parse_until (until_text, zone, now, &error);
      if (until == NULL)
        {
          status = holboo_cli_usage (cli, error->message);
          g_error_free (error);
          return status;
        }
    }

  if (automatic)
    holboo_mode_manager_follow_schedule (manager);
  else
    holboo_mode_manager_set_mode (manager, mode, until);
  /* Written to dconf (or the keyfile) before the process ends. */
  g_settings_sync ();
  print_state (cli, manager);
  return HOLBOO_CLI_EXIT_OK;
}
