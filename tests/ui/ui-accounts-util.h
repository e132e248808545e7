/* ui-accounts-util.h — what the accounts UI tests share
 *
 * Copyright 2026 The Holboo developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "holboo-accounts-window.h"
#include "holboo-application.h"
#include "holboo-test-server.h"
#include "holboo-window.h"
#include "keyring-test-util.h"

G_BEGIN_DECLS

/* The program's server and keyring. */
typedef struct {
  HolbooTestServer *server;
  char             *ca_file;
  char             *fingerprint;   /* of the server's certificate */
  TestKeyring      *keyring;
} UiLive;

extern UiLive live;

typedef struct _Fixture Fixture;
typedef                 void (*TestBody) (Fixture *f);

struct _Fixture {
  HolbooApplication *app;
  HolbooWindow      *window;
  char              *data_dir;
  TestBody           body;
  gboolean           dark;
};

typedef                 gboolean (*Condition) (gpointer data);

#define wait_until(c, d, what) wait_until_s ((c), (d), 10, (what))

/* Waiting, screenshots, windows */
void                    wait_until_s (Condition condition, gpointer data, guint seconds, const char *what);
void                    run_for (guint ms);
void                    save_artefact (GtkWidget *widget, const char *name);
GtkWindow              *find_toplevel (GType type);
gboolean                toplevel_shown (gpointer data);
gboolean                toplevel_gone (gpointer data);
gboolean                widget_is_mapped (gpointer data);
gboolean                accounts_read (gpointer data);
gboolean                main_view_shown (gpointer data);
gboolean                welcome_shown (gpointer data);

/* Running the application: one per test, on the fixture's data directory */
void                    run_app (Fixture *f, TestBody body);
void                    fixture_setup (Fixture *f, gconstpointer data);
void                    fixture_teardown (Fixture *f, gconstpointer data);

/* The sign-in form */
HolbooSignInPage       *sign_in_page (Fixture *f);
GtkWidget              *page_child (Fixture *f, const char *name);
char                   *jid_of (const char *user);
gint64                  press_enter (Fixture *f);
guint16                 free_port (void);
void                    fill_form (Fixture *f, const char *address, const char *password, const char *host, guint16 port, gboolean with_ca);
gboolean                error_shown (gpointer data);
void                    assert_error_within_10_s (Fixture *f, gint64 start, const char *expected);

/* The banner and the sidebar */
HolbooConnectionBanner *banner (Fixture *f);
gboolean                banner_connected (gpointer data);
GtkWidget              *window_child (Fixture *f, const char *name);
void                    assert_connected_in_main (Fixture *f, const char *artefact);

/* Dialogs, ports, accounts saved before the app starts */
void                    click_response (AdwMessageDialog *dialog, const char *response);
AdwMessageDialog       *wait_for_dialog (void);
void                    on_done (GObject *object, GAsyncResult *result, gpointer user_data);
gboolean                result_set (gpointer data);
void                    set_up_account (Fixture *f, guint16 port, gboolean with_ca, const char *pinned, const char *password);
GtkWidget              *banner_child (Fixture *f, const char *name);
gboolean                banner_waiting (gpointer data);

G_END_DECLS
