/* holboo-customers-page.c: the Customers page: the team's customers and
 * the open one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar is a GtkListView over a HolbooCustomerList, searched in
 * the store as the user types (names, companies, numbers, addresses,
 * tags, notes) and paged as it is scrolled; the open customer is a
 * HolbooCustomerView.  New customer, edit and add note are the page's
 * actions; what they save goes through the team log, and the page reads
 * again when the account says the customers changed.
 *
 * Keys: Ctrl+F search, Ctrl+N new customer, Ctrl+E edit, Ctrl+Enter add
 * the note typed.
 */

#define G_LOG_DOMAIN "holboo-customers-page"

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-customer-dialog.h"
#include "holboo-customer-draft.h"
#include "holboo-customers-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

struct _HolbooCustomersPage
{
  GtkWidget           parent_instance;

  HolbooAccount      *account;
  HolbooCustomerList *list;
  GtkSingleSelection *selection;
  char               *open_uuid;
  gulong              changed_id;
  GCancellable       *cancellable;

  GtkStack           *page_stack;
  AdwLeaflet         *leaflet;
  GtkWidget          *sidebar;
  GtkSearchEntry     *search_entry;
  GtkStack           *sidebar_stack;
  GtkListView        *list_view;
  GtkStack           *content_stack;
  HolbooCustomerView *customer_view;
};

G_DEFINE_FINAL_TYPE (HolbooCustomersPage, holboo_customers_page, GTK_TYPE_WIDGET)

static void
update_sidebar (HolbooCustomersPage *self)
{
  const char *child = "list";

  if (self->list != NULL && holboo_customer_list_get_loaded (self->list) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    child = holboo_customer_list_get_text (self->list) != NULL ? "no-results" : "empty";
  gtk_stack_set_visible_child_name (self->sidebar_stack, child);
}

/* The open customer stays selected while the list reloads and pages. */
static void
sync_selection (HolbooCustomersPage *self)
{
  guint position = self->list != NULL ? holboo_customer_list_find (self->list, self->open_uuid) : G_MAXUINT;

  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
}

static void
on_list_changed (HolbooCustomersPage *self)
{
  update_sidebar (self);
  sync_selection (self);
}

static void
on_folded_changed (HolbooCustomersPage *self)
{
  holboo_customer_view_set_show_back (self->customer_view, adw_leaflet_get_folded (self->leaflet));
}

static void
on_search_changed (HolbooCustomersPage *self)
{
  if (self->list != NULL)
    holboo_customer_list_set_query (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL);
}

static void
on_stop_search (HolbooCustomersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search opens the first customer found. */
static void
on_search_activate (HolbooCustomersPage *self)
{
  g_autoptr(HolbooCustomerItem) first = NULL;

  if (self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;
  first = g_list_model_get_item (G_LIST_MODEL (self->list), 0);
  holboo_customers_page_show_customer (self, holboo_customer_item_get_customer (first)->uuid);
}

static void
on_list_edge_reached (HolbooCustomersPage *self,
                      GtkPositionType      position)
{
  if (position == GTK_POS_BOTTOM && self->list != NULL)
    holboo_customer_list_load_more (self->list);
}

static void
on_customer_activated (HolbooCustomersPage *self,
                       guint                position)
{
  g_autoptr(HolbooCustomerItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    holboo_customers_page_show_customer (self, holboo_customer_item_get_customer (item)->uuid);
}

static void
setup_customer_row (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      if (i == 0)
        gtk_widget_add_css_class (label, "heading");
      else
        {
          gtk_widget_add_css_class (label, "caption");
          gtk_widget_add_css_class (label, "dim-label");
        }
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_customer_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  HolbooStoredCustomer *customer = holboo_customer_item_get_customer (gtk_list_item_get_item (item));
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *details = gtk_widget_get_next_sibling (name);
  GtkWidget *tags = gtk_widget_get_next_sibling (details);
  g_autoptr(GString) line = g_string_new (customer->company);
  g_autoptr(GString) tag_line = g_string_new (NULL);
  g_autofree char *first_phone = customer->phones != NULL ? g_strndup (customer->phones, strcspn (customer->phones, "\n")) : NULL;

  if (first_phone != NULL)
    g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", first_phone);
  for (guint i = 0; customer->tags[i] != NULL; i++)
    g_string_append_printf (tag_line, "%s#%s", i > 0 ? " " : "", customer->tags[i]);

  gtk_label_set_text (GTK_LABEL (name), customer->name != NULL ? customer->name : _("Customer"));
  gtk_label_set_text (GTK_LABEL (details), line->str);
  gtk_widget_set_visible (details, line->len > 0);
  gtk_label_set_text (GTK_LABEL (tags), tag_line->str);
  gtk_widget_set_visible (tags, tag_line->len > 0);
}

static void
on_dialog_saved (HolbooCustomersPage  *self,
                 const char           *uuid,
                 HolbooCustomerDialog *dialog)
{
  holboo_customers_page_refresh (self);
  holboo_customers_page_show_customer (self, uuid);
}

static void
open_dialog (HolbooCustomersPage  *self,
             HolbooStoredCustomer *customer)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  HolbooCustomerDialog *dialog;

  if (self->account == NULL)
    return;
  dialog = holboo_customer_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->account, customer);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_customer (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  open_dialog (HOLBOO_CUSTOMERS_PAGE (widget), NULL);
}

static void
edit_customer (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HolbooCustomersPage *self = HOLBOO_CUSTOMERS_PAGE (widget);
  HolbooStoredCustomer *customer = holboo_customer_view_get_customer (self->customer_view);

  if (customer != NULL)
    open_dialog (self, customer);
}

static void
on_note_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HolbooCustomersPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!holboo_account_save_customer_finish (HOLBOO_ACCOUNT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("The note was not saved: %s", error->message);
      return;
    }
  holboo_customers_page_refresh (self);
}

static void
add_note (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  HolbooCustomersPage *self = HOLBOO_CUSTOMERS_PAGE (widget);
  const char *uuid = holboo_customer_view_get_uuid (self->customer_view);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  HolbooTeamlogOp *op;

  if (self->account == NULL || uuid == NULL)
    return;
  text = holboo_customer_view_take_note (self->customer_view);
  if (text == NULL)
    {
      holboo_customer_view_focus_note (self->customer_view);
      return;
    }
  op = holboo_customer_note_op (uuid, text, &error);
  if (op == NULL)
    {
      g_message ("The note was not saved: %s", error->message);
      return;
    }
  ops = g_ptr_array_new_with_free_func ((GDestroyNotify) holboo_teamlog_op_free);
  g_ptr_array_add (ops, op);
  holboo_account_save_customer_async (self->account, ops, self->cancellable, on_note_saved, g_object_ref (self));
}

static void
show_list (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HolbooCustomersPage *self = HOLBOO_CUSTOMERS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

static void
search (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  HolbooCustomersPage *self = HOLBOO_CUSTOMERS_PAGE (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
holboo_customers_page_dispose (GObject *object)
{
  HolbooCustomersPage *self = HOLBOO_CUSTOMERS_PAGE (object);

  holboo_customers_page_set_account (self, NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_CUSTOMERS_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (holboo_customers_page_parent_class)->dispose (object);
}

static void
holboo_customers_page_finalize (GObject *object)
{
  HolbooCustomersPage *self = HOLBOO_CUSTOMERS_PAGE (object);

  g_free (self->open_uuid);

  G_OBJECT_CLASS (holboo_customers_page_parent_class)->finalize (object);
}

static void
holboo_customers_page_class_init (HolbooCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_customers_page_dispose;
  object_class->finalize = holboo_customers_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomersPage, page_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomersPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomersPage, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomersPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomersPage, customer_view);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_edge_reached);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_activated);

  gtk_widget_class_install_action (widget_class, "customers.new", NULL, new_customer);
  gtk_widget_class_install_action (widget_class, "customers.edit", NULL, edit_customer);
  gtk_widget_class_install_action (widget_class, "customers.add-note", NULL, add_note);
  gtk_widget_class_install_action (widget_class, "customers.show-list", NULL, show_list);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "customers.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "customers.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "customers.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "customers.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "customers.add-note", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
holboo_customers_page_init (HolbooCustomersPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_type_ensure (HOLBOO_TYPE_CUSTOMER_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* After the selection has followed the list's change. */
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (on_list_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_customer_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_customer_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_stack_set_visible_child_name (self->page_stack, "signed-out");
  on_folded_changed (self);
}

GtkWidget *
holboo_customers_page_new (void)
{
  return g_object_new (HOLBOO_TYPE_CUSTOMERS_PAGE, NULL);
}

/**
 * holboo_customers_page_set_account:
 * @account: (nullable): the signed-in account, or %NULL
 *
 * Shows @account's customers, or, without an account, how to sign in.
 */
void
holboo_customers_page_set_account (HolbooCustomersPage *self,
                                   HolbooAccount       *account)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMERS_PAGE (self));
  g_return_if_fail (account == NULL || HOLBOO_IS_ACCOUNT (account));

  if (self->account == account)
    return;

  if (self->account != NULL)
    g_clear_signal_handler (&self->changed_id, self->account);
  holboo_customer_view_set_customer (self->customer_view, NULL, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "none");
  g_clear_pointer (&self->open_uuid, g_free);
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->list);
  g_set_object (&self->account, account);

  if (account == NULL)
    {
      gtk_stack_set_visible_child_name (self->page_stack, "signed-out");
      return;
    }

  /* The team log tells when customers change (an op of ours, the team's,
   * a catch-up). */
  self->changed_id = g_signal_connect_object (account, "customers-changed",
                                                G_CALLBACK (holboo_customers_page_refresh), self,
                                                G_CONNECT_SWAPPED);
  self->list = holboo_customer_list_new (account);
  g_signal_connect_swapped (self->list, "notify::loaded", G_CALLBACK (update_sidebar), self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  holboo_customer_list_set_query (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), NULL);
  gtk_stack_set_visible_child_name (self->page_stack, "customers");
  update_sidebar (self);
}

HolbooAccount *
holboo_customers_page_get_account (HolbooCustomersPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMERS_PAGE (self), NULL);
  return self->account;
}

/**
 * holboo_customers_page_get_list:
 *
 * Returns: (transfer none) (nullable): the customers the sidebar shows
 */
HolbooCustomerList *
holboo_customers_page_get_list (HolbooCustomersPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMERS_PAGE (self), NULL);
  return self->list;
}

HolbooCustomerView *
holboo_customers_page_get_view (HolbooCustomersPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMERS_PAGE (self), NULL);
  return self->customer_view;
}

/**
 * holboo_customers_page_show_customer:
 * @uuid: a customer's uuid
 *
 * Opens the customer (for the list, a screen pop's "Open Customer", a
 * new customer just saved).
 */
void
holboo_customers_page_show_customer (HolbooCustomersPage *self,
                                     const char          *uuid)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMERS_PAGE (self));
  g_return_if_fail (uuid != NULL);

  if (self->account == NULL)
    return;
  g_free (self->open_uuid);
  self->open_uuid = g_strdup (uuid);
  holboo_customer_view_set_customer (self->customer_view, self->account, uuid);
  gtk_stack_set_visible_child_name (self->content_stack, "customer");
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->content_stack));
  sync_selection (self);
}

/**
 * holboo_customers_page_refresh:
 *
 * Reads the list and the open customer again: they changed.
 */
void
holboo_customers_page_refresh (HolbooCustomersPage *self)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMERS_PAGE (self));

  if (self->list != NULL)
    holboo_customer_list_reload (self->list);
  holboo_customer_view_reload (self->customer_view);
}
