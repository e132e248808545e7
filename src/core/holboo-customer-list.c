/* holboo-customer-list.c: the customers matching a search, a page at a
 * time, as a GListModel of #HolbooCustomerItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everyone by name, or a search's matches newest first, paged by key
 * from the store's worker: the first page
 * when the search changes, the next when the view asks for more
 * (holboo_customer_list_load_more(), e.g. when it is scrolled to its
 * end).  A reload (the customers changed) reads again as many as are
 * shown.  Answers to an older search are dropped.
 */

#define G_LOG_DOMAIN "holboo-customer-list"

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-customer-list.h"

struct _HolbooCustomerList
{
  GObject        parent_instance;

  HolbooAccount *account;
  char          *text;
  char          *tag;
  GPtrArray     *items;          /* (element-type HolbooCustomerItem) */
  GCancellable  *cancellable;    /* of the read under way */
  guint          generation;     /* of the search: older answers are dropped */
  gboolean       loading;
  gboolean       loaded;         /* the first page of this search arrived */
  gboolean       complete;       /* every match is in @items */
};

enum {
  PROP_0,
  PROP_LOADED,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return HOLBOO_TYPE_CUSTOMER_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return HOLBOO_CUSTOMER_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HolbooCustomerList *self = HOLBOO_CUSTOMER_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooCustomerList, holboo_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

typedef struct {
  HolbooCustomerList *self;      /* a weak pointer */
  guint               generation;
  gboolean            replace;   /* a reload: the answer replaces @items */
  guint               limit;
} Read;

static void
read_free (Read *read)
{
  g_clear_weak_pointer (&read->self);
  g_free (read);
}

static void
set_flags (HolbooCustomerList *self,
           gboolean            loaded,
           gboolean            complete)
{
  if (self->loaded != loaded)
    {
      self->loaded = loaded;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
  if (self->complete != complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
}

static void
on_page_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Read *read = user_data;
  HolbooCustomerList *self = read->self;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  guint removed = 0, position;

  page = holboo_account_search_customers_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (self == NULL || read->generation != self->generation)
    {
      read_free (read);
      return;
    }
  self->loading = FALSE;
  g_clear_object (&self->cancellable);
  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the customers: %s", error->message);
      read_free (read);
      return;
    }

  if (read->replace)
    {
      removed = self->items->len;
      g_ptr_array_set_size (self->items, 0);
    }
  position = self->items->len;
  for (guint i = 0; i < page->len; i++)
    g_ptr_array_add (self->items, holboo_customer_item_new (g_steal_pointer (&page->pdata[i])));
  g_list_model_items_changed (G_LIST_MODEL (self), read->replace ? 0 : position, removed,
                              self->items->len - (read->replace ? 0 : position));
  set_flags (self, TRUE, page->len < read->limit);
  read_free (read);
}

static void
read_page (HolbooCustomerList *self,
           gboolean            replace,
           guint               limit)
{
  Read *read = g_new0 (Read, 1);
  HolbooCustomerCursor after = { 0 };
  g_autofree char *key = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  g_set_weak_pointer (&read->self, self);
  read->generation = self->generation;
  read->replace = replace;
  read->limit = limit;
  if (!replace && self->items->len > 0)
    {
      HolbooStoredCustomer *last = holboo_customer_item_get_customer (self->items->pdata[self->items->len - 1]);

      key = holboo_stored_customer_sort_key (last);
      after.key = key;
      after.id = last->id;
    }
  holboo_account_search_customers_async (self->account, self->text, self->tag, NULL,
                                         !replace && self->items->len > 0 ? &after : NULL, limit,
                                         self->cancellable, on_page_read, read);
}

static void
holboo_customer_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HolbooCustomerList *self = HOLBOO_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_customer_list_dispose (GObject *object)
{
  HolbooCustomerList *self = HOLBOO_CUSTOMER_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (holboo_customer_list_parent_class)->dispose (object);
}

static void
holboo_customer_list_finalize (GObject *object)
{
  HolbooCustomerList *self = HOLBOO_CUSTOMER_LIST (object);

  g_free (self->text);
  g_free (self->tag);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (holboo_customer_list_parent_class)->finalize (object);
}

static void
holboo_customer_list_class_init (HolbooCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_customer_list_get_property;
  object_class->dispose = holboo_customer_list_dispose;
  object_class->finalize = holboo_customer_list_finalize;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_customer_list_init (HolbooCustomerList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * holboo_customer_list_new:
 *
 * Returns: (transfer full): the list of everyone, its first page on the
 *   way
 */
HolbooCustomerList *
holboo_customer_list_new (HolbooAccount *account)
{
  HolbooCustomerList *self;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (account), NULL);

  self = g_object_new (HOLBOO_TYPE_CUSTOMER_LIST, NULL);
  self->account = g_object_ref (account);
  read_page (self, TRUE, HOLBOO_CUSTOMER_LIST_PAGE);
  return self;
}

HolbooAccount *
holboo_customer_list_get_account (HolbooCustomerList *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_LIST (self), NULL);
  return self->account;
}

/**
 * holboo_customer_list_set_query:
 * @text: (nullable): what the user typed
 * @tag: (nullable): only customers with this tag
 *
 * Starts over with the first page of the new search; the items stay
 * until it arrives, so typing does not flicker.
 */
void
holboo_customer_list_set_query (HolbooCustomerList *self,
                                const char         *text,
                                const char         *tag)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_LIST (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (text, self->text) == 0 && g_strcmp0 (tag, self->tag) == 0 && self->loaded)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_free (self->tag);
  self->tag = g_strdup (tag);
  self->generation++;
  set_flags (self, FALSE, FALSE);
  read_page (self, TRUE, HOLBOO_CUSTOMER_LIST_PAGE);
}

const char *
holboo_customer_list_get_text (HolbooCustomerList *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_LIST (self), NULL);
  return self->text;
}

/**
 * holboo_customer_list_load_more:
 *
 * Reads the next page, unless every match is in or a read is under way.
 */
void
holboo_customer_list_load_more (HolbooCustomerList *self)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_LIST (self));

  if (self->loading || self->complete || !self->loaded)
    return;
  read_page (self, FALSE, HOLBOO_CUSTOMER_LIST_PAGE);
}

/**
 * holboo_customer_list_reload:
 *
 * Reads again as many customers as are shown (a page at least): for
 * when the customers changed.
 */
void
holboo_customer_list_reload (HolbooCustomerList *self)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_LIST (self));

  self->generation++;
  read_page (self, TRUE, MAX (self->items->len, HOLBOO_CUSTOMER_LIST_PAGE));
}

gboolean
holboo_customer_list_get_loaded (HolbooCustomerList *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_LIST (self), FALSE);
  return self->loaded;
}

gboolean
holboo_customer_list_get_complete (HolbooCustomerList *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_LIST (self), FALSE);
  return self->complete;
}

/**
 * holboo_customer_list_find:
 *
 * Returns: the position of the customer with @uuid, or
 *   %G_MAXUINT when it is not in the list (yet)
 */
guint
holboo_customer_list_find (HolbooCustomerList *self,
                           const char         *uuid)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_LIST (self), G_MAXUINT);

  for (guint i = 0; uuid != NULL && i < self->items->len; i++)
    if (g_strcmp0 (holboo_customer_item_get_customer (self->items->pdata[i])->uuid, uuid) == 0)
      return i;
  return G_MAXUINT;
}
