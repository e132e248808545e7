/* holboo-xml-parser.c: the expat engine under HolbooXmlStream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One expat parser, namespace-aware, fed incrementally and reset (not
 * recreated) for every new stream or WebSocket message; its callbacks
 * are in holboo-xml-handlers.c.  Everything the network sends is hostile
 * until parsed: input must be UTF-8 (checked here, before expat); a
 * stanza may not grow past max_stanza_size bytes (input is handed to
 * expat in slices, so a 10 MiB stanza is refused after about 1 MiB and
 * never buffered); one unfinished tag may not grow past max_tag_size.
 * Every failure is a GError whose code is the stream error condition to
 * send back.
 */

#define G_LOG_DOMAIN "holboo-xml-parser"

#include "config.h"

#include "holboo-xml-parser-private.h"
#include "holboo-xml-node-private.h"
#include "holboo-xml-utf8-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The most bytes handed to expat at once, so that the size limit is
 * checked often enough to bound memory. */
#define FEED_SLICE (64 * 1024)

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

    default:
      condition = HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED;
      break;
    }

  _holboo_xml_parser_fail (self, condition, _("Malformed XML at line %lu, column %lu: %s"),
                           (gulong) XML_GetCurrentLineNumber (self->expat),
                           (gulong) XML_GetCurrentColumnNumber (self->expat),
                           XML_ErrorString (code));
}

/* Expat guesses UTF-16 from a NUL in the first two bytes whatever it was
 * told (byte order marks never get past the UTF-8 check); XMPP is UTF-8
 * only (RFC 6120 §11.6).  @data starts at document offset @offset. */
static gboolean
check_document_start (HolbooXmlParser *self,
                      const char      *data,
                      gsize            len,
                      guint64          offset)
{
  for (gsize i = 0; offset + i < 2 && i < len; i++)
    {
      if (data[i] == '\0')
        {
          _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING,
                                   _("The stream is not UTF-8"));
          return FALSE;
        }
    }

  return TRUE;
}

static void
fail_bad_utf8 (HolbooXmlParser *self)
{
  _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING,
                           _("The stream is not valid UTF-8 (at byte %llu)"),
                           (unsigned long long) (self->fed + self->carry_len));
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
  self->expat = XML_ParserCreateNS ("UTF-8", HOLBOO_XML_NS_SEPARATOR);
  if (self->expat == NULL)
    g_error ("Out of memory creating an XML parser");

  holboo_xml_limits_init (&self->limits);
  self->stack_size = self->limits.max_depth + 2;
  self->stack = g_new0 (HolbooXmlNode *, self->stack_size);
  self->text = g_string_sized_new (256);

  _holboo_xml_parser_setup_expat (self);
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
  _holboo_xml_parser_setup_expat (self);

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
  self->carry_len = 0;
  self->stopped = FALSE;
  self->text_between_stanzas = FALSE;
}

/* Stops expat after the current event; only from inside a callback. */
void
_holboo_xml_parser_stop (HolbooXmlParser *self)
{
  if (self->stopped || !self->in_parse)
    return;

  self->stop_offset = _holboo_xml_parser_event_end (self);
  self->stopped = TRUE;
  XML_StopParser (self->expat, XML_FALSE);
}

/* Gives expat whole, valid characters, at most max_stanza_size bytes past
 * the start of the current stanza at a time.  On STOPPED, *consumed is
 * the number of bytes up to the end of the element where a callback
 * stopped. */
static HolbooXmlParseResult
parse_slices (HolbooXmlParser  *self,
              const char       *data,
              gsize             len,
              gsize            *consumed,
              GError          **error)
{
  gsize done = 0;

  *consumed = 0;

  while (done < len)
    {
      guint64 used = self->fed - self->boundary;
      guint64 start = self->fed;
      enum XML_Status status;
      gsize n;

      if (used >= self->limits.max_stanza_size)
        {
          _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
                                   _("A stanza is larger than %lu bytes"),
                                   (gulong) self->limits.max_stanza_size);
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
              _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
                                       _("A tag is larger than %lu bytes"),
                                       (gulong) self->limits.max_tag_size);
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

/* Completes the character carried over from the last read with the
 * first bytes of @data and parses it; *used is how many bytes of @data
 * that took. */
static HolbooXmlParseResult
finish_carried_character (HolbooXmlParser  *self,
                          const char       *data,
                          gsize             len,
                          gsize            *used,
                          GError          **error)
{
  guint length = _holboo_xml_utf8_char_length (self->carry[0]);
  gsize take = MIN (len, length - self->carry_len);
  gboolean incomplete;
  gsize parsed;

  memcpy (self->carry + self->carry_len, data, take);
  *used = take;

  if (_holboo_xml_utf8_valid_prefix (self->carry, self->carry_len + take, &incomplete) == 0)
    {
      if (!incomplete)
        {
          fail_bad_utf8 (self);
          return failed (self, error);
        }

      self->carry_len += take;
      return HOLBOO_XML_PARSE_OK;
    }

  /* One character cannot end an element, so this never stops. */
  self->carry_len = 0;
  return parse_slices (self, self->carry, length, &parsed, error);
}

/* Parses stream input.  UTF-8 is checked before expat sees it (see
 * holboo-xml-utf8.c); a bad sequence is reported only if expat found
 * nothing wrong before it, so the verdict never depends on how the
 * input was cut into reads. */
HolbooXmlParseResult
_holboo_xml_parser_feed (HolbooXmlParser  *self,
                         const char       *data,
                         gsize             len,
                         gsize            *consumed,
                         GError          **error)
{
  HolbooXmlParseResult result;
  gboolean incomplete;
  gsize used = 0, valid, parsed;

  g_return_val_if_fail (!self->framed, HOLBOO_XML_PARSE_FAILED);
  g_return_val_if_fail (!self->in_parse, HOLBOO_XML_PARSE_FAILED);
  g_return_val_if_fail (!self->stopped && self->error == NULL, HOLBOO_XML_PARSE_FAILED);

  *consumed = 0;

  if (self->carry_len > 0 && len > 0)
    {
      result = finish_carried_character (self, data, len, &used, error);
      if (result != HOLBOO_XML_PARSE_OK)
        return result;
    }

  if (self->carry_len > 0)
    {
      *consumed = len;
      return HOLBOO_XML_PARSE_OK;
    }

  valid = _holboo_xml_utf8_valid_prefix (data + used, len - used, &incomplete);

  /* Expat decides on some first bytes alone and waits for a second on
   * others: an ASCII first byte goes to expat on its own before the
   * second is checked, so that the verdict is the same however the
   * input is cut.  (After a non-ASCII first character the second byte
   * cannot be NUL.) */
  if (self->fed == 0 && valid > 0 && (guchar) data[used] < 0x80)
    {
      if (!check_document_start (self, data + used, 1, 0))
        return failed (self, error);
      result = parse_slices (self, data + used, 1, &parsed, error);
      if (result != HOLBOO_XML_PARSE_OK)
        return result;
      used += 1;
      valid -= 1;
    }
  if (self->fed == 1 && valid > 0 && !check_document_start (self, data + used, 1, 1))
    return failed (self, error);

  result = parse_slices (self, data + used, valid, &parsed, error);
  if (result == HOLBOO_XML_PARSE_STOPPED)
    *consumed = used + parsed;
  if (result != HOLBOO_XML_PARSE_OK)
    return result;

  used += valid;
  if (used < len)
    {
      if (!incomplete)
        {
          fail_bad_utf8 (self);
          return failed (self, error);
        }

      memcpy (self->carry, data + used, len - used);
      self->carry_len = len - used;
    }

  *consumed = len;
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
  gboolean incomplete;
  gsize valid;

  g_return_val_if_fail (self->framed, NULL);
  g_return_val_if_fail (!self->in_parse, NULL);

  _holboo_xml_parser_reset (self);

  if (len > self->limits.max_stanza_size)
    {
      _holboo_xml_parser_fail (self, HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
                               _("A stanza is larger than %lu bytes"),
                               (gulong) self->limits.max_stanza_size);
      failed (self, error);
      return NULL;
    }

  if (!check_document_start (self, data, len, 0))
    {
      failed (self, error);
      return NULL;
    }

  valid = _holboo_xml_utf8_valid_prefix (data, len, &incomplete);
  self->fed = valid;
  self->in_parse = TRUE;
  if (valid < len)
    {
      /* Broken XML before the bad byte is reported as such. */
      status = XML_Parse (self->expat, data, (int) valid, XML_FALSE);
      if (status == XML_STATUS_OK && self->error == NULL)
        fail_bad_utf8 (self);
    }
  else
    {
      status = XML_Parse (self->expat, data, (int) len, XML_TRUE);
    }
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
