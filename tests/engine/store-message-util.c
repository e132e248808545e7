/* store-message-util.c: building and storing messages in the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "store-message-util"

#include "config.h"

#include "store-message-util.h"

HolbooStoredMessage *
make_message (HolbooMessageDirection  direction,
              const char             *peer,
              const char             *body,
              gint64                  timestamp)
{
  HolbooStoredMessage *m = holboo_stored_message_new ();
  gboolean out = direction == HOLBOO_MESSAGE_OUTGOING;

  m->peer = g_strdup (peer);
  m->kind = g_str_equal (peer, ROOM) ? HOLBOO_CONVERSATION_GROUP : HOLBOO_CONVERSATION_CHAT;
  m->direction = direction;
  m->state = out ? HOLBOO_MESSAGE_STATE_ACKED : HOLBOO_MESSAGE_STATE_RECEIVED;
  m->from_jid = g_strdup (out ? ACCOUNT "/desktop" : peer);
  m->to_jid = g_strdup (out ? peer : ACCOUNT);
  m->body = g_strdup (body);
  m->timestamp = timestamp;
  return m;
}

void
set_ids (HolbooStoredMessage *m,
         const char          *stanza_id,
         const char          *origin_id)
{
  g_free (m->stanza_id);
  g_free (m->stanza_id_by);
  g_free (m->origin_id);
  m->stanza_id = g_strdup (stanza_id);
  m->stanza_id_by = stanza_id != NULL ? g_strdup (m->kind == HOLBOO_CONVERSATION_GROUP ? ROOM : ACCOUNT)
                                      : NULL;
  m->origin_id = g_strdup (origin_id);
}

HolbooInsertOutcome
insert_one (HolbooStore         *store,
            HolbooStoredMessage *m,
            gint64              *id)
{
  g_autoptr(GError) error = NULL;
  HolbooInsertResult result;

  holboo_store_insert_messages (store, &m, 1, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result.id, >, 0);
  g_assert_cmpint (result.conversation_id, >, 0);
  if (id != NULL)
    *id = result.id;
  return result.outcome;
}

gint64
count_rows (HolbooStore *store,
            const char  *sql)
{
  return raw_int (_holboo_store_get_db (store), sql);
}
