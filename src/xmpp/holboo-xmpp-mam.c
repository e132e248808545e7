/* holboo-xmpp-mam.c: message archive management (XEP-0313, urn:xmpp:mam:2)
 * with result set management (XEP-0059)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The results of a query arrive as messages before the iq result.  Any
 * entity can send a message that looks like one, so a result is taken
 * only from the archive that was asked — for the account's own archive
 * its bare JID, or no from at all (RFC 6120 §8.1.2.1: the account
 * itself) — and the caller checks that its queryid is one it is waiting
 * for.
 */

#define G_LOG_DOMAIN "holboo-xmpp-mam"

#include "config.h"

#include "holboo-xmpp-mam.h"
#include "holboo-xmpp-carbons.h"
#include "holboo-xmpp-error.h"
#include "holboo-xmpp-message.h"

static void
add_field (HolbooXmlNode *form,
           const char    *var,
           const char    *type,
           const char    *value)
{
  HolbooXmlNode *field = holboo_xml_node_add_child (form, "field");

  holboo_xml_node_set_attribute (field, "var", var);
  if (type != NULL)
    holboo_xml_node_set_attribute (field, "type", type);
  holboo_xml_node_add_text_child (field, "value", value);
}

/**
 * holboo_xmpp_mam_build_query:
 *
 * Returns: (transfer full): the query iq (type set, no id yet)
 */
HolbooXmlNode *
holboo_xmpp_mam_build_query (const HolbooXmppMamQuery *query)
{
  HolbooXmlNode *iq, *q, *form, *set;
  g_autofree char *max = NULL;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (query->queryid != NULL, NULL);

  iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  holboo_xml_node_set_attribute (iq, "type", "set");
  if (query->archive != NULL)
    holboo_xml_node_set_attribute (iq, "to", query->archive);

  q = holboo_xml_node_add_child_ns (iq, "query", HOLBOO_XMLNS_MAM);
  holboo_xml_node_set_attribute (q, "queryid", query->queryid);

  form = holboo_xml_node_add_child_ns (q, "x", HOLBOO_XMLNS_DATA);
  holboo_xml_node_set_attribute (form, "type", "submit");
  add_field (form, "FORM_TYPE", "hidden", HOLBOO_XMLNS_MAM);
  if (query->with != NULL)
    add_field (form, "with", NULL, query->with);
  if (query->end != 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (query->end / G_USEC_PER_SEC);
      g_autoptr(GDateTime) exact = g_date_time_add (dt, query->end % G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format (exact, "%Y-%m-%dT%H:%M:%S.%fZ");

      add_field (form, "end", NULL, text);
    }

  set = holboo_xml_node_add_child_ns (q, "set", HOLBOO_XMLNS_RSM);
  max = g_strdup_printf ("%u", query->max);
  holboo_xml_node_add_text_child (set, "max", max);
  if (query->before != NULL)
    holboo_xml_node_add_text_child (set, "before", *query->before != '\0' ? query->before : NULL);
  if (query->after != NULL)
    holboo_xml_node_add_text_child (set, "after", query->after);

  return iq;
}

/**
 * holboo_xmpp_mam_get_queryid:
 *
 * Returns: (nullable): the queryid of a MAM result message, %NULL when
 *   @stanza is not one
 */
const char *
holboo_xmpp_mam_get_queryid (HolbooXmlNode *stanza)
{
  HolbooXmlNode *result;

  g_return_val_if_fail (stanza != NULL, NULL);

  result = holboo_xml_node_get_child (stanza, "result", HOLBOO_XMLNS_MAM);
  return result != NULL ? holboo_xml_node_get_attribute (result, "queryid") : NULL;
}

static gboolean
from_archive (HolbooXmlNode   *stanza,
              const HolbooJid *archive,
              gboolean         own_archive)
{
  const char *from = holboo_xml_node_get_attribute (stanza, "from");
  g_autoptr(HolbooJid) from_jid = NULL;

  if (from == NULL)
    return own_archive;

  from_jid = holboo_jid_parse (from, -1, NULL);
  return from_jid != NULL && holboo_jid_is_bare (from_jid) && holboo_jid_equal_bare (from_jid, archive);
}

/**
 * holboo_xmpp_mam_parse_result:
 * @stanza: a message with a `<result/>`
 * @archive: the archive that was asked (for the account's own archive,
 *   its bare JID)
 * @own_archive: @archive is the account's own: a result without a from
 *   comes from it too
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with a
 *   %HOLBOO_XMPP_ERROR_PROTOCOL error when it does not come from @archive
 *   or is broken — drop it
 */
HolbooXmppMamResult *
holboo_xmpp_mam_parse_result (HolbooXmlNode    *stanza,
                              const HolbooJid  *archive,
                              gboolean          own_archive,
                              GError          **error)
{
  g_autoptr(HolbooXmppMamResult) result = NULL;
  HolbooXmlNode *node, *forwarded, *message;
  const char *queryid, *id;

  g_return_val_if_fail (stanza != NULL, NULL);
  g_return_val_if_fail (archive != NULL, NULL);

  if (!from_archive (stanza, archive, own_archive))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "An archive result from “%s”, not from the archive %s",
                   holboo_xml_node_get_attribute (stanza, "from"), holboo_jid_to_string (archive));
      return NULL;
    }

  node = holboo_xml_node_get_child (stanza, "result", HOLBOO_XMLNS_MAM);
  queryid = node != NULL ? holboo_xml_node_get_attribute (node, "queryid") : NULL;
  id = node != NULL ? holboo_xml_node_get_attribute (node, "id") : NULL;
  forwarded = node != NULL ? holboo_xml_node_get_child (node, "forwarded", HOLBOO_XMLNS_FORWARD) : NULL;
  message = forwarded != NULL ? holboo_xmpp_forwarded_get_message (forwarded) : NULL;
  if (queryid == NULL || !holboo_xmpp_id_is_valid (id) || message == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "An archive result without a queryid, an id or a message");
      return NULL;
    }

  result = g_new0 (HolbooXmppMamResult, 1);
  if (!holboo_xmpp_message_get_delay (forwarded, &result->stamp))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                   "The archive result %s has no valid time stamp", id);
      return NULL;
    }
  result->queryid = g_strdup (queryid);
  result->id = g_strdup (id);
  result->message = holboo_xml_node_ref (message);
  return g_steal_pointer (&result);
}

void
holboo_xmpp_mam_result_free (HolbooXmppMamResult *result)
{
  if (result == NULL)
    return;

  g_free (result->queryid);
  g_free (result->id);
  g_clear_pointer (&result->message, holboo_xml_node_unref);
  g_free (result);
}

/**
 * holboo_xmpp_mam_parse_fin:
 * @iq: the result iq of a query
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): its `<fin/>`, or %NULL with a
 *   %HOLBOO_XMPP_ERROR_PROTOCOL error when there is none
 */
HolbooXmppMamFin *
holboo_xmpp_mam_parse_fin (HolbooXmlNode  *iq,
                           GError        **error)
{
  HolbooXmppMamFin *fin;
  HolbooXmlNode *node, *set;
  const char *complete;

  g_return_val_if_fail (iq != NULL, NULL);

  node = holboo_xml_node_get_child (iq, "fin", HOLBOO_XMLNS_MAM);
  if (node == NULL)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           "The archive's answer has no <fin/>");
      return NULL;
    }

  fin = g_new0 (HolbooXmppMamFin, 1);
  complete = holboo_xml_node_get_attribute (node, "complete");
  fin->complete = g_strcmp0 (complete, "true") == 0 || g_strcmp0 (complete, "1") == 0;
  set = holboo_xml_node_get_child (node, "set", HOLBOO_XMLNS_RSM);
  if (set != NULL)
    {
      const char *first = holboo_xml_node_get_child_text (set, "first", HOLBOO_XMLNS_RSM);
      const char *last = holboo_xml_node_get_child_text (set, "last", HOLBOO_XMLNS_RSM);

      fin->first = holboo_xmpp_id_is_valid (first) ? g_strdup (first) : NULL;
      fin->last = holboo_xmpp_id_is_valid (last) ? g_strdup (last) : NULL;
    }
  return fin;
}

void
holboo_xmpp_mam_fin_free (HolbooXmppMamFin *fin)
{
  if (fin == NULL)
    return;

  g_free (fin->first);
  g_free (fin->last);
  g_free (fin);
}
