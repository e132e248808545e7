/* test-customer-card.c: a business card as a customer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * holboo_customer_draft_new_from_card(): a Cyrillic vCard gives the
 * customer's name, company, title, numbers in E.164, addresses in lower
 * case, and ops that create it with those fields and no note; a hostile
 * card (control characters, a 100 KB title, no name) gives a clean,
 * bounded customer named by its organisation; a card naming nobody is
 * refused.
 */

#include "config.h"

#include "holboo-customer-draft.h"
#include "holboo-teamlog-op.h"

#include <string.h>

static const char *
op_field (HolbooTeamlogOp *op,
          const char      *name)
{
  for (guint i = 0; op->fields != NULL && i < op->fields->len; i++)
    {
      HolbooTeamlogField *field = op->fields->pdata[i];

      if (g_str_equal (field->name, name))
        return field->value;
    }
  return NULL;
}

static gboolean
has_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
test_cyrillic (void)
{
  const char *vcf =
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Батбаяр Дорж\r\n"
    "ORG:Монгол Шуудан ХХК\r\n"
    "TITLE:Борлуулалтын менежер\r\n"
    "TEL;TYPE=cell:9911 2233\r\n"
    "TEL;TYPE=work:+976 8811-4455\r\n"
    "TEL:утасгүй\r\n"
    "EMAIL:Batbayar@Shuudan.MN\r\n"
    "IMPP:xmpp:Batbayar@Shuudan.MN\r\n"
    "NOTE:Үүнийг хадгалахгүй\r\n"
    "END:VCARD\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooCard) card = holboo_card_new_from_vcf (vcf, -1, &error);
  g_autoptr(HolbooCustomerDraft) draft = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  HolbooTeamlogOp *create;

  g_assert_no_error (error);
  draft = holboo_customer_draft_new_from_card (card, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->name, ==, "Батбаяр Дорж");
  g_assert_cmpstr (draft->company, ==, "Монгол Шуудан ХХК");
  g_assert_cmpstr (draft->title, ==, "Борлуулалтын менежер");
  /* The number that is none is left out, the others in E.164. */
  g_assert_cmpstr (draft->phones, ==, "+97699112233\n+97688114455");
  g_assert_cmpstr (draft->emails, ==, "batbayar@shuudan.mn");
  g_assert_cmpstr (draft->xmpp, ==, "batbayar@shuudan.mn");
  g_assert_null (draft->note);
  g_assert_null (draft->tags);

  ops = holboo_customer_draft_create_ops (draft, uuid);
  g_assert_cmpuint (ops->len, ==, 1);
  create = ops->pdata[0];
  g_assert_cmpint (create->kind, ==, HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE);
  g_assert_cmpstr (create->customer, ==, uuid);
  g_assert_cmpstr (op_field (create, HOLBOO_CUSTOMER_FIELD_NAME), ==, "Батбаяр Дорж");
  g_assert_cmpstr (op_field (create, HOLBOO_CUSTOMER_FIELD_COMPANY), ==, "Монгол Шуудан ХХК");
  g_assert_cmpstr (op_field (create, HOLBOO_CUSTOMER_FIELD_TITLE), ==, "Борлуулалтын менежер");
  g_assert_cmpstr (op_field (create, HOLBOO_CUSTOMER_FIELD_PHONES), ==, "+97699112233\n+97688114455");
  g_assert_cmpstr (op_field (create, HOLBOO_CUSTOMER_FIELD_EMAILS), ==, "batbayar@shuudan.mn");
  g_assert_cmpstr (op_field (create, HOLBOO_CUSTOMER_FIELD_XMPP), ==, "batbayar@shuudan.mn");

  /* Every member's client accepts what was made. */
  {
    g_autoptr(HolbooXmlNode) element = NULL;
    g_autoptr(HolbooTeamlogOp) parsed = NULL;

    create->author = g_strdup ("tuya@localhost");
    element = holboo_teamlog_op_build (create);
    parsed = holboo_teamlog_op_parse (element, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (op_field (parsed, HOLBOO_CUSTOMER_FIELD_TITLE), ==, "Борлуулалтын менежер");
  }
}

static void
test_hostile (void)
{
  g_autoptr(GString) vcf = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\n"
                                         "ORG:\x01\x1b[31mХулгай\x07 ХХК\u202e\r\n"
                                         "TEL:+976\x0b 9911 2233\r\n"
                                         "EMAIL:a\x02@b\r\n"
                                         "TITLE:");
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(HolbooCard) built = holboo_card_new ();
  g_autoptr(HolbooCustomerDraft) draft = NULL;
  g_autoptr(GPtrArray) ops = NULL;

  for (guint i = 0; i < 100 * 1024 / 2; i++)
    g_string_append (vcf, i % 1000 == 0 ? "\x07" : "Ж");
  g_string_append (vcf, "\r\nEND:VCARD\r\n");

  card = holboo_card_new_from_vcf (vcf->str, vcf->len, &error);
  g_assert_no_error (error);
  draft = holboo_customer_draft_new_from_card (card, &error);
  g_assert_no_error (error);

  /* No name: the organisation names the customer; nothing holds a
   * control character, nothing is unbounded. */
  g_assert_nonnull (draft->name);
  g_assert_cmpstr (draft->name, ==, draft->company);
  g_assert_nonnull (strstr (draft->company, "Хулгай"));
  g_assert_nonnull (draft->title);
  g_assert_cmpuint (strlen (draft->title), <=, HOLBOO_CARD_MAX_FIELD_LENGTH);
  g_assert_true (g_str_has_prefix (draft->title, "ЖЖЖ"));
  {
    const char *texts[] = { draft->name, draft->company, draft->title, draft->phones, draft->emails };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      if (texts[i] != NULL)
        {
          g_assert_true (g_utf8_validate (texts[i], -1, NULL));
          g_assert_false (has_control (texts[i]));
          g_assert_null (strstr (texts[i], "\u202e"));
        }
  }
  ops = holboo_customer_draft_create_ops (draft, NULL);
  g_assert_cmpuint (ops->len, ==, 1);

  /* A card built in code, not through a .vcf: cleaned the same way. */
  holboo_card_set_xmpp (built, "Khen@Negen.MN");
  holboo_card_set_phones (built, (const char *[]) { "буруу", NULL });
  g_clear_pointer (&draft, holboo_customer_draft_free);
  draft = holboo_customer_draft_new_from_card (built, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->name, ==, "khen@negen.mn");
  g_assert_cmpstr (draft->xmpp, ==, "khen@negen.mn");
  g_assert_null (draft->phones);
}

static void
test_nobody (void)
{
  g_autoptr(HolbooCard) card = holboo_card_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooCustomerDraft) draft = NULL;

  /* Nothing to name a customer by: no name, no company, only a number
   * that is none. */
  holboo_card_set_phones (card, (const char *[]) { "дугааргүй", NULL });
  draft = holboo_customer_draft_new_from_card (card, &error);
  g_assert_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID);
  g_assert_null (draft);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customer-card/cyrillic", test_cyrillic);
  g_test_add_func ("/customer-card/hostile", test_hostile);
  g_test_add_func ("/customer-card/nobody", test_nobody);

  return g_test_run ();
}
