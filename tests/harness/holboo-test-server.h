/* holboo-test-server.h — a private XMPP + TURN server on loopback for tests
 * and the demo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  HOLBOO_TEST_SERVER_KIND_PROSODY,
  HOLBOO_TEST_SERVER_KIND_EJABBERD,
} HolbooTestServerKind;

/* Every port the harness opens. 0 everywhere means "pick a free one". */
typedef enum {
  HOLBOO_TEST_PORT_C2S,          /* STARTTLS, TLS required */
  HOLBOO_TEST_PORT_DIRECT_TLS,   /* XEP-0368 */
  HOLBOO_TEST_PORT_HTTP,         /* plain HTTP: BOSH, WebSocket, (ejabberd) API */
  HOLBOO_TEST_PORT_HTTPS,        /* wss://, BOSH, file upload */
  HOLBOO_TEST_PORT_TURN,         /* coturn STUN/TURN, UDP and TCP */
  HOLBOO_TEST_PORT_TURNS,        /* coturn TURN over TLS (and DTLS) */
  HOLBOO_TEST_PORT_ERLANG_DIST,  /* ejabberd only: Erlang distribution for ejabberdctl */
  HOLBOO_TEST_N_PORTS,
} HolbooTestPort;

#define HOLBOO_TYPE_TEST_SERVER_KIND (holboo_test_server_kind_get_type ())
GType holboo_test_server_kind_get_type (void) G_GNUC_CONST;

#define HOLBOO_TYPE_TEST_SERVER (holboo_test_server_get_type ())

G_DECLARE_FINAL_TYPE (HolbooTestServer, holboo_test_server, HOLBOO, TEST_SERVER, GObject)

HolbooTestServer   *holboo_test_server_new              (HolbooTestServerKind  kind,
                                                         const char           *state_dir);

void                holboo_test_server_set_port         (HolbooTestServer     *self,
                                                         HolbooTestPort        port,
                                                         guint16               number);
void                holboo_test_server_set_start_timeout (HolbooTestServer    *self,
                                                         guint                 seconds);
gboolean            holboo_test_server_add_account      (HolbooTestServer     *self,
                                                         const char           *username,
                                                         const char           *password,
                                                         GError              **error);

gboolean            holboo_test_server_start            (HolbooTestServer     *self,
                                                         GError              **error);
gboolean            holboo_test_server_stop             (HolbooTestServer     *self,
                                                         GError              **error);
gboolean            holboo_test_server_halt             (HolbooTestServer     *self,
                                                         GError              **error);
gboolean            holboo_test_server_restart          (HolbooTestServer     *self,
                                                         GError              **error);
gboolean            holboo_test_server_check_running    (HolbooTestServer     *self,
                                                         GError              **error);

HolbooTestServerKind holboo_test_server_get_kind        (HolbooTestServer     *self);
gboolean            holboo_test_server_get_running      (HolbooTestServer     *self);
const char         *holboo_test_server_get_domain       (HolbooTestServer     *self);
const char         *holboo_test_server_get_host         (HolbooTestServer     *self);
guint16             holboo_test_server_get_port         (HolbooTestServer     *self,
                                                         HolbooTestPort        port);
const char         *holboo_test_server_get_port_name    (HolbooTestPort        port);
char               *holboo_test_server_dup_websocket_url (HolbooTestServer    *self);
char               *holboo_test_server_dup_bosh_url     (HolbooTestServer     *self);
const char         *holboo_test_server_get_muc_service  (HolbooTestServer     *self);
const char         *holboo_test_server_get_upload_service (HolbooTestServer   *self);
const char         *holboo_test_server_get_turn_secret  (HolbooTestServer     *self);
char               *holboo_test_server_dup_ca_file      (HolbooTestServer     *self);
const char         *holboo_test_server_get_state_dir    (HolbooTestServer     *self);
gboolean            holboo_test_server_get_temporary    (HolbooTestServer     *self);
GStrv               holboo_test_server_dup_log_files    (HolbooTestServer     *self);
GStrv               holboo_test_server_dup_accounts     (HolbooTestServer     *self);
const char         *holboo_test_server_get_password     (HolbooTestServer     *self,
                                                         const char           *username);
GArray             *holboo_test_server_dup_pids         (HolbooTestServer     *self);

G_END_DECLS
