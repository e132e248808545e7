/* test-customers.c: customers as the user sees them — drafts and their
 * ops, CSV import and export, the list's search and a timeline's pages
 * — on real SQLite files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-customer-csv.h"
#include "holboo-store.h"
#include "holboo-teamlog-op.h"
#include "holboo-test-util.h"

#include <string.h>

#define ALICE "alice@example.mn"
#define BAT   "bat@example.mn"

typedef struct {
  char        *dir;
  HolbooStore *store;
  guint        seq;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = holboo_test_make_tmp_dir ();
  path = g_build_filename (f->dir, "store.db", NULL);
  f->store = holboo_store_new (path, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  holboo_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* Applies @ops as the log room would give them back: through their XML,
 * in order, written by @author. */
static void
apply_ops (Fixture    *f,
           GPtrArray  *ops,
           const char *author)
{
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ops->len; i++)
    {
      g_autoptr(HolbooXmlNode) element = holboo_teamlog_op_build (ops->pdata[i]);
      HolbooTeamlogOp *op = holboo_teamlog_op_parse (element, &error);

      g_assert_no_error (error);
      f->seq++;
      op->stanza_id = g_strdup_printf ("S%u", f->seq);
      op->author = g_strdup (author);
      op->server_ts = G_GINT64_CONSTANT (1795400000000000) + f->seq * G_USEC_PER_SEC;
      g_ptr_array_add (parsed, op);
    }
  g_assert_true (holboo_store_apply_teamlog_ops (f->store, parsed, NULL, &error));
  g_assert_no_error (error);
}

static char *
add_customer (Fixture    *f,
              const char *name,
              const char *company,
              const char *phones,
              const char *tags,
              const char *note)
{
  g_autoptr(HolbooCustomerDraft) draft = holboo_customer_draft_new ();
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  HolbooTeamlogOp *create;

  draft->name = g_strdup (name);
  draft->company = g_strdup (company);
  draft->phones = g_strdup (phones);
  draft->tags = holboo_customer_split_tags (tags);
  draft->note = g_strdup (note);
  g_assert_true (holboo_customer_draft_normalize (draft, &error));
  g_assert_no_error (error);
  ops = holboo_customer_draft_create_ops (draft, NULL);
  create = ops->pdata[0];
  apply_ops (f, ops, ALICE);
  return g_strdup (create->customer);
}

static GPtrArray *
search (Fixture    *f,
        const char *text,
        const char *tag)
{
  g_autofree char *digits = holboo_customer_phone_digits (text);
  HolbooCustomerQuery query = { .text = text, .phone_digits = digits, .tag = tag, .limit = 50 };
  g_autoptr(GError) error = NULL;
  GPtrArray *found = holboo_store_search_customers (f->store, &query, &error);

  g_assert_no_error (error);
  return found;
}

static char *
names (GPtrArray *customers)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < customers->len; i++)
    {
      HolbooStoredCustomer *customer = customers->pdata[i];

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", customer->name);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_search(f, text, tag, expected) G_STMT_START { \
    g_autoptr(GPtrArray) found_ = search ((f), (text), (tag)); \
    g_autofree char *names_ = names (found_); \
    g_assert_cmpstr (names_, ==, (expected)); \
  } G_STMT_END

static void
test_phone_digits (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "9911 2233", "97699112233" }, { "9911", "9769911" }, { "+7 495", "7495" },
    { "00976 99", "97699" }, { "(99) 11-22", "976991122" }, { "99", NULL }, { "Бат 99", NULL },
    { "", NULL }, { "+", NULL }, { "1234567890123456", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *digits = holboo_customer_phone_digits (cases[i].in);

      g_assert_cmpstr (digits, ==, cases[i].out);
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *bat = add_customer (f, "Батболд Дорж", "Номин ХХК", "9911 2233, 8811-2233", "vip, лизинг",
                                       "Гэрээний төслийг Даваа гарагт илгээнэ");
  g_autofree char *saraa = add_customer (f, "Сарангэрэл", "Unitel", "+976 9922 3344", "хүргэлт", NULL);
  g_autofree char *john = add_customer (f, "John Smith", "MCS Group", "+1 202 555 0143", NULL, "Asked about invoice");
  g_autoptr(GPtrArray) all = search (f, NULL, NULL);
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  HolbooStoredCustomer *first;
  HolbooTeamlogOp *op;

  /* The whole list, by name (byte order: Latin before Cyrillic). */
  g_assert_cmpuint (all->len, ==, 3);
  first = all->pdata[0];
  g_assert_cmpstr (first->name, ==, "John Smith");
  g_assert_cmpstr (first->phones, ==, "+12025550143");

  assert_search (f, "бат", NULL, "Батболд Дорж");          /* a name's beginning, any case */
  assert_search (f, "Дорж Бат", NULL, "Батболд Дорж");     /* words in any order */
  assert_search (f, "номин", NULL, "Батболд Дорж");        /* company */
  assert_search (f, "9911", NULL, "Батболд Дорж");         /* a local number's beginning */
  assert_search (f, "8811 2233", NULL, "Батболд Дорж");    /* the second number, as typed */
  assert_search (f, "+1 202", NULL, "John Smith");
  assert_search (f, "лизинг", NULL, "Батболд Дорж");       /* a tag */
  assert_search (f, "invoice", NULL, "John Smith");         /* a note */
  assert_search (f, "гэрээний", NULL, "Батболд Дорж");
  assert_search (f, NULL, "хүргэлт", "Сарангэрэл");        /* filtered by tag */
  assert_search (f, "бат", "хүргэлт", "");
  assert_search (f, "\"AND (NEAR *", NULL, "");             /* hostile text is text */
  assert_search (f, "zzz", NULL, "");

  /* Paging by name: the page after the first customer. */
  {
    g_autofree char *key = holboo_stored_customer_sort_key (first);
    HolbooCustomerCursor after = { key, first->id };
    HolbooCustomerQuery query = { .after = &after, .limit = 1 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) page = holboo_store_search_customers (f->store, &query, &error);
    g_autofree char *got = NULL;

    g_assert_no_error (error);
    got = names (page);
    g_assert_cmpstr (got, ==, "Батболд Дорж");
  }

  /* A search's pages: newest first, each customer once. */
  {
    g_autoptr(GString) seen = g_string_new (NULL);
    HolbooCustomerCursor after = { NULL, 0 };
    gboolean more = TRUE;

    for (guint i = 0; i < 5; i++)
      {
        g_autofree char *name = g_strdup_printf ("Тест %u", i);

        g_free (add_customer (f, name, NULL, NULL, NULL, NULL));
      }
    while (more)
      {
        HolbooCustomerQuery query = { .text = "тест", .after = seen->len > 0 ? &after : NULL, .limit = 2 };
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) page = holboo_store_search_customers (f->store, &query, &error);

        g_assert_no_error (error);
        for (guint i = 0; i < page->len; i++)
          {
            HolbooStoredCustomer *customer = page->pdata[i];

            g_string_append_printf (seen, "%s|", customer->name);
            after.id = customer->id;
          }
        more = page->len == 2;
      }
    g_assert_cmpstr (seen->str, ==, "Тест 4|Тест 3|Тест 2|Тест 1|Тест 0|");
  }

  /* Renamed: found by the new name only; deleted: not found. */
  op = holboo_teamlog_op_new ();
  op->kind = HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE;
  op->uuid = g_uuid_string_random ();
  op->customer = g_strdup (saraa);
  holboo_teamlog_op_add_field (op, "name", "Сараа Гантулга");
  g_ptr_array_add (ops, op);
  op = holboo_teamlog_op_new ();
  op->kind = HOLBOO_TEAMLOG_OP_CUSTOMER_DELETE;
  op->uuid = g_uuid_string_random ();
  op->customer = g_strdup (john);
  g_ptr_array_add (ops, op);
  apply_ops (f, ops, BAT);
  assert_search (f, "Сарангэрэл", NULL, "");
  assert_search (f, "гантулга", NULL, "Сараа Гантулга");
  assert_search (f, "invoice", NULL, "");
  assert_search (f, NULL, NULL, "Батболд Дорж|Сараа Гантулга|Тест 0|Тест 1|Тест 2|Тест 3|Тест 4");
}

static void
test_timeline (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *uuid = add_customer (f, "Оюунчимэг", NULL, "99001122", NULL, "Анхны тэмдэглэл");
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(GPtrArray) page1 = NULL, page2 = NULL;
  g_autoptr(HolbooCustomerEvent) latest = NULL;
  g_autoptr(HolbooStoredCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  HolbooCustomerEvent *last;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *text = g_strdup_printf ("Тэмдэглэл %u", i);

      g_ptr_array_add (ops, holboo_customer_note_op (uuid, text, &error));
      g_assert_no_error (error);
    }
  apply_ops (f, ops, BAT);

  page1 = holboo_store_load_customer_events (f->store, uuid, NULL, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page1->len, ==, 50);
  g_assert_cmpstr (((HolbooCustomerEvent *) page1->pdata[0])->body, ==, "Тэмдэглэл 119");
  g_assert_cmpint (((HolbooCustomerEvent *) page1->pdata[0])->kind, ==, HOLBOO_CUSTOMER_EVENT_NOTE);
  g_assert_cmpstr (((HolbooCustomerEvent *) page1->pdata[0])->author, ==, BAT);
  last = page1->pdata[49];
  page2 = holboo_store_load_customer_events (f->store, uuid, last, 100, &error);
  g_assert_no_error (error);
  /* 120 - 50 of this batch, and the first note. */
  g_assert_cmpuint (page2->len, ==, 71);
  g_assert_cmpstr (((HolbooCustomerEvent *) page2->pdata[0])->body, ==, "Тэмдэглэл 69");
  g_assert_cmpstr (((HolbooCustomerEvent *) page2->pdata[70])->body, ==, "Анхны тэмдэглэл");

  latest = holboo_store_load_latest_note (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latest->body, ==, "Тэмдэглэл 119");

  customer = holboo_store_load_customer (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (customer->name, ==, "Оюунчимэг");
  g_assert_cmpstr (customer->phones, ==, "+97699001122");
  g_assert_null (holboo_store_load_customer (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_no_error (error);

  g_assert_null (holboo_customer_note_op (uuid, "  \n ", &error));
  g_assert_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID);
}

static void
test_draft_update (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *uuid = add_customer (f, "Төмөр", "Таван Богд", "99112233", "vip", NULL);
  g_autoptr(HolbooStoredCustomer) before = NULL;
  g_autoptr(HolbooStoredCustomer) after = NULL;
  g_autoptr(HolbooCustomerDraft) draft = holboo_customer_draft_new ();
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  HolbooTeamlogOp *update;

  before = holboo_store_load_customer (f->store, uuid, &error);
  g_assert_no_error (error);
  draft->name = g_strdup ("Төмөр");
  draft->company = g_strdup ("  ");
  draft->phones = g_strdup ("+976 9911 2233\n8800 1122");
  draft->tags = holboo_customer_split_tags ("лизинг");
  g_assert_true (holboo_customer_draft_normalize (draft, &error));
  ops = holboo_customer_draft_update_ops (draft, before);

  /* Only what changed: company cleared, a number added; vip → лизинг. */
  g_assert_cmpuint (ops->len, ==, 3);
  update = ops->pdata[0];
  g_assert_cmpint (update->kind, ==, HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE);
  g_assert_cmpuint (update->fields->len, ==, 2);
  g_assert_null (holboo_teamlog_op_get_field (update, "name"));
  g_assert_cmpstr (holboo_teamlog_op_get_field (update, "company"), ==, "");
  g_assert_cmpstr (holboo_teamlog_op_get_field (update, "phones"), ==, "+97699112233\n+97688001122");
  g_assert_cmpint (((HolbooTeamlogOp *) ops->pdata[1])->kind, ==, HOLBOO_TEAMLOG_OP_TAG_ADD);
  g_assert_cmpint (((HolbooTeamlogOp *) ops->pdata[2])->kind, ==, HOLBOO_TEAMLOG_OP_TAG_REMOVE);
  apply_ops (f, ops, BAT);

  after = holboo_store_load_customer (f->store, uuid, &error);
  g_assert_no_error (error);
  g_assert_null (after->company);
  g_assert_cmpstr (after->tags[0], ==, "лизинг");
  g_assert_null (after->tags[1]);

  /* A draft without a name, a number that is not one. */
  {
    g_autoptr(HolbooCustomerDraft) bad = holboo_customer_draft_new ();

    bad->name = g_strdup ("   ");
    g_assert_false (holboo_customer_draft_normalize (bad, &error));
    g_assert_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID);
    g_clear_error (&error);
    g_free (bad->name);
    bad->name = g_strdup ("Бат");
    bad->phones = g_strdup ("99112233, утас");
    g_assert_false (holboo_customer_draft_normalize (bad, &error));
    g_assert_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "утас"));
  }
}

#define GOOD_CSV \
  "\xef\xbb\xbfName,Company,Phones,E-mail,Tags,Note,Favourite colour\r\n" \
  "Батболд Дорж,Номин ХХК,\"9911 2233, 8811 2233\",bat@nomin.mn,\"vip, лизинг\",\"Гэрээ: \"\"А\"\" хувилбар\",ногоон\r\n" \
  "\r\n" \
  "\"Smith, John\",MCS,+1 202 555 0143,,,\"Two lines:\nsecond\",\r\n" \
  "Сарангэрэл,,,,,,\r\n"

static void
test_csv_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = holboo_customer_csv_parse (GOOD_CSV, strlen (GOOD_CSV), &error);
  HolbooCustomerDraft *d;

  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 3);
  d = drafts->pdata[0];
  g_assert_cmpstr (d->name, ==, "Батболд Дорж");
  g_assert_cmpstr (d->company, ==, "Номин ХХК");
  g_assert_cmpstr (d->phones, ==, "+97699112233\n+97688112233");
  g_assert_cmpstr (d->emails, ==, "bat@nomin.mn");
  g_assert_cmpstr (d->tags[0], ==, "vip");
  g_assert_cmpstr (d->tags[1], ==, "лизинг");
  g_assert_cmpstr (d->note, ==, "Гэрээ: \"А\" хувилбар");
  g_assert_cmpuint (d->line, ==, 2);
  d = drafts->pdata[1];
  g_assert_cmpstr (d->name, ==, "Smith, John");
  g_assert_cmpstr (d->note, ==, "Two lines:\nsecond");
  g_assert_cmpuint (d->line, ==, 4);
  d = drafts->pdata[2];
  g_assert_cmpstr (d->name, ==, "Сарангэрэл");
  g_assert_null (d->phones);
  g_assert_cmpuint (d->line, ==, 6);

  /* Semicolons and Mongolian column names, as a spreadsheet in Mongolian
   * writes them. */
  {
    const char *mn = "нэр;утас;шошго\nБат;99112233;vip\n";
    g_autoptr(GPtrArray) more = holboo_customer_csv_parse (mn, strlen (mn), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (more->len, ==, 1);
    g_assert_cmpstr (((HolbooCustomerDraft *) more->pdata[0])->phones, ==, "+97699112233");
  }
}

static void
test_csv_bad (void)
{
  const struct {
    const char          *csv;
    HolbooCustomerError  code;
    const char          *says;
  } cases[] = {
    { "name,note\nБат,\"unclosed\nБолд,ok\n", HOLBOO_CUSTOMER_ERROR_SYNTAX, "Line 2: a quoted value is not closed" },
    { "name,note\nБат,ok\nБолд,say \"hi\"\n", HOLBOO_CUSTOMER_ERROR_SYNTAX, "Line 3: a quote inside a value" },
    { "name,note\nБат,\"hi\" there\n", HOLBOO_CUSTOMER_ERROR_SYNTAX, "Line 2: text follows a closing quote" },
    /* Windows-1251 and Latin-1 bytes: "Бат" in CP1251 on line 3. */
    { "name,note\nBold,ok\n\xc1\xe0\xf2,ok\n", HOLBOO_CUSTOMER_ERROR_ENCODING, "Line 3 is not UTF-8" },
    { "name\nA\nB\n\xff\xfe", HOLBOO_CUSTOMER_ERROR_ENCODING, "Line 4 is not UTF-8" },
    { "name,phones\nБат,99112233\nБолд,утас\n", HOLBOO_CUSTOMER_ERROR_INVALID, "Line 3: “утас” is not a phone number" },
    { "name,phones\nБат,99112233,extra\n", HOLBOO_CUSTOMER_ERROR_SYNTAX, "Line 2 has 3 values, but line 1 names 2" },
    { "company,phones\nНомин,99112233\n", HOLBOO_CUSTOMER_ERROR_SYNTAX, "Line 1 must name the columns" },
    { "name,company\n,Номин\n", HOLBOO_CUSTOMER_ERROR_INVALID, "Line 2: A customer needs a name" },
    { "name,emails\nБат,not an address\n", HOLBOO_CUSTOMER_ERROR_INVALID, "Line 2:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) drafts = holboo_customer_csv_parse (cases[i].csv, strlen (cases[i].csv), &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (drafts);
      g_assert_error (error, HOLBOO_CUSTOMER_ERROR, (gint) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_assert_nonnull (strstr (error->message, "Nothing was imported"));
    }

  /* A NUL byte (UTF-16, a binary file). */
  {
    const char utf16[] = "n\0a\0m\0e\0\n\0";
    g_autoptr(GError) error = NULL;

    g_assert_null (holboo_customer_csv_parse (utf16, sizeof utf16 - 1, &error));
    g_assert_error (error, HOLBOO_CUSTOMER_ERROR, HOLBOO_CUSTOMER_ERROR_ENCODING);
    g_assert_nonnull (strstr (error->message, "Line 1 is not UTF-8"));
  }
}

/* Imported, stored through the team log, exported, imported again: the
 * same customers, Cyrillic and quotes intact. */
static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = holboo_customer_csv_parse (GOOD_CSV, strlen (GOOD_CSV), &error);
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_again = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < drafts->len; i++)
    {
      g_autoptr(GPtrArray) ops = holboo_customer_draft_create_ops (drafts->pdata[i], NULL);

      apply_ops (f, ops, ALICE);
    }

  customers = search (f, NULL, NULL);
  g_assert_cmpuint (customers->len, ==, 3);
  /* An address as it is typed: by its beginning, any case. */
  assert_search (f, "BAT@nomin", NULL, "Батболд Дорж");
  assert_search (f, "bat@nomin.mn", NULL, "Батболд Дорж");
  assert_search (f, "bat@example", NULL, "");
  for (guint i = 0; i < customers->len; i++)
    {
      HolbooStoredCustomer *customer = customers->pdata[i];
      g_autoptr(HolbooCustomerEvent) note = holboo_store_load_latest_note (f->store, customer->uuid, &error);

      g_assert_no_error (error);
      g_ptr_array_add (notes, note != NULL ? g_strdup (note->body) : NULL);
    }
  csv = holboo_customer_csv_write (customers, notes);
  g_assert_nonnull (strstr (csv, "name,company,phones,emails,xmpp,tags,note\n"));
  g_assert_nonnull (strstr (csv, "Батболд Дорж,Номин ХХК,\"+97699112233, +97688112233\",bat@nomin.mn,,\"vip, лизинг\",\"Гэрээ: \"\"А\"\" хувилбар\"\n"));

  again = holboo_customer_csv_parse (csv, strlen (csv), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 3);
  {
    g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_customer_free);

    for (guint i = 0; i < again->len; i++)
      {
        HolbooCustomerDraft *d = again->pdata[i];
        HolbooStoredCustomer *c = g_new0 (HolbooStoredCustomer, 1);

        c->name = g_strdup (d->name);
        c->company = g_strdup (d->company);
        c->phones = g_strdup (d->phones);
        c->emails = g_strdup (d->emails);
        c->xmpp = g_strdup (d->xmpp);
        c->tags = g_strdupv (d->tags);
        g_ptr_array_add (copies, c);
      }
    csv_again = holboo_customer_csv_write (copies, notes);
  }
  g_assert_cmpstr (csv_again, ==, csv);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/customers/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/customers/phone-digits", test_phone_digits);
  ADD ("search", test_search);
  ADD ("timeline", test_timeline);
  ADD ("draft-update", test_draft_update);
  g_test_add_func ("/customers/csv-parse", test_csv_parse);
  g_test_add_func ("/customers/csv-bad", test_csv_bad);
  ADD ("csv-round-trip", test_csv_round_trip);
#undef ADD

  return g_test_run ();
}
