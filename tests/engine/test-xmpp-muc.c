/* test-xmpp-muc.c: group chat stanzas without a server: joins and room
 * presences with their status codes (XEP-0045), the configuration form
 * (XEP-0004), affiliations, invitations (XEP-0249 and mediated),
 * bookmarks (XEP-0402) and self-ping outcomes (XEP-0410) — valid,
 * forged and broken input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xmpp-bookmarks.h"
#include "holboo-xmpp-data-form.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-muc.h"

#include <string.h>

#define ROOM "borluulalt@conference.example.mn"

static HolbooXmlNode *
parse (const char *xml)
{
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static HolbooJid *
jid (const char *text)
{
  HolbooJid *j = holboo_jid_parse (text, -1, NULL);

  g_assert_nonnull (j);
  return j;
}

static char *
to_string (HolbooXmlNode *node)
{
  return holboo_xml_node_to_string (node);
}

static void
test_join_and_leave (void)
{
  g_autoptr(HolbooJid) room = jid (ROOM);
  g_autoptr(HolbooXmlNode) join = holboo_xmpp_muc_build_join (room, "Болд", NULL);
  g_autoptr(HolbooXmlNode) join_pw = holboo_xmpp_muc_build_join (room, "Болд", "нууц");
  g_autoptr(HolbooXmlNode) leave = holboo_xmpp_muc_build_leave (room, "Болд");
  HolbooXmlNode *x, *history;

  g_assert_cmpstr (holboo_xml_node_get_attribute (join, "to"), ==, ROOM "/Болд");
  x = holboo_xml_node_get_child (join, "x", HOLBOO_XMLNS_MUC);
  g_assert_nonnull (x);
  /* History comes from the archive only. */
  history = holboo_xml_node_get_child (x, "history", HOLBOO_XMLNS_MUC);
  g_assert_cmpstr (holboo_xml_node_get_attribute (history, "maxstanzas"), ==, "0");
  g_assert_null (holboo_xml_node_get_child (x, "password", HOLBOO_XMLNS_MUC));
  g_assert_cmpstr (holboo_xml_node_get_child_text (holboo_xml_node_get_child (join_pw, "x", HOLBOO_XMLNS_MUC),
                                                   "password", HOLBOO_XMLNS_MUC), ==, "нууц");

  g_assert_cmpstr (holboo_xml_node_get_attribute (leave, "type"), ==, "unavailable");
  g_assert_cmpstr (holboo_xml_node_get_attribute (leave, "to"), ==, ROOM "/Болд");

  g_assert_true (holboo_xmpp_muc_nick_is_valid ("Сараа"));
  g_assert_false (holboo_xmpp_muc_nick_is_valid (""));
  g_assert_false (holboo_xmpp_muc_nick_is_valid (NULL));
  {
    g_autofree char *long_nick = g_strnfill (HOLBOO_XMPP_MUC_MAX_NICK_LENGTH + 1, 'a');

    g_assert_false (holboo_xmpp_muc_nick_is_valid (long_nick));
  }
}

static HolbooXmppMucPresence *
presence (const char *xml)
{
  g_autoptr(HolbooXmlNode) stanza = parse (xml);
  g_autoptr(GError) error = NULL;
  HolbooXmppMucPresence *p;

  g_assert_true (holboo_xmpp_muc_is_muc_presence (stanza));
  p = holboo_xmpp_muc_presence_parse (stanza, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
test_presence_self_and_created (void)
{
  g_autoptr(HolbooXmppMucPresence) p = presence (
    "<presence xmlns='jabber:client' from='" ROOM "/Болд'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item affiliation='owner' role='moderator' jid='bold@example.mn/desk'/>"
    "<status code='110'/><status code='201'/><status code='100'/><status code='999'/>"
    "</x></presence>");

  g_assert_cmpstr (holboo_jid_to_string (p->room), ==, ROOM);
  g_assert_cmpstr (p->nick, ==, "Болд");
  g_assert_cmpint (p->type, ==, HOLBOO_XMPP_MUC_PRESENCE_AVAILABLE);
  g_assert_cmpint (p->role, ==, HOLBOO_MUC_ROLE_MODERATOR);
  g_assert_cmpint (p->affiliation, ==, HOLBOO_MUC_AFFILIATION_OWNER);
  g_assert_cmpstr (holboo_jid_to_string (p->real_jid), ==, "bold@example.mn/desk");
  g_assert_cmpuint (p->status, ==, HOLBOO_XMPP_MUC_STATUS_SELF | HOLBOO_XMPP_MUC_STATUS_CREATED |
                                   HOLBOO_XMPP_MUC_STATUS_NON_ANONYMOUS);
  g_assert_false (p->destroyed);
}

static void
test_presence_removals (void)
{
  g_autoptr(HolbooXmppMucPresence) kicked = presence (
    "<presence xmlns='jabber:client' from='" ROOM "/Сараа' type='unavailable'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item affiliation='none' role='none'><reason>Spam</reason></item><status code='307'/>"
    "</x></presence>");
  g_autoptr(HolbooXmppMucPresence) banned = presence (
    "<presence xmlns='jabber:client' from='" ROOM "/Сараа' type='unavailable'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item affiliation='outcast' role='none'/><status code='301'/><status code='110'/>"
    "</x></presence>");
  g_autoptr(HolbooXmppMucPresence) removed = presence (
    "<presence xmlns='jabber:client' from='" ROOM "/Сараа' type='unavailable'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item affiliation='none' role='none'/><status code='321'/></x></presence>");
  g_autoptr(HolbooXmppMucPresence) shutdown = presence (
    "<presence xmlns='jabber:client' from='" ROOM "/Сараа' type='unavailable'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item role='none'/><status code='332'/></x></presence>");
  g_autoptr(HolbooXmppMucPresence) destroyed = presence (
    "<presence xmlns='jabber:client' from='" ROOM "/Сараа' type='unavailable'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item affiliation='none' role='none'/>"
    "<destroy jid='new@conference.example.mn'><reason>Нүүсэн</reason></destroy>"
    "</x></presence>");
  g_autoptr(HolbooXmppMucPresence) renamed = presence (
    "<presence xmlns='jabber:client' from='" ROOM "/Сараа' type='unavailable'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item affiliation='member' role='participant' nick='Сараа Б'/><status code='303'/>"
    "</x></presence>");

  g_assert_cmpint (kicked->type, ==, HOLBOO_XMPP_MUC_PRESENCE_UNAVAILABLE);
  g_assert_true (kicked->status & HOLBOO_XMPP_MUC_STATUS_KICKED);
  g_assert_cmpstr (kicked->reason, ==, "Spam");
  g_assert_true (banned->status & HOLBOO_XMPP_MUC_STATUS_BANNED);
  g_assert_true (banned->status & HOLBOO_XMPP_MUC_STATUS_SELF);
  g_assert_cmpint (banned->affiliation, ==, HOLBOO_MUC_AFFILIATION_OUTCAST);
  g_assert_true (removed->status & HOLBOO_XMPP_MUC_STATUS_AFFILIATION);
  g_assert_true (removed->status & HOLBOO_XMPP_MUC_STATUS_REMOVED);
  g_assert_true (shutdown->status & HOLBOO_XMPP_MUC_STATUS_SHUTDOWN);
  g_assert_true (destroyed->destroyed);
  g_assert_cmpstr (destroyed->reason, ==, "Нүүсэн");
  g_assert_cmpstr (destroyed->alternate, ==, "new@conference.example.mn");
  g_assert_cmpstr (renamed->new_nick, ==, "Сараа Б");
  g_assert_true (renamed->status & HOLBOO_XMPP_MUC_STATUS_NEW_NICK);
}

static void
test_presence_error (void)
{
  g_autoptr(HolbooXmppMucPresence) p = presence (
    "<presence xmlns='jabber:client' from='" ROOM "/Болд' type='error'>"
    "<x xmlns='http://jabber.org/protocol/muc'/>"
    "<error type='cancel'><conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error>"
    "</presence>");

  g_assert_cmpint (p->type, ==, HOLBOO_XMPP_MUC_PRESENCE_ERROR);
  g_assert_error (p->error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_CONFLICT);
}

static void
test_presence_hostile (void)
{
  static const char * const bad[] = {
    /* not from room/nick */
    "<presence xmlns='jabber:client' from='" ROOM "'><x xmlns='http://jabber.org/protocol/muc#user'/></presence>",
    "<presence xmlns='jabber:client'><x xmlns='http://jabber.org/protocol/muc#user'/></presence>",
    "<presence xmlns='jabber:client' from='conference.example.mn/x'><x xmlns='http://jabber.org/protocol/muc#user'/></presence>",
    "<presence xmlns='jabber:client' from='a@b@c/x'><x xmlns='http://jabber.org/protocol/muc#user'/></presence>",
    /* a real JID that is none */
    "<presence xmlns='jabber:client' from='" ROOM "/x'><x xmlns='http://jabber.org/protocol/muc#user'>"
    "<item jid='@@'/></x></presence>",
    /* a nickname change without a new nickname */
    "<presence xmlns='jabber:client' from='" ROOM "/x' type='unavailable'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'><item/><status code='303'/></x></presence>",
    /* a subscription request dressed as a room presence */
    "<presence xmlns='jabber:client' from='" ROOM "/x' type='subscribe'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'/></presence>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HolbooXmlNode) stanza = parse (bad[i]);
      g_autoptr(HolbooXmppMucPresence) p = NULL;
      g_autoptr(GError) error = NULL;

      p = holboo_xmpp_muc_presence_parse (stanza, &error);
      g_assert_null (p);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
    }

  /* Plain presences are not the rooms'. */
  {
    g_autoptr(HolbooXmlNode) plain = parse ("<presence xmlns='jabber:client' from='bat@example.mn/phone'/>");

    g_assert_false (holboo_xmpp_muc_is_muc_presence (plain));
  }
}

static const char *config_form =
  "<iq xmlns='jabber:client' type='result' from='" ROOM "'>"
  "<query xmlns='http://jabber.org/protocol/muc#owner'>"
  "<x xmlns='jabber:x:data' type='form'><title>Тохиргоо</title>"
  "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/muc#roomconfig</value></field>"
  "<field type='fixed'><value>Room settings</value></field>"
  "<field var='muc#roomconfig_roomname' type='text-single' label='Name'><value/></field>"
  "<field var='muc#roomconfig_persistentroom' type='boolean'><value>0</value></field>"
  "<field var='muc#roomconfig_membersonly' type='boolean'><value>false</value></field>"
  "<field var='muc#roomconfig_publicroom' type='boolean'><value>1</value></field>"
  "<field var='muc#roomconfig_whois' type='list-single'><value>moderators</value>"
  "<option label='Moderators'><value>moderators</value></option>"
  "<option label='Anyone'><value>anyone</value></option></field>"
  "<field var='muc#roomconfig_enablearchiving' type='boolean'><value>0</value></field>"
  "<field var='muc#roomadmins' type='jid-multi'><value>a@example.mn</value><value>b@example.mn</value></field>"
  "</x></query></iq>";

static void
test_config_form (void)
{
  g_autoptr(HolbooXmlNode) iq = parse (config_form);
  g_autoptr(HolbooJid) room = jid (ROOM);
  g_autoptr(HolbooXmppDataForm) form = NULL;
  g_autoptr(HolbooXmppDataForm) submit = NULL;
  g_autoptr(HolbooXmppDataForm) reparsed = NULL;
  g_autoptr(HolbooXmlNode) set = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmppDataField *whois, *admins;
  HolbooXmlNode *x;

  form = holboo_xmpp_muc_parse_config (iq, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (form->type, ==, "form");
  g_assert_cmpstr (form->title, ==, "Тохиргоо");
  g_assert_cmpstr (form->form_type, ==, HOLBOO_XMLNS_MUC_CONFIG);
  g_assert_false (holboo_xmpp_data_form_get_boolean (form, "muc#roomconfig_persistentroom", TRUE));
  g_assert_false (holboo_xmpp_data_form_get_boolean (form, "muc#roomconfig_membersonly", TRUE));
  g_assert_true (holboo_xmpp_data_form_get_boolean (form, "no-such-field", TRUE));
  whois = holboo_xmpp_data_form_get_field (form, "muc#roomconfig_whois");
  g_assert_cmpuint (g_strv_length (whois->options), ==, 2);
  g_assert_cmpstr (whois->options[1], ==, "anyone");

  holboo_xmpp_muc_config_set_team_defaults (form, "Борлуулалт");
  /* Fields the server does not offer are not invented. */
  g_assert_null (holboo_xmpp_data_form_get_field (form, "mam"));

  submit = holboo_xmpp_data_form_to_submit (form);
  set = holboo_xmpp_muc_build_config_set (room, submit);
  g_assert_cmpstr (holboo_xml_node_get_attribute (set, "type"), ==, "set");
  x = holboo_xml_node_get_child (holboo_xml_node_get_child (set, "query", HOLBOO_XMLNS_MUC_OWNER),
                                 "x", HOLBOO_XMLNS_DATA);
  reparsed = holboo_xmpp_data_form_parse (x, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reparsed->type, ==, "submit");
  g_assert_cmpstr (reparsed->form_type, ==, HOLBOO_XMLNS_MUC_CONFIG);
  g_assert_true (holboo_xmpp_data_form_get_boolean (reparsed, "muc#roomconfig_persistentroom", FALSE));
  g_assert_true (holboo_xmpp_data_form_get_boolean (reparsed, "muc#roomconfig_membersonly", FALSE));
  g_assert_false (holboo_xmpp_data_form_get_boolean (reparsed, "muc#roomconfig_publicroom", TRUE));
  g_assert_true (holboo_xmpp_data_form_get_boolean (reparsed, "muc#roomconfig_enablearchiving", FALSE));
  g_assert_cmpstr (holboo_xmpp_data_form_get_value (reparsed, "muc#roomconfig_whois"), ==, "anyone");
  g_assert_cmpstr (holboo_xmpp_data_form_get_value (reparsed, "muc#roomconfig_roomname"), ==, "Борлуулалт");
  /* Untouched multi-valued fields go back as they came; fixed ones not. */
  admins = holboo_xmpp_data_form_get_field (reparsed, "muc#roomadmins");
  g_assert_cmpuint (g_strv_length (admins->values), ==, 2);
  g_assert_cmpuint (reparsed->fields->len, ==, form->fields->len - 1);
}

static void
test_config_hostile (void)
{
  g_autoptr(GString) big = g_string_new ("<x xmlns='jabber:x:data' type='form'>");
  g_autoptr(HolbooXmlNode) node = NULL;
  g_autoptr(HolbooXmlNode) no_form = parse ("<iq xmlns='jabber:client' type='result'>"
                                            "<query xmlns='http://jabber.org/protocol/muc#owner'/></iq>");
  g_autoptr(HolbooXmlNode) no_type = parse ("<x xmlns='jabber:x:data'/>");
  g_autoptr(HolbooXmppDataForm) form = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= HOLBOO_XMPP_DATA_FORM_MAX_FIELDS; i++)
    g_string_append_printf (big, "<field var='f%u'/>", i);
  g_string_append (big, "</x>");
  node = parse (big->str);
  form = holboo_xmpp_data_form_parse (node, &error);
  g_assert_null (form);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_clear_error (&error);

  g_assert_null (holboo_xmpp_muc_parse_config (no_form, &error));
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
  g_clear_error (&error);
  g_assert_null (holboo_xmpp_data_form_parse (no_type, &error));
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
}

static void
test_admin_stanzas (void)
{
  g_autoptr(HolbooJid) room = jid (ROOM);
  g_autoptr(HolbooXmlNode) iq = holboo_xmpp_muc_build_set_affiliation (room, "sara@example.mn",
                                                                       HOLBOO_MUC_AFFILIATION_ADMIN, "Менежер");
  g_autoptr(HolbooXmlNode) message = holboo_xmpp_muc_build_groupchat (ROOM, "o1", "Сайн уу", "o1");
  g_autoptr(HolbooXmlNode) ping = holboo_xmpp_muc_build_self_ping (room, "Болд");
  g_autofree char *message_text = to_string (message);
  HolbooXmlNode *item;

  item = holboo_xml_node_get_child (holboo_xml_node_get_child (iq, "query", HOLBOO_XMLNS_MUC_ADMIN),
                                    "item", HOLBOO_XMLNS_MUC_ADMIN);
  g_assert_cmpstr (holboo_xml_node_get_attribute (item, "jid"), ==, "sara@example.mn");
  g_assert_cmpstr (holboo_xml_node_get_attribute (item, "affiliation"), ==, "admin");
  g_assert_cmpstr (holboo_xml_node_get_child_text (item, "reason", HOLBOO_XMLNS_MUC_ADMIN), ==, "Менежер");

  g_assert_cmpstr (holboo_xml_node_get_attribute (message, "type"), ==, "groupchat");
  g_assert_cmpstr (holboo_xml_node_get_attribute (holboo_xml_node_get_child (message, "origin-id", "urn:xmpp:sid:0"),
                                                  "id"), ==, "o1");
  /* No receipt request in a room (XEP-0184 §5.3). */
  g_assert_null (strstr (message_text, "urn:xmpp:receipts"));

  g_assert_cmpstr (holboo_xml_node_get_attribute (ping, "to"), ==, ROOM "/Болд");
  g_assert_nonnull (holboo_xml_node_get_child (ping, "ping", "urn:xmpp:ping"));

  g_assert_cmpint (holboo_muc_affiliation_from_string ("owner"), ==, HOLBOO_MUC_AFFILIATION_OWNER);
  g_assert_cmpint (holboo_muc_affiliation_from_string ("bogus"), ==, HOLBOO_MUC_AFFILIATION_NONE);
  g_assert_cmpstr (holboo_muc_role_to_string (HOLBOO_MUC_ROLE_VISITOR), ==, "visitor");
}

static void
test_self_ping_outcome (void)
{
  g_autoptr(GError) unavailable = g_error_new_literal (HOLBOO_XMPP_STANZA_ERROR,
                                                       HOLBOO_XMPP_STANZA_ERROR_SERVICE_UNAVAILABLE, "x");
  g_autoptr(GError) not_acceptable = g_error_new_literal (HOLBOO_XMPP_STANZA_ERROR,
                                                          HOLBOO_XMPP_STANZA_ERROR_NOT_ACCEPTABLE, "x");
  g_autoptr(GError) timeout = g_error_new_literal (HOLBOO_XMPP_STANZA_ERROR,
                                                   HOLBOO_XMPP_STANZA_ERROR_REMOTE_SERVER_TIMEOUT, "x");
  g_autoptr(GError) lost = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_DISCONNECTED, "x");

  g_assert_cmpint (holboo_xmpp_muc_self_ping_outcome (NULL), ==, HOLBOO_XMPP_MUC_PING_JOINED);
  g_assert_cmpint (holboo_xmpp_muc_self_ping_outcome (unavailable), ==, HOLBOO_XMPP_MUC_PING_JOINED);
  g_assert_cmpint (holboo_xmpp_muc_self_ping_outcome (not_acceptable), ==, HOLBOO_XMPP_MUC_PING_NOT_JOINED);
  g_assert_cmpint (holboo_xmpp_muc_self_ping_outcome (timeout), ==, HOLBOO_XMPP_MUC_PING_UNKNOWN);
  g_assert_cmpint (holboo_xmpp_muc_self_ping_outcome (lost), ==, HOLBOO_XMPP_MUC_PING_UNKNOWN);
}

static void
test_invites (void)
{
  g_autoptr(HolbooJid) room = jid (ROOM);
  g_autoptr(HolbooXmlNode) direct = holboo_xmpp_muc_build_invite ("sara@example.mn", room, "Манай баг", NULL);
  g_autoptr(HolbooXmppMucInvite) parsed = NULL;
  g_autoptr(HolbooXmppMucInvite) mediated = NULL;
  g_autoptr(HolbooXmlNode) mediated_stanza = parse (
    "<message xmlns='jabber:client' from='" ROOM "' to='sara@example.mn'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'>"
    "<invite from='bold@example.mn/desk'><reason>Орж ирээрэй</reason></invite>"
    "<password>pw</password></x></message>");
  g_autoptr(HolbooXmlNode) plain = parse ("<message xmlns='jabber:client' from='a@b'><body>x</body></message>");
  g_autoptr(GError) error = NULL;

  holboo_xml_node_set_attribute (direct, "from", "bold@example.mn/desk");
  parsed = holboo_xmpp_muc_parse_invite (direct, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_jid_to_string (parsed->room), ==, ROOM);
  g_assert_cmpstr (holboo_jid_to_string (parsed->from), ==, "bold@example.mn/desk");
  g_assert_cmpstr (parsed->reason, ==, "Манай баг");
  g_assert_false (parsed->mediated);

  mediated = holboo_xmpp_muc_parse_invite (mediated_stanza, &error);
  g_assert_no_error (error);
  g_assert_true (mediated->mediated);
  g_assert_cmpstr (holboo_jid_to_string (mediated->room), ==, ROOM);
  g_assert_cmpstr (holboo_jid_to_string (mediated->from), ==, "bold@example.mn/desk");
  g_assert_cmpstr (mediated->reason, ==, "Орж ирээрэй");
  g_assert_cmpstr (mediated->password, ==, "pw");

  g_assert_null (holboo_xmpp_muc_parse_invite (plain, &error));
  g_assert_no_error (error);
}

static void
test_invites_hostile (void)
{
  static const char * const bad[] = {
    /* a room that is no address */
    "<message xmlns='jabber:client' from='eve@example.mn/x'><x xmlns='jabber:x:conference' jid='@@'/></message>",
    /* a room that is a server */
    "<message xmlns='jabber:client' from='eve@example.mn/x'><x xmlns='jabber:x:conference' jid='example.mn'/></message>",
    "<message xmlns='jabber:client' from='eve@example.mn/x'><x xmlns='jabber:x:conference'/></message>",
    /* a "mediated" invitation from a person, not a room */
    "<message xmlns='jabber:client' from='eve@example.mn/x'>"
    "<x xmlns='http://jabber.org/protocol/muc#user'><invite from='bold@example.mn'/></x></message>",
    "<message xmlns='jabber:client'><x xmlns='jabber:x:conference' jid='" ROOM "'/></message>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(HolbooXmlNode) stanza = parse (bad[i]);
      g_autoptr(HolbooXmppMucInvite) invite = NULL;
      g_autoptr(GError) error = NULL;

      invite = holboo_xmpp_muc_parse_invite (stanza, &error);
      g_assert_null (invite);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
    }
}

static void
test_bookmarks (void)
{
  g_autoptr(HolbooJid) room = jid (ROOM);
  g_autoptr(HolbooJid) account = jid ("bold@example.mn");
  g_autoptr(HolbooXmppBookmark) bookmark = holboo_xmpp_bookmark_new (room);
  g_autoptr(HolbooXmlNode) publish = NULL;
  g_autoptr(HolbooXmlNode) create = holboo_xmpp_bookmarks_build_create ();
  g_autoptr(HolbooXmlNode) items = NULL;
  g_autoptr(HolbooXmlNode) push = NULL;
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(HolbooXmppBookmarksEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *publish_text = NULL;
  g_autofree char *create_text = NULL;
  HolbooXmppBookmark *b;

  bookmark->name = g_strdup ("Борлуулалт");
  bookmark->nick = g_strdup ("Болд");
  bookmark->autojoin = TRUE;
  publish = holboo_xmpp_bookmarks_build_publish (bookmark);
  publish_text = to_string (publish);
  create_text = to_string (create);
  /* ejabberd 23.01 refuses max_items in publish-options: only at creation. */
  g_assert_null (strstr (publish_text, "pubsub#max_items"));
  g_assert_null (strstr (publish_text, "pubsub#send_last_published_item"));
  g_assert_nonnull (strstr (create_text, "pubsub#max_items"));
  g_assert_nonnull (strstr (publish_text, "whitelist"));

  items = parse (
    "<iq xmlns='jabber:client' type='result'>"
    "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='urn:xmpp:bookmarks:1'>"
    "<item id='" ROOM "'><conference xmlns='urn:xmpp:bookmarks:1' name='Борлуулалт' autojoin='true'>"
    "<nick>Болд</nick></conference></item>"
    "<item id='other@conference.example.mn'><conference xmlns='urn:xmpp:bookmarks:1' autojoin='0'/></item>"
    "<item id='not a jid@@'><conference xmlns='urn:xmpp:bookmarks:1' autojoin='1'/></item>"
    "<item id='example.mn'><conference xmlns='urn:xmpp:bookmarks:1' autojoin='1'/></item>"
    "<item id='x@conference.example.mn'/>"
    "</items></pubsub></iq>");
  parsed = holboo_xmpp_bookmarks_parse_items (items, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 2);
  b = parsed->pdata[0];
  g_assert_cmpstr (holboo_jid_to_string (b->room), ==, ROOM);
  g_assert_cmpstr (b->name, ==, "Борлуулалт");
  g_assert_cmpstr (b->nick, ==, "Болд");
  g_assert_true (b->autojoin);
  g_assert_false (((HolbooXmppBookmark *) parsed->pdata[1])->autojoin);

  push = parse (
    "<message xmlns='jabber:client' from='bold@example.mn'>"
    "<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='urn:xmpp:bookmarks:1'>"
    "<item id='" ROOM "'><conference xmlns='urn:xmpp:bookmarks:1' autojoin='true'/></item>"
    "<retract id='old@conference.example.mn'/>"
    "</items></event></message>");
  event = holboo_xmpp_bookmarks_parse_event (push, account, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (event->published->len, ==, 1);
  g_assert_cmpuint (event->retracted->len, ==, 1);
  g_assert_cmpstr (holboo_jid_to_string (event->retracted->pdata[0]), ==, "old@conference.example.mn");
}

static void
test_bookmarks_forged (void)
{
  g_autoptr(HolbooJid) account = jid ("bold@example.mn");
  static const char * const forged[] = {
    "eve@example.mn", "bold@example.mn/evil", "example.mn",
  };

  for (guint i = 0; i < G_N_ELEMENTS (forged); i++)
    {
      g_autofree char *xml = g_strdup_printf (
        "<message xmlns='jabber:client' from='%s'>"
        "<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='urn:xmpp:bookmarks:1'>"
        "<item id='evil@conference.example.mn'><conference xmlns='urn:xmpp:bookmarks:1' autojoin='true'/></item>"
        "</items></event></message>", forged[i]);
      g_autoptr(HolbooXmlNode) push = parse (xml);
      g_autoptr(HolbooXmppBookmarksEvent) event = NULL;
      g_autoptr(GError) error = NULL;

      event = holboo_xmpp_bookmarks_parse_event (push, account, &error);
      g_assert_null (event);
      g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
    }

  /* Another node's events are not bookmarks. */
  {
    g_autoptr(HolbooXmlNode) other = parse (
      "<message xmlns='jabber:client' from='bold@example.mn'>"
      "<event xmlns='http://jabber.org/protocol/pubsub#event'><items node='urn:xmpp:avatar:metadata'/>"
      "</event></message>");
    g_autoptr(GError) error = NULL;

    g_assert_null (holboo_xmpp_bookmarks_parse_event (other, account, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/muc/join-and-leave", test_join_and_leave);
  g_test_add_func ("/xmpp/muc/presence/self-and-created", test_presence_self_and_created);
  g_test_add_func ("/xmpp/muc/presence/removals", test_presence_removals);
  g_test_add_func ("/xmpp/muc/presence/error", test_presence_error);
  g_test_add_func ("/xmpp/muc/presence/hostile", test_presence_hostile);
  g_test_add_func ("/xmpp/muc/config/form", test_config_form);
  g_test_add_func ("/xmpp/muc/config/hostile", test_config_hostile);
  g_test_add_func ("/xmpp/muc/admin-stanzas", test_admin_stanzas);
  g_test_add_func ("/xmpp/muc/self-ping", test_self_ping_outcome);
  g_test_add_func ("/xmpp/muc/invites", test_invites);
  g_test_add_func ("/xmpp/muc/invites/hostile", test_invites_hostile);
  g_test_add_func ("/xmpp/muc/bookmarks", test_bookmarks);
  g_test_add_func ("/xmpp/muc/bookmarks/forged", test_bookmarks_forged);

  return g_test_run ();
}
