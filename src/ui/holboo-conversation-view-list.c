/* holboo-conversation-view-list.c: the conversation view's messages:
 * list views, following the newest message, paging older ones in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The messages are a GtkListView over the conversation's
 * HolbooMessageList: rows exist only for what is on screen.  The view
 * sticks to the newest message while the user is at the bottom, and
 * asks the list for older pages when the user nears the top (or when
 * the messages do not fill the view yet).  Prepended pages do not move
 * what is on screen: the list view keeps its anchor on an item.
 *
 * Each of the last few conversations shown keeps its own list view (a
 * Page, in the "pages" stack): going back to one shows its rows as they
 * were — still bound, measured and following their list's changes —
 * instead of making, binding and measuring them all again, which is
 * most of the cost of opening a conversation.
 */

#define G_LOG_DOMAIN "holboo-conversation-view"

#include "config.h"

#include "holboo-conversation-view-private.h"
#include "holboo-message-row.h"

#include <glib/gi18n.h>

/* After a failed load (offline), do not ask again for this long. */
#define RETRY_AFTER (5 * G_USEC_PER_SEC)

/* List views kept for conversations shown before (the chats page keeps
 * as many lists). */
#define KEPT_PAGES 4

static GtkAdjustment *
vadjustment (HolbooConversationView *self)
{
  return self->scrolled != NULL ? gtk_scrolled_window_get_vadjustment (self->scrolled) : NULL;
}

/* To the newest message.  The list view learns row heights as it lays
 * rows out, so the bottom moves for a few frames after a change: the
 * view follows it frame by frame until it stays put. */
static void
scroll_now (HolbooConversationView *self)
{
  GtkAdjustment *adj = vadjustment (self);
  guint n;

  /* An empty list view has no position to scroll to (and says so). */
  if (self->list == NULL || (n = g_list_model_get_n_items (G_LIST_MODEL (self->list))) == 0)
    return;
  self->scrolling = TRUE;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", n - 1);
  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj));
  self->scrolling = FALSE;
}

static gboolean
on_stick_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  HolbooConversationView *self = HOLBOO_CONVERSATION_VIEW (widget);
  GtkAdjustment *adj = vadjustment (self);
  double bottom;

  if (adj == NULL || !self->sticky || self->stick_frames == 0)
    {
      self->stick_tick = 0;
      return G_SOURCE_REMOVE;
    }
  bottom = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  if (gtk_adjustment_get_value (adj) >= bottom - 1 && bottom == self->stick_bottom)
    self->stick_frames--;   /* settled for one more frame */
  else
    scroll_now (self);
  self->stick_bottom = bottom;
  return G_SOURCE_CONTINUE;
}

static void
scroll_to_bottom (HolbooConversationView *self)
{
  scroll_now (self);
  self->stick_frames = 3;
  if (self->stick_tick == 0)
    self->stick_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_stick_tick, NULL, NULL);
}

/* The row of @message_id and its top in the view, if it has one. */
static gboolean
row_y (HolbooConversationView *self,
       gint64                  message_id,
       double                 *y)
{
  GtkWidget *viewport = GTK_WIDGET (self->list_view);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      HolbooMessageItem *item;
      graphene_point_t point;

      if (!HOLBOO_IS_MESSAGE_ROW (child) || !gtk_widget_get_child_visible (row))
        continue;
      item = holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child));
      if (item == NULL || holboo_message_item_get_id (item) != message_id)
        continue;
      if (!gtk_widget_compute_point (row, viewport, &GRAPHENE_POINT_INIT (0, 0), &point))
        return FALSE;
      *y = point.y;
      return TRUE;
    }
  return FALSE;
}

/* The message at the top of the view, and where its row starts. */
static gint64
top_message (HolbooConversationView *self,
             double                 *y)
{
  GtkWidget *viewport = GTK_WIDGET (self->list_view);
  gint64 id = 0;
  double best = G_MAXDOUBLE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_widget_get_first_child (row);
      HolbooMessageItem *item;
      graphene_point_t point;
      int height = gtk_widget_get_height (row);

      if (!HOLBOO_IS_MESSAGE_ROW (child) || !gtk_widget_get_child_visible (row) ||
          (item = holboo_message_row_get_item (HOLBOO_MESSAGE_ROW (child))) == NULL ||
          !gtk_widget_compute_point (row, viewport, &GRAPHENE_POINT_INIT (0, 0), &point))
        continue;
      if (point.y + height > 0 && point.y < best)
        {
          best = point.y;
          id = holboo_message_item_get_id (item);
        }
    }
  *y = best;
  return id;
}

/* After a page came in above: put the message that was at the top back
 * where it was, frame by frame while the new rows are measured. */
static gboolean
on_keep_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  HolbooConversationView *self = HOLBOO_CONVERSATION_VIEW (widget);
  GtkAdjustment *adj = vadjustment (self);
  guint position;
  double y;

  if (self->list == NULL || self->keep_frames == 0 ||
      !holboo_message_list_find (self->list, self->keep_id, &position))
    {
      self->keep_tick = 0;
      return G_SOURCE_REMOVE;
    }
  self->keep_frames--;
  self->scrolling = TRUE;
  if (row_y (self, self->keep_id, &y))
    {
      if (ABS (y - self->keep_y) >= 1)
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + y - self->keep_y);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  self->scrolling = FALSE;
  return G_SOURCE_CONTINUE;
}

static void
on_items_changed (GListModel             *model,
                  guint                   position,
                  guint                   removed,
                  guint                   added,
                  HolbooConversationView *self)
{
  /* Runs before the list view hears of the change: the rows are still
   * where they were drawn. */
  if (model != G_LIST_MODEL (self->list) || position != 0 || removed != 0 || added == 0 || self->sticky)
    return;
  self->keep_id = top_message (self, &self->keep_y);
  g_debug ("Keeping message %" G_GINT64_FORMAT " at %.0f", self->keep_id, self->keep_y);
  if (self->keep_id == 0)
    return;
  self->keep_frames = 6;
  if (self->keep_tick == 0)
    self->keep_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_keep_tick, NULL, NULL);
}

static void
on_loaded_older (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HolbooConversationView *self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!holboo_message_list_load_older_finish (HOLBOO_MESSAGE_LIST (source), result, &n, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("No older messages: %s", error->message);
          self->failed_at = g_get_monotonic_time ();
        }
    }
  g_object_unref (self);
}

static void
maybe_load_older (HolbooConversationView *self)
{
  GtkAdjustment *adj = vadjustment (self);

  if (self->list == NULL || !holboo_message_list_get_loaded (self->list) ||
      holboo_message_list_get_loading (self->list) || holboo_message_list_get_at_start (self->list))
    return;
  if (self->failed_at != 0 && g_get_monotonic_time () - self->failed_at < RETRY_AFTER)
    return;
  /* Within a screen of the top, or nothing to scroll yet. */
  if (gtk_adjustment_get_value (adj) > gtk_adjustment_get_page_size (adj))
    return;

  holboo_message_list_load_older_async (self->list, self->cancellable, on_loaded_older, g_object_ref (self));
}

/* The messages do not fill the view: nothing to scroll to the top with. */
static gboolean
underfilled (HolbooConversationView *self)
{
  GtkAdjustment *adj = vadjustment (self);

  return gtk_adjustment_get_page_size (adj) > 0 &&
         gtk_adjustment_get_upper (adj) <= gtk_adjustment_get_page_size (adj);
}

/* The user, not the list view laying itself out, moved the view: only
 * then does it stop following the newest message, and only then are
 * older pages asked for as the top comes near. */
static gboolean
user_moved (HolbooConversationView *self)
{
  return self->dragging || g_get_monotonic_time () - self->user_scrolled < G_USEC_PER_SEC;
}

static void
on_value_changed (GtkAdjustment          *adj,
                  HolbooConversationView *self)
{
  gboolean at_bottom;

  if (self->scrolling || adj != vadjustment (self))
    return;
  at_bottom = gtk_adjustment_get_value (adj) >=
              gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) - 4;
  if (at_bottom)
    self->sticky = TRUE;
  else if (user_moved (self))
    self->sticky = FALSE;
  if (!self->sticky)
    maybe_load_older (self);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           HolbooConversationView   *self)
{
  if (dy < 0)
    self->user_scrolled = g_get_monotonic_time ();
  return FALSE;
}

static gboolean
on_list_key (GtkEventControllerKey  *controller,
             guint                   keyval,
             guint                   keycode,
             GdkModifierType         state,
             HolbooConversationView *self)
{
  if (keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up || keyval == GDK_KEY_Up ||
      keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_Home || keyval == GDK_KEY_KP_Home)
    self->user_scrolled = g_get_monotonic_time ();
  return FALSE;
}

static void
on_drag_begin (GtkGestureDrag         *gesture,
               double                  x,
               double                  y,
               HolbooConversationView *self)
{
  self->dragging = TRUE;
}

static void
on_drag_end (GtkGestureDrag         *gesture,
             double                  x,
             double                  y,
             HolbooConversationView *self)
{
  self->dragging = FALSE;
}

static void
on_upper_changed (GtkAdjustment          *adj,
                  GParamSpec             *pspec,
                  HolbooConversationView *self)
{
  if (adj != vadjustment (self))
    return;
  if (self->sticky)
    scroll_to_bottom (self);
  if (underfilled (self))
    maybe_load_older (self);
}

static void
update_state (HolbooConversationView *self)
{
  gboolean empty;

  if (self->list == NULL)
    return;
  empty = holboo_message_list_get_loaded (self->list) &&
          holboo_message_list_get_at_start (self->list) &&
          g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;
  /* An empty store may still have an archive: only say "no messages"
   * once nothing older was found (or could be asked for). */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0 &&
      holboo_message_list_get_loaded (self->list) && !holboo_message_list_get_loading (self->list))
    empty = TRUE;
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "messages");
  gtk_spinner_set_spinning (self->spinner, holboo_message_list_get_loading (self->list) &&
                                           holboo_message_list_get_loaded (self->list));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), gtk_spinner_get_spinning (self->spinner));
}

static void
on_list_notify (HolbooMessageList      *list,
                GParamSpec             *pspec,
                HolbooConversationView *self)
{
  update_state (self);
  if (self->jump_id != 0)
    {
      /* A search's match to show: it scrolls there itself. */
      _holboo_conversation_view_try_jump (self);
      return;
    }
  if (self->sticky)
    scroll_to_bottom (self);
  if (underfilled (self))
    maybe_load_older (self);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           Page                     *page)
{
  gtk_list_item_set_child (list_item, holboo_message_row_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          Page                     *page)
{
  holboo_message_row_set_item (HOLBOO_MESSAGE_ROW (gtk_list_item_get_child (list_item)),
                               gtk_list_item_get_item (list_item), page->name);
  _holboo_conversation_view_mark_match (page->view, gtk_list_item_get_child (list_item),
                                        gtk_list_item_get_item (list_item));
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            Page                     *page)
{
  holboo_message_row_set_item (HOLBOO_MESSAGE_ROW (gtk_list_item_get_child (list_item)), NULL, NULL);
}

static void
page_free (Page *page)
{
  gtk_stack_remove (page->view->pages, GTK_WIDGET (page->scrolled));
  g_signal_handlers_disconnect_by_func (page->list, on_items_changed, page->view);
  g_object_unref (page->list);
  g_free (page->name);
  g_free (page);
}

static Page *
page_new (HolbooConversationView *self,
          HolbooMessageList      *list,
          const char             *name)
{
  Page *page = g_new0 (Page, 1);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys, *scroll;
  GtkAdjustment *adj;
  GtkGesture *drag;

  page->view = self;
  page->list = g_object_ref (list);
  page->name = g_strdup (name);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), page);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), page);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), page);
  /* Before the list view's own handler, through the selection model. */
  g_signal_connect_object (list, "items-changed", G_CALLBACK (on_items_changed), self, 0);
  page->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (list)))),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (page->list_view), "holboo-messages");
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Messages"), -1);

  page->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (page->scrolled, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (page->scrolled, GTK_WIDGET (page->list_view));
  adj = gtk_scrolled_window_get_vadjustment (page->scrolled);
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (on_value_changed), self, 0);
  g_signal_connect_object (adj, "notify::upper", G_CALLBACK (on_upper_changed), self, 0);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (page->scrolled), scroll);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (page->scrolled), keys);
  drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (gtk_scrolled_window_get_vscrollbar (page->scrolled), GTK_EVENT_CONTROLLER (drag));

  gtk_stack_add_child (self->pages, GTK_WIDGET (page->scrolled));
  return page;
}

/* The page of @list, made if there is none, at the head of kept. */
static Page *
ensure_page (HolbooConversationView *self,
             HolbooMessageList      *list,
             const char             *name)
{
  Page *page;

  for (GList *l = self->kept.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->list != list)
        continue;
      g_queue_unlink (&self->kept, l);
      g_queue_push_head_link (&self->kept, l);
      if (g_strcmp0 (page->name, name) != 0)
        {
          g_free (page->name);
          page->name = g_strdup (name);
        }
      return page;
    }

  page = page_new (self, list, name);
  g_queue_push_head (&self->kept, page);
  while (g_queue_get_length (&self->kept) > KEPT_PAGES)
    page_free (g_queue_pop_tail (&self->kept));
  return page;
}

/* Shows @list: its kept list view, or a new one, from the newest
 * message. */
void
_holboo_conversation_view_show_list (HolbooConversationView *self,
                                     HolbooMessageList      *list,
                                     const char             *name)
{
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->list, on_list_notify, self);
      gtk_widget_set_name (GTK_WIDGET (self->list_view), "message-list-kept");
    }
  g_set_object (&self->list, list);
  self->sticky = TRUE;
  self->failed_at = 0;
  self->keep_frames = 0;
  if (list == NULL)
    {
      self->page = NULL;
      self->scrolled = NULL;
      self->list_view = NULL;
      return;
    }

  self->page = ensure_page (self, list, name);
  self->scrolled = self->page->scrolled;
  self->list_view = self->page->list_view;
  /* Tests and benchmarks find the list shown by this name. */
  gtk_widget_set_name (GTK_WIDGET (self->list_view), "message-list");
  gtk_stack_set_visible_child (self->pages, GTK_WIDGET (self->scrolled));
  g_signal_connect_object (list, "notify::loaded", G_CALLBACK (on_list_notify), self, 0);
  g_signal_connect_object (list, "notify::loading", G_CALLBACK (on_list_notify), self, 0);
  g_signal_connect_object (list, "notify::at-start", G_CALLBACK (on_list_notify), self, 0);
  g_signal_connect_object (list, "notify::n-items", G_CALLBACK (on_list_notify), self, 0);
  update_state (self);
  scroll_to_bottom (self);
}

/* Drops every kept list view (there is no list shown). */
void
_holboo_conversation_view_forget_lists (HolbooConversationView *self)
{
  g_return_if_fail (self->list == NULL);
  g_queue_clear_full (&self->kept, (GDestroyNotify) page_free);
}

void
_holboo_conversation_view_stop_scrolling (HolbooConversationView *self)
{
  if (self->stick_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->stick_tick);
  self->stick_tick = 0;
  if (self->keep_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->keep_tick);
  self->keep_tick = 0;
}
