/* holboo-test-server-private.h — internals of the test server harness
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-test-server.h"

G_BEGIN_DECLS

/* What a backend needs to write its configuration and run its commands. */
typedef struct {
  const char    *state_dir;
  const char    *cert_dir;
  const char    *domain;
  const guint16 *ports;          /* HOLBOO_TEST_N_PORTS entries */
  gboolean       ipv6;
  const char    *turn_secret;
  const char    *erlang_cookie;  /* ejabberd only */
  guint          timeout_s;      /* bound for each helper command */
} HolbooTestSetup;

/* What waiting for a start needs to watch. */
typedef struct {
  GSubprocess        *server;
  const char         *server_name;
  const char * const *server_logs;
  GSubprocess        *turn;
  const char         *turn_log;
  const char         *domain;
  const guint16      *ports;
  const gboolean     *used;
  guint               timeout_s;
} HolbooTestStarting;

/* The reaper: a small sh process in a session of its own that holds a pipe
 * from this process and kills the servers' process groups on EOF. */
typedef struct _HolbooTestReaper HolbooTestReaper;

HolbooTestReaper *_holboo_test_reaper_new        (const char        *temp_dir,
                                                  GError           **error);
GSubprocess      *_holboo_test_reaper_spawn      (HolbooTestReaper  *reaper,
                                                  const char * const *argv,
                                                  const char        *cwd,
                                                  const char        *log_path,
                                                  GError           **error);
void              _holboo_test_reaper_forget     (HolbooTestReaper  *reaper,
                                                  GSubprocess       *process);
GPid              _holboo_test_reaper_get_pid    (HolbooTestReaper  *reaper);
void              _holboo_test_reaper_free       (HolbooTestReaper  *reaper);

GPid              _holboo_test_subprocess_pid    (GSubprocess       *process);
gboolean          _holboo_test_subprocess_exited (GSubprocess       *process);
gboolean          _holboo_test_group_alive       (GPid               pgid);
void              _holboo_test_stop_groups       (GSubprocess      **processes,
                                                  guint              n_processes,
                                                  guint              term_timeout_ms);
gboolean          _holboo_test_run               (const char * const *argv,
                                                  const char        *cwd,
                                                  guint              timeout_s,
                                                  char             **output,
                                                  GError           **error);
gboolean          _holboo_test_remove_tree       (const char        *path,
                                                  GError           **error);
char             *_holboo_test_log_tail          (const char        *path,
                                                  guint              n_lines);

void              _holboo_test_set_log_error     (GError           **error,
                                                  int                code,
                                                  const char * const *logs,
                                                  const char        *format,
                                                  ...) G_GNUC_PRINTF (4, 5);

char             *_holboo_test_state_dir_prepare (const char        *state_dir,
                                                  GError           **error);
GKeyFile         *_holboo_test_state_load        (const char        *state_dir,
                                                  const char        *kind,
                                                  GError           **error);
char             *_holboo_test_state_secret      (GKeyFile          *state,
                                                  const char        *key);
gboolean          _holboo_test_state_save        (GKeyFile          *state,
                                                  const char        *state_dir,
                                                  const char        *kind,
                                                  const char        *turn_secret,
                                                  const char        *erlang_cookie,
                                                  const guint16     *ports,
                                                  const gboolean    *used,
                                                  GError           **error);
gboolean          _holboo_test_check_programs    (HolbooTestServerKind kind,
                                                  GError           **error);

char             *_holboo_test_find_program      (const char        *env_var,
                                                  const char        *name,
                                                  const char        *package,
                                                  GError           **error);

char             *_holboo_test_expand            (const char        *template_name,
                                                  GHashTable        *vars,
                                                  GError           **error);
gboolean          _holboo_test_write_template    (const char        *template_name,
                                                  GHashTable        *vars,
                                                  const char        *path,
                                                  int                mode,
                                                  GError           **error);
GHashTable       *_holboo_test_setup_vars        (const HolbooTestSetup *setup);

gboolean          _holboo_test_make_certs        (const char        *cert_dir,
                                                  const char        *domain,
                                                  guint              timeout_s,
                                                  GError           **error);
char             *_holboo_test_random_secret     (void);

gboolean          _holboo_test_ipv6_available    (void);
gboolean          _holboo_test_check_port        (guint16            port,
                                                  const char        *name,
                                                  gboolean           udp_too,
                                                  gboolean           ipv6,
                                                  GError           **error);
guint16           _holboo_test_pick_port         (gboolean           udp_too,
                                                  gboolean           ipv6,
                                                  const guint16     *taken,
                                                  guint              n_taken,
                                                  GError           **error);
gboolean          _holboo_test_choose_ports      (guint16           *ports,
                                                  const gboolean    *fixed,
                                                  const gboolean    *used,
                                                  gboolean           ipv6,
                                                  GKeyFile          *state,
                                                  GError           **error);
gboolean          _holboo_test_find_bind_error   (const char        *log_path,
                                                  const char        *who,
                                                  const guint16     *ports,
                                                  const gboolean    *used,
                                                  GError           **error);
gboolean          _holboo_test_wait_ready        (const HolbooTestStarting *starting,
                                                  GError           **error);
gboolean          _holboo_test_probe_xmpp        (guint16            port,
                                                  const char        *domain,
                                                  guint              timeout_ms,
                                                  GError           **error);
gboolean          _holboo_test_probe_stun        (guint16            port,
                                                  guint              timeout_ms,
                                                  GError           **error);

/* Backends: write the configuration, give the command line, add accounts. */
gboolean          _holboo_test_prosody_configure (const HolbooTestSetup *setup,
                                                  GError           **error);
GStrv             _holboo_test_prosody_argv      (const HolbooTestSetup *setup,
                                                  GError           **error);
gboolean          _holboo_test_prosody_register  (const HolbooTestSetup *setup,
                                                  const char        *username,
                                                  const char        *password,
                                                  GError           **error);

gboolean          _holboo_test_ejabberd_configure (const HolbooTestSetup *setup,
                                                  GError           **error);
GStrv             _holboo_test_ejabberd_argv     (const HolbooTestSetup *setup,
                                                  GError           **error);
gboolean          _holboo_test_ejabberd_register (const HolbooTestSetup *setup,
                                                  const char        *username,
                                                  const char        *password,
                                                  GError           **error);

GStrv             _holboo_test_configure         (HolbooTestServerKind kind,
                                                  const HolbooTestSetup *setup,
                                                  GError           **error);
gboolean          _holboo_test_register          (HolbooTestServerKind kind,
                                                  const HolbooTestSetup *setup,
                                                  const char        *username,
                                                  const char        *password,
                                                  GError           **error);

gboolean          _holboo_test_coturn_configure  (const HolbooTestSetup *setup,
                                                  GError           **error);
GStrv             _holboo_test_coturn_argv       (const HolbooTestSetup *setup,
                                                  GError           **error);

G_END_DECLS
