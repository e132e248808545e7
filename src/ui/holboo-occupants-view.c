/* holboo-occupants-view.c: who is in a group chat
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView over the room's occupants (live from their presence),
 * owners and admins first, then by name; each row says the occupant's
 * part in the room.  Below: "Invite Members…" (chats.invite-members).
 */

#define G_LOG_DOMAIN "holboo-occupants-view"

#include "config.h"

#include "holboo-occupants-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

struct _HolbooOccupantsView
{
  GtkWidget        parent_instance;

  HolbooRoom      *room;
  GtkSortListModel *sorted;
  GtkCustomSorter *sorter;

  GtkLabel        *count_label;
  GtkListView     *list_view;
};

G_DEFINE_FINAL_TYPE (HolbooOccupantsView, holboo_occupants_view, GTK_TYPE_WIDGET)

static int
compare_occupants (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  HolbooOccupant *oa = (HolbooOccupant *) a;
  HolbooOccupant *ob = (HolbooOccupant *) b;
  int aa = holboo_occupant_get_affiliation (oa);
  int ab = holboo_occupant_get_affiliation (ob);
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;

  if (aa != ab)
    return ab - aa;
  ka = g_utf8_collate_key (holboo_occupant_get_nick (oa), -1);
  kb = g_utf8_collate_key (holboo_occupant_get_nick (ob), -1);
  return strcmp (ka, kb);
}

static const char *
part_text (HolbooOccupant *occupant)
{
  switch (holboo_occupant_get_affiliation (occupant))
    {
    case HOLBOO_MUC_AFFILIATION_OWNER:
      return C_("group chat member", "Owner");
    case HOLBOO_MUC_AFFILIATION_ADMIN:
      return C_("group chat member", "Admin");
    case HOLBOO_MUC_AFFILIATION_MEMBER:
      return C_("group chat member", "Member");
    case HOLBOO_MUC_AFFILIATION_NONE:
    case HOLBOO_MUC_AFFILIATION_OUTCAST:
    default:
      return C_("group chat member", "Guest");
    }
}

static void
update_count (HolbooOccupantsView *self)
{
  guint n = self->sorted != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) : 0;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Member", "%u Members", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
on_items_changed (GListModel          *model,
                  guint                position,
                  guint                removed,
                  guint                added,
                  HolbooOccupantsView *self)
{
  update_count (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *avatar = adw_avatar_new (32, NULL, TRUE);
  GtkWidget *nick = gtk_label_new (NULL);
  GtkWidget *part = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (nick), 0);
  gtk_label_set_ellipsize (GTK_LABEL (nick), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (part), 0);
  gtk_widget_add_css_class (part, "caption");
  gtk_widget_add_css_class (part, "dim-label");
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (labels), nick);
  gtk_box_append (GTK_BOX (labels), part);
  gtk_box_append (GTK_BOX (box), avatar);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  HolbooOccupant *occupant = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *avatar = gtk_widget_get_first_child (box);
  GtkWidget *labels = gtk_widget_get_next_sibling (avatar);
  GtkWidget *nick = gtk_widget_get_first_child (labels);
  GtkWidget *part = gtk_widget_get_next_sibling (nick);
  const char *name = holboo_occupant_get_nick (occupant);

  adw_avatar_set_text (ADW_AVATAR (avatar), name);
  if (holboo_occupant_get_is_self (occupant))
    {
      /* TRANSLATORS: the user's own nickname in a group's member list */
      g_autofree char *you = g_strdup_printf (_("%s (you)"), name);

      gtk_label_set_text (GTK_LABEL (nick), you);
    }
  else
    gtk_label_set_text (GTK_LABEL (nick), name);
  gtk_label_set_text (GTK_LABEL (part), part_text (occupant));
  gtk_widget_set_tooltip_text (box, holboo_occupant_get_jid (occupant));
}

static void
holboo_occupants_view_dispose (GObject *object)
{
  HolbooOccupantsView *self = HOLBOO_OCCUPANTS_VIEW (object);

  holboo_occupants_view_set_room (self, NULL);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);

  G_OBJECT_CLASS (holboo_occupants_view_parent_class)->dispose (object);
}

static void
holboo_occupants_view_class_init (HolbooOccupantsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_occupants_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
holboo_occupants_view_init (HolbooOccupantsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *invite = gtk_button_new_with_mnemonic (_("_Invite Members…"));

  self->sorter = gtk_custom_sorter_new (compare_occupants, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (self->sorter));
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (on_items_changed), self, 0);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "heading");
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_label), 6);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))),
                                                      g_object_ref (factory)));
  gtk_widget_set_name (GTK_WIDGET (self->list_view), "occupant-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Members"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_widget_set_size_request (scrolled, 260, -1);

  gtk_widget_set_name (invite, "invite-members");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (invite), "chats.invite-members");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), invite);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  update_count (self);
}

GtkWidget *
holboo_occupants_view_new (void)
{
  return g_object_new (HOLBOO_TYPE_OCCUPANTS_VIEW, NULL);
}

/**
 * holboo_occupants_view_set_room:
 * @room: (nullable): the group chat to show the members of
 */
void
holboo_occupants_view_set_room (HolbooOccupantsView *self,
                                HolbooRoom          *room)
{
  g_return_if_fail (HOLBOO_IS_OCCUPANTS_VIEW (self));
  g_return_if_fail (room == NULL || HOLBOO_IS_ROOM (room));

  if (!g_set_object (&self->room, room))
    return;
  if (self->sorted != NULL)
    gtk_sort_list_model_set_model (self->sorted, room != NULL ? holboo_room_get_occupants (room) : NULL);
}

HolbooRoom *
holboo_occupants_view_get_room (HolbooOccupantsView *self)
{
  g_return_val_if_fail (HOLBOO_IS_OCCUPANTS_VIEW (self), NULL);
  return self->room;
}
