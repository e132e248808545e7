/* holboo-xml-stream.c: the XMPP XML stream parser (expat)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One expat parser, namespace-aware, fed incrementally.  Depth-1 children
 * of <stream:stream> are built into HolbooXmlNode trees and handed out one
 * by one through ::stanza.  Everything the network sends is hostile until
 * parsed: DTDs, entity declarations, comments and processing instructions
 * stop the parse (RFC 6120 §11.1), a stanza may not grow past
 * max_stanza_size bytes (input is handed to expat in slices, so a 10 MiB
 * stanza is refused after about 1 MiB, never buffered) nor nest deeper
 * than max_depth, and every failure is a GError whose code is the stream
 * error condition to send back.
 *
 * For WebSocket (RFC 7395) each feed is one message holding one element;
 * the same parser is reset and reused for every message.
 */

#define G_LOG_DOMAIN "holboo-xml-stream"

#include "config.h"

#include "holboo-xml-stream.h"
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

/* Expat's reparse deferral delays events by design, which would stall a
 * stanza that arrives in small pieces; it stays off unless one token has
 * been growing for this many bytes, where it guards against quadratic
 * rescanning. */
#define DEFER_AFTER (64 * 1024)

typedef enum {
  STATE_START,
  STATE_OPEN,
  STATE_CLOSED,
  STATE_FAILED,
} State;

struct _HolbooXmlStream
{
  GObject                 parent_instance;

  HolbooXmlStreamFraming  framing;
  HolbooXmlLimits         limits;
  XML_Parser              parser;
  State                   state;
  HolbooXmlNode          *header;
  GError                 *error;

  /* stack[1] owns the stanza being built; deeper entries are borrowed. */
  HolbooXmlNode         **stack;
  guint                   stack_size;
  /* Open elements, counting the stream root (or, for WebSocket, a
   * virtual one): a stanza element is at depth 1. */
  guint                   depth;
  GString                *text;
  char                   *root_default_ns;
  HolbooXmlNode          *frame;

  /* Byte offsets since the last reset of the expat parser. */
  guint64                 fed;
  guint64                 boundary;
  guint64                 stop_offset;
  guint64                 stalled;

  guint                   in_feed : 1;
  guint                   in_parse : 1;
  guint                   stopped : 1;
  guint                   reset_requested : 1;
  guint                   progress : 1;
  guint                   deferral : 1;
};

G_DEFINE_FINAL_TYPE (HolbooXmlStream, holboo_xml_stream, G_TYPE_OBJECT)

G_DEFINE_QUARK (holboo-xml-stream-error-quark, holboo_xml_stream_error)

G_DEFINE_ENUM_TYPE (HolbooXmlStreamFraming, holboo_xml_stream_framing,
  G_DEFINE_ENUM_VALUE (HOLBOO_XML_STREAM_FRAMING_TCP, "tcp"),
  G_DEFINE_ENUM_VALUE (HOLBOO_XML_STREAM_FRAMING_WEBSOCKET, "websocket"))

enum {
  PROP_0,
  PROP_FRAMING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STREAM_OPENED,
  STANZA,
  STREAM_CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of HolbooXmlStreamError. */
static const char * const conditions[] = {
  "bad-format",
  "bad-namespace-prefix",
  "conflict",
  "connection-timeout",
  "host-gone",
  "host-unknown",
  "improper-addressing",
  "internal-server-error",
  "invalid-from",
  "invalid-namespace",
  "invalid-xml",
  "not-authorized",
  "not-well-formed",
  "policy-violation",
  "remote-connection-failed",
  "reset",
  "resource-constraint",
  "restricted-xml",
  "see-other-host",
  "system-shutdown",
  "undefined-condition",
  "unsupported-encoding",
  "unsupported-feature",
  "unsupported-stanza-type",
  "unsupported-version",
};

G_STATIC_ASSERT (G_N_ELEMENTS (conditions) == HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_VERSION + 1);

static guint
base_depth (HolbooXmlStream *self)
{
  return self->framing == HOLBOO_XML_STREAM_FRAMING_WEBSOCKET ? 1 : 0;
}

static guint64
event_end (HolbooXmlStream *self)
{
  XML_Index index = XML_GetCurrentByteIndex (self->parser);

  if (index < 0)
    return self->fed;

  return (guint64) index + (guint64) XML_GetCurrentByteCount (self->parser);
}

static void fail (HolbooXmlStream      *self,
                  HolbooXmlStreamError  code,
                  const char           *format,
                  ...) G_GNUC_PRINTF (3, 4);

/* Records the first error; inside a handler it also stops expat. */
static void
fail (HolbooXmlStream      *self,
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

  self->state = STATE_FAILED;

  if (self->in_parse && !self->stopped)
    {
      self->stopped = TRUE;
      XML_StopParser (self->parser, XML_FALSE);
    }
}

/* Stops expat after the current event so that the stream can be reset
 * and the rest of the input parsed as a new stream. */
static void
stop_here (HolbooXmlStream *self)
{
  if (self->stopped || !self->in_parse)
    return;

  self->stop_offset = event_end (self);
  self->stopped = TRUE;
  XML_StopParser (self->parser, XML_FALSE);
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
flush_text (HolbooXmlStream *self,
            HolbooXmlNode   *node)
{
  if (self->text->len == 0)
    return;

  _holboo_xml_node_append_text_len (node, self->text->str, self->text->len);
  g_string_truncate (self->text, 0);
}

static void
emit_with_node (HolbooXmlStream *self,
                guint            signal_id,
                HolbooXmlNode   *node)
{
  g_signal_emit (self, signals[signal_id], 0, node);

  if (self->reset_requested)
    stop_here (self);
}

static void
start_stream (HolbooXmlStream  *self,
              const char       *name,
              const char      **atts)
{
  g_autoptr(HolbooXmlNode) root = node_from_expat (name, atts);

  self->depth = 1;
  self->boundary = event_end (self);
  XML_SetStartNamespaceDeclHandler (self->parser, NULL);

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

  self->header = g_steal_pointer (&root);
  self->state = STATE_OPEN;
  emit_with_node (self, STREAM_OPENED, self->header);
}

static void
on_start_element (void        *user_data,
                  const char  *name,
                  const char **atts)
{
  HolbooXmlStream *self = user_data;
  HolbooXmlNode *node;
  guint level = self->depth;

  if (self->stopped)
    return;

  self->progress = TRUE;

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
      if (self->framing == HOLBOO_XML_STREAM_FRAMING_WEBSOCKET &&
          holboo_xml_node_get_ns (node) == NULL)
        {
          holboo_xml_node_unref (node);
          fail (self, HOLBOO_XML_STREAM_ERROR_INVALID_NAMESPACE,
                _("A WebSocket message holds an element without a namespace"));
          return;
        }

      self->boundary = (guint64) MAX (XML_GetCurrentByteIndex (self->parser), 0);
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
  HolbooXmlStream *self = user_data;
  g_autoptr(HolbooXmlNode) stanza = NULL;
  guint level;

  if (self->stopped)
    return;

  self->progress = TRUE;

  if (self->depth == 1)
    {
      /* </stream:stream>: nothing may follow, so expat stops here. */
      self->depth = 0;
      self->state = STATE_CLOSED;
      stop_here (self);
      emit_with_node (self, STREAM_CLOSED, NULL);
      return;
    }

  level = self->depth - 1;
  flush_text (self, self->stack[level]);
  self->depth--;

  if (level > 1)
    return;

  stanza = g_steal_pointer (&self->stack[1]);

  if (self->framing == HOLBOO_XML_STREAM_FRAMING_WEBSOCKET)
    {
      /* Handed out once the whole message has parsed. */
      self->frame = g_steal_pointer (&stanza);
      return;
    }

  self->boundary = event_end (self);
  emit_with_node (self, STANZA, stanza);
}

static void
on_character_data (void       *user_data,
                   const char *s,
                   int         len)
{
  HolbooXmlStream *self = user_data;

  if (self->stopped)
    return;

  self->progress = TRUE;

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
  HolbooXmlStream *self = user_data;

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
  HolbooXmlStream *self = user_data;

  if (self->stopped)
    return;

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
    fail (self, HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING,
          _("The stream is declared as %s; XMPP is always UTF-8"), encoding);
}

static void
restricted (HolbooXmlStream *self,
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
setup_parser (HolbooXmlStream *self)
{
  XML_Parser p = self->parser;

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
  if (self->framing == HOLBOO_XML_STREAM_FRAMING_TCP)
    XML_SetStartNamespaceDeclHandler (p, on_start_namespace);
  XML_SetReparseDeferralEnabled (p, XML_FALSE);
}

/* Starts a new XML document on the same expat parser. */
static void
reset_document (HolbooXmlStream *self)
{
  XML_ParserReset (self->parser, "UTF-8");
  setup_parser (self);

  g_clear_pointer (&self->stack[1], holboo_xml_node_unref);
  g_clear_pointer (&self->frame, holboo_xml_node_unref);
  g_clear_pointer (&self->root_default_ns, g_free);

  /* Keep the text buffer unless one huge text made it huge. */
  if (self->text->allocated_len > 64 * 1024)
    {
      g_string_free (self->text, TRUE);
      self->text = g_string_sized_new (256);
    }
  g_string_truncate (self->text, 0);

  self->depth = base_depth (self);
  self->fed = 0;
  self->boundary = 0;
  self->stop_offset = 0;
  self->stalled = 0;
  self->stopped = FALSE;
  self->deferral = FALSE;
}

static void
reset_stream (HolbooXmlStream *self)
{
  reset_document (self);
  g_clear_pointer (&self->header, holboo_xml_node_unref);
  g_clear_error (&self->error);
  self->state = STATE_START;
  self->reset_requested = FALSE;
}

/* Whether the bytes where expat failed are broken UTF-8 rather than
 * broken XML: RFC 6120 §4.9.3.22 has its own condition for that. */
static gboolean
error_is_bad_utf8 (HolbooXmlStream *self,
                   const char      *slice,
                   gsize            slice_len,
                   guint64          slice_start)
{
  XML_Index index = XML_GetCurrentByteIndex (self->parser);
  const char *p, *end, *limit, *bad;

  if (index < 0 || (guint64) index < slice_start || (guint64) index >= slice_start + slice_len)
    return FALSE;

  p = slice + ((guint64) index - slice_start);
  end = slice + slice_len;
  limit = memchr (p, '>', end - p);
  limit = limit != NULL ? limit + 1 : end;

  if (g_utf8_validate_len (p, limit - p, &bad))
    return FALSE;

  return *bad != '\0' && g_utf8_get_char_validated (bad, end - bad) == (gunichar) -1;
}

static void
fail_from_expat (HolbooXmlStream *self,
                 const char      *slice,
                 gsize            slice_len,
                 guint64          slice_start)
{
  enum XML_Error code = XML_GetErrorCode (self->parser);
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
      condition = error_is_bad_utf8 (self, slice, slice_len, slice_start)
                  ? HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING
                  : HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED;
      break;

    default:
      condition = HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED;
      break;
    }

  if (condition == HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING)
    fail (self, condition, _("The stream is not valid UTF-8 (line %lu, column %lu)"),
          (gulong) XML_GetCurrentLineNumber (self->parser),
          (gulong) XML_GetCurrentColumnNumber (self->parser));
  else
    fail (self, condition, _("Malformed XML at line %lu, column %lu: %s"),
          (gulong) XML_GetCurrentLineNumber (self->parser),
          (gulong) XML_GetCurrentColumnNumber (self->parser),
          XML_ErrorString (code));
}

static void
update_deferral (HolbooXmlStream *self,
                 gsize            fed_now)
{
  gboolean want;

  if (self->progress)
    self->stalled = 0;
  else
    self->stalled += fed_now;

  want = self->stalled >= DEFER_AFTER;
  if (want != self->deferral)
    {
      XML_SetReparseDeferralEnabled (self->parser, want);
      self->deferral = want;
    }
}

static void
feed_stream (HolbooXmlStream *self,
             const char      *data,
             gsize            len)
{
  while (len > 0 && self->state != STATE_FAILED && self->state != STATE_CLOSED)
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
          return;
        }

      n = MIN (len, MIN (self->limits.max_stanza_size - used, FEED_SLICE));
      self->fed += n;
      self->progress = FALSE;
      self->in_parse = TRUE;
      status = XML_Parse (self->parser, data, (int) n, XML_FALSE);
      self->in_parse = FALSE;

      if (status == XML_STATUS_OK)
        {
          update_deferral (self, n);
          data += n;
          len -= n;
          continue;
        }

      if (self->reset_requested)
        {
          /* A handler reset the stream: what follows its element is the
           * start of a new stream. */
          gsize consumed = (gsize) CLAMP (self->stop_offset, start, start + n) - start;

          reset_stream (self);
          data += consumed;
          len -= consumed;
          continue;
        }

      if (self->state == STATE_CLOSED)
        return;

      if (self->error == NULL)
        fail_from_expat (self, data, n, start);
      return;
    }
}

/* Parses one complete element with the parser of @self.  Emits nothing. */
static HolbooXmlNode *
parse_frame (HolbooXmlStream  *self,
             const char       *data,
             gsize             len,
             GError          **error)
{
  enum XML_Status status;

  if (len > self->limits.max_stanza_size)
    {
      fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
            _("A stanza is larger than %" G_GSIZE_FORMAT " bytes"),
            self->limits.max_stanza_size);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  reset_document (self);
  self->fed = len;
  self->in_parse = TRUE;
  status = XML_Parse (self->parser, data, (int) len, XML_TRUE);
  self->in_parse = FALSE;

  if (status != XML_STATUS_OK || self->error != NULL)
    {
      if (self->error == NULL)
        fail_from_expat (self, data, len, 0);
      g_clear_pointer (&self->frame, holboo_xml_node_unref);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  g_assert (self->frame != NULL);
  return g_steal_pointer (&self->frame);
}

static gboolean
feed_frame (HolbooXmlStream  *self,
            const char       *data,
            gsize             len)
{
  g_autoptr(HolbooXmlNode) element = NULL;
  g_autoptr(GError) local_error = NULL;

  element = parse_frame (self, data, len, &local_error);
  if (element == NULL)
    {
      self->error = g_steal_pointer (&local_error);
      self->state = STATE_FAILED;
      return FALSE;
    }

  if (holboo_xml_node_is (element, "open", HOLBOO_XMLNS_FRAMING))
    {
      g_clear_pointer (&self->header, holboo_xml_node_unref);
      self->header = holboo_xml_node_ref (element);
      self->state = STATE_OPEN;
      g_signal_emit (self, signals[STREAM_OPENED], 0, element);
    }
  else if (holboo_xml_node_is (element, "close", HOLBOO_XMLNS_FRAMING))
    {
      self->state = STATE_CLOSED;
      g_signal_emit (self, signals[STREAM_CLOSED], 0, element);
    }
  else
    {
      g_signal_emit (self, signals[STANZA], 0, element);
    }

  return TRUE;
}

static void
holboo_xml_stream_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HolbooXmlStream *self = HOLBOO_XML_STREAM (object);

  switch (prop_id)
    {
    case PROP_FRAMING:
      g_value_set_enum (value, self->framing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_xml_stream_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HolbooXmlStream *self = HOLBOO_XML_STREAM (object);

  switch (prop_id)
    {
    case PROP_FRAMING:
      self->framing = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_xml_stream_constructed (GObject *object)
{
  HolbooXmlStream *self = HOLBOO_XML_STREAM (object);

  G_OBJECT_CLASS (holboo_xml_stream_parent_class)->constructed (object);

  self->parser = XML_ParserCreateNS ("UTF-8", NS_SEPARATOR);
  if (self->parser == NULL)
    g_error ("Out of memory creating an XML parser");

  setup_parser (self);
  self->depth = base_depth (self);
}

static void
holboo_xml_stream_finalize (GObject *object)
{
  HolbooXmlStream *self = HOLBOO_XML_STREAM (object);

  g_clear_pointer (&self->stack[1], holboo_xml_node_unref);
  g_free (self->stack);
  g_clear_pointer (&self->frame, holboo_xml_node_unref);
  g_clear_pointer (&self->header, holboo_xml_node_unref);
  g_clear_pointer (&self->root_default_ns, g_free);
  g_clear_error (&self->error);
  g_string_free (self->text, TRUE);
  if (self->parser != NULL)
    XML_ParserFree (self->parser);

  G_OBJECT_CLASS (holboo_xml_stream_parent_class)->finalize (object);
}

static void
holboo_xml_stream_class_init (HolbooXmlStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType node_type = HOLBOO_TYPE_XML_NODE | G_SIGNAL_TYPE_STATIC_SCOPE;

  object_class->get_property = holboo_xml_stream_get_property;
  object_class->set_property = holboo_xml_stream_set_property;
  object_class->constructed = holboo_xml_stream_constructed;
  object_class->finalize = holboo_xml_stream_finalize;

  /**
   * HolbooXmlStream:framing:
   *
   * TCP (one long document) or WebSocket (one element per message).
   */
  properties[PROP_FRAMING] =
    g_param_spec_enum ("framing", NULL, NULL,
                       HOLBOO_TYPE_XML_STREAM_FRAMING,
                       HOLBOO_XML_STREAM_FRAMING_TCP,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HolbooXmlStream::stream-opened:
   * @header: the `<stream:stream>` root (attributes only) or `<open/>`
   *
   * The server opened its stream: id, from, version and xml:lang are
   * attributes of @header (xml:lang in %HOLBOO_XMLNS_XML).
   */
  signals[STREAM_OPENED] =
    g_signal_new ("stream-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1, node_type);
  g_signal_set_va_marshaller (signals[STREAM_OPENED], G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__BOXEDv);

  /**
   * HolbooXmlStream::stanza:
   * @stanza: a complete top-level element; ref it to keep it
   *
   * A depth-1 child of the stream arrived: a stanza, stream features,
   * a stream error, a SASL or TLS negotiation element, …
   * The handler may call holboo_xml_stream_reset() (after `<proceed/>`
   * or `<success/>`): the rest of the input is then a new stream.
   */
  signals[STANZA] =
    g_signal_new ("stanza", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1, node_type);
  g_signal_set_va_marshaller (signals[STANZA], G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__BOXEDv);

  /**
   * HolbooXmlStream::stream-closed:
   * @close: (nullable): the WebSocket `<close/>` element, %NULL for TCP
   *
   * The server closed its stream; anything fed afterwards is ignored
   * until holboo_xml_stream_reset().
   */
  signals[STREAM_CLOSED] =
    g_signal_new ("stream-closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1, node_type);
  g_signal_set_va_marshaller (signals[STREAM_CLOSED], G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__BOXEDv);
}

static void
holboo_xml_stream_init (HolbooXmlStream *self)
{
  holboo_xml_limits_init (&self->limits);
  self->stack_size = self->limits.max_depth + 2;
  self->stack = g_new0 (HolbooXmlNode *, self->stack_size);
  self->text = g_string_sized_new (256);
}

/**
 * holboo_xml_stream_error_to_condition:
 *
 * Returns: the RFC 6120 element name for @code, e.g. "not-well-formed"
 */
const char *
holboo_xml_stream_error_to_condition (HolbooXmlStreamError code)
{
  if ((guint) code >= G_N_ELEMENTS (conditions))
    return "undefined-condition";

  return conditions[code];
}

/**
 * holboo_xml_stream_error_from_condition:
 * @condition: (nullable): the element name of a received stream error
 *
 * Returns: the matching code; UNDEFINED_CONDITION for anything unknown
 */
HolbooXmlStreamError
holboo_xml_stream_error_from_condition (const char *condition)
{
  for (guint i = 0; condition != NULL && i < G_N_ELEMENTS (conditions); i++)
    {
      if (strcmp (condition, conditions[i]) == 0)
        return (HolbooXmlStreamError) i;
    }

  return HOLBOO_XML_STREAM_ERROR_UNDEFINED_CONDITION;
}

void
holboo_xml_limits_init (HolbooXmlLimits *limits)
{
  g_return_if_fail (limits != NULL);

  limits->max_stanza_size = HOLBOO_XML_DEFAULT_MAX_STANZA_SIZE;
  limits->max_depth = HOLBOO_XML_DEFAULT_MAX_DEPTH;
}

HolbooXmlStream *
holboo_xml_stream_new (HolbooXmlStreamFraming framing)
{
  return g_object_new (HOLBOO_TYPE_XML_STREAM, "framing", framing, NULL);
}

HolbooXmlStreamFraming
holboo_xml_stream_get_framing (HolbooXmlStream *self)
{
  g_return_val_if_fail (HOLBOO_IS_XML_STREAM (self), HOLBOO_XML_STREAM_FRAMING_TCP);

  return self->framing;
}

/**
 * holboo_xml_stream_set_limits:
 *
 * Takes effect for the bytes fed from now on.
 */
void
holboo_xml_stream_set_limits (HolbooXmlStream       *self,
                              const HolbooXmlLimits *limits)
{
  g_return_if_fail (HOLBOO_IS_XML_STREAM (self));
  g_return_if_fail (limits != NULL);
  g_return_if_fail (limits->max_stanza_size > 0);
  g_return_if_fail (limits->max_depth > 0 && limits->max_depth < 100000);
  g_return_if_fail (!self->in_feed);

  if (limits->max_depth + 2 > self->stack_size)
    {
      self->stack = g_renew (HolbooXmlNode *, self->stack, limits->max_depth + 2);
      memset (self->stack + self->stack_size, 0,
              (limits->max_depth + 2 - self->stack_size) * sizeof *self->stack);
      self->stack_size = limits->max_depth + 2;
    }

  self->limits = *limits;
}

void
holboo_xml_stream_get_limits (HolbooXmlStream *self,
                              HolbooXmlLimits *limits)
{
  g_return_if_fail (HOLBOO_IS_XML_STREAM (self));
  g_return_if_fail (limits != NULL);

  *limits = self->limits;
}

/**
 * holboo_xml_stream_feed:
 * @data: bytes from the network (TCP), or one whole WebSocket message
 * @len: length of @data
 *
 * Parses @data, emitting ::stream-opened, ::stanza and ::stream-closed
 * as elements complete.  On failure the error's code is the stream error
 * condition to send (see holboo_xml_stream_error_to_condition()); every
 * later feed fails the same way until holboo_xml_stream_reset().
 *
 * Returns: %FALSE if the stream is broken
 */
gboolean
holboo_xml_stream_feed (HolbooXmlStream  *self,
                        const char       *data,
                        gsize             len,
                        GError          **error)
{
  g_autoptr(HolbooXmlStream) hold = NULL;

  g_return_val_if_fail (HOLBOO_IS_XML_STREAM (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (!self->in_feed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->state == STATE_CLOSED)
    return TRUE;

  if (self->state != STATE_FAILED)
    {
      hold = g_object_ref (self);
      self->in_feed = TRUE;

      if (self->framing == HOLBOO_XML_STREAM_FRAMING_WEBSOCKET)
        feed_frame (self, data, len);
      else
        feed_stream (self, data, len);

      self->in_feed = FALSE;
      if (self->reset_requested)
        reset_stream (self);
    }

  if (self->state == STATE_FAILED)
    {
      g_assert (self->error != NULL);
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }

  return TRUE;
}

/**
 * holboo_xml_stream_reset:
 *
 * Forgets the current stream, its header and any error, ready for a new
 * stream on the same parser (after STARTTLS or SASL, RFC 6120 §4.3.3).
 * May be called from a ::stanza handler: the input after that stanza is
 * then parsed as the new stream.
 */
void
holboo_xml_stream_reset (HolbooXmlStream *self)
{
  g_return_if_fail (HOLBOO_IS_XML_STREAM (self));

  if (self->in_feed)
    {
      self->reset_requested = TRUE;
      stop_here (self);
      return;
    }

  reset_stream (self);
}

/**
 * holboo_xml_stream_get_header:
 *
 * Returns: (transfer none) (nullable): the server's stream header
 *   (`<stream:stream/>` or `<open/>`, attributes only), once it arrived
 */
HolbooXmlNode *
holboo_xml_stream_get_header (HolbooXmlStream *self)
{
  g_return_val_if_fail (HOLBOO_IS_XML_STREAM (self), NULL);

  return self->header;
}

gboolean
holboo_xml_stream_is_open (HolbooXmlStream *self)
{
  g_return_val_if_fail (HOLBOO_IS_XML_STREAM (self), FALSE);

  return self->state == STATE_OPEN;
}

gboolean
holboo_xml_stream_is_closed (HolbooXmlStream *self)
{
  g_return_val_if_fail (HOLBOO_IS_XML_STREAM (self), FALSE);

  return self->state == STATE_CLOSED;
}

/**
 * holboo_xml_stream_build_open:
 * @to: the server's domain
 * @from: (nullable): the user's bare JID (RFC 6120 §4.7.1: once TLS is up)
 * @lang: (nullable): a language tag for xml:lang
 *
 * Returns: (transfer full): the client's stream header: the opening tag
 *   of `<stream:stream>` with the XML declaration (TCP), or `<open/>`
 *   (WebSocket)
 */
char *
holboo_xml_stream_build_open (HolbooXmlStreamFraming  framing,
                              const char             *to,
                              const char             *from,
                              const char             *lang)
{
  g_autoptr(HolbooXmlNode) open = NULL;
  GString *out;

  g_return_val_if_fail (to != NULL, NULL);

  if (framing == HOLBOO_XML_STREAM_FRAMING_WEBSOCKET)
    {
      open = holboo_xml_node_new ("open", HOLBOO_XMLNS_FRAMING);
      holboo_xml_node_set_attribute (open, "to", to);
      holboo_xml_node_set_attribute (open, "from", from);
      holboo_xml_node_set_attribute (open, "version", "1.0");
      holboo_xml_node_set_attribute_ns (open, HOLBOO_XMLNS_XML, "lang", lang);
      return holboo_xml_node_to_string (open);
    }

  out = g_string_new ("<?xml version='1.0'?>"
                      "<stream:stream xmlns='" HOLBOO_XMLNS_CLIENT "'"
                      " xmlns:stream='" HOLBOO_XMLNS_STREAM "' to='");
  _holboo_xml_append_escaped (out, to, strlen (to), TRUE);
  if (from != NULL)
    {
      g_string_append (out, "' from='");
      _holboo_xml_append_escaped (out, from, strlen (from), TRUE);
    }
  g_string_append (out, "' version='1.0'");
  if (lang != NULL)
    {
      g_string_append (out, " xml:lang='");
      _holboo_xml_append_escaped (out, lang, strlen (lang), TRUE);
      g_string_append_c (out, '\'');
    }
  g_string_append_c (out, '>');

  return g_string_free (out, FALSE);
}

/**
 * holboo_xml_stream_build_close:
 *
 * Returns: `</stream:stream>` (TCP) or `<close/>` (WebSocket)
 */
const char *
holboo_xml_stream_build_close (HolbooXmlStreamFraming framing)
{
  if (framing == HOLBOO_XML_STREAM_FRAMING_WEBSOCKET)
    return "<close xmlns='" HOLBOO_XMLNS_FRAMING "'/>";

  return "</stream:stream>";
}

/**
 * holboo_xml_stream_write_element:
 *
 * Appends @element as the client sends it on this framing: inside the
 * client's stream (jabber:client implied) for TCP, self-contained for
 * WebSocket.
 */
void
holboo_xml_stream_write_element (HolbooXmlStreamFraming  framing,
                                 HolbooXmlNode          *element,
                                 GString                *out)
{
  holboo_xml_node_serialize (element, out,
                             framing == HOLBOO_XML_STREAM_FRAMING_TCP
                             ? HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM
                             : HOLBOO_XML_SERIALIZE_NONE);
}

/**
 * holboo_xml_parse_element:
 * @limits: (nullable): limits, or %NULL for the defaults
 *
 * Parses one complete, self-contained element (a WebSocket message, a
 * test fixture) with the same rules as a stream.
 *
 * Returns: (transfer full) (nullable): the element, or %NULL with @error set
 */
HolbooXmlNode *
holboo_xml_parse_element (const char             *data,
                          gsize                   len,
                          const HolbooXmlLimits  *limits,
                          GError                **error)
{
  g_autoptr(HolbooXmlStream) stream = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = holboo_xml_stream_new (HOLBOO_XML_STREAM_FRAMING_WEBSOCKET);
  if (limits != NULL)
    holboo_xml_stream_set_limits (stream, limits);

  return parse_frame (stream, data, len, error);
}
