/* holboo-conversation-search.c: Ctrl+F in a conversation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search bar above the messages: what is typed is searched in the
 * conversation's stored messages (FTS, holboo_account_search_messages_async()),
 * newest first.  Enter or "previous" goes to the next older match,
 * Shift+Enter or "next" to the newer one; each move emits ::jump with
 * the message, which the conversation view scrolls to.  Escape closes
 * the bar.
 */

#define G_LOG_DOMAIN "holboo-conversation-search"

#include "config.h"

#include "holboo-account-conversations.h"
#include "holboo-conversation-search.h"

#include <glib/gi18n.h>

#define MAX_HITS 500

struct _HolbooConversationSearch
{
  GtkWidget      parent_instance;

  HolbooAccount *account;
  char          *peer;
  GCancellable  *cancellable;
  GPtrArray     *hits;       /* (element-type HolbooMessageHit) newest first */
  guint          current;    /* index into @hits */

  GtkSearchBar  *bar;
  GtkSearchEntry *entry;
  GtkLabel      *count_label;
  GtkWidget     *older_button;
  GtkWidget     *newer_button;
};

G_DEFINE_FINAL_TYPE (HolbooConversationSearch, holboo_conversation_search, GTK_TYPE_WIDGET)

enum {
  SIGNAL_JUMP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_count (HolbooConversationSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  guint n = self->hits != NULL ? self->hits->len : 0;

  gtk_widget_set_sensitive (self->older_button, n > 0 && self->current + 1 < n);
  gtk_widget_set_sensitive (self->newer_button, n > 0 && self->current > 0);
  if (*text == '\0' || self->hits == NULL)
    gtk_label_set_text (self->count_label, "");
  else if (n == 0)
    gtk_label_set_text (self->count_label, _("No results"));
  else
    {
      /* TRANSLATORS: the match shown and the number of matches, e.g. "2 of 17" */
      g_autofree char *count = g_strdup_printf (_("%u of %u"), self->current + 1, n);

      gtk_label_set_text (self->count_label, count);
    }
  if (self->hits != NULL && n == 0 && *text != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}

static void
jump (HolbooConversationSearch *self)
{
  HolbooMessageHit *hit;

  update_count (self);
  if (self->hits == NULL || self->current >= self->hits->len)
    return;
  hit = self->hits->pdata[self->current];
  g_signal_emit (self, signals[SIGNAL_JUMP], 0, hit->message_id);
}

static void
on_searched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  HolbooConversationSearch *self = user_data;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = holboo_account_search_messages_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (hits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not search: %s", error->message);
      g_object_unref (self);
      return;
    }
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  self->hits = g_steal_pointer (&hits);
  self->current = 0;
  jump (self);
  g_object_unref (self);
}

static void
on_search_changed (GtkSearchEntry           *entry,
                   HolbooConversationSearch *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  update_count (self);
  if (self->account == NULL || self->peer == NULL || *text == '\0')
    return;
  self->cancellable = g_cancellable_new ();
  holboo_account_search_messages_async (self->account, text, self->peer, MAX_HITS, self->cancellable,
                                        on_searched, g_object_ref (self));
}

static void
go_older (HolbooConversationSearch *self)
{
  if (self->hits != NULL && self->current + 1 < self->hits->len)
    {
      self->current++;
      jump (self);
    }
}

static void
go_newer (HolbooConversationSearch *self)
{
  if (self->hits != NULL && self->current > 0)
    {
      self->current--;
      jump (self);
    }
}

static void
older_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  go_older (HOLBOO_CONVERSATION_SEARCH (widget));
}

static void
newer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  go_newer (HOLBOO_CONVERSATION_SEARCH (widget));
}

static void
on_activate (GtkSearchEntry           *entry,
             HolbooConversationSearch *self)
{
  go_older (self);
}

static void
on_stop_search (GtkSearchEntry           *entry,
                HolbooConversationSearch *self)
{
  holboo_conversation_search_close (self);
}

static void
holboo_conversation_search_dispose (GObject *object)
{
  HolbooConversationSearch *self = HOLBOO_CONVERSATION_SEARCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (holboo_conversation_search_parent_class)->dispose (object);
}

static void
holboo_conversation_search_finalize (GObject *object)
{
  HolbooConversationSearch *self = HOLBOO_CONVERSATION_SEARCH (object);

  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_free (self->peer);

  G_OBJECT_CLASS (holboo_conversation_search_parent_class)->finalize (object);
}

static void
holboo_conversation_search_class_init (HolbooConversationSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_conversation_search_dispose;
  object_class->finalize = holboo_conversation_search_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * HolbooConversationSearch::jump:
   * @message_id: the row of the match to show
   */
  signals[SIGNAL_JUMP] =
    g_signal_new ("jump", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "search.older", NULL, older_action);
  gtk_widget_class_install_action (widget_class, "search.newer", NULL, newer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "search.newer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "search.older", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "search.newer", NULL);
}

static GtkWidget *
nav_button (const char *icon,
            const char *tooltip,
            const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
holboo_conversation_search_init (HolbooConversationSearch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->entry), "conversation-search-entry");
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_object_set (self->entry, "placeholder-text", _("Search in Conversation"), NULL);
  g_signal_connect (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_activate), self);
  g_signal_connect (self->entry, "stop-search", G_CALLBACK (on_stop_search), self);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->count_label), "conversation-search-count");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");

  self->older_button = nav_button ("go-up-symbolic", _("Previous Match"), "search.older");
  self->newer_button = nav_button ("go-down-symbolic", _("Next Match"), "search.newer");
  gtk_widget_add_css_class (nav, "linked");
  gtk_box_append (GTK_BOX (nav), self->older_button);
  gtk_box_append (GTK_BOX (nav), self->newer_button);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (box), nav);
  gtk_widget_set_size_request (box, 280, -1);

  self->bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->bar, box);
  gtk_search_bar_connect_entry (self->bar, GTK_EDITABLE (self->entry));
  gtk_search_bar_set_show_close_button (self->bar, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->bar), GTK_WIDGET (self));
  update_count (self);
}

GtkWidget *
holboo_conversation_search_new (void)
{
  return g_object_new (HOLBOO_TYPE_CONVERSATION_SEARCH, NULL);
}

/**
 * holboo_conversation_search_set_target:
 * @account: (nullable): the account whose store is searched
 * @peer: (nullable): the conversation
 *
 * A new conversation: the bar closes.
 */
void
holboo_conversation_search_set_target (HolbooConversationSearch *self,
                                       HolbooAccount            *account,
                                       const char               *peer)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_SEARCH (self));

  if (self->account == account && g_strcmp0 (self->peer, peer) == 0)
    return;
  g_set_object (&self->account, account);
  g_free (self->peer);
  self->peer = g_strdup (peer);
  holboo_conversation_search_close (self);
}

void
holboo_conversation_search_open (HolbooConversationSearch *self)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_SEARCH (self));

  gtk_search_bar_set_search_mode (self->bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

void
holboo_conversation_search_close (HolbooConversationSearch *self)
{
  g_return_if_fail (HOLBOO_IS_CONVERSATION_SEARCH (self));

  gtk_search_bar_set_search_mode (self->bar, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
}

gboolean
holboo_conversation_search_get_open (HolbooConversationSearch *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_SEARCH (self), FALSE);
  return gtk_search_bar_get_search_mode (self->bar);
}

guint
holboo_conversation_search_get_n_hits (HolbooConversationSearch *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_SEARCH (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

/**
 * holboo_conversation_search_get_current:
 *
 * Returns: the message of the match shown, or 0
 */
gint64
holboo_conversation_search_get_current (HolbooConversationSearch *self)
{
  g_return_val_if_fail (HOLBOO_IS_CONVERSATION_SEARCH (self), 0);
  if (self->hits == NULL || self->current >= self->hits->len)
    return 0;
  return ((HolbooMessageHit *) self->hits->pdata[self->current])->message_id;
}
