/* holboo-customer-banner.c: the screen pop: who a conversation's peer
 * is as a customer, with the team's newest note about them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Given the account and the peer, the banner asks the account which
 * customer has that address (one indexed look-up and the newest note,
 * on the store's worker) and shows them, or hides.  It asks again when
 * the peer changes or holboo_customer_banner_refresh() is called (the
 * customers changed); answers for an earlier peer are dropped.
 *
 * "customer-shown" is emitted each time a customer is shown: the screen
 * pop benchmark and the UI test wait for it.
 */

#define G_LOG_DOMAIN "holboo-customer-banner"

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-customer-banner.h"

#include <glib/gi18n.h>

struct _HolbooCustomerBanner
{
  GtkWidget      parent_instance;

  HolbooAccount *account;
  char          *peer;
  char          *customer;     /* the uuid shown, or NULL */
  GCancellable  *cancellable;
  gulong         changed_id;   /* the account's customers-changed */

  GtkRevealer   *revealer;
  GtkWidget     *box;
  GtkLabel      *name_label;
  GtkLabel      *details_label;
  GtkLabel      *note_label;
  GtkLabel      *note_meta_label;
  GtkButton     *open_button;
};

enum {
  SIGNAL_CUSTOMER_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HolbooCustomerBanner, holboo_customer_banner, GTK_TYPE_WIDGET)

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
hide (HolbooCustomerBanner *self)
{
  g_clear_pointer (&self->customer, g_free);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
show_match (HolbooCustomerBanner *self,
            HolbooCustomerMatch  *match)
{
  HolbooStoredCustomer *customer = match->customer;
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *accessible = NULL;

  g_free (self->customer);
  self->customer = g_strdup (customer->uuid);

  gtk_label_set_text (self->name_label, customer->name != NULL ? customer->name : _("Customer"));
  if (customer->company != NULL)
    g_string_append (details, customer->company);
  if (customer->owner != NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      /* TRANSLATORS: %s is the member (an address) who looks after the customer */
      g_string_append_printf (details, _("Owner: %s"), customer->owner);
    }
  for (guint i = 0; customer->tags[i] != NULL; i++)
    g_string_append_printf (details, "%s#%s", details->len > 0 ? (i == 0 ? " · " : " ") : "", customer->tags[i]);
  gtk_label_set_text (self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);

  if (match->latest_note != NULL)
    {
      g_autofree char *when = format_time (match->latest_note->at);
      /* TRANSLATORS: under the newest note about a customer: "Note by bat@example.mn, 2026-11-23 09:30" */
      g_autofree char *meta = g_strdup_printf (_("Note by %s, %s"), match->latest_note->author, when);

      gtk_label_set_text (self->note_label, match->latest_note->body);
      gtk_label_set_text (self->note_meta_label, meta);
    }
  else
    {
      gtk_label_set_text (self->note_label, _("No notes yet"));
      gtk_label_set_text (self->note_meta_label, "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->note_meta_label), match->latest_note != NULL);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->open_button), "s", customer->uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->open_button), "win.show-customer");
  /* TRANSLATORS: read by a screen reader when a customer writes: "Customer: Батболд" */
  accessible = g_strdup_printf (_("Customer: %s"), gtk_label_get_text (self->name_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_signal_emit (self, signals[SIGNAL_CUSTOMER_SHOWN], 0, customer->uuid);
}

static void
on_matched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooCustomerBanner) self = user_data;
  g_autoptr(HolbooCustomerMatch) match = NULL;
  g_autoptr(GError) error = NULL;

  match = holboo_account_match_customer_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (error != NULL)
    g_message ("Cannot match %s to a customer: %s", self->peer, error->message);
  if (match == NULL)
    hide (self);
  else
    show_match (self, match);
}

static void
holboo_customer_banner_dispose (GObject *object)
{
  HolbooCustomerBanner *self = HOLBOO_CUSTOMER_BANNER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account != NULL)
    g_clear_signal_handler (&self->changed_id, self->account);
  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_CUSTOMER_BANNER);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_customer_banner_parent_class)->dispose (object);
}

static void
holboo_customer_banner_finalize (GObject *object)
{
  HolbooCustomerBanner *self = HOLBOO_CUSTOMER_BANNER (object);

  g_free (self->peer);
  g_free (self->customer);

  G_OBJECT_CLASS (holboo_customer_banner_parent_class)->finalize (object);
}

static void
holboo_customer_banner_class_init (HolbooCustomerBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_customer_banner_dispose;
  object_class->finalize = holboo_customer_banner_finalize;

  /**
   * HolbooCustomerBanner::customer-shown:
   * @uuid: the customer's
   *
   * A customer was matched and is shown.
   */
  signals[SIGNAL_CUSTOMER_SHOWN] =
    g_signal_new ("customer-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-customer-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerBanner, box);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerBanner, name_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerBanner, details_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerBanner, note_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerBanner, note_meta_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerBanner, open_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
holboo_customer_banner_init (HolbooCustomerBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
holboo_customer_banner_new (void)
{
  return g_object_new (HOLBOO_TYPE_CUSTOMER_BANNER, NULL);
}

/**
 * holboo_customer_banner_set_peer:
 * @account: (nullable): the account the conversation is in
 * @peer: (nullable): the conversation's address
 *
 * Looks the peer up; the banner shows the customer or hides.
 */
void
holboo_customer_banner_set_peer (HolbooCustomerBanner *self,
                                 HolbooAccount        *account,
                                 const char           *peer)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_BANNER (self));
  g_return_if_fail (account == NULL || HOLBOO_IS_ACCOUNT (account));

  if (self->account != account)
    {
      if (self->account != NULL)
        g_clear_signal_handler (&self->changed_id, self->account);
      g_set_object (&self->account, account);
      /* The team log tells when customers change: a customer created for
       * this peer, a new note. */
      if (account != NULL)
        self->changed_id = g_signal_connect_object (account, "customers-changed",
                                                    G_CALLBACK (holboo_customer_banner_refresh), self,
                                                    G_CONNECT_SWAPPED);
    }
  if (g_strcmp0 (self->peer, peer) != 0)
    {
      g_free (self->peer);
      self->peer = g_strdup (peer);
      hide (self);
    }
  holboo_customer_banner_refresh (self);
}

/**
 * holboo_customer_banner_refresh:
 *
 * Looks the peer up again: for when the customers changed.
 */
void
holboo_customer_banner_refresh (HolbooCustomerBanner *self)
{
  g_return_if_fail (HOLBOO_IS_CUSTOMER_BANNER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account == NULL || self->peer == NULL)
    {
      hide (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  holboo_account_match_customer_async (self->account, self->peer, self->cancellable, on_matched,
                                       g_object_ref (self));
}

/**
 * holboo_customer_banner_get_customer:
 *
 * Returns: (nullable): the uuid of the customer shown
 */
const char *
holboo_customer_banner_get_customer (HolbooCustomerBanner *self)
{
  g_return_val_if_fail (HOLBOO_IS_CUSTOMER_BANNER (self), NULL);
  return self->customer;
}
