/* holboo-worker.c: one thread that runs a store's work in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #HolbooStore is synchronous and may be used by one thread at a time,
 * and the main loop must never wait for the disk.  So each account gives
 * its store to one worker: a thread that runs the pushed work one item
 * after the other, in the order pushed, and hands each result back to
 * the thread that created the worker, in the same order.  Because the
 * order holds from end to end, the core can reason about its writes as
 * if they were made in sequence on the main thread ("this row was
 * stored before that state update ran").
 *
 * Completions are delivered by one idle source at a time, which drains
 * everything finished so far: a burst of small jobs costs one wake-up.
 */

#define G_LOG_DOMAIN "holboo-worker"

#include "config.h"

#include "holboo-worker.h"

typedef struct {
  HolbooWorkerFunc  func;
  gpointer          data;
  GDestroyNotify    data_free;
  HolbooWorkerDone  done;
  gpointer          user_data;
  GDestroyNotify    result_free;
  gpointer          result;
  GError           *error;
} Job;

struct _HolbooWorker
{
  GObject       parent_instance;

  HolbooStore  *store;
  GThread      *thread;
  GAsyncQueue  *jobs;       /* (element-type Job): to run, or the stop mark */
  GAsyncQueue  *finished;   /* (element-type Job): to deliver */
  GMainContext *context;
  gint          dispatch_scheduled;   /* atomic */
  gint          n_pending;            /* atomic: pushed, not yet delivered */
  gboolean      shut_down;
};

G_DEFINE_FINAL_TYPE (HolbooWorker, holboo_worker, G_TYPE_OBJECT)

static Job stop_mark;

static void
job_free (Job *job)
{
  if (job->result != NULL && job->result_free != NULL)
    job->result_free (job->result);
  g_clear_error (&job->error);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job);
}

/* Hands @job's result to its owner; with @cancelled, the owner is going
 * away: the result is dropped and the owner told so. */
static void
deliver (HolbooWorker *self,
         Job          *job,
         gboolean      cancelled)
{
  g_atomic_int_add (&self->n_pending, -1);

  if (job->done != NULL)
    {
      gpointer result = g_steal_pointer (&job->result);
      GError *error = g_steal_pointer (&job->error);

      if (cancelled)
        {
          if (result != NULL && job->result_free != NULL)
            job->result_free (result);
          result = NULL;
          g_clear_error (&error);
          error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "The store was closed");
        }
      job->done (result, error, job->user_data);
    }
  job_free (job);
}

static gboolean
on_dispatch (gpointer user_data)
{
  HolbooWorker *self = user_data;
  Job *job;

  /* Reset before draining: a job finished after this point schedules
   * another dispatch, one finished before it is drained here. */
  g_atomic_int_set (&self->dispatch_scheduled, 0);
  while ((job = g_async_queue_try_pop (self->finished)) != NULL)
    deliver (self, job, FALSE);

  return G_SOURCE_REMOVE;
}

static void
schedule_dispatch (HolbooWorker *self)
{
  GSource *source;

  if (!g_atomic_int_compare_and_exchange (&self->dispatch_scheduled, 0, 1))
    return;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_dispatch, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[holboo] worker results");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static gpointer
worker_thread (gpointer user_data)
{
  HolbooWorker *self = user_data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->jobs);

      if (job == &stop_mark)
        break;

      job->result = job->func (self->store, job->data, &job->error);
      g_async_queue_push (self->finished, job);
      schedule_dispatch (self);
    }

  return NULL;
}

static void
holboo_worker_dispose (GObject *object)
{
  HolbooWorker *self = HOLBOO_WORKER (object);

  holboo_worker_shutdown (self);

  G_OBJECT_CLASS (holboo_worker_parent_class)->dispose (object);
}

static void
holboo_worker_finalize (GObject *object)
{
  HolbooWorker *self = HOLBOO_WORKER (object);

  g_async_queue_unref (self->jobs);
  g_async_queue_unref (self->finished);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (holboo_worker_parent_class)->finalize (object);
}

static void
holboo_worker_class_init (HolbooWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = holboo_worker_dispose;
  object_class->finalize = holboo_worker_finalize;
}

static void
holboo_worker_init (HolbooWorker *self)
{
  self->jobs = g_async_queue_new ();
  self->finished = g_async_queue_new ();
  self->context = g_main_context_ref_thread_default ();
}

/**
 * holboo_worker_new:
 * @store: an open store; from now on only the worker's thread uses it
 *
 * Starts the thread.  Results are delivered on the thread-default main
 * context of the caller.
 *
 * Returns: (transfer full): the worker
 */
HolbooWorker *
holboo_worker_new (HolbooStore *store)
{
  HolbooWorker *self;

  g_return_val_if_fail (HOLBOO_IS_STORE (store), NULL);

  self = g_object_new (HOLBOO_TYPE_WORKER, NULL);
  self->store = g_object_ref (store);
  self->thread = g_thread_new ("holboo-store", worker_thread, self);
  return self;
}

/**
 * holboo_worker_push:
 * @func: the work, run on the worker thread after everything pushed
 *   before
 * @data: (nullable): its input; owned by the job
 * @data_free: (nullable): frees @data once the job is delivered
 * @done: (nullable): called on the owner's thread with the result, in
 *   push order; %NULL drops the result
 * @user_data: for @done
 * @result_free: (nullable): frees a result nobody took
 */
void
holboo_worker_push (HolbooWorker     *self,
                    HolbooWorkerFunc  func,
                    gpointer          data,
                    GDestroyNotify    data_free,
                    HolbooWorkerDone  done,
                    gpointer          user_data,
                    GDestroyNotify    result_free)
{
  Job *job;

  g_return_if_fail (HOLBOO_IS_WORKER (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (!self->shut_down);

  job = g_new0 (Job, 1);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->done = done;
  job->user_data = user_data;
  job->result_free = result_free;

  g_atomic_int_inc (&self->n_pending);
  g_async_queue_push (self->jobs, job);
}

/**
 * holboo_worker_get_n_pending:
 *
 * Returns: how many jobs are queued, running, or finished and not yet
 *   delivered
 */
guint
holboo_worker_get_n_pending (HolbooWorker *self)
{
  g_return_val_if_fail (HOLBOO_IS_WORKER (self), 0);

  return g_atomic_int_get (&self->n_pending);
}

/**
 * holboo_worker_shutdown:
 *
 * Runs every job pushed so far (their writes reach the disk), stops the
 * thread and closes the store.  Completions not yet delivered are
 * delivered now, cancelled.  Blocks until the queue is done: call it
 * when the owner goes away.
 */
void
holboo_worker_shutdown (HolbooWorker *self)
{
  Job *job;

  g_return_if_fail (HOLBOO_IS_WORKER (self));

  if (self->shut_down)
    return;
  self->shut_down = TRUE;

  if (self->thread != NULL)
    {
      g_async_queue_push (self->jobs, &stop_mark);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  while ((job = g_async_queue_try_pop (self->finished)) != NULL)
    deliver (self, job, TRUE);

  g_clear_object (&self->store);
}
