/* holboo-account-registry.c: the accounts Holboo knows, kept in accounts.ini
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel of HolbooAccountConfig, in the order the user added them,
 * loaded from and saved to `<data dir>/accounts.ini` (mode 0600, written
 * to a temporary file and renamed over the old one).  Each account's
 * local data lives in `<data dir>/<directory name>/holboo.db`, the name
 * made from the address by holboo_account_dir_name_for_jid().
 *
 * Changing the list or a configuration does not write the file: call
 * holboo_account_registry_save_async() (or _save() in a tool) after.
 *
 * A file that could not be read completely is never simply written
 * over: before the first save after such a load, the old file is kept
 * as accounts.ini.bak, and if that copy cannot be made the save fails.
 * The same holds for a save without any load before it.
 */

#define G_LOG_DOMAIN "holboo-account-registry"

#include "config.h"

#include "holboo-account-registry.h"
#include "holboo-account-registry-private.h"
#include "holboo-jid.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

struct _HolbooAccountRegistry
{
  GObject    parent_instance;

  char      *data_dir;
  char      *path;
  GPtrArray *configs;
  gboolean   load_problems;
  guint64    save_serial;

  /* Shared with the threads that save. */
  GMutex     save_lock;
  guint64    saved_serial;
  gboolean   backup_pending;
};

static void holboo_account_registry_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooAccountRegistry, holboo_account_registry, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      holboo_account_registry_list_model_init))

enum {
  PROP_0,
  PROP_DATA_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GPtrArray *configs;
  guint      n_problems;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->configs, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* Runs in any thread, touching nothing of the registry but its path. */
static LoadResult *
load_file (const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);

  result->configs = _holboo_account_registry_read (path, &result->n_problems, cancellable, error);
  if (result->configs == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

typedef struct {
  char    *text;
  gsize    length;
  guint64  serial;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->text);
  g_free (data);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return HOLBOO_TYPE_ACCOUNT_CONFIG;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return HOLBOO_ACCOUNT_REGISTRY (model)->configs->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  HolbooAccountRegistry *self = HOLBOO_ACCOUNT_REGISTRY (model);

  if (position >= self->configs->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->configs, position));
}

static void
holboo_account_registry_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

/* Replaces the list with what was loaded, or empties it after a file
 * that could not be read at all (@result %NULL). */
static void
apply_load (HolbooAccountRegistry *self,
            LoadResult            *result)
{
  g_autoptr(GPtrArray) old = self->configs;
  guint n_new;

  if (result != NULL)
    self->configs = g_steal_pointer (&result->configs);
  else
    self->configs = g_ptr_array_new_with_free_func (g_object_unref);
  n_new = self->configs->len;

  self->load_problems = result == NULL || result->n_problems > 0;
  g_mutex_lock (&self->save_lock);
  self->backup_pending = self->load_problems;
  g_mutex_unlock (&self->save_lock);

  if (result != NULL && result->n_problems > 0)
    g_message ("%s: %u problem(s); loaded %u account(s); the file will be kept as %s.bak "
               "before it is next saved",
               self->path, result->n_problems, n_new, HOLBOO_ACCOUNT_REGISTRY_FILE_NAME);

  if (old->len > 0 || n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, n_new);
}

/* Runs in any thread.  Saves run in the order they were asked for: one
 * that finds a newer one already written does nothing. */
static gboolean
save_file (HolbooAccountRegistry  *self,
           SaveData               *data,
           GCancellable           *cancellable,
           GError                **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  int saved_errno;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot save the accounts to “%s”: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  locker = g_mutex_locker_new (&self->save_lock);

  if (data->serial <= self->saved_serial)
    return TRUE;

  if (self->backup_pending)
    {
      if (!_holboo_account_registry_keep_backup (self->path, error))
        return FALSE;
      self->backup_pending = FALSE;
    }

  if (!_holboo_account_registry_write (self->path, data->text, data->length, error))
    return FALSE;

  self->saved_serial = data->serial;
  return TRUE;
}

static SaveData *
save_data_new (HolbooAccountRegistry *self)
{
  SaveData *data = g_new0 (SaveData, 1);

  data->text = _holboo_account_registry_serialize (self->configs, &data->length);
  data->serial = ++self->save_serial;
  return data;
}

static void
holboo_account_registry_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HolbooAccountRegistry *self = HOLBOO_ACCOUNT_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR: g_value_set_string (value, self->data_dir); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_account_registry_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HolbooAccountRegistry *self = HOLBOO_ACCOUNT_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR: self->data_dir = g_value_dup_string (value); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_account_registry_constructed (GObject *object)
{
  HolbooAccountRegistry *self = HOLBOO_ACCOUNT_REGISTRY (object);

  G_OBJECT_CLASS (holboo_account_registry_parent_class)->constructed (object);

  g_assert (self->data_dir != NULL);
  self->path = g_build_filename (self->data_dir, HOLBOO_ACCOUNT_REGISTRY_FILE_NAME, NULL);
}

static void
holboo_account_registry_finalize (GObject *object)
{
  HolbooAccountRegistry *self = HOLBOO_ACCOUNT_REGISTRY (object);

  g_clear_pointer (&self->configs, g_ptr_array_unref);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->save_lock);

  G_OBJECT_CLASS (holboo_account_registry_parent_class)->finalize (object);
}

static void
holboo_account_registry_class_init (HolbooAccountRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_account_registry_get_property;
  object_class->set_property = holboo_account_registry_set_property;
  object_class->constructed = holboo_account_registry_constructed;
  object_class->finalize = holboo_account_registry_finalize;

  /** HolbooAccountRegistry:data-dir: the directory of accounts.ini and
   * of the accounts' data, as holboo_data_dir_ensure() gives it */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_account_registry_init (HolbooAccountRegistry *self)
{
  self->configs = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->save_lock);
  /* Saving without loading first would write over accounts we never
   * read: keep them, as after a damaged file. */
  self->backup_pending = TRUE;
}

/**
 * holboo_account_registry_new:
 * @data_dir: the data directory (holboo_data_dir_ensure())
 *
 * An empty registry; nothing is read until holboo_account_registry_load().
 */
HolbooAccountRegistry *
holboo_account_registry_new (const char *data_dir)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  return g_object_new (HOLBOO_TYPE_ACCOUNT_REGISTRY, "data-dir", data_dir, NULL);
}

const char *
holboo_account_registry_get_data_dir (HolbooAccountRegistry *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), NULL);
  return self->data_dir;
}

/**
 * holboo_account_registry_get_path:
 *
 * Returns: the path of accounts.ini
 */
const char *
holboo_account_registry_get_path (HolbooAccountRegistry *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), NULL);
  return self->path;
}

/**
 * holboo_account_registry_has_load_problems:
 *
 * Returns: whether the last load skipped something (logged with
 *   g_message) or could not read the file at all; the UI may say that
 *   some accounts could not be read
 */
gboolean
holboo_account_registry_has_load_problems (HolbooAccountRegistry *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), FALSE);
  return self->load_problems;
}

/**
 * holboo_account_registry_load:
 * @error: return location for a #GError
 *
 * Replaces the list with the accounts in accounts.ini.  A missing file
 * is no accounts.  Accounts and keys that cannot be read are skipped,
 * each with a g_message naming the file and line, and the rest loads.
 * Blocking: for tools and tests; the app uses _load_async().
 *
 * Returns: %FALSE, with the list empty and @error set (%G_IO_ERROR), if
 *   the file exists but cannot be read at all
 */
gboolean
holboo_account_registry_load (HolbooAccountRegistry  *self,
                              GCancellable           *cancellable,
                              GError                **error)
{
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result = load_file (self->path, cancellable, &local_error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  apply_load (self, result);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HolbooAccountRegistry *self = source_object;
  GError *error = NULL;
  LoadResult *result = load_file (self->path, cancellable, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
on_load_done (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  HolbooAccountRegistry *self = HOLBOO_ACCOUNT_REGISTRY (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Applied here, in the registry's thread, before the caller hears. */
  apply_load (self, result);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * holboo_account_registry_load_async:
 *
 * As holboo_account_registry_load(), reading in a worker thread; the
 * list changes just before @callback runs.  Load once, at start-up,
 * before the list is changed.
 */
void
holboo_account_registry_load_async (HolbooAccountRegistry *self,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_registry_load_async);

  worker = g_task_new (self, cancellable, on_load_done, task);
  g_task_run_in_thread (worker, load_thread);
}

gboolean
holboo_account_registry_load_finish (HolbooAccountRegistry  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * holboo_account_registry_save:
 * @error: return location for a #GError
 *
 * Writes the list to accounts.ini (mode 0600), creating the data
 * directory if needed; atomically, so a crash leaves the old file or
 * the new one.  Blocking: for tools and tests; the app uses
 * _save_async().
 *
 * Returns: %FALSE with @error (%G_IO_ERROR, naming the file and the
 *   cause) if the directory or file cannot be written, or the copy of a
 *   damaged file cannot be kept
 */
gboolean
holboo_account_registry_save (HolbooAccountRegistry  *self,
                              GCancellable           *cancellable,
                              GError                **error)
{
  SaveData *data;
  gboolean ok;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = save_data_new (self);
  ok = save_file (self, data, cancellable, error);
  save_data_free (data);
  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_file (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * holboo_account_registry_save_async:
 *
 * As holboo_account_registry_save(): the list as it is now is written
 * in a worker thread.  Of several saves in flight, the last asked for
 * is what the file holds at the end.
 */
void
holboo_account_registry_save_async (HolbooAccountRegistry *self,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_account_registry_save_async);
  g_task_set_task_data (task, save_data_new (self), (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
holboo_account_registry_save_finish (HolbooAccountRegistry  *self,
                                     GAsyncResult           *result,
                                     GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
find (HolbooAccountRegistry *self,
      const char            *jid,
      guint                 *position)
{
  g_autoptr(HolbooJid) parsed = holboo_jid_parse (jid, -1, NULL);
  const char *bare;

  if (parsed == NULL)
    return FALSE;

  bare = holboo_jid_get_bare_string (parsed);
  for (guint i = 0; i < self->configs->len; i++)
    if (g_strcmp0 (holboo_account_config_get_jid (g_ptr_array_index (self->configs, i)), bare) == 0)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * holboo_account_registry_lookup:
 * @jid: an address, in any form that normalises to the account's (a
 *   full address finds its bare account)
 *
 * Returns: (transfer none) (nullable): the account, or %NULL
 */
HolbooAccountConfig *
holboo_account_registry_lookup (HolbooAccountRegistry *self,
                                const char            *jid)
{
  guint position;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), NULL);
  g_return_val_if_fail (jid != NULL, NULL);

  if (!find (self, jid, &position))
    return NULL;
  return g_ptr_array_index (self->configs, position);
}

/**
 * holboo_account_registry_add:
 * @config: a new account
 *
 * Appends @config to the list (not to the file: save after).
 *
 * Returns: %FALSE with %HOLBOO_ACCOUNT_CONFIG_ERROR_DUPLICATE if an
 *   account with the same address is already there
 */
gboolean
holboo_account_registry_add (HolbooAccountRegistry  *self,
                             HolbooAccountConfig    *config,
                             GError                **error)
{
  const char *jid;
  guint position;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), FALSE);
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (config), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  jid = holboo_account_config_get_jid (config);
  if (find (self, jid, &position))
    {
      g_set_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_DUPLICATE,
                   _("The account %s is already set up"), jid);
      return FALSE;
    }

  g_ptr_array_add (self->configs, g_object_ref (config));
  g_list_model_items_changed (G_LIST_MODEL (self), self->configs->len - 1, 0, 1);
  return TRUE;
}

/**
 * holboo_account_registry_remove:
 * @jid: the account's address
 *
 * Removes the account from the list (not from the file: save after).
 * Its password and its data directory stay: clear the password with
 * holboo_account_config_clear_password_async().
 *
 * Returns: whether there was such an account
 */
gboolean
holboo_account_registry_remove (HolbooAccountRegistry *self,
                                const char            *jid)
{
  guint position;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), FALSE);
  g_return_val_if_fail (jid != NULL, FALSE);

  if (!find (self, jid, &position))
    return FALSE;

  g_ptr_array_remove_index (self->configs, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/**
 * holboo_account_registry_dup_store_path:
 *
 * Returns: (transfer full): where @config's database lives:
 *   `<data dir>/<directory name>/holboo.db`; nothing is created
 */
char *
holboo_account_registry_dup_store_path (HolbooAccountRegistry *self,
                                        HolbooAccountConfig   *config)
{
  g_autofree char *dir_name = NULL;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), NULL);
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (config), NULL);

  dir_name = holboo_account_config_dup_dir_name (config);
  return g_build_filename (self->data_dir, dir_name, HOLBOO_ACCOUNT_STORE_FILE_NAME, NULL);
}

/**
 * holboo_account_registry_ensure_store_path:
 *
 * As holboo_account_registry_dup_store_path(), and creates the
 * account's directory (mode 0700) if needed.  Blocking, briefly.
 *
 * Returns: (transfer full) (nullable): the path, or %NULL with @error
 *   (%G_IO_ERROR) naming the directory and the cause
 */
char *
holboo_account_registry_ensure_store_path (HolbooAccountRegistry  *self,
                                           HolbooAccountConfig    *config,
                                           GError                **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  int saved_errno;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_REGISTRY (self), NULL);
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (config), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = holboo_account_registry_dup_store_path (self, config);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create the directory “%s” for the account %s: %s"),
                   dir, holboo_account_config_get_jid (config), g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&path);
}
