/* holboo-card-bubble.c: a business card shared in a chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A message whose file is a .vcf (holboo_account_send_card_async()) is
 * shown as the card it carries: photo, name, title and organisation, a
 * phone number or address, with Save Contact (win.save-contact, with the
 * card's chat address and name) and Show Card (the whole card, with its
 * QR code), and Save as Customer.  The file is read and parsed on a thread
 * (holboo_card_load_file_async()); whatever is wrong with it — too
 * large, not a card, a photo that does not decode — is said in the
 * bubble instead, and nothing else happens.  Every text shown was
 * sanitised by HolbooCard (one line, no control characters, bounded).
 *
 * Save as Customer (a card from someone else) saves the card as a
 * customer of the account's team (holboo_account_save_card_customer_async(),
 * the Customers page's own ops).  When a customer already has the
 * card's address or one of its numbers, the button says so and opens
 * that customer (win.show-customer) instead; outside a team it is
 * insensitive and says why.  The account is the one given
 * (holboo_card_bubble_set_account()), else the Chats page's of the
 * window the bubble is in.
 */

#define G_LOG_DOMAIN "holboo-card-bubble"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "holboo-account-card-customer.h"
#include "holboo-account-teamlog.h"
#include "holboo-card-bubble.h"
#include "holboo-card-preview.h"
#include "holboo-card-renderer.h"
#include "holboo-chats-page.h"
#include "holboo-jid.h"
#include "holboo-window.h"

struct _HolbooCardBubble
{
  GtkWidget               parent_instance;

  HolbooStoredAttachment *attachment;
  HolbooCard             *card;
  char                   *problem;
  GCancellable           *cancellable;
  GdkTexture             *photo;
  gboolean                ours;

  HolbooAccount          *account;        /* (nullable): as given */
  HolbooAccount          *customer_account; /* the one looked in */
  GCancellable           *customer_cancellable;
  char                   *customer;       /* the card's customer's uuid */
  gboolean                customer_busy;
  gboolean                in_team;

  AdwAvatar              *avatar;
  GtkLabel               *name_label;
  GtkLabel               *subtitle_label;
  GtkLabel               *detail_label;
  GtkWidget              *buttons;
  GtkWidget              *save_button;
  GtkWidget              *customer_button;
};

G_DEFINE_FINAL_TYPE (HolbooCardBubble, holboo_card_bubble, GTK_TYPE_WIDGET)

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* No card to show (yet): the file's name and what is the matter. */
static void
show_status (HolbooCardBubble *self,
             const char       *detail)
{
  set_label (self->name_label, _("Contact card"));
  set_label (self->subtitle_label, self->attachment != NULL ? self->attachment->name : NULL);
  set_label (self->detail_label, detail);
  /* The reason is worth reading whole. */
  gtk_label_set_single_line_mode (self->detail_label, FALSE);
  gtk_label_set_ellipsize (self->detail_label, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (self->detail_label, TRUE);
  gtk_label_set_wrap_mode (self->detail_label, PANGO_WRAP_WORD_CHAR);
  adw_avatar_set_text (self->avatar, NULL);
  adw_avatar_set_custom_image (self->avatar, NULL);
  gtk_widget_set_visible (self->buttons, FALSE);
  gtk_widget_set_visible (self->customer_button, FALSE);
}

static HolbooAccount *
get_account (HolbooCardBubble *self)
{
  GtkRoot *root;

  if (self->account != NULL)
    return self->account;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (HOLBOO_IS_WINDOW (root))
    return holboo_chats_page_get_account (holboo_window_get_chats_page (HOLBOO_WINDOW (root)));
  return NULL;
}

static void
set_customer_button (HolbooCardBubble *self,
                     const char       *label,
                     const char       *tooltip,
                     gboolean          sensitive)
{
  gtk_button_set_label (GTK_BUTTON (self->customer_button), label);
  gtk_widget_set_tooltip_text (self->customer_button, tooltip);
  gtk_widget_set_sensitive (self->customer_button, sensitive);
}

static void update_customer (HolbooCardBubble *self);

static void
show_customer_state (HolbooCardBubble *self)
{
  if (self->customer != NULL)
    set_customer_button (self, _("_Open Customer"), _("This card is already saved as a customer"), TRUE);
  else
    set_customer_button (self, _("Save as _Customer"), _("Add to your team’s customers"), !self->customer_busy);
}

static void
on_customer_found (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HolbooCardBubble) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = holboo_account_find_card_customer_finish (HOLBOO_ACCOUNT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->customer_busy = FALSE;
  if (error != NULL)
    {
      /* A card that names nobody cannot be a customer. */
      g_message ("A shared card cannot be saved as a customer: %s", error->message);
      set_customer_button (self, _("Save as _Customer"), error->message, FALSE);
      return;
    }
  g_free (self->customer);
  self->customer = g_steal_pointer (&uuid);
  show_customer_state (self);
}

/* Pending ops and catch-ups change the team log's state too: only
 * joining or leaving a team matters here. */
static void
on_team_room_changed (HolbooCardBubble *self)
{
  if (self->customer_account != NULL &&
      (holboo_account_get_team_room (self->customer_account) != NULL) != self->in_team)
    update_customer (self);
}

/* Which account, whether it is in a team, whether the card is a
 * customer already. */
static void
update_customer (HolbooCardBubble *self)
{
  HolbooAccount *account = self->card != NULL && !self->ours ? get_account (self) : NULL;

  g_cancellable_cancel (self->customer_cancellable);
  g_clear_object (&self->customer_cancellable);
  g_clear_pointer (&self->customer, g_free);
  self->customer_busy = FALSE;
  if (account != self->customer_account)
    {
      if (self->customer_account != NULL)
        g_signal_handlers_disconnect_by_func (self->customer_account, on_team_room_changed, self);
      g_set_object (&self->customer_account, account);
      if (account != NULL)
        g_signal_connect_object (account, "teamlog-state-changed", G_CALLBACK (on_team_room_changed), self,
                                 G_CONNECT_SWAPPED);
    }

  gtk_widget_set_visible (self->customer_button, account != NULL);
  self->in_team = account != NULL && holboo_account_get_team_room (account) != NULL;
  if (account == NULL)
    return;
  if (!self->in_team)
    {
      set_customer_button (self, _("Save as _Customer"),
                           _("Customers belong to a team, and this account is in none"), FALSE);
      return;
    }
  self->customer_busy = TRUE;
  show_customer_state (self);
  self->customer_cancellable = g_cancellable_new ();
  holboo_account_find_card_customer_async (account, self->card, self->customer_cancellable,
                                           on_customer_found, g_object_ref (self));
}

static void
on_customer_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(HolbooCardBubble) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = holboo_account_save_card_customer_finish (HOLBOO_ACCOUNT (source), result, NULL, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->customer_busy = FALSE;
  if (uuid == NULL)
    {
      g_message ("A shared card was not saved as a customer: %s", error->message);
      show_customer_state (self);
      gtk_widget_set_tooltip_text (self->customer_button, error->message);
      return;
    }
  g_free (self->customer);
  self->customer = g_steal_pointer (&uuid);
  show_customer_state (self);
}

static void
customer_clicked (HolbooCardBubble *self)
{
  if (self->customer != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "s", self->customer);
      return;
    }
  if (self->customer_busy || self->customer_account == NULL || self->card == NULL)
    return;
  /* One save at a time: a second click finds what the first made. */
  self->customer_busy = TRUE;
  show_customer_state (self);
  if (self->customer_cancellable == NULL)
    self->customer_cancellable = g_cancellable_new ();
  holboo_account_save_card_customer_async (self->customer_account, self->card, self->customer_cancellable,
                                           on_customer_saved, g_object_ref (self));
}

static void
show_card (HolbooCardBubble *self)
{
  HolbooCard *card = self->card;
  const char *name = holboo_card_get_name (card);
  const char *title = holboo_card_get_title (card);
  const char *company = holboo_card_get_company (card);
  const char *xmpp = holboo_card_get_xmpp (card);
  const char *phone = holboo_card_get_phones (card)[0];
  g_autofree char *subtitle = NULL;
  g_autoptr(HolbooJid) jid = xmpp != NULL ? holboo_jid_parse (xmpp, -1, NULL) : NULL;
  g_autoptr(GError) error = NULL;

  if (title != NULL && company != NULL)
    subtitle = g_strdup_printf ("%s · %s", title, company);
  else
    subtitle = g_strdup (title != NULL ? title : company);

  set_label (self->name_label, name != NULL ? name : _("Contact card"));
  set_label (self->subtitle_label, subtitle);
  set_label (self->detail_label, phone != NULL ? phone : xmpp);
  gtk_label_set_wrap (self->detail_label, FALSE);
  gtk_label_set_single_line_mode (self->detail_label, TRUE);
  gtk_label_set_ellipsize (self->detail_label, PANGO_ELLIPSIZE_END);
  adw_avatar_set_text (self->avatar, name);

  g_clear_object (&self->photo);
  if (holboo_card_get_photo (card) != NULL &&
      (self->photo = holboo_card_renderer_decode_photo (holboo_card_get_photo (card), &error)) == NULL)
    g_message ("The photo of a shared card is left out: %s", error->message);
  adw_avatar_set_custom_image (self->avatar, self->photo != NULL ? GDK_PAINTABLE (self->photo) : NULL);

  gtk_widget_set_visible (self->buttons, TRUE);
  gtk_widget_set_visible (self->save_button, !self->ours);
  if (jid != NULL && holboo_jid_get_localpart (jid) != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->save_button), "(ss)",
                                        holboo_jid_get_bare_string (jid), name != NULL ? name : "");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "win.save-contact");
      gtk_widget_set_tooltip_text (self->save_button, _("Add to your contacts"));
    }
  else
    {
      /* Nothing to add to the roster: the button says why it does nothing. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), NULL);
      gtk_widget_set_sensitive (self->save_button, FALSE);
      gtk_widget_set_tooltip_text (self->save_button, _("This card has no chat address"));
    }
  update_customer (self);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HolbooCardBubble) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooCard) card = holboo_card_load_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (card == NULL)
    {
      g_message ("A shared card cannot be shown: %s", error->message);
      self->problem = g_strdup_printf (_("This card cannot be shown: %s"), error->message);
      show_status (self, self->problem);
      return;
    }
  self->card = g_steal_pointer (&card);
  show_card (self);
}

static void
show_card_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HolbooCardBubble *self = HOLBOO_CARD_BUBBLE (widget);

  if (self->card != NULL)
    holboo_card_preview_present (widget, self->card,
                                 holboo_card_get_name (self->card) ? holboo_card_get_name (self->card) : _("Contact card"),
                                 holboo_card_get_xmpp (self->card));
}

static void
save_clicked (HolbooCardBubble *self)
{
  /* Once asked, the contact is on its way to the roster. */
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("Contact Saved"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), NULL);
  gtk_widget_set_sensitive (self->save_button, FALSE);
}

static void
reset (HolbooCardBubble *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->attachment, holboo_stored_attachment_unref);
  g_clear_object (&self->card);
  g_clear_object (&self->photo);
  g_clear_pointer (&self->problem, g_free);
  g_cancellable_cancel (self->customer_cancellable);
  g_clear_object (&self->customer_cancellable);
  g_clear_pointer (&self->customer, g_free);
  self->customer_busy = FALSE;
  gtk_widget_set_visible (self->customer_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save Contact"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), NULL);
  gtk_widget_set_sensitive (self->save_button, TRUE);
}

static void
holboo_card_bubble_dispose (GObject *object)
{
  HolbooCardBubble *self = HOLBOO_CARD_BUBBLE (object);

  reset (self);
  if (self->customer_account != NULL)
    g_signal_handlers_disconnect_by_func (self->customer_account, on_team_room_changed, self);
  g_clear_object (&self->customer_account);
  g_clear_object (&self->account);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_CARD_BUBBLE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_card_bubble_parent_class)->dispose (object);
}

static void
holboo_card_bubble_root (GtkWidget *widget)
{
  HolbooCardBubble *self = HOLBOO_CARD_BUBBLE (widget);

  GTK_WIDGET_CLASS (holboo_card_bubble_parent_class)->root (widget);
  /* Now in a window: its account may be the one to save to. */
  if (self->card != NULL && self->account == NULL)
    update_customer (self);
}

static void
holboo_card_bubble_class_init (HolbooCardBubbleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_card_bubble_dispose;
  widget_class->root = holboo_card_bubble_root;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-card-bubble.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooCardBubble, avatar);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardBubble, name_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardBubble, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardBubble, detail_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardBubble, buttons);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardBubble, save_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardBubble, customer_button);
  gtk_widget_class_bind_template_callback (widget_class, customer_clicked);
  gtk_widget_class_install_action (widget_class, "bubble.show-card", NULL, show_card_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "holboo-card-bubble");
}

static void
holboo_card_bubble_init (HolbooCardBubble *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

GtkWidget *
holboo_card_bubble_new (void)
{
  return g_object_new (HOLBOO_TYPE_CARD_BUBBLE, NULL);
}

/**
 * holboo_card_bubble_set_attachment:
 * @attachment: (nullable): a message's .vcf file
 * @ours: the message is ours (no Save Contact then)
 */
void
holboo_card_bubble_set_attachment (HolbooCardBubble       *self,
                                   HolbooStoredAttachment *attachment,
                                   gboolean                ours)
{
  gboolean readable;

  g_return_if_fail (HOLBOO_IS_CARD_BUBBLE (self));

  reset (self);
  self->ours = ours;
  if (attachment == NULL)
    return;
  self->attachment = holboo_stored_attachment_ref (attachment);

  readable = attachment->local_path != NULL &&
             (attachment->state == HOLBOO_ATTACHMENT_STATE_DOWNLOADED || ours);
  if (readable)
    {
      g_autoptr(GFile) file = g_file_new_for_path (attachment->local_path);

      show_status (self, _("Loading…"));
      self->cancellable = g_cancellable_new ();
      holboo_card_load_file_async (file, self->cancellable, on_loaded, g_object_ref (self));
    }
  else if (attachment->state == HOLBOO_ATTACHMENT_STATE_DOWNLOAD_FAILED)
    {
      self->problem = g_strdup_printf (_("This card cannot be shown: %s"),
                                       attachment->error != NULL ? attachment->error : _("the download failed"));
      show_status (self, self->problem);
    }
  else
    show_status (self, _("Not downloaded yet"));
}

/**
 * holboo_card_bubble_get_card:
 *
 * Returns: (transfer none) (nullable): the card shown, once read
 */
HolbooCard *
holboo_card_bubble_get_card (HolbooCardBubble *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD_BUBBLE (self), NULL);
  return self->card;
}

/**
 * holboo_card_bubble_get_problem:
 *
 * Returns: (nullable): why no card is shown, as the bubble says it
 */
const char *
holboo_card_bubble_get_problem (HolbooCardBubble *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD_BUBBLE (self), NULL);
  return self->problem;
}

/**
 * holboo_card_bubble_set_account:
 * @account: (nullable): the account Save as Customer saves to; %NULL for
 *   the Chats page's of the window the bubble is in
 */
void
holboo_card_bubble_set_account (HolbooCardBubble *self,
                                HolbooAccount    *account)
{
  g_return_if_fail (HOLBOO_IS_CARD_BUBBLE (self));
  g_return_if_fail (account == NULL || HOLBOO_IS_ACCOUNT (account));

  if (!g_set_object (&self->account, account))
    return;
  if (self->card != NULL)
    update_customer (self);
}

/**
 * holboo_card_bubble_get_customer:
 *
 * Returns: (nullable): the uuid of the customer the card is saved as,
 *   once known
 */
const char *
holboo_card_bubble_get_customer (HolbooCardBubble *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD_BUBBLE (self), NULL);
  return self->customer;
}
