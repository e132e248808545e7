/* holboo-teamlog-op.c: the team log's operations on the wire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An op travels as a groupchat message to the log room with a short
 * human-readable body for other clients and one element:
 *
 *   <op xmlns='urn:holboo:teamlog:1' v='1' id='UUID' type='customer.update'
 *       customer='UUID' [target='…'] [at='2026-11-23T09:30:00Z']>
 *     <field name='phones'>+97699112233</field>    (create, update)
 *     <text>…</text>                              (notes, event summaries)
 *     <data>{…}</data>                            (event details, JSON)
 *   </op>
 *
 * Who wrote it and where it stands in the log come from the room (the
 * occupant's real JID, the archive's stanza-id), never from the op.
 */

#define G_LOG_DOMAIN "holboo-teamlog"

#include "config.h"

#include "holboo-phone.h"
#include "holboo-teamlog-op.h"
#include "holboo-xmpp-message.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (holboo-teamlog-error-quark, holboo_teamlog_error)

static const struct {
  HolbooTeamlogOpKind  kind;
  const char          *name;
} kinds[] = {
  { HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, "customer.create" },
  { HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, "customer.update" },
  { HOLBOO_TEAMLOG_OP_CUSTOMER_MERGE, "customer.merge" },
  { HOLBOO_TEAMLOG_OP_CUSTOMER_DELETE, "customer.delete" },
  { HOLBOO_TEAMLOG_OP_NOTE_ADD, "note.add" },
  { HOLBOO_TEAMLOG_OP_NOTE_EDIT, "note.edit" },
  { HOLBOO_TEAMLOG_OP_NOTE_DELETE, "note.delete" },
  { HOLBOO_TEAMLOG_OP_CALL_LOG, "call.log" },
  { HOLBOO_TEAMLOG_OP_CHAT_MIRROR, "chat.mirror" },
  { HOLBOO_TEAMLOG_OP_TAG_ADD, "tag.add" },
  { HOLBOO_TEAMLOG_OP_TAG_REMOVE, "tag.remove" },
  { HOLBOO_TEAMLOG_OP_OWNER_ASSIGN, "owner.assign" },
  { HOLBOO_TEAMLOG_OP_SATISFACTION, "satisfaction" },
};

const char *
holboo_teamlog_op_kind_to_string (HolbooTeamlogOpKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].name;
  return NULL;
}

static HolbooTeamlogOpKind
kind_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, name) == 0)
      return kinds[i].kind;
  return HOLBOO_TEAMLOG_OP_UNKNOWN;
}

static HolbooTeamlogOp *
malformed (GError     **error,
           const char  *what)
{
  g_set_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
               _("A team log entry was refused: %s"), what);
  return NULL;
}

/* Text a member may have typed: valid UTF-8, no control characters but
 * newlines and tabs, not longer than @max bytes. */
static gboolean
text_is_acceptable (const char *text,
                    gsize       max)
{
  if (strlen (text) > max || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        return FALSE;
    }
  return TRUE;
}

static gboolean
field_name_is_acceptable (const char *name)
{
  gsize length = strlen (name);

  if (length == 0 || length > 32)
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/**
 * holboo_teamlog_normalize_handles:
 * @field: a field's name
 * @value: its value as typed: for "phones", "emails" and "xmpp" one
 *   value a line (commas work too)
 *
 * Returns: (transfer full) (nullable): @value in the form it is stored
 *   and matched in (E.164 numbers; lower-case addresses; one a line,
 *   each once, in the order given), @value itself for other fields, or
 *   %NULL with @error naming the value that is not a number or address
 */
char *
holboo_teamlog_normalize_handles (const char  *field,
                                  const char  *value,
                                  GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;
  gboolean phones = strcmp (field, HOLBOO_CUSTOMER_FIELD_PHONES) == 0;

  if (!phones && strcmp (field, HOLBOO_CUSTOMER_FIELD_EMAILS) != 0 &&
      strcmp (field, HOLBOO_CUSTOMER_FIELD_XMPP) != 0)
    return g_strdup (value);

  parts = g_strsplit_set (value, "\n,", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *normal;

      if (*part == '\0')
        continue;
      if (phones)
        normal = holboo_phone_normalize (part, NULL, error);
      else if (strchr (part, '@') == NULL || strpbrk (part, " \t<>") != NULL)
        {
          g_set_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED,
                       _("“%s” is not an address"), part);
          normal = NULL;
        }
      else
        normal = g_utf8_strdown (part, -1);
      if (normal == NULL)
        return NULL;
      if (g_ptr_array_find_with_equal_func (out, normal, g_str_equal, NULL))
        g_free (normal);
      else
        g_ptr_array_add (out, normal);
    }
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("\n", (char **) out->pdata);
}

/**
 * holboo_teamlog_uuid_new:
 *
 * A new id for an op, a customer or a note: a random uuid whose first
 * 48 bits are the time in milliseconds (the layout of RFC 9562's
 * version 7).  Ids made one after the other sort one after the other,
 * so the log's uuid indexes grow at their end, a few pages a batch,
 * instead of touching every page of the index.
 *
 * Returns: (transfer full): the uuid, lower-case
 */
char *
holboo_teamlog_uuid_new (void)
{
  static gint64 last_ms;
  static guint16 counter;
  G_LOCK_DEFINE_STATIC (uuid);
  guint8 b[16];
  gint64 ms = g_get_real_time () / 1000;
  guint16 seq;

  /* Within one millisecond, a counter keeps them in order. */
  G_LOCK (uuid);
  if (ms <= last_ms)
    {
      ms = last_ms;
      if (++counter > 0x0fff)
        {
          ms = ++last_ms;
          counter = 0;
        }
    }
  else
    {
      last_ms = ms;
      counter = (guint16) g_random_int_range (0, 0x0800);
    }
  seq = counter;
  G_UNLOCK (uuid);

  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (ms >> (40 - 8 * i));
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  for (guint i = 8; i < 16; i += 4)
    {
      guint32 r = g_random_int ();

      memcpy (b + i, &r, 4);
    }
  b[8] = (b[8] & 0x3f) | 0x80;
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7],
                          b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
}

/**
 * holboo_teamlog_op_parse:
 * @element: an `<op xmlns='urn:holboo:teamlog:1'/>`
 *
 * Reads an op.  One of a later version, or of a kind this version does
 * not know, gives an op of kind %HOLBOO_TEAMLOG_OP_UNKNOWN to be kept.
 * The caller sets stanza_id, author and server_ts from the room.
 *
 * Returns: (transfer full) (nullable): the op, or %NULL with
 *   %HOLBOO_TEAMLOG_ERROR_MALFORMED
 */
HolbooTeamlogOp *
holboo_teamlog_op_parse (HolbooXmlNode  *element,
                         GError        **error)
{
  g_autoptr(HolbooTeamlogOp) op = holboo_teamlog_op_new ();
  const char *id, *type, *version, *customer, *target, *at, *text, *data;
  HolbooXmlIter iter;
  HolbooXmlNode *child;
  guint64 v = 0;
  guint n_fields = 0;

  if (!holboo_xml_node_is (element, "op", HOLBOO_XMLNS_TEAMLOG))
    return malformed (error, "not an op");

  id = holboo_xml_node_get_attribute (element, "id");
  type = holboo_xml_node_get_attribute (element, "type");
  version = holboo_xml_node_get_attribute (element, "v");
  if (id == NULL || !g_uuid_string_is_valid (id))
    return malformed (error, "its id is not a uuid");
  if (type == NULL || !field_name_is_acceptable (type))
    return malformed (error, "it has no type");
  if (version == NULL || !g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT32, &v, NULL))
    return malformed (error, "it has no version");

  op->uuid = g_ascii_strdown (id, -1);
  op->type_name = g_strdup (type);
  op->version = (guint) v;
  op->payload = holboo_xml_node_to_string (element);
  if (strlen (op->payload) > 4 * HOLBOO_TEAMLOG_MAX_TEXT_LENGTH)
    return malformed (error, "it is too long");

  /* A later format, or a kind this version does not know: kept, so the
   * version that knows it can apply it, and not read further. */
  op->kind = v == HOLBOO_TEAMLOG_VERSION ? kind_from_string (type) : HOLBOO_TEAMLOG_OP_UNKNOWN;
  if (op->kind == HOLBOO_TEAMLOG_OP_UNKNOWN)
    return g_steal_pointer (&op);

  customer = holboo_xml_node_get_attribute (element, "customer");
  if (customer == NULL || !g_uuid_string_is_valid (customer))
    return malformed (error, "its customer is not a uuid");
  op->customer = g_ascii_strdown (customer, -1);

  target = holboo_xml_node_get_attribute (element, "target");
  if (target != NULL && !text_is_acceptable (target, 1024))
    return malformed (error, "its target is not acceptable");
  if ((op->kind == HOLBOO_TEAMLOG_OP_CUSTOMER_MERGE || op->kind == HOLBOO_TEAMLOG_OP_NOTE_ADD ||
       op->kind == HOLBOO_TEAMLOG_OP_NOTE_EDIT || op->kind == HOLBOO_TEAMLOG_OP_NOTE_DELETE) &&
      (target == NULL || !g_uuid_string_is_valid (target)))
    return malformed (error, "its target is not a uuid");
  if ((op->kind == HOLBOO_TEAMLOG_OP_TAG_ADD || op->kind == HOLBOO_TEAMLOG_OP_TAG_REMOVE) &&
      (target == NULL || *target == '\0'))
    return malformed (error, "it names no tag");
  op->target = g_strdup (target);

  at = holboo_xml_node_get_attribute (element, "at");
  if (at != NULL && !holboo_xmpp_parse_datetime (at, &op->at))
    return malformed (error, "its time is not a time");

  text = holboo_xml_node_get_child_text (element, "text", HOLBOO_XMLNS_TEAMLOG);
  if (text != NULL && !text_is_acceptable (text, HOLBOO_TEAMLOG_MAX_TEXT_LENGTH))
    return malformed (error, "its text is too long or not text");
  op->body = g_strdup (text);
  data = holboo_xml_node_get_child_text (element, "data", HOLBOO_XMLNS_TEAMLOG);
  if (data != NULL && !text_is_acceptable (data, HOLBOO_TEAMLOG_MAX_TEXT_LENGTH))
    return malformed (error, "its data is too long or not text");
  op->data = g_strdup (data);

  holboo_xml_iter_init (&iter, element, "field", HOLBOO_XMLNS_TEAMLOG);
  while (holboo_xml_iter_next (&iter, &child))
    {
      const char *name = holboo_xml_node_get_attribute (child, "name");
      const char *value = holboo_xml_node_get_text (child);
      g_autofree char *normal = NULL;
      g_autoptr(GError) local_error = NULL;

      if (++n_fields > HOLBOO_TEAMLOG_MAX_FIELDS)
        return malformed (error, "it has too many fields");
      if (name == NULL || !field_name_is_acceptable (name))
        return malformed (error, "a field has no acceptable name");
      if (value == NULL)
        value = "";
      if (!text_is_acceptable (value, HOLBOO_TEAMLOG_MAX_FIELD_LENGTH))
        return malformed (error, "a field is too long or not text");
      /* What another client wrote is stored in the form this one
       * matches by. */
      normal = holboo_teamlog_normalize_handles (name, value, &local_error);
      if (normal == NULL)
        return malformed (error, local_error->message);
      holboo_teamlog_op_add_field (op, name, normal);
    }

  return g_steal_pointer (&op);
}

/**
 * holboo_teamlog_op_build:
 * @op: an op of a known kind, with its uuid and customer
 *
 * Returns: (transfer full): the op element to send
 */
HolbooXmlNode *
holboo_teamlog_op_build (HolbooTeamlogOp *op)
{
  HolbooXmlNode *element;
  const char *type = holboo_teamlog_op_kind_to_string (op->kind);
  g_autofree char *version = g_strdup_printf ("%u", HOLBOO_TEAMLOG_VERSION);

  g_return_val_if_fail (type != NULL && op->uuid != NULL && op->customer != NULL, NULL);

  element = holboo_xml_node_new ("op", HOLBOO_XMLNS_TEAMLOG);
  holboo_xml_node_set_attribute (element, "v", version);
  holboo_xml_node_set_attribute (element, "id", op->uuid);
  holboo_xml_node_set_attribute (element, "type", type);
  holboo_xml_node_set_attribute (element, "customer", op->customer);
  if (op->target != NULL)
    holboo_xml_node_set_attribute (element, "target", op->target);
  if (op->at != 0)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (op->at / G_USEC_PER_SEC);
      g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");

      holboo_xml_node_set_attribute (element, "at", text);
    }
  for (guint i = 0; op->fields != NULL && i < op->fields->len; i++)
    {
      HolbooTeamlogField *field = op->fields->pdata[i];
      HolbooXmlNode *child = holboo_xml_node_add_text_child (element, "field", field->value);

      holboo_xml_node_set_attribute (child, "name", field->name);
    }
  if (op->body != NULL)
    holboo_xml_node_add_text_child (element, "text", op->body);
  if (op->data != NULL)
    holboo_xml_node_add_text_child (element, "data", op->data);
  return element;
}
