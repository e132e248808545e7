/* test-store-attachments.c: files stored with their messages — an
 * upload waits outside the outbox, survives a reopen, finishes into the
 * body; bad attachments are refused with their message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-store-attachments"

#include "config.h"

#include "store-message-util.h"

#define T0 G_GINT64_CONSTANT (1700000000000000)

static HolbooStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HolbooStore *store = holboo_store_new (f->path, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static HolbooStoredMessage *
file_message (const char *name,
              gint64      ts)
{
  HolbooStoredMessage *m = holboo_stored_message_new ();
  HolbooStoredAttachment *a = holboo_stored_attachment_new ();

  m->peer = g_strdup (PEER);
  m->kind = HOLBOO_CONVERSATION_CHAT;
  m->direction = HOLBOO_MESSAGE_OUTGOING;
  m->state = HOLBOO_MESSAGE_STATE_PENDING;
  m->from_jid = g_strdup (ACCOUNT);
  m->to_jid = g_strdup (PEER);
  m->body = g_strdup (name);
  m->timestamp = ts;
  m->origin_id = g_uuid_string_random ();
  m->message_id = g_strdup (m->origin_id);
  a->state = HOLBOO_ATTACHMENT_STATE_UPLOADING;
  a->name = g_strdup (name);
  a->local_path = g_build_filename ("/home/bold", name, NULL);
  a->size = 1234;
  a->mime = g_strdup ("image/png");
  a->description = g_strdup ("Шинэ оффис");
  m->attachment = a;
  return m;
}

static GPtrArray *
outbox (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = holboo_store_outbox_list (store, &error);

  g_assert_no_error (error);
  return list;
}

static void
test_upload_lifecycle (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredMessage) file = file_message ("office.png", T0);
  g_autoptr(HolbooStoredMessage) text = make_message (HOLBOO_MESSAGE_OUTGOING, PEER, "after the file", T0 + 1);
  gint64 file_id, text_id;

  {
    g_autoptr(HolbooStore) store = open_store (f);
    g_autoptr(GPtrArray) list = NULL;
    g_autoptr(GPtrArray) uploads = NULL;

    text->state = HOLBOO_MESSAGE_STATE_PENDING;
    set_ids (text, NULL, "text-origin");
    g_assert_cmpint (insert_one (store, file, &file_id), ==, HOLBOO_INSERT_NEW);
    g_assert_cmpint (insert_one (store, text, &text_id), ==, HOLBOO_INSERT_NEW);

    /* The text goes; the file's message waits for its URL. */
    list = outbox (store);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpint (((HolbooStoredMessage *) list->pdata[0])->id, ==, text_id);

    uploads = holboo_store_list_uploads (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (uploads->len, ==, 1);
    g_assert_cmpint (((HolbooStoredMessage *) uploads->pdata[0])->id, ==, file_id);
  }

  /* A quit: everything is still there. */
  {
    g_autoptr(HolbooStore) store = open_store (f);
    g_autoptr(HolbooStoredMessage) m = holboo_store_get_message (store, file_id, &error);
    g_autoptr(HolbooStoredMessage) failed = NULL;
    g_autoptr(HolbooStoredMessage) retried = NULL;
    g_autoptr(HolbooStoredMessage) sent = NULL;
    g_autoptr(HolbooStoredAttachment) a = NULL;
    g_autoptr(GPtrArray) list = NULL;
    g_autoptr(GPtrArray) uploads = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (m->attachment);
    g_assert_cmpint (m->attachment->message_id, ==, file_id);
    g_assert_cmpstr (m->attachment->name, ==, "office.png");
    g_assert_cmpstr (m->attachment->local_path, ==, "/home/bold/office.png");
    g_assert_cmpstr (m->attachment->description, ==, "Шинэ оффис");
    g_assert_null (m->attachment->url);

    /* The upload fails: the message is FAILED, its text and file kept. */
    a = holboo_stored_attachment_ref (m->attachment);
    a->state = HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED;
    a->error = g_strdup ("File too large");
    g_assert_true (holboo_store_update_attachment (store, a, &error));
    g_assert_no_error (error);
    failed = holboo_store_update_message_state (store, file_id, HOLBOO_MESSAGE_STATE_FAILED, &error);
    g_assert_no_error (error);
    g_assert_cmpint (failed->state, ==, HOLBOO_MESSAGE_STATE_FAILED);
    g_assert_cmpstr (failed->attachment->error, ==, "File too large");
    uploads = holboo_store_list_uploads (store, &error);
    g_assert_cmpuint (uploads->len, ==, 0);

    /* Retried: pending again, still out of the outbox until uploaded. */
    retried = holboo_store_outbox_retry (store, file_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (retried->state, ==, HOLBOO_MESSAGE_STATE_PENDING);
    list = outbox (store);
    for (guint i = 0; i < list->len; i++)
      g_assert_cmpint (((HolbooStoredMessage *) list->pdata[i])->id, !=, file_id);

    sent = holboo_store_attachment_uploaded (store, file_id, "https://upload.example.mn/a/office.png", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (sent->body, ==, "https://upload.example.mn/a/office.png");
    g_assert_cmpint (sent->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_UPLOADED);
    g_assert_null (sent->attachment->error);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = outbox (store);
    g_assert_cmpuint (list->len, ==, 2);
    g_assert_cmpint (((HolbooStoredMessage *) list->pdata[0])->id, ==, file_id);
    g_assert_cmpstr (((HolbooStoredMessage *) list->pdata[0])->attachment->url, ==,
                     "https://upload.example.mn/a/office.png");

    /* Only once. */
    g_assert_null (holboo_store_attachment_uploaded (store, file_id, "https://x.example/y", &error));
    g_assert_no_error (error);

    /* The body is searchable by its new text. */
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'office'"),
                     ==, 1);
  }
}

static void
test_incoming_and_invalid (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HolbooStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredMessage) offered = make_message (HOLBOO_MESSAGE_INCOMING, PEER,
                                                         "https://files.example.mn/c.pdf", T0);
  g_autoptr(HolbooStoredMessage) copy = NULL;
  g_autoptr(HolbooStoredMessage) bad = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "no url", T0 + 5);
  g_autoptr(HolbooStoredAttachment) got = NULL;
  HolbooStoredAttachment *a = holboo_stored_attachment_new ();
  HolbooInsertResult result;
  gint64 id;

  set_ids (offered, "S1", "o1");
  a->state = HOLBOO_ATTACHMENT_STATE_REMOTE;
  a->url = g_strdup ("https://files.example.mn/c.pdf");
  a->name = g_strdup ("c.pdf");
  offered->attachment = a;
  g_assert_cmpint (insert_one (store, offered, &id), ==, HOLBOO_INSERT_NEW);

  /* A copy (the archive's) does not add a second attachment. */
  copy = make_message (HOLBOO_MESSAGE_INCOMING, PEER, "https://files.example.mn/c.pdf", T0);
  set_ids (copy, "S1", "o1");
  copy->attachment = holboo_stored_attachment_ref (a);
  g_assert_cmpint (insert_one (store, copy, NULL), ==, HOLBOO_INSERT_DUPLICATE);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM attachments"), ==, 1);

  /* Downloaded. */
  got = holboo_store_get_attachment (store, id, &error);
  g_assert_no_error (error);
  got->state = HOLBOO_ATTACHMENT_STATE_DOWNLOADED;
  got->local_path = g_strdup ("/tmp/c.pdf");
  got->size = 99;
  got->mime = g_strdup ("application/pdf");
  g_assert_true (holboo_store_update_attachment (store, got, &error));
  g_clear_pointer (&got, holboo_stored_attachment_unref);
  got = holboo_store_get_attachment (store, id, &error);
  g_assert_cmpint (got->state, ==, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  g_assert_cmpstr (got->local_path, ==, "/tmp/c.pdf");
  g_assert_cmpint (got->size, ==, 99);
  g_assert_cmpstr (got->url, ==, "https://files.example.mn/c.pdf");
  g_assert_cmpstr (got->name, ==, "c.pdf");

  /* An offered file without a URL breaks the rules: the message with
   * it is refused, and nothing of the batch is stored. */
  bad->attachment = holboo_stored_attachment_new ();
  bad->attachment->state = HOLBOO_ATTACHMENT_STATE_REMOTE;
  bad->attachment->name = g_strdup ("x");
  g_assert_false (holboo_store_insert_messages (store, &bad, 1, &result, &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM messages"), ==, 1);

  /* Deleting the message deletes its attachment. */
  raw_exec (_holboo_store_get_db (store), "PRAGMA foreign_keys = ON; DELETE FROM messages;");
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM attachments"), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/attachments/upload-lifecycle", Fixture, NULL, fixture_set_up, test_upload_lifecycle,
              fixture_tear_down);
  g_test_add ("/store/attachments/incoming-and-invalid", Fixture, NULL, fixture_set_up,
              test_incoming_and_invalid, fixture_tear_down);

  return g_test_run ();
}
