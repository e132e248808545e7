/* holboo-xml-stream.c: the XMPP XML stream parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stream's state machine and signals over HolbooXmlParser (expat):
 * TCP input is one long document fed in any pieces; WebSocket input
 * (RFC 7395) is one element per message, the parser being reset and
 * reused for every message.  A failure is sticky until reset.
 */

#define G_LOG_DOMAIN "holboo-xml-stream"

#include "config.h"

#include "holboo-xml-stream.h"
#include "holboo-xml-node-private.h"
#include "holboo-xml-parser-private.h"

#include <string.h>

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
  HolbooXmlParser        *parser;
  State                   state;
  HolbooXmlNode          *header;
  GError                 *error;
  gboolean                in_feed;
  gboolean                reset_requested;
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

/* A handler that resets the stream stops the parser after the element
 * it was given; the rest of the input then starts the new stream. */
static void
after_emission (HolbooXmlStream *self)
{
  if (self->reset_requested)
    _holboo_xml_parser_stop (self->parser);
}

static void
on_parser_opened (gpointer       user_data,
                  HolbooXmlNode *header)
{
  HolbooXmlStream *self = user_data;

  g_clear_pointer (&self->header, holboo_xml_node_unref);
  self->header = holboo_xml_node_ref (header);
  self->state = STATE_OPEN;
  g_signal_emit (self, signals[STREAM_OPENED], 0, header);
  after_emission (self);
}

static void
on_parser_element (gpointer       user_data,
                   HolbooXmlNode *element)
{
  HolbooXmlStream *self = user_data;

  g_signal_emit (self, signals[STANZA], 0, element);
  after_emission (self);
}

static void
on_parser_closed (gpointer user_data)
{
  HolbooXmlStream *self = user_data;

  self->state = STATE_CLOSED;
  g_signal_emit (self, signals[STREAM_CLOSED], 0, NULL);
}

static const HolbooXmlParserEvents parser_events = {
  on_parser_opened,
  on_parser_element,
  on_parser_closed,
};

static void
reset_stream (HolbooXmlStream *self)
{
  _holboo_xml_parser_reset (self->parser);
  g_clear_pointer (&self->header, holboo_xml_node_unref);
  g_clear_error (&self->error);
  self->state = STATE_START;
  self->reset_requested = FALSE;
}

static void
feed_stream (HolbooXmlStream *self,
             const char      *data,
             gsize            len)
{
  while (len > 0 && self->state != STATE_CLOSED)
    {
      gsize consumed = 0;

      switch (_holboo_xml_parser_feed (self->parser, data, len, &consumed, &self->error))
        {
        case HOLBOO_XML_PARSE_OK:
          return;

        case HOLBOO_XML_PARSE_FAILED:
          self->state = STATE_FAILED;
          return;

        case HOLBOO_XML_PARSE_STOPPED:
          if (!self->reset_requested)
            return;
          reset_stream (self);
          data += consumed;
          len -= consumed;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
feed_frame (HolbooXmlStream *self,
            const char      *data,
            gsize            len)
{
  g_autoptr(HolbooXmlNode) element = NULL;

  element = _holboo_xml_parser_parse_element (self->parser, data, len, &self->error);
  if (element == NULL)
    {
      self->state = STATE_FAILED;
      return;
    }

  if (holboo_xml_node_is (element, "open", HOLBOO_XMLNS_FRAMING))
    {
      on_parser_opened (self, element);
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

  self->parser = _holboo_xml_parser_new (self->framing == HOLBOO_XML_STREAM_FRAMING_WEBSOCKET,
                                         &parser_events, self);
}

static void
holboo_xml_stream_finalize (GObject *object)
{
  HolbooXmlStream *self = HOLBOO_XML_STREAM (object);

  g_clear_pointer (&self->parser, _holboo_xml_parser_free);
  g_clear_pointer (&self->header, holboo_xml_node_unref);
  g_clear_error (&self->error);

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
  limits->max_tag_size = HOLBOO_XML_DEFAULT_MAX_TAG_SIZE;
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
  g_return_if_fail (!self->in_feed);

  _holboo_xml_parser_set_limits (self->parser, limits);
}

void
holboo_xml_stream_get_limits (HolbooXmlStream *self,
                              HolbooXmlLimits *limits)
{
  g_return_if_fail (HOLBOO_IS_XML_STREAM (self));
  g_return_if_fail (limits != NULL);

  *limits = *_holboo_xml_parser_get_limits (self->parser);
}

/**
 * holboo_xml_stream_feed:
 * @data: bytes from the network (TCP), or one whole WebSocket message
 * @len: length of @data
 *
 * Parses @data, emitting ::stream-opened, ::stanza and ::stream-closed
 * as elements complete.  On failure the error's code is the stream error
 * condition to send (see holboo_xml_stream_error_to_condition()); every
 * later feed fails the same way until holboo_xml_stream_reset().  Input
 * after the end of the stream is ignored.
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

  if (self->state != STATE_FAILED && self->state != STATE_CLOSED)
    {
      /* A handler may drop the last reference to us. */
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
 * May be called from a signal handler: the input after the element that
 * handler was given is then parsed as the new stream.
 */
void
holboo_xml_stream_reset (HolbooXmlStream *self)
{
  g_return_if_fail (HOLBOO_IS_XML_STREAM (self));

  if (self->in_feed)
    {
      self->reset_requested = TRUE;
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
  g_autoptr(HolbooXmlParser) parser = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parser = _holboo_xml_parser_new (TRUE, NULL, NULL);
  if (limits != NULL)
    _holboo_xml_parser_set_limits (parser, limits);

  return _holboo_xml_parser_parse_element (parser, data, len, error);
}
