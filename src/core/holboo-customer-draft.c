/* holboo-customer-draft.c: a customer as typed in a form or read from a
 * file, checked, and turned into the team log's ops
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is checked before any op is made: a draft that passes
 * holboo_customer_draft_normalize() gives ops every member's client
 * accepts (holboo_teamlog_op_parse() checks the same limits).
 */

#define G_LOG_DOMAIN "holboo-customer"

#include "config.h"

#include "holboo-customer-draft.h"
#include "holboo-teamlog-op.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (holboo-customer-error-quark, holboo_customer_error)

/* A tag is a word or two, not a paragraph. */
#define MAX_TAG_LENGTH 64
#define MAX_TAGS       32

HolbooCustomerDraft *
holboo_customer_draft_new (void)
{
  return g_new0 (HolbooCustomerDraft, 1);
}

void
holboo_customer_draft_free (HolbooCustomerDraft *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->company);
  g_free (self->title);
  g_free (self->phones);
  g_free (self->emails);
  g_free (self->xmpp);
  g_strfreev (self->tags);
  g_free (self->note);
  g_free (self);
}

/**
 * holboo_customer_split_tags:
 * @text: (nullable): tags separated by commas or semicolons
 *
 * Returns: (transfer full): the tags, trimmed, each once, in order
 */
char **
holboo_customer_split_tags (const char *text)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = g_strsplit_set (text != NULL ? text : "", ",;\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag != '\0' && !g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
        g_ptr_array_add (tags, g_strdup (tag));
    }
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* Valid UTF-8 without control characters (but new lines and tabs where
 * @multiline), at most @max bytes. */
static gboolean
check_text (const char  *what,
            const char  *text,
            gsize        max,
            gboolean     multiline,
            GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_ENCODING,
                   _("The %s is not valid text"), what);
      return FALSE;
    }
  if (strlen (text) > max)
    {
      g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID,
                   _("The %s is too long"), what);
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t'))) || c == 0x7f)
        {
          g_set_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID,
                       _("The %s contains control characters"), what);
          return FALSE;
        }
    }
  return TRUE;
}

/* Trims *@text; an empty one becomes NULL. */
static void
trim (char **text)
{
  if (*text == NULL)
    return;
  g_strstrip (*text);
  if (**text == '\0')
    g_clear_pointer (text, g_free);
}

static gboolean
normalize_handles (const char  *field,
                   char       **value,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *normal;

  if (*value == NULL)
    return TRUE;
  normal = holboo_teamlog_normalize_handles (field, *value, &local_error);
  if (normal == NULL)
    {
      g_set_error_literal (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  g_free (*value);
  *value = normal;
  trim (value);
  return TRUE;
}

/**
 * holboo_customer_draft_normalize:
 *
 * Trims every value, puts numbers in E.164 and addresses in lower case,
 * one a line, and checks that there is a name and that nothing is too
 * long or not text.
 *
 * Returns: %FALSE with %HOLBOO_CUSTOMER_ERROR saying what is wrong
 */
gboolean
holboo_customer_draft_normalize (HolbooCustomerDraft  *self,
                                 GError              **error)
{
  const struct {
    const char *what;
    char      **value;
    gboolean    multiline;
  } texts[] = {
    /* TRANSLATORS: fills "The %s is too long" and the like */
    { N_("name"), &self->name, FALSE },
    { N_("company"), &self->company, FALSE },
    { N_("job title"), &self->title, FALSE },
    { N_("phone numbers"), &self->phones, TRUE },
    { N_("e-mail addresses"), &self->emails, TRUE },
    { N_("XMPP addresses"), &self->xmpp, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      trim (texts[i].value);
      if (*texts[i].value != NULL &&
          !check_text (_(texts[i].what), *texts[i].value, HOLBOO_TEAMLOG_MAX_FIELD_LENGTH,
                       texts[i].multiline, error))
        return FALSE;
    }
  if (self->name == NULL)
    {
      g_set_error_literal (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID,
                           _("A customer needs a name"));
      return FALSE;
    }

  trim (&self->note);
  if (self->note != NULL &&
      !check_text (_("note"), self->note, HOLBOO_TEAMLOG_MAX_TEXT_LENGTH, TRUE, error))
    return FALSE;

  if (self->tags != NULL)
    {
      g_autofree char *joined = g_strjoinv (",", self->tags);
      guint n;

      g_strfreev (self->tags);
      self->tags = holboo_customer_split_tags (joined);
      n = g_strv_length (self->tags);
      if (n > MAX_TAGS)
        {
          g_set_error_literal (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID,
                               _("A customer can have 32 tags at most"));
          return FALSE;
        }
      for (guint i = 0; i < n; i++)
        if (!check_text (_("tag"), self->tags[i], MAX_TAG_LENGTH, FALSE, error))
          return FALSE;
    }

  return normalize_handles (HOLBOO_CUSTOMER_FIELD_PHONES, &self->phones, error) &&
         normalize_handles (HOLBOO_CUSTOMER_FIELD_EMAILS, &self->emails, error) &&
         normalize_handles (HOLBOO_CUSTOMER_FIELD_XMPP, &self->xmpp, error);
}

static HolbooTeamlogOp *
new_op (HolbooTeamlogOpKind  kind,
        const char          *customer)
{
  HolbooTeamlogOp *op = holboo_teamlog_op_new ();

  op->kind = kind;
  op->type_name = g_strdup (holboo_teamlog_op_kind_to_string (kind));
  op->version = HOLBOO_TEAMLOG_VERSION;
  op->uuid = g_uuid_string_random ();
  op->customer = g_strdup (customer);
  return op;
}

static GPtrArray *
new_ops (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
}

static void
add_tag_ops (GPtrArray           *ops,
             const char          *customer,
             HolbooTeamlogOpKind  kind,
             char               **tags,
             char               **except)
{
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (except == NULL || !g_strv_contains ((const char * const *) except, tags[i]))
      {
        HolbooTeamlogOp *op = new_op (kind, customer);

        op->target = g_strdup (tags[i]);
        g_ptr_array_add (ops, op);
      }
}

static HolbooTeamlogOp *
note_op (const char *customer,
         const char *text)
{
  HolbooTeamlogOp *op = new_op (HOLBOO_TEAMLOG_OP_NOTE_ADD, customer);

  op->target = g_uuid_string_random ();
  op->body = g_strdup (text);
  return op;
}

/**
 * holboo_customer_draft_create_ops:
 * @self: a normalised draft
 * @uuid: (nullable): the new customer's uuid; %NULL for a random one
 *
 * Returns: (transfer full) (element-type HolbooTeamlogOp): the ops that
 *   create the customer: customer.create (its first op, whose
 *   customer is the new uuid), a tag.add a tag, note.add
 */
GPtrArray *
holboo_customer_draft_create_ops (HolbooCustomerDraft *self,
                                  const char          *uuid)
{
  g_autoptr(GPtrArray) ops = new_ops ();
  g_autofree char *customer = uuid != NULL ? g_strdup (uuid) : g_uuid_string_random ();
  HolbooTeamlogOp *create = new_op (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, customer);

  g_return_val_if_fail (self->name != NULL, NULL);

  holboo_teamlog_op_add_field (create, HOLBOO_CUSTOMER_FIELD_NAME, self->name);
  if (self->company != NULL)
    holboo_teamlog_op_add_field (create, HOLBOO_CUSTOMER_FIELD_COMPANY, self->company);
  if (self->title != NULL)
    holboo_teamlog_op_add_field (create, HOLBOO_CUSTOMER_FIELD_TITLE, self->title);
  if (self->phones != NULL)
    holboo_teamlog_op_add_field (create, HOLBOO_CUSTOMER_FIELD_PHONES, self->phones);
  if (self->emails != NULL)
    holboo_teamlog_op_add_field (create, HOLBOO_CUSTOMER_FIELD_EMAILS, self->emails);
  if (self->xmpp != NULL)
    holboo_teamlog_op_add_field (create, HOLBOO_CUSTOMER_FIELD_XMPP, self->xmpp);
  g_ptr_array_add (ops, create);
  add_tag_ops (ops, customer, HOLBOO_TEAMLOG_OP_TAG_ADD, self->tags, NULL);
  if (self->note != NULL)
    g_ptr_array_add (ops, note_op (customer, self->note));
  return g_steal_pointer (&ops);
}

static void
add_changed (HolbooTeamlogOp *op,
             const char      *name,
             const char      *now,
             const char      *before)
{
  if (g_strcmp0 (now, before) != 0)
    holboo_teamlog_op_add_field (op, name, now != NULL ? now : "");
}

/**
 * holboo_customer_draft_update_ops:
 * @self: a normalised draft: the customer as edited
 * @current: the customer as stored
 *
 * Only what changed is written, field by field, so that two members
 * editing different fields of a customer at once both keep their edit.
 *
 * Returns: (transfer full) (element-type HolbooTeamlogOp): the ops
 *   (none if nothing changed): customer.update, tag.add and
 *   tag.remove, note.add
 */
GPtrArray *
holboo_customer_draft_update_ops (HolbooCustomerDraft  *self,
                                  HolbooStoredCustomer *current)
{
  g_autoptr(GPtrArray) ops = new_ops ();
  HolbooTeamlogOp *update = new_op (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, current->uuid);

  add_changed (update, HOLBOO_CUSTOMER_FIELD_NAME, self->name, current->name);
  add_changed (update, HOLBOO_CUSTOMER_FIELD_COMPANY, self->company, current->company);
  add_changed (update, HOLBOO_CUSTOMER_FIELD_PHONES, self->phones, current->phones);
  add_changed (update, HOLBOO_CUSTOMER_FIELD_EMAILS, self->emails, current->emails);
  add_changed (update, HOLBOO_CUSTOMER_FIELD_XMPP, self->xmpp, current->xmpp);
  if (update->fields != NULL)
    g_ptr_array_add (ops, update);
  else
    holboo_teamlog_op_free (update);
  if (self->tags != NULL)
    {
      add_tag_ops (ops, current->uuid, HOLBOO_TEAMLOG_OP_TAG_ADD, self->tags, current->tags);
      add_tag_ops (ops, current->uuid, HOLBOO_TEAMLOG_OP_TAG_REMOVE, current->tags, self->tags);
    }
  if (self->note != NULL)
    g_ptr_array_add (ops, note_op (current->uuid, self->note));
  return g_steal_pointer (&ops);
}

/**
 * holboo_customer_note_op:
 * @customer: the customer's uuid
 * @text: the note as typed
 *
 * Returns: (transfer full) (nullable): a note.add op, or %NULL with
 *   %HOLBOO_CUSTOMER_ERROR when @text is empty or too long
 */
HolbooTeamlogOp *
holboo_customer_note_op (const char  *customer,
                         const char  *text,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  g_return_val_if_fail (customer != NULL && text != NULL, NULL);

  if (*trimmed == '\0')
    {
      g_set_error_literal (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID,
                           _("The note is empty"));
      return NULL;
    }
  if (!check_text (_("note"), trimmed, HOLBOO_TEAMLOG_MAX_TEXT_LENGTH, TRUE, error))
    return NULL;
  return note_op (customer, trimmed);
}

/* A card's text once more made one bounded line: the card sanitised it
 * when it was read, but a card can also be built in code. */
static char *
card_text (const char *text)
{
  return text != NULL ? holboo_card_sanitize_text (text, -1, HOLBOO_CARD_MAX_FIELD_LENGTH) : NULL;
}

/* The values that are numbers (or addresses), normalised, one a line;
 * one that is not is left out rather than refusing the whole card. */
static char *
card_handles (const char         *field,
              const char * const *values)
{
  g_autoptr(GString) lines = g_string_new (NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_autofree char *text = card_text (values[i]);
      g_autofree char *normal = NULL;
      g_autoptr(GError) error = NULL;

      if (text == NULL)
        continue;
      normal = holboo_teamlog_normalize_handles (field, text, &error);
      if (normal == NULL)
        {
          g_debug ("A card's %s value is left out: %s", field, error->message);
          continue;
        }
      g_strstrip (normal);
      if (*normal == '\0')
        continue;
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, normal);
    }
  return lines->len > 0 ? g_string_free (g_steal_pointer (&lines), FALSE) : NULL;
}

/**
 * holboo_customer_draft_new_from_card:
 * @card: a business card, say one received in a chat
 *
 * The customer a card describes: its name, organisation (ORG), job
 * title, phone numbers (TEL, in E.164), e-mail addresses and XMPP
 * address (IMPP) — the numbers and addresses being what calls and chats
 * are matched by.  No note, no tags.  A value that is not a number or
 * an address is left out; a card without a name is named by its
 * organisation, else by its first address or number.
 *
 * Returns: (transfer full) (nullable): a normalised draft, or %NULL
 *   with %HOLBOO_CUSTOMER_ERROR when the card has nothing to name a
 *   customer by
 */
HolbooCustomerDraft *
holboo_customer_draft_new_from_card (HolbooCard  *card,
                                     GError     **error)
{
  g_autoptr(HolbooCustomerDraft) draft = holboo_customer_draft_new ();
  const char *xmpp[] = { holboo_card_get_xmpp (card), NULL };

  g_return_val_if_fail (HOLBOO_IS_CARD (card), NULL);

  draft->name = card_text (holboo_card_get_name (card));
  draft->company = card_text (holboo_card_get_company (card));
  draft->title = card_text (holboo_card_get_title (card));
  draft->phones = card_handles (HOLBOO_CUSTOMER_FIELD_PHONES, holboo_card_get_phones (card));
  draft->emails = card_handles (HOLBOO_CUSTOMER_FIELD_EMAILS, holboo_card_get_emails (card));
  draft->xmpp = card_handles (HOLBOO_CUSTOMER_FIELD_XMPP, xmpp);

  if (draft->name == NULL)
    {
      const char *fallbacks[] = { draft->company, draft->xmpp, draft->emails, draft->phones };

      for (guint i = 0; i < G_N_ELEMENTS (fallbacks) && draft->name == NULL; i++)
        if (fallbacks[i] != NULL)
          draft->name = g_strndup (fallbacks[i], strcspn (fallbacks[i], "\n"));
    }
  if (!holboo_customer_draft_normalize (draft, error))
    return NULL;
  return g_steal_pointer (&draft);
}
