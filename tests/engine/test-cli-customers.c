/* test-cli-customers.c: holboo-cli customer add|note|list|show|import|
 * export from outside, on a real account of the harness's server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account is in no team here: what the commands save is applied to
 * its store at once and waits in the team log's outbox (the team log's
 * own tests send it).  Checked: JSON lines, Cyrillic in and out, a CSV
 * import and its export read back to the same customers, and bad input
 * — a number that is not one, broken quoting, another encoding, a
 * missing customer — each refused with its exit code and a message
 * naming the line, the customers listed byte for byte as before.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-util.h"
#include "xmpp-live-util.h"

static const char * const accounts[] = { "ann", NULL };

static char *data_dir;

static char *
write_temp (const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("holboo-cli-customers-XXXXXX.csv", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  return path;
}

static char *
list_all (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, data_dir, "unused", "customer", "list", NULL);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, NULL, NULL, "--help", NULL);
  g_assert_nonnull (strstr (run.out, "customer import FILE.csv"));
  g_assert_nonnull (strstr (run.out, "9 invalid input"));
}

static void
test_add_note_show (void)
{
  g_autofree char *uuid = NULL;

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;
    JsonObject *o;

    run_cli (&run, data_dir, "unused", "customer", "add", "--name", "Батбаяр Дорж", "--company", "Номин ХХК",
             "--phone", "9911 2233", "--phone", "+976 8811-2233", "--email", "Bat@Nomin.MN", "--tag", "vip",
             "--note", "Нэхэмжлэлийн талаар асуусан", NULL);
    g_test_message ("add: %s %s", run.out, run.err);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
    o = lines->pdata[0];
    uuid = g_strdup (json_array_get_string_element (json_object_get_array_member (o, "customers"), 0));
    g_assert_true (g_uuid_string_is_valid (uuid));
    g_assert_cmpint (json_object_get_int_member (o, "ops"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (o, "pending"), ==, 3);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, data_dir, "unused", "customer", "note", "8811 2233", "Дараа долоо хоногт залгана", NULL);
    g_test_message ("note: %s %s", run.out, run.err);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;
    JsonObject *customer, *newest;
    JsonArray *phones;

    run_cli (&run, data_dir, "unused", "customer", "show", "bat@nomin.mn", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 3);
    customer = lines->pdata[0];
    g_assert_cmpstr (json_object_get_string_member (customer, "uuid"), ==, uuid);
    g_assert_cmpstr (json_object_get_string_member (customer, "name"), ==, "Батбаяр Дорж");
    phones = json_object_get_array_member (customer, "phones");
    g_assert_cmpstr (json_array_get_string_element (phones, 0), ==, "+97699112233");
    g_assert_cmpstr (json_array_get_string_element (phones, 1), ==, "+97688112233");
    newest = lines->pdata[1];
    g_assert_cmpstr (json_object_get_string_member (newest, "kind"), ==, "note");
    g_assert_cmpstr (json_object_get_string_member (newest, "body"), ==, "Дараа долоо хоногт залгана");
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, data_dir, "unused", "customer", "list", "--search", "9911", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (lines->len, ==, 1);
  }
}

static void
test_bad_input (void)
{
  g_autofree char *before = list_all ();
  g_autofree char *after = NULL;
  const struct {
    const char *csv;
    gssize      length;
    const char *says;
  } files[] = {
    { "name,phones,note\nЦэцэг,99001122,ok\nБолд,99001133,\"unclosed\nСараа,99001144,ok\n", -1,
      "Line 3: a quoted value is not closed" },
    { "name,note\nЦэцэг,ok\nБолд,say \"hi\"\n", -1, "Line 3: a quote inside a value that is not quoted" },
    /* Windows-1251: "Бат" on line 2. */
    { "name,note\n\xc1\xe0\xf2,ok\n", -1, "Line 2 is not UTF-8" },
    { "name,phones\nЦэцэг,99001122\nБолд,утас\n", -1, "Line 3: “утас” is not a phone number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = write_temp (files[i].csv, files[i].length);
      g_auto(Run) run = { 0 };

      run_cli (&run, data_dir, "unused", "customer", "import", path, NULL);
      g_test_message ("import %u: status %d, %s", i, run.status, run.err);
      g_assert_cmpint (run.status, ==, 9);
      g_assert_nonnull (strstr (run.err, files[i].says));
      g_assert_nonnull (strstr (run.err, "Nothing was imported"));
      g_unlink (path);
    }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, data_dir, "unused", "customer", "add", "--name", "Болд", "--phone", "утас", NULL);
    g_assert_cmpint (run.status, ==, 9);
    g_assert_nonnull (strstr (run.err, "утас"));
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, data_dir, "unused", "customer", "show", "+97680000000", NULL);
    g_assert_cmpint (run.status, ==, 8);
    run_clear (&run);
    run_cli (&run, data_dir, "unused", "customer", "note", "nobody@example.mn", "hello", NULL);
    g_assert_cmpint (run.status, ==, 8);
  }

  /* Nothing stored changed. */
  after = list_all ();
  g_assert_cmpstr (after, ==, before);
}

#define IMPORT_CSV \
  "\xef\xbb\xbfname,company,phones,emails,tags,note\r\n" \
  "Оюунчимэг Пүрэв,Таван Богд,\"8855 6677, 9955 6677\",oyun@tavanbogd.mn,\"лизинг, vip\",\"Гэрээ: \"\"А\"\" хувилбар\"\r\n" \
  "\"Smith, John\",MCS Group,+1 202 555 0143,john@mcs.mn,,\"Two lines:\nsecond\"\r\n"

static void
test_import_export (void)
{
  g_autofree char *path = write_temp (IMPORT_CSV, -1);
  g_autofree char *exported = NULL;

  {
    g_auto(Run) run = { 0 };
    g_autoptr(GPtrArray) lines = NULL;

    run_cli (&run, data_dir, "unused", "customer", "import", path, NULL);
    g_test_message ("import: %s %s", run.out, run.err);
    g_assert_cmpint (run.status, ==, 0);
    lines = json_lines (run.out);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (lines->pdata[0], "customers")), ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, data_dir, "unused", "customer", "export", "--tag", "лизинг", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==,
                     "name,company,phones,emails,xmpp,tags,note\n"
                     "Оюунчимэг Пүрэв,Таван Богд,\"+97688556677, +97699556677\",oyun@tavanbogd.mn,,\"vip, лизинг\","
                     "\"Гэрээ: \"\"А\"\" хувилбар\"\n");
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *out = g_build_filename (data_dir, "all.csv", NULL);

    run_cli (&run, data_dir, "unused", "customer", "export", "--out", out, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &exported, NULL, NULL));
    g_assert_nonnull (strstr (exported, "\"Smith, John\",MCS Group,+12025550143,john@mcs.mn,,,\"Two lines:\nsecond\"\n"));
    g_assert_nonnull (strstr (exported, "Батбаяр Дорж,Номин ХХК"));
  }
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  live_start (argc, argv, accounts);
  {
    g_autofree char *jid = g_strdup_printf ("ann@%s", holboo_test_server_get_domain (live.server));
    g_autofree char *port = g_strdup_printf ("%u", holboo_test_server_get_port (live.server, HOLBOO_TEST_PORT_C2S));
    g_auto(Run) run = { 0 };

    data_dir = new_data_dir ();
    run_cli (&run, data_dir, "unused", "account", "add", jid, "--host",
             holboo_test_server_get_host (live.server), "--port", port, "--transport", "starttls", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }

  g_test_add_func ("/cli/customers/help", test_help);
  g_test_add_func ("/cli/customers/add-note-show", test_add_note_show);
  g_test_add_func ("/cli/customers/bad-input", test_bad_input);
  g_test_add_func ("/cli/customers/import-export", test_import_export);
  status = g_test_run ();

  remove_tree (data_dir);
  g_free (data_dir);
  live_stop ();
  return status;
}
