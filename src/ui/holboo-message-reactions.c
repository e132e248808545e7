/* holboo-message-reactions.c: the reactions under a message, each with
 * its count; one click toggles the user's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One toggle button per emoji, in the order the reactions first came
 * (the store keeps that order), pressed when the user is one of the
 * reactors.  A click activates the conversation's "msg.toggle-reaction"
 * with the message's row id and the emoji; the state the buttons show
 * is always the store's, which ::message-updated brings back.  Rows are
 * recycled: buttons are reused, not rebuilt, when a row gets another
 * message.
 */

#define G_LOG_DOMAIN "holboo-message-reactions"

#include "config.h"

#include "holboo-message-reactions.h"

#include <glib/gi18n.h>

struct _HolbooMessageReactions
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (HolbooMessageReactions, holboo_message_reactions, GTK_TYPE_WIDGET)

static void
holboo_message_reactions_dispose (GObject *object)
{
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_message_reactions_parent_class)->dispose (object);
}

static void
holboo_message_reactions_class_init (HolbooMessageReactionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_message_reactions_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "holboo-reactions");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
holboo_message_reactions_init (HolbooMessageReactions *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 4);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reactions"), -1);
}

GtkWidget *
holboo_message_reactions_new (void)
{
  return g_object_new (HOLBOO_TYPE_MESSAGE_REACTIONS, NULL);
}

/**
 * holboo_message_reactions_set_message:
 * @message: (nullable): the message whose reactions to show
 *
 * Hides itself when there are none.
 */
void
holboo_message_reactions_set_message (HolbooMessageReactions *self,
                                      HolbooStoredMessage    *message)
{
  GPtrArray *reactions = message != NULL && !message->retracted ? message->reactions : NULL;
  guint n = reactions != NULL ? reactions->len : 0;
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self));

  g_return_if_fail (HOLBOO_IS_MESSAGE_REACTIONS (self));

  for (guint i = 0; i < n; i++)
    {
      HolbooReaction *r = g_ptr_array_index (reactions, i);
      g_autofree char *text = g_strdup_printf ("%s %u", r->emoji, r->count);
      g_autofree char *label = NULL;

      if (button == NULL)
        {
          button = gtk_toggle_button_new ();
          gtk_widget_add_css_class (button, "holboo-reaction");
          gtk_widget_set_parent (button, GTK_WIDGET (self));
        }
      gtk_button_set_label (GTK_BUTTON (button), text);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), r->own);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xs)", message->id, r->emoji);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "msg.toggle-reaction");
      label = r->own ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u reaction, yours among them: remove yours",
                                                     "%s: %u reactions, yours among them: remove yours", r->count),
                                        r->emoji, r->count)
                     : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u reaction: add yours",
                                                     "%s: %u reactions: add yours", r->count),
                                        r->emoji, r->count);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_visible (button, TRUE);
      button = gtk_widget_get_next_sibling (button);
    }
  for (; button != NULL; button = gtk_widget_get_next_sibling (button))
    gtk_widget_set_visible (button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}
