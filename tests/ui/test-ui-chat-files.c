/* test-ui-chat-files.c: files in the Chats page, against a real
 * Prosody and its HTTP File Upload, in-process under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ann uses the page; Bat is a second HolbooAccount in this process.
 * Each step checks Ann's widgets and Bat's store.
 *
 *   image-out     an image pasted into the composer is uploaded and
 *                 previewed; Bat downloads the same bytes
 *   image-in      Bat's image, with a caption, shows as a preview
 *   refused       a 101 MB file dropped on the view: the server's reason
 *                 and Try Again in the row; nothing lost
 *   cancel-retry  an upload's progress and Cancel in its row; Try Again
 *                 sends it, and Bat is offered it
 *   hostile       a forged 100,000×100,000 PNG header and a text file
 *                 named .png: plain file rows, no preview, no freeze
 * Screenshots (light and dark) in $HOLBOO_TEST_ARTEFACTS:
 * test-ui-chats-actions-*.png.
 */

#include "config.h"

#include "chat-actions-util.h"
#include "holboo-account-upload.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

static void
test_image_out (void)
{
  g_autoptr(GdkTexture) texture = make_texture ();
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(HolbooStoredMessage) got = NULL;
  g_autofree char *sent_sum = NULL;
  g_autofree char *got_sum = NULL;
  FileWait uploaded = { HOLBOO_MESSAGE_OUTGOING, HOLBOO_ATTACHMENT_STATE_UPLOADED, "Pasted image" };
  FileWait downloaded = { HOLBOO_MESSAGE_INCOMING, HOLBOO_ATTACHMENT_STATE_DOWNLOADED, "Pasted image" };

  /* A screenshot in the clipboard, pasted into the composer. */
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (composer ())), texture);
  gtk_widget_grab_focus (GTK_WIDGET (composer ()));
  g_signal_emit_by_name (composer (), "paste-clipboard");

  sent = wait_stored (ann, bat, file_in_state, &uploaded);
  g_assert_cmpint (sent->attachment->width, ==, 640);
  g_assert_nonnull (sent->attachment->thumbnail_path);
  g_assert_true (chats_wait_until (preview_shown, &sent->id, 20000));
  g_assert_false (row_child_visible (sent->id, "message-body"));   /* not the URL */

  got = wait_stored (bat, ann, file_in_state, &downloaded);
  sent_sum = checksum_of (sent->attachment->local_path);
  got_sum = checksum_of (got->attachment->local_path);
  g_assert_cmpstr (got_sum, ==, sent_sum);
}

static gboolean sent_done;

static void
on_bat_sent (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HolbooStoredMessage) m = holboo_account_send_file_finish (HOLBOO_ACCOUNT (source), result, NULL, NULL);

  sent_done = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static char *
write_png (const char *name)
{
  g_autoptr(GdkTexture) texture = make_texture ();
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
  return path;
}

static void
bat_sends_file (const char *path,
                const char *caption)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  sent_done = FALSE;
  holboo_account_send_file_async (bat->account, live_account_jid (ann), file, caption, NULL, on_bat_sent, NULL);
  g_assert_true (chats_wait_until (flag_set, &sent_done, 60000));
}

static void
test_image_in (void)
{
  g_autofree char *path = write_png ("Тайлан.png");
  g_autoptr(HolbooStoredMessage) got = NULL;
  FileWait downloaded = { HOLBOO_MESSAGE_INCOMING, HOLBOO_ATTACHMENT_STATE_DOWNLOADED, "Тайлан" };

  bat_sends_file (path, "Өнөөдрийн тайлан");
  got = wait_stored (ann, bat, file_in_state, &downloaded);
  g_assert_true (chats_wait_until (preview_shown, &got->id, 20000));
  assert_row_shows (got->id, "message-body", "Өнөөдрийн тайлан");
  chats_run_for (300);
  screenshots (GTK_WIDGET (window), "conversation");
}

static void
test_refused (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "backup.tar", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HolbooStoredMessage) failed = NULL;
  GtkDropTarget *target = drop_target (view);
  GSList files = { file, NULL };
  GValue value = G_VALUE_INIT;
  FileWait refused = { HOLBOO_MESSAGE_OUTGOING, HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED, "backup.tar" };
  gboolean handled = FALSE;
  int fd;

  /* 101 MB, sparse: over the harness's 100 MB limit, costs no disk. */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 101 * 1024 * 1024), ==, 0);
  close (fd);

  /* Dropped on the conversation, as from the file manager. */
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &files);
  g_signal_emit_by_name (target, "drop", &value, 100.0, 100.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);

  failed = wait_stored (ann, bat, file_in_state, &refused);
  g_test_message ("the server's reason: %s", failed->attachment->error);
  assert_row_shows (failed->id, "attachment-error", failed->attachment->error);
  g_assert_nonnull (strstr (failed->attachment->error, "100"));   /* the limit, MB */
  assert_row_shows (failed->id, "attachment-retry", NULL);
  assert_row_shows (failed->id, "attachment-name", "backup.tar");
  chats_run_for (300);
  screenshots (GTK_WIDGET (window), "refused");
  g_unlink (path);
}

static gboolean
transferring (gpointer data)
{
  gint64 id = *(gint64 *) data;

  return id != 0 && row_child_visible (id, "attachment-progress") && row_child_visible (id, "attachment-cancel");
}

static gint64 dropped_id;

static void
on_ann_added (HolbooAccount       *account,
              gint64               conversation_id,
              gint64               message_id,
              HolbooStoredMessage *m,
              gpointer             user_data)
{
  if (m->direction == HOLBOO_MESSAGE_OUTGOING && m->attachment != NULL)
    dropped_id = message_id;
}

/* An upload shows its progress, can be cancelled from its row, and
 * tried again: then it goes through, and Bat gets it. */
static void
test_cancel_retry (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "Гэрээ.bin", NULL);
  g_autofree guchar *data = g_malloc (24 * 1024 * 1024);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(HolbooStoredMessage) failed = NULL;
  g_autoptr(HolbooStoredMessage) sent = NULL;
  g_autoptr(HolbooStoredMessage) got = NULL;
  GSList files = { file, NULL };
  GValue value = G_VALUE_INIT;
  FileWait cancelled = { HOLBOO_MESSAGE_OUTGOING, HOLBOO_ATTACHMENT_STATE_UPLOAD_FAILED, "Гэрээ" };
  FileWait uploaded = { HOLBOO_MESSAGE_OUTGOING, HOLBOO_ATTACHMENT_STATE_UPLOADED, "Гэрээ" };
  FileWait offered = { HOLBOO_MESSAGE_INCOMING, HOLBOO_ATTACHMENT_STATE_REMOTE, "Гэрээ" };
  gboolean handled = FALSE;
  gulong added;

  for (gsize i = 0; i < 24 * 1024 * 1024; i += 4)
    *(guint32 *) (data + i) = g_random_int ();
  g_assert_true (g_file_set_contents (path, (const char *) data, 24 * 1024 * 1024, NULL));

  dropped_id = 0;
  added = g_signal_connect (ann->account, "message-added", G_CALLBACK (on_ann_added), NULL);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &files);
  g_signal_emit_by_name (drop_target (view), "drop", &value, 100.0, 100.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);

  /* Under way: a progress bar and Cancel. */
  g_assert_true (chats_wait_until (transferring, &dropped_id, 30000));
  g_signal_handler_disconnect (ann->account, added);
  g_signal_emit_by_name (row_child (dropped_id, "attachment-cancel"), "clicked");
  failed = wait_stored (ann, bat, file_in_state, &cancelled);
  assert_row_shows (failed->id, "attachment-error", failed->attachment->error);
  assert_row_shows (failed->id, "attachment-retry", NULL);
  g_assert_false (row_child_visible (failed->id, "attachment-progress"));

  /* Try Again: it goes through; Bat is offered it (not an image). */
  g_signal_emit_by_name (row_child (failed->id, "attachment-retry"), "clicked");
  sent = wait_stored (ann, bat, file_in_state, &uploaded);
  g_assert_cmpint (sent->id, ==, failed->id);
  assert_row_shows (sent->id, "attachment-open", NULL);
  got = wait_stored (bat, ann, file_in_state, &offered);
  g_assert_cmpstr (got->attachment->url, ==, sent->attachment->url);
  g_assert_cmpint (sent->attachment->size, ==, 24 * 1024 * 1024);
  g_unlink (path);
}

/* The main loop keeps turning while hostile files come in: no gap
 * longer than this between ticks. */
static gint64 last_tick, longest_gap;

static gboolean
on_tick (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0)
    longest_gap = MAX (longest_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
file_arrived (HolbooStoredMessage *m,
              gconstpointer        data)
{
  return m->direction == HOLBOO_MESSAGE_INCOMING && m->attachment != NULL &&
         g_strcmp0 (m->attachment->name, data) == 0 &&
         (m->attachment->state == HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED ||
          m->attachment->state == HOLBOO_ATTACHMENT_STATE_DOWNLOADED);
}

static void
test_hostile (void)
{
  /* A PNG header claiming 100,000 × 100,000 pixels, and text named .png. */
  static const guchar forged[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R',
    0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 6, 0, 0, 0,
    0x00, 0x00, 0x00, 0x00,
  };
  g_autofree char *huge = g_build_filename (tmp_dir, "huge.png", NULL);
  g_autofree char *fake = g_build_filename (tmp_dir, "notes.png", NULL);
  g_autoptr(HolbooStoredMessage) got_huge = NULL;
  g_autoptr(HolbooStoredMessage) got_fake = NULL;
  guint tick;

  g_assert_true (g_file_set_contents (huge, (const char *) forged, sizeof forged, NULL));
  g_assert_true (g_file_set_contents (fake, "these are not pixels\n", -1, NULL));

  last_tick = longest_gap = 0;
  tick = g_timeout_add (5, on_tick, NULL);
  bat_sends_file (huge, NULL);
  bat_sends_file (fake, NULL);
  /* Named .png, both are fetched at once as images — and refused as
   * such, since the server does not call them images: the row says
   * why and offers Try Again, which fetches them as plain files. */
  got_huge = wait_stored (ann, bat, file_arrived, "huge.png");
  got_fake = wait_stored (ann, bat, file_arrived, "notes.png");
  assert_row_shows (got_fake->id, "attachment-name", "notes.png");
  assert_row_shows (got_huge->id, "attachment-name", "huge.png");
  if (got_huge->attachment->state != HOLBOO_ATTACHMENT_STATE_DOWNLOADED)
    activate_on (got_huge->id, "msg.download");
  if (got_fake->attachment->state != HOLBOO_ATTACHMENT_STATE_DOWNLOADED)
    activate_on (got_fake->id, "msg.download");
  {
    FileWait done_huge = { HOLBOO_MESSAGE_INCOMING, HOLBOO_ATTACHMENT_STATE_DOWNLOADED, "huge.png" };
    FileWait done_fake = { HOLBOO_MESSAGE_INCOMING, HOLBOO_ATTACHMENT_STATE_DOWNLOADED, "notes.png" };
    g_autoptr(HolbooStoredMessage) h = wait_stored (ann, bat, file_in_state, &done_huge);
    g_autoptr(HolbooStoredMessage) f = wait_stored (ann, bat, file_in_state, &done_fake);

    g_assert_null (h->attachment->thumbnail_path);
    g_assert_null (f->attachment->thumbnail_path);
    assert_row_shows (h->id, "attachment-open", NULL);
    assert_row_shows (f->id, "attachment-save", NULL);
    g_assert_false (row_child_visible (h->id, "attachment-preview"));
    g_assert_false (row_child_visible (f->id, "attachment-preview"));
  }
  g_source_remove (tick);
  g_test_message ("longest main-loop gap while hostile files came in: %" G_GINT64_FORMAT " ms", longest_gap / 1000);
  g_assert_cmpint (longest_gap, <, 2 * G_USEC_PER_SEC);
  screenshots (GTK_WIDGET (window), "files");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  actions_start (&argc, &argv);
  actions_open_bat ();

  g_test_add_func ("/ui/chat-files/image-out", test_image_out);
  g_test_add_func ("/ui/chat-files/image-in", test_image_in);
  g_test_add_func ("/ui/chat-files/refused", test_refused);
  g_test_add_func ("/ui/chat-files/cancel-retry", test_cancel_retry);
  g_test_add_func ("/ui/chat-files/hostile", test_hostile);

  status = g_test_run ();

  actions_stop ();
  return status;
}
