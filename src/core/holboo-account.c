/* holboo-account.c: one account: its connection, its store, and the
 * message pipeline between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #HolbooAccount owns one #HolbooXmppConnection and one #HolbooStore
 * and joins them, as DESIGN.md's data flow says:
 *
 *   incoming: stanza → XEP modules (holboo-account-incoming.c) → one
 *   SQLite transaction per main-loop burst (holboo-account-batch.c) →
 *   ::message-added / ::message-updated;
 *   outgoing: holboo_account_send_message() → outbox row → stanza with
 *   origin-id → SM ack → receipt (holboo-account-outbox.c);
 *   history: MAM catch-up after each fresh session and older history on
 *   demand (holboo-account-mam.c).
 *
 * The store belongs to a #HolbooWorker thread: the main thread never
 * waits for the disk, and everything written is written in the order
 * the main thread asked for it.  Nothing here blocks on the network.
 * There is no global state: two accounts work side by side in one
 * process.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-rooms-private.h"
#include "holboo-xmpp-carbons.h"

#include <glib/gi18n-lib.h>

static void holboo_account_initable_iface_init       (GInitableIface      *iface);
static void holboo_account_async_initable_iface_init (GAsyncInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooAccount, holboo_account, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      holboo_account_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE,
                                                      holboo_account_async_initable_iface_init))

G_DEFINE_QUARK (holboo-account-error-quark, holboo_account_error)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE_PATH,
  PROP_CONNECTION,
  PROP_JID,
  PROP_SYNCING,
  PROP_MAM_PAGE_SIZE,
  PROP_CATCH_UP_MAX_PAGES,
  PROP_CHAT_STATE_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

guint _holboo_account_signals[ACCOUNT_N_SIGNALS];
#define signals _holboo_account_signals

gint64
_holboo_account_next_timestamp (HolbooAccount *self,
                                gint64         at)
{
  /* Strictly increasing, so that messages of one burst keep their order
   * even when the clock does not move between them. */
  self->last_timestamp = MAX (at, self->last_timestamp + 1);
  return self->last_timestamp;
}

gboolean
_holboo_account_is_connected (HolbooAccount *self)
{
  return self->connection != NULL &&
         holboo_xmpp_connection_get_state (self->connection) == HOLBOO_XMPP_CONNECTION_STATE_CONNECTED;
}

void
_holboo_account_set_syncing (HolbooAccount *self,
                             gboolean       syncing)
{
  if (self->syncing == syncing)
    return;
  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

void
_holboo_account_send_presence (HolbooAccount *self)
{
  g_autoptr(HolbooXmlNode) presence = NULL;

  if (self->presence_sent)
    return;

  /* NULL when the user chose to appear offline. */
  presence = _holboo_account_build_presence (self);
  if (presence != NULL && holboo_xmpp_connection_send (self->connection, presence, NULL))
    self->presence_sent = TRUE;
}

static void
on_carbons_enabled (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not enable carbons: %s", error->message);
}

static void
on_session_started (HolbooXmppConnection *connection,
                    gboolean              resumed,
                    HolbooAccount        *self)
{
  if (!resumed)
    {
      g_autoptr(HolbooXmlNode) enable = holboo_xmpp_carbons_build_enable ();

      /* Carbons and presence first: from here on the server delivers to
       * this device live whatever its archive gets after the catch-up's
       * first query. */
      self->presence_sent = FALSE;
      /* A new session: the peers know nothing of our chat states. */
      g_hash_table_remove_all (self->sent_chat_states);
      holboo_xmpp_connection_send_iq_async (connection, enable, self->cancellable, on_carbons_enabled, NULL);
      /* The roster before the presence (RFC 6121 §2.2). */
      _holboo_account_contacts_session_started (self);
      _holboo_account_send_presence (self);
      _holboo_account_catch_up_start (self);
    }
  _holboo_account_outbox_session_started (self, resumed);
  _holboo_account_rooms_session_started (self, resumed);
  _holboo_account_upload_session_started (self, resumed);
  _holboo_account_teamlog_session_started (self, resumed);
}

static void
holboo_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HolbooAccount *self = HOLBOO_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    case PROP_STORE_PATH: g_value_set_string (value, self->store_path); break;
    case PROP_CONNECTION: g_value_set_object (value, self->connection); break;
    case PROP_JID: g_value_set_string (value, holboo_account_get_jid (self)); break;
    case PROP_SYNCING: g_value_set_boolean (value, self->syncing); break;
    case PROP_MAM_PAGE_SIZE: g_value_set_uint (value, self->mam_page_size); break;
    case PROP_CATCH_UP_MAX_PAGES: g_value_set_uint (value, self->catch_up_max_pages); break;
    case PROP_CHAT_STATE_TIMEOUT: g_value_set_uint (value, self->chat_state_timeout); break;
    default:
      if (!_holboo_account_contacts_get_property (self, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_account_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HolbooAccount *self = HOLBOO_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS: self->settings = g_value_dup_object (value); break;
    case PROP_STORE_PATH: self->store_path = g_value_dup_string (value); break;
    case PROP_MAM_PAGE_SIZE: holboo_account_set_mam_page_size (self, g_value_get_uint (value)); break;
    case PROP_CATCH_UP_MAX_PAGES: holboo_account_set_catch_up_max_pages (self, g_value_get_uint (value)); break;
    case PROP_CHAT_STATE_TIMEOUT: holboo_account_set_chat_state_timeout (self, g_value_get_uint (value)); break;
    default:
      if (!_holboo_account_contacts_set_property (self, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_account_constructed (GObject *object)
{
  HolbooAccount *self = HOLBOO_ACCOUNT (object);
  g_autoptr(HolbooJid) jid = NULL;

  G_OBJECT_CLASS (holboo_account_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_assert (self->store_path != NULL);

  jid = holboo_jid_parse (holboo_xmpp_settings_get_jid (self->settings), -1, NULL);
  if (jid != NULL && holboo_jid_get_localpart (jid) != NULL)
    self->jid = holboo_jid_get_bare (jid);

  self->connection = holboo_xmpp_connection_new (self->settings);
  _holboo_account_cards_init (self);   /* before the message handler: PEP events are not messages */
  self->message_handler_id =
    holboo_xmpp_connection_add_handler (self->connection, "message", NULL,
                                        _holboo_account_handle_message, self, NULL);
  g_signal_connect_object (self->connection, "session-started", G_CALLBACK (on_session_started), self, 0);
  _holboo_account_outbox_connect_signals (self);
  /* Rooms first: the contacts' presence handler takes every presence. */
  _holboo_account_rooms_constructed (self);
  _holboo_account_contacts_connect (self);
  _holboo_account_upload_constructed (self);
  _holboo_account_calls_constructed (self);
}

static void
holboo_account_dispose (GObject *object)
{
  HolbooAccount *self = HOLBOO_ACCOUNT (object);

  _holboo_account_calls_dispose (self);
  g_cancellable_cancel (self->cancellable);
  _holboo_account_upload_dispose (self);
  _holboo_account_teamlog_dispose (self);
  _holboo_account_mam_dispose (self);
  _holboo_account_sync_dispose (self);
  _holboo_account_contacts_dispose (self);
  _holboo_account_chat_states_dispose (self);
  _holboo_account_rooms_dispose (self);

  if (self->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->connection, self);
      _holboo_account_cards_dispose (self);
      if (self->message_handler_id != 0)
        holboo_xmpp_connection_remove_handler (self->connection, self->message_handler_id);
      self->message_handler_id = 0;
      holboo_xmpp_connection_disconnect (self->connection);
      g_clear_object (&self->connection);
    }

  /* What was typed or received is written before the store closes. */
  if (self->worker != NULL)
    {
      _holboo_account_flush_pending (self);
      self->closed = TRUE;
      holboo_worker_shutdown (self->worker);
    }
  self->closed = TRUE;
  g_clear_handle_id (&self->flush_id, g_source_remove);
  g_clear_pointer (&self->pending, _holboo_account_batch_free);
  g_clear_object (&self->worker);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (holboo_account_parent_class)->dispose (object);
}

static void
holboo_account_finalize (GObject *object)
{
  HolbooAccount *self = HOLBOO_ACCOUNT (object);

  g_clear_pointer (&self->jid, holboo_jid_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_clear_pointer (&self->live_order, g_hash_table_unref);
  _holboo_account_contacts_finalize (self);
  _holboo_account_actions_dispose (self);
  g_clear_object (&self->cancellable);
  _holboo_account_upload_finalize (self);
  _holboo_account_calls_finalize (self);
  _holboo_account_teamlog_finalize (self);
  g_free (self->store_path);

  G_OBJECT_CLASS (holboo_account_parent_class)->finalize (object);
}

static void
holboo_account_class_init (HolbooAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType message_type = HOLBOO_TYPE_STORED_MESSAGE | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->get_property = holboo_account_get_property;
  object_class->set_property = holboo_account_set_property;
  object_class->constructed = holboo_account_constructed;
  object_class->dispose = holboo_account_dispose;
  object_class->finalize = holboo_account_finalize;
  _holboo_account_cards_class_init (object_class);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, HOLBOO_TYPE_XMPP_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooAccount:store-path: the account's SQLite file */
  properties[PROP_STORE_PATH] =
    g_param_spec_string ("store-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, HOLBOO_TYPE_XMPP_CONNECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** HolbooAccount:jid: the account's bare JID */
  properties[PROP_JID] =
    g_param_spec_string ("jid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** HolbooAccount:syncing: catching up on the archive after connecting */
  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooAccount:mam-page-size: results asked for per archive query
   * (servers cap it: Prosody at max_archive_query_results) */
  properties[PROP_MAM_PAGE_SIZE] =
    g_param_spec_uint ("mam-page-size", NULL, NULL, 1, 1000, HOLBOO_ACCOUNT_DEFAULT_MAM_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooAccount:catch-up-max-pages: how many pages a catch-up with
   * nothing stored below takes; 0 for no limit */
  properties[PROP_CATCH_UP_MAX_PAGES] =
    g_param_spec_uint ("catch-up-max-pages", NULL, NULL, 0, G_MAXUINT, HOLBOO_ACCOUNT_DEFAULT_CATCH_UP_MAX_PAGES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /** HolbooAccount:chat-state-timeout: after how many ms without news a
   * peer's "composing" counts as paused (see ::chat-state-changed) */
  properties[PROP_CHAT_STATE_TIMEOUT] =
    g_param_spec_uint ("chat-state-timeout", NULL, NULL, 1, G_MAXUINT, HOLBOO_ACCOUNT_DEFAULT_CHAT_STATE_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  _holboo_account_contacts_class_init (object_class, N_PROPS);

  /**
   * HolbooAccount::message-added:
   * @conversation_id: the conversation's row id
   * @message_id: the message's row id
   * @message: the message as stored
   *
   * A message was stored: incoming (live, carbon or archive) or typed.
   */
  signals[ACCOUNT_SIGNAL_MESSAGE_ADDED] =
    g_signal_new ("message-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, message_type);

  /**
   * HolbooAccount::message-updated:
   * @conversation_id: the conversation's row id
   * @message_id: the message's row id
   * @message: the message as it is now
   *
   * A stored message changed: its delivery or read state, what the
   * archive or a copy taught it, or an action on it — corrected
   * (@message's edited_at), retracted (a tombstone), reactions, read.
   */
  signals[ACCOUNT_SIGNAL_MESSAGE_UPDATED] =
    g_signal_new ("message-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, message_type);

  /**
   * HolbooAccount::conversation-updated:
   * @conversation_id: the conversation's row id
   * @conversation: the conversation as it is now
   *
   * A conversation's read marks moved: the user read it (here, or on
   * another device whose displayed marker came by carbon or from the
   * archive: its unread count changed), or the peer read our messages
   * up to @conversation's displayed_until.
   */
  signals[ACCOUNT_SIGNAL_CONVERSATION_UPDATED] =
    g_signal_new ("conversation-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                  HOLBOO_TYPE_STORED_CONVERSATION | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * HolbooAccount::chat-state-changed:
   * @peer: the peer's bare JID
   * @state: a #HolbooXmppChatState: what the peer does now (composing:
   *   "is typing…"); a composing without news for
   *   #HolbooAccount:chat-state-timeout turns paused
   *
   * Not stored: for the typing indicator only.
   */
  signals[ACCOUNT_SIGNAL_CHAT_STATE_CHANGED] =
    g_signal_new ("chat-state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  /**
   * HolbooAccount::synced:
   * @n_new: messages the catch-up stored that were not stored before
   *
   * The archive catch-up after connecting is done (or gave up).
   */
  signals[ACCOUNT_SIGNAL_SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * HolbooAccount::store-error:
   * @error: what failed (a %HOLBOO_STORE_ERROR)
   *
   * Writing to the account's database failed (disk full, I/O error).
   */
  signals[ACCOUNT_SIGNAL_STORE_ERROR] =
    g_signal_new ("store-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * HolbooAccount::invitation-received:
   * @room: the room's bare JID
   * @from: who invites (bare JID)
   * @reason: (nullable): their line
   * @password: (nullable): the room's password
   *
   * Someone invites the user to a group chat (XEP-0249, or through the
   * room): holboo_account_join_room_async() accepts.
   */
  signals[ACCOUNT_SIGNAL_INVITATION_RECEIVED] =
    g_signal_new ("invitation-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  _holboo_account_upload_class_init (object_class);
  _holboo_account_calls_class_init (object_class);
  _holboo_account_teamlog_class_init (object_class);
}

static void
holboo_account_init (HolbooAccount *self)
{
  self->cancellable = g_cancellable_new ();
  self->live_order = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  _holboo_account_outbox_init (self);
  _holboo_account_mam_init (self);
  _holboo_account_sync_init (self);
  _holboo_account_contacts_init (self);
  _holboo_account_chat_states_init (self);
  _holboo_account_actions_init (self);
  _holboo_account_rooms_init (self);
  _holboo_account_upload_init (self);
  _holboo_account_calls_init (self);
  _holboo_account_teamlog_init (self);
}

static gboolean
check_settings (HolbooAccount  *self,
                GError        **error)
{
  if (self->jid != NULL)
    return TRUE;

  g_set_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
               _("“%s” is not a valid address"), holboo_xmpp_settings_get_jid (self->settings));
  return FALSE;
}

static gboolean
holboo_account_initable_init (GInitable     *initable,
                              GCancellable  *cancellable,
                              GError       **error)
{
  HolbooAccount *self = HOLBOO_ACCOUNT (initable);
  g_autoptr(HolbooStore) store = NULL;

  if (self->worker != NULL)
    return TRUE;
  if (!check_settings (self, error))
    return FALSE;

  store = holboo_store_new (self->store_path, cancellable, error);
  if (store == NULL)
    return FALSE;
  self->worker = holboo_worker_new (store);
  _holboo_account_contacts_store_ready (self);
  _holboo_account_calls_store_ready (self);
  _holboo_account_teamlog_store_ready (self);
  return TRUE;
}

static void
holboo_account_initable_iface_init (GInitableIface *iface)
{
  iface->init = holboo_account_initable_init;
}

static void
on_store_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccount *self = g_task_get_source_object (task);
  g_autoptr(HolbooStore) store = NULL;
  GError *error = NULL;

  store = holboo_store_new_finish (result, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->worker = holboo_worker_new (store);
  _holboo_account_contacts_store_ready (self);
  _holboo_account_calls_store_ready (self);
  _holboo_account_teamlog_store_ready (self);
  g_task_return_boolean (task, TRUE);
}

static void
holboo_account_init_async (GAsyncInitable      *initable,
                           int                  io_priority,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  HolbooAccount *self = HOLBOO_ACCOUNT (initable);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, holboo_account_init_async);
  if (!check_settings (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  holboo_store_new_async (self->store_path, cancellable, on_store_opened, g_steal_pointer (&task));
}

static gboolean
holboo_account_init_finish (GAsyncInitable  *initable,
                            GAsyncResult    *result,
                            GError         **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
holboo_account_async_initable_iface_init (GAsyncInitableIface *iface)
{
  iface->init_async = holboo_account_init_async;
  iface->init_finish = holboo_account_init_finish;
}

/**
 * holboo_account_new:
 * @settings: the account's connection settings (its JID among them)
 * @store_path: its SQLite file, created if missing
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Opens the account's store on the calling thread: for the command-line
 * tool and tests.  The app uses holboo_account_new_async().
 *
 * Returns: (transfer full) (nullable): an offline account, or %NULL with
 *   a %HOLBOO_STORE_ERROR or %HOLBOO_ACCOUNT_ERROR
 */
HolbooAccount *
holboo_account_new (HolbooXmppSettings  *settings,
                    const char          *store_path,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_return_val_if_fail (HOLBOO_IS_XMPP_SETTINGS (settings), NULL);
  g_return_val_if_fail (store_path != NULL, NULL);

  return g_initable_new (HOLBOO_TYPE_ACCOUNT, cancellable, error,
                         "settings", settings, "store-path", store_path, NULL);
}

/**
 * holboo_account_new_async:
 *
 * Like holboo_account_new(), with the store opened (and migrated) on a
 * worker thread.
 */
void
holboo_account_new_async (HolbooXmppSettings  *settings,
                          const char          *store_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_XMPP_SETTINGS (settings));
  g_return_if_fail (store_path != NULL);

  g_async_initable_new_async (HOLBOO_TYPE_ACCOUNT, G_PRIORITY_DEFAULT, cancellable, callback, user_data,
                              "settings", settings, "store-path", store_path, NULL);
}

HolbooAccount *
holboo_account_new_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);
  GObject *object = g_async_initable_new_finish (G_ASYNC_INITABLE (source), result, error);

  return object != NULL ? HOLBOO_ACCOUNT (object) : NULL;
}

/**
 * holboo_account_get_jid:
 *
 * Returns: the account's bare JID
 */
const char *
holboo_account_get_jid (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return self->jid != NULL ? holboo_jid_get_bare_string (self->jid) : NULL;
}

const char *
holboo_account_get_store_path (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return self->store_path;
}

/**
 * holboo_account_get_connection:
 *
 * Returns: (transfer none): the account's connection: its state, last
 *   error and retry countdown are what the UI shows
 */
HolbooXmppConnection *
holboo_account_get_connection (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return self->connection;
}

gboolean
holboo_account_get_syncing (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  return self->syncing;
}

guint
holboo_account_get_mam_page_size (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), 0);
  return self->mam_page_size;
}

void
holboo_account_set_mam_page_size (HolbooAccount *self,
                                  guint          page_size)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (page_size > 0);

  if (self->mam_page_size == page_size)
    return;
  self->mam_page_size = page_size;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAM_PAGE_SIZE]);
}

guint
holboo_account_get_catch_up_max_pages (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), 0);
  return self->catch_up_max_pages;
}

void
holboo_account_set_catch_up_max_pages (HolbooAccount *self,
                                       guint          max_pages)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  if (self->catch_up_max_pages == max_pages)
    return;
  self->catch_up_max_pages = max_pages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATCH_UP_MAX_PAGES]);
}

guint
holboo_account_get_chat_state_timeout (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), 0);
  return self->chat_state_timeout;
}

void
holboo_account_set_chat_state_timeout (HolbooAccount *self,
                                       guint          timeout_ms)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (timeout_ms > 0);

  if (self->chat_state_timeout == timeout_ms)
    return;
  self->chat_state_timeout = timeout_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHAT_STATE_TIMEOUT]);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (holboo_xmpp_connection_connect_finish (HOLBOO_XMPP_CONNECTION (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * holboo_account_connect_async:
 *
 * Connects and stays connected (see holboo_xmpp_connection_connect_async()):
 * completes when the first session is up or the first attempt failed;
 * retries go on in the background.  Each fresh session catches up on
 * the archive and sends the outbox.
 */
void
holboo_account_connect_async (HolbooAccount       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_connect_async);
  holboo_xmpp_connection_connect_async (self->connection, cancellable, on_connected, task);
}

gboolean
holboo_account_connect_finish (HolbooAccount  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * holboo_account_disconnect:
 *
 * Ends the session and stops reconnecting.  The outbox keeps what was
 * not acknowledged, for the next connection.
 */
void
holboo_account_disconnect (HolbooAccount *self)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  holboo_xmpp_connection_disconnect (self->connection);
}
