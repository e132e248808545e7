/* holboo-account-config.h: one account's configuration and its password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-xmpp-settings.h"
#include "holboo-xmpp-types.h"

G_BEGIN_DECLS

#define HOLBOO_ACCOUNT_CONFIG_ERROR (holboo_account_config_error_quark ())

/**
 * HolbooAccountConfigError:
 * @HOLBOO_ACCOUNT_CONFIG_ERROR_INVALID_JID: the address is not a bare
 *   `user@domain` XMPP address
 * @HOLBOO_ACCOUNT_CONFIG_ERROR_DUPLICATE: the registry already has an
 *   account with this address
 * @HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE: there is no session bus,
 *   or no Secret Service (a keyring such as GNOME Keyring) on it
 * @HOLBOO_ACCOUNT_CONFIG_ERROR_SECRET_SERVICE_FAILED: the Secret Service
 *   is there but refused or failed (locked keyring, dismissed prompt, …)
 * @HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD: the Secret Service holds no
 *   password for the account
 */
typedef enum {
  HOLBOO_ACCOUNT_CONFIG_ERROR_INVALID_JID,
  HOLBOO_ACCOUNT_CONFIG_ERROR_DUPLICATE,
  HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE,
  HOLBOO_ACCOUNT_CONFIG_ERROR_SECRET_SERVICE_FAILED,
  HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD,
} HolbooAccountConfigError;

/* The Secret Service schema the passwords are stored under, with one
 * string attribute, "jid": the account's normalised bare address. */
#define HOLBOO_ACCOUNT_SECRET_SCHEMA "io.github.holboo.Holboo.Account"

#define HOLBOO_TYPE_ACCOUNT_CONFIG (holboo_account_config_get_type ())

G_DECLARE_FINAL_TYPE (HolbooAccountConfig, holboo_account_config, HOLBOO, ACCOUNT_CONFIG, GObject)

GQuark                  holboo_account_config_error_quark       (void);

HolbooAccountConfig    *holboo_account_config_new               (const char              *jid,
                                                                 GError                 **error);

const char             *holboo_account_config_get_jid           (HolbooAccountConfig     *self);
const char             *holboo_account_config_get_display_name  (HolbooAccountConfig     *self);
void                    holboo_account_config_set_display_name  (HolbooAccountConfig     *self,
                                                                 const char              *display_name);
HolbooXmppSettings     *holboo_account_config_get_settings      (HolbooAccountConfig     *self);
gboolean                holboo_account_config_get_enabled       (HolbooAccountConfig     *self);
void                    holboo_account_config_set_enabled       (HolbooAccountConfig     *self,
                                                                 gboolean                 enabled);

char                   *holboo_account_config_dup_dir_name      (HolbooAccountConfig     *self);
char                   *holboo_account_dir_name_for_jid         (const char              *bare_jid);

HolbooXmppSettings     *holboo_account_config_to_xmpp_settings  (HolbooAccountConfig     *self,
                                                                 const char              *password);

void                    holboo_account_config_store_password_async  (HolbooAccountConfig  *self,
                                                                     const char           *password,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
gboolean                holboo_account_config_store_password_finish (HolbooAccountConfig  *self,
                                                                     GAsyncResult         *result,
                                                                     GError              **error);
void                    holboo_account_config_lookup_password_async (HolbooAccountConfig  *self,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
char                   *holboo_account_config_lookup_password_finish (HolbooAccountConfig *self,
                                                                      GAsyncResult        *result,
                                                                      GError             **error);
void                    holboo_account_config_clear_password_async  (HolbooAccountConfig  *self,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback,
                                                                     gpointer              user_data);
gboolean                holboo_account_config_clear_password_finish (HolbooAccountConfig  *self,
                                                                     GAsyncResult         *result,
                                                                     GError              **error);

G_END_DECLS
