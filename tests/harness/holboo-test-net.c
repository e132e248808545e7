/* holboo-test-net.c — free loopback ports and readiness probes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-test-server"

#include "config.h"

#include "holboo-test-server-private.h"

#include <string.h>

#define PICK_ATTEMPTS   64
#define PROBE_BUFFER    4096
#define FEATURES_LIMIT  (64 * 1024)
#define POLL_INTERVAL_US (50 * 1000)
#define PROBE_TIMEOUT_MS 1000
#define STUN_TIMEOUT_MS  200

static GSocket *
bind_loopback (GSocketFamily   family,
               GSocketType     type,
               guint16         port,
               GError        **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  GSocketProtocol protocol = type == G_SOCKET_TYPE_DATAGRAM ? G_SOCKET_PROTOCOL_UDP
                                                            : G_SOCKET_PROTOCOL_TCP;

  socket = g_socket_new (family, type, protocol, error);
  if (socket == NULL)
    return NULL;

  address = g_inet_address_new_loopback (family);
  socket_address = g_inet_socket_address_new (address, port);
  /* Servers set SO_REUSEADDR on their TCP listeners: probe the same way, so
   * a port in TIME_WAIT counts as free and one being listened on does not.
   * On UDP it would let two sockets share the port: leave it off there. */
  if (!g_socket_bind (socket, socket_address, type == G_SOCKET_TYPE_STREAM, error))
    return NULL;

  if (type == G_SOCKET_TYPE_STREAM && !g_socket_listen (socket, error))
    return NULL;

  return g_steal_pointer (&socket);
}

gboolean
_holboo_test_ipv6_available (void)
{
  g_autoptr(GSocket) socket = bind_loopback (G_SOCKET_FAMILY_IPV6, G_SOCKET_TYPE_STREAM, 0, NULL);

  return socket != NULL;
}

/* Fails with G_IO_ERROR_ADDRESS_IN_USE naming the port when a server could
 * not bind it on every loopback address (TCP, and UDP when udp_too). */
gboolean
_holboo_test_check_port (guint16      port,
                         const char  *name,
                         gboolean     udp_too,
                         gboolean     ipv6,
                         GError     **error)
{
  const GSocketFamily families[] = { G_SOCKET_FAMILY_IPV4, G_SOCKET_FAMILY_IPV6 };
  const GSocketType types[] = { G_SOCKET_TYPE_STREAM, G_SOCKET_TYPE_DATAGRAM };

  for (guint f = 0; f < (ipv6 ? 2u : 1u); f++)
    for (guint t = 0; t < (udp_too ? 2u : 1u); t++)
      {
        g_autoptr(GSocket) socket = NULL;
        g_autoptr(GError) local_error = NULL;

        socket = bind_loopback (families[f], types[t], port, &local_error);
        if (socket != NULL)
          continue;

        g_set_error (error, G_IO_ERROR,
                     g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE)
                       ? G_IO_ERROR_ADDRESS_IN_USE : G_IO_ERROR_FAILED,
                     "Port %u (%s, %s) is not free on %s: %s", port, name,
                     types[t] == G_SOCKET_TYPE_STREAM ? "TCP" : "UDP",
                     families[f] == G_SOCKET_FAMILY_IPV4 ? "127.0.0.1" : "::1",
                     local_error->message);
        return FALSE;
      }

  return TRUE;
}

/* Lets the kernel choose a free TCP port on 127.0.0.1, then checks the other
 * protocols and addresses. The port is closed again before the server binds
 * it, which leaves a small race with other processes; the kernel spreads its
 * choices widely, and a server that loses the race fails with a clear error. */
guint16
_holboo_test_pick_port (gboolean        udp_too,
                        gboolean        ipv6,
                        const guint16  *taken,
                        guint           n_taken,
                        GError        **error)
{
  for (guint attempt = 0; attempt < PICK_ATTEMPTS; attempt++)
    {
      g_autoptr(GSocket) socket = NULL;
      g_autoptr(GSocketAddress) local = NULL;
      gboolean clash = FALSE;
      guint16 port;

      socket = bind_loopback (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, error);
      if (socket == NULL)
        return 0;
      local = g_socket_get_local_address (socket, error);
      if (local == NULL)
        return 0;
      port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (local));
      g_clear_object (&socket);

      for (guint i = 0; i < n_taken; i++)
        clash |= taken[i] == port;
      if (clash)
        continue;

      if (_holboo_test_check_port (port, "", udp_too, ipv6, NULL))
        return port;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE,
               "No free loopback port found after %u attempts", PICK_ATTEMPTS);
  return 0;
}

/* Connects to the c2s port, sends a stream header and waits for
 * <stream:features>: the server is up and its virtual host is loaded. */
gboolean
_holboo_test_probe_xmpp (guint16      port,
                         const char  *domain,
                         guint        timeout_ms,
                         GError     **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GString) received = g_string_new (NULL);
  g_autofree char *header = NULL;
  guint timeout_s = MAX (1, (timeout_ms + 999) / 1000);
  GOutputStream *out;
  GInputStream *in;

  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_timeout (client, timeout_s);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, error);
  if (connection == NULL)
    return FALSE;
  g_socket_set_timeout (g_socket_connection_get_socket (connection), timeout_s);

  header = g_strdup_printf ("<?xml version='1.0'?><stream:stream to='%s' version='1.0'"
                            " xmlns='jabber:client'"
                            " xmlns:stream='http://etherx.jabber.org/streams'>",
                            domain);
  out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  if (!g_output_stream_write_all (out, header, strlen (header), NULL, NULL, error))
    return FALSE;

  while (received->len < FEATURES_LIMIT)
    {
      char buffer[PROBE_BUFFER];
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;

      g_string_append_len (received, buffer, n);
      if (strstr (received->str, "</stream:features>") != NULL ||
          strstr (received->str, "<stream:features/>") != NULL)
        return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
               "Port %u closed the stream without <stream:features>: %.200s",
               port, received->str);
  return FALSE;
}

/* Sends a STUN Binding request (RFC 5389, 20 bytes) over UDP and waits for
 * the Binding success response carrying the same transaction id. */
gboolean
_holboo_test_probe_stun (guint16      port,
                         guint        timeout_ms,
                         GError     **error)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) server = g_inet_socket_address_new (loopback, port);
  guint8 request[20] = { 0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42 };
  guint8 response[512];
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  for (guint i = 8; i < sizeof request; i++)
    request[i] = (guint8) g_random_int_range (0, 256);

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM,
                         G_SOCKET_PROTOCOL_UDP, error);
  if (socket == NULL || !g_socket_connect (socket, server, NULL, error))
    return FALSE;
  if (g_socket_send (socket, (const char *) request, sizeof request, NULL, error) < 0)
    return FALSE;

  while (TRUE)
    {
      gint64 left = deadline - g_get_monotonic_time ();
      gssize n;

      if (left <= 0 ||
          !g_socket_condition_timed_wait (socket, G_IO_IN, left, NULL, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                       "No STUN answer on UDP port %u within %u ms", port, timeout_ms);
          return FALSE;
        }

      n = g_socket_receive (socket, (char *) response, sizeof response, NULL, error);
      if (n < 0)
        return FALSE;
      if (n >= 20 && response[0] == 0x01 && response[1] == 0x01 &&
          memcmp (response + 4, request + 4, 16) == 0)
        return TRUE;
    }
}

static gboolean
port_needs_udp (HolbooTestPort port)
{
  return port == HOLBOO_TEST_PORT_TURN || port == HOLBOO_TEST_PORT_TURNS;
}

/* Fills ports[] for every used port: a fixed one must be free (the error
 * names it); otherwise the one of the last run — ports[] itself on a
 * restart, the state file for a demo directory — if still free, else a new
 * one. */
gboolean
_holboo_test_choose_ports (guint16         *ports,
                           const gboolean  *fixed,
                           const gboolean  *used,
                           gboolean         ipv6,
                           GKeyFile        *state,
                           GError         **error)
{
  guint16 chosen[HOLBOO_TEST_N_PORTS] = { 0 };

  for (guint i = 0; i < HOLBOO_TEST_N_PORTS; i++)
    {
      if (!used[i] || !fixed[i])
        continue;
      if (!_holboo_test_check_port (ports[i], holboo_test_server_get_port_name (i),
                                    port_needs_udp (i), ipv6, error))
        return FALSE;
      chosen[i] = ports[i];
    }

  for (guint i = 0; i < HOLBOO_TEST_N_PORTS; i++)
    {
      const char *name = holboo_test_server_get_port_name (i);
      guint16 previous = ports[i];

      if (!used[i] || fixed[i])
        continue;
      if (previous == 0)
        previous = (guint16) g_key_file_get_integer (state, "ports", name, NULL);

      if (previous != 0 && _holboo_test_check_port (previous, name, port_needs_udp (i), ipv6, NULL))
        chosen[i] = previous;
      else
        chosen[i] = _holboo_test_pick_port (port_needs_udp (i), ipv6,
                                            chosen, HOLBOO_TEST_N_PORTS, error);
      if (chosen[i] == 0)
        return FALSE;
    }

  memcpy (ports, chosen, sizeof chosen);
  return TRUE;
}

/* "Port N (name) is taken" as soon as a server logs that it could not bind
 * one of ours (Prosody keeps running without it), not after a timeout. */
gboolean
_holboo_test_find_bind_error (const char     *log_path,
                              const char     *who,
                              const guint16  *ports,
                              const gboolean *used,
                              GError        **error)
{
  static const char * const markers[] = {
    "Failed to open server port", "in use", "eaddrinuse", "errno=98", "Cannot bind",
  };
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (log_path, &text, NULL, NULL))
    return TRUE;

  lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    for (guint m = 0; m < G_N_ELEMENTS (markers); m++)
      {
        if (strstr (lines[l], markers[m]) == NULL)
          continue;

        for (guint i = 0; i < HOLBOO_TEST_N_PORTS; i++)
          {
            g_autofree char *number = g_strdup_printf ("%u", ports[i]);
            const char *at = used[i] ? strstr (lines[l], number) : NULL;

            if (at == NULL || g_ascii_isdigit (at[strlen (number)]) ||
                (at > lines[l] && g_ascii_isdigit (at[-1])))
              continue;

            g_set_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE,
                         "%s could not bind port %u (%s), it is taken: %s (see %s)",
                         who, ports[i], holboo_test_server_get_port_name (i),
                         g_strstrip (lines[l]), log_path);
            return FALSE;
          }
      }

  return TRUE;
}

/* Polls until the XMPP server answers a stream header with its features
 * and coturn answers STUN; fails early, quoting the logs, when either exits
 * or logs that one of our ports is taken, and at the latest after
 * timeout_s. */
gboolean
_holboo_test_wait_ready (const HolbooTestStarting  *starting,
                         GError                   **error)
{
  const char *turn_logs[] = { starting->turn_log, NULL };
  g_autoptr(GError) last_error = NULL;
  gint64 deadline = g_get_monotonic_time () + (gint64) starting->timeout_s * G_USEC_PER_SEC;
  gboolean server_ready = FALSE;
  gboolean turn_ready = FALSE;

  while (TRUE)
    {
      if (_holboo_test_subprocess_exited (starting->server))
        {
          _holboo_test_set_log_error (error, G_IO_ERROR_FAILED, starting->server_logs,
                                      "%s exited during start-up", starting->server_name);
          return FALSE;
        }
      if (_holboo_test_subprocess_exited (starting->turn))
        {
          _holboo_test_set_log_error (error, G_IO_ERROR_FAILED, turn_logs,
                                      "turnserver exited during start-up");
          return FALSE;
        }
      for (guint i = 0; starting->server_logs[i] != NULL; i++)
        if (!_holboo_test_find_bind_error (starting->server_logs[i], starting->server_name,
                                           starting->ports, starting->used, error))
          return FALSE;
      if (!_holboo_test_find_bind_error (starting->turn_log, "turnserver",
                                         starting->ports, starting->used, error))
        return FALSE;

      g_clear_error (&last_error);
      if (!server_ready)
        server_ready = _holboo_test_probe_xmpp (starting->ports[HOLBOO_TEST_PORT_C2S],
                                                starting->domain, PROBE_TIMEOUT_MS, &last_error);
      if (!turn_ready && server_ready)
        turn_ready = _holboo_test_probe_stun (starting->ports[HOLBOO_TEST_PORT_TURN],
                                              STUN_TIMEOUT_MS, &last_error);
      if (server_ready && turn_ready)
        return TRUE;

      if (g_get_monotonic_time () > deadline)
        {
          _holboo_test_set_log_error (error, G_IO_ERROR_TIMED_OUT,
                                      server_ready ? turn_logs : starting->server_logs,
                                      "%s did not answer within %u s (%s)",
                                      server_ready ? "turnserver" : starting->server_name,
                                      starting->timeout_s,
                                      last_error != NULL ? last_error->message : "no answer");
          return FALSE;
        }
      g_usleep (POLL_INTERVAL_US);
    }
}
