/* holboo-xml-parser.c: the expat engine under HolbooXmlStream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One expat parser, namespace-aware, fed incrementally and reset (not
 * recreated) for every new stream or WebSocket message.  Depth-1 children
 * of <stream:stream> are built into HolbooXmlNode trees.  Everything the
 * network sends is hostile until parsed: DTDs, entity declarations,
 * comments and processing instructions stop the parse (RFC 6120 §11.1);
 * a stanza may not grow past max_stanza_size bytes (input is handed to
 * expat in slices, so a 10 MiB stanza is refused after about 1 MiB and
 * never buffered) nor nest deeper than max_depth; every failure is a
 * GError whose code is the stream error condition to send back.
 */

#define G_LOG_DOMAIN "holboo-xml-parser"

#include "config.h"

#include "holboo-xml-parser-private.h"
#include "holboo-xml-node-private.h"

#include <glib/gi18n-lib.h>
#include <expat.h>
#include <string.h>

/* Expat joins namespace URI and local name with this; a local name can
 * never contain it, so the last one in a name is the separator. */
#define NS_SEPARATOR '\n'

/* The most bytes handed to expat at once, so that the size limit is
 * checked often enough to bound memory. */
#define FEED_SLICE (64 * 1024)

/* Expat's reparse deferral is off: it holds back a token until twice as
 * many bytes have arrived, which would stall a stanza whose last bytes
 * come in a small packet.  What it guards against, rescanning a huge
 * unfinished token on every small feed, max_tag_size bounds instead. */

struct _HolbooXmlParser
{
  XML_Parser                   expat;
  gboolean                     framed;
  const HolbooXmlParserEvents *events;
  gpointer                     user_data;
  HolbooXmlLimits              limits;
  GError                      *error;

  /* stack[1] owns the element being built; deeper entries are borrowed. */
  HolbooXmlNode              **stack;
  guint                        stack_size;
  /* Open elements, counting the stream root (or, when framed, a virtual
   * one): a stanza is at depth 1. */
  guint                        depth;
  GString                     *text;
  char                        *root_default_ns;
  HolbooXmlNode               *frame;

  /* Byte offsets since the last reset of expat. */
  guint64                      fed;
  guint64                      boundary;
  guint64                      last_event_end;
  guint64                      stop_offset;

  guint                        in_parse : 1;
  guint                        stopped : 1;
};

static guint64
event_end (HolbooXmlParser *self)
{
  XML_Index index = XML_GetCurrentByteIndex (self->expat);

  if (index < 0)
    return self->fed;

  return (guint64) index + (guint64) XML_GetCurrentByteCount (self->expat);
}

static void fail (HolbooXmlParser      *self,
                  HolbooXmlStreamError  code,
                  const char           *format,
                  ...) G_GNUC_PRINTF (3, 4);

/* Records the first error; inside a handler it also stops expat. */
static void
fail (HolbooXmlParser      *self,
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
  const char *local = strrchr (name, NS_SEPARATOR);
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

      local = strrchr (qname, NS_SEPARATOR);
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

static void
start_stream (HolbooXmlParser  *self,
              const char       *name,
              const char      **atts)
{
  g_autoptr(HolbooXmlNode) root = node_from_expat (name, atts);

  self->depth = 1;
  self->boundary = event_end (self);
  XML_SetStartNamespaceDeclHandler (self->expat, NULL);

  if (g_strcmp0 (holboo_xml_node_get_ns (root), HOLBOO_XMLNS_STREAM) != 0)
    {
      fail (self, HOLBOO_XML_STREAM_ERROR_INVALID_NAMESPACE,
            _("The stream root is not in the namespace %s"), HOLBOO_XMLNS_STREAM);
      return;
    }

  if (!holboo_xml_node_is (root, "stream", HOLBOO_XMLNS_STREAM))
    {
      fail (self, HOLBOO_XML_STREAM_ERROR_BAD_FORMAT,
            _("The stream root is <%s/>, not <stream/>"), holboo_xml_node_get_name (root));
      return;
    }

  if (g_strcmp0 (self->root_default_ns, HOLBOO_XMLNS_CLIENT) != 0)
    {
      fail (self, HOLBOO_XML_STREAM_ERROR_INVALID_NAMESPACE,
            _("The stream’s content namespace is not %s"), HOLBOO_XMLNS_CLIENT);
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

  self->last_event_end = event_end (self);

  if (level == 0)
    {
      start_stream (self, name, atts);
      return;
    }

  if (level > self->limits.max_depth)
    {
      fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
            _("Elements are nested more than %u deep"), self->limits.max_depth);
      return;
    }

  node = node_from_expat (name, atts);

  if (level == 1)
    {
      if (self->framed && holboo_xml_node_get_ns (node) == NULL)
        {
          holboo_xml_node_unref (node);
          fail (self, HOLBOO_XML_STREAM_ERROR_INVALID_NAMESPACE,
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

  self->last_event_end = event_end (self);

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

  self->boundary = event_end (self);
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

  self->last_event_end = event_end (self);

  if (self->depth >= 2)
    {
      g_string_append_len (self->text, s, len);
      return;
    }

  /* Between stanzas only whitespace (keep-alives) may appear. */
  for (int i = 0; i < len; i++)
    {
      if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
        {
          fail (self, HOLBOO_XML_STREAM_ERROR_BAD_FORMAT,
                _("The stream has text between stanzas"));
          return;
        }
    }

  self->boundary = event_end (self);
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

  self->last_event_end = event_end (self);

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    fail (self, HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING,
          _("The stream is declared as %s; XMPP is always UTF-8"), encoding);
}

static void
restricted (HolbooXmlParser *self,
            const char      *what)
{
  if (self->stopped)
    return;

  fail (self, HOLBOO_XML_STREAM_ERROR_RESTRICTED_XML,
        _("The stream contains %s, which XMPP does not allow"), what);
}

static void
on_comment (void       *user_data,
            const char *data)
{
  restricted (user_data, _("a comment"));
}

static void
on_processing_instruction (void       *user_data,
                           const char *target,
                           const char *data)
{
  restricted (user_data, _("a processing instruction"));
}

static void
on_start_doctype (void       *user_data,
                  const char *doctype_name,
                  const char *sysid,
                  const char *pubid,
                  int         has_internal_subset)
{
  restricted (user_data, _("a document type declaration"));
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
  restricted (user_data, _("an entity declaration"));
}

static void
on_skipped_entity (void       *user_data,
                   const char *entity_name,
                   int         is_parameter_entity)
{
  restricted (user_data, _("an entity reference"));
}

static int
on_external_entity_ref (XML_Parser  parser,
                        const char *context,
                        const char *base,
                        const char *system_id,
                        const char *public_id)
{
  restricted (XML_GetUserData (parser), _("an external entity"));
  return XML_STATUS_ERROR;
}

static void
setup_expat (HolbooXmlParser *self)
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
  XML_SetReparseDeferralEnabled (p, XML_FALSE);
}

/* Whether the bytes where expat failed are broken UTF-8 rather than
 * broken XML: RFC 6120 §4.9.3.22 has its own condition for that.  Expat
 * points at the bad byte in text, at the start of the tag inside one;
 * its buffer still holds the bytes of earlier feeds that the token
 * started in. */
static gboolean
error_is_bad_utf8 (HolbooXmlParser *self)
{
  int offset = 0, size = 0;
  const char *buffer = XML_GetInputContext (self->expat, &offset, &size);
  const char *p, *end, *limit, *bad;

  if (buffer == NULL || offset < 0 || offset >= size)
    return FALSE;

  p = buffer + offset;
  end = buffer + size;
  limit = memchr (p, '>', end - p);
  limit = limit != NULL ? limit + 1 : end;

  if (g_utf8_validate_len (p, limit - p, &bad))
    return FALSE;

  return *bad != '\0' && g_utf8_get_char_validated (bad, end - bad) == (gunichar) -1;
}

static void
fail_from_expat (HolbooXmlParser *self)
{
  enum XML_Error code = XML_GetErrorCode (self->expat);
  HolbooXmlStreamError condition;

  switch (code)
    {
    case XML_ERROR_NO_MEMORY:
    case XML_ERROR_AMPLIFICATION_LIMIT_BREACH:
      condition = HOLBOO_XML_STREAM_ERROR_RESOURCE_CONSTRAINT;
      break;

    case XML_ERROR_UNDEFINED_ENTITY:
    case XML_ERROR_RECURSIVE_ENTITY_REF:
    case XML_ERROR_PARAM_ENTITY_REF:
    case XML_ERROR_EXTERNAL_ENTITY_HANDLING:
    case XML_ERROR_ENTITY_DECLARED_IN_PE:
    case XML_ERROR_NOT_STANDALONE:
    case XML_ERROR_MISPLACED_XML_PI:
      condition = HOLBOO_XML_STREAM_ERROR_RESTRICTED_XML;
      break;

    case XML_ERROR_UNKNOWN_ENCODING:
    case XML_ERROR_INCORRECT_ENCODING:
    case XML_ERROR_PARTIAL_CHAR:
      condition = HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING;
      break;

    case XML_ERROR_UNBOUND_PREFIX:
    case XML_ERROR_UNDECLARING_PREFIX:
    case XML_ERROR_RESERVED_PREFIX_XML:
    case XML_ERROR_RESERVED_PREFIX_XMLNS:
    case XML_ERROR_RESERVED_NAMESPACE_URI:
    case XML_ERROR_INVALID_ARGUMENT:
      condition = HOLBOO_XML_STREAM_ERROR_BAD_NAMESPACE_PREFIX;
      break;

    case XML_ERROR_INVALID_TOKEN:
      condition = error_is_bad_utf8 (self)
                  ? HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING
                  : HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED;
      break;

    default:
      condition = HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED;
      break;
    }

  if (condition == HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING)
    fail (self, condition, _("The stream is not valid UTF-8 (line %lu, column %lu)"),
          (gulong) XML_GetCurrentLineNumber (self->expat),
          (gulong) XML_GetCurrentColumnNumber (self->expat));
  else
    fail (self, condition, _("Malformed XML at line %lu, column %lu: %s"),
          (gulong) XML_GetCurrentLineNumber (self->expat),
          (gulong) XML_GetCurrentColumnNumber (self->expat),
          XML_ErrorString (code));
}

/* Expat detects UTF-16 from a byte order mark or a NUL in the first two
 * bytes even when told the input is UTF-8; XMPP is UTF-8 only (RFC 6120
 * §11.6), and those bytes can never start UTF-8 XML.  @data starts at
 * document offset @offset. */
static gboolean
check_document_start (HolbooXmlParser *self,
                      const char      *data,
                      gsize            len,
                      guint64          offset)
{
  for (gsize i = 0; offset + i < 2 && i < len; i++)
    {
      guchar c = data[i];

      if (c == 0x00 || (offset + i == 0 && (c == 0xFE || c == 0xFF)))
        {
          fail (self, HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING,
                _("The stream is not UTF-8"));
          return FALSE;
        }
    }

  return TRUE;
}

static HolbooXmlParseResult
failed (HolbooXmlParser  *self,
        GError          **error)
{
  g_assert (self->error != NULL);

  if (error != NULL)
    *error = g_error_copy (self->error);

  return HOLBOO_XML_PARSE_FAILED;
}

HolbooXmlParser *
_holboo_xml_parser_new (gboolean                     framed,
                        const HolbooXmlParserEvents *events,
                        gpointer                     user_data)
{
  HolbooXmlParser *self = g_new0 (HolbooXmlParser, 1);

  g_return_val_if_fail (framed || events != NULL, NULL);

  self->framed = framed;
  self->events = events;
  self->user_data = user_data;
  self->expat = XML_ParserCreateNS ("UTF-8", NS_SEPARATOR);
  if (self->expat == NULL)
    g_error ("Out of memory creating an XML parser");

  holboo_xml_limits_init (&self->limits);
  self->stack_size = self->limits.max_depth + 2;
  self->stack = g_new0 (HolbooXmlNode *, self->stack_size);
  self->text = g_string_sized_new (256);

  setup_expat (self);
  self->depth = framed ? 1 : 0;

  return self;
}

void
_holboo_xml_parser_free (HolbooXmlParser *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->stack[1], holboo_xml_node_unref);
  g_free (self->stack);
  g_clear_pointer (&self->frame, holboo_xml_node_unref);
  g_clear_pointer (&self->root_default_ns, g_free);
  g_clear_error (&self->error);
  g_string_free (self->text, TRUE);
  XML_ParserFree (self->expat);
  g_free (self);
}

void
_holboo_xml_parser_set_limits (HolbooXmlParser       *self,
                               const HolbooXmlLimits *limits)
{
  g_return_if_fail (limits->max_stanza_size > 0 && limits->max_stanza_size <= G_MAXINT);
  g_return_if_fail (limits->max_tag_size > 0);
  g_return_if_fail (limits->max_depth > 0 && limits->max_depth < 100000);
  g_return_if_fail (!self->in_parse);

  if (limits->max_depth + 2 > self->stack_size)
    {
      self->stack = g_renew (HolbooXmlNode *, self->stack, limits->max_depth + 2);
      memset (self->stack + self->stack_size, 0,
              (limits->max_depth + 2 - self->stack_size) * sizeof *self->stack);
      self->stack_size = limits->max_depth + 2;
    }

  self->limits = *limits;
}

const HolbooXmlLimits *
_holboo_xml_parser_get_limits (HolbooXmlParser *self)
{
  return &self->limits;
}

/* Starts a new XML document on the same expat parser. */
void
_holboo_xml_parser_reset (HolbooXmlParser *self)
{
  g_return_if_fail (!self->in_parse);

  XML_ParserReset (self->expat, "UTF-8");
  setup_expat (self);

  g_clear_pointer (&self->stack[1], holboo_xml_node_unref);
  g_clear_pointer (&self->frame, holboo_xml_node_unref);
  g_clear_pointer (&self->root_default_ns, g_free);
  g_clear_error (&self->error);

  /* Keep the text buffer unless one huge text made it huge. */
  if (self->text->allocated_len > 64 * 1024)
    {
      g_string_free (self->text, TRUE);
      self->text = g_string_sized_new (256);
    }
  g_string_truncate (self->text, 0);

  self->depth = self->framed ? 1 : 0;
  self->fed = 0;
  self->boundary = 0;
  self->last_event_end = 0;
  self->stop_offset = 0;
  self->stopped = FALSE;
}

/* Stops expat after the current event; only from inside a callback. */
void
_holboo_xml_parser_stop (HolbooXmlParser *self)
{
  if (self->stopped || !self->in_parse)
    return;

  self->stop_offset = event_end (self);
  self->stopped = TRUE;
  XML_StopParser (self->expat, XML_FALSE);
}

/* Parses stream input, at most max_stanza_size bytes past the start of
 * the current stanza at a time.  On STOPPED, *consumed is the number of
 * bytes up to the end of the element where a callback stopped. */
HolbooXmlParseResult
_holboo_xml_parser_feed (HolbooXmlParser  *self,
                         const char       *data,
                         gsize             len,
                         gsize            *consumed,
                         GError          **error)
{
  gsize done = 0;

  g_return_val_if_fail (!self->framed, HOLBOO_XML_PARSE_FAILED);
  g_return_val_if_fail (!self->in_parse, HOLBOO_XML_PARSE_FAILED);
  g_return_val_if_fail (!self->stopped && self->error == NULL, HOLBOO_XML_PARSE_FAILED);

  *consumed = 0;

  if (!check_document_start (self, data, len, self->fed))
    return failed (self, error);

  while (done < len)
    {
      guint64 used = self->fed - self->boundary;
      guint64 start = self->fed;
      enum XML_Status status;
      gsize n;

      if (used >= self->limits.max_stanza_size)
        {
          fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
                _("A stanza is larger than %" G_GSIZE_FORMAT " bytes"),
                self->limits.max_stanza_size);
          return failed (self, error);
        }

      n = MIN (len - done, MIN (self->limits.max_stanza_size - used, FEED_SLICE));
      self->fed += n;
      self->in_parse = TRUE;
      status = XML_Parse (self->expat, data + done, (int) n, XML_FALSE);
      self->in_parse = FALSE;

      if (status == XML_STATUS_OK)
        {
          /* Expat rescans an unfinished token from its start on every
           * feed: keep that token short. */
          if (self->fed - self->last_event_end > self->limits.max_tag_size)
            {
              fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
                    _("A tag is larger than %" G_GSIZE_FORMAT " bytes"),
                    self->limits.max_tag_size);
              return failed (self, error);
            }

          done += n;
          *consumed = done;
          continue;
        }

      if (self->error == NULL && self->stopped)
        {
          *consumed = done + (gsize) (CLAMP (self->stop_offset, start, start + n) - start);
          return HOLBOO_XML_PARSE_STOPPED;
        }

      if (self->error == NULL)
        fail_from_expat (self);
      return failed (self, error);
    }

  return HOLBOO_XML_PARSE_OK;
}

/* Parses one complete, self-contained element on a framed parser. */
HolbooXmlNode *
_holboo_xml_parser_parse_element (HolbooXmlParser  *self,
                                  const char       *data,
                                  gsize             len,
                                  GError          **error)
{
  enum XML_Status status;

  g_return_val_if_fail (self->framed, NULL);
  g_return_val_if_fail (!self->in_parse, NULL);

  _holboo_xml_parser_reset (self);

  if (len > self->limits.max_stanza_size)
    {
      fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
            _("A stanza is larger than %" G_GSIZE_FORMAT " bytes"),
            self->limits.max_stanza_size);
      failed (self, error);
      return NULL;
    }

  if (!check_document_start (self, data, len, 0))
    {
      failed (self, error);
      return NULL;
    }

  self->fed = len;
  self->in_parse = TRUE;
  status = XML_Parse (self->expat, data, (int) len, XML_TRUE);
  self->in_parse = FALSE;

  if (status != XML_STATUS_OK || self->error != NULL)
    {
      if (self->error == NULL)
        fail_from_expat (self);
      g_clear_pointer (&self->frame, holboo_xml_node_unref);
      failed (self, error);
      return NULL;
    }

  g_assert (self->frame != NULL);
  return g_steal_pointer (&self->frame);
}
