/* test-harness-util.c — checking a harness server from the outside
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-harness"

#include "config.h"

#include "test-harness-util.h"

#include <gsasl.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IO_TIMEOUT_S 15
#define POLL_US      (20 * 1000)

typedef struct {
  int     pid;
  int     ppid;
  int     pgrp;
  char    state;
  guint64 start_time;
  char    name[32];
} ProcEntry;

static gboolean
read_proc_entry (const char *pid_name,
                 ProcEntry  *entry)
{
  g_autofree char *path = g_build_filename ("/proc", pid_name, "stat", NULL);
  g_autofree char *stat = NULL;
  const char *open_paren, *close_paren;
  unsigned long long start_time;
  gsize name_len;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;

  open_paren = strchr (stat, '(');
  close_paren = strrchr (stat, ')');
  if (open_paren == NULL || close_paren == NULL || close_paren < open_paren)
    return FALSE;

  /* Fields after "(comm)": state ppid pgrp session tty_nr tpgid flags minflt
   * cminflt majflt cmajflt utime stime cutime cstime priority nice
   * num_threads itrealvalue starttime. */
  if (sscanf (close_paren + 1,
              " %c %d %d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
              &entry->state, &entry->ppid, &entry->pgrp, &start_time) != 4)
    return FALSE;

  entry->pid = atoi (pid_name);
  entry->start_time = start_time;
  name_len = MIN ((gsize) (close_paren - open_paren - 1), sizeof entry->name - 1);
  memcpy (entry->name, open_paren + 1, name_len);
  entry->name[name_len] = '\0';
  return TRUE;
}

static GArray *
read_all_procs (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (ProcEntry));
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      ProcEntry entry = { 0 };

      if (g_ascii_isdigit (name[0]) && read_proc_entry (name, &entry))
        g_array_append_val (entries, entry);
    }

  return entries;
}

static gboolean
pid_in (const GArray *procs,
        int           pid)
{
  for (guint i = 0; i < procs->len; i++)
    if (g_array_index (procs, HarnessProc, i).pid == pid)
      return TRUE;
  return FALSE;
}

/* The leaders, every process in their groups and all their descendants
 * (ejabberd's erl_child_setup puts its helpers in sessions of their own). */
GArray *
harness_snapshot_processes (const GArray *leaders)
{
  g_autoptr(GArray) entries = read_all_procs ();
  GArray *procs = g_array_new (FALSE, TRUE, sizeof (HarnessProc));
  gboolean grew = TRUE;

  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < entries->len; i++)
        {
          ProcEntry *entry = &g_array_index (entries, ProcEntry, i);
          gboolean member = FALSE;
          HarnessProc proc = { 0 };

          if (entry->state == 'Z' || pid_in (procs, entry->pid))
            continue;

          for (guint l = 0; l < leaders->len; l++)
            {
              GPid leader = g_array_index (leaders, GPid, l);

              member |= entry->pid == leader || entry->pgrp == leader;
            }
          member |= pid_in (procs, entry->ppid);
          if (!member)
            continue;

          proc.pid = entry->pid;
          proc.start_time = entry->start_time;
          memcpy (proc.name, entry->name, sizeof proc.name);
          g_array_append_val (procs, proc);
          grew = TRUE;
        }
    }

  return procs;
}

static gboolean
proc_alive (const HarnessProc *proc)
{
  g_autofree char *pid_name = g_strdup_printf ("%d", proc->pid);
  ProcEntry entry = { 0 };

  /* A zombie is dead: its parent (init, after ours died) has to reap it. */
  return read_proc_entry (pid_name, &entry) && entry.start_time == proc->start_time &&
         entry.state != 'Z' && entry.state != 'X';
}

gboolean
harness_wait_processes_gone (const GArray  *procs,
                             guint          timeout_ms,
                             char         **still_alive)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (TRUE)
    {
      g_autoptr(GString) alive = g_string_new (NULL);

      for (guint i = 0; i < procs->len; i++)
        {
          const HarnessProc *proc = &g_array_index (procs, HarnessProc, i);

          if (proc_alive (proc))
            g_string_append_printf (alive, "%s%d (%s)", alive->len ? ", " : "", proc->pid, proc->name);
        }

      if (alive->len == 0)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        {
          if (still_alive != NULL)
            *still_alive = g_string_free (g_steal_pointer (&alive), FALSE);
          return FALSE;
        }
      g_usleep (POLL_US);
    }
}

/* "12 34 56" → GArray of GPid */
GArray *
harness_pids_from_strings (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n,", -1);
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (GPid));

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      {
        GPid pid = atoi (words[i]);

        g_array_append_val (pids, pid);
      }

  return pids;
}

static gboolean
write_text (GIOStream   *stream,
            const char  *text,
            GError     **error)
{
  return g_output_stream_write_all (g_io_stream_get_output_stream (stream),
                                    text, strlen (text), NULL, NULL, error);
}

static gboolean
fill (GIOStream  *stream,
      GString    *buffer,
      GError    **error)
{
  char chunk[4096];
  gssize n = g_input_stream_read (g_io_stream_get_input_stream (stream),
                                  chunk, sizeof chunk, NULL, error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                   "The server closed the connection after: %.300s", buffer->str);
      return FALSE;
    }
  g_string_append_len (buffer, chunk, n);
  return TRUE;
}

/* Reads the stream header (up to the '>' of <stream:stream …>). */
static gboolean
read_stream_header (GIOStream  *stream,
                    GString    *buffer,
                    GError    **error)
{
  while (TRUE)
    {
      const char *start = strstr (buffer->str, "<stream:stream");
      const char *end = start != NULL ? strchr (start, '>') : NULL;

      if (end != NULL)
        {
          g_string_erase (buffer, 0, end + 1 - buffer->str);
          return TRUE;
        }
      if (!fill (stream, buffer, error))
        return FALSE;
    }
}

/* Reads the next top-level element, e.g. <stream:features>…</stream:features>
 * or <success …/>; good enough for the flat elements of a stream opening. */
static char *
read_element (GIOStream  *stream,
              GString    *buffer,
              GError    **error)
{
  while (TRUE)
    {
      const char *start = strchr (buffer->str, '<');

      if (start != NULL)
        {
          gsize name_len = strcspn (start + 1, " />");
          g_autofree char *name = g_strndup (start + 1, name_len);
          g_autofree char *closing = g_strdup_printf ("</%s>", name);
          const char *tag_end = strchr (start, '>');
          const char *end = NULL;

          if (tag_end != NULL && tag_end[-1] == '/')
            end = tag_end + 1;
          else if (tag_end != NULL && strstr (tag_end, closing) != NULL)
            end = strstr (tag_end, closing) + strlen (closing);

          if (end != NULL)
            {
              char *element = g_strndup (start, end - start);

              g_string_erase (buffer, 0, end - buffer->str);
              return element;
            }
        }

      if (!fill (stream, buffer, error))
        return NULL;
    }
}

static char *
open_stream (GIOStream   *stream,
             GString     *buffer,
             const char  *domain,
             GError     **error)
{
  g_autofree char *header = g_strdup_printf ("<?xml version='1.0'?><stream:stream to='%s'"
                                             " version='1.0' xmlns='jabber:client'"
                                             " xmlns:stream='http://etherx.jabber.org/streams'>",
                                             domain);

  if (!write_text (stream, header, error) || !read_stream_header (stream, buffer, error))
    return NULL;
  return read_element (stream, buffer, error);
}

/* TLS that trusts only the harness CA and checks the server's name: a
 * verification failure fails the handshake. */
static GIOStream *
start_tls (HolbooTestServer  *server,
           GIOStream         *base,
           guint16            port,
           GError           **error)
{
  g_autofree char *ca_file = holboo_test_server_dup_ca_file (server);
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GSocketConnectable) identity = NULL;
  g_autoptr(GIOStream) tls = NULL;

  database = g_tls_file_database_new (ca_file, error);
  if (database == NULL)
    return NULL;

  identity = g_network_address_new (holboo_test_server_get_domain (server), port);
  tls = g_tls_client_connection_new (base, identity, error);
  if (tls == NULL)
    return NULL;
  g_tls_connection_set_database (G_TLS_CONNECTION (tls), database);

  if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls), NULL, error))
    return NULL;
  return g_steal_pointer (&tls);
}

GIOStream *
harness_xmpp_connect (HolbooTestServer  *server,
                      gboolean           direct_tls,
                      GString           *buffer,
                      char             **plain_features,
                      char             **tls_features,
                      GError           **error)
{
  const char *domain = holboo_test_server_get_domain (server);
  guint16 port = holboo_test_server_get_port (server, direct_tls ? HOLBOO_TEST_PORT_DIRECT_TLS
                                                                 : HOLBOO_TEST_PORT_C2S);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GIOStream) tls = NULL;
  g_autofree char *features = NULL;
  g_autofree char *proceed = NULL;

  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, IO_TIMEOUT_S);
  connection = g_socket_client_connect_to_host (client, holboo_test_server_get_host (server),
                                                port, NULL, error);
  if (connection == NULL)
    return NULL;
  g_socket_set_timeout (g_socket_connection_get_socket (connection), IO_TIMEOUT_S);

  if (!direct_tls)
    {
      features = open_stream (G_IO_STREAM (connection), buffer, domain, error);
      if (features == NULL)
        return NULL;
      if (strstr (features, "<starttls") == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "No <starttls/> in %s", features);
          return NULL;
        }
      if (!write_text (G_IO_STREAM (connection),
                       "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>", error))
        return NULL;
      proceed = read_element (G_IO_STREAM (connection), buffer, error);
      if (proceed == NULL)
        return NULL;
      if (!g_str_has_prefix (proceed, "<proceed"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "STARTTLS refused: %s", proceed);
          return NULL;
        }
      if (plain_features != NULL)
        *plain_features = g_steal_pointer (&features);
    }

  tls = start_tls (server, G_IO_STREAM (connection), port, error);
  if (tls == NULL)
    return NULL;

  g_string_truncate (buffer, 0);
  g_clear_pointer (&features, g_free);
  features = open_stream (tls, buffer, domain, error);
  if (features == NULL)
    return NULL;

  if (tls_features != NULL)
    *tls_features = g_steal_pointer (&features);
  return g_steal_pointer (&tls);
}

static char *
element_text (const char *element)
{
  const char *start = strchr (element, '>');
  const char *end = strrchr (element, '<');

  if (start == NULL || end == NULL || end <= start || start[-1] == '/')
    return g_strdup ("");
  return g_strndup (start + 1, end - start - 1);
}

/* SCRAM-SHA-1 with GNU SASL, including the check of the server signature. */
gboolean
harness_xmpp_scram_login (GIOStream   *stream,
                          GString     *buffer,
                          const char  *username,
                          const char  *password,
                          GError     **error)
{
  Gsasl *context = NULL;
  Gsasl_session *session = NULL;
  char *out = NULL;
  g_autofree char *auth = NULL;
  gboolean ok = FALSE;
  int rc;

  g_assert_cmpint (gsasl_init (&context), ==, GSASL_OK);
  g_assert_cmpint (gsasl_client_start (context, "SCRAM-SHA-1", &session), ==, GSASL_OK);
  gsasl_property_set (session, GSASL_AUTHID, username);
  gsasl_property_set (session, GSASL_PASSWORD, password);

  rc = gsasl_step64 (session, NULL, &out);
  g_assert_cmpint (rc, ==, GSASL_NEEDS_MORE);
  auth = g_strdup_printf ("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>"
                          "%s</auth>", out);
  gsasl_free (out);
  if (!write_text (stream, auth, error))
    goto out;

  while (TRUE)
    {
      g_autofree char *element = read_element (stream, buffer, error);
      g_autofree char *data = NULL;
      g_autofree char *response = NULL;

      if (element == NULL)
        goto out;
      data = element_text (element);

      if (g_str_has_prefix (element, "<failure"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       "SASL failure: %s", element);
          goto out;
        }

      if (g_str_has_prefix (element, "<success"))
        {
          if (data[0] != '\0')
            rc = gsasl_step64 (session, data, &out), gsasl_free (out);
          if (rc != GSASL_OK)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The server's SCRAM signature did not verify: %s", gsasl_strerror (rc));
              goto out;
            }
          ok = TRUE;
          goto out;
        }

      if (!g_str_has_prefix (element, "<challenge"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Unexpected %s", element);
          goto out;
        }

      rc = gsasl_step64 (session, data, &out);
      if (rc != GSASL_OK && rc != GSASL_NEEDS_MORE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "SCRAM step failed: %s",
                       gsasl_strerror (rc));
          goto out;
        }
      response = g_strdup_printf ("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>%s</response>",
                                  out);
      gsasl_free (out);
      if (!write_text (stream, response, error))
        goto out;
    }

out:
  gsasl_finish (session);
  gsasl_done (context);
  return ok;
}

/* A full login over direct TLS: connect, verify, SCRAM. */
gboolean
harness_login (HolbooTestServer  *server,
               const char        *username,
               const char        *password,
               GError           **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GIOStream) stream = NULL;

  stream = harness_xmpp_connect (server, TRUE, buffer, NULL, NULL, error);
  if (stream == NULL)
    return FALSE;
  return harness_xmpp_scram_login (stream, buffer, username, password, error);
}

/* RFC 5389 Binding request over UDP; the answer must be a Binding success
 * with our transaction id and an XOR-MAPPED-ADDRESS. */
gboolean
harness_stun_binding (guint16      port,
                      guint        timeout_ms,
                      GError     **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);
  guint8 request[20] = { 0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42 };
  guint8 reply[1024];
  gssize n;
  gsize offset;

  for (guint i = 8; i < sizeof request; i++)
    request[i] = (guint8) g_random_int_range (0, 256);

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL || !g_socket_connect (socket, address, NULL, error))
    return FALSE;
  if (g_socket_send (socket, (const char *) request, sizeof request, NULL, error) < 0)
    return FALSE;
  if (!g_socket_condition_timed_wait (socket, G_IO_IN, (gint64) timeout_ms * 1000, NULL, error))
    return FALSE;
  n = g_socket_receive (socket, (char *) reply, sizeof reply, NULL, error);
  if (n < 0)
    return FALSE;

  if (n < 20 || reply[0] != 0x01 || reply[1] != 0x01 || memcmp (reply + 4, request + 4, 16) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Not a Binding success for our transaction (%" G_GSSIZE_FORMAT " bytes)", n);
      return FALSE;
    }

  for (offset = 20; offset + 4 <= (gsize) n;)
    {
      guint type = reply[offset] << 8 | reply[offset + 1];
      guint length = reply[offset + 2] << 8 | reply[offset + 3];

      if (type == 0x0020)  /* XOR-MAPPED-ADDRESS */
        return TRUE;
      offset += 4 + ((length + 3) & ~3u);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "No XOR-MAPPED-ADDRESS in the answer");
  return FALSE;
}

/* Logs in over direct TLS, restarts the stream and binds a resource: a
 * session ready for IQs. features gets the post-authentication features. */
GIOStream *
harness_xmpp_session (HolbooTestServer  *server,
                      const char        *username,
                      const char        *password,
                      GString           *buffer,
                      char             **features,
                      GError           **error)
{
  g_autoptr(GIOStream) stream = NULL;
  g_autofree char *session_features = NULL;
  g_autofree char *bound = NULL;

  stream = harness_xmpp_connect (server, TRUE, buffer, NULL, NULL, error);
  if (stream == NULL || !harness_xmpp_scram_login (stream, buffer, username, password, error))
    return NULL;

  session_features = open_stream (stream, buffer, holboo_test_server_get_domain (server), error);
  if (session_features == NULL)
    return NULL;

  bound = harness_xmpp_iq (stream, buffer,
                           "<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                           "<resource>harness</resource></bind></iq>", error);
  if (bound == NULL)
    return NULL;
  if (strstr (bound, "type='result'") == NULL && strstr (bound, "type=\"result\"") == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Bind failed: %s", bound);
      return NULL;
    }

  if (features != NULL)
    *features = g_steal_pointer (&session_features);
  return g_steal_pointer (&stream);
}

/* Sends an <iq/> and returns the reply, skipping anything else that
 * arrives first (presence, messages). */
char *
harness_xmpp_iq (GIOStream   *stream,
                 GString     *buffer,
                 const char  *iq,
                 GError     **error)
{
  if (!write_text (stream, iq, error))
    return NULL;

  while (TRUE)
    {
      g_autofree char *element = read_element (stream, buffer, error);

      if (element == NULL)
        return NULL;
      if (g_str_has_prefix (element, "<iq"))
        return g_steal_pointer (&element);
    }
}

/* Sends a raw HTTP/1.1 request over verified TLS to the HTTPS port and
 * returns the response head (up to the blank line). */
char *
harness_https_head (HolbooTestServer  *server,
                    const char        *request,
                    GError           **error)
{
  guint16 port = holboo_test_server_get_port (server, HOLBOO_TEST_PORT_HTTPS);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GIOStream) tls = NULL;
  g_autoptr(GString) buffer = g_string_new (NULL);

  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, IO_TIMEOUT_S);
  connection = g_socket_client_connect_to_host (client, holboo_test_server_get_host (server),
                                                port, NULL, error);
  if (connection == NULL)
    return NULL;
  g_socket_set_timeout (g_socket_connection_get_socket (connection), IO_TIMEOUT_S);

  tls = start_tls (server, G_IO_STREAM (connection), port, error);
  if (tls == NULL || !write_text (tls, request, error))
    return NULL;

  while (strstr (buffer->str, "\r\n\r\n") == NULL)
    if (!fill (tls, buffer, error))
      return NULL;

  g_string_truncate (buffer, strstr (buffer->str, "\r\n\r\n") - buffer->str);
  return g_string_free (g_steal_pointer (&buffer), FALSE);
}
