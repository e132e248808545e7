/* holboo-xmpp-connection-session.c: the traffic of a running session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sending (with stream management: every stanza is kept until acked,
 * and acks are requested once per main-loop iteration, so a burst costs
 * one <r/>), answering the server's <r/>, routing incoming stanzas to
 * IQ waiters, ::stanza-received and the handlers, and keep-alive: after
 * ping-interval seconds of silence a probe (SM <r/> or XEP-0199 ping)
 * must be answered within ping-timeout seconds or the connection is
 * declared dead.
 *
 * An answer to an IQ is accepted only from the entity it was sent to
 * (RFC 6120 §8.1.2.1 for our own account and server), so a forged
 * result cannot complete someone else's request.
 */

#define G_LOG_DOMAIN "holboo-xmpp-connection"

#include "config.h"

#include "holboo-xmpp-connection-private.h"
#include "holboo-xmpp-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct {
  HolbooXmppConnection *connection;   /* not a reference: tasks hold one */
  GTask                *task;
  char                 *id;
  HolbooJid            *to;           /* NULL: the account or its server */
  guint                 timeout_id;
  GSource              *cancel_source;
} PendingIq;

typedef struct {
  gatomicrefcount          ref_count;
  guint                    id;
  char                    *name;
  char                    *ns;
  HolbooXmppStanzaHandler  func;
  gpointer                 user_data;
  GDestroyNotify           destroy;
  gboolean                 removed;
} Handler;

static Handler *
handler_ref (Handler *handler)
{
  g_atomic_ref_count_inc (&handler->ref_count);
  return handler;
}

static void
handler_unref (Handler *handler)
{
  if (!g_atomic_ref_count_dec (&handler->ref_count))
    return;

  if (handler->destroy != NULL)
    handler->destroy (handler->user_data);
  g_free (handler->name);
  g_free (handler->ns);
  g_free (handler);
}

static void
pending_iq_free (PendingIq *pending)
{
  g_clear_handle_id (&pending->timeout_id, g_source_remove);
  if (pending->cancel_source != NULL)
    {
      g_source_destroy (pending->cancel_source);
      g_clear_pointer (&pending->cancel_source, g_source_unref);
    }
  g_clear_pointer (&pending->to, holboo_jid_unref);
  g_clear_object (&pending->task);
  g_free (pending->id);
  g_free (pending);
}

/* Completes and frees @pending; takes @result or @error. */
static void
complete_iq (HolbooXmppConnection *self,
             PendingIq            *pending,
             HolbooXmlNode        *result,
             GError               *error)
{
  g_autoptr(GTask) task = g_object_ref (pending->task);

  g_hash_table_remove (self->iqs, pending->id);
  pending_iq_free (pending);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) holboo_xml_node_unref);
}

static gboolean
on_iq_timeout (gpointer user_data)
{
  PendingIq *pending = user_data;
  HolbooXmppConnection *self = pending->connection;
  const char *who = pending->to != NULL ? holboo_jid_to_string (pending->to)
                                        : holboo_jid_get_domainpart (self->jid);

  pending->timeout_id = 0;
  complete_iq (self, pending, NULL,
               g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_TIMED_OUT,
                            _("“%s” did not answer in time"), who));
  return G_SOURCE_REMOVE;
}

static gboolean
on_iq_cancelled (GCancellable *cancellable,
                 gpointer      user_data)
{
  PendingIq *pending = user_data;

  complete_iq (pending->connection, pending, NULL,
               g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled"));
  return G_SOURCE_REMOVE;
}

void
_holboo_xmpp_connection_fail_iqs (HolbooXmppConnection *self,
                                  const GError         *error)
{
  g_autoptr(GPtrArray) pendings = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  /* Callbacks may send new IQs: empty the table first. */
  g_hash_table_iter_init (&iter, self->iqs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (pendings, value);
  g_hash_table_remove_all (self->iqs);

  for (guint i = 0; i < pendings->len; i++)
    {
      PendingIq *pending = g_ptr_array_index (pendings, i);
      g_autoptr(GTask) task = g_object_ref (pending->task);

      pending_iq_free (pending);
      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_new_error (task, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_DISCONNECTED,
                                 _("The connection was lost before the server answered"));
    }
}

static gboolean
on_ack_request (gpointer user_data)
{
  HolbooXmppConnection *self = user_data;

  self->ack_request_id = 0;
  if (self->transport != NULL && holboo_xmpp_sm_get_n_unacked (self->sm) > 0)
    {
      g_autoptr(HolbooXmlNode) request = holboo_xmpp_sm_build_request ();

      holboo_xmpp_transport_send (self->transport, request);
    }

  return G_SOURCE_REMOVE;
}

void
_holboo_xmpp_connection_send_internal (HolbooXmppConnection *self,
                                       HolbooXmlNode        *stanza)
{
  holboo_xmpp_transport_send (self->transport, stanza);

  if (holboo_xmpp_sm_is_enabled (self->sm))
    {
      holboo_xmpp_sm_track_outbound (self->sm, stanza);
      if (self->ack_request_id == 0)
        self->ack_request_id = g_idle_add_full (G_PRIORITY_DEFAULT, on_ack_request, self, NULL);
    }
}

void
_holboo_xmpp_connection_emit_acked (HolbooXmppConnection *self,
                                    GPtrArray            *acked)
{
  for (guint i = 0; i < acked->len; i++)
    g_signal_emit (self, _holboo_xmpp_connection_signals[SIGNAL_STANZA_ACKED], 0,
                   g_ptr_array_index (acked, i));
}

/* Whether @from may answer an IQ sent to @pending->to. */
static gboolean
iq_from_matches (HolbooXmppConnection *self,
                 PendingIq            *pending,
                 const char           *from)
{
  g_autoptr(HolbooJid) from_jid = NULL;

  if (from == NULL)
    return pending->to == NULL;

  from_jid = holboo_jid_parse (from, -1, NULL);
  if (from_jid == NULL)
    return FALSE;

  if (pending->to != NULL)
    return holboo_jid_equal (from_jid, pending->to);

  /* Sent to our account or server: they answer as the account (bare or
   * full) or as the server's domain. */
  return holboo_jid_equal (from_jid, self->jid) ||
         (self->bound_jid != NULL && holboo_jid_equal (from_jid, self->bound_jid)) ||
         (holboo_jid_is_domain (from_jid) &&
          g_strcmp0 (holboo_jid_get_domainpart (from_jid), holboo_jid_get_domainpart (self->jid)) == 0);
}

/* An answer to one of our IQs: TRUE if it was consumed. */
static gboolean
handle_iq_answer (HolbooXmppConnection *self,
                  HolbooXmlNode        *iq,
                  gboolean              is_error)
{
  const char *id = holboo_xml_node_get_attribute (iq, "id");
  const char *from = holboo_xml_node_get_attribute (iq, "from");
  PendingIq *pending = id != NULL ? g_hash_table_lookup (self->iqs, id) : NULL;

  if (pending == NULL)
    return FALSE;

  if (!iq_from_matches (self, pending, from))
    {
      g_message ("Dropping an answer to IQ %s from %s, which it was not sent to", id,
                 from != NULL ? from : "(the server)");
      return TRUE;
    }

  if (is_error)
    complete_iq (self, pending, NULL, holboo_xmpp_stanza_error_from_node (iq));
  else
    complete_iq (self, pending, holboo_xml_node_ref (iq), NULL);

  return TRUE;
}

static gboolean
handler_matches (Handler       *handler,
                 HolbooXmlNode *stanza)
{
  if (handler->removed)
    return FALSE;
  if (handler->name != NULL && strcmp (handler->name, holboo_xml_node_get_name (stanza)) != 0)
    return FALSE;
  if (handler->ns == NULL)
    return TRUE;

  for (HolbooXmlNode *child = holboo_xml_node_get_first_child (stanza);
       child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    if (holboo_xml_node_get_name (child) != NULL &&
        g_strcmp0 (holboo_xml_node_get_ns (child), handler->ns) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
run_handlers (HolbooXmppConnection *self,
              HolbooXmlNode        *stanza)
{
  g_autoptr(GPtrArray) snapshot = g_ptr_array_new_with_free_func ((GDestroyNotify) handler_unref);
  g_autoptr(HolbooXmppConnection) hold = g_object_ref (self);

  for (GList *l = self->handlers; l != NULL; l = l->next)
    g_ptr_array_add (snapshot, handler_ref (l->data));

  for (guint i = 0; i < snapshot->len; i++)
    {
      Handler *handler = g_ptr_array_index (snapshot, i);

      if (handler_matches (handler, stanza) && handler->func (self, stanza, handler->user_data))
        return TRUE;
    }

  return FALSE;
}

static void
answer_ping (HolbooXmppConnection *self,
             HolbooXmlNode        *iq)
{
  g_autoptr(HolbooXmlNode) result = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (result, "type", "result");
  holboo_xml_node_set_attribute (result, "id", holboo_xml_node_get_attribute (iq, "id"));
  holboo_xml_node_set_attribute (result, "to", holboo_xml_node_get_attribute (iq, "from"));
  _holboo_xmpp_connection_send_internal (self, result);
}

static void
dispatch_stanza (HolbooXmppConnection *self,
                 HolbooXmlNode        *stanza)
{
  const char *name = holboo_xml_node_get_name (stanza);
  const char *type = holboo_xml_node_get_attribute (stanza, "type");
  gboolean is_iq = strcmp (name, "iq") == 0;
  gboolean is_request = is_iq && (g_strcmp0 (type, "get") == 0 || g_strcmp0 (type, "set") == 0);

  if (is_iq && !is_request)
    {
      if (g_strcmp0 (type, "result") == 0 || g_strcmp0 (type, "error") == 0)
        {
          if (handle_iq_answer (self, stanza, g_strcmp0 (type, "error") == 0))
            return;
        }
      else
        {
          g_message ("Dropping an iq of type “%s”", type != NULL ? type : "");
          return;
        }
    }

  g_signal_emit (self, _holboo_xmpp_connection_signals[SIGNAL_STANZA_RECEIVED], 0, stanza);
  if (self->state != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
    return;

  if (is_request && g_strcmp0 (type, "get") == 0 &&
      holboo_xml_node_get_child (stanza, "ping", HOLBOO_XMLNS_PING) != NULL)
    {
      answer_ping (self, stanza);
      return;
    }

  if (!run_handlers (self, stanza) && is_request && self->state == HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
    {
      /* RFC 6120 §8.2.3: every request gets an answer. */
      g_autoptr(HolbooXmlNode) reply =
        holboo_xmpp_stanza_error_reply (stanza, HOLBOO_XMPP_STANZA_ERROR_SERVICE_UNAVAILABLE);

      _holboo_xmpp_connection_send_internal (self, reply);
    }
}

static void
handle_sm_element (HolbooXmppConnection *self,
                   HolbooXmlNode        *element)
{
  const char *name = holboo_xml_node_get_name (element);

  if (!holboo_xmpp_sm_is_enabled (self->sm))
    return;

  if (strcmp (name, "r") == 0)
    {
      g_autoptr(HolbooXmlNode) answer = holboo_xmpp_sm_build_answer (self->sm);

      holboo_xmpp_transport_send (self->transport, answer);
    }
  else if (strcmp (name, "a") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) acked = holboo_xmpp_sm_ack (self->sm, holboo_xml_node_get_attribute (element, "h"),
                                                       &error);

      if (acked == NULL)
        {
          /* XEP-0198 §4: the count cannot be trusted any more. */
          holboo_xmpp_transport_send_stream_error (self->transport, "undefined-condition", error->message);
          _holboo_xmpp_connection_lost (self, g_steal_pointer (&error));
          return;
        }
      _holboo_xmpp_connection_emit_acked (self, acked);
    }
  else
    g_debug ("Ignoring <%s/> from stream management", name);
}

void
_holboo_xmpp_connection_session_element (HolbooXmppConnection *self,
                                         HolbooXmlNode        *element)
{
  g_autoptr(HolbooXmppConnection) hold = g_object_ref (self);

  /* The server is alive. */
  g_clear_handle_id (&self->dead_id, g_source_remove);

  if (g_strcmp0 (holboo_xml_node_get_ns (element), HOLBOO_XMLNS_SM) == 0)
    {
      handle_sm_element (self, element);
      return;
    }

  if (!holboo_xmpp_sm_is_stanza (element))
    {
      g_debug ("Ignoring <%s xmlns='%s'/>", holboo_xml_node_get_name (element),
               holboo_xml_node_get_ns (element));
      return;
    }

  dispatch_stanza (self, element);
  holboo_xmpp_sm_count_inbound (self->sm);
}

static gboolean
on_dead (gpointer user_data)
{
  HolbooXmppConnection *self = user_data;

  self->dead_id = 0;
  _holboo_xmpp_connection_lost (self, g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_TIMED_OUT,
                                                           _("The server stopped answering")));
  return G_SOURCE_REMOVE;
}

/* Asks the server for a sign of life; silence is death. */
void
_holboo_xmpp_connection_probe (HolbooXmppConnection *self)
{
  if (self->state != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED || self->transport == NULL)
    return;

  if (holboo_xmpp_sm_is_enabled (self->sm))
    {
      g_autoptr(HolbooXmlNode) request = holboo_xmpp_sm_build_request ();

      holboo_xmpp_transport_send (self->transport, request);
    }
  else
    {
      g_autoptr(HolbooXmlNode) ping = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

      holboo_xml_node_set_attribute (ping, "type", "get");
      holboo_xml_node_add_child_ns (ping, "ping", HOLBOO_XMLNS_PING);
      holboo_xmpp_connection_send_iq_async (self, ping, NULL, NULL, NULL);
    }

  if (self->dead_id == 0)
    self->dead_id = g_timeout_add_seconds (holboo_xmpp_settings_get_ping_timeout (self->settings),
                                           on_dead, self);
}

static gboolean
on_ping_timer (gpointer user_data)
{
  HolbooXmppConnection *self = user_data;
  gint64 interval = (gint64) holboo_xmpp_settings_get_ping_interval (self->settings) * G_USEC_PER_SEC;
  gint64 idle;

  self->ping_id = 0;
  if (self->transport == NULL)
    return G_SOURCE_REMOVE;

  idle = g_get_monotonic_time () - holboo_xmpp_transport_get_last_received (self->transport);
  if (idle >= interval)
    {
      _holboo_xmpp_connection_probe (self);
      idle = 0;
    }

  self->ping_id = g_timeout_add ((guint) ((interval - idle) / 1000) + 1, on_ping_timer, self);
  return G_SOURCE_REMOVE;
}

void
_holboo_xmpp_connection_keepalive_start (HolbooXmppConnection *self)
{
  _holboo_xmpp_connection_keepalive_stop (self);
  self->ping_id = g_timeout_add_seconds (holboo_xmpp_settings_get_ping_interval (self->settings),
                                         on_ping_timer, self);
}

void
_holboo_xmpp_connection_keepalive_stop (HolbooXmppConnection *self)
{
  g_clear_handle_id (&self->ping_id, g_source_remove);
  g_clear_handle_id (&self->dead_id, g_source_remove);
}

void
_holboo_xmpp_connection_clear_handlers (HolbooXmppConnection *self)
{
  GList *handlers = g_steal_pointer (&self->handlers);

  for (GList *l = handlers; l != NULL; l = l->next)
    ((Handler *) l->data)->removed = TRUE;
  g_list_free_full (handlers, (GDestroyNotify) handler_unref);
}

/**
 * holboo_xmpp_connection_send:
 * @stanza: a message, presence or iq in jabber:client; not to be changed
 *   afterwards (stream management may send it again after a resumption)
 *
 * Sends @stanza now.  Nothing is queued while disconnected: the core's
 * outbox owns persistence.  With stream management, ::stanza-acked
 * follows once the server has it.
 *
 * Returns: %FALSE with %HOLBOO_XMPP_ERROR_NOT_CONNECTED unless CONNECTED
 */
gboolean
holboo_xmpp_connection_send (HolbooXmppConnection  *self,
                             HolbooXmlNode         *stanza,
                             GError               **error)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), FALSE);
  g_return_val_if_fail (stanza != NULL && holboo_xmpp_sm_is_stanza (stanza), FALSE);

  if (self->state != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED || self->transport == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED,
                           _("Not connected"));
      return FALSE;
    }

  _holboo_xmpp_connection_send_internal (self, stanza);
  return TRUE;
}

/**
 * holboo_xmpp_connection_send_iq_async:
 * @iq: an iq of type get or set; an id is added if it has none
 *
 * Sends @iq and waits for the answer from the entity it was sent to,
 * for at most the settings' iq-timeout.
 */
void
holboo_xmpp_connection_send_iq_async (HolbooXmppConnection *self,
                                      HolbooXmlNode        *iq,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *type, *to;
  PendingIq *pending;

  g_return_if_fail (HOLBOO_IS_XMPP_CONNECTION (self));
  g_return_if_fail (iq != NULL && holboo_xml_node_is (iq, "iq", HOLBOO_XMLNS_CLIENT));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_xmpp_connection_send_iq_async);

  type = holboo_xml_node_get_attribute (iq, "type");
  if (g_strcmp0 (type, "get") != 0 && g_strcmp0 (type, "set") != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "An iq request must be of type get or set");
      return;
    }

  if (self->state != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED || self->transport == NULL)
    {
      g_task_return_new_error (task, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED,
                               "%s", _("Not connected"));
      return;
    }

  if (holboo_xml_node_get_attribute (iq, "id") == NULL)
    {
      g_autofree char *id = g_uuid_string_random ();

      holboo_xml_node_set_attribute (iq, "id", id);
    }
  if (g_hash_table_contains (self->iqs, holboo_xml_node_get_attribute (iq, "id")))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               "An iq with this id is already waiting for its answer");
      return;
    }

  pending = g_new0 (PendingIq, 1);
  pending->connection = self;
  pending->task = g_steal_pointer (&task);
  pending->id = g_strdup (holboo_xml_node_get_attribute (iq, "id"));
  to = holboo_xml_node_get_attribute (iq, "to");
  if (to != NULL)
    {
      pending->to = holboo_jid_parse (to, -1, NULL);
      /* To our own account or server: answered like a to-less request. */
      if (pending->to != NULL &&
          (holboo_jid_equal (pending->to, self->jid) ||
           (holboo_jid_is_domain (pending->to) &&
            g_strcmp0 (holboo_jid_get_domainpart (pending->to), holboo_jid_get_domainpart (self->jid)) == 0)))
        g_clear_pointer (&pending->to, holboo_jid_unref);
    }
  pending->timeout_id = g_timeout_add_seconds (holboo_xmpp_settings_get_iq_timeout (self->settings),
                                               on_iq_timeout, pending);
  if (cancellable != NULL)
    {
      pending->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (pending->cancel_source, G_SOURCE_FUNC (on_iq_cancelled), pending, NULL);
      g_source_attach (pending->cancel_source, g_main_context_get_thread_default ());
    }
  g_hash_table_insert (self->iqs, pending->id, pending);

  _holboo_xmpp_connection_send_internal (self, iq);
}

/**
 * holboo_xmpp_connection_send_iq_finish:
 *
 * Returns: (transfer full) (nullable): the result iq, or %NULL with a
 *   %HOLBOO_XMPP_STANZA_ERROR (the answer was an error) or a
 *   %HOLBOO_XMPP_ERROR (timeout, not connected, session lost)
 */
HolbooXmlNode *
holboo_xmpp_connection_send_iq_finish (HolbooXmppConnection  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * holboo_xmpp_connection_add_handler:
 * @stanza_name: (nullable): "message", "presence", "iq", or %NULL for all
 * @child_ns: (nullable): only stanzas with a child element in this
 *   namespace (an iq's payload, a message's extension), or %NULL
 * @handler: called for each matching stanza, in the order added, until
 *   one returns %TRUE
 *
 * Returns: an id for holboo_xmpp_connection_remove_handler()
 */
guint
holboo_xmpp_connection_add_handler (HolbooXmppConnection    *self,
                                    const char              *stanza_name,
                                    const char              *child_ns,
                                    HolbooXmppStanzaHandler  handler,
                                    gpointer                 user_data,
                                    GDestroyNotify           destroy)
{
  Handler *entry;

  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), 0);
  g_return_val_if_fail (handler != NULL, 0);

  entry = g_new0 (Handler, 1);
  g_atomic_ref_count_init (&entry->ref_count);
  entry->id = self->next_handler_id++;
  entry->name = g_strdup (stanza_name);
  entry->ns = g_strdup (child_ns);
  entry->func = handler;
  entry->user_data = user_data;
  entry->destroy = destroy;
  self->handlers = g_list_append (self->handlers, entry);

  return entry->id;
}

void
holboo_xmpp_connection_remove_handler (HolbooXmppConnection *self,
                                       guint                 handler_id)
{
  g_return_if_fail (HOLBOO_IS_XMPP_CONNECTION (self));

  for (GList *l = self->handlers; l != NULL; l = l->next)
    {
      Handler *handler = l->data;

      if (handler->id == handler_id)
        {
          handler->removed = TRUE;
          self->handlers = g_list_delete_link (self->handlers, l);
          handler_unref (handler);
          return;
        }
    }

  g_critical ("%s: no handler with id %u", G_STRFUNC, handler_id);
}
