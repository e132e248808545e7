/* holboo-xmpp-sasl.c: choosing a SASL mechanism and running it (GNU SASL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order of preference: SCRAM-SHA-256-PLUS, SCRAM-SHA-256,
 * SCRAM-SHA-1-PLUS, SCRAM-SHA-1, then PLAIN, but PLAIN only over an
 * encrypted transport: never a password in clear on a plain socket.
 * -PLUS only with channel binding data, of a type the server takes:
 * the types it lists (XEP-0440), or tls-unique when it lists none
 * (RFC 5802's default: ejabberd 23.01 knows only that one).
 *
 * GNU SASL checks the server's signature in SCRAM's last message, so
 * a server that does not know the password cannot pretend to.
 */

#define G_LOG_DOMAIN "holboo-xmpp-sasl"

#include "config.h"

#include "holboo-xmpp-sasl.h"
#include "holboo-xmpp-error.h"

#include <glib/gi18n-lib.h>
#include <gsasl.h>
#include <string.h>

struct _HolbooXmppSasl
{
  Gsasl         *context;
  Gsasl_session *session;
  char          *mechanism;
  gboolean       complete;
};

static const struct {
  const char *name;
  gboolean    plus;
  gboolean    needs_encryption;
} preference[] = {
  { "SCRAM-SHA-256-PLUS", TRUE, FALSE },
  { "SCRAM-SHA-256", FALSE, FALSE },
  { "SCRAM-SHA-1-PLUS", TRUE, FALSE },
  { "SCRAM-SHA-1", FALSE, FALSE },
  { "PLAIN", FALSE, TRUE },
};

/**
 * holboo_xmpp_sasl_choose_mechanism:
 * @offered: the mechanisms the server offers
 * @encrypted: whether the transport is encrypted (TLS, wss://)
 * @channel_binding: whether channel binding data of a type the server
 *   accepts is at hand (see holboo_xmpp_sasl_choose_channel_binding())
 *
 * Returns: (nullable): the mechanism to use, or %NULL if none is safe
 */
const char *
holboo_xmpp_sasl_choose_mechanism (const char * const *offered,
                                   gboolean            encrypted,
                                   gboolean            channel_binding)
{
  if (offered == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (preference); i++)
    {
      if (preference[i].plus && !channel_binding)
        continue;
      if (preference[i].needs_encryption && !encrypted)
        continue;
      if (g_strv_contains (offered, preference[i].name))
        return preference[i].name;
    }

  return NULL;
}

/**
 * holboo_xmpp_sasl_choose_channel_binding:
 * @server_types: (nullable): the types the server lists (XEP-0440), or
 *   %NULL if it does not say
 * @have_tls_unique: whether the TLS layer gives tls-unique data
 * @have_tls_exporter: whether it gives tls-exporter data
 *
 * Returns: the binding to use with a -PLUS mechanism, or NONE
 */
HolbooXmppChannelBinding
holboo_xmpp_sasl_choose_channel_binding (const char * const *server_types,
                                         gboolean            have_tls_unique,
                                         gboolean            have_tls_exporter)
{
  if (server_types == NULL)
    return have_tls_unique ? HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE
                           : HOLBOO_XMPP_CHANNEL_BINDING_NONE;

  if (have_tls_exporter && g_strv_contains (server_types, "tls-exporter"))
    return HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER;
  if (have_tls_unique && g_strv_contains (server_types, "tls-unique"))
    return HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE;

  return HOLBOO_XMPP_CHANNEL_BINDING_NONE;
}

const char *
holboo_xmpp_channel_binding_to_string (HolbooXmppChannelBinding binding)
{
  switch (binding)
    {
    case HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE:
      return "tls-unique";
    case HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER:
      return "tls-exporter";
    case HOLBOO_XMPP_CHANNEL_BINDING_NONE:
    default:
      return "none";
    }
}

static GError *
sasl_error (int rc)
{
  return g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                      _("Logging in failed: %s"), gsasl_strerror (rc));
}

/**
 * holboo_xmpp_sasl_new:
 * @username: the localpart of the account's address
 * @binding: the channel binding a -PLUS @mechanism uses
 * @binding_data: (nullable): its data, needed for -PLUS
 *
 * Returns: (transfer full) (nullable): a client session for @mechanism
 */
HolbooXmppSasl *
holboo_xmpp_sasl_new (const char                *mechanism,
                      const char                *username,
                      const char                *password,
                      HolbooXmppChannelBinding   binding,
                      GBytes                    *binding_data,
                      GError                   **error)
{
  g_autoptr(HolbooXmppSasl) self = g_new0 (HolbooXmppSasl, 1);
  int rc;

  g_return_val_if_fail (mechanism != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);

  self->mechanism = g_strdup (mechanism);

  rc = gsasl_init (&self->context);
  if (rc != GSASL_OK)
    {
      g_propagate_error (error, sasl_error (rc));
      return NULL;
    }

  if (!gsasl_client_support_p (self->context, mechanism))
    {
      g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NO_MECHANISM,
                   _("The login method %s is not available"), mechanism);
      return NULL;
    }

  rc = gsasl_client_start (self->context, mechanism, &self->session);
  if (rc != GSASL_OK)
    {
      g_propagate_error (error, sasl_error (rc));
      return NULL;
    }

  gsasl_property_set (self->session, GSASL_AUTHID, username);
  gsasl_property_set (self->session, GSASL_PASSWORD, password != NULL ? password : "");

  if (g_str_has_suffix (mechanism, "-PLUS"))
    {
      g_autofree char *encoded = NULL;
      gsize len = 0;
      const guint8 *data = binding_data != NULL ? g_bytes_get_data (binding_data, &len) : NULL;

      if (binding == HOLBOO_XMPP_CHANNEL_BINDING_NONE || data == NULL || len == 0)
        {
          g_set_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NO_MECHANISM,
                       _("The login method %s needs channel binding, which is not available"),
                       mechanism);
          return NULL;
        }

      /* GNU SASL uses tls-exporter when that property is set, else tls-unique. */
      encoded = g_base64_encode (data, len);
      gsasl_property_set (self->session,
                          binding == HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER
                          ? GSASL_CB_TLS_EXPORTER : GSASL_CB_TLS_UNIQUE,
                          encoded);
    }

  return g_steal_pointer (&self);
}

void
holboo_xmpp_sasl_free (HolbooXmppSasl *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->session, gsasl_finish);
  g_clear_pointer (&self->context, gsasl_done);
  g_free (self->mechanism);
  g_free (self);
}

const char *
holboo_xmpp_sasl_get_mechanism (HolbooXmppSasl *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->mechanism;
}

/**
 * holboo_xmpp_sasl_step:
 * @challenge: (nullable): the server's challenge in base64 (%NULL or ""
 *   for the initial response)
 *
 * Returns: (transfer full) (nullable): the response in base64, "" when
 *   empty
 */
char *
holboo_xmpp_sasl_step (HolbooXmppSasl  *self,
                       const char      *challenge,
                       GError         **error)
{
  char *output = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  if (challenge != NULL && strcmp (challenge, "=") == 0)
    challenge = "";

  rc = gsasl_step64 (self->session, challenge != NULL ? challenge : "", &output);
  if (rc == GSASL_OK)
    self->complete = TRUE;
  else if (rc != GSASL_NEEDS_MORE)
    {
      g_free (output);
      g_propagate_error (error, sasl_error (rc));
      return NULL;
    }

  {
    char *result = g_strdup (output != NULL ? output : "");

    gsasl_free (output);
    return result;
  }
}

/**
 * holboo_xmpp_sasl_verify_success:
 * @additional_data: (nullable): the text of `<success/>` in base64
 *
 * Checks the server's last message (SCRAM's server signature), which
 * came either in `<success/>` or in the last challenge.
 *
 * Returns: %TRUE if the server proved it knows the password
 */
gboolean
holboo_xmpp_sasl_verify_success (HolbooXmppSasl  *self,
                                 const char      *additional_data,
                                 GError         **error)
{
  char *output = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  if (additional_data != NULL && strcmp (additional_data, "=") == 0)
    additional_data = NULL;

  if (self->complete && (additional_data == NULL || *additional_data == '\0'))
    return TRUE;

  if (self->complete)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           _("The server sent unexpected data after logging in"));
      return FALSE;
    }

  rc = gsasl_step64 (self->session, additional_data != NULL ? additional_data : "", &output);
  gsasl_free (output);
  if (rc != GSASL_OK)
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL,
                           _("The server could not prove that it knows the password"));
      return FALSE;
    }

  self->complete = TRUE;
  return TRUE;
}
