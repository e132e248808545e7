/* test-core-files.c: files in messages against a real Prosody or
 * ejabberd and its HTTP File Upload service — an image sent, received,
 * previewed and downloaded byte for byte; a file over the server's limit
 * refused with the server's reason; an upload cancelled half-way, then
 * retried; an upload that survives a restart; downloads cut when larger
 * than announced or not what they claim; hostile file offers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson registers
 * both.  Each case has accounts of its own.
 */

#include "config.h"

#include "core-live-util.h"
#include "holboo-account-upload.h"
#include "holboo-http-transfer.h"
#include "holboo-xml-stream.h"
#include "holboo-xmpp-upload.h"

#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static const char * const accounts[] = {
  "ann1", "bat1", "ann2", "ann3", "bat3", "ann4", "bat4", "ann5", "bat5", NULL
};

static char *tmp_dir;

typedef struct {
  GAsyncResult *result;
  guint         progress;
  guint64       last_done;
  guint64       last_total;
  gint64        cancel_at;   /* message id to cancel on its first progress */
  HolbooAccount *account;
} Waiter;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Waiter *) user_data)->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Waiter *) data)->result != NULL;
}

static void
on_progress (HolbooAccount *account,
             gint64         message_id,
             guint64        done,
             guint64        total,
             Waiter        *w)
{
  w->progress++;
  w->last_done = done;
  w->last_total = total;
  if (w->cancel_at != 0 && message_id == w->cancel_at && done > 0 && done < total)
    {
      g_test_message ("cancelling at %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " bytes", done, total);
      g_assert_true (holboo_account_cancel_transfer (account, message_id));
      w->cancel_at = 0;
    }
}

static gint64 last_added_id;

static void
on_added (HolbooAccount       *account,
          gint64               conversation_id,
          gint64               message_id,
          HolbooStoredMessage *m,
          gpointer             user_data)
{
  if (m->direction == HOLBOO_MESSAGE_OUTGOING && m->attachment != NULL)
    {
      g_assert_cmpint (m->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_UPLOADING);
      g_assert_cmpint (m->state, ==, HOLBOO_MESSAGE_STATE_PENDING);
      last_added_id = message_id;
    }
}

static HolbooStoredMessage *
send_file (LiveAccount  *from,
           LiveAccount  *to,
           const char   *path,
           const char   *caption,
           Waiter       *w,
           gint64       *message_id,
           GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gulong progress_id, added_id;
  HolbooStoredMessage *sent;

  w->account = from->account;
  progress_id = g_signal_connect (from->account, "attachment-progress", G_CALLBACK (on_progress), w);
  added_id = g_signal_connect (from->account, "message-added", G_CALLBACK (on_added), NULL);
  last_added_id = 0;
  holboo_account_send_file_async (from->account, live_account_jid (to), file, caption, NULL, on_done, w);
  g_assert_true (live_wait (has_result, w, 120000));
  sent = holboo_account_send_file_finish (from->account, w->result, message_id, error);
  g_clear_object (&w->result);
  g_signal_handler_disconnect (from->account, progress_id);
  g_signal_handler_disconnect (from->account, added_id);
  g_assert_cmpint (*message_id, >, 0);
  g_assert_cmpint (*message_id, ==, last_added_id);
  return sent;
}

static char *
checksum_of (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static char *
write_noise (const char *name,
             gsize       size)
{
  g_autofree guchar *data = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (size);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp_dir, name, NULL);

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int (rand) & 0xff;
  g_assert_true (g_file_set_contents (path, (const char *) data, size, &error));
  return path;
}

/* A noisy 640 × 480 PNG (≈ 0.9 MB: many PUT chunks). */
static char *
write_photo (const char *name)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  char *path = g_build_filename (tmp_dir, name, NULL);

  for (int y = 0; y < 480; y++)
    for (int x = 0; x < 640 * 3; x++)
      pixels[y * gdk_pixbuf_get_rowstride (pixbuf) + x] = g_rand_int (rand) & 0xff;
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  return path;
}

typedef struct {
  LiveAccount           *live;
  const char            *peer;
  HolbooAttachmentState  state;
  HolbooMessageDirection direction;
  HolbooStoredMessage   *found;
} FileWait;

static gboolean
file_in_state (gpointer data)
{
  FileWait *fw = data;
  g_autoptr(GPtrArray) messages = live_account_messages (fw->live, fw->peer);

  for (guint i = 0; i < messages->len; i++)
    {
      HolbooStoredMessage *m = messages->pdata[i];

      if (m->direction == fw->direction && m->attachment != NULL && m->attachment->state == fw->state)
        {
          g_clear_pointer (&fw->found, holboo_stored_message_unref);
          fw->found = holboo_stored_message_ref (m);
          return TRUE;
        }
    }
  return FALSE;
}

static HolbooStoredMessage *
wait_file (LiveAccount            *live,
           LiveAccount            *peer,
           HolbooMessageDirection  direction,
           HolbooAttachmentState   state)
{
  FileWait fw = { live, live_account_jid (peer), state, direction, NULL };

  g_assert_true (live_wait (file_in_state, &fw, 60000));
  return fw.found;
}

/* An image: sent with a caption, previewed on both sides, downloaded by
 * the other side at once, byte for byte. */
static void
test_image (void)
{
  LiveAccount *a = live_account_new ("ann1", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b = live_account_new ("bat1", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *photo = write_photo ("Оффис.png");
  g_autofree char *sum = checksum_of (photo);
  g_autofree char *got_sum = NULL;
  g_autofree char *files_dir = NULL;
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(HolbooStoredMessage) received = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) preview = NULL;
  Waiter w = { 0, };
  gint64 id = 0;

  live_account_connect (a);
  live_account_connect (b);

  sent = send_file (a, b, photo, "Шинэ оффисын зураг", &w, &id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sent);
  g_assert_cmpint (sent->id, ==, id);
  g_assert_cmpint (sent->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_UPLOADED);
  g_assert_true (g_str_has_prefix (sent->attachment->url, "https://"));
  g_assert_cmpstr (sent->body, ==, sent->attachment->url);
  g_assert_cmpstr (sent->attachment->mime, ==, "image/png");
  g_assert_cmpstr (sent->attachment->name, ==, "Оффис.png");
  g_assert_cmpint (sent->attachment->width, ==, 640);
  g_assert_cmpint (sent->attachment->height, ==, 480);
  g_assert_nonnull (sent->attachment->thumbnail_path);
  preview = gdk_pixbuf_new_from_file (sent->attachment->thumbnail_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (preview), ==, 320);
  g_test_message ("%u progress reports, last %" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT,
                  w.progress, w.last_done, w.last_total);
  g_assert_cmpuint (w.progress, >=, 2);
  g_assert_cmpuint (w.last_done, ==, w.last_total);
  g_assert_cmpint (w.last_total, ==, sent->attachment->size);

  /* Sent, acked and delivered like any message. */
  g_assert_true (live_account_wait_state (a, live_account_jid (b), HOLBOO_MESSAGE_STATE_DELIVERED, 30000));

  /* The other side: a file offered by URL with its caption (from
   * jabber:x:oob), downloaded without asking because it is an image. */
  received = wait_file (b, a, HOLBOO_MESSAGE_INCOMING, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  g_assert_cmpstr (received->attachment->url, ==, sent->attachment->url);
  g_assert_cmpstr (received->attachment->description, ==, "Шинэ оффисын зураг");
  g_assert_cmpstr (received->attachment->mime, ==, "image/png");
  g_assert_cmpint (received->attachment->width, ==, 640);
  g_assert_nonnull (received->attachment->thumbnail_path);
  g_assert_true (g_file_test (received->attachment->thumbnail_path, G_FILE_TEST_IS_REGULAR));
  files_dir = holboo_account_dup_files_dir (b->account);
  g_assert_true (g_str_has_prefix (received->attachment->local_path, files_dir));
  got_sum = checksum_of (received->attachment->local_path);
  g_assert_cmpstr (got_sum, ==, sum);
  g_assert_cmpint (received->attachment->size, ==, sent->attachment->size);

  live_account_free (a, FALSE);
  live_account_free (b, FALSE);
}

/* Over the server's limit (100 MB in the harness): the server refuses
 * the slot, its reason reaches the user, the message stays. */
static void
test_too_large (void)
{
  LiveAccount *a = live_account_new ("ann2", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "backup.tar", NULL);
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(HolbooStoredMessage) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  Waiter w = { 0, };
  gint64 id = 0;
  int fd;

  /* 101 MB, sparse: costs no disk. */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 101 * 1024 * 1024), ==, 0);
  close (fd);

  live_account_connect (a);
  sent = send_file (a, a, path, "Нөөц", &w, &id, &error);
  g_assert_null (sent);
  g_assert_error (error, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_TOO_LARGE);
  g_test_message ("the server's reason: %s", error->message);
  g_assert_nonnull (strstr (error->message, "100"));   /* the limit, MB */
  g_assert_cmpuint (w.progress, ==, 0);

  failed = wait_file (a, a, HOLBOO_MESSAGE_OUTGOING, HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED);
  g_assert_cmpint (failed->id, ==, id);
  g_assert_cmpint (failed->state, ==, HOLBOO_MESSAGE_STATE_FAILED);
  g_assert_cmpstr (failed->attachment->error, ==, error->message);
  g_assert_cmpstr (failed->attachment->description, ==, "Нөөц");
  g_assert_cmpstr (failed->body, ==, "backup.tar");
  g_unlink (path);
  live_account_free (a, FALSE);
}

/* Cancelled half-way: FAILED, nothing lost; a retry sends it; the other
 * side downloads it on demand (not an image), byte for byte. */
static void
test_cancel_retry (void)
{
  LiveAccount *a = live_account_new ("ann3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b = live_account_new ("bat3", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *path = write_noise ("Гэрээ.pdf", 8 * 1024 * 1024);
  g_autofree char *sum = checksum_of (path);
  g_autofree char *got_sum = NULL;
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(HolbooStoredMessage) failed = NULL;
  g_autoptr(HolbooStoredMessage) retried = NULL;
  g_autoptr(HolbooStoredMessage) offered = NULL;
  g_autoptr(HolbooStoredMessage) downloaded = NULL;
  g_autoptr(GError) error = NULL;
  Waiter w = { 0, };
  gint64 id = 0;

  live_account_connect (a);
  live_account_connect (b);

  w.cancel_at = -1;
  /* The id is known once stored: cancel at the first progress of any
   * file of ours. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    gulong progress_id = g_signal_connect (a->account, "attachment-progress", G_CALLBACK (on_progress), &w);
    gulong added_id = g_signal_connect (a->account, "message-added", G_CALLBACK (on_added), NULL);

    last_added_id = 0;
    holboo_account_send_file_async (a->account, live_account_jid (b), file, NULL, NULL, on_done, &w);
    while (last_added_id == 0)
      g_main_context_iteration (NULL, TRUE);
    w.cancel_at = last_added_id;
    g_assert_true (live_wait (has_result, &w, 120000));
    sent = holboo_account_send_file_finish (a->account, w.result, &id, &error);
    g_clear_object (&w.result);
    g_signal_handler_disconnect (a->account, progress_id);
    g_signal_handler_disconnect (a->account, added_id);
  }
  g_assert_null (sent);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (w.cancel_at, ==, 0);   /* it was cancelled mid-way */
  g_clear_error (&error);

  failed = wait_file (a, b, HOLBOO_MESSAGE_OUTGOING, HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED);
  g_assert_cmpint (failed->id, ==, id);
  g_assert_cmpint (failed->state, ==, HOLBOO_MESSAGE_STATE_FAILED);
  g_assert_nonnull (failed->attachment->error);
  g_assert_cmpstr (failed->attachment->local_path, ==, path);
  g_assert_cmpstr (failed->attachment->mime, ==, "application/pdf");

  holboo_account_retry_upload_async (a->account, id, NULL, on_done, &w);
  g_assert_true (live_wait (has_result, &w, 120000));
  retried = holboo_account_retry_upload_finish (a->account, w.result, &error);
  g_clear_object (&w.result);
  g_assert_no_error (error);
  g_assert_cmpint (retried->id, ==, id);
  g_assert_cmpint (retried->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_UPLOADED);
  g_assert_null (retried->attachment->error);

  /* Not an image: offered, not downloaded until asked. */
  offered = wait_file (b, a, HOLBOO_MESSAGE_INCOMING, HOLBOO_ATTACHMENT_STATE_REMOTE);
  g_assert_cmpstr (offered->attachment->url, ==, retried->attachment->url);
  g_assert_cmpstr (offered->attachment->name, ==, "Гэрээ.pdf");
  holboo_account_download_attachment_async (b->account, offered->id, NULL, on_done, &w);
  g_assert_true (live_wait (has_result, &w, 120000));
  downloaded = holboo_account_download_attachment_finish (b->account, w.result, &error);
  g_clear_object (&w.result);
  g_assert_no_error (error);
  g_assert_cmpint (downloaded->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
  g_assert_null (downloaded->attachment->thumbnail_path);
  got_sum = checksum_of (downloaded->attachment->local_path);
  g_assert_cmpstr (got_sum, ==, sum);

  g_unlink (path);
  live_account_free (a, FALSE);
  live_account_free (b, FALSE);
}

/* Sent offline, then the app quits: at the next start the upload runs
 * and the message goes. */
static void
test_restart (void)
{
  LiveAccount *a = live_account_new ("ann4", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b = live_account_new ("bat4", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *path = write_noise ("hisob.xlsx", 200 * 1024);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *kept = NULL;
  g_autoptr(HolbooStoredMessage) waiting = NULL;
  g_autoptr(HolbooStoredMessage) offered = NULL;
  g_autoptr(GError) error = NULL;
  Waiter w = { 0, };

  /* Offline: stored, waiting; the quit ends the call as closed. */
  holboo_account_send_file_async (a->account, "bat4@localhost", file, "Тайлан", NULL, on_done, &w);
  waiting = wait_file (a, b, HOLBOO_MESSAGE_OUTGOING, HOLBOO_ATTACHMENT_STATE_UPLOADING);
  g_assert_cmpint (waiting->state, ==, HOLBOO_MESSAGE_STATE_PENDING);
  kept = live_account_free (a, TRUE);
  g_assert_true (live_wait (has_result, &w, 10000));
  g_assert_null (holboo_account_send_file_finish (NULL, w.result, NULL, &error));
  g_assert_error (error, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED);
  g_clear_object (&w.result);

  a = live_account_new ("ann4", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, kept);
  live_account_connect (b);
  live_account_connect (a);
  g_clear_pointer (&waiting, holboo_stored_message_unref);
  waiting = wait_file (a, b, HOLBOO_MESSAGE_OUTGOING, HOLBOO_ATTACHMENT_STATE_UPLOADED);
  offered = wait_file (b, a, HOLBOO_MESSAGE_INCOMING, HOLBOO_ATTACHMENT_STATE_REMOTE);
  g_assert_cmpstr (offered->attachment->url, ==, waiting->attachment->url);
  g_assert_cmpstr (offered->attachment->description, ==, "Тайлан");

  g_unlink (path);
  live_account_free (a, FALSE);
  live_account_free (b, FALSE);
}

/* Downloads that must not complete: larger than announced, larger than
 * allowed, not the image they claim to be.  Nothing is left on disk. */
static void
test_download_hostile (void)
{
  LiveAccount *a = live_account_new ("ann5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *b = live_account_new ("bat5", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autofree char *path = write_noise ("notes.txt", 300 * 1024);
  g_autofree char *dest = g_build_filename (tmp_dir, "dest.bin", NULL);
  g_autofree char *part = g_strconcat (dest, ".part", NULL);
  g_autoptr(SoupSession) session = holboo_http_session_new (live.database, NULL);
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(GError) error = NULL;
  Waiter w = { 0, };
  gint64 id = 0;
  struct { gint64 announced; guint64 max; const char *type; int code; } cases[] = {
    { 1000, HOLBOO_ACCOUNT_MAX_DOWNLOAD_SIZE, NULL, HOLBOO_HTTP_TRANSFER_ERROR_TOO_LARGE },
    { -1, 100 * 1024, NULL, HOLBOO_HTTP_TRANSFER_ERROR_TOO_LARGE },
    { -1, HOLBOO_ACCOUNT_MAX_DOWNLOAD_SIZE, "image/", HOLBOO_HTTP_TRANSFER_ERROR_WRONG_TYPE },
  };

  live_account_connect (a);
  live_account_connect (b);
  sent = send_file (a, b, path, NULL, &w, &id, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *got = NULL;

      holboo_http_download_async (session, sent->attachment->url, dest, cases[i].announced, cases[i].max,
                                  cases[i].type, NULL, NULL, NULL, on_done, &w);
      g_assert_true (live_wait (has_result, &w, 60000));
      got = holboo_http_download_finish (w.result, NULL, &local_error);
      g_clear_object (&w.result);
      g_test_message ("case %u: %s", i, local_error != NULL ? local_error->message : "(none)");
      g_assert_null (got);
      g_assert_error (local_error, HOLBOO_HTTP_TRANSFER_ERROR, cases[i].code);
      g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
    }

  /* Announced right: it comes. */
  {
    g_autofree char *got = NULL;
    g_autofree char *sum = checksum_of (path);
    g_autofree char *got_sum = NULL;
    guint64 size = 0;

    holboo_http_download_async (session, sent->attachment->url, dest, 300 * 1024, HOLBOO_ACCOUNT_MAX_DOWNLOAD_SIZE,
                                NULL, NULL, NULL, NULL, on_done, &w);
    g_assert_true (live_wait (has_result, &w, 60000));
    got = holboo_http_download_finish (w.result, &size, &error);
    g_clear_object (&w.result);
    g_assert_no_error (error);
    g_assert_cmpuint (size, ==, 300 * 1024);
    got_sum = checksum_of (got);
    g_assert_cmpstr (got_sum, ==, sum);
    g_unlink (got);
  }

  g_unlink (path);
  live_account_free (a, FALSE);
  live_account_free (b, FALSE);
}

/* Offers that are not files, or not safe to fetch: no attachment. */
static void
test_offers_hostile (void)
{
  LiveAccount *a = live_account_new ("ann5", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  const char *stanzas[] = {
    "<message xmlns='jabber:client' from='eve@localhost/x' to='ann5@localhost' type='chat' id='h1'>"
    "<body>http://evil.example/a.png</body>"
    "<x xmlns='jabber:x:oob'><url>http://evil.example/a.png</url></x></message>",
    "<message xmlns='jabber:client' from='eve@localhost/x' to='ann5@localhost' type='chat' id='h2'>"
    "<body>file:///etc/passwd</body><x xmlns='jabber:x:oob'><url>file:///etc/passwd</url></x></message>",
    "<message xmlns='jabber:client' from='eve@localhost/x' to='ann5@localhost' type='chat' id='h3'>"
    "<body>https://example.mn/about</body></message>",
    "<message xmlns='jabber:client' from='eve@localhost/x' to='ann5@localhost' type='chat' id='h4'>"
    "<body>look: https://files.example.mn/a.png</body></message>",
    "<message xmlns='jabber:client' from='eve@localhost/x' to='ann5@localhost' type='chat' id='h5'>"
    "<body>https://files.example.mn/Гэрээ%20№5.pdf</body></message>",
  };
  g_autoptr(GPtrArray) messages = NULL;
  guint with_file = 0;

  holboo_account_set_auto_download_max (a->account, 0);
  for (guint i = 0; i < G_N_ELEMENTS (stanzas); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooXmlNode) stanza = holboo_xml_parse_element (stanzas[i], strlen (stanzas[i]), NULL, &error);

      g_assert_no_error (error);
      g_assert_true (_holboo_account_receive_stanza (a->account, stanza));
    }
  g_assert_true (live_account_wait_count (a, "eve@localhost", HOLBOO_MESSAGE_INCOMING, 5, 10000));
  messages = live_account_messages (a, "eve@localhost");
  for (guint i = 0; i < messages->len; i++)
    {
      HolbooStoredMessage *m = messages->pdata[i];

      if (m->attachment == NULL)
        continue;
      with_file++;
      /* Only the plain https link to a file. */
      g_assert_cmpstr (m->message_id, ==, "h5");
      g_assert_cmpstr (m->attachment->name, ==, "Гэрээ №5.pdf");
      g_assert_cmpint (m->attachment->state, ==, HOLBOO_ATTACHMENT_STATE_REMOTE);
    }
  g_assert_cmpuint (with_file, ==, 1);
  live_account_free (a, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);
  tmp_dir = g_dir_make_tmp ("holboo-files-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/core/files/image", test_image);
  g_test_add_func ("/core/files/too-large", test_too_large);
  g_test_add_func ("/core/files/cancel-retry", test_cancel_retry);
  g_test_add_func ("/core/files/restart", test_restart);
  g_test_add_func ("/core/files/download-hostile", test_download_hostile);
  g_test_add_func ("/core/files/offers-hostile", test_offers_hostile);

  status = g_test_run ();
  live_stop ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
