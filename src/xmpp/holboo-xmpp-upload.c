/* holboo-xmpp-upload.c: HTTP File Upload (XEP-0363, urn:xmpp:http:upload:0)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The upload service is found by service discovery of the account's
 * server: its items, then the first item whose disco#info has the
 * upload feature (the server itself is asked last).  The service's
 * extended information form gives max-file-size.  A slot is asked for
 * each file; its answer is taken only when both URLs are plain https
 * URLs without credentials, and only the headers the XEP allows are
 * kept (Authorization, Cookie, Expires; others are ignored, as the XEP
 * says).  A header value that could split the HTTP request (CR, LF or
 * other control characters) makes the whole slot unusable: a service
 * that sends one is not trusted with the file.
 *
 * Service discovery itself is holboo-xmpp-disco.c's.
 */

#define G_LOG_DOMAIN "holboo-xmpp-upload"

#include "config.h"

#include "holboo-xmpp-upload.h"
#include "holboo-jid.h"
#include "holboo-xmpp-connection.h"
#include "holboo-xmpp-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (holboo-xmpp-upload-error-quark, holboo_xmpp_upload_error)

#define XMLNS_DATA "jabber:x:data"

/* More items than this on one server are not all asked. */
#define MAX_ITEMS_ASKED 32

static const char * const allowed_headers[] = { "Authorization", "Cookie", "Expires" };

void
holboo_xmpp_upload_service_free (HolbooXmppUploadService *service)
{
  if (service == NULL)
    return;
  g_free (service->jid);
  g_free (service);
}

void
holboo_xmpp_upload_slot_free (HolbooXmppUploadSlot *slot)
{
  if (slot == NULL)
    return;
  g_free (slot->put_url);
  g_free (slot->get_url);
  g_strfreev (slot->header_names);
  g_strfreev (slot->header_values);
  g_free (slot);
}

static HolbooXmlNode *
build_iq (const char *type,
          const char *to)
{
  HolbooXmlNode *iq = holboo_xml_node_new ("iq", HOLBOO_XMLNS_CLIENT);

  holboo_xml_node_set_attribute (iq, "type", type);
  holboo_xml_node_set_attribute (iq, "to", to);
  return iq;
}

/* The value of @var in @info's result form of FORM_TYPE @form_type. */
static const char *
form_value (HolbooXmppDiscoInfo *info,
            const char          *form_type,
            const char          *var)
{
  for (guint i = 0; i < info->forms->len; i++)
    {
      HolbooXmlNode *form = info->forms->pdata[i];
      HolbooXmlIter fields;
      HolbooXmlNode *field;
      const char *type = NULL;
      const char *value = NULL;

      holboo_xml_iter_init (&fields, form, "field", XMLNS_DATA);
      while (holboo_xml_iter_next (&fields, &field))
        {
          const char *name = holboo_xml_node_get_attribute (field, "var");

          if (g_strcmp0 (name, "FORM_TYPE") == 0)
            type = holboo_xml_node_get_child_text (field, "value", XMLNS_DATA);
          else if (g_strcmp0 (name, var) == 0)
            value = holboo_xml_node_get_child_text (field, "value", XMLNS_DATA);
        }
      if (g_strcmp0 (type, form_type) == 0)
        return value;
    }
  return NULL;
}

/**
 * holboo_xmpp_upload_is_service:
 * @info: an entity's disco#info (holboo_xmpp_disco_parse_info())
 * @max_file_size: (out) (optional): the service's max-file-size, or 0
 *   when it gives none (or one that is not a number)
 *
 * Returns: whether the entity is an upload service of this XEP version
 */
gboolean
holboo_xmpp_upload_is_service (HolbooXmppDiscoInfo *info,
                               guint64             *max_file_size)
{
  const char *max;
  guint64 value = 0;

  g_return_val_if_fail (info != NULL, FALSE);

  if (max_file_size != NULL)
    *max_file_size = 0;
  if (!holboo_xmpp_disco_info_has_feature (info, HOLBOO_XMLNS_HTTP_UPLOAD))
    return FALSE;

  max = form_value (info, HOLBOO_XMLNS_HTTP_UPLOAD, "max-file-size");
  if (max != NULL && !g_ascii_string_to_unsigned (max, 10, 1, G_MAXUINT64, &value, NULL))
    {
      g_debug ("Ignoring an upload service's max-file-size “%s”", max);
      value = 0;
    }
  if (max_file_size != NULL)
    *max_file_size = value;
  return TRUE;
}

/**
 * holboo_xmpp_upload_clean_filename:
 * @name: a file's name as the user has it
 *
 * Returns: (transfer full): a name fit to give the service: no
 *   directory, no control characters or slashes, at most 200 bytes of
 *   valid UTF-8, never empty
 */
char *
holboo_xmpp_upload_clean_filename (const char *name)
{
  g_autofree char *base = NULL;
  g_autofree char *valid = NULL;
  GString *out;

  base = g_path_get_basename (name != NULL && *name != '\0' ? name : "file");
  valid = g_utf8_make_valid (base, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (out->len + 6 > 200)
        break;
      if (c < 0x20 || c == 0x7f || c == '/' || c == '\\' || (c >= 0x80 && c < 0xa0))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  if (out->len == 0 || strcmp (out->str, ".") == 0 || strcmp (out->str, "..") == 0)
    g_string_assign (out, "file");
  return g_string_free (out, FALSE);
}

/**
 * holboo_xmpp_upload_build_request:
 * @service: the upload service's JID
 * @filename: the file's name (cleaned with holboo_xmpp_upload_clean_filename())
 * @size: its size in bytes
 * @content_type: (nullable): its MIME type
 *
 * Returns: (transfer full): a slot request
 */
HolbooXmlNode *
holboo_xmpp_upload_build_request (const char *service,
                                  const char *filename,
                                  guint64     size,
                                  const char *content_type)
{
  g_autofree char *size_str = NULL;
  g_autofree char *clean = NULL;
  HolbooXmlNode *iq, *request;

  g_return_val_if_fail (service != NULL, NULL);

  clean = holboo_xmpp_upload_clean_filename (filename);
  size_str = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  iq = build_iq ("get", service);
  request = holboo_xml_node_add_child_ns (iq, "request", HOLBOO_XMLNS_HTTP_UPLOAD);
  holboo_xml_node_set_attribute (request, "filename", clean);
  holboo_xml_node_set_attribute (request, "size", size_str);
  if (content_type != NULL)
    holboo_xml_node_set_attribute (request, "content-type", content_type);
  return iq;
}

static gboolean
check_url (const char  *url,
           const char  *which,
           GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *reason = NULL;

  if (url == NULL || *url == '\0')
    reason = "missing";
  else if (strnlen (url, HOLBOO_XMPP_UPLOAD_MAX_URL_LENGTH + 1) > HOLBOO_XMPP_UPLOAD_MAX_URL_LENGTH)
    reason = "too long";
  else
    {
      for (const char *p = url; *p != '\0' && reason == NULL; p++)
        if ((guchar) *p <= 0x20 || *p == 0x7f)
          reason = "contains spaces or control characters";
    }

  if (reason == NULL)
    {
      uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
      if (uri == NULL)
        reason = "not a URL";
      else if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0)
        reason = "not https";
      else if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
        reason = "no host";
      else if (g_uri_get_userinfo (uri) != NULL)
        reason = "carries credentials";
    }

  if (reason != NULL)
    {
      g_message ("Refusing an upload slot: its %s URL is %s", which, reason);
      g_set_error (error, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT,
                   _("The server offered an unsafe upload address (%s)"), reason);
      return FALSE;
    }
  return TRUE;
}

static const char *
allowed_header_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed_headers); i++)
    if (g_ascii_strcasecmp (name, allowed_headers[i]) == 0)
      return allowed_headers[i];
  return NULL;
}

static gboolean
header_value_is_safe (const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    if (((guchar) *p < 0x20 && *p != '\t') || *p == 0x7f)
      return FALSE;
  return strlen (value) <= 4096;
}

/**
 * holboo_xmpp_upload_parse_slot:
 * @iq: the result of a slot request
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the slot, or %NULL with a
 *   %HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT error when it cannot be used
 */
HolbooXmppUploadSlot *
holboo_xmpp_upload_parse_slot (HolbooXmlNode  *iq,
                               GError        **error)
{
  g_autoptr(HolbooXmppUploadSlot) slot = g_new0 (HolbooXmppUploadSlot, 1);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  HolbooXmlNode *slot_node, *put, *get, *header;
  HolbooXmlIter iter;

  g_return_val_if_fail (iq != NULL, NULL);

  slot_node = holboo_xml_node_get_child (iq, "slot", HOLBOO_XMLNS_HTTP_UPLOAD);
  put = slot_node != NULL ? holboo_xml_node_get_child (slot_node, "put", HOLBOO_XMLNS_HTTP_UPLOAD) : NULL;
  get = slot_node != NULL ? holboo_xml_node_get_child (slot_node, "get", HOLBOO_XMLNS_HTTP_UPLOAD) : NULL;
  if (put == NULL || get == NULL)
    {
      g_message ("Refusing an upload slot without put and get");
      g_set_error_literal (error, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT,
                           _("The server’s answer to the upload request is incomplete"));
      return NULL;
    }

  if (!check_url (holboo_xml_node_get_attribute (put, "url"), "PUT", error) ||
      !check_url (holboo_xml_node_get_attribute (get, "url"), "GET", error))
    return NULL;

  holboo_xml_iter_init (&iter, put, "header", HOLBOO_XMLNS_HTTP_UPLOAD);
  while (holboo_xml_iter_next (&iter, &header))
    {
      const char *name = holboo_xml_node_get_attribute (header, "name");
      const char *value = holboo_xml_node_get_text (header);
      const char *allowed = name != NULL ? allowed_header_name (name) : NULL;

      if (allowed == NULL)
        {
          g_debug ("Ignoring the upload header “%s”, which XEP-0363 does not allow",
                   name != NULL ? name : "(no name)");
          continue;
        }
      if (value == NULL)
        value = "";
      if (!header_value_is_safe (value) || g_hash_table_contains (seen, allowed))
        {
          g_message ("Refusing an upload slot: its %s header is repeated or carries control characters",
                     allowed);
          g_set_error (error, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT,
                       _("The server offered an unsafe upload header (%s)"), allowed);
          return NULL;
        }
      g_hash_table_add (seen, (gpointer) allowed);
      g_strv_builder_add (names, allowed);
      g_strv_builder_add (values, value);
    }

  slot->put_url = g_strdup (holboo_xml_node_get_attribute (put, "url"));
  slot->get_url = g_strdup (holboo_xml_node_get_attribute (get, "url"));
  slot->header_names = g_strv_builder_end (names);
  slot->header_values = g_strv_builder_end (values);
  return g_steal_pointer (&slot);
}

/**
 * holboo_xmpp_upload_error_from_iq_error:
 * @iq_error: how the slot request failed
 * @size: the file's size
 * @max_file_size: the service's announced limit, or 0
 *
 * Returns: (transfer full): a %HOLBOO_XMPP_UPLOAD_ERROR for a refusal by
 *   the service, whose message is the server's text when it gave one;
 *   other errors (network, disconnection) are returned as they are
 */
GError *
holboo_xmpp_upload_error_from_iq_error (const GError *iq_error,
                                        guint64       size,
                                        guint64       max_file_size)
{
  HolbooXmppStanzaError condition;
  HolbooXmppUploadError code;
  const char *server_text;
  g_autofree char *max_str = NULL;

  g_return_val_if_fail (iq_error != NULL, NULL);

  if (iq_error->domain != HOLBOO_XMPP_STANZA_ERROR)
    return g_error_copy (iq_error);

  condition = iq_error->code;
  /* The stanza error's message is the server's text, or the bare
   * condition when it sent none. */
  server_text = iq_error->message;
  if (g_strcmp0 (server_text, holboo_xmpp_stanza_error_to_condition (condition)) == 0)
    server_text = NULL;

  switch (condition)
    {
    case HOLBOO_XMPP_STANZA_ERROR_NOT_ACCEPTABLE:
    case HOLBOO_XMPP_STANZA_ERROR_POLICY_VIOLATION:
      code = (max_file_size == 0 || size > max_file_size) ? HOLBOO_XMPP_UPLOAD_ERROR_TOO_LARGE
                                                          : HOLBOO_XMPP_UPLOAD_ERROR_REFUSED;
      break;
    case HOLBOO_XMPP_STANZA_ERROR_RESOURCE_CONSTRAINT:
      code = HOLBOO_XMPP_UPLOAD_ERROR_QUOTA;
      break;
    case HOLBOO_XMPP_STANZA_ERROR_NOT_ALLOWED:
    case HOLBOO_XMPP_STANZA_ERROR_FORBIDDEN:
    case HOLBOO_XMPP_STANZA_ERROR_NOT_AUTHORIZED:
      code = HOLBOO_XMPP_UPLOAD_ERROR_NOT_ALLOWED;
      break;
    case HOLBOO_XMPP_STANZA_ERROR_SERVICE_UNAVAILABLE:
    case HOLBOO_XMPP_STANZA_ERROR_FEATURE_NOT_IMPLEMENTED:
    case HOLBOO_XMPP_STANZA_ERROR_ITEM_NOT_FOUND:
      code = HOLBOO_XMPP_UPLOAD_ERROR_NO_SERVICE;
      break;
    default:
      code = HOLBOO_XMPP_UPLOAD_ERROR_REFUSED;
      break;
    }

  if (max_file_size > 0)
    max_str = g_format_size_full (max_file_size, G_FORMAT_SIZE_IEC_UNITS);

  if (code == HOLBOO_XMPP_UPLOAD_ERROR_TOO_LARGE && max_str != NULL)
    {
      if (server_text != NULL)
        /* Translators: the server's own reason, then its size limit, e.g. "100.0 MB" */
        return g_error_new (HOLBOO_XMPP_UPLOAD_ERROR, code, _("%s (the server accepts files up to %s)"),
                            server_text, max_str);
      return g_error_new (HOLBOO_XMPP_UPLOAD_ERROR, code,
                          _("The file is too large: the server accepts files up to %s"), max_str);
    }
  if (server_text != NULL)
    return g_error_new_literal (HOLBOO_XMPP_UPLOAD_ERROR, code, server_text);

  switch (code)
    {
    case HOLBOO_XMPP_UPLOAD_ERROR_TOO_LARGE:
      return g_error_new_literal (HOLBOO_XMPP_UPLOAD_ERROR, code, _("The file is too large for the server"));
    case HOLBOO_XMPP_UPLOAD_ERROR_QUOTA:
      return g_error_new_literal (HOLBOO_XMPP_UPLOAD_ERROR, code,
                                  _("The server cannot take more files now; try again later"));
    case HOLBOO_XMPP_UPLOAD_ERROR_NOT_ALLOWED:
      return g_error_new_literal (HOLBOO_XMPP_UPLOAD_ERROR, code,
                                  _("The server does not allow this account to send files"));
    case HOLBOO_XMPP_UPLOAD_ERROR_NO_SERVICE:
      return g_error_new_literal (HOLBOO_XMPP_UPLOAD_ERROR, code, _("The server does not accept files"));
    case HOLBOO_XMPP_UPLOAD_ERROR_REFUSED:
    case HOLBOO_XMPP_UPLOAD_ERROR_BAD_SLOT:
    default:
      return g_error_new (HOLBOO_XMPP_UPLOAD_ERROR, code, _("The server refused the file (%s)"),
                          holboo_xmpp_stanza_error_to_condition (condition));
    }
}

/* Discovery over a connection. */

typedef struct {
  HolbooXmppConnection *connection;
  char                 *domain;
  GPtrArray            *items;    /* (element-type HolbooXmppDiscoItem) */
  guint                 next;
  gboolean              asked_domain;
} Discover;

static void
discover_free (Discover *d)
{
  g_clear_object (&d->connection);
  g_free (d->domain);
  g_clear_pointer (&d->items, g_ptr_array_unref);
  g_free (d);
}

static void ask_next_info (GTask *task);

static void
on_info (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Discover *d = g_task_get_task_data (task);
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(HolbooXmppDiscoInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint64 max = 0;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL && error->domain != HOLBOO_XMPP_STANZA_ERROR)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  info = answer != NULL ? holboo_xmpp_disco_parse_info (answer, NULL) : NULL;
  if (info != NULL && holboo_xmpp_upload_is_service (info, &max))
    {
      HolbooXmppUploadService *service = g_new0 (HolbooXmppUploadService, 1);

      service->jid = g_strdup (holboo_xml_node_get_attribute (answer, "from"));
      if (service->jid == NULL)
        service->jid = g_strdup (d->domain);
      service->max_file_size = max;
      g_debug ("Upload service %s, max-file-size %" G_GUINT64_FORMAT, service->jid, max);
      g_task_return_pointer (task, service, (GDestroyNotify) holboo_xmpp_upload_service_free);
      return;
    }

  ask_next_info (g_steal_pointer (&task));
}

static void
ask_next_info (GTask *task)
{
  Discover *d = g_task_get_task_data (task);
  const char *jid;
  g_autoptr(HolbooXmlNode) iq = NULL;

  /* Items with a node are parts of an entity, not services. */
  while (d->items != NULL && d->next < d->items->len && d->next < MAX_ITEMS_ASKED &&
         ((HolbooXmppDiscoItem *) d->items->pdata[d->next])->node != NULL)
    d->next++;
  if (d->items != NULL && d->next < d->items->len && d->next < MAX_ITEMS_ASKED)
    jid = holboo_jid_to_string (((HolbooXmppDiscoItem *) d->items->pdata[d->next++])->jid);
  else if (!d->asked_domain)
    {
      jid = d->domain;
      d->asked_domain = TRUE;
    }
  else
    {
      g_task_return_new_error (task, HOLBOO_XMPP_UPLOAD_ERROR, HOLBOO_XMPP_UPLOAD_ERROR_NO_SERVICE,
                               _("The server “%s” does not accept files"), d->domain);
      g_object_unref (task);
      return;
    }

  iq = holboo_xmpp_disco_build_info_query (jid, NULL);
  holboo_xmpp_connection_send_iq_async (d->connection, iq, g_task_get_cancellable (task), on_info, task);
}

static void
on_items (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Discover *d = g_task_get_task_data (task);
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL && error->domain != HOLBOO_XMPP_STANZA_ERROR)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (answer != NULL)
    d->items = holboo_xmpp_disco_parse_items (answer, NULL);
  ask_next_info (task);
}

/**
 * holboo_xmpp_upload_discover_async:
 * @connection: a connected connection
 *
 * Finds the server's upload service and its size limit.
 */
void
holboo_xmpp_upload_discover_async (HolbooXmppConnection *connection,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  GTask *task;
  Discover *d;
  HolbooJid *bound;
  g_autoptr(HolbooXmlNode) iq = NULL;

  g_return_if_fail (HOLBOO_IS_XMPP_CONNECTION (connection));

  task = g_task_new (connection, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_xmpp_upload_discover_async);

  bound = holboo_xmpp_connection_get_bound_jid (connection);
  if (bound == NULL)
    {
      g_task_return_new_error (task, HOLBOO_XMPP_ERROR, HOLBOO_XMPP_ERROR_NOT_CONNECTED,
                               _("Not connected"));
      g_object_unref (task);
      return;
    }

  d = g_new0 (Discover, 1);
  d->connection = g_object_ref (connection);
  d->domain = g_strdup (holboo_jid_get_domainpart (bound));
  g_task_set_task_data (task, d, (GDestroyNotify) discover_free);

  iq = holboo_xmpp_disco_build_items_query (d->domain, NULL);
  holboo_xmpp_connection_send_iq_async (connection, iq, cancellable, on_items, task);
}

/**
 * holboo_xmpp_upload_discover_finish:
 *
 * Returns: (transfer full) (nullable): the service, or %NULL with
 *   %HOLBOO_XMPP_UPLOAD_ERROR_NO_SERVICE or a connection error
 */
HolbooXmppUploadService *
holboo_xmpp_upload_discover_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  guint64 size;
  guint64 max_file_size;
} SlotRequest;

static void
on_slot (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SlotRequest *r = g_task_get_task_data (task);
  g_autoptr(HolbooXmlNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmppUploadSlot *slot;

  answer = holboo_xmpp_connection_send_iq_finish (HOLBOO_XMPP_CONNECTION (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, holboo_xmpp_upload_error_from_iq_error (error, r->size, r->max_file_size));
      return;
    }

  slot = holboo_xmpp_upload_parse_slot (answer, &error);
  if (slot == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, slot, (GDestroyNotify) holboo_xmpp_upload_slot_free);
}

/**
 * holboo_xmpp_upload_request_slot_async:
 * @service: the service holboo_xmpp_upload_discover_async() found
 * @filename: the file's name
 * @size: its size in bytes
 * @content_type: (nullable): its MIME type
 *
 * Asks @service for a slot.  The service decides about the size: a
 * refusal comes back with the server's reason.
 */
void
holboo_xmpp_upload_request_slot_async (HolbooXmppConnection          *connection,
                                       const HolbooXmppUploadService *service,
                                       const char                    *filename,
                                       guint64                        size,
                                       const char                    *content_type,
                                       GCancellable                  *cancellable,
                                       GAsyncReadyCallback            callback,
                                       gpointer                       user_data)
{
  GTask *task;
  SlotRequest *r;
  g_autoptr(HolbooXmlNode) iq = NULL;

  g_return_if_fail (HOLBOO_IS_XMPP_CONNECTION (connection));
  g_return_if_fail (service != NULL);

  task = g_task_new (connection, cancellable, callback, user_data);
  g_task_set_source_tag (task, holboo_xmpp_upload_request_slot_async);
  r = g_new0 (SlotRequest, 1);
  r->size = size;
  r->max_file_size = service->max_file_size;
  g_task_set_task_data (task, r, g_free);

  iq = holboo_xmpp_upload_build_request (service->jid, filename, size, content_type);
  holboo_xmpp_connection_send_iq_async (connection, iq, cancellable, on_slot, task);
}

/**
 * holboo_xmpp_upload_request_slot_finish:
 *
 * Returns: (transfer full) (nullable): the slot, or %NULL with a
 *   %HOLBOO_XMPP_UPLOAD_ERROR (the server's reason) or a connection error
 */
HolbooXmppUploadSlot *
holboo_xmpp_upload_request_slot_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
