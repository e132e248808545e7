/* holboo-phone.h: phone numbers in one form, E.164, to match customers by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers written without a country code are Mongolian unless the team
 * says otherwise. */
#define HOLBOO_PHONE_DEFAULT_REGION "MN"

#define HOLBOO_PHONE_ERROR (holboo_phone_error_quark ())

typedef enum {
  HOLBOO_PHONE_ERROR_INVALID,
} HolbooPhoneError;

GQuark  holboo_phone_error_quark (void);
char   *holboo_phone_normalize   (const char  *text,
                                  const char  *default_region,
                                  GError     **error);

G_END_DECLS
