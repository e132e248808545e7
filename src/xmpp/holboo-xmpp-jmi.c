/* holboo-xmpp-jmi.c: Jingle Message Initiation (XEP-0353)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A call starts with messages, not IQs, so that it reaches every device
 * of the callee (a message to a bare JID, copied by carbons) and every
 * device learns how it ended: the caller proposes to the callee's bare
 * JID; each callee device answers ringing; the one that is answered
 * sends proceed to the caller's full JID (and accept to its own bare
 * JID, for older clients); the caller then starts the Jingle session
 * with that device.  reject and retract end a call that never started.
 * Every JMI message is type chat with a store hint, so that offline
 * storage and archives keep it (a missed call is news later too).
 */

#define G_LOG_DOMAIN "holboo-xmpp-jmi"

#include "config.h"

#include "holboo-xmpp-jmi.h"
#include "holboo-xmpp-receipts.h"

#include <string.h>

static const char * const kinds[] = {
  [HOLBOO_XMPP_JMI_NONE] = NULL,
  [HOLBOO_XMPP_JMI_PROPOSE] = "propose",
  [HOLBOO_XMPP_JMI_RETRACT] = "retract",
  [HOLBOO_XMPP_JMI_RINGING] = "ringing",
  [HOLBOO_XMPP_JMI_PROCEED] = "proceed",
  [HOLBOO_XMPP_JMI_ACCEPT] = "accept",
  [HOLBOO_XMPP_JMI_REJECT] = "reject",
  [HOLBOO_XMPP_JMI_FINISH] = "finish",
};

const char *
holboo_xmpp_jmi_kind_to_string (HolbooXmppJmiKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind];
}

static HolbooXmppJingleReason
parse_reason (HolbooXmlNode *element)
{
  HolbooXmlNode *reason = holboo_xml_node_get_child (element, "reason", HOLBOO_XMLNS_JINGLE);

  if (reason == NULL)
    return HOLBOO_XMPP_JINGLE_REASON_NONE;
  for (HolbooXmlNode *c = holboo_xml_node_get_first_child (reason); c != NULL;
       c = holboo_xml_node_get_next_sibling (c))
    {
      HolbooXmppJingleReason r;

      if (g_strcmp0 (holboo_xml_node_get_ns (c), HOLBOO_XMLNS_JINGLE) != 0)
        continue;
      r = holboo_xmpp_jingle_reason_from_string (holboo_xml_node_get_name (c));
      if (r != HOLBOO_XMPP_JINGLE_REASON_NONE)
        return r;
    }
  return HOLBOO_XMPP_JINGLE_REASON_NONE;
}

/**
 * holboo_xmpp_jmi_parse:
 * @message: a message stanza (unwrapped from its carbon, if any)
 * @error: set when it carries a JMI element that is malformed
 *
 * Returns: (transfer full) (nullable): the JMI it carries; %NULL with
 *   @error unset when it carries none
 */
HolbooXmppJmi *
holboo_xmpp_jmi_parse (HolbooXmlNode  *message,
                       GError        **error)
{
  g_autoptr(HolbooXmppJmi) self = NULL;
  HolbooXmlNode *element = NULL;
  const char *id;

  g_return_val_if_fail (message != NULL, NULL);

  if (g_strcmp0 (holboo_xml_node_get_attribute (message, "type"), "error") == 0)
    return NULL;

  for (HolbooXmlNode *c = holboo_xml_node_get_first_child (message); c != NULL;
       c = holboo_xml_node_get_next_sibling (c))
    if (g_strcmp0 (holboo_xml_node_get_ns (c), HOLBOO_XMLNS_JMI) == 0)
      {
        element = c;
        break;
      }
  if (element == NULL)
    return NULL;

  self = g_new0 (HolbooXmppJmi, 1);
  for (guint i = 1; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (holboo_xml_node_get_name (element), kinds[i]) == 0)
      self->kind = i;
  if (self->kind == HOLBOO_XMPP_JMI_NONE)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "Unknown JMI element “%s”", holboo_xml_node_get_name (element));
      return NULL;
    }

  id = holboo_xml_node_get_attribute (element, "id");
  if (id == NULL || *id == '\0' || strnlen (id, HOLBOO_XMPP_JINGLE_MAX_SID + 1) > HOLBOO_XMPP_JINGLE_MAX_SID)
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "A JMI %s without a usable id", kinds[self->kind]);
      return NULL;
    }
  self->id = g_strdup (id);
  self->reason = parse_reason (element);

  if (self->kind == HOLBOO_XMPP_JMI_PROPOSE)
    {
      HolbooXmlIter iter;
      HolbooXmlNode *description;

      holboo_xml_iter_init (&iter, element, "description", HOLBOO_XMLNS_JINGLE_RTP);
      while (holboo_xml_iter_next (&iter, &description))
        {
          const char *media = holboo_xml_node_get_attribute (description, "media");

          if (g_strcmp0 (media, "audio") == 0)
            self->audio = TRUE;
          else if (g_strcmp0 (media, "video") == 0)
            self->video = TRUE;
        }
      if (!self->audio && !self->video)
        {
          g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                               "A JMI propose without an RTP description");
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

void
holboo_xmpp_jmi_free (HolbooXmppJmi *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self);
}

/**
 * holboo_xmpp_jmi_build:
 * @to: propose, retract: the callee's bare JID; accept: our own bare
 *   JID; the others: the peer's full JID
 * @video: propose: with video (audio is always proposed)
 * @reason: reject, retract, finish: the reason, or NONE
 *
 * Returns: (transfer full): the message
 */
HolbooXmlNode *
holboo_xmpp_jmi_build (const char             *to,
                       HolbooXmppJmiKind       kind,
                       const char             *id,
                       gboolean                video,
                       HolbooXmppJingleReason  reason)
{
  g_autofree char *message_id = g_uuid_string_random ();
  HolbooXmlNode *message;
  HolbooXmlNode *element;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (kind > HOLBOO_XMPP_JMI_NONE && kind < G_N_ELEMENTS (kinds), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  message = holboo_xml_node_new ("message", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (message, "to", to);
  holboo_xml_node_set_attribute (message, "type", "chat");
  holboo_xml_node_set_attribute (message, "id", message_id);
  element = holboo_xml_node_add_child_ns (message, kinds[kind], HOLBOO_XMLNS_JMI);
  holboo_xml_node_set_attribute (element, "id", id);

  if (kind == HOLBOO_XMPP_JMI_PROPOSE)
    {
      HolbooXmlNode *d = holboo_xml_node_add_child_ns (element, "description", HOLBOO_XMLNS_JINGLE_RTP);

      holboo_xml_node_set_attribute (d, "media", "audio");
      if (video)
        {
          d = holboo_xml_node_add_child_ns (element, "description", HOLBOO_XMLNS_JINGLE_RTP);
          holboo_xml_node_set_attribute (d, "media", "video");
        }
    }
  if (reason != HOLBOO_XMPP_JINGLE_REASON_NONE)
    {
      HolbooXmlNode *r = holboo_xml_node_add_child_ns (element, "reason", HOLBOO_XMLNS_JINGLE);

      holboo_xml_node_add_child_ns (r, holboo_xmpp_jingle_reason_to_string (reason), HOLBOO_XMLNS_JINGLE);
    }
  holboo_xml_node_add_child_ns (message, "store", HOLBOO_XMLNS_HINTS);
  return message;
}
