/* holboo-card-page.c: the My card page: edit, preview, publish, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form edits one HolbooCard; the preview above it redraws as the
 * card changes.  The card is the account's (the first account of the
 * manager): when the page is first shown with a connected account it
 * loads what the server has, and Publish sends it back (XEP-0292 and
 * the photo as the XEP-0084 avatar).  A chosen photo is scaled to at most
 * 256 px a side here, where images are decoded, so what is published
 * fits the servers' stanza limits.
 */

#define G_LOG_DOMAIN "holboo-card-page"

#include "config.h"

#include <glib/gi18n.h>

#include "holboo-account-cards.h"
#include "holboo-card-page.h"
#include "holboo-card-preview.h"
#include "holboo-card-renderer.h"

#define PHOTO_SIDE 256

struct _HolbooCardPage
{
  AdwBin                parent_instance;

  HolbooAccountManager *manager;
  HolbooCard           *card;
  GCancellable         *cancellable;
  gboolean              filling;
  gboolean              fetched;
  gboolean              busy;

  /* Template children */
  AdwToastOverlay      *toasts;
  HolbooCardPreview    *preview;
  AdwEntryRow          *name_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *department_row;
  AdwEntryRow          *company_row;
  AdwEntryRow          *phones_row;
  AdwEntryRow          *emails_row;
  AdwEntryRow          *xmpp_row;
  AdwEntryRow          *website_row;
  AdwEntryRow          *address_row;
  AdwComboRow          *access_row;
};

G_DEFINE_FINAL_TYPE (HolbooCardPage, holboo_card_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MANAGER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
toast (HolbooCardPage *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

static HolbooAccount *
current_account (HolbooCardPage *self)
{
  g_autoptr(HolbooAccountConfig) config = NULL;
  GListModel *registry;

  if (self->manager == NULL)
    return NULL;
  registry = G_LIST_MODEL (holboo_account_manager_get_registry (self->manager));
  if (g_list_model_get_n_items (registry) == 0)
    return NULL;
  config = g_list_model_get_item (registry, 0);
  return holboo_account_manager_lookup (self->manager, holboo_account_config_get_jid (config));
}

static void
update_actions (HolbooCardPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.publish",
                                 !self->busy && current_account (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "card.remove-photo",
                                 holboo_card_get_photo (self->card) != NULL);
}

static char *
join_list (const char * const *values)
{
  return g_strjoinv (", ", (GStrv) values);
}

static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);
  return g_steal_pointer (&parts);
}

static void
fill_form (HolbooCardPage *self)
{
  g_autofree char *phones = join_list (holboo_card_get_phones (self->card));
  g_autofree char *emails = join_list (holboo_card_get_emails (self->card));
  struct { AdwEntryRow *row; const char *text; } rows[] = {
    { self->name_row, holboo_card_get_name (self->card) },
    { self->title_row, holboo_card_get_title (self->card) },
    { self->department_row, holboo_card_get_department (self->card) },
    { self->company_row, holboo_card_get_company (self->card) },
    { self->phones_row, phones },
    { self->emails_row, emails },
    { self->xmpp_row, holboo_card_get_xmpp (self->card) },
    { self->website_row, holboo_card_get_website (self->card) },
    { self->address_row, holboo_card_get_address (self->card) },
  };

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i].row), rows[i].text ? rows[i].text : "");
  self->filling = FALSE;
  update_actions (self);
}

static void
on_row_changed (GtkEditable    *row,
                HolbooCardPage *self)
{
  const char *text = gtk_editable_get_text (row);

  if (self->filling)
    return;

  if (row == GTK_EDITABLE (self->name_row))
    holboo_card_set_name (self->card, text);
  else if (row == GTK_EDITABLE (self->title_row))
    holboo_card_set_title (self->card, text);
  else if (row == GTK_EDITABLE (self->department_row))
    holboo_card_set_department (self->card, text);
  else if (row == GTK_EDITABLE (self->company_row))
    holboo_card_set_company (self->card, text);
  else if (row == GTK_EDITABLE (self->xmpp_row))
    holboo_card_set_xmpp (self->card, text);
  else if (row == GTK_EDITABLE (self->website_row))
    holboo_card_set_website (self->card, text);
  else if (row == GTK_EDITABLE (self->address_row))
    holboo_card_set_address (self->card, text);
  else
    {
      g_auto(GStrv) values = split_list (text);

      if (row == GTK_EDITABLE (self->phones_row))
        holboo_card_set_phones (self->card, (const char * const *) values);
      else
        holboo_card_set_emails (self->card, (const char * const *) values);
    }
}

/* ---- the server ---- */

static void
on_fetched (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;
  g_autoptr(HolbooCard) card = NULL;
  g_autoptr(GError) error = NULL;

  card = holboo_account_fetch_card_finish (HOLBOO_ACCOUNT (source), result, &error);
  if (card == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No published card to start from: %s", error->message);
      return;
    }
  /* Only into an untouched form: never over what the user typed. */
  if (holboo_card_is_empty (self->card))
    holboo_card_page_show_card (self, card);
}

static void
fetch_own_card (HolbooCardPage *self)
{
  HolbooAccount *account = current_account (self);

  if (self->fetched || account == NULL ||
      holboo_xmpp_connection_get_state (holboo_account_get_connection (account)) != HOLBOO_XMPP_CONNECTION_STATE_CONNECTED)
    return;

  self->fetched = TRUE;
  holboo_account_fetch_card_async (account, holboo_account_get_jid (account), self->cancellable,
                                   on_fetched, g_object_ref (self));
}

static void
on_published (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  update_actions (self);
  if (!holboo_account_publish_card_finish (HOLBOO_ACCOUNT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, _("Card published"));
}

static void
publish_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HolbooCardPage *self = HOLBOO_CARD_PAGE (widget);
  HolbooAccount *account = current_account (self);
  HolbooXmppPepAccess access = adw_combo_row_get_selected (self->access_row) == 1
    ? HOLBOO_XMPP_PEP_ACCESS_OPEN : HOLBOO_XMPP_PEP_ACCESS_PRESENCE;

  if (account == NULL)
    return;

  self->busy = TRUE;
  update_actions (self);
  holboo_account_publish_card_async (account, self->card, access, self->cancellable,
                                     on_published, g_object_ref (self));
}

/* ---- files ---- */

static GtkWindow *
parent_window (HolbooCardPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the card: %s"), error->message);

      toast (self, text);
      return;
    }
  toast (self, _("Card saved"));
}

static const struct {
  const char *format;
  const char *extension;
  const char *mime_type;
} export_formats[] = {
  { "vcf", "vcf", "text/vcard" },
  { "png", "png", "image/png" },
  { "pdf", "pdf", "application/pdf" },
};

/**
 * holboo_card_page_export_bytes:
 * @format: "vcf", "png" or "pdf"
 *
 * Returns: (transfer full) (nullable): the card as the Export menu saves
 *   it: a .vcf with its photo, or its image as PNG or PDF
 */
GBytes *
holboo_card_page_export_bytes (HolbooCardPage *self,
                               const char     *format,
                               GError        **error)
{
  g_return_val_if_fail (HOLBOO_IS_CARD_PAGE (self), NULL);

  if (g_str_equal (format, "png"))
    return holboo_card_renderer_export (self->card, HOLBOO_CARD_FORMAT_PNG, error);
  if (g_str_equal (format, "pdf"))
    return holboo_card_renderer_export (self->card, HOLBOO_CARD_FORMAT_PDF, error);
  {
    char *vcf = holboo_card_to_vcf (self->card, TRUE);

    return g_bytes_new_take (vcf, strlen (vcf));
  }
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *format = g_object_get_data (G_OBJECT (dialog), "holboo-format");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      bytes = holboo_card_page_export_bytes (self, format, &error);
      if (bytes == NULL)
        toast (self, error->message);
      else
        g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                             self->cancellable, on_exported, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HolbooCardPage *self = HOLBOO_CARD_PAGE (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_equal (format, export_formats[i].format))
      break;
  if (i == G_N_ELEMENTS (export_formats))
    {
      g_message ("No export format “%s”", format);
      return;
    }

  dialog = gtk_file_chooser_native_new (_("Export Card"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s", holboo_card_get_name (self->card) ? holboo_card_get_name (self->card) : _("card"),
                          export_formats[i].extension);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_add_mime_type (filter, export_formats[i].mime_type);
  gtk_file_filter_add_suffix (filter, export_formats[i].extension);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_set_data (G_OBJECT (dialog), "holboo-format", (gpointer) export_formats[i].format);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HolbooCard) card = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (g_file_load_contents_finish (G_FILE (source), result, &text, &length, NULL, &error))
    card = holboo_card_new_from_vcf (text, length, &error);
  if (card == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the card: %s"), error->message);

      toast (self, message);
      return;
    }
  holboo_card_page_show_card (self, card);
}

static void
on_import_info (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, &error);
  if (info != NULL && g_file_info_get_size (info) > HOLBOO_CARD_MAX_VCF_SIZE)
    g_set_error (&error, HOLBOO_CARD_ERROR, HOLBOO_CARD_ERROR_TOO_LARGE,
                 _("The file is too large for a card"));
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the card: %s"), error->message);

      toast (self, message);
      return;
    }
  g_file_load_contents_async (G_FILE (source), self->cancellable, on_imported, g_object_ref (self));
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_file_query_info_async (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                               G_PRIORITY_DEFAULT, self->cancellable, on_import_info, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static GtkFileFilter *
filter_new (const char *name,
            const char *mime_type,
            gboolean    images)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (images)
    gtk_file_filter_add_pixbuf_formats (filter);
  else
    {
      gtk_file_filter_add_mime_type (filter, mime_type);
      gtk_file_filter_add_suffix (filter, "vcf");
    }
  return filter;
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HolbooCardPage *self = HOLBOO_CARD_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = filter_new (_("Business cards"), "text/vcard", FALSE);

  dialog = gtk_file_chooser_native_new (_("Import Card"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- the photo ---- */

static void
on_photo_scaled (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) photo = NULL;
  char *buffer = NULL;
  gsize size = 0;

  pixbuf = gdk_pixbuf_new_from_stream_finish (result, &error);
  if (pixbuf != NULL && gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL) &&
      size > HOLBOO_ACCOUNT_MAX_PUBLISHED_PHOTO_SIZE)
    {
      /* A busy photo does not compress well as PNG: JPEG then. */
      g_clear_pointer (&buffer, g_free);
      gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "85", NULL);
    }
  if (buffer != NULL)
    {
      photo = g_bytes_new_take (buffer, size);
      holboo_card_set_photo (self->card, photo, &error);
    }
  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This photo cannot be used: %s"), error->message);

      toast (self, text);
    }
  update_actions (self);
}

static void
on_photo_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_read_finish (G_FILE (source), result, &error);
  if (stream == NULL)
    {
      toast (self, error->message);
      return;
    }
  gdk_pixbuf_new_from_stream_at_scale_async (G_INPUT_STREAM (stream), PHOTO_SIDE, PHOTO_SIDE, TRUE,
                                             self->cancellable, on_photo_scaled, g_object_ref (self));
}

static void
on_photo_response (GtkNativeDialog *dialog,
                   int              response,
                   gpointer         user_data)
{
  g_autoptr(HolbooCardPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      g_file_read_async (file, G_PRIORITY_DEFAULT, self->cancellable, on_photo_opened, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
choose_photo_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HolbooCardPage *self = HOLBOO_CARD_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = filter_new (_("Images"), NULL, TRUE);

  dialog = gtk_file_chooser_native_new (_("Choose a Photo"), parent_window (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_photo_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
remove_photo_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HolbooCardPage *self = HOLBOO_CARD_PAGE (widget);

  holboo_card_set_photo (self->card, NULL, NULL);
  update_actions (self);
}

/* ---- the object ---- */

static void
holboo_card_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (holboo_card_page_parent_class)->map (widget);

  update_actions (HOLBOO_CARD_PAGE (widget));
  fetch_own_card (HOLBOO_CARD_PAGE (widget));
}

static void
holboo_card_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HolbooCardPage *self = HOLBOO_CARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER: g_value_set_object (value, self->manager); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_card_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HolbooCardPage *self = HOLBOO_CARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER: holboo_card_page_set_manager (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
holboo_card_page_dispose (GObject *object)
{
  HolbooCardPage *self = HOLBOO_CARD_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->manager);
  g_clear_object (&self->card);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (holboo_card_page_parent_class)->dispose (object);
}

static void
holboo_card_page_class_init (HolbooCardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = holboo_card_page_get_property;
  object_class->set_property = holboo_card_page_set_property;
  object_class->dispose = holboo_card_page_dispose;
  widget_class->map = holboo_card_page_map;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL, HOLBOO_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HOLBOO_TYPE_CARD_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/holboo-card-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, toasts);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, preview);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, company_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, phones_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, emails_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, xmpp_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, website_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, HolbooCardPage, access_row);

  gtk_widget_class_install_action (widget_class, "card.publish", NULL, publish_activated);
  gtk_widget_class_install_action (widget_class, "card.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "card.import", NULL, import_activated);
  gtk_widget_class_install_action (widget_class, "card.choose-photo", NULL, choose_photo_activated);
  gtk_widget_class_install_action (widget_class, "card.remove-photo", NULL, remove_photo_activated);
}

static void
holboo_card_page_init (HolbooCardPage *self)
{
  AdwEntryRow *rows[9];

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->card = holboo_card_new ();
  holboo_card_preview_set_card (self->preview, self->card);

  rows[0] = self->name_row;
  rows[1] = self->title_row;
  rows[2] = self->department_row;
  rows[3] = self->company_row;
  rows[4] = self->phones_row;
  rows[5] = self->emails_row;
  rows[6] = self->xmpp_row;
  rows[7] = self->website_row;
  rows[8] = self->address_row;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_row_changed), self, 0);

  update_actions (self);
}

GtkWidget *
holboo_card_page_new (void)
{
  return g_object_new (HOLBOO_TYPE_CARD_PAGE, NULL);
}

HolbooAccountManager *
holboo_card_page_get_manager (HolbooCardPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD_PAGE (self), NULL);

  return self->manager;
}

/**
 * holboo_card_page_set_manager:
 * @manager: (nullable): the accounts; the first one's card is edited
 */
void
holboo_card_page_set_manager (HolbooCardPage       *self,
                              HolbooAccountManager *manager)
{
  g_return_if_fail (HOLBOO_IS_CARD_PAGE (self));
  g_return_if_fail (manager == NULL || HOLBOO_IS_ACCOUNT_MANAGER (manager));

  if (!g_set_object (&self->manager, manager))
    return;
  if (manager != NULL)
    g_signal_connect_object (holboo_account_manager_get_registry (manager), "items-changed",
                             G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER]);
}

/**
 * holboo_card_page_get_card:
 *
 * Returns: (transfer none): the card being edited
 */
HolbooCard *
holboo_card_page_get_card (HolbooCardPage *self)
{
  g_return_val_if_fail (HOLBOO_IS_CARD_PAGE (self), NULL);

  return self->card;
}

/**
 * holboo_card_page_show_card:
 *
 * Replaces what the form holds with a copy of @card.
 */
void
holboo_card_page_show_card (HolbooCardPage *self,
                            HolbooCard     *card)
{
  g_autoptr(HolbooCard) copy = NULL;

  g_return_if_fail (HOLBOO_IS_CARD_PAGE (self));
  g_return_if_fail (HOLBOO_IS_CARD (card));

  copy = holboo_card_copy (card);
  g_set_object (&self->card, copy);
  holboo_card_preview_set_card (self->preview, self->card);
  fill_form (self);
}
