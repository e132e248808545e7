/* holboo-account-presence.c: the account's own presence, its contacts'
 * presence, service discovery and entity capabilities, and the STUN/TURN
 * services its server announces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Our presence carries our XEP-0115 caps: the ver of what we answer to
 * disco#info.  Contacts' presence is tracked per resource on their
 * #HolbooContact; presence from addresses outside the roster, from
 * blocked addresses, or that does not parse, is dropped.  When a
 * contact's resource announces a ver we do not know, we ask it for
 * node#ver once, and keep the answer only if it hashes to that ver
 * (holboo_xmpp_caps_cache_add()).  A subscription request becomes
 * ::subscription-request for the UI to answer.
 *
 * After each fresh session the server is asked for its STUN and TURN
 * services (XEP-0215): calls take them, with their short-lived TURN
 * credentials, from holboo_account_get_external_services().
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-contacts-private.h"
#include "holboo-xmpp-blocking.h"
#include "holboo-xmpp-carbons.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-receipts.h"

#include <string.h>

enum {
  SIGNAL_SUBSCRIPTION_REQUEST,
  SIGNAL_EXTERNAL_SERVICES_CHANGED,
  SIGNAL_BLOCKLIST_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_PRESENCE_SHOW,
  PROP_PRESENCE_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint first_prop;

static void
update_caps_ver (HolbooAccountContacts *c)
{
  g_autoptr(GError) error = NULL;

  g_free (c->caps_ver);
  c->caps_ver = holboo_xmpp_caps_compute_ver (c->own_info, &error);
  g_assert_no_error (error);
}

void
_holboo_account_presence_init (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;

  c->show = HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE;
  c->caps_cache = holboo_xmpp_caps_cache_new ();
  c->caps_pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* What this client does, as disco#info says it (XEP-0030 §3.1). */
  c->own_info = holboo_xmpp_disco_info_new (NULL);
  holboo_xmpp_disco_info_add_identity (c->own_info, "client", "pc", NULL, "Holboo");
  holboo_xmpp_disco_info_add_feature (c->own_info, HOLBOO_XMLNS_DISCO_INFO);
  holboo_xmpp_disco_info_add_feature (c->own_info, HOLBOO_XMLNS_CAPS);
  holboo_xmpp_disco_info_add_feature (c->own_info, HOLBOO_XMLNS_PING);
  holboo_xmpp_disco_info_add_feature (c->own_info, HOLBOO_XMLNS_RECEIPTS);
  update_caps_ver (c);
}

static gboolean
is_connected (HolbooAccount *self)
{
  return _holboo_account_is_connected (self);
}

void
_holboo_account_presence_clear (HolbooAccount *self)
{
  GListModel *model = G_LIST_MODEL (self->contacts->model);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HolbooContact) contact = g_list_model_get_item (model, i);

      _holboo_contact_clear_presence (contact);
    }
}

/* Entity capabilities of others. */

/* Not a reference on the account: the query is cancelled when it goes. */
typedef struct {
  HolbooAccount *self;
  char          *ver;
  char          *hash;
} CapsQuery;

static void
caps_query_free (CapsQuery *query)
{
  g_free (query->ver);
  g_free (query->hash);
  g_free (query);
}

static void
on_caps_info (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CapsQuery *query = user_data;
  HolbooAccountContacts *c;
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(HolbooXmppDiscoInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      caps_query_free (query);
      return;
    }
  c = query->self->contacts;
  if (answer != NULL)
    info = holboo_xmpp_disco_parse_info (answer, &error);
  if (info != NULL)
    holboo_xmpp_caps_cache_add (c->caps_cache, query->hash, query->ver, info, &error);
  if (error != NULL)
    g_message ("Not caching entity capabilities %s: %s", query->ver, error->message);

  g_hash_table_remove (c->caps_pending, query->ver);
  caps_query_free (query);
}

static void
learn_caps (HolbooAccount      *self,
            HolbooXmppPresence *presence)
{
  HolbooAccountContacts *c = self->contacts;
  g_autoptr(HolbooXmlNode) query = NULL;
  g_autofree char *node = NULL;
  CapsQuery *data;

  if (presence->caps_ver == NULL || g_strcmp0 (presence->caps_hash, "sha-1") != 0 ||
      holboo_xmpp_caps_cache_lookup (c->caps_cache, presence->caps_ver) != NULL ||
      g_hash_table_contains (c->caps_pending, presence->caps_ver) || !is_connected (self))
    return;

  g_hash_table_insert (c->caps_pending, g_strdup (presence->caps_ver),
                       g_strdup (holboo_jid_to_string (presence->from)));
  node = g_strdup_printf ("%s#%s", presence->caps_node, presence->caps_ver);
  query = holboo_xmpp_disco_build_info_query (holboo_jid_to_string (presence->from), node);
  data = g_new0 (CapsQuery, 1);
  data->self = self;
  data->ver = g_strdup (presence->caps_ver);
  data->hash = g_strdup (presence->caps_hash);
  holboo_xmpp_connection_send_iq_async (self->connection, query, self->cancellable, on_caps_info, data);
}

/* Stanza handlers. */

static gboolean
on_presence (HolbooXmppConnection *connection,
             HolbooXmlNode        *stanza,
             gpointer              user_data)
{
  HolbooAccount *self = user_data;
  g_autoptr(HolbooXmppPresence) presence = NULL;
  g_autoptr(GError) error = NULL;
  const char *bare;
  HolbooContact *contact;

  presence = holboo_xmpp_presence_parse (stanza, self->jid, &error);
  if (presence == NULL)
    {
      g_message ("Dropping a presence: %s", error->message);
      return TRUE;
    }
  if (_holboo_account_is_blocked_jid (self, presence->from))
    {
      g_message ("Dropping a presence from blocked %s", holboo_jid_to_string (presence->from));
      return TRUE;
    }

  bare = holboo_jid_get_bare_string (presence->from);
  if (holboo_jid_equal_bare (presence->from, self->jid))
    return TRUE;   /* our own devices: not a contact */

  switch (presence->type)
    {
    case HOLBOO_XMPP_PRESENCE_AVAILABLE:
    case HOLBOO_XMPP_PRESENCE_UNAVAILABLE:
      contact = _holboo_account_contacts_get (self, bare);
      if (contact == NULL)
        {
          g_debug ("Ignoring the presence of %s, who is not a contact", holboo_jid_to_string (presence->from));
          return TRUE;
        }
      _holboo_contact_set_presence (contact, holboo_jid_get_resourcepart (presence->from), presence->show,
                                    presence->status, presence->priority, presence->caps_ver);
      if (presence->type == HOLBOO_XMPP_PRESENCE_AVAILABLE)
        learn_caps (self, presence);
      break;
    case HOLBOO_XMPP_PRESENCE_SUBSCRIBE:
      g_signal_emit (self, signals[SIGNAL_SUBSCRIPTION_REQUEST], 0, bare);
      break;
    case HOLBOO_XMPP_PRESENCE_SUBSCRIBED:
    case HOLBOO_XMPP_PRESENCE_UNSUBSCRIBE:
    case HOLBOO_XMPP_PRESENCE_UNSUBSCRIBED:
      /* The roster push that comes with it says what changed. */
      break;
    case HOLBOO_XMPP_PRESENCE_PROBE:
    case HOLBOO_XMPP_PRESENCE_ERROR:
    default:
      g_debug ("Ignoring a presence of type %d from %s", presence->type, holboo_jid_to_string (presence->from));
      break;
    }
  return TRUE;
}

static gboolean
on_disco_info (HolbooXmppConnection *connection,
               HolbooXmlNode        *iq,
               gpointer              user_data)
{
  HolbooAccount *self = user_data;
  HolbooAccountContacts *c = self->contacts;
  const char *node = holboo_xmpp_disco_get_query_node (iq);
  g_autofree char *our_node = g_strdup_printf ("%s#%s", HOLBOO_XMPP_CAPS_NODE, c->caps_ver);
  g_autoptr(HolbooXmlNode) answer = NULL;

  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "get") != 0)
    return FALSE;

  if (node == NULL || strcmp (node, our_node) == 0)
    answer = holboo_xmpp_disco_build_info_result (iq, c->own_info);
  else
    answer = holboo_xmpp_stanza_error_reply (iq, HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND);
  holboo_xmpp_connection_send (connection, answer, NULL);
  return TRUE;
}

static void
on_state_changed (HolbooAccount *self)
{
  HolbooXmppConnectionState state = holboo_xmpp_connection_get_state (self->connection);

  /* Without a session (and not about to resume it), nobody's presence
   * is known any more. */
  if (state != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED && state != HOLBOO_XMPP_CONNECTION_STATE_RESUMING)
    _holboo_account_presence_clear (self);
}

gboolean
_holboo_account_presence_handle (HolbooAccount *self,
                                 HolbooXmlNode *stanza)
{
  if (holboo_xml_node_is (stanza, "presence", HOLBOO_XMLNS_CLIENT))
    return on_presence (self->connection, stanza, self);
  if (holboo_xml_node_get_child (stanza, "query", HOLBOO_XMLNS_DISCO_INFO) != NULL)
    return on_disco_info (self->connection, stanza, self);
  return FALSE;
}

void
_holboo_account_presence_connect (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;

  c->presence_handler = holboo_xmpp_connection_add_handler (self->connection, "presence", NULL,
                                                            on_presence, self, NULL);
  c->disco_handler = holboo_xmpp_connection_add_handler (self->connection, "iq", HOLBOO_XMLNS_DISCO_INFO,
                                                         on_disco_info, self, NULL);
  g_signal_connect_object (self->connection, "notify::state", G_CALLBACK (on_state_changed), self,
                           G_CONNECT_SWAPPED);
}

void
_holboo_account_presence_dispose (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;

  if (c->presence_handler != 0)
    holboo_xmpp_connection_remove_handler (self->connection, c->presence_handler);
  if (c->disco_handler != 0)
    holboo_xmpp_connection_remove_handler (self->connection, c->disco_handler);
  c->presence_handler = c->disco_handler = 0;
}

void
_holboo_account_presence_finalize (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;

  g_free (c->status);
  g_free (c->caps_ver);
  g_clear_pointer (&c->own_info, holboo_xmpp_disco_info_unref);
  g_clear_pointer (&c->caps_cache, holboo_xmpp_caps_cache_free);
  g_clear_pointer (&c->caps_pending, g_hash_table_unref);
  g_clear_pointer (&c->external_services, g_ptr_array_unref);
}

/* External services. */

/* The services in @answer, which become the account's; NULL with @error
 * (@self untouched) when there are none. */
static GPtrArray *
take_services (HolbooAccount  *self,
               HolbooXmlNode  *answer,
               GError        **error)
{
  GPtrArray *services = holboo_xmpp_external_services_parse (answer, error);

  if (services == NULL)
    return NULL;
  g_clear_pointer (&self->contacts->external_services, g_ptr_array_unref);
  self->contacts->external_services = g_ptr_array_ref (services);
  g_signal_emit (self, signals[SIGNAL_EXTERNAL_SERVICES_CHANGED], 0);
  return services;
}

static void
on_services (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  HolbooAccount *self = user_data;   /* alive unless cancelled */
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->closed)
    return;
  if (answer != NULL)
    services = take_services (self, answer, &error);
  if (services == NULL)
    g_message ("No STUN/TURN services for %s: %s", holboo_account_get_jid (self), error->message);
}

static void
on_services_fetched (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccount *self = g_task_get_source_object (task);
  g_autoptr(HolbooXmlNode) answer = NULL;
  GPtrArray *services = NULL;
  GError *error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer != NULL)
    services = take_services (self, answer, &error);
  if (services == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, services, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * holboo_account_fetch_external_services_async:
 *
 * Asks the server for its STUN and TURN services again: for fresh TURN
 * credentials when those of holboo_account_get_external_services() have
 * expired (see #HolbooXmppExternalService:expires).  On success the
 * account keeps the new list and emits ::external-services-changed.
 */
void
holboo_account_fetch_external_services_async (HolbooAccount       *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(HolbooXmlNode) query = NULL;
  GTask *task;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_fetch_external_services_async);
  query = holboo_xmpp_external_services_build_query (holboo_jid_get_domainpart (self->jid));
  holboo_xmpp_connection_send_iq_async (self->connection, query, cancellable, on_services_fetched, task);
}

/**
 * holboo_account_fetch_external_services_finish:
 *
 * Returns: (transfer full) (element-type HolbooXmppExternalService) (nullable):
 *   the services, or %NULL with a %HOLBOO_XMPP_ERROR (not connected, no
 *   answer) or %HOLBOO_XMPP_STANZA_ERROR (the server has none to offer)
 */
GPtrArray *
holboo_account_fetch_external_services_finish (HolbooAccount  *self,
                                               GAsyncResult   *result,
                                               GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == holboo_account_fetch_external_services_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_holboo_account_presence_session_started (HolbooAccount *self)
{
  g_autoptr(HolbooXmlNode) query =
    holboo_xmpp_external_services_build_query (holboo_jid_get_domainpart (self->jid));

  holboo_xmpp_connection_send_iq_async (self->connection, query, self->cancellable, on_services, self);
}

/* Our own presence. */

/**
 * _holboo_account_build_presence:
 *
 * Returns: (transfer full) (nullable): our presence as the user set it,
 *   or %NULL when they chose to appear offline
 */
HolbooXmlNode *
_holboo_account_build_presence (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;

  if (c->show == HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE)
    return NULL;
  return holboo_xmpp_presence_build (c->show, c->status, 0, HOLBOO_XMPP_CAPS_NODE, c->caps_ver);
}

static void
resend_presence (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;
  g_autoptr(HolbooXmlNode) presence = NULL;

  if (!is_connected (self))
    return;
  if (c->show == HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE)
    presence = holboo_xmpp_presence_build (c->show, c->status, 0, NULL, NULL);
  else
    presence = _holboo_account_build_presence (self);
  if (holboo_xmpp_connection_send (self->connection, presence, NULL))
    self->presence_sent = c->show != HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE;
}

/**
 * holboo_account_set_presence:
 * @show: available, away, dnd, xa, chat — or unavailable to appear
 *   offline (contacts see the account offline; messages wait in the
 *   archive)
 * @status: (nullable): a status text ("In a meeting until 15:00")
 *
 * Sets the account's own presence: sent at once when connected, and at
 * the start of every session.
 */
void
holboo_account_set_presence (HolbooAccount          *self,
                             HolbooXmppPresenceShow  show,
                             const char             *status)
{
  HolbooAccountContacts *c;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (show <= HOLBOO_XMPP_PRESENCE_SHOW_CHAT);

  c = self->contacts;
  if (status != NULL && *status == '\0')
    status = NULL;
  if (c->show == show && g_strcmp0 (c->status, status) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (c->show != show)
    {
      c->show = show;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENCE_SHOW]);
    }
  if (g_strcmp0 (c->status, status) != 0)
    {
      g_free (c->status);
      c->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENCE_STATUS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  resend_presence (self);
}

HolbooXmppPresenceShow
holboo_account_get_presence_show (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE);
  return self->contacts->show;
}

/**
 * holboo_account_get_presence_status:
 *
 * Returns: (nullable): the account's own status text
 */
const char *
holboo_account_get_presence_status (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return self->contacts->status;
}

/**
 * holboo_account_get_caps_ver:
 *
 * Returns: the XEP-0115 ver our presence announces
 */
const char *
holboo_account_get_caps_ver (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return self->contacts->caps_ver;
}

/**
 * holboo_account_add_feature:
 * @feature: a disco#info feature var (e.g. "urn:xmpp:jingle:1")
 *
 * Announces one more feature of this client (for the modules that
 * implement one: calls, ...).  The caps ver changes and, when
 * connected, the presence goes out again with it.
 */
void
holboo_account_add_feature (HolbooAccount *self,
                            const char    *feature)
{
  HolbooAccountContacts *c;

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (feature != NULL);

  c = self->contacts;
  if (holboo_xmpp_disco_info_has_feature (c->own_info, feature))
    return;
  holboo_xmpp_disco_info_add_feature (c->own_info, feature);
  update_caps_ver (c);
  if (self->presence_sent)
    resend_presence (self);
}

/**
 * holboo_account_lookup_caps:
 * @full_jid: a contact's resource
 *
 * Returns: (transfer none) (nullable): what that resource does, if its
 *   caps are known and verified
 */
HolbooXmppDiscoInfo *
holboo_account_lookup_caps (HolbooAccount *self,
                            const char    *full_jid)
{
  g_autoptr(HolbooJid) jid = NULL;
  HolbooContact *contact;
  const char *ver;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);

  jid = full_jid != NULL ? holboo_jid_parse (full_jid, -1, NULL) : NULL;
  if (jid == NULL)
    return NULL;
  contact = _holboo_account_contacts_get (self, holboo_jid_get_bare_string (jid));
  ver = contact != NULL ? holboo_contact_get_caps_ver (contact, holboo_jid_get_resourcepart (jid)) : NULL;
  return holboo_xmpp_caps_cache_lookup (self->contacts->caps_cache, ver);
}

/**
 * holboo_account_get_external_services:
 *
 * The STUN and TURN services the server announced at the start of the
 * session (XEP-0215), with their credentials; ::external-services-changed
 * says when they change.
 *
 * Returns: (transfer none) (nullable) (element-type HolbooXmppExternalService):
 *   the services, or %NULL before the server answered; the array is
 *   replaced, not changed, by a new fetch: ref it to keep it
 */
GPtrArray *
holboo_account_get_external_services (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return self->contacts->external_services;
}

/* Class. */

void
_holboo_account_contacts_class_init (GObjectClass *object_class,
                                     guint         first_prop_id)
{
  first_prop = first_prop_id;

  /** HolbooAccount:presence-show: the account's own availability */
  properties[PROP_PRESENCE_SHOW] =
    g_param_spec_enum ("presence-show", NULL, NULL, HOLBOO_TYPE_XMPP_PRESENCE_SHOW,
                       HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooAccount:presence-status: the account's own status text */
  properties[PROP_PRESENCE_STATUS] =
    g_param_spec_string ("presence-status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < N_PROPS; i++)
    g_object_class_install_property (object_class, first_prop + i, properties[i]);

  /**
   * HolbooAccount::subscription-request:
   * @jid: who asks
   *
   * Someone asks to see the account's presence: answer with
   * holboo_account_approve_subscription() or
   * holboo_account_deny_subscription().
   */
  signals[SIGNAL_SUBSCRIPTION_REQUEST] =
    g_signal_new ("subscription-request", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * HolbooAccount::external-services-changed:
   *
   * holboo_account_get_external_services() has a new list.
   */
  signals[SIGNAL_EXTERNAL_SERVICES_CHANGED] =
    g_signal_new ("external-services-changed", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * HolbooAccount::blocklist-changed:
   *
   * holboo_account_dup_blocklist() and holboo_account_is_blocked() have
   * changed: read from the store, fetched, or pushed by the server (a
   * block or unblock on any device of the account).
   */
  signals[SIGNAL_BLOCKLIST_CHANGED] =
    g_signal_new ("blocklist-changed", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

void
_holboo_account_emit_blocklist_changed (HolbooAccount *self)
{
  g_signal_emit (self, signals[SIGNAL_BLOCKLIST_CHANGED], 0);
}

gboolean
_holboo_account_contacts_get_property (HolbooAccount *self,
                                       guint          prop_id,
                                       GValue        *value)
{
  switch (prop_id - first_prop)
    {
    case PROP_PRESENCE_SHOW: g_value_set_enum (value, self->contacts->show); return TRUE;
    case PROP_PRESENCE_STATUS: g_value_set_string (value, self->contacts->status); return TRUE;
    default: return FALSE;
    }
}

gboolean
_holboo_account_contacts_set_property (HolbooAccount *self,
                                       guint          prop_id,
                                       const GValue  *value)
{
  switch (prop_id - first_prop)
    {
    case PROP_PRESENCE_SHOW:
      holboo_account_set_presence (self, g_value_get_enum (value), self->contacts->status);
      return TRUE;
    case PROP_PRESENCE_STATUS:
      holboo_account_set_presence (self, self->contacts->show, g_value_get_string (value));
      return TRUE;
    default:
      return FALSE;
    }
}
