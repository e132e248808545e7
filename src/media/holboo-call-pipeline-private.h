/* holboo-call-pipeline-private.h: what the call pipeline shares with its streaming threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

#include "holboo-call-pipeline.h"

G_BEGIN_DECLS

/* RTP payload types and encoder settings, shared by the offer and the
 * Jingle translation's defaults. */
#define HOLBOO_CALL_OPUS_PT 111
#define HOLBOO_CALL_VP8_PT  96

/*
 * HolbooCallShared:
 *
 * webrtcbin calls back on its own threads (pad-added, on-ice-candidate,
 * promises, probes).  Those callbacks never touch the HolbooCallPipeline:
 * they get this refcounted block, whose fields are either immutable once
 * the pipeline is built or guarded by @lock, and hand their results to
 * the pipeline's main context, where @self is checked (dispose clears it
 * in that same context).
 */
typedef struct {
  gatomicrefcount     ref_count;
  GMainContext       *context;
  HolbooCallPipeline *self;           /* main context only */

  /* Immutable once built. */
  GstElement         *pipeline;
  GstElement         *audio_tail;     /* the playback bin, ghost pad "sink" */
  char               *video_sink_desc;

  GMutex              lock;
  gboolean            audio_linked;   /* under @lock */
  gboolean            video_linked;   /* under @lock */
  gint                first_audio_seen; /* atomic */
} HolbooCallShared;

HolbooCallShared *_holboo_call_shared_new   (HolbooCallPipeline *self);
HolbooCallShared *_holboo_call_shared_ref   (HolbooCallShared   *shared);
void              _holboo_call_shared_unref (HolbooCallShared   *shared);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooCallShared, _holboo_call_shared_unref)

/* Run @func (shared->self, data) in the pipeline's main context if the
 * pipeline is still alive; @data is freed with @free_data either way. */
typedef void (*HolbooCallMainFunc) (HolbooCallPipeline *self,
                                    gpointer            data);
void              _holboo_call_shared_invoke (HolbooCallShared   *shared,
                                              HolbooCallMainFunc  func,
                                              gpointer            data,
                                              GDestroyNotify      free_data);

/* The settings a pipeline is built from. */
typedef struct {
  gboolean   video;
  gboolean   echo_cancel;
  guint      latency_ms;
  char      *audio_source;   /* gst-launch descriptions; NULL: environment, then automatic */
  char      *audio_sink;
  char      *video_source;
  char      *video_sink;
  GPtrArray *ice_servers;    /* HolbooIceServer, nullable */
  gboolean   relay_only;
  GStrv      local_addresses; /* nullable: every interface but loopback */
  char      *audio_rtp_filter; /* nullable: between payloader and webrtcbin */
  int        opus_pt;        /* 0: HOLBOO_CALL_OPUS_PT; else the offer's (holboo_call_pipeline_follow_offer()) */
  int        vp8_pt;         /* 0: HOLBOO_CALL_VP8_PT */
} HolbooCallConfig;

/* holboo-call-pipeline-build.c: the pipeline and its branches. */
GstElement *_holboo_call_build              (const HolbooCallConfig  *config,
                                             HolbooCallShared        *shared,
                                             GstElement             **webrtc,
                                             GError                 **error);
GstCaps    *_holboo_call_audio_rtp_caps     (void);
GstCaps    *_holboo_call_video_rtp_caps     (void);
void        _holboo_call_apply_switches    (GstElement  *pipeline,
                                             gboolean     mic_muted,
                                             gboolean     playback_muted,
                                             gboolean     camera_dropped);
int         _holboo_call_offer_payload_type (const GstSDPMessage *offer,
                                             const char          *media,
                                             const char          *encoding);
gboolean    _holboo_call_follow_payload_types (GstElement          *pipeline,
                                                const GstSDPMessage *offer,
                                                GDestroyNotify       then,
                                                gpointer             data,
                                                GDestroyNotify       free_data);
void        _holboo_call_on_pad_added       (GstElement  *webrtc,
                                             GstPad      *pad,
                                             gpointer     user_data);

/* holboo-call-pipeline.c: for the other files of the pipeline. */
typedef enum {
  HOLBOO_CALL_SWITCH_AUDIO_MUTED,
  HOLBOO_CALL_SWITCH_CAMERA_ENABLED,
  HOLBOO_CALL_SWITCH_HELD,
} HolbooCallSwitch;

void              _holboo_call_pipeline_set_switch     (HolbooCallPipeline *self,
                                                        HolbooCallSwitch    which,
                                                        gboolean            on);
gboolean          _holboo_call_pipeline_get_switch     (HolbooCallPipeline *self,
                                                        HolbooCallSwitch    which);
GstElement       *_holboo_call_pipeline_get_webrtc     (HolbooCallPipeline *self);
void              _holboo_call_pipeline_set_payload_types (HolbooCallPipeline *self,
                                                        int                 opus_pt,
                                                        int                 vp8_pt);
HolbooCallShared *_holboo_call_pipeline_get_shared     (HolbooCallPipeline *self);
/* HolbooCallMainFuncs: the first decoded remote audio buffer (data: a
 * gint64 *, its monotonic time); the answer applied (data: its monotonic
 * time as a pointer-sized integer). */
void              _holboo_call_pipeline_first_audio    (HolbooCallPipeline *self,
                                                        gpointer            data);
void              _holboo_call_pipeline_answer_applied (HolbooCallPipeline *self,
                                                        gpointer            data);

G_END_DECLS
