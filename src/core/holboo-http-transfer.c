/* holboo-http-transfer.c: files up to and down from HTTP File Upload
 * services, streamed, with progress, cancellable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Uploads stream the file from disk (libsoup reads it asynchronously)
 * and report what libsoup wrote.  Downloads stream into "<dest>.part",
 * which becomes <dest> only when complete: a cut, a cancel or a server
 * that sends more than it announced (or more than allowed) leaves
 * nothing behind.  Servers are trusted as the account's connection
 * trusts them: its CA database, or its pinned certificate.
 */

#define G_LOG_DOMAIN "holboo-http-transfer"

#include "config.h"

#include "holboo-http-transfer.h"
#include "holboo-xmpp-error.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (holboo-http-transfer-error-quark, holboo_http_transfer_error)

#define CHUNK_SIZE     (64 * 1024)
#define PROGRESS_EVERY (64 * 1024)
#define PINNED_KEY     "holboo-pinned-certificate"

/**
 * holboo_http_session_new:
 * @tls_database: (nullable): trust anchors, %NULL for the system's
 * @pinned_certificate: (nullable): a certificate fingerprint accepted even
 *   when it does not verify (what the user accepted for the account)
 *
 * Returns: (transfer full): a session for one account's transfers
 */
SoupSession *
holboo_http_session_new (GTlsDatabase *tls_database,
                         const char   *pinned_certificate)
{
  SoupSession *session = soup_session_new_with_options ("timeout", 60, "idle-timeout", 60, NULL);

  if (tls_database != NULL)
    soup_session_set_tls_database (session, tls_database);
  if (pinned_certificate != NULL)
    g_object_set_data_full (G_OBJECT (session), PINNED_KEY, g_strdup (pinned_certificate), g_free);
  return session;
}

static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       const char           *pinned)
{
  return holboo_xmpp_certificate_matches (certificate, pinned);
}

static void
free_pinned (gpointer  data,
             GClosure *closure)
{
  g_free (data);
}

static SoupMessage *
new_message (SoupSession  *session,
             const char   *method,
             const char   *url,
             GError      **error)
{
  SoupMessage *message = soup_message_new (method, url);
  const char *pinned;

  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a valid web address"), url);
      return NULL;
    }
  pinned = g_object_get_data (G_OBJECT (session), PINNED_KEY);
  if (pinned != NULL)
    g_signal_connect_data (message, "accept-certificate", G_CALLBACK (on_accept_certificate),
                           g_strdup (pinned), free_pinned, 0);
  return message;
}

static GError *
http_error (SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);

  return g_error_new (HOLBOO_HTTP_TRANSFER_ERROR, HOLBOO_HTTP_TRANSFER_ERROR_HTTP,
                      _("The file server answered “%u %s”"), status,
                      reason != NULL && *reason != '\0' ? reason : soup_status_get_phrase (status));
}

/* Progress, throttled. */
typedef struct {
  HolbooHttpProgress callback;
  gpointer           data;
  guint64            done;
  guint64            total;
  guint64            reported;
} Progress;

static void
progress_add (Progress *p,
              guint64   n,
              gboolean  final)
{
  p->done += n;
  if (p->callback != NULL && (final || p->done - p->reported >= PROGRESS_EVERY))
    {
      p->reported = p->done;
      p->callback (p->done, p->total, p->data);
    }
}

/* Upload. */

typedef struct {
  SoupSession  *session;
  SoupMessage  *message;
  char         *put_url;
  GStrv         header_names;
  GStrv         header_values;
  GFile        *file;
  guint64       size;
  char         *content_type;
  Progress      progress;
} Upload;

static void
upload_free (Upload *u)
{
  if (u->message != NULL)
    g_signal_handlers_disconnect_by_data (u->message, u);
  g_clear_object (&u->session);
  g_clear_object (&u->message);
  g_free (u->put_url);
  g_strfreev (u->header_names);
  g_strfreev (u->header_values);
  g_clear_object (&u->file);
  g_free (u->content_type);
  g_free (u);
}

static void
on_wrote_body_data (SoupMessage *message,
                    guint        chunk_size,
                    Upload      *u)
{
  progress_add (&u->progress, chunk_size, FALSE);
}

static void
on_put_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upload *u = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (u->message)))
    {
      g_task_return_error (task, http_error (u->message));
      return;
    }

  progress_add (&u->progress, 0, TRUE);
  g_task_return_boolean (task, TRUE);
}

static void
on_file_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Upload *u = g_task_get_task_data (task);
  g_autoptr(GFileInputStream) in = NULL;
  SoupMessageHeaders *headers;
  GError *error = NULL;

  in = g_file_read_finish (G_FILE (source), result, &error);
  if (in == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  u->message = new_message (u->session, "PUT", u->put_url, &error);
  if (u->message == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (u->message);
  for (guint i = 0; u->header_names != NULL && u->header_names[i] != NULL; i++)
    soup_message_headers_replace (headers, u->header_names[i], u->header_values[i]);
  soup_message_set_request_body (u->message, u->content_type, G_INPUT_STREAM (in), u->size);
  g_signal_connect (u->message, "wrote-body-data", G_CALLBACK (on_wrote_body_data), u);

  soup_session_send_and_read_async (u->session, u->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_put_done, task);
}

/**
 * holboo_http_upload_async:
 * @session: the account's session (holboo_http_session_new())
 * @put_url: the slot's PUT URL
 * @header_names: (nullable) (array zero-terminated=1): headers of the slot
 * @header_values: (nullable) (array zero-terminated=1): their values
 * @file: the file
 * @size: its size: what the slot was asked for
 * @content_type: (nullable): its MIME type, as in the slot request
 * @progress: (nullable) (scope notified): bytes written so far
 *
 * PUTs @file, streamed from disk.  Cancelling @cancellable stops it.
 */
void
holboo_http_upload_async (SoupSession         *session,
                          const char          *put_url,
                          const char * const  *header_names,
                          const char * const  *header_values,
                          GFile               *file,
                          guint64              size,
                          const char          *content_type,
                          HolbooHttpProgress   progress,
                          gpointer             progress_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task;
  Upload *u;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (put_url != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_http_upload_async);
  u = g_new0 (Upload, 1);
  u->session = g_object_ref (session);
  u->put_url = g_strdup (put_url);
  u->header_names = g_strdupv ((char **) header_names);
  u->header_values = g_strdupv ((char **) header_values);
  u->file = g_object_ref (file);
  u->size = size;
  u->content_type = g_strdup (content_type != NULL ? content_type : "application/octet-stream");
  u->progress.callback = progress;
  u->progress.data = progress_data;
  u->progress.total = size;
  g_task_set_task_data (task, u, (GDestroyNotify) upload_free);

  g_file_read_async (file, G_PRIORITY_DEFAULT, cancellable, on_file_opened, task);
}

gboolean
holboo_http_upload_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Download. */

typedef struct {
  SoupSession   *session;
  SoupMessage   *message;
  char          *url;
  char          *dest_path;
  GFile         *part;
  gint64         announced;
  guint64        max_size;
  guint64        limit;
  char          *required_type;
  GInputStream  *in;
  GOutputStream *out;
  GBytes        *chunk;
  GError        *failure;     /* set while the .part file is removed */
  Progress       progress;
} Download;

static void
download_free (Download *d)
{
  g_clear_object (&d->session);
  g_clear_object (&d->message);
  g_free (d->url);
  g_free (d->dest_path);
  g_clear_object (&d->part);
  g_free (d->required_type);
  g_clear_object (&d->in);
  g_clear_object (&d->out);
  g_clear_pointer (&d->chunk, g_bytes_unref);
  g_clear_error (&d->failure);
  g_free (d);
}

static void
on_part_deleted (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *d = g_task_get_task_data (task);

  g_file_delete_finish (G_FILE (source), result, NULL);
  g_task_return_error (task, g_steal_pointer (&d->failure));
}

static void
on_part_closed (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Download *d = g_task_get_task_data (task);

  g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, NULL);
  g_file_delete_async (d->part, G_PRIORITY_DEFAULT, NULL, on_part_deleted, task);
}

/* Ends @task with @error (transfer full), removing what was written. */
static void
download_fail (GTask  *task,
               GError *error)
{
  Download *d = g_task_get_task_data (task);

  g_debug ("Download of %s failed: %s", d->url, error->message);
  d->failure = error;
  if (d->in != NULL)
    g_input_stream_close_async (d->in, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  if (d->out == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&d->failure));
      g_object_unref (task);
      return;
    }
  /* Not cancellable: the partial file goes whatever happens. */
  g_output_stream_close_async (d->out, G_PRIORITY_DEFAULT, NULL, on_part_closed, task);
}

static GError *
too_large_error (Download *d)
{
  g_autofree char *max = NULL;

  if (d->announced >= 0 && (guint64) d->announced == d->limit)
    return g_error_new_literal (HOLBOO_HTTP_TRANSFER_ERROR, HOLBOO_HTTP_TRANSFER_ERROR_TOO_LARGE,
                                _("The file is larger than announced; the download was stopped"));
  max = g_format_size_full (d->limit, G_FORMAT_SIZE_IEC_UNITS);
  return g_error_new (HOLBOO_HTTP_TRANSFER_ERROR, HOLBOO_HTTP_TRANSFER_ERROR_TOO_LARGE,
                      _("The file is larger than the %s allowed; the download was stopped"), max);
}

static void read_next (GTask *task);

static void
on_moved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_file_move_finish (G_FILE (source), result, &error))
    {
      download_fail (g_steal_pointer (&task), error);
      return;
    }
  progress_add (&d->progress, 0, TRUE);
  g_task_return_pointer (task, g_strdup (d->dest_path), g_free);
}

static void
on_out_closed (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  Download *d = g_task_get_task_data (task);
  g_autoptr(GFile) dest = g_file_new_for_path (d->dest_path);
  GError *error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &error))
    {
      download_fail (task, error);
      return;
    }
  g_file_move_async (d->part, dest, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT,
                     g_task_get_cancellable (task), NULL, NULL, on_moved, task);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  Download *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    {
      download_fail (task, error);
      return;
    }
  g_clear_pointer (&d->chunk, g_bytes_unref);
  read_next (task);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Download *d = g_task_get_task_data (task);
  GError *error = NULL;
  gsize n;

  d->chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (d->chunk == NULL)
    {
      download_fail (task, error);
      return;
    }

  n = g_bytes_get_size (d->chunk);
  if (n == 0)
    {
      g_input_stream_close_async (d->in, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_output_stream_close_async (d->out, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   on_out_closed, task);
      return;
    }

  if (d->progress.done + n > d->limit)
    {
      g_message ("Cutting the download of %s: more than the %" G_GUINT64_FORMAT " bytes announced or allowed",
                 d->url, d->limit);
      download_fail (task, too_large_error (d));
      return;
    }

  progress_add (&d->progress, n, FALSE);
  g_output_stream_write_all_async (d->out, g_bytes_get_data (d->chunk, NULL), n, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_written, task);
}

static void
read_next (GTask *task)
{
  Download *d = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (d->in, CHUNK_SIZE, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                   on_read, task);
}

static void
on_part_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Download *d = g_task_get_task_data (task);
  GError *error = NULL;

  d->out = G_OUTPUT_STREAM (g_file_replace_finish (G_FILE (source), result, &error));
  if (d->out == NULL)
    {
      download_fail (task, error);
      return;
    }
  read_next (task);
}

static void
on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  Download *d = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  const char *type;
  GError *error = NULL;

  d->in = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (d->in == NULL)
    {
      download_fail (task, error);
      return;
    }
  if (soup_message_get_status (d->message) != SOUP_STATUS_OK)
    {
      download_fail (task, http_error (d->message));
      return;
    }

  headers = soup_message_get_response_headers (d->message);
  type = soup_message_headers_get_content_type (headers, NULL);
  if (d->required_type != NULL && (type == NULL || !g_str_has_prefix (type, d->required_type)))
    {
      g_message ("Not downloading %s: it is “%s”, not %s", d->url, type != NULL ? type : "untyped",
                 d->required_type);
      download_fail (task, g_error_new_literal (HOLBOO_HTTP_TRANSFER_ERROR, HOLBOO_HTTP_TRANSFER_ERROR_WRONG_TYPE,
                                                _("The file is not of the kind it claimed to be")));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    {
      goffset length = soup_message_headers_get_content_length (headers);

      if ((guint64) length > d->limit)
        {
          g_message ("Not downloading %s: %" G_GINT64_FORMAT " bytes, more than the %" G_GUINT64_FORMAT
                     " bytes announced or allowed", d->url, (gint64) length, d->limit);
          download_fail (task, too_large_error (d));
          return;
        }
      d->progress.total = length;
    }

  g_file_replace_async (d->part, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        G_PRIORITY_DEFAULT, g_task_get_cancellable (task), on_part_opened, task);
}

/**
 * holboo_http_download_async:
 * @session: the account's session
 * @url: an https URL
 * @dest_path: where the file goes; "<dest_path>.part" while it downloads
 * @announced_size: the size the sender announced, or -1: a download that
 *   turns out larger is cut
 * @max_size: never more than this many bytes
 * @required_type: (nullable): a Content-Type prefix the answer must have
 *   (e.g. "image/"), or %NULL for any
 * @progress: (nullable) (scope notified): bytes received so far
 *
 * Downloads @url to @dest_path, streamed.  On any failure (cut, cancel,
 * HTTP error, wrong type) nothing is left at either path.
 */
void
holboo_http_download_async (SoupSession         *session,
                            const char          *url,
                            const char          *dest_path,
                            gint64               announced_size,
                            guint64              max_size,
                            const char          *required_type,
                            HolbooHttpProgress   progress,
                            gpointer             progress_data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autofree char *part = NULL;
  GTask *task;
  Download *d;
  GError *error = NULL;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (url != NULL);
  g_return_if_fail (dest_path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_http_download_async);
  d = g_new0 (Download, 1);
  d->session = g_object_ref (session);
  d->url = g_strdup (url);
  d->dest_path = g_strdup (dest_path);
  part = g_strconcat (dest_path, ".part", NULL);
  d->part = g_file_new_for_path (part);
  d->announced = announced_size;
  d->max_size = max_size;
  d->limit = announced_size >= 0 ? MIN ((guint64) announced_size, max_size) : max_size;
  d->required_type = g_strdup (required_type);
  d->progress.callback = progress;
  d->progress.data = progress_data;
  d->progress.total = announced_size >= 0 ? (guint64) announced_size : 0;
  g_task_set_task_data (task, d, (GDestroyNotify) download_free);

  d->message = new_message (session, "GET", url, &error);
  if (d->message == NULL)
    {
      download_fail (task, error);
      return;
    }
  soup_session_send_async (session, d->message, G_PRIORITY_DEFAULT, cancellable, on_response, task);
}

/**
 * holboo_http_download_finish:
 * @size: (out) (optional): bytes received
 *
 * Returns: (transfer full) (nullable): the downloaded file's path, or
 *   %NULL with @error set
 */
char *
holboo_http_download_finish (GAsyncResult  *result,
                             guint64       *size,
                             GError       **error)
{
  Download *d = g_task_get_task_data (G_TASK (result));
  char *path = g_task_propagate_pointer (G_TASK (result), error);

  if (size != NULL)
    *size = path != NULL ? d->progress.done : 0;
  return path;
}
