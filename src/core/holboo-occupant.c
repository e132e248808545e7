/* holboo-occupant.c: one occupant of a group chat, as its presence says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Occupants are live state: a #HolbooRoom makes one per nickname in
 * the room while it is joined and drops them all when it is not.
 */

#define G_LOG_DOMAIN "holboo-occupant"

#include "config.h"

#include "holboo-occupant.h"

struct _HolbooOccupant
{
  GObject               parent_instance;

  char                 *nick;
  char                 *jid;
  HolbooMucRole         role;
  HolbooMucAffiliation  affiliation;
  gboolean              is_self;
};

G_DEFINE_FINAL_TYPE (HolbooOccupant, holboo_occupant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NICK,
  PROP_JID,
  PROP_ROLE,
  PROP_AFFILIATION,
  PROP_IS_SELF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
holboo_occupant_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HolbooOccupant *self = HOLBOO_OCCUPANT (object);

  switch (prop_id)
    {
    case PROP_NICK: g_value_set_string (value, self->nick); break;
    case PROP_JID: g_value_set_string (value, self->jid); break;
    case PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PROP_AFFILIATION: g_value_set_enum (value, self->affiliation); break;
    case PROP_IS_SELF: g_value_set_boolean (value, self->is_self); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_occupant_finalize (GObject *object)
{
  HolbooOccupant *self = HOLBOO_OCCUPANT (object);

  g_free (self->nick);
  g_free (self->jid);

  G_OBJECT_CLASS (holboo_occupant_parent_class)->finalize (object);
}

static void
holboo_occupant_class_init (HolbooOccupantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_occupant_get_property;
  object_class->finalize = holboo_occupant_finalize;

  /** HolbooOccupant:nick: the nickname in the room */
  properties[PROP_NICK] =
    g_param_spec_string ("nick", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooOccupant:jid: the real full JID, when the room shows it */
  properties[PROP_JID] =
    g_param_spec_string ("jid", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, HOLBOO_TYPE_MUC_ROLE, HOLBOO_MUC_ROLE_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AFFILIATION] =
    g_param_spec_enum ("affiliation", NULL, NULL, HOLBOO_TYPE_MUC_AFFILIATION, HOLBOO_MUC_AFFILIATION_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /** HolbooOccupant:is-self: this is the user, on this device */
  properties[PROP_IS_SELF] =
    g_param_spec_boolean ("is-self", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_occupant_init (HolbooOccupant *self)
{
}

HolbooOccupant *
holboo_occupant_new (const char *nick)
{
  HolbooOccupant *self;

  g_return_val_if_fail (nick != NULL, NULL);

  self = g_object_new (HOLBOO_TYPE_OCCUPANT, NULL);
  self->nick = g_strdup (nick);
  return self;
}

const char *
holboo_occupant_get_nick (HolbooOccupant *self)
{
  g_return_val_if_fail (HOLBOO_IS_OCCUPANT (self), NULL);
  return self->nick;
}

/**
 * holboo_occupant_get_jid:
 *
 * Returns: (nullable): the occupant's real full JID, when the room
 *   shows it (Holboo's rooms do, to members)
 */
const char *
holboo_occupant_get_jid (HolbooOccupant *self)
{
  g_return_val_if_fail (HOLBOO_IS_OCCUPANT (self), NULL);
  return self->jid;
}

HolbooMucRole
holboo_occupant_get_role (HolbooOccupant *self)
{
  g_return_val_if_fail (HOLBOO_IS_OCCUPANT (self), HOLBOO_MUC_ROLE_NONE);
  return self->role;
}

HolbooMucAffiliation
holboo_occupant_get_affiliation (HolbooOccupant *self)
{
  g_return_val_if_fail (HOLBOO_IS_OCCUPANT (self), HOLBOO_MUC_AFFILIATION_NONE);
  return self->affiliation;
}

gboolean
holboo_occupant_get_is_self (HolbooOccupant *self)
{
  g_return_val_if_fail (HOLBOO_IS_OCCUPANT (self), FALSE);
  return self->is_self;
}

void
_holboo_occupant_update (HolbooOccupant       *self,
                         const char           *nick,
                         const char           *jid,
                         HolbooMucRole         role,
                         HolbooMucAffiliation  affiliation,
                         gboolean              is_self)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->nick, nick) != 0 && nick != NULL)
    {
      g_free (self->nick);
      self->nick = g_strdup (nick);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NICK]);
    }
  if (g_strcmp0 (self->jid, jid) != 0)
    {
      g_free (self->jid);
      self->jid = g_strdup (jid);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JID]);
    }
  if (self->role != role)
    {
      self->role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  if (self->affiliation != affiliation)
    {
      self->affiliation = affiliation;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION]);
    }
  if (self->is_self != is_self)
    {
      self->is_self = is_self;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_SELF]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
