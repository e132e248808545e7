/* holboo-account-config-secret.c: an account's password in the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of HolbooAccountConfig: the password is kept by the Secret
 * Service (GNOME Keyring, KeePassXC, …) through libsecret, under the
 * schema HOLBOO_ACCOUNT_SECRET_SCHEMA with one attribute, "jid".  It is
 * never written to accounts.ini or to the account's database.
 *
 * Where there is no Secret Service — a server running holboo-cli
 * without a desktop session — every call fails with
 * HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE and a message naming
 * the cause; the caller gets the password some other way.
 */

#define G_LOG_DOMAIN "holboo-account-config"

#include "config.h"

#include "holboo-account-config.h"

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

static const SecretSchema *
secret_schema (void)
{
  static const SecretSchema schema = {
    HOLBOO_ACCOUNT_SECRET_SCHEMA, SECRET_SCHEMA_NONE,
    {
      { "jid", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

typedef enum {
  SECRET_OP_STORE,
  SECRET_OP_LOOKUP,
  SECRET_OP_CLEAR,
} SecretOp;

typedef struct {
  SecretOp  op;
  char     *password;
} SecretData;

static void
secret_data_free (SecretData *data)
{
  g_clear_pointer (&data->password, secret_password_free);
  g_free (data);
}

/* Turns what libsecret or GDBus said into an error that names the
 * account and the cause, in words a user (or an administrator running
 * holboo-cli on a server) can act on. */
static GError *
secret_error_new (HolbooAccountConfig *self,
                  SecretOp             op,
                  const GError        *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (cause);

  if (g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_FAILED) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_EXEC_FAILED) ||
      g_error_matches (cause, G_DBUS_ERROR, G_DBUS_ERROR_SPAWN_CHILD_EXITED))
    return g_error_new (HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE,
                        _("No Secret Service (a keyring such as GNOME Keyring) is running "
                          "to keep the password for %s: %s"),
                        holboo_account_config_get_jid (self), cause->message);

  switch (op)
    {
    case SECRET_OP_STORE:
      return g_error_new (HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_SECRET_SERVICE_FAILED,
                          _("The Secret Service could not save the password for %s: %s"),
                          holboo_account_config_get_jid (self), cause->message);
    case SECRET_OP_LOOKUP:
      return g_error_new (HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_SECRET_SERVICE_FAILED,
                          _("The Secret Service could not read the password for %s: %s"),
                          holboo_account_config_get_jid (self), cause->message);
    case SECRET_OP_CLEAR:
    default:
      return g_error_new (HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_SECRET_SERVICE_FAILED,
                          _("The Secret Service could not remove the password for %s: %s"),
                          holboo_account_config_get_jid (self), cause->message);
    }
}

static void
on_secret_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountConfig *self = g_task_get_source_object (task);
  SecretData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *password;
  gboolean done;

  switch (data->op)
    {
    case SECRET_OP_LOOKUP:
      password = secret_password_lookup_finish (result, &error);
      if (error != NULL)
        g_task_return_error (task, secret_error_new (self, data->op, error));
      else if (password == NULL)
        g_task_return_new_error (task, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD,
                                 _("No password for %s is saved in the Secret Service"),
                                 holboo_account_config_get_jid (self));
      else
        g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
      break;

    case SECRET_OP_STORE:
      done = secret_password_store_finish (result, &error);
      if (!done && error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("no reason given"));
      if (!done)
        g_task_return_error (task, secret_error_new (self, data->op, error));
      else
        g_task_return_boolean (task, TRUE);
      break;

    case SECRET_OP_CLEAR:
    default:
      done = secret_password_clear_finish (result, &error);
      if (error != NULL)
        g_task_return_error (task, secret_error_new (self, data->op, error));
      else
        g_task_return_boolean (task, done);
      break;
    }
}

/* libsecret would try to autolaunch a session bus and fail with a
 * message about X11; asking GIO for the bus first gives the real cause. */
static void
on_secret_bus (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountConfig *self = g_task_get_source_object (task);
  SecretData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  bus = g_bus_get_finish (result, &error);
  if (bus == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, HOLBOO_ACCOUNT_CONFIG_ERROR,
                                 HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE,
                                 _("There is no session bus, so no Secret Service can keep "
                                   "the password for %s: %s"),
                                 holboo_account_config_get_jid (self), error->message);
      return;
    }

  switch (data->op)
    {
    case SECRET_OP_STORE:
      /* The label is what a keyring manager such as Seahorse shows. */
      label = g_strdup_printf (_("Holboo password for %s"), holboo_account_config_get_jid (self));
      secret_password_store (secret_schema (), SECRET_COLLECTION_DEFAULT, label, data->password,
                             cancellable, on_secret_done, g_steal_pointer (&task),
                             "jid", holboo_account_config_get_jid (self), NULL);
      break;
    case SECRET_OP_LOOKUP:
      secret_password_lookup (secret_schema (), cancellable, on_secret_done, g_steal_pointer (&task),
                              "jid", holboo_account_config_get_jid (self), NULL);
      break;
    case SECRET_OP_CLEAR:
    default:
      secret_password_clear (secret_schema (), cancellable, on_secret_done, g_steal_pointer (&task),
                             "jid", holboo_account_config_get_jid (self), NULL);
      break;
    }
}

static void
secret_start (HolbooAccountConfig *self,
              SecretOp             op,
              const char          *password,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  SecretData *data = g_new0 (SecretData, 1);

  g_task_set_source_tag (task, source_tag);
  data->op = op;
  data->password = g_strdup (password);
  g_task_set_task_data (task, data, (GDestroyNotify) secret_data_free);

  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_secret_bus, task);
}

/**
 * holboo_account_config_store_password_async:
 * @password: the password; an empty one is a password too
 *
 * Saves the account's password in the default collection of the Secret
 * Service (the login keyring), under the schema
 * %HOLBOO_ACCOUNT_SECRET_SCHEMA with the attribute "jid", replacing any
 * password saved before.
 */
void
holboo_account_config_store_password_async (HolbooAccountConfig *self,
                                            const char          *password,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self));
  g_return_if_fail (password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  secret_start (self, SECRET_OP_STORE, password, holboo_account_config_store_password_async,
                cancellable, callback, user_data);
}

/**
 * holboo_account_config_store_password_finish:
 *
 * Returns: %TRUE once the password is saved; %FALSE with @error in
 *   %HOLBOO_ACCOUNT_CONFIG_ERROR (NO_SECRET_SERVICE or
 *   SECRET_SERVICE_FAILED), or %G_IO_ERROR_CANCELLED
 */
gboolean
holboo_account_config_store_password_finish (HolbooAccountConfig  *self,
                                             GAsyncResult         *result,
                                             GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
holboo_account_config_lookup_password_async (HolbooAccountConfig *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  secret_start (self, SECRET_OP_LOOKUP, NULL, holboo_account_config_lookup_password_async,
                cancellable, callback, user_data);
}

/**
 * holboo_account_config_lookup_password_finish:
 *
 * Returns: (transfer full) (nullable): the password (free it with
 *   secret_password_free(), which wipes it, or g_free()); or %NULL with
 *   @error: %HOLBOO_ACCOUNT_CONFIG_ERROR_NO_PASSWORD when none is saved,
 *   %HOLBOO_ACCOUNT_CONFIG_ERROR_NO_SECRET_SERVICE when there is no
 *   session bus or no Secret Service on it (a headless server: take the
 *   password from elsewhere), SECRET_SERVICE_FAILED, or
 *   %G_IO_ERROR_CANCELLED
 */
char *
holboo_account_config_lookup_password_finish (HolbooAccountConfig  *self,
                                              GAsyncResult         *result,
                                              GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
holboo_account_config_clear_password_async (HolbooAccountConfig *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  secret_start (self, SECRET_OP_CLEAR, NULL, holboo_account_config_clear_password_async,
                cancellable, callback, user_data);
}

/**
 * holboo_account_config_clear_password_finish:
 *
 * Returns: %TRUE if a password was removed, %FALSE if none was saved
 *   (@error unset) or on failure (@error set, as for store)
 */
gboolean
holboo_account_config_clear_password_finish (HolbooAccountConfig  *self,
                                             GAsyncResult         *result,
                                             GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
