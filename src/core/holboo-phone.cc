/* holboo-phone.cc: phone numbers in one form, E.164, to match customers by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of the world's numbering plans are libphonenumber's (the
 * library Android uses): this file is only the C face of it.
 */

#define G_LOG_DOMAIN "holboo-phone"

#include "config.h"

#include "holboo-phone.h"

#include <glib/gi18n-lib.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

/* Longer input is not a phone number, whatever it says. */
#define MAX_INPUT_LENGTH 64

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

G_DEFINE_QUARK (holboo-phone-error-quark, holboo_phone_error)

/**
 * holboo_phone_normalize:
 * @text: a number as written: "9911 2233", "+976 (99) 11-22-33",
 *   "00976 99112233", "+7 495 123-45-67"
 * @default_region: (nullable): the ISO 3166 region of numbers written
 *   without a country code; %NULL for %HOLBOO_PHONE_DEFAULT_REGION
 *
 * Returns: (transfer full) (nullable): the number in E.164
 *   ("+97699112233"), or %NULL with %HOLBOO_PHONE_ERROR_INVALID if
 *   @text is not a possible phone number
 */
char *
holboo_phone_normalize (const char  *text,
                        const char  *default_region,
                        GError     **error)
{
  PhoneNumberUtil *util = PhoneNumberUtil::GetInstance ();
  const char *region = default_region != NULL ? default_region : HOLBOO_PHONE_DEFAULT_REGION;
  PhoneNumber number;
  std::string formatted;
  gboolean parsed = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) <= MAX_INPUT_LENGTH && g_utf8_validate (text, -1, NULL))
    {
      std::string input (text);

      parsed = util->Parse (input, region, &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
               util->IsPossibleNumber (number);
      /* "00" is the international prefix in most of the world (Mongolia's
       * is "001"), and people write "00976 …" whatever their region. */
      if (!parsed && input.compare (0, 2, "00") == 0)
        parsed = util->Parse ("+" + input.substr (2), region, &number) == PhoneNumberUtil::NO_PARSING_ERROR &&
                 util->IsPossibleNumber (number);
    }

  if (!parsed)
    {
      g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), (gsize) MAX_INPUT_LENGTH));

      g_set_error (error, HOLBOO_PHONE_ERROR, HOLBOO_PHONE_ERROR_INVALID,
                   _("“%s” is not a phone number"), shown);
      return NULL;
    }

  util->Format (number, PhoneNumberUtil::E164, &formatted);
  return g_strdup (formatted.c_str ());
}
