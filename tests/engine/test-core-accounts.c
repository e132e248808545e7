/* test-core-accounts.c: HolbooAccountConfig, HolbooAccountRegistry
 * (accounts.ini, sound and damaged) and the accounts' store paths
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Passwords in the Secret Service: test-core-accounts-secret.c.
 */

#define G_LOG_DOMAIN "test-core-accounts"

#include "config.h"

#include "holboo-account-config.h"
#include "holboo-account-registry.h"
#include "holboo-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#define SETTINGS(config) holboo_account_config_get_settings (config)

#define FP_LOWER "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define FP_UPPER "01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:" \
                 "01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF"

typedef struct {
  char *tmp;
  char *data_dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->tmp = holboo_test_make_tmp_dir ();
  f->data_dir = g_build_filename (f->tmp, "data", "holboo", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  holboo_test_rm_rf (f->tmp);
  g_free (f->tmp);
  g_free (f->data_dir);
}

static HolbooAccountConfig *
config_new (const char *jid)
{
  g_autoptr(GError) error = NULL;
  HolbooAccountConfig *config = holboo_account_config_new (jid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
write_text (const char *path,
            const char *text,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Configurations */

static void
test_config_new (void)
{
  const char *invalid[] = {
    "", "example.mn", "@example.mn", "alice@", "alice@example.mn/phone",
    "a b@example.mn", "alice@@example.mn", "\xff\xfe@example.mn",
  };
  g_autoptr(HolbooAccountConfig) config = config_new ("Alice@Example.MN");

  g_assert_cmpstr (holboo_account_config_get_jid (config), ==, "alice@example.mn");
  g_assert_null (holboo_account_config_get_display_name (config));
  g_assert_null (holboo_xmpp_settings_get_host (SETTINGS (config)));
  g_assert_cmpuint (holboo_xmpp_settings_get_port (SETTINGS (config)), ==, 0);
  g_assert_cmpint (holboo_xmpp_settings_get_transport (SETTINGS (config)), ==, HOLBOO_XMPP_TRANSPORT_KIND_AUTO);
  g_assert_true (holboo_account_config_get_enabled (config));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HolbooAccountConfig) bad = holboo_account_config_new (invalid[i], &error);

      g_assert_null (bad);
      g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_INVALID_JID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_config_pin_and_settings (void)
{
  g_autoptr(HolbooAccountConfig) config = config_new ("бат@example.mn");
  g_autoptr(HolbooXmppSettings) settings = NULL;

  holboo_xmpp_settings_set_pinned_certificate (SETTINGS (config), FP_LOWER);
  g_assert_cmpstr (holboo_xmpp_settings_get_pinned_certificate (SETTINGS (config)), ==, FP_UPPER);

  holboo_xmpp_settings_set_server (SETTINGS (config), "xmpp.example.mn", 5223);
  holboo_xmpp_settings_set_transport (SETTINGS (config), HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  holboo_xmpp_settings_set_websocket_url (SETTINGS (config), "wss://example.mn/xmpp-websocket");

  settings = holboo_account_config_to_xmpp_settings (config, "s3cret");
  g_assert_cmpstr (holboo_xmpp_settings_get_jid (settings), ==, "бат@example.mn");
  g_assert_cmpstr (holboo_xmpp_settings_get_password (settings), ==, "s3cret");
  g_assert_cmpstr (holboo_xmpp_settings_get_host (settings), ==, "xmpp.example.mn");
  g_assert_cmpuint (holboo_xmpp_settings_get_port (settings), ==, 5223);
  g_assert_cmpint (holboo_xmpp_settings_get_transport (settings), ==, HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  g_assert_cmpstr (holboo_xmpp_settings_get_websocket_url (settings), ==, "wss://example.mn/xmpp-websocket");
  g_assert_cmpstr (holboo_xmpp_settings_get_pinned_certificate (settings), ==, FP_UPPER);

  holboo_xmpp_settings_set_pinned_certificate (SETTINGS (config), NULL);
  g_assert_null (holboo_xmpp_settings_get_pinned_certificate (SETTINGS (config)));
}

/* The registry and accounts.ini */

static void
test_registry_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountRegistry) again = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountConfig) config = config_new ("alice@example.mn");
  g_autoptr(HolbooAccountConfig) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ca_file = g_test_build_filename (G_TEST_DIST, "engine", "test-xmpp-fixtures",
                                                    "localhost.pem", NULL);

  /* No file yet: no accounts, nothing wrong. */
  g_assert_true (holboo_account_registry_load (registry, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (registry)), ==, 0);
  g_assert_false (holboo_account_registry_has_load_problems (registry));

  holboo_account_config_set_display_name (config, "Ажил [work]\nsecond line; #not a comment");
  holboo_xmpp_settings_set_server (SETTINGS (config), "[2001:db8::1]", 5222);
  holboo_xmpp_settings_set_transport (SETTINGS (config), HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET);
  holboo_xmpp_settings_set_websocket_url (SETTINGS (config), "wss://example.mn:5443/ws");
  holboo_xmpp_settings_set_pinned_certificate (SETTINGS (config), FP_LOWER);
  g_assert_true (holboo_xmpp_settings_set_ca_file (SETTINGS (config), ca_file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (holboo_xmpp_settings_get_tls_database (SETTINGS (config)));
  holboo_account_config_set_enabled (config, FALSE);
  g_assert_true (holboo_account_registry_add (registry, config, &error));
  g_assert_no_error (error);

  g_assert_true (holboo_account_registry_save (registry, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (holboo_test_file_mode (f->data_dir), ==, 0700);
  g_assert_cmpuint (holboo_test_file_mode (holboo_account_registry_get_path (registry)), ==, 0600);
  text = read_text (holboo_account_registry_get_path (registry));
  g_assert_null (strstr (text, "password"));

  g_assert_true (holboo_account_registry_load (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (holboo_account_registry_has_load_problems (again));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  loaded = g_list_model_get_item (G_LIST_MODEL (again), 0);
  g_assert_true (loaded != config);
  g_assert_cmpstr (holboo_account_config_get_jid (loaded), ==, "alice@example.mn");
  g_assert_cmpstr (holboo_account_config_get_display_name (loaded), ==,
                   "Ажил [work]\nsecond line; #not a comment");
  g_assert_cmpstr (holboo_xmpp_settings_get_host (SETTINGS (loaded)), ==, "[2001:db8::1]");
  g_assert_cmpuint (holboo_xmpp_settings_get_port (SETTINGS (loaded)), ==, 5222);
  g_assert_cmpint (holboo_xmpp_settings_get_transport (SETTINGS (loaded)), ==, HOLBOO_XMPP_TRANSPORT_KIND_WEBSOCKET);
  g_assert_cmpstr (holboo_xmpp_settings_get_websocket_url (SETTINGS (loaded)), ==, "wss://example.mn:5443/ws");
  g_assert_cmpstr (holboo_xmpp_settings_get_pinned_certificate (SETTINGS (loaded)), ==, FP_UPPER);
  /* The CA file is remembered and loaded again, and a connection's
   * settings trust it. */
  g_assert_cmpstr (holboo_xmpp_settings_get_ca_file (SETTINGS (loaded)), ==, ca_file);
  g_assert_nonnull (holboo_xmpp_settings_get_tls_database (SETTINGS (loaded)));
  {
    g_autoptr(HolbooXmppSettings) with_password = holboo_account_config_to_xmpp_settings (loaded, "pw");

    g_assert_cmpstr (holboo_xmpp_settings_get_ca_file (with_password), ==, ca_file);
    g_assert_true (holboo_xmpp_settings_get_tls_database (with_password) ==
                   holboo_xmpp_settings_get_tls_database (SETTINGS (loaded)));
  }
  g_assert_false (holboo_account_config_get_enabled (loaded));

  /* Saving what was loaded gives the same text, and no backup: the
   * load was clean. */
  g_assert_true (holboo_account_registry_save (again, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text2 = read_text (holboo_account_registry_get_path (again));
    g_autofree char *backup = g_strconcat (holboo_account_registry_get_path (again), ".bak", NULL);

    g_assert_cmpstr (text2, ==, text);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
}

typedef struct {
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static void
test_registry_several (Fixture       *f,
                       gconstpointer  data)
{
  const char *jids[] = {
    "alice@example.mn", "bob@example.mn", "бат@жишээ.мн", "carol@[::1]", "dave@192.0.2.1",
  };
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountRegistry) again = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountConfig) twin = config_new ("BOB@example.mn");
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (registry);
  Change change = { 0 };

  g_signal_connect (registry, "items-changed", G_CALLBACK (on_items_changed), &change);
  g_assert_true (g_list_model_get_item_type (model) == HOLBOO_TYPE_ACCOUNT_CONFIG);

  for (guint i = 0; i < G_N_ELEMENTS (jids); i++)
    {
      g_autoptr(HolbooAccountConfig) config = config_new (jids[i]);

      holboo_xmpp_settings_set_server (SETTINGS (config), NULL, 5222 + i);
      g_assert_true (holboo_account_registry_add (registry, config, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (change.position, ==, i);
      g_assert_cmpuint (change.removed, ==, 0);
      g_assert_cmpuint (change.added, ==, 1);
    }
  g_assert_cmpuint (change.count, ==, G_N_ELEMENTS (jids));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (jids));
  g_assert_null (g_list_model_get_item (model, G_N_ELEMENTS (jids)));

  /* The same account twice, written differently. */
  g_assert_false (holboo_account_registry_add (registry, twin, &error));
  g_assert_error (error, HOLBOO_ACCOUNT_CONFIG_ERROR, HOLBOO_ACCOUNT_CONFIG_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpuint (change.count, ==, G_N_ELEMENTS (jids));

  /* Lookup normalises, and a full address finds its account. */
  g_assert_nonnull (holboo_account_registry_lookup (registry, "Bob@Example.MN/phone"));
  g_assert_cmpstr (holboo_account_config_get_jid (holboo_account_registry_lookup (registry, "БАТ@ЖИШЭЭ.МН")),
                   ==, "бат@жишээ.мн");
  g_assert_null (holboo_account_registry_lookup (registry, "nobody@example.mn"));
  g_assert_null (holboo_account_registry_lookup (registry, "not a jid"));

  g_assert_true (holboo_account_registry_remove (registry, "bob@example.mn"));
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_false (holboo_account_registry_remove (registry, "bob@example.mn"));
  g_assert_cmpuint (change.count, ==, G_N_ELEMENTS (jids) + 1);

  g_assert_true (holboo_account_registry_save (registry, NULL, &error));
  g_assert_no_error (error);

  /* Reloading: the same accounts, in the same order. */
  g_assert_true (holboo_account_registry_load (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, G_N_ELEMENTS (jids) - 1);
  for (guint i = 0, j = 0; i < G_N_ELEMENTS (jids); i++)
    {
      g_autoptr(HolbooAccountConfig) config = NULL;

      if (i == 1)
        continue;
      config = g_list_model_get_item (G_LIST_MODEL (again), j++);
      g_assert_cmpstr (holboo_account_config_get_jid (config), ==, jids[i]);
      g_assert_cmpuint (holboo_xmpp_settings_get_port (SETTINGS (config)), ==, 5222 + i);
    }

  /* Loading again replaces the list in one change. */
  change = (Change) { 0 };
  g_assert_true (holboo_account_registry_load (registry, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.removed, ==, G_N_ELEMENTS (jids) - 1);
  g_assert_cmpuint (change.added, ==, G_N_ELEMENTS (jids) - 1);
}

/* Each line below is numbered in the messages the test expects. */
static const char corrupt_file[] =
  "garbage before any group\n"                /*  1 */
  "[Holboo]\n"                                /*  2 */
  "format=1\n"                                /*  3 */
  "\n"                                        /*  4 */
  "[Account 1]\n"                             /*  5 */
  "jid=alice@example.mn\n"                    /*  6 */
  "name=Alice\n"                              /*  7 */
  "transport=carrier-pigeon\n"                /*  8 */
  "port=99999\n"                              /*  9 */
  "\n"                                        /* 10 */
  "[Account 2]\n"                             /* 11 */
  "jid=bob@example.mn\n"                      /* 12 */
  "this line is garbage\n"                    /* 13 */
  "\n"                                        /* 14 */
  "[Account 3]\n"                             /* 15 */
  "jid=not a jid@@\n"                         /* 16 */
  "\n"                                        /* 17 */
  "[Account 4]\n"                             /* 18 */
  "jid=ALICE@example.mn\n"                    /* 19 */
  "\n"                                        /* 20 */
  "[Account 5]\n"                             /* 21 */
  "jid=carol@example.mn\n"                    /* 22 */
  "pinned-certificate=zz\n"                   /* 23 */
  "enabled=maybe\n"                           /* 24 */
  "colour=blue\n"                             /* 25 */
  "\n"                                        /* 26 */
  "[Weird]\n"                                 /* 27 */
  "x=1\n"                                     /* 28 */
  "[Account 6]\n"                             /* 29 */
  "  jid = dave@example.mn\n"                 /* 30 */
  "host=xmpp.example.mn\n"                    /* 31 */
  "port=5223\n"                               /* 32 */
  "transport=direct-tls\n"                    /* 33 */
  "[Account 7]\n"                             /* 34 */
  "jid=erin@example.mn\n"                     /* 35 */
  "name=\xff\xfe\n"                           /* 36 */
  "[Account 8]\n"                             /* 37 */
  "[Account 9]\n"                             /* 38 */
  "jid=frank@example.mn\n"                    /* 39 */
  "host=bad host/name\n"                      /* 40 */
  "websocket-url=http://example.mn/\n";       /* 41 */

static void
expect (const char *pattern)
{
  g_test_expect_message ("holboo-account-registry", G_LOG_LEVEL_MESSAGE, pattern);
}

/* A CA file that is not there (an unmounted disk) is kept for next time,
 * and nothing is trusted in its place. */
static void
test_registry_missing_ca_file (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->data_dir, "accounts.ini", NULL);
  g_autofree char *missing = g_build_filename (f->data_dir, "no-such-ca.pem", NULL);
  g_autofree char *text = g_strdup_printf ("[Holboo]\nformat=1\n[Account 1]\njid=alice@example.mn\n"
                                           "ca-file=%s\n", missing);

  write_text (path, text, -1);
  expect ("*accounts.ini:5: kept “ca-file” of alice@example.mn, not loaded: *");
  g_assert_true (holboo_account_registry_load (registry, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_false (holboo_account_registry_has_load_problems (registry));

  config = g_list_model_get_item (G_LIST_MODEL (registry), 0);
  g_assert_cmpstr (holboo_xmpp_settings_get_ca_file (SETTINGS (config)), ==, missing);
  g_assert_null (holboo_xmpp_settings_get_tls_database (SETTINGS (config)));

  g_assert_true (holboo_account_registry_save (registry, NULL, &error));
  g_assert_no_error (error);
  g_free (text);
  text = read_text (path);
  g_assert_nonnull (strstr (text, missing));
}

static void
test_registry_corrupt (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountRegistry) again = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->data_dir, "accounts.ini", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *backup_text = NULL;
  gsize backup_length = 0;
  GListModel *model = G_LIST_MODEL (registry);

  write_text (path, corrupt_file, sizeof corrupt_file - 1);

  expect ("*accounts.ini:1: skipped a group: *garbage before any group*");
  expect ("*accounts.ini:8: ignored “transport” of alice@example.mn: unknown transport “carrier-pigeon”");
  expect ("*accounts.ini:9: ignored “port” of alice@example.mn: *99999*");
  expect ("*accounts.ini:11: skipped a group: *this line is garbage*");
  expect ("*accounts.ini:16: skipped [Account 3]: key “jid”: *not a jid@@*");
  expect ("*accounts.ini:19: skipped [Account 4]: alice@example.mn is already the account at line 5");
  expect ("*accounts.ini:24: ignored “enabled” of carol@example.mn*");
  expect ("*accounts.ini:23: ignored “pinned-certificate” of carol@example.mn*");
  expect ("*accounts.ini:25: ignored unknown key “colour” of carol@example.mn");
  expect ("*accounts.ini:27: skipped the unknown group [Weird]");
  expect ("*accounts.ini:36: ignored “name” of erin@example.mn*");
  expect ("*accounts.ini:37: skipped [Account 8]: it has no readable “jid”");
  expect ("*accounts.ini:40: ignored “host” of frank@example.mn: not a host name");
  expect ("*accounts.ini:41: ignored “websocket-url” of frank@example.mn*");
  expect ("*accounts.ini: 14 problem(s); loaded 5 account(s)*");
  g_assert_true (holboo_account_registry_load (registry, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_true (holboo_account_registry_has_load_problems (registry));

  /* What could be read is there, with defaults where a value could not. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 5);
  config = g_list_model_get_item (model, 0);
  g_assert_cmpstr (holboo_account_config_get_jid (config), ==, "alice@example.mn");
  g_assert_cmpstr (holboo_account_config_get_display_name (config), ==, "Alice");
  g_assert_cmpint (holboo_xmpp_settings_get_transport (SETTINGS (config)), ==, HOLBOO_XMPP_TRANSPORT_KIND_AUTO);
  g_assert_cmpuint (holboo_xmpp_settings_get_port (SETTINGS (config)), ==, 0);
  g_clear_object (&config);
  config = g_list_model_get_item (model, 1);
  g_assert_cmpstr (holboo_account_config_get_jid (config), ==, "carol@example.mn");
  g_assert_null (holboo_xmpp_settings_get_pinned_certificate (SETTINGS (config)));
  g_assert_true (holboo_account_config_get_enabled (config));
  g_clear_object (&config);
  config = g_list_model_get_item (model, 2);
  g_assert_cmpstr (holboo_account_config_get_jid (config), ==, "dave@example.mn");
  g_assert_cmpstr (holboo_xmpp_settings_get_host (SETTINGS (config)), ==, "xmpp.example.mn");
  g_assert_cmpuint (holboo_xmpp_settings_get_port (SETTINGS (config)), ==, 5223);
  g_assert_cmpint (holboo_xmpp_settings_get_transport (SETTINGS (config)), ==, HOLBOO_XMPP_TRANSPORT_KIND_DIRECT_TLS);
  g_clear_object (&config);
  config = g_list_model_get_item (model, 3);
  g_assert_cmpstr (holboo_account_config_get_jid (config), ==, "erin@example.mn");
  g_assert_null (holboo_account_config_get_display_name (config));
  g_clear_object (&config);
  config = g_list_model_get_item (model, 4);
  g_assert_cmpstr (holboo_account_config_get_jid (config), ==, "frank@example.mn");
  g_assert_null (holboo_xmpp_settings_get_host (SETTINGS (config)));
  g_assert_null (holboo_xmpp_settings_get_websocket_url (SETTINGS (config)));

  /* Loading changed nothing on disk. */
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* The first save keeps the damaged file, byte for byte. */
  g_assert_true (holboo_account_registry_save (registry, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (backup, &backup_text, &backup_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (backup_text, backup_length, corrupt_file, sizeof corrupt_file - 1);

  /* The new file is clean and holds everything that was read. */
  g_assert_true (holboo_account_registry_load (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (holboo_account_registry_has_load_problems (again));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 5);

  /* Later saves leave the copy alone. */
  g_clear_pointer (&backup_text, g_free);
  g_assert_true (holboo_account_registry_remove (registry, "alice@example.mn"));
  g_assert_true (holboo_account_registry_save (registry, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (backup, &backup_text, &backup_length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (backup_text, backup_length, corrupt_file, sizeof corrupt_file - 1);
}

/* A tool that saves without loading first must not lose the accounts
 * already in the file. */
static void
test_registry_save_without_load (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(HolbooAccountRegistry) first = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountRegistry) careless = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountRegistry) check = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountConfig) alice = config_new ("alice@example.mn");
  g_autoptr(HolbooAccountConfig) bob = config_new ("bob@example.mn");
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  g_assert_true (holboo_account_registry_add (first, alice, &error));
  g_assert_true (holboo_account_registry_save (first, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (holboo_account_registry_add (careless, bob, &error));
  g_assert_true (holboo_account_registry_save (careless, NULL, &error));
  g_assert_no_error (error);

  backup = g_strconcat (holboo_account_registry_get_path (check), ".bak", NULL);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  {
    g_autoptr(HolbooAccountRegistry) old = holboo_account_registry_new (f->tmp);
    g_autofree char *old_path = g_build_filename (f->tmp, "accounts.ini", NULL);

    g_assert_cmpint (g_rename (backup, old_path), ==, 0);
    g_assert_true (holboo_account_registry_load (old, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (holboo_account_registry_lookup (old, "alice@example.mn"));
  }
  g_assert_true (holboo_account_registry_load (check, NULL, &error));
  g_assert_nonnull (holboo_account_registry_lookup (check, "bob@example.mn"));
}

/* Files that cannot be read at all are never written over blindly. */
static void
test_registry_unreadable (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountConfig) config = config_new ("alice@example.mn");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->data_dir, "accounts.ini", NULL);
  g_autofree char *inside = g_build_filename (path, "keep-me", NULL);
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *big = g_malloc (2 * 1024 * 1024);
  GStatBuf st;

  /* A directory where the file should be. */
  write_text (inside, "precious", -1);
  g_assert_false (holboo_account_registry_load (registry, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (holboo_account_registry_has_load_problems (registry));
  g_assert_true (holboo_account_registry_add (registry, config, &error));
  g_assert_false (holboo_account_registry_save (registry, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  holboo_test_rm_rf (path);
  holboo_test_rm_rf (backup);

  /* A file far too large to be accounts: refused, then kept aside. */
  memset (big, 'x', 2 * 1024 * 1024);
  write_text (path, big, 2 * 1024 * 1024);
  g_assert_false (holboo_account_registry_load (registry, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (registry)), ==, 0);
  g_assert_true (holboo_account_registry_add (registry, config, &error));
  g_assert_true (holboo_account_registry_save (registry, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 2 * 1024 * 1024);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 1024);
}

static void
test_registry_unwritable (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->tmp, "a-file", NULL);
  g_autofree char *below = g_build_filename (file, "holboo", NULL);
  const char *dirs[] = { file, below };
  g_autoptr(HolbooAccountConfig) config = config_new ("alice@example.mn");

  /* Root may write anywhere, so "unwritable" is a path through a file. */
  write_text (file, "not a directory", -1);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (dirs[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *store = NULL;

      g_assert_true (holboo_account_registry_load (registry, NULL, &error) || error != NULL);
      g_clear_error (&error);
      g_assert_true (holboo_account_registry_add (registry, config, &error));
      g_assert_false (holboo_account_registry_save (registry, NULL, &error));
      g_assert_true (error->domain == G_IO_ERROR);
      g_assert_nonnull (strstr (error->message, "accounts.ini"));
      g_test_message ("%s", error->message);
      g_clear_error (&error);

      store = holboo_account_registry_ensure_store_path (registry, config, &error);
      g_assert_null (store);
      g_assert_true (error->domain == G_IO_ERROR);
      g_assert_nonnull (strstr (error->message, "alice@example.mn"));
    }
}

static void
on_save_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  guint *pending = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (holboo_account_registry_save_finish (HOLBOO_ACCOUNT_REGISTRY (object), result, &error));
  g_assert_no_error (error);
  (*pending)--;
}

static void
test_registry_async (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (f->data_dir);
  g_autoptr(HolbooAccountRegistry) again = holboo_account_registry_new (f->data_dir);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint pending = 0;

  holboo_account_registry_load_async (registry, NULL, on_done, &result);
  g_assert_true (holboo_account_registry_load_finish (registry, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Several saves in flight: the file ends with the last list. */
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *jid = g_strdup_printf ("user%u@example.mn", i);
      g_autoptr(HolbooAccountConfig) config = config_new (jid);

      g_assert_true (holboo_account_registry_add (registry, config, &error));
      holboo_account_registry_save_async (registry, NULL, on_save_done, &pending);
      pending++;
    }
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);

  holboo_account_registry_load_async (again, NULL, on_done, &result);
  g_assert_true (holboo_account_registry_load_finish (again, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 20);
  g_assert_nonnull (holboo_account_registry_lookup (again, "user19@example.mn"));

  /* A load that fails still reports it, and empties the list. */
  holboo_test_rm_rf (holboo_account_registry_get_path (again));
  g_assert_cmpint (g_mkdir (holboo_account_registry_get_path (again), 0700), ==, 0);
  holboo_account_registry_load_async (again, NULL, on_done, &result);
  g_assert_false (holboo_account_registry_load_finish (again, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);
}

/* Store paths */

static void
assert_safe_dir_name (const char *name)
{
  g_assert_nonnull (name);
  g_assert_cmpuint (strlen (name), >, 0);
  g_assert_cmpuint (strlen (name), <=, 128);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpstr (name, !=, ".");
  g_assert_cmpstr (name, !=, "..");
  g_assert_cmpint (name[0], !=, '.');
  g_assert_cmpint (name[0], !=, '-');
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (g_unichar_isgraph (c));
      g_assert_cmpint (c, !=, '/');
      g_assert_cmpint (c, !=, '\\');
    }
}

static void
test_store_path_hostile (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HolbooAccountRegistry) registry = holboo_account_registry_new (f->data_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_local = g_strnfill (1023, 'a');
  g_autofree char *long_jid = g_strconcat (long_local, "@example.mn", NULL);
  g_autofree char *long_jid2 = g_strconcat (long_local, "@example.org", NULL);
  const char *fixed[] = {
    "alice@example.mn", "..", ".", "", "../../etc/passwd", "a/../../b@c", "/absolute@x",
    ".hidden@example.mn", "-rf@example.mn", "a b@example.mn", "a%2Fb@example.mn", "a/b@example.mn",
    "a\\b@example.mn", "tab\t@x", "nl\n@x", "\xff\xfe@x", "\xc0\xaf@x", "rtl\u202Eexe.@x",
    "бат@жишээ.мн", "用户@例子.中国", "carol@[::1]", "%", "%25", "a%-b@x", "null\u200B@x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    g_ptr_array_add (inputs, g_strdup (fixed[i]));
  g_ptr_array_add (inputs, g_strdup (long_jid));
  g_ptr_array_add (inputs, g_strdup (long_jid2));
  g_ptr_array_add (inputs, g_strnfill (4000, '.'));
  g_ptr_array_add (inputs, g_strnfill (4001, '.'));
  {
    /* Long, and multi-byte right where the cut falls. */
    GString *s = g_string_new (NULL);

    for (guint i = 0; i < 200; i++)
      g_string_append (s, "ж");
    g_string_append (s, "@example.mn");
    g_ptr_array_add (inputs, g_string_free (s, FALSE));
  }

  for (guint i = 0; i < inputs->len; i++)
    {
      const char *input = g_ptr_array_index (inputs, i);
      char *name = holboo_account_dir_name_for_jid (input);
      g_autofree char *again = holboo_account_dir_name_for_jid (input);

      assert_safe_dir_name (name);
      g_assert_cmpstr (name, ==, again);
      /* Different inputs, different directories. */
      g_assert_false (g_hash_table_contains (names, name));
      g_hash_table_insert (names, name, g_strdup (input));
    }

  /* Readable where it can be. */
  {
    g_autofree char *plain = holboo_account_dir_name_for_jid ("alice@example.mn");
    g_autofree char *cyrillic = holboo_account_dir_name_for_jid ("бат@жишээ.мн");
    g_autofree char *slash = holboo_account_dir_name_for_jid ("../x");

    g_assert_cmpstr (plain, ==, "alice@example.mn");
    g_assert_cmpstr (cyrillic, ==, "бат@жишээ.мн");
    g_assert_cmpstr (slash, ==, "%2E.%2Fx");
  }

  /* Through the registry: the store is always one level below the data
   * directory, which is created 0700. */
  for (guint i = 0; i < 3; i++)
    {
      const char *jid = (const char *[]) { long_jid, "бат@жишээ.мн", "carol@[::1]" }[i];
      g_autoptr(HolbooAccountConfig) config = config_new (jid);
      g_autofree char *path = holboo_account_registry_ensure_store_path (registry, config, &error);
      g_autofree char *dir = NULL;
      g_autofree char *parent = NULL;
      g_autofree char *base = NULL;

      g_assert_no_error (error);
      dir = g_path_get_dirname (path);
      parent = g_path_get_dirname (dir);
      base = g_path_get_basename (path);
      g_assert_cmpstr (parent, ==, f->data_dir);
      g_assert_cmpstr (base, ==, "holboo.db");
      g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
      g_assert_cmpuint (holboo_test_file_mode (dir), ==, 0700);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/accounts/config/new", test_config_new);
  g_test_add_func ("/core/accounts/config/pin-and-settings", test_config_pin_and_settings);
  g_test_add ("/core/accounts/registry/round-trip", Fixture, NULL,
              fixture_set_up, test_registry_round_trip, fixture_tear_down);
  g_test_add ("/core/accounts/registry/several", Fixture, NULL,
              fixture_set_up, test_registry_several, fixture_tear_down);
  g_test_add ("/core/accounts/registry/missing-ca-file", Fixture, NULL,
              fixture_set_up, test_registry_missing_ca_file, fixture_tear_down);
  g_test_add ("/core/accounts/registry/corrupt", Fixture, NULL,
              fixture_set_up, test_registry_corrupt, fixture_tear_down);
  g_test_add ("/core/accounts/registry/save-without-load", Fixture, NULL,
              fixture_set_up, test_registry_save_without_load, fixture_tear_down);
  g_test_add ("/core/accounts/registry/unreadable", Fixture, NULL,
              fixture_set_up, test_registry_unreadable, fixture_tear_down);
  g_test_add ("/core/accounts/registry/unwritable", Fixture, NULL,
              fixture_set_up, test_registry_unwritable, fixture_tear_down);
  g_test_add ("/core/accounts/registry/async", Fixture, NULL,
              fixture_set_up, test_registry_async, fixture_tear_down);
  g_test_add ("/core/accounts/store-path/hostile", Fixture, NULL,
              fixture_set_up, test_store_path_hostile, fixture_tear_down);

  return g_test_run ();
}
