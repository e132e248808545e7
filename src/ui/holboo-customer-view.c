/* holboo-customer-view.c: one customer: details, note composer and
 * timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer is read from the account (on its store's worker) when it
 * is set and on holboo_customer_view_reload(); the timeline is a
 * HolbooCustomerTimeline, its older pages read when the view is
 * scrolled to the end.  Adding the note and editing are the page's
 * actions (customers.add-note, customers.edit): the view only holds
 * what was typed.
 */

#define G_LOG_DOMAIN "holboo-customer-view"

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-customer-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _HolbooCustomerView
{
  GtkWidget               parent_instance;

  HolbooAccount          *account;
  char                   *uuid;
  HolbooStoredCustomer   *customer;
  HolbooCustomerTimeline *timeline;
  GCancellable           *cancellable;

  GtkWidget              *back_button;
  AdwWindowTitle         *title;
  GtkScrolledWindow      *scrolled;
  AdwActionRow           *phones_row;
  AdwActionRow           *emails_row;
  AdwActionRow           *xmpp_row;
  AdwActionRow           *owner_row;
  AdwActionRow           *tags_row;
  GtkTextView            *note_view;
  GtkWidget              *add_note_button;
  GtkStack               *timeline_stack;
  GtkListView            *timeline_view;
};

enum {
  SIGNAL_CUSTOMER_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HolbooCustomerView, holboo_customer_view, GTK_TYPE_WIDGET)

static void
set_row (AdwActionRow *row,
         const char   *lines)
{
  g_auto(GStrv) values = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), lines != NULL && *lines != '\0');
  if (lines == NULL)
    return;
  values = g_strsplit (lines, "\n", -1);
  text = g_strjoinv (", ", values);
  adw_action_row_set_subtitle (row, text);
}

static void
show_customer (HolbooCustomerView *self)
{
  HolbooStoredCustomer *customer = self->customer;
  g_autofree char *tags = NULL;

  adw_window_title_set_title (self->title, customer->name != NULL ? customer->name : "");
  adw_window_title_set_subtitle (self->title, customer->company != NULL ? customer->company : "");
  set_row (self->phones_row, customer->phones);
  set_row (self->emails_row, customer->emails);
  set_row (self->xmpp_row, customer->xmpp);
  set_row (self->owner_row, customer->owner);
  tags = g_strjoinv ("\n", customer->tags);
  set_row (self->tags_row, tags);
}

static void
on_customer_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  HolbooCustomerView *self = user_data;
  g_autoptr(HolbooStoredCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  customer = holboo_account_load_customer_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (customer == NULL)
    {
      g_message ("Cannot show customer %s: %s", self->uuid, error->message);
      return;
    }
  g_clear_pointer (&self->customer, holboo_stored_customer_free);
  self->customer = g_steal_pointer (&customer);
  show_customer (self);
  g_signal_emit (self, signals[SIGNAL_CUSTOMER_LOADED], 0);
}

static void
load (HolbooCustomerView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  holboo_account_load_customer_async (self->account, self->uuid, self->cancellable, on_customer_loaded, self);
}

static void
update_timeline_state (HolbooCustomerView *self)
{
  gboolean empty = self->timeline != NULL && holboo_customer_timeline_get_loaded (self->timeline) &&
                   g_list_model_get_n_items (G_LIST_MODEL (self->timeline)) == 0;

  gtk_stack_set_visible_child_name (self->timeline_stack, empty ? "empty" : "events");
}

static void
on_edge_reached (HolbooCustomerView *self,
                 GtkPositionType     position)
{
  if (position == GTK_POS_BOTTOM && self->timeline != NULL)
    holboo_customer_timeline_load_more (self->timeline);
}

static const char *
event_icon (HolbooCustomerEventKind kind)
{
  switch (kind)
    {
    case HOLBOO_CUSTOMER_EVENT_NOTE:
      return "document-edit-symbolic";
    case HOLBOO_CUSTOMER_EVENT_CALL:
      return "holboo-calls-symbolic";
    case HOLBOO_CUSTOMER_EVENT_CHAT:
      return "holboo-chats-symbolic";
    case HOLBOO_CUSTOMER_EVENT_SATISFACTION:
      return "starred-symbolic";
    case HOLBOO_CUSTOMER_EVENT_OTHER:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
event_kind_label (HolbooCustomerEventKind kind)
{
  switch (kind)
    {
    case HOLBOO_CUSTOMER_EVENT_NOTE:
      return _("Note");
    case HOLBOO_CUSTOMER_EVENT_CALL:
      return _("Call");
    case HOLBOO_CUSTOMER_EVENT_CHAT:
      return _("Chat");
    case HOLBOO_CUSTOMER_EVENT_SATISFACTION:
      return _("Satisfaction");
    case HOLBOO_CUSTOMER_EVENT_OTHER:
    default:
      return _("Event");
    }
}

static void
setup_event_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *body = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), body);
  gtk_box_append (GTK_BOX (text), meta);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "holboo-timeline-row");
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_event_row (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  HolbooCustomerEvent *event = holboo_customer_event_item_get_event (gtk_list_item_get_item (item));
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *body = gtk_widget_get_first_child (text);
  GtkWidget *meta = gtk_widget_get_next_sibling (body);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (event->at / G_USEC_PER_SEC);
  g_autofree char *when = time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
  /* TRANSLATORS: under a timeline entry: "Note · bat@example.mn · 2026-11-23 09:30" */
  g_autofree char *line = g_strdup_printf (_("%s · %s · %s"), event_kind_label (event->kind), event->author, when);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), event_icon (event->kind));
  gtk_label_set_text (GTK_LABEL (body), event->body);
  gtk_label_set_text (GTK_LABEL (meta), line);
}

static void
holboo_customer_view_dispose (GObject *object)
{
  HolbooCustomerView *self = HOLBOO_CUSTOMER_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_data (self->timeline, self);
  g_clear_object (&self->timeline);
  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_CUSTOMER_VIEW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_customer_view_parent_class)->dispose (object);
}

static void
holboo_customer_view_finalize (GObject *object)
{
  HolbooCustomerView *self = HOLBOO_CUSTOMER_VIEW (object);

  g_free (self->uuid);
  g_clear_pointer (&self->customer, holboo_stored_customer_free);

  G_OBJECT_CLASS (holboo_customer_view_parent_class)->finalize (object);
}

static void
holboo_customer_view_class_init (HolbooCustomerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_customer_view_dispose;
  object_class->finalize = holboo_customer_view_finalize;

  /**
   * HolbooCustomerView::customer-loaded:
   *
   * The customer was read (set, or read again) and is shown.
   */
  signals[SIGNAL_CUSTOMER_LOADED] =
    g_signal_new ("customer-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-customer-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, back_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, title);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, phones_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, emails_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, xmpp_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, owner_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, tags_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, note_view);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, add_note_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, timeline_stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerView, timeline_view);
  gtk_widget_class_bind_template_callback (widget_class, on_edge_reached);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
holboo_customer_view_init (HolbooCustomerView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Enter adds the note, before the text view takes it for a new
   * line. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    for (guint i = 0; i < 2; i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_keyval_trigger_new (i == 0 ? GDK_KEY_Return : GDK_KEY_KP_Enter,
                                                                                      GDK_CONTROL_MASK),
                                                              gtk_named_action_new ("customers.add-note")));
    gtk_widget_add_controller (GTK_WIDGET (self->note_view), shortcuts);
  }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_event_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_event_row), self);
  gtk_list_view_set_factory (self->timeline_view, factory);
}

GtkWidget *
holboo_customer_view_new (void)
{
  return g_object_new (HOLBOO_TYPE_CUSTOMER_VIEW, NULL);
}

/**
 * holboo_customer_view_set_customer:
 * @account: (nullable): the account the customer belongs to
 * @uuid: (nullable): the customer's uuid
 *
 * Shows the customer and their newest timeline page.
 */
void
holboo_customer_view_set_customer (HolbooCustomerView *self,
                                   HolbooAccount      *account,
                                   const char         *uuid)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_VIEW (self));

  if (self->account == account && g_strcmp0 (self->uuid, uuid) == 0)
    return;
  g_set_object (&self->account, account);
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  g_clear_pointer (&self->customer, holboo_stored_customer_free);
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_data (self->timeline, self);
  g_clear_object (&self->timeline);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  adw_window_title_set_title (self->title, "");
  adw_window_title_set_subtitle (self->title, "");

  if (account == NULL || uuid == NULL)
    {
      gtk_list_view_set_model (self->timeline_view, NULL);
      return;
    }
  self->timeline = holboo_customer_timeline_new (account, uuid);
  g_signal_connect_swapped (self->timeline, "notify::loaded", G_CALLBACK (update_timeline_state), self);
  g_signal_connect_swapped (self->timeline, "items-changed", G_CALLBACK (update_timeline_state), self);
  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->timeline)));

    gtk_list_view_set_model (self->timeline_view, GTK_SELECTION_MODEL (selection));
  }
  update_timeline_state (self);
  load (self);
}

const char *
holboo_customer_view_get_uuid (HolbooCustomerView *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_VIEW (self), NULL);
  return self->uuid;
}

/**
 * holboo_customer_view_get_customer:
 *
 * Returns: (nullable) (transfer none): the customer as last read
 */
HolbooStoredCustomer *
holboo_customer_view_get_customer (HolbooCustomerView *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_VIEW (self), NULL);
  return self->customer;
}

HolbooCustomerTimeline *
holboo_customer_view_get_timeline (HolbooCustomerView *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_VIEW (self), NULL);
  return self->timeline;
}

/**
 * holboo_customer_view_reload:
 *
 * Reads the customer and the timeline again: they changed.
 */
void
holboo_customer_view_reload (HolbooCustomerView *self)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_VIEW (self));

  if (self->account == NULL || self->uuid == NULL)
    return;
  load (self);
  holboo_customer_timeline_reload (self->timeline);
}

/**
 * holboo_customer_view_take_note:
 *
 * Returns: (transfer full) (nullable): the note typed, which the
 *   composer no longer holds; %NULL if it is empty
 */
char *
holboo_customer_view_take_note (HolbooCustomerView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    return NULL;
  gtk_text_buffer_set_text (buffer, "", -1);
  return g_steal_pointer (&text);
}

void
holboo_customer_view_focus_note (HolbooCustomerView *self)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

void
holboo_customer_view_set_show_back (HolbooCustomerView *self,
                                    gboolean            show_back)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_VIEW (self));
  gtk_widget_set_visible (self->back_button, show_back);
}
