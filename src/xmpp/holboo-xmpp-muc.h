/* holboo-xmpp-muc.h: multi-user chat (XEP-0045), direct invitations
 * (XEP-0249) and self-ping (XEP-0410)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-jid.h"
#include "holboo-xml-node.h"
#include "holboo-xmpp-data-form.h"

G_BEGIN_DECLS

#define HOLBOO_XMLNS_MUC        "http://jabber.org/protocol/muc"
#define HOLBOO_XMLNS_MUC_USER   "http://jabber.org/protocol/muc#user"
#define HOLBOO_XMLNS_MUC_ADMIN  "http://jabber.org/protocol/muc#admin"
#define HOLBOO_XMLNS_MUC_OWNER  "http://jabber.org/protocol/muc#owner"
#define HOLBOO_XMLNS_MUC_CONFIG "http://jabber.org/protocol/muc#roomconfig"
#define HOLBOO_XMLNS_CONFERENCE "jabber:x:conference"

/* Nicknames longer than this (bytes) are refused before they are sent. */
#define HOLBOO_XMPP_MUC_MAX_NICK_LENGTH 128

/**
 * HolbooMucRole:
 *
 * An occupant's role in a room (XEP-0045 §5.1).  Stored nowhere: the
 * values may change.
 */
typedef enum {
  HOLBOO_MUC_ROLE_NONE,
  HOLBOO_MUC_ROLE_VISITOR,
  HOLBOO_MUC_ROLE_PARTICIPANT,
  HOLBOO_MUC_ROLE_MODERATOR,
} HolbooMucRole;

/**
 * HolbooMucAffiliation:
 *
 * A user's long-lived affiliation with a room (XEP-0045 §5.2).
 */
typedef enum {
  HOLBOO_MUC_AFFILIATION_NONE,
  HOLBOO_MUC_AFFILIATION_OUTCAST,
  HOLBOO_MUC_AFFILIATION_MEMBER,
  HOLBOO_MUC_AFFILIATION_ADMIN,
  HOLBOO_MUC_AFFILIATION_OWNER,
} HolbooMucAffiliation;

#define HOLBOO_TYPE_MUC_ROLE        (holboo_muc_role_get_type ())
#define HOLBOO_TYPE_MUC_AFFILIATION (holboo_muc_affiliation_get_type ())
GType holboo_muc_role_get_type        (void) G_GNUC_CONST;
GType holboo_muc_affiliation_get_type (void) G_GNUC_CONST;

const char           *holboo_muc_role_to_string        (HolbooMucRole         role);
HolbooMucRole         holboo_muc_role_from_string      (const char           *text);
const char           *holboo_muc_affiliation_to_string (HolbooMucAffiliation  affiliation);
HolbooMucAffiliation  holboo_muc_affiliation_from_string (const char         *text);

/**
 * HolbooXmppMucStatus:
 *
 * The status codes (XEP-0045 §15.6) Holboo acts on, as flags.
 */
typedef enum {
  HOLBOO_XMPP_MUC_STATUS_NON_ANONYMOUS = 1 << 0,   /* 100 */
  HOLBOO_XMPP_MUC_STATUS_SELF          = 1 << 1,   /* 110 */
  HOLBOO_XMPP_MUC_STATUS_LOGGED        = 1 << 2,   /* 170 */
  HOLBOO_XMPP_MUC_STATUS_CREATED       = 1 << 3,   /* 201 */
  HOLBOO_XMPP_MUC_STATUS_NICK_MODIFIED = 1 << 4,   /* 210 */
  HOLBOO_XMPP_MUC_STATUS_BANNED        = 1 << 5,   /* 301 */
  HOLBOO_XMPP_MUC_STATUS_NEW_NICK      = 1 << 6,   /* 303 */
  HOLBOO_XMPP_MUC_STATUS_KICKED        = 1 << 7,   /* 307 */
  HOLBOO_XMPP_MUC_STATUS_AFFILIATION   = 1 << 8,   /* 321: removed, affiliation changed */
  HOLBOO_XMPP_MUC_STATUS_MEMBERS_ONLY  = 1 << 9,   /* 322: removed, room became members-only */
  HOLBOO_XMPP_MUC_STATUS_SHUTDOWN      = 1 << 10,  /* 332: removed, service shutting down */
  HOLBOO_XMPP_MUC_STATUS_ERROR         = 1 << 11,  /* 333: removed, a technical error */
  HOLBOO_XMPP_MUC_STATUS_CONFIG        = 1 << 12,  /* 104: the configuration changed */
} HolbooXmppMucStatus;

/* Statuses that say an occupant was made to leave. */
#define HOLBOO_XMPP_MUC_STATUS_REMOVED (HOLBOO_XMPP_MUC_STATUS_BANNED | HOLBOO_XMPP_MUC_STATUS_KICKED | \
                                        HOLBOO_XMPP_MUC_STATUS_AFFILIATION | HOLBOO_XMPP_MUC_STATUS_MEMBERS_ONLY | \
                                        HOLBOO_XMPP_MUC_STATUS_SHUTDOWN | HOLBOO_XMPP_MUC_STATUS_ERROR)

typedef enum {
  HOLBOO_XMPP_MUC_PRESENCE_AVAILABLE,
  HOLBOO_XMPP_MUC_PRESENCE_UNAVAILABLE,
  HOLBOO_XMPP_MUC_PRESENCE_ERROR,
} HolbooXmppMucPresenceType;

/**
 * HolbooXmppMucPresence:
 * @room: the room's bare JID
 * @nick: the occupant's nickname (the from's resource)
 * @real_jid: (nullable): the occupant's full JID, when the room shows it
 * @new_nick: (nullable): with %HOLBOO_XMPP_MUC_STATUS_NEW_NICK
 * @destroyed: the room was destroyed (@reason, @alternate may say why)
 * @error: (nullable): for type error, the stanza error
 */
typedef struct {
  HolbooJid                 *room;
  char                      *nick;
  HolbooXmppMucPresenceType  type;
  HolbooMucRole              role;
  HolbooMucAffiliation       affiliation;
  HolbooJid                 *real_jid;
  guint                      status;
  char                      *new_nick;
  gboolean                   destroyed;
  char                      *reason;
  char                      *alternate;
  GError                    *error;
} HolbooXmppMucPresence;

/**
 * HolbooXmppMucInvite:
 * @room: the room's bare JID
 * @from: who invites: the inviter (direct), or as the room says (mediated)
 * @mediated: the room relayed it (XEP-0045 §7.8.2) rather than the
 *   inviter sending it directly (XEP-0249)
 */
typedef struct {
  HolbooJid *room;
  HolbooJid *from;
  char      *reason;
  char      *password;
  gboolean   mediated;
} HolbooXmppMucInvite;

/**
 * HolbooXmppMucPing:
 * @HOLBOO_XMPP_MUC_PING_JOINED: still an occupant
 * @HOLBOO_XMPP_MUC_PING_NOT_JOINED: the room no longer knows us: rejoin
 * @HOLBOO_XMPP_MUC_PING_UNKNOWN: no answer that says either (the room's
 *   server did not answer): try again later
 */
typedef enum {
  HOLBOO_XMPP_MUC_PING_JOINED,
  HOLBOO_XMPP_MUC_PING_NOT_JOINED,
  HOLBOO_XMPP_MUC_PING_UNKNOWN,
} HolbooXmppMucPing;

/* Presence */
HolbooXmlNode         *holboo_xmpp_muc_build_join       (const HolbooJid       *room,
                                                         const char            *nick,
                                                         const char            *password);
HolbooXmlNode         *holboo_xmpp_muc_build_leave      (const HolbooJid       *room,
                                                         const char            *nick);
gboolean               holboo_xmpp_muc_is_muc_presence  (HolbooXmlNode         *stanza);
HolbooXmppMucPresence *holboo_xmpp_muc_presence_parse   (HolbooXmlNode         *stanza,
                                                         GError               **error);
void                   holboo_xmpp_muc_presence_free    (HolbooXmppMucPresence *presence);

/* Configuration and affiliations (iqs without ids) */
HolbooXmlNode         *holboo_xmpp_muc_build_config_get (const HolbooJid       *room);
HolbooXmppDataForm    *holboo_xmpp_muc_parse_config     (HolbooXmlNode         *iq,
                                                         GError               **error);
void                   holboo_xmpp_muc_config_set_team_defaults (HolbooXmppDataForm *form,
                                                         const char            *name);
HolbooXmlNode         *holboo_xmpp_muc_build_config_set (const HolbooJid       *room,
                                                         HolbooXmppDataForm    *form);
HolbooXmlNode         *holboo_xmpp_muc_build_set_affiliation (const HolbooJid  *room,
                                                         const char            *jid,
                                                         HolbooMucAffiliation   affiliation,
                                                         const char            *reason);
HolbooXmlNode         *holboo_xmpp_muc_build_destroy    (const HolbooJid       *room,
                                                         const char            *reason);

/* Messages */
HolbooXmlNode         *holboo_xmpp_muc_build_groupchat  (const char            *room,
                                                         const char            *id,
                                                         const char            *body,
                                                         const char            *origin_id);
const char            *holboo_xmpp_muc_get_subject      (HolbooXmlNode         *stanza,
                                                         gboolean              *has_subject);

/* Invitations */
HolbooXmlNode         *holboo_xmpp_muc_build_invite     (const char            *to,
                                                         const HolbooJid       *room,
                                                         const char            *reason,
                                                         const char            *password);
HolbooXmppMucInvite   *holboo_xmpp_muc_parse_invite     (HolbooXmlNode         *stanza,
                                                         GError               **error);
void                   holboo_xmpp_muc_invite_free      (HolbooXmppMucInvite   *invite);

/* Self-ping */
HolbooXmlNode         *holboo_xmpp_muc_build_self_ping  (const HolbooJid       *room,
                                                         const char            *nick);
HolbooXmppMucPing      holboo_xmpp_muc_self_ping_outcome (const GError         *error);

gboolean               holboo_xmpp_muc_nick_is_valid    (const char            *nick);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppMucPresence, holboo_xmpp_muc_presence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmppMucInvite, holboo_xmpp_muc_invite_free)

G_END_DECLS
