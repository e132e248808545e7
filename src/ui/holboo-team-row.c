/* holboo-team-row.c: one colleague in the Team page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are recycled by the list view: holboo_team_row_set_member() fills
 * one for a member and follows its card as it arrives.  Chat opens the
 * conversation (win.open-chat); Call is win.call, which stays
 * insensitive, with a tooltip saying why, until calls are there.
 */

#define G_LOG_DOMAIN "holboo-team-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "holboo-card-renderer.h"
#include "holboo-team-row.h"

struct _HolbooTeamRow
{
  GtkWidget         parent_instance;

  HolbooTeamMember *member;

  AdwAvatar        *avatar;
  GtkLabel         *name_label;
  GtkLabel         *subtitle_label;
  GtkLabel         *phone_label;
  GtkWidget        *chat_button;
  GtkWidget        *call_button;
};

G_DEFINE_FINAL_TYPE (HolbooTeamRow, holboo_team_row, GTK_TYPE_WIDGET)

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The card's photo, decoded once per card (kept on the card). */
static GdkPaintable *
photo_of (HolbooCard *card)
{
  static GQuark quark;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  if (card == NULL || holboo_card_get_photo (card) == NULL)
    return NULL;
  if (quark == 0)
    quark = g_quark_from_static_string ("holboo-team-row-photo");
  if ((texture = g_object_get_qdata (G_OBJECT (card), quark)) != NULL)
    return GDK_PAINTABLE (texture);
  texture = holboo_card_renderer_decode_photo (holboo_card_get_photo (card), &error);
  if (texture == NULL)
    {
      g_message ("The photo on the card of %s does not decode: %s", holboo_card_get_xmpp (card), error->message);
      return NULL;
    }
  g_object_set_qdata_full (G_OBJECT (card), quark, texture, g_object_unref);
  return GDK_PAINTABLE (texture);
}

static void
update (HolbooTeamRow *self)
{
  HolbooCard *card = holboo_team_member_get_card (self->member);
  const char *name = holboo_team_member_get_display_name (self->member);
  g_autofree char *subtitle = holboo_team_member_dup_subtitle (self->member);
  g_autofree char *chat = NULL;
  g_autofree char *call = NULL;
  const char *phone = card != NULL ? holboo_card_get_phones (card)[0] : NULL;

  gtk_label_set_text (self->name_label, name);
  adw_avatar_set_text (self->avatar, name);
  set_label (self->subtitle_label, subtitle);
  set_label (self->phone_label, phone);
  adw_avatar_set_custom_image (self->avatar, photo_of (card));

  /* TRANSLATORS: a button's label for screen readers; %s is a person */
  chat = g_strdup_printf (_("Chat with %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chat_button), GTK_ACCESSIBLE_PROPERTY_LABEL, chat, -1);
  /* TRANSLATORS: a button's label for screen readers; %s is a person */
  call = g_strdup_printf (_("Call %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->call_button), GTK_ACCESSIBLE_PROPERTY_LABEL, call, -1);
}

static void
on_call_sensitive (HolbooTeamRow *self)
{
  gtk_widget_set_tooltip_text (self->call_button, gtk_widget_get_sensitive (self->call_button)
                               ? _("Call")
                               : _("Calls are not available yet"));
}

static void
holboo_team_row_dispose (GObject *object)
{
  HolbooTeamRow *self = HOLBOO_TEAM_ROW (object);

  holboo_team_row_set_member (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_TEAM_ROW);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_team_row_parent_class)->dispose (object);
}

static void
holboo_team_row_class_init (HolbooTeamRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_team_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-team-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamRow, phone_label);
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamRow, chat_button);
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamRow, call_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "holboo-team-row");
}

static void
holboo_team_row_init (HolbooTeamRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->call_button, "notify::sensitive", G_CALLBACK (on_call_sensitive),
                           self, G_CONNECT_SWAPPED);
  on_call_sensitive (self);
}

GtkWidget *
holboo_team_row_new (void)
{
  return g_object_new (HOLBOO_TYPE_TEAM_ROW, NULL);
}

HolbooTeamMember *
holboo_team_row_get_member (HolbooTeamRow *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_ROW (self), NULL);
  return self->member;
}

/**
 * holboo_team_row_set_member:
 * @member: (nullable): the colleague to show, or %NULL to let go
 */
void
holboo_team_row_set_member (HolbooTeamRow    *self,
                            HolbooTeamMember *member)
{
  g_return_if_fail (HOLBOO_IS_TEAM_ROW (self));

  if (self->member != NULL)
    g_signal_handlers_disconnect_by_data (self->member, self);
  g_set_object (&self->member, member);
  if (member == NULL)
    return;

  g_signal_connect_object (member, "notify::display-name", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (member, "notify::card", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  /* Target first: the action's parameter is a string. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->chat_button), "s", holboo_team_member_get_jid (member));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->chat_button), "win.open-chat");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->call_button), "s", holboo_team_member_get_jid (member));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->call_button), "win.call");
  update (self);
}
