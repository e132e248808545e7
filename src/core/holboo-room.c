/* holboo-room.c: one group chat of an account, and who is in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #HolbooRoom is the live side of a group chat: whether the account is
 * in it, under which nickname, and its occupants (a #GListModel of
 * #HolbooOccupant, in the order they appeared), kept from the room's
 * presences by the account (holboo-account-rooms.c).  Its messages are
 * in the store, in the conversation #HolbooRoom:conversation-id, read
 * like any conversation's.
 */

#define G_LOG_DOMAIN "holboo-room"

#include "config.h"

#include "holboo-room-private.h"

struct _HolbooRoom
{
  GObject               parent_instance;

  HolbooJid            *jid;
  char                 *nick;
  char                 *name;
  char                 *subject;
  HolbooRoomState       state;
  HolbooMucAffiliation  affiliation;
  HolbooMucRole         role;
  gboolean              syncing;
  gint64                conversation_id;
  GListStore           *occupants;
};

G_DEFINE_FINAL_TYPE (HolbooRoom, holboo_room, G_TYPE_OBJECT)

G_DEFINE_QUARK (holboo-room-error-quark, holboo_room_error)

G_DEFINE_ENUM_TYPE (HolbooRoomState, holboo_room_state,
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_STATE_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_STATE_JOINING, "joining"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_STATE_JOINED, "joined"))

G_DEFINE_ENUM_TYPE (HolbooRoomLeaveReason, holboo_room_leave_reason,
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_LEAVE_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_LEAVE_KICKED, "kicked"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_LEAVE_BANNED, "banned"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_LEAVE_REMOVED, "removed"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_LEAVE_SHUTDOWN, "shutdown"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_LEAVE_DESTROYED, "destroyed"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_LEAVE_ERROR, "error"),
  G_DEFINE_ENUM_VALUE (HOLBOO_ROOM_LEAVE_DISCONNECTED, "disconnected"))

enum {
  PROP_0,
  PROP_JID,
  PROP_NICK,
  PROP_NAME,
  PROP_SUBJECT,
  PROP_STATE,
  PROP_AFFILIATION,
  PROP_ROLE,
  PROP_SYNCING,
  PROP_CONVERSATION_ID,
  PROP_OCCUPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_OCCUPANT_JOINED,
  SIGNAL_OCCUPANT_LEFT,
  SIGNAL_OCCUPANT_CHANGED,
  SIGNAL_LEFT,
  SIGNAL_ERROR,
  SIGNAL_SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
find_by_nick (HolbooRoom *self,
              const char *nick,
              guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->occupants));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HolbooOccupant) occupant = g_list_model_get_item (G_LIST_MODEL (self->occupants), i);

      if (g_strcmp0 (holboo_occupant_get_nick (occupant), nick) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
holboo_room_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HolbooRoom *self = HOLBOO_ROOM (object);

  switch (prop_id)
    {
    case PROP_JID: g_value_set_string (value, holboo_room_get_jid (self)); break;
    case PROP_NICK: g_value_set_string (value, self->nick); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_SUBJECT: g_value_set_string (value, self->subject); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_AFFILIATION: g_value_set_enum (value, self->affiliation); break;
    case PROP_ROLE: g_value_set_enum (value, self->role); break;
    case PROP_SYNCING: g_value_set_boolean (value, self->syncing); break;
    case PROP_CONVERSATION_ID: g_value_set_int64 (value, self->conversation_id); break;
    case PROP_OCCUPANTS: g_value_set_object (value, self->occupants); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_room_dispose (GObject *object)
{
  HolbooRoom *self = HOLBOO_ROOM (object);

  g_clear_object (&self->occupants);

  G_OBJECT_CLASS (holboo_room_parent_class)->dispose (object);
}

static void
holboo_room_finalize (GObject *object)
{
  HolbooRoom *self = HOLBOO_ROOM (object);

  g_clear_pointer (&self->jid, holboo_jid_unref);
  g_free (self->nick);
  g_free (self->name);
  g_free (self->subject);

  G_OBJECT_CLASS (holboo_room_parent_class)->finalize (object);
}

static void
holboo_room_class_init (HolbooRoomClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = holboo_room_get_property;
  object_class->dispose = holboo_room_dispose;
  object_class->finalize = holboo_room_finalize;

  /** HolbooRoom:jid: the room's bare JID */
  properties[PROP_JID] = g_param_spec_string ("jid", NULL, NULL, NULL, flags);
  /** HolbooRoom:nick: the user's nickname in it */
  properties[PROP_NICK] = g_param_spec_string ("nick", NULL, NULL, NULL, flags);
  /** HolbooRoom:name: its name ("" when it has none) */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, "", flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HOLBOO_TYPE_ROOM_STATE, HOLBOO_ROOM_STATE_LEFT, flags);
  /** HolbooRoom:affiliation: the user's (owners and admins manage it) */
  properties[PROP_AFFILIATION] =
    g_param_spec_enum ("affiliation", NULL, NULL, HOLBOO_TYPE_MUC_AFFILIATION, HOLBOO_MUC_AFFILIATION_NONE, flags);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, HOLBOO_TYPE_MUC_ROLE, HOLBOO_MUC_ROLE_NONE, flags);
  /** HolbooRoom:syncing: catching up on the room's archive */
  properties[PROP_SYNCING] = g_param_spec_boolean ("syncing", NULL, NULL, FALSE, flags);
  /** HolbooRoom:conversation-id: its conversation in the store (0 until saved) */
  properties[PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /** HolbooRoom:occupants: (type GListModel): #HolbooOccupant items */
  properties[PROP_OCCUPANTS] =
    g_param_spec_object ("occupants", NULL, NULL, G_TYPE_LIST_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HolbooRoom::occupant-joined:
   * @occupant: who came in
   */
  signals[SIGNAL_OCCUPANT_JOINED] =
    g_signal_new ("occupant-joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HOLBOO_TYPE_OCCUPANT);
  /**
   * HolbooRoom::occupant-left:
   * @occupant: who went (no longer in #HolbooRoom:occupants)
   * @reason: why
   * @text: (nullable): the reason a moderator or the room gave
   */
  signals[SIGNAL_OCCUPANT_LEFT] =
    g_signal_new ("occupant-left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, HOLBOO_TYPE_OCCUPANT, HOLBOO_TYPE_ROOM_LEAVE_REASON, G_TYPE_STRING);
  /**
   * HolbooRoom::occupant-changed:
   * @occupant: whose nickname, role or affiliation changed
   */
  signals[SIGNAL_OCCUPANT_CHANGED] =
    g_signal_new ("occupant-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HOLBOO_TYPE_OCCUPANT);
  /**
   * HolbooRoom::left:
   * @reason: why the user is no longer in the room
   * @text: (nullable): the reason given
   */
  signals[SIGNAL_LEFT] =
    g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, HOLBOO_TYPE_ROOM_LEAVE_REASON, G_TYPE_STRING);
  /**
   * HolbooRoom::error:
   * @error: a %HOLBOO_ROOM_ERROR: a join failed, or the room refused a
   *   message
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
  /**
   * HolbooRoom::synced:
   * @n_new: messages the catch-up stored that were not stored before
   *
   * The catch-up on the room's archive after a join is over.
   */
  signals[SIGNAL_SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
holboo_room_init (HolbooRoom *self)
{
  self->occupants = g_list_store_new (HOLBOO_TYPE_OCCUPANT);
  self->name = g_strdup ("");
  self->subject = g_strdup ("");
}

HolbooRoom *
_holboo_room_new (HolbooJid  *jid,
                  const char *nick)
{
  HolbooRoom *self = g_object_new (HOLBOO_TYPE_ROOM, NULL);

  self->jid = holboo_jid_get_bare (jid);
  self->nick = g_strdup (nick);
  return self;
}

const char *
holboo_room_get_jid (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), NULL);
  return holboo_jid_get_bare_string (self->jid);
}

HolbooJid *
_holboo_room_get_jid (HolbooRoom *self)
{
  return self->jid;
}

const char *
holboo_room_get_nick (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), NULL);
  return self->nick;
}

const char *
holboo_room_get_name (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), NULL);
  return self->name;
}

const char *
holboo_room_get_subject (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), NULL);
  return self->subject;
}

HolbooRoomState
holboo_room_get_state (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), HOLBOO_ROOM_STATE_LEFT);
  return self->state;
}

HolbooMucAffiliation
holboo_room_get_affiliation (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), HOLBOO_MUC_AFFILIATION_NONE);
  return self->affiliation;
}

HolbooMucRole
holboo_room_get_role (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), HOLBOO_MUC_ROLE_NONE);
  return self->role;
}

gboolean
holboo_room_get_syncing (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), FALSE);
  return self->syncing;
}

gint64
holboo_room_get_conversation_id (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), 0);
  return self->conversation_id;
}

/**
 * holboo_room_get_occupants:
 *
 * Returns: (transfer none): the occupants, #HolbooOccupant items; empty
 *   while the room is not joined
 */
GListModel *
holboo_room_get_occupants (HolbooRoom *self)
{
  g_return_val_if_fail (HOLBOO_IS_ROOM (self), NULL);
  return G_LIST_MODEL (self->occupants);
}

/**
 * holboo_room_find_occupant:
 *
 * Returns: (transfer none) (nullable): the occupant of that nickname
 */
HolbooOccupant *
holboo_room_find_occupant (HolbooRoom *self,
                           const char *nick)
{
  HolbooOccupant *occupant;
  guint position;

  g_return_val_if_fail (HOLBOO_IS_ROOM (self), NULL);

  if (!find_by_nick (self, nick, &position))
    return NULL;
  occupant = g_list_model_get_item (G_LIST_MODEL (self->occupants), position);
  g_object_unref (occupant);   /* the list keeps a reference */
  return occupant;
}

#define SETTER(field, PROP)                                              \
  if (g_strcmp0 (self->field, value) == 0)                               \
    return;                                                              \
  g_free (self->field);                                                  \
  self->field = g_strdup (value != NULL ? value : "");                   \
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);

void
_holboo_room_set_nick (HolbooRoom *self,
                       const char *value)
{
  SETTER (nick, PROP_NICK)
}

void
_holboo_room_set_name (HolbooRoom *self,
                       const char *value)
{
  SETTER (name, PROP_NAME)
}

void
_holboo_room_set_subject (HolbooRoom *self,
                          const char *value)
{
  SETTER (subject, PROP_SUBJECT)
}

void
_holboo_room_set_state (HolbooRoom      *self,
                        HolbooRoomState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  if (state != HOLBOO_ROOM_STATE_JOINED)
    _holboo_room_clear_occupants (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_holboo_room_set_syncing (HolbooRoom *self,
                          gboolean    syncing)
{
  if (self->syncing == syncing)
    return;
  self->syncing = syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

void
_holboo_room_set_conversation_id (HolbooRoom *self,
                                  gint64      id)
{
  if (self->conversation_id == id)
    return;
  self->conversation_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION_ID]);
}

void
_holboo_room_clear_occupants (HolbooRoom *self)
{
  if (self->occupants != NULL)
    g_list_store_remove_all (self->occupants);
}

/**
 * _holboo_room_leave_reason:
 *
 * Returns: why an unavailable presence removes its occupant
 */
HolbooRoomLeaveReason
_holboo_room_leave_reason (HolbooXmppMucPresence *presence)
{
  if (presence->destroyed)
    return HOLBOO_ROOM_LEAVE_DESTROYED;
  if (presence->status & HOLBOO_XMPP_MUC_STATUS_BANNED)
    return HOLBOO_ROOM_LEAVE_BANNED;
  if (presence->status & HOLBOO_XMPP_MUC_STATUS_KICKED)
    return HOLBOO_ROOM_LEAVE_KICKED;
  if (presence->status & (HOLBOO_XMPP_MUC_STATUS_AFFILIATION | HOLBOO_XMPP_MUC_STATUS_MEMBERS_ONLY))
    return HOLBOO_ROOM_LEAVE_REMOVED;
  if (presence->status & HOLBOO_XMPP_MUC_STATUS_SHUTDOWN)
    return HOLBOO_ROOM_LEAVE_SHUTDOWN;
  if (presence->status & HOLBOO_XMPP_MUC_STATUS_ERROR)
    return HOLBOO_ROOM_LEAVE_ERROR;
  return HOLBOO_ROOM_LEAVE_LEFT;
}

/**
 * _holboo_room_apply_presence:
 * @presence: an available or unavailable occupant presence of this room
 * @is_self: it is the user's own
 *
 * Keeps the occupants (and the user's own role and affiliation) as the
 * presence says.  A nickname change (303) renames the occupant in
 * place; the presence under the new nickname that follows updates it.
 */
void
_holboo_room_apply_presence (HolbooRoom            *self,
                             HolbooXmppMucPresence *presence,
                             gboolean               is_self)
{
  g_autoptr(HolbooOccupant) occupant = NULL;
  const char *real = presence->real_jid != NULL ? holboo_jid_to_string (presence->real_jid) : NULL;
  guint position;
  gboolean found = find_by_nick (self, presence->nick, &position);

  if (found)
    occupant = g_list_model_get_item (G_LIST_MODEL (self->occupants), position);

  if (is_self)
    {
      if (self->affiliation != presence->affiliation)
        {
          self->affiliation = presence->affiliation;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION]);
        }
      if (self->role != presence->role)
        {
          self->role = presence->role;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
        }
    }

  if (presence->type == HOLBOO_XMPP_MUC_PRESENCE_UNAVAILABLE)
    {
      if (occupant == NULL)
        return;
      if (presence->new_nick != NULL)
        {
          _holboo_occupant_update (occupant, presence->new_nick, holboo_occupant_get_jid (occupant),
                                   holboo_occupant_get_role (occupant),
                                   holboo_occupant_get_affiliation (occupant), is_self);
          if (is_self)
            _holboo_room_set_nick (self, presence->new_nick);
          g_signal_emit (self, signals[SIGNAL_OCCUPANT_CHANGED], 0, occupant);
          return;
        }
      g_list_store_remove (self->occupants, position);
      g_signal_emit (self, signals[SIGNAL_OCCUPANT_LEFT], 0, occupant,
                     _holboo_room_leave_reason (presence), presence->reason);
      return;
    }

  if (occupant != NULL)
    {
      gboolean changed = holboo_occupant_get_role (occupant) != presence->role ||
                         holboo_occupant_get_affiliation (occupant) != presence->affiliation ||
                         g_strcmp0 (holboo_occupant_get_jid (occupant), real) != 0;

      _holboo_occupant_update (occupant, presence->nick, real, presence->role, presence->affiliation, is_self);
      if (changed)
        g_signal_emit (self, signals[SIGNAL_OCCUPANT_CHANGED], 0, occupant);
      return;
    }

  occupant = holboo_occupant_new (presence->nick);
  _holboo_occupant_update (occupant, presence->nick, real, presence->role, presence->affiliation, is_self);
  g_list_store_append (self->occupants, occupant);
  g_signal_emit (self, signals[SIGNAL_OCCUPANT_JOINED], 0, occupant);
}

void
_holboo_room_emit_left (HolbooRoom            *self,
                        HolbooRoomLeaveReason  reason,
                        const char            *text)
{
  g_signal_emit (self, signals[SIGNAL_LEFT], 0, reason, text);
}

void
_holboo_room_emit_error (HolbooRoom   *self,
                         const GError *error)
{
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error);
}

void
_holboo_room_emit_synced (HolbooRoom *self,
                          guint       n_new)
{
  g_signal_emit (self, signals[SIGNAL_SYNCED], 0, n_new);
}
