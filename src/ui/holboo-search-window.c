/* holboo-search-window.c: searching all conversations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search entry over the stored messages of every conversation (FTS,
 * holboo_account_search_messages_async()), the newest matches first:
 * each result says the conversation, who wrote, when, and the text
 * around the match with the matched words in bold.  Activating one
 * emits ::open-message; the Chats page opens the conversation at it.
 */

#define G_LOG_DOMAIN "holboo-search-window"

#include "config.h"

#include "holboo-account-conversations.h"
#include "holboo-search-window.h"

#include <glib/gi18n.h>
#include <string.h>

/* A result list to read, not to scroll for ever: refine the words. */
#define MAX_HITS 50

struct _HolbooSearchWindow
{
  AdwWindow               parent_instance;

  HolbooConversationList *conversations;
  GCancellable           *cancellable;
  GPtrArray              *hits;     /* (element-type HolbooMessageHit) */

  GtkSearchEntry         *entry;
  GtkStack               *stack;
  GtkListBox             *results;
};

G_DEFINE_FINAL_TYPE (HolbooSearchWindow, holboo_search_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_OPEN_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The snippet as markup: escaped, the matches in bold. */
static char *
snippet_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *p = snippet;

  while (p != NULL && *p != '\0')
    {
      const char *start = strstr (p, HOLBOO_SEARCH_MATCH_START);
      const char *end;
      g_autofree char *before = NULL;
      g_autofree char *match = NULL;

      if (start == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);

          g_string_append (markup, rest);
          break;
        }
      before = g_markup_escape_text (p, start - p);
      g_string_append (markup, before);
      start += strlen (HOLBOO_SEARCH_MATCH_START);
      end = strstr (start, HOLBOO_SEARCH_MATCH_END);
      if (end == NULL)
        end = start + strlen (start);
      match = g_markup_escape_text (start, end - start);
      g_string_append_printf (markup, "<b>%s</b>", match);
      p = *end != '\0' ? end + strlen (HOLBOO_SEARCH_MATCH_END) : end;
    }
  g_strdelimit (markup->str, "\n\r\t", ' ');
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static char *
format_time (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (timestamp / G_USEC_PER_SEC);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static GtkWidget *
hit_row (HolbooSearchWindow *self,
         HolbooMessageHit   *hit)
{
  HolbooConversationItem *item = holboo_conversation_list_lookup (self->conversations, hit->peer, NULL);
  const char *name = item != NULL ? holboo_conversation_item_get_name (item) : hit->peer;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title, *time, *text;
  g_autofree char *when = format_time (hit->timestamp);
  g_autofree char *heading = NULL;
  g_autofree char *markup = snippet_markup (hit->snippet);
  const char *slash;

  if (hit->direction == HOLBOO_MESSAGE_OUTGOING)
    /* TRANSLATORS: a search result: the conversation, and that the user wrote it */
    heading = g_strdup_printf (_("%s — You"), name);
  else if (hit->kind == HOLBOO_CONVERSATION_GROUP && hit->from_jid != NULL &&
           (slash = strchr (hit->from_jid, '/')) != NULL)
    /* TRANSLATORS: a search result: the group, and who wrote it */
    heading = g_strdup_printf (_("%s — %s"), name, slash + 1);
  else
    heading = g_strdup (name);

  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  time = gtk_label_new (when);
  gtk_widget_add_css_class (time, "caption");
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_add_css_class (time, "numeric");
  text = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (text, "dim-label");

  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), time);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static void
show_hits (HolbooSearchWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  for (GtkWidget *row; (row = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL;)
    gtk_list_box_remove (self->results, row);
  for (guint i = 0; self->hits != NULL && i < self->hits->len; i++)
    gtk_list_box_append (self->results, hit_row (self, self->hits->pdata[i]));

  if (*text == '\0')
    gtk_stack_set_visible_child_name (self->stack, "start");
  else if (self->hits != NULL && self->hits->len == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
on_searched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HolbooSearchWindow) self = user_data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = holboo_account_search_messages_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (hits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not search: %s", error->message);
      return;
    }
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->hits = g_steal_pointer (&hits);
  show_hits (self);
}

static void
on_search_changed (HolbooSearchWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  if (*text == '\0')
    {
      show_hits (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  holboo_account_search_messages_async (holboo_conversation_list_get_account (self->conversations), text, NULL,
                                        MAX_HITS, self->cancellable, on_searched, g_object_ref (self));
}

static void
on_row_activated (GtkListBox         *box,
                  GtkListBoxRow      *row,
                  HolbooSearchWindow *self)
{
  holboo_search_window_activate_hit (self, gtk_list_box_row_get_index (row));
}

static void
holboo_search_window_dispose (GObject *object)
{
  HolbooSearchWindow *self = HOLBOO_SEARCH_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->conversations);

  G_OBJECT_CLASS (holboo_search_window_parent_class)->dispose (object);
}

static void
holboo_search_window_finalize (GObject *object)
{
  HolbooSearchWindow *self = HOLBOO_SEARCH_WINDOW (object);

  g_clear_pointer (&self->hits, g_ptr_array_unref);

  G_OBJECT_CLASS (holboo_search_window_parent_class)->finalize (object);
}

static void
holboo_search_window_class_init (HolbooSearchWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_search_window_dispose;
  object_class->finalize = holboo_search_window_finalize;

  /**
   * HolbooSearchWindow::open-message:
   * @peer: the conversation
   * @message_id: the message found
   */
  signals[SIGNAL_OPEN_MESSAGE] =
    g_signal_new ("open-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
holboo_search_window_init (HolbooSearchWindow *self)
{
}

static GtkWidget *
status (const char *icon,
        const char *title,
        const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

GtkWidget *
holboo_search_window_new (GtkWindow              *parent,
                          HolbooConversationList *conversations)
{
  HolbooSearchWindow *self;
  GtkWidget *box, *header, *scrolled, *clamp;

  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_LIST (conversations), NULL);

  self = g_object_new (HOLBOO_TYPE_SEARCH_WINDOW,
                       "transient-for", parent,
                       "default-width", 520,
                       "default-height", 600,
                       "title", _("Search All Messages"),
                       NULL);
  gtk_widget_set_name (GTK_WIDGET (self), "search-window");
  self->conversations = g_object_ref (conversations);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "search-all-entry");
  g_object_set (self->entry, "placeholder-text", _("Search All Messages"), NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->entry), 280, -1);
  g_signal_connect_object (self->entry, "search-changed", G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), header);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->results), "search-results");
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->results), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->results), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->results), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->results), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->results), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Results"), -1);
  g_signal_connect_object (self->results, "row-activated", G_CALLBACK (on_row_activated), self, 0);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->results));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, status ("system-search-symbolic", _("Search All Messages"),
                                            _("Find a message in any chat or group.")), "start");
  gtk_stack_add_named (self->stack, status ("edit-find-symbolic", _("No Results"),
                                            _("No message matches your search.")), "empty");
  gtk_stack_add_named (self->stack, scrolled, "results");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
  show_hits (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  return GTK_WIDGET (self);
}

void
holboo_search_window_set_text (HolbooSearchWindow *self,
                               const char         *text)
{
  g_return_if_fail (HOLBOO_IS_SEARCH_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  on_search_changed (self);   /* now, not after the entry's delay */
}

guint
holboo_search_window_get_n_hits (HolbooSearchWindow *self)
{
  g_return_val_if_fail (HOLBOO_IS_SEARCH_WINDOW (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

/* As a click on result @index. */
gboolean
holboo_search_window_activate_hit (HolbooSearchWindow *self,
                                   guint               index)
{
  HolbooMessageHit *hit;

  g_return_val_if_fail (HOLBOO_IS_SEARCH_WINDOW (self), FALSE);
  if (self->hits == NULL || index >= self->hits->len)
    return FALSE;
  hit = self->hits->pdata[index];
  g_signal_emit (self, signals[SIGNAL_OPEN_MESSAGE], 0, hit->peer, hit->message_id);
  return TRUE;
}
