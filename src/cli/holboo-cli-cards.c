/* holboo-cli-cards.c: card publish, card get and card qr
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-account-cards.h"
#include "holboo-cli.h"
#include "holboo-qr-code.h"

/* Pixels per QR module in the PNG, and the quiet zone in modules. */
#define QR_MODULE_PIXELS 8
#define QR_QUIET_ZONE    4

/* Opens the account and connects it: cards need the server. */
static HolbooAccount *
open_connected (HolbooCli  *cli,
                GError    **error)
{
  g_autoptr(HolbooAccount) account = holboo_cli_open_account (cli, error);

  if (account == NULL || !holboo_cli_connect_account (account, error))
    return NULL;
  return g_steal_pointer (&account);
}

static HolbooCard *
load_vcf (const char  *path,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *text = NULL;
  gsize length;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > HOLBOO_CARD_MAX_VCF_SIZE)
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE,
                   _("%s is too large for a vCard"), path);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &text, &length, NULL, error))
    return NULL;
  return holboo_card_new_from_vcf (text, length, error);
}

static int
fail_card (HolbooCli *cli,
           GError    *error)
{
  /* A bad file or a card the server does not have: not a crash, a
   * plain failure with its reason. */
  if (error->domain == HOLBOO_CARD_ERROR || error->domain == G_IO_ERROR ||
      error->domain == HOLBOO_QR_CODE_ERROR)
    {
      GError *wrapped = g_error_new_literal (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_FAILED, error->message);

      g_error_free (error);
      return holboo_cli_fail (cli, wrapped);
    }
  return holboo_cli_fail (cli, error);
}

static gboolean
parse_access (const char          *text,
              HolbooXmppPepAccess *access)
{
  if (text == NULL || g_str_equal (text, "presence"))
    *access = HOLBOO_XMPP_PEP_ACCESS_PRESENCE;
  else if (g_str_equal (text, "open"))
    *access = HOLBOO_XMPP_PEP_ACCESS_OPEN;
  else
    return FALSE;
  return TRUE;
}

int
holboo_cli_card_publish (HolbooCli  *cli,
                         int         argc,
                         char      **argv)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *access_text = NULL;
  HolbooXmppPepAccess access;
  gboolean ok;
  int status;
  GOptionEntry entries[] = {
    { "access", 0, 0, G_OPTION_ARG_STRING, &access_text,
      N_("Who may read it: “presence” (contacts, the default) or “open” (everyone)"), N_("WHO") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("FILE.vcf"),
                         _("Publish a vCard file as the account's business card, its photo as the avatar."),
                         &argc, &argv, &status))
    return status;
  if (argc != 2)
    return holboo_cli_usage (cli, _("“card publish” takes one .vcf file"));
  if (!parse_access (access_text, &access))
    return holboo_cli_usage (cli, _("--access is “presence” or “open”"));

  card = load_vcf (argv[1], &error);
  if (card == NULL)
    return fail_card (cli, g_steal_pointer (&error));

  account = open_connected (cli, &error);
  if (account == NULL)
    return holboo_cli_fail (cli, g_steal_pointer (&error));

  holboo_account_publish_card_async (account, card, access, NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  ok = holboo_account_publish_card_finish (account, result, &error);
  holboo_account_disconnect (account);
  if (!ok)
    return fail_card (cli, g_steal_pointer (&error));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "published");
      json_builder_add_string_value (builder, holboo_account_get_jid (account));
      json_builder_set_member_name (builder, "access");
      json_builder_add_string_value (builder, holboo_xmpp_pep_access_to_string (access));
      json_builder_set_member_name (builder, "photo");
      json_builder_add_boolean_value (builder, holboo_card_get_photo (card) != NULL);
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  else
    {
      g_print (_("Published the card of %s\n"), holboo_account_get_jid (account));
    }
  return HOLBOO_CLI_EXIT_OK;
}

static HolbooCard *
fetch_card (HolbooCli   *cli,
            const char  *jid,
            GError     **error)
{
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  HolbooCard *card;

  account = open_connected (cli, error);
  if (account == NULL)
    return NULL;

  holboo_account_fetch_card_async (account, jid != NULL ? jid : holboo_account_get_jid (account),
                                   NULL, holboo_cli_store_result, &result);
  holboo_cli_wait (&result);
  card = holboo_account_fetch_card_finish (account, result, error);
  holboo_account_disconnect (account);
  return card;
}

int
holboo_cli_card_get (HolbooCli  *cli,
                     int         argc,
                     char      **argv)
{
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *vcf = NULL;
  gboolean with_photo = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "with-photo", 0, 0, G_OPTION_ARG_NONE, &with_photo, N_("Put the photo into the vCard"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, _("JID"), _("Fetch JID's business card and print it as a vCard."),
                         &argc, &argv, &status))
    return status;
  if (argc != 2)
    return holboo_cli_usage (cli, _("“card get” takes one address"));

  card = fetch_card (cli, argv[1], &error);
  if (card == NULL)
    {
      if (g_error_matches (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_ADDRESS))
        {
          g_autofree char *message = g_strdup (error->message);

          return holboo_cli_usage (cli, message);
        }
      return fail_card (cli, g_steal_pointer (&error));
    }

  vcf = holboo_card_to_vcf (card, with_photo);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "jid");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_set_member_name (builder, "vcard");
      json_builder_add_string_value (builder, vcf);
      json_builder_set_member_name (builder, "photo_type");
      if (holboo_card_get_photo_type (card) != NULL)
        json_builder_add_string_value (builder, holboo_card_get_photo_type (card));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "photo_size");
      json_builder_add_int_value (builder, holboo_card_get_photo (card) != NULL
                                             ? (gint64) g_bytes_get_size (holboo_card_get_photo (card)) : 0);
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  else
    {
      g_print ("%s", vcf);
    }
  return HOLBOO_CLI_EXIT_OK;
}

int
holboo_cli_card_qr (HolbooCli  *cli,
                    int         argc,
                    char      **argv)
{
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(HolbooQrCode) qr = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *vcf_path = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface;
  cairo_status_t written;
  int status;
  GOptionEntry entries[] = {
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("Write the QR code to FILE, a PNG image"), N_("FILE") },
    { "vcf", 0, 0, G_OPTION_ARG_FILENAME, &vcf_path, N_("Use the card in FILE instead of the published one"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!holboo_cli_parse (cli, entries, NULL,
                         _("Write the QR code of the account's business card: the vCard, or an xmpp: address when the card is too large."),
                         &argc, &argv, &status))
    return status;
  if (argc != 1 || out == NULL)
    return holboo_cli_usage (cli, _("“card qr” needs --out FILE.png"));

  card = vcf_path != NULL ? load_vcf (vcf_path, &error) : fetch_card (cli, NULL, &error);
  if (card == NULL)
    return fail_card (cli, g_steal_pointer (&error));

  text = holboo_card_dup_qr_text (card, HOLBOO_CARD_QR_MAX_LENGTH);
  if (text == NULL)
    return fail_card (cli, g_error_new (HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE,
                                        _("The card is too large for a QR code and has no XMPP address")));
  qr = holboo_qr_code_new (text, &error);
  if (qr == NULL)
    return fail_card (cli, g_steal_pointer (&error));

  surface = holboo_qr_code_to_surface (qr, QR_MODULE_PIXELS, QR_QUIET_ZONE);
  written = cairo_surface_write_to_png (surface, out);
  cairo_surface_destroy (surface);
  if (written != CAIRO_STATUS_SUCCESS)
    return holboo_cli_fail (cli, g_error_new (HOLBOO_CLI_ERROR, HOLBOO_CLI_EXIT_FAILED,
                                              _("Could not write %s: %s"), out,
                                              cairo_status_to_string (written)));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "out");
      json_builder_add_string_value (builder, out);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_set_member_name (builder, "modules");
      json_builder_add_int_value (builder, holboo_qr_code_get_size (qr));
      json_builder_end_object (builder);
      holboo_cli_print_object (builder);
    }
  else
    {
      g_print (_("Wrote the QR code to %s\n"), out);
    }
  return HOLBOO_CLI_EXIT_OK;
}
