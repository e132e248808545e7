/* holboo-call-pipeline-controls.c: mute, camera and hold of a call pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-call-pipeline"

#include "config.h"

#include "holboo-call-pipeline.h"
#include "holboo-call-pipeline-private.h"

void
holboo_call_pipeline_set_audio_muted (HolbooCallPipeline *self,
                                      gboolean            muted)
{
  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));

  _holboo_call_pipeline_set_switch (self, HOLBOO_CALL_SWITCH_AUDIO_MUTED, muted);
}

gboolean
holboo_call_pipeline_get_audio_muted (HolbooCallPipeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), FALSE);

  return _holboo_call_pipeline_get_switch (self, HOLBOO_CALL_SWITCH_AUDIO_MUTED);
}

void
holboo_call_pipeline_set_camera_enabled (HolbooCallPipeline *self,
                                         gboolean            enabled)
{
  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));

  _holboo_call_pipeline_set_switch (self, HOLBOO_CALL_SWITCH_CAMERA_ENABLED, enabled);
}

gboolean
holboo_call_pipeline_get_camera_enabled (HolbooCallPipeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), FALSE);

  return _holboo_call_pipeline_get_switch (self, HOLBOO_CALL_SWITCH_CAMERA_ENABLED);
}

/**
 * holboo_call_pipeline_set_held:
 * @self: a call pipeline
 * @held: %TRUE to put the call on hold: nothing is sent (microphone
 *   muted, camera frames dropped) and nothing is played
 */
void
holboo_call_pipeline_set_held (HolbooCallPipeline *self,
                               gboolean            held)
{
  g_return_if_fail (HOLBOO_IS_CALL_PIPELINE (self));

  _holboo_call_pipeline_set_switch (self, HOLBOO_CALL_SWITCH_HELD, held);
}

gboolean
holboo_call_pipeline_get_held (HolbooCallPipeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CALL_PIPELINE (self), FALSE);

  return _holboo_call_pipeline_get_switch (self, HOLBOO_CALL_SWITCH_HELD);
}
