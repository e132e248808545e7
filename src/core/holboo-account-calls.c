/* holboo-account-calls.c: the account's calls (XEP-0353 + Jingle) and
 * its call log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call of the account goes through here: holboo_account_place_call()
 * proposes one; a proposal (JMI, live or copied by carbons) or a bare
 * session-initiate makes an incoming one; both are announced with
 * ::call-added.  JMI messages and Jingle IQs are routed to their call by
 * session id — a Jingle request whose sid is not known, or whose sender
 * is not the device in that session, is answered item-not-found +
 * unknown-session (XEP-0166 §12) and goes no further.  JMI messages that
 * our other devices sent (carbons) or that they send to our bare JID
 * make this device stop ringing when another one answers or declines.
 *
 * A call that ends is logged in the store (one row per call and peer)
 * and put first in holboo_account_get_call_log(), a #GListModel of
 * ended #HolbooCalls, newest first, loaded from the store at start.
 */

#define G_LOG_DOMAIN "holboo-account-calls"

#include "config.h"

#include "holboo-account-calls.h"
#include "holboo-account-contacts.h"
#include "holboo-account-private.h"
#include "holboo-account-teamlog.h"
#include "holboo-call-ice-servers.h"
#include "holboo-call-private.h"
#include "holboo-store-calls.h"
#include "holboo-xmpp-message.h"

#include <glib/gi18n-lib.h>

/* How many logged calls are loaded at start. */
#define CALL_LOG_LIMIT 500

struct _HolbooAccountCalls {
  GHashTable *active;          /* sid → HolbooCall, until it ends */
  GListStore *calls;           /* the same, as a model, oldest first */
  GListStore *log;             /* ended HolbooCalls, newest first */
  guint       jingle_handler_id;
};

static HolbooJid *
own_jid (HolbooAccount *self)
{
  return holboo_xmpp_connection_get_bound_jid (self->connection);
}

static void
log_call_done (HolbooAccount      *self,
               HolbooAccountBatch *batch,
               gpointer            data)
{
  HolbooAccountOp *op;

  if (self == NULL)
    return;
  op = g_ptr_array_index (batch->ops, 0);
  if (op->error != NULL)
    g_warning ("Could not log a call: %s", op->error->message);
}

static gpointer
log_call_on_worker (HolbooStore  *store,
                    gpointer      data,
                    GError      **error)
{
  return holboo_store_log_call (store, data, error) ? GINT_TO_POINTER (1) : NULL;
}

static void
remove_from_model (GListStore *store,
                   gpointer    item)
{
  guint position;

  if (g_list_store_find (store, item, &position))
    g_list_store_remove (store, position);
}

static void
on_customer_call_logged (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *customer = holboo_account_log_call_finish (HOLBOO_ACCOUNT (object), result, &error);

  if (error != NULL)
    g_debug ("The call was not put on a customer's timeline: %s", error->message);
}

/* In a team, a call with a customer's address goes on that customer's
 * timeline for every member (a call with anyone else logs nothing).  A
 * call another of our devices took or declined is logged there. */
static void
log_for_customer (HolbooAccount *self,
                  HolbooCall    *call)
{
  HolbooTeamlogCall entry = { 0, };

  if (holboo_account_get_team_room (self) == NULL)
    return;

  switch (holboo_call_get_end_reason (call))
    {
    case HOLBOO_CALL_END_HUNG_UP:
    case HOLBOO_CALL_END_REMOTE_HUNG_UP:
      entry.outcome = HOLBOO_TEAMLOG_CALL_ANSWERED;
      break;
    case HOLBOO_CALL_END_DECLINED:
    case HOLBOO_CALL_END_REMOTE_DECLINED:
      entry.outcome = HOLBOO_TEAMLOG_CALL_REJECTED;
      break;
    case HOLBOO_CALL_END_CANCELLED:
    case HOLBOO_CALL_END_MISSED:
    case HOLBOO_CALL_END_NO_ANSWER:
      entry.outcome = HOLBOO_TEAMLOG_CALL_MISSED;
      break;
    case HOLBOO_CALL_END_FAILED:
    case HOLBOO_CALL_END_SECURITY_ERROR:
      entry.outcome = HOLBOO_TEAMLOG_CALL_FAILED;
      break;
    case HOLBOO_CALL_END_NONE:
    case HOLBOO_CALL_END_ANSWERED_ELSEWHERE:
    case HOLBOO_CALL_END_DECLINED_ELSEWHERE:
    default:
      return;
    }

  entry.direction = holboo_call_get_incoming (call) ? HOLBOO_TEAMLOG_CALL_INCOMING : HOLBOO_TEAMLOG_CALL_OUTGOING;
  entry.remote = holboo_call_get_peer (call);
  entry.start = holboo_call_get_started (call);
  entry.answer = holboo_call_get_answered (call);
  entry.end = holboo_call_get_ended (call);
  holboo_account_log_call_async (self, &entry, NULL, on_customer_call_logged, NULL);
}

static void
on_call_status (HolbooCall    *call,
                GParamSpec    *pspec,
                HolbooAccount *self)
{
  HolbooAccountCalls *c = self->calls;
  HolbooStoredCall *row;

  if (holboo_call_get_status (call) != HOLBOO_CALL_STATUS_ENDED)
    return;

  g_signal_handlers_disconnect_by_func (call, on_call_status, self);
  g_list_store_insert (c->log, 0, call);

  row = holboo_stored_call_new (holboo_call_get_sid (call), holboo_call_get_peer (call));
  row->incoming = holboo_call_get_incoming (call);
  row->video = holboo_call_get_video (call);
  row->end_reason = g_strdup (holboo_call_end_reason_to_string (holboo_call_get_end_reason (call)));
  row->started = holboo_call_get_started (call);
  row->answered = holboo_call_get_answered (call);
  row->ended = holboo_call_get_ended (call);
  if (self->worker != NULL && !self->closed)
    {
      _holboo_account_call (self, log_call_on_worker, row, (GDestroyNotify) holboo_stored_call_free, NULL,
                            log_call_done, NULL, NULL);
      log_for_customer (self, call);
    }
  else
    holboo_stored_call_free (row);

  /* Last: this may drop the last reference. */
  remove_from_model (c->calls, call);
  g_hash_table_remove (c->active, holboo_call_get_sid (call));
}

static void
add_call (HolbooAccount *self,
          HolbooCall    *call)
{
  GPtrArray *services = holboo_account_get_external_services (self);

  if (services != NULL)
    call->ice_servers = holboo_call_ice_servers_from_external (services, g_get_real_time ());
  g_hash_table_insert (self->calls->active, g_strdup (holboo_call_get_sid (call)), g_object_ref (call));
  g_list_store_append (self->calls->calls, call);
  g_signal_connect_object (call, "notify::status", G_CALLBACK (on_call_status), self, 0);
  g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_CALL_ADDED], 0, call);
}

/* ---- Jingle IQs ---- */

static void
reply (HolbooAccount         *self,
       HolbooXmlNode         *request,
       HolbooXmppStanzaError  condition,
       HolbooXmppJingleError  jingle_condition)
{
  g_autoptr(HolbooXmlNode) answer = holboo_xmpp_jingle_error_reply (request, condition, jingle_condition);

  holboo_xmpp_connection_send (self->connection, answer, NULL);
}

static void
new_incoming_session (HolbooAccount    *self,
                      HolbooXmppJingle *jingle)
{
  g_autoptr(HolbooCall) call = NULL;
  g_autoptr(HolbooXmlNode) ack = NULL;
  GstSDPMessage *offer;
  gboolean video = FALSE;

  if (_holboo_account_is_blocked_jid (self, jingle->from))
    {
      g_message ("Refusing a call from blocked %s", holboo_jid_to_string (jingle->from));
      reply (self, jingle->iq, HOLBOO_XMPP_STANZA_ERROR_SERVICE_UNAVAILABLE, HOLBOO_XMPP_JINGLE_ERROR_NONE);
      return;
    }
  if (jingle->initiator != NULL && !holboo_jid_equal (jingle->initiator, jingle->from))
    {
      g_message ("Refusing a session-initiate from %s for initiator %s", holboo_jid_to_string (jingle->from),
                 holboo_jid_to_string (jingle->initiator));
      reply (self, jingle->iq, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, HOLBOO_XMPP_JINGLE_ERROR_NONE);
      return;
    }

  offer = _holboo_call_offer_from_initiate (self->connection, jingle);
  if (offer == NULL)
    return;

  for (guint i = 0; i < gst_sdp_message_medias_len (offer); i++)
    if (g_strcmp0 (gst_sdp_media_get_media (gst_sdp_message_get_media (offer, i)), "video") == 0)
      video = TRUE;

  ack = holboo_xmpp_jingle_result_reply (jingle->iq);
  holboo_xmpp_connection_send (self->connection, ack, NULL);
  call = _holboo_call_new (self->connection, own_jid (self), jingle->from, jingle->sid, TRUE, video);
  add_call (self, call);
  _holboo_call_take_offer (call, jingle->from, offer);
  if (holboo_call_get_status (call) == HOLBOO_CALL_STATUS_INCOMING)
    _holboo_call_start_ringing_timeout (call);
}

static gboolean
on_jingle_iq (HolbooXmppConnection *connection,
              HolbooXmlNode        *stanza,
              gpointer              user_data)
{
  HolbooAccount *self = user_data;
  g_autoptr(HolbooXmppJingle) jingle = NULL;
  g_autoptr(GError) error = NULL;
  HolbooCall *call;
  const char *type = holboo_xml_node_get_attribute (stanza, "type");

  if (g_strcmp0 (type, "set") != 0 && g_strcmp0 (type, "get") != 0)
    return FALSE;

  jingle = holboo_xmpp_jingle_parse (stanza, &error);
  if (jingle == NULL)
    {
      g_message ("Dropping a Jingle request: %s", error->message);
      reply (self, stanza, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, HOLBOO_XMPP_JINGLE_ERROR_NONE);
      return TRUE;
    }

  call = g_hash_table_lookup (self->calls->active, jingle->sid);
  if (call == NULL)
    {
      if (jingle->action == HOLBOO_XMPP_JINGLE_ACTION_SESSION_INITIATE)
        new_incoming_session (self, jingle);
      else
        {
          g_debug ("A Jingle %s for unknown session %s",
                   holboo_xmpp_jingle_action_to_string (jingle->action) ?: "request", jingle->sid);
          reply (self, stanza, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND, HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);
        }
      return TRUE;
    }

  if (call->peer_device == NULL || !holboo_jid_equal (call->peer_device, jingle->from))
    {
      g_message ("A Jingle request for session %s from %s, who is not in it", jingle->sid,
                 holboo_jid_to_string (jingle->from));
      reply (self, stanza, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND, HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION);
      return TRUE;
    }

  _holboo_call_handle_jingle (call, jingle);
  return TRUE;
}

/* ---- JMI messages ---- */

static void
new_proposal (HolbooAccount *self,
              HolbooXmppJmi *jmi,
              HolbooJid     *from,
              gboolean       delayed)
{
  g_autoptr(HolbooCall) call = NULL;

  if (_holboo_account_is_blocked_jid (self, from))
    {
      g_message ("Dropping a call proposal from blocked %s", holboo_jid_to_string (from));
      return;
    }

  call = _holboo_call_new (self->connection, own_jid (self), from, jmi->id, TRUE, jmi->video);
  call->by_jmi = TRUE;
  if (delayed)
    {
      /* Kept by offline storage: the caller gave up long ago. */
      add_call (self, call);
      _holboo_call_end (call, HOLBOO_CALL_END_MISSED, NULL);
      return;
    }
  /* Ringing goes out before ::call-added, whose handler may answer. */
  if (holboo_jid_is_full (from))
    _holboo_call_send_jmi (call, holboo_jid_to_string (from), HOLBOO_XMPP_JMI_RINGING,
                           HOLBOO_XMPP_JINGLE_REASON_NONE);
  _holboo_call_start_ringing_timeout (call);
  add_call (self, call);
}

/**
 * _holboo_account_calls_handle_message:
 * @message: a message, unwrapped from its carbon
 * @carbon: whether (and how) it was a carbon
 *
 * Returns: %TRUE when @message was a JMI message (handled or dropped)
 */
gboolean
_holboo_account_calls_handle_message (HolbooAccount    *self,
                                      HolbooXmlNode    *message,
                                      HolbooXmppCarbon  carbon)
{
  g_autoptr(HolbooXmppJmi) jmi = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooJid) from = NULL;
  HolbooJid *own;
  HolbooCall *call;
  const char *from_attr;

  jmi = holboo_xmpp_jmi_parse (message, &error);
  if (jmi == NULL)
    {
      if (error == NULL)
        return FALSE;
      g_message ("Dropping a call message: %s", error->message);
      return TRUE;
    }

  own = own_jid (self);
  if (own == NULL)
    return TRUE;
  call = g_hash_table_lookup (self->calls->active, jmi->id);

  if (carbon == HOLBOO_XMPP_CARBON_SENT)
    {
      /* What another of our devices sent: it answered or declined. */
      if (call != NULL)
        _holboo_call_handle_jmi (call, jmi, own, TRUE);
      return TRUE;
    }

  from_attr = holboo_xml_node_get_attribute (message, "from");
  from = from_attr != NULL ? holboo_jid_parse (from_attr, -1, NULL) : NULL;
  if (from == NULL)
    {
      g_message ("Dropping a call message without a usable sender");
      return TRUE;
    }

  if (holboo_jid_equal_bare (from, self->jid))
    {
      /* Our own accept, sent to our bare JID, comes back to us too. */
      if (holboo_jid_equal (from, own))
        return TRUE;
      if (call != NULL)
        _holboo_call_handle_jmi (call, jmi, from, TRUE);
      return TRUE;
    }

  if (call == NULL)
    {
      if (jmi->kind == HOLBOO_XMPP_JMI_PROPOSE)
        new_proposal (self, jmi, from,
                      holboo_xml_node_get_child (message, "delay", HOLBOO_XMLNS_DELAY) != NULL);
      else
        g_debug ("A JMI %s for unknown call %s", holboo_xmpp_jmi_kind_to_string (jmi->kind), jmi->id);
      return TRUE;
    }

  if (!holboo_jid_equal_bare (from, call->peer))
    {
      g_message ("Dropping a JMI %s for call %s from %s, who is not in it",
                 holboo_xmpp_jmi_kind_to_string (jmi->kind), jmi->id, holboo_jid_to_string (from));
      return TRUE;
    }
  _holboo_call_handle_jmi (call, jmi, from, FALSE);
  return TRUE;
}

/* ---- the log ---- */

static gpointer
list_calls_on_worker (HolbooStore  *store,
                      gpointer      data,
                      GError      **error)
{
  return holboo_store_list_calls (store, CALL_LOG_LIMIT, error);
}

static void
list_calls_done (HolbooAccount      *self,
                 HolbooAccountBatch *batch,
                 gpointer            data)
{
  HolbooAccountOp *op;
  GPtrArray *rows;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GEnumClass) reasons = NULL;
  guint n;

  if (self == NULL)
    return;
  op = g_ptr_array_index (batch->ops, 0);
  if (op->error != NULL)
    {
      g_warning ("Could not load the call log: %s", op->error->message);
      return;
    }

  rows = op->call_result;
  reasons = g_type_class_ref (HOLBOO_TYPE_CALL_END_REASON);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->calls->log));
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      HolbooStoredCall *row = g_ptr_array_index (rows, i);
      GEnumValue *reason = g_enum_get_value_by_nick (reasons, row->end_reason);
      gboolean seen = FALSE;

      /* Calls that ended while the log was loading are in it already. */
      for (guint j = 0; j < n && !seen; j++)
        {
          g_autoptr(HolbooCall) c = g_list_model_get_item (G_LIST_MODEL (self->calls->log), j);

          seen = g_strcmp0 (holboo_call_get_sid (c), row->sid) == 0;
        }
      if (seen)
        continue;
      g_ptr_array_add (items, _holboo_call_new_logged (row->sid, row->peer, row->incoming, row->video,
                                                       reason != NULL ? reason->value : HOLBOO_CALL_END_FAILED,
                                                       row->started, row->answered, row->ended));
    }
  g_list_store_splice (self->calls->log, n, 0, items->pdata, items->len);
}

void
_holboo_account_calls_store_ready (HolbooAccount *self)
{
  _holboo_account_call (self, list_calls_on_worker, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                        list_calls_done, NULL, NULL);
}

/* ---- the account's life ---- */

void
_holboo_account_calls_class_init (GObjectClass *object_class)
{
  /**
   * HolbooAccount::call-added:
   * @call: a new call, outgoing or incoming (ringing)
   *
   * Set the call's devices (#HolbooCall:audio-source …) in a handler:
   * the media is built from them once the call is answered.
   */
  _holboo_account_signals[ACCOUNT_SIGNAL_CALL_ADDED] =
    g_signal_new ("call-added", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HOLBOO_TYPE_CALL);
}

void
_holboo_account_calls_init (HolbooAccount *self)
{
  self->calls = g_new0 (HolbooAccountCalls, 1);
  self->calls->active = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->calls->calls = g_list_store_new (HOLBOO_TYPE_CALL);
  self->calls->log = g_list_store_new (HOLBOO_TYPE_CALL);
}

void
_holboo_account_calls_constructed (HolbooAccount *self)
{
  self->calls->jingle_handler_id =
    holboo_xmpp_connection_add_handler (self->connection, "iq", HOLBOO_XMLNS_JINGLE, on_jingle_iq, self, NULL);
}

void
_holboo_account_calls_dispose (HolbooAccount *self)
{
  HolbooAccountCalls *c = self->calls;
  g_autoptr(GPtrArray) calls = NULL;

  if (c == NULL)
    return;

  /* Hang up what is still running, while the connection and the store
   * are there to say so and log it. */
  calls = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (c->calls)); i++)
    g_ptr_array_add (calls, g_list_model_get_item (G_LIST_MODEL (c->calls), i));
  for (guint i = 0; i < calls->len; i++)
    holboo_call_hang_up (g_ptr_array_index (calls, i));

  if (c->jingle_handler_id != 0 && self->connection != NULL)
    holboo_xmpp_connection_remove_handler (self->connection, c->jingle_handler_id);
  c->jingle_handler_id = 0;
  g_hash_table_remove_all (c->active);
  g_list_store_remove_all (c->calls);
}

void
_holboo_account_calls_finalize (HolbooAccount *self)
{
  HolbooAccountCalls *c = g_steal_pointer (&self->calls);

  if (c == NULL)
    return;
  g_hash_table_unref (c->active);
  g_object_unref (c->calls);
  g_object_unref (c->log);
  g_free (c);
}

/**
 * holboo_account_place_call:
 * @jid: whom to call (a bare JID: all their devices ring)
 * @video: with video
 *
 * Proposes a call.  The call is announced with ::call-added before this
 * returns, and follows its #HolbooCall:status from there.
 *
 * Returns: (transfer full): the call, or %NULL with @error set (not
 *   connected, a bad address)
 */
HolbooCall *
holboo_account_place_call (HolbooAccount  *self,
                           const char     *jid,
                           gboolean        video,
                           GError        **error)
{
  g_autoptr(HolbooJid) peer = NULL;
  g_autoptr(HolbooCall) call = NULL;
  g_autofree char *sid = NULL;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (jid != NULL, NULL);

  peer = holboo_jid_parse (jid, -1, NULL);
  if (peer == NULL || holboo_jid_get_localpart (peer) == NULL)
    {
      g_set_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                   _("“%s” is not a valid address"), jid);
      return NULL;
    }
  if (holboo_jid_equal_bare (peer, self->jid))
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                           _("You cannot call yourself"));
      return NULL;
    }
  if (!_holboo_account_is_connected (self) || own_jid (self) == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED,
                           _("Not connected: the call cannot be placed"));
      return NULL;
    }

  sid = g_uuid_string_random ();
  call = _holboo_call_new (self->connection, own_jid (self), peer, sid, FALSE, video);
  add_call (self, call);
  _holboo_call_propose (call);
  return g_steal_pointer (&call);
}

/**
 * holboo_account_get_call_log:
 *
 * Returns: (transfer none): the calls that ended, newest first
 *   (#HolbooCall in status ENDED), from the store and this session
 */
GListModel *
holboo_account_get_call_log (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->calls->log);
}

/**
 * holboo_account_get_calls:
 *
 * Returns: (transfer none): the calls not yet ended (ringing or in
 *   progress), oldest first
 */
GListModel *
holboo_account_get_calls (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->calls->calls);
}
