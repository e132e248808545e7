/* holboo-test-config.c — configuration templates and throw-away certificates
 *
 * The templates (prosody.cfg.lua.in, ejabberd.yml.in, turnserver.conf.in, …)
 * live beside this file and are compiled into the library as a GResource,
 * so the harness finds them from any working directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-test-server"

#include "config.h"

#include "holboo-test-server-private.h"
#include "holboo-test-harness-resources.h"

#include <glib/gstdio.h>

#include <errno.h>
#include <string.h>

#define TEMPLATE_PATH "/io/github/holboo/Holboo/test-harness/"

static gboolean
is_placeholder_name (const char *start,
                     gsize       len)
{
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (start[i]) && !g_ascii_isdigit (start[i]) && start[i] != '_')
      return FALSE;

  return TRUE;
}

/* Replaces every @NAME@ (upper case, digits, '_') by its value in vars.
 * A placeholder without a value is an error, so a typo cannot slip into a
 * server configuration. Any other '@' is copied as it is. */
char *
_holboo_test_expand (const char  *template_name,
                     GHashTable  *vars,
                     GError     **error)
{
  g_autofree char *path = g_strconcat (TEMPLATE_PATH, template_name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) out = NULL;
  const char *text;
  const char *p;

  bytes = g_resource_lookup_data (holboo_test_harness_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  /* Resource data is always nul-terminated. */
  text = g_bytes_get_data (bytes, NULL);
  if (vars == NULL)
    return g_strdup (text);

  out = g_string_sized_new (g_bytes_get_size (bytes) + 256);
  p = text;
  while (*p != '\0')
    {
      const char *at = strchr (p, '@');
      const char *end;
      g_autofree char *name = NULL;
      const char *value;

      if (at == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, at - p);
      end = strchr (at + 1, '@');
      if (end == NULL || !is_placeholder_name (at + 1, end - at - 1))
        {
          g_string_append_c (out, '@');
          p = at + 1;
          continue;
        }

      name = g_strndup (at + 1, end - at - 1);
      value = g_hash_table_lookup (vars, name);
      if (value == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "Template %s has no value for @%s@", template_name, name);
          return NULL;
        }

      g_string_append (out, value);
      p = end + 1;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
_holboo_test_write_template (const char  *template_name,
                             GHashTable  *vars,
                             const char  *path,
                             int          mode,
                             GError     **error)
{
  g_autofree char *text = _holboo_test_expand (template_name, vars, error);

  if (text == NULL)
    return FALSE;

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, mode, error))
    return FALSE;

  /* g_file_set_contents_full() keeps the mode of a file it replaces. */
  if (g_chmod (path, mode) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot chmod %s", path);
      return FALSE;
    }

  return TRUE;
}

static void
set_port (GHashTable    *vars,
          const char    *name,
          const guint16 *ports,
          HolbooTestPort port)
{
  g_hash_table_insert (vars, g_strdup (name), g_strdup_printf ("%u", ports[port]));
}

/* The values every template may use; backends add their own. */
GHashTable *
_holboo_test_setup_vars (const HolbooTestSetup *setup)
{
  GHashTable *vars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) interfaces = g_string_new ("\"127.0.0.1\"");
  g_autoptr(GString) listen_ips = g_string_new ("listening-ip=127.0.0.1\nrelay-ip=127.0.0.1");

  if (setup->ipv6)
    {
      g_string_append (interfaces, "; \"::1\"");
      g_string_append (listen_ips, "\nlistening-ip=::1\nrelay-ip=::1");
    }

  g_hash_table_insert (vars, g_strdup ("STATE_DIR"), g_strdup (setup->state_dir));
  g_hash_table_insert (vars, g_strdup ("CERT_DIR"), g_strdup (setup->cert_dir));
  g_hash_table_insert (vars, g_strdup ("DOMAIN"), g_strdup (setup->domain));
  g_hash_table_insert (vars, g_strdup ("TURN_SECRET"), g_strdup (setup->turn_secret));
  g_hash_table_insert (vars, g_strdup ("INTERFACES"), g_strdup (interfaces->str));
  g_hash_table_insert (vars, g_strdup ("LISTEN_IPS"), g_strdup (listen_ips->str));
  if (setup->erlang_cookie != NULL)
    g_hash_table_insert (vars, g_strdup ("ERLANG_COOKIE"), g_strdup (setup->erlang_cookie));

  set_port (vars, "C2S_PORT", setup->ports, HOLBOO_TEST_PORT_C2S);
  set_port (vars, "DIRECT_TLS_PORT", setup->ports, HOLBOO_TEST_PORT_DIRECT_TLS);
  set_port (vars, "HTTP_PORT", setup->ports, HOLBOO_TEST_PORT_HTTP);
  set_port (vars, "HTTPS_PORT", setup->ports, HOLBOO_TEST_PORT_HTTPS);
  set_port (vars, "TURN_PORT", setup->ports, HOLBOO_TEST_PORT_TURN);
  set_port (vars, "TURNS_PORT", setup->ports, HOLBOO_TEST_PORT_TURNS);
  set_port (vars, "ERLANG_DIST_PORT", setup->ports, HOLBOO_TEST_PORT_ERLANG_DIST);

  return vars;
}

static gboolean
concat_files (const char  *dest,
              const char **sources,
              GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; sources[i] != NULL; i++)
    {
      g_autofree char *part = NULL;

      if (!g_file_get_contents (sources[i], &part, NULL, error))
        return FALSE;
      g_string_append (text, part);
    }

  return g_file_set_contents_full (dest, text->str, text->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* A throw-away CA and one EC P-256 leaf for the domain, its conference,
 * upload and pubsub names, 127.0.0.1 and ::1. Kept if already there, so a
 * demo state directory keeps the CA a client was told to trust. Files:
 * ca.crt, localhost.{key,crt}, localhost-fullchain.crt (leaf + CA) and
 * localhost.pem (leaf + CA + key, the form ejabberd wants). */
gboolean
_holboo_test_make_certs (const char  *cert_dir,
                         const char  *domain,
                         guint        timeout_s,
                         GError     **error)
{
  g_autoptr(GHashTable) vars = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *openssl = NULL;
  g_autofree char *cnf = g_build_filename (cert_dir, "openssl.cnf", NULL);
  g_autofree char *ca_key = g_build_filename (cert_dir, "ca.key", NULL);
  g_autofree char *ca_crt = g_build_filename (cert_dir, "ca.crt", NULL);
  g_autofree char *key = g_build_filename (cert_dir, "localhost.key", NULL);
  g_autofree char *crt = g_build_filename (cert_dir, "localhost.crt", NULL);
  g_autofree char *fullchain = g_build_filename (cert_dir, "localhost-fullchain.crt", NULL);
  g_autofree char *pem = g_build_filename (cert_dir, "localhost.pem", NULL);
  g_autofree char *leaf_subject = g_strdup_printf ("/CN=%s", domain);
  const char *chain[] = { crt, ca_crt, NULL };
  const char *bundle[] = { crt, ca_crt, key, NULL };

  if (g_file_test (ca_crt, G_FILE_TEST_EXISTS) && g_file_test (pem, G_FILE_TEST_EXISTS) &&
      g_file_test (fullchain, G_FILE_TEST_EXISTS))
    return TRUE;

  openssl = _holboo_test_find_program ("HOLBOO_OPENSSL", "openssl", "openssl", error);
  if (openssl == NULL)
    return FALSE;

  if (g_mkdir_with_parents (cert_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Cannot create %s: %s", cert_dir, g_strerror (errno));
      return FALSE;
    }

  g_hash_table_insert (vars, (char *) "DOMAIN", (char *) domain);
  if (!_holboo_test_write_template ("openssl.cnf.in", vars, cnf, 0600, error))
    return FALSE;

  {
    const char *ca_argv[] = {
      openssl, "req", "-x509", "-config", cnf, "-extensions", "ca",
      "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
      "-keyout", ca_key, "-out", ca_crt, "-days", "3650",
      "-subj", "/CN=Holboo test CA", NULL
    };
    const char *leaf_argv[] = {
      openssl, "req", "-x509", "-config", cnf, "-extensions", "leaf",
      "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
      "-keyout", key, "-out", crt, "-days", "825",
      "-subj", leaf_subject, "-CA", ca_crt, "-CAkey", ca_key, NULL
    };

    if (!_holboo_test_run (ca_argv, cert_dir, timeout_s, NULL, error) ||
        !_holboo_test_run (leaf_argv, cert_dir, timeout_s, NULL, error))
      return FALSE;
  }

  return concat_files (fullchain, chain, error) && concat_files (pem, bundle, error);
}

char *
_holboo_test_random_secret (void)
{
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autofree char *joined = g_strconcat (a, b, NULL);
  GString *secret = g_string_new (NULL);

  for (const char *p = joined; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (secret, *p);

  return g_string_free (secret, FALSE);
}
