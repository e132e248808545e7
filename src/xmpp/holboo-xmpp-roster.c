/* holboo-xmpp-roster.c: the roster (RFC 6121 §2) with roster versioning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the account's own server may tell us who our contacts are: a
 * roster push is accepted when it has no 'from' or comes from the
 * account's bare JID (RFC 6121 §2.1.6); anything else is a forgery that
 * would plant or remove contacts, and is ignored without an answer.
 * Items are checked one by one: a missing or invalid JID, an unknown
 * subscription state or a name longer than any client writes makes the
 * item malformed.
 */

#define G_LOG_DOMAIN "holboo-xmpp-roster"

#include "config.h"

#include "holboo-xmpp-error.h"
#include "holboo-xmpp-roster.h"

#include <string.h>

G_DEFINE_ENUM_TYPE (HolbooXmppSubscription, holboo_xmpp_subscription,
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SUBSCRIPTION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SUBSCRIPTION_TO, "to"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SUBSCRIPTION_FROM, "from"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SUBSCRIPTION_BOTH, "both"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_SUBSCRIPTION_REMOVE, "remove"))

G_DEFINE_BOXED_TYPE (HolbooXmppRosterItem, holboo_xmpp_roster_item,
                     holboo_xmpp_roster_item_ref, holboo_xmpp_roster_item_unref)

static const char * const subscription_names[] = { "none", "to", "from", "both", "remove" };

static void
roster_item_clear (HolbooXmppRosterItem *item)
{
  g_free (item->jid);
  g_free (item->name);
  g_strfreev (item->groups);
}

/**
 * holboo_xmpp_roster_item_new:
 * @jid: the contact's bare JID, normalised
 *
 * Returns: (transfer full): an item with subscription none, no name
 *   and no groups
 */
HolbooXmppRosterItem *
holboo_xmpp_roster_item_new (const char *jid)
{
  HolbooXmppRosterItem *item = g_atomic_rc_box_new0 (HolbooXmppRosterItem);

  g_return_val_if_fail (jid != NULL, NULL);

  item->jid = g_strdup (jid);
  item->groups = g_new0 (char *, 1);
  return item;
}

HolbooXmppRosterItem *
holboo_xmpp_roster_item_ref (HolbooXmppRosterItem *item)
{
  return g_atomic_rc_box_acquire (item);
}

void
holboo_xmpp_roster_item_unref (HolbooXmppRosterItem *item)
{
  g_atomic_rc_box_release_full (item, (GDestroyNotify) roster_item_clear);
}

const char *
holboo_xmpp_subscription_to_string (HolbooXmppSubscription subscription)
{
  g_return_val_if_fail (subscription <= HOLBOO_XMPP_SUBSCRIPTION_REMOVE, NULL);
  return subscription_names[subscription];
}

static gboolean
parse_subscription (const char             *text,
                    HolbooXmppSubscription *out)
{
  if (text == NULL)
    {
      *out = HOLBOO_XMPP_SUBSCRIPTION_NONE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subscription_names); i++)
    if (strcmp (text, subscription_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
malformed (GError    **error,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gboolean
malformed (GError    **error,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST, text);
  return FALSE;
}

/**
 * holboo_xmpp_roster_item_parse:
 * @element: an `<item/>` in jabber:iq:roster
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the item, or %NULL for a
 *   malformed one (%HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST)
 */
HolbooXmppRosterItem *
holboo_xmpp_roster_item_parse (HolbooXmlNode  *element,
                               GError        **error)
{
  g_autoptr(HolbooXmppRosterItem) item = NULL;
  g_autoptr(HolbooJid) jid = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  HolbooXmlIter iter;
  HolbooXmlNode *group;
  HolbooXmppSubscription subscription;
  const char *jid_text, *name, *ask, *approved;

  g_return_val_if_fail (element != NULL, NULL);

  if (!holboo_xml_node_is (element, "item", HOLBOO_XMLNS_ROSTER))
    return malformed (error, "Not a roster item"), NULL;

  jid_text = holboo_xml_node_get_attribute (element, "jid");
  if (jid_text == NULL)
    return malformed (error, "A roster item without a JID"), NULL;
  jid = holboo_jid_parse (jid_text, -1, &local_error);
  if (jid == NULL)
    return malformed (error, "A roster item with an invalid JID: %s", local_error->message), NULL;
  if (!holboo_jid_is_bare (jid))
    return malformed (error, "A roster item for a full JID"), NULL;

  if (!parse_subscription (holboo_xml_node_get_attribute (element, "subscription"), &subscription))
    return malformed (error, "A roster item with an unknown subscription state"), NULL;

  name = holboo_xml_node_get_attribute (element, "name");
  if (name != NULL && strlen (name) > HOLBOO_XMPP_ROSTER_MAX_NAME_LENGTH)
    return malformed (error, "A roster item with a name of %zu bytes", strlen (name)), NULL;

  holboo_xml_iter_init (&iter, element, "group", HOLBOO_XMLNS_ROSTER);
  while (holboo_xml_iter_next (&iter, &group))
    {
      const char *text = holboo_xml_node_get_text (group);

      if (text == NULL || *text == '\0')
        continue;
      if (strlen (text) > HOLBOO_XMPP_ROSTER_MAX_NAME_LENGTH)
        return malformed (error, "A roster group name of %zu bytes", strlen (text)), NULL;
      if (g_ptr_array_find_with_equal_func (groups, text, g_str_equal, NULL))
        continue;
      if (groups->len == HOLBOO_XMPP_ROSTER_MAX_GROUPS)
        return malformed (error, "A roster item in more than %u groups", HOLBOO_XMPP_ROSTER_MAX_GROUPS), NULL;
      g_ptr_array_add (groups, g_strdup (text));
    }
  g_ptr_array_add (groups, NULL);

  ask = holboo_xml_node_get_attribute (element, "ask");
  approved = holboo_xml_node_get_attribute (element, "approved");

  item = holboo_xmpp_roster_item_new (holboo_jid_get_bare_string (jid));
  item->name = name != NULL && *name != '\0' ? g_strdup (name) : NULL;
  item->subscription = subscription;
  item->ask = g_strcmp0 (ask, "subscribe") == 0;
  item->approved = g_strcmp0 (approved, "true") == 0 || g_strcmp0 (approved, "1") == 0;
  g_strfreev (item->groups);
  item->groups = (char **) g_ptr_array_free (g_steal_pointer (&groups), FALSE);
  return g_steal_pointer (&item);
}

/**
 * holboo_xmpp_roster_supports_versioning:
 * @features: (nullable): the stream features
 *
 * Returns: whether the server offers roster versioning (RFC 6121 §2.6)
 */
gboolean
holboo_xmpp_roster_supports_versioning (HolbooXmlNode *features)
{
  return features != NULL &&
         holboo_xml_node_get_child (features, "ver", HOLBOO_XMLNS_ROSTER_VER) != NULL;
}

/**
 * holboo_xmpp_roster_build_get:
 * @ver: (nullable): %NULL when the server does not version rosters; else
 *   the version we have ("" for none yet)
 *
 * Returns: (transfer full): the roster get
 */
HolbooXmlNode *
holboo_xmpp_roster_build_get (const char *ver)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  HolbooXmlNode *query;

  holboo_xml_node_set_attribute (iq, "type", "get");
  query = holboo_xml_node_add_child_ns (iq, "query", HOLBOO_XMLNS_ROSTER);
  if (ver != NULL)
    holboo_xml_node_set_attribute (query, "ver", ver);
  return iq;
}

/**
 * holboo_xmpp_roster_parse_result:
 * @iq: the result of holboo_xmpp_roster_build_get()
 * @out_ver: (out) (transfer full) (nullable) (optional): the roster's
 *   version, if the server versions it
 * @out_items: (out) (transfer full) (element-type HolbooXmppRosterItem):
 *   the whole roster; %NULL when the server answered "nothing changed
 *   since the version you have" (an empty result: pushes follow)
 * @error: return location for a #GError
 *
 * Malformed items are left out with a debug line: one broken item does
 * not cost the others.
 *
 * Returns: %FALSE if @iq is no roster result
 */
gboolean
holboo_xmpp_roster_parse_result (HolbooXmlNode  *iq,
                                 char          **out_ver,
                                 GPtrArray     **out_items,
                                 GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  HolbooXmlNode *query, *child;
  HolbooXmlIter iter;

  g_return_val_if_fail (iq != NULL, FALSE);
  g_return_val_if_fail (out_items != NULL, FALSE);

  if (out_ver != NULL)
    *out_ver = NULL;
  *out_items = NULL;

  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "result") != 0)
    return malformed (error, "Not a roster result");

  query = holboo_xml_node_get_child (iq, "query", HOLBOO_XMLNS_ROSTER);
  if (query == NULL)
    return TRUE;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_xmpp_roster_item_unref);
  holboo_xml_iter_init (&iter, query, "item", HOLBOO_XMLNS_ROSTER);
  while (holboo_xml_iter_next (&iter, &child))
    {
      g_autoptr(GError) item_error = NULL;
      HolbooXmppRosterItem *item = holboo_xmpp_roster_item_parse (child, &item_error);
      gboolean dup = FALSE;

      if (item == NULL)
        {
          g_debug ("Leaving out a roster item: %s", item_error->message);
          continue;
        }
      if (item->subscription == HOLBOO_XMPP_SUBSCRIPTION_REMOVE)
        {
          g_debug ("Leaving out a roster item of %s marked removed", item->jid);
          holboo_xmpp_roster_item_unref (item);
          continue;
        }
      for (guint i = 0; i < items->len && !dup; i++)
        dup = strcmp (((HolbooXmppRosterItem *) items->pdata[i])->jid, item->jid) == 0;
      if (dup || items->len == HOLBOO_XMPP_ROSTER_MAX_ITEMS)
        {
          g_debug ("Leaving out roster item %s: %s", item->jid, dup ? "listed twice" : "too many items");
          holboo_xmpp_roster_item_unref (item);
          continue;
        }
      g_ptr_array_add (items, item);
    }

  if (out_ver != NULL)
    *out_ver = g_strdup (holboo_xml_node_get_attribute (query, "ver"));
  *out_items = g_steal_pointer (&items);
  return TRUE;
}

static HolbooXmlNode *
build_set_item (const char     *jid,
                HolbooXmlNode **out_item)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  HolbooXmlNode *query;

  holboo_xml_node_set_attribute (iq, "type", "set");
  query = holboo_xml_node_add_child_ns (iq, "query", HOLBOO_XMLNS_ROSTER);
  *out_item = holboo_xml_node_add_child (query, "item");
  holboo_xml_node_set_attribute (*out_item, "jid", jid);
  return iq;
}

/**
 * holboo_xmpp_roster_build_set:
 * @jid: the contact's bare JID
 * @name: (nullable): the name to give it
 * @groups: (nullable) (array zero-terminated=1): its groups
 *
 * Returns: (transfer full): the roster set that adds or updates the item
 */
HolbooXmlNode *
holboo_xmpp_roster_build_set (const char         *jid,
                              const char         *name,
                              const char * const *groups)
{
  HolbooXmlNode *item;
  HolbooXmlNode *iq;

  g_return_val_if_fail (jid != NULL, NULL);

  iq = build_set_item (jid, &item);
  if (name != NULL && *name != '\0')
    holboo_xml_node_set_attribute (item, "name", name);
  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    holboo_xml_node_add_text_child (item, "group", groups[i]);
  return iq;
}

/**
 * holboo_xmpp_roster_build_remove:
 * @jid: the contact's bare JID
 *
 * Returns: (transfer full): the roster set that removes the item (the
 *   server also cancels the subscriptions both ways)
 */
HolbooXmlNode *
holboo_xmpp_roster_build_remove (const char *jid)
{
  HolbooXmlNode *item;
  HolbooXmlNode *iq;

  g_return_val_if_fail (jid != NULL, NULL);

  iq = build_set_item (jid, &item);
  holboo_xml_node_set_attribute (item, "subscription", "remove");
  return iq;
}

/**
 * holboo_xmpp_roster_parse_push:
 * @iq: an iq set in jabber:iq:roster
 * @account: the account's JID
 * @out_ver: (out) (transfer full) (nullable): the roster version after
 *   the push, when the server versions the roster
 * @error: return location for a #GError
 *
 * Checks that the push comes from the account's own server and holds
 * exactly one valid item.
 *
 * Returns: (transfer full) (nullable): the pushed item (subscription
 *   %HOLBOO_XMPP_SUBSCRIPTION_REMOVE for a removal), or %NULL with
 *   %HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN for a push from anyone else —
 *   ignore it, do not answer it — or
 *   %HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST for a malformed one — answer
 *   that error
 */
HolbooXmppRosterItem *
holboo_xmpp_roster_parse_push (HolbooXmlNode    *iq,
                               const HolbooJid  *account,
                               char            **out_ver,
                               GError          **error)
{
  g_autoptr(HolbooXmppRosterItem) item = NULL;
  g_autoptr(HolbooJid) from_jid = NULL;
  HolbooXmlNode *query, *child, *first = NULL;
  const char *from;
  guint n = 0;

  g_return_val_if_fail (iq != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);

  if (out_ver != NULL)
    *out_ver = NULL;

  from = holboo_xml_node_get_attribute (iq, "from");
  if (from != NULL)
    {
      from_jid = holboo_jid_parse (from, -1, NULL);
      if (from_jid == NULL || !holboo_jid_is_bare (from_jid) || !holboo_jid_equal_bare (from_jid, account))
        {
          g_set_error (error, HOLBOO_XMPP_STANZA_ERROR, HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN,
                       "A roster push from “%s”, not from the account's server", from);
          return NULL;
        }
    }

  query = holboo_xml_node_get_child (iq, "query", HOLBOO_XMLNS_ROSTER);
  if (g_strcmp0 (holboo_xml_node_get_attribute (iq, "type"), "set") != 0 || query == NULL)
    return malformed (error, "Not a roster push"), NULL;

  for (child = holboo_xml_node_get_first_child (query); child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    if (holboo_xml_node_get_name (child) != NULL && holboo_xml_node_is (child, "item", HOLBOO_XMLNS_ROSTER))
      {
        first = first != NULL ? first : child;
        n++;
      }
  if (n != 1)
    return malformed (error, "A roster push with %u items instead of one", n), NULL;

  item = holboo_xmpp_roster_item_parse (first, error);
  if (item == NULL)
    return NULL;

  if (out_ver != NULL)
    *out_ver = g_strdup (holboo_xml_node_get_attribute (query, "ver"));
  return g_steal_pointer (&item);
}

/**
 * holboo_xmpp_iq_build_result:
 * @request: an iq get or set
 *
 * Returns: (transfer full): an empty result answering it
 */
HolbooXmlNode *
holboo_xmpp_iq_build_result (HolbooXmlNode *request)
{
  HolbooXmlNode *result = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);
  const char *from = holboo_xml_node_get_attribute (request, "from");

  holboo_xml_node_set_attribute (result, "type", "result");
  holboo_xml_node_set_attribute (result, "id", holboo_xml_node_get_attribute (request, "id"));
  if (from != NULL)
    holboo_xml_node_set_attribute (result, "to", from);
  return result;
}
