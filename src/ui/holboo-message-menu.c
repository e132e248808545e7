/* holboo-message-menu.c: a message's menu and reactions in a
 * conversation view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Part of HolbooMessageActions ("msg" actions on the conversation view):
 *
 *   msg.menu(x)               the message's menu, at its row
 *   msg.toggle-reaction((xs)) add or take back one's own reaction
 *   msg.react-more(x)         the emoji chooser, for any reaction
 *
 * The menu (a GtkPopoverMenu: quick reactions, then Reply, Edit, Open,
 * Save As, Copy, then Delete for Everyone) opens on right click, long
 * press, the row's hover button, and Shift+F10 / Menu on a focused row.
 * Popovers are parented to the view, pointing at the row, since rows
 * are recycled under them.
 */

#define G_LOG_DOMAIN "holboo-message-menu"

#include "config.h"

#include "holboo-message-actions-private.h"
#include "holboo-message-row.h"

#include <glib/gi18n.h>

/* The hover button's distance from the end of the view: clear of the
 * rows' delivery state and the scrollbar. */
#define HOVER_BUTTON_END 40

static const char * const quick_reactions[] = { "👍", "❤️", "😂", "😮", "😢", "🙏", NULL };

static HolbooAccount *
account (HolbooMessageActions *self)
{
  return holboo_message_list_get_account (self->list);
}

static gboolean
unparent_later (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
  return G_SOURCE_REMOVE;
}

/* Closes the open popover and lets it go: "closed" does not come for
 * one popped down before it was ever shown. */
void
_holboo_message_menu_close (HolbooMessageActions *self)
{
  GtkWidget *old = g_steal_pointer (&self->menu);

  if (old == NULL)
    return;
  gtk_popover_popdown (GTK_POPOVER (old));
  g_idle_add (unparent_later, g_object_ref (old));
}

/* Reactions. */

static void
set_reaction (HolbooMessageActions *self,
              HolbooStoredMessage  *m,
              const char           *emoji,
              gboolean              toggle)
{
  g_autoptr(GPtrArray) set = g_ptr_array_new_null_terminated (4, NULL, TRUE);
  g_autoptr(GError) error = NULL;
  gboolean had = FALSE;

  for (guint i = 0; m->reactions != NULL && i < m->reactions->len; i++)
    {
      HolbooReaction *r = g_ptr_array_index (m->reactions, i);

      if (!r->own)
        continue;
      if (g_strcmp0 (r->emoji, emoji) == 0)
        had = TRUE;
      else
        g_ptr_array_add (set, r->emoji);
    }
  if (had && !toggle)
    return;
  if (!had)
    g_ptr_array_add (set, (gpointer) emoji);
  if (!holboo_account_react (account (self), m, (const char * const *) set->pdata, &error))
    _holboo_message_actions_toast (self, error->message);
}

static void
toggle_reaction (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  const char *emoji;
  gint64 id;
  HolbooStoredMessage *m;

  g_variant_get (parameter, "(x&s)", &id, &emoji);
  if ((m = _holboo_message_actions_lookup (self, id)) != NULL && !m->retracted)
    set_reaction (self, m, emoji, TRUE);
  _holboo_message_menu_close (self);
}

/* The row of message @id on screen, if any. */
static GtkWidget *
find_row (HolbooMessageActions *self,
          gint64                id)
{
  if (self->list_view == NULL)
    return NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      HolbooMessageItem *item;

      if (HOLBOO_IS_MESSAGE_ROW (child) && gtk_widget_get_child_visible (row) &&
          (item = holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child))) != NULL &&
          holboo_message_item_get_id (item) == id)
        return child;
    }
  return NULL;
}

/* A popover parented to the view, pointing at @x,@y of message @id's
 * row (or at the whole row when @x is negative). */
static void
popup_at (HolbooMessageActions *self,
          GtkWidget            *popover,
          gint64                id,
          double                x,
          double                y)
{
  GtkWidget *row = find_row (self, id);
  graphene_rect_t bounds;
  GdkRectangle rect = { 0, 0, 1, 1 };

  _holboo_message_menu_close (self);
  if (row != NULL && gtk_widget_compute_bounds (row, self->view, &bounds))
    {
      if (x >= 0)
        {
          graphene_point_t point;

          if (gtk_widget_compute_point (row, self->view, &GRAPHENE_POINT_INIT (x, y), &point))
            rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
        }
      else
        rect = (GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                                (int) bounds.size.width, (int) MIN (bounds.size.height, 48) };
    }
  gtk_widget_set_parent (popover, self->view);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &rect);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_TOP);
  self->menu = popover;
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_popover_closed (GtkPopover           *popover,
                   HolbooMessageActions *self)
{
  if (self->menu == GTK_WIDGET (popover))
    self->menu = NULL;
  /* Its action may still be running from it: let it go afterwards. */
  g_idle_add (unparent_later, g_object_ref (popover));
}

static void
on_emoji_picked (GtkEmojiChooser      *chooser,
                 const char           *text,
                 HolbooMessageActions *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "message-id"));
  HolbooStoredMessage *m = _holboo_message_actions_lookup (self, id);

  if (m != NULL && !m->retracted)
    set_reaction (self, m, text, FALSE);
}

static void
react_more (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  HolbooMessageActions *self = user_data;
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *chooser = gtk_emoji_chooser_new ();

  g_object_set_data (G_OBJECT (chooser), "message-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_object (chooser, "emoji-picked", G_CALLBACK (on_emoji_picked), self, 0);
  g_signal_connect_object (chooser, "closed", G_CALLBACK (on_popover_closed), self, 0);
  popup_at (self, chooser, id, -1, -1);
}

/* The menu. */

static GtkWidget *
quick_reactions_box (gint64 id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *more;

  gtk_widget_set_name (box, "quick-reactions");
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  for (guint i = 0; quick_reactions[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (quick_reactions[i]);
      g_autofree char *label = g_strdup_printf (_("React with %s"), quick_reactions[i]);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "holboo-quick-reaction");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xs)", id, quick_reactions[i]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "msg.toggle-reaction");
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (box), button);
    }
  more = gtk_button_new_from_icon_name ("face-smile-symbolic");
  gtk_widget_set_name (more, "more-reactions");
  gtk_widget_add_css_class (more, "flat");
  gtk_widget_add_css_class (more, "circular");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (more), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (more), "msg.react-more");
  gtk_widget_set_tooltip_text (more, _("More Reactions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (more), GTK_ACCESSIBLE_PROPERTY_LABEL, _("More Reactions"), -1);
  gtk_box_append (GTK_BOX (box), more);
  return box;
}

static void
append_item (GMenu      *section,
             const char *label,
             const char *action,
             gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  g_menu_append_item (section, item);
}

static GMenuModel *
menu_model (HolbooStoredMessage *m)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) reactions = g_menu_new ();
  g_autoptr(GMenu) main = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  g_autoptr(GMenuItem) custom = g_menu_item_new (NULL, NULL);
  gboolean own = m->direction == HOLBOO_MESSAGE_OUTGOING;
  HolbooStoredAttachment *a = m->attachment;

  g_menu_item_set_attribute (custom, "custom", "s", "reactions");
  g_menu_append_item (reactions, custom);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (reactions));

  append_item (main, _("_Reply"), "msg.reply", m->id);
  if (_holboo_message_actions_editable (m))
    append_item (main, _("_Edit"), "msg.edit", m->id);
  if (a != NULL && (a->state == HOLBOO_ATTACHMENT_STATE_UPLOADED || a->state == HOLBOO_ATTACHMENT_STATE_DOWNLOADED))
    {
      append_item (main, _("_Open"), "msg.open-file", m->id);
      append_item (main, _("_Save As…"), "msg.save-file", m->id);
    }
  else if (a != NULL && a->state == HOLBOO_ATTACHMENT_STATE_REMOTE)
    append_item (main, _("_Download"), "msg.download", m->id);
  append_item (main, a != NULL ? _("_Copy Link") : _("_Copy Text"), "msg.copy", m->id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (main));

  if (own)
    {
      append_item (danger, _("_Delete for Everyone…"), "msg.delete", m->id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
    }
  return G_MENU_MODEL (menu);
}

static void
open_menu (HolbooMessageActions *self,
           gint64                id,
           double                x,
           double                y)
{
  HolbooStoredMessage *m = _holboo_message_actions_lookup (self, id);
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (m == NULL || m->retracted)
    return;
  model = menu_model (m);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_name (popover, "message-menu");
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), quick_reactions_box (id), "reactions");
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_popover_closed), self, 0);
  popup_at (self, popover, id, x, y);
}

static void
menu (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  open_menu (user_data, g_variant_get_int64 (parameter), -1, -1);
}

/* The message row under @x,@y of the list view. */
static HolbooMessageRow *
row_at (HolbooMessageActions *self,
        double                x,
        double                y,
        graphene_point_t     *in_row)
{
  GtkWidget *picked = gtk_widget_pick (self->messages, x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked != NULL ? gtk_widget_get_ancestor (picked, HOLBOO_TYPE_MESSAGE_ROW) : NULL;

  if (row == NULL || holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (row)) == NULL ||
      !gtk_widget_compute_point (self->messages, row, &GRAPHENE_POINT_INIT (x, y), in_row))
    return NULL;
  return HOLBOO_MESSAGE_ROW (row);
}

static void
menu_at (HolbooMessageActions *self,
         double                x,
         double                y)
{
  graphene_point_t point;
  HolbooMessageRow *row = row_at (self, x, y, &point);

  if (row != NULL)
    open_menu (self, holboo_message_item_get_id (holboo_message_row_get_item (row)), point.x, point.y);
}

static void
on_right_click (GtkGestureClick      *gesture,
                int                   n_press,
                double                x,
                double                y,
                HolbooMessageActions *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  menu_at (self, x, y);
}

static void
on_long_press (GtkGestureLongPress  *gesture,
               double                x,
               double                y,
               HolbooMessageActions *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  menu_at (self, x, y);
}

/* The hover button: one for the view, put at the top end of the row
 * under the pointer (rows are many and recycled; a button in each would
 * be made, styled and measured for every row). */
/* Where the message itself starts in its row: below a day divider or
 * the unread marker, at its sender, quote, text or file. */
static GtkWidget *
message_top (HolbooMessageRow *row)
{
  static const HolbooMessageRowSlot slots[] = {
    HOLBOO_MESSAGE_ROW_SLOT_SENDER, HOLBOO_MESSAGE_ROW_SLOT_QUOTE,
    HOLBOO_MESSAGE_ROW_SLOT_BODY, HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      GtkWidget *child = holboo_message_row_get_slot (row, slots[i]);

      if (child != NULL && gtk_widget_get_visible (child))
        return child;
    }
  return GTK_WIDGET (row);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HolbooMessageActions     *self)
{
  GtkWidget *picked = gtk_widget_pick (self->messages, x, y, GTK_PICK_DEFAULT);
  graphene_point_t point;
  HolbooMessageRow *row;
  HolbooStoredMessage *m;
  graphene_rect_t bounds;

  if (self->hover_button == NULL ||
      (picked != NULL && (picked == self->hover_button || gtk_widget_is_ancestor (picked, self->hover_button))))
    return;
  row = row_at (self, x, y, &point);
  m = row != NULL ? holboo_message_item_get_message (holboo_message_row_get_item (row)) : NULL;
  if (m == NULL || m->retracted || !gtk_widget_compute_bounds (message_top (row), self->messages, &bounds))
    {
      gtk_widget_set_visible (self->hover_button, FALSE);
      return;
    }
  gtk_widget_set_margin_top (self->hover_button, MAX (0, (int) bounds.origin.y - 8));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->hover_button), "x", m->id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->hover_button), "msg.menu");
  gtk_widget_set_visible (self->hover_button, TRUE);
}

static void
on_leave (GtkEventControllerMotion *controller,
          HolbooMessageActions     *self)
{
  if (self->hover_button != NULL && self->menu == NULL)
    gtk_widget_set_visible (self->hover_button, FALSE);
}

/* Shift+F10 or Menu on a focused row (or on a button in it). */
static gboolean
on_list_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             HolbooMessageActions  *self)
{
  GtkWidget *focus;
  GtkWidget *row;

  if (!(keyval == GDK_KEY_Menu || (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK))))
    return FALSE;
  focus = gtk_root_get_focus (gtk_widget_get_root (self->messages));
  if (focus == NULL)
    return FALSE;
  row = gtk_widget_get_ancestor (focus, HOLBOO_TYPE_MESSAGE_ROW);
  if (row == NULL && gtk_widget_get_first_child (focus) != NULL)
    row = gtk_widget_get_first_child (focus);   /* the list item itself */
  if (row == NULL || !HOLBOO_IS_MESSAGE_ROW (row) || holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (row)) == NULL)
    return FALSE;
  open_menu (self, holboo_message_item_get_id (holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (row))), -1, -1);
  return TRUE;
}

void
_holboo_message_menu_init (HolbooMessageActions *self)
{
  static const GActionEntry entries[] = {
    { "menu", menu, "x" },
    { "toggle-reaction", toggle_reaction, "(xs)" },
    { "react-more", react_more, "x" },
  };
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkWidget *button;

  g_action_map_add_action_entries (G_ACTION_MAP (self->group), entries, G_N_ELEMENTS (entries), self);

  /* On the overlay over the conversations' list views: one set for all
   * of them, and the hover button lives there too. */
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_list_key), self, 0);
  gtk_widget_add_controller (self->messages, controller);
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_right_click), self, 0);
  gtk_widget_add_controller (self->messages, GTK_EVENT_CONTROLLER (gesture));
  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (on_long_press), self, 0);
  gtk_widget_add_controller (self->messages, GTK_EVENT_CONTROLLER (gesture));
  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion), self, 0);
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_leave), self, 0);
  gtk_widget_add_controller (self->messages, controller);

  button = gtk_button_new_from_icon_name ("view-more-symbolic");
  gtk_widget_set_name (button, "message-menu-button");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_end (button, HOVER_BUTTON_END);
  gtk_widget_set_tooltip_text (button, _("Message Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Message Actions"), -1);
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "holboo-message-menu-button");
  gtk_widget_set_visible (button, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->messages), button);
  self->hover_button = button;
}
