/* bench-core-mam.c: MAM catch-up of 10,000 messages from a private
 * Prosody (or ejabberd, with "ejabberd" as argument) into an empty store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive is filled first: another account sends 10,000 chat
 * messages (bodies of 3-25 words, Mongolian and English) to the
 * account, one of whose devices is online with a bare connection so
 * that the server delivers them rather than keeping offline copies.
 * Then a HolbooAccount with a new, empty store connects as another
 * device and catches up on the whole archive (no page limit, pages of
 * 500 — the harness's max_archive_query_results): the clock runs from
 * the session's start to ::synced, when the last page is stored.  Each
 * run uses a fresh store; the archive stays.  Target (issue 3): ≤ 3 s.
 * HOLBOO_BENCH_RUNS overrides the number of runs (default 5).
 */

#include "config.h"

#include "bench-store-util.h"
#include "holboo-account-private.h"
#include "holboo-test-server.h"
#include "holboo-xmpp-message.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#define N_MESSAGES 10000
#define PAGE_SIZE  500

static HolbooTestServer *server;
static GTlsDatabase *database;

static HolbooXmppSettings *
settings_for (const char *user,
              const char *resource)
{
  g_autofree char *jid = g_strdup_printf ("%s@%s", user, holboo_test_server_get_domain (server));
  g_autofree char *password = g_strconcat (user, "-pass", NULL);
  HolbooXmppSettings *settings = holboo_xmpp_settings_new (jid, password);

  holboo_xmpp_settings_set_resource (settings, resource);
  holboo_xmpp_settings_set_tls_database (settings, database);
  holboo_xmpp_settings_set_server (settings, holboo_test_server_get_host (server),
                                   holboo_test_server_get_port (server, HOLBOO_TEST_PORT_C2S));
  return settings;
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!holboo_xmpp_connection_connect_finish (HOLBOO_XMPP_CONNECTION (source), result, &error))
    g_error ("Connecting failed: %s", error->message);
  *(gboolean *) user_data = TRUE;
}

static HolbooXmppConnection *
connect_bare (const char *user,
              const char *resource)
{
  g_autoptr(HolbooXmppSettings) settings = settings_for (user, resource);
  HolbooXmppConnection *connection = holboo_xmpp_connection_new (settings);
  gboolean connected = FALSE;

  holboo_xmpp_connection_connect_async (connection, NULL, on_connected, &connected);
  while (!connected)
    g_main_context_iteration (NULL, TRUE);
  return connection;
}

static void
on_acked (HolbooXmppConnection *connection,
          HolbooXmlNode        *stanza,
          guint                *n_acked)
{
  (*n_acked)++;
}

static void
fill_archive (void)
{
  g_autoptr(HolbooXmppConnection) sender = connect_bare ("nomin", "desk");
  g_autoptr(HolbooXmppConnection) online = connect_bare ("saraa", "phone");
  g_autoptr(HolbooXmlNode) presence = holboo_xml_node_new ("presence", HOLBOO_XMLNS_CLIENT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  g_autofree char *to = g_strdup_printf ("saraa@%s", holboo_test_server_get_domain (server));
  gint64 start = g_get_monotonic_time ();
  guint n_acked = 0;

  holboo_xmpp_connection_send (online, presence, NULL);
  g_signal_connect (sender, "stanza-acked", G_CALLBACK (on_acked), &n_acked);

  for (guint i = 0; i < N_MESSAGES; i++)
    {
      g_autofree char *body = bench_make_body (rand);
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(HolbooXmlNode) message = holboo_xmpp_message_build_chat (to, id, body, id, FALSE);

      if (!holboo_xmpp_connection_send (sender, message, NULL))
        g_error ("The sender lost its connection");
      /* Keep a window of unacked stanzas, as a client would. */
      while (i + 1 - n_acked > 500)
        g_main_context_iteration (NULL, TRUE);
    }
  while (n_acked < N_MESSAGES)
    g_main_context_iteration (NULL, TRUE);

  g_print ("Archive filled: %u messages in %.1f s\n", N_MESSAGES, (g_get_monotonic_time () - start) / 1e6);
  holboo_xmpp_connection_disconnect (sender);
  holboo_xmpp_connection_disconnect (online);
}

typedef struct {
  gint64 started;
  gint64 synced;
  guint  n_new;
  guint  added;
} Run;

static void
on_session_started (HolbooXmppConnection *connection,
                    gboolean              resumed,
                    Run                  *run)
{
  run->started = g_get_monotonic_time ();
}

static void
on_synced (HolbooAccount *account,
           guint          n_new,
           Run           *run)
{
  run->synced = g_get_monotonic_time ();
  run->n_new = n_new;
}

static void
on_added (HolbooAccount       *account,
          gint64               conversation_id,
          gint64               message_id,
          HolbooStoredMessage *message,
          Run                 *run)
{
  run->added++;
}

static double
catch_up_once (guint index)
{
  g_autoptr(HolbooXmppSettings) settings = settings_for ("saraa", "bench");
  g_autoptr(HolbooAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("holboo-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "account.db", NULL);
  Run run = { 0, };
  double seconds;

  g_assert_no_error (error);
  account = holboo_account_new (settings, path, NULL, &error);
  g_assert_no_error (error);
  holboo_account_set_mam_page_size (account, PAGE_SIZE);
  holboo_account_set_catch_up_max_pages (account, 0);
  g_signal_connect (holboo_account_get_connection (account), "session-started",
                    G_CALLBACK (on_session_started), &run);
  g_signal_connect (account, "synced", G_CALLBACK (on_synced), &run);
  g_signal_connect (account, "message-added", G_CALLBACK (on_added), &run);

  holboo_account_connect_async (account, NULL, NULL, NULL);
  while (run.synced == 0)
    g_main_context_iteration (NULL, TRUE);

  seconds = (run.synced - run.started) / 1e6;
  if (run.n_new < N_MESSAGES || run.added < N_MESSAGES)
    g_error ("Run %u stored %u messages (%u added), expected %u", index, run.n_new, run.added, N_MESSAGES);
  g_print ("run %u: %u messages in %.2f s (%.0f msgs/s), %u pages\n", index + 1, run.n_new, seconds,
           run.n_new / seconds, account->mam_pages);

  g_signal_handlers_disconnect_by_data (holboo_account_get_connection (account), &run);
  g_clear_object (&account);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  HolbooTestServerKind kind = HOLBOO_TEST_SERVER_KIND_PROSODY;
  g_autofree char *ca_file = NULL;
  g_autoptr(GError) error = NULL;
  const char *runs_text = g_getenv ("HOLBOO_BENCH_RUNS");
  guint runs = runs_text != NULL ? (guint) atoi (runs_text) : 5;
  g_autofree double *times = NULL;

  setlocale (LC_ALL, "");
  if (argc > 1 && g_strcmp0 (argv[1], "ejabberd") == 0)
    kind = HOLBOO_TEST_SERVER_KIND_EJABBERD;
  runs = MAX (runs, 1);

  server = holboo_test_server_new (kind, NULL);
  holboo_test_server_add_account (server, "nomin", "nomin-pass", &error);
  g_assert_no_error (error);
  holboo_test_server_add_account (server, "saraa", "saraa-pass", &error);
  g_assert_no_error (error);
  if (!holboo_test_server_start (server, &error))
    g_error ("Could not start the test server: %s", error->message);
  ca_file = holboo_test_server_dup_ca_file (server);
  database = g_tls_file_database_new (ca_file, &error);
  g_assert_no_error (error);

  g_print ("MAM catch-up of %u messages into an empty store, %s, pages of %u (target ≤ 3 s):\n",
           N_MESSAGES, kind == HOLBOO_TEST_SERVER_KIND_EJABBERD ? "ejabberd" : "Prosody", PAGE_SIZE);
  fill_archive ();

  times = g_new (double, runs);
  for (guint i = 0; i < runs; i++)
    times[i] = catch_up_once (i);
  g_print ("median catch-up: %.2f s over %u runs (%.0f msgs/s)\n", bench_median (times, runs), runs,
           N_MESSAGES / bench_median (times, runs));

  g_clear_object (&database);
  holboo_test_server_stop (server, &error);
  g_assert_no_error (error);
  g_clear_object (&server);
  return 0;
}
