/* holboo-xmpp-pep.c: personal eventing (XEP-0163) over publish-subscribe
 * (XEP-0060)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A publish carries its node's wanted configuration as publish-options
 * (XEP-0060 §7.1.5): the server creates the node so, or answers
 * precondition-not-met when the node exists configured otherwise; the
 * caller then reconfigures (pubsub#owner) and publishes again.  Prosody
 * and ejabberd both behave so.
 *
 * Items and events come from other accounts: a payload is taken only
 * from the node asked for, and an event only when it comes from a bare
 * JID (PEP events are sent by the publisher's account).
 */

#define G_LOG_DOMAIN "holboo-xmpp-pep"

#include "config.h"

#include "holboo-xmpp-pep.h"
#include "holboo-xmpp-error.h"

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

/* Publish-options carry only the access model: ejabberd 23.01 refuses
 * ones it does not know (pubsub#max_items among them).  The node's own
 * configuration (@max_items > 0) also keeps one item only, so that a
 * node whose item ids change (avatars: the id is the image's hash)
 * never answers with an old item. */
static void
add_config_form (HolbooXmlNode      *parent,
                 const char         *form_type,
                 HolbooXmppPepAccess access,
                 guint               max_items)
{
  HolbooXmlNode *form = holboo_xml_node_add_child_ns (parent, "x", "jabber:x:data");

  holboo_xml_node_set_attribute (form, "type", "submit");
  add_field (form, "FORM_TYPE", "hidden", form_type);
  add_field (form, "pubsub#access_model", NULL, holboo_xmpp_pep_access_to_string (access));
  if (max_items > 0)
    {
      g_autofree char *max = g_strdup_printf ("%u", max_items);

      add_field (form, "pubsub#max_items", NULL, max);
    }
}

static HolbooXmlNode *
new_iq (const char *type,
        const char *to)
{
  g_autofree char *id = g_uuid_string_random ();
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (iq, "type", type);
  holboo_xml_node_set_attribute (iq, "id", id);
  if (to != NULL)
    holboo_xml_node_set_attribute (iq, "to", to);
  return iq;
}

const char *
holboo_xmpp_pep_access_to_string (HolbooXmppPepAccess access)
{
  switch (access)
    {
    case HOLBOO_XMPP_PEP_ACCESS_OPEN: return "open";
    case HOLBOO_XMPP_PEP_ACCESS_PRESENCE:
    default: return "presence";
    }
}

/**
 * holboo_xmpp_pep_build_publish:
 * @node: the node, e.g. "urn:xmpp:vcard4"
 * @item_id: (nullable): the item's id ("current" for a singleton)
 * @payload: the item's content; a reference is added
 * @access: who may read the node
 *
 * Returns: (transfer full): an iq set to the account's own PEP service
 */
HolbooXmlNode *
holboo_xmpp_pep_build_publish (const char         *node,
                               const char         *item_id,
                               HolbooXmlNode      *payload,
                               HolbooXmppPepAccess access)
{
  HolbooXmlNode *iq, *pubsub, *publish, *item;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  iq = new_iq ("set", NULL);
  pubsub = holboo_xml_node_add_child_ns (iq, "pubsub", HOLBOO_XMLNS_PUBSUB);
  publish = holboo_xml_node_add_child (pubsub, "publish");
  holboo_xml_node_set_attribute (publish, "node", node);
  item = holboo_xml_node_add_child (publish, "item");
  if (item_id != NULL)
    holboo_xml_node_set_attribute (item, "id", item_id);
  holboo_xml_node_append_child (item, payload);
  add_config_form (holboo_xml_node_add_child (pubsub, "publish-options"),
                   "http://jabber.org/protocol/pubsub#publish-options", access, 0);
  return iq;
}

/**
 * holboo_xmpp_pep_build_configure:
 *
 * Returns: (transfer full): an iq set that configures the account's own
 *   @node: readable by @access, one item kept (after a precondition
 *   error, or to drop the old items of a node whose item ids change)
 */
HolbooXmlNode *
holboo_xmpp_pep_build_configure (const char         *node,
                                 HolbooXmppPepAccess access)
{
  HolbooXmlNode *iq, *configure;

  g_return_val_if_fail (node != NULL, NULL);

  iq = new_iq ("set", NULL);
  configure = holboo_xml_node_add_child (holboo_xml_node_add_child_ns (iq, "pubsub", HOLBOO_XMLNS_PUBSUB_OWNER),
                                         "configure");
  holboo_xml_node_set_attribute (configure, "node", node);
  add_config_form (configure, "http://jabber.org/protocol/pubsub#node_config", access, 1);
  return iq;
}

/**
 * holboo_xmpp_pep_is_precondition_error:
 *
 * Returns: whether a publish failed because the node exists with another
 *   configuration than its publish-options asked for
 */
gboolean
holboo_xmpp_pep_is_precondition_error (const GError *error)
{
  return error != NULL &&
         g_error_matches (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_CONFLICT);
}

/**
 * holboo_xmpp_pep_build_items_request:
 * @to: the account whose node to read (a bare JID)
 * @item_id: (nullable): the item wanted; %NULL for the newest one
 *
 * Returns: (transfer full): the iq get
 */
HolbooXmlNode *
holboo_xmpp_pep_build_items_request (const char *to,
                                     const char *node,
                                     const char *item_id)
{
  HolbooXmlNode *iq, *items;

  g_return_val_if_fail (to != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  iq = new_iq ("get", to);
  items = holboo_xml_node_add_child (holboo_xml_node_add_child_ns (iq, "pubsub", HOLBOO_XMLNS_PUBSUB),
                                     "items");
  holboo_xml_node_set_attribute (items, "node", node);
  if (item_id != NULL)
    holboo_xml_node_set_attribute (holboo_xml_node_add_child (items, "item"), "id", item_id);
  else
    holboo_xml_node_set_attribute (items, "max_items", "1");
  return iq;
}

static HolbooXmlNode *
first_payload (HolbooXmlNode *items,
               const char    *payload_name,
               const char    *payload_ns)
{
  HolbooXmlIter iter;
  HolbooXmlNode *item;

  holboo_xml_iter_init (&iter, items, "item", holboo_xml_node_get_ns (items));
  while (holboo_xml_iter_next (&iter, &item))
    {
      HolbooXmlNode *payload = holboo_xml_node_get_child (item, payload_name, payload_ns);

      if (payload != NULL)
        return payload;
    }
  return NULL;
}

/**
 * holboo_xmpp_pep_get_item_payload:
 * @iq: the result of holboo_xmpp_pep_build_items_request()
 * @error: set (%G_IO_ERROR_NOT_FOUND) when the result holds no such item
 *
 * Returns: (transfer none) (nullable): the first item's payload
 */
HolbooXmlNode *
holboo_xmpp_pep_get_item_payload (HolbooXmlNode *iq,
                                  const char    *node,
                                  const char    *payload_name,
                                  const char    *payload_ns,
                                  GError       **error)
{
  HolbooXmlNode *pubsub, *items, *payload = NULL;

  g_return_val_if_fail (iq != NULL, NULL);

  pubsub = holboo_xml_node_get_child (iq, "pubsub", HOLBOO_XMLNS_PUBSUB);
  items = pubsub != NULL ? holboo_xml_node_get_child (pubsub, "items", HOLBOO_XMLNS_PUBSUB) : NULL;
  if (items != NULL && g_strcmp0 (holboo_xml_node_get_attribute (items, "node"), node) == 0)
    payload = first_payload (items, payload_name, payload_ns);

  if (payload == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 "No <%s xmlns='%s'> in node %s", payload_name, payload_ns, node);
  return payload;
}

/**
 * holboo_xmpp_pep_parse_event:
 * @message: a message that may carry a PEP event
 * @from: (out) (optional): its publisher, a bare JID
 *
 * Returns: (transfer none) (nullable): the payload of the event's first
 *   item of @node, or %NULL if @message is no such event (or not from
 *   an account's bare JID)
 */
HolbooXmlNode *
holboo_xmpp_pep_parse_event (HolbooXmlNode *message,
                             const char    *node,
                             const char    *payload_name,
                             const char    *payload_ns,
                             HolbooJid    **from)
{
  g_autoptr(HolbooJid) jid = NULL;
  HolbooXmlNode *event, *items, *payload;
  const char *from_text;

  g_return_val_if_fail (message != NULL, NULL);

  event = holboo_xml_node_get_child (message, "event", HOLBOO_XMLNS_PUBSUB_EVENT);
  items = event != NULL ? holboo_xml_node_get_child (event, "items", HOLBOO_XMLNS_PUBSUB_EVENT) : NULL;
  if (items == NULL || g_strcmp0 (holboo_xml_node_get_attribute (items, "node"), node) != 0)
    return NULL;

  from_text = holboo_xml_node_get_attribute (message, "from");
  jid = from_text != NULL ? holboo_jid_parse (from_text, -1, NULL) : NULL;
  if (jid == NULL || !holboo_jid_is_bare (jid) || holboo_jid_get_localpart (jid) == NULL)
    {
      g_message ("Dropping a %s event not from an account (from “%s”)", node,
                 from_text ? from_text : "");
      return NULL;
    }

  payload = first_payload (items, payload_name, payload_ns);
  if (payload != NULL && from != NULL)
    *from = g_steal_pointer (&jid);
  return payload;
}

/**
 * holboo_xmpp_pep_serialized_size:
 *
 * Returns: how many bytes @node takes as XML
 */
gsize
holboo_xmpp_pep_serialized_size (HolbooXmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  holboo_xml_node_serialize (node, out, HOLBOO_XML_SERIALIZE_NONE);
  return out->len;
}
