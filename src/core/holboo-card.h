/* holboo-card.h: a business card, and its vCard forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "holboo-xml-node.h"

G_BEGIN_DECLS

/* The longest text field kept, in bytes (cut at a character boundary). */
#define HOLBOO_CARD_MAX_FIELD_LENGTH 512
/* The most phone numbers, and e-mail addresses, kept. */
#define HOLBOO_CARD_MAX_VALUES       8
/* The largest photo accepted, in bytes. */
#define HOLBOO_CARD_MAX_PHOTO_SIZE   (2 * 1024 * 1024)
/* The largest photo side accepted, in pixels. */
#define HOLBOO_CARD_MAX_PHOTO_SIDE   8192
/* The largest vCard accepted, serialised XML or .vcf text, in bytes. */
#define HOLBOO_CARD_MAX_VCARD_SIZE   (256 * 1024)
/* A .vcf file with its photo inline may be this large. */
#define HOLBOO_CARD_MAX_VCF_SIZE     (HOLBOO_CARD_MAX_PHOTO_SIZE / 3 * 4 + HOLBOO_CARD_MAX_VCARD_SIZE)

#define HOLBOO_XMLNS_VCARD4 "urn:ietf:params:xml:ns:vcard-4.0"

#define HOLBOO_CARD_ERROR (holboo_card_error_quark ())

/**
 * HolbooCardError:
 * @HOLBOO_CARD_ERROR_INVALID: not a vCard, or one this cannot read
 * @HOLBOO_CARD_ERROR_TOO_LARGE: over a size limit above
 * @HOLBOO_CARD_ERROR_BAD_PHOTO: the photo is not a PNG, JPEG, GIF or
 *   WebP image, or is damaged
 */
typedef enum {
  HOLBOO_CARD_ERROR_INVALID,
  HOLBOO_CARD_ERROR_TOO_LARGE,
  HOLBOO_CARD_ERROR_BAD_PHOTO,
} HolbooCardError;

#define HOLBOO_TYPE_CARD (holboo_card_get_type ())

G_DECLARE_FINAL_TYPE (HolbooCard, holboo_card, HOLBOO, CARD, GObject)

GQuark         holboo_card_error_quark       (void);

HolbooCard    *holboo_card_new               (void);
HolbooCard    *holboo_card_copy              (HolbooCard    *self);
gboolean       holboo_card_equal             (HolbooCard    *a,
                                              HolbooCard    *b);
gboolean       holboo_card_is_empty          (HolbooCard    *self);

const char    *holboo_card_get_name          (HolbooCard    *self);
void           holboo_card_set_name          (HolbooCard    *self,
                                              const char    *name);
const char    *holboo_card_get_title         (HolbooCard    *self);
void           holboo_card_set_title         (HolbooCard    *self,
                                              const char    *title);
const char    *holboo_card_get_department    (HolbooCard    *self);
void           holboo_card_set_department    (HolbooCard    *self,
                                              const char    *department);
const char    *holboo_card_get_company       (HolbooCard    *self);
void           holboo_card_set_company       (HolbooCard    *self,
                                              const char    *company);
const char    *holboo_card_get_xmpp          (HolbooCard    *self);
void           holboo_card_set_xmpp          (HolbooCard    *self,
                                              const char    *xmpp);
const char    *holboo_card_get_website       (HolbooCard    *self);
void           holboo_card_set_website       (HolbooCard    *self,
                                              const char    *website);
const char    *holboo_card_get_address       (HolbooCard    *self);
void           holboo_card_set_address       (HolbooCard    *self,
                                              const char    *address);
const char * const *holboo_card_get_phones   (HolbooCard    *self);
void           holboo_card_set_phones        (HolbooCard    *self,
                                              const char * const *phones);
const char * const *holboo_card_get_emails   (HolbooCard    *self);
void           holboo_card_set_emails        (HolbooCard    *self,
                                              const char * const *emails);

GBytes        *holboo_card_get_photo         (HolbooCard    *self);
const char    *holboo_card_get_photo_type    (HolbooCard    *self);
gboolean       holboo_card_set_photo         (HolbooCard    *self,
                                              GBytes        *photo,
                                              GError       **error);

/* Photos: what the bytes are, whatever anyone claims. */
const char    *holboo_card_sniff_photo       (GBytes        *photo,
                                              guint         *width,
                                              guint         *height,
                                              GError       **error);

/* Text from anywhere, made fit for a card: valid UTF-8, one line, no
 * control or direction-override characters, at most @max_length bytes.
 * Returns NULL for nothing left. */
char          *holboo_card_sanitize_text     (const char    *text,
                                              gssize         length,
                                              gsize          max_length);

/* vCard4 as XML (RFC 6351), what XEP-0292 publishes; without the photo
 * unless @with_photo (the avatar carries it over PEP). */
HolbooXmlNode *holboo_card_to_vcard_xml      (HolbooCard    *self,
                                              gboolean       with_photo);
HolbooCard    *holboo_card_new_from_vcard_xml (HolbooXmlNode *vcard,
                                              GError       **error);

/* vCard 4.0 as text (RFC 6350): .vcf files. */
char          *holboo_card_to_vcf            (HolbooCard    *self,
                                              gboolean       with_photo);
HolbooCard    *holboo_card_new_from_vcf      (const char    *text,
                                              gssize         length,
                                              GError       **error);

/* .vcf files, read on a thread (holboo-card-file.c). */
void           holboo_card_load_file_async   (GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
HolbooCard    *holboo_card_load_file_finish  (GAsyncResult        *result,
                                              GError             **error);
gboolean       holboo_card_is_vcf_name       (const char          *name);

/* What a QR code of the card carries. */
#define HOLBOO_CARD_QR_MAX_LENGTH 1200
char          *holboo_card_dup_qr_text       (HolbooCard    *self,
                                              gsize          max_length);

G_END_DECLS
