/* holboo-address.c: checking an address the user typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-address"

#include "config.h"

#include "holboo-account.h"
#include "holboo-address.h"
#include "holboo-jid.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/**
 * holboo_address_normalize:
 * @text: what the user typed or pasted: "name@example.mn", with or
 *   without spaces around it, an "xmpp:" link, or a full JID
 * @error: return location for a %HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS
 *   whose message can be shown as it is
 *
 * Returns: (transfer full) (nullable): the conversation's address: a
 *   normalised bare JID with a local part, or %NULL with @error set
 */
char *
holboo_address_normalize (const char  *text,
                          GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(HolbooJid) jid = NULL;
  const char *address;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  address = trimmed;
  if (g_ascii_strncasecmp (address, "xmpp:", 5) == 0)
    address += 5;
  if (*address == '\0')
    {
      g_set_error_literal (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                           _("Enter an address, such as name@example.mn"));
      return NULL;
    }
  /* An xmpp: link may carry a query ("?message"): the address ends there. */
  if (address != trimmed && strchr (address, '?') != NULL)
    *strchr (address, '?') = '\0';

  jid = holboo_jid_parse (address, -1, NULL);
  if (jid == NULL || holboo_jid_get_localpart (jid) == NULL)
    {
      g_set_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS,
                   _("“%s” is not a valid address: it looks like name@example.mn"), address);
      return NULL;
    }
  return g_strdup (holboo_jid_get_bare_string (jid));
}
