/* holboo-call-pipeline-exchange.c: offer, answer, candidates, statistics and DOT dumps of a call pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-call-pipeline"

#include "config.h"

#include "holboo-call-pipeline.h"
#include "holboo-call-pipeline-private.h"

#include <glib/gi18n-lib.h>

/* ---- offer/answer ---- */

/**
 * holboo_call_pipeline_follow_offer:
 * @offer: the offer this pipeline will answer
 *
 * Before holboo_call_pipeline_start(): the send branches are built with
 * the offer's payload types for Opus and VP8 (Dino numbers Opus 99,
 * Firefox 109), so that answering it needs no renegotiation.  Without
 * this, holboo_call_pipeline_set_remote_description_async() retypes the
 * running branches first — which waits for media to flow, and can wait
 * for ever once a buffer already sits in webrtcbin's blocked sink pad.
 */
void
holboo_call_pipeline_follow_offer (HolbooCallPipeline  *self,
                                   const GstSDPMessage *offer)
{
  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));
  g_return_if_fail (offer != NULL);

  _holboo_call_pipeline_set_payload_types (self,
                                           MAX (0, _holboo_call_offer_payload_type (offer, "audio", "opus")),
                                           MAX (0, _holboo_call_offer_payload_type (offer, "video", "VP8")));
}


typedef enum {
  STEP_CREATE_OFFER,
  STEP_CREATE_ANSWER,
  STEP_SET_LOCAL,
  STEP_SET_REMOTE,
} Step;

typedef struct {
  Step                         step;
  GstWebRTCSessionDescription *description;
  gboolean                     is_answer;
} Exchange;

static void
exchange_free (gpointer p)
{
  Exchange *ex = p;

  g_clear_pointer (&ex->description, gst_webrtc_session_description_free);
  g_free (ex);
}

/* The reply of a webrtcbin promise: %FALSE with @error if it failed. */
static gboolean
promise_ok (GstPromise  *promise,
            GError     **error)
{
  const GstStructure *reply;
  g_autoptr(GError) reply_error = NULL;

  if (gst_promise_wait (promise) != GST_PROMISE_RESULT_REPLIED)
    {
      g_set_error_literal (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_CLOSED,
                           _("The call's pipeline stopped"));
      return FALSE;
    }
  reply = gst_promise_get_reply (promise);
  if (reply != NULL && gst_structure_has_field (reply, "error"))
    {
      gst_structure_get (reply, "error", G_TYPE_ERROR, &reply_error, NULL);
      g_set_error (error, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_NEGOTIATION,
                   _("The session description was refused: %s"),
                   reply_error ? reply_error->message : "unknown reason");
      return FALSE;
    }
  return TRUE;
}

static void on_promise (GstPromise *promise,
                        gpointer    user_data);

static void
run_step (GTask *task)
{
  HolbooCallPipeline *self = g_task_get_source_object (task);
  Exchange *ex = g_task_get_task_data (task);
  GstPromise *promise = gst_promise_new_with_change_func (on_promise, g_object_ref (task),
                                                          g_object_unref);

  switch (ex->step)
    {
    case STEP_CREATE_OFFER:
      g_signal_emit_by_name (_holboo_call_pipeline_get_webrtc (self), "create-offer", NULL, promise);
      break;
    case STEP_CREATE_ANSWER:
      g_signal_emit_by_name (_holboo_call_pipeline_get_webrtc (self), "create-answer", NULL, promise);
      break;
    case STEP_SET_LOCAL:
      g_signal_emit_by_name (_holboo_call_pipeline_get_webrtc (self), "set-local-description", ex->description, promise);
      break;
    case STEP_SET_REMOTE:
      g_signal_emit_by_name (_holboo_call_pipeline_get_webrtc (self), "set-remote-description", ex->description, promise);
      break;
    default:
      g_assert_not_reached ();
    }
  gst_promise_unref (promise);
}

/* A promise's reply, on a webrtcbin thread.  The task (and so the
 * pipeline) is kept alive by the promise's reference. */
static void
on_promise (GstPromise *promise,
            gpointer    user_data)
{
  GTask *task = user_data;
  HolbooCallPipeline *self = g_task_get_source_object (task);
  Exchange *ex = g_task_get_task_data (task);
  GError *error = NULL;

  if (!promise_ok (promise, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  switch (ex->step)
    {
    case STEP_CREATE_OFFER:
    case STEP_CREATE_ANSWER:
      {
        const GstStructure *reply = gst_promise_get_reply (promise);
        const char *field = ex->step == STEP_CREATE_OFFER ? "offer" : "answer";

        ex->is_answer = ex->step == STEP_CREATE_ANSWER;
        gst_structure_get (reply, field, GST_TYPE_WEBRTC_SESSION_DESCRIPTION, &ex->description, NULL);
        if (ex->description == NULL)
          {
            g_task_return_new_error (task, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_NEGOTIATION,
                                     _("No session description was made"));
            return;
          }
        ex->step = STEP_SET_LOCAL;
        run_step (task);
      }
      break;

    case STEP_SET_LOCAL:
    case STEP_SET_REMOTE:
      if (ex->is_answer)
        _holboo_call_shared_invoke (_holboo_call_pipeline_get_shared (self), _holboo_call_pipeline_answer_applied,
                                    GSIZE_TO_POINTER ((gsize) g_get_monotonic_time ()), NULL);
      if (ex->step == STEP_SET_LOCAL)
        g_task_return_pointer (task, gst_webrtc_session_description_copy (ex->description),
                               (GDestroyNotify) gst_webrtc_session_description_free);
      else
        g_task_return_boolean (task, TRUE);
      break;

    default:
      g_assert_not_reached ();
    }
}

static GTask *
start_exchange (HolbooCallPipeline  *self,
                Step                 step,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Exchange *ex = g_new0 (Exchange, 1);

  g_task_set_source_tag (task, source_tag);
  ex->step = step;
  g_task_set_task_data (task, ex, exchange_free);

  if (holboo_call_pipeline_get_pipeline (self) == NULL || holboo_call_pipeline_get_state (self) >= HOLBOO_CALL_STATE_ENDED)
    {
      g_task_return_new_error (task, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_CLOSED,
                               holboo_call_pipeline_get_pipeline (self) == NULL ? _("The call's pipeline is not started")
                                                      : _("The call has ended"));
      return NULL;
    }
  return g_steal_pointer (&task);
}

/**
 * holboo_call_pipeline_create_offer_async:
 * @self: a started call pipeline
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the offer
 * @user_data: data for @callback
 *
 * Creates an offer and applies it as the local description; ICE starts
 * gathering and #HolbooCallPipeline::local-candidate follows.
 */
void
holboo_call_pipeline_create_offer_async (HolbooCallPipeline  *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));

  task = start_exchange (self, STEP_CREATE_OFFER, holboo_call_pipeline_create_offer_async,
                         cancellable, callback, user_data);
  if (task != NULL)
    run_step (task);
}

/**
 * holboo_call_pipeline_create_offer_finish:
 *
 * Returns: (transfer full): the offer, already the local description
 */
GstWebRTCSessionDescription *
holboo_call_pipeline_create_offer_finish (HolbooCallPipeline  *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_call_pipeline_create_answer_async:
 * @self: a started call pipeline whose remote offer is applied
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the answer
 * @user_data: data for @callback
 *
 * Creates an answer to the remote offer and applies it locally.
 */
void
holboo_call_pipeline_create_answer_async (HolbooCallPipeline  *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));

  task = start_exchange (self, STEP_CREATE_ANSWER, holboo_call_pipeline_create_answer_async,
                         cancellable, callback, user_data);
  if (task != NULL)
    run_step (task);
}

/**
 * holboo_call_pipeline_create_answer_finish:
 *
 * Returns: (transfer full): the answer, already the local description
 */
GstWebRTCSessionDescription *
holboo_call_pipeline_create_answer_finish (HolbooCallPipeline  *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_call_pipeline_set_remote_description_async:
 * @self: a started call pipeline
 * @description: the peer's offer or answer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when it is applied or refused
 * @user_data: data for @callback
 *
 * Applies the peer's description.  Remote candidates added before this
 * are kept by webrtcbin until it is applied.
 */
void
holboo_call_pipeline_set_remote_description_async (HolbooCallPipeline          *self,
                                                   GstWebRTCSessionDescription *description,
                                                   GCancellable                *cancellable,
                                                   GAsyncReadyCallback          callback,
                                                   gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  Exchange *ex;

  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));
  g_return_if_fail (description != NULL);

  task = start_exchange (self, STEP_SET_REMOTE, holboo_call_pipeline_set_remote_description_async,
                         cancellable, callback, user_data);
  if (task == NULL)
    return;
  ex = g_task_get_task_data (task);
  ex->description = gst_webrtc_session_description_copy (description);
  ex->is_answer = description->type == GST_WEBRTC_SDP_TYPE_ANSWER;

  /* An offer may number Opus or VP8 differently (Dino: 99, Firefox:
   * 109); webrtcbin pairs our send branches with the offer's m-lines
   * only if the payload types agree, else it answers recvonly.  So the
   * branches take the offer's numbers first. */
  if (description->type == GST_WEBRTC_SDP_TYPE_OFFER &&
      _holboo_call_follow_payload_types (holboo_call_pipeline_get_pipeline (self), description->sdp,
                                         (GDestroyNotify) run_step, g_object_ref (task), g_object_unref))
    return;
  run_step (task);
}

gboolean
holboo_call_pipeline_set_remote_description_finish (HolbooCallPipeline  *self,
                                                    GAsyncResult        *result,
                                                    GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * holboo_call_pipeline_add_remote_candidate:
 * @self: a started call pipeline
 * @mline_index: the m-line the candidate belongs to
 * @candidate: an SDP candidate attribute, "candidate:…" (with or
 *   without "a=")
 */
void
holboo_call_pipeline_add_remote_candidate (HolbooCallPipeline *self,
                                           guint               mline_index,
                                           const char         *candidate)
{
  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));
  g_return_if_fail (candidate != NULL);

  if (_holboo_call_pipeline_get_webrtc (self) == NULL || holboo_call_pipeline_get_state (self) >= HOLBOO_CALL_STATE_ENDED)
    return;
  if (g_str_has_prefix (candidate, "a="))
    candidate += 2;
  g_signal_emit_by_name (_holboo_call_pipeline_get_webrtc (self), "add-ice-candidate", mline_index, candidate);
}

static void
on_stats (GstPromise *promise,
          gpointer    user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  HolbooCallStats *stats;

  if (!promise_ok (promise, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  stats = holboo_call_stats_new_from_webrtc (gst_promise_get_reply (promise));
  g_task_return_pointer (task, stats, (GDestroyNotify) holboo_call_stats_free);
}

/**
 * holboo_call_pipeline_get_stats_async:
 * @self: a started call pipeline
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the statistics
 * @user_data: data for @callback
 *
 * Reads webrtcbin's statistics: the selected candidate pair's types,
 * remote audio packets received and lost, and the setup time.
 */
void
holboo_call_pipeline_get_stats_async (HolbooCallPipeline  *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GstPromise *promise;

  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_call_pipeline_get_stats_async);
  if (_holboo_call_pipeline_get_webrtc (self) == NULL || holboo_call_pipeline_get_state (self) >= HOLBOO_CALL_STATE_ENDED)
    {
      g_task_return_new_error (task, HOLBOO_MEDIA_ERROR, HOLBOO_MEDIA_ERROR_CLOSED,
                               _("The call is not running"));
      return;
    }
  promise = gst_promise_new_with_change_func (on_stats, g_object_ref (task), g_object_unref);
  g_signal_emit_by_name (_holboo_call_pipeline_get_webrtc (self), "get-stats", NULL, promise);
  gst_promise_unref (promise);
}

/**
 * holboo_call_pipeline_get_stats_finish:
 *
 * Returns: (transfer full): the statistics
 */
HolbooCallStats *
holboo_call_pipeline_get_stats_finish (HolbooCallPipeline  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  HolbooCallStats *stats;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  stats = g_task_propagate_pointer (G_TASK (result), error);
  if (stats != NULL)
    stats->setup_time_us = holboo_call_pipeline_get_setup_time (self);
  return stats;
}

#define DOT_DETAILS (GST_DEBUG_GRAPH_SHOW_MEDIA_TYPE | GST_DEBUG_GRAPH_SHOW_CAPS_DETAILS | \
                     GST_DEBUG_GRAPH_SHOW_STATES)

/**
 * holboo_call_pipeline_dump_dot:
 * @self: a started call pipeline
 * @name: (nullable): a file name stem, used if `GST_DEBUG_DUMP_DOT_DIR`
 *   is set (then `<dir>/<name>.dot` is written too)
 *
 * Returns: (transfer full) (nullable): the pipeline as a Graphviz DOT
 *   graph, or %NULL before it is started
 */
char *
holboo_call_pipeline_dump_dot (HolbooCallPipeline *self,
                               const char         *name)
{
  GstElement *pipeline;

  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), NULL);

  pipeline = holboo_call_pipeline_get_pipeline (self);
  if (pipeline == NULL)
    return NULL;
  /* Not GST_DEBUG_GRAPH_SHOW_ALL: reading every property reads deprecated
   * ones too (GstBaseSrc:typefind), which warns under G_ENABLE_DIAGNOSTIC. */
  if (name != NULL)
    GST_DEBUG_BIN_TO_DOT_FILE (GST_BIN (pipeline), DOT_DETAILS, name);
  return gst_debug_bin_to_dot_data (GST_BIN (pipeline), DOT_DETAILS);
}
