/* test-xmpp-sasl.c: choosing a SASL mechanism; SCRAM against GNU SASL's
 * own server side, in process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-xmpp-error.h"
#include "holboo-xmpp-sasl.h"

#include <gsasl.h>
#include <string.h>

static void
test_choose (void)
{
  const char *prosody[] = { "PLAIN", "SCRAM-SHA-1", NULL };
  const char *ejabberd[] = { "PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-1-PLUS", "X-OAUTH2", NULL };
  const char *modern[] = { "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-256-PLUS", "SCRAM-SHA-1-PLUS", "PLAIN", NULL };
  const char *plain_only[] = { "PLAIN", NULL };
  const char *unknown[] = { "DIGEST-MD5", "CRAM-MD5", "ANONYMOUS", NULL };
  const char *empty[] = { NULL };

  g_assert_cmpstr (holboo_xmpp_sasl_choose_mechanism (prosody, TRUE, FALSE), ==, "SCRAM-SHA-1");
  g_assert_cmpstr (holboo_xmpp_sasl_choose_mechanism (prosody, TRUE, TRUE), ==, "SCRAM-SHA-1");
  g_assert_cmpstr (holboo_xmpp_sasl_choose_mechanism (ejabberd, TRUE, TRUE), ==, "SCRAM-SHA-1-PLUS");
  g_assert_cmpstr (holboo_xmpp_sasl_choose_mechanism (ejabberd, TRUE, FALSE), ==, "SCRAM-SHA-1");
  g_assert_cmpstr (holboo_xmpp_sasl_choose_mechanism (modern, TRUE, TRUE), ==, "SCRAM-SHA-256-PLUS");
  g_assert_cmpstr (holboo_xmpp_sasl_choose_mechanism (modern, TRUE, FALSE), ==, "SCRAM-SHA-256");

  /* PLAIN only inside encryption: never a password on a plain socket. */
  g_assert_cmpstr (holboo_xmpp_sasl_choose_mechanism (plain_only, TRUE, FALSE), ==, "PLAIN");
  g_assert_null (holboo_xmpp_sasl_choose_mechanism (plain_only, FALSE, FALSE));
  g_assert_cmpstr (holboo_xmpp_sasl_choose_mechanism (prosody, FALSE, FALSE), ==, "SCRAM-SHA-1");

  g_assert_null (holboo_xmpp_sasl_choose_mechanism (unknown, TRUE, TRUE));
  g_assert_null (holboo_xmpp_sasl_choose_mechanism (empty, TRUE, TRUE));
  g_assert_null (holboo_xmpp_sasl_choose_mechanism (NULL, TRUE, TRUE));
}

static void
test_choose_channel_binding (void)
{
  const char *exporter[] = { "tls-exporter", "tls-server-end-point", NULL };
  const char *unique[] = { "tls-unique", NULL };
  const char *both[] = { "tls-unique", "tls-exporter", NULL };
  const char *other[] = { "tls-server-end-point", NULL };

  /* A server that does not list types (ejabberd 23.01) takes tls-unique only. */
  g_assert_cmpint (holboo_xmpp_sasl_choose_channel_binding (NULL, TRUE, TRUE), ==,
                   HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE);
  g_assert_cmpint (holboo_xmpp_sasl_choose_channel_binding (NULL, FALSE, TRUE), ==,
                   HOLBOO_XMPP_CHANNEL_BINDING_NONE);
  /* XEP-0440 lists: the listed one we have, tls-exporter first. */
  g_assert_cmpint (holboo_xmpp_sasl_choose_channel_binding (exporter, TRUE, TRUE), ==,
                   HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER);
  g_assert_cmpint (holboo_xmpp_sasl_choose_channel_binding (exporter, TRUE, FALSE), ==,
                   HOLBOO_XMPP_CHANNEL_BINDING_NONE);
  g_assert_cmpint (holboo_xmpp_sasl_choose_channel_binding (unique, TRUE, TRUE), ==,
                   HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE);
  g_assert_cmpint (holboo_xmpp_sasl_choose_channel_binding (both, TRUE, TRUE), ==,
                   HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER);
  g_assert_cmpint (holboo_xmpp_sasl_choose_channel_binding (both, TRUE, FALSE), ==,
                   HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE);
  g_assert_cmpint (holboo_xmpp_sasl_choose_channel_binding (other, TRUE, TRUE), ==,
                   HOLBOO_XMPP_CHANNEL_BINDING_NONE);
}

/* GNU SASL's server side stands in for the XMPP server's SASL. */
typedef struct {
  const char *password;
  GBytes     *cb_data;
} ServerData;

static int
server_callback (Gsasl          *context,
                 Gsasl_session  *session,
                 Gsasl_property  property)
{
  ServerData *data = gsasl_session_hook_get (session);

  switch (property)
    {
    case GSASL_PASSWORD:
      gsasl_property_set (session, GSASL_PASSWORD, data->password);
      return GSASL_OK;

    case GSASL_CB_TLS_UNIQUE:
    case GSASL_CB_TLS_EXPORTER:
      if (data->cb_data != NULL)
        {
          gsize len;
          const guint8 *bytes = g_bytes_get_data (data->cb_data, &len);
          g_autofree char *encoded = g_base64_encode (bytes, len);

          gsasl_property_set (session, property, encoded);
          return GSASL_OK;
        }
      return GSASL_NO_CALLBACK;

    case GSASL_VALIDATE_SIMPLE:
      return g_strcmp0 (gsasl_property_fast (session, GSASL_PASSWORD), data->password) == 0
             ? GSASL_OK : GSASL_AUTHENTICATION_ERROR;

    default:
      return GSASL_NO_CALLBACK;
    }
}

typedef enum {
  OUTCOME_SUCCESS,
  OUTCOME_SERVER_REJECTS,
  OUTCOME_CLIENT_REJECTS,   /* the server's signature does not verify */
} Outcome;

static Outcome
run_exchange (const char               *mechanism,
              const char               *client_password,
              const char               *server_password,
              HolbooXmppChannelBinding  binding,
              GBytes                   *client_cb,
              GBytes                   *server_cb,
              gboolean                  tamper_server_final)
{
  Gsasl *context = NULL;
  Gsasl_session *server = NULL;
  ServerData data = { server_password, server_cb };
  g_autoptr(HolbooXmppSasl) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  Outcome outcome = OUTCOME_SUCCESS;
  int rc;

  g_assert_cmpint (gsasl_init (&context), ==, GSASL_OK);
  gsasl_callback_set (context, server_callback);
  g_assert_cmpint (gsasl_server_start (context, mechanism, &server), ==, GSASL_OK);
  gsasl_session_hook_set (server, &data);

  client = holboo_xmpp_sasl_new (mechanism, "alice", client_password, binding, client_cb, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_xmpp_sasl_get_mechanism (client), ==, mechanism);
  message = holboo_xmpp_sasl_step (client, NULL, &error);
  g_assert_no_error (error);

  while (TRUE)
    {
      char *server_out = NULL;
      g_autofree char *reply = NULL;

      rc = gsasl_step64 (server, message, &server_out);
      reply = g_strdup (server_out);
      gsasl_free (server_out);

      if (rc == GSASL_OK)
        {
          if (tamper_server_final)
            {
              gsize len;
              g_autofree guchar *raw = g_base64_decode (reply, &len);

              raw[len - 2] ^= 0x01;   /* inside v=… */
              g_free (reply);
              reply = g_base64_encode (raw, len);
            }
          if (!holboo_xmpp_sasl_verify_success (client, reply, &error))
            {
              g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_PROTOCOL);
              outcome = OUTCOME_CLIENT_REJECTS;
            }
          break;
        }
      if (rc != GSASL_NEEDS_MORE)
        {
          outcome = OUTCOME_SERVER_REJECTS;
          break;
        }

      g_free (message);
      message = holboo_xmpp_sasl_step (client, reply, &error);
      g_assert_no_error (error);
    }

  gsasl_finish (server);
  gsasl_done (context);
  return outcome;
}

static void
test_scram (void)
{
  const char *mechanisms[] = { "SCRAM-SHA-1", "SCRAM-SHA-256" };

  for (guint i = 0; i < G_N_ELEMENTS (mechanisms); i++)
    {
      g_assert_cmpint (run_exchange (mechanisms[i], "secret", "secret", 0, NULL, NULL, FALSE),
                       ==, OUTCOME_SUCCESS);
      g_assert_cmpint (run_exchange (mechanisms[i], "wrong", "secret", 0, NULL, NULL, FALSE),
                       ==, OUTCOME_SERVER_REJECTS);
      /* A server that does not know the password cannot fake success. */
      g_assert_cmpint (run_exchange (mechanisms[i], "secret", "secret", 0, NULL, NULL, TRUE),
                       ==, OUTCOME_CLIENT_REJECTS);
    }
}

static void
test_scram_plus (void)
{
  g_autoptr(GBytes) cb = g_bytes_new_static ("0123456789abcdef0123456789abcdef", 32);
  g_autoptr(GBytes) other = g_bytes_new_static ("fedcba9876543210fedcba9876543210", 32);
  const char *mechanisms[] = { "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256-PLUS" };
  const HolbooXmppChannelBinding bindings[] = {
    HOLBOO_XMPP_CHANNEL_BINDING_TLS_UNIQUE,
    HOLBOO_XMPP_CHANNEL_BINDING_TLS_EXPORTER,
  };

  for (guint i = 0; i < G_N_ELEMENTS (mechanisms); i++)
    for (guint b = 0; b < G_N_ELEMENTS (bindings); b++)
      {
        g_assert_cmpint (run_exchange (mechanisms[i], "secret", "secret", bindings[b], cb, cb, FALSE),
                         ==, OUTCOME_SUCCESS);
        /* A different TLS channel (a man in the middle) fails. */
        g_assert_cmpint (run_exchange (mechanisms[i], "secret", "secret", bindings[b], cb, other, FALSE),
                         ==, OUTCOME_SERVER_REJECTS);
      }
}

static void
test_plus_needs_binding (void)
{
  g_autoptr(HolbooXmppSasl) sasl = NULL;
  g_autoptr(GError) error = NULL;

  sasl = holboo_xmpp_sasl_new ("SCRAM-SHA-1-PLUS", "alice", "secret",
                               HOLBOO_XMPP_CHANNEL_BINDING_NONE, NULL, &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NO_MECHANISM);
  g_assert_null (sasl);
  g_clear_error (&error);

  sasl = holboo_xmpp_sasl_new ("NO-SUCH-MECHANISM", "alice", "secret", 0, NULL, &error);
  g_assert_error (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NO_MECHANISM);
  g_assert_null (sasl);
}

static void
test_plain (void)
{
  g_autoptr(HolbooXmppSasl) sasl = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *initial = NULL;
  g_autofree guchar *decoded = NULL;
  gsize len;

  g_assert_cmpint (run_exchange ("PLAIN", "secret", "secret", 0, NULL, NULL, FALSE), ==, OUTCOME_SUCCESS);

  sasl = holboo_xmpp_sasl_new ("PLAIN", "alice", "secret", 0, NULL, &error);
  g_assert_no_error (error);
  initial = holboo_xmpp_sasl_step (sasl, NULL, &error);
  g_assert_no_error (error);
  decoded = g_base64_decode (initial, &len);
  g_assert_cmpmem (decoded, len, "\0alice\0secret", 13);
  g_assert_true (holboo_xmpp_sasl_verify_success (sasl, NULL, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xmpp/sasl/choose", test_choose);
  g_test_add_func ("/xmpp/sasl/choose-channel-binding", test_choose_channel_binding);
  g_test_add_func ("/xmpp/sasl/scram", test_scram);
  g_test_add_func ("/xmpp/sasl/scram-plus", test_scram_plus);
  g_test_add_func ("/xmpp/sasl/plus-needs-binding", test_plus_needs_binding);
  g_test_add_func ("/xmpp/sasl/plain", test_plain);

  return g_test_run ();
}
