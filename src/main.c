/* main.c — Holboo's entry point
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "holboo-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HolbooApplication) app = NULL;
  const char *localedir = g_getenv ("HOLBOO_LOCALEDIR");

  /* HOLBOO_LOCALEDIR points gettext at a build tree's po/ directory, so
   * tests and the demo show translations without installing. */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = holboo_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
