/* holboo-xmpp-message.c: message stanzas (RFC 6121 §5), their unique
 * and stable ids (XEP-0359) and delay stamps (XEP-0203)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parsing believes only what the sender can vouch for: a stanza-id
 * counts only when its `by` is the archive the caller trusts (a peer can
 * put any stanza-id in a message; servers strip only their own), and
 * ids of absurd length count as absent.  Addresses that do not parse
 * make the whole stanza invalid.
 */

#define G_LOG_DOMAIN "holboo-xmpp-message"

#include "config.h"

#include "holboo-xmpp-message.h"
#include "holboo-xmpp-correction.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-fallback.h"
#include "holboo-xmpp-reactions.h"
#include "holboo-xmpp-receipts.h"
#include "holboo-xmpp-reply.h"
#include "holboo-xmpp-retraction.h"

#include <string.h>

/**
 * holboo_xmpp_id_is_valid:
 *
 * Returns: whether @id is an id worth keeping: not empty, not longer
 *   than %HOLBOO_XMPP_MAX_ID_LENGTH bytes
 */
gboolean
holboo_xmpp_id_is_valid (const char *id)
{
  return id != NULL && *id != '\0' && strnlen (id, HOLBOO_XMPP_MAX_ID_LENGTH + 1) <= HOLBOO_XMPP_MAX_ID_LENGTH;
}

static const char *
valid_id (const char *id)
{
  return holboo_xmpp_id_is_valid (id) ? id : NULL;
}

/**
 * holboo_xmpp_parse_datetime:
 * @text: an XEP-0082 DateTime, e.g. "2024-05-01T08:30:00.123Z"
 * @out_us: (out): the time in µs since the epoch
 *
 * Returns: whether @text is a valid DateTime with a time zone
 */
gboolean
holboo_xmpp_parse_datetime (const char *text,
                            gint64     *out_us)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len;

  g_return_val_if_fail (out_us != NULL, FALSE);

  /* XEP-0082 DateTimes carry a zone; without one GLib would guess local
   * time.  Reject anything but the plain profile (no week dates etc.). */
  if (text == NULL)
    return FALSE;
  len = strnlen (text, 64);
  if (len < 20 || len >= 64 || text[4] != '-' || text[7] != '-' || text[10] != 'T')
    return FALSE;
  if (text[len - 1] != 'Z' &&
      !(len >= 25 && (text[len - 6] == '+' || text[len - 6] == '-') && text[len - 3] == ':'))
    return FALSE;

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    return FALSE;

  *out_us = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return TRUE;
}

/**
 * holboo_xmpp_message_get_origin_id:
 *
 * Returns: (nullable): the XEP-0359 origin-id of @stanza
 */
const char *
holboo_xmpp_message_get_origin_id (HolbooXmlNode *stanza)
{
  HolbooXmlNode *origin;

  g_return_val_if_fail (stanza != NULL, NULL);

  origin = holboo_xml_node_get_child (stanza, "origin-id", HOLBOO_XMLNS_SID);
  return origin != NULL ? valid_id (holboo_xml_node_get_attribute (origin, "id")) : NULL;
}

/**
 * holboo_xmpp_message_get_stanza_id:
 * @archive: the archive whose ids are trusted (for 1:1 messages the
 *   account's bare JID)
 *
 * Returns: (nullable): the id @archive gave @stanza, ignoring stanza-ids
 *   by anyone else
 */
const char *
holboo_xmpp_message_get_stanza_id (HolbooXmlNode   *stanza,
                                   const HolbooJid *archive)
{
  HolbooXmlIter iter;
  HolbooXmlNode *sid;
  const char *archive_str;

  g_return_val_if_fail (stanza != NULL, NULL);
  g_return_val_if_fail (archive != NULL, NULL);

  archive_str = holboo_jid_to_string (archive);
  holboo_xml_iter_init (&iter, stanza, "stanza-id", HOLBOO_XMLNS_SID);
  while (holboo_xml_iter_next (&iter, &sid))
    {
      const char *by = holboo_xml_node_get_attribute (sid, "by");

      /* Servers stamp `by` with the archive's JID as they know it, which
       * is already normalised; compare without parsing. */
      if (by != NULL && strcmp (by, archive_str) == 0)
        return valid_id (holboo_xml_node_get_attribute (sid, "id"));
    }
  return NULL;
}

/**
 * holboo_xmpp_message_get_delay:
 * @out_us: (out): the stamp, µs since the epoch
 *
 * Returns: whether @stanza has a valid XEP-0203 delay stamp
 */
gboolean
holboo_xmpp_message_get_delay (HolbooXmlNode *stanza,
                               gint64        *out_us)
{
  HolbooXmlNode *delay;

  g_return_val_if_fail (stanza != NULL, FALSE);

  delay = holboo_xml_node_get_child (stanza, "delay", HOLBOO_XMLNS_DELAY);
  return delay != NULL && holboo_xmpp_parse_datetime (holboo_xml_node_get_attribute (delay, "stamp"), out_us);
}

static HolbooXmppMessageType
parse_type (const char *type)
{
  if (type == NULL)
    return HOLBOO_XMPP_MESSAGE_NORMAL;
  if (strcmp (type, "chat") == 0)
    return HOLBOO_XMPP_MESSAGE_CHAT;
  if (strcmp (type, "groupchat") == 0)
    return HOLBOO_XMPP_MESSAGE_GROUPCHAT;
  if (strcmp (type, "headline") == 0)
    return HOLBOO_XMPP_MESSAGE_HEADLINE;
  if (strcmp (type, "error") == 0)
    return HOLBOO_XMPP_MESSAGE_ERROR;
  return HOLBOO_XMPP_MESSAGE_NORMAL;
}

static gboolean
parse_address (HolbooXmlNode  *stanza,
               const char     *attribute,
               HolbooJid     **out,
               GError        **error)
{
  const char *value = holboo_xml_node_get_attribute (stanza, attribute);
  g_autoptr(GError) local_error = NULL;

  *out = NULL;
  if (value == NULL)
    return TRUE;

  *out = holboo_jid_parse (value, -1, &local_error);
  if (*out == NULL)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "Invalid “%s” address in a message: %s", attribute, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* The quote of a reply's fallback without its "> " marks and its last
 * newline: the text of the message replied to, as far as it came. */
static char *
unquote (const char *fallback)
{
  g_auto(GStrv) lines = g_strsplit (fallback, "\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (lines[i + 1] == NULL && *line == '\0')
        break;
      if (g_str_has_prefix (line, "> "))
        line += 2;
      else if (*line == '>')
        line += 1;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The message actions and signals of XEP-0085, 0308, 0333, 0424, 0444
 * and 0461.  Each module looks only when the stanza has a child in its
 * namespace: the pipeline parses every message, and most carry none. */
enum {
  HAS_CHATSTATES = 1 << 0,
  HAS_MARKERS    = 1 << 1,
  HAS_CORRECTION = 1 << 2,
  HAS_RETRACTION = 1 << 3,
  HAS_REACTIONS  = 1 << 4,
  HAS_REPLY      = 1 << 5,
};

/* Which of the namespaces below @stanza's children are in, in one pass. */
static guint
scan_namespaces (HolbooXmlNode *stanza)
{
  guint found = 0;

  for (HolbooXmlNode *child = holboo_xml_node_get_first_child (stanza); child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    {
      const char *ns = holboo_xml_node_get_ns (child);

      if (ns == NULL)
        continue;
      if (strcmp (ns, HOLBOO_XMLNS_CHATSTATES) == 0)
        found |= HAS_CHATSTATES;
      else if (strncmp (ns, "urn:xmpp:", 9) != 0)
        continue;
      else if (strcmp (ns + 9, "chat-markers:0") == 0)
        found |= HAS_MARKERS;
      else if (strcmp (ns + 9, "message-correct:0") == 0)
        found |= HAS_CORRECTION;
      else if (strcmp (ns + 9, "message-retract:1") == 0 || strcmp (ns + 9, "fasten:0") == 0)
        found |= HAS_RETRACTION;
      else if (strcmp (ns + 9, "reactions:0") == 0)
        found |= HAS_REACTIONS;
      else if (strcmp (ns + 9, "reply:0") == 0)
        found |= HAS_REPLY;
    }
  return found;
}

static void
parse_extensions (HolbooXmppMessage *message,
                  HolbooXmlNode     *stanza)
{
  const char *reply_to = NULL;
  const char *marker_id = NULL;
  char *text = NULL, *quote = NULL;
  guint found = scan_namespaces (stanza);

  if (found & HAS_CHATSTATES)
    message->chat_state = holboo_xmpp_chat_state_parse (stanza);
  if (found & HAS_MARKERS)
    {
      message->markable = holboo_xmpp_markers_is_markable (stanza);
      message->marker = holboo_xmpp_markers_parse (stanza, &marker_id);
      message->marker_id = g_strdup (marker_id);
    }
  if (found & HAS_CORRECTION)
    message->replace_id = g_strdup (holboo_xmpp_correction_get_replace_id (stanza));
  if (found & HAS_RETRACTION)
    message->retract_id = g_strdup (holboo_xmpp_retraction_get_id (stanza));
  if (found & HAS_REACTIONS)
    message->reactions_to = g_strdup (holboo_xmpp_reactions_parse (stanza, &message->reactions));
  if (found & HAS_REPLY)
    message->reply_id = g_strdup (holboo_xmpp_reply_get_id (stanza, &reply_to));

  /* A retraction's body is only there for clients without retraction. */
  if (message->retract_id != NULL)
    g_clear_pointer (&message->body, g_free);

  if (message->reply_id != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooJid) to = reply_to != NULL ? holboo_jid_parse (reply_to, -1, &error) : NULL;

      message->reply_to = to != NULL ? g_strdup (holboo_jid_to_string (to)) : NULL;
      if (holboo_xmpp_fallback_strip (stanza, HOLBOO_XMLNS_REPLY, message->body, &text, &quote))
        {
          g_free (message->body);
          message->body = text;
          message->reply_quote = unquote (quote);
          g_free (quote);
        }
    }
}

/**
 * holboo_xmpp_message_is_action:
 *
 * Returns: whether @message acts on an earlier message — corrects,
 *   retracts or reacts to it — rather than being one of its own
 */
gboolean
holboo_xmpp_message_is_action (const HolbooXmppMessage *message)
{
  g_return_val_if_fail (message != NULL, FALSE);

  return message->replace_id != NULL || message->retract_id != NULL || message->reactions_to != NULL;
}

/**
 * holboo_xmpp_message_parse:
 * @stanza: a `<message/>` in jabber:client
 * @archive: the archive whose stanza-ids are trusted
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the message, or %NULL with a
 *   %HOLBOO_XMPP_ERROR_PROTOCOL error when its addresses are invalid
 */
HolbooXmppMessage *
holboo_xmpp_message_parse (HolbooXmlNode    *stanza,
                           const HolbooJid  *archive,
                           GError          **error)
{
  g_autoptr(HolbooXmppMessage) message = NULL;
  const char *body;
  gint64 delay;

  g_return_val_if_fail (stanza != NULL, NULL);
  g_return_val_if_fail (archive != NULL, NULL);

  if (!holboo_xml_node_is (stanza, "message", HOLBOO_XMLNS_CLIENT))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "Not a message: <%s xmlns='%s'/>", holboo_xml_node_get_name (stanza),
                   holboo_xml_node_get_ns (stanza) != NULL ? holboo_xml_node_get_ns (stanza) : "");
      return NULL;
    }

  message = g_new0 (HolbooXmppMessage, 1);
  message->type = parse_type (holboo_xml_node_get_attribute (stanza, "type"));
  if (!parse_address (stanza, "from", &message->from, error) ||
      !parse_address (stanza, "to", &message->to, error))
    return NULL;

  message->id = g_strdup (valid_id (holboo_xml_node_get_attribute (stanza, "id")));
  body = holboo_xml_node_get_child_text (stanza, "body", HOLBOO_XMLNS_CLIENT);
  message->body = g_strdup (body);
  message->origin_id = g_strdup (holboo_xmpp_message_get_origin_id (stanza));
  message->stanza_id = g_strdup (holboo_xmpp_message_get_stanza_id (stanza, archive));
  if (holboo_xmpp_message_get_delay (stanza, &delay))
    message->delay = delay;
  message->receipt_request = holboo_xmpp_receipts_is_requested (stanza);
  message->receipt_for = g_strdup (valid_id (holboo_xmpp_receipts_get_received (stanza)));
  parse_extensions (message, stanza);

  return g_steal_pointer (&message);
}

void
holboo_xmpp_message_free (HolbooXmppMessage *message)
{
  if (message == NULL)
    return;

  g_clear_pointer (&message->from, holboo_jid_unref);
  g_clear_pointer (&message->to, holboo_jid_unref);
  g_free (message->id);
  g_free (message->body);
  g_free (message->origin_id);
  g_free (message->stanza_id);
  g_free (message->receipt_for);
  g_free (message->replace_id);
  g_free (message->retract_id);
  g_free (message->reactions_to);
  g_strfreev (message->reactions);
  g_free (message->reply_id);
  g_free (message->reply_to);
  g_free (message->reply_quote);
  g_free (message->marker_id);
  g_free (message);
}

/**
 * holboo_xmpp_message_build_chat:
 * @to: the addressee
 * @id: the id attribute (the same as @origin_id for Holboo's messages, so
 *   that receipts, which name the id attribute, find the origin-id)
 * @body: the text
 * @origin_id: (nullable): the XEP-0359 origin-id
 * @request_receipt: ask for a XEP-0184 receipt
 *
 * Returns: (transfer full): a message of type chat
 */
HolbooXmlNode *
holboo_xmpp_message_build_chat (const char *to,
                                const char *id,
                                const char *body,
                                const char *origin_id,
                                gboolean    request_receipt)
{
  HolbooXmlNode *message;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "type", "chat");
  holboo_xml_node_set_attribute (message, "id", id);
  holboo_xml_node_add_text_child (message, "body", body);
  if (origin_id != NULL)
    {
      HolbooXmlNode *origin = holboo_xml_node_add_child_ns (message, "origin-id", HOLBOO_XMLNS_SID);

      holboo_xml_node_set_attribute (origin, "id", origin_id);
    }
  if (request_receipt)
    holboo_xmpp_receipts_add_request (message);
  return message;
}
