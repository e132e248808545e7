/* holboo-test-backends.c — Prosody, ejabberd and coturn: configuration files,
 * command lines and accounts
 *
 * The settings are the measured ones of notes/xmpp-servers.md; the
 * templates next to this file say why each one is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-test-server"

#include "config.h"

#include "holboo-test-server-private.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#define API_RETRY_US (50 * 1000)

static gboolean
make_dirs (const char  *state_dir,
           const char **names,
           GError     **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (state_dir, names[i], NULL);

      if (g_mkdir_with_parents (path, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "Cannot create %s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

/* Prosody */

static char *
prosody_config_path (const HolbooTestSetup *setup)
{
  return g_build_filename (setup->state_dir, "prosody.cfg.lua", NULL);
}

gboolean
_holboo_test_prosody_configure (const HolbooTestSetup  *setup,
                                GError                **error)
{
  const char *dirs[] = { "data", NULL };
  g_autoptr(GHashTable) vars = _holboo_test_setup_vars (setup);
  g_autofree char *path = prosody_config_path (setup);

  return make_dirs (setup->state_dir, dirs, error) &&
         _holboo_test_write_template ("prosody.cfg.lua.in", vars, path, 0600, error);
}

GStrv
_holboo_test_prosody_argv (const HolbooTestSetup  *setup,
                           GError                **error)
{
  g_autofree char *prosody = NULL;
  g_autofree char *config = prosody_config_path (setup);
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();

  prosody = _holboo_test_find_program ("HOLBOO_PROSODY", "prosody", "prosody", error);
  if (prosody == NULL)
    return NULL;

  /* -F: stay in the foreground, so the pid is the server's own. */
  g_strv_builder_add (argv, prosody);
  g_strv_builder_add (argv, "--config");
  g_strv_builder_add (argv, config);
  g_strv_builder_add (argv, "-F");
  return g_strv_builder_end (argv);
}

/* prosodyctl writes the account straight into the SQLite store, before the
 * server starts or while it runs; it overwrites an existing password. */
gboolean
_holboo_test_prosody_register (const HolbooTestSetup  *setup,
                               const char             *username,
                               const char             *password,
                               GError                **error)
{
  g_autofree char *prosodyctl = NULL;
  g_autofree char *config = prosody_config_path (setup);
  g_autoptr(GError) local_error = NULL;

  prosodyctl = _holboo_test_find_program ("HOLBOO_PROSODYCTL", "prosodyctl", "prosody", error);
  if (prosodyctl == NULL)
    return FALSE;

  {
    const char *argv[] = {
      prosodyctl, "--config", config, "register", username, setup->domain, password, NULL
    };

    if (_holboo_test_run (argv, setup->state_dir, setup->timeout_s, NULL, &local_error))
      return TRUE;
  }

  /* storage = "sql" needs the DBI module, which Debian only suggests. */
  if (strstr (local_error->message, "DBI") != NULL || strstr (local_error->message, "dbi") != NULL)
    g_prefix_error (&local_error, "Prosody cannot open its SQLite store"
                    " — apt-get install lua-dbi-sqlite3: ");
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              "Cannot create the account %s@%s: ", username, setup->domain);
  return FALSE;
}

/* ejabberd */

static char *
ejabberd_listen (const HolbooTestSetup  *setup,
                 GError                **error)
{
  const char *addresses[] = { "127.0.0.1", "::1" };
  g_autoptr(GString) listen = g_string_new (NULL);

  for (guint i = 0; i < (setup->ipv6 ? 2u : 1u); i++)
    {
      g_autoptr(GHashTable) vars = _holboo_test_setup_vars (setup);
      g_autofree char *block = NULL;

      g_hash_table_insert (vars, g_strdup ("ADDRESS"), g_strdup (addresses[i]));
      block = _holboo_test_expand ("ejabberd-listen.yml.in", vars, error);
      if (block == NULL)
        return NULL;
      g_string_append (listen, block);
    }

  return g_string_free (g_steal_pointer (&listen), FALSE);
}

/* /usr/sbin/ejabberdctl insists on the `ejabberd` user (su, or exit 7) and
 * runs erl as a child of bash. The copy runs as the caller and execs erl,
 * so the process the harness started is the Erlang VM itself. */
static gboolean
ejabberd_copy_ctl (const HolbooTestSetup  *setup,
                   GError                **error)
{
  g_autofree char *original = NULL;
  g_autofree char *text = NULL;
  g_autofree char *copy = g_build_filename (setup->state_dir, "ejabberdctl", NULL);
  g_autoptr(GString) patched = NULL;
  guint n_user, n_exec;

  original = _holboo_test_find_program ("HOLBOO_EJABBERDCTL", "ejabberdctl", "ejabberd", error);
  if (original == NULL || !g_file_get_contents (original, &text, NULL, error))
    return FALSE;

  patched = g_string_new (text);
  n_user = g_string_replace (patched, "\nINSTALLUSER=ejabberd\n", "\nINSTALLUSER=\n", 1);
  n_exec = g_string_replace (patched, "as_current_user) \"$@\" ;;",
                             "as_current_user) exec \"$@\" ;;", 1);
  if (n_user != 1 || n_exec != 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "%s is not the ejabberdctl of ejabberd 23.01 the harness knows how to"
                   " run as any user (INSTALLUSER or exec_cmd not found)", original);
      return FALSE;
    }

  return g_file_set_contents_full (copy, patched->str, patched->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0700, error);
}

gboolean
_holboo_test_ejabberd_configure (const HolbooTestSetup  *setup,
                                 GError                **error)
{
  const char *dirs[] = { "db", "logs", "upload", "contrib", "modules.d", NULL };
  g_autoptr(GHashTable) vars = _holboo_test_setup_vars (setup);
  g_autofree char *listen = NULL;
  g_autofree char *yml = g_build_filename (setup->state_dir, "ejabberd.yml", NULL);
  g_autofree char *ctl_cfg = g_build_filename (setup->state_dir, "ejabberdctl.cfg", NULL);
  g_autofree char *ctl = g_build_filename (setup->state_dir, "ctl", NULL);
  g_autofree char *inetrc = g_build_filename (setup->state_dir, "inetrc", NULL);
  g_autoptr(GDir) erlang_lib = NULL;
  gboolean have_sqlite = FALSE;
  const char *name;

  /* default_db: sql with SQLite needs a package Debian only suggests. */
  erlang_lib = g_dir_open ("/usr/lib/erlang/lib", 0, NULL);
  while (erlang_lib != NULL && (name = g_dir_read_name (erlang_lib)) != NULL)
    have_sqlite |= g_str_has_prefix (name, "p1_sqlite3-");
  if (erlang_lib != NULL && !have_sqlite)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "ejabberd's SQLite driver is not installed — apt-get install erlang-p1-sqlite3");
      return FALSE;
    }

  listen = ejabberd_listen (setup, error);
  if (listen == NULL)
    return FALSE;
  g_hash_table_insert (vars, g_strdup ("LISTEN"), g_steal_pointer (&listen));

  return make_dirs (setup->state_dir, dirs, error) &&
         ejabberd_copy_ctl (setup, error) &&
         _holboo_test_write_template ("ejabberd.yml.in", vars, yml, 0600, error) &&
         _holboo_test_write_template ("ejabberdctl.cfg.in", vars, ctl_cfg, 0600, error) &&
         _holboo_test_write_template ("ejabberd-ctl.in", vars, ctl, 0700, error) &&
         g_file_set_contents_full (inetrc, "{lookup, [file, native]}.\n", -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

GStrv
_holboo_test_ejabberd_argv (const HolbooTestSetup  *setup,
                            GError                **error)
{
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();
  g_autofree char *ctl = g_build_filename (setup->state_dir, "ctl", NULL);

  /* foreground, not start: start detaches (erl -detached) from us. */
  g_strv_builder_add (argv, ctl);
  g_strv_builder_add (argv, "foreground");
  return g_strv_builder_end (argv);
}

static gboolean
api_call (SoupSession  *session,
          const char   *url,
          JsonBuilder  *body,
          guint        *status,
          char        **reply,
          GError      **error)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (body);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_POST, url);
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) response = NULL;
  gsize length;
  char *text;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  request = g_bytes_new_take (text, length);
  soup_message_set_request_body_from_bytes (message, "application/json", request);

  response = soup_session_send_and_read (session, message, NULL, error);
  if (response == NULL)
    return FALSE;

  *status = soup_message_get_status (message);
  *reply = g_strndup (g_bytes_get_data (response, NULL), g_bytes_get_size (response));
  return TRUE;
}

static JsonBuilder *
account_body (const char *user,
              const char *host,
              const char *password_key,
              const char *password)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, user);
  json_builder_set_member_name (builder, "host");
  json_builder_add_string_value (builder, host);
  json_builder_set_member_name (builder, password_key);
  json_builder_add_string_value (builder, password);
  json_builder_end_object (builder);
  return builder;
}

/* ejabberd's loopback HTTP API (≈ 50 ms a call); an existing account gets
 * the new password, like prosodyctl does. Retries while the API is not
 * listening yet, bounded by the setup's timeout. */
gboolean
_holboo_test_ejabberd_register (const HolbooTestSetup  *setup,
                                const char             *username,
                                const char             *password,
                                GError                **error)
{
  /* Loopback: no proxy (and no GSettings lookup for one). */
  g_autoptr(SoupSession) session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  g_autoptr(JsonBuilder) body = account_body (username, setup->domain, "password", password);
  g_autofree char *base = g_strdup_printf ("http://127.0.0.1:%u/api/",
                                           setup->ports[HOLBOO_TEST_PORT_HTTP]);
  g_autofree char *register_url = g_strconcat (base, "register", NULL);
  g_autofree char *reply = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) setup->timeout_s * G_USEC_PER_SEC;
  guint status = 0;

  soup_session_set_timeout (session, setup->timeout_s);
  while (TRUE)
    {
      g_autoptr(GError) local_error = NULL;

      if (api_call (session, register_url, body, &status, &reply, &local_error))
        break;
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
          g_get_monotonic_time () > deadline)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "Cannot create the account %s@%s through %s: ",
                                      username, setup->domain, register_url);
          return FALSE;
        }
      g_usleep (API_RETRY_US);
    }

  if (status == SOUP_STATUS_CONFLICT ||
      (status != SOUP_STATUS_OK && strstr (reply, "already registered") != NULL))
    {
      g_autoptr(JsonBuilder) change = account_body (username, setup->domain, "newpass", password);
      g_autofree char *change_url = g_strconcat (base, "change_password", NULL);

      g_clear_pointer (&reply, g_free);
      if (!api_call (session, change_url, change, &status, &reply, error))
        return FALSE;
    }

  if (status != SOUP_STATUS_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Cannot create the account %s@%s: ejabberd's API answered %u: %s",
                   username, setup->domain, status, reply);
      return FALSE;
    }

  return TRUE;
}

/* coturn */

gboolean
_holboo_test_coturn_configure (const HolbooTestSetup  *setup,
                               GError                **error)
{
  g_autoptr(GHashTable) vars = _holboo_test_setup_vars (setup);
  g_autofree char *path = g_build_filename (setup->state_dir, "turnserver.conf", NULL);

  return _holboo_test_write_template ("turnserver.conf.in", vars, path, 0600, error);
}

GStrv
_holboo_test_coturn_argv (const HolbooTestSetup  *setup,
                          GError                **error)
{
  g_autofree char *turnserver = NULL;
  g_autofree char *config = g_build_filename (setup->state_dir, "turnserver.conf", NULL);
  g_autoptr(GStrvBuilder) argv = g_strv_builder_new ();

  turnserver = _holboo_test_find_program ("HOLBOO_TURNSERVER", "turnserver", "coturn", error);
  if (turnserver == NULL)
    return NULL;

  g_strv_builder_add (argv, turnserver);
  g_strv_builder_add (argv, "-c");
  g_strv_builder_add (argv, config);
  return g_strv_builder_end (argv);
}

/* The XMPP server of that kind: writes its configuration, returns its
 * command line. */
GStrv
_holboo_test_configure (HolbooTestServerKind    kind,
                        const HolbooTestSetup  *setup,
                        GError                **error)
{
  if (kind == HOLBOO_TEST_SERVER_KIND_PROSODY)
    return _holboo_test_prosody_configure (setup, error) ? _holboo_test_prosody_argv (setup, error)
                                                         : NULL;
  return _holboo_test_ejabberd_configure (setup, error) ? _holboo_test_ejabberd_argv (setup, error)
                                                        : NULL;
}

gboolean
_holboo_test_register (HolbooTestServerKind    kind,
                       const HolbooTestSetup  *setup,
                       const char             *username,
                       const char             *password,
                       GError                **error)
{
  if (kind == HOLBOO_TEST_SERVER_KIND_PROSODY)
    return _holboo_test_prosody_register (setup, username, password, error);
  return _holboo_test_ejabberd_register (setup, username, password, error);
}
