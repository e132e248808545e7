/* holboo-xmpp-jingle.c: Jingle session IQs (XEP-0166)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The envelope of a Jingle session: the <jingle/> element's action,
 * sid, initiator and responder, the reason of a session-terminate, and
 * the errors of §12 (a stanza error plus a Jingle condition).  What the
 * contents say (codecs, ICE, DTLS) is translated elsewhere
 * (src/core/holboo-jingle-sdp*).  Every request is an IQ set that is
 * acknowledged at once, with a result or an error.
 */

#define G_LOG_DOMAIN "holboo-xmpp-jingle"

#include "config.h"

#include "holboo-xmpp-jingle.h"

#include <string.h>

static const char * const actions[] = {
  [HOLBOO_XMPP_JINGLE_ACTION_UNKNOWN] = NULL,
  [HOLBOO_XMPP_JINGLE_ACTION_SESSION_INITIATE] = "session-initiate",
  [HOLBOO_XMPP_JINGLE_ACTION_SESSION_ACCEPT] = "session-accept",
  [HOLBOO_XMPP_JINGLE_ACTION_SESSION_TERMINATE] = "session-terminate",
  [HOLBOO_XMPP_JINGLE_ACTION_SESSION_INFO] = "session-info",
  [HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_INFO] = "transport-info",
  [HOLBOO_XMPP_JINGLE_ACTION_CONTENT_ADD] = "content-add",
  [HOLBOO_XMPP_JINGLE_ACTION_CONTENT_MODIFY] = "content-modify",
  [HOLBOO_XMPP_JINGLE_ACTION_CONTENT_REMOVE] = "content-remove",
  [HOLBOO_XMPP_JINGLE_ACTION_CONTENT_ACCEPT] = "content-accept",
  [HOLBOO_XMPP_JINGLE_ACTION_CONTENT_REJECT] = "content-reject",
  [HOLBOO_XMPP_JINGLE_ACTION_DESCRIPTION_INFO] = "description-info",
  [HOLBOO_XMPP_JINGLE_ACTION_SECURITY_INFO] = "security-info",
  [HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_ACCEPT] = "transport-accept",
  [HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_REJECT] = "transport-reject",
  [HOLBOO_XMPP_JINGLE_ACTION_TRANSPORT_REPLACE] = "transport-replace",
};

static const char * const reasons[] = {
  [HOLBOO_XMPP_JINGLE_REASON_NONE] = NULL,
  [HOLBOO_XMPP_JINGLE_REASON_ALTERNATIVE_SESSION] = "alternative-session",
  [HOLBOO_XMPP_JINGLE_REASON_BUSY] = "busy",
  [HOLBOO_XMPP_JINGLE_REASON_CANCEL] = "cancel",
  [HOLBOO_XMPP_JINGLE_REASON_CONNECTIVITY_ERROR] = "connectivity-error",
  [HOLBOO_XMPP_JINGLE_REASON_DECLINE] = "decline",
  [HOLBOO_XMPP_JINGLE_REASON_EXPIRED] = "expired",
  [HOLBOO_XMPP_JINGLE_REASON_FAILED_APPLICATION] = "failed-application",
  [HOLBOO_XMPP_JINGLE_REASON_FAILED_TRANSPORT] = "failed-transport",
  [HOLBOO_XMPP_JINGLE_REASON_GENERAL_ERROR] = "general-error",
  [HOLBOO_XMPP_JINGLE_REASON_GONE] = "gone",
  [HOLBOO_XMPP_JINGLE_REASON_INCOMPATIBLE_PARAMETERS] = "incompatible-parameters",
  [HOLBOO_XMPP_JINGLE_REASON_MEDIA_ERROR] = "media-error",
  [HOLBOO_XMPP_JINGLE_REASON_SECURITY_ERROR] = "security-error",
  [HOLBOO_XMPP_JINGLE_REASON_SUCCESS] = "success",
  [HOLBOO_XMPP_JINGLE_REASON_TIMEOUT] = "timeout",
  [HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_APPLICATIONS] = "unsupported-applications",
  [HOLBOO_XMPP_JINGLE_REASON_UNSUPPORTED_TRANSPORTS] = "unsupported-transports",
};

static const char * const errors[] = {
  [HOLBOO_XMPP_JINGLE_ERROR_NONE] = NULL,
  [HOLBOO_XMPP_JINGLE_ERROR_OUT_OF_ORDER] = "out-of-order",
  [HOLBOO_XMPP_JINGLE_ERROR_TIE_BREAK] = "tie-break",
  [HOLBOO_XMPP_JINGLE_ERROR_UNKNOWN_SESSION] = "unknown-session",
  [HOLBOO_XMPP_JINGLE_ERROR_UNSUPPORTED_INFO] = "unsupported-info",
  [HOLBOO_XMPP_JINGLE_ERROR_SECURITY_REQUIRED] = "security-required",
};

static guint
lookup (const char * const *table,
        guint               n,
        const char         *name)
{
  if (name == NULL)
    return 0;
  for (guint i = 1; i < n; i++)
    if (strcmp (table[i], name) == 0)
      return i;
  return 0;
}

const char *
holboo_xmpp_jingle_action_to_string (HolbooXmppJingleAction action)
{
  g_return_val_if_fail (action < G_N_ELEMENTS (actions), NULL);
  return actions[action];
}

HolbooXmppJingleAction
holboo_xmpp_jingle_action_from_string (const char *action)
{
  return lookup (actions, G_N_ELEMENTS (actions), action);
}

const char *
holboo_xmpp_jingle_reason_to_string (HolbooXmppJingleReason reason)
{
  g_return_val_if_fail (reason < G_N_ELEMENTS (reasons), NULL);
  return reasons[reason];
}

HolbooXmppJingleReason
holboo_xmpp_jingle_reason_from_string (const char *reason)
{
  return lookup (reasons, G_N_ELEMENTS (reasons), reason);
}

const char *
holboo_xmpp_jingle_error_to_string (HolbooXmppJingleError error)
{
  g_return_val_if_fail (error < G_N_ELEMENTS (errors), NULL);
  return errors[error];
}

static HolbooJid *
parse_jid_attribute (HolbooXmlNode  *node,
                     const char     *name,
                     GError        **error)
{
  const char *value = holboo_xml_node_get_attribute (node, name);
  g_autoptr(GError) local_error = NULL;
  HolbooJid *jid;

  if (value == NULL)
    return NULL;
  jid = holboo_jid_parse (value, -1, &local_error);
  if (jid == NULL)
    g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                 "Jingle %s “%s”: %s", name, value, local_error->message);
  return jid;
}

static gboolean
valid_sid (const char *sid)
{
  gsize len;

  if (sid == NULL)
    return FALSE;
  len = strnlen (sid, HOLBOO_XMPP_JINGLE_MAX_SID + 1);
  if (len == 0 || len > HOLBOO_XMPP_JINGLE_MAX_SID)
    return FALSE;
  for (const char *p = sid; *p != '\0'; p++)
    if (g_ascii_iscntrl (*p))
      return FALSE;
  return TRUE;
}

/**
 * holboo_xmpp_jingle_parse:
 * @iq: an iq of type set with a <jingle/> child
 * @error: a %HOLBOO_XMPP_ERROR_PROTOCOL error when the envelope is
 *   malformed (answer it with bad-request)
 *
 * An unknown action is not an error: it parses as
 * %HOLBOO_XMPP_JINGLE_ACTION_UNKNOWN.
 *
 * Returns: (transfer full) (nullable): the request
 */
HolbooXmppJingle *
holboo_xmpp_jingle_parse (HolbooXmlNode  *iq,
                          GError        **error)
{
  g_autoptr(HolbooXmppJingle) self = g_new0 (HolbooXmppJingle, 1);
  HolbooXmlNode *reason;

  g_return_val_if_fail (iq != NULL, NULL);

  self->iq = holboo_xml_node_ref (iq);
  self->jingle = holboo_xml_node_get_child (iq, "jingle", HOLBOO_XMLNS_JINGLE);
  if (self->jingle == NULL || g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "set") != 0)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "Not a Jingle request");
      return NULL;
    }

  self->from = parse_jid_attribute (iq, "from", error);
  if (self->from == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                             "A Jingle request without a sender");
      return NULL;
    }

  self->sid = g_strdup (holboo_xml_node_get_attribute (self->jingle, "sid"));
  if (!valid_sid (self->sid))
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A Jingle request without a usable sid");
      return NULL;
    }

  self->action = holboo_xmpp_jingle_action_from_string (holboo_xml_node_get_attribute (self->jingle, "action"));
  if (holboo_xml_node_get_attribute (self->jingle, "action") == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "A Jingle request without an action");
      return NULL;
    }

  if (holboo_xml_node_get_attribute (self->jingle, "initiator") != NULL)
    {
      self->initiator = parse_jid_attribute (self->jingle, "initiator", error);
      if (self->initiator == NULL)
        return NULL;
    }
  if (holboo_xml_node_get_attribute (self->jingle, "responder") != NULL)
    {
      self->responder = parse_jid_attribute (self->jingle, "responder", error);
      if (self->responder == NULL)
        return NULL;
    }

  reason = holboo_xml_node_get_child (self->jingle, "reason", HOLBOO_XMLNS_JINGLE);
  if (reason != NULL)
    {
      for (HolbooXmlNode *c = holboo_xml_node_get_first_child (reason); c != NULL;
           c = holboo_xml_node_get_next_sibling (c))
        {
          if (g_strcmp0 (holboo_xml_node_get_ns (c), HOLBOO_XMLNS_JINGLE) != 0)
            continue;
          self->reason = holboo_xmpp_jingle_reason_from_string (holboo_xml_node_get_name (c));
          if (self->reason != HOLBOO_XMPP_JINGLE_REASON_NONE)
            break;
        }
    }

  return g_steal_pointer (&self);
}

void
holboo_xmpp_jingle_free (HolbooXmppJingle *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->iq, holboo_xml_node_unref);
  g_clear_pointer (&self->from, holboo_jid_unref);
  g_clear_pointer (&self->initiator, holboo_jid_unref);
  g_clear_pointer (&self->responder, holboo_jid_unref);
  g_free (self->sid);
  g_free (self);
}

/**
 * holboo_xmpp_jingle_build_iq:
 * @to: the peer's full JID
 * @out_jingle: (out) (transfer none): the <jingle/> to fill
 *
 * Returns: (transfer full): an iq set with a <jingle/> of @action and
 *   @sid, and a fresh id
 */
HolbooXmlNode *
holboo_xmpp_jingle_build_iq (const char              *to,
                             HolbooXmppJingleAction   action,
                             const char              *sid,
                             HolbooXmlNode          **out_jingle)
{
  g_autofree char *id = g_uuid_string_random ();
  HolbooXmlNode *iq;
  HolbooXmlNode *jingle;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (action != HOLBOO_XMPP_JINGLE_ACTION_UNKNOWN && action < G_N_ELEMENTS (actions), NULL);
  g_return_val_if_fail (sid != NULL, NULL);

  iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (iq, "type", "set");
  holboo_xml_node_set_attribute (iq, "to", to);
  holboo_xml_node_set_attribute (iq, "id", id);
  jingle = holboo_xml_node_add_child_ns (iq, "jingle", HOLBOO_XMLNS_JINGLE);
  holboo_xml_node_set_attribute (jingle, "action", actions[action]);
  holboo_xml_node_set_attribute (jingle, "sid", sid);
  if (out_jingle != NULL)
    *out_jingle = jingle;
  return iq;
}

/**
 * holboo_xmpp_jingle_add_reason:
 * @text: (nullable): human-readable detail, for logs
 */
void
holboo_xmpp_jingle_add_reason (HolbooXmlNode          *jingle,
                               HolbooXmppJingleReason  reason,
                               const char             *text)
{
  HolbooXmlNode *node;

  g_return_if_fail (jingle != NULL);
  g_return_if_fail (reason != HOLBOO_XMPP_JINGLE_REASON_NONE && reason < G_N_ELEMENTS (reasons));

  node = holboo_xml_node_add_child_ns (jingle, "reason", HOLBOO_XMLNS_JINGLE);
  holboo_xml_node_add_child_ns (node, reasons[reason], HOLBOO_XMLNS_JINGLE);
  if (text != NULL)
    {
      HolbooXmlNode *t = holboo_xml_node_add_child_ns (node, "text", HOLBOO_XMLNS_JINGLE);
      holboo_xml_node_add_text (t, text, -1);
    }
}

/**
 * holboo_xmpp_jingle_error_reply:
 * @request: a Jingle iq set
 * @jingle_condition: the §12 condition, or NONE
 *
 * Returns: (transfer full): the error answer to @request
 */
HolbooXmlNode *
holboo_xmpp_jingle_error_reply (HolbooXmlNode          *request,
                                HolbooXmppStanzaError   condition,
                                HolbooXmppJingleError   jingle_condition)
{
  HolbooXmlNode *reply;

  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (jingle_condition < G_N_ELEMENTS (errors), NULL);

  reply = holboo_xmpp_stanza_error_reply (request, condition);
  if (jingle_condition != HOLBOO_XMPP_JINGLE_ERROR_NONE)
    {
      HolbooXmlNode *error_node = holboo_xml_node_get_child (reply, "error", HOLBOO_XMLNS_CLIENT);

      holboo_xml_node_add_child_ns (error_node, errors[jingle_condition], HOLBOO_XMLNS_JINGLE_ERRORS);
    }
  return reply;
}

/**
 * holboo_xmpp_jingle_error_from_node:
 * @error_iq: an iq of type error
 *
 * Returns: the Jingle condition it carries, or NONE
 */
HolbooXmppJingleError
holboo_xmpp_jingle_error_from_node (HolbooXmlNode *error_iq)
{
  HolbooXmlNode *error_node;

  g_return_val_if_fail (error_iq != NULL, HOLBOO_XMPP_JINGLE_ERROR_NONE);

  error_node = holboo_xml_node_get_child (error_iq, "error", HOLBOO_XMLNS_CLIENT);
  if (error_node == NULL)
    return HOLBOO_XMPP_JINGLE_ERROR_NONE;
  for (HolbooXmlNode *c = holboo_xml_node_get_first_child (error_node); c != NULL;
       c = holboo_xml_node_get_next_sibling (c))
    if (g_strcmp0 (holboo_xml_node_get_ns (c), HOLBOO_XMLNS_JINGLE_ERRORS) == 0)
      return lookup (errors, G_N_ELEMENTS (errors), holboo_xml_node_get_name (c));
  return HOLBOO_XMPP_JINGLE_ERROR_NONE;
}

/**
 * holboo_xmpp_jingle_result_reply:
 *
 * Returns: (transfer full): the empty result that acknowledges @request
 */
HolbooXmlNode *
holboo_xmpp_jingle_result_reply (HolbooXmlNode *request)
{
  HolbooXmlNode *reply = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  g_return_val_if_fail (request != NULL, NULL);

  holboo_xml_node_set_attribute (reply, "type", "result");
  holboo_xml_node_set_attribute (reply, "id", holboo_xml_node_get_attribute (request, "id"));
  if (holboo_xml_node_get_attribute (request, "from") != NULL)
    holboo_xml_node_set_attribute (reply, "to", holboo_xml_node_get_attribute (request, "from"));
  return reply;
}
