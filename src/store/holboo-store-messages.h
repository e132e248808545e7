/* holboo-store-messages.h: conversations, messages, the outbox, MAM
 * ranges and full-text search in one account's store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-store.h"
#include "holboo-store-records.h"

G_BEGIN_DECLS

/* All of these block on disk I/O: call them on the core's worker
 * thread, one thread per store at a time (see #HolbooStore).  Functions
 * that return a #GPtrArray return it with a free function set. */

/* holboo-store-messages.c */
gboolean                  holboo_store_insert_messages       (HolbooStore               *self,
                                                              HolbooStoredMessage * const *messages,
                                                              guint                      n_messages,
                                                              HolbooInsertResult        *results,
                                                              GError                   **error);

/* holboo-store-actions.c */
gboolean                  holboo_store_apply_actions         (HolbooStore               *self,
                                                              HolbooMessageAction * const *actions,
                                                              guint                      n_actions,
                                                              HolbooActionResult        *results,
                                                              GError                   **error);

/* holboo-store-drafts.c */
gboolean                  holboo_store_save_draft            (HolbooStore               *self,
                                                              const char                *peer,
                                                              const char                *text,
                                                              GError                   **error);
gboolean                  holboo_store_load_draft            (HolbooStore               *self,
                                                              const char                *peer,
                                                              char                     **out_text,
                                                              GError                   **error);

/* holboo-store-history.c */
HolbooStoredMessage      *holboo_store_get_message           (HolbooStore               *self,
                                                              gint64                     id,
                                                              GError                   **error);
GPtrArray                *holboo_store_get_messages_before   (HolbooStore               *self,
                                                              gint64                     conversation_id,
                                                              const HolbooMessageCursor *before,
                                                              guint                      limit,
                                                              GError                   **error);
GPtrArray                *holboo_store_get_messages_after    (HolbooStore               *self,
                                                              gint64                     conversation_id,
                                                              const HolbooMessageCursor *after,
                                                              guint                      limit,
                                                              GError                   **error);
gboolean                  holboo_store_count_messages        (HolbooStore               *self,
                                                              gint64                     conversation_id,
                                                              guint                     *out_count,
                                                              GError                   **error);

/* holboo-store-conversations.c */
HolbooStoredConversation *holboo_store_get_conversation      (HolbooStore               *self,
                                                              const char                *peer,
                                                              GError                   **error);
HolbooStoredConversation *holboo_store_get_conversation_by_id (HolbooStore              *self,
                                                              gint64                     id,
                                                              GError                   **error);
GPtrArray                *holboo_store_list_conversations    (HolbooStore               *self,
                                                              GError                   **error);
gboolean                  holboo_store_mark_conversation_read (HolbooStore              *self,
                                                              gint64                     conversation_id,
                                                              gint64                     until,
                                                              GError                   **error);

/* holboo-store-outbox.c */
gboolean                  holboo_store_outbox_add            (HolbooStore               *self,
                                                              HolbooStoredMessage       *message,
                                                              GError                   **error);
GPtrArray                *holboo_store_outbox_list           (HolbooStore               *self,
                                                              GError                   **error);
HolbooStoredMessage      *holboo_store_update_message_state  (HolbooStore               *self,
                                                              gint64                     id,
                                                              HolbooMessageState         state,
                                                              GError                   **error);
HolbooStoredMessage      *holboo_store_update_message_state_by_origin_id
                                                             (HolbooStore               *self,
                                                              const char                *peer,
                                                              const char                *origin_id,
                                                              HolbooMessageState         state,
                                                              GError                   **error);
HolbooStoredMessage      *holboo_store_outbox_retry          (HolbooStore               *self,
                                                              gint64                     id,
                                                              GError                   **error);

/* holboo-store-attachments.c */
HolbooStoredAttachment   *holboo_store_get_attachment        (HolbooStore               *self,
                                                              gint64                     message_id,
                                                              GError                   **error);
gboolean                  holboo_store_update_attachment     (HolbooStore               *self,
                                                              const HolbooStoredAttachment *attachment,
                                                              GError                   **error);
HolbooStoredMessage      *holboo_store_attachment_uploaded   (HolbooStore               *self,
                                                              gint64                     message_id,
                                                              const char                *url,
                                                              GError                   **error);
GPtrArray                *holboo_store_list_uploads          (HolbooStore               *self,
                                                              GError                   **error);

/* holboo-store-conversation-flags.c */
HolbooStoredConversation *holboo_store_set_conversation_muted  (HolbooStore             *self,
                                                               const char              *peer,
                                                               HolbooConversationKind   kind,
                                                               gboolean                 muted,
                                                               GError                 **error);
HolbooStoredConversation *holboo_store_set_conversation_pinned (HolbooStore             *self,
                                                               const char              *peer,
                                                               HolbooConversationKind   kind,
                                                               gint64                   pinned_at,
                                                               GError                 **error);

/* holboo-store-search.c */
GPtrArray                *holboo_store_search_messages       (HolbooStore               *self,
                                                              const char                *query,
                                                              gint64                     conversation_id,
                                                              guint                      limit,
                                                              GError                   **error);
char                     *holboo_store_build_fts_query       (const char                *text);

/* holboo-store-mam.c */
gboolean                  holboo_store_mam_record_range      (HolbooStore               *self,
                                                              const char                *archive,
                                                              const char                *with_jid,
                                                              const char                *first_id,
                                                              gint64                     first_ts,
                                                              const char                *last_id,
                                                              gint64                     last_ts,
                                                              gboolean                   reaches_start,
                                                              GError                   **error);
gboolean                  holboo_store_mam_find_gap          (HolbooStore               *self,
                                                              const char                *archive,
                                                              const char                *with_jid,
                                                              const char                *before_id,
                                                              gint64                     before_ts,
                                                              HolbooMamGap             **out_gap,
                                                              GError                   **error);
GPtrArray                *holboo_store_mam_list_ranges       (HolbooStore               *self,
                                                              const char                *archive,
                                                              const char                *with_jid,
                                                              GError                   **error);

G_END_DECLS
