/* holboo-certificate-dialog.c — asking whether to trust a server's certificate
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The certificate is shown the way an administrator can check it over the
 * phone: who issued it and its SHA-256 fingerprint. Cancel is the default
 * (Enter and Escape both choose it); trusting is the destructive choice.
 */
#define G_LOG_DOMAIN "holboo-certificate-dialog"

#include "config.h"

#include "holboo-certificate-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

#include "holboo-xmpp-error.h"

static GtkWidget *
detail_row (GtkGrid    *grid,
            int         row,
            const char *title,
            const char *value,
            gboolean    monospace)
{
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (title_label), 1);
  gtk_label_set_yalign (GTK_LABEL (title_label), 0);
  gtk_widget_add_css_class (title_label, "dim-label");
  /* No wrapping: a wrapped label in a message dialog asks for its height
   * at its narrowest, and the dialog grows to the screen's height. */
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  if (monospace)
    {
      /* A fingerprint is read aloud and compared: always whole. */
      gtk_widget_add_css_class (value_label, "monospace");
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (value_label), 48);
      gtk_widget_set_tooltip_text (value_label, value);
    }
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL, -1);

  gtk_grid_attach (grid, title_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
  return value_label;
}

/**
 * holboo_certificate_dialog_new:
 * @parent: (nullable): the window to put the dialog on
 * @host: the server's name, as the user knows it
 * @certificate: what the server showed
 *
 * Returns: (transfer floating): an #AdwMessageDialog with the responses
 *   %HOLBOO_CERTIFICATE_RESPONSE_CANCEL (default and close response) and
 *   %HOLBOO_CERTIFICATE_RESPONSE_TRUST; not yet presented
 */
GtkWidget *
holboo_certificate_dialog_new (GtkWindow       *parent,
                               const char      *host,
                               GTlsCertificate *certificate)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *fingerprint_lines = NULL;
  g_autofree char *issuer = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *grid;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (host != NULL, NULL);
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  fingerprint = holboo_xmpp_certificate_dup_fingerprint (certificate);
  issuer = holboo_xmpp_certificate_dup_issuer (certificate);
  body = g_strdup_printf (_("This computer does not trust the certificate of “%s”. "
                            "Someone may be pretending to be the server. Trust it only if "
                            "your administrator confirms that the fingerprint below is "
                            "your server’s."),
                          host);

  dialog = adw_message_dialog_new (parent, _("Untrusted Certificate"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    HOLBOO_CERTIFICATE_RESPONSE_CANCEL, _("_Cancel"),
                                    HOLBOO_CERTIFICATE_RESPONSE_TRUST, _("_Trust and Connect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog),
                                              HOLBOO_CERTIFICATE_RESPONSE_TRUST,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), HOLBOO_CERTIFICATE_RESPONSE_CANCEL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), HOLBOO_CERTIFICATE_RESPONSE_CANCEL);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  detail_row (GTK_GRID (grid), 0, _("Issued by"), issuer != NULL ? issuer : _("Unknown"), FALSE);
  /* 32 bytes as "AB:CD:…": two lines of 16, as certificate viewers show it. */
  fingerprint_lines = g_strdup (fingerprint);
  if (strlen (fingerprint_lines) == 95)
    fingerprint_lines[47] = '\n';
  detail_row (GTK_GRID (grid), 1, _("SHA-256 fingerprint"), fingerprint_lines, TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);

  return dialog;
}
