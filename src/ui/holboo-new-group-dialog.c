/* holboo-new-group-dialog.c: creating a group chat and inviting members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dialog for two jobs: "New Group" (a name and the members to
 * invite) and "Invite Members" to a group the user is in (members
 * only).  Members are picked from the contacts, or typed as addresses.
 * A new group gets an address on the server's group chat service, is
 * created persistent and members-only (holboo_account_create_room_async()),
 * and each member is invited (XEP-0249).  When done, ::done carries the
 * group's address and the dialog closes; a failure is shown in the
 * dialog, which stays open.
 */

#define G_LOG_DOMAIN "holboo-new-group-dialog"

#include "config.h"

#include "holboo-account-contacts.h"
#include "holboo-account-group-address.h"
#include "holboo-account-rooms.h"
#include "holboo-address.h"
#include "holboo-contact.h"
#include "holboo-invitation-bar.h"
#include "holboo-new-group-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

struct _HolbooNewGroupDialog
{
  AdwWindow              parent_instance;

  HolbooAccount         *account;
  HolbooGroupDialogMode  mode;
  char                  *room;
  GCancellable          *cancellable;
  GPtrArray             *checks;          /* (element-type GtkCheckButton), jid in "jid" data */
  GStrv                  invitees;
  guint                  pending;

  AdwToastOverlay       *toasts;
  GtkWidget             *name_row;
  GtkWidget             *addresses_row;
  GtkWidget             *submit_button;
  GtkWidget             *cancel_button;
  GtkWidget             *spinner;
};

G_DEFINE_FINAL_TYPE (HolbooNewGroupDialog, holboo_new_group_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The members picked: checked contacts, then valid typed addresses. */
static GStrv
collect_members (HolbooNewGroupDialog  *self,
                 GError               **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) typed = NULL;

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkCheckButton *check = self->checks->pdata[i];
      const char *jid = g_object_get_data (G_OBJECT (check), "jid");

      if (gtk_check_button_get_active (check) && g_hash_table_add (seen, g_strdup (jid)))
        g_strv_builder_add (builder, jid);
    }

  typed = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->addresses_row)), ",; \n", -1);
  for (guint i = 0; typed[i] != NULL; i++)
    {
      g_autofree char *jid = NULL;

      if (*typed[i] == '\0')
        continue;
      jid = holboo_address_normalize (typed[i], error);
      if (jid == NULL)
        return NULL;
      if (!g_hash_table_contains (seen, jid))
        {
          g_strv_builder_add (builder, jid);
          g_hash_table_add (seen, g_steal_pointer (&jid));
        }
    }
  return g_strv_builder_end (builder);
}

static void
set_busy (HolbooNewGroupDialog *self,
          gboolean              busy)
{
  gtk_widget_set_sensitive (self->submit_button, !busy);
  gtk_widget_set_sensitive (self->name_row, !busy);
  gtk_widget_set_sensitive (self->addresses_row, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
}

static void
fail (HolbooNewGroupDialog *self,
      const char           *message)
{
  set_busy (self, FALSE);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
finish (HolbooNewGroupDialog *self)
{
  g_signal_emit (self, signals[SIGNAL_DONE], 0, self->room);
  /* Focus out first, so the entry that had it is told before it goes. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_invited (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooNewGroupDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!holboo_account_invite_finish (HOLBOO_ACCOUNT (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_message ("Could not invite to %s: %s", self->room, error->message);
      self->pending = 0;
      fail (self, error->message);
      return;
    }
  if (self->pending > 0 && --self->pending == 0)
    finish (self);
}

static void
invite_all (HolbooNewGroupDialog *self)
{
  self->pending = self->invitees != NULL ? g_strv_length (self->invitees) : 0;
  if (self->pending == 0)
    {
      finish (self);
      return;
    }
  for (guint i = 0; self->invitees[i] != NULL; i++)
    holboo_account_invite_async (self->account, self->room, self->invitees[i], NULL, self->cancellable,
                                 on_invited, g_object_ref (self));
}

static void
on_created (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooNewGroupDialog) self = user_data;
  g_autoptr(HolbooRoom) room = NULL;
  g_autoptr(GError) error = NULL;

  room = holboo_account_create_room_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (room == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error->message);
      return;
    }
  invite_all (self);
}

static void
on_service (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooNewGroupDialog) self = user_data;
  g_autofree char *service = NULL;
  g_autofree char *nick = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  service = holboo_account_find_group_service_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (service == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail (self, error->message);
      return;
    }
  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_free (self->room);
  self->room = holboo_group_address_new (name, service);
  nick = holboo_group_nick_for (self->account);
  holboo_account_create_room_async (self->account, self->room, nick, name,
                                    (const char * const *) self->invitees, self->cancellable,
                                    on_created, g_object_ref (self));
}

static void
submit (HolbooNewGroupDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->invitees, g_strfreev);
  self->invitees = collect_members (self, &error);
  if (self->invitees == NULL)
    {
      fail (self, error->message);
      return;
    }
  set_busy (self, TRUE);
  if (self->mode == HOLBOO_GROUP_DIALOG_INVITE)
    invite_all (self);
  else
    holboo_account_find_group_service_async (self->account, self->cancellable, on_service, g_object_ref (self));
}

static void
update_submit (HolbooNewGroupDialog *self)
{
  gboolean ok;

  if (self->mode == HOLBOO_GROUP_DIALOG_CREATE)
    {
      g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));

      ok = *g_strstrip (name) != '\0';
    }
  else
    {
      ok = *gtk_editable_get_text (GTK_EDITABLE (self->addresses_row)) != '\0';
      for (guint i = 0; !ok && i < self->checks->len; i++)
        ok = gtk_check_button_get_active (self->checks->pdata[i]);
    }
  gtk_widget_set_sensitive (self->submit_button, ok);
}

static void
holboo_new_group_dialog_dispose (GObject *object)
{
  HolbooNewGroupDialog *self = HOLBOO_NEW_GROUP_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (holboo_new_group_dialog_parent_class)->dispose (object);
}

static void
holboo_new_group_dialog_finalize (GObject *object)
{
  HolbooNewGroupDialog *self = HOLBOO_NEW_GROUP_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->invitees, g_strfreev);
  g_free (self->room);

  G_OBJECT_CLASS (holboo_new_group_dialog_parent_class)->finalize (object);
}

static void
holboo_new_group_dialog_class_init (HolbooNewGroupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_new_group_dialog_dispose;
  object_class->finalize = holboo_new_group_dialog_finalize;

  /**
   * HolbooNewGroupDialog::done:
   * @room: the group's address
   *
   * The group was created (and its members invited), or the members
   * were invited.
   */
  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
holboo_new_group_dialog_init (HolbooNewGroupDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->checks = g_ptr_array_new ();
}

static GtkWidget *
contact_row (HolbooNewGroupDialog *self,
             HolbooContact        *contact)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), holboo_contact_get_display_name (contact));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), holboo_contact_get_jid (contact));
  g_object_set_data_full (G_OBJECT (check), "jid", g_strdup (holboo_contact_get_jid (contact)), g_free);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_submit), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->checks, check);
  return row;
}

/**
 * holboo_new_group_dialog_new:
 * @mode: create a group, or invite members to @room
 * @room: (nullable): for %HOLBOO_GROUP_DIALOG_INVITE: the group
 */
GtkWidget *
holboo_new_group_dialog_new (GtkWindow             *parent,
                             HolbooAccount         *account,
                             HolbooGroupDialogMode  mode,
                             const char            *room)
{
  HolbooNewGroupDialog *self;
  GtkWidget *box, *header, *page, *group, *members, *title;
  GListModel *contacts;
  gboolean create = mode == HOLBOO_GROUP_DIALOG_CREATE;

  g_return_val_if_fail (HOLBOO_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (create || room != NULL, NULL);

  self = g_object_new (HOLBOO_TYPE_NEW_GROUP_DIALOG,
                       "modal", TRUE,
                       "transient-for", parent,
                       "default-width", 420,
                       "default-height", 560,
                       "title", create ? _("New Group") : _("Invite Members"),
                       NULL);
  gtk_widget_set_name (GTK_WIDGET (self), create ? "new-group-dialog" : "invite-members-dialog");
  self->account = g_object_ref (account);
  self->mode = mode;
  self->room = g_strdup (room);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  title = adw_window_title_new (create ? _("New Group") : _("Invite Members"), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  self->submit_button = gtk_button_new_with_mnemonic (create ? _("C_reate") : _("_Invite"));
  gtk_widget_set_name (self->submit_button, "new-group-submit");
  gtk_widget_add_css_class (self->submit_button, "suggested-action");
  g_signal_connect_object (self->submit_button, "clicked", G_CALLBACK (submit), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->submit_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  group = adw_preferences_group_new ();
  self->name_row = adw_entry_row_new ();
  gtk_widget_set_name (self->name_row, "new-group-name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Group Name"));
  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (update_submit), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->name_row);
  gtk_widget_set_visible (group, create);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  members = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (members), _("Members"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (members),
                                         _("Only the people you invite can join the group."));
  self->addresses_row = adw_entry_row_new ();
  gtk_widget_set_name (self->addresses_row, "new-group-addresses");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->addresses_row), _("Addresses, separated by commas"));
  g_signal_connect_object (self->addresses_row, "changed", G_CALLBACK (update_submit), self, G_CONNECT_SWAPPED);
  contacts = holboo_account_get_contacts (account);
  for (guint i = 0; i < g_list_model_get_n_items (contacts); i++)
    {
      g_autoptr(HolbooContact) contact = g_list_model_get_item (contacts, i);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (members), contact_row (self, contact));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (members), self->addresses_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (members));

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->submit_button);
  update_submit (self);
  gtk_widget_grab_focus (create ? self->name_row : self->addresses_row);
  return GTK_WIDGET (self);
}

void
holboo_new_group_dialog_set_name (HolbooNewGroupDialog *self,
                                  const char           *name)
{
  g_return_if_fail (HOLBOO_IS_NEW_GROUP_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

void
holboo_new_group_dialog_set_addresses (HolbooNewGroupDialog *self,
                                       const char           *addresses)
{
  g_return_if_fail (HOLBOO_IS_NEW_GROUP_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->addresses_row), addresses);
}

/* Ticks the contact @jid; %FALSE when there is no such contact. */
gboolean
holboo_new_group_dialog_select_contact (HolbooNewGroupDialog *self,
                                        const char           *jid)
{
  g_return_val_if_fail (HOLBOO_IS_NEW_GROUP_DIALOG (self), FALSE);

  for (guint i = 0; i < self->checks->len; i++)
    if (g_strcmp0 (g_object_get_data (G_OBJECT (self->checks->pdata[i]), "jid"), jid) == 0)
      {
        gtk_check_button_set_active (self->checks->pdata[i], TRUE);
        return TRUE;
      }
  return FALSE;
}

/* As the Create or Invite button. */
void
holboo_new_group_dialog_submit (HolbooNewGroupDialog *self)
{
  g_return_if_fail (HOLBOO_IS_NEW_GROUP_DIALOG (self));
  if (gtk_widget_get_sensitive (self->submit_button))
    submit (self);
}
