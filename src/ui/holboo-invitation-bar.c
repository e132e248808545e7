/* holboo-invitation-bar.c: group chat invitations, to accept or decline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Above the conversations: "Bat invites you to Sales" with Decline and
 * Join.  Invitations wait in a queue, one shown at a time; one to a
 * group the user is already in is not shown.  Join joins the group
 * (with the invitation's password, if any) and emits ::joined, so the
 * Chats page opens it; a refusal is said in the bar.
 */

#define G_LOG_DOMAIN "holboo-invitation-bar"

#include "config.h"

#include "holboo-account-rooms.h"
#include "holboo-invitation-bar.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

/* More waiting than this: the oldest are dropped. */
#define MAX_QUEUED 20

typedef struct {
  char *room;
  char *from;
  char *reason;
  char *password;
} Invitation;

struct _HolbooInvitationBar
{
  GtkWidget      parent_instance;

  HolbooAccount *account;
  GQueue         queue;      /* Invitation, the shown one at the head */
  GCancellable  *cancellable;

  GtkRevealer   *revealer;
  GtkLabel      *label;
  GtkLabel      *error_label;
  GtkWidget     *join_button;
  GtkWidget     *decline_button;
};

G_DEFINE_FINAL_TYPE (HolbooInvitationBar, holboo_invitation_bar, GTK_TYPE_WIDGET)

enum {
  SIGNAL_JOINED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
invitation_free (Invitation *invitation)
{
  g_free (invitation->room);
  g_free (invitation->from);
  g_free (invitation->reason);
  g_free (invitation->password);
  g_free (invitation);
}

/**
 * holboo_group_nick_for:
 *
 * Returns: (transfer full): the nickname the user joins groups with:
 *   the local part of their address
 */
char *
holboo_group_nick_for (HolbooAccount *account)
{
  const char *jid = holboo_account_get_jid (account);
  const char *at = strchr (jid, '@');

  return at != NULL && at != jid ? g_strndup (jid, at - jid) : g_strdup (jid);
}

static void
show_head (HolbooInvitationBar *self)
{
  Invitation *invitation = g_queue_peek_head (&self->queue);
  g_autofree char *markup = NULL;
  const char *at;
  g_autofree char *group = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_sensitive (self->join_button, TRUE);
  if (invitation == NULL)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), TRUE);
  at = strchr (invitation->room, '@');
  group = at != NULL ? g_strndup (invitation->room, at - invitation->room) : g_strdup (invitation->room);
  /* TRANSLATORS: "bat@example.mn invites you to the group sales" */
  markup = g_markup_printf_escaped (_("<b>%s</b> invites you to the group <b>%s</b>"), invitation->from, group);
  gtk_label_set_markup (self->label, markup);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label),
                               invitation->reason != NULL && *invitation->reason != '\0'
                               ? invitation->reason : invitation->room);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
on_child_revealed (HolbooInvitationBar *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer) && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->revealer), FALSE);
}

static void
on_invitation (HolbooAccount       *account,
               const char          *room,
               const char          *from,
               const char          *reason,
               const char          *password,
               HolbooInvitationBar *self)
{
  Invitation *invitation;

  for (GList *l = self->queue.head; l != NULL; l = l->next)
    if (g_strcmp0 (((Invitation *) l->data)->room, room) == 0)
      return;   /* asked twice */
  if (holboo_account_get_room (account, room) != NULL &&
      holboo_room_get_state (holboo_account_get_room (account, room)) != HOLBOO_ROOM_STATE_LEFT)
    return;

  invitation = g_new0 (Invitation, 1);
  invitation->room = g_strdup (room);
  invitation->from = g_strdup (from);
  invitation->reason = g_strdup (reason);
  invitation->password = g_strdup (password);
  g_queue_push_tail (&self->queue, invitation);
  while (g_queue_get_length (&self->queue) > MAX_QUEUED)
    invitation_free (g_queue_pop_nth (&self->queue, 1));
  if (g_queue_get_length (&self->queue) == 1)
    show_head (self);
}

static void
on_joined (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HolbooInvitationBar) self = user_data;
  g_autoptr(HolbooRoom) room = NULL;
  g_autoptr(GError) error = NULL;
  Invitation *invitation;

  room = holboo_account_join_room_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  invitation = g_queue_peek_head (&self->queue);
  if (room == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_set_sensitive (self->join_button, TRUE);
      return;
    }
  if (invitation != NULL && g_strcmp0 (invitation->room, holboo_room_get_jid (room)) == 0)
    invitation_free (g_queue_pop_head (&self->queue));
  show_head (self);
  g_signal_emit (self, signals[SIGNAL_JOINED], 0, holboo_room_get_jid (room));
}

static void
holboo_invitation_bar_dispose (GObject *object)
{
  HolbooInvitationBar *self = HOLBOO_INVITATION_BAR (object);

  holboo_invitation_bar_set_account (self, NULL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_invitation_bar_parent_class)->dispose (object);
}

static void
holboo_invitation_bar_class_init (HolbooInvitationBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_invitation_bar_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * HolbooInvitationBar::joined:
   * @room: the group joined
   */
  signals[SIGNAL_JOINED] =
    g_signal_new ("joined", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
holboo_invitation_bar_init (HolbooInvitationBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *card;

  g_queue_init (&self->queue);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->label), "invitation-text");
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->decline_button = gtk_button_new_with_mnemonic (_("_Decline"));
  gtk_widget_set_name (self->decline_button, "invitation-decline");
  g_signal_connect_object (self->decline_button, "clicked", G_CALLBACK (holboo_invitation_bar_decline),
                           self, G_CONNECT_SWAPPED);
  self->join_button = gtk_button_new_with_mnemonic (_("_Join"));
  gtk_widget_set_name (self->join_button, "invitation-join");
  gtk_widget_add_css_class (self->join_button, "suggested-action");
  g_signal_connect_object (self->join_button, "clicked", G_CALLBACK (holboo_invitation_bar_accept),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), self->decline_button);
  gtk_box_append (GTK_BOX (buttons), self->join_button);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  card = adw_bin_new ();
  adw_bin_set_child (ADW_BIN (card), box);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (card, 6);
  gtk_widget_set_margin_end (card, 6);
  gtk_widget_set_margin_bottom (card, 6);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, card);
  /* Out of the layout while there is nothing to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), FALSE);
  g_signal_connect_swapped (self->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), self);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
}

GtkWidget *
holboo_invitation_bar_new (void)
{
  return g_object_new (HOLBOO_TYPE_INVITATION_BAR, NULL);
}

/**
 * holboo_invitation_bar_set_account:
 * @account: (nullable): whose invitations to show
 */
void
holboo_invitation_bar_set_account (HolbooInvitationBar *self,
                                   HolbooAccount       *account)
{
  g_return_if_fail (HOLBOO_IS_INVITATION_BAR (self));

  if (self->account == account)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->account != NULL)
    g_signal_handlers_disconnect_by_data (self->account, self);
  g_queue_clear_full (&self->queue, (GDestroyNotify) invitation_free);
  g_set_object (&self->account, account);
  if (account != NULL)
    g_signal_connect_object (account, "invitation-received", G_CALLBACK (on_invitation), self, 0);
  if (self->revealer != NULL)
    show_head (self);
}

/**
 * holboo_invitation_bar_get_room:
 *
 * Returns: (nullable): the group of the invitation shown
 */
const char *
holboo_invitation_bar_get_room (HolbooInvitationBar *self)
{
  Invitation *invitation;

  g_return_val_if_fail (HOLBOO_IS_INVITATION_BAR (self), NULL);
  invitation = g_queue_peek_head (&self->queue);
  return invitation != NULL ? invitation->room : NULL;
}

/* Joins the group of the invitation shown. */
void
holboo_invitation_bar_accept (HolbooInvitationBar *self)
{
  Invitation *invitation;
  g_autofree char *nick = NULL;

  g_return_if_fail (HOLBOO_IS_INVITATION_BAR (self));
  invitation = g_queue_peek_head (&self->queue);
  if (invitation == NULL || self->account == NULL)
    return;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->join_button, FALSE);
  nick = holboo_group_nick_for (self->account);
  holboo_account_join_room_async (self->account, invitation->room, nick, invitation->password,
                                  self->cancellable, on_joined, g_object_ref (self));
}

/* Drops the invitation shown (XEP-0249 has no answer to send). */
void
holboo_invitation_bar_decline (HolbooInvitationBar *self)
{
  g_return_if_fail (HOLBOO_IS_INVITATION_BAR (self));
  if (g_queue_is_empty (&self->queue))
    return;
  invitation_free (g_queue_pop_head (&self->queue));
  show_head (self);
}
