/* holboo-account-customers.c: reading an account's customers, and
 * matching an address to one (the screen pop)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each read runs on the store's worker after everything queued before
 * it — so it sees every op applied before it was asked for — and comes
 * back to a #GTask on the main thread.
 */

#define G_LOG_DOMAIN "holboo-account"

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-account-private.h"
#include "holboo-phone.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
holboo_customer_match_free (HolbooCustomerMatch *self)
{
  if (self == NULL)
    return;
  holboo_stored_customer_free (self->customer);
  holboo_customer_event_free (self->latest_note);
  g_free (self);
}

/* The countries Holboo's users call from: a number typed without its
 * country code is Mongolian (HOLBOO_PHONE_DEFAULT_REGION). */
#define DEFAULT_COUNTRY_CODE "976"

/**
 * holboo_customer_phone_digits:
 * @text: what the user typed in a search box
 *
 * Returns: (transfer full) (nullable): when @text looks like (the
 *   beginning of) a phone number — digits, spaces, "+", "-", "(", ")",
 *   three digits at least — the digits an E.164 number with it starts
 *   with, without the "+": "9911 22" → "976991122",
 *   "+7 495" → "7495", "00976 99" → "97699"; else %NULL
 */
char *
holboo_customer_phone_digits (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0)
        plus = TRUE;
      else if (strchr (" -()", *p) == NULL)
        return NULL;
    }
  if (digits->len < 3 || digits->len > 15)
    return NULL;
  if (!plus && g_str_has_prefix (digits->str, "00"))
    g_string_erase (digits, 0, 2);
  else if (!plus)
    g_string_prepend (digits, DEFAULT_COUNTRY_CODE);
  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static void
on_call_done (HolbooAccount      *self,
              HolbooAccountBatch *batch,
              gpointer            data)
{
  GTask *task = data;
  HolbooAccountOp *op = batch->ops->pdata[0];

  if (self == NULL)
    g_task_return_new_error (task, HOLBOO_ACCOUNT_ERROR, HOLBOO_ACCOUNT_ERROR_CLOSED,
                             "%s", _("The account is closing"));
  else if (op->error != NULL)
    g_task_return_error (task, g_error_copy (op->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&op->call_result), op->call_result_free);
}

static void
call_async (HolbooAccount         *self,
            HolbooAccountCallFunc  func,
            gpointer               data,
            GDestroyNotify         data_free,
            GDestroyNotify         result_free,
            gpointer               source_tag,
            GCancellable          *cancellable,
            GAsyncReadyCallback    callback,
            gpointer               user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  _holboo_account_call (self, func, data, data_free, result_free, on_call_done, task, g_object_unref);
}

static gpointer
finish (HolbooAccount  *self,
        GAsyncResult   *result,
        gpointer        source_tag,
        GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  char   *text;
  char   *phone_digits;
  char   *tag;
  char   *owner;
  char   *after_key;
  gint64  after_id;
  gboolean has_after;
  guint   limit;
} Search;

static void
search_free (Search *search)
{
  g_free (search->text);
  g_free (search->phone_digits);
  g_free (search->tag);
  g_free (search->owner);
  g_free (search->after_key);
  g_free (search);
}

static gpointer
search_run (HolbooStore  *store,
            gpointer      data,
            GError      **error)
{
  Search *search = data;
  HolbooCustomerCursor after = { search->after_key, search->after_id };
  HolbooCustomerQuery query = {
    .text = search->text,
    .phone_digits = search->phone_digits,
    .tag = search->tag,
    .owner = search->owner,
    .after = search->has_after ? &after : NULL,
    .limit = search->limit,
  };

  return holboo_store_search_customers (store, &query, error);
}

/**
 * holboo_account_search_customers_async:
 * @text: (nullable): what the user typed; %NULL or "" for everyone
 * @tag: (nullable): only customers with this tag
 * @owner: (nullable): only customers this member looks after
 * @after: (nullable): the page after this position
 * @limit: at most this many
 *
 * A page of the customers matching @text (by name, company, number,
 * address, tag or note), newest first; without @text, everyone by name.
 */
void
holboo_account_search_customers_async (HolbooAccount              *self,
                                       const char                 *text,
                                       const char                 *tag,
                                       const char                 *owner,
                                       const HolbooCustomerCursor *after,
                                       guint                       limit,
                                       GCancellable               *cancellable,
                                       GAsyncReadyCallback         callback,
                                       gpointer                    user_data)
{
  Search *search = g_new0 (Search, 1);

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));

  if (text != NULL && *text != '\0')
    {
      search->text = g_strdup (text);
      search->phone_digits = holboo_customer_phone_digits (text);
    }
  search->tag = g_strdup (tag);
  search->owner = g_strdup (owner);
  if (after != NULL)
    {
      search->has_after = TRUE;
      search->after_key = g_strdup (after->key);
      search->after_id = after->id;
    }
  search->limit = limit;
  call_async (self, search_run, search, (GDestroyNotify) search_free, (GDestroyNotify) g_ptr_array_unref,
              holboo_account_search_customers_async, cancellable, callback, user_data);
}

/**
 * holboo_account_search_customers_finish:
 *
 * Returns: (transfer full) (element-type HolbooStoredCustomer): the
 *   page, or %NULL with @error
 */
GPtrArray *
holboo_account_search_customers_finish (HolbooAccount  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  return finish (self, result, holboo_account_search_customers_async, error);
}

static gpointer
load_customer_run (HolbooStore  *store,
                   gpointer      data,
                   GError      **error)
{
  HolbooStoredCustomer *customer = holboo_store_load_customer (store, data, error);

  if (customer == NULL && error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no such customer"));
  return customer;
}

/**
 * holboo_account_load_customer_async:
 * @uuid: a customer's uuid
 *
 * Reads one customer; one merged into another is read as that one.  A
 * customer that does not exist (or was deleted) is %G_IO_ERROR_NOT_FOUND.
 */
void
holboo_account_load_customer_async (HolbooAccount       *self,
                                    const char          *uuid,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (uuid != NULL);

  call_async (self, load_customer_run, g_ascii_strdown (uuid, -1), g_free,
              (GDestroyNotify) holboo_stored_customer_free, holboo_account_load_customer_async,
              cancellable, callback, user_data);
}

HolbooStoredCustomer *
holboo_account_load_customer_finish (HolbooAccount  *self,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return finish (self, result, holboo_account_load_customer_async, error);
}

typedef struct {
  char                *uuid;
  HolbooCustomerEvent  before;
  gboolean             has_before;
  guint                limit;
} Events;

static void
events_free (Events *events)
{
  g_free (events->uuid);
  g_free (events);
}

static gpointer
events_run (HolbooStore  *store,
            gpointer      data,
            GError      **error)
{
  Events *events = data;

  return holboo_store_load_customer_events (store, events->uuid, events->has_before ? &events->before : NULL,
                                            events->limit, error);
}

/**
 * holboo_account_load_customer_events_async:
 * @uuid: a customer's uuid
 * @before: (nullable): the page older than this event; %NULL for the
 *   newest
 * @limit: at most this many
 *
 * A page of the customer's timeline, newest first.
 */
void
holboo_account_load_customer_events_async (HolbooAccount             *self,
                                           const char                *uuid,
                                           const HolbooCustomerEvent *before,
                                           guint                      limit,
                                           GCancellable              *cancellable,
                                           GAsyncReadyCallback        callback,
                                           gpointer                   user_data)
{
  Events *events = g_new0 (Events, 1);

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (uuid != NULL);

  events->uuid = g_ascii_strdown (uuid, -1);
  if (before != NULL)
    {
      events->has_before = TRUE;
      events->before.at = before->at;
      events->before.id = before->id;
    }
  events->limit = limit;
  call_async (self, events_run, events, (GDestroyNotify) events_free, (GDestroyNotify) g_ptr_array_unref,
              holboo_account_load_customer_events_async, cancellable, callback, user_data);
}

/**
 * holboo_account_load_customer_events_finish:
 *
 * Returns: (transfer full) (element-type HolbooCustomerEvent): the page,
 *   or %NULL with @error
 */
GPtrArray *
holboo_account_load_customer_events_finish (HolbooAccount  *self,
                                            GAsyncResult   *result,
                                            GError        **error)
{
  return finish (self, result, holboo_account_load_customer_events_async, error);
}

typedef struct {
  char *address;   /* an XMPP or e-mail address, lower-case */
  char *phone;     /* E.164 */
} Match;

static void
match_data_free (Match *match)
{
  g_free (match->address);
  g_free (match->phone);
  g_free (match);
}

/* NULL without error: nobody has that address. */
static gpointer
match_run (HolbooStore  *store,
           gpointer      data,
           GError      **error)
{
  Match *match = data;
  g_autofree char *uuid = NULL;
  g_autoptr(HolbooCustomerMatch) result = g_new0 (HolbooCustomerMatch, 1);
  GError *local_error = NULL;

  if (match->address != NULL)
    {
      uuid = holboo_store_find_customer (store, HOLBOO_CUSTOMER_HANDLE_XMPP, match->address, &local_error);
      if (uuid == NULL && local_error == NULL)
        uuid = holboo_store_find_customer (store, HOLBOO_CUSTOMER_HANDLE_EMAIL, match->address, &local_error);
    }
  else
    uuid = holboo_store_find_customer (store, HOLBOO_CUSTOMER_HANDLE_PHONE, match->phone, &local_error);
  if (uuid == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return NULL;
    }

  result->customer = holboo_store_load_customer (store, uuid, &local_error);
  if (result->customer != NULL)
    result->latest_note = holboo_store_load_latest_note (store, uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (result->customer == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

/**
 * holboo_account_match_customer_async:
 * @address: who is calling or writing: an XMPP address (a full one is
 *   taken as its bare address), an e-mail address or a phone number
 *
 * Finds the customer with that handle, and their newest note: what the
 * screen pop shows.
 */
void
holboo_account_match_customer_async (HolbooAccount       *self,
                                     const char          *address,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Match *match = g_new0 (Match, 1);

  g_return_if_fail (HOLBOO_IS_ACCOUNT (self));
  g_return_if_fail (address != NULL);

  if (strchr (address, '@') != NULL)
    {
      g_autofree char *bare = g_strndup (address, strcspn (address, "/"));

      match->address = g_utf8_strdown (bare, -1);
    }
  else
    match->phone = holboo_phone_normalize (address, NULL, NULL);

  if (match->address == NULL && match->phone == NULL)
    {
      /* Not an address anybody can have: nobody matches. */
      GTask *task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, holboo_account_match_customer_async);
      g_task_return_pointer (task, NULL, NULL);
      g_object_unref (task);
      match_data_free (match);
      return;
    }
  call_async (self, match_run, match, (GDestroyNotify) match_data_free,
              (GDestroyNotify) holboo_customer_match_free, holboo_account_match_customer_async,
              cancellable, callback, user_data);
}

/**
 * holboo_account_match_customer_finish:
 *
 * Returns: (transfer full) (nullable): the customer and their newest
 *   note, or %NULL: without @error when nobody has the address
 */
HolbooCustomerMatch *
holboo_account_match_customer_finish (HolbooAccount  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return finish (self, result, holboo_account_match_customer_async, error);
}
