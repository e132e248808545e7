/* holboo-account-incoming.c: incoming message stanzas, carbons and
 * receipts, turned into rows for the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every message stanza the connection receives comes here first.  It is
 * either a MAM result (holboo-account-mam.c), a group chat's or an
 * invitation (holboo-account-room-messages.c), a carbon — accepted only
 * from the account's own bare JID —, or a live message.  A 1:1 message
 * with a body becomes a #HolbooStoredMessage and joins the pending batch
 * (holboo-account-batch.c); one that acts on an earlier message (a
 * correction, retraction, reactions, a displayed marker) becomes a
 * #HolbooMessageAction in the same batch, which the store applies only
 * if its author may (holboo-store-actions.c); receipts, received
 * markers and error bounces become state changes of our outgoing rows;
 * chat states go to holboo-account-chat-states.c and are not stored.  Anything that does not add up (bad
 * addresses, a message for someone else, a body larger than any client
 * writes) is dropped with a log line: nothing half-valid reaches the
 * store.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-private.h"
#include "holboo-xmpp-carbons.h"
#include "holboo-xmpp-mam.h"
#include "holboo-xmpp-message.h"

#include <string.h>

typedef enum {
  SOURCE_LIVE,
  SOURCE_CARBON_RECEIVED,
  SOURCE_CARBON_SENT,
  SOURCE_ARCHIVE,
} Source;

static const char *
bare_string (HolbooJid *jid)
{
  return holboo_jid_get_bare_string (jid);
}

static gboolean
is_self (HolbooAccount *self,
         HolbooJid     *jid)
{
  return jid == NULL || holboo_jid_equal_bare (jid, self->jid);
}

/* When a live message (or carbon) was written, as far as it orders its
 * conversation.  Without a delay stamp: now.  With one (offline
 * storage, or a stanza the server sends again after a stream
 * resumption): the stamp — but never before a message of the same peer
 * delivered earlier on this connection, because a stream delivers in
 * order (RFC 6120 §10.1) while stamps are often whole seconds. */
static gint64
live_timestamp (HolbooAccount *self,
                const char    *peer,
                gint64         delay)
{
  gint64 *last = g_hash_table_lookup (self->live_order, peer);
  gint64 now = g_get_real_time ();
  gint64 ts;

  if (delay != 0 && delay < now)
    ts = last != NULL ? MAX (delay, *last + 1) : delay;
  else
    ts = _holboo_account_next_timestamp (self, now);

  if (last == NULL)
    {
      last = g_new (gint64, 1);
      *last = ts;
      g_hash_table_insert (self->live_order, g_strdup (peer), last);
    }
  *last = MAX (*last, ts);
  return ts;
}

/* Who wrote a parsed 1:1 message (its direction) and in which
 * conversation (@out_peer, not a new reference): FALSE with @error set
 * when that does not add up. */
static gboolean
resolve_sides (HolbooAccount           *self,
               HolbooXmppMessage       *msg,
               Source                   source,
               HolbooMessageDirection  *out_direction,
               HolbooJid              **out_peer,
               GError                 **error)
{
  HolbooMessageDirection direction;

  switch (source)
    {
    case SOURCE_CARBON_SENT:
      direction = HOLBOO_MESSAGE_OUTGOING;
      break;
    case SOURCE_ARCHIVE:
      direction = is_self (self, msg->from) ? HOLBOO_MESSAGE_OUTGOING : HOLBOO_MESSAGE_INCOMING;
      break;
    case SOURCE_LIVE:
    case SOURCE_CARBON_RECEIVED:
    default:
      direction = HOLBOO_MESSAGE_INCOMING;
      break;
    }

  if (direction == HOLBOO_MESSAGE_OUTGOING)
    {
      if (msg->to == NULL)
        {
          g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                               "An outgoing message without an addressee");
          return FALSE;
        }
      *out_peer = msg->to;
    }
  else
    {
      if (!is_self (self, msg->to))
        {
          g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                       "A message for “%s”, not for this account", holboo_jid_to_string (msg->to));
          return FALSE;
        }
      *out_peer = msg->from != NULL ? msg->from : self->jid;
    }
  *out_direction = direction;
  return TRUE;
}

static gboolean
is_chat (HolbooXmppMessage *msg)
{
  return msg->type == HOLBOO_XMPP_MESSAGE_CHAT || msg->type == HOLBOO_XMPP_MESSAGE_NORMAL;
}

/* The action a parsed 1:1 message carries (correction, retraction,
 * reactions, displayed marker), or NULL: @error set when it must be
 * dropped.  Its time: the archive's (set by the caller) or, live, its
 * place in the stream. */
static HolbooMessageAction *
action_from_message (HolbooAccount      *self,
                     HolbooXmppMessage  *msg,
                     Source              source,
                     GError            **error)
{
  g_autoptr(HolbooMessageAction) a = NULL;
  HolbooMessageDirection direction;
  HolbooJid *peer;

  if (!is_chat (msg))
    return NULL;

  if (msg->retract_id != NULL)
    a = holboo_message_action_new (HOLBOO_MESSAGE_ACTION_RETRACT);
  else if (msg->replace_id != NULL && msg->body != NULL && *msg->body != '\0')
    a = holboo_message_action_new (HOLBOO_MESSAGE_ACTION_CORRECT);
  else if (msg->reactions_to != NULL)
    a = holboo_message_action_new (HOLBOO_MESSAGE_ACTION_REACT);
  else if (msg->marker == HOLBOO_XMPP_MARKER_DISPLAYED)
    a = holboo_message_action_new (HOLBOO_MESSAGE_ACTION_DISPLAYED);
  else
    return NULL;

  if (a->kind == HOLBOO_MESSAGE_ACTION_CORRECT &&
      strnlen (msg->body, HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH + 1) > HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A correction of more than %u bytes", HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH);
      return NULL;
    }
  if (!resolve_sides (self, msg, source, &direction, &peer, error))
    return NULL;

  a->peer = g_strdup (bare_string (peer));
  a->conversation_kind = HOLBOO_CONVERSATION_CHAT;
  a->direction = direction;
  a->from_jid = g_strdup (msg->from != NULL ? holboo_jid_to_string (msg->from) : bare_string (self->jid));
  switch (a->kind)
    {
    case HOLBOO_MESSAGE_ACTION_RETRACT:
      a->target_id = g_strdup (msg->retract_id);
      break;
    case HOLBOO_MESSAGE_ACTION_CORRECT:
      a->target_id = g_strdup (msg->replace_id);
      a->body = g_steal_pointer (&msg->body);
      break;
    case HOLBOO_MESSAGE_ACTION_REACT:
      a->target_id = g_strdup (msg->reactions_to);
      a->reactions = g_steal_pointer (&msg->reactions);
      break;
    case HOLBOO_MESSAGE_ACTION_DISPLAYED:
    default:
      a->target_id = g_strdup (msg->marker_id);
      break;
    }
  if (source != SOURCE_ARCHIVE)
    a->timestamp = live_timestamp (self, a->peer, msg->delay);
  return g_steal_pointer (&a);
}

/* The row for a parsed 1:1 message, or NULL when there is nothing to
 * store (no body, not a chat): @error set when it must be dropped. */
static HolbooStoredMessage *
record_from_message (HolbooAccount      *self,
                     HolbooXmppMessage  *msg,
                     Source              source,
                     GError            **error)
{
  g_autoptr(HolbooStoredMessage) m = NULL;
  HolbooMessageDirection direction;
  HolbooJid *peer;

  if (!is_chat (msg))
    return NULL;
  if (msg->body == NULL || *msg->body == '\0')
    return NULL;

  if (strnlen (msg->body, HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH + 1) > HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A message body of more than %u bytes", HOLBOO_ACCOUNT_MAX_INCOMING_BODY_LENGTH);
      return NULL;
    }

  if (!resolve_sides (self, msg, source, &direction, &peer, error))
    return NULL;

  m = holboo_stored_message_new ();
  m->peer = g_strdup (bare_string (peer));
  m->kind = HOLBOO_CONVERSATION_CHAT;
  m->direction = direction;
  m->state = direction == HOLBOO_MESSAGE_INCOMING ? HOLBOO_MESSAGE_STATE_RECEIVED : HOLBOO_MESSAGE_STATE_ACKED;
  m->from_jid = g_strdup (msg->from != NULL ? holboo_jid_to_string (msg->from) : bare_string (self->jid));
  m->to_jid = g_strdup (msg->to != NULL ? holboo_jid_to_string (msg->to) : bare_string (self->jid));
  m->body = g_steal_pointer (&msg->body);
  m->message_id = g_steal_pointer (&msg->id);
  m->origin_id = g_steal_pointer (&msg->origin_id);
  if (msg->stanza_id != NULL)
    {
      m->stanza_id = g_steal_pointer (&msg->stanza_id);
      m->stanza_id_by = g_strdup (bare_string (self->jid));
    }
  m->receipt_requested = msg->receipt_request;
  m->markable = msg->markable;
  if (msg->reply_id != NULL)
    {
      m->reply_to_id = g_steal_pointer (&msg->reply_id);
      m->reply_to_jid = g_steal_pointer (&msg->reply_to);
      m->reply_preview = g_steal_pointer (&msg->reply_quote);
    }

  /* Archived messages are placed by the archive (holboo-account-mam.c). */
  if (source != SOURCE_ARCHIVE)
    m->timestamp = live_timestamp (self, m->peer, msg->delay);
  return g_steal_pointer (&m);
}

static void
queue_state_by_origin (HolbooAccount      *self,
                       HolbooJid          *peer,
                       const char         *origin_id,
                       HolbooMessageState  state)
{
  HolbooAccountOp *op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_STATE_BY_ORIGIN);

  op->peer = g_strdup (bare_string (peer));
  op->origin_id = g_strdup (origin_id);
  op->state = state;
  _holboo_account_queue_op (self, op);
}

static void
queue_insert (HolbooAccount       *self,
              HolbooStoredMessage *m,
              guint                flags,
              const char          *receipt_to)
{
  HolbooAccountOp *op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_INSERT);

  op->message = m;
  op->flags = flags;
  op->receipt_to = g_strdup (receipt_to);
  _holboo_account_queue_op (self, op);
}

static gboolean
handle_parsed (HolbooAccount     *self,
               HolbooXmlNode     *stanza,
               HolbooXmppMessage *msg,
               Source             source)
{
  g_autoptr(GError) error = NULL;
  HolbooStoredMessage *m;
  const char *receipt_to = NULL;
  gboolean handled = FALSE;

  if (source == SOURCE_LIVE && !is_self (self, msg->to))
    {
      g_message ("Dropping a message for “%s”, not for this account", holboo_jid_to_string (msg->to));
      return TRUE;
    }

  /* A bounce of one of ours: the server or the peer refused it. */
  if (msg->type == HOLBOO_XMPP_MESSAGE_ERROR)
    {
      if (source == SOURCE_LIVE && msg->id != NULL && msg->from != NULL)
        {
          g_autoptr(GError) bounce = holboo_xmpp_stanza_error_from_node (stanza);

          g_info ("Message %s to %s bounced: %s", msg->id, holboo_jid_to_string (msg->from), bounce->message);
          queue_state_by_origin (self, msg->from, msg->id, HOLBOO_MESSAGE_STATE_FAILED);
        }
      return TRUE;
    }

  /* The peer's client confirms one of ours (here or, by carbon, to
   * another of our devices): a receipt, or a received marker. */
  if (msg->receipt_for != NULL && msg->from != NULL && source != SOURCE_CARBON_SENT &&
      !is_self (self, msg->from))
    {
      queue_state_by_origin (self, msg->from, msg->receipt_for, HOLBOO_MESSAGE_STATE_DELIVERED);
      handled = TRUE;
    }
  if (msg->marker == HOLBOO_XMPP_MARKER_RECEIVED && msg->from != NULL && source != SOURCE_CARBON_SENT &&
      !is_self (self, msg->from))
    {
      queue_state_by_origin (self, msg->from, msg->marker_id, HOLBOO_MESSAGE_STATE_DELIVERED);
      handled = TRUE;
    }

  /* What the peer is doing now: news of the moment, never stored. */
  if (msg->from != NULL && !is_self (self, msg->from) && is_chat (msg) &&
      (source == SOURCE_LIVE || source == SOURCE_CARBON_RECEIVED))
    _holboo_account_chat_state_received (self, bare_string (msg->from), msg->chat_state,
                                         msg->body != NULL && !holboo_xmpp_message_is_action (msg));

  if (holboo_xmpp_message_is_action (msg) || msg->marker == HOLBOO_XMPP_MARKER_DISPLAYED)
    {
      HolbooMessageAction *action = action_from_message (self, msg, source, &error);

      if (action == NULL)
        {
          if (error != NULL)
            g_message ("Dropping an action from %s: %s",
                       msg->from != NULL ? holboo_jid_to_string (msg->from) : "the account", error->message);
          return TRUE;
        }
      _holboo_account_queue_action (self, action);
      return TRUE;
    }

  m = record_from_message (self, msg, source, &error);
  if (m == NULL)
    {
      if (error != NULL)
        {
          g_message ("Dropping a message from %s: %s",
                     msg->from != NULL ? holboo_jid_to_string (msg->from) : "the account", error->message);
          return TRUE;
        }
      return handled;
    }

  /* Only the device a message was delivered to answers its receipt
   * request, and only once it is stored. */
  if (source == SOURCE_LIVE && m->receipt_requested && m->message_id != NULL && msg->from != NULL &&
      holboo_jid_is_full (msg->from) && !is_self (self, msg->from))
    receipt_to = holboo_jid_to_string (msg->from);

  _holboo_account_upload_attach (self, stanza, m);
  queue_insert (self, m, source == SOURCE_LIVE ? HOLBOO_ACCOUNT_INSERT_LIVE : 0, receipt_to);
  return TRUE;
}

static gboolean
handle_stanza (HolbooAccount *self,
               HolbooXmlNode *stanza)
{
  g_autoptr(HolbooXmppMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *inner = NULL;
  HolbooXmppCarbon carbon;

  /* The team log's: its catch-up's results, its room's messages. */
  if (_holboo_account_teamlog_handle_message (self, stanza))
    return TRUE;
  if (holboo_xml_node_get_child (stanza, "result", HOLBOO_XMLNS_MAM) != NULL)
    return _holboo_account_mam_handle_result (self, stanza);
  if (_holboo_account_rooms_handle_message (self, stanza))
    return TRUE;

  carbon = holboo_xmpp_carbons_unwrap (stanza, self->jid, &inner, &error);
  if (error != NULL)
    {
      g_message ("Dropping a carbon: %s", error->message);
      return TRUE;
    }

  /* Calls (XEP-0353): a proposal, or how another device answered. */
  if (_holboo_account_calls_handle_message (self, carbon != HOLBOO_XMPP_CARBON_NONE ? inner : stanza, carbon))
    return TRUE;

  msg = holboo_xmpp_message_parse (carbon != HOLBOO_XMPP_CARBON_NONE ? inner : stanza, self->jid, &error);
  if (msg == NULL)
    {
      g_message ("Dropping a message: %s", error->message);
      return TRUE;
    }

  /* The server drops what blocked addresses send (XEP-0191); whatever
   * still comes from one (a server without blocking, a race with a
   * block just sent) is dropped here. */
  if (carbon != HOLBOO_XMPP_CARBON_SENT && msg->from != NULL && _holboo_account_is_blocked_jid (self, msg->from))
    {
      g_message ("Dropping a message from blocked %s", holboo_jid_to_string (msg->from));
      return TRUE;
    }

  switch (carbon)
    {
    case HOLBOO_XMPP_CARBON_RECEIVED:
      return handle_parsed (self, inner, msg, SOURCE_CARBON_RECEIVED);
    case HOLBOO_XMPP_CARBON_SENT:
      return handle_parsed (self, inner, msg, SOURCE_CARBON_SENT);
    case HOLBOO_XMPP_CARBON_NONE:
    default:
      return handle_parsed (self, stanza, msg, SOURCE_LIVE);
    }
}

/**
 * _holboo_account_handle_message:
 *
 * The connection's handler for every message stanza.
 *
 * Returns: %TRUE when the stanza was the pipeline's (stored, queued or
 *   dropped), %FALSE for what other modules may want (group chat)
 */
gboolean
_holboo_account_handle_message (HolbooXmppConnection *connection,
                                HolbooXmlNode        *stanza,
                                gpointer              user_data)
{
  return handle_stanza (HOLBOO_ACCOUNT (user_data), stanza);
}

/**
 * _holboo_account_message_to_record:
 * @stanza: an archived message (the content of a MAM result)
 * @archived: it comes from the account's archive
 * @error: set when it must be dropped
 *
 * Returns: (transfer full) (nullable): its row without archive id and
 *   times, or %NULL (nothing to store, or @error set)
 */
HolbooStoredMessage *
_holboo_account_message_to_record (HolbooAccount        *self,
                                   HolbooXmlNode        *stanza,
                                   gboolean              archived,
                                   HolbooMessageAction **out_action,
                                   GError              **error)
{
  g_autoptr(HolbooXmppMessage) msg = holboo_xmpp_message_parse (stanza, self->jid, error);
  Source source = archived ? SOURCE_ARCHIVE : SOURCE_LIVE;
  HolbooStoredMessage *m;

  *out_action = NULL;
  if (msg == NULL)
    return NULL;

  /* Each copy in the archive also answers for one of ours. */
  if (archived && msg->from != NULL && !is_self (self, msg->from) && msg->receipt_for != NULL)
    queue_state_by_origin (self, msg->from, msg->receipt_for, HOLBOO_MESSAGE_STATE_DELIVERED);

  if (holboo_xmpp_message_is_action (msg) || msg->marker == HOLBOO_XMPP_MARKER_DISPLAYED)
    {
      *out_action = action_from_message (self, msg, source, error);
      return NULL;
    }
  m = record_from_message (self, msg, source, error);
  if (m != NULL)
    _holboo_account_upload_attach (self, stanza, m);
  return m;
}

/**
 * _holboo_account_queue_action:
 * @action: (transfer full): an action on a stored message
 *
 * Adds @action to the pending batch, after the messages before it.
 */
void
_holboo_account_queue_action (HolbooAccount       *self,
                              HolbooMessageAction *action)
{
  HolbooAccountOp *op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_ACTION);

  op->action = action;
  _holboo_account_queue_op (self, op);
}

gboolean
_holboo_account_receive_stanza (HolbooAccount *self,
                                HolbooXmlNode *stanza)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (stanza != NULL, FALSE);

  return handle_stanza (self, stanza);
}
