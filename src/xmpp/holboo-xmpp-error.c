/* holboo-xmpp-error.c: the connection's errors, stanza errors, certificates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * HOLBOO_XMPP_ERROR is an extended error domain: an error can carry the
 * server's certificate (CERTIFICATE_UNTRUSTED) and the condition and
 * text the server sent (AUTH_FAILED, STREAM), so the UI can show them
 * without parsing messages.
 */

#define G_LOG_DOMAIN "holboo-xmpp-error"

#include "config.h"

#include "holboo-xmpp-error-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef struct {
  GTlsCertificate      *certificate;
  GTlsCertificateFlags  flags;
  char                 *condition;
  char                 *text;
} HolbooXmppErrorPrivate;

static void
holboo_xmpp_error_private_init (HolbooXmppErrorPrivate *priv)
{
}

static void
holboo_xmpp_error_private_copy (const HolbooXmppErrorPrivate *src,
                                HolbooXmppErrorPrivate       *dest)
{
  dest->certificate = src->certificate ? g_object_ref (src->certificate) : NULL;
  dest->flags = src->flags;
  dest->condition = g_strdup (src->condition);
  dest->text = g_strdup (src->text);
}

static void
holboo_xmpp_error_private_clear (HolbooXmppErrorPrivate *priv)
{
  g_clear_object (&priv->certificate);
  g_clear_pointer (&priv->condition, g_free);
  g_clear_pointer (&priv->text, g_free);
}

G_DEFINE_EXTENDED_ERROR (HolbooXmppError, holboo_xmpp_error)
G_DEFINE_QUARK (holboo-xmpp-stanza-error-quark, holboo_xmpp_stanza_error)

G_DEFINE_ENUM_TYPE (HolbooXmppError, holboo_xmpp_error,
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_AUTH_FAILED, "auth-failed"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_HOST_NOT_FOUND, "host-not-found"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_CONNECTION_REFUSED, "connection-refused"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED, "certificate-untrusted"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_TIMED_OUT, "timed-out"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_NETWORK, "network"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_TLS, "tls"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_NO_MECHANISM, "no-mechanism"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_STREAM, "stream"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_PROTOCOL, "protocol"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_NOT_CONNECTED, "not-connected"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_DISCONNECTED, "disconnected"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XMPP_ERROR_INVALID_SETTINGS, "invalid-settings"))

/* In the order of HolbooXmppStanzaError. */
static const char * const stanza_conditions[] = {
  "bad-request",
  "conflict",
  "feature-not-implemented",
  "forbidden",
  "gone",
  "internal-server-error",
  "item-not-found",
  "jid-malformed",
  "not-acceptable",
  "not-allowed",
  "not-authorized",
  "policy-violation",
  "recipient-unavailable",
  "redirect",
  "registration-required",
  "remote-server-not-found",
  "remote-server-timeout",
  "resource-constraint",
  "service-unavailable",
  "subscription-required",
  "undefined-condition",
  "unexpected-request",
};

G_STATIC_ASSERT (G_N_ELEMENTS (stanza_conditions) == HOLBOO_XMPP_STANZA_ERROR_UNEXPECTED_REQUEST + 1);

static GError *
error_new_with (HolbooXmppError  code,
                const char      *condition,
                const char      *text,
                const char      *message)
{
  GError *error = g_error_new_literal (HOLBOO_XMPP_ERROR, code, message);
  HolbooXmppErrorPrivate *priv = holboo_xmpp_error_get_private (error);

  priv->condition = g_strdup (condition);
  priv->text = g_strdup (text);
  return error;
}

/* The first child in @ns that is not <text/>: a condition element. */
static const char *
find_condition (HolbooXmlNode *parent,
                const char    *ns)
{
  for (HolbooXmlNode *child = holboo_xml_node_get_first_child (parent);
       child != NULL;
       child = holboo_xml_node_get_next_sibling (child))
    {
      const char *name = holboo_xml_node_get_name (child);

      if (name != NULL && g_strcmp0 (holboo_xml_node_get_ns (child), ns) == 0 &&
          strcmp (name, "text") != 0)
        return name;
    }

  return NULL;
}

/* Server text is shown to the user: keep it to one short line. */
static char *
clean_server_text (const char *text)
{
  g_autofree char *valid = NULL;
  char *p;

  if (text == NULL || *text == '\0')
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  for (p = valid; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  g_strstrip (valid);
  if (g_utf8_strlen (valid, -1) > 200)
    *g_utf8_offset_to_pointer (valid, 200) = '\0';

  return *valid != '\0' ? g_steal_pointer (&valid) : NULL;
}

/**
 * holboo_xmpp_error_get_certificate:
 * @flags: (out) (optional): why the certificate was rejected
 *
 * Returns: (transfer none) (nullable): the certificate a
 *   %HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED error carries
 */
GTlsCertificate *
holboo_xmpp_error_get_certificate (const GError         *error,
                                   GTlsCertificateFlags *flags)
{
  HolbooXmppErrorPrivate *priv;

  if (flags != NULL)
    *flags = 0;
  if (error == NULL || error->domain != HOLBOO_XMPP_ERROR)
    return NULL;

  priv = holboo_xmpp_error_get_private (error);
  if (flags != NULL)
    *flags = priv->flags;
  return priv->certificate;
}

/**
 * holboo_xmpp_error_get_condition:
 *
 * Returns: (nullable): the condition the server gave: a SASL failure
 *   ("not-authorized") or a stream error ("conflict")
 */
const char *
holboo_xmpp_error_get_condition (const GError *error)
{
  if (error == NULL || error->domain != HOLBOO_XMPP_ERROR)
    return NULL;

  return holboo_xmpp_error_get_private (error)->condition;
}

/**
 * holboo_xmpp_error_get_server_text:
 *
 * Returns: (nullable): the human-readable text the server sent with its
 *   condition, if any
 */
const char *
holboo_xmpp_error_get_server_text (const GError *error)
{
  if (error == NULL || error->domain != HOLBOO_XMPP_ERROR)
    return NULL;

  return holboo_xmpp_error_get_private (error)->text;
}

const char *
holboo_xmpp_stanza_error_to_condition (HolbooXmppStanzaError code)
{
  if ((guint) code >= G_N_ELEMENTS (stanza_conditions))
    return "undefined-condition";

  return stanza_conditions[code];
}

HolbooXmppStanzaError
holboo_xmpp_stanza_error_from_condition (const char *condition)
{
  for (guint i = 0; condition != NULL && i < G_N_ELEMENTS (stanza_conditions); i++)
    if (strcmp (condition, stanza_conditions[i]) == 0)
      return (HolbooXmppStanzaError) i;

  return HOLBOO_XMPP_STANZA_ERROR_UNDEFINED_CONDITION;
}

/**
 * holboo_xmpp_stanza_error_from_node:
 * @stanza: a stanza of type "error"
 *
 * Returns: (transfer full): a %HOLBOO_XMPP_STANZA_ERROR error whose
 *   message is the server's text, or the condition when there is none
 */
GError *
holboo_xmpp_stanza_error_from_node (HolbooXmlNode *stanza)
{
  HolbooXmlNode *error_node;
  const char *condition = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (stanza != NULL, NULL);

  error_node = holboo_xml_node_get_child (stanza, "error", HOLBOO_XMLNS_CLIENT);
  if (error_node != NULL)
    {
      condition = find_condition (error_node, HOLBOO_XMLNS_STANZAS);
      text = clean_server_text (holboo_xml_node_get_child_text (error_node, "text",
                                                                 HOLBOO_XMLNS_STANZAS));
    }
  if (condition == NULL)
    condition = "undefined-condition";

  return g_error_new (HOLBOO_XMPP_STANZA_ERROR,
                      holboo_xmpp_stanza_error_from_condition (condition),
                      "%s", text != NULL ? text : condition);
}

/**
 * holboo_xmpp_stanza_error_reply:
 * @request: an iq of type get or set
 *
 * Returns: (transfer full): the error reply to @request
 */
HolbooXmlNode *
holboo_xmpp_stanza_error_reply (HolbooXmlNode         *request,
                                HolbooXmppStanzaError  code)
{
  HolbooXmlNode *reply = holboo_xml_node_new (holboo_xml_node_get_name (request),
                                              HOLBOO_XMLNS_CLIENT);
  HolbooXmlNode *error_node;
  const char *type;

  switch (code)
    {
    case HOLBOO_XMPP_STANZA_ERROR_BAD_REQUEST:
    case HOLBOO_XMPP_STANZA_ERROR_JID_MALFORMED:
    case HOLBOO_XMPP_STANZA_ERROR_NOT_ACCEPTABLE:
    case HOLBOO_XMPP_STANZA_ERROR_POLICY_VIOLATION:
    case HOLBOO_XMPP_STANZA_ERROR_UNEXPECTED_REQUEST:
      type = "modify";
      break;
    case HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN:
    case HOLBOO_XMPP_STANZA_ERROR_NOT_AUTHORIZED:
    case HOLBOO_XMPP_STANZA_ERROR_REGISTRATION_REQUIRED:
    case HOLBOO_XMPP_STANZA_ERROR_SUBSCRIPTION_REQUIRED:
      type = "auth";
      break;
    case HOLBOO_XMPP_STANZA_ERROR_INTERNAL_SERVER_ERROR:
    case HOLBOO_XMPP_STANZA_ERROR_RECIPIENT_UNAVAILABLE:
    case HOLBOO_XMPP_STANZA_ERROR_REMOTE_SERVER_TIMEOUT:
    case HOLBOO_XMPP_STANZA_ERROR_RESOURCE_CONSTRAINT:
      type = "wait";
      break;
    default:
      type = "cancel";
      break;
    }

  holboo_xml_node_set_attribute (reply, "type", "error");
  holboo_xml_node_set_attribute (reply, "id", holboo_xml_node_get_attribute (request, "id"));
  holboo_xml_node_set_attribute (reply, "to", holboo_xml_node_get_attribute (request, "from"));
  error_node = holboo_xml_node_add_child (reply, "error");
  holboo_xml_node_set_attribute (error_node, "type", type);
  holboo_xml_node_add_child_ns (error_node, holboo_xmpp_stanza_error_to_condition (code),
                                HOLBOO_XMLNS_STANZAS);
  return reply;
}

/**
 * holboo_xmpp_certificate_dup_fingerprint:
 *
 * Returns: (transfer full): the SHA-256 fingerprint of the certificate's
 *   DER form, as upper-case hex pairs joined by colons ("AB:CD:…")
 */
char *
holboo_xmpp_certificate_dup_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GString *out = g_string_sized_new (3 * sizeof digest);

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der != NULL)
    g_checksum_update (checksum, der->data, der->len);
  g_checksum_get_digest (checksum, digest, &digest_len);
  for (gsize i = 0; i < digest_len; i++)
    g_string_append_printf (out, "%s%02X", i > 0 ? ":" : "", digest[i]);

  return g_string_free (out, FALSE);
}

/**
 * holboo_xmpp_certificate_dup_issuer:
 *
 * Returns: (transfer full) (nullable): the issuer's distinguished name
 */
char *
holboo_xmpp_certificate_dup_issuer (GTlsCertificate *certificate)
{
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  return g_tls_certificate_get_issuer_name (certificate);
}

/**
 * holboo_xmpp_fingerprint_normalize:
 * @fingerprint: a SHA-256 fingerprint in hex, with or without colons or
 *   spaces, in either case
 *
 * Returns: (transfer full) (nullable): the form
 *   holboo_xmpp_certificate_dup_fingerprint() gives, or %NULL if
 *   @fingerprint is not 32 bytes of hex
 */
char *
holboo_xmpp_fingerprint_normalize (const char *fingerprint)
{
  GString *out;
  guint digits = 0;

  if (fingerprint == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = fingerprint; *p != '\0'; p++)
    {
      if (*p == ':' || *p == ' ')
        continue;
      if (!g_ascii_isxdigit (*p) || digits == 64)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (digits > 0 && digits % 2 == 0)
        g_string_append_c (out, ':');
      g_string_append_c (out, g_ascii_toupper (*p));
      digits++;
    }

  if (digits != 64)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/**
 * holboo_xmpp_certificate_matches:
 * @fingerprint: (nullable): a pinned SHA-256 fingerprint
 *
 * Returns: whether @certificate has the pinned @fingerprint
 */
gboolean
holboo_xmpp_certificate_matches (GTlsCertificate *certificate,
                                 const char      *fingerprint)
{
  g_autofree char *pinned = holboo_xmpp_fingerprint_normalize (fingerprint);
  g_autofree char *actual = NULL;

  if (pinned == NULL || certificate == NULL)
    return FALSE;

  actual = holboo_xmpp_certificate_dup_fingerprint (certificate);
  return strcmp (pinned, actual) == 0;
}

GError *
_holboo_xmpp_error_new_certificate (GTlsCertificate      *certificate,
                                    GTlsCertificateFlags  flags,
                                    const char           *host)
{
  g_autofree char *issuer = NULL;
  g_autofree char *fingerprint = NULL;
  GError *error;
  HolbooXmppErrorPrivate *priv;

  if (certificate != NULL)
    {
      issuer = holboo_xmpp_certificate_dup_issuer (certificate);
      fingerprint = holboo_xmpp_certificate_dup_fingerprint (certificate);
    }

  if (fingerprint != NULL)
    /* Translators: the first %s is a server name, the second the name of
     * the certificate's issuer, the third a SHA-256 fingerprint */
    error = g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED,
                         _("The certificate of “%s” is not trusted (issued by %s, SHA-256 fingerprint %s)"),
                         host, issuer != NULL ? issuer : _("an unknown issuer"), fingerprint);
  else
    error = g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED,
                         _("The certificate of “%s” is not trusted"), host);

  priv = holboo_xmpp_error_get_private (error);
  priv->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  priv->flags = flags;
  return error;
}

GError *
_holboo_xmpp_error_new_timed_out (const char *host)
{
  return g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_TIMED_OUT,
                      _("The server “%s” did not answer in time"), host);
}

GError *
_holboo_xmpp_error_new_closed (void)
{
  return g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NETWORK,
                              _("The connection to the server was lost"));
}

/* GIO, resolver and TLS errors from connecting or reading. */
GError *
_holboo_xmpp_error_from_io (const GError *io_error,
                            const char   *host)
{
  g_return_val_if_fail (io_error != NULL, NULL);

  if (io_error->domain == HOLBOO_XMPP_ERROR)
    return g_error_copy (io_error);

  if (io_error->domain == G_RESOLVER_ERROR)
    return g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_HOST_NOT_FOUND,
                        _("Could not find the server “%s”: check the address and the network"),
                        host);

  if (io_error->domain == G_TLS_ERROR)
    {
      if (io_error->code == G_TLS_ERROR_BAD_CERTIFICATE)
        return _holboo_xmpp_error_new_certificate (NULL, 0, host);
      return g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_TLS,
                          _("Could not set up an encrypted connection to “%s”: %s"),
                          host, io_error->message);
    }

  if (io_error->domain == G_IO_ERROR)
    {
      switch (io_error->code)
        {
        case G_IO_ERROR_CONNECTION_REFUSED:
          return g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_CONNECTION_REFUSED,
                              _("The server “%s” refused the connection"), host);
        case G_IO_ERROR_TIMED_OUT:
          return _holboo_xmpp_error_new_timed_out (host);
        case G_IO_ERROR_HOST_NOT_FOUND:
          return g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_HOST_NOT_FOUND,
                              _("Could not find the server “%s”: check the address and the network"),
                              host);
        case G_IO_ERROR_CANCELLED:
          return g_error_copy (io_error);
        case G_IO_ERROR_CONNECTION_CLOSED:   /* also BROKEN_PIPE */
          return _holboo_xmpp_error_new_closed ();
        default:
          break;
        }
    }

  return g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NETWORK,
                      _("Could not reach the server “%s”: %s"), host, io_error->message);
}

/* A <stream:error/> the server sent. */
GError *
_holboo_xmpp_error_from_stream_error (HolbooXmlNode *stream_error)
{
  const char *condition = find_condition (stream_error, HOLBOO_XMLNS_STREAMS);
  g_autofree char *text = clean_server_text (holboo_xml_node_get_child_text (stream_error, "text",
                                                                              HOLBOO_XMLNS_STREAMS));
  g_autofree char *message = NULL;

  if (condition == NULL)
    condition = "undefined-condition";

  if (strcmp (condition, "conflict") == 0)
    message = g_strdup (_("Signed out: the account was connected from elsewhere with the same device name"));
  else if (strcmp (condition, "system-shutdown") == 0)
    message = g_strdup (_("The server is shutting down"));
  else if (strcmp (condition, "host-unknown") == 0)
    message = g_strdup (_("The server does not serve this domain"));
  else if (strcmp (condition, "not-authorized") == 0 || strcmp (condition, "policy-violation") == 0)
    message = g_strdup (_("The server refused the connection"));
  else if (strcmp (condition, "connection-timeout") == 0)
    message = g_strdup (_("The server closed an idle connection"));
  else
    /* Translators: %s is an RFC 6120 condition name such as "internal-server-error" */
    message = g_strdup_printf (_("The server ended the connection (%s)"), condition);

  if (text != NULL)
    {
      g_autofree char *with_text = g_strdup_printf ("%s: %s", message, text);

      return error_new_with (HOLBOO_XMPP_ERROR_STREAM, condition, text, with_text);
    }

  return error_new_with (HOLBOO_XMPP_ERROR_STREAM, condition, NULL, message);
}

/* A SASL <failure/>. */
GError *
_holboo_xmpp_error_from_sasl_failure (HolbooXmlNode *failure)
{
  const char *condition = find_condition (failure, HOLBOO_XMLNS_SASL);
  g_autofree char *text = clean_server_text (holboo_xml_node_get_child_text (failure, "text",
                                                                              HOLBOO_XMLNS_SASL));
  g_autofree char *message = NULL;

  if (condition == NULL)
    condition = "not-authorized";

  if (strcmp (condition, "not-authorized") == 0)
    message = g_strdup (_("Wrong address or password"));
  else if (strcmp (condition, "account-disabled") == 0)
    message = g_strdup (_("The account is disabled"));
  else if (strcmp (condition, "credentials-expired") == 0)
    message = g_strdup (_("The password has expired"));
  else
    /* Translators: %s is a SASL condition name such as "temporary-auth-failure" */
    message = g_strdup_printf (_("The server refused the login (%s)"), condition);

  return error_new_with (HOLBOO_XMPP_ERROR_AUTH_FAILED, condition, text, message);
}

/* Errors that another attempt with the same settings cannot fix. */
gboolean
_holboo_xmpp_error_is_permanent (const GError *error)
{
  const char *condition;

  if (error->domain != HOLBOO_XMPP_ERROR)
    return FALSE;

  switch ((HolbooXmppError) error->code)
    {
    case HOLBOO_XMPP_ERROR_AUTH_FAILED:
      condition = holboo_xmpp_error_get_condition (error);
      return g_strcmp0 (condition, "temporary-auth-failure") != 0;
    case HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED:
    case HOLBOO_XMPP_ERROR_NO_MECHANISM:
    case HOLBOO_XMPP_ERROR_INVALID_SETTINGS:
      return TRUE;
    case HOLBOO_XMPP_ERROR_STREAM:
      condition = holboo_xmpp_error_get_condition (error);
      return g_strcmp0 (condition, "conflict") == 0 ||
             g_strcmp0 (condition, "host-unknown") == 0 ||
             g_strcmp0 (condition, "not-authorized") == 0 ||
             g_strcmp0 (condition, "unsupported-version") == 0;
    default:
      return FALSE;
    }
}

/* When several servers were tried, the error that says most wins. */
int
_holboo_xmpp_error_rank (const GError *error)
{
  if (error == NULL)
    return -1;
  if (error->domain != HOLBOO_XMPP_ERROR)
    return 0;

  switch ((HolbooXmppError) error->code)
    {
    case HOLBOO_XMPP_ERROR_AUTH_FAILED:
    case HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED:
    case HOLBOO_XMPP_ERROR_STREAM:
    case HOLBOO_XMPP_ERROR_NO_MECHANISM:
    case HOLBOO_XMPP_ERROR_PROTOCOL:
      return 6;
    case HOLBOO_XMPP_ERROR_TLS:
      return 5;
    case HOLBOO_XMPP_ERROR_TIMED_OUT:
      return 4;
    case HOLBOO_XMPP_ERROR_CONNECTION_REFUSED:
      return 3;
    case HOLBOO_XMPP_ERROR_NETWORK:
      return 2;
    case HOLBOO_XMPP_ERROR_HOST_NOT_FOUND:
      return 1;
    default:
      return 0;
    }
}
