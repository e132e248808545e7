/* contacts-test-util.c: helpers for the contacts tests against the
 * harness's real Prosody or ejabberd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "contacts-test-util.h"
#include "holboo-xml-stream.h"

#include <sqlite3.h>
#include <string.h>


HolbooXmlNode *
parse_printf (const char *format,
              ...)
{
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  HolbooXmlNode *node;
  va_list args;

  va_start (args, format);
  xml = g_strdup_vprintf (format, args);
  va_end (args);
  node = holboo_xml_parse_element (xml, strlen (xml), NULL, &error);
  g_assert_no_error (error);
  return node;
}

void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

void
finish_ok (HolbooAccount  *account,
           GAsyncResult  **result,
           FinishFunc      finish)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (live_wait (result_ready, result, WAIT_MS));
  g_assert_true (finish (account, *result, &error));
  g_assert_no_error (error);
  g_clear_object (result);
}

gboolean
subscription_is (gpointer data)
{
  Expect *e = data;
  HolbooContact *contact = holboo_account_lookup_contact (e->live->account, e->jid);

  return contact != NULL && holboo_contact_get_subscription (contact) == e->subscription &&
         !holboo_contact_get_ask (contact);
}

gboolean
show_is (gpointer data)
{
  Expect *e = data;
  HolbooContact *contact = holboo_account_lookup_contact (e->live->account, e->jid);

  return contact != NULL && holboo_contact_get_show (contact) == e->show &&
         g_strcmp0 (holboo_contact_get_status (contact), e->status) == 0;
}

gboolean
name_is (gpointer data)
{
  Expect *e = data;
  HolbooContact *contact = holboo_account_lookup_contact (e->live->account, e->jid);

  return contact != NULL && g_strcmp0 (holboo_contact_get_name (contact), e->name) == 0;
}

gboolean
contact_gone (gpointer data)
{
  Expect *e = data;

  return holboo_account_lookup_contact (e->live->account, e->jid) == NULL;
}

gboolean
n_contacts_is (gpointer data)
{
  Expect *e = data;

  return g_list_model_get_n_items (holboo_account_get_contacts (e->live->account)) == e->subscription;
}

gboolean
caps_known (gpointer data)
{
  Expect *e = data;

  return holboo_account_lookup_caps (e->live->account, e->jid) != NULL;
}

gboolean
blocked_is (gpointer data)
{
  Expect *e = data;

  return holboo_account_is_blocked (e->live->account, e->jid) == (gboolean) e->subscription;
}

const char *
full_jid (LiveAccount *live)
{
  return holboo_jid_to_string (holboo_xmpp_connection_get_bound_jid (holboo_account_get_connection (live->account)));
}

void
receive (LiveAccount *live,
         const char  *xml)
{
  g_autoptr(HolbooXmlNode) stanza = parse_printf ("%s", xml);

  g_assert_true (_holboo_account_receive_contact_stanza (live->account, stanza));
}

char *
store_meta (const char *path,
            const char *key)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = ?1;", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}
