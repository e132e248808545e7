/* holboo-xmpp-presence.c: presence (RFC 6121 §3–4): availability and
 * subscriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Presence comes from anyone: a parsed presence says who sent it and
 * what it claims, nothing more.  An unknown type or an invalid sender
 * makes it malformed; an unknown <show/> or a priority out of range is
 * read as plain availability and priority 0 (RFC 6121 §4.7.2); a status
 * text longer than any client writes is cut.
 */

#define G_LOG_DOMAIN "holboo-xmpp-presence"

#include "config.h"

#include "holboo-xmpp-caps.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-presence.h"

#include <stdlib.h>
#include <string.h>

G_DEFINE_ENUM_TYPE (HolbooXmppPresenceShow, holboo_xmpp_presence_show,
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE, "unavailable"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_PRESENCE_SHOW_XA, "xa"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_PRESENCE_SHOW_AWAY, "away"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_PRESENCE_SHOW_DND, "dnd"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE, "available"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_PRESENCE_SHOW_CHAT, "chat"))

/* Index: HolbooXmppPresenceType; NULL for "no type". */
static const char * const type_names[] = {
  NULL, "unavailable", "subscribe", "subscribed", "unsubscribe", "unsubscribed", "probe", "error"
};

/* Index: HolbooXmppPresenceShow; the <show/> text (NULL: none). */
static const char * const show_names[] = { NULL, "xa", "away", "dnd", NULL, "chat" };

const char *
holboo_xmpp_presence_show_to_string (HolbooXmppPresenceShow show)
{
  static const char * const names[] = { "unavailable", "xa", "away", "dnd", "available", "chat" };

  g_return_val_if_fail (show <= HOLBOO_XMPP_PRESENCE_SHOW_CHAT, NULL);
  return names[show];
}

void
holboo_xmpp_presence_free (HolbooXmppPresence *presence)
{
  if (presence == NULL)
    return;
  g_clear_pointer (&presence->from, holboo_jid_unref);
  g_free (presence->status);
  g_free (presence->caps_node);
  g_free (presence->caps_ver);
  g_free (presence->caps_hash);
  g_free (presence);
}

static char *
cut_status (const char *text)
{
  const char *end;

  if (text == NULL)
    return NULL;
  if (strlen (text) <= HOLBOO_XMPP_PRESENCE_MAX_STATUS_LENGTH)
    return g_strdup (text);

  g_debug ("Cutting a status text of %zu bytes", strlen (text));
  end = g_utf8_find_prev_char (text, text + HOLBOO_XMPP_PRESENCE_MAX_STATUS_LENGTH + 1);
  return g_strndup (text, end - text);
}

static HolbooXmppPresenceShow
parse_show (const char *text)
{
  if (text == NULL)
    return HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE;
  for (guint i = 0; i < G_N_ELEMENTS (show_names); i++)
    if (show_names[i] != NULL && strcmp (text, show_names[i]) == 0)
      return i;
  g_debug ("Reading an unknown presence show “%s” as available", text);
  return HOLBOO_XMPP_PRESENCE_SHOW_AVAILABLE;
}

static int
parse_priority (const char *text)
{
  g_autofree char *stripped = NULL;
  gint64 value;

  if (text == NULL)
    return 0;
  stripped = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_signed (stripped, 10, -128, 127, &value, NULL))
    {
      g_debug ("Reading a presence priority “%s” as 0", stripped);
      return 0;
    }
  return (int) value;
}

/**
 * holboo_xmpp_presence_parse:
 * @stanza: a presence stanza
 * @account: the account's JID
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the presence, or %NULL with
 *   %HOLBOO_XMPP_ERROR_PROTOCOL for one to drop
 */
HolbooXmppPresence *
holboo_xmpp_presence_parse (HolbooXmlNode    *stanza,
                            const HolbooJid  *account,
                            GError          **error)
{
  g_autoptr(HolbooXmppPresence) presence = g_new0 (HolbooXmppPresence, 1);
  const char *type = holboo_xml_node_get_attribute (stanza, "type");
  const char *from = holboo_xml_node_get_attribute (stanza, "from");
  HolbooXmlNode *c;
  gboolean known = FALSE;

  g_return_val_if_fail (stanza != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);

  if (!holboo_xml_node_is (stanza, "presence", HOLBOO_XMLNS_CLIENT))
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL, "Not a presence");
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (type_names) && !known; i++)
    if (g_strcmp0 (type, type_names[i]) == 0)
      {
        presence->type = i;
        known = TRUE;
      }
  if (!known)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A presence of unknown type “%s”", type);
      return NULL;
    }

  if (from == NULL)
    presence->from = holboo_jid_get_bare ((HolbooJid *) account);
  else
    presence->from = holboo_jid_parse (from, -1, NULL);
  if (presence->from == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A presence from an invalid address");
      return NULL;
    }

  presence->status = cut_status (holboo_xml_node_get_child_text (stanza, "status", HOLBOO_XMLNS_CLIENT));
  presence->priority = parse_priority (holboo_xml_node_get_child_text (stanza, "priority", HOLBOO_XMLNS_CLIENT));
  if (presence->type == HOLBOO_XMPP_PRESENCE_AVAILABLE)
    presence->show = parse_show (holboo_xml_node_get_child_text (stanza, "show", HOLBOO_XMLNS_CLIENT));

  c = holboo_xml_node_get_child (stanza, "c", HOLBOO_XMLNS_CAPS);
  if (c != NULL && holboo_xml_node_get_attribute (c, "node") != NULL &&
      holboo_xml_node_get_attribute (c, "ver") != NULL)
    {
      presence->caps_node = g_strdup (holboo_xml_node_get_attribute (c, "node"));
      presence->caps_ver = g_strdup (holboo_xml_node_get_attribute (c, "ver"));
      presence->caps_hash = g_strdup (holboo_xml_node_get_attribute (c, "hash"));
    }

  return g_steal_pointer (&presence);
}

/**
 * holboo_xmpp_presence_build:
 * @show: our availability; %HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE for
 *   an unavailable presence
 * @status: (nullable): the status text
 * @priority: our priority, -128 … 127
 * @caps_node: (nullable): our XEP-0115 node
 * @caps_ver: (nullable): our XEP-0115 verification string (sha-1)
 *
 * Returns: (transfer full): our broadcast presence
 */
HolbooXmlNode *
holboo_xmpp_presence_build (HolbooXmppPresenceShow  show,
                            const char             *status,
                            int                     priority,
                            const char             *caps_node,
                            const char             *caps_ver)
{
  HolbooXmlNode *presence = holboo_xml_node_new ("presence", HOLBOO_XMLNS_CLIENT);

  g_return_val_if_fail (show <= HOLBOO_XMPP_PRESENCE_SHOW_CHAT, presence);
  g_return_val_if_fail (priority >= -128 && priority <= 127, presence);

  if (show == HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE)
    holboo_xml_node_set_attribute (presence, "type", "unavailable");
  else if (show_names[show] != NULL)
    holboo_xml_node_add_text_child (presence, "show", show_names[show]);

  if (status != NULL && *status != '\0')
    {
      g_autofree char *cut = cut_status (status);

      holboo_xml_node_add_text_child (presence, "status", cut);
    }

  if (show != HOLBOO_XMPP_PRESENCE_SHOW_UNAVAILABLE)
    {
      if (priority != 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", priority);

          holboo_xml_node_add_text_child (presence, "priority", text);
        }
      if (caps_node != NULL && caps_ver != NULL)
        {
          g_autoptr(HolbooXmlNode) c = holboo_xmpp_caps_build_c (caps_node, caps_ver);

          holboo_xml_node_append_child (presence, c);
        }
    }
  return presence;
}

/**
 * holboo_xmpp_presence_build_subscription:
 * @to: the contact's bare JID
 * @type: %HOLBOO_XMPP_PRESENCE_SUBSCRIBE (ask), _SUBSCRIBED (approve),
 *   _UNSUBSCRIBED (deny or revoke) or _UNSUBSCRIBE (stop seeing theirs)
 *
 * Returns: (transfer full): the subscription presence
 */
HolbooXmlNode *
holboo_xmpp_presence_build_subscription (const char             *to,
                                         HolbooXmppPresenceType  type)
{
  HolbooXmlNode *presence = holboo_xml_node_new ("presence", HOLBOO_XMLNS_CLIENT);

  g_return_val_if_fail (to != NULL, presence);
  g_return_val_if_fail (type >= HOLBOO_XMPP_PRESENCE_SUBSCRIBE &&
                        type <= HOLBOO_XMPP_PRESENCE_UNSUBSCRIBED, presence);

  holboo_xml_node_set_attribute (presence, "to", to);
  holboo_xml_node_set_attribute (presence, "type", type_names[type]);
  return presence;
}
