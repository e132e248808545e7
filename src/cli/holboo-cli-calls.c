/* holboo-cli-calls.c: test calls: `call JID` and `answer`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both drive the engine's calls (HolbooAccount, HolbooCall) without a
 * display and print one JSON object a line for each thing that happens:
 * the call's status as it moves, the tone heard (--expect-tone), the
 * media's figures (setup time, the selected ICE candidate types, packets
 * lost) and how it ended.  Media comes from the devices, or from what
 * HOLBOO_AUDIO_SOURCE/SINK and HOLBOO_VIDEO_SOURCE/SINK say
 * (audiotestsrc/videotestsrc for scripts); --test-tone HZ sends a sine.
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "holboo-account-calls.h"
#include "holboo-cli.h"
#include "holboo-spectrum.h"

typedef struct {
  HolbooCall *call;
  guint       duration_s;
  guint       duration_id;
  double      test_tone;
  double      expect_tone;
  guint       windows;        /* spectrum readings */
  guint       tone_windows;   /* … that found the expected tone */
  gboolean    relay_only;
  gboolean    was_active;
  gboolean    stats_pending;
  gboolean    done;
  gboolean    timed_out;
} CallRun;

static void
print_event (CallRun    *run,
             const char *event,
             void      (*fill) (JsonBuilder *builder, CallRun *run))
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, event);
  json_builder_set_member_name (builder, "sid");
  json_builder_add_string_value (builder, holboo_call_get_sid (run->call));
  fill (builder, run);
  json_builder_end_object (builder);
  holboo_cli_print_object (builder);
}

static void
fill_status (JsonBuilder *builder,
             CallRun     *run)
{
  HolbooCall *call = run->call;

  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, holboo_call_status_to_string (holboo_call_get_status (call)));
  json_builder_set_member_name (builder, "peer");
  json_builder_add_string_value (builder, holboo_call_get_peer (call));
  if (holboo_call_get_peer_device (call) != NULL)
    {
      json_builder_set_member_name (builder, "device");
      json_builder_add_string_value (builder, holboo_call_get_peer_device (call));
    }
  json_builder_set_member_name (builder, "incoming");
  json_builder_add_boolean_value (builder, holboo_call_get_incoming (call));
  json_builder_set_member_name (builder, "video");
  json_builder_add_boolean_value (builder, holboo_call_get_video (call));
}

static void
fill_ended (JsonBuilder *builder,
            CallRun     *run)
{
  HolbooCall *call = run->call;

  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, holboo_call_end_reason_to_string (holboo_call_get_end_reason (call)));
  json_builder_set_member_name (builder, "duration_ms");
  json_builder_add_int_value (builder, holboo_call_get_duration (call) / 1000);
  if (holboo_call_get_error (call) != NULL)
    {
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, holboo_call_get_error (call)->message);
    }
  if (run->expect_tone > 0)
    {
      json_builder_set_member_name (builder, "tone_hz");
      json_builder_add_double_value (builder, run->expect_tone);
      json_builder_set_member_name (builder, "tone_windows");
      json_builder_add_int_value (builder, run->tone_windows);
      json_builder_set_member_name (builder, "windows");
      json_builder_add_int_value (builder, run->windows);
    }
}

static HolbooCallStats *pending_stats;

static void
fill_stats (JsonBuilder *builder,
            CallRun     *run)
{
  json_builder_set_member_name (builder, "setup_ms");
  json_builder_add_double_value (builder, pending_stats->setup_time_us >= 0 ? pending_stats->setup_time_us / 1000.0 : -1);
  json_builder_set_member_name (builder, "local_candidate");
  json_builder_add_string_value (builder, holboo_ice_candidate_type_to_string (pending_stats->local_candidate_type));
  json_builder_set_member_name (builder, "remote_candidate");
  json_builder_add_string_value (builder, holboo_ice_candidate_type_to_string (pending_stats->remote_candidate_type));
  json_builder_set_member_name (builder, "packets_received");
  json_builder_add_int_value (builder, pending_stats->audio_packets_received);
  json_builder_set_member_name (builder, "packets_lost");
  json_builder_add_int_value (builder, pending_stats->audio_packets_lost);
}

static void
on_stats (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  CallRun *run = user_data;
  g_autoptr(HolbooCallStats) stats = NULL;

  run->stats_pending = FALSE;
  stats = holboo_call_pipeline_get_stats_finish (HOLBOO_CALL_PIPELINE (source), result, NULL);
  if (stats != NULL && holboo_call_get_status (run->call) != HOLBOO_CALL_STATUS_ENDED)
    {
      pending_stats = stats;
      print_event (run, "stats", fill_stats);
      pending_stats = NULL;
    }
  holboo_call_hang_up (run->call);
}

static gboolean
on_duration (gpointer user_data)
{
  CallRun *run = user_data;
  HolbooCallPipeline *pipeline = holboo_call_get_pipeline (run->call);

  run->duration_id = 0;
  if (pipeline == NULL)
    {
      holboo_call_hang_up (run->call);
      return G_SOURCE_REMOVE;
    }
  run->stats_pending = TRUE;
  holboo_call_pipeline_get_stats_async (pipeline, NULL, on_stats, run);
  return G_SOURCE_REMOVE;
}

static void
on_element_message (HolbooCallPipeline *pipeline,
                    GstMessage         *message,
                    CallRun            *run)
{
  double hz, db;

  if (!holboo_spectrum_peak (message, &hz, &db))
    return;
  run->windows++;
  if (db > -45.0 && fabs (hz - run->expect_tone) <= 10)
    run->tone_windows++;
}

static void
on_pipeline (HolbooCall *call,
             GParamSpec *pspec,
             CallRun    *run)
{
  HolbooCallPipeline *pipeline = holboo_call_get_pipeline (call);

  if (pipeline != NULL && run->expect_tone > 0)
    g_signal_connect (pipeline, "element-message", G_CALLBACK (on_element_message), run);
}

static void
on_status (HolbooCall *call,
           GParamSpec *pspec,
           CallRun    *run)
{
  HolbooCallStatus status = holboo_call_get_status (call);

  if (status == HOLBOO_CALL_STATUS_ENDED)
    {
      g_clear_handle_id (&run->duration_id, g_source_remove);
      print_event (run, "ended", fill_ended);
      run->done = TRUE;
      return;
    }
  print_event (run, "status", fill_status);
  if (status == HOLBOO_CALL_STATUS_ACTIVE && !run->was_active)
    {
      run->was_active = TRUE;
      run->duration_id = g_timeout_add_seconds (run->duration_s, on_duration, run);
    }
}

/* Devices for a test call; what is not set here comes from the
 * environment or the system. */
static void
setup_call (CallRun    *run,
            HolbooCall *call)
{
  run->call = g_object_ref (call);
  if (run->test_tone > 0)
    {
      g_autofree char *source = g_strdup_printf ("audiotestsrc is-live=true wave=sine freq=%g volume=0.4",
                                                 run->test_tone);

      g_object_set (call, "audio-source", source, NULL);
    }
  if (run->expect_tone > 0)
    g_object_set (call, "audio-sink",
                  "audioconvert ! audio/x-raw,format=F32LE,channels=1,rate=48000 "
                  "! spectrum bands=1200 interval=100000000 threshold=-90 post-messages=true "
                  "message-magnitude=true ! fakesink sync=true async=false",
                  NULL);
  if (run->relay_only)
    g_object_set (call, "relay-only", TRUE, NULL);
  g_signal_connect (call, "notify::status", G_CALLBACK (on_status), run);
  g_signal_connect (call, "notify::pipeline", G_CALLBACK (on_pipeline), run);
}

static gboolean
on_timeout (gpointer user_data)
{
  CallRun *run = user_data;

  run->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the call ended, or until @timeout_s when
 * nothing answered. */
static void
run_call (CallRun *run,
          guint    timeout_s)
{
  guint timeout_id = g_timeout_add_seconds (timeout_s, on_timeout, run);

  while (!run->done)
    {
      if (run->timed_out && !run->was_active)
        {
          /* Nobody answered (or it never connected): give up. */
          run->timed_out = FALSE;
          holboo_call_hang_up (run->call);
          continue;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  if (!run->timed_out)
    g_source_remove (timeout_id);
}

static int
finish (HolbooCli     *cli,
        HolbooAccount *account,
        CallRun       *run)
{
  HolbooCallEndReason reason = holboo_call_get_end_reason (run->call);
  g_autoptr(GAsyncResult) result = NULL;
  int status = HOLBOO_CLI_EXIT_OK;

  /* The call is logged once the store has it. */
  holboo_account_flush_async (account, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  holboo_account_disconnect (account);

  if (!run->was_active)
    status = reason == HOLBOO_CALL_END_NO_ANSWER || reason == HOLBOO_CALL_END_CANCELLED
             ? HOLBOO_CLI_EXIT_TIMED_OUT : HOLBOO_CLI_EXIT_FAILED;
  else if (reason == HOLBOO_CALL_END_FAILED || reason == HOLBOO_CALL_END_SECURITY_ERROR)
    status = HOLBOO_CLI_EXIT_FAILED;
  else if (run->expect_tone > 0 && run->tone_windows == 0)
    status = HOLBOO_CLI_EXIT_FAILED;
  g_clear_object (&run->call);
  return status;
}

int
holboo_cli_call (HolbooCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(HolbooCall) call = NULL;
  g_autoptr(GError) error = NULL;
  CallRun run = { 0 };
  gboolean video = FALSE;
  int timeout = 30, duration = 5;
  int status;
  GOptionEntry entries[] = {
    { "video", 0, 0, G_OPTION_ARG_NONE, &video, N_("With video"), NULL },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up after S seconds without an answer"), N_("S") },
    { "duration", 0, 0, G_OPTION_ARG_INT, &duration, N_("Hang up S seconds after the call connects"), N_("S") },
    { "test-tone", 0, 0, G_OPTION_ARG_DOUBLE, &run.test_tone, N_("Send a sine tone of HZ"), N_("HZ") },
    { "expect-tone", 0, 0, G_OPTION_ARG_DOUBLE, &run.expect_tone, N_("Listen for a tone of HZ"), N_("HZ") },
    { "relay-only", 0, 0, G_OPTION_ARG_NONE, &run.relay_only, N_("Only through the TURN relay"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, N_("JID"), _("Place a test call to JID."), &argc, &argv, &status))
    return status;
  if (argc != 2 || timeout <= 0 || duration <= 0)
    return holboo_cli_usage (cli, _("“call” needs one JID, and positive --timeout and --duration"));
  run.duration_s = duration;

  account = holboo_cli_open_account (cli, &error);
  if (account == NULL || !holboo_cli_connect_account (account, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  call = holboo_account_place_call (account, argv[1], video, &error);
  if (call == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  setup_call (&run, call);
  g_object_set (call, "ring-timeout", (guint) timeout, NULL);
  print_event (&run, "status", fill_status);
  run_call (&run, (guint) timeout + 30);
  return finish (cli, account, &run);
}

static void
on_call_added (HolbooAccount *account,
               HolbooCall    *call,
               CallRun       *run)
{
  if (run->call != NULL || !holboo_call_get_incoming (call))
    return;
  setup_call (run, call);
  print_event (run, "status", fill_status);
  holboo_call_accept (call);
}

int
holboo_cli_answer (HolbooCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  CallRun run = { 0 };
  int timeout = 30, duration = 5;
  int status;
  guint timeout_id;
  GOptionEntry entries[] = {
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, N_("Give up after S seconds without a call"), N_("S") },
    { "duration", 0, 0, G_OPTION_ARG_INT, &duration, N_("Hang up S seconds after the call connects"), N_("S") },
    { "test-tone", 0, 0, G_OPTION_ARG_DOUBLE, &run.test_tone, N_("Send a sine tone of HZ"), N_("HZ") },
    { "expect-tone", 0, 0, G_OPTION_ARG_DOUBLE, &run.expect_tone, N_("Listen for a tone of HZ"), N_("HZ") },
    { "relay-only", 0, 0, G_OPTION_ARG_NONE, &run.relay_only, N_("Only through the TURN relay"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, NULL, _("Answer the next incoming call."), &argc, &argv, &status))
    return status;
  if (argc != 1 || timeout <= 0 || duration <= 0)
    return holboo_cli_usage (cli, _("“answer” takes no arguments, and positive --timeout and --duration"));
  run.duration_s = duration;

  account = holboo_cli_open_account (cli, &error);
  if (account == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));
  g_signal_connect (account, "call-added", G_CALLBACK (on_call_added), &run);
  if (!holboo_cli_connect_account (account, &error))
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  /* Scripts start the caller once this line is out. */
  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "event");
    json_builder_add_string_value (builder, "ready");
    json_builder_set_member_name (builder, "jid");
    json_builder_add_string_value (builder, holboo_account_get_jid (account));
    json_builder_end_object (builder);
    holboo_cli_print_object (builder);
  }

  timeout_id = g_timeout_add_seconds (timeout, on_timeout, &run);
  while (run.call == NULL && !run.timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (account, &run);
  if (run.call == NULL)
    {
      holboo_account_disconnect (account);
      return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_TIMED_OUT,
                                                _("No call within %d s"), timeout));
    }
  g_source_remove (timeout_id);
  run.timed_out = FALSE;
  run_call (&run, (guint) timeout + 30);
  return finish (cli, account, &run);
}
