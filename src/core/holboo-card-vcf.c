/* holboo-card-vcf.c: a card as vCard 4.0 text (RFC 6350), the .vcf files
 * people exchange
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written: CRLF lines folded at 75 octets, never inside a UTF-8
 * sequence; text values escaped (backslash, comma, semicolon, newline).
 * Read: LF or CRLF, unfolding, groups, quoted parameters, escapes, and
 * vCard 3.0's inline photo (ENCODING=b) as phones still export it.  Only
 * the first vCard of a file is read.
 */

#define G_LOG_DOMAIN "holboo-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "holboo-card-private.h"

#include <string.h>

#define FOLD_OCTETS 75

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ',': g_string_append (out, "\\,"); break;
        case ';': g_string_append (out, "\\;"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (out, *p);
        }
    }
}

/* Ends the content line in @line: folds it into @out. */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gsize room = FOLD_OCTETS;

  while (length - start > room)
    {
      gsize end = start + room;

      /* Back off to a character boundary. */
      while (end > start && ((guchar) line[end] & 0xC0) == 0x80)
        end--;
      g_string_append_len (out, line + start, end - start);
      g_string_append (out, "\r\n ");
      start = end;
      room = FOLD_OCTETS - 1;   /* the leading space counts */
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

static void
add_line (GString    *out,
          const char *name,
          const char *value,
          gboolean    escape)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL)
    return;

  line = g_string_new (name);
  g_string_append_c (line, ':');
  if (escape)
    append_escaped (line, value);
  else
    g_string_append (line, value);
  append_folded (out, line->str);
}

/**
 * holboo_card_to_vcf:
 * @with_photo: put the photo in, as a data: URI
 *
 * Returns: (transfer full): the card as a vCard 4.0 text
 */
char *
holboo_card_to_vcf (HolbooCard *self,
                    gboolean    with_photo)
{
  GString *out;
  const char * const *list;

  g_return_val_if_fail (HOLBOO_IS_CARD (self), NULL);

  out = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n");
  add_line (out, "FN", holboo_card_get_name (self) ? holboo_card_get_name (self) : "", TRUE);
  add_line (out, "TITLE", holboo_card_get_title (self), TRUE);

  if (holboo_card_get_company (self) != NULL || holboo_card_get_department (self) != NULL)
    {
      g_autoptr(GString) org = g_string_new (NULL);

      append_escaped (org, holboo_card_get_company (self));
      if (holboo_card_get_department (self) != NULL)
        {
          g_string_append_c (org, ';');
          append_escaped (org, holboo_card_get_department (self));
        }
      add_line (out, "ORG", org->str, FALSE);
    }

  list = holboo_card_get_phones (self);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *uri = g_strconcat ("tel:", list[i], NULL);

      add_line (out, "TEL;VALUE=uri;TYPE=\"work,voice\"", uri, FALSE);
    }

  list = holboo_card_get_emails (self);
  for (guint i = 0; list[i] != NULL; i++)
    add_line (out, "EMAIL;TYPE=work", list[i], TRUE);

  if (holboo_card_get_xmpp (self) != NULL)
    {
      g_autofree char *uri = g_strconcat ("xmpp:", holboo_card_get_xmpp (self), NULL);

      add_line (out, "IMPP", uri, FALSE);
    }
  add_line (out, "URL", holboo_card_get_website (self), FALSE);

  if (holboo_card_get_address (self) != NULL)
    {
      g_autoptr(GString) adr = g_string_new (";;");

      append_escaped (adr, holboo_card_get_address (self));
      g_string_append (adr, ";;;;");
      add_line (out, "ADR;TYPE=work", adr->str, FALSE);
    }

  if (with_photo)
    {
      g_autofree char *uri = _holboo_card_dup_photo_uri (self);

      add_line (out, "PHOTO", uri, FALSE);
    }

  g_string_append (out, "END:VCARD\r\n");
  return g_string_free (out, FALSE);
}

/* Splits @value at unescaped semicolons and unescapes each part. */
static GStrv
split_structured (const char *value,
                  gboolean    structured)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) part = g_string_new (NULL);

  for (const char *p = value; ; p++)
    {
      if (*p == '\0' || (structured && *p == ';'))
        {
          g_strv_builder_add (builder, part->str);
          g_string_truncate (part, 0);
          if (*p == '\0')
            break;
          continue;
        }
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (part, (*p == 'n' || *p == 'N') ? '\n' : *p);
          continue;
        }
      g_string_append_c (part, *p);
    }
  return g_strv_builder_end (builder);
}

static char *
unescape (const char *value)
{
  g_auto(GStrv) parts = split_structured (value, FALSE);

  return g_strdup (parts[0]);
}

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

typedef struct {
  char *name;        /* upper case, group removed */
  char *value_type;  /* VALUE=, lower case, or NULL */
  char *encoding;    /* ENCODING=, lower case, or NULL */
  char *type;        /* TYPE=, lower case, or NULL */
  const char *value;
} ContentLine;

static void
content_line_clear (ContentLine *line)
{
  g_free (line->name);
  g_free (line->value_type);
  g_free (line->encoding);
  g_free (line->type);
}

/* NAME;PARAM=…:value, with quoted parameter values. */
static gboolean
parse_content_line (char        *text,
                    ContentLine *line)
{
  gboolean quoted = FALSE;
  char *colon = NULL;
  char *dot;
  g_auto(GStrv) params = NULL;

  for (char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        {
          colon = p;
          break;
        }
    }
  if (colon == NULL)
    return FALSE;

  *colon = '\0';
  line->value = colon + 1;
  params = g_strsplit (text, ";", 32);
  dot = strchr (params[0], '.');
  line->name = g_ascii_strup (dot != NULL ? dot + 1 : params[0], -1);

  for (guint i = 1; params[i] != NULL; i++)
    {
      char *eq = strchr (params[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (eq == NULL)
        {
          /* vCard 2.1 style bare types: "TEL;CELL:…", "PHOTO;JPEG;BASE64:…" */
          key = g_ascii_strdown (params[i], -1);
          if (g_str_equal (key, "base64") || g_str_equal (key, "b"))
            set_str (&line->encoding, "b");
          continue;
        }
      key = g_ascii_strdown (params[i], eq - params[i]);
      value = g_ascii_strdown (eq + 1, -1);
      g_strdelimit (value, "\"", ' ');
      g_strstrip (value);
      if (g_str_equal (key, "value"))
        set_str (&line->value_type, value);
      else if (g_str_equal (key, "encoding"))
        set_str (&line->encoding, g_str_equal (value, "base64") ? "b" : value);
      else if (g_str_equal (key, "type"))
        set_str (&line->type, value);
    }
  return TRUE;
}

/* Logical lines: CRLF or LF, folded lines joined. */
static GPtrArray *
unfold (const char *text)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) physical = g_strsplit (text, "\n", -1);
  GString *current = NULL;

  for (guint i = 0; physical[i] != NULL; i++)
    {
      char *l = physical[i];
      gsize len = strlen (l);

      if (len > 0 && l[len - 1] == '\r')
        l[--len] = '\0';
      if ((l[0] == ' ' || l[0] == '\t') && current != NULL)
        {
          g_string_append (current, l + 1);
          continue;
        }
      if (current != NULL)
        g_ptr_array_add (lines, g_string_free (current, FALSE));
      current = len > 0 ? g_string_new (l) : NULL;
    }
  if (current != NULL)
    g_ptr_array_add (lines, g_string_free (current, FALSE));
  return g_steal_pointer (&lines);
}

static void
take_photo (HolbooCard  *card,
            ContentLine *line)
{
  if (g_strcmp0 (line->encoding, "b") == 0)
    {
      g_autofree char *base64 = g_strdup (line->value);

      g_strstrip (base64);
      _holboo_card_take_photo_base64 (card, base64);
    }
  else
    {
      _holboo_card_take_photo_uri (card, line->value);
    }
}

/**
 * holboo_card_new_from_vcf:
 * @text: a .vcf file's content
 * @length: its length, or -1 if nul-terminated
 * @error: set when it holds no vCard, or is over
 *   %HOLBOO_CARD_MAX_VCF_SIZE
 *
 * Returns: (transfer full) (nullable): the first card in @text
 */
HolbooCard *
holboo_card_new_from_vcf (const char *text,
                          gssize      length,
                          GError    **error)
{
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) phones = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr(GPtrArray) emails = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autofree char *valid = NULL;
  gboolean begun = FALSE, ended = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  if ((gsize) length > HOLBOO_CARD_MAX_VCF_SIZE)
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE,
                   _("The vCard is %lu bytes, more than the %lu allowed"),
                   (gulong) length, (gulong) HOLBOO_CARD_MAX_VCF_SIZE);
      return NULL;
    }

  valid = g_utf8_make_valid (text, length);
  lines = unfold (valid);
  card = holboo_card_new ();

  for (guint i = 0; i < lines->len && !ended; i++)
    {
      ContentLine line = { NULL, };

      if (!parse_content_line (lines->pdata[i], &line))
        continue;

      if (g_str_equal (line.name, "BEGIN"))
        begun = begun || g_ascii_strcasecmp (line.value, "VCARD") == 0;
      else if (!begun)
        ;
      else if (g_str_equal (line.name, "END"))
        ended = TRUE;
      else if (g_str_equal (line.name, "FN"))
        {
          g_autofree char *value = unescape (line.value);

          holboo_card_set_name (card, value);
        }
      else if (g_str_equal (line.name, "TITLE"))
        {
          g_autofree char *value = unescape (line.value);

          holboo_card_set_title (card, value);
        }
      else if (g_str_equal (line.name, "ORG"))
        {
          g_auto(GStrv) parts = split_structured (line.value, TRUE);

          holboo_card_set_company (card, parts[0]);
          if (parts[0] != NULL)
            holboo_card_set_department (card, parts[1]);
        }
      else if (g_str_equal (line.name, "TEL"))
        {
          const char *value = line.value;

          if (g_ascii_strncasecmp (value, "tel:", 4) == 0)
            value += 4;
          if (phones->len < HOLBOO_CARD_MAX_VALUES)
            g_ptr_array_add (phones, unescape (value));
        }
      else if (g_str_equal (line.name, "EMAIL"))
        {
          if (emails->len < HOLBOO_CARD_MAX_VALUES)
            g_ptr_array_add (emails, unescape (line.value));
        }
      else if (g_str_equal (line.name, "IMPP") || g_str_equal (line.name, "X-JABBER"))
        {
          const char *value = line.value;

          if (g_ascii_strncasecmp (value, "xmpp:", 5) == 0)
            value += 5;
          else if (g_str_equal (line.name, "IMPP"))
            value = NULL;
          if (value != NULL && holboo_card_get_xmpp (card) == NULL)
            holboo_card_set_xmpp (card, value);
        }
      else if (g_str_equal (line.name, "URL"))
        {
          if (holboo_card_get_website (card) == NULL)
            holboo_card_set_website (card, line.value);
        }
      else if (g_str_equal (line.name, "ADR"))
        {
          g_auto(GStrv) parts = split_structured (line.value, TRUE);
          const char *components[8] = { NULL, };
          g_autofree char *address = NULL;

          for (guint c = 0; c < 7 && parts[c] != NULL; c++)
            components[c] = parts[c];
          address = _holboo_card_join_address (components);
          if (holboo_card_get_address (card) == NULL)
            holboo_card_set_address (card, address);
        }
      else if (g_str_equal (line.name, "PHOTO"))
        {
          if (holboo_card_get_photo (card) == NULL)
            take_photo (card, &line);
        }

      content_line_clear (&line);
    }

  if (!begun)
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_INVALID,
                   _("There is no vCard in this text (no BEGIN:VCARD)"));
      return NULL;
    }
  if (!ended)
    g_debug ("A vCard has no END:VCARD; read what is there");

  holboo_card_set_phones (card, (const char * const *) phones->pdata);
  holboo_card_set_emails (card, (const char * const *) emails->pdata);
  return g_steal_pointer (&card);
}

/**
 * holboo_card_dup_qr_text:
 * @self: a card
 * @max_length: the most bytes a QR code should carry
 *
 * What a QR code of the card says: the card as vCard text (without the
 * photo) when it fits in @max_length bytes, else an `xmpp:` URI of its
 * XMPP address, from which a client can fetch the card.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the card
 *   is too large and has no XMPP address
 */
char *
holboo_card_dup_qr_text (HolbooCard *self,
                         gsize       max_length)
{
  g_autofree char *vcf = NULL;

  g_return_val_if_fail (HOLBOO_IS_CARD (self), NULL);

  vcf = holboo_card_to_vcf (self, FALSE);
  if (strlen (vcf) <= max_length)
    return g_steal_pointer (&vcf);

  if (holboo_card_get_xmpp (self) == NULL)
    return NULL;
  return g_strconcat ("xmpp:", holboo_card_get_xmpp (self), NULL);
}
