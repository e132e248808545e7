/* holboo-cli-output.c: JSON lines on stdout, one-line errors on stderr,
 * and the exit code each error means
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-cli.h"

/* Prints the object @builder holds as one line of JSON on stdout. */
void
holboo_cli_print_object (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
holboo_cli_exit_for_error (const GError *error)
{
  if (error->domain == HOLBOO_CLI_ERROR)
    return error->code;
  if (error->domain == HOLBOO_XMPP_ERROR)
    {
      switch ((HolbooXmppError) error->code)
        {
        case HOLBOO_XMPP_ERROR_AUTH_FAILED:
          return HOLBOO_CLI_EXIT_AUTH;
        case HOLBOO_XMPP_ERROR_HOST_NOT_FOUND:
        case HOLBOO_XMPP_ERROR_CONNECTION_REFUSED:
        case HOLBOO_XMPP_ERROR_TIMED_OUT:
        case HOLBOO_XMPP_ERROR_NETWORK:
          return HOLBOO_CLI_EXIT_UNREACHABLE;
        case HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED:
          return HOLBOO_CLI_EXIT_CERTIFICATE;
        default:
          return HOLBOO_CLI_EXIT_FAILED;
        }
    }
  return HOLBOO_CLI_EXIT_FAILED;
}

static const char *
exit_name (int code)
{
  switch (code)
    {
    case HOLBOO_CLI_EXIT_USAGE:       return "usage";
    case HOLBOO_CLI_EXIT_AUTH:        return "auth-failed";
    case HOLBOO_CLI_EXIT_UNREACHABLE: return "unreachable";
    case HOLBOO_CLI_EXIT_CERTIFICATE: return "certificate-untrusted";
    case HOLBOO_CLI_EXIT_TIMED_OUT:   return "timed-out";
    case HOLBOO_CLI_EXIT_NO_ACCOUNT:  return "no-such-account";
    case HOLBOO_CLI_EXIT_NOT_FOUND:   return "not-found";
    case HOLBOO_CLI_EXIT_INVALID_INPUT: return "invalid-input";
    default:                          return "failed";
    }
}

static void
report (HolbooCli  *cli,
        int         code,
        const char *message,
        const GError *error)
{
  g_printerr ("holboo-cli: %s\n", message);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "error");
      json_builder_add_string_value (builder, exit_name (code));
      json_builder_set_member_name (builder, "exit");
      json_builder_add_int_value (builder, code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      if (error != NULL && error->domain == HOLBOO_XMPP_ERROR &&
          error->code == HOLBOO_XMPP_ERROR_CERTIFICATE_UNTRUSTED)
        {
          GTlsCertificate *certificate = holboo_xmpp_error_get_certificate (error, NULL);

          if (certificate != NULL)
            {
              g_autofree char *fingerprint = holboo_xmpp_certificate_dup_fingerprint (certificate);
              g_autofree char *issuer = holboo_xmpp_certificate_dup_issuer (certificate);

              json_builder_set_member_name (builder, "fingerprint");
              json_builder_add_string_value (builder, fingerprint);
              json_builder_set_member_name (builder, "issuer");
              json_builder_add_string_value (builder, issuer);
            }
        }
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
}

/* Reports @error (taking it) and returns the exit code it means. */
int
holboo_cli_fail (HolbooCli *cli,
                 GError    *error)
{
  int code = holboo_cli_exit_for_error (error);

  report (cli, code, error->message, error);
  g_error_free (error);
  return code;
}

int
holboo_cli_usage (HolbooCli  *cli,
                  const char *message)
{
  report (cli, HOLBOO_CLI_EXIT_USAGE, message, NULL);
  return HOLBOO_CLI_EXIT_USAGE;
}
