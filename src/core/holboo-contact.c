/* holboo-contact.c: one contact of an account: its roster item and its
 * presence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A contact is what the roster says about a bare JID plus what its
 * resources say about themselves.  Its show and status are those of its
 * most available resource: the highest priority first, then the more
 * available show, then the resource that spoke last — as a user expects
 * "online on the phone, away on the desk" to read "online".  Only the
 * account changes a contact (holboo-contact-private.h), on the main
 * thread; the UI binds to its properties.
 */

#define G_LOG_DOMAIN "holboo-contact"

#include "config.h"

#include "holboo-contact-private.h"

#include <string.h>

typedef struct {
  HolbooXmppPresenceShow  show;
  char                   *status;
  int                     priority;
  char                   *caps_ver;
  guint64                 serial;
} Resource;

struct _HolbooContact
{
  GObject                 parent_instance;

  char                   *jid;
  char                   *name;
  char                  **groups;
  HolbooXmppSubscription  subscription;
  gboolean                ask;

  GHashTable             *resources;   /* resource ("" for the bare JID) → Resource */
  guint64                 serial;
  HolbooXmppPresenceShow  show;
  char                   *status;
};

G_DEFINE_FINAL_TYPE (HolbooContact, holboo_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JID,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_GROUPS,
  PROP_SUBSCRIPTION,
  PROP_ASK,
  PROP_SHOW,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
resource_free (Resource *resource)
{
  g_free (resource->status);
  g_free (resource->caps_ver);
  g_free (resource);
}

static gboolean
resource_better (const Resource *a,
                 const Resource *b)
{
  if (a->priority != b->priority)
    return a->priority > b->priority;
  if (a->show != b->show)
    return a->show > b->show;
  return a->serial > b->serial;
}

static void
update_summary (HolbooContact *self)
{
  const Resource *best = NULL;
  GHashTableIter iter;
  gpointer value;
  HolbooXmppPresenceShow show;
  const char *status;

  g_hash_table_iter_init (&iter, self->resources);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (best == NULL || resource_better (value, best))
      best = value;

  show = best != NULL ? best->show : HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE;
  status = best != NULL ? best->status : NULL;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->show != show)
    {
      self->show = show;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW]);
    }
  if (g_strcmp0 (self->status, status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
holboo_contact_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HolbooContact *self = HOLBOO_CONTACT (object);

  switch (prop_id)
    {
    case PROP_JID: g_value_set_string (value, self->jid); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_DISPLAY_NAME: g_value_set_string (value, holboo_contact_get_display_name (self)); break;
    case PROP_GROUPS: g_value_set_boxed (value, self->groups); break;
    case PROP_SUBSCRIPTION: g_value_set_enum (value, self->subscription); break;
    case PROP_ASK: g_value_set_boolean (value, self->ask); break;
    case PROP_SHOW: g_value_set_enum (value, self->show); break;
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_contact_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HolbooContact *self = HOLBOO_CONTACT (object);

  switch (prop_id)
    {
    case PROP_JID: self->jid = g_value_dup_string (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_contact_finalize (GObject *object)
{
  HolbooContact *self = HOLBOO_CONTACT (object);

  g_free (self->jid);
  g_free (self->name);
  g_strfreev (self->groups);
  g_free (self->status);
  g_hash_table_unref (self->resources);

  G_OBJECT_CLASS (holboo_contact_parent_class)->finalize (object);
}

static void
holboo_contact_class_init (HolbooContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_contact_get_property;
  object_class->set_property = holboo_contact_set_property;
  object_class->finalize = holboo_contact_finalize;

  /** HolbooContact:jid: the contact's bare JID */
  properties[PROP_JID] =
    g_param_spec_string ("jid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooContact:name: the name the user gave the contact, or %NULL */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooContact:display-name: the name, else the JID */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUPS] =
    g_param_spec_boxed ("groups", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooContact:subscription: who sees whose presence */
  properties[PROP_SUBSCRIPTION] =
    g_param_spec_enum ("subscription", NULL, NULL, HOLBOO_TYPE_XMPP_SUBSCRIPTION, HOLBOO_XMPP_SUBSCRIPTION_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooContact:ask: our request to see its presence waits for an answer */
  properties[PROP_ASK] =
    g_param_spec_boolean ("ask", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooContact:show: the availability of its most available resource */
  properties[PROP_SHOW] =
    g_param_spec_enum ("show", NULL, NULL, HOLBOO_TYPE_XMPP_PRESENCE_SHOW, HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooContact:status: that resource's status text, or %NULL */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_contact_init (HolbooContact *self)
{
  self->groups = g_new0 (char *, 1);
  self->resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) resource_free);
}

HolbooContact *
_holboo_contact_new (const char *jid)
{
  return g_object_new (HOLBOO_TYPE_CONTACT, "jid", jid, NULL);
}

/* Returns whether anything changed. */
gboolean
_holboo_contact_set_item (HolbooContact                *self,
                          const HolbooStoredRosterItem *item)
{
  const char * const *groups = (const char * const *) item->groups;
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->name, item->name) != 0)
    {
      g_free (self->name);
      self->name = g_strdup (item->name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
      changed = TRUE;
    }
  if (groups == NULL)
    groups = (const char * const[]) { NULL };
  if (!g_strv_equal ((const char * const *) self->groups, groups))
    {
      g_strfreev (self->groups);
      self->groups = g_strdupv ((char **) groups);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GROUPS]);
      changed = TRUE;
    }
  if (self->subscription != (HolbooXmppSubscription) item->subscription)
    {
      self->subscription = item->subscription;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBSCRIPTION]);
      changed = TRUE;
    }
  if (self->ask != item->ask)
    {
      self->ask = item->ask;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASK]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

/* @show %HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE: the resource went away. */
void
_holboo_contact_set_presence (HolbooContact          *self,
                              const char             *resource,
                              HolbooXmppPresenceShow  show,
                              const char             *status,
                              int                     priority,
                              const char             *caps_ver)
{
  Resource *r;

  if (resource == NULL)
    resource = "";

  if (show == HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE)
    {
      /* The bare JID going away takes every resource with it. */
      if (*resource == '\0')
        g_hash_table_remove_all (self->resources);
      else
        g_hash_table_remove (self->resources, resource);
      update_summary (self);
      return;
    }

  r = g_new0 (Resource, 1);
  r->show = show;
  r->status = g_strdup (status);
  r->priority = priority;
  r->caps_ver = g_strdup (caps_ver);
  r->serial = ++self->serial;
  g_hash_table_replace (self->resources, g_strdup (resource), r);
  update_summary (self);
}

void
_holboo_contact_clear_presence (HolbooContact *self)
{
  g_hash_table_remove_all (self->resources);
  update_summary (self);
}

int
_holboo_contact_compare (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  return strcmp (HOLBOO_CONTACT ((gpointer) a)->jid, HOLBOO_CONTACT ((gpointer) b)->jid);
}

const char *
holboo_contact_get_jid (HolbooContact *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), NULL);
  return self->jid;
}

/**
 * holboo_contact_get_name:
 *
 * Returns: (nullable): the name the user gave the contact
 */
const char *
holboo_contact_get_name (HolbooContact *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), NULL);
  return self->name;
}

const char *
holboo_contact_get_display_name (HolbooContact *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), NULL);
  return self->name != NULL ? self->name : self->jid;
}

const char * const *
holboo_contact_get_groups (HolbooContact *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), NULL);
  return (const char * const *) self->groups;
}

HolbooXmppSubscription
holboo_contact_get_subscription (HolbooContact *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), HOLBOO_XMPP_SUBSCRIPTION_NONE);
  return self->subscription;
}

gboolean
holboo_contact_get_ask (HolbooContact *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), FALSE);
  return self->ask;
}

HolbooXmppPresenceShow
holboo_contact_get_show (HolbooContact *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE);
  return self->show;
}

/**
 * holboo_contact_get_status:
 *
 * Returns: (nullable): the status text of its most available resource
 */
const char *
holboo_contact_get_status (HolbooContact *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), NULL);
  return self->status;
}

/**
 * holboo_contact_dup_resources:
 *
 * Returns: (transfer full): the resources now available, sorted
 */
GStrv
holboo_contact_dup_resources (HolbooContact *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), NULL);

  keys = g_list_sort (g_hash_table_get_keys (self->resources), (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    g_strv_builder_add (builder, l->data);
  return g_strv_builder_end (builder);
}

/**
 * holboo_contact_get_caps_ver:
 * @resource: one of its resources
 *
 * Returns: (nullable): the XEP-0115 ver that resource announced
 */
const char *
holboo_contact_get_caps_ver (HolbooContact *self,
                             const char    *resource)
{
  Resource *r;

  g_return_val_if_fail (HOLBOO_IS_CONTACT (self), NULL);

  r = g_hash_table_lookup (self->resources, resource != NULL ? resource : "");
  return r != NULL ? r->caps_ver : NULL;
}
