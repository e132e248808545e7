/* holboo-store-customer-search.c: the customer list, one customer and
 * their timeline, read for the UI, the command-line tool and matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists are paged by key, never by offset: customers by (name, row id),
 * a timeline by (time, row id), newest first, along the index the
 * migration made for it.
 */

#define G_LOG_DOMAIN "holboo-store"

#include "config.h"

#include "holboo-store-customers.h"
#include "holboo-store-messages.h"
#include "holboo-store-private.h"

#include <string.h>

void
holboo_stored_customer_free (HolbooStoredCustomer *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->name);
  g_free (self->company);
  g_free (self->phones);
  g_free (self->emails);
  g_free (self->xmpp);
  g_free (self->owner);
  g_strfreev (self->tags);
  g_free (self->created_by);
  g_free (self);
}

/**
 * holboo_stored_customer_sort_key:
 *
 * Returns: (transfer full): where @self stands in the list: the key of
 *   a #HolbooCustomerCursor after it
 */
char *
holboo_stored_customer_sort_key (HolbooStoredCustomer *self)
{
  return g_strdup (self->name != NULL ? self->name : "");
}

void
holboo_customer_event_free (HolbooCustomerEvent *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->kind_name);
  g_free (self->author);
  g_free (self->body);
  g_free (self->data);
  g_free (self);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The columns every customer read selects, after the customer's row id
 * (column 0), for customer_from_row(). */
#define CUSTOMER_COLUMNS \
  "c.uuid, c.created_by, c.created_at," \
  " (SELECT value FROM customer_fields WHERE customer_id = c.id AND name = 'name')," \
  " (SELECT value FROM customer_fields WHERE customer_id = c.id AND name = 'company')," \
  " (SELECT value FROM customer_fields WHERE customer_id = c.id AND name = 'phones')," \
  " (SELECT value FROM customer_fields WHERE customer_id = c.id AND name = 'emails')," \
  " (SELECT value FROM customer_fields WHERE customer_id = c.id AND name = 'xmpp')," \
  " (SELECT value FROM customer_fields WHERE customer_id = c.id AND name = 'owner')," \
  " (SELECT group_concat (tag, char (10)) FROM" \
  "   (SELECT tag FROM customer_tags WHERE customer_id = c.id ORDER BY tag))"

static HolbooStoredCustomer *
customer_from_row (sqlite3_stmt *stmt)
{
  HolbooStoredCustomer *customer = g_new0 (HolbooStoredCustomer, 1);
  const char *tags = (const char *) sqlite3_column_text (stmt, 10);

  customer->id = sqlite3_column_int64 (stmt, 0);
  customer->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  customer->created_by = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  customer->created_at = sqlite3_column_int64 (stmt, 3);
  customer->name = dup_column (stmt, 4);
  customer->company = dup_column (stmt, 5);
  customer->phones = dup_column (stmt, 6);
  customer->emails = dup_column (stmt, 7);
  customer->xmpp = dup_column (stmt, 8);
  customer->owner = dup_column (stmt, 9);
  customer->tags = tags != NULL ? g_strsplit (tags, "\n", -1) : g_new0 (char *, 1);
  return customer;
}

/* The customers matching the text: by their fields (customers_fts), a
 * tag, a note, a number's beginning or an address's beginning (text
 * with an "@" is searched as an address only); only those before the cursor
 * (?8, a row id), newest first.  ?10 limits each way of matching to a
 * page when nothing else filters (a customer found by its fields or a
 * tag is then exactly in order); notes count by the newest
 * MAX_NOTE_MATCHES that match, so that a common word is never followed
 * through every note. */
#define MAX_NOTE_MATCHES "500"
#define MATCHING \
  " SELECT id FROM (SELECT rowid AS id FROM customers_fts WHERE customers_fts MATCH ?1" \
  "   AND (?8 IS NULL OR rowid < ?8) ORDER BY rowid DESC LIMIT ?10)" \
  " UNION SELECT id FROM (SELECT customer_id AS id FROM customer_tags INDEXED BY customer_tags_by_tag" \
  "   WHERE tag = ?2 AND (?8 IS NULL OR customer_id < ?8) ORDER BY customer_id DESC LIMIT ?10)" \
  " UNION SELECT e.customer_id FROM customer_events e WHERE e.id IN" \
  "   (SELECT rowid FROM customer_events_fts WHERE customer_events_fts MATCH ?1" \
  "    ORDER BY rowid DESC LIMIT " MAX_NOTE_MATCHES ")" \
  "   AND (?8 IS NULL OR e.customer_id < ?8)" \
  " UNION SELECT customer_id FROM customer_handles WHERE ?3 IS NOT NULL AND kind = 0" \
  "   AND value >= ?3 AND value < ?3 || ':'" \
  " UNION SELECT customer_id FROM customer_handles WHERE ?11 IS NOT NULL AND kind IN (1, 2)" \
  "   AND value >= ?11 AND value < ?11 || x'f4'"

#define FILTERS \
  " AND (?5 IS NULL OR EXISTS (SELECT 1 FROM customer_tags t" \
  "      WHERE t.customer_id = c.id AND t.tag = ?5))" \
  " AND (?6 IS NULL OR EXISTS (SELECT 1 FROM customer_fields o" \
  "      WHERE o.customer_id = c.id AND o.name = 'owner' AND o.value = ?6))"

/* The whole list goes by name, along the name index (migration 9), so
 * its pages never sort it all; a customer without a name (written by
 * some other client) is found by searching, not listed.
 *
 * A search goes newest customer first: it starts from the matching
 * customers (CROSS JOIN keeps that order of the loops), picks the page
 * by row id — a search that matches thousands (a common name, "Сар" as
 * it is typed) never reads all their names to sort them — and only
 * then reads the page's columns.
 *
 * Parameters a statement does not use are bound all the same,
 * harmlessly. */
#define SEARCH_SQL \
  "SELECT c.id, " CUSTOMER_COLUMNS " FROM" \
  " (SELECT m.id AS id FROM (" MATCHING ") m" \
  "  CROSS JOIN customers c ON c.id = m.id" \
  "  WHERE c.deleted = 0" FILTERS \
  "  AND (?8 IS NULL OR m.id < ?8)" \
  "  ORDER BY m.id DESC LIMIT ?9) p" \
  " CROSS JOIN customers c ON c.id = p.id ORDER BY p.id DESC"

#define LIST_SQL \
  "SELECT c.id, " CUSTOMER_COLUMNS " FROM customer_fields n INDEXED BY customer_fields_by_value" \
  " JOIN customers c ON c.id = n.customer_id" \
  " WHERE n.name = 'name' AND c.deleted = 0" FILTERS \
  " AND (?7 IS NULL OR (n.value, n.customer_id) > (?7, ?8))" \
  " ORDER BY n.value, n.customer_id LIMIT ?9"

/**
 * holboo_store_search_customers:
 *
 * The customers (not deleted) matching @query: the whole list ordered
 * by name, a search's matches newest first.
 *
 * Returns: (transfer full) (element-type HolbooStoredCustomer): a page,
 *   or %NULL with @error
 */
GPtrArray *
holboo_store_search_customers (HolbooStore                *self,
                               const HolbooCustomerQuery  *query,
                               GError                    **error)
{
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_stored_customer_free);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  g_autofree char *match = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *tag_text = NULL;
  g_autofree char *address = NULL;
  gboolean searching;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* "client42@exa…": an address being typed, found by its beginning
   * among the addresses; as words, "example" would match everyone. */
  if (query->text != NULL)
    tag_text = g_strstrip (g_strdup (query->text));
  if (tag_text != NULL && strchr (tag_text, '@') != NULL && strpbrk (tag_text, " \t\n") == NULL &&
      g_utf8_validate (tag_text, -1, NULL))
    address = g_utf8_strdown (tag_text, -1);
  else
    match = holboo_store_build_fts_query (query->text);
  if (query->phone_digits != NULL && *query->phone_digits != '\0')
    phone = g_strconcat ("+", query->phone_digits, NULL);
  searching = match != NULL || phone != NULL || address != NULL;
  if (!searching && query->text != NULL && *tag_text != '\0')
    return g_steal_pointer (&customers);   /* nothing searchable typed: nothing matches */

  /* A search starts from the matching customers; the whole list from
   * the name index (migration 9), so its pages never sort it all. */
  stmt = _holboo_store_prepare (self, searching ? SEARCH_SQL : LIST_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match != NULL ? match : "\"\"", -1, SQLITE_TRANSIENT);
  if (tag_text != NULL && *tag_text != '\0')
    sqlite3_bind_text (stmt, 2, tag_text, -1, SQLITE_TRANSIENT);
  if (phone != NULL)
    sqlite3_bind_text (stmt, 3, phone, -1, SQLITE_TRANSIENT);
  if (query->tag != NULL)
    sqlite3_bind_text (stmt, 5, query->tag, -1, SQLITE_TRANSIENT);
  if (query->owner != NULL)
    sqlite3_bind_text (stmt, 6, query->owner, -1, SQLITE_TRANSIENT);
  if (query->after != NULL)
    {
      if (!searching)
        sqlite3_bind_text (stmt, 7, query->after->key != NULL ? query->after->key : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 8, query->after->id);
    }
  sqlite3_bind_int64 (stmt, 9, query->limit > 0 ? query->limit : G_MAXINT);
  if (address != NULL)
    sqlite3_bind_text (stmt, 11, address, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 10, query->limit > 0 && query->tag == NULL && query->owner == NULL ? (gint64) query->limit : -1);

  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (customers, customer_from_row (stmt));
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&customers);
}

/**
 * holboo_store_load_customer:
 * @uuid: a customer's uuid
 *
 * Returns: (transfer full) (nullable): the customer (not deleted; one
 *   merged into another is found as that one), or %NULL — without
 *   @error when there is none
 */
HolbooStoredCustomer *
holboo_store_load_customer (HolbooStore  *self,
                            const char   *uuid,
                            GError      **error)
{
  g_autofree char *current = g_strdup (uuid);

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  /* Merges are followed a few hops; a longer chain is a broken log. */
  for (guint hop = 0; hop < 16; hop++)
    {
      g_autoptr(HolbooStoreStmt) stmt = NULL;
      int rc;

      stmt = _holboo_store_prepare (self,
                                    "SELECT c.id, " CUSTOMER_COLUMNS ", c.deleted, c.merged_into"
                                    " FROM customers c WHERE c.uuid = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, current, -1, SQLITE_TRANSIENT);
      rc = _holboo_store_step (self, stmt, error);
      if (rc != SQLITE_ROW)
        return NULL;
      if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
        {
          g_free (current);
          current = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
          continue;
        }
      if (sqlite3_column_int (stmt, 11) != 0)
        return NULL;
      return customer_from_row (stmt);
    }
  return NULL;
}

static HolbooCustomerEventKind
event_kind_from_string (const char *kind)
{
  if (g_strcmp0 (kind, "note") == 0)
    return HOLBOO_CUSTOMER_EVENT_NOTE;
  if (g_strcmp0 (kind, "call") == 0)
    return HOLBOO_CUSTOMER_EVENT_CALL;
  if (g_strcmp0 (kind, "chat") == 0)
    return HOLBOO_CUSTOMER_EVENT_CHAT;
  if (g_strcmp0 (kind, "satisfaction") == 0)
    return HOLBOO_CUSTOMER_EVENT_SATISFACTION;
  return HOLBOO_CUSTOMER_EVENT_OTHER;
}

static HolbooCustomerEvent *
event_from_row (sqlite3_stmt *stmt)
{
  HolbooCustomerEvent *event = g_new0 (HolbooCustomerEvent, 1);

  event->id = sqlite3_column_int64 (stmt, 0);
  event->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  event->kind_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  event->kind = event_kind_from_string (event->kind_name);
  event->at = sqlite3_column_int64 (stmt, 3);
  event->author = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  event->body = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  event->data = dup_column (stmt, 6);
  return event;
}

/**
 * holboo_store_load_customer_events:
 * @uuid: a customer's uuid
 * @before: (nullable): the page older than this event; %NULL for the
 *   newest
 * @limit: at most this many
 *
 * A page of the customer's timeline, newest first (deleted notes left
 * out).
 *
 * Returns: (transfer full) (element-type HolbooCustomerEvent): the page
 *   (empty for an unknown customer), or %NULL with @error
 */
GPtrArray *
holboo_store_load_customer_events (HolbooStore                *self,
                                   const char                 *uuid,
                                   const HolbooCustomerEvent  *before,
                                   guint                       limit,
                                   GError                    **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_customer_event_free);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT e.id, e.uuid, e.kind, e.at, e.author, e.body, e.data"
                                " FROM customer_events e"
                                " WHERE e.customer_id = (SELECT id FROM customers WHERE uuid = ?1)"
                                " AND e.deleted = 0"
                                " AND (?2 IS NULL OR (e.at, e.id) < (?2, ?3))"
                                " ORDER BY e.at DESC, e.id DESC LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (before != NULL)
    {
      sqlite3_bind_int64 (stmt, 2, before->at);
      sqlite3_bind_int64 (stmt, 3, before->id);
    }
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? limit : G_MAXINT);
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt));
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&events);
}

/**
 * holboo_store_load_latest_note:
 *
 * Returns: (transfer full) (nullable): the customer's newest note, or
 *   %NULL — without @error when they have none
 */
HolbooCustomerEvent *
holboo_store_load_latest_note (HolbooStore  *self,
                               const char   *uuid,
                               GError      **error)
{
  g_autoptr(HolbooStoreStmt) stmt = NULL;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT e.id, e.uuid, e.kind, e.at, e.author, e.body, e.data"
                                " FROM customer_events e"
                                " WHERE e.customer_id = (SELECT id FROM customers WHERE uuid = ?1)"
                                " AND e.kind = 'note' AND e.deleted = 0"
                                " ORDER BY e.at DESC, e.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (_holboo_store_step (self, stmt, error) != SQLITE_ROW)
    return NULL;
  return event_from_row (stmt);
}

/**
 * holboo_store_list_customer_tags:
 *
 * Returns: (transfer full) (element-type utf8): every tag in use, sorted,
 *   or %NULL with @error
 */
GPtrArray *
holboo_store_list_customer_tags (HolbooStore  *self,
                                 GError      **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HolbooStoreStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HOLBOO_IS_STORE (self), NULL);

  stmt = _holboo_store_prepare (self,
                                "SELECT DISTINCT t.tag FROM customer_tags t JOIN customers c ON c.id = t.customer_id"
                                " WHERE c.deleted = 0 ORDER BY t.tag", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _holboo_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (tags, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&tags);
}
