/* holboo-xml-handlers.c: expat callbacks that build stanza trees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Depth-1 children of <stream:stream> are built into HolbooXmlNode trees
 * and handed to the parser's callbacks.  DTDs, entity declarations,
 * comments and processing instructions stop the parse (RFC 6120 §11.1);
 * so do elements nested deeper than max_depth.
 */

#define G_LOG_DOMAIN "holboo-xml-parser"

#include "config.h"

#include "holboo-xml-parser-private.h"
#include "holboo-xml-node-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

guint64
_holboo_xml_parser_event_end (HolbooXmlParser *self)
{
  XML_Index index = XML_GetCurrentByteIndex (self->expat);

  if (index < 0)
    return self->fed;

  return (guint64) index + (guint64) XML_GetCurrentByteCount (self->expat);
}

/* Records the first error; inside a handler it also stops expat. */
void
_holboo_xml_parser_fail (HolbooXmlParser      *self,
                         HolbooXmlStreamError  code,
                         const char           *format,
                         ...)
                         {
                         va_list args;

  if (self->error == NULL)
    {
      va_start (args, format);
      self->error = g_error_new_valist (HOLBOO_XML_STREAM_ERROR, code, format, args);
      va_end (args);
    }

  if (self->in_parse && !self->stopped)
    {
      self->stopped = TRUE;
      XML_StopParser (self->expat, XML_FALSE);
    }
}

static HolbooXmlNode *
node_from_expat (const char  *name,
                 const char **atts)
{
  const char *local = strrchr (name, HOLBOO_XML_NS_SEPARATOR);
  HolbooXmlNode *node;
  guint n = 0;

  if (local != NULL)
    node = _holboo_xml_node_new_len (local + 1, strlen (local + 1), name, local - name);
  else
    node = _holboo_xml_node_new_len (name, strlen (name), NULL, 0);

  while (atts[n] != NULL)
    n += 2;

  if (n == 0)
    return node;

  _holboo_xml_node_alloc_attributes (node, n / 2);

  for (guint i = 0; i < n; i += 2)
    {
      const char *qname = atts[i];
      const char *value = atts[i + 1];

      local = strrchr (qname, HOLBOO_XML_NS_SEPARATOR);
      if (local != NULL)
        _holboo_xml_node_push_attribute (node, qname, local - qname,
                                         local + 1, strlen (local + 1),
                                         value, strlen (value));
      else
        _holboo_xml_node_push_attribute (node, NULL, 0, qname, strlen (qname),
                                         value, strlen (value));
    }

  return node;
}

static void
flush_text (HolbooXmlParser *self,
            HolbooXmlNode   *node)
{
  if (self->text->len == 0)
    return;

  _holboo_xml_node_append_text_len (node, self->text->str, self->text->len);
  g_string_truncate (self->text, 0);
}

/* Refuses the text between stanzas seen before this event. */
static gboolean
check_text_between_stanzas (HolbooXmlParser *self)
{
  if (!self->text_between_stanzas)
    return TRUE;

  _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_BAD_FORMAT,
                           _("The stream has text between stanzas"));
  return FALSE;
}

static void
start_stream (HolbooXmlParser  *self,
              const char       *name,
              const char      **atts)
{
  g_autoptr(HolbooXmlNode) root = node_from_expat (name, atts);

  self->depth = 1;
  self->boundary = _holboo_xml_parser_event_end (self);
  XML_SetStartNamespaceDeclHandler (self->expat, NULL);

  if (g_strcmp0 (holboo_xml_node_get_ns (root), HOLBOO_XMLNS_STREAM) != 0)
    {
      _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_INVALID_NAMESPACE,
                               _("The stream root is not in the namespace %s"),
                               HOLBOO_XMLNS_STREAM);
      return;
    }

  if (!holboo_xml_node_is (root, "stream", HOLBOO_XMLNS_STREAM))
    {
      _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_BAD_FORMAT,
                               _("The stream root is <%s/>, not <stream/>"),
                               holboo_xml_node_get_name (root));
      return;
    }

  if (g_strcmp0 (self->root_default_ns, HOLBOO_XMLNS_CLIENT) != 0)
    {
      _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_INVALID_NAMESPACE,
                               _("The stream’s content namespace is not %s"),
                               HOLBOO_XMLNS_CLIENT);
      return;
    }

  self->events->opened (self->user_data, root);
}

static void
on_start_element (void        *user_data,
                  const char  *name,
                  const char **atts)
{
  HolbooXmlParser *self = user_data;
  HolbooXmlNode *node;
  guint level = self->depth;

  if (self->stopped)
    return;

  self->last_event_end = _holboo_xml_parser_event_end (self);

  if (!check_text_between_stanzas (self))
    return;

  if (level == 0)
    {
      start_stream (self, name, atts);
      return;
    }

  if (level > self->limits.max_depth)
    {
      _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
                               _("Elements are nested more than %u deep"), self->limits.max_depth);
      return;
    }

  node = node_from_expat (name, atts);

  if (level == 1)
    {
      if (self->framed && holboo_xml_node_get_ns (node) == NULL)
        {
          holboo_xml_node_unref (node);
          _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_INVALID_NAMESPACE,
                                   _("A WebSocket message holds an element without a namespace"));
          return;
        }

      self->boundary = (guint64) MAX (XML_GetCurrentByteIndex (self->expat), 0);
    }
  else
    {
      flush_text (self, self->stack[level - 1]);
      _holboo_xml_node_take_child (self->stack[level - 1], node);
    }

  self->stack[level] = node;
  self->depth++;
}

static void
on_end_element (void       *user_data,
                const char *name)
{
  HolbooXmlParser *self = user_data;
  g_autoptr(HolbooXmlNode) element = NULL;
  guint level;

  if (self->stopped)
    return;

  self->last_event_end = _holboo_xml_parser_event_end (self);

  if (!check_text_between_stanzas (self))
    return;

  if (self->depth == 1)
    {
      /* </stream:stream>: nothing may follow, so expat stops here. */
      self->depth = 0;
      _holboo_xml_parser_stop (self);
      self->events->closed (self->user_data);
      return;
    }

  level = self->depth - 1;
  flush_text (self, self->stack[level]);
  self->depth--;

  if (level > 1)
    return;

  element = g_steal_pointer (&self->stack[1]);

  if (self->framed)
    {
      /* Handed out once the whole message has parsed. */
      self->frame = g_steal_pointer (&element);
      return;
    }

  self->boundary = _holboo_xml_parser_event_end (self);
  self->events->element (self->user_data, element);
}

static void
on_character_data (void       *user_data,
                   const char *s,
                   int         len)
{
  HolbooXmlParser *self = user_data;

  if (self->stopped)
    return;

  self->last_event_end = _holboo_xml_parser_event_end (self);

  if (self->depth >= 2)
    {
      g_string_append_len (self->text, s, len);
      return;
    }

  /* Between stanzas only whitespace (keep-alives) may appear.  Other
   * text is refused at the next event, not here: whether expat reports
   * text before broken markup ("x]]>") depends on where reads end, and
   * the stream error must not. */
  for (int i = 0; i < len; i++)
    {
      if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
        self->text_between_stanzas = TRUE;
    }

  self->boundary = _holboo_xml_parser_event_end (self);
}

static void
on_start_namespace (void       *user_data,
                    const char *prefix,
                    const char *uri)
{
  HolbooXmlParser *self = user_data;

  if (self->depth == 0 && prefix == NULL)
    {
      g_free (self->root_default_ns);
      self->root_default_ns = g_strdup (uri);
    }
}

static void
on_xml_decl (void       *user_data,
             const char *version,
             const char *encoding,
             int         standalone)
{
  HolbooXmlParser *self = user_data;

  if (self->stopped)
    return;

  self->last_event_end = _holboo_xml_parser_event_end (self);

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING,
                             _("The stream is declared as %s; XMPP is always UTF-8"), encoding);
}

/* RFC 6120 §11.1: XMPP allows none of these. */
static void
restricted (HolbooXmlParser *self,
            const char      *message)
{
  if (self->stopped || !check_text_between_stanzas (self))
    return;

  _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_RESTRICTED_XML, "%s", message);
}

static void
on_comment (void       *user_data,
            const char *data)
{
  restricted (user_data,
              _("The stream contains a comment, which XMPP does not allow"));
}

static void
on_processing_instruction (void       *user_data,
                           const char *target,
                           const char *data)
{
  restricted (user_data,
              _("The stream contains a processing instruction, which XMPP does not allow"));
}

static void
on_start_doctype (void       *user_data,
                  const char *doctype_name,
                  const char *sysid,
                  const char *pubid,
                  int         has_internal_subset)
{
  restricted (user_data,
              _("The stream contains a document type declaration, which XMPP does not allow"));
}

static void
on_entity_decl (void       *user_data,
                const char *entity_name,
                int         is_parameter_entity,
                const char *value,
                int         value_length,
                const char *base,
                const char *system_id,
                const char *public_id,
                const char *notation_name)
{
  restricted (user_data,
              _("The stream contains an entity declaration, which XMPP does not allow"));
}

static void
on_skipped_entity (void       *user_data,
                   const char *entity_name,
                   int         is_parameter_entity)
{
  restricted (user_data,
              _("The stream contains an entity reference, which XMPP does not allow"));
}

static int
on_external_entity_ref (XML_Parser  parser,
                        const char *context,
                        const char *base,
                        const char *system_id,
                        const char *public_id)
{
  restricted (XML_GetUserData (parser),
              _("The stream refers to an external entity, which XMPP does not allow"));
  return XML_STATUS_ERROR;
}

void
_holboo_xml_parser_setup_expat (HolbooXmlParser *self)
{
  XML_Parser p = self->expat;

  XML_SetUserData (p, self);
  XML_SetElementHandler (p, on_start_element, on_end_element);
  XML_SetCharacterDataHandler (p, on_character_data);
  XML_SetXmlDeclHandler (p, on_xml_decl);
  XML_SetCommentHandler (p, on_comment);
  XML_SetProcessingInstructionHandler (p, on_processing_instruction);
  XML_SetStartDoctypeDeclHandler (p, on_start_doctype);
  XML_SetEntityDeclHandler (p, on_entity_decl);
  XML_SetSkippedEntityHandler (p, on_skipped_entity);
  XML_SetExternalEntityRefHandler (p, on_external_entity_ref);
  if (!self->framed)
    XML_SetStartNamespaceDeclHandler (p, on_start_namespace);
  /* Reparse deferral holds back a token until twice as many bytes have
   * arrived, which would stall a stanza whose last bytes come in a small
   * packet.  What it guards against, rescanning a long unfinished token
   * on every small read, max_tag_size bounds instead. */
#ifdef HAVE_XML_SET_REPARSE_DEFERRAL_ENABLED
  XML_SetReparseDeferralEnabled (p, XML_FALSE);
#endif
}
