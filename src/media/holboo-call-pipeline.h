/* holboo-call-pipeline.h: one call's media: a GStreamer pipeline around webrtcbin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>
#include <gst/sdp/sdp.h>
#include <gst/webrtc/webrtc.h>

#include "holboo-call-stats.h"
#include "holboo-ice-server.h"
#include "holboo-media-types.h"

G_BEGIN_DECLS

/* Environment variables that replace the devices (gst-launch syntax),
 * read when a pipeline is built and its property was not set. */
#define HOLBOO_ENV_AUDIO_SOURCE "HOLBOO_AUDIO_SOURCE"
#define HOLBOO_ENV_AUDIO_SINK   "HOLBOO_AUDIO_SINK"
#define HOLBOO_ENV_VIDEO_SOURCE "HOLBOO_VIDEO_SOURCE"
#define HOLBOO_ENV_VIDEO_SINK   "HOLBOO_VIDEO_SINK"

#define HOLBOO_TYPE_CALL_PIPELINE (holboo_call_pipeline_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCallPipeline, holboo_call_pipeline, HOLBOO, CALL_PIPELINE, GObject)

HolbooCallPipeline *holboo_call_pipeline_new                 (gboolean                     video);

HolbooCallState     holboo_call_pipeline_get_state           (HolbooCallPipeline          *self);
gboolean            holboo_call_pipeline_get_video           (HolbooCallPipeline          *self);
GstElement         *holboo_call_pipeline_get_pipeline        (HolbooCallPipeline          *self);
gint64              holboo_call_pipeline_get_setup_time      (HolbooCallPipeline          *self);

void                holboo_call_pipeline_set_ice_servers     (HolbooCallPipeline          *self,
                                                              GPtrArray                   *servers);
void                holboo_call_pipeline_set_relay_only      (HolbooCallPipeline          *self,
                                                              gboolean                     relay_only);

void                holboo_call_pipeline_follow_offer        (HolbooCallPipeline          *self,
                                                              const GstSDPMessage         *offer);
gboolean            holboo_call_pipeline_start               (HolbooCallPipeline          *self,
                                                              GError                     **error);

void                holboo_call_pipeline_create_offer_async  (HolbooCallPipeline          *self,
                                                              GCancellable                *cancellable,
                                                              GAsyncReadyCallback          callback,
                                                              gpointer                     user_data);
GstWebRTCSessionDescription *
                    holboo_call_pipeline_create_offer_finish (HolbooCallPipeline          *self,
                                                              GAsyncResult                *result,
                                                              GError                     **error);
void                holboo_call_pipeline_create_answer_async (HolbooCallPipeline          *self,
                                                              GCancellable                *cancellable,
                                                              GAsyncReadyCallback          callback,
                                                              gpointer                     user_data);
GstWebRTCSessionDescription *
                    holboo_call_pipeline_create_answer_finish (HolbooCallPipeline         *self,
                                                              GAsyncResult                *result,
                                                              GError                     **error);
void                holboo_call_pipeline_set_remote_description_async  (HolbooCallPipeline          *self,
                                                                        GstWebRTCSessionDescription *description,
                                                                        GCancellable                *cancellable,
                                                                        GAsyncReadyCallback          callback,
                                                                        gpointer                     user_data);
gboolean            holboo_call_pipeline_set_remote_description_finish (HolbooCallPipeline          *self,
                                                                        GAsyncResult                *result,
                                                                        GError                     **error);

void                holboo_call_pipeline_add_remote_candidate (HolbooCallPipeline         *self,
                                                              guint                        mline_index,
                                                              const char                  *candidate);

void                holboo_call_pipeline_set_audio_muted     (HolbooCallPipeline          *self,
                                                              gboolean                     muted);
gboolean            holboo_call_pipeline_get_audio_muted     (HolbooCallPipeline          *self);
void                holboo_call_pipeline_set_camera_enabled  (HolbooCallPipeline          *self,
                                                              gboolean                     enabled);
gboolean            holboo_call_pipeline_get_camera_enabled  (HolbooCallPipeline          *self);
void                holboo_call_pipeline_set_held            (HolbooCallPipeline          *self,
                                                              gboolean                     held);
gboolean            holboo_call_pipeline_get_held            (HolbooCallPipeline          *self);

void                holboo_call_pipeline_get_stats_async     (HolbooCallPipeline          *self,
                                                              GCancellable                *cancellable,
                                                              GAsyncReadyCallback          callback,
                                                              gpointer                     user_data);
HolbooCallStats    *holboo_call_pipeline_get_stats_finish    (HolbooCallPipeline          *self,
                                                              GAsyncResult                *result,
                                                              GError                     **error);

char               *holboo_call_pipeline_dump_dot            (HolbooCallPipeline          *self,
                                                              const char                  *name);

void                holboo_call_pipeline_hang_up             (HolbooCallPipeline          *self);

G_END_DECLS
