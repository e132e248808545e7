/* test-teamlog.c: the team log's ops, on the wire and replayed into the
 * customer tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-phone.h"
#include "holboo-store.h"
#include "holboo-teamlog-op.h"
#include "holboo-test-util.h"

#include <sqlite3.h>
#include <string.h>

#define ALICE "alice@example.mn"
#define BAT   "bat@example.mn"

#define CUSTOMER_1 "7b1f0c1e-2d6a-4c7e-9a51-2f3f4a5b6c01"
#define CUSTOMER_2 "7b1f0c1e-2d6a-4c7e-9a51-2f3f4a5b6c02"
#define NOTE_1     "0a0b0c0d-1111-4222-8333-444455556601"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = holboo_test_make_tmp_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  holboo_test_rm_rf (f->dir);
  g_free (f->dir);
}

static HolbooStore *
open_store (Fixture    *f,
            const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  HolbooStore *store = holboo_store_new (path, NULL, &error);

  g_assert_no_error (error);
  return store;
}

/* Phone numbers */

static void
test_phone_normalize (void)
{
  const struct { const char *in; const char *out; } good[] = {
    { "9911 2233", "+97699112233" },
    { "+976 (99) 11-22-33", "+97699112233" },
    { "00976 99112233", "+97699112233" },
    { "7011-2233", "+97670112233" },
    { "+7 495 123-45-67", "+74951234567" },
    { "+86 10 6552 9988", "+861065529988" },
  };
  const char *bad[] = { "", "hello", "123", "+976", "99 11 22 33 44 55 66 77 88 99 00 11", "\xff\xfe" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = holboo_phone_normalize (good[i].in, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (normal, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = holboo_phone_normalize (bad[i], NULL, &error);

      g_assert_null (normal);
      g_assert_error (error, HOLBOO_PHONE_ERROR, HOLBOO_PHONE_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

/* Ops on the wire */

static HolbooTeamlogOp *
op_new (HolbooTeamlogOpKind  kind,
        const char          *customer,
        const char          *target)
{
  HolbooTeamlogOp *op = holboo_teamlog_op_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  op->kind = kind;
  op->type_name = g_strdup (holboo_teamlog_op_kind_to_string (kind));
  op->version = HOLBOO_TEAMLOG_VERSION;
  op->uuid = g_steal_pointer (&uuid);
  op->customer = g_strdup (customer);
  op->target = g_strdup (target);
  return op;
}

/* @op as it comes back from the room: through XML, with the room's
 * order, time and author. */
static HolbooTeamlogOp *
through_room (HolbooTeamlogOp *op,
              guint            position,
              const char      *author)
{
  g_autoptr(HolbooXmlNode) element = holboo_teamlog_op_build (op);
  g_autoptr(GError) error = NULL;
  HolbooTeamlogOp *received = holboo_teamlog_op_parse (element, &error);

  g_assert_no_error (error);
  received->stanza_id = g_strdup_printf ("archive-%06u", position);
  received->author = g_strdup (author);
  received->server_ts = 1795400000000000 + (gint64) position * G_USEC_PER_SEC;
  return received;
}

static void
test_op_round_trip (void)
{
  g_autoptr(HolbooTeamlogOp) op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, CUSTOMER_1, NULL);
  g_autoptr(HolbooTeamlogOp) back = NULL;

  holboo_teamlog_op_add_field (op, "name", "Батын Сарнай");
  holboo_teamlog_op_add_field (op, "phones", "+97699112233\n+97670112233");
  op->body = g_strdup ("Шинэ харилцагч\nтабтай\tмөр");
  op->at = G_GINT64_CONSTANT (1795400000) * G_USEC_PER_SEC;
  back = through_room (op, 1, ALICE);

  g_assert_cmpint (back->kind, ==, HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE);
  g_assert_cmpstr (back->uuid, ==, op->uuid);
  g_assert_cmpstr (back->customer, ==, CUSTOMER_1);
  g_assert_cmpstr (holboo_teamlog_op_get_field (back, "name"), ==, "Батын Сарнай");
  g_assert_cmpstr (holboo_teamlog_op_get_field (back, "phones"), ==, "+97699112233\n+97670112233");
  g_assert_cmpstr (back->body, ==, op->body);
  g_assert_cmpint (back->at, ==, op->at);
  g_assert_nonnull (strstr (back->payload, HOLBOO_XMLNS_TEAMLOG));
}

/* Another client's numbers are stored in the form this one matches by. */
static void
test_op_normalizes_handles (void)
{
  g_autoptr(HolbooXmlNode) element = holboo_xml_node_new ("op", HOLBOO_XMLNS_TEAMLOG);
  g_autoptr(HolbooTeamlogOp) op = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *field;

  holboo_xml_node_set_attribute (element, "v", "1");
  holboo_xml_node_set_attribute (element, "id", "1e2d3c4b-0000-4000-8000-000000000001");
  holboo_xml_node_set_attribute (element, "type", "customer.update");
  holboo_xml_node_set_attribute (element, "customer", CUSTOMER_1);
  field = holboo_xml_node_add_text_child (element, "field", "9911 2233, +976 99112233\n7011-2233");
  holboo_xml_node_set_attribute (field, "name", "phones");
  field = holboo_xml_node_add_text_child (element, "field", "Bat@Example.MN");
  holboo_xml_node_set_attribute (field, "name", "emails");

  op = holboo_teamlog_op_parse (element, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (holboo_teamlog_op_get_field (op, "phones"), ==, "+97699112233\n+97670112233");
  g_assert_cmpstr (holboo_teamlog_op_get_field (op, "emails"), ==, "bat@example.mn");
}

static HolbooXmlNode *
hostile_op (const char *type,
            const char *version)
{
  HolbooXmlNode *element = holboo_xml_node_new ("op", HOLBOO_XMLNS_TEAMLOG);

  holboo_xml_node_set_attribute (element, "v", version);
  holboo_xml_node_set_attribute (element, "id", "1e2d3c4b-0000-4000-8000-000000000002");
  holboo_xml_node_set_attribute (element, "type", type);
  holboo_xml_node_set_attribute (element, "customer", CUSTOMER_1);
  return element;
}

static void
test_op_hostile (void)
{
  g_autofree char *huge = g_strnfill (1024 * 1024, 'x');
  struct {
    const char *what;
    const char *attribute;
    const char *value;
    const char *field;
    const char *field_value;
  } cases[] = {
    { "no id", "id", NULL, NULL, NULL },
    { "id not a uuid", "id", "42", NULL, NULL },
    { "customer not a uuid", "customer", "'; DROP TABLE customers; --", NULL, NULL },
    { "no version", "v", NULL, NULL, NULL },
    { "bad time", "at", "yesterday", NULL, NULL },
    { "field of 1 MiB", NULL, NULL, "name", huge },
    { "control characters", NULL, NULL, "name", "Bat\x1b[31m" },
    { "field without a good name", NULL, NULL, "Name With Spaces", "x" },
    { "not a phone number", NULL, NULL, "phones", "call me maybe" },
    { "not an address", NULL, NULL, "emails", "nobody" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HolbooXmlNode) element = hostile_op ("customer.update", "1");
      g_autoptr(HolbooTeamlogOp) op = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].what);
      if (cases[i].attribute != NULL)
        holboo_xml_node_set_attribute (element, cases[i].attribute, cases[i].value);
      if (cases[i].field != NULL)
        {
          HolbooXmlNode *field = holboo_xml_node_add_text_child (element, "field", cases[i].field_value);

          holboo_xml_node_set_attribute (field, "name", cases[i].field);
        }
      op = holboo_teamlog_op_parse (element, &error);
      g_assert_null (op);
      g_assert_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED);
    }

  /* Too many fields */
  {
    g_autoptr(HolbooXmlNode) element = hostile_op ("customer.update", "1");
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i <= HOLBOO_TEAMLOG_MAX_FIELDS; i++)
      {
        g_autofree char *name = g_strdup_printf ("f%u", i);
        HolbooXmlNode *field = holboo_xml_node_add_text_child (element, "field", "x");

        holboo_xml_node_set_attribute (field, "name", name);
      }
    g_assert_null (holboo_teamlog_op_parse (element, &error));
    g_assert_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED);
  }

  /* A kind this version does not know, and a later version: kept, as
   * unknown, not refused. */
  {
    g_autoptr(HolbooXmlNode) later = hostile_op ("customer.update", "2");
    g_autoptr(HolbooXmlNode) unknown = hostile_op ("meeting.booked", "1");
    g_autoptr(HolbooTeamlogOp) a = NULL;
    g_autoptr(HolbooTeamlogOp) b = NULL;
    g_autoptr(GError) error = NULL;

    a = holboo_teamlog_op_parse (later, &error);
    g_assert_no_error (error);
    g_assert_cmpint (a->kind, ==, HOLBOO_TEAMLOG_OP_UNKNOWN);
    g_assert_cmpuint (a->version, ==, 2);
    b = holboo_teamlog_op_parse (unknown, &error);
    g_assert_no_error (error);
    g_assert_cmpint (b->kind, ==, HOLBOO_TEAMLOG_OP_UNKNOWN);
    g_assert_cmpstr (b->type_name, ==, "meeting.booked");
  }
}

/* Replay */

/* A log of ops as three members wrote them, in server order. */
static GPtrArray *
make_log (void)
{
  GPtrArray *log = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  HolbooTeamlogOp *op;
  guint n = 0;

  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, CUSTOMER_1, NULL);
  holboo_teamlog_op_add_field (op, "name", "Болд");
  holboo_teamlog_op_add_field (op, "phones", "+97699112233");
  g_ptr_array_add (log, through_room (op, ++n, ALICE));
  holboo_teamlog_op_free (op);

  /* Two members change the same field: the later in server order wins. */
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, CUSTOMER_1, NULL);
  holboo_teamlog_op_add_field (op, "company", "Номин ХХК");
  g_ptr_array_add (log, through_room (op, ++n, BAT));
  holboo_teamlog_op_free (op);
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, CUSTOMER_1, NULL);
  holboo_teamlog_op_add_field (op, "company", "Номин Холдинг");
  holboo_teamlog_op_add_field (op, "name", "Болд Бат-Эрдэнэ");
  g_ptr_array_add (log, through_room (op, ++n, ALICE));
  holboo_teamlog_op_free (op);

  op = op_new (HOLBOO_TEAMLOG_OP_NOTE_ADD, CUSTOMER_1, NOTE_1);
  op->body = g_strdup ("Нэхэмжлэлийн талаар асуусан");
  g_ptr_array_add (log, through_room (op, ++n, BAT));
  holboo_teamlog_op_free (op);
  op = op_new (HOLBOO_TEAMLOG_OP_NOTE_EDIT, CUSTOMER_1, NOTE_1);
  op->body = g_strdup ("Нэхэмжлэлийн талаар асуусан; даваа гарагт залгана");
  g_ptr_array_add (log, through_room (op, ++n, BAT));
  holboo_teamlog_op_free (op);

  op = op_new (HOLBOO_TEAMLOG_OP_CALL_LOG, CUSTOMER_1, NULL);
  op->body = g_strdup ("Incoming call, 4 min");
  op->data = g_strdup ("{\"direction\":\"in\",\"duration\":240}");
  op->at = G_GINT64_CONSTANT (1795400100) * G_USEC_PER_SEC;
  g_ptr_array_add (log, through_room (op, ++n, ALICE));
  holboo_teamlog_op_free (op);

  op = op_new (HOLBOO_TEAMLOG_OP_TAG_ADD, CUSTOMER_1, "VIP");
  g_ptr_array_add (log, through_room (op, ++n, ALICE));
  holboo_teamlog_op_free (op);
  op = op_new (HOLBOO_TEAMLOG_OP_OWNER_ASSIGN, CUSTOMER_1, BAT);
  g_ptr_array_add (log, through_room (op, ++n, ALICE));
  holboo_teamlog_op_free (op);

  /* A duplicate written by another member, merged into the first. */
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, CUSTOMER_2, NULL);
  holboo_teamlog_op_add_field (op, "name", "Bold");
  holboo_teamlog_op_add_field (op, "emails", "bold@nomin.mn");
  g_ptr_array_add (log, through_room (op, ++n, BAT));
  holboo_teamlog_op_free (op);
  op = op_new (HOLBOO_TEAMLOG_OP_TAG_ADD, CUSTOMER_2, "wholesale");
  g_ptr_array_add (log, through_room (op, ++n, BAT));
  holboo_teamlog_op_free (op);
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_MERGE, CUSTOMER_1, CUSTOMER_2);
  g_ptr_array_add (log, through_room (op, ++n, ALICE));
  holboo_teamlog_op_free (op);
  /* After the merge, ops about the merged-away customer reach the one
   * it went into. */
  op = op_new (HOLBOO_TEAMLOG_OP_TAG_REMOVE, CUSTOMER_2, "VIP");
  g_ptr_array_add (log, through_room (op, ++n, BAT));
  holboo_teamlog_op_free (op);

  /* An op of a later version: kept, skipped. */
  {
    g_autoptr(HolbooXmlNode) element = hostile_op ("customer.update", "2");
    g_autoptr(GError) error = NULL;

    op = holboo_teamlog_op_parse (element, &error);
    g_assert_no_error (error);
    op->stanza_id = g_strdup_printf ("archive-%06u", ++n);
    op->author = g_strdup (BAT);
    op->server_ts = 1795400000000000 + (gint64) n * G_USEC_PER_SEC;
    g_ptr_array_add (log, op);
  }

  return log;
}

static void
apply (HolbooStore          *store,
       GPtrArray            *ops,
       HolbooTeamlogApplied *applied)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (holboo_store_apply_teamlog_ops (store, ops, applied, &error));
  g_assert_no_error (error);
}

static char *
dump (HolbooStore *store)
{
  g_autoptr(GError) error = NULL;
  char *text = holboo_store_dump_customers (store, &error);

  g_assert_no_error (error);
  return text;
}

static void
test_replay (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) log = make_log ();
  g_autoptr(HolbooStore) all_at_once = open_store (f, "a.db");
  g_autoptr(HolbooStore) one_by_one = open_store (f, "b.db");
  g_autoptr(HolbooStore) twice = open_store (f, "c.db");
  g_autoptr(GHashTable) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *position = NULL;
  HolbooTeamlogApplied applied = { 0 };
  gint64 count = 0;

  apply (all_at_once, log, &applied);
  g_assert_cmpuint (applied.n_applied, ==, log->len - 1);
  g_assert_cmpuint (applied.n_skipped, ==, 1);
  g_assert_cmpuint (applied.n_duplicate, ==, 0);

  for (guint i = 0; i < log->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, log->pdata[i]);
      apply (one_by_one, one, NULL);
    }

  /* Pages fetched twice, and our own ops echoed: nothing applied twice. */
  {
    g_autoptr(GPtrArray) head = g_ptr_array_new ();

    for (guint i = 0; i < 5; i++)
      g_ptr_array_add (head, log->pdata[i]);
    apply (twice, head, NULL);
    apply (twice, log, &applied);
    g_assert_cmpuint (applied.n_duplicate, ==, 5);
    apply (twice, log, &applied);
    g_assert_cmpuint (applied.n_duplicate, ==, log->len);
    g_assert_cmpuint (applied.n_applied, ==, 0);
  }

  first = dump (all_at_once);
  {
    g_autofree char *second = dump (one_by_one);
    g_autofree char *third = dump (twice);

    g_assert_cmpstr (first, ==, second);
    g_assert_cmpstr (first, ==, third);
  }
  g_test_message ("%s", first);

  /* Per-field last writer wins, in server order. */
  fields = holboo_store_get_customer_fields (all_at_once, CUSTOMER_1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (fields, "name"), ==, "Болд Бат-Эрдэнэ");
  g_assert_cmpstr (g_hash_table_lookup (fields, "company"), ==, "Номин Холдинг");
  g_assert_cmpstr (g_hash_table_lookup (fields, "owner"), ==, BAT);
  /* the merge brought the other's e-mail */
  g_assert_cmpstr (g_hash_table_lookup (fields, "emails"), ==, "bold@nomin.mn");

  /* The note was edited, the call logged, tags moved by the merge. */
  g_assert_nonnull (strstr (first, "даваа гарагт залгана"));
  g_assert_nonnull (strstr (first, "\tcall\t"));
  g_assert_nonnull (strstr (first, "  tag wholesale\n"));
  g_assert_null (strstr (first, "  tag VIP\n"));
  g_assert_nonnull (strstr (first, "merged_into=" CUSTOMER_1));

  /* Matching by a number and by an address of the merged-away one. */
  {
    g_autofree char *by_phone = holboo_store_find_customer (all_at_once, HOLBOO_CUSTOMER_HANDLE_PHONE,
                                                            "+97699112233", &error);
    g_autofree char *by_email = holboo_store_find_customer (all_at_once, HOLBOO_CUSTOMER_HANDLE_EMAIL,
                                                            "bold@nomin.mn", &error);
    g_autofree char *nobody = holboo_store_find_customer (all_at_once, HOLBOO_CUSTOMER_HANDLE_PHONE,
                                                          "+97611111111", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (by_phone, ==, CUSTOMER_1);
    g_assert_cmpstr (by_email, ==, CUSTOMER_1);
    g_assert_null (nobody);
  }

  position = holboo_store_dup_teamlog_position (all_at_once, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (position, ==, ((HolbooTeamlogOp *) log->pdata[log->len - 1])->stanza_id);
  g_assert_true (holboo_store_count_teamlog_ops (all_at_once, &count, &error));
  g_assert_cmpint (count, ==, log->len);
}

/* Ops about a deleted customer, or one nobody created, change nothing. */
static void
test_replay_deleted (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HolbooStore) store = open_store (f, "d.db");
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(HolbooTeamlogOp) create = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, CUSTOMER_1, NULL);
  g_autoptr(HolbooTeamlogOp) remove = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_DELETE, CUSTOMER_1, NULL);
  g_autoptr(HolbooTeamlogOp) late = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, CUSTOMER_1, NULL);
  g_autoptr(HolbooTeamlogOp) stray = op_new (HOLBOO_TEAMLOG_OP_NOTE_ADD, CUSTOMER_2, NOTE_1);
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  HolbooTeamlogApplied applied = { 0 };

  holboo_teamlog_op_add_field (create, "phones", "+97699112233");
  holboo_teamlog_op_add_field (late, "name", "too late");
  stray->body = g_strdup ("about nobody");
  g_ptr_array_add (ops, through_room (create, 1, ALICE));
  g_ptr_array_add (ops, through_room (remove, 2, ALICE));
  g_ptr_array_add (ops, through_room (late, 3, BAT));
  g_ptr_array_add (ops, through_room (stray, 4, BAT));
  apply (store, ops, &applied);
  g_assert_cmpuint (applied.n_applied, ==, 2);
  g_assert_cmpuint (applied.n_skipped, ==, 2);

  found = holboo_store_find_customer (store, HOLBOO_CUSTOMER_HANDLE_PHONE, "+97699112233", &error);
  g_assert_no_error (error);
  g_assert_null (found);
  {
    g_autofree char *text = dump (store);

    g_assert_null (strstr (text, "too late"));
    g_assert_null (strstr (text, "about nobody"));
    g_assert_nonnull (strstr (text, "deleted=1"));
  }
}

/* The outbox: ops typed here show at once, stay on top of what the log
 * brings before their echo, and end where the log puts them. */
static void
submit (HolbooStore     *store,
        HolbooTeamlogOp *op)
{
  g_autoptr(GError) error = NULL;

  op->author = g_strdup (ALICE);
  op->server_ts = 1795400000000000;
  g_assert_true (holboo_store_submit_teamlog_op (store, op, &error));
  g_assert_no_error (error);
  /* Twice changes nothing. */
  g_assert_true (holboo_store_submit_teamlog_op (store, op, &error));
  g_assert_no_error (error);
}

static const char *
field (HolbooStore *store,
       const char  *customer,
       const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) fields = holboo_store_get_customer_fields (store, customer, &error);
  static char *value;

  g_assert_no_error (error);
  g_free (value);
  value = g_strdup (g_hash_table_lookup (fields, name));
  return value;
}

static void
test_outbox (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(HolbooStore) ours = open_store (f, "ours.db");
  g_autoptr(HolbooStore) theirs = open_store (f, "theirs.db");
  g_autoptr(GPtrArray) log = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(GPtrArray) typed = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours_dump = NULL;
  g_autofree char *theirs_dump = NULL;
  HolbooTeamlogOp *op;
  guint n = 0;

  /* Bat created the customer; we have it. */
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, CUSTOMER_1, NULL);
  holboo_teamlog_op_add_field (op, "name", "Болд");
  g_ptr_array_add (log, through_room (op, ++n, BAT));
  holboo_teamlog_op_free (op);
  apply (ours, log, NULL);

  /* Typed here, offline: a new name, a note, a new customer, a tag, a
   * delete (which waits for the log). */
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, CUSTOMER_1, NULL);
  holboo_teamlog_op_add_field (op, "name", "Болд (ours)");
  g_ptr_array_add (typed, op);
  op = op_new (HOLBOO_TEAMLOG_OP_NOTE_ADD, CUSTOMER_1, NOTE_1);
  op->body = g_strdup ("Typed offline");
  op->at = G_GINT64_CONSTANT (1795400050) * G_USEC_PER_SEC;
  g_ptr_array_add (typed, op);
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, CUSTOMER_2, NULL);
  holboo_teamlog_op_add_field (op, "name", "Сарнай");
  holboo_teamlog_op_add_field (op, "phones", "+97688001122");
  g_ptr_array_add (typed, op);
  op = op_new (HOLBOO_TEAMLOG_OP_TAG_ADD, CUSTOMER_1, "VIP");
  g_ptr_array_add (typed, op);
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_DELETE, CUSTOMER_2, NULL);
  g_ptr_array_add (typed, op);
  for (guint i = 0; i < typed->len; i++)
    submit (ours, typed->pdata[i]);

  g_assert_cmpint (holboo_store_count_teamlog_outbox (ours, &error), ==, 5);
  g_assert_cmpstr (field (ours, CUSTOMER_1, "name"), ==, "Болд (ours)");
  g_assert_cmpstr (field (ours, CUSTOMER_2, "name"), ==, "Сарнай");
  waiting = holboo_store_list_teamlog_outbox (ours, CUSTOMER_1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waiting->len, ==, 3);
  g_assert_cmpstr (((HolbooTeamlogOp *) waiting->pdata[0])->uuid, ==, ((HolbooTeamlogOp *) typed->pdata[0])->uuid);
  g_assert_cmpstr (holboo_teamlog_op_get_field (waiting->pdata[0], "name"), ==, "Болд (ours)");

  /* Bat renames it too, before our ops reach the log: ours stays on top,
   * as it will come after Bat's in server order. */
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, CUSTOMER_1, NULL);
  holboo_teamlog_op_add_field (op, "name", "Болд (Bat's)");
  holboo_teamlog_op_add_field (op, "company", "Номин");
  g_ptr_array_add (log, through_room (op, ++n, BAT));
  holboo_teamlog_op_free (op);
  {
    g_autoptr(GPtrArray) one = g_ptr_array_new ();

    g_ptr_array_add (one, log->pdata[log->len - 1]);
    apply (ours, one, NULL);
  }
  g_assert_cmpstr (field (ours, CUSTOMER_1, "name"), ==, "Болд (ours)");
  g_assert_cmpstr (field (ours, CUSTOMER_1, "company"), ==, "Номин");

  /* Our ops reach the log and come back, one page with the rest. */
  {
    g_autoptr(GPtrArray) echoes = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);

    for (guint i = 0; i < typed->len; i++)
      {
        g_ptr_array_add (echoes, through_room (typed->pdata[i], ++n, ALICE));
        g_ptr_array_add (log, through_room (typed->pdata[i], n, ALICE));
      }
    apply (ours, echoes, NULL);
  }
  g_assert_cmpint (holboo_store_count_teamlog_outbox (ours, &error), ==, 0);

  /* Everyone who applied the log has what we have. */
  apply (theirs, log, NULL);
  ours_dump = dump (ours);
  theirs_dump = dump (theirs);
  g_assert_cmpstr (ours_dump, ==, theirs_dump);
  g_assert_nonnull (strstr (ours_dump, "Болд (ours)"));
  g_assert_nonnull (strstr (ours_dump, "Typed offline"));
  /* Created by us, at the log's time; then deleted. */
  g_assert_nonnull (strstr (ours_dump, "customer " CUSTOMER_2 "\t" ALICE "\t1795400005000000\tdeleted=1"));
}

static gint64
fts_rows (HolbooStore *store,
          const char  *match)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (holboo_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM customers_fts WHERE customers_fts MATCH ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A catch-up's pages leave the customers' search rows for its end;
 * the next batch without the flag (or the end) writes them. */
static void
test_deferred_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HolbooStore) store = open_store (f, "s.db");
  g_autoptr(GPtrArray) log = make_log ();
  g_autoptr(GError) error = NULL;

  g_assert_true (holboo_store_apply_teamlog_batch (store, log, HOLBOO_TEAMLOG_APPLY_DEFER_SEARCH, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fts_rows (store, "Холдинг"), ==, 0);
  g_assert_true (holboo_store_update_teamlog_search (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fts_rows (store, "Холдинг"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/teamlog/phone/normalize", test_phone_normalize);
  g_test_add_func ("/teamlog/op/round-trip", test_op_round_trip);
  g_test_add_func ("/teamlog/op/normalizes-handles", test_op_normalizes_handles);
  g_test_add_func ("/teamlog/op/hostile", test_op_hostile);
  g_test_add ("/teamlog/replay/same-everywhere", Fixture, NULL,
              fixture_set_up, test_replay, fixture_tear_down);
  g_test_add ("/teamlog/replay/deleted", Fixture, NULL,
              fixture_set_up, test_replay_deleted, fixture_tear_down);
  g_test_add ("/teamlog/outbox/on-top-until-echoed", Fixture, NULL,
              fixture_set_up, test_outbox, fixture_tear_down);
  g_test_add ("/teamlog/replay/deferred-search", Fixture, NULL,
              fixture_set_up, test_deferred_search, fixture_tear_down);

  return g_test_run ();
}
