/* holboo-account-config.c: one account's configuration and its password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What Holboo remembers about an account between runs, apart from its
 * messages: the address, how to reach the server and which certificate
 * the user accepted.  HolbooAccountRegistry keeps a list of these in
 * accounts.ini.  The password is never a property and never written to
 * a file: it lives in the Secret Service, reached through the
 * _password_async() calls in holboo-account-config-secret.c.
 */

#define G_LOG_DOMAIN "holboo-account-config"

#include "config.h"

#include "holboo-account-config.h"
#include "holboo-jid.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Longer directory names are cut and end in a hash of the address:
 * well under NAME_MAX (255) on every file system Holboo runs on. */
#define DIR_NAME_MAX      128
#define DIR_NAME_PREFIX    88

struct _HolbooAccountConfig
{
  GObject                  parent_instance;

  char                    *jid;
  char                    *display_name;
  HolbooXmppSettings      *settings;
  gboolean                 enabled;
};

G_DEFINE_FINAL_TYPE (HolbooAccountConfig, holboo_account_config, G_TYPE_OBJECT)
G_DEFINE_QUARK (holboo-account-config-error-quark, holboo_account_config_error)

enum {
  PROP_0,
  PROP_JID,
  PROP_DISPLAY_NAME,
  PROP_SETTINGS,
  PROP_ENABLED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (HolbooAccountConfig  *self,
            char                **field,
            const char           *value,
            guint                 prop_id)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* An address quoted in a message: a hostile one may be kilobytes long. */
static char *
elide (const char *text)
{
  g_autofree char *head = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, &end))
    return g_strdup_printf ("%.*s…", (int) MIN (end - text, 64), text);
  if (g_utf8_strlen (text, -1) <= 64)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, 64);
  return g_strconcat (head, "…", NULL);
}

static gboolean
dir_name_char_is_plain (gunichar c,
                        gboolean first)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) || c == '@' || c == '_' || c == '+' ||
           ((c == '.' || c == '-') && !first);

  /* Letters of any script stay readable: "бат@example.mn" is the
   * directory "бат@example.mn".  Spaces, controls, format characters
   * (bidi overrides) and unassigned code points are escaped. */
  return g_unichar_isgraph (c);
}

static void
holboo_account_config_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HolbooAccountConfig *self = HOLBOO_ACCOUNT_CONFIG (object);

  switch (prop_id)
    {
    case PROP_JID: g_value_set_string (value, self->jid); break;
    case PROP_DISPLAY_NAME: g_value_set_string (value, self->display_name); break;
    case PROP_SETTINGS: g_value_set_object (value, self->settings); break;
    case PROP_ENABLED: g_value_set_boolean (value, self->enabled); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_account_config_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HolbooAccountConfig *self = HOLBOO_ACCOUNT_CONFIG (object);

  switch (prop_id)
    {
    case PROP_JID:
      /* Construct-only; holboo_account_config_new() has validated it. */
      self->jid = g_value_dup_string (value);
      self->settings = holboo_xmpp_settings_new (self->jid, NULL);
      break;
    case PROP_DISPLAY_NAME:
      holboo_account_config_set_display_name (self, g_value_get_string (value));
      break;
    case PROP_ENABLED: holboo_account_config_set_enabled (self, g_value_get_boolean (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_account_config_finalize (GObject *object)
{
  HolbooAccountConfig *self = HOLBOO_ACCOUNT_CONFIG (object);

  g_clear_pointer (&self->jid, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (holboo_account_config_parent_class)->finalize (object);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
holboo_account_config_class_init (HolbooAccountConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_account_config_get_property;
  object_class->set_property = holboo_account_config_set_property;
  object_class->finalize = holboo_account_config_finalize;

  /** HolbooAccountConfig:jid: the account's normalised bare address,
   * user@domain; it names the account in the registry, the Secret
   * Service and the data directory, so it never changes */
  properties[PROP_JID] =
    g_param_spec_string ("jid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /** HolbooAccountConfig:display-name: (nullable): what the user calls
   * the account ("Work"); %NULL to show the address */
  properties[PROP_DISPLAY_NAME] = string_pspec ("display-name");
  /** HolbooAccountConfig:settings: how to reach the server: host and
   * port, transport, WebSocket URL, CA file and pinned certificate; the
   * password is never in it (see holboo_account_config_to_xmpp_settings()) */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, HOLBOO_TYPE_XMPP_SETTINGS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /** HolbooAccountConfig:enabled: whether Holboo connects the account */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_account_config_init (HolbooAccountConfig *self)
{
  self->enabled = TRUE;
}

/**
 * holboo_account_config_new:
 * @jid: the account's address, `user@domain`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a configuration with default
 *   settings for @jid, normalised; or %NULL with
 *   %HOLBOO_ACCOUNT_CONFIG_ERROR_INVALID_JID if @jid is not a valid bare
 *   address with a user part
 */
HolbooAccountConfig *
holboo_account_config_new (const char  *jid,
                           GError     **error)
{
  g_autoptr(HolbooJid) parsed = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (jid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parsed = holboo_jid_parse (jid, -1, &local_error);
  if (parsed == NULL)
    {
      shown = elide (jid);
      g_set_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_INVALID_JID,
                   _("“%s” is not a valid account address: %s"), shown, local_error->message);
      return NULL;
    }

  if (holboo_jid_get_localpart (parsed) == NULL || !holboo_jid_is_bare (parsed))
    {
      shown = elide (jid);
      g_set_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_INVALID_JID,
                   _("“%s” is not a valid account address: it must have the form name@server"),
                   shown);
      return NULL;
    }

  return g_object_new (HOLBOO_TYPE_ACCOUNT_CONFIG,
                       "jid", holboo_jid_get_bare_string (parsed),
                       NULL);
}

const char *
holboo_account_config_get_jid (HolbooAccountConfig *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self), NULL);
  return self->jid;
}

const char *
holboo_account_config_get_display_name (HolbooAccountConfig *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self), NULL);
  return self->display_name;
}

void
holboo_account_config_set_display_name (HolbooAccountConfig *self,
                                        const char          *display_name)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self));
  g_return_if_fail (display_name == NULL || g_utf8_validate (display_name, -1, NULL));
  set_string (self, &self->display_name, display_name, PROP_DISPLAY_NAME);
}

/**
 * holboo_account_config_get_settings:
 *
 * The account's connection settings, without the password.  Change the
 * server, transport, CA file or pinned certificate on it; the registry
 * saves them.
 *
 * Returns: (transfer none): the settings
 */
HolbooXmppSettings *
holboo_account_config_get_settings (HolbooAccountConfig *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self), NULL);
  return self->settings;
}

gboolean
holboo_account_config_get_enabled (HolbooAccountConfig *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self), FALSE);
  return self->enabled;
}

void
holboo_account_config_set_enabled (HolbooAccountConfig *self,
                                   gboolean             enabled)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

/**
 * holboo_account_dir_name_for_jid:
 * @bare_jid: an address; any string is accepted, valid or not
 *
 * The name of the directory that holds an account's local data: one
 * path component, never "." or "..", never hidden, never starting with
 * "-", without "/", spaces,
 * control or format characters, at most 128 bytes, and different for
 * different inputs.  Letters, digits (of any script) and `@ . _ + -`
 * stay as they are; every other byte is written `%XX`.  A name that
 * would be longer is cut and ends in `%-` and 32 hex digits of the
 * SHA-256 of @bare_jid (no escaped name contains `%-`).
 *
 * Returns: (transfer full): the directory name
 */
char *
holboo_account_dir_name_for_jid (const char *bare_jid)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *hash = NULL;
  const char *p = bare_jid;
  const char *end;
  gsize cut = 0;

  g_return_val_if_fail (bare_jid != NULL, NULL);

  if (*bare_jid == '\0')
    return g_strdup ("%");

  end = bare_jid + strlen (bare_jid);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      gsize len = (c == (gunichar) -1 || c == (gunichar) -2) ? 1 : (gsize) g_utf8_skip[*(guchar *) p];

      if (c != (gunichar) -1 && c != (gunichar) -2 && dir_name_char_is_plain (c, p == bare_jid))
        g_string_append_len (out, p, len);
      else
        for (gsize i = 0; i < len; i++)
          g_string_append_printf (out, "%%%02X", (guchar) p[i]);

      if (out->len <= DIR_NAME_PREFIX)
        cut = out->len;
      p += len;
    }

  if (out->len <= DIR_NAME_MAX)
    return g_string_free (g_steal_pointer (&out), FALSE);

  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, bare_jid, -1);
  g_string_truncate (out, cut);
  g_string_append (out, "%-");
  g_string_append_len (out, hash, 32);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * holboo_account_config_dup_dir_name:
 *
 * Returns: (transfer full): holboo_account_dir_name_for_jid() of the
 *   account's address
 */
char *
holboo_account_config_dup_dir_name (HolbooAccountConfig *self)
{
  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self), NULL);
  return holboo_account_dir_name_for_jid (self->jid);
}

/**
 * holboo_account_config_to_xmpp_settings:
 * @password: (nullable): the password, as the Secret Service (or the
 *   user, or the CLI's environment) gave it
 *
 * Returns: (transfer full): a copy of the account's settings with
 *   @password, for a #HolbooXmppConnection
 */
HolbooXmppSettings *
holboo_account_config_to_xmpp_settings (HolbooAccountConfig *self,
                                        const char          *password)
{
  HolbooXmppSettings *settings;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT_CONFIG (self), NULL);

  settings = holboo_xmpp_settings_copy (self->settings);
  holboo_xmpp_settings_set_password (settings, password);
  return settings;
}
