/* holboo-xml-parser-private.h: the expat engine under HolbooXmlStream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-stream.h"

#include <expat.h>

G_BEGIN_DECLS

/* Expat joins namespace URI and local name with this; a local name can
 * never contain it, so the last one in a name is the separator. */
#define HOLBOO_XML_NS_SEPARATOR '\n'

typedef struct _HolbooXmlParser HolbooXmlParser;

/* Called from inside _holboo_xml_parser_feed(), as elements complete.
 * A callback may call _holboo_xml_parser_stop(). */
typedef struct {
  void (*opened)  (gpointer user_data, HolbooXmlNode *header);
  void (*element) (gpointer user_data, HolbooXmlNode *element);
  void (*closed)  (gpointer user_data);
} HolbooXmlParserEvents;

/* Shared by holboo-xml-parser.c (feeding, limits, errors) and
 * holboo-xml-handlers.c (expat callbacks). */
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

  /* The start of a character cut by the end of the last read: expat is
   * only ever given whole, valid characters. */
  char                         carry[4];
  guint                        carry_len;

  guint                        in_parse : 1;
  guint                        stopped : 1;
  guint                        text_between_stanzas : 1;
};

typedef enum {
  HOLBOO_XML_PARSE_OK,       /* all input consumed */
  HOLBOO_XML_PARSE_STOPPED,  /* stopped after an event: reset before feeding more */
  HOLBOO_XML_PARSE_FAILED,   /* the input is refused: reset before feeding more */
} HolbooXmlParseResult;

/* A TCP parser expects <stream:stream> and reports its depth-1 children;
 * a framed one parses single elements with _holboo_xml_parser_parse_element(). */
HolbooXmlParser     *_holboo_xml_parser_new           (gboolean                     framed,
                                                       const HolbooXmlParserEvents *events,
                                                       gpointer                     user_data);
void                 _holboo_xml_parser_free          (HolbooXmlParser             *parser);
void                 _holboo_xml_parser_set_limits    (HolbooXmlParser             *parser,
                                                       const HolbooXmlLimits       *limits);
const HolbooXmlLimits *_holboo_xml_parser_get_limits  (HolbooXmlParser             *parser);
void                 _holboo_xml_parser_reset         (HolbooXmlParser             *parser);
HolbooXmlParseResult _holboo_xml_parser_feed          (HolbooXmlParser             *parser,
                                                       const char                  *data,
                                                       gsize                        len,
                                                       gsize                       *consumed,
                                                       GError                     **error);
void                 _holboo_xml_parser_stop          (HolbooXmlParser             *parser);
HolbooXmlNode       *_holboo_xml_parser_parse_element (HolbooXmlParser             *parser,
                                                       const char                  *data,
                                                       gsize                        len,
                                                       GError                     **error);

/* For holboo-xml-handlers.c and holboo-xml-parser.c only. */
void                 _holboo_xml_parser_setup_expat   (HolbooXmlParser             *parser);
guint64              _holboo_xml_parser_event_end     (HolbooXmlParser             *parser);
void                 _holboo_xml_parser_fail          (HolbooXmlParser             *parser,
                                                       HolbooXmlStreamError         code,
                                                       const char                  *format,
                                                       ...) G_GNUC_PRINTF (3, 4);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmlParser, _holboo_xml_parser_free)

G_END_DECLS
