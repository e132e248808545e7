/* holboo-team-page.c: the Team page: colleagues and their cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of the account's colleagues (HolbooTeamDirectory), sorted by
 * name and filtered as the user types (HolbooTeamMember's matching:
 * name, title, department, company, number).  The cards are fetched the
 * first time the page is shown, not before.  Each row has Chat and Call;
 * activating a row shows the colleague's card, with its QR code, in a
 * window of its own.
 */

#define G_LOG_DOMAIN "holboo-team-page"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-card-preview.h"
#include "holboo-team-page.h"
#include "holboo-team-row.h"

struct _HolbooTeamPage
{
  AdwBin               parent_instance;

  HolbooTeamDirectory *directory;
  GtkCustomFilter     *filter;
  GtkCustomSorter     *sorter;
  GtkSortListModel    *sorted;
  GtkFilterListModel  *filtered;
  char                *query;

  /* Template children */
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkListView         *list_view;
};

G_DEFINE_FINAL_TYPE (HolbooTeamPage, holboo_team_page, ADW_TYPE_BIN)

static void
update_stack (HolbooTeamPage *self)
{
  guint total = self->directory != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->directory)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  const char *name = total == 0 ? "empty" : shown == 0 ? "no-results" : "list";

  gtk_stack_set_visible_child_name (self->stack, name);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HolbooTeamPage *self = user_data;

  return holboo_team_member_matches (item, self->query);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  int order = g_utf8_collate (holboo_team_member_get_display_name ((HolbooTeamMember *) a),
                              holboo_team_member_get_display_name ((HolbooTeamMember *) b));

  return order != 0 ? order : g_strcmp0 (holboo_team_member_get_jid ((HolbooTeamMember *) a),
                                         holboo_team_member_get_jid ((HolbooTeamMember *) b));
}

static void
on_search_changed (HolbooTeamPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->query);
  self->query = g_strstrip (g_strdup (text));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_activate (HolbooTeamPage *self,
             guint           position)
{
  g_autoptr(HolbooTeamMember) member = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (member != NULL)
    holboo_team_page_show_member (self, holboo_team_member_get_jid (member));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, holboo_team_row_new ());
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  holboo_team_row_set_member (HOLBOO_TEAM_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  holboo_team_row_set_member (HOLBOO_TEAM_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
holboo_team_page_map (GtkWidget *widget)
{
  HolbooTeamPage *self = HOLBOO_TEAM_PAGE (widget);

  GTK_WIDGET_CLASS (holboo_team_page_parent_class)->map (widget);

  /* Lazily: the cards are asked for when someone looks. */
  if (self->directory != NULL)
    holboo_team_directory_load (self->directory);
}

static void
holboo_team_page_dispose (GObject *object)
{
  HolbooTeamPage *self = HOLBOO_TEAM_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HOLBOO_TYPE_TEAM_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->directory);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (holboo_team_page_parent_class)->dispose (object);
}

static void
holboo_team_page_class_init (HolbooTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_team_page_dispose;
  widget_class->map = holboo_team_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HolbooTeamPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
holboo_team_page_init (HolbooTeamPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (self->sorter));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (self->sorted), GTK_FILTER (self->filter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
  g_object_unref (gtk_list_view_get_model (self->list_view));
  update_stack (self);
}

GtkWidget *
holboo_team_page_new (void)
{
  return g_object_new (HOLBOO_TYPE_TEAM_PAGE, NULL);
}

/**
 * holboo_team_page_set_account:
 * @account: (nullable): whose colleagues to show
 */
void
holboo_team_page_set_account (HolbooTeamPage *self,
                              HolbooAccount  *account)
{
  g_return_if_fail (HOLBOO_IS_TEAM_PAGE (self));
  g_return_if_fail (account == NULL || HOLBOO_IS_ACCOUNT (account));

  if (self->directory != NULL && holboo_team_directory_get_account (self->directory) == account)
    return;
  g_clear_object (&self->directory);
  if (account != NULL)
    self->directory = holboo_team_directory_new (account);
  gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (self->directory));
  if (self->directory != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    holboo_team_directory_load (self->directory);
  update_stack (self);
}

/**
 * holboo_team_page_get_directory:
 *
 * Returns: (transfer none) (nullable): the colleagues
 */
HolbooTeamDirectory *
holboo_team_page_get_directory (HolbooTeamPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_PAGE (self), NULL);
  return self->directory;
}

/**
 * holboo_team_page_get_shown:
 *
 * Returns: (transfer none): the colleagues shown, sorted and filtered by
 *   the search
 */
GListModel *
holboo_team_page_get_shown (HolbooTeamPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_TEAM_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

/**
 * holboo_team_page_show_member:
 *
 * Opens a window with the colleague's card, large enough to scan its QR
 * code from the screen.
 */
void
holboo_team_page_show_member (HolbooTeamPage *self,
                              const char     *jid)
{
  HolbooTeamMember *member;

  g_return_if_fail (HOLBOO_IS_TEAM_PAGE (self));

  member = self->directory != NULL ? holboo_team_directory_lookup (self->directory, jid) : NULL;
  if (member == NULL || holboo_team_member_get_card (member) == NULL)
    return;

  holboo_card_preview_present (GTK_WIDGET (self), holboo_team_member_get_card (member),
                               holboo_team_member_get_display_name (member), jid);
}
