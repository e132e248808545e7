/* holboo-message-row.c: one message in a conversation's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are recycled by the list view: holboo_message_row_set_item()
 * fills one for an item and follows the item's layout flags (day
 * divider, group start, unread marker), which change when neighbours
 * arrive.  A long body is cut (holboo_message_markup()); "Show More"
 * opens the whole text in a text view, which lays out lazily, so even
 * the longest message the account accepts never stalls the list.
 *
 * The row lays its children out itself, in lines from top to bottom
 * (see the header): each line has a main child and, optionally, a side
 * child at its natural width — after the main child (the time after
 * the sender) or at the end of the line (the delivery state after the
 * body).  Children are made on first use and only hidden afterwards.
 */

#define G_LOG_DOMAIN "holboo-message-row"

#include "config.h"

#include "holboo-attachment-view.h"
#include "holboo-card-bubble.h"
#include "holboo-message-markup.h"
#include "holboo-message-reactions.h"
#include "holboo-message-row.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#define LINE_SPACING 8

/* The narrowest a body gets, in characters. */
#define BODY_MIN_CHARS 20

typedef struct {
  HolbooMessageRowSlot main;
  int                  side;         /* a slot, or -1 */
  gboolean             side_at_end;  /* the main child takes the rest */
} Line;

static const Line lines[] = {
  /* Across the whole row: the divider's pill, the marker's rules. */
  { HOLBOO_MESSAGE_ROW_SLOT_DAY, -1, TRUE },
  { HOLBOO_MESSAGE_ROW_SLOT_UNREAD, -1, TRUE },
  { HOLBOO_MESSAGE_ROW_SLOT_SENDER, HOLBOO_MESSAGE_ROW_SLOT_TIME, FALSE },
  { HOLBOO_MESSAGE_ROW_SLOT_QUOTE, -1, FALSE },
  { HOLBOO_MESSAGE_ROW_SLOT_BODY, HOLBOO_MESSAGE_ROW_SLOT_STATE, TRUE },
  /* The state goes beside the file when there is no caption above it. */
  { HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT, HOLBOO_MESSAGE_ROW_SLOT_STATE, TRUE },
  /* A shared card instead of the body and the file: the state beside it. */
  { HOLBOO_MESSAGE_ROW_SLOT_CARD, HOLBOO_MESSAGE_ROW_SLOT_STATE, TRUE },
  { HOLBOO_MESSAGE_ROW_SLOT_SHOW_MORE, -1, FALSE },
  { HOLBOO_MESSAGE_ROW_SLOT_REACTIONS, -1, FALSE },
};

struct _HolbooMessageRow
{
  GtkWidget          parent_instance;

  HolbooMessageItem *item;
  char              *peer_name;

  GtkWidget         *slots[HOLBOO_MESSAGE_ROW_N_SLOTS];
};

G_DEFINE_FINAL_TYPE (HolbooMessageRow, holboo_message_row, GTK_TYPE_WIDGET)

static char *
format_day (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (timestamp / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

  if (dt == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (dt) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (now))
    return g_strdup (_("Today"));
  if (g_date_time_get_year (dt) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (dt) == g_date_time_get_day_of_year (yesterday))
    return g_strdup (_("Yesterday"));
  /* TRANSLATORS: a day above its messages, in g_date_time_format() syntax */
  return g_date_time_format (dt, _("%Y-%m-%d, %A"));
}

static char *
format_time (gint64 timestamp)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (timestamp / G_USEC_PER_SEC);

  return dt != NULL ? g_date_time_format (dt, "%H:%M") : g_strdup ("");
}

static const char *
sender_name (HolbooMessageRow *self)
{
  HolbooStoredMessage *m = holboo_message_item_get_message (self->item);
  const char *slash;

  if (m->direction == HOLBOO_MESSAGE_OUTGOING)
    return _("You");
  if (m->kind == HOLBOO_CONVERSATION_GROUP && m->from_jid != NULL &&
      (slash = strchr (m->from_jid, '/')) != NULL)
    return slash + 1;
  return self->peer_name != NULL ? self->peer_name : m->from_jid;
}

/* Children */

static GtkWidget *
new_label (const char *css_class,
           ...)
{
  GtkWidget *label = gtk_label_new (NULL);
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  va_start (args, css_class);
  for (const char *c = css_class; c != NULL; c = va_arg (args, const char *))
    gtk_widget_add_css_class (label, c);
  va_end (args);
  return label;
}

static GtkWidget *
new_unread_marker (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = new_label ("caption-heading", NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (box, "holboo-unread-marker");
  gtk_label_set_text (GTK_LABEL (label), _("New Messages"));
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

      gtk_widget_set_hexpand (separator, TRUE);
      gtk_widget_set_valign (separator, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), separator);
      if (i == 0)
        gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static GtkWidget *
new_slot (HolbooMessageRowSlot slot)
{
  GtkWidget *child = NULL;

  switch (slot)
    {
    case HOLBOO_MESSAGE_ROW_SLOT_DAY:
      child = new_label ("holboo-day-divider", "caption-heading", "dim-label", NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0.5);
      gtk_widget_set_margin_top (child, 12);
      gtk_widget_set_margin_bottom (child, 6);
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_UNREAD:
      child = new_unread_marker ();
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_SENDER:
      child = new_label ("heading", NULL);
      gtk_widget_set_name (child, "message-sender");
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_widget_set_margin_top (child, 8);
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_TIME:
      child = new_label ("caption", "dim-label", "numeric", NULL);
      gtk_widget_set_margin_top (child, 8);
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_BODY:
      child = new_label ("holboo-message-body", NULL);
      gtk_widget_set_name (child, "message-body");
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      /* Rows get the list's width anyway: the label does not search for
       * its best wrapping width on every measure. */
      gtk_label_set_natural_wrap_mode (GTK_LABEL (child), GTK_NATURAL_WRAP_NONE);
      /* Its minimum width is measured by laying the text out at this
       * width; without it, at width 0: one character a line, and Pango
       * shapes the rest of the text again at each line (300 shapings
       * for a line of text, instead of 20). */
      gtk_label_set_width_chars (GTK_LABEL (child), BODY_MIN_CHARS);
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_STATE:
      child = gtk_image_new ();
      gtk_widget_set_name (child, "message-state");
      gtk_widget_set_valign (child, GTK_ALIGN_END);
      gtk_image_set_pixel_size (GTK_IMAGE (child), 12);
      gtk_widget_add_css_class (child, "holboo-message-state");
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_QUOTE:
      child = new_label ("holboo-reply-quote", "caption", NULL);
      gtk_widget_set_name (child, "message-quote-text");
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 60);
      gtk_widget_set_margin_top (child, 4);
      gtk_widget_set_margin_bottom (child, 2);
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT:
      child = holboo_attachment_view_new ();
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_widget_set_margin_top (child, 4);
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_REACTIONS:
      child = holboo_message_reactions_new ();
      gtk_widget_set_name (child, "message-reactions");
      gtk_widget_set_margin_top (child, 4);
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_CARD:
      child = holboo_card_bubble_new ();
      gtk_widget_set_name (child, "message-card");
      break;
    case HOLBOO_MESSAGE_ROW_SLOT_SHOW_MORE:
      child = gtk_button_new_with_label (_("Show More"));
      gtk_widget_set_name (child, "show-more");
      gtk_widget_set_halign (child, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "message.show-more");
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_add_css_class (child, "holboo-show-more");
      break;
    case HOLBOO_MESSAGE_ROW_N_SLOTS:
    default:
      g_assert_not_reached ();
    }
  return child;
}

/* The child of @slot, made and put in its place if it was not there,
 * and shown. */
static GtkWidget *
ensure_slot (HolbooMessageRow    *self,
             HolbooMessageRowSlot slot)
{
  GtkWidget *next = NULL;

  if (self->slots[slot] == NULL)
    {
      for (guint i = slot + 1; i < HOLBOO_MESSAGE_ROW_N_SLOTS && next == NULL; i++)
        next = self->slots[i];
      self->slots[slot] = new_slot (slot);
      gtk_widget_insert_before (self->slots[slot], GTK_WIDGET (self), next);
    }
  gtk_widget_set_visible (self->slots[slot], TRUE);
  return self->slots[slot];
}

static void
hide_slot (HolbooMessageRow    *self,
           HolbooMessageRowSlot slot)
{
  if (self->slots[slot] != NULL)
    gtk_widget_set_visible (self->slots[slot], FALSE);
}

static GtkWidget *
shown (HolbooMessageRow *self,
       int               slot)
{
  if (slot < 0 || self->slots[slot] == NULL || !gtk_widget_get_visible (self->slots[slot]))
    return NULL;
  return self->slots[slot];
}

/* Layout */

/* A line's side child: the state sits beside the body, or beside the
 * file when the body is hidden (a file without caption). */
static GtkWidget *
side_of (HolbooMessageRow *self,
         const Line       *line)
{
  if (line->main == HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT && shown (self, HOLBOO_MESSAGE_ROW_SLOT_BODY) != NULL)
    return NULL;
  return shown (self, line->side);
}

static int
width_of (GtkWidget *child,
          gboolean   natural)
{
  int min = 0, nat = 0;

  if (child != NULL)
    gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return natural ? nat : min;
}

static int
height_of (GtkWidget *child,
           int        width)
{
  int min = 0, nat = 0;

  if (child != NULL)
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

/* The widths of a line's children within @width. */
static void
split_line (HolbooMessageRow *self,
            const Line       *line,
            int               width,
            int              *main_width,
            int              *side_width)
{
  GtkWidget *main = shown (self, line->main);
  GtkWidget *side = side_of (self, line);

  *side_width = side != NULL ? width_of (side, TRUE) : 0;
  *main_width = MAX (0, width - (side != NULL ? *side_width + LINE_SPACING : 0));
  if (!line->side_at_end && main != NULL)
    *main_width = MIN (*main_width, width_of (main, TRUE));
  *main_width = MAX (*main_width, width_of (main, FALSE));
}

static int
line_height (HolbooMessageRow *self,
             const Line       *line,
             int               width)
{
  int main_width, side_width;

  if (shown (self, line->main) == NULL)
    return 0;
  split_line (self, line, width, &main_width, &side_width);
  return MAX (height_of (shown (self, line->main), main_width),
              height_of (side_of (self, line), side_width));
}

static void
holboo_message_row_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  HolbooMessageRow *self = HOLBOO_MESSAGE_ROW (widget);

  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Whatever the height: see the header. */
      for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
        {
          GtkWidget *main = shown (self, lines[i].main);
          GtkWidget *side = side_of (self, &lines[i]);
          int extra = side != NULL ? width_of (side, TRUE) + LINE_SPACING : 0;

          if (main == NULL)
            continue;
          *minimum = MAX (*minimum, width_of (main, FALSE) + extra);
          *natural = MAX (*natural, width_of (main, TRUE) + extra);
        }
    }
  else
    {
      int width = for_size >= 0 ? for_size : G_MAXINT;

      if (width == G_MAXINT)
        holboo_message_row_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &(int){ 0 }, &width, NULL, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
        *natural += line_height (self, &lines[i], width);
      *minimum = *natural;
    }
}

static void
holboo_message_row_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  HolbooMessageRow *self = HOLBOO_MESSAGE_ROW (widget);
  int y = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      GtkWidget *main = shown (self, lines[i].main);
      GtkWidget *side = side_of (self, &lines[i]);
      int main_width, side_width, h;

      if (main == NULL)
        continue;
      split_line (self, &lines[i], width, &main_width, &side_width);
      h = line_height (self, &lines[i], width);
      gtk_widget_size_allocate (main, &(GtkAllocation) { 0, y, main_width, h }, -1);
      if (side != NULL)
        {
          int x = lines[i].side_at_end ? width - side_width : main_width + LINE_SPACING;

          if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
            x = width - x - side_width;
          gtk_widget_size_allocate (side, &(GtkAllocation) { x, y, side_width, h }, -1);
        }
      y += h;
    }
}

static GtkSizeRequestMode
holboo_message_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Filling in */

static void
update_state (HolbooMessageRow *self)
{
  HolbooMessageState state = holboo_message_item_get_state (self->item);
  const char *icon = NULL;
  const char *label = NULL;
  const char *css = NULL;
  GtkWidget *image;

  switch (state)
    {
    case HOLBOO_MESSAGE_STATE_PENDING:
      icon = "holboo-message-pending-symbolic";
      label = _("Waiting to be sent");
      break;
    case HOLBOO_MESSAGE_STATE_SENT:
      icon = "holboo-message-pending-symbolic";
      label = _("Sending");
      break;
    case HOLBOO_MESSAGE_STATE_FAILED:
      icon = "dialog-error-symbolic";
      label = _("Not sent");
      css = "error";
      break;
    case HOLBOO_MESSAGE_STATE_ACKED:
      icon = "holboo-message-sent-symbolic";
      label = _("Sent");
      break;
    case HOLBOO_MESSAGE_STATE_DELIVERED:
      icon = "holboo-message-delivered-symbolic";
      label = _("Delivered");
      break;
    case HOLBOO_MESSAGE_STATE_READ:
      icon = "holboo-message-delivered-symbolic";
      label = _("Read");
      css = "accent";
      break;
    case HOLBOO_MESSAGE_STATE_RECEIVED:
    default:
      break;
    }

  if (icon == NULL)
    {
      hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_STATE);
      return;
    }
  image = ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_STATE);
  gtk_widget_remove_css_class (image, "error");
  gtk_widget_remove_css_class (image, "accent");
  if (css != NULL)
    gtk_widget_add_css_class (image, css);
  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);
  gtk_widget_set_tooltip_text (image, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update_layout (HolbooMessageRow *self)
{
  if (holboo_message_item_get_starts_day (self->item))
    {
      g_autofree char *day = format_day (holboo_message_item_get_timestamp (self->item));

      gtk_label_set_text (GTK_LABEL (ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_DAY)), day);
    }
  else
    hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_DAY);

  if (holboo_message_item_get_first_unread (self->item))
    ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_UNREAD);
  else
    hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_UNREAD);

  if (holboo_message_item_get_starts_group (self->item) && !holboo_message_item_is_action (self->item))
    {
      g_autofree char *time = format_time (holboo_message_item_get_timestamp (self->item));

      gtk_label_set_text (GTK_LABEL (ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_SENDER)), sender_name (self));
      gtk_label_set_text (GTK_LABEL (ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_TIME)), time);
    }
  else
    {
      hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_SENDER);
      hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_TIME);
    }
}

static void
on_layout_changed (HolbooMessageItem *item,
                   GParamSpec        *pspec,
                   HolbooMessageRow  *self)
{
  update_layout (self);
}

/* Who wrote the message a reply quotes. */
static const char *
quoted_name (HolbooMessageRow    *self,
             HolbooStoredMessage *m)
{
  const char *slash = m->reply_to_jid != NULL ? strchr (m->reply_to_jid, '/') : NULL;
  gsize bare_len = slash != NULL ? (gsize) (slash - m->reply_to_jid)
                                 : (m->reply_to_jid != NULL ? strlen (m->reply_to_jid) : 0);

  if (m->kind == HOLBOO_CONVERSATION_GROUP && slash != NULL)
    return slash + 1;
  if (m->reply_to_jid != NULL && strlen (m->peer) == bare_len &&
      g_ascii_strncasecmp (m->peer, m->reply_to_jid, bare_len) == 0)
    return self->peer_name != NULL ? self->peer_name : m->peer;
  return _("You");
}

/* The quote of a reply (one label: who, then the start of the text),
 * the file, the reactions: made only for messages that have them. */
static void
update_extras (HolbooMessageRow *self)
{
  HolbooStoredMessage *m = holboo_message_item_get_message (self->item);

  if (m->reply_to_id != NULL && !m->retracted)
    {
      g_autofree char *who = g_markup_escape_text (quoted_name (self, m), -1);
      g_autofree char *flat = g_strdup (m->reply_preview != NULL ? m->reply_preview : _("This message was deleted"));
      g_autofree char *text = NULL;
      g_autofree char *markup = NULL;

      g_strdelimit (flat, "\n\r\t", ' ');
      text = g_markup_escape_text (flat, MIN (strlen (flat), 400));
      markup = g_strdup_printf ("<b>%s</b>\n<span alpha=\"70%%\">%s</span>", who, text);
      gtk_label_set_markup (GTK_LABEL (ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_QUOTE)), markup);
    }
  else
    hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_QUOTE);

  if (m->attachment != NULL && !m->retracted && !holboo_card_is_vcf_name (m->attachment->name))
    holboo_attachment_view_set_message (HOLBOO_ATTACHMENT_VIEW (ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT)), m);
  else if (self->slots[HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT] != NULL)
    {
      holboo_attachment_view_set_message (HOLBOO_ATTACHMENT_VIEW (self->slots[HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT]), NULL);
      hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT);
    }

  if (m->reactions != NULL && m->reactions->len > 0 && !m->retracted)
    holboo_message_reactions_set_message (HOLBOO_MESSAGE_REACTIONS (ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_REACTIONS)), m);
  else
    hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_REACTIONS);
}

static void
update_body (HolbooMessageRow *self)
{
  HolbooStoredMessage *m = holboo_message_item_get_message (self->item);
  const char *body = holboo_message_item_get_body (self->item);
  GtkWidget *label = self->slots[HOLBOO_MESSAGE_ROW_SLOT_BODY];
  g_autofree char *markup = NULL;
  gboolean cut = FALSE;

  update_extras (self);
  gtk_widget_set_visible (label, TRUE);
  gtk_widget_remove_css_class (label, "dim-label");

  if (m->retracted)
    {
      g_autofree char *text = g_markup_escape_text (_("This message was deleted"), -1);

      markup = g_strdup_printf ("<i>%s</i>", text);
      gtk_widget_add_css_class (label, "dim-label");
    }
  else if (m->attachment != NULL)
    {
      /* A file message's body is its name or URL: the file shows itself;
       * only a caption is text. */
      const char *caption = m->attachment->description;

      if (caption == NULL || *caption == '\0')
        gtk_widget_set_visible (label, FALSE);
      markup = holboo_message_markup (caption != NULL ? caption : "", HOLBOO_MESSAGE_ROW_MAX_CHARS,
                                      HOLBOO_MESSAGE_ROW_MAX_LINES, &cut);
    }
  else if (holboo_message_item_is_action (self->item))
    {
      g_autofree char *rest = holboo_message_markup (body + 4, HOLBOO_MESSAGE_ROW_MAX_CHARS,
                                                     HOLBOO_MESSAGE_ROW_MAX_LINES, &cut);
      g_autofree char *who = g_markup_escape_text (sender_name (self), -1);

      markup = g_strdup_printf ("<i>* %s %s</i>", who, rest);
    }
  else
    markup = holboo_message_markup (body, HOLBOO_MESSAGE_ROW_MAX_CHARS, HOLBOO_MESSAGE_ROW_MAX_LINES, &cut);

  /* A correction says so after the text, in the same label. */
  if (m->edited_at != 0 && !m->retracted)
    {
      g_autofree char *edited = g_markup_escape_text (C_("message", "(edited)"), -1);
      char *with = g_strdup_printf ("%s <span size=\"small\" alpha=\"55%%\">%s</span>", markup, edited);

      g_free (markup);
      markup = with;
    }

  gtk_label_set_markup (GTK_LABEL (label), markup);
  if (cut)
    ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_SHOW_MORE);
  else
    hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_SHOW_MORE);
}

/* A shared card (a .vcf file) is shown as the card, instead of its
 * file's name or address. */
static gboolean
update_card (HolbooMessageRow *self)
{
  HolbooStoredMessage *m = holboo_message_item_get_message (self->item);
  GtkWidget *bubble;

  if (m->attachment == NULL || m->retracted || !holboo_card_is_vcf_name (m->attachment->name))
    {
      if (self->slots[HOLBOO_MESSAGE_ROW_SLOT_CARD] != NULL)
        holboo_card_bubble_set_attachment (HOLBOO_CARD_BUBBLE (self->slots[HOLBOO_MESSAGE_ROW_SLOT_CARD]), NULL, FALSE);
      hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_CARD);
      return FALSE;
    }
  bubble = ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_CARD);
  holboo_card_bubble_set_attachment (HOLBOO_CARD_BUBBLE (bubble), m->attachment,
                                     m->direction == HOLBOO_MESSAGE_OUTGOING);
  hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_BODY);
  hide_slot (self, HOLBOO_MESSAGE_ROW_SLOT_SHOW_MORE);
  return TRUE;
}

static void
show_more (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  HolbooMessageRow *self = HOLBOO_MESSAGE_ROW (widget);
  GtkWidget *window, *box, *header, *scrolled, *view;
  GtkRoot *root;

  if (self->item == NULL)
    return;

  g_debug ("Showing all of message %" G_GINT64_FORMAT, holboo_message_item_get_id (self->item));
  root = gtk_widget_get_root (widget);
  window = adw_window_new ();
  gtk_widget_set_name (window, "message-viewer");
  gtk_window_set_title (GTK_WINDOW (window), sender_name (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 520);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Message"), sender_name (self)));
  gtk_box_append (GTK_BOX (box), header);

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            holboo_message_item_get_body (self->item), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Message"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));
}

static void
holboo_message_row_dispose (GObject *object)
{
  HolbooMessageRow *self = HOLBOO_MESSAGE_ROW (object);

  holboo_message_row_set_item (self, NULL, NULL);
  for (guint i = 0; i < HOLBOO_MESSAGE_ROW_N_SLOTS; i++)
    g_clear_pointer (&self->slots[i], gtk_widget_unparent);

  G_OBJECT_CLASS (holboo_message_row_parent_class)->dispose (object);
}

static void
holboo_message_row_finalize (GObject *object)
{
  HolbooMessageRow *self = HOLBOO_MESSAGE_ROW (object);

  g_free (self->peer_name);

  G_OBJECT_CLASS (holboo_message_row_parent_class)->finalize (object);
}

static void
holboo_message_row_class_init (HolbooMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = holboo_message_row_dispose;
  object_class->finalize = holboo_message_row_finalize;

  widget_class->measure = holboo_message_row_measure;
  widget_class->size_allocate = holboo_message_row_size_allocate;
  widget_class->get_request_mode = holboo_message_row_get_request_mode;

  gtk_widget_class_install_action (widget_class, "message.show-more", NULL, show_more);

  gtk_widget_class_set_css_name (widget_class, "holboo-message-row");
}

static void
holboo_message_row_init (HolbooMessageRow *self)
{
  /* Keyboard users move between messages with the arrow keys and open a
   * message's menu with Shift+F10 (HolbooMessageActions). */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  ensure_slot (self, HOLBOO_MESSAGE_ROW_SLOT_BODY);
}

GtkWidget *
holboo_message_row_new (void)
{
  return g_object_new (HOLBOO_TYPE_MESSAGE_ROW, NULL);
}

/**
 * holboo_message_row_set_item:
 * @item: (nullable): the message to show, or %NULL to let the row go
 * @peer_name: (nullable): what to call the other side of a chat
 */
void
holboo_message_row_set_item (HolbooMessageRow  *self,
                             HolbooMessageItem *item,
                             const char        *peer_name)
{
  g_return_if_fail (HOLBOO_IS_MESSAGE_ROW (self));
  g_return_if_fail (item == NULL || HOLBOO_IS_MESSAGE_ITEM (item));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  g_free (self->peer_name);
  self->peer_name = g_strdup (peer_name);
  if (item == NULL)
    {
      if (self->slots[HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT] != NULL)
        holboo_attachment_view_set_message (HOLBOO_ATTACHMENT_VIEW (self->slots[HOLBOO_MESSAGE_ROW_SLOT_ATTACHMENT]),
                                            NULL);
      return;
    }

  g_signal_connect_object (item, "notify::starts-day", G_CALLBACK (on_layout_changed), self, 0);
  g_signal_connect_object (item, "notify::starts-group", G_CALLBACK (on_layout_changed), self, 0);
  g_signal_connect_object (item, "notify::first-unread", G_CALLBACK (on_layout_changed), self, 0);

  update_layout (self);
  update_body (self);
  update_card (self);
  update_state (self);

  if (holboo_message_item_get_direction (item) == HOLBOO_MESSAGE_OUTGOING)
    gtk_widget_add_css_class (GTK_WIDGET (self), "outgoing");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "outgoing");
}

HolbooMessageItem *
holboo_message_row_get_item (HolbooMessageRow *self)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ROW (self), NULL);
  return self->item;
}

/**
 * holboo_message_row_get_slot:
 *
 * Returns: (transfer none) (nullable): the child in @slot, if it was
 *   ever made (it may be hidden)
 */
GtkWidget *
holboo_message_row_get_slot (HolbooMessageRow    *self,
                             HolbooMessageRowSlot slot)
{
  g_return_val_if_fail (HOLBOO_IS_MESSAGE_ROW (self), NULL);
  g_return_val_if_fail (slot < HOLBOO_MESSAGE_ROW_N_SLOTS, NULL);
  return self->slots[slot];
}
