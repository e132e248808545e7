/* core-live-util.c: helpers for the message pipeline's tests against the
 * harness's real Prosody or ejabberd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core-live-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

static void
on_message_added (HolbooAccount       *account,
                  gint64               conversation_id,
                  gint64               message_id,
                  HolbooStoredMessage *message,
                  LiveAccount         *live)
{
  if (message->direction == HOLBOO_MESSAGE_INCOMING)
    live->added_in++;
  else
    live->added_out++;
}

static void
on_synced (HolbooAccount *account,
           guint          n_new,
           LiveAccount   *live)
{
  live->synced++;
  live->last_synced_new = n_new;
}

static void
on_session_started (HolbooXmppConnection *connection,
                    gboolean              resumed,
                    LiveAccount          *live)
{
  live->sessions++;
  live->resumed += resumed;
}

static void
on_session_lost (HolbooXmppConnection *connection,
                 GPtrArray            *unacked,
                 LiveAccount          *live)
{
  live->lost++;
}

LiveAccount *
live_account_new (const char              *user,
                  const char              *resource,
                  HolbooXmppTransportKind  kind,
                  const char              *path)
{
  g_autoptr(HolbooXmppSettings) settings = live_settings (user, kind);
  g_autoptr(GError) error = NULL;
  LiveAccount *live = g_new0 (LiveAccount, 1);

  live->user = g_strdup (user);
  if (path == NULL)
    {
      live->dir = g_dir_make_tmp ("holboo-core-XXXXXX", &error);
      g_assert_no_error (error);
      live->path = g_build_filename (live->dir, "account.db", NULL);
    }
  else
    {
      live->dir = g_path_get_dirname (path);
      live->path = g_strdup (path);
    }

  if (resource != NULL)
    holboo_xmpp_settings_set_resource (settings, resource);
  live->account = holboo_account_new (settings, live->path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (live->account);

  g_signal_connect (live->account, "message-added", G_CALLBACK (on_message_added), live);
  g_signal_connect (live->account, "synced", G_CALLBACK (on_synced), live);
  g_signal_connect (holboo_account_get_connection (live->account), "session-started",
                    G_CALLBACK (on_session_started), live);
  g_signal_connect (holboo_account_get_connection (live->account), "session-lost",
                    G_CALLBACK (on_session_lost), live);
  return live;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (dir);
}

char *
live_account_free (LiveAccount *live,
                   gboolean     keep_store)
{
  char *kept = NULL;

  g_signal_handlers_disconnect_by_data (holboo_account_get_connection (live->account), live);
  g_signal_handlers_disconnect_by_data (live->account, live);
  g_clear_object (&live->account);

  if (keep_store)
    kept = g_strdup (live->path);
  else
    remove_tree (live->dir);

  g_free (live->user);
  g_free (live->dir);
  g_free (live->path);
  g_free (live);
  return kept;
}

const char *
live_account_jid (LiveAccount *live)
{
  return holboo_account_get_jid (live->account);
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

typedef struct {
  LiveAccount *live;
  guint        synced;
} SyncWait;

static gboolean
synced_once_more (gpointer data)
{
  SyncWait *wait = data;

  return wait->live->synced > wait->synced;
}

void
live_account_connect (LiveAccount *live)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  SyncWait wait = { live, live->synced };

  holboo_account_connect_async (live->account, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  holboo_account_connect_finish (live->account, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);

  g_assert_true (live_wait (synced_once_more, &wait, 60000));
}

void
live_account_flush (LiveAccount *live)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_flush_async (live->account, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  g_assert_true (holboo_account_flush_finish (live->account, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

GPtrArray *
live_account_messages (LiveAccount *live,
                       const char  *peer)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *messages;

  holboo_account_load_messages_async (live->account, peer, NULL, 1000000, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, 60000));
  messages = holboo_account_load_messages_finish (live->account, result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return messages;
}

guint
count_direction (GPtrArray              *messages,
                 HolbooMessageDirection  direction)
{
  guint n = 0;

  for (guint i = 0; i < messages->len; i++)
    n += ((HolbooStoredMessage *) messages->pdata[i])->direction == direction;
  return n;
}

guint
count_body (GPtrArray  *messages,
            const char *body)
{
  guint n = 0;

  for (guint i = 0; i < messages->len; i++)
    n += g_strcmp0 (((HolbooStoredMessage *) messages->pdata[i])->body, body) == 0;
  return n;
}

gboolean
live_account_wait_count (LiveAccount            *live,
                         const char             *peer,
                         HolbooMessageDirection  direction,
                         guint                   n,
                         guint                   timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint have = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) messages = live_account_messages (live, peer);

      have = count_direction (messages, direction);
      if (have >= n)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        break;
      live_sleep (100);
    }

  g_test_message ("%s: %u of %u %s messages with %s", live->user, have, n,
                  direction == HOLBOO_MESSAGE_INCOMING ? "incoming" : "outgoing", peer);
  return FALSE;
}

gboolean
live_account_wait_state (LiveAccount        *live,
                         const char         *peer,
                         HolbooMessageState  state,
                         guint               timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint behind = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) messages = live_account_messages (live, peer);

      behind = 0;
      for (guint i = 0; i < messages->len; i++)
        {
          HolbooStoredMessage *m = messages->pdata[i];

          if (m->direction == HOLBOO_MESSAGE_OUTGOING && m->state < state)
            behind++;
        }
      if (behind == 0)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        break;
      live_sleep (100);
    }

  g_test_message ("%s: %u outgoing messages to %s not yet in state %d", live->user, behind, peer, state);
  return FALSE;
}

void
assert_exactly_once (GPtrArray              *messages,
                     HolbooMessageDirection  direction,
                     const char             *prefix,
                     guint                   n,
                     gboolean                ordered)
{
  guint inversions = 0;
  g_autoptr(GHashTable) origin_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *seen = g_new0 (guint, n);
  gsize prefix_len = strlen (prefix);
  gint64 last = -1;
  guint count = 0;

  for (guint i = 0; i < messages->len; i++)
    {
      HolbooStoredMessage *m = messages->pdata[i];
      guint64 index;
      char *end;

      if (m->direction != direction || !g_str_has_prefix (m->body, prefix) || m->body[prefix_len] != ' ')
        continue;

      index = g_ascii_strtoull (m->body + prefix_len + 1, &end, 10);
      g_assert_cmpint (*end, ==, '\0');
      g_assert_cmpuint (index, <, n);
      seen[index]++;
      if ((gint64) index <= last)
        {
          if (ordered)
            g_error ("“%s” is stored after “%s %" G_GINT64_FORMAT "”: out of order", m->body, prefix, last);
          inversions++;
        }
      last = index;
      count++;

      g_assert_nonnull (m->origin_id);
      g_assert_false (g_hash_table_contains (origin_ids, m->origin_id));
      g_hash_table_add (origin_ids, m->origin_id);
    }

  for (guint i = 0; i < n; i++)
    if (seen[i] != 1)
      g_error ("“%s %u” is stored %u times", prefix, i, seen[i]);
  g_assert_cmpuint (count, ==, n);
  if (inversions > 0)
    g_test_message ("“%s …”: %u stored out of order (the server delivered them so)", prefix, inversions);
}

void
assert_store_intact (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check;", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}
