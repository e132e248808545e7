/* holboo-xml-writer.c: HolbooXmlNode to XML text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Namespaces are declared only where they change: on the element written
 * and wherever a child's namespace differs from its parent's.  Elements
 * of the streams namespace always get the `stream:` prefix, which is what
 * servers expect of <stream:features/> and <stream:error/>; elements of
 * the XML namespace the predeclared `xml:` prefix.
 */

#define G_LOG_DOMAIN "holboo-xml-writer"

#include "config.h"

#include "holboo-xml-node-private.h"

#include <string.h>

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

void
_holboo_xml_append_escaped (GString    *out,
                            const char *text,
                            gsize       len,
                            gboolean    in_attribute)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;
  const guchar *run = p;

  while (p < end)
    {
      const char *rep = NULL;
      gsize skip = 1;

      switch (*p)
        {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '\r': rep = "&#xD;"; break;
        case '\'': rep = in_attribute ? "&apos;" : NULL; break;
        /* Attribute value normalisation would turn these into spaces. */
        case '\t': rep = in_attribute ? "&#x9;" : NULL; break;
        case '\n': rep = in_attribute ? "&#xA;" : NULL; break;
        case 0xEF:
          /* U+FFFE and U+FFFF are UTF-8 but not XML characters. */
          if (end - p >= 3 && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF))
            {
              rep = REPLACEMENT_CHARACTER;
              skip = 3;
            }
          break;
        default:
          /* Other C0 controls cannot be written in XML 1.0 at all. */
          if (*p < 0x20)
            rep = REPLACEMENT_CHARACTER;
          break;
        }

      if (G_LIKELY (rep == NULL))
        {
          p++;
          continue;
        }

      g_string_append_len (out, (const char *) run, p - run);
      g_string_append (out, rep);
      p += skip;
      run = p;
    }

  g_string_append_len (out, (const char *) run, p - run);
}

static void
serialize (HolbooXmlNode *node,
           GString       *out,
           const char    *default_ns,
           gboolean       stream_prefix_bound)
{
  gboolean in_stream_ns = g_strcmp0 (node->ns, HOLBOO_XMLNS_STREAM) == 0;
  const char *prefix = NULL;
  guint n_prefixes = 0;

  /* Servers expect stream-level elements with the conventional prefix;
   * the xml prefix is the only way to write its namespace at all. */
  if (in_stream_ns)
    prefix = "stream:";
  else if (g_strcmp0 (node->ns, HOLBOO_XMLNS_XML) == 0)
    prefix = "xml:";

  g_string_append_c (out, '<');

  if (prefix != NULL)
    {
      g_string_append (out, prefix);
      g_string_append (out, node->name);
      if (in_stream_ns && !stream_prefix_bound)
        {
          g_string_append (out, " xmlns:stream='" HOLBOO_XMLNS_STREAM "'");
          stream_prefix_bound = TRUE;
        }
    }
  else
    {
      g_string_append (out, node->name);
      if (g_strcmp0 (node->ns, default_ns) != 0)
        {
          g_string_append (out, " xmlns='");
          if (node->ns != NULL)
            _holboo_xml_append_escaped (out, node->ns, strlen (node->ns), TRUE);
          g_string_append_c (out, '\'');
          default_ns = node->ns;
        }
    }

  for (guint i = 0; i < node->n_attrs; i++)
    {
      HolbooXmlAttr *attr = &node->attrs[i];

      g_string_append_c (out, ' ');
      if (attr->ns == NULL)
        {
        }
      else if (strcmp (attr->ns, HOLBOO_XMLNS_XML) == 0)
        {
          g_string_append (out, "xml:");
        }
      else
        {
          g_string_append_printf (out, "xmlns:a%u='", n_prefixes);
          _holboo_xml_append_escaped (out, attr->ns, strlen (attr->ns), TRUE);
          g_string_append_printf (out, "' a%u:", n_prefixes);
          n_prefixes++;
        }
      g_string_append (out, attr->name);
      g_string_append (out, "='");
      _holboo_xml_append_escaped (out, attr->value, strlen (attr->value), TRUE);
      g_string_append_c (out, '\'');
    }

  if (node->first_child == NULL && node->text_len == 0)
    {
      g_string_append (out, "/>");
      return;
    }

  g_string_append_c (out, '>');

  if (!node->mixed && node->text_len > 0)
    _holboo_xml_append_escaped (out, node->text, node->text_len, FALSE);

  for (HolbooXmlNode *child = node->first_child; child != NULL; child = child->next)
    {
      if (child->name == NULL)
        _holboo_xml_append_escaped (out, child->text, child->text_len, FALSE);
      else
        serialize (child, out, default_ns, stream_prefix_bound);
    }

  g_string_append (out, "</");
  if (prefix != NULL)
    g_string_append (out, prefix);
  g_string_append (out, node->name);
  g_string_append_c (out, '>');
}

/**
 * holboo_xml_node_serialize:
 * @out: where to append the XML
 * @flags: the context the XML is written into
 *
 * Writes @node as XML.  A namespace is declared on @node and wherever a
 * child's namespace differs from its parent's; elements in the streams
 * namespace get the `stream:` prefix.  Attribute values use single
 * quotes; `&`, `<`, `>`, quotes, CR (and TAB and LF in attributes) are
 * escaped.
 */
void
holboo_xml_node_serialize (HolbooXmlNode           *node,
                           GString                 *out,
                           HolbooXmlSerializeFlags  flags)
{
  gboolean in_stream = (flags & HOLBOO_XML_SERIALIZE_IN_CLIENT_STREAM) != 0;

  g_return_if_fail (node != NULL && node->name != NULL);
  g_return_if_fail (out != NULL);

  serialize (node, out, in_stream ? HOLBOO_XMLNS_CLIENT : NULL, in_stream);
}

/**
 * holboo_xml_node_to_string:
 *
 * Returns: (transfer full): @node as self-contained XML
 */
char *
holboo_xml_node_to_string (HolbooXmlNode *node)
{
  GString *out;

  g_return_val_if_fail (node != NULL && node->name != NULL, NULL);

  out = g_string_sized_new (256);
  holboo_xml_node_serialize (node, out, HOLBOO_XML_SERIALIZE_NONE);
  return g_string_free (out, FALSE);
}
