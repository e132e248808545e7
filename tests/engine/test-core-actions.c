/* test-core-actions.c: message actions through HolbooAccount against a
 * real Prosody or ejabberd — edits, deletions for everyone, reactions,
 * replies, read markers synced across devices, chat states, drafts —
 * live, by carbons and by MAM catch-up (where actions come before their
 * messages); forged actions dropped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson registers
 * both.  Each case has accounts of its own.
 */

#include "config.h"

#include "core-live-util.h"
#include "holboo-xml-stream.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

static const char * const accounts[] = {
  "ann1", "bat1", "eve1", "ann2", "bat2", "ann3", "bat3", NULL
};

/* What an account reported, for waiting on it. */
typedef struct {
  LiveAccount         *live;
  guint                changes;   /* message-added, message-updated, conversation-updated */
  guint                conversation_updates;
  char                *chat_peer;
  HolbooXmppChatState  chat_state;
  guint                chat_states;
} Watch;

static void
on_changed (HolbooAccount *account,
            gint64         conversation_id,
            gint64         message_id,
            gpointer       message,
            Watch         *watch)
{
  watch->changes++;
}

static void
on_conversation_updated (HolbooAccount            *account,
                         gint64                    conversation_id,
                         HolbooStoredConversation *conversation,
                         Watch                    *watch)
{
  watch->changes++;
  watch->conversation_updates++;
}

static void
on_chat_state (HolbooAccount *account,
               const char    *peer,
               int            state,
               Watch         *watch)
{
  g_free (watch->chat_peer);
  watch->chat_peer = g_strdup (peer);
  watch->chat_state = state;
  watch->chat_states++;
}

static Watch *
watch_new (LiveAccount *live)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->live = live;
  g_signal_connect (live->account, "message-added", G_CALLBACK (on_changed), watch);
  g_signal_connect (live->account, "message-updated", G_CALLBACK (on_changed), watch);
  g_signal_connect (live->account, "conversation-updated", G_CALLBACK (on_conversation_updated), watch);
  g_signal_connect (live->account, "chat-state-changed", G_CALLBACK (on_chat_state), watch);
  return watch;
}

static void
watch_free (Watch *watch)
{
  g_signal_handlers_disconnect_by_data (watch->live->account, watch);
  g_free (watch->chat_peer);
  g_free (watch);
}

typedef gboolean (*RowsCheck) (GPtrArray *rows, gpointer data);

typedef struct {
  Watch *watch;
  guint  seen;
} ChangeWait;

static gboolean
changed (gpointer data)
{
  ChangeWait *wait = data;

  return wait->watch->changes != wait->seen;
}

/* Waits until @check holds for the stored conversation with @peer,
 * looking again after each change the account reports. */
static gboolean
wait_rows (Watch         *watch,
           const char    *peer,
           RowsCheck      check,
           gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  for (;;)
    {
      ChangeWait wait = { watch, watch->changes };
      g_autoptr(GPtrArray) rows = live_account_messages (watch->live, peer);

      if (check (rows, (gpointer) data))
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (wait.seen == watch->changes)
        live_wait (changed, &wait, 2000);
    }
}

static HolbooStoredMessage *
find_origin (GPtrArray  *rows,
             const char *origin_id)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((HolbooStoredMessage *) rows->pdata[i])->origin_id, origin_id) == 0)
      return rows->pdata[i];
  return NULL;
}

static HolbooStoredMessage *
find_body (GPtrArray  *rows,
           const char *body)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((HolbooStoredMessage *) rows->pdata[i])->body, body) == 0)
      return rows->pdata[i];
  return NULL;
}

typedef struct {
  const char *origin_id;
  const char *body;
} BodyIs;

static gboolean
body_is (GPtrArray *rows,
         gpointer   data)
{
  BodyIs *want = data;
  HolbooStoredMessage *m = find_origin (rows, want->origin_id);

  return m != NULL && g_strcmp0 (m->body, want->body) == 0;
}

static gboolean
is_retracted (GPtrArray *rows,
              gpointer   data)
{
  HolbooStoredMessage *m = find_origin (rows, data);

  return m != NULL && m->retracted;
}

static gboolean
has_reactions (GPtrArray *rows,
               gpointer   data)
{
  HolbooStoredMessage *m = find_origin (rows, data);

  return m != NULL && m->reactions != NULL;
}

static gboolean
has_body (GPtrArray *rows,
          gpointer   data)
{
  return find_body (rows, data) != NULL;
}

static gboolean
all_outgoing_read (GPtrArray *rows,
                   gpointer   data)
{
  for (guint i = 0; i < rows->len; i++)
    {
      HolbooStoredMessage *m = rows->pdata[i];

      if (m->direction == HOLBOO_MESSAGE_OUTGOING && m->state != HOLBOO_MESSAGE_STATE_READ)
        return FALSE;
    }
  return rows->len > 0;
}

static HolbooStoredMessage *
stored (LiveAccount *live,
        const char  *peer,
        const char  *origin_id)
{
  g_autoptr(GPtrArray) rows = live_account_messages (live, peer);
  HolbooStoredMessage *m = find_origin (rows, origin_id);

  g_assert_nonnull (m);
  return holboo_stored_message_ref (m);
}

static char *
send (LiveAccount *from,
      LiveAccount *to,
      const char  *body)
{
  g_autoptr(GError) error = NULL;
  char *origin_id = holboo_account_send_message (from->account, live_account_jid (to), body, &error);

  g_assert_no_error (error);
  return origin_id;
}

static void
on_async_result (GObject      *source,
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

static HolbooStoredConversation *
conversation (LiveAccount *live,
              const char  *peer)
{
  GAsyncResult *result = NULL;
  g_autoptr(GPtrArray) convs = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_list_conversations_async (live->account, NULL, on_async_result, &result);
  g_assert_true (live_wait (result_ready, &result, 20000));
  convs = holboo_account_list_conversations_finish (live->account, result, &error);
  g_object_unref (result);
  g_assert_no_error (error);
  for (guint i = 0; i < convs->len; i++)
    if (g_str_equal (((HolbooStoredConversation *) convs->pdata[i])->peer, peer))
      return holboo_stored_conversation_ref (convs->pdata[i]);
  return NULL;
}

static gint64
raw_count (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
send_raw (HolbooXmppConnection *connection,
          const char           *xml)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooXmlNode) stanza = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);

  g_assert_no_error (error);
  holboo_xmpp_connection_send (connection, stanza, &error);
  g_assert_no_error (error);
}

typedef struct {
  Watch               *watch;
  HolbooXmppChatState  state;
} StateWait;

static gboolean
chat_state_is (gpointer data)
{
  StateWait *wait = data;

  return wait->watch->chat_state == wait->state;
}

/* Two people, bat on two devices: every action live, by carbon, and
 * forged ones dropped. */
static void
test_live (void)
{
  LiveAccount *ann = live_account_new ("ann1", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *phone = live_account_new ("bat1", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *laptop = live_account_new ("bat1", "laptop", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooXmppConnection) eve = live_connection ("eve1", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  Watch *w_ann = watch_new (ann), *w_phone = watch_new (phone), *w_laptop = watch_new (laptop);
  g_autofree char *first = NULL, *secret = NULL, *third = NULL, *reply = NULL, *sync = NULL;
  g_autoptr(HolbooStoredMessage) m = NULL;
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *xml = NULL;
  const char * const thumbs[] = { "👍", NULL };
  const char *A, *B;
  BodyIs edited;
  StateWait sw = { w_phone, HOLBOO_XMPP_CHAT_STATE_COMPOSING };

  live_account_connect (ann);
  live_account_connect (phone);
  live_account_connect (laptop);
  live_connect_ok (eve);
  A = live_account_jid (ann);
  B = live_account_jid (phone);

  first = send (ann, phone, "Уулзалт 10 цагт");
  secret = send (ann, phone, "Нууц код 4711");
  g_assert_true (live_account_wait_count (phone, A, HOLBOO_MESSAGE_INCOMING, 2, 20000));
  g_assert_true (live_account_wait_count (laptop, A, HOLBOO_MESSAGE_INCOMING, 2, 20000));
  g_assert_true (live_account_wait_state (ann, B, HOLBOO_MESSAGE_STATE_ACKED, 20000));

  /* Edit: the row keeps its identity, everywhere. */
  m = stored (ann, B, first);
  g_assert_true (holboo_account_edit_message (ann->account, m, "Уулзалт 11 цагт", &error));
  g_assert_no_error (error);
  edited = (BodyIs) { first, "Уулзалт 11 цагт" };
  g_assert_true (wait_rows (w_phone, A, body_is, &edited));
  g_assert_true (wait_rows (w_laptop, A, body_is, &edited));
  g_assert_true (wait_rows (w_ann, B, body_is, &edited));
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = stored (phone, A, first);
  g_assert_cmpint (m->edited_at, !=, 0);
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* Only one's own messages can be edited or deleted. */
  m = stored (phone, A, first);
  g_assert_false (holboo_account_edit_message (phone->account, m, "mine now", &error));
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE);
  g_clear_error (&error);
  g_assert_false (holboo_account_retract_message (phone->account, m, &error));
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_INVALID_MESSAGE);
  g_clear_error (&error);

  /* A reaction from the phone: the laptop has it as ours, ann as bat's. */
  g_assert_true (holboo_account_react (phone->account, m, thumbs, &error));
  g_assert_no_error (error);
  g_assert_true (wait_rows (w_ann, B, has_reactions, first));
  g_assert_true (wait_rows (w_laptop, A, has_reactions, first));
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = stored (ann, B, first);
  g_assert_cmpuint (m->reactions->len, ==, 1);
  g_assert_cmpstr (((HolbooReaction *) m->reactions->pdata[0])->emoji, ==, "👍");
  g_assert_false (((HolbooReaction *) m->reactions->pdata[0])->own);
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = stored (laptop, A, first);
  g_assert_true (((HolbooReaction *) m->reactions->pdata[0])->own);

  /* A reply from the laptop, quoting the edited text. */
  reply = holboo_account_send_reply (laptop->account, A, "Болно, 11 цагт", m, &error);
  g_assert_no_error (error);
  g_assert_true (wait_rows (w_ann, B, has_body, "Болно, 11 цагт"));
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = stored (ann, B, reply);
  g_assert_cmpstr (m->reply_to_id, ==, first);
  g_assert_cmpstr (m->reply_to_jid, ==, A);
  g_assert_cmpstr (m->reply_preview, ==, "Уулзалт 11 цагт");
  g_assert_cmpint (m->reply_to_row, !=, 0);
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* Delete for everyone: tombstones. */
  m = stored (ann, B, secret);
  g_assert_true (holboo_account_retract_message (ann->account, m, &error));
  g_assert_no_error (error);
  g_assert_true (wait_rows (w_phone, A, is_retracted, secret));
  g_assert_true (wait_rows (w_laptop, A, is_retracted, secret));
  g_assert_true (wait_rows (w_ann, B, is_retracted, secret));
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = stored (phone, A, secret);
  g_assert_cmpstr (m->body, ==, "");
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* Read markers: the phone reads ann's newest; ann sees hers read, the
   * laptop's unread count follows the phone's. */
  third = send (ann, phone, "Гурав дахь");
  g_assert_true (live_account_wait_count (laptop, A, HOLBOO_MESSAGE_INCOMING, 3, 20000));
  g_assert_true (live_account_wait_count (phone, A, HOLBOO_MESSAGE_INCOMING, 3, 20000));
  conv = conversation (laptop, A);
  g_assert_cmpuint (conv->unread, ==, 1);
  g_clear_pointer (&conv, holboo_stored_conversation_unref);
  m = stored (phone, A, third);
  g_assert_true (m->markable);
  holboo_account_mark_displayed (phone->account, m);
  g_assert_true (wait_rows (w_ann, B, all_outgoing_read, NULL));
  {
    ChangeWait wait = { w_laptop, 0 };

    while ((conv = conversation (laptop, A)) != NULL && conv->unread != 0)
      {
        g_clear_pointer (&conv, holboo_stored_conversation_unref);
        wait.seen = w_laptop->changes;
        g_assert_true (live_wait (changed, &wait, 20000));
      }
  }
  g_assert_cmpuint (w_laptop->conversation_updates, >, 0);
  g_clear_pointer (&conv, holboo_stored_conversation_unref);
  conv = conversation (phone, A);
  g_assert_cmpuint (conv->unread, ==, 0);
  g_clear_pointer (&conv, holboo_stored_conversation_unref);
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* Chat states: composing, then (nothing more) paused by the timeout;
   * the same state twice is sent once. */
  holboo_account_set_chat_state_timeout (phone->account, 300);
  g_assert_true (holboo_account_send_chat_state (ann->account, B, HOLBOO_XMPP_CHAT_STATE_COMPOSING));
  g_assert_false (holboo_account_send_chat_state (ann->account, B, HOLBOO_XMPP_CHAT_STATE_COMPOSING));
  g_assert_true (live_wait (chat_state_is, &sw, 20000));
  g_assert_cmpstr (w_phone->chat_peer, ==, A);
  g_assert_cmpint (holboo_account_get_chat_state (phone->account, A), ==, HOLBOO_XMPP_CHAT_STATE_COMPOSING);
  sw.state = HOLBOO_XMPP_CHAT_STATE_PAUSED;
  g_assert_true (live_wait (chat_state_is, &sw, 20000));

  /* Forged: eve names ann's messages from her own conversation; a carbon
   * from eve claims bat retracted and ann corrected; ann "corrects" and
   * "retracts" bat's reply, and marks her own message displayed. */
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat' id='f1'><body>forged</body>"
                         "<replace xmlns='urn:xmpp:message-correct:0' id='%s'/></message>", B, first);
  send_raw (eve, xml);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat' id='f2'>"
                         "<retract xmlns='urn:xmpp:message-retract:1' id='%s'/><body>x</body></message>", B, first);
  send_raw (eve, xml);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat'>"
                         "<received xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                         "<message xmlns='jabber:client' from='%s/desk' to='%s/phone' type='chat' id='f3'>"
                         "<body>forged carbon</body><replace xmlns='urn:xmpp:message-correct:0' id='%s'/>"
                         "</message></forwarded></received></message>", B, A, B, first);
  send_raw (eve, xml);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat'>"
                         "<sent xmlns='urn:xmpp:carbons:2'><forwarded xmlns='urn:xmpp:forward:0'>"
                         "<message xmlns='jabber:client' from='%s/phone' to='%s' type='chat' id='f4'>"
                         "<retract xmlns='urn:xmpp:message-retract:1' id='%s'/><body>x</body>"
                         "</message></forwarded></sent></message>", B, B, A, reply);
  send_raw (eve, xml);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat' id='f5'><body>not yours</body>"
                         "<replace xmlns='urn:xmpp:message-correct:0' id='%s'/></message>", B, reply);
  send_raw (holboo_account_get_connection (ann->account), xml);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat' id='f6'><body>x</body>"
                         "<retract xmlns='urn:xmpp:message-retract:1' id='%s'/></message>", B, reply);
  send_raw (holboo_account_get_connection (ann->account), xml);
  g_free (xml);
  xml = g_strdup_printf ("<message xmlns='jabber:client' to='%s' type='chat' id='f7'>"
                         "<displayed xmlns='urn:xmpp:chat-markers:0' id='%s'/></message>", B, reply);
  send_raw (eve, xml);
  /* Then an honest message, after which the others have arrived. */
  sync = send (ann, phone, "sync");
  g_assert_true (wait_rows (w_phone, A, has_body, "sync"));
  g_assert_true (wait_rows (w_laptop, A, has_body, "sync"));
  live_account_flush (phone);
  live_account_flush (laptop);

  for (guint i = 0; i < 2; i++)
    {
      LiveAccount *device = i == 0 ? phone : laptop;

      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = live_account_messages (device, A);
      g_assert_cmpstr (find_origin (rows, first)->body, ==, "Уулзалт 11 цагт");
      g_assert_false (find_origin (rows, first)->retracted);
      g_assert_cmpstr (find_origin (rows, reply)->body, ==, "Болно, 11 цагт");
      g_assert_false (find_origin (rows, reply)->retracted);
      g_assert_cmpint (find_origin (rows, reply)->edited_at, ==, 0);
      g_assert_null (find_body (rows, "forged"));
      g_assert_null (find_body (rows, "forged carbon"));
      g_assert_null (find_body (rows, "not yours"));
      g_assert_cmpuint (rows->len, ==, 5);
    }

  watch_free (w_ann);
  watch_free (w_phone);
  watch_free (w_laptop);
  holboo_xmpp_connection_disconnect (eve);
  live_account_free (ann, FALSE);
  live_account_free (laptop, FALSE);
  {
    g_autofree char *path = live_account_free (phone, TRUE);
    g_autoptr(HolbooStore) store = holboo_store_new (path, NULL, &error);
    g_autoptr(GPtrArray) found = NULL;

    g_assert_no_error (error);
    /* The search index follows edits and deletions. */
    found = holboo_store_search_messages (store, "11", 0, 10, &error);
    g_assert_cmpuint (found->len, ==, 2);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = holboo_store_search_messages (store, "10", 0, 10, &error);
    g_assert_cmpuint (found->len, ==, 0);
    g_clear_pointer (&found, g_ptr_array_unref);
    found = holboo_store_search_messages (store, "4711", 0, 10, &error);
    g_assert_cmpuint (found->len, ==, 0);
    g_clear_object (&store);
    assert_store_intact (path);
  }
}

/* A device that was not there catches up by MAM, newest first in pages
 * of two: corrections, a retraction, a reaction and a displayed marker
 * come before the messages they act on. */
static void
test_catch_up (void)
{
  LiveAccount *ann = live_account_new ("ann2", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *phone = live_account_new ("bat2", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *tablet = NULL;
  Watch *w_phone = watch_new (phone), *w_ann = watch_new (ann);
  g_autofree char *m0 = NULL, *m1 = NULL, *m2 = NULL, *path = NULL;
  g_autoptr(HolbooStoredMessage) m = NULL;
  g_autoptr(HolbooStoredConversation) conv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char * const party[] = { "🎉", NULL };
  const char *A, *B;
  BodyIs edited;

  live_account_connect (ann);
  live_account_connect (phone);
  A = live_account_jid (ann);
  B = live_account_jid (phone);

  m0 = send (ann, phone, "Гэрээ v0");
  m1 = send (ann, phone, "Устгах");
  m2 = send (ann, phone, "Баяр");
  g_assert_true (live_account_wait_count (phone, A, HOLBOO_MESSAGE_INCOMING, 3, 20000));
  g_assert_true (live_account_wait_state (ann, B, HOLBOO_MESSAGE_STATE_ACKED, 20000));

  m = stored (ann, B, m0);
  g_assert_true (holboo_account_edit_message (ann->account, m, "Гэрээ v1", &error));
  edited = (BodyIs) { m0, "Гэрээ v1" };
  g_assert_true (wait_rows (w_phone, A, body_is, &edited));
  g_assert_true (holboo_account_edit_message (ann->account, m, "Гэрээ v2", &error));
  edited = (BodyIs) { m0, "Гэрээ v2" };
  g_assert_true (wait_rows (w_phone, A, body_is, &edited));
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = stored (ann, B, m1);
  g_assert_true (holboo_account_retract_message (ann->account, m, &error));
  g_assert_true (wait_rows (w_phone, A, is_retracted, m1));
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = stored (phone, A, m2);
  g_assert_true (holboo_account_react (phone->account, m, party, &error));
  g_assert_true (wait_rows (w_ann, B, has_reactions, m2));
  holboo_account_mark_displayed (phone->account, m);
  g_assert_true (wait_rows (w_ann, B, all_outgoing_read, NULL));
  g_assert_no_error (error);
  g_clear_pointer (&m, holboo_stored_message_unref);

  /* The new device, with nothing stored. */
  tablet = live_account_new ("bat2", "tablet", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  holboo_account_set_mam_page_size (tablet->account, 2);
  holboo_account_set_catch_up_max_pages (tablet->account, 0);
  live_account_connect (tablet);
  live_account_flush (tablet);

  rows = live_account_messages (tablet, A);
  g_assert_cmpuint (rows->len, ==, 3);
  m = holboo_stored_message_ref (find_origin (rows, m0));
  g_assert_cmpstr (m->body, ==, "Гэрээ v2");
  g_assert_cmpint (m->edited_at, !=, 0);
  g_assert_true (find_origin (rows, m1)->retracted);
  g_assert_cmpstr (find_origin (rows, m1)->body, ==, "");
  g_assert_nonnull (find_origin (rows, m2)->reactions);
  g_assert_true (((HolbooReaction *) find_origin (rows, m2)->reactions->pdata[0])->own);
  g_assert_true (find_origin (rows, m2)->read);
  conv = conversation (tablet, A);
  g_assert_cmpuint (conv->unread, ==, 0);

  watch_free (w_phone);
  watch_free (w_ann);
  live_account_free (ann, FALSE);
  live_account_free (phone, FALSE);
  path = live_account_free (tablet, TRUE);
  g_assert_cmpint (raw_count (path, "SELECT count(*) FROM pending_actions"), ==, 0);
  g_assert_cmpint (raw_count (path, "SELECT count(*) FROM messages WHERE body LIKE '%Устгах%'"), ==, 0);
  assert_store_intact (path);
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
}

/* Drafts survive the account closing; a reply typed offline waits in
 * the outbox with its quote, and arrives as a reply. */
static void
test_drafts_and_offline_reply (void)
{
  LiveAccount *ann = live_account_new ("ann3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bat = live_account_new ("bat3", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  Watch *w_ann = NULL;
  g_autofree char *path = NULL, *q = NULL, *reply = NULL;
  g_autoptr(HolbooStoredMessage) m = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  char *draft;

  live_account_connect (ann);
  live_account_connect (bat);
  q = send (ann, bat, "Үнийн санал хэзээ ирэх вэ?");
  g_assert_true (live_account_wait_count (bat, live_account_jid (ann), HOLBOO_MESSAGE_INCOMING, 1, 20000));

  holboo_account_save_draft (bat->account, live_account_jid (ann), "Маргааш ");
  holboo_account_save_draft (bat->account, live_account_jid (ann), "Маргааш өглөө");
  m = stored (bat, live_account_jid (ann), q);
  holboo_account_disconnect (bat->account);
  reply = holboo_account_send_reply (bat->account, live_account_jid (ann), "Маргааш өглөө", m, &error);
  g_assert_no_error (error);
  /* Actions need a session. */
  g_assert_false (holboo_account_react (bat->account, m, (const char * const[]) { "👍", NULL }, &error));
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_NOT_CONNECTED);
  g_clear_error (&error);
  path = live_account_free (bat, TRUE);

  bat = live_account_new ("bat3", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, path);
  holboo_account_load_draft_async (bat->account, live_account_jid (ann), NULL, on_async_result, &result);
  g_assert_true (live_wait (result_ready, &result, 20000));
  draft = holboo_account_load_draft_finish (bat->account, result, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpstr (draft, ==, "Маргааш өглөө");
  g_free (draft);

  w_ann = watch_new (ann);
  live_account_connect (bat);
  g_assert_true (wait_rows (w_ann, live_account_jid (bat), has_body, "Маргааш өглөө"));
  g_clear_pointer (&m, holboo_stored_message_unref);
  m = stored (ann, live_account_jid (bat), reply);
  g_assert_cmpstr (m->reply_to_id, ==, q);
  g_assert_cmpstr (m->reply_preview, ==, "Үнийн санал хэзээ ирэх вэ?");

  holboo_account_save_draft (bat->account, live_account_jid (ann), NULL);
  holboo_account_load_draft_async (bat->account, live_account_jid (ann), NULL, on_async_result, &result);
  g_assert_true (live_wait (result_ready, &result, 20000));
  draft = holboo_account_load_draft_finish (bat->account, result, &error);
  g_clear_object (&result);
  g_assert_null (draft);

  watch_free (w_ann);
  live_account_free (ann, FALSE);
  live_account_free (bat, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/actions/live", test_live);
  g_test_add_func ("/core/actions/catch-up", test_catch_up);
  g_test_add_func ("/core/actions/drafts-and-offline-reply", test_drafts_and_offline_reply);

  status = g_test_run ();
  live_stop ();
  return status;
}
