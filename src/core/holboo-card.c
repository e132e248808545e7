/* holboo-card.c: a business card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card comes from the network, from a file or from the user, so every
 * setter cleans what it is given (holboo_card_sanitize_text()) and the
 * photo is checked for what it really is: a card never holds text that
 * could break a label or a line of a .vcf, nor a photo over the limits.
 * The vCard forms live in holboo-card-vcard.c (XML) and
 * holboo-card-vcf.c (text).
 */

#define G_LOG_DOMAIN "holboo-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "holboo-card-private.h"

#include <string.h>

struct _HolbooCard
{
  GObject  parent_instance;

  char    *name;
  char    *title;
  char    *department;
  char    *company;
  char    *xmpp;
  char    *website;
  char    *address;
  GStrv    phones;
  GStrv    emails;
  GBytes  *photo;
  char    *photo_type;
};

G_DEFINE_FINAL_TYPE (HolbooCard, holboo_card, G_TYPE_OBJECT)
G_DEFINE_QUARK (holboo-card-error-quark, holboo_card_error)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_DEPARTMENT,
  PROP_COMPANY,
  PROP_XMPP,
  PROP_WEBSITE,
  PROP_ADDRESS,
  PROP_PHONES,
  PROP_EMAILS,
  PROP_PHOTO,
  PROP_PHOTO_TYPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const empty_strv[] = { NULL };

static gboolean
is_unwanted (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  /* Controls (C0, C1, DEL), line and paragraph separators, and the
   * bidirectional embeddings, overrides and isolates that can make a
   * name display as something else. */
  return type == G_UNICODE_CONTROL ||
         type == G_UNICODE_LINE_SEPARATOR ||
         type == G_UNICODE_PARAGRAPH_SEPARATOR ||
         (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) ||
         c == 0xFEFF;
}

/**
 * holboo_card_sanitize_text:
 * @text: (nullable): any bytes
 * @length: length of @text, or -1 if nul-terminated
 * @max_length: the most bytes to keep
 *
 * Returns: (transfer full) (nullable): @text as valid UTF-8 on one line,
 *   controls turned into spaces, runs of spaces into one, trimmed and
 *   cut to @max_length bytes at a character boundary; %NULL if nothing
 *   is left
 */
char *
holboo_card_sanitize_text (const char *text,
                           gssize      length,
                           gsize       max_length)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, length);
  out = g_string_sized_new (MIN (strlen (valid), max_length) + 1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char utf8[6];
      int n;

      if (is_unwanted (c) || g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }

      n = g_unichar_to_utf8 (c, utf8);
      if (out->len + (space ? 1 : 0) + n > max_length)
        break;
      if (space)
        g_string_append_c (out, ' ');
      g_string_append_len (out, utf8, n);
      space = FALSE;
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static gboolean
set_text (HolbooCard  *self,
          char       **field,
          const char  *value,
          guint        prop)
{
  g_autofree char *clean = holboo_card_sanitize_text (value, -1, HOLBOO_CARD_MAX_FIELD_LENGTH);

  if (g_strcmp0 (*field, clean) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static void
set_list (HolbooCard         *self,
          GStrv              *field,
          const char * const *values,
          guint               prop)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) clean = NULL;
  guint n = 0;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *value = holboo_card_sanitize_text (values[i], -1, HOLBOO_CARD_MAX_FIELD_LENGTH);

      if (value == NULL)
        continue;
      if (n == HOLBOO_CARD_MAX_VALUES)
        {
          g_debug ("A card has more than %u values for “%s”; the rest are left out",
                   HOLBOO_CARD_MAX_VALUES, g_param_spec_get_name (properties[prop]));
          break;
        }
      g_strv_builder_add (builder, value);
      n++;
    }

  clean = g_strv_builder_end (builder);
  if (*field != NULL && g_strv_equal ((const char * const *) *field, (const char * const *) clean))
    return;

  g_strfreev (*field);
  *field = g_steal_pointer (&clean);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
sniff_jpeg (const guint8 *data,
            gsize         size,
            guint        *width,
            guint        *height)
{
  gsize i = 2;

  /* Walk the segments to the frame header (SOF0…SOF15 but DHT, JPG, DAC). */
  while (i + 9 < size)
    {
      guint8 marker;
      guint length;

      if (data[i] != 0xFF)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xFF)
        {
          i++;
          continue;
        }
      length = (data[i + 2] << 8) | data[i + 3];
      if (length < 2)
        return FALSE;
      if (marker >= 0xC0 && marker <= 0xCF &&
          marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          *height = (data[i + 5] << 8) | data[i + 6];
          *width = (data[i + 7] << 8) | data[i + 8];
          return TRUE;
        }
      i += 2 + length;
    }
  return FALSE;
}

/**
 * holboo_card_sniff_photo:
 * @photo: image bytes
 * @width: (out) (optional): its width in pixels, 0 if not known
 * @height: (out) (optional): its height, 0 if not known
 * @error: set when it is no image this accepts
 *
 * Looks at the bytes, not at any name or claimed type: a PNG needs its
 * header chunk and its end, a JPEG its frame header, and both a sane
 * size.  This does not decode the image; a display still has to cope
 * with one that fails to decode.
 *
 * Returns: (nullable): the photo's media type, or %NULL on error
 */
const char *
holboo_card_sniff_photo (GBytes  *photo,
                         guint   *width,
                         guint   *height,
                         GError **error)
{
  const guint8 *data;
  gsize size;
  guint w = 0, h = 0;
  const char *type = NULL;

  g_return_val_if_fail (photo != NULL, NULL);

  data = g_bytes_get_data (photo, &size);
  if (size > HOLBOO_CARD_MAX_PHOTO_SIZE)
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE,
                   _("The photo is %lu bytes, more than the %lu allowed"),
                   (gulong) size, (gulong) HOLBOO_CARD_MAX_PHOTO_SIZE);
      return NULL;
    }

  if (size >= 33 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0 &&
      memcmp (data + 12, "IHDR", 4) == 0 &&
      memcmp (data + size - 8, "IEND", 4) == 0)
    {
      type = "image/png";
      w = read_be32 (data + 16);
      h = read_be32 (data + 20);
    }
  else if (size >= 12 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF &&
           sniff_jpeg (data, size, &w, &h))
    {
      type = "image/jpeg";
    }
  else if (size >= 10 && (memcmp (data, "GIF87a", 6) == 0 || memcmp (data, "GIF89a", 6) == 0))
    {
      type = "image/gif";
      w = data[6] | (data[7] << 8);
      h = data[8] | (data[9] << 8);
    }
  else if (size >= 16 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    {
      type = "image/webp";
    }

  if (type == NULL)
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_BAD_PHOTO,
                   _("The photo is not a PNG, JPEG, GIF or WebP image, or it is damaged"));
      return NULL;
    }
  if ((w == 0 || h == 0) && g_strcmp0 (type, "image/webp") != 0)
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_BAD_PHOTO,
                   _("The photo (%s) has no size"), type);
      return NULL;
    }
  if (w > HOLBOO_CARD_MAX_PHOTO_SIDE || h > HOLBOO_CARD_MAX_PHOTO_SIDE)
    {
      g_set_error (error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE,
                   _("The photo is %u×%u pixels, more than %u a side"),
                   w, h, HOLBOO_CARD_MAX_PHOTO_SIDE);
      return NULL;
    }

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return type;
}

static void
holboo_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HolbooCard *self = HOLBOO_CARD (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_DEPARTMENT: g_value_set_string (value, self->department); break;
    case PROP_COMPANY: g_value_set_string (value, self->company); break;
    case PROP_XMPP: g_value_set_string (value, self->xmpp); break;
    case PROP_WEBSITE: g_value_set_string (value, self->website); break;
    case PROP_ADDRESS: g_value_set_string (value, self->address); break;
    case PROP_PHONES: g_value_set_boxed (value, self->phones); break;
    case PROP_EMAILS: g_value_set_boxed (value, self->emails); break;
    case PROP_PHOTO: g_value_set_boxed (value, self->photo); break;
    case PROP_PHOTO_TYPE: g_value_set_string (value, self->photo_type); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HolbooCard *self = HOLBOO_CARD (object);

  switch (prop_id)
    {
    case PROP_NAME: holboo_card_set_name (self, g_value_get_string (value)); break;
    case PROP_TITLE: holboo_card_set_title (self, g_value_get_string (value)); break;
    case PROP_DEPARTMENT: holboo_card_set_department (self, g_value_get_string (value)); break;
    case PROP_COMPANY: holboo_card_set_company (self, g_value_get_string (value)); break;
    case PROP_XMPP: holboo_card_set_xmpp (self, g_value_get_string (value)); break;
    case PROP_WEBSITE: holboo_card_set_website (self, g_value_get_string (value)); break;
    case PROP_ADDRESS: holboo_card_set_address (self, g_value_get_string (value)); break;
    case PROP_PHONES: holboo_card_set_phones (self, g_value_get_boxed (value)); break;
    case PROP_EMAILS: holboo_card_set_emails (self, g_value_get_boxed (value)); break;
    case PROP_PHOTO:
      {
        g_autoptr(GError) error = NULL;

        if (g_value_get_boxed (value) != NULL &&
            !holboo_card_set_photo (self, g_value_get_boxed (value), &error))
          g_message ("Photo left out: %s", error->message);
        else if (g_value_get_boxed (value) == NULL)
          holboo_card_set_photo (self, NULL, NULL);
      }
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_card_finalize (GObject *object)
{
  HolbooCard *self = HOLBOO_CARD (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->department);
  g_free (self->company);
  g_free (self->xmpp);
  g_free (self->website);
  g_free (self->address);
  g_strfreev (self->phones);
  g_strfreev (self->emails);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_free (self->photo_type);

  G_OBJECT_CLASS (holboo_card_parent_class)->finalize (object);
}

static void
holboo_card_class_init (HolbooCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = holboo_card_get_property;
  object_class->set_property = holboo_card_set_property;
  object_class->finalize = holboo_card_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_DEPARTMENT] = g_param_spec_string ("department", NULL, NULL, NULL, flags);
  properties[PROP_COMPANY] = g_param_spec_string ("company", NULL, NULL, NULL, flags);
  properties[PROP_XMPP] = g_param_spec_string ("xmpp", NULL, NULL, NULL, flags);
  properties[PROP_WEBSITE] = g_param_spec_string ("website", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_PHONES] = g_param_spec_boxed ("phones", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EMAILS] = g_param_spec_boxed ("emails", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_PHOTO] = g_param_spec_boxed ("photo", NULL, NULL, G_TYPE_BYTES, flags);
  properties[PROP_PHOTO_TYPE] = g_param_spec_string ("photo-type", NULL, NULL, NULL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_card_init (HolbooCard *self)
{
  self->phones = g_new0 (char *, 1);
  self->emails = g_new0 (char *, 1);
}

HolbooCard *
holboo_card_new (void)
{
  return g_object_new (HOLBOO_TYPE_CARD, NULL);
}

/**
 * holboo_card_copy:
 *
 * Returns: (transfer full): a new card with the same fields
 */
HolbooCard *
holboo_card_copy (HolbooCard *self)
{
  HolbooCard *copy;

  g_return_val_if_fail (HOLBOO_IS_CARD (self), NULL);

  copy = holboo_card_new ();
  copy->name = g_strdup (self->name);
  copy->title = g_strdup (self->title);
  copy->department = g_strdup (self->department);
  copy->company = g_strdup (self->company);
  copy->xmpp = g_strdup (self->xmpp);
  copy->website = g_strdup (self->website);
  copy->address = g_strdup (self->address);
  g_strfreev (copy->phones);
  copy->phones = g_strdupv (self->phones);
  g_strfreev (copy->emails);
  copy->emails = g_strdupv (self->emails);
  copy->photo = self->photo != NULL ? g_bytes_ref (self->photo) : NULL;
  copy->photo_type = g_strdup (self->photo_type);
  return copy;
}

/**
 * holboo_card_equal:
 *
 * Returns: whether both cards have the same fields and photo
 */
gboolean
holboo_card_equal (HolbooCard *a,
                   HolbooCard *b)
{
  g_return_val_if_fail (HOLBOO_IS_CARD (a), FALSE);
  g_return_val_if_fail (HOLBOO_IS_CARD (b), FALSE);

  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->department, b->department) == 0 &&
         g_strcmp0 (a->company, b->company) == 0 &&
         g_strcmp0 (a->xmpp, b->xmpp) == 0 &&
         g_strcmp0 (a->website, b->website) == 0 &&
         g_strcmp0 (a->address, b->address) == 0 &&
         g_strv_equal ((const char * const *) a->phones, (const char * const *) b->phones) &&
         g_strv_equal ((const char * const *) a->emails, (const char * const *) b->emails) &&
         g_strcmp0 (a->photo_type, b->photo_type) == 0 &&
         ((a->photo == NULL && b->photo == NULL) ||
          (a->photo != NULL && b->photo != NULL && g_bytes_equal (a->photo, b->photo)));
}

/**
 * holboo_card_is_empty:
 *
 * Returns: whether the card has no field and no photo
 */
gboolean
holboo_card_is_empty (HolbooCard *self)
{
  g_autoptr(HolbooCard) empty = holboo_card_new ();

  g_return_val_if_fail (HOLBOO_IS_CARD (self), TRUE);

  return holboo_card_equal (self, empty);
}

#define TEXT_ACCESSORS(field, PROP)                                    \
const char *                                                           \
holboo_card_get_##field (HolbooCard *self)                             \
{                                                                      \
  g_return_val_if_fail (HOLBOO_IS_CARD (self), NULL);                  \
  return self->field;                                                  \
}                                                                      \
                                                                       \
void                                                                   \
holboo_card_set_##field (HolbooCard *self,                             \
                         const char *field)                            \
{                                                                      \
  g_return_if_fail (HOLBOO_IS_CARD (self));                            \
  set_text (self, &self->field, field, PROP);                          \
}

TEXT_ACCESSORS (name, PROP_NAME)
TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (department, PROP_DEPARTMENT)
TEXT_ACCESSORS (company, PROP_COMPANY)
TEXT_ACCESSORS (xmpp, PROP_XMPP)
TEXT_ACCESSORS (website, PROP_WEBSITE)
TEXT_ACCESSORS (address, PROP_ADDRESS)

#undef TEXT_ACCESSORS

/**
 * holboo_card_get_phones:
 *
 * Returns: (transfer none): the phone numbers, never %NULL
 */
const char * const *
holboo_card_get_phones (HolbooCard *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD (self), empty_strv);

  return (const char * const *) self->phones;
}

void
holboo_card_set_phones (HolbooCard         *self,
                        const char * const *phones)
{
  g_return_if_fail (HOLBOO_IS_CARD (self));

  set_list (self, &self->phones, phones, PROP_PHONES);
}

/**
 * holboo_card_get_emails:
 *
 * Returns: (transfer none): the e-mail addresses, never %NULL
 */
const char * const *
holboo_card_get_emails (HolbooCard *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD (self), empty_strv);

  return (const char * const *) self->emails;
}

void
holboo_card_set_emails (HolbooCard         *self,
                        const char * const *emails)
{
  g_return_if_fail (HOLBOO_IS_CARD (self));

  set_list (self, &self->emails, emails, PROP_EMAILS);
}

/**
 * holboo_card_get_photo:
 *
 * Returns: (transfer none) (nullable): the photo's bytes
 */
GBytes *
holboo_card_get_photo (HolbooCard *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD (self), NULL);

  return self->photo;
}

/**
 * holboo_card_get_photo_type:
 *
 * Returns: (nullable): the photo's media type, as sniffed
 */
const char *
holboo_card_get_photo_type (HolbooCard *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD (self), NULL);

  return self->photo_type;
}

/**
 * holboo_card_set_photo:
 * @photo: (nullable): image bytes; %NULL for no photo
 * @error: set when the bytes are no image holboo_card_sniff_photo()
 *   accepts; the card keeps its photo then
 */
gboolean
holboo_card_set_photo (HolbooCard *self,
                       GBytes     *photo,
                       GError    **error)
{
  const char *type = NULL;

  g_return_val_if_fail (HOLBOO_IS_CARD (self), FALSE);

  if (photo != NULL && (type = holboo_card_sniff_photo (photo, NULL, NULL, error)) == NULL)
    return FALSE;

  if (photo == self->photo || (photo != NULL && self->photo != NULL && g_bytes_equal (photo, self->photo)))
    return TRUE;

  g_clear_pointer (&self->photo, g_bytes_unref);
  self->photo = photo != NULL ? g_bytes_ref (photo) : NULL;
  g_free (self->photo_type);
  self->photo_type = g_strdup (type);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHOTO_TYPE]);
  return TRUE;
}

/* The card's photo as a data: URI, for vCards that carry it inline. */
char *
_holboo_card_dup_photo_uri (HolbooCard *self)
{
  g_autofree char *base64 = NULL;

  if (self->photo == NULL)
    return NULL;

  base64 = g_base64_encode (g_bytes_get_data (self->photo, NULL), g_bytes_get_size (self->photo));
  return g_strconcat ("data:", self->photo_type, ";base64,", base64, NULL);
}

void
_holboo_card_take_photo_base64 (HolbooCard *self,
                                const char *base64)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autofree guchar *data = NULL;
  gsize length = strlen (base64);
  gsize size;

  /* Decoding costs memory: refuse by the encoded size first. */
  if (length / 4 * 3 > HOLBOO_CARD_MAX_PHOTO_SIZE + 3)
    {
      g_message ("A card's photo of about %" G_GSIZE_FORMAT " bytes is over the limit of %u; left out",
                 length / 4 * 3, HOLBOO_CARD_MAX_PHOTO_SIZE);
      return;
    }

  data = g_base64_decode (base64, &size);
  photo = g_bytes_new_take (g_steal_pointer (&data), size);
  if (!holboo_card_set_photo (self, photo, &error))
    g_message ("A card's photo was left out: %s", error->message);
}

void
_holboo_card_take_photo_uri (HolbooCard *self,
                             const char *uri)
{
  const char *comma;

  if (g_ascii_strncasecmp (uri, "data:", 5) != 0 ||
      (comma = strchr (uri, ',')) == NULL ||
      comma - uri < 12 ||
      g_ascii_strncasecmp (comma - 7, ";base64", 7) != 0)
    {
      g_debug ("A card's photo is not an inline base64 data: URI; not fetched");
      return;
    }

  _holboo_card_take_photo_base64 (self, comma + 1);
}

char *
_holboo_card_join_address (const char * const *components)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < 7; i++)
    {
      if (components[i] == NULL || *components[i] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, ", ");
      g_string_append (joined, components[i]);
    }
  return joined->len > 0 ? g_strdup (joined->str) : NULL;
}
