/* holboo-account-manager.c: the accounts the application runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One per application (passed to whoever needs it, never global): it
 * loads the registry, opens and connects every enabled account, and is
 * a GListModel of the HolbooAccounts that are open, in the order they
 * opened.  An account that could not be opened (no Secret Service, no
 * saved password, an unusable data directory) is not in the model: its
 * error is kept (holboo_account_manager_get_open_error()) and announced
 * by ::open-failed.
 *
 * Adding signs in with the typed password first, on a connection of its
 * own that never retries.  Only when that works are the password and the
 * configuration saved, so a typo never leaves a half-made account
 * behind, and the connection's GError reaches the caller untouched
 * (HOLBOO_XMPP_ERROR_AUTH_FAILED, _HOST_NOT_FOUND, _CONNECTION_REFUSED,
 * _CERTIFICATE_UNTRUSTED with the certificate, …) for the UI to name.
 *
 * Adding lives in holboo-account-manager-add.c, removing in
 * holboo-account-manager-remove.c.
 */

#define G_LOG_DOMAIN "holboo-account-manager"

#include "config.h"

#include "holboo-account-manager-private.h"
#include "holboo-account-open.h"

#include <glib/gi18n-lib.h>


static void holboo_account_manager_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooAccountManager, holboo_account_manager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      holboo_account_manager_list_model_init))

enum {
  PROP_0,
  PROP_REGISTRY,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_OPEN_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
list_model_get_item_type (GListModel *model)
{
  return HOLBOO_TYPE_ACCOUNT;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return HOLBOO_ACCOUNT_MANAGER (model)->accounts->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  HolbooAccountManager *self = HOLBOO_ACCOUNT_MANAGER (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
holboo_account_manager_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

gboolean
_holboo_account_manager_find (HolbooAccountManager *self,
              const char           *jid,
              guint                *position)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      if (g_strcmp0 (holboo_account_get_jid (g_ptr_array_index (self->accounts, i)), jid) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Takes the account out of the model and stops it. */
void
_holboo_account_manager_drop (HolbooAccountManager *self,
              const char           *jid)
{
  g_autoptr(HolbooAccount) account = NULL;
  guint position;

  if (!_holboo_account_manager_find (self, jid, &position))
    return;

  account = g_ptr_array_steal_index (self->accounts, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  holboo_account_disconnect (account);
}

static void
set_open_error (HolbooAccountManager *self,
                const char           *jid,
                const GError         *error)
{
  if (error == NULL)
    {
      g_hash_table_remove (self->open_errors, jid);
      return;
    }

  g_hash_table_replace (self->open_errors, g_strdup (jid), g_error_copy (error));
  g_message ("Cannot open the account %s: %s", jid, error->message);
  g_signal_emit (self, signals[SIGNAL_OPEN_FAILED], 0, jid, error);
}

static void
on_account_connected (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The connection's state and last error tell the rest. */
  if (!holboo_account_connect_finish (HOLBOO_ACCOUNT (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("%s: %s", holboo_account_get_jid (HOLBOO_ACCOUNT (source)), error->message);
}

/* Adds an opened account to the model, unless it was removed or
 * disabled while it opened.  Returns whether it was added. */
gboolean
_holboo_account_manager_adopt (HolbooAccountManager *self,
               HolbooAccount        *account)
{
  const char *jid = holboo_account_get_jid (account);
  HolbooAccountConfig *config = holboo_account_registry_lookup (self->registry, jid);
  guint position;

  if (config == NULL || !holboo_account_config_get_enabled (config) ||
      _holboo_account_manager_find (self, jid, &position))
    return FALSE;

  g_ptr_array_add (self->accounts, g_object_ref (account));
  g_list_model_items_changed (G_LIST_MODEL (self), self->accounts->len - 1, 0, 1);
  return TRUE;
}

typedef struct {
  GWeakRef  manager;
  char     *jid;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_weak_ref_clear (&data->manager);
  g_free (data->jid);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
on_account_opened (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(HolbooAccountManager) self = g_weak_ref_get (&data->manager);
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = holboo_account_open_finish (result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_hash_table_remove (self->opening, data->jid);
  if (account == NULL)
    {
      set_open_error (self, data->jid, error);
      return;
    }

  if (_holboo_account_manager_adopt (self, account))
    holboo_account_connect_async (account, self->cancellable, on_account_connected, NULL);
}

static void
open_account (HolbooAccountManager *self,
              HolbooAccountConfig  *config)
{
  const char *jid = holboo_account_config_get_jid (config);
  OpenData *data;
  guint position;

  if (g_hash_table_contains (self->opening, jid) || _holboo_account_manager_find (self, jid, &position))
    return;

  set_open_error (self, jid, NULL);
  g_hash_table_add (self->opening, g_strdup (jid));
  data = g_new0 (OpenData, 1);
  g_weak_ref_init (&data->manager, self);
  data->jid = g_strdup (jid);
  holboo_account_open_async (self->registry, config, NULL, self->cancellable, on_account_opened, data);
}

static void
holboo_account_manager_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HolbooAccountManager *self = HOLBOO_ACCOUNT_MANAGER (object);

  switch (prop_id)
    {
    case PROP_REGISTRY: g_value_set_object (value, self->registry); break;
    case PROP_LOADED: g_value_set_boolean (value, self->loaded); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_account_manager_dispose (GObject *object)
{
  HolbooAccountManager *self = HOLBOO_ACCOUNT_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->accounts != NULL)
    {
      for (guint i = 0; i < self->accounts->len; i++)
        holboo_account_disconnect (g_ptr_array_index (self->accounts, i));
      g_ptr_array_set_size (self->accounts, 0);
    }
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (holboo_account_manager_parent_class)->dispose (object);
}

static void
holboo_account_manager_finalize (GObject *object)
{
  HolbooAccountManager *self = HOLBOO_ACCOUNT_MANAGER (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->open_errors, g_hash_table_unref);
  g_clear_pointer (&self->opening, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (holboo_account_manager_parent_class)->finalize (object);
}

static void
holboo_account_manager_class_init (HolbooAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_account_manager_get_property;
  object_class->dispose = holboo_account_manager_dispose;
  object_class->finalize = holboo_account_manager_finalize;

  properties[PROP_REGISTRY] =
    g_param_spec_object ("registry", NULL, NULL, HOLBOO_TYPE_ACCOUNT_REGISTRY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HolbooAccountManager::open-failed:
   * @jid: the account's bare address
   * @error: why it could not be opened
   */
  signals[SIGNAL_OPEN_FAILED] =
    g_signal_new ("open-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_STRING, G_TYPE_ERROR);
}

static void
holboo_account_manager_init (HolbooAccountManager *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->open_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_error_free);
  self->opening = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * holboo_account_manager_new:
 * @data_dir: where accounts.ini and the accounts' databases live
 */
HolbooAccountManager *
holboo_account_manager_new (const char *data_dir)
{
  HolbooAccountManager *self;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (HOLBOO_TYPE_ACCOUNT_MANAGER, NULL);
  self->registry = holboo_account_registry_new (data_dir);
  return self;
}

HolbooAccountRegistry *
holboo_account_manager_get_registry (HolbooAccountManager *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self), NULL);

  return self->registry;
}

/**
 * holboo_account_manager_get_loaded:
 *
 * Returns: whether the registry has been read (successfully or not), so
 *   that an empty registry really means "no account yet"
 */
gboolean
holboo_account_manager_get_loaded (HolbooAccountManager *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self), FALSE);

  return self->loaded;
}

/**
 * holboo_account_manager_lookup:
 *
 * Returns: (transfer none) (nullable): the open account with this
 *   address, or %NULL
 */
HolbooAccount *
holboo_account_manager_lookup (HolbooAccountManager *self,
                               const char           *jid)
{
  HolbooAccountConfig *config;
  guint position;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (jid != NULL, NULL);

  config = holboo_account_registry_lookup (self->registry, jid);
  if (config == NULL || !_holboo_account_manager_find (self, holboo_account_config_get_jid (config), &position))
    return NULL;
  return g_ptr_array_index (self->accounts, position);
}

/**
 * holboo_account_manager_get_open_error:
 *
 * Returns: (transfer none) (nullable): why the account could not be
 *   opened the last time it was tried, or %NULL
 */
const GError *
holboo_account_manager_get_open_error (HolbooAccountManager *self,
                                       const char           *jid)
{
  HolbooAccountConfig *config;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (jid != NULL, NULL);

  config = holboo_account_registry_lookup (self->registry, jid);
  if (config == NULL)
    return NULL;
  return g_hash_table_lookup (self->open_errors, holboo_account_config_get_jid (config));
}

/* ---- load ---- */

static void
on_registry_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountManager *self = g_task_get_source_object (task);
  GError *error = NULL;
  gboolean ok;
  guint n;

  ok = holboo_account_registry_load_finish (self->registry, result, &error);
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  self->loaded = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->registry));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HolbooAccountConfig) config = g_list_model_get_item (G_LIST_MODEL (self->registry), i);

      if (holboo_account_config_get_enabled (config))
        open_account (self, config);
    }

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * holboo_account_manager_load_async:
 *
 * Reads the registry, then opens and connects each enabled account in
 * the background: it completes once the registry is read, and each
 * account joins the model when its store is open.  Even after an error
 * (an unreadable accounts.ini) the manager is loaded, with what could
 * be read, and new accounts can be added.
 */
void
holboo_account_manager_load_async (HolbooAccountManager *self,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_manager_load_async);
  holboo_account_registry_load_async (self->registry, cancellable, on_registry_loaded,
                                      g_steal_pointer (&task));
}

gboolean
holboo_account_manager_load_finish (HolbooAccountManager  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- enable, disable ---- */

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!holboo_account_registry_save_finish (HOLBOO_ACCOUNT_REGISTRY (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * holboo_account_manager_set_enabled_async:
 *
 * Enables (opens and connects) or disables (disconnects and takes out
 * of the model) the account, and saves the choice.
 */
void
holboo_account_manager_set_enabled_async (HolbooAccountManager *self,
                                          const char           *jid,
                                          gboolean              enabled,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  HolbooAccountConfig *config;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (jid != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_manager_set_enabled_async);

  config = holboo_account_registry_lookup (self->registry, jid);
  if (config == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no account %s"), jid);
      return;
    }

  holboo_account_config_set_enabled (config, enabled);
  if (enabled)
    open_account (self, config);
  else
    {
      _holboo_account_manager_drop (self, holboo_account_config_get_jid (config));
      g_hash_table_remove (self->open_errors, holboo_account_config_get_jid (config));
    }

  holboo_account_registry_save_async (self->registry, cancellable, on_saved, g_steal_pointer (&task));
}

gboolean
holboo_account_manager_set_enabled_finish (HolbooAccountManager  *self,
                                           GAsyncResult          *result,
                                           GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- trust a certificate ---- */

static void
on_trusted_connected (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!holboo_account_connect_finish (HOLBOO_ACCOUNT (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_trust_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HolbooAccountManager *self = g_task_get_source_object (task);
  HolbooAccountConfig *config = g_task_get_task_data (task);
  HolbooAccount *account;
  GError *error = NULL;
  GCancellable *cancellable;

  if (!holboo_account_registry_save_finish (self->registry, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  account = holboo_account_manager_lookup (self, holboo_account_config_get_jid (config));
  if (account == NULL)
    {
      open_account (self, config);
      g_task_return_boolean (task, TRUE);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  holboo_account_connect_async (account, cancellable, on_trusted_connected,
                                g_steal_pointer (&task));
}

/**
 * holboo_account_manager_trust_certificate_async:
 * @certificate: the certificate the server showed, from
 *   holboo_xmpp_error_get_certificate()
 *
 * Pins the SHA-256 fingerprint of @certificate in the account's
 * configuration, saves it, and connects again: completes when that
 * attempt succeeded or failed.
 */
void
holboo_account_manager_trust_certificate_async (HolbooAccountManager *self,
                                                const char           *jid,
                                                GTlsCertificate      *certificate,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *fingerprint = NULL;
  HolbooAccountConfig *config;
  HolbooAccount *account;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (jid != NULL);
  g_return_if_fail (G_IS_TLS_CERTIFICATE (certificate));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_manager_trust_certificate_async);

  config = holboo_account_registry_lookup (self->registry, jid);
  fingerprint = holboo_xmpp_certificate_dup_fingerprint (certificate);
  if (config == NULL || fingerprint == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no account %s"), jid);
      return;
    }
  g_task_set_task_data (task, g_object_ref (config), g_object_unref);

  holboo_xmpp_settings_set_pinned_certificate (holboo_account_config_get_settings (config), fingerprint);
  account = holboo_account_manager_lookup (self, jid);
  if (account != NULL)
    holboo_xmpp_settings_set_pinned_certificate (holboo_xmpp_connection_get_settings (holboo_account_get_connection (account)),
                                                 fingerprint);
  holboo_account_registry_save_async (self->registry, cancellable, on_trust_saved, g_steal_pointer (&task));
}

gboolean
holboo_account_manager_trust_certificate_finish (HolbooAccountManager  *self,
                                                 GAsyncResult          *result,
                                                 GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
