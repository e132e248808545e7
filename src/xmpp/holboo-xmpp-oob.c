/* holboo-xmpp-oob.c: out-of-band data (XEP-0066, jabber:x:oob): a file
 * offered by URL in a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a peer offers is only a link: it is believed when it is a plain
 * https URL of sane length, without credentials, spaces or control
 * characters.  Anything else is no attachment at all, and the message
 * stays a text message.
 */

#define G_LOG_DOMAIN "holboo-xmpp-oob"

#include "config.h"

#include "holboo-xmpp-oob.h"
#include "holboo-xmpp-upload.h"

#include <gio/gio.h>
#include <string.h>

/**
 * holboo_xmpp_oob_url_is_valid:
 *
 * Returns: whether @url is an https URL Holboo would fetch
 */
gboolean
holboo_xmpp_oob_url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || *url == '\0' ||
      strnlen (url, HOLBOO_XMPP_UPLOAD_MAX_URL_LENGTH + 1) > HOLBOO_XMPP_UPLOAD_MAX_URL_LENGTH)
    return FALSE;
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f)
      return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  return uri != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         g_uri_get_userinfo (uri) == NULL;
}

/**
 * holboo_xmpp_oob_add:
 * @message: a message stanza
 * @url: the file's URL
 * @desc: (nullable): a description (the caption)
 *
 * Adds `<x xmlns='jabber:x:oob'><url/><desc/></x>` to @message.
 */
void
holboo_xmpp_oob_add (HolbooXmlNode *message,
                     const char    *url,
                     const char    *desc)
{
  HolbooXmlNode *x;

  g_return_if_fail (message != NULL);
  g_return_if_fail (url != NULL);

  x = holboo_xml_node_add_child_ns (message, "x", HOLBOO_XMLNS_OOB);
  holboo_xml_node_add_text_child (x, "url", url);
  if (desc != NULL && *desc != '\0')
    holboo_xml_node_add_text_child (x, "desc", desc);
}

/**
 * holboo_xmpp_oob_get_url:
 * @message: a message stanza
 * @desc: (out) (optional) (nullable): its description, cut to
 *   %HOLBOO_XMPP_OOB_MAX_DESC_LENGTH bytes of valid UTF-8
 *
 * Returns: (transfer full) (nullable): the first valid URL the message
 *   offers by XEP-0066, or %NULL
 */
char *
holboo_xmpp_oob_get_url (HolbooXmlNode  *message,
                         char          **desc)
{
  HolbooXmlIter iter;
  HolbooXmlNode *x;

  g_return_val_if_fail (message != NULL, NULL);

  if (desc != NULL)
    *desc = NULL;

  holboo_xml_iter_init (&iter, message, "x", HOLBOO_XMLNS_OOB);
  while (holboo_xml_iter_next (&iter, &x))
    {
      const char *url = holboo_xml_node_get_child_text (x, "url", HOLBOO_XMLNS_OOB);
      const char *d;

      if (!holboo_xmpp_oob_url_is_valid (url))
        {
          g_debug ("Ignoring an out-of-band URL that is not a plain https URL");
          continue;
        }

      d = holboo_xml_node_get_child_text (x, "desc", HOLBOO_XMLNS_OOB);
      if (desc != NULL && d != NULL && *d != '\0')
        {
          const char *end = d + strnlen (d, HOLBOO_XMPP_OOB_MAX_DESC_LENGTH);

          /* Cut at a character boundary. */
          if (*end != '\0')
            end = g_utf8_find_prev_char (d, end + 1);
          *desc = g_utf8_make_valid (d, end - d);
        }
      return g_strdup (url);
    }
  return NULL;
}
