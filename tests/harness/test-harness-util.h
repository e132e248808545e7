/* test-harness-util.h — what the harness tests use to check a server from
 * the outside: processes in /proc, XMPP over verified TLS, SCRAM, STUN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-test-server.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* A process seen in /proc; the start time tells a reused pid apart. */
typedef struct {
  int     pid;
  guint64 start_time;
  char    name[32];
} HarnessProc;

GArray    *harness_snapshot_processes (const GArray      *leaders);
gboolean   harness_wait_processes_gone (const GArray     *procs,
                                       guint              timeout_ms,
                                       char             **still_alive);
GArray    *harness_pids_from_strings  (const char       *text);

/* XMPP: buffer keeps what was read past the element the caller wanted. */
GIOStream *harness_xmpp_connect       (HolbooTestServer  *server,
                                       gboolean           direct_tls,
                                       GString           *buffer,
                                       char             **plain_features,
                                       char             **tls_features,
                                       GError           **error);
gboolean   harness_xmpp_scram_login   (GIOStream         *stream,
                                       GString           *buffer,
                                       const char        *username,
                                       const char        *password,
                                       GError           **error);
GIOStream *harness_xmpp_session       (HolbooTestServer  *server,
                                       const char        *username,
                                       const char        *password,
                                       GString           *buffer,
                                       char             **features,
                                       GError           **error);
char      *harness_xmpp_iq            (GIOStream         *stream,
                                       GString           *buffer,
                                       const char        *iq,
                                       GError           **error);
gboolean   harness_login              (HolbooTestServer  *server,
                                       const char        *username,
                                       const char        *password,
                                       GError           **error);

char      *harness_https_head         (HolbooTestServer  *server,
                                       const char        *request,
                                       GError           **error);

gboolean   harness_stun_binding       (guint16            port,
                                       guint              timeout_ms,
                                       GError           **error);

G_END_DECLS
