/* holboo-customer-timeline.c: one customer's timeline, newest first, a
 * page at a time, as a GListModel of #HolbooCustomerEventItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Paged by (time, row id) from the store's worker: the newest page
 * first, older ones when the view asks for more
 * (holboo_customer_timeline_load_more(), e.g. when it is scrolled to
 * its end).  A reload (a note was added) reads again as many as are
 * shown.  Answers to an older read are dropped.
 */

#define G_LOG_DOMAIN "holboo-customer-timeline"

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-customer-timeline.h"

struct _HolbooCustomerTimeline
{
  GObject        parent_instance;

  HolbooAccount *account;
  char          *customer;
  GPtrArray     *items;          /* (element-type HolbooCustomerEventItem) */
  GCancellable  *cancellable;    /* of the read under way */
  guint          generation;     /* of the read: older answers are dropped */
  gboolean       loading;
  gboolean       loaded;         /* the first page arrived */
  gboolean       complete;       /* every entry is in @items */
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
  return HOLBOO_TYPE_CUSTOMER_EVENT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return HOLBOO_CUSTOMER_TIMELINE (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HolbooCustomerTimeline *self = HOLBOO_CUSTOMER_TIMELINE (model);

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

G_DEFINE_FINAL_TYPE_WITH_CODE (HolbooCustomerTimeline, holboo_customer_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

typedef struct {
  HolbooCustomerTimeline *self;      /* a weak pointer */
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
set_flags (HolbooCustomerTimeline *self,
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
  HolbooCustomerTimeline *self = read->self;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  guint removed = 0, position;

  page = holboo_account_load_customer_events_finish (HOLBOO_ACCOUNT (source), result, &error);
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
        g_warning ("Cannot read the timeline: %s", error->message);
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
    g_ptr_array_add (self->items, holboo_customer_event_item_new (g_steal_pointer (&page->pdata[i])));
  g_list_model_items_changed (G_LIST_MODEL (self), read->replace ? 0 : position, removed,
                              self->items->len - (read->replace ? 0 : position));
  set_flags (self, TRUE, page->len < read->limit);
  read_free (read);
}

static void
read_page (HolbooCustomerTimeline *self,
           gboolean            replace,
           guint               limit)
{
  Read *read = g_new0 (Read, 1);
  HolbooCustomerEvent *before = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  g_set_weak_pointer (&read->self, self);
  read->generation = self->generation;
  read->replace = replace;
  read->limit = limit;
  if (!replace && self->items->len > 0)
    before = holboo_customer_event_item_get_event (self->items->pdata[self->items->len - 1]);
  holboo_account_load_customer_events_async (self->account, self->customer, before, limit,
                                             self->cancellable, on_page_read, read);
}

static void
holboo_customer_timeline_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HolbooCustomerTimeline *self = HOLBOO_CUSTOMER_TIMELINE (object);

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
holboo_customer_timeline_dispose (GObject *object)
{
  HolbooCustomerTimeline *self = HOLBOO_CUSTOMER_TIMELINE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (holboo_customer_timeline_parent_class)->dispose (object);
}

static void
holboo_customer_timeline_finalize (GObject *object)
{
  HolbooCustomerTimeline *self = HOLBOO_CUSTOMER_TIMELINE (object);

  g_free (self->customer);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (holboo_customer_timeline_parent_class)->finalize (object);
}

static void
holboo_customer_timeline_class_init (HolbooCustomerTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = holboo_customer_timeline_get_property;
  object_class->dispose = holboo_customer_timeline_dispose;
  object_class->finalize = holboo_customer_timeline_finalize;

  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
holboo_customer_timeline_init (HolbooCustomerTimeline *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * holboo_customer_timeline_new:
 * @customer: the customer's uuid
 *
 * Returns: (transfer full): the timeline, its newest page on the way
 */
HolbooCustomerTimeline *
holboo_customer_timeline_new (HolbooAccount *account,
                              const char    *customer)
{
  HolbooCustomerTimeline *self;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (customer != NULL, NULL);

  self = g_object_new (HOLBOO_TYPE_CUSTOMER_TIMELINE, NULL);
  self->account = g_object_ref (account);
  self->customer = g_strdup (customer);
  read_page (self, TRUE, HOLBOO_CUSTOMER_TIMELINE_PAGE);
  return self;
}

const char *
holboo_customer_timeline_get_customer (HolbooCustomerTimeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_TIMELINE (self), NULL);
  return self->customer;
}

/**
 * holboo_customer_timeline_load_more:
 *
 * Reads the next (older) page, unless every entry is in or a read is
 * under way.
 */
void
holboo_customer_timeline_load_more (HolbooCustomerTimeline *self)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_TIMELINE (self));

  if (self->loading || self->complete || !self->loaded)
    return;
  read_page (self, FALSE, HOLBOO_CUSTOMER_TIMELINE_PAGE);
}

/**
 * holboo_customer_timeline_reload:
 *
 * Reads again as many entries as are shown (a page at least): for
 * when the timeline changed.
 */
void
holboo_customer_timeline_reload (HolbooCustomerTimeline *self)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_TIMELINE (self));

  self->generation++;
  read_page (self, TRUE, MAX (self->items->len, HOLBOO_CUSTOMER_TIMELINE_PAGE));
}

gboolean
holboo_customer_timeline_get_loaded (HolbooCustomerTimeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_TIMELINE (self), FALSE);
  return self->loaded;
}

gboolean
holboo_customer_timeline_get_complete (HolbooCustomerTimeline *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_TIMELINE (self), FALSE);
  return self->complete;
}
