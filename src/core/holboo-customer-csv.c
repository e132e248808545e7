/* holboo-customer-csv.c: customers to and from CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 as spreadsheets write it: the first line names the columns
 * (in English or Mongolian, any case, any order; other columns are
 * ignored), values are separated by commas (or semicolons, when the
 * first line has those and no comma), a value with a separator, a quote
 * or a line break is quoted and its quotes doubled; UTF-8, with or
 * without a byte-order mark.  Phone numbers, addresses and tags may be
 * several in one value, separated by commas.
 *
 * A file is read whole and checked whole before anything is made of it:
 * the first problem is reported with its line, and nothing is imported.
 */

#define G_LOG_DOMAIN "holboo-customer"

#include "config.h"

#include "holboo-customer-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef enum {
  COLUMN_IGNORED,
  COLUMN_NAME,
  COLUMN_COMPANY,
  COLUMN_PHONES,
  COLUMN_EMAILS,
  COLUMN_XMPP,
  COLUMN_TAGS,
  COLUMN_NOTE,
} Column;

static const struct {
  const char *header;
  Column      column;
} headers[] = {
  { "name", COLUMN_NAME }, { "нэр", COLUMN_NAME },
  { "company", COLUMN_COMPANY }, { "компани", COLUMN_COMPANY }, { "байгууллага", COLUMN_COMPANY },
  { "phones", COLUMN_PHONES }, { "phone", COLUMN_PHONES }, { "утас", COLUMN_PHONES },
  { "emails", COLUMN_EMAILS }, { "email", COLUMN_EMAILS }, { "e-mail", COLUMN_EMAILS },
  { "e-mails", COLUMN_EMAILS }, { "и-мэйл", COLUMN_EMAILS }, { "имэйл", COLUMN_EMAILS },
  { "xmpp", COLUMN_XMPP }, { "jid", COLUMN_XMPP },
  { "tags", COLUMN_TAGS }, { "tag", COLUMN_TAGS }, { "шошго", COLUMN_TAGS },
  { "note", COLUMN_NOTE }, { "notes", COLUMN_NOTE }, { "тэмдэглэл", COLUMN_NOTE },
};

/* The columns written, in this order. */
static const char * const written[] = { "name", "company", "phones", "emails", "xmpp", "tags", "note" };

typedef struct {
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  char        separator;
} Reader;

static gpointer
syntax_error (GError     **error,
              guint        line,
              const char  *what)
{
  g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_SYNTAX,
               _("Line %u: %s. Nothing was imported."), line, what);
  return NULL;
}

/* One record's values, or NULL with @error; *@start_line: where it
 * began. */
static GPtrArray *
read_record (Reader   *reader,
             guint    *start_line,
             GError  **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *data = reader->data;

  *start_line = reader->line;
  for (;;)
    {
      g_autoptr(GString) value = g_string_new (NULL);

      if (reader->pos < reader->length && data[reader->pos] == '"')
        {
          guint opened = reader->line;

          reader->pos++;
          for (;;)
            {
              if (reader->pos >= reader->length)
                return syntax_error (error, opened, _("a quoted value is not closed"));
              if (data[reader->pos] == '"')
                {
                  if (reader->pos + 1 < reader->length && data[reader->pos + 1] == '"')
                    {
                      g_string_append_c (value, '"');
                      reader->pos += 2;
                      continue;
                    }
                  reader->pos++;
                  break;
                }
              if (data[reader->pos] == '\n')
                reader->line++;
              g_string_append_c (value, data[reader->pos++]);
            }
          if (reader->pos < reader->length && data[reader->pos] != reader->separator &&
              data[reader->pos] != '\r' && data[reader->pos] != '\n')
            return syntax_error (error, reader->line,
                                 _("text follows a closing quote (a quote inside a quoted value is written twice)"));
        }
      else
        {
          while (reader->pos < reader->length && data[reader->pos] != reader->separator &&
                 data[reader->pos] != '\r' && data[reader->pos] != '\n')
            {
              if (data[reader->pos] == '"')
                return syntax_error (error, reader->line,
                                     _("a quote inside a value that is not quoted"));
              g_string_append_c (value, data[reader->pos++]);
            }
        }
      g_ptr_array_add (values, g_string_free (g_steal_pointer (&value), FALSE));

      if (reader->pos < reader->length && data[reader->pos] == reader->separator)
        {
          reader->pos++;
          continue;
        }
      if (reader->pos < reader->length && data[reader->pos] == '\r')
        reader->pos++;
      if (reader->pos < reader->length && data[reader->pos] == '\n')
        {
          reader->pos++;
          reader->line++;
        }
      return g_steal_pointer (&values);
    }
}

static gboolean
is_blank (GPtrArray *values)
{
  return values->len == 1 && *(const char *) values->pdata[0] == '\0';
}

/* The line of byte @offset. */
static guint
line_of (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

static gboolean
check_encoding (const char  *data,
                gsize        length,
                GError     **error)
{
  const char *end = NULL;

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_ENCODING,
                   _("Line %u is not UTF-8 text: save the file as CSV in UTF-8 and import it again. "
                     "Nothing was imported."), line_of (data, end - data));
      return FALSE;
    }
  return TRUE;
}

static Column
column_for_header (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *folded = g_utf8_strdown (stripped, -1);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    if (strcmp (folded, headers[i].header) == 0)
      return headers[i].column;
  return COLUMN_IGNORED;
}

static HolbooCustomerDraft *
draft_from_values (GPtrArray  *values,
                   Column     *columns,
                   guint       line,
                   GError    **error)
{
  g_autoptr(HolbooCustomerDraft) draft = holboo_customer_draft_new ();
  g_autoptr(GError) local_error = NULL;

  draft->line = line;
  for (guint i = 0; i < values->len; i++)
    {
      const char *value = values->pdata[i];

      switch (columns[i])
        {
        case COLUMN_NAME:
          g_free (draft->name);
          draft->name = g_strdup (value);
          break;
        case COLUMN_COMPANY:
          g_free (draft->company);
          draft->company = g_strdup (value);
          break;
        case COLUMN_PHONES:
          g_free (draft->phones);
          draft->phones = g_strdelimit (g_strdup (value), ";", ',');
          break;
        case COLUMN_EMAILS:
          g_free (draft->emails);
          draft->emails = g_strdelimit (g_strdup (value), ";", ',');
          break;
        case COLUMN_XMPP:
          g_free (draft->xmpp);
          draft->xmpp = g_strdelimit (g_strdup (value), ";", ',');
          break;
        case COLUMN_TAGS:
          g_strfreev (draft->tags);
          draft->tags = holboo_customer_split_tags (value);
          break;
        case COLUMN_NOTE:
          g_free (draft->note);
          draft->note = g_strdup (value);
          break;
        case COLUMN_IGNORED:
        default:
          break;
        }
    }
  if (!holboo_customer_draft_normalize (draft, &local_error))
    {
      g_set_error (error, HOLBOO_CUSTOMER_ERROR, local_error->code,
                   _("Line %u: %s. Nothing was imported."), line, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&draft);
}

/**
 * holboo_customer_csv_parse:
 * @data: the file's contents
 * @length: their length in bytes
 *
 * Reads the customers of a CSV file, every one checked and normalised.
 *
 * Returns: (transfer full) (element-type HolbooCustomerDraft): the
 *   customers, each with the line it began on; or %NULL with
 *   %HOLBOO_CUSTOMER_ERROR naming the first line that is wrong
 */
GPtrArray *
holboo_customer_csv_parse (const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_customer_draft_free);
  g_autoptr(GPtrArray) header = NULL;
  g_autofree Column *columns = NULL;
  Reader reader = { data, length, 0, 1, ',' };
  gboolean has_name = FALSE;
  guint line;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > HOLBOO_CUSTOMER_CSV_MAX_SIZE)
    {
      g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID,
                   _("The file is larger than %u MB. Nothing was imported."),
                   HOLBOO_CUSTOMER_CSV_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_ENCODING,
                   _("Line %u is not UTF-8 text: save the file as CSV in UTF-8 and import it again. "
                     "Nothing was imported."), line_of (data, (const char *) memchr (data, '\0', length) - data));
      return NULL;
    }
  if (!check_encoding (data, length, error))
    return NULL;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    reader.pos = 3;

  {
    gsize end = reader.pos;

    while (end < length && data[end] != '\n')
      end++;
    if (memchr (data + reader.pos, ';', end - reader.pos) != NULL &&
        memchr (data + reader.pos, ',', end - reader.pos) == NULL)
      reader.separator = ';';
  }

  header = read_record (&reader, &line, error);
  if (header == NULL)
    return NULL;
  columns = g_new0 (Column, header->len);
  for (guint i = 0; i < header->len; i++)
    {
      columns[i] = column_for_header (header->pdata[i]);
      has_name |= columns[i] == COLUMN_NAME;
    }
  if (!has_name)
    {
      g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_SYNTAX,
                   _("Line 1 must name the columns, one of them “name”. Nothing was imported."));
      return NULL;
    }

  while (reader.pos < length)
    {
      g_autoptr(GPtrArray) values = read_record (&reader, &line, error);
      HolbooCustomerDraft *draft;

      if (values == NULL)
        return NULL;
      if (is_blank (values))
        continue;
      if (values->len != header->len)
        {
          g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_SYNTAX,
                       _("Line %u has %u values, but line 1 names %u columns. Nothing was imported."),
                       line, values->len, header->len);
          return NULL;
        }
      draft = draft_from_values (values, columns, line, error);
      if (draft == NULL)
        return NULL;
      g_ptr_array_add (drafts, draft);
    }
  return g_steal_pointer (&drafts);
}

static void
append_value (GString    *out,
              const char *value)
{
  if (value == NULL)
    return;
  if (strpbrk (value, ",;\"\r\n") == NULL &&
      !g_ascii_isspace (value[0]) && (*value == '\0' || !g_ascii_isspace (value[strlen (value) - 1])))
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Values kept one a line are written separated by ", ", as people type
 * them in a spreadsheet. */
static void
append_list (GString    *out,
             const char *lines)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;

  if (lines == NULL)
    return;
  parts = g_strsplit (lines, "\n", -1);
  joined = g_strjoinv (", ", parts);
  append_value (out, joined);
}

/**
 * holboo_customer_csv_write:
 * @customers: (element-type HolbooStoredCustomer)
 * @notes: (element-type utf8) (nullable): for each customer, a note to
 *   write (their newest), or %NULL
 *
 * Returns: (transfer full): a CSV file holboo_customer_csv_parse() reads
 *   back to the same customers
 */
char *
holboo_customer_csv_write (GPtrArray *customers,
                           GPtrArray *notes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", written[i]);
  g_string_append_c (out, '\n');

  for (guint i = 0; i < customers->len; i++)
    {
      HolbooStoredCustomer *customer = customers->pdata[i];
      g_autofree char *tags = g_strjoinv (", ", customer->tags);

      append_value (out, customer->name);
      g_string_append_c (out, ',');
      append_value (out, customer->company);
      g_string_append_c (out, ',');
      append_list (out, customer->phones);
      g_string_append_c (out, ',');
      append_list (out, customer->emails);
      g_string_append_c (out, ',');
      append_list (out, customer->xmpp);
      g_string_append_c (out, ',');
      append_value (out, tags);
      g_string_append_c (out, ',');
      if (notes != NULL && i < notes->len)
        append_value (out, notes->pdata[i]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
