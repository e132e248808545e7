/* holboo-account-rooms.c: an account's group chats — joining, leaving,
 * creating and configuring rooms (XEP-0045), affiliations, and keeping
 * them joined (XEP-0410 self-ping, rejoin after a new session)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each room the user is in has a #HolbooRoom, listed by
 * holboo_account_get_rooms().  A room is "wanted" from the moment the
 * user joins or creates it until they leave it, are removed from it, or
 * it is destroyed; a wanted room is rejoined after every fresh session
 * (the server forgets occupants with the session), at start-up (the
 * store's rooms with autojoin) and when a bookmark on another device
 * says so (holboo-account-bookmarks.c).
 *
 * Joins ask for no history (`<history maxstanzas='0'/>`): once the
 * room confirms the join, its archive is caught up newest first
 * (holboo-account-mam.c), and live messages after the join arrive live;
 * the store keeps each once by the room's stanza-id.
 *
 * Only presences from a room we know touch a room; everything else is
 * dropped with a log line.  Messages are in
 * holboo-account-room-messages.c.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-contacts.h"
#include "holboo-account-rooms-private.h"
#include "holboo-store-rooms.h"

#include <glib/gi18n-lib.h>


static void
entry_free (Entry *entry)
{
  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  g_clear_object (&entry->room);
  g_free (entry->password);
  g_free (entry->base_nick);
  g_clear_pointer (&entry->tasks, g_ptr_array_unref);
  g_free (entry->create_name);
  g_strfreev (entry->create_members);
  g_free (entry);
}

Entry *
_holboo_rooms_lookup (HolbooAccount *self,
        const char    *bare)
{
  return bare != NULL ? g_hash_table_lookup (self->rooms->entries, bare) : NULL;
}

const char *
_holboo_rooms_room_jid (Entry *entry)
{
  return holboo_room_get_jid (entry->room);
}

void
_holboo_rooms_remove_from_list (HolbooAccount *self,
                  HolbooRoom    *room)
{
  guint position;

  if (g_list_store_find (self->rooms->list, room, &position))
    g_list_store_remove (self->rooms->list, position);
}

Entry *
_holboo_rooms_ensure_entry (HolbooAccount *self,
              HolbooJid     *room,
              const char    *nick)
{
  Entry *entry = _holboo_rooms_lookup (self, holboo_jid_get_bare_string (room));

  if (entry != NULL)
    return entry;

  entry = g_new0 (Entry, 1);
  entry->room = _holboo_room_new (room, nick);
  entry->base_nick = g_strdup (nick);
  entry->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_insert (self->rooms->entries, g_strdup (_holboo_rooms_room_jid (entry)), entry);
  g_list_store_append (self->rooms->list, entry->room);
  return entry;
}

void
_holboo_rooms_complete_tasks (Entry        *entry,
                const GError *error)
{
  g_autoptr(GPtrArray) tasks = g_steal_pointer (&entry->tasks);

  entry->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < tasks->len; i++)
    {
      GTask *task = tasks->pdata[i];

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_pointer (task, g_object_ref (entry->room), g_object_unref);
    }
}

/* Saving a room's row: its conversation id comes back. */
static gpointer
save_room_func (HolbooStore  *store,
                gpointer      data,
                GError      **error)
{
  HolbooStoredRoom *room = data;

  if (!holboo_store_save_room (store, room, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static void
room_saved (HolbooAccount      *self,
            HolbooAccountBatch *batch,
            gpointer            data)
{
  HolbooAccountOp *op = batch->ops->pdata[0];
  HolbooStoredRoom *saved = op->call_data;
  Entry *entry;

  if (self == NULL || op->error != NULL)
    return;
  entry = _holboo_rooms_lookup (self, saved->jid);
  if (entry != NULL)
    _holboo_room_set_conversation_id (entry->room, saved->conversation_id);
}

void
_holboo_rooms_save_room (HolbooAccount *self,
           Entry         *entry)
{
  HolbooStoredRoom *row = holboo_stored_room_new (_holboo_rooms_room_jid (entry), entry->base_nick);

  g_free (row->name);
  row->name = g_strdup (holboo_room_get_name (entry->room));
  g_free (row->subject);
  row->subject = g_strdup (holboo_room_get_subject (entry->room));
  row->autojoin = entry->wanted;
  _holboo_account_call (self, save_room_func, row, (GDestroyNotify) holboo_stored_room_free, NULL,
                        room_saved, NULL, NULL);
}

static GError *
join_error (const GError *error)
{
  int code = HOLBOO_ROOM_ERROR_FAILED;
  const char *text = error->message;

  if (error->domain == HOLBOO_XMPP_STANZA_ERROR)
    switch ((HolbooXmppStanzaError) error->code)
      {
      case HOLBOO_XMPP_STANZA_ERROR_CONFLICT:
        code = HOLBOO_ROOM_ERROR_NICK_CONFLICT;
        text = _("Someone in the group chat already uses this nickname");
        break;
      case HOLBOO_XMPP_STANZA_ERROR_REGISTRATION_REQUIRED:
        code = HOLBOO_ROOM_ERROR_NOT_MEMBER;
        text = _("Only members can join this group chat");
        break;
      case HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN:
        code = HOLBOO_ROOM_ERROR_BANNED;
        text = _("You are banned from this group chat");
        break;
      case HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND:
        code = HOLBOO_ROOM_ERROR_NOT_FOUND;
        text = _("This group chat does not exist");
        break;
      case HOLBOO_XMPP_STANZA_ERROR_NOT_AUTHORIZED:
        code = HOLBOO_ROOM_ERROR_PASSWORD;
        text = _("This group chat needs a password");
        break;
      default:
        break;
      }
  return g_error_new_literal (HOLBOO_ROOM_ERROR, code, text);
}


/* A join that cannot succeed: the room is not joined, and stays
 * unwanted unless the cause may pass (the server did not answer). */
void
_holboo_rooms_join_failed (HolbooAccount *self,
             Entry         *entry,
             GError        *error)
{
  g_autoptr(GError) owned = error;

  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  g_message ("Could not join %s: %s", _holboo_rooms_room_jid (entry), owned->message);
  _holboo_room_set_state (entry->room, HOLBOO_ROOM_STATE_LEFT);
  entry->creating = FALSE;
  _holboo_room_emit_error (entry->room, owned);
  _holboo_rooms_complete_tasks (entry, owned);
}

static gboolean
on_join_timeout (gpointer user_data)
{
  HolbooAccount *self = g_object_get_data (G_OBJECT (user_data), "holboo-account");
  Entry *entry = self != NULL ? _holboo_rooms_lookup (self, holboo_room_get_jid (user_data)) : NULL;

  if (entry == NULL)
    return G_SOURCE_REMOVE;
  entry->timeout_id = 0;
  _holboo_rooms_join_failed (self, entry, g_error_new_literal (HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_FAILED,
                                                 _("The group chat did not answer")));
  return G_SOURCE_REMOVE;
}

void
_holboo_rooms_send_join (HolbooAccount *self,
           Entry         *entry)
{
  g_autoptr(HolbooXmlNode) presence = NULL;
  g_autoptr(GError) error = NULL;

  presence = holboo_xmpp_muc_build_join (_holboo_room_get_jid (entry->room), holboo_room_get_nick (entry->room),
                                         entry->password);
  _holboo_room_set_state (entry->room, HOLBOO_ROOM_STATE_JOINING);
  if (!holboo_xmpp_connection_send (self->connection, presence, &error))
    {
      /* Joined at the next session. */
      _holboo_room_set_state (entry->room, HOLBOO_ROOM_STATE_LEFT);
      _holboo_rooms_complete_tasks (entry, error);
      return;
    }

  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  g_object_set_data (G_OBJECT (entry->room), "holboo-account", self);
  entry->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, JOIN_TIMEOUT_SECONDS, on_join_timeout,
                                                  g_object_ref (entry->room), g_object_unref);
}

static void
on_room_synced (HolbooAccount *self,
                const char    *room,
                guint          n_new,
                const GError  *error,
                gpointer       user_data)
{
  Entry *entry = _holboo_rooms_lookup (self, room);

  if (entry == NULL)
    return;
  _holboo_room_set_syncing (entry->room, FALSE);
  if (error == NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _holboo_room_emit_synced (entry->room, n_new);
}

/* In the room, configured: history, the outbox, the waiting tasks. */
void
_holboo_rooms_joined (HolbooAccount *self,
        Entry         *entry)
{
  _holboo_room_set_state (entry->room, HOLBOO_ROOM_STATE_JOINED);
  entry->creating = FALSE;
  entry->nick_attempt = 0;
  _holboo_rooms_save_room (self, entry);
  if (entry->publish_bookmark)
    {
      /* Joined here by the user: on their other devices too. */
      entry->publish_bookmark = FALSE;
      _holboo_account_bookmarks_publish (self, _holboo_rooms_room_jid (entry), entry->base_nick,
                                         holboo_room_get_name (entry->room), TRUE);
    }

  /* The team's log room is caught up on by the team log. */
  if (!_holboo_account_teamlog_room_joined (self, _holboo_rooms_room_jid (entry)))
    {
      _holboo_room_set_syncing (entry->room, TRUE);
      _holboo_account_room_catch_up (self, _holboo_room_get_jid (entry->room), on_room_synced, NULL);
    }
  _holboo_account_outbox_flush (self);
  _holboo_rooms_complete_tasks (entry, NULL);
}

static void
self_presence (HolbooAccount         *self,
               Entry                 *entry,
               HolbooXmppMucPresence *p)
{
  HolbooRoomLeaveReason reason;
  HolbooRoomState was = holboo_room_get_state (entry->room);

  if (p->type == HOLBOO_XMPP_MUC_PRESENCE_AVAILABLE)
    {
      _holboo_room_apply_presence (entry->room, p, TRUE);
      /* The room may have changed our nickname (210). */
      if (g_strcmp0 (p->nick, holboo_room_get_nick (entry->room)) != 0)
        _holboo_room_set_nick (entry->room, p->nick);
      if (was != HOLBOO_ROOM_STATE_JOINING)
        return;

      g_clear_handle_id (&entry->timeout_id, g_source_remove);
      if (entry->creating)
        {
          if ((p->status & HOLBOO_XMPP_MUC_STATUS_CREATED) || p->affiliation == HOLBOO_MUC_AFFILIATION_OWNER)
            _holboo_rooms_configure_room (self, entry);
          else
            {
              /* Someone else's room: we are in it, but it is not ours to
               * set up.  Out again, and forget it. */
              g_autoptr(HolbooXmlNode) leave =
                holboo_xmpp_muc_build_leave (_holboo_room_get_jid (entry->room), holboo_room_get_nick (entry->room));

              holboo_xmpp_connection_send (self->connection, leave, NULL);
              _holboo_rooms_join_failed (self, entry,
                                         g_error_new_literal (HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_EXISTS,
                                                              _("A group chat of this address already exists")));
              _holboo_rooms_leave (self, entry, FALSE);
            }
          return;
        }
      if (p->status & HOLBOO_XMPP_MUC_STATUS_CREATED)
        {
          /* Joining made a new room nobody asked for: a typo in the
           * address.  Do not leave a locked room behind. */
          g_autoptr(HolbooXmlNode) destroy = holboo_xmpp_muc_build_destroy (_holboo_room_get_jid (entry->room), NULL);

          holboo_xmpp_connection_send_iq_async (self->connection, destroy, NULL, NULL, NULL);
          _holboo_rooms_join_failed (self, entry, g_error_new_literal (HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_NOT_FOUND,
                                                         _("This group chat does not exist")));
          entry->wanted = FALSE;
          return;
        }
      _holboo_rooms_joined (self, entry);
      return;
    }

  /* Unavailable: a nickname change, or out of the room. */
  if (p->new_nick != NULL)
    {
      _holboo_room_apply_presence (entry->room, p, TRUE);
      return;
    }
  if (entry->swallow_leave)
    {
      entry->swallow_leave = FALSE;
      return;
    }

  reason = _holboo_room_leave_reason (p);
  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  _holboo_room_set_state (entry->room, HOLBOO_ROOM_STATE_LEFT);
  if (was == HOLBOO_ROOM_STATE_LEFT)
    return;

  g_info ("Out of %s (%s)", _holboo_rooms_room_jid (entry), p->reason != NULL ? p->reason : "no reason given");
  /* Removed for good; a shut-down service or a technical error is
   * tried again at the next session. */
  if (reason != HOLBOO_ROOM_LEAVE_SHUTDOWN && reason != HOLBOO_ROOM_LEAVE_ERROR &&
      reason != HOLBOO_ROOM_LEAVE_LEFT)
    {
      entry->wanted = FALSE;
      _holboo_rooms_save_room (self, entry);
      if (reason == HOLBOO_ROOM_LEAVE_DESTROYED || reason == HOLBOO_ROOM_LEAVE_BANNED ||
          reason == HOLBOO_ROOM_LEAVE_REMOVED)
        _holboo_account_bookmarks_retract (self, _holboo_rooms_room_jid (entry));
    }
  _holboo_room_emit_left (entry->room, reason, p->reason);
  if (was == HOLBOO_ROOM_STATE_JOINING)
    {
      g_autoptr(GError) error = g_error_new_literal (HOLBOO_ROOM_ERROR, HOLBOO_ROOM_ERROR_FAILED,
                                                     _("The group chat refused the join"));
      _holboo_rooms_complete_tasks (entry, error);
    }
}

static gboolean
is_error_from_room (HolbooAccount *self,
                    HolbooXmlNode *stanza)
{
  const char *from = holboo_xml_node_get_attribute (stanza, "from");
  g_autoptr(HolbooJid) jid = NULL;

  if (g_strcmp0 (holboo_xml_node_get_attribute (stanza, "type"), "error") != 0 || from == NULL)
    return FALSE;
  jid = holboo_jid_parse (from, -1, NULL);
  return jid != NULL && _holboo_rooms_lookup (self, holboo_jid_get_bare_string (jid)) != NULL;
}

static gboolean
on_presence (HolbooXmppConnection *connection,
             HolbooXmlNode        *stanza,
             gpointer              user_data)
{
  HolbooAccount *self = user_data;
  g_autoptr(HolbooXmppMucPresence) p = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;
  gboolean is_self;

  /* Servers do not always echo the join's payload in an error. */
  if (!holboo_xmpp_muc_is_muc_presence (stanza) && !is_error_from_room (self, stanza))
    return FALSE;

  p = holboo_xmpp_muc_presence_parse (stanza, &error);
  if (p == NULL)
    {
      g_message ("Dropping a group chat presence: %s", error->message);
      return TRUE;
    }
  entry = _holboo_rooms_lookup (self, holboo_jid_get_bare_string (p->room));
  if (entry == NULL)
    {
      /* A room we just left says goodbye; anything else is stray. */
      if (p->type == HOLBOO_XMPP_MUC_PRESENCE_UNAVAILABLE)
        g_debug ("Ignoring a presence from %s, a room we are not in", holboo_jid_get_bare_string (p->room));
      else
        g_message ("Dropping a presence from %s, a room we are not in", holboo_jid_get_bare_string (p->room));
      return TRUE;
    }

  if (p->type == HOLBOO_XMPP_MUC_PRESENCE_ERROR)
    {
      if (holboo_room_get_state (entry->room) != HOLBOO_ROOM_STATE_JOINING)
        return TRUE;
      if (g_error_matches (p->error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_CONFLICT) &&
          !entry->user_join && entry->nick_attempt < MAX_NICK_ATTEMPTS)
        {
          /* A rejoin whose nickname is taken (often by a ghost of our
           * own previous session): try a variant. */
          g_autofree char *nick = g_strdup_printf ("%s %u", entry->base_nick, ++entry->nick_attempt + 1);

          _holboo_room_set_nick (entry->room, nick);
          _holboo_rooms_send_join (self, entry);
          return TRUE;
        }
      _holboo_rooms_join_failed (self, entry, join_error (p->error));
      entry->wanted = FALSE;
      return TRUE;
    }

  is_self = (p->status & HOLBOO_XMPP_MUC_STATUS_SELF) != 0 ||
            g_strcmp0 (p->nick, holboo_room_get_nick (entry->room)) == 0;
  if (is_self)
    self_presence (self, entry, p);
  else if (holboo_room_get_state (entry->room) != HOLBOO_ROOM_STATE_LEFT)
    _holboo_room_apply_presence (entry->room, p, FALSE);
  return TRUE;
}

/* Session */

void
_holboo_rooms_join_entry (HolbooAccount *self,
            Entry         *entry)
{
  if (holboo_room_get_state (entry->room) != HOLBOO_ROOM_STATE_LEFT || !entry->wanted)
    return;
  _holboo_room_set_nick (entry->room, entry->base_nick);
  entry->nick_attempt = 0;
  if (_holboo_account_is_connected (self))
    _holboo_rooms_send_join (self, entry);
}

static void
stored_rooms_listed (HolbooAccount      *self,
                     HolbooAccountBatch *batch,
                     gpointer            data)
{
  HolbooAccountOp *op = batch->ops->pdata[0];
  GPtrArray *rows = op->call_result;

  if (self == NULL || rows == NULL)
    return;

  for (guint i = 0; i < rows->len; i++)
    {
      HolbooStoredRoom *row = rows->pdata[i];
      g_autoptr(HolbooJid) jid = holboo_jid_parse (row->jid, -1, NULL);
      Entry *entry;

      if (jid == NULL || !row->autojoin || _holboo_rooms_lookup (self, row->jid) != NULL)
        continue;
      entry = _holboo_rooms_ensure_entry (self, jid, row->nick);
      entry->wanted = TRUE;
      _holboo_room_set_name (entry->room, row->name);
      _holboo_room_set_subject (entry->room, row->subject);
      _holboo_room_set_conversation_id (entry->room, row->conversation_id);
      _holboo_rooms_join_entry (self, entry);
    }
}

gpointer
_holboo_rooms_list_rooms_func (HolbooStore  *store,
                 gpointer      data,
                 GError      **error)
{
  return holboo_store_list_rooms (store, error);
}

/**
 * _holboo_account_rooms_session_started:
 *
 * A fresh session is in no room: every wanted room is joined again
 * (the first time, the store's autojoin rooms).  A resumed one still
 * is: a self-ping makes sure.
 */
void
_holboo_account_rooms_session_started (HolbooAccount *self,
                                       gboolean       resumed)
{
  GHashTableIter iter;
  Entry *entry;

  _holboo_rooms_restart_ping_timer (self);
  if (resumed)
    {
      _holboo_rooms_ping_rooms (self);
      return;
    }

  g_hash_table_iter_init (&iter, self->rooms->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      entry->pinging = FALSE;
      if (holboo_room_get_state (entry->room) != HOLBOO_ROOM_STATE_LEFT)
        {
          _holboo_room_set_state (entry->room, HOLBOO_ROOM_STATE_LEFT);
          _holboo_room_emit_left (entry->room, HOLBOO_ROOM_LEAVE_DISCONNECTED, NULL);
        }
      _holboo_rooms_join_entry (self, entry);
    }

  if (!self->rooms->stored_loaded)
    {
      self->rooms->stored_loaded = TRUE;
      _holboo_account_call (self, _holboo_rooms_list_rooms_func, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
                            stored_rooms_listed, NULL, NULL);
    }
  _holboo_account_bookmarks_session_started (self);
}

gboolean
_holboo_account_rooms_is_room (HolbooAccount *self,
                               const char    *bare_jid)
{
  return _holboo_rooms_lookup (self, bare_jid) != NULL;
}

/* The room's JID, when @bare_jid is a room we know. */
HolbooJid *
_holboo_account_rooms_lookup_jid (HolbooAccount *self,
                                  const char    *bare_jid)
{
  Entry *entry = _holboo_rooms_lookup (self, bare_jid);

  return entry != NULL ? _holboo_room_get_jid (entry->room) : NULL;
}

/* Messages to a room wait in the outbox until it is joined. */
gboolean
_holboo_account_rooms_can_send (HolbooAccount *self,
                                const char    *room)
{
  Entry *entry = _holboo_rooms_lookup (self, room);

  return entry != NULL && holboo_room_get_state (entry->room) == HOLBOO_ROOM_STATE_JOINED;
}

/* The user's nickname in @room, for recognising our own messages. */
const char *
_holboo_account_rooms_get_nick (HolbooAccount *self,
                                const char    *room)
{
  Entry *entry = _holboo_rooms_lookup (self, room);

  return entry != NULL ? holboo_room_get_nick (entry->room) : NULL;
}

/* Test hook: the room drops us and its notice is lost on the way. */
void
_holboo_account_rooms_drop_silently (HolbooAccount *self,
                                     const char    *room)
{
  Entry *entry = _holboo_rooms_lookup (self, room);
  g_autoptr(HolbooXmlNode) leave = NULL;

  g_return_if_fail (entry != NULL);

  entry->swallow_leave = TRUE;
  leave = holboo_xmpp_muc_build_leave (_holboo_room_get_jid (entry->room), holboo_room_get_nick (entry->room));
  holboo_xmpp_connection_send (self->connection, leave, NULL);
}

/* Test hook: self-ping every joined room now. */
void
_holboo_account_rooms_ping_now (HolbooAccount *self)
{
  _holboo_rooms_ping_rooms (self);
}

void
_holboo_account_rooms_init (HolbooAccount *self)
{
  self->rooms = g_new0 (HolbooAccountRooms, 1);
  self->rooms->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) entry_free);
  self->rooms->list = g_list_store_new (HOLBOO_TYPE_ROOM);
  self->rooms->ping_seconds = HOLBOO_ACCOUNT_DEFAULT_ROOM_PING_SECONDS;
}

void
_holboo_account_rooms_constructed (HolbooAccount *self)
{
  self->rooms->presence_handler_id =
    holboo_xmpp_connection_add_handler (self->connection, "presence", NULL, on_presence, self, NULL);
  /* Entity capabilities (XEP-0115): bookmark pushes come to devices that
   * ask for them this way (XEP-0402 §4). */
  holboo_account_add_feature (self, HOLBOO_XMLNS_MUC);
  holboo_account_add_feature (self, HOLBOO_XMLNS_CONFERENCE);
  holboo_account_add_feature (self, "urn:xmpp:bookmarks:1+notify");
}

void
_holboo_account_rooms_dispose (HolbooAccount *self)
{
  if (self->rooms == NULL)
    return;

  g_clear_handle_id (&self->rooms->ping_id, g_source_remove);
  if (self->connection != NULL && self->rooms->presence_handler_id != 0)
    holboo_xmpp_connection_remove_handler (self->connection, self->rooms->presence_handler_id);
  self->rooms->presence_handler_id = 0;

  if (self->rooms->entries != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                                                     _("The account is closing"));
      GHashTableIter iter;
      Entry *entry;

      g_hash_table_iter_init (&iter, self->rooms->entries);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
        {
          g_clear_handle_id (&entry->timeout_id, g_source_remove);
          g_object_set_data (G_OBJECT (entry->room), "holboo-account", NULL);
          _holboo_rooms_complete_tasks (entry, error);
        }
    }
  g_clear_pointer (&self->rooms->entries, g_hash_table_unref);
  g_clear_object (&self->rooms->list);
  g_clear_pointer (&self->rooms, g_free);
}

/* Bookmarks say to join @jid (another device joined it). */
void
_holboo_account_rooms_autojoin (HolbooAccount *self,
                                HolbooJid     *jid,
                                const char    *nick,
                                const char    *name,
                                const char    *password)
{
  Entry *entry = _holboo_rooms_lookup (self, holboo_jid_get_bare_string (jid));

  if (entry != NULL && entry->wanted)
    return;
  entry = _holboo_rooms_ensure_entry (self, jid, nick);
  entry->wanted = TRUE;
  g_free (entry->base_nick);
  entry->base_nick = g_strdup (nick);
  g_free (entry->password);
  entry->password = g_strdup (password);
  if (name != NULL)
    _holboo_room_set_name (entry->room, name);
  _holboo_rooms_join_entry (self, entry);
}

/* Bookmarks say @jid is gone (left on another device). */
void
_holboo_account_rooms_forget (HolbooAccount *self,
                              const char    *jid)
{
  Entry *entry = _holboo_rooms_lookup (self, jid);

  if (entry == NULL || !entry->wanted || entry->creating)
    return;
  _holboo_rooms_leave (self, entry, FALSE);
}

/**
 * _holboo_rooms_leave:
 * @retract: remove the room's bookmark too (the user left it here);
 *   %FALSE when the bookmarks said so, or the room was never ours
 *
 * Leaves the room and forgets it, its history staying in the store.
 */
void
_holboo_rooms_leave (HolbooAccount *self,
                     Entry         *entry,
                     gboolean       retract)
{
  g_autoptr(HolbooRoom) room = g_object_ref (entry->room);
  g_autofree char *bare = g_strdup (holboo_room_get_jid (room));

  if (holboo_room_get_state (room) != HOLBOO_ROOM_STATE_LEFT && _holboo_account_is_connected (self))
    {
      g_autoptr(HolbooXmlNode) leave = holboo_xmpp_muc_build_leave (_holboo_room_get_jid (room),
                                                                    holboo_room_get_nick (room));

      holboo_xmpp_connection_send (self->connection, leave, NULL);
    }

  entry->wanted = FALSE;
  _holboo_rooms_save_room (self, entry);
  if (retract)
    _holboo_account_bookmarks_retract (self, bare);

  _holboo_room_set_state (room, HOLBOO_ROOM_STATE_LEFT);
  g_hash_table_remove (self->rooms->entries, bare);
  _holboo_rooms_remove_from_list (self, room);
  _holboo_room_emit_left (room, HOLBOO_ROOM_LEAVE_LEFT, NULL);
}
