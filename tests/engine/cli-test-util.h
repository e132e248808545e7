/* cli-test-util.h: running holboo-cli from a test and reading its output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  int    status;
  char  *out;
  char  *err;
  gint64 elapsed_us;
} Run;

void       run_clear    (Run        *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* The session bus the children see: none, unless a test starts a keyring. */
extern char *child_bus_address;

/* Runs holboo-cli with --data-dir @data_dir (unless %NULL) and the
 * arguments up to a %NULL; HOLBOO_PASSWORD is @password when not %NULL. */
void       run_cli      (Run        *run,
                         const char *data_dir,
                         const char *password,
                         ...) G_GNUC_NULL_TERMINATED;
/* Each line of @text parsed as a JSON object (JsonObject references). */
GPtrArray *json_lines   (const char *text);
char      *new_data_dir (void);
void       remove_tree  (const char *path);

G_END_DECLS
