/* test-store-roster.c: the roster and the blocklist in a real SQLite
 * file: whole-roster replacement, pushes, removal with its groups, the
 * roster version written with the items (and not without them), and
 * the blocklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "holboo-store-roster.h"
#include "store-message-util.h"

static HolbooStoredRosterItem *
item_new (const char         *jid,
          const char         *name,
          int                 subscription,
          const char * const *groups)
{
  HolbooStoredRosterItem *item = holboo_stored_roster_item_new (jid);

  item->name = g_strdup (name);
  item->subscription = subscription;
  if (groups != NULL)
    {
      g_strfreev (item->groups);
      item->groups = g_strdupv ((char **) groups);
    }
  return item;
}

static HolbooStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HolbooStore *store = holboo_store_new (f->path, NULL, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_roster_replace_and_push (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(HolbooStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_roster_item_free);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(HolbooStoredRosterItem) update = NULL;
  g_autofree char *ver = NULL;
  HolbooStoredRosterItem *item;

  g_ptr_array_add (items, item_new ("bat@example.mn", "Бат", 3, (const char * const[]) { "Ажил", "VIP", NULL }));
  g_ptr_array_add (items, item_new ("ann@example.mn", NULL, 1, NULL));
  g_assert_true (holboo_store_roster_replace (store, (HolbooStoredRosterItem **) items->pdata, items->len,
                                              "v1", &error));
  g_assert_no_error (error);

  loaded = holboo_store_roster_load (store, &ver, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ver, ==, "v1");
  g_assert_cmpuint (loaded->len, ==, 2);
  item = loaded->pdata[0];
  g_assert_cmpstr (item->jid, ==, "ann@example.mn");
  g_assert_null (item->name);
  g_assert_cmpuint (g_strv_length (item->groups), ==, 0);
  item = loaded->pdata[1];
  g_assert_cmpstr (item->name, ==, "Бат");
  g_assert_cmpint (item->subscription, ==, 3);
  g_assert_cmpuint (g_strv_length (item->groups), ==, 2);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_clear_pointer (&ver, g_free);

  /* A push: renamed, out of a group, asked. */
  update = item_new ("bat@example.mn", "Бат-Эрдэнэ", 3, (const char * const[]) { "VIP", NULL });
  update->ask = TRUE;
  g_assert_true (holboo_store_roster_put (store, update, "v2", &error));
  g_assert_no_error (error);
  loaded = holboo_store_roster_load (store, &ver, &error);
  g_assert_cmpstr (ver, ==, "v2");
  item = loaded->pdata[1];
  g_assert_cmpstr (item->name, ==, "Бат-Эрдэнэ");
  g_assert_true (item->ask);
  g_assert_cmpstr (item->groups[0], ==, "VIP");
  g_assert_null (item->groups[1]);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_clear_pointer (&ver, g_free);

  /* Removal takes the groups with it. */
  g_assert_true (holboo_store_roster_remove (store, "bat@example.mn", "v3", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM roster_groups"), ==, 0);
  loaded = holboo_store_roster_load (store, &ver, &error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (ver, ==, "v3");
  g_clear_pointer (&loaded, g_ptr_array_unref);
  g_clear_pointer (&ver, g_free);

  /* A server without versioning: no version kept. */
  g_assert_true (holboo_store_roster_replace (store, NULL, 0, NULL, &error));
  loaded = holboo_store_roster_load (store, &ver, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 0);
  g_assert_null (ver);
}

static void
test_roster_invalid_rolls_back (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(HolbooStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooStoredRosterItem) good = item_new ("bat@example.mn", "Бат", 3, NULL);
  g_autoptr(HolbooStoredRosterItem) bad = item_new ("eve@example.mn", NULL, 7, NULL);
  g_autoptr(HolbooStoredRosterItem) empty = item_new ("", NULL, 0, NULL);
  HolbooStoredRosterItem *both[] = { good, bad };
  g_autoptr(GPtrArray) loaded = NULL;
  g_autofree char *ver = NULL;

  g_assert_true (holboo_store_roster_put (store, good, "v1", &error));
  g_assert_no_error (error);

  /* The whole replacement fails; the roster and its version stay. */
  g_assert_false (holboo_store_roster_replace (store, both, 2, "v9", &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (holboo_store_roster_put (store, empty, "v9", &error));
  g_assert_error (error, HOLBOO_STORE_ERROR, HOLBOO_STORE_ERROR_INVALID);
  g_clear_error (&error);

  loaded = holboo_store_roster_load (store, &ver, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  g_assert_cmpstr (ver, ==, "v1");
}

static void
test_blocklist (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HolbooStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jids = NULL;

  g_assert_true (holboo_store_blocklist_replace (store, (const char * const[]) { "b@x.mn", "a@x.mn", NULL }, &error));
  g_assert_true (holboo_store_blocklist_add (store, (const char * const[]) { "spam.example", "a@x.mn", NULL }, &error));
  g_assert_true (holboo_store_blocklist_remove (store, (const char * const[]) { "b@x.mn", NULL }, &error));
  g_assert_no_error (error);
  jids = holboo_store_blocklist_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jids->len, ==, 2);
  g_assert_cmpstr (jids->pdata[0], ==, "a@x.mn");
  g_assert_cmpstr (jids->pdata[1], ==, "spam.example");
  g_clear_pointer (&jids, g_ptr_array_unref);

  g_assert_true (holboo_store_blocklist_remove (store, NULL, &error));
  jids = holboo_store_blocklist_load (store, &error);
  g_assert_cmpuint (jids->len, ==, 0);
}

/* Contacts are there when the file is opened again (offline). */
static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(HolbooStore) store = open_store (f);
    g_autoptr(HolbooStoredRosterItem) bat = item_new ("bat@example.mn", "Бат", 2, NULL);

    g_assert_true (holboo_store_roster_put (store, bat, "v5", &error));
    g_assert_true (holboo_store_blocklist_add (store, (const char * const[]) { "eve@example.mn", NULL }, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(HolbooStore) store = open_store (f);
    g_autofree char *ver = NULL;
    g_autoptr(GPtrArray) roster = holboo_store_roster_load (store, &ver, &error);
    g_autoptr(GPtrArray) blocked = holboo_store_blocklist_load (store, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (roster->len, ==, 1);
    g_assert_cmpstr (ver, ==, "v5");
    g_assert_cmpuint (blocked->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/roster/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("replace-and-push", test_roster_replace_and_push);
  ADD ("invalid-rolls-back", test_roster_invalid_rolls_back);
  ADD ("blocklist", test_blocklist);
  ADD ("reopen", test_reopen);
#undef ADD

  return g_test_run ();
}
