/* holboo-xmpp-avatar.c: user avatars over PEP (XEP-0084), and the
 * vCard-based avatars of older clients (XEP-0153, XEP-0054)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XEP-0084 keeps the image in the urn:xmpp:avatar:data node, as an item
 * whose id is the image's SHA-1, and announces it in the metadata node;
 * the data is published first so that whoever reads the metadata finds
 * it.  A reader checks the size the metadata gives before fetching, the
 * base64 length before decoding, and the SHA-1 after.
 *
 * Older clients announce a vcard-temp photo's hash in their presence
 * (XEP-0153) and keep the photo in the vcard-temp (XEP-0054).  Prosody's
 * mod_vcard_legacy serves a PEP avatar that way too.
 */

#define G_LOG_DOMAIN "holboo-xmpp-avatar"

#include "config.h"

#include "holboo-xmpp-avatar.h"

#include <stdlib.h>
#include <string.h>

void
holboo_xmpp_avatar_info_free (HolbooXmppAvatarInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->type);
  g_free (info);
}

/**
 * holboo_xmpp_avatar_compute_id:
 *
 * Returns: (transfer full): the SHA-1 of @data in lower-case hex
 */
char *
holboo_xmpp_avatar_compute_id (GBytes *data)
{
  g_return_val_if_fail (data != NULL, NULL);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, data);
}

/**
 * holboo_xmpp_avatar_build_data_publish:
 *
 * Returns: (transfer full): the iq that publishes @data, item id its SHA-1
 */
HolbooXmlNode *
holboo_xmpp_avatar_build_data_publish (GBytes             *data,
                                       HolbooXmppPepAccess access)
{
  g_autoptr(HolbooXmlNode) payload = NULL;
  g_autofree char *id = NULL;
  g_autofree char *base64 = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  id = holboo_xmpp_avatar_compute_id (data);
  base64 = g_base64_encode (g_bytes_get_data (data, NULL), g_bytes_get_size (data));
  payload = holboo_xml_node_new ("data", HOLBOO_XMLNS_AVATAR_DATA);
  holboo_xml_node_add_text (payload, base64, -1);
  return holboo_xmpp_pep_build_publish (HOLBOO_XMLNS_AVATAR_DATA, id, payload, access);
}

/**
 * holboo_xmpp_avatar_build_metadata_publish:
 * @info: (nullable): the avatar; %NULL to say there is none
 *
 * Returns: (transfer full): the iq that announces @info
 */
HolbooXmlNode *
holboo_xmpp_avatar_build_metadata_publish (const HolbooXmppAvatarInfo *info,
                                           HolbooXmppPepAccess         access)
{
  g_autoptr(HolbooXmlNode) payload = holboo_xml_node_new ("metadata", HOLBOO_XMLNS_AVATAR_METADATA);

  if (info != NULL)
    {
      HolbooXmlNode *node = holboo_xml_node_add_child (payload, "info");
      g_autofree char *bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, info->bytes);

      holboo_xml_node_set_attribute (node, "id", info->id);
      holboo_xml_node_set_attribute (node, "type", info->type);
      holboo_xml_node_set_attribute (node, "bytes", bytes);
      if (info->width > 0 && info->height > 0)
        {
          g_autofree char *width = g_strdup_printf ("%u", info->width);
          g_autofree char *height = g_strdup_printf ("%u", info->height);

          holboo_xml_node_set_attribute (node, "width", width);
          holboo_xml_node_set_attribute (node, "height", height);
        }
    }

  return holboo_xmpp_pep_build_publish (HOLBOO_XMLNS_AVATAR_METADATA,
                                        info != NULL ? info->id : "current",
                                        payload, access);
}

HolbooXmlNode *
holboo_xmpp_avatar_build_metadata_request (const char *jid)
{
  return holboo_xmpp_pep_build_items_request (jid, HOLBOO_XMLNS_AVATAR_METADATA, NULL);
}

static gboolean
is_sha1_hex (const char *id)
{
  if (id == NULL || strlen (id) != 40)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static guint
parse_uint_attribute (HolbooXmlNode *node,
                      const char    *name)
{
  const char *text = holboo_xml_node_get_attribute (node, name);
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return 0;
  return (guint) value;
}

/* The metadata's first <info/> with a usable id, or NULL (no avatar). */
static HolbooXmppAvatarInfo *
info_from_metadata (HolbooXmlNode *metadata)
{
  HolbooXmlIter iter;
  HolbooXmlNode *node;

  holboo_xml_iter_init (&iter, metadata, "info", HOLBOO_XMLNS_AVATAR_METADATA);
  while (holboo_xml_iter_next (&iter, &node))
    {
      const char *id = holboo_xml_node_get_attribute (node, "id");
      const char *bytes = holboo_xml_node_get_attribute (node, "bytes");
      HolbooXmppAvatarInfo *info;

      /* An <info/> with a url is hosted elsewhere: not fetched. */
      if (!is_sha1_hex (id) || holboo_xml_node_get_attribute (node, "url") != NULL)
        continue;

      info = g_new0 (HolbooXmppAvatarInfo, 1);
      info->id = g_ascii_strdown (id, -1);
      info->type = g_strdup (holboo_xml_node_get_attribute (node, "type"));
      if (bytes == NULL || !g_ascii_string_to_unsigned (bytes, 10, 0, G_MAXUINT64, &info->bytes, NULL))
        info->bytes = 0;
      info->width = parse_uint_attribute (node, "width");
      info->height = parse_uint_attribute (node, "height");
      return info;
    }
  return NULL;
}

/**
 * holboo_xmpp_avatar_parse_metadata:
 * @error: %G_IO_ERROR_NOT_FOUND when there is no avatar
 *
 * Returns: (transfer full) (nullable): the avatar the metadata announces
 */
HolbooXmppAvatarInfo *
holboo_xmpp_avatar_parse_metadata (HolbooXmlNode *iq,
                                   GError       **error)
{
  HolbooXmlNode *metadata;
  HolbooXmppAvatarInfo *info;

  metadata = holboo_xmpp_pep_get_item_payload (iq, HOLBOO_XMLNS_AVATAR_METADATA, "metadata",
                                               HOLBOO_XMLNS_AVATAR_METADATA, error);
  if (metadata == NULL)
    return NULL;

  info = info_from_metadata (metadata);
  if (info == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The account has no avatar");
  return info;
}

/**
 * holboo_xmpp_avatar_parse_metadata_event:
 * @from: (out) (optional): whose avatar it is
 * @removed: (out) (optional): set when the event says there is no avatar
 *
 * Returns: (transfer full) (nullable): the new avatar, or %NULL
 */
HolbooXmppAvatarInfo *
holboo_xmpp_avatar_parse_metadata_event (HolbooXmlNode *message,
                                         HolbooJid    **from,
                                         gboolean      *removed)
{
  g_autoptr(HolbooJid) jid = NULL;
  HolbooXmlNode *metadata;
  HolbooXmppAvatarInfo *info;

  if (removed != NULL)
    *removed = FALSE;
  metadata = holboo_xmpp_pep_parse_event (message, HOLBOO_XMLNS_AVATAR_METADATA, "metadata",
                                          HOLBOO_XMLNS_AVATAR_METADATA, &jid);
  if (metadata == NULL)
    return NULL;

  info = info_from_metadata (metadata);
  if (removed != NULL)
    *removed = info == NULL;
  if (from != NULL)
    *from = g_steal_pointer (&jid);
  return info;
}

HolbooXmlNode *
holboo_xmpp_avatar_build_data_request (const char *jid,
                                       const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return holboo_xmpp_pep_build_items_request (jid, HOLBOO_XMLNS_AVATAR_DATA, id);
}

static GBytes *
decode_checked (const char *base64,
                GError    **error)
{
  gsize length = base64 != NULL ? strlen (base64) : 0;
  g_autofree guchar *data = NULL;
  gsize size;

  if (length / 4 * 3 > HOLBOO_XMPP_AVATAR_MAX_SIZE + 3)
    {
      g_message ("Refusing an avatar of about %" G_GSIZE_FORMAT " bytes (the limit is %u)",
                 length / 4 * 3, HOLBOO_XMPP_AVATAR_MAX_SIZE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "The avatar is over the limit of %u bytes", HOLBOO_XMPP_AVATAR_MAX_SIZE);
      return NULL;
    }

  data = g_base64_decode (base64 != NULL ? base64 : "", &size);
  if (size == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The avatar is empty");
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/**
 * holboo_xmpp_avatar_parse_data:
 * @id: the id the metadata announced
 * @error: %G_IO_ERROR_MESSAGE_TOO_LARGE over the limit,
 *   %G_IO_ERROR_INVALID_DATA when the bytes do not match @id
 *
 * Returns: (transfer full) (nullable): the image bytes
 */
GBytes *
holboo_xmpp_avatar_parse_data (HolbooXmlNode *iq,
                               const char    *id,
                               GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *sha1 = NULL;
  HolbooXmlNode *payload;

  g_return_val_if_fail (id != NULL, NULL);

  payload = holboo_xmpp_pep_get_item_payload (iq, HOLBOO_XMLNS_AVATAR_DATA, "data",
                                              HOLBOO_XMLNS_AVATAR_DATA, error);
  if (payload == NULL)
    return NULL;

  data = decode_checked (holboo_xml_node_get_text (payload), error);
  if (data == NULL)
    return NULL;

  sha1 = holboo_xmpp_avatar_compute_id (data);
  if (g_ascii_strcasecmp (sha1, id) != 0)
    {
      g_message ("Dropping an avatar whose SHA-1 %s is not its id %s", sha1, id);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The avatar's bytes do not match its id");
      return NULL;
    }
  return g_steal_pointer (&data);
}

/**
 * holboo_xmpp_avatar_get_update_hash:
 * @presence: a presence stanza
 *
 * Reads XEP-0153's `<x xmlns='vcard-temp:x:update'><photo>…</photo></x>`.
 *
 * Returns: (nullable): the vcard-temp photo's SHA-1; "" when the sender
 *   has no photo; %NULL when the presence says nothing (or nonsense)
 */
const char *
holboo_xmpp_avatar_get_update_hash (HolbooXmlNode *presence)
{
  HolbooXmlNode *x, *photo;
  const char *hash;

  g_return_val_if_fail (presence != NULL, NULL);

  x = holboo_xml_node_get_child (presence, "x", HOLBOO_XMLNS_VCARD_UPDATE);
  photo = x != NULL ? holboo_xml_node_get_child (x, "photo", HOLBOO_XMLNS_VCARD_UPDATE) : NULL;
  if (photo == NULL)
    return NULL;

  hash = holboo_xml_node_get_text (photo);
  if (hash == NULL || *hash == '\0')
    return "";
  return is_sha1_hex (hash) ? hash : NULL;
}

HolbooXmlNode *
holboo_xmpp_avatar_build_vcard_temp_request (const char *jid)
{
  g_autofree char *id = g_uuid_string_random ();
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", "jabber:client");

  holboo_xml_node_set_attribute (iq, "type", "get");
  holboo_xml_node_set_attribute (iq, "id", id);
  holboo_xml_node_set_attribute (iq, "to", jid);
  holboo_xml_node_add_child_ns (iq, "vCard", HOLBOO_XMLNS_VCARD_TEMP);
  return iq;
}

/**
 * holboo_xmpp_avatar_parse_vcard_temp_photo:
 * @type: (out) (optional): the photo's claimed media type
 * @error: %G_IO_ERROR_NOT_FOUND when the vCard has no inline photo
 *
 * Returns: (transfer full) (nullable): the vcard-temp photo
 */
GBytes *
holboo_xmpp_avatar_parse_vcard_temp_photo (HolbooXmlNode *iq,
                                           char         **type,
                                           GError       **error)
{
  HolbooXmlNode *vcard, *photo;
  const char *binval;

  vcard = holboo_xml_node_get_child (iq, "vCard", HOLBOO_XMLNS_VCARD_TEMP);
  photo = vcard != NULL ? holboo_xml_node_get_child (vcard, "PHOTO", HOLBOO_XMLNS_VCARD_TEMP) : NULL;
  binval = photo != NULL ? holboo_xml_node_get_child_text (photo, "BINVAL", HOLBOO_XMLNS_VCARD_TEMP) : NULL;
  if (binval == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "The vCard has no photo");
      return NULL;
    }

  if (type != NULL)
    *type = g_strdup (holboo_xml_node_get_child_text (photo, "TYPE", HOLBOO_XMLNS_VCARD_TEMP));
  return decode_checked (binval, error);
}
