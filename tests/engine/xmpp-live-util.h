/* xmpp-live-util.h: helpers for the XMPP connection tests against the
 * harness's real Prosody or ejabberd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-test-server.h"
#include "holboo-xmpp-connection.h"

G_BEGIN_DECLS

typedef struct {
  HolbooTestServer *server;
  GTlsDatabase     *database;
  char             *ca_file;
} LiveServer;

extern LiveServer live;

/* Starts the server named by argv[1] ("prosody", the default, or
 * "ejabberd") with the accounts given; call after g_test_init(). */
void                  live_start             (int                    argc,
                                              char                 **argv,
                                              const char * const    *accounts);
void                  live_stop              (void);
gboolean              live_is_ejabberd       (void);

HolbooXmppSettings   *live_settings          (const char            *user,
                                              HolbooXmppTransportKind kind);
HolbooXmppConnection *live_connection        (const char            *user,
                                              HolbooXmppTransportKind kind);
GError               *live_connect           (HolbooXmppConnection  *connection);
void                  live_connect_ok        (HolbooXmppConnection  *connection);
HolbooXmlNode        *live_iq                (HolbooXmppConnection  *connection,
                                              HolbooXmlNode         *iq,
                                              GError               **error);

gboolean              live_wait              (gboolean             (*done) (gpointer),
                                              gpointer               data,
                                              guint                  timeout_ms);
void                  live_wait_state        (HolbooXmppConnection  *connection,
                                              HolbooXmppConnectionState state,
                                              guint                  timeout_ms);
void                  live_sleep             (guint                  ms);
guint16               live_free_port         (void);

HolbooXmlNode        *live_chat              (HolbooJid             *to,
                                              const char            *id,
                                              const char            *body);

/* Records stanzas for assertions. */
typedef struct {
  GPtrArray *received;   /* message stanzas */
  GPtrArray *acked;
  GPtrArray *lost;       /* one GPtrArray per ::session-lost */
  guint      sessions;
  guint      resumed;
} Recorder;

void                  live_recorder_attach   (Recorder              *recorder,
                                              HolbooXmppConnection  *connection);
void                  live_recorder_clear    (Recorder              *recorder);
guint                 live_recorder_count_body (Recorder            *recorder,
                                              const char            *id);

G_END_DECLS
