/* holboo-xmpp-blocking.c: blocking command (XEP-0191)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like roster pushes, block and unblock pushes are believed only from
 * the account's own server (no 'from', or the account's bare JID):
 * anyone else could otherwise unblock themselves.  A push with an
 * invalid JID is malformed as a whole, so that the list never half
 * applies one.
 */

#define G_LOG_DOMAIN "holboo-xmpp-blocking"

#include "config.h"

#include "holboo-xmpp-blocking.h"
#include "holboo-xmpp-error.h"

#include <string.h>

/**
 * holboo_xmpp_blocking_build_get:
 *
 * Returns: (transfer full): the iq that asks for the blocklist
 */
HolbooXmlNode *
holboo_xmpp_blocking_build_get (void)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (iq, "type", "get");
  holboo_xml_node_add_child_ns (iq, "blocklist", HOLBOO_XMLNS_BLOCKING);
  return iq;
}

/* The normalised JIDs of @parent's items, each once; NULL with @error
 * for an invalid one (when @strict), else invalid ones are left out. */
static GPtrArray *
parse_items (HolbooXmlNode  *parent,
             gboolean        strict,
             GError        **error)
{
  g_autoptr(GPtrArray) jids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  HolbooXmlIter iter;
  HolbooXmlNode *item;

  holboo_xml_iter_init (&iter, parent, "item", HOLBOO_XMLNS_BLOCKING);
  while (holboo_xml_iter_next (&iter, &item))
    {
      const char *text = holboo_xml_node_get_attribute (item, "jid");
      g_autoptr(GError) local_error = NULL;
      g_autoptr(HolbooJid) jid = NULL;
      const char *normal;

      jid = text != NULL ? holboo_jid_parse (text, -1, &local_error) : NULL;
      if (jid == NULL)
        {
          if (strict)
            {
              g_set_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST,
                           "A blocking item with %s JID", text == NULL ? "no" : "an invalid");
              return NULL;
            }
          g_debug ("Leaving out a blocklist item with %s JID", text == NULL ? "no" : "an invalid");
          continue;
        }
      if (jids->len == HOLBOO_XMPP_BLOCKING_MAX_ITEMS)
        {
          g_set_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST,
                       "More than %u blocked JIDs", HOLBOO_XMPP_BLOCKING_MAX_ITEMS);
          return NULL;
        }
      normal = holboo_jid_to_string (jid);
      if (g_hash_table_contains (seen, normal))
        continue;
      g_ptr_array_add (jids, g_strdup (normal));
      g_hash_table_add (seen, jids->pdata[jids->len - 1]);
    }
  return g_steal_pointer (&jids);
}

/**
 * holboo_xmpp_blocking_parse_list:
 * @iq: the answer to holboo_xmpp_blocking_build_get()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the blocked
 *   JIDs, normalised, each once; %NULL with a %HOLBOO_XMPP_ERROR_PROTOCOL
 *   if @iq is no blocklist
 */
GPtrArray *
holboo_xmpp_blocking_parse_list (HolbooXmlNode  *iq,
                                 GError        **error)
{
  HolbooXmlNode *list = holboo_xml_node_get_child (iq, "blocklist", HOLBOO_XMLNS_BLOCKING);
  g_autoptr(GError) local_error = NULL;
  GPtrArray *jids;

  if (list == NULL || g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "result") != 0)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL, "Not a blocklist");
      return NULL;
    }
  jids = parse_items (list, FALSE, &local_error);
  if (jids == NULL)
    g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL, local_error->message);
  return jids;
}

static HolbooXmlNode *
build_command (const char         *name,
               const char * const *jids)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  HolbooXmlNode *command;

  holboo_xml_node_set_attribute (iq, "type", "set");
  command = holboo_xml_node_add_child_ns (iq, name, HOLBOO_XMLNS_BLOCKING);
  for (guint i = 0; jids != NULL && jids[i] != NULL; i++)
    holboo_xml_node_set_attribute (holboo_xml_node_add_child (command, "item"), "jid", jids[i]);
  return iq;
}

/**
 * holboo_xmpp_blocking_build_block:
 * @jids: (array zero-terminated=1): at least one JID
 *
 * Returns: (transfer full): the block command
 */
HolbooXmlNode *
holboo_xmpp_blocking_build_block (const char * const *jids)
{
  g_return_val_if_fail (jids != NULL && jids[0] != NULL, NULL);
  return build_command ("block", jids);
}

/**
 * holboo_xmpp_blocking_build_unblock:
 * @jids: (array zero-terminated=1) (nullable): the JIDs; %NULL or empty
 *   to unblock everyone
 *
 * Returns: (transfer full): the unblock command
 */
HolbooXmlNode *
holboo_xmpp_blocking_build_unblock (const char * const *jids)
{
  return build_command ("unblock", jids);
}

/**
 * holboo_xmpp_blocking_parse_push:
 * @iq: an iq set in urn:xmpp:blocking
 * @account: the account's JID
 * @out_kind: (out): block, unblock or unblock all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8) (nullable): the JIDs
 *   (empty for unblock all), or %NULL with
 *   %HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN for a push from anyone but the
 *   account's server — ignore it — or %HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST
 *   for a malformed one — answer that error
 */
GPtrArray *
holboo_xmpp_blocking_parse_push (HolbooXmlNode           *iq,
                                 const HolbooJid         *account,
                                 HolbooXmppBlockingPush  *out_kind,
                                 GError                 **error)
{
  const char *from = holboo_xml_node_get_attribute (iq, "from");
  HolbooXmlNode *block, *unblock;
  GPtrArray *jids;

  g_return_val_if_fail (iq != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);
  g_return_val_if_fail (out_kind != NULL, NULL);

  if (from != NULL)
    {
      g_autoptr(HolbooJid) from_jid = holboo_jid_parse (from, -1, NULL);

      if (from_jid == NULL || !holboo_jid_is_bare (from_jid) || !holboo_jid_equal_bare (from_jid, account))
        {
          g_set_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN,
                       "A blocking push from “%s”, not from the account's server", from);
          return NULL;
        }
    }

  block = holboo_xml_node_get_child (iq, "block", HOLBOO_XMLNS_BLOCKING);
  unblock = holboo_xml_node_get_child (iq, "unblock", HOLBOO_XMLNS_BLOCKING);
  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "set") != 0 || (block == NULL) == (unblock == NULL))
    {
      g_set_error_literal (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST,
                           "Not a blocking push");
      return NULL;
    }

  jids = parse_items (block != NULL ? block : unblock, TRUE, error);
  if (jids == NULL)
    return NULL;
  if (block != NULL && jids->len == 0)
    {
      g_ptr_array_unref (jids);
      g_set_error_literal (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST,
                           "A block push without items");
      return NULL;
    }

  if (block != NULL)
    *out_kind = HOLBOO_XMPP_BLOCKING_PUSH_BLOCK;
  else
    *out_kind = jids->len == 0 ? HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK_ALL : HOLBOO_XMPP_BLOCKING_PUSH_UNBLOCK;
  return jids;
}

/**
 * holboo_xmpp_blocking_matches:
 * @blocked: (element-type utf8 utf8): the blocked JIDs, normalised, as a set
 * @jid: an address
 *
 * XEP-0191 §3.2 (the JID matching of XEP-0016 §2.1): @jid is blocked if
 * its full JID, its bare JID, its domain with its resource, or its
 * domain is listed.
 *
 * Returns: whether @jid is blocked
 */
gboolean
holboo_xmpp_blocking_matches (GHashTable      *blocked,
                              const HolbooJid *jid)
{
  const char *domain = holboo_jid_get_domainpart (jid);
  const char *resource = holboo_jid_get_resourcepart (jid);

  if (blocked == NULL || g_hash_table_size (blocked) == 0)
    return FALSE;
  if (g_hash_table_contains (blocked, holboo_jid_to_string (jid)) ||
      g_hash_table_contains (blocked, holboo_jid_get_bare_string (jid)) ||
      g_hash_table_contains (blocked, domain))
    return TRUE;
  if (resource != NULL)
    {
      g_autofree char *domain_resource = g_strconcat (domain, "/", resource, NULL);

      return g_hash_table_contains (blocked, domain_resource);
    }
  return FALSE;
}
