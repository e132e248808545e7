/* holboo-account-contacts.c: an account's roster and blocklist, kept in
 * its store so that contacts are known offline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At start the store's roster, its version and the blocklist are read
 * on the worker; the contacts model is filled from them.  Each fresh
 * session then asks the server for what changed since that version
 * (RFC 6121 §2.6) and for the blocklist (XEP-0191), and both are kept
 * current by the server's pushes.  The model changes at once on the
 * main thread; the store follows on the worker, in order, the roster
 * version always in the transaction of the items it describes.
 *
 * Pushes are believed only from the account's own server (no 'from',
 * or the account's bare JID): a forged one is dropped unanswered, a
 * malformed one answered with bad-request.  What the user asks for
 * (add, rename, remove, block, unblock) is in
 * holboo-account-contact-commands.c.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-contacts-private.h"
#include "holboo-xmpp-blocking.h"
#include "holboo-xmpp-error.h"


/* The store's side. */

typedef enum {
  JOB_LOAD,
  JOB_ROSTER_REPLACE,
  JOB_ROSTER_PUT,
  JOB_ROSTER_REMOVE,
  JOB_BLOCK_REPLACE,
  JOB_BLOCK_ADD,
  JOB_BLOCK_REMOVE,
} JobKind;

typedef struct {
  JobKind    kind;
  GPtrArray *items;   /* (element-type HolbooStoredRosterItem) */
  char      *jid;
  char      *ver;
  GStrv      jids;    /* BLOCK_REMOVE: NULL for all */
} Job;

typedef struct {
  GPtrArray *roster;
  char      *ver;
  GPtrArray *blocked;
} Loaded;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job->jid);
  g_free (job->ver);
  g_strfreev (job->jids);
  g_free (job);
}

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->roster, g_ptr_array_unref);
  g_clear_pointer (&loaded->blocked, g_ptr_array_unref);
  g_free (loaded->ver);
  g_free (loaded);
}

static gpointer
run_job (HolbooStore  *store,
         gpointer      data,
         GError      **error)
{
  Job *job = data;

  switch (job->kind)
    {
    case JOB_LOAD:
      {
        Loaded *loaded = g_new0 (Loaded, 1);

        loaded->roster = holboo_store_roster_load (store, &loaded->ver, error);
        if (loaded->roster != NULL)
          loaded->blocked = holboo_store_blocklist_load (store, error);
        if (loaded->blocked == NULL)
          {
            loaded_free (loaded);
            return NULL;
          }
        return loaded;
      }
    case JOB_ROSTER_REPLACE:
      holboo_store_roster_replace (store, (HolbooStoredRosterItem **) job->items->pdata, job->items->len,
                                   job->ver, error);
      break;
    case JOB_ROSTER_PUT:
      holboo_store_roster_put (store, job->items->pdata[0], job->ver, error);
      break;
    case JOB_ROSTER_REMOVE:
      holboo_store_roster_remove (store, job->jid, job->ver, error);
      break;
    case JOB_BLOCK_REPLACE:
      holboo_store_blocklist_replace (store, (const char * const *) job->jids, error);
      break;
    case JOB_BLOCK_ADD:
      holboo_store_blocklist_add (store, (const char * const *) job->jids, error);
      break;
    case JOB_BLOCK_REMOVE:
      holboo_store_blocklist_remove (store, (const char * const *) job->jids, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
fill_model (HolbooAccount *self,
            GPtrArray     *roster)
{
  HolbooAccountContacts *c = self->contacts;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

  /* The store's rows come sorted by JID: one splice. */
  for (guint i = 0; i < roster->len; i++)
    {
      HolbooStoredRosterItem *item = roster->pdata[i];
      HolbooContact *contact;

      if (g_hash_table_contains (c->by_jid, item->jid))
        continue;
      contact = _holboo_contact_new (item->jid);
      _holboo_contact_set_item (contact, item);
      g_hash_table_insert (c->by_jid, (gpointer) holboo_contact_get_jid (contact), contact);
      g_ptr_array_add (contacts, contact);
    }
  g_list_store_splice (c->model, 0, 0, contacts->pdata, contacts->len);
}

static void
on_job_done (gpointer  result,
             GError   *error,
             gpointer  user_data)
{
  HolbooAccount *self = user_data;
  HolbooAccountContacts *c;
  Loaded *loaded = result;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&loaded, loaded_free);
      g_clear_error (&error);
      return;
    }
  c = self->contacts;

  if (error != NULL)
    {
      g_message ("Reading or writing the contacts of %s failed: %s", holboo_account_get_jid (self), error->message);
      g_signal_emit (self, _holboo_account_signals[ACCOUNT_SIGNAL_STORE_ERROR], 0, error);
      g_error_free (error);
    }

  if (loaded != NULL)
    {
      fill_model (self, loaded->roster);
      for (guint i = 0; i < loaded->blocked->len; i++)
        g_hash_table_add (c->blocked, g_strdup (loaded->blocked->pdata[i]));
      g_free (c->roster_ver);
      c->roster_ver = g_steal_pointer (&loaded->ver);
      if (loaded->blocked->len > 0)
        _holboo_account_emit_blocklist_changed (self);
      loaded_free (loaded);
    }
}

static void
push_job (HolbooAccount *self,
          Job           *job)
{
  if (self->worker == NULL || self->closed)
    {
      job_free (job);
      return;
    }
  holboo_worker_push (self->worker, run_job, job, (GDestroyNotify) job_free, on_job_done, self,
                      job->kind == JOB_LOAD ? (GDestroyNotify) loaded_free : NULL);
}

/* The load job is the first the worker runs for contacts, so every
 * later job (and the fetch that waits for it) comes after it. */
static void
on_loaded_then_fetch (gpointer  result,
                      GError   *error,
                      gpointer  user_data)
{
  HolbooAccount *self = user_data;
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  on_job_done (result, error, user_data);
  if (cancelled)
    return;
  self->contacts->loaded = TRUE;
  if (self->contacts->fetch_waiting)
    {
      self->contacts->fetch_waiting = FALSE;
      _holboo_account_contacts_fetch (self);
    }
}

void
_holboo_account_contacts_store_ready (HolbooAccount *self)
{
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_LOAD;
  holboo_worker_push (self->worker, run_job, job, (GDestroyNotify) job_free, on_loaded_then_fetch, self,
                      (GDestroyNotify) loaded_free);
}

/* The roster. */

static HolbooStoredRosterItem *
stored_from_item (HolbooXmppRosterItem *item)
{
  HolbooStoredRosterItem *stored = holboo_stored_roster_item_new (item->jid);

  stored->name = g_strdup (item->name);
  stored->subscription = item->subscription;
  stored->ask = item->ask;
  stored->approved = item->approved;
  g_strfreev (stored->groups);
  stored->groups = g_strdupv (item->groups);
  return stored;
}

static gboolean
find_position (HolbooAccount *self,
               HolbooContact *contact,
               guint         *position)
{
  return g_list_store_find (self->contacts->model, contact, position);
}

static void
remove_contact (HolbooAccount *self,
                const char    *jid)
{
  HolbooAccountContacts *c = self->contacts;
  HolbooContact *contact = g_hash_table_lookup (c->by_jid, jid);
  guint position;

  if (contact == NULL)
    return;
  g_hash_table_remove (c->by_jid, jid);
  if (find_position (self, contact, &position))
    g_list_store_remove (c->model, position);
}

static void
put_contact (HolbooAccount                *self,
             const HolbooStoredRosterItem *item)
{
  HolbooAccountContacts *c = self->contacts;
  HolbooContact *contact = g_hash_table_lookup (c->by_jid, item->jid);
  g_autoptr(HolbooContact) added = NULL;

  if (contact != NULL)
    {
      guint position;

      /* Its name or subscription changed: put it back in its place, so
       * that sorting and filtering models above see the change. */
      if (_holboo_contact_set_item (contact, item) && find_position (self, contact, &position))
        {
          /* The splice drops the model's reference before taking it again. */
          g_autoptr(HolbooContact) hold = g_object_ref (contact);

          g_list_store_splice (c->model, position, 1, (gpointer *) &hold, 1);
        }
      return;
    }

  added = _holboo_contact_new (item->jid);
  _holboo_contact_set_item (added, item);
  g_hash_table_insert (c->by_jid, (gpointer) holboo_contact_get_jid (added), added);
  g_list_store_insert_sorted (c->model, added, _holboo_contact_compare, NULL);
}

static void
apply_roster (HolbooAccount *self,
              GPtrArray     *items,
              const char    *ver)
{
  HolbooAccountContacts *c = self->contacts;
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  Job *job = g_new0 (Job, 1);

  job->kind = JOB_ROSTER_REPLACE;
  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_roster_item_free);
  job->ver = g_strdup (ver);
  for (guint i = 0; i < items->len; i++)
    {
      HolbooStoredRosterItem *stored = stored_from_item (items->pdata[i]);

      g_ptr_array_add (job->items, stored);
      g_hash_table_add (keep, stored->jid);
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (c->model)); i > 0; i--)
    {
      g_autoptr(HolbooContact) contact = g_list_model_get_item (G_LIST_MODEL (c->model), i - 1);

      if (!g_hash_table_contains (keep, holboo_contact_get_jid (contact)))
        remove_contact (self, holboo_contact_get_jid (contact));
    }
  for (guint i = 0; i < job->items->len; i++)
    put_contact (self, job->items->pdata[i]);

  g_free (c->roster_ver);
  c->roster_ver = g_strdup (ver);
  push_job (self, job);
}

static void
on_roster_fetched (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HolbooAccount *self = user_data;   /* alive unless cancelled */
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *ver = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL || !holboo_xmpp_roster_parse_result (answer, &ver, &items, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not fetch the roster of %s: %s", holboo_account_get_jid (self), error->message);
      return;
    }
  if (self->closed)
    return;

  if (items == NULL)
    {
      g_debug ("The roster of %s is up to date (version %s)", holboo_account_get_jid (self),
               self->contacts->roster_ver);
      return;
    }
  apply_roster (self, items, ver);
}

static void
on_blocklist_fetched (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  HolbooAccount *self = user_data;   /* alive unless cancelled */
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GPtrArray) jids = NULL;
  g_autoptr(GError) error = NULL;
  HolbooAccountContacts *c;
  Job *job;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer != NULL)
    jids = holboo_xmpp_blocking_parse_list (answer, &error);
  if (jids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not fetch the blocklist of %s: %s", holboo_account_get_jid (self), error->message);
      return;
    }
  if (self->closed)
    return;

  c = self->contacts;
  g_hash_table_remove_all (c->blocked);
  for (guint i = 0; i < jids->len; i++)
    g_hash_table_add (c->blocked, g_strdup (jids->pdata[i]));

  job = g_new0 (Job, 1);
  job->kind = JOB_BLOCK_REPLACE;
  g_ptr_array_add (jids, NULL);
  job->jids = g_strdupv ((char **) jids->pdata);
  push_job (self, job);
  _holboo_account_emit_blocklist_changed (self);
}

void
_holboo_account_contacts_fetch (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;
  HolbooXmlNode *features = holboo_xmpp_connection_get_stream_features (self->connection);
  g_autoptr(HolbooXmlNode) roster_get = NULL;
  g_autoptr(HolbooXmlNode) blocklist_get = NULL;

  if (!c->loaded)
    {
      c->fetch_waiting = TRUE;
      return;
    }
  if (!_holboo_account_is_connected (self))
    return;

  roster_get = holboo_xmpp_roster_build_get (holboo_xmpp_roster_supports_versioning (features)
                                             ? (c->roster_ver != NULL ? c->roster_ver : "") : NULL);
  holboo_xmpp_connection_send_iq_async (self->connection, roster_get, self->cancellable,
                                        on_roster_fetched, self);
  blocklist_get = holboo_xmpp_blocking_build_get ();
  holboo_xmpp_connection_send_iq_async (self->connection, blocklist_get, self->cancellable,
                                        on_blocklist_fetched, self);
}

/* Answers @request with @code, or not at all for a forgery. */
static void
refuse_push (HolbooAccount *self,
             HolbooXmlNode *request,
             GError        *error,
             const char    *what)
{
  g_autoptr(HolbooXmlNode) reply = NULL;

  if (g_error_matches (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN))
    {
      g_message ("Dropping a forged %s push: %s", what, error->message);
      return;
    }
  g_message ("Refusing a malformed %s push: %s", what, error->message);
  reply = holboo_xmpp_stanza_error_reply (request, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST);
  holboo_xmpp_connection_send (self->connection, reply, NULL);
}

static void
answer_push (HolbooAccount *self,
             HolbooXmlNode *request)
{
  g_autoptr(HolbooXmlNode) result = holboo_xmpp_iq_build_result (request);

  holboo_xmpp_connection_send (self->connection, result, NULL);
}

static gboolean
on_roster_push (HolbooXmppConnection *connection,
                HolbooXmlNode        *iq,
                gpointer              user_data)
{
  HolbooAccount *self = user_data;
  g_autoptr(HolbooXmppRosterItem) item = NULL;
  g_autofree char *ver = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "set") != 0)
    return FALSE;

  item = holboo_xmpp_roster_parse_push (iq, self->jid, &ver, &error);
  if (item == NULL)
    {
      refuse_push (self, iq, error, "roster");
      return TRUE;
    }

  job = g_new0 (Job, 1);
  job->ver = g_strdup (ver != NULL ? ver : self->contacts->roster_ver);
  g_free (self->contacts->roster_ver);
  self->contacts->roster_ver = g_strdup (job->ver);
  if (item->subscription == HOLBOO_XMPP_SUBSCRIPTION_REMOVE)
    {
      job->kind = JOB_ROSTER_REMOVE;
      job->jid = g_strdup (item->jid);
      remove_contact (self, item->jid);
    }
  else
    {
      job->kind = JOB_ROSTER_PUT;
      job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_roster_item_free);
      g_ptr_array_add (job->items, stored_from_item (item));
      put_contact (self, job->items->pdata[0]);
    }
  push_job (self, job);
  answer_push (self, iq);
  return TRUE;
}

static gboolean
on_blocking_push (HolbooXmppConnection *connection,
                  HolbooXmlNode        *iq,
                  gpointer              user_data)
{
  HolbooAccount *self = user_data;
  HolbooAccountContacts *c = self->contacts;
  g_autoptr(GPtrArray) jids = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmppBlockingPush kind;
  Job *job;

  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "set") != 0)
    return FALSE;

  jids = holboo_xmpp_blocking_parse_push (iq, self->jid, &kind, &error);
  if (jids == NULL)
    {
      refuse_push (self, iq, error, "blocking");
      return TRUE;
    }

  job = g_new0 (Job, 1);
  switch (kind)
    {
    case HOLBOO_XMPP_BLOCKING_PUSH_BLOCK:
      job->kind = JOB_BLOCK_ADD;
      for (guint i = 0; i < jids->len; i++)
        g_hash_table_add (c->blocked, g_strdup (jids->pdata[i]));
      break;
    case HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK:
      job->kind = JOB_BLOCK_REMOVE;
      for (guint i = 0; i < jids->len; i++)
        g_hash_table_remove (c->blocked, jids->pdata[i]);
      break;
    case HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK_ALL:
    default:
      job->kind = JOB_BLOCK_REMOVE;
      g_hash_table_remove_all (c->blocked);
      break;
    }
  if (kind != HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK_ALL)
    {
      g_ptr_array_add (jids, NULL);
      job->jids = g_strdupv ((char **) jids->pdata);
    }
  push_job (self, job);
  answer_push (self, iq);
  _holboo_account_emit_blocklist_changed (self);
  return TRUE;
}

gboolean
_holboo_account_receive_contact_stanza (HolbooAccount *self,
                                        HolbooXmlNode *stanza)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (stanza != NULL, FALSE);

  if (holboo_xml_node_get_child (stanza, "query", HOLBOO_XMLNS_ROSTER) != NULL)
    return on_roster_push (self->connection, stanza, self);
  for (HolbooXmlNode *child = holboo_xml_node_get_first_child (stanza); child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    if (g_strcmp0 (holboo_xml_node_get_ns (child), HOLBOO_XMLNS_BLOCKING) == 0)
      return on_blocking_push (self->connection, stanza, self);
  return _holboo_account_presence_handle (self, stanza);
}

/* Life cycle. */

void
_holboo_account_contacts_init (HolbooAccount *self)
{
  HolbooAccountContacts *c = g_new0 (HolbooAccountContacts, 1);

  c->model = g_list_store_new (HOLBOO_TYPE_CONTACT);
  c->by_jid = g_hash_table_new (g_str_hash, g_str_equal);
  c->blocked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->contacts = c;
  _holboo_account_presence_init (self);
}

void
_holboo_account_contacts_connect (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;

  c->roster_handler = holboo_xmpp_connection_add_handler (self->connection, "iq", HOLBOO_XMLNS_ROSTER,
                                                          on_roster_push, self, NULL);
  c->blocking_handler = holboo_xmpp_connection_add_handler (self->connection, "iq", HOLBOO_XMLNS_BLOCKING,
                                                            on_blocking_push, self, NULL);
  _holboo_account_presence_connect (self);
}

void
_holboo_account_contacts_session_started (HolbooAccount *self)
{
  _holboo_account_presence_clear (self);
  _holboo_account_contacts_fetch (self);
  _holboo_account_presence_session_started (self);
}

void
_holboo_account_contacts_dispose (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;

  if (c == NULL || self->connection == NULL)
    return;
  if (c->roster_handler != 0)
    holboo_xmpp_connection_remove_handler (self->connection, c->roster_handler);
  if (c->blocking_handler != 0)
    holboo_xmpp_connection_remove_handler (self->connection, c->blocking_handler);
  c->roster_handler = c->blocking_handler = 0;
  _holboo_account_presence_dispose (self);
}

void
_holboo_account_contacts_finalize (HolbooAccount *self)
{
  HolbooAccountContacts *c = self->contacts;

  if (c == NULL)
    return;
  _holboo_account_presence_finalize (self);
  g_hash_table_unref (c->by_jid);
  g_object_unref (c->model);
  g_hash_table_unref (c->blocked);
  g_free (c->roster_ver);
  g_clear_pointer (&self->contacts, g_free);
}

HolbooContact *
_holboo_account_contacts_get (HolbooAccount *self,
                              const char    *bare_jid)
{
  return g_hash_table_lookup (self->contacts->by_jid, bare_jid);
}

gboolean
_holboo_account_is_blocked_jid (HolbooAccount *self,
                                HolbooJid     *jid)
{
  return jid != NULL && holboo_xmpp_blocking_matches (self->contacts->blocked, jid);
}

/* The public API. */

/**
 * holboo_account_get_contacts:
 *
 * The roster as the store and the server know it, kept current.
 *
 * Returns: (transfer none): a #GListModel of #HolbooContact, sorted by JID
 */
GListModel *
holboo_account_get_contacts (HolbooAccount *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);
  return G_LIST_MODEL (self->contacts->model);
}

/**
 * holboo_account_lookup_contact:
 * @jid: an address
 *
 * Returns: (transfer none) (nullable): the contact of @jid's bare JID
 */
HolbooContact *
holboo_account_lookup_contact (HolbooAccount *self,
                               const char    *jid)
{
  g_autoptr(HolbooJid) parsed = NULL;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);

  parsed = jid != NULL ? holboo_jid_parse (jid, -1, NULL) : NULL;
  return parsed != NULL ? _holboo_account_contacts_get (self, holboo_jid_get_bare_string (parsed)) : NULL;
}

/**
 * holboo_account_is_blocked:
 * @jid: an address
 *
 * Returns: whether the blocklist blocks @jid (XEP-0191 matching: its
 *   full JID, bare JID, domain/resource or domain is listed)
 */
gboolean
holboo_account_is_blocked (HolbooAccount *self,
                           const char    *jid)
{
  g_autoptr(HolbooJid) parsed = NULL;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), FALSE);

  parsed = jid != NULL ? holboo_jid_parse (jid, -1, NULL) : NULL;
  return _holboo_account_is_blocked_jid (self, parsed);
}

/**
 * holboo_account_dup_blocklist:
 *
 * Returns: (transfer full): the blocked JIDs, sorted
 */
GStrv
holboo_account_dup_blocklist (HolbooAccount *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (self), NULL);

  keys = g_list_sort (g_hash_table_get_keys (self->contacts->blocked), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
}
