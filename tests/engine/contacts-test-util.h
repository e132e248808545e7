/* contacts-test-util.h: helpers for the contacts tests against the
 * harness's real Prosody or ejabberd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "core-live-util.h"
#include "holboo-account-contacts.h"

G_BEGIN_DECLS

#define WAIT_MS 20000

typedef gboolean (*FinishFunc) (HolbooAccount *, GAsyncResult *, GError **);

/* What a wait expects of a contact of @live (fields as each check uses
 * them; n_contacts_is() reads @subscription as a count, blocked_is() as
 * a boolean). */
typedef struct {
  LiveAccount            *live;
  const char             *jid;
  HolbooXmppSubscription  subscription;
  HolbooXmppPresenceShow  show;
  const char             *status;
  const char             *name;
} Expect;

/* GAsyncReadyCallback storing the result in *(GAsyncResult **) user_data. */
void           on_done          (GObject       *source,
                                 GAsyncResult  *result,
                                 gpointer       user_data);
gboolean       result_ready     (gpointer       data);
void           finish_ok        (HolbooAccount *account,
                                 GAsyncResult **result,
                                 FinishFunc     finish);

/* Checks for live_wait() on an Expect. */
gboolean       subscription_is  (gpointer       data);
gboolean       show_is          (gpointer       data);
gboolean       name_is          (gpointer       data);
gboolean       contact_gone     (gpointer       data);
gboolean       n_contacts_is    (gpointer       data);
gboolean       caps_known       (gpointer       data);
gboolean       blocked_is       (gpointer       data);

const char    *full_jid         (LiveAccount   *live);
HolbooXmlNode *parse_printf     (const char    *format,
                                 ...) G_GNUC_PRINTF (1, 2);
/* Runs @xml through @live's contact handling as if its server sent it. */
void           receive          (LiveAccount   *live,
                                 const char    *xml);

/* A meta value of the store at @path, read on a connection of its own. */
char          *store_meta       (const char    *path,
                                 const char    *key);

G_END_DECLS
