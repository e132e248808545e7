/* holboo-call-pipeline-shared.c: the block a call pipeline shares with its streaming threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-call-pipeline"

#include "config.h"

#include "holboo-call-pipeline.h"
#include "holboo-call-pipeline-private.h"

HolbooCallShared *
_holboo_call_shared_new (HolbooCallPipeline *self)
{
  HolbooCallShared *shared = g_new0 (HolbooCallShared, 1);

  g_atomic_ref_count_init (&shared->ref_count);
  g_mutex_init (&shared->lock);
  shared->context = g_main_context_ref_thread_default ();
  shared->self = self;
  return shared;
}

HolbooCallShared *
_holboo_call_shared_ref (HolbooCallShared *shared)
{
  g_atomic_ref_count_inc (&shared->ref_count);
  return shared;
}

void
_holboo_call_shared_unref (HolbooCallShared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref_count))
    return;
  g_main_context_unref (shared->context);
  g_clear_object (&shared->pipeline);
  g_clear_object (&shared->audio_tail);
  g_free (shared->video_sink_desc);
  g_mutex_clear (&shared->lock);
  g_free (shared);
}

typedef struct {
  HolbooCallShared   *shared;
  HolbooCallMainFunc  func;
  gpointer            data;
  GDestroyNotify      free_data;
} Invocation;

static void
invocation_free (gpointer p)
{
  Invocation *inv = p;

  if (inv->free_data != NULL)
    inv->free_data (inv->data);
  _holboo_call_shared_unref (inv->shared);
  g_free (inv);
}

static gboolean
invocation_run (gpointer p)
{
  Invocation *inv = p;

  if (inv->shared->self != NULL)
    inv->func (inv->shared->self, inv->data);
  return G_SOURCE_REMOVE;
}

void
_holboo_call_shared_invoke (HolbooCallShared   *shared,
                            HolbooCallMainFunc  func,
                            gpointer            data,
                            GDestroyNotify      free_data)
{
  Invocation *inv = g_new0 (Invocation, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  inv->shared = _holboo_call_shared_ref (shared);
  inv->func = func;
  inv->data = data;
  inv->free_data = free_data;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, invocation_run, inv, invocation_free);
  g_source_set_static_name (source, "[holboo] call pipeline");
  g_source_attach (source, shared->context);
}
