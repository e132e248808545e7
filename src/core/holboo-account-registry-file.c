/* holboo-account-registry-file.c: reading and writing accounts.ini
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is a GKeyFile:
 *
 *   [Holboo]
 *   format=1
 *
 *   [Account 1]
 *   jid=alice@example.mn
 *   name=Work
 *   enabled=true
 *   transport=starttls
 *   host=xmpp.example.mn
 *   port=5222
 *   pinned-certificate=AB:CD:…
 *
 * Groups are numbered, not named after the address: an address may hold
 * characters a group name may not ("[" and "]" in an IPv6 domain).
 *
 * A file that a person, a crash or a disk has damaged should cost as
 * little as possible, but GKeyFile gives up on the whole file at the
 * first line it cannot read.  So the text is cut into one piece per
 * group and each piece is given to GKeyFile on its own: a bad line
 * loses its own account, never the others.  Within an account, a value
 * that cannot be read loses that key (its default is used), except the
 * address, without which there is no account.  Each loss is a g_message
 * naming the file, the line and the key, and is counted, so that the
 * registry keeps a copy of the file before it writes over it.
 *
 * Also here: the file's reading, writing and backup, which run in
 * worker threads and touch nothing but the paths they are given.
 */

#define G_LOG_DOMAIN "holboo-account-registry"

#include "config.h"

#include "holboo-account-registry-private.h"
#include "holboo-account-config.h"
#include "holboo-xmpp-error.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* accounts.ini holds a few lines per account; anything bigger is not one. */
#define MAX_FILE_SIZE   (1024 * 1024)

#define MAIN_GROUP      "Holboo"
#define ACCOUNT_PREFIX  "Account"

typedef struct {
  const char *path;
  const char *text;     /* one group's lines */
  gsize       length;
  guint       line;     /* of the first of them */
  GHashTable *seen;     /* normalised jid → line (GUINT_TO_POINTER) */
  GPtrArray  *configs;
  guint      *n_problems;
} Piece;

static const char * const known_keys[] = {
  "jid", "name", "enabled", "transport", "host", "port", "websocket-url", "ca-file",
  "pinned-certificate",
};

/* The line of @key inside the piece, for messages; the group's line if
 * the key is not there. */
static guint
key_line (const Piece *piece,
          const char  *key)
{
  const char *p = piece->text;
  const char *end = piece->text + piece->length;
  gsize key_len = strlen (key);
  guint line = piece->line;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *eol = nl != NULL ? nl : end;
      const char *q = p;

      while (q < eol && (*q == ' ' || *q == '\t'))
        q++;
      if ((gsize) (eol - q) > key_len && strncmp (q, key, key_len) == 0)
        {
          q += key_len;
          while (q < eol && (*q == ' ' || *q == '\t'))
            q++;
          if (q < eol && *q == '=')
            return line;
        }
      if (nl == NULL)
        break;
      p = nl + 1;
      line++;
    }

  return piece->line;
}

static void
problem (const Piece *piece,
         guint        line,
         const char  *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (const Piece *piece,
         guint        line,
         const char  *format,
         ...)
{
  g_autofree char *text = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  /* GKeyFile quotes the bad bytes it found; logs stay UTF-8. */
  valid = g_utf8_make_valid (text, -1);
  g_message ("%s:%u: %s", piece->path, line, valid);
  (*piece->n_problems)++;
}

static gboolean
host_is_plausible (const char *host)
{
  if (*host == '\0' || strlen (host) > 255 || !g_utf8_validate (host, -1, NULL))
    return FALSE;
  for (const char *p = host; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isgraph (c) || c == '/' || c == '@')
        return FALSE;
    }
  return TRUE;
}

static gboolean
websocket_url_is_plausible (const char *url)
{
  const char *scheme;

  if (!g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return FALSE;
  scheme = g_uri_peek_scheme (url);
  return g_strcmp0 (scheme, "wss") == 0 || g_strcmp0 (scheme, "ws") == 0;
}

/* A string value, or NULL (with a problem noted if it is present but
 * cannot be read). */
static char *
read_string (const Piece *piece,
             GKeyFile    *key_file,
             const char  *group,
             const char  *key,
             const char  *who)
{
  g_autoptr(GError) error = NULL;
  char *value;

  if (!g_key_file_has_key (key_file, group, key, NULL))
    return NULL;

  value = g_key_file_get_string (key_file, group, key, &error);
  if (value == NULL)
    problem (piece, key_line (piece, key), "ignored “%s” of %s: %s", key, who, error->message);
  return value;
}

static void
read_account (const Piece *piece,
              GKeyFile    *key_file,
              const char  *group)
{
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *jid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *transport = NULL;
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  g_autofree char *url = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *normal_pin = NULL;
  g_autofree char *ca_file = NULL;
  HolbooXmppSettings *settings;
  g_auto(GStrv) keys = NULL;
  const char *who;
  gpointer first_line;
  guint64 port_value = 0;

  jid = read_string (piece, key_file, group, "jid", group);
  if (jid == NULL)
    {
      problem (piece, piece->line, "skipped [%s]: it has no readable “jid”", group);
      return;
    }

  config = holboo_account_config_new (jid, &error);
  if (config == NULL)
    {
      problem (piece, key_line (piece, "jid"), "skipped [%s]: key “jid”: %s", group, error->message);
      return;
    }

  who = holboo_account_config_get_jid (config);
  if (g_hash_table_lookup_extended (piece->seen, who, NULL, &first_line))
    {
      problem (piece, key_line (piece, "jid"), "skipped [%s]: %s is already the account at line %u",
               group, who, GPOINTER_TO_UINT (first_line));
      return;
    }

  settings = holboo_account_config_get_settings (config);
  name = read_string (piece, key_file, group, "name", who);
  if (name != NULL)
    holboo_account_config_set_display_name (config, name);

  if (g_key_file_has_key (key_file, group, "enabled", NULL))
    {
      gboolean enabled = g_key_file_get_boolean (key_file, group, "enabled", &error);

      if (error != NULL)
        {
          problem (piece, key_line (piece, "enabled"), "ignored “enabled” of %s: %s", who, error->message);
          g_clear_error (&error);
        }
      else
        holboo_account_config_set_enabled (config, enabled);
    }

  transport = read_string (piece, key_file, group, "transport", who);
  if (transport != NULL)
    {
      g_autoptr(GEnumClass) kinds = g_type_class_ref (HOLBOO_TYPE_XMPP_TRANSPORT_KIND);
      GEnumValue *kind = g_enum_get_value_by_nick (kinds, transport);

      if (kind == NULL)
        problem (piece, key_line (piece, "transport"),
                 "ignored “transport” of %s: unknown transport “%s”", who, transport);
      else
        holboo_xmpp_settings_set_transport (settings, kind->value);
    }

  host = read_string (piece, key_file, group, "host", who);
  if (host != NULL && !host_is_plausible (host))
    {
      problem (piece, key_line (piece, "host"), "ignored “host” of %s: not a host name", who);
      g_clear_pointer (&host, g_free);
    }

  port = read_string (piece, key_file, group, "port", who);
  if (port != NULL &&
      !g_ascii_string_to_unsigned (port, 10, 0, G_MAXUINT16, &port_value, &error))
    {
      problem (piece, key_line (piece, "port"), "ignored “port” of %s: %s", who, error->message);
      g_clear_error (&error);
      port_value = 0;
    }
  holboo_xmpp_settings_set_server (settings, host, (guint16) port_value);

  url = read_string (piece, key_file, group, "websocket-url", who);
  if (url != NULL && !websocket_url_is_plausible (url))
    problem (piece, key_line (piece, "websocket-url"),
             "ignored “websocket-url” of %s: not a ws:// or wss:// URL", who);
  else if (url != NULL)
    holboo_xmpp_settings_set_websocket_url (settings, url);

  /* A CA file that cannot be read now is kept: it may be on a disk that
   * is not mounted yet.  Until it loads, nothing is trusted in its place. */
  ca_file = read_string (piece, key_file, group, "ca-file", who);
  if (ca_file != NULL && !holboo_xmpp_settings_set_ca_file (settings, ca_file, &error))
    {
      g_message ("%s:%u: kept “ca-file” of %s, not loaded: %s",
                 piece->path, key_line (piece, "ca-file"), who, error->message);
      g_clear_error (&error);
    }

  pin = read_string (piece, key_file, group, "pinned-certificate", who);
  normal_pin = pin != NULL ? holboo_xmpp_fingerprint_normalize (pin) : NULL;
  if (pin != NULL && normal_pin == NULL)
    problem (piece, key_line (piece, "pinned-certificate"),
             "ignored “pinned-certificate” of %s: not a SHA-256 fingerprint", who);
  else if (normal_pin != NULL)
    holboo_xmpp_settings_set_pinned_certificate (settings, normal_pin);

  /* A key this Holboo does not know was written by a newer one, or by
   * hand; it will not survive a save, so count it. */
  keys = g_key_file_get_keys (key_file, group, NULL, NULL);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (known_keys) && !known; k++)
        known = strcmp (keys[i], known_keys[k]) == 0;
      if (!known)
        problem (piece, key_line (piece, keys[i]), "ignored unknown key “%s” of %s", keys[i], who);
    }

  g_hash_table_insert (piece->seen, g_strdup (who), GUINT_TO_POINTER (piece->line));
  g_ptr_array_add (piece->configs, g_steal_pointer (&config));
}

static void
read_piece (const Piece *piece)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = NULL;

  if (memchr (piece->text, '\0', piece->length) != NULL)
    {
      problem (piece, piece->line, "skipped a group: it holds a NUL byte");
      return;
    }

  if (!g_key_file_load_from_data (key_file, piece->text, piece->length, G_KEY_FILE_NONE, &error))
    {
      if (g_error_matches (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_NOT_FOUND))
        return;  /* only comments and blank lines */
      problem (piece, piece->line, "skipped a group: %s", error->message);
      return;
    }

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (strcmp (groups[i], MAIN_GROUP) == 0)
        {
          int format = g_key_file_get_integer (key_file, MAIN_GROUP, "format", NULL);

          if (format > _HOLBOO_ACCOUNT_REGISTRY_FORMAT)
            problem (piece, key_line (piece, "format"),
                     "written by a newer Holboo (format %d); reading what this one knows", format);
        }
      else if (g_str_has_prefix (groups[i], ACCOUNT_PREFIX))
        read_account (piece, key_file, groups[i]);
      else
        problem (piece, piece->line, "skipped the unknown group [%s]", groups[i]);
    }
}

static GError *
io_error_from_file_error (const GError *file_error)
{
  if (file_error->domain == G_FILE_ERROR)
    return g_error_new_literal (G_IO_ERROR, g_io_error_from_file_error (file_error->code),
                                file_error->message);
  return g_error_copy (file_error);
}

/**
 * _holboo_account_registry_parse:
 * @path: the file's path, for messages
 * @data: its contents
 * @length: their length in bytes
 * @n_problems: (out): the number of things that could not be read
 *
 * Returns: (transfer container) (element-type HolbooAccountConfig): the
 *   accounts that could be read, in the file's order
 */
GPtrArray *
_holboo_account_registry_parse (const char *path,
                                const char *data,
                                gsize       length,
                                guint      *n_problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *configs = g_ptr_array_new_with_free_func (g_object_unref);
  const char *end = data + length;
  const char *start = data;
  const char *p = data;
  guint start_line = 1;
  guint line = 1;

  *n_problems = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *eol = nl != NULL ? nl : end;
      const char *q = p;

      while (q < eol && (*q == ' ' || *q == '\t'))
        q++;

      /* A group header ends the piece before it. */
      if (q < eol && *q == '[' && p != start)
        {
          Piece piece = { path, start, p - start, start_line, seen, configs, n_problems };

          read_piece (&piece);
          start = p;
          start_line = line;
        }

      if (nl == NULL)
        break;
      p = nl + 1;
      line++;
    }

  if (start < end)
    {
      Piece piece = { path, start, end - start, start_line, seen, configs, n_problems };

      read_piece (&piece);
    }

  return configs;
}

/**
 * _holboo_account_registry_serialize:
 * @configs: (element-type HolbooAccountConfig): the accounts
 * @length: (out): the length of the text
 *
 * Returns: (transfer full): the text of accounts.ini
 */
char *
_holboo_account_registry_serialize (GPtrArray *configs,
                                    gsize     *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GEnumClass) kinds = g_type_class_ref (HOLBOO_TYPE_XMPP_TRANSPORT_KIND);

  g_key_file_set_integer (key_file, MAIN_GROUP, "format", _HOLBOO_ACCOUNT_REGISTRY_FORMAT);
  g_key_file_set_comment (key_file, NULL, NULL,
                          " Holboo's accounts. Passwords are kept in the Secret Service, never here.",
                          NULL);

  for (guint i = 0; i < configs->len; i++)
    {
      HolbooAccountConfig *config = g_ptr_array_index (configs, i);
      g_autofree char *group = g_strdup_printf (ACCOUNT_PREFIX " %u", i + 1);
      HolbooXmppSettings *settings = holboo_account_config_get_settings (config);
      GEnumValue *kind = g_enum_get_value (kinds, holboo_xmpp_settings_get_transport (settings));
      const char *value;

      g_key_file_set_string (key_file, group, "jid", holboo_account_config_get_jid (config));
      if ((value = holboo_account_config_get_display_name (config)) != NULL)
        g_key_file_set_string (key_file, group, "name", value);
      g_key_file_set_boolean (key_file, group, "enabled", holboo_account_config_get_enabled (config));
      g_key_file_set_string (key_file, group, "transport", kind != NULL ? kind->value_nick : "auto");
      if ((value = holboo_xmpp_settings_get_host (settings)) != NULL)
        g_key_file_set_string (key_file, group, "host", value);
      if (holboo_xmpp_settings_get_port (settings) != 0)
        g_key_file_set_integer (key_file, group, "port", holboo_xmpp_settings_get_port (settings));
      if ((value = holboo_xmpp_settings_get_websocket_url (settings)) != NULL)
        g_key_file_set_string (key_file, group, "websocket-url", value);
      if ((value = holboo_xmpp_settings_get_ca_file (settings)) != NULL)
        g_key_file_set_string (key_file, group, "ca-file", value);
      if ((value = holboo_xmpp_settings_get_pinned_certificate (settings)) != NULL)
        g_key_file_set_string (key_file, group, "pinned-certificate", value);
    }

  return g_key_file_to_data (key_file, length, NULL);
}

/**
 * _holboo_account_registry_read:
 * @path: accounts.ini
 * @n_problems: (out): the number of things that could not be read
 *
 * Reads and parses the file; in any thread.  A missing file is no
 * accounts.
 *
 * Returns: (transfer container) (nullable): the accounts, or %NULL with
 *   @error (%G_IO_ERROR) if the file exists but cannot be read at all
 */
GPtrArray *
_holboo_account_registry_read (const char    *path,
                               guint         *n_problems,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;
  gsize length = 0;
  int saved_errno;

  *n_problems = 0;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (g_stat (path, &st) != 0)
    {
      saved_errno = errno;
      if (saved_errno == ENOENT)
        {
          /* The first run: no accounts yet. */
          return g_ptr_array_new_with_free_func (g_object_unref);
        }
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot read the accounts from “%s”: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Cannot read the accounts from “%s”: it is not a file"), path);
      return NULL;
    }

  if (st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Cannot read the accounts from “%s”: the file is too large"), path);
      return NULL;
    }

  if (!g_file_get_contents (path, &text, &length, &local_error))
    {
      g_autoptr(GError) io_error = io_error_from_file_error (local_error);

      g_set_error (error, G_IO_ERROR, io_error->code,
                   _("Cannot read the accounts from “%s”: %s"), path, io_error->message);
      return NULL;
    }

  return _holboo_account_registry_parse (path, text, length, n_problems);
}

/* Keeps the file as it is now as accounts.ini.bak: a second name for
 * the same file, which the save then replaces under the first name. */
gboolean
_holboo_account_registry_keep_backup (const char  *path,
                                      GError     **error)
{
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GError) local_error = NULL;
  int saved_errno;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot keep a copy of “%s” before saving the accounts, so they were not saved: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  if (link (path, backup) == 0)
    return TRUE;
  saved_errno = errno;
  if (saved_errno == ENOENT)
    return TRUE;  /* nothing there to lose */

  /* No hard links here (some file systems): copy. */
  source = g_file_new_for_path (path);
  target = g_file_new_for_path (backup);
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("Cannot keep a copy of “%s” before saving the accounts, so they were not saved: %s"),
                   path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * _holboo_account_registry_write:
 *
 * Writes @text to @path, mode 0600, through a temporary file renamed
 * over the old one and synced: a crash leaves the old file or the new.
 */
gboolean
_holboo_account_registry_write (const char  *path,
                                const char  *text,
                                gsize        length,
                                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) io_error = NULL;

  if (g_file_set_contents_full (path, text, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0600, &local_error))
    return TRUE;

  io_error = io_error_from_file_error (local_error);
  g_set_error (error, G_IO_ERROR, io_error->code,
               _("Cannot save the accounts to “%s”: %s"), path, io_error->message);
  return FALSE;
}
