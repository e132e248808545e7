/* holboo-xmpp-muc.c: multi-user chat (XEP-0045), direct invitations
 * (XEP-0249) and self-ping (XEP-0410)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stanzas only: which room a stanza really comes from, and whether that
 * room is one we are in, is the core's business.  Parsing is strict
 * about what it returns — an occupant presence must come from a
 * room/nick full JID, invitations must name a room that parses — and
 * forgiving about what it ignores (unknown status codes, extra
 * children).
 */

#define G_LOG_DOMAIN "holboo-xmpp-muc"

#include "config.h"

#include "holboo-xmpp-muc.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-message.h"
#include "holboo-xmpp-types.h"

#include <string.h>

G_DEFINE_ENUM_TYPE (HolbooMucRole, holboo_muc_role,
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_ROLE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_ROLE_VISITOR, "visitor"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_ROLE_PARTICIPANT, "participant"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_ROLE_MODERATOR, "moderator"))

G_DEFINE_ENUM_TYPE (HolbooMucAffiliation, holboo_muc_affiliation,
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_AFFILIATION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_AFFILIATION_OUTCAST, "outcast"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_AFFILIATION_MEMBER, "member"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_AFFILIATION_ADMIN, "admin"),
  G_DEFINE_ENUM_VALUE (HOLBOO_MUC_AFFILIATION_OWNER, "owner"))

static const char * const role_names[] = { "none", "visitor", "participant", "moderator" };
static const char * const affiliation_names[] = { "none", "outcast", "member", "admin", "owner" };

const char *
holboo_muc_role_to_string (HolbooMucRole role)
{
  g_return_val_if_fail (role <= HOLBOO_MUC_ROLE_MODERATOR, "none");
  return role_names[role];
}

HolbooMucRole
holboo_muc_role_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      return i;
  return HOLBOO_MUC_ROLE_NONE;
}

const char *
holboo_muc_affiliation_to_string (HolbooMucAffiliation affiliation)
{
  g_return_val_if_fail (affiliation <= HOLBOO_MUC_AFFILIATION_OWNER, "none");
  return affiliation_names[affiliation];
}

HolbooMucAffiliation
holboo_muc_affiliation_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (affiliation_names); i++)
    if (g_strcmp0 (text, affiliation_names[i]) == 0)
      return i;
  return HOLBOO_MUC_AFFILIATION_NONE;
}

/**
 * holboo_xmpp_muc_nick_is_valid:
 *
 * Returns: whether @nick can be a resourcepart and is of sane length
 */
gboolean
holboo_xmpp_muc_nick_is_valid (const char *nick)
{
  g_autoptr(HolbooJid) jid = NULL;

  if (nick == NULL || *nick == '\0' || strlen (nick) > HOLBOO_XMPP_MUC_MAX_NICK_LENGTH)
    return FALSE;
  jid = holboo_jid_new ("x", "example.org", nick, NULL);
  return jid != NULL;
}

static char *
occupant_jid (const HolbooJid *room,
              const char      *nick)
{
  return g_strdup_printf ("%s/%s", holboo_jid_get_bare_string (room), nick);
}

/**
 * holboo_xmpp_muc_build_join:
 * @room: the room's bare JID
 * @nick: the nickname to join as
 * @password: (nullable): the room's password
 *
 * The join asks for no history: history comes from the room's archive
 * only, so that nothing is applied twice or missed between the two.
 *
 * Returns: (transfer full): the presence
 */
HolbooXmlNode *
holboo_xmpp_muc_build_join (const HolbooJid *room,
                            const char      *nick,
                            const char      *password)
{
  g_autofree char *to = NULL;
  HolbooXmlNode *presence, *x, *history;

  g_return_val_if_fail (room != NULL, NULL);
  g_return_val_if_fail (nick != NULL, NULL);

  to = occupant_jid (room, nick);
  presence = holboo_xml_node_new ("presence", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (presence, "to", to);
  x = holboo_xml_node_add_child_ns (presence, "x", HOLBOO_XMLNS_MUC);
  history = holboo_xml_node_add_child (x, "history");
  holboo_xml_node_set_attribute (history, "maxstanzas", "0");
  if (password != NULL)
    holboo_xml_node_add_text_child (x, "password", password);
  return presence;
}

/**
 * holboo_xmpp_muc_build_leave:
 *
 * Returns: (transfer full): the unavailable presence to room/nick
 */
HolbooXmlNode *
holboo_xmpp_muc_build_leave (const HolbooJid *room,
                             const char      *nick)
{
  g_autofree char *to = NULL;
  HolbooXmlNode *presence;

  g_return_val_if_fail (room != NULL, NULL);
  g_return_val_if_fail (nick != NULL, NULL);

  to = occupant_jid (room, nick);
  presence = holboo_xml_node_new ("presence", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (presence, "to", to);
  holboo_xml_node_set_attribute (presence, "type", "unavailable");
  return presence;
}

/**
 * holboo_xmpp_muc_is_muc_presence:
 *
 * Returns: whether @stanza is a presence a room sends: one with a
 *   muc#user payload, or an error for a join (which echoes the muc one)
 */
gboolean
holboo_xmpp_muc_is_muc_presence (HolbooXmlNode *stanza)
{
  g_return_val_if_fail (stanza != NULL, FALSE);

  if (!holboo_xml_node_is (stanza, "presence", HOLBOO_XMLNS_CLIENT))
    return FALSE;
  return holboo_xml_node_get_child (stanza, "x", HOLBOO_XMLNS_MUC_USER) != NULL ||
         (g_strcmp0 (holboo_xml_node_get_attribute (stanza, "type"), "error") == 0 &&
          holboo_xml_node_get_child (stanza, "x", HOLBOO_XMLNS_MUC) != NULL);
}

static guint
status_flag (const char *code)
{
  static const struct { const char *code; guint flag; } map[] = {
    { "100", HOLBOO_XMPP_MUC_STATUS_NON_ANONYMOUS },
    { "104", HOLBOO_XMPP_MUC_STATUS_CONFIG },
    { "110", HOLBOO_XMPP_MUC_STATUS_SELF },
    { "170", HOLBOO_XMPP_MUC_STATUS_LOGGED },
    { "201", HOLBOO_XMPP_MUC_STATUS_CREATED },
    { "210", HOLBOO_XMPP_MUC_STATUS_NICK_MODIFIED },
    { "301", HOLBOO_XMPP_MUC_STATUS_BANNED },
    { "303", HOLBOO_XMPP_MUC_STATUS_NEW_NICK },
    { "307", HOLBOO_XMPP_MUC_STATUS_KICKED },
    { "321", HOLBOO_XMPP_MUC_STATUS_AFFILIATION },
    { "322", HOLBOO_XMPP_MUC_STATUS_MEMBERS_ONLY },
    { "332", HOLBOO_XMPP_MUC_STATUS_SHUTDOWN },
    { "333", HOLBOO_XMPP_MUC_STATUS_ERROR },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (code, map[i].code) == 0)
      return map[i].flag;
  return 0;
}

/**
 * holboo_xmpp_muc_presence_parse:
 * @stanza: a presence from a room (see holboo_xmpp_muc_is_muc_presence())
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the occupant presence, or %NULL
 *   with a %HOLBOO_XMPP_ERROR_PROTOCOL error when it does not come from a
 *   room/nick JID or names an invalid real JID
 */
HolbooXmppMucPresence *
holboo_xmpp_muc_presence_parse (HolbooXmlNode  *stanza,
                                GError        **error)
{
  g_autoptr(HolbooXmppMucPresence) p = NULL;
  g_autoptr(HolbooJid) from = NULL;
  const char *from_str, *type;
  HolbooXmlNode *x, *item, *destroy;
  HolbooXmlIter iter;
  HolbooXmlNode *status;

  g_return_val_if_fail (stanza != NULL, NULL);

  from_str = holboo_xml_node_get_attribute (stanza, "from");
  from = from_str != NULL ? holboo_jid_parse (from_str, -1, NULL) : NULL;
  if (from == NULL || !holboo_jid_is_full (from) || holboo_jid_get_localpart (from) == NULL)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A room presence from “%s”, not from a room/nick address", from_str ? from_str : "");
      return NULL;
    }

  p = g_new0 (HolbooXmppMucPresence, 1);
  p->room = holboo_jid_get_bare (from);
  p->nick = g_strdup (holboo_jid_get_resourcepart (from));

  type = holboo_xml_node_get_attribute (stanza, "type");
  if (type == NULL)
    p->type = HOLBOO_XMPP_MUC_PRESENCE_AVAILABLE;
  else if (strcmp (type, "unavailable") == 0)
    p->type = HOLBOO_XMPP_MUC_PRESENCE_UNAVAILABLE;
  else if (strcmp (type, "error") == 0)
    {
      p->type = HOLBOO_XMPP_MUC_PRESENCE_ERROR;
      p->error = holboo_xmpp_stanza_error_from_node (stanza);
      return g_steal_pointer (&p);
    }
  else
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A room presence of type “%s”", type);
      return NULL;
    }

  x = holboo_xml_node_get_child (stanza, "x", HOLBOO_XMLNS_MUC_USER);
  if (x == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A room presence without a muc#user payload");
      return NULL;
    }

  item = holboo_xml_node_get_child (x, "item", HOLBOO_XMLNS_MUC_USER);
  if (item != NULL)
    {
      const char *jid = holboo_xml_node_get_attribute (item, "jid");

      p->role = holboo_muc_role_from_string (holboo_xml_node_get_attribute (item, "role"));
      p->affiliation = holboo_muc_affiliation_from_string (holboo_xml_node_get_attribute (item, "affiliation"));
      p->new_nick = g_strdup (holboo_xml_node_get_attribute (item, "nick"));
      p->reason = g_strdup (holboo_xml_node_get_child_text (item, "reason", HOLBOO_XMLNS_MUC_USER));
      if (jid != NULL)
        {
          p->real_jid = holboo_jid_parse (jid, -1, NULL);
          if (p->real_jid == NULL)
            {
              g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A room presence with an invalid real address “%s”", jid);
              return NULL;
            }
        }
    }

  holboo_xml_iter_init (&iter, x, "status", HOLBOO_XMLNS_MUC_USER);
  while (holboo_xml_iter_next (&iter, &status))
    p->status |= status_flag (holboo_xml_node_get_attribute (status, "code"));

  if ((p->status & HOLBOO_XMPP_MUC_STATUS_NEW_NICK) != 0 && !holboo_xmpp_muc_nick_is_valid (p->new_nick))
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A nickname change without a valid new nickname");
      return NULL;
    }
  if ((p->status & HOLBOO_XMPP_MUC_STATUS_NEW_NICK) == 0)
    g_clear_pointer (&p->new_nick, g_free);

  destroy = holboo_xml_node_get_child (x, "destroy", HOLBOO_XMLNS_MUC_USER);
  if (destroy != NULL && p->type == HOLBOO_XMPP_MUC_PRESENCE_UNAVAILABLE)
    {
      p->destroyed = TRUE;
      g_free (p->reason);
      p->reason = g_strdup (holboo_xml_node_get_child_text (destroy, "reason", HOLBOO_XMLNS_MUC_USER));
      p->alternate = g_strdup (holboo_xml_node_get_attribute (destroy, "jid"));
    }

  return g_steal_pointer (&p);
}

void
holboo_xmpp_muc_presence_free (HolbooXmppMucPresence *presence)
{
  if (presence == NULL)
    return;

  g_clear_pointer (&presence->room, holboo_jid_unref);
  g_clear_pointer (&presence->real_jid, holboo_jid_unref);
  g_free (presence->nick);
  g_free (presence->new_nick);
  g_free (presence->reason);
  g_free (presence->alternate);
  g_clear_error (&presence->error);
  g_free (presence);
}

static HolbooXmlNode *
new_iq (const HolbooJid *room,
        const char      *type,
        const char      *ns,
        HolbooXmlNode  **query)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (iq, "type", type);
  holboo_xml_node_set_attribute (iq, "to", holboo_jid_get_bare_string (room));
  *query = holboo_xml_node_add_child_ns (iq, "query", ns);
  return iq;
}

/**
 * holboo_xmpp_muc_build_config_get:
 *
 * Returns: (transfer full): the iq asking an owner's configuration form
 */
HolbooXmlNode *
holboo_xmpp_muc_build_config_get (const HolbooJid *room)
{
  HolbooXmlNode *query;

  g_return_val_if_fail (room != NULL, NULL);
  return new_iq (room, "get", HOLBOO_XMLNS_MUC_OWNER, &query);
}

/**
 * holboo_xmpp_muc_parse_config:
 * @iq: the result of holboo_xmpp_muc_build_config_get()
 *
 * Returns: (transfer full) (nullable): the room's configuration form
 */
HolbooXmppDataForm *
holboo_xmpp_muc_parse_config (HolbooXmlNode  *iq,
                              GError        **error)
{
  HolbooXmlNode *query, *x;

  g_return_val_if_fail (iq != NULL, NULL);

  query = holboo_xml_node_get_child (iq, "query", HOLBOO_XMLNS_MUC_OWNER);
  x = query != NULL ? holboo_xml_node_get_child (query, "x", HOLBOO_XMLNS_DATA) : NULL;
  if (x == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "The room sent no configuration form");
      return NULL;
    }
  return holboo_xmpp_data_form_parse (x, error);
}

/**
 * holboo_xmpp_muc_config_set_team_defaults:
 * @form: a room configuration form (as the room sent it)
 * @name: (nullable): the room's name
 *
 * Sets what a Holboo group chat is by default: persistent, members-only,
 * not public, real addresses visible to members (non-anonymous, which
 * the team log needs to know who wrote what), archived, and only
 * members may invite.  Fields the server does not offer are left out.
 */
void
holboo_xmpp_muc_config_set_team_defaults (HolbooXmppDataForm *form,
                                          const char         *name)
{
  g_return_if_fail (form != NULL);

  holboo_xmpp_data_form_set_boolean (form, "muc#roomconfig_persistentroom", TRUE);
  holboo_xmpp_data_form_set_boolean (form, "muc#roomconfig_membersonly", TRUE);
  holboo_xmpp_data_form_set_boolean (form, "muc#roomconfig_publicroom", FALSE);
  holboo_xmpp_data_form_set_value (form, "muc#roomconfig_whois", "anyone");
  holboo_xmpp_data_form_set_boolean (form, "muc#roomconfig_allowinvites", TRUE);
  /* Prosody's mod_muc_mam and ejabberd's mod_muc name the archive switch
   * differently. */
  holboo_xmpp_data_form_set_boolean (form, "muc#roomconfig_enablearchiving", TRUE);
  holboo_xmpp_data_form_set_boolean (form, "mam", TRUE);
  if (name != NULL)
    holboo_xmpp_data_form_set_value (form, "muc#roomconfig_roomname", name);
}

/**
 * holboo_xmpp_muc_build_config_set:
 * @form: the form to submit (type submit)
 *
 * Returns: (transfer full): the iq submitting @form
 */
HolbooXmlNode *
holboo_xmpp_muc_build_config_set (const HolbooJid    *room,
                                  HolbooXmppDataForm *form)
{
  HolbooXmlNode *iq, *query;

  g_return_val_if_fail (room != NULL, NULL);
  g_return_val_if_fail (form != NULL, NULL);

  iq = new_iq (room, "set", HOLBOO_XMLNS_MUC_OWNER, &query);
  holboo_xml_node_append_child (query, holboo_xmpp_data_form_to_node (form));
  return iq;
}

/**
 * holboo_xmpp_muc_build_set_affiliation:
 * @jid: the user's bare JID
 * @reason: (nullable): why
 *
 * Returns: (transfer full): the admin iq
 */
HolbooXmlNode *
holboo_xmpp_muc_build_set_affiliation (const HolbooJid      *room,
                                       const char           *jid,
                                       HolbooMucAffiliation  affiliation,
                                       const char           *reason)
{
  HolbooXmlNode *iq, *query, *item;

  g_return_val_if_fail (room != NULL, NULL);
  g_return_val_if_fail (jid != NULL, NULL);

  iq = new_iq (room, "set", HOLBOO_XMLNS_MUC_ADMIN, &query);
  item = holboo_xml_node_add_child (query, "item");
  holboo_xml_node_set_attribute (item, "jid", jid);
  holboo_xml_node_set_attribute (item, "affiliation", holboo_muc_affiliation_to_string (affiliation));
  if (reason != NULL)
    holboo_xml_node_add_text_child (item, "reason", reason);
  return iq;
}

/**
 * holboo_xmpp_muc_build_destroy:
 *
 * Returns: (transfer full): the owner iq destroying @room
 */
HolbooXmlNode *
holboo_xmpp_muc_build_destroy (const HolbooJid *room,
                               const char      *reason)
{
  HolbooXmlNode *iq, *query, *destroy;

  g_return_val_if_fail (room != NULL, NULL);

  iq = new_iq (room, "set", HOLBOO_XMLNS_MUC_OWNER, &query);
  destroy = holboo_xml_node_add_child (query, "destroy");
  if (reason != NULL)
    holboo_xml_node_add_text_child (destroy, "reason", reason);
  return iq;
}

/**
 * holboo_xmpp_muc_build_groupchat:
 * @room: the room's bare JID
 * @id: the id attribute (Holboo uses the origin-id)
 * @origin_id: (nullable): the XEP-0359 origin-id, by which the room's
 *   reflection is recognised
 *
 * Returns: (transfer full): a message of type groupchat (no receipt
 *   request: XEP-0184 §5.3 forbids them in rooms)
 */
HolbooXmlNode *
holboo_xmpp_muc_build_groupchat (const char *room,
                                 const char *id,
                                 const char *body,
                                 const char *origin_id)
{
  HolbooXmlNode *message;

  g_return_val_if_fail (room != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", room);
  holboo_xml_node_set_attribute (message, "type", "groupchat");
  holboo_xml_node_set_attribute (message, "id", id);
  holboo_xml_node_add_text_child (message, "body", body);
  if (origin_id != NULL)
    {
      HolbooXmlNode *origin = holboo_xml_node_add_child_ns (message, "origin-id", HOLBOO_XMLNS_SID);

      holboo_xml_node_set_attribute (origin, "id", origin_id);
    }
  return message;
}

/**
 * holboo_xmpp_muc_get_subject:
 * @has_subject: (out): whether @stanza sets the subject (an empty
 *   `<subject/>` clears it)
 *
 * Returns: (nullable): the subject a groupchat message sets
 */
const char *
holboo_xmpp_muc_get_subject (HolbooXmlNode *stanza,
                             gboolean      *has_subject)
{
  HolbooXmlNode *subject;

  g_return_val_if_fail (stanza != NULL, NULL);

  subject = holboo_xml_node_get_child (stanza, "subject", HOLBOO_XMLNS_CLIENT);
  if (has_subject != NULL)
    *has_subject = subject != NULL;
  return subject != NULL ? holboo_xml_node_get_text (subject) : NULL;
}

/**
 * holboo_xmpp_muc_build_invite:
 * @to: the invitee's bare JID
 * @room: the room
 * @reason: (nullable): a line of text
 * @password: (nullable): the room's password
 *
 * Returns: (transfer full): a XEP-0249 direct invitation
 */
HolbooXmlNode *
holboo_xmpp_muc_build_invite (const char      *to,
                              const HolbooJid *room,
                              const char      *reason,
                              const char      *password)
{
  HolbooXmlNode *message, *x;
  g_autofree char *id = g_uuid_string_random ();

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (room != NULL, NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "id", id);
  x = holboo_xml_node_add_child_ns (message, "x", HOLBOO_XMLNS_CONFERENCE);
  holboo_xml_node_set_attribute (x, "jid", holboo_jid_get_bare_string (room));
  if (reason != NULL)
    holboo_xml_node_set_attribute (x, "reason", reason);
  if (password != NULL)
    holboo_xml_node_set_attribute (x, "password", password);
  return message;
}

static HolbooJid *
parse_room (const char  *text,
            GError     **error)
{
  g_autoptr(HolbooJid) jid = text != NULL ? holboo_jid_parse (text, -1, NULL) : NULL;

  if (jid == NULL || holboo_jid_get_localpart (jid) == NULL)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "An invitation to “%s”, which is not a room address", text != NULL ? text : "");
      return NULL;
    }
  return holboo_jid_get_bare (jid);
}

/**
 * holboo_xmpp_muc_parse_invite:
 * @stanza: a message
 * @error: return location for a #GError
 *
 * Reads a direct invitation (XEP-0249) or one mediated by a room
 * (XEP-0045 §7.8.2: from the room's bare JID, naming the inviter).
 *
 * Returns: (transfer full) (nullable): the invitation; %NULL without
 *   @error when @stanza is none, %NULL with a %HOLBOO_XMPP_ERROR_PROTOCOL
 *   error when it is a broken one
 */
HolbooXmppMucInvite *
holboo_xmpp_muc_parse_invite (HolbooXmlNode  *stanza,
                              GError        **error)
{
  g_autoptr(HolbooXmppMucInvite) invite = NULL;
  g_autoptr(HolbooJid) from = NULL;
  HolbooXmlNode *x, *muc_user, *node = NULL;
  const char *from_str;

  g_return_val_if_fail (stanza != NULL, NULL);

  x = holboo_xml_node_get_child (stanza, "x", HOLBOO_XMLNS_CONFERENCE);
  muc_user = holboo_xml_node_get_child (stanza, "x", HOLBOO_XMLNS_MUC_USER);
  if (muc_user != NULL)
    node = holboo_xml_node_get_child (muc_user, "invite", HOLBOO_XMLNS_MUC_USER);
  if (x == NULL && node == NULL)
    return NULL;

  from_str = holboo_xml_node_get_attribute (stanza, "from");
  from = from_str != NULL ? holboo_jid_parse (from_str, -1, NULL) : NULL;
  if (from == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "An invitation without a valid sender");
      return NULL;
    }

  invite = g_new0 (HolbooXmppMucInvite, 1);
  if (node != NULL)
    {
      const char *inviter = holboo_xml_node_get_attribute (node, "from");

      invite->mediated = TRUE;
      invite->room = parse_room (from_str, error);
      if (invite->room == NULL || !holboo_jid_is_bare (from))
        {
          g_clear_error (error);
          g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                               "A mediated invitation that does not come from a room");
          return NULL;
        }
      invite->from = inviter != NULL ? holboo_jid_parse (inviter, -1, NULL) : NULL;
      if (invite->from == NULL)
        invite->from = holboo_jid_ref (from);
      invite->reason = g_strdup (holboo_xml_node_get_child_text (node, "reason", HOLBOO_XMLNS_MUC_USER));
      invite->password = g_strdup (holboo_xml_node_get_child_text (muc_user, "password", HOLBOO_XMLNS_MUC_USER));
    }
  else
    {
      invite->room = parse_room (holboo_xml_node_get_attribute (x, "jid"), error);
      if (invite->room == NULL)
        return NULL;
      invite->from = g_steal_pointer (&from);
      invite->reason = g_strdup (holboo_xml_node_get_attribute (x, "reason"));
      invite->password = g_strdup (holboo_xml_node_get_attribute (x, "password"));
    }
  return g_steal_pointer (&invite);
}

void
holboo_xmpp_muc_invite_free (HolbooXmppMucInvite *invite)
{
  if (invite == NULL)
    return;

  g_clear_pointer (&invite->room, holboo_jid_unref);
  g_clear_pointer (&invite->from, holboo_jid_unref);
  g_free (invite->reason);
  g_free (invite->password);
  g_free (invite);
}

/**
 * holboo_xmpp_muc_build_self_ping:
 *
 * Returns: (transfer full): a XEP-0199 ping to our own occupant JID
 *   (XEP-0410), which the room answers for us only while we are in it
 */
HolbooXmlNode *
holboo_xmpp_muc_build_self_ping (const HolbooJid *room,
                                 const char      *nick)
{
  g_autofree char *to = NULL;
  HolbooXmlNode *iq;

  g_return_val_if_fail (room != NULL, NULL);
  g_return_val_if_fail (nick != NULL, NULL);

  to = occupant_jid (room, nick);
  iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (iq, "type", "get");
  holboo_xml_node_set_attribute (iq, "to", to);
  holboo_xml_node_add_child_ns (iq, "ping", HOLBOO_XMLNS_PING);
  return iq;
}

/**
 * holboo_xmpp_muc_self_ping_outcome:
 * @error: (nullable): %NULL for a result, else the error the ping got
 *
 * XEP-0410 §3: a result, or an error a client gives (service-unavailable,
 * feature-not-implemented) that the room forwarded to our own client,
 * means joined; not-acceptable (and item-not-found, for a nickname the
 * room no longer knows) means not joined; anything else says nothing.
 */
HolbooXmppMucPing
holboo_xmpp_muc_self_ping_outcome (const GError *error)
{
  if (error == NULL)
    return HOLBOO_XMPP_MUC_PING_JOINED;
  if (error->domain != HOLBOO_XMPP_STANZA_ERROR)
    return HOLBOO_XMPP_MUC_PING_UNKNOWN;

  switch ((HolbooXmppStanzaError) error->code)
    {
    case HOLBOO_XMPP_STANZA_ERROR_SERVICE_UNAVAILABLE:
    case HOLBOO_XMPP_STANZA_ERROR_FEATURE_NOT_IMPLEMENTED:
      return HOLBOO_XMPP_MUC_PING_JOINED;
    case HOLBOO_XMPP_STANZA_ERROR_NOT_ACCEPTABLE:
    case HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND:
      return HOLBOO_XMPP_MUC_PING_NOT_JOINED;
    default:
      return HOLBOO_XMPP_MUC_PING_UNKNOWN;
    }
}
