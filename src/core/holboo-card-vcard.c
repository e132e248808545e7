/* holboo-card-vcard.c: a card as vCard4 XML (RFC 6351), the form XEP-0292
 * publishes over PEP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written: fn, title, org (company; department), tel (tel: URIs), email,
 * impp (xmpp: URI), url, adr (the one-line address as its street) and,
 * only when asked, photo as a data: URI.  Read: the same, plus every
 * address component and text-valued tel; unknown properties are ignored.
 * A photo given by any URI but data: is never fetched: reading a card
 * must not make the reader's client call out to a server the sender
 * chose.
 */

#define G_LOG_DOMAIN "holboo-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "holboo-card-private.h"

#include <string.h>

/* Properties read from one card at most; the rest are ignored. */
#define MAX_PROPERTIES 256

static const char * const adr_components[] = {
  "pobox", "ext", "street", "locality", "region", "code", "country", NULL
};

static void
add_value (HolbooXmlNode *vcard,
           const char    *property,
           const char    *value_type,
           const char    *value)
{
  HolbooXmlNode *node;

  if (value == NULL)
    return;
  node = holboo_xml_node_add_child (vcard, property);
  holboo_xml_node_add_text_child (node, value_type, value);
}

static const char *
value_of (HolbooXmlNode *property,
          const char    *value_type)
{
  const char *text = holboo_xml_node_get_child_text (property, value_type, HOLBOO_XMLNS_VCARD4);

  return text != NULL && *text != '\0' ? text : NULL;
}

/**
 * holboo_card_to_vcard_xml:
 * @with_photo: put the photo in, as a data: URI
 *
 * Returns: (transfer full): a `<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'/>`
 */
HolbooXmlNode *
holboo_card_to_vcard_xml (HolbooCard *self,
                          gboolean    with_photo)
{
  HolbooXmlNode *vcard;
  const char * const *list;
  const char *company, *department;

  g_return_val_if_fail (HOLBOO_IS_CARD (self), NULL);

  vcard = holboo_xml_node_new ("vcard", HOLBOO_XMLNS_VCARD4);
  /* FN is the one property vCard 4 requires. */
  add_value (vcard, "fn", "text", holboo_card_get_name (self) ? holboo_card_get_name (self) : "");
  add_value (vcard, "title", "text", holboo_card_get_title (self));

  company = holboo_card_get_company (self);
  department = holboo_card_get_department (self);
  if (company != NULL || department != NULL)
    {
      HolbooXmlNode *org = holboo_xml_node_add_child (vcard, "org");

      holboo_xml_node_add_text_child (org, "text", company ? company : "");
      if (department != NULL)
        holboo_xml_node_add_text_child (org, "text", department);
    }

  list = holboo_card_get_phones (self);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *uri = g_strconcat ("tel:", list[i], NULL);
      HolbooXmlNode *tel = holboo_xml_node_add_child (vcard, "tel");
      HolbooXmlNode *type = holboo_xml_node_add_child (holboo_xml_node_add_child (tel, "parameters"), "type");

      holboo_xml_node_add_text_child (type, "text", "work");
      holboo_xml_node_add_text_child (type, "text", "voice");
      holboo_xml_node_add_text_child (tel, "uri", uri);
    }

  list = holboo_card_get_emails (self);
  for (guint i = 0; list[i] != NULL; i++)
    add_value (vcard, "email", "text", list[i]);

  if (holboo_card_get_xmpp (self) != NULL)
    {
      g_autofree char *uri = g_strconcat ("xmpp:", holboo_card_get_xmpp (self), NULL);

      add_value (vcard, "impp", "uri", uri);
    }
  add_value (vcard, "url", "uri", holboo_card_get_website (self));

  if (holboo_card_get_address (self) != NULL)
    {
      HolbooXmlNode *adr = holboo_xml_node_add_child (vcard, "adr");

      for (guint i = 0; adr_components[i] != NULL; i++)
        holboo_xml_node_add_text_child (adr, adr_components[i],
                                        g_str_equal (adr_components[i], "street")
                                          ? holboo_card_get_address (self) : NULL);
    }

  if (with_photo)
    {
      g_autofree char *uri = _holboo_card_dup_photo_uri (self);

      add_value (vcard, "photo", "uri", uri);
    }

  return vcard;
}

static char *
read_address (HolbooXmlNode *adr)
{
  const char *parts[G_N_ELEMENTS (adr_components)] = { NULL, };

  for (guint i = 0; adr_components[i] != NULL; i++)
    parts[i] = holboo_xml_node_get_child_text (adr, adr_components[i], HOLBOO_XMLNS_VCARD4);
  return _holboo_card_join_address (parts);
}

/**
 * holboo_card_new_from_vcard_xml:
 * @vcard: a `<vcard/>` in the vCard 4 namespace (from anyone)
 * @error: set when @vcard is no vCard 4
 *
 * Reads a card; see holboo-card.h for what is cleaned or left out.
 *
 * Returns: (transfer full) (nullable): the card
 */
HolbooCard *
holboo_card_new_from_vcard_xml (HolbooXmlNode *vcard,
                                GError       **error)
{
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GPtrArray) phones = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  g_autoptr(GPtrArray) emails = g_ptr_array_new_null_terminated (0, NULL, TRUE);
  guint n = 0;

  g_return_val_if_fail (vcard != NULL, NULL);

  if (!holboo_xml_node_is (vcard, "vcard", HOLBOO_XMLNS_VCARD4))
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_INVALID,
                   _("This is not a vCard 4 but <%s xmlns='%s'>"), holboo_xml_node_get_name (vcard),
                   holboo_xml_node_get_ns (vcard) ? holboo_xml_node_get_ns (vcard) : "");
      return NULL;
    }

  card = holboo_card_new ();
  for (HolbooXmlNode *p = holboo_xml_node_get_first_child (vcard);
       p != NULL;
       p = holboo_xml_node_get_next_sibling (p))
    {
      const char *name = holboo_xml_node_get_name (p);
      const char *value;

      if (g_strcmp0 (holboo_xml_node_get_ns (p), HOLBOO_XMLNS_VCARD4) != 0)
        continue;
      if (++n > MAX_PROPERTIES)
        {
          g_debug ("A vCard has more than %u properties; the rest are ignored", MAX_PROPERTIES);
          break;
        }

      if (g_str_equal (name, "fn") && (value = value_of (p, "text")))
        holboo_card_set_name (card, value);
      else if (g_str_equal (name, "title") && (value = value_of (p, "text")))
        holboo_card_set_title (card, value);
      else if (g_str_equal (name, "org"))
        {
          HolbooXmlIter iter;
          HolbooXmlNode *text;
          guint i = 0;

          holboo_xml_iter_init (&iter, p, "text", HOLBOO_XMLNS_VCARD4);
          while (holboo_xml_iter_next (&iter, &text) && i < 2)
            {
              if (i++ == 0)
                holboo_card_set_company (card, holboo_xml_node_get_text (text));
              else
                holboo_card_set_department (card, holboo_xml_node_get_text (text));
            }
        }
      else if (g_str_equal (name, "tel"))
        {
          value = value_of (p, "uri");
          if (value != NULL && g_ascii_strncasecmp (value, "tel:", 4) == 0)
            value += 4;
          else if (value != NULL)
            value = NULL;   /* sip:, https:…: not a number to dial */
          if (value == NULL)
            value = value_of (p, "text");
          if (value != NULL && phones->len < HOLBOO_CARD_MAX_VALUES)
            g_ptr_array_add (phones, (gpointer) value);
        }
      else if (g_str_equal (name, "email") && (value = value_of (p, "text")))
        {
          if (emails->len < HOLBOO_CARD_MAX_VALUES)
            g_ptr_array_add (emails, (gpointer) value);
        }
      else if (g_str_equal (name, "impp") && (value = value_of (p, "uri")))
        {
          if (holboo_card_get_xmpp (card) == NULL && g_ascii_strncasecmp (value, "xmpp:", 5) == 0)
            holboo_card_set_xmpp (card, value + 5);
        }
      else if (g_str_equal (name, "url") && (value = value_of (p, "uri")))
        {
          if (holboo_card_get_website (card) == NULL)
            holboo_card_set_website (card, value);
        }
      else if (g_str_equal (name, "adr"))
        {
          g_autofree char *address = read_address (p);

          if (holboo_card_get_address (card) == NULL)
            holboo_card_set_address (card, address);
        }
      else if (g_str_equal (name, "photo") && (value = value_of (p, "uri")))
        {
          if (holboo_card_get_photo (card) == NULL)
            _holboo_card_take_photo_uri (card, value);
        }
    }

  holboo_card_set_phones (card, (const char * const *) phones->pdata);
  holboo_card_set_emails (card, (const char * const *) emails->pdata);
  return g_steal_pointer (&card);
}
