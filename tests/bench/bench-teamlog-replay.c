/* bench-teamlog-replay.c: a new member replays a team log of 100,000
 * ops from a private Prosody (or ejabberd, with "ejabberd" as
 * argument) into an empty database, end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A manager creates the team's log room; a member's bare connection
 * writes 100,000 ops into it, as a team writes them (10,000 customers
 * created, then field updates, notes, calls, tags).  Then a
 * HolbooAccount with a new, empty store joins the team: the clock runs
 * from holboo_account_join_team_async() to the end of the catch-up (the
 * room joined, every page fetched, parsed, checked and applied, the
 * customers' search rows written).  Printed per run: the whole, and the
 * apply step alone (the store's transactions on the worker thread).
 * Each run uses a fresh store; the log stays.  Targets (issue 6):
 * ≤ 10 s end to end, ≥ 50,000 ops/s for the apply step.
 * HOLBOO_BENCH_RUNS overrides the number of runs (default 3),
 * HOLBOO_BENCH_OPS the log's length.  Writing the log through Prosody
 * is the slow part (its SQL archive stores each message in a
 * transaction of its own).
 */

#include "config.h"

#include "bench-store-util.h"
#include "holboo-account-rooms.h"
#include "holboo-account-teamlog-private.h"
#include "holboo-test-server.h"
#include "holboo-xmpp-muc.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

/* HOLBOO_BENCH_OPS overrides the log's length (default 100,000); a
 * tenth of the ops create customers. */
static guint N_OPS = 100000;
#define N_CUSTOMERS (N_OPS / 10)

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
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static HolbooAccount *
account_for (const char *user,
             const char *path)
{
  g_autoptr(HolbooXmppSettings) settings = settings_for (user, "bench");
  g_autoptr(GError) error = NULL;
  HolbooAccount *account = holboo_account_new (settings, path, NULL, &error);
  GAsyncResult *result = NULL;

  g_assert_no_error (error);
  holboo_account_set_catch_up_max_pages (account, 1);
  holboo_account_connect_async (account, NULL, on_done, &result);
  if (!holboo_account_connect_finish (account, wait_result (&result), &error))
    g_error ("%s could not connect: %s", user, error->message);
  g_object_unref (result);
  return account;
}

static char *
customer_uuid (guint i)
{
  return g_strdup_printf ("5a7c0e2d-%04x-4000-8000-%012x", i >> 16, i);
}

/* The i-th op of the log, as a member's Holboo writes it. */
static HolbooXmlNode *
make_op (GRand *rand,
         guint  i)
{
  g_autoptr(HolbooTeamlogOp) op = holboo_teamlog_op_new ();
  guint customer = i < N_CUSTOMERS ? i : (guint) g_rand_int_range (rand, 0, N_CUSTOMERS);
  guint pick = g_rand_int_range (rand, 0, 100);

  op->uuid = holboo_teamlog_uuid_new ();
  op->customer = customer_uuid (customer);
  if (i < N_CUSTOMERS)
    {
      g_autofree char *name = g_strdup_printf ("Харилцагч %u", i);
      g_autofree char *phones = g_strdup_printf ("+9769%07u\n+9768%07u", i, i);
      g_autofree char *email = g_strdup_printf ("client%u@example.mn", i);

      op->kind = HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE;
      holboo_teamlog_op_add_field (op, "name", name);
      holboo_teamlog_op_add_field (op, "company", "Номин ХХК");
      holboo_teamlog_op_add_field (op, "phones", phones);
      holboo_teamlog_op_add_field (op, "emails", email);
    }
  else if (pick < 55)
    {
      g_autofree char *company = g_strdup_printf ("Компани %u", g_rand_int (rand) % 1000);

      op->kind = HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE;
      holboo_teamlog_op_add_field (op, "company", company);
    }
  else if (pick < 83)
    {
      op->kind = HOLBOO_TEAMLOG_OP_NOTE_ADD;
      op->target = holboo_teamlog_uuid_new ();
      op->body = bench_make_body (rand);
    }
  else if (pick < 94)
    {
      op->kind = HOLBOO_TEAMLOG_OP_CALL_LOG;
      op->body = g_strdup ("Incoming call, 3:00");
      op->data = g_strdup ("{\"direction\":\"in\",\"outcome\":\"answered\"}");
      op->at = G_GINT64_CONSTANT (1795400000) * G_USEC_PER_SEC;
    }
  else
    {
      op->kind = HOLBOO_TEAMLOG_OP_TAG_ADD;
      op->target = g_strdup_printf ("tag-%u", g_rand_int (rand) % 20);
    }
  return holboo_teamlog_op_build (op);
}

static void
on_acked (HolbooXmppConnection *connection,
          HolbooXmlNode        *stanza,
          guint                *n_acked)
{
  (*n_acked)++;
}

static gboolean
on_presence (HolbooXmppConnection *connection,
             HolbooXmlNode        *stanza,
             gpointer              user_data)
{
  const char *from = holboo_xml_node_get_attribute (stanza, "from");

  if (g_str_has_suffix (from != NULL ? from : "", "/writer"))
    *(gboolean *) user_data = TRUE;
  return FALSE;
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

static void
fill_log (const char *room)
{
  g_autoptr(HolbooXmppSettings) settings = settings_for ("writer", "desk");
  g_autoptr(HolbooXmppConnection) writer = holboo_xmpp_connection_new (settings);
  g_autoptr(HolbooJid) room_jid = holboo_jid_parse (room, -1, NULL);
  g_autoptr(HolbooXmlNode) join = holboo_xmpp_muc_build_join (room_jid, "writer", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  gint64 start = g_get_monotonic_time ();
  gboolean connected = FALSE, joined = FALSE;
  guint n_acked = 0;

  holboo_xmpp_connection_connect_async (writer, NULL, on_connected, &connected);
  while (!connected)
    g_main_context_iteration (NULL, TRUE);
  holboo_xmpp_connection_add_handler (writer, "presence", NULL, on_presence, &joined, NULL);
  holboo_xmpp_connection_send (writer, join, NULL);
  while (!joined)
    g_main_context_iteration (NULL, TRUE);

  g_signal_connect (writer, "stanza-acked", G_CALLBACK (on_acked), &n_acked);
  for (guint i = 0; i < N_OPS; i++)
    {
      g_autofree char *id = g_uuid_string_random ();
      g_autoptr(HolbooXmlNode) message = holboo_xmpp_muc_build_groupchat (room, id, "Team log entry", NULL);

      holboo_xml_node_append_child (message, make_op (rand, i));
      if (!holboo_xmpp_connection_send (writer, message, NULL))
        g_error ("The writer lost its connection");
      /* Keep a window of unacked stanzas, as a client would. */
      while (i + 1 - n_acked > 500)
        g_main_context_iteration (NULL, TRUE);
      if ((i + 1) % 10000 == 0)
        g_print ("  %u ops written, %.1f s\n", i + 1, (g_get_monotonic_time () - start) / 1e6);
    }
  while (n_acked < N_OPS)
    g_main_context_iteration (NULL, TRUE);

  g_print ("Log filled: %u ops in %.1f s\n", N_OPS, (g_get_monotonic_time () - start) / 1e6);
  holboo_xmpp_connection_disconnect (writer);
}

static gpointer
count_func (HolbooStore  *store,
            gpointer      data,
            GError      **error)
{
  gint64 *n = g_new0 (gint64, 1);

  holboo_store_count_teamlog_ops (store, n, error);
  return n;
}

static void
replay_once (const char *room,
             guint       index,
             double     *seconds,
             double     *apply_rate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("holboo-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "account.db", NULL);
  g_autoptr(HolbooAccount) account = account_for ("reader", path);
  g_autofree gint64 *n = NULL;
  GAsyncResult *result = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  holboo_account_join_team_async (account, room, NULL, on_done, &result);
  if (!holboo_account_join_team_finish (account, wait_result (&result), &error))
    g_error ("Joining the team failed: %s", error->message);
  g_clear_object (&result);
  holboo_account_sync_teamlog_async (account, NULL, on_done, &result);
  if (!holboo_account_sync_teamlog_finish (account, wait_result (&result), &error))
    g_error ("Catching up failed: %s", error->message);
  g_clear_object (&result);
  /* The customers' search rows, written at the end of the catch-up. */
  holboo_account_read_customers_async (account, count_func, NULL, NULL, g_free, NULL, on_done, &result);
  n = holboo_account_read_customers_finish (account, wait_result (&result), &error);
  g_clear_object (&result);
  *seconds = (g_get_monotonic_time () - start) / 1e6;

  g_assert_no_error (error);
  if (*n != N_OPS)
    g_error ("Run %u replayed %" G_GINT64_FORMAT " ops, expected %u", index, *n, N_OPS);
  *apply_rate = N_OPS / (account->teamlog->apply_us / 1e6);
  g_print ("run %u: %u ops replayed in %.2f s (%.0f ops/s); apply step %.2f s (%.0f ops/s), %u batches\n",
           index + 1, N_OPS, *seconds, N_OPS / *seconds, account->teamlog->apply_us / 1e6, *apply_rate,
           account->teamlog->n_batches);

  g_clear_object (&account);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  HolbooTestServerKind kind = HOLBOO_TEST_SERVER_KIND_PROSODY;
  const char *users[] = { "boss", "writer", "reader" };
  g_autofree char *ca_file = NULL;
  g_autofree char *room = NULL;
  g_autofree char *writer = NULL;
  g_autofree char *reader = NULL;
  g_autoptr(GError) error = NULL;
  const char *runs_text = g_getenv ("HOLBOO_BENCH_RUNS");
  const char *ops_text = g_getenv ("HOLBOO_BENCH_OPS");
  guint runs = MAX (runs_text != NULL ? (guint) atoi (runs_text) : 3, 1);
  g_autofree double *times = g_new (double, runs);
  g_autofree double *rates = g_new (double, runs);
  g_autofree char *boss_dir = NULL;
  g_autofree char *boss_path = NULL;
  g_autoptr(HolbooAccount) boss = NULL;

  setlocale (LC_ALL, "");
  if (ops_text != NULL && atoi (ops_text) >= 10)
    N_OPS = (guint) atoi (ops_text);
  if (argc > 1 && g_strcmp0 (argv[1], "ejabberd") == 0)
    kind = HOLBOO_TEST_SERVER_KIND_EJABBERD;

  server = holboo_test_server_new (kind, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      g_autofree char *password = g_strconcat (users[i], "-pass", NULL);

      holboo_test_server_add_account (server, users[i], password, &error);
      g_assert_no_error (error);
    }
  if (!holboo_test_server_start (server, &error))
    g_error ("Could not start the test server: %s", error->message);
  ca_file = holboo_test_server_dup_ca_file (server);
  database = g_tls_file_database_new (ca_file, &error);
  g_assert_no_error (error);

  room = g_strdup_printf ("team@%s", holboo_test_server_get_muc_service (server));
  writer = g_strdup_printf ("writer@%s", holboo_test_server_get_domain (server));
  reader = g_strdup_printf ("reader@%s", holboo_test_server_get_domain (server));
  boss_dir = g_dir_make_tmp ("holboo-bench-XXXXXX", &error);
  boss_path = g_build_filename (boss_dir, "boss.db", NULL);
  boss = account_for ("boss", boss_path);
  {
    const char *members[] = { writer, reader, NULL };
    GAsyncResult *result = NULL;

    holboo_account_create_team_async (boss, room, "Bench", members, NULL, on_done, &result);
    if (!holboo_account_create_team_finish (boss, wait_result (&result), &error))
      g_error ("Creating the team failed: %s", error->message);
    g_object_unref (result);
  }
  /* The manager leaves the room (it stays: persistent); only the reader
   * reads. */
  holboo_account_disconnect (boss);

  g_print ("Replay of a team log of %u ops into an empty database, %s (targets: ≤ 10 s end to end, "
           "≥ 50,000 ops/s apply):\n", N_OPS, kind == HOLBOO_TEST_SERVER_KIND_EJABBERD ? "ejabberd" : "Prosody");
  fill_log (room);

  for (guint i = 0; i < runs; i++)
    replay_once (room, i, &times[i], &rates[i]);
  g_print ("teamlog replay, median of %u: %.2f s end to end (%.0f ops/s), apply step %.0f ops/s\n", runs,
           bench_median (times, runs), N_OPS / bench_median (times, runs), bench_median (rates, runs));

  g_clear_object (&database);
  holboo_test_server_stop (server, &error);
  g_assert_no_error (error);
  g_clear_object (&server);
  return 0;
}
