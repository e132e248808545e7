/* holboo-account-teamlog-mirror.c: chats and calls with customers,
 * logged to the team log by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A message exchanged with an XMPP address that belongs to a customer
 * becomes a chat.mirror op on that customer's timeline.  Its uuid is
 * made from the message (the peer, its ids, its text), so the same
 * message seen by two devices of the member — live, as a carbon, from
 * the archive — is logged once: the log applies an op's uuid once.
 * Messages older than a day (a new device catching up) are not
 * mirrored again.
 *
 * Calls are logged by the calls code with holboo_account_log_call_async().
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-teamlog-private.h"
#include "holboo-phone.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define MIRROR_MAX_AGE       (24 * G_TIME_SPAN_HOUR)
#define MIRROR_MAX_EXCERPT   2000    /* characters of a message kept in the timeline */

/* Stands in for the customer until the worker has found it. */
#define SOME_CUSTOMER "00000000-0000-4000-8000-000000000000"

typedef struct {
  HolbooCustomerHandleKind  kind;
  char                     *handle;
  HolbooTeamlogOp          *op;
  gint64                    pending;   /* out: the outbox's size after */
} Mirror;

static void
mirror_free (Mirror *mirror)
{
  g_free (mirror->handle);
  holboo_teamlog_op_free (mirror->op);
  g_free (mirror);
}

/* A name-based uuid (RFC 4122 version 5 layout, SHA-1). */
static char *
uuid_for (const char *text)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "holboo-teamlog\n", -1);
  g_checksum_update (checksum, (const guchar *) text, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6],
                          digest[7], digest[8], digest[9], digest[10], digest[11], digest[12], digest[13],
                          digest[14], digest[15]);
}

/* On the worker: finds the customer, and logs the op for them. */
static gpointer
mirror_func (HolbooStore  *store,
             gpointer      data,
             GError      **error)
{
  Mirror *mirror = data;
  g_autoptr(GError) local_error = NULL;
  char *customer = holboo_store_find_customer (store, mirror->kind, mirror->handle, &local_error);

  if (customer == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_free (mirror->op->customer);
  mirror->op->customer = g_strdup (customer);
  if (!holboo_store_submit_teamlog_op (store, mirror->op, error) ||
      (mirror->pending = holboo_store_count_teamlog_outbox (store, error)) < 0)
    {
      g_free (customer);
      return NULL;
    }
  return customer;
}

static void
on_mirrored (HolbooAccount      *self,
             HolbooAccountBatch *batch,
             gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = batch->ops->pdata[0];
  Mirror *mirror = op->call_data;
  g_autoptr(GPtrArray) ops = NULL;

  if (self != NULL && op->error != NULL)
    {
      g_message ("Could not log to the team log: %s", op->error->message);
      g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_STORE_ERROR], 0, op->error);
    }
  else if (self != NULL && op->call_result != NULL)
    {
      ops = g_ptr_array_new ();
      g_ptr_array_add (ops, mirror->op);
      _holboo_account_teamlog_set_pending (self, mirror->pending);
      _holboo_account_teamlog_changed (self, ops);
      _holboo_account_teamlog_flush (self);
    }

  if (task == NULL)
    return;
  if (op->error != NULL)
    g_task_return_error (task, g_error_copy (op->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&op->call_result), g_free);
}

/* Queues @op (prepared with SOME_CUSTOMER) for the customer who has
 * @handle, if one does. */
static void
log_for_handle (HolbooAccount            *self,
                HolbooCustomerHandleKind  kind,
                const char               *handle,
                HolbooTeamlogOp          *op,
                GTask                    *task)
{
  Mirror *mirror = g_new0 (Mirror, 1);

  mirror->kind = kind;
  mirror->handle = g_strdup (handle);
  mirror->op = op;
  _holboo_account_call (self, mirror_func, mirror, (GDestroyNotify) mirror_free, g_free, on_mirrored,
                        task, task != NULL ? g_object_unref : NULL);
}

static char *
build_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
on_message_added (HolbooAccount       *self,
                  gint64               conversation_id,
                  gint64               message_id,
                  HolbooStoredMessage *m)
{
  g_autoptr(HolbooTeamlogOp) op = holboo_teamlog_op_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *peer = NULL;
  HolbooTeamlogOp *prepared;
  const char *id;
  gboolean outgoing;

  if (self->teamlog->room == NULL || m->kind != HOLBOO_CONVERSATION_CHAT || m->peer == NULL ||
      m->body == NULL || *m->body == '\0' || m->timestamp < g_get_real_time () - MIRROR_MAX_AGE)
    return;

  outgoing = m->direction == HOLBOO_MESSAGE_OUTGOING;
  /* The ids both devices of the member see. */
  id = outgoing ? (m->origin_id != NULL ? m->origin_id : m->message_id)
                : (m->stanza_id != NULL ? m->stanza_id : m->message_id);
  peer = g_utf8_strdown (m->peer, -1);
  key = g_strdup_printf ("chat\n%s\n%s\n%s\n%s", holboo_account_get_jid (self), peer, id != NULL ? id : "",
                         m->body);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "direction");
  json_builder_add_string_value (builder, outgoing ? "out" : "in");
  json_builder_set_member_name (builder, "address");
  json_builder_add_string_value (builder, peer);
  json_builder_set_member_name (builder, "member");
  json_builder_add_string_value (builder, holboo_account_get_jid (self));
  json_builder_end_object (builder);

  op->kind = HOLBOO_TEAMLOG_OP_CHAT_MIRROR;
  op->uuid = uuid_for (key);
  op->customer = g_strdup (SOME_CUSTOMER);
  op->at = m->timestamp - m->timestamp % G_USEC_PER_SEC;
  op->body = g_utf8_substring (m->body, 0, MIN (g_utf8_strlen (m->body, -1), MIRROR_MAX_EXCERPT));
  op->data = build_json (builder);

  prepared = _holboo_account_teamlog_prepare (self, op, &error);
  if (prepared == NULL)
    {
      g_debug ("Not mirroring a message with %s: %s", peer, error->message);
      return;
    }
  log_for_handle (self, HOLBOO_CUSTOMER_HANDLE_XMPP, peer, prepared, NULL);
}

void
_holboo_account_teamlog_mirror_init (HolbooAccount *self)
{
  g_signal_connect (self, "message-added", G_CALLBACK (on_message_added), NULL);
}

static const char *
outcome_text (HolbooTeamlogCallOutcome outcome)
{
  switch (outcome)
    {
    case HOLBOO_TEAMLOG_CALL_ANSWERED: return "answered";
    case HOLBOO_TEAMLOG_CALL_MISSED: return "missed";
    case HOLBOO_TEAMLOG_CALL_REJECTED: return "rejected";
    case HOLBOO_TEAMLOG_CALL_BUSY: return "busy";
    case HOLBOO_TEAMLOG_CALL_FAILED:
    default: return "failed";
    }
}

static char *
call_summary (const HolbooTeamlogCall *call)
{
  gint64 seconds = call->answer != 0 && call->end > call->answer ? (call->end - call->answer) / G_USEC_PER_SEC : 0;
  const char *what = call->direction == HOLBOO_TEAMLOG_CALL_INCOMING ? _("Incoming call") : _("Outgoing call");

  switch (call->outcome)
    {
    case HOLBOO_TEAMLOG_CALL_ANSWERED:
      /* TRANSLATORS: "Incoming call, 3:05": the kind of call and how long it took */
      return g_strdup_printf (_("%s, %d:%02d"), what, (int) (seconds / 60), (int) (seconds % 60));
    case HOLBOO_TEAMLOG_CALL_MISSED:
      return g_strdup_printf (_("%s, missed"), what);
    case HOLBOO_TEAMLOG_CALL_REJECTED:
      return g_strdup_printf (_("%s, declined"), what);
    case HOLBOO_TEAMLOG_CALL_BUSY:
      return g_strdup_printf (_("%s, busy"), what);
    case HOLBOO_TEAMLOG_CALL_FAILED:
    default:
      return g_strdup_printf (_("%s, failed"), what);
    }
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       us)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (us == 0)
    return;
  time = g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC);
  text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  add_member (builder, name, text);
}

/**
 * holboo_account_log_call_async:
 * @call: the finished call
 *
 * Logs @call on the timeline of the customer whose number or address
 * @call->remote is, for the whole team.  A call with nobody's number
 * logs nothing.
 */
void
holboo_account_log_call_async (HolbooAccount           *self,
                               const HolbooTeamlogCall *call,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HolbooTeamlogOp) op = holboo_teamlog_op_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *handle = NULL;
  HolbooCustomerHandleKind kind;
  HolbooTeamlogOp *prepared;
  GError *error = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (call != NULL && call->remote != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_log_call_async);

  if (strchr (call->remote, '@') != NULL)
    {
      g_autoptr(HolbooJid) jid = holboo_jid_parse (call->remote, -1, NULL);

      kind = HOLBOO_CUSTOMER_HANDLE_XMPP;
      handle = jid != NULL ? g_utf8_strdown (holboo_jid_get_bare_string (jid), -1) : NULL;
      if (handle == NULL)
        error = g_error_new (HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                             _("“%s” is not an address"), call->remote);
    }
  else
    {
      kind = HOLBOO_CUSTOMER_HANDLE_PHONE;
      handle = holboo_phone_normalize (call->remote, NULL, &error);
    }
  if (handle == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  json_builder_begin_object (builder);
  add_member (builder, "direction", call->direction == HOLBOO_TEAMLOG_CALL_INCOMING ? "in" : "out");
  add_member (builder, "remote", handle);
  add_member (builder, "local", call->local);
  add_member (builder, "handled_by", call->handled_by != NULL ? call->handled_by : holboo_account_get_jid (self));
  add_time (builder, "start", call->start);
  add_time (builder, "answer", call->answer);
  add_time (builder, "end", call->end);
  add_member (builder, "outcome", outcome_text (call->outcome));
  add_member (builder, "recording", call->recording);
  json_builder_end_object (builder);

  op->kind = HOLBOO_TEAMLOG_OP_CALL_LOG;
  op->customer = g_strdup (SOME_CUSTOMER);
  op->at = call->start - call->start % G_USEC_PER_SEC;
  op->body = call_summary (call);
  op->data = build_json (builder);

  prepared = _holboo_account_teamlog_prepare (self, op, &error);
  if (prepared == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  log_for_handle (self, kind, handle, prepared, g_steal_pointer (&task));
}

/**
 * holboo_account_log_call_finish:
 *
 * Returns: (transfer full) (nullable): the uuid of the customer the call
 *   was logged for, or %NULL: nobody's number (without @error), or with
 *   @error
 */
char *
holboo_account_log_call_finish (HolbooAccount  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
