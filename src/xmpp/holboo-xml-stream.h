/* holboo-xml-stream.h: the XMPP XML stream parser (expat)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "holboo-xml-node.h"

G_BEGIN_DECLS

/**
 * HolbooXmlStreamError:
 *
 * The stream error conditions of RFC 6120 §4.9.3, in the order of the
 * RFC.  The parser produces BAD_FORMAT, BAD_NAMESPACE_PREFIX,
 * INVALID_NAMESPACE, NOT_WELL_FORMED, POLICY_VIOLATION,
 * RESOURCE_CONSTRAINT, RESTRICTED_XML and UNSUPPORTED_ENCODING; the
 * others are there so that a `<stream:error/>` received from the server
 * maps to the same enum (holboo_xml_stream_error_from_condition()).
 */
typedef enum {
  HOLBOO_XML_STREAM_ERROR_BAD_FORMAT,
  HOLBOO_XML_STREAM_ERROR_BAD_NAMESPACE_PREFIX,
  HOLBOO_XML_STREAM_ERROR_CONFLICT,
  HOLBOO_XML_STREAM_ERROR_CONNECTION_TIMEOUT,
  HOLBOO_XML_STREAM_ERROR_HOST_GONE,
  HOLBOO_XML_STREAM_ERROR_HOST_UNKNOWN,
  HOLBOO_XML_STREAM_ERROR_IMPROPER_ADDRESSING,
  HOLBOO_XML_STREAM_ERROR_INTERNAL_SERVER_ERROR,
  HOLBOO_XML_STREAM_ERROR_INVALID_FROM,
  HOLBOO_XML_STREAM_ERROR_INVALID_NAMESPACE,
  HOLBOO_XML_STREAM_ERROR_INVALID_XML,
  HOLBOO_XML_STREAM_ERROR_NOT_AUTHORIZED,
  HOLBOO_XML_STREAM_ERROR_NOT_WELL_FORMED,
  HOLBOO_XML_STREAM_ERROR_POLICY_VIOLATION,
  HOLBOO_XML_STREAM_ERROR_REMOTE_CONNECTION_FAILED,
  HOLBOO_XML_STREAM_ERROR_RESET,
  HOLBOO_XML_STREAM_ERROR_RESOURCE_CONSTRAINT,
  HOLBOO_XML_STREAM_ERROR_RESTRICTED_XML,
  HOLBOO_XML_STREAM_ERROR_SEE_OTHER_HOST,
  HOLBOO_XML_STREAM_ERROR_SYSTEM_SHUTDOWN,
  HOLBOO_XML_STREAM_ERROR_UNDEFINED_CONDITION,
  HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_ENCODING,
  HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_FEATURE,
  HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_STANZA_TYPE,
  HOLBOO_XML_STREAM_ERROR_UNSUPPORTED_VERSION,
} HolbooXmlStreamError;

#define HOLBOO_XML_STREAM_ERROR (holboo_xml_stream_error_quark ())

/**
 * HolbooXmlStreamFraming:
 * @HOLBOO_XML_STREAM_FRAMING_TCP: one long XML document,
 *   `<stream:stream>` … `</stream:stream>` (RFC 6120), fed in any pieces.
 * @HOLBOO_XML_STREAM_FRAMING_WEBSOCKET: every feed is one WebSocket
 *   message holding exactly one complete element: `<open/>`, a stanza or
 *   `<close/>` (RFC 7395).
 */
typedef enum {
  HOLBOO_XML_STREAM_FRAMING_TCP,
  HOLBOO_XML_STREAM_FRAMING_WEBSOCKET,
} HolbooXmlStreamFraming;

#define HOLBOO_TYPE_XML_STREAM_FRAMING (holboo_xml_stream_framing_get_type ())

/**
 * HolbooXmlLimits:
 * @max_stanza_size: the most bytes one top-level element (stanza) may
 *   take, counted from its `<`; also bounds the stream header and any
 *   whitespace between stanzas.  Default 1 MiB.
 * @max_depth: the deepest nesting inside a stanza, the stanza itself
 *   being depth 1.  Default 64.
 * @max_tag_size: the most bytes one unfinished tag (a start tag with its
 *   attributes) may hold on a TCP stream, since expat rescans it on every
 *   feed.  Text is not affected.  Default 16 KiB.
 */
typedef struct {
  gsize max_stanza_size;
  guint max_depth;
  gsize max_tag_size;
} HolbooXmlLimits;

#define HOLBOO_XML_DEFAULT_MAX_STANZA_SIZE (1024 * 1024)
#define HOLBOO_XML_DEFAULT_MAX_DEPTH       64
#define HOLBOO_XML_DEFAULT_MAX_TAG_SIZE    (16 * 1024)

#define HOLBOO_TYPE_XML_STREAM (holboo_xml_stream_get_type ())

G_DECLARE_FINAL_TYPE (HolbooXmlStream, holboo_xml_stream, HOLBOO, XML_STREAM, GObject)

GQuark                 holboo_xml_stream_error_quark         (void);
GType                  holboo_xml_stream_framing_get_type    (void) G_GNUC_CONST;

const char            *holboo_xml_stream_error_to_condition  (HolbooXmlStreamError  code);
HolbooXmlStreamError   holboo_xml_stream_error_from_condition (const char           *condition);

void                   holboo_xml_limits_init                (HolbooXmlLimits      *limits);

HolbooXmlStream       *holboo_xml_stream_new                 (HolbooXmlStreamFraming framing);
HolbooXmlStreamFraming holboo_xml_stream_get_framing         (HolbooXmlStream      *self);
void                   holboo_xml_stream_set_limits          (HolbooXmlStream      *self,
                                                              const HolbooXmlLimits *limits);
void                   holboo_xml_stream_get_limits          (HolbooXmlStream      *self,
                                                              HolbooXmlLimits      *limits);
gboolean               holboo_xml_stream_feed                (HolbooXmlStream      *self,
                                                              const char           *data,
                                                              gsize                 len,
                                                              GError              **error);
void                   holboo_xml_stream_reset               (HolbooXmlStream      *self);
HolbooXmlNode         *holboo_xml_stream_get_header          (HolbooXmlStream      *self);
gboolean               holboo_xml_stream_is_open             (HolbooXmlStream      *self);
gboolean               holboo_xml_stream_is_closed           (HolbooXmlStream      *self);

/* What the client writes. */
char                  *holboo_xml_stream_build_open          (HolbooXmlStreamFraming framing,
                                                              const char           *to,
                                                              const char           *from,
                                                              const char           *lang);
const char            *holboo_xml_stream_build_close         (HolbooXmlStreamFraming framing);
void                   holboo_xml_stream_write_element       (HolbooXmlStreamFraming framing,
                                                              HolbooXmlNode        *element,
                                                              GString              *out);

HolbooXmlNode         *holboo_xml_parse_element              (const char           *data,
                                                              gsize                 len,
                                                              const HolbooXmlLimits *limits,
                                                              GError              **error);

G_END_DECLS
