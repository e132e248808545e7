/* holboo-account-actions.c: message actions of the user — edit the last
 * message (XEP-0308), delete for everyone (XEP-0424), react (XEP-0444),
 * mark as read (XEP-0333) — and drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action is sent at once and applied to the local store by the same
 * rules as one received (holboo-store-actions.c), so what this device
 * shows is what the others will: ::message-updated follows.  Actions
 * need a session: unlike messages they do not wait in the outbox, and
 * offline the call fails with %HOLBOO_ACCOUNT_ERROR_NOT_CONNECTED (the
 * UI keeps what the user did and can try again).
 *
 * Reading is local first: holboo_account_mark_displayed() moves the
 * conversation's read mark (unread count) at once, and tells the peer —
 * and by carbon this account's other devices, whose read marks follow —
 * with a displayed marker for the newest message read, once.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-private.h"
#include "holboo-xmpp-correction.h"
#include "holboo-xmpp-markers.h"
#include "holboo-xmpp-message.h"
#include "holboo-xmpp-reactions.h"
#include "holboo-xmpp-receipts.h"
#include "holboo-xmpp-reply.h"
#include "holboo-xmpp-retraction.h"

#include <glib/gi18n-lib.h>

/* Back on the main thread after an ACTION or MARK_READ op. */
void
_holboo_account_action_done (HolbooAccount   *self,
                             HolbooAccountOp *op)
{
  if (op->row != NULL)
    g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_MESSAGE_UPDATED], 0,
                   op->row->conversation_id, op->row->id, op->row);
  if (op->conversation != NULL)
    g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_CONVERSATION_UPDATED], 0,
                   op->conversation->id, op->conversation);
}

/**
 * _holboo_account_build_outgoing:
 * @m: an outgoing row of the outbox
 *
 * Returns: (transfer full): its stanza: the body (after the quote, for a
 *   reply), its ids, a receipt request, markable, active
 */
HolbooXmlNode *
_holboo_account_build_outgoing (HolbooAccount       *self,
                                HolbooStoredMessage *m)
{
  g_autofree char *quote = NULL;
  g_autofree char *body = NULL;
  HolbooXmlNode *stanza;

  if (m->reply_to_id != NULL && m->reply_preview != NULL && *m->reply_preview != '\0')
    quote = holboo_xmpp_reply_make_quote (m->reply_preview);
  body = g_strconcat (quote != NULL ? quote : "", m->body, NULL);

  stanza = holboo_xmpp_message_build_chat (m->to_jid, m->message_id != NULL ? m->message_id : m->origin_id,
                                           body, m->origin_id, m->receipt_requested);
  if (m->reply_to_id != NULL)
    holboo_xmpp_reply_add (stanza, m->reply_to_jid, m->reply_to_id, quote);
  holboo_xmpp_markers_add_markable (stanza);
  holboo_xmpp_chat_state_add (stanza, HOLBOO_XMPP_CHAT_STATE_ACTIVE);
  _holboo_account_chat_state_sent (self, m->peer, HOLBOO_XMPP_CHAT_STATE_ACTIVE);
  return stanza;
}

/* The id by which the other side knows @message. */
static const char *
target_id (HolbooStoredMessage *message)
{
  if (message->kind == HOLBOO_CONVERSATION_GROUP)
    return message->stanza_id;
  return message->message_id != NULL ? message->message_id : message->origin_id;
}

static gboolean
check_target (HolbooAccount        *self,
              HolbooStoredMessage  *message,
              gboolean              own_only,
              GError              **error)
{
  if (self->closed)
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED, _("The account is closing"));
      return FALSE;
    }
  if (message->retracted || !holboo_xmpp_id_is_valid (target_id (message)) ||
      (own_only && message->direction != HOLBOO_MESSAGE_OUTGOING))
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
                           own_only ? _("Only your own messages can be changed")
                                    : _("This message cannot be acted on"));
      return FALSE;
    }
  if (!_holboo_account_is_connected (self))
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_NOT_CONNECTED,
                           _("Not connected: try again when the connection is back"));
      return FALSE;
    }
  return TRUE;
}

/* Sends @stanza and applies the same action here. */
static gboolean
send_and_apply (HolbooAccount            *self,
                HolbooStoredMessage      *message,
                HolbooXmlNode            *stanza,
                HolbooMessageAction      *action,
                GError                  **error)
{
  g_autoptr(HolbooMessageAction) owned = action;
  g_autoptr(GError) local_error = NULL;

  if (!holboo_xmpp_connection_send (self->connection, stanza, &local_error))
    {
      g_set_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_NOT_CONNECTED,
                   _("Not connected: try again when the connection is back (%s)"), local_error->message);
      return FALSE;
    }

  action->peer = g_strdup (message->peer);
  action->conversation_kind = message->kind;
  action->direction = HOLBOO_MESSAGE_OUTGOING;
  action->from_jid = g_strdup (holboo_jid_get_bare_string (self->jid));
  action->target_id = g_strdup (target_id (message));
  action->timestamp = _holboo_account_next_timestamp (self, g_get_real_time ());
  _holboo_account_queue_action (self, g_steal_pointer (&owned));
  return TRUE;
}

/**
 * holboo_account_edit_message:
 * @self: a connected account
 * @message: one of this account's messages, as stored
 * @body: its new text
 * @error: return location for a #GError
 *
 * Corrects @message (XEP-0308): the peer's clients and this account's
 * other devices show @body in its place, marked as edited; the stored
 * row keeps its place and identity (::message-updated follows).
 *
 * Returns: %TRUE when the correction was sent
 */
gboolean
holboo_account_edit_message (HolbooAccount        *self,
                             HolbooStoredMessage  *message,
                             const char           *body,
                             GError              **error)
{
  g_autoptr(HolbooXmlNode) stanza = NULL;
  g_autofree char *id = NULL;
  HolbooMessageAction *action;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (!_holboo_account_validate_body (body, error) || !check_target (self, message, TRUE, error))
    return FALSE;

  id = g_uuid_string_random ();
  stanza = holboo_xmpp_message_build_chat (message->peer, id, body, id, FALSE);
  holboo_xmpp_correction_add (stanza, target_id (message));
  holboo_xmpp_markers_add_markable (stanza);
  action = holboo_message_action_new (HOLBOO_MESSAGE_ACTION_CORRECT);
  action->body = g_strdup (body);
  return send_and_apply (self, message, stanza, action, error);
}

/**
 * holboo_account_retract_message:
 * @self: a connected account
 * @message: one of this account's messages, as stored
 * @error: return location for a #GError
 *
 * Deletes @message for everyone (XEP-0424): every client that supports
 * it, this one included, keeps only a tombstone; its text leaves the
 * store and the search index.
 *
 * Returns: %TRUE when the retraction was sent
 */
gboolean
holboo_account_retract_message (HolbooAccount        *self,
                                HolbooStoredMessage  *message,
                                GError              **error)
{
  g_autoptr(HolbooXmlNode) stanza = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (!check_target (self, message, TRUE, error))
    return FALSE;

  id = g_uuid_string_random ();
  stanza = holboo_xmpp_retraction_build (message->peer, id, target_id (message),
                                         _("This person attempted to retract a previous message, "
                                           "but it's unsupported by your client."));
  return send_and_apply (self, message, stanza, holboo_message_action_new (HOLBOO_MESSAGE_ACTION_RETRACT), error);
}

/**
 * holboo_account_react:
 * @self: a connected account
 * @message: a stored message, anyone's
 * @reactions: (array zero-terminated=1): the user's whole set of
 *   reactions to it (emoji); empty takes them all back
 * @error: return location for a #GError
 *
 * Sets the user's reactions to @message (XEP-0444), replacing the
 * previous set.
 *
 * Returns: %TRUE when the reactions were sent
 */
gboolean
holboo_account_react (HolbooAccount        *self,
                      HolbooStoredMessage  *message,
                      const char * const   *reactions,
                      GError              **error)
{
  g_autoptr(HolbooXmlNode) stanza = NULL;
  g_autoptr(GPtrArray) set = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autofree char *id = NULL;
  HolbooMessageAction *action;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (reactions != NULL, FALSE);

  for (guint i = 0; reactions[i] != NULL; i++)
    {
      if (!holboo_xmpp_reaction_is_valid (reactions[i]) || set->len == HOLBOO_XMPP_REACTIONS_MAX)
        {
          g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE,
                               _("This reaction cannot be sent"));
          return FALSE;
        }
      if (!g_strv_contains ((const char * const *) set->pdata, reactions[i]))
        g_ptr_array_add (set, (gpointer) reactions[i]);
    }
  if (!check_target (self, message, FALSE, error))
    return FALSE;

  id = g_uuid_string_random ();
  stanza = holboo_xmpp_reactions_build (message->peer, id, target_id (message),
                                        (const char * const *) set->pdata);
  action = holboo_message_action_new (HOLBOO_MESSAGE_ACTION_REACT);
  action->reactions = g_strdupv ((char **) set->pdata);
  return send_and_apply (self, message, stanza, action, error);
}

/**
 * holboo_account_mark_displayed:
 * @self: an account
 * @message: the newest message the user has seen in its conversation
 *
 * Marks the conversation read up to @message: its unread count falls at
 * once (::conversation-updated and ::message-updated follow) and, when
 * @message is the peer's and asked for markers, a displayed marker
 * tells the peer and this account's other devices (once per message;
 * nothing is sent for older ones, or without a session).
 */
void
holboo_account_mark_displayed (HolbooAccount       *self,
                               HolbooStoredMessage *message)
{
  HolbooAccountOp *op;
  gint64 *last;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (message != NULL);
  g_return_if_fail (message->conversation_id != 0);

  if (self->closed)
    return;

  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_MARK_READ);
  op->conversation_id = message->conversation_id;
  op->row_id = message->id;
  op->until = message->timestamp;
  _holboo_account_queue_op (self, op);

  if (message->direction != HOLBOO_MESSAGE_INCOMING || !message->markable || message->retracted ||
      !holboo_xmpp_id_is_valid (message->message_id) || !_holboo_account_is_connected (self))
    return;

  last = g_hash_table_lookup (self->displayed_sent, message->peer);
  if (last != NULL && *last >= message->timestamp)
    return;

  {
    g_autoptr(HolbooXmlNode) marker = holboo_xmpp_markers_build (message->peer, HOLBOO_XMPP_MARKER_DISPLAYED,
                                                                 message->message_id);

    if (!holboo_xmpp_connection_send (self->connection, marker, NULL))
      return;
  }
  if (last == NULL)
    {
      last = g_new (gint64, 1);
      g_hash_table_insert (self->displayed_sent, g_strdup (message->peer), last);
    }
  *last = message->timestamp;
}

/**
 * holboo_account_save_draft:
 * @self: an account
 * @peer: the conversation's bare JID
 * @text: (nullable): what the user typed and did not send; %NULL or
 *   empty when there is nothing
 *
 * Keeps the draft in the store, after everything queued before it.
 */
void
holboo_account_save_draft (HolbooAccount *self,
                           const char    *peer,
                           const char    *text)
{
  HolbooAccountOp *op;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (peer != NULL);

  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_DRAFT_SAVE);
  op->peer = g_strdup (peer);
  op->text = g_strdup (text);
  _holboo_account_queue_op (self, op);
}

static void
on_draft_loaded (HolbooAccount      *self,
                 HolbooAccountBatch *batch,
                 gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = batch->ops->pdata[0];

  if (self == NULL)
    g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                             "%s", _("The account is closing"));
  else if (op->error != NULL)
    g_task_return_error (task, g_error_copy (op->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&op->text), g_free);
}

/**
 * holboo_account_load_draft_async:
 * @peer: the conversation's bare JID
 *
 * Reads the conversation's draft (saved before, perhaps before a
 * restart).
 */
void
holboo_account_load_draft_async (HolbooAccount       *self,
                                 const char          *peer,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  HolbooAccountBatch *batch;
  HolbooAccountOp *op;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (peer != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_load_draft_async);
  op = _holboo_account_op_new (HOLBOO_ACCOUNT_OP_DRAFT_LOAD);
  op->peer = g_strdup (peer);
  batch = _holboo_account_batch_new (on_draft_loaded, task, g_object_unref);
  _holboo_account_batch_add (batch, op);
  _holboo_account_submit (self, batch);
}

/**
 * holboo_account_load_draft_finish:
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL — with @error
 *   set on failure, unset when there is none
 */
char *
holboo_account_load_draft_finish (HolbooAccount  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_holboo_account_actions_init (HolbooAccount *self)
{
  self->displayed_sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_holboo_account_actions_dispose (HolbooAccount *self)
{
  g_clear_pointer (&self->displayed_sent, g_hash_table_unref);
}
