/* holboo-xmpp-host-meta.c: the WebSocket endpoint by XEP-0156 (host-meta)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * https://DOMAIN/.well-known/host-meta (XRD, which XEP-0156 requires),
 * then host-meta.json.  Only HTTPS, with the certificate checked, and
 * only wss:// links are taken: an endpoint learnt over a channel an
 * attacker could change would hand them the password.
 */

#define G_LOG_DOMAIN "holboo-xmpp-host-meta"

#include "config.h"

#include "holboo-xmpp-host-meta.h"
#include "holboo-xmpp-error-private.h"
#include "holboo-xml-stream.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#define XRD_NS        "http://docs.oasis-open.org/ns/xri/xrd-1.0"
#define MAX_BODY_SIZE (64 * 1024)

typedef struct {
  SoupSession *session;
  char        *base_url;
  gboolean     json;
  GError      *first_error;
} LookupData;

static gboolean
is_websocket_link (const char *rel,
                   const char *href)
{
  return g_strcmp0 (rel, HOLBOO_XMPP_HOST_META_WEBSOCKET_REL) == 0 &&
         href != NULL && g_str_has_prefix (href, "wss://") &&
         g_uri_is_valid (href, G_URI_FLAGS_NONE, NULL);
}

static GError *
no_link_error (void)
{
  return g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_FAILED,
                              _("The server announces no secure WebSocket endpoint"));
}

/**
 * holboo_xmpp_host_meta_parse_xrd:
 *
 * Returns: (transfer full) (nullable): the first wss:// link with rel
 *   "urn:xmpp:alt-connections:websocket" in an XRD document
 */
char *
holboo_xmpp_host_meta_parse_xrd (const char  *data,
                                 gsize        len,
                                 GError     **error)
{
  g_autoptr(HolbooXmlNode) xrd = NULL;
  HolbooXmlIter iter;
  HolbooXmlNode *link;

  xrd = holboo_xml_parse_element (data, len, NULL, error);
  if (xrd == NULL)
    return NULL;

  if (!holboo_xml_node_is (xrd, "XRD", XRD_NS))
    {
      g_set_error_literal (error, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_FAILED,
                           _("The server's host-meta is not an XRD document"));
      return NULL;
    }

  holboo_xml_iter_init (&iter, xrd, "Link", XRD_NS);
  while (holboo_xml_iter_next (&iter, &link))
    {
      const char *href = holboo_xml_node_get_attribute (link, "href");

      if (is_websocket_link (holboo_xml_node_get_attribute (link, "rel"), href))
        return g_strdup (href);
    }

  g_propagate_error (error, no_link_error ());
  return NULL;
}

/**
 * holboo_xmpp_host_meta_parse_json:
 *
 * Returns: (transfer full) (nullable): the first wss:// link with rel
 *   "urn:xmpp:alt-connections:websocket" in a host-meta.json document
 */
char *
holboo_xmpp_host_meta_parse_json (const char  *data,
                                  gsize        len,
                                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *links;

  if (!json_parser_load_from_data (parser, data, len, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "links") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "links")))
    {
      g_propagate_error (error, no_link_error ());
      return NULL;
    }

  links = json_object_get_array_member (json_node_get_object (root), "links");
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonNode *node = json_array_get_element (links, i);
      JsonObject *link;
      const char *rel, *href;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      link = json_node_get_object (node);
      rel = json_object_get_string_member_with_default (link, "rel", NULL);
      href = json_object_get_string_member_with_default (link, "href", NULL);
      if (is_websocket_link (rel, href))
        return g_strdup (href);
    }

  g_propagate_error (error, no_link_error ());
  return NULL;
}

static void
lookup_data_free (LookupData *data)
{
  g_clear_object (&data->session);
  g_free (data->base_url);
  g_clear_error (&data->first_error);
  g_free (data);
}

static void fetch (GTask *task);

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *data = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body != NULL && !SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    error = g_error_new (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_FAILED,
                         _("The server has no host-meta (HTTP %u)"), soup_message_get_status (message));
  else if (body != NULL && g_bytes_get_size (body) > MAX_BODY_SIZE)
    error = g_error_new_literal (HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_FAILED,
                                 _("The server's host-meta is too large"));
  else if (body != NULL)
    {
      gsize len;
      const char *text = g_bytes_get_data (body, &len);

      url = data->json ? holboo_xmpp_host_meta_parse_json (text, len, &error)
                       : holboo_xmpp_host_meta_parse_xrd (text, len, &error);
    }

  if (url != NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&url), g_free);
      return;
    }

  g_debug ("host-meta%s at %s: %s", data->json ? ".json" : "", data->base_url, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->first_error == NULL)
    data->first_error = g_steal_pointer (&error);

  /* Nothing more to try, or nothing will answer: report the first error. */
  if (data->json || data->first_error->domain != HOLBOO_XMPP_ERROR)
    {
      g_autoptr(GUri) uri = g_uri_parse (data->base_url, G_URI_FLAGS_NONE, NULL);

      g_task_return_error (task, _holboo_xmpp_error_from_io (data->first_error,
                                                             uri != NULL ? g_uri_get_host (uri)
                                                                         : data->base_url));
      return;
    }

  data->json = TRUE;
  fetch (g_steal_pointer (&task));
}

static void
fetch (GTask *task)
{
  LookupData *data = g_task_get_task_data (task);
  g_autofree char *url = g_strconcat (data->base_url, "/.well-known/host-meta",
                                      data->json ? ".json" : "", NULL);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, url);

  if (message == NULL)
    {
      g_task_return_new_error (task, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_INVALID_SETTINGS,
                               _("“%s” is not a valid address"), data->base_url);
      g_object_unref (task);
      return;
    }

  soup_message_headers_append (soup_message_get_request_headers (message), "Accept",
                               data->json ? "application/json" : "application/xrd+xml");
  soup_session_send_and_read_async (data->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_fetched, task);
}

/**
 * holboo_xmpp_host_meta_lookup_async:
 * @base_url: "https://DOMAIN" (a port may follow, for tests)
 * @tls_database: (nullable): trust anchors, %NULL for the system's
 *
 * Fetches host-meta, then host-meta.json, for the WebSocket endpoint.
 */
void
holboo_xmpp_host_meta_lookup_async (const char          *base_url,
                                    GTlsDatabase        *tls_database,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  LookupData *data;

  g_return_if_fail (base_url != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_xmpp_host_meta_lookup_async);
  data = g_new0 (LookupData, 1);
  data->base_url = g_strdup (base_url);
  data->session = soup_session_new_with_options ("timeout", 10, NULL);
  if (tls_database != NULL)
    g_object_set (data->session, "tls-database", tls_database, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) lookup_data_free);

  if (!g_str_has_prefix (base_url, "https://"))
    {
      g_task_return_new_error (task, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_INVALID_SETTINGS,
                               _("“%s” is not a valid address"), base_url);
      g_object_unref (task);
      return;
    }

  fetch (task);
}

/**
 * holboo_xmpp_host_meta_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the wss:// URL
 */
char *
holboo_xmpp_host_meta_lookup_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
