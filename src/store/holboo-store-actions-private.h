/* holboo-store-actions-private.h: what holboo-store-actions.c (the
 * rules) and holboo-store-pending.c (actions that wait for their
 * message) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store-messages-private.h"

G_BEGIN_DECLS

/* pending_actions.kind for a reply waiting for the message it answers. */
#define HOLBOO_STORE_PENDING_REPLY 4

/* An action, from the caller or from pending_actions. */
typedef struct {
  int                     kind;
  HolbooMessageDirection  direction;
  const char             *sender;    /* scope as in messages.sender; for reactions the reactor */
  const char             *body;      /* correction: text; reactions: emojis joined by '\n' */
  gint64                  timestamp;
} HolbooStoreAction;

/* The columns of a target. */
typedef struct {
  gint64                  id;
  HolbooMessageDirection  direction;
  char                   *sender;
  gint64                  timestamp;
  gboolean                retracted;
  gint64                  edited_at;
} HolbooStoreTarget;

void      _holboo_store_target_clear  (HolbooStoreTarget        *t);
/* The row @id as a target; FALSE with @error set on failure or
 * unset when there is none. */
gboolean  _holboo_store_load_target   (HolbooStore              *self,
                                       gint64                    id,
                                       HolbooStoreTarget        *out,
                                       GError                  **error);
/* @target_id as origin-id, id attribute or archive id in the
 * conversation; of several, the actor's (@direction, @sender), then the
 * newest. */
gboolean  _holboo_store_find_target   (HolbooStore              *self,
                                       gint64                    conversation_id,
                                       const char               *target_id,
                                       HolbooMessageDirection    direction,
                                       const char               *sender,
                                       HolbooStoreTarget        *out,
                                       gboolean                 *found,
                                       GError                  **error);
/* Runs @sql with ?1 bound to @id. */
gboolean  _holboo_store_exec_id       (HolbooStore              *self,
                                       const char               *sql,
                                       gint64                    id,
                                       GError                  **error);
/* Applies @a to the stored @t by the rules of holboo-store-actions.c. */
gboolean  _holboo_store_apply_action  (HolbooStore              *self,
                                       gint64                    conversation_id,
                                       const HolbooStoreAction  *a,
                                       const HolbooStoreTarget  *t,
                                       HolbooActionResult       *result,
                                       GError                  **error);

/* holboo-store-pending.c: keeps @a for the message @target_id (for a
 * reply: @source_row, the reply); *@added is FALSE when a newer
 * displayed marker already waits. */
gboolean  _holboo_store_add_pending   (HolbooStore              *self,
                                       gint64                    conversation_id,
                                       const char               *target_id,
                                       const HolbooStoreAction  *a,
                                       gint64                    source_row,
                                       gboolean                 *added,
                                       GError                  **error);

G_END_DECLS
