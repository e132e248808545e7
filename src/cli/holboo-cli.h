/* holboo-cli.h: what the holboo-cli commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "holboo-account.h"
#include "holboo-account-registry.h"
#include "holboo-store-records.h"
#include "holboo-xmpp-connection.h"

G_BEGIN_DECLS

/* Exit codes; --help lists them. */
typedef enum {
  HOLBOO_CLI_EXIT_OK = 0,
  HOLBOO_CLI_EXIT_FAILED = 1,
  HOLBOO_CLI_EXIT_USAGE = 2,
  HOLBOO_CLI_EXIT_AUTH = 3,
  HOLBOO_CLI_EXIT_UNREACHABLE = 4,
  HOLBOO_CLI_EXIT_CERTIFICATE = 5,
  HOLBOO_CLI_EXIT_TIMED_OUT = 6,
  HOLBOO_CLI_EXIT_NO_ACCOUNT = 7,
  HOLBOO_CLI_EXIT_NOT_FOUND = 8,
  HOLBOO_CLI_EXIT_INVALID_INPUT = 9,
} HolbooCliExit;

/* The error domain of the CLI's own failures; the code is the exit code. */
#define HOLBOO_CLI_ERROR (holboo_cli_error_quark ())
GQuark holboo_cli_error_quark (void);

typedef struct {
  char                  *account;   /* --account, or NULL */
  char                  *data_dir;  /* --data-dir, or NULL */
  char                  *ca_file;   /* --ca-file, or NULL */
  gboolean               json;      /* --json */
  HolbooAccountRegistry *registry;  /* loaded on first use */
} HolbooCli;

/* The options every command accepts, to add to its GOptionContext. */
GOptionGroup        *holboo_cli_global_group      (HolbooCli      *cli);

/* holboo-cli-messages.c */
void                 holboo_cli_print_message     (HolbooCli      *cli,
                                                   HolbooStoredMessage *message);

/* holboo-cli-output.c */
void                 holboo_cli_print_object      (JsonBuilder    *builder);
int                  holboo_cli_exit_for_error    (const GError   *error);
int                  holboo_cli_fail              (HolbooCli      *cli,
                                                   GError         *error);
int                  holboo_cli_usage             (HolbooCli      *cli,
                                                   const char     *message);

/* holboo-cli.c */
gboolean             holboo_cli_load_registry     (HolbooCli      *cli,
                                                   GError        **error);
HolbooAccountConfig *holboo_cli_pick_account      (HolbooCli      *cli,
                                                   GError        **error);
void                 holboo_cli_store_result      (GObject       *source,
                                                   GAsyncResult  *result,
                                                   gpointer       user_data);
void                 holboo_cli_wait              (GAsyncResult **result);
char                *holboo_cli_dup_password      (HolbooCli      *cli,
                                                   HolbooAccountConfig *config,
                                                   GError        **error);
HolbooAccount       *holboo_cli_open_account      (HolbooCli      *cli,
                                                  GError        **error);
gboolean             holboo_cli_connect_account   (HolbooAccount  *account,
                                                  GError        **error);
char                *holboo_cli_prepare_account   (HolbooCli      *cli,
                                                  HolbooAccountConfig *config,
                                                  GError        **error);
HolbooXmppConnection *holboo_cli_connect          (HolbooCli      *cli,
                                                   HolbooAccountConfig *config,
                                                   GError        **error);

/* One function per command: argv starts at the command's name. */
int holboo_cli_account_add     (HolbooCli *cli, int argc, char **argv);
int holboo_cli_account_list    (HolbooCli *cli, int argc, char **argv);
int holboo_cli_account_remove  (HolbooCli *cli, int argc, char **argv);
int holboo_cli_history         (HolbooCli *cli, int argc, char **argv);
int holboo_cli_status          (HolbooCli *cli, int argc, char **argv);
int holboo_cli_send            (HolbooCli *cli, int argc, char **argv);
int holboo_cli_sync            (HolbooCli *cli, int argc, char **argv);
int holboo_cli_wait_message    (HolbooCli *cli, int argc, char **argv);
/* holboo-cli-cards.c */
int holboo_cli_card_publish    (HolbooCli *cli, int argc, char **argv);
int holboo_cli_card_get        (HolbooCli *cli, int argc, char **argv);
int holboo_cli_card_qr         (HolbooCli *cli, int argc, char **argv);
int holboo_cli_contact_add     (HolbooCli *cli, int argc, char **argv);
/* holboo-cli-modes.c */
int holboo_cli_mode_show       (HolbooCli *cli, int argc, char **argv);
int holboo_cli_mode_set        (HolbooCli *cli, int argc, char **argv);
/* holboo-cli-customers.c */
int holboo_cli_customer_list   (HolbooCli *cli, int argc, char **argv);
int holboo_cli_customer_show   (HolbooCli *cli, int argc, char **argv);
int holboo_cli_customer_export (HolbooCli *cli, int argc, char **argv);
/* holboo-cli-calls.c */
int holboo_cli_call            (HolbooCli *cli, int argc, char **argv);
int holboo_cli_answer          (HolbooCli *cli, int argc, char **argv);
/* holboo-cli-customers-write.c */
int holboo_cli_customer_add    (HolbooCli *cli, int argc, char **argv);
int holboo_cli_customer_note   (HolbooCli *cli, int argc, char **argv);
int holboo_cli_customer_import (HolbooCli *cli, int argc, char **argv);

/* Parses a command's own options; on a usage error prints it and
 * returns FALSE with *exit_code set. */
gboolean holboo_cli_parse          (HolbooCli     *cli,
                                    GOptionEntry  *entries,
                                    const char    *parameter_string,
                                    const char    *summary,
                                    int           *argc,
                                    char        ***argv,
                                    int           *exit_code);

G_END_DECLS
