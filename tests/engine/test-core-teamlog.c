/* test-core-teamlog.c: the team log (customers) over a real Prosody or
 * ejabberd: three members edit the same customers, one of them offline
 * and restarted meanwhile, and end with identical databases; a member
 * who joins later replays the whole log; a chat and a call with a
 * customer reach every member's timeline; bad entries (malformed, from
 * a non-member, a forged sender, a field of 1 MiB) change nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with "prosody" (default) or "ejabberd" as argument; meson registers
 * both.  One server for the program; each case has accounts of its own.
 */

#include "config.h"

#include "core-live-util.h"
#include "holboo-account-rooms.h"
#include "holboo-account-teamlog-private.h"
#include "holboo-xmpp-muc.h"

#include <sqlite3.h>
#include <string.h>

#define WAIT_MS 120000

static const char * const accounts[] = {
  "amy", "bob", "cat", "dan", "kim",
  "amy2", "bob2", "eve2",
  NULL
};

static char *
room_address (const char *name)
{
  return g_strdup_printf ("%s@%s", name, holboo_test_server_get_muc_service (live.server));
}

static char *
address (const char *user)
{
  return g_strdup_printf ("%s@localhost", user);
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
create_team (LiveAccount        *live,
             const char         *room,
             const char * const *members)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_create_team_async (live->account, room, "Борлуулалт", members, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, WAIT_MS));
  g_assert_true (holboo_account_create_team_finish (live->account, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_cmpstr (holboo_account_get_team_room (live->account), ==, room);
}

static void
join_team (LiveAccount *live,
           const char  *room)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_join_team_async (live->account, room, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, WAIT_MS));
  g_assert_true (holboo_account_join_team_finish (live->account, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

/* Joined, caught up, outbox sent and echoed. */
static void
sync_team (LiveAccount *live)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  holboo_account_sync_teamlog_async (live->account, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, WAIT_MS));
  g_assert_true (holboo_account_sync_teamlog_finish (live->account, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
}

static char *
submit_full (LiveAccount      *live,
             HolbooTeamlogOp  *op,
             GError          **error)
{
  GAsyncResult *result = NULL;
  char *uuid;

  holboo_account_submit_teamlog_op (live->account, op, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, WAIT_MS));
  uuid = holboo_account_submit_teamlog_op_finish (live->account, result, error);
  g_object_unref (result);
  return uuid;
}

/* Submits and frees @op; returns its uuid. */
static char *
submit (LiveAccount     *live,
        HolbooTeamlogOp *op)
{
  g_autoptr(GError) error = NULL;
  char *uuid = submit_full (live, op, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  holboo_teamlog_op_free (op);
  return uuid;
}

static HolbooTeamlogOp *
op_new (HolbooTeamlogOpKind  kind,
        const char          *customer,
        const char          *target)
{
  HolbooTeamlogOp *op = holboo_teamlog_op_new ();

  op->kind = kind;
  op->customer = g_strdup (customer);
  op->target = g_strdup (target);
  return op;
}

static char *
update (LiveAccount *live,
        const char  *customer,
        const char  *name,
        const char  *value)
{
  HolbooTeamlogOp *op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, customer, NULL);

  holboo_teamlog_op_add_field (op, name, value);
  return submit (live, op);
}

static char *
add_note (LiveAccount *live,
          const char  *customer,
          const char  *text)
{
  g_autofree char *note = g_uuid_string_random ();
  HolbooTeamlogOp *op = op_new (HOLBOO_TEAMLOG_OP_NOTE_ADD, customer, note);

  op->body = g_strdup (text);
  return submit (live, op);
}

static gpointer
dump_func (HolbooStore  *store,
           gpointer      data,
           GError      **error)
{
  return holboo_store_dump_customers (store, error);
}

static char *
dump (LiveAccount *live)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  holboo_account_read_customers_async (live->account, dump_func, NULL, NULL, g_free, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, WAIT_MS));
  text = holboo_account_read_customers_finish (live->account, result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return text;
}

/* The ops' uuids in the log's order, as a member recorded them. */
static gpointer
order_func (HolbooStore  *store,
            gpointer      data,
            GError      **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *order = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (holboo_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT uuid, author FROM teamlog_ops ORDER BY seq", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (order, "%s %s\n", sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (order, FALSE);
}

static char *
log_order (LiveAccount *live)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  holboo_account_read_customers_async (live->account, order_func, NULL, NULL, g_free, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, WAIT_MS));
  text = holboo_account_read_customers_finish (live->account, result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return text;
}

typedef struct {
  LiveAccount **members;
  const char   *needle;
  char         *last;
} SameWait;

/* Every member has the same dump (containing @needle, if given). */
static gboolean
all_same (gpointer data)
{
  SameWait *wait = data;
  g_autofree char *first = dump (wait->members[0]);

  if (wait->needle != NULL && strstr (first, wait->needle) == NULL)
    return FALSE;
  for (guint i = 1; wait->members[i] != NULL; i++)
    {
      g_autofree char *other = dump (wait->members[i]);

      if (g_strcmp0 (first, other) != 0 || holboo_account_get_teamlog_pending (wait->members[i]->account) != 0)
        return FALSE;
    }
  g_free (wait->last);
  wait->last = g_steal_pointer (&first);
  return TRUE;
}

static char *
wait_all_same (LiveAccount **members,
               const char   *needle)
{
  SameWait wait = { members, needle, NULL };

  for (guint i = 0; members[i] != NULL; i++)
    sync_team (members[i]);
  g_assert_true (live_wait (all_same, &wait, WAIT_MS));
  return wait.last;
}

static guint
count (const char *text,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The later of two ops in the log's order. */
static const char *
later_of (const char *order,
          const char *a,
          const char *b)
{
  const char *pa = strstr (order, a);
  const char *pb = strstr (order, b);

  g_assert_nonnull (pa);
  g_assert_nonnull (pb);
  return pa > pb ? a : b;
}

static const char *
field_of (const char *dump_text,
          const char *customer,
          const char *name)
{
  g_autofree char *head = g_strdup_printf ("customer %s\t", customer);
  g_autofree char *key = g_strdup_printf ("  field %s\t", name);
  const char *start = strstr (dump_text, head);
  const char *next, *found;
  static char *value;

  g_assert_nonnull (start);
  next = strstr (start + 1, "\ncustomer ");
  found = strstr (start, key);
  if (found == NULL || (next != NULL && found > next))
    return NULL;
  found += strlen (key);
  g_free (value);
  value = g_strndup (found, strcspn (found, "\n"));
  return value;
}

static gboolean
has_pending (gpointer data)
{
  return holboo_account_get_teamlog_pending (data) == 3;
}

static gboolean
is_disconnected (gpointer data)
{
  return holboo_xmpp_connection_get_state (holboo_account_get_connection (data)) ==
         HOLBOO_XMPP_CONNECTION_STATE_OFFLINE;
}

static void
test_three_members (void)
{
  g_autofree char *room = room_address ("sales");
  g_autofree char *bob_jid = address ("bob");
  g_autofree char *cat_jid = address ("cat");
  g_autofree char *dan_jid = address ("dan");
  g_autofree char *kim_jid = address ("kim");
  const char *members[] = { bob_jid, cat_jid, dan_jid, NULL };
  LiveAccount *amy = live_account_new ("amy", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bob = live_account_new ("bob", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *cat = live_account_new ("cat", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *dan = NULL;
  LiveAccount *kim = NULL;
  g_autofree char *c1 = g_uuid_string_random ();
  g_autofree char *c2 = g_uuid_string_random ();
  g_autofree char *amy_company = NULL, *bob_company = NULL, *cat_name = NULL, *amy_name = NULL;
  g_autofree char *n1 = NULL, *n2 = NULL, *n3 = NULL;
  g_autofree char *final = NULL;
  g_autofree char *order = NULL;
  g_autofree char *cat_path = NULL;
  HolbooTeamlogOp *op;

  live_account_connect (amy);
  live_account_connect (bob);
  live_account_connect (cat);
  create_team (amy, room, members);
  join_team (bob, room);
  join_team (cat, room);

  /* Two customers, seen by everyone. */
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, c1, NULL);
  holboo_teamlog_op_add_field (op, "name", "Болд");
  holboo_teamlog_op_add_field (op, "phones", "9911 2233");
  holboo_teamlog_op_add_field (op, "xmpp", kim_jid);
  g_free (submit (amy, op));
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, c2, NULL);
  holboo_teamlog_op_add_field (op, "name", "Сарнай");
  g_free (submit (bob, op));
  {
    LiveAccount *all[] = { amy, bob, cat, NULL };
    g_autofree char *text = wait_all_same (all, "Сарнай");

    g_assert_nonnull (strstr (text, "+97699112233"));
  }

  /* Cat goes offline, edits, and even restarts the app: the outbox
   * keeps the edits. */
  holboo_account_disconnect (cat->account);
  g_assert_true (live_wait (is_disconnected, cat->account, WAIT_MS));
  cat_name = update (cat, c1, "name", "Болд (Cat)");
  n1 = add_note (cat, c1, "Кат: үнийн санал илгээсэн");
  g_free (update (cat, c2, "company", "Cat ХХК"));
  g_assert_cmpuint (holboo_account_get_teamlog_pending (cat->account), ==, 3);
  {
    g_autofree char *text = dump (cat);

    /* Shown at once, before the log has it. */
    g_assert_cmpstr (field_of (text, c1, "name"), ==, "Болд (Cat)");
  }
  cat_path = live_account_free (cat, TRUE);

  /* Meanwhile Amy and Bob edit the same customers, the same fields. */
  amy_name = update (amy, c1, "name", "Болд (Amy)");
  amy_company = update (amy, c1, "company", "Amy ХХК");
  bob_company = update (bob, c1, "company", "Bob ХХК");
  n2 = add_note (bob, c1, "Боб: даваа гарагт залгана");
  n3 = add_note (amy, c2, "Эми: гэрээ байгуулсан");
  op = op_new (HOLBOO_TEAMLOG_OP_TAG_ADD, c1, "VIP");
  g_free (submit (bob, op));
  g_free (update (bob, c2, "company", "Bob ХХК"));

  cat = live_account_new ("cat", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, cat_path);
  g_assert_true (live_wait (has_pending, cat->account, WAIT_MS));
  live_account_connect (cat);

  {
    LiveAccount *all[] = { amy, bob, cat, NULL };

    final = wait_all_same (all, "Cat ХХК");
  }
  g_test_message ("%s", final);

  /* Every note once; fields as the last writer in the log's order. */
  g_assert_cmpuint (count (final, "\tnote\t"), ==, 3);
  g_assert_cmpuint (count (final, "Кат: үнийн санал илгээсэн"), ==, 1);
  g_assert_cmpuint (count (final, "Боб: даваа гарагт залгана"), ==, 1);
  order = log_order (amy);
  g_assert_cmpstr (field_of (final, c1, "name"), ==,
                   g_str_equal (later_of (order, cat_name, amy_name), cat_name) ? "Болд (Cat)" : "Болд (Amy)");
  /* Cat's edits were sent after the reconnect: after everything above. */
  g_assert_cmpstr (field_of (final, c1, "name"), ==, "Болд (Cat)");
  g_assert_cmpstr (field_of (final, c1, "company"), ==,
                   g_str_equal (later_of (order, amy_company, bob_company), amy_company) ? "Amy ХХК" : "Bob ХХК");
  g_assert_cmpstr (field_of (final, c2, "company"), ==, "Cat ХХК");
  g_assert_nonnull (strstr (final, "  tag VIP\n"));
  {
    g_autofree char *bob_order = log_order (bob);
    g_autofree char *cat_order = log_order (cat);

    g_assert_cmpstr (order, ==, bob_order);
    g_assert_cmpstr (order, ==, cat_order);
  }

  /* A member who joins later replays the whole log. */
  dan = live_account_new ("dan", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  live_account_connect (dan);
  join_team (dan, room);
  {
    LiveAccount *all[] = { amy, dan, NULL };
    g_autofree char *text = wait_all_same (all, NULL);
    g_autofree char *dan_order = log_order (dan);

    g_assert_cmpstr (text, ==, final);
    g_assert_cmpstr (dan_order, ==, order);
  }

  /* The customer writes to Bob; Bob answers; Bob logs a call: on every
   * member's timeline. */
  kim = live_account_new ("kim", "phone", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  live_account_connect (kim);
  {
    g_autofree char *bob_address = address ("bob");
    g_autoptr(GError) error = NULL;
    g_autofree char *id = holboo_account_send_message (kim->account, bob_address, "Сайн байна уу, үнэ хэд вэ?",
                                                       &error);

    g_assert_no_error (error);
    g_free (holboo_account_send_message (bob->account, kim_jid, "Маргааш илгээнэ", &error));
    g_assert_no_error (error);
  }
  {
    HolbooTeamlogCall call = { 0, };
    GAsyncResult *result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *customer = NULL;
    gint64 now = g_get_real_time ();

    call.direction = HOLBOO_TEAMLOG_CALL_INCOMING;
    call.remote = "+976 9911-2233";
    call.start = now - 200 * G_USEC_PER_SEC;
    call.answer = now - 190 * G_USEC_PER_SEC;
    call.end = now;
    call.outcome = HOLBOO_TEAMLOG_CALL_ANSWERED;
    holboo_account_log_call_async (bob->account, &call, NULL, on_result, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    customer = holboo_account_log_call_finish (bob->account, result, &error);
    g_object_unref (result);
    g_assert_no_error (error);
    g_assert_cmpstr (customer, ==, c1);

    /* Nobody's number: nothing logged. */
    call.remote = "+976 8800 0000";
    result = NULL;
    holboo_account_log_call_async (bob->account, &call, NULL, on_result, &result);
    g_assert_true (live_wait (result_ready, &result, WAIT_MS));
    g_clear_pointer (&customer, g_free);
    customer = holboo_account_log_call_finish (bob->account, result, &error);
    g_object_unref (result);
    g_assert_no_error (error);
    g_assert_null (customer);
  }
  {
    LiveAccount *all[] = { amy, bob, cat, dan, NULL };
    g_autofree char *text = NULL;

    /* Each message once, though Bob's devices and the archive saw it. */
    while (TRUE)
      {
        g_free (text);
        text = wait_all_same (all, "Incoming call, 3:10");
        if (count (text, "\tchat\t") >= 2)
          break;
        live_sleep (200);
      }
    g_assert_cmpuint (count (text, "\tchat\t"), ==, 2);
    g_assert_cmpuint (count (text, "Сайн байна уу, үнэ хэд вэ?"), ==, 1);
    g_assert_cmpuint (count (text, "Маргааш илгээнэ"), ==, 1);
    g_assert_cmpuint (count (text, "\tcall\t"), ==, 1);
  }

  live_account_free (kim, FALSE);
  live_account_free (dan, FALSE);
  live_account_free (cat, FALSE);
  live_account_free (bob, FALSE);
  live_account_free (amy, FALSE);
}

/* A groupchat message to @room with an op element built from @op, with
 * @extra appended to the message (a forged muc#user item). */
static void
send_raw (LiveAccount     *from,
          const char      *room,
          HolbooXmlNode   *op_element,
          HolbooXmlNode   *extra)
{
  g_autoptr(HolbooXmlNode) message = NULL;
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(GError) error = NULL;

  message = holboo_xmpp_muc_build_groupchat (room, id, "raw", NULL);
  holboo_xml_node_append_child (message, holboo_xml_node_ref (op_element));
  if (extra != NULL)
    holboo_xml_node_append_child (message, holboo_xml_node_ref (extra));
  g_assert_true (holboo_xmpp_connection_send (holboo_account_get_connection (from->account), message, &error));
  g_assert_no_error (error);
}

static HolbooXmlNode *
op_element (HolbooTeamlogOpKind  kind,
            const char          *customer,
            const char          *name,
            const char          *value)
{
  g_autoptr(HolbooTeamlogOp) op = op_new (kind, customer, NULL);

  op->uuid = g_uuid_string_random ();
  if (name != NULL)
    holboo_teamlog_op_add_field (op, name, value);
  return holboo_teamlog_op_build (op);
}

static gpointer
count_ops_func (HolbooStore  *store,
                gpointer      data,
                GError      **error)
{
  gint64 *n = g_new0 (gint64, 1);

  holboo_store_count_teamlog_ops (store, n, error);
  return n;
}

static gint64
count_ops (LiveAccount *live)
{
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *n = NULL;

  holboo_account_read_customers_async (live->account, count_ops_func, NULL, NULL, g_free, NULL, on_result, &result);
  g_assert_true (live_wait (result_ready, &result, WAIT_MS));
  n = holboo_account_read_customers_finish (live->account, result, &error);
  g_assert_no_error (error);
  g_object_unref (result);
  return *n;
}

/* An archived message as a hostile server, or a client's own muc#user
 * item, could make it. */
static HolbooXmlNode *
archived (const char *from,
          const char *jid1,
          const char *affiliation,
          const char *jid2,
          const char *customer)
{
  HolbooXmlNode *message = holboo_xml_node_new ("message", "jabber:client");
  HolbooXmlNode *x, *item;

  holboo_xml_node_set_attribute (message, "from", from);
  holboo_xml_node_set_attribute (message, "type", "groupchat");
  holboo_xml_node_append_child (message, op_element (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, customer, "name", "x"));
  for (const char *jid = jid1; jid != NULL; jid = jid == jid1 ? jid2 : NULL)
    {
      x = holboo_xml_node_add_child_ns (message, "x", HOLBOO_XMLNS_MUC_USER);
      item = holboo_xml_node_add_child (x, "item");
      holboo_xml_node_set_attribute (item, "jid", jid);
      if (affiliation != NULL)
        holboo_xml_node_set_attribute (item, "affiliation", affiliation);
    }
  return message;
}

static void
test_hostile (void)
{
  g_autofree char *room = room_address ("support");
  g_autofree char *bob_jid = address ("bob2");
  g_autofree char *amy_jid = address ("amy2");
  const char *members[] = { bob_jid, NULL };
  LiveAccount *amy = live_account_new ("amy2", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  LiveAccount *bob = live_account_new ("bob2", "desk", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS, NULL);
  g_autoptr(HolbooXmppConnection) eve = live_connection ("eve2", HOLBOO_XMPP_TRANSPORT_KIND_STARTTLS);
  g_autofree char *c1 = g_uuid_string_random ();
  g_autofree char *before = NULL;
  g_autoptr(HolbooJid) room_jid = NULL;
  gint64 n_before;
  HolbooTeamlogOp *op;

  live_account_connect (amy);
  live_account_connect (bob);
  live_connect_ok (eve);
  create_team (amy, room, members);
  join_team (bob, room);
  op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_CREATE, c1, NULL);
  holboo_teamlog_op_add_field (op, "name", "Түвшин");
  g_free (submit (amy, op));
  {
    LiveAccount *all[] = { amy, bob, NULL };

    before = wait_all_same (all, "Түвшин");
  }
  n_before = count_ops (amy);

  /* A field of 1 MiB, a customer without an id, an op of no kind: refused
   * here with a message, nothing stored or queued. */
  {
    g_autofree char *huge = g_malloc (1024 * 1024 + 1);
    g_autoptr(GError) error = NULL;
    g_autofree char *uuid = NULL;

    memset (huge, 'x', 1024 * 1024);
    huge[1024 * 1024] = '\0';
    op = op_new (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, c1, NULL);
    holboo_teamlog_op_add_field (op, "notes", huge);
    uuid = submit_full (amy, op, &error);
    holboo_teamlog_op_free (op);
    g_assert_null (uuid);
    g_assert_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED);
    g_assert_nonnull (strstr (error->message, "too long"));
    g_test_message ("1 MiB field: %s", error->message);
    g_clear_error (&error);

    op = op_new (HOLBOO_TEAMLOG_OP_NOTE_ADD, "not-a-uuid", NULL);
    uuid = submit_full (amy, op, &error);
    holboo_teamlog_op_free (op);
    g_assert_null (uuid);
    g_assert_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED);
    g_clear_error (&error);

    op = op_new (HOLBOO_TEAMLOG_OP_UNKNOWN, c1, NULL);
    uuid = submit_full (amy, op, &error);
    holboo_teamlog_op_free (op);
    g_assert_null (uuid);
    g_assert_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED);
    g_assert_cmpuint (holboo_account_get_teamlog_pending (amy->account), ==, 0);
  }

  /* Through the room, from a member: a malformed op (its id is no
   * uuid), a field of 100 KiB (over the op's limit, under the servers'
   * stanza limit), and an op whose writer names Amy as its sender. */
  {
    g_autoptr(HolbooXmlNode) bad_id = op_element (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, c1, "name", "bad id");
    g_autoptr(HolbooXmlNode) big = NULL;
    g_autoptr(HolbooXmlNode) forged_op = op_element (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, c1, "name", "forged");
    g_autoptr(HolbooXmlNode) forged_x = holboo_xml_node_new ("x", HOLBOO_XMLNS_MUC_USER);
    g_autofree char *value = g_malloc (100 * 1024 + 1);
    HolbooXmlNode *item;

    holboo_xml_node_set_attribute (bad_id, "id", "1234");
    memset (value, 'y', 100 * 1024);
    value[100 * 1024] = '\0';
    big = op_element (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, c1, "company", value);
    item = holboo_xml_node_add_child (forged_x, "item");
    holboo_xml_node_set_attribute (item, "jid", amy_jid);
    holboo_xml_node_set_attribute (item, "affiliation", "owner");

    send_raw (bob, room, bad_id, NULL);
    send_raw (bob, room, big, NULL);
    send_raw (bob, room, forged_op, forged_x);
  }

  /* From a non-member: Eve cannot write to the room (members-only), and
   * an op she sends straight to Amy is not the log's. */
  {
    g_autoptr(HolbooXmlNode) message = holboo_xml_node_new ("message", "jabber:client");
    g_autoptr(GError) error = NULL;
    g_autofree char *amy_full = g_strdup_printf ("%s/desk", amy_jid);

    holboo_xml_node_set_attribute (message, "to", room);
    holboo_xml_node_set_attribute (message, "type", "groupchat");
    holboo_xml_node_add_text_child (message, "body", "eve");
    holboo_xml_node_append_child (message, op_element (HOLBOO_TEAMLOG_OP_CUSTOMER_UPDATE, c1, "name", "eve's"));
    g_assert_true (holboo_xmpp_connection_send (eve, message, &error));
    holboo_xml_node_set_attribute (message, "to", amy_full);
    g_assert_true (holboo_xmpp_connection_send (eve, message, &error));
    holboo_xml_node_set_attribute (message, "type", "chat");
    g_assert_true (holboo_xmpp_connection_send (eve, message, &error));
    g_assert_no_error (error);
  }

  /* Archived entries a hostile server could hand over: not from the
   * room, from nobody, from two people, from a non-member. */
  room_jid = holboo_jid_parse (room, -1, NULL);
  {
    g_autofree char *from = g_strdup_printf ("%s/bob2", room);
    g_autofree char *eve_jid = address ("eve2");
    HolbooXmlNode *cases[] = {
      archived ("mallory@localhost/x", bob_jid, NULL, NULL, c1),
      archived (from, NULL, NULL, NULL, c1),
      archived (from, bob_jid, "member", amy_jid, c1),
      archived (from, eve_jid, "none", NULL, c1),
      archived (from, "not an address", NULL, NULL, c1),
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(HolbooTeamlogOp) parsed = _holboo_account_teamlog_op_from_result (amy->account, room_jid, "id-1",
                                                                                    1, cases[i], &error);

        g_assert_null (parsed);
        g_assert_error (error, HOLBOO_TEAMLOG_ERROR, HOLBOO_TEAMLOG_ERROR_MALFORMED);
        g_test_message ("refused: %s", error->message);
        holboo_xml_node_unref (cases[i]);
      }
  }

  /* A good op after the bad ones: once it is everywhere, so would the
   * bad ones be. */
  g_free (update (bob, c1, "company", "Сайн ХХК"));
  {
    LiveAccount *all[] = { amy, bob, NULL };
    g_autofree char *after = wait_all_same (all, "Сайн ХХК");

    g_assert_null (strstr (after, "bad id"));
    g_assert_null (strstr (after, "yyyyyyyy"));
    g_assert_null (strstr (after, "eve's"));
    /* The forged op is refused (two senders) or, where the server
     * dropped the writer's own item, Bob's: never Amy's. */
    g_assert_cmpint (count_ops (amy), <=, n_before + 2);
    g_assert_cmpint (count_ops (amy), >=, n_before + 1);
    {
      g_autofree char *order = log_order (amy);

      g_assert_cmpuint (count (order, amy_jid), ==, 1);
    }
  }

  holboo_xmpp_connection_disconnect (eve);
  live_account_free (bob, FALSE);
  live_account_free (amy, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);

  g_test_add_func ("/core/teamlog/three-members", test_three_members);
  g_test_add_func ("/core/teamlog/hostile", test_hostile);

  status = g_test_run ();
  live_stop ();
  return status;
}
