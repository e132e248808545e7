/* holboo-xml-parser-private.h: the expat engine under HolbooXmlStream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "holboo-xml-stream.h"

G_BEGIN_DECLS

typedef struct _HolbooXmlParser HolbooXmlParser;

/* Called from inside _holboo_xml_parser_feed(), as elements complete.
 * A callback may call _holboo_xml_parser_stop(). */
typedef struct {
  void (*opened)  (gpointer user_data, HolbooXmlNode *header);
  void (*element) (gpointer user_data, HolbooXmlNode *element);
  void (*closed)  (gpointer user_data);
} HolbooXmlParserEvents;

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HolbooXmlParser, _holboo_xml_parser_free)

G_END_DECLS
