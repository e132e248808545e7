/* holboo-worker.h: one thread that runs a store's work in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-store.h"

G_BEGIN_DECLS

/**
 * HolbooWorkerFunc:
 * @store: the worker's store; only this thread uses it
 * @data: what was given to holboo_worker_push()
 * @error: return location for a #GError
 *
 * Runs on the worker thread.
 *
 * Returns: (transfer full) (nullable): a result for the #HolbooWorkerDone
 */
typedef gpointer (*HolbooWorkerFunc) (HolbooStore  *store,
                                      gpointer      data,
                                      GError      **error);

/**
 * HolbooWorkerDone:
 * @result: (transfer full) (nullable): what the #HolbooWorkerFunc returned
 * @error: (transfer full) (nullable): its error; %G_IO_ERROR_CANCELLED
 *   when the worker shut down before the completion could be delivered
 *   (the owner is being disposed: touch nothing but @user_data)
 * @user_data: what was given to holboo_worker_push()
 *
 * Runs on the thread that created the worker, in the order the work was
 * pushed.
 */
typedef void (*HolbooWorkerDone) (gpointer  result,
                                  GError   *error,
                                  gpointer  user_data);

#define HOLBOO_TYPE_WORKER (holboo_worker_get_type ())

G_DECLARE_FINAL_TYPE (HolbooWorker, holboo_worker, HOLBOO, WORKER, GObject)

HolbooWorker *holboo_worker_new      (HolbooStore      *store);
void          holboo_worker_push     (HolbooWorker     *self,
                                      HolbooWorkerFunc  func,
                                      gpointer          data,
                                      GDestroyNotify    data_free,
                                      HolbooWorkerDone  done,
                                      gpointer          user_data,
                                      GDestroyNotify    result_free);
guint         holboo_worker_get_n_pending (HolbooWorker *self);
void          holboo_worker_shutdown (HolbooWorker     *self);

G_END_DECLS
