/* holboo-account-conversations.h: what the user chooses per
 * conversation (mute, pin) and searching all of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-account.h"

G_BEGIN_DECLS

/**
 * HolbooMessageHit:
 * @message_id: the message's row id
 * @peer: its conversation (bare JID of the contact or the room)
 * @kind: the conversation's kind
 * @from_jid: who wrote it, as stored
 * @direction: incoming or outgoing
 * @timestamp: its time, µs
 * @snippet: the text around the matches; matched terms are between
 *   %HOLBOO_SEARCH_MATCH_START and %HOLBOO_SEARCH_MATCH_END
 *
 * One message a search found.
 */
typedef struct {
  gint64                  message_id;
  char                   *peer;
  HolbooConversationKind  kind;
  char                   *from_jid;
  HolbooMessageDirection  direction;
  gint64                  timestamp;
  char                   *snippet;
} HolbooMessageHit;

#define HOLBOO_TYPE_MESSAGE_HIT (holboo_message_hit_get_type ())

GType             holboo_message_hit_get_type                (void) G_GNUC_CONST;
HolbooMessageHit *holboo_message_hit_copy                    (const HolbooMessageHit *self);
void              holboo_message_hit_free                    (HolbooMessageHit       *self);

void              holboo_account_set_conversation_muted      (HolbooAccount          *self,
                                                              const char             *peer,
                                                              HolbooConversationKind  kind,
                                                              gboolean                muted);
void              holboo_account_set_conversation_pinned     (HolbooAccount          *self,
                                                              const char             *peer,
                                                              HolbooConversationKind  kind,
                                                              gboolean                pinned);

void              holboo_account_search_messages_async       (HolbooAccount          *self,
                                                              const char             *text,
                                                              const char             *peer,
                                                              guint                   limit,
                                                              GCancellable           *cancellable,
                                                              GAsyncReadyCallback     callback,
                                                              gpointer                user_data);
GPtrArray        *holboo_account_search_messages_finish      (HolbooAccount          *self,
                                                              GAsyncResult           *result,
                                                              GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooMessageHit, holboo_message_hit_free)

G_END_DECLS
