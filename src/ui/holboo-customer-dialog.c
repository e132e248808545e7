/* holboo-customer-dialog.c: a new customer, or one being edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save checks the form (a name; numbers and addresses that are ones) and
 * says what is wrong under it, keeping what was typed; a valid form
 * becomes the team log's ops — only the fields that changed, for an
 * edit — handed to the account, which applies them at once and sends
 * them.  "saved" tells the customer's uuid, then the dialog closes.
 */

#define G_LOG_DOMAIN "holboo-customer-dialog"

#include "config.h"

#include "holboo-account-customers.h"
#include "holboo-customer-dialog.h"
#include "holboo-customer-draft.h"

#include <glib/gi18n.h>

struct _HolbooCustomerDialog
{
  AdwWindow             parent_instance;

  HolbooAccount        *account;
  HolbooStoredCustomer *customer;      /* (nullable): the one edited */
  char                 *uuid;          /* the new customer's */
  GCancellable         *cancellable;
  gboolean              saving;

  GtkWidget            *save_button;
  AdwEntryRow          *name_row;
  AdwEntryRow          *company_row;
  AdwEntryRow          *phones_row;
  AdwEntryRow          *emails_row;
  AdwEntryRow          *xmpp_row;
  AdwEntryRow          *tags_row;
  GtkWidget            *note_group;
  AdwEntryRow          *note_row;
  GtkLabel             *error_label;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (HolbooCustomerDialog, holboo_customer_dialog, ADW_TYPE_WINDOW)

static char *
row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
set_row (AdwEntryRow *row,
         const char  *lines)
{
  g_auto(GStrv) values = g_strsplit (lines != NULL ? lines : "", "\n", -1);
  g_autofree char *text = g_strjoinv (", ", values);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
show_error (HolbooCustomerDialog *self,
            const char           *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_changed (HolbooCustomerDialog *self)
{
  g_autofree char *name = row_text (self->name_row);

  gtk_widget_set_sensitive (self->save_button, name != NULL && !self->saving);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HolbooCustomerDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;
  if (!holboo_account_save_customer_finish (HOLBOO_ACCOUNT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error->message);
      on_changed (self);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0,
                 self->customer != NULL ? self->customer->uuid : self->uuid);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_clicked (HolbooCustomerDialog *self)
{
  g_autoptr(HolbooCustomerDraft) draft = holboo_customer_draft_new ();
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tags = NULL;

  if (self->saving || !gtk_widget_get_sensitive (self->save_button))
    return;

  draft->name = row_text (self->name_row);
  draft->company = row_text (self->company_row);
  draft->phones = row_text (self->phones_row);
  draft->emails = row_text (self->emails_row);
  draft->xmpp = row_text (self->xmpp_row);
  tags = row_text (self->tags_row);
  draft->tags = holboo_customer_split_tags (tags);
  if (self->customer == NULL)
    draft->note = row_text (self->note_row);
  if (!holboo_customer_draft_normalize (draft, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);

  if (self->customer != NULL)
    ops = holboo_customer_draft_update_ops (draft, self->customer);
  else
    ops = holboo_customer_draft_create_ops (draft, self->uuid);
  if (ops->len == 0)
    {
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  self->saving = TRUE;
  on_changed (self);
  holboo_account_save_customer_async (self->account, ops, self->cancellable, on_saved, g_object_ref (self));
}

static void
holboo_customer_dialog_dispose (GObject *object)
{
  HolbooCustomerDialog *self = HOLBOO_CUSTOMER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (holboo_customer_dialog_parent_class)->dispose (object);
}

static void
holboo_customer_dialog_finalize (GObject *object)
{
  HolbooCustomerDialog *self = HOLBOO_CUSTOMER_DIALOG (object);

  g_clear_pointer (&self->customer, holboo_stored_customer_free);
  g_free (self->uuid);

  G_OBJECT_CLASS (holboo_customer_dialog_parent_class)->finalize (object);
}

static void
holboo_customer_dialog_class_init (HolbooCustomerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_customer_dialog_dispose;
  object_class->finalize = holboo_customer_dialog_finalize;

  /**
   * HolbooCustomerDialog::saved:
   * @uuid: the customer's
   *
   * The customer was saved (applied here and on its way to the team).
   */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-customer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, phones_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, emails_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, xmpp_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCustomerDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
holboo_customer_dialog_init (HolbooCustomerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * holboo_customer_dialog_new:
 * @parent: the window it belongs to
 * @account: the account the customer belongs to
 * @customer: (nullable): the customer to edit; %NULL for a new one
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
HolbooCustomerDialog *
holboo_customer_dialog_new (GtkWindow            *parent,
                            HolbooAccount        *account,
                            HolbooStoredCustomer *customer)
{
  HolbooCustomerDialog *self;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (account), NULL);

  self = g_object_new (HOLBOO_TYPE_CUSTOMER_DIALOG, "transient-for", parent, NULL);
  self->account = g_object_ref (account);
  if (customer != NULL)
    {
      g_autofree char *tags = g_strjoinv (", ", customer->tags);

      self->customer = g_new0 (HolbooStoredCustomer, 1);
      self->customer->uuid = g_strdup (customer->uuid);
      self->customer->name = g_strdup (customer->name);
      self->customer->company = g_strdup (customer->company);
      self->customer->phones = g_strdup (customer->phones);
      self->customer->emails = g_strdup (customer->emails);
      self->customer->xmpp = g_strdup (customer->xmpp);
      self->customer->owner = g_strdup (customer->owner);
      self->customer->tags = g_strdupv (customer->tags);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Customer"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), customer->name != NULL ? customer->name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->company_row), customer->company != NULL ? customer->company : "");
      set_row (self->phones_row, customer->phones);
      set_row (self->emails_row, customer->emails);
      set_row (self->xmpp_row, customer->xmpp);
      gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
      gtk_widget_set_visible (self->note_group, FALSE);
    }
  else
    {
      self->uuid = g_uuid_string_random ();
      gtk_window_set_title (GTK_WINDOW (self), _("New Customer"));
    }
  on_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
