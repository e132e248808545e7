/* holboo-team-directory.c: the account's colleagues and their cards, as
 * a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The team is the account's contacts on its own server (the company's
 * server: customers write from elsewhere), in roster order; the model
 * follows the roster as it changes.  Cards are fetched lazily: nothing
 * is asked of the server until holboo_team_directory_load() (the Team
 * page calls it when it is first shown), then every member's card, a few
 * at a time, and once each per session; a member who joins later is
 * fetched when they appear.  Loading also announces vCard4 and avatar
 * +notify, so a card or avatar a colleague publishes later arrives as a
 * PEP event (HolbooAccount::card-changed) and is shown at once; a new
 * avatar makes the card be fetched again.
 *
 * A card that cannot be had (none published, not shared with us, or a
 * broken one the engine refuses) leaves the member with the roster's
 * name and no card: the directory still lists them.
 *
 * Fetched cards are kept in the account's store
 * (holboo_account_cache_card()) and shown at the next run at once, even
 * offline, until that session's fetch refreshes them.
 */

#define G_LOG_DOMAIN "holboo-team-directory"

#include "config.h"

#include "holboo-account-cards.h"
#include "holboo-account-contacts.h"
#include "holboo-team-directory.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-avatar.h"
#include "holboo-xmpp-vcard4.h"

struct _HolbooTeamDirectory
{
  GObject        parent_instance;

  HolbooAccount *account;
  char          *domain;
  char          *own_jid;
  GPtrArray     *members;   /* (element-type HolbooTeamMember) */
  GHashTable    *by_jid;    /* jid → HolbooTeamMember (borrowed) */
  GQueue         queue;     /* (element-type utf8): jids to fetch */
  GCancellable  *cancellable;
  GHashTable    *cached;    /* jid → HolbooCard kept from the last run */
  guint          running;
  gboolean       loaded;
  gboolean       loading;
};

static void holboo_team_directory_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooTeamDirectory, holboo_team_directory, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, holboo_team_directory_list_model_init))

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  HolbooTeamDirectory *self;
  char                *jid;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_object_unref (fetch->self);
  g_free (fetch->jid);
  g_free (fetch);
}

static gboolean
is_connected (HolbooTeamDirectory *self)
{
  HolbooXmppConnection *connection = holboo_account_get_connection (self->account);

  return holboo_xmpp_connection_get_state (connection) == HOLBOO_XMPP_CONNECTION_STATE_CONNECTED;
}

static void
update_loading (HolbooTeamDirectory *self)
{
  gboolean loading = self->running > 0 || (!g_queue_is_empty (&self->queue) && is_connected (self));

  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void pump (HolbooTeamDirectory *self);

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;
  HolbooTeamDirectory *self = fetch->self;
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GError) error = NULL;
  HolbooTeamMember *member;

  card = holboo_account_fetch_card_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fetch_free (fetch);
      return;
    }
  self->running--;
  member = g_hash_table_lookup (self->by_jid, fetch->jid);
  if (member != NULL)
    {
      if (card == NULL && !is_connected (self))
        {
          /* Cut off: again with the next session. */
          g_debug ("The card of %s was not fetched: %s", fetch->jid, error->message);
          holboo_team_member_set_card_state (member, HOLBOO_TEAM_MEMBER_CARD_UNKNOWN);
          g_queue_push_tail (&self->queue, g_strdup (fetch->jid));
        }
      else
        {
          if (card != NULL)
            {
              holboo_team_member_set_card (member, card);
              holboo_account_cache_card (self->account, fetch->jid, card);
            }
          else if (error->domain == HOLBOO_XMPP_STANZA_ERROR ||
                   g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            {
              /* None now, or no longer shared with us: forget it. */
              g_debug ("No card for %s: %s", fetch->jid, error->message);
              holboo_team_member_set_card (member, NULL);
              holboo_account_cache_card (self->account, fetch->jid, NULL);
            }
          else
            g_debug ("The card of %s was not fetched: %s", fetch->jid, error->message);
          holboo_team_member_set_card_state (member, HOLBOO_TEAM_MEMBER_CARD_FETCHED);
        }
    }
  fetch_free (fetch);
  pump (self);
}

static void
pump (HolbooTeamDirectory *self)
{
  while (self->running < HOLBOO_TEAM_DIRECTORY_MAX_FETCHES && !g_queue_is_empty (&self->queue) &&
         is_connected (self))
    {
      g_autofree char *jid = g_queue_pop_head (&self->queue);
      HolbooTeamMember *member = g_hash_table_lookup (self->by_jid, jid);
      Fetch *fetch;

      if (member == NULL || holboo_team_member_get_card_state (member) != HOLBOO_TEAM_MEMBER_CARD_UNKNOWN)
        continue;
      holboo_team_member_set_card_state (member, HOLBOO_TEAM_MEMBER_CARD_FETCHING);
      fetch = g_new0 (Fetch, 1);
      fetch->self = g_object_ref (self);
      fetch->jid = g_steal_pointer (&jid);
      self->running++;
      holboo_account_fetch_card_async (self->account, fetch->jid, self->cancellable, on_fetched, fetch);
    }
  update_loading (self);
}

static void
queue_fetch (HolbooTeamDirectory *self,
             HolbooTeamMember    *member)
{
  if (holboo_team_member_get_card_state (member) != HOLBOO_TEAM_MEMBER_CARD_UNKNOWN)
    return;
  g_queue_push_tail (&self->queue, g_strdup (holboo_team_member_get_jid (member)));
}

/* A member's card or name changed: models above this one (sorted,
 * filtered) look at the item again. */
static void
on_member_changed (HolbooTeamMember    *member,
                   GParamSpec          *pspec,
                   HolbooTeamDirectory *self)
{
  guint position;

  if (g_ptr_array_find (self->members, member, &position))
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

static gboolean
is_colleague (HolbooTeamDirectory *self,
              const char          *jid)
{
  g_autoptr(HolbooJid) parsed = holboo_jid_parse (jid, -1, NULL);

  return parsed != NULL && holboo_jid_get_localpart (parsed) != NULL &&
         g_strcmp0 (holboo_jid_get_domainpart (parsed), self->domain) == 0 &&
         g_strcmp0 (holboo_jid_get_bare_string (parsed), self->own_jid) != 0;
}

static void
rebuild (HolbooTeamDirectory *self)
{
  GListModel *contacts = holboo_account_get_contacts (self->account);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_jid = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean same;
  guint old_n = self->members->len;

  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(HolbooContact) contact = g_list_model_get_item (contacts, i);
      const char *jid = holboo_contact_get_jid (contact);
      HolbooTeamMember *member;

      if (!is_colleague (self, jid) || g_hash_table_contains (by_jid, jid))
        continue;
      member = g_hash_table_lookup (self->by_jid, jid);
      if (member != NULL)
        g_object_ref (member);
      else
        {
          member = holboo_team_member_new (jid);
          if (self->cached != NULL)
            holboo_team_member_set_card (member, g_hash_table_lookup (self->cached, jid));
          g_signal_connect_object (member, "notify::display-name", G_CALLBACK (on_member_changed), self, 0);
        }
      holboo_team_member_set_contact (member, contact);
      g_ptr_array_add (members, member);
      g_hash_table_insert (by_jid, (gpointer) holboo_team_member_get_jid (member), member);
    }

  same = members->len == self->members->len;
  for (guint i = 0; same && i < members->len; i++)
    same = members->pdata[i] == self->members->pdata[i];
  if (same)
    return;

  g_ptr_array_unref (self->members);
  self->members = g_steal_pointer (&members);
  g_hash_table_unref (self->by_jid);
  self->by_jid = g_steal_pointer (&by_jid);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->members->len);

  if (self->loaded)
    {
      for (guint i = 0; i < self->members->len; i++)
        queue_fetch (self, self->members->pdata[i]);
      pump (self);
    }
}

static void
on_card_changed (HolbooAccount       *account,
                 const char          *jid,
                 HolbooCard          *card,
                 HolbooTeamDirectory *self)
{
  HolbooTeamMember *member = g_hash_table_lookup (self->by_jid, jid);
  HolbooCard *old;

  if (member == NULL)
    return;
  old = holboo_team_member_get_card (member);
  if (card != NULL)
    {
      /* The event's card has no photo: keep the one we have until a new
       * avatar says otherwise. */
      g_autoptr(HolbooCard) copy = holboo_card_copy (card);

      if (old != NULL && holboo_card_get_photo (old) != NULL)
        holboo_card_set_photo (copy, holboo_card_get_photo (old), NULL);
      holboo_team_member_set_card (member, copy);
      return;
    }
  holboo_team_directory_refresh (self, jid);
}

static void
on_cached_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HolbooTeamDirectory) self = user_data;
  g_autoptr(GError) error = NULL;
  GHashTable *cached = holboo_account_load_cached_cards_finish (HOLBOO_ACCOUNT (source), result, &error);

  if (cached == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("The kept cards were not read: %s", error->message);
      return;
    }
  self->cached = cached;
  /* Shown until the server says otherwise; never over a fresher card. */
  for (guint i = 0; i < self->members->len; i++)
    {
      HolbooTeamMember *member = self->members->pdata[i];
      HolbooCard *card = g_hash_table_lookup (cached, holboo_team_member_get_jid (member));

      if (card != NULL && holboo_team_member_get_card (member) == NULL &&
          holboo_team_member_get_card_state (member) != HOLBOO_TEAM_MEMBER_CARD_FETCHED)
        holboo_team_member_set_card (member, card);
    }
}

static void
on_connection_state (HolbooTeamDirectory *self)
{
  pump (self);
  update_loading (self);
}

static GType
holboo_team_directory_get_item_type (GListModel *model)
{
  return HOLBOO_TYPE_TEAM_MEMBER;
}

static guint
holboo_team_directory_get_n_items (GListModel *model)
{
  return HOLBOO_TEAM_DIRECTORY (model)->members->len;
}

static gpointer
holboo_team_directory_get_item (GListModel *model,
                                guint       position)
{
  HolbooTeamDirectory *self = HOLBOO_TEAM_DIRECTORY (model);

  if (position >= self->members->len)
    return NULL;
  return g_object_ref (self->members->pdata[position]);
}

static void
holboo_team_directory_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = holboo_team_directory_get_item_type;
  iface->get_n_items = holboo_team_directory_get_n_items;
  iface->get_item = holboo_team_directory_get_item;
}

static void
holboo_team_directory_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HolbooTeamDirectory *self = HOLBOO_TEAM_DIRECTORY (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: g_value_set_object (value, self->account); break;
    case PROP_LOADING: g_value_set_boolean (value, self->loading); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_team_directory_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HolbooTeamDirectory *self = HOLBOO_TEAM_DIRECTORY (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT: self->account = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_team_directory_constructed (GObject *object)
{
  HolbooTeamDirectory *self = HOLBOO_TEAM_DIRECTORY (object);
  g_autoptr(HolbooJid) own = NULL;

  G_OBJECT_CLASS (holboo_team_directory_parent_class)->constructed (object);

  g_assert (HOLBOO_IS_ACCOUNT (self->account));
  own = holboo_jid_parse (holboo_account_get_jid (self->account), -1, NULL);
  self->domain = g_strdup (own != NULL ? holboo_jid_get_domainpart (own) : "");
  self->own_jid = g_strdup (own != NULL ? holboo_jid_get_bare_string (own) : "");

  g_signal_connect_object (holboo_account_get_contacts (self->account), "items-changed",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account, "card-changed", G_CALLBACK (on_card_changed), self, 0);
  g_signal_connect_object (holboo_account_get_connection (self->account), "notify::state",
                           G_CALLBACK (on_connection_state), self, G_CONNECT_SWAPPED);
  rebuild (self);
  holboo_account_load_cached_cards_async (self->account, self->cancellable, on_cached_loaded, g_object_ref (self));
}

static void
holboo_team_directory_dispose (GObject *object)
{
  HolbooTeamDirectory *self = HOLBOO_TEAM_DIRECTORY (object);

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->queue, g_free);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (holboo_team_directory_parent_class)->dispose (object);
}

static void
holboo_team_directory_finalize (GObject *object)
{
  HolbooTeamDirectory *self = HOLBOO_TEAM_DIRECTORY (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cached, g_hash_table_unref);
  g_ptr_array_unref (self->members);
  g_hash_table_unref (self->by_jid);
  g_free (self->domain);
  g_free (self->own_jid);

  G_OBJECT_CLASS (holboo_team_directory_parent_class)->finalize (object);
}

static void
holboo_team_directory_class_init (HolbooTeamDirectoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_team_directory_get_property;
  object_class->set_property = holboo_team_directory_set_property;
  object_class->constructed = holboo_team_directory_constructed;
  object_class->dispose = holboo_team_directory_dispose;
  object_class->finalize = holboo_team_directory_finalize;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, HOLBOO_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_team_directory_init (HolbooTeamDirectory *self)
{
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_jid = g_hash_table_new (g_str_hash, g_str_equal);
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->queue);
}

HolbooTeamDirectory *
holboo_team_directory_new (HolbooAccount *account)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (account), NULL);

  return g_object_new (HOLBOO_TYPE_TEAM_DIRECTORY, "account", account, NULL);
}

HolbooAccount *
holboo_team_directory_get_account (HolbooTeamDirectory *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_DIRECTORY (self), NULL);
  return self->account;
}

/**
 * holboo_team_directory_load:
 *
 * Starts fetching the members' cards (once; later calls do nothing).
 */
void
holboo_team_directory_load (HolbooTeamDirectory *self)
{
  g_return_if_fail (HOLBOO_IS_TEAM_DIRECTORY (self));

  if (self->loaded)
    return;
  self->loaded = TRUE;
  /* From now on the server sends colleagues' new cards and avatars as
   * they publish them (XEP-0163 filtered notifications). */
  holboo_account_add_feature (self->account, HOLBOO_XMLNS_VCARD4_NODE "+notify");
  holboo_account_add_feature (self->account, HOLBOO_XMLNS_AVATAR_METADATA "+notify");
  g_debug ("Fetching the cards of %u colleagues", self->members->len);
  for (guint i = 0; i < self->members->len; i++)
    queue_fetch (self, self->members->pdata[i]);
  pump (self);
}

/**
 * holboo_team_directory_get_loading:
 *
 * Returns: whether cards are being fetched
 */
gboolean
holboo_team_directory_get_loading (HolbooTeamDirectory *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_DIRECTORY (self), FALSE);
  return self->loading;
}

/**
 * holboo_team_directory_lookup:
 *
 * Returns: (transfer none) (nullable): the member with that bare JID
 */
HolbooTeamMember *
holboo_team_directory_lookup (HolbooTeamDirectory *self,
                              const char          *jid)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_DIRECTORY (self), NULL);
  return jid != NULL ? g_hash_table_lookup (self->by_jid, jid) : NULL;
}

/**
 * holboo_team_directory_refresh:
 *
 * Fetches @jid's card again (once loading has started).
 */
void
holboo_team_directory_refresh (HolbooTeamDirectory *self,
                               const char          *jid)
{
  HolbooTeamMember *member;

  g_return_if_fail (HOLBOO_IS_TEAM_DIRECTORY (self));

  member = holboo_team_directory_lookup (self, jid);
  if (member == NULL || holboo_team_member_get_card_state (member) == HOLBOO_TEAM_MEMBER_CARD_FETCHING)
    return;
  holboo_team_member_set_card_state (member, HOLBOO_TEAM_MEMBER_CARD_UNKNOWN);
  if (!self->loaded)
    return;
  queue_fetch (self, member);
  pump (self);
}
