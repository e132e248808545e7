/* holboo-test-server.c — a private XMPP + TURN server on loopback
 *
 * Starts Prosody or ejabberd, plus coturn, on free loopback ports in a
 * temporary directory (or a given state directory, for the demo), with a
 * throw-away CA, and stops everything it started — also when the test
 * process dies (see holboo-test-process.c). Every wait is bounded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-test-server"

#include "config.h"

#include "holboo-test-server.h"
#include "holboo-test-server-private.h"

#include <string.h>

#define DOMAIN             "localhost"
#define HOST               "127.0.0.1"
#define STOP_TIMEOUT_MS    10000

struct _HolbooTestServer
{
  GObject               parent_instance;

  HolbooTestServerKind  kind;
  char                 *state_dir;     /* given, or the temporary one while started */
  gboolean              temporary;
  guint16               ports[HOLBOO_TEST_N_PORTS];
  gboolean              fixed[HOLBOO_TEST_N_PORTS];
  gboolean              ipv6;
  char                 *turn_secret;
  char                 *erlang_cookie;
  guint                 start_timeout_s;
  GPtrArray            *usernames;     /* in the order they were added */
  GHashTable           *passwords;     /* username → password */

  HolbooTestReaper     *reaper;
  GSubprocess          *server;
  GSubprocess          *turn;
  gboolean              running;
  gboolean              halted;        /* stopped by halt(), state and ports kept */
};

G_DEFINE_FINAL_TYPE (HolbooTestServer, holboo_test_server, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HolbooTestServerKind, holboo_test_server_kind,
                    G_DEFINE_ENUM_VALUE (HOLBOO_TEST_SERVER_KIND_PROSODY, "prosody"),
                    G_DEFINE_ENUM_VALUE (HOLBOO_TEST_SERVER_KIND_EJABBERD, "ejabberd"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_STATE_DIR,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const port_names[HOLBOO_TEST_N_PORTS] = {
  "c2s", "direct-tls", "http", "https", "turn", "turns", "erlang-dist",
};

static const char *
server_name (HolbooTestServer *self)
{
  return self->kind == HOLBOO_TEST_SERVER_KIND_EJABBERD ? "ejabberd" : "prosody";
}

static gboolean
port_used (HolbooTestServer *self,
           HolbooTestPort    port)
{
  return port != HOLBOO_TEST_PORT_ERLANG_DIST || self->kind == HOLBOO_TEST_SERVER_KIND_EJABBERD;
}

static HolbooTestSetup
make_setup (HolbooTestServer *self,
            const char       *cert_dir)
{
  HolbooTestSetup setup = {
    .state_dir = self->state_dir,
    .cert_dir = cert_dir,
    .domain = DOMAIN,
    .ports = self->ports,
    .ipv6 = self->ipv6,
    .turn_secret = self->turn_secret,
    .erlang_cookie = self->erlang_cookie,
    .timeout_s = self->start_timeout_s,
  };

  return setup;
}

static char *
server_log_path (HolbooTestServer *self)
{
  g_autofree char *name = g_strconcat (server_name (self), ".log", NULL);

  return g_build_filename (self->state_dir, name, NULL);
}

static char *
turn_log_path (HolbooTestServer *self)
{
  return g_build_filename (self->state_dir, "turnserver.log", NULL);
}

/* The logs to quote when the server fails: its console, and for ejabberd
 * also the log ejabberd writes itself. */
static GStrv
server_logs (HolbooTestServer *self)
{
  g_autoptr(GStrvBuilder) logs = g_strv_builder_new ();
  g_autofree char *console = server_log_path (self);

  g_strv_builder_add (logs, console);
  if (self->kind == HOLBOO_TEST_SERVER_KIND_EJABBERD)
    {
      g_autofree char *own = g_build_filename (self->state_dir, "logs", "ejabberd.log", NULL);

      g_strv_builder_add (logs, own);
    }
  return g_strv_builder_end (logs);
}

static gboolean
wait_until_ready (HolbooTestServer  *self,
                  GError           **error)
{
  g_auto(GStrv) logs = server_logs (self);
  g_autofree char *turn_log = turn_log_path (self);
  gboolean used[HOLBOO_TEST_N_PORTS];
  HolbooTestStarting starting = {
    .server = self->server,
    .server_name = server_name (self),
    .server_logs = (const char * const *) logs,
    .turn = self->turn,
    .turn_log = turn_log,
    .domain = DOMAIN,
    .ports = self->ports,
    .used = used,
    .timeout_s = self->start_timeout_s,
  };

  for (guint i = 0; i < HOLBOO_TEST_N_PORTS; i++)
    used[i] = port_used (self, i);

  return _holboo_test_wait_ready (&starting, error);
}

static gboolean
register_account (HolbooTestServer  *self,
                  const char        *username,
                  const char        *password,
                  GError           **error)
{
  g_autofree char *cert_dir = g_build_filename (self->state_dir, "certs", NULL);
  HolbooTestSetup setup = make_setup (self, cert_dir);

  return _holboo_test_register (self->kind, &setup, username, password, error);
}

static gboolean
register_all (HolbooTestServer  *self,
              GError           **error)
{
  for (guint i = 0; i < self->usernames->len; i++)
    {
      const char *username = g_ptr_array_index (self->usernames, i);

      if (!register_account (self, username,
                             g_hash_table_lookup (self->passwords, username), error))
        return FALSE;
    }

  return TRUE;
}

static void
stop_processes (HolbooTestServer *self)
{
  GSubprocess *processes[] = { self->server, self->turn };

  _holboo_test_stop_groups (processes, G_N_ELEMENTS (processes), STOP_TIMEOUT_MS);
  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    if (processes[i] != NULL && self->reaper != NULL)
      _holboo_test_reaper_forget (self->reaper, processes[i]);

  g_clear_object (&self->server);
  g_clear_object (&self->turn);
  if (self->running)
    {
      self->running = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

static gboolean
start_processes (HolbooTestServer  *self,
                 GError           **error)
{
  g_autoptr(GKeyFile) state = NULL;
  g_autofree char *cert_dir = NULL;
  g_autofree char *server_log = NULL;
  g_autofree char *turn_log = NULL;
  g_auto(GStrv) server_argv = NULL;
  g_auto(GStrv) turn_argv = NULL;
  gboolean used[HOLBOO_TEST_N_PORTS];
  HolbooTestSetup setup;

  state = _holboo_test_state_load (self->state_dir, server_name (self), error);
  if (state == NULL)
    return FALSE;

  self->ipv6 = _holboo_test_ipv6_available ();
  for (guint i = 0; i < HOLBOO_TEST_N_PORTS; i++)
    used[i] = port_used (self, i);
  if (!_holboo_test_choose_ports (self->ports, self->fixed, used, self->ipv6, state, error))
    return FALSE;
  if (self->turn_secret == NULL)
    self->turn_secret = _holboo_test_state_secret (state, "turn-secret");
  if (self->erlang_cookie == NULL && self->kind == HOLBOO_TEST_SERVER_KIND_EJABBERD)
    self->erlang_cookie = _holboo_test_state_secret (state, "erlang-cookie");
  if (!_holboo_test_state_save (state, self->state_dir, server_name (self), self->turn_secret,
                                self->erlang_cookie, self->ports, used, error))
    return FALSE;

  cert_dir = g_build_filename (self->state_dir, "certs", NULL);
  if (!_holboo_test_make_certs (cert_dir, DOMAIN, self->start_timeout_s, error))
    return FALSE;

  if (self->reaper == NULL)
    {
      self->reaper = _holboo_test_reaper_new (self->temporary ? self->state_dir : NULL, error);
      if (self->reaper == NULL)
        return FALSE;
    }

  /* coturn starts while the XMPP server is being set up. */
  setup = make_setup (self, cert_dir);
  turn_log = turn_log_path (self);
  if (!_holboo_test_coturn_configure (&setup, error) ||
      (turn_argv = _holboo_test_coturn_argv (&setup, error)) == NULL)
    return FALSE;
  self->turn = _holboo_test_reaper_spawn (self->reaper, (const char * const *) turn_argv,
                                          self->state_dir, turn_log, error);
  if (self->turn == NULL)
    return FALSE;

  server_argv = _holboo_test_configure (self->kind, &setup, error);
  /* prosodyctl writes accounts into the store before the server runs. */
  if (server_argv == NULL ||
      (self->kind == HOLBOO_TEST_SERVER_KIND_PROSODY && !register_all (self, error)))
    return FALSE;

  server_log = server_log_path (self);
  self->server = _holboo_test_reaper_spawn (self->reaper, (const char * const *) server_argv,
                                            self->state_dir, server_log, error);
  if (self->server == NULL)
    return FALSE;

  if (!wait_until_ready (self, error))
    return FALSE;

  /* ejabberd takes accounts through its HTTP API once it runs. */
  if (self->kind == HOLBOO_TEST_SERVER_KIND_EJABBERD && !register_all (self, error))
    return FALSE;

  self->running = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_debug ("%s running in %s, c2s port %u", server_name (self), self->state_dir,
           self->ports[HOLBOO_TEST_PORT_C2S]);
  return TRUE;
}

static void
release_state_dir (HolbooTestServer *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->reaper, _holboo_test_reaper_free);
  if (!self->temporary || self->state_dir == NULL)
    return;

  if (!_holboo_test_remove_tree (self->state_dir, &error))
    g_debug ("%s", error->message);
  g_clear_pointer (&self->state_dir, g_free);
}

static void
holboo_test_server_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HolbooTestServer *self = HOLBOO_TEST_SERVER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATE_DIR:
      g_value_set_string (value, self->state_dir);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_test_server_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HolbooTestServer *self = HOLBOO_TEST_SERVER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_STATE_DIR:
      self->state_dir = g_value_dup_string (value);
      self->temporary = self->state_dir == NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_test_server_dispose (GObject *object)
{
  HolbooTestServer *self = HOLBOO_TEST_SERVER (object);

  stop_processes (self);
  release_state_dir (self);

  G_OBJECT_CLASS (holboo_test_server_parent_class)->dispose (object);
}

static void
holboo_test_server_finalize (GObject *object)
{
  HolbooTestServer *self = HOLBOO_TEST_SERVER (object);

  g_free (self->state_dir);
  g_free (self->turn_secret);
  g_free (self->erlang_cookie);
  g_ptr_array_unref (self->usernames);
  g_hash_table_unref (self->passwords);

  G_OBJECT_CLASS (holboo_test_server_parent_class)->finalize (object);
}

static void
holboo_test_server_class_init (HolbooTestServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_test_server_get_property;
  object_class->set_property = holboo_test_server_set_property;
  object_class->dispose = holboo_test_server_dispose;
  object_class->finalize = holboo_test_server_finalize;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       HOLBOO_TYPE_TEST_SERVER_KIND, HOLBOO_TEST_SERVER_KIND_PROSODY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE_DIR] =
    g_param_spec_string ("state-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_test_server_init (HolbooTestServer *self)
{
  const char *timeout = g_getenv ("HOLBOO_TEST_SERVER_TIMEOUT");

  self->usernames = g_ptr_array_new_with_free_func (g_free);
  self->passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->start_timeout_s = timeout != NULL ? (guint) g_ascii_strtoull (timeout, NULL, 10) : 0;
}

/**
 * holboo_test_server_new:
 * @kind: Prosody or ejabberd
 * @state_dir: (nullable): a directory kept across runs (the demo), or %NULL
 *   for a temporary one removed by holboo_test_server_stop()
 */
HolbooTestServer *
holboo_test_server_new (HolbooTestServerKind  kind,
                        const char           *state_dir)
{
  HolbooTestServer *self = g_object_new (HOLBOO_TYPE_TEST_SERVER,
                                         "kind", kind, "state-dir", state_dir, NULL);

  /* ejabberd needs 1.5–3 s idle and up to 11 s on a loaded machine. */
  if (self->start_timeout_s == 0)
    self->start_timeout_s = kind == HOLBOO_TEST_SERVER_KIND_EJABBERD ? 60 : 20;
  return self;
}

/* Asks for a fixed port instead of a free one; start() fails naming it when
 * it is taken. 0 goes back to picking a free one. */
void
holboo_test_server_set_port (HolbooTestServer *self,
                             HolbooTestPort    port,
                             guint16           number)
{
  g_return_if_fail (HOLBOO_IS_TEST_SERVER (self));
  g_return_if_fail (port < HOLBOO_TEST_N_PORTS);
  g_return_if_fail (!self->running);

  self->ports[port] = number;
  self->fixed[port] = number != 0;
}

void
holboo_test_server_set_start_timeout (HolbooTestServer *self,
                                      guint             seconds)
{
  g_return_if_fail (HOLBOO_IS_TEST_SERVER (self));
  g_return_if_fail (seconds > 0);

  self->start_timeout_s = seconds;
}

/* Before start() the account is created at start; while running, at once.
 * Adding an existing account sets its password. */
gboolean
holboo_test_server_add_account (HolbooTestServer  *self,
                                const char        *username,
                                const char        *password,
                                GError           **error)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), FALSE);
  g_return_val_if_fail (username != NULL && username[0] != '\0', FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->running && !register_account (self, username, password, error))
    return FALSE;

  if (!g_hash_table_contains (self->passwords, username))
    g_ptr_array_add (self->usernames, g_strdup (username));
  g_hash_table_insert (self->passwords, g_strdup (username), g_strdup (password));
  return TRUE;
}

gboolean
holboo_test_server_start (HolbooTestServer  *self,
                          GError           **error)
{
  gboolean fixed[HOLBOO_TEST_N_PORTS];
  gboolean started;

  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->running)
    return TRUE;

  if (!_holboo_test_check_programs (self->kind, error))
    return FALSE;

  if (!self->halted)
    {
      g_autofree char *dir = _holboo_test_state_dir_prepare (self->temporary ? NULL : self->state_dir,
                                                             error);

      if (dir == NULL)
        return FALSE;
      g_free (self->state_dir);
      self->state_dir = g_steal_pointer (&dir);
    }

  /* After halt(): the same ports, or an error naming the one taken
   * meanwhile, since clients reconnect to the old ones. */
  memcpy (fixed, self->fixed, sizeof fixed);
  for (guint i = 0; self->halted && i < HOLBOO_TEST_N_PORTS; i++)
    self->fixed[i] = TRUE;
  started = start_processes (self, error);
  memcpy (self->fixed, fixed, sizeof fixed);

  if (!started)
    {
      stop_processes (self);
      if (!self->halted)
        release_state_dir (self);
      return FALSE;
    }

  self->halted = FALSE;
  return TRUE;
}

/* Stops everything it started (SIGTERM, SIGKILL after 10 s) and removes a
 * temporary directory. */
gboolean
holboo_test_server_stop (HolbooTestServer  *self,
                         GError           **error)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stop_processes (self);
  release_state_dir (self);
  self->halted = FALSE;
  return TRUE;
}

/* A server outage: stops the servers but keeps the state directory, the
 * accounts and the ports; start() brings the same server back. */
gboolean
holboo_test_server_halt (HolbooTestServer  *self,
                         GError           **error)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->running)
    return TRUE;

  stop_processes (self);
  self->halted = TRUE;
  return TRUE;
}

/* halt() then start(): the server restarts on the same ports and state, as
 * a client sees a server restart. */
gboolean
holboo_test_server_restart (HolbooTestServer  *self,
                            GError           **error)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return holboo_test_server_halt (self, error) && holboo_test_server_start (self, error);
}

/* FALSE, naming the server and its log, when a process it started died. */
gboolean
holboo_test_server_check_running (HolbooTestServer  *self,
                                  GError           **error)
{
  g_auto(GStrv) logs = NULL;
  g_autofree char *turn_log = NULL;
  const char *turn_logs[2] = { NULL, NULL };

  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), FALSE);

  if (!self->running)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "The test server is not running");
      return FALSE;
    }

  if (_holboo_test_subprocess_exited (self->server))
    {
      logs = server_logs (self);
      _holboo_test_set_log_error (error, G_IO_ERROR_BROKEN_PIPE, (const char * const *) logs,
                                  "%s exited", server_name (self));
      return FALSE;
    }

  if (_holboo_test_subprocess_exited (self->turn))
    {
      turn_log = turn_log_path (self);
      turn_logs[0] = turn_log;
      _holboo_test_set_log_error (error, G_IO_ERROR_BROKEN_PIPE, turn_logs, "turnserver exited");
      return FALSE;
    }

  return TRUE;
}

HolbooTestServerKind
holboo_test_server_get_kind (HolbooTestServer *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), HOLBOO_TEST_SERVER_KIND_PROSODY);

  return self->kind;
}

gboolean
holboo_test_server_get_running (HolbooTestServer *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), FALSE);

  return self->running;
}

/* The XMPP domain; also the name the certificate and every URL use. */
const char *
holboo_test_server_get_domain (HolbooTestServer *self)
{
  return DOMAIN;
}

/* The address to connect to (the servers also listen on ::1 when it can be
 * bound); TLS identity is the domain. */
const char *
holboo_test_server_get_host (HolbooTestServer *self)
{
  return HOST;
}

guint16
holboo_test_server_get_port (HolbooTestServer *self,
                             HolbooTestPort    port)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), 0);
  g_return_val_if_fail (port < HOLBOO_TEST_N_PORTS, 0);

  return port_used (self, port) ? self->ports[port] : 0;
}

const char *
holboo_test_server_get_port_name (HolbooTestPort port)
{
  g_return_val_if_fail (port < HOLBOO_TEST_N_PORTS, NULL);

  return port_names[port];
}

char *
holboo_test_server_dup_websocket_url (HolbooTestServer *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), NULL);

  return g_strdup_printf ("wss://%s:%u/xmpp-websocket", DOMAIN,
                          self->ports[HOLBOO_TEST_PORT_HTTPS]);
}

char *
holboo_test_server_dup_bosh_url (HolbooTestServer *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), NULL);

  return g_strdup_printf ("https://%s:%u/%s", DOMAIN, self->ports[HOLBOO_TEST_PORT_HTTPS],
                          self->kind == HOLBOO_TEST_SERVER_KIND_EJABBERD ? "bosh" : "http-bind");
}

const char *
holboo_test_server_get_muc_service (HolbooTestServer *self)
{
  return "conference." DOMAIN;
}

/* The XEP-0363 component; its slots point at https://localhost:<https port>/. */
const char *
holboo_test_server_get_upload_service (HolbooTestServer *self)
{
  return "upload." DOMAIN;
}

const char *
holboo_test_server_get_turn_secret (HolbooTestServer *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), NULL);

  return self->turn_secret;
}

/* The throw-away CA a client must trust (e.g. with a GTlsFileDatabase). */
char *
holboo_test_server_dup_ca_file (HolbooTestServer *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), NULL);

  if (self->state_dir == NULL)
    return NULL;
  return g_build_filename (self->state_dir, "certs", "ca.crt", NULL);
}

const char *
holboo_test_server_get_state_dir (HolbooTestServer *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), NULL);

  return self->state_dir;
}

gboolean
holboo_test_server_get_temporary (HolbooTestServer *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), FALSE);

  return self->temporary;
}

GStrv
holboo_test_server_dup_log_files (HolbooTestServer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) logs = NULL;
  g_autofree char *error_log = NULL;
  g_autofree char *turn_log = NULL;

  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), NULL);

  if (self->state_dir == NULL)
    return g_strv_builder_end (builder);

  logs = server_logs (self);
  g_strv_builder_addv (builder, (const char **) logs);
  if (self->kind == HOLBOO_TEST_SERVER_KIND_EJABBERD)
    {
      error_log = g_build_filename (self->state_dir, "logs", "error.log", NULL);
      g_strv_builder_add (builder, error_log);
    }
  turn_log = turn_log_path (self);
  g_strv_builder_add (builder, turn_log);
  return g_strv_builder_end (builder);
}

GStrv
holboo_test_server_dup_accounts (HolbooTestServer *self)
{
  g_autoptr(GStrvBuilder) accounts = g_strv_builder_new ();

  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), NULL);

  for (guint i = 0; i < self->usernames->len; i++)
    g_strv_builder_add (accounts, g_ptr_array_index (self->usernames, i));
  return g_strv_builder_end (accounts);
}

const char *
holboo_test_server_get_password (HolbooTestServer *self,
                                 const char       *username)
{
  g_return_val_if_fail (HOLBOO_IS_TEST_SERVER (self), NULL);

  return g_hash_table_lookup (self->passwords, username);
}

/* The process group leaders it started and that still run: the servers and
 * the reaper. A test can check none is left after stop(). */
GArray *
holboo_test_server_dup_pids (HolbooTestServer *self)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (GPid));
  GSubprocess *processes[] = { self->server, self->turn };

  for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
    if (processes[i] != NULL)
      {
        GPid pid = _holboo_test_subprocess_pid (processes[i]);

        g_array_append_val (pids, pid);
      }
  if (self->reaper != NULL)
    {
      GPid pid = _holboo_test_reaper_get_pid (self->reaper);

      g_array_append_val (pids, pid);
    }

  return pids;
}
