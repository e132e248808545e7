/* holboo-store-customers.c: reading the customers the team log built
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-private.h"
#include "holboo-store-teamlog.h"

/**
 * holboo_store_get_customer_fields:
 * @customer: a customer's uuid
 *
 * Returns: (transfer full) (element-type utf8 utf8) (nullable): the
 *   customer's fields by name (empty for an unknown customer), or %NULL
 *   with @error
 */
GHashTable *
holboo_store_get_customer_fields (HolbooStore  *self,
                                  const char   *customer,
                                  GError      **error)
{
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (customer != NULL, NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT f.name, f.value FROM customer_fields f"
                                " JOIN customers c ON c.id = f.customer_id WHERE c.uuid = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, customer, -1, SQLITE_TRANSIENT);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (fields, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&fields);
}

/**
 * holboo_store_find_customer:
 * @value: a normalised phone number, e-mail or XMPP address
 *
 * Returns: (transfer full) (nullable): the uuid of the customer (not
 *   deleted) with that handle — the earliest created if several have
 *   it — or %NULL (without @error if there is none)
 */
char *
holboo_store_find_customer (HolbooStore               *self,
                            HolbooCustomerHandleKind   kind,
                            const char                *value,
                            GError                   **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (value != NULL, NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT c.uuid FROM customer_handles h JOIN customers c ON c.id = h.customer_id"
                                " WHERE h.kind = ? AND h.value = ? AND c.deleted = 0 ORDER BY c.id LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
append_escaped (GString    *out,
                const char *text)
{
  /* One record a line: newlines and backslashes written as \n and \\. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\\')
        g_string_append (out, "\\\\");
      else
        g_string_append_c (out, *p);
    }
}

static gboolean
dump_rows (HolbooStore  *self,
           GString      *out,
           const char   *prefix,
           const char   *sql,
           gint64        customer_id,
           GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = _holboo_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_string_append (out, prefix);
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          g_string_append_c (out, i == 0 ? ' ' : '\t');
          if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
            g_string_append (out, "-");
          else
            append_escaped (out, (const char *) sqlite3_column_text (stmt, i));
        }
      g_string_append_c (out, '\n');
    }
  return rc != 0;
}

/**
 * holboo_store_dump_customers:
 *
 * The whole customer state in a stable order and form, one record a
 * line, without anything local (row ids, arrival order, ops still in
 * the outbox): two members who applied the same log have the same
 * text, byte for byte.  Deleted customers are listed without their
 * fields, tags and timeline.
 *
 * Returns: (transfer full) (nullable): the dump, or %NULL with @error
 */
char *
holboo_store_dump_customers (HolbooStore  *self,
                             GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT id, uuid, created_by, created_at, deleted, merged_into"
                                " FROM customers ORDER BY uuid", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *merged_into = (const char *) sqlite3_column_text (stmt, 5);

      g_string_append_printf (out, "customer %s\t%s\t%" G_GINT64_FORMAT "\tdeleted=%d\tmerged_into=%s\n",
                              sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                              (gint64) sqlite3_column_int64 (stmt, 3), sqlite3_column_int (stmt, 4),
                              merged_into != NULL ? merged_into : "-");
      /* A deleted customer's rows count for nothing: what reached it
       * after the delete (an edit typed before it arrived) may differ
       * from member to member. */
      if (sqlite3_column_int (stmt, 4) != 0)
        continue;
      if (!dump_rows (self, out, "  field", "SELECT name, value FROM customer_fields"
                      " WHERE customer_id = ? ORDER BY name", id, error) ||
          !dump_rows (self, out, "  tag", "SELECT tag FROM customer_tags"
                      " WHERE customer_id = ? ORDER BY tag", id, error) ||
          !dump_rows (self, out, "  event", "SELECT uuid, kind, at, author, deleted, body, data"
                      " FROM customer_events WHERE customer_id = ? ORDER BY uuid", id, error))
        return NULL;
    }
  if (rc == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
