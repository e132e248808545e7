/* holboo-xmpp-connection.c: one account's connection to its XMPP server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The life of a connection: an attempt walks the endpoints (manual,
 * SRV, then host-meta WebSocket) until one gives an encrypted transport,
 * then the negotiator logs in and binds or resumes.  Every stage has a
 * watchdog, so each failure surfaces within the settings' timeout.
 *
 * After a failure another attempt follows with exponential back-off and
 * full jitter, unless the failure is one another attempt cannot fix
 * (wrong password, untrusted certificate).  A drop of an established
 * session is retried at once: with stream management the session is
 * resumed and what the server did not get is sent again; without, or
 * when resumption fails, ::session-lost says which stanzas were never
 * acknowledged and the core falls back to its outbox and MAM.
 *
 * An attempt's endpoints and watchdog live in
 * holboo-xmpp-connection-attempt.c, the stanza traffic of a running
 * session in holboo-xmpp-connection-session.c.
 */

#define G_LOG_DOMAIN "holboo-xmpp-connection"

#include "config.h"

#include "holboo-xmpp-connection-private.h"
#include "holboo-xmpp-backoff.h"
#include "holboo-xmpp-error-private.h"

#include <glib/gi18n-lib.h>

G_DEFINE_FINAL_TYPE (HolbooXmppConnection, holboo_xmpp_connection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_NETWORK_MONITOR,
  PROP_RESOLVER,
  PROP_STATE,
  PROP_LAST_ERROR,
  PROP_RETRY_SECONDS,
  PROP_BOUND_JID,
  PROP_STREAM_FEATURES,
  PROP_SM_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* For log lines: an enum value's nick, without allocating. */
static const char *
nick (GType type,
      int   value)
{
  GEnumClass *klass = g_type_class_peek (type);
  GEnumValue *enum_value = klass != NULL ? g_enum_get_value (klass, value) : NULL;

  return enum_value != NULL ? enum_value->value_nick : "?";
}

guint _holboo_xmpp_connection_signals[N_CONNECTION_SIGNALS];
#define signals _holboo_xmpp_connection_signals

void
_holboo_xmpp_connection_set_state (HolbooXmppConnection      *self,
           HolbooXmppConnectionState  state)
{
  HolbooXmppConnectionState old = self->state;

  if (old == state)
    return;

  g_debug ("%s: %s → %s", self->jid != NULL ? holboo_jid_to_string (self->jid) : "?",
           nick (HOLBOO_TYPE_XMPP_CONNECTION_STATE, old),
           nick (HOLBOO_TYPE_XMPP_CONNECTION_STATE, state));
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0, old, state);
}

static void
set_last_error (HolbooXmppConnection *self,
                const GError         *error)
{
  if (self->last_error == NULL && error == NULL)
    return;

  g_clear_error (&self->last_error);
  if (error != NULL)
    self->last_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
complete_connect_tasks (HolbooXmppConnection *self,
                        const GError         *error)
{
  GList *tasks = g_steal_pointer (&self->connect_tasks);

  for (GList *l = tasks; l != NULL; l = l->next)
    {
      GTask *task = l->data;

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }

  g_list_free_full (tasks, g_object_unref);
}

void
_holboo_xmpp_connection_clear_retry (HolbooXmppConnection *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->retry_tick_id, g_source_remove);
  self->retry_at = 0;
}

/* The session cannot continue: pending IQs will never be answered, and
 * what stream management had not seen acknowledged may be lost. */
void
_holboo_xmpp_connection_end_session (HolbooXmppConnection *self,
             const GError         *reason)
{
  gboolean had_sm = holboo_xmpp_sm_is_enabled (self->sm);
  g_autoptr(GPtrArray) lost = had_sm ? holboo_xmpp_sm_take_unacked (self->sm) : NULL;

  holboo_xmpp_sm_reset (self->sm);
  _holboo_xmpp_connection_fail_iqs (self, reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SM_ENABLED]);

  if (lost != NULL)
    g_signal_emit (self, signals[SIGNAL_SESSION_LOST], 0, lost);
}

static gboolean
on_retry_tick (gpointer user_data)
{
  HolbooXmppConnection *self = user_data;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_SECONDS]);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_retry (gpointer user_data)
{
  HolbooXmppConnection *self = user_data;

  self->retry_id = 0;
  _holboo_xmpp_connection_start_attempt (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (HolbooXmppConnection *self)
{
  guint delay = holboo_xmpp_backoff_delay_ms (self->attempt, HOLBOO_XMPP_BACKOFF_BASE_MS,
                                              HOLBOO_XMPP_BACKOFF_CAP_MS, g_random_double ());

  _holboo_xmpp_connection_clear_retry (self);
  self->attempt++;
  self->retry_at = g_get_monotonic_time () + (gint64) delay * 1000;
  self->retry_id = g_timeout_add (delay, on_retry, self);
  self->retry_tick_id = g_timeout_add_seconds (1, on_retry_tick, self);
  g_debug ("Retrying in %u ms (attempt %u)", delay, self->attempt);
  _holboo_xmpp_connection_set_state (self, HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRY_SECONDS]);
}

void
_holboo_xmpp_connection_attempt_failed (HolbooXmppConnection *self,
                GError               *error)
{
  g_autoptr(GError) owned = error;
  gboolean permanent = _holboo_xmpp_error_is_permanent (owned);

  g_debug ("Connecting failed: %s", owned->message);
  _holboo_xmpp_connection_clear_attempt (self);
  set_last_error (self, owned);

  if (permanent)
    {
      self->want_connected = FALSE;
      _holboo_xmpp_connection_end_session (self, owned);
    }

  complete_connect_tasks (self, owned);

  if (!self->want_connected || !holboo_xmpp_settings_get_auto_reconnect (self->settings))
    {
      _holboo_xmpp_connection_set_state (self, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
      return;
    }

  schedule_retry (self);
}

void
_holboo_xmpp_connection_session_established (HolbooXmppConnection *self)
{
  g_autoptr(HolbooXmppNegotiator) negotiator = g_steal_pointer (&self->negotiator);
  g_autoptr(GPtrArray) acked = holboo_xmpp_negotiator_steal_acked (negotiator);
  g_autoptr(GPtrArray) resend = holboo_xmpp_negotiator_steal_resend (negotiator);
  g_autoptr(GPtrArray) lost = holboo_xmpp_negotiator_steal_lost (negotiator);
  gboolean resumed = holboo_xmpp_negotiator_get_resumed (negotiator);

  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  g_clear_object (&self->attempt_cancellable);
  g_clear_pointer (&self->endpoints, g_ptr_array_unref);
  g_clear_error (&self->attempt_error);
  self->attempt = 0;

  if (!resumed)
    {
      g_clear_pointer (&self->bound_jid, holboo_jid_unref);
      self->bound_jid = holboo_jid_ref (holboo_xmpp_negotiator_get_bound_jid (negotiator));
      /* Nothing asked in the old session will be answered. */
      if (g_hash_table_size (self->iqs) > 0)
        {
          g_autoptr(GError) error = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_DISCONNECTED,
                                                         _("The connection was lost before the server answered"));

          _holboo_xmpp_connection_fail_iqs (self, error);
        }
    }
  g_clear_pointer (&self->features, holboo_xml_node_unref);
  self->features = holboo_xml_node_ref (holboo_xmpp_negotiator_get_features (negotiator));
  g_free (self->mechanism);
  self->mechanism = g_strdup (holboo_xmpp_negotiator_get_mechanism (negotiator));
  self->transport_kind = holboo_xmpp_transport_get_kind (self->transport);
  g_set_object (&self->peer_certificate, holboo_xmpp_transport_get_peer_certificate (self->transport));

  g_info ("%s %s over %s%s", resumed ? "Resumed" : "Bound",
             holboo_jid_to_string (self->bound_jid),
             nick (HOLBOO_TYPE_XMPP_TRANSPORT_KIND, self->transport_kind),
             holboo_xmpp_sm_is_enabled (self->sm) ? ", stream management on" : "");

  set_last_error (self, NULL);
  if (acked != NULL)
    _holboo_xmpp_connection_emit_acked (self, acked);
  for (guint i = 0; resend != NULL && i < resend->len; i++)
    _holboo_xmpp_connection_send_internal (self, g_ptr_array_index (resend, i));

  _holboo_xmpp_connection_set_state (self, HOLBOO_XMPP_CONNECTION_STATE_CONNECTED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOUND_JID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STREAM_FEATURES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SM_ENABLED]);
  _holboo_xmpp_connection_keepalive_start (self);
  complete_connect_tasks (self, NULL);

  if (lost != NULL && self->state == HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
    g_signal_emit (self, signals[SIGNAL_SESSION_LOST], 0, lost);
  if (self->state == HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
    g_signal_emit (self, signals[SIGNAL_SESSION_STARTED], 0, resumed);
}

/* An established session dropped. */
void
_holboo_xmpp_connection_lost (HolbooXmppConnection *self,
                              GError               *error)
{
  g_autoptr(GError) owned = error;
  gboolean permanent = _holboo_xmpp_error_is_permanent (owned);

  if (self->state != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
    return;

  g_info ("Connection lost: %s", owned->message);
  _holboo_xmpp_connection_keepalive_stop (self);
  g_clear_handle_id (&self->ack_request_id, g_source_remove);
  _holboo_xmpp_connection_drop_transport (self, FALSE);
  set_last_error (self, owned);

  if (permanent || !holboo_xmpp_sm_can_resume (self->sm))
    _holboo_xmpp_connection_end_session (self, owned);

  if (self->want_connected && !permanent && holboo_xmpp_settings_get_auto_reconnect (self->settings))
    {
      _holboo_xmpp_connection_start_attempt (self);
      return;
    }

  if (permanent)
    self->want_connected = FALSE;
  _holboo_xmpp_connection_set_state (self, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
}

void
_holboo_xmpp_connection_break (HolbooXmppConnection *self)
{
  g_return_if_fail (HOLBOO_IS_XMPP_CONNECTION (self));

  if (self->state != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED || self->transport == NULL)
    return;

  _holboo_xmpp_connection_lost (self, _holboo_xmpp_error_new_closed ());
}

static void
on_network_changed (GNetworkMonitor *monitor,
                    gboolean         available,
                    gpointer         user_data)
{
  HolbooXmppConnection *self = user_data;
  gboolean was_available = self->network_available;

  self->network_available = available;
  g_debug ("Network %s", available ? "available" : "unavailable");

  /* Routes changed: the socket may be dead without knowing it yet. */
  if (self->state == HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
    _holboo_xmpp_connection_probe (self);
  else if (available && !was_available &&
           self->state == HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY)
    holboo_xmpp_connection_reconnect_now (self);
}

static void
holboo_xmpp_connection_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HolbooXmppConnection *self = HOLBOO_XMPP_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    case PROP_NETWORK_MONITOR: g_value_set_object (value, self->network_monitor); break;
    case PROP_RESOLVER: g_value_set_object (value, self->resolver); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_LAST_ERROR: g_value_set_boxed (value, self->last_error); break;
    case PROP_RETRY_SECONDS: g_value_set_uint (value, holboo_xmpp_connection_get_retry_seconds (self)); break;
    case PROP_BOUND_JID: g_value_set_boxed (value, self->bound_jid); break;
    case PROP_STREAM_FEATURES: g_value_set_boxed (value, self->features); break;
    case PROP_SM_ENABLED: g_value_set_boolean (value, holboo_xmpp_sm_is_enabled (self->sm)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_xmpp_connection_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HolbooXmppConnection *self = HOLBOO_XMPP_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: self->settings = g_value_dup_object (value); break;
    case PROP_NETWORK_MONITOR: self->network_monitor = g_value_dup_object (value); break;
    case PROP_RESOLVER: self->resolver = g_value_dup_object (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_xmpp_connection_constructed (GObject *object)
{
  HolbooXmppConnection *self = HOLBOO_XMPP_CONNECTION (object);

  G_OBJECT_CLASS (holboo_xmpp_connection_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  if (self->network_monitor == NULL)
    self->network_monitor = g_object_ref (g_network_monitor_get_default ());
  self->network_available = g_network_monitor_get_network_available (self->network_monitor);
  g_signal_connect_object (self->network_monitor, "network-changed",
                           G_CALLBACK (on_network_changed), self, 0);
}

static void
holboo_xmpp_connection_dispose (GObject *object)
{
  HolbooXmppConnection *self = HOLBOO_XMPP_CONNECTION (object);

  self->want_connected = FALSE;
  _holboo_xmpp_connection_clear_retry (self);
  _holboo_xmpp_connection_keepalive_stop (self);
  g_clear_handle_id (&self->ack_request_id, g_source_remove);
  _holboo_xmpp_connection_drop_transport (self, TRUE);
  _holboo_xmpp_connection_clear_attempt (self);
  _holboo_xmpp_connection_clear_handlers (self);
  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  g_clear_object (&self->network_monitor);
  g_clear_object (&self->resolver);
  g_clear_object (&self->settings);
  g_clear_object (&self->peer_certificate);

  G_OBJECT_CLASS (holboo_xmpp_connection_parent_class)->dispose (object);
}

static void
holboo_xmpp_connection_finalize (GObject *object)
{
  HolbooXmppConnection *self = HOLBOO_XMPP_CONNECTION (object);

  g_assert (self->connect_tasks == NULL);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->jid, holboo_jid_unref);
  g_clear_pointer (&self->bound_jid, holboo_jid_unref);
  g_clear_pointer (&self->features, holboo_xml_node_unref);
  g_clear_pointer (&self->sm, holboo_xmpp_sm_free);
  g_clear_pointer (&self->iqs, g_hash_table_unref);
  g_free (self->mechanism);

  G_OBJECT_CLASS (holboo_xmpp_connection_parent_class)->finalize (object);
}

static void
holboo_xmpp_connection_class_init (HolbooXmppConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType node_type = HOLBOO_TYPE_XML_NODE | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->get_property = holboo_xmpp_connection_get_property;
  object_class->set_property = holboo_xmpp_connection_set_property;
  object_class->constructed = holboo_xmpp_connection_constructed;
  object_class->dispose = holboo_xmpp_connection_dispose;
  object_class->finalize = holboo_xmpp_connection_finalize;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, HOLBOO_TYPE_XMPP_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooXmppConnection:network-monitor: the monitor to follow;
   * the default one unless a test gives its own */
  properties[PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL, G_TYPE_NETWORK_MONITOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooXmppConnection:resolver: (nullable): for SRV lookups;
   * %NULL for the default one */
  properties[PROP_RESOLVER] =
    g_param_spec_object ("resolver", NULL, NULL, G_TYPE_RESOLVER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HOLBOO_TYPE_XMPP_CONNECTION_STATE,
                       HOLBOO_XMPP_CONNECTION_STATE_OFFLINE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooXmppConnection:last-error: (nullable): why the last attempt
   * failed or the session dropped; %NULL once connected */
  properties[PROP_LAST_ERROR] =
    g_param_spec_boxed ("last-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooXmppConnection:retry-seconds: in WAITING_TO_RETRY, the
   * seconds until the next attempt (notified every second) */
  properties[PROP_RETRY_SECONDS] =
    g_param_spec_uint ("retry-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOUND_JID] =
    g_param_spec_boxed ("bound-jid", NULL, NULL, HOLBOO_TYPE_JID,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooXmppConnection:stream-features: (nullable): the server's
   * stream features after login, for XEP modules */
  properties[PROP_STREAM_FEATURES] =
    g_param_spec_boxed ("stream-features", NULL, NULL, HOLBOO_TYPE_XML_NODE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SM_ENABLED] =
    g_param_spec_boolean ("sm-enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HolbooXmppConnection::state-changed:
   * @old_state: the state before
   * @new_state: the state now
   */
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  HOLBOO_TYPE_XMPP_CONNECTION_STATE, HOLBOO_TYPE_XMPP_CONNECTION_STATE);

  /**
   * HolbooXmppConnection::stanza-received:
   * @stanza: a message, presence or iq from the server
   *
   * Every incoming stanza except answers to holboo_xmpp_connection_send_iq_async(),
   * before the handlers see it.
   */
  signals[SIGNAL_STANZA_RECEIVED] =
    g_signal_new ("stanza-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, node_type);

  /**
   * HolbooXmppConnection::stanza-acked:
   * @stanza: a stanza given to holboo_xmpp_connection_send()
   *
   * The server acknowledged @stanza (XEP-0198), in the order sent.  Only
   * with stream management (#HolbooXmppConnection:sm-enabled).
   */
  signals[SIGNAL_STANZA_ACKED] =
    g_signal_new ("stanza-acked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, node_type);

  /**
   * HolbooXmppConnection::session-started:
   * @resumed: %TRUE if the previous session was resumed
   *
   * The connection is CONNECTED.  After a fresh session (@resumed
   * %FALSE) presence, roster, carbons etc. must be set up again.
   */
  signals[SIGNAL_SESSION_STARTED] =
    g_signal_new ("session-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /**
   * HolbooXmppConnection::session-lost:
   * @unacked: (element-type HolbooXmlNode): the stanzas sent and never
   *   acknowledged, oldest first; the server may or may not have them
   *
   * A stream management session ended without resumption (it failed,
   * timed out on the server, or the connection was closed): the core
   * falls back to its outbox and MAM.
   */
  signals[SIGNAL_SESSION_LOST] =
    g_signal_new ("session-lost", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
holboo_xmpp_connection_init (HolbooXmppConnection *self)
{
  self->sm = holboo_xmpp_sm_new ();
  self->iqs = g_hash_table_new (g_str_hash, g_str_equal);
  self->next_handler_id = 1;
}

/**
 * holboo_xmpp_connection_new:
 * @settings: the account; read at every attempt
 *
 * Returns: (transfer full): an offline connection
 */
HolbooXmppConnection *
holboo_xmpp_connection_new (HolbooXmppSettings *settings)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (settings), NULL);

  return g_object_new (HOLBOO_TYPE_XMPP_CONNECTION, "settings", settings, NULL);
}

HolbooXmppSettings *
holboo_xmpp_connection_get_settings (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), NULL);
  return self->settings;
}

HolbooXmppConnectionState
holboo_xmpp_connection_get_state (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
  return self->state;
}

/**
 * holboo_xmpp_connection_get_last_error:
 *
 * Returns: (nullable) (transfer none): why the last attempt failed or the
 *   session dropped
 */
const GError *
holboo_xmpp_connection_get_last_error (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), NULL);
  return self->last_error;
}

/**
 * holboo_xmpp_connection_get_retry_seconds:
 *
 * Returns: in WAITING_TO_RETRY, the whole seconds until the next attempt
 *   (rounded up); otherwise 0
 */
guint
holboo_xmpp_connection_get_retry_seconds (HolbooXmppConnection *self)
{
  gint64 remaining;

  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), 0);

  if (self->state != HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY || self->retry_at == 0)
    return 0;

  remaining = self->retry_at - g_get_monotonic_time ();
  return remaining > 0 ? (guint) ((remaining + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC) : 0;
}

/**
 * holboo_xmpp_connection_get_bound_jid:
 *
 * Returns: (nullable) (transfer none): the full JID of the session
 */
HolbooJid *
holboo_xmpp_connection_get_bound_jid (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), NULL);
  return self->bound_jid;
}

/**
 * holboo_xmpp_connection_get_stream_features:
 *
 * Returns: (nullable) (transfer none): `<stream:features/>` after login
 */
HolbooXmlNode *
holboo_xmpp_connection_get_stream_features (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), NULL);
  return self->features;
}

gboolean
holboo_xmpp_connection_get_sm_enabled (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), FALSE);
  return holboo_xmpp_sm_is_enabled (self->sm);
}

/**
 * holboo_xmpp_connection_get_mechanism:
 *
 * Returns: (nullable): the SASL mechanism of the last login
 */
const char *
holboo_xmpp_connection_get_mechanism (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), NULL);
  return self->mechanism;
}

HolbooXmppTransportKind
holboo_xmpp_connection_get_transport_kind (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), HOLBOO_XMPP_TRANSPORT_KIND_AUTO);
  return self->transport_kind;
}

/**
 * holboo_xmpp_connection_get_peer_certificate:
 *
 * Returns: (nullable) (transfer none): the server's certificate in the
 *   last session
 */
GTlsCertificate *
holboo_xmpp_connection_get_peer_certificate (HolbooXmppConnection *self)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), NULL);
  return self->peer_certificate;
}

/**
 * holboo_xmpp_connection_connect_async:
 *
 * Connects and keeps the connection up until
 * holboo_xmpp_connection_disconnect(): the task completes when the
 * session is bound, or with the first attempt's error (a
 * #HOLBOO_XMPP_ERROR).  After an error that another attempt may fix,
 * the connection keeps retrying in the background (WAITING_TO_RETRY);
 * cancelling @cancellable only completes this task.
 */
void
holboo_xmpp_connection_connect_async (HolbooXmppConnection *self,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_XMPP_CONNECTION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_xmpp_connection_connect_async);

  if (self->state == HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  self->want_connected = TRUE;
  self->connect_tasks = g_list_append (self->connect_tasks, g_steal_pointer (&task));

  if (self->state == HOLBOO_XMPP_CONNECTION_STATE_OFFLINE ||
      self->state == HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY)
    {
      self->attempt = 0;
      _holboo_xmpp_connection_start_attempt (self);
    }
}

gboolean
holboo_xmpp_connection_connect_finish (HolbooXmppConnection  *self,
                                       GAsyncResult          *result,
                                       GError               **error)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_CONNECTION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * holboo_xmpp_connection_reconnect_now:
 *
 * While waiting to retry, retries at once with the back-off reset (the
 * UI's "Retry now", or the network coming back).
 */
void
holboo_xmpp_connection_reconnect_now (HolbooXmppConnection *self)
{
  g_return_if_fail (HOLBOO_IS_XMPP_CONNECTION (self));

  if (self->state != HOLBOO_XMPP_CONNECTION_STATE_WAITING_TO_RETRY)
    return;

  self->attempt = 0;
  _holboo_xmpp_connection_start_attempt (self);
}

/**
 * holboo_xmpp_connection_disconnect:
 *
 * Ends the session cleanly (`</stream:stream>`, which also ends the
 * stream management session on the server) or stops trying.  Pending
 * IQs fail; pending connects fail with %G_IO_ERROR_CANCELLED;
 * ::session-lost reports stanzas the server had not acknowledged.
 */
void
holboo_xmpp_connection_disconnect (HolbooXmppConnection *self)
{
  g_autoptr(GError) reason = NULL;
  g_autoptr(GError) cancelled = NULL;

  g_return_if_fail (HOLBOO_IS_XMPP_CONNECTION (self));

  self->want_connected = FALSE;
  _holboo_xmpp_connection_clear_retry (self);
  _holboo_xmpp_connection_keepalive_stop (self);
  g_clear_handle_id (&self->ack_request_id, g_source_remove);

  if (self->transport != NULL && self->state == HOLBOO_XMPP_CONNECTION_STATE_CONNECTED &&
      holboo_xmpp_sm_is_enabled (self->sm))
    {
      g_autoptr(HolbooXmlNode) answer = holboo_xmpp_sm_build_answer (self->sm);

      holboo_xmpp_transport_send (self->transport, answer);
    }
  _holboo_xmpp_connection_drop_transport (self, TRUE);
  _holboo_xmpp_connection_clear_attempt (self);

  reason = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_DISCONNECTED, _("Disconnected"));
  _holboo_xmpp_connection_end_session (self, reason);
  cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Disconnected"));
  complete_connect_tasks (self, cancelled);

  self->attempt = 0;
  set_last_error (self, NULL);
  _holboo_xmpp_connection_set_state (self, HOLBOO_XMPP_CONNECTION_STATE_OFFLINE);
}
